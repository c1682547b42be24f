"""The work plan's timeline as a Gantt chart."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict

from ..labels import WORK_PACKAGE_COLOURS
from ._axes import axes

if TYPE_CHECKING:  # pragma: no cover
    from ..timeline import Timeline

__all__ = ["plot_timeline"]

CONFLICT = "starts before its predecessor ends"  # the legend's label of a red arrow
LABEL_WIDTH = 36  # characters of a row's title shown beside the chart; the rest is cut with "…"


def _short(text: str) -> str:
    return text if len(text) <= LABEL_WIDTH else text[:LABEL_WIDTH - 1].rstrip() + "…"


def plot_timeline(t: "Timeline", ax: Any = None, *, arrows: bool = True) -> Any:
    """Reporting periods on x, rows top to bottom in timeline order: work packages as bars,
    activities as thinner bars, deliverables as diamonds in their period, and (with `arrows`)
    an arrow from each predecessor's end to the activity's start. On the right, who takes
    part: a work package's lead partner, an activity's partners."""
    count = t.period_count
    ax = axes(ax, (max(7.0, 3.5 + 0.9 * count), 1.4 + 0.32 * max(len(t.rows), 1)))
    colour = {r.work_package: WORK_PACKAGE_COLOURS[k % len(WORK_PACKAGE_COLOURS)]
              for k, r in enumerate(r for r in t.rows if r.kind == "work_package")}
    y = {r.id: k for k, r in enumerate(t.rows)}
    for kind, height, alpha, label in (("work_package", 0.75, 1.0, "work package"),
                                       ("activity", 0.4, 0.55, "activity")):
        bars = [r for r in t.rows if r.kind == kind and r.start is not None and r.end is not None]
        if bars:
            first = [min(r.start, r.end) for r in bars]  # type: ignore[type-var]
            ax.barh([y[r.id] for r in bars], [abs(r.end - r.start) + 1 for r in bars],  # type: ignore[operator]
                    left=[f - 1 for f in first], height=height, alpha=alpha, label=label,
                    color=[colour[r.work_package] for r in bars], edgecolor="black", linewidth=0.4)
    deliverables = [r for r in t.rows if r.kind == "deliverable"]
    if deliverables:
        ax.scatter([r.start - 0.5 for r in deliverables], [y[r.id] for r in deliverables],  # type: ignore[operator]
                   marker="D", s=36, color="black", zorder=3, label="deliverable")
    red = arrows and _arrows(t, ax, y)
    ax.set_yticks(range(len(t.rows)))
    indent = {"work_package": "", "activity": "   ", "deliverable": "      "}
    ax.set_yticklabels([f"{indent[r.kind]}{r.id} {_short(r.title)}" for r in t.rows])
    for label, r in zip(ax.get_yticklabels(), t.rows):
        label.set_fontweight("bold" if r.kind == "work_package" else "normal")
        label.set_fontsize(9 if r.kind != "deliverable" else 8)
    ax.set_ylim(max(len(t.rows), 1) - 0.5, -0.5)  # the first row on top
    ax.set_xlim(0, count)
    ax.set_xticks([k - 0.5 for k in range(1, count + 1)])
    ax.set_xticklabels([_period_label(t, k) for k in range(1, count + 1)], fontsize=8)
    ax.set_xticks(range(count + 1), minor=True)
    ax.grid(axis="x", which="minor", color="#cccccc", linewidth=0.6)
    ax.tick_params(axis="x", which="minor", length=0)
    if len(t.periods) < count:  # rows beyond the project's last period
        ax.axvline(len(t.periods), color="#c8102e", linestyle="--", linewidth=1)
    ax.set_xlabel("Reporting period")
    _partners(t, ax)
    title = f"{t.acronym}: work plan timeline" if t.acronym else "Work plan timeline"
    ax.set_title(title + (" (document order: predecessors in a circle)" if t.cycle else ""))
    handles = dict(zip(*reversed(ax.get_legend_handles_labels())))  # label → handle
    if red:  # say what the red arrows mean
        from matplotlib.lines import Line2D

        handles[CONFLICT] = Line2D([], [], color="#c8102e", linestyle="--", linewidth=1.4)
    shown = [label for label in ("work package", "activity", "deliverable", CONFLICT) if label in handles]
    if shown:
        ax.legend([handles[label] for label in shown], shown, loc="upper center", bbox_to_anchor=(0.5, -0.14),
                  ncol=len(shown), fontsize=8, frameon=False)
    return ax


def _arrows(t: "Timeline", ax: Any, y: Dict[str, int]) -> bool:
    """An arrow from each known predecessor's last period to the activity's first; where the
    activity starts before the predecessor ends the arrow would point backwards, so it is
    drawn red and dashed. Whether any such arrow was drawn."""
    activities = {r.id: r for r in t.rows if r.kind == "activity"}
    conflicts = set(t.conflicts)
    drawn_red = False
    for r in activities.values():
        for before in dict.fromkeys(r.predecessors):  # each predecessor once
            p = activities.get(before)
            if p is None or p.end is None or r.start is None:
                continue
            bad = (r.id, before) in conflicts
            drawn_red |= bad
            ax.annotate("", xy=(r.start - 1, y[r.id]), xytext=(p.end, y[p.id]),
                        arrowprops={"arrowstyle": "->", "color": "#c8102e" if bad else "#555555",
                                    "linewidth": 1.4 if bad else 0.8, "linestyle": "--" if bad else "-",
                                    "connectionstyle": "arc3,rad=0.0", "shrinkA": 0, "shrinkB": 2})
    return drawn_red


def _partners(t: "Timeline", ax: Any) -> None:
    """A second axis on the right naming who takes part in each row (ids; the lead in bold)."""
    right = ax.twinx()
    right.set_ylim(ax.get_ylim())
    right.set_yticks(range(len(t.rows)))
    right.set_yticklabels([(r.lead or "") if r.kind == "work_package" else ", ".join(r.partners) for r in t.rows],
                          fontsize=8)
    for label, r in zip(right.get_yticklabels(), t.rows):
        label.set_fontweight("bold" if r.kind == "work_package" else "normal")
    right.tick_params(axis="y", length=0)
    right.set_ylabel("partners (lead of a work package in bold)", fontsize=8)


def _period_label(t: "Timeline", number: int) -> str:
    """ "P3" and, when the dates are known, the period's first month ("P3\\n2027-01")."""
    if number <= len(t.periods) and t.periods[number - 1]["start"]:
        return f"P{number}\n{t.periods[number - 1]['start'][:7]}"
    return f"P{number}"
