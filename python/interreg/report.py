"""Validation reports."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

from . import _core
from ._frames import frame

__all__ = ["Finding", "Report"]

SEVERITIES = ("ERROR", "WARNING", "INFO")


@dataclass(frozen=True)
class Finding:
    """One finding: which rule, how bad, what to do, where in the proposal, on what source."""

    rule: str
    severity: str
    message: str
    path: str
    source: str
    assumed: bool

    def __str__(self) -> str:
        return f"{self.severity} {self.rule} {self.path or '/'}: {self.message}"


class Report:
    """The findings of one validation, in the programme's rule order. ``ok`` is True when
    there is no ERROR (warnings and infos do not block)."""

    def __init__(self, core: _core.Report):
        self._core: Optional[_core.Report] = core
        self._built: Optional[Tuple[Finding, ...]] = None
        self._counts = {s: core.count(s) for s in SEVERITIES}

    def __getstate__(self) -> Dict[str, Any]:
        return {"findings": self._findings, "counts": self._counts}  # the core's report does not pickle

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self._core, self._built, self._counts = None, state["findings"], state["counts"]

    @property
    def _findings(self) -> Tuple[Finding, ...]:
        """The findings as Python objects, made on first use: a batch's DataFrame is built from
        the core's columns and never needs them."""
        if self._built is None:
            assert self._core is not None  # only an unpickled report has no core, and it has its findings
            self._built = tuple(Finding(f.rule, f.severity, f.message, f.path, f.source, f.assumed)
                                for f in self._core.findings)
        return self._built

    @property
    def findings(self) -> List[Finding]:
        return list(self._findings)

    @property
    def ok(self) -> bool:
        return self._counts["ERROR"] == 0

    @property
    def errors(self) -> List[Finding]:
        return [f for f in self._findings if f.severity == "ERROR"]

    @property
    def warnings(self) -> List[Finding]:
        return [f for f in self._findings if f.severity == "WARNING"]

    @property
    def infos(self) -> List[Finding]:
        return [f for f in self._findings if f.severity == "INFO"]

    def by_rule(self, rule: str) -> List[Finding]:
        """The findings of one rule id."""
        return [f for f in self._findings if f.rule == rule]

    def counts(self) -> Dict[str, int]:
        """Number of findings per severity."""
        return dict(self._counts)

    def to_frame(self):
        """The findings as a pandas DataFrame (columns rule, severity, path, message, source, assumed)."""
        columns = ["rule", "severity", "path", "message", "source", "assumed"]
        return frame((asdict(f) for f in self._findings), columns=columns)

    def to_dict(self) -> Dict[str, Any]:
        """A JSON-ready summary: ok, counts and the findings."""
        return {"ok": self.ok, "counts": self.counts(), "findings": [asdict(f) for f in self._findings]}

    def __len__(self) -> int:
        return len(self._findings)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self._findings)

    def __bool__(self) -> bool:
        return True  # a report is a report even when empty; use .ok

    def summary(self) -> str:
        c = self.counts()
        verdict = "OK" if self.ok else "NOT OK"
        return f"{verdict}: {c['ERROR']} error(s), {c['WARNING']} warning(s), {c['INFO']} info"

    def text(self, shown: Callable[[str], str] = str) -> str:
        """The summary, then each finding and its source on lines of their own. `shown` turns
        each finding's text into what is written (the command line escapes control characters
        with it, so a message quoting the proposal stays on its line)."""
        lines = [self.summary()]
        for f in self._findings:
            lines.append(f"  {shown(str(f))}")
            lines.append(f"      source: {shown(f.source)}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return f"<Report {self.summary()}>"

    def _repr_html_(self) -> str:
        from .render.html import report_html

        return report_html(self)
