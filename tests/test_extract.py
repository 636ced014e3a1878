"""`extract` and `new-article`, on articles written for these tests (not the seeds)."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from rdflib import Dataset, Graph

from transition_kg.articles import ArticleError, new_article, read_article
from transition_kg.cli import main, run as cli
from transition_kg.extract import Gazetteer, extract
from transition_kg.load import load
from transition_kg.paths import Project, corpus_dir
from transition_kg.validate import shacl_results, validate
from transition_kg.vocab import ONTOLOGY_GRAPH, TKG, TKR

from .conftest import ROOT

FENSHUI = ('The coal town of Fenshui in Shanxi Province closed its last mine in 2019. Its population fell to nearly '
           '52,000 last year, down 12 percent.\n'
           '"We kept the headframe as a museum," said Ma Lei, director of the heritage office at the Fenshui Mining '
           'Bureau. "Tourists come every weekend."\n'
           'Officials expect over 3 million visitors next spring.\n')
PUBLISHED = dt.date(2025, 6, 15)


@pytest.fixture(scope="module")
def gazetteer(project):
    return Gazetteer.of(load(project))


@pytest.fixture
def fenshui(tmp_path):
    path = tmp_path / "fenshui.txt"
    path.write_text(FENSHUI, encoding="utf-8")
    return path


def found(candidates):
    return [(c.kind, c.start, c.end, c.exact, {k: v for k, v in sorted(c.props.items())}) for c in candidates]


def test_candidates_with_offsets(fenshui, gazetteer):
    candidates = extract(read_article(fenshui), PUBLISHED, gazetteer)
    for c in candidates:
        assert FENSHUI[c.start:c.end] == c.exact
    shanxi = f"<{TKR.shanxi}>"
    assert found(candidates) == [
        ("CandidateMention", 17, 24, "Fenshui", {"candidateName": ['"Fenshui"']}),
        ("CandidateMention", 28, 43, "Shanxi Province", {"candidateOf": [shanxi]}),
        ("CandidateDate", 68, 72, "2019", {"candidateYear": ['"2019"^^xsd:gYear']}),
        ("CandidateObservation", 97, 110, "nearly 52,000", {
            "candidateQualifier": ['"nearly"'], "candidateValue": ["52000"], "candidateYear": ['"2024"^^xsd:gYear'],
            "yearInferredFrom": ['"last year"']}),
        ("CandidateDate", 111, 120, "last year", {"candidateYear": ['"2024"^^xsd:gYear'], "yearInferredFrom": ['"last year"']}),
        ("CandidateObservation", 127, 137, "12 percent", {
            "candidateScale": ['"percent"'], "candidateUnit": ['"percent"'], "candidateYear": ['"2024"^^xsd:gYear'],
            "candidateValue": ["12"], "yearInferredFrom": ['"last year"']}),
        ("CandidateQuote", 140, 173, "We kept the headframe as a museum", {
            "candidateOrganisation": ['"Fenshui Mining Bureau"'], "candidateRole": ['"director of the heritage office"'],
            "candidateSpeaker": ['"Ma Lei"']}),
        ("CandidateMention", 181, 187, "Ma Lei", {"candidateName": ['"Ma Lei"']}),
        ("CandidateMention", 228, 249, "Fenshui Mining Bureau", {"candidateName": ['"Fenshui Mining Bureau"']}),
        ("CandidateQuote", 252, 280, "Tourists come every weekend.", {"candidateSpeaker": ['"Ma Lei"']}),
        ("CandidateObservation", 299, 322, "over 3 million visitors", {
            "candidateQualifier": ['"over"'], "candidateScale": ['"million"'], "candidateUnit": ['"visitors"'],
            "candidateValue": ["3000000"], "candidateYear": ['"2026"^^xsd:gYear'], "yearInferredFrom": ['"next spring"']}),
        ("CandidateDate", 323, 334, "next spring", {"candidateYear": ['"2026"^^xsd:gYear'], "yearInferredFrom": ['"next spring"']}),
    ]


def test_value_of_the_hedged_number(fenshui, gazetteer):
    first = next(c for c in extract(read_article(fenshui), PUBLISHED, gazetteer) if c.kind == "CandidateObservation")
    assert first.props["candidateValue"] == ["52000"] and "candidateUnit" not in first.props


def test_chinese_labels_are_found(tmp_path, gazetteer):
    path = tmp_path / "zh.txt"
    path.write_text("七台河 is a coal city in Heilongjiang.\n", encoding="utf-8")
    mentions = [(c.exact, c.props["candidateOf"]) for c in extract(read_article(path), PUBLISHED, gazetteer) if "candidateOf" in c.props]
    assert mentions == [("七台河", [f"<{TKR.qitaihe}>"]), ("Heilongjiang", [f"<{TKR.heilongjiang}>"])]


def test_draft_parses_passes_the_candidate_shapes_and_leaves_graph_alone(fenshui, project, tmp_path, capsys):
    before = {p: p.read_bytes() for p in project.files().graphs}
    draft = tmp_path / "draft.trig"
    assert cli(["--project", str(project.root), "extract", str(fenshui), "--published", "2025-06-15", "-o", str(draft)]) == 0
    assert capsys.readouterr().out == (f"wrote {draft}: 3 CandidateDate, 4 CandidateMention, "
                                       "3 CandidateObservation, 2 CandidateQuote\n")
    data = Dataset()
    data.parse(draft, format="trig")
    loaded = load(project)
    union = Graph()
    for triple in loaded.dataset.graph(ONTOLOGY_GRAPH):
        union.add(triple)
    for s, p, o, _ in data.quads((None, None, None, None)):
        union.add((s, p, o))
    assert shacl_results(union, loaded.shapes_graph()) == []
    assert {p: p.read_bytes() for p in project.files().graphs} == before


def test_text_without_facts_gives_an_empty_draft(tmp_path, gazetteer):
    path = tmp_path / "calm.txt"
    path.write_text("the weather was pleasant and nothing happened.\n", encoding="utf-8")
    assert extract(read_article(path), PUBLISHED, gazetteer) == []


@pytest.mark.parametrize("content, message", [
    (b"\x89PNG\r\n\x1a\n\x00\x00", "{path}: a binary file, not article text"),
    (b"caf\xe9 au lait\n", "{path}:1: not UTF-8 text (byte 3)"),
])
def test_binary_and_non_utf8_files_are_clear_errors(tmp_path, project, capsys, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(SystemExit) as exited:
        main(["--project", str(project.root), "extract", str(path), "--published", "2025-01-01", "-o", str(tmp_path / "d.trig")])
    assert exited.value.code == 2
    assert capsys.readouterr().err == "transition-kg: " + message.format(path=path) + "\n"
    assert not (tmp_path / "d.trig").exists()


def test_new_article_registers_and_validates(project_copy, tmp_path, monkeypatch, capsys):
    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_dir(Project(ROOT)), corpus)
    (corpus / "fenshui.txt").write_text(FENSHUI, encoding="utf-8")
    monkeypatch.setenv("TKG_CORPUS", str(corpus))
    assert cli(["--project", str(project_copy.root), "new-article", str(corpus / "fenshui.txt"), "--published", "2025-06-15",
                "--title", "Fenshui keeps its headframe"]) == 0
    assert capsys.readouterr().out == f"wrote graph/articles/fenshui-keeps-its-headframe.trig in the project {project_copy.root}\n"
    report, loaded = validate(project_copy)
    assert report.ok, [str(p) for p in report.problems]
    article = TKR["article-fenshui-keeps-its-headframe"]
    assert str(loaded.dataset.value(article, TKG.published)) == "2025-06-15"
    with pytest.raises(ArticleError, match="already exists; give another --title"):
        new_article(project_copy, corpus / "fenshui.txt", "2025-06-15", "Fenshui keeps its headframe")
    with pytest.raises(ArticleError, match=r"^--published 15/06/2025: not a date \(YYYY-MM-DD\)$"):
        new_article(project_copy, corpus / "fenshui.txt", "15/06/2025", "Other")


def test_new_article_and_extract_name_the_article_alike_and_drafts_read_well(project_copy, tmp_path):
    """One identity: extract reads the registration new-article wrote (or makes the same one);
    each candidate comes after its sentence with its words marked, and values read as written."""
    from transition_kg.cli import run as cli

    text = tmp_path / "beishan.txt"
    text.write_text('Beishan, a small coal town, spent 6.3 billion yuan on roads last year.\n', encoding="utf-8")
    base = ["--project", str(project_copy.root)]
    assert cli(base + ["extract", str(text), "--published", "2025-03-01", "-o", str(tmp_path / "before.trig")]) == 0
    assert cli(base + ["new-article", str(text), "--published", "2025-03-01", "--title", "Beishan paves its roads"]) == 0
    assert cli(base + ["extract", str(text), "--published", "2025-03-01", "-o", str(tmp_path / "after.trig")]) == 0
    before, after = ((tmp_path / n).read_text(encoding="utf-8") for n in ("before.trig", "after.trig"))
    assert "oa:hasSource tkr:article-beishan-a-small-coal-town-spent-6-3 ;" in before  # as new-article would name it
    assert "oa:hasSource tkr:article-beishan-paves-its-roads ;" in after  # as new-article did name it
    assert 'dcterms:title "Beishan paves its roads"' in after
    assert "    # Beishan, a small coal town, spent «6.3 billion yuan» on roads last year.\n" in after
    assert "tkg:candidateValue 6300000000 ;" in after and "6300000000.0" not in after


def test_a_candidate_pasted_into_the_graph_is_refused(project_copy, corpus):
    from transition_kg.validate import validate

    path = project_copy.graph_dir / "articles" / "qitaihe-coal-city.trig"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    # Claims:", """    tkr:candidate-x a tkg:CandidateObservation ; tkg:candidateStatus "accepted" ;
        tkg:evidence [ a oa:SpecificResource ; oa:hasSource tkr:article-qitaihe-coal-city ;
            oa:hasSelector [ a oa:TextPositionSelector ; oa:start 159 ; oa:end 183 ] ,
                           [ a oa:TextQuoteSelector ; oa:exact "this city of 700,000 now" ] ] .
    # Claims:""", 1), encoding="utf-8")
    report, _ = validate(project_copy, corpus)
    assert [str(p) for p in report.problems if "candidate" in str(p).lower()] == [
        "queries/checks/candidate-in-graph-violation.rq: [queries] A candidate in the graph: candidate=tkr:candidate-x "
        "kind=tkg:CandidateObservation graph=tkr:article-qitaihe-coal-city"]
