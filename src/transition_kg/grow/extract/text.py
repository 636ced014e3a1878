"""What every finder shares: a candidate, the gazetteer of the graph's labels, and the text's
sentences and quoted passages."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from rdflib import URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from ...core import turtle
from ...core.load import Loaded
from ...core.vocab import ONTOLOGY_GRAPH, TKG
from .lexicon import ABBREVIATIONS, CAPTION_WORDS, MONTHS, OPENERS, WEEKDAYS

ENTITY_ROOTS = (
    TKG.Place,
    TKG.Organisation,
    TKG.Person,
    TKG.Policy,
    TKG.CreativeWork,
    TKG.Technology,
    TKG.Project,
    TKG.Industry,
)


@dataclass
class Candidate:
    """One candidate: its kind, the span it rests on, and its properties (name → RDF terms)."""

    kind: str
    start: int
    end: int
    exact: str
    terms: dict[str, list[turtle.Term]] = field(default_factory=dict)

    def add(self, name: str, term: turtle.Term) -> None:
        self.terms.setdefault(name, []).append(term)

    @property
    def props(self) -> dict[str, list[str]]:
        """Its properties as the draft writes them (name → Turtle terms)."""
        return {name: [turtle.term(t) for t in terms] for name, terms in self.terms.items()}


@dataclass(frozen=True)
class Gazetteer:
    """Labels of the graph's entities: label → IRI, with one regex matching the longest first."""

    labels: dict[str, URIRef]
    pattern: re.Pattern | None

    @classmethod
    def of(cls, loaded: Loaded) -> Gazetteer:
        ds = loaded.dataset
        ontology = ds.graph(ONTOLOGY_GRAPH)
        classes = set(ontology.subjects(RDF.type, None)) | set(ENTITY_ROOTS)
        entity_classes = {
            c for c in classes if set(ontology.transitive_objects(c, RDFS.subClassOf)) & set(ENTITY_ROOTS)
        }
        entities = {s for c in entity_classes for s in ds.subjects(RDF.type, c)}
        labels: dict[str, URIRef] = {}
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


