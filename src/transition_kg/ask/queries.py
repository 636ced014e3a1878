"""Named queries: ``queries/NAME.rq`` with a header of leading comments::

    # title: Indicator over time for a place
    # description: Every observation of one indicator for one place, oldest first.
    # param: place  IRI  tkr:datong  the place

Parameters are typed (``IRI``, ``string``, ``integer``, ``decimal``, ``year``). A value is
parsed into an RDF term (a pyoxigraph term, which checks it), then bound by a ``VALUES``
block placed first in the query's ``WHERE`` group (after the query, for a ``DESCRIBE``
without one), the term written by pyoxigraph in N-Triples syntax, which escapes every
character that could end it. No value can change the query's shape, and the same text runs
on the embedded store and on any endpoint.

A query whose header says ``# bind: inline`` has each parameter written in place instead:
every occurrence of the variable in the ``WHERE`` group becomes the term (in the same
N-Triples syntax, so still no value can change the query's shape), and a ``BIND`` at the
group's end keeps it for the projection. A query planner sees constants where it would
otherwise join a ``VALUES`` table: for a query that starts from the parameter this is the
difference between a seek and a scan (``benchmarks/scale.py`` measures each query both
ways; the header records the faster).

A header line ``# text: PARAM VAR`` says that the string parameter PARAM is searched for
in the labels of ``?VAR``: the entities the store finds with the text
(:meth:`~transition_kg.core.store.Store.search`: the embedded store's label index, a query
on a remote store) are bound to ``?VAR`` first, so the query reads only them; its own FILTER
still decides every row.

>>> import pyoxigraph as ox
>>> print(bind("SELECT ?v WHERE { ?s ?p ?v }", {"s": ox.NamedNode("https://example.org/a")}))
SELECT ?v WHERE { VALUES (?s) { (<https://example.org/a>) }  ?s ?p ?v }
>>> print(bind("DESCRIBE ?s", {"s": ox.NamedNode("https://example.org/a")}))
DESCRIBE ?s
VALUES (?s) { (<https://example.org/a>) }
>>> print(bind("SELECT ?s ?v WHERE { ?s ?p ?v }", {"s": ox.NamedNode("https://example.org/a")}, inline=True))
SELECT ?s ?v WHERE { <https://example.org/a> ?p ?v  BIND(<https://example.org/a> AS ?s) }
"""

from __future__ import annotations

import re

from ..core.errors import QueryError
from ..core.named import NamedQuery, Param, get
from ..core.paths import Project
from ..core.sparql import QueryResult, QuerySyntaxError, blank_out, query_form
from ..core.vocab import INFERRED_GRAPH_IRI, IRI_FORBIDDEN, ONTOLOGY_GRAPH_IRI, PREFIXES, curie, expand, sparql_prefixes

TYPE_CHECKING = False  # typing costs a cold start 5 ms; mypy reads this name as typing's
if TYPE_CHECKING:
    from typing import Any

    from ..core.store import Store

#: a parameter's value written as a prefixed name (never a label)
PREFIXED = re.compile(r"^([A-Za-z][\w.-]*)?:([\w-][\w.-]*)?$")
_XSD = PREFIXES["xsd"]
#: the typed parameters other than IRI and string: the pattern a value must match, its XSD datatype
LITERALS = {
    "integer": (r"[+-]?\d+", "integer"),
    "decimal": (r"[+-]?(\d+(\.\d*)?|\.\d+)", "decimal"),
    "year": (r"-?\d{4,}", "gYear"),
}


