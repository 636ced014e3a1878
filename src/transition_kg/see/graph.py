"""The view's graph: a store's entities and facts as a :class:`~.viewgraph.ViewGraph`
(:func:`graph_of`; :func:`to_networkx` gives it as a ``networkx.MultiDiGraph``), the part of
it a view shows (:func:`select`, :func:`story`), and the graph of a query's answer
(:func:`from_result`). The view's graphs are the project's own, with networkx's names and
order, so the command line's ``view`` never imports networkx; ``.to_networkx()`` of any of
them gives networkx's graph for its algorithms.

One node per entity or fact (IRI), with its class and family; literals, units, qualifiers,
statuses, indicators, mentions and evidence are folded into the node's tooltip lines, each
with its source article and the exact words; edges carry the property's label and the
graphs that state them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from ..core.vocab import curie, expand
from .cards import tooltip
from .catalog import HIDDEN_PROPERTIES, Catalog, ViewError
from .terms import IRI, RDF, TKG, from_oxigraph
from .terms import Term as Node
from .theme import FAMILIES
from .viewgraph import ViewGraph

if TYPE_CHECKING:
    import networkx as nx

    from .viewgraph import Graph

#: the view holds the whole graph as the ring a focused view can expand into up to this many
#: nodes; past it, only the next ring (the network page folds facts past the same size)
FOLD_THRESHOLD = 5_000


def to_networkx(source: Any, nodes: set[Node] | None = None, catalog: Catalog | None = None) -> nx.MultiDiGraph:
    """:func:`graph_of` as a ``networkx.MultiDiGraph`` (the same nodes, edges, attributes and order)."""
    return graph_of(source, nodes, catalog).to_networkx()


def graph_of(source: Any, nodes: set[Node] | None = None, catalog: Catalog | None = None) -> ViewGraph:
    """The entities and facts (or only ``nodes``) of a store or an rdflib ``Dataset`` (see
    :meth:`Catalog.of`) as the view's graph.

    Node attributes: ``label``, ``kind`` (class label), ``kind_iri``, ``labels`` (every label,
    English and Chinese), ``tooltip`` (lines of text), ``articles`` (the IRIs of the articles
    whose graphs name it). Edge attributes: ``label`` (property
    label), ``property`` (IRI), ``sources`` (graphs stating it), ``tooltip``.
    """
    catalog = catalog or Catalog.of(source)
    families = [IRI(family) for family in FAMILIES]
    keep = {n for n in catalog.kinds if catalog.drawable(n)} if nodes is None else set(nodes)
    graph = ViewGraph(catalog=catalog)  # the page makes its cards from it; GraphML and GEXF need none
    for node in sorted(keep, key=str):
        kind = catalog.kinds.get(node)
        fact = catalog.is_a(node, TKG.Fact)
        graph.add_node(
            str(node),
            label=catalog.label(node),
            kind=catalog.name(kind, "unknown"),
            family=str(next((f for f in families if catalog.is_a(node, f)), "")),
            fact=fact,
            kind_iri=str(kind) if kind else "",
            labels=catalog.all_labels(node) or [catalog.label(node)],
            tooltip=tooltip(catalog, node),
            year=catalog.year(node) if fact else None,
        )
    stated = defaultdict(list)
    told: dict[str, set[str]] = defaultdict(set)  # node → the articles whose graphs name it
    articles = {name for name in catalog.sources if catalog.is_a(name, TKG.Article)}
    read = set(catalog.sources)
    # from the catalogue's index, each subject's statements in the order of their graphs (a
    # triple that 10,000 graphs state costs 10,000 steps, not 10,000 each)
    for s, found in catalog.statements.items():
        for p, o, name in found:
            if name not in read:
                continue
            if p not in HIDDEN_PROPERTIES and s in keep and o in keep and s != o:
                stated[(s, p, o)].append(name)
            if name in articles:
                told[str(s)].add(str(name))
                told[str(o)].add(str(name))
    for n, data in graph.nodes(data=True):
        data["articles"] = sorted(told.get(n, ()))
    for (s, p, o), names in sorted(stated.items(), key=lambda item: tuple(map(str, item[0]))):
        label = catalog.label(p)
        sources = [catalog.source_name(n) for n in names]
        graph.add_edge(
            str(s),
            str(o),
            key=str(p),
            label=label,
            property=str(p),
            sources=sources,
            tooltip=[
                f"{catalog.label(s)} → {label} → {catalog.label(o)}",
                *(f"stated in: {x}" for x in sources),
                *_words(catalog, (s, p, o)),
            ],
        )
    return graph


def _words(catalog: Catalog, triple: tuple[Node, Node, Node]) -> list[str]:
    """A relation's evidence, from the rdf:Statement that gives it its words."""
    return [
        line + (" (read from the context)" if catalog.value(statement, TKG.basis) == TKG.Contextual else "")
        for statement, name in catalog.statements_of.get(triple, [])
        for line in catalog.evidence_lines(statement, name)
    ]


