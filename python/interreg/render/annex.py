"""The budget workbook: the annex an applicant hands over (a cover sheet, the summary's tables,
a partner × period sheet and the lines) and the template partners fill in and send back.

Every number is the core's (one of the summary's tables, docs/budget.md); this module chooses
the sheets, their columns and what they are called in the chosen language (a
:class:`~interreg.languages.Wording`). The Lines sheet is also the format budgets are read back
from (interreg.budget_import), so its columns are named here once for both.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Sequence, Tuple

from .. import _core
from ..languages import Wording, label
from ..money import percent_fraction
from .excel import DECIMAL_FORMAT, Sheet, money_format, new_workbook

if TYPE_CHECKING:  # pragma: no cover
    from ..summary import BudgetSummary
    from ..tables import Column, Table

__all__ = ["Cover", "TemplatePartner", "build_annex", "build_template", "line_columns", "line_header", "SHEETS",
           "LINE_COLUMNS", "OPTION_COLUMNS", "ROWS_OFFERED"]

# The summary's tables the workbook shows after the cover, in order; "lines" is the Lines sheet.
_TABLES = ("funding", "partners", "periods", "partner_periods", "lines", "cofinancing", "exchange_rates")
# The sheets of the annex (English titles; data/translations.json has every language's).
SHEETS = tuple(label(f"sheet.{name}") for name in ("cover", *_TABLES))

# The Lines sheet's columns before the periods; the totals (total_local, total) are computed
# and only checked when read back. Then "period_1" ... in the line's currency, then the
# programme options when some line has one.
LINE_COLUMNS = ("number", "partner", "partner_name", "category", "description", "units", "unit_type", "unit_price",
                "currency", "total_local", "total", "split")
OPTION_COLUMNS = ("unit_cost", "lump_sum")
# Rows of the template's Lines sheet that offer drop-down lists.
ROWS_OFFERED = 1000

_NUMERIC_LINE_COLUMNS = {"number", "units", "unit_price", "total_local", "total"}


@dataclass(frozen=True)
class Cover:
    """What the cover sheet says about the proposal (texts by language code)."""

    acronym: str
    title: Mapping[str, str]
    programme: Mapping[str, str]
    call: Optional[str]
    kind: Mapping[str, str]
    objective: str
    objective_title: Mapping[str, str]
    duration_months: Optional[int]
    date: datetime.date
    version: Optional[str] = None
    roles: Mapping[str, str] = field(default_factory=dict)  # partner id → role


@dataclass(frozen=True)
class TemplatePartner:
    """A partner as the template lists it."""

    id: str
    name: str
    country: str
    role: str
    flat_rates: Mapping[str, Optional[str]]  # option → rate ("15%") or None, as PartnerBudget.rates


def line_columns(periods: int, options: bool) -> List[str]:
    """The column ids of the Lines sheet for `periods` reporting periods."""
    return [*LINE_COLUMNS, *(f"period_{k}" for k in range(1, periods + 1)), *(OPTION_COLUMNS if options else ())]


def line_header(wording: Wording, columns: Sequence[str]) -> List[str]:
    """The Lines sheet's header: each column's label in the wording's language."""
    return [wording.column("lines", c) for c in columns]


def _date(text: Optional[str]) -> Optional[datetime.date]:
    return datetime.date.fromisoformat(text) if text else None


def _cells(column: "Column") -> List[Any]:
    """The column's values as `Sheet.append` takes them: percentages as fractions, dates as
    dates, the others as they are."""
    if column.kind == "percent":
        return [None if v is None else ("rate", percent_fraction(v)) for v in column.values]
    if column.kind == "date":
        return [_date(v) for v in column.values]
    return list(column.values)


def _formats(table: "Table", column: "Column") -> List[Optional[str]]:
    """The number format of each of the column's cells (None: the sheet's default, euro for
    amounts); money in each row's own currency is shown with that currency."""
    if column.kind == "money" and column.currency_column:
        return [money_format(code) for code in table[column.currency_column]]
    if column.kind == "decimal":
        return ["General" if column.id == "units" else DECIMAL_FORMAT] * table.row_count
    return [None] * table.row_count


def _numeric(columns: Sequence["Column"]) -> List[int]:
    return [k for k, c in enumerate(columns) if c.kind in ("money", "integer", "percent", "decimal")]


