"""How the package is built: rooms by what users do over one core, imports that flow one way
with no cycle at any depth (lazy imports included), the query path clear of the heavy modules,
no function past 120 lines, no library message naming a command-line flag, and no caller
outside the store module asking which store it holds."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "transition_kg"
ROOMS = ("core", "ask", "see", "grow")
# which rooms each room may import: the CLI sits on top, core at the bottom
MAY_IMPORT = {"core": {"core"}, "ask": {"core", "ask", "see"}, "see": {"core", "see"}, "grow": {"core", "grow"}}


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name under the package (``core.store``, ``cli``)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if "project" in parts:
            continue
        found[".".join(parts)] = path
    return found


def imports() -> nx.DiGraph:
    """Module → the package modules it imports anywhere in its body (inside functions too)."""
    found = modules()
    graph = nx.DiGraph()
    for name, path in found.items():
        graph.add_node(name)
        package = name.split(".")[:-1]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom):
                continue
            if node.level:
                base = package[: len(package) - node.level + 1]
                stem = ".".join([*base, node.module] if node.module else base)
            elif (node.module or "").startswith("transition_kg"):
                stem = (node.module or "").removeprefix("transition_kg").lstrip(".")
            else:
                continue
            for alias in node.names:
                for target in (f"{stem}.{alias.name}".lstrip("."), stem):
                    if target in found and target != name:
                        graph.add_edge(name, target)
                        break
                    if f"{target}.__init__" in found and target:
                        graph.add_edge(name, f"{target}.__init__")
                        break
    return graph


def test_the_package_is_rooms_over_a_core():
    tops = {p.name for p in PACKAGE.iterdir() if p.suffix == ".py" or (p.is_dir() and (p / "__init__.py").exists())}
    assert tops == {"__init__.py", "cli.py", *ROOMS}
    assert not list((PACKAGE / "core").glob("*.html"))


def test_no_import_cycle_even_through_function_level_imports():
    graph = imports()
    assert graph.number_of_edges() > 30  # the scan sees the imports
    assert list(nx.simple_cycles(graph)) == []


def test_imports_flow_down_from_the_cli_through_the_rooms_to_core():
    wrong = []
    for source, target in imports().edges:
        room, to = source.split(".")[0], target.split(".")[0]
        if to == "cli" or (room in MAY_IMPORT and to in ROOMS and to not in MAY_IMPORT[room]):
            wrong.append(f"{source} -> {target}")
    assert wrong == []


def test_the_query_path_does_not_reach_the_rdflib_modules():
    """store, queries, sparql and their imports never import validate, view or docs."""
    graph = imports()
    start = ("core.store", "ask.queries", "core.sparql", "ask.table")
    reached = {m.split(".")[-1] for m in set().union(*(nx.descendants(graph, m) for m in start))}
    assert reached.isdisjoint({"validate", "view", "docs", "extract", "build", "cli", "serve"})


def _functions(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node


def test_no_function_is_longer_than_120_lines():
    long = []
    for name, path in modules().items():
        for fn in _functions(ast.parse(path.read_text(encoding="utf-8"))):
            if fn.end_lineno - fn.lineno + 1 > 120:
                long.append(f"{name}.{fn.name}: {fn.end_lineno - fn.lineno + 1} lines")
    assert long == []


FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]+")


def test_no_library_message_names_a_command_line_flag():
    """Library errors carry fields; only the CLI words them in flags."""
    named = []
    for name, path in modules().items():
        if name == "cli":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and node.exc is not None:
                for sub in ast.walk(node.exc):
                    if isinstance(sub, ast.Constant) and isinstance(sub.value, str) and FLAG.search(sub.value):
                        named.append(f"{name}:{node.lineno}: {sub.value!r}")
    assert named == []


def test_no_caller_outside_the_store_asks_which_store_it_holds():
    asking = re.compile(r"isinstance\([^)]*(EmbeddedStore|RemoteStore)|hasattr\(\s*store\b|\.loaded\.|store\.store\b")
    found = []
    for name, path in modules().items():
        if name == "core.store" or name.startswith("core.stores"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if asking.search(line):
                found.append(f"{name}:{number}: {line.strip()}")
    assert found == []
