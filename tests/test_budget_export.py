"""The budget as an Excel workbook: the numbers in the cells, the file's format, the command
line, and the workbook as LibreOffice reads it (PDF and CSV through headless soffice).

The LibreOffice tests skip only when `soffice` is missing; scripts/bootstrap.sh installs it
(Debian libreoffice-calc-nogui, and poppler-utils for pdftotext), so CI always runs them.
"""
from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Dict, List
from xml.etree import ElementTree

import pytest

import interreg
from interreg.summary import COST_COLUMNS, COST_LABELS
from interreg.render.excel import MAX_AMOUNT
from interreg.render.annex import SHEETS

import openpyxl

EUR = '#,##0.00 "EUR"'
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
NOK_RATE = "11.7725"


def build_budget_proposal(programme: "interreg.Programme") -> "interreg.Proposal":
    """A realistic three-partner budget (36 months, six reporting periods):

    - PP1 Göteborgs universitet (SE, lead): two staff lines, an external survey and equipment;
      office and travel as 15 % flat rates of staff; contribution from its own funds and a
      private co-financer.
    - PP2 Aalborg Kommune (DK): one staff line and the 40 % option (other costs).
    - PP3 Østfold fylkeskommune (NO): staff and travel in NOK (1 EUR = 11.7725 NOK), an
      external line in EUR, office 7 % of direct costs, Norwegian funds at 50 %.
    """
    p = interreg.Proposal(programme, acronym="SKILLS", specific_objective="RSO4.1", call="2025:1",
                          start="2026-01-01", duration_months=36, title="Skills across borders",
                          summary="Matching skills shortages with job seekers across the borders.")
    se = p.add_partner("Göteborgs universitet", country="SE", region="Västra Götaland", org_type="university",
                       legal_status="public", role="lead")
    dk = p.add_partner("Aalborg Kommune", country="DK", region="Region Nordjylland", org_type="local-authority")
    no = p.add_partner("Østfold fylkeskommune", country="NO", region="Østfold", org_type="regional-authority",
                       norwegian_project_owner=True)
    se.budget.add("staff", "Project manager (50 %)", units=36, unit_price="4120.50", unit_type="months")
    se.budget.add("staff", "Researchers", units=3200, unit_price="52.75", unit_type="hours")
    se.budget.add("external", "Labour-market survey", units=1, unit_price="48000.00", unit_type="study")
    se.budget.add("equipment", "Matching platform licences", units=12, unit_price="1333.33", unit_type="months")
    se.budget.flat_rates(office_admin="15%", travel="15%")
    se.cofinancing.add_source("Göteborgs universitet", "150000.00")
    se.cofinancing.add_source("Volvo Cars", "40511.75", status="private", own=False)
    dk.budget.add("staff", "Job-centre coordinators", units=2400, unit_price="61.20", unit_type="hours")
    dk.budget.flat_rates(other_costs="40%")
    dk.cofinancing.add_source("Aalborg Kommune", "82252.80")
    p.set_exchange_rate("NOK", NOK_RATE, date="2025-09-30", source="ECB euro reference rate")
    no.budget.add("staff", "Regional adviser", units=1500, unit_price="845.50", unit_type="hours", currency="NOK")
    no.budget.add("travel", "Study visits", units=10, unit_price="7333.33", unit_type="trips", currency="NOK")
    no.budget.add("external", "Translation", units=1, unit_price="12500.00", unit_type="lot")
    no.budget.flat_rates(office_admin="7%", office_admin_base="direct")
    no.cofinancing.rate = "50%"
    return p


@pytest.fixture(scope="module")
def proposal():
    return build_budget_proposal(interreg.load_programme())


@pytest.fixture(scope="module")
def summary(proposal):
    return proposal.budget_summary()


@pytest.fixture(scope="module")
def xlsx(proposal, tmp_path_factory):
    """The annex (cover and every sheet), the one workbook LibreOffice converts below."""
    return proposal.to_excel(tmp_path_factory.mktemp("xlsx") / "SKILLS budget.xlsx")


@pytest.fixture(scope="module")
def names(programme):
    """The programme's English names of funds and cost categories, by id."""
    return {**{f.id: f.name["en"] for f in programme.funds}, **{c.id: c.name["en"] for c in programme.cost_categories}}


def shown(amount: Decimal) -> str:
    """An amount as the workbook's format shows it (en-US separators)."""
    return f"{amount:,.2f} EUR"


