"""rdflib's Memory store and SPARQL engine over a project's files: the reference that
``scale.py`` compares the embedded store with (it left the product: the embedded store is
pyoxigraph). The files are parsed by rdflib; the inferred graph is copied from the
project's loader, so the load time compared is parsing into each store, not reasoning."""

from __future__ import annotations

from rdflib import Dataset, URIRef

from transition_kg.core.load import load
from transition_kg.core.paths import Project
from transition_kg.core.sparql import rdflib_term
from transition_kg.core.vocab import INFERRED_GRAPH_IRI, ONTOLOGY_GRAPH_IRI


class RdflibStore:
    """The project in an rdflib ``Dataset`` (default graph empty), queried by rdflib."""

    def __init__(self, project: Project) -> None:
        import pyoxigraph as ox

        self.dataset = Dataset(default_union=False)
        files = project.files()
        for path in files.ontology:
            self.dataset.graph(URIRef(ONTOLOGY_GRAPH_IRI)).parse(path, format="turtle")
        for path in files.graphs:
            self.dataset.parse(path, format="trig")
        inferred = self.dataset.graph(URIRef(INFERRED_GRAPH_IRI))
        for quad in load(project).store.quads_for_pattern(None, None, None, ox.NamedNode(INFERRED_GRAPH_IRI)):
            inferred.add((rdflib_term(quad.subject), rdflib_term(quad.predicate), rdflib_term(quad.object)))

    def query(self, sparql: str) -> list:
        result = self.dataset.query(sparql)
        return [bool(result.askAnswer)] if result.type == "ASK" else list(result)
