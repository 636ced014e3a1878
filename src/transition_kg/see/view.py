"""The network view: RDF subgraph → networkx → pyvis page (offline, escaped) or GraphML/GEXF.

- :func:`to_networkx` turns a dataset (or part of it) into a ``networkx.MultiDiGraph``:
  one node per entity or fact (IRI), coloured by its class; literals, units, qualifiers,
  statuses, indicators, mentions and evidence are folded into the node's tooltip lines,
  each with its source article and the exact words; edges carry the property's label and
  the graphs that state them.
- :func:`to_pyvis` makes the pyvis ``Network`` of it (for Jupyter: ``net.show("g.html",
  notebook=True)``), :func:`write_page` the page: vis-network inlined, nothing loaded from
  the network, the graph's data packed (:func:`pack`: deflated JSON in base64) and every text
  shown with ``textContent``; labels drawn by the page by importance, never over each other.
  Past :data:`LAYOUT_THRESHOLD` nodes the layout is computed in Python (igraph's grid
  Fruchterman-Reingold) and physics is off; past :data:`FOLD_THRESHOLD` the facts are held
  until their entity is expanded; the page says so.
"""

from __future__ import annotations

import base64
import functools
import json
import math
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS
from rdflib.term import Node

from ..core.errors import TKGError
from ..core.files import write_atomic
from ..core.infer import superclass_map
from ..core.sparql import rdflib_term
from ..core.vocab import INFERRED_GRAPH, OA, ONTOLOGY_GRAPH, TKG, TKR, curie, expand, short

HUBS = 12  # entities labelled at the fitted view (or a twelfth of them, if more)
LAYOUT_THRESHOLD = 500  # nodes: physics draws 500 in 1.4 s, 1,000 in 2.8 s here (benchmarks/view.py)
CARD_PACK = 256  # cards packed together: one is unpacked in a few milliseconds when a card is opened
FOLD_THRESHOLD = 5_000  # nodes: past this the facts are held until their entity is expanded (vis-network
# spends ~0.1 ms a node and edge on setup, and redraws every node each frame: benchmarks/view.py)
FOLDED_CLASSES = {
    TKG.Unit,
    TKG.Qualifier,
    TKG.Measure,
    TKG.Status,
    TKG.ComparisonKind,
    TKG.Indicator,
    TKG.Article,
    TKG.Mention,
    TKG.Basis,
}
HIDDEN_PROPERTIES = {RDF.type, RDFS.label, SKOS.altLabel, DCTERMS.title, TKG.evidence, TKG.extent}
# One theme for every page: a class takes the colour and shape of the first family it belongs
# to, so a class looks the same on every page. Twelve hues, each at least 3:1 against white;
# two families with the same shape stay apart under deutan, protan and tritan vision
# (tests/test_view.py checks both).
THEME = [  # (family, colour, vis-network shape, legend glyph)
    (TKG.Place, "#2e7d32", "dot", "●"),
    (TKG.Organisation, "#1565c0", "square", "■"),
    (TKG.Person, "#c62828", "triangle", "▲"),
    (TKG.Policy, "#6a1b9a", "diamond", "◆"),
    (TKG.CreativeWork, "#795548", "hexagon", "⬢"),
    (TKG.Technology, "#795548", "hexagon", "⬢"),
    (TKG.Project, "#795548", "hexagon", "⬢"),
    (TKG.Industry, "#00796b", "star", "★"),
    (TKG.Commodity, "#00796b", "star", "★"),
    (TKG.Concept, "#6a1b9a", "diamond", "◆"),
    (TKG.Conference, "#b45309", "star", "★"),
    (TKG.Observation, "#546e7a", "dot", "●"),
    (TKG.Quote, "#ad1457", "triangleDown", "▼"),
    (TKG.ReportedSpeech, "#ad1457", "triangleDown", "▼"),
    (TKG.Claim, "#ad1457", "triangleDown", "▼"),
    (TKG.Event, "#b45309", "star", "★"),
    (TKG.IndustryStatus, "#827717", "square", "■"),
    (TKG.TradeLink, "#3949ab", "hexagon", "⬢"),
    (TKG.Comparison, "#3949ab", "hexagon", "⬢"),
    (TKG.Role, "#616161", "triangle", "▲"),
]
OTHER = ("#616161", "triangle", "▲")  # as a role: classes outside every family are rare
FAMILIES = [family for family, *_ in THEME]
MAX_TIP_LINES = 30


