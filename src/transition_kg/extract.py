"""Candidate facts from new article text, for a person to review (no model downloads: rules,
and a gazetteer of the graph's own labels in English and Chinese).

- mentions of entities already in the graph, and new capitalised names;
- numbers with their qualifier ("over", "nearly"), scale ("million") and unit as written,
  the entity named nearest before them in the sentence, and the sentence's year;
- years, and relative dates ("last year", "this year", "next spring", "in May") resolved
  against the publication date and marked as inferred;
- direct quotes with the speaker, role and organisation the sentence gives.

Every candidate carries evidence (offsets into the file and the exact words) and the
status ``candidate``. The draft is a TriG file of its own; ``graph/`` is never touched.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from .articles import (HEADER, ArticleError, ArticleText, article_block, identity, one_line, parse_date, read_article,
                       turtle_string)
from .files import write_atomic
from .load import Loaded
from .numerals import number_spans
from .vocab import ONTOLOGY_GRAPH, TKG

ENTITY_ROOTS = (TKG.Place, TKG.Organisation, TKG.Person, TKG.Policy, TKG.CreativeWork, TKG.Technology,
                TKG.Project, TKG.Industry)
QUALIFIERS = r"(?:just over|more than|less than|up to|close to|nearly|almost|around|about|approximately|exceeds|exceeding|over|under|~)"
UNITS = (r"%|percent|per cent|tons?|tonnes?|yuan|dollars?|euros?|km/h|kilomet(?:er|re)s?|km|met(?:er|re)s?|"
         r"days?|weeks?|months?|years?|hours?|minutes?|seconds?|degrees Celsius|degrees|times|GW|MW|kWh|people|residents|"
         r"visitors|workers|miners|jobs|enterprises|companies|factories|mines|households")
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
SPEECH = r"(?:said|says|recalls|recalled|notes|noted|laments|lamented|adds|added|explains|explained|told [A-Za-z]+|according to)"
NOT_NAMES = {"The", "A", "An", "In", "On", "At", "As", "But", "And", "Yet", "While", "With", "By", "For", "From",
             "Since", "This", "That", "These", "Those", "It", "Its", "We", "Our", "He", "She", "They", "Now", "Once",
             "First", "Second", "Third", "Most", "More", "Behind", "Beneath", "Home", "Across", "Additionally",
             "Specifically", "However", "Numerous", "Chinese", "Known", "Shifting", "To", "Of", "If", "Over", "After"}


@dataclass
class Candidate:
    """One candidate: its kind, the span it rests on, and its properties (name → Turtle term)."""

    kind: str
    start: int
    end: int
    exact: str
    props: dict[str, list[str]] = field(default_factory=dict)

    def add(self, name: str, term: str) -> None:
        self.props.setdefault(name, []).append(term)


@dataclass(frozen=True)
class Gazetteer:
    """Labels of the graph's entities: label → IRI, with one regex matching the longest first."""

    labels: dict[str, URIRef]
    pattern: re.Pattern | None

    @classmethod
    def of(cls, loaded: Loaded) -> "Gazetteer":
        ds = loaded.dataset
        ontology = ds.graph(ONTOLOGY_GRAPH)
        classes = set(ontology.subjects(RDF.type, None)) | set(ENTITY_ROOTS)
        entity_classes = {c for c in classes if set(ontology.transitive_objects(c, RDFS.subClassOf)) & set(ENTITY_ROOTS)}
        entities = {s for c in entity_classes for s in ds.subjects(RDF.type, c)}
        labels = {}
        for entity in entities:
            for prop in (RDFS.label, SKOS.altLabel):
                for label in ds.objects(entity, prop):
                    text = str(label).strip()
                    if len(text) >= 2 and not text.startswith(("unnamed ", "document ")):
                        labels.setdefault(text, entity)
        if not labels:
            return cls({}, None)
        alternatives = []
        for text in sorted(labels, key=len, reverse=True):
            body = re.escape(text)
            if re.match(r"\w", text, re.ASCII):
                body = r"(?<![\w-])" + body + r"(?![\w-])"
            alternatives.append(body)  # case-sensitive: "mining" must not match inside "Fenshui Mining Bureau"
        return cls(labels, re.compile("|".join(alternatives)))

    def find(self, text: str) -> list[tuple[int, int, URIRef]]:
        if self.pattern is None:
            return []
        return [(m.start(), m.end(), self.labels[m.group(0)]) for m in self.pattern.finditer(text)]


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: ends at . ! ? (and a closing quote) followed by space, or a line break."""
    spans, start = [], 0
    for m in re.finditer(r'[.!?]["”’]?(?=\s)|\n', text):
        end = m.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _resolve(expression: str, published: dt.date) -> int | None:
    """The year a relative expression refers to, seen from the publication date."""
    words = expression.lower()
    if "last year" in words or "a year earlier" in words or "previous year" in words:
        return published.year - 1
    if "next year" in words:
        return published.year + 1
    if "this year" in words or "last month" in words or "earlier this" in words:
        return published.year
    for season, month in SEASONS.items():
        if f"next {season}" in words:
            return published.year if month > published.month else published.year + 1
        if f"last {season}" in words:
            return published.year if month < published.month else published.year - 1
    for number, month in enumerate(MONTHS, 1):
        if re.search(rf"\b{month}\b", words):
            return published.year if number <= published.month else published.year - 1
    return None


_RELATIVE = re.compile(r"\b(?:(?:since |starting |earlier |later )?(?:last|this|next) (?:year|month|spring|summer|autumn|fall|winter)"
                       r"|a year earlier|(?:in|since|by) (?:" + "|".join(m.capitalize() for m in MONTHS) + r"))\b")
_YEAR = re.compile(r"(?<![\w,.])(1[89]\d\d|20\d\d)(?!\w|,\d|\.\d)")
FUNCTION_WORDS = {"and", "or", "of", "in", "on", "at", "to", "the", "a", "an", "last", "this", "next", "now", "have",
                  "has", "had", "been", "is", "are", "was", "were", "be", "it", "its", "their", "by", "from", "for"}


def extract(article: ArticleText, published: dt.date, gazetteer: Gazetteer) -> list[Candidate]:
    """Every candidate in the article's text, in order of position."""
    text = article.text
    candidates: list[Candidate] = []
    mentions = gazetteer.find(text)
    seen_entities: set[URIRef] = set()
    for start, end, entity in mentions:
        if entity not in seen_entities:
            seen_entities.add(entity)
            c = Candidate("CandidateMention", start, end, text[start:end])
            c.add("candidateOf", f"<{entity}>")
            candidates.append(c)
    starts = [s for s, _, _ in mentions]  # the gazetteer's matches: sorted, never overlapping
    for s_start, s_end in _sentences(text):
        sentence = text[s_start:s_end]
        for m in re.finditer(r"(?<![\w.])([A-Z][a-z]+(?:[-'][A-Za-z]+)*(?:\s+(?:of\s+|for\s+|the\s+|and\s+)*[A-Z][a-z]+(?:[-'][A-Za-z]+)*)*)", sentence):
            start, end = s_start + m.start(1), s_start + m.end(1)
            name = m.group(1)
            first = name.split()[0]
            last = bisect.bisect_left(starts, end) - 1  # the last match starting before this name ends
            if (last >= 0 and mentions[last][1] > start) or (first in NOT_NAMES and len(name.split()) == 1):
                continue
            if first in NOT_NAMES:
                name = name.split(None, 1)[1]
                start = end - len(name)
            if len(name.split()) == 1 and m.start(1) == len(sentence) - len(sentence.lstrip(" \t\n\"“‘'")):
                continue  # a single capitalised word at the start of a sentence is just a sentence start
            c = Candidate("CandidateMention", start, end, text[start:end])
            c.add("candidateName", turtle_string(name))
            candidates.append(c)  # (names never overlap one another: sentences and regex matches do not)
    candidates += _dates_and_numbers(text, published, mentions)
    candidates += _quotes(text, gazetteer)
    return sorted(candidates, key=lambda c: (c.start, c.kind))


