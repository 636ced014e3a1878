"""Promote reviewed candidates from a draft into the article's graph, in the house style.

A reviewer marks a candidate ``tkg:candidateStatus "accepted"`` in the draft ``extract`` wrote
(or names it with ``--only``) and may add the house terms the candidate cannot guess:
``tkg:indicator`` for a number, ``tkg:speaker`` for a quote or role whose speaker is not
named as a declared entity is (``tkr:`` and the name's slug), for a new name its class
``tkg:candidateType`` (promote declares it in ``graph/shared.trig``, named after it) or the
entity it is, ``tkg:mentionOf``, or override ``tkg:observedEntity``, ``tkg:unit``,
``tkg:measure`` — in the draft itself, or in a review file of their own (see :func:`promote`).
:func:`promote` resolves the rest against the ontology (a unit or qualifier
as written, by label), writes an observation, quote or mention with the candidate's evidence
into the graph file of the article the evidence cites, with a mention of each entity the
facts use where the text first writes its label (:func:`~transition_kg.grow.anchor.mention_missing`),
and validates the project: if that
finds a problem the project did not have before, the file is put back as it was and those
problems are the answer. A candidate
that cannot be resolved is one line saying what to add, with the choices there are.
"""

from __future__ import annotations

from pathlib import Path

from ..core.errors import Problem, TKGError
from ..core.files import read_bytes, write_atomic
from ..core.paths import Project
from ..core.vocab import PREFIXES, curie
from .anchor import mention_missing
from .articles import slug

TKG, TKR, OA, XSD = PREFIXES["tkg"], PREFIXES["tkr"], PREFIXES["oa"], PREFIXES["xsd"]


class PromoteError(TKGError):
    """A draft that cannot be read, or candidates that cannot be promoted."""


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


