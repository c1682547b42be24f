"""An :mod:`interreg.render.outline` as Markdown (CommonMark with pipe tables).

The proposal's texts are escaped, so a text that happens to hold ``*``, ``|`` or a leading
``#`` shows as written instead of turning into formatting.
"""
from __future__ import annotations

import re
from typing import List, Sequence

from .outline import Block, Bullets, Heading, Paragraph, Table

__all__ = ["render"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
# What makes a line a heading, a list item or a heading underline ("<" and ">" are escaped anyway).
_LINE_START = re.compile(r"^([ \t]*)([#+-](?=\s|$)|[=-]+[ \t]*$|\d+[.)](?=\s|$))", re.M)


def _inline(text: str) -> str:
    """Text with Markdown's inline markers backslash-escaped (enough inside a table cell)."""
    return _SPECIAL.sub(r"\\\1", text)


def escape(text: str) -> str:
    """Text with Markdown's inline markers and line-start markers backslash-escaped."""
    def line_start(m: "re.Match[str]") -> str:
        marker = m.group(2)
        if marker[0].isdigit():  # "1." → "1\."
            return m.group(1) + marker[:-1] + "\\" + marker[-1]
        return m.group(1) + "\\" + marker

    return _LINE_START.sub(line_start, _inline(text))


def _cell(text: str) -> str:
    return _inline(" ".join(text.split()))


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
    return f"**{escape(p.label)}:** {text}" if p.label else text


def render(blocks: Sequence[Block]) -> str:
    """The blocks as one Markdown document, ending with a newline."""
    parts: List[str] = []
    for b in blocks:
        if isinstance(b, Heading):
            parts.append("#" * b.level + " " + escape(b.text))
        elif isinstance(b, Paragraph):
            parts.append(_paragraph(b))
        elif isinstance(b, Bullets):
            parts.append("\n".join("- " + escape(" ".join(item.split())) for item in b.items))
        elif isinstance(b, Table):
            parts.append(_table(b))
        else:  # pragma: no cover - every Block is handled above
            raise TypeError(f"not an outline block: {b!r}")
    return "\n\n".join(parts) + "\n"
