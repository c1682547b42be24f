"""What changed between two versions: interreg.diff, Proposal.diff and ``interreg diff``."""
from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import interreg
from conftest import NOK_RATE, run_command
from interreg.proposal_diff import BUDGET_COLUMNS

CATEGORIES = BUDGET_COLUMNS[:BUDGET_COLUMNS.index("total")]


@pytest.fixture
def before(make_good_proposal):
    return make_good_proposal()


def edited(p: interreg.Proposal) -> interreg.Proposal:
    """`p` with a line added in the middle of PP1, PP2's rate lowered and PP3's NOK rate changed."""
    doc = p.to_dict()
    doc["partners"][0]["budget"]["lines"].insert(1, {
        "category": "staff", "description": "Data analyst", "unit_type": "hours", "units": "100",
        "unit_price": "40.00", "currency": "EUR"})
    doc["partners"][1]["cofinancing"]["rate"] = "50%"
    doc["exchange_rates"]["NOK"]["rate"] = "11.0"
    return interreg.Proposal.from_dict(doc)


def renumbered(p: interreg.Proposal, old: str, new: str) -> interreg.Proposal:
    """The same proposal with partner `old` renamed `new` everywhere in its document."""
    doc = p.to_dict()
    for partner in doc["partners"]:
        if partner["id"] == old:
            partner["id"] = new
    for wp in doc["work_plan"]["work_packages"]:
        wp["lead"] = new if wp["lead"] == old else wp["lead"]
        for a in wp["activities"]:
            a["partners"] = [new if x == old else x for x in a["partners"]]
    return interreg.Proposal.from_dict(doc)


# -- the changes -----------------------------------------------------------------------------
def test_identical_versions(before):
    d = interreg.diff(before, before.copy())
    assert len(d) == 0 and not d and list(d) == []
    assert d.to_frame().empty and list(d.to_frame().columns) == ["path", "kind", "before", "after", "partner", "section"]
    assert d.budget.difference == 0 and d.budget.before == before.budget_summary().total
    assert d.findings.counts() == {"fixed": 0, "introduced": 0, "unchanged": len(before.validate())}
    assert str(d).startswith("identical: no changes")


def test_changes_in_document_order_with_partner_and_section(before):
    d = before.diff(edited(before))
    rows = d.to_frame().to_dict("records")
    assert [(r["path"], r["kind"], r["section"], r["partner"]) for r in rows] == [
        ("/exchange_rates/NOK/rate", "changed", "exchange rates", None),
        ("/partners/0/budget/lines/1", "added", "budget", "PP1 Göteborgs universitet"),
        ("/partners/1/cofinancing/rate", "added", "co-financing", "PP2 Aalborg Kommune"),
    ]
    assert rows[0]["before"] == NOK_RATE and rows[0]["after"] == "11"
    assert rows[1]["before"] is None
    assert json.loads(rows[1]["after"])["description"] == "Data analyst"  # a record as JSON text
    assert d.changes[1].after["units"] == "100"  # the value itself on the Change
    assert len(d) == 3 and bool(d)
    assert d.counts() == {"budget": 1, "co-financing": 1, "exchange rates": 1}


def test_a_proposal_against_itself(before):
    assert not before.diff(before)  # one proposal read twice: no lock is taken twice


@pytest.mark.parametrize("at", [0, 3, 6, 9])
def test_a_line_inserted_anywhere_is_one_addition_there(before, at):
    """Ten lines of which two share a description; a line inserted at `at` is one change."""
    for k in range(8):
        before.partner("PP2").budget.add("external", f"Fair {k % 7}", units=1, unit_price=f"{100 + k}.00")
    doc = before.to_dict()
    lines = doc["partners"][1]["budget"]["lines"]
    assert len(lines) == 10
    lines.insert(at, {**lines[at], "description": "Fair 3", "units": "7"})  # a description that exists already
    d = before.diff(interreg.Proposal.from_dict(doc))
    assert [(c.path, c.kind) for c in d] == [(f"/partners/1/budget/lines/{at}", "added")]


def test_renumbered_partner_is_one_change_of_id(before):
    d = interreg.diff(before, renumbered(before, "PP3", "PP9"))
    assert [(c.path, c.kind, c.before, c.after, c.partner) for c in d] == [
        ("/partners/2/id", "changed", "PP3", "PP9", "PP9 Østfold fylkeskommune")]
    assert d.budget.rows()[2][0] == "PP9" and not any(d.budget.rows()[2][2].values())


