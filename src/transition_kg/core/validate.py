"""Validation, in checks run in order; each problem is one line.

1. **syntax** and **files** — the loader's rules (:mod:`transition_kg.core.load`): every file
   parses (``FILE:LINE: message``), facts are in named graphs, each graph in one file, every
   file under ``ontology/`` and ``graph/`` is read. Later checks need the data, so they run
   only when every file parses;
2. **vocabulary** — every class and property used is declared in ``ontology/`` (terms of
   RDF, RDFS and OWL excepted), every ``tkg:`` IRI used is declared, and every declared
   class and property has an ``rdfs:label`` and an ``rdfs:comment``;
3. **shacl** — the shapes of ``ontology/*shapes*.ttl`` over ontology + graph, run as SPARQL
   inside the store (:mod:`transition_kg.core.shacl`; pySHACL, the reference, where a shape
   does not translate);
4. **evidence** — against the article texts: each article's file and text hashes, each
   span's words at its offsets, each observation's number written in its evidence, each
   quote's text equal to its segments. Skipped, with a note, when the corpus is absent;
5. **queries** — every quality check ``queries/checks/*-violation.rq`` returns no rows.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD
from rdflib.term import Node

from .errors import Problem, ProjectInvalid
from .load import Loaded, load
from .numerals import numbers_in
from .paths import Project, corpus_dir
from .texts import read_articles
from .vocab import INFERRED_GRAPH_IRI, OA, ONTOLOGY_GRAPH, SH, TKG, curie

CHECKS = ("syntax", "files", "vocabulary", "shacl", "evidence", "queries")
CORE_NAMESPACES = (str(RDF), str(RDFS), str(OWL), str(XSD))
DECLARATION_TYPES = {
    OWL.Class,
    RDFS.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    RDF.Property,
    OWL.TransitiveProperty,
    OWL.SymmetricProperty,
    OWL.FunctionalProperty,
}
QUOTE_JOINER = " … "


@dataclass
class Report:
    """What validation found, plus notes (skipped checks) and what was checked."""

    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if self.ok:
            done = ", ".join(f"{n} {what}" for what, n in self.checked.items())
            return f"ok: {done}"
        per: defaultdict[str, int] = defaultdict(int)
        for p in self.problems:
            per[p.check] += 1
        detail = ", ".join(f"{c} {per[c]}" for c in CHECKS if per[c])
        return f"{len(self.problems)} problem(s): {detail}"


def validate(
    project: Project, corpus: Path | None = None, require_texts: bool = False, graphs: Collection[str] | None = None
) -> tuple[Report, Loaded]:
    """Run the checks; return the report and the loaded project. An article whose text is not
    in the corpus has its evidence skipped, with a note naming it, unless ``require_texts``:
    then that is a problem. ``graphs`` (IRIs of named graphs) limits the vocabulary, SHACL and
    evidence checks to those graphs and what they rest on (the ontology, the shared entities,
    the background): for a change that wrote only them, as ``promote`` does."""
    report = Report()
    loaded = load(project, strict=False)
    report.problems += loaded.problems
    if any(p.check == "syntax" for p in loaded.problems):
        report.notes.append("vocabulary, SHACL, evidence and query checks not run: fix the syntax errors first")
        return report, loaded
    report.checked["files"] = len(loaded.files_read)
    try:
        shapes = loaded.shapes_graph()
    except ProjectInvalid as broken:
        report.problems += broken.problems
        report.notes.append("vocabulary, SHACL, evidence and query checks not run: fix the syntax errors first")
        return report, loaded
    scope = None if graphs is None else _scope(loaded, graphs)
    report.problems += _in_file_order(check_vocabulary(loaded, project, scope))
    report.problems += _in_file_order(check_shacl(loaded, shapes, project, scope))
    found = check_evidence(loaded, project, corpus or corpus_dir(project), report, require_texts, scope)
    report.problems += _in_file_order(found)
    report.problems += check_queries(loaded, project, report)
    return report, loaded


def _scope(loaded: Loaded, graphs: Collection[str]) -> set[str]:
    """The graphs a scoped check reads: those given, and every graph that is no article's (the
    ontology, shared entities, background), but not the inferred graph (drawn from them all)."""
    articles = {str(a) for a in loaded.dataset.subjects(RDF.type, TKG.Article)}
    named = {str(ctx.identifier if isinstance(ctx, Graph) else ctx) for ctx in loaded.dataset.contexts()}
    return {g for g in named if g in graphs or (g not in articles and g != INFERRED_GRAPH_IRI)}


def _in_file_order(problems: list[Problem]) -> list[Problem]:
    """Problems sorted by file, then line number, then message."""

    def key(problem: Problem) -> tuple[str, int, str]:
        path, _, line = problem.where.rpartition(":")
        return (path, int(line), problem.message) if line.isdigit() else (problem.where, 0, problem.message)

    return sorted(problems, key=key)


# --- helpers ------------------------------------------------------------------------------


def _short(graph: Graph, term: Node) -> str:
    return curie(term) if isinstance(term, URIRef) else str(term)


class _Locator:
    """Finds the first line of a file where a term or text appears (for messages)."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._lines: dict[Path, list[str]] = {}

    def where(self, path: Path, *needles: str) -> str:
        lines = self._lines.setdefault(path, path.read_text(encoding="utf-8").splitlines())
        for needle in needles:
            for number, line in enumerate(lines, 1):
                if _mentions(line, needle):
                    return f"{self.project.display(path)}:{number}"
        return self.project.display(path)


