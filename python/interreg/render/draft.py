"""The narrative draft of an application: its sections in the order of the application form, as
Markdown or as a Word document (.docx) for the team to edit.

The sections: the project's identification (title in every language given, programme, call,
specific objective, dates), the summary, relevance and context, target groups, cross-border
added value, the partnership, the intervention logic (overall objective, project objectives →
work packages → outputs, results with their targets), the work plan's timeline, management,
communication, the cooperation criteria, the horizontal principles, durability of results and
the budget. A part not yet written says what to write there instead. Texts are the proposal's as
given, English first, then Swedish, Danish and Norwegian; amounts are the core's, to the cent.

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
from ..labels import (CONTRIBUTION, COST_COLUMNS, COST_LABELS, DRAFT_LABELS, ROLE_LABELS, STATE_AID_LABELS, TOTAL,
                      column_label)
from ..money import format_amount
from .outline import PLACEHOLDER, Block, Bullets, Heading, Paragraph, Table, placeholder

if TYPE_CHECKING:  # pragma: no cover
    from ..proposal import Proposal
    from ..summary import BudgetSummary
    from ..tables import Table as BudgetTable

__all__ = ["outline", "to_markdown", "write_markdown", "write_docx", "LANGUAGES"]

LANGUAGES = {"en": "English", "sv": "Swedish", "da": "Danish", "no": "Norwegian"}
COOPERATION = {
    "joint_development": "Joint development",
    "joint_implementation": "Joint implementation",
    "joint_staffing": "Joint staffing",
    "joint_financing": "Joint financing",
}
PRINCIPLES = {
    "sustainable_development": "Sustainable development",
    "equal_opportunities": "Equal opportunities and non-discrimination",
    "gender_equality": "Equality between women and men",
}
# The form's text sections (the proposal's `narrative`): heading, and what to write there.
NARRATIVE = {
    "relevance": ("Relevance and context", "the common challenge of the border region, what is known about it, "
                                           "and why it needs cooperation across the border"),
    "target_groups": ("Target groups", "who the project is for and how it reaches them"),
    "cross_border_value": ("Cross-border added value", "what the partners achieve together that none could achieve "
                                                       "alone, in activities, resources, results and effects"),
    "management": ("Management", "how the partners coordinate the work, assure its quality and manage the finances"),
    "communication": ("Communication", "how the project makes its work and results known, and to whom"),
    "durability": ("Durability of results", "who owns the results, and how they are used and spread after the project"),
}
# How the timeline table marks a period: the row is under way, or a deliverable is due.
ACTIVE, DUE = "■", "◆"
NOT_CHOSEN = "not chosen"


def _in_order(texts: Mapping[str, str]) -> List[Tuple[str, str]]:
    """(language code, text) of the texts given, English first, then sv, da, no."""
    rank = {code: k for k, code in enumerate(LANGUAGES)}
    return sorted(((code, text) for code, text in texts.items() if text.strip()),
                  key=lambda item: rank.get(item[0], len(rank)))


def _name(names: Mapping[str, str]) -> str:
    """A programme record's name in English, else in its first language."""
    return names.get("en") or next(iter(names.values()), "")


def _periods(start: Optional[int], end: Optional[int]) -> str:
    if start is None or end is None:
        return "—"
    return f"{start}" if start == end else f"{start}–{end}"


def _text(value: Optional[str]) -> str:
    return value if value and value.strip() else "—"


