"""Every SHACL shape has a valid fixture that conforms and an invalid one that breaks that
shape and no other. Shapes are read from ontology/shapes.ttl, so a new shape without
fixtures fails here."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.namespace import RDF

from transition_kg.core.load import load
from transition_kg.core.paths import Project
from transition_kg.core.validate import shacl_results
from transition_kg.core.vocab import ONTOLOGY_GRAPH, SH, TKGSH

from .conftest import ROOT

FIXTURES = Path(__file__).parent / "fixtures" / "shapes"
LOADED = load(Project(ROOT))
SHAPE_NAMES = sorted(str(s).removeprefix(str(TKGSH)) for s in LOADED.shapes_graph().subjects(RDF.type, SH.NodeShape))


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return LOADED.shapes_graph()


@pytest.fixture(scope="module")
def ontology() -> Graph:
    graph = Graph()
    for triple in LOADED.dataset.graph(ONTOLOGY_GRAPH):
        graph.add(triple)
    return graph


def violated(fixture: Path, ontology: Graph, shapes: Graph) -> dict[str, list[str]]:
    data = Graph()
    data += ontology
    for path in (FIXTURES / "base.trig", fixture):
        part = Dataset()
        part.parse(path, format="trig")
        for s, p, o, _ in part.quads((None, None, None, None)):
            data.add((s, p, o))
    found: dict[str, list[str]] = {}
    for result in shacl_results(data, shapes):
        found.setdefault(str(result.shape).removeprefix(str(TKGSH)), []).append(result.message)
    return found


def test_shapes_are_discovered():
    assert len(SHAPE_NAMES) == 24
    assert {"ObservationShape", "QuoteShape", "ArticleShape", "EvidenceShape"} <= set(SHAPE_NAMES)


def test_every_constraint_has_a_message(shapes):
    for node in shapes.subjects(RDF.type, SH.NodeShape):
        constraints = list(shapes.objects(node, SH.property))
        assert all(shapes.value(c, SH.message) for c in constraints), node
        if (node, SH["or"], None) in shapes:
            assert shapes.value(node, SH.message), f"{node} has sh:or without sh:message"


@pytest.mark.parametrize("name", SHAPE_NAMES)
def test_valid_fixture_conforms(name, ontology, shapes):
    assert violated(FIXTURES / name / "valid.trig", ontology, shapes) == {}


@pytest.mark.parametrize("name", SHAPE_NAMES)
def test_invalid_fixture_breaks_only_its_shape(name, ontology, shapes):
    found = violated(FIXTURES / name / "invalid.trig", ontology, shapes)
    assert list(found) == [name], found
    # the user reads the shape's own words, not a generic "does not conform"
    shape = TKGSH[name]
    declared = {str(m) for c in [shape, *shapes.objects(shape, SH.property)] for m in shapes.objects(c, SH.message)}
    assert set(found[name]) <= declared, (found[name], declared)
