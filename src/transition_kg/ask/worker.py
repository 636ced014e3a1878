"""The endpoint's query workers: processes that open the store read-only and answer queries over
a socket, forked by :func:`forker` (which :mod:`transition_kg.ask.serve` starts with
:func:`command`) so they share its pages.

They import pyoxigraph and what a query needs (the dataset, the nesting check, result formats,
the hints), never the server's HTTP stack, Starlette or rdflib: each worker costs the store and
what it writes, no more. The forker is started by exec, not by :mod:`multiprocessing`, so it
imports no ``__main__`` of the server's and no resource tracker runs beside it.

Messages both ways are :mod:`marshal`'d tuples of plain values behind an 8-byte length
(:func:`send`, :func:`receive`): the worker says ``("ready",)``, or ``("incomplete",)`` and ends;
then it reads ``(query, accept, default graphs, named graphs, base IRI)`` and answers
``(status, media type, body, hints)``, forever.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys

from ..core.errors import HTTP, TKGError, worded
from ..core.sparql import DEFAULT, FORMATS, ResultFormat

MAX_RESULT = 64 << 20  # bytes of a serialized answer
_LENGTH = 8  # bytes of a message's length, before the message


def command(target: str, *args: str) -> list[str]:
    """The command that runs ``target`` (``module:function`` of this package, called with no
    arguments; ``args`` are its ``sys.argv[1:]``) in a process of its own: this interpreter,
    finding this package where it was found here."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    module, function = target.split(":")
    code = f"import sys; sys.path.insert(0, {root!r}); from transition_kg.{module} import {function}; {function}()"
    return [sys.executable, "-c", code, *args]


def send(fd: int, message: tuple) -> None:
    """Write ``message`` whole to the socket ``fd`` (blocking): its length and itself in one
    call, the payload not copied."""
    payload = marshal.dumps(message)
    head = len(payload).to_bytes(_LENGTH, "big")
    sent = os.writev(fd, [head, payload])
    if sent < _LENGTH:
        _write(fd, memoryview(head)[sent:])
        sent = _LENGTH
    _write(fd, memoryview(payload)[sent - _LENGTH :])


def _write(fd: int, view: memoryview) -> None:
    while view:
        view = view[os.write(fd, view) :]


def receive(fd: int) -> tuple:
    """The next message on the socket ``fd`` (blocking); EOFError when the other end has closed.
    A small message is read in one call: each end sends one message and waits for the answer,
    so nothing past a message is ever there to be read."""
    first = os.read(fd, 1 << 16)
    while len(first) < _LENGTH:
        more = first and os.read(fd, _LENGTH - len(first))
        if not more:
            raise EOFError("the other end of the worker's socket has closed")
        first += more
    size, got = int.from_bytes(first[:_LENGTH], "big"), len(first) - _LENGTH
    if got == size:
        return marshal.loads(memoryview(first)[_LENGTH:])
    buffer = bytearray(size)
    view = memoryview(buffer)
    view[:got] = first[_LENGTH:]
    while got < size:
        n = os.readv(fd, [view[got:]])
        if not n:
            raise EOFError("the other end of the worker's socket has closed")
        got += n
    return marshal.loads(buffer)


def forker() -> None:
    """The process that starts the workers (``sys.argv`` is ``[-c, FD]``, a SOCK_SEQPACKET
    socket): it imports what a worker needs once, then for each message (a store's folder, with
    a socket's descriptor) forks a worker answering on that socket, and replies with its pid
    (8 bytes). The workers share the interpreter's, pyoxigraph's and the imports' pages with it
    and with each other (PSS: 13 MB a worker started by exec, 8–10 forked), and the store's, opened
    read-only here once (:func:`_shared_store`). A worker that has ended stays a zombie until the
    next fork reaps it, so its pid is never another process's while the server may still kill
    it; when the server closes the socket, it waits for its workers, then ends."""
    import signal
    import socket
    import warnings

    import pyoxigraph  # noqa: F401  (imported here to be shared)

    from ..core import hints, load  # noqa: F401
    from ..core.stores import base, embedded  # noqa: F401

    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C at the server's terminal ends it, with no traceback
    control = socket.socket(fileno=int(sys.argv[1]))
    settle_heap()
    # the store's threads (RocksDB's pools) idle here: they compact and flush a store that is
    # written, never a read-only one, and the workers close no store (they end with _exit)
    warnings.filterwarnings("ignore", "This process .* is multi-threaded", DeprecationWarning)
    shared: tuple | None = None
    while True:
        try:
            message, fds, _, _ = socket.recv_fds(control, 1 << 16, 1)
        except OSError:
            message, fds = b"", []
        if not message or not fds:  # the server has gone: its workers are reaped (it has ended them)
            with contextlib.suppress(ChildProcessError):
                while True:
                    os.wait()
            return
        with contextlib.suppress(ChildProcessError):  # the workers the server has stopped
            while os.waitpid(-1, os.WNOHANG)[0]:
                pass
        store_dir = os.fsdecode(message)
        shared = _shared_store(shared, store_dir)
        pid = os.fork()
        if pid == 0:
            try:
                control.close()
                work(fds[0], store_dir, shared)
            finally:
                os._exit(0)
        os.close(fds[0])
        control.sendall(pid.to_bytes(_LENGTH, "big"))


def _shared_store(held: tuple | None, store_dir: str) -> tuple | None:
    """``(folder, marker stamp, store)``: the store of ``store_dir`` opened read-only in the
    forker once, for the workers forked after to share its pages (its indexes and caches: about
    4 MB a worker); ``held`` while its folder and marker are the same, opened again after a
    reload (the old handle closes here; the workers forked from it keep theirs), None when the
    store is not complete or cannot be opened (the worker then says so)."""
    import pyoxigraph as ox

    stamp = marker_stamp(store_dir)
    if held is not None and held[:2] == (store_dir, stamp):
        return held
    if stamp is None:
        return None
    try:
        store = ox.Store.read_only(store_dir)
    except OSError:
        return None
    return (store_dir, stamp, store) if marker_stamp(store_dir) == stamp else None


