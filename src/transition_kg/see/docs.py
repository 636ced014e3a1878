"""Ontology documentation: one offline HTML page generated from the Turtle, so it can never
drift. Every class and property with its label, comment, super- and sub-terms, domain and
range, the SHACL constraints that apply to it, and how many instances the graph has; and a
diagram (inline SVG) of the class hierarchy. :func:`document` reads it all as data, the
``docs.html`` template writes the page.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from ..core.files import write_atomic
from ..core.infer import superclass_map
from ..core.load import Loaded
from ..core.vocab import ONTOLOGY_GRAPH, SH, TKG, short
from .pages import render as render_template

PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)
NAMESPACES_SHOWN = {"tkr", "oa", "skos", "prov", "dcterms", "xsd", "sh"}  # beside those of the terms


def _name(term: Node) -> str:
    return short(str(term))


@dataclass
class Link:
    """A term named on the page: a link to its section when the page defines it."""

    name: str
    local: bool

    @property
    def anchor(self) -> str:
        return self.name.replace(":", "-")


@dataclass
class Term:
    """A class or property's section."""

    link: Link
    iri: str
    label: str | None
    comment: str | None
    rows: list[tuple[str, list[Link]]] = field(default_factory=list)  # (field, the terms it names)
    constraints: list[str] = field(default_factory=list)
    kinds: str = ""  # a property's types
    count: int = 0  # a class's instances, a property's uses
    example: tuple[str, list[str]] | None = None  # a class's: an instance, a few of its statements
    use: str | None = None  # a property's: one statement of the graph that uses it
    notes: dict[str, str] = field(default_factory=dict)  # why a row names no term (a property's open domain)


@dataclass
class TreeRow:
    """A class in the hierarchy's diagram, and the line from its superclass."""

    x: int
    y: int
    link: Link
    path: str | None


@dataclass
class _Ontology:
    """The ontology as the page reads it, indexed once."""

    graph: Graph
    classes: list[URIRef]
    properties: list[URIRef]
    parents: dict[Node, set[Node]]
    closure: dict[Node, set[Node]]

    def link(self, term: Node) -> Link:
        return Link(_name(term), term in self.classes or term in self.properties)

    def links(self, terms: Any) -> list[Link]:
        return [self.link(t) for t in terms]

    def text(self, term: Node, prop: URIRef) -> str | None:
        value = self.graph.value(term, prop)
        return str(value) if value is not None else None


def _order(term: URIRef) -> tuple[bool, bool, str]:
    """The project's own terms first, its tooling terms (candidates of drafts) next, imported ones last."""
    name = _name(term)
    own = str(term).startswith(str(TKG))
    tooling = own and name.split(":", 1)[-1].lower().startswith("candidate")
    return (not own, tooling, name)


def _constraints(shapes: Graph) -> tuple[dict[Node, list[str]], dict[Node, list[str]]]:
    """Readable SHACL constraints, by the class they target and by the property they constrain."""
    by_class: dict[Node, list[str]] = defaultdict(list)
    by_property: dict[Node, list[str]] = defaultdict(list)
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        shape_name = _name(shape)
        targets = list(shapes.objects(shape, SH.targetClass))
        others = [
            f"{_name(p)} {_name(o)}"
            for p in (SH.targetSubjectsOf, SH.targetObjectsOf)
            for o in shapes.objects(shape, p)
        ]
        rules = [
            (shapes.value(prop, SH.path), f"{shape_name}: {shapes.value(prop, SH.message)}")
            for prop in shapes.objects(shape, SH.property)
        ]
        if (shape, SH["or"], None) in shapes:
            rules.append((None, f"{shape_name}: {shapes.value(shape, SH.message)}"))
        for target in targets:
            by_class[target] += [text for _, text in rules]
        for path, text in rules:
            if isinstance(path, URIRef):
                by_property[path].append(text + ("" if targets else f" (targets: {', '.join(others)})"))
    return by_class, by_property


def _tree(onto: _Ontology, classes: list[URIRef]) -> list[TreeRow]:
    """The subclass tree of the ontology's own classes, row by row, each under its superclass."""
    children: dict[Node, list[URIRef]] = defaultdict(list)
    roots = []
    for klass in classes:
        own = [p for p in onto.parents.get(klass, ()) if p in classes]
        if own:
            children[sorted(own, key=str)[0]].append(klass)
        else:
            roots.append(klass)
    order: list[tuple[int, URIRef, Node | None]] = []

    def walk(node: URIRef, depth: int, parent: Node | None) -> None:
        order.append((depth, node, parent))
        for child in sorted(children.get(node, []), key=_name):
            walk(child, depth + 1, node)

    for root in sorted(roots, key=_name):
        walk(root, 0, None)
    rows: list[TreeRow] = []
    at: dict[Node, tuple[int, int]] = {}
    for i, (depth, node, parent) in enumerate(order):
        x, y = 10 + depth * 28, 20 + i * 22
        at[node] = (x, y)
        path = f"M{at[parent][0] + 6},{at[parent][1] + 4} V{y - 4} H{x - 2}" if parent in at else None
        rows.append(TreeRow(x, y, onto.link(node), path))
    return rows


