"""How the package's modules connect: no import cycle, lazy ones included."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "transition_kg"


def imports() -> nx.DiGraph:
    """Module → the package modules it imports anywhere in its body (inside functions too)."""
    graph = nx.DiGraph()
    for path in sorted(PACKAGE.glob("*.py")):
        module = path.stem
        graph.add_node(module)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                targets = [node.module] if node.module else [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("transition_kg"):
                targets = [(node.module or "").split(".")[1]] if "." in (node.module or "") else [a.name for a in node.names]
            else:
                continue
            for target in targets:
                if (PACKAGE / f"{target}.py").is_file() and target != "__init__":
                    graph.add_edge(module, target)
    return graph


def test_no_import_cycle_even_through_function_level_imports():
    graph = imports()
    assert graph.number_of_edges() > 30  # the scan sees the imports
    assert list(nx.simple_cycles(graph)) == []


def test_the_query_path_does_not_reach_the_rdflib_modules():
    """store, queries, sparql and their imports never import validate, view or docs."""
    graph = imports()
    reached = set().union(*(nx.descendants(graph, m) for m in ("store", "queries", "sparql", "table")))
    assert reached.isdisjoint({"validate", "view", "docs", "extract", "build", "cli", "serve"})
