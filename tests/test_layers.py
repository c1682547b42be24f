"""The Python package is layered, and its imports say so (docs/architecture.md):

    leaf    errors, _resources, _frames, _files, _threads, labels, languages, money, tables (and the compiled _core)
    render  render/ (html*, excel, annex, markdown, word, outline, draft)    plots/ (budget, timeline, network)
    model   programme, proposal, budget, summary, workplan, timeline, report, history, workbook, budget_import,
            proposal_diff, proposal_sweep
    api     batch, cli, __init__, __main__

A module imports only from lower layers and from its own: leaf modules from each other,
render/ and plots/ each from their own package and the leaf modules, never from each other and
never from the model at run time (model types only under ``if TYPE_CHECKING:``). No run-time
imports form a cycle. Imports are read with ``ast``: at module level and inside functions,
relative imports resolved.
"""
from __future__ import annotations

import ast
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Set, Tuple

import pytest

PACKAGE_ROOT = Path(__file__).resolve().parents[1] / "python" / "interreg"

RANKS = {"leaf": 0, "render": 1, "plots": 1, "model": 2, "api": 3}

# Module (or, ending in ".*", every module of a package) → layer.
INTERREG_LAYERS = {
    "interreg._core": "leaf",
    "interreg.errors": "leaf",
    "interreg._resources": "leaf",
    "interreg._frames": "leaf",
    "interreg._files": "leaf",
    "interreg._threads": "leaf",
    "interreg.labels": "leaf",
    "interreg.money": "leaf",
    "interreg.tables": "leaf",
    "interreg.languages": "leaf",
    "interreg.render.*": "render",
    "interreg.plots.*": "plots",
    "interreg.programme": "model",
    "interreg.proposal": "model",
    "interreg.budget": "model",
    "interreg.summary": "model",
    "interreg.workplan": "model",
    "interreg.timeline": "model",
    "interreg.report": "model",
    "interreg.history": "model",
    "interreg.workbook": "model",
    "interreg.budget_import": "model",
    "interreg.proposal_diff": "model",
    "interreg.proposal_sweep": "model",
    "interreg.batch": "api",
    "interreg.cli": "api",
    "interreg": "api",
    "interreg.__main__": "api",
}


