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
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Union

from . import _core
from .errors import ArgumentError
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
    in the expanded list, its report, and whether it could be read (if not, the report holds
    the one ``document.*`` finding that says why)."""

    file: Optional[str]
    item: int
    report: Report
    readable: bool = True

    @property
    def findings(self) -> List[Finding]:
        return self.report.findings


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


def _workers(workers: Optional[int]) -> int:
    if workers is None:
        return os.cpu_count() or 1
    if isinstance(workers, bool) or not isinstance(workers, int):
        raise TypeError(f"workers must be an int or None, not {type(workers).__name__}")
    if workers < 1:
        raise ArgumentError(f"workers must be at least 1, not {workers}")
    return workers


def _check_files(paths: List[Path], programme: Optional[Programme], workers: int) -> List[Checked]:
    """Files go to the core in one call: its threads read and validate them without the GIL and
    turn whatever cannot be checked into a document.* finding."""
    available = [] if programme else [load_programme(pid) for pid in embedded_programmes()]
    results = _core.check_files([os.fsencode(p) for p in paths], [p._core for p in available],
                                programme._core if programme else None, workers)
    return [Checked(os.fsdecode(path), 0, Report(report), readable) for path, (report, readable) in zip(paths, results)]


def check_all(items: Iterable[Item], workers: Optional[int] = None,
              programme: Union[Programme, str, None] = None) -> List[Checked]:
    """Check every item (see :func:`validate_many`) and return one :class:`Checked` per
    proposal, in the order of the expanded items."""
    count = _workers(workers)
    prog = load_programme(programme) if isinstance(programme, (str, os.PathLike)) else programme
    expanded = expand(items)
    files = [i for i, item in enumerate(expanded) if isinstance(item, Path)]
    checked: Dict[int, Checked] = {}
    if files:
        for i, c in zip(files, _check_files([expanded[i] for i in files], prog, count)):  # type: ignore[misc]
            checked[i] = replace(c, item=i)
    in_memory = [i for i in range(len(expanded)) if i not in checked]
    # A proposal in memory is validated as it is, against its own programme; the validation
    # releases the GIL, so a pool of threads shares the work.
    def validate(i: int) -> Checked:
        return Checked(None, i, expanded[i].validate())  # type: ignore[union-attr]
    if count == 1 or len(in_memory) < 2:
        checked.update((i, validate(i)) for i in in_memory)
    else:
        from concurrent.futures import ThreadPoolExecutor  # here: keeps `import interreg` fast

        with ThreadPoolExecutor(max_workers=count, thread_name_prefix="interreg-validate") as pool:
            checked.update((c.item, c) for c in pool.map(validate, in_memory))
    return [checked[i] for i in range(len(expanded))]


def validate_many(items: Iterable[Item], workers: Optional[int] = None,
                  programme: Union[Programme, str, None] = None):
    """Validate many proposals at once and return their findings as one pandas DataFrame.

    `items` are paths of proposal documents, folders (every ``*.json`` under them) or
    :class:`~interreg.Proposal` objects. `workers` threads share the work (default: one per
    core). `programme` (a :class:`~interreg.Programme` or the id or path of one) checks every
    file against that programme instead of the one each names; a proposal in memory is always
    checked against its own.

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
        counts = c.report.counts()
        files.append({"file": c.file, "item": c.item, "readable": c.readable, "ok": c.report.ok,
                      "errors": counts["ERROR"], "warnings": counts["WARNING"], "infos": counts["INFO"]})
    findings.attrs["files"] = frame(files, columns=FILE_COLUMNS)
    return findings
