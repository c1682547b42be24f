"""Budgets read back from a workbook: the Lines sheet of an annex (``Proposal.to_excel``) or of a
blank template (``interreg budget-template``), filled in by a partner, replaces the lines of
the partners it names (docs/workbook.md).

Reading is all or nothing: every problem of the sheet is collected, each naming its cell
(``Lines!F14: '4 500,00' is not an amount; write 4500.00``), and the proposal changes only when
the whole sheet reads, through the core's checked edits in one step. Only what a line says is
read (partner, category, description, units, unit type, unit price, currency, split, the
period amounts of a given split, a programme option); numbers and totals are computed again. Amounts are read exactly:
a number cell as the spreadsheet shows it (15 significant digits), which must be whole cents;
a text cell only in the one form that cannot be misread (``4500.00``). A formula is refused, as
is a file that is not a workbook or is larger than a budget can be (see the limits below).
"""
from __future__ import annotations

import datetime
import io
import math
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from decimal import Context, Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Union

from . import _core
from ._files import read_file
from .errors import FormatError
from .languages import LANGUAGES, label, spellings
from .money import in_cents
from .render.annex import LINE_COLUMNS, OPTION_COLUMNS

if TYPE_CHECKING:  # pragma: no cover
    import os

    from .proposal import Proposal

__all__ = ["import_budget", "MAX_FILE_BYTES", "MAX_UNPACKED_BYTES", "MAX_ENTRIES", "MAX_ROWS", "MAX_COLUMNS"]

# A budget of the largest size the format allows is far below these; a file beyond them is
# refused before any of it is parsed (a zip bomb expands to gigabytes).
MAX_FILE_BYTES = 20 << 20
MAX_UNPACKED_BYTES = 200 << 20  # the entries as the zip declares them (zipfile never reads past that)
MAX_ENTRIES = 10_000
MAX_ROWS = 50_000
MAX_COLUMNS = 200
# Problems listed in the message; the exception's `problems` holds them all.
MAX_PROBLEMS_SHOWN = 30

# Columns a line needs; "partner" may be given by the partner's name instead.
_REQUIRED = ("category", "description", "units", "unit_price")
# Columns the workbook computes (and the partner's name, which the id overrides): never read, so
# changing units or a price needs no other cell changed (the workbook holds no formulas).
_COMPUTED = {"number", "partner_name", "total_local", "total"}
# As spreadsheets show numbers: 15 significant digits, so float noise never reaches an amount.
_SHOWN = Context(prec=15)
_PLAIN = re.compile(r"[+-]?\d+(\.\d+)?")
# How a part declares a document type (in each encoding XML may use): entities expand or reach files.
_DECLARATIONS = tuple(word.encode(encoding) for word in ("<!DOCTYPE", "<!ENTITY")
                      for encoding in ("utf-8", "utf-16-le", "utf-16-be"))


class _Problems(list):
    """The problems found so far, as ``"Lines!F14: message"``."""

    def __init__(self, sheet: str):
        super().__init__()
        self.sheet = sheet

    def add(self, cell: str, message: str) -> None:
        self.append(f"{self.sheet}!{cell}: {message}")


def _fail(name: str, problems: Sequence[str]) -> FormatError:
    shown = list(problems[:MAX_PROBLEMS_SHOWN])
    if len(problems) > len(shown):
        shown.append(f"... and {len(problems) - len(shown)} more (the exception's `problems` lists them all)")
    error = FormatError(f"{name}: the budget lines cannot be read; nothing was changed "
                        f"({len(problems)} problem{'s' if len(problems) != 1 else ''}):\n  " + "\n  ".join(shown))
    error.path = problems[0].split(": ", 1)[0]
    error.problems = list(problems)  # type: ignore[attr-defined]
    return error


def _quoted(text: str) -> str:
    """User text in a message: quoted, escaped, cut short."""
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