def work(fd: int, store_dir: str, shared: tuple | None = None) -> None:
    """Say ``("ready",)``, or ``("incomplete",)`` and end when the store's marker does not say
    it is complete before and after it is opened (another command is loading it); then answer
    queries from the read-only store (``shared``'s, opened by the forker, while its marker is
    the same) until the server closes the socket. The queries run in one thread with a deep
    stack (:func:`~transition_kg.core.stores.base.deep_thread`), so a query nested past any
    lexical count is answered or refused, never a crash."""
    import pyoxigraph as ox

    from ..core.stores.base import deep_thread

    before = marker_stamp(store_dir)
    if shared is not None and shared[:2] == (store_dir, before):
        store = shared[2]
    else:
        store = ox.Store.read_only(store_dir) if before is not None else None
    if store is None or marker_stamp(store_dir) != before:  # a reload began: not a store to serve
        send(fd, ("incomplete",))
        return
    send(fd, ("ready",))
    settle_heap()

    def serve() -> None:
        try:
            while True:
                send(fd, answer(store, *receive(fd)))
        except (EOFError, OSError):  # the server has gone: so does the worker
            return

    deep_thread(serve, "transition-kg worker").join()


def marker_stamp(store_dir: str) -> tuple | None:
    """The identity of a complete store's marker (a reload removes it, then writes a new
    file), or None when the store is not complete."""
    from pathlib import Path

    from ..core.load import MARKER, store_is_complete

    try:
        stat = os.stat(os.path.join(store_dir, MARKER))
    except OSError:
        return None
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size) if store_is_complete(Path(store_dir)) else None


def settle_heap() -> None:
    """Collect once, then keep what a server holds from its start (modules, the page, the
    store's handle) out of the collector's sight: a full collection over a large heap stalls
    every request in flight, and a server makes garbage at every request."""
    import gc

    gc.collect()
    gc.freeze()


def answer(store, sparql: str, accept: str, default_graphs: list | None, named_graphs: list | None, base: str) -> tuple:
    """One query's message for the server: ``(status, media type, body, hints)``; the body is
    the error's words (str) when the status is not "ok"."""
    from ..core.sparql import QuerySyntaxError, answer_kind, query_form, serialize
    from ..core.stores.embedded import describe_by_graph, run_query

    try:
        raw = run_query(store, sparql, default_graphs, named_graphs, base)
        kind = "graph" if answer_kind(raw) == "GRAPH" else "rows"
        chosen = negotiate(accept, kind)
        if chosen is None:
            offered = ", ".join(f.media_type for f in FORMATS if f.kind == kind)
            return ("unacceptable", "", f"this result can be sent as: {offered}", [])
        fmt, media_type = chosen
        if fmt.name == "trig" and query_form(sparql) == "DESCRIBE" and not default_graphs and not named_graphs:
            raw = describe_by_graph(store, sparql)  # TriG can say which graph states what
        body = serialize(raw, fmt)
        if len(body) > MAX_RESULT:
            return ("too large", "", f"the answer is over {MAX_RESULT >> 20} MB: ask for less (LIMIT)", [])
        return ("ok", media_type, body, _hints(store, sparql) if _empty(body) else [])
    except QuerySyntaxError as exc:
        return ("bad", "", worded(exc, HTTP), [])
    except (RuntimeError, ValueError) as exc:  # what Oxigraph raises for what it cannot evaluate
        return ("cannot", "", _first_line(exc), [])
    except Exception as exc:  # a process boundary: every failure becomes an answer, never a dead worker
        return ("error", "", _first_line(exc), [])


def _first_line(exc: BaseException) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0][:300]


def negotiate(accept: str, kind: str) -> tuple[ResultFormat, str] | None:
    """The format to answer with and the media type to name it by, from the Accept header
    and the kind of result ("rows" or "graph"); None when nothing offered fits."""
    offered = {t: f for f in FORMATS if f.kind == kind for t in (f.media_type, *f.also)}
    default = next(f for f in FORMATS if f.name == DEFAULT[kind])
    choices = []
    for i, part in enumerate((accept or "*/*").split(",")):
        media, *options = [p.strip() for p in part.split(";")]
        quality = 1.0
        for option in options:
            name, _, value = option.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0:
            choices.append((-quality, i, media.lower()))
    for _, _, media in sorted(choices):
        if media in offered:
            return offered[media], media
        if media == "*/*":
            return default, default.media_type
        if media.endswith("/*"):
            match = (
                default
                if default.media_type.startswith(media[:-1])
                else next((f for f in FORMATS if f.kind == kind and f.media_type.startswith(media[:-1])), None)
            )
            if match:
                return match, match.media_type
    return None


def _empty(body: bytes) -> bool:
    """Whether a SPARQL JSON answer has no rows or says no (the workbench's format; the other
    formats are not read for hints)."""
    return body.startswith(b"{") and (b'"bindings":[]' in body or b'"boolean":false' in body)


def _hints(store, sparql: str) -> list[str]:
    """Why a query found nothing (:mod:`transition_kg.core.hints`), asked of the worker's store."""
    from ..core.hints import hints
    from ..core.sparql import read
    from ..core.stores.embedded import run_query

    class Asking:  # what the hints ask through: store.query
        def query(self, text: str):
            return read(run_query(store, text))

    try:
        return hints(Asking(), sparql)
    except (TKGError, RuntimeError, ValueError):  # what a store raises: the answer goes out without hints
        return []
