"""Benchmark: Proposal.budget_summary() against the same computation written in pandas.

    .venv/bin/python bench/budget_summary.py            # 50 partners x 300 lines, 36 months (6 periods)
    .venv/bin/python bench/budget_summary.py --quick    # 10 partners x 60 lines

One run builds one large proposal from generated data (mixed categories, flat rates on some
partners, some NOK and SEK lines, explicit period amounts on some lines) and times, on that
same data:

  library        proposal.budget_summary(): the C++ core plus the Decimal views
  core only      interreg._core.summarise_budget(): the same without the Decimal views
  pandas int     a DataFrame of lines, groupby partner x category, integer cents and numpy
                 floor division: the library's rounding rules, exact
  pandas float   the same with float64 and the rules as floor(x * 100) / 100 at each step,
                 the way a spreadsheet's ROUNDDOWN() is usually copied
  pandas float,  float64 without any rounding, rounded to the cent only at the end, the way
  no rounding    a spreadsheet shows its figures

The pandas-int results are checked (assert) against the library: every partner's breakdown
and total, fund amount, contribution, every partner's and the project's period totals and
fund amounts per period. The float variants are compared too and their cents off reported.

Times are medians of --repeat runs, without tracemalloc; memory is measured in separate runs
(see the notes the script prints).
"""
from __future__ import annotations

import argparse
import datetime as _dt
import gc
import os
import platform
import random
import statistics
import subprocess
import sys
import time
import tracemalloc
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

import numpy as np
import pandas as pd

try:
    import interreg
    from interreg import _core
except ImportError:  # run from a checkout without the package installed
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "python"))
    import interreg
    from interreg import _core

CATEGORIES = ["staff", "office_admin", "travel", "external", "equipment", "infrastructure", "lump_sum"]
BREAKDOWN = ["staff", "office_admin", "travel", "external", "equipment", "infrastructure", "other_costs",
             "lump_sums", "total"]
RATES = {"NOK": "11.75", "SEK": "11.49"}  # 1 EUR = rate x currency
FUND_OF = {"SE": ("erdf", "60%"), "DK": ("erdf", "60%"), "NO": ("no-interreg", "50%")}
COUNTRIES = ["SE", "DK", "NO"]
REGIONS = {"SE": "Halland", "DK": "Nordjylland", "NO": "Vestfold"}
START, MONTHS = "2026-01-01", 36
PERIODS = 6  # 36 months / 6-month reporting periods

# The flat-rate schemes, one per partner in turn: the rates and the categories that take lines.
SCHEMES = [
    ({}, ["staff", "office_admin", "travel", "external", "equipment", "infrastructure"]),
    ({"office_admin": "15%"}, ["staff", "travel", "external", "equipment", "infrastructure"]),
    ({"office_admin": "15%", "travel": "15%"}, ["staff", "external", "equipment"]),
    ({"other_costs": "40%"}, ["staff"]),
    ({"staff": "20%", "office_admin": "7%", "office_admin_base": "direct"}, ["travel", "external", "equipment",
                                                                              "infrastructure"]),
]
# category: (units low, high, decimals allowed?), (price low, high) in EUR
LINE_SHAPES = {
    "staff": ((40, 3000, True), (25, 75)),
    "office_admin": ((1, 36, False), (100, 2000)),
    "travel": ((1, 30, False), (150, 2500)),
    "external": ((1, 5, False), (1000, 60000)),
    "equipment": ((1, 10, False), (200, 5000)),
    "infrastructure": ((1, 1, False), (5000, 80000)),
}


