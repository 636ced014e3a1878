"""Candidate facts from new article text, for a person to review (no model downloads: rules,
and a gazetteer of the graph's own labels in English and Chinese).

- mentions of entities already in the graph, and new capitalised names;
- numbers with their qualifier ("over", "nearly"), scale ("million") and unit as written,
  the entity named nearest before them in the sentence, and the sentence's year;
- years, and relative dates ("last year", "this year", "next spring", "in May") resolved
  against the publication date and marked as inferred;
- direct quotes with the speaker, role and organisation the text gives, and each speaker's
  role as a candidate of its own, on the words that state it.

Every candidate carries evidence (offsets into the file and the exact words) and the
status ``candidate``. The draft is a TriG file of its own; ``graph/`` is never touched.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from pathlib import Path

from rdflib import URIRef

from ...core import turtle
from ...core.files import write_atomic
from ...core.load import Loaded
from ...core.texts import ArticleError, ArticleText, read_article
from ...core.vocab import TKR_IRI
from ..articles import HEADER, identity, one_line, parse_date, registration
from .lexicon import COMPANY_WORDS, ORG_WORDS, PRESS_WORDS, SPEECH, TITLES, TOKEN
from .names import Name, find_names, is_capital, name_words
from .numbers import country_of, dates_and_numbers
from .speakers import quotes
from .text import Candidate, Gazetteer, sentence_spans, stamps, within

__all__ = ["Candidate", "Gazetteer", "check_output", "extract", "extract_file", "in_context", "render_draft"]


#: a speech verb right after a name, or right before it ("Vega wrote", "said Behera")
_SAID_AFTER = re.compile(rf"\s+{SPEECH}\b")
_SAID_BEFORE = re.compile(rf"\b{SPEECH}\s+$")


def extract(article: ArticleText, published: dt.date, gazetteer: Gazetteer) -> list[Candidate]:
    """Every candidate in the article's text, in order of position."""
    text = article.text
    sentences = sentence_spans(text)
    lower_words = {w for w in re.findall(r"\b[^\W\d_A-Z][\w-]*", text) if w == w.lower()}
    starts = set()
    for s_start, _ in sentences:
        first_token = TOKEN.search(text, s_start)
        if first_token:
            starts.add(first_token.start())
    for m in re.finditer(r"(?:[\"“„«»]|[—–:] |-- |\) - )\s*(\w)", text):
        starts.add(m.start(1))
    stamped = stamps(text)
    names = [
        n
        for n in find_names(text, lower_words, starts=starts)
        if not within(stamped, n.start) and n.text.split()[-1] not in PRESS_WORDS
    ]
    headline = text[: text.find("\n")] if "\n" in text else ""
    long_words = re.findall(r"\w{4,}", headline)
    if (
        long_words
        and not headline.rstrip().endswith((".", "!", "?"))
        and sum(is_capital(w) for w in long_words) >= 0.6 * len(long_words)
    ):
        names = [n for n in names if n.start >= len(headline)]  # a Title Case Headline: its names come again below
    written = {n.text.upper() for n in names}
    for m in re.finditer(
        r"(?m)^(?:[ \t]*date\s+\d{4}-\d{2}-\d{2}\s+)?([A-Z][A-Z'’ -]{2,}?)(?=,\s|\s+(?:—|–|--?)\s)", text
    ):  # "WILLIAMSON, W.Va. —", "WAYNESBURG —", a saved page's " date 2020-01-02 BILLINGS, Mont. |"
        title = " ".join(w.capitalize() for w in m.group(1).split())
        if m.group(1) not in written:
            names.append(Name(m.start(1), m.end(1), title))
            written.add(title.upper())
    names.sort(key=lambda n: n.start)
    found = gazetteer.find(text)
    mentions = []
    name_starts = [n.start for n in names]
    longest = max((n.end - n.start for n in names), default=0)
    for start, end, entity in found:  # a longer new name wins: "Harbin Institute of Technology", not "Harbin"
        near = names[bisect.bisect_left(name_starts, start - longest) : bisect.bisect_right(name_starts, start)]
        if not any(n.start <= start and end <= n.end and (n.end - n.start) > (end - start) for n in near):
            mentions.append((start, end, entity))
    candidates: list[Candidate] = []
    seen_entities: set[URIRef] = set()
    for start, end, entity in mentions:
        if entity not in seen_entities:
            seen_entities.add(entity)
            c = Candidate("CandidateMention", start, end, text[start:end])
            c.add("candidateOf", turtle.iri(entity))
            candidates.append(c)
    organised = {  # the first words of organisations' names: "Man Elementary" of "Man Elementary School"
        " ".join(words[:k])
        for words in (n.text.split() for n in names)
        if (ORG_WORDS | COMPANY_WORDS) & set(words)
        for k in range(1, len(words))
    }  # and "Karadeniz Kömür" of "Karadeniz Kömür AŞ": an organisation, never a speaker
    names = [dataclasses.replace(n, person=False) if n.person and n.text in organised else n for n in names]
    people = [n for n in names if n.person]
    first_word: dict[str, int] = {}  # a word of a person's name → where the first such person is named
    first_ending: dict[str, int] = {}  # " " + the end of a person's name, casefolded → likewise
    for p in people:
        for word in name_words(p.text):
            first_word.setdefault(word, p.start)
        folded = " ".join(name_words(p.text)).casefold()
        for i, ch in enumerate(folded):
            if ch == " ":
                first_ending.setdefault(folded[i:], p.start)
    mention_starts = [m[0] for m in mentions]  # in order, not overlapping: their ends are in order too
    inner: dict[str, int] = {}  # a word of a longer name, not its first: where the first such name starts
    for n in names:
        for word in name_words(n.text)[1:]:
            inner.setdefault(word, n.start)
    seen_names: set[str] = set(gazetteer.labels)
    for n in names:
        known = gazetteer.labels.get(n.text)
        if known is not None and known not in seen_entities and text[n.end : n.end + 1] == "-":
            seen_entities.add(known)  # "Germany-based": the graph's Germany
            c = Candidate("CandidateMention", n.start, n.end, n.text)
            c.add("candidateOf", turtle.iri(known))
            candidates.append(c)
        last_mention = bisect.bisect_left(mention_starts, n.end) - 1
        if n.text in seen_names or (last_mention >= 0 and n.start < mentions[last_mention][1]):
            continue
        if (" " not in n.text and first_word.get(n.text, n.start) < n.start) or first_ending.get(
            " " + n.text.casefold(), n.start
        ) < n.start:
            continue  # "Blevins" after "Dwayne Blevins", "Wang" after "Wang Haiyan", "De Klerk": the same person
        if inner.get(n.text, n.start) < n.start and (
            _SAID_AFTER.match(text, n.end, n.end + 20) or _SAID_BEFORE.search(text, max(0, n.start - 20), n.start)
        ):
            continue  # "Vega wrote" after "led by Andrea Carolina Vega Ortiz": a speaker, the same person
        seen_names.add(n.text)
        c = Candidate("CandidateMention", n.start, n.end, text[n.start : n.end])
        c.add("candidateName", turtle.text(n.text))
        candidates.append(c)
    candidates += dates_and_numbers(text, sentences, published, mentions, country_of(text, names))
    candidates += quotes(text, names, lower_words, gazetteer)
    return sorted(candidates, key=lambda c: (c.start, c.kind))