def zero() -> Decimal:
    return Decimal("0.00")


# -- what the library computes (the reference for every check) ------------------------
def expected_sheets(s, names: Dict[str, str]) -> Dict[str, List[List[object]]]:
    """Each sheet's rows below the header: amounts as Decimal, other cells as they are."""
    periods = []
    for k, period in enumerate(s.periods):
        periods.append([period["number"], None, None, f"{period['first_month']}-{period['last_month']}",
                        *(sum((p.periods[k][c] for p in s.partners), zero()) for c in COST_COLUMNS),
                        sum((p.fund_by_period[k] for p in s.partners), zero()),
                        sum((p.contribution_by_period[k] for p in s.partners), zero())])
    periods.append(["Total", None, None, None, *(s.costs[c] for c in COST_COLUMNS), s.fund_amount, s.contribution])
    lines = s.to_frame("lines")
    partner_names = {p.id: p.name for p in s.partners}
    count = len(s.periods)
    return {
        "Per fund": [*([names[f], None, a] for f, a in s.fund_totals.items()),
                     ["Partners' contribution", None, s.contribution], ["Total eligible budget", None, s.total]],
        "Per category": [*([p.id, p.name, p.country, *(p.costs[c] for c in COST_COLUMNS)] for p in s.partners),
                         ["Total", None, None, *(s.costs[c] for c in COST_COLUMNS)]],
        "Per period": periods,
        "Per partner and period": [*([p.id, p.name, p.country, *(b["total"] for b in p.periods), p.total]
                                     for p in s.partners),
                                   ["Total", None, None, *s.period_totals, s.total]],
        "Lines": [[n, row["partner"], partner_names[row["partner"]], names[row["category"]], row["description"],
                   row["units"], row["unit_type"], row["unit_price"], row["currency"], row["total_local"], row["total"],
                   row["split"], *(row[f"period_{k}"] for k in range(1, count + 1))]
                  for n, row in enumerate(lines.to_dict("records"), start=1)],
        "Co-financing": [*([p.id, p.name, p.country, names[p.fund], None, p.total, p.fund_amount, p.contribution,
                            p.own_contribution, p.public_contribution, p.private_contribution, p.sources_total]
                           for p in s.partners),
                         ["Total", None, None, None, None, s.total, s.fund_amount, s.contribution,
                          *(sum((getattr(p, f) for p in s.partners), zero())
                            for f in ("own_contribution", "public_contribution", "private_contribution",
                                      "sources_total"))]],
    }


def test_the_budget_is_what_the_docstring_says(summary):
    assert summary.total == Decimal("817222.56")
    assert summary.fund_totals == {"erdf": Decimal("409146.81"), "no-interreg": Decimal("67655.60")}
    assert summary.contribution == Decimal("340420.15")
    assert summary.exchange_rates == {"NOK": {"rate": "11.7725", "date": "2025-09-30",
                                              "source": "ECB euro reference rate"}}
    assert [p.contribution == p.sources_total for p in summary.partners] == [True, True, False]


# -- the workbook as openpyxl reads it -------------------------------------------------
def test_workbook_sheets_and_numbers(summary, names, xlsx):
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames == list(SHEETS)
    expected = expected_sheets(summary, names)
    amounts = 0
    for title, rows in expected.items():
        ws = wb[title]
        got = [list(r) for r in ws.iter_rows(min_row=2, values_only=True)]
        assert len(got) == len(rows), title
        for r, (want_row, got_row) in enumerate(zip(rows, got), start=2):
            assert len(got_row) == len(want_row), (title, r)
            for c, (want, value) in enumerate(zip(want_row, got_row), start=1):
                where = f"{title}!{ws.cell(row=r, column=c).coordinate}"
                if isinstance(want, Decimal):
                    assert isinstance(value, (int, float)) and not isinstance(value, bool), (where, value)
                    assert Decimal(repr(value)) == want, (where, value, want)
                    amounts += 1
                elif want is not None:
                    assert value == want, (where, value, want)
    assert amounts > 200


