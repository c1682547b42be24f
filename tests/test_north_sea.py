"""Interreg North Sea 2021-2027, the second embedded programme: real approved consortia pass the
partnership and partner rules, a two-country one does not, and the command line and the batch
pick the programme each document names."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import interreg
from conftest import run_command

NORTH_SEA = "north-sea-2021-2027"
PROJECTS = json.loads((Path(__file__).parent / "data" / "north-sea-projects.json").read_text(encoding="utf-8"))["projects"]
# The rules that judge a consortium: who takes part, from where, of which type.
CONSORTIUM_RULES = ("partnership.", "partner.")


@pytest.fixture(scope="module")
def north_sea():
    return interreg.load_programme(NORTH_SEA)


def consortium(prog, project) -> interreg.Proposal:
    """The project's consortium as a proposal of the programme, with what the sources give."""
    p = interreg.Proposal(prog, acronym=project["acronym"], kind=project["kind"], call=project["call"],
                          specific_objective=project["specific_objective"] or "", start=project["start"],
                          duration_months=project["duration_months"], title={"en": project["title"]})
    for partner in project["partners"]:
        p.add_partner(partner["name"], country=partner["country"], region=partner["region"],
                      role=partner.get("role", "partner"), org_type=partner.get("org_type"))
    return p


def cli(*args):
    return run_command([sys.executable, "-m", "interreg", *map(str, args)])


# -- the test set itself -----------------------------------------------------------------------

def test_the_test_set_is_real_approved_projects_with_their_sources():
    assert 5 <= len(PROJECTS) <= 10
    for project in PROJECTS:
        assert project["sources"] and all(s.startswith("https://") for s in project["sources"]), project["acronym"]
        partners = project["partners"]
        assert len(partners) <= project["partners_in_project"], project["acronym"]
        assert sum(p.get("role") == "lead" for p in partners) == 1, project["acronym"]
        assert len({p["country"] for p in partners}) >= 3, project["acronym"]
    assert {p["country"] for project in PROJECTS for p in project["partners"]} == {"BE", "DE", "DK", "FR", "NL", "NO", "SE"}


# -- no false ERROR on an approved consortium --------------------------------------------------

@pytest.mark.parametrize("project", PROJECTS, ids=[p["acronym"] for p in PROJECTS])
def test_approved_consortium_gives_no_error_from_the_partnership_and_partner_rules(north_sea, project):
    report = consortium(north_sea, project).validate()
    frame = report.to_frame()
    judged = frame[frame["rule"].str.startswith(CONSORTIUM_RULES)]
    errors = judged[judged["severity"] == "ERROR"]
    assert errors.empty, errors[["rule", "path", "message"]].to_string()


COMPLETE = [p for p in PROJECTS if p["call"] and p["specific_objective"] and p["start"]]


@pytest.mark.parametrize("project", COMPLETE, ids=[p["acronym"] for p in COMPLETE])
def test_with_its_call_objective_and_dates_the_only_error_is_the_budget_the_test_data_lacks(north_sea, project):
    frame = consortium(north_sea, project).validate().to_frame()
    assert set(frame[frame["severity"] == "ERROR"]["rule"]) == {"budget.total"}


@pytest.mark.parametrize("project", PROJECTS, ids=[p["acronym"] for p in PROJECTS])
def test_every_partner_region_of_an_approved_consortium_resolves_in_its_country(north_sea, project):
    for partner in project["partners"]:
        region = north_sea.region(partner["region"])
        assert region.country == partner["country"], partner["name"]


def test_a_partner_in_brussels_is_outside_the_area_a_warning_not_an_error(north_sea):
    molo = next(p for p in PROJECTS if p["acronym"] == "MoLo Hubs")
    frame = consortium(north_sea, molo).validate().to_frame()
    outside = frame[frame["rule"] == "partner.outside-area"]
    assert list(outside["severity"]) == ["WARNING"]
    assert "POLIS Network" in outside.iloc[0]["message"]


def test_a_county_split_in_2024_still_resolves_for_a_consortium_formed_before(north_sea):
    region = north_sea.region("Vestfold og Telemark")
    assert region.code == "NO091"
    assert {s for s in region.successors} == {"NO-39", "NO-40"}


