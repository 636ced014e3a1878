"""Every door, tried as an attacker or an unlucky user would: raw HTTP requests, hostile
queries, files and signals. Each test asserts what that person observes."""

from __future__ import annotations

import http.server
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

from transition_kg.ask import serve
from transition_kg.ask.serve import make_server
from transition_kg.cli import main
from transition_kg.cli import run as cli
from transition_kg.core.errors import TKGError

from .conftest import edit, line_of

LABELS = (
    "SELECT ?l WHERE { GRAPH ?g { <https://w3id.org/transition-kg/id/qitaihe> "
    "<http://www.w3.org/2000/01/rdf-schema#label> ?l } } ORDER BY ?l"
)
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?a { ?s ?p ?o } GRAPH ?b { ?s2 ?p2 ?o2 } GRAPH ?c { ?s3 ?p3 ?o3 } }"
DEEP = "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000
EXE = str(Path(sys.executable).with_name("transition-kg"))


def exchange(url: str, request: bytes, source: str = "127.0.0.1", wait: float = 10.0) -> bytes:
    """Send raw bytes from ``source`` and read until the server closes or ``wait`` passes."""
    parts = urllib.parse.urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=wait, source_address=(source, 0)) as sock:
        sock.sendall(request)
        chunks = []
        try:
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
                if b"\r\n\r\n" in b"".join(chunks) and _complete(b"".join(chunks)):
                    break
        except TimeoutError:
            pass
    return b"".join(chunks)


def _complete(data: bytes) -> bool:
    head, _, body = data.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return len(body) >= int(line.split(b":")[1])
    return False


def get(url: str, query: str, headers: str = "", source: str = "127.0.0.1", wait: float = 30.0) -> tuple[int, bytes]:
    parts = urllib.parse.urlsplit(url)
    request = (
        f"GET /sparql?{urllib.parse.urlencode({'query': query})} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
        f"{headers}Connection: close\r\n\r\n"
    ).encode()
    return status_and_body(exchange(url, request, source, wait))


def status_and_body(response: bytes) -> tuple[int, bytes]:
    head, _, body = response.partition(b"\r\n\r\n")
    return int(head.split(b" ")[1]), body


@pytest.fixture(scope="module")
def server(project):
    server = make_server(project, port=0, timeout=3, workers=2, per_client=1).start()
    yield server
    server.close()


def still_serving(server) -> None:
    status, body = get(server.url, LABELS, "Accept: text/csv\r\n")
    assert (status, body) == (200, "l\r\nQitaihe\r\n七台河\r\n".encode())


# --- the critical and high defects -----------------------------------------------------------


def test_a_query_nested_3000_deep_gets_400_and_the_server_lives(server):
    status, body = get(server.url, DEEP)
    assert status == 400 and body.decode().startswith(
        "malformed query: query:1:216: syntax error: nested more than 200"
    )
    still_serving(server)


CHAINS = {
    "8,000 UNIONs": "SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * 8000) + " } LIMIT 1",
    "1+1+… 10,000 long": "ASK { FILTER(" + "+".join(["1"] * 10000) + " > 0) }",
    "parentheses inside an IRI-like run": "ASK { FILTER(1<" + "(" * 6000 + "2" + ")" * 6000 + "&&3>2) }",
}