def test_number_formats_header_and_layout(summary, xlsx):
    wb = openpyxl.load_workbook(xlsx)
    for ws in wb.worksheets[1:]:
        assert ws.freeze_panes in ("A2", "D2"), ws.title
        assert all(cell.font.b for cell in ws[1]), ws.title
        for k, cell in enumerate(ws[1], start=1):
            width = ws.column_dimensions[cell.column_letter].width
            longest_word = max(len(w) for w in str(cell.value).split())
            assert width and width >= longest_word, (ws.title, cell.value, width)
            assert cell.alignment.wrap_text, (ws.title, cell.value)  # a long header wraps, not the column
    per_category = wb["Per category"]
    for row in per_category.iter_rows(min_row=2, min_col=4):
        for cell in row:
            assert cell.number_format == EUR and cell.data_type == "n", cell.coordinate
    total_row = per_category.max_row
    assert per_category.cell(row=total_row, column=1).value == "Total"
    assert all(c.font.b for c in per_category[total_row])
    # no formulas anywhere: a file opened without recalculation shows the totals
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate)
    lines = wb["Lines"]
    header = [c.value for c in lines[1]]
    column = {label: k for k, label in enumerate(header)}
    nok = [r for r in lines.iter_rows(min_row=2) if r[column["Currency"]].value == "NOK"]
    assert len(nok) == 2
    for r in nok:
        for label in ("Unit price", "Total (currency)", "Period 1", "Period 6"):
            assert r[column[label]].number_format == '#,##0.00 "NOK"', label
        assert r[column["Total (EUR)"]].number_format == EUR
        assert r[column["Units"]].number_format == "General"
    assert [r[0].value for r in lines.iter_rows(min_row=2)] == list(range(1, lines.max_row))
    cof = wb["Co-financing"]
    assert [cof.cell(row=k, column=5).value for k in (2, 3, 4)] == [0.6, 0.6, 0.5]
    assert cof.cell(row=2, column=5).number_format == "0%"
    rates = wb["Exchange rates"]
    assert [c.value for c in rates[2]][:2] == ["NOK", 11.7725]
    assert rates.cell(row=2, column=4).value == "ECB euro reference rate"


