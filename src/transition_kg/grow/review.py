"""The review page's state and routes: a draft's candidates with their proposals, the reviewer's
decisions kept in a review file beside the draft (``DRAFT.review.trig``, the TriG ``promote``
reads), and Save: write that file, then promote (which anchors the mentions and validates;
nothing under ``graph/`` or ``ontology/`` changes unless the result validates).

The handlers are module-level and find their :class:`Session` in ``request.app.state.review``;
the server (``transition_kg.ask.serve``) mounts them behind its Host and Origin checks.
A decision's values are typed here (an IRI is checked as one, text is a literal): nothing a
request sends is pasted into Turtle.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..core import turtle
from ..core.errors import TKGError
from ..core.files import write_atomic
from ..core.paths import Project
from ..core.vocab import PREFIXES, TKR_IRI, curie

TKG, RDF = PREFIXES["tkg"], PREFIXES["rdf"]
MAX_BODY = 1 << 20
#: a new entity made in place: its label and class (the kind's entity field names it, see NEW_FOR)
NEW = ("newEntityLabel", "newEntityType")
#: the field a new entity made in place fills, by kind of candidate
NEW_FOR = {"CandidateObservation": "observedEntity", "CandidateQuote": "speaker", "CandidateRole": "speaker"}
#: the fields a reviewer may set, by kind of candidate (the names the items show)
FIELDS = {
    "CandidateMention": ("mentionOf", "type"),
    "CandidateObservation": ("observedEntity", "indicator", "indicatorLabel", "unit", "measure", *NEW),
    "CandidateQuote": ("speaker", *NEW),
    "CandidateRole": ("speaker", "roleIn", "title", *NEW),
    "CandidateRelation": ("subject", "predicate", "object", "basis"),
    "CandidateDate": (),
}
#: a field → the property the review file gives it; text fields are literals, the rest IRIs
PROPERTIES = {
    "type": TKG + "candidateType",
    "subject": RDF + "subject",
    "predicate": RDF + "predicate",
    "object": RDF + "object",
}
TEXT_FIELDS = {"indicatorLabel", "title", "newEntityLabel"}
#: where an item's proposal is read from when the draft proposes none (what extract found)
FOUND = {"mentionOf": "candidateOf", "title": "candidateRole"}
STATUSES = ("candidate", "accepted", "rejected", "promoted")  # promoted: written by a Save, not promoted again


class ReviewError(TKGError):
    """A draft that cannot be reviewed, or a decision that cannot be taken."""


def review_path(draft: Path) -> Path:
    """The review file beside a draft: ``NAME.review.trig``."""
    return draft.with_name(draft.name.removesuffix(".trig") + ".review.trig")


@dataclass
class Session:
    """One draft under review: its project, its items, and the labels the page shows."""

    project: Project
    draft: Path
    render: Callable[[dict], str]  # the page's HTML from its data (the page wing's, given by the caller)
    corpus: Path | None = None
    labels: dict[str, str] = field(default_factory=dict)

    @property
    def review(self) -> Path:
        return review_path(self.draft)

    def nodes(self, *paths: Path) -> dict:
        from .promote import PromoteError, _read

        try:
            return _read([p for p in paths if p.exists()])
        except PromoteError as exc:
            raise ReviewError(exc.what, file=exc.file, line=exc.line) from None

    def items(self) -> list[dict]:
        """Each candidate: id, kind, words, offsets, what extract found, the proposals
        (field → value and label), its confidence and why, and the reviewer's decision."""
        import pyoxigraph as ox

        from .articles import slug

        nodes = self.nodes(self.draft)
        decisions = self.decisions()
        for props in nodes.values():  # a new name's entity is labelled with the name
            for name in props.get(TKG + "candidateName", []):
                self.labels.setdefault(TKR_IRI + slug(name.value), name.value)
        out = []
        for subject, props in nodes.items():
            kinds = [t.value.removeprefix(TKG) for t in props.get(RDF + "type", []) if t.value.startswith(TKG + "Cand")]
            if not isinstance(subject, ox.NamedNode) or not kinds or kinds[0] not in FIELDS:
                continue
            kind, iri = kinds[0], subject.value
            selectors = [
                nodes.get(s, {})
                for e in props.get(TKG + "evidence", [])
                for s in nodes.get(e, {}).get(PREFIXES["oa"] + "hasSelector", [])
            ]
            at = {p.removeprefix(PREFIXES["oa"]): o[0].value for sel in selectors for p, o in sel.items()}
            found = {
                p.removeprefix(TKG + "candidate"): o[0].value
                for p, o in props.items()
                if p.startswith(TKG + "candidate") and p != TKG + "candidateStatus"
            }
            confidence = props.get(TKG + "confidence")
            overall = float(confidence[0].value) if confidence else None  # a name found by its label: none
            sure = {  # each proposal's own confidence, by the property proposing it
                nodes[b][TKG + "proposalOf"][0].value: float(nodes[b][TKG + "confidence"][0].value)
                for b in props.get(TKG + "proposalConfidence", [])
                if {TKG + "proposalOf", TKG + "confidence"} <= set(nodes.get(b, {}))
            }
            proposals = {}
            for name in FIELDS[kind]:
                upper = name[0].upper() + name[1:]
                value = props.get(TKG + "proposed" + upper) or props.get(TKG + FOUND.get(name, "-"))
                if value:
                    proposals[name] = {
                        "value": value[0].value,
                        "label": self.label(value[0].value),
                        "confidence": sure.get(TKG + "proposed" + upper, overall),
                    }
            because = props.get(TKG + "proposedBecause")
            found_by = "its label in the graph" if TKG + "candidateOf" in props else ""
            out.append(
                {
                    "id": curie(iri),
                    "kind": kind,
                    "words": at.get("exact", ""),
                    "start": int(at.get("start", 0)),
                    "end": int(at.get("end", 0)),
                    "found": found,
                    "proposals": proposals,
                    "confidence": overall,
                    "because": because[0].value if because else found_by,
                    "decision": decisions.get(curie(iri), {"status": "candidate"}),
                }
            )
        return sorted(out, key=lambda item: (item["start"], item["kind"]))

    def label(self, iri: str) -> str:
        return self.labels.get(iri) or curie(iri).split(":", 1)[-1].replace("-", " ")

    def decisions(self) -> dict[str, dict[str, str]]:
        """The decisions the review file holds (the page's state: it survives a reload)."""
        out: dict[str, dict[str, str]] = {}
        for subject, props in self.nodes(self.review).items():
            status = props.get(TKG + "candidateStatus")
            if not status:
                continue
            decision = {"status": status[0].value}
            for name in {n for names in FIELDS.values() for n in names}:
                value = props.get(PROPERTIES.get(name, TKG + name))
                if value:
                    decision[name] = value[0].value
            out[curie(subject.value)] = decision
        return out

    def write(self, decisions: dict) -> None:
        """Write the review file: each decided candidate's status and the fields it sets, typed."""
        kinds = {item["id"]: item["kind"] for item in self.items()}
        if not isinstance(decisions, dict):
            raise ReviewError("decisions must be an object: candidate id → decision")
        lines = []
        for id_, decision in decisions.items():
            if id_ not in kinds:
                raise ReviewError("no such candidate in the draft", file=self.draft, value=str(id_), option="id")
            if not isinstance(decision, dict) or decision.get("status") not in STATUSES:
                raise ReviewError(
                    f"a decision needs a status, one of {', '.join(STATUSES)}", value=str(id_), option="id"
                )
            pairs: list[turtle.Pair] = [("tkg:candidateStatus", turtle.text(decision["status"]))]
            for name, value in decision.items():
                if name == "status" or value in (None, ""):
                    continue
                if name not in FIELDS[kinds[id_]] or not isinstance(value, str) or len(value) > 500:
                    raise ReviewError(
                        f"not a field of a {kinds[id_]}",
                        value=f"{id_} {name}",
                        option="field",
                        choices=FIELDS[kinds[id_]],
                    )
                pairs.append((turtle.name(PROPERTIES.get(name, TKG + name)), _typed(name, value)))
            pairs = _new_entity(id_, kinds[id_], decision, pairs)
            lines.append(turtle.subject(turtle.iri(TKR_IRI + id_.removeprefix("tkr:")), pairs, indent=0))
        header = turtle.comment(f"Decisions on {self.draft.name}, written by the review page (promote reads them).")
        body = header + "\n" + turtle.header(("tkg", "tkr", "rdf")) + "\n" + "\n".join(lines) + "\n"
        write_atomic(self.review, body.encode("utf-8"))

    def save(self, decisions: dict, promote: bool = True) -> dict:
        """Write the decisions; then (``promote``) promote the accepted candidates. The problems,
        each with the candidate it is about (or none), and what was written."""
        from .promote import PromoteError
        from .promote import promote as promote_draft

        self.write(decisions)
        if not promote:
            return {"problems": [], "written": []}
        try:
            written, problems, _ = promote_draft(self.project, self.draft, reviews=[self.review])
        except PromoteError as exc:
            return {"problems": [{"id": None, "message": exc.what}], "written": []}
        ids = {item["id"] for item in self.items()}
        shown = []
        for p in problems:
            about = p.where.rsplit(": ", 1)[-1]
            shown.append({"id": about if about in ids else None, "message": p.message if about in ids else str(p)})
        if written:  # the new entities are labelled by their names already (see items)
            self.write(
                {k: {**d, "status": "promoted"} if d.get("status") == "accepted" else d for k, d in decisions.items()}
            )
        return {"problems": shown, "written": written}


