"""Budgets back from Excel (Proposal.import_budget): the Lines sheet of the annex or of the
template, edited with openpyxl as a partner would in a spreadsheet, replaces partners' lines
exactly; every problem names its cell and nothing changes unless the whole sheet reads; files
that are no workbook, or are built to exhaust the reader, are refused."""
from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, List

import openpyxl
import pytest

import interreg
from interreg import budget_import
from test_budget_export import build_budget_proposal, cli

D = Decimal


@pytest.fixture
def proposal(programme):
    return build_budget_proposal(programme)


@pytest.fixture
def annex(proposal, tmp_path):
    return proposal.to_excel(tmp_path / "annex.xlsx")


def edit(path: Path, changes: Dict[str, Any], sheet: str = "Lines") -> Path:
    """Set cells ("H3": value) of a sheet, as a spreadsheet program would save them."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    for ref, value in changes.items():
        ws[ref] = value
    wb.save(path)
    return path


def columns(path: Path, sheet: str = "Lines") -> Dict[str, str]:
    """Header text → column letter."""
    ws = openpyxl.load_workbook(path)[sheet]
    return {c.value: c.column_letter for c in ws[1]}


def refused(proposal, path, **kwargs) -> interreg.FormatError:
    before = proposal.to_json()
    with pytest.raises(interreg.FormatError) as info:
        proposal.import_budget(path, **kwargs)
    assert proposal.to_json() == before, "a refused import changed the proposal"
    assert "nothing was changed" in str(info.value) or not getattr(info.value, "problems", None)
    return info.value


# -- round trips ---------------------------------------------------------------------------
def test_the_annex_reads_back_unchanged(proposal, annex):
    before = proposal.to_dict()
    assert proposal.import_budget(annex) == {"PP1": 4, "PP2": 1, "PP3": 3}
    assert proposal.to_dict() == before


def test_editing_one_cell_changes_exactly_that_line(proposal, annex):
    """The researchers' hours (PP1's second line, row 3) go from 3200 to 3350: the totals in the
    sheet are stale now, and need not be touched."""
    before = proposal.to_dict()
    col = columns(annex)
    edit(annex, {f"{col['Units']}3": 3350})
    proposal.import_budget(annex)
    after = proposal.to_dict()
    changed = [(p["id"], k) for p, q in zip(before["partners"], after["partners"])
               for k, (a, b) in enumerate(zip(p["budget"]["lines"], q["budget"]["lines"])) if a != b]
    assert changed == [("PP1", 1)]
    line_before, line_after = before["partners"][0]["budget"]["lines"][1], after["partners"][0]["budget"]["lines"][1]
    assert {k for k in line_before if line_before[k] != line_after[k]} == {"units"}
    assert line_after["units"] == "3350"
    before["partners"][0]["budget"]["lines"][1] = line_after
    assert after == before


def test_a_given_split_is_stored_in_the_lines_currency(proposal, annex):
    """PP3's NOK travel line (row 8) gets its own amounts per period; text cells with plain
    amounts are taken too."""
    col = columns(annex)
    periods = [col[f"Period {k}"] for k in range(1, 7)]
    edit(annex, {f"{col['Split']}8": "given", **{f"{c}8": v for c, v in zip(periods, [
        "73333.30", 0, 0, None, 0, 0])}})
    proposal.import_budget(annex, partner="PP3")
    line = proposal.partner("PP3").budget.lines[1]
    assert line.currency == "NOK" and line.periods == [D("73333.30")] + [D("0.00")] * 5
    assert proposal.validate().ok or all(f.rule != "budget.period-sum" for f in proposal.validate().findings)


def test_only_the_named_partners_lines_change(proposal, annex):
    col = columns(annex)
    edit(annex, {f"{col['Units']}2": 40, f"{col['Units']}6": 2500})  # PP1's first line, PP2's line
    before = proposal.to_dict()
    assert proposal.import_budget(annex, partner="Aalborg Kommune") == {"PP2": 1}
    after = proposal.to_dict()
    assert after["partners"][0] == before["partners"][0]
    assert after["partners"][1]["budget"]["lines"][0]["units"] == "2500"
    with pytest.raises(interreg.NotFoundError):
        proposal.import_budget(annex, partner="PP9")


def test_a_partner_without_rows_has_no_lines_after(proposal, annex):
    wb = openpyxl.load_workbook(annex)
    wb["Lines"].delete_rows(6)  # PP2's only line
    wb.save(annex)
    assert proposal.import_budget(annex) == {"PP1": 4, "PP3": 3}  # PP2 is not in the sheet: kept
    assert len(proposal.partner("PP2").budget) == 1
    assert proposal.import_budget(annex, partner="PP2") == {"PP2": 0}
    assert len(proposal.partner("PP2").budget) == 0


def test_rows_by_partner_name_and_in_any_order_of_columns(proposal, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budgetlinjer"  # Danish
    ws.append(["Beskrivelse", "Partnerens navn", "Omkostningskategori", "Antal", "Enhedspris", "Valuta", "Enhed"])
    ws.append(["Koordinator", "aalborg kommune", "Personaleomkostninger", 12, "5100.00", "dkk", "måneder"])
    ws.append([None] * 7)
    ws.append(["Rejser", "Aalborg Kommune", "travel", "4", 1250.5, None, "rejser"])
    wb.save(tmp_path / "da.xlsx")
    proposal.set_exchange_rate("DKK", "7.4600")
    proposal.partner("PP2").budget.flat_rates()  # no flat rates: travel lines are allowed
    assert proposal.import_budget(tmp_path / "da.xlsx") == {"PP2": 2}
    lines = proposal.partner("PP2").budget.lines
    assert [(l.category, l.description, l.units, l.unit_price, l.currency, l.unit_type, l.periods) for l in lines] == [
        ("staff", "Koordinator", D("12"), D("5100.00"), "DKK", "måneder", None),
        ("travel", "Rejser", D("4"), D("1250.50"), "EUR", "rejser", None)]


def test_numbers_are_read_as_the_spreadsheet_shows_them(proposal, tmp_path):
    """A double's binary noise (a sum pasted as a value) is gone at 15 significant digits;
    a third decimal that shows is refused."""
    path = template_with_rows(proposal, tmp_path, [
        ["PP1", "Equipment costs", "Laptops", 3, 4120.499999999999],
        ["PP1", "Equipment costs", "Screens", 0.1 + 0.2, 100],
    ])
    proposal.import_budget(path, partner="PP1")
    assert [(l.units, l.unit_price) for l in proposal.partner("PP1").budget.lines] == [
        (D("3"), D("4120.50")), (D("0.3"), D("100.00"))]


def template_with_rows(proposal, tmp_path, rows: List[List[Any]], language: str = "en") -> Path:
    """The proposal's template with `rows` of (partner, category, description, units, unit price,
    and more columns in the template's order after those) from row 2."""
    from interreg.workbook import write_template

    path = write_template(proposal, tmp_path / f"template-{language}.xlsx", language)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    order = ["Partner", "Category", "Description", "Units", "Unit price", "Currency", "Split"] + \
            [f"Period {k}" for k in range(1, 7)]
    for r, row in enumerate(rows, start=2):
        for label, value in zip(order, row):
            ws.cell(row=r, column=header.index(label) + 1 if language == "en" else order.index(label) + 1,
                    value=value)
    wb.save(path)
    return path


