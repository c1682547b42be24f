"""The work plan through the Python API: ``proposal.work_plan`` builds the same document the
C++ writer produces (tests/data/valid/talent-rso41.json, the documented example), every change
goes through the strict reader (a bad value raises FormatError naming its /work_plan/... path and
changes nothing), save → load → save stays byte-identical, and ÖKS checks it.
"""
from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path

import pytest

import interreg
from interreg import _core
from conftest import add_reference_work_plan

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "valid"
TALENT = DATA / "talent-rso41.json"
PRE_PROJECT = DATA / "pre-project-german-partner.json"
PRE_PROJECT_WORK_PLAN = DATA / "pre-project-work-plan.json"

WORK_PLAN_RULES = ["workplan.structure", "workplan.references", "workplan.work-package", "workplan.periods",
                   "workplan.predecessor-cycle", "workplan.activity-order", "workplan.partner-involvement",
                   "workplan.outputs-results",
                   "workplan.cooperation", "workplan.horizontal"]


def build_work_plan(p: interreg.Proposal) -> interreg.Proposal:
    return add_reference_work_plan(p)


def build_sparse_work_plan(p: interreg.Proposal) -> interreg.Proposal:
    """The work plan of tests/data/valid/pre-project-work-plan.json: a pre-project (two
    periods) with what a pre-project needs and several values left unset (no objectives, no
    lead, no output work package, no results, joint staffing and two principles not given)."""
    wp = p.work_plan
    wp.overall_objective = "Prepare a main project on blue food value chains."
    n = wp.add_work_package("Preparation")
    a = wp.add_activity(n, "Partner workshops", start_period=1, end_period=2, partners=["PP1", "PP2"],
                        deliverables=[("Workshop notes", 1), ("Main project application", 2)])
    wp.add_activity(n, "Feasibility study", start_period=2, end_period=2, partners=["PP2"], predecessors=[a])
    wp.add_output("RCO87", "1.5", period=2)
    wp.set_cooperation(joint_development="Aarhus and Halland drafted the idea together.",
                       joint_implementation="Both partners run the workshops.",
                       joint_financing="Both partners pay their share.")
    wp.set_principle("gender_equality", "neutral", "")
    return p


def expected_plan() -> dict:
    """The document build_work_plan writes, spelled out."""
    return {
        "overall_objective": "A labour market without borders in Öresund-Kattegat-Skagerrak.",
        "objectives": [{"id": "O1", "text": "Map the skills employers lack on each side of the border."},
                       {"id": "O2", "text": "Match job seekers with employers across the border."}],
        "work_packages": [
            {"number": 1, "title": "Skills mapping", "lead": "PP1", "objective": "O1", "activities": [
                {"id": "A1.1", "title": "Employer survey", "start_period": 1, "end_period": 2,
                 "partners": ["PP1", "PP2"], "deliverables": [{"title": "Survey report", "period": 2}],
                 "predecessors": []},
                {"id": "A1.2", "title": "Skills map", "start_period": 3, "end_period": 4,
                 "partners": ["PP1", "PP3"], "deliverables": [{"title": "Skills map — “Kattegat” edition", "period": 4}],
                 "predecessors": ["A1.1"]}]},
            {"number": 2, "title": "Matching", "lead": "PP2", "objective": "O2", "activities": [
                {"id": "A2.1", "title": "Joint job fairs", "start_period": 4, "end_period": 6,
                 "partners": ["PP2", "PP3"],
                 "deliverables": [{"title": "First fair", "period": 4}, {"title": "Last fair", "period": 6}],
                 "predecessors": ["A1.2"]}]}],
        "outputs": [{"indicator": "RCO84", "target": "2", "period": 6, "work_package": 1},
                    {"indicator": "RCO87", "target": "3", "period": 6, "work_package": 2}],
        "results": [{"indicator": "RCR104", "baseline": "0", "target": "1", "period": 6},
                    {"indicator": "RCR84", "baseline": "0.5", "target": "12.25", "period": 6}],
        "cooperation": {"joint_development": "The partners wrote the application together.",
                        "joint_implementation": "Every activity has partners from two countries.",
                        "joint_staffing": "A shared project coordinator.",
                        "joint_financing": "Every partner contributes."},
        "horizontal_principles": {
            "sustainable_development": {"effect": "neutral", "text": ""},
            "equal_opportunities": {"effect": "positive", "text": "Job seekers far from the labour market first."},
            "gender_equality": {"effect": "positive", "text": "Fairs in sectors with a gender imbalance."}},
    }