# -- the file --------------------------------------------------------------------------
def _unpacked(data: bytes, name: str) -> None:
    """Refuse what is not a zip of a sane size, or holds a document type declaration (an
    .xlsx never does; entities are how XML expands or reaches files)."""
    if not data.startswith(b"PK\x03\x04"):
        raise FormatError(f"{name} is not an Excel workbook (.xlsx): save it as an Excel workbook; .xls, .ods and "
                          "password-protected files are not read")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ENTRIES:
                raise FormatError(f"{name}: {len(entries)} parts; a workbook of a budget has far fewer "
                                  f"(at most {MAX_ENTRIES:,} are read)")
            declared = sum(e.file_size for e in entries)
            if declared > MAX_UNPACKED_BYTES:
                raise FormatError(f"{name} unpacks to {declared:,} bytes; a workbook of a budget is far smaller "
                                  f"(at most {MAX_UNPACKED_BYTES:,} are read)")
            for entry in entries:
                with archive.open(entry) as part:
                    tail = b""
                    while True:
                        chunk = part.read(1 << 16)
                        if not chunk:
                            break
                        if any(p in tail + chunk for p in _DECLARATIONS):
                            raise FormatError(f"{name}: {entry.filename} holds a document type declaration, "
                                              "which no workbook needs; the file is not read")
                        tail = chunk[-32:]
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError) as e:
        raise FormatError(f"{name} is not a readable Excel workbook (.xlsx): {e}") from None


def _workbook(data: bytes, name: str) -> Any:
    try:
        from openpyxl import load_workbook  # type: ignore[import]
    except ImportError as e:  # pragma: no cover - a Debian package here
        raise ImportError("reading a workbook needs openpyxl: apt-get install python3-openpyxl") from e
    _unpacked(data, name)
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    except MemoryError:
        raise
    except Exception as e:  # openpyxl's many ways of saying "not a workbook"
        raise FormatError(f"{name} is not a readable Excel workbook (.xlsx): {type(e).__name__}: {e}") from None


def _lines_sheet(workbook: Any, name: str) -> Any:
    titles = {_fold(t): t for t in spellings("sheet.lines")}
    for ws in workbook.worksheets:
        if _fold(ws.title) in titles:
            return ws
    raise FormatError(f"{name}: no sheet {label('sheet.lines')!r} (or "
                      f"{', '.join(repr(label('sheet.lines', l)) for l in LANGUAGES[1:])}); the workbook's sheets are "
                      f"{', '.join(repr(ws.title) for ws in workbook.worksheets) or 'none'}")


# -- cells -------------------------------------------------------------------------------
def _is_empty(cell: Any) -> bool:
    value = getattr(cell, "value", None)
    return value is None or (isinstance(value, str) and not value.strip())


def _text(cell: Any, problems: _Problems) -> Optional[str]:
    """A text cell's text (a number's as written); None when empty or refused."""
    if _is_empty(cell):
        return None
    value = cell.value
    if cell.data_type == "f":
        problems.add(cell.coordinate, "holds a formula; type the text itself")
    elif cell.data_type == "e":
        problems.add(cell.coordinate, f"holds the error {value}; type the text")
    elif isinstance(value, str):
        return value.strip()
    elif isinstance(value, bool) or isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
        problems.add(cell.coordinate, f"holds {value!s}, not text; type the text")
    elif isinstance(value, (int, float)):
        number = _shown(value)
        if number is not None:
            return format(number.normalize(), "f")
        problems.add(cell.coordinate, f"holds {value!r}, not text")
    else:
        problems.add(cell.coordinate, f"holds {type(value).__name__}, not text")
    return None


def _shown(value: Union[int, float]) -> Optional[Decimal]:
    """A number cell as a spreadsheet shows it: 15 significant digits (the double's binary
    noise, such as 4120.4999999999991, gone). None for infinity and NaN."""
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        return _SHOWN.plus(Decimal(repr(value)))
    return Decimal(value)


def _cents(text: str) -> Optional[str]:
    """The plain amount a text with thousands separators or a decimal comma means ("4 500,00",
    "4,500.00" → "4500.00"); None when it is no such form."""
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    european = re.fullmatch(r"(\d{1,3}(?:[ .]\d{3})+|\d+)(?:,(\d{1,2}))?", text)
    english = re.fullmatch(r"(\d{1,3}(?:[ ,]\d{3})+|\d+)(?:\.(\d{1,2}))?", text)
    match = european if european and "," in text else english or european
    if not match:
        return None
    whole = re.sub(r"[ .,]", "", match.group(1))
    return f"{int(whole)}.{(match.group(2) or '').ljust(2, '0')}"