def _instances(loaded: Loaded) -> tuple[dict[Node, set[Node]], dict[Node, int], dict[Node, str]]:
    """Each class's direct instances (in the articles' graphs, and the ontology's individuals),
    how many times the articles' graphs use each property, and one such use (the first whose
    ends are named, in IRI order), written as Turtle."""
    ds, ontology = loaded.dataset, loaded.dataset.graph(ONTOLOGY_GRAPH)
    direct: dict[Node, set[Node]] = defaultdict(set)
    uses: dict[Node, int] = defaultdict(int)
    first: dict[Node, tuple[Node, Node]] = {}
    for name in loaded.graph_files:
        if name != str(ONTOLOGY_GRAPH):
            graph = ds.graph(URIRef(name))
            for thing, klass in graph.subject_objects(RDF.type):
                direct[klass].add(thing)
            for s, p, o in graph:
                uses[p] += 1
                if p not in first or _use_order(s, o) < _use_order(*first[p]):
                    first[p] = (s, o)
    for thing, klass in ontology.subject_objects(RDF.type):
        if str(klass).startswith(str(TKG)):
            direct[klass].add(thing)
    return direct, uses, {p: f"{_written(s)} {_name(p)} {_written(o)}" for p, (s, o) in first.items()}


def _use_order(s: Node, o: Node) -> tuple[bool, str, str]:
    """Uses whose ends are named first, then in IRI order."""
    return (isinstance(s, BNode) or isinstance(o, BNode), str(s), str(o))


def _written(term: Node) -> str:
    """A term as an example writes it: a prefixed name, a quoted literal, ``[ … ]`` for a blank node."""
    if isinstance(term, BNode):
        return "[ … ]"
    if isinstance(term, URIRef):
        return _name(term)
    return (
        str(term)
        if isinstance(term, Literal) and isinstance(term.toPython(), (int, float, Decimal))
        else _quoted(str(term))
    )


def _class_term(onto: _Ontology, klass: URIRef, members: set[Node], rules: list[str], ds: Dataset) -> Term:
    g = onto.graph
    return Term(
        onto.link(klass),
        str(klass),
        onto.text(klass, RDFS.label),
        onto.text(klass, RDFS.comment),
        rows=[
            ("subclass of", onto.links(sorted(onto.parents.get(klass, ()), key=str))),
            (
                "subclasses",
                onto.links(sorted((c for c in onto.classes if klass in onto.parents.get(c, ())), key=_name)),
            ),
            ("domain of", onto.links(p for p in onto.properties if (p, RDFS.domain, klass) in g)),
            ("range of", onto.links(p for p in onto.properties if (p, RDFS.range, klass) in g)),
        ],
        constraints=rules,
        count=len(members),
        example=_example(ds, members),
    )


OPEN_END = {  # why a property's domain or range names no class
    "domain": "any subject: the ontology leaves it open (SHACL shapes say where it is required)",
    "range": "any value: the ontology leaves it open (SHACL shapes say what it must be)",
}


def _property_term(onto: _Ontology, prop: URIRef, rules: list[str], uses: int, use: str | None) -> Term:
    g = onto.graph
    ends = [("domain", g.value(prop, RDFS.domain)), ("range", g.value(prop, RDFS.range))]
    return Term(
        onto.link(prop),
        str(prop),
        onto.text(prop, RDFS.label),
        onto.text(prop, RDFS.comment),
        rows=[
            *(
                (field, [onto.link(end)] if end is not None and not isinstance(end, BNode) else [])
                for field, end in ends
            ),
            ("super-properties", onto.links(g.objects(prop, RDFS.subPropertyOf))),
            ("sub-properties", onto.links(g.subjects(RDFS.subPropertyOf, prop))),
        ],
        constraints=rules,
        kinds=", ".join(_name(t) for t in sorted(g.objects(prop, RDF.type), key=str)),
        count=uses,
        use=use,
        notes={field: OPEN_END[field] for field, end in ends if end is None or isinstance(end, BNode)},
    )