def _table_sheet(workbook: Any, wording: Wording, table: "Table", head: str, *,
                 replace: Optional[Dict[str, List[Any]]] = None, total_label: Optional[str] = None,
                 title_columns: int = 1) -> None:
    """A sheet of every column of `table` and its total row (labelled in the first column).
    `replace` gives other values for some columns (a label for an id)."""
    sheet = Sheet(workbook, wording(f"sheet.{table.id}"))
    columns = table.columns
    sheet.header([wording.column(table.id, c.id) for c in columns], numeric=_numeric(columns))
    cells = [(replace or {}).get(c.id) or _cells(c) for c in columns]
    formats = [_formats(table, c) for c in columns]
    for r in range(table.row_count):
        sheet.append([cells[k][r] for k in range(len(columns))],
                     formats={k: fmt for k in range(len(columns)) if (fmt := formats[k][r])})
    if table.has_total:
        sheet.append([total_label or wording("row.total"), *(c.total for c in columns[1:])], total=True)
    sheet.finish(freeze="A2", title_columns=title_columns, running_head=head)


def _lines_sheet(workbook: Any, wording: Wording, summary: "BudgetSummary", head: str) -> None:
    """One row per line, numbered from 1: partner, category by name, what the line says, its
    amounts and its amount per period (in the line's currency)."""
    table = summary.table("lines")
    names = {p.id: p.name for p in summary.partners}
    options = any(table["unit_cost"]) or any(table["lump_sum"])
    columns = line_columns(len(summary.periods), options)
    sheet = Sheet(workbook, wording("sheet.lines"))
    sheet.header(line_header(wording, columns),
                 numeric=[k for k, c in enumerate(columns) if c in _NUMERIC_LINE_COLUMNS or c.startswith("period_")])
    values = {c: table[c] for c in columns if c in table}
    currencies = table["currency"]
    for r in range(table.row_count):
        row: List[Any] = []
        formats: Dict[int, str] = {}
        for k, c in enumerate(columns):
            if c == "number":
                row.append(r + 1)
            elif c == "partner_name":
                row.append(names.get(values["partner"][r], ""))
            elif c == "category":
                row.append(wording.category(values["category"][r]))
            elif c == "split":
                row.append(wording.split(values["split"][r]))
            else:
                row.append(values[c][r])
            if c == "units":
                formats[k] = "General"
            elif c in ("unit_price", "total_local") or c.startswith("period_"):
                formats[k] = money_format(currencies[r])
        sheet.append(row, formats=formats)
    sheet.finish(freeze="D2", title_columns=3, running_head=head)


def _cover_sheet(workbook: Any, wording: Wording, summary: "BudgetSummary", cover: Cover) -> None:
    """The proposal at a glance: what it is, its total and where the money comes from."""
    sheet = Sheet(workbook, wording("sheet.cover"))
    sheet.heading(f"{wording('cover.heading')}: {cover.acronym}" if cover.acronym else wording("cover.heading"))
    sheet.blank()

    def text(names: Mapping[str, str]) -> str:
        shown, english = wording.text(names)
        if not shown:
            return wording("cover.not_given")
        return f"{shown} {wording('cover.in_english')}" if english else shown

    periods = summary.periods
    span = None
    if periods and periods[0]["start"]:
        span = f"{periods[0]['start']} – {periods[-1]['end']}"
    if cover.duration_months:
        months = wording("cover.months", n=cover.duration_months)
        span = f"{span} ({months})" if span else months
    objective = cover.objective or wording("cover.not_given")
    if cover.objective_title:
        objective = f"{objective} – {text(cover.objective_title)}"
    rows: List[Tuple[str, Any]] = [
        ("acronym", cover.acronym or wording("cover.not_given")),
        ("title", text(cover.title)),
        ("programme", text(cover.programme)),
        ("call", cover.call or wording("cover.not_given")),
        ("kind", text(cover.kind)),
        ("objective", objective),
        ("period", span or wording("cover.not_given")),
        *([("version", cover.version)] if cover.version else []),
        ("date", cover.date.isoformat()),
        ("currency", "EUR"),
    ]
    for key, value in rows:
        sheet.field(wording(f"cover.{key}"), value)
    sheet.field(wording("row.total_budget"), summary.total)

    # Where the money comes from, per country: each fund, the partners' contribution, the total.
    funding = summary.table("country_funding")
    sheet.blank()
    sheet.append([wording("cover.funding")], bold=True)
    columns = funding.columns
    sheet.header([wording.column("country_funding", c.id) if c.id != "contribution" else wording("row.contribution")
                  for c in columns], numeric=list(range(1, len(columns))))
    for row in funding.rows(funding.ids):
        sheet.append([wording.country(row[0]), *row[1:]])
    sheet.append([wording("row.total"), *funding.totals(funding.ids[1:])], total=True)

    # The partners with their role and total (their funds are above).
    partners = summary.table("cofinancing")
    sheet.blank()
    sheet.append([wording("cover.partners")], bold=True)
    ids = ["id", "name", "country", "total"]
    sheet.header([*(wording.column("cofinancing", c) for c in ids[:3]), wording("column.role"), wording("row.total")],
                 numeric=[4])
    for id, name, country, total in partners.rows(ids):
        sheet.append([id, name, country, wording.role(cover.roles.get(id, "partner")), total])
    sheet.append([wording("row.total"), None, None, None, partners.column("total").total], total=True)
    sheet.finish(title_columns=0, title_rows=False, running_head=cover.acronym)


