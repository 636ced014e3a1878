"""Counts, asked of the store: instances of every ``tkg:`` class (subclass instances
included), and per article its facts (mentions are not facts), observations, quotes, roles,
events, mentions, the people it names and its triples; and the triples of every named graph."""

from __future__ import annotations

from dataclasses import dataclass

from .load import Loaded
from .vocab import ONTOLOGY_GRAPH_IRI, TKG_IRI, curie, sparql_prefixes

ARTICLE_COUNTS = {
    "facts": "Fact",
    "observations": "Observation",
    "quotes": "Quote",
    "roles": "Role",
    "events": "Event",
    "mentions": "Mention",
}

_CLASSES = f"""SELECT ?c (COUNT(DISTINCT ?x) AS ?n) WHERE {{
  GRAPH <{ONTOLOGY_GRAPH_IRI}> {{ ?c a owl:Class }} FILTER(STRSTARTS(STR(?c), "{TKG_IRI}"))
  OPTIONAL {{ GRAPH ?g {{ ?x a ?c }} }}
}} GROUP BY ?c"""
_ARTICLE_FACTS = """SELECT ?a ?c (COUNT(DISTINCT ?x) AS ?n) WHERE {
  GRAPH ?a { ?a a tkg:Article . ?x tkg:evidence ?e } GRAPH ?t { ?x a ?c } VALUES ?c { %s }
} GROUP BY ?a ?c"""  # the class in any graph: tkg:Fact is a superclass type, in the inferred graph
_ARTICLE_PEOPLE = """SELECT ?a (COUNT(DISTINCT ?person) AS ?n) WHERE {
  GRAPH ?a { ?a a tkg:Article . { ?person ?p ?o } UNION { ?s ?p ?person } }
  GRAPH ?h { ?person a tkg:Person }
} GROUP BY ?a"""
_GRAPHS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


@dataclass
class Stats:
    """Counts per class (direct and inferred instances), per article, and per named graph."""

    classes: dict[str, int]
    articles: dict[str, dict[str, int]]
    graphs: dict[str, int]


def stats(loaded: Loaded) -> Stats:
    """The counts of the loaded project (see the module docstring)."""

    def rows(query: str):
        return [tuple(t.value for t in row) for row in loaded.store.query(sparql_prefixes(("owl", "tkg")) + query)]

    classes = dict(sorted((curie(c), int(n)) for c, n in rows(_CLASSES)))
    graphs = {g: int(n) for g, n in rows(_GRAPHS)}
    articles: dict[str, dict[str, int]] = {}
    article_iris = sorted(g for (g,) in rows("SELECT DISTINCT ?a WHERE { GRAPH ?a { ?a a tkg:Article } }"))
    for article in article_iris:
        articles[curie(article)] = dict.fromkeys(ARTICLE_COUNTS, 0) | {
            "people": 0,
            "triples": graphs.get(article, 0),
        }
    by_class = {TKG_IRI + local: name for name, local in ARTICLE_COUNTS.items()}
    for article, klass, n in rows(_ARTICLE_FACTS % " ".join(f"tkg:{c}" for c in ARTICLE_COUNTS.values())):
        articles[curie(article)][by_class[klass]] = int(n)
    for article, n in rows(_ARTICLE_PEOPLE):
        articles[curie(article)]["people"] = int(n)
    shown = {(g if g == ONTOLOGY_GRAPH_IRI else curie(g)): n for g, n in sorted(graphs.items())}
    return Stats(classes, articles, shown)
