"""The network view's public names, from the modules of the ``see`` room.

- :mod:`.catalog`: :class:`Catalog` (what the pages know of a dataset), :class:`ViewError`;
- :mod:`.cards`: :class:`Cards` (each node's card);
- :mod:`.viewgraph`: :class:`ViewGraph` (the view's graph: networkx's names, not networkx;
  ``.to_networkx()`` for networkx's algorithms);
- :mod:`.graph`: :func:`graph_of`, :func:`to_networkx`, :func:`select`, :func:`story`,
  :func:`from_result`;
- :mod:`.network`: :func:`page_of` (:class:`PageData`), :func:`render_page`, :func:`write_page`,
  :func:`to_pyvis` (the same page as pyvis's ``Network``, for a notebook), :func:`summary`,
  :func:`pack`, :func:`unpack`, :func:`layout`, :func:`cards_of`;
- :mod:`.export`: :func:`export` (GraphML, GEXF);
- :mod:`.theme`: :data:`THEME`, :data:`OTHER`, :func:`styles`, :func:`colours`.
"""

from .cards import Cards
from .catalog import FOLDED_CLASSES, HIDDEN_PROPERTIES, Catalog, ViewError, readable
from .export import export
from .graph import FOLD_THRESHOLD, from_result, graph_of, select, story, to_networkx
from .network import (
    CARD_PACK,
    HUBS,
    LAYOUT_THRESHOLD,
    PageData,
    cards_of,
    layout,
    pack,
    page_of,
    render_page,
    summary,
    to_pyvis,
    unpack,
    write_page,
)
from .theme import FAMILIES, OTHER, THEME, colours, styles
from .viewgraph import ViewGraph

__all__ = [
    "CARD_PACK",
    "FAMILIES",
    "FOLDED_CLASSES",
    "FOLD_THRESHOLD",
    "HIDDEN_PROPERTIES",
    "HUBS",
    "LAYOUT_THRESHOLD",
    "OTHER",
    "THEME",
    "Cards",
    "Catalog",
    "PageData",
    "ViewError",
    "ViewGraph",
    "cards_of",
    "colours",
    "export",
    "from_result",
    "graph_of",
    "layout",
    "pack",
    "page_of",
    "readable",
    "render_page",
    "select",
    "story",
    "styles",
    "summary",
    "to_networkx",
    "to_pyvis",
    "unpack",
    "write_page",
]