def build_annex(summary: "BudgetSummary", wording: Wording, cover: Optional[Cover] = None) -> Any:
    """The workbook: the cover (when given), then per fund, per category, per period, per
    partner and period, the lines, co-financing and exchange rates."""
    workbook = new_workbook()
    head = cover.acronym if cover is not None else ""
    if cover is not None:
        _cover_sheet(workbook, wording, summary, cover)
    for name in _TABLES:
        table = summary.table(name)
        if name == "lines":
            _lines_sheet(workbook, wording, summary, head)
        elif name == "funding":  # each fund by name, then the partners' contribution
            _table_sheet(workbook, wording, table, head, total_label=wording("row.total_budget"),
                         replace={"fund": [wording("row.contribution") if f is None else wording.fund(f)
                                           for f in table["fund"]]})
        elif name == "cofinancing":
            _table_sheet(workbook, wording, table, head, replace={"fund": [wording.fund(f) for f in table["fund"]]},
                         title_columns=2)
        elif name == "periods":  # the period's number says which row a page continues
            _table_sheet(workbook, wording, table, head, title_columns=1)
        else:
            _table_sheet(workbook, wording, table, head, title_columns=2 if "name" in table else 1)
    if cover is not None:
        workbook.properties.title = cover.acronym
    workbook.properties.creator = "interreg"
    return workbook


def _flat_rates(wording: Wording, rates: Mapping[str, Optional[str]]) -> str:
    """A partner's flat rates as the template lists them: "Office and administrative costs 15%"."""
    category = {"staff": "staff", "office_on_staff": "office_admin", "office_on_direct": "office_admin",
                "travel": "travel", "other_costs": "other_costs"}
    return "; ".join(f"{wording.category(category[option])} {rate}" for option, rate in rates.items() if rate)


def build_template(wording: Wording, partners: Sequence[TemplatePartner], periods: int) -> Any:
    """A Lines sheet with its header and no lines, with drop-down lists for partner, category,
    currency and split; and a Lists sheet: how to fill it in, the partners (with the flat
    rates that compute some of their categories), the categories and the currencies."""
    from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import]

    workbook = new_workbook()
    columns = line_columns(periods, False)
    lines = Sheet(workbook, wording("sheet.lines"))
    lines.header(line_header(wording, columns),
                 numeric=[k for k, c in enumerate(columns) if c in _NUMERIC_LINE_COLUMNS or c.startswith("period_")])
    for k, column in enumerate(columns):  # room to type in
        lines.widen(k, {"description": 30, "category": 24, "partner_name": 20}.get(column, 12))
    lines.finish(freeze="D2", title_columns=3)

    lists = Sheet(workbook, wording("sheet.lists"))
    lists.heading(wording("lists.heading", sheet=wording("sheet.lines")))
    for key in ("rows", "category", "amounts", "currency", "split", "values"):
        lists.note(wording(f"lists.help_{key}", even=wording.split("even"), given=wording.split("given")))
    lists.blank()
    lists.header([wording("column.partner"), wording("column.name"), wording("column.country"), wording("column.role"),
                  wording("column.flat_rates")])
    first_partner = lists.row + 1
    for p in partners:
        lists.append([p.id, p.name, p.country, wording.role(p.role), _flat_rates(wording, p.flat_rates)])
    last_partner = lists.row
    lists.blank()
    lists.header([wording("lists.categories"), wording("lists.id")])
    first_category = lists.row + 1
    for id, name in wording.categories:
        lists.append([name, id])
    last_category = lists.row
    lists.blank()
    lists.header([wording("lists.currencies")])
    for code in _core.currency_codes:
        lists.append([code])
    lists.finish(title_columns=0, title_rows=False)

    # Drop-down lists: the partners' ids and the categories' names from the Lists sheet.
    from openpyxl.utils import get_column_letter, quote_sheetname  # type: ignore[import]

    source = quote_sheetname(lists.ws.title)
    choices = {
        "partner": f"{source}!$A${first_partner}:$A${max(first_partner, last_partner)}",
        "category": f"{source}!$A${first_category}:$A${last_category}",
        "currency": '"' + ",".join(_core.currency_codes) + '"',
        "split": f'"{wording.split("even")},{wording.split("given")}"',
    }
    for column, formula in choices.items():
        letter = get_column_letter(columns.index(column) + 1)
        validation = DataValidation(type="list", formula1=formula, allow_blank=True)
        validation.add(f"{letter}2:{letter}{ROWS_OFFERED + 1}")
        lines.ws.add_data_validation(validation)
    workbook.properties.creator = "interreg"
    return workbook
