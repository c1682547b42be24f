"""Benchmark: interreg.diff of two saved versions against a plain-Python diff of the same files.

    .venv/bin/python bench/diff.py            # 50 partners x 300 lines, versions ~35 places apart
    .venv/bin/python bench/diff.py --quick    # 10 partners x 60 lines

One run generates a large proposal (the data of bench/budget_summary.py), saves it, edits a
copy in a few dozen places (lines changed, inserted and removed in the middle, descriptions
edited, co-financing rates, a partner renamed, a partner renumbered, a partner leaving, the NOK
rate, the title) and saves that too. Then it times, from the two files on disk to a DataFrame:

  library        interreg.diff(a, b).to_frame(): both files read by the core, the documents
                 compared with the matching rules, both validated and budgets summarised
  core steps     the same in parts: reading both files (Proposal.load), _core.diff, the frame
  plain Python   json.load of both files and a recursive dict diff (lists by position), rows
                 into a DataFrame: what a script without the library would do

and reports how many rows each finds: by position, a line inserted in the middle or a partner
leaving turns every later record into a change.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

import pandas as pd

from budget_summary import build_proposal, generate, machine, table

try:
    import interreg
    from interreg import _core
except ImportError:  # run from a checkout without the package installed
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "python"))
    import interreg
    from interreg import _core


# -- the two versions --------------------------------------------------------------------------
def edit(doc: Dict[str, Any], seed: int) -> List[str]:
    """Change the document in place in a few dozen places; what was changed, one entry each."""
    rng = random.Random(seed)
    partners = doc["partners"]
    done: List[str] = []

    def some_partner() -> Dict[str, Any]:
        return partners[rng.randrange(1, len(partners) - 2)]  # never the lead, nor the last two

    for _ in range(10):
        p = some_partner()
        line = rng.choice(p["budget"]["lines"])
        line["units"] = str(int(float(line["units"])) + 1)
        done.append(f"{p['id']}: units of '{line['description']}'")
    for _ in range(6):
        p = some_partner()
        lines = p["budget"]["lines"]
        at = len(lines) // 2
        lines.insert(at, {**lines[at], "description": f"inserted line {len(done)}"})
        done.append(f"{p['id']}: line inserted at {at}")
    for _ in range(4):
        p = some_partner()
        removed = p["budget"]["lines"].pop(len(p["budget"]["lines"]) // 3)
        done.append(f"{p['id']}: line '{removed['description']}' removed")
    for _ in range(3):
        p = some_partner()
        line = rng.choice(p["budget"]["lines"])
        line["description"] += " (revised)"
        done.append(f"{p['id']}: description of '{line['description']}' edited")
    for p in rng.sample(partners[1:-2], 3):
        p["cofinancing"]["rate"] = "45%"
        done.append(f"{p['id']}: co-financing rate 45%")
    renamed = some_partner()
    renamed["name"] += " (new name)"
    done.append(f"{renamed['id']}: renamed")
    partners[-1]["id"] = "PP99"  # renumbered: found again by its name
    done.append("last partner renumbered PP99")
    gone = partners.pop(len(partners) // 2)
    done.append(f"{gone['id']} left the project")
    doc["exchange_rates"]["NOK"]["rate"] = "11.8"
    done.append("NOK rate")
    doc["title"] = {"en": "A new title"}
    done.append("title")
    return done


def timed(fn: Callable[[], Any], repeat: int) -> Tuple[float, float, float, float]:
    """Medians of wall-clock and of CPU time (this process, every thread) in ms, and the
    fastest and slowest wall-clock run."""
    wall, cpu = [], []
    for _ in range(repeat):
        gc.collect()
        w, c = time.perf_counter(), time.process_time()
        fn()
        cpu.append((time.process_time() - c) * 1000)
        wall.append((time.perf_counter() - w) * 1000)
    return statistics.median(wall), statistics.median(cpu), min(wall), max(wall)


# -- the plain-Python way ----------------------------------------------------------------------
def plain_diff(a: Any, b: Any, path: str, out: List[Dict[str, Any]]) -> None:
    """Every difference between two JSON values; dicts by key, lists by position."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in b:
            sub = f"{path}/{key}"
            if key not in a:
                out.append({"path": sub, "kind": "added", "before": None, "after": b[key]})
            else:
                plain_diff(a[key], b[key], sub, out)
        for key in a:
            if key not in b:
                out.append({"path": f"{path}/{key}", "kind": "removed", "before": a[key], "after": None})
    elif isinstance(a, list) and isinstance(b, list):
        for k in range(max(len(a), len(b))):
            sub = f"{path}/{k}"
            if k >= len(a):
                out.append({"path": sub, "kind": "added", "before": None, "after": b[k]})
            elif k >= len(b):
                out.append({"path": sub, "kind": "removed", "before": a[k], "after": None})
            else:
                plain_diff(a[k], b[k], sub, out)
    elif a != b:
        out.append({"path": path, "kind": "changed", "before": a, "after": b})


