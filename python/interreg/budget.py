"""Budgets: a partner's lines and flat rates and its co-financing (the project's totals are
:mod:`interreg.summary`).

Amounts go in as ``str``, ``int`` or ``decimal.Decimal`` (a ``float`` only when it is an
exact amount with at most two decimals) and come out as ``Decimal`` with two places. The C++
core does every computation; rounding rules are in docs/budget.md.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Union

from . import _core
from .money import from_text as _money

if TYPE_CHECKING:  # pragma: no cover
    from .proposal import Partner, Proposal

__all__ = ["BudgetLine", "PartnerBudget", "Cofinancing", "CATEGORIES"]

Amount = Union[str, int, Decimal, float]

CATEGORIES = tuple(_core.category_names)

@dataclass(frozen=True)
class BudgetLine:
    """A budget line as stored (amounts in the line's currency)."""

    category: str
    description: str
    unit_type: str
    units: Decimal
    unit_price: Decimal
    currency: str
    periods: Optional[List[Decimal]]
    unit_cost: Optional[str]
    lump_sum: Optional[str]
    total: Decimal  # units × the price charged (the programme's for unit costs and lump sums), truncated


class _PartnerView:
    """A live view of one part of a partner: every read and edit goes to the proposal's core."""

    def __init__(self, partner: "Partner"):
        self._partner = partner
        # A partner keeps its id and proposal for life: looked up once, not on every edit.
        self._draft: _core.Proposal = partner._proposal._core
        self._id: str = partner.id


class PartnerBudget(_PartnerView):
    """A partner's budget: a live view, changes go straight into the proposal."""

    @property
    def _programme(self) -> _core.Programme:
        return self._partner._proposal.programme._core

    @property
    def lines(self) -> List[BudgetLine]:
        return [_core.budget_line(BudgetLine, self._programme, line) for line in self._draft.lines(self._id)]

    def add(self, category: str, description: str, *, units: Amount, unit_price: Amount = "0",
            unit_type: str = "", currency: str = "EUR", periods: Optional[Sequence[Amount]] = None,
            unit_cost: Optional[str] = None, lump_sum: Optional[str] = None) -> BudgetLine:
        """Add a line: `units` × `unit_price` in `category` (one of :data:`CATEGORIES`).

        `periods` gives the amount per reporting period (in `currency`); leave it out to spread
        the line evenly. A programme unit cost or lump sum (`unit_cost=`, `lump_sum=`) sets
        the price. Refused when it clashes with the partner's flat rates (a flat-rated
        category takes no lines).
        """
        return self._draft.add_line(self._id, category, description, units, unit_price, unit_type, currency, periods,
                                    unit_cost, lump_sum, BudgetLine)

    def remove(self, index: int) -> None:
        """Remove the line at `index` (numbered from 0)."""
        self._draft.remove_line(self._id, _index(index))

    def set_periods(self, index: int, periods: Optional[Sequence[Amount]]) -> None:
        """Set a line's amounts per period (None: spread evenly when summarised)."""
        self._draft.set_line_periods(self._id, _index(index), periods)

    def spread_evenly(self, index: int) -> List[Decimal]:
        """Write an even spread of a line over the project's periods (equal cents, the last
        period takes the rest) and return it."""
        return [_money(a) for a in self._draft.spread_line_evenly(self._id, _index(index))]

    @property
    def rates(self) -> Dict[str, Optional[str]]:
        """The flat rates chosen: staff, office_on_staff, office_on_direct, travel, other_costs."""
        return dict(self._draft.flat_rates(self._id))

    def flat_rates(self, *, office_admin: Optional[Amount] = None, office_admin_base: str = "staff",
                   travel: Optional[Amount] = None, staff: Optional[Amount] = None,
                   other_costs: Optional[Amount] = None) -> Dict[str, Optional[str]]:
        """Choose the simplified cost options (replacing earlier choices); rates as "15%" or
        Decimal("0.15"). `office_admin_base` is "staff" (15 % of staff costs) or "direct"
        (a rate of direct costs). Incompatible choices raise :class:`ArgumentError`."""
        if office_admin_base not in ("staff", "direct"):
            raise _core.ArgumentError(f"office_admin_base must be 'staff' or 'direct', not {office_admin_base!r}")
        rates: Dict[str, Optional[Amount]] = {"staff": staff, "travel": travel, "other_costs": other_costs,
                                              "office_on_staff": None, "office_on_direct": None}
        rates["office_on_" + office_admin_base] = office_admin
        self._draft.set_flat_rates(self._id, rates)
        return self.rates

    def __len__(self) -> int:
        return self._draft.line_count(self._id)

    def __repr__(self) -> str:
        chosen = ", ".join(f"{option} {rate}" for option, rate in self.rates.items() if rate) or "none"
        lines = len(self)
        return f"<PartnerBudget {self._id}: {lines} line{'s' if lines != 1 else ''}, flat rates: {chosen}>"


class Cofinancing(_PartnerView):
    """How a partner's budget is financed: fund, rate and contribution sources (live view)."""

    @property
    def fund(self) -> Optional[str]:
        """The fund id, or None for the default: the fund of the partner's country."""
        return self._draft.fund(self._id)

    @fund.setter
    def fund(self, value: Optional[str]) -> None:
        self._draft.set_fund(self._id, value)

    @property
    def rate(self) -> Optional[str]:
        """The rate asked from the fund ("60%"), or None for the programme's maximum."""
        return self._draft.cofinancing_rate(self._id)

    @rate.setter
    def rate(self, value: Optional[Amount]) -> None:
        self._draft.set_cofinancing_rate(self._id, value)

    @property
    def sources(self) -> List[Dict[str, Any]]:
        """Who pays the contribution: name, own, status (public/private), amount (Decimal)."""
        return [{**s, "amount": _money(s["amount"])} for s in self._draft.sources(self._id)]

    def add_source(self, name: str, amount: Amount, *, status: str = "public", own: bool = True) -> None:
        """Add a contribution source (the partner's own money by default)."""
        self._draft.add_source(self._id, name, amount, status, own)

    def remove_source(self, index: int) -> None:
        self._draft.remove_source(self._id, _index(index))

    def __repr__(self) -> str:
        return f"<Cofinancing {self._id}: fund {self.fund or 'default'}, rate {self.rate or 'maximum'}>"


def _index(index: int) -> int:
    """A position in a list (a line, a source): a non-negative int."""
    if isinstance(index, bool) or not isinstance(index, int):
        raise TypeError(f"an index is an int, not {type(index).__name__}")
    if index < 0:
        raise _core.NotFoundError(f"no item {index}: positions are numbered from 0")
    return index
