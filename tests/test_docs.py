"""The documentation names every rule the library knows."""
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