def _amount(cell: Any, problems: _Problems, what: str = "an amount") -> Optional[Decimal]:
    """A number with at most two decimals (an amount in cents, or units); None when empty or
    refused (the problem recorded)."""
    if _is_empty(cell):
        return None
    value, where = cell.value, cell.coordinate
    if cell.data_type == "f":
        problems.add(where, "holds a formula; type the value")
        return None
    if cell.data_type == "e":
        problems.add(where, f"holds the error {value}; type {what}")
        return None
    number: Optional[Decimal] = None
    if isinstance(value, bool):
        problems.add(where, f"holds {value}, not {what}")
        return None
    if isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
        problems.add(where, f"holds a date or time ({value}), not {what}; format the cell as a number")
        return None
    if isinstance(value, (int, float)):
        number = _shown(value)
        if number is None:
            problems.add(where, f"holds {value!r}, not {what}")
            return None
    elif isinstance(value, str):
        text = value.strip()
        if not _PLAIN.fullmatch(text):
            plain = _cents(text.lstrip("+"))
            hint = f"write {plain}" if plain else "write digits with a point before the cents, e.g. 4500.00"
            problems.add(where, f"{_quoted(value)} is not {what}; {hint}")
            return None
        number = Decimal(text)
    else:
        problems.add(where, f"holds {type(value).__name__}, not {what}")
        return None
    if number.adjusted() > 14:
        problems.add(where, f"{number:f} is beyond what a budget line can hold")
        return None
    cents = in_cents(number)
    if cents is None:
        problems.add(where, f"{number.normalize():f} has more than two decimals; {what} is given to the cent")
    return cents


# -- the header --------------------------------------------------------------------------
def _header_names() -> Dict[str, str]:
    """Folded header text in any language → column id (periods apart)."""
    names: Dict[str, str] = {}
    for column in (*LINE_COLUMNS, *OPTION_COLUMNS):
        key = "column.total_eur" if column == "total" else f"column.{column}"
        for text in spellings(key):
            names[_fold(text)] = column
    return names


def _period_number(text: str) -> Optional[int]:
    for language in LANGUAGES:
        pattern = re.escape(_fold(label("column.period_n", language, n=0))).replace("0", r"(\d+)", 1)
        match = re.fullmatch(pattern, _fold(text))
        if match:
            return int(match.group(1))
    return None


def _header(row: Sequence[Any], problems: _Problems) -> Dict[str, int]:
    """Column id → position, from the header row; the problems of a header that is not the
    Lines sheet's."""
    names = _header_names()
    found: Dict[str, int] = {}
    for k, cell in enumerate(row):
        if _is_empty(cell):
            continue
        text = _text(cell, problems)
        if text is None:
            continue
        period = _period_number(text)
        column = f"period_{period}" if period else names.get(_fold(text))
        if column is None:
            problems.add(cell.coordinate, f"unknown column {_quoted(text)}; the columns of the sheet are "
                                          f"{', '.join(repr(label(_label_key(c))) for c in (*LINE_COLUMNS, 'period_1'))} "
                                          f"... (in any of {', '.join(LANGUAGES)}), and optionally "
                                          f"{label('column.unit_cost')!r} and {label('column.lump_sum')!r}")
        elif column in found:
            problems.add(cell.coordinate, f"a second {_quoted(text)} column")
        else:
            found[column] = k
    for column in _REQUIRED:
        if column not in found:
            problems.add("1:1", f"no column {label(_label_key(column))!r}; the header row needs "
                                f"{', '.join(repr(label(_label_key(c))) for c in ('partner', *_REQUIRED))}")
    if "partner" not in found and "partner_name" not in found:
        problems.add("1:1", f"no column {label('column.partner')!r} (the partner's id) or "
                            f"{label('column.partner_name')!r}; one of them names each line's partner")
    periods = sorted(int(c[7:]) for c in found if c.startswith("period_"))
    if periods != list(range(1, len(periods) + 1)):
        missing = next(k for k in range(1, len(periods) + 2) if k not in periods)
        problems.add("1:1", f"no column {label('column.period_n', n=missing)!r}; the period columns run from 1")
    return found


def _label_key(column: str) -> str:
    if column.startswith("period_"):
        return "column.period_n"
    return "column.total_eur" if column == "total" else f"column.{column}"