def to_term(param: Param, raw: str):
    """Parse a parameter value into a pyoxigraph term of the declared type."""
    import pyoxigraph as ox

    shown = raw.encode("utf-8", "backslashreplace").decode("utf-8")
    refused = lambda what, choices=None: QueryError(what, param=param.name, value=shown, choices=choices)
    if any("\udc80" <= c <= "\udcff" for c in raw):
        raise refused("not UTF-8 text")
    if param.type == "IRI":
        if IRI_FORBIDDEN.search(raw[1:-1] if raw.startswith("<") and raw.endswith(">") else raw):
            raise refused('not an IRI (spaces and <>"{}|^`\\ are not allowed)')
        match = PREFIXED.match(raw)
        iri = expand(raw)
        if iri is None and match:
            raise refused(f"unknown prefix {match.group(1)!r}", list(PREFIXES))
        if iri is None:
            raise refused("not an IRI (give a full IRI or a prefixed name such as tkr:datong)")
        try:
            return ox.NamedNode(iri)
        except ValueError as exc:
            raise refused(f"not an IRI ({exc})") from None
    if param.type == "string":
        return ox.Literal(raw)
    pattern, datatype = LITERALS[param.type]
    if not re.fullmatch(pattern, raw):
        raise refused(f"not {'an' if param.type == 'integer' else 'a'} {param.type}")
    return ox.Literal(raw, datatype=ox.NamedNode(_XSD + datatype))


def parse_params(
    query: NamedQuery, given: dict[str, str], store: Store | None = None, notes: list[str] | None = None
) -> dict:
    """Values for every parameter: the given ones, else the defaults; typed and checked. With
    a ``store``, an IRI parameter may also be given as a label that names one entity there
    (``place=Datong``); when that entity is not of the kind the query asks for there, a line
    saying so (and naming one that is) goes into ``notes``."""
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(given) - set(declared))
    if unknown:
        known = ", ".join(declared) or "none"
        raise QueryError(f"{query.name} has no such parameter (its parameters: {known})", param=unknown[0])
    values = {}
    defaulted: list[str] = []  # said when the answer is empty and nothing better explains it
    for param in query.params:
        raw = given.get(param.name, param.default)
        if raw is None:
            raise QueryError(f"required by {query.name} ({param.type})", param=param.name)
        if param.name not in given:
            name = param.name
            defaulted.append(f"{name} was not given, so it was its default ({raw}): name the {name} you mean")
        try:
            values[param.name] = to_term(param, raw)
        except QueryError:
            if (
                store is None
                or param.type != "IRI"
                or PREFIXED.match(raw)
                or IRI_FORBIDDEN.search(raw.replace(" ", ""))
            ):
                raise  # only plain words (spaces allowed) may be a label
            values[param.name] = by_label(store, param, raw)
            if notes is not None:
                notes.extend(_kind_note(store, query, param, raw, values[param.name]))
    if notes is not None and not notes:
        notes.extend(defaulted)
    return values


def param_property(query: NamedQuery, param: Param) -> str | None:
    """The ``tkg:`` property the query asks ``?param`` to be the object of (``?o tkg:indicator
    ?indicator``), whose range says what kind of thing the parameter names; None when none."""
    used = re.search(rf"\btkg:(\w+)\s+[?$]{re.escape(param.name)}\b", blank_out(query.text))
    return PREFIXES["tkg"] + used.group(1) if used else None


