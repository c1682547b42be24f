"""An :mod:`interreg.render.outline` as Markdown (CommonMark with pipe tables).

The proposal's texts are escaped, so a text that happens to hold ``*``, ``|``, a leading
``#``, a fence (```` ``` ```` or ``~~~``), ``<div>``, ``>``, a list marker, a thematic break,
a setext underline or an indented line shows as written instead of turning into formatting,
and cannot open a block that swallows the rest of the document.
"""
from __future__ import annotations

import re
from typing import List, Sequence

from .outline import Block, Bullets, Heading, Paragraph, Table

__all__ = ["render"]

# Inline markers, and the characters that open fences ("`", "~"), HTML blocks ("<"), block
# quotes (">"), "*" lists and "*"/"_" thematic breaks wherever a line starts.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
# What else opens a block at a line's start: a heading, a "-"/"+" list item, a thematic break
# or setext underline of "-" or "=", an ordered list item.
_LINE_START = re.compile(r"^(#|[-+](?=[ \t]|$)|[-=](?=[-= \t]*$)|\d+[.)](?=[ \t]|$))", re.M)
# Indentation: four spaces or a tab would open a code block; a paragraph shows without it anyway.
_INDENT = re.compile(r"^[ \t]+", re.M)


def _inline(text: str) -> str:
    """Text with Markdown's inline markers backslash-escaped (enough inside a table cell)."""
    return _SPECIAL.sub(r"\\\1", text)


def _one_line(text: str) -> str:
    """A heading, label, list item or cell is one line: its whitespace runs become one space."""
    return " ".join(text.split())


def escape(text: str) -> str:
    """Text with Markdown's inline markers escaped and, on every line, its indentation removed
    and the marker that would open a block backslash-escaped."""
    def line_start(m: "re.Match[str]") -> str:
        marker = m.group(1)
        if marker[0].isdigit():  # "1." → "1\."
            return marker[:-1] + "\\" + marker[-1]
        return "\\" + marker

    return _LINE_START.sub(line_start, _INDENT.sub("", _inline(text)))


def _cell(text: str) -> str:
    return _inline(_one_line(text))


def _row(cells: Sequence[str], bold: bool = False) -> str:
    shown = [f"**{_cell(c)}**" if bold and c.strip() else _cell(c) for c in cells]
    return "| " + " | ".join(shown) + " |"


def _table(t: Table) -> str:
    numeric = set(t.numeric)
    lines = [escape(t.caption), ""] if t.caption else []
    lines.append(_row(t.header))
    lines.append("|" + "|".join("---:" if k in numeric else "---" for k in range(len(t.header))) + "|")
    lines += [_row(r) for r in t.rows]
    if t.total is not None:
        lines.append(_row(t.total, bold=True))
    return "\n".join(lines)


def _paragraph(p: Paragraph) -> str:
    text = escape(p.text)
    if p.placeholder:
        text = f"*{text}*"
    return f"**{escape(_one_line(p.label))}:** {text}" if p.label else text


def render(blocks: Sequence[Block]) -> str:
    """The blocks as one Markdown document, ending with a newline."""
    parts: List[str] = []
    for b in blocks:
        if isinstance(b, Heading):
            parts.append("#" * b.level + " " + escape(_one_line(b.text)))
        elif isinstance(b, Paragraph):
            parts.append(_paragraph(b))
        elif isinstance(b, Bullets):
            parts.append("\n".join("- " + escape(_one_line(item)) for item in b.items))
        elif isinstance(b, Table):
            parts.append(_table(b))
        else:  # pragma: no cover - every Block is handled above
            raise TypeError(f"not an outline block: {b!r}")
    return "\n\n".join(parts) + "\n"
