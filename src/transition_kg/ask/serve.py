"""A read-only SPARQL 1.1 Protocol endpoint over the project's graph, with an offline query page.

- HTTP is uvicorn's over httptools (request parsing, chunked bodies, idle timeout, graceful
  shutdown; :func:`_guarded_protocol` adds a deadline for a whole request, a head size limit
  and a cap on connections); ``/sparql`` is answered by plain ASGI (:func:`sparql_app`), the
  other paths by a small Starlette app made on the first request for one (:class:`App`); this
  module adds what is particular to a SPARQL endpoint anyone on the network may send anything to.
- ``/sparql``: the query operation of the SPARQL 1.1 Protocol: GET, POST form-encoded or POST
  ``application/sparql-query``; exactly one ``query``; ``default-graph-uri`` and
  ``named-graph-uri`` (from the URL, or the form) select the dataset; results by content
  negotiation (wildcards included) from the one format registry; updates refused with 403,
  other methods with 405; ``GET /sparql`` alone gives the service description.
- Queries are checked, parsed and run only in worker processes (:mod:`transition_kg.ask.worker`)
  that open the Oxigraph store read-only and answer over a socket (a query nested too deep for
  the parser is refused there before parsing); the server process reads no more of a query
  than its SERVICE clauses. The workers are forked by one process (:class:`Forker`, started by
  exec) that imported pyoxigraph and what a query needs, not this module's HTTP stack, so they
  share its pages; the store is loaded and the query page rendered in a process of their own
  (:func:`_load_apart`), so this one never imports pyoxigraph. A query past the timeout
  (waiting for a worker counts), or whose client has gone, is stopped by ending its worker,
  which is replaced. A crash in a worker costs that request a 500, nothing else.
- Read-only means local-only: SERVICE is refused unless its host is allowed
  (``--allow-service``); bound to this machine, the Host header must name it (no DNS
  rebinding) and a request from another origin (a web page the user visits) is refused.
- Fair: a client runs at most ``per_client`` queries at once, and a second only while a
  worker stays free for clients running none (:class:`Turns`); the others wait their turn
  (within their timeout), so neither one client nor two can hold every worker.
- ``/``: a page to write queries (the named queries as examples), and ``/view``, which
  renders a result with the same view as ``transition-kg view``.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import os
import shutil
import signal
import socket
import tempfile
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import HTTP, TKGError, worded
from ..core.paths import Project
from ..core.sparql import FORMATS, services
from ..core.vocab import IRI_FORBIDDEN
from .protocol import DATASET, protocol_dataset
from .worker import marker_stamp, receive, send, settle_heap

TYPE_CHECKING = False  # typing costs a cold start 5 ms; mypy reads this name as typing's
if TYPE_CHECKING:
    import uvicorn

    from ..core.stores.base import Store

MAX_BODY = 1 << 20  # bytes of a POST body
READ_TIMEOUT = 5.0  # seconds a client has to send a whole request (head and body) once it begins
IDLE_TIMEOUT = 5.0  # seconds an idle keep-alive connection is kept
MAX_HEAD = 64 << 10  # bytes of a request's line and headers
READ_SIZE = 64 << 10  # bytes a connection's socket is read by at most, at once
GONE = "transition-kg.gone"  # a request's ASGI extension: a future done when its connection is lost
MAX_CONNECTIONS: int | None = None  # connections served at once; None: below the descriptor limit
RESERVED_FDS = 256  # descriptors kept for the workers' pipes, the store's files and the log
TEMP_PREFIX = "tkg-store-"
HINT_HEADER = "X-TKG-Hints"  # an empty answer's hints (core/hints.py), a JSON list


# --- workers --------------------------------------------------------------------------------------


class Forker:
    """The process that forks the workers (:func:`transition_kg.ask.worker.forker`), started
    again when it has died; :meth:`start` is safe from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._start()

    def _start(self) -> None:
        import subprocess

        from .worker import command

        self.conn, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        with child:
            self.process = subprocess.Popen(
                command("ask.worker:forker", str(child.fileno())), pass_fds=(child.fileno(),), stdin=subprocess.DEVNULL
            )

    def start(self, store_dir: str) -> tuple[int, socket.socket]:
        """A new worker serving ``store_dir``: its pid and the socket to it."""
        with self._lock:
            for attempt in (1, 2):
                conn, child = socket.socketpair()
                with child:
                    try:
                        socket.send_fds(self.conn, [os.fsencode(store_dir)], [child.fileno()])
                        pid = int.from_bytes(self.conn.recv(8), "big")
                    except OSError:
                        pid = 0
                if pid:
                    return pid, conn
                conn.close()
                if attempt == 1:  # the forker has died: a new one
                    self.close()
                    self._start()
            raise TKGError("the process that starts the query workers could not be started")

    def close(self) -> None:
        """Close its socket: it reaps the workers (ended first) and ends; killed past 5 s."""
        import subprocess

        self.conn.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class Worker:
    """One worker process (:mod:`transition_kg.ask.worker`), forked by ``forker``, and the
    socket to it; :meth:`ready` says whether it serves."""

    def __init__(self, forker: Forker, store_dir: str) -> None:
        self.pid, self.conn = forker.start(store_dir)

    def send(self, job: tuple) -> None:
        """Give the worker a query: ``(query, accept, default graphs, named graphs, base IRI)``."""
        send(self.conn.fileno(), job)

    def receive(self) -> tuple:
        """The worker's next message (blocking); EOFError or OSError when it has died."""
        return receive(self.conn.fileno())

    def ready(self) -> bool:
        """Wait for the worker to open its store: True when it serves, False (and ended) when
        the store is not complete or the worker died."""
        try:
            if self.receive() == ("ready",):
                return True
        except (EOFError, OSError, ValueError):
            pass
        self.stop()
        return False

    def stop(self) -> None:
        """End the worker (its forker reaps it when it next forks: until then its pid is its own)."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        self.conn.close()


MEMORY = 2 << 30  # bytes of memory a worker may hold while answering (the server's bound: workers × this)
WATCH = 0.1  # seconds between looks at a working worker's memory
RETRY = 1.0  # seconds between tries to replace a worker while the store is not complete


def _resident(pid: int | None) -> int:
    """The resident memory of a process in bytes (Linux's /proc), 0 where it cannot be read."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


class Pool:
    """Workers over one store, shared by the requests: waiting for a worker counts in the
    timeout; a worker that is stopped or dies is replaced in the background."""

    def __init__(self, store_dir: str, size: int, memory: int = MEMORY) -> None:
        self.store_dir, self.memory = store_dir, memory  # bytes a worker may hold while it answers
        self.forker = Forker()
        self.workers: list[Worker] = []
        try:
            self.workers = [Worker(self.forker, store_dir) for _ in range(size)]
        except TKGError:
            self.close()
            raise
        ready = [worker.ready() for worker in self.workers]  # each one's first word read
        if not all(ready):
            self.close()
            raise TKGError("the store is being loaded by another command, or its worker could not open it")
        self.idle: asyncio.Queue[Worker] | None = None
        self._replacing: set[asyncio.Future] = set()

    async def start(self) -> None:
        self.idle = asyncio.Queue()
        for worker in self.workers:
            self.idle.put_nowait(worker)

    async def ask(self, job: tuple, deadline: float, gone: asyncio.Future) -> tuple:
        """The worker's answer, or ``("timeout", …)`` / ``("gone", …)`` when the deadline
        passes or the client leaves first (the worker is then ended)."""
        loop = asyncio.get_running_loop()
        assert self.idle is not None
        while True:
            worker = await self._idle(deadline, gone)
            if not isinstance(worker, Worker):
                return worker
            try:
                worker.send(job)
                break
            except OSError:  # it died while it waited (killed from outside): replaced, the next one asked
                self._replace(worker)
        # one future, woken by the answer, the client leaving, or a look at the memory: no
        # asyncio.wait (its tasks and callbacks, and a turn of the loop more) on the query path
        fd, answered, woken = worker.conn.fileno(), False, loop.create_future()

        def wake(answer: bool = False) -> None:
            nonlocal answered
            answered = answered or answer
            if not woken.done():
                woken.set_result(None)

        def left(_: asyncio.Future) -> None:
            wake()

        loop.add_reader(fd, wake, True)
        gone.add_done_callback(left)
        try:
            while True:  # its memory watched while it works: a query may take no more than self.memory
                look = loop.call_at(min(deadline, loop.time() + WATCH), wake)
                await woken
                look.cancel()
                if answered or gone.done() or loop.time() >= deadline:
                    break
                if _resident(worker.pid) > self.memory:
                    self._replace(worker)
                    return ("memory", "", f"query stopped: it took more than {self.memory >> 20} MB of memory")
                woken = loop.create_future()
        finally:
            loop.remove_reader(fd)
            gone.remove_done_callback(left)
        if answered:
            try:  # the worker writes its whole answer at once: reading it takes as long as copying it
                answer = worker.receive()
            except (EOFError, OSError, ValueError):
                self._replace(worker)
                return "error", "", "the query worker stopped unexpectedly (the query crashed it)"
            self.idle.put_nowait(worker)
            return answer
        self._replace(worker)
        return ("gone", "", "") if gone.done() else ("timeout", "", "")

    async def _idle(self, deadline: float, gone: asyncio.Future) -> Worker | tuple:
        """A free worker, or ``("timeout", …)`` / ``("gone", …)`` when the deadline passes or
        the client leaves first."""
        assert self.idle is not None
        if self.idle.qsize():  # a worker is free: no task, no wait
            return self.idle.get_nowait()
        taking = asyncio.ensure_future(self.idle.get())
        left = max(deadline - asyncio.get_running_loop().time(), 0)
        done, _ = await asyncio.wait({taking, gone}, timeout=left, return_when=asyncio.FIRST_COMPLETED)
        if taking not in done:
            taking.cancel()
            if taking.done() and not taking.cancelled():
                self.idle.put_nowait(taking.result())
            return ("gone", "", "") if gone in done else ("timeout", "", "")
        return taking.result()

    def _replace(self, worker: Worker) -> None:
        """End ``worker`` and start another in the background. The other opens the store only
        when its marker says it is complete: while another command reloads it (or was killed
        reloading it), the workers that remain serve the copy they opened, and the replacement
        is tried again every :data:`RETRY` seconds."""

        async def replace() -> None:
            await asyncio.to_thread(worker.stop)
            self.workers = [w for w in self.workers if w is not worker]
            while True:
                if marker_stamp(self.store_dir) is not None:
                    with contextlib.suppress(TKGError):  # no forker could be started: tried again
                        fresh = await asyncio.to_thread(Worker, self.forker, self.store_dir)
                        if await asyncio.to_thread(fresh.ready):
                            break
                await asyncio.sleep(RETRY)
            self.workers.append(fresh)
            assert self.idle is not None
            self.idle.put_nowait(fresh)

        task = asyncio.ensure_future(replace())
        self._replacing.add(task)  # held until done: the loop keeps only a weak reference
        task.add_done_callback(self._replacing.discard)

    def close(self) -> None:
        for worker in self.workers:
            worker.stop()
        self.forker.close()


# --- the protocol ---------------------------------------------------------------------------------


def service_description(endpoint: str, federated: bool) -> bytes:
    """The SPARQL 1.1 Service Description of the endpoint, in Turtle."""
    formats = " ,\n        ".join(f"<{f.w3c_iri}>" for f in FORMATS)
    feature = "    sd:feature sd:BasicFederatedQuery ;\n" if federated else ""
    return (
        f"@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .\n"
        f"<{endpoint}> a sd:Service ;\n    sd:endpoint <{endpoint}> ;\n"
        f"    sd:supportedLanguage sd:SPARQL11Query ;\n{feature}"
        f"    sd:resultFormat {formats} ;\n"
        f"{DATASET}"
    ).encode()


class Refused(Exception):
    """A request answered with an error status; ``str()`` is the message."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.headers = status, headers or {}


def _one(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name, [])
    if len(values) > 1:
        raise Refused(400, f"give one {name} parameter, not {len(values)}")
    return values[0] if values else None


@dataclass(frozen=True)
class Pages:
    """Routes another room serves beside the endpoint (the review pages), mounted at ``path``:
    ``make()`` gives the routes and the state their handlers find in ``request.app.state``. It
    is called with the first request for a path other than ``/sparql``, so a server that only
    answers queries never imports what the pages take."""

    path: str
    make: Callable[[], tuple[list, dict]]


class Turns:
    """Who runs now, fairly: a client runs at most ``per_client`` queries at once, and one that
    already runs one starts another only while a worker stays free for clients running none,
    so no two greedy clients can starve a third. Those that must wait are let in by fewest
    running, then first come; their wait counts in their timeout."""

    def __init__(self, capacity: int, per_client: int) -> None:
        self.capacity, self.per_client = capacity, per_client
        self.held: dict[str, int] = {}
        self.total = 0
        self.waiting: list[tuple[str, asyncio.Future]] = []

    def _may(self, client: str) -> bool:
        held = self.held.get(client, 0)
        if held >= self.per_client:
            return False
        return self.total < self.capacity if held == 0 else self.total + 1 < self.capacity

    def _grant(self, client: str) -> None:
        self.held[client] = self.held.get(client, 0) + 1
        self.total += 1

    def release(self, client: str) -> None:
        """End one of the client's turns and let in whoever may now run."""
        self.total -= 1
        self.held[client] -= 1
        if not self.held[client]:
            del self.held[client]
        if not self.waiting:
            return
        self.waiting = [(c, f) for c, f in self.waiting if not f.done()]
        for client, future in sorted(self.waiting, key=lambda w: self.held.get(w[0], 0)):  # stable: first come
            if self._may(client):
                self._grant(client)
                future.set_result(None)

    async def take(self, client: str, deadline: float, gone: asyncio.Future, timeout: float) -> None:
        """One of the client's turns, waiting for it until ``deadline`` (Refused 503 past it)."""
        if self._may(client) and not any(c == client for c, f in self.waiting if not f.done()):
            self._grant(client)
            return
        loop = asyncio.get_running_loop()
        waiting = loop.create_future()
        self.waiting.append((client, waiting))
        left = max(deadline - loop.time(), 0)
        await asyncio.wait({waiting, gone}, timeout=left, return_when=asyncio.FIRST_COMPLETED)
        if waiting.done():
            return
        waiting.cancel()
        self.waiting.remove((client, waiting))
        if self.held.get(client, 0) >= self.per_client:
            why = f"this client's earlier queries (at most {self.per_client} at once)"
        else:
            why = "a worker: other clients' queries hold them, one is kept for clients running none"
        raise Refused(503, f"query stopped: it ran past the {timeout:g} s timeout waiting for {why}")


class Endpoint:
    """The state the app's handlers share."""

    def __init__(
        self,
        project: Project,
        pool: Pool,
        timeout: float,
        url: str,
        loopback: bool,
        allow_service: tuple[str, ...],
        per_client: int,
        pages: Pages | None = None,
        page: bytes | None = None,
    ) -> None:
        self.project, self.pool, self.timeout, self.url = project, pool, timeout, url
        self.loopback, self.allow_service, self.per_client = loopback, allow_service, per_client
        self.turns = Turns(len(pool.workers), per_client)
        self.pages = pages
        self.page = page if page is not None else query_page(project, pages.path if pages else None)
        self._store: Store | None = None
        self._lock = threading.Lock()

    def store(self):
        """The embedded store in this process, for what the workers do not answer (network
        views, labels in parameters), loaded on first use."""
        from ..core.store import open_store

        with self._lock:
            if self._store is None:
                self._store = open_store(self.project)
            return self._store

    def check_origin(self, headers) -> None:
        """:func:`check_origin` for this endpoint."""
        check_origin(headers, self.loopback)

    def check_query(self, sparql: str) -> None:
        """What the server reads of a query before a worker takes it: not empty, no SERVICE it
        may not call. (Its nesting is checked by the worker, before its parser sees it.)"""
        if not sparql.strip():
            raise Refused(400, "the query is empty")
        for iri in services(sparql):
            host = urllib.parse.urlsplit(iri).hostname if iri else None
            if host is None or host not in self.allow_service:
                allowed = ", ".join(self.allow_service) or "none"
                raise Refused(
                    400,
                    f"SERVICE {('<' + iri + '>') if iri else '(not an IRI)'} is not allowed: this endpoint "
                    f"does not send requests to other hosts (allowed: {allowed})",
                )


def check_origin(headers, loopback: bool) -> None:
    """Bound to this machine, the Host must name it (DNS rebinding); from any address, a
    request a page of another origin sends is refused (no CORS)."""
    host = headers.get("host", "")
    name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    # by exact match: an address of 127.0.0.0/8 or ::1 as written, or localhost; never a
    # prefix ("127.evil.example" and "127.0.0.1.nip.io" are names another host can answer)
    if loopback and not _is_loopback(name.lower()):
        raise Refused(403, f"Host {host!r} is not this machine: the endpoint answers requests for localhost only")
    origin = headers.get("origin")
    if origin and origin != "null" and urllib.parse.urlsplit(origin).netloc != host:
        raise Refused(403, f"requests from another origin ({origin}) are refused")
    if origin == "null":
        raise Refused(403, "requests from an opaque origin are refused")
    # a page elsewhere may make the browser send a GET with no Origin (an <img>, a script): the
    # browser still says where it comes from, in Sec-Fetch-Site and the Referer. A person who
    # follows a shared link navigates: that stays open (the page is what links are for)
    if headers.get("sec-fetch-mode") == "navigate":
        return
    site = headers.get("sec-fetch-site")
    if site in ("cross-site", "same-site"):
        raise Refused(403, f"requests a page of another origin sends are refused (Sec-Fetch-Site: {site})")
    referer = urllib.parse.urlsplit(headers.get("referer") or "").netloc
    if referer and referer != host:
        raise Refused(403, f"requests from a page of another origin ({referer}) are refused")


# --- the app: module-level handlers; the Endpoint is the app's state ------------------------------


def _text(status: int, message: str, headers: dict[str, str] | None = None):
    """A plain-text answer (an error, mostly), never cached."""
    from starlette.responses import Response

    return Response(
        message + "\n",
        status,
        headers={"Cache-Control": "no-store", **(headers or {})},
        media_type="text/plain; charset=utf-8",
    )


def _endpoint(request) -> Endpoint:
    """The Endpoint of the app that serves ``request``, once the request's origin may be answered."""
    endpoint: Endpoint = request.app.state.endpoint
    endpoint.check_origin(request.headers)
    return endpoint


def _unquote(raw: bytes) -> str:
    """A form's name or value, ``+`` and ``%XX`` decoded, then UTF-8 (errors replaced), as
    :func:`urllib.parse.parse_qs` has it, but decoded by a codec in C: a query escapes most of
    its characters, and Python's loop over them cost a light request 40 µs."""
    raw = raw.replace(b"+", b" ")
    if b"%" not in raw:
        return raw.decode("utf-8", "replace")
    try:  # every backslash doubled, so each escape the codec reads is one of ours
        latin = raw.replace(b"\\", b"\\\\").replace(b"%", b"\\x").decode("unicode_escape")
    except UnicodeDecodeError:  # a % not followed by two hex digits stays as it is
        return urllib.parse.unquote_to_bytes(raw).decode("utf-8", "replace")
    return latin.encode("latin-1").decode("utf-8", "replace")


def _form(raw: bytes) -> dict[str, list[str]]:
    """The parameters of a query string or a form body (``application/x-www-form-urlencoded``),
    blank values kept."""
    params: dict[str, list[str]] = {}
    for pair in raw.split(b"&"):
        if pair:
            name, _, value = pair.partition(b"=")
            params.setdefault(_unquote(name), []).append(_unquote(value))
    return params


def _headers(scope) -> dict[str, str]:
    """A request's headers by (lower-case) name, the first of a repeated one."""
    headers: dict[str, str] = {}
    for name, value in scope["headers"]:
        headers.setdefault(name.decode("latin-1"), value.decode("latin-1"))
    return headers


async def _read_body(headers: dict[str, str], receive) -> bytes:
    length = headers.get("content-length")
    if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
        raise Refused(
            413 if length.isdigit() else 400,
            f"request body over {MAX_BODY} bytes" if length.isdigit() else "Content-Length is not a number",
        )
    body = bytearray()
    while True:
        message = await receive()
        if message["type"] != "http.request":
            raise Refused(499, "the client has gone")
        body += message.get("body", b"")
        if len(body) > MAX_BODY:
            raise Refused(413, f"request body over {MAX_BODY} bytes")
        if not message.get("more_body", False):
            return bytes(body)


async def _params_of(scope, headers: dict[str, str], receive) -> tuple[str | None, dict[str, list[str]]]:
    """The query and the protocol's parameters of a GET or POST request."""
    params = _form(scope["query_string"])
    if scope["method"] in ("GET", "HEAD"):
        if "update" in params:
            raise Refused(403, "this endpoint is read-only: updates are refused")
        return _one(params, "query"), params
    kind = headers.get("content-type", "").split(";")[0].strip().lower()
    body = await _read_body(headers, receive)
    if kind == "application/sparql-update":
        raise Refused(403, "this endpoint is read-only: updates are refused")
    if kind == "application/sparql-query":
        if "query" in params:
            raise Refused(400, "the query is in the body: give no query parameter in the URL")
        return body.decode("utf-8", "replace"), params
    if kind == "application/x-www-form-urlencoded":
        form = _form(body)
        if "update" in form:
            raise Refused(403, "this endpoint is read-only: updates are refused")
        for name in ("default-graph-uri", "named-graph-uri"):
            params[name] = params.get(name, []) + form.get(name, [])
        if "query" in params:
            raise Refused(400, "give the query in the form, not in the URL too")
        query = _one(form, "query")
        if query is None:
            raise Refused(400, "no query parameter in the form")
        return query, params
    raise Refused(415, "send application/sparql-query or application/x-www-form-urlencoded")


class Turn:
    """A request's turn among its client's requests: its ``deadline`` (the loop's time), ``gone``
    (done when the client leaves), and ``left_running``: work in a thread past the deadline,
    which keeps the turn until it ends (a client cannot pile up work it stopped waiting for)."""

    def __init__(self, deadline: float, gone: asyncio.Future) -> None:
        self.deadline, self.gone = deadline, gone
        self.left_running: asyncio.Future | None = None


@contextlib.asynccontextmanager
async def _turn(endpoint: Endpoint, scope, receive):
    """One of the request's client's turns (:class:`Turns`), within the endpoint's timeout (its
    wait counts): every route that does work answers inside one."""
    deadline = asyncio.get_running_loop().time() + endpoint.timeout
    watching = None  # a task reading the ASGI messages for the disconnect, where the server gives no GONE
    gone = scope.get("extensions", {}).get(GONE)
    if gone is None:
        gone = watching = asyncio.ensure_future(_disconnected(receive))
    client = scope["client"][0] if scope.get("client") else "?"
    try:
        await endpoint.turns.take(client, deadline, gone, endpoint.timeout)
        turn = Turn(deadline, gone)
        try:
            yield turn
        finally:
            if turn.left_running is not None:
                turn.left_running.add_done_callback(lambda _: endpoint.turns.release(client))
            else:
                endpoint.turns.release(client)
    finally:
        if watching is not None:
            watching.cancel()


def _stopped(endpoint: Endpoint, gone: bool) -> Refused:
    if gone:  # the client left, nobody reads the answer; nginx's 499 says so in a log
        return Refused(499, "the client has gone")
    return Refused(503, f"query stopped: it ran past the {endpoint.timeout:g} s timeout")


async def _in_thread(endpoint: Endpoint, turn: Turn, work):
    """``work()`` in a thread of its own (not the loop's pool, which replacing workers needs),
    answered within the turn: Refused 503 past its deadline, 499 when its client leaves (the
    thread then keeps the turn until it ends)."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future = loop.create_future()

    def settle(result, error) -> None:
        if not future.done():
            future.set_exception(error) if error is not None else future.set_result(result)

    def run() -> None:
        try:
            result, error = work(), None
        except Exception as exc:  # the request's answer, raised where it is awaited
            result, error = None, exc
        with contextlib.suppress(RuntimeError):  # the loop has closed: the server has stopped
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=run, daemon=True, name="transition-kg request").start()
    left = max(turn.deadline - loop.time(), 0)
    done, _ = await asyncio.wait({future, turn.gone}, timeout=left, return_when=asyncio.FIRST_COMPLETED)
    if future in done:
        return future.result()
    future.add_done_callback(lambda f: f.exception())  # what it raises later is nobody's answer
    turn.left_running = future
    raise _stopped(endpoint, turn.gone in done)


async def _ask(endpoint: Endpoint, turn: Turn, sparql: str, params: dict[str, list[str]], accept: str):
    """The media type and body of the answer a worker gives, and its hints when it is empty,
    within the turn; Refused with the status that says why not."""
    job = (sparql, accept, *protocol_dataset(params), endpoint.url + "/sparql")
    status, media_type, body, *more = await endpoint.pool.ask(job, turn.deadline, turn.gone)
    if status == "ok" and isinstance(body, bytes):
        return media_type, body, more[0] if more else []
    if status in ("timeout", "gone"):
        raise _stopped(endpoint, status == "gone")
    said = body if isinstance(body, str) else body.decode("utf-8", "replace")
    message = {"bad": f"malformed query: {said}", "cannot": f"the query cannot be evaluated: {said}"}
    if status == "memory":
        raise Refused(503, said)
    raise Refused({"bad": 400, "cannot": 400, "unacceptable": 406}.get(status, 500), message.get(status, said))


SPARQL_METHODS = ("GET", "HEAD", "POST")


async def sparql_app(endpoint: Endpoint, scope, receive, send) -> None:
    """``/sparql`` (an ASGI request): the SPARQL 1.1 Protocol's query operation; the service
    description when there is no query. Plain ASGI, no routing, request or response objects:
    it is the path every query takes."""
    try:
        headers = _headers(scope)
        endpoint.check_origin(headers)
        if scope["method"] not in SPARQL_METHODS:
            raise Refused(405, "Method Not Allowed", {"Allow": ", ".join(SPARQL_METHODS)})
        status, media_type, body, more = await _sparql(endpoint, scope, headers, receive)
    except Refused as exc:
        status, media_type, body = exc.status, "text/plain; charset=utf-8", (str(exc) + "\n").encode()
        more = exc.headers
    fields = [(b"content-length", b"%d" % len(body)), (b"content-type", media_type.encode("latin-1"))]
    fields.append((b"cache-control", b"no-store"))
    fields += [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in more.items()]
    await send({"type": "http.response.start", "status": status, "headers": fields})
    await send({"type": "http.response.body", "body": body})


async def _sparql(endpoint: Endpoint, scope, headers: dict[str, str], receive) -> tuple[int, str, bytes, dict]:
    """The status, media type, body and other headers of a ``/sparql`` request's answer;
    Refused with the status that says why not."""
    sparql, params = await _params_of(scope, headers, receive)
    if sparql is None:
        if scope["method"] == "POST" or any(k in params for k in ("default-graph-uri", "named-graph-uri")):
            raise Refused(400, "no query parameter")
        description = service_description(endpoint.url + "/sparql", bool(endpoint.allow_service))
        return 200, "text/turtle; charset=utf-8", description, {}
    for iri in params.get("default-graph-uri", []) + params.get("named-graph-uri", []):
        if not iri or IRI_FORBIDDEN.search(iri):
            raise Refused(400, f"not a graph IRI: {iri!r}")
    endpoint.check_query(sparql)
    async with _turn(endpoint, scope, receive) as turn:
        media_type, body, hints = await _ask(endpoint, turn, sparql, params, headers.get("accept", "*/*"))
    charset = "; charset=utf-8" if media_type.startswith("text/") else ""
    # why an empty answer may be empty, as a JSON list in ASCII (a header holds no other text)
    return 200, media_type + charset, body, {HINT_HEADER: json.dumps(hints)} if hints else {}


async def view_route(request):
    """``/view``: a query's result (``query=``), or an entity's neighbourhood (``focus=``), as
    the network page."""
    from starlette.responses import Response

    from ..core.paths import corpus_dir
    from ..core.sparql import parse_answer, read
    from ..see.view import ViewError, from_result, page_of, render_page, select

    endpoint = _endpoint(request)
    params = urllib.parse.parse_qs(request.url.query, keep_blank_values=True)
    focus = _one(params, "focus")
    sparql = _one(params, "query") or ""
    if focus is None:
        endpoint.check_query(sparql)

    def network_of(answer: tuple[str, bytes, list[str]] | None):
        if answer is None:  # an entity's neighbourhood, its card opened by the page's link
            return select(endpoint.store(), focus=focus, depth=1), f"transition-kg: {focus}"
        result = read(parse_answer(answer[1], answer[0], "the query worker"))
        return from_result(endpoint.store(), result), "transition-kg: query result"

    def html_of(answer: tuple[str, bytes, list[str]] | None) -> str:
        network, title = network_of(answer)
        return render_page(page_of(network, title, corpus=corpus_dir(endpoint.project)))  # passages in the cards

    try:
        async with _turn(endpoint, request.scope, request.receive) as turn:
            answer = None
            if focus is None:
                accept = "application/sparql-results+json, application/n-triples"
                answer = await _ask(endpoint, turn, sparql, {}, accept)
            page = await _in_thread(endpoint, turn, lambda: html_of(answer))
    except ViewError as exc:
        raise Refused(400, worded(exc, HTTP)) from None
    return Response(page, media_type="text/html; charset=utf-8")


async def named_route(request):
    """``/named/NAME``: a named query's text with the given parameters bound by the library
    (typed, never pasted), for the page to show in its editor and run."""
    from starlette.responses import Response

    from ..core.errors import QueryError
    from ..core.named import get
    from .queries import prepare

    endpoint = _endpoint(request)
    params = urllib.parse.parse_qs(request.url.query, keep_blank_values=True)
    given = {name: _one(params, name) or "" for name in params}

    def bind() -> str:
        query = get(endpoint.project, request.path_params["name"])
        values = {k: v for k, v in given.items() if v != ""}
        # a label names its entity as on the command line (Datong, "tourism revenue"): the store
        # is asked only when a value is not an IRI or a prefixed name
        plain = all(":" in v for v in values.values())
        return prepare(query, values, None if plain else endpoint.store())

    try:
        async with _turn(endpoint, request.scope, request.receive) as turn:
            bound = await _in_thread(endpoint, turn, bind)
    except QueryError as exc:
        raise Refused(400, worded(exc, HTTP)) from None
    return Response(bound, media_type="application/sparql-query; charset=utf-8", headers={"Cache-Control": "no-store"})


async def page_route(request):
    """``/``: the query workbench."""
    from starlette.responses import Response

    return Response(_endpoint(request).page, media_type="text/html; charset=utf-8")


async def _refused(request, exc: Refused):
    return _text(exc.status, str(exc), exc.headers)


async def _not_found(request, exc):
    return _text(
        exc.status_code,
        f"no such path: {request.url.path} (the endpoint is /sparql)" if exc.status_code == 404 else exc.detail,
        getattr(exc, "headers", None),
    )


class App:
    """The endpoint's ASGI app: ``/sparql`` goes straight to :func:`sparql_app`; the other paths
    to the Starlette app of :func:`make_app`, built (Starlette imported) on the first of them."""

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint
        self._others: Callable | None = None

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope["path"] in ("/sparql", "/sparql/"):  # as Starlette redirected
            await sparql_app(self.endpoint, scope, receive, send)
            return
        if scope["type"] == "lifespan":  # the pool's queue is made in the serving loop
            while (await receive())["type"] == "lifespan.startup":
                await self.endpoint.pool.start()
                await send({"type": "lifespan.startup.complete"})
            await send({"type": "lifespan.shutdown.complete"})
            return
        if self._others is None:
            self._others = make_app(self.endpoint)
        await self._others(scope, receive, send)


def make_app(endpoint: Endpoint):
    """The Starlette app of the endpoint's other paths: ``/``, ``/view`` and ``/named/NAME``
    (and the pages'), answered by this module's handlers, which find ``endpoint`` in
    ``request.app.state``."""
    from starlette.applications import Starlette
    from starlette.routing import Mount, Route, Router

    handlers: dict = {Refused: _refused, 404: _not_found, 405: _not_found}
    routes: list = [
        Route("/", page_route, methods=["GET", "HEAD"]),
        Route("/view", view_route, methods=["GET"]),
        Route("/named/{name}", named_route, methods=["GET"]),
    ]
    pages = endpoint.pages
    state: dict = {}  # what the pages' handlers find in request.app.state
    if pages is not None:  # another room's pages (the review pages), behind the same checks
        their_routes, state = pages.make()
        routes.append(Mount(pages.path, app=_Checked(Router(their_routes), endpoint.loopback)))
    app = Starlette(routes=routes, exception_handlers=handlers)
    app.state.endpoint = endpoint
    for name, value in state.items():
        setattr(app.state, name, value)
    return app


async def _disconnected(receive) -> None:
    """Return when the client has gone (the ASGI server says ``http.disconnect``)."""
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return


def query_page(project: Project, review: str | None = None) -> bytes:
    """The offline query workbench, with the named queries (their parameters, defaults bound),
    the prefixes, and the ontology's terms for completion; a link to ``review`` (the path of
    the drafts' review pages) when the server has them."""
    from ..see.workbench import render_workbench
    from .workbench import workbench_data

    return render_workbench(workbench_data(project), review).encode("utf-8")


# --- the server -----------------------------------------------------------------------------------


class Server:
    """A bound endpoint: :meth:`serve_forever` (the CLI) or :meth:`start` (a thread, for tests
    and notebooks), then :meth:`close`, which stops serving, ends the workers and removes a
    temporary store."""

    def __init__(
        self, sock: socket.socket, endpoint: Endpoint | None, store_dir: str, owned_dir: bool, app=None, url: str = ""
    ) -> None:
        self.sock, self.endpoint, self.store_dir, self.owned_dir = sock, endpoint, store_dir, owned_dir
        self.app, self.url = app, endpoint.url if endpoint is not None else url
        self._server: uvicorn.Server | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._stop_asked = threading.Event()

    async def _serve(self) -> None:
        import uvicorn

        app = self.app if self.endpoint is None else App(self.endpoint)
        config = uvicorn.Config(
            app,
            http=_guarded_protocol(connection_cap()),
            loop="none",
            lifespan="on",
            timeout_keep_alive=IDLE_TIMEOUT,  # type: ignore[arg-type]
            timeout_graceful_shutdown=2,
            server_header=False,
            log_config=None,
            log_level="critical",  # a bad request is its client's answer, not the server's log
            access_log=False,
            proxy_headers=False,  # X-Forwarded-For from loopback would name any client: a client is its address
        )
        server = self._server = uvicorn.Server(config)
        if threading.current_thread() is threading.main_thread():  # the process is the server's (not a notebook's
            settle_heap()  # or a test's, whose objects the collector must not free, nor freeze, from this thread)
        self._loop = asyncio.get_running_loop()
        if self._stop_asked.is_set():  # asked before the loop ran
            server.should_exit = True
        await server.serve(sockets=[self.sock.dup()])  # uvicorn closes the socket it is given

    def serve_forever(self) -> None:
        """Serve until :meth:`stop` (or SIGTERM, in the main thread; Ctrl-C raises KeyboardInterrupt)."""
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, lambda *_: self.stop())
        asyncio.run(self._serve())

    def start(self) -> Server:
        """Serve in a background thread; return when requests are answered."""
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)
        self._thread.start()
        while self._loop is None and self._thread.is_alive():
            threading.Event().wait(0.01)
        return self

    def stop(self) -> None:
        """Ask the server to stop (from any thread or a signal handler)."""
        self._stop_asked.set()
        if self._server is not None:
            self._server.should_exit = True

    def close(self) -> None:
        self.stop()
        if self._thread is not None:
            self._thread.join(timeout=10)
        if self.endpoint is not None:
            self.endpoint.pool.close()
        self.sock.close()
        if self.owned_dir:
            shutil.rmtree(self.store_dir, ignore_errors=True)


