"""SHACL shapes run as SPARQL inside the Oxigraph store, so ``validate`` need not copy the graph
into rdflib and walk it with pySHACL (two thirds of its time).

:func:`compile_shapes` reads the shapes from a pyoxigraph store (no rdflib) and turns those the
project writes (node shapes targeting classes,
subjects or objects of a property; property shapes with a plain property path and ``minCount``,
``maxCount``, ``class``, ``datatype``, ``or``, ``minInclusive``, ``lessThan``, ``minLength``,
``pattern``, ``in``, a qualified value shape with ``class``; on the focus node itself ``class``,
``datatype``, and ``or`` of shapes made of ``class``, ``datatype``, ``not`` and property shapes
with ``minCount`` or ``hasValue``) into one
SELECT query per constraint, each row a validation result as pySHACL gives it (one per focus
node, or per focus node and value). A shape with anything else is :class:`Unsupported`: the
caller then runs pySHACL (:func:`transition_kg.core.validate.shacl_results`), which stays the
reference the tests hold this to (the same results on the real graph and on every shape's
broken fixture). The data graph is the union of the graphs named (the inferred graph left out
by the caller): SHACL's class targets and ``sh:class`` follow ``rdfs:subClassOf`` in it.
"""

from __future__ import annotations

from collections import namedtuple

from .vocab import PREFIXES

TYPE_CHECKING = False  # typing costs a cold start 5 ms; mypy reads this name as typing's
if TYPE_CHECKING:
    from typing import Any

SH = PREFIXES["sh"]
XSD = PREFIXES["xsd"]
RDF = PREFIXES["rdf"]
UNION_GRAPH = "urn:transition-kg:shacl-union"  # the graphs checked, together, while run_checks runs
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
SUBCLASS = "<http://www.w3.org/2000/01/rdf-schema#subClassOf>"
# lexical forms rdflib takes as well-typed, where pySHACL's sh:datatype refuses an ill-typed
# literal (rdflib reads any gYear and gYearMonth as well-typed: so do these checks)
_TZ = r"(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?"
LEXICAL = {
    XSD + "integer": r"^[+-]?[0-9]+$",
    XSD + "decimal": r"^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)$",
    XSD + "date": f"^-?[0-9]{{4,}}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]){_TZ}$",
    XSD + "boolean": r"^(true|false|1|0)$",
}
_NODE_KEYS = {"targetClass", "targetSubjectsOf", "targetObjectsOf", "property", "or", "class", "datatype", "message"}
_PROPERTY_KEYS = {
    "path",
    "message",
    "minCount",
    "maxCount",
    "class",
    "datatype",
    "or",
    "minInclusive",
    "lessThan",
    "minLength",
    "pattern",
    "in",
    "qualifiedValueShape",
    "qualifiedMinCount",
    "qualifiedMaxCount",
}


class Unsupported(Exception):
    """A shape these queries do not translate (the caller runs pySHACL instead)."""


class Check(namedtuple("Check", "query path message shape")):
    """One constraint as a query whose rows' ``?f`` are the focus nodes that break it; ``path``
    (None for a node-level constraint), ``message`` and the node ``shape`` of its results."""

    __slots__ = ()


def _sparql(term: Any) -> str:
    """A term of the shapes (pyoxigraph's) written as SPARQL (an IRI or a literal)."""
    import pyoxigraph as ox

    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return str(term)
    raise Unsupported(f"a term of kind {type(term).__name__}")


