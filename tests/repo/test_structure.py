"""The shape of the package: what imports what (issue 18)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "archiver"


def _loaded_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=PACKAGE.parent
    ).stdout
    return set(out.split())


def test_sources_load_no_extraction_code():
    loaded = _loaded_after("import archiver.sources.warc, archiver.sources.jsonl, archiver.sources.resolve")
    stages = ("archiver.extract", "archiver.lang", "archiver.pipeline", "archiver.text", "lxml", "langdetect")
    heavy = sorted(m for m in loaded if m.startswith(stages))
    assert heavy == []


def test_importing_the_library_loads_no_stage_until_used():
    loaded = _loaded_after("import archiver")
    assert not any(m.startswith(("archiver.extract", "archiver.pipeline", "lxml")) for m in loaded)


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _node(module: str) -> str:
    """A subpackage (``archiver.render``) or a top-level module (``archiver.model``)."""
    parts = module.split(".")
    if len(parts) > 1 and (PACKAGE / parts[1]).is_dir():
        return ".".join(parts[:2])
    return module


def _import_time_targets(path: Path, module: str) -> set[str]:
    """The archiver modules ``path`` imports when it is loaded (module level: lazy imports inside
    functions are how a lower layer reaches a higher one on purpose, e.g. ``Document.to_json``)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    targets: set[str] = set()
    for stmt in ast.parse(path.read_text("utf-8")).body:
        if isinstance(stmt, ast.ImportFrom) and stmt.level:
            base = ".".join(package.split(".")[: len(package.split(".")) - stmt.level + 1])
            if stmt.module:
                targets.add(f"{base}.{stmt.module}")
            else:
                targets.update(f"{base}.{alias.name}" for alias in stmt.names)
        elif isinstance(stmt, ast.ImportFrom) and (stmt.module or "").startswith("archiver"):
            targets.add(stmt.module)
        elif isinstance(stmt, ast.Import):
            targets.update(a.name for a in stmt.names if a.name.startswith("archiver"))
    return targets


def package_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        if module == "archiver":
            continue  # the package's __init__ re-exports; every module "imports" it
        node = _node(module)
        edges = graph.setdefault(node, set())
        edges.update(t for t in map(_node, _import_time_targets(path, module)) if t not in (node, "archiver"))
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` as a path that starts and ends on the same node, or None (iterative DFS)."""
    state: dict[str, int] = {}
    for start in sorted(graph):
        if state.get(start):
            continue
        stack = [(start, iter(sorted(graph.get(start, ()))))]
        path = [start]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
                path.pop()
            elif state.get(child) == 1:
                return path[path.index(child) :] + [child]
            elif not state.get(child):
                state[child] = 1
                path.append(child)
                stack.append((child, iter(sorted(graph.get(child, ())))))
    return None


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None


def test_no_package_import_cycle():
    graph = package_graph()
    assert "archiver.render" in graph and "archiver.archive" in graph
    assert find_cycle(graph) is None
