"""Fair to everyone (issue 29, items 5 and 6), tried with raw sockets as a slow or greedy
client would: a request trickled byte by byte is cut, connections past the cap are told 503,
``/view`` and ``/named`` wait their client's turn and stop at the timeout, and a worker
replaced while another command reloads the store never serves the half-loaded store."""

from __future__ import annotations

import socket
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

from transition_kg.ask import serve
from transition_kg.ask.serve import make_server

from .test_hardening import LABELS, RUNAWAY, exchange, get, status_and_body


def _get_path(url: str, path: str, source: str = "127.0.0.1", wait: float = 30.0) -> tuple[int, bytes]:
    netloc = urllib.parse.urlsplit(url).netloc
    request = f"GET {path} HTTP/1.1\r\nHost: {netloc}\r\nConnection: close\r\n\r\n".encode()
    return status_and_body(exchange(url, request, source, wait))


def _trickle(url: str, head: bytes, drip: bytes, seconds: float) -> tuple[bytes, float]:
    """Send ``head``, then ``drip`` a byte every 0.2 s; what the server answered, and when it
    closed (seconds after the first byte)."""
    parts = urllib.parse.urlsplit(url)
    sock = socket.create_connection((parts.hostname, parts.port))
    start = time.perf_counter()
    sock.sendall(head)
    sock.settimeout(0.2)
    answer = b""
    try:
        for byte in drip * int(seconds / 0.2):
            try:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                answer += chunk
            except TimeoutError:
                sock.sendall(bytes([byte]))
    except (BrokenPipeError, ConnectionResetError):
        pass
    finally:
        sock.close()
    return answer, time.perf_counter() - start


def _reload_begun(folder: Path, change) -> tuple[Path, bytes]:
    """A reload of the store in ``folder`` begun as core.load does it: its marker removed, then
    ``change(store)`` written; the marker's path and its bytes, for the test to write back."""
    import pyoxigraph as ox

    from transition_kg.core.load import MARKER

    marker = Path(folder) / MARKER
    kept = marker.read_bytes()
    marker.unlink()
    store = ox.Store(str(folder))
    change(store)
    store.flush()
    del store
    return marker, kept


@pytest.fixture
def quick(project, monkeypatch):
    monkeypatch.setattr(serve, "READ_TIMEOUT", 1.5)
    server = make_server(project, port=0, timeout=3, workers=2, per_client=1).start()
    yield server
    server.close()


def test_a_head_sent_a_byte_at_a_time_is_cut(quick):
    """Each byte came well within any read timeout: only a deadline for the whole head cuts it."""
    head = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: localhost\r\nX-Slow: "
    answer, took = _trickle(quick.url, head, b"a", 10)
    assert answer.startswith(b"HTTP/1.1 408 ") and b"not sent within 1.5 s" in answer
    assert took < 4


def test_a_body_sent_a_byte_at_a_time_is_cut(quick):
    netloc = urllib.parse.urlsplit(quick.url).netloc
    head = (
        f"POST /sparql HTTP/1.1\r\nHost: {netloc}\r\nContent-Type: application/sparql-query\r\n"
        f"Content-Length: 1000\r\n\r\nASK"
    ).encode()
    answer, took = _trickle(quick.url, head, b" ", 10)
    assert answer.startswith(b"HTTP/1.1 408 ")
    assert took < 4


def test_connections_past_the_cap_are_told_503_and_the_server_recovers(project, monkeypatch):
    monkeypatch.setattr(serve, "MAX_CONNECTIONS", 20)
    server = make_server(project, port=0, timeout=3, workers=1).start()
    parts = urllib.parse.urlsplit(server.url)
    held = [socket.create_connection((parts.hostname, parts.port)) for _ in range(20)]
    try:
        time.sleep(0.3)
        status, body = get(server.url, LABELS, "Accept: text/csv\r\n", wait=5)
        assert (status, body) == (503, b"the server has 20 connections open: try again shortly\n")
        for sock in held:
            sock.close()
        time.sleep(0.3)
        assert get(server.url, LABELS, "Accept: text/csv\r\n") == (200, "l\r\nQitaihe\r\n七台河\r\n".encode())
    finally:
        for sock in held:
            sock.close()
        server.close()


