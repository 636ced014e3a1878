"""The inferred graph, written once: SPARQL Update run inside the Oxigraph store.

``tkr:graph-inferred`` holds what the queries rely on and a store need not reason to find:

- every superclass type (``rdfs:subClassOf``, transitively, from the ontology graph);
- the transitive closure of ``tkg:locatedIn`` (Yunzhou District lies in China), across graphs;
- ``skos:broaderTransitive`` from ``skos:broader``.

A triple some graph already states is not repeated. ``build`` writes the graph out and
``push`` sends it, so a remote store answers the named queries without a reasoner.

:func:`superclass_map` reads the same class hierarchy from an rdflib graph, for the code
that works with rdflib (the view, the docs): to name a thing by its most specific class.
"""

from __future__ import annotations

from .vocab import INFERRED_GRAPH_IRI, ONTOLOGY_GRAPH_IRI, sparql_prefixes

_ONCE = [
    # superclass types: from every graph, against the ontology's subClassOf
    "INSERT { GRAPH <{inf}> { ?s a ?sup } } WHERE { GRAPH ?g { ?s a ?c } FILTER(?g != <{inf}>) "
    "GRAPH <{onto}> { ?c rdfs:subClassOf+ ?sup } FILTER NOT EXISTS { GRAPH ?h { ?s a ?sup } } }",
    "INSERT { GRAPH <{inf}> { ?a skos:broaderTransitive ?b } } WHERE { GRAPH ?g { ?a skos:broader ?b } FILTER(?a != ?b) }",
]
_UNTIL_STABLE = [
    # relations that cross graphs: extended one step at a time until nothing is added
    "INSERT { GRAPH <{inf}> { ?a tkg:locatedIn ?c } } WHERE { GRAPH ?g1 { ?a tkg:locatedIn ?b } "
    "GRAPH ?g2 { ?b tkg:locatedIn ?c } FILTER(?a != ?c) FILTER NOT EXISTS { GRAPH ?h { ?a tkg:locatedIn ?c } } }",
    "INSERT { GRAPH <{inf}> { ?a skos:broaderTransitive ?c } } WHERE { GRAPH <{inf}> { ?a skos:broaderTransitive ?b . "
    "?b skos:broaderTransitive ?c } FILTER(?a != ?c) FILTER NOT EXISTS { GRAPH <{inf}> { ?a skos:broaderTransitive ?c } } }",
]


def _update(text: str) -> str:
    return sparql_prefixes(("rdfs", "skos", "tkg")) + text.replace("{inf}", INFERRED_GRAPH_IRI).replace("{onto}", ONTOLOGY_GRAPH_IRI)


def infer(store) -> int:
    """(Re)compute ``tkr:graph-inferred`` inside the pyoxigraph ``store``; return its size."""
    import pyoxigraph as ox

    inferred = ox.NamedNode(INFERRED_GRAPH_IRI)
    if store.contains_named_graph(inferred):
        store.remove_graph(inferred)
    size = lambda: int(next(iter(store.query(f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{INFERRED_GRAPH_IRI}> {{ ?s ?p ?o }} }}")))[0].value)
    for update in _ONCE:
        store.update(_update(update))
    before = size()
    while True:
        for update in _UNTIL_STABLE:
            store.update(_update(update))
        after = size()
        if after == before:
            return after
        before = after


def superclass_map(ontology) -> dict:
    """Every class of an rdflib ontology graph → all its superclasses (``rdfs:subClassOf``,
    transitively)."""
    from rdflib.namespace import RDF, RDFS

    classes = set(ontology.subjects(RDF.type, None)) | set(ontology.subjects(RDFS.subClassOf, None))
    return {c: set(ontology.transitive_objects(c, RDFS.subClassOf)) - {c} for c in classes}
