"""The work plan as a timeline: work packages, activities and deliverables by reporting
period, as a table and as a Gantt chart.

The core computes the schedule (cpp/src/schedule.cpp): work packages by number, each
followed by its activities in an order that honours their predecessors (ties: work package
number, then as listed) and each activity by its deliverables. When activities wait for each
other in a circle, the document's order is kept and :attr:`Timeline.cycle` names the circle
(validation reports it as ``workplan.predecessor-cycle``).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Dict, List, Optional

from . import _core
from ._frames import frame
from .summary import _axes

if TYPE_CHECKING:  # pragma: no cover
    from .proposal import Proposal

__all__ = ["Timeline", "TimelineRow", "KINDS"]

KINDS = ("work_package", "activity", "deliverable")
COLUMNS = ["kind", "id", "title", "work_package", "activity", "start", "end", "lead", "partners", "predecessors"]

# One colour per work package (cycled), as in the budget plots' palette.
_PALETTE = ["#1f5fa8", "#c8102e", "#2a9d8f", "#e9a23b", "#6a4c93", "#a0522d", "#7fa7d6", "#8c6bb1"]


@dataclass(frozen=True)
class TimelineRow:
    """A work package, an activity or a deliverable with the periods it spans."""

    kind: str  # one of KINDS
    id: str  # "WP1", "A1.1", "D1.1.1"
    title: str
    work_package: int
    activity: Optional[str]  # a deliverable's activity
    start: Optional[int]  # None: a work package without activities
    end: Optional[int]
    lead: Optional[str]  # a work package's lead partner id
    partners: List[str]
    predecessors: List[str]

    @classmethod
    def _from_core(cls, row: _core.ScheduleRow) -> "TimelineRow":
        return cls(row.kind, row.id, row.title, row.work_package, row.activity or None, row.start, row.end, row.lead,
                   list(row.partners), list(row.predecessors))


class Timeline:
    """A proposal's work plan by reporting period (computed when created; not a live view)."""

    def __init__(self, proposal: "Proposal"):
        core = _core.schedule(proposal._core)
        self.rows: List[TimelineRow] = [TimelineRow._from_core(r) for r in core.rows]
        self.activity_order: List[str] = list(core.activity_order)
        self.cycle: List[str] = list(core.cycle)
        # The project's reporting periods: number, first_month, last_month, start, end.
        self.periods: List[Dict[str, Any]] = _core.reporting_periods(proposal.programme._core, proposal._core)

    @property
    def period_count(self) -> int:
        """How many periods the timeline shows: the project's, or more when a row runs beyond."""
        ends = [r.end for r in self.rows if r.end is not None]
        return max([len(self.periods), *ends])

    @property
    def note(self) -> Optional[str]:
        """Why the order is the document's, when it is: the circle of predecessors."""
        if not self.cycle:
            return None
        circle = " → ".join([*self.cycle, self.cycle[0]])
        return (f"The activities wait for each other in a circle ({circle}); they are listed in the document's "
                "order. Remove one of these predecessors (validation: workplan.predecessor-cycle).")

    def to_frame(self):
        """One row per work package, activity and deliverable, in timeline order: kind, id,
        title, work_package, activity, start, end, lead, partners, predecessors."""
        rows = ({"kind": r.kind, "id": r.id, "title": r.title, "work_package": r.work_package,
                 "activity": r.activity, "start": r.start, "end": r.end, "lead": r.lead,
                 "partners": ", ".join(r.partners), "predecessors": ", ".join(r.predecessors)} for r in self.rows)
        return frame(rows, columns=COLUMNS)

    def plot(self, ax=None, *, arrows: bool = True):
        """A Gantt chart: reporting periods on x, rows top to bottom in timeline order; work
        packages as bars, activities as thinner bars, deliverables as diamonds in their
        period, and (with `arrows`) an arrow from each predecessor's end to the activity's
        start. Draws on `ax` (a new figure when None) and returns the matplotlib Axes."""
        count = self.period_count
        ax = _axes(ax, (max(7.0, 3.5 + 0.9 * count), 1.4 + 0.32 * max(len(self.rows), 1)))
        colour = {r.work_package: _PALETTE[k % len(_PALETTE)]
                  for k, r in enumerate(r for r in self.rows if r.kind == "work_package")}
        y = {r.id: k for k, r in enumerate(self.rows)}
        for kind, height, alpha, label in (("work_package", 0.75, 1.0, "work package"),
                                           ("activity", 0.4, 0.55, "activity")):
            bars = [r for r in self.rows if r.kind == kind and r.start is not None and r.end is not None]
            if bars:
                first = [min(r.start, r.end) for r in bars]  # type: ignore[type-var]
                ax.barh([y[r.id] for r in bars], [abs(r.end - r.start) + 1 for r in bars],  # type: ignore[operator]
                        left=[f - 1 for f in first], height=height, alpha=alpha, label=label,
                        color=[colour[r.work_package] for r in bars], edgecolor="black", linewidth=0.4)
        deliverables = [r for r in self.rows if r.kind == "deliverable"]
        if deliverables:
            ax.scatter([r.start - 0.5 for r in deliverables], [y[r.id] for r in deliverables],  # type: ignore[operator]
                       marker="D", s=36, color="black", zorder=3, label="deliverable")
        if arrows:
            self._arrows(ax, y)
        ax.set_yticks(range(len(self.rows)))
        indent = {"work_package": "", "activity": "   ", "deliverable": "      "}
        ax.set_yticklabels([f"{indent[r.kind]}{r.id} {r.title}" for r in self.rows])
        for label, r in zip(ax.get_yticklabels(), self.rows):
            label.set_fontweight("bold" if r.kind == "work_package" else "normal")
            label.set_fontsize(9 if r.kind != "deliverable" else 8)
        ax.set_ylim(max(len(self.rows), 1) - 0.5, -0.5)  # the first row on top
        ax.set_xlim(0, count)
        ax.set_xticks([k - 0.5 for k in range(1, count + 1)])
        ax.set_xticklabels([self._period_label(k) for k in range(1, count + 1)], fontsize=8)
        ax.set_xticks(range(count + 1), minor=True)
        ax.grid(axis="x", which="minor", color="#cccccc", linewidth=0.6)
        ax.tick_params(axis="x", which="minor", length=0)
        if len(self.periods) < count:  # rows beyond the project's last period
            ax.axvline(len(self.periods), color="#c8102e", linestyle="--", linewidth=1)
        ax.set_xlabel("Reporting period")
        ax.set_title("Work plan timeline" + (" (document order: predecessors in a circle)" if self.cycle else ""))
        handles = dict(zip(*reversed(ax.get_legend_handles_labels())))  # label → handle
        shown = [label for label in ("work package", "activity", "deliverable") if label in handles]
        if shown:
            ax.legend([handles[label] for label in shown], shown, loc="upper left", bbox_to_anchor=(1.01, 1.0),
                      fontsize=8, frameon=False)
        return ax

    def _arrows(self, ax, y: Dict[str, int]) -> None:
        """An arrow from each known predecessor's last period to the activity's first."""
        activities = {r.id: r for r in self.rows if r.kind == "activity"}
        for r in activities.values():
            for before in dict.fromkeys(r.predecessors):  # each predecessor once
                p = activities.get(before)
                if p is None or p.end is None or r.start is None:
                    continue
                ax.annotate("", xy=(r.start - 1, y[r.id]), xytext=(p.end, y[p.id]),
                            arrowprops={"arrowstyle": "->", "color": "#555555", "linewidth": 0.8,
                                        "connectionstyle": "arc3,rad=0.0", "shrinkA": 0, "shrinkB": 2})

    def _period_label(self, number: int) -> str:
        """ "P3" and, when the dates are known, the period's first month ("P3\\n2027-01")."""
        if number <= len(self.periods) and self.periods[number - 1]["start"]:
            return f"P{number}\n{self.periods[number - 1]['start'][:7]}"
        return f"P{number}"

    def __len__(self) -> int:
        return len(self.rows)

    def __repr__(self) -> str:
        counts = {k: sum(r.kind == k for r in self.rows) for k in KINDS}
        order = "document order (predecessors in a circle)" if self.cycle else "predecessors first"
        return (f"<Timeline {counts['work_package']} work packages, {counts['activity']} activities, "
                f"{counts['deliverable']} deliverables over {self.period_count} periods; {order}>")