class _Draft:
    """Builds the outline of one proposal (read once: not a live view)."""

    def __init__(self, proposal: "Proposal"):
        self.proposal = proposal
        self.programme = proposal.programme
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
            return None, f"The budget cannot be summarised yet: {e}."

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
        p = self.proposal
        titles = _in_order(p.title)
        heading = " — ".join(x for x in (p.acronym.strip(), titles[0][1] if titles else "") if x)
        rows: List[Sequence[str]] = [("Acronym", p.acronym.strip() or PLACEHOLDER)]
        rows += [(f"Title ({LANGUAGES.get(code, code)})", text) for code, text in titles] or [("Title", PLACEHOLDER)]
        rows += [("Programme", f"{self.programme.name} ({self.programme.id})"),
                 ("Call", p.call or NOT_CHOSEN),
                 ("Project kind", self._kind()),
                 ("Specific objective", self._objective()),
                 ("Geography", self._geography())]
        periods = self.timeline.periods
        rows += [("Start", p.start or NOT_CHOSEN),
                 ("End", periods[-1]["end"] if p.start and p.duration_months else NOT_CHOSEN),
                 ("Duration", f"{p.duration_months} months, {len(periods)} reporting periods"
                  if p.duration_months else NOT_CHOSEN)]
        return [Heading(heading or "Untitled proposal", 1), Heading("Project identification", 2),
                Table(["Field", "Value"], rows)]

    def _kind(self) -> str:
        kind = next((k for k in self.programme.project_kinds if k.id == self.proposal.kind), None)
        return _name(kind.name) if kind else self.proposal.kind

    def _objective(self) -> str:
        code = self.proposal.specific_objective
        if not code:
            return NOT_CHOSEN
        so = next((o for o in self.programme.specific_objectives if o.code.lower() == code.lower()), None)
        return f"{so.code} — {_name(so.title)}" if so else code

    def _geography(self) -> str:
        geo = next((g for g in self.programme.sub_geographies if g.id == self.proposal.geography), None)
        return _name(geo.name) if geo else self.proposal.geography

    def summary(self) -> List[Block]:
        return self._by_language("Summary", self.proposal.summary)

    def texts(self, section: str) -> List[Block]:
        """A text section of the form (`Proposal.NARRATIVE`): its texts, or what to write."""
        heading, what = NARRATIVE[section]
        return self._by_language(heading, self.doc.get("narrative", {}).get(section, {}), what)

    @staticmethod
    def _by_language(heading: str, given: Mapping[str, str], what: Optional[str] = None) -> List[Block]:
        """A section's texts, English first; each led by its language when there are several."""
        texts = _in_order(given)
        if not texts:
            return [Heading(heading, 2), placeholder(what)]
        if len(texts) == 1:
            return [Heading(heading, 2), Paragraph(texts[0][1])]
        return [Heading(heading, 2), *(Paragraph(text, label=LANGUAGES.get(code, code)) for code, text in texts)]

    def partnership(self) -> List[Block]:
        partners = self.doc["partners"]
        if not partners:
            return [Heading("Partnership", 2), placeholder("the partners")]
        header = ["ID", "Partner", "Country", "Region", "Type", "Legal status", "Role", "State aid"]
        totals: Dict[str, Decimal] = dict(self.budget.table("partners").rows(["id", "total"])) if self.budget else {}
        rows = []
        for d in partners:
            role = ROLE_LABELS[d["role"]] + (", Norwegian project owner" if d["norwegian_project_owner"] else "")
            row = [d["id"], d["name"], d["country"], self._region(d["region"]), self._org_type(d["org_type"]),
                   _text(d["legal_status"]), role, "—" if d["role"] == "associated" else self._state_aid(d["id"])]
            if self.budget:
                row.append(format_amount(totals[d["id"]]))
            rows.append(row)
        if not self.budget:
            return [Heading("Partnership", 2), Table(header, rows)]
        total = ["Total", f"{len(partners)} partners", "", "", "", "", "", "", format_amount(self.budget.total)]
        return [Heading("Partnership", 2), Table([*header, "Budget (EUR)"], rows, numeric=[8], total=total)]

    def _state_aid(self, pid: str) -> str:
        """The scheme recorded, else whether the partner still has to screen its activities."""
        partner = self.proposal.partner(pid)
        aid = partner.state_aid
        if aid:
            return STATE_AID_LABELS[aid["scheme"]]
        return STATE_AID_LABELS["no-economic-activity" if partner.economic_activity is False else "not-screened"]

    def _region(self, given: Optional[str]) -> str:
        if not given:
            return "—"
        region = self.programme.find_region(given)
        return f"{given} ({region.code})" if region and region.code != given else given

    def _org_type(self, given: Optional[str]) -> str:
        kind = next((t for t in self.programme.org_types if t.id == given), None) if given else None
        return _name(kind.name) if kind else _text(given)

    def intervention_logic(self) -> List[Block]:
        plan = self.plan
        out: List[Block] = [Heading("Intervention logic", 2), Heading("Overall objective", 3)]
        out.append(Paragraph(plan["overall_objective"]) if plan["overall_objective"].strip() else placeholder())
        out.append(Heading("Project objectives", 3))
        objective_ids = {o["id"] for o in plan["objectives"]}
        for o in plan["objectives"]:
            out.append(Paragraph(o["text"] if o["text"].strip() else PLACEHOLDER, label=o["id"],
                                 placeholder=not o["text"].strip()))
            out.append(Bullets(self._work_package_items(o["id"])))
        if not plan["objectives"]:
            out.append(placeholder("the project's objectives"))
        untied = [wp for wp in plan["work_packages"] if wp["objective"] not in objective_ids]
        if untied:
            out.append(Paragraph("these work packages serve no objective of the project yet.",
                                 label="Not tied to an objective"))
            out.append(Bullets([self._work_package_item(wp) for wp in untied]))
        out += [Heading("Outputs", 3), self._outputs() if plan["outputs"] else placeholder("the outputs")]
        out += [Heading("Results", 3), self._results() if plan["results"] else placeholder("the results")]
        return out

    def _work_package_items(self, objective: str) -> List[str]:
        items = [self._work_package_item(wp) for wp in self.plan["work_packages"] if wp["objective"] == objective]
        return items or ["No work package serves this objective yet."]

    def _work_package_item(self, wp: Dict[str, Any]) -> str:
        row = next(r for r in self.timeline.rows if r.kind == "work_package" and r.work_package == wp["number"])
        outputs = [f"{o['indicator']} (target {o['target']}, period {o['period']})"
                   for o in self.plan["outputs"] if o["work_package"] == wp["number"]]
        return (f"WP{wp['number']} {wp['title'] or PLACEHOLDER} — lead: {self._partner(wp['lead'])}; "
                f"periods {_periods(row.start, row.end)}; outputs: {', '.join(outputs) or 'none yet'}")

    def _indicator(self, code: str) -> str:
        """The code as given, with the programme's name and unit when it knows the indicator."""
        try:
            known = self.programme.indicator(code)
        except NotFoundError:
            return code
        return f"{code} {known.name['en']} ({known.unit})"

    def _outputs(self) -> Table:
        rows = [(self._indicator(o["indicator"]), o["target"], str(o["period"]),
                 f"WP{o['work_package']}" if o["work_package"] is not None else "—") for o in self.plan["outputs"]]
        return Table(["Output indicator", "Target", "Period", "Work package"], rows, numeric=[1, 2])

    def _results(self) -> Table:
        rows = [(self._indicator(r["indicator"]), r["baseline"], r["target"], str(r["period"]))
                for r in self.plan["results"]]
        return Table(["Result indicator", "Baseline", "Target", "Period"], rows, numeric=[1, 2, 3])

    def work_plan(self) -> List[Block]:
        t = self.timeline
        out: List[Block] = [Heading("Work plan", 2)]
        if not t.rows:
            return [*out, placeholder("the work packages, activities and deliverables")]
        out += [Heading("Reporting periods", 3),
                Table(["Period", "Months", "From", "To"],
                      [(str(p["number"]), f"{p['first_month']}–{p['last_month']}", p["start"] or "—", p["end"] or "—")
                       for p in t.periods], numeric=[0])]
        out.append(Heading("Timeline", 3))
        if t.note:
            out.append(Paragraph(t.note, label="Order"))
        count = t.period_count
        rows = []
        for r in t.rows:
            who = f"lead {r.lead}" if r.kind == "work_package" and r.lead else ", ".join(r.partners)
            marks = [(DUE if r.kind == "deliverable" else ACTIVE)
                     if r.start is not None and r.end is not None and min(r.start, r.end) <= k <= max(r.start, r.end)
                     else "" for k in range(1, count + 1)]
            rows.append([r.id, r.title or PLACEHOLDER, who or "—", ", ".join(r.predecessors), *marks])
        caption = f"{ACTIVE} under way, {DUE} deliverable due. Activities come after the activities they follow."
        out.append(Table(["ID", "Title", "Lead / partners", "After", *(f"P{k}" for k in range(1, count + 1))],
                         rows, caption=caption))
        return out

    def cooperation(self) -> List[Block]:
        given = self.plan["cooperation"]
        out: List[Block] = [Heading("Cooperation criteria", 2)]
        for key, label in COOPERATION.items():
            text = given.get(key)
            out.append(Paragraph(text, label=label) if text and text.strip()
                       else Paragraph(PLACEHOLDER, label=label, placeholder=True))
        return out

    def principles(self) -> List[Block]:
        given = self.plan["horizontal_principles"]
        out: List[Block] = [Heading("Horizontal principles", 2)]
        for key, label in PRINCIPLES.items():
            principle = given.get(key)
            if principle is None:
                out.append(Paragraph(PLACEHOLDER, label=label, placeholder=True))
            elif principle["text"].strip():
                out.append(Paragraph(principle["text"], label=f"{label} ({principle['effect']} effect)"))
            else:
                out.append(Paragraph("no explanation given.", label=f"{label} ({principle['effect']} effect)",
                                     placeholder=principle["effect"] != "neutral"))
        return out

    def budget_section(self) -> List[Block]:
        s = self.budget
        out: List[Block] = [Heading("Budget", 2)]
        if s is None:
            problem = self.budget_problem
            return [*out, Paragraph(problem, placeholder=True) if problem else placeholder("the partners' budgets")]
        out.append(Paragraph(f"Total eligible budget {format_amount(s.total)} EUR over {len(s.periods)} reporting "
                             f"periods; amounts in euro, exact to the cent, as computed by interreg."))
        out += [Heading("Per partner", 3), self._per_partner(s), Heading("Per cost category", 3),
                self._per_category(s), Heading("Funding", 3), self._funding(s)]
        return out

    @staticmethod
    def _header(table: "BudgetTable", columns: Sequence[str]) -> List[str]:
        return [DRAFT_LABELS.get(c) or column_label(table.id, c) for c in columns]

    def _per_partner(self, s: "BudgetSummary") -> Table:
        table = s.table("cofinancing")
        columns = ["id", "name", "country", "fund", "rate", "total", "fund_amount", "contribution"]
        rows = [(*row[:3], self._fund(row[3]), row[4], *map(format_amount, row[5:])) for row in table.rows(columns)]
        total = (TOTAL, "", "", "", "", *map(format_amount, table.totals(columns[5:])))
        return Table(self._header(table, columns), rows, numeric=[4, 5, 6, 7], total=total)

    def _per_category(self, s: "BudgetSummary") -> Table:
        table = s.table("partners")
        shown = [*table.nonzero(COST_COLUMNS[:-1]), "total"]
        rows = [(pid, *map(format_amount, amounts)) for pid, *amounts in table.rows(["id", *shown])]
        total = (TOTAL, *map(format_amount, table.totals(shown)))
        return Table([DRAFT_LABELS["id"], *(COST_LABELS[c] for c in shown)], rows, numeric=range(1, len(shown) + 1),
                     total=total)

    def _funding(self, s: "BudgetSummary") -> Table:
        """The funds some partner draws on, then the partners' contribution."""
        table = s.table("funding")
        rows = [(CONTRIBUTION if fund is None else self._fund(fund), format_amount(amount))
                for fund, partners, amount in table.rows(["fund", "partners", "amount"]) if fund is None or partners]
        return Table([DRAFT_LABELS["source"], DRAFT_LABELS["amount"]], rows, numeric=[1],
                     total=(TOTAL, *map(format_amount, table.totals(["amount"]))))

    def _fund(self, fund: Optional[str]) -> str:
        record = next((f for f in self.programme.funds if f.id == fund), None) if fund else None
        return _name(record.name) if record else _text(fund)


def outline(proposal: "Proposal") -> List[Block]:
    """The draft's content as an outline (headings, paragraphs, lists, tables)."""
    return _Draft(proposal).blocks()


def to_markdown(proposal: "Proposal") -> str:
    """The draft as Markdown text."""
    from .markdown import render

    return render(outline(proposal))


def write_markdown(proposal: "Proposal", path: Union[str, "os.PathLike[str]"]) -> Path:
    """Write the draft as a Markdown file (UTF-8), replacing `path` atomically."""
    from .._files import write_atomically

    text = to_markdown(proposal).encode("utf-8")
    return write_atomically(path, lambda f: f.write(text))


def write_docx(proposal: "Proposal", path: Union[str, "os.PathLike[str]"]) -> Path:
    """Write the draft as a Word document, replacing `path` atomically (needs python-docx:
    Debian python3-docx)."""
    from .word import write

    blocks = outline(proposal)
    return write(blocks, path, title=next((b.text for b in blocks if isinstance(b, Heading)), ""))
