"""The programme: its area, priorities, objectives, funds, calls and rules."""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union

from . import _core
from ._frames import frame
from ._resources import default_programme, embedded_programmes
from .errors import ArgumentError

__all__ = ["Programme", "load_programme", "programmes", "rule_catalogue", "ObjectiveScore", "MatchedTerm", "ObjectiveRanking"]


@dataclass(frozen=True)
class MatchedTerm:
    """A term of the text that an objective's keyword profile shares."""

    term: str
    """The stem shared by the text and the profile, e.g. ``"arbetsmarknad"``."""
    words: Tuple[str, ...]
    """The text's words that gave it, as written (one per spelling), first occurrence first."""
    contribution: float
    """Its part of the objective's score."""

    def __str__(self) -> str:
        return f"{self.term} ({', '.join(self.words)})"


@dataclass(frozen=True)
class ObjectiveScore:
    """How well a text fits one specific objective (see :meth:`Programme.rank_objectives`)."""

    code: str
    """The objective's code, e.g. ``"RSO4.1"``."""
    score: float
    """BM25 score, ≥ 0: the sum of the matched terms' contributions; 0 means no shared term."""
    matched_terms: Tuple[MatchedTerm, ...]
    """The shared terms, largest contribution first."""
    priority: str
    title: str
    """The objective's English title."""


class ObjectiveRanking(List[ObjectiveScore]):
    """The objectives ranked by fit with a text, best first (a list of :class:`ObjectiveScore`)."""

    _COLUMNS = ["rank", "code", "priority", "title", "score", "matched_terms"]

    def to_frame(self):
        """The ranking as a pandas DataFrame: rank, code, priority, title, score, matched terms
        (``"term (words), ..."``)."""
        return frame(({"rank": i + 1, "code": s.code, "priority": s.priority, "title": s.title, "score": s.score,
                       "matched_terms": "; ".join(str(t) for t in s.matched_terms)} for i, s in enumerate(self)),
                     columns=self._COLUMNS)

    def __repr__(self) -> str:
        return "ObjectiveRanking([" + ", ".join(f"{s.code}: {s.score:.2f}" for s in self) + "])"

    def _repr_html_(self) -> str:
        from .render.html import ranking_html

        return ranking_html(self)


AlignmentText = Union[str, Mapping[str, str], Iterable[str], Any]


def _alignment_text(text: AlignmentText) -> str:
    """The text to rank: a str, a mapping of language → str, an iterable of str, or a Proposal
    (title, summary, relevance, target groups, cross-border added value, and the work plan's
    objectives, work package, activity and deliverable titles)."""
    if isinstance(text, str):
        parts: List[Any] = [text]
    elif isinstance(text, Mapping):
        parts = list(text.values())
    elif isinstance(getattr(text, "_core", None), _core.Proposal):
        return _core.alignment_text(text._core)
    elif isinstance(text, Iterable) and not isinstance(text, (bytes, bytearray)):
        parts = list(text)
    else:
        raise TypeError("text must be a str, a dict of language code → str, a list of str or a Proposal, "
                        f"not {type(text).__name__}")
    for part in parts:
        if not isinstance(part, str):
            raise TypeError(f"text must contain only str, not {type(part).__name__}")
        try:
            part.encode("utf-8")
        except UnicodeEncodeError:
            raise ArgumentError(f"text contains characters that are not valid text (a lone surrogate): {part!r}") from None
    return "\n".join(parts)


