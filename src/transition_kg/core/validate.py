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

import pyoxigraph as ox

from .errors import Problem, ProjectInvalid
from .load import Loaded, load
from .numerals import numbers_in
from .paths import Project, corpus_dir
from .texts import read_articles
from .vocab import INFERRED_GRAPH_IRI, ONTOLOGY_GRAPH_IRI, PREFIXES, TKG_IRI, curie

TYPE_CHECKING = False  # typing costs a cold start 5 ms; mypy reads this name as typing's
if TYPE_CHECKING:
    from typing import Any

# The checks read the pyoxigraph store, not an rdflib copy: validate imports no rdflib unless a
# shape needs pySHACL (rdflib's import and the copy were more than half of its time).
RDF, RDFS, OWL, XSD, OA = (PREFIXES[p] for p in ("rdf", "rdfs", "owl", "xsd", "oa"))
CHECKS = ("syntax", "files", "vocabulary", "shacl", "evidence", "queries")
CORE_NAMESPACES = (RDF, RDFS, OWL, XSD)
DECLARATION_TYPES = {
    OWL + "Class",
    RDFS + "Class",
    OWL + "ObjectProperty",
    OWL + "DatatypeProperty",
    OWL + "AnnotationProperty",
    RDF + "Property",
    OWL + "TransitiveProperty",
    OWL + "SymmetricProperty",
    OWL + "FunctionalProperty",
}
QUOTE_JOINER = " … "
TYPE = ox.NamedNode(RDF + "type")
ONTOLOGY = ox.NamedNode(ONTOLOGY_GRAPH_IRI)


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
        shapes = loaded.shapes
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
    articles = {q.subject.value for q in loaded.stated(None, TYPE, ox.NamedNode(TKG_IRI + "Article"))}
    named = {g.value for g in loaded.store.named_graphs() if g.value != INFERRED_GRAPH_IRI}
    return {g for g in named if g in graphs or g not in articles}


def _in_file_order(problems: list[Problem]) -> list[Problem]:
    """Problems sorted by file, then line number, then message."""

    def key(problem: Problem) -> tuple[str, int, str]:
        path, _, line = problem.where.rpartition(":")
        return (path, int(line), problem.message) if line.isdigit() else (problem.where, 0, problem.message)

    return sorted(problems, key=key)


# --- helpers ------------------------------------------------------------------------------


def _value(loaded: Loaded, s: Any, p: Any) -> Any:
    """An object the files state for ``s`` and ``p``, else None."""
    return next((q.object for q in loaded.stated(s, p)), None)


def _short(term: Any) -> str:
    return curie(term.value) if isinstance(term, ox.NamedNode) else term.value


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


def _graph_of_subject(loaded: Loaded, node: Any, prop: Any = None) -> str | None:
    """The graph stating something of ``node`` (with ``prop`` when given), else naming it."""
    patterns = [(node, prop, None)] if isinstance(prop, ox.NamedNode) else []
    for pattern in [*patterns, (node, None, None), (None, None, node)]:
        for quad in loaded.stated(*pattern):
            name = quad.graph_name
            return name.value if isinstance(name, ox.NamedNode) else None
    return None


def _file_of(loaded: Loaded, graph: str | None, project: Project) -> Path | None:
    files = loaded.files_for(graph) if graph is not None else []
    return files[0] if files else None


# --- 2. vocabulary ------------------------------------------------------------------------


