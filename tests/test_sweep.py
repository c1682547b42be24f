"""What-if sweeps: interreg.sweep and Proposal.sweep (docs/sweep.md)."""
from __future__ import annotations

import copy
import io
import itertools
import json
import sys
import threading
from decimal import Decimal

import pandas as pd
import pytest

import interreg
from conftest import run_command
from interreg.money import from_cents

RATES = {"/partners/1/cofinancing/rate": ["60%", "45%", Decimal("0.3")],
         "/partners/0/budget/flat_rates/office_on_staff": [None, "15%"]}


def by_hand(base: interreg.Proposal, changes: dict) -> dict:
    """A variant the plain way: change a copy of the document, read it, validate, summarise."""
    doc = copy.deepcopy(base.to_dict())
    removals = []
    for pointer, value in changes.items():
        *parents, last = pointer.split("/")[1:]
        at = doc
        for token in parents:
            at = at[int(token)] if isinstance(at, list) else at[token]
        if isinstance(at, list):
            if value is None:
                removals.append((at, int(last)))
            elif last == "-":
                at.append(value)
            else:
                at[int(last)] = value
        else:
            at[last] = str(value) if isinstance(value, Decimal) else value
    for at, index in sorted(removals, key=lambda r: -r[1]):
        del at[index]
    p = interreg.Proposal.from_dict(doc)
    s = p.budget_summary().to_dict()
    report = p.validate()
    row = {"total": from_cents(s["costs"]["total"]), "contribution": from_cents(s["contribution"]),
           "errors": len(report.errors), "warnings": len(report.warnings), "ok": report.ok}
    for fund, cents in s["fund_totals"].items():
        row[f"fund:{fund}"] = from_cents(cents)
    for partner in s["partners"]:
        row[f"contribution:{partner['id']}"] = from_cents(partner["contribution"])
        if partner["fund"]:
            key = f"fund:{partner['fund']}:{partner['country']}"
            row[key] = row.get(key, Decimal(0)) + from_cents(partner["fund_amount"])
    return row


def test_each_row_is_that_variant_done_by_hand(good_proposal):
    df = interreg.sweep(good_proposal, RATES)
    combos = list(itertools.product(*RATES.values()))
    assert len(df) == len(combos) == 6
    assert list(df.columns[:2]) == list(RATES)
    for i, combo in enumerate(combos):
        row = df.iloc[i]
        assert list(row[list(RATES)]) == list(combo)
        assert row["error"] is None
        expected = by_hand(good_proposal, dict(zip(RATES, combo)))
        for column, value in expected.items():
            assert row[column] == value, (i, column)
        funds = [c for c in df.columns if c.count(":") == 1 and c.startswith("fund:")]
        assert sum(row[c] for c in funds) + row["contribution"] == row["total"]  # to the cent
        assert isinstance(row["total"], Decimal)


def test_columns_and_their_order(good_proposal):
    df = interreg.sweep(good_proposal, {"/partners/1/cofinancing/rate": ["50%"]})
    cols = list(df.columns)
    assert cols[:4] == ["/partners/1/cofinancing/rate", "error", "budget_error", "total"]
    assert cols[-3:] == ["errors", "warnings", "ok"]
    assert cols.index("fund:erdf") < cols.index("fund:erdf:DK") < cols.index("contribution") < cols.index("contribution:PP1")
    assert df.index.name == "variant"
    assert str(df["errors"].dtype) == "Int64" and df["ok"].dtype == bool


def test_text_the_format_cannot_carry_is_a_refused_variant(good_proposal):
    df = interreg.sweep(good_proposal, {"/partners/0/name": ["A\ud800", "A\x00", "Göteborgs universitet"]})
    assert df["error"].str.startswith("/partners/0/name: ").tolist()[:2] == [True, True]
    assert df.loc[2, "error"] is None


