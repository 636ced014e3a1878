"""The network view: RDF subgraph → networkx → pyvis page (offline, escaped) or GraphML/GEXF.

- :func:`to_networkx` turns a dataset (or part of it) into a ``networkx.MultiDiGraph``:
  one node per entity or fact (IRI), coloured by its class; literals, units, qualifiers,
  statuses, indicators, mentions and evidence are folded into the node's tooltip lines,
  each with its source article and the exact words; edges carry the property's label and
  the graphs that state them.
- :func:`to_pyvis` makes the pyvis ``Network`` of it (for Jupyter: ``net.show("g.html",
  notebook=True)``), :func:`write_page` the page: vis-network inlined, nothing loaded from
  the network, every text from the graph embedded as HTML-safe JSON and shown with
  ``textContent``. Past :data:`LAYOUT_THRESHOLD` nodes the layout is computed in Python
  (igraph's grid Fruchterman-Reingold) and physics is off, and the page says so.
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS
from rdflib.term import Node

from .errors import TKGError
from .files import write_atomic
from .infer import superclass_map
from .load import new_dataset, rdflib_term
from .vocab import INFERRED_GRAPH, OA, ONTOLOGY_GRAPH, TKG, TKR, curie, expand, short

LAYOUT_THRESHOLD = 500  # nodes: physics draws 500 in 1.4 s, 1,000 in 2.8 s here (benchmarks/view.py)
FOLDED_CLASSES = {TKG.Unit, TKG.Qualifier, TKG.Measure, TKG.Status, TKG.ComparisonKind, TKG.Indicator,
                  TKG.Article, TKG.Mention}
HIDDEN_PROPERTIES = {RDF.type, RDFS.label, SKOS.altLabel, DCTERMS.title, TKG.evidence, TKG.extent}
# Colour families: a class takes the hue of the first family it belongs to, a shade per class.
FAMILIES = [
    (TKG.Place, ["#1b7837", "#5aae61", "#a6dba0", "#2d6a4f", "#74c69d", "#40916c", "#95d5b2", "#52b788"]),
    (TKG.Organisation, ["#08519c", "#3182bd", "#6baed6", "#2171b5", "#4292c6", "#9ecae1"]),
    (TKG.Person, ["#a50f15"]),
    (TKG.Policy, ["#54278f", "#756bb1", "#9e9ac8", "#6a51a3", "#bcbddc"]),
    (TKG.CreativeWork, ["#8c510a", "#bf812d", "#dfc27d"]),
    (TKG.Technology, ["#e6550d"]),
    (TKG.Project, ["#fd8d3c"]),
    (TKG.Industry, ["#01665e"]),
    (TKG.Observation, ["#6c757d"]),
    (TKG.Quote, ["#e377c2"]),
    (TKG.Role, ["#b8b8b8"]),
    (TKG.Event, ["#d4a017"]),
    (TKG.IndustryStatus, ["#35978f"]),
    (TKG.TradeLink, ["#bcbd22"]),
    (TKG.Comparison, ["#17becf"]),
]
PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f"]
MAX_TIP_LINES = 30


class ViewError(TKGError):
    """A view that cannot be made: an unknown class, article or focus IRI."""


def _first(values) -> str | None:
    """The English value, else one without language, else any (sorted for stability)."""
    values = sorted(values, key=lambda v: (getattr(v, "language", None) not in ("en", None), getattr(v, "language", None) is not None, str(v)))
    return str(values[0]) if values else None


@dataclass
class Catalog:
    """What the view needs to know of a dataset, indexed once."""

    dataset: Dataset
    sources: list[URIRef] = field(default_factory=list)
    kinds: dict[Node, URIRef] = field(default_factory=dict)
    superclasses: dict[URIRef, set[URIRef]] = field(default_factory=dict)
    #: subject → [(property, object, graph)], from one pass over the quads: every lookup of the
    #: view reads this, so a page costs time linear in the graph, whatever the number of articles
    statements: dict[Node, list[tuple[URIRef, Node, URIRef]]] = field(default_factory=dict)

    @classmethod
    def of(cls, dataset: Dataset) -> "Catalog":
        catalog = cls(dataset)
        names = [g.identifier for g in dataset.graphs() if len(g)]
        catalog.sources = sorted(n for n in names if n not in (ONTOLOGY_GRAPH, INFERRED_GRAPH, dataset.default_graph.identifier))
        read = set(catalog.sources) | {ONTOLOGY_GRAPH}
        statements: dict[Node, list] = defaultdict(list)
        for s, p, o, g in dataset.quads((None, None, None, None)):
            name = g.identifier if isinstance(g, Graph) else g
            if name in read:
                statements[s].append((p, o, name))
        order = {name: i for i, name in enumerate(catalog.sources + [ONTOLOGY_GRAPH])}
        for found in statements.values():
            found.sort(key=lambda pog: (order[pog[2]], str(pog[0]), str(pog[1])))
        catalog.statements = dict(statements)
        ontology = dataset.graph(ONTOLOGY_GRAPH)
        catalog.superclasses = superclass_map(ontology)
        typed = defaultdict(set)
        for thing, found in catalog.statements.items():
            for p, klass, name in found:
                # in the articles' graphs any type; in the ontology, its individuals (industries, units, …)
                if p == RDF.type and (name != ONTOLOGY_GRAPH or str(klass).startswith(str(TKG))):
                    typed[thing].add(klass)
        for thing, classes in typed.items():
            specific = [c for c in classes if not any(c in catalog.superclasses.get(o, ()) for o in classes if o != c)]
            catalog.kinds[thing] = sorted(specific)[0]
        return catalog

    def is_a(self, thing: Node, klass: URIRef) -> bool:
        kind = self.kinds.get(thing)
        return kind is not None and (kind == klass or klass in self.superclasses.get(kind, ()))

    def drawable(self, thing: Node) -> bool:
        return isinstance(thing, URIRef) and thing in self.kinds and not any(self.is_a(thing, c) for c in FOLDED_CLASSES)

    @functools.cached_property
    def _labels(self) -> dict[Node, list[Literal]]:
        return {s: [o for p, o, _ in found if p == RDFS.label] for s, found in self.statements.items()}

    def label(self, term: Node) -> str:
        """The English label, title, or a short name for the term."""
        if isinstance(term, Literal):
            return str(term)
        found = _first(self._labels.get(term, [])) or _first(self.values(term, DCTERMS.title))
        if found:
            return found
        if isinstance(term, URIRef) and self.is_a(term, TKG.Fact):
            return self.fact_label(term)
        return short(term)

    def all_labels(self, term: Node) -> list[str]:
        return sorted({str(v) for v in self._labels.get(term, []) + self.values(term, SKOS.altLabel)})

    def values(self, subject: Node, prop: URIRef, graph: URIRef | None = None) -> list[Node]:
        """The objects of ``subject prop`` in the graphs the view reads (or in ``graph``)."""
        return sorted({o for p, o, g in self.statements.get(subject, ()) if p == prop and graph in (None, g)}, key=str)

    def value(self, subject: Node, prop: URIRef) -> Node | None:
        found = self.values(subject, prop)
        return found[0] if found else None

    def fact_label(self, fact: URIRef) -> str:
        """A short name for a fact without a label of its own."""
        v = lambda p: self.value(fact, p)
        name = lambda t: self.label(t) if t is not None else "?"
        if self.is_a(fact, TKG.Observation):
            return f"{name(v(TKG.indicator))}: {self.amount(fact)}"
        if self.is_a(fact, TKG.Quote):
            return f"quote: {name(v(TKG.speaker))}"
        if self.is_a(fact, TKG.Role):
            return str(v(TKG.title) or "role")
        if self.is_a(fact, TKG.IndustryStatus):
            return f"{name(v(TKG.industry))}: {name(v(TKG.status))}"
        if self.is_a(fact, TKG.TradeLink):
            return f"{name(v(TKG.commodity))} trade: {name(v(TKG.status))}"
        if self.is_a(fact, TKG.Comparison):
            return f"{name(v(TKG.comparisonKind))}: {name(v(TKG.counterpart))}"
        return self.label(self.kinds.get(fact, fact))

    def amount(self, obs: URIRef) -> str:
        """An observation's value as a reader should see it: with its qualifier and measure,
        thousands separated (never rounded), its unit (none for counts) and its time: the year,
        the months of a part-year figure, or "as of" the article's year for the present tense."""
        value, unit, qualifier = self.value(obs, TKG.value), self.value(obs, TKG.unit), self.value(obs, TKG.qualifier)
        number = value.toPython() if isinstance(value, Literal) else value
        text = f"{number:,}" if isinstance(number, int) else str(value)
        previous = self.value(obs, TKG.previousValue)
        if previous is not None:
            before = previous.toPython()
            text = f"{before:,} → {text}" if isinstance(before, int) else f"{previous} → {text}"
        measure = self.value(obs, TKG.measure)
        text = {TKG.Increase: "up ", TKG.Decrease: "down "}.get(measure, "") + text
        if qualifier is not None:
            text = f"{self.label(qualifier)} {text}"
        if unit is not None and unit != TKR["unit-count"]:
            text += f" {self.label(unit)}"
        when = self.value(obs, TKG.year) or self.value(obs, TKG.endYear)
        start, end, as_of = self.value(obs, TKG.periodStart), self.value(obs, TKG.periodEnd), self.value(obs, TKG.asOf)
        if start is not None and end is not None:
            when = f"{start} to {end}"
        elif as_of is not None and not when:
            when = f"as of {as_of}"
        return text + (f" ({when})" if when else "")

    def source_name(self, graph: Node) -> str:
        return self.label(graph) if self.is_a(graph, TKG.Article) else {
            "graph-shared": "shared entities", "graph-background": "curators' background (not from an article)",
        }.get(str(graph).rsplit("/", 1)[-1], self.label(graph))

    def evidence_lines(self, fact: Node, graph: URIRef) -> list[str]:
        lines = []
        first = lambda node, prop: next(iter(self.values(node, prop, graph)), None)
        for evidence in self.values(fact, TKG.evidence, graph):
            exact, start, end = None, None, None
            for selector in self.values(evidence, OA.hasSelector, graph):
                exact = exact or first(selector, OA.exact)
                start = start if start is not None else first(selector, OA.start)
                end = end if end is not None else first(selector, OA.end)
            where = f", characters {start}–{end}" if start is not None else ""
            lines.append(f"evidence: “{exact}” — {self.source_name(graph)}{where}")
        return lines