def _mentions(text: str, needle: str) -> bool:
    """Whether ``needle`` (a prefixed name, an IRI) stands in ``text`` as a whole token:
    ``tkg:valu`` is not found in ``tkg:value``."""
    if not needle or needle not in text:  # the plain test first: most lines do not contain it at all
        return False
    before = r"(?<![\w:#/.-])" if re.match(r"[\w<]", needle) else ""
    after = r"(?![\w:#/-])" if re.search(r"[\w>]$", needle) else ""
    return re.search(before + re.escape(needle) + after, text) is not None


def _graph_of_subject(loaded: Loaded, node: Node, prop: Node | None = None) -> URIRef | None:
    """The graph stating something of ``node`` (with ``prop`` when given), else naming it."""
    patterns = [(node, prop, None, None)] if isinstance(prop, URIRef) else []
    for pattern in [*patterns, (node, None, None, None), (None, None, node, None)]:
        for _, _, _, ctx in loaded.dataset.quads(pattern):
            name = ctx.identifier if isinstance(ctx, Graph) else ctx
            return name if isinstance(name, URIRef) else None
    return None


def _file_of(loaded: Loaded, graph: URIRef | None, project: Project) -> Path | None:
    files = loaded.files_for(str(graph)) if graph is not None else []
    return files[0] if files else None


# --- 2. vocabulary ------------------------------------------------------------------------


