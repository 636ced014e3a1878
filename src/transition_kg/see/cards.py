"""The entity cards and tooltips: what is said of a thing and what it says, with the words of
the articles that say it. Plain data (:class:`Card`), rendered by the network page's script."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Mapping
from typing import TypedDict

from .catalog import FOLDED_CLASSES, HIDDEN_PROPERTIES, Catalog, quoted
from .terms import IRI, ONTOLOGY_GRAPH, RDF, TKG, Blank, Lit
from .terms import Term as Node

MAX_TIP_LINES = 30
PASSAGE = 120  # characters: facts whose words lie this close are "said in the same passage"
NEARBY = 8
CONTEXT = 240  # characters at most on each side of evidence words: its sentence, or as much of it
SENTENCE_END = re.compile(r"[.!?。！？][\"”’')\]]*(?:\s+|$)|\n\s*")


class Evidence(TypedDict):
    """Words of an article that state something, where they are and when it was published."""

    words: str
    article: str
    date: str
    start: int | None
    end: int | None
    context: bool  # the words only set the statement's context
    before: str | None  # the words' sentence up to them, and after them: None when the article's text
    after: str | None  # is not at hand (the words are shown alone)


class Number(TypedDict):
    id: str | None
    what: str  # the indicator
    amount: str  # as a reader should see it: "more than 61 billion yuan (2024)"
    value: float | None  # for the chart
    unit: str
    measure: str  # "level", "increase", …
    year: int | None
    ev: list[Evidence]


class Quote(TypedDict):
    id: str
    kind: str  # "quote" (direct speech, its words quoted) or "reported speech" (the article's words)
    speaker: str
    speakerId: str | None
    role: str | None
    words: str
    year: int | None
    ev: list[Evidence]


class Fact(TypedDict):
    id: str
    text: str
    kind: str
    year: int | None
    ev: list[Evidence]


class Relation(TypedDict):
    dir: str  # "out" (this → other) or "in" (other → this)
    prop: str
    other: str
    otherId: str | None  # None when the other end is not a node of the page
    source: str
    context: bool  # rests on context: a contextual statement, or an inference through one
    ev: list[Evidence]


class Mention(TypedDict):
    article: str
    words: str


class _Card(TypedDict):
    id: str
    title: str
    kind: str
    also: list[str]  # its other labels
    numbers: list[Number]
    quotes: list[Quote]
    facts: list[Fact]
    relations: list[Relation]
    mentions: list[Mention]
    ev: list[Evidence]


class Card(_Card, total=False):
    """A node's card, as the page's script reads it."""

    year: int | None  # a fact's
    nearby: list[Fact]  # a fact's: the other facts whose words lie in the same passage


def _reading_order(relation: Relation) -> tuple[str, str, str, str]:
    """Relations read by property, then the other end's name (its IRI apart two of one name)."""
    return relation["prop"], relation["other"], relation["otherId"] or "", relation["source"]


