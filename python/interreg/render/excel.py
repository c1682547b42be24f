"""A budget summary as an Excel workbook (.xlsx), written with openpyxl (Debian
python3-openpyxl), which is imported only when a workbook is written.

Every amount is a number cell with the format ``#,##0.00 "EUR"`` (or the line's currency) and
holds exactly the core's amount: the cell's XML text is the decimal text itself
("240600.00"), so Excel and LibreOffice read the double nearest to it, which for amounts of
at most 15 significant digits shows as that amount again. Totals are the core's numbers, not
formulas, so a file opened without recalculation (a viewer, a converter, openpyxl) shows them.
Every text (names, descriptions, labels) is a string cell, never a formula, even when it
starts with "=", "+", "-" or "@".
"""
from __future__ import annotations

import datetime
import os
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Union

from .._files import write_atomically
from ..errors import ArgumentError
from ..labels import CONTRIBUTION, SHEET_TITLES, TOTAL, TOTAL_BUDGET, column_label
from ..money import percent_fraction

if TYPE_CHECKING:  # pragma: no cover
    from ..summary import BudgetSummary
    from ..tables import Column, Table

__all__ = ["write_budget", "SHEETS", "MAX_AMOUNT"]

SHEETS = tuple(SHEET_TITLES.values())

# A spreadsheet cell is a binary double, and Excel shows 15 significant digits: amounts up
# to 9,999,999,999,999.99 (15 digits with the cents) are held and shown exactly.
MAX_AMOUNT = Decimal("9999999999999.99")


def _money_format(currency: str) -> str:
    return f'#,##0.00 "{currency}"'


def _rate_format(fraction: Decimal) -> str:
    """A percent format with as many decimals as the rate has ("60%", "12.5%")."""
    exponent = (fraction * 100).normalize().as_tuple().exponent
    decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    return "0%" if decimals == 0 else "0." + "0" * decimals + "%"


class _Sheet:
    """Rows written one after another, with a record of how wide each column's text is."""

    def __init__(self, workbook: Any, title: str, header: Sequence[str]):
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # type: ignore[import]

        self._bold = Font(bold=True)
        self._top = Border(top=Side(style="thin"))
        self._right = Alignment(horizontal="right")
        self.ws = workbook.create_sheet(title)
        self.widths: List[int] = [len(h) for h in header]
        self.numeric: set = set()  # columns holding numbers: their header is right-aligned
        self.row = 0
        self.append(header, bold=True)
        fill = PatternFill("solid", start_color="FFDDE5EE", end_color="FFDDE5EE")
        for k in range(len(header)):
            cell = self.ws.cell(row=1, column=k + 1)
            cell.fill = fill
        self.ws.freeze_panes = "A2"
        # Printed (or converted to PDF) landscape, one page wide, the header on every page.
        self.ws.page_setup.orientation = "landscape"
        self.ws.page_setup.paperSize = self.ws.PAPERSIZE_A4
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        self.ws.page_setup.fitToWidth = 1
        self.ws.page_setup.fitToHeight = 0
        self.ws.print_title_rows = "1:1"

    def append(self, values: Sequence[Any], *, bold: bool = False, total: bool = False,
               formats: Optional[Dict[int, str]] = None) -> None:
        """Write a row. A Decimal is an amount (the column's format, EUR unless `formats`
        says otherwise); a `("rate", Decimal)` pair is a rate (percent); other values as they are."""
        self.row += 1
        formats = formats or {}
        for k, value in enumerate(values):
            cell = self.ws.cell(row=self.row, column=k + 1)
            shown: str
            if isinstance(value, tuple) and value and value[0] == "rate":
                fraction: Decimal = value[1]
                _number(cell, fraction)
                cell.number_format = _rate_format(fraction)
                self.numeric.add(k)
                shown = f"{fraction * 100}%"
            elif isinstance(value, Decimal):
                fmt = formats.get(k, _money_format("EUR"))
                if fmt.startswith("#,##0.00"):
                    if abs(value) > MAX_AMOUNT:
                        raise ArgumentError(f"{value} is too large for a spreadsheet cell to hold exactly "
                                            f"(at most {MAX_AMOUNT:,}); export the budget with to_frame instead")
                    shown = f"{value:,.2f} EUR"
                else:
                    shown = str(value)
                _number(cell, value)
                cell.number_format = fmt
                self.numeric.add(k)
            elif isinstance(value, datetime.date):
                cell.value = value
                cell.number_format = "yyyy-mm-dd"
                shown = value.isoformat()
            elif isinstance(value, str):
                # Text stays text: openpyxl would store "=..." as a formula and "#N/A" as an
                # error; a string cell shows the user's text exactly (no quote prefix).
                cell.value = value
                cell.data_type = "s"
                shown = value
            else:
                cell.value = value
                shown = "" if value is None else str(value)
            if bold or total:
                cell.font = self._bold
            if total:
                cell.border = self._top
            if k >= len(self.widths):
                self.widths.append(0)
            self.widths[k] = max(self.widths[k], len(shown))

    def finish(self) -> None:
        from openpyxl.utils import get_column_letter  # type: ignore[import]

        for k, width in enumerate(self.widths):
            self.ws.column_dimensions[get_column_letter(k + 1)].width = min(max(width + 2, 8), 60)
        for k in self.numeric:
            self.ws.cell(row=1, column=k + 1).alignment = self._right


