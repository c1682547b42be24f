"""Budgets: a partner's lines and flat rates, its co-financing, and the project's summary.

Amounts go in as ``str``, ``int`` or ``decimal.Decimal`` (a ``float`` only when it is an
exact amount with at most two decimals) and come out as ``Decimal`` with two places. The C++
core does every computation; rounding rules are in docs/budget.md.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Union

from . import _core
from ._frames import frame

if TYPE_CHECKING:  # pragma: no cover
    from .proposal import Partner, Proposal

__all__ = ["BudgetLine", "PartnerBudget", "Cofinancing", "BudgetSummary", "PartnerTotals", "CATEGORIES"]

Amount = Union[str, int, Decimal, float]

CATEGORIES = tuple(_core.category_names)
# The columns of a cost breakdown, in display order ("other_costs" is the 40 % option).
COST_COLUMNS = ("staff", "office_admin", "travel", "external", "equipment", "infrastructure", "other_costs",
                "lump_sums", "total")
CENT = Decimal("0.01")


def _money(text: str) -> Decimal:
    return Decimal(text).quantize(CENT)


def _cents(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(CENT)


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
    total: Decimal  # units × unit price, truncated to the cent

    @classmethod
    def _from_core(cls, line: _core.BudgetLine) -> "BudgetLine":
        return cls(line.category, line.description, line.unit_type, Decimal(line.units), _money(line.unit_price),
                   line.currency, None if line.periods is None else [_money(p) for p in line.periods],
                   line.unit_cost, line.lump_sum, _money(line.total))


class PartnerBudget:
    """A partner's budget: a live view, changes go straight into the proposal."""

    def __init__(self, partner: "Partner"):
        self._partner = partner

    def _edit(self, change) -> None:
        core = self._partner._core()
        change(core)
        self._partner._proposal._core.update_partner(core)

    @property
    def lines(self) -> List[BudgetLine]:
        return [BudgetLine._from_core(line) for line in self._partner._core().budget_lines]

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
                                None if periods is None else list(periods), unit_cost, lump_sum)
        self._edit(lambda core: core.add_line(line))
        return BudgetLine._from_core(line)

    def remove(self, index: int) -> None:
        """Remove the line at `index`."""
        self._edit(lambda core: core.remove_line(index))

    def set_periods(self, index: int, periods: Optional[Sequence[Amount]]) -> None:
        """Set a line's amounts per period (None: spread evenly when summarised)."""
        old = self._partner._core().budget_lines[index]
        line = _core.BudgetLine(old.category, old.description, old.units, old.unit_price, old.unit_type, old.currency,
                                None if periods is None else list(periods), old.unit_cost, old.lump_sum)
        self._edit(lambda core: core.set_line(index, line))

    def spread_evenly(self, index: int) -> List[Decimal]:
        """Write an even spread of a line over the project's periods (equal cents, the last
        period takes the rest) and return it."""
        proposal = self._partner._proposal
        count = _core.period_count(proposal.programme._core, proposal._core)
        amounts = _core.spread_evenly(self.lines[index].total, count)
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


class Cofinancing:
    """How a partner's budget is financed: fund, rate and contribution sources (live view)."""

    def __init__(self, partner: "Partner"):
        self._partner = partner

    def _edit(self, change) -> None:
        core = self._partner._core()
        change(core)
        self._partner._proposal._core.update_partner(core)

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


def _breakdown(d: Dict[str, int]) -> Dict[str, Decimal]:
    return {k: _cents(d[k]) for k in COST_COLUMNS}


class BudgetSummary:
    """The project's budget computed by the core: totals per partner, category, period,
    fund and country, each the exact sum of its parts."""

    def __init__(self, data: Dict[str, Any]):
        self._data = data
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
                for col in COST_COLUMNS:
                    row[col] = sum((p.periods[k][col] for p in self.partners), Decimal("0.00"))
                row["fund_amount"] = sum((p.fund_by_period[k] for p in self.partners), Decimal("0.00"))
                row["contribution"] = sum((p.contribution_by_period[k] for p in self.partners), Decimal("0.00"))
                rows.append(row)
            return frame(rows, columns=["period", "start", "end", "months", *COST_COLUMNS, "fund_amount",
                                        "contribution"])
        if view == "lines":
            rows = []
            for line in self._data["lines"]:
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
        return self._data

    def __repr__(self) -> str:
        funds = ", ".join(f"{k} {v}" for k, v in self.fund_totals.items())
        return f"<BudgetSummary total {self.total} EUR ({funds}); {len(self.partners)} partners, {len(self.periods)} periods>"
