"""Rich HTML for notebooks: every _repr_html_ of the package is written here, and tested
against golden files (tests/golden/)."""
from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING, Iterable, Optional, Sequence

from ..labels import (COLUMN_LABELS, CONTRIBUTION, COST_COLUMNS, COST_LABELS, TOTAL, TOTAL_BUDGET, column_label,
                      lower_first)
from ..money import format_amount

if TYPE_CHECKING:  # pragma: no cover
    from ..programme import Programme
    from ..proposal import Proposal
    from ..report import Report
    from ..summary import BudgetSummary

_STYLE = {
    "ERROR": "background:#fde2e1;color:#8a1c1c",
    "WARNING": "background:#fff3cd;color:#7a5b00",
    "INFO": "background:#e2eefd;color:#1c4a8a",
}


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    head = "".join(f"<th style='text-align:left'>{escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td style='text-align:left'>{escape('' if c is None else str(c))}</td>" for c in row) + "</tr>"
        for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _badge(severity: str, text: str) -> str:
    return f"<span style='{_STYLE[severity]};padding:1px 6px;border-radius:3px'>{escape(text)}</span>"


def programme_html(p: "Programme") -> str:
    objectives = _table(["code", "priority", "title"],
                        [(o.code, o.priority, o.title["en"]) for o in p.specific_objectives])
    calls = _table(["call", "kind", "opens", "closes", "open objectives"],
                   [(c.id, c.kind, c.opens, c.closes or "continuous", ", ".join(c.open_objectives)) for c in p.calls])
    in_area = sum(p.in_area(r) for r in p.regions)
    return (f"<div><strong>{escape(p.name)}</strong> <code>{escape(p.id)}</code><br>"
            f"{len(p.countries)} countries · {in_area} of {len(p.regions)} known regions in the area · "
            f"{len(p.priorities)} priorities · {len(p.rules)} rules"
            f"<h4>Specific objectives</h4>{objectives}<h4>Calls</h4>{calls}</div>")


def proposal_html(p: "Proposal") -> str:
    title = p.title.get("en") or next(iter(p.title.values()), "")  # English first, else any
    meta = _table(["field", "value"], [
        ("programme", p.programme.id), ("call", p.call), ("kind", p.kind),
        ("specific objective", p.specific_objective), ("geography", p.geography),
        ("start", p.start), ("duration (months)", p.duration_months)])
    partners = _table(["id", "name", "country", "region", "type", "role"],
                      [(d["id"], d["name"], d["country"], d["region"], d["org_type"],
                        d["role"] + (" · Norwegian project owner" if d["norwegian_project_owner"] else ""))
                       for d in p.to_dict()["partners"]])
    return (f"<div><strong>{escape(p.acronym or '(no acronym)')}</strong> {escape(title or '')}"
            f"{meta}<h4>Partners</h4>{partners}</div>")


def report_html(r: "Report") -> str:
    counts = r.counts()
    head = _badge("INFO" if r.ok else "ERROR", "OK" if r.ok else "NOT OK") + " " + " ".join(
        _badge(s, f"{n} {s.lower()}{'s' if n != 1 and s != 'INFO' else ''}") for s, n in counts.items() if n)
    rows = "".join(
        f"<tr><td>{_badge(f.severity, f.severity)}</td><td><code>{escape(f.rule)}</code></td>"
        f"<td><code>{escape(f.path or '/')}</code></td><td style='text-align:left'>{escape(f.message)}</td>"
        f"<td style='text-align:left'>{escape(f.source)}{' (assumed)' if f.assumed else ''}</td></tr>"
        for f in r.findings)
    table = ("<table><thead><tr><th>severity</th><th>rule</th><th>path</th><th>message</th><th>source</th>"
             f"</tr></thead><tbody>{rows}</tbody></table>") if rows else "<p>No findings.</p>"
    return f"<div>{head}{table}</div>"


# -- budgets ----------------------------------------------------------------------------
# Amounts are shown as the core computed them, with a comma between thousands and a point
# before the two decimals ("240,600.00"), right-aligned in tabular figures; a total row is the
# core's total, which is the exact sum of the rows above it. Labels start in lower case, except
# the names of cost categories.
_NUM = "text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums"