class _Shapes:
    """Reads the shapes (a pyoxigraph store, see :attr:`~transition_kg.core.load.Loaded.shapes`):
    a shape's SHACL keys, each key's values, and RDF lists."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def keys(self, shape: Any) -> dict[str, list]:
        found: dict[str, list] = {}
        for quad in self.store.quads_for_pattern(shape, None, None):
            if quad.predicate.value.startswith(SH):
                found.setdefault(quad.predicate.value[len(SH) :], []).append(quad.object)
        return found

    def one(self, keys: dict[str, list], key: str) -> Any:
        values = keys.get(key, [])
        if len(values) != 1:
            raise Unsupported(f"sh:{key} given {len(values)} times")
        return values[0]

    def items(self, head: Any) -> list:
        """The members of the RDF list at ``head``."""
        import pyoxigraph as ox

        first, rest = ox.NamedNode(RDF + "first"), ox.NamedNode(RDF + "rest")
        found, seen = [], set()
        while head is not None and head != ox.NamedNode(RDF + "nil") and head not in seen:
            seen.add(head)
            found += [q.object for q in self.store.quads_for_pattern(head, first, None)][:1]
            head = next((q.object for q in self.store.quads_for_pattern(head, rest, None)), None)
        return found


def _number(term: Any) -> int:
    """The integer a literal of the shapes holds."""
    return int(term.value)


def _instance(var: str, klass: str) -> str:
    return f"EXISTS {{ {var} {RDF_TYPE}/{SUBCLASS}* {klass} }}"


def _datatype(var: str, datatype: Any) -> str:
    test = f"(isLITERAL({var}) && DATATYPE({var}) = {_sparql(datatype)}"
    lexical = LEXICAL.get(datatype.value)
    return test + (f' && REGEX(STR({var}), "{lexical}"))' if lexical else ")")


def _conforms(shapes: _Shapes, shape: Any, var: str, depth: int = 0) -> str:
    """A SPARQL expression true when the node in ``var`` conforms to ``shape`` (the shapes an
    ``sh:or`` or ``sh:not`` names)."""
    keys = shapes.keys(shape)
    parts = []
    if "path" in keys:
        path = _sparql(shapes.one(keys, "path"))
        if set(keys) - {"path", "minCount", "hasValue"}:
            raise Unsupported(f"a property shape in a logical constraint with {sorted(keys)}")
        if "hasValue" in keys:
            parts.append(f"EXISTS {{ {var} {path} {_sparql(shapes.one(keys, 'hasValue'))} }}")
        if "minCount" in keys:
            n = _number(shapes.one(keys, "minCount"))
            if not 0 < n <= 4:
                raise Unsupported(f"sh:minCount {n} in a logical constraint")
            values = [f"?m{depth}_{i}" for i in range(n)]
            distinct = " ".join(f"FILTER(!sameTerm({a}, {b}))" for i, a in enumerate(values) for b in values[i + 1 :])
            parts.append("EXISTS { " + " ".join(f"{var} {path} {v} ." for v in values) + f" {distinct} }}")
        return " && ".join(parts) or "true"
    for key, values in keys.items():
        for value in values:
            if key == "class":
                parts.append(_instance(var, _sparql(value)))
            elif key == "datatype":
                parts.append(_datatype(var, value))
            elif key == "not":
                parts.append(f"!({_conforms(shapes, value, var, depth + 1)})")
            elif key == "or":
                members = [_conforms(shapes, m, var, depth + 1) for m in shapes.items(value)]
                parts.append("(" + " || ".join(f"({m})" for m in members) + ")")
            elif key == "property":
                parts.append(_conforms(shapes, value, var, depth + 1))
            else:
                raise Unsupported(f"sh:{key} in a logical constraint")
    return "(" + " && ".join(f"({p})" for p in parts) + ")" if parts else "true"


def _focus(shapes: _Shapes, keys: dict[str, list]) -> str:
    """A subquery binding ``?f`` to each focus node of a node shape, once."""
    targets = [f"{{ ?f {RDF_TYPE}/{SUBCLASS}* {_sparql(c)} }}" for c in keys.get("targetClass", [])]
    targets += [f"{{ ?f {_sparql(p)} ?target }}" for p in keys.get("targetSubjectsOf", [])]
    targets += [f"{{ ?target {_sparql(p)} ?f }}" for p in keys.get("targetObjectsOf", [])]
    if not targets:
        raise Unsupported("a node shape without a target")
    return "{ SELECT DISTINCT ?f WHERE { " + " UNION ".join(targets) + " } }"


def _value_tests(shapes: _Shapes, keys: dict[str, list], path: str) -> list[str]:
    """One query body per constraint on each value ``?v``: true where the value breaks it."""
    import pyoxigraph as ox

    tests = []
    for key in ("class", "datatype", "or", "minInclusive", "minLength", "pattern", "in"):
        for value in keys.get(key, []):
            if key == "class":
                test = f"!{_instance('?v', _sparql(value))}"
            elif key == "datatype":
                test = f"!{_datatype('?v', value)}"
            elif key == "or":
                members = [_conforms(shapes, m, "?v") for m in shapes.items(value)]
                test = "!(" + " || ".join(f"({m})" for m in members) + ")"
            elif key == "minInclusive":
                test = f"!COALESCE(?v >= {_sparql(value)}, false)"
            elif key == "minLength":
                test = f"(isBLANK(?v) || STRLEN(STR(?v)) < {_number(value)})"
            elif key == "pattern":
                pattern = _sparql(ox.Literal(value.value))
                test = f"(isBLANK(?v) || !REGEX(STR(?v), {pattern}))"
            else:
                allowed = [_sparql(m) for m in shapes.items(value)]
                test = "!(" + " || ".join(f"sameTerm(?v, {a})" for a in allowed) + ")"
            tests.append(f"?f {path} ?v FILTER({test})")
    for other in keys.get("lessThan", []):
        tests.append(f"?f {path} ?v . ?f {_sparql(other)} ?w FILTER(!COALESCE(?v < ?w, false))")
    return tests


def _counts(shapes: _Shapes, keys: dict[str, list], path: str) -> list[str]:
    """``HAVING`` tests on the number of values (and of values of a qualified shape)."""
    having = []
    if "minCount" in keys:
        having.append(("", f"COUNT(DISTINCT ?v) < {_number(shapes.one(keys, 'minCount'))}"))
    if "maxCount" in keys:
        having.append(("", f"COUNT(DISTINCT ?v) > {_number(shapes.one(keys, 'maxCount'))}"))
    if "qualifiedValueShape" in keys:
        condition = _conforms(shapes, shapes.one(keys, "qualifiedValueShape"), "?v")
        only = f"FILTER({condition})"
        if "qualifiedMinCount" in keys:
            having.append((only, f"COUNT(DISTINCT ?v) < {_number(shapes.one(keys, 'qualifiedMinCount'))}"))
        if "qualifiedMaxCount" in keys:
            having.append((only, f"COUNT(DISTINCT ?v) > {_number(shapes.one(keys, 'qualifiedMaxCount'))}"))
    return [
        f"SELECT ?f WHERE {{ FOCUS OPTIONAL {{ ?f {path} ?v {only} }} }} GROUP BY ?f HAVING ({test})"
        for only, test in having
    ]


def compile_shapes(store: Any) -> list[Check]:
    """The checks of every node shape in the shapes ``store`` (pyoxigraph's; its terms are
    those of the checks); Unsupported when a shape uses what these queries do not translate."""
    import pyoxigraph as ox

    shapes = _Shapes(store)
    checks = []
    declared = store.quads_for_pattern(None, ox.NamedNode(RDF + "type"), ox.NamedNode(SH + "NodeShape"))
    for node in sorted({q.subject for q in declared}, key=lambda n: n.value):
        keys = shapes.keys(node)
        if set(keys) - _NODE_KEYS:
            raise Unsupported(f"{node}: {sorted(set(keys) - _NODE_KEYS)}")
        focus = _focus(shapes, keys)
        for prop in keys.get("property", []):
            inner = shapes.keys(prop)
            if set(inner) - _PROPERTY_KEYS:
                raise Unsupported(f"{node}: {sorted(set(inner) - _PROPERTY_KEYS)}")
            path_term = shapes.one(inner, "path")
            path = _sparql(path_term)
            message = shapes.one(inner, "message").value
            for query in _counts(shapes, inner, path):
                checks.append(Check(query.replace("FOCUS", focus), path_term, message, node))
            for test in _value_tests(shapes, inner, path):
                checks.append(Check(f"SELECT DISTINCT ?f ?v ?w WHERE {{ {focus} {test} }}", path_term, message, node))
        node_tests = [
            " || ".join(f"({_conforms(shapes, m, '?f')})" for m in shapes.items(o)) for o in keys.get("or", [])
        ]
        node_tests += [_instance("?f", _sparql(c)) for c in keys.get("class", [])]
        node_tests += [_datatype("?f", d) for d in keys.get("datatype", [])]
        for condition in node_tests:  # constraints on the focus node itself
            message = shapes.one(keys, "message").value
            checks.append(Check(f"SELECT ?f WHERE {{ {focus} FILTER(!({condition})) }}", None, message, node))
    return checks


def run_checks(store: Any, checks: list[Check], graphs: list[str]) -> list[tuple]:
    """``(focus, path, message, shape)`` for each result of ``checks`` on the union of ``graphs``
    of the pyoxigraph ``store`` (focus a pyoxigraph term; the rest as the check gives them)."""
    import pyoxigraph as ox

    # the checks run in half the time on one graph as on a list of default graphs: the graphs'
    # union is written into a graph of its own (by Oxigraph, blank nodes kept), removed after
    union = ox.NamedNode(UNION_GRAPH)
    if graphs:
        store.update(" ; ".join(f"ADD GRAPH <{g}> TO GRAPH <{UNION_GRAPH}>" for g in graphs))
    found = []
    try:
        for check in checks:
            for row in store.query(check.query, default_graph=union):
                found.append((row["f"], check.path, check.message, check.shape))
    finally:
        store.remove_graph(union)
    return found
