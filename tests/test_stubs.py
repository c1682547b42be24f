"""The committed _core.pyi must match the compiled module (mypy's stubtest)."""
import io
from contextlib import redirect_stdout
from pathlib import Path

import pytest

import mypy.stubtest as stubtest

PACKAGE_ROOT = Path(__file__).resolve().parents[1] / "python"
ALLOWLIST = Path(__file__).resolve().parent / "stubtest-allowlist.txt"


def test_core_stub_matches_module(monkeypatch, tmp_path):
    monkeypatch.chdir(PACKAGE_ROOT)  # stubtest reads the stub from the package folder
    monkeypatch.setenv("MYPY_CACHE_DIR", str(tmp_path / "mypy-cache"))
    out = io.StringIO()
    with redirect_stdout(out):
        code = stubtest.test_stubs(stubtest.parse_options(
            ["interreg._core", "--concise", "--allowlist", str(ALLOWLIST)]))
    assert code == 0, out.getvalue()
