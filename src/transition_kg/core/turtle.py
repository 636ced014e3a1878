"""The one writer of Turtle and TriG: terms, subjects with their predicate–object lists,
blank nodes written in place (the evidence selectors among them), graph blocks, comments and
the prefix header, all in the house layout of ``graph/articles/*.trig``.

A term is a pyoxigraph term, a Python number or truth value, a :class:`Blank`, or a *name*:
a ``str`` that is ``a``, a prefixed name with a house prefix (``tkg:Article``) or ``<iri>``.
Text is never a name: it goes in as a literal (:func:`text`) and pyoxigraph escapes it. An IRI
is written in full (``<…>``) as pyoxigraph writes it; :func:`name` gives its prefixed name where
a house prefix fits. Numbers are written as Turtle numbers (typed ``xsd:integer`` or
``xsd:decimal``), never as pasted text.

>>> print(subject("tkr:obs-1", [("a", "tkg:Observation"), ("tkg:value", number(52000))],
...     [("tkg:year", typed("2024", "xsd:gYear"))]))
    tkr:obs-1 a tkg:Observation ; tkg:value 52000 ;
        tkg:year "2024"^^xsd:gYear .
>>> term(text('the "coal capital"'))
'"the \\\\"coal capital\\\\""'
>>> name("https://w3id.org/transition-kg/id/datong"), name("http://example.org/x")
('tkr:datong', '<http://example.org/x>')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from .vocab import PREFIXES, turtle_prefixes

TYPE_CHECKING = False  # typing costs a cold start; mypy reads this name as typing's
if TYPE_CHECKING:
    from typing import TypeAlias

    import pyoxigraph as ox

    Term: TypeAlias = "str | bool | int | Decimal | ox.NamedNode | ox.BlankNode | ox.Literal | Blank"
    Pair: TypeAlias = "tuple[str, Term | Sequence[Term | None] | None]"

#: the prefixes of the files the tool writes (registrations, drafts), in table order
HOUSE = ("tkg", "tkr", "rdf", "rdfs", "xsd", "dcterms", "oa")
XSD = PREFIXES["xsd"]
# Turtle's own forms of numbers and truth values (its INTEGER, DECIMAL and BooleanLiteral)
_SHORT = {
    XSD + "integer": re.compile(r"[+-]?[0-9]+"),
    XSD + "decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    XSD + "boolean": re.compile(r"true|false"),
}
# a local name any Turtle reader takes (ASCII; no leading or trailing dot)
_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")


class Blank:
    """A blank node written in place, ``[ … ]``: each argument is one line of (predicate, object)
    pairs; an object may be a list (an object list) and None leaves its pair out."""

    __slots__ = ("lines",)

    def __init__(self, *lines: Sequence[Pair]) -> None:
        self.lines = lines


def name(value: str) -> str:
    """``prefix:local`` for an IRI where a house prefix fits, else ``<iri>`` (a name :func:`term`
    writes as it is)."""
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        if value.startswith(namespace) and _LOCAL.fullmatch(value[len(namespace) :]):
            return f"{prefix}:{value[len(namespace) :]}"
    return str(iri(value))


def iri(value: str) -> ox.NamedNode:
    """An IRI term (a ValueError for what is no IRI)."""
    import pyoxigraph as ox

    return ox.NamedNode(value)


def text(value: str, language: str | None = None) -> ox.Literal:
    """A string literal (with a language tag when given)."""
    import pyoxigraph as ox

    return ox.Literal(value, language=language)


def typed(value: str, datatype: str) -> ox.Literal:
    """A literal of a datatype given by name (``xsd:date``) or IRI."""
    import pyoxigraph as ox

    prefix, _, local = datatype.partition(":")
    return ox.Literal(value, datatype=iri(PREFIXES[prefix] + local if prefix in PREFIXES else datatype))


def number(value: int | Decimal | str) -> ox.Literal:
    """A number as a reader writes it, typed: 6300000000 (``xsd:integer``), not 6300000000.0
    or 6.3E+9; 17.2 (``xsd:decimal``) stays 17.2."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return typed(str(int(value)), "xsd:integer")
    return typed(format(value.normalize(), "f"), "xsd:decimal")


def term(value: Term) -> str:
    """One term as Turtle writes it (a :class:`Blank` on one line)."""
    return _object("", value, 0)


def _name(value: str) -> str:
    """A name checked: ``a``, a prefixed name with a house prefix, or ``<iri>``."""
    if value == "a":
        return value
    if value.startswith("<") and value.endswith(">"):
        return str(iri(value[1:-1]))
    prefix, colon, local = value.partition(":")
    if colon and prefix in PREFIXES and _LOCAL.fullmatch(local):
        return value
    raise ValueError(f"{value!r} is not a name (a prefixed name with a house prefix, or <iri>)")


