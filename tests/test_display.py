"""Notebook HTML (``_repr_html_``) against golden files in tests/golden/.

The golden files hold the HTML with a line break between adjacent tags (``><`` → ``>\\n<``) so
that diffs are readable; nothing else is changed. To regenerate them after an intended change:

    INTERREG_UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/test_display.py

and look at the diff before committing it.
"""
from __future__ import annotations

import difflib
import os
from html.parser import HTMLParser

import pytest

import interreg
from conftest import GOLDEN, give_small_budget

UPDATE = os.environ.get("INTERREG_UPDATE_GOLDEN") == "1"
VOID = {"br", "hr", "img", "meta", "input", "wbr"}


def readable(html: str) -> str:
    return html.replace("><", ">\n<") + "\n"


def check_golden(name: str, html: str) -> None:
    path = GOLDEN / name
    text = readable(html)
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        return
    if not path.exists():
        pytest.fail(f"{path} is missing; create it with INTERREG_UPDATE_GOLDEN=1")
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), text.splitlines(True),
                                            f"golden/{name}", "actual", n=1))
        pytest.fail(f"{name} differs from the golden file (INTERREG_UPDATE_GOLDEN=1 rewrites it):\n{diff[:6000]}")


class _Balance(HTMLParser):
    """Checks that every element is closed in order; collects the text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.text, self.tags = [], [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)

    def joined(self) -> str:
        return " | ".join(self.text)


def parse(html: str) -> _Balance:
    parser = _Balance()
    parser.feed(html)
    parser.close()
    assert not parser.errors, parser.errors
    assert not parser.stack, f"unclosed: {parser.stack}"
    return parser


@pytest.fixture
def mixed_report(make_good_proposal):
    p = make_good_proposal()
    p.specific_objective, p.call = "RSO1.1", "2024:1"  # WARNING call.objective-open (the call's list is assumed)
    p.partner("PP2").region = "Syddanmark"  # WARNING partner.outside-area
    p.partner("PP2").org_type = "municipal"  # ERROR partner.org-type
    p.partner("PP2").economic_activity = False  # no stateaid.screening
    sole_trader = p.add_partner("Anna Andersson Konsult", country="SE", region="Halland", org_type="sole-trader",
                                economic_activity=False, organisation_number="802012-3454")
    give_small_budget(sole_trader)  # ERROR partner.eligible-type; a budget, so no budget.partner-empty
    report = p.validate()
    assert report.counts() == {"ERROR": 2, "WARNING": 2, "INFO": 0}
    return report


def test_programme_html(programme):
    html = programme._repr_html_()
    check_golden("programme.html", html)
    text = parse(html).joined()
    assert "Interreg Öresund-Kattegat-Skagerrak 2021-2027" in text
    for o in programme.specific_objectives:
        assert o.code in text
    for c in programme.calls:
        assert c.id in text
    assert "continuous" in text  # the pre-project call never closes


def test_proposal_html(good_proposal):
    html = good_proposal._repr_html_()
    check_golden("proposal.html", html)
    text = parse(html).joined()
    for p in good_proposal.partners:
        assert p.name in text
    assert "Norwegian project owner" in text
    assert "TALENT" in text


def test_report_html(mixed_report):
    html = mixed_report._repr_html_()
    check_golden("report.html", html)
    parser = parse(html)
    text = parser.joined()
    assert "NOT OK" in text
    assert "2 errors" in text and "2 warnings" in text
    assert "(assumed)" in text
    for f in mixed_report:
        assert f.rule in text and f.message in text and f.path in text
    assert parser.tags.count("tr") == 1 + len(mixed_report)


def test_empty_report_html(good_proposal):
    report = good_proposal.validate()
    html = report._repr_html_()
    check_golden("report-empty.html", html)
    text = parse(html).joined()
    assert "OK" in text and "NOT OK" not in text
    assert "No findings." in text


def test_warning_only_report_html(good_proposal):
    good_proposal.partner("PP2").region = "Syddanmark"
    text = parse(good_proposal.validate()._repr_html_()).joined()
    assert "NOT OK" not in text
    assert "1 warning" in text and "1 warnings" not in text


SCRIPT = "<script>alert(1)</script>"


def test_html_is_escaped(programme):
    p = interreg.Proposal(programme, acronym="<b>BOLD</b>", title={"en": 'Tom & "Jerry" <i>'}, call="<call>")
    p.add_partner(SCRIPT, country="SE", region="<img src=x onerror=alert(1)>", role="lead")
    p.add_partner("Aalborg Kommune", country="DK", region="DK05", org_type="<u>type</u>")
    for html in (p._repr_html_(), p.validate()._repr_html_()):
        assert "<script" not in html.lower()
        assert "<img" not in html.lower()
        assert "<b>" not in html and "<i>" not in html and "<u>" not in html and "<call>" not in html
        parse(html)
    proposal_html = p._repr_html_()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in proposal_html
    assert "&lt;b&gt;BOLD&lt;/b&gt;" in proposal_html
    assert "Tom &amp; &quot;Jerry&quot; &lt;i&gt;" in proposal_html
    text = parse(proposal_html).joined()
    assert SCRIPT in text  # shown as text, not run
    report_text = parse(p.validate()._repr_html_()).joined()
    assert SCRIPT in report_text  # the partner's name appears in a finding's message (no org_type)
    assert "<img src=x onerror=alert(1)>" in report_text  # the unknown region is quoted in partner.region
    assert "<u>type</u>" in report_text  # the unknown org type is quoted in partner.org-type


# -- the displays of a partner, a work plan, its timeline, a ranking and a history ---------
def test_partner_html_names_codes_and_reconciles_with_the_summary(good_proposal):
    partner = good_proposal.partner("PP3")
    html = partner._repr_html_()
    check_golden("partner.html", html)
    text = parse(html).joined()
    assert "PP3 Østfold fylkeskommune" in text
    region = good_proposal.programme.region(partner.region)
    assert f"{region.name} ({region.code})" in text  # the region by name, with its code
    org_type = good_proposal.programme.org_type(partner.org_type)
    assert org_type.name["en"] in text
    assert "Norwegian project owner" in text
    assert "Norwegian Interreg funds" in text  # the fund by name
    row = next(p for p in good_proposal.budget_summary().partners if p.id == "PP3")
    for amount in (row.costs["total"], row.fund_amount, row.contribution):
        assert f"{amount:,.2f}" in text
    assert "State aid | not recorded" in text


def test_partner_html_of_an_unknown_region_and_type_and_an_unsummarisable_budget(programme):
    p = interreg.Proposal(programme, acronym="X")
    pp = p.add_partner("<b>Firm</b>", country="DK", region="Atlantis", org_type="guild")
    pp.budget.add("staff", "Manager", units=1, unit_price="1000.00", currency="DKK")
    html = pp._repr_html_()
    text = parse(html).joined()
    assert "<b>" not in html and "&lt;b&gt;Firm&lt;/b&gt;" in html
    assert "Atlantis" in text and "guild (not a type of the programme)" in text
    assert "cannot be summarised yet" in text and "DKK" in text


def test_report_html_links_sources_and_only_web_addresses(mixed_report):
    html = mixed_report._repr_html_()
    outside = next(f for f in mixed_report if f.rule == "partner.outside-area")
    title, url = outside.source.rsplit(" — ", 1)
    assert f'<a href="{url}" target="_blank" rel="noopener noreferrer">{title}</a>' in html
    from interreg.render.html_parts import source_link

    assert source_link("Manual — javascript:alert(1)") == "Manual — javascript:alert(1)"
    assert source_link('X — https://a.eu/"onmouseover=alert(1)') == (
        '<a href="https://a.eu/&quot;onmouseover=alert(1)" target="_blank" rel="noopener noreferrer">X</a>')
    assert source_link("no address") == "no address"
    assert source_link("<i>T</i> — https://a.eu/x") == (
        '<a href="https://a.eu/x" target="_blank" rel="noopener noreferrer">&lt;i&gt;T&lt;/i&gt;</a>')


def test_proposal_html_shows_total_period_and_validation(good_proposal):
    text = parse(good_proposal._repr_html_()).joined()
    assert "2026-01-01 to 2028-12-31" in text
    assert f"total budget {good_proposal.budget_summary().total:,.2f} EUR" in text
    assert "last validation: not validated" in text
    good_proposal.validate()
    assert "last validation: no findings" in parse(good_proposal._repr_html_()).joined()


@pytest.fixture
def planned(programme):
    from planned_proposal import build_planned_proposal

    return build_planned_proposal(programme)


def test_timeline_html(planned):
    t = planned.work_plan.timeline()
    html = t._repr_html_()
    check_golden("timeline.html", html)
    parser = parse(html)
    assert parser.tags.count("tr") == 1 + len(t.rows)
    assert html.count("<td style='padding:0;min-width:1.6em") == len(t.rows) * t.period_count
    assert html.count("◆") == sum(r.kind == "deliverable" for r in t.rows) + 1  # and once in the legend line
    text = parser.joined()
    assert t.note in text  # A2.1 starts before A1.1 ends
    assert "PP1, PP3" in text  # an activity's partners
    assert "Skills mapping" in text


def test_timeline_html_escapes_titles(planned):
    planned.work_plan.update("A1.1", title="<script>alert(1)</script>")
    html = planned.work_plan.timeline()._repr_html_()
    assert "<script" not in html and "&lt;script&gt;" in html
    parse(html)


def test_work_plan_html(planned):
    html = planned.work_plan._repr_html_()
    check_golden("work-plan.html", html)
    text = parse(html).joined()
    w = planned.work_plan.to_dict()
    assert w["overall_objective"] in text
    for wp in w["work_packages"]:
        assert wp["title"] in text
    for item in w["outputs"] + w["results"]:
        assert item["indicator"] in text
    assert "1–4" in text  # WP1's activities run from period 1 to 4


def test_ranking_html(programme):
    ranking = programme.rank_objectives("arbetsmarknad pendling över gränsen, kompetensförsörjning", n=3)
    html = ranking._repr_html_()
    parser = parse(html)
    text = parser.joined()
    assert parser.tags.count("tr") == 1 + len(ranking)
    codes = [s.code for s in ranking]
    assert text.index(codes[0]) < text.index(codes[1]) < text.index(codes[2])
    assert f"{ranking[0].score:.2f}" in text
    assert "width:100px" in html  # the best fit's bar is full width


def test_history_html():
    h = interreg.CooperationHistory.sample()
    html = h._repr_html_()
    check_golden("history.html", html)
    text = parse(html).joined()
    assert f"{h.project_count:,} projects" in text and f"{h.organisation_count:,} organisations" in text
    orgs = h.organisations().sort_values(["projects", "organisation"], ascending=[False, True])
    assert orgs["organisation"].iloc[0] in text
    assert "could not be read" not in text


def test_history_html_says_how_many_rows_were_left_out(tmp_path):
    csv = tmp_path / "h.csv"
    csv.write_text("project,organisation,country\nP1,A,SE\nP1,B,DK\nP2,,SE\n", encoding="utf-8")
    h = interreg.CooperationHistory.from_csv(csv, errors="skip")
    assert "1 line could not be read" in parse(h._repr_html_()).joined()


# -- what changed between two versions -----------------------------------------------------
def test_diff_html(good_proposal):
    after = good_proposal.copy()
    after.partner("PP1").budget.add("staff", "Data analyst", units=100, unit_price="40.00", unit_type="hours")
    after.partner("PP2").region = "Syddanmark"  # WARNING partner.outside-area
    after.remove_partner("PP3", cascade=True)
    d = good_proposal.diff(after)
    html = d._repr_html_()
    check_golden("diff.html", html)
    parser = parse(html)
    text = parser.joined()
    assert d.summary() in text
    assert f"({d.budget.difference:+,.2f})" in text
    assert "PP3 Østfold fylkeskommune" in text and "partner.outside-area" in text
    assert parser.tags.count("tr") >= len(d) + 1


def test_identical_diff_html(good_proposal):
    text = parse(good_proposal.diff(good_proposal)._repr_html_()).joined()
    assert "identical: no changes" in text and "(0.00)" in text


def test_diff_html_is_escaped(good_proposal):
    after = good_proposal.copy()
    after.partner("PP2").name = SCRIPT
    after.acronym = "<b>BOLD</b>"
    html = good_proposal.diff(after)._repr_html_()
    assert "<script" not in html.lower() and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;b&gt;BOLD&lt;/b&gt;" in html
    parse(html)
