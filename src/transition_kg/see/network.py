"""The network page: the view's graph laid out, packed and rendered as one offline page.

:func:`page_of` makes the page's data of a graph (:class:`PageData`: vis-network's nodes,
edges and options, and the page's text), the page's environment renders it
(:func:`render_page`, :func:`write_page`): vis-network inlined, nothing loaded from the
network, the data packed in the page's JSON island (:class:`NetworkData`; :func:`pack`:
deflated JSON in base64) and every text shown with ``textContent``; labels drawn by the page
by importance, never over each other. :func:`to_pyvis` wraps the same data in pyvis's
``Network`` for a notebook, where the network shows inline when it is a cell's value (the
command line and the endpoint import neither pyvis nor networkx). Past
:data:`LAYOUT_THRESHOLD` nodes the layout is computed in Python (igraph's grid
Fruchterman-Reingold) and physics is off; past :data:`FOLD_THRESHOLD` the facts are held
until their entity is expanded; the page says so.
"""

from __future__ import annotations

import base64
import functools
import json
import math
import zlib
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from ..core.files import write_atomic
from ..core.texts import texts_to_show
from .cards import Card, Cards
from .graph import FOLD_THRESHOLD
from .pages import render
from .pagestore import PageStore
from .terms import IRI, TKG
from .theme import COLOURS, group, legend, styles
from .viewgraph import ViewGraph

if TYPE_CHECKING:
    from .viewgraph import Graph

HUBS = 12  # entities labelled at the fitted view (or a twelfth of them, if more)
STORY_HUBS = 4  # and each article's most connected entities
LAYOUT_THRESHOLD = 500  # nodes: physics draws 500 in 1.4 s, 1,000 in 2.8 s here (benchmarks/view.py)
CARD_PACK = 256  # cards packed together: one is unpacked in a few milliseconds when a card is opened
# FOLD_THRESHOLD (from .graph): past it the facts are held until their entity is expanded (vis-network
# spends ~0.1 ms a node and edge on setup, and redraws every node each frame: benchmarks/view.py)
MEANING = {"places": 0, "people": 1, "organisations": 2}  # the families whose labels are names: labelled first
NOTEBOOK_HEIGHT = "720px"
DEFAULT_TITLE = "transition-kg"
ONE = {"people": "person", "industries": "industry", "policies and plans": "policy or plan", "other": "other",
       "technologies and projects": "technology or project"}  # fmt: skip


class _NodeItem(TypedDict):
    id: str
    label: str  # as drawn: at most 40 characters
    name: str  # whole
    kind: str  # its class's label
    group: str  # its legend family: places, organisations, …, facts
    articles: list[int]  # the indices (in NetworkData's articles) of the articles that name it
    labels: list[str]  # every label, English and Chinese, for search
    tip: list[str]  # the tooltip's lines
    color: str
    shape: str
    value: int  # 1 + its links: vis sizes it by this
    fact: bool
    year: int | None


class NodeItem(_NodeItem, total=False):
    """A node as the page holds it (vis-network draws the fields it knows)."""

    hub: bool  # labelled first
    reserve: bool  # held back until it comes into view
    x: float  # where the Python layout put it
    y: float


EdgeItem = TypedDict("EdgeItem", {"from": str, "to": str, "label": str, "tip": list[str], "arrows": str})


class ArticleItem(TypedDict):
    """An article whose graph the page draws from: its stories are told one at a time."""

    id: str
    title: str
    date: str  # its publication date, as the graph gives it
    year: int | None  # its publication year
    count: int  # the nodes it names


class NetworkData(TypedDict):
    """The network page's JSON island, as network.js reads it."""

    articles: list[ArticleItem]
    focus: str | None  # the node whose card opens with the page
    article: str | None  # the article whose story the page opens on (None: the overview)
    nodes: str  # pack(list[NodeItem]): every node the page holds, the hubs first
    edges: str  # pack(list[EdgeItem])
    cards: list[str]  # pack(dict[str, Card]) of each cardPack nodes, in the order of the nodes
    cardPack: int
    options: dict[str, Any]  # vis-network's


