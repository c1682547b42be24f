"""Proposals and partners: construction, argument checking, partners, documents."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import interreg

EMBEDDED_JSON = Path(interreg.__file__).resolve().parent / "data" / "programmes" / "oks-2021-2027.json"


def message(exc: BaseException) -> str:
    return exc.args[0] if exc.args else str(exc)


def rules_of(proposal) -> set:
    return {f.rule for f in proposal.validate()}


# -- construction --------------------------------------------------------------------------

def test_construction_with_keywords(programme):
    p = interreg.Proposal(programme, acronym="TALENT", specific_objective="RSO4.1", call="2025:1",
                          kind="main", geography="kattegat-skagerrak", start="2026-01-01", duration_months=36,
                          title={"en": "Talent", "sv": "Talang"}, summary="Short.")
    assert p.programme is programme
    assert p.acronym == "TALENT"
    assert p.specific_objective == "RSO4.1"
    assert p.call == "2025:1"
    assert p.kind == "main"
    assert p.geography == "kattegat-skagerrak"
    assert p.start == "2026-01-01"
    assert p.duration_months == 36
    assert p.end == "2029-01-01"
    assert p.title == {"en": "Talent", "sv": "Talang"}
    assert p.summary == {"en": "Short."}
    assert p.partners == []


def test_defaults():
    p = interreg.Proposal()
    assert p.programme.id == "oks-2021-2027"
    assert (p.acronym, p.specific_objective, p.call, p.kind, p.geography) == ("", "", None, "main", "whole")
    assert (p.start, p.duration_months, p.end, p.title, p.summary) == (None, None, None, {}, {})


def test_programme_by_id():
    assert interreg.Proposal("oks-2021-2027").programme is interreg.load_programme()


@pytest.mark.parametrize("field, value", [
    ("acronym", 5),
    ("duration_months", "36"),
    ("duration_months", True),
    ("duration_months", 36.0),
    ("specific_objective", 4.1),
    ("call", 20251),
    ("start", 20260101),
    ("kind", 1),
    ("geography", 7),
])
def test_wrong_type_in_constructor_is_a_type_error_naming_the_field(programme, field, value):
    with pytest.raises(TypeError) as info:
        interreg.Proposal(programme, **{field: value})
    assert field in str(info.value)
    assert type(value).__name__ in str(info.value)


@pytest.mark.parametrize("field", ["title", "summary"])
def test_wrong_type_for_texts_names_the_field(programme, field):
    with pytest.raises(TypeError) as info:
        interreg.Proposal(programme, **{field: 5})
    assert field in str(info.value)


@pytest.mark.parametrize("field, value", [("acronym", 5), ("duration_months", "36"), ("duration_months", True),
                                          ("start", 1), ("call", 1)])
def test_wrong_type_in_setter_is_a_type_error_naming_the_field(programme, field, value):
    p = interreg.Proposal(programme)
    with pytest.raises(TypeError) as info:
        setattr(p, field, value)
    assert field in str(info.value)


def test_norwegian_project_owner_must_be_a_bool(programme):
    p = interreg.Proposal(programme)
    for value in ["yes", 1, None]:
        with pytest.raises(TypeError) as info:
            p.add_partner("Østfold fylkeskommune", country="NO", norwegian_project_owner=value)
        assert "norwegian_project_owner" in str(info.value)
    assert p.partners == []
    partner = p.add_partner("Østfold fylkeskommune", country="NO")
    with pytest.raises(TypeError, match="norwegian_project_owner"):
        partner.norwegian_project_owner = "yes"
    assert partner.norwegian_project_owner is False


@pytest.mark.parametrize("kwargs, field", [
    ({"name": 5, "country": "SE"}, "name"),
    ({"name": "X", "country": 46}, "country"),
    ({"name": "X", "country": "SE", "region": 5}, "region"),
    ({"name": "X", "country": "SE", "org_type": 5}, "org_type"),
    ({"name": "X", "country": "SE", "role": None}, "role"),
])
def test_add_partner_wrong_types(programme, kwargs, field):
    p = interreg.Proposal(programme)
    name = kwargs.pop("name")
    with pytest.raises(TypeError) as info:
        p.add_partner(name, **kwargs)
    assert field in str(info.value)


def test_unknown_kind_lists_the_choices(programme):
    with pytest.raises(interreg.ArgumentError) as info:
        interreg.Proposal(programme, kind="mian")
    assert isinstance(info.value, ValueError)
    assert "main" in str(info.value) and "pre-project" in str(info.value)
    p = interreg.Proposal(programme)
    with pytest.raises(interreg.ArgumentError):
        p.kind = "big"
    assert p.kind == "main"


def test_unknown_geography_lists_the_choices(programme):
    with pytest.raises(interreg.ArgumentError) as info:
        interreg.Proposal(programme, geography="oresnd")
    text = str(info.value)
    assert text.index("oresund") < text.index("kattegat-skagerrak")  # nearest first
    assert "whole" in text


@pytest.mark.parametrize("months", [0, -1, 121])
def test_duration_out_of_range(programme, months):
    with pytest.raises(interreg.ArgumentError) as info:
        interreg.Proposal(programme, duration_months=months)
    assert "120" in str(info.value)
    p = interreg.Proposal(programme, duration_months=36)
    with pytest.raises(interreg.ArgumentError):
        p.duration_months = months
    assert p.duration_months == 36


@pytest.mark.parametrize("months", [1, 120])
def test_duration_limits_are_accepted(programme, months):
    assert interreg.Proposal(programme, duration_months=months).duration_months == months


def test_huge_duration_is_an_argument_error(programme):
    with pytest.raises(interreg.ArgumentError, match="120"):
        interreg.Proposal(programme, duration_months=2 ** 40)


@pytest.mark.parametrize("start", ["2026-13-01", "2026-02-29", "01/01/2026", "2026-1-1", "", "tomorrow"])
def test_bad_start_date(programme, start):
    with pytest.raises(interreg.ArgumentError) as info:
        interreg.Proposal(programme, start=start)
    assert "YYYY-MM-DD" in str(info.value)


def test_start_date_on_leap_day(programme):
    p = interreg.Proposal(programme, start="2028-02-29", duration_months=12)
    assert p.end == "2029-02-28"  # month arithmetic clamps to the last day of the month
    p.start = None
    assert p.start is None and p.end is None


def test_unknown_language_in_title(programme):
    with pytest.raises(interreg.ArgumentError, match="fr"):
        interreg.Proposal(programme, title={"fr": "Talent"})


def test_unencodable_text_has_a_sensible_message(programme):
    with pytest.raises((TypeError, ValueError)) as info:
        interreg.Proposal(programme, acronym="TAL\ud800ENT")
    assert "not str" not in str(info.value)


# -- partners ---------------------------------------------------------------------------------

def test_add_partner_returns_partners_with_ids(programme):
    p = interreg.Proposal(programme)
    first = p.add_partner("Göteborgs universitet", country="SE", region="Västra Götaland", role="lead",
                          org_type="university", legal_status="public")
    second = p.add_partner("Aalborg Kommune", country="DK")
    assert isinstance(first, interreg.Partner)
    assert (first.id, second.id) == ("PP1", "PP2")
    assert (first.name, first.country, first.region, first.org_type, first.legal_status, first.role,
            first.norwegian_project_owner) == ("Göteborgs universitet", "SE", "Västra Götaland", "university",
                                               "public", "lead", False)
    assert (second.role, second.region, second.org_type, second.legal_status) == ("partner", None, None, None)
    assert p.partners == [first, second]
    assert repr(first) == "<Partner PP1: Göteborgs universitet (SE, lead)>"


def test_unknown_country_lists_nearest_codes(programme):
    p = interreg.Proposal(programme)
    with pytest.raises(interreg.ArgumentError) as info:
        p.add_partner("Nowhere Ltd", country="XX")
    text = str(info.value)
    assert "'XX'" in text
    assert len(re.findall(r"\b[A-Z]{2} \(", text)) >= 3, text
    assert p.partners == []


def test_country_by_name_is_stored_as_the_code(programme):
    proposal = interreg.Proposal(programme)
    assert proposal.add_partner("Lunds universitet", country="Sweden").country == "SE"
    assert proposal.add_partner("Aarhus Universitet", country="danmark").country == "DK"
    assert proposal.add_partner("Kieler Universität", country="Germany").country == "DE"


def test_misspelt_country_suggests_the_code(programme):
    with pytest.raises(interreg.ArgumentError) as info:
        interreg.Proposal(programme).add_partner("Lunds universitet", country="Swedn")
    nearest = str(info.value).split("Nearest:")[1]
    assert nearest.strip().startswith("SE (Sweden)")


def test_lower_case_code_is_accepted_and_stored_in_capitals(programme):
    partner = interreg.Proposal(programme).add_partner("Lunds universitet", country="se")
    assert partner.country == "SE"


def test_unknown_role_lists_the_roles(programme):
    p = interreg.Proposal(programme)
    with pytest.raises(interreg.ArgumentError) as info:
        p.add_partner("Aalborg Kommune", country="DK", role="boss")
    for role in ("lead", "partner", "associated"):
        assert role in str(info.value)
    assert p.partners == []


def test_unknown_legal_status(programme):
    with pytest.raises(interreg.ArgumentError) as info:
        interreg.Proposal(programme).add_partner("Aalborg Kommune", country="DK", legal_status="semi")
    for status in ("public", "private", "other"):
        assert status in str(info.value)


@pytest.mark.parametrize("name", ["", "   "])
def test_partner_needs_a_name(programme, name):
    with pytest.raises(interreg.ArgumentError):
        interreg.Proposal(programme).add_partner(name, country="DK")


def test_partner_lookup_by_id_and_by_name(good_proposal):
    by_id = good_proposal.partner("PP1")
    assert by_id.name == "Göteborgs universitet"
    assert good_proposal.partner("göteborgs UNIVERSITET") == by_id
    assert good_proposal.partner("Goteborgs universitet") == by_id
    assert good_proposal.partner("aalborg kommune").id == "PP2"


def test_unknown_partner_lists_the_partners(good_proposal):
    with pytest.raises(interreg.NotFoundError) as info:
        good_proposal.partner("Lunds universitet")
    assert isinstance(info.value, KeyError)
    text = message(info.value)
    for pid, name in [("PP1", "Göteborgs universitet"), ("PP2", "Aalborg Kommune"), ("PP3", "Østfold fylkeskommune")]:
        assert pid in text and name in text


def test_unknown_partner_in_empty_proposal(programme):
    with pytest.raises(interreg.NotFoundError, match="no partners"):
        interreg.Proposal(programme).partner("PP1")


def test_partner_setters_write_through(good_proposal):
    assert good_proposal.validate().ok
    good_proposal.partner("PP1").role = "partner"
    assert good_proposal.partner("PP1").role == "partner"
    assert good_proposal.to_dict()["partners"][0]["role"] == "partner"
    report = good_proposal.validate()
    assert [f.rule for f in report] == ["partnership.lead-partner"]
    good_proposal.partner("Aalborg Kommune").role = "lead"
    assert good_proposal.validate().ok


def test_partner_view_setters(good_proposal):
    partner = good_proposal.partner("PP2")
    partner.name = "Aalborg Universitet"
    partner.region = "DK05"
    partner.org_type = "university"
    partner.legal_status = "public"
    partner.country = "DK"
    doc = good_proposal.to_dict()["partners"][1]
    assert {k: v for k, v in doc.items() if k not in ("budget", "cofinancing")} == {
        "id": "PP2", "name": "Aalborg Universitet", "country": "DK", "region": "DK05", "org_type": "university",
        "legal_status": "public", "role": "partner", "norwegian_project_owner": False,
        "organisation_number": "29189420"}
    assert [line["description"] for line in doc["budget"]["lines"]] == [
        "Job centre consultants", "Joint job fairs: venue and production"]  # the budget stays
    assert partner.to_dict() == good_proposal.to_dict()["partners"][1]
    partner.legal_status = None
    partner.region = None
    assert (partner.legal_status, partner.region) == (None, None)


@pytest.mark.parametrize("field, value, error", [
    ("role", "boss", interreg.ArgumentError),
    ("country", "XX", interreg.ArgumentError),
    ("name", "", interreg.ArgumentError),
    ("legal_status", "semi", interreg.ArgumentError),
    ("name", 5, TypeError),
    ("organisation_number", " ", interreg.ArgumentError),
    ("organisation_number", "5" * 51, interreg.ArgumentError),
    ("organisation_number", 29189420, TypeError),
    ("address", "Boulevarden 13\n9000 Aalborg", interreg.ArgumentError),
    ("contact_person", "x" * 501, interreg.ArgumentError),
    ("contact_person", ["Mette"], TypeError),
])
def test_bad_partner_setter_changes_nothing(good_proposal, field, value, error):
    before = good_proposal.to_dict()
    with pytest.raises(error):
        setattr(good_proposal.partner("PP2"), field, value)
    assert good_proposal.to_dict() == before


def test_organisation_number_address_and_contact(programme):
    p = interreg.Proposal(programme)
    lead = p.add_partner("Västra Götalandsregionen", country="SE", role="lead", organisation_number="212000-1355",
                         address="Regionens hus, 462 80 Vänersborg", contact_person="Anna Svensson, +46 10 441 00 00")
    other = p.add_partner("Aalborg Kommune", country="DK")
    assert (lead.organisation_number, lead.address, lead.contact_person) == (
        "212000-1355", "Regionens hus, 462 80 Vänersborg", "Anna Svensson, +46 10 441 00 00")
    assert (other.organisation_number, other.address, other.contact_person) == (None, None, None)
    assert "organisation_number" not in other.to_dict()  # written once given
    other.organisation_number = "DK 29 18 94 20"  # kept as written
    other.address = "Boulevarden 13, 9000 Aalborg"
    other.contact_person = "Mette Jensen"
    again = interreg.Proposal.from_json(p.to_json())
    assert again.partner("PP2").to_dict() == other.to_dict()
    assert again.partner("PP2").organisation_number == "DK 29 18 94 20"
    other.address = None
    other.organisation_number = None
    assert (other.organisation_number, other.address) == (None, None)
    assert list(other.to_dict())[8:] == ["contact_person", "budget", "cofinancing"]


def test_a_malformed_organisation_number_is_stored_and_reported(programme):
    p = interreg.Proposal(programme)
    p.add_partner("Volvo", country="SE", organisation_number="556036-0794")
    assert p.partner("PP1").organisation_number == "556036-0794"
    (finding,) = p.validate().by_rule("partner.organisation-number")
    assert (finding.severity, finding.path) == ("ERROR", "/partners/0/organisation_number")


@pytest.mark.parametrize("field", ["organisation_number", "address", "contact_person"])
@pytest.mark.parametrize("text, detail", [("A\ud800", "not valid UTF-8"), ("x\x1b[8m", "U+001B"),
                                          ("two\nlines", "U+000A"), ("c1\x85", "U+0085")])
def test_hostile_texts_are_refused_in_the_new_fields(programme, field, text, detail):
    p = interreg.Proposal(programme)
    with pytest.raises(interreg.ArgumentError) as caught:
        p.add_partner("Aalborg Kommune", country="DK", **{field: text})
    assert caught.value.field == field and detail in str(caught.value)
    assert p.partners == []
    partner = p.add_partner("Aalborg Kommune", country="DK")
    with pytest.raises(interreg.Error):
        setattr(partner, field, text)
    assert getattr(partner, field) is None


def test_partner_id_is_read_only(good_proposal):
    with pytest.raises(AttributeError):
        good_proposal.partner("PP1").id = "PP9"


def test_remove_partner_keeps_ids_and_never_reuses_them(good_proposal):
    good_proposal.remove_partner("PP2", cascade=True)
    assert [p.id for p in good_proposal.partners] == ["PP1", "PP3"]
    assert good_proposal.partner("PP3").name == "Østfold fylkeskommune"
    added = good_proposal.add_partner("Region Hovedstaden", country="DK", region="DK01")
    assert added.id == "PP4"
    assert [p.id for p in good_proposal.partners] == ["PP1", "PP3", "PP4"]
    good_proposal.remove_partner("göteborgs universitet", cascade=True)  # by name
    assert [p.id for p in good_proposal.partners] == ["PP3", "PP4"]


def test_ids_continue_from_the_highest_in_use(good_proposal):
    # Documented: the next id follows the highest one still in use, so only the id of a
    # removed *last* partner can come back (the document keeps no counter).
    good_proposal.remove_partner("PP3", cascade=True)
    assert good_proposal.add_partner("Viken fylkeskommune", country="NO").id == "PP3"


def test_removing_a_partner_the_work_plan_names_needs_cascade(good_proposal):
    before = good_proposal.to_json()
    with pytest.raises(interreg.ArgumentError, match="cascade=True") as caught:
        good_proposal.remove_partner("PP2")
    assert ("partner in activity A1.1, lead of work package 2 and partner in activity A2.1"
            in str(caught.value))
    assert good_proposal.to_json() == before
    good_proposal.remove_partner("PP2", cascade=True)
    plan = good_proposal.work_plan.to_dict()
    assert all(wp["lead"] != "PP2" for wp in plan["work_packages"])
    assert all("PP2" not in a["partners"] for wp in plan["work_packages"] for a in wp["activities"])


def test_remove_unknown_partner(good_proposal):
    with pytest.raises(interreg.NotFoundError):
        good_proposal.remove_partner("PP9")
    assert len(good_proposal.partners) == 3


def test_view_of_a_removed_partner(good_proposal):
    view = good_proposal.partner("PP2")
    good_proposal.remove_partner("PP2", cascade=True)
    with pytest.raises(interreg.NotFoundError):
        view.name
    with pytest.raises(interreg.NotFoundError):
        view.name = "Back again"


def test_partner_equality(good_proposal):
    assert good_proposal.partner("PP1") == good_proposal.partner("PP1")
    assert good_proposal.partner("PP1") != good_proposal.partner("PP2")
    assert len({good_proposal.partner("PP1"), good_proposal.partner("PP1")}) == 1
    assert good_proposal.copy().partner("PP1") != good_proposal.partner("PP1")


# -- stored as given, judged by validation --------------------------------------------------------

def test_what_validation_judges_is_stored_as_given(good_proposal, tmp_path):
    good_proposal.partner("PP2").region = "Atlantis"
    good_proposal.partner("PP2").org_type = "pirates"
    good_proposal.specific_objective = "RSO9.9"
    good_proposal.call = "2099:1"
    before = {f.rule for f in good_proposal.validate()}
    assert {"partner.region", "partner.org-type", "project.objective", "call.known"} <= before
    path = tmp_path / "draft.json"
    good_proposal.save(path)
    loaded = interreg.Proposal.load(path)
    assert loaded.partner("PP2").region == "Atlantis"
    assert loaded.partner("PP2").org_type == "pirates"
    assert loaded.specific_objective == "RSO9.9"
    assert loaded.call == "2099:1"
    assert {f.rule for f in loaded.validate()} == before


def test_closed_objective_is_stored_and_reported(good_proposal, tmp_path):
    good_proposal.specific_objective = "RSO1.1"  # closed in call 2025:1
    path = tmp_path / "closed.json"
    good_proposal.save(path)
    loaded = interreg.Proposal.load(path)
    assert loaded.specific_objective == "RSO1.1"
    assert [f.rule for f in loaded.validate()] == ["call.objective-open"]


def test_duration_over_the_programme_limit_is_stored(good_proposal, tmp_path):
    good_proposal.duration_months = 60  # allowed by the format (<= 120), refused by the programme (36)
    good_proposal.save(tmp_path / "long.json")
    assert interreg.Proposal.load(tmp_path / "long.json").duration_months == 60
    # 60 months from 2026-01-01 also end after 2029-12-31, the last day costs can be eligible.
    assert rules_of(good_proposal) == {"project.duration", "project.period"}


# -- documents ------------------------------------------------------------------------------------

NON_ASCII = {
    "acronym": "ÖKS-ÆØÅ",
    "title": {"en": "Talent “across” borders — 2026", "sv": "Talang över gränser", "da": "Talent på tværs af grænser",
              "no": "Talent på tvers av grenser 🇳🇴"},
    "summary": {"en": "Line one.\nLine two\twith a tab, a quote \" and a backslash \\ and \u2028."},
}


def _non_ascii_proposal(proposal):
    proposal.acronym = NON_ASCII["acronym"]
    proposal.title = NON_ASCII["title"]
    proposal.summary = NON_ASCII["summary"]
    proposal.add_partner("Københavns Universitet", country="DK", region="Hovedstaden", org_type="university",
                         legal_status="public")
    proposal.add_partner("Sámediggi / Sametinget", country="NO", region="Innlandet", org_type="other-public",
                         role="associated")
    return proposal


def test_save_load_save_is_byte_identical(good_proposal, tmp_path):
    p = _non_ascii_proposal(good_proposal)
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    p.save(first)
    data = first.read_bytes()
    assert "Københavns Universitet".encode("utf-8") in data  # UTF-8, not \u escapes
    assert data == p.to_json().encode("utf-8")
    assert data.endswith(b"\n")
    loaded = interreg.Proposal.load(first)
    loaded.save(second)
    assert second.read_bytes() == data
    assert loaded.to_dict() == p.to_dict()
    assert loaded.title == NON_ASCII["title"]
    assert loaded.summary == NON_ASCII["summary"]
    assert [q.id for q in loaded.partners] == ["PP1", "PP2", "PP3", "PP4", "PP5"]


def test_save_overwrites_and_keeps_no_temporary_files(good_proposal, tmp_path):
    path = tmp_path / "p.json"
    path.write_text("old", encoding="utf-8")
    good_proposal.save(str(path))
    assert json.loads(path.read_text(encoding="utf-8"))["acronym"] == "TALENT"
    assert [f.name for f in tmp_path.iterdir()] == ["p.json"]


def test_save_into_missing_folder_is_a_file_error(good_proposal, tmp_path):
    with pytest.raises(interreg.FileError) as info:
        good_proposal.save(tmp_path / "no" / "such" / "folder" / "p.json")
    assert isinstance(info.value, OSError)


def test_document_layout(good_proposal):
    doc = good_proposal.to_dict()
    assert list(doc) == ["format", "version", "programme", "call", "kind", "acronym", "title", "summary",
                         "specific_objective", "geography", "start", "duration_months", "exchange_rates", "partners",
                         "work_plan"]
    assert doc["format"] == "interreg-proposal"
    assert doc["version"] == 1
    assert doc["programme"] == "oks-2021-2027"
    # The organisation number, address, contact person, state_aid (and economic_activity) are
    # written once given: every partner has a number, PP1 has screened, PP2 has not
    assert list(doc["partners"][0]) == ["id", "name", "country", "region", "org_type", "legal_status", "role",
                                        "norwegian_project_owner", "organisation_number", "state_aid", "budget",
                                        "cofinancing"]
    assert list(doc["partners"][1]) == ["id", "name", "country", "region", "org_type", "legal_status", "role",
                                        "norwegian_project_owner", "organisation_number", "budget", "cofinancing"]
    assert list(doc["partners"][0]["state_aid"]) == ["scheme", "previous_de_minimis"]
    assert list(doc["partners"][0]["budget"]) == ["flat_rates", "lines"]
    assert list(doc["partners"][0]["budget"]["flat_rates"]) == ["staff", "office_on_staff", "office_on_direct",
                                                                 "travel", "other_costs"]
    assert list(doc["partners"][0]["budget"]["lines"][0]) == ["category", "description", "unit_type", "units",
                                                              "unit_price", "currency", "periods", "unit_cost",
                                                              "lump_sum"]
    assert list(doc["partners"][0]["cofinancing"]) == ["fund", "rate", "sources"]
    assert list(doc["partners"][0]["cofinancing"]["sources"][0]) == ["name", "own", "status", "amount"]
    assert doc["exchange_rates"] == {"NOK": {"rate": "11.4915", "date": "2025-01-31",
                                             "source": "Norges Bank, EUR/NOK, 31 January 2025"}}
    assert json.loads(good_proposal.to_json()) == doc


def test_to_dict_from_dict_round_trip(good_proposal):
    p = _non_ascii_proposal(good_proposal)
    doc = p.to_dict()
    again = interreg.Proposal.from_dict(doc)
    assert again.to_dict() == doc
    assert again.to_json() == p.to_json()
    assert again.programme is p.programme
    assert again.validate().findings == p.validate().findings


def test_from_json_str_and_bytes(good_proposal):
    text = _non_ascii_proposal(good_proposal).to_json()
    from_str = interreg.Proposal.from_json(text)
    from_bytes = interreg.Proposal.from_json(text.encode("utf-8"))
    assert from_str.to_json() == text
    assert from_bytes.to_json() == text


def test_plain_string_texts_are_english(good_proposal):
    doc = good_proposal.to_dict()
    doc["title"] = "Plain title"
    assert interreg.Proposal.from_dict(doc).title == {"en": "Plain title"}


def test_the_forms_text_sections(good_proposal, tmp_path):
    p = good_proposal
    assert interreg.Proposal.NARRATIVE == ("relevance", "target_groups", "cross_border_value", "management",
                                           "communication", "durability")
    assert p.relevance == {} and "narrative" not in p.to_dict()  # documents without them keep their bytes
    p.durability = {"sv": "Regionerna driver matchningen vidare.", "en": "The regions keep the matching going."}
    p.relevance = "Employers lack staff."  # a str is English
    doc = p.to_dict()
    assert list(doc["narrative"]) == ["relevance", "durability"]  # in the form's order, only those written
    assert doc["narrative"]["relevance"] == {"en": "Employers lack staff."}
    keys = list(doc)
    assert keys[keys.index("summary") + 1] == "narrative"  # beside the other texts
    p.save(tmp_path / "p.json")
    back = interreg.Proposal.load(tmp_path / "p.json")
    assert back.durability == p.durability and back.relevance == {"en": "Employers lack staff."}
    assert back.to_json() == p.to_json()
    p.relevance = None  # cleared
    assert list(p.to_dict()["narrative"]) == ["durability"]
    p.durability = {}
    assert "narrative" not in p.to_dict()


@pytest.mark.parametrize("value, error, words", [
    ({"fi": "x"}, interreg.ArgumentError, ["narrative/management/fi", "unknown language"]),
    ({"en": "a\x00b"}, interreg.ArgumentError, ["narrative/management/en"]),
    ({"en": "x" * 100_001}, interreg.ArgumentError, ["narrative/management/en"]),
    (5, TypeError, ["narrative/management"]),
    ({"en": "A\ud800"}, interreg.Error, []),
])
def test_bad_text_sections_are_refused_and_change_nothing(good_proposal, value, error, words):
    good_proposal.management = "Kept."
    with pytest.raises(error) as e:
        good_proposal.management = value
    for word in words:
        assert word in str(e.value)
    assert good_proposal.management == {"en": "Kept."}


def test_an_unknown_section_names_the_choices(good_proposal):
    with pytest.raises(interreg.ArgumentError, match="unknown section; use one of relevance, target_groups"):
        good_proposal._core.set_narrative("relevanse", {"en": "x"})


def test_load_missing_file_is_a_file_error(tmp_path):
    with pytest.raises(interreg.FileError):
        interreg.Proposal.load(tmp_path / "missing.json")


def test_load_a_folder_is_a_file_error(tmp_path):
    with pytest.raises(interreg.FileError):
        interreg.Proposal.load(tmp_path)


@pytest.fixture
def other_programme(tmp_path):
    """A copy of the embedded programme under another id, loaded from a path."""
    doc = json.loads(EMBEDDED_JSON.read_text(encoding="utf-8"))
    doc["id"] = "test-programme-2021-2027"
    path = tmp_path / "other-programme.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return interreg.load_programme(path)


def test_load_for_another_programme_is_an_argument_error(good_proposal, other_programme, tmp_path):
    path = tmp_path / "talent.json"
    good_proposal.save(path)
    with pytest.raises(interreg.ArgumentError) as info:
        interreg.Proposal.load(path, programme=other_programme)
    assert "oks-2021-2027" in str(info.value)
    assert "test-programme-2021-2027" in str(info.value)
    with pytest.raises(interreg.ArgumentError):
        interreg.Proposal.from_json(good_proposal.to_json(), programme=other_programme)
    with pytest.raises(interreg.ArgumentError):
        interreg.Proposal.from_dict(good_proposal.to_dict(), programme=other_programme)


def test_document_naming_an_unknown_programme(other_programme, tmp_path):
    p = interreg.Proposal(other_programme, acronym="OTHER")
    path = tmp_path / "other.json"
    p.save(path)
    assert json.loads(path.read_text(encoding="utf-8"))["programme"] == "test-programme-2021-2027"
    with pytest.raises(interreg.ArgumentError) as info:
        interreg.Proposal.load(path)
    assert "test-programme-2021-2027" in str(info.value)
    assert "oks-2021-2027" in str(info.value)  # the embedded ids are listed
    assert interreg.Proposal.load(path, programme=other_programme).acronym == "OTHER"


@pytest.mark.parametrize("named", ["existing-file", "missing.json"])
def test_programme_named_in_a_document_is_an_id_not_a_path(good_proposal, named, tmp_path):
    (tmp_path / "existing-file").write_text("just some notes", encoding="utf-8")
    doc = good_proposal.to_dict()
    doc["programme"] = str(tmp_path / named)
    with pytest.raises(interreg.ArgumentError):
        interreg.Proposal.from_dict(doc)


def test_copy_is_independent(good_proposal):
    clone = good_proposal.copy()
    assert clone.to_dict() == good_proposal.to_dict()
    assert clone.programme is good_proposal.programme
    clone.acronym = "CLONE"
    clone.partner("PP1").name = "Chalmers tekniska högskola"
    clone.add_partner("Region Skåne", country="SE", region="Skåne")
    clone.title = {"sv": "Klon"}
    assert good_proposal.acronym == "TALENT"
    assert good_proposal.partner("PP1").name == "Göteborgs universitet"
    assert len(good_proposal.partners) == 3
    assert "en" in good_proposal.title
    assert good_proposal.validate().ok


def test_partners_frame(good_proposal):
    df = good_proposal.to_frame()
    assert list(df.columns) == ["id", "name", "country", "region", "org_type", "legal_status", "role",
                                "norwegian_project_owner", "organisation_number", "address", "contact_person",
                                "economic_activity", "state_aid"]
    assert list(df["organisation_number"]) == ["202100-1215", "29189420", "974 544 466"]
    assert list(df["id"]) == ["PP1", "PP2", "PP3"]
    assert list(df["country"]) == ["SE", "DK", "NO"]
    assert list(df["norwegian_project_owner"]) == [False, False, True]


def test_partners_frame_of_empty_proposal(programme):
    df = interreg.Proposal(programme).to_frame()
    assert len(df) == 0
    assert "norwegian_project_owner" in df.columns


def test_repr_shows_period_total_and_the_last_validation(good_proposal):
    total = f"{good_proposal.budget_summary().total:,.2f}"
    head = f"<Proposal TALENT: RSO4.1, 3 partners, 2026-01-01 to 2028-12-31, total {total} EUR; last validation: "
    assert repr(good_proposal) == head + "not validated>"
    counts = good_proposal.validate().counts()
    assert counts["ERROR"] == 0
    assert repr(good_proposal) == head + "no findings>"
    good_proposal.partner("PP2").region = "Syddanmark"  # a WARNING, not yet validated
    assert repr(good_proposal) == head + "no findings (edited since)>"
    good_proposal.validate()
    assert repr(good_proposal) == head + "1 warning>"
    good_proposal.partner("PP2").org_type = "municipal"
    counts = good_proposal.validate().counts()
    assert counts["ERROR"] == 1
    assert repr(good_proposal) == head + f"1 error, {counts['WARNING']} warnings>"


def test_repr_of_a_proposal_without_dates_or_a_computable_budget(programme):
    p = interreg.Proposal(programme, acronym="X")
    assert repr(p) == "<Proposal X: no objective, 0 partners, dates not set, total 0.00 EUR; last validation: not validated>"
    pp = p.add_partner("Aalborg Kommune", country="DK", region="Nordjylland", org_type="local-authority")
    pp.budget.add("staff", "Manager", units=1, unit_price="1000.00", currency="DKK")  # no exchange rate yet
    assert "total not computable (" in repr(p) and "DKK" in repr(p)


def test_schema():
    assert (Path(interreg.__file__).resolve().parent / "data" / "proposal.schema.json").is_file()
    schema = interreg.schema()
    assert isinstance(schema, dict)
    assert "$schema" in schema
    assert "2020-12" in schema["$schema"]
    schema["mutated"] = True
    assert "mutated" not in interreg.schema()  # a new dict each time
