"""Validation: every rule fires through the Python API, and the Report API."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

import interreg
from conftest import (apply, clear_budget, cover_contribution, covering, give_small_budget, replace_with_small_budgets,
                      replace_work_packages, shorten_work_plan, take_part)

EMBEDDED_JSON = Path(interreg.__file__).resolve().parent / "data" / "programmes" / "oks-2021-2027.json"
ASSUMED_NOTE = "marked as assumed"


# -- the mutations that make the good proposal break one rule -------------------------------------

def remove_partners(*ids):
    def change(p):
        for i in ids:
            p.remove_partner(i, cascade=True)  # and out of the work plan
    return change


def set_partner(pid, **fields):
    def change(p):
        for k, v in fields.items():
            setattr(p.partner(pid), k, v)
    return change


def set_fields(**fields):
    def change(p):
        for k, v in fields.items():
            setattr(p, k, v)
    return change


def add_partner(name, **kwargs):
    """Add a partner; one that is not associated gets a small budget (else budget.partner-empty)
    and has screened its activities: no State aid (else stateaid.screening for some types)."""
    def change(p):
        partner = p.add_partner(name, **kwargs)
        if kwargs.get("role") != "associated":
            give_small_budget(partner)
            partner.set_state_aid("none")
    return change


def add_partner_with_budget(name, **kwargs):
    return lambda p: give_small_budget(p.add_partner(name, **kwargs))


def small_budgets(p):
    replace_with_small_budgets(p)


def clear_budgets(*ids):
    def change(p):
        for i in ids:
            clear_budget(p.partner(i))
    return change


def add_line(pid, category, description, **kwargs):
    return covering(pid, lambda p: p.partner(pid).budget.add(category, description, **kwargs))


def set_periods(pid, index, periods):
    return lambda p: p.partner(pid).budget.set_periods(index, periods)


def set_cofinancing(pid, **fields):
    def change(p):
        for k, v in fields.items():
            setattr(p.partner(pid).cofinancing, k, v)
    return covering(pid, change)


def add_source(pid, name, amount, **kwargs):
    return lambda p: p.partner(pid).cofinancing.add_source(name, amount, **kwargs)


def remove_sources(pid):
    def change(p):
        while p.partner(pid).cofinancing.sources:
            p.partner(pid).cofinancing.remove_source(0)
    return change


def flat_rates(pid, **rates):
    return covering(pid, lambda p: p.partner(pid).budget.flat_rates(**rates))


def remove_exchange_rate(currency):
    return lambda p: p.remove_exchange_rate(currency)


def set_exchange_rate(currency, rate, date="2025-01-31"):
    return lambda p: p.set_exchange_rate(currency, rate, date=date, source="Riksbanken")


def via_partner_document(index, change_partner):
    """Change a partner's document (budget combinations the API refuses; validation judges them)."""
    def change(p):
        doc = p.to_dict()
        change_partner(doc["partners"][index])
        return interreg.Proposal.from_dict(doc, p.programme)
    return covering(f"PP{index + 1}", change)


def both_office_rates(partner):
    partner["budget"]["flat_rates"]["office_on_direct"] = "7%"


def travel_line_under_travel_rate(partner):
    partner["budget"]["lines"].append({"category": "travel", "description": "Study trip", "units": "1",
                                       "unit_price": "900.00"})


def chain(*changes):
    def change(p):
        for c in changes:
            c(p)
    return change


def as_pre_project(**fields):
    """A pre-project of 12 months (two periods), its work plan moved into them."""
    def change(p):
        set_fields(kind="pre-project", duration_months=12, **fields)(p)
        shorten_work_plan(p, 2)
    return change


def via_work_plan(edit):
    """Change the work plan's document (values validation judges)."""
    def change(p):
        doc = p.to_dict()
        edit(doc["work_plan"])
        return interreg.Proposal.from_dict(doc, p.programme)
    return change


def activity(plan, wp, index):
    return plan["work_packages"][wp]["activities"][index]


def swedish_pilots(plan):
    """A third work package, Swedish only, that delivers jointly developed solutions (RCO116)."""
    plan["work_packages"].append({"number": 3, "title": "Pilots in Göteborg", "lead": "PP1", "objective": None,
                                  "activities": [{"id": "A3.1", "title": "Pilot", "start_period": 1, "end_period": 2,
                                                  "partners": ["PP1"], "deliverables": [], "predecessors": []}]})
    plan["outputs"].append({"indicator": "RCO116", "target": "1", "period": 2, "work_package": 3})


def via_document(**fields):
    """Change fields the API refuses but a document can hold (validation judges them)."""
    def change(p):
        doc = p.to_dict()
        doc.update(fields)
        return interreg.Proposal.from_dict(doc, p.programme)
    return change


def add_budgeted_partner(name, country, region, org_type, number, state_aid="none"):
    """Add a partner with a small budget and organisation `number` that has screened its
    activities (`state_aid`: its scheme)."""
    def change(p):
        partner = give_small_budget(p.add_partner(name, country=country, region=region, org_type=org_type,
                                                  organisation_number=number))
        partner.set_state_aid(state_aid)
    return change


def work_packages(*packages):
    return lambda p: replace_work_packages(p, *packages)


def danish_aps(scheme=None, previous=None):
    """The issue's company: a Danish ApS with 418,000.00 of costs (250,000.00 equipment), so
    250,800.00 of ERDF, in the job fairs; with a State-aid scheme when given."""
    def change(p):
        company = p.add_partner("Nordic Drones ApS", country="DK", region="Nordjylland", org_type="company",
                                organisation_number="41122331")
        company.budget.add("equipment", "Test drones and sensors", units=1, unit_price="250000.00")
        company.budget.add("staff", "Engineers", units=24, unit_price="7000.00", unit_type="months")
        take_part(company, "A2.1")
        cover_contribution(company)
        if scheme:
            company.set_state_aid(scheme, previous)
    return change


