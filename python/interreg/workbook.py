"""A proposal's budget workbook: the annex (:meth:`Proposal.to_excel`) and the blank template
partners fill in (``interreg budget-template``); reading one back is interreg.budget_import.
The layout is render/annex.py; this module gathers what it shows from the proposal."""
from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Optional, Union

from .languages import Wording

if TYPE_CHECKING:  # pragma: no cover
    from .proposal import Proposal
    from .render.annex import Cover
    from .summary import BudgetSummary

__all__ = ["write_annex", "write_template", "write_summary"]

PathLike = Union[str, "os.PathLike[str]"]


def _cover(proposal: "Proposal", date: datetime.date) -> "Cover":
    from .render.annex import Cover

    programme = proposal.programme
    kind = next((k.name for k in programme.project_kinds if k.id == proposal.kind), {"en": proposal.kind})
    objective: Mapping[str, str] = next((o.title for o in programme.specific_objectives
                      if o.code.lower() == (proposal.specific_objective or "").lower()), {})
    return Cover(acronym=proposal.acronym, title=proposal.title, programme=programme.names, call=proposal.call,
                 kind=kind, objective=proposal.specific_objective, objective_title=objective,
                 duration_months=proposal.duration_months, date=date,
                 roles={p.id: p.role for p in proposal.partners})


def write_annex(proposal: "Proposal", path: PathLike, language: str = "en",
                date: Optional[datetime.date] = None) -> Path:
    """The annex: a cover, the summary's tables and the lines, in `language`; `date` (default
    today) is the cover's export date."""
    from .render.annex import build_annex
    from .render.excel import save

    wording = Wording(language, proposal.programme._core)
    summary = proposal.budget_summary()
    workbook = build_annex(summary, wording, _cover(proposal, date or datetime.date.today()))
    return save(workbook, path)  # after building: a refused amount leaves no file


def write_summary(summary: "BudgetSummary", path: PathLike, language: str = "en") -> Path:
    """The summary's tables and lines without a cover (a summary knows no proposal)."""
    from .render.annex import build_annex
    from .render.excel import save

    wording = Wording(language, summary._programme)
    return save(build_annex(summary, wording), path)


def write_template(proposal: "Proposal", path: PathLike, language: str = "en") -> Path:
    """A blank Lines sheet for the proposal's partners and reporting periods, with a sheet that
    says how to fill it in."""
    from .render.annex import TemplatePartner, build_template
    from .render.excel import save

    from . import _core

    wording = Wording(language, proposal.programme._core)
    periods = len(_core.reporting_periods(proposal.programme._core, proposal._core))
    partners = [TemplatePartner(p.id, p.name, p.country, p.role, p.budget.rates) for p in proposal.partners]
    return save(build_template(wording, partners, periods), path)