# -- the data --------------------------------------------------------------------------------
def generate(partners: int, lines: int, seed: int) -> Tuple[List[Dict[str, Any]], List[Dict[str, Any]]]:
    """The partners (country, flat rates, co-financing rate) and their lines, as plain data."""
    rng = random.Random(seed)
    plist, llist = [], []
    for i in range(partners):
        country = COUNTRIES[i % 3]
        rates, cats = SCHEMES[i % len(SCHEMES)]
        rate = None if i % 4 else ["55%", "47.25%", "52.5%"][i % 3]  # an explicit rate on every 4th
        if country == "NO" and rate and Decimal(rate[:-1]) > 50:
            rate = "48.5%"
        plist.append({"index": i, "name": f"Partner {i + 1:03d}", "country": country, "flat_rates": rates,
                      "rate": rate})
        for j in range(lines):
            cat = rng.choice(cats)
            (ulo, uhi, frac), (plo, phi) = LINE_SHAPES[cat]
            units = Decimal(rng.randint(ulo, uhi)) + (Decimal(rng.choice([0, 25, 50, 75])) / 100 if frac else 0)
            price = Decimal(rng.randint(plo * 100, phi * 100)) / 100
            currency = "EUR"
            if country == "NO" and rng.random() < 0.15:
                currency = "NOK"
            elif country == "SE" and rng.random() < 0.05:
                currency = "SEK"
            if currency != "EUR":
                price = (price * Decimal(RATES[currency])).quantize(Decimal("0.01"))
            total_cents = int(units * 100) * int(price * 100) // 100
            periods = None
            if rng.random() < 0.10:  # explicit amounts per period, in the line's currency
                cuts = sorted(rng.randint(0, total_cents) for _ in range(PERIODS - 1))
                parts = [b - a for a, b in zip([0] + cuts, cuts + [total_cents])]
                periods = [str(Decimal(c) / 100) for c in parts]
            llist.append({"partner": i, "category": cat, "description": f"{cat} {j}", "units": str(units),
                          "unit_price": str(price), "currency": currency, "periods": periods})
    return plist, llist


def build_proposal(plist, llist) -> "interreg.Proposal":
    """The proposal, through the public API, the way a user builds one."""
    p = interreg.Proposal(acronym="BENCH", specific_objective="RSO4.1", call="2025:1", start=START,
                          duration_months=MONTHS)
    for code, rate in RATES.items():
        p.set_exchange_rate(code, rate, date="2025-01-31", source="benchmark")
    handles = []
    for d in plist:
        partner = p.add_partner(d["name"], country=d["country"], region=REGIONS[d["country"]],
                                org_type="regional-authority", role="lead" if d["index"] == 0 else "partner",
                                norwegian_project_owner=d["country"] == "NO" and d["index"] == 2)
        if d["flat_rates"]:
            partner.budget.flat_rates(**d["flat_rates"])
        if d["rate"]:
            partner.cofinancing.rate = d["rate"]
        handles.append(partner.budget)
    for line in llist:
        handles[line["partner"]].add(line["category"], line["description"], units=line["units"],
                                     unit_price=line["unit_price"], currency=line["currency"],
                                     periods=line["periods"])
    return p


def build_frames(plist, llist) -> Tuple[pd.DataFrame, pd.DataFrame]:
    """What a pandas user starts from: a lines table (numbers as read_csv gives them: float64,
    NaN where a line has no period amounts) and a partners table."""
    rows = []
    for line in llist:
        row = {"partner": line["partner"], "category": line["category"], "currency": line["currency"],
               "units": float(line["units"]), "unit_price": float(line["unit_price"])}
        for k in range(PERIODS):
            row[f"p{k + 1}"] = float(line["periods"][k]) if line["periods"] else np.nan
        rows.append(row)
    lines = pd.DataFrame(rows)
    prow = []
    for d in plist:
        f = d["flat_rates"]
        base = f.get("office_admin_base", "staff")
        fund, max_rate = FUND_OF[d["country"]]
        prow.append({"partner": d["index"], "fund": fund, "rate": d["rate"] or max_rate,
                     "staff": f.get("staff"), "travel": f.get("travel"), "other_costs": f.get("other_costs"),
                     "office_on_staff": f.get("office_admin") if base == "staff" else None,
                     "office_on_direct": f.get("office_admin") if base == "direct" else None})
    return lines, pd.DataFrame(prow).set_index("partner")