def _tooltip(catalog: Catalog, node: URIRef, mentions: dict[Node, list[tuple[URIRef, str]]]) -> list[str]:
    """Plain-text lines: the node's type, its facts with sources and words, its mentions."""
    kind = catalog.kinds.get(node)
    lines = [catalog.label(node), f"type: {catalog.label(kind) if kind else 'unknown'}"]
    others = [l for l in catalog.all_labels(node) if l != lines[0]]
    if others:
        lines.append("also: " + ", ".join(others))
    facts = []
    stated = catalog.statements.get(node, [])
    for name in dict.fromkeys(g for _, _, g in stated if g != ONTOLOGY_GRAPH):  # the graphs stating it, in order
        for p, o, g in stated:
            if g == name and p not in HIDDEN_PROPERTIES and not isinstance(o, BNode):
                facts.append(f"{catalog.label(p)}: {catalog.label(o)} — {catalog.source_name(name)}")
        if catalog.is_a(node, TKG.Fact):
            facts.extend(catalog.evidence_lines(node, name))
    lines += facts
    for article, exact in mentions.get(node, []):
        lines.append(f"mentioned in {catalog.label(article)}: “{exact}”")
    if len(lines) > MAX_TIP_LINES:
        lines = lines[: MAX_TIP_LINES - 1] + [f"… and {len(lines) - MAX_TIP_LINES + 1} more"]
    return lines