def _dates_and_numbers(text: str, published: dt.date, mentions) -> list[Candidate]:
    out = []
    numbers = number_spans(text)
    starts = [s for s, _, _ in mentions]
    for s_start, s_end in _sentences(text):
        sentence = text[s_start:s_end]
        times: list[tuple[int, int, str, str | None]] = []  # start, end, year, relative words
        for m in _YEAR.finditer(sentence):
            c = Candidate("CandidateDate", s_start + m.start(), s_start + m.end(), m.group(0))
            c.add("candidateYear", f'"{m.group(0)}"^^xsd:gYear')
            out.append(c)
            times.append((s_start + m.start(), s_start + m.end(), m.group(0), None))
        for m in _RELATIVE.finditer(sentence):
            year = _resolve(m.group(0), published)
            if year is None:
                continue
            c = Candidate("CandidateDate", s_start + m.start(), s_start + m.end(), m.group(0))
            c.add("candidateYear", f'"{year}"^^xsd:gYear')
            c.add("yearInferredFrom", turtle_string(m.group(0)))
            out.append(c)
            times.append((s_start + m.start(), s_start + m.end(), str(year), m.group(0)))
        for number in numbers:
            if not (s_start <= number.start < s_end):
                continue
            if _YEAR.fullmatch(text[number.start:number.end]) and number.scale is None:
                continue  # a year, recorded as a date
            rest = text[number.end:s_end]
            unit = re.match(rf"\s*(?:{UNITS})\b|\s*%", rest)
            if not text[number.start].isdigit() and not unit and not re.match(r"-\w", rest):
                continue  # "one of", "first", "21st century": a word, not a quantity
            word = re.match(r"\s+([a-z]+(?:-[a-z]+)?)", rest)
            before = text[s_start:number.start]
            qualifier = re.search(rf"({QUALIFIERS})\s*$", before)
            start = s_start + qualifier.start(1) if qualifier else number.start
            end = number.end + (unit.end() if unit else 0)
            c = Candidate("CandidateObservation", start, end, text[start:end])
            c.add("candidateValue", plain_number(number.value))
            if number.scale:
                c.add("candidateScale", turtle_string(number.scale))
            if unit:
                c.add("candidateUnit", turtle_string(unit.group(0).strip()))
                if unit.group(0).strip() in ("%", "percent", "per cent"):
                    c.add("candidateScale", turtle_string("percent"))
            elif word and word.group(1) not in FUNCTION_WORDS:
                c.add("candidateUnit", turtle_string(word.group(1)))
            if qualifier:
                c.add("candidateQualifier", turtle_string(qualifier.group(1)))
            before, after = bisect.bisect_left(starts, number.start) - 1, bisect.bisect_left(starts, number.end)
            about = (mentions[before][2] if before >= 0 and starts[before] >= s_start
                     else mentions[after][2] if after < len(starts) and starts[after] < s_end else None)
            if about is not None:
                c.add("candidateAbout", f"<{about}>")
            when = _nearest(times, number.start, end)
            if when:
                c.add("candidateYear", f'"{when[2]}"^^xsd:gYear')
                if when[3]:
                    c.add("yearInferredFrom", turtle_string(when[3]))
            out.append(c)
    return out