def document(loaded: Loaded) -> dict[str, Any]:
    """What the documentation page shows, as the ``docs.html`` template reads it."""
    ds = loaded.dataset
    ontology = ds.graph(ONTOLOGY_GRAPH)
    for prefix, ns in ds.namespaces():
        ontology.bind(prefix, ns, override=False)
    parents: dict[Node, set[Node]] = defaultdict(set)
    for sub, sup in ontology.subject_objects(RDFS.subClassOf):
        parents[sub].add(sup)
    onto = _Ontology(
        ontology,
        sorted({c for c in ontology.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}, key=_order),
        sorted(
            {p for t in PROPERTY_TYPES for p in ontology.subjects(RDF.type, t) if isinstance(p, URIRef)}, key=_order
        ),
        parents,
        superclass_map(ontology),
    )
    own = [c for c in onto.classes if str(c).startswith(str(TKG))]
    direct, uses, examples = _instances(loaded)
    by_class, by_property = _constraints(loaded.shapes_graph())
    prefixes = {_name(t).split(":")[0] for t in onto.classes + onto.properties} | NAMESPACES_SHOWN
    return {
        "comment": str(ontology.value(ONTOLOGY_GRAPH, RDFS.comment) or ""),
        "counts": (len(onto.classes), len(onto.properties)),
        "contents": onto.links(own),
        "property_contents": onto.links(p for p in onto.properties if str(p).startswith(str(TKG))),
        "namespaces": [(prefix, str(ns)) for prefix, ns in sorted(ontology.namespaces()) if prefix in prefixes],
        "tree": _tree(onto, own),
        "classes": [
            _class_term(
                onto,
                klass,
                direct[klass].union(*(direct[c] for c in onto.classes if klass in onto.closure[c])),
                by_class.get(klass, [])
                + [
                    f"{r} (from {_name(sup)})"
                    for sup in sorted(onto.closure[klass], key=str)
                    for r in by_class.get(sup, [])
                ],
                ds,
            )
            for klass in onto.classes
        ],
        "properties": [
            _property_term(onto, p, by_property.get(p, []), uses[p], examples.get(p)) for p in onto.properties
        ],
        "individuals": [
            (onto.link(klass), _name(thing), onto.text(thing, RDFS.label), onto.text(thing, RDFS.comment))
            for klass, thing in sorted(
                {
                    (klass, thing)
                    for thing, klass in ontology.subject_objects(RDF.type)
                    if str(klass).startswith(str(TKG)) and isinstance(thing, URIRef)
                },
                key=lambda kt: (_name(kt[0]), _name(kt[1])),
            )
        ],
    }


def render(loaded: Loaded) -> str:
    """The documentation page's HTML."""
    return render_template("docs.html", **document(loaded))


EXAMPLE_ROWS = 6


def _example(ds: Dataset, members: set[Node]) -> tuple[str, list[str]] | None:
    """The class at its best: the instance the graph says most of (a person who is quoted, an
    observation with value, unit and year), with its label first, then what it says and what
    is said of it (``^tkg:speaker``)."""
    said = {
        m: len(set(ds.predicates(m))) + len(set(ds.subject_predicates(m))) for m in members if isinstance(m, URIRef)
    }
    thing = min(said, key=lambda m: (-said[m], str(m)), default=None)
    if thing is None:
        return None
    rows = []
    for p, o in sorted(ds.predicate_objects(thing), key=lambda po: (_label_first(po[0]), str(po[0]), str(po[1]))):
        if not isinstance(o, BNode) and p != RDF.type:
            rows.append(f"{_name(p)} {_written(o)}")
    for s, p in sorted(ds.subject_predicates(thing), key=lambda sp: (str(sp[1]), str(sp[0]))):
        if isinstance(s, URIRef) and p != RDF.type:
            rows.append(f"^{_name(p)} {_name(s)}")
    return _name(thing), list(dict.fromkeys(rows))[:EXAMPLE_ROWS]


FIRST_SAID = [RDFS.label, TKG.value, TKG.unit, TKG.year, TKG.indicator, TKG.observedEntity, TKG.speaker, TKG.quoteText]


def _label_first(p: Node) -> int:
    """An example's statements: its label, what makes it what it is (value, unit, year, …), then the rest."""
    return FIRST_SAID.index(p) if p in FIRST_SAID else len(FIRST_SAID)


def write_docs(loaded: Loaded, out_dir: Path) -> Path:
    """Write ``out_dir/index.html`` atomically; return its path."""
    path = Path(out_dir) / "index.html"
    write_atomic(path, render(loaded).encode("utf-8"))
    return path


def _quoted(text: str, width: int = 80) -> str:
    """A literal as Turtle writes it, cut to ``width`` characters."""
    return '"' + (text if len(text) <= width else text[: width - 1] + "…") + '"'
