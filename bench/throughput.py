"""Batch throughput: full validation by the library against a structural JSON Schema check.

Generates realistic proposals (partners in DK, SE and NO, budgets with flat rates, foreign
currencies and contribution sources, work plans, and about one in six with mistakes), writes
them as files, and in the same run times:

- ``interreg.validate_many(files, workers=1)`` and ``workers=2``: read, check the format
  strictly and run every rule (budget summary included);
- ``jsonschema`` (Debian ``python3-jsonschema``): ``json.load`` and a structural check of each
  document against ``interreg.schema()``;
- ``import interreg`` in a fresh interpreter.

    .venv/bin/python bench/throughput.py              # 2,000 proposals
    .venv/bin/python bench/throughput.py --quick      # 300 proposals, one run each

Prints Markdown tables for bench/RESULTS.md.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

import interreg

REGIONS = {  # in the programme area
    "SE": ["Västra Götaland", "Halland", "Skåne"],
    "DK": ["Region Hovedstaden", "Region Sjælland", "Region Nordjylland", "Region Midtjylland"],
    "NO": ["Østfold", "Akershus", "Buskerud", "Vestfold", "Telemark", "Agder"],
}
ORGS = ["university", "regional-authority", "local-authority", "research-institute", "company",
        "business-support", "ngo", "education-training"]
OPEN_OBJECTIVES = ["RSO2.2", "RSO2.4", "RSO2.6", "RSO3.2", "RSO4.1"]
FLAT_RATES = [{}, {"office_on_staff": "15%"}, {"office_on_staff": "15%", "travel": "15%"}, {"other_costs": "40%"}]
RATES = {"SEK": "11.49", "NOK": "11.75", "DKK": "7.46"}
MISTAKES = ["closed objective", "region outside the area", "no lead partner", "too long",
            "currency without a rate", "one country"]


CATEGORIES = ["staff", "staff", "staff", "travel", "external", "external", "equipment"]


def line(rng: random.Random, currency: str, categories: List[str] = CATEGORIES) -> Dict[str, Any]:
    category = rng.choice(categories)
    units, unit_type = {"staff": (rng.randint(20, 400), "hours"), "travel": (rng.randint(1, 6), "trips"),
                        "external": (1, "contracts"), "equipment": (rng.randint(1, 3), "pieces")}[category]
    price = rng.randint(3000, 9000 if category == "staff" else 300_000) / 100
    return {"category": category, "description": f"{category} {rng.randint(1, 999)}", "unit_type": unit_type,
            "units": str(units), "unit_price": f"{price:.2f}", "currency": currency}


def partner(rng: random.Random, number: int, country: str, lead: bool, owner: bool) -> Dict[str, Any]:
    rates = rng.choice(FLAT_RATES)
    # The 40 % option leaves only staff lines; a flat-rated category takes no lines.
    categories = ["staff"] if "other_costs" in rates else [c for c in CATEGORIES if c not in rates]
    lines = []
    for _ in range(rng.randint(3, 8 if country == "NO" else 30)):  # Norwegian funds are capped per project
        foreign = country != "DK" and rng.random() < 0.1
        lines.append(line(rng, {"SE": "SEK", "NO": "NOK"}.get(country, "EUR") if foreign else "EUR", categories))
    doc = {"id": f"PP{number}", "name": f"{rng.choice(ORGS).replace('-', ' ').title()} {number} {country}",
           "country": country, "region": rng.choice(REGIONS[country]), "org_type": rng.choice(ORGS),
           "legal_status": rng.choice(["public", "public", "private"]), "role": "lead" if lead else "partner",
           "norwegian_project_owner": owner,
           "budget": {"flat_rates": rates, "lines": lines}}
    return doc


def work_plan(rng: random.Random, partners: List[str], periods: int) -> Dict[str, Any]:
    packages, previous = [], None
    for number in range(1, rng.randint(2, 5) + 1):
        activities = []
        for a in range(1, rng.randint(2, 5) + 1):
            start = rng.randint(1, periods)
            end = rng.randint(start, periods)
            activity = {"id": f"A{number}.{a}", "title": f"Activity {number}.{a}", "start_period": start,
                        "end_period": end, "partners": rng.sample(partners, min(2, len(partners))),
                        "deliverables": [{"title": f"Deliverable {number}.{a}", "period": end}],
                        "predecessors": [previous] if previous and rng.random() < 0.3 else []}
            previous = activity["id"]
            activities.append(activity)
        packages.append({"number": number, "title": f"Work package {number}", "lead": rng.choice(partners),
                         "objective": "O1", "activities": activities})
    return {"overall_objective": "A stronger cross-border region.",
            "objectives": [{"id": "O1", "text": "Work together across the border."}],
            "work_packages": packages,
            "outputs": [{"indicator": "RCO87", "target": str(rng.randint(1, 9)), "period": periods, "work_package": 1}],
            "results": [{"indicator": "RCR84", "baseline": "0", "target": str(rng.randint(1, 20)), "period": periods}],
            "cooperation": {"joint_development": "Drafted together.", "joint_implementation": "Run together.",
                            "joint_staffing": "A joint team.", "joint_financing": None},
            "horizontal_principles": {"sustainable_development": {"effect": "neutral", "text": ""},
                                      "equal_opportunities": {"effect": "positive", "text": "Open to all."},
                                      "gender_equality": {"effect": "neutral", "text": ""}}}


def proposal(rng: random.Random, index: int) -> Dict[str, Any]:
    """One proposal document; about one in six has a mistake validation must report (others
    may get warnings, as real drafts do)."""
    count = rng.choice([2, 3, 3, 3, 4, 4, 5, 6, 8])
    countries = [["SE", "DK", "NO"][(index % 2 + i) % 3] for i in range(count)]  # a Swedish or Danish lead
    partners = [partner(rng, i + 1, c, i == 0, c == "NO" and c not in countries[:i]) for i, c in enumerate(countries)]
    duration = rng.choice([24, 30, 36])
    doc: Dict[str, Any] = {
        "format": "interreg-proposal", "version": 1, "programme": "oks-2021-2027", "call": "2025:1",
        "kind": "main", "acronym": f"P{index:05d}", "title": {"en": f"Cross-border project {index}"},
        "summary": {"en": "Partners on both sides of the border work together on a shared challenge."},
        "specific_objective": rng.choice(OPEN_OBJECTIVES), "geography": "whole", "start": "2026-01-01",
        "duration_months": duration,
        "exchange_rates": {c: {"rate": r, "date": "2025-01-31", "source": "central bank"} for c, r in RATES.items()},
        "partners": partners,
    }
    doc["work_plan"] = work_plan(rng, [p["id"] for p in partners], duration // 6)
    if rng.random() < 1 / 6:
        mistake = rng.choice(MISTAKES)
        if mistake == "closed objective":
            doc["specific_objective"] = "RSO1.1"
        elif mistake == "region outside the area":
            partners[-1]["region"] = {"SE": "Stockholm", "DK": "Syddanmark", "NO": "Oslo"}[partners[-1]["country"]]
        elif mistake == "no lead partner":
            partners[0]["role"] = "partner"
        elif mistake == "too long":
            doc["duration_months"] = 48
        elif mistake == "currency without a rate":
            del doc["exchange_rates"]["NOK"]
            partners[2 % count]["budget"]["lines"].append(line(rng, "NOK"))
        else:
            for p in partners:
                p["country"], p["region"], p["norwegian_project_owner"] = "SE", "Skåne", False
    return doc


def write_proposals(folder: Path, count: int, seed: int,
                    make: Optional[Callable[[random.Random, int], Dict[str, Any]]] = None) -> List[Path]:
    """Write generated proposals (`make`, default :func:`proposal`) as the library saves them
    (checked by reading each back)."""
    rng = random.Random(seed)
    paths = []
    for i in range(count):
        path = folder / f"proposal-{i:05d}.json"
        interreg.Proposal.from_dict((make or proposal)(rng, i)).save(path)
        paths.append(path)
    return paths


def timed(run: Callable[[], Any], repeat: int) -> Tuple[List[float], List[float]]:
    """Wall-clock and CPU seconds (all threads of the process) of each run."""
    wall, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        run()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return wall, cpu


def jsonschema_check(paths: List[Path]) -> int:
    """Structural check of every file; returns the number of schema errors."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(interreg.schema())
    errors = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            errors += sum(1 for _ in validator.iter_errors(json.load(f)))
    return errors


