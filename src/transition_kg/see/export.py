"""The view's graph for Gephi and Cytoscape: GraphML or GEXF."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.files import write_atomic
from .catalog import ViewError
from .graph import alone

if TYPE_CHECKING:
    from .viewgraph import Graph

FORMATS = {"graphml": "write_graphml", "gexf": "write_gexf"}  # networkx's writer of each


def _flat(data: dict[str, Any]) -> dict[str, Any]:
    """Attributes as the formats hold them: lists joined with newlines, no None."""
    return {k: "\n".join(v) if isinstance(v, list) else v for k, v in data.items() if v is not None}


def export(graph: Graph, path: Path, fmt: str) -> None:
    """Write the graph as GraphML or GEXF (lists joined with newlines), atomically. Every edge
    has an id of its own (``e0``, ``e1``, …; the property is an attribute): Gephi keeps only
    the first edge of an id it has seen. A view opened on an article's story exports that story
    alone. networkx writes the file (imported here, not by the view)."""
    import networkx as nx

    graph = alone(graph)
    if fmt not in FORMATS:
        raise ViewError("no such format", option="format", value=fmt, choices=list(FORMATS))
    flat = nx.MultiDiGraph()
    for n, data in graph.nodes(data=True):  # the card is the page's; a year only where there is one
        flat.add_node(n, **_flat(data))
    for i, (a, b, data) in enumerate(graph.edges(data=True)):
        flat.add_edge(a, b, key=f"e{i}", **_flat(data))
    buffer = io.BytesIO()
    getattr(nx, FORMATS[fmt])(flat, buffer)
    write_atomic(Path(path), buffer.getvalue())
