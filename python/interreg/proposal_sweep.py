"""What-if sweeps: the machinery of :func:`interreg.sweep` (docs/sweep.md).

Variants of one proposal, each a few changes to its document named by JSON Pointer, are read,
summarised and validated by the core on every worker thread, from one parsed base; the answer
is one DataFrame row per variant."""
from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Tuple, Union

from . import _core
from ._frames import MONEY, _pandas
from ._threads import worker_count
from .errors import ArgumentError
from .money import float_from_cents, from_cents

if TYPE_CHECKING:
    from .proposal import Proposal

__all__ = ["run", "value_at"]

Vary = Union[Mapping, Sequence[Mapping]]


def _plain(value: Any) -> Any:
    """A value as the document holds it: Decimal amounts and rates as their text."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _pointer(pointer: Any) -> str:
    if not isinstance(pointer, str):
        raise TypeError(f"a change is named by a JSON Pointer string, not {type(pointer).__name__}")
    try:
        pointer.encode("utf-8")
    except UnicodeEncodeError:
        raise ArgumentError(f"{pointer!r}: a JSON Pointer is text; this one holds a lone surrogate") from None
    return pointer


def _axes(vary: Mapping) -> List[Tuple[str, List[Any]]]:
    axes = []
    for pointer, values in vary.items():
        if isinstance(values, (str, bytes, Mapping)) or not isinstance(values, Sequence):
            raise ArgumentError(f"{_pointer(pointer)}: give a list of values to try, not {type(values).__name__} "
                                f"(a single value: [{values!r}])")
        axes.append((_pointer(pointer), [_plain(v) for v in values]))
    if not axes:
        raise ArgumentError("vary names no pointer: give {pointer: [values]}")
    return axes


def _variants(variants: Sequence[Mapping]) -> List[List[Tuple[str, Any]]]:
    out = []
    for i, variant in enumerate(variants):
        if not isinstance(variant, Mapping):
            raise TypeError(f"variant {i} must be a dict of pointer → value, not {type(variant).__name__}")
        out.append([(_pointer(p), _plain(v)) for p, v in variant.items()])
    return out


def value_at(document: Any, pointer: str) -> Any:
    """The base document's value at `pointer`, or None where it has none."""
    at = document
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(at, dict) and token in at:
            at = at[token]
        elif isinstance(at, list) and token.isdigit() and int(token) < len(at):
            at = at[int(token)]
        else:
            return None
    return at


def _varied_columns(proposal: "Proposal", vary: Vary, count: int) -> Dict[str, List[Any]]:
    """A column per pointer with the value each variant gives it, or the base's where a listed
    variant leaves it alone."""
    if isinstance(vary, Mapping):
        sizes = [len(v) for v in vary.values()]
        columns, repeat = {}, count
        for (pointer, values), size in zip(vary.items(), sizes):
            repeat //= size
            cycle = [v for v in values for _ in range(repeat)]
            columns[pointer] = cycle * (count // len(cycle))
        return columns
    base = proposal.to_dict()
    pointers = list(dict.fromkeys(p for variant in vary for p in variant))
    return {p: [variant[p] if p in variant else value_at(base, p) for variant in vary] for p in pointers}


def run(base: "Proposal", vary: Vary, workers: Optional[int], money: str):
    """The sweep of :func:`interreg.sweep` for a proposal object."""
    if money not in MONEY:
        raise ArgumentError(f"money must be one of {', '.join(MONEY)}, not {money!r}")
    threads = worker_count(workers)
    if isinstance(vary, Mapping):
        columns = _core.sweep_product(base._core, _axes(vary), threads)
    elif isinstance(vary, Sequence) and not isinstance(vary, (str, bytes)):
        columns = _core.sweep_variants(base._core, _variants(vary), threads)
    else:
        raise TypeError(f"vary must be a dict of pointer → values or a list of variants, not {type(vary).__name__}")
    return _frame(_varied_columns(base, vary, len(columns["error"])), columns, money)


def _frame(varied: Dict[str, List[Any]], columns: Dict[str, Any], money: str):
    pd = _pandas()
    count = len(columns["error"])

    def amounts(cents: List[Optional[int]]):
        if money == "float":
            return pd.Series([None if c is None else float_from_cents(c) for c in cents], dtype="float64")
        return pd.Series([None if c is None else from_cents(c) for c in cents], dtype=object)

    def counts(values: List[int]):
        return pd.Series([None if v < 0 else v for v in values], dtype="Int64")

    data: Dict[str, Any] = {p: pd.Series(v, dtype=object) for p, v in varied.items()}
    data["error"] = pd.Series([e or None for e in columns["error"]], dtype=object)
    data["budget_error"] = pd.Series([e or None for e in columns["budget_error"]], dtype=object)
    for name, cents in columns["money"].items():
        data[name] = amounts(cents)
    data["errors"] = counts(columns["errors"])
    data["warnings"] = counts(columns["warnings"])
    data["ok"] = pd.Series([e == 0 for e in columns["errors"]], dtype=bool)
    return pd.DataFrame(data, index=pd.RangeIndex(count, name="variant"))
