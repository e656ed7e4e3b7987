"""The package's import graph is one-way: no module imports, even lazily or for typing only, a module that
imports it back (directly or through others)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "dpagen"


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, name: str, modules: set[str]) -> set[str]:
    """The package's modules that ``path`` imports anywhere in it (top level, functions, TYPE_CHECKING)."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")
            base = base[: len(base) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            for alias in node.names:  # `from . import paths` imports the module dpagen.x.paths
                candidate = f"{target}.{alias.name}"
                found.add(candidate if candidate in modules else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m in modules and m != name}


def graph() -> dict[str, set[str]]:
    files = {_module(p): p for p in PACKAGE.rglob("*.py")}
    return {name: _imports(path, name, set(files)) for name, path in files.items()}


def _is_package_init(name: str, edges: dict[str, set[str]]) -> bool:
    return any(other.startswith(name + ".") for other in edges)


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Import cycles between modules; a package's ``__init__`` re-exporting its own modules is not one."""
    def follows(a: str, b: str) -> bool:
        return not (_is_package_init(a, edges) and b.startswith(a + ".")) and not (
            _is_package_init(b, edges) and a.startswith(b + "."))

    found: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges[node]):
            if not follows(node, nxt):
                continue
            if state.get(nxt) == 1:
                found.append([*stack[stack.index(nxt):], nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)
    return found


def test_the_graph_sees_lazy_and_typing_imports() -> None:
    edges = graph()
    assert "dpagen.wizard.steps" in edges["dpagen.wizard.flow"]  # a top-level import
    assert "dpagen.wizard.review" in edges["dpagen.wizard.flow"]  # imported inside a method
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]


def test_no_module_imports_one_that_imports_it_back() -> None:
    assert cycles(graph()) == []