def test_a_refused_variant_is_a_row_not_an_exception(good_proposal):
    df = interreg.sweep(good_proposal, {"/partners/1/cofinancing/rate": ["50%", "lots", 0.4]})
    assert df["error"].isna().tolist() == [True, False, False]
    assert df.loc[1, "error"].startswith("/partners/1/cofinancing/rate: ")
    assert df.loc[1, "total"] is None and pd.isna(df.loc[1, "errors"]) and not df.loc[1, "ok"]
    assert df.loc[0, "total"] == good_proposal.budget_summary().total


def test_a_list_of_variants_removes_and_appends(good_proposal):
    newcomer = {"id": "PP9", "name": "Lunds universitet", "country": "SE", "region": "Skåne",
                "org_type": "university", "role": "partner"}
    variants = [{}, {"/partners/2": None}, {"/partners/-": newcomer}, {"/partners/1/cofinancing/rate": "50%"}]
    df = interreg.sweep(good_proposal, variants)
    assert len(df) == 4
    for i, changes in enumerate(variants):
        expected = by_hand(good_proposal, changes)
        for column in df.columns:
            if column in expected:
                assert df.loc[i, column] == expected[column], (i, column)
    assert df.loc[1, "contribution:PP3"] is None and df.loc[2, "contribution:PP9"] == 0
    # A variant that leaves a pointer alone shows the base's value there.
    assert df.loc[0, "/partners/1/cofinancing/rate"] == good_proposal.to_dict()["partners"][1]["cofinancing"]["rate"]
    assert df.loc[1, "/partners/2"] is None and df.loc[0, "/partners/2"]["id"] == "PP3"


def test_removed_partners_are_named_by_their_place_in_the_base(good_proposal):
    df = interreg.sweep(good_proposal, [{"/partners/1": None, "/partners/2/cofinancing/rate": "40%"}])
    expected = by_hand(good_proposal, {"/partners/1": None, "/partners/2/cofinancing/rate": "40%"})
    assert df.loc[0, "contribution:PP3"] == expected["contribution:PP3"]
    assert "contribution:PP2" not in expected and "contribution:PP2" not in df.columns


def test_money_as_float_for_plots(good_proposal):
    exact = interreg.sweep(good_proposal, RATES)
    floats = interreg.sweep(good_proposal, RATES, money="float")
    assert floats["total"].dtype == "float64"
    assert (floats["total"] == exact["total"].map(float)).all()
    with pytest.raises(interreg.ArgumentError, match="money"):
        interreg.sweep(good_proposal, RATES, money="cents")


def test_from_a_path_and_as_a_method(good_proposal, tmp_path):
    path = tmp_path / "p.json"
    good_proposal.save(path)
    a = interreg.sweep(path, RATES, workers=1)
    b = good_proposal.sweep(RATES, workers=2)
    pd.testing.assert_frame_equal(a, b)


@pytest.mark.parametrize("vary, error, match", [
    ({"/partners/9/name": ["x"]}, interreg.ArgumentError, "/partners/9/name"),
    ({"/nothing/here": ["x"]}, interreg.ArgumentError, "no object or list"),
    ({"partners/0/name": ["x"]}, interreg.ArgumentError, "starts with '/'"),
    ({"": ["x"]}, interreg.ArgumentError, "whole document"),
    ({"/partners/0/name": "x"}, interreg.ArgumentError, "list of values"),
    ({"/partners/0/name": []}, interreg.ArgumentError, "at least one value"),
    ({}, interreg.ArgumentError, "no pointer"),
    ({"/partners/-": [None]}, interreg.ArgumentError, "append"),
    ({"/a": list(range(1001)), "/b": list(range(100))}, interreg.ArgumentError, "100000"),
    ({1: ["x"]}, TypeError, "JSON Pointer"),
    ({"/partners/0/name\ud800": ["x"]}, interreg.ArgumentError, "lone surrogate"),
    ([{"/partners/0/name\ud800": "x"}], interreg.ArgumentError, "lone surrogate"),
    ("/partners/0/name", TypeError, "vary"),
    ([["/partners/0/name", "x"]], TypeError, "variant 0"),
    ({"/partners/0/name": [{1, 2}]}, interreg.FormatError, "set"),
])
def test_bad_arguments_name_what_is_wrong(good_proposal, vary, error, match):
    with pytest.raises(error, match=match):
        interreg.sweep(good_proposal, vary)