class ViewError(TKGError):
    """A view that cannot be made: an unknown class, article or focus IRI."""


def _first(values) -> str | None:
    """The English value, else one without language, else any (sorted for stability)."""
    values = sorted(
        values,
        key=lambda v: (
            getattr(v, "language", None) not in ("en", None),
            getattr(v, "language", None) is not None,
            str(v),
        ),
    )
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
    def of(cls, dataset: Dataset) -> Catalog:
        catalog = cls(dataset)
        names = [g.identifier for g in dataset.graphs() if len(g)]
        catalog.sources = sorted(
            n for n in names if n not in (ONTOLOGY_GRAPH, INFERRED_GRAPH, dataset.default_graph.identifier)
        )
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
        return (
            isinstance(thing, URIRef) and thing in self.kinds and not any(self.is_a(thing, c) for c in FOLDED_CLASSES)
        )

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
        text = readable(number) if isinstance(number, int) else str(value)
        previous = self.value(obs, TKG.previousValue)
        if previous is not None:
            before = previous.toPython()
            text = f"{readable(before)} → {text}" if isinstance(before, int) else f"{previous} → {text}"
        measure = self.value(obs, TKG.measure)
        text = {TKG.Increase: "up ", TKG.Decrease: "down "}.get(measure, "") + text
        if qualifier is not None:
            text = f"{self.label(qualifier)} {text}"
        if unit is not None and unit != TKR["unit-count"]:
            name = self.label(unit)
            plural = isinstance(number, (int, float)) and number != 1 and name in PLURAL_UNITS
            text += f" {name}s" if plural else f" {name}"
        when = self.value(obs, TKG.year) or self.value(obs, TKG.endYear)
        start, end, as_of = self.value(obs, TKG.periodStart), self.value(obs, TKG.periodEnd), self.value(obs, TKG.asOf)
        if start is not None and end is not None:
            when = f"{start} to {end}"
        elif as_of is not None and not when:
            when = f"as of {as_of}"
        return text + (f" ({when})" if when else "")

    def source_name(self, graph: Node) -> str:
        return (
            self.label(graph)
            if self.is_a(graph, TKG.Article)
            else {
                "graph-shared": "shared entities",
                "graph-background": "curators' background (not from an article)",
            }.get(str(graph).rsplit("/", 1)[-1], self.label(graph))
        )

    def evidence(self, fact: Node, graph: URIRef) -> list[tuple[str, int | None, int | None]]:
        """Each evidence of ``fact`` in ``graph``: its words and its offsets (None when not given)."""
        out = []
        first = lambda node, prop: next(iter(self.values(node, prop, graph)), None)
        for evidence in self.values(fact, TKG.evidence, graph):
            exact, start, end = None, None, None
            for selector in self.values(evidence, OA.hasSelector, graph):
                exact = exact or first(selector, OA.exact)
                start = start if start is not None else first(selector, OA.start)
                end = end if end is not None else first(selector, OA.end)
            out.append((str(exact), int(start) if start is not None else None, int(end) if end is not None else None))
        return out

    def evidence_lines(self, fact: Node, graph: URIRef) -> list[str]:
        return [
            f"evidence: “{words}” — {self.source_name(graph)}"
            + (f", characters {start}–{end}" if start is not None else "")
            for words, start, end in self.evidence(fact, graph)
        ]

    @functools.cached_property
    def statements_of(self) -> dict[tuple, list[tuple[Node, URIRef]]]:
        """A relation (subject, property, object) → the rdf:Statement nodes that give it its words, and their graph."""
        found = defaultdict(list)
        for node, stated in self.statements.items():
            if any(p == RDF.type and o == RDF.Statement for p, o, _ in stated):
                v = {p: o for p, o, _ in stated}
                found[(v.get(RDF.subject), v.get(RDF.predicate), v.get(RDF.object))].append((node, stated[0][2]))
        return found


