"""Tables the core computes, as columns: each column has an id, a kind and its values, and a
table may end with a total row holding the core's totals (each the exact sum of the rows).

The budget summary's tables (:meth:`interreg.BudgetSummary.table`) are rendered from this one
shape by every writer: DataFrames, the notebook's HTML, the Excel workbook and the narrative
draft. Values are converted once per column, when a column is first read: money (integer
cents at the boundary) and exact decimals become ``Decimal``; integers stay ``int``; text,
percentages ("60%") and ISO dates stay ``str``; an empty cell is ``None``.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple

from . import _core
from .errors import ArgumentError
from .money import from_cents

__all__ = ["Table", "Column", "KINDS"]

KINDS = ("text", "integer", "money", "percent", "decimal", "date")


class Column:
    """One column: `id`, `kind` (one of :data:`KINDS`), `values` (one per row), `total` (its
    value in the total row, or None) and, for money in each row's own currency,
    `currency_column` (the id of the column naming the currency; None for euro)."""

    __slots__ = ("id", "kind", "values", "total", "currency_column")

    def __init__(self, id: str, kind: str, values: Sequence[Any], total: Optional[Any] = None,
                 currency_column: Optional[str] = None):
        self.id = id
        self.kind = kind
        self.values = values
        self.total = total
        self.currency_column = currency_column

    @classmethod
    def _from_core(cls, core: _core.TableColumn) -> "Column":
        values: List[Any] = core.values
        total: Optional[Any] = core.total
        if core.kind == "money":
            values = [from_cents(c) for c in values]
            total = None if total is None else from_cents(total)
        elif core.kind == "decimal":
            values = [None if v is None else Decimal(v) for v in values]
        return cls(core.id, core.kind, values, total, core.currency_column or None)

    def __repr__(self) -> str:
        return f"<Column {self.id} ({self.kind}): {len(self.values)} values>"


class Table:
    """A table of columns in a fixed order; `has_total` says whether a total row follows."""

    def __init__(self, core: _core.BudgetTable):
        self._core_columns = {c.id: c for c in core.columns}
        self._columns: Dict[str, Column] = {}
        self.id: str = core.id
        self.has_total: bool = core.has_total
        self.row_count: int = core.row_count

    @property
    def ids(self) -> List[str]:
        """The column ids, in order."""
        return list(self._core_columns)

    @property
    def columns(self) -> List[Column]:
        return [self.column(c) for c in self._core_columns]

    def column(self, id: str) -> Column:
        """A column by id; :class:`ArgumentError` naming the columns for an unknown one."""
        column = self._columns.get(id)
        if column is None:
            core = self._core_columns.get(id)
            if core is None:
                raise ArgumentError(f"the {self.id} table has no column {id!r}; its columns are "
                                    f"{', '.join(self._core_columns)}")
            column = self._columns[id] = Column._from_core(core)
        return column

    def __getitem__(self, id: str) -> List[Any]:
        """The values of a column."""
        return list(self.column(id).values)

    def __contains__(self, id: object) -> bool:
        return id in self._core_columns

    def rows(self, ids: Sequence[str]) -> Iterator[Tuple[Any, ...]]:
        """The rows, as tuples of the values of the columns `ids`."""
        return zip(*(self.column(c).values for c in ids)) if ids else iter(())

    def totals(self, ids: Sequence[str]) -> Tuple[Any, ...]:
        """The total row's values of the columns `ids` (None where a column has no total)."""
        return tuple(self.column(c).total for c in ids)

    def nonzero(self, ids: Sequence[str]) -> List[str]:
        """The ids among `ids` whose column holds some value other than zero."""
        return [c for c in ids if any(self.column(c).values)]

    def __len__(self) -> int:
        return self.row_count

    def __repr__(self) -> str:
        total = " and a total row" if self.has_total else ""
        return f"<Table {self.id}: {len(self._core_columns)} columns, {self.row_count} rows{total}>"
