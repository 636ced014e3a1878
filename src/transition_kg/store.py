"""The store: the embedded graph or a remote SPARQL 1.1 endpoint, behind one ``query``.

Both answer with a :class:`QueryResult`. The embedded store queries a dataset whose
default graph is empty, like Oxigraph's and Fuseki's defaults, so a query gives the same
rows on both: name graphs with ``GRAPH ?g { ... }``.

>>> store = open_store()
>>> store.query("ASK { GRAPH ?g { ?s ?p ?o } }").boolean
True
>>> store.query("ASK { ?s ?p ?o }").boolean        # the default graph is empty
False
"""

from __future__ import annotations

import ast
import re
from contextlib import contextmanager
import socket
import urllib.error
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from . import __version__
from .errors import TKGError
from .load import PREFIXES, Loaded, load_project
from .paths import Project, find_project

USER_AGENT = f"transition-kg/{__version__} (+https://w3id.org/transition-kg)"
DEFAULT_TIMEOUT = 60
POST_ABOVE = 1500  # characters: longer queries are sent by POST (URLs stay short)


class QuerySyntaxError(TKGError):
    """A query that does not parse; ``str()`` is ``SOURCE:LINE:COLUMN: syntax error: ...``."""

    def __init__(self, line: int, column: int, message: str, source: str = "query") -> None:
        self.line, self.column, self.message, self.source = line, column, message, source
        super().__init__(f"{source}:{line}:{column}: syntax error: {message}")

    def named(self, source: str) -> "QuerySyntaxError":
        """The same error, naming the file the query came from."""
        return QuerySyntaxError(self.line, self.column, self.message, source)


class EndpointError(TKGError):
    """A remote endpoint could not be reached, timed out, or refused the request."""


@dataclass
class QueryResult:
    """What a query returns: rows (SELECT), a boolean (ASK) or a graph (CONSTRUCT, DESCRIBE)."""

    kind: str  # "SELECT", "ASK" or "GRAPH"
    vars: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None

    def dicts(self) -> list[dict[str, Node]]:
        """SELECT rows as dicts from variable name to RDF term (unbound variables left out)."""
        return [{v: t for v, t in zip(self.vars, row) if t is not None} for row in self.rows]

    def records(self) -> list[dict[str, object]]:
        """SELECT rows as dicts of plain Python values: IRIs as str, numbers as int or
        Decimal, years and other literals as their text; unbound variables as None."""
        def plain(term: Node | None) -> object:
            if term is None or isinstance(term, (URIRef, BNode)):
                return None if term is None else str(term)
            value = term.toPython()
            return value if isinstance(value, (int, float, bool)) or type(value).__name__ == "Decimal" else str(term)
        return [{v: plain(t) for v, t in zip(self.vars, row)} for row in self.rows]


class Store(Protocol):
    """What every store offers."""

    def query(self, sparql: str) -> QueryResult: ...


_EMPTY = None
_FORMS = {"QuerySolutions": "SELECT", "QueryBoolean": "ASK", "QueryTriples": "CONSTRUCT"}