def test_view_and_named_wait_their_clients_turn(project):
    """While a client's one turn is held by a runaway query, its /view and /named wait for the
    runaway to be stopped (6 s after it began, 4 s after they did); another client's are
    answered meanwhile."""
    quick = make_server(project, port=0, timeout=6, workers=2, per_client=1).start()
    assert _get_path(quick.url, "/view?focus=tkr:qitaihe", source="127.0.0.3")[0] == 200  # the graph loaded once
    paths = ["/view?focus=tkr:qitaihe", "/named/cq05-indicator-time-series"]
    runaway = threading.Thread(target=get, args=(quick.url, RUNAWAY), daemon=True)
    runaway.start()
    time.sleep(2)
    began = time.perf_counter()
    waited: dict[str, tuple[int, float]] = {}

    def wait_turn(path: str) -> None:
        status, _ = _get_path(quick.url, path)
        waited[path] = (status, time.perf_counter() - began)

    same = [threading.Thread(target=wait_turn, args=(path,)) for path in paths]
    for thread in same:
        thread.start()
        time.sleep(0.05)
    for path in paths:
        start = time.perf_counter()
        status, body = _get_path(quick.url, path, source="127.0.0.2")
        assert status == 200 and time.perf_counter() - start < 3, (path, body[:200])
    for thread in same:
        thread.join(30)
    runaway.join(30)
    quick.close()
    assert all(status == 200 and took > 3 for status, took in waited.values()), waited


def test_a_view_stops_at_the_timeout_and_keeps_its_turn_while_it_runs(quick, monkeypatch):
    import transition_kg.see.view as view

    slow = threading.Event()

    def select(*args, **kwargs):
        slow.wait(30)  # a neighbourhood that takes long to gather
        raise view.ViewError("gathered too late")

    monkeypatch.setattr(view, "select", select)
    start = time.perf_counter()
    status, body = _get_path(quick.url, "/view?focus=tkr:qitaihe")
    assert (status, body) == (503, b"query stopped: it ran past the 3 s timeout\n")
    assert 2.5 < time.perf_counter() - start < 4.5
    # its work still runs: the client's one turn is still taken; another client is served
    assert get(quick.url, LABELS, "Accept: text/csv\r\n", source="127.0.0.2")[0] == 200
    status, body = get(quick.url, LABELS, "Accept: text/csv\r\n")
    assert status == 503 and b"waiting for this client's earlier queries" in body
    slow.set()
    time.sleep(0.2)
    assert get(quick.url, LABELS, "Accept: text/csv\r\n")[0] == 200


def test_a_replaced_worker_never_serves_a_half_loaded_store(project, tmp_path):
    """Another command reloading the store (its marker removed first, then the data rewritten)
    is killed midway; a worker ended by a timeout meanwhile is not replaced by one that opens
    that store: the worker left serves its copy, every answer whole."""
    folder = tmp_path / "store"
    server = make_server(project, port=0, timeout=2, workers=2, store_dir=folder).start()
    try:
        labels = (200, "l\r\nQitaihe\r\n七台河\r\n".encode())
        assert get(server.url, LABELS, "Accept: text/csv\r\n") == labels
        # the reload begins (as core.load does): it empties the store, and is killed before it writes it again
        marker, kept = _reload_begun(folder, lambda store: store.clear())
        assert get(server.url, RUNAWAY)[0] == 503  # its worker ended, to be replaced
        time.sleep(2)
        assert [get(server.url, LABELS, "Accept: text/csv\r\n") for _ in range(6)] == [labels] * 6
        assert len(server.endpoint.pool.workers) == 1
        marker.write_bytes(kept)  # a store said complete again is opened
        deadline = time.time() + 20
        while len(server.endpoint.pool.workers) < 2 and time.time() < deadline:
            time.sleep(0.2)
        assert len(server.endpoint.pool.workers) == 2
    finally:
        server.close()


