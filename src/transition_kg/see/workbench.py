"""The SPARQL workbench page (``serve``'s ``/``, and the Query tab of ``view --with-sparql``): the
editor, the named queries and the results, run by workbench.js against the endpoint or the
page's store. :mod:`transition_kg.ask.workbench` gathers its data (:class:`WorkbenchData`)."""

from __future__ import annotations

from typing import TypedDict

from .pages import render


class Param(TypedDict):
    name: str
    type: str  # IRI, string, integer, decimal or year
    default: str | None
    description: str
    kind: str | None  # for an IRI parameter, the class the query asks for (the range of its property)


class Example(TypedDict):
    """A named query as the page lists it: its text with the defaults bound."""

    name: str
    title: str
    description: str
    text: str
    params: list[Param]


class WorkbenchData(TypedDict):
    """The workbench's JSON island, as workbench.js reads it."""

    examples: list[Example]
    prefixes: dict[str, str]  # prefix → namespace
    terms: list[str]  # the ontology's terms as prefixed names, for completion
    properties: list[str]  # the ontology's properties' IRIs (a result column of these is no network)
    inPage: bool  # a frame of the network page, asking the page's store (parent.tkg), not /sparql


def render_workbench(data: WorkbenchData, review: str | None = None) -> str:
    """The workbench's HTML; with a link to ``review`` (where the server lists the project's
    drafts to review) when given."""
    return render("workbench.html", data=data, review=review)
