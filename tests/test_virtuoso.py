"""A real Virtuoso (Debian's virtuoso-opensource-7) on loopback, set up as a careful user
would: writes only through the authenticated endpoints (Digest). `push` with credentials,
then every named query, with its defaults and a sweep of other values, gives the embedded
store's rows (numbers compared by value); the view reads the same nodes and edges."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from decimal import Decimal
from pathlib import Path

import pytest

from transition_kg.ask.push import push
from transition_kg.ask.queries import run
from transition_kg.core.named import discover, get
from transition_kg.core.net import Credentials
from transition_kg.core.store import RemoteStore

SERVER = shutil.which("virtuoso-t")
CONFIG = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
SWEEP = [
    ("cq02-industry-change", {"place": "tkr:qitaihe"}),
    ("cq05-indicator-time-series", {"place": "tkr:datong", "indicator": "tkr:indicator-tourism-revenue"}),
    ("cq06-quantitative-facts", {"entity": "tkr:china"}),
    ("cq06-quantitative-facts", {"entity": "tkr:qitaihe"}),
    ("cq07-places-within", {"within": "tkr:russia"}),
    ("cq07-places-within", {"within": "tkr:qitaihe"}),
    ("cq07-places-within", {"within": "tkr:china"}),
    ("cq12-cross-border-links", {"place": "tkr:qitaihe"}),
    ("entity-card", {"entity": "tkr:qitaihe"}),
    # evidence and statement nodes are skolem IRIs on a pushed store: the card leaves them out alike
    ("entity-card", {"entity": "tkr:mention-datong-coal-capital--datong"}),
    ("entity-card", {"entity": "tkr:article-datong-coal-capital"}),
    ("entity-card", {"entity": "tkr:chengzihe-mine"}),
    ("search", {"text": "七台河"}),
    ("search", {"text": ""}),
    ("search", {"text": "coal"}),
    ("cq09-fact-source", {"fact": "tkr:obs-datong-tourism-revenue-2024"}),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def virtuoso(loaded):
    if not SERVER or not CONFIG.is_file():
        pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource-7; .ci/run does it)")
    folder = Path(tempfile.mkdtemp(prefix="tkg-virtuoso-"))
    sql, http = free_port(), free_port()
    text = CONFIG.read_text().replace("/var/lib/virtuoso-opensource-7/db", str(folder))
    text = text.replace("ServerPort               = 1111", f"ServerPort               = 127.0.0.1:{sql}")
    text = text.replace("ServerPort                  = 8890", f"ServerPort                  = 127.0.0.1:{http}")
    (folder / "virtuoso.ini").write_text(text)
    process = subprocess.Popen(
        [SERVER, "+foreground", "+configfile", str(folder / "virtuoso.ini")],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{http}"
    deadline = time.time() + 90
    while True:
        try:
            urllib.request.urlopen(f"{base}/sparql?query=ASK%7B%7D", timeout=2).read()
            break
        except OSError:
            if process.poll() is not None or time.time() > deadline:
                process.kill()
                pytest.fail("Virtuoso did not start")
            time.sleep(0.5)
    try:
        # writes only through the Digest-protected endpoints, as the database administrator of a new database
        push(
            loaded,
            base + "/sparql",
            base + "/sparql-auth",
            base + "/sparql-graph-crud-auth",
            timeout=120,
            creds=Credentials("dba", "dba"),
        )
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(folder, ignore_errors=True)


def rows(result) -> list[str]:
    def plain(term):
        if term is None:
            return None
        datatype = getattr(term, "datatype", None)
        if datatype is not None and datatype.value.rsplit("#", 1)[-1] in (
            "integer",
            "decimal",
            "double",
            "int",
            "long",
        ):
            return ("number", Decimal(term.value).normalize())  # Virtuoso writes big integers as decimals
        if type(term).__name__ == "BlankNode":
            return ("blank",)
        return (type(term).__name__, term.value, getattr(term, "language", None))

    return sorted(repr(tuple(plain(t) for t in row)) for row in result.rows)


def test_the_public_endpoint_is_read_only(virtuoso):
    from transition_kg.core.net import EndpointError

    with pytest.raises(EndpointError):
        _update_without_credentials(virtuoso)


def _update_without_credentials(base: str) -> None:
    RemoteStore(base + "/sparql", 30, update_endpoint=base + "/sparql").replace_graph(
        "http://example.org/intruder", b"<http://e/a> <http://e/b> <http://e/c> .\n"
    )


def test_every_named_query_gives_the_embedded_rows(virtuoso, local_store, project):
    remote = RemoteStore(virtuoso + "/sparql")
    for name, query in discover(project).items():
        assert rows(run(remote, query)) == rows(run(local_store, query)), name


@pytest.mark.parametrize("name, params", SWEEP, ids=[f"{n}-{'-'.join(p.values()) or 'empty'}" for n, p in SWEEP])
def test_a_sweep_of_parameters_gives_the_embedded_rows(virtuoso, local_store, project, name, params):
    remote = RemoteStore(virtuoso + "/sparql")
    assert rows(run(remote, get(project, name), params)) == rows(run(local_store, get(project, name), params))


def test_a_view_of_virtuoso_has_the_embedded_nodes_and_edges(virtuoso, loaded):
    from transition_kg.see.view import select

    remote = select(RemoteStore(virtuoso + "/sparql").dataset())
    local = select(loaded.dataset_with_inferred)
    assert set(remote.nodes) == set(local.nodes) and remote.number_of_edges() == local.number_of_edges()


@pytest.fixture(scope="module")
def local_store(loaded):
    from transition_kg.core.store import EmbeddedStore

    return EmbeddedStore(loaded)


def test_push_by_update_skolemises_blank_nodes_and_prunes(virtuoso, loaded, local_store, project, capsys, monkeypatch):
    """Virtuoso refuses blank nodes in INSERT DATA: they travel as skolem IRIs and come back
    as blank nodes; a graph the project no longer has is said, and removed with --prune."""
    from transition_kg.cli import run as cli

    base = virtuoso
    monkeypatch.setenv("TKG_ENDPOINT_PASSWORD", "dba")
    stray = "https://w3id.org/transition-kg/id/article-withdrawn"
    writer = RemoteStore(base + "/sparql", 60, Credentials("dba", "dba"), update_endpoint=base + "/sparql-auth")
    writer.replace_graph(stray, b"<http://e/a> <http://e/b> <http://e/c> .\n")
    args = [
        "--project",
        str(project.root),
        "push",
        "--endpoint",
        base + "/sparql",
        "--update-endpoint",
        base + "/sparql-auth",
        "--user",
        "dba",
    ]
    assert cli(args) == 0
    assert f"note: the server has 1 graph(s) the project no longer has (first: <{stray}>)" in capsys.readouterr().out
    assert cli(args + ["--prune"]) == 0
    assert f"removing <{stray}> (the project no longer has it)" in capsys.readouterr().out
    remote = RemoteStore(base + "/sparql")
    assert remote.query(f"ASK {{ GRAPH <{stray}> {{ ?s ?p ?o }} }}").boolean is False
    for name, query in discover(project).items():
        assert rows(run(remote, query)) == rows(run(local_store, query)), name


def test_an_answer_cut_at_the_stores_limit_is_said(virtuoso):
    from transition_kg.core.net import EndpointError

    remote = RemoteStore(virtuoso + "/sparql")
    with pytest.raises(
        EndpointError, match=r"the store cut the answer at its limit of 10000 rows \(X-SPARQL-MaxRows\)"
    ):
        remote.query("SELECT ?s ?p ?o ?x WHERE { GRAPH ?g { ?s ?p ?o } GRAPH ?h { ?x a ?k } }")
    assert (
        len(remote.query("SELECT ?s ?x WHERE { GRAPH ?g { ?s ?p ?o } GRAPH ?h { ?x a ?k } } LIMIT 9999").rows) == 9999
    )
