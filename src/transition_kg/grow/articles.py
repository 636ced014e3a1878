"""Registering a new article: identifier, sha256, publication date, and a named-graph file
ready to fill, in the house style of graph/articles/*.trig. (Reading an article's text is
:mod:`transition_kg.core.texts`.)"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..core import turtle
from ..core.files import read_bytes, write_atomic
from ..core.paths import Project, corpus_dir
from ..core.texts import ArticleError, ArticleText, read_article
from ..core.vocab import TKR_IRI

#: the prefixes of a registration and of a draft
HEADER = turtle.header()
FACTS = "Facts: observations, quotes, roles, events, industry statuses, trade links, comparisons, mentions."


def parse_date(value: str) -> dt.date:
    """A ``YYYY-MM-DD`` publication date."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ArticleError("not a date (YYYY-MM-DD)", option="published", value=value) from None


def slug(text: str) -> str:
    """A readable identifier: lower case ASCII words joined by hyphens, at most 8 words."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words[:8]) or "article"


def registration(article: ArticleText, identifier: str, published: dt.date, title: str) -> str:
    """The tkg:Article statements of an article, in house style."""
    return (
        turtle.subject(
            turtle.name(TKR_IRI + identifier),
            [("a", "tkg:Article")],
            [("dcterms:title", turtle.text(title))],
            [("tkg:sourceFile", turtle.text(article.path.name))],
            [("tkg:fileSha256", turtle.text(article.file_sha256))],
            [("tkg:sha256", turtle.text(article.sha256))],
            [("tkg:extent", turtle.position_selector(article.start, article.end))],
            [("tkg:published", turtle.typed(published.isoformat(), "xsd:date"))],
        )
        + "\n"
    )


def one_line(text: str, option: str | None = None) -> str:
    """``text`` if it is one line without control characters, else an error naming the
    ``option`` that gave it (without one: the file name)."""
    if any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or c in "\u2028\u2029" for c in text):
        what = "give one line of text, without line breaks or control characters"
        if option is None:
            raise ArticleError(f"the file name {text!r}: {what}")
        raise ArticleError(what, option=option, value=text)
    return text


def identity(article: ArticleText, title: str | None = None) -> tuple[str, str]:
    """The article's title (``title``, else its first line) and its identifier (``article-``
    and the title's slug): the same for ``new-article`` and ``extract`` from the same inputs."""
    title = one_line(title, "title") if title is not None else None
    title = title or next((line.strip() for line in article.text.splitlines() if line.strip()), article.path.stem)[:200]
    return title, f"article-{slug(title)}"


def new_article(
    project: Project, path: Path, published: str, title: str | None = None, corpus: Path | None = None
) -> Path:
    """Write ``graph/articles/<slug>.trig`` registering the article; refuse to overwrite. A file
    not yet in the corpus folder (``corpus``, default :func:`corpus_dir`) is copied there first,
    where ``validate`` reads the texts; another file of the same name there is an error."""
    article = read_article(path)
    date = parse_date(published)
    one_line(article.path.name)
    title, identifier = identity(article, title)
    target = project.graph_dir / "articles" / f"{identifier.removeprefix('article-')}.trig"
    if target.exists():
        raise ArticleError("already exists; give the article another title", file=project.display(target), fix="title")
    copy = (corpus or corpus_dir(project)) / article.path.name
    if copy.exists() and not in_corpus(project, path, corpus):
        raise ArticleError(f"another file of that name is already in the corpus folder; rename {path}", file=copy)
    if not copy.exists():
        copy.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(copy, read_bytes(path))
    name = article.path.name
    notes = [
        title,
        "Registered by `transition-kg new-article`. Add the facts this article states below, each with",
        f"tkg:evidence (offsets into {name} and the exact words), entities in graph/shared.trig.",
        f"`transition-kg extract {name} --published {date.isoformat()} -o draft.trig` proposes candidates.",
    ]
    inside = registration(article, identifier, date, title) + "\n" + turtle.comment(FACTS, 4) + "\n"
    text = "".join(turtle.comment(note) + "\n" for note in notes) + HEADER + "\n"
    text += turtle.graph(turtle.name(TKR_IRI + identifier), "\n" + inside)
    write_atomic(target, text.encode("utf-8"))
    return target


def in_corpus(project: Project, path: Path, corpus: Path | None = None) -> bool:
    """Whether the file is where the evidence check will look for it."""
    candidate = (corpus or corpus_dir(project)) / Path(path).name
    return candidate.is_file() and candidate.read_bytes() == Path(path).read_bytes()