def test_partners_renumbered_after_one_leaves(before):
    after = before.copy()
    after.remove_partner("PP2", cascade=True)
    after = renumbered(after, "PP3", "PP2")
    d = before.diff(after)
    assert [(c.path, c.kind, c.partner) for c in d][:2] == [
        ("/partners/1", "removed", "PP2 Aalborg Kommune"),
        ("/partners/1/id", "changed", "PP2 Østfold fylkeskommune")]
    assert all(c.section == "work plan" for c in list(d)[2:])  # Aalborg's places in the work plan
    assert [(pid, name) for pid, name, _ in d.budget.rows()] == [
        ("PP1", "Göteborgs universitet"), ("PP2", "Aalborg Kommune"), ("PP2", "Østfold fylkeskommune"), ("total", "")]
    assert d.budget.rows()[2][2]["total"] == 0


def test_paths_as_inputs_and_the_usual_reader_errors(before, tmp_path):
    a, b = tmp_path / "v1.json", tmp_path / "v2.json"
    before.save(a)
    edited(before).save(b)
    by_path = interreg.diff(str(a), b)
    assert by_path.to_dict() == before.diff(edited(before)).to_dict()
    assert interreg.diff(a, before).budget.difference == 0
    with pytest.raises(interreg.FileError):
        interreg.diff(a, tmp_path / "missing.json")
    doc = before.to_dict()
    doc["partners"][1]["country"] = 7
    (tmp_path / "broken.json").write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(interreg.FormatError, match="/partners/1/country"):
        before.diff(tmp_path / "broken.json")
    with pytest.raises(TypeError, match="Proposal or the path"):
        interreg.diff(before, 42)


# -- the budget ------------------------------------------------------------------------------
def test_budget_differences_reconcile_to_the_cent(before):
    after = edited(before)
    d = before.diff(after)
    b = d.budget
    was, now = before.budget_summary(), after.budget_summary()
    assert b.before == was.total and b.after == now.total
    assert b.difference == now.total - was.total
    frame = b.to_frame()
    assert list(frame.index) == ["PP1 Göteborgs universitet", "PP2 Aalborg Kommune", "PP3 Østfold fylkeskommune",
                                 "total"]
    assert all(isinstance(v, Decimal) for v in frame.to_numpy().ravel())
    partners = frame.drop(index="total")
    for column in BUDGET_COLUMNS:  # the project's row is the sum of the partners'
        assert sum(partners[column], Decimal(0)) == frame.loc["total", column], column
    for label, row in frame.iterrows():  # each row's total is its categories, and fund + contribution
        assert sum((row[c] for c in CATEGORIES), Decimal(0)) == row["total"], label
        assert row["fund_amount"] + row["contribution"] == row["total"], label
    # Each partner's difference is the difference of the two summaries' partner rows.
    for p_was, p_now, (_, _, diff) in zip(was.partners, now.partners, b.rows()):
        assert diff["total"] == p_now.costs["total"] - p_was.costs["total"]
        assert diff["fund_amount"] == p_now.fund_amount - p_was.fund_amount
    assert frame.loc["PP1 Göteborgs universitet", "staff"] == Decimal("4000.00")
    assert frame.loc["PP2 Aalborg Kommune", "total"] == 0  # only its rate changed
    assert frame.loc["PP2 Aalborg Kommune", "fund_amount"] < 0
    before_frame, after_frame = b.to_frame("before"), b.to_frame("after")
    assert ((after_frame - before_frame) == frame).all().all()
    assert before_frame.loc["total", "total"] == was.total and after_frame.loc["total", "total"] == now.total
    with pytest.raises(interreg.ArgumentError, match="before, after, difference"):
        b.to_frame("delta")


def test_budget_that_cannot_be_summarised_is_said(before):
    doc = before.to_dict()
    del doc["exchange_rates"]  # PP3's NOK line has no rate now
    after = interreg.Proposal.from_dict(doc)
    d = before.diff(after)
    assert not d.budget.available
    assert list(d.budget.errors) == ["after"] and "NOK" in d.budget.errors["after"]
    assert d.budget.to_frame().empty and list(d.budget.to_frame().columns) == list(BUDGET_COLUMNS)
    for unavailable in (lambda: d.budget.difference, lambda: d.budget.rows()):
        with pytest.raises(interreg.ArgumentError, match="cannot be compared"):
            unavailable()
    assert "cannot be compared" in str(d) and "budget not comparable" in repr(d)
    assert "budgets not comparable" in d._repr_html_() and "The budgets cannot be compared: after: " in d._repr_html_()
    assert d.to_dict()["budget"]["available"] is False
    assert [(c.path, c.kind) for c in d] == [("/exchange_rates/NOK", "removed")]


def test_removed_partner_keeps_its_row(before):
    after = before.copy()
    after.remove_partner("PP2", cascade=True)
    b = before.diff(after).budget
    row = next(values for pid, _, values in b.rows() if pid == "PP2")
    assert row["total"] == -before.budget_summary().partners[1].costs["total"]
    assert b.difference == after.budget_summary().total - before.budget_summary().total


