"""Hostile texts in the outputs: a user's text never becomes code or forged output.

- Excel: every text is a string cell (never a formula or an error value), exactly as given.
- Markdown: no text opens a block (fence, heading, HTML block, quote, list, thematic break,
  setext underline, indented code); the draft's own headings stay headings. No CommonMark
  parser is installed (Debian python3-markdown-it is not a dependency), so `opened_blocks`
  below applies CommonMark's block-start rules line by line, fences included.
- Command line: names, file names, messages and table cells are printed with their control
  characters escaped, one result per line; an absurd --workers is a usage error.
"""
from __future__ import annotations

import json
import re
import sys
import zipfile
from pathlib import Path
from typing import List, Tuple

import openpyxl
import pytest

import interreg
from conftest import run_command
from planned_proposal import build_planned_proposal

# -- Excel ---------------------------------------------------------------------------------
EVIL_NAME = '=HYPERLINK("http://evil.example","click")'
EVIL_LINES = ["+1+1", "-2", "@SUM(A1)", "#N/A"]  # "#N/A" would otherwise be an error cell
EVIL_SOURCE = "=1+1"


def test_excel_texts_are_string_cells(make_good_proposal, tmp_path):
    p = make_good_proposal()
    partner = p.add_partner(EVIL_NAME, country="SE", region="Skåne", org_type="university")
    for text in EVIL_LINES:
        partner.budget.add("external", text, units=1, unit_price="100.00", unit_type="=2+2")
    p.set_exchange_rate("NOK", "11.4915", date="2025-01-31", source=EVIL_SOURCE)
    path = p.budget_summary().to_excel(tmp_path / "budget.xlsx")

    wb = openpyxl.load_workbook(path)
    cells = [c for ws in wb for row in ws.iter_rows() for c in row if c.value is not None]
    assert [c.coordinate for c in cells if c.data_type not in ("s", "n", "d")] == []
    texts = {c.value for c in cells if c.data_type == "s"}
    assert {EVIL_NAME, *EVIL_LINES, EVIL_SOURCE} <= texts  # exactly as given, no quote prefix
    evil = [c for c in cells if c.value in {EVIL_NAME, *EVIL_LINES, EVIL_SOURCE, "=2+2"}]
    assert evil and all(c.data_type == "s" and isinstance(c.value, str) for c in evil)

    # The file itself, as Excel and LibreOffice read it: no formula element anywhere.
    with zipfile.ZipFile(path) as z:
        sheets = [z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
    assert sheets and not any("<f>" in xml or "<f " in xml for xml in sheets)
    assert any('t="inlineStr"><is><t>=HYPERLINK(' in xml for xml in sheets)


# -- Markdown ------------------------------------------------------------------------------
# CommonMark block starts (up to three spaces of indentation, except indented code).
BLOCK_STARTS = [
    ("fence", re.compile(r"^ {0,3}(`{3,}|~{3,})")),
    ("heading", re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")),
    ("html", re.compile(r"^ {0,3}<")),
    ("quote", re.compile(r"^ {0,3}>")),
    ("break", re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")),
    ("setext", re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")),
    ("list", re.compile(r"^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)")),
    ("code", re.compile(r"^(?: {4}|\t)")),
]
LIST_MARKER = re.compile(r"^ {0,3}(?:[-+*]|\d{1,9}[.)])[ \t]?")


def opened_blocks(markdown: str) -> List[Tuple[str, str]]:
    """(kind, line) of every block a line opens, list items' contents included; lines inside a
    fenced code block open nothing (the fence swallowed them)."""
    found: List[Tuple[str, str]] = []
    fence = None
    for line in markdown.splitlines():
        if fence:
            if re.match(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", line):
                fence = None
            continue
        text = line
        while True:
            kind = next((k for k, pattern in BLOCK_STARTS if pattern.match(text)), None)
            if kind is None:
                break
            found.append((kind, line))
            if kind == "fence":
                fence = BLOCK_STARTS[0][1].match(text).group(1)
            if kind != "list":
                break
            text = text[LIST_MARKER.match(text).end():]  # a list item's content can open a block too
    return found


HOSTILE_LINES = [
    "~~~", "~~~python", "```", "```js", "# heading", "### third", "#no space", "<div>", "<!-- comment",
    "<script>alert(1)</script>", "> quote", "- item", "+ item", "* item", "1. one", "2) two", "***", "---",
    "___", "- - -", "-- -", "* * *", "===", "=", "    indented code", "\tafter a tab", "   ~~~ indented fence",
    "| a | b |", "|---|---|", "[x]: http://evil.example", "*em* _u_ `code` ~~struck~~ <b>b</b>",
]
HOSTILE = "\n".join(["A first line.", *HOSTILE_LINES, "", "    code after a blank line", "~~~"])


def hostile_proposal(programme) -> "interreg.Proposal":
    p = build_planned_proposal(programme)
    p.title = {"en": "~~~ # Title `x` <div>", "sv": "```"}
    p.summary = {"en": HOSTILE, "sv": "```\n" + HOSTILE}
    wp = p.work_plan
    wp.overall_objective = "~~~~ a fence no later line closes\n" + HOSTILE
    wp.add_objective("~~~\n# objective")
    wp.add_work_package("# ~~~ <div> - 1. title", lead="PP1")
    wp.set_cooperation(joint_financing=HOSTILE)
    wp.set_principle("gender_equality", "positive", HOSTILE)
    return p


def unescaped(line: str) -> str:
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", line)


def test_markdown_texts_open_no_block(programme):
    plain = build_planned_proposal(programme).to_markdown()
    text = hostile_proposal(programme).to_markdown()

    def headings(markdown: str) -> List[str]:
        return [line for kind, line in opened_blocks(markdown) if kind == "heading"]

    # The draft's own structure only: its headings (the same as without the hostile texts,
    # the title aside), its bullets and tables; nothing a text opened.
    assert headings(text)[1:] == headings(plain)[1:]
    assert len(headings(text)) == len(headings(plain)) and headings(text)[0].startswith("# TALENT — ")
    assert opened_blocks(plain) == [(k, l) for k, l in opened_blocks(plain) if k in ("heading", "list")]
    own_bullets = ("- WP", "- No work package")
    user_made = [(k, l) for k, l in opened_blocks(text)
                 if k != "heading" and not (k == "list" and l.startswith(own_bullets))]
    assert user_made == []
    assert "\n- WP4 # \\~\\~\\~ \\<div\\> - 1. title — lead: PP1" in text
    # Every hostile line shows as written (less its indentation) once the escapes are read.
    lines = text.splitlines()
    for line in HOSTILE_LINES:
        assert any(unescaped(shown) == line.lstrip() for shown in lines), line
    assert "\\~\\~\\~python" in lines and "\\# heading" in lines and "code after a blank line" in lines


@pytest.mark.parametrize("line,kind", [
    ("~~~", "fence"), ("```py", "fence"), ("## h", "heading"), ("<div>", "html"), ("> q", "quote"),
    ("- - -", "break"), ("===", "setext"), ("1) x", "list"), ("    x", "code"), ("\tx", "code"),
])
def test_the_block_checker_sees_each_construct(line, kind):
    # The checker must see what the escaping prevents, or the test above proves nothing.
    assert opened_blocks(f"para\n\n{line}\n")[0][0] == kind


def test_the_block_checker_follows_fences_and_list_items():
    assert opened_blocks("~~~\n# inside\n~~~\n# after\n") == [("fence", "~~~"), ("heading", "# after")]
    assert opened_blocks("```\n~~~\n# inside\n") == [("fence", "```")]
    assert opened_blocks("- # x\n") == [("list", "- # x"), ("heading", "- # x")]


# -- Command line --------------------------------------------------------------------------
def cli(*args):
    return run_command([sys.executable, "-m", "interreg", *map(str, args)])


FORGED_NAME = "forged\nother.json: OK\x1b[8m.json"
FORGED_REGION = "Nowhere\u2028other.json: OK \u202e"  # stored as given, reported unknown


def test_validate_prints_one_line_per_result(make_good_proposal, tmp_path):
    forged = make_good_proposal()
    forged.partner("PP2").region = FORGED_REGION
    forged.save(tmp_path / FORGED_NAME)
    doc = make_good_proposal().to_dict()
    doc["partners"][1]["region"] = "\x1b[8mhidden"
    hidden = tmp_path / "hidden.json"
    hidden.write_text(json.dumps(doc), encoding="utf-8")

    rc, out, err = cli("validate", tmp_path / FORGED_NAME, hidden)
    assert rc in (1, 2) and "Traceback" not in err
    for stream in (out, err):  # splitlines also splits on U+2028
        assert "\x1b" not in stream and "\u2028" not in stream and "\u202e" not in stream
        assert not any(line.startswith("other.json") for line in stream.splitlines())
    # One line per file, then two per finding (the finding, its source), indented. The reader
    # may refuse hidden.json's ESC: then its one line is "cannot read" on stderr.
    report = interreg.Proposal.load(tmp_path / FORGED_NAME).validate()
    try:
        hidden_lines = 1 + 2 * len(interreg.Proposal.load(hidden).validate().findings)
    except interreg.Error:
        hidden_lines = 0
        assert len(err.splitlines()) == 1 and err.startswith(f"{hidden}: cannot read: ")
    lines = out.splitlines()
    assert len(lines) == 1 + 2 * len(report.findings) + hidden_lines
    assert lines[0] == str(tmp_path / "forged\\nother.json: OK\\x1b[8m.json") + ": " + report.summary()
    assert all(line.startswith("  ") for line in lines[1:1 + 2 * len(report.findings)])
    assert "'Nowhere\\u2028other.json: OK \\u202e' is not a known region" in out


def test_programme_tables_and_name_are_escaped(tmp_path):
    source = Path(interreg.__file__).resolve().parent / "data" / "programmes" / "oks-2021-2027.json"
    doc = json.loads(source.read_text(encoding="utf-8"))
    evil = "Evil\x1b[2J\nforged line\u2028\u202e"
    doc["name"]["en"] = evil
    doc["regions"][0]["name"] = evil
    path = tmp_path / "programme.json"
    path.write_text(json.dumps(doc), encoding="utf-8")

    for args in [(path,), (path, "--regions")]:
        rc, out, err = cli("programme", *args)
        assert rc == 0, err
        assert "\x1b" not in out and "\u2028" not in out and "\u202e" not in out
        assert not any(line.startswith("forged line") for line in out.splitlines())
        assert "Evil\\x1b[2J\\nforged line\\u2028\\u202e" in out
    rows = out.splitlines()[2:]
    assert len(rows) == len(doc["regions"])  # one line per region


def test_error_messages_are_escaped(tmp_path):
    missing = tmp_path / "gone\n\x1b[2Jinterreg: all good.json"
    for command in [("export-budget", missing, "--xlsx", tmp_path / "b.xlsx"),
                    ("export-draft", missing, "--md", tmp_path / "d.md"),
                    ("validate", missing),
                    ("validate", missing, "--\x1b[2Jx")]:  # argparse repeats an unknown option as given
        rc, out, err = cli(*command)
        assert rc == 2, command
        assert "\x1b" not in err and "Traceback" not in err
        assert "\\x1b[2J" in err
        assert not any(line.startswith("interreg: all good") for line in err.splitlines())
    assert err.splitlines()[-1] == "interreg: error: unrecognized arguments: --\\x1b[2Jx"


@pytest.fixture
def good_file(tmp_path, make_good_proposal):
    path = tmp_path / "good.json"
    make_good_proposal().save(path)
    return path


@pytest.mark.parametrize("workers", ["0", "-1", "1025", "10000000000", "9" * 5000, "two", ""],
                         ids=["0", "-1", "1025", "1e10", "5000-digits", "two", "empty"])
def test_absurd_workers_is_a_usage_error(good_file, workers):
    rc, out, err = cli("validate", "--workers", workers, good_file)
    assert rc == 2
    assert "Traceback" not in err and out == ""
    assert "argument --workers:" in err
    if workers.lstrip("-").isdigit() and len(workers) < 20:
        assert f"must be from 1 to 1024, not {int(workers)}" in err


def test_workers_in_range_are_accepted(good_file):
    for workers in ["1", "1024"]:
        rc, out, err = cli("validate", "--workers", workers, good_file)
        assert rc == 0, err
        assert "OK: 0 error(s)" in out