# -- problems, each at its cell ------------------------------------------------------------
def test_a_broken_cell_names_its_cell_and_what_to_write(proposal, annex):
    col = columns(annex)
    edit(annex, {f"{col['Unit price']}14": None})  # no such row: nothing
    cell = f"{col['Unit price']}3"
    edit(annex, {cell: "4 500,00"})
    e = refused(proposal, annex)
    assert f"Lines!{cell}: '4 500,00' is not an amount; write 4500.00" in str(e)
    assert e.path == f"Lines!{cell}" and e.problems == [f"Lines!{cell}: '4 500,00' is not an amount; write 4500.00"]


def test_every_problem_is_reported_and_nothing_changes(proposal, annex):
    col = columns(annex)
    wb = openpyxl.load_workbook(annex)
    ws = wb["Lines"]
    ws[f"{col['Units']}2"] = "=36*1"                  # a formula
    ws[f"{col['Partner']}3"] = "PP 9"                 # no such partner
    ws[f"{col['Category']}4"] = "Catering"            # no such category
    ws[f"{col['Split']}5"] = "evenly"                 # no such split
    ws[f"{col['Unit price']}6"] = 61.205              # a third decimal
    ws[f"{col['Units']}7"] = "1,500"                  # thousands separator
    ws[f"{col['Currency']}8"] = "GBP"                 # not a currency of the format
    ws[f"{col['Units']}9"] = None                     # no units
    ws[f"{col['Unit price']}9"] = True                # a boolean
    wb.save(annex)
    e = refused(proposal, annex)
    messages = "\n".join(e.problems)
    for expected in (f"Lines!{col['Units']}2: holds a formula; type the value",
                     f"Lines!{col['Partner']}3: no partner 'PP 9'; the proposal's partners are PP1 (Göteborgs",
                     f"Lines!{col['Category']}4: unknown cost category 'Catering'; choose one of",
                     f"Lines!{col['Split']}5: 'evenly' is no split; write 'even'",
                     f"Lines!{col['Unit price']}6: 61.205 has more than two decimals",
                     f"Lines!{col['Units']}7: '1,500' is not a number of units; write 1500.00",
                     f"Lines!{col['Currency']}8: unknown currency 'GBP'; use one of EUR, DKK, SEK, NOK",
                     f"Lines!{col['Units']}9: no units",
                     f"Lines!{col['Unit price']}9: holds True, not an amount"):
        assert expected in messages, expected
    assert len(e.problems) == 9


