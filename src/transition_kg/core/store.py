"""The store: the embedded graph or a remote SPARQL 1.1 endpoint, behind one small interface.

Both give a raw answer (:meth:`answer`, what :func:`transition_kg.core.sparql.serialize` writes)
or a read :class:`~transition_kg.core.sparql.QueryResult` (:meth:`query`). The embedded store is
the pyoxigraph store that :func:`transition_kg.core.load.load` fills from the project's files; its
default graph is the union of the project's graphs, as in GraphDB, Virtuoso and Wikidata's
service, and the house prefixes are built in (:func:`run_query`); named queries still name
their graphs, so they run the same on stores configured otherwise.

>>> store = open_store()
>>> store.query("SELECT ?city WHERE { ?city a tkg:City ; tkg:locatedIn tkr:shanxi }").records()
[{'city': 'https://w3id.org/transition-kg/id/datong'}]
>>> store.query("ASK FROM tkr:graph-shared { tkr:datong tkg:locatedIn ?where }").boolean   # FROM chooses
False
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import TKGError
from .load import Loaded, load
from .net import USER_AGENT, EndpointError, endpoint_message, network_errors
from .paths import Project, find_project
from .sparql import (
    QueryResult,
    QuerySyntaxError,
    check_shape,
    names_a_dataset,
    parse_answer,
    query_form,
    read,
    star_in_order,
    syntax_error,
    unknown_prefix,
    unknown_prefix_message,
    with_prefixes,
)
from .vocab import ONTOLOGY_GRAPH_IRI, PREFIXES, TKR_IRI, sparql_prefixes

DEFAULT_TIMEOUT = 60
POST_ABOVE = 1500  # characters: longer queries are sent by POST (URLs stay short)
PAGE = 10_000  # rows a remote read asks for at once (Virtuoso's default cap is 10,000)


QUERY_THREAD = "transition-kg query"


class QueryTimeout(TKGError):
    """A query ran past its time."""


def bounded(work, timeout: float):
    """``work()`` run in a thread; QueryTimeout when it takes longer than ``timeout`` seconds.

    pyoxigraph releases the GIL while it evaluates, so the calling thread stays free: Ctrl-C
    interrupts the wait at once. An abandoned query keeps its (daemon) thread until the
    process ends; the CLI ends at once."""
    import threading

    box: dict = {}

    def run() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # handed to the caller's thread as it is
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True, name=QUERY_THREAD)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise QueryTimeout(f"query stopped: it ran past the {timeout:g} s timeout (--timeout)")
    if "error" in box:
        raise box["error"]
    return box["value"]


class Store:
    """What every store offers: the raw answer to a query, and the answer read."""

    def answer(self, sparql: str):
        """The raw answer (pyoxigraph's QuerySolutions, QueryBoolean, or triples)."""
        raise NotImplementedError

    def query(self, sparql: str) -> QueryResult:
        """The answer, read."""
        return read(self.answer(sparql))

    def labels(self, result: QueryResult) -> dict[str, str]:
        """English (else any) labels or titles of the IRIs in a result, by IRI, in one query."""
        import pyoxigraph as ox

        iris = sorted({t.value for row in result.rows for t in row if isinstance(t, ox.NamedNode)})
        if not iris:
            return {}
        values = " ".join(f"<{i}>" for i in iris)
        # OPTIONAL groups, not the path rdfs:label|dcterms:title: a store seeks them once per
        # IRI, where it evaluates a path on its own, over every label (200 ms at 1M triples)
        found = self.query(
            sparql_prefixes(("rdfs", "dcterms"))
            + f"SELECT ?s ?l ?t WHERE {{ VALUES ?s {{ {values} }} OPTIONAL {{ GRAPH ?g {{ ?s rdfs:label ?l }} }} "
            "OPTIONAL { GRAPH ?h { ?s dcterms:title ?t } } }"
        )
        labels: dict[str, tuple[int, str]] = {}
        for s, *named in found.rows:
            for label in named:
                if label is None:
                    continue
                rank = 0 if getattr(label, "language", None) in ("en", None, "") else 1
                if s.value not in labels or (rank, label.value) < labels[s.value]:
                    labels[s.value] = (rank, label.value)
        return {s: text for s, (_, text) in labels.items()}

    def dataset(self, page: int = PAGE):
        """The project's graphs as an rdflib ``Dataset``, so views work the same on every store:
        the ontology's graph and the graphs named under ``tkr:`` (never a store's own system
        graphs), each read page by page (ORDER BY, LIMIT, OFFSET) and counted first, so a store
        that caps its answers below a page is caught and read in smaller pages."""
        from rdflib import URIRef

        from .load import new_dataset
        from .sparql import rdflib_term

        dataset = new_dataset()
        for name in project_graphs(self):
            total = int(
                self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}").rows[0][0].value
            )
            graph, size, got = dataset.graph(URIRef(name)), page, 0
            while got < total:
                rows = self.query(
                    f"SELECT ?s ?p ?o WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }} ORDER BY ?s ?p ?o "
                    f"LIMIT {size} OFFSET {got}"
                ).rows
                if not rows:
                    raise EndpointError(f"<{name}>: the store gave {got} of its {total} triples, then none")
                size = min(size, len(rows)) if got + len(rows) < total else size  # a cap below the page: follow it
                for s, p, o in rows:
                    graph.add((rdflib_term(s), rdflib_term(p), rdflib_term(o)))
                got += len(rows)
        return dataset


