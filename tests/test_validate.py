"""`validate` on the real graph and on copies broken one way at a time."""

from __future__ import annotations

from pathlib import Path

from transition_kg.core.validate import validate

from .conftest import edit, line_of

QITAIHE = Path("graph/articles/qitaihe-coal-city.trig")
TKR = "https://w3id.org/transition-kg/id/"
DATONG = Path("graph/articles/datong-coal-capital.trig")


def lines(report) -> list[str]:
    return [str(p) for p in report.problems]


def test_real_graph_is_clean(project, corpus):
    report, _ = validate(project, corpus)
    assert lines(report) == []
    spans = sum(
        text.count("tkg:evidence [")
        for text in (p.read_text(encoding="utf-8") for p in (project.root / "graph").rglob("*.trig"))
    )
    checks = len(list((project.root / "queries" / "checks").glob("*-violation.rq")))
    assert report.checked == {"files": 10, "evidence spans": spans, "articles": 3, "quality checks": checks}
    assert report.summary() == f"ok: 10 files, {spans} evidence spans, 3 articles, {checks} quality checks"


def test_broken_turtle_is_named_with_its_line(project_copy, corpus):
    bad = project_copy.root / "graph" / "articles" / "broken.trig"
    bad.write_text(
        '@prefix tkr: <https://w3id.org/transition-kg/id/> .\ntkr:g {\n  tkr:a tkr:b "unterminated .\n}\n',
        encoding="utf-8",
    )
    edit(project_copy.ontology_dir / "values.ttl", "skos:exactMatch unit:NUM .", "skos:exactMatch unit:NUM")
    report, _ = validate(project_copy, corpus)
    assert lines(report) == [
        f"ontology/values.ttl:{line_of(project_copy.ontology_dir / 'values.ttl', 'unit:NUM') + 1}: [syntax] "
        "A dot is expected at the end of statements",
        "graph/articles/broken.trig:3: [syntax] Unexpected end of file",
    ]
    assert report.notes == ["vocabulary, SHACL, evidence and query checks not run: fix the syntax errors first"]


def test_undeclared_property_and_misspelt_term_are_named(project_copy, corpus):
    path = project_copy.root / QITAIHE
    edit(path, "tkg:speaker tkr:li-gang", "tkg:saidBy tkr:li-gang")
    edit(path, "tkg:status tkg:Declining", "tkg:status tkg:Decling")
    report, _ = validate(project_copy, corpus)
    vocabulary = [line for line in lines(report) if "[vocabulary]" in line]
    assert vocabulary[0] == (
        f"{QITAIHE}:{line_of(path, 'tkg:saidBy')}: [vocabulary] property tkg:saidBy is not declared "
        "in ontology/ (did you mean tkg:claimedBy, tkg:issuedBy, tkg:heldBy?)"
    )
    # a value of a property whose range is a closed list: the list, to choose from
    head = f"{QITAIHE}:{line_of(path, 'tkg:Decling')}: [vocabulary] tkg:Decling is not declared in ontology/: one of "
    assert vocabulary[1].startswith(head) and len(vocabulary) == 2
    assert {"tkg:Declining", "tkg:Pillar", "tkg:Developing", "tkg:Transforming"} <= set(
        vocabulary[1][len(head) :].split(", ")
    )
    shacl = [line for line in lines(report) if "[shacl]" in line]
    assert (
        f"{QITAIHE}:{line_of(path, 'tkr:quote-li-gang a')}: [shacl] tkr:quote-li-gang tkg:speaker: quote needs exactly "
        "one "
        "tkg:speaker (tkgsh:QuoteShape)"
    ) in shacl


