"""Rewrite the canonical test documents after a change of the writer's output.

    .venv/bin/python tests/data/regenerate.py

- tests/data/valid/X.json becomes what the writer produces for it (load → dumps); for a name
  that also exists in tests/data/short-forms/, the short form is read instead, so the pair
  stays "the short form reads as its canonical document";
- tests/data/valid/talent-rso41.json becomes the first ```json block of docs/proposal-format.md.

Look at the diff before committing it: a change here is a change of the document format.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "python"))

import interreg  # noqa: E402


def main() -> None:
    for path in sorted((HERE / "valid").glob("*.json")):
        short = HERE / "short-forms" / path.name
        source = short if short.exists() else path
        canonical = interreg.Proposal.from_json(source.read_text(encoding="utf-8")).to_json()
        if canonical != path.read_text(encoding="utf-8"):
            path.write_text(canonical, encoding="utf-8", newline="\n")
            print("rewrote", path.relative_to(ROOT))
    docs = ROOT / "docs" / "proposal-format.md"
    text = docs.read_text(encoding="utf-8")
    example = (HERE / "valid" / "talent-rso41.json").read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)```", text, re.S)
    if block.group(1) != example:
        docs.write_text(text[:block.start(1)] + example + text[block.end(1):], encoding="utf-8", newline="\n")
        print("rewrote", docs.relative_to(ROOT))


if __name__ == "__main__":
    main()
