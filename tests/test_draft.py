"""The narrative draft: Markdown content and the order of its sections, exact budget numbers
that reconcile, placeholders for missing parts, the Word file as LibreOffice reads it (PDF
through headless soffice, then pdftotext), atomic writes and the command line.

The LibreOffice test skips only when `soffice` is missing; scripts/bootstrap.sh installs it
(libreoffice-writer-nogui, and poppler-utils for pdftotext).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import List

import pytest

import interreg
from interreg.money import format_amount
from planned_proposal import (CONTRIBUTION, CROSS_BORDER_VALUE, ERDF, FUND_AMOUNTS, NORWEGIAN, RELEVANCE_DA,
                              RELEVANCE_EN, SUMMARY_SV, TITLE_EN, TITLE_SV, TOTAL, TOTALS, build_planned_proposal)

SECTIONS = ["# TALENT — " + TITLE_EN, "## Project identification", "## Summary", "## Relevance and context",
            "## Target groups", "## Cross-border added value", "## Partnership",
            "## Intervention logic", "### Overall objective", "### Project objectives", "### Outputs", "### Results",
            "## Work plan", "### Reporting periods", "### Timeline", "## Management", "## Communication",
            "## Cooperation criteria", "## Horizontal principles", "## Durability of results",
            "## Budget", "### Per partner", "### Per cost category", "### Funding"]


@pytest.fixture
def proposal(programme):
    return build_planned_proposal(programme)


@pytest.fixture
def markdown(proposal):
    return proposal.to_markdown()


def section(text: str, heading: str) -> str:
    """The text under `heading` up to the next heading of the same or a higher level."""
    level = heading.split(" ")[0]
    start = text.index(heading + "\n")
    rest = text[start + len(heading):]
    end = re.search(rf"^#{{1,{len(level)}}} ", rest, re.M)
    return rest[:end.start()] if end else rest


def table_rows(text: str) -> List[List[str]]:
    """The cells of every table row in `text` (header and separator rows left out)."""
    rows = [[c.strip() for c in line.strip()[1:-1].split(" | ")] for line in text.splitlines()
            if line.startswith("| ")]
    return rows[1:] if rows else rows


def amount(cell: str) -> Decimal:
    return Decimal(cell.strip("*").replace(",", ""))


def test_sections_in_the_programmes_order(markdown):
    lines = markdown.splitlines()
    headings = [line for line in lines if line.startswith("#")]
    assert headings == SECTIONS
    assert markdown.endswith("\n") and not markdown.endswith("\n\n")


def test_identification_and_summary(markdown, programme):
    ident = section(markdown, "## Project identification")
    assert "| Title (English) | " + TITLE_EN + " |" in ident
    assert "| Title (Swedish) | " + TITLE_SV + " |" in ident  # given first, shown second
    assert ident.index("Title (English)") < ident.index("Title (Swedish)")
    assert f"| Programme | {programme.name} (oks-2021-2027) |" in ident
    assert "| Call | 2025:1 |" in ident and "| Project kind | Main project |" in ident
    assert "| Specific objective | RSO4.1 — Enhancing the effectiveness" in ident
    assert "| Start | 2026-01-01 |" in ident and "| End | 2028-12-31 |" in ident
    assert "| Duration | 36 months, 6 reporting periods |" in ident
    summary = section(markdown, "## Summary")
    assert "**English:** Universities, municipalities and counties match" in summary
    assert f"**Swedish:** {SUMMARY_SV}" in summary
    assert summary.index("**English:**") < summary.index("**Swedish:**")


def test_the_forms_text_sections(markdown, proposal):
    relevance = section(markdown, "## Relevance and context")
    assert relevance.index(f"**English:** {RELEVANCE_EN}") < relevance.index(f"**Danish:** {RELEVANCE_DA}")
    assert section(markdown, "## Cross-border added value").strip() == CROSS_BORDER_VALUE  # one language: no label
    for heading in ("## Target groups", "## Management", "## Communication", "## Durability of results"):
        assert section(markdown, heading).strip().startswith("*To be written: "), heading
    proposal.durability = {"no": "Fylkeskommunene viderefører matchingen etter prosjektet."}
    assert section(proposal.to_markdown(), "## Durability of results").strip() == (
        "Fylkeskommunene viderefører matchingen etter prosjektet.")


def test_partnership_table(markdown):
    rows = table_rows(section(markdown, "## Partnership"))
    assert rows[0] == ["PP1", "Göteborgs universitet", "Sweden", "Västra Götaland (SE232)", rows[0][4], "public",
                       "Lead partner", "No State aid", "295,230.00"]
    assert rows[1][7] == rows[2][7] == "No economic activity"  # public authorities by default
    assert rows[2][0] == "PP3" and rows[2][6] == "Partner, Norwegian project owner"
    assert [amount(r[-1]) for r in rows[:3]] == list(TOTALS.values())
    assert rows[3][:2] == ["**Total**", "**3 partners**"] and amount(rows[3][-1]) == TOTAL
    assert sum(amount(r[-1]) for r in rows[:3]) == TOTAL


def test_partners_numbers_and_contacts(proposal):
    proposal.partner("PP1").address = "Box 100, 405 30 Göteborg"
    proposal.partner("PP1").contact_person = "Anna Berg, anna.berg@example.se"
    partnership = section(proposal.to_markdown(), "## Partnership")
    assert "Organisation numbers and contacts" in partnership
    contacts = table_rows(partnership.split("Organisation numbers and contacts", 1)[1])
    assert contacts == [["PP1", "Göteborgs universitet", "202100-1215", "Box 100, 405 30 Göteborg",
                         "Anna Berg, anna.berg@example.se"],
                        ["PP2", "Aalborg Kommune", "29189420", "—", "—"],
                        ["PP3", "Østfold fylkeskommune", "974 544 466", "—", "—"]]
    no = section(proposal.to_markdown(language="no"), "## Partnerskap")
    assert "| ID | Partner | Organisasjonsnummer | Adresse | Kontaktperson |" in no


def test_intervention_logic(markdown):
    logic = section(markdown, "## Intervention logic")
    assert "A labour market without borders in Öresund\\-Kattegat\\-Skagerrak." not in logic  # no needless escapes
    assert "A labour market without borders in Öresund-Kattegat-Skagerrak." in logic
    o1 = logic.index("**O1:** Map the skills")
    wp1 = logic.index("- WP1 Skills mapping — lead: PP1 Göteborgs universitet; periods 1–4; "
                      "outputs: RCO84 (target 2, period 6)")
    o2 = logic.index("**O2:** Match job seekers")
    wp2 = logic.index("- WP2 Matching — lead: PP2 Aalborg Kommune; periods 2–6; outputs: RCO87 (target 3, period 6)")
    untied = logic.index("**Not tied to an objective:**")
    wp3 = logic.index("- WP3 Management — lead: PP1 Göteborgs universitet; periods 1–6; outputs: none yet")
    assert o1 < wp1 < o2 < wp2 < untied < wp3
    assert table_rows(section(logic, "### Outputs")) == [
        ["RCO84 Pilot actions developed jointly and implemented in projects (pilot actions)", "2", "6", "WP1"],
        ["RCO87 Organisations cooperating across borders (organisations)", "3", "6", "WP2"]]
    assert table_rows(section(logic, "### Results")) == [
        ["RCR104 Solutions taken up or up-scaled by organisations (solutions)", "0", "1", "6"],
        ["RCR84 Organisations cooperating across borders after project completion (organisations)", "0.5", "12.25", "6"]]
    assert "|---|---:|---:|---|" in section(logic, "### Outputs")  # targets right-aligned


def test_timeline_table(markdown):
    timeline = section(markdown, "### Timeline")
    assert "■ under way, ◆ deliverable due." in timeline
    assert "| ID | Title | Lead / partners | After | P1 | P2 | P3 | P4 | P5 | P6 |" in timeline
    rows = table_rows(timeline)
    assert [r[0] for r in rows] == ["WP1", "A1.2", "D1.2.1", "A1.1", "D1.1.1", "WP2", "A2.1", "D2.1.2", "D2.1.1",
                                    "A2.2", "D2.2.1", "WP3", "A3.1"]
    assert rows[0] == ["WP1", "Skills mapping", "lead PP1", "", "■", "■", "■", "■", "", ""]
    assert rows[1] == ["A1.2", "Employer survey", "PP1, PP2", "", "■", "■", "", "", "", ""]
    assert rows[3] == ["A1.1", "Skills map", "PP1, PP3", "A1.2", "", "", "■", "■", "", ""]
    assert rows[4] == ["D1.1.1", "Skills map", "—", "", "", "", "", "◆", "", ""]
    periods = table_rows(section(markdown, "### Reporting periods"))
    assert periods[0] == ["1", "1–6", "2026-01-01", "2026-06-30"] and periods[-1][3] == "2028-12-31"


def test_cooperation_and_principles_with_placeholders(markdown):
    cooperation = section(markdown, "## Cooperation criteria")
    assert "**Joint development:** The partners wrote the application together." in cooperation
    assert "**Joint financing:** *To be written.*" in cooperation
    principles = section(markdown, "## Horizontal principles")
    assert "**Sustainable development (neutral effect):** no explanation given." in principles
    assert ("**Equal opportunities and non-discrimination (positive effect):** Job seekers far from the labour "
            "market first.") in principles
    assert "**Equality between women and men:** *To be written.*" in principles


def test_budget_numbers_are_exact_and_reconcile(markdown, proposal):
    budget = section(markdown, "## Budget")
    assert f"Total eligible budget {format_amount(TOTAL)} EUR over 6 reporting periods" in budget
    per_partner = table_rows(section(budget, "### Per partner"))
    assert [r[0] for r in per_partner] == ["PP1", "PP2", "PP3", "**Total**"]
    assert [r[3] for r in per_partner[:3]] == ["European Regional Development Fund (ERDF)"] * 2 + [
        "Norwegian Interreg funds"]
    assert [r[4] for r in per_partner[:3]] == ["60%", "60%", "50%"]
    for row, pid in zip(per_partner, TOTALS):
        assert (amount(row[5]), amount(row[6])) == (TOTALS[pid], FUND_AMOUNTS[pid])
        assert amount(row[5]) == amount(row[6]) + amount(row[7])
    total = per_partner[-1]
    assert (amount(total[5]), amount(total[6]), amount(total[7])) == (TOTAL, ERDF + NORWEGIAN, CONTRIBUTION)
    for column in (5, 6, 7):
        assert sum(amount(r[column]) for r in per_partner[:3]) == amount(total[column])
    per_category = table_rows(section(budget, "### Per cost category"))
    header = section(budget, "### Per cost category").splitlines()
    assert ("| ID | Staff costs | Office and administrative costs | Travel and accommodation costs | "
            "External expertise and service costs | Total |") in header  # the programme's names
    for row in per_category:
        assert sum(amount(c) for c in row[1:-1]) == amount(row[-1])
    assert amount(per_category[-1][-1]) == TOTAL
    funding = table_rows(section(budget, "### Funding"))
    assert funding == [["European Regional Development Fund (ERDF)", "298,782.00"],
                       ["Norwegian Interreg funds", "70,474.37"], ["Partners' contribution", "269,662.38"],
                       ["**Total**", "**638,918.75**"]]
    assert sum(amount(r[1]) for r in funding[:3]) == TOTAL == proposal.budget_summary().total


def test_empty_proposal_has_every_section_with_placeholders(programme):
    p = interreg.Proposal(programme)
    text = p.to_markdown()
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == ["# Untitled proposal", "## Project identification", "## Summary", "## Relevance and context",
                        "## Target groups", "## Cross-border added value", "## Partnership",
                        "## Intervention logic", "### Overall objective", "### Project objectives", "### Outputs",
                        "### Results", "## Work plan", "## Management", "## Communication", "## Cooperation criteria",
                        "## Horizontal principles", "## Durability of results", "## Budget"]
    assert "| Acronym | To be written. |" in text and "| Title | To be written. |" in text
    assert "| Call | not chosen |" in text and "| Start | not chosen |" in text
    assert section(text, "## Summary").strip() == "*To be written.*"
    assert section(text, "## Partnership").strip() == "*To be written: the partners.*"
    assert "*To be written: the work packages, activities and deliverables.*" in section(text, "## Work plan")
    assert section(text, "## Budget").strip() == "*To be written: the partners' budgets.*"
    assert section(text, "## Target groups").strip() == "*To be written: who the project is for and how it reaches them.*"
    assert text.count("*To be written") == 21  # the six sections of the form's texts too


def test_partners_without_budget_and_a_budget_that_cannot_be_summarised(good_proposal):
    no_rate = good_proposal.copy()
    no_rate.remove_exchange_rate("NOK")
    text = no_rate.to_markdown()
    assert "*The budget cannot be summarised yet: " in text and "NOK" in section(text, "## Budget")
    assert "Budget (EUR)" not in section(text, "## Partnership")  # no totals to show
    assert "Untitled" not in text and "## Work plan" in text


def test_texts_are_escaped(programme):
    p = interreg.Proposal(programme, acronym="A*B", title="Ports | *green* [beta]",
                          summary="# not a heading\n- not a list\n1. not numbered")
    text = p.to_markdown()
    assert text.startswith("# A\\*B — Ports \\| \\*green\\* \\[beta\\]\n")
    summary = section(text, "## Summary")
    assert "\\# not a heading\n\\- not a list\n1\\. not numbered" in summary


def test_markdown_file_and_docx_are_written_atomically(proposal, tmp_path):
    from interreg.render.draft import write_markdown

    md = tmp_path / "draft.md"
    md.write_text("old", encoding="utf-8")
    assert write_markdown(proposal, md) == md
    assert md.read_text(encoding="utf-8") == proposal.to_markdown()
    docx_path = tmp_path / "draft.docx"
    assert proposal.to_docx(str(docx_path)) == docx_path
    assert sorted(x.name for x in tmp_path.iterdir()) == ["draft.docx", "draft.md"]
    with pytest.raises(interreg.FileError, match="cannot write"):
        proposal.to_docx(tmp_path / "missing folder" / "draft.docx")
    assert sorted(x.name for x in tmp_path.iterdir()) == ["draft.docx", "draft.md"]


def test_docx_structure(proposal, tmp_path):
    import docx
    path = proposal.to_docx(tmp_path / "talent.docx")
    document = docx.Document(str(path))
    headings = [(p.style.name, p.text) for p in document.paragraphs
                if p.style.name == "Title" or p.style.name.startswith("Heading")]
    assert [h[1] for h in headings] == [s.split(" ", 1)[1] for s in SECTIONS]
    assert headings[0][0] == "Title" and headings[1][0] == "Heading 1"
    assert headings[SECTIONS.index("### Overall objective")][0] == "Heading 2"
    assert document.core_properties.title == "TALENT — " + TITLE_EN
    assert len(document.tables) == 10
    partnership = document.tables[1]
    assert [c.text for c in partnership.rows[0].cells][-1] == "Budget (EUR)"
    assert partnership.rows[-1].cells[-1].text == "638,918.75"
    assert partnership.rows[-1].cells[-1].paragraphs[0].runs[0].bold
    placeholders = [r for p in document.paragraphs for r in p.runs if r.text == "To be written."]
    assert len(placeholders) == 2 and all(r.italic for r in placeholders)
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert len(bullets) == 3 and bullets[0].startswith("WP1 Skills mapping")


# -- languages ---------------------------------------------------------------------------
SECTIONS_SV = ["# TALENT — " + TITLE_SV, "## Projektidentifiering", "## Sammanfattning", "## Relevans och sammanhang",
               "## Målgrupper", "## Gränsregionalt mervärde", "## Partnerskap", "## Interventionslogik",
               "### Övergripande mål", "### Projektmål", "### Utfall", "### Resultat", "## Arbetsplan",
               "### Rapporteringsperioder", "### Tidsplan", "## Projektledning", "## Kommunikation",
               "## Samarbetskriterier", "## Horisontella principer", "## Resultatens varaktighet", "## Budget",
               "### Per partner", "### Per kostnadskategori", "### Finansiering"]


def test_a_languages_version_has_its_headings_names_and_texts(proposal, programme):
    sv = proposal.to_markdown(language="sv")
    assert [line for line in sv.splitlines() if line.startswith("#")] == SECTIONS_SV
    identification = section(sv, "## Projektidentifiering")
    assert f"| Titel | {TITLE_SV} |" in identification and TITLE_EN not in sv  # one language's title
    objective = programme.objective("RSO4.1")
    assert f"| Specifikt mål | RSO4.1 — {objective.title['sv']} |" in identification  # the programme's own name
    assert section(sv, "## Sammanfattning").strip() == SUMMARY_SV  # the Swedish summary only, unlabelled
    # no Swedish relevance: the English one, said so
    assert section(sv, "## Relevans och sammanhang").strip() == f"**på engelska:** {RELEVANCE_EN}"
    assert section(sv, "## Målgrupper").strip() == "*Skrivs senare: vilka projektet är till för och hur det når dem.*"
    partnership = table_rows(section(sv, "## Partnerskap"))
    assert partnership[0][2] == "Sverige" and partnership[0][6] == "Lead partner"  # the programme's Swedish term
    assert "Partner, norsk projektägare" in partnership[2][6]
    funding = table_rows(section(sv, "### Finansiering"))
    erdf = next(f for f in programme.funds if f.id == "erdf").name["sv"]
    assert funding[0][0] == erdf and amount(funding[-1][1]) == TOTAL  # names from the programme, same amounts
    assert f"Total stödberättigande budget {format_amount(TOTAL)} EUR över 6 rapporteringsperioder" in sv

    da = proposal.to_markdown(language="da")
    assert section(da, "## Relevans og kontekst").strip() == RELEVANCE_DA  # Danish given: no label
    assert "## Grænseoverskridende merværdi" in da and "**på engelsk:** " + CROSS_BORDER_VALUE in da
    en = proposal.to_markdown(language="en")
    assert section(en, "## Relevance and context").strip() == RELEVANCE_EN  # English only, not every language
    assert SUMMARY_SV not in en
    assert proposal.to_markdown() != en and SUMMARY_SV in proposal.to_markdown()  # no language: every text


def test_an_unknown_language_writes_nothing(proposal, tmp_path):
    for bad in ("de", "svenska", ""):
        with pytest.raises(interreg.ArgumentError, match="choose one of en, sv, da, no"):
            proposal.to_docx(tmp_path / "x.docx", language=bad)
        with pytest.raises(interreg.ArgumentError):
            proposal.to_markdown(language=bad)
    assert not list(tmp_path.iterdir())
    assert proposal.to_markdown(language="NO").startswith("# TALENT")  # any case


def test_docx_in_norwegian(proposal, tmp_path):
    import docx
    document = docx.Document(str(proposal.to_docx(tmp_path / "talent-no.docx", language="no")))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:4] == ["Prosjektidentifikasjon", "Sammendrag", "Relevans og kontekst", "Målgrupper"]
    assert "Budsjett" in headings
    assert any(r.text.startswith("Skal skrives: ") and r.italic for p in document.paragraphs for r in p.runs)


def test_docx_needs_python_docx(proposal, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "docx", None)  # as if python-docx were not installed
    with pytest.raises(ImportError, match="apt-get install python3-docx"):
        proposal.to_docx(tmp_path / "x.docx")
    assert list(tmp_path.iterdir()) == []


# -- LibreOffice -----------------------------------------------------------------------
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def test_libreoffice_opens_the_docx(proposal, tmp_path):
    """The .docx converts to PDF with headless LibreOffice, and the PDF's text holds the
    sections, the partners, the timeline and the budget numbers."""
    assert SOFFICE, "LibreOffice is missing: apt-get install libreoffice-writer-nogui (scripts/bootstrap.sh does)"
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "pdftotext is missing: apt-get install poppler-utils (scripts/bootstrap.sh does)"
    path = proposal.to_docx(tmp_path / "talent.docx", language="sv")  # a language's version, as handed in
    (tmp_path / "home").mkdir()
    env = dict(os.environ, HOME=str(tmp_path / "home"), LC_ALL="C.UTF-8", LANG="C.UTF-8")
    env.pop("DISPLAY", None)
    start = time.monotonic()
    proc = subprocess.run([SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                           "--convert-to", "pdf", "--outdir", str(tmp_path / "out"), str(path)],
                          capture_output=True, timeout=300, env=env, cwd=tmp_path)
    print(f"\nsoffice: docx → pdf {time.monotonic() - start:.1f} s")
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    pdf = tmp_path / "out" / "talent.pdf"
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, timeout=60,
                          check=True).stdout.decode("utf-8")
    flat = " ".join(text.split())
    for heading in SECTIONS_SV[1:]:
        assert heading.split(" ", 1)[1] in flat, heading
    assert "TALENT — Talang över arbetsmarknaden i Öresund" in flat  # (a long title line breaks at a hyphen)
    for name in ("Göteborgs universitet", "Aalborg Kommune", "Østfold fylkeskommune"):
        assert name in flat or name.replace(" ", "") in flat.replace(" ", ""), name  # a narrow cell may wrap a name
    for value in (*TOTALS.values(), *FUND_AMOUNTS.values(), TOTAL, ERDF, CONTRIBUTION):
        assert format_amount(value) in flat, value
    assert "RCR84" in flat and "12.25" in flat and "Employer survey" in flat and "■" in flat and "◆" in flat
    assert "Skrivs senare." in flat


# -- the command line ------------------------------------------------------------------
def cli(*args):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    proc = subprocess.run([sys.executable, "-m", "interreg", *map(str, args)], capture_output=True, timeout=120,
                          env=env)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def test_cli_export_draft(proposal, tmp_path):
    proposal.save(tmp_path / "talent.json")
    rc, out, err = cli("export-draft", tmp_path / "talent.json", "--md", tmp_path / "talent.md")
    assert rc == 0, err
    assert "talent.md: narrative draft of TALENT" in out
    assert (tmp_path / "talent.md").read_text(encoding="utf-8") == proposal.to_markdown()
    rc, out, err = cli("export-draft", tmp_path / "talent.json", "--docx", tmp_path / "talent.docx")
    assert rc == 0, err
    assert (tmp_path / "talent.docx").read_bytes()[:2] == b"PK"
    rc, out, err = cli("export-draft", tmp_path / "talent.json", "--md", tmp_path / "talent-da.md", "--language", "da")
    assert rc == 0, err
    assert (tmp_path / "talent-da.md").read_text(encoding="utf-8") == proposal.to_markdown(language="da")
    rc, _, err = cli("export-draft", tmp_path / "talent.json", "--md", tmp_path / "x.md", "--language", "de")
    assert rc == 2 and "invalid choice: 'de'" in err and not (tmp_path / "x.md").exists()


def test_cli_export_draft_errors(proposal, tmp_path):
    rc, _, err = cli("export-draft", tmp_path / "missing.json", "--md", tmp_path / "x.md")
    assert rc == 2 and "missing.json" in err and "cannot open" in err
    proposal.save(tmp_path / "talent.json")
    rc, _, err = cli("export-draft", tmp_path / "talent.json")
    assert rc == 2 and "one of the arguments --md --docx is required" in err
    rc, _, err = cli("export-draft", tmp_path / "talent.json", "--md", tmp_path / "a.md", "--docx", tmp_path / "a.docx")
    assert rc == 2 and "not allowed with" in err
    rc, _, err = cli("export-draft", tmp_path / "talent.json", "--md", tmp_path / "no such folder" / "x.md")
    assert rc == 2 and "cannot write" in err
    assert sorted(x.name for x in tmp_path.iterdir()) == ["talent.json"]


# -- docs/draft.md ---------------------------------------------------------------------
def test_draft_doc_example_runs(tmp_path, monkeypatch):
    """The Python example of docs/draft.md runs (from the repository root's point of view)."""
    import matplotlib
    import matplotlib.pyplot

    matplotlib.use("Agg")
    root = Path(__file__).resolve().parents[1]
    code = re.search(r"```python\n(.*?)```", (root / "docs" / "draft.md").read_text(encoding="utf-8"), re.S).group(1)
    code = code.replace('"tests/data/', f'"{root}/tests/data/')
    monkeypatch.chdir(tmp_path)  # the example writes talent-draft.docx
    namespace: dict = {}
    exec(compile(code, "docs/draft.md", "exec"), namespace)
    matplotlib.pyplot.close("all")
    assert len(namespace["t"]) == 9 and "## Work plan" in namespace["text"]
    assert (tmp_path / "talent-draft.docx").exists()