class Cards:
    """The entity card of every node: what is said of it and what it says, grouped (numbers,
    quotes, other facts, relations both ways, mentions), each with its evidence words,
    article, publication date and offsets."""

    def __init__(self, catalog: Catalog, texts: Mapping[str, str] | None = None):
        self.catalog = catalog
        self.texts = texts or {}  # article IRI → its text: each evidence is shown in its sentence
        self.incoming: dict[Node, list[tuple[Node, IRI, IRI]]] = defaultdict(list)
        self.quotes_in: dict[IRI, list[Node]] = defaultdict(list)  # article graph → its quotes
        for subject, found in catalog.statements.items():
            for p, o, g in found:
                if g != ONTOLOGY_GRAPH and isinstance(o, IRI) and p not in HIDDEN_PROPERTIES:
                    self.incoming[o].append((subject, p, g))
                if p == RDF.type and o in (TKG.Quote, TKG.ReportedSpeech):
                    self.quotes_in[g].append(subject)
        self.mentions = catalog.mentions

    def published(self, graph: Node) -> str:
        c = self.catalog
        return str(c.value(graph, TKG.published) or c.value(graph, TKG.assumedPublicationYear) or "")

    def evidence(self, fact: Node, graph: IRI | None = None, context: bool = False) -> list[Evidence]:
        c = self.catalog
        graphs = (
            [graph]
            if graph is not None
            else sorted({g for p, _, g in c.statements.get(fact, ()) if p == TKG.evidence}, key=str)
        )
        return [
            {
                "words": words,
                "article": c.source_name(name),
                "date": self.published(name),
                "start": start,
                "end": end,
                "context": context,
                **passage(self.texts.get(str(name)), words, start, end),
            }
            for name in graphs
            for words, start, end in c.evidence(fact, name)
        ]

    def _graph_of(self, fact: Node) -> IRI | None:
        return next((g for _, _, g in self.catalog.statements.get(fact, ()) if g != ONTOLOGY_GRAPH), None)

    def number(self, fact: Node) -> Number:
        c = self.catalog
        value = c.value(fact, TKG.value)
        try:
            numeric = float(value.python()) if isinstance(value, Lit) else None
        except (TypeError, ValueError):
            numeric = None
        unit, measure = c.value(fact, TKG.unit), c.value(fact, TKG.measure)
        return {
            "id": str(fact),
            "what": c.name(c.value(fact, TKG.indicator), "value"),
            "amount": c.amount(fact),
            "value": numeric,
            "unit": c.name(unit, ""),
            "measure": c.name(measure, ""),
            "year": c.year(fact),
            "ev": self.evidence(fact),
        }

    def quote(self, fact: Node) -> Quote:
        c = self.catalog
        speaker = c.value(fact, TKG.speaker)
        roles = [s for s, p, _ in self.incoming.get(speaker, []) if p == TKG.heldBy] if speaker is not None else []
        titles = sorted({str(t) for t in (c.value(r, TKG.title) for r in roles) if t is not None})
        role = "; ".join(titles) or None  # every role the person holds, in one order on every build
        evidence = self.evidence(fact)
        quoted = c.value(fact, TKG.quoteText)
        return {
            "id": str(fact),
            "kind": "quote" if quoted is not None else "reported speech",
            "speaker": c.name(speaker),
            "speakerId": str(speaker) if speaker is not None else None,
            "role": role,
            # reported speech is the article's words, never a quoteText: its evidence
            "words": str(quoted) if quoted is not None else " … ".join(e["words"] for e in evidence),
            "year": c.year(fact),
            "ev": evidence,
        }

    def fact(self, fact: Node) -> Fact:
        c = self.catalog
        kind = c.kinds.get(fact)
        return {
            "id": str(fact),
            "text": c.label(fact),
            "kind": c.name(kind, "unknown"),
            "year": c.year(fact),
            "ev": self.evidence(fact),
        }

    def of(self, node: IRI) -> Card:
        """The card of ``node``."""
        c = self.catalog
        kind = c.kinds.get(node)
        card: Card = {
            "id": str(node),
            "title": c.label(node),
            "kind": c.name(kind, "unknown"),
            "also": [label for label in c.all_labels(node) if label != c.label(node)],
            "numbers": [],
            "quotes": [],
            "facts": [],
            "relations": [],
            "mentions": [],
            "ev": [],
        }
        if c.is_a(node, TKG.Fact):
            card["year"] = c.year(node)
            card["ev"] = self.evidence(node)
            card["nearby"] = [self.fact(f) for f in self.nearby(node)]
            self._file(card, node)
        facts = dict.fromkeys(s for s, _, _ in self.incoming.get(node, []) if c.is_a(s, TKG.Fact) and s != node)
        for fact in sorted(facts, key=lambda f: (c.year(f) or 0, c.label(f), str(f))):
            self._file(card, fact, other=True)
        if c.is_a(node, TKG.Place):
            card["quotes"] += self._voices(facts, {q["id"] for q in card["quotes"]})
        card["relations"] = self._relations(node)
        card["mentions"] = [{"article": c.label(a), "words": w} for a, w in self.mentions.get(node, [])]
        return card

    def _evidenced(self, fact: Node) -> set[IRI]:
        """The graphs that give ``fact`` its evidence."""
        return {g for p, _, g in self.catalog.statements.get(fact, ()) if p == TKG.evidence}

    @functools.cached_property
    def _spans(self) -> dict[IRI, list[tuple[int, int, Node]]]:
        """Each graph's evidence spans (start, end, fact): read once, when a fact's card first asks."""
        c = self.catalog
        spans: dict[IRI, list[tuple[int, int, Node]]] = defaultdict(list)
        for fact in c.statements:
            if c.is_a(fact, TKG.Fact):
                for g in self._evidenced(fact):
                    spans[g] += [(s, e, fact) for _, s, e in c.evidence(fact, g) if s is not None and e is not None]
        return spans

    def nearby(self, fact: Node) -> list[Node]:
        """The other facts whose words lie within :data:`PASSAGE` characters of ``fact``'s, in the same article."""
        found: dict[Node, None] = {}
        for g in sorted(self._evidenced(fact), key=str):
            for _, start, end in self.catalog.evidence(fact, g):
                if start is not None and end is not None:
                    close = [
                        (s, str(o), o)
                        for s, e, o in self._spans.get(g, [])
                        if s < end + PASSAGE and start - PASSAGE < e
                    ]
                    found.update((o, None) for _, _, o in sorted(close) if o != fact)
        return list(found)[:NEARBY]

    def _file(self, card: Card, fact: Node, other: bool = False) -> None:
        """Put ``fact`` under the card's numbers, quotes or (when about another node) facts."""
        if self.catalog.is_a(fact, TKG.Observation):
            card["numbers"].append(self.number(fact))
        elif self.catalog.is_a(fact, TKG.Quote) or self.catalog.is_a(fact, TKG.ReportedSpeech):
            card["quotes"].append(self.quote(fact))
        elif other:
            card["facts"].append(self.fact(fact))

    def _voices(self, facts: dict[Node, None], have: set[str]) -> list[Quote]:
        """A place's voices: the quotes of the articles that report its numbers and statuses."""
        c = self.catalog
        reporting = {self._graph_of(f) for f in facts if c.is_a(f, TKG.Observation) or c.is_a(f, TKG.IndustryStatus)}
        return [
            self.quote(q)
            for graph in sorted(g for g in reporting if g is not None)
            for q in sorted(self.quotes_in.get(graph, []), key=str)
            if str(q) not in have
        ]

    def _relations(self, node: IRI) -> list[Relation]:
        """The node's relations to other entities, outgoing then incoming, each by property and
        other end's name (the same page from the same graph, byte for byte), with their words."""
        c = self.catalog
        found = [
            self._relation("out", node, p, o, g)
            for p, o, g in c.statements.get(node, [])
            if g != ONTOLOGY_GRAPH
            and p not in HIDDEN_PROPERTIES
            and isinstance(o, IRI)
            and c.kinds.get(o)
            and not c.is_a(o, TKG.Fact)
            and o not in (TKG.Article,)
        ]
        found += [
            {
                "dir": "out",
                "prop": c.label(p),
                "other": c.label(o),
                "otherId": str(o),
                "source": "inferred",
                "context": context,
                "ev": [],
            }
            for p, o, context in c.inferred.get(node, [])
        ]
        return sorted(found, key=_reading_order) + sorted(
            (
                self._relation("in", s, p, node, g)
                for s, p, g in self.incoming.get(node, [])
                if isinstance(s, IRI)
                and c.kinds.get(s)
                and not c.is_a(s, TKG.Fact)
                and s != node
                and not c.is_a(s, TKG.Mention)
                and not c.is_a(s, TKG.Article)
            ),
            key=_reading_order,
        )

    def _relation(self, direction: str, s: Node, p: IRI, o: Node, g: IRI) -> Relation:
        c = self.catalog
        other = o if direction == "out" else s
        ev: list[Evidence] = []
        context = False
        for statement, name in c.statements_of.get((s, p, o), []):
            contextual = c.value(statement, TKG.basis) == TKG.Contextual
            context = context or (contextual and name == g)
            ev += self.evidence(statement, name, context=contextual)
        folded = any(c.is_a(other, k) for k in FOLDED_CLASSES)
        return {
            "dir": direction,
            "prop": c.label(p),
            "other": c.label(other),
            "otherId": None if folded else str(other),
            "source": c.source_name(g),
            "context": context,
            "ev": ev,
        }


