"""The languages exported files are written in, and their wording: the library's own labels
from ``data/translations.json`` (data, so adding a label or a language changes no code) and the
programme's names of its funds, objectives, countries and cost categories from the programme
document, each in the chosen language and in English where the document has no other.
"""
from __future__ import annotations

import functools
from typing import Any, Dict, Iterable, List, Mapping, Optional, Set, Tuple

from . import _core
from ._resources import translations
from .errors import ArgumentError

__all__ = ["LANGUAGES", "language_code", "label", "spellings", "Wording"]


@functools.lru_cache(maxsize=None)
def _table() -> Dict[str, Dict[str, str]]:
    return translations()


# The languages of the ÖKS programme, English first: en, sv, da, no.
LANGUAGES: Tuple[str, ...] = ("en", "sv", "da", "no")


def language_code(language: Any) -> str:
    """`language` checked: one of :data:`LANGUAGES` (any case); else :class:`ArgumentError`
    naming the choices."""
    if not isinstance(language, str):
        raise TypeError(f"language must be a str, one of {', '.join(LANGUAGES)}; not {type(language).__name__}")
    code = language.strip().lower()
    if code not in LANGUAGES:
        raise ArgumentError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
    return code


def label(key: str, language: str = "en", **fields: Any) -> str:
    """The label `key` ("column.fund_amount") in `language`, with `{fields}` filled in."""
    text = _table()[key][language]
    return text.format(**fields) if fields else text


def spellings(key: str, **fields: Any) -> Set[str]:
    """The label `key` in every language (to recognise it in a file written in any of them)."""
    return {label(key, language, **fields) for language in LANGUAGES}


def _in(names: Mapping[str, str], language: str) -> Tuple[str, bool]:
    """A programme text in `language`, else in English: (text, whether it is the English one
    standing in)."""
    if names.get(language):
        return names[language], False
    return names.get("en", ""), language != "en"


class Wording:
    """What an exported file calls things in one language: the library's labels and the
    programme's names (`programme`: the core programme, or None for labels alone)."""

    def __init__(self, language: str = "en", programme: Optional[_core.Programme] = None):
        self.language = language_code(language)
        self._programme = programme
        self._categories: Dict[str, Mapping[str, str]] = (
            {c.id: c.name for c in programme.cost_categories} if programme is not None else {})
        self._funds: Dict[str, Mapping[str, str]] = {f.id: f.name for f in programme.funds} if programme else {}
        self._countries: Dict[str, Mapping[str, str]] = (
            {c.code: c.name for c in programme.countries} if programme else {})

    def __call__(self, key: str, **fields: Any) -> str:
        return label(key, self.language, **fields)

    def text(self, names: Mapping[str, str]) -> Tuple[str, bool]:
        """A programme's or proposal's multilingual text in this language, else English:
        (text, whether English stands in for it)."""
        return _in(names, self.language)

    def category(self, id: str) -> str:
        """A cost category ("staff") or cost column ("other_costs", "lump_sums", "total") by the
        programme's name for it, else the library's label."""
        names = self._categories.get("lump_sum" if id == "lump_sums" else id)
        return self.text(names)[0] if names else self(f"cost.{id}")

    def fund(self, id: Optional[str]) -> str:
        """A fund by the programme's name; an id the programme does not know as it is."""
        names = self._funds.get(id or "")
        return self.text(names)[0] if names else (id or "")

    def country(self, code: str) -> str:
        names = self._countries.get(code)
        return self.text(names)[0] if names else code

    def role(self, role: str) -> str:
        return self(f"role.{role}")

    def split(self, split: str) -> str:
        return self(f"split.{split}")

    def column(self, table: str, column: str) -> str:
        """The header of `column` of budget table `table` ("Fund amount", "Period 3", a fund's
        name for "fund:erdf", a category's name for "staff")."""
        if column.startswith("period_") and column[7:].isdigit():
            return self("column.period_n", n=int(column[7:]))
        if column.startswith("fund:"):
            return self.fund(column[5:])
        if f"cost.{column}" in _table() and not (table == "lines" and column == "total"):
            return self.category(column)
        if table == "lines" and column == "total":
            return self("column.total_eur")
        if table == "exchange_rates" and column == "rate":
            return self("column.exchange_rate")
        return self(f"column.{column}") if f"column.{column}" in _table() else column

    @property
    def categories(self) -> List[Tuple[str, str]]:
        """(id, name) of every cost category a line may have, in display order."""
        return [(c, self.category(c)) for c in _core.category_names]


def english_labels(prefix: str, keys: Iterable[str]) -> Dict[str, str]:
    """``{key: English label of prefix.key}``: the English wording other modules show."""
    return {k: label(f"{prefix}.{k}") for k in keys}