# -- the rows ----------------------------------------------------------------------------
@dataclass
class _Row:
    """One line of the sheet: its partner, the line built by the core and where it came from."""

    partner: str
    line: Any  # _core.BudgetLine
    cells: Dict[str, str]  # column id → coordinate


def _split_words() -> Dict[str, str]:
    return {_fold(text): split for split in ("even", "given") for text in spellings(f"split.{split}")}


class _Reader:
    def __init__(self, proposal: "Proposal", sheet: Any, only: Optional[str]):
        self.proposal = proposal
        self.programme = proposal.programme._core
        self.sheet = sheet
        self.only = only
        self.problems = _Problems(sheet.title if re.fullmatch(r"\w+", sheet.title) else f"'{sheet.title}'")
        self.partners: Dict[str, Optional[str]] = {}  # text → id (None: no such partner)
        self.splits = _split_words()

    def partner(self, text: str) -> Optional[str]:
        if text not in self.partners:
            try:
                self.partners[text] = self.proposal._core.partner(text)["id"]
            except _core.NotFoundError:
                self.partners[text] = None
        return self.partners[text]

    def rows(self) -> List[_Row]:
        out: List[_Row] = []
        columns: Optional[Dict[str, int]] = None
        for number, row in enumerate(self.sheet.iter_rows(), start=1):
            if number > MAX_ROWS:
                self.problems.add(f"A{number}", f"the sheet goes on beyond {MAX_ROWS:,} rows; a budget has fewer")
                break
            if len(row) > MAX_COLUMNS and any(not _is_empty(c) for c in row[MAX_COLUMNS:]):
                self.problems.add(f"{number}:{number}", f"a value beyond column {MAX_COLUMNS}; the sheet has no such "
                                  "column")
                break
            if columns is None:
                columns = _header(row, self.problems)
                if self.problems:
                    break
                continue
            parsed = self.row(row, columns, number)
            if parsed is not None:
                out.append(parsed)
        if columns is None and not self.problems:
            self.problems.add("A1", "the sheet is empty; its first row is the header (Partner, Category, "
                                    "Description, Units, Unit price, ...)")
        return out

    def row(self, row: Sequence[Any], columns: Dict[str, int], number: int) -> Optional[_Row]:
        def cell(column: str) -> Any:
            k = columns.get(column)
            found = row[k] if k is not None and k < len(row) else None
            return found if hasattr(found, "coordinate") else _Empty(column, columns, number)

        given = [c for c in columns if c not in _COMPUTED and not _is_empty(cell(c))]
        if not given:
            return None  # an empty row (or one of numbers and totals only)
        problems = self.problems
        before = len(problems)
        partner_cell = cell("partner") if not _is_empty(cell("partner")) else cell("partner_name")
        partner_text = _text(partner_cell, problems)
        partner = self.partner(partner_text) if partner_text else None
        if partner_text and partner is None:
            names = ", ".join(f"{p.id} ({p.name})" for p in self.proposal.partners)
            problems.add(partner_cell.coordinate, f"no partner {_quoted(partner_text)}; the proposal's partners are "
                                                  f"{names or 'none'}")
        elif not partner_text and len(problems) == before:
            problems.add(cell("partner").coordinate, "no partner; give the partner's id (PP1, ...) or its name")
        if partner is not None and self.only is not None and partner != self.only:
            del problems[before:]
            return None
        texts = {c: _text(cell(c), problems) for c in ("category", "description", "unit_type", "currency",
                                                         "unit_cost", "lump_sum", "split")}
        units = _amount(cell("units"), problems, "a number of units")
        price = _amount(cell("unit_price"), problems)
        for column, value in (("category", texts["category"]), ("units", units)):
            if value is None and _is_empty(cell(column)):
                problems.add(cell(column).coordinate, f"no {label(_label_key(column)).lower()}; every line has one")
        option = texts["unit_cost"] or texts["lump_sum"]
        if price is None and _is_empty(cell("unit_price")) and not option:
            problems.add(cell("unit_price").coordinate, "no unit price; write it in the line's currency, e.g. 4500.00")
        periods = self.periods(cell, columns, texts["split"], problems)
        if len(problems) > before or partner is None:
            return None
        cells = {c: cell(c).coordinate for c in (*LINE_COLUMNS, *OPTION_COLUMNS)}
        cells.update({f"periods/{k}": cell(f"period_{k + 1}").coordinate for k in range(len(periods or []))})
        try:
            line = _core.make_line(self.programme, texts["category"] or "", texts["description"] or "", str(units),
                                   str(price if price is not None else "0"), texts["unit_type"] or "",
                                   (texts["currency"] or "EUR").upper(), periods, texts["unit_cost"], texts["lump_sum"])
        except _core.ArgumentError as e:
            problems.add(_where(cells, e.field), _detail(e))
            return None
        return _Row(partner, line, cells)

    def periods(self, cell: Any, columns: Dict[str, int], split: Optional[str],
                problems: _Problems) -> Optional[List[Any]]:
        """The line's own amounts per period when its split is given; None to spread it evenly."""
        count = sum(1 for c in columns if c.startswith("period_"))
        filled = [k for k in range(count) if not _is_empty(cell(f"period_{k + 1}"))]
        if split is None:
            chosen = "given" if filled else "even"
        elif _fold(split) in self.splits:
            chosen = self.splits[_fold(split)]
        else:
            problems.add(cell("split").coordinate, f"{_quoted(split)} is no split; write {label('split.even')!r} "
                                                   f"(spread evenly) or {label('split.given')!r} (the period columns)")
            return None
        if chosen == "even":
            return None
        if not count:
            problems.add(cell("split").coordinate, "the split is given, but the sheet has no period columns")
            return None
        amounts = [_amount(cell(f"period_{k + 1}"), problems) for k in range(count)]
        # An empty period among given ones spends nothing then.
        return [str(a if a is not None else Decimal("0.00")) for a in amounts]


