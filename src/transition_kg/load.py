"""Read the ontology and the graph files into an rdflib ``Dataset``.

- every ``ontology/*.ttl`` (shapes excepted) goes into the ontology's named graph;
- every ``graph/**/*.trig`` contributes its named graphs (each article's graph is named by
  the article's IRI; shared entities are in ``tkr:graph-shared``); triples outside a named
  graph are an error, and so is a graph defined in two files.

A broken file raises :class:`~transition_kg.errors.ParseError` as ``FILE:LINE: message``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from .errors import ParseError
from .paths import Project

TKG = Namespace("https://w3id.org/transition-kg/ontology#")
TKR = Namespace("https://w3id.org/transition-kg/id/")
OA = Namespace("http://www.w3.org/ns/oa#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("https://schema.org/")
SH = Namespace("http://www.w3.org/ns/shacl#")
TKGSH = Namespace("https://w3id.org/transition-kg/shapes#")

ONTOLOGY_GRAPH = URIRef("https://w3id.org/transition-kg/ontology")
INFERRED_GRAPH = TKR["graph-inferred"]

PREFIXES = {
    "tkg": TKG, "tkr": TKR, "oa": OA, "prov": PROV, "schema": SCHEMA, "rdf": RDF, "rdfs": RDFS,
    "owl": OWL, "xsd": XSD, "skos": SKOS, "dcterms": DCTERMS,
}


@dataclass
class Loaded:
    """The loaded project: the dataset and which file each named graph came from."""

    dataset: Dataset
    graph_files: dict[URIRef, list[Path]] = field(default_factory=dict)

    def files_for(self, graph: URIRef) -> list[Path]:
        return self.graph_files.get(graph, [])


def new_dataset() -> Dataset:
    """An empty dataset whose default graph is the union of the named graphs."""
    ds = Dataset(default_union=True)
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    return ds


def parse_file(path: Path, fmt: str, display: str | None = None) -> Graph:
    """Parse one file (``turtle`` into a Graph, ``trig`` into a Dataset), turning syntax
    errors into ParseError."""
    # Imported here: the parser module is only needed when a file is broken.
    from rdflib.plugins.parsers.notation3 import BadSyntax

    shown = display or str(path)
    ds: Graph = Dataset() if fmt == "trig" else Graph()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ParseError(shown, None, f"cannot read: {exc.strerror}") from None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ParseError(shown, line, "not UTF-8 text") from None
    try:
        ds.parse(data=data, format=fmt, publicID=path.as_uri())
    except BadSyntax as exc:
        raise ParseError(shown, exc.lines + 1, f"syntax error: {exc._why}") from None
    except (ValueError, SyntaxError) as exc:
        raise ParseError(shown, None, f"syntax error: {exc}") from None
    return ds


def load_project(project: Project, errors: list[ParseError] | None = None) -> Loaded:
    """Load ontology and graph files into one dataset (see module docstring).

    A broken file raises ParseError; when ``errors`` is a list, every broken file is
    appended to it instead and the rest is still loaded.
    """
    loaded = Loaded(new_dataset())

    def attempt(path: Path, fmt: str) -> Graph | None:
        try:
            return parse_file(path, fmt, project.display(path))
        except ParseError as exc:
            if errors is None:
                raise
            errors.append(exc)
            return None

    ontology = loaded.dataset.graph(ONTOLOGY_GRAPH)
    for path in project.ontology_files():
        part = attempt(path, "turtle")
        if part is not None:
            for triple in part:
                ontology.add(triple)
            loaded.graph_files.setdefault(ONTOLOGY_GRAPH, []).append(path)
    for path in project.graph_files():
        part = attempt(path, "trig")
        if part is None:
            continue
        assert isinstance(part, Dataset)
        try:
            _add_named_graphs(loaded, part, path, project)
        except ParseError as exc:
            if errors is None:
                raise
            errors.append(exc)
    return loaded


def _add_named_graphs(loaded: Loaded, part: Dataset, path: Path, project: Project) -> None:
    shown = project.display(path)
    for graph in part.graphs():
        if len(graph) == 0:
            continue
        name = graph.identifier
        if not isinstance(name, URIRef) or name == part.default_graph.identifier:
            raise ParseError(shown, None, "triples outside a named graph (wrap them in GRAPH-name { ... })")
        if name in loaded.graph_files:
            other = project.display(loaded.graph_files[name][0])
            raise ParseError(shown, None, f"graph <{name}> is also defined in {other}")
        loaded.graph_files[name] = [path]
        target = loaded.dataset.graph(name)
        for triple in graph:
            target.add(triple)


def load_shapes(project: Project) -> Graph:
    """The SHACL shapes of the project, in one graph."""
    shapes = Graph()
    shapes.bind("tkgsh", TKGSH)
    for path in project.shapes_files():
        for triple in parse_file(path, "turtle", project.display(path)):
            shapes.add(triple)
    return shapes
