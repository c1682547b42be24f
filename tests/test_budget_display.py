"""The budget summary in notebooks: its HTML (against golden files, as tests/test_display.py)
and its plots (matplotlib, Agg backend).

Regenerate the golden files after an intended change with

    INTERREG_UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/test_budget_display.py

and look at the diff before committing it.
"""
from __future__ import annotations

import re
from decimal import Decimal
from html.parser import HTMLParser
from typing import List, Optional

import pytest

import interreg
from interreg.summary import COST_LABELS
from interreg.money import format_amount
from test_budget_export import build_budget_proposal
from test_display import check_golden, parse

AMOUNT = re.compile(r"^-?\d{1,3}(,\d{3})*\.\d{2}$")
RIGHT = "text-align:right"


@pytest.fixture(scope="module")
def summary():
    return build_budget_proposal(interreg.load_programme()).budget_summary()


class _Tables(HTMLParser):
    """The tables of a page: for each, its rows as (section, [(text, style)])."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables: List[List[tuple]] = []
        self.section = ""
        self.cell: Optional[list] = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag in ("thead", "tbody", "tfoot"):
            self.section = tag
        elif tag == "tr":
            self.tables[-1].append((self.section, []))
        elif tag in ("td", "th"):
            self.cell = ["", dict(attrs).get("style") or ""]

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1][1].append(tuple(self.cell))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell[0] += data


def tables(html: str) -> List[List[tuple]]:
    parser = _Tables()
    parser.feed(html)
    return parser.tables


def amount(text: str) -> Decimal:
    assert AMOUNT.match(text), text
    return Decimal(text.replace(",", ""))


def rows(table, section):
    return [[text for text, _ in cells] for sec, cells in table if sec == section]


def test_budget_html_golden(summary):
    html = summary._repr_html_()
    check_golden("budget.html", html)
    text = parse(html).joined()
    for p in summary.partners:
        assert p.name in text and format_amount(p.total) in text
    assert "817,222.56" in text
    assert "1 EUR = 11.7725 NOK (2025-09-30, ECB euro reference rate)" in text
    assert "6 reporting periods, 2026-01-01 to 2028-12-31" in text


def test_every_shown_total_is_the_sum_of_the_shown_parts(summary):
    headline, partners, cofinancing = tables(summary._repr_html_())

    body, foot = rows(headline, "tbody"), rows(headline, "tfoot")
    assert [r[0] for r in body] == ["European Regional Development Fund (ERDF)", "Norwegian Interreg funds",
                                    "partners' contribution"]
    assert sum(amount(r[1]) for r in body) == amount(foot[0][1]) == summary.total

    header = rows(partners, "thead")[0]
    assert header[:3] == ["partner", "name", "country"] and header[-1] == "Total"
    shown = header[3:-1]
    assert shown == [COST_LABELS[c] for c in ("staff", "office_admin", "travel", "external", "equipment",
                                              "other_costs")]  # all-zero columns are left out
    body, foot = rows(partners, "tbody"), rows(partners, "tfoot")
    assert [r[0] for r in body] == ["PP1", "PP2", "PP3"] and foot[0][0] == "total"
    for r in body + foot:
        assert sum(amount(x) for x in r[3:-1]) == amount(r[-1]), r
    for k in range(3, len(header)):
        assert sum(amount(r[k]) for r in body) == amount(foot[0][k]), header[k]
    assert amount(foot[0][-1]) == summary.total

    header = rows(cofinancing, "thead")[0]
    assert header == ["partner", "name", "fund", "rate", "total", "fund amount", "contribution"]
    body, foot = rows(cofinancing, "tbody"), rows(cofinancing, "tfoot")
    erdf, norwegian = "European Regional Development Fund (ERDF)", "Norwegian Interreg funds"  # names, not ids
    assert [(r[2], r[3]) for r in body] == [(erdf, "60%"), (erdf, "60%"), (norwegian, "50%")]
    for r in body + foot:
        assert amount(r[4]) == amount(r[5]) + amount(r[6]), r
    for k in (4, 5, 6):
        assert sum(amount(r[k]) for r in body) == amount(foot[0][k])
    assert [amount(x) for x in foot[0][4:]] == [summary.total, summary.fund_amount, summary.contribution]


def test_amounts_are_right_aligned(summary):
    for table in tables(summary._repr_html_()):
        for section, cells in table:
            for text, style in cells:
                if AMOUNT.match(text):
                    assert RIGHT in style, (text, style)
                elif section != "thead" and text in ("PP1", "Göteborgs universitet", "total"):
                    assert "text-align:left" in style


def test_empty_budget_html(programme):
    p = interreg.Proposal(programme, acronym="EMPTY")
    p.add_partner("Lund University", country="SE", role="lead")
    p.add_partner("Universitetet i Sørøst-Norge", country="NO")
    html = p.budget_summary()._repr_html_()
    check_golden("budget-empty.html", html)
    text = parse(html).joined()
    assert "2 partners · 1 reporting period" in text and "1 reporting periods" not in text
    assert "Exchange rates" not in text
    headline, partners, _ = tables(html)
    assert rows(partners, "thead")[0] == ["partner", "name", "country", "Total"]
    assert [amount(r[-1]) for r in rows(partners, "tbody")] == [Decimal("0.00")] * 2


def test_budget_html_is_escaped(programme):
    p = interreg.Proposal(programme, acronym="X")
    lead = p.add_partner("<script>alert(1)</script> & Co", country="SE", role="lead")
    lead.budget.add("staff", "<b>x</b>", units=1, unit_price="100")
    html = p.budget_summary()._repr_html_()
    assert "<script" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html
    parse(html)


def test_format_amount():
    assert format_amount(Decimal("240600.00")) == "240,600.00"
    assert format_amount(Decimal("0.00")) == "0.00"
    assert format_amount(Decimal("-1234567.05")) == "-1,234,567.05"
    assert format_amount(Decimal("9999999999999.99")) == "9,999,999,999,999.99"


# -- plots -----------------------------------------------------------------------------
import matplotlib


@pytest.fixture(autouse=True)
def _agg(monkeypatch):
    matplotlib.use("Agg", force=True)
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def test_plot_partners(summary, tmp_path):
    ax = summary.plot_partners()
    assert isinstance(ax, matplotlib.axes.Axes)
    shown = ["staff", "office_admin", "travel", "external", "equipment", "other_costs"]
    assert [c.get_label() for c in ax.containers] == [COST_LABELS[c] for c in shown]
    assert len(ax.patches) == len(shown) * len(summary.partners)
    for k, p in enumerate(summary.partners):
        left = Decimal("0.00")
        for column, container in zip(shown, ax.containers):
            bar = container.patches[k]
            assert bar.get_width() == float(p.costs[column])
            assert bar.get_x() == float(left)
            left += p.costs[column]
        assert left == p.total
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "PP1 Göteborgs universitet (SE)", "PP2 Aalborg Kommune (DK)", "PP3 Østfold fylkeskommune (NO)"]
    ax.figure.savefig(tmp_path / "partners.png")
    assert (tmp_path / "partners.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_plot_funding(summary, tmp_path):
    ax = summary.plot_funding()
    assert isinstance(ax, matplotlib.axes.Axes)
    countries = ["SE", "DK", "NO"]  # in the order the partners name them
    assert [t.get_text() for t in ax.get_xticklabels()] == countries
    assert [c.get_label() for c in ax.containers] == ["European Regional Development Fund (ERDF)",
                                                      "Norwegian Interreg funds", "partners' contribution"]
    assert len(ax.patches) == 3 * len(countries)
    by_country = {c: [p for p in summary.partners if p.country == c] for c in countries}
    for k, country in enumerate(countries):
        erdf, norwegian, contribution = (container.patches[k] for container in ax.containers)
        fund = {f: sum((p.fund_amount for p in by_country[country] if p.fund == f), Decimal("0.00"))
                for f in ("erdf", "no-interreg")}
        own = sum((p.contribution for p in by_country[country]), Decimal("0.00"))
        assert erdf.get_height() == float(fund["erdf"])
        assert norwegian.get_height() == float(fund["no-interreg"])
        assert norwegian.get_y() == float(fund["erdf"])
        assert contribution.get_height() == float(own)
        assert contribution.get_y() == float(fund["erdf"] + fund["no-interreg"])
        assert fund["erdf"] + fund["no-interreg"] + own == summary.country_totals[country]
    labels = [t.get_text() for t in ax.texts]
    assert "285,767.61" in labels and "67,655.60" in labels
    # The call's cap on the Norwegian funds, over the one bar that draws on them.
    [cap] = ax.collections
    assert cap.get_label() == "cap on Norwegian Interreg funds (call 2025:1): 300,000.00"
    [[(x0, y0), (x1, y1)]] = [segment.tolist() for segment in cap.get_segments()]
    assert (x0, x1) == (2 - 0.4, 2 + 0.4) and y0 == y1 == float(Decimal("300000.00"))  # NO's fund part starts at 0
    assert cap.get_label() in [t.get_text() for t in ax.get_legend().get_texts()]
    ax.figure.savefig(tmp_path / "funding.png")
    assert (tmp_path / "funding.png").stat().st_size > 1000


def test_plots_draw_on_a_given_axes(summary):
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2)
    assert summary.plot_partners(ax=left) is left
    assert summary.plot_funding(ax=right) is right
    assert len(plt.get_fignums()) == 1


def test_plots_of_an_empty_budget(programme):
    p = interreg.Proposal(programme, acronym="EMPTY")
    s = p.budget_summary()
    assert len(s.plot_partners().patches) == 0
    assert len(s.plot_funding().patches) == 0


def test_matplotlib_and_openpyxl_load_only_when_used(run_python):
    code = ("import sys, interreg\n"
            "p = interreg.Proposal(acronym='X')\n"
            "p.add_partner('A', country='SE', role='lead').budget.add('staff', 'x', units=1, unit_price=1)\n"
            "s = p.budget_summary(); s._repr_html_(); repr(s)\n"
            "print(sorted(m for m in ('matplotlib', 'openpyxl') if m in sys.modules))\n")
    rc, out, err = run_python(code)
    assert rc == 0, err
    assert out.strip() == "[]"
