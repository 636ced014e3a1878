"""The network view's public names, from the modules of the ``see`` room.

- :mod:`.catalog`: :class:`Catalog` (what the pages know of a dataset), :class:`ViewError`;
- :mod:`.cards`: :class:`Cards` (each node's card);
- :mod:`.graph`: :func:`to_networkx`, :func:`select`, :func:`story`, :func:`from_result`;
- :mod:`.network`: :func:`to_pyvis`, :func:`render_page`, :func:`write_page`, :func:`summary`,
  :func:`pack`, :func:`unpack`, :func:`layout`, :func:`cards_of`;
- :mod:`.export`: :func:`export` (GraphML, GEXF);
- :mod:`.theme`: :data:`THEME`, :data:`OTHER`, :func:`styles`, :func:`colours`.
"""

from .cards import Cards
from .catalog import FOLDED_CLASSES, HIDDEN_PROPERTIES, Catalog, ViewError, readable
from .export import export
from .graph import FOLD_THRESHOLD, from_result, select, story, to_networkx
from .network import (
    CARD_PACK,
    HUBS,
    LAYOUT_THRESHOLD,
    cards_of,
    layout,
    pack,
    render_page,
    summary,
    to_pyvis,
    unpack,
    write_page,
)
from .theme import FAMILIES, OTHER, THEME, colours, styles

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
    "ViewError",
    "cards_of",
    "colours",
    "export",
    "from_result",
    "layout",
    "pack",
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