PLURAL_UNITS = {
    "year",
    "day",
    "tonne",
    "second",
    "kilometre",
    "hectare",
    "euro",
    "US dollar",
    "pound",
    "megawatt",
    "month",
    "week",
    "hour",
    "minute",
    "degree Celsius",
}


def readable(number: int) -> str:
    """A whole number as a reader writes it, never rounded: 61 billion, 6.3 billion, 700,000,
    1,234,567,891 (a scale word only where the number is exactly that many)."""
    from decimal import Decimal

    for size, word in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million")):
        if abs(number) >= size:
            scaled = Decimal(number) / size
            if scaled == scaled.quantize(Decimal("0.001")):
                return f"{scaled.normalize():f} {word}"
    return f"{number:,}"


def _year(catalog: Catalog, fact: Node) -> int | None:
    """The year a fact holds for (its year, end year, period end, or the "as of" year), if any."""
    for prop in (TKG.year, TKG.endYear, TKG.periodEnd, TKG.asOf):
        value = catalog.value(fact, prop)
        if value is not None and str(value)[:4].isdigit():
            return int(str(value)[:4])
    return None


class Cards:
    """The entity card of every node: what is said of it and what it says, grouped (numbers,
    quotes, other facts, relations both ways, mentions), each with its evidence words,
    article, publication date and offsets. Plain data, rendered by the page's script."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.incoming: dict[Node, list[tuple[Node, URIRef, URIRef]]] = defaultdict(list)
        self.quotes_in: dict[URIRef, list[Node]] = defaultdict(list)  # article graph → its quotes
        for subject, found in catalog.statements.items():
            for p, o, g in found:
                if g != ONTOLOGY_GRAPH and isinstance(o, URIRef) and p not in HIDDEN_PROPERTIES:
                    self.incoming[o].append((subject, p, g))
                if p == RDF.type and o == TKG.Quote:
                    self.quotes_in[g].append(subject)
        self.mentions = _mentions(catalog)

    def published(self, graph: Node) -> str:
        c = self.catalog
        return str(c.value(graph, TKG.published) or c.value(graph, TKG.assumedPublicationYear) or "")

    def evidence(self, fact: Node, graph: URIRef | None = None, context: bool = False) -> list[dict]:
        c = self.catalog
        graphs = (
            [graph]
            if graph is not None
            else sorted({g for p, _, g in c.statements.get(fact, ()) if p == TKG.evidence}, key=str)
        )
        return [
            {
                "words": words,
                "article": c.source_name(name),
                "date": self.published(name),
                "start": start,
                "end": end,
                "context": context,
            }
            for name in graphs
            for words, start, end in c.evidence(fact, name)
        ]

    def _graph_of(self, fact: Node) -> URIRef | None:
        return next((g for _, _, g in self.catalog.statements.get(fact, ()) if g != ONTOLOGY_GRAPH), None)

    def number(self, fact: Node) -> dict:
        c = self.catalog
        value = c.value(fact, TKG.value)
        try:
            numeric = float(value.toPython()) if isinstance(value, Literal) else None
        except (TypeError, ValueError):
            numeric = None
        unit = c.value(fact, TKG.unit)
        return {
            "id": str(fact),
            "what": c.label(c.value(fact, TKG.indicator)) if c.value(fact, TKG.indicator) else "value",
            "amount": c.amount(fact),
            "value": numeric,
            "unit": c.label(unit) if unit is not None else "",
            "measure": c.label(c.value(fact, TKG.measure)) if c.value(fact, TKG.measure) else "",
            "year": _year(c, fact),
            "ev": self.evidence(fact),
        }

    def quote(self, fact: Node) -> dict:
        c = self.catalog
        speaker = c.value(fact, TKG.speaker)
        roles = [s for s, p, _ in self.incoming.get(speaker, []) if p == TKG.heldBy] if speaker is not None else []
        role = next((str(c.value(r, TKG.title)) for r in roles if c.value(r, TKG.title) is not None), None)
        return {
            "id": str(fact),
            "speaker": c.label(speaker) if speaker is not None else "?",
            "speakerId": str(speaker) if speaker is not None else None,
            "role": role,
            "words": str(c.value(fact, TKG.quoteText) or ""),
            "year": _year(c, fact),
            "ev": self.evidence(fact),
        }

    def of(self, node: URIRef) -> dict:
        c = self.catalog
        kind = c.kinds.get(node)
        card = {
            "id": str(node),
            "title": c.label(node),
            "kind": c.label(kind) if kind else "unknown",
            "also": [l for l in c.all_labels(node) if l != c.label(node)],
            "numbers": [],
            "quotes": [],
            "facts": [],
            "relations": [],
            "mentions": [],
            "ev": [],
        }
        if c.is_a(node, TKG.Fact):
            card["year"] = _year(c, node)
            card["ev"] = self.evidence(node)
            if c.is_a(node, TKG.Observation):
                card["numbers"].append(self.number(node))
            elif c.is_a(node, TKG.Quote):
                card["quotes"].append(self.quote(node))
        facts = dict.fromkeys(s for s, p, g in self.incoming.get(node, []) if c.is_a(s, TKG.Fact) and s != node)
        for fact in sorted(facts, key=lambda f: (_year(c, f) or 0, c.label(f))):
            if c.is_a(fact, TKG.Observation):
                card["numbers"].append(self.number(fact))
            elif c.is_a(fact, TKG.Quote):
                card["quotes"].append(self.quote(fact))
            else:
                card["facts"].append(
                    {
                        "id": str(fact),
                        "text": c.label(fact),
                        "kind": c.label(c.kinds.get(fact)),
                        "year": _year(c, fact),
                        "ev": self.evidence(fact),
                    }
                )
        if c.is_a(node, TKG.Place):  # a place's voices: the quotes of the articles that report its numbers and statuses
            reporting = {
                self._graph_of(f) for f in facts if c.is_a(f, TKG.Observation) or c.is_a(f, TKG.IndustryStatus)
            }
            have = {q["id"] for q in card["quotes"]}
            for graph in sorted(g for g in reporting if g is not None):
                card["quotes"] += [
                    self.quote(q) for q in sorted(self.quotes_in.get(graph, []), key=str) if str(q) not in have
                ]
        for p, o, g in c.statements.get(node, []):
            if (
                g != ONTOLOGY_GRAPH
                and p not in HIDDEN_PROPERTIES
                and isinstance(o, URIRef)
                and c.kinds.get(o)
                and not c.is_a(o, TKG.Fact)
                and o not in (TKG.Article,)
            ):
                card["relations"].append(self._relation("out", node, p, o, g))
        for s, p, g in self.incoming.get(node, []):
            if (
                isinstance(s, URIRef)
                and c.kinds.get(s)
                and not c.is_a(s, TKG.Fact)
                and s != node
                and not c.is_a(s, TKG.Mention)
                and not c.is_a(s, TKG.Article)
            ):
                card["relations"].append(self._relation("in", s, p, node, g))
        card["mentions"] = [{"article": c.label(a), "words": w} for a, w in self.mentions.get(node, [])]
        return card

    def _relation(self, direction: str, s: Node, p: URIRef, o: Node, g: URIRef) -> dict:
        c = self.catalog
        other = o if direction == "out" else s
        ev = []
        for statement, name in c.statements_of.get((s, p, o), []):
            ev += self.evidence(statement, name, context=c.value(statement, TKG.basis) == TKG.Contextual)
        folded = any(c.is_a(other, k) for k in FOLDED_CLASSES)
        return {
            "dir": direction,
            "prop": c.label(p),
            "other": c.label(other),
            "otherId": None if folded else str(other),
            "source": c.source_name(g),
            "ev": ev,
        }


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
    graph = nx.MultiDiGraph(catalog=catalog)  # the page makes its cards from it; GraphML and GEXF need none
    for node in sorted(keep, key=str):
        kind = catalog.kinds.get(node)
        family = next((f for f in FAMILIES if catalog.is_a(node, f)), None)
        graph.add_node(
            str(node),
            label=catalog.label(node),
            kind=catalog.label(kind) if kind else "unknown",
            family=str(family or ""),
            fact=catalog.is_a(node, TKG.Fact),
            kind_iri=str(kind) if kind else "",
            labels=catalog.all_labels(node) or [catalog.label(node)],
            tooltip=_tooltip(catalog, node, mentions),
            year=_year(catalog, node) if catalog.is_a(node, TKG.Fact) else None,
        )
    stated = defaultdict(list)
    for name in catalog.sources:
        for s, p, o in catalog.dataset.graph(name):
            if p not in HIDDEN_PROPERTIES and s in keep and o in keep and s != o:
                stated[(s, p, o)].append(name)

    def words(triple) -> list[str]:  # a relation's evidence, from the rdf:Statement that gives it its words
        return [
            line + (" (read from the context)" if catalog.value(statement, TKG.basis) == TKG.Contextual else "")
            for statement, name in catalog.statements_of.get(triple, [])
            for line in catalog.evidence_lines(statement, name)
        ]

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
            tooltip=[f"{catalog.label(s)} → {label} → {catalog.label(o)}"]
            + [f"stated in: {x}" for x in sources]
            + words((s, p, o)),
        )
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
    raise ViewError(
        f"--class {text}: not a class of the ontology (give a name from the legend, such as city, or tkg:City)"
    )


def _node_named(catalog: Catalog, whole: nx.MultiDiGraph, text: str) -> URIRef:
    """A node by prefixed name or IRI, or by a label that names one node only (any case)."""
    iri = expand(text)
    if iri is not None:
        return URIRef(iri)
    wanted = text.strip().casefold()
    found = sorted(
        n for n, data in whole.nodes(data=True) if any(l.casefold() == wanted for l in data.get("labels", []))
    )
    if len(found) == 1:
        return URIRef(found[0])
    if found:
        raise ViewError(
            f"--focus {text}: {len(found)} nodes have that label ({', '.join(curie(f) for f in found[:5])}); "
            f"give one of them"
        )
    raise ViewError(
        f"--focus {text}: no node has that label; give a label, a full IRI or a prefixed name such as tkr:datong"
    )


def select(
    dataset: Dataset,
    *,
    cls: str | None = None,
    article: str | None = None,
    focus: str | None = None,
    depth: int = 1,
    catalog: Catalog | None = None,
) -> nx.MultiDiGraph:
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
        reach = nx.single_source_shortest_path_length(whole.to_undirected(as_view=True), iri, cutoff=depth + 1)
        shown = whole.subgraph(n for n, d in reach.items() if d <= depth).copy()
        # what lies beyond, kept apart: the page holds it undrawn, and "Show its other neighbours"
        # pulls a node's in, ring after ring (the whole graph, or past the fold the next ring)
        shown.graph["reserve"] = whole if whole.number_of_nodes() <= FOLD_THRESHOLD else whole.subgraph(reach).copy()
        return shown
    return story(whole)


def story(whole: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The start view: the places and what the articles say about them, with the nodes nothing
    links to folded away (and counted: the page says how many)."""
    orphans = [n for n in whole if whole.degree(n) == 0]
    shown = whole.subgraph(n for n in whole if whole.degree(n) > 0).copy()
    shown.graph["folded"] = len(orphans)
    return shown


