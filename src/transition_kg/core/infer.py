"""The inferred graph, written once: SPARQL Update run inside the Oxigraph store.

``tkr:graph-inferred`` holds what the queries rely on and a store need not reason to find:

- every superclass type (``rdfs:subClassOf``, transitively, from the ontology graph);
- the transitive closure of ``tkg:locatedIn`` (Yunzhou District lies in China), across graphs,
  each inferred triple with an ``rdf:Statement`` that says what it rests on:
  ``prov:wasDerivedFrom`` the statements of its links (or the graph of a link no statement gives
  words to), and ``tkg:basis`` ``tkg:Contextual`` when any of them is contextual (Chengzihe Mine
  lies in China only by context), else ``tkg:Stated``;
- ``skos:broaderTransitive`` from ``skos:broader``;
- the kind of each observation by its ``tkg:measure``, as the ontology's
  ``tkg:observationKind`` of that measure names it (``tkg:LevelObservation``,
  ``tkg:ChangeObservation``, ``tkg:MultipleObservation``, or a kind someone adds);
- ``prov:wasDerivedFrom`` from every fact to the article whose graph states it;
- an English ``rdfs:label`` for every fact that has none, made of its parts, so that every
  tool shows something readable: "Datong · days of good air quality · 314 day · 2024",
  "Zhang Wei: “…”", "Datong · coal mining · declining" (the words stay the article's).

A triple some graph already states is not repeated. ``build`` writes the graph out and
``push`` sends it, so a remote store answers the named queries without a reasoner.

:func:`superclass_map` reads the same class hierarchy from an ontology's triples, for the
view and the docs: to name a thing by its most specific class.
"""

from __future__ import annotations

from .vocab import INFERRED_GRAPH_IRI, ONTOLOGY_GRAPH_IRI, TKR_IRI, sparql_prefixes

_ONCE = [
    # superclass types: from every graph, against the ontology's subClassOf
    "INSERT { GRAPH <{inf}> { ?s a ?sup } } WHERE { GRAPH ?g { ?s a ?c } FILTER(?g != <{inf}>) "
    "GRAPH <{onto}> { ?c rdfs:subClassOf+ ?sup } FILTER NOT EXISTS { GRAPH ?h { ?s a ?sup } } }",
    "INSERT { GRAPH <{inf}> { ?a skos:broaderTransitive ?b } } "
    "WHERE { GRAPH ?g { ?a skos:broader ?b } FILTER(?a != ?b) }",
    # observations typed by what they measure (each measure names its kind in the ontology):
    # levels, changes and multiples told apart by class
    "INSERT { GRAPH <{inf}> { ?o a ?kind } } WHERE { GRAPH <{onto}> { ?m tkg:observationKind ?kind } "
    "GRAPH ?g { ?o tkg:measure ?m } }",
    # every fact (anything with evidence) derived from the article whose graph states it, for PROV tools
    "INSERT { GRAPH <{inf}> { ?f prov:wasDerivedFrom ?g } } WHERE { GRAPH ?g { ?g a tkg:Article . ?f tkg:evidence ?e } "
    "FILTER(isIRI(?f) && ?f != ?g) }",
]
_UNTIL_STABLE = [
    # relations that cross graphs: extended one step at a time until nothing is added, each new
    # triple with an rdf:Statement (an IRI made from its subject and object, so every store names
    # it alike) derived from the statements of the two links it rests on
    "INSERT { GRAPH <{inf}> { ?a tkg:locatedIn ?c . ?d a rdf:Statement ; rdf:subject ?a ; "
    "rdf:predicate tkg:locatedIn ; rdf:object ?c ; prov:wasDerivedFrom ?p1 , ?p2 } } "
    "WHERE { GRAPH ?g1 { ?a tkg:locatedIn ?b } GRAPH ?g2 { ?b tkg:locatedIn ?c } FILTER(?a != ?c) "
    "FILTER NOT EXISTS { GRAPH ?h { ?a tkg:locatedIn ?c } } "
    "OPTIONAL { GRAPH ?g1 { ?s1 rdf:subject ?a ; rdf:predicate tkg:locatedIn ; rdf:object ?b } } "
    "OPTIONAL { GRAPH ?g2 { ?s2 rdf:subject ?b ; rdf:predicate tkg:locatedIn ; rdf:object ?c } } "
    # a link that no statement gives words to (the background graph's) is derived from its graph
    "BIND(COALESCE(?s1, ?g1) AS ?p1) BIND(COALESCE(?s2, ?g2) AS ?p2) "
    'BIND(IRI(CONCAT("{tkr}inferred-located-in-", MD5(CONCAT(STR(?a), " ", STR(?c))))) AS ?d) }',
    # a derivation that rests on a contextual statement (or derivation) is contextual
    "INSERT { GRAPH <{inf}> { ?d tkg:basis tkg:Contextual } } WHERE { GRAPH <{inf}> { ?d a rdf:Statement ; "
    "prov:wasDerivedFrom ?premise } GRAPH ?g { ?premise tkg:basis tkg:Contextual } "
    "FILTER NOT EXISTS { GRAPH <{inf}> { ?d tkg:basis tkg:Contextual } } }",
    "INSERT { GRAPH <{inf}> { ?a skos:broaderTransitive ?c } } WHERE { GRAPH <{inf}> { ?a skos:broaderTransitive ?b . "
    "?b skos:broaderTransitive ?c } FILTER(?a != ?c) "
    "FILTER NOT EXISTS { GRAPH <{inf}> { ?a skos:broaderTransitive ?c } } }",
]
# a derivation none of whose premises is contextual rests on what the words state
_STATED = (
    "INSERT { GRAPH <{inf}> { ?d tkg:basis tkg:Stated } } WHERE { GRAPH <{inf}> { ?d a rdf:Statement } "
    "FILTER NOT EXISTS { GRAPH <{inf}> { ?d tkg:basis ?basis } } }"
)


