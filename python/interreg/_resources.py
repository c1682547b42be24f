"""Files shipped inside the package: embedded programmes, the proposal schema and the labels'
translations."""
from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any, Dict

_DATA = Path(__file__).resolve().parent / "data"
_PROGRAMMES = _DATA / "programmes"


@functools.lru_cache(maxsize=None)
def _programme_index() -> Dict[str, Any]:
    # data/programmes/index.json: which programmes ship, in order, and which is the default.
    with open(_PROGRAMMES / "index.json", encoding="utf-8") as f:
        return json.load(f)


def embedded_programmes() -> Dict[str, Path]:
    """Programme id → path of its document, for every programme shipped with the package, in the
    order of the package's programme index (``data/programmes/index.json``)."""
    return {pid: _PROGRAMMES / f"{pid}.json" for pid in _programme_index()["programmes"]}


def default_programme() -> str:
    """The id of the programme :func:`interreg.load_programme` loads without an argument, as the
    package's programme index names it."""
    return str(_programme_index()["default"])


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
