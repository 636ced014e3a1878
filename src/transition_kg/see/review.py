"""The review page (``transition-kg review DRAFT``): the article with its candidates marked, and
the queue of candidates with their proposals, accepted, rejected or changed by keyboard or mouse.
The data (:class:`ReviewData`) comes from ``grow/review.py``; review.js runs the page."""

from __future__ import annotations

from typing import TypedDict

from .pages import render


class Proposal(TypedDict):
    value: str  # an IRI, or text (a new indicator's label, a role's title)
    label: str
    confidence: float | None  # how sure the rules are, 0–1 (found as written: the candidate's; by a label: None)


class Item(TypedDict):
    """A candidate as the page shows it (and ``window.tkgReview.items()`` returns it)."""

    id: str  # tkr:candidate-…
    kind: str  # CandidateMention, CandidateObservation, CandidateQuote, CandidateRole, CandidateRelation, CandidateDate
    words: str
    start: int
    end: int
    found: dict[str, str]  # what extract found, as written (Name, Value, Unit, Speaker…)
    proposals: dict[str, Proposal]  # field → proposal
    confidence: float | None  # the least of its proposals' confidences (None: a name found by its label)
    because: str
    decision: dict[str, str]  # {"status": candidate | accepted | rejected, field: value…}


class ReviewData(TypedDict):
    """The review page's JSON island, as review.js reads it."""

    draft: str  # the draft's file name
    text: str  # the article's text (the items' offsets count its characters)
    items: list[Item]
    fields: dict[str, list[str]]  # kind → the fields a reviewer may set
    choices: dict[str, list[list[str]]]  # entity, class, indicator, unit, measure, predicate, basis → [IRI, label]
    back: str | None  # the drafts' list, relative, when served under serve's /review/ (None from review DRAFT)


class DraftsData(TypedDict):
    """The list of a project's drafts (``serve``'s ``/review/``)."""

    drafts: list[str]  # each draft's path in the project


def render_drafts(data: DraftsData) -> str:
    """The list of drafts, each a link to its review page."""
    return render("drafts.html", data=data)


def render_review(data: ReviewData) -> str:
    """The review page's HTML."""
    return render("review.html", data=data)