def _number(cell: Any, value: Decimal) -> None:
    """Store `value` as a number whose XML text is its exact decimal text.

    openpyxl 3.0 writes numbers as ``"%.16g" % float(value)``, which shows the binary
    error of many doubles (858492037.43 becomes "858492037.4300001"). The cell is given the
    float, so openpyxl treats it as a number (type "n"), and then the decimal text itself,
    which openpyxl's writer copies into the sheet as it is. tests/test_budget_export.py
    reads the sheet XML back to check this.
    """
    cell.value = float(value)
    cell._value = format(value, "f")  # noqa: SLF001 - see above


def _date(text: Optional[str]) -> Optional[datetime.date]:
    return datetime.date.fromisoformat(text) if text else None


# Exact decimals (exchange rates) with up to six places, as the core holds them.
_DECIMAL_FORMAT = "0.######"


def _cells(column: "Column") -> List[Any]:
    """The column's values as `_Sheet.append` takes them: percentages as fractions, dates as
    dates, the others as they are."""
    if column.kind == "percent":
        return [None if v is None else ("rate", percent_fraction(v)) for v in column.values]
    if column.kind == "date":
        return [_date(v) for v in column.values]
    return list(column.values)


def _formats(table: "Table", column: "Column") -> List[Optional[str]]:
    """The number format of each of the column's cells (None: the sheet's default, euro for
    amounts); money in each row's own currency is shown with that currency."""
    if column.kind == "money" and column.currency_column:
        return [_money_format(code) for code in table[column.currency_column]]
    if column.kind == "decimal":
        return [_DECIMAL_FORMAT] * table.row_count
    return [None] * table.row_count


def _add_sheet(workbook: Any, table: "Table", *, first: Optional[List[Any]] = None, total_label: str = TOTAL) -> None:
    """A sheet of every column of `table`, and its total row under the rows (labelled in the
    first column). `first` replaces the first column's values (a label for an id)."""
    sheet = _Sheet(workbook, SHEET_TITLES[table.id], [column_label(table.id, c) for c in table.ids])
    columns = table.columns
    cells = [_cells(c) for c in columns]
    if first is not None:
        cells[0] = first
    formats = [_formats(table, c) for c in columns]
    for r in range(table.row_count):
        sheet.append([cells[k][r] for k in range(len(columns))],
                     formats={k: formats[k][r] for k in range(len(columns)) if formats[k][r]})
    if table.has_total:
        sheet.append([total_label, *(c.total for c in columns[1:])], total=True)
    sheet.finish()


def _build(s: "BudgetSummary") -> Any:
    try:
        from openpyxl import Workbook  # type: ignore[import]
    except ImportError as e:  # pragma: no cover - a Debian package here
        raise ImportError("Excel export needs openpyxl: apt-get install python3-openpyxl") from e

    wb = Workbook()
    wb.remove(wb.active)
    for name in SHEET_TITLES:
        table = s.table(name)
        if name == "funding":  # each fund by its id, then the partners' contribution
            _add_sheet(wb, table, first=[CONTRIBUTION if f is None else f for f in table["fund"]],
                       total_label=TOTAL_BUDGET)
        else:
            _add_sheet(wb, table)
    return wb


def write_budget(summary: "BudgetSummary", path: Union[str, "os.PathLike[str]"]) -> Path:
    """Write `summary` to `path` (.xlsx) atomically: a temporary file in the same folder,
    flushed to disk, then renamed over the target. Returns the path. Raises
    :class:`FileError` when the file cannot be written and :class:`ArgumentError` when an
    amount is too large for a spreadsheet cell (nothing is written then)."""
    workbook = _build(summary)  # before touching the disk: a refused amount leaves no file
    return write_atomically(path, workbook.save)
