"""Build: inferred triples, counts, and the dataset written to ``build/``.

The build adds one named graph, ``tkr:graph-inferred``, holding what the queries rely on
and a store need not reason to find: every superclass type (``rdfs:subClassOf``), the
transitive closure of ``tkg:locatedIn``, and ``skos:broaderTransitive`` from
``skos:broader``. It then writes N-Quads and TriG atomically (temporary file, then rename).
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from .errors import OutputError, ValidationFailed
from .load import INFERRED_GRAPH, ONTOLOGY_GRAPH, TKG, Loaded
from .paths import Project
from .validate import Report, validate

OUTPUTS = {"transition-kg.nq": "nquads", "transition-kg.trig": "trig"}


def _closure(pairs: set[tuple[URIRef, URIRef]]) -> set[tuple[URIRef, URIRef]]:
    """Transitive closure of a relation given as (from, to) pairs."""
    step = defaultdict(set)
    for a, b in pairs:
        step[a].add(b)
    result = set()
    for start in list(step):
        seen, todo = set(), list(step[start])
        while todo:
            node = todo.pop()
            if node in seen or node == start:
                continue
            seen.add(node)
            todo.extend(step.get(node, ()))
        result.update((start, node) for node in seen)
    return result


def superclass_map(ontology: Graph) -> dict[URIRef, set[URIRef]]:
    """Every class of the ontology graph → all its superclasses (rdfs:subClassOf, transitively)."""
    result: dict[URIRef, set[URIRef]] = defaultdict(set)
    for sub, sup in _closure(set(ontology.subject_objects(RDFS.subClassOf))):
        result[sub].add(sup)
    for klass in ontology.subjects(RDF.type, None):
        result.setdefault(klass, set())
    return result


def infer(dataset: Dataset) -> Graph:
    """The inferred triples (see module docstring) as a new graph; ``dataset`` is unchanged."""
    inferred = Graph()
    superclasses = superclass_map(dataset.graph(ONTOLOGY_GRAPH))
    for thing, cls in set(dataset.subject_objects(RDF.type)):
        for sup in superclasses.get(cls, ()):
            if (thing, RDF.type, sup) not in dataset:
                inferred.add((thing, RDF.type, sup))
    for a, b in _closure(set(dataset.subject_objects(TKG.locatedIn))):
        if (a, TKG.locatedIn, b) not in dataset:
            inferred.add((a, TKG.locatedIn, b))
    for a, b in _closure(set(dataset.subject_objects(SKOS.broader))):
        inferred.add((a, SKOS.broaderTransitive, b))
    return inferred


def add_inferred(dataset: Dataset) -> Graph:
    """Recompute ``tkr:graph-inferred`` in ``dataset`` from everything else; return it."""
    dataset.remove_graph(INFERRED_GRAPH)
    inferred = infer(dataset)
    target = dataset.graph(INFERRED_GRAPH)
    for triple in inferred:
        target.add(triple)
    return target


@dataclass
class Stats:
    """Counts per class (direct and inferred instances) and per article."""

    classes: dict[str, int]
    articles: dict[str, dict[str, int]]
    graphs: dict[str, int]


ARTICLE_COUNTS = {
    "observations": TKG.Observation, "quotes": TKG.Quote, "roles": TKG.Role, "events": TKG.Event,
    "mentions": TKG.Mention,
}


def stats(loaded: Loaded) -> Stats:
    """Instances of every ``tkg:`` class (including subclass instances), and per article:
    its observations, quotes, roles, events, mentions, the people it names, and triples."""
    ds = loaded.dataset
    ontology = ds.graph(ONTOLOGY_GRAPH)
    subclasses = defaultdict(set)
    for sub, sups in superclass_map(ontology).items():
        for sup in sups:
            subclasses[sup].add(sub)
    classes = sorted(c for c in ontology.subjects(RDF.type, OWL.Class) if str(c).startswith(str(TKG)))
    instances = defaultdict(set)
    for thing, cls in ds.subject_objects(RDF.type):
        instances[cls].add(thing)
    class_counts = {ds.namespace_manager.curie(c, generate=False): len(set().union(instances[c], *(instances[s] for s in subclasses[c])))
                    for c in classes}
    persons = set().union(instances[TKG.Person], *(instances[s] for s in subclasses[TKG.Person]))
    articles = {}
    for article in sorted(instances[TKG.Article]):
        graph = ds.graph(article)
        counts = {name: len(set(graph.subjects(RDF.type, cls))) for name, cls in ARTICLE_COUNTS.items()}
        named = {n for t in graph for n in (t[0], t[2])}
        counts["people"] = len(named & persons)
        counts["triples"] = len(graph)
        articles[ds.namespace_manager.curie(article, generate=False)] = counts
    graphs = Counter()
    for name in loaded.graph_files:
        graphs[ds.namespace_manager.curie(name, generate=False) if name != ONTOLOGY_GRAPH else str(name)] = len(ds.graph(name))
    return Stats(class_counts, articles, dict(graphs))


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write: {exc.strerror}") from None


def validated(project: Project, corpus: Path | None = None) -> tuple[Report, Loaded]:
    """The project validated, with its inferred graph added; raise ValidationFailed on problems."""
    report, loaded = validate(project, corpus)
    if not report.ok:
        raise ValidationFailed(report.problems)
    add_inferred(loaded.dataset)
    return report, loaded


def build(project: Project, out_dir: Path | None = None, corpus: Path | None = None) -> tuple[Report, Stats, list[Path]]:
    """Validate, add inferred triples, write every output; raise ValidationFailed on problems."""
    report, loaded = validated(project, corpus)
    ds = loaded.dataset
    out_dir = out_dir or project.build_dir
    rendered = {name: ds.serialize(format=fmt, encoding="utf-8") for name, fmt in OUTPUTS.items()}
    written = []
    for name, data in rendered.items():
        write_atomic(out_dir / name, data)
        written.append(out_dir / name)
    loaded.graph_files[INFERRED_GRAPH] = []
    return report, stats(loaded), written
