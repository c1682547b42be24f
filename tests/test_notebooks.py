"""Execute every example notebook (examples/*.ipynb) top to bottom.

The kernel runs on the interpreter that runs the tests (``sys.executable``), so it sees the
same ``interreg`` package. It is declared in a throw-away kernelspec under ``tmp_path``; the
Jupyter and IPython directories point there too, so nothing outside the test's temporary
folder is written. Executed outputs stay in memory: the notebooks in the repository are
never modified.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

import nbformat
import nbclient
import ipykernel  # noqa: F401
from nbclient.exceptions import CellExecutionError  # noqa: E402

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NOTEBOOKS = sorted(EXAMPLES.glob("*.ipynb"))
KERNEL_NAME = "interreg-tests"
CELL_TIMEOUT = 120  # seconds per cell
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def kernel(tmp_path, monkeypatch):
    """The name of a kernelspec that starts ipykernel with this interpreter."""
    spec_dir = tmp_path / "jupyter" / "kernels" / KERNEL_NAME
    spec_dir.mkdir(parents=True)
    (spec_dir / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": f"Python ({sys.executable})",
        "language": "python",
    }), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # ipykernel's debugger warning
    return KERNEL_NAME


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_is_stored_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    dirty = [i for i, c in enumerate(nb.cells)
             if c.cell_type == "code" and (c.outputs or c.execution_count is not None)]
    assert not dirty, f"{path.name}: clear the outputs of code cells {dirty} before committing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(path, kernel):
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        kernel_name=kernel,
        timeout=CELL_TIMEOUT,
        resources={"metadata": {"path": str(EXAMPLES)}},  # the kernel's working directory
        shutdown_kernel="immediate",
    )
    error = None
    try:
        client.execute()
    except CellExecutionError as e:
        error = ANSI.sub("", str(e))
    if error is not None:
        pytest.fail(f"{path.name}: a cell failed\n{error}", pytrace=False)
    assert any(c.cell_type == "code" and c.get("outputs") for c in nb.cells), f"{path.name} produced no output"
