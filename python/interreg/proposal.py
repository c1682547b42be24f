"""Proposals and their partners."""
from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import Any, Dict, Generic, List, Mapping, Optional, TypeVar, Union

from . import _core
from ._frames import frame
from .errors import ArgumentError
from ._resources import embedded_programmes
from .programme import Programme, load_programme
from .budget import Amount, Cofinancing, PartnerBudget
from .proposal_diff import ProposalDiff
from .labels import counts_text
from .money import format_amount, from_cents, from_text as _money
from .summary import BudgetSummary, FundCap
from .report import Report
from .workplan import WorkPlan

__all__ = ["Proposal", "Partner", "diff"]

Texts = Union[str, Mapping[str, str], None]
PathLike = Union[str, "os.PathLike[str]"]


def _texts(value: Texts) -> Any:
    """A title or summary: None (none), a str (English) or a mapping of language code → str;
    anything else goes to the core, which names the field in its TypeError."""
    if value is None:
        return {}
    if isinstance(value, str):
        return {"en": value}
    return dict(value) if isinstance(value, Mapping) else value


T = TypeVar("T")


class _ProposalField(Generic[T]):
    """A property backed by one field of the proposal in the core (which checks every value)."""

    def __init__(self, doc: str):
        self.__doc__ = doc

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: Optional[type] = None) -> T:
        if obj is None:  # the class itself (help(), introspection): the descriptor
            return self  # type: ignore[return-value]
        return getattr(obj._core, self.name)

    def __set__(self, obj: Any, value: T) -> None:
        setattr(obj._core, self.name, value)


class _NarrativeField:
    """A text section of the application form, by language code like the title (read a dict;
    set a str for English, a mapping of language code → str, or None to clear it)."""

    def __init__(self, doc: str):
        self.__doc__ = doc

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: Optional[type] = None) -> Any:
        if obj is None:
            return self
        return dict(obj._core.narrative.get(self.name, {}))

    def __set__(self, obj: Any, value: Texts) -> None:
        obj._core.set_narrative(self.name, _texts(value))


class _PartnerField(Generic[T]):
    """A property backed by one of a partner's fields in the core."""

    def __init__(self, doc: str):
        self.__doc__ = doc

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: Optional[type] = None) -> T:
        if obj is None:  # the class itself (help(), introspection): the descriptor
            return self  # type: ignore[return-value]
        return obj._fields()[self.name]

    def __set__(self, obj: Any, value: T) -> None:
        obj._proposal._core.set_partner(obj._id, self.name, value)


