"""The one road from the files to a store: the loader's rules, reported the same way by every
command, and the store kept on disk with --store-dir (reused, reloaded, never half-loaded)."""

from __future__ import annotations

import pytest

from transition_kg.cli import main
from transition_kg.cli import run as cli
from transition_kg.core import load as load_module
from transition_kg.core.errors import ProjectInvalid
from transition_kg.core.load import MARKER, load
from transition_kg.core.store import EmbeddedStore, open_store

from .conftest import edit

TKR = "https://w3id.org/transition-kg/id/"

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
CQ01 = "cq01-coal-cities"


def count(store) -> int:
    return int(store.query(COUNT).rows[0][0].value)


def test_store_dir_survives_a_restart_and_follows_changes(project_copy, tmp_path):
    where = tmp_path / "store"
    first = open_store(project_copy, store_dir=where)
    total = count(first)
    del first  # closes the store and its lock
    marker = (where / MARKER).read_text()
    again = open_store(project_copy, store_dir=where)
    assert count(again) == total
    assert (where / MARKER).read_text() == marker
    del again
    edit(project_copy.graph_dir / "background.trig", "    tkr:heihe tkg:locatedIn tkr:heilongjiang .\n", "")
    changed = open_store(project_copy, store_dir=where)
    # the triple, and "Heihe lies in China" inferred from it with the statement of what it rests on (7 triples)
    assert count(changed) == total - 9
    assert (where / MARKER).read_text() != marker


def test_an_interrupted_reload_is_never_served(project_copy, tmp_path, monkeypatch):
    """Interrupt a reload, put the files back as they were: the store is loaded again, not
    answered from half of it."""
    where = tmp_path / "store"
    full = count(open_store(project_copy, store_dir=where))
    path = project_copy.graph_dir / "background.trig"
    original = path.read_text(encoding="utf-8")
    path.write_text(original + "\n# touched\n", encoding="utf-8")

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(load_module, "_add_graph_file", interrupted)
    with pytest.raises(KeyboardInterrupt):
        open_store(project_copy, store_dir=where)
    monkeypatch.undo()
    path.write_text(original, encoding="utf-8")
    assert not (where / MARKER).exists()
    assert count(open_store(project_copy, store_dir=where)) == full


def test_cli_store_dir(project, tmp_path, capsys):
    args = [
        "--project",
        str(project.root),
        "query",
        "cq05-indicator-time-series",
        "--format",
        "csv",
        "--store-dir",
        str(tmp_path / "s"),
    ]
    assert cli(args) == 0
    first = capsys.readouterr().out
    assert cli(args) == 0
    assert capsys.readouterr().out == first and "2024,,,314," in first


def _snapshot(folder) -> dict:
    """Every file and folder under ``folder`` with its bytes and modification time."""
    return {
        str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
    }


@pytest.mark.parametrize(
    "held",
    [
        {"notes.txt": b"my notes\n", "photos/cat.jpg": b"\xff\xd8 not a store"},
        {"LOG": b"a log of mine\n", "CURRENT": b"MANIFEST-000001\n", "IDENTITY": b"mine\n"},  # RocksDB's names
    ],
    ids=["user-files", "rocksdb-like"],
)
def test_store_dir_refuses_a_folder_that_is_not_a_store(project, tmp_path, capsys, held):
    """A user's folder named as --store-dir by mistake: one line, exit 2 (a usage error), not a byte of it
    changed, nothing added."""
    folder = tmp_path / "mine"
    for name, data in held.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    before = _snapshot(folder)
    with pytest.raises(SystemExit) as stopped:
        main(["--project", str(project.root), "query", CQ01, "--store-dir", str(folder)])
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert err.startswith(f"transition-kg: --store-dir {folder}: not a store of transition-kg, and not empty")
    assert _snapshot(folder) == before