def syntax_error(exc: SyntaxError, sparql: str) -> QuerySyntaxError:
    """A QuerySyntaxError for a query Oxigraph rejected. Errors are rare, so rdflib's parser is
    asked to explain (its positions and words are clearer); if it accepts the query, Oxigraph's
    "error at LINE:COL: message" is given, on one line."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parseQuery(sparql)
    except ParseException as rdflib_error:
        return QuerySyntaxError(rdflib_error.lineno, rdflib_error.col, rdflib_error.msg)
    match = re.match(r"error at (\d+):(\d+): (.*)", exc.msg or str(exc), re.S)
    if not match:
        return QuerySyntaxError(1, 1, " ".join(str(exc).split())[:200])
    message = " ".join(match.group(3).split())
    return QuerySyntaxError(int(match.group(1)), int(match.group(2)), message if len(message) <= 160 else message[:159] + "…")


def query_form(sparql: str) -> str:
    """SELECT, ASK or CONSTRUCT (also for DESCRIBE); raise QuerySyntaxError (line, column) if it
    does not parse. Oxigraph parses it against an empty store (a few microseconds)."""
    import pyoxigraph as ox

    global _EMPTY
    _EMPTY = _EMPTY or ox.Store()
    try:
        return _FORMS[type(_EMPTY.query(sparql)).__name__]
    except SyntaxError as exc:
        raise syntax_error(exc, sparql) from None


ENGINES = ("oxigraph", "memory")


class LocalStore:
    """The embedded store over the project's dataset, default graph empty.

    ``engine="oxigraph"`` (the default) answers with pyoxigraph, in memory; ``"memory"``
    answers with rdflib's own SPARQL engine over its Memory store (slower; kept to compare).
    """

    def __init__(self, dataset: Dataset, engine: str = "oxigraph") -> None:
        if engine not in ENGINES:
            raise TKGError(f"--engine {engine}: choose one of {', '.join(ENGINES)}")
        self.engine = engine
        self.dataset = Dataset(store=dataset.store, default_union=False)
        for prefix, ns in PREFIXES.items():
            self.dataset.bind(prefix, ns)
        self._ox = _to_oxigraph(dataset) if engine == "oxigraph" else None

    def query(self, sparql: str) -> QueryResult:
        if self._ox is not None:
            return _oxigraph_query(self._ox, sparql)
        form = query_form(sparql)
        from pyparsing import ParseException

        try:
            result = self.dataset.query(sparql)
        except ParseException as exc:  # what rdflib's parser rejects although Oxigraph's accepts
            raise QuerySyntaxError(exc.lineno, exc.col, f"rdflib: {exc.msg}") from None
        if form == "ASK":
            return QueryResult("ASK", boolean=bool(result.askAnswer))
        if form == "SELECT":
            names = [str(v) for v in result.vars]
            return QueryResult("SELECT", names, [tuple(row[v] for v in result.vars) for row in result])
        return QueryResult("GRAPH", graph=_graph(result))


def _graph(triples) -> Graph:
    graph = Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    for triple in triples:
        graph.add(triple)
    return graph


def _to_oxigraph(dataset: Dataset):
    """A pyoxigraph in-memory store holding the dataset's named graphs."""
    import pyoxigraph as ox

    def term(t):
        if isinstance(t, URIRef):
            return ox.NamedNode(str(t))
        if isinstance(t, BNode):
            return ox.BlankNode(str(t))
        if t.language:
            return ox.Literal(str(t), language=t.language)
        return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype))) if t.datatype else ox.Literal(str(t))

    store = ox.Store()
    store.bulk_extend(ox.Quad(term(s), term(p), term(o), term(g.identifier if isinstance(g, Graph) else g))
                      for s, p, o, g in dataset.quads((None, None, None, None))
                      if g is not None and (g.identifier if isinstance(g, Graph) else g) != dataset.default_graph.identifier)
    return store


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _from_oxigraph(t) -> Node | None:
    import pyoxigraph as ox

    if t is None:
        return None
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if t.language:
        return Literal(t.value, lang=t.language)
    datatype = t.datatype.value
    return Literal(t.value) if datatype == _XSD_STRING else Literal(t.value, datatype=URIRef(datatype))


def _oxigraph_query(store, sparql: str) -> QueryResult:
    try:
        result = store.query(sparql)
    except SyntaxError as exc:
        raise syntax_error(exc, sparql) from None
    form = _FORMS[type(result).__name__]
    if form == "ASK":
        return QueryResult("ASK", boolean=bool(result))
    if form == "SELECT":
        names = [v.value for v in result.variables]
        return QueryResult("SELECT", names, [tuple(_from_oxigraph(row[n]) for n in names) for row in result])
    return QueryResult("GRAPH", graph=_graph((_from_oxigraph(t.subject), _from_oxigraph(t.predicate), _from_oxigraph(t.object))
                                             for t in result))


class RemoteStore:
    """A SPARQL 1.1 Protocol endpoint, queried with SPARQLWrapper (GET, or POST when long)."""

    def __init__(self, endpoint: str, timeout: float = DEFAULT_TIMEOUT) -> None:
        if not re.match(r"^https?://[^\s/]+", endpoint):
            raise EndpointError(f"--endpoint {endpoint}: not an http(s) URL")
        self.endpoint, self.timeout = endpoint, timeout

    def query(self, sparql: str) -> QueryResult:
        from SPARQLWrapper import GET, JSON, POST, TURTLE, URLENCODED, SPARQLWrapper

        form = query_form(sparql)
        client = SPARQLWrapper(self.endpoint, agent=USER_AGENT)
        client.setQuery(sparql)
        # setTimeout() truncates to int, which turns a sub-second timeout into none at all
        client.timeout = self.timeout
        client.setMethod(POST if len(sparql) > POST_ABOVE else GET)
        client.setRequestMethod(URLENCODED)
        client.setReturnFormat(TURTLE if form in ("CONSTRUCT", "DESCRIBE") else JSON)
        body = self._call(client)
        if form in ("CONSTRUCT", "DESCRIBE"):
            graph = Graph()
            for prefix, ns in PREFIXES.items():
                graph.bind(prefix, ns)
            graph.parse(data=body, format="turtle")
            return QueryResult("GRAPH", graph=graph)
        return results_from_json(body)

    def _call(self, client):
        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

        with network_errors(self.endpoint, self.timeout):
            try:
                return client.query().convert()
            except SPARQLWrapperException as exc:
                raise EndpointError(f"{self.endpoint}: {_endpoint_message(exc)}") from None


