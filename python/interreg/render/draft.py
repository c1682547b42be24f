"""The narrative draft of an application: its sections in the order of the application form, as
Markdown or as a Word document (.docx) for the team to edit, in English, Swedish, Danish or
Norwegian.

The sections: the project's identification (title in every language given, programme, call,
specific objective, dates), the summary, relevance and context, target groups, cross-border
added value, the partnership, the intervention logic (overall objective, project objectives →
work packages → outputs, results with their targets), the work plan's timeline, management,
communication, the cooperation criteria, the horizontal principles, durability of results and
the budget. A part not yet written says what to write there instead. Amounts are the core's, to
the cent.

Headings and labels come from data/translations.json and the programme's names from the programme
document (:class:`interreg.languages.Wording`). With no language the draft is the team's working
copy: English labels and every text in every language given, English first. With a language it
is that language's version: its labels, and each text in that language, or in English (said so)
where the proposal has none in it.

The content is built once as an :mod:`interreg.render.outline`; :mod:`interreg.render.markdown`
and :mod:`interreg.render.word` render it. The budget's tables are the summary's
(:meth:`interreg.BudgetSummary.table`), shown with the amounts as the core computed them.
"""
from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

from ..errors import ArgumentError, NotFoundError
from ..labels import COST_COLUMNS
from ..languages import LANGUAGES, Wording, language_code
from ..money import format_amount
from .outline import Block, Bullets, Heading, Paragraph, Table

if TYPE_CHECKING:  # pragma: no cover
    from ..proposal import Proposal
    from ..summary import BudgetSummary

__all__ = ["outline", "to_markdown", "write_markdown", "write_docx"]

COOPERATION = ("joint_development", "joint_implementation", "joint_staffing", "joint_financing")
PRINCIPLES = ("sustainable_development", "equal_opportunities", "gender_equality")
# How the timeline table marks a period: the row is under way, or a deliverable is due.
ACTIVE, DUE = "■", "◆"


def _in_order(texts: Mapping[str, str]) -> List[Tuple[str, str]]:
    """(language code, text) of the texts given, English first, then sv, da, no."""
    rank = {code: k for k, code in enumerate(LANGUAGES)}
    return sorted(((code, text) for code, text in texts.items() if text.strip()),
                  key=lambda item: rank.get(item[0], len(rank)))


def _periods(start: Optional[int], end: Optional[int]) -> str:
    if start is None or end is None:
        return "—"
    return f"{start}" if start == end else f"{start}–{end}"


def _text(value: Optional[str]) -> str:
    return value if value and value.strip() else "—"