class Partner:
    """A partner of a :class:`Proposal`: a live view, so changes go straight into the proposal.

    Attributes ``name``, ``country``, ``region``, ``org_type``, ``legal_status``, ``role``,
    ``norwegian_project_owner``, ``organisation_number``, ``address``, ``contact_person`` and
    ``economic_activity`` can be read and set; ``id`` ("PP1", ...) is fixed. The State-aid
    scheme is recorded with :meth:`set_state_aid`.
    """

    __slots__ = ("_proposal", "_id")

    name: _PartnerField[str] = _PartnerField("The organisation's name.")
    country: _PartnerField[str] = _PartnerField("ISO 3166-1 alpha-2 code, e.g. 'SE' (any case on the way in).")
    region: _PartnerField[Optional[str]] = _PartnerField("Region as given: NUTS code, name or alias (judged by validation).")
    org_type: _PartnerField[Optional[str]] = _PartnerField("Organisation type of the programme (judged by validation).")
    legal_status: _PartnerField[Optional[str]] = _PartnerField("'public', 'private', 'other' or None.")
    role: _PartnerField[str] = _PartnerField("'lead', 'partner' or 'associated'.")
    norwegian_project_owner: _PartnerField[bool] = _PartnerField(
        "Whether this Norwegian partner is the Norwegian project owner (norsk prosjekteier).")
    organisation_number: _PartnerField[Optional[str]] = _PartnerField(
        "The national organisation number as written, e.g. '556036-0793' (SE), '29189714' (DK), '974 760 673' "
        "(NO), or None. Kept as given; validation checks its check digit (partner.organisation-number).")
    address: _PartnerField[Optional[str]] = _PartnerField("Postal address on one line, or None.")
    contact_person: _PartnerField[Optional[str]] = _PartnerField(
        "Contact person on one line (name, and e-mail or phone), or None.")
    economic_activity: _PartnerField[Optional[bool]] = _PartnerField(
        "Whether the partner carries out an economic activity (State aid): the value set, else the default of "
        "its organisation type (ÖKS: a company True, a public authority False), else None (unknown). Set "
        "True, False, or None to go back to the default.")

    def __init__(self, proposal: "Proposal", id: str):
        self._proposal = proposal
        self._id = id

    @property
    def id(self) -> str:
        return self._id

    def _fields(self) -> Dict[str, Any]:
        return self._proposal._core.partner(self._id)

    @property
    def state_aid(self) -> Optional[Dict[str, Any]]:
        """The State-aid scheme recorded after screening: ``{"scheme": ..., "previous_de_minimis":
        Decimal or None}``, or None when the partner has not recorded one (see :meth:`set_state_aid`)."""
        aid = self._fields()["state_aid"]
        if aid is None:
            return None
        previous = aid["previous_de_minimis"]
        return {"scheme": aid["scheme"], "previous_de_minimis": None if previous is None else _money(previous)}

    def set_state_aid(self, scheme: Optional[str], previous_de_minimis: Optional[Amount] = None) -> None:
        """Record the State-aid scheme the partner's aid falls under after screening its activities:
        ``"none"`` (no State aid), ``"de-minimis"``, ``"gber-20a"`` or ``"gber-other"``; for de
        minimis, `previous_de_minimis` is the de minimis aid (EUR) the undertaking received in the
        last three years. ``scheme=None`` clears the record. Validation checks the schemes' ceilings
        (docs/rules.md#state-aid)."""
        self._proposal._core.set_state_aid(self._id, scheme, previous_de_minimis)

    @property
    def budget(self) -> PartnerBudget:
        """The partner's budget lines and flat rates (see :class:`interreg.budget.PartnerBudget`)."""
        return PartnerBudget(self)

    @property
    def cofinancing(self) -> Cofinancing:
        """The partner's fund, rate and contribution sources."""
        return Cofinancing(self)

    def to_dict(self) -> Dict[str, Any]:
        """The partner as it is written in the proposal document."""
        return next(p for p in self._proposal.to_dict()["partners"] if p["id"] == self._id)

    def __repr__(self) -> str:
        f = self._fields()
        return f"<Partner {f['id']}: {f['name']} ({f['country']}, {f['role']})>"

    def _repr_html_(self) -> str:
        from .render.html import partner_html

        return partner_html(self)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Partner) and other._proposal is self._proposal and other._id == self._id

    def __hash__(self) -> int:
        return hash((id(self._proposal), self._id))


