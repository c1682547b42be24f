"""Benchmark: the user's whole path, from the file or DataFrame they have to the answer, the
library against the usual alternative, every pair in the same run (issue 16).

    .venv/bin/python bench/user_path.py            # the issue's sizes: a few minutes
    .venv/bin/python bench/user_path.py --quick    # small sizes, to try the script: ~30 s

Rows (each: the library, the alternative, the ratio):

  history      a DataFrame of the synthetic history (30,000 projects, seed 1) -> the first
               partner suggestion answered (from_frame + suggest_partners, which reads the rows it
               needs from the history: no graph is built for it), against networkx building its
               weighted graph from the same DataFrame; the graphs' build time is shown beside
  csv          CooperationHistory.from_csv of the same table saved as CSV (MB/s); and the history
               row again with the DataFrame pandas.read_csv makes of that file
  drafts       2,000 small proposal files (drafts without work plan or budget, ~20 findings
               each) -> the findings DataFrame with 2 workers, against a jsonschema
               structure-only script (bench/throughput.py's); and the same on
               bench/throughput.py's complete files
  budget.add   one call with 300 and 1,000 lines in the partner's budget, against appending a
               plain-Python record with Decimal amounts
  summary      budget_summary() of 50 partners x 300 lines, against the exact pandas computation
               of bench/budget_summary.py (integer cents)
  import       `import interreg` in a fresh interpreter

Memory: the history's added resident memory beyond the input DataFrame (peak RSS increase of
from_frame + the first suggestion) against networkx's (peak RSS increase of its graph build),
from_csv's against pandas.read_csv's on the same file, and the peak RSS increase of the batch. Times are the best of --repeat runs (a shared machine
only ever adds time) unless said otherwise.
"""
from __future__ import annotations

import argparse
import ctypes
import gc
import os
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from itertools import combinations
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the other benchmarks' generators

import interreg  # noqa: E402
import networkx as nx  # noqa: E402
import pandas as pd  # noqa: E402

import budget_summary as bs  # noqa: E402
import throughput as tp  # noqa: E402
from partners import machine, proposal_for  # noqa: E402

MB = 1024 * 1024
_LIBC = ctypes.CDLL(None)


