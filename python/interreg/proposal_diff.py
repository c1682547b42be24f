"""What changed between two versions of a proposal: :class:`ProposalDiff`, the result of
:func:`interreg.diff` and :meth:`interreg.Proposal.diff` (docs/diff.md).

The core compares the two canonical documents, their budget summaries and their validations;
this module holds the result and shows it (a frame, text, JSON-ready data, HTML)."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

from . import _core
from ._frames import frame
from .errors import ArgumentError
from .labels import column_label
from .money import format_amount, format_difference, from_cents
from .report import Finding

__all__ = ["ProposalDiff", "Change", "BudgetDifference", "FindingsDifference", "SECTIONS", "BUDGET_COLUMNS"]

SECTIONS = tuple(_core.diff_sections)
# The cost categories with their total, then the fund amount and the partners' contribution.
BUDGET_COLUMNS = tuple(_core.budget_difference_columns)
FIGURES = ("before", "after", "difference")
TOTAL_ROW = "total"


def readable(value: Any) -> Optional[str]:
    """A document value as text: a string as it is, anything else as compact JSON; None stays None."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


@dataclass(frozen=True)
class Change:
    """One change: where (a JSON Pointer in the after document, or in the before one for
    something removed), what kind (added, removed, changed), the values before and after (plain
    data, None where absent), the partner the path is inside and the section of the proposal."""

    path: str
    kind: str
    before: Any
    after: Any
    partner_id: str
    partner_name: str
    section: str

    @property
    def before_text(self) -> Optional[str]:
        """The value before as text (see :func:`readable`)."""
        return readable(self.before)

    @property
    def after_text(self) -> Optional[str]:
        return readable(self.after)

    @property
    def partner(self) -> Optional[str]:
        """"PP3 Østfold fylkeskommune", or None outside partners."""
        return f"{self.partner_id} {self.partner_name}" if self.partner_id else None

    def to_dict(self) -> Dict[str, Any]:
        partner = {"id": self.partner_id, "name": self.partner_name} if self.partner_id else None
        return {"path": self.path, "kind": self.kind, "section": self.section, "partner": partner,
                "before": self.before, "after": self.after}

    def __str__(self) -> str:
        where = f" ({self.partner})" if self.partner else ""
        values = {"added": self.after_text, "removed": self.before_text,
                  "changed": f"{self.before_text} → {self.after_text}"}[self.kind]
        return f"{self.kind:<8} {self.path}{where}: {values}"


def _figures(cents: List[int]) -> Dict[str, Decimal]:
    return dict(zip(BUDGET_COLUMNS, map(from_cents, cents)))