class Passage(TypedDict):
    before: str | None
    after: str | None


def passage(text: str | None, words: str, start: int | None, end: int | None) -> Passage:
    """The sentence around ``words`` (at ``start``–``end`` of ``text``): the text before them
    from the sentence's start, and after them to its end, each at most :data:`CONTEXT`
    characters (cut at a word, with "…"); None when the text or the offsets do not give the words.

    >>> passage("It rained. Last year there were 314 days of good air. Then", "314 days", 32, 40)
    {'before': 'Last year there were ', 'after': ' of good air.'}
    """
    if text is None or start is None or end is None or not 0 <= start <= end <= len(text):
        return {"before": None, "after": None}
    if " ".join(text[start:end].split()) != " ".join(words.split()):
        return {"before": None, "after": None}
    head = text[max(0, start - CONTEXT) : start]
    ends = [m.end() for m in SENTENCE_END.finditer(head)]
    if ends:
        head = head[ends[-1] :]
    elif start > CONTEXT:
        head = "…" + head[head.find(" ") + 1 :]
    tail = text[end : end + CONTEXT]
    found = SENTENCE_END.search(tail)
    if end > start and SENTENCE_END.match(text, end - 1):  # the words end their sentence
        tail = ""
    elif found:
        tail = tail[: found.end()].rstrip()
    elif end + CONTEXT < len(text):
        tail = tail[: tail.rfind(" ")] + "…"
    return {"before": head, "after": tail}