class Programme:
    """A programme read from its JSON document (immutable).

    Records (regions, objectives, calls, ...) are lists of read-only objects; every one has a
    ``source`` citing where the fact comes from and whether it is assumed. Each table is also
    available as a DataFrame through :meth:`to_frame`.
    """

    def __init__(self, core: _core.Programme):
        self._core = core

    @property
    def id(self) -> str:
        """The programme id, as its document gives it (``interreg.programmes()`` lists the embedded ones)."""
        return self._core.id

    @property
    def name(self) -> str:
        """The programme's English name."""
        return self._core.name["en"]

    @property
    def period(self) -> str:
        """The programming period, e.g. ``"2021-2027"`` (``""`` when the document gives none)."""
        return self._core.period

    @property
    def names(self) -> Dict[str, str]:
        """The programme's name by language code."""
        return dict(self._core.name)

    @functools.cached_property
    def countries(self) -> List[_core.Country]:
        return self._core.countries

    @functools.cached_property
    def regions(self) -> List[_core.Region]:
        return self._core.regions

    @functools.cached_property
    def sub_geographies(self) -> List[_core.SubGeography]:
        return self._core.sub_geographies

    @functools.cached_property
    def priorities(self) -> List[_core.Priority]:
        return self._core.priorities

    @functools.cached_property
    def specific_objectives(self) -> List[_core.SpecificObjective]:
        return self._core.specific_objectives

    @functools.cached_property
    def funds(self) -> List[_core.Fund]:
        return self._core.funds

    @functools.cached_property
    def cost_categories(self) -> List[_core.CostCategory]:
        """The programme's names of the cost categories (``id``, ``name`` by language code,
        ``source``); a line's category may be given by any of them. Empty when the programme
        document names none."""
        return self._core.cost_categories

    @functools.cached_property
    def project_kinds(self) -> List[_core.ProjectKind]:
        return self._core.project_kinds

    @functools.cached_property
    def calls(self) -> List[_core.Call]:
        return self._core.calls

    @functools.cached_property
    def org_types(self) -> List[_core.OrgType]:
        return self._core.org_types

    @functools.cached_property
    def aliases(self) -> List[_core.Alias]:
        """Other spellings of organisation types, funds and countries, each with its source
        (the harmonised Interreg partner types are mapped by the library: assumed)."""
        return self._core.aliases

    @functools.cached_property
    def indicators(self) -> List[_core.Indicator]:
        """Every programme indicator: the common output (RCO) and result (RCR) indicators with
        name, unit, usual result (``result``) and whether it counts only joint work (``jointly``).
        As a table: ``to_frame("indicators")``."""
        return self._core.indicators

    def indicator(self, code: str) -> _core.Indicator:
        """The indicator with this code in any spelling (``"RCO84"``, ``"rco084"``).

        Raises :class:`NotFoundError` listing the nearest codes.
        """
        return self._core.indicator(code)

    def indicators_for(self, objective: str, kind: Optional[str] = None) -> List[_core.Indicator]:
        """The indicators a project under `objective` chooses from, optionally only
        ``kind="output"`` or ``"result"``. Whether the list is the programme's own or assumed is
        in ``objective(code).indicators_source``."""
        if kind not in (None, "output", "result"):
            raise ArgumentError(f"kind must be 'output', 'result' or None, not {kind!r}")
        codes = self.objective(objective).indicators
        return [i for i in self.indicators if i.code in codes and kind in (None, i.kind)]

    @property
    def rules(self) -> List[Dict[str, Any]]:
        """The rules this programme checks: id, severity, title, parameters and source."""
        return self._core.table("rules")

    @property
    def reference_rates(self) -> List[Dict[str, Any]]:
        """Published exchange rates (1 EUR = rate × currency) that validation judges a proposal's
        own rates by: currency, rate, date, the band a rate is expected within (centre, width,
        lowest and highest rate, with its own status and source) and the source."""
        return self._core.table("reference_rates")

    def region(self, name: str) -> _core.Region:
        """The region named `name` (code, NUTS code, local or English name, alias).

        Case, diacritics and words such as "län", "Region" or "fylkeskommune" are ignored.
        Raises :class:`NotFoundError` listing the nearest names.
        """
        return self._core.region(name)

    def find_region(self, name: str) -> Optional[_core.Region]:
        """Like :meth:`region`, but ``None`` when nothing matches."""
        return self._core.find_region(name)

    def org_type(self, name: str) -> _core.OrgType:
        """The organisation type named `name`: its id in any case and with ``_``, ``-`` or
        spaces, its name in any of the programme's languages ("Enskild näringsidkare"), or an
        alias the programme gives, such as a harmonised Interreg partner type ("Local public
        authority"; ``to_frame("aliases")`` lists them with their sources). Raises
        :class:`NotFoundError` listing the nearest ids."""
        return self._core.org_type(name)

    def in_area(self, region: Union[str, _core.Region]) -> bool:
        """Whether a region (or the region named so) lies in the programme area."""
        if isinstance(region, str):
            region = self.region(region)
        return self._core.in_area(region)

    def objective(self, code: str) -> _core.SpecificObjective:
        """The specific objective with this code (case-insensitive), e.g. ``"RSO4.1"``."""
        for o in self.specific_objectives:
            if o.code.lower() == code.lower():
                return o
        raise _core.NotFoundError(
            f"no specific objective {code!r}; the programme has "
            + ", ".join(o.code for o in self.specific_objectives))

    def call(self, id: str) -> _core.Call:
        """The call with this id, e.g. ``"2025:1"``."""
        for c in self.calls:
            if c.id == id:
                return c
        raise _core.NotFoundError(f"no call {id!r}; the programme has " + ", ".join(c.id for c in self.calls))

    def rank_objectives(self, text: AlignmentText, n: Optional[int] = None) -> ObjectiveRanking:
        """Rank the specific objectives by fit with a proposal's texts, best first.

        `text` is a str (title, summary, objectives, work package titles... in English, Swedish,
        Danish or Norwegian, mixed freely), a dict of language code → str, a list of str, or a
        :class:`Proposal` (its title, summary and work plan texts). The scoring is BM25 over each
        objective's keyword profile (its title in every language and its ``keywords``); every
        result shows the terms that matched and what each contributed (docs/alignment.md).
        Ties keep programme order; an objective nothing matches scores 0. `n` keeps the best `n`.
        The result is a list with ``.to_frame()``::

            prog.rank_objectives("gränsöverskridande arbetsmarknad pendling")[0].code  # 'RSO4.1'
            prog.rank_objectives(proposal, n=3).to_frame()
        """
        if n is not None and (isinstance(n, bool) or not isinstance(n, int)):
            raise TypeError(f"n must be an int or None, not {type(n).__name__}")
        if n is not None and n < 1:
            raise ArgumentError(f"n must be at least 1 (or None for every objective), not {n}")
        scores = _core.rank_objectives(self._core, _alignment_text(text))
        objectives = {o.code: o for o in self.specific_objectives}
        ranking = ObjectiveRanking(
            ObjectiveScore(code=s.code, score=s.score,
                           matched_terms=tuple(MatchedTerm(t.term, tuple(t.words), t.contribution) for t in s.matched_terms),
                           priority=objectives[s.code].priority, title=objectives[s.code].title["en"])
            for s in scores)
        return ranking if n is None else ObjectiveRanking(ranking[:n])

    @property
    def tables(self) -> List[str]:
        """Names accepted by :meth:`to_frame`."""
        return list(_core.Programme.table_names)

    def to_frame(self, table: str = "specific_objectives"):
        """One of the programme's tables as a pandas DataFrame (see :attr:`tables`)."""
        return frame(self._core.table(table))

    def __repr__(self) -> str:
        return f"<Programme {self.id}: {len(self.specific_objectives)} objectives, {len(self.regions)} regions, {len(self.calls)} calls>"

    def _repr_html_(self) -> str:
        from .render.html import programme_html

        return programme_html(self)