def without_work_plan(path: Path) -> dict:
    doc = json.loads(path.read_text(encoding="utf-8"))
    del doc["work_plan"]
    return doc


@pytest.fixture
def talent() -> interreg.Proposal:
    """The documented example without its work plan."""
    return interreg.Proposal.from_dict(without_work_plan(TALENT))


@pytest.fixture
def planned(talent) -> interreg.Proposal:
    return build_work_plan(talent)


# --- building ---------------------------------------------------------------------------------

def test_the_api_builds_the_plan(planned):
    assert planned.work_plan.to_dict() == expected_plan()
    assert planned.to_dict()["work_plan"] == expected_plan()


def test_the_api_builds_the_valid_document(planned):
    # tests/data/valid/talent-rso41.json is the documented example with this work plan.
    assert planned.to_json() == TALENT.read_text(encoding="utf-8")


def test_the_sparse_plan_builds_the_valid_document():
    p = build_sparse_work_plan(interreg.Proposal.load(PRE_PROJECT))
    assert p.to_json() == PRE_PROJECT_WORK_PLAN.read_text(encoding="utf-8")
    w = p.work_plan.to_dict()
    assert w["work_packages"][0]["lead"] is None and w["work_packages"][0]["objective"] is None
    assert w["outputs"] == [{"indicator": "RCO87", "target": "1.5", "period": 2, "work_package": None}]
    assert w["cooperation"]["joint_staffing"] is None
    assert w["horizontal_principles"]["sustainable_development"] is None


def test_returned_ids(talent):
    wp = talent.work_plan
    assert wp.add_objective("First") == "O1"
    assert wp.add_objective("Second") == "O2"
    assert wp.add_objective("Own id", id="OBJ-X") == "OBJ-X"
    assert wp.add_work_package("One") == 1
    assert wp.add_work_package("Two") == 2
    assert wp.add_activity(1, "a", start_period=1, end_period=1) == "A1.1"
    assert wp.add_activity(1, "b", start_period=1, end_period=1) == "A1.2"
    assert wp.add_activity(2, "c", start_period=1, end_period=1) == "A2.1"
    assert wp.add_activity(2, "d", start_period=1, end_period=1, id="Kick-off") == "Kick-off"
    assert [o["id"] for o in wp.to_dict()["objectives"]] == ["O1", "O2", "OBJ-X"]
    assert [a["id"] for w in wp.to_dict()["work_packages"] for a in w["activities"]] == ["A1.1", "A1.2", "A2.1",
                                                                                           "Kick-off"]


def test_work_package_numbers_follow_the_highest(talent):
    doc = talent.work_plan.to_dict()
    doc["work_packages"] = [{"number": 4, "title": "Four"}]
    talent._core.work_plan = doc
    assert talent.work_plan.add_work_package("Next") == 5


def test_partners_as_objects_or_ids(talent):
    wp = talent.work_plan
    lead, county = talent.partner("PP1"), talent.partner("Østfold fylkeskommune")
    n = wp.add_work_package("By object", lead=county)
    m = wp.add_work_package("By id", lead="PP3")
    wp.add_activity(n, "Mixed", start_period=1, end_period=1, partners=[lead, "PP2", county])
    wp.add_activity(m, "Ids", start_period=1, end_period=1, partners=("PP1", "PP2", "PP3"))
    d = wp.to_dict()
    assert [w["lead"] for w in d["work_packages"]] == ["PP3", "PP3"]
    assert [a["partners"] for w in d["work_packages"] for a in w["activities"]] == [["PP1", "PP2", "PP3"]] * 2


def test_an_unknown_work_package_is_not_found(talent):
    before = talent.work_plan.to_dict()
    with pytest.raises(interreg.NotFoundError):
        talent.work_plan.add_activity(3, "Nowhere", start_period=1, end_period=1)
    with pytest.raises(KeyError):
        talent.work_plan.add_activity(1, "Nowhere", start_period=1, end_period=1)
    assert talent.work_plan.to_dict() == before


def test_to_dict_is_a_copy(planned):
    d = planned.work_plan.to_dict()
    d["work_packages"].clear()
    d["overall_objective"] = "changed"
    assert planned.work_plan.to_dict() == expected_plan()


