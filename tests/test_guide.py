"""docs/extending.md, walked through on a copy of the project: every block applied in order,
every command run; then each thing the guide says `validate` catches, forgotten on purpose."""

from __future__ import annotations

import os
import re
import shlex
import shutil
from pathlib import Path

import pytest

from transition_kg.ask.queries import run_named
from transition_kg.cli import run as cli
from transition_kg.core.paths import Project, corpus_dir
from transition_kg.core.store import open_store
from transition_kg.core.validate import validate

from .conftest import ROOT, edit

GUIDE = ROOT / "docs" / "extending.md"
BLOCK = re.compile(r"```(\w+)(?: (append|insert|file)=(\S+))?\n(.*?)```", re.S)


def apply_guide(project: Project, capsys) -> list[str]:
    """Apply every block of the guide; return what each command printed."""
    printed = []
    for language, action, target, body in BLOCK.findall(GUIDE.read_text(encoding="utf-8")):
        if language == "sh":
            for line in body.strip().splitlines():
                args = shlex.split(os.path.expandvars(line))
                assert args[0] == "transition-kg"
                assert cli(["--project", str(project.root)] + args[1:]) == 0, line
                printed.append(capsys.readouterr().out)
            continue
        path = Path(os.path.expandvars(target))
        path = path if path.is_absolute() else project.root / path
        if action == "file":
            path.write_text(body, encoding="utf-8")
        elif action == "append":
            path.write_text(path.read_text(encoding="utf-8") + "\n" + body, encoding="utf-8")
        elif action == "insert":
            text = path.read_text(encoding="utf-8")
            end = text.rstrip().rfind("}")
            path.write_text(text[:end] + body + text[end:], encoding="utf-8")
    return printed


@pytest.fixture
def guided(tmp_path, monkeypatch, capsys):
    """The guide applied to a copy of the project with the corpus where it is by default
    (``../shared/seeds`` beside the project; ``TKG_CORPUS`` unset)."""
    root = tmp_path / "transition-kg"
    for part in ("ontology", "graph", "queries"):
        shutil.copytree(ROOT / part, root / part)
    shutil.copytree(corpus_dir(Project(ROOT)), tmp_path / "shared" / "seeds")
    monkeypatch.delenv("TKG_CORPUS", raising=False)
    monkeypatch.chdir(root)
    project = Project(root)
    printed = apply_guide(project, capsys)
    return project, printed


def test_the_guide_works_end_to_end(guided):
    project, printed = guided
    new_article, extract, promoted, anchored, validated, stats, _, view = printed
    local = "fenshui-closes-its-last-mine"
    assert promoted.splitlines() == [
        f"promoted tkr:{name}"
        for name in (
            "fenshui",
            f"mention-{local}--fenshui",
            f"mention-{local}--shanxi",
            "fenshui-no-3-mine",
            f"mention-{local}--fenshui-no-3-mine",
            "fenshui-mining-bureau",
            f"mention-{local}--fenshui-mining-bureau",
            f"obs-{local}-6",
            f"obs-{local}-8",
            f"obs-{local}-9",
        )
    ]
    shared = (project.graph_dir / "shared.trig").read_text(encoding="utf-8")
    assert (
        "    <https://w3id.org/transition-kg/id/fenshui-no-3-mine> a <https://w3id.org/transition-kg/ontology#Mine> ; "
        'rdfs:label "Fenshui No. 3 Mine"@en .\n' in shared
    )
    assert anchored == f"anchored 3 spans in graph/articles/{local}.trig\n"
    # the text was copied where validate reads it, by default beside the project
    assert (project.root.parent / "shared" / "seeds" / "fenshui.txt").read_bytes() == (
        project.root / "fenshui.txt"
    ).read_bytes()
    # the promoted numbers read as the article wrote them: no offset was typed by hand
    store = open_store(project)
    series = run_named(store, "cq05", project, place="tkr:fenshui", indicator="tkr:indicator-population").records()
    assert [(r["year"], r["value"], r["qualifier"].rsplit("#", 1)[1], r["yearInferredFrom"]) for r in series] == [
        ("2024", 52000, "Nearly", "last year")
    ]
    land = run_named(store, "cq05", project, place="tkr:fenshui", indicator="tkr:indicator-land-reclaimed").records()
    assert [(r["year"], r["value"], r["qualifier"].rsplit("#", 1)[1]) for r in land] == [
        (None, 40, "Barely")
    ]  # a level
    # the new kind of observation is typed by the inferred graph, with no code
    targets = store.query(
        "PREFIX tkg: <https://w3id.org/transition-kg/ontology#> "
        "SELECT ?v WHERE { ?o a tkg:TargetObservation ; tkg:value ?v }"
    )
    assert [row[0].value for row in targets.rows] == ["1200"]
    # the new unit and qualifier are found as an article writes them
    from transition_kg.core.vocab import PREFIXES
    from transition_kg.grow.promote import _choices, _named

    tkg = PREFIXES["tkg"]
    assert _named(_choices(store.store, tkg + "Unit"), "Hectares") == PREFIXES["tkr"] + "unit-hectare"
    assert _named(_choices(store.store, tkg + "Qualifier"), "barely") == tkg + "Barely"
    assert new_article == (
        f"copied fenshui.txt into the corpus folder {project.root.parent / 'shared' / 'seeds'}\n"
        f"wrote graph/articles/fenshui-closes-its-last-mine.trig in the project {project.root}\n"
    )
    assert extract.startswith("wrote fenshui-draft.trig: ")
    draft = (project.root / "fenshui-draft.trig").read_text(encoding="utf-8")
    assert 'oa:exact "nearly 52,000"' in draft and 'tkg:yearInferredFrom "last year"' in draft
    spans = sum(p.read_text(encoding="utf-8").count("tkg:evidence [") for p in (project.root / "graph").rglob("*.trig"))
    checks = len(list((project.root / "queries" / "checks").glob("*-violation.rq")))
    assert validated == f"ok: 11 files, {spans} evidence spans, 4 articles, {checks} quality checks\n"
    assert re.search(r"^  tkg:Mine +1$", stats, re.M)
    assert "tkr:article-fenshui-closes-its-last-mine" in stats
    page = (project.root / "site" / "index.html").read_text(encoding="utf-8")
    for anchor in ('id="tkg-Mine"', 'id="tkg-operatedBy"'):
        assert anchor in page
    mine = page[page.index('id="tkg-Mine"') :]
    mine = mine[: mine.index("</section>")]
    assert "a mine is operated by at most one tkg:Organisation" in mine
    assert '<dd class="instances">1</dd>' in mine
    assert view == "wrote fenshui.html (6 nodes, 5 edges)\n"  # the town, Shanxi, the mine, three numbers
    html = (project.root / "fenshui.html").read_text(encoding="utf-8")
    assert 'data-kind="mine"' in html