def _new_entity(id_: str, kind: str, decision: dict, pairs: list[turtle.Pair]) -> list[turtle.Pair]:
    """A decision that makes a new entity in place: its label and class both given, and the
    kind's entity field (a number's observed entity, a quote's speaker) set to the label's slug."""
    from .articles import slug

    label, klass = decision.get("newEntityLabel"), decision.get("newEntityType")
    if not label and not klass:
        return pairs
    if not (isinstance(label, str) and label.strip() and klass):
        raise ReviewError("a new entity needs its label and its class", value=f"{id_} newEntityLabel", option="field")
    field_name = NEW_FOR[kind]
    prop = turtle.name(PROPERTIES.get(field_name, TKG + field_name))
    return [p for p in pairs if p[0] != prop] + [(prop, turtle.iri(TKR_IRI + slug(label)))]


def open_session(project: Project, draft: Path, render: Callable[[dict], str], corpus: Path | None = None) -> Session:
    """A session on ``draft``: refused when it is no file or does not parse."""
    if not Path(draft).is_file():
        raise ReviewError("no such draft", file=draft)
    for folder in (project.graph_dir, project.ontology_dir):  # its review file goes beside it
        if Path(draft).resolve().is_relative_to(folder.resolve()):
            raise ReviewError(f"a draft is reviewed outside {project.display(folder)}/", file=draft)
    import importlib
    import threading

    session = Session(project, Path(draft), render, corpus, labels(project))
    session.items()  # a draft that does not parse is refused now, not on the page
    # the validator Save runs, imported while the reviewer reads (once per process, not per Save)
    threading.Thread(target=importlib.import_module, args=("pyshacl",), daemon=True).start()
    return session