def test_overall_objective_property(talent):
    assert talent.work_plan.overall_objective == ""
    talent.work_plan.overall_objective = "Jobs"
    assert talent.work_plan.overall_objective == "Jobs"
    assert talent.to_dict()["work_plan"]["overall_objective"] == "Jobs"


def test_set_cooperation_and_principle_replace_and_clear(planned):
    wp = planned.work_plan
    wp.set_cooperation(joint_staffing=None)
    wp.set_principle("gender_equality", "negative", "Fewer fairs in female-dominated sectors.")
    d = wp.to_dict()
    assert d["cooperation"]["joint_staffing"] is None
    assert d["cooperation"]["joint_financing"] == "Every partner contributes."
    assert d["horizontal_principles"]["gender_equality"] == {"effect": "negative",
                                                              "text": "Fewer fairs in female-dominated sectors."}


def test_targets(talent):
    wp = talent.work_plan
    wp.add_output("RCO84", Decimal("2.50"), period=1)
    wp.add_output("RCO84", 10, period=1)
    wp.add_output("RCO84", "0.25", period=1)
    wp.add_result("RCR104", Decimal("1E+2"), period=1, baseline=Decimal("0"))
    d = wp.to_dict()
    assert [o["target"] for o in d["outputs"]] == ["2.5", "10", "0.25"]
    assert d["results"] == [{"indicator": "RCR104", "baseline": "0", "target": "100", "period": 1}]


def test_frame(planned):
    df = planned.work_plan.to_frame()
    assert list(df.columns) == ["work_package", "id", "title", "start_period", "end_period", "partners",
                                "deliverables", "predecessors"]
    assert list(df["id"]) == ["A1.1", "A1.2", "A2.1"]
    assert list(df["work_package"]) == [1, 1, 2]
    row = df.iloc[2]
    assert (row["start_period"], row["end_period"]) == (4, 6)
    assert row["partners"] == "PP2, PP3"
    assert row["deliverables"] == "First fair (period 4); Last fair (period 6)"
    assert row["predecessors"] == "A1.2"
    assert df.iloc[0]["predecessors"] == ""


def test_frame_without_activities(talent):
    df = talent.work_plan.to_frame()
    assert len(df) == 0
    assert list(df.columns) == ["work_package", "id", "title", "start_period", "end_period", "partners",
                                "deliverables", "predecessors"]


def test_repr(planned):
    assert repr(planned.work_plan) == "<WorkPlan 2 work packages, 3 activities, 2 outputs, 2 results>"
    assert repr(interreg.Proposal().work_plan) == "<WorkPlan 0 work packages, 0 activities, 0 outputs, 0 results>"


# --- changing and removing items ----------------------------------------------------------------

def test_update_changes_one_item_in_place(planned):
    plan = planned.work_plan
    plan.update("A1.1", title="Employer survey, second round", end_period=3,
                partners=[planned.partner("PP1"), "PP3"], deliverables=[("Survey report", 3)])
    survey = plan.to_dict()["work_packages"][0]["activities"][0]
    assert survey == {"id": "A1.1", "title": "Employer survey, second round", "start_period": 1, "end_period": 3,
                      "partners": ["PP1", "PP3"], "deliverables": [{"title": "Survey report", "period": 3}],
                      "predecessors": []}
    plan.update("O1", text="Map the skills employers lack.")
    plan.update(2, title="Matching and fairs", lead="PP3")
    plan.update("RCO84", target=Decimal("2.5"))
    plan.update("RCR84", baseline=1)
    doc = plan.to_dict()
    assert doc["objectives"][0]["text"] == "Map the skills employers lack."
    assert (doc["work_packages"][1]["title"], doc["work_packages"][1]["lead"]) == ("Matching and fairs", "PP3")
    assert doc["outputs"][0]["target"] == "2.5"
    assert doc["results"][1]["baseline"] == "1"


def test_renaming_an_item_renames_its_references(planned):
    plan = planned.work_plan
    plan.update("A1.2", id="A1.5")
    plan.update("O2", id="O9")
    plan.update(1, number=4)
    doc = plan.to_dict()
    assert doc["work_packages"][1]["activities"][0]["predecessors"] == ["A1.5"]
    assert doc["work_packages"][1]["objective"] == "O9"
    assert doc["outputs"][0]["work_package"] == 4
    with pytest.raises(interreg.ArgumentError, match="used already"):
        plan.update("A1.5", id="A2.1")


