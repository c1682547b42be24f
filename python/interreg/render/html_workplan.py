"""Notebook HTML of the work plan: the timeline as a table of coloured period cells (a Gantt
chart that needs no plotting library) and the intervention logic with its indicators."""
from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Dict, List, Optional

from ..labels import WORK_PACKAGE_COLOURS
from .html_parts import table

if TYPE_CHECKING:  # pragma: no cover
    from ..timeline import Timeline, TimelineRow
    from ..workplan import WorkPlan

__all__ = ["timeline_html", "work_plan_html"]

_CELL = "padding:0;min-width:1.6em;text-align:center"
DIAMOND = "◆"


def _period_cells(row: "TimelineRow", count: int, colour: str) -> str:
    """One cell per period: filled where a work package or an activity runs (an activity
    lighter), a diamond where a deliverable is due."""
    cells: List[str] = []
    for period in range(1, count + 1):
        inside = row.start is not None and row.end is not None and min(row.start, row.end) <= period <= max(row.start, row.end)
        if row.kind == "deliverable":
            mark = DIAMOND if row.start == period else ""
            cells.append(f"<td style='{_CELL}'>{mark}</td>")
        elif inside:
            opacity = "1" if row.kind == "work_package" else "0.55"
            cells.append(f"<td style='{_CELL};background:{colour};opacity:{opacity}'></td>")
        else:
            cells.append(f"<td style='{_CELL}'></td>")
    return "".join(cells)


def timeline_html(t: "Timeline", partner_names: Optional[Dict[str, str]] = None) -> str:
    """The timeline: rows in timeline order with who takes part, a column per reporting period
    (headed by its number and dates), and the note on the order when something is wrong."""
    names = partner_names or {}
    count = t.period_count
    colour = {r.work_package: WORK_PACKAGE_COLOURS[k % len(WORK_PACKAGE_COLOURS)]
              for k, r in enumerate(r for r in t.rows if r.kind == "work_package")}
    dates = {p["number"]: f"{p['start']} to {p['end']}" for p in t.periods if p["start"]}
    head = "".join(f"<th style='{_CELL}' title='{escape(dates.get(k, 'after the project'), quote=True)}'>{k}</th>"
                   for k in range(1, count + 1))
    indent = {"work_package": 0, "activity": 1, "deliverable": 2}
    rows = []
    for r in t.rows:
        who = r.lead if r.kind == "work_package" else ", ".join(r.partners)
        who_title = ", ".join(names.get(p, p) for p in ([r.lead] if r.kind == "work_package" and r.lead else r.partners))
        weight = "bold" if r.kind == "work_package" else "normal"
        rows.append(
            f"<tr><td style='text-align:left;white-space:nowrap;padding-left:{indent[r.kind]}em;font-weight:{weight}'>"
            f"{escape(r.id)}</td><td style='text-align:left'>{escape(r.title)}</td>"
            f"<td style='text-align:left' title='{escape(who_title, quote=True)}'>{escape(who or '')}</td>"
            f"{_period_cells(r, count, colour[r.work_package])}</tr>")
    summary = (f"{sum(r.kind == 'work_package' for r in t.rows)} work packages · "
               f"{sum(r.kind == 'activity' for r in t.rows)} activities · "
               f"{sum(r.kind == 'deliverable' for r in t.rows)} deliverables · {len(t.periods)} reporting periods")
    note = f"<p style='color:#8a1c1c'>{escape(t.note)}</p>" if t.note else ""
    return (f"<div><strong>Timeline</strong> {escape(summary)}{note}<table><thead><tr>"
            f"<th style='text-align:left'>id</th><th style='text-align:left'>title</th>"
            f"<th style='text-align:left'>lead / partners</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody>"
            f"</table><p>Period cells show when each row runs; {DIAMOND} marks a deliverable's period.</p></div>")


def work_plan_html(w: "WorkPlan") -> str:
    """The intervention logic: the overall objective, the project objectives, the work
    packages with their lead and activities, and the output and result indicators."""
    d = w.to_dict()
    objectives = table(["id", "objective"], [(o["id"], o["text"]) for o in d["objectives"]])
    packages = table(["work package", "title", "lead", "objective", "activities", "periods"], [
        (f"WP{wp['number']}", wp["title"], wp["lead"], wp["objective"], len(wp["activities"]), _span(wp["activities"]))
        for wp in d["work_packages"]])
    outputs = table(["indicator", "target", "period", "work package"],
                    [(o["indicator"], o["target"], o["period"], o["work_package"]) for o in d["outputs"]])
    results = table(["indicator", "baseline", "target", "period"],
                    [(r["indicator"], r["baseline"], r["target"], r["period"]) for r in d["results"]])
    overall = d["overall_objective"] or "(no overall objective yet)"
    return (f"<div><strong>Work plan</strong> {escape(overall)}<h4>Project objectives</h4>{objectives}"
            f"<h4>Work packages</h4>{packages}<h4>Outputs</h4>{outputs}<h4>Results</h4>{results}</div>")


def _span(activities: List[dict]) -> str:
    """The periods a work package's activities cover ("1–6"), or "—"."""
    periods = [p for a in activities for p in (a["start_period"], a["end_period"]) if p is not None]
    if not periods:
        return "—"
    first, last = min(periods), max(periods)
    return f"{first}" if first == last else f"{first}–{last}"