def test_a_line_the_flat_rates_compute_is_refused_at_its_category(proposal, annex):
    col = columns(annex)
    edit(annex, {f"{col['Category']}4": "Travel and accommodation costs"})  # PP1 has a travel flat rate
    e = refused(proposal, annex)
    assert e.problems == [f"Lines!{col['Category']}4: travel flat rate replaces travel lines"] or \
        e.problems[0].startswith(f"Lines!{col['Category']}4: ") and "travel" in e.problems[0]


def test_the_header_must_be_the_lines_sheets(proposal, annex):
    col = columns(annex)
    edit(annex, {f"{col['Currency']}1": "Curency", f"{col['Units']}1": "Description"})
    e = refused(proposal, annex)
    messages = "\n".join(e.problems)
    assert f"Lines!{col['Currency']}1: unknown column 'Curency'; the columns of the sheet are 'No.', 'Partner'" in messages
    assert f"Lines!{col['Units']}1: a second 'Description' column" in messages
    assert "Lines!1:1: no column 'Units'; the header row needs 'Partner', 'Category', 'Description', 'Units'" \
        in messages


def test_missing_sheet_and_empty_sheet(proposal, annex, tmp_path):
    wb = openpyxl.load_workbook(annex)
    wb["Lines"].title = "Rows"
    wb.save(annex)
    with pytest.raises(interreg.FormatError, match="no sheet 'Lines' \\(or 'Budgetrader', 'Budgetlinjer', "
                                                   "'Budsjettlinjer'\\); the workbook's sheets are 'Cover'"):
        proposal.import_budget(annex)
    empty = openpyxl.Workbook()
    empty.active.title = "Lines"
    empty.save(tmp_path / "empty.xlsx")
    e = refused(proposal, tmp_path / "empty.xlsx")
    assert e.problems == ["Lines!A1: the sheet is empty; its first row is the header (Partner, Category, Description, "
                          "Units, Unit price, ...)"]