class BudgetDifference:
    """The two budget summaries compared per partner and cost category in EUR, exact: for each
    partner (matched as the changes match them; zero where a partner is absent) and for the
    project, the figures before, after and their difference (after − before), in the columns
    :data:`BUDGET_COLUMNS`. The project's row is the sum of the partners' rows, and each row's
    ``total`` is the sum of its categories and equals ``fund_amount + contribution``.

    When a summary cannot be computed (a currency without an exchange rate) ``available`` is
    False and ``errors`` says why; there are no rows then."""

    def __init__(self, data: Dict[str, Any]):
        self.errors: Dict[str, str] = {side: data[f"{side}_error"] for side in ("before", "after")
                                       if data[f"{side}_error"]}
        self._rows: List[Tuple[str, str, Dict[str, Dict[str, Decimal]]]] = [
            (r["id"], r["name"], {f: _figures(r[f]) for f in FIGURES}) for r in data["partners"]]
        t = data["total"]
        self._total = {f: _figures(t[f]) for f in FIGURES}

    @property
    def available(self) -> bool:
        return not self.errors

    def _check(self) -> None:
        if not self.available:
            raise ArgumentError("the budgets cannot be compared: " + self.error_text())

    def error_text(self) -> str:
        """Why the budgets cannot be compared ("" when they can)."""
        return "; ".join(f"{side}: {message}" for side, message in self.errors.items())

    @property
    def before(self) -> Decimal:
        """The project's total before (ArgumentError when not available)."""
        self._check()
        return self._total["before"]["total"]

    @property
    def after(self) -> Decimal:
        self._check()
        return self._total["after"]["total"]

    @property
    def difference(self) -> Decimal:
        """after − before of the project's total."""
        self._check()
        return self._total["difference"]["total"]

    def rows(self, figure: str = "difference") -> List[Tuple[str, str, Dict[str, Decimal]]]:
        """(partner id, name, column → amount) per partner, then ("total", "", ...) for the project
        (ArgumentError when not available)."""
        _check_figure(figure)
        self._check()
        return [(i, n, f[figure]) for i, n, f in self._rows] + [(TOTAL_ROW, "", self._total[figure])]

    def to_frame(self, figure: str = "difference"):
        """Partner × column as a DataFrame of ``Decimal`` (index: "PP1 Göteborgs universitet", ...,
        then "total" for the project); `figure` is "difference" (default), "before" or "after".
        Empty (with the columns) when the budgets cannot be compared."""
        _check_figure(figure)
        rows = self.rows(figure) if self.available else []
        index = [f"{i} {n}" if n else i for i, n, _ in rows]
        df = frame((values for _, _, values in rows), columns=BUDGET_COLUMNS)
        df.index = index
        return df

    def text(self) -> str:
        """The totals, then each partner's nonzero differences."""
        if not self.available:
            return f"Budget: cannot be compared ({self.error_text()})"
        lines = [f"Budget (EUR): total {format_amount(self.before)} → {format_amount(self.after)} "
                 f"({format_difference(self.difference)})"]
        for pid, name, values in self.rows()[:-1]:
            moved = [f"{column_label('partners', c)} {format_difference(v)}" for c, v in values.items() if v]
            if moved:
                lines.append(f"  {pid} {name}: " + ", ".join(moved))
        return "\n".join(lines)

    def to_dict(self) -> Dict[str, Any]:
        """JSON-ready: amounts as decimal strings."""
        def row(pid: str, name: str, figures: Dict[str, Dict[str, Decimal]]) -> Dict[str, Any]:
            return {"id": pid, "name": name, **{f: {c: str(v) for c, v in figures[f].items()} for f in FIGURES}}

        if not self.available:
            return {"available": False, "errors": self.errors, "columns": list(BUDGET_COLUMNS), "partners": [],
                    "total": None}
        return {"available": True, "errors": {}, "columns": list(BUDGET_COLUMNS),
                "partners": [row(*r) for r in self._rows], "total": row(TOTAL_ROW, "", self._total)}

    def __repr__(self) -> str:
        if not self.available:
            return f"<BudgetDifference not available: {self.error_text()}>"
        return f"<BudgetDifference total {format_difference(self.difference)} EUR, {len(self._rows)} partners>"


def _check_figure(figure: str) -> None:
    if figure not in FIGURES:
        raise ArgumentError(f"figure must be one of {', '.join(FIGURES)}, not {figure!r}")


class FindingsDifference:
    """The two validations compared: findings ``fixed`` (before's, gone), ``introduced`` (after's,
    new) and ``unchanged`` (after's, there before too). Two findings are the same finding when
    they have the same rule and the same place (before's path followed through the matching of
    partners, lines and work-plan items); the message may differ, as when an amount it quotes
    changed."""

    STATUSES = ("fixed", "introduced", "unchanged")

    def __init__(self, core: "_core.ProposalDiff"):
        def findings(items: List[Any]) -> List[Finding]:
            return [Finding(f.rule, f.severity, f.message, f.path, f.source, f.assumed) for f in items]

        self.fixed = findings(core.fixed)
        self.introduced = findings(core.introduced)
        self.unchanged = findings(core.unchanged)

    def counts(self) -> Dict[str, int]:
        return {s: len(getattr(self, s)) for s in self.STATUSES}

    def to_frame(self):
        """One row per finding with its ``status`` (fixed, introduced, unchanged) and the columns
        of a report's frame."""
        columns = ["status", "rule", "severity", "path", "message", "source", "assumed"]
        return frame(({"status": s, **asdict(f)} for s in self.STATUSES for f in getattr(self, s)), columns=columns)

    def to_dict(self) -> Dict[str, List[Dict[str, Any]]]:
        return {s: [asdict(f) for f in getattr(self, s)] for s in self.STATUSES}

    def summary(self) -> str:
        c = self.counts()
        return f"{c['fixed']} fixed, {c['introduced']} introduced, {c['unchanged']} unchanged"

    def __repr__(self) -> str:
        return f"<FindingsDifference {self.summary()}>"


