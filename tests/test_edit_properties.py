"""Property tests of the edits: whatever the API accepts saves, loads and saves again byte for
byte, and a text setter either refuses a string with an interreg.Error or keeps it exactly.

Hypothesis draws random sequences of edits through the public API (metadata, partners, budget
lines, flat rates, co-financing, exchange rates, every kind of work plan item, updates and
removals) with values that are sometimes valid and sometimes not; after every step the
document must read back as itself. ``derandomize=True`` keeps CI reproducible.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import interreg
from conftest import build_good_proposal

PROGRAMME = interreg.load_programme()


def examples(n):
    return settings(max_examples=n, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# Texts as people and broken tools produce them: ordinary words, Nordic letters, markup and
# formulas, control characters (C0, DEL, C1), lone surrogates, and strings past the limits.
ODD = ["\x00", "\x01", "\t", "\n", "\r", "\x0b", "\x1b[8m", "\x7f", "\x85", "\u2028", "\ud800", "\udfff", "=", "~~~",
       "<b>", "Ø", "å", "—", "\U0001F600"]
clean = st.one_of(
    st.sampled_from(["Region Halland", "Aalborg Kommune", "Västra Götaland", "Østfold", "Skills mapping", "RCO84",
                     "A1.1", "O1", "Hovedstaden", "university", "ngo", "Job fairs — “Kattegat”"]),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäöæø ÅÄÖ-", min_size=1, max_size=30))
odd = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(ODD + ["a", "b", " "]), max_size=12).map("".join),
    st.integers(min_value=0, max_value=3).map(lambda k: "x" * (49, 50, 51, 501)[k]),
    st.just(""))
texts = st.one_of(clean, clean, clean, odd)  # mostly values a user would type
amounts = st.one_of(st.decimals(min_value=0, max_value=10 ** 6, places=2, allow_nan=False).map(str),
                    st.integers(min_value=0, max_value=10 ** 5),
                    st.decimals(min_value=-10, max_value=10 ** 7, places=2, allow_nan=False).map(str),
                    st.sampled_from(["1.234", "abc", "1e3", "", "-5"]))
periods = st.one_of(st.integers(min_value=1, max_value=6), st.integers(min_value=-1, max_value=42))


def attempt(action, *args, **kwargs):
    """Run an edit; refusals are fine (that is the point of the checks)."""
    try:
        action(*args, **kwargs)
    except (interreg.Error, TypeError):
        pass


def partner_ids(p):
    return [x.id for x in p.partners]


def activity_ids(p):
    return [a["id"] for wp in p.work_plan.to_dict()["work_packages"] for a in wp["activities"]]


@st.composite
def edits(draw):
    """One random edit, as a function of the proposal."""
    kind = draw(st.integers(min_value=0, max_value=21))
    text, other, amount, period = draw(texts), draw(texts), draw(amounts), draw(periods)
    index = draw(st.integers(min_value=0, max_value=4))
    choice = draw(st.integers(min_value=0, max_value=10 ** 6))
    field = draw(st.sampled_from(["acronym", "call", "specific_objective", "title", "summary", "kind", "geography"]))
    price = draw(amounts)

    def pick(items):
        return items[choice % len(items)] if items else "PP1"

    def edit(p):
        plan = p.work_plan
        if kind == 0:
            attempt(setattr, p, field, text)
        elif kind == 1:
            attempt(p.add_partner, text, country=pick(["SE", "dk", "NO", "DE", "XX", "se"]),
                    region=other or None, org_type=pick(["university", "ngo", other, None]),
                    role=pick(["lead", "partner", "associated", "boss"]))
        elif kind == 2 and p.partners:
            attempt(setattr, p.partner(pick(partner_ids(p))), pick(["name", "region", "org_type"]), text)
        elif kind == 3 and p.partners:
            attempt(p.partner(pick(partner_ids(p))).budget.add, pick(["staff", "travel", "external", "equipment",
                                                                       "lump_sum", "office_admin", "bogus"]),
                    text, units=amount, unit_price=price, unit_type=other,
                    currency=pick(["EUR", "EUR", "DKK", "SEK", "NOK", "USD"]))
        elif kind == 4 and p.partners:
            attempt(p.partner(pick(partner_ids(p))).budget.remove, index)
        elif kind == 5 and p.partners:
            attempt(p.partner(pick(partner_ids(p))).budget.flat_rates,
                    office_admin=pick([None, "15%", "7%", "0.2"]), travel=pick([None, "15%"]),
                    other_costs=pick([None, "40%"]), staff=pick([None, "20%"]))
        elif kind == 6 and p.partners:
            cof = p.partner(pick(partner_ids(p))).cofinancing
            attempt(setattr, cof, "rate", pick([None, "60%", "50%", "1.5", "0.4"]))
            attempt(setattr, cof, "fund", pick([None, "erdf", text]))
        elif kind == 7 and p.partners:
            attempt(p.partner(pick(partner_ids(p))).cofinancing.add_source, text, amount,
                    status=pick(["public", "private", "other"]), own=bool(choice % 2))
        elif kind == 8:
            attempt(p.set_exchange_rate, pick(["DKK", "SEK", "NOK", "EUR"]), pick(["7.4588", "11.2", "0", "-1", amount]),
                    date=pick([None, "2025-01-31", "2025-02-30"]), source=text)
        elif kind == 9:
            attempt(plan.add_objective, text, id=pick([None, None, other]))
        elif kind == 10:
            attempt(plan.add_work_package, text, lead=pick(partner_ids(p) + [None]),
                    objective=pick([None, "O1", "O2"]))
        elif kind == 11:
            numbers = [wp["number"] for wp in plan.to_dict()["work_packages"]] or [1]
            attempt(plan.add_activity, pick(numbers), text, start_period=period, end_period=max(period, 1) + index,
                    partners=partner_ids(p)[: index], deliverables=[(other, period)],
                    predecessors=activity_ids(p)[: index % 2])
        elif kind == 12:
            attempt(plan.add_output, pick(["RCO84", "RCO87", text]), amount, period=period,
                    work_package=pick([None, 1, 2]))
        elif kind == 13:
            attempt(plan.add_result, pick(["RCR104", "RCR84", text]), amount, period=period, baseline=pick([0, "1.5"]))
        elif kind == 14 and activity_ids(p):
            attempt(plan.update, pick(activity_ids(p)), title=text, end_period=period)
        elif kind == 15 and activity_ids(p):
            attempt(plan.update, pick(activity_ids(p)), id=other or "A9.9")
        elif kind == 16:
            doc = plan.to_dict()
            items = ([o["id"] for o in doc["objectives"]] + [wp["number"] for wp in doc["work_packages"]] +
                     activity_ids(p) + [o["indicator"] for o in doc["outputs"]])
            if items:
                attempt(plan.remove, pick(items), cascade=bool(choice % 2))
        elif kind == 17:
            attempt(plan.set_cooperation, **{pick(["joint_development", "joint_staffing", "joint_marketing"]): text})
        elif kind == 18:
            attempt(plan.set_principle, pick(["gender_equality", "equal_opportunities", "climate"]),
                    pick(["positive", "neutral", "good"]), text)
        elif kind == 19 and p.partners:
            attempt(p.remove_partner, pick(partner_ids(p)), cascade=bool(choice % 2))
        elif kind == 20:
            attempt(setattr, p, pick(["start", "duration_months"]), pick([text, "2026-01-01", period, None]))
        elif kind == 21:
            attempt(setattr, plan, "overall_objective", text)

    return edit


@examples(300)
@given(st.booleans(), st.lists(edits(), min_size=1, max_size=30))
def test_whatever_the_api_accepts_saves_and_loads_again(start_empty, sequence):
    p = (interreg.Proposal(PROGRAMME, acronym="PROPERTY", call="2025:1", start="2026-01-01", duration_months=36)
         if start_empty else build_good_proposal(PROGRAMME))
    for edit in sequence:
        edit(p)
        text = p.to_json()
        again = interreg.Proposal.from_json(text)  # never refuses what the API wrote
        assert again.to_json() == text


def test_the_same_through_files(tmp_path, good_proposal):
    good_proposal.work_plan.update("A1.1", title="Survey — “second” round", end_period=3)
    good_proposal.work_plan.remove("RCO84")
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    good_proposal.save(first)
    interreg.Proposal.load(first).save(second)
    assert first.read_bytes() == second.read_bytes()


# -- every text setter: refused with interreg.Error, or kept exactly --------------------------------

def text_setters(p):
    """(name, set, get) for every text field of the API."""
    partner = p.partner("PP1")
    plan = p.work_plan

    def set_line(t):
        partner.budget.add("external", t, units=1, unit_price="10.00", unit_type=t)

    def set_objective(t):
        plan.update("O1", text=t)

    return [
        ("acronym", lambda t: setattr(p, "acronym", t), lambda: p.acronym),
        ("call", lambda t: setattr(p, "call", t), lambda: p.call),
        ("specific_objective", lambda t: setattr(p, "specific_objective", t), lambda: p.specific_objective),
        ("title", lambda t: setattr(p, "title", {"sv": t}), lambda: p.title["sv"]),
        ("summary", lambda t: setattr(p, "summary", t), lambda: p.summary["en"]),
        ("partner name", lambda t: setattr(partner, "name", t), lambda: partner.name),
        ("region", lambda t: setattr(partner, "region", t), lambda: partner.region),
        ("org_type", lambda t: setattr(partner, "org_type", t), lambda: partner.org_type),
        ("line description", set_line, lambda: partner.budget.lines[-1].description),
        ("source name", lambda t: partner.cofinancing.add_source(t, "1.00"), lambda: partner.cofinancing.sources[-1]["name"]),
        ("exchange-rate source", lambda t: p.set_exchange_rate("NOK", "11.5", source=t), lambda: p.exchange_rates["NOK"]["source"]),
        ("fund", lambda t: setattr(partner.cofinancing, "fund", t), lambda: partner.cofinancing.fund),
        ("overall objective", lambda t: setattr(plan, "overall_objective", t), lambda: plan.overall_objective),
        ("objective text", set_objective, lambda: plan.to_dict()["objectives"][0]["text"]),
        ("work package title", lambda t: plan.update(1, title=t), lambda: plan.to_dict()["work_packages"][0]["title"]),
        ("activity title", lambda t: plan.update("A1.1", title=t),
         lambda: plan.to_dict()["work_packages"][0]["activities"][0]["title"]),
        ("cooperation", lambda t: plan.set_cooperation(joint_staffing=t), lambda: plan.to_dict()["cooperation"]["joint_staffing"]),
        ("principle", lambda t: plan.set_principle("gender_equality", "positive", t),
         lambda: plan.to_dict()["horizontal_principles"]["gender_equality"]["text"]),
    ]


@examples(400)
@given(st.integers(min_value=0, max_value=17), texts)
def test_every_text_setter_refuses_or_keeps_the_text(setter, text):
    p = build_good_proposal(PROGRAMME)
    name, put, get = text_setters(p)[setter]
    before = p.to_json()
    try:
        put(text)
    except interreg.Error as error:
        assert p.to_json() == before, f"{name}: a refused text changed the proposal"
        assert str(error)
        return
    assert get() == text, name
    assert interreg.Proposal.from_json(p.to_json()).to_json() == p.to_json()


@pytest.mark.parametrize("text, detail", [
    ("A\ud800", "not valid UTF-8"), ("x\x1b[8m", "U+001B"), ("two\nlines", "U+000A"), ("nul\x00", "U+0000"),
    ("c1\x85", "U+0085"), ("x" * 501, "the limit is 500")])
def test_odd_texts_are_refused_with_the_field_named(good_proposal, text, detail):
    for put, field in [(lambda t: setattr(good_proposal, "acronym", t), "acronym"),
                       (lambda t: setattr(good_proposal.partner("PP2"), "name", t), "name"),
                       (lambda t: good_proposal.partner("PP1").budget.add("external", t, units=1), "description"),
                       (lambda t: good_proposal.work_plan.update("A1.1", title=t), "title")]:
        with pytest.raises(interreg.ArgumentError) as caught:
            put(text)
        assert caught.value.field == field
        assert detail in str(caught.value)


def test_multi_line_texts_take_newlines_and_tabs(good_proposal):
    good_proposal.summary = "Two lines\n\tand a tab"
    good_proposal.work_plan.overall_objective = "First\nsecond"
    again = interreg.Proposal.from_json(good_proposal.to_json())
    assert again.summary["en"] == "Two lines\n\tand a tab"
    assert again.work_plan.overall_objective == "First\nsecond"