def test_class_without_label_or_comment_is_named(project_copy, corpus):
    edit(
        project_copy.ontology_dir / "tkg.ttl",
        'rdfs:label "township"@en ; rdfs:comment "A township, including an autonomous township."@en .',
        'rdfs:label "township"@en .',
    )
    edit(project_copy.ontology_dir / "tkg.ttl", 'rdfs:label "located in"@en ; ', "")
    report, _ = validate(project_copy, corpus)
    tkg = project_copy.ontology_dir / "tkg.ttl"
    assert lines(report) == [
        f"ontology/tkg.ttl:{line_of(tkg, 'tkg:Township a')}: [vocabulary] tkg:Township has no rdfs:comment",
        f"ontology/tkg.ttl:{line_of(tkg, 'tkg:locatedIn a')}: [vocabulary] tkg:locatedIn has no rdfs:label",
    ]


def test_misspelt_entity_is_caught_by_the_shapes(project_copy, corpus):
    path = project_copy.root / QITAIHE
    edit(path, "tkr:qitaihe tkg:locatedIn tkr:heilongjiang", "tkr:qitaihe tkg:locatedIn tkr:heilongjang")
    report, _ = validate(project_copy, corpus)
    line = line_of(path, "tkr:qitaihe tkg:locatedIn tkr:heilongjang")
    assert lines(report) == [
        f"{QITAIHE}:{line}: [shacl] tkr:heilongjang rdf:type: entity is used but has no rdf:type (misspelt IRI, or not "
        "declared in graph/shared.trig) (tkgsh:ReferencedEntityShape)",
        f"{QITAIHE}:{line}: [shacl] tkr:heilongjang: entity is used but has no rdfs:label "
        "(tkgsh:ReferencedEntityShape)",
        f"{QITAIHE}:{line}: [shacl] tkr:qitaihe tkg:locatedIn: tkg:locatedIn must point to a tkg:Place "
        "(tkgsh:RelationRangeShape)",
        # its words are given for tkr:heilongjiang, so this triple has none
        "queries/checks/relation-without-evidence-violation.rq: [queries] A relation in an article's graph without its "
        "words: graph=tkr:article-qitaihe-coal-city subject=tkr:qitaihe predicate=tkg:locatedIn object=tkr:heilongjang",
    ]


def test_shifted_span_is_caught(project_copy, corpus):
    edit(project_copy.root / QITAIHE, "oa:start 159 ; oa:end 183", "oa:start 160 ; oa:end 183")
    report, _ = validate(project_copy, corpus)
    assert lines(report) == [
        f"{QITAIHE}:{line_of(project_copy.root / QITAIHE, 'tkr:obs-qitaihe-population a')}: [evidence] "
        "tkr:obs-qitaihe-population: text at 160-183 is 'his city of 700,000 now', not 'this city of 700,000 now'",
    ]


def test_value_not_written_in_evidence_is_caught(project_copy, corpus):
    edit(project_copy.root / QITAIHE, "tkg:value 700000 ;", "tkg:value 70000 ;")
    edit(project_copy.root / DATONG, "tkg:value 15000000000 ;", "tkg:value 1500000000 ;")
    report, _ = validate(project_copy, corpus)
    assert sorted(lines(report)) == sorted(
        [
            f"{QITAIHE}:{line_of(project_copy.root / QITAIHE, 'tkr:obs-qitaihe-population a')}: [evidence] "
            "tkr:obs-qitaihe-population: tkg:value 70000 is not written in its evidence (numbers there: 700000)",
            f"{DATONG}:{line_of(project_copy.root / DATONG, 'tkr:obs-datong-tourism-revenue-2022 a')}: [evidence] "
            "tkr:obs-datong-tourism-revenue-2022: tkg:value 1500000000 is not written in its evidence (numbers there: "
            "15000000000, 2022)",
        ]
    )


def test_quote_text_must_equal_its_segments(project_copy, corpus):
    edit(project_copy.root / QITAIHE, 'He says A.I. is the new coal." ;', 'He says AI is the new coal." ;')
    report, _ = validate(project_copy, corpus)
    assert lines(report) == [
        f"{QITAIHE}:{line_of(project_copy.root / QITAIHE, 'tkr:quote-li-gang a')}: [evidence] tkr:quote-li-gang: "
        "tkg:quoteText differs from its evidence segments joined by '…'",
    ]


