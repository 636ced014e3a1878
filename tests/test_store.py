"""The embedded store loaded straight from the files: the same inferred triples as the
build, kept on disk with --store-dir, reloaded when the project changes."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from transition_kg.build import infer
from transition_kg.cli import run as cli
from transition_kg.errors import ParseError, TKGError
from transition_kg.load import INFERRED_GRAPH, load_project
from transition_kg.store import OxigraphStore, load_oxigraph, open_store

from .conftest import edit

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def test_inferred_graph_is_the_same_as_the_builds(project):
    store = load_oxigraph(project)
    inside = {(q.subject.value, q.predicate.value, q.object.value)
              for q in store.quads_for_pattern(None, None, None, ox.NamedNode(str(INFERRED_GRAPH)))}
    built = {(str(s), str(p), str(o)) for s, p, o in infer(load_project(project).dataset)}
    assert inside == built and len(built) == 454


def test_store_dir_survives_a_restart_and_follows_changes(project_copy, tmp_path):
    where = tmp_path / "store"
    first = open_store(project_copy, store_dir=where)
    total = int(first.query(COUNT).rows[0][0])
    del first  # closes the store and its lock
    marker = (where / "transition-kg.fingerprint").read_text()
    again = open_store(project_copy, store_dir=where)
    assert int(again.query(COUNT).rows[0][0]) == total
    assert (where / "transition-kg.fingerprint").read_text() == marker
    del again
    edit(project_copy.graph_dir / "background.trig", "    tkr:heihe tkg:locatedIn tkr:heilongjiang .\n", "")
    changed = open_store(project_copy, store_dir=where)
    assert int(changed.query(COUNT).rows[0][0]) == total - 2  # the triple, and "Heihe lies in China" inferred from it
    assert (where / "transition-kg.fingerprint").read_text() != marker


def test_cli_store_dir(project, tmp_path, capsys):
    args = ["--project", str(project.root), "query", "cq05-indicator-time-series", "--format", "csv", "--store-dir", str(tmp_path / "s")]
    assert cli(args) == 0
    first = capsys.readouterr().out
    assert cli(args) == 0
    assert capsys.readouterr().out == first and "2024,314," in first
    with pytest.raises(TKGError, match="--store-dir works with the oxigraph engine only"):
        cli(args + ["--engine", "memory"])


def test_broken_file_is_named_with_its_line(project_copy):
    (project_copy.graph_dir / "bad.trig").write_text('@prefix ex: <http://e/> .\nex:g {\n ex:a ex:b "x .\n}\n')
    with pytest.raises(ParseError) as error:
        load_oxigraph(project_copy)
    assert str(error.value).startswith("graph/bad.trig:3: syntax error: ")


def test_default_store_is_oxigraph_from_the_files(project):
    assert isinstance(open_store(project), OxigraphStore)
