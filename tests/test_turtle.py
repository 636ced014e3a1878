"""The one writer of Turtle and TriG (core/turtle.py): whatever text goes in comes back the same
literal, numbers are typed numbers, names are checked, and the layout is the house layout that
registrations, drafts, promoted facts and anchored offsets share."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transition_kg.core import turtle
from transition_kg.core.texts import ArticleText
from transition_kg.core.vocab import PREFIXES

XSD = PREFIXES["xsd"]


def parsed(statements: str) -> list[ox.Quad]:
    """The quads of a TriG document with the house prefixes and one graph."""
    return list(ox.parse((turtle.header() + turtle.graph("tkr:g", statements + "\n")).encode(), ox.RdfFormat.TRIG))


def object_of(value: turtle.Term) -> ox.Term:
    (quad,) = parsed(turtle.subject("tkr:x", [("rdfs:label", value)]))
    return quad.object


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_comes_back_as_the_same_literal(text):
    assert object_of(turtle.text(text)) == ox.Literal(text)
    assert object_of(turtle.text(text, "en")) == ox.Literal(text, language="en")


@pytest.mark.parametrize("text", ['say "no"', "back\\slash", "tab\there", "line\nbreak\r", "\x00\x0b\u2028\u2029"])
def test_hostile_text_stays_one_literal(text):
    written = turtle.subject("tkr:x", [("rdfs:label", turtle.text(text))], [("tkg:note", turtle.text(text))])
    assert "\n" not in written.splitlines()[0] and len(parsed(written)) == 2
    assert {q.object for q in parsed(written)} == {ox.Literal(text)}


def test_numbers_are_typed_numbers_as_a_reader_writes_them():
    cases = [
        (Decimal("6.3E+9"), "6300000000", "integer"),
        (Decimal("17.20"), "17.2", "decimal"),
        (52000, "52000", "integer"),
        (Decimal("0.5"), "0.5", "decimal"),
    ]
    for value, written, datatype in cases:
        assert turtle.term(turtle.number(value)) == written
        assert object_of(turtle.number(value)) == ox.Literal(written, datatype=ox.NamedNode(XSD + datatype))
    assert turtle.term(True) == "true" and turtle.term(7) == "7"
    assert turtle.term(ox.Literal("1.", datatype=ox.NamedNode(XSD + "decimal"))) == '"1."^^xsd:decimal'
    assert turtle.term(turtle.typed("2024", "xsd:gYear")) == '"2024"^^xsd:gYear'


def test_names_are_checked_and_iris_written_as_pyoxigraph_writes_them():
    assert turtle.name(PREFIXES["tkr"] + "datong") == "tkr:datong"
    assert turtle.name(PREFIXES["tkr"] + "a.") == f"<{PREFIXES['tkr']}a.>"  # no prefixed name ends with a dot
    assert turtle.name("http://example.org/x") == "<http://example.org/x>"
    assert turtle.term(ox.NamedNode(PREFIXES["tkr"] + "datong")) == f"<{PREFIXES['tkr']}datong>"
    for bad in ("tkr:x y", "nope:x", 'tkr:x" . tkr:y tkr:z "', "<http://x/ y>", "plain text"):
        with pytest.raises(ValueError):
            turtle.term(bad)
    with pytest.raises(TypeError):
        turtle.term(1.5)  # type: ignore[arg-type]


def test_the_house_layout_of_a_fact_with_its_evidence():
    written = turtle.subject(
        "tkr:obs-1",
        [("a", "tkg:Observation"), ("tkg:qualifier", None)],
        [("tkg:value", turtle.number(52000)), ("tkg:year", None)],
        [("tkg:evidence", turtle.evidence("tkr:article-x", 30, 53, "nearly 52,000 residents"))],
    )
    assert written == (
        "    tkr:obs-1 a tkg:Observation ;\n"
        "        tkg:value 52000 ;\n"
        "        tkg:evidence [ a oa:SpecificResource ; oa:hasSource tkr:article-x ;\n"
        "            oa:hasSelector [ a oa:TextPositionSelector ; oa:start 30 ; oa:end 53 ] ,\n"
        '                           [ a oa:TextQuoteSelector ; oa:exact "nearly 52,000 residents" ] ] .'
    )
    assert len(parsed(written)) == 12
    assert turtle.subject("tkr:y", [("rdfs:label", [turtle.text("a"), turtle.text("b")])]) == (
        '    tkr:y rdfs:label "a", "b" .'
    )


def test_a_position_selector_goes_in_front_of_a_quote_selector_as_anchor_writes_it():
    line = '            oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "x" ] ] .'
    column = line.index("[")
    anchored = line[:column] + turtle.before_object(turtle.position_selector(4, 5), column) + line[column:]
    assert anchored == (
        "            oa:hasSelector [ a oa:TextPositionSelector ; oa:start 4 ; oa:end 5 ] ,\n"
        '                           [ a oa:TextQuoteSelector ; oa:exact "x" ] ] .'
    )


def test_comments_stay_comments_and_additions_go_inside_the_graph():
    assert turtle.comment("one\nline\rtwo", 4) == "    # one line two"
    document = turtle.header() + turtle.graph("tkr:g", "\n")
    added = turtle.append_to_graph(document, "Promoted from a\nb.trig", [turtle.subject("tkr:x", [("a", "tkg:City")])])
    assert added.endswith("\n    # Promoted from a b.trig\n    tkr:x a tkg:City .\n}\n")
    assert [q.graph_name for q in ox.parse(added.encode(), ox.RdfFormat.TRIG)] == [ox.NamedNode(PREFIXES["tkr"] + "g")]


def test_an_article_text_is_the_whole_file_unless_its_extent_says_otherwise():
    whole = ArticleText(Path("a.txt"), "Title\nBody", "")
    assert (whole.start, whole.end, whole.text) == (0, 10, "Title\nBody")
    part = ArticleText(Path("a.txt"), "Title\nBody", "", 6, 10)
    assert part.text == "Body" and part.sha256 == hashlib.sha256(b"Body").hexdigest()
