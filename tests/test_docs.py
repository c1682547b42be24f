"""The documentation names every rule the library knows, and shows the evidence behind each
rule of the embedded programme."""
import os
from pathlib import Path

import interreg

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_rules_doc_lists_every_rule():
    text = (DOCS / "rules.md").read_text(encoding="utf-8")
    missing = [rule for rule in interreg.rule_catalogue()["id"] if f"`{rule}`" not in text]
    assert not missing, f"docs/rules.md does not describe: {missing}"


def test_rules_doc_severities_match_the_catalogue():
    text = (DOCS / "rules.md").read_text(encoding="utf-8")
    for _, row in interreg.rule_catalogue().iterrows():
        line = next(l for l in text.splitlines() if l.startswith(f"| `{row['id']}`"))
        assert f"| {row['severity']} |" in line, line


EVIDENCE_HEADING = "## Evidence behind each ÖKS rule"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def evidence_table(programme) -> str:
    """The table docs/rules.md ends with: one row per rule the programme checks."""
    rows = ["| rule | severity | status | source | why assumed |", "|---|---|---|---|---|"]
    for r in programme.rules:
        title, _, url = r["source"].rpartition(" — ")
        note = r["note"] if r["status"] == "assumed" else ""
        rows.append(f"| `{r['id']}` | {r['severity']} | {r['status']} | [{_cell(title)}]({url}) | {_cell(note)} |")
    return "\n".join(rows) + "\n"


def test_rules_doc_shows_the_evidence_of_every_rule():
    path = DOCS / "rules.md"
    text = path.read_text(encoding="utf-8")
    head, heading, tail = text.partition(EVIDENCE_HEADING)
    assert heading, f"docs/rules.md lacks the section {EVIDENCE_HEADING!r}"
    intro, _, table = tail.partition("| rule |")
    expected = evidence_table(interreg.load_programme())
    if os.environ.get("INTERREG_UPDATE_GOLDEN"):
        path.write_text(head + heading + intro + expected, encoding="utf-8")
        return
    assert "| rule |" + table == expected, "out of date: INTERREG_UPDATE_GOLDEN=1 pytest tests/test_docs.py"


def test_no_assumed_rule_is_an_error():
    for r in interreg.load_programme().rules:
        assert not (r["status"] == "assumed" and r["severity"] == "ERROR"), r["id"]
        assert r["status"] == "confirmed" or r["note"], f"{r['id']}: an assumed rule says why"
