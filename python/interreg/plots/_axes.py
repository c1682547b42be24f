"""The matplotlib Axes a plot draws on (matplotlib imported only here, when drawing)."""
from __future__ import annotations

from typing import Any, Sequence, Tuple

from decimal import Decimal


def axes(ax: Any, size: Tuple[float, float]) -> Any:
    """`ax`, or the Axes of a new figure of `size` inches."""
    if ax is not None:
        return ax
    try:
        import matplotlib.pyplot as plt  # type: ignore[import]
    except ImportError as e:  # pragma: no cover - a Debian package here
        raise ImportError("plots need matplotlib: apt-get install python3-matplotlib") from e
    _fig, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def exact_bars(bars: Any, starts: Sequence[Decimal], lengths: Sequence[Decimal], *, horizontal: bool) -> None:
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
