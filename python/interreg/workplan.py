"""The work plan: objectives, work packages, activities, deliverables, outputs and results,
the cooperation criteria and the horizontal principles.

The core holds the work plan; this view edits it as a document, so every change is read by
the same strict reader as a file (a bad value raises :class:`FormatError` naming its path).
"""
from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from ._frames import frame
from .errors import ArgumentError
from .timeline import Timeline

if TYPE_CHECKING:  # pragma: no cover
    from .proposal import Partner, Proposal

__all__ = ["WorkPlan"]

PartnerRef = Union[str, "Partner"]
Number = Union[str, int, Decimal]


def _number(value: Number, field: str) -> str:
    """A target or baseline as the decimal text documents hold."""
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        raise TypeError(f"{field} must be a str, int or Decimal, not {type(value).__name__}")
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def _partner_ids(partners: Iterable[PartnerRef]) -> List[str]:
    return [p if isinstance(p, str) else p.id for p in partners]


def _free_id(pattern: str, taken: "set[str]") -> str:
    """The first of pattern.format(1), pattern.format(2), ... not yet taken."""
    n = 1
    while pattern.format(n) in taken:
        n += 1
    return pattern.format(n)


class WorkPlan:
    """A live view of a proposal's work plan."""

    def __init__(self, proposal: "Proposal"):
        self._proposal = proposal

    def to_dict(self) -> Dict[str, Any]:
        """The work plan as it is written in the proposal document."""
        return self._proposal._core.work_plan

    def _change(self, edit) -> Any:
        doc = self.to_dict()
        result = edit(doc)
        self._proposal._core.work_plan = doc
        return result

    @property
    def overall_objective(self) -> str:
        return self.to_dict()["overall_objective"]

    @overall_objective.setter
    def overall_objective(self, text: str) -> None:
        self._change(lambda d: d.__setitem__("overall_objective", text))

    def add_objective(self, text: str, *, id: Optional[str] = None) -> str:
        """Add a project objective and return its id ("O1", "O2", ...)."""
        def edit(d):
            oid = id or _free_id("O{}", {o["id"] for o in d["objectives"]})
            d["objectives"].append({"id": oid, "text": text})
            return oid
        return self._change(edit)

    def add_work_package(self, title: str, *, lead: Optional[PartnerRef] = None,
                         objective: Optional[str] = None) -> int:
        """Add a work package and return its number (1, 2, ...)."""
        def edit(d):
            number = max((wp["number"] for wp in d["work_packages"]), default=0) + 1
            d["work_packages"].append({"number": number, "title": title,
                                       "lead": None if lead is None else _partner_ids([lead])[0],
                                       "objective": objective, "activities": []})
            return number
        return self._change(edit)

    def add_activity(self, work_package: int, title: str, *, start_period: int, end_period: int,
                     partners: Sequence[PartnerRef] = (), deliverables: Sequence[Tuple[str, int]] = (),
                     predecessors: Sequence[str] = (), id: Optional[str] = None) -> str:
        """Add an activity to a work package and return its id ("A1.1", ...). `deliverables`
        are (title, period) pairs; `predecessors` are ids of activities that must finish first."""
        def edit(d):
            wp = next((w for w in d["work_packages"] if w["number"] == work_package), None)
            if wp is None:
                from .errors import NotFoundError
                raise NotFoundError(f"no work package {work_package}")
            taken = {a["id"] for w in d["work_packages"] for a in w["activities"]}
            aid = id or _free_id(f"A{work_package}.{{}}", taken)
            wp["activities"].append({"id": aid, "title": title, "start_period": start_period, "end_period": end_period,
                                     "partners": _partner_ids(partners),
                                     "deliverables": [{"title": t, "period": p} for t, p in deliverables],
                                     "predecessors": list(predecessors)})
            return aid
        return self._change(edit)

    def add_output(self, indicator: str, target: Number, *, period: int, work_package: Optional[int] = None) -> None:
        """Add an output: a programme output indicator (e.g. "RCO84") with its target."""
        self._change(lambda d: d["outputs"].append({"indicator": indicator, "target": _number(target, "target"),
                                                    "period": period, "work_package": work_package}))

    def add_result(self, indicator: str, target: Number, *, period: int, baseline: Number = 0) -> None:
        """Add a result: a programme result indicator (e.g. "RCR104") with baseline and target."""
        self._change(lambda d: d["results"].append({"indicator": indicator, "baseline": _number(baseline, "baseline"),
                                                    "target": _number(target, "target"), "period": period}))

    def set_cooperation(self, **texts: Optional[str]) -> None:
        """Describe how the project meets the cooperation criteria: joint_development,
        joint_implementation, joint_staffing, joint_financing (text or None)."""
        self._change(lambda d: d["cooperation"].update(texts))

    def set_principle(self, name: str, effect: str, text: str = "") -> None:
        """The project's effect on a horizontal principle (sustainable_development,
        equal_opportunities, gender_equality): positive, neutral or negative, and why."""
        self._change(lambda d: d["horizontal_principles"].update({name: {"effect": effect, "text": text}}))

    def timeline(self) -> Timeline:
        """The work plan by reporting period: work packages, activities (each after its
        predecessors) and deliverables, with their periods (see :class:`interreg.timeline.Timeline`)."""
        return Timeline(self._proposal)

    def plot_timeline(self, ax=None, *, arrows: bool = True):
        """A Gantt chart of the work plan (see :meth:`interreg.timeline.Timeline.plot`);
        returns the matplotlib Axes."""
        return self.timeline().plot(ax, arrows=arrows)

    VIEWS = ("activities", "timeline")

    def to_frame(self, view: str = "activities"):
        """A DataFrame: "activities" (one row per activity: work package, id, title, periods,
        partners, deliverables, predecessors) or "timeline" (one row per work package,
        activity and deliverable in timeline order, see :meth:`timeline`)."""
        if view == "timeline":
            return self.timeline().to_frame()
        if view != "activities":
            raise ArgumentError(f"unknown view {view!r}; choose one of {', '.join(self.VIEWS)}")
        rows = [{"work_package": wp["number"], "id": a["id"], "title": a["title"], "start_period": a["start_period"],
                 "end_period": a["end_period"], "partners": ", ".join(a["partners"]),
                 "deliverables": "; ".join(f"{x['title']} (period {x['period']})" for x in a["deliverables"]),
                 "predecessors": ", ".join(a["predecessors"])}
                for wp in self.to_dict()["work_packages"] for a in wp["activities"]]
        return frame(rows, columns=["work_package", "id", "title", "start_period", "end_period", "partners",
                                    "deliverables", "predecessors"])

    def __repr__(self) -> str:
        d = self.to_dict()
        n = sum(len(wp["activities"]) for wp in d["work_packages"])
        return f"<WorkPlan {len(d['work_packages'])} work packages, {n} activities, {len(d['outputs'])} outputs, {len(d['results'])} results>"
