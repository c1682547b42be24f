"""The project's budget computed by the core: totals per partner, category, period, fund and
country, each the exact sum of its parts, as tables, plots and a workbook.

Amounts come out as ``Decimal`` with two places; rounding rules are in docs/budget.md.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Union

from . import _core
from ._frames import frame

__all__ = ["BudgetSummary", "PartnerTotals", "COST_COLUMNS", "COST_LABELS"]

# The columns of a cost breakdown, in display order ("other_costs" is the 40 % option).
COST_COLUMNS = ("staff", "office_admin", "travel", "external", "equipment", "infrastructure", "other_costs",
                "lump_sums", "total")
# How tables, plots and spreadsheets name the columns of a cost breakdown.
COST_LABELS = {
    "staff": "Staff",
    "office_admin": "Office and administration",
    "travel": "Travel and accommodation",
    "external": "External expertise and services",
    "equipment": "Equipment",
    "infrastructure": "Infrastructure and works",
    "other_costs": "Other costs (flat rate)",
    "lump_sums": "Lump sums",
    "total": "Total",
}

CENT = Decimal("0.01")


def _cents(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(CENT)

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


# One colour per cost column, shared by the plots.
_COLOURS = {
    "staff": "#1f5fa8", "office_admin": "#7fa7d6", "travel": "#e9a23b", "external": "#2a9d8f",
    "equipment": "#8c6bb1", "infrastructure": "#a0522d", "other_costs": "#9ecae1", "lump_sums": "#c8102e",
}


def _axes(ax, size):
    """`ax`, or the Axes of a new figure of `size` inches (matplotlib imported only here)."""
    if ax is not None:
        return ax
    try:
        import matplotlib.pyplot as plt  # type: ignore[import]
    except ImportError as e:  # pragma: no cover - a Debian package here
        raise ImportError("plots need matplotlib: apt-get install python3-matplotlib") from e
    _fig, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def _exact_bars(bars, starts: Sequence[Decimal], lengths: Sequence[Decimal], *, horizontal: bool) -> None:
    """Give each stacked bar exactly float(start) and float(length): matplotlib derives a
    stacked bar's length as (start + length) - start in floats, which can be off in the last
    bit."""
    for bar, start, length in zip(bars, starts, lengths):
        if horizontal:
            bar.set_x(float(start))
            bar.set_width(float(length))
        else:
            bar.set_y(float(start))
            bar.set_height(float(length))


def _breakdown(d: Dict[str, int]) -> Dict[str, Decimal]:
    return {k: _cents(d[k]) for k in COST_COLUMNS}


class BudgetSummary:
    """The project's budget computed by the core: totals per partner, category, period,
    fund and country, each the exact sum of its parts."""

    def __init__(self, core: _core.BudgetSummary):
        self._core = core
        data = core.totals()
        self.periods: List[Dict[str, Any]] = data["periods"]
        self.partners: List[PartnerTotals] = [
            PartnerTotals(p["id"], p["name"], p["country"], p["role"], p["fund"], p["rate"], _breakdown(p["costs"]),
                          _cents(p["fund_amount"]), _cents(p["contribution"]), _cents(p["own_contribution"]),
                          _cents(p["public_contribution"]), _cents(p["private_contribution"]),
                          _cents(p["sources_total"]), [_breakdown(b) for b in p["periods"]],
                          [_cents(c) for c in p["fund_by_period"]], [_cents(c) for c in p["contribution_by_period"]])
            for p in data["partners"]]
        self.costs: Dict[str, Decimal] = _breakdown(data["costs"])
        self.fund_amount = _cents(data["fund_amount"])
        self.contribution = _cents(data["contribution"])
        self.fund_totals: Dict[str, Decimal] = {k: _cents(v) for k, v in data["fund_totals"].items()}
        self.country_totals: Dict[str, Decimal] = {k: _cents(v) for k, v in data["country_totals"].items()}
        self.period_totals: List[Decimal] = [_cents(c) for c in data["period_totals"]]
        self.period_costs: List[Dict[str, Decimal]] = [_breakdown(b) for b in data["period_costs"]]
        self.fund_by_period: List[Decimal] = [_cents(c) for c in data["fund_by_period"]]
        self.contribution_by_period: List[Decimal] = [_cents(c) for c in data["contribution_by_period"]]
        self.own_contribution = _cents(data["own_contribution"])
        self.public_contribution = _cents(data["public_contribution"])
        self.private_contribution = _cents(data["private_contribution"])
        self.sources_total = _cents(data["sources_total"])
        self.exchange_rates: Dict[str, Dict[str, Any]] = data["exchange_rates"]

    @property
    def total(self) -> Decimal:
        """The project's total eligible budget."""
        return self.costs["total"]

    VIEWS = ("partners", "cofinancing", "funds", "countries", "periods", "lines")

    def to_frame(self, view: str = "partners"):
        """A table as a pandas DataFrame (amounts as Decimal): "partners" (partner ×
        category), "cofinancing", "funds", "countries", "periods" or "lines"."""
        if view == "partners":
            return frame(({"id": p.id, "name": p.name, "country": p.country, **p.costs} for p in self.partners),
                         columns=["id", "name", "country", *COST_COLUMNS])
        if view == "cofinancing":
            cols = ["id", "name", "country", "fund", "rate", "total", "fund_amount", "contribution",
                    "own_contribution", "public_contribution", "private_contribution", "sources_total"]
            return frame(({"id": p.id, "name": p.name, "country": p.country, "fund": p.fund, "rate": p.rate,
                           "total": p.total, "fund_amount": p.fund_amount, "contribution": p.contribution,
                           "own_contribution": p.own_contribution, "public_contribution": p.public_contribution,
                           "private_contribution": p.private_contribution, "sources_total": p.sources_total}
                          for p in self.partners), columns=cols)
        if view == "funds":
            return frame(({"fund": k, "amount": v} for k, v in self.fund_totals.items()), columns=["fund", "amount"])
        if view == "countries":
            return frame(({"country": k, "total": v} for k, v in self.country_totals.items()),
                         columns=["country", "total"])
        if view == "periods":
            rows = []
            for k, period in enumerate(self.periods):
                row = {"period": period["number"], "start": period["start"], "end": period["end"],
                       "months": f"{period['first_month']}-{period['last_month']}"}
                row.update(self.period_costs[k])
                row["fund_amount"] = self.fund_by_period[k]
                row["contribution"] = self.contribution_by_period[k]
                rows.append(row)
            return frame(rows, columns=["period", "start", "end", "months", *COST_COLUMNS, "fund_amount",
                                        "contribution"])
        if view == "lines":
            rows = []
            for line in self._core.lines():
                row = {"partner": line["partner"], "index": line["index"], "category": line["category"],
                       "description": line["description"], "currency": line["currency"],
                       "unit_price": _cents(line["unit_price"]), "total_local": _cents(line["total_local"]),
                       "total": _cents(line["total"])}
                for k, cents in enumerate(line["periods"], start=1):
                    row[f"period_{k}"] = _cents(cents)
                rows.append(row)
            columns = ["partner", "index", "category", "description", "currency", "unit_price", "total_local",
                       "total", *[f"period_{k}" for k in range(1, len(self.periods) + 1)]]
            return frame(rows, columns=columns)
        raise _core.ArgumentError(f"unknown view {view!r}; choose one of {', '.join(self.VIEWS)}")

    def to_dict(self) -> Dict[str, Any]:
        """The summary as plain data (amounts in cents, as the core computes them)."""
        return self._core.to_dict()

    # -- display, plots and files ------------------------------------------------------
    def _shown_categories(self) -> List[str]:
        """The cost columns (without "total") in which some partner has an amount: what the
        HTML table and :meth:`plot_partners` show. Leaving out all-zero columns keeps each
        shown total the sum of the shown parts."""
        return [c for c in COST_COLUMNS[:-1] if any(p.costs[c] for p in self.partners)]

    def _country_funding(self) -> List[Dict[str, Any]]:
        """Per country (in the order the partners first name it): the amount from each fund,
        the partners' contribution and the total, each the exact sum of the partners' own."""
        rows: Dict[str, Dict[str, Any]] = {}
        for p in self.partners:
            row = rows.setdefault(p.country, {"country": p.country, "funds": {}, "contribution": Decimal("0.00"),
                                              "total": Decimal("0.00")})
            if p.fund is not None:
                row["funds"][p.fund] = row["funds"].get(p.fund, Decimal("0.00")) + p.fund_amount
            row["contribution"] += p.contribution
            row["total"] += p.total
        return list(rows.values())

    def _repr_html_(self) -> str:
        from .display import budget_html

        return budget_html(self)

    def plot_partners(self, ax=None):
        """Stacked horizontal bars: each partner's costs by category (euro). Draws on `ax`
        (a new figure when None) and returns the matplotlib Axes."""
        from .display import format_amount

        ax = _axes(ax, (11.0, 1.6 + 0.55 * max(len(self.partners), 1)))
        from matplotlib.ticker import FuncFormatter  # type: ignore[import]

        y = list(range(len(self.partners)))
        left = [Decimal("0.00")] * len(self.partners)
        for column in self._shown_categories():
            widths = [p.costs[column] for p in self.partners]
            bars = ax.barh(y, [float(w) for w in widths], left=[float(x) for x in left], height=0.6,
                           label=COST_LABELS[column], color=_COLOURS[column])
            _exact_bars(bars, left, widths, horizontal=True)
            left = [x + w for x, w in zip(left, widths)]
        for k, p in enumerate(self.partners):
            ax.text(float(p.total), k, f" {format_amount(p.total)}", va="center", ha="left", fontsize=9)
        ax.set_yticks(y)
        ax.set_yticklabels([f"{p.id} {p.name} ({p.country})" for p in self.partners])
        ax.invert_yaxis()  # the lead partner on top
        ax.set_xlim(0, float(max([p.total for p in self.partners], default=Decimal(1))) * 1.25 or 1)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: f"{x:,.0f}"))
        ax.set_xlabel("EUR")
        ax.set_title(f"Costs by partner and category (total {format_amount(self.total)} EUR)")
        if self.partners:
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
        return ax

    def plot_funding(self, ax=None):
        """Per country, stacked bars: the amount from each fund (labelled with the fund id)
        and the partners' contribution (euro). Returns the matplotlib Axes."""
        from .display import format_amount

        rows = self._country_funding()
        ax = _axes(ax, (3.8 + 1.6 * max(len(rows), 1), 5.0))
        from matplotlib.ticker import FuncFormatter  # type: ignore[import]

        funds = [f for f in self.fund_totals if any(f in r["funds"] for r in rows)]
        x = list(range(len(rows)))
        bottom = [Decimal("0.00")] * len(rows)
        palette = ["#1f5fa8", "#c8102e", "#2a9d8f", "#e9a23b", "#6a4c93"]
        for k, fund in enumerate(funds + [None]):
            heights = [r["contribution"] if fund is None else r["funds"].get(fund, Decimal("0.00")) for r in rows]
            bars = ax.bar(x, [float(h) for h in heights], bottom=[float(b) for b in bottom], width=0.6,
                          label="partners' contribution" if fund is None else f"fund: {fund}",
                          color="#b8b8b8" if fund is None else palette[k % len(palette)])
            _exact_bars(bars, bottom, heights, horizontal=False)
            labels = [("" if not h else (f"{format_amount(h)}" if fund is None else f"{fund}\n{format_amount(h)}"))
                      for h in heights]
            ax.bar_label(bars, labels=labels, label_type="center", fontsize=8,
                         color="black" if fund is None else "white")
            bottom = [b + h for b, h in zip(bottom, heights)]
        for k, r in enumerate(rows):
            ax.text(k, float(r["total"]), f"{format_amount(r['total'])}", ha="center", va="bottom", fontsize=9)
        ax.set_xticks(x)
        ax.set_xticklabels([r["country"] for r in rows])
        ax.set_ylim(0, float(max([r["total"] for r in rows], default=Decimal(1))) * 1.12 or 1)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:,.0f}"))
        ax.set_ylabel("EUR")
        ax.set_title("Funding by country")
        if rows:
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
        return ax

    def to_excel(self, path: "Union[str, os.PathLike[str]]") -> "Path":
        """Write the summary as an .xlsx workbook (needs openpyxl: Debian python3-openpyxl):
        sheets "Per fund", "Per category", "Per period", "Lines", "Co-financing" and
        "Exchange rates". Amounts are numbers with the format ``#,##0.00 "EUR"``, totals are
        the core's numbers (no formulas). The file is replaced atomically. Returns the path."""
        from .excel import write_budget

        return write_budget(self, path)

    def __repr__(self) -> str:
        funds = ", ".join(f"{k} {v}" for k, v in self.fund_totals.items())
        return f"<BudgetSummary total {self.total} EUR ({funds}); {len(self.partners)} partners, {len(self.periods)} periods>"