# -- the pandas computations ---------------------------------------------------------------
FLAT_COLUMNS = ["staff", "travel", "office_on_staff", "office_on_direct", "other_costs"]
PCOLS = [f"p{k + 1}" for k in range(PERIODS)]


def _ppm(series: pd.Series) -> np.ndarray:
    """'15%' -> 150000 parts per million (0 where no rate)."""
    return series.fillna("0%").str.rstrip("%").map(lambda s: round(float(s) * 10_000)).to_numpy(np.int64)


def _flat_int(real: np.ndarray, r: Dict[str, np.ndarray]) -> np.ndarray:
    """The flat rates on category sums (last axis in CATEGORIES order), integer cents, rounded down.
    Returns the breakdown (last axis in BREAKDOWN order)."""
    staff_r, office_r, travel_r, ext, equip, infra, lump = (real[..., k] for k in range(7))
    travel_real = np.where(r["has_travel"], 0, travel_r)
    staff = np.where(r["has_staff"], (travel_real + ext + equip + infra) * r["staff"] // 1_000_000, staff_r)
    travel = np.where(r["has_travel"], staff * r["travel"] // 1_000_000, travel_r)
    office = np.where(r["has_office_on_staff"], staff * r["office_on_staff"] // 1_000_000,
                      np.where(r["has_office_on_direct"],
                               (staff + travel + ext + equip + infra) * r["office_on_direct"] // 1_000_000, office_r))
    other = np.where(r["has_other_costs"], staff * r["other_costs"] // 1_000_000, 0)
    total = staff + office + travel + ext + equip + infra + other + lump
    return np.stack([staff, office, travel, ext, equip, infra, other, lump, total], axis=-1)


def _flat_float(real: np.ndarray, r: Dict[str, np.ndarray], cut: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    """The same in float64 euro; `cut` is floor-to-cents (or nothing)."""
    staff_r, office_r, travel_r, ext, equip, infra, lump = (real[..., k] for k in range(7))
    travel_real = np.where(r["has_travel"], 0.0, travel_r)
    staff = np.where(r["has_staff"], cut((travel_real + ext + equip + infra) * r["f_staff"]), staff_r)
    travel = np.where(r["has_travel"], cut(staff * r["f_travel"]), travel_r)
    office = np.where(r["has_office_on_staff"], cut(staff * r["f_office_on_staff"]),
                      np.where(r["has_office_on_direct"],
                               cut((staff + travel + ext + equip + infra) * r["f_office_on_direct"]), office_r))
    other = np.where(r["has_other_costs"], cut(staff * r["f_other_costs"]), 0.0)
    total = staff + office + travel + ext + equip + infra + other + lump
    return np.stack([staff, office, travel, ext, equip, infra, other, lump, total], axis=-1)


def _partner_rates(partners: pd.DataFrame) -> Dict[str, np.ndarray]:
    r: Dict[str, np.ndarray] = {}
    for col in FLAT_COLUMNS:
        ppm = _ppm(partners[col])
        r[col] = ppm  # (P,); [:, None] for arrays with a period axis
        r["has_" + col] = partners[col].notna().to_numpy()
        r["f_" + col] = ppm / 1_000_000
    r["fund"] = _ppm(partners["rate"])
    r["f_fund"] = r["fund"] / 1_000_000
    return r


def _with_residual(per_period: np.ndarray, total: np.ndarray) -> np.ndarray:
    """Periods 1..n-1 as computed, the last one the rest of `total` (axis 1 is the period)."""
    out = per_period.copy()
    out[:, -1] = total - per_period[:, :-1].sum(axis=1)
    return out


def pandas_int(lines: pd.DataFrame, partners: pd.DataFrame) -> Dict[str, np.ndarray]:
    """The library's rules with integer cents: exact."""
    df = lines.copy()
    df["units_h"] = np.rint(df.units * 100).astype(np.int64)
    df["price_c"] = np.rint(df.unit_price * 100).astype(np.int64)
    df["local"] = df.units_h * df.price_c // 100
    micros = df.currency.map({"EUR": 1_000_000, **{c: round(float(v) * 1_000_000) for c, v in RATES.items()}})
    df["total"] = df.local * 1_000_000 // micros
    explicit = df.p1.notna()
    own = np.rint(df.loc[explicit, PCOLS[:-1]].to_numpy() * 100).astype(np.int64)
    own = own * 1_000_000 // micros[explicit].to_numpy()[:, None]
    even = (df.total // PERIODS).to_numpy()
    per = np.repeat(even[:, None], PERIODS, axis=1)
    per[explicit.to_numpy(), :-1] = own
    per[:, -1] = df.total.to_numpy() - per[:, :-1].sum(axis=1)
    df[PCOLS] = per

    P = len(partners)
    sums = df.groupby(["partner", "category"])[["total", *PCOLS]].sum()
    full = pd.MultiIndex.from_product([partners.index, CATEGORIES], names=["partner", "category"])
    sums = sums.reindex(full, fill_value=0)
    real_total = sums["total"].to_numpy().reshape(P, len(CATEGORIES))
    real_periods = sums[PCOLS].to_numpy().reshape(P, len(CATEGORIES), PERIODS).transpose(0, 2, 1)  # (P, T, C)

    r = _partner_rates(partners)
    costs = _flat_int(real_total, r)  # (P, 9)
    r3 = {k: v[:, None] for k, v in r.items()}
    periods = _with_residual(_flat_int(real_periods, r3), costs)  # (P, T, 9)
    fund = costs[:, -1] * r["fund"] // 1_000_000
    # Fund per period on the running total: floor(rate x C_k) - floor(rate x C_k-1).
    funded = np.cumsum(periods[:, :, -1], axis=1) * r["fund"][:, None] // 1_000_000
    fund_periods = np.diff(funded, axis=1, prepend=0)
    return {"lines": df.total.to_numpy(), "costs": costs, "periods": periods, "fund": fund,
            "fund_periods": fund_periods, "contribution": costs[:, -1] - fund,
            "period_totals": periods[:, :, -1].sum(axis=0)}


def pandas_float(lines: pd.DataFrame, partners: pd.DataFrame, rounddown: bool = True) -> Dict[str, np.ndarray]:
    """float64 euro, the way a spreadsheet computes. With `rounddown` the rules are copied as
    floor(x * 100) / 100 at each step; without, nothing is rounded until the end."""
    cut = (lambda x: np.floor(x * 100) / 100) if rounddown else (lambda x: x)
    df = lines.copy()
    rate = df.currency.map({"EUR": 1.0, **{c: float(v) for c, v in RATES.items()}})
    df["local"] = cut(df.units * df.unit_price)
    df["total"] = cut(df.local / rate)
    explicit = df.p1.notna().to_numpy()
    per = np.repeat(cut(df.total / PERIODS).to_numpy()[:, None], PERIODS, axis=1)
    per[explicit, :-1] = cut(df.loc[explicit, PCOLS[:-1]].to_numpy() / rate[explicit].to_numpy()[:, None])
    per[:, -1] = df.total.to_numpy() - per[:, :-1].sum(axis=1)
    df[PCOLS] = per

    P = len(partners)
    sums = df.groupby(["partner", "category"])[["total", *PCOLS]].sum()
    full = pd.MultiIndex.from_product([partners.index, CATEGORIES], names=["partner", "category"])
    sums = sums.reindex(full, fill_value=0.0)
    real_total = sums["total"].to_numpy().reshape(P, len(CATEGORIES))
    real_periods = sums[PCOLS].to_numpy().reshape(P, len(CATEGORIES), PERIODS).transpose(0, 2, 1)

    r = _partner_rates(partners)
    costs = _flat_float(real_total, r, cut)
    r3 = {k: v[:, None] for k, v in r.items()}
    periods = _with_residual(_flat_float(real_periods, r3, cut), costs)
    fund = cut(costs[:, -1] * r["f_fund"])
    fund_periods = np.diff(cut(np.cumsum(periods[:, :, -1], axis=1) * r["f_fund"][:, None]), axis=1, prepend=0)
    return {"lines": df.total.to_numpy(), "costs": costs, "periods": periods, "fund": fund,
            "fund_periods": fund_periods, "contribution": costs[:, -1] - fund,
            "period_totals": periods[:, :, -1].sum(axis=0)}


def to_cents(result: Dict[str, np.ndarray]) -> Dict[str, np.ndarray]:
    """A float result in cents, as the spreadsheet would show it (rounded to the cent)."""
    return {k: np.rint(v * 100).astype(np.int64) for k, v in result.items()}


# -- the library's result as arrays --------------------------------------------------------
def library_arrays(summary: "interreg.BudgetSummary") -> Dict[str, np.ndarray]:
    d = summary.to_dict()
    ps = d["partners"]
    costs = np.array([[p["costs"][c] for c in BREAKDOWN] for p in ps], dtype=np.int64)
    periods = np.array([[[b[c] for c in BREAKDOWN] for b in p["periods"]] for p in ps], dtype=np.int64)
    # Cross-check the Decimal views against the cents (and so the pandas result against both).
    assert [t.total for t in summary.partners] == [Decimal(int(c)) / 100 for c in costs[:, -1]]
    return {"lines": np.array([line["total"] for line in d["lines"]], dtype=np.int64),
            "costs": costs, "periods": periods,
            "fund": np.array([p["fund_amount"] for p in ps], dtype=np.int64),
            "fund_periods": np.array([p["fund_by_period"] for p in ps], dtype=np.int64),
            "contribution": np.array([p["contribution"] for p in ps], dtype=np.int64),
            "period_totals": np.array(d["period_totals"], dtype=np.int64)}


COMPARED = [("line totals in EUR", lambda a: a["lines"]), ("partner totals", lambda a: a["costs"][:, -1]), ("partner breakdowns", lambda a: a["costs"]),
            ("fund amounts", lambda a: a["fund"]), ("contributions", lambda a: a["contribution"]),
            ("partner x period totals", lambda a: a["periods"][:, :, -1]),
            ("fund per partner x period", lambda a: a["fund_periods"]),
            ("project period totals", lambda a: a["period_totals"])]


def off_by(lib: Dict[str, np.ndarray], other: Dict[str, np.ndarray]) -> List[Tuple[str, int, int, int, int]]:
    """(what, values, values that differ, largest difference, sum of differences) in cents."""
    out = []
    for name, pick in COMPARED:
        diff = np.abs(pick(other) - pick(lib))
        out.append((name, diff.size, int((diff != 0).sum()), int(diff.max()), int(diff.sum())))
    return out


# -- measuring -----------------------------------------------------------------------------
def median_ms(fn: Callable[[], Any], repeat: int) -> Tuple[float, List[float]]:
    times = []
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), times


def _status(field: str) -> int:
    """A VmXXX field of /proc/self/status in KiB (0 when unavailable)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _reset_peak_rss() -> bool:
    """Reset VmHWM to the current RSS (Linux >= 4.0: write 5 to clear_refs)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def traced_peak(fn: Callable[[], Any]) -> float:
    """tracemalloc's peak (MiB) during one call."""
    gc.collect()
    tracemalloc.start()
    result = fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del result
    return peak / 2**20


def rss_peak(fn: Callable[[], Any]) -> float:
    """Peak RSS increase (MiB) during one call: VmHWM after it minus VmRSS before it, with the
    peak reset first; nan when /proc does not allow it."""
    gc.collect()
    if not _reset_peak_rss():
        return float("nan")
    before = _status("VmRSS")
    result = fn()
    after = _status("VmHWM")
    del result
    return (after - before) / 1024 if before and after else float("nan")


def rss_in_child(index: int, args: argparse.Namespace) -> float:
    """rss_peak of method `index`, measured in a fresh process that builds the same data and
    calls the method once (no warm-up, so memory freed by earlier runs cannot hide the peak)."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child-rss", str(index), "--partners", str(args.partners),
           "--lines", str(args.lines), "--seed", str(args.seed)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.split()
    return float(out[-1]) if out else float("nan")


def methods_for(proposal, lines: pd.DataFrame, partners: pd.DataFrame) -> List[Tuple[str, Callable[[], Any]]]:
    programme, core = proposal.programme._core, proposal._core
    return [
        ("library: proposal.budget_summary()", proposal.budget_summary),
        ("core only: _core.summarise_budget()", lambda: _core.summarise_budget(programme, core)),
        ("(proxy) proposal.validate(): C++ summary + rules, no conversion", proposal.validate),
        ("pandas, integer cents (exact)", lambda: pandas_int(lines, partners)),
        ("pandas, float64 + floor to cents", lambda: pandas_float(lines, partners, True)),
        ("pandas, float64, no rounding", lambda: pandas_float(lines, partners, False)),
    ]


def machine() -> List[Tuple[str, str]]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return [("date", _dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")),
            ("platform.processor()", platform.processor() or "(empty)"),
            ("cpu model (/proc/cpuinfo)", model or "(unknown)"),
            ("os.cpu_count()", str(os.cpu_count())),
            ("os", platform.platform()),
            ("python", platform.python_version()),
            ("pandas", pd.__version__), ("numpy", np.__version__), ("interreg", interreg.__version__)]


def table(header: List[str], rows: List[List[str]], align: str) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    fmt = lambda row: "| " + " | ".join(str(x).ljust(w) if a == "l" else str(x).rjust(w)  # noqa: E731
                                        for x, w, a in zip(row, widths, align)) + " |"
    sep = "| " + " | ".join(("-" * w) if a == "l" else ("-" * (w - 1) + ":") for w, a in zip(widths, align)) + " |"
    return "\n".join([fmt(header), sep, *map(fmt, rows)])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="10 partners x 60 lines, 3 repeats")
    ap.add_argument("--partners", type=int, help="number of partners (default 50, quick 10)")
    ap.add_argument("--lines", type=int, help="lines per partner (default 300, quick 60)")
    ap.add_argument("--repeat", type=int, help="timed runs per method (default 9, quick 3)")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--child-rss", type=int, help=argparse.SUPPRESS)  # internal: one memory measurement
    args = ap.parse_args(argv)
    n_partners = args.partners = args.partners or (10 if args.quick else 50)
    n_lines = args.lines = args.lines or (60 if args.quick else 300)
    repeat = args.repeat or (3 if args.quick else 9)

    plist, llist = generate(n_partners, n_lines, args.seed)
    if args.child_rss is not None:
        proposal = build_proposal(plist, llist)
        lines, partners = build_frames(plist, llist)
        print(rss_peak(methods_for(proposal, lines, partners)[args.child_rss][1]))
        return 0
    foreign = sum(line["currency"] != "EUR" for line in llist)
    explicit = sum(line["periods"] is not None for line in llist)
    print(f"# budget_summary benchmark: {n_partners} partners x {n_lines} lines = {len(llist)} lines, "
          f"{MONTHS} months = {PERIODS} periods; {foreign} NOK/SEK lines, {explicit} lines with period amounts, "
          f"{sum(bool(p['flat_rates']) for p in plist)} partners with flat rates; {repeat} timed runs per method\n")

    t = time.perf_counter()
    proposal = build_proposal(plist, llist)
    build_api_ms = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    lines, partners = build_frames(plist, llist)
    build_frames_ms = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    proposal_from_dict = interreg.Proposal.from_dict(proposal.to_dict())
    build_doc_ms = (time.perf_counter() - t) * 1000
    assert proposal_from_dict.to_dict() == proposal.to_dict()

    # Results first, and the checks: the pandas-int result must equal the library's exactly.
    summary = proposal.budget_summary()
    lib = library_arrays(summary)
    exact = pandas_int(lines, partners)
    for name, pick in COMPARED:
        assert np.array_equal(pick(exact), pick(lib)), f"pandas int differs from the library: {name}"
    assert int(exact["costs"][:, -1].sum()) == int(summary.total * 100)
    assert int(exact["fund"].sum()) == int(summary.fund_amount * 100)
    floor_float = to_cents(pandas_float(lines, partners, rounddown=True))
    plain_float = to_cents(pandas_float(lines, partners, rounddown=False))

    methods = methods_for(proposal, lines, partners)
    results = []
    for name, fn in methods:
        fn()  # warm-up
        med, times = median_ms(fn, repeat)
        results.append((name, med, min(times), max(times)))
    mems = [(traced_peak(fn), rss_in_child(i, args)) for i, (_, fn) in enumerate(methods)]

    base = results[0][1]
    rows = [[name, f"{med:.1f}", f"{lo:.1f}-{hi:.1f}", f"{med / base:.2f}x", f"{tm:.1f}",
             "n/a" if rss != rss else f"{rss:.1f}"]
            for (name, med, lo, hi), (tm, rss) in zip(results, mems)]
    print("## Times (median of %d runs) and memory\n" % repeat)
    print(table(["method", "time (ms)", "min-max (ms)", "ratio vs library", "tracemalloc peak (MiB)",
                 "peak RSS increase (MiB)"], rows, "lrrrrr"))
    print()
    print("## Building the input (once)\n")
    print(table(["step", "time (ms)"], [
        ["proposal through the API (add_partner, flat_rates, budget.add x %d)" % len(llist), f"{build_api_ms:.0f}"],
        ["the same proposal from its document (Proposal.from_dict)", f"{build_doc_ms:.0f}"],
        ["pandas DataFrames of lines and partners (pd.DataFrame of dicts)", f"{build_frames_ms:.0f}"],
    ], "lr"))
    print()
    print("## Agreement with the library (cents)\n")
    print("pandas integer cents: identical on every value below (asserted).\n")
    rows = []
    for label, res in [("float64 + floor", floor_float), ("float64, no rounding", plain_float)]:
        for name, size, n, mx, total in off_by(lib, res):
            rows.append([label, name, str(size), str(n), str(mx), str(total)])
    print(table(["variant", "values", "count", "differ", "largest (cents)", "sum (cents)"], rows, "llrrrr"))
    total_lib = int(lib["costs"][:, -1].sum())
    print(f"\nproject total: library {Decimal(total_lib) / 100} EUR; float64 + floor "
          f"{Decimal(int(floor_float['costs'][:, -1].sum()) - total_lib) / 100:+} EUR; float64, no rounding "
          f"{Decimal(int(plain_float['costs'][:, -1].sum()) - total_lib) / 100:+} EUR")
    print()
    print("## Machine\n")
    print(table(["", ""], [[k, v] for k, v in machine()], "ll"))
    print("""
Notes: times are wall-clock medians (time.perf_counter) without tracemalloc running, after one
warm-up call. The library row includes the conversion of the totals to Python (budget_summary()
builds the Decimal views; the lines are converted only when a view asks for them); the validate()
row runs the same C++ summary plus the rules and converts only the findings, so it bounds the
C++ computation alone. tracemalloc (a separate run) sees only memory allocated through Python's
allocators (Python objects, numpy/pandas buffers), never the C++ core's own allocations. Peak
RSS increase is measured in a fresh process per method that builds the same data and calls the
method once: VmHWM after the call minus VmRSS before it (peak reset through
/proc/self/clear_refs); it covers C++ memory too, but counts whole pages and misses memory
the allocator reuses. Both memory figures are single runs: indicative only.""")
    return 0


if __name__ == "__main__":
    sys.exit(main())
