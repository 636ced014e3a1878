"""The RDF terms the pages read, without rdflib: an IRI (:class:`IRI`) and a blank node
(:class:`Blank`) are strings of their own types, a literal (:class:`Lit`) its text with its
language or datatype; :func:`quads` reads them from a store (pyoxigraph's terms, converted
once each) or from an rdflib ``Dataset`` a notebook already has. The vocabularies' names
(``TKG.City``, ``RDF.type``, …) are IRIs too.

>>> TKG.City == "https://w3id.org/transition-kg/ontology#City", isinstance(TKR["datong"], IRI)
(True, True)
>>> str(Lit("12", datatype=PREFIXES["xsd"] + "integer")), Lit("12", datatype=PREFIXES["xsd"] + "integer").python()
('12', 12)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..core.sparql import python_value
from ..core.vocab import INFERRED_GRAPH_IRI, ONTOLOGY_GRAPH_IRI, PREFIXES, TKG_IRI, TKR_IRI

_STRINGS = {PREFIXES["xsd"] + "string", PREFIXES["rdf"] + "langString"}


class IRI(str):
    """An IRI: the string itself (equal to the plain string of the same IRI)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"IRI({str.__repr__(self)})"


class Blank(str):
    """A blank node: its identifier."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Blank({str.__repr__(self)})"


#: a term of the view: an IRI, a blank node or a literal
Term = Any


class Lit:
    """A literal: its text (``str()``), its language (or None) and its datatype IRI (None for
    a plain string or one with a language); equal to the literal of the same three."""

    __slots__ = ("_key", "datatype", "language", "value")

    def __init__(self, value: str, language: str | None = None, datatype: str | None = None) -> None:
        self.value = value
        self.language = language or None
        self.datatype = None if datatype in _STRINGS or datatype is None else datatype
        self._key = (value, self.language, self.datatype)

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:
        return f"Lit{self._key!r}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Lit) and self._key == other._key

    def __hash__(self) -> int:
        return hash(self._key)

    def python(self) -> Any:
        """Its value in Python: int, Decimal, float or bool for those types, else its text."""
        return python_value(self.value, self.datatype or PREFIXES["xsd"] + "string")


class Names:
    """A namespace whose attributes (and items) are its IRIs, each made once."""

    def __init__(self, base: str) -> None:
        self._base = base

    def __getattr__(self, name: str) -> IRI:
        if name.startswith("__"):
            raise AttributeError(name)
        iri = self.__dict__[name] = IRI(self._base + name)
        return iri

    def __getitem__(self, name: str) -> IRI:
        return IRI(self._base + name)

    def __str__(self) -> str:
        return self._base


TKG, TKR = Names(TKG_IRI), Names(TKR_IRI)
RDF, RDFS, SKOS, DCTERMS, OA = (Names(PREFIXES[p]) for p in ("rdf", "rdfs", "skos", "dcterms", "oa"))
ONTOLOGY_GRAPH, INFERRED_GRAPH = IRI(ONTOLOGY_GRAPH_IRI), IRI(INFERRED_GRAPH_IRI)


def from_oxigraph(term: Any) -> Term:
    """The view's form of a pyoxigraph term."""
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return IRI(term.value)
    if isinstance(term, ox.BlankNode):
        return Blank(term.value)
    return Lit(term.value, term.language, term.datatype.value)


def _from_rdflib(term: Any) -> Term:
    """The view's form of an rdflib term (for a Dataset a notebook passes)."""
    from rdflib import BNode, Literal

    if isinstance(term, Literal):
        return Lit(str(term), term.language, str(term.datatype) if term.datatype else None)
    return Blank(term) if isinstance(term, BNode) else IRI(term)


def quads(source: Any) -> Iterator[tuple[Term, Term, Term, IRI]]:
    """(subject, property, object, graph) of every statement in a named graph of ``source``:
    a store of :mod:`transition_kg.core.store` (its :meth:`quads`), or an rdflib ``Dataset``
    (its default graph left out); each term converted once."""
    made: dict[Any, Term] = {}
    if hasattr(source, "default_graph"):  # an rdflib Dataset
        default = source.default_graph.identifier
        convert = _from_rdflib
        found: Iterator = (
            (s, p, o, g.identifier if hasattr(g, "identifier") else g)
            for s, p, o, g in source.quads((None, None, None, None))
        )
        found = (q for q in found if q[3] != default)
    else:
        convert, found = from_oxigraph, source.quads()

    def term(t: Any) -> Term:
        view = made[t] = convert(t)
        return view

    known = made.get  # most terms are met again: a lookup, not a call
    for s, p, o, g in found:
        yield known(s) or term(s), known(p) or term(p), known(o) or term(o), known(g) or term(g)
