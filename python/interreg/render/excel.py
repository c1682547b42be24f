"""Sheets of an Excel workbook (.xlsx), written with openpyxl (Debian python3-openpyxl), which
is imported only when a workbook is written. What the budget workbook holds is render/annex.py;
this module is how a sheet is written:

- Every amount is a number cell with the format ``#,##0.00 "EUR"`` (or the line's currency)
  holding exactly the core's amount: the cell's XML text is the decimal text itself
  ("240600.00"), so Excel and LibreOffice read the double nearest to it, which for amounts of
  at most 15 significant digits shows as that amount again. Totals are the core's numbers, not
  formulas, so a file opened without recalculation (a viewer, a converter, openpyxl) shows them.
- Every text (names, descriptions, labels) is a string cell, never a formula, even when it
  starts with "=", "+", "-" or "@".
- Printed on A4 landscape with the header rows on every page; a sheet narrow enough is fitted
  to the page width, a wider one breaks by columns with its first columns repeated, so no page
  is shrunk until it cannot be read.
"""
from __future__ import annotations

import datetime
import os
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from .._files import write_atomically
from ..errors import ArgumentError

__all__ = ["Sheet", "new_workbook", "save", "money_format", "MAX_AMOUNT", "PAGE_WIDTH"]

# A spreadsheet cell is a binary double, and Excel shows 15 significant digits: amounts up
# to 9,999,999,999,999.99 (15 digits with the cents) are held and shown exactly.
MAX_AMOUNT = Decimal("9999999999999.99")

# Column widths (in characters of the default font) that fit across A4 landscape within the
# margins below at 100 %: a sheet wider than this prints over several pages instead of shrinking.
PAGE_WIDTH = 100
# A column no wider than this; longer texts wrap within it.
MAX_COLUMN_WIDTH = 32
# A header this long or shorter is not wrapped.
SHORT_HEADER = 12
# The height (points) of a line of text in the default font, for rows of wrapped text.
LINE_HEIGHT = 15

# Exact decimals (exchange rates, units) with up to six places, as the core holds them.
DECIMAL_FORMAT = "0.######"


def money_format(currency: str) -> str:
    return f'#,##0.00 "{currency}"'


def _rate_format(fraction: Decimal) -> str:
    """A percent format with as many decimals as the rate has ("60%", "12.5%")."""
    exponent = (fraction * 100).normalize().as_tuple().exponent
    decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    return "0%" if decimals == 0 else "0." + "0" * decimals + "%"


def new_workbook() -> Any:
    try:
        from openpyxl import Workbook  # type: ignore[import]
    except ImportError as e:  # pragma: no cover - a Debian package here
        raise ImportError("Excel export needs openpyxl: apt-get install python3-openpyxl") from e
    workbook = Workbook()
    workbook.remove(workbook.active)
    return workbook


