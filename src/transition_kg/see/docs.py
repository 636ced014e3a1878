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

from ..core.files import write_atomic
from ..core.infer import superclass_map
from ..core.load import Loaded
from ..core.vocab import ONTOLOGY_GRAPH, SH, TKG, short

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
        others = [
            f"{_name(shapes, p)} {_name(ontology, o)}"
            for p in (SH.targetSubjectsOf, SH.targetObjectsOf)
            for o in shapes.objects(shape, p)
        ]
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
    parts = [
        f'<figure><svg xmlns="http://www.w3.org/2000/svg" width="620" height="{height}" '
        f'viewBox="0 0 620 {height}" aria-labelledby="hierarchy-caption">'
    ]
    position = {}
    for i, (depth, node) in enumerate(rows):
        x, y = 10 + depth * 28, 20 + i * 22
        position[node] = (x, y)
        parent = next((p for p, kids in children.items() if node in kids), None)
        if parent in position:
            px, py = position[parent]
            parts.append(f'<path d="M{px + 6},{py + 4} V{y - 4} H{x - 2}" fill="none" stroke="#999"/>')
        parts.append(
            f'<a href="#{html.escape(_anchor(ontology, node))}"><text x="{x}" y="{y}" '
            f'font-family="sans-serif" font-size="13">{html.escape(_name(ontology, node))}</text></a>'
        )
    parts.append(
        '</svg><figcaption id="hierarchy-caption">The project\'s classes, each under its superclass; '
        "each name links to its definition.</figcaption></figure>"
    )
    return "".join(parts)