#: a dotted abbreviation's letters before its last stop ("a.s", "s.r.o", "p.m"), and a word in lower case after it: the
#: stop ends no sentence ("Karvinská těžební a.s. cut 7,300 jobs")
_DOTTED = re.compile(r"(?<![\w.])(?:[^\W\d_]\.)+[^\W\d_]\Z")
_LOWER_NEXT = re.compile(r"[ \t]+[a-z]")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans: ends at . ! ? (and a closing quote) followed by space, or a line break;
    not after an abbreviation ("No. 3", "Dr. Li", "W.Va.", "a.s." before a word in lower case) or an initial ("J.
    Smith")."""
    spans, start = [], 0
    for m in re.finditer(r'[.!?]["”’»“]?(?=\s)|\n', text):
        if m.group(0).startswith("."):
            word = re.search(r"(\w+)$", text[start : m.start()])
            if (
                word
                and (word.group(1) in ABBREVIATIONS or (len(word.group(1)) == 1 and word.group(1).isupper()))
                and not text[m.end() : m.end() + 2].startswith(("\n", " \n"))
                and not (word.group(1) == "Va" and text[m.end() : m.end() + 3].strip()[:1] in ("—", "–", "-"))
            ) or (_DOTTED.search(text, start, m.start()) and _LOWER_NEXT.match(text, m.end())):
                continue
        end = m.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


#: a line break inside a paragraph of a hard-wrapped page: after a line that ends on no stop, before a line of text
_WRAP = re.compile(r"(?<=[^.!?:\"”’»\s])\n(?=[^\s\"“‘'„«])")


def unwrapped(text: str) -> str:
    """The text with a hard-wrapped page's line breaks inside its paragraphs made spaces, so that a paragraph is one
    line again; the same length, so every offset holds. Old wire copy breaks its lines every 60 to 80 characters:
    a page is wrapped when most of its lines (at least eight) are that long; a break after a stop stays a break."""
    lines = [line for line in text.split("\n") if line.strip()]
    wrapped = len(lines) >= 8 and sum(1 for line in lines if 40 <= len(line) <= 80) >= 0.6 * len(lines)
    return _WRAP.sub(" ", text) if wrapped else text


def quote_segments(text: str) -> list[tuple[int, int, int, bool]]:
    """Quoted passages: (start, end, group, closed). A quote left open at a paragraph's end and
    reopened at the start of the next paragraph continues there: both segments share a group."""
    out: list[tuple[int, int, int, bool]] = []
    i, group = 0, 0
    while i < len(text):
        ch = text[i]
        if ch in OPENERS and (ch != '"' or i == 0 or not text[i - 1].isalnum()):
            j = i + 1
            while j < len(text) and text[j] not in OPENERS[ch] and text[j] != "\n":
                j += 1
            closed = j < len(text) and text[j] != "\n"
            continues = bool(out) and not out[-1][3] and not text[out[-1][1] : i].strip(" \t\r\n")
            if not continues:
                group += 1
            if j > i + 1:
                out.append((i + 1, j, group, closed))
            i = j + 1 if closed else j
            continue
        i += 1
    single: list[tuple[int, int, int, bool]] = []
    for m in _SINGLE_OPENS.finditer(text):  # British speech: 'We are …' opening a paragraph or after "said:"
        close = _SINGLE_CLOSES.search(text, m.end(), _line_end(text, m.end()))
        end = close.start() if close else _line_end(text, m.end())
        if (
            "\n" not in text[: m.start()]  # the headline's own rule below
            or (not close and text[m.end() : end].rstrip().endswith(("'", "’")))  # a crosshead: 'Every shop …'
            or any(a - 1 <= m.start() < b + 1 for a, b, _, _ in out)
        ):
            continue
        continues = bool(single) and not single[-1][3] and not text[single[-1][1] : m.start()].strip(" \t\r\n")
        group += 0 if continues else 1
        single.append((m.end(), end, group, close is not None))
    out += single
    headline = text[: text.find("\n")] if "\n" in text else ""
    for k, m in enumerate(_SINGLE_QUOTED.finditer(headline), 1):  # 'The bees do not care': a headline's quote
        if not any(a - 1 <= m.start() and m.end() <= b + 1 for a, b, _, _ in out):
            out.append((m.start(1), m.end(1), -k, True))
    return sorted(out)


#: a passage in single quotes, as a British headline quotes ('The bees do not care what I used to be': …), an
#: apostrophe inside a word ("don't", "Bosnia's") no end of it
_SINGLE_QUOTED = re.compile(r"(?:^|(?<=\s))['‘]((?:[^'‘’\n]|(?<=\w)['’](?=\w))+?)['’](?=[:;,.!?]?(?:\s|$))")


#: a single quote that opens speech: at a paragraph's start or after a colon, before a capital letter; it ends at a
#: closing mark after a stop or comma ("… process.'"), else the paragraph ends with the quote still open
_SINGLE_OPENS = re.compile(r"(?:^|(?<=\n)|(?<=:\s))['‘](?=[A-Z])")
_SINGLE_CLOSES = re.compile(r"(?<=[.,!?])['’](?=\s|$)")


def end_before(text: str, at: int) -> int:
    """Where the text before ``at`` ends once its trailing white space is dropped (``len(text[:at].rstrip())``,
    without copying the text before it: asked once per quote)."""
    while at and text[at - 1].isspace():
        at -= 1
    return at


def _line_end(text: str, at: int) -> int:
    """Where the line holding ``at`` ends."""
    end = text.find("\n", at)
    return len(text) if end < 0 else end


T = TypeVar("T")

#: a word boundary, matched where a name ends
_BOUNDARY = re.compile(r"\b")


class Occurrences:
    """Where strings occur in one text, looked up in an index of its capital letters made once, so that
    finding each speaker's mentions does not read the whole text again (extract stays linear)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._by_pair: dict[str, list[int]] = {}
        for i, ch in enumerate(text):
            if ch.isupper():
                self._by_pair.setdefault(text[i : i + 2], []).append(i)
        self._found: dict[str, list[int]] = {}
        self._known: dict[tuple, Any] = {}

    def once(self, key: tuple, compute: Callable[[], T]) -> T:
        """What ``compute`` gives, computed once per ``key`` for this text (a speaker's profile, read once
        however many quotes they have)."""
        if key not in self._known:
            self._known[key] = compute()
        return self._known[key]

    def of(self, words: str) -> list[int]:
        """Every offset where ``words`` start, in order (overlapping and inside words too, as ``str.find``)."""
        found = self._found.get(words)
        if found is None:
            if len(words) >= 2 and words[0].isupper():
                found = [i for i in self._by_pair.get(words[:2], []) if self.text.startswith(words, i)]
            else:
                found, at = [], self.text.find(words) if words else -1
                while at >= 0:
                    found.append(at)
                    at = self.text.find(words, at + 1)
            self._found[words] = found
        return found

    def first(self, words: str) -> int:
        """Where ``words`` first occur; -1 when they do not."""
        found = self.of(words)
        return found[0] if found else -1

    def after(self, words: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """The first match of ``pattern`` right after an occurrence of ``words`` (as ``re.search(words + pattern)``
        would find, its groups numbered alike)."""
        return self.once(("after", words, pattern), lambda: self._after(words, pattern))

    def _after(self, words: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
        for at in self.of(words):
            found = pattern.match(self.text, at + len(words))
            if found:
                return found
        return None

    def before(
        self, words: str, pattern: re.Pattern[str], reach: int = 400, bounded: bool = True
    ) -> re.Match[str] | None:
        """The leftmost match of ``pattern`` (which ends in ``\\Z``) ending right where an occurrence of
        ``words`` starts (that a word boundary follows, when ``bounded``), within ``reach`` characters
        before it (as ``re.search(pattern + words + r"\\b")`` would find)."""
        return self.once(
            ("before", words, pattern, reach, bounded), lambda: self._before(words, pattern, reach, bounded)
        )

    def _before(self, words: str, pattern: re.Pattern[str], reach: int, bounded: bool) -> re.Match[str] | None:
        best: re.Match[str] | None = None
        for at in self.of(words):
            if best is not None and at - reach > best.start():
                break
            if bounded and not _BOUNDARY.match(self.text, at + len(words)):
                continue
            found = pattern.search(self.text, max(0, at - reach), at)
            if found and (best is None or found.start() < best.start()):
                best = found
        return best


_MONTH_WORD = "|".join(
    [*(m.capitalize() for m in MONTHS), "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept?", "Oct"]
)
_MONTH_WORD += "|Nov|Dec"
_DAY_WORD = "|".join([*WEEKDAYS, "Mon", "Tues?", "Wed", "Thu(?:rs)?", "Fri", "Sat", "Sun"])
#: one word of a date or time stamp: a month, a weekday, a number or a clock time, "am"/"pm", a zone, "at"
_STAMP_WORD = (
    rf"(?:(?:{_MONTH_WORD}|{_DAY_WORD})\.?|\d{{1,4}}(?:[.:/]\d{{1,4}}){{0,2}}(?:[ap]\.?m\.?)?|[AaPp]\.?[Mm]\.?"
    r"|[A-Z]{2,5}(?:[+-]\d{1,2})?|at|on)"
)
#: a line's part that is only a date or time stamp, with a word that announces it ("Posted Tue 14 Jul 2026 at
#: 6:40am", "Updated 4:17 PM EDT, September 23", "Published Nov 18, 2026, 1:35 am IST", "19.01.2027 14:37")
_STAMP = re.compile(
    rf"(?:(?:Last\s+)?(?:[Pp]osted|[Uu]pdated|[Pp]ublished)(?:\s+on)?\s*:?\s*)?{_STAMP_WORD}(?:[\s,-]+{_STAMP_WORD})*[.,]?"
)


def stamps(text: str) -> list[tuple[int, int]]:
    """The spans of the lines' parts ("|" divides them) that are date or time stamps, with a month's or a weekday's
    name, a date in figures or a clock time: no number and no name is in them."""
    out = []
    for line in re.finditer(r"[^\n|]+", text):
        part = line.group(0)
        stripped = part.strip()
        if not stripped or len(stripped) > 80:
            continue
        at = line.start() + part.index(stripped)
        if (
            _STAMP.fullmatch(stripped)
            and re.search(rf"\b(?:{_MONTH_WORD}|{_DAY_WORD})\b|\d{{1,2}}[.:/]\d{{2}}", stripped)
            and re.search(r"\d", stripped)
        ):
            out.append((at, at + len(stripped)))
    return out


def within(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether offset ``at`` is in one of ``spans`` (in order, not overlapping), by a seek."""
    i = bisect.bisect_right(spans, (at, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= at < spans[i][1]


#: a page's credits for its words and pictures, whose people are no speakers: a byline ("By Ann Lee, Bo Wu and Cy
#: Pell"), a name glued to a date on its own line ("Ann Lee Nov 3, 2015"), a name and an outlet ("Ann Lee |
#: The Tarnby Post"), a picture's credit in brackets ("(Tarnby News: Ann Lee)", "(Ann Lee/Tarnby Radio)") or after a
#: label ("Photo: Ann Lee")
_CREDIT_LINE = re.compile(
    r"^[ \t]*(?:By[ \t]+[A-Z][^\n.!?\"“]{0,120}"
    rf"|[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){{1,3}}[ \t]*(?:\|[^\n]{{1,60}}|,?[ \t]+(?:{_MONTH_WORD})\.?[ \t]+"
    r"\d{1,2},?[ \t]+\d{4}[^\n]{0,40}))$",
    re.M,
)
_CREDIT_BRACKET = re.compile(r"\((?:[^()\n:]{1,40}:[ \t]*[^()\n]{1,60}|[^()\n/]{1,60}/[^()\n]{1,40})\)")
_CREDIT_LABEL = re.compile(rf"\b(?:{'|'.join(sorted(CAPTION_WORDS))}):[ \t]*[^\n.;/|]{{1,60}}(?:/[^\s/]+)*")


def credits(text: str) -> list[tuple[int, int]]:
    """The spans (in order, merged) of a page's bylines and credits: the people named in them wrote or pictured the
    story and said nothing in it."""
    spans = sorted(
        m.span() for pattern in (_CREDIT_LINE, _CREDIT_BRACKET, _CREDIT_LABEL) for m in pattern.finditer(text)
    )
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
