"""Registering a new article: identifier, sha256, publication date, and a named-graph file
ready to fill, in the house style of graph/articles/*.trig."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import ReadError, TKGError
from ..core.files import decode, read_bytes, write_atomic
from ..core.paths import Project, corpus_dir
from ..core.vocab import turtle_prefixes

HEADER = turtle_prefixes(("tkg", "tkr", "rdf", "rdfs", "xsd", "dcterms", "oa"))


class ArticleError(TKGError):
    """An article file that cannot be registered or read."""


@dataclass(frozen=True)
class ArticleText:
    """A source file read for registration or extraction."""

    path: Path
    text: str
    sha256: str


def read_article(path: Path) -> ArticleText:
    """Read a UTF-8 text file; a binary or non-UTF-8 file is a clear error."""
    try:
        raw = read_bytes(path)
        if b"\x00" in raw:
            raise ArticleError(f"{path}: a binary file, not article text")
        text = decode(raw, str(path))
    except ReadError as exc:
        raise ArticleError(str(exc)) from None
    return ArticleText(Path(path), text, hashlib.sha256(raw).hexdigest())


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ArticleError(f"--published {value}: not a date (YYYY-MM-DD)") from None


def slug(text: str) -> str:
    """A readable identifier: lower case ASCII words joined by hyphens, at most 8 words."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words[:8]) or "article"


def turtle_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'


def article_block(article: ArticleText, identifier: str, published: dt.date, title: str) -> str:
    """The tkg:Article statements of an article, in house style."""
    return (
        f"    tkr:{identifier} a tkg:Article ;\n"
        f"        dcterms:title {turtle_string(title)} ;\n"
        f"        tkg:sourceFile {turtle_string(article.path.name)} ;\n"
        f'        tkg:fileSha256 "{article.sha256}" ;\n'
        f'        tkg:sha256 "{hashlib.sha256(article.text.encode("utf-8")).hexdigest()}" ;\n'
        f"        tkg:extent [ a oa:TextPositionSelector ; oa:start 0 ; oa:end {len(article.text)} ] ;\n"
        f'        tkg:published "{published.isoformat()}"^^xsd:date .\n'
    )


def one_line(text: str, what: str) -> str:
    """``text`` if it is one line without control characters, else a one-line error naming ``what``."""
    if any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or c in "\u2028\u2029" for c in text):
        raise ArticleError(f"{what} {text!r}: give one line of text, without line breaks or control characters")
    return text


def identity(article: ArticleText, title: str | None = None) -> tuple[str, str]:
    """The article's title (``--title``, else its first line) and its identifier (``article-``
    and the title's slug): the same for ``new-article`` and ``extract`` from the same inputs."""
    title = one_line(title, "--title") if title is not None else None
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
    one_line(article.path.name, "the file name")
    title, identifier = identity(article, title)
    name = identifier.removeprefix("article-")
    target = project.graph_dir / "articles" / f"{name}.trig"
    if target.exists():
        raise ArticleError(f"{project.display(target)}: already exists; give another --title")
    copy = (corpus or corpus_dir(project)) / article.path.name
    if copy.exists() and not in_corpus(project, path, corpus):
        raise ArticleError(f"{copy}: another file of that name is already in the corpus folder; rename {path}")
    if not copy.exists():
        copy.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(copy, read_bytes(path))
    body = (
        f"# {title}\n# Registered by `transition-kg new-article`. Add the facts this article states below, each with\n"
        f"# tkg:evidence (offsets into {article.path.name} and the exact words), entities in graph/shared.trig.\n"
        f"# `transition-kg extract {article.path.name} --published {date.isoformat()} -o draft.trig` proposes candidates.\n"
        + HEADER
        + f"\ntkr:{identifier} {{\n\n"
        + article_block(article, identifier, date, title)
        + "\n    # Facts: observations, quotes, roles, events, industry statuses, trade links, comparisons, mentions.\n}\n"
    )
    write_atomic(target, body.encode("utf-8"))
    return target


def in_corpus(project: Project, path: Path, corpus: Path | None = None) -> bool:
    """Whether the file is where the evidence check will look for it."""
    candidate = (corpus or corpus_dir(project)) / Path(path).name
    return candidate.is_file() and candidate.read_bytes() == Path(path).read_bytes()
