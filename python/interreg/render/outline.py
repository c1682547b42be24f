"""A document outline: headings, paragraphs, lists and tables of plain text, in order.

The narrative draft (:mod:`interreg.render.draft`) is built once as an outline; the Markdown
and Word writers (:mod:`interreg.render.markdown`, :mod:`interreg.render.word`) render the same
outline, so both files hold the same content.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Union

__all__ = ["Heading", "Paragraph", "Bullets", "Table", "Block"]


@dataclass(frozen=True)
class Heading:
    """A section heading; level 1 is the document's title."""

    text: str
    level: int


@dataclass(frozen=True)
class Paragraph:
    """Text, optionally led by a bold `label` ("Swedish"). A `placeholder` paragraph stands
    for a part not yet written and is shown in italics."""

    text: str
    label: Optional[str] = None
    placeholder: bool = False


@dataclass(frozen=True)
class Bullets:
    """A bulleted list of items of text."""

    items: Sequence[str]


@dataclass(frozen=True)
class Table:
    """A table of text cells. `numeric` marks the columns shown right-aligned (amounts,
    targets); `total` is a last row shown in bold; `caption` a line above the table."""

    header: Sequence[str]
    rows: List[Sequence[str]]
    numeric: Sequence[int] = field(default_factory=tuple)
    total: Optional[Sequence[str]] = None
    caption: Optional[str] = None


Block = Union[Heading, Paragraph, Bullets, Table]
