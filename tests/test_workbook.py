"""The budget workbook as an annex (Proposal.to_excel): the cover, every total against its parts
to the cent, the print setup, and the four languages (the library's labels from
data/translations.json, the programme's names from the programme document)."""
from __future__ import annotations

import datetime
import json
from decimal import Decimal
from pathlib import Path
from typing import List

import openpyxl
import pytest

import interreg
from interreg import languages
from interreg.render.annex import LINE_COLUMNS, SHEETS
from interreg.render.excel import PAGE_WIDTH
from test_budget_export import build_budget_proposal, cli

TOTAL_LABELS = {languages.label(k, l) for k in ("row.total", "row.total_budget") for l in languages.LANGUAGES}


@pytest.fixture(scope="module")
def proposal():
    return build_budget_proposal(interreg.load_programme())


@pytest.fixture(scope="module")
def workbooks(proposal, tmp_path_factory):
    folder = tmp_path_factory.mktemp("annex")
    return {language: openpyxl.load_workbook(proposal.to_excel(folder / f"{language}.xlsx", language=language))
            for language in languages.LANGUAGES}


def amount(value) -> Decimal:
    assert isinstance(value, (int, float)) and not isinstance(value, bool), value
    return Decimal(repr(value))


def tables(ws) -> List[List[list]]:
    """The sheet's tables: from each header row (bold on a fill) to its total row."""
    out, current = [], None
    for row in ws.iter_rows():
        first = row[0]
        if first.fill is not None and first.fill.fgColor.rgb == "FFDDE5EE":
            current = []
            out.append(current)
        elif current is not None and any(c.value is not None for c in row):
            current.append([c.value for c in row])
        elif current is not None:
            current = None
    return out


# -- every total reconciles ------------------------------------------------------------------
@pytest.mark.parametrize("language", languages.LANGUAGES)
def test_every_total_row_is_the_sum_of_its_rows(workbooks, language):
    checked = 0
    for ws in workbooks[language]:
        for table in tables(ws):
            if not table or table[-1][0] not in TOTAL_LABELS:
                continue
            *rows, total = table
            for k, value in enumerate(total):
                if isinstance(value, (int, float)) and k > 0:
                    assert sum((amount(r[k]) for r in rows), Decimal("0")) == amount(value), (ws.title, k)
                    checked += 1
    assert checked >= 40  # every amount column of every table with a total row


def test_rows_reconcile_across(workbooks, proposal):
    """Partner × period: each row's periods make its total; the cover's fund amounts per country
    and the contribution make each country's total; the sheets' totals are one amount."""
    wb = workbooks["en"]
    s = proposal.budget_summary()
    pp = wb["Per partner and period"]
    header = [c.value for c in pp[1]]
    periods = [header.index(f"Period {k}") for k in range(1, len(s.periods) + 1)]
    for row in pp.iter_rows(min_row=2, values_only=True):
        assert sum(amount(row[k]) for k in periods) == amount(row[header.index("Total")]), row[0]
    cover_funding = tables(wb["Cover"])[0]
    for row in cover_funding:
        assert sum(amount(v) for v in row[1:-1]) == amount(row[-1]), row[0]
    totals = {amount(cover_funding[-1][-1]), amount(wb["Per fund"].cell(row=wb["Per fund"].max_row, column=3).value),
              amount(pp.cell(row=pp.max_row, column=pp.max_column).value)}
    assert totals == {s.total}
    lines = wb["Lines"]
    header = [c.value for c in lines[1]]
    for row in lines.iter_rows(min_row=2, values_only=True):
        assert sum(amount(row[k]) for k in (header.index(f"Period {j}") for j in range(1, 7))) == \
            amount(row[header.index("Total (currency)")])


# -- the cover -------------------------------------------------------------------------------
def fields(ws) -> dict:
    return {row[0]: row[1] for row in ws.iter_rows(min_row=3, max_row=14, values_only=True) if row[0]}


