"""Fuzzing, bounded in time: whatever bytes arrive, the endpoint answers with a status a client
can act on and keeps serving, and the loader turns any file into problems, never a crash."""

from __future__ import annotations

import shutil
import socket
import urllib.parse

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transition_kg.ask.serve import make_server
from transition_kg.core.load import load
from transition_kg.core.paths import Project

from .conftest import ROOT

SPARQL_WORDS = [
    "SELECT",
    "ASK",
    "CONSTRUCT",
    "DESCRIBE",
    "WHERE",
    "GRAPH",
    "SERVICE",
    "FILTER",
    "OPTIONAL",
    "UNION",
    "VALUES",
    "BIND",
    "PREFIX",
    "LIMIT",
    "{",
    "}",
    "(",
    ")",
    "?s",
    "?p",
    "?o",
    "<http://e/x>",
    '"x"',
    "1",
    ".",
    ";",
    ",",
    "*",
    "a",
    "tkg:City",
    "DROP ALL",
    "INSERT DATA",
    "#",
    "\n",
    "\\",
    "'",
    "\x00",
    "é",
    "七",
]
ALLOWED = {200, 400, 403, 405, 406, 413, 415, 503}


@pytest.fixture(scope="module")
def server(project):
    server = make_server(project, port=0, timeout=2, workers=2).start()
    yield server
    server.close()


def send(url: str, raw: bytes) -> int:
    parts = urllib.parse.urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=15) as sock:
        sock.sendall(raw)
        head = b""
        while b"\r\n" not in head:
            chunk = sock.recv(4096)
            if not chunk:
                return 0
            head += chunk
    return int(head.split(b" ")[1])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    words=st.lists(st.sampled_from(SPARQL_WORDS), max_size=40),
    post=st.booleans(),
    kind=st.sampled_from(["application/sparql-query", "application/x-www-form-urlencoded", "text/plain", ""]),
)
def test_any_query_gets_an_actionable_status(server, words, post, kind):
    query = " ".join(words)
    netloc = urllib.parse.urlsplit(server.url).netloc
    if post:
        body = (urllib.parse.urlencode({"query": query}) if kind.endswith("urlencoded") else query).encode(
            "utf-8", "surrogatepass"
        )
        raw = (
            f"POST /sparql HTTP/1.1\r\nHost: {netloc}\r\nContent-Type: {kind}\r\nContent-Length: {len(body)}\r\n"
            f"Connection: close\r\n\r\n"
        ).encode() + body
    else:
        raw = (
            f"GET /sparql?{urllib.parse.urlencode({'query': query})} HTTP/1.1\r\n"
            f"Host: {netloc}\r\nConnection: close\r\n\r\n"
        ).encode()
    assert send(server.url, raw) in ALLOWED


@settings(max_examples=150, deadline=None)
@given(junk=st.binary(max_size=300))
def test_any_request_bytes_get_an_answer_or_a_close(server, junk):
    status = send(server.url, junk + b"\r\n\r\n")
    assert status == 0 or 400 <= status < 600
    netloc = urllib.parse.urlsplit(server.url).netloc
    assert (
        send(
            server.url, f"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: {netloc}\r\nConnection: close\r\n\r\n".encode()
        )
        == 200
    )


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    root = tmp_path_factory.mktemp("fuzz")
    for part in ("ontology", "graph", "queries"):
        shutil.copytree(ROOT / part, root / part)
    return Project(root)


ORIGINAL = (ROOT / "graph" / "background.trig").read_bytes()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cuts=st.lists(st.tuples(st.integers(0, len(ORIGINAL)), st.integers(0, 40), st.binary(max_size=8)), max_size=4))
def test_a_mangled_graph_file_becomes_problems_not_a_crash(scratch, cuts):
    data = bytearray(ORIGINAL)
    for at, length, insert in cuts:
        data[at : at + length] = insert
    (scratch.graph_dir / "background.trig").write_bytes(bytes(data))
    loaded = load(scratch, strict=False)
    assert all(str(p).startswith("graph/background.trig") for p in loaded.problems)
