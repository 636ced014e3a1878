"""The shapes run as SPARQL inside Oxigraph (core/shacl.py) give pySHACL's results, the
reference: the same focus nodes, paths, messages and shapes, as many times each, on the real
graph and on every shape's valid and broken fixture; a shape they do not translate is said, so
validate runs pySHACL for it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from transition_kg.core.load import load
from transition_kg.core.paths import Project
from transition_kg.core.shacl import Unsupported, compile_shapes, run_checks
from transition_kg.core.sparql import rdflib_term
from transition_kg.core.validate import shacl_results
from transition_kg.core.vocab import INFERRED_GRAPH_IRI, ONTOLOGY_GRAPH_IRI

from .conftest import ROOT

FIXTURES = Path(__file__).parent / "fixtures" / "shapes"
LOADED = load(Project(ROOT))
SHAPES = LOADED.shapes_graph()
CHECKS = compile_shapes(LOADED.shapes)


def both(store: ox.Store, scope: set[str] | None = None) -> tuple[Counter, Counter]:
    """The results of the SPARQL checks and of pySHACL over the union of the store's graphs
    (the inferred graph left out, as validate does; only those of ``scope`` when given)."""
    graphs = [
        g.value for g in store.named_graphs() if g.value != INFERRED_GRAPH_IRI and (not scope or g.value in scope)
    ]
    ours = Counter(
        (rdflib_term(f), rdflib_term(p), m, rdflib_term(s)) for f, p, m, s in run_checks(store, CHECKS, graphs)
    )
    data = Graph()
    for graph in graphs:
        for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(graph)):
            data.add((rdflib_term(quad.subject), rdflib_term(quad.predicate), rdflib_term(quad.object)))
    theirs = Counter((r.focus, r.path, r.message, r.shape) for r in shacl_results(data, SHAPES))
    return ours, theirs


def test_every_shape_translates():
    from rdflib.namespace import RDF

    from transition_kg.core.vocab import SH

    assert {rdflib_term(check.shape) for check in CHECKS} == set(SHAPES.subjects(RDF.type, SH.NodeShape))


def test_the_real_graph_gives_pyshacls_results():
    ours, theirs = both(LOADED.store)
    assert ours == theirs


def test_a_scoped_validation_gives_pyshacls_results():
    """Validation scoped to one article's graph (as promote asks): its graph and the graphs no
    article owns, and no other article's."""
    from rdflib.namespace import RDF

    from transition_kg.core.validate import _scope
    from transition_kg.core.vocab import TKG

    articles = sorted(str(a) for a in LOADED.dataset.subjects(RDF.type, TKG.Article))
    scope = _scope(LOADED, articles[:1])
    ours, theirs = both(LOADED.store, scope)
    assert ours == theirs and articles[0] in scope and articles[1] not in scope


def fixture_store(fixture: Path) -> ox.Store:
    """The ontology, the fixtures' shared base and one fixture, each file's blank nodes its own."""
    store = ox.Store()
    ontology = ox.NamedNode(ONTOLOGY_GRAPH_IRI)
    store.extend(
        ox.Quad(q.subject, q.predicate, q.object, ontology)
        for q in LOADED.store.quads_for_pattern(None, None, None, ontology)
    )
    for path in (FIXTURES / "base.trig", fixture):
        store.extend(ox.parse(path=str(path), format=ox.RdfFormat.TRIG, rename_blank_nodes=True))
    return store


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("*/*.trig")), ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_each_fixture_gives_pyshacls_results(fixture):
    ours, theirs = both(fixture_store(fixture))
    assert ours == theirs
    assert bool(ours) == (fixture.stem == "invalid")  # the broken one breaks something


def test_a_broken_value_of_each_kind_is_found_as_pyshacl_finds_it(tmp_path):
    """Values that break the checks the fixtures leave alone: ill-typed literals, a negative
    offset, a start past its end, a status outside the list, a hash of the wrong form, a
    language where a number or a plain string belongs."""
    broken = tmp_path / "broken.trig"
    broken.write_text(
        """@prefix tkg: <https://w3id.org/transition-kg/ontology#> . @prefix tkr: <https://w3id.org/transition-kg/id/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix dcterms: <http://purl.org/dc/terms/> .
@prefix oa: <http://www.w3.org/ns/oa#> .
tkr:fixture {
    tkr:sel-a a oa:TextPositionSelector ; oa:start -3 ; oa:end 5 .
    tkr:sel-b a oa:TextPositionSelector ; oa:start 9 ; oa:end 4 .
    tkr:sel-c a oa:TextPositionSelector ; oa:end "x"^^xsd:integer .
    tkr:cand-a a tkg:Candidate ; tkg:candidateStatus "maybe" ; tkg:candidateValue "7"@en .
    tkr:article-x a tkg:Article ; tkg:sha256 "ABC" ; tkg:fileSha256 12 ; dcterms:title "x"@en ;
        tkg:published "2024-1-3"^^xsd:date .
}
""",
        encoding="utf-8",
    )
    ours, theirs = both(fixture_store(broken))
    assert ours == theirs
    broke = {"sel-a", "sel-b", "sel-c", "cand-a", "article-x"}
    assert broke <= {str(focus).rsplit("/", 1)[1] for focus, *_ in ours}


def test_a_shape_they_do_not_translate_is_said():
    shapes = ox.Store()
    shapes.load(
        """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ( ex:p ex:q ) ; sh:minCount 1 ;
        sh:message "m" ] .""",
        ox.RdfFormat.TURTLE,
    )
    with pytest.raises(Unsupported):
        compile_shapes(shapes)
