"""What the pages show of a store (or an rdflib Dataset), read from its statements once: the
catalogue of things, their classes, labels, values and evidence (:class:`Catalog`), and the
view's error (:class:`ViewError`)."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

from ..core.errors import TKGError
from ..core.infer import superclass_map
from ..core.texts import Registration
from ..core.vocab import short
from .terms import DCTERMS, INFERRED_GRAPH, IRI, OA, ONTOLOGY_GRAPH, RDF, RDFS, SKOS, TKG, TKR, Lit, quads
from .terms import Term as Node

#: classes whose members are folded into the nodes that point to them (a unit, an article, …)
FOLDED_CLASSES = {
    TKG.Unit,
    TKG.Qualifier,
    TKG.Measure,
    TKG.Status,
    TKG.ComparisonKind,
    TKG.Indicator,
    TKG.Article,
    TKG.Mention,
    TKG.Basis,
}
HIDDEN_PROPERTIES = {RDF.type, RDFS.label, SKOS.altLabel, DCTERMS.title, TKG.evidence, TKG.extent}
PLURAL_UNITS = {
    "year",
    "day",
    "tonne",
    "second",
    "kilometre",
    "hectare",
    "euro",
    "US dollar",
    "pound",
    "megawatt",
    "month",
    "week",
    "hour",
    "minute",
    "degree Celsius",
}

Statement = tuple[IRI, Node, IRI]  # (property, object, graph)


class ViewError(TKGError):
    """A view that cannot be made: an unknown class, article or focus IRI, or format."""


def _first(values: Iterable[Node]) -> str | None:
    """The English value, else one without language, else any (sorted for stability)."""
    ordered = sorted(
        values,
        key=lambda v: (
            getattr(v, "language", None) not in ("en", None),
            getattr(v, "language", None) is not None,
            str(v),
        ),
    )
    return str(ordered[0]) if ordered else None


QUOTE_MARKS = "\"“‘'"


def quoted(words: str) -> str:
    """An article's words in quotation marks, unless they open on the article's own mark
    (“"steering …" as …” read as two quotes)."""
    return words if words[:1] in QUOTE_MARKS else f"“{words}”"


@dataclass
class Catalog:
    """What the view needs to know of a dataset, indexed once."""

    sources: list[IRI] = field(default_factory=list)
    kinds: dict[Node, IRI] = field(default_factory=dict)
    superclasses: dict[Node, set[Node]] = field(default_factory=dict)
    #: subject → [(property, object, graph)], from one pass over the quads: every lookup of the
    #: view reads this, so a page costs time linear in the graph, whatever the number of articles
    statements: dict[Node, list[Statement]] = field(default_factory=dict)
    #: place → [(tkg:locatedIn, where, rests on context)], from the inferred graph (its closure)
    inferred: dict[Node, list[tuple[IRI, Node, bool]]] = field(default_factory=dict)
    #: (subject, property) → [(object, graph)]: a lookup costs what it finds, not what else the
    #: subject has (a node that 10,000 graphs state is looked up as fast as any other)
    index: dict[tuple[Node, Node], list[tuple[Node, IRI]]] = field(default_factory=dict)
    #: what :meth:`values` found, by its arguments (the cards ask for the same values many times)
    found: dict[tuple[Node, Node, IRI | None], list[Node]] = field(default_factory=dict)

    @classmethod
    def of(cls, source: Any) -> Catalog:
        """The catalogue of a store's named graphs, or of an rdflib ``Dataset`` (see :func:`.terms.quads`)."""
        catalog = cls()
        statements: dict[Node, list[Statement]] = defaultdict(list)
        derived: dict[Node, dict[IRI, Node]] = defaultdict(dict)  # the inferred graph's statements
        index: dict[tuple[Node, Node], list[tuple[Node, IRI]]] = defaultdict(list)
        names: set[IRI] = set()
        for s, p, o, name in quads(source):
            if name == INFERRED_GRAPH:
                if p in (RDF.subject, RDF.object, TKG.basis):
                    derived[s][p] = o
                continue
            names.add(name)
            statements[s].append((p, o, name))
            index[(s, p)].append((o, name))
        catalog.index = dict(index)
        catalog.sources = sorted(n for n in names if n != ONTOLOGY_GRAPH)
        contextual = {(d[RDF.subject], d[RDF.object]) for d in derived.values() if d.get(TKG.basis) == TKG.Contextual}
        for s, o in sorted({(d[RDF.subject], d[RDF.object]) for d in derived.values() if len(d) == 3}, key=str):
            catalog.inferred.setdefault(s, []).append((TKG.locatedIn, o, (s, o) in contextual))
        order = {name: i for i, name in enumerate([*catalog.sources, ONTOLOGY_GRAPH])}
        for found in statements.values():
            found.sort(key=lambda pog: (order[pog[2]], str(pog[0]), str(pog[1])))
        catalog.statements = dict(statements)
        catalog.superclasses = superclass_map(
            (s, p, o) for s, found in catalog.statements.items() for p, o, g in found if g == ONTOLOGY_GRAPH
        )
        typed: dict[Node, set[IRI]] = defaultdict(set)
        for thing, found in catalog.statements.items():
            for p, klass, name in found:
                # in the articles' graphs any type; in the ontology, its individuals (industries, units, …)
                if p == RDF.type and (name != ONTOLOGY_GRAPH or str(klass).startswith(str(TKG))):
                    typed[thing].add(cast(IRI, klass))
        for thing, classes in typed.items():
            specific = [c for c in classes if not any(c in catalog.superclasses.get(o, ()) for o in classes if o != c)]
            catalog.kinds[thing] = sorted(specific)[0]
        return catalog

    def is_a(self, thing: Node, klass: Node) -> bool:
        kind = self.kinds.get(thing)
        return kind is not None and (kind == klass or klass in self.superclasses.get(kind, ()))

    def drawable(self, thing: Node) -> bool:
        return isinstance(thing, IRI) and thing in self.kinds and not any(self.is_a(thing, c) for c in FOLDED_CLASSES)

    @functools.cached_property
    def _labels(self) -> dict[Node, str]:
        """Each term's label, once found (the view asks for a hub's label once per neighbour)."""
        return {}

    def label(self, term: Node) -> str:
        """The English label, title, or a short name for the term."""
        if isinstance(term, Lit):
            return str(term)
        if term in self._labels:
            return self._labels[term]
        found = _first(self.values(term, RDFS.label)) or _first(self.values(term, DCTERMS.title))
        if not found and isinstance(term, IRI) and self.is_a(term, TKG.Fact):
            found = self.fact_label(term)
        self._labels[term] = found or short(str(term))
        return self._labels[term]

    def all_labels(self, term: Node) -> list[str]:
        return sorted({str(v) for v in self.values(term, RDFS.label) + self.values(term, SKOS.altLabel)})

    def values(self, subject: Node, prop: IRI, graph: IRI | None = None) -> list[Node]:
        """The objects of ``subject prop`` in the graphs the view reads (or in ``graph``), by
        their text (a list kept for the next call: not to be changed)."""
        key = (subject, prop, graph)
        found = self.found.get(key)
        if found is None:
            stated = self.index.get((subject, prop), ())
            found = self.found[key] = sorted({o for o, g in stated if graph in (None, g)}, key=str)
        return found

    def value(self, subject: Node, prop: IRI) -> Node | None:
        found = self.values(subject, prop)
        return found[0] if found else None

    def name(self, term: Node | None, missing: str = "?") -> str:
        """The label of ``term``, or ``missing`` when there is none."""
        return self.label(term) if term is not None else missing

    def fact_label(self, fact: IRI) -> str:
        """A short name for a fact without a label of its own."""
        v = lambda p: self.value(fact, p)
        if self.is_a(fact, TKG.Observation):
            return f"{self.name(v(TKG.indicator))}: {self.amount(fact)}"
        if self.is_a(fact, TKG.Quote):
            return f"quote: {self.name(v(TKG.speaker))}"
        if self.is_a(fact, TKG.Role):
            return str(v(TKG.title) or "role")
        if self.is_a(fact, TKG.IndustryStatus):
            return f"{self.name(v(TKG.industry))}: {self.name(v(TKG.status))}"
        if self.is_a(fact, TKG.TradeLink):
            return f"{self.name(v(TKG.commodity))} trade: {self.name(v(TKG.status))}"
        if self.is_a(fact, TKG.Comparison):
            return f"{self.name(v(TKG.comparisonKind))}: {self.name(v(TKG.counterpart))}"
        return self.label(self.kinds.get(fact, fact))

    def amount(self, obs: Node) -> str:
        """An observation's value as a reader should see it: with its qualifier and measure,
        thousands separated (never rounded), its unit (none for counts) and its time: the year,
        the months of a part-year figure, or "as of" the article's year for the present tense."""
        value, unit, qualifier = self.value(obs, TKG.value), self.value(obs, TKG.unit), self.value(obs, TKG.qualifier)
        number = value.python() if isinstance(value, Lit) else value
        text = readable(number) if isinstance(number, int) else str(value)
        previous = self.value(obs, TKG.previousValue)
        if previous is not None:
            before = previous.python() if isinstance(previous, Lit) else previous
            text = f"{readable(before)} → {text}" if isinstance(before, int) else f"{previous} → {text}"
        measure = self.value(obs, TKG.measure)
        if measure is not None:
            text = {TKG.Increase: "up ", TKG.Decrease: "down "}.get(measure, "") + text
        if qualifier is not None:
            text = f"{self.label(qualifier)} {text}"
        if unit is not None and self.label(unit) == "fraction" and isinstance(number, (int, float, Decimal)):
            text = text.replace(str(value), fraction(number))  # "one eighth, 12.5%": its words, its percentage
        elif unit is not None and unit != TKR["unit-count"]:
            name = self.label(unit)
            plural = isinstance(number, (int, float)) and number != 1 and name in PLURAL_UNITS
            text += f" {name}s" if plural else f" {name}"
        return text + (f" ({when})" if (when := self._when(obs)) else "")

    def _when(self, obs: Node) -> str:
        """An observation's time as the amount says it: a year, "2025-01 to 2025-08", "as of 2023"."""
        year = self.value(obs, TKG.year) or self.value(obs, TKG.endYear)
        start, end, as_of = self.value(obs, TKG.periodStart), self.value(obs, TKG.periodEnd), self.value(obs, TKG.asOf)
        if start is not None and end is not None:
            return f"{start} to {end}"
        if as_of is not None and not year:
            return f"as of {as_of}"
        return str(year) if year else ""

    def year(self, fact: Node) -> int | None:
        """The year a fact holds for (its year, end year, period end, or the "as of" year), if any."""
        for prop in (TKG.year, TKG.endYear, TKG.periodEnd, TKG.asOf):
            value = self.value(fact, prop)
            if value is not None and str(value)[:4].isdigit():
                return int(str(value)[:4])
        return None

    def source_name(self, graph: Node) -> str:
        if self.is_a(graph, TKG.Article):
            return self.label(graph)
        return {
            "graph-shared": "shared entities",
            "graph-background": "curators' background (not from an article)",
        }.get(str(graph).rsplit("/", 1)[-1], self.label(graph))

    def evidence(self, fact: Node, graph: IRI) -> list[tuple[str, int | None, int | None]]:
        """Each evidence of ``fact`` in ``graph``: its words and its offsets (None when not given),
        in the article's order (the same page from the same graph, byte for byte)."""
        out = []
        first = lambda node, prop: next(iter(self.values(node, prop, graph)), None)
        number = lambda term: int(str(term)) if term is not None else None
        for evidence in self.values(fact, TKG.evidence, graph):
            exact, start, end = None, None, None
            for selector in self.values(evidence, OA.hasSelector, graph):
                exact = exact or first(selector, OA.exact)
                start = start if start is not None else first(selector, OA.start)
                end = end if end is not None else first(selector, OA.end)
            out.append((str(exact), number(start), number(end)))
        return sorted(out, key=lambda e: (e[1] is None, e[1] or 0, e[2] or 0, e[0]))

    def evidence_lines(self, fact: Node, graph: IRI) -> list[str]:
        return [
            f"evidence: {quoted(words)} — {self.source_name(graph)}"
            + (f", characters {start}–{end}" if start is not None else "")
            for words, start, end in self.evidence(fact, graph)
        ]

    @functools.cached_property
    def mentions(self) -> dict[Node, list[tuple[IRI, str]]]:
        """Entity → (article graph, the words that mention it), from the index."""
        found: dict[Node, list[tuple[IRI, str]]] = defaultdict(list)
        for mention, stated in self.statements.items():
            for p, entity, name in stated:
                if p != TKG.mentionOf or name == ONTOLOGY_GRAPH:
                    continue
                for evidence in self.values(mention, TKG.evidence, name):
                    for selector in self.values(evidence, OA.hasSelector, name):
                        for exact in self.values(selector, OA.exact, name):
                            found[entity].append((name, str(exact)))
        rank = {name: i for i, name in enumerate(self.sources)}
        for entity in found:
            found[entity].sort(key=lambda item: (rank.get(item[0], 0), item[1]))
        return found

    def registrations(self) -> list[Registration]:
        """The registered articles (``a tkg:Article``, IRIs) and what their graphs say of their
        text, as :func:`~transition_kg.core.texts.registrations` reads them from a loaded project."""
        found = []
        for article in sorted(s for s in self.kinds if isinstance(s, IRI) and self.is_a(s, TKG.Article)):
            extent = self.value(article, TKG.extent)
            start, end = (self.value(extent, p) if extent is not None else None for p in (OA.start, OA.end))
            said = [self.value(article, p) for p in (TKG.sourceFile, TKG.fileSha256, TKG.sha256)]
            file, file_sha, sha = (str(t) if t is not None else None for t in said)
            first, last = (int(str(b)) if b is not None else None for b in (start, end))
            found.append(Registration(str(article), file, first, last, file_sha, sha))
        return found

    @functools.cached_property
    def statements_of(self) -> dict[tuple[Node | None, Node | None, Node | None], list[tuple[Node, IRI]]]:
        """A relation (subject, property, object) → the rdf:Statement nodes that give it its words, and their graph."""
        found = defaultdict(list)
        for node, stated in self.statements.items():
            if any(p == RDF.type and o == RDF.Statement for p, o, _ in stated):
                v = {p: o for p, o, _ in stated}
                found[(v.get(RDF.subject), v.get(RDF.predicate), v.get(RDF.object))].append((node, stated[0][2]))
        return found


FRACTIONS = {
    (1, 2): "one half",
    (1, 3): "one third",
    (2, 3): "two thirds",
    (1, 4): "one quarter",
    (3, 4): "three quarters",
    (1, 5): "one fifth",
    (1, 8): "one eighth",
    (1, 10): "one tenth",
}


def fraction(value: float | Decimal) -> str:
    """A fraction as readers write it: its words where it has them, and its percentage.

    >>> fraction(0.125), fraction(0.4)
    ('one eighth, 12.5%', '40%')
    """
    percent = f"{float(value) * 100:.4g}%"
    for (top, bottom), words in FRACTIONS.items():
        if abs(float(value) - top / bottom) < 1e-6:
            return f"{words}, {percent}"
    return percent


def readable(number: int) -> str:
    """A whole number as a reader writes it, never rounded: 61 billion, 6.3 billion, 700,000,
    1,234,567,891 (a scale word only where the number is exactly that many)."""
    from decimal import Decimal

    for size, word in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million")):
        if abs(number) >= size:
            scaled = Decimal(number) / size
            if scaled == scaled.quantize(Decimal("0.001")):
                return f"{scaled.normalize():f} {word}"
    return f"{number:,}"