# (case id, change, rule, severity, path, only this rule fires, substrings of the message)
# Cases whose finding cites the programme fact it rests on rather than the rule's source.
_OKS = interreg.load_programme()
_SCHEMES = {c.code: c.organisation_number_source.text() for c in _OKS.countries}
FACT_SOURCES = {"norwegian-cap": _OKS.call("2025:1").caps_source.text(),
                "objective-closed-assumed-call": _OKS.call("2024:1").source.text(),
                "organisation-number-wrong-check-digit": _SCHEMES["SE"],
                "organisation-number-cvr-too-short": _SCHEMES["DK"],
                "organisation-number-norwegian-check-digit": _SCHEMES["NO"]}

CASES = [
    ("min-partners-one-partner", remove_partners("PP2", "PP3"), "partnership.min-partners", "ERROR", "/partners",
     False, ["1 partner", "at least 2"]),
    ("min-partners-associated-do-not-count", chain(set_partner("PP2", role="associated"), set_partner("PP3", role="associated")),
     "partnership.min-partners", "ERROR", "/partners", False, ["at least 2"]),
    ("min-countries", chain(remove_partners("PP3"), set_partner("PP2", country="SE", region="Skåne")),
     "partnership.min-countries", "ERROR", "/partners", False, ["1 programme country", "DK", "NO"]),
    ("lead-partner-none", set_partner("PP1", role="partner"), "partnership.lead-partner", "ERROR", "/partners", True,
     ["lead"]),
    ("lead-partner-two", set_partner("PP2", role="lead"), "partnership.lead-partner", "ERROR", "/partners/1/role", True,
     ["Aalborg Kommune", "Göteborgs universitet"]),
    ("lead-country-norway", chain(set_partner("PP1", role="partner"), set_partner("PP3", role="lead")),
     "partnership.lead-country", "WARNING", "/partners/2/country", True, ["Østfold fylkeskommune", ASSUMED_NOTE]),
    ("norwegian-owner-missing", set_partner("PP3", norwegian_project_owner=False), "partnership.norwegian-owner",
     "ERROR", "/partners", True, ["norwegian_project_owner"]),
    ("norwegian-owner-in-sweden", set_partner("PP1", norwegian_project_owner=True), "partnership.norwegian-owner",
     "ERROR", "/partners/0/norwegian_project_owner", True, ["Göteborgs universitet"]),
    ("norwegian-owner-two", add_partner("Akershus fylkeskommune", country="NO", region="Akershus",
                                        org_type="regional-authority", norwegian_project_owner=True,
                                        organisation_number="930580783"),
     "partnership.norwegian-owner", "ERROR", "/partners/3/norwegian_project_owner", True, ["Akershus fylkeskommune"]),
    ("duplicate", add_partner("AALBORG KOMMUNE", country="DK", region="Nordjylland", org_type="local-authority",
                              organisation_number="DK 29 18 94 20"),
     "partnership.duplicate", "WARNING", "/partners/3/organisation_number", True,
     ["PP2", "PP4", "same organisation number", "DK 29 18 94 20"]),
    # The case: one organisation under two names, its number written two ways.
    ("duplicate-number-other-name",
     chain(add_partner("Västra Götalandsregionen", country="SE", region="Västra Götaland", org_type="regional-authority",
                       organisation_number="212000-1355"),
           add_partner("Region Västra Götaland", country="SE", region="Västra Götaland", org_type="regional-authority",
                       organisation_number="2120001355")),
     "partnership.duplicate", "WARNING", "/partners/4/organisation_number", True,
     ["Region Västra Götaland (PP5)", "Västra Götalandsregionen (PP4)", "2120001355", "one organisation"]),
    ("region-missing", set_partner("PP2", region=None), "partner.region", "ERROR", "/partners/1/region", True,
     ["Aalborg Kommune"]),
    ("region-unknown", set_partner("PP2", region="Atlantis"), "partner.region", "ERROR", "/partners/1/region", True,
     ["Atlantis", "Nearest"]),
    ("region-other-country", set_partner("PP2", region="Skåne"), "partner.region", "ERROR", "/partners/1/region", True,
     ["SE224", "DK"]),
    ("outside-area", set_partner("PP2", region="Syddanmark"), "partner.outside-area", "WARNING",
     "/partners/1/region", True, ["outside the programme area", "DK03"]),
    ("outside-area-foreign", add_partner("Technische Universität München", country="DE", region="Bayern",
                                         org_type="university"),
     "partner.outside-area", "WARNING", "/partners/3/region", True, ["Bayern"]),
    ("region-renamed", set_partner("PP3", region="Viken"), "partner.region-renamed", "WARNING", "/partners/2/region",
     True, ["2024-01-01", "NO-31"]),
    ("org-type-missing", set_partner("PP2", org_type=None, economic_activity=False), "partner.org-type", "WARNING", "/partners/1/org_type",
     True, ["local-authority"]),
    ("org-type-unknown", set_partner("PP2", org_type="municipal", economic_activity=False), "partner.org-type", "ERROR",
     "/partners/1/org_type", True, ["municipal", "cannot be judged"]),
    ("eligible-type", add_partner("Anna Andersson Konsult", country="SE", region="Halland", org_type="sole-trader",
                                  organisation_number="802012-3454"),
     "partner.eligible-type", "ERROR", "/partners/3/org_type", True, ["Sole trader"]),
    ("organisation-number-wrong-check-digit", set_partner("PP1", organisation_number="202100-1216"),
     "partner.organisation-number", "ERROR", "/partners/0/organisation_number", True,
     ["Göteborgs universitet", "'202100-1216'", "wrong check digit", "10 digits, written NNNNNN-NNNN"]),
    ("organisation-number-cvr-too-short", set_partner("PP2", organisation_number="2918942"),
     "partner.organisation-number", "ERROR", "/partners/1/organisation_number", True,
     ["'2918942' has 7 digits", "Danish CVR number has 8 digits", "valid one is 8 digits", "datacvr.virk.dk"]),
    ("organisation-number-norwegian-check-digit", set_partner("PP3", organisation_number="974 544 467"),
     "partner.organisation-number", "ERROR", "/partners/2/organisation_number", True,
     ["wrong check digit", "Norwegian organisasjonsnummer", "9 digits, written NNN NNN NNN", "Brønnøysundregistrene"]),
    ("organisation-number-missing", set_partner("PP2", organisation_number=None),
     "partner.organisation-number", "INFO", "/partners/1/organisation_number", True,
     ["Aalborg Kommune has no organisation number yet", "Danish CVR number (8 digits"]),
    ("objective-unknown", set_fields(specific_objective="RSO9.9"), "project.objective", "ERROR",
     "/specific_objective", True, ["RSO9.9", "RSO4.1"]),
    ("objective-missing", set_fields(specific_objective=""), "project.objective", "ERROR", "/specific_objective",
     True, ["RSO1.1"]),
    ("geography-partner-outside", set_fields(geography="oresund"), "project.geography", "WARNING", "/partners/0/region",
     True, ["oresund", "Art. 22"]),
    ("geography-unknown", via_document(geography="mars"), "project.geography", "ERROR", "/geography", True,
     ["mars", "whole"]),
    ("duration-too-long", set_fields(duration_months=48), "project.duration", "ERROR", "/duration_months", True,
     ["48", "36"]),
    ("period-after-2029", set_fields(start="2027-06-01"), "project.period", "ERROR", "/duration_months", True,
     ["2030-05-31", "2029-12-31"]),
    ("period-before-2021", set_fields(start="2020-01-01"), "project.period", "ERROR", "/start", False,
     ["2020-01-01", "2021-01-01"]),
    ("period-start-before-the-call-closes", set_fields(start="2025-02-01"), "project.period", "WARNING", "/start",
     True, ["2025-02-01", "call 2025:1 closes on 2025-02-14", "not eligible (programme manual ch. 4)"]),
    ("duration-missing", set_fields(duration_months=None), "project.duration", "ERROR", "/duration_months", True,
     ["36"]),
    ("kind-unknown", via_document(kind="mega"), "project.duration", "ERROR", "/kind", False, ["mega"]),
    ("acronym-blank", set_fields(acronym="  "), "project.texts", "ERROR", "/acronym", True, ["acronym"]),
    ("title-missing", set_fields(title=None), "project.texts", "ERROR", "/title", True, ["100"]),
    ("title-too-long", set_fields(title={"en": "T" * 101}), "project.texts", "ERROR", "/title/en", True, ["101"]),
    ("summary-too-long", set_fields(summary={"sv": "å" * 4001}), "project.texts", "ERROR", "/summary/sv", True,
     ["4001", "4000"]),
    ("call-unknown", set_fields(call="2099:1"), "call.known", "ERROR", "/call", True, ["2099:1", "2025:1"]),
    ("call-missing", set_fields(call=None), "call.known", "ERROR", "/call", True, ["2025:1"]),
    ("call-wrong-kind", chain(as_pre_project(), small_budgets), "call.known",
     "ERROR", "/call", True, ["pre-project"]),
    ("objective-closed", set_fields(specific_objective="RSO1.1"), "call.objective-open", "ERROR",
     "/specific_objective", True, ["RSO1.1", "2025:1"]),
    ("objective-closed-assumed-call", set_fields(specific_objective="RSO1.1", call="2024:1"), "call.objective-open",
     "WARNING", "/specific_objective", True, ["RSO1.1", "2024:1", ASSUMED_NOTE]),
    # -- budget: lines, currencies, periods, flat rates (PP3 has lines 0 and 1; a change to a budget lets
    #    its partner's contribution sources follow, so that cofinancing.sources stays out of it) --
    ("line-blank-description", add_line("PP3", "travel", "  ", units=4, unit_price="350.00"), "budget.line", "ERROR",
     "/partners/2/budget/lines/2/description", True, ["Østfold fylkeskommune", "line 2", "no description"]),
    ("line-zero-units", add_line("PP3", "travel", "Study trips", units=0, unit_price="350.00"), "budget.line", "ERROR",
     "/partners/2/budget/lines/2/units", True, ["Study trips", "0 units"]),
    ("line-negative-price", add_line("PP3", "equipment", "Laptops", units=2, unit_price="-900.00"), "budget.line",
     "ERROR", "/partners/2/budget/lines/2/unit_price", True, ["Laptops", "-900.00"]),
    ("line-unknown-unit-cost", add_line("PP3", "staff", "Hours", units=10, unit_price="40.00", unit_cost="staff-hour-no"),
     "budget.line", "ERROR", "/partners/2/budget/lines/2/unit_cost", True, ["staff-hour-no", "does not define"]),
    ("line-unknown-lump-sum", add_line("PP3", "lump_sum", "Preparation", units=1, unit_price="2000", lump_sum="prep"),
     "budget.line", "ERROR", "/partners/2/budget/lines/2/lump_sum", True, ["'prep'"]),
    ("exchange-rate-missing", remove_exchange_rate("NOK"), "budget.exchange-rate", "ERROR",
     "/partners/2/budget/lines/1/currency", True, ["Østfold fylkeskommune", "Recognition guide", "NOK", "exchange_rates"]),
    ("exchange-rate-missing-sek", add_line("PP1", "staff", "Seminar hosts", units=10, unit_price="500", currency="SEK"),
     "budget.exchange-rate", "ERROR", "/partners/0/budget/lines/2/currency", True, ["SEK", "Seminar hosts"]),
    # The scenario: the Norwegian partner's NOK 420,000 guide becomes 4.9 M EUR (and its
    # contribution and the Norwegian cap follow).
    ("exchange-rate-inverted", set_exchange_rate("NOK", "0.085"), "budget.exchange-rate", "ERROR",
     "/exchange_rates/NOK/rate", False, ["wrong way round", "11.764706 (1 ÷ 0.085)", "4941176.47 EUR", "35699.99 EUR"]),
    ("exchange-rate-unusual", set_exchange_rate("SEK", "1.1238"), "budget.exchange-rate", "WARNING",
     "/exchange_rates/SEK/rate", True, ["unusual", "1 EUR = 11.238 SEK on 2023-12-08", "8.4285 to 14.0475", ASSUMED_NOTE]),
    ("exchange-rate-outside-erm2", set_exchange_rate("DKK", "7.65"), "budget.exchange-rate", "WARNING",
     "/exchange_rates/DKK/rate", True, ["7.292522 to 7.628238", "Danmarks Nationalbank"]),
    ("exchange-rate-undated", set_exchange_rate("SEK", "11.2", date=None), "budget.exchange-rate", "WARNING",
     "/exchange_rates/SEK/date", True, ["SEK rate 11.2 has no date"]),
    ("exchange-rate-stale", set_exchange_rate("NOK", "11.4915", date="2024-01-12"), "budget.exchange-rate", "WARNING",
     "/exchange_rates/NOK/date", True, ["2024-01-12", "more than 12 months before call 2025:1 opens (2025-01-13)"]),
    ("period-sum-wrong-total", set_periods("PP2", 1, ["18500.00", "0", "18500.00", "0", "18500.00", "0.01"]),
     "budget.period-sum", "ERROR", "/partners/1/budget/lines/1/periods", True, ["55500.01", "55500.00", "-0.01"]),
    ("period-sum-wrong-count", set_periods("PP2", 1, ["27750.00", "27750.00"]), "budget.period-sum", "ERROR",
     "/partners/1/budget/lines/1/periods", True, ["2 period amounts", "6 reporting periods"]),
    ("flat-rate-both-office-bases", via_partner_document(0, both_office_rates), "budget.flat-rate-combination",
     "ERROR", "/partners/0/budget/flat_rates", True, ["Göteborgs universitet", "not both"]),
    ("flat-rate-travel-and-travel-lines", via_partner_document(0, travel_line_under_travel_rate),
     "budget.flat-rate-combination", "ERROR", "/partners/0/budget/flat_rates", True, ["travel flat rate"]),
    ("flat-rate-above-maximum", flat_rates("PP3", office_admin="16%"), "budget.flat-rate-value", "WARNING",
     "/partners/2/budget/flat_rates/office_on_staff", True, ["16%", "at most 15%", ASSUMED_NOTE]),
    ("partner-empty", clear_budgets("PP2"), "budget.partner-empty", "WARNING", "/partners/1/budget", True,
     ["Aalborg Kommune", "associated"]),
    ("partner-empty-norwegian-owner", clear_budgets("PP3"), "budget.partner-empty", "WARNING", "/partners/2/budget",
     True, ["Østfold fylkeskommune is the Norwegian project owner", "no partner in NO has costs"]),
    ("associated-with-budget", add_partner_with_budget("Nordic Council of Ministers", country="DK",
                                                       region="Hovedstaden", org_type="other-public", role="associated",
                                                       organisation_number="25601238"),
     "budget.associated", "WARNING", "/partners/3/budget", True, ["Nordic Council of Ministers", ASSUMED_NOTE]),
    ("total-zero", clear_budgets("PP1", "PP2", "PP3"), "budget.total", "ERROR", "/partners", False, ["0.00 EUR"]),
    # -- co-financing -------------------------------------------------------------------------
    ("rate-above-maximum", set_cofinancing("PP3", rate="50.01%"), "cofinancing.max-rate", "ERROR",
     "/partners/2/cofinancing/rate", True, ["50.01%", "no-interreg", "at most 50%"]),
    ("fund-of-another-country", set_cofinancing("PP3", fund="erdf"), "cofinancing.max-rate", "ERROR",
     "/partners/2/cofinancing/fund", True, ["NO", "no-interreg", "erdf"]),
    ("fund-unknown", set_cofinancing("PP3", fund="esf"), "cofinancing.max-rate", "ERROR",
     "/partners/2/cofinancing/fund", True, ["'esf'", "erdf", "no-interreg"]),
    ("norwegian-cap", add_line("PP3", "staff", "Project coordinator", units=36, unit_price="13000.00"),
     "cofinancing.norwegian-cap", "ERROR", "/partners", True, ["304474.37", "300000.00", "call 2025:1", "4474.37",
                                                              "Østfold fylkeskommune 304474.37"]),
    ("pre-project-cap", as_pre_project(call=None), "cofinancing.pre-project-cap",
     "ERROR", "/partners", False, ["298782.00", "60000.00", "pre-project"]),
    ("pre-project-total", as_pre_project(call=None), "budget.pre-project-total",
     "ERROR", "/partners", False, ["in total", "100000.00", "pre-project"]),
    ("simplified-costs-pre-project-at-real-cost",
     chain(as_pre_project(call=None), small_budgets, clear_budgets("PP1"),
           add_line("PP1", "staff", "Project manager", units=400, unit_price="50.00")),
     "budget.simplified-costs", "ERROR", "/partners/0/budget", True,
     ["30000.00 EUR", "at most 200000.00", "line 1 (Project manager)", "lump sum", "40%"]),
    ("sources-do-not-add-up", add_source("PP2", "Region Nordjylland", "1000.00", own=False),
     "cofinancing.sources", "ERROR", "/partners/1/cofinancing/sources", True, ["82096.00", "81096.00", "-1000.00"]),
    ("state-aid-screening", danish_aps(), "stateaid.screening", "WARNING", "/partners/3/state_aid", True,
     ["Nordic Drones ApS carries out an economic activity", "selective advantage"]),
    ("state-aid-screening-unknown-type", add_budgeted_partner("Lunds universitet", "SE", "Skåne", "university",
                                                              "202100-3211", None),
     "stateaid.screening", "WARNING", "/partners/3/state_aid", True, ["Lunds universitet may carry out"]),
    ("de-minimis-ceiling", danish_aps("de-minimis", "100000.00"), "stateaid.de-minimis-ceiling", "ERROR",
     "/partners/3/state_aid", True, ["250800.00", "350800.00", "300000.00", "headroom is 200000.00"]),
    ("gber-20a-ceiling", danish_aps("gber-20a"), "stateaid.gber-20a-ceiling", "ERROR", "/partners/3/state_aid", True,
     ["250800.00", "22000.00"]),
    ("sources-missing", remove_sources("PP2"), "cofinancing.sources", "WARNING", "/partners/1/cofinancing/sources",
     True, ["Aalborg Kommune declares no sources", "81096.00 EUR", "add_source(\"Aalborg Kommune\", \"81096.00\")"]),
    ("objective-fit", set_fields(specific_objective="RSO2.2"), "project.objective-fit", "WARNING", "/specific_objective",
     True, ["read more like RSO4.1", "chosen RSO2.2"]),
    ("no-work-plan", via_document(work_plan=None), "workplan.structure", "ERROR", "/work_plan", True,
     ["no work plan yet"]),
    ("no-overall-objective", via_work_plan(lambda w: w.update(overall_objective=" ")), "workplan.structure", "ERROR",
     "/work_plan/overall_objective", True, ["overall objective"]),
    ("unknown-activity-partner", via_work_plan(lambda w: activity(w, 0, 0)["partners"].append("PP9")),
     "workplan.references", "ERROR", "/work_plan/work_packages/0/activities/0/partners/2", True, ["'PP9'", "A1.1"]),
    ("work-package-without-lead", via_work_plan(lambda w: w["work_packages"][1].update(lead=None)),
     "workplan.work-package", "ERROR", "/work_plan/work_packages/1/lead", True, ["no lead partner"]),
    ("deliverable-outside-activity", via_work_plan(lambda w: activity(w, 0, 0)["deliverables"][0].update(period=3)),
     "workplan.periods", "ERROR", "/work_plan/work_packages/0/activities/0/deliverables/0/period", True,
     ["Survey report", "period 3", "A1.1 (periods 1 to 2)"]),
    ("predecessor-cycle", via_work_plan(lambda w: activity(w, 0, 0).update(predecessors=["A2.1"])),
     "workplan.predecessor-cycle", "ERROR", "/work_plan/work_packages", False, ["A1.1 → A1.2 → A2.1 → A1.1"]),
    ("activity-order", via_work_plan(lambda w: activity(w, 1, 0).update(start_period=3)),
     "workplan.activity-order", "WARNING", "/work_plan/work_packages/1/activities/0/start_period", True,
     ["A2.1 starts in period 3", "A1.2, which ends in period 4"]),
    ("partner-in-no-activity", via_work_plan(lambda w: [a.update(partners=[x for x in a["partners"] if x != "PP3"])
                                                        for wp in w["work_packages"] for a in wp["activities"]]),
     "workplan.partner-involvement", "WARNING", "/partners/2", True, ["Østfold fylkeskommune (PP3)"]),
    ("no-output", via_work_plan(lambda w: w.update(outputs=[])), "workplan.outputs-results", "ERROR",
     "/work_plan/outputs", True, ["no output"]),
    ("cooperation-without-staffing-or-financing",
     via_work_plan(lambda w: w["cooperation"].update(joint_staffing=None, joint_financing=None)),
     "workplan.cooperation", "ERROR", "/work_plan/cooperation", True, ["joint_staffing or joint_financing"]),
    ("principle-without-text", via_work_plan(lambda w: w["horizontal_principles"]["equal_opportunities"].update(text="")),
     "workplan.horizontal", "ERROR", "/work_plan/horizontal_principles/equal_opportunities/text", True,
     ["positive effect on equal_opportunities"]),
    ("indicator-not-of-objective", via_work_plan(lambda w: w["outputs"][1].update(indicator="RCO01")),
     "indicators.objective", "WARNING", "/work_plan/outputs/1/indicator", True,
     ["RCO01 is not among the indicators of RSO4.1", ASSUMED_NOTE]),
    ("output-without-its-result", via_work_plan(lambda w: w["results"].pop(1)), "indicators.pairing", "WARNING",
     "/work_plan/outputs/1/indicator", True, ["RCO87", "RCR84"]),
    ("target-zero", via_work_plan(lambda w: w["outputs"][0].update(target="0")), "indicators.target", "WARNING",
     "/work_plan/outputs/0/target", True, ["target 0"]),
    ("jointly-with-one-country", via_work_plan(swedish_pilots), "indicators.jointly", "WARNING",
     "/work_plan/outputs/2/work_package", True, ["RCO116", "partners of SE only"]),
    ("danish-partners-among-themselves",
     chain(add_budgeted_partner("Københavns Kommune", "DK", "DK011", "local-authority", "64942212"),
           work_packages(("PP1", [["PP1", "PP3"]]), ("PP2", [["PP2", "PP4"]]))),
     "network.isolated-country", "WARNING", "/work_plan/work_packages", True, ["Denmark", "Københavns Kommune"]),
    ("partner-only-in-solo-activities",
     chain(add_budgeted_partner("Lunds universitet", "SE", "Skåne", "university", "202100-3211"),
           work_packages(("PP1", [["PP1", "PP2", "PP3"]]), ("PP4", [["PP4"]]))),
     "network.joint-activity", "WARNING", "/partners/3", True, ["Lunds universitet", "1 activity"]),
    ("one-partner-links-two-countries",
     chain(add_budgeted_partner("Lunds universitet", "SE", "Skåne", "university", "202100-3211"),
           work_packages(("PP1", [["PP1", "PP2"]]), ("PP1", [["PP1", "PP4"]]), ("PP2", [["PP2", "PP3"]]))),
     "network.single-bridge", "INFO", "/partners/0", True, ["Göteborgs universitet", "Denmark and Sweden"]),
]