@contextmanager
def network_errors(url: str, timeout: float):
    """Turn what the network raises (refused, reset, timed out, HTTP errors) into one-line
    EndpointErrors naming ``url``."""
    try:
        yield
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()
        raise EndpointError(f"{url}: HTTP {exc.code} {exc.reason}" + (f": {detail[0][:300]}" if detail else "")) from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (socket.timeout, TimeoutError)):
            raise EndpointError(f"{url}: no answer within {timeout:g} s (timeout)") from None
        raise EndpointError(f"{url}: cannot connect ({_reason(exc.reason)})") from None
    except (socket.timeout, TimeoutError):
        raise EndpointError(f"{url}: no answer within {timeout:g} s (timeout)") from None
    except OSError as exc:
        raise EndpointError(f"{url}: connection failed ({_reason(exc)})") from None


def _reason(reason: object) -> str:
    return getattr(reason, "strerror", None) or str(reason)


def _endpoint_message(exc: Exception) -> str:
    """SPARQLWrapper puts the server's reply in its message; give its first meaningful line."""
    text = str(exc)
    head = text.split(":", 1)[0]
    match = re.search(r"Response:\n(b?'.*'|b?\".*\")", text, re.S)
    if match:
        body = ast.literal_eval(match.group(1))
        body = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
        first = next((line.strip() for line in body.splitlines() if line.strip()), "")
        return f"{head}: {first}"[:500]
    return text.splitlines()[0]


def results_from_json(data: dict) -> QueryResult:
    """A W3C SPARQL 1.1 Query Results JSON document as a QueryResult."""
    if "boolean" in data:
        return QueryResult("ASK", boolean=bool(data["boolean"]))
    names = list(data["head"].get("vars", []))
    rows = [tuple(term_from_json(binding.get(v)) for v in names) for binding in data["results"]["bindings"]]
    return QueryResult("SELECT", names, rows)


def term_from_json(value: dict | None) -> Node | None:
    if value is None:
        return None
    kind = value["type"]
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    return Literal(value["value"], lang=value.get("xml:lang"),
                   datatype=URIRef(value["datatype"]) if value.get("datatype") else None)


def local_dataset(loaded: Loaded) -> Dataset:
    """The loaded dataset with the inferred graph the queries rely on (recomputed)."""
    from .build import add_inferred

    add_inferred(loaded.dataset)
    return loaded.dataset


class OxigraphStore:
    """The embedded store when it is loaded straight from the project's files (no rdflib copy)."""

    engine = "oxigraph"

    def __init__(self, store) -> None:
        self.store = store

    def query(self, sparql: str) -> QueryResult:
        return _oxigraph_query(self.store, sparql)


_PREFIXES = ("PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
             "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX tkg: <https://w3id.org/transition-kg/ontology#> ")
_INFER_ONCE = [
    # superclass types (as build.infer: from every graph, against the ontology's subClassOf)
    "INSERT { GRAPH <{inf}> { ?s a ?sup } } WHERE { GRAPH ?g { ?s a ?c } FILTER(?g != <{inf}>) "
    "GRAPH <{onto}> { ?c rdfs:subClassOf+ ?sup } FILTER NOT EXISTS { GRAPH ?h { ?s a ?sup } } }",
    "INSERT { GRAPH <{inf}> { ?a skos:broaderTransitive ?b } } WHERE { GRAPH ?g { ?a skos:broader ?b } FILTER(?a != ?b) }",
]
_INFER_UNTIL_STABLE = [
    # relations that cross graphs: extended one step at a time until nothing is added
    "INSERT { GRAPH <{inf}> { ?a tkg:locatedIn ?c } } WHERE { GRAPH ?g1 { ?a tkg:locatedIn ?b } "
    "GRAPH ?g2 { ?b tkg:locatedIn ?c } FILTER(?a != ?c) FILTER NOT EXISTS { GRAPH ?h { ?a tkg:locatedIn ?c } } }",
    "INSERT { GRAPH <{inf}> { ?a skos:broaderTransitive ?c } } WHERE { GRAPH <{inf}> { ?a skos:broaderTransitive ?b . "
    "?b skos:broaderTransitive ?c } FILTER(?a != ?c) FILTER NOT EXISTS { GRAPH <{inf}> { ?a skos:broaderTransitive ?c } } }",
]