def project_graphs(store: Store) -> list[str]:
    """The graphs of a store that are of a project's kind (the ontology's, those named under
    ``tkr:``), sorted: never a store's own system graphs."""
    if isinstance(store, EmbeddedStore):  # the store's list, not a walk over every statement
        names = {g.value for g in store.store.named_graphs() if g.value is not None}
    else:
        found = store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        names = {row[0].value for row in found.rows if row and row[0] is not None}
    return sorted(g for g in names if g == ONTOLOGY_GRAPH_IRI or g.startswith(TKR_IRI))


def run_query(
    store,
    sparql: str,
    default_graphs: list[str] | None = None,
    named_graphs: list[str] | None = None,
    base_iri: str | None = None,
):
    """Run a query on a pyoxigraph store as the project's stores answer (the embedded store and
    the endpoint's workers): the house prefixes built in (the query's own PREFIX wins), the
    default graph the union of every graph unless the query (FROM) or the caller names the
    dataset, and ``SELECT *`` in the order the variables first appear."""
    import pyoxigraph as ox

    check_shape(sparql)
    union = not default_graphs and not named_graphs and not names_a_dataset(sparql)

    def run(text: str):
        return store.query(
            text,
            prefixes=PREFIXES,
            base_iri=base_iri,
            use_default_graph_as_union=union,
            default_graph=[ox.NamedNode(g) for g in default_graphs] if default_graphs else None,
            named_graphs=[ox.NamedNode(g) for g in named_graphs] if named_graphs else None,
        )

    try:
        raw = run(sparql)
        if isinstance(raw, ox.QuerySolutions):
            ordered = star_in_order(sparql, [v.value for v in raw.variables])
            if ordered:
                raw = run(ordered)
        return raw
    except SyntaxError as exc:
        raise syntax_error(exc, sparql) from None


def describe_by_graph(store, sparql: str) -> list:
    """A DESCRIBE's statements as quads: each with the graph that states it (the description
    made graph by graph, so a blank node's statements stay with their graph)."""
    import pyoxigraph as ox

    return [
        ox.Quad(t.subject, t.predicate, t.object, graph)
        for graph in sorted(store.named_graphs(), key=str)
        for t in run_query(store, sparql, default_graphs=[graph.value])
    ]


