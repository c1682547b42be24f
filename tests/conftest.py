"""Shared fixtures of the Python test suite.

- ``programme``: the embedded ÖKS programme (``interreg.load_programme()``; shared, immutable).
- ``good_proposal``: a fresh proposal that validates with zero findings, budget included
  (see :func:`build_good_proposal`).
- ``make_good_proposal``: a factory for more of them (each call builds a new one).
- ``run_python``: run a Python snippet in a child interpreter (``sys.executable``) and get
  ``(returncode, stdout, stderr)``; a crash of the child shows as a negative return code
  (the signal) instead of killing pytest.

Plain functions for tests that build or change a "clean" proposal (import them from
conftest): ``give_small_budget(partner)``, ``clear_budget(partner)``,
``replace_with_small_budgets(proposal)``, ``add_reference_budget(proposal)`` and
``cover_contribution(partner)``. Since the budget rules, a partner without costs gets
budget.partner-empty (WARNING), a proposal without any costs budget.total (ERROR), and a
partner whose contribution no source covers cofinancing.sources (WARNING; an ERROR when the
sources it gives do not add up): a test that changes a budget and judges something else lets
the sources follow with ``cover_contribution``.
"""
from __future__ import annotations

import os
from decimal import Decimal
import subprocess
import sys
from pathlib import Path
from typing import Callable, Optional, Sequence, Tuple

import pytest

import interreg

TESTS = Path(__file__).resolve().parent
GOLDEN = TESTS / "golden"


# 1 EUR = 11.4915 NOK (Norges Bank, 31 January 2025): the rate of the Norwegian partner's NOK line.
NOK_RATE = "11.4915"


def build_good_proposal(programme: "interreg.Programme") -> "interreg.Proposal":
    """The reference proposal: SE lead, DK and NO partners, RSO4.1 in call 2025:1, no findings.
    Each partner gives its organisation number (check digits worked out by hand). The lead, a
    university, has screened its part for State aid (scheme "none"); the others are public
    authorities, which carry out no economic activity by default.

    Its budget (EUR, 36 months, six reporting periods), exact to the cent:

    - PP1 Göteborgs universitet: staff 227,100.00 (two lines), office 15 % and travel 15 % of
      staff as flat rates (34,065.00 each): 295,230.00; ERDF 60 % = 177,138.00; contribution
      118,092.00 from its own funds (88,092.00) and Västra Götalandsregionen (30,000.00).
    - PP2 Aalborg Kommune: staff 147,240.00 + external 55,500.00 = 202,740.00; ERDF 121,644.00;
      own contribution 81,096.00.
    - PP3 Østfold fylkeskommune: staff 104,400.00 + external NOK 420,000.00 (÷ 11.4915 =
      36,548.75) = 140,948.75; Norwegian Interreg funds 50 % = 70,474.37 (the cap of call
      2025:1 is 300,000.00); own contribution 70,474.38.

    Project: 638,918.75; ERDF 298,782.00; Norwegian funds 70,474.37.
    """
    p = interreg.Proposal(
        programme,
        acronym="TALENT",
        specific_objective="RSO4.1",
        call="2025:1",
        geography="whole",
        start="2026-01-01",
        duration_months=36,
        title="Talent across the Öresund-Kattegat-Skagerrak labour market",
        summary="Universities, municipalities and counties match skills shortages with job seekers across the borders.",
    )
    lead = p.add_partner("Göteborgs universitet", country="SE", region="Västra Götaland", org_type="university",
                         legal_status="public", role="lead", organisation_number="202100-1215")
    lead.set_state_aid("none")  # screened: public research and teaching, no State aid
    p.add_partner("Aalborg Kommune", country="DK", region="Region Nordjylland", org_type="local-authority",
                  organisation_number="29189420")
    p.add_partner("Østfold fylkeskommune", country="NO", region="Østfold", org_type="regional-authority",
                  norwegian_project_owner=True, organisation_number="974 544 466")
    return add_reference_work_plan(add_reference_budget(p))