def _mentions(catalog: Catalog) -> dict[Node, list[tuple[URIRef, str]]]:
    """Entity → (article graph, the words that mention it), from the catalogue's index."""
    found = defaultdict(list)
    for mention, stated in catalog.statements.items():
        for p, entity, name in stated:
            if p != TKG.mentionOf or name == ONTOLOGY_GRAPH:
                continue
            for evidence in catalog.values(mention, TKG.evidence, name):
                for selector in catalog.values(evidence, OA.hasSelector, name):
                    for exact in catalog.values(selector, OA.exact, name):
                        found[entity].append((name, str(exact)))
    rank = {name: i for i, name in enumerate(catalog.sources)}
    for entity in found:
        found[entity].sort(key=lambda item: (rank.get(item[0], 0), item[1]))
    return found


def to_networkx(dataset: Dataset, nodes: set[URIRef] | None = None, catalog: Catalog | None = None) -> nx.MultiDiGraph:
    """The dataset's entities and facts (or only ``nodes``) as a networkx graph.

    Node attributes: ``label``, ``kind`` (class label), ``kind_iri``, ``labels`` (every label,
    English and Chinese), ``tooltip`` (lines of text). Edge attributes: ``label`` (property
    label), ``property`` (IRI), ``sources`` (graphs stating it), ``tooltip``.
    """
    catalog = catalog or Catalog.of(dataset)
    mentions = _mentions(catalog)
    keep = {n for n in catalog.kinds if catalog.drawable(n)} if nodes is None else set(nodes)
    graph = nx.MultiDiGraph()
    for node in sorted(keep, key=str):
        kind = catalog.kinds.get(node)
        family = next((f for f, _ in FAMILIES if catalog.is_a(node, f)), None)
        graph.add_node(str(node), label=catalog.label(node), kind=catalog.label(kind) if kind else "unknown",
                       family=str(family or ""), fact=catalog.is_a(node, TKG.Fact),
                       kind_iri=str(kind) if kind else "", labels=catalog.all_labels(node) or [catalog.label(node)],
                       tooltip=_tooltip(catalog, node, mentions))
    stated = defaultdict(list)
    words = defaultdict(list)  # a relation's evidence, from the rdf:Statement that gives it its words
    for name in catalog.sources:
        named = catalog.dataset.graph(name)
        for s, p, o in named:
            if p not in HIDDEN_PROPERTIES and s in keep and o in keep and s != o:
                stated[(s, p, o)].append(name)
        for statement in named.subjects(RDF.type, RDF.Statement):
            triple = (named.value(statement, RDF.subject), named.value(statement, RDF.predicate), named.value(statement, RDF.object))
            context = " (read from the context)" if named.value(statement, TKG.basis) == TKG.Contextual else ""
            words[triple] += [line + context for line in catalog.evidence_lines(statement, name)]
    for (s, p, o), names in sorted(stated.items(), key=lambda item: tuple(map(str, item[0]))):
        label = catalog.label(p)
        sources = [catalog.source_name(n) for n in names]
        graph.add_edge(str(s), str(o), key=str(p), label=label, property=str(p), sources=sources,
                       tooltip=[f"{catalog.label(s)} → {label} → {catalog.label(o)}"] + [f"stated in: {x}" for x in sources]
                       + words.get((s, p, o), []))
    return graph