class Proposal:
    """An application to a programme: metadata and partners.

    What only validation can judge — an unknown region, an objective closed in the call, a
    Norwegian lead partner — is stored as given and reported by :meth:`validate`, so a draft
    can always be saved. Values that make no sense at all (an unknown country code or role,
    a wrong type, a negative duration) raise at once. Every change goes through the core's
    checked edits, which the document reader uses too: whatever is accepted saves and loads
    again. A proposal may be used from several threads (docs/limits.md).
    """

    acronym: _ProposalField[str] = _ProposalField("The project's acronym.")
    specific_objective: _ProposalField[str] = _ProposalField("Specific objective code, e.g. 'RSO4.1' (judged by validation).")
    call: _ProposalField[Optional[str]] = _ProposalField("Call id, e.g. '2025:1', or None (judged by validation).")
    kind: _ProposalField[str] = _ProposalField(
        "Project kind id of the programme (``prog.project_kinds``); a new proposal takes the programme's first kind.")
    geography: _ProposalField[str] = _ProposalField(
        "Sub-geography id of the programme (``prog.sub_geographies``), or ``\"whole\"``: the whole programme area.")
    start: _ProposalField[Optional[str]] = _ProposalField("Start date 'YYYY-MM-DD' or None.")
    duration_months: _ProposalField[Optional[int]] = _ProposalField(
        "Duration in months (1..120) or None; the programme's limit is checked by validation.")

    # The application form's text sections (docs/draft.md), each by language like the title.
    relevance = _NarrativeField("Relevance and context: the common challenge of the border region, what is known "
                                "about it already, and why it takes cooperation across the border.")
    target_groups = _NarrativeField("Target groups: who the project is for and how it reaches them.")
    cross_border_value = _NarrativeField("Cross-border added value: what the partners achieve together that none "
                                         "could achieve alone (the programme's first selection criterion).")
    management = _NarrativeField("Management: how the partners coordinate, assure quality and manage the finances.")
    communication = _NarrativeField("Communication: how the project makes its work and results known, and to whom.")
    durability = _NarrativeField("Durability: who owns the results and how they are used and spread after the project.")
    NARRATIVE = tuple(_core.narrative_sections)  # the form's order

    def __init__(self, programme: Union[Programme, str, None] = None, *, acronym: str = "",
                 specific_objective: str = "", call: Optional[str] = None, kind: Optional[str] = None,
                 geography: Optional[str] = None, start: Optional[str] = None,
                 duration_months: Optional[int] = None, title: Texts = None, summary: Texts = None):
        self._programme = programme if isinstance(programme, Programme) else load_programme(programme)
        self._core = _core.Proposal(self._programme._core)
        for field, value in [("kind", kind), ("geography", geography), ("acronym", acronym),
                             ("specific_objective", specific_objective), ("call", call), ("start", start),
                             ("duration_months", duration_months), ("title", _texts(title)),
                             ("summary", _texts(summary))]:
            if field in ("kind", "geography") and value is None:
                continue  # the core's defaults: the programme's first project kind, the whole area
            setattr(self._core, field, value)

    @classmethod
    def _wrap(cls, document: _core.Document, programme: Union[Programme, str, None]) -> "Proposal":
        if programme is None:
            # A document names its programme by id; never treat that text as a path to read.
            if document.programme not in embedded_programmes():
                raise ArgumentError(f"the proposal is for programme {document.programme!r}, which is not embedded "
                                    f"({', '.join(embedded_programmes())}); pass programme=interreg.load_programme(PATH)")
            programme = document.programme
        prog = programme if isinstance(programme, Programme) else load_programme(programme)
        if prog.id != document.programme:
            raise ArgumentError(f"the proposal is for programme {document.programme!r}, not {prog.id!r}")
        self = cls.__new__(cls)
        self._programme = prog
        self._core = _core.Proposal(prog._core, document)
        return self

    # -- documents ---------------------------------------------------------------------
    @classmethod
    def load(cls, path: PathLike, programme: Union[Programme, str, None] = None) -> "Proposal":
        """Read a proposal document. Raises :class:`FormatError` (with the JSON path) when
        it is malformed and :class:`FileError` when it cannot be read. The programme is the
        one the document names unless `programme` is given."""
        return cls._wrap(_core.Document.read(os.fspath(path)), programme)

    @classmethod
    def from_dict(cls, document: Mapping[str, Any], programme: Union[Programme, str, None] = None) -> "Proposal":
        """Build a proposal from a document held as a dict (same rules as :meth:`load`)."""
        return cls._wrap(_core.Document.from_dict(document), programme)

    @classmethod
    def from_json(cls, text: Union[str, bytes], programme: Union[Programme, str, None] = None) -> "Proposal":
        """Build a proposal from JSON text (same rules as :meth:`load`)."""
        return cls._wrap(_core.Document.parse(text), programme)

    def save(self, path: PathLike) -> None:
        """Write the document atomically: a crash leaves the old file or the new one, never half."""
        self._core.save(os.fspath(path))

    def to_dict(self) -> Dict[str, Any]:
        """The proposal document as a dict (keys in the documented order)."""
        return self._core.to_dict()

    def to_json(self) -> str:
        """The proposal document as JSON text, exactly as :meth:`save` writes it."""
        return self._core.dumps()

    def copy(self) -> "Proposal":
        """An independent copy (same programme)."""
        other = Proposal.__new__(Proposal)
        other._programme = self._programme
        other._core = self._core.copy()
        return other

    # -- metadata ----------------------------------------------------------------------
    @property
    def programme(self) -> Programme:
        return self._programme

    @property
    def title(self) -> Dict[str, str]:
        """Title by language code; set a str for English only."""
        return dict(self._core.title)

    @title.setter
    def title(self, value: Texts) -> None:
        self._core.title = _texts(value)

    @property
    def summary(self) -> Dict[str, str]:
        """Summary by language code; set a str for English only."""
        return dict(self._core.summary)

    @summary.setter
    def summary(self, value: Texts) -> None:
        self._core.summary = _texts(value)

    @property
    def end(self) -> Optional[str]:
        """The first day after the project (start + duration), when both are set."""
        return self._core.end

    # -- partners ----------------------------------------------------------------------
    @property
    def partners(self) -> List[Partner]:
        return [Partner(self, id) for id in self._core.partner_ids()]

    def add_partner(self, name: str, *, country: str, region: Optional[str] = None,
                    org_type: Optional[str] = None, legal_status: Optional[str] = None,
                    role: str = "partner", norwegian_project_owner: bool = False,
                    economic_activity: Optional[bool] = None, organisation_number: Optional[str] = None,
                    address: Optional[str] = None, contact_person: Optional[str] = None) -> Partner:
        """Add a partner and return it (ids run PP1, PP2, ...).

        `country` is an ISO 3166-1 alpha-2 code or a programme country's name ("Sverige"), and
        `role` one of lead, partner, associated in any case (else :class:`ArgumentError` lists
        the choices). An organisation type the programme knows, by id, by name in any of its
        languages or by a harmonised Interreg partner type ("Local public authority"), is
        stored as its id; an unknown one and the region are stored as given and judged by
        :meth:`validate`. `economic_activity` says whether the partner carries out an economic
        activity (State aid); None leaves it to the organisation type's default.
        `organisation_number` (the Swedish organisationsnummer, Danish CVR number or Norwegian
        organisasjonsnummer, written in any usual way), `address` and `contact_person` are what
        the application form asks of each partner; the number is kept as given and its check
        digit judged by :meth:`validate`.
        """
        return Partner(self, self._core.add_partner(name, country, region, org_type, legal_status, role,
                                                     norwegian_project_owner, economic_activity, organisation_number,
                                                     address, contact_person))

    def partner(self, id_or_name: str) -> Partner:
        """A partner by id ("PP2") or by name (case, diacritics and legal form ignored)."""
        return Partner(self, self._core.partner(id_or_name)["id"])

    def remove_partner(self, id_or_name: str, *, cascade: bool = False) -> None:
        """Remove a partner; the other partners keep their ids. When the work plan names it (a
        work package it leads, activities it takes part in), :class:`ArgumentError` says where,
        unless ``cascade=True``: then it is taken out of those too."""
        self._core.remove_partner(self._core.partner(id_or_name)["id"], cascade)

    # -- work plan ---------------------------------------------------------------------
    @property
    def work_plan(self) -> WorkPlan:
        """The intervention logic: objectives, work packages, activities, outputs, results."""
        return WorkPlan(self)

    # -- budget ------------------------------------------------------------------------
    @property
    def exchange_rates(self) -> Dict[str, Dict[str, Any]]:
        """The exchange rates the proposal uses: currency → rate (1 EUR = rate × currency),
        date and source. A rate the programme fixes applies when the proposal gives none."""
        return self._core.exchange_rates

    def set_exchange_rate(self, currency: str, rate: Amount, *, date: Optional[str] = None, source: str = "") -> None:
        """Set the rate for DKK, SEK or NOK amounts: 1 EUR = `rate` units of `currency`."""
        self._core.set_exchange_rate(currency, rate, date, source)

    def remove_exchange_rate(self, currency: str) -> None:
        self._core.remove_exchange_rate(currency)

    def budget_summary(self) -> BudgetSummary:
        """Totals per partner, category, period, fund and country, exact to the cent.
        Raises :class:`ArgumentError` when a line's currency has no exchange rate."""
        return BudgetSummary(_core.summarise_budget(self._programme._core, self._core), self._programme._core,
                             self._fund_caps())

    def _fund_caps(self) -> Dict[str, FundCap]:
        """The caps on each fund's amount for this project (of its call and project kind)."""
        return {fund: FundCap(from_cents(cents), where)
                for fund, (cents, where) in _core.fund_caps(self._programme._core, self._core).items()}

    def to_excel(self, path: PathLike, language: str = "en") -> "Path":
        """Write the budget as a workbook to hand in as an annex (needs openpyxl: Debian
        python3-openpyxl): a cover (acronym, title, call, programme, objective, period, export
        date, total and each fund per country), then per fund, per category, per period, per
        partner and period, the lines (units, unit type, unit price, amounts and the split per
        period), co-financing and exchange rates. Headings and labels are in `language` (en, sv,
        da, no), the programme's names of funds, categories and the objective too. The Lines
        sheet reads back with :meth:`import_budget`. Replaced atomically; returns the path
        (docs/workbook.md)."""
        from .workbook import write_annex

        return write_annex(self, path, language)

    def import_budget(self, path: PathLike, partner: Optional[str] = None) -> Dict[str, int]:
        """Replace partners' budget lines with those of a workbook's Lines sheet (one written by
        :meth:`to_excel` or ``interreg budget-template``, filled in): every partner the sheet
        names, or only `partner` (id or name; its lines become the sheet's, none if it has
        none). Flat rates and co-financing stay. Returns partner id → number of lines.

        Nothing changes unless the whole sheet reads: :class:`FormatError` lists every problem,
        each with its cell (``Lines!F14: '4 500,00' is not an amount; write 4500.00``; all of
        them in ``e.problems``). :class:`FileError` when the file cannot be read."""
        from .budget_import import import_budget

        return import_budget(self, path, partner)

    # -- checking ----------------------------------------------------------------------
    def validate(self) -> Report:
        """Run every rule of the programme; the report lists the findings in rule order."""
        revision = self._core.revision  # before: an edit made meanwhile marks the result as old
        report = Report(_core.validate(self._programme._core, self._core))
        self._validated = (revision, report.counts())
        return report

    def _overview(self) -> Dict[str, str]:
        """What the displays show besides the fields: the period, the total budget and the
        state of the last validation ("not validated", "2 errors, 1 warning (edited since)")."""
        period = "dates not set"
        if self.start and self.end:
            last = datetime.date.fromisoformat(self.end) - datetime.timedelta(days=1)
            period = f"{self.start} to {last.isoformat()}"
        try:
            total = f"{format_amount(self.budget_summary().total)} EUR"
        except _core.Error as e:  # e.g. a currency without an exchange rate
            total = f"not computable ({e})"
        validated = getattr(self, "_validated", None)
        if validated is None:
            state = "not validated"
        else:
            revision, counts = validated
            state = counts_text(counts)
            if revision != self._core.revision:
                state += " (edited since)"
        return {"period": period, "total": total, "validation": state}

    def diff(self, other: Union["Proposal", PathLike]) -> ProposalDiff:
        """What changed from this version to `other` (a proposal or the path of a proposal
        document, read like :meth:`load`): the changes in the document, the budget differences per
        partner and category, and the findings fixed, introduced and unchanged (docs/diff.md)."""
        return ProposalDiff(_core.diff(self._core, _as_proposal(other)._core))

    def sweep(self, vary, *, workers: Optional[int] = None, money: str = "decimal"):
        """What-if variants of this proposal, one DataFrame row each: see :func:`interreg.sweep`."""
        from .proposal_sweep import run

        return run(self, vary, workers, money)

    # -- narrative draft ---------------------------------------------------------------
    def to_markdown(self, language: Optional[str] = None) -> str:
        """The application's sections in the order of the application form as Markdown:
        identification, summary, relevance, target groups, cross-border added value,
        partnership, intervention logic, work plan, management, communication, cooperation
        criteria, horizontal principles, durability and budget; missing parts say what to write
        (see docs/draft.md). With `language` ("en", "sv", "da", "no") headings, labels and the
        programme's names are in that language and each text is the proposal's in it (else the
        English one, said so); without, labels are English and every text shows in every
        language given."""
        from .render.draft import to_markdown

        return to_markdown(self, language)

    def to_docx(self, path: PathLike, language: Optional[str] = None) -> "Path":
        """Write the same draft as :meth:`to_markdown` as a Word document (.docx), replacing
        `path` atomically; needs python-docx (Debian python3-docx). Returns the path."""
        from .render.draft import write_docx

        return write_docx(self, path, language)

    def to_frame(self):
        """The partners as a pandas DataFrame, one row per partner (``state_aid``: the scheme)."""
        columns = ["id", "name", "country", "region", "org_type", "legal_status", "role", "norwegian_project_owner",
                   "organisation_number", "address", "contact_person", "economic_activity", "state_aid"]
        rows = [{**p, "state_aid": p["state_aid"] and p["state_aid"]["scheme"]} for p in self._core.partners()]
        return frame(rows, columns=columns)

    def __repr__(self) -> str:
        o = self._overview()
        partners = len(self._core.partner_ids())
        return (f"<Proposal {self.acronym or '(no acronym)'}: {self.specific_objective or 'no objective'}, "
                f"{partners} partner{'s' if partners != 1 else ''}, {o['period']}, total {o['total']}; "
                f"last validation: {o['validation']}>")

    def _repr_html_(self) -> str:
        from .render.html import proposal_html

        return proposal_html(self)



