"""Your own SPARQL, as a newcomer writes it: no PREFIX, no GRAPH, on the embedded store, the
endpoint and an Oxigraph server configured to match, with exact rows."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request

import pytest

from transition_kg.ask.serve import make_server
from transition_kg.cli import main
from transition_kg.cli import run as cli
from transition_kg.core.store import EmbeddedStore, RemoteStore

TKR = "https://w3id.org/transition-kg/id/"
ADHOC = {
    "cities in a province": (
        "SELECT ?city ?province WHERE { ?city a tkg:City ; tkg:locatedIn ?province . "
        "?province a tkg:Province } ORDER BY ?city",
        [("datong", "shanxi"), ("harbin", "heilongjiang"), ("heihe", "heilongjiang"), ("qitaihe", "heilongjiang")],
    ),
    "who is quoted": (
        "SELECT DISTINCT ?name WHERE { ?q a tkg:Quote ; tkg:speaker ?p . ?p rdfs:label ?name "
        "FILTER(lang(?name) = 'en') } ORDER BY ?name",
        [
            "Li Gang",
            "Liu Chengfang",
            "Neo Gim Huay",
            "Qu Wan",
            "Tian Jilin",
            "Wang Lin",
            "Wen Lili",
            "Zhang Wei",
            "document outlining priorities for the 15th Five-Year Plan",
            "unnamed tourist in Datong",
        ],
    ),
    "Datong's good-air days": (
        "SELECT ?year ?value WHERE { ?o tkg:observedEntity tkr:datong ; "
        "tkg:indicator tkr:indicator-good-air-quality-days ; tkg:value ?value ; tkg:year ?year } "
        "ORDER BY ?year",
        [("2001", "49"), ("2024", "314")],
    ),
}


def plain(result):
    rows = [tuple(t.value.removeprefix(TKR) for t in row) for row in result.rows]
    return [r[0] if len(r) == 1 else r for r in rows]


@pytest.mark.parametrize("name", sorted(ADHOC))
def test_adhoc_queries_on_the_embedded_store(loaded, name):
    query, expected = ADHOC[name]
    assert plain(EmbeddedStore(loaded).query(query)) == expected


@pytest.fixture(scope="module")
def server(project):
    server = make_server(project, port=0, workers=1).start()
    yield server
    server.close()


@pytest.mark.parametrize("name", sorted(ADHOC))
def test_adhoc_queries_at_the_endpoint(server, name):
    query, expected = ADHOC[name]
    assert plain(RemoteStore(server.url + "/sparql").query(query)) == expected
    url = server.url + "/sparql?" + urllib.parse.urlencode({"query": query})
    with urllib.request.urlopen(
        urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    ) as r:
        assert len(json.loads(r.read())["results"]["bindings"]) == len(expected)


def test_describe_gives_the_resources_statements(loaded, capsys, project):
    triples = EmbeddedStore(loaded).query("DESCRIBE tkr:datong").triples
    found = {(t.predicate.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1], getattr(t.object, "value", "")) for t in triples}
    assert ("label", "Datong") in found and ("type", "https://w3id.org/transition-kg/ontology#City") in found
    assert ("locatedIn", TKR + "shanxi") in found and ("locatedIn", TKR + "china") in found
    assert cli(["--project", str(project.root), "sparql", "DESCRIBE tkr:datong", "--format", "nt"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == len(triples)


def test_describe_says_what_the_graph_says_about_the_thing(loaded, server):
    """Not only Datong's own statements: the facts about it with their values and words, the
    statements pointing at it, and the same at the endpoint."""
    triples = EmbeddedStore(loaded).query("describe tkr:datong").triples
    values = {t.object.value for t in triples if t.predicate.value.endswith("#value")}
    assert {"49", "314", "15000000000", "61000000000"} <= values
    words = {t.object.value for t in triples if t.predicate.value.endswith("#exact")}
    assert "last year there were 314 days classed as having good air quality" in words
    speakers = {t.subject.value for t in triples if t.predicate.value.endswith("#roleIn")}
    assert TKR + "role-datong-tourist" in speakers  # a statement pointing at Datong
    assert {t.subject.value for t in triples if t.object.value == TKR + "datong"} >= {TKR + "yungang-grottoes"}
    url = server.url + "/sparql?" + urllib.parse.urlencode({"query": "DESCRIBE tkr:datong"})
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "application/n-triples"})) as answer:
        body = answer.read().decode()
    assert '"314"' in body and '"49"' in body


def test_select_star_keeps_the_querys_order(loaded):
    result = EmbeddedStore(loaded).query("SELECT * WHERE { ?subject tkg:locatedIn ?place ; a ?kind } LIMIT 1")
    assert result.vars == ["subject", "place", "kind"]


def test_a_from_clause_chooses_the_dataset(loaded):
    store = EmbeddedStore(loaded)
    assert store.query("ASK { tkr:datong tkg:locatedIn tkr:shanxi }").boolean is True
    assert store.query("ASK FROM tkr:graph-shared { tkr:datong tkg:locatedIn tkr:shanxi }").boolean is False


def test_an_undeclared_prefix_is_one_line(project, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--project", str(project.root), "sparql", "SELECT ?x WHERE { ?x foo:bar ?y }"])
    assert exited.value.code == 2
    assert capsys.readouterr().err == (
        'transition-kg: query:1:22: syntax error: unknown prefix "foo:" (known: tkg, tkr, rdf, rdfs, owl, xsd, skos, '
        "dcterms, prov, oa, schema, wd, sh, tkgsh; or declare it: PREFIX foo: <...>)\n"
    )


def test_a_querys_own_prefix_wins(loaded):
    query = "PREFIX tkr: <http://example.org/elsewhere/> ASK { tkr:datong ?p ?o }"
    assert EmbeddedStore(loaded).query(query).boolean is False


def test_prefixes_lists_the_built_in_ones(capsys):
    assert cli(["prefixes"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["tkg:", "https://w3id.org/transition-kg/ontology#"] and len(lines) == 14


def test_describe_in_trig_says_which_graph_states_what(project, capsys):
    import pyoxigraph as ox

    assert cli(["--project", str(project.root), "sparql", "DESCRIBE tkr:datong", "--format", "trig"]) == 0
    quads = {
        (q.predicate.value.rsplit("#", 1)[-1], q.object.value, q.graph_name.value.removeprefix(TKR))
        for q in ox.parse(capsys.readouterr().out.encode(), ox.RdfFormat.TRIG)
    }
    assert ("locatedIn", TKR + "shanxi", "article-datong-coal-capital") in quads
    assert ("locatedIn", TKR + "china", "graph-inferred") in quads
    assert ("type", "https://w3id.org/transition-kg/ontology#City", "graph-shared") in quads
