"""Benchmark: the partner network questions, library (C++ core on Boost.Graph) against networkx,
on the same synthetic history in the same run.

    .venv/bin/python bench/partners.py              # 30,000 projects (~100,000 organisations)
    .venv/bin/python bench/partners.py --quick      # 3,000 projects, fewer queries, no full networkx query

Questions, each timed for both:

  build          the co-participation graph from the participations (library: the bipartite and
                 projected graphs from the history; networkx: a weighted Graph from each
                 project's pairs of organisations, nodes as ints)
  components     connected components
  suggestions    top-10 partner suggestions for --consortia consortia of 6 organisations
                 (library: CooperationHistory.suggest_partners, which also filters eligibility
                 and writes the reasons; networkx: Adamic–Adar summed over the members for every
                 two-hop candidate, then the top 10). networkx is timed on --nx-consortia
                 consortia cut down to 3 members and 2,000 candidates, and extrapolated per
                 member x candidate pair to the full queries; --full-nx full queries are also
                 measured for real
  paths          --paths (default 1,000: more than the 100 asked, for a steadier timing) shortest
                 paths between random organisations of the largest component
  centrality     PageRank (weighted) on the largest component

Answers are checked against each other (component sizes, path lengths, Adamic–Adar scores of
the cut-down queries, the PageRank top 10).

Memory: networkx's peak is tracemalloc's (every Python allocation of the step). The library's
is the peak resident set size increase of the process during the step (Linux: VmHWM after
resetting it through /proc/self/clear_refs), which covers the C++ allocations; free memory is
first given back to the system (malloc_trim), or a step reusing it would seem to need none. For
the graph the core also reports the exact bytes it holds (CooperationNetwork.memory_bytes()).
networkx's memory for the suggestions is extrapolated from the cut-down queries per candidate.
"""
from __future__ import annotations

import argparse
import ctypes
import datetime as _dt
import gc
import os
import platform
import random
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

try:
    import interreg
except ImportError:  # run from a checkout without the package installed
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "python"))
    import interreg

import networkx as nx
import numpy as np
import pandas as pd

MB = 1024 * 1024
_LIBC = ctypes.CDLL(None)  # the process's C library (glibc: malloc_trim)