# -- the findings ----------------------------------------------------------------------------
def test_findings_fixed_introduced_and_unchanged(before):
    was = before.copy()
    was.partner("PP2").region = "Syddanmark"      # WARNING partner.outside-area, fixed in `now`
    was.partner("PP3").org_type = "guild"         # ERROR partner.org-type, still there
    now = renumbered(before, "PP1", "PP0")        # the finding's path is the same place
    now.partner("PP3").org_type = "guild"
    now.partner("PP0").region = "Skåne"           # a region change that makes no finding
    now.partner("PP2").role = "associated"        # introduces findings
    f = was.diff(now).findings
    assert [(x.rule, x.path) for x in f.fixed] == [("partner.outside-area", "/partners/1/region")]
    assert ("partner.org-type", "/partners/2/org_type") in [(x.rule, x.path) for x in f.unchanged]
    assert f.introduced and all(x.path != "/partners/2/org_type" for x in f.introduced)
    frame = f.to_frame()
    assert set(frame["status"]) == {"fixed", "introduced", "unchanged"} and len(frame) == sum(f.counts().values())


# -- displays --------------------------------------------------------------------------------
HOSTILE = "<script>alert(1)</script>\u2028forged: line \u202e"  # a line separator and a bidi override


def test_hostile_names_are_escaped_in_html_and_text(before):
    after = before.copy()
    after.partner("PP2").name = HOSTILE
    d = before.diff(after)
    html = d._repr_html_()
    assert "<script" not in html and "&lt;script&gt;" in html
    from interreg.cli import _printable

    text = d.text(_printable)
    assert "\u2028" not in text and "\u202e" not in text and "\\u2028forged: line" in text
    assert not any(line.startswith("forged") for line in text.splitlines())


def test_html_lists_at_most_200_changes(before):
    after = before.copy()
    for k in range(205):
        after.partner("PP2").budget.add("external", f"Item {k}", units=1, unit_price="1.00")
    html = before.diff(after)._repr_html_()
    assert html.count("<code>/partners/1/budget/lines/") == 200
    assert "… and 5 more changes" in html


# -- the command line ------------------------------------------------------------------------
def cli(*args):
    return run_command([sys.executable, "-m", "interreg", "diff", *map(str, args)])


@pytest.fixture
def versions(before, tmp_path):
    a, b, c = tmp_path / "a.json", tmp_path / "b.json", tmp_path / "copy.json"
    before.save(a)
    edited(before).save(b)
    before.save(c)
    return a, b, c


def test_cli_exit_codes(versions, tmp_path):
    a, b, c = versions
    rc, out, err = cli(a, c)
    assert rc == 0 and "identical: no changes" in out and err == ""
    rc, out, err = cli(a, b)
    assert rc == 1 and err == ""
    assert out.splitlines()[0] == f"{a} → {b}: 3 changes (budget 1, co-financing 1, exchange rates 1)"
    assert "  added    /partners/0/budget/lines/1 (PP1 Göteborgs universitet)" in out
    assert "Budget (EUR): total" in out
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    for args in [(a, tmp_path / "missing.json"), (broken, a)]:
        rc, out, err = cli(*args)
        assert rc == 2 and out == "" and "Traceback" not in err
        assert err.startswith("interreg diff: ") and str(args[0] if args[0] == broken else args[1]) in err


def test_cli_json(versions, before):
    a, b, _ = versions
    rc, out, _ = cli(a, b, "--format", "json")
    assert rc == 1
    doc = json.loads(out)
    assert doc["before"] == str(a) and doc["after"] == str(b) and doc["identical"] is False
    assert doc["changes"][1] == {"path": "/partners/0/budget/lines/1", "kind": "added", "section": "budget",
                                 "partner": {"id": "PP1", "name": "Göteborgs universitet"}, "before": None,
                                 "after": doc["changes"][1]["after"]}
    assert doc["changes"][0]["partner"] is None
    total = doc["budget"]["total"]
    assert Decimal(total["after"]["total"]) - Decimal(total["before"]["total"]) == Decimal(total["difference"]["total"])
    assert Decimal(total["before"]["total"]) == before.budget_summary().total
    assert doc["budget"]["columns"] == list(BUDGET_COLUMNS)
    assert set(doc["findings"]) == {"fixed", "introduced", "unchanged"}
    rc, out, _ = cli(a, a, "--format", "json")
    assert rc == 0 and json.loads(out)["identical"] is True


def test_cli_escapes_what_comes_from_files(before, tmp_path):
    after = before.copy()
    after.partner("PP2").name = HOSTILE
    a, b = tmp_path / "a.json", tmp_path / "forged\nb\x1b[8m.json"
    before.save(a)
    after.save(b)
    rc, out, err = cli(a, b)
    assert rc == 1, err
    assert "\x1b" not in out and "\u2028" not in out and "\u202e" not in out
    assert "<script>alert(1)</script>\\u2028forged: line \\u202e" in out
    assert not any(line.startswith("forged") for line in out.splitlines())
    assert "forged\\nb\\x1b[8m.json" in out.splitlines()[0]
