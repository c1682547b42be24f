"""Every embedded programme, whichever it is: the package's index, the document's integrity
(every region resolves, every fact cites a source, every rule's evidence fits its severity), and
no programme id written into the code. A programme added to data/programmes/ is checked here
without a new test."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import interreg
from interreg import _resources

PACKAGE = Path(interreg.__file__).resolve().parent
REPO = PACKAGE.parent.parent
PROGRAMMES_DIR = PACKAGE / "data" / "programmes"
INDEX = json.loads((PROGRAMMES_DIR / "index.json").read_text(encoding="utf-8"))
IDS = list(INDEX["programmes"])
# Lists of records that state programme facts; each record cites a source.
RECORD_LISTS = ["countries", "regions", "sub_geographies", "priorities", "specific_objectives", "funds",
                "project_kinds", "calls", "org_types", "aliases"]
# Lists every programme has at least one record of.
REQUIRED_LISTS = ["countries", "regions", "priorities", "specific_objectives", "funds", "project_kinds", "calls",
                  "org_types"]


def document(pid: str) -> dict:
    return json.loads((PROGRAMMES_DIR / f"{pid}.json").read_text(encoding="utf-8"))


@pytest.fixture(params=IDS)
def pid(request) -> str:
    return request.param


@pytest.fixture
def prog(pid) -> interreg.Programme:
    return interreg.load_programme(pid)


# -- the index ---------------------------------------------------------------------------------

def test_the_index_lists_every_document_of_the_folder_once():
    documents = sorted(p.stem for p in PROGRAMMES_DIR.glob("*.json") if p.name != "index.json")
    assert sorted(IDS) == documents
    assert len(set(IDS)) == len(IDS)
    assert list(_resources.embedded_programmes()) == IDS


def test_the_default_is_an_embedded_programme_and_loads_without_argument():
    assert INDEX["default"] in IDS
    assert interreg.load_programme().id == INDEX["default"] == _resources.default_programme()


def test_programmes_lists_every_embedded_programme_in_the_index_order():
    frame = interreg.programmes()
    assert list(frame.columns) == ["id", "name", "period", "countries", "default"]
    assert list(frame["id"]) == IDS
    assert list(frame["default"]) == [pid == INDEX["default"] for pid in IDS]


# -- each document -----------------------------------------------------------------------------

def test_id_name_and_period(pid, prog):
    doc = document(pid)
    assert prog.id == doc["id"] == pid
    assert prog.name == doc["name"]["en"]
    assert re.fullmatch(r"\d{4}-\d{4}", prog.period)
    assert interreg.load_programme(pid) is prog  # loaded once


@pytest.mark.parametrize("table", RECORD_LISTS)
def test_every_record_cites_a_source(prog, table):
    records = getattr(prog, table)
    if table in REQUIRED_LISTS:
        assert records, table
    for record in records:
        source = record.source
        assert re.match(r"https?://", source.url), (table, record)
        assert source.title, (table, record)
        assert isinstance(source.assumed, bool)


def test_every_source_names_a_page(pid):
    for key, source in document(pid)["sources"].items():
        assert re.match(r"https?://\S+$", source["url"]), key
        assert source["title"].strip(), key


def test_every_region_resolves_by_its_code_name_and_aliases(prog):
    for region in prog.regions:
        for name in [region.code, region.name, region.name_en, *region.aliases]:
            assert prog.region(name).code == region.code, name
        if region.parent:
            assert prog.region(region.parent).country == region.country
        for successor in region.successors:
            assert prog.region(successor).country == region.country


def test_every_country_has_regions_in_the_area_and_a_fund(prog):
    frame = prog.to_frame("regions")
    for country in prog.countries:
        assert frame[(frame["country"] == country.code) & frame["in_area"]].shape[0] > 0, country.code
        assert any(country.code in fund.countries for fund in prog.funds), country.code


def test_objectives_priorities_and_calls_fit_together(prog):
    priorities = {p.id for p in prog.priorities}
    codes = {o.code for o in prog.specific_objectives}
    for objective in prog.specific_objectives:
        assert objective.priority in priorities
    kinds = {k.id for k in prog.project_kinds}
    for call in prog.calls:
        assert call.kind in kinds
        assert set(call.open_objectives) <= codes
    assert {c.kind for c in prog.calls} == kinds  # every kind can be applied for


def test_every_rule_is_known_and_its_severity_follows_its_evidence(prog):
    catalogue = interreg.rule_catalogue().set_index("id")
    for rule in prog.rules:
        assert rule["id"] in catalogue.index
        assert rule["source"]
        assert rule["status"] in ("confirmed", "assumed")
        if rule["status"] == "assumed":
            assert rule["severity"] != "ERROR", rule["id"]
        assert set(rule["params"]) == set(catalogue.loc[rule["id"], "params"]), rule["id"]


def test_a_new_proposal_is_for_the_programme_and_its_first_kind(prog):
    p = interreg.Proposal(prog)
    assert p.programme is prog
    assert p.kind == prog.project_kinds[0].id
    assert json.loads(p.to_json())["programme"] == prog.id


# -- no programme id in the code ---------------------------------------------------------------

def _code_files():
    cpp = [p for p in (REPO / "cpp").rglob("*") if p.is_file()
           and not p.relative_to(REPO / "cpp").parts[0] in ("tests", "fuzz")]
    return cpp + sorted(PACKAGE.glob("*.py"))


def test_the_code_names_no_programme_id():
    assert (REPO / "cpp" / "src").is_dir(), "run from a source checkout"
    files = _code_files()
    assert any(p.suffix == ".cpp" for p in files) and any(p.suffix == ".py" for p in files)
    found = [(str(p.relative_to(REPO)), pid) for p in files for pid in IDS
             if pid in p.read_text(encoding="utf-8", errors="replace")]
    assert not found, "programme ids belong in data/programmes/, not in the code: " + repr(found)