def _nearest(times, start: int, end: int):
    """The year expression nearest a number: one right after it (within 40 characters) first."""
    after = [t for t in times if 0 <= t[0] - end <= 40]
    if after:
        return min(after, key=lambda t: t[0] - end)
    return min(times, key=lambda t: min(abs(t[0] - end), abs(start - t[1])), default=None)


_QUOTE = re.compile(r'"([^"\n]+)"|“([^”\n]+)”')
_NAME = r"([A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2})"


def _quotes(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    out = []
    previous: tuple[Candidate, int] | None = None
    for m in _QUOTE.finditer(text):
        words = m.group(1) or m.group(2)
        start = m.start() + 1
        inner = words.rstrip(",")
        c = Candidate("CandidateQuote", start, start + len(inner), inner)
        after = text[m.end():].split("\n", 1)[0]
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[line_start:m.start()]
        speaker = role = organisation = None
        said = re.match(rf"\s*,?\s*{SPEECH}\s+(.*?)(?:[.;]\s|[.;]?$)", after)
        said_before = re.search(rf"{_NAME},?\s+(?:[a-z ]+\s+)?{SPEECH}:?\s*$", before)
        if said:
            rest = re.sub(r"\s*\([^)]*\)", "", said.group(1)).strip().rstrip(".")
            name = re.search(_NAME, rest)
            if name:
                speaker = name.group(1)
                lead = rest[: name.start()].strip(" ,")
                tail = rest[name.end():].strip(" ,")
                role_text = tail or lead
                if role_text:
                    role_text = re.split(r"\s+who\s", role_text)[0]
                    parts = re.split(r"\s+at (?:the )?", role_text, maxsplit=1)
                    if len(parts) == 1:
                        parts = re.split(r"\s+of (?:the )?", role_text, maxsplit=1)
                    role = re.sub(r"^(?:a|an|the)\s+", "", parts[0].strip(" ,")) or None
                    organisation = parts[1].strip(" ,") if len(parts) > 1 else None
                    if lead and tail:
                        role = lead
            elif rest:
                speaker = rest
                role = rest.split()[-1]
        elif said_before:
            speaker = said_before.group(1)
        elif previous and text[previous[1]:m.start()].count("\n") == 0 and len(text[previous[1]:m.start()]) < 200:
            speaker = next(iter(previous[0].props.get("candidateSpeaker", [])), None)
            speaker = speaker and speaker.strip('"')
        if not (len(inner.split()) >= 6 or speaker):
            continue  # a quoted term ("coal capital"), not speech
        if speaker:
            c.add("candidateSpeaker", turtle_string(speaker))
            entity = gazetteer.labels.get(speaker)
            if entity is not None:
                c.add("candidateAbout", f"<{entity}>")
        if role:
            c.add("candidateRole", turtle_string(role))
        if organisation:
            c.add("candidateOrganisation", turtle_string(organisation))
        out.append(c)
        previous = (c, m.end())
    return out


def plain_number(value) -> str:
    """A number as a reader writes it: 6300000000, not 6300000000.0 or 6.3E+9; 17.2 stays 17.2."""
    from decimal import Decimal

    value = Decimal(value)
    return str(int(value)) if value == value.to_integral_value() else format(value.normalize(), "f")


def in_context(text: str, start: int, end: int, width: int = 160) -> str:
    """The sentence around a span, on one line, the span marked «like this» (cut to ``width``
    characters around it when long)."""
    s_start, s_end = next(((a, b) for a, b in _sentences(text) if a <= start < b), (0, len(text)))
    before, words, after = text[max(s_start, start - width // 2):start], text[start:end], text[end:min(s_end, end + width // 2)]
    line = f"{'…' if start - width // 2 > s_start else ''}{before}«{words}»{after}{'…' if end + width // 2 < s_end else ''}"
    return " ".join(line.split())


def render_draft(article: ArticleText, published: dt.date, candidates: list[Candidate], title: str | None = None,
                 identifier: str | None = None) -> str:
    """The draft TriG: the article's registration, then one node per candidate, each after a
    comment with its sentence and the candidate's words marked. ``identifier`` is the article's
    registered one when it has one; else it is made as ``new-article`` makes it."""
    title, made = identity(article, title)
    identifier = identifier or made
    name = identifier.removeprefix("article-")
    lines = [f"# Candidate facts extracted from {one_line(article.path.name, 'the file name')} "
             f"(published {published.isoformat()}).",
             "# Review each one: rewrite what is right as facts in graph/articles/, drop the rest.",
             HEADER, f"tkr:draft-{name} {{", "", article_block(article, identifier, published, title)]
    for i, c in enumerate(candidates, 1):
        props = "".join(f" ;\n        tkg:{p} {', '.join(values)}" for p, values in c.props.items())
        lines.append(f"    # {in_context(article.text, c.start, c.end)}\n"
                     f"    tkr:candidate-{name}-{i} a tkg:{c.kind} ; tkg:candidateStatus \"candidate\"{props} ;\n"
                     f"        tkg:evidence [ a oa:SpecificResource ; oa:hasSource tkr:{identifier} ;\n"
                     f"            oa:hasSelector [ a oa:TextPositionSelector ; oa:start {c.start} ; oa:end {c.end} ] ,\n"
                     f"                           [ a oa:TextQuoteSelector ; oa:exact {turtle_string(c.exact)} ] ] .\n")
    lines.append("}\n")
    return "\n".join(lines)


def check_output(loaded: Loaded, path: Path, out: Path, force: bool = False) -> None:
    """Refuse a draft that would replace the article, anything under ``graph/`` or ``ontology/``,
    or (without ``force``) any existing file."""
    target = Path(out).resolve()
    if target == Path(path).resolve():
        raise ArticleError(f"-o {out}: that is the article itself; write the draft to another file")
    for folder in (loaded.project.graph_dir, loaded.project.ontology_dir):
        if target.is_relative_to(folder.resolve()):
            raise ArticleError(f"-o {out}: drafts never go into {loaded.project.display(folder)}/; write it elsewhere "
                               f"and move the reviewed facts into graph/articles/")
    if target.exists() and not force:
        raise ArticleError(f"-o {out}: already exists; give --force to replace it")


def extract_file(loaded: Loaded, path: Path, published: str, out: Path, title: str | None = None,
                 force: bool = False) -> list[Candidate]:
    """Extract candidates from ``path`` and write the draft to ``out`` atomically."""
    check_output(loaded, path, out, force)
    title = one_line(title, "--title") if title else None
    article = read_article(path)
    date = parse_date(published)
    candidates = extract(article, date, Gazetteer.of(loaded))
    registered = _registration(loaded, article)
    if registered and title is None:
        title = registered[1]
    write_atomic(Path(out), render_draft(article, date, candidates, title,
                                         registered[0] if registered else None).encode("utf-8"))
    return candidates


def _registration(loaded: Loaded, article: ArticleText) -> tuple[str, str | None] | None:
    """The identifier and title under which the project registered this file (same name and
    bytes), if it did: the draft's evidence then cites the article the facts will go into."""
    from .vocab import TKR_IRI, sparql_prefixes

    found = loaded.store.query(
        sparql_prefixes(("tkg", "dcterms")) + "SELECT ?a ?title WHERE { GRAPH ?g { ?a a tkg:Article ; tkg:sourceFile "
        f"{turtle_string(article.path.name)} ; tkg:fileSha256 \"{article.sha256}\" . OPTIONAL {{ ?a dcterms:title ?title }} }} }} "
        "ORDER BY ?a")
    for iri, title in found:
        if iri.value.startswith(TKR_IRI):
            return iri.value[len(TKR_IRI):], title.value if title is not None else None
    return None