def promote(
    project: Project, draft: Path, only: list[str] | None = None, reviews: list[Path] | None = None
) -> tuple[list[str], list[Problem]]:
    """Promote the accepted (or ``only`` the named) candidates of ``draft``; ``reviews`` are
    files of statements about its candidates (a reviewer's decisions kept apart from the
    draft), read as if written in it. Return the facts written (prefixed names) and the
    problems (nothing is written when there is one)."""
    import pyoxigraph as ox

    from ..core.load import load
    from ..core.validate import validate

    shown = str(draft)
    quads = []
    for path in [draft, *(reviews or [])]:
        try:
            quads += ox.parse(read_bytes(Path(path), str(path)), ox.RdfFormat.TRIG)
        except SyntaxError as exc:
            raise PromoteError(f"{path}:{exc.lineno or 1}: does not parse ({exc.msg})") from None
    nodes: dict = {}  # every subject (candidates, evidence, selectors) → property IRI → objects
    for quad in quads:
        nodes.setdefault(quad.subject, {}).setdefault(quad.predicate.value, []).append(quad.object)
    candidates = {s.value: props for s, props in nodes.items() if isinstance(s, ox.NamedNode)}
    wanted = {TKR + o.split(":", 1)[1] if o.startswith("tkr:") else o if "://" in o else TKR + o for o in only or []}
    chosen = [
        c
        for c, props in candidates.items()
        if any(t.value.startswith(TKG + "Candidate") for t in props.get(PREFIXES["rdf"] + "type", []))
        and (c in wanted if only else any(s.value == "accepted" for s in props.get(TKG + "candidateStatus", [])))
    ]
    missing = sorted(wanted - set(chosen))
    if missing:
        raise PromoteError(f"--only {curie(missing[0])}: no such candidate in {shown}")
    if not chosen:
        raise PromoteError(f'{shown}: no candidate is accepted (set tkg:candidateStatus "accepted", or give --only ID)')

    loaded = load(project)
    store = loaded.store
    units, qualifiers = _choices(store, TKG + "Unit"), _choices(store, TKG + "Qualifier")
    indicators = _choices(store, TKG + "Indicator")
    problems: list[Problem] = []
    blocks: dict[str, list[str]] = {}
    written: list[str] = []

    declarations: dict[str, str] = {}  # new entities, declared in graph/shared.trig

    def declared(entity) -> bool:
        return entity.value in declarations or bool(store.query(f"ASK {{ GRAPH ?g {{ <{entity.value}> a ?t }} }}"))

    def named(term):
        """An IRI as given, or the entity a name is (declared, or declared by this promotion)."""
        if isinstance(term, ox.NamedNode):
            return term
        if isinstance(term, ox.Literal):
            entity = ox.NamedNode(TKR + slug(term.value))
            return entity if declared(entity) else None
        return None

    def one(props: dict, name: str):
        values = props.get(TKG + name) or props.get(TKG + "candidate" + name[0].upper() + name[1:])
        return values[0] if values else None

    kinds = {c: next(t.value for t in candidates[c][PREFIXES["rdf"] + "type"]) for c in chosen}
    chosen.sort(key=lambda c: kinds[c] != TKG + "CandidateMention")  # new entities first: quotes and roles name them
    for iri in chosen:
        props = candidates[iri]
        kind = next(t.value for t in props[PREFIXES["rdf"] + "type"]).removeprefix(TKG)
        evidence = props.get(TKG + "evidence", [])
        where = f"{shown}: {curie(iri)}"
        held = nodes.get(evidence[0], {}) if evidence else {}
        source = next(iter(held.get(OA + "hasSource", [])), None)
        selected = {p: o[0] for sel in held.get(OA + "hasSelector", []) for p, o in nodes.get(sel, {}).items()}
        exact = selected.get(OA + "exact")
        # offsets written back only as the integers they are (never text pasted from the draft)
        span = {
            k: int(selected[OA + k].value)
            for k in ("start", "end")
            if isinstance(selected.get(OA + k), ox.Literal) and selected[OA + k].value.isdigit()
        }
        if exact is not None:
            exact = exact.value
        if source is None or source.value not in loaded.graph_files:
            problems.append(
                Problem(
                    "promote",
                    where,
                    f"its evidence cites {curie(source.value) if source else 'no article'}, "
                    "which has no graph in the project: register it with transition-kg new-article first",
                )
            )
            continue
        if exact is None or len(span) < 2:
            problems.append(
                Problem(
                    "promote",
                    where,
                    "its evidence needs its words (oa:exact) and integer offsets "
                    "(oa:start, oa:end), as extract writes them",
                )
            )
            continue
        article = source.value
        words = ox.Literal(exact)
        ev = (
            f"tkg:evidence [ a oa:SpecificResource ; oa:hasSource <{article}> ;\n"
            f"            oa:hasSelector [ a oa:TextPositionSelector ; oa:start {span['start']} ; oa:end {span['end']} ] ,\n"
            f"                           [ a oa:TextQuoteSelector ; oa:exact {words} ] ]"
        )
        local = article.removeprefix(TKR).removeprefix("article-")
        if kind == "CandidateMention":
            entity, name, klass = one(props, "mentionOf") or one(props, "of"), one(props, "name"), one(props, "type")
            if entity is None and klass is not None and name is not None:
                entity = ox.NamedNode(TKR + slug(name.value))  # "Wendy Tanaka" is tkr:wendy-tanaka
            if entity is None or not (declared(entity) or klass is not None):
                said = f"a new name {name.value!r}" if name is not None else f"{curie(entity.value)} is not declared"
                problems.append(
                    Problem(
                        "promote",
                        where,
                        f"{said}: give tkg:candidateType, its class (tkg:Person, "
                        "tkg:City, tkg:Company, …), and promote declares it in graph/shared.trig with "
                        "the name as its label (or declare it there yourself and give tkg:mentionOf)",
                    )
                )
                continue
            if not declared(entity) and entity.value not in declarations:
                if not isinstance(klass, ox.NamedNode) or name is None:
                    problems.append(Problem("promote", where, "tkg:candidateType must be a class IRI, for a new name"))
                    continue
                declarations[entity.value] = (
                    f"    {entity} a {klass} ; rdfs:label {ox.Literal(name.value, language='en')} ."
                )
                written.append(curie(entity.value))
            fact = f"{TKR}mention-{local}--{entity.value.rsplit('/', 1)[-1]}"
            text = f"    <{fact}> a tkg:Mention ; tkg:mentionOf {entity} ;\n        {ev} ."
        elif kind == "CandidateObservation":
            entity, indicator = one(props, "observedEntity") or one(props, "about"), one(props, "indicator")
            unit = one(props, "unit")
            if unit is not None and isinstance(unit, ox.Literal):
                unit = _named(units, unit.value)
                unit = ox.NamedNode(unit) if unit else None
            qualifier = one(props, "qualifier")
            if qualifier is not None and isinstance(qualifier, ox.Literal):
                found = _named(qualifiers, qualifier.value)
                if found is None:
                    problems.append(
                        Problem(
                            "promote",
                            where,
                            f"qualifier {qualifier.value!r} is not one of the ontology's: "
                            f"give tkg:qualifier, one of {_listing(qualifiers)}",
                        )
                    )
                    continue
                qualifier = ox.NamedNode(found)
            lacking = [
                (n, c)
                for n, v, c in (
                    ("tkg:observedEntity", entity, None),
                    ("tkg:indicator", indicator, indicators),
                    ("tkg:unit", unit, units),
                )
                if v is None
            ]
            if lacking:
                name, choices = lacking[0]
                problems.append(
                    Problem(
                        "promote",
                        where,
                        f"give {name}"
                        + (
                            f", one of {_listing(choices)} (or add one to ontology/, see docs/extending.md)"
                            if choices
                            else " (the entity the number is about)"
                        ),
                    )
                )
                continue
            value, year, inferred = one(props, "value"), one(props, "year"), props.get(TKG + "yearInferredFrom")
            if not (isinstance(value, ox.Literal) and value.datatype.value in (XSD + "integer", XSD + "decimal")):
                problems.append(
                    Problem("promote", where, "its value is not a number (tkg:candidateValue, an integer or decimal)")
                )
                continue
            measure = one(props, "measure") or ox.NamedNode(TKG + "Level")
            fact = f"{TKR}obs-{local}-{iri.rsplit('-', 1)[-1]}"
            time = (
                (f"tkg:year {year}" + (f" ; tkg:yearInferredFrom {inferred[0]}" if inferred else ""))
                if year
                else "tkg:yearNotStated true"
            )
            text = (
                f"    <{fact}> a tkg:Observation ; tkg:measure {measure} ;\n"
                f"        tkg:observedEntity {entity} ; tkg:indicator {indicator} ;\n"
                f"        tkg:value {value} ; tkg:unit {unit}"
                + (f" ; tkg:qualifier {qualifier}" if qualifier else "")
                + f" ;\n        {time} ;\n        {ev} ."
            )
        elif kind in ("CandidateQuote", "CandidateRole"):
            speaker = named(one(props, "speaker"))
            if speaker is None:
                said = one(props, "speaker")
                problems.append(
                    Problem(
                        "promote",
                        where,
                        "give tkg:speaker, the person's IRI"
                        + (
                            f" (or accept the mention of {said.value!r} with tkg:candidateType tkg:Person)"
                            if isinstance(said, ox.Literal)
                            else ""
                        ),
                    )
                )
                continue
            if kind == "CandidateQuote":
                fact = f"{TKR}quote-{local}-{iri.rsplit('-', 1)[-1]}"
                text = f"    <{fact}> a tkg:Quote ; tkg:speaker {speaker} ; tkg:quoteText {words} ;\n        {ev} ."
            else:
                title, held = (
                    one(props, "title") or one(props, "role"),
                    named(one(props, "roleIn") or one(props, "organisation")),
                )
                if not isinstance(title, ox.Literal):
                    problems.append(Problem("promote", where, "give tkg:title, the role as the text writes it"))
                    continue
                fact = f"{TKR}role-{speaker.value.rsplit('/', 1)[-1]}-{local}"
                text = (
                    f"    <{fact}> a tkg:Role ; tkg:heldBy {speaker} ; tkg:title {ox.Literal(title.value)}"
                    + (f" ; tkg:roleIn {held}" if held is not None else "")
                    + f" ;\n        {ev} ."
                )
        else:
            problems.append(
                Problem(
                    "promote",
                    where,
                    "a date is not a fact: give its year to the fact it dates (tkg:year), and drop the candidate",
                )
            )
            continue
        blocks.setdefault(article, []).append(text)
        written.append(curie(fact))
    if problems:
        return [], problems

    before = {str(p) for p in validate(project)[0].problems}  # only what the promotion adds counts
    originals: dict[Path, bytes] = {}
    articles = set(blocks)
    files = {loaded.graph_files[article][0]: texts for article, texts in blocks.items()}
    if declarations:
        files = {project.graph_dir / "shared.trig": list(declarations.values()), **files}
    for path, texts in files.items():
        originals[path] = path.read_bytes()
        body = originals[path].decode("utf-8")
        end = body.rstrip().rfind("}")
        addition = "\n    # Promoted from " + Path(draft).name + "\n" + "\n".join(texts) + "\n"
        write_atomic(path, (body[:end] + addition + body[end:]).encode("utf-8"))
    mention_missing(project, articles=articles)  # the entities the facts use, found by their labels
    added = [p for p in validate(project)[0].problems if str(p) not in before]
    if added:
        for path, data in originals.items():
            write_atomic(path, data)
        return [], [Problem("promote", p.where, f"would not validate, nothing written: {p.message}") for p in added]
    return written, []
