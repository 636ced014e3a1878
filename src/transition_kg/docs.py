"""Ontology documentation: one offline HTML page generated from the Turtle, so it can never
drift. Every class and property with its label, comment, super- and sub-terms, domain and
range, the SHACL constraints that apply to it, and how many instances the graph has; and a
diagram (inline SVG) of the class hierarchy.
"""

from __future__ import annotations

import html
from collections import defaultdict
from pathlib import Path

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from .files import write_atomic
from .infer import superclass_map
from .load import Loaded
from .vocab import ONTOLOGY_GRAPH, SH, TKG, short

PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)


def _name(graph: Graph, term: Node) -> str:
    return short(term)


def _anchor(graph: Graph, term: Node) -> str:
    return _name(graph, term).replace(":", "-")


def _link(graph: Graph, term: Node, local: set[Node]) -> str:
    name = html.escape(_name(graph, term))
    return f'<a href="#{html.escape(_anchor(graph, term))}">{name}</a>' if term in local else f"<code>{name}</code>"


def _constraints(shapes: Graph, ontology: Graph) -> tuple[dict[Node, list[str]], dict[Node, list[str]]]:
    """Readable SHACL constraints, by the class they target and by the property they constrain."""
    by_class, by_property = defaultdict(list), defaultdict(list)
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        shape_name = _name(shapes, shape)
        targets = list(shapes.objects(shape, SH.targetClass))
        others = [f"{_name(shapes, p)} {_name(ontology, o)}" for p in (SH.targetSubjectsOf, SH.targetObjectsOf)
                  for o in shapes.objects(shape, p)]
        rules = []
        for prop in shapes.objects(shape, SH.property):
            path = shapes.value(prop, SH.path)
            message = shapes.value(prop, SH.message)
            rules.append((path, f"{shape_name}: {message}"))
        if (shape, SH["or"], None) in shapes:
            rules.append((None, f"{shape_name}: {shapes.value(shape, SH.message)}"))
        for target in targets:
            by_class[target] += [text for _, text in rules]
        for path, text in rules:
            if isinstance(path, URIRef):
                by_property[path].append(text + ("" if targets else f" (targets: {', '.join(others)})"))
    return by_class, by_property


def _hierarchy_svg(ontology: Graph, classes: list[URIRef], parents: dict[URIRef, set[URIRef]]) -> str:
    """The subclass tree of the ontology's own classes as an indented SVG diagram."""
    children = defaultdict(list)
    roots = []
    for klass in classes:
        own = [p for p in parents.get(klass, ()) if p in classes]
        if own:
            children[sorted(own, key=str)[0]].append(klass)
        else:
            roots.append(klass)
    rows: list[tuple[int, URIRef]] = []

    def walk(node: URIRef, depth: int) -> None:
        rows.append((depth, node))
        for child in sorted(children.get(node, []), key=lambda c: _name(ontology, c)):
            walk(child, depth + 1)

    for root in sorted(roots, key=lambda c: _name(ontology, c)):
        walk(root, 0)
    height = 22 * len(rows) + 10
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="620" height="{height}" role="img" '
             f'aria-label="class hierarchy">']
    position = {}
    for i, (depth, node) in enumerate(rows):
        x, y = 10 + depth * 28, 20 + i * 22
        position[node] = (x, y)
        parent = next((p for p, kids in children.items() if node in kids), None)
        if parent in position:
            px, py = position[parent]
            parts.append(f'<path d="M{px + 6},{py + 4} V{y - 4} H{x - 2}" fill="none" stroke="#999"/>')
        parts.append(f'<a href="#{html.escape(_anchor(ontology, node))}"><text x="{x}" y="{y}" '
                     f'font-family="sans-serif" font-size="13">{html.escape(_name(ontology, node))}</text></a>')
    parts.append("</svg>")
    return "".join(parts)


