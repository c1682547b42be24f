"""pandas, imported only when a table is asked for."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Mapping, Optional, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from .tables import Table


def _pandas():
    try:
        import pandas as pd  # type: ignore[import]
    except ImportError as e:  # pragma: no cover - pandas is a Debian package here
        raise ImportError("tables need pandas: apt-get install python3-pandas") from e
    return pd


def frame(rows: Iterable[Mapping[str, Any]], columns: Optional[Sequence[str]] = None):
    """A DataFrame of `rows`; `columns` fixes the columns when there may be no rows."""
    rows = list(rows)
    return _pandas().DataFrame(rows, columns=list(columns) if columns is not None else None)


MONEY = ("decimal", "float")


def table_frame(table: "Table", money: str = "decimal"):
    """A DataFrame of a table's rows (the total row is left out: it is the sum of the rows),
    built column by column. Amounts are exact ``Decimal`` objects, or with ``money="float"``
    float64 (the nearest double: fine for plots and quick arithmetic, but sums of floats may be
    off by a cent, so totals to report come from the summary); other values as they are."""
    if money not in MONEY:
        from .errors import ArgumentError

        raise ArgumentError(f"money must be one of {', '.join(MONEY)}, not {money!r}")
    pd = _pandas()

    def series(c):
        if c.kind == "integer":
            return pd.Series(c.values, dtype="int64")
        if c.kind == "money" and money == "float":
            return pd.Series([None if v is None else float(v) for v in c.values], dtype="float64")
        return pd.Series(c.values, dtype=object)

    columns = table.columns
    return pd.DataFrame({c.id: series(c) for c in columns}, columns=[c.id for c in columns])
