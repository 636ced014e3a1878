"""Credentials for a store that wants them: a fake triplestore behind Digest (or Basic)
authentication, as Virtuoso's /sparql-auth and /sparql-graph-crud-auth are."""

from __future__ import annotations

import base64
import hashlib
import http.server
import json
import re
import threading
import urllib.parse
from typing import ClassVar

import pytest

from transition_kg.cli import main
from transition_kg.cli import run as cli

USER, PASSWORD = "dba", "s3cret-do-not-print"


class Store(http.server.BaseHTTPRequestHandler):
    """A fake store: GSP PUT keeps each graph's triple count, a query answers the counts; every
    request must carry valid credentials in the scheme of the class."""

    scheme = "Digest"  # "" for a store that wants no credentials
    algorithm = "MD5"  # the Digest challenge's (RFC 7616: MD5, SHA-256, SHA-512-256)
    nonce = "d1c2b3a4"
    graphs: ClassVar[dict] = {}
    seen: ClassVar[list] = []

    def log_message(self, *args):
        pass

    def authorized(self) -> bool:
        header = self.headers.get("Authorization", "")
        if not self.scheme:
            return True
        if self.scheme == "Basic":
            return header == "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        if not header.startswith("Digest "):
            return False
        fields = dict(re.findall(r'(\w+)="?([^",]*)"?', header[7:]))
        h = lambda text: hashlib.new(self.algorithm.replace("-", "").lower(), text.encode()).hexdigest()
        ha1, ha2 = h(f"{USER}:fake:{PASSWORD}"), h(f"{self.command}:{fields.get('uri')}")
        expected = h(f"{ha1}:{self.nonce}:{fields.get('nc')}:{fields.get('cnonce')}:auth:{ha2}")
        return fields.get("username") == USER and fields.get("uri") == self.path and fields.get("response") == expected

    def answer(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        ok = self.authorized()
        Store.seen.append((self.command, len(body), ok))
        if not ok:
            self.send_response(401)
            challenge = (
                f'Digest realm="fake", nonce="{self.nonce}", qop="auth", algorithm={self.algorithm}'
                if self.scheme == "Digest"
                else 'Basic realm="fake"'
            )
            self.send_header("WWW-Authenticate", challenge)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.command == "PUT":
            graph = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)["graph"][0]
            Store.graphs[graph] = body.count(b"\n")
            self.send_response(204)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        bindings = [
            {
                "g": {"type": "uri", "value": g},
                "n": {"type": "literal", "value": str(n), "datatype": "http://www.w3.org/2001/XMLSchema#integer"},
            }
            for g, n in Store.graphs.items()
        ]
        data = json.dumps({"head": {"vars": ["g", "n"]}, "results": {"bindings": bindings}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = answer


@pytest.fixture(params=["Digest", "Basic"])
def fake(request, monkeypatch):
    Store.scheme, Store.graphs, Store.seen = request.param, {}, []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Store)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("TKG_ENDPOINT_PASSWORD", PASSWORD)
    monkeypatch.setenv("HOME", "/nonexistent")  # no ~/.netrc
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_push_with_credentials_sends_each_graph_once_authorized(fake, project, corpus, capsys):
    assert (
        cli(
            [
                "--project",
                str(project.root),
                "--corpus",
                str(corpus),
                "push",
                "--endpoint",
                fake + "/sparql-auth",
                "--update-endpoint",
                fake + "/sparql-auth",
                "--store",
                fake + "/sparql-graph-crud-auth",
                "--user",
                USER,
            ]
        )
        == 0
    )
    out = capsys.readouterr()
    assert out.out.splitlines()[-1].startswith("pushed 7 graphs") and PASSWORD not in out.out + out.err
    puts = [(size, ok) for method, size, ok in Store.seen if method == "PUT"]
    assert len(puts) == 7 and all(ok for _, ok in puts)  # every body sent once, already authorized
    assert not [s for method, s, ok in Store.seen if not ok and s > 0]  # nothing large went unauthorized


def test_query_with_credentials_and_a_wrong_password(fake, project, capsys, monkeypatch):
    Store.graphs = {"https://w3id.org/transition-kg/id/graph-shared": 152}
    assert (
        cli(
            [
                "sparql",
                "--endpoint",
                fake + "/sparql-auth",
                "--user",
                USER,
                "--format",
                "csv",
                "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
            ]
        )
        == 0
    )
    assert capsys.readouterr().out.splitlines()[1] == "https://w3id.org/transition-kg/id/graph-shared,152"
    monkeypatch.setenv("TKG_ENDPOINT_PASSWORD", "wrong")
    with pytest.raises(SystemExit) as exited:
        main(["sparql", "--endpoint", fake + "/sparql-auth", "--user", USER, "ASK {}"])
    err = capsys.readouterr().err
    assert exited.value.code == 2 and "401" in err and "wrong" not in err and len(err.splitlines()) == 1


def test_a_user_in_the_url_is_refused_with_a_pointer(capsys):
    with pytest.raises(SystemExit):
        main(["sparql", "--endpoint", "http://dba:pw@127.0.0.1:1/sparql", "ASK {}"])
    assert capsys.readouterr().err == (
        "transition-kg: --endpoint http://dba:pw@127.0.0.1:1/sparql: not an "
        "http(s) URL: give the user on its own, not in the URL (pass --user)\n"
    )


def test_no_password_anywhere_is_a_clear_error(fake, monkeypatch, capsys):
    monkeypatch.delenv("TKG_ENDPOINT_PASSWORD")
    with pytest.raises(SystemExit):
        main(["sparql", "--endpoint", fake + "/sparql-auth", "--user", USER, "ASK {}"])
    host = "127.0.0.1"
    assert capsys.readouterr().err == (
        f"transition-kg: --user {USER}: no password: set TKG_ENDPOINT_PASSWORD, or give it in ~/.netrc for {host}\n"
    )