def test_period_columns_run_from_one(proposal, annex):
    col = columns(annex)
    edit(annex, {f"{col['Period 2']}1": "Period 7"})
    e = refused(proposal, annex)
    assert any("no column 'Period 2'; the period columns run from 1" in p for p in e.problems)


# -- text stays text -----------------------------------------------------------------------
def test_formula_like_text_round_trips_as_text(programme, tmp_path):
    p = interreg.Proposal(programme, acronym="=HYPERLINK(\"x\")", start="2026-01-01", duration_months=12)
    lead = p.add_partner("+Partner", country="SE", role="lead")
    for text in ("=SUM(A1:A9)", "+46 31 786 00 00", "-minus", "@handle"):
        lead.budget.add("staff", text, units=1, unit_price="100.00", unit_type=text)
    out = p.to_excel(tmp_path / "formulas.xlsx")
    wb = openpyxl.load_workbook(out)
    texts = 0
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate)
                if isinstance(cell.value, str) and cell.value[:1] in "=+-@":
                    assert cell.data_type == "s"
                    texts += 1
    assert texts >= 10
    before = p.to_dict()
    p.import_budget(out)
    assert p.to_dict() == before


# -- hostile files -------------------------------------------------------------------------
def test_not_a_workbook(proposal, tmp_path):
    (tmp_path / "budget.xlsx").write_text("Partner;Category\nPP1;staff\n", encoding="utf-8")
    with pytest.raises(interreg.FormatError, match="is not an Excel workbook \\(.xlsx\\)"):
        proposal.import_budget(tmp_path / "budget.xlsx")
    with zipfile.ZipFile(tmp_path / "other.xlsx", "w") as z:
        z.writestr("readme.txt", "not a workbook")
    with pytest.raises(interreg.FormatError, match="is not a readable Excel workbook"):
        proposal.import_budget(tmp_path / "other.xlsx")
    with pytest.raises(interreg.FileError):
        proposal.import_budget(tmp_path / "missing.xlsx")
    with pytest.raises(interreg.FileError):
        proposal.import_budget(tmp_path)


def test_a_truncated_workbook(proposal, annex, tmp_path):
    data = annex.read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
    with pytest.raises(interreg.FormatError):
        proposal.import_budget(tmp_path / "cut.xlsx")


def test_a_zip_bomb_is_refused_before_it_unpacks(proposal, annex, tmp_path):
    """300 MB of zeros compress to a few hundred kilobytes."""
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(annex) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        with dst.open("xl/media/zeros.bin", "w") as f:
            chunk = bytes(1 << 20)
            for _ in range(300):
                f.write(chunk)
    assert bomb.stat().st_size < 2 << 20
    with pytest.raises(interreg.FormatError, match="unpacks to 31[0-9],[0-9,]+ bytes"):
        proposal.import_budget(bomb)


