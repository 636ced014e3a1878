"""Push the project into an existing triplestore.

Each named graph (the ontology, every article, shared, background and inferred) goes in one
request that replaces it whole, so a store that runs each request as a transaction
(Oxigraph, Fuseki) never shows a half-written graph: after a failure the graph already there
stays as it was. Pushing twice leaves the same data.

- with a Graph Store Protocol URL (``--store``): ``PUT STORE?graph=IRI`` with N-Triples;
- otherwise, to the update endpoint: ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { … } }``.

Afterwards every graph's triple count is read back through the query endpoint and compared.
"""

from __future__ import annotations

import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

from ..core.load import Loaded
from ..core.net import USER_AGENT, Authorizer, Credentials, EndpointError, network_errors
from ..core.store import DEFAULT_TIMEOUT, RemoteStore, project_graphs
from ..core.vocab import GENID_IRI, ONTOLOGY_GRAPH_IRI

UPDATE_CHUNK = 500  # triples per INSERT DATA operation


@dataclass(frozen=True)
class Pushed:
    """One graph pushed: its name and triple count."""

    graph: str
    triples: int


def _request(
    url: str, data: bytes, content_type: str, method: str, timeout: float, authorizer: Authorizer | None = None
) -> None:
    """Send one request (authorized before it is sent); EndpointError with the server's message
    on failure."""
    request = urllib.request.Request(
        url, data=data, method=method, headers={"Content-Type": content_type, "User-Agent": USER_AGENT}
    )
    header = authorizer.header(request) if authorizer else None
    if header:
        request.add_unredirected_header("Authorization", header)
    with network_errors(url, timeout), urllib.request.urlopen(request, timeout=timeout) as response:
        response.read()


def replace_graph(
    name: str,
    ntriples: bytes,
    update_endpoint: str,
    store: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    authorizer: Authorizer | None = None,
) -> None:
    """Replace graph ``name`` on the server with ``ntriples``, in one request."""
    if store:
        sep = "&" if "?" in store else "?"
        url = f"{store}{sep}{urllib.parse.urlencode({'graph': name})}"
        _request(url, ntriples, "application/n-triples", "PUT", timeout, authorizer)
        return
    lines = ntriples.decode("utf-8").splitlines(keepends=True)
    # one request (one transaction where the store gives one), its data in operations of at most
    # UPDATE_CHUNK triples: Virtuoso compiles each operation to SQL and refuses one too long
    update = f"DROP SILENT GRAPH <{name}>" + "".join(
        f" ;\nINSERT DATA {{ GRAPH <{name}> {{\n" + "".join(lines[i : i + UPDATE_CHUNK]) + "}}"
        for i in range(0, len(lines), UPDATE_CHUNK)
    )
    body = urllib.parse.urlencode({"update": update}).encode("ascii")
    _request(update_endpoint, body, "application/x-www-form-urlencoded", "POST", timeout, authorizer)


def graphs(loaded: Loaded) -> dict[str, list]:
    """The project's named graphs (the inferred one included) as lists of triples, the
    ontology first; blank nodes as skolem IRIs (:data:`~transition_kg.core.vocab.GENID_IRI`),
    which every store takes in every route, and which come back as blank nodes."""
    import pyoxigraph as ox

    def skolem(term):
        return ox.NamedNode(GENID_IRI + term.value) if isinstance(term, ox.BlankNode) else term

    found: dict[str, list] = {}
    for quad in loaded.store.quads_for_pattern(None, None, None, None):
        if isinstance(quad.graph_name, ox.NamedNode):
            found.setdefault(quad.graph_name.value, []).append(
                ox.Triple(skolem(quad.subject), quad.predicate, skolem(quad.object))
            )
    return dict(sorted(found.items(), key=lambda item: (item[0] != ONTOLOGY_GRAPH_IRI, item[0])))


def stale_graphs(query_endpoint: str, pushed: list[str], timeout: float, creds: Credentials | None = None) -> list[str]:
    """The project's kind of graphs on the server (the ontology's, those under ``tkr:``) that
    the project no longer has: what ``--prune`` removes."""
    return [g for g in project_graphs(RemoteStore(query_endpoint, timeout, creds)) if g not in pushed]


def remove_graph(
    name: str,
    update_endpoint: str,
    store: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    authorizer: Authorizer | None = None,
) -> None:
    """Remove graph ``name`` from the server, in one request."""
    if store:
        sep = "&" if "?" in store else "?"
        _request(
            f"{store}{sep}{urllib.parse.urlencode({'graph': name})}",
            b"",
            "application/n-triples",
            "DELETE",
            timeout,
            authorizer,
        )
        return
    body = urllib.parse.urlencode({"update": f"DROP SILENT GRAPH <{name}>"}).encode("ascii")
    _request(update_endpoint, body, "application/x-www-form-urlencoded", "POST", timeout, authorizer)


def push(
    loaded: Loaded,
    query_endpoint: str,
    update_endpoint: str,
    store: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    progress: Callable[[str, int], None] | None = None,
    creds: Credentials | None = None,
    prune: bool = False,
) -> list[Pushed]:
    """Replace every named graph of the project on the server, then check the counts there;
    with ``creds``, every request is authorized as the server asks (Basic or Digest); with
    ``prune``, the project's kind of graphs that the project no longer has are removed (each
    reported to ``progress`` with -1 triples)."""
    import pyoxigraph as ox

    authorizer = Authorizer(store or update_endpoint, creds, timeout) if creds else None
    pushed = []
    for name, triples in graphs(loaded).items():
        if progress:
            progress(name, len(triples))
        replace_graph(
            name, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), update_endpoint, store, timeout, authorizer
        )
        pushed.append(Pushed(name, len(triples)))
    if prune:
        for name in stale_graphs(query_endpoint, [p.graph for p in pushed], timeout, creds):
            if progress:
                progress(name, -1)
            remove_graph(name, update_endpoint, store, timeout, authorizer)
    counts = RemoteStore(query_endpoint, timeout, creds).query(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    )
    there = {g.value: int(n.value) for g, n in counts.rows}
    for item in pushed:
        if there.get(item.graph) != item.triples:
            raise EndpointError(
                f"{query_endpoint}: graph <{item.graph}> holds {there.get(item.graph, 0)} triples "
                f"after the push, not {item.triples}"
            )
    return pushed
