"""The project's budget computed by the core: totals per partner, category, period, fund and
country, each the exact sum of its parts, as tables, plots and a workbook.

Amounts come out as ``Decimal`` with two places; rounding rules are in docs/budget.md. Every
table the library shows of a summary is one of the core's tables (:meth:`BudgetSummary.table`):
the DataFrames, the notebook's HTML, the workbook's sheets and the draft's budget section.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, List, Optional, Union

from . import _core
from ._frames import table_frame
from .labels import COST_COLUMNS, COST_LABELS
from .tables import Table

__all__ = ["BudgetSummary", "PartnerTotals", "FundCap", "COST_COLUMNS", "COST_LABELS"]


@dataclass(frozen=True)
class PartnerTotals:
    """One partner's totals in a :class:`BudgetSummary` (euro)."""

    id: str
    name: str
    country: str
    role: str
    fund: Optional[str]
    rate: str
    costs: Dict[str, Decimal]  # by COST_COLUMNS
    fund_amount: Decimal
    contribution: Decimal
    own_contribution: Decimal
    public_contribution: Decimal
    private_contribution: Decimal
    sources_total: Decimal
    periods: List[Dict[str, Decimal]] = field(repr=False)
    fund_by_period: List[Decimal] = field(repr=False)
    contribution_by_period: List[Decimal] = field(repr=False)

    @property
    def total(self) -> Decimal:
        return self.costs["total"]


@dataclass(frozen=True)
class FundCap:
    """The most a project may take from a fund, and where that limit is set."""

    amount: Decimal
    where: str  # "call 2025:1", "pre-project"


class BudgetSummary:
    """The project's budget computed by the core: totals per partner, category, period,
    fund and country, each the exact sum of its parts."""

    def __init__(self, core: _core.BudgetSummary, programme: Optional[_core.Programme] = None,
                 fund_caps: Optional[Dict[str, "FundCap"]] = None):
        self._core = core
        self._programme = programme  # its names of funds and categories, for the workbook
        # For people: each fund's name (English), and the caps the call or project kind puts on
        # a fund's amount for the whole project (the plot draws them).
        self.fund_names: Dict[str, str] = {f.id: f.name.get("en") or f.id for f in programme.funds} if programme else {}
        self.fund_caps: Dict[str, FundCap] = dict(fund_caps or {})
        self._tables: Dict[str, Table] = {}
        data = core.totals()  # the keys of to_dict(), amounts as Decimal
        self.periods: List[Dict[str, Any]] = data["periods"]
        self.partners: List[PartnerTotals] = [PartnerTotals(**p) for p in data["partners"]]
        self.costs: Dict[str, Decimal] = data["costs"]
        self.fund_amount: Decimal = data["fund_amount"]
        self.contribution: Decimal = data["contribution"]
        self.fund_totals: Dict[str, Decimal] = data["fund_totals"]
        self.country_totals: Dict[str, Decimal] = data["country_totals"]
        self.period_totals: List[Decimal] = data["period_totals"]
        self.period_costs: List[Dict[str, Decimal]] = data["period_costs"]
        self.fund_by_period: List[Decimal] = data["fund_by_period"]
        self.contribution_by_period: List[Decimal] = data["contribution_by_period"]
        self.own_contribution: Decimal = data["own_contribution"]
        self.public_contribution: Decimal = data["public_contribution"]
        self.private_contribution: Decimal = data["private_contribution"]
        self.sources_total: Decimal = data["sources_total"]
        self.exchange_rates: Dict[str, Dict[str, Any]] = data["exchange_rates"]

    @property
    def total(self) -> Decimal:
        """The project's total eligible budget."""
        return self.costs["total"]

    # The tables the core makes of a summary (docs/budget.md lists their columns).
    VIEWS = tuple(_core.budget_table_names)

    def table(self, view: str = "partners") -> Table:
        """One of the summary's tables (see :data:`VIEWS`) as columns: each with an id, a kind
        and its values, and the core's totals for the total row when the table has one."""
        if not isinstance(view, str):
            raise TypeError(f"view must be a str, one of {', '.join(self.VIEWS)}; not {type(view).__name__}")
        table = self._tables.get(view)
        if table is None:
            table = self._tables[view] = Table(self._core.table(view))
        return table

    def to_frame(self, view: str = "partners", *, money: str = "decimal"):
        """A table as a pandas DataFrame, one row per record (the total row is left out):
        "partners" (partner × category), "cofinancing", "funds", "countries", "periods",
        "lines", "funding" (each fund and the partners' contribution), "country_funding" or
        "exchange_rates". Amounts are exact ``Decimal`` objects by default; ``money="float"``
        gives float64 columns for plotting and arithmetic, at the price of exactness (a sum of
        floats can be a cent off: take reported totals from :attr:`total` or :meth:`table`)."""
        return table_frame(self.table(view), money)

    def to_dict(self) -> Dict[str, Any]:
        """The summary as plain data (amounts in cents, as the core computes them)."""
        return self._core.to_dict()

    # -- display, plots and files ------------------------------------------------------
    def _repr_html_(self) -> str:
        from .render.html import budget_html

        return budget_html(self)

    def plot_partners(self, ax=None):
        """Stacked horizontal bars: each partner's costs by category (euro). Draws on `ax`
        (a new figure when None) and returns the matplotlib Axes."""
        from .plots.budget import plot_partners

        return plot_partners(self, ax)

    def plot_funding(self, ax=None):
        """Per country, stacked bars: the amount from each fund (named in the legend) and the
        partners' contribution (euro), with the project's cap on a fund as a dashed line
        (docs/notebook.md). Returns the matplotlib Axes."""
        from .plots.budget import plot_funding

        return plot_funding(self, ax)

    def to_excel(self, path: "Union[str, os.PathLike[str]]", language: str = "en") -> "Path":
        """Write the summary as an .xlsx workbook (needs openpyxl: Debian python3-openpyxl):
        the sheets of :meth:`Proposal.to_excel` without its cover (a summary knows no
        proposal), in `language` (en, sv, da, no). Amounts are numbers with the format
        ``#,##0.00 "EUR"``, totals are the core's numbers (no formulas). The file is replaced
        atomically. Returns the path."""
        from .workbook import write_summary

        return write_summary(self, path, language)

    def __repr__(self) -> str:
        funds = ", ".join(f"{k} {v}" for k, v in self.fund_totals.items())
        return f"<BudgetSummary total {self.total} EUR ({funds}); {len(self.partners)} partners, {len(self.periods)} periods>"
