"""Amounts on the Python side: the core's integer cents and decimal texts as ``Decimal``, and
amounts written for people ("240,600.00").

Every amount the core computes crosses into Python as integer cents and becomes a ``Decimal``
with two places in :func:`from_cents`, or, for a budget summary's views, is made a ``Decimal``
by the binding from the core's text of it ("240600.00"): the same value with the same two
places. Nothing here rounds: the core has done every rounding (docs/budget.md).
"""
from __future__ import annotations

from decimal import Decimal
from typing import Optional

__all__ = ["CENT", "from_cents", "float_from_cents", "from_text", "in_cents", "percent_fraction", "format_amount", "format_difference"]

CENT = Decimal("0.01")


def from_cents(cents: int) -> Decimal:
    """Integer cents as a Decimal with two places: ``24060000`` → ``Decimal("240600.00")``.
    Exact whatever the decimal context (a Decimal made from text is never rounded)."""
    return Decimal(f"{cents}E-2")


def float_from_cents(cents: int) -> float:
    """Integer cents as the nearest float, for plots: the same number as ``float(from_cents(c))``
    (one correctly rounded division of an exact integer)."""
    return cents / 100


def from_text(text: str) -> Decimal:
    """An amount the core wrote as text ("1234.5") as a Decimal with two places."""
    return Decimal(text).quantize(CENT)


def in_cents(number: Decimal) -> Optional[Decimal]:
    """A number someone wrote (a cell of a workbook) with two places when it is whole cents:
    ``Decimal("4500")`` → ``Decimal("4500.00")``; None when it has more decimals (never rounded)."""
    exponent = number.normalize().as_tuple().exponent
    if not isinstance(exponent, int) or exponent < -2:
        return None
    return number.quantize(CENT)


def percent_fraction(text: str) -> Decimal:
    """A rate the core wrote as a percentage ("60%", "12.5%") as a fraction: ``Decimal("0.6")``."""
    return Decimal(text.rstrip("%")) / 100


def format_amount(amount: Decimal) -> str:
    """An amount with thousands separators and two decimals: ``240,600.00``."""
    return f"{amount:,.2f}"


def format_difference(amount: Decimal) -> str:
    """A difference with its sign: ``+1,234.50``, ``-7.00``; no change is ``0.00``."""
    return f"{amount:+,.2f}" if amount else "0.00"