def connection_cap() -> int:
    """How many connections are served at once (:data:`MAX_CONNECTIONS`, or the descriptor
    limit, raised to its hard limit, less :data:`RESERVED_FDS`); one more is answered 503."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 65536 if hard == resource.RLIM_INFINITY else min(hard, 65536)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            soft = wanted
    return MAX_CONNECTIONS or max(16, min(soft, 65536) - RESERVED_FDS)


def _status(status: int, message: str) -> bytes:
    """A whole HTTP/1.1 answer that closes its connection, for what is refused before the app."""
    from http import HTTPStatus

    body = (message + "\n").encode()
    return (
        f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\ncontent-type: text/plain; charset=utf-8\r\n"
        f"content-length: {len(body)}\r\ncache-control: no-store\r\nconnection: close\r\n\r\n"
    ).encode() + body


class _HeadHeld:
    """A connection's transport as one response's cycle (uvicorn's) writes to it: the head of
    the answer (its status line and headers) is held until its body's first write and leaves
    with it, so a small answer costs one system call and the client one wake-up, not two. A
    HEAD answer, which writes no body, and anything written before the head (a 100 Continue)
    are not held; closing sends what is held."""

    JOINED = 1 << 16  # bytes of a body sent joined to its head; a larger one is not copied

    def __init__(self, transport: asyncio.Transport, cycle) -> None:
        self.transport, self.cycle = transport, cycle
        self.held: bytes | None = None
        self.holding = cycle.scope["method"] != "HEAD"  # until the head is written

    def write(self, data: bytes) -> None:
        if self.holding and self.cycle.response_started:  # the head
            self.holding, self.held = False, data
            return
        if self.held is not None:
            head, self.held = self.held, None
            if len(data) > self.JOINED:
                self.transport.write(head)
            else:
                data = head + data
        self.transport.write(data)

    def close(self) -> None:
        if self.held is not None:
            self.transport.write(self.held)
            self.held = None
        self.transport.close()

    def __getattr__(self, name: str):
        return getattr(self.transport, name)


def _guarded_protocol(cap: int) -> type:
    """uvicorn's HTTP/1.1 over httptools, with what a server anyone may reach needs: at most
    ``cap`` connections (the next is answered 503 and closed), a request's head of at most
    :data:`MAX_HEAD` bytes (431), and a whole request, head and body, sent within
    :data:`READ_TIMEOUT` seconds of its first byte, or of the connection (408, closed): a client
    that trickles cannot hold a connection. An answer's head leaves with its body (:class:`_HeadHeld`),
    and each request's scope carries the extension :data:`GONE`: a request learns that its client
    has left with no task reading its ASGI messages."""
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    class Guarded(HttpToolsProtocol):
        _cut: asyncio.TimerHandle | None = None
        _head = -1  # bytes of reads wholly inside the request's head; -1 outside a head
        _named = 0  # bytes of the request's target and headers, as parsed

        def connection_made(self, transport) -> None:
            super().connection_made(transport)
            self._gone = self.loop.create_future()
            # asyncio reads a socket 256 KB at a time: a buffer malloc maps, shrinks and unmaps
            # (three system calls a request); 64 KB comes from the heap
            transport.max_size = READ_SIZE
            if len(self.connections) > cap:
                self._refuse(503, f"the server has {cap} connections open: try again shortly")
                return
            self._cut = self.loop.call_later(READ_TIMEOUT, self._too_slow)

        def connection_lost(self, exc: Exception | None) -> None:
            if self._cut is not None:
                self._cut.cancel()
            if not self._gone.done():
                self._gone.set_result(None)
            super().connection_lost(exc)

        def data_received(self, data: bytes) -> None:
            if self.transport.is_closing():
                return
            if self._cut is None:  # a new request begins: its deadline runs
                self._cut = self.loop.call_later(READ_TIMEOUT, self._too_slow)
            inside = self._head >= 0  # the read began inside a request's head
            super().data_received(data)
            if inside and self._head >= 0:  # and ended there: the whole read is head
                self._head += len(data)
            if self._head > MAX_HEAD:
                self._refuse(431, f"the request's line and headers are over {MAX_HEAD} bytes")

        def on_message_begin(self) -> None:
            self._head = self._named = 0
            super().on_message_begin()

        def on_url(self, url: bytes) -> None:
            self._named += len(url)
            super().on_url(url)

        def on_header(self, name: bytes, value: bytes) -> None:
            self._named += len(name) + len(value) + 4
            super().on_header(name, value)

        def on_headers_complete(self) -> None:
            self._head = -1
            if self._named > MAX_HEAD:
                self._refuse(431, f"the request's line and headers are over {MAX_HEAD} bytes")
                return
            self.scope.setdefault("extensions", {})[GONE] = self._gone
            super().on_headers_complete()
            if self.cycle is not None and self.cycle.transport is self.transport:
                self.cycle.transport = _HeadHeld(self.transport, self.cycle)  # type: ignore[assignment]

        def send_400_response(self, msg: str) -> None:
            if not self.transport.is_closing():  # a refused request says why; nothing is added
                super().send_400_response(msg)

        def on_message_complete(self) -> None:
            if self._cut is not None:
                self._cut.cancel()
                self._cut = None
            super().on_message_complete()

        def _too_slow(self) -> None:
            self._cut = None
            if self.cycle is None or not self.cycle.response_started:
                self._refuse(408, f"the request was not sent within {READ_TIMEOUT:g} s")
            else:
                self.transport.close()

        def _refuse(self, status: int, message: str) -> None:
            if not self.transport.is_closing():
                self.transport.write(_status(status, message))
                self.transport.close()

    return Guarded


def _listen(host: str, port: int) -> socket.socket:
    """A listening socket, or a one-line error (port taken, address not here)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise TKGError(f"not an address of this machine ({exc.strerror})", option="host", value=host) from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(256)
    except OSError as exc:
        sock.close()
        raise TKGError(f"cannot listen on {host}:{port} ({exc.strerror})", option="port", value=port) from None
    sock.set_inheritable(True)
    return sock


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _remove_stale_stores() -> None:
    """Remove temporary stores left by servers that died (their owner process is gone)."""
    for folder in Path(tempfile.gettempdir()).glob(f"{TEMP_PREFIX}*"):
        try:
            pid = int((folder / "owner.pid").read_text())
            os.kill(pid, 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except (OSError, ValueError):
            continue


def make_server(
    project: Project,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout: float = 30.0,
    workers: int = 4,
    store_dir: Path | None = None,
    allow_service: tuple[str, ...] = (),
    per_client: int | None = None,
    memory_mb: int = MEMORY >> 20,
    pages: Pages | None = None,
) -> Server:
    """Bind the address, load the store (on disk, so the workers can open it read-only) and
    start the workers; serving starts with :meth:`Server.serve_forever` or :meth:`Server.start`.
    ``pages`` are another room's routes (the review pages), mounted at their path and linked
    from the workbench."""
    if workers < 1:
        raise TKGError("give 1 or more", option="workers", value=workers)
    if memory_mb < 64:
        raise TKGError("give 64 (megabytes) or more", option="memory", value=memory_mb)
    if not timeout > 0:
        raise TKGError("give a number of seconds above 0", option="timeout", value=timeout)
    sock = _listen(host, port)
    _remove_stale_stores()
    owned = store_dir is None
    folder = tempfile.mkdtemp(prefix=TEMP_PREFIX) if owned else str(store_dir)
    try:
        if owned:
            (Path(folder) / "owner.pid").write_text(str(os.getpid()))
        page = _load_apart(project, Path(folder) / "store" if owned else Path(folder), pages.path if pages else None)
        bound_host, bound_port = sock.getsockname()[:2]
        shown = f"[{bound_host}]" if ":" in bound_host else bound_host
        endpoint = Endpoint(
            project,
            Pool(str(Path(folder) / "store") if owned else folder, workers, memory_mb << 20),
            timeout,
            f"http://{shown}:{bound_port}",
            _is_loopback(host),
            tuple(allow_service),
            per_client or max(1, workers - 1),
            pages,
            page,
        )
    except BaseException:
        sock.close()
        if owned:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    return Server(sock, endpoint, folder, owned)


def _load_apart(project: Project, store_dir: Path, review: str | None) -> bytes:
    """Load the project into the store on disk in ``store_dir`` and render the workbench page
    (:func:`query_page`) in a process of its own, so the server never holds what they take
    (pyoxigraph, the store's write buffers, the templates); the page, or the load's error as
    :func:`~transition_kg.core.load.load` raises it."""
    import pickle
    import subprocess

    from .worker import command

    done = subprocess.run(
        command("ask.serve:_load_here"),
        input=pickle.dumps((project, store_dir, review)),
        capture_output=True,
        check=False,
    )
    if done.returncode:
        if done.stdout:
            raise pickle.loads(done.stdout)
        said = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["it ended with no message"])[-1]
        raise TKGError(f"the store could not be loaded: {said}")
    return done.stdout


def _load_here() -> None:
    """The process :func:`_load_apart` starts: load and render what stdin names, the page to
    stdout; a TKGError pickled to stdout, exit status 1."""
    import pickle
    import sys

    from ..core.load import load

    project, store_dir, review = pickle.loads(sys.stdin.buffer.read())
    try:
        load(project, store_dir).store.flush()
        sys.stdout.buffer.write(query_page(project, review))
    except TKGError as exc:
        sys.stdout.buffer.write(pickle.dumps(exc))
        sys.exit(1)


class _Checked:
    """ASGI middleware: the endpoint's Host and Origin checks (:func:`check_origin`) before a
    page app of its own (the review page) answers."""

    def __init__(self, app, loopback: bool) -> None:
        self.app, self.loopback = app, loopback

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http":
            from starlette.datastructures import Headers

            try:
                check_origin(Headers(scope=scope), self.loopback)
            except Refused as exc:
                await _text(exc.status, str(exc), exc.headers)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def make_page_server(routes: list, state: dict, host: str = "127.0.0.1", port: int = 7879) -> Server:
    """A server for a page of its own (the review page's ``routes``, whose handlers find
    ``state`` in ``request.app.state``), on loopback by default, behind the endpoint's Host and
    Origin checks; serving starts with :meth:`Server.serve_forever` or :meth:`Server.start`."""
    from starlette.applications import Starlette
    from starlette.middleware import Middleware

    handlers: dict = {Refused: _refused, 404: _not_found, 405: _not_found}
    app = Starlette(
        routes=routes, middleware=[Middleware(_Checked, loopback=_is_loopback(host))], exception_handlers=handlers
    )
    for name, value in state.items():
        setattr(app.state, name, value)
    sock = _listen(host, port)
    bound_host, bound_port = sock.getsockname()[:2]
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    return Server(sock, None, "", False, app, f"http://{shown}:{bound_port}")
