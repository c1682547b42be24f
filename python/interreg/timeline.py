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
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple

from . import _core
from ._frames import frame

if TYPE_CHECKING:  # pragma: no cover
    from .proposal import Proposal

__all__ = ["Timeline", "TimelineRow", "KINDS"]

KINDS = ("work_package", "activity", "deliverable")
COLUMNS = ["kind", "id", "title", "work_package", "activity", "start", "end", "lead", "partners", "predecessors"]


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
        # (activity, predecessor) pairs where the activity starts before the predecessor ends
        # (validation: workplan.activity-order); the chart draws them in red.
        self.conflicts: List[Tuple[str, str]] = [(c.activity, c.predecessor) for c in core.conflicts]
        # The project's reporting periods: number, first_month, last_month, start, end.
        self.periods: List[Dict[str, Any]] = _core.reporting_periods(proposal.programme._core, proposal._core)
        self.acronym: str = proposal.acronym
        self.partner_names: Dict[str, str] = {p["id"]: p["name"] for p in proposal._core.partners()}

    @property
    def period_count(self) -> int:
        """How many periods the timeline shows: the project's, or more when a row runs beyond."""
        ends = [r.end for r in self.rows if r.end is not None]
        return max([len(self.periods), *ends])

    @property
    def note(self) -> Optional[str]:
        """What is wrong with the order, if anything: a circle of predecessors (then the
        document's order is kept) and activities that start before a predecessor ends."""
        notes = []
        if self.cycle:
            circle = " → ".join([*self.cycle, self.cycle[0]])
            notes.append(f"The activities wait for each other in a circle ({circle}); they are listed in the document's "
                         "order. Remove one of these predecessors (validation: workplan.predecessor-cycle).")
        if self.conflicts:
            pairs = ", ".join(f"{a} before {b} ends" for a, b in self.conflicts)
            notes.append(f"Activities start before a predecessor ends ({pairs}); the chart draws these arrows in red. "
                         "Move their start or drop the predecessor (validation: workplan.activity-order).")
        return " ".join(notes) or None

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
        from .plots.timeline import plot_timeline

        return plot_timeline(self, ax, arrows=arrows)

    def __len__(self) -> int:
        return len(self.rows)

    def _repr_html_(self) -> str:
        from .render.html_workplan import timeline_html

        return timeline_html(self, self.partner_names)

    def __repr__(self) -> str:
        counts = {k: sum(r.kind == k for r in self.rows) for k in KINDS}
        order = "document order (predecessors in a circle)" if self.cycle else "predecessors first"
        if self.conflicts:
            order += f", {len(self.conflicts)} starting before a predecessor ends"
        return (f"<Timeline {counts['work_package']} work packages, {counts['activity']} activities, "
                f"{counts['deliverable']} deliverables over {self.period_count} periods; {order}>")
