"""A proposal with a full work plan, for the timeline and narrative draft tests.

It is the reference proposal of conftest.build_good_proposal (its budget: 638,918.75 EUR)
with titles and summaries in English and Swedish and, instead of its work plan, this one (six
reporting periods):

    WP1 Skills mapping (lead PP1, objective O1)
      A1.1 Skills map          periods 3-4, PP1 + PP3, after A1.2; deliverable D1.1.1 in period 4
      A1.2 Employer survey     periods 1-2, PP1 + PP2;             deliverable D1.2.1 in period 2
    WP2 Matching (lead PP2, objective O2)
      A2.1 Joint job fairs     periods 3-6, PP2 + PP3, after A1.1; "Last fair" (6) listed before "First fair" (3)
      A2.2 Recognition guide   periods 2-5, PP3 + PP1;             deliverable D2.2.1 in period 5
    WP3 Management (lead PP1, no objective)
      A3.1 Project management  periods 1-6, PP1 + PP2 + PP3

In timeline order A1.2 comes before A1.1 (it is its predecessor). Outputs RCO84 (WP1, target
2) and RCO87 (WP2, target 3); results RCR104 (0 → 1) and RCR84 (0.5 → 12.25). Joint
financing and the gender-equality principle are left unwritten.
"""
from __future__ import annotations

from decimal import Decimal

import interreg
from conftest import build_good_proposal

TITLE_EN = "Talent across the Öresund-Kattegat-Skagerrak labour market"
TITLE_SV = "Talang över arbetsmarknaden i Öresund-Kattegat-Skagerrak"
SUMMARY_SV = "Universitet, kommuner och fylkeskommuner matchar kompetensbrist med arbetssökande över gränserna."
RELEVANCE_EN = "Employers on each side of the border lack staff that job seekers on the other side could offer."
RELEVANCE_DA = "Arbejdsgivere på hver side af grænsen mangler medarbejdere, som jobsøgende på den anden side har."
CROSS_BORDER_VALUE = "One labour market instead of three: no partner can match job seekers across a border alone."

# The budget of conftest.build_good_proposal, exact to the cent.
TOTALS = {"PP1": Decimal("295230.00"), "PP2": Decimal("202740.00"), "PP3": Decimal("140948.75")}
FUND_AMOUNTS = {"PP1": Decimal("177138.00"), "PP2": Decimal("121644.00"), "PP3": Decimal("70474.37")}
TOTAL = Decimal("638918.75")
ERDF, NORWEGIAN = Decimal("298782.00"), Decimal("70474.37")
CONTRIBUTION = Decimal("269662.38")

TIMELINE_IDS = ["WP1", "A1.2", "D1.2.1", "A1.1", "D1.1.1",
                "WP2", "A2.1", "D2.1.2", "D2.1.1", "A2.2", "D2.2.1",
                "WP3", "A3.1"]


def add_full_work_plan(p: interreg.Proposal) -> interreg.Proposal:
    """Give `p` (partners PP1, PP2, PP3) the work plan described above."""
    wp = p.work_plan
    wp.overall_objective = "A labour market without borders in Öresund-Kattegat-Skagerrak."
    o1 = wp.add_objective("Map the skills employers lack on each side of the border.")
    o2 = wp.add_objective("Match job seekers with employers across the border.")
    w1 = wp.add_work_package("Skills mapping", lead="PP1", objective=o1)
    w2 = wp.add_work_package("Matching", lead="PP2", objective=o2)
    w3 = wp.add_work_package("Management", lead="PP1")
    wp.add_activity(w1, "Skills map", start_period=3, end_period=4, partners=["PP1", "PP3"],
                    deliverables=[("Skills map", 4)], predecessors=["A1.2"], id="A1.1")
    wp.add_activity(w1, "Employer survey", start_period=1, end_period=2, partners=["PP1", "PP2"],
                    deliverables=[("Survey report", 2)], id="A1.2")
    wp.add_activity(w2, "Joint job fairs", start_period=3, end_period=6, partners=["PP2", "PP3"],
                    deliverables=[("Last fair", 6), ("First fair", 3)], predecessors=["A1.1"])
    wp.add_activity(w2, "Recognition guide", start_period=2, end_period=5, partners=["PP3", "PP1"],
                    deliverables=[("Recognition guide", 5)])
    wp.add_activity(w3, "Project management", start_period=1, end_period=6, partners=["PP1", "PP2", "PP3"])
    wp.add_output("RCO84", 2, period=6, work_package=w1)
    wp.add_output("RCO87", "3", period=6, work_package=w2)
    wp.add_result("RCR104", 1, period=6)
    wp.add_result("RCR84", Decimal("12.25"), period=6, baseline="0.5")
    wp.set_cooperation(joint_development="The partners wrote the application together.",
                       joint_implementation="Every activity has partners from two countries.",
                       joint_staffing="A shared project coordinator.")
    wp.set_principle("sustainable_development", "neutral")
    wp.set_principle("equal_opportunities", "positive", "Job seekers far from the labour market first.")
    return p


def build_planned_proposal(programme: interreg.Programme) -> interreg.Proposal:
    """The reference proposal with two-language texts and the full work plan."""
    doc = build_good_proposal(programme).to_dict()
    del doc["work_plan"]  # replaced by the fuller plan above
    p = interreg.Proposal.from_dict(doc, programme)
    p.title = {"sv": TITLE_SV, "en": TITLE_EN}  # given Swedish first: the draft shows English first
    p.summary = {"en": p.summary["en"], "sv": SUMMARY_SV}
    p.relevance = {"da": RELEVANCE_DA, "en": RELEVANCE_EN}
    p.cross_border_value = CROSS_BORDER_VALUE  # English only; the other sections are not written yet
    return add_full_work_plan(p)
