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

    @classmethod
    def _from_core(cls, line: _core.BudgetLine, programme: _core.Programme) -> "BudgetLine":
        return cls(line.category, line.description, line.unit_type, Decimal(line.units), _money(line.unit_price),
                   line.currency, None if line.periods is None else [_money(p) for p in line.periods],
                   line.unit_cost, line.lump_sum, _money(_core.effective_line_total(programme, line)))


def _period_list(periods: Optional[Sequence[Amount]]) -> Optional[List[Amount]]:
    if periods is None:
        return None
    if isinstance(periods, (str, bytes)):
        raise TypeError("periods must be a list of amounts, one per reporting period, not a single string")
    return list(periods)


class _PartnerView:
    """A live view of one part of a partner: edits go straight into the proposal."""

    def __init__(self, partner: "Partner"):
        self._partner = partner

    def _edit(self, change) -> None:
        core = self._partner._core()
        change(core)
        self._partner._proposal._core.update_partner(core)


class PartnerBudget(_PartnerView):
    """A partner's budget: a live view, changes go straight into the proposal."""

    def _line(self, index: int) -> _core.BudgetLine:
        lines = self._partner._core().budget_lines
        if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(lines):
            raise _core.NotFoundError(f"no budget line {index!r}; the partner has {len(lines)} (0 to {len(lines) - 1})")
        return lines[index]

    @property
    def _programme(self) -> _core.Programme:
        return self._partner._proposal.programme._core

    @property
    def lines(self) -> List[BudgetLine]:
        return [BudgetLine._from_core(line, self._programme) for line in self._partner._core().budget_lines]

    def add(self, category: str, description: str, *, units: Amount, unit_price: Amount = "0",
            unit_type: str = "", currency: str = "EUR", periods: Optional[Sequence[Amount]] = None,
            unit_cost: Optional[str] = None, lump_sum: Optional[str] = None) -> BudgetLine:
        """Add a line: `units` × `unit_price` in `category` (one of :data:`CATEGORIES`).

        `periods` gives the amount per reporting period (in `currency`); leave it out to spread
        the line evenly. A programme unit cost or lump sum (`unit_cost=`, `lump_sum=`) sets
        the price. Refused when it clashes with the partner's flat rates (a flat-rated
        category takes no lines).
        """
        line = _core.BudgetLine(category, description, units, unit_price, unit_type, currency,
                                _period_list(periods), unit_cost, lump_sum)
        self._edit(lambda core: core.add_line(line))
        return BudgetLine._from_core(line, self._programme)

    def remove(self, index: int) -> None:
        """Remove the line at `index`."""
        self._line(index)
        self._edit(lambda core: core.remove_line(index))

    def set_periods(self, index: int, periods: Optional[Sequence[Amount]]) -> None:
        """Set a line's amounts per period (None: spread evenly when summarised)."""
        old = self._line(index)
        line = _core.BudgetLine(old.category, old.description, old.units, old.unit_price, old.unit_type, old.currency,
                                _period_list(periods), old.unit_cost, old.lump_sum)
        self._edit(lambda core: core.set_line(index, line))

    def spread_evenly(self, index: int) -> List[Decimal]:
        """Write an even spread of a line over the project's periods (equal cents, the last
        period takes the rest) and return it."""
        proposal = self._partner._proposal
        count = _core.period_count(proposal.programme._core, proposal._core)
        amounts = _core.spread_evenly(_core.effective_line_total(self._programme, self._line(index)), count)
        self.set_periods(index, amounts)
        return [_money(a) for a in amounts]

    @property
    def rates(self) -> Dict[str, Optional[str]]:
        """The flat rates chosen: staff, office_on_staff, office_on_direct, travel, other_costs."""
        return dict(self._partner._core().flat_rates)

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
        self._edit(lambda core: core.set_flat_rates(rates))
        return self.rates

    def __len__(self) -> int:
        return len(self._partner._core().budget_lines)

    def __repr__(self) -> str:
        return f"<PartnerBudget {self._partner.id}: {len(self)} lines, flat rates {self.rates}>"


class Cofinancing(_PartnerView):
    """How a partner's budget is financed: fund, rate and contribution sources (live view)."""

    @property
    def fund(self) -> Optional[str]:
        """The fund id, or None for the default: the fund of the partner's country."""
        return self._partner._core().cofinancing_fund

    @fund.setter
    def fund(self, value: Optional[str]) -> None:
        self._edit(lambda core: setattr(core, "cofinancing_fund", value))

    @property
    def rate(self) -> Optional[str]:
        """The rate asked from the fund ("60%"), or None for the programme's maximum."""
        return self._partner._core().cofinancing_rate

    @rate.setter
    def rate(self, value: Optional[Amount]) -> None:
        self._edit(lambda core: setattr(core, "cofinancing_rate", value))

    @property
    def sources(self) -> List[Dict[str, Any]]:
        """Who pays the contribution: name, own, status (public/private), amount (Decimal)."""
        return [{**s, "amount": _money(s["amount"])} for s in self._partner._core().contribution_sources]

    def add_source(self, name: str, amount: Amount, *, status: str = "public", own: bool = True) -> None:
        """Add a contribution source (the partner's own money by default)."""
        self._edit(lambda core: core.add_source(name, amount, status, own))

    def remove_source(self, index: int) -> None:
        self._edit(lambda core: core.remove_source(index))

    def __repr__(self) -> str:
        return f"<Cofinancing {self._partner.id}: fund {self.fund or 'default'}, rate {self.rate or 'maximum'}>"