def test_every_term_appears_in_the_docs(project, tmp_path, capsys):
    from rdflib import Graph
    from rdflib.namespace import OWL, RDF

    assert cli(["--project", str(project.root), "docs", "-o", str(tmp_path)]) == 0
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    ontology = Graph()
    for path in project.files().ontology:
        ontology.parse(path, format="turtle")
    terms = {
        t
        for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
        for t in ontology.subjects(RDF.type, kind)
    }
    assert len(terms) > 100
    missing = [str(t) for t in terms if f"<code>{t}</code>" not in page]
    assert missing == []


def test_forgotten_comment_is_named(guided):
    project, _ = guided
    edit(
        project.ontology_dir / "tkg.ttl",
        'rdfs:label "mine"@en ; rdfs:comment "A coal or ore mine, working or closed."@en .',
        'rdfs:label "mine"@en .',
    )
    report, _ = validate(project)
    assert [str(p) for p in report.problems] == [
        f"ontology/tkg.ttl:{_line(project.ontology_dir / 'tkg.ttl', 'tkg:Mine a ')}: "
        "[vocabulary] tkg:Mine has no rdfs:comment"
    ]


def test_undeclared_property_is_named(guided):
    project, _ = guided
    path = project.graph_dir / "articles" / "fenshui-closes-its-last-mine.trig"
    edit(path, "tkg:operatedBy tkr:fenshui-mining-bureau", "tkg:operatedby tkr:fenshui-mining-bureau")
    report, _ = validate(project)
    line = _line(path, "tkg:operatedby")
    assert [str(p) for p in report.problems if p.check == "vocabulary"] == [
        f"graph/articles/fenshui-closes-its-last-mine.trig:{line}: [vocabulary] property tkg:operatedby is not "
        "declared in ontology/ (did you mean tkg:operatedBy, tkg:reportedBy, tkg:proposedBy?)"
    ]


def test_instance_breaking_the_new_shape_is_named(guided):
    project, _ = guided
    path = project.graph_dir / "articles" / "fenshui-closes-its-last-mine.trig"
    edit(path, "tkg:operatedBy tkr:fenshui-mining-bureau", "tkg:operatedBy tkr:zhang-wei")
    report, _ = validate(project)
    shacl = [str(p) for p in report.problems if p.check == "shacl"]
    assert shacl == [
        f"graph/articles/fenshui-closes-its-last-mine.trig:{_line(path, 'tkr:fenshui-no-3-mine tkg:locatedIn')}: "
        "[shacl] "
        "tkr:fenshui-no-3-mine tkg:operatedBy: a mine is operated by at most one tkg:Organisation (tkgsh:MineShape)"
    ]


def _line(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)
