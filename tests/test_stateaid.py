"""State aid and small operations through the Python API: a partner's economic activity and
State-aid scheme (defaults, edits, documents, errors), the stateaid.* rules and
budget.simplified-costs on the issue's scenarios, and project-defined lump sums in the exports.

The scenario: a Danish ApS (a company) with a EUR 418,000 budget, EUR 250,000 of it equipment,
at 60 % ERDF receives EUR 250,800 of aid.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

import interreg
from conftest import clear_budget, cover_contribution, shorten_work_plan, take_part


def add_danish_aps(p: interreg.Proposal, **kwargs) -> interreg.Partner:
    company = p.add_partner("Nordic Drones ApS", country="DK", region="Nordjylland", org_type="company",
                            organisation_number="41122331", **kwargs)
    company.budget.add("equipment", "Test drones and sensors", units=1, unit_price="250000.00")
    company.budget.add("staff", "Engineers", units=24, unit_price="7000.00", unit_type="months")
    take_part(company, "A2.1")
    cover_contribution(company)  # its own money: cofinancing.sources stays out of it
    return company


def real_cost_pre_project(p: interreg.Proposal) -> interreg.Proposal:
    """The reference proposal as a pre-project whose ERDF partners budget only real costs."""
    p.kind, p.call, p.duration_months = "pre-project", None, 12
    shorten_work_plan(p, 2)
    for pid in ("PP1", "PP2", "PP3"):
        clear_budget(p.partner(pid))
    p.partner("PP1").budget.add("staff", "Project manager", units=400, unit_price="50.00", unit_type="hours")
    p.partner("PP1").budget.add("external", "Feasibility study", units=1, unit_price="20000.00")
    p.partner("PP2").budget.add("staff", "Job centre consultant", units=300, unit_price="60.00", unit_type="hours")
    p.partner("PP3").budget.add("staff", "Regional developer", units=300, unit_price="58.00", unit_type="hours")
    for pid in ("PP1", "PP2", "PP3"):
        cover_contribution(p.partner(pid))
    return p


# -- the partner's data --------------------------------------------------------------------------

def test_defaults_come_from_the_organisation_type(good_proposal):
    lead, municipality, county = good_proposal.partners
    assert lead.economic_activity is None  # a university: it depends
    assert municipality.economic_activity is False and county.economic_activity is False
    assert add_danish_aps(good_proposal).economic_activity is True
    assert good_proposal.programme.org_type("company").economic_activity is True
    assert good_proposal.programme.org_type("Kommune").economic_activity is False
    assert good_proposal.programme.org_type("university").economic_activity is None


def test_economic_activity_given_wins_and_none_restores_the_default(good_proposal):
    municipality = good_proposal.partner("PP2")
    municipality.economic_activity = True
    assert municipality.economic_activity is True
    assert municipality.to_dict()["economic_activity"] is True
    municipality.economic_activity = None
    assert municipality.economic_activity is False
    assert "economic_activity" not in municipality.to_dict()
    other = good_proposal.add_partner("Fiskeriforeningen", country="DK", region="Nordjylland", org_type="ngo",
                                      economic_activity=False)
    assert other.economic_activity is False
    with pytest.raises(TypeError, match="economic_activity must be a bool"):
        municipality.economic_activity = "yes"
    with pytest.raises(TypeError, match="economic_activity must be a bool"):
        good_proposal.add_partner("X", country="DK", economic_activity=1)


def test_set_state_aid_and_clear(good_proposal):
    company = add_danish_aps(good_proposal)
    assert company.state_aid is None
    company.set_state_aid("de-minimis", previous_de_minimis="100000.00")
    assert company.state_aid == {"scheme": "de-minimis", "previous_de_minimis": Decimal("100000.00")}
    company.set_state_aid("de-minimis", previous_de_minimis=Decimal("12000.5"))
    assert company.state_aid["previous_de_minimis"] == Decimal("12000.50")
    company.set_state_aid("gber-20a")
    assert company.state_aid == {"scheme": "gber-20a", "previous_de_minimis": None}
    company.set_state_aid(None)
    assert company.state_aid is None
    assert good_proposal.partner("PP1").state_aid == {"scheme": "none", "previous_de_minimis": None}


@pytest.mark.parametrize("scheme, previous, error, words", [
    ("deminimis", None, interreg.ArgumentError, ["'deminimis'", "de-minimis", "gber-20a", "gber-other", "none"]),
    ("de-minimis", "-0.01", interreg.ArgumentError, ["previous_de_minimis", "between 0"]),
    ("de-minimis", "10000000000.01", interreg.ArgumentError, ["previous_de_minimis"]),
    ("de-minimis", 0.1 + 0.2, interreg.ArgumentError, ["previous_de_minimis", "float"]),
    (None, "5000.00", interreg.ArgumentError, ["previous_de_minimis", "scheme"]),
    (7, None, TypeError, ["scheme must be a str"]),
])
def test_refused_state_aid_leaves_the_record(good_proposal, scheme, previous, error, words):
    company = add_danish_aps(good_proposal)
    company.set_state_aid("gber-other")
    with pytest.raises(error) as info:
        company.set_state_aid(scheme, previous)
    for word in words:
        assert word in str(info.value)
    assert company.state_aid == {"scheme": "gber-other", "previous_de_minimis": None}


def test_the_document_round_trips(good_proposal, tmp_path):
    company = add_danish_aps(good_proposal, economic_activity=True)
    company.set_state_aid("de-minimis", "100000.00")
    doc = company.to_dict()
    assert list(doc)[7:12] == ["norwegian_project_owner", "organisation_number", "economic_activity", "state_aid",
                               "budget"]
    assert doc["state_aid"] == {"scheme": "de-minimis", "previous_de_minimis": "100000.00"}
    good_proposal.save(tmp_path / "p.json")
    again = interreg.Proposal.load(tmp_path / "p.json")
    assert again.to_json() == good_proposal.to_json()
    assert again.partner("PP4").state_aid == company.state_aid
    assert "economic_activity" not in again.partner("PP2").to_dict()  # written once given


@pytest.mark.parametrize("value, path, words", [
    ({"scheme": "gber"}, "/partners/1/state_aid/scheme", ["unknown state-aid scheme 'gber'", "gber-20a", "gber-other"]),
    ({"scheme": "none", "amount": "1"}, "/partners/1/state_aid/amount", ["previous_de_minimis"]),
    ({"scheme": "de-minimis", "previous_de_minimis": "-1"}, "/partners/1/state_aid/previous_de_minimis",
     ["between 0"]),
    ({"scheme": "de-minimis", "previous_de_minimis": 1000}, "/partners/1/state_aid/previous_de_minimis", ["string"]),
    ("de-minimis", "/partners/1/state_aid", ["object"]),
])
def test_bad_state_aid_in_a_document(good_proposal, value, path, words):
    doc = good_proposal.to_dict()
    doc["partners"][1]["state_aid"] = value
    with pytest.raises(interreg.FormatError) as info:
        interreg.Proposal.from_dict(doc)
    assert info.value.path == path
    for word in words:
        assert word in str(info.value)


def test_partners_frame_and_programme_table(good_proposal, programme):
    add_danish_aps(good_proposal).set_state_aid("de-minimis")
    df = good_proposal.to_frame()
    assert list(df["economic_activity"]) == [None, False, False, True]
    assert list(df["state_aid"]) == ["none", None, None, "de-minimis"]
    types = programme.to_frame("org_types").set_index("id")
    assert types.loc["company", "economic_activity"] is True
    assert types.loc["university", "economic_activity"] is None


# -- the rules on the scenarios ---------------------------------------------------------------

def test_the_danish_aps_is_asked_to_screen(good_proposal):
    add_danish_aps(good_proposal)
    report = good_proposal.validate()
    assert [f.rule for f in report] == ["stateaid.screening"]
    finding = report.findings[0]
    assert (finding.severity, finding.path) == ("WARNING", "/partners/3/state_aid")
    assert "Nordic Drones ApS carries out an economic activity" in finding.message
    assert "selective advantage" in finding.message
    assert report.ok


def test_the_danish_aps_above_the_de_minimis_ceiling(good_proposal):
    add_danish_aps(good_proposal).set_state_aid("de-minimis", previous_de_minimis="100000.00")
    assert good_proposal.budget_summary().partners[3].fund_amount == Decimal("250800.00")
    report = good_proposal.validate()
    assert [f.rule for f in report] == ["stateaid.de-minimis-ceiling"]
    finding = report.findings[0]
    assert (finding.severity, finding.path) == ("ERROR", "/partners/3/state_aid")
    for text in ("250800.00", "100000.00", "350800.00", "300000.00", "headroom is 200000.00"):
        assert text in finding.message
    assert "2023/2831" in finding.source
    assert not report.ok


@pytest.mark.parametrize("previous, fires", [(None, False), ("49200.00", False), ("49200.01", True)])
def test_de_minimis_ceiling_edges(good_proposal, previous, fires):
    add_danish_aps(good_proposal).set_state_aid("de-minimis", previous)
    assert bool(good_proposal.validate().by_rule("stateaid.de-minimis-ceiling")) == fires


def test_gber_20a_ceiling(good_proposal):
    company = add_danish_aps(good_proposal)
    company.set_state_aid("gber-20a")
    found = good_proposal.validate().by_rule("stateaid.gber-20a-ceiling")
    assert [f.path for f in found] == ["/partners/3/state_aid"]
    assert "22000.00" in found[0].message and "250800.00" in found[0].message
    company.set_state_aid("gber-other")
    assert good_proposal.validate().findings == []


def test_a_pre_project_at_real_cost_must_use_simplified_costs(good_proposal):
    report = real_cost_pre_project(good_proposal).validate()
    found = report.by_rule("budget.simplified-costs")
    # the Norwegian partner's funds are not under the CPR
    assert [f.path for f in found] == ["/partners/0/budget", "/partners/1/budget"]
    assert {f.rule for f in report} == {"budget.simplified-costs"}, [str(f) for f in report]
    assert "line 1 (Project manager) and line 2 (Feasibility study)" in found[0].message
    assert "58000.00 EUR" in found[0].message  # 40,000.00 + 18,000.00 of ERDF partners
    assert "Art. 53(2)" in found[0].source


def test_simplified_options_silence_it(good_proposal):
    p = real_cost_pre_project(good_proposal)
    lead, municipality = p.partner("PP1"), p.partner("PP2")
    clear_budget(lead)
    line = lead.budget.add("lump_sum", "Pre-project study", units=1, unit_price="40000.00")
    assert (line.category, line.lump_sum, line.total) == ("lump_sum", None, Decimal("40000.00"))
    municipality.budget.flat_rates(other_costs="40%")  # staff + 40 %
    cover_contribution(lead), cover_contribution(municipality)
    assert p.validate().findings == []


def test_a_partner_under_state_aid_is_exempt(good_proposal):
    p = real_cost_pre_project(good_proposal)
    p.partner("PP1").set_state_aid("gber-other")
    assert [f.path for f in p.validate().by_rule("budget.simplified-costs")] == ["/partners/1/budget"]


# -- a project-defined lump sum in the exports ------------------------------------------------------

@pytest.fixture
def with_lump_sum(good_proposal):
    good_proposal.partner("PP2").budget.add("lump_sum", "Pre-project study", units=1, unit_price="40000.00")
    return good_proposal


def test_lump_sum_in_the_excel_lines(with_lump_sum, tmp_path):
    import openpyxl
    path = with_lump_sum.budget_summary().to_excel(tmp_path / "budget.xlsx")
    sheet = openpyxl.load_workbook(path)["Lines"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    study = [r for r in rows if "Pre-project study" in r]
    assert len(study) == 1 and 40000 in study[0]
    per_category = openpyxl.load_workbook(path)["Per category"]
    assert "Lump sums" in [c.value for c in next(per_category.iter_rows())]


def test_lump_sum_and_state_aid_in_the_draft(with_lump_sum, tmp_path):
    add_danish_aps(with_lump_sum).set_state_aid("de-minimis")
    markdown = with_lump_sum.to_markdown()
    per_category = markdown[markdown.index("### Per cost category"):markdown.index("### Funding")]
    assert "Lump sums" in per_category and "40,000.00" in per_category
    partnership = markdown[markdown.index("## Partnership"):markdown.index("## Intervention logic")]
    assert "| State aid |" in partnership
    for label in ("No State aid", "De minimis"):
        assert label in partnership
    import docx
    document = docx.Document(str(with_lump_sum.to_docx(tmp_path / "draft.docx")))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "Lump sums" in cells and "40,000.00" in cells and "De minimis" in cells
