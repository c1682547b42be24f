"""The programme: loading, caching, errors, objectives, tables, region lookups, sources, rules."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import interreg
from interreg import _resources

EMBEDDED_JSON = Path(interreg.__file__).resolve().parent / "data" / "programmes" / "oks-2021-2027.json"
OBJECTIVES = ["RSO1.1", "RSO1.4", "RSO2.2", "RSO2.4", "RSO2.6", "RSO3.2", "RSO4.1"]
RECORD_LISTS = ["countries", "regions", "sub_geographies", "priorities", "specific_objectives", "funds",
                "project_kinds", "calls", "org_types", "aliases", "indicators"]


def message(exc: BaseException) -> str:
    """The message itself (str() of a KeyError adds quotes)."""
    return exc.args[0] if exc.args else str(exc)


# -- loading -----------------------------------------------------------------------------

def test_default_programme_is_oks():
    prog = interreg.load_programme()
    assert isinstance(prog, interreg.Programme)
    assert prog.id == "oks-2021-2027"
    assert prog.name == "Interreg Öresund-Kattegat-Skagerrak 2021-2027"
    assert set(prog.names) >= {"en", "sv", "da", "no"}


def test_load_by_id():
    assert interreg.load_programme("oks-2021-2027").id == "oks-2021-2027"


def test_embedded_programme_is_cached():
    assert interreg.load_programme() is interreg.load_programme()
    assert interreg.load_programme("oks-2021-2027") is interreg.load_programme()


@pytest.mark.parametrize("as_path", [str, Path], ids=["str", "Path"])
def test_load_by_path(as_path, tmp_path):
    copy = tmp_path / "my-programme.json"
    copy.write_bytes(EMBEDDED_JSON.read_bytes())
    prog = interreg.load_programme(as_path(copy))
    assert prog.id == "oks-2021-2027"
    assert [o.code for o in prog.specific_objectives] == OBJECTIVES
    assert len(prog.regions) == len(interreg.load_programme().regions)


def test_load_by_path_of_the_embedded_document():
    assert interreg.load_programme(str(EMBEDDED_JSON)).id == "oks-2021-2027"


def test_unknown_id_is_an_argument_error_listing_the_embedded_ids():
    with pytest.raises(interreg.ArgumentError) as info:
        interreg.load_programme("oks-2014-2020")
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, interreg.Error)
    assert "oks-2014-2020" in str(info.value)
    for known in _resources.embedded_programmes():
        assert known in str(info.value)


def test_missing_json_path_is_a_file_error(tmp_path):
    with pytest.raises(interreg.FileError) as info:
        interreg.load_programme(tmp_path / "does-not-exist.json")
    assert isinstance(info.value, OSError)
    assert "does-not-exist.json" in str(info.value)


def test_id_of_wrong_type_is_a_type_error():
    with pytest.raises(TypeError):
        interreg.load_programme(42)


def _broken_copy(tmp_path, change) -> Path:
    doc = json.loads(EMBEDDED_JSON.read_text(encoding="utf-8"))
    change(doc)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_unknown_key_in_programme_document_is_a_programme_error(tmp_path):
    path = _broken_copy(tmp_path, lambda d: d.__setitem__("bogus", 1))
    with pytest.raises(interreg.ProgrammeError) as info:
        interreg.load_programme(path)
    assert isinstance(info.value, ValueError)
    assert info.value.path == "/bogus"
    assert "bogus" in str(info.value)


@pytest.mark.parametrize("change, path", [
    (lambda d: d["regions"][0].__setitem__("colour", "red"), "/regions/0/colour"),
    (lambda d: d["calls"][0]["open_objectives"].append("RSO9.9"), "/calls/0/open_objectives"),
    (lambda d: d["rules"][0].__setitem__("id", "partnership.min-partner"), "/rules/0/id"),
    (lambda d: d.__setitem__("version", 2), "/version"),
], ids=["region-key", "call-objective", "rule-id", "version"])
def test_broken_programme_documents_name_the_path(tmp_path, change, path):
    with pytest.raises(interreg.ProgrammeError) as info:
        interreg.load_programme(_broken_copy(tmp_path, change))
    assert info.value.path == path


def test_programme_that_is_not_json(tmp_path):
    path = tmp_path / "garbage.json"
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(interreg.ProgrammeError) as info:
        interreg.load_programme(path)
    assert info.value.path == ""
    assert "line" in str(info.value) and "column" in str(info.value)


# -- objectives and tables -----------------------------------------------------------------

def test_seven_specific_objectives(programme):
    assert [o.code for o in programme.specific_objectives] == OBJECTIVES
    assert {o.priority for o in programme.specific_objectives} == {"P1", "P2", "P3", "P4"}
    assert programme.objective("rso4.1").code == "RSO4.1"


def test_unknown_objective_is_not_found(programme):
    with pytest.raises(interreg.NotFoundError) as info:
        programme.objective("RSO9.9")
    assert isinstance(info.value, KeyError)
    assert "RSO4.1" in message(info.value)


def test_specific_objectives_frame(programme):
    df = programme.to_frame("specific_objectives")
    assert len(df) == 7
    assert {"code", "priority", "policy_objective", "title", "source", "status"} <= set(df.columns)
    assert list(df["code"]) == OBJECTIVES
    assert df.set_index("code").loc["RSO4.1", "policy_objective"] == "PO4"
    assert programme.to_frame().equals(df)  # the default table


def test_every_table_is_a_frame_with_one_row_per_record(programme):
    assert set(programme.tables) == set(RECORD_LISTS) | {"rules", "reference_rates"}
    for name in programme.tables:
        df = programme.to_frame(name)
        expected = len(programme.rules) if name == "rules" else len(getattr(programme, name))
        assert len(df) == expected, name
        assert len(df) > 0, name
        assert "source" in df.columns and "status" in df.columns, name
        assert set(df["status"]) <= {"confirmed", "assumed"}, name


def test_reference_rates(programme):
    rates = {r["currency"]: r for r in programme.reference_rates}
    assert {c: (r["rate"], r["date"]) for c, r in rates.items()} == {
        "DKK": ("7.4558", "2023-12-08"), "SEK": ("11.238", "2023-12-08"), "NOK": ("11.727", "2023-12-08")}
    dkk = rates["DKK"]
    assert (dkk["band_centre"], dkk["band_width"], dkk["band_low"], dkk["band_high"], dkk["band_status"]) == (
        "7.46038", "2.25%", "7.292522", "7.628238", "confirmed")
    assert "nationalbanken.dk" in dkk["band_source"] and "ecb.europa.eu" in dkk["source"]
    assert (rates["NOK"]["band_low"], rates["NOK"]["band_high"], rates["NOK"]["band_status"]) == (
        "8.79525", "14.65875", "assumed")
    assert list(programme.to_frame("reference_rates")["currency"]) == ["DKK", "SEK", "NOK"]


def test_unknown_table_is_an_argument_error(programme):
    with pytest.raises(interreg.ArgumentError) as info:
        programme.to_frame("objectives")
    assert "specific_objectives" in str(info.value)


# -- regions ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["Region Hovedstaden", "Capital Region of Denmark", "Hovedstaden", "DK01",
                                  "region hovedstaden", "  Hovedstaden "])
def test_capital_region_lookups(programme, name):
    region = programme.region(name)
    assert region.code == "DK01"
    assert region.country == "DK"
    assert programme.in_area(region)
    assert programme.find_region(name).code == "DK01"


@pytest.mark.parametrize("name, code", [
    ("Västra Götalands län", "SE232"),
    ("Vastra Gotaland", "SE232"),
    ("Region Västra Götaland", "SE232"),
    ("Viken", "NO082"),
    ("Østfold", "NO-31"),
    ("Ostfold fylkeskommune", "NO-31"),
    ("Skåne", "SE224"),
    ("Nordjylland", "DK05"),
])
def test_region_lookups(programme, name, code):
    assert programme.region(name).code == code
    assert programme.in_area(programme.region(name))


@pytest.mark.parametrize("name, code", [
    ("Stockholms län", "SE110"),
    ("Syddanmark", "DK03"),
    ("Vestland", "NO0A2"),
    ("Innlandet", "NO020"),
])
def test_regions_outside_the_area(programme, name, code):
    region = programme.region(name)
    assert region.code == code
    assert not programme.in_area(region)
    assert not programme.in_area(name)  # by name too


def test_nuts3_unit_inherits_the_area_from_its_parent(programme):
    copenhagen = programme.region("Copenhagen")
    assert copenhagen.parent == "DK01"
    assert programme.in_area(copenhagen)


def test_viken_was_split_in_2024(programme):
    viken = programme.region("Viken")
    assert viken.valid_to == "2024-01-01"
    assert viken.successors == ["NO-31", "NO-32", "NO-33"]


def test_misspelt_region_is_not_found_and_suggests_the_right_one(programme):
    with pytest.raises(interreg.NotFoundError) as info:
        programme.region("Vestfold og Telemak")
    assert isinstance(info.value, KeyError)
    assert isinstance(info.value, interreg.Error)
    assert "Vestfold og Telemark" in message(info.value)
    assert programme.find_region("Vestfold og Telemak") is None


def test_region_view_is_read_only(programme):
    with pytest.raises(AttributeError):
        programme.region("DK01").name = "Somewhere else"


# -- sources ---------------------------------------------------------------------------------

# Every embedded programme's records cite a source: tests/test_embedded_programmes.py.

def test_assumed_facts_are_marked(programme):
    assert programme.call("2024:1").source.assumed
    assert not programme.call("2025:1").source.assumed


# -- rules -------------------------------------------------------------------------------------

def test_programme_switches_on_every_rule(programme):
    rules = programme.rules
    assert len(rules) == 54
    ids = [r["id"] for r in rules]
    assert len(set(ids)) == 54
    catalogue = interreg.rule_catalogue()
    # Every rule but the document.* ones, which reading a file raises, not a programme, and
    # project.kind-limits: no ÖKS project kind states a partner count or a cap on the whole budget.
    assert set(ids) == {r for r in catalogue["id"] if not r.startswith("document.")} - {"project.kind-limits"}
    catalogue = set(interreg.rule_catalogue()["id"])
    for rule in rules:
        assert rule["id"] in catalogue
        assert rule["severity"] in ("ERROR", "WARNING", "INFO")
        assert rule["title"]
        assert rule["source"]
        assert rule["status"] in ("confirmed", "assumed")
    assert {i.split(".")[0] for i in ids} == {"partnership", "partner", "project", "call", "budget", "cofinancing",
                                              "stateaid", "workplan", "indicators", "network"}
    assert sum(i.startswith(("budget.", "cofinancing.")) for i in ids) == 14
    assert sum(i.startswith("stateaid.") for i in ids) == 3
    assert sum(i.startswith(("workplan.", "indicators.")) for i in ids) == 14


def test_rule_parameters(programme):
    params = {r["id"]: r["params"] for r in programme.rules}
    assert params["partnership.min-partners"] == {"min": 2}
    assert params["partnership.lead-country"] == {"countries": ["DK", "SE"]}
    assert params["project.texts"] == {"title_max": 100, "summary_max": 4000}
    assert params["cofinancing.norwegian-cap"] == {"fund": "no-interreg"}


def test_rule_catalogue_frame():
    df = interreg.rule_catalogue()
    assert list(df.columns) == ["id", "severity", "title", "params"]
    assert len(df) >= 29
    assert df["id"].is_unique
    row = df.set_index("id").loc["project.texts"]
    assert set(row["params"]) == {"title_max", "summary_max"}


def test_repr(programme):
    assert repr(programme) == (f"<Programme oks-2021-2027: 7 objectives, {len(programme.regions)} regions, "
                               f"{len(programme.calls)} calls>")