def test_a_store_folder_is_marked_from_birth(project, tmp_path):
    """The birth file comes before the store's own files and stays; a load cut short leaves a
    folder still ours (loaded again, not refused) but not complete; a store of the version
    before birth files (a marker, no birth file) is still taken as ours."""
    from transition_kg.core.load import BIRTH
    from transition_kg.core.store import store_is_complete

    where = tmp_path / "new" / "store"
    assert not store_is_complete(where)
    born = []
    real = load_module.infer

    def infer(store):  # mid-load: the store's files are there, the marker not yet
        born.append(((where / BIRTH).is_file(), store_is_complete(where), len(list(where.iterdir()))))
        real(store)

    load_module.infer, before = infer, load_module.infer
    try:
        total = count(open_store(project, store_dir=where))
    finally:
        load_module.infer = before
    assert born[0][:2] == (True, False) and born[0][2] > 1
    assert store_is_complete(where)
    (where / MARKER).unlink()
    assert not store_is_complete(where)
    (where / BIRTH).unlink()  # as a store of the previous version: a marker, no birth file
    (where / MARKER).write_text('{"version": 3, "files": {}}')
    assert count(open_store(project, store_dir=where)) == total
    assert store_is_complete(where)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert count(open_store(project, store_dir=empty)) == total and store_is_complete(empty)


def test_broken_file_is_named_with_its_line(project_copy):
    (project_copy.graph_dir / "bad.trig").write_text('@prefix ex: <http://e/> .\nex:g {\n ex:a ex:b "x .\n}\n')
    with pytest.raises(ProjectInvalid) as error:
        load(project_copy)
    assert str(error.value).startswith("graph/bad.trig:3: [syntax] ")


def test_default_store_is_the_embedded_oxigraph_store(project):
    assert isinstance(open_store(project), EmbeddedStore)


BROKEN = {
    "triples outside a named graph": (
        "articles/stray.trig",
        "@prefix tkr: <https://w3id.org/transition-kg/id/> .\n"
        "@prefix tkg: <https://w3id.org/transition-kg/ontology#> .\n"
        "tkr:g-x { tkr:a tkg:locatedIn tkr:china . }\n\ntkr:datong tkg:locatedIn tkr:china .\n",
        "graph/articles/stray.trig:5: [files] triples outside a named graph (wrap them in GRAPH-NAME { ... })",
    ),
    "a Turtle file under graph/": (
        "extra.ttl",
        "@prefix tkr: <https://w3id.org/transition-kg/id/> .\ntkr:a tkr:b tkr:c .\n",
        "graph/extra.ttl: [files] not read: facts live in named graphs in TriG files; rename it to .trig and wrap "
        "its triples in a named graph (tkr:graph-NAME { ... })",
    ),
    "a graph in two files": (
        "copy.trig",
        "@prefix tkr: <https://w3id.org/transition-kg/id/> .\ntkr:graph-background { tkr:a tkr:b tkr:c . }\n",
        "graph/copy.trig: [files] graph <https://w3id.org/transition-kg/id/graph-background> is also defined in "
        "graph/background.trig",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_every_command_reports_the_same_problem_line(case, project_copy, corpus, capsys):
    name, text, line = BROKEN[case]
    (project_copy.graph_dir / name).write_text(text, encoding="utf-8")
    root = str(project_copy.root)
    assert cli(["--project", root, "--corpus", str(corpus), "validate"]) == 1
    assert line in capsys.readouterr().out.splitlines()
    for command in (["query", CQ01], ["stats"], ["sparql", "ASK {}"]):
        with pytest.raises(SystemExit) as exited:
            main(["--project", root, *command])
        assert exited.value.code == 2
        assert capsys.readouterr().err == f"transition-kg: {line}\n"
    from transition_kg.ask.serve import make_server

    with pytest.raises(ProjectInvalid) as error:
        make_server(project_copy, port=0, workers=1)
    assert str(error.value) == line


def test_hidden_files_are_skipped(project_copy):
    (project_copy.graph_dir / ".gitkeep").write_text("")
    (project_copy.graph_dir / ".draft.trig.swp").write_bytes(b"\x00\x01")
    assert load(project_copy).problems == []


def test_a_touched_file_is_hashed_not_reloaded(project_copy, tmp_path, monkeypatch):
    import os

    where = tmp_path / "store"
    open_store(project_copy, store_dir=where)
    path = project_copy.graph_dir / "background.trig"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10_000_000_000))  # touched, same bytes
    reloads = []
    monkeypatch.setattr(load_module, "infer", lambda store: reloads.append(store))
    again = open_store(project_copy, store_dir=where)
    assert reloads == [] and count(again) > 4000
    lines = (where / MARKER).read_text().splitlines()
    assert not any(line.endswith(" background.trig") for line in lines)  # names are project paths
    assert any(
        line.startswith(f"{path.stat().st_size} {path.stat().st_mtime_ns} ") and line.endswith(" graph/background.trig")
        for line in lines
    )