def test_an_activity_moves_to_another_work_package(planned):
    planned.work_plan.update("A1.2", work_package=2)
    doc = planned.work_plan.to_dict()
    assert [a["id"] for a in doc["work_packages"][0]["activities"]] == ["A1.1"]
    assert [a["id"] for a in doc["work_packages"][1]["activities"]] == ["A2.1", "A1.2"]


def test_removing_what_others_refer_to_needs_cascade(planned):
    plan = planned.work_plan
    before = planned.to_json()
    assert plan.references("A1.2") == ["activity A2.1 waits for A1.2"]
    with pytest.raises(interreg.ArgumentError) as caught:
        plan.remove("A1.2")
    assert "activity A2.1 waits for A1.2" in str(caught.value) and "cascade=True" in str(caught.value)
    assert planned.to_json() == before
    plan.remove("A1.2", cascade=True)
    assert plan.to_dict()["work_packages"][1]["activities"][0]["predecessors"] == []
    assert plan.references(1) == ["output RCO84 is delivered by it"]
    plan.remove(1, cascade=True)  # with its activities
    doc = plan.to_dict()
    assert [wp["number"] for wp in doc["work_packages"]] == [2]
    assert doc["outputs"][0]["work_package"] is None
    plan.remove("rco 87")  # an output by its indicator, in any spelling
    assert [o["indicator"] for o in plan.to_dict()["outputs"]] == ["RCO84"]


def test_items_are_named_unambiguously(planned):
    plan = planned.work_plan
    plan.add_output("RCO84", 1, period=6, work_package=2)
    with pytest.raises(interreg.ArgumentError, match=r"\('RCO84', 1\)"):
        plan.update("RCO84", target=3)
    plan.update(("RCO84", 2), target=3)
    assert [o["target"] for o in plan.to_dict()["outputs"]] == ["2", "3", "3"]
    with pytest.raises(interreg.NotFoundError, match="activities: A1.1, A1.2, A2.1"):
        plan.remove("A9.9")
    with pytest.raises(TypeError):
        plan.remove(1.5)


def test_unknown_fields_are_named(planned):
    with pytest.raises(interreg.ArgumentError) as caught:
        planned.work_plan.update("A1.1", titel="x")
    assert caught.value.field == "titel"
    assert "valid keys, nearest first: title" in str(caught.value)


# --- a bad value raises ArgumentError naming its field and changes nothing ------------------------------

BAD_EDITS = [
    ("start_period=0", lambda wp: wp.add_activity(2, "x", start_period=0, end_period=1),
     "start_period", "between 1 and 40"),
    ("end_period=41", lambda wp: wp.add_activity(1, "x", start_period=1, end_period=41),
     "end_period", "between 1 and 40"),
    ("deliverable period 0", lambda wp: wp.add_activity(1, "x", start_period=1, end_period=1, deliverables=[("d", 0)]),
     "deliverables/0/period", "between 1 and 40"),
    ("output target 'abc'", lambda wp: wp.add_output("RCO84", "abc", period=1),
     "target", "'abc'"),
    ("output target '1.234'", lambda wp: wp.add_output("RCO84", "1.234", period=1),
     "target", "more than 2 decimals"),
    ("output target '-'", lambda wp: wp.add_output("RCO84", "-", period=1),
     "target", "'-'"),
    ("result target 'abc'", lambda wp: wp.add_result("RCR84", "abc", period=1),
     "target", "'abc'"),
    ("result baseline Decimal 0.125", lambda wp: wp.add_result("RCR84", 1, period=1, baseline=Decimal("0.125")),
     "baseline", "more than 2 decimals"),
    ("effect 'good'", lambda wp: wp.set_principle("gender_equality", "good", "Good for all."),
     "effect", "'good'"),
    ("unknown principle", lambda wp: wp.set_principle("climate", "positive", "x"),
     "principle", "unknown horizontal principle 'climate'"),
    ("unknown cooperation criterion", lambda wp: wp.set_cooperation(joint_marketing="A logo."),
     "cooperation", "unknown criterion 'joint_marketing'"),
    ("duplicate activity id", lambda wp: wp.add_activity(2, "x", start_period=1, end_period=1, id="A1.1"),
     "id", "'A1.1'"),
    ("blank activity id", lambda wp: wp.add_activity(2, "x", start_period=1, end_period=1, id=" "),
     "id", "must not be empty"),
    ("empty indicator", lambda wp: wp.add_output("", "1", period=1),
     "indicator", "must not be empty"),
    ("output work package 51", lambda wp: wp.add_output("RCO84", "1", period=1, work_package=51),
     "work_package", "between 1 and 50"),
    ("period as text", lambda wp: wp.add_output("RCO84", "1", period="6"),
     "period", "expected an integer"),
    ("period as float", lambda wp: wp.add_result("RCR84", "1", period=6.0),
     "period", "expected an integer"),
    ("period as bool", lambda wp: wp.add_activity(1, "x", start_period=True, end_period=1),
     "start_period", "expected an integer"),
    ("huge period", lambda wp: wp.add_activity(1, "x", start_period=2 ** 70, end_period=1),
     "start_period", ""),
    ("title too long", lambda wp: wp.add_work_package("t" * 501),
     "title", "the limit is 500"),
    ("blank partner id", lambda wp: wp.add_activity(1, "x", start_period=1, end_period=1, partners=[""]),
     "partners/0", "must not be empty"),
]


