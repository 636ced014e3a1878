"""Where the project and the article corpus are.

A *project* is a directory holding ``ontology/``, ``graph/`` and ``queries/``. It is found
in this order: an explicit directory (``--project``), ``$TKG_PROJECT``, the current directory
or the nearest folder above it that has the three (as git finds its repository), the
checkout this package was installed from, else the copy of the graph the package carries
(read-only: ``transition-kg init DIR`` copies it into a folder of your own).
The *corpus* (the article texts) is ``$TKG_CORPUS``, else ``../shared/seeds`` beside the
project.
"""

from __future__ import annotations

import os
from collections import namedtuple
from pathlib import Path

from .errors import ProjectNotFound

PROJECT_DIRS = ("ontology", "graph", "queries")
PACKAGED = Path(__file__).resolve().parents[1] / "project"


class Project(namedtuple("Project", "root")):
    """A project directory and its parts."""

    __slots__ = ()

    @property
    def ontology_dir(self) -> Path:
        return self.root / "ontology"

    @property
    def graph_dir(self) -> Path:
        return self.root / "graph"

    @property
    def queries_dir(self) -> Path:
        return self.root / "queries"

    @property
    def build_dir(self) -> Path:
        return self.root / "build"

    def files(self) -> ProjectFiles:
        """Every file under ontology/ and graph/, sorted, each either to be read or named as
        not read with the reason (hidden files and folders, such as ``.gitkeep``, are skipped)."""
        found = ProjectFiles()
        for path in _walk(self.ontology_dir, found):
            if path.suffix == ".ttl":
                (found.shapes if is_shapes_file(path) else found.ontology).append(path)
            else:
                found.unread.append((path, "not read: ontology/ holds Turtle files (.ttl) only"))
        for path in _walk(self.graph_dir, found):
            if path.suffix == ".trig":
                found.graphs.append(path)
            elif path.suffix in (".ttl", ".nt", ".nq", ".jsonld", ".rdf", ".n3"):
                found.unread.append(
                    (
                        path,
                        "not read: facts live in named graphs in TriG files; rename it to "
                        ".trig and wrap its triples in a named graph (tkr:graph-NAME { ... })",
                    )
                )
            else:
                found.unread.append((path, "not read: graph/ holds TriG files (.trig) only"))
        return found

    def display(self, path: Path) -> str:
        """A path as shown to the user: relative to the project when inside it."""
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)


class ProjectFiles:
    """The project's RDF files by role, and the files (or folders) that are not read, with why."""

    def __init__(self) -> None:
        self.ontology: list[Path] = []
        self.shapes: list[Path] = []
        self.graphs: list[Path] = []
        self.unread: list[tuple[Path, str]] = []

    @property
    def read(self) -> list[Path]:
        return self.ontology + self.shapes + self.graphs


def is_shapes_file(path: Path) -> bool:
    return "shapes" in path.name


def _walk(folder: Path, found: ProjectFiles) -> list[Path]:
    """The non-hidden files below ``folder``, sorted; unreadable folders go to ``found.unread``."""
    files: list[Path] = []

    def unreadable(error: OSError) -> None:
        found.unread.append((Path(error.filename), f"cannot read this folder: {error.strerror}"))

    inside = folder.resolve()
    for root, dirs, names in os.walk(folder, onerror=unreadable):
        linked = sorted(d for d in dirs if not d.startswith(".") and (Path(root) / d).is_symlink())
        for name in linked:  # said, never skipped without a word (a link may loop, or leave the project)
            found.unread.append((Path(root) / name, "not read: a link to a folder (links to folders are not followed)"))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in linked)
        for name in names:
            path = Path(root) / name
            if name.startswith("."):
                continue
            if path.is_symlink():
                try:
                    target = path.resolve(strict=True)
                except (OSError, RuntimeError):  # a link to nothing, or a loop of links
                    found.unread.append((path, "not read: a link that leads nowhere (broken, or a loop)"))
                    continue
                if not target.is_relative_to(inside):
                    found.unread.append((path, "not read: a link to a file outside the project"))
                    continue
            files.append(path)
    return sorted(files)


