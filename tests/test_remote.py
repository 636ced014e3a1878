"""Remote stores: a real Oxigraph server (default settings: the default graph is not the
union of the named graphs), and a recording stub for the protocol details."""

from __future__ import annotations

import http.server
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pyoxigraph as ox
import pytest

from transition_kg.ask.push import push
from transition_kg.ask.queries import run
from transition_kg.cli import run as cli
from transition_kg.core.errors import TKGError
from transition_kg.core.named import discover
from transition_kg.core.store import POST_ABOVE, USER_AGENT, EmbeddedStore, EndpointError, RemoteStore
from transition_kg.core.vocab import ONTOLOGY_GRAPH_IRI, TKR_IRI


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Oxigraph:
    """An Oxigraph server on a free port, on disk so it can be killed and restarted."""

    location: Path
    port: int
    process: subprocess.Popen | None = None
    union: bool = False

    @property
    def query(self) -> str:
        return f"http://127.0.0.1:{self.port}/query"

    @property
    def update(self) -> str:
        return f"http://127.0.0.1:{self.port}/update"

    @property
    def store(self) -> str:
        return f"http://127.0.0.1:{self.port}/store"

    def start(self) -> None:
        exe = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
        self.process = subprocess.Popen(
            [exe, "serve", "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}"]
            + (["--union-default-graph"] if self.union else []),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"{self.query}?query=ASK%7B%7D", timeout=2).read()
                return
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError("oxigraph server exited at start") from None
                time.sleep(0.1)
        raise RuntimeError("oxigraph server did not start within 60 s")

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def count(self, graph: str) -> int:
        result = RemoteStore(self.query).query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
        return int(result.rows[0][0].value)


@pytest.fixture
def oxigraph(tmp_path):
    exe = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not os.access(exe, os.X_OK):
        pytest.skip("the Oxigraph server is not installed (pip install oxigraph, part of the dev extra)")
    server = Oxigraph(tmp_path / "db", free_port())
    server.start()
    yield server
    server.kill()


@pytest.fixture(scope="module")
def local(loaded):
    return EmbeddedStore(loaded)


def same_rows(a, b, ordered: bool) -> bool:
    return a.vars == b.vars and (
        a.rows == b.rows if ordered else sorted(map(repr, a.rows)) == sorted(map(repr, b.rows))
    )


def test_push_by_graph_store_protocol_then_every_named_query_matches(oxigraph, loaded, local, project):
    pushed = push(loaded, oxigraph.query, oxigraph.update, oxigraph.store)
    assert pushed[0].graph == ONTOLOGY_GRAPH_IRI
    assert sum(p.triples for p in pushed) == len(loaded.store)
    remote = RemoteStore(oxigraph.query)
    for name, query in discover(project).items():
        assert same_rows(run(remote, query), run(local, query), query.ordered), name
    # evidence and statement nodes travel as skolem IRIs: the card leaves them out as it does blank nodes
    card = discover(project)["entity-card"]
    for entity in ("tkr:mention-datong-coal-capital--datong", "tkr:article-datong-coal-capital", "tkr:chengzihe-mine"):
        mine, theirs = run(local, card, {"entity": entity}), run(remote, card, {"entity": entity})
        assert same_rows(theirs, mine, card.ordered) and mine.rows, entity
    # nothing in the default graph: the queries found everything through GRAPH patterns
    assert remote.query("ASK { ?s ?p ?o }").boolean is False


def test_push_twice_by_update_leaves_the_same_data(oxigraph, loaded):
    first = push(loaded, oxigraph.query, oxigraph.update)
    second = push(loaded, oxigraph.query, oxigraph.update)
    assert first == second
    total = RemoteStore(oxigraph.query).query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert int(total.rows[0][0].value) == sum(p.triples for p in first)


def big_graph(n: int) -> bytes:
    return "".join(f'<https://example.org/s{i}> <https://example.org/p> "{i}" .\n' for i in range(n)).encode()


