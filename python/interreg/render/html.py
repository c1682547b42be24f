"""Rich HTML for notebooks: the programme, a proposal, a partner, a report, a budget summary
and a ranking of objectives (the work plan's displays are in html_workplan.py, the history's
in html_history.py), tested against golden files (tests/golden/)."""
from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING, Optional

from ..errors import Error
from ..labels import (CONTRIBUTION, COST_COLUMNS, COST_LABELS, ROLE_LABELS, STATE_AID_LABELS, TOTAL, TOTAL_BUDGET,
                      column_label, count_text, lower_first)
from ..money import format_amount
from .html_parts import NUM, amount_table, badge, source_link, table

if TYPE_CHECKING:  # pragma: no cover
    from ..programme import ObjectiveRanking, Programme
    from ..proposal import Partner, Proposal
    from ..report import Report
    from ..summary import BudgetSummary

def programme_html(p: "Programme") -> str:
    objectives = table(["code", "priority", "title"],
                       [(o.code, o.priority, o.title["en"]) for o in p.specific_objectives])
    calls = table(["call", "kind", "opens", "closes", "open objectives"],
                  [(c.id, c.kind, c.opens, c.closes or "continuous", ", ".join(c.open_objectives)) for c in p.calls])
    in_area = sum(p.in_area(r) for r in p.regions)
    return (f"<div><strong>{escape(p.name)}</strong> <code>{escape(p.id)}</code><br>"
            f"{len(p.countries)} countries · {in_area} of {len(p.regions)} known regions in the area · "
            f"{len(p.priorities)} priorities · {len(p.rules)} rules"
            f"<h4>Specific objectives</h4>{objectives}<h4>Calls</h4>{calls}</div>")


def proposal_html(p: "Proposal") -> str:
    title = p.title.get("en") or next(iter(p.title.values()), "")  # English first, else any
    meta = table(["field", "value"], [
        ("programme", p.programme.id), ("call", p.call), ("kind", p.kind),
        ("specific objective", p.specific_objective), ("geography", p.geography),
        ("start", p.start), ("duration (months)", p.duration_months)])
    partners = table(["id", "name", "country", "region", "type", "role"],
                     [(d["id"], d["name"], d["country"], d["region"], d["org_type"],
                       d["role"] + (" · Norwegian project owner" if d["norwegian_project_owner"] else ""))
                      for d in p.to_dict()["partners"]])
    o = p._overview()
    count = len(p.partners)
    line = (f"{count} partner{'s' if count != 1 else ''} · {o['period']} · total budget {o['total']} · "
            f"last validation: {o['validation']}")
    return (f"<div><strong>{escape(p.acronym or '(no acronym)')}</strong> {escape(title or '')}"
            f"<br>{escape(line)}{meta}<h4>Partners</h4>{partners}</div>")


def report_html(r: "Report") -> str:
    counts = r.counts()
    head = badge("INFO" if r.ok else "ERROR", "OK" if r.ok else "NOT OK") + " " + " ".join(
        badge(s, count_text(s, n)) for s, n in counts.items() if n)
    rows = "".join(
        f"<tr><td>{badge(f.severity, f.severity)}</td><td><code>{escape(f.rule)}</code></td>"
        f"<td><code>{escape(f.path or '/')}</code></td><td style='text-align:left'>{escape(f.message)}</td>"
        f"<td style='text-align:left'>{source_link(f.source)}{' (assumed)' if f.assumed else ''}</td></tr>"
        for f in r.findings)
    table = ("<table><thead><tr><th>severity</th><th>rule</th><th>path</th><th>message</th><th>source</th>"
             f"</tr></thead><tbody>{rows}</tbody></table>") if rows else "<p>No findings.</p>"
    return f"<div>{head}{table}</div>"


# -- budgets ----------------------------------------------------------------------------
# Amounts are shown as the core computed them; a total row is the core's total, which is the
# exact sum of the rows above it. Labels start in lower case, except the names of cost categories.


def _headline(s: "BudgetSummary") -> str:
    """Each fund's amount and the partners' contribution, adding up to the total budget."""
    funding = s.table("funding")
    rows = [(s.fund_names.get(f, f) if f is not None else lower_first(CONTRIBUTION), amount)
            for f, amount in funding.rows(["fund", "amount"])]
    return amount_table(["funding", "EUR"], 1, rows, (lower_first(TOTAL_BUDGET), *funding.totals(["amount"])))