def _is_project(path: Path) -> bool:
    return all((path / d).is_dir() for d in PROJECT_DIRS)


def _installed_checkout() -> Path | None:
    """The source checkout of this package: the editable source tree, or the directory
    pip recorded in ``direct_url.json`` (PEP 610) for a local install."""
    import json
    from importlib import metadata  # slow to import (about 20 ms): only when no project is found otherwise
    from urllib.parse import unquote, urlparse

    here = Path(__file__).resolve().parents[3]
    if _is_project(here):
        return here
    try:
        raw = metadata.distribution("transition-kg").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    if raw:
        url = urlparse(json.loads(raw).get("url", ""))
        if url.scheme == "file":
            candidate = Path(unquote(url.path))
            if _is_project(candidate):
                return candidate
    return None


def find_project(explicit: str | os.PathLike | None = None) -> Project:
    """Find the project directory; raise :class:`ProjectNotFound` naming what was tried."""
    if explicit is not None:
        path = Path(explicit).expanduser().resolve()
        if not _is_project(path):
            raise ProjectNotFound(
                f"not a project directory (needs {', '.join(PROJECT_DIRS)}/)", option="project", value=str(explicit)
            )
        return Project(path)
    env = os.environ.get("TKG_PROJECT")
    if env:
        path = Path(env).expanduser().resolve()
        if not _is_project(path):
            raise ProjectNotFound(f"TKG_PROJECT={env}: not a project directory (needs {', '.join(PROJECT_DIRS)}/)")
        return Project(path)
    cwd = Path.cwd().resolve()
    for folder in (cwd, *cwd.parents):
        if _is_project(folder):
            return Project(folder)
    checkout = _installed_checkout()
    if checkout:
        return Project(checkout)
    if _is_project(PACKAGED):
        return Project(PACKAGED)
    raise ProjectNotFound(
        "no project found (a directory with ontology/, graph/, queries/): set TKG_PROJECT, or name one", fix="project"
    )


def writable(project: Project) -> Project:
    """The project, if it is one of the user's; the copy the package carries is read-only."""
    if project.root.resolve() == PACKAGED.resolve() and not _is_checkout_copy():
        raise ProjectNotFound(
            "the graph the package carries is read-only: start a project of your own with "
            "`transition-kg init DIR`, then work in DIR"
        )
    return project


def _is_checkout_copy() -> bool:
    """Whether the packaged project is the source checkout itself (an editable install links to it)."""
    return (PACKAGED / "graph").is_symlink()


def init(target: Path, source: Project) -> list[Path]:
    """Copy ``source``'s ontology/, graph/ and queries/ into ``target`` (which must not have
    them yet) to start a project of one's own; return the folders written."""
    import shutil

    target = Path(target).resolve()
    present = [d for d in PROJECT_DIRS if (target / d).exists()]
    if present:
        raise ProjectNotFound(
            f"{target}: already has {', '.join(p + '/' for p in present)}; give an empty or new folder"
        )
    written = []
    try:
        target.mkdir(parents=True, exist_ok=True)
        for part in PROJECT_DIRS:
            shutil.copytree(source.root / part, target / part, ignore=shutil.ignore_patterns(".*", "__pycache__"))
            written.append(target / part)
    except OSError as exc:
        for folder in written:
            shutil.rmtree(folder, ignore_errors=True)
        raise ProjectNotFound(f"{target}: cannot write: {exc.strerror or exc}") from None
    return written


TEXTS = "texts"  # a project's own folder of article texts (``init`` and ``new-article`` make it)


def corpus_dir(project: Project) -> Path:
    """The directory of article texts: ``$TKG_CORPUS``; else the project's own ``texts/``; else
    ``../shared/seeds`` beside the project (the checkout's seed texts, which the repository does
    not hold); else ``texts/``, where ``new-article`` puts the first one."""
    env = os.environ.get("TKG_CORPUS")
    if env:
        return Path(env).expanduser().resolve()
    own, seeds = project.root / TEXTS, project.root.parent / "shared" / "seeds"
    return (own if own.is_dir() or not seeds.is_dir() else seeds).resolve()
