"""Where the project and the article corpus are.

A *project* is a directory holding ``ontology/``, ``graph/`` and ``queries/``. It is found
in this order: an explicit directory (``--project``), ``$TKG_PROJECT``, the current
directory if it has the three folders, else the checkout this package was installed from.
The *corpus* (the article texts) is ``$TKG_CORPUS``, else ``../shared/seeds`` beside the
project.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlparse

from .errors import ProjectNotFound

PROJECT_DIRS = ("ontology", "graph", "queries")


@dataclass(frozen=True)
class Project:
    """A project directory and its parts."""

    root: Path

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

    def ontology_files(self) -> list[Path]:
        """Ontology Turtle files (shapes excluded), sorted."""
        return sorted(p for p in self.ontology_dir.glob("*.ttl") if not is_shapes_file(p))

    def shapes_files(self) -> list[Path]:
        """SHACL shapes files: ``ontology/*shapes*.ttl``."""
        return sorted(p for p in self.ontology_dir.glob("*.ttl") if is_shapes_file(p))

    def graph_files(self) -> list[Path]:
        """Fact files: every ``graph/**/*.trig``, sorted."""
        return sorted(self.graph_dir.rglob("*.trig"))

    def display(self, path: Path) -> str:
        """A path as shown to the user: relative to the project when inside it."""
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)


def is_shapes_file(path: Path) -> bool:
    return "shapes" in path.name


def _is_project(path: Path) -> bool:
    return all((path / d).is_dir() for d in PROJECT_DIRS)


def _installed_checkout() -> Path | None:
    """The source checkout of this package: the editable source tree, or the directory
    pip recorded in ``direct_url.json`` (PEP 610) for a local install."""
    here = Path(__file__).resolve().parents[2]
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
            raise ProjectNotFound(f"--project {explicit}: not a project directory (needs {', '.join(PROJECT_DIRS)}/)")
        return Project(path)
    env = os.environ.get("TKG_PROJECT")
    if env:
        path = Path(env).expanduser().resolve()
        if not _is_project(path):
            raise ProjectNotFound(f"TKG_PROJECT={env}: not a project directory (needs {', '.join(PROJECT_DIRS)}/)")
        return Project(path)
    cwd = Path.cwd()
    if _is_project(cwd):
        return Project(cwd)
    checkout = _installed_checkout()
    if checkout:
        return Project(checkout)
    raise ProjectNotFound("no project found: pass --project DIR or set TKG_PROJECT (a directory with ontology/, graph/, queries/)")


def corpus_dir(project: Project) -> Path:
    """The directory of article texts: ``$TKG_CORPUS``, else ``../shared/seeds`` beside the project."""
    env = os.environ.get("TKG_CORPUS")
    if env:
        return Path(env).expanduser().resolve()
    return (project.root.parent / "shared" / "seeds").resolve()