def infer_oxigraph(store) -> None:
    """Compute ``tkr:graph-inferred`` inside an Oxigraph store: the same triples as
    :func:`transition_kg.build.infer`, by SPARQL Update."""
    import pyoxigraph as ox

    from .load import INFERRED_GRAPH, ONTOLOGY_GRAPH

    inferred = ox.NamedNode(str(INFERRED_GRAPH))
    store.remove_graph(inferred) if store.contains_named_graph(inferred) else None
    fill = lambda update: _PREFIXES + update.replace("{inf}", str(INFERRED_GRAPH)).replace("{onto}", str(ONTOLOGY_GRAPH))
    for update in _INFER_ONCE:
        store.update(fill(update))
    while True:
        before = sum(1 for _ in store.quads_for_pattern(None, None, None, inferred))
        for update in _INFER_UNTIL_STABLE:
            store.update(fill(update))
        if sum(1 for _ in store.quads_for_pattern(None, None, None, inferred)) == before:
            return


def load_oxigraph(project: Project, store_dir: Path | None = None):
    """An Oxigraph store loaded straight from the project's files, with the inferred graph.

    In memory by default; with ``store_dir``, on disk and kept between runs: it is reused
    while the project's files are unchanged (a fingerprint of them is kept beside it) and
    reloaded when they change.
    """
    import hashlib

    import pyoxigraph as ox

    from .errors import ParseError
    from .load import ONTOLOGY_GRAPH

    ontology_files = project.ontology_files()
    files = ontology_files + project.graph_files()
    digest = hashlib.sha256()
    for path in files:
        digest.update(project.display(path).encode() + b"\0" + path.read_bytes() + b"\0")
    fingerprint = digest.hexdigest()
    marker = Path(store_dir) / "transition-kg.fingerprint" if store_dir else None
    if store_dir:
        Path(store_dir).mkdir(parents=True, exist_ok=True)
        try:
            store = ox.Store(str(store_dir))
        except OSError:
            import gc

            gc.collect()  # an earlier store on the same folder, in this process, may await collection
            try:
                store = ox.Store(str(store_dir))
            except OSError as exc:
                raise TKGError(f"--store-dir {store_dir}: cannot open the store; is another process using it? "
                               f"({str(exc).splitlines()[0][:200]})") from None
        if marker.is_file() and marker.read_text() == fingerprint:
            return store
        store.clear()
    else:
        store = ox.Store()
    ontology = ox.NamedNode(str(ONTOLOGY_GRAPH))
    for path in files:
        try:
            if path in ontology_files:
                store.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ontology)
            else:
                store.load(path=str(path), format=ox.RdfFormat.TRIG)
        except SyntaxError as exc:
            raise ParseError(project.display(path), exc.lineno, f"syntax error: {exc.msg}") from None
    infer_oxigraph(store)
    if marker is not None:
        from .build import write_atomic

        store.flush()
        write_atomic(marker, fingerprint.encode())
    return store


def open_store(project: Project | str | Path | None = None, endpoint: str | None = None,
               timeout: float = DEFAULT_TIMEOUT, engine: str = "oxigraph", store_dir: Path | None = None) -> Store:
    """The remote endpoint when one is named; else the embedded store of the project: Oxigraph
    loaded straight from the files (on disk in ``store_dir`` when given), or with
    ``engine="memory"`` rdflib's Memory store and SPARQL engine."""
    if endpoint:
        return RemoteStore(endpoint, timeout)
    if engine not in ENGINES:
        raise TKGError(f"--engine {engine}: choose one of {', '.join(ENGINES)}")
    if not isinstance(project, Project):
        project = find_project(project)
    if engine == "memory":
        if store_dir:
            raise TKGError("--store-dir works with the oxigraph engine only")
        return LocalStore(local_dataset(load_project(project)), engine)
    return OxigraphStore(load_oxigraph(project, store_dir))