@dataclass
class NetworkPage:
    """What the page says around the network: rendered as HTML, not read by its script."""

    title: str
    summary: str
    notice: str
    focus: str | None  # a focus page's entity: its card opens with the page
    article: str | None  # the story the page opens on
    legend: list[tuple[str, str, str, int, list[str]]]  # (family, colour, glyph, nodes, its classes)
    articles: list[ArticleItem]
    nodes: int  # the view's
    edges: int
    cards: list[str]  # packed, as NetworkData's


@dataclass
class PageData:
    """The network page's data (:func:`page_of`): what :func:`render_page` renders. pyvis's
    ``Network`` of :func:`to_pyvis` holds the same four fields."""

    nodes: list[NodeItem]  # every node the page holds, the hubs first
    edges: list[EdgeItem]
    options: dict[str, Any]  # vis-network's
    page: NetworkPage


def cards_of(graph: Graph, texts: Mapping[str, str] | None = None) -> dict[str, Card]:
    """The card of every node: given with the node (``card``), or made from the graph's catalog
    (with each evidence in its passage, from the articles' ``texts`` by IRI)."""
    catalog = graph.graph.get("catalog")
    cards = Cards(catalog, texts) if catalog is not None else None
    found = {}
    for n, data in graph.nodes(data=True):
        card = data.get("card") or (cards.of(IRI(n)) if cards is not None else None)
        if card:
            found[n] = card
    return found


def summary(graph: Graph, cards: dict[str, Card] | None = None) -> str:
    """One line naming what the page shows: its nodes by family, and the articles they come from."""
    cards = cards_of(graph) if cards is None else cards
    counts = [f"{count:,} {name if count != 1 else ONE.get(name, name[:-1])}" for name, _, _, count, _ in legend(graph)]
    articles = {ev["article"] for n in graph if n in cards for ev in cards[n].get("ev", [])}
    folded = graph.graph.get("folded", 0)
    text = (
        (", ".join(counts[:-1]) + " and " + counts[-1] if len(counts) > 1 else "".join(counts) or "nothing")
        + (f" from {len(articles):,} article{'s' * (len(articles) != 1)}" if articles else "")
        + " — click a node, or search, for everything said about it"
    )
    return text + (f"; {folded:,} node{'s' * (folded != 1)} nothing links to folded away." if folded else ".")


def layout(graph: Graph) -> dict[str, tuple[float, float]]:
    """Positions for every node: igraph's grid Fruchterman-Reingold (0.3 s for 10,000 nodes here)."""
    igraph = _igraph()
    names = list(graph.nodes)
    if not names:
        return {}
    index = {n: i for i, n in enumerate(names)}
    g = igraph.Graph(n=len(names), edges=[(index[a], index[b]) for a, b in graph.edges() if a != b])
    coords = g.layout_fruchterman_reingold(grid=len(names) > 1000, niter=300)
    scale = 35 * math.sqrt(len(names))
    xs, ys = zip(*coords.coords)
    x0, y0 = min(xs), min(ys)
    span = max(max(xs) - x0, max(ys) - y0) or 1
    return {n: ((x - x0) / span * scale, (y - y0) / span * scale) for n, (x, y) in zip(names, coords.coords)}


def _igraph() -> Any:
    """igraph, imported without its optional matplotlib drawing: where matplotlib is installed
    igraph imports pyplot, 0.8 s of a page's time here (a None in sys.modules is an ImportError)."""
    import sys

    if "igraph" in sys.modules or "matplotlib" in sys.modules:
        import igraph

        return igraph
    sys.modules["matplotlib"] = None  # type: ignore[assignment]
    try:
        import igraph
    finally:
        del sys.modules["matplotlib"]
    return igraph