@functools.lru_cache(maxsize=None)
def _load_embedded(path: str) -> Programme:
    return Programme(_core.Programme.load(path))


def load_programme(id_or_path: Union[str, "os.PathLike[str]", None] = None) -> Programme:
    """Load a programme: an embedded one by id or a document by path; without an argument, the
    package's default programme (the one its programme index names, see :func:`programmes`).

    Embedded programmes are loaded once and shared (programmes are immutable).
    Raises :class:`ProgrammeError` for a malformed document, :class:`ArgumentError` for an
    unknown id, :class:`FileError` for an unreadable file.
    """
    if id_or_path is None:
        id_or_path = default_programme()
    if not isinstance(id_or_path, (str, os.PathLike)):
        raise TypeError(f"id_or_path must be a programme id or a path, not {type(id_or_path).__name__}")
    embedded = embedded_programmes()
    key = os.fspath(id_or_path)
    if key in embedded:
        return _load_embedded(str(embedded[key]))
    path = Path(key)
    if path.suffix == ".json" or path.exists():
        return Programme(_core.Programme.load(str(path)))
    raise ArgumentError(f"unknown programme {key!r}: give the id of an embedded programme "
                        f"({', '.join(embedded)}) or the path of a programme document")


def programmes():
    """The programmes embedded in the package, as a pandas DataFrame: one row per programme with
    its ``id`` (what :func:`load_programme` takes), English ``name``, ``period`` and ``countries``
    (ISO codes, comma-separated), and ``default`` (True for the one :func:`load_programme` loads
    without an argument). Listed in the order of the package's programme index."""
    default = default_programme()
    rows = []
    for pid in embedded_programmes():
        prog = load_programme(pid)
        rows.append({"id": prog.id, "name": prog.name, "period": prog.period,
                     "countries": ", ".join(c.code for c in prog.countries), "default": pid == default})
    return frame(rows, columns=["id", "name", "period", "countries", "default"])


def rule_catalogue():
    """Every rule the library knows (id, default severity, title, parameters), as a DataFrame."""
    return frame(_core.rule_catalogue(), columns=["id", "severity", "title", "params"])