def check_vocabulary(loaded: Loaded, project: Project, scope: Collection[str] | None = None) -> list[Problem]:
    """Undeclared classes, properties and ``tkg:`` terms (in the ``scope`` graphs only, when
    given); declared terms without label or comment."""
    ontology = list(loaded.stated(None, None, None, ONTOLOGY))
    declared = {q.subject for q in loaded.stated(None, TYPE, None, ONTOLOGY) if q.object.value in DECLARATION_TYPES}
    typed = {q.subject for q in loaded.stated(None, TYPE)}
    locate = _Locator(project)
    problems: list[Problem] = []

    def is_core(term: Any) -> bool:
        return isinstance(term, ox.NamedNode) and term.value.startswith(CORE_NAMESPACES)

    def of_kind(*types: str) -> set[str]:
        return {
            q.subject.value
            for q in ontology
            if q.predicate == TYPE and q.object.value in types and q.subject.value.startswith(TKG_IRI)
        }

    known_by_kind = {
        "property": of_kind(OWL + "ObjectProperty", OWL + "DatatypeProperty", OWL + "AnnotationProperty"),
        "class": of_kind(OWL + "Class"),
        "term": {t.value for t in declared | typed if t.value.startswith(TKG_IRI)},
    }

    def hint(term: Any, predicate: Any = None, kind: str = "term") -> str:
        """The valid values where the property's range has a closed list, else the near spellings."""
        from difflib import get_close_matches

        ranges = (
            [q.object for q in loaded.stated(predicate, ox.NamedNode(RDFS + "range"), None, ONTOLOGY)]
            if predicate is not None
            else []
        )
        members = sorted(
            {
                _short(q.subject)
                for r in ranges
                if not isinstance(r, ox.Literal)
                for q in loaded.stated(None, TYPE, r)
                if q.subject.value.startswith(TKG_IRI)
            }
        )
        if members and len(members) <= 20:
            return f": one of {', '.join(members)}"
        by_lower = {k.lower(): k for k in known_by_kind[kind]}
        near = get_close_matches(term.value.lower(), list(by_lower), n=3, cutoff=0.75)
        return f" (did you mean {', '.join(curie(by_lower[n]) for n in near)}?)" if near else " (misspelt?)"

    def undeclared(files: list[Path], term: Any, message: str) -> None:
        """A problem at the line of a graph's files that first uses ``term``."""
        name = _short(term)
        problems.append(
            Problem("vocabulary", locate.where(_where_used(files, name, term.value), name, term.value), message)
        )

    classes = {ox.NamedNode(RDFS + p) for p in ("subClassOf", "domain", "range")}
    for graph_name, files in loaded.graph_files.items():
        if scope is not None and graph_name not in scope:
            continue
        seen: set[tuple[str, Any]] = set()
        for quad in loaded.store.quads_for_pattern(None, None, None, ox.NamedNode(graph_name)):
            s, p, o = quad.subject, quad.predicate, quad.object
            candidates = [("property", p)]
            if p == TYPE:
                candidates.append(("class", o))
            if p in classes and not o.value.startswith(XSD):
                candidates.append(("class", o))
            for kind, term in candidates:
                if (kind, term) in seen or is_core(term) or term in declared:
                    continue
                seen.add((kind, term))
                tip = hint(term, kind=kind) if term.value.startswith(TKG_IRI) else ""
                undeclared(files, term, f"{kind} {_short(term)} is not declared in ontology/{tip}")
            for term, said_by in ((s, None), (o, p)):
                if (
                    isinstance(term, ox.NamedNode)
                    and term.value.startswith(TKG_IRI)
                    and term not in declared
                    and term not in typed
                    and ("term", term) not in seen
                    and ("class", term) not in seen
                    and ("property", term) not in seen
                ):
                    seen.add(("term", term))
                    tip = hint(term, said_by)
                    undeclared(files, term, f"{_short(term)} is not declared in ontology/{tip}")

    onto_files = loaded.files_for(ONTOLOGY_GRAPH_IRI)
    described = {(q.subject, q.predicate) for q in ontology}
    for term in sorted(declared, key=lambda t: t.value):
        if is_core(term):
            continue
        name = _short(term)
        missing = [
            a
            for a, pred in (("rdfs:label", RDFS + "label"), ("rdfs:comment", RDFS + "comment"))
            if (term, ox.NamedNode(pred)) not in described
        ]
        if missing:
            path = _where_used(onto_files, name + " a ", term.value)
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
    """One SHACL validation result, with the node shape it belongs to (rdflib terms from
    pySHACL, :func:`shacl_results`; pyoxigraph terms from :func:`store_shacl_results`)."""

    focus: Any
    path: Any
    message: str
    shape: Any


def shacl_results(data: Any, shapes: Any) -> list[ShaclResult]:
    """Run pySHACL over the rdflib graph ``data`` with the rdflib ``shapes``; return every
    validation result (empty when it conforms)."""
    import pyshacl  # heavy: imported only when a shape needs it
    from rdflib.namespace import RDF as rdf

    from .vocab import SH

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
    for result in results.subjects(rdf.type, SH.ValidationResult):
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


