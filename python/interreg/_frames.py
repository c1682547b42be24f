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


def table_frame(table: "Table"):
    """A DataFrame of a table's rows (the total row is left out: it is the sum of the rows),
    built column by column. Text and amounts are held as Python objects (``Decimal`` amounts)."""
    pd = _pandas()
    columns = table.columns
    return pd.DataFrame({c.id: pd.Series(c.values, dtype="int64" if c.kind == "integer" else object) for c in columns},
                        columns=[c.id for c in columns])