def plain_python(a_path: Path, b_path: Path) -> pd.DataFrame:
    with open(a_path, encoding="utf-8") as f:
        a = json.load(f)
    with open(b_path, encoding="utf-8") as f:
        b = json.load(f)
    rows: List[Dict[str, Any]] = []
    plain_diff(a, b, "", rows)
    return pd.DataFrame(rows, columns=["path", "kind", "before", "after"])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="10 partners x 60 lines, 3 repeats")
    ap.add_argument("--partners", type=int, help="number of partners (default 50, quick 10)")
    ap.add_argument("--lines", type=int, help="lines per partner (default 300, quick 60)")
    ap.add_argument("--repeat", type=int, help="timed runs per method (default 9, quick 3)")
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args(argv)
    n_partners = args.partners or (10 if args.quick else 50)
    n_lines = args.lines or (60 if args.quick else 300)
    repeat = args.repeat or (3 if args.quick else 9)

    with tempfile.TemporaryDirectory() as folder:
        a_path, b_path = Path(folder) / "v1.json", Path(folder) / "v2.json"
        proposal = build_proposal(*generate(n_partners, n_lines, args.seed))
        proposal.save(a_path)
        doc = proposal.to_dict()
        edits = edit(doc, args.seed)
        interreg.Proposal.from_dict(doc).save(b_path)
        size = (a_path.stat().st_size + b_path.stat().st_size) / 2 / 1e6
        print(f"# diff benchmark: {n_partners} partners x {n_lines} lines, files of {size:.1f} MB; "
              f"{len(edits)} places edited; {repeat} timed runs per method\n")

        d = interreg.diff(a_path, b_path)
        library_rows = len(d.to_frame())
        plain_rows = len(plain_python(a_path, b_path))
        assert d.budget.difference == (interreg.Proposal.load(b_path).budget_summary().total
                                       - interreg.Proposal.load(a_path).budget_summary().total)
        loaded = [interreg.Proposal.load(a_path), interreg.Proposal.load(b_path)]
        core = _core.diff(loaded[0]._core, loaded[1]._core)

        methods = [
            ("library: interreg.diff(a, b).to_frame()", lambda: interreg.diff(a_path, b_path).to_frame()),
            ("  reading both files (Proposal.load x 2)", lambda: [interreg.Proposal.load(p) for p in (a_path, b_path)]),
            ("  _core.diff (compare, validate x 2, summarise x 2)", lambda: _core.diff(loaded[0]._core, loaded[1]._core)),
            ("  ProposalDiff + to_frame()", lambda: interreg.proposal_diff.ProposalDiff(core).to_frame()),
            ("plain Python: json.load x 2 + recursive diff + DataFrame", lambda: plain_python(a_path, b_path)),
            ("  json.load x 2 alone", lambda: [json.loads(p.read_text(encoding="utf-8")) for p in (a_path, b_path)]),
        ]
        for _, fn in methods:  # warm-up
            fn()
        rows = []
        for name, fn in methods:
            wall, cpu, low, high = timed(fn, repeat)
            rows.append([name, f"{wall:.0f}", f"{low:.0f}-{high:.0f}", f"{cpu:.0f}"])

    print(table(["method", "time (ms)", "min-max (ms)", "CPU time (ms)"], rows, "lrrr"))
    print()
    print(table(["", "rows found"], [
        ["places edited", str(len(edits))],
        ["library (matched partners, lines by description, items by id)", str(library_rows)],
        ["plain Python (lists by position)", str(plain_rows)],
    ], "lr"))
    print(f"\nbudget difference: {d.budget.difference:+,.2f} EUR (checked against the two summaries); "
          f"findings {d.findings.summary()}")
    print()
    print("## Machine\n")
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(table(["", ""], [[k, v] for k, v in machine()] + [["load average (1, 5, 15 min) at the end", load]], "ll"))
    print("\nNotes: medians of wall-clock time (time.perf_counter) and of the process's CPU time "
          "(time.process_time, every thread) after one warm-up call. The library row reads and parses both "
          "files, compares, validates both versions and summarises both budgets; _core.diff works out the "
          "two versions on two threads, so its CPU time may exceed its wall-clock time. On a machine shared "
          "with other jobs the wall-clock figures vary by a factor of two between runs; CPU time varies less.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
