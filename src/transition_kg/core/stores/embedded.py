"""The embedded store: the pyoxigraph store that :func:`transition_kg.core.load.load` fills
from the project's files. Its default graph is the union of the project's graphs, as in
GraphDB, Virtuoso and Wikidata's service, and the house prefixes are built in
(:func:`run_query`); named queries still name their graphs, so they run the same on stores
configured otherwise. It is read-only: the project's files are where its data is written.
"""

from __future__ import annotations

from ..load import Loaded
from ..sparql import blank_out, check_shape, names_a_dataset, query_form, star_in_order, syntax_error
from ..vocab import PREFIXES, expand
from .base import PAGE, Store, is_project_graph

TYPE_CHECKING = False  # typing costs a cold start 5 ms; mypy reads this name as typing's
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any


def run_query(
    store: Any,
    sparql: str,
    default_graphs: list[str] | None = None,
    named_graphs: list[str] | None = None,
    base_iri: str | None = None,
) -> Any:
    """Run a query on a pyoxigraph store as the project's stores answer (the embedded store and
    the endpoint's workers): the house prefixes built in (the query's own PREFIX wins), the
    default graph the union of every graph unless the query (FROM) or the caller names the
    dataset, and ``SELECT *`` in the order the variables first appear."""
    import pyoxigraph as ox

    check_shape(sparql)
    union = default_graphs is None and named_graphs is None and not names_a_dataset(sparql)

    def run(text: str) -> Any:
        return store.query(
            text,
            prefixes=PREFIXES,
            base_iri=base_iri,
            use_default_graph_as_union=union,
            default_graph=[ox.NamedNode(g) for g in default_graphs] if default_graphs is not None else None,
            named_graphs=[ox.NamedNode(g) for g in named_graphs] if named_graphs is not None else None,
        )

    try:
        raw = run(sparql)
        if isinstance(raw, ox.QuerySolutions):
            ordered = star_in_order(sparql, [v.value for v in raw.variables])
            if ordered:
                raw = run(ordered)
        elif query_form(sparql) == "DESCRIBE":
            raw = _described(sparql, list(raw), run)
        return raw
    except SyntaxError as exc:
        raise syntax_error(exc, sparql) from None


# What the graph says about a thing: the statements that point at it, and each fact about it
# (an observation, a quote, a status… whose entity, speaker, place or subject it is) with its
# values and the words of its evidence.
_ABOUT = """CONSTRUCT { ?s ?p ?x . ?f ?q ?v . ?e ?ep ?eo . ?sel ?sp ?so }
WHERE { VALUES ?x { %s }
  { ?s ?p ?x FILTER(isIRI(?s) && ?p != rdf:subject && ?p != rdf:object) }
  UNION
  { ?f ?r ?x FILTER EXISTS { GRAPH ?h { ?f a tkg:Fact } }
    { ?f ?q ?v } UNION { ?f tkg:evidence ?e . ?e ?ep ?eo OPTIONAL { ?e oa:hasSelector ?sel . ?sel ?sp ?so } } }
}"""
_TARGET = r"<([^<>\s]*)>|((?:[A-Za-z][\w.-]*)?:[\w-][\w.-]*)"


def _described(sparql: str, triples: list, run: Any) -> list:
    """A DESCRIBE's answer that describes: Oxigraph's description of each resource (its own
    statements), then what :data:`_ABOUT` adds. The resources are the IRIs the DESCRIBE names and
    the IRIs its description is of."""
    import re

    import pyoxigraph as ox

    head = re.split(r"(?i)\bWHERE\b|\{", blank_out(sparql), maxsplit=1)[0]
    clause = re.split(r"(?i)\bDESCRIBE\b", head, maxsplit=1)[-1]
    named = {m.group(1) or expand(m.group(2)) for m in re.finditer(_TARGET, clause)}
    targets = {t.subject.value for t in triples if isinstance(t.subject, ox.NamedNode)}
    targets |= {iri for iri in named if iri}
    if not targets:
        return triples
    values = " ".join(f"<{iri}>" for iri in sorted(targets))
    return list(dict.fromkeys([*triples, *run(_ABOUT % values)]))  # each triple once, in order


def describe_by_graph(store: Any, sparql: str) -> list:
    """A DESCRIBE's statements as quads: each with the graph that states it (the description
    made graph by graph, so a blank node's statements stay with their graph)."""
    import pyoxigraph as ox

    return [
        ox.Quad(t.subject, t.predicate, t.object, graph)
        for graph in sorted(store.named_graphs(), key=str)
        for t in run_query(store, sparql, default_graphs=[graph.value])
    ]


class EmbeddedStore(Store):
    """The project's graph in a pyoxigraph store (with the inferred graph); see :func:`run_query`.
    ``loaded`` is what :func:`~transition_kg.core.load.load` gave, ``store`` its pyoxigraph store."""

    name = "the embedded store"

    def __init__(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.store = loaded.store

    def answer(self, sparql: str) -> Any:
        return run_query(self.store, sparql)

    def describe(self, sparql: str, timeout: float | None = None, by_graph: bool = False) -> list:
        if not by_graph or query_form(sparql) != "DESCRIBE":
            return super().describe(sparql, timeout)
        return self.within(lambda: describe_by_graph(self.store, sparql), timeout)

    def graphs(self) -> list[str]:
        """The store's list of graphs (not a walk over every statement)."""
        return sorted(g.value for g in self.store.named_graphs() if g.value is not None and is_project_graph(g.value))

    def search(self, text: str) -> list[str] | None:
        """From the label index (:mod:`transition_kg.core.textindex`); None when it cannot say
        (a blank node has a label)."""
        index = self.loaded.text_index
        return index.search(text) if index.complete else None

    def nquads(self) -> bytes:
        """The project's graphs and the inferred graph as N-Quads, as Oxigraph holds them."""
        import pyoxigraph as ox

        return b"".join(
            ox.serialize(self.store.quads_for_pattern(None, None, None, ox.NamedNode(g)), format=ox.RdfFormat.N_QUADS)
            or b""
            for g in self.graphs()
        )

    def quads(self, page: int = PAGE) -> Iterator[tuple[Any, Any, Any, Any]]:
        """Every statement of the store's named graphs (the inferred graph with them), straight
        from pyoxigraph."""
        import pyoxigraph as ox

        for quad in self.store.quads_for_pattern(None, None, None, None):
            if not isinstance(quad.graph_name, ox.DefaultGraph):
                yield quad.subject, quad.predicate, quad.object, quad.graph_name

    def dataset(self, page: int = PAGE) -> Any:
        """The project's graphs and the inferred graph, as a remote store gives them (an rdflib
        copy, made once)."""
        return self.loaded.dataset_with_inferred
