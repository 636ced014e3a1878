"""Push the project into an existing triplestore.

Each named graph (the ontology, every article, shared, background and inferred) goes in one
request that replaces it whole (:meth:`~transition_kg.core.store.Store.replace_graph`), so a
store that runs each request as a transaction (Oxigraph, Fuseki) never shows a half-written
graph: after a failure the graph already there stays as it was. Pushing twice leaves the same
data. A remote store writes with a Graph Store Protocol ``PUT`` (``--store``) or else SPARQL
Update (see :mod:`transition_kg.core.stores.remote`).

Afterwards every graph's triple count is read back from the store and compared.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..core.load import Loaded
from ..core.net import Credentials, EndpointError
from ..core.store import DEFAULT_TIMEOUT, RemoteStore, Store
from ..core.vocab import GENID_IRI, ONTOLOGY_GRAPH_IRI, curie


@dataclass(frozen=True)
class Pushed:
    """One graph pushed: its name and triple count."""

    graph: str
    triples: int


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


def stale_graphs(store: Store, pushed: list[str]) -> list[str]:
    """The project's kind of graphs in the store (the ontology's, those under ``tkr:``) that
    are not among ``pushed``: what ``prune`` removes."""
    return [g for g in store.graphs() if g not in pushed]


def push_to(
    store: Store,
    loaded: Loaded,
    progress: Callable[[str, int], None] | None = None,
    prune: bool = False,
) -> list[Pushed]:
    """Replace every named graph of the project in ``store``, then check the counts there; with
    ``prune``, the project's kind of graphs that the project no longer has are removed (each
    reported to ``progress`` with -1 triples)."""
    import pyoxigraph as ox

    pushed: list[Pushed] = []
    ours = graphs(loaded)
    for name, triples in ours.items():
        if progress:
            progress(name, len(triples))
        try:
            store.replace_graph(name, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")
        except EndpointError as error:  # what the remote holds now, graph by graph
            if pushed or not error.unchanged:  # (else the remote is as it was: the error says it all)
                rest = [curie(g) for g in ours if g != name and g not in {p.graph for p in pushed}]
                error.what += "; " + _held([curie(p.graph) for p in pushed], curie(name), error.unchanged, rest)
            raise
        pushed.append(Pushed(name, len(triples)))
    if prune:
        stale = stale_graphs(store, [p.graph for p in pushed])
        for i, name in enumerate(stale):
            if progress:
                progress(name, -1)
            try:
                store.remove_graph(name)
            except EndpointError as error:
                left = ", ".join(curie(g) for g in stale[i:])
                error.what += f"; the remote holds all {len(pushed)} graphs new; not yet removed: {left}"
                raise
    try:
        counts = store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    except EndpointError as error:
        error.what += f"; the remote holds all {len(pushed)} graphs new, their counts not checked"
        raise
    there = {g.value: int(n.value) for g, n in counts.rows}
    for item in pushed:
        if there.get(item.graph) != item.triples:
            raise EndpointError(
                f"{store.name}: graph <{item.graph}> holds {there.get(item.graph, 0)} triples "
                f"after the push, not {item.triples}"
            )
    return pushed


def _held(new: list[str], failed: str, unchanged: bool, old: list[str]) -> str:
    """What a remote holds after a push stopped at ``failed``: the graphs new, the one that
    failed (as it was when its request surely changed nothing; else unknown, as the store may
    have finished it before the answer was lost), and those still as they were."""
    said = [f"the remote now holds {len(new)} graph{'s' if len(new) != 1 else ''} new" + (": " if new else "")]
    said[0] += ", ".join(new)
    said.append(
        f"{failed} as it was (not written)" if unchanged else f"{failed} new or as it was (no answer came to say which)"
    )
    if old:
        said.append(f"{len(old)} as they were: {', '.join(old)}")
    return "; ".join(said) + "; push again to make them all new"


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
    """:func:`push_to` the server at these URLs: replace every named graph of the project there
    (by the Graph Store Protocol URL ``store`` when given, else by SPARQL Update), then check
    the counts through the query endpoint; with ``creds``, every request is authorized as the
    server asks (Basic or Digest)."""
    remote = RemoteStore(query_endpoint, timeout, creds, update_endpoint=update_endpoint, graph_store=store)
    return push_to(remote, loaded, progress, prune)