def sheet_xml_values(path: Path) -> Dict[str, Dict[str, str]]:
    """Sheet title → cell reference → the text of its <v> (numbers only), from the zip."""
    with zipfile.ZipFile(path) as z:
        book = ElementTree.fromstring(z.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
        out = {}
        for sheet in book.find("m:sheets", NS):
            target = targets[sheet.get(rid)].lstrip("/")
            xml = ElementTree.fromstring(z.read(target if target.startswith("xl/") else "xl/" + target))
            out[sheet.get("name")] = {c.get("r"): c.find("m:v", NS).text
                                      for c in xml.iter(f"{{{NS['m']}}}c")
                                      if c.get("t") == "n" and c.find("m:v", NS) is not None}
    return out


def test_cells_hold_the_exact_decimal_text(summary, names, xlsx):
    """The XML of each amount cell is the Decimal's own text ("240600.00"), not a float's
    16-digit rendering, so every reader gets the double nearest to the exact amount."""
    values = sheet_xml_values(xlsx)
    wb = openpyxl.load_workbook(xlsx)
    checked = 0
    for title, rows in expected_sheets(summary, names).items():
        ws = wb[title]
        for r, row in enumerate(rows, start=2):
            for c, want in enumerate(row, start=1):
                if isinstance(want, Decimal):
                    text = values[title][ws.cell(row=r, column=c).coordinate]
                    assert text == format(want, "f"), (title, r, c, text, want)
                    checked += 1
    assert checked > 200


def test_large_amounts_stay_exact(programme, names, tmp_path):
    """openpyxl alone would write 858492037.43 as "858492037.4300001"."""
    p = interreg.Proposal(programme, acronym="LARGE", start="2026-01-01", duration_months=36)
    lead = p.add_partner("Large infrastructure", country="DK", role="lead")
    lead.budget.add("infrastructure", "Bridge", units=1, unit_price="858492037.43")
    for k in range(7):
        lead.budget.add("equipment", f"Crane {k + 1}", units=1, unit_price="9999999999.99")
    lead.budget.flat_rates(office_admin="7%", office_admin_base="direct")
    s = p.budget_summary()
    assert s.total > Decimal("75000000000")
    out = s.to_excel(tmp_path / "large.xlsx")
    values = sheet_xml_values(out)
    wb = openpyxl.load_workbook(out)
    checked = 0
    assert wb.sheetnames == list(SHEETS[1:])  # a summary alone has no cover
    for title, rows in expected_sheets(s, names).items():
        for r, row in enumerate(rows, start=2):
            for c, want in enumerate(row, start=1):
                if isinstance(want, Decimal):
                    cell = wb[title].cell(row=r, column=c)
                    assert values[title][cell.coordinate] == format(want, "f")
                    assert Decimal(repr(cell.value)) == want, (title, cell.coordinate, cell.value, want)
                    checked += 1
    assert checked > 50


def test_amounts_beyond_what_a_cell_holds_exactly_are_refused(programme, tmp_path):
    """A float cell is exact (and Excel shows it) for at most 15 significant digits."""
    p = interreg.Proposal(programme, acronym="BIG", start="2026-01-01", duration_months=12)
    big = p.add_partner("Big spender", country="SE", role="lead")
    for k in range(1000):
        big.budget.add("staff", f"line {k}", units=1, unit_price="10000000000.00")  # the largest line
    s = p.budget_summary()
    assert s.total == Decimal("10000000000000.00") > MAX_AMOUNT
    out = tmp_path / "big.xlsx"
    out.write_bytes(b"old")
    with pytest.raises(interreg.ArgumentError, match="too large for a spreadsheet cell"):
        s.to_excel(out)
    assert out.read_bytes() == b"old"
    assert sorted(x.name for x in tmp_path.iterdir()) == ["big.xlsx"]


def test_write_is_atomic_and_replaces(summary, tmp_path):
    out = tmp_path / "budget.xlsx"
    out.write_bytes(b"an older file")
    assert summary.to_excel(str(out)) == out
    assert zipfile.is_zipfile(out)
    assert sorted(x.name for x in tmp_path.iterdir()) == ["budget.xlsx"]  # no temporary file left
    with pytest.raises(interreg.FileError, match="cannot write"):
        summary.to_excel(tmp_path / "missing folder" / "budget.xlsx")
    with pytest.raises(interreg.FileError):
        summary.to_excel(tmp_path)  # a folder
    assert sorted(x.name for x in tmp_path.iterdir()) == ["budget.xlsx"]


def test_empty_budget_exports(programme, tmp_path):
    p = interreg.Proposal(programme, acronym="EMPTY")
    p.add_partner("Lund University", country="SE", role="lead")
    out = p.budget_summary().to_excel(tmp_path / "empty.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb["Per category"]["A3"].value == "Total" and wb["Per category"]["L3"].value == 0
    assert wb["Per period"].max_row == 3  # one period without dates, and the total
    assert wb["Lines"].max_row == 1 and wb["Exchange rates"].max_row == 1


# -- the command line ------------------------------------------------------------------
def cli(*args):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    proc = subprocess.run([sys.executable, "-m", "interreg", *map(str, args)], capture_output=True, timeout=120,
                          env=env)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def test_cli_export_budget(proposal, summary, tmp_path):
    proposal.save(tmp_path / "skills.json")
    rc, out, err = cli("export-budget", tmp_path / "skills.json", "--xlsx", tmp_path / "skills.xlsx")
    assert rc == 0, err
    assert "817,222.56" in out and "erdf 409,146.81" in out and "no-interreg 67,655.60" in out
    wb = openpyxl.load_workbook(tmp_path / "skills.xlsx")
    assert wb["Per fund"]["C5"].value == float(summary.total)


def test_cli_export_budget_errors(proposal, tmp_path):
    rc, _, err = cli("export-budget", tmp_path / "missing.json", "--xlsx", tmp_path / "x.xlsx")
    assert rc == 2 and "missing.json" in err and "cannot open" in err
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    rc, _, err = cli("export-budget", tmp_path / "broken.json", "--xlsx", tmp_path / "x.xlsx")
    assert rc == 2 and "broken.json" in err
    no_rate = proposal.copy()
    no_rate.remove_exchange_rate("NOK")
    no_rate.save(tmp_path / "no-rate.json")
    rc, _, err = cli("export-budget", tmp_path / "no-rate.json", "--xlsx", tmp_path / "x.xlsx")
    assert rc == 2 and "no exchange rate for NOK" in err
    proposal.save(tmp_path / "skills.json")
    rc, _, err = cli("export-budget", tmp_path / "skills.json", "--xlsx", tmp_path / "no such folder" / "x.xlsx")
    assert rc == 2 and "cannot write" in err
    assert not (tmp_path / "x.xlsx").exists()


# -- LibreOffice -----------------------------------------------------------------------
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# Every sheet to its own CSV file ("-1", LibreOffice 7.2+): comma, '"', UTF-8, from line 1,
# raw values (not as shown).
CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'


def soffice(args: List[str], workdir: Path) -> float:
    """Run headless LibreOffice with its own profile and HOME; returns the seconds it took."""
    env = dict(os.environ, HOME=str(workdir / "home"), LC_ALL="C.UTF-8", LANG="C.UTF-8")
    env.pop("DISPLAY", None)
    profile = (workdir / "profile").as_uri()
    start = time.monotonic()
    proc = subprocess.run([SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={profile}", *args],
                          capture_output=True, timeout=300, env=env, cwd=workdir)
    took = time.monotonic() - start
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    return took


@pytest.fixture(scope="module")
def converted(xlsx, tmp_path_factory):
    """The workbook converted by LibreOffice: (pdf path, {sheet title: csv path}, seconds)."""
    assert SOFFICE, "LibreOffice is missing: apt-get install libreoffice-calc-nogui (scripts/bootstrap.sh does)"
    workdir = tmp_path_factory.mktemp("soffice")
    (workdir / "home").mkdir()
    out = workdir / "out"
    seconds = {"pdf": soffice(["--convert-to", "pdf", "--outdir", str(out), str(xlsx)], workdir),
               "csv": soffice(["--convert-to", CSV_FILTER, "--outdir", str(out), str(xlsx)], workdir)}
    print(f"\nsoffice: xlsx → pdf {seconds['pdf']:.1f} s, xlsx → csv (all sheets) {seconds['csv']:.1f} s")
    stem = xlsx.stem
    csvs = {title: out / f"{stem}-{title}.csv" for title in SHEETS}
    if not all(path.exists() for path in csvs.values()):  # an older LibreOffice: the first sheet only
        assert (out / f"{stem}.csv").exists(), sorted(os.listdir(out))
        csvs = {SHEETS[0]: out / f"{stem}.csv"}
    return out / f"{stem}.pdf", csvs, seconds


@pytest.fixture(scope="module")
def pdf_text(converted):
    pdf, _, _ = converted
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "pdftotext is missing: apt-get install poppler-utils (scripts/bootstrap.sh does)"
    return subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, timeout=60,
                          check=True).stdout.decode("utf-8")


def test_libreoffice_pdf_shows_the_totals(summary, pdf_text):
    text = pdf_text
    assert "###" not in text  # no column too narrow for its number
    for amount in (summary.total, *summary.fund_totals.values(), summary.contribution):
        assert shown(amount) in text, shown(amount)
    assert "Total eligible budget" in text
    for p in summary.partners:
        assert p.name in text and shown(p.total) in text
    assert "1,268,250.00 NOK" in text  # a NOK line in its own currency


def test_libreoffice_pdf_shows_the_cover_units_and_partner_periods(summary, pdf_text):
    text = pdf_text
    # the cover: what the annex belongs to, its total and each fund per country
    for fact in ("Budget annex: SKILLS", "Skills across borders", "Interreg Öresund-Kattegat-Skagerrak 2021-2027",
                 "2025:1", "RSO4.1 – Enhancing", "2026-01-01 – 2028-12-31 (36 months)", "Funding by country",
                 "Development Fund (ERDF)", "Norwegian Interreg funds", "Lead partner"):
        assert fact in text, fact
    assert re.search(r"Total eligible budget\s+817,222\.56 EUR", text)
    assert re.search(r"Sweden\s+285,767\.61 EUR\s+0\.00 EUR\s+190,511\.75 EUR\s+476,279\.36 EUR", text)
    # the lines with their units, so "36 × 4,120.50" can be checked on paper (the page repeats the partner)
    assert re.search(r"Göteborgs universitet\s+36\s+months\s+4,120\.50 EUR\s+EUR\s+148,338\.00 EUR", text)
    assert re.search(r"Østfold fylkeskommune\s+1500\s+hours\s+845\.50 NOK\s+NOK\s+1,268,250\.00 NOK", text)
    for header in ("Unit price", "Unit type", "Units", "Partner name", "Split"):
        assert header in text, header
    # the partner × period sheet: each partner's first period, and the pages say which sheet they are
    pp1 = summary.partners[0]
    assert re.search(rf"Göteborgs universitet\s+SE\s+{re.escape(shown(pp1.periods[0]['total']))}", text)
    assert "Per partner and period" in text and "SKILLS" in text
    # dates and the next column stay apart ("2026-06-301-6" before)
    assert re.search(r"2026-06-30\s+1-6\b", text) and "2026-06-301-6" not in text
    assert re.search(r"\b1 / \d+\b", text)  # numbered pages


def test_libreoffice_csv_numbers_equal_the_library(summary, names, converted):
    _, csvs, _ = converted
    expected = expected_sheets(summary, names)
    compared = 0
    for title, path in csvs.items():
        if title not in expected:
            continue
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        header = rows[0]
        if title == "Per category":
            categories = {**names, "lump_sums": names["lump_sum"]}  # the cost column of the lump-sum lines
            assert header[3:] == [categories.get(c) or COST_LABELS[c] for c in COST_COLUMNS]
        body = rows[1:]
        assert len(body) == len(expected[title]), title
        for want_row, got_row in zip(expected[title], body):
            for c, want in enumerate(want_row):
                if isinstance(want, Decimal):
                    assert Decimal(got_row[c]) == want, (title, got_row, c, want)
                    compared += 1
    assert compared >= (200 if len(csvs) > 1 else 0)
    if "Per fund" in csvs:
        per_fund = {row[0]: Decimal(row[2]) for row in csv.reader(open(csvs["Per fund"], encoding="utf-8"))
                    if row[0] != "Fund"}
        assert per_fund["Total eligible budget"] == summary.total
        assert sum(v for k, v in per_fund.items() if k != "Total eligible budget") == summary.total


# -- docs/budget.md --------------------------------------------------------------------
DOC = Path(__file__).resolve().parents[1] / "docs" / "budget.md"


def test_budget_doc_example_runs_and_its_results_hold(tmp_path, monkeypatch):
    """The Python example of docs/budget.md runs, and each `expr  # value` line is true."""
    import re

    monkeypatch.chdir(tmp_path)  # the example writes skills-budget.xlsx
    code = re.search(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S).group(1)
    namespace: dict = {}
    exec(compile(code, str(DOC), "exec"), namespace)
    checked = 0
    for line in code.splitlines():
        expr, _, comment = line.partition("#")
        if not expr.strip() or "=" in expr.replace("==", ""):
            continue
        try:
            expected = eval(comment.strip(), {"Decimal": Decimal, "__builtins__": {}})
        except Exception:
            continue  # a comment in words
        assert eval(expr, namespace) == expected, line
        checked += 1
    assert checked >= 10
    assert (tmp_path / "skills-budget.xlsx").exists()


def test_budget_doc_worked_example(summary):
    """The worked example of docs/budget.md is the Norwegian partner of this module's budget."""
    text = DOC.read_text(encoding="utf-8")
    no = summary.partners[2]
    lines = [l for l in summary.to_dict()["lines"] if l["partner"] == "PP3"]
    staff, travel = lines[0], lines[1]
    facts = ["NOK 1,268,250.00", "NOK 73,333.30", "| 107,729.87 |", "| 6,229.20 |",
             "17,954.97 × 5, last 17,955.02", "| 8,852.13 |", "| 135,311.20 |",
             "1,475.35 × 5, last 8,852.13 − 5 × 1,475.35 = 1,475.38", "running total 22,551.85 × k",
             "67,655.60; contribution 67,655.60", "11,275.92, 11,275.93, 11,275.92, 11,275.93, 11,275.92, 11,275.98"]
    assert [l["periods"][:-1] == [l["periods"][0]] * 5 for l in lines] == [True] * 3
    assert staff["total_local"] == 126825000 and staff["total"] == 10772987
    assert travel["total_local"] == 7333330 and travel["total"] == 622920
    assert (staff["periods"][0], staff["periods"][-1]) == (1795497, 1795502)
    assert no.costs["office_admin"] == Decimal("8852.13") and no.total == Decimal("135311.20")
    assert (no.periods[0]["office_admin"], no.periods[-1]["office_admin"]) == (Decimal("1475.35"), Decimal("1475.38"))
    assert no.periods[0]["total"] == Decimal("22551.85")
    assert (no.fund_amount, no.contribution) == (Decimal("67655.60"), Decimal("67655.60"))
    assert no.fund_by_period == [Decimal(x) for x in ("11275.92", "11275.93", "11275.92", "11275.93", "11275.92",
                                                      "11275.98")]
    for fact in facts:
        assert fact in text, fact