@pytest.fixture(scope="module")
def rule_table():
    return {r["id"]: r for r in interreg.load_programme().rules}


def test_good_proposal_has_no_findings(good_proposal):
    report = good_proposal.validate()
    assert report.ok
    assert len(report) == 0
    assert report.findings == []
    assert report.counts() == {"ERROR": 0, "WARNING": 0, "INFO": 0}


@pytest.mark.parametrize("case, change, rule, severity, path, alone, words", CASES, ids=[c[0] for c in CASES])
def test_rule_fires(make_good_proposal, rule_table, case, change, rule, severity, path, alone, words):
    proposal = apply(change, make_good_proposal())
    report = proposal.validate()
    found = report.by_rule(rule)
    assert found, f"{rule} did not fire; findings: {[str(f) for f in report]}"
    at_path = [f for f in found if f.path == path]
    assert at_path, f"{rule} fired at {[f.path for f in found]}, not {path}"
    finding = at_path[0]
    # The catalogue's severity, or weaker where the rule caps what a draft may not know yet (a
    # WARNING) or only informs (INFO).
    assert finding.severity == severity
    order = ["ERROR", "WARNING", "INFO"]
    assert order.index(severity) >= order.index(rule_table[rule]["severity"])
    # The rule's source, or the programme fact the finding rests on (a call's cap, a project kind's limit).
    assert finding.source == FACT_SOURCES.get(case, rule_table[rule]["source"])
    assert finding.message
    assert not [f for f in report.errors if f.assumed], "severity follows evidence: an assumed finding is no ERROR"
    for word in words:
        assert word in finding.message, (word, finding.message)
    if alone:
        assert {f.rule for f in report} == {rule}, [str(f) for f in report]
        assert report.ok == (severity != "ERROR")
    else:
        assert not report.ok


