"""SELECT and ASK results as a terminal table: IRIs shown by their labels (fetched from the
store in one query), long text cut, wide (CJK) characters counted as two columns."""

from __future__ import annotations

import unicodedata

from .sparql import QueryResult
from .store import Store
from .vocab import curie, sparql_prefixes

CELL_WIDTH = 80


def labels_for(store: Store, result: QueryResult) -> dict[str, str]:
    """English (else any) labels of the IRIs in the result, by IRI, in one query to the store."""
    import pyoxigraph as ox

    iris = sorted({t.value for row in result.rows for t in row if isinstance(t, ox.NamedNode)})
    if not iris:
        return {}
    values = " ".join(f"<{i}>" for i in iris)
    found = store.query(sparql_prefixes(("rdfs", "dcterms")) +
                        f"SELECT ?s ?l WHERE {{ VALUES ?s {{ {values} }} GRAPH ?g {{ ?s rdfs:label|dcterms:title ?l }} }}")
    labels: dict[str, tuple[int, str]] = {}
    for s, label in found.rows:
        rank = 0 if getattr(label, "language", None) in ("en", None) else 1
        if s.value not in labels or (rank, label.value) < labels[s.value]:
            labels[s.value] = (rank, label.value)
    return {s: text for s, (_, text) in labels.items()}


def _cell(term, labels: dict[str, str]) -> str:
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return labels.get(term.value) or curie(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    text = " ".join(term.value.split())
    return text if len(text) <= CELL_WIDTH else text[: CELL_WIDTH - 1] + "…"


def _width(text: str) -> int:
    """Columns the text takes in a terminal (wide CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def to_table(result: QueryResult, labels: dict[str, str]) -> str:
    """Rows as an aligned text table; IRIs shown by label; long text cut at 80 characters."""
    if result.kind == "ASK":
        return ("yes" if result.boolean else "no") + "\n"
    cells = [[_cell(t, labels) for t in row] for row in result.rows]
    widths = [max([_width(v)] + [_width(r[i]) for r in cells]) for i, v in enumerate(result.vars)]
    line = lambda values: "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths)).rstrip()
    out = [line(result.vars), line(["-" * w for w in widths])] + [line(r) for r in cells]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out) + "\n"
