"""Files shipped inside the package: embedded programmes, the proposal schema and the labels'
translations."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict

_DATA = Path(__file__).resolve().parent / "data"

DEFAULT_PROGRAMME = "oks-2021-2027"


def embedded_programmes() -> Dict[str, Path]:
    """Programme id → path of its document, for every programme shipped with the package."""
    return {p.stem: p for p in sorted((_DATA / "programmes").glob("*.json"))}


def schema() -> Dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the proposal document, as a new dict.

    Editors and other tools can use it to check files; :meth:`interreg.Proposal.load` is
    stricter still (it also refuses duplicate partner ids, for example).
    """
    with open(_DATA / "proposal.schema.json", encoding="utf-8") as f:
        return json.load(f)


def history_sample() -> Path:
    """The made-up cooperation history that ships for examples (data/history-sample.csv)."""
    return _DATA / "history-sample.csv"


def translations() -> Dict[str, Dict[str, str]]:
    """Label key → language code → text (data/translations.json), as a new dict."""
    with open(_DATA / "translations.json", encoding="utf-8") as f:
        return json.load(f)["labels"]