# -- the checker -------------------------------------------------------------------------
def modules_of(root: Path, package: str) -> Dict[str, Path]:
    """Module name → file, for every .py file of the package at `root`."""
    out = {}
    for path in sorted(root.rglob("*.py")):
        parts = [package, *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


class _Imports(ast.NodeVisitor):
    """Every import statement that runs (module level and in functions), skipping the bodies
    of ``if TYPE_CHECKING:``."""

    def __init__(self) -> None:
        self.found: List[ast.stmt] = []

    def visit_If(self, node: ast.If) -> None:
        if _is_type_checking(node.test):
            for child in node.orelse:
                self.visit(child)
        else:
            self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:
        self.found.append(node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        self.found.append(node)


def imports_of(name: str, path: Path, known: Set[str], package: str) -> Iterator[Tuple[str, int]]:
    """(imported module of the package, line) for each run-time import in module `name`."""
    is_package = path.name == "__init__.py"
    visitor = _Imports()
    visitor.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
    for node in visitor.found:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == package or alias.name.startswith(package + "."):
                    yield alias.name, node.lineno
            continue
        assert isinstance(node, ast.ImportFrom)
        if node.level:
            base_parts = name.split(".") if is_package else name.split(".")[:-1]
            base_parts = base_parts[:len(base_parts) - (node.level - 1)]
            base = ".".join(base_parts + ([node.module] if node.module else []))
        else:
            base = node.module or ""
        if not (base == package or base.startswith(package + ".")):
            continue
        for alias in node.names:
            candidate = f"{base}.{alias.name}"
            yield (candidate if candidate in known else base), node.lineno


def layer_of(module: str, layers: Dict[str, str]) -> Optional[str]:
    if module in layers:
        return layers[module]
    parts = module.split(".")
    for k in range(len(parts), 0, -1):
        layer = layers.get(".".join(parts[:k]) + ".*")
        if layer is not None:
            return layer
    return None


def _cycles(graph: Dict[str, Set[str]]) -> List[Tuple[List[str], List[str]]]:
    """For each strongly connected component with a cycle (Tarjan): its modules, and one
    cycle through them as a path."""
    index: Dict[str, int] = {}
    low: Dict[str, int] = {}
    stack: List[str] = []
    on_stack: Set[str] = set()
    components: List[List[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1 or v in graph.get(v, ()):
                components.append(component)

    for v in sorted(graph):
        if v not in index:
            connect(v)

    cycles = []
    for component in components:
        members = set(component)
        start = min(component)
        path, seen = [start], {start}
        while True:  # walk inside the component until a module repeats
            nxt = min(w for w in graph[path[-1]] if w in members)
            if nxt in seen:
                cycles.append((sorted(component), path[path.index(nxt):] + [nxt]))
                break
            path.append(nxt)
            seen.add(nxt)
    return cycles


def check_layers(root: Path, package: str, layers: Dict[str, str], extra: Tuple[str, ...] = ()) -> List[str]:
    """What is wrong with the package's imports: modules without a layer, imports of a higher
    layer (or of the other package of the same layer), and cycles of run-time imports.
    `extra` names modules that have no .py file (a compiled extension)."""
    files = modules_of(root, package)
    known = set(files) | set(extra)
    problems = [f"{m}: no layer assigned" for m in sorted(known) if layer_of(m, layers) is None]
    graph: Dict[str, Set[str]] = {m: set() for m in known}
    for name, path in files.items():
        for target, line in imports_of(name, path, known, package):
            if target == name or target == package:  # the root package is always imported first
                continue
            graph[name].add(target)
            mine, theirs = layer_of(name, layers), layer_of(target, layers)
            if mine is None or theirs is None:
                continue
            problem = f"{name} ({mine}) imports {target} ({theirs}) at line {line}"
            upward = RANKS[theirs] > RANKS[mine] or (RANKS[theirs] == RANKS[mine] and theirs != mine)
            if upward and problem not in problems:  # once for `from x import a, b`
                problems.append(problem)
        # importing a module of a subpackage runs the subpackage's __init__
        for target in list(graph[name]):
            parent = target.rsplit(".", 1)[0]
            if parent != package and parent in known and parent != name:
                graph[name].add(parent)
    problems += [f"cycle of run-time imports among {', '.join(members)}: {' → '.join(path)}"
                 for members, path in _cycles(graph)]
    return problems


# -- the package -------------------------------------------------------------------------
def test_every_module_has_a_layer_and_imports_only_downwards():
    assert check_layers(PACKAGE_ROOT, "interreg", INTERREG_LAYERS, extra=("interreg._core",)) == []


def test_the_layers_are_the_packages_folders():
    files = modules_of(PACKAGE_ROOT, "interreg")
    assert {m for m in files if layer_of(m, INTERREG_LAYERS) == "render"} == {
        "interreg.render", "interreg.render.html", "interreg.render.html_parts", "interreg.render.html_workplan",
        "interreg.render.html_history", "interreg.render.html_diff", "interreg.render.excel", "interreg.render.annex", "interreg.render.markdown",
        "interreg.render.word", "interreg.render.outline", "interreg.render.draft"}
    assert {m for m in files if layer_of(m, INTERREG_LAYERS) == "plots"} == {
        "interreg.plots", "interreg.plots._axes", "interreg.plots.budget", "interreg.plots.timeline",
        "interreg.plots.network"}


# -- the checker on small made-up packages -----------------------------------------------
FAKE_LAYERS = {
    "fake.labels": "leaf",
    "fake.render.*": "render",
    "fake.plots.*": "plots",
    "fake.summary": "model",
    "fake.budget": "model",
    "fake": "api",
}


def write_package(root: Path, files: Dict[str, str]) -> Path:
    for name, text in {"__init__.py": "", **files}.items():
        path = root / "fake" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "fake"


def test_the_checker_finds_the_old_cycle_through_function_imports(tmp_path):
    """The package's old shape: the model imported display code inside methods, and display
    and Excel code reached back into the model for constants (budget ↔ display ↔ excel)."""
    root = write_package(tmp_path, {
        "labels.py": "",
        "summary.py": "COST_LABELS = {}\n\ndef html(self):\n    from .render.html import budget_html\n    return budget_html(self)\n",
        "render/__init__.py": "",
        "render/html.py": "def budget_html(s):\n    from ..summary import COST_LABELS\n    return COST_LABELS\n",
        "render/excel.py": "from fake.summary import COST_LABELS, html\n",
    })
    assert check_layers(root, "fake", FAKE_LAYERS) == [
        "fake.render.excel (render) imports fake.summary (model) at line 1",  # once for both names
        "fake.render.html (render) imports fake.summary (model) at line 2",
        "cycle of run-time imports among fake.render.html, fake.summary: "
        "fake.render.html → fake.summary → fake.render.html"]


def test_type_checking_imports_are_ignored_and_relative_imports_resolved(tmp_path):
    root = write_package(tmp_path, {
        "labels.py": "",
        "summary.py": "from . import labels\n\ndef html(self):\n    from .render import html\n    return html.budget_html(self)\n",
        "render/__init__.py": "",
        "render/html.py": ("from typing import TYPE_CHECKING\n"
                           "import typing\n"
                           "from ..labels import X\n"
                           "from . import outline\n"
                           "if TYPE_CHECKING:\n    from ..summary import BudgetSummary\n"
                           "if typing.TYPE_CHECKING:\n    import fake.budget\n"
                           "else:\n    pass\n"),
        "render/outline.py": "",
    })
    assert check_layers(root, "fake", FAKE_LAYERS) == []
    files = modules_of(root, "fake")
    found = sorted(imports_of("fake.render.html", files["fake.render.html"], set(files), "fake"))
    assert found == [("fake.labels", 3), ("fake.render.outline", 4)]
    found = sorted(imports_of("fake.summary", files["fake.summary"], set(files), "fake"))
    assert found == [("fake.labels", 1), ("fake.render.html", 4)]


def test_render_and_plots_do_not_import_each_other_and_every_module_needs_a_layer(tmp_path):
    root = write_package(tmp_path, {
        "labels.py": "import fake.summary\n",
        "summary.py": "",
        "render/__init__.py": "",
        "render/html.py": "",
        "plots/__init__.py": "",
        "plots/budget.py": "def plot():\n    from ..render.html import x\n",
        "stray.py": "",
    })
    problems = check_layers(root, "fake", FAKE_LAYERS)
    assert problems == ["fake.stray: no layer assigned",
                        "fake.labels (leaf) imports fake.summary (model) at line 1",
                        "fake.plots.budget (plots) imports fake.render.html (render) at line 2"]


def test_a_cycle_inside_one_layer_is_found(tmp_path):
    root = write_package(tmp_path, {
        "summary.py": "from .budget import x\n",
        "budget.py": "def f():\n    import fake.summary\n",
    })
    assert check_layers(root, "fake", FAKE_LAYERS) == [
        "cycle of run-time imports among fake.budget, fake.summary: fake.budget → fake.summary → fake.budget"]


if __name__ == "__main__":  # pragma: no cover
    pytest.main([__file__])