def check_vocabulary(loaded: Loaded, project: Project, scope: Collection[str] | None = None) -> list[Problem]:
    """Undeclared classes, properties and ``tkg:`` terms (in the ``scope`` graphs only, when
    given); declared terms without label or comment."""
    ds = loaded.dataset
    ontology = ds.graph(ONTOLOGY_GRAPH)
    declared = {s for s, o in ontology.subject_objects(RDF.type) if o in DECLARATION_TYPES}
    typed = set(ds.subjects(RDF.type, None))
    locate = _Locator(project)
    problems: list[Problem] = []

    def is_core(term: Node) -> bool:
        return isinstance(term, URIRef) and str(term).startswith(CORE_NAMESPACES)

    from rdflib.namespace import OWL

    def of_kind(*types: URIRef) -> set[str]:
        return {str(t) for k in types for t in ontology.subjects(RDF.type, k) if str(t).startswith(str(TKG))}

    known_by_kind = {
        "property": of_kind(OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty),
        "class": of_kind(OWL.Class),
        "term": {str(t) for t in declared | typed if str(t).startswith(str(TKG))},
    }

    def hint(term: URIRef, predicate: URIRef | None = None, kind: str = "term") -> str:
        """The valid values where the property's range has a closed list, else the near spellings."""
        from difflib import get_close_matches

        ranges = list(ontology.objects(predicate, RDFS.range)) if predicate is not None else []
        members = sorted(
            {_short(ds, m) for r in ranges for m in ds.subjects(RDF.type, r) if str(m).startswith(str(TKG))}
        )
        if members and len(members) <= 20:
            return f": one of {', '.join(members)}"
        by_lower = {k.lower(): k for k in known_by_kind[kind]}
        near = get_close_matches(str(term).lower(), list(by_lower), n=3, cutoff=0.75)
        return (
            f" (did you mean {', '.join(_short(ds, URIRef(by_lower[n])) for n in near)}?)" if near else " (misspelt?)"
        )

    def undeclared(files: list[Path], term: URIRef, message: str) -> None:
        """A problem at the line of a graph's files that first uses ``term``."""
        name = _short(ds, term)
        problems.append(
            Problem("vocabulary", locate.where(_where_used(files, name, str(term)), name, str(term)), message)
        )

    for graph_name, files in loaded.graph_files.items():
        if scope is not None and graph_name not in scope:
            continue
        graph = ds.graph(URIRef(graph_name))
        seen: set[tuple[str, URIRef]] = set()
        for s, p, o in graph:
            candidates = [("property", p)]
            if p == RDF.type:
                candidates.append(("class", o))
            if p in (RDFS.subClassOf, RDFS.domain, RDFS.range) and not str(o).startswith(str(XSD)):
                candidates.append(("class", o))
            for kind, term in candidates:
                if (kind, term) in seen or is_core(term) or term in declared:
                    continue
                seen.add((kind, term))
                tip = hint(term, kind=kind) if str(term).startswith(str(TKG)) else ""
                undeclared(files, term, f"{kind} {_short(ds, term)} is not declared in ontology/{tip}")
            for term in (s, o):
                if (
                    isinstance(term, URIRef)
                    and str(term).startswith(str(TKG))
                    and term not in declared
                    and term not in typed
                    and ("term", term) not in seen
                    and ("class", term) not in seen
                    and ("property", term) not in seen
                ):
                    seen.add(("term", term))
                    tip = hint(term, p if term is o else None)
                    undeclared(files, term, f"{_short(ds, term)} is not declared in ontology/{tip}")

    onto_files = loaded.files_for(str(ONTOLOGY_GRAPH))
    for term in sorted(declared):
        if is_core(term):
            continue
        name = _short(ds, term)
        missing = [
            a
            for a, pred in (("rdfs:label", RDFS.label), ("rdfs:comment", RDFS.comment))
            if (term, pred, None) not in ontology
        ]
        if missing:
            path = _where_used(onto_files, name + " a ", str(term))
            problems.append(
                Problem(
                    "vocabulary", locate.where(path, name + " a ", name), f"{name} has no {' and no '.join(missing)}"
                )
            )
    return problems


def _where_used(files: list[Path], *needles: str) -> Path:
    for path in files:
        text = path.read_text(encoding="utf-8")
        if any(_mentions(text, n) for n in needles):
            return path
    return files[0]


# --- 3. SHACL -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ShaclResult:
    """One SHACL validation result, with the node shape it belongs to."""

    focus: Node
    path: Node | None
    message: str
    shape: Node | None


def shacl_results(data: Graph, shapes: Graph) -> list[ShaclResult]:
    """Run pySHACL over ``data``; return every validation result (empty when it conforms)."""
    import pyshacl  # heavy: imported only when validating

    conforms, results, _ = pyshacl.validate(
        data,
        shacl_graph=shapes,
        inference="none",
        abort_on_first=False,
        allow_warnings=False,
    )
    if conforms:
        return []
    found = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        source = results.value(result, SH.sourceShape)
        owner = shapes.value(None, SH.property, source) if source is not None else None
        found.append(
            ShaclResult(
                focus=results.value(result, SH.focusNode),
                path=results.value(result, SH.resultPath),
                message=str(results.value(result, SH.resultMessage) or "does not conform"),
                shape=owner if owner is not None else source,
            )
        )
    return found


def union_graph(loaded: Loaded, scope: Collection[str] | None = None) -> Graph:
    """All triples of every named graph (or of the ``scope`` graphs) in one graph (for SHACL),
    with the dataset's prefixes."""
    data = Graph()
    for prefix, ns in loaded.dataset.namespaces():
        data.bind(prefix, ns)
    for s, p, o, ctx in loaded.dataset.quads((None, None, None, None)):
        if scope is None or str(ctx.identifier if isinstance(ctx, Graph) else ctx) in scope:
            data.add((s, p, o))
    return data