@pytest.mark.parametrize("protocol", ["store", "update"])
def test_server_killed_mid_push_keeps_the_old_graph(oxigraph, loaded, protocol):
    push(loaded, oxigraph.query, oxigraph.update, oxigraph.store)
    article = TKR_IRI + "article-qitaihe-coal-city"
    before = oxigraph.count(article)
    assert before == len(list(loaded.store.quads_for_pattern(None, None, None, ox.NamedNode(article))))
    errors = []

    def replace():
        try:
            RemoteStore(
                oxigraph.query,
                60,
                update_endpoint=oxigraph.update,
                graph_store=oxigraph.store if protocol == "store" else None,
            ).replace_graph(article, big_graph(200_000))
        except EndpointError as exc:
            errors.append(str(exc))

    worker = threading.Thread(target=replace)
    worker.start()
    time.sleep(0.5)
    oxigraph.kill()
    worker.join(timeout=60)
    assert errors and ("connection" in errors[0] or "cannot connect" in errors[0]), errors
    oxigraph.start()
    assert oxigraph.count(article) == before


def test_cli_push_then_query_gives_the_same_json_as_the_embedded_store(oxigraph, project, corpus, capsys):
    assert (
        cli(
            [
                "--project",
                str(project.root),
                "--corpus",
                str(corpus),
                "push",
                "--endpoint",
                oxigraph.query,
                "--update-endpoint",
                oxigraph.update,
                "--store",
                oxigraph.store,
            ]
        )
        == 0
    )
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("pushing <https://w3id.org/transition-kg/ontology> (")
    assert out[-1].startswith("pushed 7 graphs, ") and out[-1].endswith("; counts on the server match")
    assert cli(["--project", str(project.root), "query", "cq01-coal-cities", "--format", "json"]) == 0
    embedded = capsys.readouterr().out
    assert (
        cli(
            [
                "--project",
                str(project.root),
                "query",
                "cq01-coal-cities",
                "--format",
                "json",
                "--endpoint",
                oxigraph.query,
            ]
        )
        == 0
    )
    assert capsys.readouterr().out == embedded
    assert (
        cli(
            [
                "sparql",
                "--endpoint",
                oxigraph.query,
                "--format",
                "tsv",
                "SELECT ?l WHERE { GRAPH ?g { <https://w3id.org/transition-kg/id/qitaihe> "
                "<http://www.w3.org/2000/01/rdf-schema#label> ?l } } ORDER BY ?l",
            ]
        )
        == 0
    )
    assert capsys.readouterr().out == '?l\n"Qitaihe"@en\n"七台河"@zh\n'


def test_push_to_a_dead_server_is_a_clean_error(capsys, project, corpus):
    port = free_port()
    with pytest.raises(SystemExit) as exited:
        from transition_kg.cli import main

        main(
            [
                "--project",
                str(project.root),
                "--corpus",
                str(corpus),
                "push",
                "--endpoint",
                f"http://127.0.0.1:{port}/query",
                "--update-endpoint",
                f"http://127.0.0.1:{port}/update",
            ]
        )
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err == f"transition-kg: http://127.0.0.1:{port}/update: cannot connect (Connection refused)\n"


# --- protocol details, against a recording stub ---------------------------------------------


class Stub(http.server.BaseHTTPRequestHandler):
    seen: ClassVar[list] = []

    def log_message(self, *args):
        pass

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        Stub.seen.append((self.command, self.path, self.headers.get("User-Agent"), body))
        if self.path.startswith("/slow"):
            time.sleep(2)
        if self.path.startswith("/html"):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html>a login page</html>")
            return
        if self.path.startswith("/bad"):
            self.send_response(400)
            self.end_headers()
            self.wfile.write(b"Parser error: unexpected end of query at line 1\nmore detail")
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        self.wfile.write(
            json.dumps(
                {
                    "head": {"vars": ["x"]},
                    "results": {"bindings": [{"x": {"type": "literal", "value": "ok", "xml:lang": "en"}}]},
                }
            ).encode()
        )

    do_GET = do_POST = _answer