# --- choosing the subgraph -------------------------------------------------------------------

def _resolve(text: str, what: str) -> URIRef:
    iri = expand(text)
    if iri is None:
        raise ViewError(f"{what} {text}: give a full IRI or a prefixed name such as tkr:datong")
    return URIRef(iri)


def _class_named(catalog: Catalog, text: str) -> URIRef:
    """A class by prefixed name or IRI, by local name (``City``), or by its label as the
    legend writes it (``city``, ``industry status``), in any case."""
    if ":" in text:
        iri = _resolve(text, "--class")
        if iri in catalog.superclasses:
            return iri
    wanted = " ".join(text.lower().replace("-", " ").replace("_", " ").split())
    for klass in sorted(catalog.superclasses, key=str):
        names = {str(klass).rsplit("#", 1)[-1].lower(), catalog.label(klass).lower()}
        if str(klass).startswith(str(TKG)) and (wanted in names or wanted.replace(" ", "") in names):
            return klass
    raise ViewError(f"--class {text}: not a class of the ontology (give a name from the legend, such as city, "
                    f"or tkg:City)")


def _node_named(catalog: Catalog, whole: nx.MultiDiGraph, text: str) -> URIRef:
    """A node by prefixed name or IRI, or by a label that names one node only (any case)."""
    iri = expand(text)
    if iri is not None:
        return URIRef(iri)
    wanted = text.strip().casefold()
    found = sorted(n for n, data in whole.nodes(data=True) if any(l.casefold() == wanted for l in data.get("labels", [])))
    if len(found) == 1:
        return URIRef(found[0])
    if found:
        raise ViewError(f"--focus {text}: {len(found)} nodes have that label ({', '.join(curie(f) for f in found[:5])}); "
                        f"give one of them")
    raise ViewError(f"--focus {text}: no node has that label; give a label, a full IRI or a prefixed name such as tkr:datong")