def test_every_rule_of_the_programme_has_a_firing_case(programme):
    assert {c[2] for c in CASES} == {r["id"] for r in programme.rules}


@pytest.mark.parametrize("start, fires", [("2023-06-01", False), ("2023-12-31", False), ("2024-01-01", True),
                                          (None, True)])
def test_region_renamed_depends_on_the_start(good_proposal, start, fires):
    good_proposal.partner("PP3").region = "Viken"
    good_proposal.start = start  # without a start, the call's opening (2025) counts
    assert bool(good_proposal.validate().by_rule("partner.region-renamed")) == fires


def test_a_start_in_2020_is_before_2021_and_before_the_call(good_proposal):
    good_proposal.start = "2020-01-01"
    found = good_proposal.validate().by_rule("project.period")
    assert [(f.severity, f.path) for f in found] == [("ERROR", "/start"), ("WARNING", "/start")]
    assert "call 2025:1 closes on 2025-02-14" in found[1].message


@pytest.mark.parametrize("start", ["2025-02-15", "2025-03-01"])
def test_a_start_after_the_call_closes_is_fine(good_proposal, start):
    good_proposal.start = start  # call 2025:1 closes on 2025-02-14
    assert good_proposal.validate().by_rule("project.period") == []


def test_norwegian_partner_besides_the_owner_needs_no_budget(good_proposal):
    # The Norwegian project owner books the Norwegian costs; Akershus invoices its own to it.
    good_proposal.add_partner("Akershus fylkeskommune", country="NO", region="Akershus", org_type="regional-authority",
                              organisation_number="930580783")
    assert good_proposal.validate().findings == []