class _Empty:
    """A cell the row does not have (its column is missing or the row is short)."""

    value = None
    data_type = "n"

    def __init__(self, column: str, columns: Dict[str, int], row: int):
        from openpyxl.utils import get_column_letter  # type: ignore[import]

        k = columns.get(column)
        self.coordinate = f"{get_column_letter(k + 1)}{row}" if k is not None else f"{row}:{row}"


def _where(cells: Dict[str, str], field: str) -> str:
    """The cell a core ArgumentError's field ("units", "periods/2", "") names."""
    return cells.get(field) or cells.get(field.split("/")[0]) or cells["units"]


def _detail(e: Exception) -> str:
    message, field = str(e), getattr(e, "field", "")
    return message[len(field) + 2:] if field and message.startswith(field + ": ") else message


def import_budget(proposal: "Proposal", path: Union[str, "os.PathLike[str]"], partner: Optional[str] = None
                  ) -> Dict[str, int]:
    """Replace the lines of the partners the workbook's Lines sheet names (or only of `partner`,
    by id or name) with the sheet's; returns partner id → number of lines now. Raises
    :class:`FormatError` listing every problem (``e.problems``) and changing nothing, and
    :class:`FileError` when the file cannot be read."""
    only = proposal.partner(partner).id if partner is not None else None
    name = str(path)
    data = read_file(path, MAX_FILE_BYTES)  # FileError beyond the limit
    workbook = _workbook(data, name)
    try:
        reader = _Reader(proposal, _lines_sheet(workbook, name), only)
        reader.sheet.reset_dimensions()  # the sheet's own claim of its size is not trusted
        try:
            rows = reader.rows()
        except (KeyError, IndexError, ValueError, TypeError, InvalidOperation) as e:
            raise FormatError(f"{name}: the sheet {reader.sheet.title!r} cannot be read: {type(e).__name__}: {e}") \
                from None
    finally:
        workbook.close()
    problems = reader.problems
    budgets: Dict[str, List[_Row]] = {only: []} if only else {}
    for row in rows:
        budgets.setdefault(row.partner, []).append(row)
    if not problems:
        for partner_id, lines in budgets.items():
            for field, message in proposal._core.line_problems(partner_id, [r.line for r in lines]):
                parts = field.split("/")
                if len(parts) >= 2 and parts[1].isdigit():
                    row = lines[int(parts[1])]
                    problems.add(_where(row.cells, "/".join(parts[2:])), message)
                else:
                    where = lines[0].cells["partner"] if lines else "A1"
                    problems.add(where, f"{partner_id}: {message}")
    if problems:
        raise _fail(name, problems)
    proposal._core.replace_lines([(p, [r.line for r in lines]) for p, lines in budgets.items()])
    return {p: len(lines) for p, lines in budgets.items()}