def select(dataset: Dataset, *, cls: str | None = None, article: str | None = None, focus: str | None = None,
           depth: int = 1, catalog: Catalog | None = None) -> nx.MultiDiGraph:
    """The view's graph: everything, a class (with its neighbours), one article's graph, or
    the neighbourhood of ``focus`` up to ``depth`` hops in both directions."""
    catalog = catalog or Catalog.of(dataset)
    if article:
        iri = _resolve(article if ":" in article else f"tkr:{article}", "--article")
        if iri not in catalog.sources:
            known = ", ".join(str(s).rsplit("/", 1)[1] for s in catalog.sources if catalog.is_a(s, TKG.Article))
            raise ViewError(f"--article {article}: no such article graph (articles: {known})")
        graph = dataset.graph(iri)
        nodes = {t for triple in graph for t in (triple[0], triple[2]) if catalog.drawable(t)}
        return to_networkx(dataset, nodes, catalog)
    whole = to_networkx(dataset, None, catalog)
    if cls:
        iri = _class_named(catalog, cls)
        members = {n for n, data in whole.nodes(data=True) if catalog.is_a(URIRef(n), iri)}
        keep = set(members)
        for n in members:
            keep.update(whole.predecessors(n))
            keep.update(whole.successors(n))
        return whole.subgraph(keep).copy()
    if focus:
        iri = str(_node_named(catalog, whole, focus))
        if iri not in whole:
            raise ViewError(f"--focus {focus}: not a node of the graph")
        if depth < 0:
            raise ViewError(f"--depth {depth}: must be 0 or more")
        reach = nx.single_source_shortest_path_length(whole.to_undirected(as_view=True), iri, cutoff=depth)
        return whole.subgraph(reach).copy()
    return whole


def from_result(dataset: Dataset, result) -> nx.MultiDiGraph:
    """The graph of a query result: a CONSTRUCT's triples between IRIs, or a SELECT whose IRI
    columns become nodes, each row linking its first IRI to the others (edge label: column)."""
    catalog = Catalog.of(dataset)
    if result.kind == "GRAPH":
        triples = [(s, p, o) for s, p, o in result.graph if isinstance(s, URIRef) and isinstance(o, URIRef) and p != RDF.type]
        links = [(s, o, catalog.label(p), str(p)) for s, p, o in triples]
    elif result.kind == "SELECT":
        links = []
        for row in result.rows:
            iris = [(v, rdflib_term(t)) for v, t in zip(result.vars, row) if isinstance(rdflib_term(t), URIRef)]
            links += [(iris[0][1], t, v, f"?{v}") for v, t in iris[1:]]
            if len(iris) == 1:
                links.append((iris[0][1], None, "", ""))
    else:
        raise ViewError("--query: an ASK query has no graph to show")
    nodes = {t for s, o, _, _ in links for t in (s, o) if t is not None}
    graph = to_networkx(dataset, nodes, catalog)
    graph.remove_edges_from(list(graph.edges(keys=True)))
    for s, o, label, prop in links:
        if o is not None:
            graph.add_edge(str(s), str(o), key=prop, label=label, property=prop, sources=["query"],
                           tooltip=[f"{catalog.label(s)} → {label} → {catalog.label(o)}", "from the query"])
    return graph


# --- pyvis ---------------------------------------------------------------------------------------