@functools.lru_cache(maxsize=1)
def _page_class() -> Any:
    """pyvis's Network, made to render and show the network page (imported when first needed)."""
    Network: Any = _pyvis_network()

    class Page(Network):
        """The network page: in a notebook it shows inline at a usable height (the page itself
        in an iframe, no file needed); ``show()`` writes the file and shows that."""

        page: NetworkPage

        def generate_html(self, name: str = "index.html", local: bool = True, notebook: bool = False) -> str:
            return render_page(self)

        def __repr__(self) -> str:
            """What the page shows: its nodes and edges (pyvis's own summary counts nodes it
            added itself, none here), and what it holds back for "Show its other neighbours"."""
            shown = [n for n in self.nodes if not n.get("reserve")]
            ids = {n["id"] for n in shown}
            edges = sum(1 for e in self.edges if e["from"] in ids and e["to"] in ids)
            held = len(self.nodes) - len(shown)
            more = f", {held:,} more held for their neighbours" if held else ""
            return f"<network page: {len(shown):,} nodes, {edges:,} edges shown{more}>"

        def _repr_html_(self) -> str:
            return render("frame.html", page=render_page(self), height=NOTEBOOK_HEIGHT, border=COLOURS["rule"])

        def show(self, name: str = "transition-kg.html", local: bool = True, notebook: bool = True) -> Any:
            write_page(self, Path(name))
            if notebook:
                from IPython.display import IFrame

                return IFrame(name, width="100%", height=NOTEBOOK_HEIGHT)
            return None

    return Page


def _pyvis_network() -> Any:
    """pyvis's ``Network`` class, imported without what only its notebook and JSON methods use:
    IPython (for ``show`` in a notebook; half of pyvis's import time) and jsonpickle (for
    ``to_json``; it reads its own version from the installed packages' metadata when imported).
    Stand-in modules give pyvis an ``IFrame`` and an ``encode`` that import the real ones when
    first called; where IPython or jsonpickle is already loaded (a notebook), pyvis gets it."""
    import sys

    if "pyvis.network" in sys.modules:
        from pyvis.network import Network

        return Network
    import importlib
    import types

    def lazy(module: str, name: str) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            return getattr(importlib.import_module(module), name)(*args, **kwargs)

        return call

    stand_ins = {}
    for module, name in (("IPython.display", "IFrame"), ("jsonpickle", "encode")):
        if module.split(".")[0] not in sys.modules:
            stand_ins[module] = types.ModuleType(module)
            setattr(stand_ins[module], name, lazy(module, name))
    sys.modules.update(stand_ins)
    try:
        from pyvis.network import Network
    finally:
        for module in stand_ins:
            del sys.modules[module]
    return Network


def to_pyvis(
    graph: Graph,
    title: str = DEFAULT_TITLE,
    threshold: int = LAYOUT_THRESHOLD,
    fold: int = FOLD_THRESHOLD,
    corpus: Path | None = None,
) -> Any:
    """The pyvis Network of :func:`page_of`'s data, which renders as the same offline page
    (:func:`write_page`). In a notebook, the network shows inline when it is a cell's value."""
    data = page_of(graph, title, threshold, fold, corpus)
    net = _page_class()(height="100%", width="100%", directed=True, cdn_resources="in_line", heading="")
    net.nodes, net.edges, net.options, net.page = data.nodes, data.edges, data.options, data.page
    return net