#: folders of a project where drafts are never looked for (its data, and tools' own)
NOT_DRAFTS = {"graph", "ontology", "queries", "build", "node_modules", "site-packages", "__pycache__"}


def find_drafts(project: Project, depth: int = 3) -> list[Path]:
    """The drafts in a project (``*.trig`` files that carry candidates, outside ``graph/`` and
    ``ontology/``, not review files), found at most ``depth`` folders down, by relative path."""
    found: list[Path] = []

    def walk(folder: Path, left: int) -> None:
        try:
            entries = sorted(folder.iterdir())
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith(".") or entry.is_symlink():
                continue
            if entry.is_dir() and left > 0 and entry.name not in NOT_DRAFTS:
                walk(entry, left - 1)
            elif entry.suffix == ".trig" and not entry.name.endswith(".review.trig") and _is_draft(entry):
                found.append(entry.relative_to(project.root))

    walk(project.root, depth)
    return found


def _is_draft(path: Path) -> bool:
    """Whether a file holds candidates (read only as far as its first 64 kB)."""
    try:
        with path.open("rb") as handle:
            return b"candidateStatus" in handle.read(1 << 16)
    except OSError:
        return False


@dataclass
class Drafts:
    """The drafts of a project, each reviewed in a session opened on first use (the workbench's
    "Review a draft"); a draft is named by its path in the project, and only a draft
    :func:`find_drafts` finds is opened."""

    project: Project
    render: Callable[[dict], str]  # a draft's review page
    render_list: Callable[[dict], str]  # the list of drafts
    corpus: Path | None = None
    sessions: dict[str, Session] = field(default_factory=dict)

    def names(self) -> list[str]:
        return [p.as_posix() for p in find_drafts(self.project)]

    def session(self, name: str) -> Session:
        if name not in self.sessions:
            if name not in self.names():
                raise ReviewError("no such draft in the project", value=name, option="draft")
            self.sessions[name] = open_session(self.project, self.project.root / name, self.render, self.corpus)
        return self.sessions[name]