def union_graph(loaded: Loaded, scope: Collection[str] | None = None) -> Any:
    """All triples of every named graph (or of the ``scope`` graphs) in one rdflib graph (for
    pySHACL), with the dataset's prefixes."""
    from rdflib import Graph

    data = Graph()
    for prefix, ns in loaded.dataset.namespaces():
        data.bind(prefix, ns)
    for s, p, o, ctx in loaded.dataset.quads((None, None, None, None)):
        if scope is None or str(ctx.identifier if isinstance(ctx, Graph) else ctx) in scope:
            data.add((s, p, o))
    return data


def store_shacl_results(loaded: Loaded, shapes: Any, scope: Collection[str] | None = None) -> list[ShaclResult]:
    """The results of the ``shapes`` (:attr:`~transition_kg.core.load.Loaded.shapes`) over
    ontology + graph (the ``scope`` graphs, when given), run as SPARQL inside the store
    (:mod:`transition_kg.core.shacl`); by pySHACL over an rdflib copy when a shape uses what
    those queries do not translate. Terms are pyoxigraph's."""
    from .shacl import Unsupported, compile_shapes, run_checks

    try:
        checks = compile_shapes(shapes)
    except Unsupported:
        return [
            ShaclResult(_ox(r.focus), _ox(r.path), r.message, _ox(r.shape))
            for r in shacl_results(union_graph(loaded, scope), loaded.shapes_graph())
        ]
    graphs = [
        g.value
        for g in loaded.store.named_graphs()
        if g.value != INFERRED_GRAPH_IRI and (scope is None or g.value in scope)
    ]
    return [ShaclResult(f, p, m, s) for f, p, m, s in run_checks(loaded.store, checks, graphs)]


def _ox(term: Any) -> Any:
    """The pyoxigraph form of an rdflib term (None stays None)."""
    from rdflib import BNode, URIRef

    if term is None:
        return None
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD + "string")))


def check_shacl(loaded: Loaded, shapes: Any, project: Project, scope: Collection[str] | None = None) -> list[Problem]:
    """Run the ``shapes`` (:attr:`~transition_kg.core.load.Loaded.shapes`) over ontology +
    graph (the ``scope`` graphs, when given); one problem per validation result."""
    if len(shapes) == 0:
        return []
    locate = _Locator(project)
    problems = []
    for result in store_shacl_results(loaded, shapes, scope):
        file = _file_of(loaded, _graph_of_subject(loaded, result.focus, result.path), project)
        named = isinstance(result.focus, ox.NamedNode)
        focus_name = _short(result.focus) if named else "a blank node"
        where = locate.where(file, focus_name) if file and named else (project.display(file) if file else "graph")
        on = f" {_short(result.path)}" if isinstance(result.path, ox.NamedNode) else ""
        shape = f" ({_short(result.shape)})" if isinstance(result.shape, ox.NamedNode) else ""
        problems.append(Problem("shacl", where, f"{focus_name}{on}: {result.message}{shape}"))
    return problems


# --- 4. evidence ---------------------------------------------------------------------------