def colours(graph: nx.MultiDiGraph) -> dict[str, str]:
    """A colour per class label: its family's hue, one shade per class (stable for a given
    set of classes); classes outside every family take the general palette."""
    hues = {str(family): shades for family, shades in FAMILIES}
    kinds_of: dict[str, set[str]] = defaultdict(set)
    for _, data in graph.nodes(data=True):
        kinds_of[data.get("family", "")].add(data["kind"])
    result, spare = {}, 0
    for family, kinds in sorted(kinds_of.items()):
        for i, kind in enumerate(sorted(kinds)):
            if family in hues:
                result[kind] = hues[family][i % len(hues[family])]
            else:
                result[kind] = PALETTE[spare % len(PALETTE)]
                spare += 1
    return result


def layout(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Positions for every node: igraph's grid Fruchterman-Reingold (0.3 s for 10,000 nodes here)."""
    igraph = _igraph()

    names = list(graph.nodes)
    index = {n: i for i, n in enumerate(names)}
    g = igraph.Graph(n=len(names), edges=[(index[a], index[b]) for a, b in graph.edges() if a != b])
    coords = g.layout_fruchterman_reingold(grid=len(names) > 1000, niter=300)
    scale = 35 * math.sqrt(max(len(names), 1))
    if not names:
        return {}
    xs, ys = zip(*coords.coords)
    x0, y0 = min(xs), min(ys)
    span = max(max(xs) - x0, max(ys) - y0) or 1
    return {n: ((x - x0) / span * scale, (y - y0) / span * scale) for n, (x, y) in zip(names, coords.coords)}


NOTEBOOK_HEIGHT = "720px"


@functools.lru_cache(maxsize=1)
def _page_class():
    """pyvis's Network, made to show itself in a notebook (imported when first needed)."""
    from pyvis.network import Network

    class Page(Network):
        """The network page: in a notebook it shows inline at a usable height (the page itself
        in an iframe, no file needed); ``show()`` writes the file and shows that."""

        def _repr_html_(self) -> str:
            import html

            return (f'<iframe srcdoc="{html.escape(render_page(self), quote=True)}" title="network of the graph" '
                    f'style="width:100%;height:{NOTEBOOK_HEIGHT};border:1px solid #ddd"></iframe>')

        def show(self, name: str = "transition-kg.html", local: bool = True, notebook: bool = True):
            write_page(self, Path(name))
            if notebook:
                from IPython.display import IFrame

                return IFrame(name, width="100%", height=NOTEBOOK_HEIGHT)
            return None

    return Page


def _igraph():
    """igraph, imported without its optional matplotlib drawing: where matplotlib is installed
    igraph imports pyplot, 0.8 s of a page's time here (a None in sys.modules is an ImportError)."""
    import sys

    if "igraph" in sys.modules or "matplotlib" in sys.modules:
        import igraph

        return igraph
    sys.modules["matplotlib"] = None  # type: ignore[assignment]
    try:
        import igraph
    finally:
        del sys.modules["matplotlib"]
    return igraph


def to_pyvis(graph: nx.MultiDiGraph, title: str = "transition-kg", threshold: int = LAYOUT_THRESHOLD):
    """The pyvis Network of ``graph``; its template is the offline page of :func:`write_page`.
    In a notebook, the network shows inline when it is a cell's value."""
    Network = _page_class()

    large = graph.number_of_nodes() > threshold
    colour = colours(graph)
    degree = dict(graph.degree())
    positions = layout(graph) if large else {}
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading="")
    net.nodes = []
    for n, data in graph.nodes(data=True):
        node = {"id": n, "label": data["label"], "kind": data["kind"], "labels": data.get("labels", [data["label"]]),
                "tip": data.get("tooltip", [data["label"]]), "color": colour[data["kind"]],
                "size": round(8 + 4 * math.sqrt(degree.get(n, 0)), 1), "shape": "dot", "fact": bool(data.get("fact"))}
        if large:
            node["x"], node["y"] = (round(c, 1) for c in positions[n])
        net.nodes.append(node)
    net.edges = [{"from": a, "to": b, "label": "" if large else data.get("label", ""),
                  "tip": data.get("tooltip", [data.get("label", "")]), "arrows": "to"}
                 for a, b, data in graph.edges(data=True)]
    net.options = {
        "physics": {"enabled": not large, "solver": "barnesHut",
                    "barnesHut": {"gravitationalConstant": -6000, "springLength": 140, "avoidOverlap": 0.2},
                    "stabilization": {"enabled": True, "iterations": 150, "fit": True}},
        "layout": {"improvedLayout": not large and graph.number_of_nodes() <= 150},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": large, "navigationButtons": False},
        "nodes": {"font": {"size": 14, "face": "sans-serif"}, "borderWidth": 1},
        "edges": {"smooth": False, "font": {"size": 10, "align": "middle", "face": "sans-serif"},
                  "color": {"color": "#9aa0a6", "highlight": "#333333"}, "width": 1},
    }
    notice = (f"{graph.number_of_nodes():,} nodes: the layout was computed in Python and physics is off, so the "
              f"page stays responsive; edge labels show on hover." if large else "")
    env = _environment()
    net.templateEnv, net.path = env, "page.html"
    net.template = env.get_template("page.html")
    net.template.globals.update(page_title=title, notice=notice, legend=sorted(colour.items()),
                                n_nodes=graph.number_of_nodes(), n_edges=graph.number_of_edges())
    return net