def page_of(
    graph: Graph,
    title: str = DEFAULT_TITLE,
    threshold: int = LAYOUT_THRESHOLD,
    fold: int = FOLD_THRESHOLD,
    corpus: Path | None = None,
) -> PageData:
    """The page's data of ``graph`` (the view's, or a networkx ``MultiDiGraph`` of the same
    attributes), which :func:`render_page` and :func:`write_page` render. The cards show each
    evidence in its sentence, read from the article texts in ``corpus`` (the words alone, and
    the page says why, for an article whose text is not there).

    The page holds every node; it draws the view's and holds back the ring a focused view can
    expand into and, past ``fold`` nodes, the facts (observations, quotes, roles, …): those come
    into the drawing with their entity's "Show its other neighbours" (or a search)."""
    reserve: Graph = graph.graph.get("reserve") or ViewGraph()
    full = reserve if any(n not in graph for n in reserve) else graph  # the view, and the ring it can expand into
    large = full.number_of_nodes() > threshold
    articles = articles_of(full)
    nodes = _node_items(graph, full, articles, large=large, folded=full.number_of_nodes() > fold)
    edges: list[EdgeItem] = [
        {
            "from": a,
            "to": b,
            "label": data.get("label", ""),
            "tip": data.get("tooltip", [data.get("label", "")]),
            "arrows": "to",
        }
        for a, b, data in full.edges(data=True)
    ]
    texts, absent = _texts(full, articles, corpus)
    cards = cards_of(full, texts)  # read by the page only when a card is opened
    held = sum(1 for n in nodes if n.get("reserve") and n["id"] in graph)
    notice = absent
    if large:
        notice.append(
            f"{graph.number_of_nodes():,} nodes: the layout was computed in Python and physics is off, so the "
            f"page stays responsive."
        )
    if held:
        notice.append(
            f"The {held:,} facts are folded into their entities: a card's “Show its other neighbours” draws "
            f"them, and search finds every node."
        )
    focus = graph.graph.get("focus")
    if focus and focus[0] in graph and title in (DEFAULT_TITLE, f"{DEFAULT_TITLE}: {focus[1]}"):
        title = graph.nodes[focus[0]]["label"]  # a focus page is titled by its entity
    page = NetworkPage(
        title=title,
        focus=focus[0] if focus and focus[0] in graph else None,
        article=graph.graph.get("article") if any(a["id"] == graph.graph.get("article") for a in articles) else None,
        summary=summary(graph, cards),
        notice=" ".join(notice),
        legend=legend(full),
        articles=articles,
        nodes=graph.number_of_nodes(),
        edges=graph.number_of_edges(),
        cards=[
            pack({n["id"]: cards[n["id"]] for n in nodes[k : k + CARD_PACK] if n["id"] in cards})
            for k in range(0, len(nodes), CARD_PACK)
        ],
    )
    return PageData(nodes, edges, _options(large, improved=not large and graph.number_of_nodes() <= 150), page)


def _texts(graph: Graph, articles: list[ArticleItem], corpus: Path | None) -> tuple[dict[str, str], list[str]]:
    """The texts of the graph's articles in ``corpus``, and a sentence saying whose words are
    shown alone, and why (none when every text is there)."""
    catalog = graph.graph.get("catalog")
    if catalog is None or not articles:
        return {}, []
    if corpus is None:
        return {}, ["Evidence is shown as its words alone: no folder of article texts was given for its passages."]
    texts, why = texts_to_show(catalog.registrations(), corpus)
    if not any(a["id"] not in texts for a in articles):
        return texts, []
    return texts, [f"Evidence is shown as its words alone where its article's text is absent ({'; '.join(why)})."]


def articles_of(graph: Graph) -> list[ArticleItem]:
    """The articles that name the graph's nodes, the earliest published first."""
    catalog = graph.graph.get("catalog")
    if catalog is None:
        return []
    count: dict[str, int] = defaultdict(int)
    for _, data in graph.nodes(data=True):
        for article in data.get("articles", ()):
            count[article] += 1
    found: list[ArticleItem] = []
    for iri, n in count.items():
        date = str(catalog.value(IRI(iri), TKG.published) or catalog.value(IRI(iri), TKG.assumedPublicationYear) or "")
        year = int(date[:4]) if date[:4].isdigit() else None
        found.append({"id": iri, "title": catalog.label(IRI(iri)), "date": date, "year": year, "count": n})
    return sorted(found, key=lambda a: (a["date"], a["title"]))