def test_the_cover_says_what_the_annex_belongs_to(workbooks, proposal):
    cover = workbooks["en"]["Cover"]
    assert cover["A1"].value == "Budget annex: SKILLS"
    got = fields(cover)
    assert got["Acronym"] == "SKILLS" and got["Title"] == "Skills across borders"
    assert got["Programme"] == "Interreg Öresund-Kattegat-Skagerrak 2021-2027"
    assert got["Call"] == "2025:1" and got["Project kind"] == "Main project"
    assert got["Specific objective"].startswith("RSO4.1 – Enhancing the effectiveness and inclusiveness")
    assert got["Project period"] == "2026-01-01 – 2028-12-31 (36 months)"
    assert datetime.date.fromisoformat(got["Exported"]) <= datetime.date.today()
    assert amount(got["Total eligible budget"]) == Decimal("817222.56")
    funding = tables(cover)[0]
    assert [r[0] for r in funding] == ["Sweden", "Denmark", "Norway", "Total"]
    header = [c.value for c in cover[[r[0].row for r in cover.iter_rows() if r[0].value == "Country"][0]]]
    assert header[:5] == ["Country", "European Regional Development Fund (ERDF)", "Norwegian Interreg funds",
                          "Partners' contribution", "Total"]
    s = proposal.budget_summary()
    by_country = {row["country"]: row for row in s.to_frame("country_funding").to_dict("records")}
    assert amount(funding[0][1]) == by_country["SE"]["fund:erdf"]
    assert amount(funding[2][2]) == by_country["NO"]["fund:no-interreg"]
    partners = tables(cover)[1]
    assert [r[:4] for r in partners[:-1]] == [["PP1", "Göteborgs universitet", "SE", "Lead partner"],
                                             ["PP2", "Aalborg Kommune", "DK", "Partner"],
                                             ["PP3", "Østfold fylkeskommune", "NO", "Partner"]]


def test_a_missing_translation_of_the_title_falls_back_to_english_marked(proposal, tmp_path):
    out = proposal.to_excel(tmp_path / "da.xlsx", language="da")
    got = fields(openpyxl.load_workbook(out)["Forside"])
    assert got["Titel"] == "Skills across borders (på engelsk)"
    assert got["Program"] == "Interreg Øresund-Kattegat-Skagerrak 2021-2027"
    p = proposal.copy()
    p.title = {"en": "Skills across borders", "da": "Kompetencer på tværs af grænser"}
    got = fields(openpyxl.load_workbook(p.to_excel(tmp_path / "da2.xlsx", language="da"))["Forside"])
    assert got["Titel"] == "Kompetencer på tværs af grænser"


def test_a_bare_proposal_exports_with_its_gaps_named(programme, tmp_path):
    p = interreg.Proposal(programme)
    p.add_partner("Lund University", country="SE", role="lead")
    got = fields(openpyxl.load_workbook(p.to_excel(tmp_path / "bare.xlsx"))["Cover"])
    assert got["Acronym"] == got["Call"] == got["Project period"] == got["Title"] == "(not given)"
    assert amount(got["Total eligible budget"]) == 0


# -- languages -------------------------------------------------------------------------------
def test_sheets_headings_and_programme_names_in_each_language(workbooks):
    assert workbooks["en"].sheetnames == list(SHEETS)
    assert workbooks["sv"].sheetnames == ["Försättsblad", "Per fond", "Per kategori", "Per period",
                                          "Per partner och period", "Budgetrader", "Medfinansiering", "Växelkurser"]
    assert workbooks["no"].sheetnames[5] == "Budsjettlinjer"
    sv = workbooks["sv"]
    assert [c.value for c in sv["Budgetrader"][1]][:12] == [
        "Nr", "Partner", "Partnerns namn", "Kostnadskategori", "Beskrivning", "Antal", "Enhet", "Enhetspris",
        "Valuta", "Summa (valuta)", "Summa (EUR)", "Fördelning"]
    assert sv["Budgetrader"]["D2"].value == "Personalkostnader"  # the programme's name
    assert sv["Budgetrader"]["L2"].value == "jämnt"
    assert sv["Per fond"]["A2"].value == "Europeiska regionala utvecklingsfonden (Eruf)"
    assert sv["Per fond"]["A4"].value == "Partnernas medfinansiering"
    assert sv["Per fond"]["A5"].value == "Total stödberättigande budget"
    assert fields(sv["Försättsblad"])["Specifikt mål"].startswith("RSO4.1 – ")
    da = workbooks["da"]
    assert da["Pr. kategori"]["D1"].value == "Personaleomkostninger"
    assert "Danmark" in [r[0] for r in tables(da["Forside"])[0]]
    no = workbooks["no"]
    assert no["Medfinansiering"]["D4"].value == "Norske Interreg-midler (IR-midler)"
    assert fields(no["Forside"])["Prosjekttype"] == "Hovedprosjekt"


