"""The one theme of every page.

A class takes the colour, vis-network shape and legend glyph of the first family it belongs
to (:data:`THEME`), so a class looks the same on every page; the families are drawn as the
legend's eight (:data:`GROUPS`: places, organisations, …, facts), the finer class named in the
card and tooltip. At most twelve hues, each at least 3:1
against white; two families with the same shape stay apart under deutan, protan and tritan
vision (tests/test_view.py checks both). The pages' own colours are named by role
(:data:`COLOURS`); :func:`variables` gives both as CSS custom properties, which the base
template writes into every page's ``:root`` and the pages' style sheets and scripts read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..core.vocab import TKG_IRI

if TYPE_CHECKING:
    from .viewgraph import Graph

#: the legend's families, in its order: (name, colour, vis-network shape, legend glyph)
GROUPS: list[tuple[str, str, str, str]] = [
    ("places", "#2e7d32", "dot", "●"),
    ("organisations", "#1565c0", "square", "■"),
    ("people", "#c62828", "triangle", "▲"),
    ("industries", "#00796b", "star", "★"),
    ("policies and plans", "#6a1b9a", "diamond", "◆"),
    ("technologies and projects", "#795548", "hexagon", "⬢"),
    ("events", "#b45309", "star", "★"),
    ("facts", "#546e7a", "dot", "●"),
]
_LOOK = {name: (colour, shape, glyph) for name, colour, shape, glyph in GROUPS}
#: each ontology family's legend family, in the order a class is matched against them
GROUP_OF: dict[str, str] = {
    TKG_IRI + family: group
    for family, group in [
        ("Place", "places"),
        ("Organisation", "organisations"),
        ("Person", "people"),
        ("Policy", "policies and plans"),
        ("CreativeWork", "technologies and projects"),
        ("Technology", "technologies and projects"),
        ("Project", "technologies and projects"),
        ("Industry", "industries"),
        ("Commodity", "industries"),
        ("Concept", "policies and plans"),
        ("Conference", "events"),
        ("Observation", "facts"),
        ("Quote", "facts"),
        ("ReportedSpeech", "facts"),
        ("Claim", "facts"),
        ("Event", "events"),
        ("IndustryStatus", "facts"),
        ("TradeLink", "facts"),
        ("Comparison", "facts"),
        ("Role", "facts"),
    ]
}
THEME: list[tuple[str, str, str, str]] = [  # (family IRI, colour, vis-network shape, legend glyph)
    (family, *_LOOK[group]) for family, group in GROUP_OF.items()
]
OTHER = ("#616161", "triangle", "▲")  # classes outside every family are rare
OTHER_GROUP = "other"
FAMILIES = [family for family, *_ in THEME]

COLOURS = {  # the pages' own colours, by what they are for
    "ink": "#202124",  # text
    "muted": "#3c4043",  # secondary text: summaries, evidence, axis labels
    "faint": "#5f6368",  # small print, comments in code
    "link": "#0b57d0",  # links, buttons that read as links, the focus ring
    "tint": "#e8f0fe",  # a hovered or chosen row
    "good": "#137333",  # done ("Link copied")
    "bad": "#b00020",  # an error
    "bad-tint": "#fde7e9",  # behind the words an error points at
    "note": "#fff4d6",  # behind a notice
    "panel": "#f8f9fa",  # behind a card, a graph's text
    "code": "#f3f3f3",  # behind code and table heads
    "paper": "#fff",  # tooltips and pop-up lists
    "rule": "#ddd",  # borders between parts of a page
    "rule-light": "#e0e0e0",  # lines between rows
    "border": "#ccc",  # the side panel's edge
    "border-dark": "#bbb",  # the editor's edge
    "frame": "#999",  # pop-ups' edges, the class tree's lines
    "line": "#9aa0a6",  # edges of the network, chart axes
    "series": "#1565c0",  # a chart's line of a query's answer
    "halo": "rgba(255,255,255,0.92)",  # around a label drawn over the network
    "shadow": "rgba(0,0,0,.2)",  # under a tooltip
    "syntax-keyword": "#8e24aa",  # SPARQL highlighting: keywords, IRIs, prefixed names, strings, numbers
    "syntax-iri": "#00796b",
    "syntax-prefixed": "#b45309",
    "syntax-string": "#137333",
    "syntax-number": "#c62828",
}


def family_name(family: str) -> str:
    """A family's name in a CSS variable: ``tkg:IndustryStatus`` → ``industrystatus``."""
    return family.rsplit("#", 1)[-1].lower()


def variables() -> dict[str, str]:
    """The theme as CSS custom properties: ``--ink``, …, and ``--family-place``, …, ``--family-other``."""
    found = {f"--{name}": colour for name, colour in COLOURS.items()}
    found.update({f"--family-{family_name(family)}": colour for family, colour, _, _ in THEME})
    found["--family-other"] = OTHER[0]
    return found


def styles(graph: Graph) -> dict[str, tuple[str, str, str]]:
    """Each class label's (colour, shape, glyph): its family's, the same on every page."""
    theme = {family: (colour, shape, glyph) for family, colour, shape, glyph in THEME}
    return {data["kind"]: theme.get(data.get("family", ""), OTHER) for _, data in graph.nodes(data=True)}


def group(data: dict[str, Any]) -> str:
    """A node's legend family (``places``, …, ``facts``; ``other``), from its ontology family."""
    return GROUP_OF.get(data.get("family", ""), OTHER_GROUP)


def legend(graph: Graph) -> list[tuple[str, str, str, int, list[str]]]:
    """The legend's entries for ``graph``, in the legend's order: (family, colour, glyph, how
    many nodes, the class labels of those)."""
    counts: dict[str, int] = {}
    kinds: dict[str, set[str]] = {}
    for _, data in graph.nodes(data=True):
        counts[group(data)] = counts.get(group(data), 0) + 1
        kinds.setdefault(group(data), set()).add(data["kind"])
    looks = [(name, colour, glyph) for name, colour, _, glyph in GROUPS] + [(OTHER_GROUP, OTHER[0], OTHER[2])]
    return [(name, colour, glyph, counts[name], sorted(kinds[name])) for name, colour, glyph in looks if name in counts]


def colours(graph: Graph) -> dict[str, str]:
    """Each class label's colour (see :func:`styles`)."""
    return {kind: style[0] for kind, style in styles(graph).items()}
