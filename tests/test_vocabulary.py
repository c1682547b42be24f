"""One vocabulary resolver for the programme's fixed lists: organisation types, funds,
countries, roles, legal statuses and cost categories are matched by id in any spelling, by
name in each programme language and by the aliases the programme document gives (the
harmonised Interreg partner types), stored canonically, and judged on the resolved entry."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import interreg
from interreg import CooperationHistory

REAL = Path(__file__).parent / "data" / "real" / "se-participations-2021-2027.json"
SOLE_TRADER = ["Sole trader", "sole_trader", "Enkeltpersonforetak", "Enskild näringsidkare"]


def org_type_findings(proposal):
    return {(f.rule, f.severity) for f in proposal.validate().findings
            if f.rule in ("partner.org-type", "partner.eligible-type")}


@pytest.mark.parametrize("spelling", SOLE_TRADER)
def test_a_sole_trader_in_any_spelling_is_ineligible(good_proposal, spelling):
    partner = good_proposal.add_partner("Hansen Konsulent", country="DK", region="Hovedstaden", org_type=spelling)
    assert partner.org_type == "sole-trader"
    assert org_type_findings(good_proposal) == {("partner.eligible-type", "ERROR")}


@pytest.mark.parametrize("spelling", SOLE_TRADER)
def test_a_sole_trader_read_from_a_file_is_ineligible_too(good_proposal, tmp_path, spelling):
    doc = good_proposal.to_dict()
    doc["partners"][1]["org_type"] = spelling
    (tmp_path / "p.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    loaded = interreg.Proposal.load(tmp_path / "p.json")
    assert loaded.partners[1].org_type == spelling  # a document keeps what its authors wrote
    assert org_type_findings(loaded) == {("partner.eligible-type", "ERROR")}
    batch = interreg.validate_many([tmp_path])
    assert set(batch["rule"]) >= {"partner.eligible-type"} and "partner.org-type" not in set(batch["rule"])


@pytest.mark.parametrize("spelling", ["Municipality", "local_authority", "Kommun", "Local public authority"])
def test_local_authority_spellings(good_proposal, programme, spelling):
    partner = good_proposal.add_partner("Halmstads kommun", country="Sverige", region="Halland", org_type=spelling)
    assert programme.org_type(partner.org_type).id == "local-authority"
    assert partner.country == "SE"
    assert org_type_findings(good_proposal) == set()


def test_ids_and_names_are_stored_as_the_id_harmonised_types_as_given(good_proposal):
    partner = good_proposal.partners[0]
    partner.org_type = "University or other higher education and research institution"
    assert partner.org_type == "university"
    partner.org_type = "KOMMUN"
    assert partner.org_type == "local-authority"
    # The mapping of a harmonised type is the library's assumption: the spelling stays, so
    # every verdict on it can say what it rests on.
    partner.org_type = "Higher education and research institution"
    assert partner.org_type == "Higher education and research institution"


def test_an_unknown_type_is_kept_and_is_an_error(good_proposal):
    partner = good_proposal.add_partner("Mystery Org", country="SE", region="Skåne", org_type="Other")
    assert partner.org_type == "Other"
    findings = [f for f in good_proposal.validate().findings if f.rule == "partner.org-type"]
    assert [(f.severity, f.path) for f in findings] == [("ERROR", f"/partners/{len(good_proposal.partners) - 1}/org_type")]
    assert "cannot be judged" in findings[0].message


def test_a_missing_type_is_only_a_warning(good_proposal):
    good_proposal.add_partner("Draft Partner", country="SE", region="Skåne")
    assert ("partner.org-type", "WARNING") in org_type_findings(good_proposal)
    assert ("partner.org-type", "ERROR") not in org_type_findings(good_proposal)


def test_a_verdict_through_an_assumed_alias_says_so(good_proposal):
    good_proposal.add_partner("Someone", country="SE", region="Skåne", org_type="General public")
    finding = next(f for f in good_proposal.validate().findings if f.rule == "partner.eligible-type")
    assert finding.assumed and "assumed" in finding.message
    assert finding.severity == "WARNING"  # the mapping is the library's reading: never an ERROR


def test_roles_statuses_categories_and_funds_in_any_case(good_proposal):
    partner = good_proposal.add_partner("Aarhus Kommune", country="DK", region="Midtjylland",
                                        org_type="Kommune", legal_status="Public", role="Partner")
    assert (partner.role, partner.legal_status) == ("partner", "public")
    partner.budget.add("Staff", "Coordinator", units=1, unit_price="100.00")
    assert partner.budget.lines[-1].category == "staff"
    with pytest.raises(interreg.ArgumentError, match="role"):
        good_proposal.add_partner("X", country="DK", role="boss")


def test_the_programme_lists_the_aliases(programme):
    aliases = programme.to_frame("aliases")
    local = aliases[aliases["id"] == "local-authority"]
    assert "Local public authority" in local["names"].iloc[0]
    assert set(local["status"]) == {"assumed"}
    types = programme.to_frame("org_types").set_index("id")
    assert "Local public authority" in types.loc["local-authority", "aliases"]
    assert types.loc["sole-trader", "name_sv"] == "Enskild näringsidkare"


# ---- a real history in the harmonised vocabulary ---------------------------------------------

@pytest.fixture(scope="module")
def swedish_history() -> CooperationHistory:
    rows = pd.DataFrame(json.loads(REAL.read_text(encoding="utf-8")))
    rows = rows[rows["organisationsnamn"].fillna("").str.strip() != ""]
    frame = pd.DataFrame({"project": rows["program"] + ": " + rows["projektnamn"], "programme": rows["program"],
                          "period": "2021-2027", "organisation": rows["organisationsnamn"], "country": "SE",
                          "region": rows["nuts3"], "org_type": rows["organisationstyp"].fillna(""),
                          "role": rows["organisationsroll"].map({"LP": "lead", "PP": "partner", "AP": "associated"})})
    return CooperationHistory.from_frame(frame)


def danish_norwegian_proposal(programme):
    p = interreg.Proposal(programme, acronym="SKILLS", specific_objective="RSO4.1", call="2025:1",
                          start="2026-01-01", duration_months=36, title="Skills")
    p.add_partner("Aalborg Kommune", country="DK", region="Nordjylland", org_type="local-authority", role="lead")
    p.add_partner("Agder fylkeskommune", country="NO", region="Agder", org_type="regional-authority")
    return p


def test_a_history_in_harmonised_types_answers_programme_types(swedish_history, programme):
    proposal = danish_norwegian_proposal(programme)
    by_id = swedish_history.suggest_partners(proposal, n=25, org_types=["university"])
    assert len(by_id) > 0
    # The source's spelling is kept for display; every one of them resolves to the university type.
    assert set(by_id["org_type"]) <= {"Higher education and research institution", "Education and research institution"}
    by_name = swedish_history.suggest_partners(proposal, n=25, org_types=["Higher education and research institution"])
    pd.testing.assert_frame_equal(by_id, by_name)
    many = swedish_history.suggest_partners(proposal, n=200, org_types="university")
    assert "lunds universitet" in set(many["organisation"].str.lower())


def test_an_unknown_filter_type_still_raises(swedish_history, programme):
    with pytest.raises(interreg.ArgumentError, match="university"):
        swedish_history.suggest_partners(danish_norwegian_proposal(programme), org_types=["universty"])