def test_entities_are_refused(proposal, annex, tmp_path):
    """A document type declaration is how XML expands ("billion laughs") or reads files."""
    evil = tmp_path / "evil.xlsx"
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
              b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol2;</t></si></sst>')
    with zipfile.ZipFile(annex) as src, zipfile.ZipFile(evil, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("xl/sharedStrings.xml", laughs)
    with pytest.raises(interreg.FormatError, match="holds a document type declaration"):
        proposal.import_budget(evil)
    with zipfile.ZipFile(annex) as src, zipfile.ZipFile(evil, "w") as dst:  # the same in UTF-16
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("xl/sharedStrings.xml", laughs.decode("utf-8").replace("utf-8", "utf-16").encode("utf-16"))
    with pytest.raises(interreg.FormatError, match="holds a document type declaration"):
        proposal.import_budget(evil)


def test_too_many_parts_and_too_large_a_file(proposal, tmp_path, monkeypatch):
    many = tmp_path / "many.xlsx"
    with zipfile.ZipFile(many, "w") as z:
        for k in range(budget_import.MAX_ENTRIES + 1):
            z.writestr(f"x/{k}", b"")
    with pytest.raises(interreg.FormatError, match="parts"):
        proposal.import_budget(many)
    monkeypatch.setattr(budget_import, "MAX_FILE_BYTES", 1000)
    with pytest.raises(interreg.FileError, match="the limit is 1000"):
        proposal.import_budget(many)


def test_a_sheet_of_too_many_rows_stops_early(proposal, tmp_path, monkeypatch):
    monkeypatch.setattr(budget_import, "MAX_ROWS", 50)
    path = template_with_rows(proposal, tmp_path, [["PP1", "Equipment costs", f"Item {k}", 1, 10] for k in range(60)])
    e = refused(proposal, path)
    assert e.problems[-1] == "Lines!A51: the sheet goes on beyond 50 rows; a budget has fewer"


# -- the template --------------------------------------------------------------------------
def test_the_template_fills_in_and_reads_back(proposal, tmp_path):
    path = template_with_rows(proposal, tmp_path, [
        ["PP2", "Staff costs", "Coordinator", 24, "5150.00"],
        ["PP2", "staff", "Assistant", "1200", "38.50", "EUR", "given", 7700, 7700, 7700, 7700, 7700, 7700],
    ])
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Lines", "Lists"]
    lists = [[c for c in row if c is not None] for row in wb["Lists"].iter_rows(values_only=True)]
    assert ["PP1", "Göteborgs universitet", "SE", "Lead partner", "Office and administrative costs 15%; "
            "Travel and accommodation costs 15%"] in lists
    assert ["Staff costs", "staff"] in lists
    validations = {str(v.sqref): v.formula1 for v in wb["Lines"].data_validations.dataValidation}
    assert any("Lists" in f for f in validations.values()) and '"EUR,DKK,SEK,NOK"' in validations.values()
    assert proposal.import_budget(path) == {"PP2": 2}
    lines = proposal.partner("PP2").budget.lines
    assert [(l.description, l.units, l.unit_price, l.periods) for l in lines] == [
        ("Coordinator", D("24"), D("5150.00"), None), ("Assistant", D("1200"), D("38.50"), [D("7700.00")] * 6)]


def test_a_swedish_template_reads_back(proposal, tmp_path):
    from interreg.workbook import write_template

    path = write_template(proposal, tmp_path / "sv.xlsx", "sv")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Budgetrader", "Listor"]
    ws = wb["Budgetrader"]
    header = [c.value for c in ws[1]]
    assert header[:6] == ["Nr", "Partner", "Partnerns namn", "Kostnadskategori", "Beskrivning", "Antal"]
    row = {"Partner": "PP3", "Kostnadskategori": "Kostnader för extern expertis och externa tjänster",
           "Beskrivning": "Översättning", "Antal": 1, "Enhetspris": "12500.00", "Fördelning": "jämnt"}
    for k, name in enumerate(header, start=1):
        ws.cell(row=2, column=k, value=row.get(name))
    wb.save(path)
    assert proposal.import_budget(path, partner="Østfold fylkeskommune") == {"PP3": 1}
    assert proposal.partner("PP3").budget.lines[0].category == "external"


def test_cli_budget_template(proposal, tmp_path):
    proposal.save(tmp_path / "skills.json")
    rc, out, err = cli("budget-template", tmp_path / "skills.json", "--xlsx", tmp_path / "lines.xlsx", "--language", "no")
    assert rc == 0, err
    assert "3 partners of SKILLS" in out
    assert openpyxl.load_workbook(tmp_path / "lines.xlsx").sheetnames == ["Budsjettlinjer", "Lister"]
    rc, _, err = cli("budget-template", tmp_path / "skills.json", "--xlsx", tmp_path / "lines.csv")
    assert rc == 2 and "must end in .xlsx" in err and not (tmp_path / "lines.csv").exists()
    rc, _, err = cli("budget-template", tmp_path / "skills.json", "--xlsx", tmp_path / "x.xlsx", "--language", "de")
    assert rc == 2 and "invalid choice: 'de'" in err
    rc, out, _ = cli("budget-template", "--help")
    assert rc == 0 and "interreg budget-template talent.json --xlsx" in out
