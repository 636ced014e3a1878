"""A read-only SPARQL 1.1 Protocol endpoint over the project's graph, with an offline query page.

- ``/sparql``: queries by GET, by POST form-encoded, or by POST ``application/sparql-query``;
  results by content negotiation (SPARQL JSON, XML, CSV, TSV; Turtle, N-Triples, JSON-LD for
  CONSTRUCT and DESCRIBE); every update refused with 403; a malformed query gets 400 with
  the parser's message; ``GET /sparql`` with no query gives the service description.
- Queries run in worker processes that open the Oxigraph store read-only; the worker parses
  the query, runs it, chooses the format from the Accept header and the kind of result, and
  writes it with :func:`transition_kg.sparql.serialize` (the CLI's writer). A query past the
  timeout is stopped by ending its worker (a running query cannot be interrupted from
  Python), answered with 503, and a fresh worker takes its place; other clients are served
  by the other workers meanwhile.
- ``/``: a page to write queries (the named queries as examples), see results as a table,
  and "show as network", which renders the result with the same view as ``transition-kg view``.
"""

from __future__ import annotations

import json
import multiprocessing
import queue
import shutil
import tempfile
import threading
import urllib.parse
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .load import load
from .paths import Project
from .sparql import DEFAULT, FORMATS, ResultFormat

MAX_BODY = 1 << 20


class Timeout(Exception):
    """A query ran past the timeout; its worker was ended."""


def _work(store_dir: str, conn) -> None:
    """A worker process: answer (query, Accept header) requests from the read-only store,
    forever, with ``(status, media type, body)``."""
    import pyoxigraph as ox

    from .sparql import answer_kind, serialize, syntax_error

    store = ox.Store.read_only(store_dir)
    while True:
        sparql, accept = conn.recv()
        try:
            raw = store.query(sparql)
            kind = "graph" if answer_kind(raw) == "GRAPH" else "rows"
            chosen = negotiate(accept, kind)
            if chosen is None:
                offered = ", ".join(f.media_type for f in FORMATS if f.kind == kind)
                conn.send(("unacceptable", "", f"this result can be sent as: {offered}"))
                continue
            fmt, media_type = chosen
            conn.send(("ok", media_type, serialize(raw, fmt)))
        except SyntaxError as exc:
            conn.send(("bad", "", str(syntax_error(exc, sparql))))
        except (OSError, ValueError, RuntimeError) as exc:
            conn.send(("error", "", str(exc).splitlines()[0] if str(exc) else type(exc).__name__))


class Worker:
    """One worker process and the pipe to it."""

    def __init__(self, store_dir: str) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_work, args=(store_dir, child), daemon=True)
        self.process.start()

    def ask(self, sparql: str, accept: str, timeout: float) -> tuple[str, str, bytes | str]:
        self.conn.send((sparql, accept))
        if not self.conn.poll(timeout):
            self.stop()
            raise Timeout()
        return self.conn.recv()

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)


class Pool:
    """Workers over one store; a stopped worker is replaced in the background."""

    def __init__(self, store_dir: str, size: int) -> None:
        self.store_dir = store_dir
        self.idle: queue.Queue[Worker] = queue.Queue()
        for _ in range(size):
            self.idle.put(Worker(store_dir))

    def ask(self, sparql: str, accept: str, timeout: float) -> tuple[str, str, bytes | str]:
        worker = self.idle.get()
        try:
            answer = worker.ask(sparql, accept, timeout)
        except Timeout:
            threading.Thread(target=lambda: self.idle.put(Worker(self.store_dir)), daemon=True).start()
            raise
        except (EOFError, OSError):  # the worker died: replace it, report the failure
            worker.stop()
            self.idle.put(Worker(self.store_dir))
            return "error", "", "the query worker stopped unexpectedly"
        self.idle.put(worker)
        return answer

    def close(self) -> None:
        while not self.idle.empty():
            self.idle.get().stop()


def negotiate(accept: str, kind: str) -> tuple[ResultFormat, str] | None:
    """The format to answer with and the media type to name it by, from the Accept header
    and the kind of result ("rows" or "graph"); None when nothing offered fits."""
    offered = {t: f for f in FORMATS if f.kind == kind for t in (f.media_type, *f.also)}
    default = next(f for f in FORMATS if f.name == DEFAULT[kind])
    choices = []
    for i, part in enumerate((accept or "*/*").split(",")):
        media, *options = [p.strip() for p in part.split(";")]
        quality = next((float(o[2:]) for o in options if o.startswith("q=") and o[2:].replace(".", "", 1).isdigit()), 1.0)
        choices.append((-quality, i, media.lower()))
    for quality, _, media in sorted(choices):
        if quality == 0:
            continue
        if media in offered:
            return offered[media], media
        if media == "*/*" or (media.endswith("/*") and default.media_type.startswith(media[:-1])):
            return default, default.media_type
    return None


def service_description(endpoint: str) -> bytes:
    """The SPARQL 1.1 Service Description of the endpoint, in Turtle."""
    formats = " ,\n        ".join(f"<{f.w3c_iri}>" for f in FORMATS)
    return (f"@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .\n"
            f"<{endpoint}> a sd:Service ;\n    sd:endpoint <{endpoint}> ;\n"
            f"    sd:supportedLanguage sd:SPARQL11Query ;\n    sd:feature sd:BasicFederatedQuery ;\n"
            f"    sd:resultFormat {formats} ;\n"
            f"    sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] .\n").encode()


@dataclass
class Endpoint:
    """What the request handler needs."""

    project: Project
    pool: Pool
    timeout: float
    page: bytes
    _dataset: object = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def dataset(self):
        """The rdflib dataset for network views, loaded on first use."""
        with self._lock:
            if self._dataset is None:
                self._dataset = load(self.project).dataset
            return self._dataset


