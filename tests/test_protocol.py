"""The SPARQL 1.1 Protocol's query operation, case by case after the W3C protocol test suite
(query_*, bad_query_*), against `transition-kg serve`."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

import pytest

from transition_kg.ask.serve import make_server

TKR = "https://w3id.org/transition-kg/id/"
LOCATED = f"ASK {{ <{TKR}datong> <https://w3id.org/transition-kg/ontology#locatedIn> <{TKR}shanxi> }}"
ARTICLE = TKR + "article-datong-coal-capital"


@pytest.fixture(scope="module")
def server(project):
    server = make_server(project, port=0, timeout=10, workers=2).start()
    yield server
    server.close()


def call(
    server,
    path: str = "/sparql",
    params: dict | list | None = None,
    data: bytes | None = None,
    headers: dict | None = None,
    method: str | None = None,
) -> tuple[int, str, bytes]:
    url = server.url + path + ("?" + urllib.parse.urlencode(params, doseq=True) if params else "")
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def boolean(body: bytes) -> bool:
    return json.loads(body)["boolean"]


def form(fields: list[tuple[str, str]]) -> tuple[bytes, dict]:
    return urllib.parse.urlencode(fields).encode(), {"Content-Type": "application/x-www-form-urlencoded"}


def test_query_get_and_post_form_and_post_direct(server):
    assert call(server, params={"query": "ASK {}"})[0] == 200
    data, headers = form([("query", "ASK {}")])
    assert call(server, data=data, headers=headers)[0] == 200
    status, kind, body = call(server, data=b"ASK {}", headers={"Content-Type": "application/sparql-query"})
    assert (status, kind, boolean(body)) == (200, "application/sparql-results+json", True)


def test_query_dataset_default_graphs_get_and_post(server):
    assert boolean(call(server, params={"query": LOCATED})[2]) is True  # the default graph is the union
    shared = TKR + "graph-shared"  # says what Datong is, not where
    assert boolean(call(server, params=[("query", LOCATED), ("default-graph-uri", shared)])[2]) is False
    assert boolean(call(server, params=[("query", LOCATED), ("default-graph-uri", ARTICLE)])[2]) is True
    data, headers = form([("query", LOCATED), ("default-graph-uri", ARTICLE)])
    assert boolean(call(server, data=data, headers=headers)[2]) is True
    status, _, body = call(
        server,
        params={"default-graph-uri": ARTICLE},
        data=LOCATED.encode(),
        headers={"Content-Type": "application/sparql-query"},
    )
    assert (status, boolean(body)) == (200, True)


def test_query_dataset_named_graphs(server):
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
    status, _, body = call(
        server,
        params=[("query", query), ("named-graph-uri", ARTICLE), ("named-graph-uri", TKR + "graph-background")],
        headers={"Accept": "text/csv"},
    )
    assert (status, body.decode().split()) == (200, ["g", ARTICLE, TKR + "graph-background"])


def test_a_form_naming_only_default_graphs_has_no_named_graph_and_the_description_says_so(server):
    """The Protocol's dataset is the graphs the request names: default-graph-uri alone leaves
    GRAPH ?g nothing to match (a query's FROM without FROM NAMED has the same dataset)."""
    import pyoxigraph as ox

    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    csv = {"Accept": "text/csv", "Content-Type": "application/x-www-form-urlencoded"}
    for fields in (
        [("query", graphs), ("default-graph-uri", ARTICLE)],
        [("query", f"{graphs[:19]} FROM <{ARTICLE}> {graphs[19:]}")],
    ):
        status, _, body = call(server, data=urllib.parse.urlencode(fields).encode(), headers=csv)
        assert (status, body.decode().split()) == (200, ["g"]), fields
    data, headers = form([("query", f"ASK {{ GRAPH <{ARTICLE}> {{ ?s ?p ?o }} }}"), ("named-graph-uri", ARTICLE)])
    assert boolean(call(server, data=data, headers=headers)[2]) is True
    data, headers = form([("query", LOCATED), ("named-graph-uri", ARTICLE)])  # the default graph: empty
    assert boolean(call(server, data=data, headers=headers)[2]) is False
    status, _, body = call(server, headers={"Accept": "text/turtle"})
    described = ox.Store()
    described.load(body, ox.RdfFormat.TURTLE)
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert described.query(f"ASK {{ ?service <{sd}feature> <{sd}UnionDefaultGraph> }}")
    said = [
        row[0].value for row in described.query("SELECT ?c { ?s <http://www.w3.org/2000/01/rdf-schema#comment> ?c }")
    ]
    assert len(said) == 1 and "default-graph-uri alone leaves no named graph" in said[0]


def test_query_multiple_dataset_the_protocol_wins(server):
    query = f"ASK FROM <{TKR}graph-shared> {{ <{TKR}datong> <https://w3id.org/transition-kg/ontology#locatedIn> ?p }}"
    assert boolean(call(server, params={"query": query})[2]) is False  # FROM chooses the dataset: not the union
    assert boolean(call(server, params=[("query", query), ("default-graph-uri", ARTICLE)])[2]) is True


@pytest.mark.parametrize(
    "query, accept, kind",
    [
        ("SELECT * WHERE { ?s ?p ?o } LIMIT 1", "application/sparql-results+xml", "application/sparql-results+xml"),
        ("SELECT * WHERE { ?s ?p ?o } LIMIT 1", "text/*", "text/csv"),
        ("SELECT * WHERE { ?s ?p ?o } LIMIT 1", "application/*", "application/sparql-results+json"),
        ("ASK {}", "application/sparql-results+json", "application/sparql-results+json"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "application/rdf+xml, text/turtle;q=0.5", "application/rdf+xml"),
        ("DESCRIBE <http://example.org/x>", "text/turtle", "text/turtle"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "text/*", "text/turtle"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "application/json;q=0, application/n-triples", "application/n-triples"),
    ],
)
def test_query_content_types(server, query, accept, kind):
    status, got, _ = call(server, params={"query": query}, headers={"Accept": accept})
    assert (status, got.split(";")[0]) == (200, kind)


def test_nothing_acceptable_is_406(server):
    status, _, body = call(server, params={"query": "ASK {}"}, headers={"Accept": "image/png"})
    assert status == 406 and body.decode().startswith("this result can be sent as: application/sparql-results+json")


def test_relative_iris_resolve_against_the_endpoint(server):
    status, _, body = call(
        server, params={"query": "SELECT ?x WHERE { BIND(<relative> AS ?x) }"}, headers={"Accept": "text/csv"}
    )
    assert (status, body.decode().split()) == (200, ["x", server.url + "/relative"])


@pytest.mark.parametrize(
    "name, request_args, status",
    [
        (
            "bad_query_method",
            {"method": "PUT", "data": b"ASK {}", "headers": {"Content-Type": "application/sparql-query"}},
            405,
        ),
        ("bad_multiple_queries", {"params": [("query", "ASK {}"), ("query", "ASK {}")]}, 400),
        ("bad_query_wrong_media_type", {"data": b"ASK {}", "headers": {"Content-Type": "text/plain"}}, 415),
        ("bad_query_missing_form_type", {"data": b"query=ASK%20%7B%7D", "headers": {"Content-Type": ""}}, 415),
        ("bad_query_syntax", {"params": {"query": "ASK {"}}, 400),
        ("bad_update_get", {"params": {"update": "CLEAR ALL"}}, 403),
        ("bad_update_post", {"data": b"CLEAR ALL", "headers": {"Content-Type": "application/sparql-update"}}, 403),
        (
            "bad_query_in_url_and_form",
            {
                "params": {"query": "ASK {}"},
                "data": b"query=ASK%20%7B%7D",
                "headers": {"Content-Type": "application/x-www-form-urlencoded"},
            },
            400,
        ),
        ("bad_graph_iri", {"params": [("query", "ASK {}"), ("default-graph-uri", "not an iri")]}, 400),
    ],
)
def test_bad_requests(server, name, request_args, status):
    assert call(server, **request_args)[0] == status, name


def test_head_is_answered_like_get_without_a_body(server):
    status, kind, body = call(server, params={"query": "ASK {}"}, method="HEAD")
    assert (status, kind, body) == (200, "application/sparql-results+json", b"")