def _typed(name: str, value: str) -> turtle.Term:
    """A decision's value as an RDF term: text as a literal, else an IRI (a prefixed house name
    or an absolute http(s) IRI), refused when it is neither."""
    if name in TEXT_FIELDS:
        if "\n" in value or "\r" in value:
            raise ReviewError("text on one line", option=name, value=value)
        return turtle.text(value, "en" if name == "indicatorLabel" else None)
    prefix, _, local = value.partition(":")
    iri = PREFIXES[prefix] + local if prefix in PREFIXES and not local.startswith("//") else value
    if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", iri):
        raise ReviewError("not an IRI", option=name, value=value)
    return turtle.iri(iri)


def labels(project: Project) -> dict[str, str]:
    """Every labelled thing of the project (entity, class, indicator, unit, measure) → its label."""
    from ..core.load import load

    store = load(project, strict=False).store
    rows = store.query(
        f"SELECT ?x (SAMPLE(?l) AS ?label) WHERE {{ GRAPH ?g {{ ?x <{PREFIXES['rdfs']}label> ?l }} "
        "FILTER(isIRI(?x) && (LANG(?l) = 'en' || LANG(?l) = '')) } GROUP BY ?x"
    )
    return {row[0].value: row[1].value for row in rows}


def choices(project: Project) -> dict[str, list[list[str]]]:
    """What the pickers offer, by kind: [IRI, label] of the graph's entities, the classes a new
    name may take, indicators, units, qualifiers, measures, relations and bases."""
    from ..core.load import load
    from .promote import RELATIONS

    store = load(project, strict=False).store
    owl, rdfs = PREFIXES["owl"], PREFIXES["rdfs"]

    def of(where: str) -> list[list[str]]:
        rows = store.query(
            f"SELECT DISTINCT ?x ?l WHERE {{ GRAPH ?g {{ {where} }} GRAPH ?h {{ ?x <{rdfs}label> ?l }} "
            "FILTER(isIRI(?x) && LANG(?l) != 'zh') } ORDER BY LCASE(STR(?l))"
        )
        seen: dict[str, str] = {}
        for row in rows:
            seen.setdefault(row[0].value, row[1].value)
        return [[iri, label] for iri, label in seen.items()]

    entity_classes = (
        f"?c <{rdfs}subClassOf>* ?root . VALUES ?root {{ <{TKG}Place> <{TKG}Organisation> <{TKG}Person> "
        f"<{TKG}Policy> <{TKG}Technology> <{TKG}Project> <{TKG}CreativeWork> <{TKG}Industry> }}"
    )
    return {
        "entity": of(f"?x a ?c . {entity_classes}"),
        "class": of(f"?x a <{owl}Class> . {entity_classes.replace('?c ', '?x ')}"),
        "indicator": of(f"?x a <{TKG}Indicator>"),
        "unit": of(f"?x a <{TKG}Unit>"),
        "measure": of(f"?x a <{TKG}Measure>"),
        "predicate": [[p, label] for p, label in of(f"?x a <{owl}ObjectProperty>") if p in RELATIONS],
        "basis": [[TKG + "Stated", "stated"], [TKG + "Contextual", "contextual"]],
    }


# --- the routes -------------------------------------------------------------------------------


def _session(request) -> Session:
    """The page's session: the one draft ``review`` serves, or the draft a path names among the
    project's (``serve``'s ``/review/DRAFT/``)."""
    from starlette.exceptions import HTTPException

    if "draft" not in request.path_params:
        return request.app.state.review
    try:
        return request.app.state.drafts.session(request.path_params["draft"])
    except ReviewError as exc:
        raise HTTPException(404, f"{exc.what}: {request.path_params['draft']}") from None