def import_times(repeat: int) -> Tuple[List[float], List[float]]:
    """Wall-clock and CPU seconds of ``import interreg`` in fresh interpreters."""
    code = ("import time; t, c = time.perf_counter(), time.process_time(); import interreg; "
            "t, c = time.perf_counter() - t, time.process_time() - c; import sys; "
            "assert not {'pandas', 'numpy', 'matplotlib'} & set(sys.modules), 'heavy import'; print(t, c)")
    runs = [subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.split()
            for _ in range(repeat)]
    return [float(r[0]) for r in runs], [float(r[1]) for r in runs]


def table(rows: List[List[str]], header: List[str]) -> str:
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    out = ["| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |",
           "| " + " | ".join("-" * w for w in widths) + " |"]
    out += ["| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |" for r in rows]
    return "\n".join(out)


def machine() -> List[List[str]]:
    cpu = next((l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines()
                if l.startswith("model name")), "?")
    import jsonschema  # type: ignore[import]
    from importlib.metadata import version

    return [["date", datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M UTC")], ["cpu model", cpu],
            ["os.cpu_count()", str(os.cpu_count())], ["load average (1 min) at start", f"{os.getloadavg()[0]:.1f}"],
            ["os", platform.platform()], ["python", platform.python_version()],
            ["jsonschema", version("jsonschema")], ["interreg", interreg.__version__]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--proposals", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of the library (median)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--quick", action="store_true", help="300 proposals, one run each")
    args = parser.parse_args()
    if args.quick:
        args.proposals, args.repeat = 300, 1
    about = machine()

    with tempfile.TemporaryDirectory(prefix="interreg-throughput-") as tmp:
        started = time.perf_counter()
        paths = write_proposals(Path(tmp), args.proposals, args.seed)
        generated = time.perf_counter() - started
        size = sum(p.stat().st_size for p in paths)

        interreg.validate_many(paths[:20], workers=1)  # warm-up: the programme is loaded once
        frames: Dict[Any, Any] = {}
        wall: Dict[Any, List[float]] = {}
        cpu: Dict[Any, List[float]] = {}
        for workers in (1, 2):
            wall[workers], cpu[workers] = timed(
                lambda: frames.__setitem__(workers, interreg.validate_many(paths, workers=workers)), args.repeat)
        assert frames[1].equals(frames[2]), "1 and 2 workers disagree"
        wall["schema"], cpu["schema"] = timed(lambda: frames.__setitem__("schema", jsonschema_check(paths)), 1)

    files = frames[1].attrs["files"]
    findings = frames[1]
    w = {k: statistics.median(v) for k, v in wall.items()}
    c = {k: statistics.median(v) for k, v in cpu.items()}
    n = args.proposals
    print(f"\n{n} proposals, {size / 1e6:.1f} MB ({size / n / 1e3:.1f} kB each), generated and saved in "
          f"{generated:.1f} s; {int((~files['ok']).sum())} with errors, {len(findings)} findings "
          f"({', '.join(f'{k} {v}' for k, v in findings['severity'].value_counts().items())}); "
          f"jsonschema errors: {frames['schema']}\n")
    labels = {1: "interreg.validate_many, workers=1 (read + full validation)",
              2: "interreg.validate_many, workers=2",
              "schema": "jsonschema Draft 2020-12, structure only (json.load + iter_errors)"}
    rows = [[labels[k], f"{w[k]:.2f}", f"{1000 * w[k] / n:.3f}", f"{w['schema'] / w[k]:.1f}x",
             f"{c[k]:.2f}", f"{1000 * c[k] / n:.3f}", f"{c['schema'] / c[k]:.1f}x"] for k in (1, 2, "schema")]
    print(table(rows, ["check", "wall (s)", "wall per proposal (ms)", "wall vs jsonschema",
                       "CPU (s)", "CPU per proposal (ms)", "CPU vs jsonschema"]))
    print(f"\n2 workers vs 1 (wall): {w[1] / w[2]:.2f}x faster (medians of {args.repeat} runs: "
          f"1 worker {', '.join(f'{t:.2f}' for t in wall[1])} s; 2 workers {', '.join(f'{t:.2f}' for t in wall[2])} s)")
    imports, import_cpu = import_times(7)
    print(f"\n`import interreg` in a fresh interpreter: wall median {1000 * statistics.median(imports):.0f} ms "
          f"(max {1000 * max(imports):.0f}), CPU median {1000 * statistics.median(import_cpu):.0f} ms "
          f"(7 runs; pandas, numpy and matplotlib not imported)\n")
    print(table(about, ["machine", ""]))


if __name__ == "__main__":
    main()
