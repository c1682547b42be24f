"""Benchmark: the partners of a hub, from the CSV a user has to the DataFrame they read, library
against pandas in the same run.

    .venv/bin/python bench/hub.py                 # a hub in 1,000 projects of 500: 499,000 partners
    .venv/bin/python bench/hub.py --projects 100  # 49,900 partners

The history: --projects projects, each of 499 organisations of their own and the hub (the worst
shape the history's limit of organisations per project admits for one organisation's partners).

  library   CooperationHistory.from_csv, then partners_of("Hub") (the first question builds the
            organisations' rows once; the others are timed apart, best of --repeat)
  pandas    read_csv, then the hub's projects, their members, and per partner the number of
            shared projects, the latest period and the projects, most shared first

Both answers are compared (partners, counts and projects) before the figures are printed.
"""
from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

import interreg


def write_history(path: Path, projects: int) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write("project,organisation,country,period\n")
        for p in range(projects):
            period = "2021-2027" if p % 2 else "2014-2020"
            f.write(f"P{p},Hub,SE,{period}\n")
            f.writelines(f"P{p},Org {p}-{i},DK,{period}\n" for i in range(499))


def with_pandas(path: Path, hub: str) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=str)
    mine = df.loc[df["organisation"] == hub, "project"]
    shared = df[df["project"].isin(mine) & (df["organisation"] != hub)]
    grouped = shared.groupby("organisation", sort=True).agg(
        country=("country", "first"), shared_projects=("project", "size"), latest_period=("period", "max"),
        projects=("project", list))
    return grouped.sort_values(["shared_projects", "latest_period"], ascending=False, kind="stable").reset_index()


def best(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hub.csv"
        write_history(path, args.projects)
        size = path.stat().st_size

        start = time.perf_counter()
        history = interreg.CooperationHistory.from_csv(path)
        read = time.perf_counter() - start
        start = time.perf_counter()
        first = history.partners_of("Hub")
        first_query = time.perf_counter() - start
        query = best(lambda: history.partners_of("Hub"), args.repeat)

        start = time.perf_counter()
        theirs = with_pandas(path, "Hub")
        pandas_total = time.perf_counter() - start
        pandas_query = best(lambda: with_pandas(path, "Hub"), 1)

    mine = first.sort_values("organisation").reset_index(drop=True)
    other = theirs.sort_values("organisation").reset_index(drop=True)
    assert mine["organisation"].tolist() == other["organisation"].tolist()
    assert mine["shared_projects"].tolist() == other["shared_projects"].tolist()
    assert [sorted(p) for p in mine["projects"]] == [sorted(p) for p in other["projects"]]
    assert history._network is None, "partners_of built the whole graph"

    print(f"hub with {len(first):,} partners; CSV of {size / 1e6:.1f} MB, {history.participation_count:,} rows")
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, "
          f"pandas {pd.__version__}")
    print("| step | library s | pandas s | ratio |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| CSV → answer (first question) | {read + first_query:.3f} | {pandas_total:.3f} | "
          f"{pandas_total / (read + first_query):.1f}x |")
    print(f"| the question again | {query:.3f} | {pandas_query:.3f} (reads the CSV again) | — |")
    print(f"| of which: read the CSV | {read:.3f} | | |")
    print(f"| of which: first partners_of | {first_query:.3f} | | |")


if __name__ == "__main__":
    main()