def _where_stated(loaded: Loaded, project: Project) -> Callable[[str, str], str]:
    """``where(subject, property)``: ``FILE:LINE`` where the subject's property is written (for
    :func:`~transition_kg.core.texts.read_articles`)."""
    locate = _Locator(project)

    def where(subject: str, prop: str) -> str:
        file = _file_of(loaded, subject, project) or _file_of(
            loaded, _graph_of_subject(loaded, ox.NamedNode(subject)), project
        )
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
    if not corpus.is_dir():
        why = f"no article corpus at {corpus} (set TKG_CORPUS, or put the texts in the project's texts/)"
        if require_texts:
            return [Problem("evidence", "corpus", why)]
        report.notes.append(f"evidence check skipped: {why}")
        return []
    locate = _Locator(project)
    absent: list[tuple[str, str]] = []
    stated = _where_stated(loaded, project)
    texts, problems = read_articles(loaded, corpus, stated, absent)
    for article, name in absent:
        why = f"{curie(article)}: its text {name} is not in {corpus}"
        if require_texts:
            problems.append(Problem("evidence", stated(article, "tkg:sourceFile"), why))
        else:
            report.notes.append(f"evidence of {why}: skipped")
    spans = 0
    exacts_of: dict[Any, list[tuple[int, str]]] = defaultdict(list)
    has_source, has_selector = ox.NamedNode(OA + "hasSource"), ox.NamedNode(OA + "hasSelector")
    kinds = {k: ox.NamedNode(OA + k) for k in ("TextPositionSelector", "TextQuoteSelector", "start", "end", "exact")}
    for quad in loaded.stated(None, ox.NamedNode(TKG_IRI + "evidence")):
        fact, evidence, ctx = quad.subject, quad.object, quad.graph_name
        if scope is not None and ctx.value not in scope:
            continue
        file = _file_of(loaded, ctx.value, project)
        fact_name = _short(fact) if isinstance(fact, ox.NamedNode) else "a fact"

        def where(file: Path | None = file, fact_name: str = fact_name) -> str:
            """Where the fact is written: looked up only for a problem (a search of its file)."""
            return locate.where(file, fact_name) if file else "graph"

        article = _value(loaded, evidence, has_source)
        position = exact = None
        for selector in [q.object for q in loaded.stated(evidence, has_selector)]:
            if next(loaded.stated(selector, TYPE, kinds["TextPositionSelector"]), None):
                position = (_value(loaded, selector, kinds["start"]), _value(loaded, selector, kinds["end"]))
            if next(loaded.stated(selector, TYPE, kinds["TextQuoteSelector"]), None):
                exact = _value(loaded, selector, kinds["exact"])
        if article is None or article.value not in texts or position is None or None in position or exact is None:
            continue  # missing parts are reported by the shapes; a missing file above
        if ctx != article:
            problems.append(
                Problem(
                    "evidence",
                    where(),
                    f"{fact_name}: evidence cites {_short(article)} but the fact is in graph {_short(ctx)}",
                )
            )
        text = texts[article.value]
        start, end = int(position[0].value), int(position[1].value)
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
        if found != exact.value:
            problems.append(
                Problem("evidence", where(), f"{fact_name}: text at {start}-{end} is {found!r}, not {exact.value!r}")
            )
            continue
        exacts_of[fact].append((start, exact.value))

    for obs in _instances(loaded, "Observation"):
        if obs not in exacts_of:
            continue
        written = [n for _, e in exacts_of[obs] for n in numbers_in(e)]
        for prop in ("value", "previousValue"):
            value = _value(loaded, obs, ox.NamedNode(TKG_IRI + prop))
            if value is not None and _decimal(value) not in written:
                file = _file_of(loaded, _graph_of_subject(loaded, obs), project)
                name = _short(obs)
                problems.append(
                    Problem(
                        "evidence",
                        locate.where(file, name) if file else "graph",
                        f"{name}: tkg:{prop} {value.value} is not written in its evidence "
                        f"(numbers there: {', '.join(map(str, written)) or 'none'})",
                    )
                )
    for quote in _instances(loaded, "Quote"):
        if quote not in exacts_of:
            continue
        joined = QUOTE_JOINER.join(e for _, e in sorted(exacts_of[quote]))
        recorded = _value(loaded, quote, ox.NamedNode(TKG_IRI + "quoteText"))
        if recorded is not None and recorded.value != joined:
            file = _file_of(loaded, _graph_of_subject(loaded, quote), project)
            name = _short(quote)
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


def _instances(loaded: Loaded, cls: str) -> list:
    """The nodes the files type ``tkg:CLS``, each once."""
    return list(dict.fromkeys(q.subject for q in loaded.stated(None, TYPE, ox.NamedNode(TKG_IRI + cls))))


def _decimal(value: Any) -> Decimal | None:
    """The number a literal holds (None for text that is no number; the shapes report its type)."""
    try:
        return Decimal(value.value)
    except ArithmeticError:
        return None


# --- 5. quality-check queries ------------------------------------------------------------


def check_queries(loaded: Loaded, project: Project, report: Report) -> list[Problem]:
    """Run every ``queries/checks/*-violation.rq``; each row it returns is a problem."""
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