def _as_proposal(value: Union[Proposal, PathLike]) -> Proposal:
    """A proposal as it is, or read from the path of its document (FormatError, FileError)."""
    if isinstance(value, Proposal):
        return value
    if isinstance(value, (str, os.PathLike)):
        return Proposal.load(value)
    raise TypeError(f"expected a Proposal or the path of a proposal document, not {type(value).__name__}")


def diff(before: Union[Proposal, PathLike], after: Union[Proposal, PathLike]) -> ProposalDiff:
    """What changed between two versions of a proposal, each a :class:`Proposal` or the path of
    its document (read like :meth:`Proposal.load`, so :class:`FormatError` / :class:`FileError`
    when it cannot be): a :class:`~interreg.proposal_diff.ProposalDiff` (docs/diff.md)::

        d = interreg.diff("talent-v1.json", "talent-v2.json")
        d.to_frame()              # one row per change: path, kind, before, after, partner, section
        d.budget.to_frame()       # partner x category differences in EUR, with the project's total
        d.findings.introduced     # findings the new version brings
    """
    return _as_proposal(before).diff(after)


def sweep(proposal: Union[Proposal, PathLike], vary, *, workers: Optional[int] = None, money: str = "decimal"):
    """Evaluate variants of `proposal` — its budget summarised and its rules run for each — and
    return a DataFrame with one row per variant (docs/sweep.md)::

        interreg.sweep(p, {"/partners/2/cofinancing/rate": ["50%", "40%"],
                           "/partners/0/budget/flat_rates/other_costs": [None, "40%"]})
        interreg.sweep(p, [{}, {"/partners/2": None}])   # as it is, and without the third partner

    `vary` is either a dict mapping JSON Pointers of the proposal document
    (``p.to_dict()``) to lists of values — every combination is a variant, in the order of
    ``itertools.product`` — or a list of dicts, each one variant's changes. A value replaces
    what is at its pointer (``"-"`` appends to a list); ``None`` removes it (a list element is
    taken out, a field becomes not given). Pointers name places in the base document, also when
    a variant removes earlier elements of the same list.

    Columns: one per pointer (the value the variant gives it; in a list of variants the base's
    value where a variant leaves it alone), ``error`` (why the format refuses the variant, with
    the path in the variant's document; then its figures are empty), ``budget_error`` (why its
    budget cannot be summarised), ``total`` (the project's costs), ``fund:F`` per fund,
    ``fund:F:C`` per fund and country, ``contribution`` (the partners' own) and
    ``contribution:ID`` per partner, ``headroom:F`` (the project's cap on fund F less what it
    takes; negative when over) for every capped fund, ``errors``, ``warnings`` and ``ok``.
    Amounts are exact ``Decimal`` euro, or float64 with ``money="float"`` (for plots).

    The variants run in the core without the GIL on `workers` threads (default one per core).
    :class:`ArgumentError` names a pointer the base document has no place for; a path is read
    like :meth:`Proposal.load` (:class:`FormatError`, :class:`FileError`).
    """
    return _as_proposal(proposal).sweep(vary, workers=workers, money=money)
