"""Plots of a budget summary: costs by partner and category, and funding by country."""
from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..labels import CONTRIBUTION, CONTRIBUTION_COLOUR, COST_COLOURS, COST_COLUMNS, COST_LABELS, FUND_COLOURS, lower_first
from ..money import format_amount
from ._axes import axes, exact_bars

if TYPE_CHECKING:  # pragma: no cover
    from ..summary import BudgetSummary

__all__ = ["plot_partners", "plot_funding"]


def plot_partners(s: "BudgetSummary", ax: Any = None) -> Any:
    """Stacked horizontal bars: each partner's costs by category (the categories some partner
    has costs in), the lead partner on top."""
    table = s.table("partners")
    ax = axes(ax, (11.0, 1.6 + 0.55 * max(table.row_count, 1)))
    from matplotlib.ticker import FuncFormatter  # type: ignore[import]

    y = list(range(table.row_count))
    left = [Decimal("0.00")] * table.row_count
    for column in table.nonzero(COST_COLUMNS[:-1]):
        widths = table[column]
        bars = ax.barh(y, [float(w) for w in widths], left=[float(x) for x in left], height=0.6,
                       label=COST_LABELS[column], color=COST_COLOURS[column])
        exact_bars(bars, left, widths, horizontal=True)
        left = [x + w for x, w in zip(left, widths)]
    totals = table["total"]
    for k, total in enumerate(totals):
        ax.text(float(total), k, f" {format_amount(total)}", va="center", ha="left", fontsize=9)
    ax.set_yticks(y)
    ax.set_yticklabels([f"{pid} {name} ({country})" for pid, name, country in table.rows(["id", "name", "country"])])
    ax.invert_yaxis()  # the lead partner on top
    ax.set_xlim(0, float(max(totals, default=Decimal(1))) * 1.25 or 1)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: f"{x:,.0f}"))
    ax.set_xlabel("EUR")
    ax.set_title(f"Costs by partner and category (total {format_amount(s.total)} EUR)")
    if table.row_count:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    return ax


def plot_funding(s: "BudgetSummary", ax: Any = None) -> Any:
    """Per country (in the order the partners name them), stacked bars: the amount from each
    fund a partner draws on and the partners' contribution, the funds named in the legend. A cap
    on a fund that one country's partners draw on (the Norwegian funds) is a dashed red line at
    the height the fund's part of that bar may reach."""
    table = s.table("country_funding")
    count = table.row_count
    ax = axes(ax, (5.0 + 1.6 * max(count, 1), 5.0))
    from matplotlib.ticker import FuncFormatter  # type: ignore[import]

    funds = [c for c in table.ids if c.startswith("fund:")]
    x = list(range(count))
    bottom = [Decimal("0.00")] * count
    top = [float(t) for t in table["total"]]
    for k, column in enumerate([*funds, "contribution"]):
        heights = table[column]
        contribution = column == "contribution"
        fund = column[len("fund:"):]
        label = lower_first(CONTRIBUTION) if contribution else s.fund_names.get(fund, fund)
        bars = ax.bar(x, [float(h) for h in heights], bottom=[float(b) for b in bottom], width=0.6,
                      label=label, color=CONTRIBUTION_COLOUR if contribution else FUND_COLOURS[k % len(FUND_COLOURS)])
        exact_bars(bars, bottom, heights, horizontal=False)
        ax.bar_label(bars, labels=[format_amount(h) if h else "" for h in heights], label_type="center", fontsize=8,
                     color="black" if contribution else "white")
        cap = None if contribution else s.fund_caps.get(fund)
        drawing = [i for i, h in enumerate(heights) if h]
        if cap is not None and len(drawing) == 1:
            i = drawing[0]
            y = float(bottom[i] + cap.amount)
            ax.hlines(y, i - 0.4, i + 0.4, colors="#c8102e", linestyles="--", linewidth=1.5,
                      label=f"cap on {label} ({cap.where}): {format_amount(cap.amount)}")
            top[i] = max(top[i], y)
        bottom = [b + h for b, h in zip(bottom, heights)]
    totals = table["total"]
    for k, total in enumerate(totals):
        ax.text(k, float(total), format_amount(total), ha="center", va="bottom", fontsize=9)
    ax.set_xticks(x)
    ax.set_xticklabels(table["country"])
    ax.set_ylim(0, max(top, default=1.0) * 1.12 or 1)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:,.0f}"))
    ax.set_ylabel("EUR")
    ax.set_title("Funding by country")
    if count:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    return ax
