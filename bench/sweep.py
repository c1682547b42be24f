"""Benchmark: interreg.sweep against the plain-Python way on the same variants.

    .venv/bin/python bench/sweep.py            # 4 partners x 25 lines (100 lines), 10,000 variants
    .venv/bin/python bench/sweep.py --quick    # 2,000 variants

One run generates the proposal (the data of bench/budget_summary.py), saves it, and times, from
the saved file and a dict of choices to the DataFrame a user reads:

  library        interreg.sweep(path, vary): the file read, every combination read, summarised
                 and validated in the core, the frame built — with 1 worker and with every core;
                 and the core's part alone (_core.sweep_product on the loaded proposal)
  plain Python   json.load, then per variant: copy the document, change it, Proposal.from_dict,
                 validate(), budget_summary(), the figures into a row; the rows into a DataFrame
                 (on the first --plain variants: it is two orders of magnitude slower)

and checks that both give the same figures on the variants both computed.
"""
from __future__ import annotations

import argparse
import copy
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, List

import pandas as pd

from budget_summary import build_proposal, generate, machine, table

try:
    import interreg
except ImportError:  # run from a checkout without the package installed
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "python"))
    import interreg
from interreg import _core

from interreg.money import from_cents


def choices(count: int) -> Dict[str, List[Any]]:
    """About `count` combinations: the Danish partner's rate, the Norwegian partner's rate, the
    lead partner's office flat rate."""
    office = [None, "7%", "10%", "15%"]
    no_rates = [f"{r / 2:g}%" for r in range(60, 101, 2)]  # 30% .. 50%: 21 values
    dk = max(1, count // (len(office) * len(no_rates)))
    return {"/partners/1/cofinancing/rate": [f"{20 + r * 40 / dk:.2f}%" for r in range(dk)],
            "/partners/2/cofinancing/rate": no_rates,
            "/partners/0/budget/flat_rates/office_on_staff": office}


def plain_python(path: Path, vary: Dict[str, List[Any]], limit: int) -> pd.DataFrame:
    """The sweep without the library's sweep: copy, change, read, validate, summarise."""
    import itertools

    doc = json.loads(path.read_text(encoding="utf-8"))
    rows = []
    for combo in itertools.islice(itertools.product(*vary.values()), limit):
        variant = copy.deepcopy(doc)
        for pointer, value in zip(vary, combo):
            *parents, last = pointer.split("/")[1:]
            at = variant
            for token in parents:
                at = at[int(token)] if isinstance(at, list) else at[token]
            at[last] = value
        row: Dict[str, Any] = dict(zip(vary, combo))
        try:
            p = interreg.Proposal.from_dict(variant)
        except interreg.FormatError as e:
            rows.append({**row, "error": str(e)})
            continue
        report = p.validate()
        s = p.budget_summary().to_dict()
        row.update(total=from_cents(s["costs"]["total"]), contribution=from_cents(s["contribution"]),
                   errors=len(report.errors), warnings=len(report.warnings), ok=report.ok)
        for fund, cents in s["fund_totals"].items():
            row[f"fund:{fund}"] = from_cents(cents)
        rows.append(row)
    return pd.DataFrame(rows)


def best_of(fn, repeat: int):
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="2,000 variants, 1 timed run")
    ap.add_argument("--variants", type=int, help="about this many combinations (default 10,000, quick 2,000)")
    ap.add_argument("--plain", type=int, default=300, help="variants the plain-Python way computes (default 300)")
    ap.add_argument("--repeat", type=int, help="timed runs, the best kept (default 3, quick 1)")
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args(argv)
    repeat = args.repeat or (1 if args.quick else 3)
    vary = choices(args.variants or (2000 if args.quick else 10000))
    count = 1
    for values in vary.values():
        count *= len(values)
    cores = os.cpu_count() or 1

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "base.json"
        build_proposal(*generate(4, 25, args.seed)).save(path)
        print(f"# sweep benchmark: 4 partners x 25 lines, {path.stat().st_size / 1e3:.0f} kB; {count:,} variants "
              f"({' x '.join(str(len(v)) for v in vary.values())}); best of {repeat}\n")
        interreg.sweep(path, vary, workers=1)  # warm-up
        one, frame = best_of(lambda: interreg.sweep(path, vary, workers=1), repeat)
        every, frame_all = best_of(lambda: interreg.sweep(path, vary, workers=cores), repeat)
        pd.testing.assert_frame_equal(frame, frame_all)
        loaded = interreg.Proposal.load(path)
        axes = [(p, v) for p, v in vary.items()]
        core, _ = best_of(lambda: _core.sweep_product(loaded._core, axes, 1), repeat)
        plain, plain_frame = best_of(lambda: plain_python(path, vary, args.plain), 1)

    n_plain = len(plain_frame)
    for column in ["total", "contribution", "errors", "warnings", "ok", "fund:erdf", "fund:no-interreg"]:
        assert list(plain_frame[column]) == list(frame[column][:n_plain]), column
    rows = [
        [f"library, 1 worker ({count:,} variants)", f"{one * 1e3:.0f}", f"{one / count * 1e6:.1f}", f"{count / one:,.0f}"],
        ["  of which the core alone, 1 worker", f"{core * 1e3:.0f}", f"{core / count * 1e6:.1f}",
         f"{count / core:,.0f}"],
        [f"library, {cores} workers", f"{every * 1e3:.0f}", f"{every / count * 1e6:.1f}", f"{count / every:,.0f}"],
        [f"plain Python ({n_plain} variants)", f"{plain * 1e3:.0f}", f"{plain / n_plain * 1e6:.0f}",
         f"{n_plain / plain:,.0f}"],
    ]
    print(table(["method", "time (ms)", "per variant (µs)", "variants/s"], rows, "lrrr"))
    print(f"\nlibrary 1 worker vs plain Python: {plain / n_plain / (one / count):.0f}x per variant; "
          f"same figures on the {n_plain} variants both computed; "
          f"{int(frame['ok'].sum()):,} variants without ERROR, {int(frame['error'].notna().sum())} refused")
    print("\n## Machine\n")
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(table(["", ""], machine() + [("load average (1, 5, 15 min)", load)], "ll"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