def cards_of(graph: nx.MultiDiGraph) -> dict[str, dict]:
    """The card of every node: given with the node (``card``), or made from the graph's catalog."""
    catalog = graph.graph.get("catalog")
    cards = Cards(catalog) if catalog is not None else None
    found = {}
    for n, data in graph.nodes(data=True):
        card = data.get("card") or (cards.of(URIRef(n)) if cards is not None else None)
        if card:
            found[n] = card
    return found


def summary(graph: nx.MultiDiGraph, cards: dict[str, dict] | None = None) -> str:
    """One line naming what the page shows."""
    cards = cards_of(graph) if cards is None else cards
    count = defaultdict(int)
    for _, data in graph.nodes(data=True):
        count[data.get("family", "")] += 1
    places, people = count[str(TKG.Place)], count[str(TKG.Person)]
    facts = sum(1 for _, data in graph.nodes(data=True) if data.get("fact"))
    articles = {ev["article"] for n in graph for ev in cards.get(n, {}).get("ev", [])}
    folded = graph.graph.get("folded", 0)
    text = (
        f"{places:,} place{'s' * (places != 1)}, {people:,} {'people' if people != 1 else 'person'} and "
        f"{facts:,} fact{'s' * (facts != 1)}"
        + (f" from {len(articles):,} article{'s' * (len(articles) != 1)}" if articles else "")
        + " — click a node, or search, for everything said about it"
    )
    return text + (f"; {folded:,} node{'s' * (folded != 1)} nothing links to folded away." if folded else ".")


