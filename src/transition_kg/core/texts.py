"""The article texts: a source file read as an article (:func:`read_article`), and every
registered article's text as the corpus holds it (:func:`read_articles`), with its identity,
the sha256 of the file's bytes (``tkg:fileSha256``) and of the article's own characters
(``tkg:sha256``). ``new-article`` and ``extract`` read files here; ``validate``'s evidence check
and ``anchor`` read the corpus here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import Problem, ReadError, TKGError
from .files import decode, read_bytes
from .vocab import curie

TYPE_CHECKING = False  # typing costs a cold start; mypy reads this name as typing's
if TYPE_CHECKING:
    from rdflib import Dataset, URIRef

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


def read_articles(
    loaded: Loaded,
    corpus: Path,
    where: Callable[[URIRef, str], str] | None = None,
    absent: list[tuple[URIRef, str]] | None = None,
) -> tuple[dict[URIRef, ArticleText], list[Problem]]:
    """Each registered article's text as the corpus holds it (its ``tkg:sourceFile`` in
    ``corpus``, its ``tkg:extent``), its hashes checked; a problem for a file that is
    unreadable or not in the corpus folder, and for one that is missing, unless ``absent`` is
    given: then each article whose file is not there is added to it (with the file's name) and
    left out, as a project without that text reads it. ``where(article, property)`` is where a
    problem is reported (``FILE:LINE`` of that statement; default: the article's graph file)."""
    return _read(loaded.dataset, corpus, where or _graph_file(loaded), absent)


def texts_to_show(dataset: Dataset, corpus: Path) -> tuple[dict[str, str], list[str]]:
    """Each registered article's own characters as ``corpus`` holds them (by the article's
    IRI), and a line for each article whose text is not there or not the one its evidence
    counts in (a hash that differs), saying why."""
    absent: list[tuple[URIRef, str]] = []
    texts, problems = _read(dataset, corpus, lambda article, prop: "graph", absent)
    why = [f"{curie(article)}: its text {name} is not in {corpus}" for article, name in absent]
    why += [problem.message for problem in problems]
    # a text with a problem (a hash that differs) is not the one the offsets count in
    return {
        str(a): t.text for a, t in texts.items() if not any(p.message.startswith(f"{curie(a)}: ") for p in problems)
    }, why


def _read(
    ds: Dataset, corpus: Path, where: Callable[[URIRef, str], str], absent: list[tuple[URIRef, str]] | None
) -> tuple[dict[URIRef, ArticleText], list[Problem]]:
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDF

    from .vocab import OA, TKG

    problems: list[Problem] = []
    texts: dict[URIRef, ArticleText] = {}
    for article in sorted({a for a in ds.subjects(RDF.type, TKG.Article) if isinstance(a, URIRef)}):
        shown = curie(article)
        name = ds.value(article, TKG.sourceFile)
        if name is None:
            continue  # the shapes report it
        source = (corpus / str(name)).resolve()
        if source.parent != corpus.resolve():
            problems.append(
                Problem(
                    "evidence",
                    where(article, "tkg:sourceFile"),
                    f"{shown}: tkg:sourceFile {str(name)!r} must be a file name in the corpus folder, not a path",
                )
            )
            continue
        if not source.is_file() and absent is not None:
            absent.append((article, str(name)))
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
        extent = ds.value(article, TKG.extent)
        start = int(ds.value(extent, OA.start, default=Literal(0)))
        end = int(ds.value(extent, OA.end, default=Literal(len(read.file_text))))
        texts[article] = text = replace(read, start=start, end=end)
        for prop, digest in ((TKG.fileSha256, text.file_sha256), (TKG.sha256, text.sha256)):
            recorded = ds.value(article, prop)
            if recorded is not None and str(recorded) != digest:
                problems.append(
                    Problem(
                        "evidence",
                        where(article, curie(prop)),
                        f"{shown}: {curie(prop)} is {recorded}, the corpus gives {digest}",
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


def _graph_file(loaded: Loaded) -> Callable[[URIRef, str], str]:
    """Where a problem of an article is: the file of its graph (of the same name, as the house
    writes it), else ``graph``."""

    def where(article: URIRef, prop: str) -> str:
        files = loaded.files_for(str(article))
        return loaded.project.display(files[0]) if files else "graph"

    return where