def render(loaded: Loaded) -> str:
    """The documentation page's HTML."""
    ds = loaded.dataset
    ontology = ds.graph(ONTOLOGY_GRAPH)
    for prefix, ns in ds.namespaces():
        ontology.bind(prefix, ns, override=False)
    shapes = loaded.shapes_graph()
    classes = sorted({c for c in ontology.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}, key=lambda c: _name(ontology, c))
    properties = sorted({p for t in PROPERTY_TYPES for p in ontology.subjects(RDF.type, t) if isinstance(p, URIRef)},
                        key=lambda p: _name(ontology, p))
    own_classes = [c for c in classes if str(c).startswith(str(TKG))]
    parents = defaultdict(set)
    for sub, sup in ontology.subject_objects(RDFS.subClassOf):
        parents[sub].add(sup)
    closure = superclass_map(ontology)
    direct = defaultdict(set)
    for name in loaded.graph_files:
        if name != str(ONTOLOGY_GRAPH):
            for thing, klass in ds.graph(URIRef(name)).subject_objects(RDF.type):
                direct[klass].add(thing)
    for thing, klass in ontology.subject_objects(RDF.type):
        if str(klass).startswith(str(TKG)):
            direct[klass].add(thing)
    uses = defaultdict(int)
    for name in loaded.graph_files:
        if name != str(ONTOLOGY_GRAPH):
            for _, p, _ in ds.graph(URIRef(name)):
                uses[p] += 1
    by_class, by_property = _constraints(shapes, ontology)
    local = set(classes) | set(properties)

    def text(term: Node, prop: URIRef) -> str:
        value = ontology.value(term, prop)
        return html.escape(str(value)) if value is not None else "<em>missing</em>"

    out = ['<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
           '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
           "<title>transition-kg ontology</title><style>",
           "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}",
           "section{border-top:1px solid #ddd;padding:.5rem 0} dt{font-weight:bold;float:left;width:9rem;clear:left}",
           "dd{margin-left:10rem} code{background:#f3f3f3;padding:0 .2rem} h3{margin:.4rem 0}",
           "</style></head><body>",
           "<h1>transition-kg ontology</h1>",
           f"<p>{html.escape(str(ontology.value(ONTOLOGY_GRAPH, RDFS.comment) or ''))}</p>",
           f"<p>{len(classes)} classes and {len(properties)} properties, generated from <code>ontology/*.ttl</code>.</p>",
           "<h2 id=\"hierarchy\">Class hierarchy</h2>", _hierarchy_svg(ontology, own_classes, parents),
           "<h2 id=\"classes\">Classes</h2>"]
    for klass in classes:
        subs = sorted((c for c in classes if klass in parents.get(c, ())), key=lambda c: _name(ontology, c))
        count = len(direct[klass].union(*(direct[c] for c in classes if klass in closure[c])))
        domain_of = [p for p in properties if (p, RDFS.domain, klass) in ontology]
        range_of = [p for p in properties if (p, RDFS.range, klass) in ontology]
        out.append(f'<section id="{html.escape(_anchor(ontology, klass))}"><h3>{html.escape(_name(ontology, klass))} '
                   f'— {text(klass, RDFS.label)}</h3><p>{text(klass, RDFS.comment)}</p><dl>')
        out.append(f"<dt>IRI</dt><dd><code>{html.escape(str(klass))}</code></dd>")
        out.append("<dt>subclass of</dt><dd>" + (", ".join(_link(ontology, p, local) for p in sorted(parents.get(klass, ()), key=str)) or "—") + "</dd>")
        out.append("<dt>subclasses</dt><dd>" + (", ".join(_link(ontology, c, local) for c in subs) or "—") + "</dd>")
        out.append("<dt>domain of</dt><dd>" + (", ".join(_link(ontology, p, local) for p in domain_of) or "—") + "</dd>")
        out.append("<dt>range of</dt><dd>" + (", ".join(_link(ontology, p, local) for p in range_of) or "—") + "</dd>")
        rules = by_class.get(klass, []) + [f"{r} (from {_name(ontology, sup)})" for sup in sorted(closure[klass], key=str)
                                           for r in by_class.get(sup, [])]
        out.append("<dt>constraints</dt><dd>" + ("<ul>" + "".join(f"<li>{html.escape(r)}</li>" for r in rules) + "</ul>" if rules else "—") + "</dd>")
        out.append(f'<dt>instances</dt><dd class="instances">{count}</dd></dl></section>')
    out.append('<h2 id="properties">Properties</h2>')
    for prop in properties:
        kinds = ", ".join(_name(ontology, t) for t in sorted(ontology.objects(prop, RDF.type), key=str))
        subs = [_link(ontology, p, local) for p in ontology.subjects(RDFS.subPropertyOf, prop)]
        supers = [_link(ontology, p, local) for p in ontology.objects(prop, RDFS.subPropertyOf)]
        rules = by_property.get(prop, [])
        out.append(f'<section id="{html.escape(_anchor(ontology, prop))}"><h3>{html.escape(_name(ontology, prop))} '
                   f'— {text(prop, RDFS.label)}</h3><p>{text(prop, RDFS.comment)}</p><dl>')
        out.append(f"<dt>IRI</dt><dd><code>{html.escape(str(prop))}</code> ({html.escape(kinds)})</dd>")
        for label, pred in (("domain", RDFS.domain), ("range", RDFS.range)):
            value = ontology.value(prop, pred)
            out.append(f"<dt>{label}</dt><dd>{_link(ontology, value, local) if value is not None and not isinstance(value, BNode) else '—'}</dd>")
        out.append("<dt>super-properties</dt><dd>" + (", ".join(supers) or "—") + "</dd>")
        out.append("<dt>sub-properties</dt><dd>" + (", ".join(subs) or "—") + "</dd>")
        out.append("<dt>constraints</dt><dd>" + ("<ul>" + "".join(f"<li>{html.escape(r)}</li>" for r in rules) + "</ul>" if rules else "—") + "</dd>")
        out.append(f'<dt>uses in the graph</dt><dd class="uses">{uses[prop]}</dd></dl></section>')
    out.append("</body></html>")
    return "\n".join(out)


def write_docs(loaded: Loaded, out_dir: Path) -> Path:
    """Write ``out_dir/index.html`` atomically; return its path."""
    path = Path(out_dir) / "index.html"
    write_atomic(path, render(loaded).encode("utf-8"))
    return path
