"""The endpoint's front on its query path (issue 28, item 1): parameters decoded as the
standard library decodes them, an answer's head sent with its body, and a client named by its
address, never by a header it sends."""

from __future__ import annotations

import socket
import urllib.parse

import pytest

from transition_kg.ask.serve import Server, _form, _HeadHeld, _listen

FORMS = [
    "",
    "query=SELECT%20*%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D",
    "query=a+b%2Bc&x=&y&&z=%",
    "q=%4",
    "q=%zz%41",
    "q=back\\slash%5Cx41\\x41",
    "q=%E4%B8%83%E5%8F%B0%E6%B2%B3&q=%FF%FE",
    "caf\u00e9=%C3%A9&%3D=%26",
    "default-graph-uri=http%3A%2F%2Fe%2Fg&named-graph-uri=&query=ASK%7B%7D",
]


@pytest.mark.parametrize("text", FORMS)
def test_parameters_decode_as_parse_qs_decodes_them(text):
    assert _form(text.encode("utf-8")) == urllib.parse.parse_qs(text, keep_blank_values=True)


class Cycle:
    def __init__(self, method: str) -> None:
        self.scope, self.response_started = {"method": method}, False


class Transport:
    def __init__(self) -> None:
        self.writes: list[bytes] = []
        self.closed = False

    def write(self, data: bytes) -> None:
        self.writes.append(data)

    def close(self) -> None:
        self.closed = True

    def is_closing(self) -> bool:
        return self.closed


def test_an_answers_head_leaves_with_its_body_in_one_write():
    transport, cycle = Transport(), Cycle("GET")
    held = _HeadHeld(transport, cycle)  # type: ignore[arg-type]
    held.write(b"HTTP/1.1 100 Continue\r\n\r\n")  # before the answer begins: sent at once
    cycle.response_started = True
    held.write(b"HTTP/1.1 200 OK\r\n\r\n")
    assert transport.writes == [b"HTTP/1.1 100 Continue\r\n\r\n"]
    held.write(b"body")
    held.write(b"more")
    assert transport.writes[1:] == [b"HTTP/1.1 200 OK\r\n\r\nbody", b"more"] and not held.is_closing()


def test_a_head_answer_and_a_large_body_are_not_held_or_copied_and_closing_sends_what_is_held():
    transport, cycle = Transport(), Cycle("HEAD")
    held = _HeadHeld(transport, cycle)  # type: ignore[arg-type]
    cycle.response_started = True
    held.write(b"head")
    assert transport.writes == [b"head"]
    transport, cycle = Transport(), Cycle("GET")
    held = _HeadHeld(transport, cycle)  # type: ignore[arg-type]
    cycle.response_started = True
    large = b"x" * (_HeadHeld.JOINED + 1)
    held.write(b"head")
    held.write(large)
    assert transport.writes == [b"head", large]
    transport, cycle = Transport(), Cycle("GET")
    held = _HeadHeld(transport, cycle)  # type: ignore[arg-type]
    cycle.response_started = True
    held.write(b"head")
    held.close()  # an app that failed after its head: what was held goes out, then the close
    assert transport.writes == [b"head"] and transport.closed


async def _client_of(scope, receive, send) -> None:
    """An app that answers with the address the server says the client has."""
    if scope["type"] == "lifespan":
        while (await receive())["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        await send({"type": "lifespan.shutdown.complete"})
        return
    body = (scope["client"][0] if scope.get("client") else "?").encode()
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"%d" % len(body))]})
    await send({"type": "http.response.body", "body": body})


def test_a_client_is_its_address_whatever_x_forwarded_for_says():
    sock = _listen("127.0.0.1", 0)
    port = sock.getsockname()[1]
    server = Server(sock, None, "", False, _client_of, f"http://127.0.0.1:{port}").start()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
            conn.sendall(
                b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: 203.0.113.9\r\nConnection: close\r\n\r\n"
            )
            answer = b""
            while chunk := conn.recv(4096):
                answer += chunk
    finally:
        server.close()
    assert answer.startswith(b"HTTP/1.1 200") and answer.endswith(b"\r\n\r\n127.0.0.1")