def _label(var: str) -> str:
    """A graph pattern binding ``?{var}L`` to an English (or untagged) label of ``?{var}``."""
    return f'GRAPH ?{var}G {{ ?{var} rdfs:label ?{var}L FILTER(lang(?{var}L) IN ("en", "")) }}'


def _optional(pattern: str, var: str) -> str:
    """``OPTIONAL { pattern, then the label of ?var }``: the label is looked up only where the
    pattern bound ``?var`` (outside, an unbound ?var would match every label)."""
    return f"OPTIONAL {{ GRAPH ?g {{ {pattern} }} {_label(var)} }}"


_FACT_LABELS = {
    "Observation": (
        f"GRAPH ?g {{ ?f tkg:observedEntity ?e ; tkg:indicator ?i ; tkg:value ?v }} {_label('e')} {_label('i')} "
        + _optional("?f tkg:unit ?u FILTER(?u != <{tkr}unit-count>)", "u")
        + " "
        + _optional("?f tkg:qualifier ?q", "q")
        + " OPTIONAL { GRAPH ?g { ?f tkg:year ?y } }",
        'CONCAT(STR(?eL), " · ", STR(?iL), " · ", COALESCE(CONCAT(STR(?qL), " "), ""), STR(?v), '
        'COALESCE(CONCAT(" ", STR(?uL)), ""), COALESCE(CONCAT(" · ", STR(?y)), ""))',
    ),
    "Quote": (
        f"GRAPH ?g {{ ?f tkg:speaker ?s ; tkg:quoteText ?t }} {_label('s')}",
        'CONCAT(STR(?sL), ": “", IF(STRLEN(?t) > 60, CONCAT(SUBSTR(?t, 1, 59), "…"), ?t), "”")',
    ),
    "Role": (
        f"GRAPH ?g {{ ?f tkg:heldBy ?p ; tkg:title ?t }} {_label('p')} " + _optional("?f tkg:roleIn ?o", "o"),
        'CONCAT(STR(?pL), " · ", ?t, COALESCE(CONCAT(", ", STR(?oL)), ""))',
    ),
    "IndustryStatus": (
        f"GRAPH ?g {{ ?f tkg:place ?p ; tkg:industry ?i ; tkg:status ?s }} {_label('p')} {_label('i')} {_label('s')}",
        'CONCAT(STR(?pL), " · ", STR(?iL), " · ", STR(?sL))',
    ),
    "TradeLink": (
        f"GRAPH ?g {{ ?f tkg:commodity ?c ; tkg:status ?s }} {_label('c')} {_label('s')} "
        + _optional("?f tkg:fromPlace ?a", "a")
        + " "
        + _optional("?f tkg:toPlace ?b", "b"),
        "CONCAT(IF(BOUND(?aL) || BOUND(?bL), "
        'CONCAT(COALESCE(STR(?aL), "?"), " → ", COALESCE(STR(?bL), "?"), " · "), ""), '
        'STR(?cL), " · ", STR(?sL))',
    ),
    "Comparison": (
        f"GRAPH ?g {{ ?f tkg:comparedEntity ?a ; tkg:counterpart ?b ; tkg:comparisonKind ?k }} {_label('a')} "
        f"{_label('b')} {_label('k')}",
        'CONCAT(STR(?aL), " · ", STR(?kL), " · ", STR(?bL))',
    ),
    "Mention": (f"GRAPH ?g {{ ?f tkg:mentionOf ?e }} {_label('e')}", 'CONCAT("mention of ", STR(?eL))'),
}