@pytest.mark.parametrize("what,edit,field,detail", BAD_EDITS, ids=[b[0] for b in BAD_EDITS])
def test_a_bad_value_raises_naming_its_field_and_changes_nothing(planned, what, edit, field, detail):
    before, text_before = planned.work_plan.to_dict(), planned.to_json()
    with pytest.raises(interreg.ArgumentError) as caught:
        edit(planned.work_plan)
    assert isinstance(caught.value, ValueError)
    assert caught.value.field == field, str(caught.value)
    assert str(caught.value).startswith(f"{field}: ")
    assert detail in str(caught.value)
    assert planned.work_plan.to_dict() == before
    assert planned.to_json() == text_before


def test_a_wrong_type_is_a_type_error(planned):
    before = planned.to_json()
    with pytest.raises(TypeError, match="overall_objective must be a str, not int"):
        planned.work_plan.overall_objective = 5
    assert planned.to_json() == before


@pytest.mark.parametrize("bad", [1.5, None, True, [1]])
def test_targets_of_the_wrong_type_raise_type_error(planned, bad):
    before = planned.to_json()
    with pytest.raises(TypeError):
        planned.work_plan.add_output("RCO84", bad, period=1)
    with pytest.raises(TypeError):
        planned.work_plan.add_result("RCR84", 1, period=1, baseline=bad)
    assert planned.to_json() == before


def test_fifty_work_packages_at_most(talent):
    wp = talent.work_plan
    for i in range(50):
        assert wp.add_work_package(f"WP {i + 1}") == i + 1
    with pytest.raises(interreg.ArgumentError, match="at most 50 work packages"):
        wp.add_work_package("One too many")
    assert len(wp.to_dict()["work_packages"]) == 50


# --- documents --------------------------------------------------------------------------------

