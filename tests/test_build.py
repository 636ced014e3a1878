"""`build`: inferred triples, the written dataset, and nothing half-written on failure."""

from __future__ import annotations

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.namespace import RDF, SKOS

from transition_kg.core.build import build
from transition_kg.core.errors import OutputError, ValidationFailed
from transition_kg.core.files import write_atomic
from transition_kg.core.sparql import rdflib_term
from transition_kg.core.vocab import INFERRED_GRAPH, INFERRED_GRAPH_IRI, TKG, TKR

from .conftest import edit


def inferred_graph(loaded) -> Graph:
    graph = Graph()
    for q in loaded.store.quads_for_pattern(None, None, None, ox.NamedNode(INFERRED_GRAPH_IRI)):
        graph.add((rdflib_term(q.subject), rdflib_term(q.predicate), rdflib_term(q.object)))
    return graph


def test_located_in_closure_equals_an_independent_closure(loaded):
    """What the store infers for tkg:locatedIn is exactly the transitive closure (networkx) of
    what the graphs state, less what they already state."""
    stated = {(s, o) for s, o in loaded.dataset.subject_objects(TKG.locatedIn)}
    closure = set(nx.transitive_closure(nx.DiGraph(stated), reflexive=False).edges())
    inferred = set(inferred_graph(loaded).subject_objects(TKG.locatedIn))
    assert inferred == {(a, b) for a, b in closure if a != b} - stated and len(inferred) > 10


def test_inference_adds_what_queries_need(loaded):
    inferred = inferred_graph(loaded)
    assert (TKR.qitaihe, TKG.locatedIn, TKR.china) in inferred
    assert (TKR["yunzhou-district"], TKG.locatedIn, TKR.china) in inferred
    assert (TKR["xinxing-korean-autonomous-township"], TKG.locatedIn, TKR.heilongjiang) in inferred
    assert (TKR.harbin, TKG.locatedIn, TKR.china) in inferred  # via the background graph
    assert (TKR["coal-mining"], SKOS.broaderTransitive, TKR.energy) in inferred
    assert (TKR.datong, RDF.type, TKG.Place) in inferred
    assert (TKR["obs-qitaihe-population"], RDF.type, TKG.Fact) in inferred
    # nothing already asserted is repeated
    assert (TKR.qitaihe, TKG.locatedIn, TKR.heilongjiang) not in inferred
    located = {str(s).rsplit("/", 1)[1] for s in inferred.subjects(TKG.locatedIn, TKR.china)}
    assert {
        "qitaihe",
        "datong",
        "yunzhou-district",
        "xinxing-korean-autonomous-township",
        "harbin",
        "heihe",
        "yungang-grottoes",
        "ansteel",
    } <= located


def test_build_writes_nquads_and_trig_that_read_back(project_copy, corpus, tmp_path):
    out = tmp_path / "out"
    report, stats, written = build(project_copy, out, corpus)
    assert report.ok
    names = ["transition-kg.manifest.json", "transition-kg.nq", "transition-kg.trig"]
    assert sorted(p.name for p in written) == names
    assert sorted(p.name for p in out.iterdir()) == names  # no temp files left
    nq, trig = Dataset(), Dataset()
    nq.parse(out / "transition-kg.nq", format="nquads")
    trig.parse(out / "transition-kg.trig", format="trig")
    quads_nq = set(nq.quads((None, None, None, None)))
    names = {str(g.identifier) for g in nq.graphs() if len(g)}
    assert str(INFERRED_GRAPH) in names
    assert str(TKR["article-qitaihe-coal-city"]) in names
    assert len(quads_nq) == len(list(trig.quads((None, None, None, None)))) > 4000
    assert stats.articles["tkr:article-qitaihe-coal-city"]["observations"] == 5
    assert (out / "transition-kg.nq").stat().st_mode & 0o044 == 0o044  # readable by others, like any file


def test_build_stops_before_writing_when_validation_fails(project_copy, corpus, tmp_path):
    edit(project_copy.root / "graph/articles/qitaihe-coal-city.trig", "tkg:value 700000 ;", "tkg:value 7 ;")
    out = tmp_path / "out"
    with pytest.raises(ValidationFailed) as failed:
        build(project_copy, out, corpus)
    assert [p.check for p in failed.value.problems] == ["evidence"]
    assert not out.exists()


def test_write_atomic_keeps_the_old_file_when_writing_fails(tmp_path, monkeypatch):
    target = tmp_path / "data.nq"
    target.write_bytes(b"old\n")

    def fail(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("transition_kg.core.files.os.replace", fail)
    with pytest.raises(OutputError, match=r"data\.nq: cannot write: No space left on device"):
        write_atomic(target, b"new\n")
    assert target.read_bytes() == b"old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["data.nq"]


def test_write_atomic_into_a_file_is_a_clear_error(tmp_path):
    blocker = tmp_path / "build"
    blocker.write_text("not a folder")
    with pytest.raises(OutputError, match=r"build/x\.nq: cannot write"):
        write_atomic(blocker / "x.nq", b"data")


@pytest.mark.parametrize("kind", ["symlink", "fifo"])
def test_write_atomic_refuses_to_replace_a_symlink_or_a_special_file(tmp_path, kind):
    import os

    target = tmp_path / "out.html"
    if kind == "symlink":
        (tmp_path / "elsewhere.txt").write_text("keep me")
        target.symlink_to(tmp_path / "elsewhere.txt")
    else:
        os.mkfifo(target)
    with pytest.raises(OutputError, match=r"out\.html: cannot write: (a symlink|not a regular file)"):
        write_atomic(target, b"new")
    assert target.is_symlink() if kind == "symlink" else target.is_fifo()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["out.html"] + (["elsewhere.txt"] if kind == "symlink" else [])
    )


def test_a_private_file_stays_private_when_rewritten(tmp_path):
    import stat

    private = tmp_path / "graph.html"
    private.write_bytes(b"old")
    private.chmod(0o600)
    write_atomic(private, b"new")
    assert private.read_bytes() == b"new" and stat.S_IMODE(private.stat().st_mode) == 0o600
    fresh = tmp_path / "fresh.html"
    write_atomic(fresh, b"x")
    assert stat.S_IMODE(fresh.stat().st_mode) & 0o044  # a new file: readable as the umask allows