@functools.lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(encoding="utf-8")


def _environment():
    import jinja2
    from markupsafe import Markup

    js, css = _vis_assets()
    template = (Path(__file__).parent / "page.html").read_text(encoding="utf-8")
    env = jinja2.Environment(loader=jinja2.DictLoader({"page.html": template}), autoescape=True)
    env.globals.update(vis_js=Markup(js), vis_css=Markup(css))
    return env


def render_page(net) -> str:
    """The page's HTML."""
    return net.generate_html()


def write_page(net, path: Path) -> None:
    """Write the page atomically."""
    write_atomic(Path(path), render_page(net).encode("utf-8"))


def export(graph: nx.MultiDiGraph, path: Path, fmt: str) -> None:
    """Write the graph as GraphML or GEXF (lists joined with newlines), atomically. Every edge
    has an id of its own (``e0``, ``e1``, …; the property is an attribute): Gephi keeps only
    the first edge of an id it has seen."""
    import io

    flat = nx.MultiDiGraph()
    for n, data in graph.nodes(data=True):
        flat.add_node(n, **{k: "\n".join(v) if isinstance(v, list) else v for k, v in data.items()})
    for i, (a, b, data) in enumerate(graph.edges(data=True)):
        flat.add_edge(a, b, key=f"e{i}", **{k: "\n".join(v) if isinstance(v, list) else v for k, v in data.items()})
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(flat, buffer)
    elif fmt == "gexf":
        nx.write_gexf(flat, buffer)
    else:
        raise ViewError(f"--format {fmt}: choose graphml or gexf")
    write_atomic(Path(path), buffer.getvalue())


PAGE = 10_000  # rows a remote read asks for at once (Virtuoso's default cap is 10,000)


def fetch(store, page: int = PAGE) -> Dataset:
    """The project's graphs of a (remote) store as a local dataset, so views work the same on
    it: the ontology's graph and the graphs named under ``tkr:`` (never a store's own system
    graphs), each read page by page (ORDER BY, LIMIT, OFFSET) and counted first, so a store
    that caps its answers below a page is caught and read in smaller pages."""
    from .store import project_graphs

    dataset = new_dataset()
    for name in project_graphs(store):
        total = int(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}").rows[0][0].value)
        graph, size, got = dataset.graph(URIRef(name)), page, 0
        while got < total:
            rows = store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }} ORDER BY ?s ?p ?o "
                               f"LIMIT {size} OFFSET {got}").rows
            if not rows:
                raise ViewError(f"<{name}>: the store gave {got} of its {total} triples, then none")
            size = min(size, len(rows)) if got + len(rows) < total else size  # a cap below the page: follow it
            for s, p, o in rows:
                graph.add((rdflib_term(s), rdflib_term(p), rdflib_term(o)))
            got += len(rows)
    return dataset