@pytest.mark.parametrize("workers", [0, -1, True, 1.5])
def test_workers_must_be_a_positive_int(good_proposal, workers):
    with pytest.raises((interreg.ArgumentError, TypeError)):
        interreg.sweep(good_proposal, RATES, workers=workers)


def test_sweeps_from_several_threads_agree(good_proposal):
    expected = interreg.sweep(good_proposal, RATES, workers=1)
    results = [None] * 4

    def run(i):
        results[i] = interreg.sweep(good_proposal, RATES, workers=2)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    good_proposal.title = "Edited while the sweeps run"  # the sweeps took their own copy first or wait
    for t in threads:
        t.join()
    for frame in results:
        pd.testing.assert_frame_equal(frame.drop(columns=["errors", "warnings", "ok"]),
                                      expected.drop(columns=["errors", "warnings", "ok"]))


# -- the command line ------------------------------------------------------------------------
def test_cli_prints_every_combination(good_proposal, tmp_path):
    path = tmp_path / "talent.json"
    good_proposal.save(path)
    code, out, err = run_command([sys.executable, "-m", "interreg", "sweep", str(path),
                                  "--vary", "/partners/1/cofinancing/rate", "60%", "45%", "lots",
                                  "--vary", "/duration_months", "24", "36", "--format", "csv"])
    assert code == 0, err
    printed = pd.read_csv(io.StringIO(out), dtype=str, keep_default_na=False)
    expected = interreg.sweep(good_proposal, {"/partners/1/cofinancing/rate": ["60%", "45%", "lots"],
                                              "/duration_months": [24, 36]})
    assert len(printed) == 6
    assert list(printed["/duration_months"]) == ["24", "36"] * 3  # typed like the base's value: numbers
    assert [Decimal(t) if t else None for t in printed["total"]] == list(expected["total"])
    assert printed.loc[4, "error"].startswith("/partners/1/cofinancing/rate") and printed.loc[4, "errors"] == ""


def test_cli_json_and_text(good_proposal, tmp_path):
    path = tmp_path / "talent.json"
    good_proposal.save(path)
    code, out, _ = run_command([sys.executable, "-m", "interreg", "sweep", str(path), "--vary",
                                "/partners/2", "null", "--format", "json"])
    assert code == 0
    [row] = json.loads(out)
    assert row["/partners/2"] is None and "contribution:PP3" not in row and Decimal(row["total"]) > 0
    code, out, _ = run_command([sys.executable, "-m", "interreg", "sweep", str(path), "--vary",
                                "/partners/1/cofinancing/rate", "50%", "--workers", "1"])
    assert code == 0 and out.splitlines()[0].split()[:3] == ["variant", "/partners/1/cofinancing/rate", "error"]


@pytest.mark.parametrize("argv, message", [
    (["--vary", "/partners/9/name", "x"], "/partners/9/name"),
    (["--vary", "/partners/1/name"], "at least one value"),
])
def test_cli_refuses_what_no_variant_can_use(good_proposal, tmp_path, argv, message):
    path = tmp_path / "talent.json"
    good_proposal.save(path)
    code, _, err = run_command([sys.executable, "-m", "interreg", "sweep", str(path), *argv])
    assert code == 2 and message in err


def test_cli_unreadable_file(tmp_path):
    code, _, err = run_command([sys.executable, "-m", "interreg", "sweep", str(tmp_path / "missing.json"),
                                "--vary", "/title", "x"])
    assert code == 2 and "missing.json" in err