def test_names_still_ask_when_the_second_partner_gives_no_number(good_proposal):
    good_proposal.add_partner("GÖTEBORGS UNIVERSITET", country="SE", region="Västra Götaland", org_type="university")
    report = good_proposal.validate()
    (duplicate,) = report.by_rule("partnership.duplicate")
    assert duplicate.path == "/partners/3/name" and "same name" in duplicate.message
    (missing,) = report.by_rule("partner.organisation-number")
    assert (missing.severity, missing.path) == ("INFO", "/partners/3/organisation_number")


def test_two_numbers_make_two_organisations_of_one_name(good_proposal):
    good_proposal.add_partner("Göteborgs universitet", country="SE", region="Västra Götaland", org_type="university",
                              organisation_number="202100-3211")
    assert good_proposal.validate().by_rule("partnership.duplicate") == []


def test_an_info_alone_leaves_the_report_ok(good_proposal):
    good_proposal.partner("PP3").organisation_number = None
    report = good_proposal.validate()
    assert report.ok and report.counts() == {"ERROR": 0, "WARNING": 0, "INFO": 1}
    assert str(report).startswith("OK: 0 error(s), 0 warning(s), 1 info")


def test_each_country_names_the_scheme_its_numbers_follow(programme):
    schemes = {c.code: c.organisation_number for c in programme.countries}
    assert schemes == {"DK": "dk-cvr", "SE": "se-orgnr", "NO": "no-orgnr"}
    for c in programme.countries:
        assert c.organisation_number_source.url and not c.organisation_number_source.assumed


