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
- Ctrl-C (``KeyboardInterrupt``, or any signal handler that raises) stops a batch of files
  between two files; the workers finish the file each has begun.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Optional, Tuple, Union

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
        if type(item) is str or isinstance(item, Proposal):
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
    results = _core.check_files(*_batch_args(paths, programme), workers)
    out: List[List[Tuple[str, Report, bool]]] = [[] for _ in paths]
    for file, position, report, readable in results:
        out[position].append((os.fsdecode(file), Report(report), readable))
    return out


def _validate_in_memory(proposals: List[Proposal], count: int) -> List[Report]:
    """A proposal in memory is validated as it is, against its own programme; the validation
    releases the GIL, so a pool of threads shares the work."""
    if count == 1 or len(proposals) < 2:
        return [p.validate() for p in proposals]
    from concurrent.futures import ThreadPoolExecutor  # here: keeps `import interreg` fast

    with ThreadPoolExecutor(max_workers=count, thread_name_prefix="interreg-validate") as pool:
        return list(pool.map(Proposal.validate, proposals))


def check_all(items: Iterable[Item], workers: Optional[int] = None,
              programme: Union[Programme, str, None] = None) -> List[Checked]:
    """Check every item (see :func:`validate_many`) and return one :class:`Checked` per
    proposal, in order: a folder's files in sorted order where the folder stands."""
    count = worker_count(workers)
    prog = load_programme(programme) if isinstance(programme, (str, os.PathLike)) else programme
    given = _items(items)
    paths = [item for item in given if isinstance(item, str)]
    from_files = iter(_check_files(paths, prog, count) if paths else [])
    reports = _validate_in_memory([item for item in given if isinstance(item, Proposal)], count)
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
    count = worker_count(workers)
    prog = load_programme(programme) if isinstance(programme, (str, os.PathLike)) else programme
    given = _items(items)
    paths = [item for item in given if isinstance(item, str)]
    proposals = [item for item in given if not isinstance(item, str)]
    # Files come back as two tables the core fills: no Report object per file, none per finding.
    files, findings = _core.check_files_table(*_batch_args(paths, prog), count) if paths else ({"input": []}, {})
    file_item, proposal_item = _item_numbers(given, files["input"])
    parts = []
    if paths:
        parts.append(_files_part(files, findings, file_item))
    if proposals:
        parts.append(_proposals_part(_validate_in_memory(proposals, count), proposal_item))
    files_columns, finding_columns = _in_item_order(parts)
    result = _frame(finding_columns, FINDING_COLUMNS)
    if files_columns:
        files_columns["ok"] = files_columns["errors"] == 0
    result.attrs["files"] = _frame(files_columns, FILE_COLUMNS)
    return result


def _item_numbers(given: List[Union[str, Proposal]], inputs: Any) -> tuple:
    """Each file's item and each proposal's: numbered in the order given, a folder's files where
    the folder stands (`inputs`: each file's position among the paths, ascending)."""
    import numpy as np  # type: ignore[import]

    is_path = np.fromiter((isinstance(g, str) for g in given), dtype=bool, count=len(given))
    path_at = np.flatnonzero(is_path)  # each path's position among the items given
    rows_of_path = np.searchsorted(inputs, np.arange(len(path_at) + 1))
    rows = np.ones(len(given), dtype=np.int64)  # a proposal is one item, a path as many as its files
    rows[path_at] = np.diff(rows_of_path)
    first = np.cumsum(rows) - rows
    inputs = np.asarray(inputs, dtype=np.int64)
    file_item = first[path_at[inputs]] + np.arange(len(inputs)) - rows_of_path[inputs]
    return file_item, first[np.flatnonzero(~is_path)]


def _batch_args(paths: List[str], programme: Optional[Programme]) -> tuple:
    """check_files' arguments: the paths, the programmes available (every embedded one, unless
    one programme checks every file) and that one programme."""
    available = [] if programme else [load_programme(pid) for pid in embedded_programmes()]
    return paths, [p._core for p in available], programme._core if programme else None


def _files_part(files: Dict[str, Any], findings: Dict[str, Any], file_item: Any) -> tuple:
    """The core's tables of the files: one row per file, one per finding (its file's row in report)."""
    import numpy as np  # type: ignore[import]

    names = np.array(files["file"], dtype=object)
    at = findings.pop("report")
    return ({"file": names, "item": file_item, "readable": files["readable"], "errors": files["errors"],
             "warnings": files["warnings"], "infos": files["infos"]},
            {"file": names[at], "item": file_item[at], **findings})


def _proposals_part(reports: List[Report], proposal_item: Any) -> tuple:
    """The same tables for proposals in memory (no file), from their reports' columns."""
    import numpy as np  # type: ignore[import]

    cores = [r._core for r in reports]
    findings = _core.findings_table(cores)
    at = findings.pop("report")
    return ({"file": np.full(len(reports), None, dtype=object), "item": proposal_item,
             "readable": np.ones(len(reports), dtype=bool), **_core.report_counts(cores)},
            {"file": np.full(len(at), None, dtype=object), "item": proposal_item[at], **findings})


def _in_item_order(parts: List[tuple]) -> Tuple[Dict[str, Any], Dict[str, Any]]:
    """The files' and the findings' columns of every part, ordered by item (a stable sort keeps
    each item's findings in rule order)."""
    if len(parts) < 2:
        return parts[0] if parts else ({}, {})
    import numpy as np  # type: ignore[import]

    tables = []
    for index in (0, 1):
        columns = {name: np.concatenate([part[index][name] for part in parts]) for name in parts[0][index]}
        order = np.argsort(columns["item"], kind="stable")
        tables.append({name: column[order] for name, column in columns.items()})
    return tables[0], tables[1]


def _frame(columns: Dict[str, Any], names: List[str]):
    """A DataFrame of `columns`; without rows, the frame of no rows with those columns, as ever.
    The columns are new arrays of this batch alone: taken as they are (pandas would otherwise
    copy the object columns into one block, most of the time a large frame takes)."""
    if not len(columns.get("item", ())):
        return frame([], columns=names)
    import pandas as pd  # type: ignore[import]

    return pd.DataFrame({name: columns[name] for name in names}, copy=False)  # in order: no reindexing
