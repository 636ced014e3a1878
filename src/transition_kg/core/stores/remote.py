"""A remote store: a SPARQL 1.1 Protocol endpoint, read with queries (GET, or POST when long
or authorized) and written, when an update endpoint or a Graph Store Protocol URL is given,
with SPARQL Update or GSP requests; every request through one HTTP client
(:class:`transition_kg.core.net.Client`). Answers are parsed by pyoxigraph, as the embedded
store's are read.

Writing replaces or adds a graph in one request (one transaction where the store gives one):

- with a Graph Store Protocol URL: ``PUT`` (replace), ``POST`` (add) or ``DELETE``
  ``STORE?graph=IRI``, with N-Triples;
- otherwise, to the update endpoint: ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { … } }``,
  the data in operations of at most :data:`UPDATE_CHUNK` triples (Virtuoso compiles each
  operation to SQL and refuses one too long).
"""

from __future__ import annotations

import re
import urllib.parse

from ..errors import TKGError
from ..net import QUERY_REFUSALS, Answer, Client, Credentials, EndpointError
from ..sparql import (
    QueryResult,
    QuerySyntaxError,
    parse_answer,
    query_form,
    read,
    unknown_prefix,
    unknown_prefix_message,
    with_prefixes,
)
from ..vocab import PREFIXES
from .base import DEFAULT_TIMEOUT, Store

TYPE_CHECKING = False  # typing costs a cold start 5 ms; mypy reads this name as typing's
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

POST_ABOVE = 1500  # characters: longer queries are sent by POST (URLs stay short)
UPDATE_CHUNK = 500  # triples per INSERT DATA operation
FORM = "application/x-www-form-urlencoded"
ACCEPT = {"rows": "application/sparql-results+json,application/json", "graph": "text/turtle"}


class RemoteStore(Store):
    """A SPARQL 1.1 endpoint (``endpoint``), written through ``update_endpoint`` or
    ``graph_store`` when given; each request stops at ``timeout`` seconds and is authorized
    with ``creds`` as the server asks (see :mod:`transition_kg.core.net`)."""

    def __init__(
        self,
        endpoint: str,
        timeout: float = DEFAULT_TIMEOUT,
        creds: Credentials | None = None,
        *,
        update_endpoint: str | None = None,
        graph_store: str | None = None,
    ) -> None:
        if not re.match(r"^https?://[^\s/]+(/|$)", endpoint):
            raise EndpointError("not an http(s) URL", option="endpoint", value=endpoint)
        if "@" in urllib.parse.urlsplit(endpoint).netloc:
            raise EndpointError(
                "not an http(s) URL: give the user on its own, not in the URL",
                option="endpoint",
                value=endpoint,
                fix="user",
            )
        self.endpoint, self.timeout, self.creds = endpoint, timeout, creds
        self.update_endpoint, self.graph_store = update_endpoint, graph_store
        self.name = endpoint
        self._http = Client(timeout, creds)

    def answer(self, sparql: str) -> Any:
        return self._answer(sparql, None)

    def _read(self, sparql: str, timeout: float | None) -> QueryResult:
        return read(self._answer(sparql, timeout))

    def within(self, work: Callable[[], Any], timeout: float | None) -> Any:
        """``work()``: each of its requests stops at the store's own timeout."""
        return work()

    def _answer(self, sparql: str, timeout: float | None) -> Any:
        form = query_form(sparql)
        if form is None:
            raise QuerySyntaxError(1, 1, "not a query (SELECT, ASK, CONSTRUCT or DESCRIBE)")
        missing = unknown_prefix(sparql, PREFIXES)
        if missing is not None:
            raise QuerySyntaxError(1, 1, unknown_prefix_message(missing))
        accept = ACCEPT["graph" if form in ("CONSTRUCT", "DESCRIBE") else "rows"]
        fields = {"query": with_prefixes(sparql, PREFIXES)}
        if len(sparql) > POST_ABOVE or self.creds is not None:  # authorized: the digest covers the URL alone
            body = urllib.parse.urlencode(fields).encode()
            answer = self._http.send(
                "POST", self.endpoint, body, FORM, accept, timeout=timeout, refusals=QUERY_REFUSALS
            )
        else:
            answer = self._http.send(
                "GET", self.endpoint, accept=accept, params=fields, timeout=timeout, refusals=QUERY_REFUSALS
            )
        self._check_cap(answer)
        return parse_answer(answer.body, answer.media_type, self.endpoint)

    def _check_cap(self, answer: Answer) -> None:
        """A store that cuts an answer at its row limit says so in X-SPARQL-MaxRows (Virtuoso):
        an answer that long is an error, not rows taken for all of them."""
        cap = answer.headers.get("X-SPARQL-MaxRows")
        if cap and cap.isdigit() and answer.media_type.startswith("application/sparql-results+json"):
            import json

            if len(json.loads(answer.body).get("results", {}).get("bindings", [])) >= int(cap):
                raise EndpointError(
                    f"{self.endpoint}: the store cut the answer at its limit of {cap} rows "
                    f"(X-SPARQL-MaxRows): ask for less (LIMIT, OFFSET), or raise its limit"
                )

    # --- writing ----------------------------------------------------------------------------------

    def load(self, graph: str, ntriples: bytes) -> None:
        if self.graph_store:
            self._graph_request("POST", graph, ntriples)
        else:
            self._update(_inserts(graph, ntriples))

    def replace_graph(self, graph: str, ntriples: bytes) -> None:
        if self.graph_store:
            self._graph_request("PUT", graph, ntriples)
        else:
            self._update([f"DROP SILENT GRAPH <{graph}>", *_inserts(graph, ntriples)])

    def remove_graph(self, graph: str) -> None:
        if self.graph_store:
            self._graph_request("DELETE", graph, b"")
        else:
            self._update([f"DROP SILENT GRAPH <{graph}>"])

    def _graph_request(self, method: str, graph: str, ntriples: bytes) -> None:
        assert self.graph_store is not None
        self._http.send(method, self.graph_store, ntriples, "application/n-triples", params={"graph": graph})

    def _update(self, operations: list[str]) -> None:
        """The operations, in one request to the update endpoint (none: nothing to send)."""
        if not self.update_endpoint:
            raise TKGError(f"{self.name} is read-only: no update endpoint was given", fix="update_endpoint")
        if not operations:
            return
        body = urllib.parse.urlencode({"update": " ;\n".join(operations)}).encode("ascii")
        self._http.send("POST", self.update_endpoint, body, FORM)


def _inserts(graph: str, ntriples: bytes) -> list[str]:
    """``INSERT DATA`` operations putting the triples into ``graph``, :data:`UPDATE_CHUNK` at a time."""
    lines = ntriples.decode("utf-8").splitlines(keepends=True)
    return [
        f"INSERT DATA {{ GRAPH <{graph}> {{\n" + "".join(lines[i : i + UPDATE_CHUNK]) + "}}"
        for i in range(0, len(lines), UPDATE_CHUNK)
    ]