def test_the_label_index_sits_beside_the_store_and_follows_its_files(project_copy, tmp_path):
    from transition_kg.ask.queries import run_named
    from transition_kg.core.textindex import FILE

    where = tmp_path / "store"
    search = lambda store, text: [r["entity"] for r in run_named(store, "search", project_copy, text=text).records()]
    first = open_store(project_copy, store_dir=where)
    assert (where / FILE).is_file() and search(first, "七台") == [TKR + "qitaihe"]
    del first
    edit(
        project_copy.graph_dir / "shared.trig",
        'tkr:heihe a tkg:City ; rdfs:label "Heihe"@en .',
        'tkr:heihe a tkg:City ; rdfs:label "Heihe"@en , "Aihui gateway"@en .',
    )
    changed = open_store(project_copy, store_dir=where)
    assert search(changed, "ihui gate") == [TKR + "heihe"]
    del changed
    (where / FILE).unlink()  # lost: made again from the store, not left out
    assert search(open_store(project_copy, store_dir=where), "ihui gate") == [TKR + "heihe"]


def test_the_store_interface_on_the_embedded_store(loaded):
    """What every store offers, as the embedded store gives it."""
    import pyoxigraph as ox

    from transition_kg.core.errors import TKGError
    from transition_kg.core.store import QueryTimeout

    store = EmbeddedStore(loaded)
    assert store.select("SELECT ?c WHERE { ?c a tkg:City ; tkg:locatedIn tkr:shanxi }").records() == [
        {"c": TKR + "datong"}
    ]
    assert store.ask("ASK { tkr:datong tkg:locatedIn tkr:shanxi }") is True
    triples = store.construct("CONSTRUCT { tkr:datong tkg:locatedIn ?p } WHERE { tkr:datong tkg:locatedIn ?p }")
    assert {t.object.value for t in triples} == {TKR + "shanxi", TKR + "china"}
    described = store.describe("DESCRIBE tkr:datong")
    by_graph = store.describe("DESCRIBE tkr:datong", by_graph=True)
    assert described and all(isinstance(t, ox.Triple) for t in described)
    assert {q.graph_name.value for q in by_graph} >= {TKR + "graph-shared"}
    graphs = store.graphs()
    assert graphs == sorted(graphs) and {"https://w3id.org/transition-kg/ontology", TKR + "graph-inferred"} <= set(
        graphs
    )
    assert store.search("七台") == [TKR + "qitaihe"]
    with pytest.raises(TKGError, match=r"^select\(\) runs a SELECT query, not ASK$"):
        store.select("ASK {}")
    with pytest.raises(TKGError, match=r"^the embedded store is read-only$"):
        store.replace_graph(TKR + "graph-x", b"")
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"  # a few seconds: its thread ends soon
    with pytest.raises(QueryTimeout) as error:
        store.select(runaway, timeout=0.2)
    assert str(error.value) == "query stopped: it ran past the 0.2 s timeout (timeout=)"


def test_a_query_that_fails_in_its_thread_leaves_nothing_for_another_thread_to_drop():
    """``bounded`` hands a failure to the caller's thread; the answers pyoxigraph made in the
    query's thread (which only that thread may drop) are freed there, so collecting the
    failure later raises nothing (it printed "PyQuerySolutions is unsendable, but is being
    dropped on another thread")."""
    import gc
    import sys

    import pyoxigraph as ox

    from transition_kg.core.stores.base import bounded

    store = ox.Store()

    def work():
        answer = store.query("SELECT * WHERE { ?s ?p ?o }")  # noqa: F841  (held by the failing frame)
        raise ValueError("the query failed")

    raised: list[BaseException] = []
    previous = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: raised.append(unraisable.exc_value)
    try:
        with pytest.raises(ValueError, match="the query failed"):
            bounded(work, 5)
        gc.collect()
    finally:
        sys.unraisablehook = previous
    assert raised == []
