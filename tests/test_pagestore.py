"""``view --with-sparql``: the network page with Oxigraph's WebAssembly store in it. The page is
opened from disk in Chromium with every non-file request aborted, and its answers are compared
with the embedded store's (pyoxigraph), row for row."""

from __future__ import annotations

import json

import pytest

from transition_kg.ask.queries import prepare, to_term
from transition_kg.ask.workbench import SLOT, page_store, templates
from transition_kg.cli import main
from transition_kg.core.errors import TKGError
from transition_kg.core.named import discover
from transition_kg.core.sparql import FORMATS, serialize
from transition_kg.core.store import EmbeddedStore
from transition_kg.core.stores.embedded import run_query
from transition_kg.see import pagestore
from transition_kg.see.pages import read_island
from transition_kg.see.view import select, to_pyvis, write_page
from transition_kg.see.workbench import WorkbenchData

from .test_view import Visit, axe_violations, conforms, until
from .test_view import browser as browser  # the module's Chromium

JSON = next(f for f in FORMATS if f.name == "json")
# named queries with other values than their defaults: IRIs, prefixed names, labels, text
SWEEP = [
    ("cq02-industry-change", {"place": "tkr:qitaihe"}),
    ("cq05-indicator-time-series", {"place": "Datong", "indicator": "tourism revenue"}),
    ("cq05-indicator-time-series", {"place": "https://w3id.org/transition-kg/id/datong"}),
    ("cq06-quantitative-facts", {"entity": "tkr:datong"}),
    ("cq07-places-within", {"within": "Heilongjiang"}),
    ("cq12-cross-border-links", {"place": "Qitaihe"}),
    ("entity-card", {"entity": "Qitaihe"}),
    ("search", {"text": "七台河"}),
    ("search", {"text": "coal"}),
]


@pytest.fixture(scope="module")
def package():
    """The pinned oxigraph package; skipped, saying why, without npm or the registry."""
    try:
        return pagestore.oxigraph()
    except TKGError as exc:
        pytest.skip(f"the oxigraph package could not be had: {exc}")


@pytest.fixture(scope="module")
def embedded(loaded) -> EmbeddedStore:
    return EmbeddedStore(loaded)


@pytest.fixture(scope="module")
def page_path(package, project, embedded, tmp_path_factory):
    path = tmp_path_factory.mktemp("page") / "graph.html"
    write_page(to_pyvis(select(embedded.dataset())), path, page_store(project, embedded))
    return path


@pytest.fixture(scope="module")
def visit(browser, page_path, embedded):
    seen = Visit(browser, page_path)
    assert seen.page.evaluate("() => tkg.storeReady") == embedded.nquads().count(b"\n")  # every quad, inferred too
    yield seen
    seen.page.close()


def rows(document: dict) -> tuple[list[str], list[str]]:
    """A SPARQL JSON answer's variables and its rows as sorted JSON (blank nodes by kind only)."""
    plain = lambda term: {"type": "bnode"} if term["type"] == "bnode" else term
    bindings = [
        json.dumps({k: plain(v) for k, v in b.items()}, sort_keys=True) for b in document["results"]["bindings"]
    ]
    return document["head"]["vars"], sorted(bindings)


def query_tab(page):
    """The Query tab opened (as the shared page's last test left it, or by its button), its frame."""
    if page.evaluate("document.getElementById('query-tab').hidden"):
        page.click("#query-open")
    return page.frame_locator("#workbench")


def embedded_rows(embedded, text: str):
    return rows(json.loads(serialize(run_query(embedded.store, text), JSON)))


# --- without a browser ---------------------------------------------------------------------------


