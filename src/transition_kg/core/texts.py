"""The article texts: a source file read as an article (:func:`read_article`), and every
registered article's text as the corpus holds it (:func:`read_articles`), with its identity,
the sha256 of the file's bytes (``tkg:fileSha256``) and of the article's own characters
(``tkg:sha256``). ``new-article`` and ``extract`` read files here; ``validate``'s evidence check
and ``anchor`` read the corpus here.
"""

from __future__ import annotations

import hashlib
from collections import namedtuple
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import Problem, ReadError, TKGError
from .files import decode, read_bytes
from .vocab import curie

TYPE_CHECKING = False  # typing costs a cold start; mypy reads this name as typing's
if TYPE_CHECKING:
    from typing import Any

    from .load import Loaded


class ArticleError(TKGError):
    """An article file that cannot be registered or read."""


@dataclass(frozen=True)
class ArticleText:
    """An article's text as its source file holds it: the file (``path``, ``file_text``, the
    sha256 of its bytes) and the article's extent in it, ``start`` to ``end`` (the whole file
    unless the article's registration says otherwise; ``end`` -1 is the file's end)."""

    path: Path
    file_text: str
    file_sha256: str
    start: int = 0
    end: int = -1

    def __post_init__(self) -> None:
        if self.end < 0:
            object.__setattr__(self, "end", len(self.file_text))

    @classmethod
    def of(cls, path: Path, raw: bytes) -> ArticleText:
        """The whole file as an article, from its bytes (ReadError when they are not UTF-8)."""
        return cls(Path(path), decode(raw, str(path)), hashlib.sha256(raw).hexdigest())

    @property
    def text(self) -> str:
        """The article's own characters: the ones its evidence offsets count."""
        return self.file_text[self.start : self.end]

    @property
    def sha256(self) -> str:
        """The sha256 of the article's own characters (UTF-8): its ``tkg:sha256``."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def read_article(path: Path) -> ArticleText:
    """Read a UTF-8 text file as an article (the whole file); a binary or non-UTF-8 file is a
    clear error."""
    try:
        raw = read_bytes(path)
        if b"\x00" in raw:
            raise ArticleError("a binary file, not article text", file=path)
        return ArticleText.of(path, raw)
    except ReadError as exc:
        raise ArticleError(exc.what, file=exc.file, line=exc.line) from None


class Registration(namedtuple("Registration", "iri source_file start end file_sha256 sha256")):
    """What the graph says of an article's text: its IRI, ``tkg:sourceFile``, the extent's
    ``oa:start`` and ``oa:end`` (None: the file's start, its end), ``tkg:fileSha256`` and
    ``tkg:sha256`` (each None when not said)."""

    __slots__ = ()


def registrations(loaded: Loaded) -> list[Registration]:
    """The registered articles (``a tkg:Article``, IRIs) of the loaded project, as its files
    state them (:meth:`~transition_kg.core.load.Loaded.stated`), by IRI."""
    import pyoxigraph as ox

    from .vocab import PREFIXES, TKG_IRI

    def value(subject: Any, prop: str) -> Any:
        return next((q.object for q in loaded.stated(subject, ox.NamedNode(prop))), None)

    kind = (ox.NamedNode(PREFIXES["rdf"] + "type"), ox.NamedNode(TKG_IRI + "Article"))
    found = []
    for article in sorted({q.subject.value for q in loaded.stated(None, *kind) if isinstance(q.subject, ox.NamedNode)}):
        node = ox.NamedNode(article)
        extent = value(node, TKG_IRI + "extent")
        bounds = [value(extent, PREFIXES["oa"] + e) if extent is not None else None for e in ("start", "end")]
        said = [value(node, TKG_IRI + p) for p in ("sourceFile", "fileSha256", "sha256")]
        file, file_sha, sha = (t.value if t is not None else None for t in said)
        start, end = (int(b.value) if b is not None else None for b in bounds)
        found.append(Registration(article, file, start, end, file_sha, sha))
    return found


def read_articles(
    loaded: Loaded,
    corpus: Path,
    where: Callable[[str, str], str] | None = None,
    absent: list[tuple[str, str]] | None = None,
) -> tuple[dict[str, ArticleText], list[Problem]]:
    """Each registered article's text as the corpus holds it (its ``tkg:sourceFile`` in
    ``corpus``, its ``tkg:extent``), its hashes checked, by the article's IRI; a problem for a
    file that is unreadable or not in the corpus folder, and for one that is missing, unless
    ``absent`` is given: then each article whose file is not there is added to it (with the
    file's name) and left out, as a project without that text reads it. ``where(article,
    property)`` is where a problem is reported (``FILE:LINE`` of that statement; default: the
    article's graph file)."""
    return _read(registrations(loaded), corpus, where or _graph_file(loaded), absent)


def texts_to_show(registered: list[Registration], corpus: Path) -> tuple[dict[str, str], list[str]]:
    """Each registered article's own characters as ``corpus`` holds it (by the article's
    IRI), and a line for each article whose text is not there or not the one its evidence
    counts in (a hash that differs), saying why."""
    absent: list[tuple[str, str]] = []
    texts, problems = _read(registered, corpus, lambda article, prop: "graph", absent)
    why = [f"{curie(article)}: its text {name} is not in {corpus}" for article, name in absent]
    why += [problem.message for problem in problems]
    # a text with a problem (a hash that differs) is not the one the offsets count in
    return {
        a: t.text for a, t in texts.items() if not any(p.message.startswith(f"{curie(a)}: ") for p in problems)
    }, why


def _read(
    registered: list[Registration],
    corpus: Path,
    where: Callable[[str, str], str],
    absent: list[tuple[str, str]] | None,
) -> tuple[dict[str, ArticleText], list[Problem]]:
    problems: list[Problem] = []
    texts: dict[str, ArticleText] = {}
    for article, name, start, end, file_sha256, sha256 in registered:
        shown = curie(article)
        if name is None:
            continue  # the shapes report it
        source = (corpus / name).resolve()
        if source.parent != corpus.resolve():
            problems.append(
                Problem(
                    "evidence",
                    where(article, "tkg:sourceFile"),
                    f"{shown}: tkg:sourceFile {name!r} must be a file name in the corpus folder, not a path",
                )
            )
            continue
        if not source.is_file() and absent is not None:
            absent.append((article, name))
            continue
        if not source.is_file():
            problems.append(
                Problem("evidence", where(article, "tkg:sourceFile"), f"{shown}: source file {name} not in {corpus}")
            )
            continue
        try:
            read = ArticleText.of(source, read_bytes(source))
        except ReadError as exc:
            problems.append(Problem("evidence", where(article, "tkg:sourceFile"), f"{shown}: {exc}"))
            continue
        bounds = (0 if start is None else start, len(read.file_text) if end is None else end)
        texts[article] = text = replace(read, start=bounds[0], end=bounds[1])
        for prop, recorded, digest in (
            ("tkg:fileSha256", file_sha256, text.file_sha256),
            ("tkg:sha256", sha256, text.sha256),
        ):
            if recorded is not None and recorded != digest:
                problems.append(
                    Problem(
                        "evidence", where(article, prop), f"{shown}: {prop} is {recorded}, the corpus gives {digest}"
                    )
                )
    return texts, problems


def source_files(loaded: Loaded) -> list[str]:
    """The file names (``tkg:sourceFile``) of the registered articles."""
    from rdflib.namespace import RDF

    from .vocab import TKG

    ds = loaded.dataset
    return sorted({str(ds.value(a, TKG.sourceFile)) for a in ds.subjects(RDF.type, TKG.Article)} - {"None"})


def copy_texts(loaded: Loaded, corpus: Path, target: Path) -> tuple[list[Path], list[str]]:
    """Copy the registered articles' texts found in ``corpus`` into the folder ``target`` (a
    project's own ``texts/``); return the files written and the names not found."""
    from .files import write_atomic

    written, missing = [], []
    for name in source_files(loaded):
        source = corpus / name
        if source.is_file() and source.parent.resolve() == corpus.resolve():
            write_atomic(target / name, read_bytes(source))
            written.append(target / name)
        else:
            missing.append(name)
    return written, missing


def _graph_file(loaded: Loaded) -> Callable[[str, str], str]:
    """Where a problem of an article is: the file of its graph (of the same name, as the house
    writes it), else ``graph``."""

    def where(article: str, prop: str) -> str:
        files = loaded.files_for(article)
        return loaded.project.display(files[0]) if files else "graph"

    return where