@pytest.mark.parametrize("country, number, valid", [
    ("SE", "556036-0793", True), ("SE", "212000-1355", True), ("SE", "SE 2120001355", True),
    ("SE", "16212000-1355", True), ("SE", "556036-0794", False), ("SE", "556036-079", False),
    ("DK", "29189714", True), ("DK", "DK 29 18 97 14", True), ("DK", "29189715", False), ("DK", "2918971", False),
    ("NO", "974760673", True), ("NO", "974 760 673", True), ("NO", "NO 974760673 MVA", True),
    ("NO", "974760672", False), ("NO", "97476067", False), ("NO", "974-760-67X", False),
])
def test_organisation_numbers_of_each_country(programme, country, number, valid):
    p = interreg.Proposal(programme)
    p.add_partner("Organisation", country=country, organisation_number=number)
    found = p.validate().by_rule("partner.organisation-number")
    assert [f.severity for f in found] == ([] if valid else ["ERROR"]), [f.message for f in found]


def test_a_rate_the_programme_fixes_is_trusted(tmp_path, make_good_proposal):
    fixed = [{"currency": "NOK", "rate": "0.085", "source": "cpr", "status": "confirmed"}]  # no date, the wrong way round
    variant = _programme_with(tmp_path, lambda d: d["budget"].__setitem__("exchange_rates", fixed))
    doc = make_good_proposal().to_dict()
    doc["programme"] = "oks-variant"
    doc["exchange_rates"] = {}
    report = interreg.Proposal.from_dict(doc, variant).validate()
    assert report.by_rule("budget.exchange-rate") == []


