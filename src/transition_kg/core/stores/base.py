"""The store interface: what every store offers, made from the one thing each kind must give
(:meth:`Store.answer`); a kind overrides what it can do better (an index, a list of graphs).

- reading: :meth:`~Store.answer` (the raw answer) and :meth:`~Store.query` (read); by form,
  each with an optional timeout: :meth:`~Store.select`, :meth:`~Store.ask`,
  :meth:`~Store.construct`, :meth:`~Store.describe`;
- what a project's callers need: :meth:`~Store.graphs`, :meth:`~Store.labels`,
  :meth:`~Store.search`, :meth:`~Store.quads` (what views read), :meth:`~Store.dataset`
  (rdflib), :meth:`~Store.within` (work stopped at a timeout);
- writing, where the store is writable: :meth:`~Store.load`, :meth:`~Store.replace_graph`,
  :meth:`~Store.remove_graph`.
"""

from __future__ import annotations

from ..errors import TKGError
from ..sparql import QueryResult, query_form, read
from ..vocab import INFERRED_GRAPH_IRI, ONTOLOGY_GRAPH_IRI, TKR_IRI, sparql_prefixes

TYPE_CHECKING = False  # typing costs a cold start 5 ms; mypy reads this name as typing's
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from typing import Any

DEFAULT_TIMEOUT = 60
PAGE = 10_000  # rows a remote read asks for at once (Virtuoso's default cap is 10,000)
QUERY_THREAD = "transition-kg query"


class QueryTimeout(TKGError):
    """A query ran past its time."""


STACK = 1 << 30  # bytes of address space for a query's thread: Oxigraph parses and evaluates by recursion


def deep_thread(target: Callable[[], Any], name: str) -> Any:  # started: the size applies when it starts
    """A daemon thread with a stack deep enough for any query a parser accepts: nesting written
    so that no lexical count sees it (a chain of 10,000 UNIONs or ``1+1+…``) recurses ten
    thousand frames deep, past the 8 MB a thread has by default, and a stack overflow is a crash
    of the whole process. The stack is address space: only the pages a query uses are memory."""
    import threading

    previous = threading.stack_size(STACK)
    try:
        thread = threading.Thread(target=target, daemon=True, name=name)
        thread.start()
        return thread
    finally:
        threading.stack_size(previous)


def bounded(work: Callable[[], Any], timeout: float) -> Any:
    """``work()`` run in a thread; QueryTimeout when it takes longer than ``timeout`` seconds.

    pyoxigraph releases the GIL while it evaluates, so the calling thread stays free: Ctrl-C
    interrupts the wait at once. An abandoned query keeps its (daemon) thread until the
    process ends; the CLI ends at once."""

    box: dict = {}

    def run() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # handed to the caller's thread as it is, its frames' locals freed here:
            import traceback  # pyoxigraph's answers may only be dropped by the thread that made them

            traceback.clear_frames(exc.__traceback__)
            box["error"] = exc

    thread = deep_thread(run, QUERY_THREAD)
    thread.join(timeout)
    if thread.is_alive():
        raise QueryTimeout(f"query stopped: it ran past the {timeout:g} s timeout", option="timeout")
    if "error" in box:
        raise box["error"]
    return box["value"]


def is_project_graph(name: str) -> bool:
    """Whether a graph is of a project's kind (the ontology's, or named under ``tkr:``): never
    a store's own system graphs."""
    return name == ONTOLOGY_GRAPH_IRI or name.startswith(TKR_IRI)


