"""What the library calls things, and the colours it draws them in: one place for every
label of a budget table, a cost column, a role (in English, from data/translations.json, which
holds every language: interreg.languages), and for the palette of the plots.

Tables of the core are identified by column ids ("fund_amount"); :func:`column_label` names
them as the workbook's headers do ("Fund amount"). The notebook's tables write the same labels
in lower case, except the names of cost categories.
"""
from __future__ import annotations

import re
from typing import Dict

from . import _core
from .languages import english_labels, label

__all__ = ["COST_COLUMNS", "COST_LABELS", "COLUMN_LABELS", "TOTAL", "TOTAL_BUDGET",
           "CONTRIBUTION", "ROLE_LABELS", "STATE_AID_LABELS", "column_label", "lower_first", "COST_COLOURS",
           "FUND_COLOURS", "CONTRIBUTION_COLOUR", "WORK_PACKAGE_COLOURS", "COUNTRY_COLOURS", "OTHER_COUNTRY_COLOUR",
           "count_text", "counts_text"]

# The columns of a cost breakdown, in display order ("other_costs" is the 40 % option), as
# the core defines them.
COST_COLUMNS = tuple(_core.cost_columns)

# How tables, plots and spreadsheets name the columns of a cost breakdown (in English; the
# words of every language are in data/translations.json).
COST_LABELS: Dict[str, str] = english_labels("cost", COST_COLUMNS)

# The columns of the budget tables (BudgetSummary.table), as the workbook's headers name them.
COLUMN_LABELS: Dict[str, str] = {
    **COST_LABELS,
    **english_labels("column", ["id", "partner", "name", "country", "fund", "partners", "amount", "rate", "fund_amount",
                                "contribution", "own_contribution", "public_contribution", "private_contribution",
                                "sources_total", "period", "start", "end", "months", "index", "category",
                                "description", "units", "unit_type", "unit_cost", "lump_sum", "currency", "unit_price",
                                "total_local", "split", "exchange_rate", "date", "source"]),
}
# Where one table names a column its own way.
_TABLE_COLUMN_LABELS = {
    ("lines", "total"): label("column.total_eur"),
    ("exchange_rates", "rate"): label("column.exchange_rate"),
}

_PERIOD = re.compile(r"period_(\d+)$")


def lower_first(label: str) -> str:
    """A label as the notebook's tables and the plots' legends write it: "fund amount"."""
    return label[:1].lower() + label[1:]


def column_label(table: str, column: str) -> str:
    """The header of `column` in budget table `table`: "Fund amount", "Period 3", "Fund: erdf";
    an id no label is known for is shown as it is."""
    known = _TABLE_COLUMN_LABELS.get((table, column)) or COLUMN_LABELS.get(column)
    if known:
        return known
    period = _PERIOD.match(column)
    if period:
        return label("column.period_n", n=int(period.group(1)))
    if column.startswith("fund:"):
        return f"Fund: {column[5:]}"
    return column


# Rows that are no record of their own.
TOTAL = label("row.total")
TOTAL_BUDGET = label("row.total_budget")
CONTRIBUTION = label("row.contribution")

ROLE_LABELS: Dict[str, str] = english_labels("role", ["lead", "partner", "associated"])

# A partner's State-aid screening: its scheme, or why it has none (docs/rules.md#state-aid).
STATE_AID_LABELS: Dict[str, str] = english_labels("state_aid", ["none", "de-minimis", "gber-20a", "gber-other",
                                                                "no-economic-activity", "not-screened"])

# -- palette ----------------------------------------------------------------------------
# One colour per cost column, shared by the plots.
COST_COLOURS: Dict[str, str] = {
    "staff": "#1f5fa8", "office_admin": "#7fa7d6", "travel": "#e9a23b", "external": "#2a9d8f",
    "equipment": "#8c6bb1", "infrastructure": "#a0522d", "other_costs": "#9ecae1", "lump_sums": "#c8102e",
}
# Funds in the order a plot shows them (cycled), and the partners' contribution.
FUND_COLOURS = ("#1f5fa8", "#c8102e", "#2a9d8f", "#e9a23b", "#6a4c93")
CONTRIBUTION_COLOUR = "#b8b8b8"
# Work packages in a timeline (cycled).
WORK_PACKAGE_COLOURS = ("#1f5fa8", "#c8102e", "#2a9d8f", "#e9a23b", "#6a4c93", "#a0522d", "#7fa7d6", "#8c6bb1")
# Partners in network plots, by country.
COUNTRY_COLOURS: Dict[str, str] = {"DK": "#c8102e", "SE": "#006aa7", "NO": "#00205b", "DE": "#555555", "FI": "#6cace4"}
OTHER_COUNTRY_COLOUR = "#999999"


# Findings counted by severity.
def count_text(severity: str, n: int) -> str:
    """The count of one severity: "1 error", "2 warnings", "3 info"."""
    return f"{n} {severity.lower()}{'s' if n != 1 and severity != 'INFO' else ''}"


def counts_text(counts: Dict[str, int]) -> str:
    """The severities that occur, as "2 errors, 1 warning" ("no findings" when none)."""
    return ", ".join(count_text(s, n) for s, n in counts.items() if n) or "no findings"