def _kind_note(store: Store, query: NamedQuery, param: Param, label: str, entity: Any) -> list[str]:
    """When the query uses ``?param`` as the object of a property whose range the ontology
    gives, and ``entity`` is not of that range: a line saying what it is, and the entities of
    that range whose labels hold the label ("tourism is an industry …; the indicator labelled
    tourism revenue?")."""
    used = param_property(query, param)
    if used is None:
        return []
    onto = f"<{ONTOLOGY_GRAPH_IRI}>"
    english = 'FILTER(lang(?l) = "en")'
    ranges = store.query(
        f"SELECT ?r ?l WHERE {{ GRAPH {onto} {{ <{used}> rdfs:range ?r . ?r rdfs:label ?l {english} }} }}"
    ).rows
    if not ranges or store.query(f"ASK {{ GRAPH ?g {{ <{entity.value}> a <{ranges[0][0].value}> }} }}").boolean:
        return []
    wanted, wanted_label = ranges[0][0].value, ranges[0][1].value
    kinds = store.query(
        f"SELECT ?l WHERE {{ GRAPH ?g {{ <{entity.value}> a ?k }} GRAPH {onto} {{ ?k rdfs:label ?l {english} }} "
        f"FILTER(?g != <{INFERRED_GRAPH_IRI}>) }} ORDER BY ?l LIMIT 1"  # as stated, not its superclasses
    ).rows
    kind = kinds[0][0].value if kinds else "something else"
    note = f"{param.name}={label} is {_a(kind)} ({curie(entity.value)}), not {_a(wanted_label)}"
    hits = (store.search(label) or [])[:50]
    if hits:
        values = " ".join(f"<{iri}>" for iri in hits)
        others = store.query(
            f"SELECT ?s ?l WHERE {{ VALUES ?s {{ {values} }} GRAPH ?g {{ ?s a <{wanted}> }} "
            f"GRAPH ?h {{ ?s rdfs:label ?l {english} }} }} ORDER BY ?l LIMIT 3"
        ).rows
        if others:
            named = " or ".join(f"{row[1].value} ({curie(row[0].value)})" for row in others)
            note += f"; did you mean the {wanted_label} labelled {named}?"
    return [note]