def test_pre_project_needs_no_call(good_proposal):
    good_proposal.kind = "pre-project"
    good_proposal.call = None
    good_proposal.duration_months = 12
    shorten_work_plan(good_proposal, 2)
    replace_with_small_budgets(good_proposal)  # within the pre-project caps
    assert good_proposal.validate().findings == []


def test_associated_partner_abroad_is_fine(good_proposal):
    good_proposal.add_partner("Nordic Council of Ministers", country="DK", region="Hovedstaden",
                              org_type="other-public", role="associated", organisation_number="25601238")
    assert good_proposal.validate().findings == []


def test_call_message_with_unknown_kind_offers_choices(good_proposal):
    doc = good_proposal.to_dict()
    doc.update(kind="mega", call=None)
    report = interreg.Proposal.from_dict(doc).validate()
    for f in report.by_rule("call.known"):
        assert "()" not in f.message and ": ." not in f.message, f.message


def test_findings_follow_the_programme_rule_order(programme):
    report = interreg.Proposal(programme).validate()
    order = [r["id"] for r in programme.rules]
    positions = [order.index(f.rule) for f in report]
    assert positions == sorted(positions)
    assert len(report) >= 5


def test_validate_leaves_the_proposal_alone(good_proposal):
    good_proposal.specific_objective = "RSO9.9"
    before = good_proposal.to_json()
    good_proposal.validate()
    assert good_proposal.to_json() == before


def test_report_is_a_snapshot(good_proposal):
    report = good_proposal.validate()
    good_proposal.acronym = ""
    assert report.ok and len(report) == 0
    assert not good_proposal.validate().ok


# -- Report API -----------------------------------------------------------------------------------

@pytest.fixture
def mixed_report(good_proposal):
    """Two warnings and two errors."""
    good_proposal.specific_objective = "RSO1.1"  # call.objective-open (ERROR)
    good_proposal.partner("PP2").region = "Syddanmark"  # partner.outside-area (WARNING)
    good_proposal.partner("PP2").org_type = None  # partner.org-type (WARNING)
    good_proposal.partner("PP2").economic_activity = False  # so no stateaid.screening
    give_small_budget(good_proposal.add_partner("Anna Andersson Konsult", country="SE", region="Halland",
                                                org_type="sole-trader", economic_activity=False,
                                                organisation_number="802012-3454"))  # ERROR
    return good_proposal.validate()


def test_report_lists(mixed_report):
    r = mixed_report
    assert not r.ok
    assert len(r) == 4 == len(r.findings)
    assert [f.rule for f in r.errors] == ["partner.eligible-type", "call.objective-open"]
    assert [f.rule for f in r.warnings] == ["partner.outside-area", "partner.org-type"]
    assert r.infos == []
    assert r.counts() == {"ERROR": 2, "WARNING": 2, "INFO": 0}
    assert list(r) == r.findings
    assert all(isinstance(f, interreg.Finding) for f in r)
    assert bool(r) is True
    r.findings.clear()  # a copy
    assert len(r.findings) == 4


def test_report_by_rule(mixed_report):
    (sole_trader,) = mixed_report.by_rule("partner.eligible-type")
    assert sole_trader.path == "/partners/3/org_type"
    assert mixed_report.by_rule("project.texts") == []
    assert mixed_report.by_rule("no.such-rule") == []


def test_finding_is_a_frozen_record(mixed_report):
    f = mixed_report.findings[0]
    assert set(dataclasses.asdict(f)) == {"rule", "severity", "message", "path", "source", "assumed"}
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.rule = "other"
    assert str(f) == f"{f.severity} {f.rule} {f.path}: {f.message}"


def test_report_frame(mixed_report):
    df = mixed_report.to_frame()
    assert list(df.columns) == ["rule", "severity", "path", "message", "source", "assumed"]
    assert len(df) == 4
    assert list(df["severity"]) == ["WARNING", "WARNING", "ERROR", "ERROR"]
    assert list(df["assumed"]) == [False, False, False, False]


def test_empty_report_frame(good_proposal):
    df = good_proposal.validate().to_frame()
    assert list(df.columns) == ["rule", "severity", "path", "message", "source", "assumed"]
    assert len(df) == 0


