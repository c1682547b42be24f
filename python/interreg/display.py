"""Rich HTML for notebooks: every _repr_html_ of the package is written here, and tested
against golden files (tests/golden/)."""
from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Iterable, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from .programme import Programme
    from .proposal import Proposal
    from .report import Report

_STYLE = {
    "ERROR": "background:#fde2e1;color:#8a1c1c",
    "WARNING": "background:#fff3cd;color:#7a5b00",
    "INFO": "background:#e2eefd;color:#1c4a8a",
}


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    head = "".join(f"<th style='text-align:left'>{escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td style='text-align:left'>{escape('' if c is None else str(c))}</td>" for c in row) + "</tr>"
        for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _badge(severity: str, text: str) -> str:
    return f"<span style='{_STYLE[severity]};padding:1px 6px;border-radius:3px'>{escape(text)}</span>"


def programme_html(p: "Programme") -> str:
    objectives = _table(["code", "priority", "title"],
                        [(o.code, o.priority, o.title["en"]) for o in p.specific_objectives])
    calls = _table(["call", "kind", "opens", "closes", "open objectives"],
                   [(c.id, c.kind, c.opens, c.closes or "continuous", ", ".join(c.open_objectives)) for c in p.calls])
    in_area = sum(p.in_area(r) for r in p.regions)
    return (f"<div><strong>{escape(p.name)}</strong> <code>{escape(p.id)}</code><br>"
            f"{len(p.countries)} countries · {in_area} of {len(p.regions)} known regions in the area · "
            f"{len(p.priorities)} priorities · {len(p.rules)} rules"
            f"<h4>Specific objectives</h4>{objectives}<h4>Calls</h4>{calls}</div>")


def proposal_html(p: "Proposal") -> str:
    title = p.title.get("en") or next(iter(p.title.values()), "")  # English first, else any
    meta = _table(["field", "value"], [
        ("programme", p.programme.id), ("call", p.call), ("kind", p.kind),
        ("specific objective", p.specific_objective), ("geography", p.geography),
        ("start", p.start), ("duration (months)", p.duration_months)])
    partners = _table(["id", "name", "country", "region", "type", "role"],
                      [(d["id"], d["name"], d["country"], d["region"], d["org_type"],
                        d["role"] + (" · Norwegian project owner" if d["norwegian_project_owner"] else ""))
                       for d in p.to_dict()["partners"]])
    return (f"<div><strong>{escape(p.acronym or '(no acronym)')}</strong> {escape(title or '')}"
            f"{meta}<h4>Partners</h4>{partners}</div>")


def report_html(r: "Report") -> str:
    counts = r.counts()
    head = _badge("INFO" if r.ok else "ERROR", "OK" if r.ok else "NOT OK") + " " + " ".join(
        _badge(s, f"{n} {s.lower()}{'s' if n != 1 and s != 'INFO' else ''}") for s, n in counts.items() if n)
    rows = "".join(
        f"<tr><td>{_badge(f.severity, f.severity)}</td><td><code>{escape(f.rule)}</code></td>"
        f"<td><code>{escape(f.path or '/')}</code></td><td style='text-align:left'>{escape(f.message)}</td>"
        f"<td style='text-align:left'>{escape(f.source)}{' (assumed)' if f.assumed else ''}</td></tr>"
        for f in r.findings)
    table = ("<table><thead><tr><th>severity</th><th>rule</th><th>path</th><th>message</th><th>source</th>"
             f"</tr></thead><tbody>{rows}</tbody></table>") if rows else "<p>No findings.</p>"
    return f"<div>{head}{table}</div>"
