"""The work plan's timeline: rows in timeline order (activities after their predecessors),
the table, a circle of predecessors, and the Gantt chart."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402
from matplotlib.text import Annotation  # noqa: E402

import interreg  # noqa: E402
from interreg.timeline import COLUMNS, Timeline  # noqa: E402
from planned_proposal import TIMELINE_IDS, build_planned_proposal  # noqa: E402


@pytest.fixture
def proposal(programme):
    return build_planned_proposal(programme)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def bars(ax):
    return [p for p in ax.patches if isinstance(p, Rectangle)]


def test_rows_in_timeline_order(proposal):
    t = proposal.work_plan.timeline()
    assert isinstance(t, Timeline)
    assert [r.id for r in t.rows] == TIMELINE_IDS
    assert t.activity_order == ["A1.2", "A1.1", "A2.1", "A2.2", "A3.1"]
    assert t.cycle == []
    # The fairs (A2.1, from period 3) wait for the skills map (A1.1, to period 4): an order conflict.
    assert t.conflicts == [("A2.1", "A1.1")]
    assert "A2.1 before A1.1 ends" in t.note and "workplan.activity-order" in t.note
    assert len(t) == 13 and t.period_count == 6
    assert [p["start"] for p in t.periods] == ["2026-01-01", "2026-07-01", "2027-01-01", "2027-07-01",
                                               "2028-01-01", "2028-07-01"]
    assert t.periods[-1]["end"] == "2028-12-31"
    wp1, a12, d121 = t.rows[0], t.rows[1], t.rows[2]
    assert (wp1.kind, wp1.title, wp1.start, wp1.end, wp1.lead) == ("work_package", "Skills mapping", 1, 4, "PP1")
    assert wp1.partners == ["PP1", "PP2", "PP3"]
    assert (a12.kind, a12.title, a12.start, a12.end, a12.partners) == ("activity", "Employer survey", 1, 2,
                                                                       ["PP1", "PP2"])
    assert (d121.kind, d121.title, d121.activity, d121.start, d121.end) == ("deliverable", "Survey report", "A1.2",
                                                                           2, 2)
    first_fair = t.rows[TIMELINE_IDS.index("D2.1.2")]
    assert (first_fair.title, first_fair.start) == ("First fair", 3)  # listed second, due first
    assert t.rows[TIMELINE_IDS.index("A1.1")].predecessors == ["A1.2"]
    assert ("3 work packages, 5 activities, 5 deliverables over 6 periods; predecessors first, 1 starting before "
            "a predecessor ends") in repr(t)


def test_no_conflict_once_the_fairs_follow_the_map(proposal):
    doc = proposal.work_plan.to_dict()
    doc["work_packages"][1]["activities"][0]["start_period"] = 4  # A2.1 starts when A1.1 ends: fine
    proposal._core.work_plan = doc
    t = proposal.work_plan.timeline()
    assert t.conflicts == [] and t.note is None
    assert "starting before" not in repr(t)
    ax = t.plot()
    arrows = [a for a in ax.texts if isinstance(a, Annotation)]
    assert {a.arrow_patch.get_linestyle() for a in arrows} == {"-"}
    assert [x.get_text() for x in ax.get_legend().get_texts()] == ["work package", "activity", "deliverable"]


def test_frame(proposal):
    df = proposal.work_plan.to_frame("timeline")
    assert list(df.columns) == COLUMNS
    assert list(df["id"]) == TIMELINE_IDS
    assert list(df["kind"][:3]) == ["work_package", "activity", "deliverable"]
    row = df.set_index("id").loc["WP2"]
    assert (row["start"], row["end"], row["lead"], row["partners"]) == (2, 6, "PP2", "PP2, PP3, PP1")
    assert df.set_index("id").loc["A1.1", "predecessors"] == "A1.2"
    assert list(proposal.work_plan.to_frame()["id"]) == ["A1.1", "A1.2", "A2.1", "A2.2", "A3.1"]  # activities, as listed
    with pytest.raises(interreg.ArgumentError, match="activities, timeline"):
        proposal.work_plan.to_frame("gantt")


def test_cycle_keeps_document_order(proposal):
    doc = proposal.work_plan.to_dict()
    doc["work_packages"][0]["activities"][1]["predecessors"] = ["A2.1"]  # A1.2 → A1.1 → A2.1 → A1.2
    proposal._core.work_plan = doc
    t = proposal.work_plan.timeline()
    assert t.cycle == ["A1.1", "A2.1", "A1.2"]
    assert t.activity_order == ["A1.1", "A1.2", "A2.1", "A2.2", "A3.1"]  # as listed
    assert [r.id for r in t.rows][:5] == ["WP1", "A1.1", "D1.1.1", "A1.2", "D1.2.1"]
    assert "A1.1 → A2.1 → A1.2 → A1.1" in t.note and "workplan.predecessor-cycle" in t.note
    assert "document order" in repr(t)
    ax = t.plot()  # still drawn, with the arrows as given
    assert len(bars(ax)) == 8
    assert "circle" in ax.get_title()


def test_empty_work_plan(programme):
    p = interreg.Proposal(programme, acronym="EMPTY", start="2026-01-01", duration_months=12)
    t = p.work_plan.timeline()
    assert t.rows == [] and t.activity_order == [] and t.period_count == 2
    df = p.work_plan.to_frame("timeline")
    assert list(df.columns) == COLUMNS and len(df) == 0
    ax = p.work_plan.plot_timeline()
    assert bars(ax) == [] and ax.get_xlim() == (0.0, 2.0)


def test_plot(proposal):
    ax = proposal.work_plan.plot_timeline()
    drawn = bars(ax)
    assert len(drawn) == 8  # 3 work packages and 5 activities
    assert [round(b.get_height(), 2) for b in drawn].count(0.75) == 3
    geometry = {(b.get_x(), b.get_width()) for b in drawn}
    assert (0.0, 2.0) in geometry  # A1.2: periods 1-2
    assert (2.0, 4.0) in geometry  # A2.1: periods 3-6
    assert (0.0, 6.0) in geometry  # WP3 and A3.1
    diamonds = ax.collections[0].get_offsets()
    assert len(diamonds) == 5
    assert [list(d) for d in diamonds][:2] == [[1.5, 2.0], [3.5, 4.0]]  # D1.2.1 in period 2, row 2; D1.1.1
    arrows = [t for t in ax.texts if isinstance(t, Annotation)]
    assert len(arrows) == 2  # A1.2 → A1.1, A1.1 → A2.1
    # A2.1 starts before A1.1 ends: its arrow would point backwards, so it is red and dashed.
    styles = sorted((a.arrow_patch.get_linestyle(), a.arrow_patch.get_edgecolor()[:3]) for a in arrows)
    assert styles[0][0] == "-" and styles[1][0] == "--"
    assert styles[1][1] == pytest.approx((0xc8 / 255, 0x10 / 255, 0x2e / 255))
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "WP1 Skills mapping" and labels[1].strip() == "A1.2 Employer survey"
    assert [t.get_text() for t in ax.get_xticklabels()][0] == "P1\n2026-01"
    assert ax.get_ylim() == (12.5, -0.5)  # the first row on top
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["work package", "activity", "deliverable",
                                                                    "starts before its predecessor ends"]
    assert ax.get_title() == f"{proposal.acronym}: work plan timeline"
    right = [other for other in ax.figure.axes if other is not ax][0]  # who takes part, row by row
    partners = [t.get_text() for t in right.get_yticklabels()]
    assert len(partners) == len(proposal.work_plan.timeline().rows)
    assert partners[0] == "PP1" and partners[1] == "PP1, PP2"  # WP1's lead, then A1.2's partners
    plain = proposal.work_plan.plot_timeline(arrows=False)
    assert not [t for t in plain.texts if isinstance(t, Annotation)]


def test_plot_on_given_axes_and_beyond_the_project(proposal):
    doc = proposal.work_plan.to_dict()
    doc["work_packages"][2]["activities"][0]["end_period"] = 8  # beyond the six periods: a finding, still drawn
    proposal._core.work_plan = doc
    fig, ax = plt.subplots()
    assert proposal.work_plan.plot_timeline(ax) is ax
    assert ax.get_xlim() == (0.0, 8.0)
    assert [t.get_text() for t in ax.get_xticklabels()][-1] == "P8"
    assert any(line.get_xdata()[0] == 6 for line in ax.get_lines())  # the project's end
