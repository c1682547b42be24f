"""interreg — draft and check applications to Interreg cross-border programmes.

Load the embedded Interreg Öresund-Kattegat-Skagerrak 2021-2027 programme, build a
proposal with its partners, and validate it::

    import interreg
    prog = interreg.load_programme()
    p = interreg.Proposal(prog, acronym="TALENT", specific_objective="RSO4.1", call="2025:1")
    p.add_partner("Göteborgs universitet", country="SE", region="Västra Götaland", role="lead")
    report = p.validate()

Find partners in the history of past cooperation projects::

    history = interreg.CooperationHistory.from_csv("participations.csv")
    history.suggest_partners(p, n=10, countries=["DK"])

Check a folder of proposals on every core: ``interreg.validate_many(["drafts/"])``. See what
changed between two versions: ``interreg.diff("talent-v1.json", "talent-v2.json")``; try
many what-ifs at once: ``interreg.sweep(p, {"/partners/1/cofinancing/rate": ["50%", "40%"]})``.
"""
from ._core import __version__
from ._resources import schema
from .batch import validate_many
from .summary import BudgetSummary
from .errors import ArgumentError, Error, FileError, FormatError, NotFoundError, OutOfMemoryError, ProgrammeError
from .history import CooperationHistory
from .plots.network import plot_consortium
from .programme import Programme, load_programme, programmes, rule_catalogue
from .proposal_diff import ProposalDiff
from .proposal import Partner, Proposal, diff, sweep
from .report import Finding, Report

__all__ = [
    "__version__",
    "load_programme",
    "programmes",
    "rule_catalogue",
    "validate_many",
    "diff",
    "sweep",
    "schema",
    "Programme",
    "Proposal",
    "Partner",
    "Report",
    "Finding",
    "BudgetSummary",
    "ProposalDiff",
    "CooperationHistory",
    "plot_consortium",
    "Error",
    "FormatError",
    "ProgrammeError",
    "ArgumentError",
    "NotFoundError",
    "FileError",
    "OutOfMemoryError",
]
