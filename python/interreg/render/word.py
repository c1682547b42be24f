"""An :mod:`interreg.render.outline` as a Word document (.docx), written with python-docx (Debian
python3-docx), which is imported only when a document is written.

Headings use Word's built-in heading styles (so the navigation pane and a table of contents
find them), tables the "Table Grid" style with the header row repeated on every page, amounts
right-aligned, and placeholders in grey italics.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, List, Sequence, Union

from .._files import write_atomically
from .outline import Block, Bullets, Heading, Paragraph, Table

__all__ = ["write"]

_GREY = (0x76, 0x76, 0x76)


def _docx() -> Any:
    try:
        import docx  # type: ignore[import]
    except ImportError as e:
        raise ImportError("the .docx export needs python-docx: apt-get install python3-docx") from e
    return docx


def _repeat_header(row: Any) -> None:
    """Mark a table row as a header row, repeated at the top of every page."""
    from docx.oxml import OxmlElement  # type: ignore[import]
    from docx.oxml.ns import qn  # type: ignore[import]

    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _fill_row(row: Any, values: Sequence[str], numeric: set, *, bold: bool, size: Any) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # type: ignore[import]

    for k, (cell, value) in enumerate(zip(row.cells, values)):
        paragraph = cell.paragraphs[0]
        run = paragraph.add_run(value)
        run.bold = bold
        run.font.size = size
        if k in numeric:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


# The text width of an A4 page with 2 cm margins; the width of a character of the tables'
# 8-9 pt text and a cell's padding, to size the columns of amounts and marks.
_TEXT_WIDTH_CM, _CHAR_CM, _PAD_CM = 17.0, 0.21, 0.45


def _column_widths(t: Table) -> List[float]:
    """Widths in cm that fill the text width. Columns of amounts and of short cells (marks,
    periods) get what their longest value needs, so amounts never break (their header may
    wrap between words). Each other column gets at least its longest word, and the rest of
    the page is shared by how much more its longest text (capped) would need."""
    body = [*t.rows, *([t.total] if t.total is not None else [])]
    numeric = set(t.numeric)

    def cm(chars: int) -> float:
        return chars * _CHAR_CM + _PAD_CM

    least: List[float] = []
    wish: List[float] = []
    for k, head in enumerate(t.header):
        values = [str(row[k]) for row in body]
        longest = max((len(v) for v in values), default=0)
        word = max((len(w) for v in [str(head), *values] for w in v.split()), default=0)
        if k in numeric or max(longest, len(str(head))) <= 3:
            least.append(cm(max(longest, min(word, 12))))
            wish.append(least[-1])
        else:
            least.append(cm(min(word, 16)))
            wish.append(max(least[-1], cm(min(max(longest, len(str(head))), 60))))
    spare = _TEXT_WIDTH_CM - sum(least)
    if spare <= 0:
        return [w * _TEXT_WIDTH_CM / sum(least) for w in least]
    extra = [w - m for w, m in zip(wish, least)]
    if sum(extra) <= spare:  # everything fits on one line: share what is left by the wishes
        return [w * _TEXT_WIDTH_CM / sum(wish) for w in wish]
    return [m + spare * e / sum(extra) for m, e in zip(least, extra)]


def _table(document: Any, t: Table) -> None:
    from docx.shared import Cm, Pt  # type: ignore[import]

    if t.caption:
        caption = document.add_paragraph()
        run = caption.add_run(t.caption)
        run.italic = True
        run.font.size = Pt(9)
    numeric = set(t.numeric)
    rows = [*t.rows, *([t.total] if t.total is not None else [])]
    table = document.add_table(rows=1 + len(rows), cols=len(t.header))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, _column_widths(t)):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)
    size = Pt(8) if len(t.header) > 6 else Pt(9)
    _fill_row(table.rows[0], t.header, numeric, bold=True, size=size)
    _repeat_header(table.rows[0])
    for k, values in enumerate(rows, start=1):
        _fill_row(table.rows[k], values, numeric, bold=t.total is not None and k == len(rows), size=size)
    document.add_paragraph()


def _paragraph(document: Any, p: Paragraph) -> None:
    from docx.shared import RGBColor  # type: ignore[import]

    paragraph = document.add_paragraph()
    if p.label:
        paragraph.add_run(f"{p.label}: ").bold = True
    run = paragraph.add_run(p.text)
    if p.placeholder:
        run.italic = True
        run.font.color.rgb = RGBColor(*_GREY)


def build(blocks: Sequence[Block], *, title: str = "") -> Any:
    """The blocks as a python-docx Document (A4, 2 cm margins)."""
    docx = _docx()
    from docx.shared import Cm  # type: ignore[import]

    document = docx.Document()
    document.core_properties.title = title
    for section in document.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.0)
        section.top_margin = section.bottom_margin = Cm(2.0)
    for b in blocks:
        if isinstance(b, Heading):
            document.add_heading(b.text, level=b.level - 1)  # level 0 is Word's "Title"
        elif isinstance(b, Paragraph):
            _paragraph(document, b)
        elif isinstance(b, Bullets):
            for item in b.items:
                document.add_paragraph(item, style="List Bullet")
        elif isinstance(b, Table):
            _table(document, b)
        else:  # pragma: no cover - every Block is handled above
            raise TypeError(f"not an outline block: {b!r}")
    return document


def write(blocks: Sequence[Block], path: Union[str, "os.PathLike[str]"], *, title: str = "") -> Path:
    """Write the blocks as a .docx file, replacing `path` atomically. Returns the path."""
    document = build(blocks, title=title)  # before touching the disk
    return write_atomically(path, document.save)
