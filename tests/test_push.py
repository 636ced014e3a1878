"""push to stores that misbehave, as fake stores on loopback do: one that fails midway says
which graphs the remote now holds new and which as they were; one that trickles or cuts its
answer ends at --timeout (in all, not per read) in one line; Digest with SHA-256 is spoken."""

from __future__ import annotations

import http.server
import threading
import time
from typing import ClassVar

import pytest

from transition_kg.cli import main

from .test_credentials import PASSWORD, USER, Store


class Faulty(Store):
    """The fake store, without credentials, that refuses its Nth PUT (500), or trickles or
    cuts short its answers to queries."""

    scheme = ""
    refuse_put: ClassVar[int] = 0  # the PUT answered 500 (0: none)
    mode: ClassVar[str] = ""  # "trickle-head", "trickle-body", "cut" the answer to a query
    puts: ClassVar[int] = 0

    def answer(self):
        if self.command == "PUT":
            Faulty.puts += 1
            if Faulty.puts == self.refuse_put:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self.send_error(500, "disk full")
                return
        elif self.mode:
            return self.misbehave()
        super().answer()

    def misbehave(self):
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nContent-Length: 4000\r\n\r\n"
        body = b'{"head": {"vars": ["g", "n"]}, "results": {"bindings": [' + b" " * 3900 + b"]}}"
        if self.mode == "cut":
            self.wfile.write(head + body[:50])
            self.wfile.flush()
            self.close_connection = True
            return
        slow = head if self.mode == "trickle-head" else body
        if self.mode == "trickle-body":
            self.wfile.write(head)
        try:
            for i in range(len(slow)):  # a byte every 50 ms: each read well within any timeout
                self.wfile.write(slow[i : i + 1])
                self.wfile.flush()
                time.sleep(0.05)
        except OSError:
            pass

    do_GET = do_POST = do_PUT = answer


@pytest.fixture
def faulty(monkeypatch):
    Store.graphs, Store.seen, Faulty.puts, Faulty.refuse_put, Faulty.mode = {}, [], 0, 0, ""  # (the base's)
    Faulty.scheme, Faulty.algorithm = "", "MD5"
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Faulty)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("TKG_ENDPOINT_PASSWORD", PASSWORD)
    monkeypatch.setenv("HOME", "/nonexistent")  # no ~/.netrc
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def push(url: str, project, corpus, *more: str) -> list[str]:
    argv = ["--project", str(project.root), "--corpus", str(corpus), "push", "--endpoint", url + "/sparql"]
    with pytest.raises(SystemExit) as ended:
        main([*argv, "--update-endpoint", url + "/update", "--store", url + "/store", *more])
    return [str(ended.value.code)]


def test_a_store_that_fails_midway_is_said_graph_by_graph(faulty, project, corpus, capsys):
    Faulty.refuse_put = 3
    assert push(faulty, project, corpus) == ["2"]
    out, err = capsys.readouterr()
    pushing = [line.split("<")[1].split(">")[0] for line in out.splitlines() if line.startswith("pushing <")]
    assert len(pushing) == 3 and len(Store.graphs) == 2  # two graphs replaced, the third refused
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"transition-kg: {faulty}/store: HTTP 500 disk full")
    assert "the remote now holds 2 graphs new: " in err and "(not written)" in err
    new, failed = err.split("graphs new: ")[1].split("; ")[:2]
    assert new.split(", ") == [_curie(g) for g in pushing[:2]] and sorted(Store.graphs) == sorted(pushing[:2])
    assert failed == f"{_curie(pushing[2])} as it was (not written)"
    old = err.split(" as they were: ")[1].split("; ")[0].split(", ")
    assert len(old) == 4 and not set(old) & {_curie(g) for g in pushing}  # 7 graphs: 2 new, 1 refused, 4 old


def _curie(iri: str) -> str:
    from transition_kg.core.vocab import curie

    return curie(iri)


@pytest.mark.parametrize("mode", ["trickle-head", "trickle-body", "cut"])
def test_a_store_that_trickles_or_cuts_its_answer_ends_in_one_line_at_the_timeout(
    faulty, project, corpus, capsys, mode
):
    Faulty.mode = mode
    began = time.monotonic()
    assert push(faulty, project, corpus, "--timeout", "2") == ["2"]
    took = time.monotonic() - began
    said = [line for line in capsys.readouterr().err.splitlines() if line.startswith("transition-kg")]
    checked = "; the remote holds all 7 graphs new, their counts not checked"  # the count check is the query
    if mode == "cut":  # (exit 2 above: an error said in one line, not a traceback)
        assert said == [f"transition-kg: {faulty}/sparql: the answer was cut short (50 bytes, then the end){checked}"]
    else:  # the answer would take 200 s at 20 bytes a second: cut at 2 s, the push's validation aside
        assert said == [f"transition-kg: {faulty}/sparql: no answer within 2 s (timeout){checked}"]
        assert took < 30


def test_digest_with_sha_256_is_spoken_and_an_unknown_algorithm_refused(faulty, project, corpus, capsys):
    Faulty.scheme, Faulty.algorithm = "Digest", "SHA-256"
    argv = ["--project", str(project.root), "--corpus", str(corpus), "push", "--endpoint", faulty + "/sparql"]
    argv += ["--update-endpoint", faulty + "/update", "--store", faulty + "/store", "--user", USER]
    with pytest.raises(SystemExit) as ended:
        main(argv)
    out, err = capsys.readouterr()
    assert ended.value.code == 0, err
    assert out.splitlines()[-1].startswith("pushed 7 graphs") and all(ok for m, _, ok in Store.seen if m == "PUT")
    Faulty.algorithm = "SHA-512-256"
    with pytest.raises(SystemExit) as ended:
        main(argv)
    out, err = capsys.readouterr()
    assert ended.value.code == 2 and err == (
        f"transition-kg: {faulty}/store: the server asks for Digest with algorithm SHA-512-256; "
        "transition-kg speaks SHA-256, MD5, SHA\n"
    )