def _by_category(s: "BudgetSummary") -> str:
    """Partner × cost category: the categories some partner has costs in, and the total."""
    table = s.table("partners")
    names = ["id", "name", "country"]
    costs = [*table.nonzero(COST_COLUMNS[:-1]), "total"]
    header = [*(lower_first(column_label("partners", c)) for c in names), *(COST_LABELS[c] for c in costs)]
    return amount_table(header, len(names), table.rows([*names, *costs]),
                        (lower_first(TOTAL), "", "", *table.totals(costs)))


def _cofinancing(s: "BudgetSummary") -> str:
    table = s.table("cofinancing")
    columns = ["id", "name", "fund", "rate", "total", "fund_amount", "contribution"]
    rows = ((*row[:2], s.fund_names.get(row[2], row[2]) if row[2] else "(none)", *row[3:])
            for row in table.rows(columns))
    total = (lower_first(TOTAL), "", "", "", *table.totals(columns[4:]))
    return amount_table([lower_first(column_label("cofinancing", c)) for c in columns], 3, rows, total)


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


# -- a partner, and the ranking of objectives ---------------------------------------------
def _region_text(p: "Programme", region: Optional[str]) -> str:
    found = p.find_region(region) if region else None
    if found is None:
        return region or "—"
    in_area = "" if p.in_area(found) else ", outside the area"
    return f"{found.name} ({found.code}{in_area})"


def _org_type_text(p: "Programme", org_type: Optional[str]) -> str:
    known = {t.id: t for t in p.org_types}
    if not org_type:
        return "—"
    if org_type not in known:
        return f"{org_type} (not a type of the programme)"
    return known[org_type].name.get("en", org_type)


def partner_html(partner: "Partner") -> str:
    """The partner's fields with names for codes, its budget lines and flat rates, and its
    co-financing as the budget summary computes it."""
    f = partner._fields()
    proposal = partner._proposal
    programme = proposal.programme
    role = ROLE_LABELS[f["role"]] + (" · Norwegian project owner" if f["norwegian_project_owner"] else "")
    activity = {True: "yes", False: "no", None: "by organisation type"}[f["economic_activity"]]
    aid = f["state_aid"]["scheme"] if f["state_aid"] else None
    rates = ", ".join(f"{k} {v}" for k, v in partner.budget.rates.items() if v) or "none"
    fields = table(["field", "value"], [
        ("country", f["country"]), ("region", _region_text(programme, f["region"])),
        ("organisation type", _org_type_text(programme, f["org_type"])), ("legal status", f["legal_status"] or "—"),
        ("organisation number", f.get("organisation_number") or "—"), ("address", f.get("address") or "—"),
        ("contact person", f.get("contact_person") or "—"),
        ("role", role), ("economic activity", activity),
        ("State aid", STATE_AID_LABELS.get(aid, aid) if aid else "not recorded"),
        ("budget lines", len(partner.budget)), ("flat rates", rates)])
    try:
        cofinancing = proposal.budget_summary().table("cofinancing")
    except Error as e:  # a budget that cannot be summarised yet (a currency without a rate)
        money = f"<p>The budget cannot be summarised yet: {escape(str(e))}</p>"
    else:
        columns = ["fund", "rate", "total", "fund_amount", "contribution"]
        row = [r for r in cofinancing.rows(["id", *columns]) if r[0] == partner.id][0][1:]
        funds = {f.id: f.name.get("en", f.id) for f in programme.funds}
        row = (funds.get(row[0], row[0] or "(none)"), *row[1:])
        money = amount_table([lower_first(column_label("cofinancing", c)) for c in columns], 2, [row])
    return (f"<div><strong>{escape(f['id'])} {escape(f['name'])}</strong>{fields}"
            f"<h4>Co-financing (EUR)</h4>{money}</div>")


def ranking_html(ranking: "ObjectiveRanking") -> str:
    """Rank, code, title, the score as a bar beside its number, and the terms that matched."""
    best = max((s.score for s in ranking), default=0.0) or 1.0
    rows = "".join(
        f"<tr><td style='{NUM}'>{k}</td><td><code>{escape(s.code)}</code></td>"
        f"<td style='text-align:left'>{escape(s.title)}</td><td style='{NUM}'>{s.score:.2f}</td>"
        f"<td style='text-align:left'><div style='background:#4c78a8;height:0.8em;"
        f"width:{100 * s.score / best:.0f}px'></div></td>"
        f"<td style='text-align:left'>{escape('; '.join(str(t) for t in s.matched_terms[:6]))}</td></tr>"
        for k, s in enumerate(ranking, 1))
    header = "".join(f"<th style='text-align:left'>{h}</th>" for h in
                     ("rank", "code", "title", "score", "", "matched terms (strongest first)"))
    return f"<div><table><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table></div>"
