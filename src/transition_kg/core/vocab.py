"""Namespaces, graph IRIs and the one prefix table.

Everything here is a plain string, so the query path never needs rdflib. The modules that
work on rdflib graphs (validate, view, docs, extract) get the same namespaces as rdflib
``Namespace`` objects and the graph IRIs as ``URIRef`` by importing ``TKG``, ``TKR``, ``OA``,
``PROV``, ``SCHEMA``, ``SH``, ``TKGSH``, ``ONTOLOGY_GRAPH`` or ``INFERRED_GRAPH`` from this
module: those names are made on first use (importing rdflib then), from the strings below.

>>> curie("https://w3id.org/transition-kg/id/datong")
'tkr:datong'
>>> expand("tkg:City")
'https://w3id.org/transition-kg/ontology#City'
>>> curie("http://example.org/x")
'<http://example.org/x>'
"""

from __future__ import annotations

import functools
import re

TKG_IRI = "https://w3id.org/transition-kg/ontology#"
TKR_IRI = "https://w3id.org/transition-kg/id/"
TKGSH_IRI = "https://w3id.org/transition-kg/shapes#"

#: The one prefix table: prefixed names in messages, tables and pages, the headers of files
#: the tool writes, and the prefixes known to parameters.
PREFIXES: dict[str, str] = {
    "tkg": TKG_IRI,
    "tkr": TKR_IRI,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "schema": "https://schema.org/",
    "wd": "http://www.wikidata.org/entity/",
    "sh": "http://www.w3.org/ns/shacl#",
    "tkgsh": TKGSH_IRI,
}

ONTOLOGY_GRAPH_IRI = "https://w3id.org/transition-kg/ontology"
#: Blank nodes leave for a remote store as IRIs under this (RDF 1.1 skolem IRIs) and come
#: back as blank nodes: some stores refuse blank nodes in updates (Virtuoso).
GENID_IRI = "https://w3id.org/transition-kg/.well-known/genid/"
INFERRED_GRAPH_IRI = TKR_IRI + "graph-inferred"
SHARED_GRAPH_IRI = TKR_IRI + "graph-shared"
BACKGROUND_GRAPH_IRI = TKR_IRI + "graph-background"

#: characters an IRI may not hold (RFC 3987's excluded ones, spaces and controls)
IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LOCAL = re.compile(r"^[A-Za-z0-9_][\w.-]*(?<!\.)$|^$")
#: a prefixed name (its prefix, its local part), as :func:`expand` reads one
PREFIXED_NAME = re.compile(r"^([A-Za-z][\w.-]*)?:([^\s<>\"{}|^`\\]*)$")
#: an absolute IRI written as it is (not ``<…>`` nor a prefixed name)
ABSOLUTE_IRI = re.compile(r"^(https?|urn|mailto|file):\S", re.I)


def curie(iri: str) -> str:
    """``prefix:local`` for an IRI in a known namespace (longest namespace first), else ``<iri>``."""
    iri = str(iri)
    for prefix, ns in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        if iri.startswith(ns) and _LOCAL.match(iri[len(ns) :]):
            return f"{prefix}:{iri[len(ns) :]}"
    return f"<{iri}>"


def short(iri: str) -> str:
    """``prefix:local`` for an IRI in a known namespace, else the IRI as it is (for pages)."""
    shown = curie(iri)
    return str(iri) if shown.startswith("<") else shown


def expand(name: str) -> str | None:
    """The IRI of a prefixed name with a known prefix (``tkr:datong``), of ``<iri>``, or of an
    absolute IRI; None when the text is none of these (an unknown prefix included)."""
    name = name.strip()
    if name.startswith("<") and name.endswith(">"):
        return name[1:-1]
    match = PREFIXED_NAME.match(name)
    if match and (match.group(1) or "") in PREFIXES and not match.group(2).startswith("//"):
        return PREFIXES[match.group(1) or ""] + match.group(2)
    if ABSOLUTE_IRI.match(name):
        return name
    return None


def turtle_prefixes(names: tuple[str, ...] | None = None) -> str:
    """``@prefix`` lines for the named prefixes (all when None), aligned, in table order."""
    chosen = [n for n in PREFIXES if names is None or n in names]
    width = max(len(n) for n in chosen) + 2
    return "".join(f"@prefix {(n + ':').ljust(width)}<{PREFIXES[n]}> .\n" for n in chosen)


def sparql_prefixes(names: tuple[str, ...] | None = None) -> str:
    """``PREFIX`` lines for the named prefixes (all when None)."""
    return "".join(f"PREFIX {n}: <{PREFIXES[n]}>\n" for n in PREFIXES if names is None or n in names)


_RDFLIB_NAMESPACES = {
    "TKG": TKG_IRI,
    "TKR": TKR_IRI,
    "TKGSH": TKGSH_IRI,
    "OA": PREFIXES["oa"],
    "PROV": PREFIXES["prov"],
    "SCHEMA": PREFIXES["schema"],
    "SH": PREFIXES["sh"],
}
_RDFLIB_IRIS = {
    "ONTOLOGY_GRAPH": ONTOLOGY_GRAPH_IRI,
    "INFERRED_GRAPH": INFERRED_GRAPH_IRI,
    "SHARED_GRAPH": SHARED_GRAPH_IRI,
    "BACKGROUND_GRAPH": BACKGROUND_GRAPH_IRI,
}


@functools.cache
def _terms_class() -> type:
    """rdflib's ``Namespace``, each term made once: it makes a new ``URIRef`` at every
    ``TKG.value``, and the pages read such names tens of thousands of times."""
    from rdflib import Namespace

    class Terms(Namespace):
        def __getattr__(self, name: str):
            value = super().__getattr__(name)
            self.__dict__[name] = value
            return value

    return Terms


def __getattr__(name: str):
    """The rdflib forms (see the module docstring), made on first use."""
    value: object
    if name in _RDFLIB_NAMESPACES:
        value = _terms_class()(_RDFLIB_NAMESPACES[name])
    elif name in _RDFLIB_IRIS:
        from rdflib import URIRef

        value = URIRef(_RDFLIB_IRIS[name])
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value
