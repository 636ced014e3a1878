"""Push the built dataset into an existing triplestore.

Each named graph goes in one request that replaces it whole, so a store that runs each
request as a transaction (Oxigraph, Fuseki) never shows a half-written graph: after a
failure the graph already there stays as it was. Pushing twice leaves the same data.

- with a Graph Store Protocol URL (``--store``): ``PUT STORE?graph=IRI`` with N-Triples;
- otherwise, to the update endpoint: ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { … } }``.

Afterwards every graph's triple count is read back through the query endpoint and compared.
"""

from __future__ import annotations

import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Callable

from rdflib import Dataset, Graph, URIRef

from .load import ONTOLOGY_GRAPH
from .store import DEFAULT_TIMEOUT, USER_AGENT, EndpointError, RemoteStore, network_errors


@dataclass(frozen=True)
class Pushed:
    """One graph pushed: its name and triple count."""

    graph: URIRef
    triples: int


def _request(url: str, data: bytes, content_type: str, method: str, timeout: float) -> None:
    """Send one request; raise EndpointError with the server's message on failure."""
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"Content-Type": content_type, "User-Agent": USER_AGENT})
    with network_errors(url, timeout), urllib.request.urlopen(request, timeout=timeout) as response:
        response.read()


def replace_graph(name: URIRef, ntriples: bytes, update_endpoint: str, store: str | None = None,
                  timeout: float = DEFAULT_TIMEOUT) -> None:
    """Replace graph ``name`` on the server with ``ntriples``, in one request."""
    if store:
        sep = "&" if "?" in store else "?"
        url = f"{store}{sep}{urllib.parse.urlencode({'graph': str(name)})}"
        _request(url, ntriples, "application/n-triples", "PUT", timeout)
        return
    update = (f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n"
              + ntriples.decode("utf-8") + "}}")
    body = urllib.parse.urlencode({"update": update}).encode("ascii")
    _request(update_endpoint, body, "application/x-www-form-urlencoded", "POST", timeout)


def _ntriples(graph: Graph) -> bytes:
    return graph.serialize(format="nt", encoding="utf-8")


def push(dataset: Dataset, query_endpoint: str, update_endpoint: str, store: str | None = None,
         timeout: float = DEFAULT_TIMEOUT, progress: Callable[[URIRef, int], None] | None = None) -> list[Pushed]:
    """Replace every named graph of ``dataset`` on the server, then check the counts there."""
    graphs = sorted((g for g in dataset.graphs() if len(g) and g.identifier != dataset.default_graph.identifier),
                    key=lambda g: (g.identifier != ONTOLOGY_GRAPH, str(g.identifier)))
    pushed = []
    for graph in graphs:
        if progress:
            progress(graph.identifier, len(graph))
        replace_graph(graph.identifier, _ntriples(graph), update_endpoint, store, timeout)
        pushed.append(Pushed(graph.identifier, len(graph)))
    counts = RemoteStore(query_endpoint, timeout).query(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    there = {g: int(n) for g, n in counts.rows}
    for item in pushed:
        if there.get(item.graph) != item.triples:
            raise EndpointError(f"{query_endpoint}: graph <{item.graph}> holds {there.get(item.graph, 0)} triples "
                                f"after the push, not {item.triples}")
    return pushed