def _amount_table(header: Sequence[str], numeric_from: int, rows: Iterable[Sequence[object]],
                  total: Optional[Sequence[object]] = None) -> str:
    """A table whose columns from `numeric_from` on are amounts (right-aligned); `total` is
    a bold last row."""
    def cells(row: Sequence[object], tag: str) -> str:
        out = []
        for k, c in enumerate(row):
            if k >= numeric_from:
                text = format_amount(c) if isinstance(c, Decimal) else ("" if c is None else str(c))
                out.append(f"<{tag} style='{_NUM}'>{escape(text)}</{tag}>")
            else:
                out.append(f"<{tag} style='text-align:left'>{escape('' if c is None else str(c))}</{tag}>")
        return "".join(out)

    head = "".join(f"<th style='{_NUM if k >= numeric_from else 'text-align:left'}'>{escape(h)}</th>"
                   for k, h in enumerate(header))
    body = "".join(f"<tr>{cells(row, 'td')}</tr>" for row in rows)
    foot = f"<tfoot><tr style='font-weight:bold;border-top:1px solid'>{cells(total, 'td')}</tr></tfoot>" if total else ""
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody>{foot}</table>"


def _headline(s: "BudgetSummary") -> str:
    """Each fund's amount and the partners' contribution, adding up to the total budget."""
    funding = s.table("funding")
    fund = lower_first(COLUMN_LABELS["fund"])
    rows = [(f"{fund} {f}" if f is not None else lower_first(CONTRIBUTION), amount)
            for f, amount in funding.rows(["fund", "amount"])]
    return _amount_table(["funding", "EUR"], 1, rows, (lower_first(TOTAL_BUDGET), *funding.totals(["amount"])))


def _by_category(s: "BudgetSummary") -> str:
    """Partner × cost category: the categories some partner has costs in, and the total."""
    table = s.table("partners")
    names = ["id", "name", "country"]
    costs = [*table.nonzero(COST_COLUMNS[:-1]), "total"]
    header = [*(lower_first(column_label("partners", c)) for c in names), *(COST_LABELS[c] for c in costs)]
    return _amount_table(header, len(names), table.rows([*names, *costs]),
                         (lower_first(TOTAL), "", "", *table.totals(costs)))


def _cofinancing(s: "BudgetSummary") -> str:
    table = s.table("cofinancing")
    columns = ["id", "name", "fund", "rate", "total", "fund_amount", "contribution"]
    rows = ((*row[:2], row[2] or "(none)", *row[3:]) for row in table.rows(columns))
    total = (lower_first(TOTAL), "", "", "", *table.totals(columns[4:]))
    return _amount_table([lower_first(column_label("cofinancing", c)) for c in columns], 3, rows, total)


def _exchange_rates(s: "BudgetSummary") -> str:
    rates = s.table("exchange_rates")
    if not rates.row_count:
        return ""

    def text(code: str, rate: Decimal, date: Optional[str], source: str) -> str:
        where = ", ".join(x for x in (date, source) if x)
        return f"1 EUR = {rate} {code}" + (f" ({where})" if where else "")

    shown = "; ".join(text(*row) for row in rates.rows(["currency", "rate", "date", "source"]))
    return f"<p>Exchange rates used: {escape(shown)}.</p>"


def budget_html(s: "BudgetSummary") -> str:
    periods = s.periods
    span = ""
    if periods and periods[0]["start"] and periods[-1]["end"]:
        span = f", {periods[0]['start']} to {periods[-1]['end']}"
    partners = len(s.partners)
    head = (f"<strong>Budget</strong> {escape(format_amount(s.total))} EUR · {partners} "
            f"partner{'s' if partners != 1 else ''} · {len(periods)} reporting "
            f"period{'s' if len(periods) != 1 else ''}{escape(span)}")
    return (f"<div>{head}{_headline(s)}<h4>Costs by partner and category (EUR)</h4>{_by_category(s)}"
            f"<h4>Co-financing by partner (EUR)</h4>{_cofinancing(s)}{_exchange_rates(s)}</div>")