class _Draft:
    """Builds the outline of one proposal (read once: not a live view) in `language` (None: the
    working copy with every language's texts)."""

    def __init__(self, proposal: "Proposal", language: Optional[str] = None):
        self.proposal = proposal
        self.programme = proposal.programme
        self.language = None if language is None else language_code(language)
        self.w = Wording(self.language or "en", self.programme._core)
        self.doc = proposal.to_dict()
        self.plan = proposal.work_plan.to_dict()
        self.timeline = proposal.work_plan.timeline()
        self.partner_names = {p["id"]: p["name"] for p in self.doc["partners"]}
        self.budget, self.budget_problem = self._summarise()

    def _summarise(self) -> Tuple[Optional["BudgetSummary"], Optional[str]]:
        """The budget summary when some partner has budget lines; else why there is none."""
        if not any(p["budget"]["lines"] for p in self.doc["partners"]):
            return None, None
        try:
            return self.proposal.budget_summary(), None
        except ArgumentError as e:
            return None, self.w("draft.budget_problem", problem=e)

    # -- wording -----------------------------------------------------------------------
    def placeholder(self, what: Optional[str] = None) -> Paragraph:
        """What a missing part says: "To be written." or "To be written: the partners." (`what`
        is a key of draft.what.*)."""
        text = self.w("draft.to_be_written_what", what=self.w(f"draft.what.{what}")) if what else \
            self.w("draft.to_be_written")
        return Paragraph(text, placeholder=True)

    def _texts(self, given: Mapping[str, str]) -> List[Tuple[Optional[str], str]]:
        """The (label, text) pairs to show of a multilingual text: every language, each labelled
        when there are several (no language chosen); else the chosen language's text, or the
        English one (else the first) labelled with its language."""
        texts = _in_order(given)
        if self.language is None:
            return [(self.w(f"language.{code}") if len(texts) > 1 else None, text) for code, text in texts]
        chosen = dict(texts)
        if self.language in chosen:
            return [(None, chosen[self.language])]
        return [(self.w(f"in_language.{code}"), text) for code, text in texts[:1]]

    def _name(self, names: Mapping[str, str]) -> str:
        """A programme record's name in the language, else in English, else its first."""
        return self.w.text(names)[0] or next(iter(names.values()), "")

    def _partner(self, pid: Optional[str]) -> str:
        if not pid:
            return "—"
        name = self.partner_names.get(pid)
        return f"{pid} {name}" if name else pid

    # -- sections ----------------------------------------------------------------------
    def blocks(self) -> List[Block]:
        """The sections in the order of the application form (docs/draft.md)."""
        text = self.texts
        return [*self.identification(), *self.summary(), *text("relevance"), *text("target_groups"),
                *text("cross_border_value"), *self.partnership(), *self.intervention_logic(), *self.work_plan(),
                *text("management"), *text("communication"), *self.cooperation(), *self.principles(),
                *text("durability"), *self.budget_section()]

    def identification(self) -> List[Block]:
        p, w = self.proposal, self.w
        titles = self._texts(p.title)
        heading = " — ".join(x for x in (p.acronym.strip(), titles[0][1] if titles else "") if x)
        rows: List[Sequence[str]] = [(w("draft.acronym"), p.acronym.strip() or w("draft.to_be_written"))]
        if self.language is None:
            rows += [(w("draft.title_in", name=w(f"language.{code}")), text)
                     for code, text in _in_order(p.title)] or [(w("draft.title"), w("draft.to_be_written"))]
        else:
            rows += [(w("draft.title"), f"{titles[0][1]} ({titles[0][0]})" if titles[0][0] else titles[0][1])
                     if titles else (w("draft.title"), w("draft.to_be_written"))]
        not_chosen = w("draft.not_chosen")
        rows += [(w("draft.programme"), f"{self._name(self.programme.names)} ({self.programme.id})"),
                 (w("draft.call"), p.call or not_chosen),
                 (w("draft.kind"), self._kind()),
                 (w("draft.objective"), self._objective()),
                 (w("draft.geography"), self._geography())]
        periods = self.timeline.periods
        rows += [(w("draft.start"), p.start or not_chosen),
                 (w("draft.end"), periods[-1]["end"] if p.start and p.duration_months else not_chosen),
                 (w("draft.duration"), w("draft.duration_value", months=p.duration_months, periods=len(periods))
                  if p.duration_months else not_chosen)]
        return [Heading(heading or w("draft.untitled"), 1), Heading(w("draft.identification"), 2),
                Table([w("draft.field"), w("draft.value")], rows)]

    def _kind(self) -> str:
        kind = next((k for k in self.programme.project_kinds if k.id == self.proposal.kind), None)
        return self._name(kind.name) if kind else self.proposal.kind

    def _objective(self) -> str:
        code = self.proposal.specific_objective
        if not code:
            return self.w("draft.not_chosen")
        so = next((o for o in self.programme.specific_objectives if o.code.lower() == code.lower()), None)
        return f"{so.code} — {self._name(so.title)}" if so else code

    def _geography(self) -> str:
        geo = next((g for g in self.programme.sub_geographies if g.id == self.proposal.geography), None)
        return self._name(geo.name) if geo else self.proposal.geography

    def _by_language(self, heading: str, given: Mapping[str, str], what: Optional[str] = None) -> List[Block]:
        """A section's texts (see :meth:`_texts`), or what to write there."""
        texts = self._texts(given)
        if not texts:
            return [Heading(heading, 2), self.placeholder(what)]
        return [Heading(heading, 2), *(Paragraph(text, label=label) for label, text in texts)]

    def summary(self) -> List[Block]:
        return self._by_language(self.w("draft.summary"), self.proposal.summary)

    def texts(self, section: str) -> List[Block]:
        """A text section of the form (`Proposal.NARRATIVE`): its texts, or what to write."""
        return self._by_language(self.w(f"draft.{section}"), self.doc.get("narrative", {}).get(section, {}), section)

    def partnership(self) -> List[Block]:
        w = self.w
        partners = self.doc["partners"]
        if not partners:
            return [Heading(w("draft.partnership"), 2), self.placeholder("partners")]
        header = [w("draft.id"), w("draft.partner"), w("column.country"),
                  *(w(f"draft.{k}") for k in ("region", "org_type", "legal_status", "role", "state_aid"))]
        totals: Dict[str, Decimal] = dict(self.budget.table("partners").rows(["id", "total"])) if self.budget else {}
        rows = []
        for d in partners:
            role = w.role(d["role"]) + (f", {w('draft.norwegian_owner')}" if d["norwegian_project_owner"] else "")
            legal = w(f"legal.{d['legal_status']}") if d["legal_status"] else "—"
            row = [d["id"], d["name"], w.country(d["country"]), self._region(d["region"]), self._org_type(d["org_type"]),
                   legal, role, "—" if d["role"] == "associated" else self._state_aid(d["id"])]
            if self.budget:
                row.append(format_amount(totals[d["id"]]))
            rows.append(row)
        if self.budget:
            total = [w("row.total"), w("draft.partner_count", n=len(partners)), "", "", "", "", "", "",
                     format_amount(self.budget.total)]
            table = Table([*header, w("draft.budget_eur")], rows, numeric=[8], total=total)
        else:
            table = Table(header, rows)
        return [Heading(w("draft.partnership"), 2), table, self._contacts(partners)]

    def _contacts(self, partners: List[Dict[str, Any]]) -> Table:
        """Each partner's organisation number, address and contact person, as the form asks."""
        w = self.w
        fields = ("organisation_number", "address", "contact_person")
        rows = [[d["id"], d["name"], *(_text(d.get(f)) for f in fields)] for d in partners]
        return Table([w("draft.id"), w("draft.partner"), *(w(f"draft.{f}") for f in fields)], rows,
                     caption=w("draft.contacts"))

    def _state_aid(self, pid: str) -> str:
        """The scheme recorded, else whether the partner still has to screen its activities."""
        partner = self.proposal.partner(pid)
        aid = partner.state_aid
        if aid:
            return self.w(f"state_aid.{aid['scheme']}")
        return self.w("state_aid." + ("no-economic-activity" if partner.economic_activity is False else "not-screened"))

    def _region(self, given: Optional[str]) -> str:
        if not given:
            return "—"
        region = self.programme.find_region(given)
        return f"{given} ({region.code})" if region and region.code != given else given

    def _org_type(self, given: Optional[str]) -> str:
        kind = next((t for t in self.programme.org_types if t.id == given), None) if given else None
        return self._name(kind.name) if kind else _text(given)

    def intervention_logic(self) -> List[Block]:
        plan, w = self.plan, self.w
        out: List[Block] = [Heading(w("draft.intervention_logic"), 2), Heading(w("draft.overall_objective"), 3)]
        out.append(Paragraph(plan["overall_objective"]) if plan["overall_objective"].strip() else self.placeholder())
        out.append(Heading(w("draft.project_objectives"), 3))
        objective_ids = {o["id"] for o in plan["objectives"]}
        for o in plan["objectives"]:
            out.append(Paragraph(o["text"] if o["text"].strip() else w("draft.to_be_written"), label=o["id"],
                                 placeholder=not o["text"].strip()))
            out.append(Bullets(self._work_package_items(o["id"])))
        if not plan["objectives"]:
            out.append(self.placeholder("objectives"))
        untied = [wp for wp in plan["work_packages"] if wp["objective"] not in objective_ids]
        if untied:
            out.append(Paragraph(w("draft.untied_text"), label=w("draft.untied")))
            out.append(Bullets([self._work_package_item(wp) for wp in untied]))
        out += [Heading(w("draft.outputs"), 3), self._outputs() if plan["outputs"] else self.placeholder("outputs")]
        out += [Heading(w("draft.results"), 3), self._results() if plan["results"] else self.placeholder("results")]
        return out

    def _work_package_items(self, objective: str) -> List[str]:
        items = [self._work_package_item(wp) for wp in self.plan["work_packages"] if wp["objective"] == objective]
        return items or [self.w("draft.no_work_package")]

    def _work_package_item(self, wp: Dict[str, Any]) -> str:
        w = self.w
        row = next(r for r in self.timeline.rows if r.kind == "work_package" and r.work_package == wp["number"])
        outputs = [w("draft.output_item", indicator=o["indicator"], target=o["target"], period=o["period"])
                   for o in self.plan["outputs"] if o["work_package"] == wp["number"]]
        return w("draft.work_package_item", number=wp["number"], title=wp["title"] or w("draft.to_be_written"),
                 lead=self._partner(wp["lead"]), periods=_periods(row.start, row.end),
                 outputs=", ".join(outputs) or w("draft.none"))

    def _indicator(self, code: str) -> str:
        """The code as given, with the programme's name and unit when it knows the indicator."""
        try:
            known = self.programme.indicator(code)
        except NotFoundError:
            return code
        return f"{code} {self._name(known.name)} ({known.unit})"

    def _outputs(self) -> Table:
        w = self.w
        rows = [(self._indicator(o["indicator"]), o["target"], str(o["period"]),
                 f"WP{o['work_package']}" if o["work_package"] is not None else "—") for o in self.plan["outputs"]]
        return Table([w("draft.output_indicator"), w("draft.target"), w("draft.period"), w("draft.work_package")],
                     rows, numeric=[1, 2])

    def _results(self) -> Table:
        w = self.w
        rows = [(self._indicator(r["indicator"]), r["baseline"], r["target"], str(r["period"]))
                for r in self.plan["results"]]
        return Table([w("draft.result_indicator"), w("draft.baseline"), w("draft.target"), w("draft.period")], rows,
                     numeric=[1, 2, 3])

    def work_plan(self) -> List[Block]:
        t, w = self.timeline, self.w
        out: List[Block] = [Heading(w("draft.work_plan"), 2)]
        if not t.rows:
            return [*out, self.placeholder("work_plan")]
        out += [Heading(w("draft.reporting_periods"), 3),
                Table([w("draft.period"), w("draft.months"), w("draft.from"), w("draft.to")],
                      [(str(p["number"]), f"{p['first_month']}–{p['last_month']}", p["start"] or "—", p["end"] or "—")
                       for p in t.periods], numeric=[0])]
        out.append(Heading(w("draft.timeline"), 3))
        if t.note:
            out.append(Paragraph(t.note, label=w("draft.order")))
        count = t.period_count
        rows = []
        for r in t.rows:
            who = w("draft.lead_of", id=r.lead) if r.kind == "work_package" and r.lead else ", ".join(r.partners)
            marks = [(DUE if r.kind == "deliverable" else ACTIVE)
                     if r.start is not None and r.end is not None and min(r.start, r.end) <= k <= max(r.start, r.end)
                     else "" for k in range(1, count + 1)]
            rows.append([r.id, r.title or w("draft.to_be_written"), who or "—", ", ".join(r.predecessors), *marks])
        header = [w("draft.id"), w("draft.title"), w("draft.lead_partners"), w("draft.after"),
                  *(w("draft.period_short", n=k) for k in range(1, count + 1))]
        out.append(Table(header, rows, caption=w("draft.timeline_caption", active=ACTIVE, due=DUE)))
        return out

    def cooperation(self) -> List[Block]:
        given = self.plan["cooperation"]
        out: List[Block] = [Heading(self.w("draft.cooperation"), 2)]
        for key in COOPERATION:
            label, text = self.w(f"cooperation.{key}"), given.get(key)
            out.append(Paragraph(text, label=label) if text and text.strip()
                       else Paragraph(self.w("draft.to_be_written"), label=label, placeholder=True))
        return out

    def principles(self) -> List[Block]:
        w = self.w
        given = self.plan["horizontal_principles"]
        out: List[Block] = [Heading(w("draft.principles"), 2)]
        for key in PRINCIPLES:
            principle, name = given.get(key), w(f"principle.{key}")
            if principle is None:
                out.append(Paragraph(w("draft.to_be_written"), label=name, placeholder=True))
                continue
            label = w("draft.effect", principle=name, effect=w(f"effect.{principle['effect']}"))
            if principle["text"].strip():
                out.append(Paragraph(principle["text"], label=label))
            else:
                out.append(Paragraph(w("draft.no_explanation"), label=label, placeholder=principle["effect"] != "neutral"))
        return out

    def budget_section(self) -> List[Block]:
        s, w = self.budget, self.w
        out: List[Block] = [Heading(w("draft.budget"), 2)]
        if s is None:
            problem = self.budget_problem
            return [*out, Paragraph(problem, placeholder=True) if problem else self.placeholder("budget")]
        out.append(Paragraph(w("draft.budget_line", total=format_amount(s.total), periods=len(s.periods))))
        out += [Heading(w("draft.per_partner"), 3), self._per_partner(s), Heading(w("draft.per_category"), 3),
                self._per_category(s), Heading(w("draft.funding"), 3), self._funding(s)]
        return out

    def _per_partner(self, s: "BudgetSummary") -> Table:
        w = self.w
        table = s.table("cofinancing")
        columns = ["id", "name", "country", "fund", "rate", "total", "fund_amount", "contribution"]
        header = [w("draft.id"), w("draft.partner"), *(w.column("cofinancing", c) for c in columns[2:])]
        rows = [(*row[:2], w.country(row[2]), w.fund(row[3]) if row[3] else "—", row[4], *map(format_amount, row[5:]))
                for row in table.rows(columns)]
        total = (w("row.total"), "", "", "", "", *map(format_amount, table.totals(columns[5:])))
        return Table(header, rows, numeric=[4, 5, 6, 7], total=total)

    def _per_category(self, s: "BudgetSummary") -> Table:
        table = s.table("partners")
        shown = [*table.nonzero(COST_COLUMNS[:-1]), "total"]
        rows = [(pid, *map(format_amount, amounts)) for pid, *amounts in table.rows(["id", *shown])]
        total = (self.w("row.total"), *map(format_amount, table.totals(shown)))
        return Table([self.w("draft.id"), *(self.w.category(c) for c in shown)], rows,
                     numeric=range(1, len(shown) + 1), total=total)

    def _funding(self, s: "BudgetSummary") -> Table:
        """The funds some partner draws on, then the partners' contribution."""
        w = self.w
        table = s.table("funding")
        rows = [(w("row.contribution") if fund is None else w.fund(fund), format_amount(amount))
                for fund, partners, amount in table.rows(["fund", "partners", "amount"]) if fund is None or partners]
        return Table([w("draft.source"), w("draft.amount_eur")], rows, numeric=[1],
                     total=(w("row.total"), *map(format_amount, table.totals(["amount"]))))


def outline(proposal: "Proposal", language: Optional[str] = None) -> List[Block]:
    """The draft's content as an outline (headings, paragraphs, lists, tables)."""
    return _Draft(proposal, language).blocks()


def to_markdown(proposal: "Proposal", language: Optional[str] = None) -> str:
    """The draft as Markdown text."""
    from .markdown import render

    return render(outline(proposal, language))


def write_markdown(proposal: "Proposal", path: Union[str, "os.PathLike[str]"], language: Optional[str] = None) -> Path:
    """Write the draft as a Markdown file (UTF-8), replacing `path` atomically."""
    from .._files import write_atomically

    text = to_markdown(proposal, language).encode("utf-8")
    return write_atomically(path, lambda f: f.write(text))


def write_docx(proposal: "Proposal", path: Union[str, "os.PathLike[str]"], language: Optional[str] = None) -> Path:
    """Write the draft as a Word document, replacing `path` atomically (needs python-docx:
    Debian python3-docx)."""
    from .word import write

    blocks = outline(proposal, language)
    return write(blocks, path, title=next((b.text for b in blocks if isinstance(b, Heading)), ""))
