"""The pieces every notebook display is built of: tables, badges, amounts and links, each
escaping what it is given (names and texts come from files and may hold markup)."""
from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import Iterable, Optional, Sequence

from ..money import format_amount

__all__ = ["table", "badge", "amount_table", "source_link", "NUM"]

_STYLE = {
    "ERROR": "background:#fde2e1;color:#8a1c1c",
    "WARNING": "background:#fff3cd;color:#7a5b00",
    "INFO": "background:#e2eefd;color:#1c4a8a",
}
# Amounts are right-aligned in tabular figures.
NUM = "text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums"


def _cell(value: object) -> str:
    return escape("" if value is None else str(value))


def table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    head = "".join(f"<th style='text-align:left'>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td style='text-align:left'>{_cell(c)}</td>" for c in row) + "</tr>"
                   for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def badge(severity: str, text: str) -> str:
    """`text` on the colour of a severity (ERROR, WARNING, INFO)."""
    return f"<span style='{_STYLE[severity]};padding:1px 6px;border-radius:3px'>{escape(text)}</span>"


def amount_table(header: Sequence[str], numeric_from: int, rows: Iterable[Sequence[object]],
                 total: Optional[Sequence[object]] = None) -> str:
    """A table whose columns from `numeric_from` on are amounts (right-aligned, "240,600.00"
    as the core computed them); `total` is a bold last row."""
    def cells(row: Sequence[object]) -> str:
        out = []
        for k, c in enumerate(row):
            if k >= numeric_from:
                text = escape(format_amount(c)) if isinstance(c, Decimal) else _cell(c)
                out.append(f"<td style='{NUM}'>{text}</td>")
            else:
                out.append(f"<td style='text-align:left'>{_cell(c)}</td>")
        return "".join(out)

    head = "".join(f"<th style='{NUM if k >= numeric_from else 'text-align:left'}'>{escape(h)}</th>"
                   for k, h in enumerate(header))
    body = "".join(f"<tr>{cells(row)}</tr>" for row in rows)
    foot = f"<tfoot><tr style='font-weight:bold;border-top:1px solid'>{cells(total)}</tr></tfoot>" if total else ""
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody>{foot}</table>"


_SEPARATOR = " — "


def source_link(source: str) -> str:
    """A source as the core cites it ("Title — https://…") with its address as a link that
    opens in a new tab; a source without an http(s) address stays text."""
    title, _, url = source.rpartition(_SEPARATOR)
    if not title or not url.startswith(("https://", "http://")) or any(c.isspace() for c in url):
        return escape(source)
    return f"<a href=\"{escape(url, quote=True)}\" target=\"_blank\" rel=\"noopener noreferrer\">{escape(title)}</a>"