def _literal(literal: ox.Literal) -> str:
    """Numbers and truth values in Turtle's own forms; other literals as pyoxigraph writes
    them, a datatype by its prefixed name."""
    import pyoxigraph as ox

    datatype = literal.datatype.value
    if literal.language or datatype == XSD + "string":
        return str(literal)
    short = _SHORT.get(datatype)
    if short is not None and short.fullmatch(literal.value):
        return literal.value
    return f"{ox.Literal(literal.value)}^^{name(datatype)}"


def _object(out: str, value: Term, level: int) -> str:
    """``out`` with ``value`` written after it; a blank node's further lines at ``level`` + 4."""
    import pyoxigraph as ox

    if isinstance(value, Blank):
        out += "[ "
        for i, line in enumerate(value.lines):
            out = _pairs(out + (" ;\n" + " " * (level + 4) if i else ""), line, level + 4)
        return out + " ]"
    if isinstance(value, bool):
        return out + ("true" if value else "false")
    if isinstance(value, (int, Decimal)):
        return out + _literal(number(value))
    if isinstance(value, str):
        return out + _name(value)
    if isinstance(value, ox.Literal):
        return out + _literal(value)
    if isinstance(value, (ox.NamedNode, ox.BlankNode)):
        return out + str(value)
    raise TypeError(f"not a term: {value!r}")


def _kept(pair: Pair) -> tuple[str, list[Term]]:
    """A pair's predicate and its objects, None left out."""
    objects: list = list(pair[1]) if isinstance(pair[1], (list, tuple)) else [pair[1]]
    return pair[0], [o for o in objects if o is not None]


def _pairs(out: str, pairs: Sequence[Pair], level: int) -> str:
    """``out`` with ``pairs`` written on its last line, ``p o ; p o``; an object list of blank
    nodes one to a line, aligned under the first."""
    kept = [(p, objects) for p, objects in map(_kept, pairs) if objects]
    for i, (predicate, objects) in enumerate(kept):
        out += (" ; " if i else "") + _name(predicate) + " "
        column = len(out) - out.rfind("\n") - 1
        for j, value in enumerate(objects):
            if j:
                out += _next_object(column) if any(isinstance(o, Blank) for o in objects) else ", "
            out = _object(out, value, level)
    return out


def _next_object(column: int) -> str:
    return " ,\n" + " " * column


def before_object(value: Term, column: int) -> str:
    """``value`` written to go in front of an object that starts at ``column`` of its line, in
    the same object list (how ``anchor`` puts a position selector before a quote selector)."""
    return term(value) + _next_object(column)


def subject(node: Term, *lines: Sequence[Pair], indent: int = 4) -> str:
    """A subject with its predicate–object pairs and a final `` .``: the first line of pairs
    after the subject, each further line on a line of its own, 4 columns further in. A line
    whose pairs are all left out (None) is left out."""
    kept = [line for line in lines if any(_kept(pair)[1] for pair in line)]
    out = _object(" " * indent, node, indent) + " "
    for i, line in enumerate(kept):
        out = _pairs(out + (" ;\n" + " " * (indent + 4) if i else ""), line, indent + 4)
    return out + " ."


def graph(node: Term, body: str) -> str:
    """A TriG graph block, ``NAME {`` … ``}``, around ``body`` (its statements, each line ended)."""
    return f"{term(node)} {{\n{body}}}\n"


def comment(line: str, indent: int = 0) -> str:
    """A comment line (a line break in ``line`` is written as a space: it would end the comment)."""
    return " " * indent + "# " + re.sub(r"[\r\n]", " ", line)


def header(names: Sequence[str] = HOUSE) -> str:
    """The ``@prefix`` lines of the named house prefixes, from the one prefix table."""
    return turtle_prefixes(tuple(names))


def append_to_graph(document: str, note: str, statements: Sequence[str]) -> str:
    """A TriG file of one graph with ``statements`` added at the end of that graph, after a
    comment line (``note``); the rest of the file is kept as it is."""
    end = document.rstrip().rfind("}")
    return document[:end] + "\n" + comment(note, 4) + "\n" + "\n".join(statements) + "\n" + document[end:]


def position_selector(start: int, end: int) -> Blank:
    """``[ a oa:TextPositionSelector ; oa:start S ; oa:end E ]``."""
    return Blank([("a", "oa:TextPositionSelector"), ("oa:start", start), ("oa:end", end)])


def quote_selector(exact: str) -> Blank:
    """``[ a oa:TextQuoteSelector ; oa:exact "…" ]``."""
    return Blank([("a", "oa:TextQuoteSelector"), ("oa:exact", text(exact))])


def evidence(source: Term, start: int, end: int, exact: str) -> Blank:
    """The evidence of a fact: the article (``source``), the span's offsets and its words."""
    return Blank(
        [("a", "oa:SpecificResource"), ("oa:hasSource", source)],
        [("oa:hasSelector", [position_selector(start, end), quote_selector(exact)])],
    )
