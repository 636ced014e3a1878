"""Shared fixtures: the real project, its article corpus, and throwaway copies to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from transition_kg.core.load import Loaded, load
from transition_kg.core.paths import Project, corpus_dir

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def project() -> Project:
    return Project(ROOT)


@pytest.fixture(scope="session")
def corpus(project: Project) -> Path:
    """The article texts; tests that need them skip, saying why, when they are absent."""
    path = corpus_dir(project)
    if not path.is_dir():
        pytest.skip(f"article corpus not found at {path}: set TKG_CORPUS to the folder of seed articles")
    return path


@pytest.fixture(scope="session")
def loaded(project: Project) -> Loaded:
    return load(project)


@pytest.fixture
def project_copy(tmp_path: Path, project: Project) -> Project:
    """A copy of ontology/, graph/ and queries/ that a test may change."""
    for part in ("ontology", "graph", "queries"):
        shutil.copytree(project.root / part, tmp_path / part)
    return Project(tmp_path)


def edit(path: Path, old: str, new: str) -> None:
    """Replace exactly one occurrence of ``old`` in a file (fails loudly if absent)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """The number of the first line of a file that holds ``needle`` (fails loudly if none)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script, from the npm registry (installed once into ~/.cache/transition-kg/axe)."""
    import shutil as sh
    import subprocess

    folder = Path.home() / ".cache" / "transition-kg" / "axe"
    script = folder / "node_modules" / "axe-core" / "axe.min.js"
    if not script.exists():
        npm = sh.which("npm")
        if npm is None:
            pytest.skip("npm is not installed: axe-core comes from the npm registry (apt-get install npm)")
        folder.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [npm, "install", "--no-save", "--no-audit", "--no-fund", "--prefix", str(folder), "axe-core@4"],
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode != 0 or not script.exists():
            pytest.skip(f"npm could not install axe-core: {done.stderr.strip().splitlines()[-1:] or done.returncode}")
    return script.read_text(encoding="utf-8")