def _a(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def by_label(store: Store, param: Param, label: str):
    """The one entity whose label (or alternative label) is ``label``, any case; a one-line
    error naming the candidates when there are several, or none."""
    import pyoxigraph as ox

    found = store.query(label_query(str(ox.Literal(label.casefold()))))
    if len(found.rows) == 1:
        return found.rows[0][0]
    if found.rows:
        names = ", ".join(curie(row[0].value) for row in found.rows[:5])
        what = f"{len(found.rows)} entities have that label ({names}); give one of them"
    else:
        what = (
            "not an IRI, and no entity has that label (give a label, a prefixed name such as tkr:datong, or a full IRI)"
        )
    raise QueryError(what, param=param.name, value=label)


def label_query(literal: str) -> str:
    """The query of :func:`by_label` for a label already casefolded and written as a literal
    (the page's store asks the same)."""
    return (
        sparql_prefixes(("rdfs", "skos"))
        + f"SELECT DISTINCT ?s WHERE {{ GRAPH ?g {{ ?s rdfs:label|skos:altLabel ?l }} "
        f"FILTER(?g != <{INFERRED_GRAPH_IRI}> && LCASE(STR(?l)) = {literal}) }} ORDER BY ?s LIMIT 6"
    )


def split_assignments(pairs: list[str]) -> dict[str, str]:
    """``["place=tkr:datong"]`` → ``{"place": "tkr:datong"}``."""
    given = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise QueryError("expected KEY=VALUE", option="param", value=pair)
        given[key.strip()] = value
    return given


_VARIABLE_END = r"(?![\w\u00B7\u0300-\u036F\u203F\u2040])"


def bind(sparql: str, values: dict, inline: bool = False) -> str:
    """Bind ``values`` (name → pyoxigraph term) with a ``VALUES`` block first in the WHERE
    group of ``sparql`` (after the query for a DESCRIBE without a WHERE group); with
    ``inline``, write each term in place of its variable in the WHERE group instead."""
    if not values:
        return sparql
    scan = blank_out(sparql)
    where = _where(sparql, scan)
    if where is not None and inline:
        return _inline(sparql, scan, where.end(), values)
    names = list(values)
    block = "VALUES (" + " ".join(f"?{n}" for n in names) + ") { (" + " ".join(str(values[n]) for n in names) + ") }"
    if where is not None:
        return sparql[: where.end()] + " " + block + " " + sparql[where.end() :]
    if query_form(sparql) == "DESCRIBE":
        return sparql.rstrip() + "\n" + block
    raise QueryError("cannot bind parameters: the query has no WHERE { ... } group")


def _where(sparql: str, scan: str):
    """The match of the opening of the query's WHERE group (``WHERE`` may be left out of a
    SELECT or ASK), in ``scan``, the query blanked out; None when there is none."""
    where = re.search(r"\bWHERE\s*\{", scan, re.I)
    if where is None and query_form(sparql) in ("SELECT", "ASK"):
        where = re.search(r"\{", scan)
    return where


def _inline(sparql: str, scan: str, start: int, values: dict) -> str:
    """The WHERE group opening at ``start`` with each variable of ``values`` replaced by its
    term, and bound to it at the group's end (for the projection, ``*`` included)."""
    depth, end = 1, None
    for bracket in re.finditer(r"[{}]", scan[start:]):
        depth += 1 if bracket.group(0) == "{" else -1
        if depth == 0:
            end = start + bracket.start()
            break
    if end is None:
        raise QueryError("cannot bind parameters: the WHERE group is not closed")
    body = scan[start:end]
    pattern = re.compile(r"[?$](" + "|".join(re.escape(n) for n in values) + ")" + _VARIABLE_END)
    pieces, last = [], 0
    for match in pattern.finditer(body):
        pieces += [sparql[start + last : start + match.start()], str(values[match.group(1)])]
        last = match.end()
    pieces.append(sparql[start + last : end])
    binds = " ".join(f"BIND({term} AS ?{name})" for name, term in values.items())
    return sparql[:start] + "".join(pieces) + " " + binds + " " + sparql[end:]


def prepare(
    query: NamedQuery, params: dict[str, str] | None = None, store: Store | None = None, notes: list[str] | None = None
) -> str:
    """The query's text with its parameters (given as strings; defaults fill the rest) bound;
    with a ``store``, IRI parameters may be labels (see :func:`parse_params`, and its ``notes``)."""
    values = parse_params(query, params or {}, store, notes)
    text = bind(query.text, values, inline=query.inline)
    if query.text_search and store is not None:
        import pyoxigraph as ox

        param, variable = query.text_search
        term = values.get(param)
        hits = store.search(term.value) if term is not None and term.value.strip() else None
        if hits is not None:
            text = restrict(text, variable, [ox.NamedNode(iri) for iri in hits])
    return text


def restrict(sparql: str, variable: str, terms: list) -> str:
    """``sparql`` with ``?variable`` bound first in its WHERE group to one of ``terms``."""
    where = _where(sparql, blank_out(sparql))
    if where is None:
        raise QueryError("cannot bind parameters: the query has no WHERE { ... } group")
    block = f"VALUES ?{variable} {{ " + " ".join(str(t) for t in terms) + " }"
    return sparql[: where.end()] + " " + block + " " + sparql[where.end() :]


def run(store: Store, query: NamedQuery, params: dict[str, str] | None = None, labels: bool = False) -> QueryResult:
    """Run a named query with parameters given as strings (defaults fill the rest); with
    ``labels``, a label column follows each IRI column (as ``transition-kg query`` writes)."""
    from ..core.sparql import with_labels

    notes: list[str] = []
    try:
        result = store.query(prepare(query, params, store, notes))
    except QuerySyntaxError as exc:
        raise exc.named(str(query.path)) from None
    said = result.why_empty
    result = with_labels(result, store.labels(result)) if labels else result
    result.why_empty = lambda: notes + (said() if said else [])
    return result


def run_named(
    store: Store, name: str, project: Project | str | None = None, labels: bool = False, **params: str
) -> QueryResult:
    """Run the named query ``name`` of the project on ``store`` (``labels``: see :func:`run`).

    >>> from transition_kg.core.store import open_store
    >>> result = run_named(open_store(), "cq05-indicator-time-series", place="tkr:datong")
    >>> [(r["year"], r["value"]) for r in result.records()]
    [('2001', 49), ('2024', 314)]
    """
    from ..core.paths import find_project

    if not isinstance(project, Project):
        project = find_project(project)
    return run(store, get(project, name), params, labels)