class ProposalDiff:
    """What changed between two versions of a proposal (docs/diff.md).

    ``len(d)`` is the number of changes and ``bool(d)`` whether there is any (False: the two
    documents are identical); iterating gives the :class:`Change` objects in document order.
    ``to_frame()`` lists them; ``budget`` compares the budget summaries per partner and
    category (:class:`BudgetDifference`); ``findings`` compares the validations
    (:class:`FindingsDifference`)."""

    def __init__(self, core: "_core.ProposalDiff"):
        columns = core.changes()
        self._changes: Tuple[Change, ...] = tuple(
            Change(*values) for values in zip(columns["path"], columns["kind"], columns["before"], columns["after"],
                                              columns["partner_id"], columns["partner_name"], columns["section"]))
        self.budget = BudgetDifference(core.budget())
        self.findings = FindingsDifference(core)

    @property
    def changes(self) -> List[Change]:
        return list(self._changes)

    def counts(self) -> Dict[str, int]:
        """Number of changes per section, in the order of :data:`SECTIONS` (sections with none left out)."""
        return {s: n for s in SECTIONS if (n := sum(c.section == s for c in self._changes))}

    def to_frame(self):
        """One row per change: path, kind, before, after, partner ("PP3 Østfold fylkeskommune" or
        None), section; before and after as text (strings as they are, other values as JSON,
        None where absent)."""
        columns = ["path", "kind", "before", "after", "partner", "section"]
        return frame(({"path": c.path, "kind": c.kind, "before": c.before_text, "after": c.after_text,
                       "partner": c.partner, "section": c.section} for c in self._changes), columns=columns)

    def to_dict(self) -> Dict[str, Any]:
        """JSON-ready: identical, changes, budget and findings (the shape of ``interreg diff --format json``)."""
        return {"identical": not self._changes, "changes": [c.to_dict() for c in self._changes],
                "budget": self.budget.to_dict(), "findings": self.findings.to_dict()}

    def summary(self) -> str:
        if not self._changes:
            return "identical: no changes"
        sections = ", ".join(f"{s} {n}" for s, n in self.counts().items())
        return f"{len(self._changes)} change{'s' if len(self._changes) != 1 else ''} ({sections})"

    def text(self, shown: Callable[[str], str] = str, width: int = 200) -> str:
        """The summary, each change on a line of its own (values cut at `width` characters), the
        budget's differences and the findings fixed and introduced. `shown` turns each text
        taken from the documents into what is written (the command line escapes control
        characters with it)."""
        def cut(text: str) -> str:
            return text if len(text) <= width else text[:width - 1] + "…"

        lines = [self.summary()]
        lines += [f"  {shown(cut(str(c)))}" for c in self._changes]
        lines += [shown(line) for line in self.budget.text().split("\n")]
        lines.append(f"Findings: {self.findings.summary()}")
        for status in ("fixed", "introduced"):
            lines += [f"  {status:<10} {shown(cut(str(f)))}" for f in getattr(self.findings, status)]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text()

    def __len__(self) -> int:
        return len(self._changes)

    def __bool__(self) -> bool:
        return bool(self._changes)

    def __iter__(self) -> Iterator[Change]:
        return iter(self._changes)

    def __repr__(self) -> str:
        budget = (f"budget {format_difference(self.budget.difference)} EUR" if self.budget.available
                  else "budget not comparable")
        return f"<ProposalDiff {self.summary()}; {budget}; findings {self.findings.summary()}>"

    def _repr_html_(self) -> str:
        from .render.html_diff import diff_html

        return diff_html(self)