def tooltip(catalog: Catalog, node: Node) -> list[str]:
    """Plain-text lines: the node's type, its facts with sources and words, its mentions."""
    kind = catalog.kinds.get(node)
    lines = [catalog.label(node), f"type: {catalog.name(kind, 'unknown')}"]
    others = [label for label in catalog.all_labels(node) if label != lines[0]]
    if others:
        lines.append("also: " + ", ".join(others))
    by_graph: dict[IRI, list[tuple[IRI, Node]]] = {}  # the graphs stating it, in order (one pass)
    for p, o, g in catalog.statements.get(node, []):
        if g != ONTOLOGY_GRAPH:
            by_graph.setdefault(g, []).append((p, o))
    for name, stated in by_graph.items():
        for p, o in stated:
            if p not in HIDDEN_PROPERTIES and not isinstance(o, Blank):
                lines.append(f"{catalog.label(p)}: {catalog.label(o)} — {catalog.source_name(name)}")
        if catalog.is_a(node, TKG.Fact):
            lines.extend(catalog.evidence_lines(node, name))
    for p, o, context in catalog.inferred.get(node, []):
        lines.append(f"{catalog.label(p)}: {catalog.label(o)} — inferred" + (" (from context)" if context else ""))
    for article, exact in catalog.mentions.get(node, []):
        lines.append(f"mentioned in {catalog.label(article)}: {quoted(exact)}")
    if len(lines) > MAX_TIP_LINES:
        lines = [*lines[: MAX_TIP_LINES - 1], f"… and {len(lines) - MAX_TIP_LINES + 1} more"]
    return lines