def store_shacl_results(loaded: Loaded, shapes: Graph, scope: Collection[str] | None = None) -> list[ShaclResult]:
    """The shapes' results over ontology + graph (the ``scope`` graphs, when given), run as
    SPARQL inside the store (:mod:`transition_kg.core.shacl`); by pySHACL over an rdflib copy
    when a shape uses what those queries do not translate."""
    from .shacl import Unsupported, compile_shapes, run_checks
    from .sparql import rdflib_term
    from .vocab import INFERRED_GRAPH_IRI

    try:
        checks = compile_shapes(shapes)
    except Unsupported:
        return shacl_results(union_graph(loaded, scope), shapes)
    graphs = [
        g.value
        for g in loaded.store.named_graphs()
        if g.value != INFERRED_GRAPH_IRI and (scope is None or g.value in scope)
    ]
    return [ShaclResult(rdflib_term(f), p, m, s) for f, p, m, s in run_checks(loaded.store, checks, graphs)]


def check_shacl(loaded: Loaded, shapes: Graph, project: Project, scope: Collection[str] | None = None) -> list[Problem]:
    """Run the shapes over ontology + graph (the ``scope`` graphs, when given); one problem per
    validation result."""
    if len(shapes) == 0:
        return []
    locate = _Locator(project)
    problems = []
    for result in store_shacl_results(loaded, shapes, scope):
        file = _file_of(loaded, _graph_of_subject(loaded, result.focus, result.path), project)
        named = isinstance(result.focus, URIRef)
        focus_name = _short(shapes, result.focus) if named else "a blank node"
        where = locate.where(file, focus_name) if file and named else (project.display(file) if file else "graph")
        on = f" {_short(shapes, result.path)}" if isinstance(result.path, URIRef) else ""
        shape = f" ({_short(shapes, result.shape)})" if isinstance(result.shape, URIRef) else ""
        problems.append(Problem("shacl", where, f"{focus_name}{on}: {result.message}{shape}"))
    return problems


# --- 4. evidence ---------------------------------------------------------------------------


def _where_stated(loaded: Loaded, project: Project) -> Callable[[URIRef, str], str]:
    """``where(subject, property)``: ``FILE:LINE`` where the subject's property is written (for
    :func:`~transition_kg.core.texts.read_articles`)."""
    locate = _Locator(project)

    def where(subject: URIRef, prop: str) -> str:
        file = _file_of(loaded, subject, project) or _file_of(loaded, _graph_of_subject(loaded, subject), project)
        return locate.where(file, prop) if file else "graph"

    return where