def from_result(dataset: Dataset, result) -> nx.MultiDiGraph:
    """The graph of a query result: a CONSTRUCT's triples between IRIs, or a SELECT whose IRI
    columns become nodes, each row linking its first IRI to the others (edge label: column)."""
    catalog = Catalog.of(dataset)
    if result.kind == "GRAPH":
        triples = [
            (s, p, o) for s, p, o in result.graph if isinstance(s, URIRef) and isinstance(o, URIRef) and p != RDF.type
        ]
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


# --- pyvis ---------------------------------------------------------------------------------------


def styles(graph: nx.MultiDiGraph) -> dict[str, tuple[str, str, str]]:
    """Each class label's (colour, shape, glyph): its family's, the same on every page."""
    theme = {str(family): rest for family, *rest in THEME}
    return {data["kind"]: tuple(theme.get(data.get("family", ""), OTHER)) for _, data in graph.nodes(data=True)}


def colours(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Each class label's colour (see :func:`styles`)."""
    return {kind: style[0] for kind, style in styles(graph).items()}


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

            return (
                f'<iframe srcdoc="{html.escape(render_page(self), quote=True)}" title="network of the graph" '
                f'style="width:100%;height:{NOTEBOOK_HEIGHT};border:1px solid #ddd"></iframe>'
            )

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


def to_pyvis(
    graph: nx.MultiDiGraph, title: str = "transition-kg", threshold: int = LAYOUT_THRESHOLD, fold: int = FOLD_THRESHOLD
):
    """The pyvis Network of ``graph``; its template is the offline page of :func:`write_page`.
    In a notebook, the network shows inline when it is a cell's value.

    The page holds every node; it draws the view's and holds back the ring a focused view can
    expand into and, past ``fold`` nodes, the facts (observations, quotes, roles, …): those come
    into the drawing with their entity's "Show its other neighbours" (or a search)."""
    Network = _page_class()

    reserve: nx.MultiDiGraph = graph.graph.get("reserve") or nx.MultiDiGraph()
    extra = [n for n in reserve if n not in graph]
    full = reserve if extra else graph  # what the page holds: the view, and the ring it can expand into
    large = full.number_of_nodes() > threshold
    folded = full.number_of_nodes() > fold
    style = styles(full)
    degree = dict(graph.degree())
    positions = layout(full) if large else {}
    # labels by importance: the hubs (the entities with most links) first, then entities, then facts
    order = sorted(full.nodes, key=lambda n: (bool(full.nodes[n].get("fact")), -degree.get(n, 0), n))
    entities = [n for n in order if n in graph and not full.nodes[n].get("fact")]
    hubs = set(entities[: max(HUBS, len(entities) // 12)])
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading="")
    net.nodes = []
    cards = cards_of(full)  # read by the page only when a card is opened
    held = 0
    for n in sorted(order, key=lambda n: n not in hubs):
        data = full.nodes[n]
        colour, shape, _ = style[data["kind"]]
        shown = data["label"] if len(data["label"]) <= 40 else data["label"][:38].rstrip() + "…"  # whole in the card
        node = {
            "id": n,
            "label": shown,
            "name": data["label"],
            "kind": data["kind"],
            "labels": data.get("labels", [data["label"]]),
            "tip": data.get("tooltip", [data["label"]]),
            "color": colour,
            "shape": shape,
            "value": 1 + degree.get(n, 0),
            "fact": bool(data.get("fact")),
            "year": data.get("year"),
        }
        if n in hubs:
            node["hub"] = True
        if n not in graph or (folded and data.get("fact")):
            node["reserve"] = True
            held += n in graph
        if large:
            node["x"], node["y"] = (round(c, 1) for c in positions[n])
        net.nodes.append(node)
    net.edges = [
        {
            "from": a,
            "to": b,
            "label": data.get("label", ""),
            "tip": data.get("tooltip", [data.get("label", "")]),
            "arrows": "to",
        }
        for a, b, data in full.edges(data=True)
    ]
    net.options = {
        "physics": {
            "enabled": not large,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -6000, "springLength": 140, "avoidOverlap": 0.4},
            "stabilization": {"enabled": True, "iterations": 200, "fit": True},
        },
        # the same picture every time: a fixed seed for the initial placement
        "layout": {"randomSeed": 7, "improvedLayout": not large and graph.number_of_nodes() <= 150},
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "navigationButtons": False,
            "keyboard": {"enabled": True, "bindToWindow": False},
        },
        # no labels drawn by vis: the page draws them by importance, never over each other
        "nodes": {"borderWidth": 0, "scaling": {"min": 8, "max": 34}},
        # edge labels on hover only (the tooltip names the relation and its words): faster, no clutter
        "edges": {
            "smooth": False,
            "font": {"size": 0, "face": "sans-serif"},
            "color": {"color": "#9aa0a6", "highlight": "#202124"},
            "width": 1,
        },
    }
    notice = " ".join(
        (
            [
                f"{graph.number_of_nodes():,} nodes: the layout was computed in Python and physics is off, so the "
                f"page stays responsive."
            ]
            if large
            else []
        )
        + (
            [
                f"The {held:,} facts are folded into their entities: a card's “Show its other neighbours” draws "
                f"them, and search finds every node."
            ]
            if held
            else []
        )
    )
    legend = sorted((kind, colour, glyph) for kind, (colour, _, glyph) in style.items())
    env = _environment()
    net.templateEnv, net.path = env, "page.html"
    net.template = env.get_template("page.html")
    packs = [
        pack({n["id"]: cards[n["id"]] for n in net.nodes[k : k + CARD_PACK] if n["id"] in cards})
        for k in range(0, len(net.nodes), CARD_PACK)
    ]
    net.template.globals.update(
        page_title=title,
        notice=notice,
        legend=legend,
        summary=summary(graph, cards),
        card_packs=packs,
        card_pack=CARD_PACK,
        n_nodes=graph.number_of_nodes(),
        n_edges=graph.number_of_edges(),
    )
    return net


@functools.lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(
        encoding="utf-8"
    )


def _environment():
    import jinja2
    from markupsafe import Markup

    js, css = _vis_assets()
    template = (Path(__file__).parent / "page.html").read_text(encoding="utf-8")
    env = jinja2.Environment(loader=jinja2.DictLoader({"page.html": template}), autoescape=True)
    env.globals.update(vis_js=Markup(js), vis_css=Markup(css))
    env.filters["pack"] = pack
    return env


def pack(value) -> str:
    """``value`` as the page holds it: compact JSON, deflated (zlib), in base64 — a tenth of the
    bytes, and nothing in it an HTML parser could read as markup. The page's ``unpack`` reads it."""
    text = json.dumps(value, separators=(",", ":"))  # ASCII: the browser's decoder is fastest on it
    return base64.b64encode(zlib.compress(text.encode("utf-8"), 6)).decode("ascii")


def unpack(text: str):
    """What :func:`pack` packed."""
    return json.loads(zlib.decompress(base64.b64decode(text)).decode("utf-8"))


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
    for n, data in graph.nodes(data=True):  # the card is the page's; a year only where there is one
        flat.add_node(n, **{k: "\n".join(v) if isinstance(v, list) else v for k, v in data.items() if v is not None})
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