# --- choosing the subgraph -------------------------------------------------------------------


def _resolve(text: str, option: str) -> IRI:
    iri = expand(text)
    if iri is None:
        raise ViewError("give a full IRI or a prefixed name such as tkr:datong", option=option, value=text)
    return IRI(iri)


def _class_named(catalog: Catalog, text: str) -> IRI:
    """A class by prefixed name or IRI, by local name (``City``), or by its label as the
    legend writes it (``city``, ``industry status``), in any case."""
    if ":" in text:
        iri = _resolve(text, "class")
        if iri in catalog.superclasses:
            return iri
    wanted = " ".join(text.lower().replace("-", " ").replace("_", " ").split())
    for klass in sorted(catalog.superclasses, key=str):
        names = {str(klass).rsplit("#", 1)[-1].lower(), catalog.label(klass).lower()}
        if str(klass).startswith(str(TKG)) and (wanted in names or wanted.replace(" ", "") in names):
            return IRI(str(klass))
    raise ViewError(
        "not a class of the ontology (give a name from the legend, such as city, or tkg:City)",
        option="class",
        value=text,
    )


def _node_named(whole: ViewGraph, text: str) -> IRI:
    """A node by prefixed name or IRI, or by a label that names one node only (any case)."""
    iri = expand(text)
    if iri is not None:
        return IRI(iri)
    wanted = text.strip().casefold()
    found = sorted(
        n for n, data in whole.nodes(data=True) if any(label.casefold() == wanted for label in data.get("labels", []))
    )
    if len(found) == 1:
        return IRI(found[0])
    if found:
        some = ", ".join(curie(f) for f in found[:5])
        raise ViewError(f"{len(found)} nodes have that label ({some}); give one of them", option="focus", value=text)
    raise ViewError(
        "no node has that label; give a label, a full IRI or a prefixed name such as tkr:datong",
        option="focus",
        value=text,
    )


def _article_named(catalog: Catalog, text: str) -> IRI:
    """An article by IRI, prefixed name, the last part of its IRI, or its title (any case), or
    by words that one article's name or title alone holds."""
    articles = sorted((s for s in catalog.sources if catalog.is_a(s, TKG.Article)), key=str)
    wanted = " ".join(text.split()).casefold()
    for article in articles:
        if wanted in (
            str(article).casefold(),
            str(article).rsplit("/", 1)[1].casefold(),
            catalog.label(article).casefold(),
        ):
            return article
    iri = expand(text) if ":" in text else None
    if iri is not None and IRI(iri) in articles:
        return IRI(iri)
    known = [str(s).rsplit("/", 1)[1] for s in articles]
    holding = [a for a, name in zip(articles, known) if wanted and wanted in f"{name} {catalog.label(a)}".casefold()]
    if len(holding) == 1:  # a word of one article's name or title alone ("qitaihe")
        return holding[0]
    why = f"{len(holding)} articles hold that" if holding else "no such article"
    raise ViewError(
        f"{why} (give its IRI, the last part of it, or its title)",
        option="article",
        value=text,
        choices=[name for a, name in zip(articles, known) if a in holding] or known,
    )


def select(
    source: Any,
    *,
    cls: str | None = None,
    article: str | None = None,
    focus: str | None = None,
    depth: int = 1,
    catalog: Catalog | None = None,
) -> ViewGraph:
    """The view's graph: everything, a class (with its neighbours), the whole opened on one
    article's story (``graph.graph["article"]``: the page shows it alone, the others a click
    away; :func:`alone` is its graph), or the neighbourhood of ``focus`` up to ``depth`` hops
    in both directions. A :class:`~.viewgraph.ViewGraph` (networkx's names and order, not
    networkx): ``.to_networkx()`` gives it as a ``networkx.MultiDiGraph``."""
    catalog = catalog or Catalog.of(source)
    told = _article_named(catalog, article) if article else None
    whole = graph_of(source, None, catalog)
    if told is not None:  # the whole page, opened on that story (the others a click away)
        shown = story(whole)
        shown.graph["article"] = str(told)
        return shown
    if cls:
        klass = _class_named(catalog, cls)
        members = {n for n in whole if catalog.is_a(IRI(n), klass)}
        keep = set(members)
        for n in members:
            keep.update(whole.predecessors(n))
            keep.update(whole.successors(n))
        return induced(whole, keep)
    if focus:
        return _around(whole, str(_node_named(whole, focus)), focus, depth)
    return story(whole)


