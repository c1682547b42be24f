"""The work plan: objectives, work packages, activities, deliverables, outputs and results,
the cooperation criteria and the horizontal principles.

The core holds the work plan and makes every change (ids included), reading each item the way
the document reader does, so whatever an edit accepts saves and loads again.
"""
from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Tuple, Union

from ._frames import frame
from .errors import ArgumentError
from .timeline import Timeline

if TYPE_CHECKING:  # pragma: no cover
    from .proposal import Partner, Proposal

__all__ = ["WorkPlan"]

PartnerRef = Union[str, "Partner"]
Number = Union[str, int, Decimal]


def _number(value: Any, field: str) -> str:
    """A target or baseline as the decimal text documents hold."""
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        raise TypeError(f"{field} must be a str, int or Decimal, not {type(value).__name__}")
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def _partner_id(partner: Any) -> Any:
    return getattr(partner, "id", partner)  # a Partner or its id


def _fields(fields: Dict[str, Any]) -> Dict[str, Any]:
    """Keyword arguments as the document's fields: partners by id, deliverables as
    {title, period}, targets and baselines as decimal text."""
    out = dict(fields)
    if "lead" in out:
        out["lead"] = _partner_id(out["lead"])
    if isinstance(out.get("partners"), (list, tuple)):
        out["partners"] = [_partner_id(p) for p in out["partners"]]
    if isinstance(out.get("deliverables"), (list, tuple)):
        out["deliverables"] = [{"title": d[0], "period": d[1]} if isinstance(d, tuple) else d for d in out["deliverables"]]
    if isinstance(out.get("predecessors"), tuple):
        out["predecessors"] = list(out["predecessors"])
    for key in ("target", "baseline"):
        if key in out:
            out[key] = _number(out[key], key)
    return out


Item = Union[str, int, Tuple[str, int]]


class WorkPlan:
    """A live view of a proposal's work plan. Items are added, changed and removed by the core,
    which reads each exactly as a document's item (a bad value raises :class:`ArgumentError`
    naming the field) and hands out the ids: objectives "O1", work packages 1, 2, ...,
    activities "A1.1"."""

    def __init__(self, proposal: "Proposal"):
        self._proposal = proposal

    @property
    def _core(self):
        return self._proposal._core

    def to_dict(self) -> Dict[str, Any]:
        """The work plan as it is written in the proposal document."""
        return self._core.work_plan

    @property
    def overall_objective(self) -> str:
        return self.to_dict()["overall_objective"]

    @overall_objective.setter
    def overall_objective(self, text: str) -> None:
        self._core.set_overall_objective(text)

    def add_objective(self, text: str, *, id: Optional[str] = None) -> str:
        """Add a project objective and return its id ("O1", "O2", ...)."""
        return self._core.add_work_plan_item("objective", {"id": id, "text": text})

    def add_work_package(self, title: str, *, lead: Optional[PartnerRef] = None,
                         objective: Optional[str] = None, number: Optional[int] = None) -> int:
        """Add a work package and return its number (the next one unless `number` is given)."""
        return self._core.add_work_plan_item("work_package", _fields(
            {"number": number, "title": title, "lead": lead, "objective": objective}))

    def add_activity(self, work_package: int, title: str, *, start_period: int, end_period: int,
                     partners: Sequence[PartnerRef] = (), deliverables: Sequence[Tuple[str, int]] = (),
                     predecessors: Sequence[str] = (), id: Optional[str] = None) -> str:
        """Add an activity to a work package and return its id ("A1.1", ...). `deliverables`
        are (title, period) pairs; `predecessors` are ids of activities that must finish first."""
        return self._core.add_work_plan_item("activity", _fields(
            {"id": id, "title": title, "start_period": start_period, "end_period": end_period,
             "partners": list(partners), "deliverables": list(deliverables), "predecessors": list(predecessors)}),
            work_package)

    def add_output(self, indicator: str, target: Number, *, period: int, work_package: Optional[int] = None) -> None:
        """Add an output: a programme output indicator (e.g. "RCO84") with its target."""
        self._core.add_work_plan_item("output", _fields(
            {"indicator": indicator, "target": target, "period": period, "work_package": work_package}))

    def add_result(self, indicator: str, target: Number, *, period: int, baseline: Number = 0) -> None:
        """Add a result: a programme result indicator (e.g. "RCR104") with baseline and target."""
        self._core.add_work_plan_item("result", _fields(
            {"indicator": indicator, "baseline": baseline, "target": target, "period": period}))

    def update(self, item: Item, **fields: Any) -> None:
        """Change an item's fields, named as in the document: an objective (``"O1"``: id,
        text), a work package (``2``: number, title, lead, objective, activities), an
        activity (``"A1.2"``: id, title, start_period, end_period, partners, deliverables,
        predecessors, and work_package to move it), an output or result by its indicator code
        (``"RCO84"``: indicator, target, period, work_package / baseline). Renaming an item
        renames every reference to it. When two outputs share an indicator, name one as
        ``("RCO84", 2)`` (with its work package). Nothing changes if a value is refused."""
        self._core.update_work_plan_item(item, _fields(fields))

    def references(self, item: Item) -> List[str]:
        """Where the work plan refers to an item (what :meth:`remove` would refuse over)."""
        return self._core.work_plan_references(item)

    def remove(self, item: Item, *, cascade: bool = False) -> None:
        """Remove an item (a work package with its activities). When others refer to it (a
        predecessor, the work package of an output, the objective of a work package),
        :class:`ArgumentError` names them, unless ``cascade=True``: then those references are
        dropped with it."""
        self._core.remove_work_plan_item(item, cascade)

    def set_cooperation(self, **texts: Optional[str]) -> None:
        """Describe how the project meets the cooperation criteria: joint_development,
        joint_implementation, joint_staffing, joint_financing (text or None)."""
        for criterion, text in texts.items():
            self._core.set_cooperation(criterion, text)

    def set_principle(self, name: str, effect: Optional[str], text: str = "") -> None:
        """The project's effect on a horizontal principle (sustainable_development,
        equal_opportunities, gender_equality): positive, neutral or negative, and why (None
        removes it)."""
        self._core.set_principle(name, effect, text)

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

    def _repr_html_(self) -> str:
        from .render.html_workplan import work_plan_html

        return work_plan_html(self)

    def __repr__(self) -> str:
        d = self.to_dict()
        n = sum(len(wp["activities"]) for wp in d["work_packages"])
        return f"<WorkPlan {len(d['work_packages'])} work packages, {n} activities, {len(d['outputs'])} outputs, {len(d['results'])} results>"