def _label_updates() -> list[str]:
    """One update per kind of fact: a label from its parts, for the facts that have none."""
    return [
        "INSERT { GRAPH <{inf}> { ?f rdfs:label ?label } } WHERE { "
        f"{{ SELECT ?f (MIN(?text) AS ?one) WHERE {{ GRAPH ?g {{ ?f a tkg:{kind} }} "
        "FILTER NOT EXISTS { GRAPH ?h { ?f rdfs:label ?x } } "
        + where.replace("{tkr}", TKR_IRI)
        + f' BIND({text} AS ?text) }} GROUP BY ?f }} FILTER(BOUND(?one)) BIND(STRLANG(?one, "en") AS ?label) }}'
        for kind, (where, text) in _FACT_LABELS.items()
    ]


def _update(text: str) -> str:
    prefixes = sparql_prefixes(("rdf", "rdfs", "skos", "tkg", "prov"))
    return prefixes + text.replace("{inf}", INFERRED_GRAPH_IRI).replace("{onto}", ONTOLOGY_GRAPH_IRI).replace(
        "{tkr}", TKR_IRI
    )


def updates() -> dict[str, list[str]]:
    """The inference as SPARQL Update texts: ``once``, then ``until_stable`` (repeated until
    the inferred graph stops growing), then ``after`` (the labels). Any SPARQL 1.1 store can
    run them; ``benchmarks/scale.py`` gives them to raw pyoxigraph as its reference."""
    return {
        "once": [_update(u) for u in _ONCE],
        "until_stable": [_update(u) for u in _UNTIL_STABLE],
        "after": [_update(u) for u in [_STATED, *_label_updates()]],
    }


def infer(store) -> int:
    """(Re)compute ``tkr:graph-inferred`` inside the pyoxigraph ``store``; return its size."""
    import pyoxigraph as ox

    inferred = ox.NamedNode(INFERRED_GRAPH_IRI)
    if store.contains_named_graph(inferred):
        store.remove_graph(inferred)
    size = lambda: int(
        next(iter(store.query(f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{INFERRED_GRAPH_IRI}> {{ ?s ?p ?o }} }}")))[0].value
    )
    steps = updates()
    for update in steps["once"]:
        store.update(update)
    before = size()
    while True:
        for update in steps["until_stable"]:
            store.update(update)
        after = size()
        if after == before:
            break
        before = after
    for update in steps["after"]:
        store.update(update)
    return size()


def superclass_map(triples) -> dict:
    """Every class of an ontology's triples (rdflib's, or the view's terms: any whose ``str()``
    is the IRI) → all its superclasses (``rdfs:subClassOf``, transitively)."""
    from collections import defaultdict

    from .vocab import PREFIXES

    a, sub = PREFIXES["rdf"] + "type", PREFIXES["rdfs"] + "subClassOf"
    classes: set = set()
    parents: dict = defaultdict(set)
    for s, p, o in triples:
        if str(p) == a:
            classes.add(s)
        elif str(p) == sub:
            classes.add(s)
            parents[s].add(o)
    found = {}
    for c in classes:
        seen, todo = set(), [c]
        while todo:
            for parent in parents.get(todo.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        found[c] = seen - {c}
    return found