def _handler(endpoint: Endpoint):
    class Handler(BaseHTTPRequestHandler):
        server_version = "transition-kg"
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # quiet: one line per request would flood tests
            pass

        def _send(self, status: int, body: bytes, content_type: str = "text/plain; charset=utf-8") -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _error(self, status: HTTPStatus, message: str) -> None:
            self._send(status, (message + "\n").encode())

        def do_GET(self) -> None:
            url = urllib.parse.urlsplit(self.path)
            params = urllib.parse.parse_qs(url.query)
            if url.path == "/":
                return self._send(200, endpoint.page, "text/html; charset=utf-8")
            if url.path == "/view":
                return self._view(params.get("query", [""])[0])
            if url.path != "/sparql":
                return self._error(HTTPStatus.NOT_FOUND, f"no such path: {url.path} (the endpoint is /sparql)")
            if "update" in params:
                return self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused")
            if "query" not in params:
                host = self.headers.get("Host", "localhost")
                return self._send(200, service_description(f"http://{host}/sparql"), "text/turtle; charset=utf-8")
            self._query(params["query"][0], params)

        def do_POST(self) -> None:
            url = urllib.parse.urlsplit(self.path)
            if url.path != "/sparql":
                return self._error(HTTPStatus.NOT_FOUND, f"no such path: {url.path} (the endpoint is /sparql)")
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                return self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY} bytes")
            body = self.rfile.read(length).decode("utf-8", "replace")
            kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if kind == "application/sparql-update":
                return self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused")
            if kind == "application/sparql-query":
                return self._query(body, urllib.parse.parse_qs(url.query))
            if kind == "application/x-www-form-urlencoded":
                params = urllib.parse.parse_qs(body)
                if "update" in params:
                    return self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused")
                if "query" in params:
                    return self._query(params["query"][0], params)
                return self._error(HTTPStatus.BAD_REQUEST, "no query parameter in the form")
            return self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                               "send application/sparql-query or application/x-www-form-urlencoded")

        def _ask(self, sparql: str, accept: str) -> tuple[str, bytes] | None:
            """Run the query in a worker; answer errors (400, 406, 503, 500) here and return None."""
            try:
                status, media_type, body = endpoint.pool.ask(sparql, accept, endpoint.timeout)
            except Timeout:
                return self._error(HTTPStatus.SERVICE_UNAVAILABLE, f"query stopped: it ran past the {endpoint.timeout:g} s timeout")
            if status == "bad":
                return self._error(HTTPStatus.BAD_REQUEST, f"malformed query: {body}")
            if status == "unacceptable":
                return self._error(HTTPStatus.NOT_ACCEPTABLE, str(body))
            if status != "ok":
                return self._error(HTTPStatus.INTERNAL_SERVER_ERROR, str(body))
            return media_type, body

        def _query(self, sparql: str, params: dict) -> None:
            if params.get("default-graph-uri") or params.get("named-graph-uri"):
                return self._error(HTTPStatus.BAD_REQUEST, "default-graph-uri and named-graph-uri are not supported")
            answer = self._ask(sparql, self.headers.get("Accept", "*/*"))
            if answer:
                media_type, body = answer
                self._send(200, body, media_type + ("; charset=utf-8" if media_type.startswith("text/") else ""))

        def _view(self, sparql: str) -> None:
            from .sparql import parse_answer, read
            from .view import ViewError, from_result, render_page, to_pyvis

            answer = self._ask(sparql, "application/sparql-results+json, application/n-triples")
            if not answer:
                return
            media_type, body = answer
            result = read(parse_answer(body, media_type, "the query worker"))
            try:
                network = from_result(endpoint.dataset(), result)
            except ViewError as exc:
                return self._error(HTTPStatus.BAD_REQUEST, str(exc))
            self._send(200, render_page(to_pyvis(network, "transition-kg: query result")).encode(), "text/html; charset=utf-8")

        do_HEAD = do_GET

    return Handler


def query_page(project: Project) -> bytes:
    """The offline query page, with the named queries (defaults bound) as examples."""
    from .queries import discover, prepare

    examples = [{"name": name, "title": query.title, "text": prepare(query)} for name, query in discover(project).items()]
    data = json.dumps(examples).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    template = (Path(__file__).parent / "query.html").read_text(encoding="utf-8")
    return template.replace("/*EXAMPLES*/[]", data).encode("utf-8")


@dataclass
class Server:
    """A running endpoint: its HTTP server, workers and store folder."""

    http: ThreadingHTTPServer
    pool: Pool
    store_dir: str
    owned_dir: bool

    @property
    def url(self) -> str:
        host, port = self.http.server_address[:2]
        return f"http://{host}:{port}"

    def close(self) -> None:
        self.http.shutdown()
        self.http.server_close()
        self.pool.close()
        if self.owned_dir:
            shutil.rmtree(self.store_dir, ignore_errors=True)


def make_server(project: Project, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0,
                workers: int = 4, store_dir: Path | None = None) -> Server:
    """Load the store (on disk, so the workers can open it read-only) and bind the server."""
    import gc

    owned = store_dir is None
    folder = str(store_dir) if store_dir else tempfile.mkdtemp(prefix="tkg-store-")
    loaded = load(project, Path(folder))
    loaded.store.flush()
    del loaded
    gc.collect()  # close the read-write handle before the workers open it read-only
    endpoint = Endpoint(project, Pool(folder, workers), timeout, query_page(project))
    return Server(_HTTPServer((host, port), _handler(endpoint)), endpoint.pool, folder, owned)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # many clients at once queue instead of being refused