def _status_kb(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def library_step(fn: Callable[[], Any], repeat: int = 5) -> Tuple[Any, float, float]:
    """(result, seconds, peak RSS increase in bytes) of fn(): the best time of `repeat` runs
    (a shared machine only ever adds time); the memory of the first."""
    gc.collect()
    _LIBC.malloc_trim(0)
    with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
        f.write("5")  # reset the peak (VmHWM) to the current RSS
    before = _status_kb("VmRSS")
    start = time.perf_counter()
    result = fn()
    best = time.perf_counter() - start
    peak = max(0, _status_kb("VmHWM") - before) * 1024
    for _ in range(repeat - 1):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return result, best, peak


def networkx_step(fn: Callable[[], Any], repeat: int = 3) -> Tuple[Any, float, float]:
    """(result, seconds, tracemalloc peak in bytes) of fn(): the best time of `repeat` runs
    without tracemalloc, then one run under tracemalloc for the memory."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
        del result
    gc.collect()
    tracemalloc.start()
    result = fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, best, peak


def build_networkx(projects: List[List[int]], n: int) -> nx.Graph:
    g = nx.Graph()
    g.add_nodes_from(range(n))
    for members in projects:
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if g.has_edge(a, b):
                    g[a][b]["weight"] += 1
                else:
                    g.add_edge(a, b, weight=1)
    return g


def nx_adamic_adar_top(g: nx.Graph, members: List[int], candidates: List[int], k: int = 10) -> List[Tuple[int, float]]:
    score: Dict[int, float] = dict.fromkeys(candidates, 0.0)
    for m in members:
        for _, v, s in nx.adamic_adar_index(g, [(m, c) for c in candidates]):
            score[v] += s
    return sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))[:k]


def two_hop(g: nx.Graph, members: List[int]) -> List[int]:
    found = set()
    for m in members:
        for z in g[m]:
            found.update(g[z])
    return sorted(found - set(members))


def proposal_for(programme: "interreg.Programme", orgs: pd.DataFrame, members: List[int]) -> "interreg.Proposal":
    p = interreg.Proposal(programme, acronym="BENCH", specific_objective="RSO4.1", call="2025:1")
    for o in members:
        row = orgs.iloc[o]
        p.add_partner(row["organisation"], country=row["country"], region=row["region"] or None,
                      org_type=row["org_type"] or None)
    return p


def machine() -> List[Tuple[str, str]]:
    model = ""
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as f:
            model = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "")
    except OSError:
        pass
    return [("date", _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")),
            ("cpu model (/proc/cpuinfo)", model), ("os.cpu_count()", str(os.cpu_count())),
            ("load average (1 min) at the end", f"{os.getloadavg()[0]:.1f}"), ("os", platform.platform()),
            ("python", platform.python_version()), ("networkx", nx.__version__), ("pandas", pd.__version__),
            ("interreg", interreg.__version__)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--projects", type=int, default=30000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--consortia", type=int, default=100)
    ap.add_argument("--nx-consortia", type=int, default=10, help="cut-down networkx suggestion queries")
    ap.add_argument("--full-nx", type=int, default=1, help="full networkx suggestion queries measured for real")
    ap.add_argument("--paths", type=int, default=1000)
    ap.add_argument("--quick", action="store_true", help="3,000 projects, 20 consortia, 3 cut-down and no full query")
    args = ap.parse_args()
    if args.quick:
        args.projects, args.consortia, args.nx_consortia, args.full_nx, args.paths = 3000, 20, 3, 0, 20
    rng = random.Random(args.seed)
    rows: List[Tuple[str, float, float, float, float, str]] = []

    start = time.perf_counter()
    history = interreg.CooperationHistory.synthetic(seed=args.seed, projects=args.projects)
    generate = time.perf_counter() - start
    orgs = history.organisations()
    parts = history.to_frame()
    key = parts["country"] + ":" + parts["organisation"]
    index = {k: i for i, k in enumerate(orgs["country"] + ":" + orgs["organisation"])}
    parts["o"] = key.map(index)
    projects = [g.tolist() for _, g in parts.groupby(["programme", "project"], sort=False)["o"]]
    n = history.organisation_count
    print(f"synthetic history: {history.project_count} projects, {n} organisations, "
          f"{history.participation_count} participations (generated in {generate:.2f} s)")

    # build
    net, lib_s, lib_mem = library_step(lambda: interreg._core.CooperationNetwork(history._core))
    history._network = net
    g, nx_s, nx_mem = networkx_step(lambda: build_networkx(projects, n), repeat=2)
    assert g.number_of_edges() == net.edge_count, (g.number_of_edges(), net.edge_count)
    print(f"co-participation graph: {net.edge_count} edges; the core holds {net.memory_bytes() / MB:.1f} MB "
          f"(graphs) + {history._core.memory_bytes() / MB:.1f} MB (the history)")
    rows.append(("build the co-participation graph", lib_s, nx_s, lib_mem, nx_mem, ""))

    # components
    (labels, sizes), lib_s, lib_mem = library_step(net.components)
    comps, nx_s, nx_mem = networkx_step(lambda: list(nx.connected_components(g)))
    assert sorted(sizes) == sorted(len(c) for c in comps)
    largest = np.flatnonzero(labels == 0).tolist()
    print(f"components: {len(sizes)}, the largest {sizes[0]} organisations")
    rows.append(("connected components", lib_s, nx_s, lib_mem, nx_mem, ""))

    # suggestions
    programme = interreg.load_programme()
    consortia = [rng.sample(largest, 6) for _ in range(args.consortia)]
    proposals = [proposal_for(programme, orgs, c) for c in consortia]
    _, lib_s, lib_mem = library_step(lambda: [history.suggest_partners(p, n=10) for p in proposals], repeat=2)
    pair_seconds, candidate_bytes = [], []
    for members in consortia[:args.nx_consortia]:
        cut = members[:3]
        candidates = two_hop(g, cut)[:2000]
        top, secs, mem = networkx_step(lambda: nx_adamic_adar_top(g, cut, candidates), repeat=1)
        ours = dict(net.adamic_adar(cut))
        assert len(ours) == len(two_hop(g, cut))
        for o, s in top:
            assert abs(ours.get(o, 0.0) - s) < 1e-9 * max(1.0, s), (o, s, ours.get(o))
        pair_seconds.append(secs / max(1, len(cut) * len(candidates)))
        candidate_bytes.append(mem / max(1, len(candidates)))
    per_pair = sum(pair_seconds) / max(1, len(pair_seconds))
    per_candidate = sum(candidate_bytes) / max(1, len(candidate_bytes))
    # Every two-hop candidate has a positive Adamic–Adar score, so the core counts them.
    full_candidates = [len(net.adamic_adar(c)) for c in consortia]
    nx_estimate = per_pair * 6 * sum(full_candidates)
    # networkx's memory grows with the candidates (the pairs of one member, the scores), not the members.
    nx_mem = per_candidate * max(full_candidates)
    note = (f"networkx extrapolated from {len(pair_seconds)} cut-down queries (3 members, at most 2,000 "
            f"candidates): {per_pair * 1e6:.1f} us per member x candidate pair, "
            f"{sum(full_candidates) / len(full_candidates):,.0f} candidates per full query on average; memory "
            f"{per_candidate:,.0f} bytes per candidate, for the largest full query ({max(full_candidates):,} candidates)")
    for members in consortia[:args.full_nx]:
        candidates = two_hop(g, members)
        start = time.perf_counter()
        nx_adamic_adar_top(g, members, candidates)
        real = time.perf_counter() - start
        estimate = per_pair * len(members) * len(candidates)
        note += f"; one full query measured: {real:.1f} s for {len(candidates):,} candidates (estimate {estimate:.1f} s)"
    rows.append((f"top-10 suggestions, {args.consortia} consortia of 6", lib_s, nx_estimate, lib_mem, nx_mem, note))

    # paths
    pairs = [tuple(rng.sample(largest, 2)) for _ in range(args.paths)]
    ours, lib_s, lib_mem = library_step(lambda: [net.path(a, b) for a, b in pairs])
    theirs, nx_s, nx_mem = networkx_step(lambda: [nx.shortest_path(g, a, b) for a, b in pairs])
    assert [len(p) for p in ours] == [len(p) for p in theirs]
    rows.append((f"{args.paths} shortest paths", lib_s, nx_s, lib_mem, nx_mem, ""))

    # centrality
    ranks, lib_s, lib_mem = library_step(lambda: net.pagerank(largest))
    sub = g.subgraph(largest)
    pr, nx_s, nx_mem = networkx_step(lambda: nx.pagerank(sub, weight="weight"), repeat=1)
    top_ours = sorted(largest, key=lambda o: -ranks[o])[:10]
    top_theirs = sorted(pr, key=lambda o: -pr[o])[:10]
    assert top_ours == top_theirs, (top_ours, top_theirs)
    rows.append(("PageRank on the largest component", lib_s, nx_s, lib_mem, nx_mem, ""))

    print()
    print("| question | library ms | networkx ms | speed-up | library peak MB | networkx peak MB | memory ratio |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, ls, xs, lm, xm, _ in rows:
        mem_ratio = f"{xm / lm:.1f}x" if lm > 0 else "n/a"
        print(f"| {name} | {ls * 1e3:,.2f} | {xs * 1e3:,.1f} | {xs / ls:.0f}x | {lm / MB:.1f} | {xm / MB:.1f} | {mem_ratio} |")
    for name, *_, note in rows:
        if note:
            print(f"\n{name}: {note}")
    print("\n| machine | |\n| --- | --- |")
    for k, v in machine():
        print(f"| {k} | {v} |")


if __name__ == "__main__":
    main()