def test_unknown_language_names_the_choices(proposal, tmp_path):
    for bad in ("de", "english", ""):
        with pytest.raises(interreg.ArgumentError, match="unknown language .*; choose one of en, sv, da, no"):
            proposal.to_excel(tmp_path / "x.xlsx", language=bad)
    with pytest.raises(TypeError):
        proposal.to_excel(tmp_path / "x.xlsx", language=None)
    assert not (tmp_path / "x.xlsx").exists()
    assert proposal.to_excel(tmp_path / "x.xlsx", language="SV").exists()  # any case


def test_every_label_has_every_language_and_the_lines_headers_tell_their_columns_apart():
    path = Path(languages.__file__).parent / "data" / "translations.json"
    table = json.loads(path.read_text(encoding="utf-8"))
    assert table["languages"] == list(languages.LANGUAGES)
    for key, texts in table["labels"].items():
        assert list(texts) == list(languages.LANGUAGES) and all(t.strip() for t in texts.values()), key
    # one header text, in any language, names one column of the Lines sheet
    seen = {}
    for column in (*LINE_COLUMNS, "unit_cost", "lump_sum"):
        key = "column.total_eur" if column == "total" else f"column.{column}"
        for text in languages.spellings(key):
            assert seen.setdefault(text.casefold(), column) == column, text
    assert languages.label("column.period_n", "da", n=3) == "Periode 3"
    assert languages.language_code(" No ") == "no"


# -- print setup ------------------------------------------------------------------------------
def test_print_setup_is_readable_on_a4(workbooks):
    wb = workbooks["en"]
    for ws in wb:
        setup = ws.page_setup
        assert setup.orientation == "landscape" and str(setup.paperSize) == ws.PAPERSIZE_A4, ws.title
        fits = ws.sheet_properties.pageSetUpPr.fitToPage
        if fits:  # fitted only when it needs no real shrinking
            assert setup.fitToWidth == 1 and setup.fitToHeight == 0
        else:  # wider: pages break by column and repeat the first ones
            assert ws.print_title_cols and ws.print_title_cols.startswith("$A:$"), ws.title
        if ws.title != "Cover":
            assert ws.print_title_rows == "$1:$1", ws.title
        assert ws.oddHeader.right.text == "&A" and ws.oddFooter.right.text == "&P / &N"
    assert not wb["Lines"].sheet_properties.pageSetUpPr.fitToPage
    assert wb["Lines"].print_title_cols == "$A:$C"
    assert wb["Per fund"].sheet_properties.pageSetUpPr.fitToPage
    assert sum(wb["Per fund"].column_dimensions[c].width for c in "ABC") <= PAGE_WIDTH


def test_cli_export_budget_in_a_language(proposal, tmp_path):
    proposal.save(tmp_path / "skills.json")
    rc, out, err = cli("export-budget", tmp_path / "skills.json", "--xlsx", tmp_path / "sv.xlsx", "--language", "sv")
    assert rc == 0, err
    wb = openpyxl.load_workbook(tmp_path / "sv.xlsx")
    assert wb.sheetnames[0] == "Försättsblad" and wb["Försättsblad"]["A1"].value == "Budgetbilaga: SKILLS"
    rc, _, err = cli("export-budget", tmp_path / "skills.json", "--xlsx", tmp_path / "x.xlsx", "--language", "fi")
    assert rc == 2 and "invalid choice: 'fi'" in err
    rc, _, err = cli("export-budget", tmp_path / "skills.json", "--xlsx", tmp_path / "budget.docx")
    assert rc == 2 and "must end in .xlsx" in err and not (tmp_path / "budget.docx").exists()