def add_reference_work_plan(p: "interreg.Proposal") -> "interreg.Proposal":
    """The work plan of :func:`build_good_proposal` and of tests/data/valid/talent-rso41.json
    (the C++ tests' baseline has the same plan): two work packages, three activities with
    partners from two countries each, A1.1 → A1.2 → A2.1, two outputs (RCO84 delivered jointly
    by work package 1, RCO87) with their results (RCR104, RCR84 — the usual result of RCO87),
    every cooperation criterion and the three horizontal principles. Partners are given as
    Partner objects and as ids."""
    lead, municipality, county = p.partner("PP1"), p.partner("PP2"), p.partner("PP3")
    wp = p.work_plan
    wp.overall_objective = "A labour market without borders in Öresund-Kattegat-Skagerrak."
    o1 = wp.add_objective("Map the skills employers lack on each side of the border.")
    o2 = wp.add_objective("Match job seekers with employers across the border.")
    w1 = wp.add_work_package("Skills mapping", lead=lead, objective=o1)
    w2 = wp.add_work_package("Matching", lead="PP2", objective=o2)
    a11 = wp.add_activity(w1, "Employer survey", start_period=1, end_period=2, partners=[lead, "PP2"],
                          deliverables=[("Survey report", 2)])
    a12 = wp.add_activity(w1, "Skills map", start_period=3, end_period=4, partners=["PP1", county],
                          deliverables=[("Skills map — “Kattegat” edition", 4)], predecessors=[a11])
    wp.add_activity(w2, "Joint job fairs", start_period=4, end_period=6, partners=(municipality, county),
                    deliverables=[("First fair", 4), ("Last fair", 6)], predecessors=[a12])
    wp.add_output("RCO84", 2, period=6, work_package=w1)
    wp.add_output("RCO87", "3", period=6, work_package=w2)
    wp.add_result("RCR104", 1, period=6)
    wp.add_result("RCR84", Decimal("12.25"), period=6, baseline="0.5")
    wp.set_cooperation(joint_development="The partners wrote the application together.",
                       joint_implementation="Every activity has partners from two countries.")
    wp.set_cooperation(joint_staffing="A shared project coordinator.", joint_financing="Every partner contributes.")
    wp.set_principle("sustainable_development", "neutral")
    wp.set_principle("equal_opportunities", "positive", "Job seekers far from the labour market first.")
    wp.set_principle("gender_equality", "positive", "Fairs in sectors with a gender imbalance.")
    return p


def add_reference_budget(p: "interreg.Proposal") -> "interreg.Proposal":
    """The budget of :func:`build_good_proposal` for partners PP1 (SE lead), PP2 (DK) and PP3
    (NO); also the budget of the documented example tests/data/valid/talent-rso41.json."""
    lead, municipality, county = p.partner("PP1"), p.partner("PP2"), p.partner("PP3")
    lead.budget.add("staff", "Project manager (50 %)", units=36, unit_price="3800.00", unit_type="months")
    lead.budget.add("staff", "Researchers: skills mapping", units=1720, unit_price="52.50", unit_type="hours")
    lead.budget.flat_rates(office_admin="15%", travel="15%")
    lead.cofinancing.add_source("Göteborgs universitet", "88092.00")
    lead.cofinancing.add_source("Västra Götalandsregionen", "30000.00", own=False)

    municipality.budget.add("staff", "Job centre consultants", units=2400, unit_price="61.35", unit_type="hours")
    municipality.budget.add("external", "Joint job fairs: venue and production", units=3, unit_price="18500.00",
                            unit_type="fairs")
    municipality.cofinancing.add_source("Aalborg Kommune", "81096.00")

    p.set_exchange_rate("NOK", NOK_RATE, date="2025-01-31", source="Norges Bank, EUR/NOK, 31 January 2025")
    county.budget.add("staff", "Regional development adviser", units=1800, unit_price="58.00", unit_type="hours")
    county.budget.add("external", "Recognition guide: translation and print", units=1, unit_price="420000.00",
                      unit_type="guide", currency="NOK")
    county.cofinancing.add_source("Østfold fylkeskommune", "70474.38")
    return p


def give_small_budget(partner: "interreg.Partner", amount: str = "10000.00") -> "interreg.Partner":
    """Give `partner` one lump sum line of `amount` euro (so budget.partner-empty stays silent,
    and a small operation's budget.simplified-costs too), its own money for the contribution
    (cofinancing.sources) and, when the reference work plan is there, a part in its job fairs
    (A2.1), so that workplan.partner-involvement stays silent too."""
    partner.budget.add("lump_sum", "Partner's work", units=1, unit_price=amount, unit_type="lump")
    cover_contribution(partner)
    take_part(partner, "A2.1")
    return partner


def cover_contribution(partner: "interreg.Partner") -> "interreg.Partner":
    """Replace `partner`'s contribution sources by its own money for the whole contribution the
    budget now gives it. Associated partners, and budgets that cannot be totalled (a currency
    without a rate), are left alone."""
    if partner.role == "associated":
        return partner
    try:
        totals = partner._proposal.budget_summary()
    except interreg.ArgumentError:
        return partner
    row = next(t for t in totals.partners if t.id == partner.id)
    while partner.cofinancing.sources:
        partner.cofinancing.remove_source(0)
    if row.contribution > 0:
        partner.cofinancing.add_source(partner.name, row.contribution)
    return partner