class EmbeddedStore(Store):
    """The project's graph in a pyoxigraph store (with the inferred graph); see :func:`run_query`."""

    def __init__(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.store = loaded.store

    def answer(self, sparql: str):
        return run_query(self.store, sparql)

    def dataset(self, page: int = PAGE):
        """The project's graphs, as loaded (an rdflib copy, made once)."""
        return self.loaded.dataset

    def entities_labelled(self, text: str) -> list | None:
        """The IRIs whose labels hold ``text`` (any case), from the label index; None when
        the index cannot say (a blank node has a label)."""
        import pyoxigraph as ox

        index = self.loaded.text_index
        return [ox.NamedNode(iri) for iri in index.search(text)] if index.complete else None


class RemoteStore(Store):
    """A SPARQL 1.1 Protocol endpoint, queried with SPARQLWrapper (GET, or POST when long);
    its answers parsed by pyoxigraph, as the embedded store's are read."""

    def __init__(self, endpoint: str, timeout: float = DEFAULT_TIMEOUT, creds=None) -> None:
        if not re.match(r"^https?://[^\s/@]+(/|$)", endpoint):
            raise EndpointError(f"--endpoint {endpoint}: not an http(s) URL (a user goes in --user, not in the URL)")
        self.endpoint, self.timeout, self.creds = endpoint, timeout, creds
        self._authorizer = None

    def answer(self, sparql: str):
        from SPARQLWrapper import GET, JSON, POST, TURTLE, URLENCODED, SPARQLWrapper

        form = query_form(sparql)
        if form is None:
            raise QuerySyntaxError(1, 1, "not a query (SELECT, ASK, CONSTRUCT or DESCRIBE)")
        missing = unknown_prefix(sparql, PREFIXES)
        if missing is not None:
            raise QuerySyntaxError(1, 1, unknown_prefix_message(missing))
        client = SPARQLWrapper(self.endpoint, agent=USER_AGENT)
        client.setQuery(with_prefixes(sparql, PREFIXES))
        # SPARQLWrapper guesses the form from the first keyword anywhere, comments included: a
        # comment saying "removed" made a SELECT a MOVE, sent as an update. Ours is read lexically.
        client.queryType = form
        # setTimeout() truncates to int, which turns a sub-second timeout into none at all
        client.timeout = self.timeout
        client.setMethod(POST if len(sparql) > POST_ABOVE else GET)
        client.setRequestMethod(URLENCODED)
        client.setReturnFormat(TURTLE if form in ("CONSTRUCT", "DESCRIBE") else JSON)
        if self.creds is not None:
            # Authorized here, not by SPARQLWrapper's DIGEST mode (which installs a process-wide
            # urllib opener): POST to the endpoint's own URL, so the digest covers that URI.
            import urllib.request

            from .net import Authorizer

            if self._authorizer is None:
                self._authorizer = Authorizer(self.endpoint, self.creds, self.timeout)
            client.setMethod(POST)
            header = self._authorizer.header(urllib.request.Request(self.endpoint, data=b"", method="POST"))
            if header:
                client.addCustomHttpHeader("Authorization", header)
        body, media_type = self._call(client)
        return parse_answer(body, media_type, self.endpoint)

    def _call(self, client) -> tuple[bytes, str]:
        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException, Unauthorized

        with network_errors(self.endpoint, self.timeout):
            try:
                response = client.query()
                body, media_type = response.response.read(), response.info().get("content-type", "")
                cap = response.info().get("x-sparql-maxrows")  # (SPARQLWrapper keeps header names in lower case)
                if cap and cap.isdigit() and media_type.startswith("application/sparql-results+json"):
                    import json

                    if len(json.loads(body).get("results", {}).get("bindings", [])) >= int(cap):
                        raise EndpointError(
                            f"{self.endpoint}: the store cut the answer at its limit of {cap} rows "
                            f"(X-SPARQL-MaxRows): ask for less (LIMIT, OFFSET), or raise its limit"
                        )
                return body, media_type
            except Unauthorized:
                who = f"the credentials of --user {self.creds.user}" if self.creds else "a request without credentials"
                raise EndpointError(f"{self.endpoint}: HTTP 401 Unauthorized: the server refused {who}") from None
            except SPARQLWrapperException as exc:
                raise EndpointError(f"{self.endpoint}: {endpoint_message(exc)}") from None


def open_store(
    project: Project | str | Path | None = None,
    endpoint: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    store_dir: Path | None = None,
    user: str | None = None,
) -> Store:
    """The remote endpoint when one is named (as ``user``, see :mod:`transition_kg.core.net`);
    else the embedded store of the project (found as :func:`transition_kg.core.paths.find_project`
    does), in memory or on disk in ``store_dir``."""
    if endpoint:
        from .net import credentials

        return RemoteStore(endpoint, timeout, credentials(endpoint, user))
    if not isinstance(project, Project):
        project = find_project(project)
    return EmbeddedStore(load(project, store_dir))