def check_evidence(
    loaded: Loaded,
    project: Project,
    corpus: Path,
    report: Report,
    require_texts: bool = False,
    scope: Collection[str] | None = None,
) -> list[Problem]:
    """Check hashes, spans, numbers and quote texts against the article files in ``corpus``
    (the evidence of the ``scope`` graphs, when given); an article whose file is not there is
    skipped with a note (a problem if ``require_texts``)."""
    ds = loaded.dataset
    if not corpus.is_dir():
        why = f"no article corpus at {corpus} (set TKG_CORPUS, or put the texts in the project's texts/)"
        if require_texts:
            return [Problem("evidence", "corpus", why)]
        report.notes.append(f"evidence check skipped: {why}")
        return []
    locate = _Locator(project)
    absent: list[tuple[URIRef, str]] = []
    stated = _where_stated(loaded, project)
    texts, problems = read_articles(loaded, corpus, stated, absent)
    for article, name in absent:
        why = f"{curie(article)}: its text {name} is not in {corpus}"
        if require_texts:
            problems.append(Problem("evidence", stated(article, "tkg:sourceFile"), why))
        else:
            report.notes.append(f"evidence of {why}: skipped")
    spans = 0
    exacts_of: dict[Node, list[tuple[int, str]]] = defaultdict(list)
    for fact, evidence, ctx in _evidence_quads(loaded):
        if scope is not None and str(ctx) not in scope:
            continue
        file = _file_of(loaded, ctx, project)
        fact_name = _short(ds, fact) if isinstance(fact, URIRef) else "a fact"

        def where(file: Path | None = file, fact_name: str = fact_name) -> str:
            """Where the fact is written: looked up only for a problem (a search of its file)."""
            return locate.where(file, fact_name) if file else "graph"

        article = ds.value(evidence, OA.hasSource)
        position = exact = None
        for selector in ds.objects(evidence, OA.hasSelector):
            if (selector, RDF.type, OA.TextPositionSelector) in ds:
                position = (ds.value(selector, OA.start), ds.value(selector, OA.end))
            if (selector, RDF.type, OA.TextQuoteSelector) in ds:
                exact = ds.value(selector, OA.exact)
        if article not in texts or position is None or None in position or exact is None:
            continue  # missing parts are reported by the shapes; a missing file above
        if ctx != article and article is not None:
            problems.append(
                Problem(
                    "evidence",
                    where(),
                    f"{fact_name}: evidence cites {_short(ds, article)} but the fact is in graph {_short(ds, ctx)}",
                )
            )
        text = texts[article]
        start, end = int(position[0]), int(position[1])
        spans += 1
        if not (0 <= start < end <= text.end - text.start):
            problems.append(
                Problem(
                    "evidence",
                    where(),
                    f"{fact_name}: span {start}-{end} lies outside the article (0-{text.end - text.start})",
                )
            )
            continue
        found = text.file_text[text.start + start : text.start + end]  # offsets count the article's characters
        if found != str(exact):
            problems.append(
                Problem("evidence", where(), f"{fact_name}: text at {start}-{end} is {found!r}, not {str(exact)!r}")
            )
            continue
        exacts_of[fact].append((start, str(exact)))

    for obs in ds.subjects(RDF.type, TKG.Observation):
        if obs not in exacts_of:
            continue
        written = [n for _, e in exacts_of[obs] for n in numbers_in(e)]
        for prop in (TKG.value, TKG.previousValue):
            value = ds.value(obs, prop)
            if value is not None and _decimal(value) not in written:
                file = _file_of(loaded, _graph_of_subject(loaded, obs), project)
                name = _short(ds, obs)
                problems.append(
                    Problem(
                        "evidence",
                        locate.where(file, name) if file else "graph",
                        f"{name}: {_short(ds, prop)} {value} is not written in its evidence "
                        f"(numbers there: {', '.join(map(str, written)) or 'none'})",
                    )
                )
    for quote in ds.subjects(RDF.type, TKG.Quote):
        if quote not in exacts_of:
            continue
        joined = QUOTE_JOINER.join(e for _, e in sorted(exacts_of[quote]))
        recorded = ds.value(quote, TKG.quoteText)
        if recorded is not None and str(recorded) != joined:
            file = _file_of(loaded, _graph_of_subject(loaded, quote), project)
            name = _short(ds, quote)
            problems.append(
                Problem(
                    "evidence",
                    locate.where(file, name) if file else "graph",
                    f"{name}: tkg:quoteText differs from its evidence segments joined by '{QUOTE_JOINER.strip()}'",
                )
            )
    report.checked["evidence spans"] = spans
    report.checked["articles"] = len(texts)
    return problems


def _decimal(value: Node) -> Decimal | None:
    """The number a literal holds (None for text that is no number; the shapes report its type)."""
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None


def _evidence_quads(loaded: Loaded):
    """(fact, evidence node, graph name) for every tkg:evidence triple."""
    for fact, _, evidence, ctx in loaded.dataset.quads((None, TKG.evidence, None, None)):
        yield fact, evidence, (ctx.identifier if isinstance(ctx, Graph) else ctx)


# --- 5. quality-check queries ------------------------------------------------------------


def check_queries(loaded: Loaded, project: Project, report: Report) -> list[Problem]:
    """Run every ``queries/checks/*-violation.rq``; each row it returns is a problem."""
    import pyoxigraph as ox

    from .named import checks
    from .store import EmbeddedStore

    found = checks(project)
    if not found:
        return []
    store = EmbeddedStore(loaded)
    problems = []
    for check in found.values():
        result = store.query(check.text)
        for row in result.rows:
            detail = " ".join(
                f"{v}={curie(t.value) if isinstance(t, ox.NamedNode) else t.value}"
                for v, t in zip(result.vars, row)
                if t is not None
            )
            problems.append(Problem("queries", project.display(check.path), f"{check.title}: {detail}"))
    report.checked["quality checks"] = len(found)
    return problems