def test_each_template_binds_as_the_library_binds(project):
    """The page writes a term where the library bound ``<urn:tkg:param:NAME>``: the same text as
    the library's own binding, for every named query (VALUES or in place)."""
    values = {"IRI": "tkr:qitaihe", "string": 'a "quoted" word', "integer": "7", "decimal": "0.5", "year": "2001"}
    made = templates(project)
    for name, query in discover(project).items():
        given = {p.name: values[p.type] for p in query.params}
        text = made[name]["text"]
        for p in query.params:
            assert f"<{SLOT}{p.name}>" in text, (name, p.name)
            text = text.replace(f"<{SLOT}{p.name}>", str(to_term(p, given[p.name])))
        assert text == prepare(query, given), name
    assert any(query.params for query in discover(project).values())


def test_the_same_graph_gives_the_page_the_same_quads(package, project, loaded):
    """Each load names blank nodes afresh; the page holds the same N-Quads from both (blank
    nodes named by RDFC-1.0, lines sorted), every quad kept, so ``view --with-sparql`` writes
    the same page each run."""
    from transition_kg.core.load import load

    first, second = EmbeddedStore(loaded), EmbeddedStore(load(project))
    assert first.nquads() != second.nquads() and b"_:" in first.nquads()  # the stores' own names differ
    assert page_store(project, first).quads == page_store(project, second).quads
    held = pagestore.canonical(first.nquads())
    assert held.count(b"\n") == first.nquads().count(b"\n") and held.splitlines() == sorted(held.splitlines())


def test_the_npm_package_is_pinned_beside_pyoxigraph():
    """The page's Oxigraph and the embedded store's are the same minor version (0.5), and the
    pinned integrity is a sha512 npm gives."""
    import pyoxigraph

    assert pagestore.OXIGRAPH_NPM.split(".")[:2] == pyoxigraph.__version__.split(".")[:2]
    assert pagestore.OXIGRAPH_INTEGRITY.startswith("sha512-") and pagestore.sri(b"") != pagestore.OXIGRAPH_INTEGRITY


def test_the_glue_becomes_a_classic_script():
    module = (
        "export class Store {}\nexport function initSync(m) {}\nconst u = new URL('x', import.meta.url);\n"
        "export { initSync, __wbg_init as default };\n"
    )
    script = pagestore.classic(module)
    assert "export" not in script and "import.meta" not in script and "class Store {}" in script
    with pytest.raises(TKGError, match="import or export"):
        pagestore.classic("import * as x from './y.js';\n")


