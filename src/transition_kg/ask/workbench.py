"""What the SPARQL workbench knows of a project (:func:`workbench_data`): ``serve``'s page at
``/``, and the Query tab of the network page with its own store (:func:`page_store`, for
``view --with-sparql``), whose named queries the page binds itself (:func:`templates`)."""

from __future__ import annotations

from ..core.load import load
from ..core.named import discover
from ..core.paths import Project

TYPE_CHECKING = False  # typing costs a cold start 5 ms; mypy reads this name as typing's
if TYPE_CHECKING:
    from ..core.stores.base import Store
    from ..see.pagestore import PageStore, Template
    from ..see.workbench import WorkbenchData

#: where the page writes a parameter's term: the library binds each parameter to this IRI
SLOT = "urn:tkg:param:"


def workbench_data(project: Project, in_page: bool = False) -> WorkbenchData:
    """The named queries (their parameters, defaults bound), the prefixes, and the ontology's
    terms for completion; ``in_page``: the workbench asks the page's store, not an endpoint."""
    from ..core.vocab import PREFIXES
    from .queries import param_property, prepare

    terms, properties, ranges = _terms(project)
    return {
        "examples": [
            {
                "name": name,
                "title": query.title,
                "description": query.description,
                "text": prepare(query),
                "params": [
                    {
                        "name": p.name,
                        "type": p.type,
                        "default": p.default,
                        "description": p.description,
                        "kind": ranges.get(param_property(query, p) or "") if p.type == "IRI" else None,
                    }
                    for p in query.params
                ],
            }
            for name, query in discover(project).items()
        ],
        "prefixes": PREFIXES,
        "terms": terms,
        "properties": properties,
        "inPage": in_page,
    }


def templates(project: Project) -> dict[str, Template]:
    """Each named query with its parameters bound by the library to ``<urn:tkg:param:NAME>``
    (a VALUES block, or in place for ``# bind: inline``): the page writes each term there."""
    import pyoxigraph as ox

    from .queries import bind

    return {
        name: {
            "text": bind(query.text, {p.name: ox.NamedNode(SLOT + p.name) for p in query.params}, query.inline),
            "params": [{"name": p.name, "type": p.type, "default": p.default} for p in query.params],
        }
        for name, query in discover(project).items()
    }


def page_store(project: Project, store: Store) -> PageStore:
    """The network page's store: ``store``'s quads (the inferred graph included, blank nodes
    named canonically so the page is the same each run), the pinned
    Oxigraph package (fetched once by npm), and the workbench that asks it."""

    from ..core.errors import TKGError
    from ..core.hints import LANGUAGES, TIME_HINT, TIMES
    from ..core.vocab import ONTOLOGY_GRAPH_IRI, PREFIXES
    from ..see.pagestore import PAGE_STORE_LIMIT, PAGE_TIMEOUT, PageStore, canonical, oxigraph, packed
    from ..see.workbench import render_workbench
    from .queries import LITERALS, label_query

    package = oxigraph()  # first: without npm nothing else is done
    nquads = store.nquads()
    count = nquads.count(b"\n")
    if count > PAGE_STORE_LIMIT:
        raise TKGError(
            f"the graph has {count:,} quads: past {PAGE_STORE_LIMIT:,} a store inside a page is too slow to load "
            "and too big to send; serve it instead (transition-kg serve)"
        )
    return PageStore(
        data={
            "quads": count,
            "timeout": PAGE_TIMEOUT,
            "prefixes": PREFIXES,
            "named": templates(project),
            "labelQuery": label_query(f"<{SLOT}label>"),
            "languages": list(LANGUAGES),
            "timeHint": TIME_HINT,
            "times": sorted(TIMES),
            "ontologyGraph": ONTOLOGY_GRAPH_IRI,
            "patterns": _patterns(),
            "datatypes": {kind: PREFIXES["xsd"] + datatype for kind, (_, datatype) in LITERALS.items()},
            "workbench": render_workbench(workbench_data(project, in_page=True)),
        },
        quads=packed(canonical(nquads)),
        glue=package.glue,
        wasm=packed(package.wasm),
    )


def _patterns() -> dict[str, list[str]]:
    """The library's patterns the page reads text with, ``[source, flags]``: a query's
    (:func:`~transition_kg.core.sparql.scanners`, and the names and plain literals an empty
    answer's hints read), and a parameter's (IRI, prefixed name, literals)."""
    import re

    from ..core.hints import PATTERNS
    from ..core.sparql import scanners
    from ..core.vocab import ABSOLUTE_IRI, IRI_FORBIDDEN, PREFIXED_NAME
    from .queries import LITERALS, PREFIXED

    found = {"name": PREFIXED_NAME, "absolute": ABSOLUTE_IRI, "forbidden": IRI_FORBIDDEN, "prefixed": PREFIXED}
    found.update(PATTERNS)
    patterns = {name: list(pattern) for name, pattern in scanners().items()}
    patterns.update({name: [p.pattern, "i" if p.flags & re.I else ""] for name, p in found.items()})
    patterns.update({kind: [f"^(?:{pattern})$", ""] for kind, (pattern, _) in LITERALS.items()})
    return patterns


def _terms(project: Project) -> tuple[list[str], list[str], dict[str, str]]:
    """The ontology's classes, properties and individuals as prefixed names, for completion;
    its properties' IRIs (a result column of properties is no network); and each property's
    range, by the property's IRI."""
    import pyoxigraph as ox

    from ..core.vocab import ONTOLOGY_GRAPH_IRI, PREFIXES, curie

    found, properties, ranges = set(), set(), {}
    kinds = {PREFIXES["owl"] + k for k in ("ObjectProperty", "DatatypeProperty", "AnnotationProperty")}
    kinds.add(PREFIXES["rdf"] + "Property")
    ontology = load(project, ontology_only=True).store  # the loader's ontology graph, read as every command reads it
    for quad in ontology.quads_for_pattern(None, None, None, ox.NamedNode(ONTOLOGY_GRAPH_IRI)):
        if isinstance(quad.subject, ox.NamedNode):
            name = curie(quad.subject.value)
            if name != quad.subject.value and ":" in name and not name.startswith("tkgsh:"):
                found.add(name)
            if quad.predicate.value == PREFIXES["rdf"] + "type" and quad.object.value in kinds:
                properties.add(quad.subject.value)
            if quad.predicate.value == PREFIXES["rdfs"] + "range" and isinstance(quad.object, ox.NamedNode):
                ranges[quad.subject.value] = quad.object.value
    return sorted(found), sorted(properties), ranges
