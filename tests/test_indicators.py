"""Programme indicators from Python: the catalogue (records, lookups in any spelling, the
objective's list, the table and the CLI) and the indicators.* rules and project.objective-fit
as a user meets them, each silent on the clean proposal and firing on one change."""
from __future__ import annotations

import sys

import pytest

import interreg
from conftest import run_command


def rules_fired(proposal, prefix):
    return [(f.rule, f.severity, f.path) for f in proposal.validate().findings if f.rule.startswith(prefix)]


# --- the catalogue ----------------------------------------------------------------------------

def test_every_common_indicator(programme):
    kinds = [i.kind for i in programme.indicators]
    assert kinds.count("output") == 96 and kinds.count("result") == 65
    rco87 = programme.indicator("RCO87")
    assert (rco87.code, rco87.kind, rco87.unit, rco87.result, rco87.jointly) == (
        "RCO87", "output", "organisations", "RCR84", False)
    assert rco87.name["en"] == "Organisations cooperating across borders"
    assert programme.indicator("RCO84").result is None
    assert programme.indicator("RCO116").jointly is True


@pytest.mark.parametrize("spelling", ["RCO84", "rco084", "RCO 84", " Rco0084 "])
def test_codes_in_any_spelling(programme, spelling):
    assert programme.indicator(spelling).code == "RCO84"


def test_an_unknown_code_lists_the_nearest(programme):
    with pytest.raises(interreg.NotFoundError) as caught:
        programme.indicator("RCO870")
    assert isinstance(caught.value, KeyError)
    assert "no indicator 'RCO870'" in str(caught.value)
    assert "RCO87" in str(caught.value)


def test_the_objectives_list_is_assumed(programme):
    outputs = programme.indicators_for("RSO4.1", kind="output")
    results = programme.indicators_for("rso4.1", kind="result")
    assert [i.code for i in outputs] == ["RCO81", "RCO82", "RCO83", "RCO84", "RCO85", "RCO86", "RCO87", "RCO90",
                                         "RCO115", "RCO116", "RCO117", "RCO118", "RCO120"]
    assert [i.code for i in results] == ["RCR79", "RCR81", "RCR82", "RCR83", "RCR84", "RCR85", "RCR104"]
    assert len(programme.indicators_for("RSO2.2")) == 20
    source = programme.objective("RSO4.1").indicators_source
    assert source.assumed and "not available" in source.note
    with pytest.raises(interreg.ArgumentError):
        programme.indicators_for("RSO4.1", kind="outputs")
    with pytest.raises(interreg.NotFoundError):
        programme.indicators_for("RSO9.9")


def test_the_table(programme):
    df = programme.to_frame("indicators")
    assert len(df) == 161
    assert list(df.columns) == ["code", "kind", "name", "unit", "result", "jointly", "objectives", "note", "status",
                                "source"]
    row = df.set_index("code").loc["RCO83"]
    assert (row["result"], bool(row["jointly"]), row["status"]) == ("RCR79", True, "confirmed")
    assert "RSO4.1" in row["objectives"]
    assert "indicators" in programme.tables


def test_the_cli_lists_the_indicators():
    rc, out, err = run_command([sys.executable, "-m", "interreg", "programme", "--indicators"])
    assert rc == 0, err
    assert "RCO87" in out and "Organisations cooperating across borders" in out and "RCR84" in out


# --- the rules --------------------------------------------------------------------------------

def test_the_clean_proposal_is_silent(good_proposal):
    assert rules_fired(good_proposal, ("indicators.", "project.objective-fit")) == []


def test_an_indicator_not_of_the_objective(good_proposal):
    doc = good_proposal.to_dict()
    doc["work_plan"]["outputs"][1]["indicator"] = "RCO01"
    p = interreg.Proposal.from_dict(doc)
    assert rules_fired(p, "indicators.") == [("indicators.objective", "WARNING", "/work_plan/outputs/1/indicator")]
    finding = p.validate().by_rule("indicators.objective")[0]
    assert "RCO01 is not among the indicators of RSO4.1" in finding.message
    assert finding.assumed


def test_an_output_without_its_result(good_proposal):
    doc = good_proposal.to_dict()
    del doc["work_plan"]["results"][1]  # RCR84
    p = interreg.Proposal.from_dict(doc)
    assert rules_fired(p, "indicators.") == [("indicators.pairing", "WARNING", "/work_plan/outputs/1/indicator")]
    assert p.validate().ok


def test_a_target_of_zero(good_proposal):
    good_proposal.work_plan.add_output("RCO81", 0, period=6, work_package=2)
    good_proposal.work_plan.add_result("RCR85", 0, period=6)
    assert rules_fired(good_proposal, "indicators.target") == [
        ("indicators.target", "WARNING", "/work_plan/outputs/2/target"),
        ("indicators.target", "WARNING", "/work_plan/results/2/target")]


def test_a_jointly_indicator_of_one_country(good_proposal):
    good_proposal.work_plan.add_work_package("Swedish pilots", lead="PP1")
    good_proposal.work_plan.add_activity(3, "Pilot in Göteborg", start_period=2, end_period=3, partners=["PP1"])
    good_proposal.work_plan.add_output("RCO116", 1, period=3, work_package=3)
    good_proposal.work_plan.add_result("RCR104", 1, period=6)
    assert rules_fired(good_proposal, "indicators.") == [
        ("indicators.jointly", "WARNING", "/work_plan/outputs/2/work_package")]
    assert "involves partners of SE only" in good_proposal.validate().by_rule("indicators.jointly")[0].message


def test_the_texts_fit_another_objective(good_proposal):
    good_proposal.specific_objective = "RSO2.2"
    findings = good_proposal.validate().by_rule("project.objective-fit")
    assert [(f.severity, f.path) for f in findings] == [("WARNING", "/specific_objective")]
    assert "read more like RSO4.1" in findings[0].message
    # the same ranking as Programme.rank_objectives on the proposal
    assert interreg.load_programme().rank_objectives(good_proposal)[0].code == "RSO4.1"
