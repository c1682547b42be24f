"""pandas, imported only when a table is asked for."""
from __future__ import annotations

from typing import Any, Iterable, Mapping, Optional, Sequence


def frame(rows: Iterable[Mapping[str, Any]], columns: Optional[Sequence[str]] = None):
    """A DataFrame of `rows`; `columns` fixes the columns when there may be no rows."""
    try:
        import pandas as pd  # type: ignore[import]
    except ImportError as e:  # pragma: no cover - pandas is a Debian package here
        raise ImportError("tables need pandas: apt-get install python3-pandas") from e
    rows = list(rows)
    return pd.DataFrame(rows, columns=list(columns) if columns is not None else None)