@pytest.fixture
def stub():
    Stub.seen = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_short_queries_use_get_long_ones_post_with_a_user_agent(stub):
    store = RemoteStore(stub + "/sparql")
    short = "SELECT ?x WHERE { ?x ?p ?o }"
    long = "SELECT ?x WHERE { ?x ?p ?o " + " ".join(f"FILTER(?o != {i})" for i in range(300)) + " }"
    assert len(long) > POST_ABOVE
    assert store.query(short).rows[0][0].language == "en"
    store.query(long)
    (m1, path1, agent1, body1), (m2, path2, agent2, body2) = Stub.seen
    assert (m1, m2) == ("GET", "POST")
    assert path1.startswith("/sparql?") and "query=SELECT" in path1 and body1 == ""
    assert path2 == "/sparql" and body2.startswith("query=SELECT")
    assert agent1 == agent2 == USER_AGENT


def test_a_comment_naming_an_update_keyword_stays_a_query(stub):
    """SPARQLWrapper reads the form from the first keyword, comments included: "removed"
    made a long SELECT a MOVE, posted as ``update=``. The form is ours, read lexically."""
    store = RemoteStore(stub + "/sparql")
    text = "# rows removed, added, dropped\nSELECT ?x WHERE { ?x ?p ?o } # " + "x" * 2000
    store.query(text)
    ((method, _, _, body),) = Stub.seen
    assert method == "POST" and body.startswith("query=")


def test_timeout_is_a_clean_error(stub):
    with pytest.raises(EndpointError) as error:
        RemoteStore(stub + "/slow", timeout=0.5).query("ASK {}")
    assert str(error.value) == f"{stub}/slow: no answer within 0.5 s (timeout)"


def test_endpoint_refusal_is_one_line_with_the_servers_words(stub):
    with pytest.raises(EndpointError) as error:
        RemoteStore(stub + "/bad").query("ASK {}")
    assert str(error.value) == f"{stub}/bad: QueryBadFormed: Parser error: unexpected end of query at line 1"


def test_an_html_page_is_not_taken_for_an_answer(stub):
    with pytest.raises(TKGError) as error:
        RemoteStore(stub + "/html").query("SELECT * WHERE { ?s ?p ?o }")
    assert str(error.value) == f"{stub}/html: answered with text/html, not SPARQL results or RDF"


def test_view_from_an_endpoint_is_the_same_graph(oxigraph, loaded, project, tmp_path, capsys):
    push(loaded, oxigraph.query, oxigraph.update, oxigraph.store)
    for args in (["--focus", "tkr:datong"], []):
        assert cli(["--project", str(project.root), "view", "-o", str(tmp_path / "local.html")] + args) == 0
        expected = capsys.readouterr().out.rsplit(" (", 1)[1]  # "(N nodes, M edges)" of the local page
        page = tmp_path / "remote.html"
        assert cli(["view", "-o", str(page), "--endpoint", oxigraph.query] + args) == 0
        assert capsys.readouterr().out == f"wrote {page} ({expected}"


def test_adhoc_queries_on_an_oxigraph_server_with_a_union_default_graph(tmp_path, loaded, local):
    """The README's setting for Oxigraph: the newcomer's queries (no PREFIX, no GRAPH) give
    the embedded store's rows there too."""
    from .test_adhoc import ADHOC

    exe = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not os.access(exe, os.X_OK):
        pytest.skip("the Oxigraph server is not installed (pip install oxigraph, part of the dev extra)")
    server = Oxigraph(tmp_path / "db", free_port(), union=True)
    server.start()
    try:
        push(loaded, server.query, server.update, server.store)
        remote = RemoteStore(server.query)
        for name, (query, _) in ADHOC.items():
            assert remote.query(query).rows == local.query(query).rows, name
    finally:
        server.kill()