def test_a_worker_forked_after_a_reload_serves_the_reloaded_store(project, tmp_path):
    """The workers share the store their forker opened once (its pages counted once); a store
    reloaded in place (its marker written again) is opened afresh, so the worker that replaces
    one ended by a timeout answers from the new data, not the handle opened before."""
    import pyoxigraph as ox

    folder = tmp_path / "store"
    server = make_server(project, port=0, timeout=2, workers=1, store_dir=folder).start()
    try:
        before = (200, "l\r\nQitaihe\r\n七台河\r\n".encode())
        assert get(server.url, LABELS, "Accept: text/csv\r\n") == before
        qitaihe = ox.NamedNode("https://w3id.org/transition-kg/id/qitaihe")
        label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
        added = ox.Quad(qitaihe, label, ox.Literal("Qitaihe City"), ox.NamedNode("urn:x-test:reload"))
        marker, kept = _reload_begun(folder, lambda store: store.add(added))  # the marker first, then the data …
        time.sleep(0.01)
        marker.write_bytes(kept)  # … and the marker again, when it is whole
        assert get(server.url, RUNAWAY)[0] == 503  # the one worker ended, to be replaced
        after = (200, "l\r\nQitaihe\r\nQitaihe City\r\n七台河\r\n".encode())
        deadline = time.time() + 20
        while get(server.url, LABELS, "Accept: text/csv\r\n") != after and time.time() < deadline:
            time.sleep(0.2)
        assert get(server.url, LABELS, "Accept: text/csv\r\n") == after
    finally:
        server.close()


def test_two_greedy_clients_cannot_starve_a_third(project):
    """Two clients each send three runaway queries to a server of four workers (each client
    may run three at once): before, they held all four workers and a third client's light
    query waited 9-10 s for a 503. Now a client already running one starts another only while
    a worker stays free for a client running none."""
    greedy = make_server(project, port=0, timeout=8, workers=4).start()
    try:
        runaways = [
            threading.Thread(target=get, args=(greedy.url, RUNAWAY, "", source), daemon=True)
            for source in ("127.0.0.2", "127.0.0.3") * 3
        ]
        for thread in runaways:
            thread.start()
            time.sleep(0.05)
        time.sleep(1)
        answered = []
        for _ in range(3):
            start = time.perf_counter()
            status, body = get(greedy.url, LABELS, "Accept: text/csv\r\n", source="127.0.0.4")
            answered.append((status, body, time.perf_counter() - start))
        assert all(status == 200 and body == "l\r\nQitaihe\r\n七台河\r\n".encode() for status, body, _ in answered)
        assert max(took for *_, took in answered) < 2, answered
        # the greedy clients still get their share: the second of each waited, it was not refused at once
        assert greedy.endpoint.turns.total == 3 and sorted(greedy.endpoint.turns.held.values()) == [1, 2]
        for thread in runaways:
            thread.join(30)
    finally:
        greedy.close()


def test_turns_let_in_the_client_running_fewest_first():
    """Four workers, three each at most, all held (A two, B one, D one); A's third, B's second
    and C's first wait. D ends: C, running none, comes first. C ends: nobody, since one worker
    stays free for clients running none. A ends one: A and B run one each, A came first."""
    import asyncio

    async def scenario() -> list[str]:
        loop = asyncio.get_running_loop()
        turns, never = serve.Turns(4, 3), loop.create_future()
        deadline = loop.time() + 5
        for client in "AAB":
            await turns.take(client, deadline, never, 5)
        turns._grant("D")  # a fourth client holds the last worker
        order: list[str] = []

        async def wait(client: str) -> None:
            await turns.take(client, deadline, never, 5)
            order.append(client)

        tasks = [asyncio.ensure_future(wait(client)) for client in "ABC"]
        await asyncio.sleep(0.01)
        assert order == [] and turns.total == 4
        turns.release("D")  # one worker free: C, running none, before B and A
        await asyncio.sleep(0.01)
        assert order == ["C"]
        turns.release("C")  # three held (A A B): one free is kept for those running none
        await asyncio.sleep(0.01)
        assert order == ["C"]
        turns.release("A")  # two held (A B), both running one: A came first
        await asyncio.sleep(0.01)
        assert order == ["C", "A"]
        turns.release("B")
        await asyncio.sleep(0.01)
        assert order == ["C", "A", "B"]
        for task in tasks:
            await task
        return order

    asyncio.run(scenario())