def in_context(text: str, start: int, end: int, width: int = 160) -> str:
    """The sentence around a span, on one line, the span marked «like this» (cut to ``width``
    characters around it when long)."""
    s_start, s_end = next(((a, b) for a, b in sentence_spans(text) if a <= start < b), (0, len(text)))
    before, words, after = (
        text[max(s_start, start - width // 2) : start],
        text[start:end],
        text[end : min(s_end, end + width // 2)],
    )
    cut_before, cut_after = start - width // 2 > s_start, end + width // 2 < s_end
    line = f"{'…' if cut_before else ''}{before}«{words}»{after}{'…' if cut_after else ''}"
    return " ".join(line.split())


def render_draft(
    article: ArticleText,
    published: dt.date,
    candidates: list[Candidate],
    title: str | None = None,
    identifier: str | None = None,
) -> str:
    """The draft TriG: the article's registration, then one node per candidate, each after a
    comment with its sentence and the candidate's words marked. ``identifier`` is the article's
    registered one when it has one; else it is made as ``new-article`` makes it."""
    title, made = identity(article, title)
    identifier = identifier or made
    name = identifier.removeprefix("article-")
    source = turtle.name(TKR_IRI + identifier)
    nodes = [registration(article, identifier, published, title)]
    for i, c in enumerate(candidates, 1):
        node = turtle.subject(
            turtle.name(f"{TKR_IRI}candidate-{name}-{i}"),
            [("a", f"tkg:{c.kind}"), ("tkg:candidateStatus", turtle.text("candidate"))],
            *([(f"tkg:{p}", terms)] for p, terms in c.terms.items()),
            [("tkg:evidence", turtle.evidence(source, c.start, c.end, c.exact))],
        )
        nodes.append(turtle.comment(in_context(article.text, c.start, c.end), 4) + "\n" + node + "\n")
    return (
        turtle.comment(
            f"Candidate facts extracted from {one_line(article.path.name)} (published {published.isoformat()})."
        )
        + "\n"
        + turtle.comment("Review each one: rewrite what is right as facts in graph/articles/, drop the rest.")
        + "\n"
        + HEADER
        + "\n"
        + turtle.graph(turtle.name(f"{TKR_IRI}draft-{name}"), "\n" + "\n".join(nodes) + "\n")
    )


def check_output(loaded: Loaded, path: Path, output: Path, force: bool = False) -> None:
    """Refuse a draft that would replace the article, anything under ``graph/`` or ``ontology/``,
    or (without ``force``) any existing file."""
    target = Path(output).resolve()
    if target == Path(path).resolve():
        raise ArticleError(
            "that is the article itself; write the draft to another file", option="output", value=str(output)
        )
    for folder in (loaded.project.graph_dir, loaded.project.ontology_dir):
        if target.is_relative_to(folder.resolve()):
            raise ArticleError(
                f"drafts never go into {loaded.project.display(folder)}/; write it elsewhere "
                f"and move the reviewed facts into graph/articles/",
                option="output",
                value=str(output),
            )
    if target.exists() and not force:
        raise ArticleError("already exists and is not replaced", option="output", value=str(output), fix="force")


def extract_file(
    loaded: Loaded, path: Path, published: str | None, output: Path, title: str | None = None, force: bool = False
) -> list[Candidate]:
    """Extract candidates from ``path`` and write the draft to ``output`` atomically; without
    ``published``, the date the project registered the article with."""
    check_output(loaded, path, output, force)
    title = one_line(title, "title") if title else None
    article = read_article(path)
    registered = _registration(loaded, article)
    when = published if published is not None else registered[2] if registered else None
    if when is None:
        raise ArticleError("the article is not registered with a date: give its publication date", option="published")
    date = parse_date(when)
    from ..propose import propose

    gazetteer = Gazetteer.of(loaded)
    candidates = propose(article.text, extract(article, date, gazetteer), loaded, gazetteer.labels, TITLES)
    if registered and title is None:
        title = registered[1]
    draft = render_draft(article, date, candidates, title, registered[0] if registered else None)
    write_atomic(Path(output), draft.encode("utf-8"))
    return candidates


def _registration(loaded: Loaded, article: ArticleText) -> tuple[str, str | None, str | None] | None:
    """The identifier, title and publication date under which the project registered this file
    (same name and bytes), if it did: the draft's evidence then cites the article the facts will go into."""
    import pyoxigraph as ox

    from ...core.vocab import sparql_prefixes

    found = loaded.store.query(
        sparql_prefixes(("tkg", "dcterms")) + "SELECT ?a ?title ?published ?file ?sha256 WHERE { GRAPH ?g { "
        "?a a tkg:Article ; tkg:sourceFile ?file ; tkg:fileSha256 ?sha256 . OPTIONAL { ?a dcterms:title ?title } "
        "OPTIONAL { ?a tkg:published ?published } } } ORDER BY ?a",
        substitutions={
            ox.Variable("file"): turtle.text(article.path.name),
            ox.Variable("sha256"): turtle.text(article.file_sha256),
        },
    )
    for iri, title, published, *_ in found:
        if iri.value.startswith(TKR_IRI):
            return (
                iri.value[len(TKR_IRI) :],
                title.value if title is not None else None,
                published.value if published is not None else None,
            )
    return None