def _around(whole: ViewGraph, iri: str, focus: str, depth: int) -> ViewGraph:
    """The neighbourhood of ``iri`` up to ``depth`` hops, holding what lies one ring beyond."""
    if iri not in whole:
        raise ViewError("not a node of the graph", option="focus", value=focus)
    if depth < 0:
        raise ViewError("must be 0 or more", option="depth", value=depth)
    reach = _rings(whole, iri, depth + 1)
    keep = {n for n, d in reach.items() if d <= depth}
    if depth >= 1 and whole.nodes[iri].get("family") == str(TKG.Person):  # a person's quotes and roles, and theirs
        keep |= {m for n in list(keep) if whole.nodes[n].get("fact") for m in whole.neighbours(n)}
    shown = induced(whole, keep)
    shown.graph["focus"] = (iri, focus)  # the page opens its card and takes its label as its title
    # what lies beyond, kept apart: the page holds it undrawn, and "Show its other neighbours"
    # pulls a node's in, ring after ring (the whole graph, or past the fold the next ring)
    shown.graph["reserve"] = whole if whole.number_of_nodes() <= FOLD_THRESHOLD else induced(whole, reach)
    return shown


def _rings(whole: ViewGraph, start: str, cutoff: int) -> dict[str, int]:
    """Each node up to ``cutoff`` hops from ``start``, either way along the edges, with its
    distance (a breadth-first walk)."""
    reach = {start: 0}
    ring = [start]
    for distance in range(1, cutoff + 1):
        following = []
        for n in ring:
            for m in whole.neighbours(n):
                if m not in reach:
                    reach[m] = distance
                    following.append(m)
        ring = following
    return reach


def story(whole: ViewGraph) -> ViewGraph:
    """The start view: the places and what the articles say about them, with the nodes nothing
    links to folded away (and counted: the page says how many)."""
    orphans = [n for n in whole if whole.degree(n) == 0]
    shown = induced(whole, {n for n in whole if whole.degree(n) > 0})
    shown.graph["folded"] = len(orphans)
    return shown


def alone(graph: Graph) -> Graph:
    """The story a view is opened on (``graph.graph["article"]``) alone: the nodes its article
    names; the graph itself when it is opened on none."""
    article = graph.graph.get("article")
    if not article:
        return graph
    return induced(graph, {n for n, data in graph.nodes(data=True) if article in data.get("articles", ())})


def induced(whole: Graph, keep: Collection[str]) -> ViewGraph:
    """A copy of ``whole`` (the view's graph, or a networkx one) holding the nodes in ``keep``
    and the edges between them, in ``whole``'s order (the attributes copied, the graph's
    own shared), whatever the order of ``keep``."""
    shown = ViewGraph(**whole.graph)
    for n, data in whole.nodes(data=True):
        if n in keep:
            shown.add_node(n, **data)
    for u, v, k, data in whole.edges(keys=True, data=True):
        if u in keep and v in keep:
            shown.add_edge(u, v, k, **data)
    return shown


def from_result(source: Any, result: Any) -> ViewGraph:
    """The graph of a query result over a store (or an rdflib ``Dataset``): a CONSTRUCT's
    triples between IRIs, or a SELECT whose IRI columns become nodes, each row linking its
    first IRI to the others (edge label: column)."""
    catalog = Catalog.of(source)
    links: list[tuple[Node, Node | None, str, str]] = []
    if result.kind == "GRAPH":
        for triple in sorted(result.triples, key=str):  # in one order, whatever the store's answer's
            s, p, o = (from_oxigraph(t) for t in (triple.subject, triple.predicate, triple.object))
            if isinstance(s, IRI) and isinstance(o, IRI) and p != RDF.type:
                links.append((s, o, catalog.label(p), str(p)))
    elif result.kind == "SELECT":
        for row in result.rows:
            terms = [(v, from_oxigraph(t)) for v, t in zip(result.vars, row) if t is not None]
            iris = [(v, t) for v, t in terms if isinstance(t, IRI)]
            links += [(iris[0][1], t, v, f"?{v}") for v, t in iris[1:]]
            if len(iris) == 1:
                links.append((iris[0][1], None, "", ""))
    else:
        raise ViewError("an ASK query has no graph to show", option="query")
    nodes = {t for s, o, _, _ in links for t in (s, o) if t is not None}
    graph = graph_of(source, nodes, catalog)
    graph.clear_edges()
    for s, o, label, prop in links:
        if o is not None:
            graph.add_edge(
                str(s),
                str(o),
                key=prop,
                label=label,
                property=prop,
                sources=["query"],
                tooltip=[f"{catalog.label(s)} → {label} → {catalog.label(o)}", "from the query"],
            )
    return graph