def test_hashes_and_article_extent_are_checked(project_copy, corpus):
    edit(project_copy.root / DATONG, 'tkg:sha256 "34e6', 'tkg:sha256 "44e6')
    # a Datong fact whose span lies in the next article of the same file
    edit(project_copy.root / DATONG, "oa:start 2336 ; oa:end 2370", "oa:start 6000 ; oa:end 6034")
    report, _ = validate(project_copy, corpus)
    found = lines(report)
    assert found[0].startswith(
        f"{DATONG}:{line_of(project_copy.root / DATONG, 'tkg:sha256 ')}: [evidence] tkr:article-datong-coal-capital: "
        "tkg:sha256 is 44e6"
    )
    assert found[1:] == [
        f"{DATONG}:{line_of(project_copy.root / DATONG, 'tkr:obs-datong-good-air-days-2001 a')}: [evidence] "
        "tkr:obs-datong-good-air-days-2001: span 6000-6034 lies outside the article (0-5954)"
    ]


def test_missing_corpus_is_said_not_hidden(project, tmp_path):
    report, _ = validate(project, tmp_path / "nowhere")
    assert report.ok
    assert report.notes == [
        f"evidence check skipped: no article corpus at {tmp_path / 'nowhere'} (set TKG_CORPUS, or put the texts in "
        "the project's texts/)"
    ]
    assert "evidence spans" not in report.checked
    strict, _ = validate(project, tmp_path / "nowhere", require_texts=True)
    assert [str(p) for p in strict.problems] == [
        f"corpus: [evidence] no article corpus at {tmp_path / 'nowhere'} (set TKG_CORPUS, or put the texts in the "
        "project's texts/)"
    ]


def test_quality_check_queries_report_each_row(project_copy, corpus):
    path = project_copy.root / QITAIHE
    text = path.read_text(encoding="utf-8")
    start = text.index("    tkr:mention-qitaihe-coal-city--heilongjiang a tkg:Mention")
    end = text.index("    tkr:mention-qitaihe-coal-city--china a tkg:Mention")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    report, _ = validate(project_copy, corpus)
    assert lines(report) == [
        "queries/checks/entity-never-mentioned-violation.rq: [queries] Entity that no article mentions: "
        "entity=tkr:heilongjiang",
        "queries/checks/entity-not-mentioned-violation.rq: [queries] Entity used by an article that does not mention "
        "it: "
        "entity=tkr:heilongjiang article=tkr:article-qitaihe-coal-city",
    ]


def test_a_scoped_validation_checks_only_the_graphs_given_and_what_they_rest_on(project_copy, corpus):
    """What promote runs after writing one article: that article's shapes, words and terms, over
    the ontology and shared entities; another article's problems are not its own."""
    path = project_copy.root / QITAIHE
    edit(path, "tkr:qitaihe tkg:locatedIn tkr:heilongjiang", "tkr:qitaihe tkg:locatedIn tkr:heilongjang")
    edit(path, "oa:start 159 ; oa:end 183", "oa:start 160 ; oa:end 183")
    qitaihe, datong = (TKR + "article-qitaihe-coal-city", TKR + "article-datong-coal-capital")
    scoped = {line.split(" [")[1].split("]")[0] for line in lines(validate(project_copy, corpus, graphs={qitaihe})[0])}
    assert scoped == {"shacl", "evidence", "queries"}  # the quality checks read the whole graph
    elsewhere = lines(validate(project_copy, corpus, graphs={datong})[0])
    assert [line for line in elsewhere if "[queries]" not in line] == []
    edit(project_copy.root / "graph" / "shared.trig", "tkr:datong a tkg:City ;", "tkr:datong a tkg:Cty ;")
    assert any(
        "[vocabulary] class tkg:Cty" in line for line in lines(validate(project_copy, corpus, graphs={qitaihe})[0])
    )
