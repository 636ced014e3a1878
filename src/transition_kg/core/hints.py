"""Hints for a query that finds nothing: the usual reasons a query is silently empty, each
checked against the store, each said in a line with what to write instead.

- a term in the ontology's namespace that the ontology does not declare (``tkg:Citty``: did you
  mean ``tkg:City``?), or a ``tkr:`` resource that no graph has;
- a plain literal where the graph's literals of that text are language-tagged
  (``rdfs:label "youth unemployment rate"``: the labels are tagged ``@en``);
- ``tkg:year`` asked alone, where the graph gives some figures' time as ``tkg:asOf`` (the
  present tense) or ``tkg:startYear``/``tkg:endYear`` (a period).

They are asked only when a result is empty (:attr:`transition_kg.core.sparql.QueryResult.hints`,
the command line's ``hint:`` lines), with a few seeking queries (the ontology's terms, a lookup
by value), so a hint costs milliseconds at any size.
"""

from __future__ import annotations

import difflib
import re

from .sparql import blank_out
from .vocab import ONTOLOGY_GRAPH_IRI, PREFIXES

TYPE_CHECKING = False  # typing costs a cold start 5 ms; mypy reads this name as typing's
if TYPE_CHECKING:
    from typing import Any as Store  # any store: hints are asked through store.query alone (no import cycle)

TKG, TKR = PREFIXES["tkg"], PREFIXES["tkr"]
LANGUAGES = ("en", "zh")  # the languages the graph's labels are tagged with
_NAME = re.compile(r"(?<![\w:?$#/.-])(tkg|tkr):([A-Za-z_][\w.-]*[\w-]|[A-Za-z_])")
_PLAIN = re.compile(r"\"((?:[^\"\\\n]|\\.){1,200})\"(?!@|\^\^|\")|'((?:[^'\\\n]|\\.){1,200})'(?!@|\^\^|')")
#: a query asking tkg:year alone misses the facts whose time is given otherwise
TIMES = {"asOf", "startYear", "endYear"}
_OTHER_TIMES = f"ASK {{ {{ GRAPH ?g {{ ?s <{TKG}asOf> ?t }} }} UNION {{ GRAPH ?h {{ ?s <{TKG}endYear> ?t }} }} }}"
TIME_HINT = (
    "tkg:year is given only where a figure names its year: a figure in the present tense has tkg:asOf "
    "(its article's year), one over a period tkg:startYear and tkg:endYear; ask them in OPTIONAL and "
    "take COALESCE(?year, ?asOf, ?endYear)"
)
#: the patterns a page with its own store reads a query with to give these hints (see/templates/query.js)
PATTERNS = {"mentioned": _NAME, "plain": _PLAIN}


def hints(store: Store, sparql: str, limit: int = 5) -> list[str]:
    """Why ``sparql`` may have found nothing on ``store``, one line each (none: no such reason)."""
    found: list[str] = []
    names = list(dict.fromkeys(_NAME.findall(blank_out(sparql))))
    terms = [local for prefix, local in names if prefix == "tkg"]
    if terms:
        declared = _declared(store)
        for local in terms[:limit]:
            if local not in declared:
                close = difflib.get_close_matches(local, declared, n=1, cutoff=0.6)
                guess = f"; did you mean tkg:{close[0]}?" if close else ": tkg: terms are listed by transition-kg docs"
                found.append(f"tkg:{local} is not a term of the ontology{guess}")
    if "year" in terms and not TIMES & set(terms) and store.query(_OTHER_TIMES).boolean:
        found.append(TIME_HINT)
    for local in [local for prefix, local in names if prefix == "tkr"][:limit]:
        if not store.query(
            f"ASK {{ GRAPH ?g {{ {{ <{TKR}{local}> ?p ?o }} UNION {{ ?s ?p <{TKR}{local}> }} }} }}"
        ).boolean:
            found.append(f"tkr:{local} is in no graph: the search query finds entities by label")
    for match in list(_PLAIN.finditer(sparql))[:limit]:
        text = match.group(1) if match.group(1) is not None else match.group(2)
        language = _tagged(store, text)
        if language:
            found.append(f'the graph\'s "{text}" is tagged @{language}: write "{text}"@{language}')
    return found


def _declared(store: Store) -> list[str]:
    """The local names of the ``tkg:`` terms the ontology's graph says anything of."""
    result = store.query(
        f"SELECT DISTINCT ?t WHERE {{ GRAPH <{ONTOLOGY_GRAPH_IRI}> {{ ?t ?p ?o }} "
        f'FILTER(isIRI(?t) && STRSTARTS(STR(?t), "{TKG}")) }}'
    )
    return sorted(row[0].value[len(TKG) :] for row in result.rows)


def _tagged(store: Store, text: str) -> str | None:
    """The language a literal of exactly ``text`` is tagged with in the graph (a lookup by value:
    the store seeks it), or None."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    values = " ".join(f'"{escaped}"@{language}' for language in LANGUAGES)
    found = store.query(f"SELECT ?l WHERE {{ VALUES ?l {{ {values} }} GRAPH ?g {{ ?s ?p ?l }} }} LIMIT 1")
    return found.rows[0][0].language if found.rows else None