def test_without_npm_the_command_says_what_to_install_and_writes_nothing(project, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    page = tmp_path / "graph.html"
    with pytest.raises(SystemExit) as exited:
        main(["--project", str(project.root), "view", "--with-sparql", "-o", str(page)])
    assert exited.value.code != 0
    said = capsys.readouterr().err.strip()
    assert len(said.splitlines()) == 1 and "npm" in said and "install" in said
    assert not page.exists() and not (tmp_path / "cache" / "transition-kg" / "npm").exists()


def test_a_cached_package_whose_bytes_changed_is_not_used(package, tmp_path, monkeypatch):
    cache = tmp_path / "npm"
    cache.mkdir()
    (cache / f"oxigraph-{pagestore.OXIGRAPH_NPM}.tgz").write_bytes(b"not the package")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # it would be fetched again: here it cannot
    with pytest.raises(TKGError, match="npm"):
        pagestore.oxigraph(cache)


def test_past_the_limit_the_command_suggests_serve(package, project, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(pagestore, "PAGE_STORE_LIMIT", 1000)
    page = tmp_path / "graph.html"
    with pytest.raises(SystemExit) as exited:
        main(["--project", str(project.root), "view", "--with-sparql", "-o", str(page)])
    assert exited.value.code != 0
    said = capsys.readouterr().err.strip()
    assert "quads" in said and "1,000" in said and "transition-kg serve" in said and len(said.splitlines()) == 1
    assert not page.exists()


def test_the_page_says_what_it_holds(page_path):
    html = page_path.read_text(encoding="utf-8")
    assert "'wasm-unsafe-eval'" in html and "unsafe-eval'" not in html.replace("'wasm-unsafe-eval'", "")
    assert page_path.stat().st_size < 4_000_000  # the real graph's page stays under 4 MB


# --- in Chromium ---------------------------------------------------------------------------------


def test_every_named_query_with_its_defaults_answers_as_the_embedded_store(visit, project, embedded):
    for name, query in discover(project).items():
        page = visit.page.evaluate("name => tkg.named(name, {})", name)
        assert rows(page) == embedded_rows(embedded, prepare(query, {}, embedded)), name
    assert visit.requests == [] and visit.errors == []


@pytest.mark.parametrize("name,params", SWEEP)
def test_named_queries_with_other_values_answer_as_the_embedded_store(visit, project, embedded, name, params):
    page = visit.page.evaluate("([name, params]) => tkg.named(name, params)", [name, params])
    expected = embedded_rows(embedded, prepare(discover(project)[name], params, embedded))
    assert rows(page) == expected and expected[1], name  # and the sweep finds something


def test_ad_hoc_queries_need_no_prefix_and_no_graph(visit, embedded):
    for text in (
        "SELECT ?c ?l WHERE { ?c a tkg:City ; rdfs:label ?l }",
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
        "PREFIX tkg: <https://example.org/other#> SELECT ?c WHERE { ?c a tkg:City }",  # its own PREFIX wins
        "SELECT ?s WHERE { ?s tkg:yearInferredFrom ?y }",  # the inferred graph is there
        "SELECT * WHERE { ?s a tkg:City ; rdfs:label ?label }",  # columns in the order they appear
    ):
        assert rows(visit.page.evaluate("text => tkg.sparql(text)", text)) == embedded_rows(embedded, text), text
    assert visit.page.evaluate("() => tkg.sparql('ASK { tkr:datong a tkg:City }')")["boolean"] is True


def test_bad_input_is_a_rejected_promise_with_one_line(visit):
    said = lambda js: visit.page.evaluate(f"() => {js}.then(() => 'answered', e => e.message)")
    assert said("tkg.sparql('SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }')").startswith(
        "SERVICE is refused"
    )
    assert said("tkg.sparql('SELECT ?s WHERE {\\n ?s ?p }')").startswith("malformed query: query:2:")
    assert said("tkg.named('cq05', {place: 'Atlantis'})").startswith("place=Atlantis: not an IRI")
    assert (
        said("tkg.named('cq05', {colour: 'red'})")
        == "colour: cq05-indicator-time-series has no such parameter (its parameters: place, indicator)"
    )
    assert said("tkg.named('nothing')").startswith("unknown query 'nothing'")
    assert visit.requests == []


def test_the_query_tab_answers_cq01_and_cq05_and_keeps_the_question_in_the_link(visit):
    page = visit.page
    frame = query_tab(page)
    frame.locator("button[data-name=cq01-coal-cities]").click()
    frame.locator("#run").click()
    frame.locator("#results tbody tr").first.wait_for()
    cities = frame.locator("#results tbody tr td:first-child").all_inner_texts()
    assert {c.split("\n")[0] for c in cities} == {"Datong", "Qitaihe"}
    frame.locator("button[data-name=cq05-indicator-time-series]").click()
    frame.locator("input[name=place]").fill("Datong")
    frame.locator("#run").click()
    until(
        page,
        "() => document.getElementById('workbench').contentDocument.querySelectorAll('#results tbody tr').length === 2",
    )
    values = [r.split("\t")[3] for r in frame.locator("#results tbody tr").all_inner_texts()]
    assert values == ["49", "314"]
    # the chart names the place and the indicator asked about (the indicator's field holds tkr:…)
    assert frame.locator("#chart figcaption").all_inner_texts() == ["Datong · days of good air quality · day"]
    frame.locator("#network").click()  # its rows name a unit and an article, neither of them a node: said so
    until(
        page,
        "() => document.getElementById('workbench').contentDocument.getElementById('status').className === 'error'",
    )
    said = frame.locator("#status").inner_text()
    assert said.startswith("none of the result's 2 IRIs is drawn") and "units, indicators and articles" in said, said
    assert "named=cq05-indicator-time-series" in page.evaluate("location.hash") and "p.place=Datong" in page.evaluate(
        "location.hash"
    )
    frame.locator("button[data-name=cq01-coal-cities]").click()
    frame.locator("#run").click()
    frame.locator("#results tbody tr:first-child td:first-child a").click()  # an IRI opens its card in the network
    assert page.evaluate("document.getElementById('query-tab').hidden")
    until(page, "() => document.getElementById('details').innerText.startsWith('Datong')", timeout=5)


def test_a_link_with_a_question_runs_it_on_opening(browser, page_path):
    seen = Visit(browser, page_path, "query=" + "SELECT ?c WHERE { ?c a tkg:City } ORDER BY ?c".replace(" ", "+"))
    frame = seen.page.frame_locator("#workbench")
    frame.locator("#results tbody tr").first.wait_for()
    assert frame.locator("#results tbody tr").count() == 6 and not seen.page.evaluate(
        "document.getElementById('query-tab').hidden"
    )
    assert seen.requests == [] and seen.errors == []
    seen.page.close()


def test_the_query_tab_says_what_it_holds_for_a_reader(visit, embedded):
    """The figure kept, said in words: statements, the articles they come from, no server."""
    quads = embedded.nquads().count(b"\n")
    article = "https://w3id.org/transition-kg/ontology#Article"
    found = run_query(embedded.store, f"SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ GRAPH ?g {{ ?a a <{article}> }} }}")
    articles = int(next(iter(found))["n"].value)
    assert articles > 1
    until(visit.page, "() => document.getElementById('store-status').textContent.startsWith('Ask ')")
    assert visit.page.evaluate("document.getElementById('store-status').textContent") == (
        f"Ask the graph in SPARQL, here in this file: {quads:,} statements from {articles} articles, no server needed"
    )


def test_on_a_phone_the_query_tab_folds_its_list_keeps_run_in_sight_and_brings_the_answer_up(
    browser, page_path, project
):
    """At 390x844 the named queries are a picker, folded: the editor and Run on the first screen,
    the chosen query named on it; the fields say in words what they take; after a run the answer
    is in sight."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://") else route.abort())
    page.goto(page_path.as_uri())
    until(page, "() => !!(window.tkg && window.tkg.ready)")
    page.click("#query-open")
    frame = page.frame_locator("#workbench")
    bottom = lambda selector: (lambda b: b["y"] + b["height"])(frame.locator(selector).bounding_box())
    picker = frame.locator("#named-toggle")
    assert picker.inner_text() == f"Named queries: {len(discover(project))} to choose from"
    assert picker.get_attribute("aria-expanded") == "false" and frame.locator("#named").is_hidden()
    assert bottom(".editor") <= 844 and bottom("#run") <= 844
    picker.click()
    assert frame.locator("button[data-name=cq05-indicator-time-series]").is_visible()
    frame.locator("button[data-name=cq05-indicator-time-series]").click()
    assert picker.inner_text() == "Named query: cq05-indicator-time-series" and frame.locator("#named").is_hidden()
    frame.get_by_role("combobox", name="place — a name or an IRI", exact=True).fill("Datong")
    assert frame.get_by_role("combobox", name="indicator — a name or an IRI", exact=True).count() == 1
    assert bottom("#run") <= 844
    frame.locator("#run").click()
    frame.locator("#results tbody tr").first.wait_for()
    until(
        page,
        "() => document.getElementById('workbench').contentDocument.getElementById('status')"
        ".textContent.startsWith('2 rows in ')",
    )
    first = frame.locator("#results tbody tr").first.bounding_box()
    assert first["y"] >= 0 and first["y"] + 20 <= 844, first
    assert first["height"] <= 100, first  # a row reads across (the table scrolls sideways), not down a narrow column
    assert frame.locator("#status").bounding_box()["y"] >= 0
    page.close()


RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_a_runaway_query_stops_with_the_stop_button_and_the_store_answers_again(visit):
    page = visit.page
    frame = query_tab(page)
    frame.locator("#query").fill(RUNAWAY)
    frame.locator("#run").click()
    page.wait_for_timeout(500)
    assert frame.locator("#status").inner_text() == "running…"
    frame.locator("#stop").click()
    until(
        page,
        "() => document.getElementById('workbench').contentDocument.getElementById('status').textContent"
        " === 'the query was stopped'",
        timeout=5,
    )
    assert page.evaluate("() => tkg.named('cq01').then(r => r.results.bindings.length)") == 2


def test_a_runaway_query_is_ended_at_the_timeout(browser, project, embedded, tmp_path, monkeypatch):
    monkeypatch.setattr(pagestore, "PAGE_TIMEOUT", 2)
    path = tmp_path / "graph.html"
    write_page(to_pyvis(select(embedded.dataset())), path, page_store(project, embedded))
    seen = Visit(browser, path)
    said = seen.page.evaluate(f"() => tkg.sparql('{RUNAWAY}').then(() => 'answered', e => e.message)")
    assert said == "the query ran past the 2 s timeout and was stopped"
    seen.page.close()


def test_hostile_literals_show_as_text(visit):
    page = visit.page
    frame = query_tab(page)
    frame.locator("#query").fill('SELECT ?x WHERE { VALUES ?x { "<img src=x onerror=alert(1)>" } }')
    frame.locator("#run").click()
    frame.locator("#results tbody td").first.wait_for()
    assert frame.locator("#results tbody td").first.inner_text() == "<img src=x onerror=alert(1)>"
    assert frame.locator("#results img").count() == 0 and visit.dialogs == []


@pytest.mark.parametrize("viewport", [{"width": 1440, "height": 900}, {"width": 390, "height": 844}])
def test_the_query_tab_has_no_serious_accessibility_violation(browser, page_path, axe_source, viewport):
    page = browser.new_page(viewport=viewport, bypass_csp=True)
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://") else route.abort())
    page.goto(page_path.as_uri() + "#named=cq05-indicator-time-series")
    frame = page.frame_locator("#workbench")
    frame.locator("#results tbody tr").first.wait_for()
    assert axe_violations(page, axe_source) == []
    assert axe_violations(page.frame(name="workbench"), axe_source) == []
    page.close()


def test_the_store_island_has_the_documented_shape(page_path):
    html = page_path.read_text(encoding="utf-8")
    data = json.loads(html.split('<script type="application/json" id="store-data">', 1)[1].split("</script>", 1)[0])
    assert conforms(data, pagestore.StoreData, "store-data") == []
    workbench = read_island(data["workbench"])
    assert conforms(workbench, WorkbenchData) == [] and workbench["inPage"] is True


def shown_nodes(page) -> set[str]:
    return set(page.evaluate("() => tkg.nodes.get({filter: n => !n.hidden}).map(n => n.id)"))


def test_a_result_shown_as_network_shows_the_nodes_it_names_and_its_link_shows_them_again(
    visit, browser, page_path, project, embedded
):
    """cq01 shown as a network: Datong, Qitaihe, their provinces and country alone (the nodes the
    result names that the network has), each row's links dashed; the link keeps the question."""
    page = visit.page
    frame = query_tab(page)
    frame.locator("button[data-name=cq01-coal-cities]").click()
    frame.locator("#run").click()
    frame.locator("#results tbody tr").first.wait_for()
    frame.locator("#network").click()
    until(page, "() => document.getElementById('query-tab').hidden")
    answer = embedded_rows(embedded, prepare(discover(project)["cq01-coal-cities"], {}, embedded))[1]
    named = {t["value"] for row in map(json.loads, answer) for t in row.values() if t["type"] == "uri"}
    network = set(select(embedded.dataset()).nodes)
    expected = named & network
    assert shown_nodes(page) == expected and named - network  # the articles' graphs are no nodes of the network
    names = set(page.evaluate("ids => ids.map(id => tkg.nodes.get(id).name)", sorted(expected)))
    assert {"Datong", "Qitaihe", "Shanxi", "Heilongjiang"} <= names
    links = page.evaluate(
        "() => tkg.edges.get({filter: e => String(e.id).startsWith('q')}).map(e => [e.from, e.to, e.label])"
    )
    tkr = "https://w3id.org/transition-kg/id/"
    assert [tkr + "datong", tkr + "shanxi", "province"] in links and all(
        a in expected and b in expected for a, b, _ in links
    )
    assert f"{len(named - network)} more of its IRIs are not nodes" in page.inner_text("#filters")
    fragment = page.evaluate("location.hash")
    assert "named=cq01-coal-cities" in fragment and "show=network" in fragment
    again = Visit(browser, page_path, fragment[1:])
    until(again.page, "() => tkg.edges.get({filter: e => String(e.id).startsWith('q')}).length > 0")
    assert shown_nodes(again.page) == expected and again.page.evaluate("document.getElementById('query-tab').hidden")
    assert again.requests == [] and again.errors == []
    again.page.close()
    construct = "CONSTRUCT { ?c tkg:locatedIn ?p } WHERE { ?c a tkg:City ; tkg:locatedIn ?p }"
    assert page.evaluate("text => tkg.asNetwork(text, 'query=' + text)", construct) == {"ok": True}
    ends = {term.value for triple in run_query(embedded.store, construct) for term in (triple.subject, triple.object)}
    assert shown_nodes(page) == ends & network and len(ends & network) > len(expected)
    assert page.evaluate("() => tkg.asNetwork('ASK { ?s ?p ?o }', '')") == {
        "ok": False,
        "text": "an ASK query has no graph to show",
    }
    page.click("#overview")  # the whole network again
    assert len(shown_nodes(page)) > len(expected) and "show=network" not in page.evaluate("location.hash")


HINTED = [
    "SELECT ?c WHERE { ?c a tkg:Citty }",
    "ASK { tkr:datong tkg:locatedInn ?p }",
    "SELECT ?c WHERE { ?c a tkg:Zqxv }",
    "SELECT ?p WHERE { tkr:atlantis ?p ?o . ?o a tkg:City }",
    'SELECT ?s WHERE { ?s rdfs:label "Datong" }',
    "SELECT ?s WHERE { ?s rdfs:label 'Qitaihe' ; a tkg:Citty }",
    "SELECT ?v ?year WHERE { ?o tkg:observedEntity tkr:qitaihe ; tkg:value ?v ; tkg:year ?year }",
]


def test_an_empty_answer_in_the_page_gives_the_endpoints_hints(visit, embedded):
    """The hints core/hints.py gives an empty answer, given by the page's store: an undeclared
    tkg: term with the closest declared one, a tkr: resource no graph has, a plain literal where
    the graph's are tagged."""
    from transition_kg.core.hints import hints

    for text in HINTED:
        page = visit.page.evaluate("text => tkg.ask(text)", text)
        assert page["ok"] and page["hints"] == hints(embedded, text) != [], text
    assert visit.page.evaluate("() => tkg.ask('SELECT ?c WHERE { ?c a tkg:City }').then(a => a.hints)") == []


def test_the_query_tab_shows_a_hint_under_an_empty_answer(visit):
    frame = query_tab(visit.page)
    frame.locator("#query").fill("SELECT ?c WHERE { ?c a tkg:Citty }")
    frame.locator("#run").click()
    frame.locator("#results .hints li").first.wait_for()
    assert frame.locator("#results .hints li").all_inner_texts() == [
        "hint: tkg:Citty is not a term of the ontology; did you mean tkg:City?"
    ]