def _status_kb(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def best(fn: Callable[[], Any], repeat: int) -> Tuple[Any, float]:
    """(last result, best seconds of `repeat` runs)."""
    secs, result = float("inf"), None
    for _ in range(repeat):
        result = None
        gc.collect()
        start = time.perf_counter()
        result = fn()
        secs = min(secs, time.perf_counter() - start)
    return result, secs


def rss_peak(fn: Callable[[], Any]) -> Tuple[Any, float]:
    """(result, peak resident-set increase in bytes) of one call; free memory is returned to the
    system first, and the peak (VmHWM) reset to the current RSS."""
    gc.collect()
    _LIBC.malloc_trim(0)
    with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
        f.write("5")
    before = _status_kb("VmRSS")
    result = fn()
    return result, max(0, _status_kb("VmHWM") - before) * 1024


# -- the history ----------------------------------------------------------------------------
def networkx_from_frame(df: pd.DataFrame) -> nx.Graph:
    """A weighted co-participation graph from a participations DataFrame, the usual way: one node
    per (country, organisation), an edge per pair of a project's members."""
    g = nx.Graph()
    nodes = df["country"] + ":" + df["organisation"]
    g.add_nodes_from(nodes.unique())
    for members in nodes.groupby([df["programme"], df["project"]], sort=False):
        for a, b in combinations(sorted(set(members[1])), 2):
            if g.has_edge(a, b):
                g[a][b]["weight"] += 1
            else:
                g.add_edge(a, b, weight=1)
    return g


def history_rows(args, rows: List[List[str]], notes: List[str]) -> None:
    synthetic = interreg.CooperationHistory.synthetic(seed=1, projects=args.projects)
    df = synthetic.to_frame()
    orgs = synthetic.organisations()
    programme = interreg.load_programme()
    rng = random.Random(1)
    members = rng.sample(range(len(orgs)), 6)
    proposal = proposal_for(programme, orgs, members)
    del synthetic

    def library():
        h = interreg.CooperationHistory.from_frame(df)
        return h, h.suggest_partners(proposal, n=10)

    (h, first), lib_mem = rss_peak(library)
    steps = {}
    _, steps["from_frame"] = best(lambda: interreg.CooperationHistory.from_frame(df), args.repeat)
    _, steps["suggestion"] = best(lambda: h.suggest_partners(proposal, n=10), args.repeat)  # graph not built
    _, steps["graphs"] = best(lambda: interreg._core.CooperationNetwork(h._core), args.repeat)
    _, lib_s = best(library, args.repeat)
    edges = h.edge_count
    assert len(first) == 10
    h = first = None  # freed before networkx is measured
    g, nx_mem = rss_peak(lambda: networkx_from_frame(df))
    assert g.number_of_edges() == edges, (g.number_of_edges(), edges)
    del g
    _, nx_s = best(lambda: networkx_from_frame(df), max(1, args.repeat // 3))
    rows.append([f"DataFrame of {len(df):,} participations ({args.projects:,} projects) -> first suggestion",
                 f"{lib_s:.3f} s (from_frame {steps['from_frame']:.3f}, suggestion {steps['suggestion']:.3f}; "
                 f"the graphs, when a question needs them, {steps['graphs']:.3f})", f"networkx DataFrame -> graph {nx_s:.2f} s",
                 f"{nx_s / lib_s:.1f}x"])
    rows.append(["  memory added beyond the DataFrame (peak RSS increase)", f"{lib_mem / MB:.0f} MB",
                 f"networkx {nx_mem / MB:.0f} MB", f"{nx_mem / max(lib_mem, 1):.1f}x less"])

    with tempfile.TemporaryDirectory(prefix="interreg-user-path-") as tmp:
        path = Path(tmp) / "participations.csv"
        df.to_csv(path, index=False)
        size = path.stat().st_size
        h2, csv_s = best(lambda: interreg.CooperationHistory.from_csv(path), args.repeat)
        read, pandas_s = best(lambda: pd.read_csv(path, dtype=str, keep_default_na=False), args.repeat)
        _, csv_mem = rss_peak(lambda: interreg.CooperationHistory.from_csv(path))
        _, pandas_mem = rss_peak(lambda: pd.read_csv(path, dtype=str, keep_default_na=False))
    assert h2.participation_count == len(df)
    rows.append([f"the same as a {size / 1e6:.1f} MB CSV -> history", f"from_csv {csv_s * 1e3:.0f} ms "
                 f"({size / 1e6 / csv_s:.0f} MB/s)", f"(for scale: pandas.read_csv, parsing only, {pandas_s * 1e3:.0f} ms)",
                 "—"])
    rows.append(["  memory added while reading it (peak RSS increase)", f"{csv_mem / MB:.0f} MB",
                 f"pandas.read_csv {pandas_mem / MB:.0f} MB", f"{pandas_mem / max(csv_mem, 1):.1f}x less"])
    # The frame as pandas.read_csv gives it (each column's str objects made together, a repeated
    # value often one object) rather than built row by row as to_frame() does.
    _, read_lib_s = best(lambda: interreg.CooperationHistory.from_frame(read).suggest_partners(proposal, n=10), args.repeat)
    _, read_nx_s = best(lambda: networkx_from_frame(read), max(1, args.repeat // 3))
    rows.append(["  the same, the DataFrame as pandas.read_csv gives it", f"{read_lib_s:.3f} s",
                 f"networkx {read_nx_s:.2f} s", f"{read_nx_s / read_lib_s:.1f}x"])
    notes.append(f"history: {len(df):,} participations, {len(orgs):,} organisations, {edges:,} edges")


# -- the batch ------------------------------------------------------------------------------
def draft(rng: random.Random, index: int) -> Dict[str, Any]:
    """A draft as people start one: partners named but not yet described, without budget, no
    work plan or summary (about 20 findings)."""
    doc = tp.proposal(rng, index)
    del doc["work_plan"]
    doc.pop("summary", None)
    for p in doc["partners"]:
        for unknown_yet in ("budget", "cofinancing", "region", "org_type", "legal_status"):
            p.pop(unknown_yet, None)
    return doc


def batch_rows(args, rows: List[List[str]], notes: List[str]) -> None:
    for label, make in (("drafts (no work plan or budget)", draft), ("complete files of throughput.py", tp.proposal)):
        with tempfile.TemporaryDirectory(prefix="interreg-user-path-") as tmp:
            paths = tp.write_proposals(Path(tmp), args.proposals, 2026, make)
            interreg.validate_many(paths[:20], workers=2)  # the programme loaded once
            frame, mem = rss_peak(lambda: interreg.validate_many(paths, workers=2))
            # Rounds of both, so that a slower spell of the machine falls on both alike.
            rounds = [(best(lambda: interreg.validate_many(paths, workers=2), args.repeat)[1],
                       best(lambda: tp.jsonschema_check(paths), 1)[1]) for _ in range(args.repeat)]
            lib_s, schema_s = min(r[0] for r in rounds), min(r[1] for r in rounds)
        per = len(frame) / args.proposals
        rows.append([f"{args.proposals:,} {label}, {per:.0f} findings each -> findings DataFrame, 2 workers",
                     f"{lib_s:.3f} s", f"jsonschema structure only {schema_s:.2f} s", f"{schema_s / lib_s:.1f}x"])
        rows.append(["  peak memory of the batch (RSS increase)", f"{mem / MB:.0f} MB", "", ""])
        notes.append(f"{label}: {len(frame):,} findings")


# -- the budget -----------------------------------------------------------------------------
def add_rows(args, rows: List[List[str]], notes: List[str]) -> None:
    """A call of budget.add against appending a plain record: 1,000 calls onto a budget that
    already holds `lines`, best of max(15, --repeat) runs, each on a fresh budget or list."""
    calls, repeat = 1000, max(15, args.repeat)
    for lines in (300, 1000):
        def budget():
            p = interreg.Proposal(acronym="ADD", specific_objective="RSO4.1", call="2025:1", start="2026-01-01",
                                  duration_months=36)
            b = p.add_partner("Partner", country="SE", region="Halland", role="lead").budget
            for j in range(lines):
                b.add("staff", f"line {j}", units="10", unit_price="12.50")
            return b

        def record() -> List[Dict[str, Any]]:
            return [{"category": "staff", "description": f"line {j}", "units": Decimal("10"),
                     "unit_price": Decimal("12.50")} for j in range(lines)]

        def add_calls(b) -> float:
            start = time.perf_counter()
            for j in range(calls):
                b.add("travel", f"trip {j}", units="2", unit_price="310.40")
            return (time.perf_counter() - start) / calls

        def append_calls(r) -> float:
            start = time.perf_counter()
            for j in range(calls):
                units, price = Decimal("2"), Decimal("310.40")
                r.append({"category": "travel", "description": f"trip {j}", "units": units, "unit_price": price,
                          "currency": "EUR", "total": (units * price).quantize(Decimal("0.01"))})
            return (time.perf_counter() - start) / calls

        # Alternated, so that a slower spell of the machine falls on both alike.
        runs = [(add_calls(budget()), append_calls(record())) for _ in range(repeat)]
        lib, plain = min(r[0] for r in runs), min(r[1] for r in runs)
        rows.append([f"budget.add with {lines:,} lines in the partner's budget", f"{lib * 1e6:.1f} us a call",
                     f"plain-Python record with Decimal {plain * 1e6:.2f} us", f"{lib / plain:.1f}x slower"])


def summary_rows(args, rows: List[List[str]], notes: List[str]) -> None:
    plist, llist = bs.generate(args.partners, args.lines, 2026)
    proposal = bs.build_proposal(plist, llist)
    lines, partners = bs.build_frames(plist, llist)
    lib = bs.library_arrays(proposal.budget_summary())
    exact = bs.pandas_int(lines, partners)
    for name, pick in bs.COMPARED:
        assert (pick(exact) == pick(lib)).all(), name
    repeat = max(9, args.repeat)
    _, lib_s = best(proposal.budget_summary, repeat)
    _, core_s = best(lambda: interreg._core.summarise_budget(proposal.programme._core, proposal._core), repeat)
    _, pandas_s = best(lambda: bs.pandas_int(lines, partners), repeat)
    rows.append([f"budget_summary() of {args.partners} partners x {args.lines} lines",
                 f"{lib_s * 1e3:.1f} ms (core {core_s * 1e3:.1f})", f"exact pandas {pandas_s * 1e3:.1f} ms",
                 f"{pandas_s / lib_s:.1f}x"])


def import_rows(args, rows: List[List[str]], notes: List[str]) -> None:
    wall, _ = tp.import_times(7)
    rows.append(["import interreg (fresh interpreter, median of 7)", f"{statistics.median(wall) * 1e3:.0f} ms",
                 "target < 150 ms", ""])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--projects", type=int, default=30000)
    ap.add_argument("--proposals", type=int, default=2000)
    ap.add_argument("--partners", type=int, default=50)
    ap.add_argument("--lines", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="3,000 projects, 200 proposals, 10 partners x 60 lines")
    ap.add_argument("--only", choices=["history", "batch", "add", "summary", "import"], action="append")
    args = ap.parse_args()
    if args.quick:
        args.projects, args.proposals, args.partners, args.lines, args.repeat = 3000, 200, 10, 60, 1
    rows: List[List[str]] = []
    notes: List[str] = []
    steps = {"history": history_rows, "batch": batch_rows, "add": add_rows, "summary": summary_rows,
             "import": import_rows}
    for name, step in steps.items():
        if not args.only or name in args.only:
            step(args, rows, notes)
    print("| user's path | library | the alternative | ratio |\n| --- | --- | --- | ---: |")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    print()
    for n in notes:
        print(f"- {n}")
    print("\n| machine | |\n| --- | --- |")
    for k, v in machine() + [("interreg from", os.path.dirname(interreg.__file__))]:
        print(f"| {k} | {v} |")


if __name__ == "__main__":
    main()