class Sheet:
    """Rows written one after another, with a record of how wide each column's text is.

    A value is written by its type: a Decimal is an amount (the column's money format, EUR
    unless `formats` says otherwise), a ``("rate", Decimal)`` pair a rate (percent), a date a
    date, a str text; None leaves the cell empty. Text wider than a column wraps, and its row
    is made as tall as the wrapped lines (spreadsheets do not grow rows they read).
    """

    def __init__(self, workbook: Any, title: str):
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # type: ignore[import]

        self._styles = {"bold": Font(bold=True), "heading": Font(bold=True, size=13), "top": Border(top=Side(style="thin")),
                        "fill": PatternFill("solid", start_color="FFDDE5EE", end_color="FFDDE5EE"),
                        # An indent keeps text off the right-aligned number before it, also in a PDF.
                        "text": Alignment(horizontal="left", vertical="top", indent=1),
                        "wrap": Alignment(horizontal="left", vertical="top", indent=1, wrap_text=True),
                        "header": Alignment(horizontal="left", vertical="bottom", indent=1, wrap_text=True),
                        "header_right": Alignment(horizontal="right", vertical="bottom", wrap_text=True),
                        "centre": Alignment(horizontal="center", vertical="top"),
                        "number": Alignment(horizontal="right", vertical="top")}
        self.ws = workbook.create_sheet(title)
        self.widths: List[int] = []
        self.header_rows: List[int] = []
        self.row = 0
        self._wrapped: List[Tuple[int, int, str]] = []  # (row, column, text) of cells that wrap
        self._spans: List[Tuple[int, int, str]] = []  # (row, first column, text) written across the columns

    # -- rows --------------------------------------------------------------------------
    def heading(self, text: str) -> None:
        """A title line above the tables (a cover's heading)."""
        self.row += 1
        cell = self.ws.cell(row=self.row, column=1)
        _text(cell, text)
        cell.font = self._styles["heading"]

    def blank(self) -> None:
        self.row += 1

    def header(self, labels: Sequence[str], numeric: Sequence[int] = ()) -> None:
        """A table's header row: bold on a fill, wrapped within the column (its longest word sets
        the width); the columns `numeric` (0-based) right-aligned like their numbers."""
        self.row += 1
        self.header_rows.append(self.row)
        for k, text in enumerate(labels):
            cell = self.ws.cell(row=self.row, column=k + 1)
            _text(cell, text)
            cell.font = self._styles["bold"]
            cell.fill = self._styles["fill"]
            cell.alignment = self._styles["header_right" if k in numeric else "header"]
            # bold, and the indent; a short header stays on one line
            self.widen(k, max([len(word) for word in text.split()] + [min(len(text), SHORT_HEADER)]) + 3)
            self._wrapped.append((self.row, k, text))

    def append(self, values: Sequence[Any], *, bold: bool = False, total: bool = False, label: bool = False,
               formats: Optional[Dict[int, str]] = None) -> None:
        """Write a row (see the class). `total`: a total row (bold, a line above); `label`: the
        first cell bold."""
        self.row += 1
        formats = formats or {}
        for k, value in enumerate(values):
            cell = self.ws.cell(row=self.row, column=k + 1)
            shown = self._write(cell, value, formats.get(k))
            if bold or total or (label and k == 0):
                cell.font = self._styles["bold"]
            if total:
                cell.border = self._styles["top"]
            self.widen(k, len(shown) + (2 if isinstance(value, str) else 0))
            if isinstance(value, str) and len(value) > MAX_COLUMN_WIDTH:
                self._wrapped.append((self.row, k, value))

    def field(self, name: str, value: Any) -> None:
        """A name in bold and its value across the columns after it (a cover's title, which
        would otherwise widen a column of the tables below)."""
        self.row += 1
        cell = self.ws.cell(row=self.row, column=1)
        _text(cell, name)
        cell.font = self._styles["bold"]
        self.widen(0, len(name) + 2)
        cell = self.ws.cell(row=self.row, column=2)
        shown = self._write(cell, value, None)
        cell.alignment = self._styles["wrap"]
        self._spans.append((self.row, 2, value if isinstance(value, str) else shown))

    def note(self, text: str) -> None:
        """A line of text across the sheet's columns (instructions above the tables)."""
        self.row += 1
        cell = self.ws.cell(row=self.row, column=1)
        _text(cell, text)
        cell.alignment = self._styles["wrap"]
        self._spans.append((self.row, 1, text))

    def _write(self, cell: Any, value: Any, fmt: Optional[str]) -> str:
        """Write `value` into `cell`; the text it shows (for the column's width)."""
        if isinstance(value, tuple) and value and value[0] == "rate":
            fraction: Decimal = value[1]
            _number(cell, fraction)
            cell.number_format = _rate_format(fraction)
            cell.alignment = self._styles["number"]
            return f"{fraction * 100}%"
        if isinstance(value, Decimal):
            fmt = fmt or money_format("EUR")
            if fmt.startswith("#,##0.00"):
                if abs(value) > MAX_AMOUNT:
                    raise ArgumentError(f"{value} is too large for a spreadsheet cell to hold exactly "
                                        f"(at most {MAX_AMOUNT:,}); export the budget with to_frame instead")
                shown = f"{value:,.2f} EUR"  # as wide as in any currency: codes have three letters
            else:
                shown = str(value)
            _number(cell, value)
            cell.number_format = fmt
            cell.alignment = self._styles["number"]
            return shown
        if isinstance(value, datetime.date):
            cell.value = value
            cell.number_format = "yyyy-mm-dd"
            cell.alignment = self._styles["centre"]
            return value.isoformat()
        if isinstance(value, str):
            _text(cell, value)
            cell.alignment = self._styles["wrap" if len(value) > MAX_COLUMN_WIDTH else "text"]
            return value[:MAX_COLUMN_WIDTH]
        if value is not None:
            cell.value = value
            cell.alignment = self._styles["number"]
            return str(value)
        return ""

    def widen(self, column: int, width: int) -> None:
        """Make `column` (0-based) at least `width` characters wide."""
        while len(self.widths) <= column:
            self.widths.append(0)
        self.widths[column] = max(self.widths[column], width)

    # -- layout ------------------------------------------------------------------------
    def finish(self, *, freeze: Optional[str] = None, title_columns: int = 1, title_rows: bool = True,
               running_head: str = "") -> None:
        """Size the columns and set up printing: A4 landscape, the first header row repeated
        on every page (unless not `title_rows`: a sheet of several tables); fitted to the page
        width when the columns fit at a readable size, else broken by columns with the first
        `title_columns` repeated on every page. Each page is headed by `running_head` and the
        sheet's name, and numbered, so a printed page says where it belongs."""
        from openpyxl.utils import get_column_letter  # type: ignore[import]

        widths = [min(max(w + 1, 6), MAX_COLUMN_WIDTH) for w in self.widths]
        for k, width in enumerate(widths):
            self.ws.column_dimensions[get_column_letter(k + 1)].width = width
        lines: Dict[int, int] = {}
        for row, column, text in self._wrapped:
            lines[row] = max(lines.get(row, 1), _line_count(text, widths[column]))
        last = max(len(widths), 2)
        for row, first, text in self._spans:
            self.ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
            lines[row] = max(lines.get(row, 1), _line_count(text, sum(widths[first - 1:last]) or MAX_COLUMN_WIDTH))
        for row, count in lines.items():
            if count > 1:
                self.ws.row_dimensions[row].height = LINE_HEIGHT * count
        if freeze:
            self.ws.freeze_panes = freeze
        setup = self.ws.page_setup
        setup.orientation = "landscape"
        setup.paperSize = self.ws.PAPERSIZE_A4
        self.ws.page_margins.left = self.ws.page_margins.right = 0.5
        self.ws.oddHeader.left.text = running_head.replace("&", "&&")  # "&" starts a field code
        self.ws.oddHeader.right.text = "&A"  # the sheet's name
        self.ws.oddFooter.right.text = "&P / &N"
        # Absolute references: LibreOffice ignores print titles written as "1:1" or "A:B".
        if self.header_rows and title_rows:
            self.ws.print_title_rows = f"${self.header_rows[0]}:${self.header_rows[0]}"
        if sum(widths) <= PAGE_WIDTH:
            self.ws.sheet_properties.pageSetUpPr.fitToPage = True
            setup.fitToWidth = 1
            setup.fitToHeight = 0
        elif title_columns:
            self.ws.print_title_cols = f"$A:${get_column_letter(title_columns)}"


def _line_count(text: str, width: int) -> int:
    """How many lines `text` wraps to in a column `width` characters wide (words kept whole;
    the indent takes about two)."""
    room = max(width - 2, 4)
    count, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > room:
            count, used = count + 1, 0
        used += (1 if used else 0) + len(word)
    return count


def _text(cell: Any, value: str) -> None:
    """Text stays text: openpyxl would store "=..." as a formula and "#N/A" as an error; a
    string cell shows the user's text exactly (no quote prefix)."""
    cell.value = value
    cell.data_type = "s"


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


def save(workbook: Any, path: Union[str, "os.PathLike[str]"]) -> Path:
    """Write `workbook` to `path` atomically: a temporary file in the same folder, flushed to
    disk, then renamed over the target. Returns the path; :class:`FileError` when it cannot
    be written."""
    return write_atomically(path, workbook.save)
