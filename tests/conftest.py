"""Shared fixtures of the Python test suite.

- ``programme``: the embedded ÖKS programme (``interreg.load_programme()``; shared, immutable).
- ``good_proposal``: a fresh proposal that validates with zero findings.
- ``make_good_proposal``: a factory for more of them (each call builds a new one).
- ``run_python``: run a Python snippet in a child interpreter (``sys.executable``) and get
  ``(returncode, stdout, stderr)``; a crash of the child shows as a negative return code
  (the signal) instead of killing pytest.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Callable, Optional, Sequence, Tuple

import pytest

import interreg

TESTS = Path(__file__).resolve().parent
GOLDEN = TESTS / "golden"


def build_good_proposal(programme: "interreg.Programme") -> "interreg.Proposal":
    """The reference proposal: SE lead, DK and NO partners, RSO4.1 in call 2025:1, no findings."""
    p = interreg.Proposal(
        programme,
        acronym="TALENT",
        specific_objective="RSO4.1",
        call="2025:1",
        geography="whole",
        start="2026-01-01",
        duration_months=36,
        title="Talent across the Öresund-Kattegat-Skagerrak labour market",
        summary="Universities, municipalities and counties match skills shortages with job seekers across the borders.",
    )
    p.add_partner("Göteborgs universitet", country="SE", region="Västra Götaland", org_type="university",
                  legal_status="public", role="lead")
    p.add_partner("Aalborg Kommune", country="DK", region="Region Nordjylland", org_type="local-authority")
    p.add_partner("Østfold fylkeskommune", country="NO", region="Østfold", org_type="regional-authority",
                  norwegian_project_owner=True)
    return p


@pytest.fixture(scope="session")
def programme() -> "interreg.Programme":
    return interreg.load_programme()


@pytest.fixture
def make_good_proposal(programme) -> Callable[[], "interreg.Proposal"]:
    return lambda: build_good_proposal(programme)


@pytest.fixture
def good_proposal(programme) -> "interreg.Proposal":
    return build_good_proposal(programme)


def child_env() -> dict:
    env = dict(os.environ)
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONUTF8"] = "1"
    env.pop("PYTHONSTARTUP", None)
    return env


def run_python_code(code: str, *args: str, stdin: Optional[bytes] = None, timeout: float = 120,
                    cwd: Optional[os.PathLike] = None) -> Tuple[int, str, str]:
    """Run `code` with ``sys.executable -c``; returns (returncode, stdout, stderr) as text."""
    proc = subprocess.run([sys.executable, "-c", code, *args], input=stdin, capture_output=True,
                          timeout=timeout, env=child_env(), cwd=cwd)
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


@pytest.fixture
def run_python() -> Callable[..., Tuple[int, str, str]]:
    return run_python_code


def run_command(argv: Sequence[str], timeout: float = 120, cwd: Optional[os.PathLike] = None) -> Tuple[int, str, str]:
    """Run a command; returns (returncode, stdout, stderr) as text."""
    proc = subprocess.run(list(argv), capture_output=True, timeout=timeout, env=child_env(), cwd=cwd)
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")