def test_a_remote_view_reads_only_the_projects_graphs_in_pages(oxigraph, loaded):
    """A store's own graphs stay out; a store that caps its answers is read in smaller pages."""
    push(loaded, oxigraph.query, oxigraph.update, oxigraph.store)
    system = b"<http://e/a> <http://e/b> <http://e/c> .\n"
    RemoteStore(oxigraph.query, update_endpoint=oxigraph.update).replace_graph(
        "http://example.org/system-graph", system
    )
    full = RemoteStore(oxigraph.query).dataset()
    names = {str(g.identifier) for g in full.graphs() if len(g)}
    assert "http://example.org/system-graph" not in names and len(names) == 7

    class Capped(RemoteStore):
        def query(self, sparql):  # answers at most 100 rows, as Virtuoso does past its cap
            result = super().query(sparql)
            result.rows = result.rows[:100]
            return result

    paged = Capped(oxigraph.query).dataset(page=1000)
    assert len(list(paged.quads((None, None, None, None)))) == len(list(full.quads((None, None, None, None)))) > 4000


def test_the_store_interface_on_a_remote_store(oxigraph, loaded, local):
    """The same answers as the embedded store, and writing where an update endpoint is given."""
    push(loaded, oxigraph.query, oxigraph.update, oxigraph.store)
    remote = RemoteStore(oxigraph.query, update_endpoint=oxigraph.update)
    shanxi = "SELECT ?c WHERE { GRAPH ?g { ?c a tkg:City } GRAPH ?h { ?c tkg:locatedIn tkr:shanxi } }"
    assert remote.select(shanxi).records() == local.select(shanxi).records() == [{"c": TKR_IRI + "datong"}]
    assert remote.ask("ASK { GRAPH ?g { tkr:datong tkg:locatedIn tkr:shanxi } }") is True
    construct = "CONSTRUCT { tkr:datong tkg:locatedIn ?p } WHERE { GRAPH ?g { tkr:datong tkg:locatedIn ?p } }"
    assert set(remote.construct(construct)) == set(local.construct(construct))
    assert remote.graphs() == local.graphs()
    for text in ("七台", "coal", "Datong"):
        assert remote.search(text) == local.search(text), text
    graph = TKR_IRI + "graph-scratch"
    remote.load(graph, b"<http://e/a> <http://e/b> <http://e/c> .\n")
    remote.load(graph, b"<http://e/a> <http://e/b> <http://e/d> .\n")
    assert oxigraph.count(graph) == 2 and graph in remote.graphs()
    remote.replace_graph(graph, b"<http://e/a> <http://e/b> <http://e/e> .\n")
    assert oxigraph.count(graph) == 1
    remote.remove_graph(graph)
    assert graph not in remote.graphs()
    with pytest.raises(TKGError, match=r"is read-only: no update endpoint was given \(pass update_endpoint=…\)$"):
        RemoteStore(oxigraph.query).remove_graph(graph)


class Moved(http.server.BaseHTTPRequestHandler):
    """Sends every request on to the same path under /sparql of another server (``target``)."""

    target = ""

    def log_message(self, *args):
        pass

    def _moved(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(301)
        self.send_header("Location", Moved.target + self.path.replace("/moved", "/sparql", 1))
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_POST = _moved


def test_redirects_are_followed_for_a_query_sent_by_get_only(stub):
    """A GET goes on to where the server sends it; a request with a body, which a redirect would
    turn into a GET without it, is refused, naming where to send it."""
    Moved.target = stub
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Moved)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    moved = f"http://127.0.0.1:{server.server_address[1]}/moved"
    try:
        assert RemoteStore(moved).query("SELECT ?x WHERE { ?x ?p ?o }").rows[0][0].value == "ok"
        assert Stub.seen[-1][0] == "GET" and Stub.seen[-1][1].startswith("/sparql?query=")
        with pytest.raises(EndpointError) as error:
            RemoteStore(moved, update_endpoint=moved).remove_graph(TKR_IRI + "graph-x")
        assert str(error.value) == f"{moved}: the server sends it on to {stub}/sparql (HTTP 301): give that URL"
    finally:
        server.shutdown()
