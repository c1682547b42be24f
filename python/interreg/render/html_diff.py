"""Notebook HTML of what changed between two versions: the changes, the budget's differences
(the partners and columns that moved) and the findings fixed and introduced. Everything taken
from the documents is escaped."""
from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from ..labels import column_label
from ..money import format_amount, format_difference
from .html_parts import NUM, badge, table

if TYPE_CHECKING:  # pragma: no cover
    from ..proposal_diff import BudgetDifference, FindingsDifference, ProposalDiff

__all__ = ["diff_html"]

MAX_ROWS = 200  # changes listed; to_frame() has them all
MAX_VALUE = 120  # characters of a value shown
# A change's kind on the colour of a severity: removed red, changed yellow, added blue.
KIND_STYLE = {"removed": "ERROR", "changed": "WARNING", "added": "INFO"}


def _short(text: object) -> str:
    s = "" if text is None else str(text)
    return s if len(s) <= MAX_VALUE else s[:MAX_VALUE - 1] + "…"


def _changes(d: "ProposalDiff") -> str:
    rows = "".join(
        f"<tr><td>{badge(KIND_STYLE[c.kind], c.kind)}</td><td style='text-align:left'>{escape(c.section)}</td>"
        f"<td style='text-align:left'>{escape(c.partner or '')}</td><td><code>{escape(c.path)}</code></td>"
        f"<td style='text-align:left'>{escape(_short(c.before_text))}</td>"
        f"<td style='text-align:left'>{escape(_short(c.after_text))}</td></tr>"
        for c in d.changes[:MAX_ROWS])
    header = "".join(f"<th style='text-align:left'>{h}</th>" for h in
                     ("kind", "section", "partner", "path", "before", "after"))
    more = len(d) - MAX_ROWS
    note = f"<p>… and {more} more changes (<code>to_frame()</code> lists them all).</p>" if more > 0 else ""
    return f"<table><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>{note}"


def _budget(b: "BudgetDifference") -> str:
    if not b.available:
        return f"<p>The budgets cannot be compared: {escape(b.error_text())}</p>"
    rows = b.rows()
    moved = [r for r in rows[:-1] if any(r[2].values())]
    if not moved:
        return "<p>No budget figure changed.</p>"
    columns = [c for c in rows[-1][2] if any(r[2][c] for r in moved)]
    head = "".join(f"<th style='{NUM}'>{escape(column_label('partners', c))}</th>" for c in columns)

    def cells(values: dict) -> str:
        return "".join(f"<td style='{NUM}'>{escape(format_difference(values[c]))}</td>" for c in columns)

    body = "".join(f"<tr><td style='text-align:left'>{escape(pid)} {escape(name)}</td>{cells(values)}</tr>"
                   for pid, name, values in moved)
    foot = f"<tfoot><tr style='font-weight:bold;border-top:1px solid'><td style='text-align:left'>project</td>" \
           f"{cells(rows[-1][2])}</tr></tfoot>"
    return (f"<table><thead><tr><th style='text-align:left'>partner</th>{head}</tr></thead>"
            f"<tbody>{body}</tbody>{foot}</table>")


def _findings(f: "FindingsDifference") -> str:
    out = []
    for status in ("fixed", "introduced"):
        items = getattr(f, status)
        if items:
            out.append(f"<h4>Findings {status}</h4>" + table(
                ["severity", "rule", "path", "message"], [(x.severity, x.rule, x.path or "/", x.message) for x in items]))
    return "".join(out)


def diff_html(d: "ProposalDiff") -> str:
    counts = d.findings.counts()
    if d.budget.available:
        budget = (f"budget {format_amount(d.budget.before)} → {format_amount(d.budget.after)} EUR "
                  f"({format_difference(d.budget.difference)})")
    else:
        budget = "budgets not comparable"
    findings = ", ".join(f"{n} {status}" for status, n in counts.items())
    head = (f"<strong>{escape(d.summary())}</strong><br>{escape(budget)} · findings: {escape(findings)}")
    if not d:
        return f"<div>{head}</div>"
    return (f"<div>{head}{_changes(d)}<h4>Budget differences (EUR)</h4>{_budget(d.budget)}"
            f"{_findings(d.findings)}</div>")