def _node_items(graph: Graph, full: Graph, articles: list[ArticleItem], large: bool, folded: bool) -> list[NodeItem]:
    """The nodes of ``full`` as the page holds them, the hubs first: those of ``graph`` drawn,
    the others (and past the fold the facts) held back; placed by :func:`layout` when ``large``."""
    style = styles(full)
    degree = dict(graph.degree())
    positions = layout(full) if large else {}
    # labels by importance: the hubs (the entities with most links) first, then entities (places,
    # people and organisations first: names before long labels), then facts
    order = sorted(
        full.nodes,
        key=lambda n: (bool(full.nodes[n].get("fact")), MEANING.get(group(full.nodes[n]), 3), -degree.get(n, 0), n),
    )
    entities = sorted(
        (n for n in order if n in graph and not full.nodes[n].get("fact")), key=lambda n: -degree.get(n, 0)
    )
    index = {a["id"]: i for i, a in enumerate(articles)}
    hubs = set(entities[: max(HUBS, len(entities) // 12)])
    stories: dict[str, list[str]] = defaultdict(list)  # and each story's most connected entities
    for n in entities:
        for article in full.nodes[n].get("articles", ()):
            if len(stories[article]) < STORY_HUBS:
                stories[article].append(n)
    told = {n for found in stories.values() for n in found}  # labelled first: the stories' own hubs
    hubs |= told
    items = []
    for n in sorted(order, key=lambda n: (n not in hubs, n not in told, -degree.get(n, 0) if n in told else 0)):
        data = full.nodes[n]
        colour, shape, _ = style[data["kind"]]
        shown = data["label"] if len(data["label"]) <= 40 else data["label"][:38].rstrip() + "…"  # whole in the card
        node: NodeItem = {
            "id": n,
            "label": shown,
            "name": data["label"],
            "kind": data["kind"],
            "group": group(data),
            "articles": [index[a] for a in data.get("articles", ()) if a in index],
            "labels": data.get("labels", [data["label"]]),
            "tip": data.get("tooltip", [data["label"]]),
            "color": colour,
            "shape": shape,
            "value": 1 + degree.get(n, 0),
            "fact": bool(data.get("fact")),
            "year": data.get("year"),
        }
        if n in hubs:
            node["hub"] = True
        if n not in graph or (folded and data.get("fact")):
            node["reserve"] = True
        if large:
            node["x"], node["y"] = (round(c, 1) for c in positions[n])
        items.append(node)
    return items


def _options(large: bool, improved: bool) -> dict[str, Any]:
    """vis-network's options: physics for a small graph (a fixed seed: the same picture every
    time), a layout from Python for a large one; no labels drawn by vis."""
    return {
        "physics": {
            "enabled": not large,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -6000, "springLength": 140, "avoidOverlap": 0.4},
            "stabilization": {"enabled": True, "iterations": 200, "fit": True},
        },
        "layout": {"randomSeed": 7, "improvedLayout": improved},
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "navigationButtons": False,
            "keyboard": {"enabled": False},  # the page's own keys: arrows between neighbours, Enter opens a card
        },
        # no labels drawn by vis: the page draws them by importance, never over each other
        "nodes": {"borderWidth": 0, "scaling": {"min": 8, "max": 34}},
        # edge labels on hover only (the tooltip names the relation and its words): faster, no clutter
        "edges": {
            "smooth": False,
            "font": {"size": 0, "face": "sans-serif"},
            "color": {"color": COLOURS["line"], "highlight": COLOURS["ink"]},
            "width": 1,
        },
    }


def pack(value: Any) -> str:
    """``value`` as the page holds it: compact JSON, deflated (zlib), in base64 — a tenth of the
    bytes, and nothing in it an HTML parser could read as markup. The page's ``unpack`` reads it.

    >>> unpack(pack({"label": "</script>"}))
    {'label': '</script>'}
    """
    text = json.dumps(value, separators=(",", ":"))  # ASCII: the browser's decoder is fastest on it
    return base64.b64encode(zlib.compress(text.encode("utf-8"), 6)).decode("ascii")


def unpack(text: str) -> Any:
    """What :func:`pack` packed."""
    return json.loads(zlib.decompress(base64.b64decode(text)).decode("utf-8"))


def render_page(net: PageData, store: PageStore | None = None) -> str:
    """The page's HTML of :func:`page_of`'s data (or :func:`to_pyvis`'s network): its text
    around the network, and its data in the JSON island; with a ``store`` (:mod:`.pagestore`),
    a Query tab that asks it."""
    data: NetworkData = {
        "articles": net.page.articles,
        "focus": net.page.focus,
        "article": net.page.article,
        "nodes": pack(net.nodes),
        "edges": pack(net.edges),
        "cards": net.page.cards,
        "cardPack": CARD_PACK,
        "options": net.options,
    }
    if store is not None:
        return render("query.html", page=net.page, data=data, store=store)
    return render("network.html", page=net.page, data=data)


def write_page(net: PageData, path: Path, store: PageStore | None = None) -> None:
    """Write the page atomically."""
    write_atomic(Path(path), render_page(net, store).encode("utf-8"))