async def page_route(request):
    """``/``: the review page."""
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import HTMLResponse

    session = _session(request)
    data = await run_in_threadpool(page_data, session)
    if "draft" in request.path_params:  # one of serve's /review/DRAFT/: a link back to the list
        data["back"] = "../" * (request.path_params["draft"].count("/") + 1)
    html = session.render(data)
    return HTMLResponse(html, headers={"Cache-Control": "no-store"})


async def items_route(request):
    """``/items``: the candidates and the decisions the review file holds (JSON)."""
    from starlette.responses import JSONResponse

    return JSONResponse(_session(request).items(), headers={"Cache-Control": "no-store"})


async def save_route(request):
    """``POST /save``: ``{"decisions": {id: decision}, "promote": bool}`` (JSON only); the
    problems, each beside its candidate, and what was written."""
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import JSONResponse, PlainTextResponse

    from ..core.errors import HTTP, worded

    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        return PlainTextResponse("send JSON (Content-Type: application/json)\n", 415)
    body = await request.body()
    if len(body) > MAX_BODY:
        return PlainTextResponse(f"request body over {MAX_BODY} bytes\n", 413)
    try:
        sent = json.loads(body)
        if not isinstance(sent, dict):
            raise ReviewError("send an object: {decisions, promote}")
        answer = await run_in_threadpool(
            _session(request).save, sent.get("decisions", {}), bool(sent.get("promote", True))
        )
    except (ValueError, ReviewError) as exc:
        return PlainTextResponse(worded(exc, HTTP) + "\n", 400)
    return JSONResponse(answer, headers={"Cache-Control": "no-store"})


async def drafts_route(request):
    """``/``: the project's drafts, each a link to its review page."""
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import HTMLResponse

    drafts: Drafts = request.app.state.drafts
    names = await run_in_threadpool(drafts.names)
    return HTMLResponse(drafts.render_list({"drafts": names}), headers={"Cache-Control": "no-store"})


def routes(prefix: str = "") -> list:
    """The review page's routes, for the server to mount: one draft's at ``/``, or with
    ``prefix`` ``"/{draft:path}"`` any draft of the project's at ``/DRAFT/`` and their list at ``/``."""
    from starlette.routing import Route

    listed = [Route("/", drafts_route, methods=["GET", "HEAD"])] if prefix else []
    return listed + [
        Route(prefix + "/", page_route, methods=["GET", "HEAD"]),
        Route(prefix + "/items", items_route, methods=["GET"]),
        Route(prefix + "/save", save_route, methods=["POST"]),
    ]


def page_data(session: Session) -> dict:
    """The review page's data (its shape: ``ReviewData`` in ``see/review.py``): the draft's name,
    the article's text, the items, the fields by kind and the pickers' choices."""
    from ..core.paths import corpus_dir
    from .anchor import article_texts

    items = session.items()
    texts = article_texts(session.project, session.corpus or corpus_dir(session.project))
    nodes = session.nodes(session.draft)
    sources = {o.value for props in nodes.values() for o in props.get(PREFIXES["oa"] + "hasSource", [])}
    text = next((texts[s] for s in sorted(sources) if s in texts), "")
    return {
        "draft": session.draft.name,
        "text": text,
        "items": items,
        "fields": {k: list(v) for k, v in FIELDS.items()},
        "choices": _with_new_names(choices(session.project), items),
        "back": None,
    }


def _with_new_names(offered: dict[str, list[list[str]]], items: list[dict]) -> dict[str, list[list[str]]]:
    """The pickers' choices, the draft's new names among the entities (each an entity once its
    mention is accepted)."""
    from .articles import slug

    known = {iri for iri, _ in offered["entity"]}
    new = {
        TKR_IRI + slug(item["found"]["Name"]): item["found"]["Name"]
        for item in items
        if item["kind"] == "CandidateMention" and "Name" in item["found"]
    }
    new = {iri: label for iri, label in new.items() if iri not in known}
    return {**offered, "entity": offered["entity"] + [[iri, label] for iri, label in sorted(new.items())]}
