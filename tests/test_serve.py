"""The SPARQL endpoint, through SPARQLWrapper and raw HTTP, and its query page in Chromium."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pyoxigraph as ox
import pytest
from SPARQLWrapper import CSV, JSON, POST, TSV, TURTLE, XML, SPARQLWrapper

from transition_kg.ask.serve import make_server
from transition_kg.see.pages import read_island
from transition_kg.see.view import unpack

from .test_view import axe_violations, until

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
LABELS = (
    "SELECT ?l WHERE { GRAPH ?g { <https://w3id.org/transition-kg/id/qitaihe> "
    "<http://www.w3.org/2000/01/rdf-schema#label> ?l } } ORDER BY ?l"
)
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?a { ?s ?p ?o } GRAPH ?b { ?s2 ?p2 ?o2 } GRAPH ?c { ?s3 ?p3 ?o3 } }"
CONSTRUCT = (
    "CONSTRUCT { ?c <https://w3id.org/transition-kg/ontology#locatedIn> ?p } WHERE { GRAPH "
    "<https://w3id.org/transition-kg/id/article-datong-coal-capital> { "
    "?c <https://w3id.org/transition-kg/ontology#locatedIn> ?p } "
    "FILTER(?c = <https://w3id.org/transition-kg/id/datong>) }"
)


@pytest.fixture(scope="module")
def server(project):
    server = make_server(project, port=0, timeout=3, workers=3).start()
    yield server
    server.close()


def wrapper(server, query, fmt=JSON, method=None):
    client = SPARQLWrapper(server.url + "/sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    if method:
        client.setMethod(method)
    return client.query()


def raw(server, path, data=None, headers=None, method=None):
    request = urllib.request.Request(server.url + path, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type"), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type"), error.read()


def test_binds_to_this_machine_only_by_default(server):
    assert server.sock.getsockname()[0] == "127.0.0.1" and server.url.startswith("http://127.0.0.1:")


def test_select_in_every_format_through_sparqlwrapper(server):
    rows = wrapper(server, LABELS).convert()["results"]["bindings"]
    assert [(r["l"]["value"], r["l"]["xml:lang"]) for r in rows] == [("Qitaihe", "en"), ("七台河", "zh")]
    assert wrapper(server, LABELS, method=POST).convert()["results"]["bindings"] == rows
    xml = wrapper(server, LABELS, XML).convert()
    assert [n.firstChild.data for n in xml.getElementsByTagName("literal")] == ["Qitaihe", "七台河"]
    assert wrapper(server, LABELS, CSV).convert().decode() == "l\r\nQitaihe\r\n七台河\r\n"
    assert wrapper(server, LABELS, TSV).convert().decode() == '?l\n"Qitaihe"@en\n"七台河"@zh\n'


def test_the_endpoint_answers_with_a_trailing_slash_too(server):
    """``/sparql/`` is ``/sparql`` (Starlette redirected it; the plain ASGI path answers it)."""
    query = urllib.parse.quote("SELECT ?l WHERE { tkr:qitaihe rdfs:label ?l } ORDER BY ?l")
    status, kind, body = raw(server, f"/sparql/?query={query}", headers={"Accept": "text/csv"})
    assert (status, kind.split(";")[0], body.decode()) == (200, "text/csv", "l\r\nQitaihe\r\n七台河\r\n")


def test_graph_results_in_every_format(server):
    turtle = wrapper(server, CONSTRUCT, TURTLE).convert()
    assert [str(q) for q in ox.parse(turtle, ox.RdfFormat.TURTLE)] == [
        "<https://w3id.org/transition-kg/id/datong> <https://w3id.org/transition-kg/ontology#locatedIn> "
        "<https://w3id.org/transition-kg/id/shanxi>"
    ]
    rdfxml = wrapper(server, CONSTRUCT, XML).convert()  # SPARQLWrapper's default for CONSTRUCT: RDF/XML, parsed
    assert len(rdfxml) == 1
    status, kind, body = raw(
        server, "/sparql?" + urllib.parse.urlencode({"query": CONSTRUCT}), headers={"Accept": "application/n-triples"}
    )
    assert (status, kind) == (200, "application/n-triples")
    assert body.decode().strip() == (
        "<https://w3id.org/transition-kg/id/datong> <https://w3id.org/transition-kg/ontology#locatedIn> "
        "<https://w3id.org/transition-kg/id/shanxi> ."
    )
    status, kind, body = raw(
        server, "/sparql?" + urllib.parse.urlencode({"query": CONSTRUCT}), headers={"Accept": "application/ld+json"}
    )
    assert (status, kind) == (200, "application/ld+json")
    assert "https://w3id.org/transition-kg/id/shanxi" in json.dumps(json.loads(body))


def test_post_sparql_query_body_and_ask(server):
    status, kind, body = raw(
        server,
        "/sparql",
        data=b"ASK { GRAPH ?g { ?s ?p ?o } }",
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    )
    assert (status, kind, json.loads(body)) == (200, "application/sparql-results+json", {"head": {}, "boolean": True})


def test_updates_are_refused_and_change_nothing(server):
    before = wrapper(server, COUNT).convert()["results"]["bindings"][0]["n"]["value"]
    form = urllib.parse.urlencode({"update": "DROP ALL"}).encode()
    assert raw(server, "/sparql", data=form, headers={"Content-Type": "application/x-www-form-urlencoded"})[0] == 403
    assert raw(server, "/sparql", data=b"DROP ALL", headers={"Content-Type": "application/sparql-update"})[0] == 403
    assert raw(server, "/sparql?update=DROP%20ALL")[0] == 403
    assert wrapper(server, COUNT).convert()["results"]["bindings"][0]["n"]["value"] == before


def test_an_empty_answer_carries_its_hints(server):
    import json

    query = urllib.parse.urlencode({"query": "SELECT ?c WHERE { ?c a tkg:Citty }"})
    request = urllib.request.Request(
        server.url + "/sparql?" + query, headers={"Accept": "application/sparql-results+json"}
    )
    with urllib.request.urlopen(request) as answer:
        assert json.loads(answer.headers["X-TKG-Hints"]) == [
            "tkg:Citty is not a term of the ontology; did you mean tkg:City?"
        ]
    found = urllib.parse.urlencode({"query": "SELECT ?c WHERE { ?c a tkg:City }"})
    request = urllib.request.Request(
        server.url + "/sparql?" + found, headers={"Accept": "application/sparql-results+json"}
    )
    with urllib.request.urlopen(request) as answer:
        assert answer.headers.get("X-TKG-Hints") is None


def test_malformed_query_gets_400_with_the_parsers_message(server):
    status, _, body = raw(server, "/sparql?" + urllib.parse.urlencode({"query": "SELECT * WHERE {"}))
    assert status == 400 and body.decode() == (
        "malformed query: query:1:17: syntax error: found the end of the query: the '{' opened at line 1, column 16 "
        "is not closed (add '}')\n"
    )
    assert len(body.decode().splitlines()) == 1


def test_runaway_query_is_stopped_while_another_client_is_served(server):
    results = {}

    def runaway():
        start = time.perf_counter()
        results["runaway"] = raw(server, "/sparql?" + urllib.parse.urlencode({"query": RUNAWAY}))
        results["runaway seconds"] = time.perf_counter() - start

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.5)
    start = time.perf_counter()
    rows = wrapper(server, LABELS).convert()["results"]["bindings"]
    assert len(rows) == 2 and time.perf_counter() - start < 2
    thread.join(30)
    status, _, body = results["runaway"]
    assert (status, body.decode()) == (503, "query stopped: it ran past the 3 s timeout\n")
    assert 2.9 < results["runaway seconds"] < 8
    assert len(wrapper(server, LABELS).convert()["results"]["bindings"]) == 2  # still serving


def test_two_hundred_concurrent_requests(server):
    url = server.url + "/sparql?" + urllib.parse.urlencode({"query": LABELS})

    def get(_):
        with urllib.request.urlopen(
            urllib.request.Request(url, headers={"Accept": "text/csv"}), timeout=60
        ) as response:
            return response.status, response.read()

    with ThreadPoolExecutor(max_workers=50) as pool:
        answers = list(pool.map(get, range(200)))
    assert answers == [(200, "l\r\nQitaihe\r\n七台河\r\n".encode())] * 200


def test_service_description_and_unknown_paths(server):
    status, kind, body = raw(server, "/sparql")
    assert status == 200 and kind.startswith("text/turtle")
    assert b"a sd:Service" in body and b"sd:SPARQL11Query" in body
    assert raw(server, "/nowhere")[0] == 404


def test_query_page_runs_a_named_query_and_shows_the_network(server, axe_source, tmp_path):
    """The workbench as a person uses it: a named query from the list, its parameter in the
    form, Ctrl+Enter, labels beside short IRIs, a chart for a year and a number, CSV to
    download, an error marked at its line and column, a link that reproduces the query."""
    import os

    if not os.access("/usr/bin/chromium", os.X_OK):
        pytest.skip("Debian's chromium is not installed (apt-get install chromium; .ci/run does it)")
    from playwright.sync_api import sync_playwright

    from .test_view import ARGS as args  # one way to start Chromium for every page test

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        context = browser.new_context(
            bypass_csp=True, accept_downloads=True
        )  # the test's probes use eval; the page forbids it
        outside, errors = [], []
        context.route(
            "**/*",
            lambda r: (
                r.continue_() if r.request.url.startswith(server.url) else (outside.append(r.request.url), r.abort())
            ),
        )
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(server.url + "/")
        page.click("nav button[data-name='cq05-indicator-time-series']")
        assert page.locator("#form input").evaluate_all("els => els.map(e => e.name)") == ["place", "indicator"]
        # each field says in words what it takes (a name or an IRI), and is named so
        assert page.locator("#form label > span").all_inner_texts() == [
            "place — a name or an IRI",
            "indicator — a name or an IRI",
        ]
        place = page.get_by_role("combobox", name="place — a name or an IRI", exact=True)
        assert place.get_attribute("name") == "place"
        page.fill("#form input[name=place]", "tkr:qitaihe")  # bound by the server's library, shown in the editor
        page.dispatch_event("#form input[name=place]", "change")
        page.wait_for_function("() => document.getElementById('query').value.includes('id/qitaihe>')")
        page.fill("#form input[name=place]", "tkr:datong")
        page.dispatch_event("#form input[name=place]", "change")
        page.wait_for_function("() => document.getElementById('query').value.includes('id/datong>')")
        page.focus("#query")
        page.keyboard.press("Control+Enter")
        page.wait_for_selector("#results table")
        until(page, "() => document.getElementById('status').textContent.startsWith('2 rows in ')")
        heads = [h.split(" ")[0] for h in page.locator("#results th").all_inner_texts()]
        rows = [
            dict(zip(heads, r))
            for r in page.locator("#results tbody tr").evaluate_all(
                "trs => trs.map(tr => [...tr.cells].map(td => td.innerText))"
            )
        ]
        assert [(r["year"], r["value"]) for r in rows] == [("2001", "49"), ("2024", "314")]
        assert rows[0]["unit"] == "day\ntkr:unit-day"  # the label, and the short IRI under it
        assert rows[0]["article"].startswith('China\'s "coal capital" Datong')
        assert (  # one series: what it is about (the query's fields), its unit
            page.get_attribute("#chart svg", "aria-label")
            == "Datong · days of good air quality · day by year: 2001: 49; 2024: 314"
        )
        page.click("#results th button >> text=value")  # sort: ascending, then descending
        page.click("#results th button >> text=value")
        assert page.locator("#results tbody tr td:nth-child(4)").all_inner_texts() == ["314", "49"]
        with page.expect_download() as download:
            page.click("#csv")
        csv = download.value.path().read_text(encoding="utf-8")
        # as the command line writes it: a label column after each column of IRIs
        assert csv.splitlines()[0] == (
            "year,period,asOf,value,unit,unitLabel,qualifier,yearInferredFrom,article,articleLabel"
        )
        assert csv.splitlines()[1].startswith("2001,,,49,https://w3id.org/transition-kg/id/unit-day,day,,,")
        # a parameter suggests entities of its kind by label as you type: indicators for indicator=
        page.fill("#form input[name=indicator]", "")
        page.type("#form input[name=indicator]", "touris")
        until(page, "() => document.querySelectorAll('#dl-indicator option').length > 0")
        suggested = page.eval_on_selector_all("#dl-indicator option", "os => os.map(o => o.value)")
        assert "tkr:indicator-tourism-revenue" in suggested and "tkr:tourism" not in suggested
        # labels in the form, as on the command line; Enter runs; numbers as readers write them
        page.fill("#form input[name=place]", "Datong")
        page.fill("#form input[name=indicator]", "tourism revenue")
        page.press("#form input[name=indicator]", "Enter")
        until(page, "() => document.getElementById('results').innerText.includes('61,000,000,000')")
        until(page, "() => document.getElementById('status').textContent.startsWith('2 rows in ')")
        assert "id/indicator-tourism-revenue>" in page.input_value("#query")
        assert page.locator("#results tbody tr td:nth-child(4)").all_inner_texts() == [
            "15,000,000,000",
            "61,000,000,000",
        ]
        assert page.url.startswith(server.url + "/")  # Enter ran the query, it did not reload the page
        assert "61 billion" in page.get_attribute("#chart svg", "aria-label")
        # the chart says what it is about, which cq05's columns do not (the unit alone said "yuan")
        assert page.locator("#chart figcaption").all_inner_texts() == ["Datong · tourism revenue · yuan"]
        link = page.evaluate("() => location.href")
        assert "p.place=Datong" in link and "named=cq05" in link
        # cq06 for Datong: one chart per series, never one line through days and yuan
        page.click("nav button[data-name='cq06-quantitative-facts']")
        page.fill("#form input[name=entity]", "Datong")
        page.press("#form input[name=entity]", "Enter")
        until(page, "() => document.querySelectorAll('#chart figure').length > 0")
        captions = page.locator("#chart figcaption").all_inner_texts()
        assert captions == [
            "Datong · days of good air quality · day · level",
            "Datong · tourism revenue · yuan · level",
        ], captions
        page.click("nav button[data-name='cq05-indicator-time-series']")
        page.fill("#form input[name=place]", "Datong")
        page.fill("#form input[name=indicator]", "tourism revenue")
        page.press("#form input[name=indicator]", "Enter")
        until(page, "() => document.getElementById('results').innerText.includes('61,000,000,000')")
        # a field that names nothing: said, and nothing runs with the defaults instead
        page.fill("#form input[name=place]", "Atlantis")
        page.press("#form input[name=place]", "Enter")
        until(page, "() => document.getElementById('status').className === 'error'")
        assert page.inner_text("#status").startswith("place=Atlantis: ")
        assert page.locator("#results tbody tr td:nth-child(4)").all_inner_texts() == [
            "15,000,000,000",
            "61,000,000,000",
        ]
        # completion of the ontology's terms
        page.fill("#query", "")
        page.focus("#query")
        page.keyboard.type("SELECT * WHERE { ?o tkg:observedEnt")
        assert page.locator("#complete li").all_inner_texts() == ["tkg:observedEntity"]
        page.keyboard.press("Tab")
        assert page.input_value("#query").endswith("tkg:observedEntity")
        # entities by label after tkr: (the label index, through the search query)
        page.keyboard.type(" tkr:dat")
        until(
            page,
            "() => [...document.querySelectorAll('#complete li')].some(li => li.textContent === 'tkr:datong — Datong')",
        )
        options = page.locator("#complete li").all_inner_texts()
        for _ in range(options.index("tkr:datong — Datong")):
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Tab")
        assert page.input_value("#query").endswith(" tkr:datong")
        # a query that finds nothing says why it may have
        page.fill("#query", 'SELECT ?i WHERE { ?i rdfs:label "youth unemployment rate" }')
        page.click("#run")
        until(page, "() => !!document.querySelector('#results ul.hints')")
        assert 'write "youth unemployment rate"@en' in page.inner_text("#results ul.hints")
        # an error: its place marked, its words said
        page.fill("#query", "SELECT ?x WHERE {\n  ?x foo:bar ?y .\n}")
        page.click("#run")
        until(page, "() => document.getElementById('status').className === 'error'")
        assert page.inner_text("#status").startswith('line 2, column 6: syntax error: unknown prefix "foo:"')
        assert page.inner_text("#highlight .bad") == "foo:bar"
        # at the end of the query: marked by a space of its own, and said in words
        page.fill("#query", "SELECT ?x WHERE {\n  ?x ?p ?y")
        page.click("#run")
        until(page, "() => document.getElementById('status').textContent.includes('not closed')")
        assert page.locator("#highlight .bad").count() == 1
        assert "line 2, column 11: syntax error: found the end of the query: the '{' opened at line 1, column 17" in (
            page.inner_text("#status")
        )
        assert axe_violations(page, axe_source) == []
        page.screenshot(path=str(tmp_path / "workbench.png"))
        # the link reproduces the query and its answer
        again = context.new_page()
        again.goto(link)
        again.wait_for_selector("#results table")
        assert again.locator("#results tbody tr").count() == 2 and "id/datong>" in again.input_value("#query")
        assert again.input_value("#form input[name=indicator]") == "tourism revenue"  # query, parameters and rows agree
        assert "tourism-revenue>" in again.input_value("#query") and again.inner_text("#status").endswith(" ms")
        page.click("nav button[data-name='cq01-coal-cities']")
        page.click("#run")
        until(page, "() => !document.getElementById('network').disabled")
        with context.expect_page() as popup:
            page.click("#network")
        view = popup.value
        until(view, "() => !!(window.tkg && window.tkg.ready)")
        assert view.evaluate("[tkg.nodes.length, tkg.edges.length]") == [7, 6]
        # entity-card's rows are statements of one entity: no network of properties as nodes
        page.click("nav button[data-name='entity-card']")
        page.click("#run")
        until(page, "() => document.getElementById('status').textContent.includes(' rows in ')")
        assert page.is_disabled("#network")
        page.click("nav button[data-name='cq01-coal-cities']")
        page.click("#run")
        until(page, "() => !document.getElementById('network').disabled")
        # an IRI in the results opens its entity card
        with context.expect_page() as card:
            page.click("#results a >> text=Datong")
        until(card.value, "() => !!(window.tkg && window.tkg.ready)")
        assert card.value.inner_text("#details").startswith("Datong")
        assert outside == [] and errors == []
        browser.close()


def test_named_queries_are_bound_by_the_library_never_pasted(server):
    quote = urllib.parse.quote
    status, kind, body = raw(server, "/named/cq05?place=tkr:qitaihe")
    assert status == 200 and kind.startswith("application/sparql-query")
    assert "<https://w3id.org/transition-kg/id/qitaihe>" in body.decode()
    hostile = "tkr:x> } ; DROP ALL ; SELECT * WHERE { <y"
    status, _, body = raw(server, "/named/cq05?place=" + quote(hostile))
    assert status == 400 and body.decode().startswith("place=") and b"DROP" not in body.split(b":", 1)[0]
    # labels name their entity, as on the command line
    status, _, body = raw(server, "/named/cq05?place=Datong&indicator=" + quote("tourism revenue"))
    assert status == 200 and b"<https://w3id.org/transition-kg/id/indicator-tourism-revenue>" in body
    assert b"<https://w3id.org/transition-kg/id/datong>" in body
    status, _, body = raw(server, "/named/cq05?place=Atlantis")
    assert status == 400 and body.decode().startswith("place=Atlantis: ")
    status, _, body = raw(server, "/named/cq05?nope=1")
    assert status == 400 and b"cq05-indicator-time-series has no such parameter" in body
    status, _, body = raw(server, "/named/" + quote("../../etc/passwd"))
    assert status in (400, 404) and b"root:" not in body
    status, _, body = raw(server, "/named/nothing")
    assert status == 400 and b"unknown query 'nothing'" in body
    # the entity card of one IRI, for the workbench's links
    status, kind, body = raw(server, "/view?focus=" + quote("https://w3id.org/transition-kg/id/datong"))
    cards = {iri: card for pack in read_island(body.decode())["cards"] for iri, card in unpack(pack).items()}
    assert status == 200 and cards["https://w3id.org/transition-kg/id/datong"]["title"] == "Datong"
    status, _, body = raw(server, "/view?focus=" + quote("https://w3id.org/transition-kg/id/nowhere"))
    assert status == 400 and b"not a node of the graph" in body


def test_one_error_worded_for_python_the_command_line_and_the_endpoint(server, project, capsys):
    """A bad parameter is one error with fields: Python says ``params={...}``, the command line
    ``--param``, the endpoint ``place=``; the same words after that."""
    from transition_kg.ask.queries import run_named
    from transition_kg.cli import main
    from transition_kg.core.errors import QueryError
    from transition_kg.core.store import open_store

    what = 'not an IRI (spaces and <>"{}|^`\\ are not allowed)'
    with pytest.raises(QueryError) as error:
        run_named(open_store(project), "cq05", project, place="Dat<ong")
    assert str(error.value) == f"params={{'place': 'Dat<ong'}}: {what}"
    with pytest.raises(SystemExit):
        main(["--project", str(project.root), "query", "cq05", "--param", "place=Dat<ong"])
    assert capsys.readouterr().err == f"transition-kg: --param place=Dat<ong: {what}\n"
    status, _, body = raw(server, "/named/cq05?place=" + urllib.parse.quote("Dat<ong"))
    assert (status, body.decode()) == (400, f"place=Dat<ong: {what}\n")


def test_a_server_started_in_a_thread_leaves_the_callers_objects_alone(project):
    """``Server.start()`` serves from a thread of a process that is not its own (a notebook, a
    test): its start collects no garbage there, so a pyoxigraph answer the caller's thread left
    in a cycle is never dropped by the server's thread (it printed "PyQuerySolutions is
    unsendable, but is being dropped on another thread")."""
    import gc
    import sys

    class Holder:
        pass

    holder = Holder()
    holder.answer = ox.Store().query("SELECT * WHERE { ?s ?p ?o }")  # type: ignore[attr-defined]
    holder.itself = holder  # type: ignore[attr-defined]  (a cycle: only the collector frees it)
    del holder
    raised: list[BaseException] = []
    previous = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: raised.append(unraisable.exc_value)
    gc.disable()  # the collector runs when this test says, in this thread
    try:
        server = make_server(project, port=0, workers=1).start()
        server.close()
    finally:
        gc.enable()
        sys.unraisablehook = previous
    gc.collect()  # the cycle is freed by the thread that made its answer
    assert raised == []
