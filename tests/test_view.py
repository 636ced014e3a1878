"""The network view: the networkx graph, exports, the page's HTML, and the page as a person
uses it in headless Chromium (Debian's /usr/bin/chromium) with every network request cut."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Literal
from rdflib.namespace import RDF, RDFS

from transition_kg.cli import run as cli
from transition_kg.core.errors import COMMAND_LINE, HTTP, worded
from transition_kg.core.load import load
from transition_kg.core.store import EmbeddedStore
from transition_kg.core.vocab import INFERRED_GRAPH_IRI, ONTOLOGY_GRAPH, ONTOLOGY_GRAPH_IRI, TKG, TKR
from transition_kg.see.catalog import quoted
from transition_kg.see.pages import read_island
from transition_kg.see.theme import group
from transition_kg.see.view import (
    HIDDEN_PROPERTIES,
    LAYOUT_THRESHOLD,
    Catalog,
    ViewError,
    export,
    from_result,
    graph_of,
    render_page,
    select,
    to_networkx,
    to_pyvis,
    unpack,
    write_page,
)

from .test_install import wheel_env as wheel_env  # the installed wheel, for the pages it carries

HOSTILE = '</script><img src=x onerror="window.__xss=1">'
HOSTILE_ALT = '"><svg onload="window.__xss=2">'
HOSTILE_CLASS = '<b onmouseover="window.__xss=3">bold</b>'
DATONG = str(TKR.datong)
ARTICLE_B = 'China\'s "coal capital" Datong diversifies into center of culture'


@pytest.fixture(scope="module")
def dataset(project):
    return load(project).dataset_with_inferred


@pytest.fixture(scope="module")
def whole(dataset):
    return to_networkx(dataset)


def test_whole_graph_draws_entities_and_facts_and_folds_the_rest(whole, dataset, loaded):
    catalog = Catalog.of(dataset)
    drawable = {str(n) for n in catalog.kinds if catalog.drawable(n)}
    assert set(whole.nodes) == drawable and len(drawable) > 150
    # every distinct relation the graphs state between two drawn nodes is one edge, asked of the store
    hidden = ", ".join(f"<{p}>" for p in HIDDEN_PROPERTIES)
    stated = EmbeddedStore(loaded).query(f"""SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
        FILTER(isIRI(?o) && ?s != ?o && ?g NOT IN (<{ONTOLOGY_GRAPH_IRI}>, <{INFERRED_GRAPH_IRI}>)
               && ?p NOT IN ({hidden})) }}""")
    expected = {(s.value, p.value, o.value) for s, p, o in stated.rows if s.value in drawable and o.value in drawable}
    assert {(a, k, b) for a, b, k in whole.edges(keys=True)} == expected and len(expected) > 150
    kinds = {data["kind"] for _, data in whole.nodes(data=True)}
    assert {"city", "person", "observation", "quote", "industry"} <= kinds
    assert not kinds & {"unit", "qualifier", "status", "indicator", "article", "mention"}


def test_observation_tooltip_has_values_and_its_evidence(whole):
    tip = whole.nodes[str(TKR["obs-datong-good-air-days-2024"])]["tooltip"]
    assert tip[:2] == ["days of good air quality: 314 days (2024)", "type: observation"]
    assert f"value: 314 — {ARTICLE_B}" in tip
    assert f"year inferred from: last year — {ARTICLE_B}" in tip
    assert (
        f"evidence: “last year there were 314 days classed as having good air quality” — {ARTICLE_B}, "
        "characters 2372–2436" in tip
    )


def test_fact_labels_keep_the_articles_hedges(whole):
    label = lambda local: whole.nodes[str(TKR[local])]["label"]
    assert label("obs-datong-tourism-revenue-2024") == "tourism revenue: more than 61 billion yuan (2024)"
    assert label("obs-datong-visitors-increase-2025") == "tourist visitors: up 18 percent (2025-01 to 2025-08)"
    assert label("obs-ansteel-production-costs") == "production costs: down 15 percent"
    assert label("obs-gac-driving-range") == "driving range of new energy vehicles: 500 → 1,000 kilometres"
    assert (
        label("obs-china-share-of-best-ai-deployments")
        == "share of the best ways to deploy AI based in the country: nearly 50 percent (as of 2025)"
    )
    assert label("obs-qitaihe-population") == "population: 700,000 (as of 2023)"
    assert label("obs-datong-visitors-2025") == "tourist visitors: more than 15 million (2025-01 to 2025-08)"


def test_entity_tooltip_has_labels_and_mentions(whole):
    tip = whole.nodes[str(TKR.qitaihe)]["tooltip"]
    assert tip[:3] == ["Qitaihe", "type: city", "also: 七台河"]
    assert "located in: Heilongjiang — Qitaihe, Heilongjiang: a coal city facing decarbonisation" in tip
    assert "mentioned in Qitaihe, Heilongjiang: a coal city facing decarbonisation: “Qitaihe (七台河)”" in tip


def test_a_place_inferred_through_context_says_so(whole, dataset):
    """Chengzihe Mine lies in Qitaihe by context only: its card and the inferred edge to China say so."""
    from transition_kg.see.network import cards_of

    mine = "https://w3id.org/transition-kg/id/chengzihe-mine"
    relations = {(r["other"], r["source"], r["context"]) for r in cards_of(whole)[mine]["relations"]}
    assert ("China", "inferred", True) in relations
    assert ("Heilongjiang", "inferred", True) in relations
    assert any(r[0] == "Qitaihe" and r[2] for r in relations)
    assert "located in: China — inferred (from context)" in whole.nodes[mine]["tooltip"]
    datong = whole.nodes["https://w3id.org/transition-kg/id/datong"]["tooltip"]
    assert "located in: China — inferred" in datong  # by the words: Datong in Shanxi, Shanxi in China


def test_edges_carry_property_labels_and_sources(whole):
    edges = whole.get_edge_data(DATONG, str(TKR.shanxi))
    assert [(d["label"], d["sources"]) for d in edges.values()] == [("located in", [ARTICLE_B])]
    quote = whole.get_edge_data(str(TKR["quote-zhang-wei"]), str(TKR["zhang-wei"]))
    assert [d["label"] for d in quote.values()] == ["speaker"]


def test_focus_depth_one_is_the_neighbourhood(dataset, whole):
    focus = select(dataset, focus="tkr:datong", depth=1)
    expected = {DATONG} | set(whole.predecessors(DATONG)) | set(whole.successors(DATONG))
    assert set(focus.nodes) == expected and focus.number_of_nodes() > 15
    assert set(select(dataset, focus="tkr:datong", depth=0).nodes) == {DATONG}


def test_article_and_class_views(dataset, tmp_path):
    """An article's view is the whole page opened on its story (named by IRI, prefixed name, the
    last part of its IRI, its title, or a word only its name or title holds); exported, it is
    that story alone."""
    article = select(dataset, article="article-qitaihe-coal-city")
    iri = str(TKR["article-qitaihe-coal-city"])
    assert article.graph["article"] == iri and set(article) == set(select(dataset))
    for name in (
        iri,
        "tkr:article-qitaihe-coal-city",
        "qitaihe, heilongjiang: a coal city facing decarbonisation",
        "Qitaihe",
        "heilongjiang",
    ):
        assert select(dataset, article=name).graph["article"] == iri
    export(article, tmp_path / "story.graphml", "graphml")
    alone = nx.read_graphml(tmp_path / "story.graphml")
    assert str(TKR.qitaihe) in alone and DATONG not in alone
    assert set(alone) == {n for n, d in article.nodes(data=True) if iri in d["articles"]}
    cities = select(dataset, cls="City")
    assert {n for n, d in cities.nodes(data=True) if d["kind"] == "city"} == {
        str(TKR[c]) for c in ("qitaihe", "datong", "harbin", "shenzhen", "heihe", "vladivostok")
    }


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"cls": "Town"}, "--class Town: not a class of the ontology"),
        ({"article": "article-nope"}, "--article article-nope: no such article (give its IRI, the last part of it"),
        (
            {"article": "coal"},
            "--article coal: 2 articles hold that (give its IRI, the last part of it, or its title); known: "
            "article-datong-coal-capital, article-qitaihe-coal-city",
        ),
        ({"focus": "tkr:nowhere"}, "--focus tkr:nowhere: not a node of the graph"),
        (
            {"focus": "Atlantis"},
            "--focus Atlantis: no node has that label; give a label, a full IRI or a prefixed name",
        ),
        ({"focus": "tkr:datong", "depth": -1}, "--depth -1: must be 0 or more"),
    ],
)
def test_bad_selection_is_a_clear_error(dataset, kwargs, message):
    """The error carries the option and the value; the command line words them as its flags."""
    with pytest.raises(ViewError) as error:
        select(dataset, **kwargs)
    assert worded(error.value, COMMAND_LINE).startswith(message)
    assert "--" not in str(error.value) and str(error.value.value) in str(error.value)


def test_an_unknown_export_format_names_the_choices(whole, tmp_path):
    with pytest.raises(ViewError) as error:
        export(whole, tmp_path / "g.xml", "xml")
    assert worded(error.value, COMMAND_LINE) == "--format xml: no such format; known: graphml, gexf"
    assert worded(error.value, HTTP) == "format=xml: no such format; known: graphml, gexf"
    assert not (tmp_path / "g.xml").exists()


def test_focus_by_label_and_class_by_the_legends_name(dataset):
    by_iri = select(dataset, focus="tkr:datong")
    assert set(select(dataset, focus="Datong").nodes) == set(by_iri.nodes) == set(select(dataset, focus="datong").nodes)
    assert set(select(dataset, focus="七台河").nodes) == set(select(dataset, focus="tkr:qitaihe").nodes)
    cities = select(dataset, cls="tkg:City")
    assert set(select(dataset, cls="city").nodes) == set(select(dataset, cls="City").nodes) == set(cities.nodes)
    assert set(select(dataset, cls="industry status").nodes) == set(select(dataset, cls="tkg:IndustryStatus").nodes)


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_export_reads_back_in_gephi_formats(whole, tmp_path, fmt, reader):
    path = tmp_path / f"g.{fmt}"
    export(whole, path, fmt)
    back = reader(path)
    assert back.number_of_nodes() == whole.number_of_nodes() and back.number_of_edges() == whole.number_of_edges()
    assert back.nodes[DATONG]["label"] == "Datong" and back.nodes[DATONG]["kind"] == "city"
    # a reader that keys edges by id (Gephi's) keeps every edge
    import xml.etree.ElementTree as ET

    ids = [e.get("id") for e in ET.parse(path).iter() if e.tag.endswith("}edge") or e.tag == "edge"]
    assert len(ids) == len(set(ids)) == whole.number_of_edges()


def test_page_loads_nothing_from_the_network(whole):
    from html.parser import HTMLParser

    html = render_page(to_pyvis(whole))
    links = []

    class Links(HTMLParser):
        def handle_starttag(self, tag, attrs):
            links.extend(
                (tag, k, v) for k, v in attrs if k in ("src", "href", "srcset", "action", "data") and v[:1] != "#"
            )

    Links().feed(html)
    assert links == []
    # the page's own words, not its deflated data (base64 may spell UNPKG by chance)
    words = re.sub(r'"[A-Za-z0-9+/=]{200,}"', '""', html)
    assert not re.search(r"cdn\.|unpkg|jsdelivr|bootstrap", words, re.I)
    assert "default-src 'none'" in html


@pytest.fixture(scope="module")
def hostile_dataset(project):
    dataset = load(project).dataset
    graph = dataset.graph(TKR["graph-hostile"])
    evil, klass = TKR["evil"], TKG["Evil"]
    dataset.graph(ONTOLOGY_GRAPH).add((klass, RDFS.subClassOf, TKG.Place))
    dataset.graph(ONTOLOGY_GRAPH).add((klass, RDFS.label, Literal(HOSTILE_CLASS, lang="en")))
    graph.add((evil, RDF.type, klass))
    graph.add((evil, RDFS.label, Literal(HOSTILE, lang="en")))
    graph.add((evil, RDFS.label, Literal(HOSTILE_ALT, lang="zh")))
    graph.add((evil, TKG.locatedIn, TKR.datong))
    return dataset


def test_hostile_text_is_escaped_in_the_html(hostile_dataset):
    html = render_page(to_pyvis(select(hostile_dataset)))
    body = html.split("</style>", 2)[-1]
    assert HOSTILE not in html and HOSTILE_ALT not in html and HOSTILE_CLASS not in html
    # the data is one JSON island, its nodes packed (base64 of deflated JSON): no markup in it, and
    # the labels come back whole
    island = re.findall(r'<script type="application/json" id="data">([^<]*)</script>', body)
    assert len(island) == 1 and read_island(html) == json.loads(island[0])
    nodes = read_island(html)["nodes"]
    assert re.fullmatch(r"[A-Za-z0-9+/=]+", nodes)
    assert HOSTILE in {label for node in unpack(nodes) for label in node["labels"]}
    # the class's label is the card's and the tooltip's (the legend names families): packed too
    assert HOSTILE_CLASS in {node["kind"] for node in unpack(nodes)}


def test_large_graphs_get_a_python_layout_and_say_so():
    graph = nx.MultiDiGraph()
    for i in range(LAYOUT_THRESHOLD + 1):
        graph.add_node(f"n{i}", label=f"n{i}", kind="thing", family="", labels=[f"n{i}"], tooltip=[f"n{i}"])
        if i:
            graph.add_edge(f"n{i}", f"n{i // 2}", label="part of", tooltip=["part of"])
    net = to_pyvis(graph)
    assert net.options["physics"]["enabled"] is False
    assert all("x" in n and "y" in n for n in net.nodes)
    assert "the layout was computed in Python and physics is off" in render_page(net)
    small = to_pyvis(graph.subgraph([f"n{i}" for i in range(10)]).copy())
    assert small.options["physics"]["enabled"] is True and "x" not in small.nodes[0]


def test_notebook_network_renders_the_same_offline_page(whole, tmp_path):
    from pyvis.network import Network

    net = to_pyvis(whole)
    assert isinstance(net, Network) and net.generate_html(notebook=True) == render_page(net)
    # inline in a notebook: the page itself, escaped, in an iframe's srcdoc; show() writes the file
    frame = net._repr_html_()
    assert frame.startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;') and "</script>" not in frame
    assert net.show(str(tmp_path / "shown.html"), notebook=False) is None
    assert (tmp_path / "shown.html").read_text(encoding="utf-8") == render_page(net)


# --- the pages' data, scripts and package -------------------------------------------------------


def conforms(value, hint, where: str = "data") -> list[str]:
    """Where ``value`` departs from the type ``hint``: TypedDicts (their keys, required and
    optional), lists, dicts, unions, str, int, float, bool, None and Any."""
    import types
    import typing

    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is typing.Any:
        return []
    if typing.is_typeddict(hint):
        if not isinstance(value, dict):
            return [f"{where}: {value!r} is not an object"]
        hints = typing.get_type_hints(hint)
        wrong = [f"{where}: lacks {key!r}" for key in sorted(hint.__required_keys__ - value.keys())]
        wrong += [f"{where}: has {key!r}, not in {hint.__name__}" for key in sorted(value.keys() - hints.keys())]
        for key in sorted(value.keys() & hints.keys()):
            wrong += conforms(value[key], hints[key], f"{where}.{key}")
        return wrong
    if origin in (typing.Union, types.UnionType):
        return [] if any(not conforms(value, a, where) for a in args) else [f"{where}: {value!r} is not {hint}"]
    if origin is list:
        if not isinstance(value, list):
            return [f"{where}: {value!r} is not a list"]
        return [w for i, item in enumerate(value) for w in conforms(item, args[0], f"{where}[{i}]")]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{where}: {value!r} is not an object"]
        return [
            w for k, v in value.items() for w in conforms(k, args[0], where) + conforms(v, args[1], f"{where}[{k!r}]")
        ]
    if hint is type(None):
        return [] if value is None else [f"{where}: {value!r} is not null"]
    number = {int: (int,), float: (int, float)}.get(hint)
    if number:  # JSON has no bool among its numbers
        return (
            [] if isinstance(value, number) and not isinstance(value, bool) else [f"{where}: {value!r} is not {hint}"]
        )
    return [] if isinstance(value, hint) else [f"{where}: {value!r} is not {hint.__name__}"]


def test_the_network_page_carries_its_data_in_the_documented_shape(dataset):
    """The JSON island and what is packed in it have the shape network.py writes down, every
    optional field included (a hub, a node held back, a position from Python, a fact's year)."""
    from transition_kg.see.cards import Card
    from transition_kg.see.network import EdgeItem, NetworkData, NodeItem

    data = read_island(render_page(to_pyvis(select(dataset, focus="tkr:datong", depth=1), threshold=0)))
    assert conforms(data, NetworkData) == []
    nodes, edges = unpack(data["nodes"]), unpack(data["edges"])
    cards = {iri: card for pack in data["cards"] for iri, card in unpack(pack).items()}
    assert conforms(nodes, list[NodeItem]) == [] and conforms(edges, list[EdgeItem]) == []
    assert conforms(cards, dict[str, Card]) == []
    assert {"hub", "reserve", "x", "y"} <= {key for node in nodes for key in node}
    assert any("year" in card for card in cards.values())
    for part in ("numbers", "quotes", "facts", "relations", "mentions", "ev"):
        assert any(card[part] for card in cards.values()), part
    assert data["options"]["physics"]["enabled"] is False and len(cards) == len(nodes)


def test_the_workbench_carries_its_data_in_the_documented_shape(project):
    from transition_kg.ask.serve import query_page
    from transition_kg.see.workbench import WorkbenchData

    data = read_island(query_page(project).decode("utf-8"))
    assert conforms(data, WorkbenchData) == []
    assert any(example["params"] for example in data["examples"]) and "tkg:City" in data["terms"]


def test_the_page_scripts_parse():
    """Every script of the pages is valid JavaScript (node --check), so a syntax error fails here
    and not only in a browser."""
    import shutil
    import subprocess
    from importlib.resources import files

    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the pages' scripts are not syntax-checked")
    scripts = sorted(p for p in files("transition_kg.see").joinpath("templates").iterdir() if p.name.endswith(".js"))
    assert {p.name for p in scripts} >= {"dom.js", "network.js", "workbench.js"}
    for script in scripts:
        checked = subprocess.run([node, "--check", str(script)], capture_output=True, text=True)
        assert checked.returncode == 0, f"{script.name}: {checked.stderr}"


def test_the_wheel_carries_the_pages(wheel_env):
    """The templates, scripts and styles are package data: the installed wheel writes the pages."""
    import subprocess

    exe, work, env = wheel_env
    if not exe.exists():  # pip took the source tree on PYTHONPATH for the package: test_install says so
        pytest.skip("the wheel was not installed (PYTHONPATH names a source tree)")
    env = {k: v for k, v in env.items() if k != "PYTHONPATH"}  # the wheel's copy, not a source tree's
    for command in (["view", "-o", "page.html", "--focus", "tkr:datong"], ["docs", "-o", "site"]):
        done = subprocess.run([str(exe), *command], cwd=work, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    page = (work / "page.html").read_text(encoding="utf-8")
    assert "new vis.Network(" in page and "function el(" in page and read_island(page)["cardPack"] > 0
    assert '<dd class="instances">' in (work / "site" / "index.html").read_text(encoding="utf-8")


def test_cli_view_and_export(project, tmp_path, capsys):
    page = tmp_path / "datong.html"
    assert cli(["--project", str(project.root), "view", "-o", str(page), "--focus", "tkr:datong", "--depth", "1"]) == 0
    focus = select(load(project).dataset_with_inferred, focus="tkr:datong", depth=1)
    assert (
        capsys.readouterr().out == f"wrote {page} ({focus.number_of_nodes()} nodes, {focus.number_of_edges()} edges)\n"
    )
    query = tmp_path / "q.rq"
    query.write_text(
        "PREFIX tkg: <https://w3id.org/transition-kg/ontology#>\n"
        "CONSTRUCT { ?a tkg:locatedIn ?b } WHERE { GRAPH ?g { ?a tkg:locatedIn ?b } "
        "FILTER(?g != <https://w3id.org/transition-kg/id/graph-inferred>) }\n"
    )
    assert cli(["--project", str(project.root), "view", "-o", str(tmp_path / "q.html"), "--query", str(query)]) == 0
    assert re.fullmatch(
        rf"wrote {re.escape(str(tmp_path / 'q.html'))} \((\d+) nodes, (\d+) edges\)\n", capsys.readouterr().out
    )
    assert cli(["--project", str(project.root), "export", "-o", str(tmp_path / "g.gexf"), "--format", "gexf"]) == 0
    whole = select(load(project).dataset_with_inferred)
    assert (
        capsys.readouterr().out
        == f"wrote {tmp_path / 'g.gexf'} ({whole.number_of_nodes()} nodes, {whole.number_of_edges()} edges)\n"
    )


# --- in a real browser ------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip("Debian's chromium is not installed (apt-get install chromium; .ci/run does it)")
    playwright_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')"
    )
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def until(page, expression: str, arg=None, timeout: float = 60.0) -> None:
    """Wait until ``expression`` (a JS function of ``arg``) is true, asking the page every 50 ms.
    (Playwright's own wait compiles its predicate with eval when it must poll, which the page's
    Content-Security-Policy forbids.)"""
    import time

    end = time.monotonic() + timeout
    while not page.evaluate(expression, arg):
        if time.monotonic() > end:
            raise TimeoutError(f"still false after {timeout} s: {expression}")
        page.wait_for_timeout(50)


class Visit:
    """A page opened with the network cut, recording requests, errors and dialogs."""

    def __init__(self, browser, path: Path, fragment: str = ""):
        self.requests, self.errors, self.dialogs = [], [], []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.route("**/*", self._route)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.as_uri() + (f"#{fragment}" if fragment else ""))
        until(self.page, "() => !!(window.tkg && window.tkg.ready)")

    def _route(self, route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            self.requests.append(route.request.url)
            route.abort()

    def counts(self) -> list[int]:
        return self.page.evaluate("[tkg.nodes.length, tkg.edges.length]")

    def hover(self, node_id: str) -> str:
        """Move the mouse onto a node, as a person would, and read the tooltip it opens."""
        page = self.page
        until(page, "() => tkg.network.physics.options.enabled === false")
        label = page.evaluate("id => tkg.nodes.get(id).name", node_id)
        x, y = page.evaluate(
            """id => { const p = tkg.network.getPositions([id])[id];
            tkg.network.moveTo({position: p, scale: 1.5, animation: false});
            const d = tkg.network.canvasToDOM(p); const r = document.getElementById('graph').getBoundingClientRect();
            return [d.x + r.left, d.y + r.top]; }""",
            node_id,
        )
        for dx, dy in ((0, 0), (2, 2), (-2, 1), (1, -2), (0, 3)):
            page.mouse.move(10, 10)
            page.mouse.move(x + dx - 4, y + dy - 4)
            page.mouse.move(x + dx, y + dy)
            try:
                until(
                    page,
                    "t => { const el = document.querySelector('div.vis-tooltip');"
                    " return !!el && el.style.visibility !== 'hidden' && el.innerText.split('\\n')[0] === t; }",
                    label,
                    timeout=3,
                )
            except TimeoutError:  # not under the mouse yet: try the next point
                continue
            return page.inner_text("div.vis-tooltip")
        raise AssertionError(f"no tooltip for {node_id} under the mouse")


def test_whole_graph_page_in_chromium(browser, whole, tmp_path):
    path = tmp_path / "whole.html"
    write_page(to_pyvis(whole), path)
    visit = Visit(browser, path)
    assert visit.counts() == [whole.number_of_nodes(), whole.number_of_edges()]
    tip = visit.hover(DATONG)
    assert tip.splitlines()[:2] == ["Datong", "type: city"]
    assert f"located in: Shanxi — {ARTICLE_B}" in tip
    visit.page.fill("#search", "Datong")
    buttons = visit.page.locator("#results button").all_inner_texts()
    holding = [d for _, d in whole.nodes(data=True) if any("datong" in label.lower() for label in d["labels"])]
    assert buttons[0] == "Datong · Datong City (city)" and len(buttons) == min(20, len(holding))
    # ranked: the exact label first, entities before facts
    facts = [
        i for i, b in enumerate(buttons) if b.endswith(("(quote)", "(claim)", "(observation)", "(event)", "(role)"))
    ]
    assert facts and facts == list(range(len(buttons) - len(facts), len(buttons)))
    visit.page.press("#search", "Escape")
    assert visit.page.input_value("#search") == "" and visit.page.locator("#results button").count() == 0
    visit.page.fill("#search", "Datong")
    visit.page.click("#results button >> nth=0")
    assert visit.page.evaluate("tkg.network.getSelectedNodes()") == [DATONG]
    assert visit.page.inner_text("#details").startswith("Datong\ncity · also Datong City\nNUMBERS")
    visit.page.fill("#search", "七台河")
    assert visit.page.locator("#results button").all_inner_texts() == ["Qitaihe · 七台河 (city)"]
    visit.page.uncheck("#legend input[data-group='facts']")
    hidden = visit.page.evaluate("tkg.nodes.get({filter: n => n.hidden}).length")
    assert hidden == sum(1 for _, d in whole.nodes(data=True) if group(d) == "facts")
    assert visit.requests == [] and visit.errors == [] and visit.dialogs == []


def test_focus_page_shows_sources_in_tooltips(browser, dataset, tmp_path):
    focus = select(dataset, focus="tkr:datong", depth=1)
    path = tmp_path / "focus.html"
    write_page(to_pyvis(focus), path)
    visit = Visit(browser, path)
    reserve = focus.graph["reserve"]  # the page holds the next ring too, drawn only when expanded
    assert visit.page.evaluate("() => [tkg.held.nodes, tkg.held.edges]") == [
        reserve.number_of_nodes(),
        reserve.number_of_edges(),
    ]
    assert visit.counts() == [focus.number_of_nodes(), focus.number_of_edges()]
    tip = visit.hover(str(TKR["obs-datong-good-air-days-2001"]))
    assert f"evidence: “a mere 49 days of good air in 2001” — {ARTICLE_B}, characters 2336–2370" in tip
    assert visit.requests == [] and visit.errors == []


def test_hostile_labels_show_as_text_and_never_run(browser, hostile_dataset, tmp_path):
    path = tmp_path / "hostile.html"
    write_page(to_pyvis(select(hostile_dataset, focus="tkr:evil", depth=1)), path)
    visit = Visit(browser, path)
    page = visit.page
    tip = visit.hover(str(TKR.evil))
    assert tip.splitlines()[:3] == [HOSTILE, f"type: {HOSTILE_CLASS}", f"also: {HOSTILE_ALT}"]
    page.fill("#search", "onerror")
    assert page.locator("#results button").all_inner_texts() == [f"{HOSTILE_ALT} · {HOSTILE} ({HOSTILE_CLASS})"]
    page.click("#results button >> nth=0")
    assert page.inner_text("#details").splitlines()[:2] == [HOSTILE, f"{HOSTILE_CLASS} · also {HOSTILE_ALT}"]
    page.mouse.move(10, 10)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None
    assert page.locator("img, svg, b").count() == 0
    assert visit.dialogs == [] and visit.requests == [] and visit.errors == []


def test_a_node_far_from_the_view_is_brought_in_with_its_neighbours(browser, dataset, tmp_path):
    focus = select(dataset, focus="tkr:datong", depth=0)
    path = tmp_path / "alone.html"
    write_page(to_pyvis(focus), path)
    visit = Visit(browser, path)
    page = visit.page
    qitaihe = str(TKR.qitaihe)
    whole = focus.graph["reserve"]
    around = set(whole.predecessors(qitaihe)) | set(whole.successors(qitaihe))
    assert page.evaluate("() => tkg.nodes.getIds()") == [DATONG] and DATONG not in around
    page.fill("#search", "Qitaihe")
    page.press("#search", "Enter")
    assert page.evaluate("() => tkg.network.getSelectedNodes()") == [qitaihe]
    assert (
        set(page.evaluate("() => tkg.nodes.get({filter: n => !n.hidden}).map(n => n.id)")) == {DATONG, qitaihe} | around
    )
    assert page.inner_text("#details").startswith("Qitaihe") and visit.errors == []


def test_the_page_works_inline_in_a_notebook(browser, dataset, tmp_path):
    """Jupyter shows the page in an iframe's srcdoc, which has no address: the card still opens."""
    path = tmp_path / "notebook.html"
    path.write_text(
        f"<!DOCTYPE html><title>notebook</title>{to_pyvis(select(dataset, focus='tkr:datong'))._repr_html_()}",
        encoding="utf-8",
    )
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    frame = page.wait_for_selector("iframe").content_frame()
    until(frame, "() => !!(window.tkg && window.tkg.ready)")
    assert frame.evaluate(f"() => tkg.show('{DATONG}')") is True
    assert frame.inner_text("#details").startswith("Datong\ncity")
    assert errors == []


def test_a_large_page_draws_the_entities_and_brings_their_facts_on_demand(browser, whole, tmp_path):
    """Past the fold the page draws the entities only; a card's button, a search or a link
    brings an entity's facts into the drawing."""
    path = tmp_path / "folded.html"
    write_page(to_pyvis(whole, fold=100), path)
    visit = Visit(browser, path)
    page = visit.page
    entities = {n for n, d in whole.nodes(data=True) if not d.get("fact")}
    facts = set(whole) - entities
    assert page.evaluate("() => [tkg.held.nodes, tkg.held.edges]") == [whole.number_of_nodes(), whole.number_of_edges()]
    assert set(page.evaluate("() => tkg.nodes.getIds()")) == entities
    assert f"The {len(facts):,} facts are folded into their entities" in page.inner_text("#notice")
    page.evaluate(f"() => tkg.show('{DATONG}')")
    own = (set(whole.predecessors(DATONG)) | set(whole.successors(DATONG))) & facts
    assert page.inner_text("#expand") == f"Show its {len(own)} other neighbours"
    page.click("#expand")
    drawn = set(page.evaluate("() => tkg.nodes.get({filter: n => !n.hidden}).map(n => n.id)"))
    assert drawn == entities | own
    # every edge between drawn nodes is drawn, and only those
    edges = {(a, b) for a, b in whole.edges() if a in drawn and b in drawn}
    assert set(map(tuple, page.evaluate("() => tkg.edges.get().map(e => [e.from, e.to])"))) == edges
    # a searched fact comes in with its entity; the link brings it back
    fact = str(TKR["obs-qitaihe-population"])
    assert fact in facts - own and not page.evaluate(f"() => tkg.nodes.get('{fact}')")
    page.evaluate(f"() => tkg.show('{fact}')")
    assert page.evaluate("() => tkg.network.getSelectedNodes()") == [fact]
    link = page.evaluate("() => location.href")
    again = Visit(browser, path, link.split("#", 1)[1]).page
    assert again.evaluate("() => tkg.network.getSelectedNodes()") == [fact]
    assert visit.errors == [] and visit.requests == []


def test_large_page_opens_with_physics_off(browser, tmp_path):
    from benchmarks.view import synthetic

    graph = synthetic(3000)
    path = tmp_path / "large.html"
    write_page(to_pyvis(graph), path)
    visit = Visit(browser, path)
    assert visit.counts() == [graph.number_of_nodes(), graph.number_of_edges()]
    assert "physics is off" in visit.page.inner_text("#notice")
    assert visit.page.evaluate("tkg.network.physics.options.enabled") is False
    assert visit.requests == [] and visit.errors == []


def test_a_relation_edge_shows_its_words_and_whether_they_state_it(whole):
    stated = whole.edges[DATONG, str(TKR.shanxi), str(TKG.locatedIn)]["tooltip"]
    assert f"evidence: “Datong City in north China's Shanxi Province” — {ARTICLE_B}, characters 266–310" in stated
    read = whole.edges[str(TKR["yungang-grottoes"]), DATONG, str(TKG.locatedIn)]["tooltip"]
    assert any(
        line.startswith("evidence: “One of the most popular destinations") and line.endswith("(read from the context)")
        for line in read
    )


# --- the page people use: a start view, the entity card, time, links, phone, theme --------------


def contrast(colour: str) -> float:
    def channel(c: int) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def seen_as(colour: str, deficiency: str | None) -> tuple[float, float, float]:
    """CIELAB of a colour as seen with a full deutan, protan or tritan deficiency (Machado et
    al. 2009 matrices on linear RGB), or with usual vision."""
    machado = {
        "deutan": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
        "protan": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
        "tritan": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
    }
    lin = [
        (c / 255) / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4
        for c in (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    ]
    if deficiency:
        m = machado[deficiency]
        lin = [min(1, max(0, sum(m[i][j] * lin[j] for j in range(3)))) for i in range(3)]
    r, g, b = lin
    x, y, z = (
        (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
    )
    f = lambda t: t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116
    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def test_one_theme_twelve_hues_readable_and_apart_for_colour_blind_readers(dataset):
    import itertools
    import math

    from transition_kg.see.view import OTHER, THEME, styles

    looks = {(colour, shape) for _, colour, shape, _ in THEME} | {OTHER[:2]}
    hues = {colour for colour, _ in looks}
    assert len(hues) <= 12
    assert all(contrast(c) >= 3 for c in hues), {c: round(contrast(c), 2) for c in hues}
    for (a, shape_a), (b, shape_b) in itertools.combinations(sorted(looks), 2):
        if a != b and shape_a == shape_b:  # the same shape: the colours alone must tell them apart
            gap = min(math.dist(seen_as(a, d), seen_as(b, d)) for d in (None, "deutan", "protan", "tritan"))
            assert gap >= 12, (a, b, shape_a, round(gap, 1))
    # a class has the same colour and shape on every page
    whole, focus = styles(select(dataset)), styles(select(dataset, focus="tkr:qitaihe", depth=1))
    assert all(whole[kind] == style for kind, style in focus.items() if kind in whole) and "province" in focus


def test_start_view_names_what_it_shows_and_folds_orphans(dataset, whole):
    start = select(dataset)
    orphans = [n for n in whole if whole.degree(n) == 0]
    assert orphans and set(start) == set(whole) - set(orphans) and start.graph["folded"] == len(orphans)
    from transition_kg.see.view import summary

    line = summary(start)
    places = sum(1 for _, d in start.nodes(data=True) if d["family"] == str(TKG.Place))
    assert line.startswith(f"{places} places, ") and line.endswith(
        f"; {len(orphans)} nodes nothing links to folded away."
    )


@pytest.fixture(scope="module")
def start_page(project, dataset, tmp_path_factory):
    """The start page, its cards' passages read from the corpus (where it is)."""
    from transition_kg.core.paths import corpus_dir

    path = tmp_path_factory.mktemp("start") / "start.html"
    write_page(to_pyvis(select(dataset), "Coal cities in transition", corpus=corpus_dir(project)), path)
    return path


def test_the_start_view_is_titled_and_its_hubs_are_labelled(browser, start_page):
    visit = Visit(browser, start_page)
    page = visit.page
    until(page, "() => tkg.network.physics.options.enabled === false")
    assert page.inner_text("h1") == "Coal cities in transition"
    assert "nothing links to folded away" in page.inner_text("#summary")
    # at the fitted view the hubs' labels are drawn, a leaf's is not, and no label covers another
    labels = page.evaluate("() => tkg.labels()")
    assert {"Datong", "Qitaihe", "China"} <= {label["text"] for label in labels} and 5 <= len(labels) <= 40
    assert_apart(labels, page)
    # the same picture every time
    again = Visit(browser, start_page).page
    until(again, "() => tkg.network.physics.options.enabled === false")
    first = page.evaluate(f"() => tkg.network.getPositions(['{DATONG}'])")
    assert again.evaluate(f"() => tkg.network.getPositions(['{DATONG}'])") == first
    assert visit.errors == [] and visit.requests == []


def assert_apart(labels: list[dict], page) -> None:
    """No two drawn labels overlap, and each lies wholly on the graph's canvas."""
    width = page.evaluate("() => document.querySelector('#graph canvas').getBoundingClientRect().width")
    boxes = [label["box"] for label in labels]
    for i, a in enumerate(boxes):
        assert a[0] >= -1 and a[2] <= width + 1, labels[i]
        for b in boxes[i + 1 :]:
            assert a[2] <= b[0] + 1 or b[2] <= a[0] + 1 or a[3] <= b[1] + 1 or b[3] <= a[1] + 1, (a, b)


def test_labels_follow_the_zoom_and_the_selection_without_collisions(browser, start_page):
    page = Visit(browser, start_page).page
    until(page, "() => tkg.network.physics.options.enabled === false")
    fitted = {label["id"] for label in page.evaluate("() => tkg.labels()")}
    # the selected node and its neighbours are labelled first; zoomed in, smaller nodes get theirs
    page.evaluate(f"() => tkg.show('{DATONG}')")
    until(page, f"() => tkg.labels().length > 0 && tkg.labels()[0].id === '{DATONG}'")
    page.evaluate(
        f"() => tkg.network.moveTo({{position: tkg.network.getPositions(['{DATONG}'])['{DATONG}'], scale: 2.5, "
        "animation: false})"
    )
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    close = page.evaluate("() => tkg.labels()")
    assert close[0]["text"] == "Datong" and {label["id"] for label in close} - fitted
    assert_apart(close, page)
    # and none over the selected node itself
    x, y, r = page.evaluate(f"""() => {{ const v = tkg.network.body.nodes['{DATONG}'];
        const p = tkg.network.canvasToDOM({{x: v.x, y: v.y}});
        return [p.x, p.y, v.options.size * tkg.network.getScale()]; }}""")
    assert not [
        label
        for label in close[1:]
        if label["box"][0] < x + r - 1
        and x - r + 1 < label["box"][2]
        and label["box"][1] < y + r - 1
        and y - r + 1 < label["box"][3]
    ]


def test_the_card_shows_every_number_and_quote_with_its_words(browser, start_page):
    visit = Visit(browser, start_page)
    page = visit.page
    assert page.evaluate(f"() => tkg.show('{DATONG}')") is True
    card = page.inner_text("#details")
    assert card.startswith("Datong\ncity · also Datong City")
    for words in (
        "49 days (2001)",
        "314 days (2024)",
        "15 billion yuan (2022)",
        "more than 61 billion yuan (2024)",
        "From " + ARTICLE_B + " (2025)",  # the article named once, above its numbers
        "last year there were 314 days classed as having good air quality",
        "WHO SAID WHAT",  # quotes and reported speech, each said which
        "Yan said this key approach is not about protecting heritage",
        "Yan Hongbin, head (reported speech, in the article's words)",
    ):
        assert words in card, words
    # each quote once: its words are not repeated as its evidence; numbers by indicator, fractions in words
    assert (
        card.count("We never expected the orders to come in faster") == 1 and card.count(ARTICLE_B) == 5
    )  # once a section
    assert "one eighth, 12.5% (as of 2025)" in card and "0.125" not in card
    assert card.index("Changes and multiples") < card.index("more than 4 times (2024)")
    assert card.index("49 days (2001)") < card.index("314 days (2024)") < card.index("15 billion yuan (2022)")
    # the two series drawn as what they are
    labels = page.eval_on_selector_all("#details svg.chart", "els => els.map(e => e.getAttribute('aria-label'))")
    assert "series: 2001: 49 days (2001); 2024: 314 days (2024)" in labels
    # a neighbour in the card opens its own card
    page.click("#details button.link:text-is('Shanxi')")
    assert page.inner_text("#details").startswith("Shanxi\nprovince")
    assert visit.errors == []


def test_the_year_hides_what_was_reported_later_and_keeps_the_undated(browser, start_page):
    visit = Visit(browser, start_page)
    page = visit.page
    page.evaluate(f"() => {{ tkg.show('{DATONG}'); tkg.year(2010); }}")
    later = page.evaluate(
        "() => tkg.nodes.get({filter: n => Number.isInteger(n.year) && n.year > 2010}).map(n => n.hidden)"
    )
    undated = page.evaluate(
        "() => tkg.nodes.get({filter: n => n.fact && !Number.isInteger(n.year)}).map(n => n.hidden)"
    )
    assert later and all(later) and undated and not any(undated)
    assert page.input_value("#year") == "2010" and page.inner_text("#year-value") == "2010"
    # the card's charts mark the points after 2010 (hollow, and said so); the later rows are faded
    labels = page.eval_on_selector_all("#details svg.chart", "els => els.map(e => e.getAttribute('aria-label'))")
    assert "series: 2001: 49 days (2001); 2024: 314 days (2024) (after the years shown)" in labels
    assert page.locator("#details svg.chart .point.faded").count() >= 3
    assert "facts about years up to 2010" in page.inner_text("#details .filters")
    assert page.locator("#details tr.later[data-year='2024']").count() >= 2
    page.evaluate("() => tkg.year(null)")
    assert page.evaluate("() => tkg.nodes.get({filter: n => n.hidden}).length") == 0


def test_a_link_restores_the_view(browser, start_page):
    page = Visit(browser, start_page).page
    page.evaluate(f"() => {{ tkg.show('{DATONG}'); tkg.year(2020); }}")
    page.uncheck("#legend input[data-group='facts']")
    link = page.evaluate("() => location.href")
    assert (
        "node=https%3A%2F%2Fw3id.org%2Ftransition-kg%2Fid%2Fdatong" in link
        and "year=2020" in link
        and "hide=facts" in link
    )
    other = browser.new_page(viewport={"width": 1400, "height": 900})
    other.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://") else route.abort())
    other.goto(link)
    until(other, "() => !!(window.tkg && window.tkg.ready)")
    assert other.evaluate("() => tkg.network.getSelectedNodes()") == [DATONG]
    assert other.inner_text("#details").startswith("Datong")
    assert other.input_value("#year") == "2020"
    assert other.evaluate("() => tkg.nodes.get({filter: n => n.kind === 'quote'}).every(n => n.hidden)")
    assert not other.is_checked("#legend input[data-group='facts']")


def test_on_a_phone_the_graph_keeps_more_than_half_the_screen(browser, start_page):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(start_page.as_uri())
    until(page, "() => !!(window.tkg && window.tkg.ready)")
    box = page.evaluate(
        "() => { const r = document.getElementById('graph').getBoundingClientRect(); return [r.width, r.height]; }"
    )
    assert box[0] == 390 and box[1] >= 844 / 2
    # the fitted view names its hubs on a phone too, none over another
    until(page, "() => tkg.network.physics.options.enabled === false")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    labels = page.evaluate("() => tkg.labels()")
    assert sum(1 for label in labels if label.get("article")) == 3
    assert_apart(labels, page)
    # each story's own place and the bridge between them named, each beside its node: its box no
    # further from the node's circle than half a line (the fact dots around it yield their room)
    gaps = page.evaluate(
        """() => Object.fromEntries(tkg.labels().filter(l => !l.article).map(l => {
             const v = tkg.network.body.nodes[l.id], p = tkg.network.canvasToDOM({x: v.x, y: v.y}), b = l.box;
             const dx = Math.max(b[0] - p.x, 0, p.x - b[2]), dy = Math.max(b[1] - p.y, 0, p.y - b[3]);
             return [l.text, Math.hypot(dx, dy) - v.options.size * tkg.network.getScale()]; }))"""
    )
    assert {"Qitaihe", "Datong", "China"} <= set(gaps), gaps
    assert all(gaps[name] <= 8 for name in ("Qitaihe", "Datong", "China")), gaps
    # the panel is below it, scrolls, and the card is reached by search and keyboard alone
    page.focus("#search")
    page.keyboard.type("Qitaihe")
    page.keyboard.press("Enter")
    assert page.inner_text("#details").startswith("Qitaihe")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('#results, #details, #controls') !== null")


def test_on_a_phone_a_card_opens_in_sight_with_its_heading_focused(browser, start_page):
    """On a phone the card is under the graph: opened from the page's API, a tap on a node or
    after the panel was scrolled away, its heading comes into the panel's view and takes the focus."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(start_page.as_uri())
    until(page, "() => !!(window.tkg && window.tkg.ready) && tkg.network.physics.options.enabled === false")
    in_sight = """() => { const h = document.querySelector('#details h2'), r = h.getBoundingClientRect();
        const side = document.getElementById('side').getBoundingClientRect();
        return [document.activeElement === h, r.top >= side.top && r.bottom <= Math.min(side.bottom, innerHeight),
                h.textContent]; }"""
    page.evaluate(f"tkg.show('{DATONG}')")
    assert page.evaluate(in_sight) == [True, True, "Datong"]
    # the panel scrolled to its end (the legend), then a tap on a node: its card in sight, focused
    page.evaluate("() => { const side = document.getElementById('side'); side.scrollTop = side.scrollHeight; }")
    x, y = page.evaluate(
        """id => { const p = tkg.network.getPositions([id])[id];
        tkg.network.moveTo({position: p, scale: 1.5, animation: false}); const d = tkg.network.canvasToDOM(p);
        const r = document.getElementById('graph').getBoundingClientRect(); return [d.x + r.left, d.y + r.top]; }""",
        "https://w3id.org/transition-kg/id/qitaihe",
    )
    page.mouse.click(x, y)
    assert page.evaluate(in_sight) == [True, True, "Qitaihe"]
    page.close()


def axe_violations(page, axe_source: str) -> list[tuple[str, str, int]]:
    """axe-core's serious and critical violations on the page as it is (injected past the CSP,
    as a browser extension would be)."""
    page.add_script_tag(content=axe_source)
    found = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => [v.id, v.impact, v.nodes.length])"
    )
    return [tuple(v) for v in found if v[1] in ("serious", "critical")]


@pytest.mark.parametrize("viewport", [{"width": 1440, "height": 900}, {"width": 390, "height": 844}])
def test_the_network_page_has_no_serious_accessibility_violation(browser, start_page, axe_source, viewport, tmp_path):
    page = browser.new_page(viewport=viewport, bypass_csp=True)
    page.goto(start_page.as_uri())
    until(page, "() => !!(window.tkg && window.tkg.ready)")
    page.evaluate(f"() => tkg.show('{DATONG}')")
    page.click("#table summary")
    assert axe_violations(page, axe_source) == []
    page.screenshot(path=str(tmp_path / f"network-{viewport['width']}.png"))  # kept with the test's files


@pytest.fixture(scope="module")
def docs_page(project, tmp_path_factory):
    from transition_kg.see.docs import write_docs

    return write_docs(load(project), tmp_path_factory.mktemp("docs"))


@pytest.mark.parametrize("viewport", [{"width": 1440, "height": 900}, {"width": 390, "height": 844}])
def test_the_docs_page_reads_in_order_and_fits_a_phone(browser, docs_page, axe_source, viewport, tmp_path):
    page = browser.new_page(viewport=viewport, bypass_csp=True)
    page.goto(docs_page.as_uri() + "#tkg-City")  # a link into a folded part opens it
    # definitions in a grid: every value sits beside (or, on a phone, under) its own field
    assert page.evaluate(
        "() => [...document.querySelectorAll('dl')].every(d => getComputedStyle(d).display === 'grid')"
    )
    pairs = page.evaluate("""() => [...document.querySelectorAll('#tkg-City dt')].map(dt => {
        const a = dt.getBoundingClientRect(), b = dt.nextElementSibling.getBoundingClientRect();
        return [dt.textContent, Math.round(a.top), Math.round(b.top), Math.round(a.bottom)]; })""")
    wide = viewport["width"] > 600
    assert all((top == vtop) if wide else (vtop >= bottom) for _, top, vtop, bottom in pairs), pairs
    assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"]
    # a contents list; the project's classes first, candidates of drafts next, imported terms last
    assert page.locator("nav a[href='#tkg-City']").count() == 1
    classes = page.eval_on_selector_all(
        "#classes-part > section", "els => els.map(e => e.querySelector('h3').textContent.split(' ')[0])"
    )
    own = [i for i, n in enumerate(classes) if n.startswith("tkg:") and not n.startswith("tkg:Candidate")]
    candidates = [i for i, n in enumerate(classes) if n.startswith("tkg:Candidate")]
    imported = [i for i, n in enumerate(classes) if not n.startswith("tkg:")]
    assert own and candidates and max(own) < min(candidates) and (not imported or max(candidates) < min(imported))
    # the individuals, and an example from the graph
    individuals = page.inner_text("#individuals + p + table")
    assert "tkr:unit-euro" in individuals and "tkg:Approximately" in individuals
    assert 'rdfs:label "Datong"' in page.inner_text("#tkg-City .example")
    # every property with an example from the graph, or saying why not; the open ends said so
    properties = page.eval_on_selector_all(
        "#properties-part > section", "els => els.map(e => e.querySelector('.example').textContent)"
    )
    assert len(properties) > 40 and all(properties) and "tkg:value 15" in page.text_content("#tkg-value .example")
    assert "leaves it open" in page.text_content("#tkg-year")
    assert page.locator("nav a[href='#tkg-speaker']").count() == 1
    # the Person and Observation examples at their best: quoted, with value, unit and year
    assert "^tkg:speaker" in page.text_content("#tkg-Person .example")
    observation = page.text_content("#tkg-Observation .example")
    assert "tkg:value " in observation and "tkg:unit tkr:unit-" in observation, observation
    # folded parts, with counts; a search box finds terms
    assert re.fullmatch(r"Properties \(\d+\)", page.inner_text("#properties"))
    page.fill("#find", "speaker")
    assert page.evaluate("() => document.getElementById('properties-part').open")
    assert page.locator("#properties-part > section:not([hidden])").count() >= 1
    page.fill("#find", "")
    assert axe_violations(page, axe_source) == []
    page.screenshot(path=str(tmp_path / f"docs-{viewport['width']}.png"), full_page=False)


def test_a_neighbour_s_neighbourhood_is_pulled_into_a_focused_view(browser, dataset, tmp_path):
    """A focused page holds the next ring hidden; the card's button (or tkg.expand) shows the
    selected node's other neighbours, placed around it, and the link keeps them."""
    focus = select(dataset, focus="tkr:qitaihe", depth=1)
    ring = set(focus.graph["reserve"]) - set(focus)
    path = tmp_path / "focus.html"
    write_page(to_pyvis(focus), path)
    page = Visit(browser, path).page
    assert page.evaluate("() => tkg.nodes.get({filter: n => !n.hidden}).length") == focus.number_of_nodes()
    province = str(TKR.heilongjiang)
    page.evaluate(f"() => tkg.show('{province}')")
    around = set(focus.graph["reserve"].predecessors(province)) | set(focus.graph["reserve"].successors(province))
    coming = around & ring
    assert coming and page.inner_text("#expand") == f"Show its {len(coming)} other neighbour{'s' * (len(coming) > 1)}"
    page.click("#expand")
    shown = set(page.evaluate("() => tkg.nodes.get({filter: n => !n.hidden}).map(n => n.id)"))
    assert shown == set(focus) | coming
    assert "expand=" in page.evaluate("() => location.hash") and page.locator("#expand").count() == 0
    # and on, ring after ring: a node just brought in brings its own neighbours
    whole = focus.graph["reserve"]
    beyond = {n: (set(whole.predecessors(n)) | set(whole.successors(n))) - shown for n in sorted(coming)}
    step = next(n for n, more in beyond.items() if more)
    assert page.evaluate(f"() => tkg.expand('{step}')") == len(
        set(whole.predecessors(step)) | set(whole.successors(step))
    )
    assert set(page.evaluate("() => tkg.nodes.get({filter: n => !n.hidden}).map(n => n.id)")) == shown | beyond[step]


def test_the_legend_names_families_and_each_story_can_be_told_alone(browser, start_page, dataset):
    visit = Visit(browser, start_page)
    page = visit.page
    legend = page.evaluate("() => tkg.legend()")
    families = {e["name"]: e["count"] for e in legend if e["kind"] == "family"}
    assert len(legend) <= 12 and {"places", "organisations", "people", "facts"} <= set(families)
    assert len([e for e in legend if e["kind"] == "article"]) == 3
    # the overview names each story, amid its most connected entities, no label over another
    until(page, "() => tkg.network.physics.options.enabled === false")
    labels = page.evaluate("() => tkg.labels()")
    assert len([label for label in labels if label.get("article")]) == 3
    assert {"Datong", "Qitaihe", "China", "new quality productive forces"} <= {label["text"] for label in labels}
    assert_apart(labels, page)
    # one article's story alone: the picker and tkg.article give the same view, named while it is on
    iri = str(TKR["article-qitaihe-coal-city"])
    assert page.evaluate(f"() => tkg.article('{iri}')") == iri
    story = set(select(dataset, article="article-qitaihe-coal-city"))
    shown = set(page.evaluate("() => tkg.nodes.get({filter: n => !n.hidden}).map(n => n.id)"))
    assert str(TKR.qitaihe) in shown and shown <= story and DATONG not in shown
    assert page.input_value("#article") == iri and "the story of" in page.inner_text("#filters")
    assert "article=article-qitaihe-coal-city" in page.evaluate("() => location.href")
    assert sum(e["count"] for e in page.evaluate("() => tkg.legend()") if e["kind"] == "family") == len(shown)
    assert page.evaluate("() => tkg.article(null)") is None and page.inner_text("#filters") == ""
    page.select_option("#article", iri)
    assert set(page.evaluate("() => tkg.nodes.get({filter: n => !n.hidden}).map(n => n.id)")) == shown
    page.select_option("#article", "")
    # the articles' time: published up to 2023 leaves the Qitaihe article's story, named on the card
    assert page.evaluate("() => tkg.published(2023)") == 2023
    assert set(page.evaluate("() => tkg.nodes.get({filter: n => !n.hidden}).map(n => n.id)")) == shown
    page.evaluate(f"() => tkg.show('{TKR.qitaihe!s}')")
    assert "articles published up to 2023" in page.inner_text("#details .filters")
    assert page.inner_text("#published-value") == "2023" and "published=2023" in page.evaluate("() => location.href")
    assert page.evaluate("() => tkg.published(null)") is None
    assert visit.errors == []


def test_getting_around_by_buttons_and_keys(browser, start_page):
    visit = Visit(browser, start_page)
    page = visit.page
    until(page, "() => tkg.network.physics.options.enabled === false")
    scale = page.evaluate("() => tkg.network.getScale()")
    page.click("#zoom-in")
    assert page.evaluate("() => tkg.network.getScale()") > scale
    page.click("#fit")
    assert abs(page.evaluate("() => tkg.network.getScale()") - scale) < scale * 0.2
    # the graph takes the focus; arrows move between neighbours, Enter opens the card and the focus
    # moves to it, Escape closes it and the focus goes back to the node
    page.focus("#graph")
    page.keyboard.press("ArrowRight")
    first = page.evaluate("() => tkg.network.getSelectedNodes()")
    assert len(first) == 1
    page.keyboard.press("ArrowDown")
    second = page.evaluate("() => tkg.network.getSelectedNodes()")[0]
    assert second == first[0] or second in page.evaluate(f"() => tkg.network.getConnectedNodes('{first[0]}')")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "details" and page.inner_text("#details h2")
    page.keyboard.press("Escape")
    assert page.evaluate("() => document.activeElement.id") == "graph" and page.inner_text("#details") == ""
    # search results by arrow keys
    page.fill("#search", "Datong")
    page.press("#search", "ArrowDown")
    page.keyboard.press("ArrowDown")
    assert (
        page.evaluate("() => document.activeElement.textContent") == page.locator("#results button").nth(1).inner_text()
    )
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "details"
    page.click("#overview")
    assert page.inner_text("#details") == "" and visit.errors == []


def test_a_focus_page_is_titled_by_its_entity_with_its_card_open(browser, dataset, tmp_path):
    tian = select(dataset, focus="Tian Jilin")
    # a person's page: their quotes and roles, and the organisations and places of those
    assert {str(TKG.Organisation), str(TKG.Quote), str(TKG.Role)} <= {d["family"] for _, d in tian.nodes(data=True)}
    path = tmp_path / "tian.html"
    write_page(to_pyvis(tian, "transition-kg: Tian Jilin"), path)
    visit = Visit(browser, path)
    page = visit.page
    assert page.title() == "Tian Jilin" and page.inner_text("h1") == "Tian Jilin"
    assert page.inner_text("#details").startswith("Tian Jilin\nperson") and "QUOTES" in page.inner_text("#details")
    assert page.inner_text("#summary").startswith("1 organisation, 1 person, ")
    assert visit.errors == []


def test_the_tour_shows_each_story_its_place_and_its_people(browser, start_page):
    visit = Visit(browser, start_page)
    page = visit.page
    page.click("#tour-start")
    assert page.inner_text("#tour-text").startswith("1/") and page.input_value("#article").endswith("qitaihe-coal-city")
    page.click("#tour-next")
    assert "Its place: Qitaihe" in page.inner_text("#tour-text")
    assert page.inner_text("#details").startswith("Qitaihe\ncity")
    for _ in range(3):
        page.click("#tour-next")
    assert page.inner_text("#tour-text").startswith("5/") and page.input_value("#article").endswith("coal-capital")
    page.click("#tour-end")
    assert page.input_value("#article") == "" and page.is_hidden("#tour") and visit.errors == []


def test_a_fact_s_card_names_the_other_facts_of_its_passage(browser, start_page):
    visit = Visit(browser, start_page)
    page = visit.page
    assert page.evaluate(f"() => tkg.show('{TKR['obs-datong-good-air-days-2024']!s}')") is True
    card = page.inner_text("#details")
    assert card.startswith("days of good air quality: 314 days (2024)\nobservation · 2024\n")
    assert card.count("last year there were 314 days") == 1 and "NUMBERS" not in card
    assert "SAID IN THE SAME PASSAGE" in card and "days of good air quality: 49 days (2001)" in card
    assert "observed entity Datong" in card and visit.errors == []


# --- evidence as its passage, labels apart at every zoom, a story opened from the command line ---

GOOD_AIR = "last year there were 314 days classed as having good air quality"


def marked(page, amount: str) -> list[dict]:
    """The evidence lines of a number's row in the open card: the line's text and its <mark>s."""
    return page.evaluate(
        """id => [...document.querySelectorAll('#details tr')].filter(tr => tr.querySelector('button.link') &&
             tr.textContent.includes(id)).flatMap(tr => [...tr.querySelectorAll('.ev > div')]).map(d =>
             ({text: d.textContent, marks: [...d.querySelectorAll('mark')].map(m => m.textContent)}))""",
        amount,
    )


def test_the_card_shows_evidence_as_its_passage_with_the_words_marked(browser, start_page, corpus, loaded):
    from transition_kg.core.texts import read_articles

    visit = Visit(browser, start_page)
    page = visit.page
    page.evaluate(f"() => tkg.show('{DATONG}')")
    # the words in their sentence, shown once for the two numbers it gives, each one's words marked
    assert marked(page, "49 days (2001)") == []
    lines = marked(page, "314 days (2024)")
    assert [line["marks"] for line in lines] == [["a mere 49 days of good air in 2001", GOOD_AIR]]
    # what the article says just before them, as the corpus holds it
    text = read_articles(loaded, corpus)[0][str(TKR["article-datong-coal-capital"])].text
    before = lines[0]["text"].split(GOOD_AIR)[0].lstrip("“")
    assert "a mere 49 days of good air in 2001" in before and text[2372 - len(before) : 2372] == before
    assert text[2372:2436] == GOOD_AIR and lines[0]["text"].endswith(GOOD_AIR + ".”")
    # every evidence line of the card holds its words marked in their passage (a quote's in its blockquote)
    lines = page.evaluate(
        "() => [...document.querySelectorAll('#details .ev > div, #details blockquote > div:first-child')]"
        ".map(d => [d.textContent, d.querySelectorAll('mark').length])"
    )
    assert len(lines) > 20 and [line for line in lines if line[1] < 1 and line[0].startswith("“")] == []
    assert "words alone" not in page.inner_text("#notice") and visit.errors == []


PASSAGES = """() => [...document.querySelectorAll('#details .ev > div, #details blockquote > div:first-child')]
  .map(d => ({text: d.textContent, marks: [...d.querySelectorAll('mark')].map(m => m.textContent),
              cut: d.querySelectorAll('button.more-text').length}))"""


def repeated(texts: list[str], run: int = 40) -> list[str]:
    """The runs of ``run`` characters that two of the texts share."""
    seen: dict[str, int] = {}
    found = []
    for i, text in enumerate(texts):
        for k in range(len(text) - run + 1):
            if seen.setdefault(text[k : k + run], i) != i:
                found.append(text[k : k + run])
    return found


def test_the_card_shows_each_passage_once_and_no_taller_than_before(browser, start_page, corpus):
    visit = Visit(browser, start_page)
    page = visit.page
    page.evaluate(f"() => tkg.show('{DATONG}')")
    # Datong's card was 2,474 px tall before the passages (3,323 with them written out whole): cut to
    # their words' context it stays about as tall as before (a margin for another machine's fonts)
    assert page.evaluate("() => document.getElementById('details').scrollHeight") <= 2474 * 1.05
    # no sentence twice: the tourism sentence (four numbers of three groups) is written out once, a
    # later place names it as above, with its own words marked
    passages = page.evaluate(PASSAGES)
    written = [p["text"] for p in passages if not p["text"].startswith("(same sentence as above")]
    assert len(written) > 20 and repeated(written) == []
    tourism = [p for p in passages if "15 million visitors" in "".join(p["marks"])]
    assert [p["text"].startswith("(same sentence as above") for p in tourism] == [True]
    assert sum("soaring from" in p["text"] for p in passages) == 1
    # each number's words stay whole and marked; the context around them cut, opened by its ellipsis
    reserves = page.locator("#details tr", has_text="one eighth, 12.5%").locator(".ev > div")
    assert "make up one-eighth of the nation's total" in reserves.locator("mark").inner_text()
    assert not reserves.inner_text().rstrip("”").endswith("economic rise.")
    reserves.locator("button.more-text").click()
    assert reserves.inner_text().endswith("fueling China's economic rise.”")
    assert page.locator("#details button.more-text").count() > 3 and visit.errors == []


def test_without_an_article_s_text_the_card_shows_its_words_and_says_why_once(browser, dataset, tmp_path):
    path = tmp_path / "no-texts.html"
    (tmp_path / "empty").mkdir()
    write_page(to_pyvis(select(dataset), corpus=tmp_path / "empty"), path)
    visit = Visit(browser, path)
    page = visit.page
    page.evaluate(f"() => tkg.show('{DATONG}')")
    assert [line["marks"] for line in marked(page, "314 days (2024)")] == [[]]
    assert f"“{GOOD_AIR}”" in page.inner_text("#details") and page.locator("#details mark").count() == 0
    notice = page.inner_text("#notice")
    assert "words alone" in notice and f"is not in {tmp_path / 'empty'}" in notice
    assert page.inner_text("body").count("words alone") == 1
    # words that open on the article's own quotation mark show that mark alone (not “"steering…")
    page.evaluate(f"() => tkg.show('{TKR['fifteenth-five-year-plan']}')")
    card = page.inner_text("#details")
    assert '"steering the development of new quality productive forces" as key' in card and '“"' not in card
    assert "“a pivotal document outlining priorities for its 15th Five-Year Plan”" in card


def test_words_that_open_on_a_quotation_mark_are_not_quoted_again():
    """The tooltips' evidence and mentions (:func:`quoted`): the article's own mark alone."""
    assert quoted('"steering" as key objectives') == '"steering" as key objectives'
    assert quoted("“Qitaihe”, it said") == "“Qitaihe”, it said"
    assert quoted("a pivotal document") == "“a pivotal document”"


def test_hostile_text_around_the_words_stays_text(browser, project, corpus, tmp_path):
    """An article whose text holds markup just before the words: the passage shows it as text."""
    from transition_kg.core.texts import read_articles

    loaded = load(project)
    datong_text = read_articles(loaded, corpus)[0][str(TKR["article-datong-coal-capital"])]
    evil = '<img src=x onerror="window.__xss=9">'
    at = datong_text.start + datong_text.text.index("a mere 49 days")  # in the sentence, before the words
    changed = datong_text.file_text[:at] + evil + datong_text.file_text[at + len(evil) :]
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / datong_text.path.name).write_text(changed, encoding="utf-8")
    dataset = loaded.dataset_with_inferred
    for prop in (TKG.sha256, TKG.fileSha256):  # the changed file is not the registered one
        dataset.remove((None, prop, None, None))
    path = tmp_path / "hostile.html"
    write_page(to_pyvis(select(dataset), corpus=tmp_path / "texts"), path)
    visit = Visit(browser, path)
    page = visit.page
    page.evaluate(f"() => tkg.show('{DATONG}')")
    [line] = marked(page, "314 days (2024)")
    assert evil in line["text"] and line["marks"] == [GOOD_AIR]
    assert page.evaluate("() => window.__xss") is None and page.locator("#details img").count() == 0
    assert visit.errors == []


LABELS_AND_DISKS = """() => {
  // the drawn labels, each with the width its text takes in its font (a canvas of the test's own),
  // and every shown node's circle in CSS pixels (its centre and size from the network, times the scale)
  const ctx = document.createElement('canvas').getContext('2d'), scale = tkg.network.getScale();
  const labels = tkg.labels().map(l => { ctx.font = l.font;
    return {...l, width: Math.max(...l.lines.map(line => ctx.measureText(line).width))}; });
  const disks = tkg.nodes.get({filter: n => !n.hidden}).map(n => { const v = tkg.network.body.nodes[n.id];
    const p = tkg.network.canvasToDOM({x: v.x, y: v.y});
    return {id: n.id, x: p.x, y: p.y, r: v.options.size * scale, fact: n.fact}; });
  const canvas = document.querySelector('#graph canvas').getBoundingClientRect();
  return {labels, disks, width: canvas.width, height: canvas.height};
}"""


# px: a fact, an entity drawn smaller has no label of its own at that zoom (network.js's FACT_MIN_RADIUS,
# ENTITY_MIN_RADIUS): its dot yields its room, a fact's to a name, an entity's to a hub's name or a story's title
FACT_DOT, ENTITY_DOT = 7, 3


def assert_clear(found: dict) -> None:
    """No two labels overlap, none covers a node's circle (but its own, and the dots too small to be
    labelled), each whole on the canvas and as wide as its text."""
    labels = found["labels"]
    named = {label["id"] for label in labels}

    def yields(d: dict, label: dict) -> bool:  # a dot this label may cover
        small = d["r"] < (FACT_DOT if d["fact"] else ENTITY_DOT) and d["id"] not in named
        return small and (d["fact"] or bool(label.get("article") or label.get("hub")))

    for i, a in enumerate(labels):
        disks = [d for d in found["disks"] if not yields(d, a)]
        box = a["box"]
        assert box[2] - box[0] >= a["width"] and box[0] >= 0 and box[2] <= found["width"] + 0.5, a
        for b in labels[i + 1 :]:
            other = b["box"]
            assert box[2] <= other[0] or other[2] <= box[0] or box[3] <= other[1] or other[3] <= box[1], (a, b)
        for d in disks:
            dx, dy = max(box[0] - d["x"], 0, d["x"] - box[2]), max(box[1] - d["y"], 0, d["y"] - box[3])
            assert d["id"] == a["id"] or dx * dx + dy * dy >= d["r"] ** 2, (a["text"], d)


@pytest.mark.parametrize("viewport", [{"width": 1440, "height": 900}, {"width": 390, "height": 844}])
def test_labels_never_cover_a_label_or_a_node_at_any_zoom(browser, start_page, viewport):
    page = browser.new_page(viewport=viewport)
    page.goto(start_page.as_uri())
    until(page, "() => !!(window.tkg && window.tkg.ready) && tkg.network.physics.options.enabled === false")
    fit = page.evaluate("() => tkg.network.getScale()")
    names = set()
    for zoom in (1, 1.5, 3):  # fitted, and zoomed in on the middle
        page.evaluate(f"() => tkg.network.moveTo({{scale: {fit * zoom}, animation: false}})")
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        found = page.evaluate(LABELS_AND_DISKS)
        assert found["labels"] and len(found["disks"]) > 100
        assert_clear(found)
        names |= {label["text"] for label in found["labels"]}
    assert "Datong" in names
    if viewport["width"] > 1000:  # at desk size the opening names each article and the big places
        labels = page.evaluate("() => (tkg.network.fit({animation: false}), tkg.network.redraw(), tkg.labels())")
        assert {"Datong", "Qitaihe", "China"} <= {label["text"] for label in labels}
        assert sum(1 for label in labels if label.get("article")) == 3
    # then selected and zoomed close: the neighbours' names first, still apart
    page.evaluate(f"() => tkg.show('{DATONG}')")
    page.evaluate(f"() => tkg.network.moveTo({{scale: {fit * 4}, animation: false}})")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert_clear(page.evaluate(LABELS_AND_DISKS))
    page.close()


def test_labels_name_places_people_and_organisations_before_facts(browser, start_page):
    page = Visit(browser, start_page).page
    until(page, "() => tkg.network.physics.options.enabled === false")
    page.evaluate("() => tkg.network.moveTo({scale: tkg.network.getScale() * 3, animation: false})")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    groups = page.evaluate("() => tkg.labels().filter(l => !l.article).map(l => tkg.nodes.get(l.id).group)")
    named = [g in ("places", "people", "organisations") for g in groups]
    assert named[0] and "facts" in groups  # drawn in order of meaning: names first, facts last
    assert groups.index("facts") > max(i for i, g in enumerate(named) if g)


def test_view_article_opens_the_whole_page_on_that_story(browser, project, dataset, tmp_path, capsys):
    """``view --article TITLE`` writes the whole page opened on that story: the same view as the
    picker gives on the overview, the other stories a click away; ``export --article`` that story."""
    root, iri = str(project.root), str(TKR["article-qitaihe-coal-city"])
    title = "Qitaihe, Heilongjiang: a coal city facing decarbonisation"
    story, overview = tmp_path / "story.html", tmp_path / "overview.html"
    assert cli(["--project", root, "view", "-o", str(story), "--article", title]) == 0
    assert cli(["--project", root, "view", "-o", str(overview)]) == 0
    whole = select(dataset)
    told = {n for n, d in whole.nodes(data=True) if iri in d["articles"]}
    shown = "() => tkg.nodes.get({filter: n => !n.hidden}).map(n => n.id).sort()"
    page = Visit(browser, story).page
    assert page.input_value("#article") == iri and set(page.evaluate(shown)) == told
    assert page.evaluate("() => tkg.held.nodes") == whole.number_of_nodes()
    assert title in page.inner_text("#filters")
    picked = Visit(browser, overview).page
    picked.select_option("#article", iri)
    assert picked.evaluate(shown) == page.evaluate(shown)
    page.select_option("#article", "")  # the other stories, one click away
    assert set(page.evaluate(shown)) == set(whole) and page.evaluate("() => location.hash") == ""
    page.select_option("#article", str(TKR["article-datong-coal-capital"]))
    assert DATONG in page.evaluate(shown) and str(TKR.qitaihe) not in page.evaluate(shown)
    capsys.readouterr()
    assert cli(["--project", root, "export", "-o", str(tmp_path / "s.graphml"), "--article", iri]) == 0
    assert set(nx.read_graphml(tmp_path / "s.graphml")) == told
    assert capsys.readouterr().out.startswith(f"wrote {tmp_path / 's.graphml'} ({len(told)} nodes")
    with pytest.raises(ViewError) as error:
        cli(["--project", root, "view", "-o", str(tmp_path / "x.html"), "--article", "nowhere"])
    assert worded(error.value, COMMAND_LINE).startswith("--article nowhere: no such article")
    assert not (tmp_path / "x.html").exists()


def graphs_stating_one_node(project, n: int):
    """The project's ontology and ``n`` article graphs, each stating the one city ``tkr:hub``
    (its type and label) and a place of its own located in it."""
    from rdflib import Dataset

    dataset = Dataset()
    ontology = dataset.graph(ONTOLOGY_GRAPH)
    for path in sorted((project.root / "ontology").glob("*.ttl")):
        ontology.parse(path, format="turtle")
    for i in range(n):
        name = TKR[f"article-{i}"]
        graph = dataset.graph(name)
        graph.add((name, RDF.type, TKG.Article))
        graph.add((TKR.hub, RDF.type, TKG.City))
        graph.add((TKR.hub, RDFS.label, Literal("Hub", lang="en")))
        graph.add((TKR[f"place-{i}"], RDF.type, TKG.City))
        graph.add((TKR[f"place-{i}"], RDFS.label, Literal(f"Place {i}", lang="en")))
        graph.add((TKR[f"place-{i}"], TKG.locatedIn, TKR.hub))
    return dataset


def test_a_node_that_many_graphs_state_costs_linear_time(project):
    """A view's time grows with the number of graphs that state one node as the graphs do
    (before: 2,500 graphs 1.8 s, 10,000 graphs 20.4 s, a quadratic in the per-node lists)."""
    import time

    def seconds(n: int) -> float:
        dataset = graphs_stating_one_node(project, n)
        began = time.perf_counter()
        network = select(dataset)
        html = render_page(to_pyvis(network))
        took = time.perf_counter() - began
        hub = network.nodes[str(TKR.hub)]
        assert len(hub["articles"]) == n and network.in_degree(str(TKR.hub)) == n  # every graph listed
        assert hub["tooltip"][0] == "Hub" and html.startswith("<!DOCTYPE html>")
        return took

    small, large = seconds(2_500), seconds(10_000)
    assert large / small < 8, f"2,500 graphs {small:.2f} s, 10,000 graphs {large:.2f} s"


def test_a_quote_names_every_role_its_speaker_holds_in_one_order(dataset):
    """Liu Chengfang holds two roles (head of the community, leading the craft project): the
    quote's card names both, the same on every build (it once named one of them at random)."""
    data = read_island(render_page(to_pyvis(select(dataset, focus="tkr:liu-chengfang", depth=1), threshold=0)))
    cards = {iri: card for pack in data["cards"] for iri, card in unpack(pack).items()}
    roles = {q["role"] for card in cards.values() for q in card["quotes"] if q["speaker"] == "Liu Chengfang"}
    assert roles == {"head; leading the craft project"}


@pytest.mark.parametrize("chosen", [[], ["--class", "City"], ["--focus", "Datong", "--depth", "2"]])
def test_the_same_graph_gives_the_same_page_byte_for_byte(project, tmp_path, chosen):
    """Two runs of ``view -o`` (string hashing seeded apart, as every new process is) write the
    same bytes: a page shared or kept in version control changes only when the graph does
    (cards listed a node's relations, facts of one label and evidence in set order; a class's
    or a neighbourhood's nodes came in set order)."""
    import subprocess
    import sys

    pages = []
    for seed in ("1", "2"):
        out = tmp_path / f"page-{seed}.html"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [str(Path(sys.executable).with_name("transition-kg")), "view", *chosen, "-o", str(out)]
        subprocess.run(command, cwd=project.root, env=env, check=True, capture_output=True)
        pages.append(out.read_bytes())
    assert len(pages[0]) > 100_000 and pages[0] == pages[1]


@pytest.mark.parametrize("chosen", [[], ["--focus", "tkr:datong"], ["--query", "queries/cq01-coal-cities.rq"]])
def test_view_reads_the_store_and_leaves_rdflib_networkx_and_pyvis_unloaded(project, tmp_path, chosen):
    """``view -o`` draws from the store's quads into a graph of its own and renders the page's
    data itself: rdflib (its import and a copy of the store were a third of the command's time),
    networkx and pyvis (with IPython, 100 ms) are never imported; a fresh interpreter proves it."""
    import subprocess
    import sys

    out = tmp_path / "page.html"
    code = (
        "import sys; from transition_kg.cli import main\n"
        "try: main(['view', '-o', *sys.argv[1:]])\n"
        "finally: print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'rdflib', 'pyparsing', 'networkx', 'pyvis', 'IPython'}))"
    )
    ran = subprocess.run(
        [sys.executable, "-c", code, str(out), *chosen], cwd=project.root, capture_output=True, text=True
    )
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.splitlines()[-1] == "[]" and out.stat().st_size > 100_000


def test_a_view_s_networkx_graph_holds_the_same_nodes_edges_and_attributes(dataset, whole):
    """A view's graph is the project's own; ``to_networkx()`` gives networkx's, the same nodes,
    edges, keys and attributes in the same order, answering degree and neighbours alike (and
    the reserve of a focused view converted with it); :func:`to_networkx` is the whole's."""
    focus = select(dataset, focus="tkr:datong", depth=1)
    for view in (select(dataset), focus, select(dataset, cls="city"), select(dataset, article="qitaihe")):
        real = view.to_networkx()
        assert isinstance(real, nx.MultiDiGraph) and not isinstance(view, nx.Graph) and view.number_of_nodes() > 20
        assert list(real.nodes(data=True)) == list(view.nodes(data=True))
        assert list(real.edges(keys=True, data=True)) == list(view.edges(keys=True, data=True))
        assert (real.number_of_nodes(), real.number_of_edges()) == (view.number_of_nodes(), view.number_of_edges())
        for n in view:
            assert real.degree(n) == view.degree(n) and real.in_degree(n) == view.in_degree(n)
            assert list(real.predecessors(n)) == list(view.predecessors(n))
            assert list(real.successors(n)) == list(view.successors(n))
    reserve = focus.to_networkx().graph["reserve"]
    assert isinstance(reserve, nx.MultiDiGraph) and list(reserve) == list(focus.graph["reserve"])
    mine = select(dataset).graph["catalog"]
    assert list(whole.edges(keys=True, data=True)) == list(graph_of(dataset, catalog=mine).edges(keys=True, data=True))
    # a neighbourhood is networkx's breadth-first ring, both ways along the edges
    for depth in (0, 1, 2):
        ring = nx.single_source_shortest_path_length(whole.to_undirected(as_view=True), DATONG, cutoff=depth)
        assert set(select(dataset, focus="tkr:datong", depth=depth)) == set(ring)


def test_the_view_s_graph_keeps_edges_as_networkx_does():
    """Edges added again update theirs in place, a key left out takes networkx's next number,
    a loop counts twice in the degree: the same sequence of additions gives the same graph."""
    from transition_kg.see.view import ViewGraph

    mine, real = ViewGraph(name="g"), nx.MultiDiGraph(name="g")
    steps = [("a", "b", "p"), ("a", "b", "q"), ("b", "a", "p"), ("a", "b", "p"), ("c", "c", "p"), ("a", "b", None)]
    steps += [("a", "b", None), ("d", "a", "p"), ("b", "d", None)]
    for i, (u, v, k) in enumerate(steps):
        assert mine.add_edge(u, v, key=k, n=i) == real.add_edge(u, v, key=k, n=i)
    mine.add_node("e", label="E")
    real.add_node("e", label="E")
    assert list(mine.edges(keys=True, data=True)) == list(real.edges(keys=True, data=True))
    assert list(mine.nodes(data=True)) == list(real.nodes(data=True)) and mine.graph == real.graph
    assert dict(mine.degree()) == dict(real.degree()) and mine.degree("c") == 2
    assert mine.get_edge_data("a", "b") == real.get_edge_data("a", "b") and mine.get_edge_data("a", "e") is None
    assert mine.get_edge_data("a", "b", "q") == {"n": 1} and list(mine.neighbours("a")) == ["b", "d", "b"]
    mine.clear_edges()
    assert mine.number_of_edges() == 0 and len(mine) == 5 and "e" in mine and mine.nodes["e"] == {"label": "E"}


def test_a_store_and_its_rdflib_copy_draw_the_same_page(project):
    """A notebook's rdflib Dataset and the store it was copied from give the same page, byte for byte."""
    store = EmbeddedStore(load(project))
    for kwargs in ({}, {"focus": "tkr:datong", "depth": 1}):
        pages = [render_page(to_pyvis(select(source, **kwargs))) for source in (store, store.dataset())]
        assert len(pages[0]) > 100_000 and pages[0] == pages[1], kwargs


def test_the_view_s_terms_are_equal_as_rdf_terms_are():
    """A literal is its text, language and datatype (a plain string is an xsd:string); an IRI is
    never equal to a literal of the same text."""
    from transition_kg.core.vocab import PREFIXES
    from transition_kg.see.terms import IRI, Blank, Lit

    xsd = PREFIXES["xsd"]
    assert Lit("2020") != Lit("2020", datatype=xsd + "gYear") and Lit("a", "en") != Lit("a")
    assert Lit("a") == Lit("a", datatype=xsd + "string") and hash(Lit("a")) == hash(Lit("a", datatype=xsd + "string"))
    assert IRI("http://e/a") != Lit("http://e/a") and Lit("x") != Blank("x")
    assert Lit("12", datatype=xsd + "integer").python() == 12 and Lit("12").python() == "12"


def test_a_construct_s_graph_does_not_depend_on_the_order_of_its_triples(project):
    """A store answers a CONSTRUCT in an order of its own (rdflib's graph in a hash order): the
    view's edges come in one order, so the page is the same from run to run and store to store."""
    store = EmbeddedStore(load(project))
    result = store.query("CONSTRUCT { ?c tkg:locatedIn ?p } WHERE { GRAPH ?g { ?c tkg:locatedIn ?p } }")
    first = list(from_result(store, result).edges(keys=True))
    result.triples.reverse()
    assert len(first) > 10 and list(from_result(store, result).edges(keys=True)) == first
