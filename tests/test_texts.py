"""The article texts are not in the repository: a project says what it skips without them,
`init` takes the texts it can reach along, and `new-article` never leaves them unreachable."""

from __future__ import annotations

import shutil
from pathlib import Path

from transition_kg.cli import run
from transition_kg.core.paths import Project
from transition_kg.core.validate import validate


def test_an_article_without_its_text_is_skipped_by_name_or_refused_when_required(project_copy, corpus, tmp_path):
    partial = tmp_path / "corpus"
    partial.mkdir()
    shutil.copy(corpus / "000_677b70f29ffb11ba.txt", partial)  # Qitaihe's text only
    report, _ = validate(project_copy, partial)
    assert report.ok, report.problems
    skipped = [n for n in report.notes if n.startswith("evidence of ")]
    assert skipped == [
        f"evidence of tkr:article-datong-coal-capital: its text 003_c1f79b89d83dbf78.txt is not in {partial}: skipped",
        f"evidence of tkr:article-new-quality-productive-forces: its text 003_c1f79b89d83dbf78.txt is not in "
        f"{partial}: skipped",
    ]
    assert report.checked["evidence spans"] > 0  # Qitaihe's were checked
    strict, _ = validate(project_copy, partial, require_texts=True)
    assert [p.check for p in strict.problems] == ["evidence", "evidence"]
    assert strict.problems[0].where.startswith("graph/articles/datong-coal-capital.trig:")


def test_init_takes_the_texts_along_and_a_new_article_joins_them(project, corpus, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("TKG_CORPUS", raising=False)
    mine = tmp_path / "mine"
    assert run(["--project", str(project.root), "--corpus", str(corpus), "init", str(mine)]) == 0
    out = capsys.readouterr().out
    assert f"copied 2 article text(s) into {mine}/texts/" in out  # two files hold the three articles
    assert sorted(p.name for p in (mine / "texts").iterdir()) == sorted(p.name for p in corpus.glob("0*.txt"))
    article = tmp_path / "note.txt"
    article.write_text("A town keeps its headframe.\n", encoding="utf-8")
    assert run(["--project", str(mine), "new-article", str(article), "--published", "2025-01-01"]) == 0
    assert (mine / "texts" / "note.txt").is_file()
    report, _ = validate(Project(mine))
    assert report.ok and not [n for n in report.notes if "skipped" in n], report.notes
    assert report.checked["articles"] == 4


def test_the_texts_location_is_documented():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Article texts") :]
    for words in ("not in the repository", "--require-texts", "texts/", "TKG_CORPUS"):
        assert words in section, words