def test_the_oks_only_rules_are_not_switched_on(north_sea):
    ids = {r["id"] for r in north_sea.rules}
    assert "partnership.norwegian-owner" not in ids
    assert "partnership.lead-country" not in ids
    assert "project.geography" not in ids
    assert not north_sea.sub_geographies


# -- the three-country minimum -----------------------------------------------------------------

def test_a_consortium_of_two_countries_is_an_error_citing_the_three_country_rule(north_sea):
    p = interreg.Proposal(north_sea, acronym="TWO", call="1", specific_objective="RSO2.7", start="2022-10-01",
                          duration_months=36)
    p.add_partner("Gemeente Dordrecht", country="NL", region="Zuid-Holland", role="lead")
    p.add_partner("Aarhus Kommune", country="DK", region="DK04")
    p.add_partner("Gemeente Rotterdam", country="NL", region="NL33")
    frame = p.validate().to_frame()
    rows = frame[frame["rule"] == "partnership.min-countries"]
    assert len(rows) == 1
    row = rows.iloc[0]
    assert row["severity"] == "ERROR"
    assert "3" in row["message"]
    assert "interregnorthsea.eu/project-type" in row["source"]
    # The same consortium with a third country passes the rule.
    p.add_partner("Freie Hansestadt Bremen", country="DE", region="Bremen")
    assert "partnership.min-countries" not in set(p.validate().to_frame()["rule"])


def test_norwegian_funding_in_call_2_is_an_error(north_sea):
    p = interreg.Proposal(north_sea, acronym="NOFUND", call="2", specific_objective="RSO1.1",
                          start="2023-07-01", duration_months=36)
    p.add_partner("Gemeente Amsterdam", country="NL", region="NL32", role="lead")
    p.add_partner("Aalborg Kommune", country="DK", region="DK05")
    stavanger = p.add_partner("Stavanger kommune", country="NO", region="Rogaland")
    stavanger.budget.add("staff", "Project manager", units=100, unit_price="50.00")
    stavanger.cofinancing.fund = "no-interreg"
    stavanger.cofinancing.rate = "50%"
    frame = p.validate().to_frame()
    rows = frame[frame["rule"] == "cofinancing.norwegian-cap"]
    assert list(rows["severity"]) == ["ERROR"]
    assert "no-funding-calls-2-3" not in rows.iloc[0]["source"]  # the citation is the page, not its key
    assert "northsearegion.eu" in rows.iloc[0]["source"]


# -- load, list, command line ------------------------------------------------------------------

def test_listed_loaded_and_named(north_sea):
    frame = interreg.programmes()
    row = frame.set_index("id").loc[NORTH_SEA]
    assert row["name"] == "Interreg North Sea 2021-2027"
    assert row["period"] == "2021-2027"
    assert row["countries"].split(", ") == ["BE", "DK", "DE", "FR", "NL", "NO", "SE"]
    assert not row["default"]
    assert north_sea.id == NORTH_SEA
    assert interreg.Proposal(north_sea).kind == "regular"


def test_cli_lists_the_regions_of_the_north_sea_programme(north_sea):
    rc, out, err = cli("programme", NORTH_SEA, "--regions")
    assert rc == 0, err
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["code", "name", "country", "in_area"]
    for code in ["BE21", "DE9", "FRE11", "NL33", "NO0A2", "NO-39", "SE212", "DK01"]:
        assert any(line.startswith(code + " ") for line in lines), code
    assert len(lines) == 2 + len(north_sea.regions)


def test_cli_names_the_programme(north_sea):
    rc, out, _ = cli("programme", NORTH_SEA)
    assert rc == 0
    assert out.splitlines()[0] == f"Interreg North Sea 2021-2027 ({NORTH_SEA})"


# -- a folder of proposals for two programmes --------------------------------------------------

@pytest.fixture
def mixed_folder(tmp_path, make_good_proposal, north_sea):
    """oks.json: a proposal for ÖKS without findings; north-sea.json: a North Sea one whose
    partners come from two countries only (an ERROR only North Sea raises: ÖKS asks for two)."""
    make_good_proposal().save(tmp_path / "oks.json")
    p = interreg.Proposal(north_sea, acronym="TWO", call="1", specific_objective="RSO2.7", start="2022-10-01",
                          duration_months=36)
    p.add_partner("Gemeente Dordrecht", country="NL", region="NL33", role="lead")
    p.add_partner("Aarhus Kommune", country="DK", region="DK04")
    p.save(tmp_path / "north-sea.json")
    return tmp_path