def test_save_load_save_is_byte_identical(planned, tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    planned.save(first)
    loaded = interreg.Proposal.load(first)
    assert loaded.work_plan.to_dict() == expected_plan()
    loaded.save(second)
    assert first.read_bytes() == second.read_bytes()
    assert first.read_text(encoding="utf-8") == planned.to_json()


def test_to_dict_round_trip(planned):
    doc = planned.to_dict()
    assert list(doc)[-2:] == ["partners", "work_plan"]
    again = interreg.Proposal.from_dict(doc)
    assert again.to_dict() == doc
    assert again.to_json() == planned.to_json()
    assert interreg.Proposal.from_json(planned.to_json()).work_plan.to_dict() == expected_plan()


def test_copy_has_its_own_work_plan(planned):
    twin = planned.copy()
    assert twin.work_plan.to_dict() == expected_plan()
    twin.work_plan.add_objective("Only in the copy")
    assert len(twin.work_plan.to_dict()["objectives"]) == 3
    assert planned.work_plan.to_dict() == expected_plan()


def test_a_proposal_without_work_plan_has_no_key(talent):
    for p in (talent, interreg.Proposal(acronym="EMPTY")):
        assert "work_plan" not in p.to_dict()
        assert "work_plan" not in json.loads(p.to_json())
    assert json.loads(talent.to_json()) == without_work_plan(TALENT)


def test_the_key_appears_with_the_first_value(talent):
    talent.work_plan.set_cooperation(joint_staffing="A shared coordinator.")
    doc = talent.to_dict()
    assert doc["work_plan"]["cooperation"]["joint_staffing"] == "A shared coordinator."
    assert doc["work_plan"]["work_packages"] == []
    # and goes when the plan is empty again
    talent.work_plan.set_cooperation(joint_staffing=None)
    assert "work_plan" not in talent.to_dict()


def test_a_loaded_document_with_an_empty_plan_loses_the_key(talent):
    doc = json.loads(TALENT.read_text(encoding="utf-8"))
    for empty in (None, {}, {"objectives": [], "cooperation": {"joint_staffing": None}}):
        doc["work_plan"] = empty
        assert interreg.Proposal.from_dict(doc).to_json() == talent.to_json()


def test_reading_a_document_names_the_work_plan_path():
    doc = json.loads(TALENT.read_text(encoding="utf-8"))
    doc["work_plan"]["work_packages"][1]["activities"][0]["partners"] = "PP2"
    with pytest.raises(interreg.FormatError) as caught:
        interreg.Proposal.from_dict(doc)
    assert caught.value.path == "/work_plan/work_packages/1/activities/0/partners"


# --- validation -------------------------------------------------------------------------------

def test_oks_checks_the_work_plan(planned):
    assert planned.validate().findings == []
    assert [r["id"] for r in interreg.load_programme().rules if r["id"].startswith("workplan.")] == WORK_PLAN_RULES
    # a draft without a work plan gets one finding that says what to add, not one per part
    findings = interreg.Proposal.from_dict(without_work_plan(TALENT)).validate().findings
    assert [(f.rule, f.severity, f.path) for f in findings] == [("workplan.structure", "ERROR", "/work_plan")]
    assert "no work plan yet" in findings[0].message


def test_the_sparse_pre_project_plan(programme):
    pre = build_sparse_work_plan(interreg.Proposal.load(PRE_PROJECT))
    # the sparse plan leaves its work package without a lead; results and principles are exempt
    assert [(f.rule, f.path) for f in pre.validate().findings if f.rule.startswith(("workplan.", "indicators."))] == [
        ("workplan.work-package", "/work_plan/work_packages/0/lead")]


def test_a_cycle_and_an_idle_partner_are_found():
    doc = json.loads(TALENT.read_text(encoding="utf-8"))
    doc["work_plan"]["work_packages"][0]["activities"][0]["predecessors"] = ["A2.1"]
    for wp in doc["work_plan"]["work_packages"]:
        for a in wp["activities"]:
            a["partners"] = [x for x in a["partners"] if x != "PP3"]
    p = interreg.Proposal.from_dict(doc)
    report = p.validate()
    cycle = report.by_rule("workplan.predecessor-cycle")
    assert len(cycle) == 1
    assert cycle[0].severity == "ERROR"
    assert cycle[0].path == "/work_plan/work_packages"
    assert "A1.1 → A1.2 → A2.1 → A1.1" in cycle[0].message
    idle = report.by_rule("workplan.partner-involvement")
    assert [(f.severity, f.path) for f in idle] == [("WARNING", "/partners/2")]
    assert "PP3" in idle[0].message
    # In a circle some activity starts before the one it waits for ends.
    assert {f.rule for f in report.findings} == {"workplan.predecessor-cycle", "workplan.activity-order",
                                                 "workplan.partner-involvement"}


# --- suspected bugs ---------------------------------------------------------------------------

def test_generated_activity_id_skips_ids_in_use(talent):
    wp = talent.work_plan
    wp.add_work_package("One")
    assert wp.add_activity(1, "named", start_period=1, end_period=1, id="A1.2") == "A1.2"
    assert wp.add_activity(1, "generated", start_period=1, end_period=1) not in ("A1.2",)


def test_generated_objective_id_skips_ids_in_use(talent):
    wp = talent.work_plan
    assert wp.add_objective("named", id="O2") == "O2"
    generated = wp.add_objective("generated")
    ids = [o["id"] for o in wp.to_dict()["objectives"]]
    assert len(set(ids)) == len(ids), ids
    assert generated != "O2"
