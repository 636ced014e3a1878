"""The dataset a SPARQL 1.1 Protocol request chooses, as the endpoint answers it.

With neither ``default-graph-uri`` nor ``named-graph-uri`` the query sees the store's own
dataset: the default graph is the union of every graph (``sd:UnionDefaultGraph``) and every
graph is a named graph, unless the query names its own (``FROM`` / ``FROM NAMED``). With
either, the request's dataset is exactly the graphs it names, as the Protocol (§2.1.4) and a
query's ``FROM`` without ``FROM NAMED`` have it: ``default-graph-uri`` alone leaves no named
graph (``GRAPH ?g`` matches nothing), ``named-graph-uri`` alone an empty default graph. The
service description says so (:data:`DATASET`).
"""

from __future__ import annotations

#: the service description's statements on the dataset (Turtle, after ``sd:Service``'s others)
DATASET = (
    "    sd:feature sd:UnionDefaultGraph ;\n"
    '    <http://www.w3.org/2000/01/rdf-schema#comment> """Without default-graph-uri and named-graph-uri '
    "(and FROM, FROM NAMED), "
    "the default graph is the union of every graph and every graph is a named graph. With either, "
    "the dataset is the graphs named and no others, as the SPARQL 1.1 Protocol says: default-graph-uri "
    'alone leaves no named graph; named-graph-uri alone, an empty default graph."""@en ;\n'
    "    sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] .\n"
)


def protocol_dataset(params: dict[str, list[str]]) -> tuple[list[str] | None, list[str] | None]:
    """(default graphs, named graphs) of a request's parameters: (None, None) when it names
    none (the store's own dataset); else both lists, either of them empty when not given."""
    default, named = params.get("default-graph-uri", []), params.get("named-graph-uri", [])
    if not default and not named:
        return None, None
    return list(default), list(named)
