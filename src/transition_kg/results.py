"""Render a :class:`~transition_kg.store.QueryResult`.

SELECT and ASK results as a terminal table (labels instead of IRIs), or in the W3C SPARQL
1.1 Query Results formats: JSON, CSV and TSV. Graph results (CONSTRUCT, DESCRIBE) as
Turtle, TriG, N-Triples or JSON-LD. The same code renders results from every store, so
the bytes do not depend on which store answered.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata

from rdflib import BNode, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from .errors import TKGError
from .load import PREFIXES
from .store import QueryResult, Store

ROW_FORMATS = ("table", "csv", "tsv", "json")
GRAPH_FORMATS = {"turtle": "turtle", "ttl": "turtle", "trig": "trig", "nt": "nt", "jsonld": "json-ld"}
CELL_WIDTH = 80


def render(result: QueryResult, fmt: str, store: Store | None = None) -> str:
    """The result as text in ``fmt``; ``store`` supplies labels for the table."""
    if result.kind == "GRAPH":
        fmt = "turtle" if fmt == "table" else fmt
        if fmt not in GRAPH_FORMATS:
            raise TKGError(f"--format {fmt}: a graph result is written as {', '.join(GRAPH_FORMATS)}")
        return result.graph.serialize(format=GRAPH_FORMATS[fmt])
    if fmt not in ROW_FORMATS:
        raise TKGError(f"--format {fmt}: rows are written as {', '.join(ROW_FORMATS)}")
    if fmt == "json":
        return to_json(result)
    if fmt == "csv":
        return to_csv(result)
    if fmt == "tsv":
        return to_tsv(result)
    return to_table(result, labels_for(store, result) if store else {})


# --- W3C formats --------------------------------------------------------------------------

def _json_term(term: Node) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype and term.datatype != XSD.string:
        out["datatype"] = str(term.datatype)
    return out


def to_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if result.kind == "ASK":
        doc = {"head": {}, "boolean": bool(result.boolean)}
    else:
        doc = {"head": {"vars": result.vars}, "results": {"bindings": [
            {v: _json_term(t) for v, t in zip(result.vars, row) if t is not None} for row in result.rows]}}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def to_csv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results CSV: plain values, CRLF line ends, quoted where needed."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if result.kind == "ASK":
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.boolean else "false"])
        return buffer.getvalue()
    writer.writerow(result.vars)
    for row in result.rows:
        writer.writerow(["" if t is None else (f"_:{t}" if isinstance(t, BNode) else str(t)) for t in row])
    return buffer.getvalue()


def _tsv_term(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    text = (str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\r", "\\r").replace("\t", "\\t"))
    if term.language:
        return f'"{text}"@{term.language}'
    if term.datatype and term.datatype not in (XSD.string, RDF.langString):
        return f'"{text}"^^<{term.datatype}>'
    return f'"{text}"'


def to_tsv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results TSV: RDF terms in Turtle syntax, tab-separated."""
    if result.kind == "ASK":
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in result.vars)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


# --- the terminal table --------------------------------------------------------------------

def labels_for(store: Store, result: QueryResult) -> dict[URIRef, str]:
    """English (else any) labels of the IRIs in the result, in one query to the store."""
    iris = sorted({t for row in result.rows for t in row if isinstance(t, URIRef)})
    if not iris:
        return {}
    values = " ".join(i.n3() for i in iris)
    found = store.query(
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX dcterms: <http://purl.org/dc/terms/>\n"
        f"SELECT ?s ?l WHERE {{ VALUES ?s {{ {values} }} GRAPH ?g {{ ?s rdfs:label|dcterms:title ?l }} }}")
    labels: dict[URIRef, tuple[int, str]] = {}
    for s, label in found.rows:
        rank = 0 if getattr(label, "language", None) in ("en", None) else 1
        if s not in labels or (rank, str(label)) < labels[s]:
            labels[s] = (rank, str(label))
    return {s: text for s, (_, text) in labels.items()}


def _cell(term: Node | None, labels: dict[URIRef, str]) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        if term in labels:
            return labels[term]
        for prefix, ns in PREFIXES.items():
            if str(term).startswith(str(ns)):
                return f"{prefix}:{str(term)[len(str(ns)):]}"
        return f"<{term}>"
    text = " ".join(str(term).split())
    return text if len(text) <= CELL_WIDTH else text[: CELL_WIDTH - 1] + "…"


def _width(text: str) -> int:
    """Columns the text takes in a terminal (wide CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def to_table(result: QueryResult, labels: dict[URIRef, str]) -> str:
    """Rows as an aligned text table; IRIs shown by label; long text cut at 80 characters."""
    if result.kind == "ASK":
        return ("yes" if result.boolean else "no") + "\n"
    cells = [[_cell(t, labels) for t in row] for row in result.rows]
    widths = [max([_width(v)] + [_width(r[i]) for r in cells]) for i, v in enumerate(result.vars)]
    line = lambda values: "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths)).rstrip()
    out = [line(result.vars), line(["-" * w for w in widths])] + [line(r) for r in cells]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out) + "\n"
