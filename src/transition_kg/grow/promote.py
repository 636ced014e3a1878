"""Promote reviewed candidates from a draft into the article's graph, in the house style.

A reviewer marks a candidate ``tkg:candidateStatus "accepted"`` in the draft ``extract`` wrote
(or names it in ``only``) and may add the house terms the candidate cannot guess:
``tkg:indicator`` for a number, ``tkg:speaker`` for a quote or role whose speaker is not
named as a declared entity is (``tkr:`` and the name's slug), for a new name its class
``tkg:candidateType`` (promote declares it in ``graph/shared.trig``, named after it) or the
entity it is, ``tkg:mentionOf``, or override ``tkg:observedEntity``, ``tkg:unit``,
``tkg:measure`` — in the draft itself, or in a review file of their own (see :func:`promote`).

Each kind of candidate has its handler in :data:`HANDLERS` (a mention, an observation, a quote,
a role): it resolves the rest against the ontology (a unit or qualifier as written, by label)
and returns the fact with the candidate's evidence, written by :mod:`transition_kg.core.turtle`
into the graph file of the article the evidence cites. A mention of each entity the facts use
is added where the text first writes its label (:func:`~transition_kg.grow.anchor.mention_missing`),
and the project is validated: if that finds a problem the project did not have before, the
files are put back as they were and those problems are the answer. A candidate that cannot be
resolved is one line saying what to add, with the choices there are.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..core import turtle
from ..core.errors import Problem, TKGError
from ..core.files import Journal, read_bytes
from ..core.paths import Project
from ..core.vocab import PREFIXES, curie
from .anchor import mention_missing
from .articles import slug
from .extract.lexicon import NOW_WORDS, PRESENT_TENSE

TYPE_CHECKING = False  # typing costs a cold start; mypy reads this name as typing's
if TYPE_CHECKING:
    import pyoxigraph as ox

    from ..core.load import Loaded

    Props = dict[str, list[ox.NamedNode | ox.BlankNode | ox.Literal]]

TKG, TKR, OA, XSD = PREFIXES["tkg"], PREFIXES["tkr"], PREFIXES["oa"], PREFIXES["xsd"]
RDF_TYPE = PREFIXES["rdf"] + "type"


class PromoteError(TKGError):
    """A draft that cannot be read, or candidates that cannot be promoted."""


class Refused(Exception):
    """A candidate that cannot be promoted as it is; the message says what to add."""


#: the time words of a figure the article states in the present tense: it holds as of the article's
#: year (tkg:asOf), which is no year of measurement (the curated graph's "Home to (present tense)")
PRESENT = re.compile(rf"^(?:{'|'.join(NOW_WORDS)})$|{re.escape(PRESENT_TENSE.strip())}$", re.I)


@dataclass
class Candidate:
    """A chosen candidate of the draft: its IRI, kind (``CandidateQuote``…), properties
    (property IRI → terms), the article its evidence cites, and its words with their offsets."""

    iri: str
    kind: str
    props: Props
    article: str
    words: str
    start: int
    end: int

    def one(self, name: str) -> ox.NamedNode | ox.BlankNode | ox.Literal | None:
        """The value of ``tkg:name`` (the reviewer's), else of the draft's proposal
        ``tkg:proposedName``, else of what it found as written, ``tkg:candidateName``."""
        upper = name[0].upper() + name[1:]
        values = (
            self.props.get(TKG + name)
            or self.props.get(TKG + "proposed" + upper)
            or self.props.get(TKG + "candidate" + upper)
        )
        return values[0] if values else None

    def entity(self, name: str, review: Review, written: str | None = None) -> ox.NamedNode | None:
        """The entity ``tkg:name`` gives (as given); else the one proposed, when it is declared
        (or declared by this promotion); else the entity the name as written (``tkg:candidateName``,
        or ``written``) is."""
        import pyoxigraph as ox

        upper = name[0].upper() + name[1:]
        given = self.props.get(TKG + name)
        if given:
            return review.named(given[0])
        proposed = self.props.get(TKG + "proposed" + upper)
        if proposed and isinstance(proposed[0], ox.NamedNode) and review.declared(proposed[0]):
            return proposed[0]
        found = self.props.get(TKG + "candidate" + upper) or (self.props.get(TKG + written) if written else None)
        return review.named(found[0]) if found else None

    @property
    def number(self) -> str:
        """Its number in the draft (``tkr:candidate-…-NUMBER``), as fact IRIs carry it."""
        return self.iri.rsplit("-", 1)[-1]

    @property
    def local(self) -> str:
        """The article's identifier without ``article-``, as fact IRIs carry it."""
        return self.article.removeprefix(TKR).removeprefix("article-")

    def fact(self, kind: str, local: str, *lines: list[turtle.Pair]) -> tuple[str, str]:
        """The fact ``tkr:KIND-LOCAL``: its IRI and its statements, the evidence last."""
        iri = f"{TKR}{kind}-{local}"
        evidence = turtle.evidence(turtle.iri(self.article), self.start, self.end, self.words)
        return iri, turtle.subject(turtle.iri(iri), *lines, [("tkg:evidence", evidence)])


@dataclass
class Review:
    """What the handlers share: the project's store, the ontology's units, qualifiers and
    indicators (label → IRI), the entities this promotion declares (IRI → its statement in
    ``graph/shared.trig``) and the names written so far."""

    store: ox.Store
    units: dict[str, str]
    qualifiers: dict[str, str]
    indicators: dict[str, str]
    declarations: dict[str, str] = field(default_factory=dict)
    new_indicators: dict[str, str] = field(default_factory=dict)
    written: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)  # facts a promotion before this one wrote

    def declared(self, entity: ox.NamedNode) -> bool:
        return entity.value in self.declarations or bool(
            self.store.query(f"ASK {{ GRAPH ?g {{ <{entity.value}> a ?t }} }}")
        )

    def named(self, term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> ox.NamedNode | None:
        """An IRI as given, or the entity a name is (declared, or declared by this promotion)."""
        import pyoxigraph as ox

        if isinstance(term, ox.NamedNode):
            return term
        if isinstance(term, ox.Literal):
            entity = ox.NamedNode(TKR + slug(term.value))
            return entity if self.declared(entity) else None
        return None

    def declare(self, entity: ox.NamedNode, klass: ox.NamedNode, label: str) -> None:
        """Declare a new entity in ``graph/shared.trig`` with its label."""
        self.declarations[entity.value] = turtle.subject(
            entity, [("a", klass), ("rdfs:label", turtle.text(label, "en"))]
        )
        self.written.append(curie(entity.value))

    def indicator(self, c: Candidate) -> ox.NamedNode | ox.BlankNode | ox.Literal | None:
        """The number's indicator: the reviewer's or the proposed one; a new one (named by its
        label, ``tkg:indicatorLabel`` or the proposed one) is declared in ``ontology/indicators.ttl``."""
        import pyoxigraph as ox

        indicator, label = c.one("indicator"), c.one("indicatorLabel")
        if c.props.get(TKG + "indicatorLabel") and not c.props.get(TKG + "indicator"):
            indicator = None  # the reviewer named a new one: its IRI is made from the label
        if indicator is not None and (
            not isinstance(indicator, ox.NamedNode) or indicator.value in self.indicators.values()
        ):
            return indicator
        if not isinstance(label, ox.Literal) or not label.value.strip():
            return indicator
        indicator = ox.NamedNode(TKR + "indicator-" + slug(label.value))
        if indicator.value not in self.indicators.values():
            self.new_indicators[indicator.value] = turtle.subject(
                turtle.name(indicator.value),  # as the file names its indicators
                [
                    ("a", "tkg:Indicator"),
                    ("skos:inScheme", "tkr:indicators"),
                    ("rdfs:label", turtle.text(label.value, "en")),
                ],
                [
                    (
                        "rdfs:comment",
                        turtle.text(
                            f"{label.value[0].upper()}{label.value[1:]}, as the article's words give it.", "en"
                        ),
                    )
                ],
                indent=0,
            )
        return indicator


def _choices(store, klass: str) -> dict[str, str]:
    """Lower-cased labels (and alternative labels) of the instances of ``klass`` → IRI."""
    rows = store.query(
        f"SELECT ?x ?l WHERE {{ GRAPH ?g {{ ?x a <{klass}> }} GRAPH ?h {{ ?x <{PREFIXES['rdfs']}label>"
        f"|<{PREFIXES['skos']}altLabel> ?l }} }}"
    )
    return {row[1].value.lower(): row[0].value for row in rows}


def _named(choices: dict[str, str], text: str) -> str | None:
    """The instance whose label is ``text`` (any case, a plural -s allowed)."""
    text = text.strip().lower()
    return choices.get(text) or (choices.get(text[:-1]) if text.endswith("s") else None)


def _listing(choices: dict[str, str]) -> str:
    return ", ".join(sorted({curie(iri) for iri in choices.values()}))


# --- one handler per kind of candidate: (fact IRI, its statements), or Refused ---------------


def mention(c: Candidate, review: Review) -> tuple[str, str]:
    """A mention of an entity; a new name with its class (``tkg:candidateType``) is declared."""
    import pyoxigraph as ox

    entity, name, klass = c.one("mentionOf") or c.one("of"), c.one("name"), c.one("candidateType") or c.one("type")
    if entity is None and klass is not None and name is not None:
        entity = ox.NamedNode(TKR + slug(name.value))  # "Wendy Tanaka" is tkr:wendy-tanaka
    if not isinstance(entity, ox.NamedNode) or not (review.declared(entity) or klass is not None):
        said = (
            f"a new name {name.value!r}"
            if name is not None
            else f"{curie(entity.value)} is not declared"
            if entity is not None
            else "no entity"
        )
        raise Refused(
            f"{said}: give tkg:candidateType, its class (tkg:Person, tkg:City, tkg:Company, …), and promote "
            "declares it in graph/shared.trig with the name as its label (or declare it there yourself and give "
            "tkg:mentionOf)"
        )
    if not review.declared(entity):
        if not isinstance(klass, ox.NamedNode) or name is None:
            raise Refused("tkg:candidateType must be a class IRI, for a new name")
        review.declare(entity, klass, name.value)
    return c.fact(
        "mention", f"{c.local}--{entity.value.rsplit('/', 1)[-1]}", [("a", "tkg:Mention"), ("tkg:mentionOf", entity)]
    )


def observation(c: Candidate, review: Review) -> tuple[str, str]:
    """A number as an observation: its entity, indicator and unit (a unit or qualifier as
    written resolved by label), its value, and its year or that the text gives none."""
    import pyoxigraph as ox

    entity, indicator, unit, qualifier = (
        c.entity("observedEntity", review, "candidateAbout"),
        review.indicator(c),
        c.one("unit"),
        c.one("qualifier"),
    )
    if isinstance(unit, ox.Literal):  # as written: by its label
        found = _named(review.units, unit.value)
        unit = ox.NamedNode(found) if found else None
    if isinstance(qualifier, ox.Literal):
        found = _named(review.qualifiers, qualifier.value)
        if found is None:
            raise Refused(
                f"qualifier {qualifier.value!r} is not one of the ontology's: "
                f"give tkg:qualifier, one of {_listing(review.qualifiers)}"
            )
        qualifier = ox.NamedNode(found)
    for name, value, choices in (
        ("tkg:observedEntity", entity, None),
        ("tkg:indicator", indicator, review.indicators),
        ("tkg:unit", unit, review.units),
    ):
        if value is None:
            raise Refused(
                f"give {name}"
                + (
                    f", one of {_listing(choices)} (or add one to ontology/, see docs/extending.md)"
                    if choices
                    else " (the entity the number is about)"
                )
            )
    value, year, inferred = c.one("value"), c.one("year"), c.props.get(TKG + "yearInferredFrom")
    if not (isinstance(value, ox.Literal) and value.datatype.value in (XSD + "integer", XSD + "decimal")):
        raise Refused("its value is not a number (tkg:candidateValue, an integer or decimal)")
    when: list[turtle.Pair] = [("tkg:yearNotStated", True)]
    words = inferred[0] if inferred else None
    if year is not None and words is not None and PRESENT.search(str(words.value)):  # "now employs": as of, no year
        when = [("tkg:asOf", year), ("tkg:timeExpression", words)]
    elif year is not None:
        when = [("tkg:year", year), ("tkg:yearInferredFrom", words)]
    elif c.one("startYear") is not None or c.one("endYear") is not None:  # a period ("in the past three years")
        when = [*_period(c), ("tkg:yearInferredFrom", inferred[0] if inferred else None)]
    return c.fact(
        "obs",
        f"{c.local}-{c.number}",
        [("a", "tkg:Observation"), ("tkg:measure", c.one("measure") or ox.NamedNode(TKG + "Level"))],
        [("tkg:observedEntity", entity), ("tkg:indicator", indicator)],
        [("tkg:value", value), ("tkg:unit", unit), ("tkg:qualifier", qualifier)],
        when,
    )


def _period(c: Candidate) -> list[turtle.Pair]:
    """A candidate's period as the ontology models one: its first and last year (``tkg:startYear``,
    ``tkg:endYear``, each an ``xsd:gYear``, the first not after the last)."""
    start, end = c.one("startYear"), c.one("endYear")
    years = [getattr(y, "value", "") for y in (start, end)]
    typed = all(getattr(getattr(y, "datatype", None), "value", "") == XSD + "gYear" for y in (start, end))
    if not (typed and all(re.fullmatch(r"\d{4}", y) for y in years) and years[0] <= years[1]):
        raise Refused("its period is not two years: give tkg:startYear and tkg:endYear, each an xsd:gYear, in order")
    return [("tkg:startYear", start), ("tkg:endYear", end)]


def _speaker(c: Candidate, review: Review) -> ox.NamedNode:
    """The speaker of a quote or role: an IRI, or the name of an entity declared."""
    import pyoxigraph as ox

    speaker = c.entity("speaker", review)
    if speaker is None:
        said = c.one("candidateSpeaker")
        raise Refused(
            "give tkg:speaker, the person's IRI"
            + (
                f" (or accept the mention of {said.value!r} with tkg:candidateType tkg:Person)"
                if isinstance(said, ox.Literal)
                else ""
            )
        )
    return speaker


def quote(c: Candidate, review: Review) -> tuple[str, str]:
    """A quote: its speaker and its words."""
    speaker = _speaker(c, review)
    return c.fact(
        "quote",
        f"{c.local}-{c.number}",
        [("a", "tkg:Quote"), ("tkg:speaker", speaker), ("tkg:quoteText", turtle.text(c.words))],
    )


def role(c: Candidate, review: Review) -> tuple[str, str]:
    """A role: who holds it, its title as the text writes it, and where (when named)."""
    import pyoxigraph as ox

    speaker = _speaker(c, review)
    title, held = c.one("title") or c.one("role"), c.entity("roleIn", review, "candidateOrganisation")
    if not isinstance(title, ox.Literal):
        raise Refused("give tkg:title, the role as the text writes it")
    return c.fact(
        "role",
        f"{speaker.value.rsplit('/', 1)[-1]}-{c.local}",
        [("a", "tkg:Role"), ("tkg:heldBy", speaker), ("tkg:title", turtle.text(title.value)), ("tkg:roleIn", held)],
    )


#: the relations a candidate relation may state
RELATIONS = {
    TKG + p
    for p in ("locatedIn", "partOf", "deployedBy", "developedBy", "issuedBy", "country", "connects", "hasIndustry")
}


def relation(c: Candidate, review: Review) -> tuple[str, str]:
    """A relation between two entities: the plain triple, and beside it its ``rdf:Statement``
    with its words and basis (``rdf:subject``/``rdf:predicate``/``rdf:object``/``tkg:basis``
    override the proposed ones)."""
    import pyoxigraph as ox

    def given(name: str, proposed: str) -> ox.NamedNode | ox.BlankNode | ox.Literal | None:
        values = c.props.get(PREFIXES["rdf"] + name) or c.props.get(TKG + proposed)
        return values[0] if values else None

    subject, predicate, obj = (
        given("subject", "proposedSubject"),
        given("predicate", "proposedPredicate"),
        given("object", "proposedObject"),
    )
    basis = c.one("basis") or ox.NamedNode(TKG + "Stated")
    for role, entity in (("rdf:subject", subject), ("rdf:object", obj)):
        if not isinstance(entity, ox.NamedNode) or not review.declared(entity):
            shown = curie(entity.value) if isinstance(entity, ox.NamedNode) else "none"
            raise Refused(f"give {role}, a declared entity ({shown} is not: accept the mention of its name)")
    if not isinstance(predicate, ox.NamedNode) or predicate.value not in RELATIONS:
        raise Refused(f"give rdf:predicate, one of {', '.join(sorted(curie(p) for p in RELATIONS))}")
    if basis.value not in (TKG + "Stated", TKG + "Contextual"):
        raise Refused("give tkg:basis, tkg:Stated or tkg:Contextual")
    assert isinstance(subject, ox.NamedNode) and isinstance(obj, ox.NamedNode)
    evidence = turtle.evidence(turtle.iri(c.article), c.start, c.end, c.words)
    statement = turtle.Blank(
        [("a", "rdf:Statement"), ("rdf:subject", subject), ("rdf:predicate", predicate), ("rdf:object", obj)],
        [("tkg:basis", basis), ("rdfs:comment", c.one("comment")), ("tkg:evidence", evidence)],
    )
    triple = turtle.subject(subject, [(turtle.name(predicate.value), obj)])
    return f"{subject.value} {predicate.value} {obj.value}", triple + "\n" + turtle.subject(statement)


def _declare_new(c: Candidate, review: Review) -> None:
    """A new entity a reviewer made in place (``tkg:newEntityLabel`` and ``tkg:newEntityType``;
    the candidate names it by the label's slug): declared, unless it is already."""
    import pyoxigraph as ox

    label, klass = c.props.get(TKG + "newEntityLabel"), c.props.get(TKG + "newEntityType")
    if not label and not klass:
        return
    if not (label and isinstance(label[0], ox.Literal) and label[0].value.strip()):
        raise Refused("a new entity needs tkg:newEntityLabel, its name")
    if not (klass and isinstance(klass[0], ox.NamedNode)):
        raise Refused(f"the new entity {label[0].value!r} needs tkg:newEntityType, its class (tkg:Person, tkg:Site, …)")
    entity = ox.NamedNode(TKR + slug(label[0].value))
    if not review.declared(entity):
        review.declare(entity, klass[0], label[0].value)


def not_a_fact(c: Candidate, review: Review) -> tuple[str, str]:
    """A date (or any other kind): not a fact of its own."""
    raise Refused("a date is not a fact: give its year to the fact it dates (tkg:year), and drop the candidate")


#: the handler of each kind of candidate (any other kind: :func:`not_a_fact`)
HANDLERS: dict[str, Callable[[Candidate, Review], tuple[str, str]]] = {
    "CandidateMention": mention,
    "CandidateObservation": observation,
    "CandidateQuote": quote,
    "CandidateRole": role,
    "CandidateRelation": relation,
}


# --- reading the draft, and writing what it promotes ---------------------------------------


def _read(paths: list[Path]) -> dict:
    """Every subject of the draft and its reviews (candidates, evidence, selectors) → property
    IRI → objects."""
    import pyoxigraph as ox

    nodes: dict = {}
    for path in paths:
        try:
            quads = ox.parse(read_bytes(Path(path), str(path)), ox.RdfFormat.TRIG)
            for quad in quads:
                nodes.setdefault(quad.subject, {}).setdefault(quad.predicate.value, []).append(quad.object)
        except SyntaxError as exc:
            raise PromoteError(f"does not parse ({exc.msg})", file=path, line=exc.lineno or 1) from None
    return nodes


def _chosen(nodes: dict, shown: str, only: list[str] | None) -> list[str]:
    """The candidates named in ``only``, else the accepted ones (the mentions first: quotes and
    roles name the entities they declare)."""
    import pyoxigraph as ox

    candidates = {s.value: props for s, props in nodes.items() if isinstance(s, ox.NamedNode)}
    wanted = {TKR + o.split(":", 1)[1] if o.startswith("tkr:") else o if "://" in o else TKR + o for o in only or []}
    chosen = [
        c
        for c, props in candidates.items()
        if any(t.value.startswith(TKG + "Candidate") for t in props.get(RDF_TYPE, []))
        and (c in wanted if only else any(s.value == "accepted" for s in props.get(TKG + "candidateStatus", [])))
    ]
    missing = sorted(wanted - set(chosen))
    if missing:
        raise PromoteError(f"no such candidate in {shown}", option="only", value=curie(missing[0]))
    if not chosen:
        raise PromoteError(
            'no candidate is accepted: set tkg:candidateStatus "accepted", or name the candidates',
            file=shown,
            fix="only",
        )
    return sorted(chosen, key=lambda c: candidates[c][RDF_TYPE][0].value != TKG + "CandidateMention")


def _candidate(iri: str, nodes: dict, graph_files: dict) -> Candidate:
    """The candidate with its evidence: the article it cites (registered in the project), its
    words and their offsets, written back only as the integers they are (never text pasted
    from the draft)."""
    import pyoxigraph as ox

    props = nodes[ox.NamedNode(iri)]
    evidence = props.get(TKG + "evidence", [])
    held = nodes.get(evidence[0], {}) if evidence else {}
    source = next(iter(held.get(OA + "hasSource", [])), None)
    selected = {p: o[0] for sel in held.get(OA + "hasSelector", []) for p, o in nodes.get(sel, {}).items()}
    exact = selected.get(OA + "exact")
    span = {
        k: int(selected[OA + k].value)
        for k in ("start", "end")
        if isinstance(selected.get(OA + k), ox.Literal) and re.fullmatch("[0-9]+", selected[OA + k].value)
    }
    if source is None or source.value not in graph_files:
        raise Refused(
            f"its evidence cites {curie(source.value) if source else 'no article'}, "
            "which has no graph in the project: register it with transition-kg new-article first"
        )
    if exact is None or len(span) < 2:
        raise Refused(
            "its evidence needs its words (oa:exact) and integer offsets (oa:start, oa:end), as extract writes them"
        )
    kind = props[RDF_TYPE][0].value.removeprefix(TKG)
    return Candidate(iri, kind, props, source.value, exact.value, span["start"], span["end"])


def promote(
    project: Project, draft: Path, only: list[str] | None = None, reviews: list[Path] | None = None
) -> tuple[list[str], list[Problem], list[str]]:
    """Promote the accepted (or ``only`` the named) candidates of ``draft``; ``reviews`` are
    files of statements about its candidates (a reviewer's decisions kept apart from the
    draft), read as if written in it. Return the facts written (prefixed names), the problems
    (nothing is written when there is one), and the facts a promotion before this one wrote
    (said, never written twice)."""
    from ..core.files import recover
    from ..core.load import load

    recover(project.root)  # a promotion a kill interrupted is undone first
    shown = str(draft)
    nodes = _read([draft, *(reviews or [])])
    chosen = _chosen(nodes, shown, only)
    loaded = load(project)
    store = loaded.store
    review = Review(
        store, _choices(store, TKG + "Unit"), _choices(store, TKG + "Qualifier"), _choices(store, TKG + "Indicator")
    )
    problems: list[Problem] = []
    facts: dict[str, list[str]] = {}  # article → the statements of its new facts
    for iri in chosen:
        try:
            candidate = _candidate(iri, nodes, loaded.graph_files)
            _declare_new(candidate, review)
            if candidate.kind == "CandidateDate" and not only:
                continue  # accepted with the rest: its year is on the facts it dates
            fact, statements = HANDLERS.get(candidate.kind, not_a_fact)(candidate, review)
        except Refused as refused:
            problems.append(Problem("promote", f"{shown}: {curie(iri)}", str(refused)))
            continue
        if _in_graph(store, fact):  # promoted before: said, never written twice
            review.already.append(" ".join(curie(part) for part in fact.split()))
            continue
        facts.setdefault(candidate.article, []).append(statements)
        review.written.append(" ".join(curie(part) for part in fact.split()))  # a relation: its three terms
    if problems:
        return [], problems, review.already
    if not facts:
        return [], [], review.already
    written, failed = _write(project, loaded, Path(draft).name, facts, review)
    return written, failed, review.already


def _in_graph(store: ox.Store, fact: str) -> bool:
    """Whether a fact (its IRI, or a relation's three IRIs) is in the project's graphs already."""
    parts = fact.split()
    pattern = f"<{parts[0]}> ?p ?o" if len(parts) == 1 else " ".join(f"<{p}>" for p in parts)
    return bool(store.query(f"ASK {{ GRAPH ?g {{ {pattern} }} }}"))


def _write(
    project: Project, loaded: Loaded, draft: str, facts: dict[str, list[str]], review: Review
) -> tuple[list[str], list[Problem]]:
    """Write the facts into their articles' graph files (and the new entities into
    ``graph/shared.trig``) with a mention of each entity they use; put every file back as it
    was when the project then has a problem it did not have before (the project as it was is
    validated only then: a clean result needs one validation)."""
    from ..core.validate import validate

    scope = set(facts)  # the articles written (with the ontology and shared entities they rest on)
    files = {loaded.graph_files[article][0]: statements for article, statements in facts.items()}
    if review.declarations:
        files = {project.graph_dir / "shared.trig": list(review.declarations.values()), **files}
    if review.new_indicators:
        files = {project.ontology_dir / "indicators.ttl": list(review.new_indicators.values()), **files}
    with Journal(project.root) as change:  # a kill or Ctrl-C before the end leaves graph/ as it was
        for path, statements in files.items():
            note, document = f"Promoted from {draft}", path.read_text(encoding="utf-8")
            if path.suffix == ".ttl":  # Turtle: no graph block
                body = document.rstrip("\n") + "\n\n" + turtle.comment(note) + "\n" + "\n".join(statements) + "\n"
            else:
                body = turtle.append_to_graph(document, note, statements)
            change.write(path, body.encode("utf-8"))
        # the entities the facts use, found by their labels
        mention_missing(project, articles=set(facts), journal=change)
        after = validate(project, graphs=scope)[0].problems
        if not after:
            return review.written, []
        promoted = {project.root / name: read_bytes(project.root / name) for name in change.saved}
        change.rollback()
    # only what the promotion adds counts: the project as it was, validated the same way
    before = {str(p) for p in validate(project, graphs=scope)[0].problems}
    added = [p for p in after if str(p) not in before]
    if added:
        return [], [Problem("promote", p.where, f"would not validate, nothing written: {p.message}") for p in added]
    with Journal(project.root) as change:
        for path, data in promoted.items():
            change.write(path, data)
    return review.written, []
