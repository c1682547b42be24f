"""Checking many proposals at once, on every core.

:func:`validate_many` reads and validates proposal files (or proposals already in memory) on
several threads. Files go to the C++ core in one call, whose threads read and validate them
with the GIL released and without Python per file; only turning the findings into Python
objects takes the GIL. Proposals in memory are validated in a pool of Python threads (the
validation itself also runs without the GIL).

Choices:

- A folder stands for every ``*.json`` file under it (recursively, sorted), walked by the core;
  symlinked folders are not followed, so a link loop cannot trap the walk. The temporary
  files of an interrupted save (``.NAME.json.tmp-XXXXXX``) do not end in ``.json`` and are
  never picked up.
- A file that cannot be checked does not stop the batch: it becomes one ERROR row with the
  rule ``document.file`` (it cannot be read: missing, a folder, no permission),
  ``document.format`` (it is not a valid proposal document; ``path`` is the JSON Pointer of
  the value at fault), ``document.programme`` (it names a programme that is not available)
  or ``document.unreadable`` (a folder entry the walk cannot read).
- Files without findings have no rows; ``frame.attrs["files"]`` lists every item checked,
  with its counts, so that they stay visible.
- A :class:`~interreg.Proposal` given directly is validated as it is; do not change it from
  another thread while the batch runs.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Iterable, List, Optional, Tuple, Union

from . import _core
from ._resources import embedded_programmes
from .programme import Programme, load_programme
from .proposal import Proposal
from .report import Finding, Report
from ._frames import frame
from ._threads import worker_count

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


def _items(items: Iterable[Item]) -> List[Union[str, Proposal]]:
    """The items as given, each checked to be a path or a proposal."""
    if isinstance(items, (str, os.PathLike, Proposal)):
        raise TypeError("items must be a list of paths or proposals; wrap a single one in a list")
    out: List[Union[str, Proposal]] = []
    for item in items:
        if isinstance(item, Proposal):
            out.append(item)
        elif isinstance(item, (str, os.PathLike)):
            out.append(os.fspath(item))
        else:
            raise TypeError(f"each item must be a path (str or os.PathLike) or an interreg.Proposal, "
                            f"not {type(item).__name__}")
    return out


def _check_files(paths: List[str], programme: Optional[Programme], workers: int) -> List[List[Tuple[str, Report, bool]]]:
    """Files and folders go to the core in one call: it walks the folders, and its threads read
    and validate the files without the GIL, turning whatever cannot be checked into a
    document.* finding. One list of (file, report, readable) per path."""
    available = [] if programme else [load_programme(pid) for pid in embedded_programmes()]
    results = _core.check_files([os.fsencode(p) for p in paths], [p._core for p in available],
                                programme._core if programme else None, workers)
    out: List[List[Tuple[str, Report, bool]]] = [[] for _ in paths]
    for file, position, report, readable in results:
        out[position].append((os.fsdecode(file), Report(report), readable))
    return out


def _findings_frame(checked: List[Checked]):
    """One row per finding, from the columns the core fills for every report at once (no Python
    object per finding); file and item are taken by each finding's report."""
    table = _core.findings_table([c.report._core for c in checked])
    at = table.pop("report")
    if not len(at):
        return frame([], columns=FINDING_COLUMNS)  # no rows: the columns of an empty frame, as ever
    import numpy as np  # type: ignore[import]
    import pandas as pd  # type: ignore[import]

    files = np.array([c.file for c in checked], dtype=object)
    items = np.array([c.item for c in checked], dtype=np.int64)
    return pd.DataFrame({"file": files[at], "item": items[at], **table}, columns=FINDING_COLUMNS)


def check_all(items: Iterable[Item], workers: Optional[int] = None,
              programme: Union[Programme, str, None] = None) -> List[Checked]:
    """Check every item (see :func:`validate_many`) and return one :class:`Checked` per
    proposal, in order: a folder's files in sorted order where the folder stands."""
    count = worker_count(workers)
    prog = load_programme(programme) if isinstance(programme, (str, os.PathLike)) else programme
    given = _items(items)
    paths = [item for item in given if isinstance(item, str)]
    from_files = iter(_check_files(paths, prog, count) if paths else [])
    # A proposal in memory is validated as it is, against its own programme; the validation
    # releases the GIL, so a pool of threads shares the work.
    in_memory = [item for item in given if isinstance(item, Proposal)]
    if count == 1 or len(in_memory) < 2:
        reports = [p.validate() for p in in_memory]
    else:
        from concurrent.futures import ThreadPoolExecutor  # here: keeps `import interreg` fast

        with ThreadPoolExecutor(max_workers=count, thread_name_prefix="interreg-validate") as pool:
            reports = list(pool.map(Proposal.validate, in_memory))
    validated = iter(reports)
    checked: List[Checked] = []
    for item in given:
        for file, report, readable in next(from_files) if isinstance(item, str) else [(None, next(validated), True)]:
            checked.append(Checked(file, len(checked), report, readable))
    return checked


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
    findings = _findings_frame(checked)
    findings.attrs["files"] = _files_frame(checked)
    return findings


def _files_frame(checked: List[Checked]):
    """One row per item, its counts taken from the core as columns."""
    if not checked:
        return frame([], columns=FILE_COLUMNS)
    import pandas as pd  # type: ignore[import]

    counts = _core.report_counts([c.report._core for c in checked])
    return pd.DataFrame({"file": [c.file for c in checked], "item": [c.item for c in checked],
                         "readable": [c.readable for c in checked], "ok": counts["errors"] == 0,
                         "errors": counts["errors"], "warnings": counts["warnings"], "infos": counts["infos"]},
                        columns=FILE_COLUMNS)