def test_each_document_is_checked_against_the_programme_it_names(mixed_folder):
    assert json.loads((mixed_folder / "north-sea.json").read_text(encoding="utf-8"))["programme"] == NORTH_SEA
    frame = interreg.validate_many([mixed_folder])
    files = frame.attrs["files"].set_index("file")
    assert bool(files.loc[str(mixed_folder / "oks.json"), "ok"])
    assert not bool(files.loc[str(mixed_folder / "north-sea.json"), "ok"])
    rules = set(frame[frame["file"] == str(mixed_folder / "north-sea.json")]["rule"])
    assert "partnership.min-countries" in rules
    assert not rules & {"document.programme", "partnership.norwegian-owner", "project.geography"}


def test_the_cli_checks_each_document_against_its_own_programme(mixed_folder):
    rc, out, err = cli("validate", mixed_folder, "--format", "json")
    assert rc == 1, err
    results = {Path(r["file"]).name: r for r in json.loads(out)}
    assert results["oks.json"]["ok"]
    assert not results["north-sea.json"]["ok"]
    assert "partnership.min-countries" in {f["rule"] for f in results["north-sea.json"]["findings"]}


def test_one_programme_for_every_file_overrides_what_the_documents_name(mixed_folder):
    frame = interreg.validate_many([mixed_folder], programme=NORTH_SEA)
    oks_rules = set(frame[frame["file"] == str(mixed_folder / "oks.json")]["rule"])
    # The ÖKS proposal judged as North Sea: its kind ("main") and objective (RSO4.1) are not North Sea's.
    assert {"project.duration", "project.objective"} <= oks_rules


# -- small-scale projects ----------------------------------------------------------------------

def small_scale(north_sea, partners: int, cost_each: str = "1000.00") -> interreg.Proposal:
    """A small-scale proposal of call 1 with `partners` partners from three countries."""
    p = interreg.Proposal(north_sea, acronym="SMALL", kind="small-scale", call="1-small-scale",
                          specific_objective="RSO2.7", start="2022-10-01", duration_months=18)
    places = [("NL", "NL33"), ("DK", "DK04"), ("DE", "DE5")]
    for i in range(partners):
        country, region = places[i % 3]
        partner = p.add_partner(f"Partner {i + 1}", country=country, region=region, role="lead" if i == 0 else "partner")
        partner.budget.add("external", "Study", units=1, unit_price=cost_each)
        partner.cofinancing.fund = "erdf"
        partner.cofinancing.rate = "60%"
    return p


def kind_limits(report) -> list:
    frame = report.to_frame()
    return frame[frame["rule"] == "project.kind-limits"].to_dict("records")


def test_the_small_scale_limits_are_data_of_the_kind(north_sea):
    kinds = {k.id: k for k in north_sea.project_kinds}
    small, regular = kinds["small-scale"], kinds["regular"]
    assert (small.max_duration_months, small.min_partners, small.max_partners, small.total_budget_cap) == (
        18, 3, 7, "500000.00")
    assert (regular.min_partners, regular.max_partners, regular.total_budget_cap) == (None, None, None)
    assert not small.source.assumed and regular.source.assumed


def test_a_small_scale_project_within_its_limits_passes(north_sea):
    assert kind_limits(small_scale(north_sea, 7, "70000.00").validate()) == []


def test_a_small_scale_project_of_eight_partners_is_an_error_citing_the_programme(north_sea):
    rows = kind_limits(small_scale(north_sea, 8).validate())
    assert len(rows) == 1
    assert rows[0]["severity"] == "ERROR"
    assert "at most 7" in rows[0]["message"]
    assert "interreg.no" in rows[0]["source"]


def test_a_small_scale_project_over_500000_eur_is_an_error(north_sea):
    rows = kind_limits(small_scale(north_sea, 5, "100000.01").validate())
    assert [r["severity"] for r in rows] == ["ERROR"]
    assert "500000.00 EUR" in rows[0]["message"] and "over by 0.05" in rows[0]["message"]


def test_a_regular_project_has_no_partner_limit(north_sea):
    p = small_scale(north_sea, 8)
    p.kind, p.call, p.duration_months = "regular", "1", 36
    assert kind_limits(p.validate()) == []
