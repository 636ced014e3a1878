"""Where the project is: found upward from a subfolder like git, and carried by the wheel,
which works from any folder and copies itself into a project of one's own with `init`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from transition_kg.cli import run as cli
from transition_kg.core.paths import Project, find_project

from .conftest import ROOT


def test_discovery_walks_up_from_a_subfolder(project_copy, monkeypatch, capsys):
    monkeypatch.delenv("TKG_PROJECT", raising=False)
    (project_copy.graph_dir / "articles" / "extra.trig").write_text(
        "@prefix tkr: <https://w3id.org/transition-kg/id/> .\ntkr:graph-extra { tkr:a tkr:b tkr:c . }\n"
    )
    monkeypatch.chdir(project_copy.graph_dir / "articles")
    assert find_project() == Project(project_copy.root.resolve())
    assert cli(["stats"]) == 0
    assert "tkr:graph-extra" not in capsys.readouterr().out  # (stats counts per article: the graph is there)
    assert cli(["sparql", "ASK { GRAPH tkr:graph-extra { ?s ?p ?o } }"]) == 0
    assert capsys.readouterr().out == "yes\n"  # this copy was counted, not the checkout


@pytest.fixture(scope="module")
def wheel_env(tmp_path_factory):
    """A fresh venv with the wheel built from this checkout (its dependencies taken from the
    running environment), and a working folder outside the checkout."""
    root = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(root / "dist"), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next((root / "dist").glob("transition_kg-*.whl"))
    subprocess.run([sys.executable, "-m", "venv", str(root / "venv")], check=True)
    python = root / "venv" / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (Path(purelib) / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")  # rdflib, pyoxigraph, …
    work = root / "elsewhere"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("TKG_PROJECT", "TKG_CORPUS", "VIRTUAL_ENV")}
    return root / "venv" / "bin" / "transition-kg", work, env


def test_the_wheel_answers_cq01_from_a_folder_outside_the_checkout(wheel_env):
    exe, work, env = wheel_env
    result = subprocess.run(
        [str(exe), "query", "cq01-coal-cities", "--format", "csv"], cwd=work, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "/id/qitaihe," in result.stdout and "/id/heilongjiang," in result.stdout and "/id/china," in result.stdout
    where = subprocess.run(
        [str(exe), "sparql", "SELECT ?c WHERE { ?c a tkg:City ; tkg:locatedIn tkr:heilongjiang }"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    assert where.returncode == 0 and "Qitaihe" in where.stdout


def test_the_packaged_graph_is_read_only_and_init_copies_it(wheel_env):
    exe, work, env = wheel_env
    article = work / "note.txt"
    article.write_text("A town keeps its headframe.\n")
    refused = subprocess.run(
        [str(exe), "new-article", str(article), "--published", "2025-01-01"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    read_only = (
        "transition-kg: the graph the package carries is read-only: start a project of your own "
        "with `transition-kg init DIR`, then work in DIR\n"
    )
    assert refused.returncode == 2 and refused.stderr == read_only
    # every command that writes into the project says the same, and writes nothing
    for command in (["build"], ["anchor"], ["promote", str(article)]):
        said = subprocess.run([str(exe), *command], cwd=work, env=env, capture_output=True, text=True)
        assert (said.returncode, said.stderr) == (2, read_only), command
    assert [p.name for p in work.iterdir()] == ["note.txt"]
    assert not list(Path(exe).parents[1].glob("lib/python*/site-packages/transition_kg/project/build"))
    made = subprocess.run([str(exe), "init", "mine"], cwd=work, env=env, capture_output=True, text=True)
    assert made.returncode == 0 and sorted(p.name for p in (work / "mine").iterdir()) == [
        "graph",
        "ontology",
        "queries",
    ]
    added = subprocess.run(
        [str(exe), "new-article", str(article), "--published", "2025-01-01"],
        cwd=work / "mine" / "graph",
        env=env,
        capture_output=True,
        text=True,
    )
    assert added.returncode == 0
    corpus = work / "mine" / "texts"  # no ../shared/seeds beside the project: its own texts/ folder
    assert added.stdout == (
        f"copied note.txt into the corpus folder {corpus}\n"
        f"wrote graph/articles/a-town-keeps-its-headframe.trig in the project {work / 'mine'}\n"
    )
    assert (corpus / "note.txt").read_bytes() == article.read_bytes()
    # the seed texts were not there to copy: their evidence is skipped, each article named once
    checked = subprocess.run([str(exe), "validate"], cwd=work / "mine", env=env, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout
    skipped = [line for line in checked.stdout.splitlines() if line.startswith("note: evidence of ")]
    assert len(skipped) == 3 and all(line.endswith(f"is not in {corpus}: skipped") for line in skipped)
    strict = subprocess.run(
        [str(exe), "validate", "--require-texts"], cwd=work / "mine", env=env, capture_output=True, text=True
    )
    assert strict.returncode == 1 and strict.stdout.count("[evidence]") == 3
    again = subprocess.run([str(exe), "init", "mine"], cwd=work, env=env, capture_output=True, text=True)
    assert (
        again.returncode == 2 and "already has ontology/, graph/, queries/; give an empty or new folder" in again.stderr
    )
    shutil.rmtree(work / "mine")
