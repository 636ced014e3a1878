"""Anchoring by quote: evidence written with its exact words only gets its offsets.

Web Annotation lets a span be selected by its words (``oa:TextQuoteSelector``, with
``oa:prefix`` / ``oa:suffix`` when the words occur more than once). A fact may be written so::

    tkg:evidence [ a oa:SpecificResource ; oa:hasSource tkr:article-x ;
        oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "population fell to nearly 52,000" ] ] .

and :func:`anchor` finds the words in the article's text (its source file from the article's
``tkg:extent`` start, the characters the offsets count) and writes the position selector in
front of the quote selector, in place, leaving the rest of the file as it was. Words that do
not occur, or occur more than once with no prefix or suffix to choose between them, are
problems naming the file, the line and the positions found; a file with a problem is not
written.

:func:`mention_missing` does the same for mentions: every entity an article's facts use with
no ``tkg:Mention`` in that article (the ``entity-not-mentioned`` check) gets one, at the first
place the article's text writes one of its labels (longest first, whole words), appended to
the article's graph file with both selectors. An entity none of whose labels is in the text
is a problem saying so: its mention is written by hand with the words the article uses.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from pathlib import Path

from ..core import turtle
from ..core.errors import Problem, ReadError, TKGError
from ..core.files import Journal, decode, read_bytes
from ..core.paths import Project

TYPE_CHECKING = False  # typing costs a cold start; mypy reads this name as typing's
if TYPE_CHECKING:
    from ..core.load import Loaded

# a quote selector written as the house style writes it, with no position selector before it
_QUOTE = re.compile(
    r'(?P<head>oa:hasSelector\s+)(?P<sel>\[\s*a\s+oa:TextQuoteSelector\s*;(?P<body>(?:[^"\]]|"(?:[^"\\]|\\.)*")*)\])'
)
# what is text, not statements: strings (long and short, either quote), IRIs, comments; and
# an escape in a name (``\#``), which is neither
_LEXEMES = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"\s]*>|#[^\n]*|\\.',
    re.S,
)
_FIELD = re.compile(r'oa:(exact|prefix|suffix)\s+"((?:[^"\\]|\\.)*)"')
_SOURCE = re.compile(r"oa:hasSource\s+(\S+?)\s*;")
_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


class AnchorError(TKGError):
    """Words that cannot be anchored: not found, or found more than once."""


def _unescape(text: str) -> str:
    """A Turtle short string's characters (ECHAR and \\u / \\U escapes)."""

    def one(match: re.Match) -> str:
        code = match.group(1)
        return chr(int(code[1:], 16)) if code[0] in "uU" else _ESCAPES[code]

    return re.sub(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[tbnrf\"'\\])", one, text)


def occurrences(text: str, exact: str, prefix: str = "", suffix: str = "") -> list[int]:
    """Where ``exact`` starts in ``text`` with ``prefix`` just before and ``suffix`` just after."""
    found, start = [], text.find(exact)
    while start >= 0:
        if text.startswith(suffix, start + len(exact)) and text[:start].endswith(prefix):
            found.append(start)
        start = text.find(exact, start + 1)
    return found


def article_texts(project: Project, corpus: Path, loaded: Loaded | None = None) -> dict[str, str]:
    """Each article's text (IRI → the characters its offsets count), read from the corpus as
    ``validate`` reads it (:func:`transition_kg.core.texts.read_articles`; its problems are
    validate's to report)."""
    from ..core.load import load
    from ..core.texts import read_articles

    texts, _ = read_articles(loaded or load(project, strict=False), corpus)
    return {str(article): text.text for article, text in texts.items()}


def first_label(text: str, labels: list[str]) -> tuple[int, str] | None:
    """Where the text first writes one of ``labels`` (the longest wins at a place; a label
    starting or ending with a letter or digit only as whole words)."""
    best = None
    for label in sorted(set(labels), key=len, reverse=True):
        body = re.escape(label)
        if re.match(r"\w", label):
            body = r"(?<![\w-])" + body
        if re.search(r"\w$", label):
            body += r"(?![\w-])"
        found = re.search(body, text)
        if found and (best is None or found.start() < best[0]):
            best = (found.start(), label)
    return best


def mention_missing(
    project: Project, corpus: Path | None = None, articles: set[str] | None = None, journal: Journal | None = None
) -> tuple[list[tuple[str, int]], list[Problem]]:
    """Write a mention for every entity an article (of ``articles``, default all) uses but does
    not mention, found by its labels in the article's text (through ``journal``, a change
    under way, else a journal of its own). Returns (file, mentions written) and the entities
    whose labels the text does not write."""
    from contextlib import nullcontext

    import pyoxigraph as ox

    from ..core.load import load
    from ..core.named import checks
    from ..core.paths import corpus_dir
    from ..core.store import EmbeddedStore
    from ..core.vocab import PREFIXES, curie

    corpus = corpus or corpus_dir(project)
    loaded = load(project, strict=False)
    texts = article_texts(project, corpus, loaded)
    check = checks(project).get("entity-not-mentioned-violation")
    if check is None:
        return [], []
    missing = [
        row for row in EmbeddedStore(loaded).query(check.text).rows if articles is None or row[1].value in articles
    ]
    label_query = (
        f"SELECT ?e ?l WHERE {{ GRAPH ?g {{ {{ ?e <{PREFIXES['rdfs']}label> ?l }} UNION "
        f"{{ ?e <{PREFIXES['skos']}altLabel> ?l }} }} }}"
    )
    blocks: dict[Path, list[str]] = {}
    problems: list[Problem] = []
    for entity, article in missing:
        labels = [row[1].value for row in loaded.store.query(label_query, substitutions={ox.Variable("e"): entity})]
        text = texts.get(article.value)
        found = first_label(text, labels) if text is not None else None
        if found is None:
            listed = ", ".join(repr(x) for x in sorted(set(labels))) or "it has none"
            why = (
                f"none of its labels ({listed}) is in the text"
                if text is not None
                else "the article's text is not in the corpus"
            )
            problems.append(
                Problem(
                    "anchor",
                    curie(entity.value),
                    f"not mentioned in {curie(article.value)} and {why}: "
                    "write its mention with the words the article uses, and run anchor",
                )
            )
            continue
        start, words = found
        local = article.value.rsplit("/", 1)[-1].removeprefix("article-")
        mention = turtle.iri(f"{PREFIXES['tkr']}mention-{local}--{entity.value.rsplit('/', 1)[-1]}")
        blocks.setdefault(loaded.graph_files[article.value][0], []).append(
            turtle.subject(
                mention,
                [("a", "tkg:Mention"), ("tkg:mentionOf", entity)],
                [("tkg:evidence", turtle.evidence(article, start, start + len(words), words))],
            )
        )
    written = []
    with Journal(project.root) if journal is None else nullcontext(journal) as change:
        for path, lines in blocks.items():
            body = path.read_text(encoding="utf-8")
            note = "Mentions found by their labels (transition-kg anchor --mentions)"
            change.write(path, turtle.append_to_graph(body, note, lines).encode("utf-8"))
            written.append((project.display(path), len(lines)))
    return written, problems


def _selectors(source: str) -> Iterator[re.Match]:
    """The quote-only selectors of a Turtle text: the matches of the house style's pattern that
    start among its statements, never inside a string (a note quoting the pattern) or a comment."""
    text = [(m.start(), m.end()) for m in _LEXEMES.finditer(source) if m.group()[0] != "\\"]
    starts = [start for start, _ in text]
    at = 0
    while match := _QUOTE.search(source, at):
        inside = bisect.bisect_right(starts, match.start()) - 1
        if inside >= 0 and text[inside][1] > match.start():
            at = text[inside][1]  # in a string or a comment: look again after it
            continue
        yield match
        at = match.end()


def anchor_file(path: Path, shown: str, texts: dict[str, str], expand) -> tuple[str | None, int, list[Problem]]:
    """The file's text with every quote-only selector anchored (None when nothing changes),
    how many were anchored, and the problems."""
    source = decode(read_bytes(path, shown), shown)
    problems, pieces, last, count = [], [], 0, 0
    for match in _selectors(source):
        if re.match(r"\s*,\s*\[\s*a\s+oa:TextPositionSelector", source[match.end() :]):
            continue  # anchored already, its position selector written second
        fields = {k: _unescape(v) for k, v in _FIELD.findall(match.group("body"))}
        line = source.count("\n", 0, match.start("sel")) + 1
        cited = _SOURCE.findall(source[max(0, source.rfind("oa:SpecificResource", 0, match.start())) : match.start()])
        article = expand(cited[-1]) if cited else None
        if "exact" not in fields or article not in texts:
            why = (
                "no oa:exact" if "exact" not in fields else f"no text for {cited[-1] if cited else 'its oa:hasSource'}"
            )
            problems.append(Problem("anchor", f"{shown}:{line}", f"cannot anchor: {why}"))
            continue
        found = occurrences(texts[article], fields["exact"], fields.get("prefix", ""), fields.get("suffix", ""))
        if len(found) != 1:
            where = ", ".join(str(i) for i in found[:10]) + (" …" if len(found) > 10 else "")
            problems.append(
                Problem(
                    "anchor",
                    f"{shown}:{line}",
                    f"{fields['exact']!r} occurs {len(found)} times in the article"
                    + (f" (at {where}): add oa:prefix or oa:suffix to choose one" if found else ""),
                )
            )
            continue
        start, column = found[0], match.start("sel") - source.rfind("\n", 0, match.start("sel")) - 1
        position = turtle.position_selector(start, start + len(fields["exact"]))
        pieces += [source[last : match.start("sel")], turtle.before_object(position, column)]
        last, count = match.start("sel"), count + 1
    if not count:
        return None, 0, problems
    return "".join(pieces) + source[last:], count, problems


def anchor(
    project: Project, corpus: Path | None = None, paths: list[Path] | None = None
) -> tuple[list[tuple[str, int]], list[Problem]]:
    """Anchor the quote-only evidence of ``paths`` (default: every graph file) against the
    article texts in ``corpus`` (default: :func:`~transition_kg.core.paths.corpus_dir`); write each
    file that changed and has no problem. Returns (file, spans anchored) written, and the problems."""
    from ..core.paths import corpus_dir
    from ..core.vocab import expand

    corpus = corpus or corpus_dir(project)
    if not corpus.is_dir():
        raise AnchorError(f"no article corpus at {corpus}: set TKG_CORPUS to the folder of article texts", fix="corpus")
    graph_dir = project.graph_dir.resolve()
    for path in paths or []:
        if not Path(path).resolve().is_relative_to(graph_dir) or Path(path).suffix != ".trig":
            raise AnchorError(f"not a graph file of the project (a .trig file under {graph_dir})", file=path)
    texts = article_texts(project, corpus)
    files = paths or project.files().graphs
    written, problems = [], []
    with Journal(project.root) as change:  # every file written, or (killed, interrupted) none
        for path in files:
            shown = project.display(Path(path).resolve())
            try:
                text, count, found = anchor_file(Path(path), shown, texts, expand)
            except ReadError as exc:
                problems.append(Problem("anchor", shown, str(exc).split(": ", 1)[-1]))
                continue
            problems += found
            if text is not None and not found:
                change.write(Path(path), text.encode("utf-8"))
                written.append((shown, count))
    return written, problems