def test_report_dict(mixed_report):
    d = mixed_report.to_dict()
    assert d["ok"] is False
    assert d["counts"] == {"ERROR": 2, "WARNING": 2, "INFO": 0}
    assert [f["rule"] for f in d["findings"]] == [f.rule for f in mixed_report]
    assert set(d["findings"][0]) == {"rule", "severity", "message", "path", "source", "assumed"}
    assert json.loads(json.dumps(d, ensure_ascii=False)) == d


def test_report_text(mixed_report):
    text = str(mixed_report)
    lines = text.splitlines()
    assert lines[0] == "NOT OK: 2 error(s), 2 warning(s), 0 info"
    for f in mixed_report:
        assert f"{f.severity} {f.rule} {f.path}: {f.message}" in text
        assert f"source: {f.source}" in text
    assert repr(mixed_report) == "<Report NOT OK: 2 error(s), 2 warning(s), 0 info>"


def test_empty_report_text(good_proposal):
    report = good_proposal.validate()
    assert str(report) == "OK: 0 error(s), 0 warning(s), 0 info"


def test_warning_only_report_is_ok(good_proposal):
    good_proposal.partner("PP2").region = "Syddanmark"
    good_proposal.partner("PP3").region = "Viken"
    report = good_proposal.validate()
    assert report.ok
    assert report.errors == []
    assert {f.rule for f in report.warnings} == {"partner.outside-area", "partner.region-renamed"}
    assert str(report).startswith("OK: 0 error(s), 2 warning(s)")


def test_assumed_findings_say_so(good_proposal):
    good_proposal.partner("PP1").role = "partner"
    good_proposal.partner("PP3").role = "lead"  # partnership.lead-country: no 2021-27 page states it
    good_proposal.partner("PP2").region = "Syddanmark"  # partner.outside-area: confirmed
    report = good_proposal.validate()
    assert [f.rule for f in report if f.assumed] == ["partnership.lead-country"]
    for f in report:
        assert (ASSUMED_NOTE in f.message) == f.assumed, f


def test_assumed_findings_are_never_errors():
    """Severity follows evidence, on every proposal the tests keep."""
    programme = interreg.load_programme()
    documents = sorted(Path(__file__).parent.joinpath("data").rglob("*.json"))
    checked = 0
    for path in documents:
        try:
            report = interreg.Proposal.load(path, programme=programme).validate()
        except interreg.Error:
            continue  # documents that are not readable proposals
        checked += 1
        assert not [f for f in report.errors if f.assumed], path
    assert checked >= 10


def test_finding_on_assumed_call_is_assumed(good_proposal):
    good_proposal.call = "2024:1"  # the programme marks this call's open objectives as assumed
    good_proposal.specific_objective = "RSO1.1"
    (finding,) = good_proposal.validate()
    assert finding.assumed
    assert ASSUMED_NOTE in finding.message


# -- programme documents decide which rules run and how severe they are ---------------------------

def _programme_with(tmp_path, change):
    doc = json.loads(EMBEDDED_JSON.read_text(encoding="utf-8"))
    doc["id"] = "oks-variant"
    change(doc)
    path = tmp_path / "variant.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return interreg.load_programme(path)


def _rule(doc, rule_id):
    return next(r for r in doc["rules"] if r["id"] == rule_id)


def test_severity_override_to_info(tmp_path, make_good_proposal):
    variant = _programme_with(tmp_path, lambda d: _rule(d, "partner.org-type").__setitem__("severity", "info"))
    doc = make_good_proposal().to_dict()
    doc["programme"] = "oks-variant"
    doc["partners"][1]["org_type"] = None
    doc["partners"][1]["economic_activity"] = False  # the type's default no longer says so
    report = interreg.Proposal.from_dict(doc, variant).validate()
    assert report.ok
    assert [f.rule for f in report.infos] == ["partner.org-type"]
    assert report.counts() == {"ERROR": 0, "WARNING": 0, "INFO": 1}


def test_rule_left_out_of_the_programme_does_not_run(tmp_path, make_good_proposal):
    variant = _programme_with(
        tmp_path, lambda d: d.__setitem__("rules", [r for r in d["rules"] if r["id"] != "project.duration"]))
    assert len(variant.rules) == len(interreg.load_programme().rules) - 1
    doc = make_good_proposal().to_dict()
    doc.update(programme="oks-variant", duration_months=48)  # over 36, and ends on 2029-12-31
    assert interreg.Proposal.from_dict(doc, variant).validate().findings == []


def test_rule_parameter_changes_the_limit(tmp_path, make_good_proposal):
    variant = _programme_with(tmp_path, lambda d: _rule(d, "partnership.min-countries")["params"].__setitem__("min", 3))
    p = make_good_proposal()
    doc = p.to_dict()
    doc["programme"] = "oks-variant"
    assert interreg.Proposal.from_dict(doc, variant).validate().ok  # three countries
    doc["partners"].pop()
    for wp in doc["work_plan"]["work_packages"]:
        for a in wp["activities"]:
            a["partners"] = [x for x in a["partners"] if x != "PP3"]
    report = interreg.Proposal.from_dict(doc, variant).validate()
    assert [f.rule for f in report] == ["partnership.min-countries"]
    assert "at least 3" in report.findings[0].message


def test_a_report_pickles_with_its_findings(make_good_proposal):
    # The Finding objects are made on first use from the core's report; a pickled report carries
    # them (and its counts), as a report always could.
    import pickle

    proposal = make_good_proposal()
    proposal.specific_objective = "RSO1.1"
    report = proposal.validate()
    again = pickle.loads(pickle.dumps(report))
    assert again.findings == report.findings and len(again) == len(report) > 0
    assert (again.ok, again.counts(), again.summary()) == (report.ok, report.counts(), report.summary())
    assert not again.ok