def render(loaded: Loaded) -> str:
    """The documentation page's HTML."""
    ds = loaded.dataset
    ontology = ds.graph(ONTOLOGY_GRAPH)
    for prefix, ns in ds.namespaces():
        ontology.bind(prefix, ns, override=False)
    shapes = loaded.shapes_graph()

    def order(term: URIRef) -> tuple:
        """The project's own terms first, its tooling terms (candidates of drafts) next, imported ones last."""
        name = _name(ontology, term)
        own = str(term).startswith(str(TKG))
        tooling = own and name.split(":", 1)[-1].lower().startswith("candidate")
        return (not own, tooling, name)

    classes = sorted({c for c in ontology.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}, key=order)
    properties = sorted(
        {p for t in PROPERTY_TYPES for p in ontology.subjects(RDF.type, t) if isinstance(p, URIRef)}, key=order
    )
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

    individuals = sorted(
        {
            (klass, thing)
            for thing, klass in ontology.subject_objects(RDF.type)
            if str(klass).startswith(str(TKG)) and isinstance(thing, URIRef)
        },
        key=lambda kt: (_name(ontology, kt[0]), _name(ontology, kt[1])),
    )
    contents = "".join(
        f'<li><a href="#{html.escape(_anchor(ontology, c))}">{html.escape(_name(ontology, c))}</a></li>'
        for c in classes
        if str(c).startswith(str(TKG))
    )
    out = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        "<title>transition-kg ontology</title><style>",
        "body{font-family:system-ui,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#202124}",
        "section{border-top:1px solid #ddd;padding:.5rem 0}",
        "dl{display:grid;grid-template-columns:10rem minmax(0,1fr);gap:.15rem 1rem;margin:.3rem 0}",
        "dt{font-weight:bold} dd{margin:0;min-width:0} code{background:#f3f3f3;padding:0 .2rem;overflow-wrap:anywhere}",
        "h3{margin:.4rem 0} nav ol{columns:3 12rem} figure{margin:0;overflow-x:auto} svg{max-width:100%;height:auto}",
        "a{color:#0b57d0} :focus-visible{outline:3px solid #0b57d0}",
        "table{border-collapse:collapse} td,th{text-align:left;padding:.1rem .5rem;border-bottom:1px solid #e0e0e0;vertical-align:top}",
        "@media (max-width:600px){dl{grid-template-columns:minmax(0,1fr)} dd{margin:0 0 .4rem} nav ol{columns:1}"
        " table{display:block;overflow-x:auto;max-width:100%}}",
        "</style></head><body><header>",
        "<h1>transition-kg ontology</h1>",
        f"<p>{html.escape(str(ontology.value(ONTOLOGY_GRAPH, RDFS.comment) or ''))}</p>",
        f"<p>{len(classes)} classes and {len(properties)} properties, generated from <code>ontology/*.ttl</code>.</p>",
        '</header><nav aria-label="Contents"><h2 id="contents">Contents</h2><ul>'
        '<li><a href="#namespaces">Namespaces</a></li><li><a href="#hierarchy">Class hierarchy</a></li>'
        '<li><a href="#classes">Classes</a> (the project\'s first, candidates of drafts next, imported terms last)</li>'
        '<li><a href="#properties">Properties</a></li><li><a href="#individuals">Individuals</a> '
        "(indicators, units, qualifiers, measures, statuses, industries)</li></ul>"
        f"<ol>{contents}</ol></nav><main>",
        '<h2 id="namespaces">Namespaces</h2><table><thead><tr><th scope="col">prefix</th><th scope="col">IRI</th></tr></thead><tbody>',
        *(
            f"<tr><td><code>{html.escape(prefix)}:</code></td><td><code>{html.escape(str(ns))}</code></td></tr>"
            for prefix, ns in sorted(ontology.namespaces())
            if prefix
            in {_name(ontology, t).split(":")[0] for t in classes + properties}
            | {"tkr", "oa", "skos", "prov", "dcterms", "xsd", "sh"}
        ),
        "</tbody></table>",
        '<h2 id="hierarchy">Class hierarchy</h2>',
        _hierarchy_svg(ontology, own_classes, parents),
        '<h2 id="classes">Classes</h2>',
    ]
    for klass in classes:
        subs = sorted((c for c in classes if klass in parents.get(c, ())), key=lambda c: _name(ontology, c))
        members = direct[klass].union(*(direct[c] for c in classes if klass in closure[c]))
        count = len(members)
        domain_of = [p for p in properties if (p, RDFS.domain, klass) in ontology]
        range_of = [p for p in properties if (p, RDFS.range, klass) in ontology]
        out.append(
            f'<section id="{html.escape(_anchor(ontology, klass))}"><h3>{html.escape(_name(ontology, klass))} '
            f"— {text(klass, RDFS.label)}</h3><p>{text(klass, RDFS.comment)}</p><dl>"
        )
        out.append(f"<dt>IRI</dt><dd><code>{html.escape(str(klass))}</code></dd>")
        out.append(
            "<dt>subclass of</dt><dd>"
            + (", ".join(_link(ontology, p, local) for p in sorted(parents.get(klass, ()), key=str)) or "—")
            + "</dd>"
        )
        out.append("<dt>subclasses</dt><dd>" + (", ".join(_link(ontology, c, local) for c in subs) or "—") + "</dd>")
        out.append(
            "<dt>domain of</dt><dd>" + (", ".join(_link(ontology, p, local) for p in domain_of) or "—") + "</dd>"
        )
        out.append("<dt>range of</dt><dd>" + (", ".join(_link(ontology, p, local) for p in range_of) or "—") + "</dd>")
        rules = by_class.get(klass, []) + [
            f"{r} (from {_name(ontology, sup)})"
            for sup in sorted(closure[klass], key=str)
            for r in by_class.get(sup, [])
        ]
        out.append(
            "<dt>constraints</dt><dd>"
            + ("<ul>" + "".join(f"<li>{html.escape(r)}</li>" for r in rules) + "</ul>" if rules else "—")
            + "</dd>"
        )
        out.append(f'<dt>instances</dt><dd class="instances">{count}</dd>')
        example = _example(ds, members)
        if example:
            out.append(f'<dt>example</dt><dd class="example">{example}</dd>')
        out.append("</dl></section>")
    out.append('<h2 id="properties">Properties</h2>')
    for prop in properties:
        kinds = ", ".join(_name(ontology, t) for t in sorted(ontology.objects(prop, RDF.type), key=str))
        subs = [_link(ontology, p, local) for p in ontology.subjects(RDFS.subPropertyOf, prop)]
        supers = [_link(ontology, p, local) for p in ontology.objects(prop, RDFS.subPropertyOf)]
        rules = by_property.get(prop, [])
        out.append(
            f'<section id="{html.escape(_anchor(ontology, prop))}"><h3>{html.escape(_name(ontology, prop))} '
            f"— {text(prop, RDFS.label)}</h3><p>{text(prop, RDFS.comment)}</p><dl>"
        )
        out.append(f"<dt>IRI</dt><dd><code>{html.escape(str(prop))}</code> ({html.escape(kinds)})</dd>")
        for label, pred in (("domain", RDFS.domain), ("range", RDFS.range)):
            value = ontology.value(prop, pred)
            out.append(
                f"<dt>{label}</dt><dd>{_link(ontology, value, local) if value is not None and not isinstance(value, BNode) else '—'}</dd>"
            )
        out.append("<dt>super-properties</dt><dd>" + (", ".join(supers) or "—") + "</dd>")
        out.append("<dt>sub-properties</dt><dd>" + (", ".join(subs) or "—") + "</dd>")
        out.append(
            "<dt>constraints</dt><dd>"
            + ("<ul>" + "".join(f"<li>{html.escape(r)}</li>" for r in rules) + "</ul>" if rules else "—")
            + "</dd>"
        )
        out.append(f'<dt>uses in the graph</dt><dd class="uses">{uses[prop]}</dd></dl></section>')
    out.append(
        '<h2 id="individuals">Individuals</h2><p>The ontology\'s own values, which facts point to.</p>'
        '<table><thead><tr><th scope="col">class</th><th scope="col">individual</th><th scope="col">label</th>'
        '<th scope="col">comment</th></tr></thead><tbody>'
    )
    for klass, thing in individuals:
        out.append(
            f"<tr><td>{_link(ontology, klass, local)}</td><td><code>{html.escape(_name(ontology, thing))}</code></td>"
            f"<td>{text(thing, RDFS.label)}</td><td>{text(thing, RDFS.comment) if ontology.value(thing, RDFS.comment) else ''}</td></tr>"
        )
    out.append("</tbody></table></main></body></html>")
    return "\n".join(out)


def _example(ds, members: set) -> str:
    """One instance of the class from the graph (the first by IRI), with a few of its statements."""
    thing = min((m for m in members if isinstance(m, URIRef)), key=str, default=None)
    if thing is None:
        return ""
    rows = []
    for p, o in sorted(ds.predicate_objects(thing), key=lambda po: (str(po[0]), str(po[1]))):
        if isinstance(o, BNode) or p == RDF.type:
            continue
        rows.append(f"{html.escape(short(p))} {html.escape(short(o) if isinstance(o, URIRef) else _quoted(str(o)))}")
        if len(rows) == 4:
            break
    return f"<code>{html.escape(short(thing))}</code>" + (
        "<ul>" + "".join(f"<li><code>{r}</code></li>" for r in rows) + "</ul>" if rows else ""
    )


def write_docs(loaded: Loaded, out_dir: Path) -> Path:
    """Write ``out_dir/index.html`` atomically; return its path."""
    path = Path(out_dir) / "index.html"
    write_atomic(path, render(loaded).encode("utf-8"))
    return path


def _quoted(text: str, width: int = 80) -> str:
    """A literal as Turtle writes it, cut to ``width`` characters."""
    return '"' + (text if len(text) <= width else text[: width - 1] + "…") + '"'
