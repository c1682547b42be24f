"""Checking many proposals at once, on every core.

:func:`validate_many` reads and validates proposal files (or proposals already in memory) on
several threads. Files go to the C++ core in one call, whose threads read and validate them
with the GIL released and without Python per file; only turning the findings into Python
objects takes the GIL. Proposals in memory are validated in a pool of Python threads (the
validation itself also runs without the GIL).

Choices:

- A folder stands for every ``*.json`` file under it (recursively, sorted). The temporary
  files of an interrupted save (``.NAME.json.tmp-XXXXXX``) do not end in ``.json`` and are
  never picked up.
- A file that cannot be checked does not stop the batch: it becomes one ERROR row with the
  rule ``document.file`` (it cannot be read: missing, a folder, no permission),
  ``document.format`` (it is not a valid proposal document; ``path`` is the JSON Pointer of
  the value at fault) or ``document.programme`` (it names a programme that is not available).
- Files without findings have no rows; ``frame.attrs["files"]`` lists every item checked,
  with its counts, so that they stay visible.
- A :class:`~interreg.Proposal` given directly is validated as it is; do not change it from
  another thread while the batch runs.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Union

from . import _core
from .errors import ArgumentError, Error, FileError, FormatError
from ._resources import embedded_programmes
from .programme import Programme, load_programme
from .proposal import Proposal
from .report import Finding, Report
from ._frames import frame

__all__ = ["validate_many"]

Item = Union[str, "os.PathLike[str]", Proposal]

FINDING_COLUMNS = ["file", "item", "rule", "severity", "path", "message", "source", "assumed"]
FILE_COLUMNS = ["file", "item", "readable", "ok", "errors", "warnings", "infos"]


@dataclass(frozen=True)
class Checked:
    """The outcome for one item: its file (None for a proposal given in memory), its position
    in the expanded list, and either the report or the reason it could not be checked."""

    file: Optional[str]
    item: int
    report: Optional[Report]
    error: Optional[Finding]

    @property
    def findings(self) -> List[Finding]:
        return [self.error] if self.error else self.report.findings  # type: ignore[union-attr]


def expand(items: Iterable[Item]) -> List[Union[Path, Proposal]]:
    """Each item as it will be checked: a folder becomes its ``*.json`` files (sorted)."""
    if isinstance(items, (str, os.PathLike, Proposal)):
        raise TypeError("items must be a list of paths or proposals; wrap a single one in a list")
    out: List[Union[Path, Proposal]] = []
    for item in items:
        if isinstance(item, Proposal):
            out.append(item)
        elif isinstance(item, (str, os.PathLike)):
            path = Path(item)
            out.extend(sorted(path.rglob("*.json")) if path.is_dir() else [path])
        else:
            raise TypeError(f"each item must be a path (str or os.PathLike) or an interreg.Proposal, "
                            f"not {type(item).__name__}")
    return out


def _unreadable(error: Error) -> Finding:
    """A document that cannot be checked, as a finding of its own."""
    if isinstance(error, FileError):
        rule, path = "document.file", ""
    elif isinstance(error, FormatError):
        rule, path = "document.format", error.path
    else:  # the programme it names is unknown or malformed
        rule, path = "document.programme", getattr(error, "path", "")
    return Finding(rule, "ERROR", str(error), path, "", False)


class _Checker:
    """Checks one item at a time; shared by the threads of a batch. The programmes that documents
    name are looked up once per id (a dict read and write are atomic under the GIL)."""

    def __init__(self, programme: Optional[Programme]):
        self._programme = programme
        self._programmes: Dict[str, Programme] = {}

    def __call__(self, index: int, item: Union[Path, Proposal]) -> Checked:
        if isinstance(item, Proposal):
            return Checked(None, index, item.validate(), None)
        try:
            document = _core.Document.read(os.fspath(item))  # reads with the GIL released
            proposal = Proposal._wrap(document, self._programme or self._programmes.get(document.programme))
            self._programmes.setdefault(proposal.programme.id, proposal.programme)
            report = proposal.validate()
        except Error as e:
            return Checked(str(item), index, None, _unreadable(e))
        return Checked(str(item), index, report, None)


def _workers(workers: Optional[int]) -> int:
    if workers is None:
        return os.cpu_count() or 1
    if isinstance(workers, bool) or not isinstance(workers, int):
        raise TypeError(f"workers must be an int or None, not {type(workers).__name__}")
    if workers < 1:
        raise ArgumentError(f"workers must be at least 1, not {workers}")
    return workers


def check_all(items: Iterable[Item], workers: Optional[int] = None,
              programme: Union[Programme, str, None] = None) -> List[Checked]:
    """Check every item (see :func:`validate_many`) and return one :class:`Checked` per
    proposal, in the order of the expanded items."""
    count = _workers(workers)
    prog = load_programme(programme) if isinstance(programme, (str, os.PathLike)) else programme
    expanded = expand(items)
    checked: List[Optional[Checked]] = [None] * len(expanded)
    # Files are read and validated in the core on `count` threads, without the GIL and without
    # Python per file; what it leaves ("elsewhere": a programme it was not given) goes through _Checker.
    files = [i for i, item in enumerate(expanded) if isinstance(item, Path)]
    if files:
        known = [prog] if prog else [load_programme(pid) for pid in embedded_programmes()]
        results = _core.check_files([os.fspath(expanded[i]) for i in files], [p._core for p in known], count)
        for i, (outcome, report, message, path, _) in zip(files, results):
            if outcome == "validated":
                checked[i] = Checked(str(expanded[i]), i, Report(report), None)
            elif outcome in ("unreadable", "malformed"):
                rule = "document.file" if outcome == "unreadable" else "document.format"
                checked[i] = Checked(str(expanded[i]), i, None, Finding(rule, "ERROR", message, path, "", False))
    rest = [i for i, c in enumerate(checked) if c is None]
    check = _Checker(prog)
    if count == 1 or len(rest) < 2:
        for i in rest:
            checked[i] = check(i, expanded[i])
    else:
        from concurrent.futures import ThreadPoolExecutor  # here: keeps `import interreg` fast

        with ThreadPoolExecutor(max_workers=count, thread_name_prefix="interreg-validate") as pool:
            for c in pool.map(check, rest, [expanded[i] for i in rest]):
                checked[c.item] = c
    return checked  # type: ignore[return-value]


def validate_many(items: Iterable[Item], workers: Optional[int] = None,
                  programme: Union[Programme, str, None] = None):
    """Validate many proposals at once and return their findings as one pandas DataFrame.

    `items` are paths of proposal documents, folders (every ``*.json`` under them) or
    :class:`~interreg.Proposal` objects. `workers` threads share the work (default: one per
    core). `programme` checks every file against that programme instead of the one each
    names.

    One row per finding, in item order and then rule order, with the columns ``file`` (None
    for a proposal given in memory), ``item`` (position among the expanded items), ``rule``,
    ``severity``, ``path``, ``message``, ``source`` and ``assumed``. A file that cannot be
    read is an ERROR row of rule ``document.file``, ``document.format`` or
    ``document.programme`` instead of an exception. ``frame.attrs["files"]`` is a DataFrame
    with one row per item: ``file``, ``item``, ``readable``, ``ok``, ``errors``,
    ``warnings``, ``infos``.
    """
    checked = check_all(items, workers, programme)
    rows = [(c.file, c.item, f.rule, f.severity, f.path, f.message, f.source, f.assumed)
            for c in checked for f in c.findings]
    findings = frame(rows, columns=FINDING_COLUMNS)
    files = []
    for c in checked:
        counts = c.report.counts() if c.report else {"ERROR": 1, "WARNING": 0, "INFO": 0}
        files.append({"file": c.file, "item": c.item, "readable": c.report is not None,
                      "ok": c.report is not None and c.report.ok, "errors": counts["ERROR"],
                      "warnings": counts["WARNING"], "infos": counts["INFO"]})
    findings.attrs["files"] = frame(files, columns=FILE_COLUMNS)
    return findings