def take_part(partner: "interreg.Partner", activity: str) -> None:
    """Add `partner` to the work plan's `activity`, if the work plan has it."""
    plan = partner._proposal.work_plan
    for wp in plan.to_dict()["work_packages"]:
        for a in wp["activities"]:
            if a["id"] == activity and partner.id not in a["partners"]:
                plan.update(activity, partners=a["partners"] + [partner.id])


def replace_work_packages(proposal: "interreg.Proposal", *packages) -> "interreg.Proposal":
    """Replace the work plan's work packages (outputs keep no work package): each package is
    (lead, [partner ids of each activity]); every activity runs in periods 1-2."""
    plan = proposal.work_plan
    for wp in plan.to_dict()["work_packages"]:
        plan.remove(wp["number"], cascade=True)
    for lead, activities in packages:
        number = plan.add_work_package(f"Work led by {lead}", lead=lead)
        for members in activities:
            plan.add_activity(number, "Joint work", start_period=1, end_period=2, partners=members)
    return proposal


def shorten_work_plan(proposal: "interreg.Proposal", periods: int) -> "interreg.Proposal":
    """Move every period of the work plan to at most `periods` (for a shorter project, e.g. a
    pre-project of two periods)."""
    plan = proposal.work_plan
    doc = plan.to_dict()
    for wp in doc["work_packages"]:
        for a in wp["activities"]:
            plan.update(a["id"], start_period=min(a["start_period"], periods), end_period=min(a["end_period"], periods),
                        deliverables=[(d["title"], min(d["period"], periods)) for d in a["deliverables"]])
    for o in doc["outputs"]:
        plan.update((o["indicator"], o["work_package"]) if o["work_package"] else o["indicator"],
                    period=min(o["period"], periods))
    for r in doc["results"]:
        plan.update(r["indicator"], period=min(r["period"], periods))
    return proposal


def clear_budget(partner: "interreg.Partner") -> "interreg.Partner":
    """Remove a partner's lines, flat rates and contribution sources."""
    while len(partner.budget):
        partner.budget.remove(0)
    partner.budget.flat_rates()
    while partner.cofinancing.sources:
        partner.cofinancing.remove_source(0)
    return partner


def replace_with_small_budgets(proposal: "interreg.Proposal", amount: str = "10000.00") -> "interreg.Proposal":
    """Every partner that is not associated gets one lump sum line of `amount` and nothing else
    (small enough for the caps of a pre-project), and takes part in the job fairs."""
    for partner in proposal.partners:
        clear_budget(partner)
        if partner.role != "associated":
            give_small_budget(partner, amount)
    return proposal


@pytest.fixture(scope="session")
def programme() -> "interreg.Programme":
    return interreg.load_programme()


@pytest.fixture
def make_good_proposal(programme) -> Callable[[], "interreg.Proposal"]:
    return lambda: build_good_proposal(programme)


@pytest.fixture
def good_proposal(programme) -> "interreg.Proposal":
    return build_good_proposal(programme)


def child_env() -> dict:
    env = dict(os.environ)
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONUTF8"] = "1"
    env.pop("PYTHONSTARTUP", None)
    return env


def run_python_code(code: str, *args: str, stdin: Optional[bytes] = None, timeout: float = 120,
                    cwd: Optional[os.PathLike] = None) -> Tuple[int, str, str]:
    """Run `code` with ``sys.executable -c``; returns (returncode, stdout, stderr) as text."""
    proc = subprocess.run([sys.executable, "-c", code, *args], input=stdin, capture_output=True,
                          timeout=timeout, env=child_env(), cwd=cwd)
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


@pytest.fixture
def run_python() -> Callable[..., Tuple[int, str, str]]:
    return run_python_code


def run_command(argv: Sequence[str], timeout: float = 120, cwd: Optional[os.PathLike] = None) -> Tuple[int, str, str]:
    """Run a command; returns (returncode, stdout, stderr) as text."""
    proc = subprocess.run(list(argv), capture_output=True, timeout=timeout, env=child_env(), cwd=cwd)
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


def apply(change, proposal):
    """Run a scenario's `change` on `proposal`; the proposal it returns, or the one changed in place."""
    result = change(proposal)
    return result if isinstance(result, interreg.Proposal) else proposal


def covering(pid, change):
    """`change`, then the partner's contribution sources follow its budget (so that only the rule
    under test fires, not cofinancing.sources)."""
    def both(p):
        changed = apply(change, p)
        cover_contribution(changed.partner(pid))
        return changed
    return both
