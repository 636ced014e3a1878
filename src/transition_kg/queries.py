"""Named queries: ``queries/NAME.rq`` with a header of leading comments::

    # title: Indicator over time for a place
    # description: Every observation of one indicator for one place, oldest first.
    # param: place  IRI  tkr:datong  the place

Parameters are typed (``IRI``, ``string``, ``integer``, ``decimal``, ``year``). A value is
parsed into an RDF term, then bound by a ``VALUES`` block placed first in the query's
``WHERE`` group and written with N-Triples escaping; the result is parsed again to prove
it is still one query of the same form. No value can change the query's shape, and the
same text runs on the embedded store and on any endpoint.

>>> print(bind("SELECT ?v WHERE { ?s ?p ?v }", {"s": URIRef("https://example.org/a")}))
SELECT ?v WHERE { VALUES (?s) { (<https://example.org/a>) }  ?s ?p ?v }
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from .errors import TKGError
from .load import PREFIXES
from .paths import Project
from .store import QueryResult, QuerySyntaxError, Store, query_form

PARAM_TYPES = ("IRI", "string", "integer", "decimal", "year")
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_PREFIXED = re.compile(r"^([A-Za-z][\w.-]*)?:([\w-][\w.-]*)?$")


class QueryError(TKGError):
    """An unknown query, a bad header, or a missing or malformed parameter."""


@dataclass(frozen=True)
class Param:
    """A declared parameter: its name, type, default (as written) and description."""

    name: str
    type: str
    default: str | None
    description: str = ""


@dataclass
class NamedQuery:
    """A query file and its header."""

    name: str
    path: Path
    title: str
    description: str
    params: list[Param] = field(default_factory=list)
    text: str = ""

    @property
    def ordered(self) -> bool:
        """Whether the query fixes the order of its rows."""
        return re.search(r"\bORDER\s+BY\b", _strip(self.text), re.I) is not None


def parse_header(path: Path, name: str | None = None) -> NamedQuery:
    """Read a query file and its header; raise QueryError naming the file and line."""
    text = path.read_text(encoding="utf-8")
    query = NamedQuery(name or path.stem, path, "", "", [], text)
    for number, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        match = re.match(r"#\s*(title|description|param):\s*(.*)$", line)
        if not match:
            continue
        key, value = match.groups()
        if key == "title":
            query.title = value.strip()
        elif key == "description":
            query.description = (query.description + " " + value.strip()).strip()
        else:
            parts = value.split(None, 3)
            if len(parts) < 2 or parts[1] not in PARAM_TYPES:
                raise QueryError(f"{path}:{number}: param must be 'NAME TYPE [DEFAULT [DESCRIPTION]]' with TYPE one of {', '.join(PARAM_TYPES)}")
            default = parts[2] if len(parts) > 2 and parts[2] != "-" else None
            query.params.append(Param(parts[0], parts[1], default, parts[3] if len(parts) > 3 else ""))
    if not query.title:
        raise QueryError(f"{path}:1: the header has no '# title:' line")
    return query


def discover(project: Project) -> dict[str, NamedQuery]:
    """Every named query of the project (``queries/*.rq``), by name."""
    return {p.stem: parse_header(p) for p in sorted(project.queries_dir.glob("*.rq"))}


def checks(project: Project) -> dict[str, NamedQuery]:
    """The quality checks, ``queries/checks/*-violation.rq``: each must return no rows."""
    return {p.stem: parse_header(p) for p in sorted((project.queries_dir / "checks").glob("*-violation.rq"))}


def get(project: Project, name: str) -> NamedQuery:
    """The named query ``name``, or a QueryError listing the names there are."""
    found = discover(project)
    if name not in found:
        raise QueryError(f"unknown query {name!r}; known: {', '.join(found) or 'none'} (transition-kg queries lists them)")
    return found[name]


def to_term(param: Param, raw: str) -> Node:
    """Parse a parameter value into an RDF term of the declared type."""
    where = f"--param {param.name}={raw}"
    if param.type == "IRI":
        if raw.startswith("<") and raw.endswith(">"):
            raw = raw[1:-1]
        match = _PREFIXED.match(raw)
        if match and match.group(1) in PREFIXES:
            iri = str(PREFIXES[match.group(1)]) + (match.group(2) or "")
        elif re.match(r"^[a-z][a-z0-9+.-]*:", raw, re.I) and not match:
            iri = raw
        elif match:
            raise QueryError(f"{where}: unknown prefix {match.group(1)!r}; known: {', '.join(PREFIXES)}")
        else:
            raise QueryError(f"{where}: not an IRI (give a full IRI or a prefixed name such as tkr:datong)")
        if _IRI_FORBIDDEN.search(iri):
            raise QueryError(f"{where}: not an IRI (spaces and <>\"{{}}|^`\\ are not allowed)")
        return URIRef(iri)
    if param.type == "string":
        return Literal(raw)
    patterns = {"integer": (r"[+-]?\d+", XSD.integer), "decimal": (r"[+-]?(\d+(\.\d*)?|\.\d+)", XSD.decimal),
                "year": (r"-?\d{4,}", XSD.gYear)}
    pattern, datatype = patterns[param.type]
    if not re.fullmatch(pattern, raw):
        raise QueryError(f"{where}: not {'an' if param.type == 'integer' else 'a'} {param.type}")
    return Literal(raw, datatype=datatype)


def parse_params(query: NamedQuery, given: dict[str, str]) -> dict[str, Node]:
    """Values for every parameter: the given ones, else the defaults; typed and checked."""
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(given) - set(declared))
    if unknown:
        known = ", ".join(declared) or "none"
        raise QueryError(f"--param {unknown[0]}: {query.name} has no such parameter (its parameters: {known})")
    values = {}
    for param in query.params:
        raw = given.get(param.name, param.default)
        if raw is None:
            raise QueryError(f"--param {param.name}: required by {query.name} ({param.type})")
        values[param.name] = to_term(param, raw)
    return values


def split_assignments(pairs: list[str]) -> dict[str, str]:
    """``["place=tkr:datong"]`` → ``{"place": "tkr:datong"}``."""
    given = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise QueryError(f"--param {pair}: expected KEY=VALUE")
        given[key.strip()] = value
    return given


def _strip(text: str) -> str:
    """The query with comments, strings and IRIs blanked out (same length), for scanning."""
    pattern = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                         r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*', re.S)
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def bind(sparql: str, values: dict[str, Node]) -> str:
    """Insert ``VALUES`` for ``values`` first in the WHERE group of ``sparql``."""
    if not values:
        return sparql
    form = query_form(sparql)
    scan = _strip(sparql)
    where = re.search(r"\bWHERE\s*\{", scan, re.I)
    if where is None and form in ("SELECT", "ASK", "DESCRIBE"):
        where = re.search(r"\{", scan)
    if where is None:
        raise QueryError("cannot bind parameters: the query has no WHERE { ... } group")
    names = list(values)
    block = "VALUES (" + " ".join(f"?{n}" for n in names) + ") { (" + " ".join(values[n].n3() for n in names) + ") }"
    bound = sparql[: where.end()] + " " + block + " " + sparql[where.end():]
    if query_form(bound) != form:  # cannot happen with terms from to_term(); checked all the same
        raise QueryError("binding the parameters changed the query's form")
    return bound


def run(store: Store, query: NamedQuery, params: dict[str, str] | None = None) -> QueryResult:
    """Run a named query with parameters given as strings (defaults fill the rest)."""
    try:
        return store.query(bind(query.text, parse_params(query, params or {})))
    except QuerySyntaxError as exc:
        raise exc.named(str(query.path)) from None


def run_named(store: Store, name: str, project: Project | str | None = None, **params: str) -> QueryResult:
    """Run the named query ``name`` of the project on ``store``.

    >>> from transition_kg.store import open_store
    >>> result = run_named(open_store(), "cq05-indicator-time-series", place="tkr:datong")
    >>> [(r["year"], r["value"]) for r in result.records()]
    [('2001', 49), ('2024', 314)]
    """
    from .paths import find_project

    if not isinstance(project, Project):
        project = find_project(project)
    return run(store, get(project, name), params)