@pytest.mark.parametrize("name", sorted(CHAINS))
def test_nesting_no_lexical_count_sees_is_answered_not_a_crash(server, project, tmp_path, name):
    """Recursion the parser and evaluator do on a stack deep enough: the worker answers (or
    refuses) and lives; the command line exits with its own code, never by a signal."""
    body = CHAINS[name].encode()
    request = (
        f"POST /sparql HTTP/1.1\r\nHost: {urllib.parse.urlsplit(server.url).netloc}\r\n"
        f"Content-Type: application/sparql-query\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode() + body
    status, _ = status_and_body(exchange(server.url, request, wait=60))
    assert status in (200, 400, 503), status
    still_serving(server)
    path = tmp_path / "chain.rq"
    path.write_text(CHAINS[name])
    result = subprocess.run(
        [EXE, "--project", str(project.root), "sparql", "-f", str(path), "--timeout", "20"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode in (0, 2) and "Traceback" not in result.stderr, result.stderr[-300:]


def test_a_query_nested_3000_deep_is_a_one_line_error_in_the_cli(project, tmp_path):
    path = tmp_path / "deep.rq"
    path.write_text(DEEP)
    result = subprocess.run(
        [EXE, "--project", str(project.root), "sparql", "-f", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert result.stderr == f"transition-kg: {path}:1:216: syntax error: nested more than 200 levels deep\n"


@pytest.fixture
def listener():
    """A local HTTP server that records every request it gets (none should come)."""
    seen = []

    class Record(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            seen.append(self.path)
            body = b'{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal","value":"outside"}}]}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_GET

        def log_message(self, *args):
            pass

    http_server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Record)
    threading.Thread(target=http_server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{http_server.server_address[1]}/sparql", seen
    http_server.shutdown()


@pytest.mark.parametrize(
    "clause",
    [
        "SERVICE <{url}> {{ ?x ?y ?z }}",
        "SERVICE SILENT <{url}> {{ ?x ?y ?z }}",
        "BIND(<{url}> AS ?e) SERVICE ?e {{ ?x ?y ?z }}",
        # a prefixed name's escaped '#' is not a comment: it hid the SERVICE after it from the scan
        "?s tkg:a\\# ?o . SERVICE <{url}> {{ ?x ?y ?z }}",
    ],
)
def test_service_is_refused_and_nothing_leaves(server, listener, clause):
    url, seen = listener
    status, body = get(server.url, "SELECT * WHERE { " + clause.format(url=url) + " }")
    assert status == 400 and "is not allowed: this endpoint does not send requests to other hosts" in body.decode()
    assert seen == []
    _, description = (
        get(server.url, "")
        if False
        else (
            0,
            exchange(
                server.url,
                (
                    f"GET /sparql HTTP/1.1\r\nHost: {urllib.parse.urlsplit(server.url).netloc}\r\n"
                    "Connection: close\r\n\r\n"
                ).encode(),
            ),
        )
    )
    assert b"BasicFederatedQuery" not in description


def test_an_allowed_service_host_is_called(project, listener):
    url, seen = listener
    server = make_server(project, port=0, timeout=5, workers=1, allow_service=("127.0.0.1",)).start()
    try:
        status, body = get(server.url, f"SELECT ?x WHERE {{ SERVICE <{url}> {{ ?x ?y ?z }} }}", "Accept: text/csv\r\n")
        assert (status, body) == (200, b"x\r\noutside\r\n") and len(seen) == 1
    finally:
        server.close()


@pytest.mark.parametrize(
    "headers, message",
    [
        ("Host: attacker.example\r\n", "Host 'attacker.example' is not this machine"),
        # DNS rebinding by names that only look like loopback addresses
        ("Host: 127.evil.example\r\n", "Host '127.evil.example' is not this machine"),
        ("Host: 127.0.0.1.nip.io:80\r\n", "Host '127.0.0.1.nip.io:80' is not this machine"),
        ("Origin: http://attacker.example\r\n", "requests from another origin (http://attacker.example) are refused"),
        ("Origin: null\r\n", "requests from an opaque origin are refused"),
        # a page elsewhere sends a GET with no Origin (<img src=…>): the browser says so otherwise
        ("Sec-Fetch-Site: cross-site\r\n", "refused (Sec-Fetch-Site: cross-site)"),
        ("Sec-Fetch-Site: same-site\r\n", "refused (Sec-Fetch-Site: same-site)"),
        ("Referer: http://attacker.example/page.html\r\n", "requests from a page of another origin (attacker.example)"),
    ],
)
def test_other_hosts_and_origins_are_refused(server, headers, message):
    netloc = urllib.parse.urlsplit(server.url).netloc
    host = "" if headers.startswith("Host") else f"Host: {netloc}\r\n"
    request = (
        f"GET /sparql?{urllib.parse.urlencode({'query': LABELS})} HTTP/1.1\r\n{host}{headers}Connection: close\r\n\r\n"
    ).encode()
    status, body = status_and_body(exchange(server.url, request))
    assert status == 403 and message in body.decode()


def test_a_person_following_a_shared_link_from_another_site_gets_the_page(server):
    netloc = urllib.parse.urlsplit(server.url).netloc
    request = (
        f"GET / HTTP/1.1\r\nHost: {netloc}\r\nSec-Fetch-Site: cross-site\r\nSec-Fetch-Mode: navigate\r\n"
        "Referer: https://chat.example/\r\nConnection: close\r\n\r\n"
    ).encode()
    status, body = status_and_body(exchange(server.url, request))
    assert status == 200 and b"SPARQL" in body


def test_the_service_description_names_the_server_not_the_host_header(server):
    request = b"GET /sparql HTTP/1.1\r\nHost: localhost:1> . <x> <y> <z\r\nConnection: close\r\n\r\n"
    status, body = status_and_body(exchange(server.url, request))
    assert status == 200 and f"<{server.url}/sparql> a sd:Service".encode() in body and b"<x>" not in body


def test_validate_reads_no_file_outside_the_corpus(project_copy, corpus, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("the password is hunter2\n")
    edit(
        project_copy.graph_dir / "articles" / "qitaihe-coal-city.trig",
        'tkg:sourceFile "000_677b70f29ffb11ba.txt"',
        f'tkg:sourceFile "{secret}"',
    )
    result = subprocess.run(
        [EXE, "--project", str(project_copy.root), "--corpus", str(corpus), "validate"], capture_output=True, text=True
    )
    assert result.returncode == 1 and "hunter2" not in result.stdout + result.stderr
    assert f"tkg:sourceFile '{secret}' must be a file name in the corpus folder, not a path" in result.stdout


@pytest.mark.parametrize("kind", ["symlink", "fifo", "device"])
def test_output_never_replaces_a_link_or_a_special_file(project, tmp_path, kind, capsys):
    target = tmp_path / "graph.html"
    if kind == "symlink":
        (tmp_path / "precious.txt").write_text("keep")
        target.symlink_to(tmp_path / "precious.txt")
    elif kind == "fifo":
        os.mkfifo(target)
    else:
        target = Path("/dev/null")
    with pytest.raises(SystemExit) as exited:
        main(["--project", str(project.root), "view", "-o", str(target), "--focus", "tkr:datong"])
    assert exited.value.code == 2
    assert capsys.readouterr().err.startswith(f"transition-kg: {target}: cannot write: ")
    if kind == "symlink":
        assert target.is_symlink() and (tmp_path / "precious.txt").read_text() == "keep"
    elif kind == "fifo":
        assert target.is_fifo()
    else:
        assert target.is_char_device()


# --- requests that got no answer, or held a thread -----------------------------------------------


@pytest.mark.parametrize(
    "request_line, headers, status",
    [
        ("POST /sparql", "Content-Type: application/sparql-query\r\nContent-Length: abc\r\n", 400),
        ("POST /sparql", "Content-Type: application/sparql-query\r\nContent-Length: -1\r\n", 400),
        ("POST /sparql", "Content-Type: application/sparql-query\r\nContent-Length: 99999999\r\n", 413),
        ("PUT /sparql", "Content-Length: 0\r\n", 405),
        ("DELETE /sparql", "", 405),
        ("GET /sparql?query=", "", 400),
        ("GET /sparql?query=ASK%7B%7D&query=ASK%7B%7D", "", 400),
        ("GET /sparql?update=DROP%20ALL", "", 403),
        ("POST /sparql", "Content-Type: text/plain\r\nContent-Length: 5\r\n", 415),
    ],
)
def test_malformed_requests_get_a_prompt_answer(server, request_line, headers, status):
    netloc = urllib.parse.urlsplit(server.url).netloc
    start = time.perf_counter()
    response = exchange(
        server.url,
        f"{request_line} HTTP/1.1\r\nHost: {netloc}\r\n{headers}Connection: close\r\n\r\n".encode()
        + (b"ASK{}" if "text/plain" in headers else b""),
        wait=15,
    )
    assert status_and_body(response)[0] == status
    assert time.perf_counter() - start < 5


def test_a_custom_function_call_is_answered(server):
    status, body = get(server.url, "SELECT ?x WHERE { BIND(<http://example.org/f>(1) AS ?x) }", "Accept: text/csv\r\n")
    assert (status, body) == (
        400,
        b"the query cannot be evaluated: The custom function <http://example.org/f> is not supported\n",
    )
    still_serving(server)


def test_a_chunked_body_is_read(server):
    netloc = urllib.parse.urlsplit(server.url).netloc
    query = LABELS.encode()
    body = b"".join(
        f"{len(query[i : i + 50]):x}\r\n".encode() + query[i : i + 50] + b"\r\n" for i in range(0, len(query), 50)
    )
    response = exchange(
        server.url,
        (
            f"POST /sparql HTTP/1.1\r\nHost: {netloc}\r\nContent-Type: application/sparql-query\r\n"
            f"Accept: text/csv\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        ).encode()
        + body
        + b"0\r\n\r\n",
    )
    assert status_and_body(response) == (200, "l\r\nQitaihe\r\n七台河\r\n".encode())


def test_a_slow_client_is_cut_off_and_others_are_served(project, monkeypatch):
    monkeypatch.setattr(serve, "READ_TIMEOUT", 1.0)
    monkeypatch.setattr(serve, "IDLE_TIMEOUT", 1.0)
    server = make_server(project, port=0, timeout=5, workers=1).start()
    try:
        parts = urllib.parse.urlsplit(server.url)
        slow = [socket.create_connection((parts.hostname, parts.port)) for _ in range(20)]
        for sock in slow:
            sock.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: localhost\r\n")  # and never the end
        still_serving(server)
        time.sleep(3)
        closed = 0
        for sock in slow:
            sock.settimeout(2)
            try:
                closed += sock.recv(1024) == b"" or True
            except (TimeoutError, ConnectionResetError):
                pass
            sock.close()
        assert closed == 20
    finally:
        server.close()


# --- fairness and cancellation ----------------------------------------------------------------


def test_one_client_cannot_starve_another(server):
    runaways = [threading.Thread(target=get, args=(server.url, RUNAWAY), daemon=True) for _ in range(3)]
    for thread in runaways:
        thread.start()
    time.sleep(0.5)
    start = time.perf_counter()
    status, _ = get(server.url, LABELS, "Accept: text/csv\r\n", source="127.0.0.2")
    assert status == 200 and time.perf_counter() - start < 2
    for thread in runaways:
        thread.join(30)


def test_a_query_whose_client_leaves_is_stopped(project):
    server = make_server(project, port=0, timeout=20, workers=1).start()
    try:
        parts = urllib.parse.urlsplit(server.url)
        sock = socket.create_connection((parts.hostname, parts.port))
        sock.sendall(
            (
                f"GET /sparql?{urllib.parse.urlencode({'query': RUNAWAY})} HTTP/1.1\r\nHost: {parts.netloc}\r\n\r\n"
            ).encode()
        )
        time.sleep(0.5)
        sock.close()  # the client leaves; its query would run for the whole 20 s timeout
        start = time.perf_counter()
        still_serving(server)
        assert time.perf_counter() - start < 6
    finally:
        server.close()


# --- starting and stopping --------------------------------------------------------------------


def _stores() -> set[Path]:
    return set(Path(tempfile.gettempdir()).glob(f"{serve.TEMP_PREFIX}*"))


def test_a_taken_port_is_a_one_line_error_and_leaves_nothing(project):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    before = _stores()
    try:
        result = subprocess.run(
            [EXE, "--project", str(project.root), "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        taken.close()
    assert result.returncode == 2
    assert (
        result.stderr == f"transition-kg: --port {port}: cannot listen on 127.0.0.1:{port} (Address already in use)\n"
    )
    assert _stores() == before


@pytest.mark.parametrize(
    "option, message",
    [
        (["--workers", "0"], "--workers 0: give 1 or more"),
        (["--timeout", "0"], "--timeout 0: give a number of seconds above 0"),
        (["--timeout", "-5"], "--timeout -5: give a number of seconds above 0"),
    ],
)
def test_impossible_settings_are_refused(project, option, message, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--project", str(project.root), "serve", "--port", "0", *option])
    assert exited.value.code == 2 and capsys.readouterr().err == f"transition-kg: {message}\n"


def test_sigterm_stops_the_server_and_removes_its_store(project):
    before = _stores()
    process = subprocess.Popen(
        [EXE, "--project", str(project.root), "serve", "--port", "0", "--workers", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stdout.readline()
        assert line.startswith("serving http://127.0.0.1:")
        mine = [store for store in _stores() - before if (store / "owner.pid").read_text() == str(process.pid)]
        assert len(mine) == 1
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0
        assert not mine[0].exists()
    finally:
        process.kill()


def test_a_store_left_by_a_dead_server_is_removed(project):
    stale = Path(tempfile.mkdtemp(prefix=serve.TEMP_PREFIX))
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (stale / "owner.pid").write_text(str(dead.pid))
    server = make_server(project, port=0, workers=1)
    server.close()
    assert not stale.exists()


# --- the embedded store and the command line ------------------------------------------------------


def test_an_embedded_query_stops_at_its_timeout(project):
    start = time.perf_counter()
    result = subprocess.run(
        [EXE, "--project", str(project.root), "sparql", RUNAWAY, "--timeout", "1"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and time.perf_counter() - start < 10
    assert result.stderr == "transition-kg: query stopped: it ran past the 1 s timeout (--timeout)\n"


def test_ctrl_c_stops_an_embedded_query_with_130(project):
    process = subprocess.Popen(
        [EXE, "--project", str(project.root), "sparql", RUNAWAY],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(2)
    start = time.perf_counter()
    process.send_signal(signal.SIGINT)
    try:
        _, err = process.communicate(timeout=20)
    finally:
        process.kill()
    assert (process.returncode, err) == (130, "transition-kg: interrupted\n") and time.perf_counter() - start < 5


@pytest.mark.parametrize(
    "change, expected",
    [
        (("tkg:value 700000 ;", 'tkg:value "seven hundred thousand" ;'), "[shacl]"),
        (
            (
                "tkr:qitaihe tkg:locatedIn tkr:heilongjiang",
                "<https://w3id.org/transition-kg/id/qi taihe> tkg:locatedIn tkr:heilongjiang",
            ),
            "graph/articles/qitaihe-coal-city.trig:{line}: [syntax] ",
        ),  # the line of the first triple, as written there
    ],
)
def test_ordinary_data_mistakes_are_lines_not_tracebacks(project_copy, corpus, change, expected):
    path = project_copy.graph_dir / "articles" / "qitaihe-coal-city.trig"
    expected = expected.format(line=line_of(path, change[0]))
    edit(path, *change)
    result = subprocess.run(
        [EXE, "--project", str(project_copy.root), "--corpus", str(corpus), "validate"], capture_output=True, text=True
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr and expected in result.stdout


def test_a_corpus_article_not_in_utf8_is_a_problem(project_copy, corpus, tmp_path):
    copy = tmp_path / "corpus"
    copy.mkdir()
    for path in corpus.iterdir():
        (copy / path.name).write_bytes(path.read_bytes())
    (copy / "000_677b70f29ffb11ba.txt").write_bytes(b"caf\xe9\n")
    result = subprocess.run(
        [EXE, "--project", str(project_copy.root), "--corpus", str(copy), "validate"], capture_output=True, text=True
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (
        f"tkr:article-qitaihe-coal-city: {copy / '000_677b70f29ffb11ba.txt'}:1: not UTF-8 text (byte 3)"
        in result.stdout
    )


def test_an_undeclared_term_is_named_where_it_is_used(project_copy, corpus):
    path = project_copy.graph_dir / "articles" / "qitaihe-coal-city.trig"
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, 1) if "tkg:qualifier tkg:MoreThan" in line)
    edit(path, "tkg:qualifier tkg:MoreThan", "tkg:qualifier tkg:MoreThen")
    result = subprocess.run(
        [EXE, "--project", str(project_copy.root), "--corpus", str(corpus), "validate"], capture_output=True, text=True
    )
    assert f"graph/articles/qitaihe-coal-city.trig:{number}: [vocabulary] tkg:MoreThen is not declared" in result.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["--title", "Two\nlines"],
            "give one line of text, without line breaks or control characters",
        ),
    ],
)
def test_new_article_refuses_a_title_that_would_break_the_graph(project_copy, tmp_path, args, message, capsys):
    text = tmp_path / "a.txt"
    text.write_text("A town keeps its headframe.\n")
    with pytest.raises(SystemExit) as exited:
        main(["--project", str(project_copy.root), "new-article", str(text), "--published", "2025-01-01", *args])
    err = capsys.readouterr().err  # the option's wording is the CLI's (core.errors.worded)
    assert exited.value.code == 2 and err.startswith("transition-kg: ") and err.endswith(f": {message}\n")
    assert cli(["--project", str(project_copy.root), "stats"]) == 0  # the project still loads


def test_extract_never_overwrites_the_article_or_the_graph(project_copy, tmp_path, capsys):
    text = tmp_path / "a.txt"
    text.write_text("Mayor Li Ming said the mine closed in 2020.\n")
    shared = project_copy.graph_dir / "shared.trig"
    before = shared.read_bytes()
    cases = [
        (shared, "drafts never go into graph/; write it elsewhere"),
        (text, "that is the article itself; write the draft to another file"),
    ]
    for target, message in cases:
        with pytest.raises(SystemExit):
            main(
                [
                    "--project",
                    str(project_copy.root),
                    "extract",
                    str(text),
                    "--published",
                    "2025-01-01",
                    "-o",
                    str(target),
                ]
            )
        err = capsys.readouterr().err  # the option's wording is the CLI's (core.errors.worded)
        assert err.startswith("transition-kg: ") and f"{target}" in err and f": {message}" in err
    assert shared.read_bytes() == before and text.read_text().startswith("Mayor")
    draft = tmp_path / "draft.trig"
    draft.write_text("mine")
    with pytest.raises(SystemExit):
        main(["--project", str(project_copy.root), "extract", str(text), "--published", "2025-01-01", "-o", str(draft)])
    err = capsys.readouterr().err
    assert f"{draft}" in err and ": already exists and is not replaced (pass " in err and "force" in err
    assert (
        cli(
            [
                "--project",
                str(project_copy.root),
                "extract",
                str(text),
                "--published",
                "2025-01-01",
                "-o",
                str(draft),
                "--force",
            ]
        )
        == 0
    )


def test_a_build_stopped_between_its_files_leaves_no_manifest_and_the_next_cleans_up(
    project_copy, corpus, tmp_path, monkeypatch
):
    from transition_kg.core import build as build_module
    from transition_kg.core import files

    out = tmp_path / "out"
    build_module.build(project_copy, out, corpus)
    original = files.os.replace
    calls = []

    def crash_on_second(source, target):
        calls.append(target)
        if len(calls) == 2:
            raise KeyboardInterrupt  # killed between the two renames
        original(source, target)

    monkeypatch.setattr(files.os, "replace", crash_on_second)
    with pytest.raises(KeyboardInterrupt):
        build_module.build(project_copy, out, corpus)
    assert not (out / "transition-kg.manifest.json").exists()  # a reader knows the files are not of one build
    (out / ".transition-kg.nq.leftover.tmp").write_text("half")
    monkeypatch.undo()
    build_module.build(project_copy, out, corpus)
    manifest = json.loads((out / "transition-kg.manifest.json").read_text())
    assert sorted(manifest["files"]) == ["transition-kg.nq", "transition-kg.trig"]
    assert sorted(p.name for p in out.iterdir()) == [
        "transition-kg.manifest.json",
        "transition-kg.nq",
        "transition-kg.trig",
    ]


def test_an_endpoint_that_answers_html_is_a_clean_error(project, corpus, capsys):
    class Html(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html>please log in</html>")

        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.do_GET()

        def log_message(self, *args):
            pass

    http_server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Html)
    threading.Thread(target=http_server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{http_server.server_address[1]}/sparql"
    try:
        for args in (
            ["push", "--endpoint", url, "--update-endpoint", url],
            ["query", "cq01-coal-cities", "--endpoint", url],
        ):
            with pytest.raises(SystemExit) as exited:
                main(["--project", str(project.root), "--corpus", str(corpus), *args])
            assert exited.value.code == 2
            assert capsys.readouterr().err.splitlines()[-1] == (
                f"transition-kg: {url}: answered with text/html, not SPARQL results or RDF"
            )
    finally:
        http_server.shutdown()


@pytest.mark.parametrize(
    "args, message",
    [
        (["sparql", "ASK {}", "--timeout", "-1"], "--timeout -1: give a number of seconds above 0"),
        (["query", "search", "-p", "text=\udcff"], None),
    ],
)
def test_odd_command_lines_are_lines_not_tracebacks(project, args, message, capsys):
    try:
        code = run_main(["--project", str(project.root), *args])
    finally:
        err = capsys.readouterr().err
    if message:
        assert (code, err) == (2, f"transition-kg: {message}\n")
    else:
        assert "Traceback" not in err and code in (0, 2)


def run_main(argv: list[str]) -> int:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    return exited.value.code


def test_an_empty_project_builds_and_counts(tmp_path, capsys):
    for part in ("ontology", "graph", "queries"):
        (tmp_path / part).mkdir()
    assert cli(["--project", str(tmp_path), "stats"]) == 0
    assert cli(["--project", str(tmp_path), "--corpus", str(tmp_path), "build"]) == 0
    assert "wrote" in capsys.readouterr().out


def test_an_unreadable_graph_folder_is_named(project, tmp_path):
    """Run as a user who cannot read graph/articles/ (as root: as nobody, through setpriv)."""
    import shutil as sh

    copy = Path(tempfile.mkdtemp(prefix="tkg-unreadable-"))
    try:
        for part in ("ontology", "graph", "queries"):
            sh.copytree(project.root / part, copy / part)
        for path in [copy, *copy.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        (copy / "graph" / "articles").chmod(0)
        command = [EXE, "--project", str(copy), "validate"]
        if os.geteuid() == 0:
            if not sh.which("setpriv"):
                pytest.skip("running as root without setpriv: root reads every folder")
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "HOME": str(copy)})
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert "graph/articles: [files] cannot read this folder: Permission denied" in result.stdout
    finally:
        (copy / "graph" / "articles").chmod(0o755)
        sh.rmtree(copy, ignore_errors=True)


def test_a_link_out_of_the_project_is_not_read(project_copy, tmp_path, capsys):
    secret = tmp_path / "secret.trig"
    secret.write_text('@prefix ex: <http://e/> .\nex:g { ex:password ex:is "hunter2" . }\n')
    (project_copy.graph_dir / "articles" / "innocent.trig").symlink_to(secret)
    assert cli(["--project", str(project_copy.root), "validate"]) == 1
    out = capsys.readouterr().out
    assert "graph/articles/innocent.trig: [files] not read: a link to a file outside the project" in out
    assert "hunter2" not in out


def test_errors_are_never_a_traceback_for_a_missing_project_file(project_copy):
    (project_copy.queries_dir / "cq01-coal-cities.rq").write_bytes(b"\xff\xfe")
    result = subprocess.run(
        [EXE, "--project", str(project_copy.root), "query", "cq01-coal-cities"], capture_output=True, text=True
    )
    assert result.returncode == 2 and result.stderr.startswith("transition-kg: ") and "Traceback" not in result.stderr
    with pytest.raises(TKGError):
        from transition_kg.core.named import discover

        discover(project_copy)


def test_a_query_past_its_memory_is_stopped_with_503_and_the_server_lives(project):
    """ORDER BY over a cross product grew a worker to 5 GB: past its memory a query is stopped,
    the client told why, and the next query answered."""
    server = make_server(project, port=0, timeout=60, workers=1, memory_mb=256).start()
    try:
        status, body = get(server.url, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?a ?d ?c ?f", wait=60)
        assert status == 503 and body.decode().startswith("query stopped: it took more than 256 MB of memory")
        still_serving(server)
    finally:
        server.close()


def test_links_that_loop_or_lead_to_folders_are_said_not_a_traceback(project_copy):
    from transition_kg.core.validate import validate

    (project_copy.graph_dir / "loop").symlink_to("loop")
    (project_copy.graph_dir / "articles" / "self").symlink_to(project_copy.graph_dir)
    report, _ = validate(project_copy)
    assert sorted(str(p) for p in report.problems if p.check == "files") == [
        "graph/articles/self: [files] not read: a link to a folder (links to folders are not followed)",
        "graph/loop: [files] not read: a link that leads nowhere (broken, or a loop)",
    ]


def test_a_literal_of_many_megabytes_is_one_line(project_copy):
    from transition_kg.core.validate import validate

    (project_copy.graph_dir / "big.trig").write_text(
        "@prefix tkr: <https://w3id.org/transition-kg/id/> .\n"
        '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\ntkr:graph-big { tkr:x rdfs:label "'
        + "x" * (20 << 20)
        + '"@en . }\n'
    )
    report, _ = validate(project_copy)
    assert [str(p) for p in report.problems] == [
        "graph/big.trig: [syntax] a term (a literal or an IRI) longer than the parser's 16 MB"
    ]


def test_workers_killed_from_outside_cost_no_request(project):
    """The unlucky machine: the OOM killer (or a user's kill -9) ends idle workers, then the
    process that forks them. Every query after is answered, none with a 500, and the pool is
    whole again."""
    server = make_server(project, port=0, timeout=5, workers=2).start()
    try:
        pool = server.endpoint.pool
        for worker in list(pool.workers):
            os.kill(worker.pid, signal.SIGKILL)
        time.sleep(0.3)
        for _ in range(4):
            still_serving(server)
        os.kill(pool.forker.process.pid, signal.SIGKILL)
        pool.forker.process.wait()
        os.kill(pool.workers[0].pid, signal.SIGKILL)
        time.sleep(0.3)
        for _ in range(4):
            still_serving(server)
        deadline = time.monotonic() + 10
        while len(pool.workers) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(pool.workers) == 2
    finally:
        server.close()
