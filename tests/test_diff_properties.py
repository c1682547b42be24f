"""Property tests of the diff: whatever two versions hypothesis makes of the reference proposal
(budget lines inserted, removed and changed, rates, exchange rates, partners removed,
renamed, renumbered, work-plan items removed), every change points at its value in the
document it names, and the budget's differences are exactly the differences of the two
summaries, reconciling to the cent. ``derandomize=True`` keeps CI reproducible.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Dict

from hypothesis import HealthCheck, given, settings, strategies as st

import interreg
from conftest import build_good_proposal
from interreg.proposal_diff import BUDGET_COLUMNS

PROGRAMME = interreg.load_programme()
BASE = build_good_proposal(PROGRAMME).to_dict()
CATEGORIES = BUDGET_COLUMNS[:BUDGET_COLUMNS.index("total")]


def pointer(doc: Any, path: str) -> Any:
    """The value at a JSON Pointer (RFC 6901)."""
    for token in path.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        doc = doc[int(token)] if isinstance(doc, list) else doc[token]
    return doc


@st.composite
def edits(draw) -> Dict[str, Any]:
    """A copy of the reference document with a few random edits."""
    import copy

    doc = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(min_value=0, max_value=6))):
        partners = doc["partners"]
        if not partners:
            break
        p = draw(st.sampled_from(partners))
        lines = p["budget"]["lines"]
        what = draw(st.sampled_from(["insert", "remove", "units", "describe", "rate", "exchange", "leave", "rename",
                                     "renumber", "drop-activity"]))
        if what == "insert" and lines:
            at = draw(st.integers(min_value=0, max_value=len(lines)))
            template = lines[min(at, len(lines) - 1)]
            lines.insert(at, {**template, "description": draw(st.sampled_from(["New", "Extra", template["description"]])),
                              "units": str(draw(st.integers(min_value=1, max_value=500)))})
        elif what == "remove" and lines:
            lines.pop(draw(st.integers(min_value=0, max_value=len(lines) - 1)))
        elif what == "units" and lines:
            draw(st.sampled_from(lines))["units"] = str(draw(st.integers(min_value=1, max_value=5000)))
        elif what == "describe" and lines:
            draw(st.sampled_from(lines))["description"] += " (revised)"
        elif what == "rate":
            p["cofinancing"]["rate"] = draw(st.sampled_from([None, "40%", "45.5%", "50%"]))
        elif what == "exchange":
            doc["exchange_rates"]["NOK"]["rate"] = draw(st.sampled_from(["11.0", "11.4915", "12.25"]))
        elif what == "leave" and len(partners) > 1:
            partners.remove(p)
            for wp in doc["work_plan"]["work_packages"]:
                wp["lead"] = None if wp["lead"] == p["id"] else wp["lead"]
                for a in wp["activities"]:
                    a["partners"] = [x for x in a["partners"] if x != p["id"]]
        elif what == "rename":
            p["name"] += " Nord"
        elif what == "renumber":
            old, new = p["id"], f"PP{draw(st.integers(min_value=4, max_value=9))}"
            if all(x["id"] != new for x in partners):
                p["id"] = new
                for wp in doc["work_plan"]["work_packages"]:
                    wp["lead"] = new if wp["lead"] == old else wp["lead"]
                    for a in wp["activities"]:
                        a["partners"] = [new if x == old else x for x in a["partners"]]
        elif what == "drop-activity":
            wp = draw(st.sampled_from(doc["work_plan"]["work_packages"]))
            if wp["activities"]:
                wp["activities"].pop(0)
    return doc


examples = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@examples
@given(edits(), edits())
def test_changes_point_at_their_values_and_budgets_reconcile(a_doc, b_doc):
    a, b = interreg.Proposal.from_dict(a_doc), interreg.Proposal.from_dict(b_doc)
    before, after = a.to_dict(), b.to_dict()
    d = a.diff(b)
    assert bool(d) == (before != after)
    for c in d:
        assert c.kind in ("added", "removed", "changed")
        if c.kind == "removed":
            assert pointer(before, c.path) == c.before and c.after is None
        else:
            assert pointer(after, c.path) == c.after
            assert (c.before is None) == (c.kind == "added")
        if c.partner_id:
            assert c.path.startswith("/partners/")

    was, now = a.budget_summary(), b.budget_summary()
    budget = d.budget
    assert budget.before == was.total and budget.after == now.total
    assert budget.difference == now.total - was.total
    rows = budget.rows()
    for column in BUDGET_COLUMNS:
        assert sum((r[2][column] for r in rows[:-1]), Decimal(0)) == rows[-1][2][column]
    for _, _, values in rows:
        assert sum((values[c] for c in CATEGORIES), Decimal(0)) == values["total"]
        assert values["fund_amount"] + values["contribution"] == values["total"]
    # Each partner's row is its own two summaries' difference (zero where it is absent).
    costs_was = {p.id: p.costs["total"] for p in was.partners}
    costs_now = {p.id: p.costs["total"] for p in now.partners}
    matched_ids = {pid for pid, _, _ in rows[:-1]}
    assert set(costs_now) <= matched_ids
    assert sum(costs_now.values(), Decimal(0)) - sum(costs_was.values(), Decimal(0)) == rows[-1][2]["total"]

    reverse = b.diff(a)
    assert reverse.budget.difference == -budget.difference
    assert bool(reverse) == bool(d)