class Store:
    """What every store offers; ``name`` is what errors call it."""

    name = "the store"

    def answer(self, sparql: str) -> Any:
        """The raw answer (pyoxigraph's QuerySolutions, QueryBoolean, or triples)."""
        raise NotImplementedError

    def query(self, sparql: str) -> QueryResult:
        """The answer, read; when it is empty, its ``hints`` say why it may be (:meth:`hints`)."""
        result = read(self.answer(sparql))
        result.why_empty = lambda: self.hints(sparql)
        return result

    def hints(self, sparql: str) -> list[str]:
        """Why ``sparql`` may find nothing here, one line each (:mod:`transition_kg.core.hints`)."""
        from ..hints import hints

        return hints(self, sparql)

    def within(self, work: Callable[[], Any], timeout: float | None) -> Any:
        """``work()``, which asks this store, stopped past ``timeout`` seconds (QueryTimeout);
        None: not stopped."""
        return work() if timeout is None else bounded(work, timeout)

    def _read(self, sparql: str, timeout: float | None) -> QueryResult:
        """The answer, read, within ``timeout`` (a kind with its own timeouts overrides this)."""
        return self.within(lambda: self.query(sparql), timeout)

    def _of_form(self, sparql: str, form: str, timeout: float | None) -> QueryResult:
        found = query_form(sparql)
        if found != form:
            raise TKGError(f"{form.lower()}() runs a {form} query, not {found or 'this text'}")
        return self._read(sparql, timeout)

    def select(self, sparql: str, timeout: float | None = None) -> QueryResult:
        """The rows of a SELECT query."""
        return self._of_form(sparql, "SELECT", timeout)

    def ask(self, sparql: str, timeout: float | None = None) -> bool:
        """The answer to an ASK query."""
        return bool(self._of_form(sparql, "ASK", timeout).boolean)

    def construct(self, sparql: str, timeout: float | None = None) -> list:
        """The triples (pyoxigraph) of a CONSTRUCT query."""
        return self._of_form(sparql, "CONSTRUCT", timeout).triples

    def describe(self, sparql: str, timeout: float | None = None, by_graph: bool = False) -> list:
        """The triples of a DESCRIBE query; with ``by_graph``, quads that say which graph
        states each, where the store can tell (the embedded store)."""
        return self._of_form(sparql, "DESCRIBE", timeout).triples

    def nquads(self) -> bytes:
        """The project's graphs and the inferred graph (:meth:`dataset`) as N-Quads."""
        return self.dataset().serialize(format="nquads", encoding="utf-8")

    def graphs(self) -> list[str]:
        """The store's graphs of a project's kind (:func:`is_project_graph`), sorted."""
        found = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(
            {row[0].value for row in found.rows if row and row[0] is not None and is_project_graph(row[0].value)}
        )

    def labels(self, result: QueryResult) -> dict[str, str]:
        """English (else any) labels or titles of the IRIs in a result, by IRI, in one query."""
        import pyoxigraph as ox

        iris = sorted({t.value for row in result.rows for t in row if isinstance(t, ox.NamedNode)})
        if not iris:
            return {}
        values = " ".join(f"<{i}>" for i in iris)
        # OPTIONAL groups, not the path rdfs:label|dcterms:title: a store seeks them once per
        # IRI, where it evaluates a path on its own, over every label (200 ms at 1M triples)
        found = self.query(
            sparql_prefixes(("rdfs", "dcterms"))
            + f"SELECT ?s ?l ?t WHERE {{ VALUES ?s {{ {values} }} OPTIONAL {{ GRAPH ?g {{ ?s rdfs:label ?l }} }} "
            "OPTIONAL { GRAPH ?h { ?s dcterms:title ?t } } }"
        )
        labels: dict[str, tuple[int, str]] = {}
        for s, *named in found.rows:
            for label in named:
                if label is None:
                    continue
                rank = 0 if getattr(label, "language", None) in ("en", None, "") else 1
                if s.value not in labels or (rank, label.value) < labels[s.value]:
                    labels[s.value] = (rank, label.value)
        return {s: text for s, (_, text) in labels.items()}

    def search(self, text: str) -> list[str] | None:
        """The IRIs of the entities whose labels (``rdfs:label`` outside the inferred graph,
        ``skos:altLabel``) hold ``text``, ignoring case, sorted; None when the store cannot say
        (a blank node has such a label). Here by a query, as the ``search`` query matches."""
        import pyoxigraph as ox

        needle = str(ox.Literal(text))
        found = self.query(
            sparql_prefixes(("rdfs", "skos"))
            + f"SELECT DISTINCT ?entity WHERE {{ {{ GRAPH ?g {{ ?entity rdfs:label ?label }} "
            f"FILTER(?g != <{INFERRED_GRAPH_IRI}>) }} UNION {{ GRAPH ?g {{ ?entity skos:altLabel ?label }} }} "
            f"FILTER(CONTAINS(?label, {needle}) || CONTAINS(LCASE(STR(?label)), LCASE({needle}))) }}"
        )
        if any(not isinstance(row[0], ox.NamedNode) for row in found.rows):
            return None
        return sorted(row[0].value for row in found.rows)

    def quads(self, page: int = PAGE) -> Iterator[tuple[Any, Any, Any, Any]]:
        """(subject, property, object, graph) in pyoxigraph terms, of the project's graphs (those
        of :meth:`graphs`, the inferred graph with them), so views work the same on every store:
        each graph read page by page (ORDER BY, LIMIT, OFFSET) and counted first, so a store that
        caps its answers below a page is caught and read in smaller pages."""
        import pyoxigraph as ox

        from ..net import EndpointError

        for name in self.graphs():
            total = int(
                self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}").rows[0][0].value
            )
            graph, size, got = ox.NamedNode(name), page, 0
            while got < total:
                rows = self.query(
                    f"SELECT ?s ?p ?o WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }} ORDER BY ?s ?p ?o "
                    f"LIMIT {size} OFFSET {got}"
                ).rows
                if not rows:
                    raise EndpointError(
                        f"{self.name}: <{name}>: the store gave {got} of its {total} triples, then none"
                    )
                size = min(size, len(rows)) if got + len(rows) < total else size  # a cap below the page: follow it
                for s, p, o in rows:
                    yield s, p, o, graph
                got += len(rows)

    def dataset(self, page: int = PAGE) -> Any:
        """The statements of :meth:`quads` as an rdflib ``Dataset`` (imports rdflib), for code
        that works with rdflib."""
        from rdflib import URIRef

        from ..load import new_dataset
        from ..sparql import rdflib_term

        dataset = new_dataset()
        graphs: dict[Any, Any] = {}
        for s, p, o, g in self.quads(page):
            graph = graphs.get(g)
            if graph is None:
                graph = graphs[g] = dataset.graph(URIRef(g.value))
            graph.add((rdflib_term(s), rdflib_term(p), rdflib_term(o)))
        return dataset

    def load(self, graph: str, ntriples: bytes) -> None:
        """Add the triples of ``ntriples`` (N-Triples) to graph ``graph``."""
        raise self._read_only()

    def replace_graph(self, graph: str, ntriples: bytes) -> None:
        """Replace graph ``graph`` with the triples of ``ntriples``, in one request (all or nothing
        where the store runs a request as a transaction)."""
        raise self._read_only()

    def remove_graph(self, graph: str) -> None:
        """Remove graph ``graph``."""
        raise self._read_only()

    def _read_only(self) -> TKGError:
        return TKGError(f"{self.name} is read-only")
