"""`extract` and `new-article`, on articles written for these tests (not the seeds)."""

from __future__ import annotations

import datetime as dt
import re
import shutil

import pytest
from rdflib import Dataset, Graph

from transition_kg.cli import main
from transition_kg.cli import run as cli
from transition_kg.core.errors import COMMAND_LINE, worded
from transition_kg.core.load import load
from transition_kg.core.paths import Project, corpus_dir
from transition_kg.core.texts import ArticleError, ArticleText, read_article
from transition_kg.core.validate import shacl_results, validate
from transition_kg.core.vocab import ONTOLOGY_GRAPH, TKG, TKR
from transition_kg.grow.articles import new_article
from transition_kg.grow.extract import Gazetteer, extract
from transition_kg.grow.extract.text import sentence_spans

from .conftest import ROOT

FENSHUI = (
    "The coal town of Fenshui in Shanxi Province closed its last mine in 2019. Its population fell to nearly "
    "52,000 last year, down 12 percent.\n"
    '"We kept the headframe as a museum," said Ma Lei, director of the heritage office at the Fenshui Mining '
    'Bureau. "Tourists come every weekend."\n'
    "Officials expect over 3 million visitors next spring.\n"
)
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
    return [(c.kind, c.start, c.end, c.exact, dict(sorted(c.props.items()))) for c in candidates]


def test_candidates_with_offsets(fenshui, gazetteer):
    candidates = extract(read_article(fenshui), PUBLISHED, gazetteer)
    for c in candidates:
        assert FENSHUI[c.start : c.end] == c.exact
    shanxi = f"<{TKR.shanxi}>"
    said = {
        "candidateOrganisation": ['"Fenshui Mining Bureau"'],
        "candidateRole": ['"director of the heritage office"'],
        "candidateSpeaker": ['"Ma Lei"'],
    }
    assert found(candidates) == [
        ("CandidateMention", 17, 24, "Fenshui", {"candidateName": ['"Fenshui"']}),
        ("CandidateMention", 28, 43, "Shanxi Province", {"candidateOf": [shanxi]}),
        ("CandidateDate", 68, 72, "2019", {"candidateYear": ['"2019"^^xsd:gYear']}),
        (
            "CandidateObservation",
            97,
            110,
            "nearly 52,000",
            {
                "candidateQualifier": ['"nearly"'],
                "candidateValue": ["52000"],
                "candidateYear": ['"2024"^^xsd:gYear'],
                "yearInferredFrom": ['"last year"'],
            },
        ),
        (
            "CandidateDate",
            111,
            120,
            "last year",
            {"candidateYear": ['"2024"^^xsd:gYear'], "yearInferredFrom": ['"last year"']},
        ),
        (
            "CandidateObservation",
            127,
            137,
            "12 percent",
            {  # "down 12 percent": the change over that same year
                "candidateUnit": ['"percent"'],
                "candidateValue": ["12"],
                "candidateYear": ['"2024"^^xsd:gYear'],
                "yearInferredFrom": ['"last year"'],
            },
        ),
        ("CandidateQuote", 140, 173, "We kept the headframe as a museum", dict(said)),
        ("CandidateMention", 181, 187, "Ma Lei", {"candidateName": ['"Ma Lei"']}),
        (
            "CandidateRole",
            181,
            249,
            "Ma Lei, director of the heritage office at the Fenshui Mining Bureau",
            {
                "candidateOrganisation": ['"Fenshui Mining Bureau"'],
                "candidateRole": ['"director of the heritage office"'],
                "candidateSpeaker": ['"Ma Lei"'],
            },
        ),
        ("CandidateMention", 228, 249, "Fenshui Mining Bureau", {"candidateName": ['"Fenshui Mining Bureau"']}),
        ("CandidateQuote", 252, 280, "Tourists come every weekend.", dict(said)),  # the same speaker, went on
        (
            "CandidateObservation",
            299,
            322,
            "over 3 million visitors",
            {
                "candidateCounted": ['"visitors"'],
                "candidateQualifier": ['"over"'],
                "candidateScale": ['"million"'],
                "candidateUnit": ['"count"'],
                "candidateValue": ["3000000"],
                "candidateYear": ['"2026"^^xsd:gYear'],
                "yearInferredFrom": ['"next spring"'],
            },
        ),
        (
            "CandidateDate",
            323,
            334,
            "next spring",
            {"candidateYear": ['"2026"^^xsd:gYear'], "yearInferredFrom": ['"next spring"']},
        ),
    ]


def test_value_of_the_hedged_number(fenshui, gazetteer):
    first = next(c for c in extract(read_article(fenshui), PUBLISHED, gazetteer) if c.kind == "CandidateObservation")
    assert first.props["candidateValue"] == ["52000"] and "candidateUnit" not in first.props


def test_chinese_labels_are_found(tmp_path, gazetteer):
    path = tmp_path / "zh.txt"
    path.write_text("七台河 is a coal city in Heilongjiang.\n", encoding="utf-8")
    mentions = [
        (c.exact, c.props["candidateOf"])
        for c in extract(read_article(path), PUBLISHED, gazetteer)
        if "candidateOf" in c.props
    ]
    assert mentions == [("七台河", [f"<{TKR.qitaihe}>"]), ("Heilongjiang", [f"<{TKR.heilongjiang}>"])]


def test_draft_parses_passes_the_candidate_shapes_and_leaves_graph_alone(fenshui, project, tmp_path, capsys):
    before = {p: p.read_bytes() for p in project.files().graphs}
    draft = tmp_path / "draft.trig"
    assert (
        cli(["--project", str(project.root), "extract", str(fenshui), "--published", "2025-06-15", "-o", str(draft)])
        == 0
    )
    assert capsys.readouterr().out == (
        f"wrote {draft}: 3 CandidateDate, 4 CandidateMention, "
        "3 CandidateObservation, 2 CandidateQuote, 1 CandidateRole\n"
    )
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


def test_a_refused_draft_names_its_option_and_the_fix(loaded, tmp_path):
    """Library errors carry the option and the fix; the command line words them as flags."""
    from transition_kg.grow.extract import check_output

    draft = tmp_path / "draft.trig"
    draft.write_text("mine", encoding="utf-8")
    with pytest.raises(ArticleError) as refused:
        check_output(loaded, tmp_path / "a.txt", draft)
    assert worded(refused.value, COMMAND_LINE) == f"--output {draft}: already exists and is not replaced (pass --force)"
    assert str(refused.value) == f"output='{draft}': already exists and is not replaced (pass force=…)"
    with pytest.raises(ArticleError) as refused:
        check_output(loaded, draft, draft, force=True)
    assert worded(refused.value, COMMAND_LINE) == (
        f"--output {draft}: that is the article itself; write the draft to another file"
    )


def test_text_without_facts_gives_an_empty_draft(tmp_path, gazetteer):
    path = tmp_path / "calm.txt"
    path.write_text("the weather was pleasant and nothing happened.\n", encoding="utf-8")
    assert extract(read_article(path), PUBLISHED, gazetteer) == []


@pytest.mark.parametrize(
    "content, message",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "{path}: a binary file, not article text"),
        (b"caf\xe9 au lait\n", "{path}:1: not UTF-8 text (byte 3)"),
    ],
)
def test_binary_and_non_utf8_files_are_clear_errors(tmp_path, project, capsys, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(SystemExit) as exited:
        main(
            [
                "--project",
                str(project.root),
                "extract",
                str(path),
                "--published",
                "2025-01-01",
                "-o",
                str(tmp_path / "d.trig"),
            ]
        )
    assert exited.value.code == 2
    assert capsys.readouterr().err == "transition-kg: " + message.format(path=path) + "\n"
    assert not (tmp_path / "d.trig").exists()


def test_new_article_registers_and_validates(project_copy, tmp_path, monkeypatch, capsys):
    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_dir(Project(ROOT)), corpus)
    (corpus / "fenshui.txt").write_text(FENSHUI, encoding="utf-8")
    monkeypatch.setenv("TKG_CORPUS", str(corpus))
    assert (
        cli(
            [
                "--project",
                str(project_copy.root),
                "new-article",
                str(corpus / "fenshui.txt"),
                "--published",
                "2025-06-15",
                "--title",
                "Fenshui keeps its headframe",
            ]
        )
        == 0
    )
    assert (
        capsys.readouterr().out
        == f"wrote graph/articles/fenshui-keeps-its-headframe.trig in the project {project_copy.root}\n"
    )
    report, loaded = validate(project_copy)
    assert report.ok, [str(p) for p in report.problems]
    article = TKR["article-fenshui-keeps-its-headframe"]
    assert str(loaded.dataset.value(article, TKG.published)) == "2025-06-15"
    with pytest.raises(ArticleError) as refused:
        new_article(project_copy, corpus / "fenshui.txt", "2025-06-15", "Fenshui keeps its headframe")
    assert worded(refused.value, COMMAND_LINE) == (
        "graph/articles/fenshui-keeps-its-headframe.trig: already exists; give the article another title (pass --title)"
    )
    with pytest.raises(ArticleError) as refused:
        new_article(project_copy, corpus / "fenshui.txt", "15/06/2025", "Other")
    assert worded(refused.value, COMMAND_LINE) == "--published 15/06/2025: not a date (YYYY-MM-DD)"
    assert str(refused.value) == "published='15/06/2025': not a date (YYYY-MM-DD)"


def test_new_article_and_extract_name_the_article_alike_and_drafts_read_well(project_copy, tmp_path):
    """One identity: extract reads the registration new-article wrote (or makes the same one);
    each candidate comes after its sentence with its words marked, and values read as written."""
    from transition_kg.cli import run as cli

    text = tmp_path / "beishan.txt"
    text.write_text("Beishan, a small coal town, spent 6.3 billion yuan on roads last year.\n", encoding="utf-8")
    base = ["--project", str(project_copy.root)]
    assert cli(base + ["extract", str(text), "--published", "2025-03-01", "-o", str(tmp_path / "before.trig")]) == 0
    assert (
        cli(base + ["new-article", str(text), "--published", "2025-03-01", "--title", "Beishan paves its roads"]) == 0
    )
    assert cli(base + ["extract", str(text), "--published", "2025-03-01", "-o", str(tmp_path / "after.trig")]) == 0
    before, after = ((tmp_path / n).read_text(encoding="utf-8") for n in ("before.trig", "after.trig"))
    assert "oa:hasSource tkr:article-beishan-a-small-coal-town-spent-6-3 ;" in before  # as new-article would name it
    assert "oa:hasSource tkr:article-beishan-paves-its-roads ;" in after  # as new-article did name it
    assert 'dcterms:title "Beishan paves its roads"' in after
    assert "    # Beishan, a small coal town, spent «6.3 billion yuan» on roads last year.\n" in after
    assert (
        "    # «Beishan», a small coal town, spent 6.3 billion yuan on roads last year.\n" in after
    )  # a name opening it
    assert "tkg:candidateValue 6300000000 ;" in after and "6300000000.0" not in after


def test_a_candidate_pasted_into_the_graph_is_refused(project_copy, corpus):
    from transition_kg.core.validate import validate

    path = project_copy.graph_dir / "articles" / "qitaihe-coal-city.trig"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "    # Claims:",
            """    tkr:candidate-x a tkg:CandidateObservation ; tkg:candidateStatus "accepted" ;
        tkg:evidence [ a oa:SpecificResource ; oa:hasSource tkr:article-qitaihe-coal-city ;
            oa:hasSelector [ a oa:TextPositionSelector ; oa:start 159 ; oa:end 183 ] ,
                           [ a oa:TextQuoteSelector ; oa:exact "this city of 700,000 now" ] ] .
    # Claims:""",
            1,
        ),
        encoding="utf-8",
    )
    report, _ = validate(project_copy, corpus)
    assert [str(p) for p in report.problems if "candidate" in str(p).lower()] == [
        "queries/checks/candidate-in-graph-violation.rq: [queries] A candidate in the graph: candidate=tkr:candidate-x "
        "kind=tkg:CandidateObservation graph=tkr:article-qitaihe-coal-city"
    ]


# --- reading real news: the failures a new user met, one sentence each ---------------------------


def candidates_of(text: str, gazetteer, published=PUBLISHED, tmp=None):
    from pathlib import Path

    return extract(ArticleText(Path("snippet.txt"), text, ""), published, gazetteer)


def numbers(text, gazetteer):
    return [
        (
            c.exact,
            c.props["candidateValue"][0],
            (c.props.get("candidateUnit") or ["-"])[0].strip('"'),
            (c.props.get("candidateQualifier") or ["-"])[0].strip('"'),
        )
        for c in candidates_of(text, gazetteer)
        if c.kind == "CandidateObservation"
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The state promised €17.2bn, and the city adds another €1.2bn.",
            [("€17.2bn", "17200000000", "euro", "-"), ("€1.2bn", "1200000000", "euro", "-")],
        ),
        (
            "PGG received 7 billion złoty, up from 2.8bn zł.",
            [("7 billion złoty", "7000000000", "złoty", "-"), ("2.8bn zł", "2800000000", "złoty", "-")],
        ),
        (
            "The lab cost 85 million euros and a $3.5 million grant.",
            [("85 million euros", "85000000", "euro", "-"), ("$3.5 million", "3500000", "US dollar", "-")],
        ),
        (
            "She is one of two dozen graduates; a third of them are women.",
            [
                ("two dozen graduates", "24", "count", "-"),
                ("a third", "0.3333333333333333333333333333", "fraction", "-"),
            ],
        ),
        ("Nearly half of its students are miners.", [("Nearly half", "0.5", "fraction", "nearly")]),
        (
            "It will bring two hundred tech jobs and fifteen companies.",
            [("two hundred tech jobs", "200", "count", "-"), ("fifteen companies", "15", "count", "-")],
        ),
        (
            "Output fell to between 8 and 9 million tonnes.",
            [
                ("between 8 and 9 million tonnes", "8000000", "tonne", "between"),
                ("between 8 and 9 million tonnes", "9000000", "tonne", "between"),
            ],
        ),
        (
            "The plant employs 1,200 to 1,500 workers and pays 4,000-6,000 yuan a month.",
            [
                ("1,200 to 1,500 workers", "1200", "count", "-"),
                ("1,200 to 1,500 workers", "1500", "count", "-"),
                ("4,000-6,000 yuan", "4000", "yuan", "-"),
                ("4,000-6,000 yuan", "6000", "yuan", "-"),
            ],
        ),
        (
            "Roughly 40 percent goes to Cottbus; some 15 percent, barely 60% and fewer than 5,000 new industrial jobs "
            "remain.",
            [
                ("Roughly 40 percent", "40", "percent", "roughly"),
                ("some 15 percent", "15", "percent", "some"),
                ("barely 60%", "60", "percent", "barely"),
                ("fewer than 5,000 new industrial jobs", "5000", "count", "fewer than"),
            ],
        ),
        ("They drove on Route 52 with the Sierpień 80 union to COP24 under the Five-Year Plan two years ago.", []),
        (
            "A 486-megawatt park cost A$1.9 billion and ₹24,750 crore.",
            [
                ("486-megawatt", "486", "megawatt", "-"),
                ("A$1.9 billion", "1900000000", "Australian dollar", "-"),
                ("₹24,750 crore", "247500000000", "rupee", "-"),
            ],
        ),
        (  # "X-based" says where a firm is based, not where the story is: no vote for Jamaica's dollar
            "A Kingston-based developer will spend $40 million on the old mine site.",
            [("$40 million", "40000000", "US dollar", "-")],
        ),
    ],
)
def test_numbers_as_news_writes_them(text, expected, gazetteer):
    assert numbers(text, gazetteer) == expected


def test_the_year_of_the_clause_not_of_the_sentence(gazetteer):
    years = {
        c.exact: c.props.get("candidateYear", ["-"])[0].split("^")[0].strip('"')
        for c in candidates_of(
            "The population fell to 111,000 last year, down from 134,000 in 2011. "
            "Coal jobs peaked at more than 130,000 in 1948; fewer than 14,000 miners work today. "
            "When the plant shuts in 2028, about 1,800 jobs will go.",
            gazetteer,
        )
        if c.kind == "CandidateObservation"
    }
    assert years == {
        "111,000": "2024",
        "134,000": "2011",
        "more than 130,000": "1948",
        "fewer than 14,000 miners": "2025",
        "about 1,800 jobs": "2028",
    }


def test_relative_dates_and_dated_months(gazetteer):
    dates = [
        (c.exact, c.props["candidateYear"][0].split("^")[0].strip('"'))
        for c in candidates_of(
            "In December 2018 the mine shut. Two years ago a plan came; this summer it starts. "
            "The last pit closed in 1989. Thirty-five years later, it is a museum.",
            gazetteer,
        )
        if c.kind == "CandidateDate"
    ]
    assert dates == [
        ("2018", "2018"),
        ("Two years ago", "2023"),
        ("this summer", "2025"),
        ("1989", "1989"),
        ("Thirty-five years later", "2024"),
    ]


def names(text, gazetteer):
    return [
        (c.props.get("candidateName") or [c.exact])[0].strip('"')
        for c in candidates_of(text, gazetteer)
        if c.kind == "CandidateMention"
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Jürgen Weiß worked in Spree-Neiße near Görlitz and Jänschwalde.",
            ["Jürgen Weiß", "Spree-Neiße", "Görlitz", "Jänschwalde"],
        ),
        (
            "Dresden and Berlin compete with the Hegang Development and Reform Commission.",
            ["Dresden", "Berlin", "Hegang Development and Reform Commission"],
        ),
        (
            "When Prosper-Haniel closed, Mayor Matthias Kern spoke of Poland's plan and of LEAG and COP24.",
            ["Prosper-Haniel", "Matthias Kern", "Poland", "LEAG", "COP24"],
        ),
        (
            "A team from Harbin Institute of Technology visited Germany's Lusatia.",
            ["Harbin Institute of Technology", "Germany", "Lusatia"],
        ),
        ("Beishan, a small coal town, waits. Housing is cheap. Locally, nobody minds.", ["Beishan"]),
        (
            "RYBNIK, Poland — The Polish government met the Swiss-owned Prodeco in No. 3 Street.",
            ["Rybnik", "Poland", "Prodeco", "No. 3 Street"],
        ),
    ],
)
def test_names_as_news_writes_them(text, expected, gazetteer):
    assert names(text, gazetteer) == expected


def speakers(text, gazetteer):
    return [
        (c.exact, *(c.props.get(p, ["-"])[0].strip('"') for p in ("candidateSpeaker", "candidateRole")))
        for c in candidates_of(text, gazetteer)
        if c.kind == "CandidateQuote"
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            'Tasha Hatfield drove a truck.\n\n"I never thought I would sit at a desk," she said.',
            [("I never thought I would sit at a desk", "Tasha Hatfield", "-")],
        ),
        (
            'Dwayne Blevins runs it.\n\n"We are not replacing jobs with coders," Blevins said.',
            [("We are not replacing jobs with coders", "Dwayne Blevins", "-")],
        ),
        (
            '"People here are not scared of hard work," a local pastor said.',
            [("People here are not scared of hard work", "a local pastor", "-")],
        ),
        (
            "„We have no time to lose,“ said Mayor Katrin Möller. „Every year counts.“",
            [("We have no time to lose", "Katrin Möller", "Mayor"), ("Every year counts.", "Katrin Möller", "Mayor")],
        ),
        (
            "«We did this before,» said Anna Wójcik, deputy marshal of the region. «Nobody had a plan.\n\n"
            "«This time we have a fund.»",
            [
                ("We did this before", "Anna Wójcik", "deputy marshal"),
                ("Nobody had a plan.", "Anna Wójcik", "deputy marshal"),
                ("This time we have a fund.", "Anna Wójcik", "deputy marshal"),
            ],
        ),
        (
            'José Luis Ariza, a former truck driver, retrained. "I earn less," he said.',
            [("I earn less", "José Luis Ariza", "former truck driver")],
        ),
        ('The town is known as "the coal capital" here.', []),
        (  # the one told (an outlet) is not who "she" is
            'Mayor Anna Kowalczyk told Radio Silesia on Monday that the town wants a fund.\n\n"We paid," she said.',
            [("We paid", "Anna Kowalczyk", "Mayor")],
        ),
        (  # an honorific with its stop is the title of the name after it, cut at "of" before a body's name
            "Prof. Lena Marsh of Tarrow Valley University said jobs would be few.\n\n"
            '"Farming will decide it," Prof. Marsh said.',
            [("Farming will decide it", "Lena Marsh", "Prof.")],
        ),
        (  # a quote over paragraphs with no speech tag, after a paragraph reporting a person's speech
            "Tom Reyes, secretary of the Hill Workers Union, wrote a letter.\n\n"
            "Speaking on Monday, Mr. Reyes said the union would strike.\n\n"
            '"A loader breathes the same dust.\n\n"A loan is no settlement."\n\nThe town is quiet.',
            [
                ("A loader breathes the same dust.", "Tom Reyes", "secretary"),
                ("A loan is no settlement.", "Tom Reyes", "secretary"),
            ],
        ),
        ('The mine closed.\n\n"A loader breathes the same dust."', [("A loader breathes the same dust.", "-", "-")]),
        (  # a title the lexicon does not know, before a name the text then calls by its last word
            "Regional Transport MEC Thabo Ndlela said on Monday that buses would run.\n\n"
            '"The money is ring-fenced," Ndlela said.',
            [("The money is ring-fenced", "Thabo Ndlela", "Regional Transport MEC")],
        ),
    ],
)
def test_speakers_as_news_writes_them(text, expected, gazetteer):
    assert speakers(text, gazetteer) == expected


def test_extraction_meets_its_targets_on_articles_written_for_it(gazetteer):
    """The articles in tests/articles (and held-out/, written after the rules): precision and
    recall per kind against what a reader listed before extract ran (benchmarks/extraction.py
    prints them all)."""
    from benchmarks.extraction import ARTICLES, FLOORS, Tally, own_articles

    for folder in (ARTICLES, ARTICLES / "held-out", ARTICLES / "fresh"):
        total = Tally()
        for tally, _ in own_articles(gazetteer, folder).values():
            total += tally
        for kind, (want_precision, want_recall) in FLOORS.items():
            precision, recall = total.ratios(kind)
            assert precision >= want_precision and recall >= want_recall, (folder.name, kind, precision, recall)
        assert total.rows["numbers"][1] >= 14 and total.rows["speakers"][1] >= 9 and total.rows["entities"][1] >= 25


def test_crlf_a_bom_and_decomposed_letters_keep_offsets_exact(tmp_path, gazetteer):
    """The same article saved with Windows line ends, a byte-order mark and decomposed
    umlauts: every candidate's words are still at its offsets, and the same things are found."""
    import unicodedata

    from benchmarks.extraction import ARTICLES

    plain = (ARTICLES / "lausitz.txt").read_text(encoding="utf-8")
    path = tmp_path / "lausitz-windows.txt"
    path.write_bytes(b"\xef\xbb\xbf" + unicodedata.normalize("NFD", plain).replace("\n", "\r\n").encode("utf-8"))
    article = read_article(path)
    odd = extract(article, dt.date(2025, 3, 12), gazetteer)
    for c in odd:
        assert article.text[c.start : c.end] == c.exact
    path.write_text(plain, encoding="utf-8")
    usual = extract(read_article(path), dt.date(2025, 3, 12), gazetteer)
    seen = lambda cs: sorted((c.kind, unicodedata.normalize("NFC", c.exact).strip()) for c in cs)
    assert seen(odd) == seen(usual)


# --- issue 30: news as newsrooms write it -------------------------------------------------------


def year_of(c) -> str:
    """A candidate's year as "2024", its period as "2020-2025", or "-"."""
    plain = lambda name: c.props[name][0].split("^")[0].strip('"')
    if "startYear" in c.props:
        return f"{plain('startYear')}-{plain('endYear')}"
    return plain("candidateYear") if "candidateYear" in c.props else "-"


def years(text: str, gazetteer, published=PUBLISHED, kind: str | None = "CandidateObservation") -> dict[str, str]:
    """Each candidate's words and its year (:func:`year_of`): of one kind, or of every kind but mentions (None)."""
    return {
        c.exact: year_of(c)
        for c in candidates_of(text, gazetteer, published)
        if (c.kind == kind if kind else c.kind != "CandidateMention")
    }


@pytest.mark.parametrize(
    "text, published, expected",
    [
        (  # a time after the number, reached without a pause, even a target ("by 2030")
            "Officials want the city to earn 40 percent of its output from wind and solar by 2030.",
            PUBLISHED,
            {"40 percent": "2030"},
        ),
        (  # across a pause into a clause that describes the number
            "He said a payment of 180,000 yuan per household, set last December, was too low.",
            dt.date(2025, 9, 29),
            {"180,000 yuan": "2024"},
        ),
        (  # a dateline's date is when the story was filed, not when its numbers held
            "ORDOS, Inner Mongolia, Sept. 29 (Xinhua) -- Excavators load 30 million tonnes of coal a year.",
            dt.date(2025, 9, 29),
            {"30 million tonnes": "-"},
        ),
        (  # "…, and earned": the clause goes on from the time the sentence gave
            "Exports reached 56 million tonnes in 2023, the ministry said, and earned about $9 billion.",
            PUBLISHED,
            {"56 million tonnes": "2023", "about $9 billion": "2023"},
        ),
        (  # "over the same period": from the earliest time the sentence gave until now
            "Staff fell to 21,000 from 24,000 five years ago, while output grew by more than 40 per cent "
            "over the same period.",
            PUBLISHED,
            {"24,000": "2020", "more than 40 per cent": "2020-2025"},
        ),
        (  # a quarter: the last one ended; ", to …" goes on from the time before it
            "Unemployment stood at 32.6% in the fourth quarter. Shipments dropped 5pc in the year to January, "
            "to 90 million tonnes.",
            dt.date(2025, 2, 26),
            {"32.6%": "2024", "5pc": "2025", "90 million tonnes": "2025"},
        ),
        (  # a span of decades holds for no year; ", to about …" after "since" is not that year
            "The pit has fed the plant for almost five decades and will close by 2030. The population has fallen "
            "by roughly one in ten since 1981, to about 67,000.",
            PUBLISHED,
            {"almost five decades": "-", "about 67,000": "-"},
        ),
        (
            "House prices fell 4pc in the 12 months to April. The fund held Rs 3,400 crore as of March.",
            dt.date(2025, 12, 5),
            {"4pc": "2025", "Rs 3,400 crore": "2025"},
        ),
        (  # ", from … to …" after a clause with a period: its start and its end, though another figure came first
            "The mill's payroll shrank by about a third between 2018 and 2023, from 1,400 workers to 950 workers, "
            "the union said.",
            PUBLISHED,
            {"about a third": "2018-2023", "1,400 workers": "2018", "950 workers": "2023"},
        ),
    ],
)
def test_the_year_of_a_number_from_its_clause_its_sentence_or_a_period(text, published, expected, gazetteer):
    found = years(text, gazetteer, published)
    assert {exact: found.get(exact) for exact in expected} == expected


@pytest.mark.parametrize(
    "text, published, exact, year",
    [
        ("A fund would open in the spring.", dt.date(2025, 1, 20), "in the spring", "2025"),
        ("The mill closed in the autumn.", dt.date(2025, 1, 20), "in the autumn", "2024"),
        ("PRETORIA, South Africa, Feb 26 (Reuters) - Work began.", dt.date(2025, 2, 26), "Feb 26", "2025"),
        ("Prices fell in the year to June.", dt.date(2025, 8, 1), "to June", "2025"),
        ("It had money as of March.", dt.date(2025, 12, 5), "as of March", "2025"),
    ],
)
def test_seasons_month_abbreviations_and_as_of(text, published, exact, year, gazetteer):
    found = [
        year_of(c) for c in candidates_of(text, gazetteer, published) if c.kind == "CandidateDate" and c.exact == exact
    ]
    assert found == [year]


@pytest.mark.parametrize(
    "text, published, kind, exact, props",
    [
        ("The 600MW plant opened.", PUBLISHED, "CandidateObservation", "600MW", {"candidateUnit": ['"megawatt"']}),
        ("Wages make up 60pc of income.", PUBLISHED, "CandidateObservation", "60pc", {"candidateUnit": ['"percent"']}),
        (
            "Three in every 10 jobs remain.",
            PUBLISHED,
            "CandidateObservation",
            "Three in every 10",
            {"candidateValue": ["0.3"]},
        ),
        ("The R2.3bn project is done.", PUBLISHED, "CandidateObservation", "R2.3bn", {"candidateUnit": ['"rand"']}),
        (
            "It paid Rs 1,240 crore.",
            PUBLISHED,
            "CandidateObservation",
            "Rs 1,240 crore",
            {"candidateValue": ["12400000000"]},
        ),
        (
            "It paid (about 440 million U.S. dollars) in tax.",
            PUBLISHED,
            "CandidateObservation",
            "about 440 million U.S. dollars",
            {"candidateUnit": ['"US dollar"']},
        ),
        (
            "They shipped 500,000 pounds of vegetables.",
            PUBLISHED,
            "CandidateObservation",
            "500,000 pounds",
            {"candidateUnit": ['"pound mass"']},
        ),
        (
            "MACKAY, Queensland — Brisbane will spend $310 million in Queensland.",
            PUBLISHED,
            "CandidateObservation",
            "$310 million",
            {"candidateUnit": ['"Australian dollar"']},
        ),
        (
            "TAIYUAN, Feb. 12 (Xinhua) -- Work began.",
            dt.date(2025, 2, 12),
            "CandidateDate",
            "Feb. 12",
            {"candidateYear": ['"2025"^^xsd:gYear']},
        ),
        (
            "Hearings will be held on 9 November.",
            dt.date(2025, 11, 3),
            "CandidateDate",
            "9 November",
            {"candidateYear": ['"2025"^^xsd:gYear']},
        ),
        (
            "She signed it last October.",
            dt.date(2025, 2, 12),
            "CandidateDate",
            "last October",
            {"candidateYear": ['"2024"^^xsd:gYear']},
        ),
        (
            "The firm will decide by March.",
            dt.date(2025, 9, 15),
            "CandidateDate",
            "by March",
            {"candidateYear": ['"2026"^^xsd:gYear']},
        ),
        (
            "He spoke on Friday.",
            dt.date(2025, 1, 1),
            "CandidateDate",
            "on Friday",
            {"candidateYear": ['"2024"^^xsd:gYear']},
        ),
        (
            "It closed 14 mines in the past three years.",
            PUBLISHED,
            "CandidateDate",
            "in the past three years",
            {"startYear": ['"2022"^^xsd:gYear'], "endYear": ['"2025"^^xsd:gYear']},
        ),
        (
            "It closed 14 mines in the past three years, cutting about 9,000 jobs.",
            PUBLISHED,
            "CandidateObservation",
            "about 9,000 jobs",
            {"startYear": ['"2022"^^xsd:gYear'], "endYear": ['"2025"^^xsd:gYear']},
        ),
        (
            "Output fell to 18.2 million tonnes in 2024, down from 26.5 million tonnes two years earlier.",
            PUBLISHED,
            "CandidateObservation",
            "26.5 million tonnes",
            {"candidateYear": ['"2022"^^xsd:gYear']},
        ),
    ],
)
def test_numbers_and_dates_as_newsrooms_write_them(text, published, kind, exact, props, gazetteer):
    found = [c for c in candidates_of(text, gazetteer, published) if c.kind == kind and c.exact == exact]
    assert found, [(c.kind, c.exact) for c in candidates_of(text, gazetteer, published)]
    assert text[found[0].start : found[0].end] == exact
    assert {k: v for k, v in found[0].props.items() if k in props} == props


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            'Tom Feeney, the resources spokesman, said the plan offers "too little, too late" for workers.',
            [("too little, too late", "Tom Feeney", "resources spokesman")],
        ),
        (
            'Jaime Andrés Ospina Vélez, president of the Sintracarbón union, spoke. "We want retraining," Ospina said.',
            [("We want retraining", "Jaime Andrés Ospina Vélez", "president")],
        ),
        (
            'Mines and Energy Minister Camilo Rojas Arango said the fund will open "before the first truck stops".',
            [("before the first truck stops", "Camilo Rojas Arango", "Mines and Energy Minister")],
        ),
        (
            "Luz Dary Epiayú Pushaina, a Wayuu leader, has spent years in court.\n\n"
            '"They tell us the water will come back," she told El Heraldo. "We have heard that before.\n\n'
            '"Nobody has shown us a map."',
            [
                ("They tell us the water will come back", "Luz Dary Epiayú Pushaina", "Wayuu leader"),
                ("We have heard that before.", "Luz Dary Epiayú Pushaina", "Wayuu leader"),
                ("Nobody has shown us a map.", "Luz Dary Epiayú Pushaina", "Wayuu leader"),
            ],
        ),
        (  # one name and an age is a person, and "he" is the last person named
            "Gao Jun, a vice mayor, spoke first. Tsetseg, 67, who uses one name, said the payment was low. "
            '"The grass is gone," he said.',
            [("The grass is gone", "Tsetseg", "-")],
        ),
        (  # a surname is the full name written before it, even after a preposition
            'For Rajesh Kumar Nayak, the choice was simple.\n\n"I stayed because of my father," said Nayak, 27.',
            [("I stayed because of my father", "Rajesh Kumar Nayak", "-")],
        ),
        (  # a surname with a particle, and a role in lower case before the name
            "Vostok Coal shut a pit. Vostok Coal chief executive Pieter de Villiers spoke on Monday. "
            'De Villiers said the plan offers "a bridge for our people".',
            [("a bridge for our people", "Pieter de Villiers", "chief executive")],
        ),
        (  # an organisation that opens the sentence speaks
            "The Swiss-owned Glencore, which runs the pit, said in a statement it would keep digging "
            '"while anyone still buys coal".',
            [("while anyone still buys coal", "Glencore", "-")],
        ),
        (  # "the prime minister wrote": the person given that title
            "Prime Minister Adam Nowak visited in May. Protests followed. "
            'The prime minister wrote that the closure "must be fair to every family".',
            [("must be fair to every family", "Adam Nowak", "Prime Minister")],
        ),
        (
            'Local estate agent Jo Baxter said buyers were back. "Nobody looked at a house here," she said.',
            [("Nobody looked at a house here", "Jo Baxter", "Local estate agent")],
        ),
        (  # a name with an apostrophe is a person's, and "she" is her
            "Mayor Tom Reid opened the hall in Bathurst. Kate O'Brien, a shift nurse at the clinic, stayed behind."
            '\n\n"We need the beds more than the hall," she said.',
            [("We need the beds more than the hall", "Kate O'Brien", "shift nurse")],
        ),
        (  # "van der" inside a name; a role of two occupations' words
            'Acme Mining chief executive Johan van der Berg called the plan "a fair start for everyone here". '
            'Anna Lis, deputy mayor of Konin, said the town "cannot wait for Warsaw".',
            [
                ("a fair start for everyone here", "Johan van der Berg", "chief executive"),
                ("cannot wait for Warsaw", "Anna Lis", "deputy mayor"),
            ],
        ),
    ],
)
def test_speakers_and_roles_from_the_whole_article(text, expected, gazetteer):
    assert speakers(text, gazetteer) == expected


def test_a_role_after_its_gives_the_person_and_the_body_named_over_commas(gazetteer):
    """ "Its <Place> regional secretary, X, said": X (no name opens on "Its"), of the body "Its" refers to, whose
    name runs over a list's commas after "The"."""
    text = (
        "The Food, Beverage and Allied Workers' Union (Fbawu) said it had not been consulted. "
        'Its Cape regional secretary, Sipho Dlamini, said: "We have heard it before."'
    )
    quote = next(c for c in candidates_of(text, gazetteer) if c.kind == "CandidateQuote")
    assert {p: quote.props[p][0].strip('"') for p in ("candidateSpeaker", "candidateOrganisation")} == {
        "candidateSpeaker": "Sipho Dlamini",
        "candidateOrganisation": "Food, Beverage and Allied Workers' Union",
    }


def test_an_organisation_stops_before_how_long(gazetteer):
    text = 'Piet Vos, a welder at Kriel for 30 years, said: "The work is still here, for now."'
    found = [c for c in candidates_of(text, gazetteer) if c.kind == "CandidateQuote"]
    assert [c.props.get("candidateOrganisation") for c in found] == [['"Kriel"']]


def test_names_stop_at_weekdays_and_keep_x_based(gazetteer):
    got = names(
        "Later on Tuesday, the Spain-based Ventos Ibéricos met Xinhua on Monday. With 900 people, TV came.", gazetteer
    )
    assert "Ventos Ibéricos" in got and "Spain" in got and "Xinhua" in got
    assert not [n for n in got if "Tuesday" in n or "Monday" in n or n in ("TV", "900")]


def test_extract_stays_linear_in_the_text(gazetteer):
    """8 kB of comma-separated numbers in well under a second (it took 47 s before issue 30)."""
    import time

    text = ", ".join(str(i) for i in range(3000))[:8000]
    began = time.perf_counter()
    candidates_of(text, gazetteer)
    assert time.perf_counter() - began < 1.5


def test_extract_time_grows_with_the_text_not_its_square(gazetteer):
    """Four times the text takes about four times as long (a quadratic extract takes sixteen):
    50 kB and 200 kB of comma-separated numbers, the worst case of one long sentence."""
    import time

    def seconds(size: int) -> float:
        text = ", ".join(str(i * 7) for i in range(size // 4))[:size]
        began = time.perf_counter()
        candidates_of(text, gazetteer)
        return time.perf_counter() - began

    small, large = seconds(50_000), seconds(200_000)
    assert large < 7 * small, (small, large)


def test_extract_of_many_articles_grows_with_the_text_not_its_square(gazetteer):
    """All the test articles joined once and four times over: four times the quotes, speakers and names take
    under six times as long (each speaker's mentions were searched for in the whole text once per quote:
    3.6 s, 11 s and 39 s for 71, 143 and 286 kB). The fastest of two runs of each, against a busy machine."""
    import time

    from benchmarks.extraction import ARTICLES

    articles = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted(ARTICLES.rglob("*.txt")))

    def seconds(times: int) -> float:
        text = "\n\n".join([articles] * times)
        runs = []
        for _ in range(2):
            began = time.perf_counter()
            candidates_of(text, gazetteer)
            runs.append(time.perf_counter() - began)
        return min(runs)

    small, large = seconds(1), seconds(4)
    assert large < 6 * small, (small, large)


# --- issue 30, round 4: "since" periods, clauses, "the view of", roles without a title -----------


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "since 2020": the number holds for the period from then until publication
            "The town has spent R90 million on clinics since 2020.",
            {"R90 million": "2020-2025"},
        ),
        (  # "…and that…" opens a clause of its own: the "since" of the one before does not reach it
            "She said 2,400 homes had been rebuilt since 2016 and that fewer than one in ten were occupied.",
            {"2,400 homes": "2016-2025", "fewer than one in ten": "-"},
        ),
        (  # "sent to", "came from": not a clause's end, so the number keeps the year after it
            "The office wrote in a report sent to Parliament in March that 35% of jobs still came from mining in 2022.",
            {"35%": "2022"},
        ),
        (  # "up from …" is a change over the time of the clause before
            "Hiring rose 4% in the second quarter, up from 3.1 percent in the first.",
            {"4%": "2025", "3.1 percent": "2025"},
        ),
    ],
)
def test_since_periods_and_clauses_that_do_not_end_at_to_or_from(text, expected, gazetteer):
    found = years(text, gazetteer)
    assert {exact: found.get(exact) for exact in expected} == expected


def organised(text, gazetteer):
    return [
        (
            c.exact,
            *(
                c.props.get(p, ["-"])[0].strip('"')
                for p in ("candidateSpeaker", "candidateRole", "candidateOrganisation")
            ),
        )
        for c in candidates_of(text, gazetteer)
        if c.kind == "CandidateQuote"
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "That was also the view of X, a …, who said …": X is a person, and the "she" after it
            'Jan Novak, a miner, spoke first. "We need work," he said.\n\n'
            "That was also the view of Marta Kos, a teacher at the Brzeszcze school, who said classes had shrunk. "
            '"I see fewer children each year," she said.',
            [
                ("We need work", "Jan Novak", "miner", "-"),
                ("I see fewer children each year", "Marta Kos", "teacher", "Brzeszcze"),
            ],
        ),
        (  # "Y's <role> for <what>, X,": the whole role, and Y the organisation
            "Vostok's senior vice president for mining operations, Lerato Dube, called the deal "
            '"a fair bargain for the town".',
            [("a fair bargain for the town", "Lerato Dube", "senior vice president for mining operations", "Vostok")],
        ),
        (  # a former role, with an article and no title
            'Sunita Devi, a former loader at the Kusunda colliery, runs a shop. "The shop pays less," she said.\n\n'
            'Rosa Díaz, a former lamp-room attendant, now runs a café. "Nobody comes up here," she said.',
            [
                ("The shop pays less", "Sunita Devi", "former loader", "Kusunda colliery"),
                ("Nobody comes up here", "Rosa Díaz", "former lamp-room attendant", "-"),
            ],
        ),
        (  # any role written with an article ("a shot-firer"), but not what a person is to others ("a mother")
            'Dmitri Orlov, a former shot-firer at the Lenin colliery, retired early. "The pit was our life," he said.'
            '\n\nOlga Petrova, a mother of three, stayed. "We had nowhere to go," she said.',
            [
                ("The pit was our life", "Dmitri Orlov", "former shot-firer", "Lenin colliery"),
                ("We had nowhere to go", "Olga Petrova", "-", "-"),
            ],
        ),
    ],
)
def test_the_view_of_and_roles_from_appositions(text, expected, gazetteer):
    assert organised(text, gazetteer) == expected


@pytest.mark.parametrize(
    "text, wanted, unwanted",
    [
        (
            "LITHGOW, NSW, Nov 3 (AAP) - The Embalenhle Residents' Forum met Hennie de Klerk. Mr De Klerk left.",
            ["Embalenhle Residents' Forum", "Hennie de Klerk"],
            ["Nov 3", "De Klerk", "Forum", "Embalenhle Residents"],
        ),
        ("The state plans to add 20,000 MW of solar and 3 GW of wind.", [], ["MW", "GW"]),
    ],
)
def test_names_without_month_days_units_or_a_surname_said_again(text, wanted, unwanted, gazetteer):
    got = names(text, gazetteer)
    assert all(n in got for n in wanted), got
    assert not [n for n in got if n in unwanted], got


# --- issue 30, round 5: titles of title words, union locals, occupations, votes, years carried -----


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a title of several title words before the name: all of it is the role, none of it the name
            '"We will keep the boilers lit," Chief Operating Officer Jana Kovářová said in Ostrava.',
            [("We will keep the boilers lit", "Jana Kovářová", "Chief Operating Officer", "-")],
        ),
        (  # a union local with its number is the organisation
            'Mike Sorensen, president of Local 2350 of the United Steelworkers, said: "We want the mill back."',
            [("We want the mill back.", "Mike Sorensen", "president", "Local 2350")],
        ),
        (  # an occupation known by its head noun, after "Y's"
            "Mercy Hospital's head pharmacist, Ellen Shaw, said supplies ran short. "
            '"We ration inhalers now," she said.',
            [("We ration inhalers now", "Ellen Shaw", "head pharmacist", "Mercy Hospital")],
        ),
        (  # a role that goes on "for X" and an organisation after "at the <kind of firm>"
            "Omar Haddad, the senior director for hydrogen at the utility Nordvolt Energie, said the site was "
            '"the best we have seen in Europe".',
            [("the best we have seen in Europe", "Omar Haddad", "senior director for hydrogen", "Nordvolt Energie")],
        ),
    ],
)
def test_titles_locals_and_occupations(text, expected, gazetteer):
    assert organised(text, gazetteer) == expected


def test_a_title_of_title_words_is_no_part_of_a_name(gazetteer):
    got = names("Senior Vice President Karl Braun met Local 4401 in Gary.", gazetteer)
    assert "Karl Braun" in got and "Local 4401" in got, got
    assert not [n for n in got if "Vice" in n or n == "Local"], got


def test_a_vote_is_no_quantity(gazetteer):
    found = [c.exact for c in candidates_of("The council voted 5-2 on Monday to buy 40 acres.", gazetteer)]
    assert [e for e in found if e[0].isdigit()] == ["40 acres"], found


@pytest.mark.parametrize(
    "text, published, expected",
    [
        (  # "compared with …": the other side of the comparison holds for the same time
            "Unemployment reached 7.1% in March compared with a regional rate of 4.9%.",
            PUBLISHED,
            {"7.1%": "2025", "4.9%": "2025"},
        ),
        (  # "over the same period" in the next sentence of the paragraph: the period stated before
            "The district has lost 800 teaching jobs since 2016. Enrolment fell 22 percent over the same period.",
            PUBLISHED,
            {"800 teaching jobs": "2016-2025", "22 percent": "2016-2025"},
        ),
        (  # and in the next paragraph (the seventh round: it names a period stated before)
            "The district has lost 800 teaching jobs since 2016.\n\nEnrolment fell 22 percent over the same period.",
            PUBLISHED,
            {"22 percent": "2016-2025"},
        ),
        (  # but not three paragraphs on
            "The district has lost 800 teaching jobs since 2016.\n\nIt has six schools.\n\nIt has a new head."
            "\n\nEnrolment fell 22 percent over the same period.",
            PUBLISHED,
            {"22 percent": "-"},
        ),
        (  # "agreed in 2019 to …": an act, not a time of saying
            "The unions agreed in 2019 to a €90m package of early retirements.",
            PUBLISHED,
            {"€90m": "2019"},
        ),
        (  # "since 1975, when …": the clause holds for 1975
            "The valley has lost a quarter of its people since 1975, when 40,000 people lived there.",
            PUBLISHED,
            {"40,000 people": "1975"},
        ),
        (  # a number said, and the time after it; "N of her M pupils" counts pupils
            "She said 30 of her 45 pupils this year have a parent out of work.",
            PUBLISHED,
            {"30": "2025", "45 pupils": "2025"},
        ),
        (  # a letter's time is that of what it asks for; what is said after "that" is not the saying's
            "Dolan wrote to the governor last month asking for a fund covering 2,000 workers. The firm said on "
            "Friday that 500 jobs would go.",
            PUBLISHED,
            {"2,000 workers": "2025", "500 jobs": "-"},
        ),
        (  # a span of months as a date: by its last month
            "Sales rose 4 per cent in the April–September half.",
            dt.date(2025, 10, 9),
            {"4 per cent": "2025", "in the April–September": "2025"},
        ),
    ],
)
def test_years_across_comparisons_acts_and_sentences(text, published, expected, gazetteer):
    found = {
        c.exact: year_of(c)
        for c in candidates_of(text, gazetteer, published)
        if c.kind in ("CandidateObservation", "CandidateDate")
    }
    assert {exact: found.get(exact) for exact in expected} == expected


def test_n_of_m_takes_the_unit(gazetteer):
    found = {
        c.exact: c.props.get("candidateCounted", ["-"])[0].strip('"')
        for c in candidates_of("He said 30 of his 45 pupils stay.", gazetteer)
        if c.kind == "CandidateObservation"
    }
    assert found == {"30": "pupils", "45 pupils": "pupils"}


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a role never starts inside the speech verb before it
            'The school will close, said board member Carl Voss. "We cannot heat empty rooms," Voss said.',
            [("We cannot heat empty rooms", "Carl Voss", "board member", "-")],
        ),
        (  # "Y, whose <title> X": Y is the organisation; "Y's" is Y
            "The mill would be run by Bremen-based Nordstahl AG, whose Managing Director Uwe Kranz spoke. "
            '"The port is ready," Kranz said.\n\n'
            "Irena Wolak, chairwoman of Sierpień's miners' section, said: \"We will wait.\"",
            [
                ("The port is ready", "Uwe Kranz", "Managing Director", "Nordstahl AG"),
                ("We will wait.", "Irena Wolak", "chairwoman", "Sierpień"),
            ],
        ),
        (  # "she" is the last person named: not a paper's name whose first word is a city said later,
            # nor a name that goes on "pit" (a place)
            "(Borneo Post) Prices fell, according to Sari Dewi, an analyst at Lestari Capital in Borneo. "
            '"It will last," she said.\n\n'
            "Agus Salim, a driver at the firm's Muara Jawa pit, said he was retraining. "
            '"I can learn another machine," he said.',
            [
                ("It will last", "Sari Dewi", "analyst", "Lestari Capital"),
                ("I can learn another machine", "Agus Salim", "driver", "-"),
            ],
        ),
    ],
)
def test_roles_organisations_and_people_after_the_fifth_set(text, expected, gazetteer):
    assert organised(text, gazetteer) == expected


def test_rupiah_written_rp(gazetteer):
    found = [
        (c.exact, c.props["candidateValue"][0].split("^")[0].strip('"'), c.props["candidateUnit"][0].strip('"'))
        for c in candidates_of("The firm will spend Rp 6.5 trillion on a smelter.", gazetteer)
        if c.kind == "CandidateObservation"
    ]
    assert found == [("Rp 6.5 trillion", "6500000000000", "rupiah")]


def test_owned_counts_distances_and_the_end_of_a_month(gazetteer):
    text = (
        "The union said 120 of its members had left since 2020. The new school is 14 miles away. "
        "The ministry will decide by the end of July."
    )
    found = {
        c.exact: (c.props.get("candidateCounted", ["-"])[0].strip('"'), year_of(c))
        for c in candidates_of(text, gazetteer)
        if c.kind in ("CandidateObservation", "CandidateDate")
    }
    assert found["120"] == ("members", "2020-2025"), found
    assert found["14 miles"] == ("miles", "-"), found
    assert found["by the end of July"] == ("-", "2025"), found


def test_a_company_title_or_the_companys_site_gives_the_company(gazetteer):
    text = (
        "Baltyk Energia will close its last pit in 2027, the firm said. "
        '"We have no buyers," Chief Financial Officer Ola Nowak said.\n\n'
        "Jan Wrona, a fitter at the company's Adamów pit, said he would retrain. "
        '"I am fifty," he said.\n\n'
        'Deputy Energy Minister Piotr Lis said: "The state will help."'
    )
    assert organised(text, gazetteer) == [
        ("We have no buyers", "Ola Nowak", "Chief Financial Officer", "Baltyk Energia"),
        ("I am fifty", "Jan Wrona", "fitter", "Baltyk Energia"),
        ("The state will help.", "Piotr Lis", "Deputy Energy Minister", "-"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # the time after "compared with" is the other side's; "the same months of 2024": a year after
            "Profit fell 30 percent compared with the same months of 2024.",
            {"30 percent": "2025"},
        ),
        (
            "Sales rose 8 percent compared with the same quarter of 2022.",
            {"8 percent": "2023"},
        ),
        (  # "to N from M since YEAR": M is what it was in that year
            "Staff has fallen to 900 from 1,500 since 2018.",
            {"1,500": "2018"},
        ),
        (  # a part of this year
            "The mine sold 2.1 million tons in the first six months of the year.",
            {"2.1 million tons": "2025"},
        ),
    ],
)
def test_years_of_comparisons_starting_points_and_parts_of_the_year(text, expected, gazetteer):
    found = years(text, gazetteer)
    assert {exact: found.get(exact) for exact in expected} == expected


def test_a_registered_article_is_extracted_with_its_registered_date(fenshui, project_copy, tmp_path, capsys):
    """A journalist who registered the article need not give its date again; one not registered
    is refused in one line, nothing written."""
    base = ["--project", str(project_copy.root)]
    text = tmp_path / "fenshui.txt"
    text.write_bytes(fenshui.read_bytes())
    (tmp_path / "seeds").mkdir()
    corpus = ["--corpus", str(tmp_path / "seeds")]
    draft = tmp_path / "draft.trig"
    with pytest.raises(SystemExit) as exited:
        main(base + corpus + ["extract", str(text), "-o", str(draft)])
    assert exited.value.code == 2
    assert capsys.readouterr().err == (
        "transition-kg: the article is not registered with a date: give its publication date (--published)\n"
    )
    assert not draft.exists()
    assert cli(base + corpus + ["new-article", str(text), "--published", "2024-03-02", "--title", "Fenshui"]) == 0
    assert cli(base + corpus + ["extract", str(text), "-o", str(draft)]) == 0
    written = draft.read_text(encoding="utf-8")
    assert 'tkg:published "2024-03-02"^^xsd:date' in written
    assert 'tkg:candidateYear "2023"^^xsd:gYear' in written and '"2024"^^xsd:gYear' not in written  # "last year"


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a sentence with no time of its own: the time of the sentence before; "from" its other side
            "The plant burned 3.1 million tons of coal in 2023, compared with 3.6 million tons a year earlier. "
            "Revenue fell to $410 million from $455 million.",
            {"$410 million": "2023", "$455 million": "2022"},
        ),
        (  # "year-on-year": "from" is the year before
            "Output rose 5% year-on-year to 12 million tonnes in 2024. Net profit climbed to 9 billion yuan from "
            "7 billion yuan.",
            {"9 billion yuan": "2024", "7 billion yuan": "2023"},
        ),
        (  # a period from "since" is carried as well
            "The town has lost 2,000 jobs since 2019. Its tax income fell by €4 million.",
            {"€4 million": "2019-2025"},
        ),
        (  # a state is no flow of that time (in the present, of the publication's year); a new paragraph starts
            "The mine sold 4 million tons in 2022. It employs 450 people.\n\nRevenue dropped to $90 million. "
            "The fund paid out $2 million in 2021. Prices have risen 15 percent.",  # afresh; "has risen" is up to now
            {"450 people": "2025", "$90 million": "-", "15 percent": "-"},
        ),
        (  # a span such as "in the past two years" is not carried to the next sentence's event
            "Output fell 18 percent in the past two years. Shares rose 2.3% after the announcement.",
            {"2.3%": "-"},
        ),
    ],
)
def test_years_carried_from_the_sentence_before_in_the_paragraph(text, expected, gazetteer):
    found = years(text, gazetteer)
    assert {exact: found.get(exact) for exact in expected} == expected


def test_its_title_gives_the_organisation_named_last_and_a_family_name_written_first(gazetteer):
    text = (
        "About 900 people work at the pit, according to Minerunion, the miners' union in the valley. "
        'Its president, Jan Kos, wants a fund. "We will not wait another year for it," Kos said.\n\n'
        "Nordkraft AB will shut its last pit in 2027. Its chief executive, Anna Berg, said the firm would "
        'retrain staff. "We owe them that much and more," Berg said.\n\n'
        "Li Ming, deputy director of the Datong Municipal Bureau of Commerce, said the fund would grow. "
        '"We are ready to help every family that asks us," Li said.'
    )
    assert organised(text, gazetteer) == [
        ("We will not wait another year for it", "Jan Kos", "president", "Minerunion"),
        ("We owe them that much and more", "Anna Berg", "chief executive", "Nordkraft AB"),
        (
            "We are ready to help every family that asks us",
            "Li Ming",
            "deputy director",
            "Datong Municipal Bureau of Commerce",
        ),
    ]


def test_where_a_titled_person_holds_the_title_after_the_name(gazetteer):
    text = (
        '"We need roads before we need speeches," Governor Ana Ruiz of Cesar told reporters.\n\n'
        'Union leader Mark Dolan of the CFMEU said: "This is a start, not a settlement."'
    )
    assert organised(text, gazetteer) == [
        ("We need roads before we need speeches", "Ana Ruiz", "Governor", "Cesar"),
        ("This is a start, not a settlement.", "Mark Dolan", "Union leader", "CFMEU"),
    ]
    assert {"Ana Ruiz", "Cesar"} <= set(names(text, gazetteer)), names(text, gazetteer)


def test_a_site_of_an_owner_gives_the_owner(gazetteer):
    text = (
        "Zhao Dengke, a former shearer operator at the Yima mine of Henan Energy Group, now repairs pumps. "
        '"My wage fell at first, but it is steady now," he told reporters.\n\n'
        'Jan Kral, a fitter at the Turow mine, said: "It is over for us here."'
    )
    assert organised(text, gazetteer) == [
        ("My wage fell at first, but it is steady now", "Zhao Dengke", "former shearer operator", "Henan Energy Group"),
        ("It is over for us here.", "Jan Kral", "fitter", "Turow mine"),
    ]


def test_a_time_opening_the_sentence_and_a_month_ahead(gazetteer):
    text = (
        "In the first three months of this year, wind capacity in the county rose 12 percent to 4 gigawatts. "
        "The first class starts in November."
    )
    found = {
        c.exact: year_of(c)
        for c in candidates_of(text, gazetteer, dt.date(2025, 7, 1))
        if c.kind in ("CandidateObservation", "CandidateDate")
    }
    assert {e: found.get(e) for e in ("12 percent", "4 gigawatts", "in November")} == {
        "12 percent": "2025",
        "4 gigawatts": "2025",
        "in November": "2025",
    }


def test_a_company_title_after_an_apposition_and_a_role_without_the_age(gazetteer):
    text = (
        "Output at Karaganda Komir, the biggest miner in the region, fell last year. The firm will cut 500 jobs, "
        'its Chief Financial Officer Daniyar Sadykov said. "Nobody will be fired," he said.\n\n'
        "Wu Hong, a 51-year-old former winch operator at the Pingdingshan mine, now sells tea. "
        '"It is quieter work and I sleep at night," he said.'
    )
    assert organised(text, gazetteer) == [
        ("Nobody will be fired", "Daniyar Sadykov", "Chief Financial Officer", "Karaganda Komir"),
        ("It is quieter work and I sleep at night", "Wu Hong", "former winch operator", "Pingdingshan mine"),
    ]


def test_a_change_to_a_level_takes_the_levels_time_and_the_first_half_is_no_fraction(gazetteer):
    text = "Output fell 7% year-on-year to 21.5 million tonnes in the first half of 2024, and half of it went abroad."
    found = [(c.exact, year_of(c)) for c in candidates_of(text, gazetteer) if c.kind == "CandidateObservation"]
    assert found[:2] == [("7%", "2024"), ("21.5 million tonnes", "2024")], found
    assert [e for e, _ in found[2:]] == ["half"], found  # the share, not the part of the year


def test_the_end_of_the_year_is_a_date(gazetteer):
    text = "The district will open a training centre by the end of the year, the mayor said."
    found = years(text, gazetteer, kind="CandidateDate")
    assert found == {"by the end of the year": "2025"}, found


# --- the seventh round: periods across paragraphs, headlines, unknown titles ---------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a period carried into the next paragraph's first sentence, a past change with no time of its own
            "Output fell 6% to 19 million tonnes in the first half of 2025.\n\nExports to Russia dropped 9%. "
            "Imports fell 4%.\n\nWages fell 2%.",
            {"6%": "2025", "9%": "2025", "4%": "-", "2%": "-"},
        ),
        (  # "since 2019" as well; a paragraph that sets its own time is not passed over
            "The town has lost 2,000 jobs since 2019.\n\nTax income fell by €4 million.\n\n"
            "The firm will cut 300 jobs by 2027.\n\nRents dropped 5%.",
            {"€4 million": "2019-2025", "300 jobs": "2027", "5%": "-"},
        ),
        (  # a point in time is no period: a new paragraph starts afresh
            "The mine sold 4 million tons in 2022.\n\nRevenue dropped to $90 million.",
            {"$90 million": "-"},
        ),
        (  # "over the same period" names the period stated last, over a paragraph that states none
            "Output fell 6% to 19 million tonnes in the first half of 2025.\n\n"
            "The firm plans to cut 1,100 jobs by 2027.\n\nExports fell 11% over the same period.",
            {"11%": "2025", "1,100 jobs": "2027"},
        ),
        (  # "from" a figure over the same period: the period's start
            "Output has fallen by half since 2021.\n\nThe workforce shrank to 2,150 from 3,400 over the same period.",
            {"3,400": "2021"},
        ),
        (  # a headline's figure takes the time the body gives the same number
            "Coal output falls 6% as plants turn to gas\n\nOutput fell 6% year-on-year to 19 million tonnes in "
            "the first half of 2025. Prices rose 3%.",
            {"6%": "2025"},
        ),
    ],
)
def test_periods_across_paragraphs_and_the_headlines_figure(text, expected, gazetteer):
    found = {}
    for c in candidates_of(text, gazetteer):
        if c.kind == "CandidateObservation":
            found.setdefault(c.exact, year_of(c))
    assert {exact: found.get(exact) for exact in expected} == expected, found


def test_a_headlines_figure_with_no_match_in_the_body_stays_undated(gazetteer):
    text = "Coal output falls 7% as plants turn to gas\n\nOutput fell 6% in the first half of 2025."
    found = [(c.exact, year_of(c)) for c in candidates_of(text, gazetteer) if c.kind == "CandidateObservation"]
    assert found == [("7%", "-"), ("6%", "2025")], found


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            '"The first group starts in September," Deputy Akim Nurlan Bekov told reporters.',
            ("Nurlan Bekov", "Deputy Akim", "-"),
        ),
        (
            '"We have waited long enough," Vice Rector Anna Maria Lis said.',
            ("Anna Maria Lis", "Vice Rector", "-"),
        ),
        (
            '"The fund will not wait," Deputy Mayor of Tychy Jan Nowak said.',
            ("Jan Nowak", "Deputy Mayor", "Tychy"),
        ),
        ('"It is our town," Starosta Ewa Malec said.', ("Ewa Malec", "Starosta", "-")),
        ('"We need the money now," Voivode Adam Rak said.', ("Adam Rak", "Voivode", "-")),
        ('"Students will come," Vice-Chancellor Mary Dunn said.', ("Mary Dunn", "Vice-Chancellor", "-")),
        ('"We will vote," Councillor Tom Hale said.', ("Tom Hale", "Councillor", "-")),
    ],
)
def test_unknown_titles_before_names(text, expected, gazetteer):
    """(A company's name after "First" is no title: see test_a_company_after_first_is_no_title.)"""
    found = organised(text, gazetteer)
    assert [f[1:] for f in found] == [expected], found
    speaker = expected[0]
    assert speaker in names(text, gazetteer) and not any(
        n != speaker and n.endswith(speaker) for n in names(text, gazetteer)
    ), names(text, gazetteer)


def test_a_datelines_region_code_gives_the_country(gazetteer):
    text = "MOREE, NSW, Nov 3 (AAP) - The council will get $125 million. The QLD plan costs $3 billion."
    units = [
        (c.exact, c.props["candidateUnit"][0]) for c in candidates_of(text, gazetteer) if "candidateUnit" in c.props
    ]
    assert units == [("$125 million", '"Australian dollar"'), ("$3 billion", '"Australian dollar"')], units
    text = "MOREE, Ill., Nov 3 (AP) - The council will get $125 million."
    units = [
        (c.exact, c.props["candidateUnit"][0]) for c in candidates_of(text, gazetteer) if "candidateUnit" in c.props
    ]
    assert units == [("$125 million", '"US dollar"')], units


def unit_of_each(text: str, gazetteer) -> list[tuple[str, str]]:
    """Each number's words and the unit extract gives it."""
    return [
        (c.exact, c.props["candidateUnit"][0]) for c in candidates_of(text, gazetteer) if "candidateUnit" in c.props
    ]


def test_a_two_letter_region_code_is_read_with_the_country_the_text_names(gazetteer):
    """ "WA" is a region's code in six countries: the one the text names decides; a region named only by
    directions ("South West", a district of Singapore) names no country."""
    text = "COLLIE, WA, May 14 AAP - The West Australian government will pay $45 million in the South West."
    assert unit_of_each(text, gazetteer) == [("$45 million", '"Australian dollar"')]
    text = "COLLIE, WA, May 14 AAP - The government will pay $45 million in the South West."
    assert unit_of_each(text, gazetteer) == [("$45 million", '"US dollar"')]


@pytest.mark.parametrize(
    "text, wanted, unwanted",
    [
        ("LITHGOW, NSW, Nov 3 (AAP) - EnergyAustralia will keep its plant.", {"EnergyAustralia"}, set()),
        ("(Bloomberg) -- Output at the last mine has fallen.", {"Bloomberg"}, set()),
        ("A study by the Delhi-based think tank iForest found it.", {"iForest"}, set()),  # a small letter first
        ("WAYNESBURG — County commissioners voted on Thursday.", {"Waynesburg"}, set()),
        (  # a family name said again after a full name that a preposition hid as a person
            "The office, led by Andrea Carolina Vega Ortiz, wrote to us. Vega wrote that the region needed time.",
            {"Andrea Carolina Vega Ortiz"},
            {"Vega"},
        ),
        (
            "For Pradeep Behera, the choice was simple. “I will stay,” said Behera, 27.",
            {"Pradeep Behera"},
            {"Behera"},
        ),
    ],
)
def test_inner_capitals_agencies_datelines_and_family_names_said_again(text, wanted, unwanted, gazetteer):
    found = set(names(text, gazetteer))
    assert wanted <= found and not unwanted & found, found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Output has fallen by almost half since 2021.", [("almost half", "0.5", "fraction", "almost")]),
        (
            "The cooperative employs 340 women and 25 men.",
            [("340 women", "340", "count", "-"), ("25 men", "25", "count", "-")],
        ),
        (
            "It runs some 1,100 small and medium mines.",
            [("some 1,100 small and medium mines", "1100", "count", "some")],
        ),
        ("The firm will hire 120 of the centre's graduates.", [("120", "120", "count", "-")]),
        ("We have maybe twenty good years left.", [("twenty good years", "20", "year", "-")]),
    ],
)
def test_half_by_irregular_plurals_paired_adjectives_and_the_whole_of_the_owner(text, expected, gazetteer):
    assert numbers(text, gazetteer) == expected


@pytest.mark.parametrize(
    "text, wanted",
    [
        (  # an organisation's name joined by "and" opening a sentence keeps its first word
            "Mining and Energy Union district president Greg Halloran spoke. The mining town waits.",
            {"Mining and Energy Union", "Greg Halloran"},
        ),
        ("Waynesburg General Hospital hired 12 nurses.", {"Waynesburg General Hospital"}),  # no title "General"
        ("Waynesburg General Hospital's chief nurse spoke.", {"Waynesburg General Hospital"}),
    ],
)
def test_organisations_opening_a_sentence(text, wanted, gazetteer):
    found = set(names(text, gazetteer))
    assert wanted <= found, found


def test_years_later_with_no_year_before_said_in_the_present_is_now(gazetteer):
    text = (
        "When the firm left, 1,600 jobs went. Four years later, the office says fewer than half of those workers "
        "have found work.\n\nTen years later, the town was empty."
    )
    found = {
        c.exact: year_of(c)
        for c in candidates_of(text, gazetteer)
        if c.kind in ("CandidateObservation", "CandidateDate")
    }
    assert {e: found.get(e) for e in ("Four years later", "fewer than half", "Ten years later")} == {
        "Four years later": "2025",
        "fewer than half": "2025",
        "Ten years later": None,
    }, found


def test_an_agency_after_a_dateline_is_no_person(gazetteer):
    text = "SAMARINDA, East Kalimantan (Jakarta Globe) - Output fell, said an analyst at Mandiri Sekuritas in Jakarta."
    assert {"Jakarta Globe", "Jakarta"} <= set(names(text, gazetteer)), names(text, gazetteer)


def test_a_title_word_naming_a_site_is_a_name(gazetteer):
    text = "Yancoal, which runs the Premier coal mine near Collie, met Premier Simone Carr."
    found = names(text, gazetteer)
    assert "Premier" in found and "Simone Carr" in found, found


def test_the_same_period_is_no_date_of_its_own(gazetteer):
    text = "Staff fell to 21,000 from 24,000 five years ago, while output grew by 40 per cent over the same period."
    found = candidates_of(text, gazetteer)
    assert [c.exact for c in found if c.kind == "CandidateDate"] == ["five years ago"], found
    assert [year_of(c) for c in found if c.exact == "40 per cent"] == ["2020-2025"]


def test_a_possessive_name_opening_a_sentence_keeps_its_first_word(gazetteer):
    text = "KORBA, Chhattisgarh — Coal India's unit runs the coal mines. Yesterday Poland's miners left."
    found = names(text, gazetteer)
    assert "Coal India" in found and "India" not in found and "Yesterday Poland" not in found, found


def test_a_name_the_text_writes_longer_as_an_organisation_is_no_person(gazetteer):
    text = "Board votes to close Man Elementary\n\nThe board will close Man Elementary School. Mines near Man shut."
    found = names(text, gazetteer)
    assert "Man" in found, found


def test_a_company_after_first_is_no_title(gazetteer):
    text = "The coal came from First Pacific Coal Resources."
    assert names(text, gazetteer) == ["First Pacific Coal Resources"], names(text, gazetteer)


def test_roles_in_an_apposition_carried_to_later_quotes(gazetteer):
    text = (
        "Olga Mazur, a former lamp-house cleaner who ran the pit shop, kept the keys. "
        '"The shop was the heart of the street," she told reporters.\n\n'
        "Jerzy Kral, the Deputy Voivode of Lesser Poland and a former fitter, wrote to the miners last week. "
        '"Every family will get an offer of work," Kral said.\n\n'
        '"A grant is not a plan for the valley," said Ian Bell, the regional vice-president of the Coal Union.'
    )
    assert organised(text, gazetteer) == [
        ("The shop was the heart of the street", "Olga Mazur", "former lamp-house cleaner", "-"),
        ("Every family will get an offer of work", "Jerzy Kral", "Deputy Voivode", "Lesser Poland"),
        ("A grant is not a plan for the valley", "Ian Bell", "regional vice-president", "Coal Union"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a half named by its months, said "on Tuesday its …": the figures' time, carried to the next paragraph
            "The miner said on Tuesday its profit for the January-June half fell 12% to 900 million rand "
            "($50 million) from 1,020 million rand a year earlier.\n\nSales slipped 3% to 4.1 million tonnes.",
            {
                "12%": "2025",
                "900 million rand": "2025",
                "$50 million": "2025",
                "1,020 million rand": "2024",
                "3%": "2025",
                "4.1 million tonnes": "2025",
            },
        ),
        (  # a conversion in parentheses holds for the time of what it converts; the last financial year
            "The plant will cost 2.1 billion yuan (about 290 million U.S. dollars) by 2028. It burned 3.2 million "
            "tonnes in the last financial year.",
            {"2.1 billion yuan": "2028", "about 290 million U.S. dollars": "2028", "3.2 million tonnes": "2024-2025"},
        ),
    ],
)
def test_years_of_a_named_half_its_level_its_conversion_and_the_last_financial_year(text, expected, gazetteer):
    found = years(text, gazetteer)
    assert {exact: found.get(exact) for exact in expected} == expected, found


def test_speakers_by_a_family_name_that_is_a_word_a_title_given_after_the_name_and_a_quote_paragraph(gazetteer):
    text = (
        "Farms now cover the old pits, said Sun Wei, deputy director of the Fuxin Bureau of Land. "
        '"The land is coming back to the people," Sun said. Panels face the sun.\n\n'
        "Anna Lis, the Starosta of Pszczyna county, asked for a fund. "
        '"We never had a mine, but we had the miners," the Starosta wrote.\n\n'
        '"Most of the men here have worked underground for twenty years," Ewa Nowak said.\n\n'
        '"Half of them keep six people at home on one wage."'
    )
    assert [quote[:2] for quote in organised(text, gazetteer)] == [
        ("The land is coming back to the people", "Sun Wei"),
        ("We never had a mine, but we had the miners", "Anna Lis"),
        ("Most of the men here have worked underground for twenty years", "Ewa Nowak"),
        ("Half of them keep six people at home on one wage.", "Ewa Nowak"),
    ]


@pytest.mark.parametrize(
    "text, wanted, unwanted",
    [
        (
            "A South African miner will ask the Labour Court on Oct. 23 to act, said Cr Dale Webb of Tamworth.",
            {"Labour Court", "Dale Webb", "Tamworth"},
            {"South African", "Labour Court on Oct", "Cr Dale Webb"},
        ),
        (
            "Profit for the April-September half fell. Shares of Rand Coal Ltd closed lower.",
            {"Rand Coal Ltd"},
            {"April-September", "Shares of Rand Coal Ltd"},
        ),
        (
            "The Development and Reform Commission of Datong agreed, said Deputy Minister of Electricity Sipho Dube "
            "and the Vice-Chancellor for Research, Prof Ann Holt.",
            {"Development and Reform Commission of Datong", "Sipho Dube", "Ann Holt"},
            {"Development", "Electricity", "Research", "Reform Commission of Datong"},
        ),
    ],
)
def test_names_stop_at_short_months_and_skip_demonyms_portfolios_and_month_spans(text, wanted, unwanted, gazetteer):
    found = set(names(text, gazetteer))
    assert wanted <= found and not unwanted & found, found


def test_parts_of_a_whole_money_with_a_compact_million_and_no_first_half_number(gazetteer):
    text = (
        "KRIEL, South Africa (AP) — Three of the eight shafts stood idle. Twelve of the union's shop stewards left. "
        "The first-half loss grew, and the province set aside 240m złoty for training until 2031."
    )
    found = {
        c.exact: (
            c.props["candidateValue"][0].split("^")[0].strip('"'),
            ((c.props.get("candidateCounted") or c.props.get("candidateUnit")) or ['"-"'])[0].strip('"'),
            year_of(c),
        )
        for c in candidates_of(text, gazetteer)
        if c.kind == "CandidateObservation"
    }
    assert found.get("Three") == ("3", "shafts", "-"), found
    assert found.get("Twelve") == ("12", "shop stewards", "-"), found
    assert found.get("240m złoty") == ("240000000", "złoty", "2025-2031"), found
    assert not any(value == "1" for value, _, _ in found.values()), found


def test_a_list_inside_a_clause_does_not_end_it(gazetteer):
    text = (
        "The county has turned 2,300 hectares of old workings into ponds, meadows and woodland since 2017. "
        "The fund found work for 900 miners at wind, solar and storage projects in the past two years."
    )
    found = years(text, gazetteer)
    assert (found.get("2,300 hectares"), found.get("900 miners")) == ("2017-2025", "2023-2025"), found


def test_the_end_of_next_year_a_month_after_at_least_and_a_months_meeting(gazetteer):
    text = (
        "The plant will close by the end of next year. Stocks will stay high until at least March, and the "
        "council will vote at the December meeting."
    )
    found = years(text, gazetteer, kind="CandidateDate")
    assert found == {"by the end of next year": "2026", "March": "2026", "December": "2025"}, found


def test_organisations_cut_before_a_town_past_a_parent_company_and_from_a_sentence_opening_at_it(gazetteer):
    text = (
        "Nordcoal Ltd, a state-run miner, cut output. The company, a subsidiary of Coal Poland Holdings, runs six "
        'pits. "Orders will pick up next year," said Chief Executive Officer Jan Wolny.\n\n'
        '"Stocks will stay high for months," said Eva Ruiz, an analyst at Baltic Securities in Gdansk.\n\n'
        "At the Kraków University of Mining, which trains miners, the Dean of Retraining, Prof Ola Sikora, a former "
        "mine surveyor, said "
        'more came each term. "They arrive tired and suspicious of us," she said.'
    )
    assert [(q[1], q[3]) for q in organised(text, gazetteer)] == [
        ("Jan Wolny", "Nordcoal Ltd"),
        ("Eva Ruiz", "Baltic Securities"),
        ("Ola Sikora", "Kraków University of Mining"),
    ]


def test_a_bare_number_after_but_only_counts_the_same_and_the_months_to_june_are_a_period(gazetteer):
    text = (
        "The plant would employ up to 300 workers while it is built, but only 20 once it runs. "
        "Unemployment rose to 6pc in the three months to June."
    )
    found = {
        c.exact: (c.props.get("candidateCounted") or ['"-"'])[0].strip('"')
        for c in candidates_of(text, gazetteer)
        if c.kind == "CandidateObservation"
    }
    assert found == {"up to 300 workers": "workers", "only 20": "workers", "6pc": "-"}, found


# --- issue 30, round 9: organisations that read like people, possessive roles, fronted roles -----


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "owner Kestrel Coal": a company (its name holds a company's word), never the "he" of a later quote
            "Tom Baker, a fitter, spoke to the crowd. The strike began after owner Kestrel Coal stopped paying wages."
            '\n\n"We will stay here until they pay," he said.',
            [("We will stay here until they pay", "Tom Baker", "fitter", "-")],
        ),
        (  # "the union's regional secretary": the role without the possessive, held at the union named before
            "The Federation of Rail and Port Workers Union said the yard would close. "
            '"We were told nothing," said Lerato Dube, the union\'s regional secretary for Limpopo.',
            [
                (
                    "We were told nothing",
                    "Lerato Dube",
                    "regional secretary",
                    "Federation of Rail and Port Workers Union",
                )
            ],
        ),
        (  # "van der Berg told": the particles are the surname's, not a role
            "Harrow Minerals' chief executive, Johan van der Berg, said the sale was close.\n\n"
            '"We did not want this," van der Berg told reporters.',
            [("We did not want this", "Johan van der Berg", "chief executive", "Harrow Minerals")],
        ),
        (  # "Its mayor, X" after "Y Local Municipality, which …": the municipality
            "Ndaba Local Municipality, which covers three towns, is short of money. Its mayor, Zanele Khumalo, "
            'said so.\n\n"We cannot pay the nurses," Khumalo said.',
            [("We cannot pay the nurses", "Zanele Khumalo", "mayor", "Ndaba Local Municipality")],
        ),
        (  # "X, the union that …": an organisation, so "Its chairman" is its chairman, not the one before
            "The figures came from the National Statistics Institute. Demir Maden-İş, the union that represents "
            'the pit, called a rally. Its chairman, Ali Demir, said: "We will not accept cuts."',
            [("We will not accept cuts.", "Ali Demir", "chairman", "Demir Maden-İş")],
        ),
        (  # a company's officer: the company, not a ministry named in between ("AŞ": a company's word)
            "Mavi Kömür AŞ said its loss widened. Imports rose, according to Energy Ministry data, Chief Financial "
            'Officer Ayşe Tan said.\n\n"Every ton costs us more," Tan said.',
            [("Every ton costs us more", "Ayşe Tan", "Chief Financial Officer", "Mavi Kömür AŞ")],
        ),
        (  # "X, the Subprefect of Y, …" and "the Subprefect told": a title, held in Y
            "Elena Popa, the Subprefect of Gorj, wrote to the mayors. "
            '"We have one chance," the Subprefect told the paper.',
            [("We have one chance", "Elena Popa", "Subprefect", "Gorj")],
        ),
        (  # "A former shift foreman who …, he …": the role of the person named just before
            "Radu Ilie still knows every hook in the lamp room. A former shift foreman who spent 31 years "
            'underground, he comes back most mornings.\n\n"It was a timetable and a bank," Ilie said.',
            [("It was a timetable and a bank", "Radu Ilie", "former shift foreman", "-")],
        ),
        (  # "X, who heads the <organisation>, said": its head
            "Chen Yu, who heads the Datong Municipal Bureau of Natural Resources, said the pits would close. "
            '"Most of them never used a computer," Chen said.',
            [("Most of them never used a computer", "Chen Yu", "head", "Datong Municipal Bureau of Natural Resources")],
        ),
        (  # "the chair of the council's finance committee": the council named before
            "Murray Shire Council voted on Tuesday. "
            '"We should have it in writing," said Ann Reid, the chair of the council\'s finance committee.',
            [("We should have it in writing", "Ann Reid", "chair", "Murray Shire Council")],
        ),
    ],
)
def test_organisations_that_read_like_people_and_roles_given_apart(text, expected, gazetteer):
    assert organised(text, gazetteer) == expected


def test_a_headline_quote_is_said_by_whoever_says_it_below(gazetteer):
    text = (
        '"A timetable and a bank": a valley counts down to its last shift\n\n'
        'Radu Ilie, a former foreman, waits in the lamp room. "It is a timetable and a bank, and more," he said.'
    )
    assert [q[:2] for q in organised(text, gazetteer)] == [
        ("A timetable and a bank", "Radu Ilie"),
        ("It is a timetable and a bank, and more", "Radu Ilie"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "in the six months through June" governs the next paragraph, over a time of saying ("said on Thursday"),
            # and a year-on-year sentence that took it passes it on (a results paragraph; test_periods_across_paragraphs
            # keeps "Imports fell 4%" after a plain one without); "from" after "year-on-year" is a year before
            "Acme Coal said its loss widened to 2 billion liras in the six months through June.\n\n"
            "Revenue fell 14% year-on-year to 8.3 billion liras, the company said in a filing on Thursday. "
            "Output dropped to 1.12 million tons from 1.41 million tons.\n\n"
            "Imports rose 11% to 21.6 million tons over the same period.",
            {
                "14%": "2025",
                "8.3 billion liras": "2025",
                "1.12 million tons": "2025",
                "1.41 million tons": "2024",
                "11%": "2025",
                "21.6 million tons": "2025",
            },
        ),
    ],
)
def test_a_half_year_through_a_month_governs_what_follows(text, expected, gazetteer):
    found = years(text, gazetteer)
    assert {exact: found.get(exact) for exact in expected} == expected


def test_liras_as_wire_copy_writes_them(gazetteer):
    """The English plural of lira is a currency, as its singular is (a count of "liras" it was before)."""
    assert numbers("The loss widened to 1.9 billion liras from 610m liras.", gazetteer) == [
        ("1.9 billion liras", "1900000000", "lira", "-"),
        ("610m liras", "610000000", "lira", "-"),
    ]


@pytest.mark.parametrize(
    "text, exact, year",
    [  # published 15 June 2025
        (  # a month after an act done ("a plan issued … in March") is past, though the sentence speaks of 2027
            "By 2027, the city aims to double its solar capacity under a plan issued by the government in March.",
            "in March",
            "2025",
        ),
        ("The union has called a rally in the town for Sept. 4.", "Sept. 4", "2025"),  # "for" a day: the one ahead
        ("The union held a rally on Sept. 4.", "Sept. 4", "2024"),  # a day past otherwise
    ],
)
def test_months_after_an_act_and_days_an_event_is_for(text, exact, year, gazetteer):
    found = years(text, gazetteer, kind="CandidateDate")
    assert found.get(exact) == year, found


def test_a_half_of_no_year_written_is_the_last_one_ended(gazetteer):
    """ "in the first half" with no year is the half last ended (published 15 June 2025: 2025's first), its figures'
    time as a quarter's is; "the first half of 2025" stays a year's part."""
    text = "Sales fell 16% year-on-year to 6.8 million tonnes in the first half as demand slowed."
    found = years(text, gazetteer, kind=None)
    assert found == {"in the first half": "2025", "16%": "2025", "6.8 million tonnes": "2025"}, found
    later = candidates_of("Sales fell 16% in the second half.", gazetteer, published=dt.date(2025, 3, 1))
    assert {c.exact: year_of(c) for c in later if c.kind == "CandidateDate"} == {"in the second half": "2024"}


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a branch's organisation is the one it is a branch of (its acronym in brackets dropped), on every quote
            '"The shaft closes in May," said Thabo Dube, chairman of the Kriel branch of the Mine Workers Union (MWU). '
            'Prices fell.\n\n"We will talk," Dube said.',
            [
                ("The shaft closes in May", "Thabo Dube", "chairman", "Mine Workers Union"),
                ("We will talk", "Thabo Dube", "chairman", "Mine Workers Union"),
            ],
        ),
        (  # "of the bureau", "of the county": the bureau and the county named before
            "Output fell, according to the Water Bureau of Datong. Li Ping, deputy director of the bureau, "
            'spoke. "The river is back," Li said.\n\nIn Hunyuan county, Zhao Min, deputy head of the county, '
            'agreed. "We need schools," Zhao said.',
            [
                ("The river is back", "Li Ping", "deputy director", "Water Bureau of Datong"),
                ("We need schools", "Zhao Min", "deputy head", "Hunyuan county"),
            ],
        ),
        (  # a title an area's possessive gives: "the canton's Minister"
            "Two pits remain in Zenica canton. The man in charge is Emir Kovač, the canton's Minister for Industry. "
            '"We need money," Kovač said.',
            [("We need money", "Emir Kovač", "Minister", "Zenica canton")],
        ),
        (  # a role given for a body before the name: the company named before, or the body as written
            "Ridge Coal says it lost R2bn. A spokeswoman for the company, Mary Botha, said on Monday it had no buyers. "
            '"We understand the anger," Botha said.\n\nA spokesman for the regional government, Petr Novak, said '
            'little. "The money is there," Novak said.',
            [
                ("We understand the anger", "Mary Botha", "spokeswoman", "Ridge Coal"),
                ("The money is there", "Petr Novak", "spokesman", "regional government"),
            ],
        ),
    ],
)
def test_organisations_of_a_branch_a_body_named_by_its_noun_and_a_role_for_a_body(text, expected, gazetteer):
    assert organised(text, gazetteer) == expected


def test_a_person_referred_to_by_their_role_and_the_pronoun_after(gazetteer):
    """ "the union's president said" is the person an apposition made president; "The reeve said …" mentions the
    reeve, so the "she" of the next paragraph is hers, not the last person named."""
    text = (
        '"We lost the mine," said Gail Berg, the reeve of Stettler County.\n\n'
        "Mark Dyck, president of Local 12 of the Prairie Workers Union, said members had left.\n\n"
        '"They drive eight hours to work," the union\'s president said.\n\n'
        "The reeve said council would hold a hearing.\n\n"
        '"Nobody here voted for the coal to go," she said.'
    )
    assert [q[:3] for q in organised(text, gazetteer)] == [
        ("We lost the mine", "Gail Berg", "reeve"),
        ("They drive eight hours to work", "Mark Dyck", "president"),
        ("Nobody here voted for the coal to go", "Gail Berg", "reeve"),
    ]


def test_an_organisation_with_any_capital_and_the_whole_a_branch_or_local_belongs_to(gazetteer):
    """ "who heads the Šikulje branch of the Miners' Union of the Federation": the union, its name over "of the";
    "president of Local 12 of the Prairie Workers' Union": the union."""
    text = (
        "Ivo Ćosić, who heads the Šikulje branch of the Miners' Union of the Federation, spoke. "
        '"Show me one factory," he said.\n\n'
        "Mark Dyck, president of Local 12 of the Prairie Workers' Union, said members had left. "
        '"They drive eight hours," Dyck said.'
    )
    assert organised(text, gazetteer) == [
        ("Show me one factory", "Ivo Ćosić", "head", "Miners' Union of the Federation"),
        ("They drive eight hours", "Mark Dyck", "president", "Prairie Workers' Union"),
    ]


def test_a_title_of_a_body_named_over_commas_and_a_role_in_the_plural_before_names(gazetteer):
    text = (
        "At the University of Split, the Dean of the Faculty of Mining, Geology and Civil Engineering, Prof Ana Kos, "
        'spoke. "Our graduates used to go down the pits," Kos said.\n\n'
        "Two councillors, Dale Hutch and Brenda Fox, voted against. "
        '"Fourteen jobs is not a replacement for a plant," Fox said.'
    )
    assert organised(text, gazetteer) == [
        (
            "Our graduates used to go down the pits",
            "Ana Kos",
            "Dean",
            "Faculty of Mining, Geology and Civil Engineering",
        ),
        ("Fourteen jobs is not a replacement for a plant", "Brenda Fox", "councillor", "-"),
    ]


def test_a_name_called_the_largest_miner_is_a_company_a_corporate_officer_works_for(gazetteer):
    """ "Hrad Lignit, the largest coal miner in …" is no person (a retired miner is one), so the company of its chief
    financial officer."""
    text = (
        "Hrad Lignit, the largest coal miner in the basin, will cut 1,100 jobs, it said on Thursday.\n\n"
        '"We are selling less coal," Chief Financial Officer Jana Malá told analysts.\n\n'
        'Jan Kowal, a retired miner, disagreed. "They sold us out," Kowal said.'
    )
    assert organised(text, gazetteer) == [
        ("We are selling less coal", "Jana Malá", "Chief Financial Officer", "Hrad Lignit"),
        ("They sold us out", "Jan Kowal", "retired miner", "-"),
    ]


def test_a_headline_quote_in_single_quotes(gazetteer):
    """A British headline quotes in single quotes; an apostrophe in a word ("Bosnia's", "don't") ends no quote."""
    text = (
        "'The bees don't care what I used to be': Bosnia's coal heartland prepares for its last shift\n\n"
        "Senad Mujić, a former electrician, keeps hives. \"I have kept bees for six years. The bees don't care what "
        'I used to be," he said.'
    )
    assert [q[:3] for q in organised(text, gazetteer)] == [
        ("The bees don't care what I used to be", "Senad Mujić", "former electrician"),
        ("I have kept bees for six years. The bees don't care what I used to be", "Senad Mujić", "former electrician"),
    ]


def test_a_span_of_years_written_with_a_dash_is_a_period(gazetteer):
    text = "The region has drawn 1.6 billion crowns of the 4.2 billion crowns allocated to it for 2021-2027."
    found = years(text, gazetteer, kind=None)
    assert found["4.2 billion crowns"] == "2021-2027" and found["2021-2027"] == "2021-2027", found


def test_metric_tons_and_cubic_metres(gazetteer):
    text = "Output fell to 83 million metric tons, and gas output rose to 9.6 billion cubic meters."
    assert numbers(text, gazetteer) == [
        ("83 million metric tons", "83000000", "tonne", "-"),
        ("9.6 billion cubic meters", "9600000000", "cubic metre", "-"),
    ]


def test_a_compact_million_after_a_currency_letter_and_a_time_of_day_is_no_number(gazetteer):
    text = "It set aside R85m for retraining. Shares fell 3.2% in Johannesburg by 1100 GMT."
    assert numbers(text, gazetteer) == [("R85m", "85000000", "rand", "-"), ("3.2%", "3.2", "percent", "-")]


def test_the_other_side_of_a_comparison_takes_the_unit_and_a_part_of_the_counted(gazetteer):
    text = (
        "The switch cut its workforce to 85 people from 260. Only 11 students enrolled last autumn, she said, "
        "against 95 in 2010. About 700 of the jobs will go."
    )
    assert numbers(text, gazetteer) == [
        ("85 people", "85", "count", "-"),
        ("260", "260", "count", "-"),
        ("Only 11 students", "11", "count", "only"),
        ("95", "95", "count", "-"),
        ("About 700", "700", "count", "about"),
    ]
    counted = [
        c.props.get("candidateCounted") for c in candidates_of(text, gazetteer) if c.kind.endswith("Observation")
    ]
    assert counted == [['"people"'], ['"people"'], ['"students"'], ['"students"'], ['"jobs"']]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a forecast's full-year figure: this year's; the other side of "down from … in 2024" keeps its own
            "The miner expects full-year sales of 13 million tonnes, down from 16.2 million tonnes in 2024.",
            {"13 million tonnes": "2025", "16.2 million tonnes": "2024"},
        ),
        (  # a full year's figure said of the past is not a forecast: no year from it
            "Its full-year sales of 13 million tonnes disappointed.",
            {"13 million tonnes": "-"},
        ),
        (  # "Since 2015, …," opening the sentence: its figures' period
            "Since 2015, she said, the canton had lost about 38,000 residents.",
            {"about 38,000 residents": "2015-2025"},
        ),
        (  # "…, with the gas sector contributing nearly a third": the time before
            "GDP grew 5.1 percent last year, with the gas and new energy sectors contributing nearly a third of it.",
            {"5.1 percent": "2024", "nearly a third": "2024"},
        ),
    ],
)
def test_years_of_a_forecast_full_year_an_opening_since_and_a_clause_with_a_participle(text, expected, gazetteer):
    found = years(text, gazetteer)
    assert {exact: found.get(exact, "absent") for exact in expected} == expected, found


def test_names_over_nad_of_the_and_two_words_and_an_organisations_name_and_no_time_zone(gazetteer):
    text = (
        "Unemployment in the Ústí nad Labem Region rose, said Ivo Cernak, who heads the Miners' Union of the "
        "Federation. Liu Bo heads the Human Resources and Social Security Bureau of Jincheng. Shares fell by 1100 GMT. "
        "A study came from the Energy Center of the National Development and Reform Commission."
    )
    found = set(names(text, gazetteer))
    wanted = {
        "Ústí nad Labem Region",
        "Miners' Union of the Federation",
        "Human Resources and Social Security Bureau of Jincheng",
        "Energy Center",
        "National Development and Reform Commission",
    }
    assert wanted <= found and "GMT" not in found, found


def test_a_title_an_areas_possessive_gives_with_no_body_named_and_a_role_referred_to_after_an_adverb(gazetteer):
    text = (
        'Mpumalanga has 12 mines. Refilwe Mtsweni, the province\'s Premier, visited on Monday. "We need jobs," she '
        "said.\n\nPiotr Zielinski, chief executive of Tauron Wydobycie, met the unions. Later the company's chief "
        'executive said: "We will not close the pit."'
    )
    assert organised(text, gazetteer) == [
        ("We need jobs", "Refilwe Mtsweni", "Premier", "-"),
        ("We will not close the pit.", "Piotr Zielinski", "chief executive", "Tauron Wydobycie"),
    ]


def test_a_role_said_with_a_verb(gazetteer):
    text = (
        'Tomasz Lis is the chairman of the Solidarity branch at Turów. "We will strike," Lis said.\n\n'
        'Jan Hruby, who works as a fitter at the Bílina mine, was angry. "They lied," Hruby said.'
    )
    assert organised(text, gazetteer) == [
        ("We will strike", "Tomasz Lis", "chairman", "Solidarity"),
        ("They lied", "Jan Hruby", "fitter", "Bílina mine"),
    ]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        (  # the figure compared "from … a year earlier": the year after that one
            "Output fell 8% to 4.1 million tonnes, from 4.5 million tonnes a year earlier.",
            dt.date(2026, 8, 20),
            {"8%": "2026", "4.1 million tonnes": "2026", "4.5 million tonnes": "2025"},
        ),
        (  # "two years earlier": two years after; the other side takes the unit over a comma
            "The mine employs 900 people, from 1,200 two years earlier.",
            dt.date(2026, 8, 20),
            {"900 people": "2026", "1,200": "2024"},
        ),
        (  # "in the first nine months" with no year: this year's once nine months have passed, else last year's
            "Exports rose 9% in the first nine months, to 12 million tonnes.",
            dt.date(2026, 10, 20),
            {"9%": "2026", "12 million tonnes": "2026"},
        ),
        ("Exports rose 9% in the first nine months.", dt.date(2026, 8, 20), {"9%": "2025"}),
    ],
)
def test_years_after_a_year_earlier_and_of_the_first_months(text, published, expected, gazetteer):
    found = years(text, gazetteer, published)
    assert {exact: found.get(exact) for exact in expected} == expected, found
    if "1,200" in expected:  # the other side of "from", over a comma, takes the unit
        counted = [
            c.props.get("candidateCounted") for c in candidates_of(text, gazetteer, published) if c.exact == "1,200"
        ]
        assert counted == [['"people"']]


def test_fiscal_years_as_companies_write_them(gazetteer):
    """ "FY2024-25" and a bare "2024-25" are a financial year, both its years; "2024-26" is no such year."""
    text = (
        "Revenue rose 12% to 3.2 billion rupees in FY2025. Output was 70 million tonnes in FY2024-25. "
        "BCL produced 138 million tonnes in 2024-25."
    )
    found = years(text, gazetteer, kind=None)
    assert found == {
        "12%": "2025",
        "3.2 billion rupees": "2025",
        "FY2025": "2025",
        "70 million tonnes": "2024-2025",
        "FY2024-25": "2024-2025",
        "138 million tonnes": "2024-2025",
        "2024-25": "2024-2025",
    }, found


def test_a_headlines_year_governs_the_lead_paragraphs_flows(gazetteer):
    """ "… output falls in 2025" in the headline: the lead's "Output fell 5% to 210 million tonnes" holds for 2025;
    a state in a later paragraph does not take it (in the present tense, it takes the publication's year)."""
    text = (
        "Kuzbass coal output falls in 2025 as exports slump\n\n"
        "Output fell 5% to 210 million tonnes, the regional ministry said.\n\nThe region employs 90,000 miners."
    )
    found = years(text, gazetteer, published=dt.date(2026, 2, 1))
    assert found == {"5%": "2025", "210 million tonnes": "2025", "90,000 miners": "2026"}, found


def test_speakers_after_an_honorific_with_a_stop_a_participle_opening_and_a_colon_after_a_named_opening(gazetteer):
    text = (
        '"It is over," said Dr. Anna Berg, a doctor at the clinic.\n\n'
        'Asked about the plan, Premier Steven Miles said: "We will not leave them behind."\n\n'
        'Jan Kowal, a retired miner, put it bluntly: "The town will die."\n\n'
        'The plan is clear about it: "All mines close by 2030 and the town will need work."'
    )
    assert organised(text, gazetteer) == [
        ("It is over", "Anna Berg", "doctor", "clinic"),
        ("We will not leave them behind.", "Steven Miles", "Premier", "-"),
        ("The town will die.", "Jan Kowal", "retired miner", "-"),
        ("All mines close by 2030 and the town will need work.", "-", "-", "-"),
    ]


def test_a_quote_ending_its_paragraph_unattributed_is_the_one_person_it_named(gazetteer):
    text = (
        'For Ana Ruiz, a teacher, the closure is personal. "My father worked there for 30 years."\n\n'
        'Ana Ruiz and Jan Kowal disagree. "The pit fed three generations of this town."\n\n'
        'Anna Weber grew up in what locals call the "coal capital".'
    )
    assert organised(text, gazetteer) == [
        ("My father worked there for 30 years.", "Ana Ruiz", "teacher", "-"),
        ("The pit fed three generations of this town.", "-", "-", "-"),
    ]


@pytest.mark.parametrize(
    "text, published, exact, year",
    [  # "… of this year": the relative date is "this year"; a time that was due has passed; "years on" a noun no date
        ("Output rose 9% in the first seven months of this year.", dt.date(2026, 8, 20), "this year", "2026"),
        (
            "Tenders were due in mid-September but have been postponed.",
            dt.date(2026, 10, 2),
            "in mid-September",
            "2026",
        ),
        ("Tenders are due in mid-September.", dt.date(2026, 10, 2), "in mid-September", "2027"),
        ("She spent twelve years on platforms in the North Sea.", dt.date(2026, 3, 14), "twelve years on", None),
        ("Thirty years on, the town is quiet.", dt.date(2026, 3, 14), "Thirty years on", "2026"),
    ],
)
def test_this_year_of_a_part_a_time_that_was_due_and_years_on_a_noun(text, published, exact, year, gazetteer):
    found = years(text, gazetteer, published, kind="CandidateDate")
    assert found.get(exact) == year, found


def test_a_number_of_them_counts_what_the_one_before_counted_and_grandchildren(gazetteer):
    text = "The firm told its 1,400 workers that eight hundred of them would go. He feeds two grandchildren."
    counted = [
        (c.exact, c.props.get("candidateCounted", ["-"])[0].strip('"'))
        for c in candidates_of(text, gazetteer)
        if c.kind == "CandidateObservation"
    ]
    assert counted == [
        ("1,400 workers", "workers"),
        ("eight hundred", "workers"),
        ("two grandchildren", "grandchildren"),
    ]


def test_an_engineer_at_the_company_is_a_person_and_roles_after_an_adverb_in_a_place_and_of_an_acronym(gazetteer):
    text = (
        'Kestrel Coal will close the pit. Sam Hart, an engineer at the company, was calm. "We saw it coming," Hart '
        "said.\n\nOfficials at the Ministry of Energy declined to comment. Its spokesman, Ali Khan, later said: "
        '"The plan stands."\n\n"We were not told," said Dana Bek, a councillor in Ekibastuz.\n\n'
        'Nomvula Dube, the NUM\'s regional secretary, said talks had failed. "We will strike," she said.'
    )
    assert organised(text, gazetteer) == [
        ("We saw it coming", "Sam Hart", "engineer", "Kestrel Coal"),
        ("The plan stands.", "Ali Khan", "spokesman", "Ministry of Energy"),
        ("We were not told", "Dana Bek", "councillor", "Ekibastuz"),
        ("We will strike", "Nomvula Dube", "regional secretary", "NUM"),
    ]


def test_a_past_state_takes_the_time_of_the_sentence_before(gazetteer):
    """ "It employed 3,000 people." after "In 2024 the mine produced …": 2024 (a present "employs" would be now)."""
    text = "In 2024 the mine produced 12 million tonnes. It employed 3,000 people. It employs 900 now."
    found = years(text, gazetteer)
    assert found == {"12 million tonnes": "2024", "3,000 people": "2024", "900": "2025"}, found


def test_a_month_after_a_past_act_by_a_pronoun_is_past_in_a_future_sentence(gazetteer):
    text = "The company will cut spending to $240 million from the $310 million it budgeted in January."
    found = years(text, gazetteer, published=dt.date(2026, 7, 30), kind="CandidateDate")
    assert found == {"in January": "2026"}, found


def test_a_capitalised_in_that_time_carries_the_period_before(gazetteer):
    text = (
        "Over the past two years, the owner has reshaped the dumps.\n\n"
        "In that time, unemployment in the town rose to 6.8pc from 4.9pc."
    )
    found = years(text, gazetteer, published=dt.date(2026, 9, 24))
    assert found == {"6.8pc": "2024-2026", "4.9pc": "2024"}, found


@pytest.mark.parametrize(
    "text, exact, year",
    [
        ("The miner said first-half profit slumped 38% as prices slid.", "38%", "2026"),
        ("In the first three quarters, incomes rose 4.9 percent year on year.", "4.9 percent", "2026"),
        ("She now inspects panels with a drone and earns 7,800 yuan a month.", "7,800 yuan", "2026"),
        ("The town said unemployment already stood at 31.5 per cent.", "31.5 per cent", "2026"),
        ("The miner plans to cut 1,100 jobs as first-half losses mount.", "1,100 jobs", "-"),
        ('"Now it is 1,200," he said.', "1,200", "-"),  # quoted: said of the speaker's now
        ("Rows of trees now cover 4,200 hectares of reclaimed land.", "4,200 hectares", "-"),  # an extent
        ("The firm now wants the state to back a 14 billion koruna ($610 million) plant.", "$610 million", "-"),
    ],
)
def test_the_year_so_far_and_a_state_of_now_take_the_publications_year(text, exact, year, gazetteer):
    found = years(text, gazetteer, published=dt.date(2026, 11, 18))
    assert found[exact] == year, found


@pytest.mark.parametrize(
    "text, exact, year, words",
    [
        ("The mine employs about 2,800 people.", "about 2,800 people", "2026", "employs (present tense)"),
        ("Collie has 9,800 residents.", "9,800 residents", "2026", "has (present tense)"),
        ("About 15,000 people work in the department's mines.", "About 15,000 people", "2026", "work (present tense)"),
        (  # a figure before its verb, words between
            "Three in every 10 jobs in the county still depend on mining.",
            "Three in every 10",
            "2026",
            "depend (present tense)",
        ),
        ("The government has set aside 4.5 billion koruna for retraining.", "4.5 billion koruna", "-", None),
        ("The lira has lost about a fifth of its value.", "about a fifth", "-", None),  # present perfect
        ("A hydro project could employ 600 people during construction.", "600 people", "-", None),  # a modal
        ("The battery would employ 260 workers, but only 14 once it is running.", "only 14", "-", None),
        ("Her grandson, Kacper, is 17.", "17", "-", None),  # an age
        ("The recycling plant is the riskier half of the project.", "half", "-", None),
        ("He still lives two miles from the mine gate.", "two miles", "-", None),  # a distance
        ("Ruptawa is one of the last three pits run by the state miner.", "three pits", "-", None),  # passive
        ("The plants ran at a plant load factor of 41%.", "41%", "-", None),  # "load" a noun
        ('"We employ 300 people," he said.', "300 people", "-", None),  # quoted
        ("The mine is expected to employ 300 people.", "300 people", "-", None),  # a plan
    ],
)
def test_a_figure_stated_in_the_present_tense_takes_the_publications_year(text, exact, year, words, gazetteer):
    found = [c for c in candidates_of(text, gazetteer, dt.date(2026, 11, 18)) if c.exact == exact]
    assert found and year_of(found[0]) == year, found
    inferred = found[0].props.get("yearInferredFrom")
    assert (inferred[0].split("^")[0].strip('"') if inferred else None) == words, inferred


def test_a_figure_takes_the_year_of_the_source_that_gives_it(gazetteer):
    text = "Nearly one in three households in Angul depends on coal, according to a 2023 district survey."
    found = years(text, gazetteer, published=dt.date(2026, 9, 3))
    assert found == {"Nearly one in three": "2023"}, found


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # two titled names joined by "and": two people, the second named by surname after
            "Two councillors, Cr Neville Hartigan and Cr Sue Delaney, voted against it.\n\n"
            '"I am against being told the water questions will be sorted out later," Cr Hartigan told the meeting.',
            ("Neville Hartigan", "Cr", "-"),
        ),
        (  # a possessive after a preposition: a person, whom "she" after is
            "On the wall of Halina Wróblewska's kitchen hangs a calendar.\n\n"
            '"It was the last year everyone here believed the mine would outlive us," she said.',
            ("Halina Wróblewska", "-", "-"),
        ),
    ],
)
def test_titled_names_in_a_list_and_a_possessive_after_a_preposition_are_people(text, expected, gazetteer):
    found = organised(text, gazetteer)
    assert [f[1:] for f in found] == [expected], found


def test_a_title_held_of_a_place_before_a_name_and_the_title_alone_after(gazetteer):
    text = (
        "In a letter in October, Deputy Marshal of the Silesian Voivodeship Bożena Kłosińska wrote that money "
        "had been set aside.\n\n"
        '"No worker of the mine will be left without an offer," the deputy marshal wrote.'
    )
    found = organised(text, gazetteer)
    assert [f[1:] for f in found] == [("Bożena Kłosińska", "Deputy Marshal", "Silesian Voivodeship")], found


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # an apposition after the surname alone, carried to the quote of the full name
            "On the wall of Halina Wróblewska's kitchen hangs a calendar. Wróblewska, 71, a retired nurse who spent "
            'three decades on the wards, has never taken it down.\n\n"It was the last year we believed it," she said.',
            ("Halina Wróblewska", "retired nurse", "-"),
        ),
        (  # "who heads a …" after the surname the quote gives
            'Zhao Lili, 41, drove a truck for nine years.\n\n"The work is quieter now," said Zhao, who heads a '
            "maintenance team of 14 people at the plant.",
            ("Zhao Lili", "head", "-"),
        ),
        (  # a role still held, after an age
            "Lerato Mokoena, 34, has been a winding-engine driver at Witrand for eleven years.\n\n"
            '"I cannot sell coal, but I can sell my skills to somebody," she said.',
            ("Lerato Mokoena", "winding-engine driver", "Witrand"),
        ),
        (  # a role held before, after an age: the role, not the organisation it was held in
            "Thandeka Mahlangu, 38, was a conveyor operator at the Koornfontein mine for eleven years.\n\n"
            '"The first day I held a solar panel I thought, this is lighter," she said.',
            ("Thandeka Mahlangu", "-", "-"),
        ),
        (  # "who runs a guesthouse": its owner, no head
            '"My rooms were empty for three months," said Lerato Maponya, who runs a guesthouse in the town.',
            ("Lerato Maponya", "-", "-"),
        ),
    ],
)
def test_a_persons_role_from_their_surname_an_age_or_who_heads_a_team(text, expected, gazetteer):
    found = organised(text, gazetteer)
    assert [f[1:] for f in found] == [expected], found


def test_an_organisations_acronym_in_brackets_is_not_part_of_its_name(gazetteer):
    text = (
        '"They want to switch off the lights in this town," said Thulani Dlamini, the regional secretary of the '
        "Association of Mineworkers and Construction Union (AMCU) in Mpumalanga."
    )
    found = organised(text, gazetteer)
    assert [f[1:] for f in found] == [
        ("Thulani Dlamini", "regional secretary", "Association of Mineworkers and Construction Union")
    ], found


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Mining and Energy Union district vice-president Craig Bartholomew welcomed the vote.\n\n"
            '"A lot of our members retrained once already," he said.',
            ("Craig Bartholomew", "district vice-president", "Mining and Energy Union"),
        ),
        (  # a word the text never writes in lower case before the role: where the role is held
            "Msukaligwa municipal manager Sipho Mahlangu told AFP that unemployment was high.\n\n"
            '"When the mine pays, the spaza shops get paid," Mahlangu said.',
            ("Sipho Mahlangu", "municipal manager", "Msukaligwa"),
        ),
        (  # an adjective that opens a description: part of the role
            'Local real estate agent Dianne Foley said buyers had returned. "Nobody would look at a house," she said.',
            ("Dianne Foley", "Local real estate agent", "-"),
        ),
    ],
)
def test_an_organisation_and_a_hyphened_role_before_a_name(text, expected, gazetteer):
    found = organised(text, gazetteer)
    assert [f[1:] for f in found] == [expected], found


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Tabalong's regent, Yuliana Rahmah, said the regency would ask for a bigger share.\n\n"
            '"When the price falls, our budget falls with it," Rahmah said.',
            ("Yuliana Rahmah", "regent", "Tabalong"),
        ),
        (  # a relation, not a post
            'Anna Nowak\'s son, Piotr Nowak, left in May. "There is nothing here for us," he said.',
            ("Piotr Nowak", "-", "-"),
        ),
    ],
)
def test_a_post_a_place_owns_before_a_name_set_off_by_commas(text, expected, gazetteer):
    found = organised(text, gazetteer)
    assert [f[1:] for f in found] == [expected], found


def test_both_ends_of_a_range_hold_for_its_time(gazetteer):
    text = "It still expects to produce 44 million to 46 million tons in 2026, after 42.3 million tons last year."
    found = [
        (c.props["candidateValue"][0].split("^")[0].strip('"'), year_of(c))
        for c in candidates_of(text, gazetteer)
        if c.kind == "CandidateObservation"
    ]
    assert found == [("44000000", "2026"), ("46000000", "2026"), ("42300000", "2024")], found


def test_the_period_said_again_and_a_time_after_more_than_in_are_not_the_figures_own(gazetteer):
    text = (
        "Net income fell to 1.9 trillion rupiah in the six months through June, the company said.\n\n"
        "The miner shipped 21.4 million tons in the period, 4% more than in the first half of 2025."
    )
    found = years(text, gazetteer, published=dt.date(2026, 7, 30))
    assert found == {"1.9 trillion rupiah": "2026", "six months": "-", "21.4 million tons": "2026", "4%": "2026"}, found


def test_a_month_or_weekday_opening_a_sentence_is_a_date(gazetteer):
    text = (
        "Since September, 120 hydrogen trucks have carried coal between the mines. Last December the mine shut. "
        "On Friday, the council met."
    )
    found = years(text, gazetteer, published=dt.date(2026, 11, 18), kind=None)
    assert found == {
        "Since September": "2026",
        "120 hydrogen trucks": "2026",
        "Last December": "2025",
        "On Friday": "2026",
    }, found


def test_a_reported_clause_that_goes_on_takes_the_period_before(gazetteer):
    text = (
        "Liu said the city had attracted 46 new energy projects in the past three years, and that those projects "
        "had created about 8,600 jobs."
    )
    found = years(text, gazetteer, published=dt.date(2026, 11, 18))
    assert found == {"46 new energy projects": "2023-2026", "about 8,600 jobs": "2023-2026"}, found


def test_a_paragraph_after_the_period_said_again_takes_it_not_the_compared_year(gazetteer):
    text = (
        "Net income fell to 1.9 trillion rupiah in the six months through June, the company said.\n\n"
        "The miner shipped 21.4 million tons in the period, 4% more than in the first half of 2025.\n\n"
        "The average price it received fell 21% to $61 a ton, the chief executive told analysts."
    )
    found = years(text, gazetteer, published=dt.date(2026, 7, 30))
    assert (found["21%"], found["$61"]) == ("2026", "2026"), found


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            'Pieter de Wet heads the local branch of the National Union of Mineworkers. "We were never asked," he '
            "said.",
            ("Pieter de Wet", "head", "National Union of Mineworkers"),
        ),
        (
            'Ana Ruiz chairs the Sintracarbon union. "We want guarantees before anything closes," Ruiz said.',
            ("Ana Ruiz", "chair", "Sintracarbon"),
        ),
    ],
)
def test_a_person_who_heads_a_body_said_with_a_verb_of_their_own(text, expected, gazetteer):
    found = organised(text, gazetteer)
    assert [f[1:] for f in found] == [expected], found


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # whom the speaker wrote to is not their role
            'In a letter to the minister, Jan Kowalski wrote: "We have waited for three years for an answer."',
            ("Jan Kowalski", "-", "-"),
        ),
        (
            '"We will appeal against the ruling," according to the spokesman, Li Wei, who declined to say more.',
            ("Li Wei", "spokesman", "-"),
        ),
    ],
)
def test_a_role_after_a_preposition_is_its_object_not_the_next_names(text, expected, gazetteer):
    found = organised(text, gazetteer)
    assert [f[1:] for f in found] == [expected], found


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a role a copula gives, and the title alone after it
            'Jan Kowalski is the union\'s chairman.\n\n"We have waited for three years for an answer," the chairman '
            "said.",
            ("Jan Kowalski", "chairman", "-"),
        ),
        (  # an owner in lower case that the article never names: the role alone
            '"We have waited for three years for an answer," said Jan Kowalski, the union\'s chairman.',
            ("Jan Kowalski", "chairman", "-"),
        ),
    ],
)
def test_the_title_alone_after_a_copula_and_a_role_of_an_unnamed_owner(text, expected, gazetteer):
    found = organised(text, gazetteer)
    assert [f[1:] for f in found] == [expected], found


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "her life" makes Anna Nowak a "she"; "he retired", Piotr Zielinski a "he"
            "Anna Nowak, a teacher, has lived in the town all her life. Her neighbour, Piotr Zielinski, worked at the "
            'mine for 30 years before he retired.\n\n"Nobody asked us what we wanted," she said.',
            ("Anna Nowak", "teacher", "-"),
        ),
        (  # "Mr Osei": a "he"
            "Comet Ridge's head of development, Matt Osei, spoke first. Mr Osei said the company would apply for "
            "approvals. Karen Lowry, the president of the Chamber of Commerce, said she welcomed it.\n\n"
            '"It changes the mood of the whole town," he said.',
            ("Matt Osei", "head of development", "Comet Ridge"),
        ),
    ],
)
def test_he_or_she_is_the_last_person_the_text_gives_that_pronoun_or_honorific(text, expected, gazetteer):
    found = organised(text, gazetteer)
    assert [f[1:] for f in found] == [expected], found


def test_a_civic_title_is_held_in_the_council_the_article_named(gazetteer):
    text = (
        "Central Highlands Regional Council voted 5-2 on Tuesday to approve the plan.\n\n"
        '"This is the first proposal that puts jobs on the same ground," said Deputy Mayor Trish Callaghan.'
    )
    found = organised(text, gazetteer)
    assert [f[1:] for f in found] == [("Trish Callaghan", "Deputy Mayor", "Central Highlands Regional Council")], found


def test_a_full_year_forecast_cut_is_for_the_publications_year(gazetteer):
    text = (
        "She cut her full-year profit forecast for the miner to 3.5 trillion rupiah. Full-year sales rose to 9 percent."
    )
    found = years(text, gazetteer, published=dt.date(2026, 7, 30))
    assert found == {"3.5 trillion rupiah": "2026", "9 percent": "-"}, found  # a past flow: not a forecast


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a word of the title is no place: "Energy" is written only inside other names
            "Energy Minister Declan Morrow spoke. Westbright Energy agreed. "
            '"This is the biggest single commitment," Mr Morrow told reporters.',
            ("Declan Morrow", "Energy Minister", "-"),
        ),
        (  # a multi-word place before a title is held whole, the title's own words kept ("Regional Governor")
            "Unemployment in the Western Macedonia region rose. Western Macedonia Regional Governor Anastasia Kyrkou "
            'wrote a letter. "Every month of delay hurts us all," Kyrkou wrote.',
            ("Anastasia Kyrkou", "Regional Governor", "Western Macedonia"),
        ),
        (  # the body a title's first word opens ("Shire of Collie")
            "The Shire of Collie estimates it. Shire President Tanya Ruscoe spoke. "
            '"We were told in 2020 there would be a plant," she said.',
            ("Tanya Ruscoe", "President", "Shire of Collie"),
        ),
        (  # a sentence's first word before a role is the role's, unless the role is held in a body
            'Haul truck driver Jolene Márquez, 34, applied. "My kids were born here," Márquez said.',
            ("Jolene Márquez", "Haul truck driver", "-"),
        ),
        (
            'Msukaligwa municipal manager Sipho Mahlangu spoke. "When the mine pays, we all eat," Mahlangu said.',
            ("Sipho Mahlangu", "municipal manager", "Msukaligwa"),
        ),
        (  # a title before the name is what the person is now, not the former trade after it
            "Campbell County lost a mine. Campbell County Commissioner Del Harrington is a former dragline operator. "
            '"People ask me what comes next," Harrington said.',
            ("Del Harrington", "Commissioner", "Campbell County"),
        ),
        (  # "the company" is no union, though a company's word is in its name
            "Westbright Energy Ltd cut jobs. The Mining and Energy Union objected. The cut was small, according to "
            'Imogen Tate, a spokeswoman for the company. "We run the units hard," Ms Tate said.',
            ("Imogen Tate", "spokeswoman", "Westbright Energy Ltd"),
        ),
        (  # "the company": one named by the first words of a company's name ("Westbright" of "Westbright Energy")
            "Westbright Energy runs the plant." + " The plant burns coal." * 80 + " Jobs at Westbright were cut, "
            'according to Imogen Tate, a spokeswoman for the company. "We run the units hard," Ms Tate said.',
            ("Imogen Tate", "spokeswoman", "Westbright"),
        ),
        (  # the trade the sentence after a first mention says she took
            "Sun Guirong, 49, is one of them. After 22 years at the mine, she retrained as a turbine technician in "
            '2024.\n\n"At first I was afraid of heights," Sun said.',
            ("Sun Guirong", "turbine technician", "-"),
        ),
        (  # a company's name with its abbreviations' full stops; where it is based is not its name
            'Zhang Peng, general manager of Fuxin Wind Power Co., Ltd., spoke. "The slopes are stable," Zhang said. '
            '"Prices must stay high," according to Meera Iyer, an analyst at Mumbai-based Kavach Securities.',
            ("Zhang Peng", "general manager", "Fuxin Wind Power Co., Ltd."),
        ),
        (  # a company's title after "its": the organisation the sentence opens on, not the last one named
            "Angul Syngas Ltd, a joint venture of Brahmani Coalfields Ltd (BCL) and two firms, will make urea, its "
            'Chief Executive Officer Sanjay Kumar Behera told PTI. "Mechanical completion is near," Behera said.',
            ("Sanjay Kumar Behera", "Chief Executive Officer", "Angul Syngas Ltd"),
        ),
        (  # a name with an acronym in brackets is an organisation, the company a chief executive is of
            "Ligniti Dytikis Makedonias (LDM), which runs the Komanos unit, said it would halt it.\n\n"
            '"Komanos was built to run for 40 years," Chief Executive Eleni Vrettou told Reuters.',
            ("Eleni Vrettou", "Chief Executive", "Ligniti Dytikis Makedonias"),
        ),
        (  # a capitalised occupation ends a title before a name: "she" is the collector, not the man before
            'Bhagaban Pradhan spoke. "We are asking for what was signed," Pradhan said.\n\nAngul District Collector '
            'Priyanka Sahoo said a camp would be held in Angul.\n\n"Every claim will be settled," she said.',
            ("Bhagaban Pradhan", "-", "-"),
        ),
    ],
)
def test_where_a_title_before_a_name_is_held(text, expected, gazetteer):
    found = organised(text, gazetteer)
    assert found[0][1:] == expected, found
    if "Sahoo" in text:
        assert found[-1][1:] == ("Priyanka Sahoo", "District Collector", "Angul"), found
    if "Kavach" in text:
        assert found[-1][1:] == ("Meera Iyer", "analyst", "Kavach Securities"), found


@pytest.mark.parametrize(
    "text, published, expected",
    [
        (  # the level a change went to, after a currency sign, takes the change's time
            "The county's valuation fell 14% last year to $3.9 billion.",
            dt.date(2026, 3, 6),
            {"14%": "2025", "$3.9 billion": "2025"},
        ),
        (  # a time "by" which, opening the sentence, is its figures' time
            "By the end of October, its installed capacity had reached 6.8 million kilowatts.",
            dt.date(2026, 12, 2),
            {"6.8 million kilowatts": "2026"},
        ),
        (  # the year of a source the sentence cites after a pause
            "Roughly one in four households depends on mining income, a 2023 state survey found.",
            dt.date(2026, 2, 19),
            {"Roughly one in four": "2023"},
        ),
        (  # a figure restated after ", or" takes the time of the one before
            "The region had received 410 million euros since 2021, or about 26%.",
            dt.date(2026, 10, 22),
            {"410 million euros": "2021-2026", "about 26%": "2021-2026"},
        ),
        (  # a year a change is reckoned "on" is the other side's: the figure keeps its sentence's financial year
            "BCL produced 138.4 million tonnes in 2024-25, up 9.2 per cent on the previous year.",
            dt.date(2026, 2, 19),
            {"138.4 million tonnes": "2024-2025", "9.2 per cent": "2024-2025"},
        ),
        (  # "… in 2024 and now earns": the figure is of now, not of the time before
            "She retrained as a technician in 2024 and now earns 6,200 yuan a month.",
            dt.date(2026, 12, 2),
            {"6,200 yuan": "2026"},
        ),
        (  # "between 2017 and 2023": the period, both ends and the years between
            "About 2,400 families lost land to the mine between 2017 and 2023.",
            dt.date(2026, 2, 19),
            {"About 2,400 families": "2017-2023"},
        ),
        (  # a participle clause ("…, funded by") goes on from the time before it
            "The town would cut heating prices by 12% from November, funded by a 9 million euro state grant.",
            dt.date(2026, 10, 22),
            {"12%": "2026", "9 million euro": "2026"},
        ),
        (  # an event a figure comes ahead of is not its time
            "Workers offered $45m deal ahead of 2027 shutdown\n\nWorkers will be offered a $45 million package "
            "this year, before the plant shuts in 2027.",
            dt.date(2026, 5, 14),
            {"$45m": "2026"},
        ),
    ],
)
def test_a_figures_time_from_its_change_an_opening_bound_a_source_or_a_restatement(
    text, published, expected, gazetteer
):
    found = years(text, gazetteer, published)
    assert {exact: found.get(exact) for exact in expected} == expected, found


def test_a_currencys_code_before_an_amount(gazetteer):
    """ "USD 350" is 350 US dollars, not a name; "COP 28" (a conference too) is no amount."""
    text = "Prices averaged about USD 310 a tonne last year, and EUR 5 million went to COP 28 delegates."
    assert unit_of_each(text, gazetteer) == [("about USD 310", '"US dollar"'), ("EUR 5 million", '"euro"')]
    assert not {"USD 310", "USD", "EUR"} & set(names(text, gazetteer))


def test_a_companys_abbreviation_keeps_its_full_stop_not_a_sentences(gazetteer):
    text = (
        "Powder Crest Mining Co. said it would close. Fuxin Xinfeng Wind Power Co., Ltd., built a farm. "
        "The studio is run by Valleys Media Ltd. Councillor Steffan Davies said so."
    )
    found = names(text, gazetteer)
    assert {"Powder Crest Mining Co.", "Fuxin Xinfeng Wind Power Co., Ltd.", "Valleys Media Ltd"} <= set(found), found


def test_a_datelines_state_a_title_before_its_full_stop_and_a_rupee_sign_are_no_names(gazetteer):
    text = (
        "GILLETTE, Wyo. (AP) — State Sen. Ruth Oakes spoke in Gillette.\n\n"
        "The Rs 13,277-crore plant at Talcher will open."
    )
    found = set(names(text, gazetteer))
    assert {"Gillette", "Ruth Oakes", "Talcher"} <= found and not {"Wyo", "State Sen", "The Rs"} & found, found


def test_a_dated_days_number_and_a_hyphened_hectare(gazetteer):
    """ "March 6, 2026" gives no number 6; "the 760-hectare site" is 760 hectares."""
    text = "Coal county braces\n\nMarch 6, 2026\n\nThe plant stands on the 760-hectare site."
    assert [(exact, unit) for exact, _, unit, _ in numbers(text, gazetteer)] == [("760-hectare", "hectare")]


def test_the_other_side_of_a_change_after_words_of_its_time_takes_its_unit(gazetteer):
    text = "The population fell to about 1.59 million residents at the end of last year from 1.82 million in 2015."
    assert [(exact, unit) for exact, _, unit, _ in numbers(text, gazetteer)] == [
        ("about 1.59 million residents", "count"),
        ("1.82 million", "count"),
    ]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        (  # a thing of a capacity brought in as new takes the year it is made, later in its clause
            "The council approved a site where the developer will build a 120MW wind farm by 2031.",
            dt.date(2026, 4, 2),
            {"120MW": "2031"},
        ),
        (
            "The oldest shaft closed, and a 640MW unit commissioned in 2009 will run for another decade.",
            dt.date(2026, 4, 2),
            {"640MW": "2009"},
        ),
        (  # not a day or month of the news
            "Plans for a 700MW solar project near the town were approved on Tuesday.",
            dt.date(2026, 4, 2),
            {"700MW": "-"},
        ),
        (  # the level a change over a period went to stood at the period's end
            "The district's workforce has shrunk by 9 percent in the past three years, to 31,000 workers.",
            dt.date(2026, 4, 2),
            {"31,000 workers": "2026"},
        ),
        (  # but a period in the level's own clause is its own
            "Output has fallen since 2020. Joblessness rose to 7.2% over the same period.",
            dt.date(2026, 4, 2),
            {"7.2%": "2020-2026"},
        ),
    ],
)
def test_a_new_things_capacity_takes_the_year_it_is_made_and_a_level_the_end_of_its_period(
    text, published, expected, gazetteer
):
    found = years(text, gazetteer, published)
    assert {exact: found.get(exact) for exact in expected} == expected, found


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a name's native spelling in brackets before the apposition; "the bureau" named in full before
            "Output rose, according to the Fuxin Municipal Bureau of Statistics.\n\n"
            '"The pits are nearly done," said Wang Hua (王华), deputy director of the bureau.',
            ("Wang Hua", "deputy director", "Fuxin Municipal Bureau of Statistics"),
        ),
        (  # "according to its spokeswoman, X": the role, and the body the sentence opens on
            "Lena Vogt wrote to the Ministry of Economic Affairs last week.\n\n"
            "The ministry expects 2,000 new jobs, according to its spokeswoman, Karin Maier.\n\n"
            '"We have the money," Maier said.',
            ("Karin Maier", "spokeswoman", "Ministry of Economic Affairs"),
        ),
        (  # a company's first words before its title, over more than four capitalised words
            "Sonhat River Power Ltd will close two units.\n\n"
            '"No one will be left without work," Sonhat River Power Chairman and Managing Director Vikram Rao '
            "told PTI.\n\nRao said the plant would shut in 2028.",
            ("Vikram Rao", "Chairman and Managing Director", "Sonhat River Power"),
        ),
    ],
)
def test_a_role_after_a_bracketed_name_or_its_and_a_companys_words_before_a_title(text, expected, gazetteer):
    found = organised(text, gazetteer)
    assert [f[1:] for f in found][-1:] == [expected], found


def test_a_counted_noun_after_more_or_after_an_adjective_following_a_figure(gazetteer):
    """ "four more units" and "about 60 permanent roles" are counts; "three main areas" and "the first truck stops"
    (a number word) are not read through a word before the noun."""
    text = (
        "The owner will shut four more units by 2028 and keep about 60 permanent roles. "
        "The plan has three main areas. Workers wait until the first truck stops."
    )
    found = {
        c.exact: c.props.get("candidateCounted", ["-"])[0].strip('"')
        for c in candidates_of(text, gazetteer)
        if c.kind == "CandidateObservation"
    }
    assert found == {"four more units": "units", "about 60 permanent roles": "roles"}, found


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "and now has fewer than": of now, though a period came before it
            "The town has lost a quarter of its people since 1985 and now has fewer than 40,000 residents.",
            {"fewer than 40,000 residents": "2026"},
        ),
        (  # "since" and the clause of an event in a year: from that year until now
            "The scheme has trained 2,300 workers since it was founded in 2021.",
            {"2,300 workers": "2021-2026"},
        ),
    ],
)
def test_and_now_after_a_period_and_since_an_event_in_a_year(text, expected, gazetteer):
    found = years(text, gazetteer, dt.date(2026, 4, 2))
    assert {exact: found.get(exact) for exact in expected} == expected, found


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # an "m" before a plural noun or after a currency's code is a million; "100m high" stays metres
            "The company mined 9.6m tonnes, serves 1.13m people and pays up to KZT 6m each. The tower is 100m high.",
            [("9.6m tonnes", "9600000"), ("1.13m people", "1130000"), ("up to KZT 6m", "6000000"), ("100", "100")],
        ),
        (  # a currency named by ISO 4217 and not in the lexicon: the one of the country the text is set in
            "LAZAREVAC, Serbia, Oct 14 (Reuters) - The council set aside 45 million dinars for grants.",
            [("45 million dinars", "45000000", '"RSD"')],
        ),
        (  # Portuguese plurals of "-al" ("meticais"), a currency of one country wherever it is named
            "The bakery earned 63.9 meticais a loaf.",
            [("63.9 meticais", "63.9", '"MZN"')],
        ),
        (  # a region's code of three letters or more that only one country has names that country
            "Storage projects in NSW drew $9.3 billion this year.",
            [("$9.3 billion", "9300000000", '"Australian dollar"')],
        ),
    ],
)
def test_millions_as_m_before_a_noun_currencies_by_iso_name_and_a_region_code_naming_a_country(
    text, expected, gazetteer
):
    found = [
        (c.exact, c.props["candidateValue"][0].split("^^")[0].strip('"'), *c.props.get("candidateUnit", [])[:1])
        for c in candidates_of(text, gazetteer)
        if c.kind == "CandidateObservation"
    ]
    assert [f[: len(e)] for f, e in zip(found, expected, strict=False)] == expected, found
    assert len(found) == len(expected), found


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "now" after "and" and a subject, or after a comma: the figure is of now, not of the time before
            "Between 2019 and 2024 the owner cut 2,300 jobs, and the basin now employs about 9,800 people.",
            {"2,300 jobs": "2019-2024", "about 9,800 people": "2026"},
        ),
        (
            "Vale Coal, which bought the mine in 2022, now employs about 3,100 people.",
            {"about 3,100 people": "2026"},
        ),
        (  # a sentence opening on "Between": the period; "from" a figure is its start, "to" a figure its end
            "Between 2020 and 2025, coal's share of output fell from 70pc to about 62pc, the ministry said.",
            {"70pc": "2020", "about 62pc": "2025"},
        ),
    ],
)
def test_now_after_a_subject_or_comma_a_capital_between_and_from_and_to_over_a_period(text, expected, gazetteer):
    found = years(text, gazetteer, dt.date(2026, 4, 2))
    assert {exact: found.get(exact) for exact in expected} == expected, found


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a title written just before the name ("Tete Governor X"): "the governor told reporters" is X
            'Tete Governor Amélia Tembe said royalties fell.\n\n"We built schools," the governor told reporters.',
            ("Amélia Tembe", "Governor"),
        ),
        (  # a role fronted before the name and a comma ("Its mayor, X,"): "the mayor said" is X
            'The council met. Its mayor, Renee Kovačević, said the town had learnt.\n\n"It is one answer," the mayor '
            "said.",
            ("Renee Kovačević", "mayor"),
        ),
    ],
)
def test_the_title_said_alone_is_the_person_it_was_written_before(text, expected, gazetteer):
    found = organised(text, gazetteer)
    assert [f[1:3] for f in found] == [expected], found


def test_every_iso_currency_code_before_an_amount(gazetteer):
    """ "MNT 185 billion": any ISO 4217 code of a country's currency (pycountry), not only the lexicon's few."""
    text = "The cabinet approved a MNT 185 billion programme and lent BDT 40 million to miners."
    assert unit_of_each(text, gazetteer) == [("MNT 185 billion", '"MNT"'), ("BDT 40 million", '"BDT"')]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a patronymic's initial glued to the name ("Ts.Oyunbileg"): a person, named again without it
            '"We will heat the town," Minister of Energy Ts.Oyunbileg said.\n\nIts chief executive, G.Munkhbat, '
            'spoke.\n\n"Nobody is being sent home," Munkhbat said.',
            [("Ts.Oyunbileg", "Minister of Energy", "-"), ("G.Munkhbat", "chief executive", "-")],
        ),
        (  # "Minister of Energy X": the portfolio is the title's, no organisation
            '"We will build," Minister of Energy John Smith said.',
            [("John Smith", "Minister of Energy", "-")],
        ),
    ],
)
def test_an_initialled_name_is_a_person_and_a_ministers_portfolio_is_the_title(text, expected, gazetteer):
    assert [f[1:] for f in organised(text, gazetteer)] == expected


def test_a_month_with_its_year_said_after_it(gazetteer):
    """ "in March last year": one date, that year's March (not this year's), and the year of the figure it dates."""
    text = "The washery employed 640 workers when it shut in March last year. It reopens in May next year."
    found = years(text, gazetteer, dt.date(2026, 9, 3), kind=None)
    assert {k: found.get(k) for k in ("640 workers", "in March last year", "in May next year")} == {
        "640 workers": "2025",
        "in March last year": "2025",
        "in May next year": "2027",
    }, found


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a possessive organisation of several words before the role in an apposition: role and organisation
            'Ana Silva, the Federation of Coal Workers of Brazil\'s branch secretary in Criciúma, spoke. "We wait," '
            "Silva said.",
            [("Ana Silva", "branch secretary", "Federation of Coal Workers of Brazil")],
        ),
        (  # a capitalised word of the role after the possessive ("Northern district chair")
            'Tom Reyes, the Rail and Port Union\'s Northern district chair, was blunt. "No deal," he said.',
            [("Tom Reyes", "Northern district chair", "Rail and Port Union")],
        ),
        (  # "Y economist X, of the Z,": the organisation after a comma
            'Mining economist Rhea Lund, of the University of Tasmania, disagreed. "Prices fall," Dr Lund said.',
            [("Rhea Lund", "Mining economist", "University of Tasmania")],
        ),
    ],
)
def test_a_possessive_organisation_of_several_words_and_an_organisation_after_a_comma(text, expected, gazetteer):
    assert [f[1:] for f in organised(text, gazetteer)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a body after "X-based" is no person: "he said" is the analyst named before it
            "Mining analyst Rui Costa, who works at the Lisbon-based Bright Ridge Analytics, spoke.\n\n"
            '"Prices fall," he said.',
            [("Rui Costa", "Mining analyst")],
        ),
        (  # "Y's Title X said": the titled person speaks, not the state whose title it is
            '"We will pay," Lower Saxony\'s Finance Minister Karla Brandt (SPD) said in Hanover.',
            [("Karla Brandt", "Finance Minister")],
        ),
    ],
)
def test_a_body_after_based_and_a_states_titled_person_are_not_the_speaker(text, expected, gazetteer):
    assert [f[1:3] for f in organised(text, gazetteer)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "down 9% from the previous year": the year before is the other side, the figure the sentence's year
            "In 2023-24, the pits shipped 12.1 million tonnes, down 7% from the previous year, the ministry said.",
            {"12.1 million tonnes": "2023-2024", "7%": "2023-2024"},
        ),
        (  # "by 2024 … had fallen to fewer than 7,500": the year by which it had come about, over a clause
            "In 2017, about 8,000 people worked at the port; by 2023 the number had dropped to fewer than 6,400, "
            "the agency said.",
            {"about 8,000 people": "2017", "fewer than 6,400": "2023"},
        ),
        (  # in one clause
            "By 2022 the mine had shed 900 jobs.",
            {"900 jobs": "2022"},
        ),
        (  # a "by" that is a deadline still gives the figure no year
            "The council must decide by 2027 whether to build a 40 MW plant.",
            {"40 MW": "-"},
        ),
    ],
)
def test_a_change_from_the_previous_year_and_a_figure_reached_by_a_year(text, expected, gazetteer):
    found = years(text, gazetteer, dt.date(2026, 5, 4))
    assert {k: found.get(k) for k in expected} == expected, found


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a financial year after "on" in a change is the other side: the figure keeps its sentence's year
            "In the 2023-24 financial year, the port paid $80 million in wages, down 12pc on 2022-23.",
            {"$80 million": "2023-2024", "12pc": "2023-2024"},
        ),
        (  # a time right after "than" is the other side of the comparison
            "In 2024, the mill burned about 900,000 tonnes of coal, 6 percent less than a year earlier.",
            {"about 900,000 tonnes": "2024", "6 percent": "2024"},
        ),
    ],
)
def test_a_time_after_on_or_than_in_a_comparison_is_the_other_sides(text, expected, gazetteer):
    found = years(text, gazetteer, dt.date(2026, 5, 4))
    assert {k: found.get(k) for k in expected} == expected, found


def test_a_sentence_that_goes_on_with_a_past_flow_takes_the_time_before_it(gazetteer):
    """ "In 2024, … burned 900,000 tonnes. It supplied nearly half of the heat": the year before, carried over."""
    found = years(
        "In 2024, the plant burned about 900,000 tonnes of coal. It supplied nearly half of the town's heat.\n\n"
        "The firm sold 2 million tonnes in 2023. Its loss for the year widened to $12 million.",
        gazetteer,
        dt.date(2026, 5, 4),
    )
    assert {k: found.get(k) for k in ("nearly half", "$12 million")} == {"nearly half": "2024", "$12 million": "2023"}


def test_days_counted_on_are_no_duration(gazetteer):
    """ "exceeded on 96 days so far this year": a count of days, with the year; "for 96 days" stays a duration."""
    found = years(
        "Dust limits were exceeded on 96 days so far this year. The strike lasted for 12 days.",
        gazetteer,
        dt.date(2026, 5, 4),
    )
    assert {k: found.get(k) for k in ("96 days", "12 days")} == {"96 days": "2026", "12 days": "-"}


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "Its secretary-general, X,": the role, and the body named before
            'The Rail Workers Union of Kenya wants talks. Its secretary-general, Amos Otieno, said: "Pay us first."',
            [("Amos Otieno", "secretary-general", "Rail Workers Union of Kenya")],
        ),
        (  # "director general" written in two words
            'The plant is run by Kivu Power Holdings. Its director general, Marc Lubala, said "We will retrain."',
            [("Marc Lubala", "director general", "Kivu Power Holdings")],
        ),
    ],
)
def test_a_role_ending_in_general(text, expected, gazetteer):
    assert [f[1:] for f in organised(text, gazetteer)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "at the X-based think tank Y": Y, not the place
            'Ana Kos, an energy analyst at the Skopje-based think tank Green Balkan Forum, spoke. "Prices fall," '
            "Kos said.",
            [("Ana Kos", "energy analyst", "Green Balkan Forum")],
        ),
        (  # a part a body of two words or more owns: the body
            'Ivo Marić, an economist at the University of Zagreb\'s School of Economics, disagreed. "Not yet," '
            "Marić said.",
            [("Ivo Marić", "economist", "University of Zagreb")],
        ),
    ],
)
def test_an_organisation_after_based_words_and_the_body_that_owns_a_part(text, expected, gazetteer):
    assert [f[1:] for f in organised(text, gazetteer)] == expected


def test_a_time_of_day_is_no_number(gazetteer):
    """A date line's time stamp ("09:41 PM IST", "2:14 PM GMT+1") gives no number; the figures after it still do."""
    found = [
        c.exact
        for c in candidates_of(
            "Mar 03, 2027 09:41 PM IST\n\nThe mine cut 300 jobs. November 18, 2026 2:14 PM GMT+1 was the day.",
            gazetteer,
        )
        if c.kind == "CandidateObservation"
    ]
    assert found == ["300 jobs"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "The plant's": the organisation named before, no word of the role
            "The Vostok steelworks is run by Karel Steel Group. The plant's chief executive, Ivan Petrov, said: \"We "
            'will retrain."',
            [("Ivan Petrov", "chief executive", "Karel Steel Group")],
        ),
        (  # "The company's" before a role with no comma
            "Hollow Ridge Mining Co. will close the pit. The company's supervisory board chairman Tomas Berg told "
            'reporters: "It is over."',
            [("Tomas Berg", "supervisory board chairman", "Hollow Ridge Mining Co.")],
        ),
        (  # a name's possessive opening the role: the organisation
            '"We hired locally," said Lena Ott, Nordic Cells\' managing director.',
            [("Lena Ott", "managing director", "Nordic Cells")],
        ),
        (  # "its" in an apposition: the organisation named before
            'The Forestry Workers Union is wary. Mara Voss, its northern region secretary, spoke up. "We need jobs," '
            "she said.",
            [("Mara Voss", "northern region secretary", "Forestry Workers Union")],
        ),
        (  # an organisation's possessive after "who heads": the organisation, without it
            '"We lost," said Anna Kraus, who heads Verdi\'s Saxony district.',
            [("Anna Kraus", "head", "Verdi")],
        ),
    ],
)
def test_a_determiner_or_possessive_before_a_role_names_its_organisation(text, expected, gazetteer):
    assert [f[1:] for f in organised(text, gazetteer)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a body's name before a title is where it is held; a title's word after the title is a first name;
            # "Cr", a form of address, yields to the title
            'The pit shuts in May. Karoo District Council Mayor Dean Mokoena said the town was ready. "We are ready," '
            "Cr Mokoena said.",
            [("Dean Mokoena", "Mayor", "Karoo District Council")],
        ),
        (  # an area's name before the title
            'The pit shuts in May. Bowen City Mayor Jan Ross said: "Build it."',
            [("Jan Ross", "Mayor", "Bowen City")],
        ),
        (  # "who became mayor of Y": the role and where it is held
            'Olga Petrenko, who became mayor of Kupiansk in May, said the city was ready. "We are ready," Petrenko '
            "said.",
            [("Olga Petrenko", "mayor", "Kupiansk")],
        ),
    ],
)
def test_a_body_before_a_title_is_where_it_is_held(text, expected, gazetteer):
    assert [f[1:] for f in organised(text, gazetteer)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # an initial before a name is a word of it, after a comma-apposed role too
            "The pit will close. Its general secretary, V. Rao, said workers would travel. "
            '"We will strike," Mr Rao said.',
            [("V. Rao", "general secretary", "-")],
        ),
        (  # three words before the title
            'The unit shut. Tamil Nadu Electricity Minister S. Pandian said: "It is over."',
            [("S. Pandian", "Tamil Nadu Electricity Minister", "-")],
        ),
    ],
)
def test_an_initial_before_a_name_is_a_word_of_it(text, expected, gazetteer):
    assert [f[1:] for f in organised(text, gazetteer)] == expected


def test_the_us_is_no_initial(gazetteer):
    assert "S. Energy Information Administration" not in names(
        "Output fell, according to the U.S. Energy Information Administration.", gazetteer
    )


@pytest.mark.parametrize(
    "stamp",
    [
        "Posted Tue 14 Jul 2026 at 6:40am",
        "Updated 4:17 PM EDT, September 23",
        "Desk Reporter | Published Nov 18, 2026, 1:35 am IST",
        "19.01.2027 14:37",
        "14 May 2026",
    ],
)
def test_a_date_or_time_stamp_line_gives_no_number_and_no_name(stamp, gazetteer):
    text = f"Mine to close\n\nBy Jo Lane\n{stamp}\n\nThe mine will close, Harlan Coal said."
    assert numbers(text, gazetteer) == []
    assert names(text, gazetteer) == ["Jo Lane", "Harlan Coal"]


def test_things_counted_before_and_a_clock_time_are_no_figures(gazetteer):
    text = (
        "The company will close three pits by 2027. Output from the two pits fell, and those two dates matter. "
        "Crews start at 3 a.m. and 40 workers will stay."
    )
    assert numbers(text, gazetteer) == [
        ("three pits", "3", "count", "-"),
        ("40 workers", "40", "count", "-"),
    ]


def test_a_region_inside_an_organisations_name_or_its_people_give_the_country(gazetteer):
    """ "the Queensland Government", "the Electricity Trust of South Australia", "South Australians": Australia
    (the whole name outvotes a place that only begins one, as "Georgia" in "Georgia Treloar")."""
    text = (
        "The Electricity Trust of South Australia ran the plant, and South Australians paid $48 million. "
        "Buyers in Japan and South Korea were told."
    )
    assert unit_of_each(text, gazetteer) == [("$48 million", '"Australian dollar"')]
    text = "The Queensland Government will spend $180 million, Georgia Treloar said in Queensland."
    assert unit_of_each(text, gazetteer) == [("$180 million", '"Australian dollar"')]


def test_local_plural_and_withdrawn_currency_names(gazetteer):
    """ISO 4217's English names lack "levs" (withdrawn), "marka" and "kune": each is still its currency."""
    text = "The state paid 1.9 billion levs, the city 47 million marka and the port 3 million kune."
    assert unit_of_each(text, gazetteer) == [
        ("1.9 billion levs", '"BGN"'),
        ("47 million marka", '"BAM"'),
        ("3 million kune", '"HRK"'),
    ]


def test_a_title_joined_to_its_modifier_by_a_hyphen_is_a_title(gazetteer):
    """ "Vice-Mayor Zhang Lin": the speaker is Zhang Lin, a vice-mayor (as "Vice Mayor" would give)."""
    text = '"No miner will be left behind," said Vice-Mayor Zhang Lin.'
    assert speakers(text, gazetteer) == [("No miner will be left behind", "Zhang Lin", "Vice-Mayor")]


def test_a_family_name_written_first_and_then_alone_is_the_same_person(gazetteer):
    """ "Wu" after "Wu Haiyan" (two words, the family name first) is her again, so "he said" after "Wu, the
    manager, said" is Wu Haiyan, not the last person named in full."""
    text = (
        '"We cannot compete," said Wu Haiyan, the general manager.\n\nLuo Wenbin spent 19 years underground before he '
        'left.\n\nWu, the manager, said the mines would stay.\n\n"Coal will not disappear," he said.'
    )
    assert [who for _, who, _ in speakers(text, gazetteer)] == ["Wu Haiyan", "Wu Haiyan"]


def test_an_organisations_role_then_the_person_in_commas_gives_the_person(gazetteer):
    """ "PGE GiEK's chief executive, Marek Wądołowski, said": the speaker is the person, the company his."""
    text = '"We will not keep a loss-making plant," PGE GiEK\'s chief executive, Marek Wądołowski, said on Monday.'
    assert [
        tuple(
            c.props.get(p, ["-"])[0].strip('"') for p in ("candidateSpeaker", "candidateRole", "candidateOrganisation")
        )
        for c in candidates_of(text, gazetteer)
        if c.kind == "CandidateQuote"
    ] == [("Marek Wądołowski", "chief executive", "PGE GiEK")]


def counted_of_each(text: str, gazetteer) -> list[tuple[str, str]]:
    """Each number's value and the noun it counts (or -)."""
    return [
        (
            c.props["candidateValue"][0].split("^^")[0].strip('"'),
            (c.props.get("candidateCounted") or ["-"])[0].strip('"'),
        )
        for c in candidates_of(text, gazetteer)
        if c.kind == "CandidateObservation"
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # the other side of a change after the level's time and a comma
            "Enrolment fell to 141 students this fall, from 198 five years ago.",
            [("141", "students"), ("198", "students")],
        ),
        (  # "the number of X" names what the figures count
            "The number of coal miners fell to about 61,000, down from 93,000 at the start.",
            [("61000", "miners"), ("93000", "miners")],
        ),
        (
            "The number of manufacturing jobs in the town rose by 28%, to about 7,400.",
            [("28", "-"), ("7400", "jobs")],
        ),
        (  # a clause's conjunction stands between a figure and a noun it does not count
            "The population fell from 30,400 to 28,100 as young families moved away.",
            [("30400", "-"), ("28100", "-")],
        ),
    ],
)
def test_a_counted_noun_carried_from_the_sentence(text, expected, gazetteer):
    assert counted_of_each(text, gazetteer) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # the organisation's word with a possessive still ends the whole name
            "Greg Tulloch, who heads the Mining and Energy Union's Northern District, said work would go on.",
            ["Greg Tulloch", "Mining and Energy Union", "Northern District"],
        ),
        (  # "Limited" ends a company's name as "Ltd" does
            "Many will keep jobs once Sinazongwe Coal and Power Limited (SCPL) begins.",
            ["Sinazongwe Coal and Power Limited", "SCPL"],
        ),
        (  # a plural possessive before "and" inside the name
            "László Benkő, president of the Bakony Miners' and Energy Workers' Union, wrote.",
            ["László Benkő", "Bakony Miners' and Energy Workers' Union"],
        ),
        ("Workers at Evans' and Hughes' farms were paid.", ["Evans", "Hughes"]),  # a list still splits
    ],
)
def test_an_organisations_name_is_whole_across_and(text, expected, gazetteer):
    assert names(text, gazetteer) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a newspaper told, "The ...", is no person a "she" can be
            'Councillor Marta Vieira spoke to reporters on Monday.\n\n"We will not wait for Lisbon," '
            'Vieira told The Coastal Herald. "Nobody here will," she said.',
            [
                ("We will not wait for Lisbon", "Marta Vieira", "Councillor"),
                ("Nobody here will", "Marta Vieira", "Councillor"),
            ],
        ),
        (  # "according to X, the chief executive of Y": a person after "according to", said again by surname
            "The firm will hire 200 people, according to Tomás Rivero Blanco, the chief executive of Solaria Norte.\n\n"
            'Rivero said the first jobs would come in spring. "We start with the welders," he said.',
            [("We start with the welders", "Tomás Rivero Blanco", "chief executive")],
        ),
        (  # "X, who heads Y, said": Y is the body X heads, not the "he" of the quote
            "Pavel Hruby, who heads Severocesky Vodovod, said the firm had no choice. "
            '"We cannot keep paying for permits," he told the radio.',
            [("We cannot keep paying for permits", "Pavel Hruby", "head")],
        ),
    ],
)
def test_no_person_after_the_or_heads_a_person_after_according_to(text, expected, gazetteer):
    assert speakers(text, gazetteer) == expected


def test_a_name_written_as_a_place_is_no_person_a_pronoun_can_be(gazetteer):
    text = (
        "Work in the pits near Sungai Lilin has slowed.\n\n"
        "Rina Hapsari, an analyst, told a local radio that Sungai Lilin was among the first towns to lose buyers.\n\n"
        '"The buyers will not come back," she said.'
    )
    assert speakers(text, gazetteer) == [("The buyers will not come back", "Rina Hapsari", "analyst")]


def test_an_initialled_name_after_capitalised_words_is_the_person(gazetteer):
    text = (
        "At a briefing, Minister of Roads and Public Works Ts.Enkhbat said the road would open.\n\n"
        '"We start in May," Minister Enkhbat said. "The road is paid for," she said.'
    )
    assert [s for _, s, _ in speakers(text, gazetteer)] == ["Ts.Enkhbat", "Ts.Enkhbat"]


def test_a_title_the_text_calls_a_person_by_in_lower_case_ends_before_their_name(gazetteer):
    """ "Lakeview County Warden-Clerk Dora Pike" … "the warden-clerk said": a title though the lexicon lacks it, whole
    (not "Clerk"), the person's role in every quote."""
    text = (
        "Money is short, said Lakeview County Warden-Clerk Dora Pike.\n\n"
        '"We cut the roads budget," Pike said.\n\n"We will not cut schools," the warden-clerk said.'
    )
    assert speakers(text, gazetteer) == [
        ("We cut the roads budget", "Dora Pike", "Lakeview County Warden-Clerk"),
        ("We will not cut schools", "Dora Pike", "Lakeview County Warden-Clerk"),
    ]


def test_a_name_written_with_a_company_word_elsewhere_is_no_person_a_pronoun_can_be(gazetteer):
    text = (
        "PT Sinar Baru will close a pit.\n\n"
        "Dewi Lestari, who leads the drivers' group at Sinar Baru's northern pit, spoke after the meeting.\n\n"
        '"We were told nothing," she said.'
    )
    assert [s[:2] for s in speakers(text, gazetteer)] == [("We were told nothing", "Dewi Lestari")]


def test_a_place_before_the_companys_role_is_not_the_company(gazetteer):
    text = (
        "Norvik Mining Corp will open a plant near Aldan, the company's chief engineer, Ilya Sorokin, said."
        "\n\n"
        '"We start next year," Sorokin said.'
    )
    assert [f[1:] for f in organised(text, gazetteer)] == [("Ilya Sorokin", "chief engineer", "Norvik Mining Corp")]


def test_the_next_sentence_saying_what_the_n_year_old_is_gives_role_and_organisation(gazetteer):
    text = (
        "Dana Ruiz spent 20 years in the pits. Now the 51-year-old is a line supervisor at Mesa Glassworks, new."
        '\n\n"I never thought I would leave the mine," Ruiz said.'
    )
    assert [f[1:] for f in organised(text, gazetteer)] == [("Dana Ruiz", "line supervisor", "Mesa Glassworks")]


def test_an_initial_with_its_stop_opens_a_persons_name(gazetteer):
    """ "Borough chairperson R. Lakshmi said …" then "…," she said: the initialled name is a person a pronoun can be,
    not the person quoted before."""
    text = (
        '"The pits are closing," Mr Arjun Rao said.\n\n'
        "Borough chairperson R. Lakshmi said the shops depended on the miners. "
        '"When a mine closes, the market empties," she said.'
    )
    assert [s[1] for s in speakers(text, gazetteer)] == ["Arjun Rao", "R. Lakshmi"]


def test_an_initialled_name_after_where_a_title_is_held_is_the_person(gazetteer):
    """ "Governor of Dornod Province B.Tsetseg said …" … "the governor said": the initialled name holds the title."""
    text = (
        "Governor of Dornod Province B.Tsetseg said the province would ask for a fund.\n\n"
        '"These are men who borrowed to buy their trucks," the governor said.'
    )
    assert [s[1:] for s in speakers(text, gazetteer)] == [("B.Tsetseg", "Governor")]


def test_a_title_with_its_portfolio_ends_before_the_name(gazetteer):
    """ "Cabinet Secretary for Housing Megan Lloyd-Evans said …" then "…," she said: the person after the portfolio,
    not the one quoted before."""
    text = (
        '"It is good news," Cllr Owen Price said.\n\n'
        "Cabinet Secretary for Housing Megan Lloyd-Evans said the government would decide in May.\n\n"
        '"We recognise the strength of feeling," she said.'
    )
    assert [s[1] for s in speakers(text, gazetteer)] == ["Owen Price", "Megan Lloyd-Evans"]


def test_a_research_fellow_named_after_according_to_is_the_person_a_pronoun_is(gazetteer):
    """ "…, according to Meera Iyer, a senior fellow at …" then "…," she said: the fellow, not the collector quoted
    before."""
    text = (
        '"We are not waiting," District Collector Anita Rao said.\n\n'
        "The payment is low, according to Meera Iyer, a senior fellow at the Madras Institute of Development.\n\n"
        '"A payment of that size lasts two years," she said.'
    )
    assert speakers(text, gazetteer)[1][1:] == ("Meera Iyer", "senior fellow")


@pytest.mark.parametrize(
    "text",
    [
        (  # the quote after a sentence of reported speech in its own paragraph: ", he said."
            '"I knew every sound the rock made," Zhou Ping told reporters.\n\n'
            'He earns half what he made underground, he said. "But nobody has to carry me out of a pond."'
        ),
        (  # "She added that …": a pronoun before the verb
            "Marta Gil, an economist at the Universidad de Oriente, said the date was known.\n\n"
            'She added that the work would give the town time. "After that, the park has to stand on its own."'
        ),
        (  # the paragraph before reports the pronoun's speech: "She said about one in five …"
            '"People here will believe it when they see a crane," Marta Gil said.\n\n'
            "She said about one in five houses in the town stood empty.\n\n"
            '"If this one happens, the houses fill up again."'
        ),
    ],
)
def test_a_quote_with_no_tag_after_a_pronouns_reported_speech_is_that_persons(text, gazetteer):
    """A quote with no speech tag after reported speech whose subject is "he" or "she" (in its paragraph, or the
    paragraph before): the person the pronoun is."""
    assert len({s[1] for s in speakers(text, gazetteer)} - {"-"}) == 1
    assert speakers(text, gazetteer)[-1][1] in ("Zhou Ping", "Marta Gil")


def test_a_name_opening_on_a_compass_word_is_a_region_no_pronoun_is(gazetteer):
    """ "the EU's Western Balkans framework" is no person: "she said" after it is the analyst named before."""
    text = (
        '"The money came late," said Vesna Marić, an energy analyst.\n\n'
        "She added that the European Union's Western Balkans investment framework had offered no grants.\n\n"
        '"Our town cannot wait for Brussels to notice it," she said.'
    )
    assert [s[1] for s in speakers(text, gazetteer)] == ["Vesna Marić", "Vesna Marić"]


def test_the_head_of_a_title_with_its_portfolio_refers_to_its_holder(gazetteer):
    """ "Minister of Mines B.Dorj" … "The minister said … "…"": the minister of the title with its portfolio."""
    text = (
        '"The district must learn to heat itself," Minister of Mines B.Dorj said after the cabinet meeting.\n\n'
        'The minister said the district would keep its mine "for as long as the capital needs it", but not longer.'
    )
    assert [s[1] for s in speakers(text, gazetteer)] == ["B.Dorj", "B.Dorj"]


def test_a_union_locals_number_stays_with_its_name(gazetteer):
    """ "president of United Steelworkers Local 9346": the local with its number, not "… Local"."""
    text = (
        "Dana Ross, the president of United Steelworkers Local 4411, which represents 310 of the workers, said: "
        '"Our members found out on a video call."\n\n"A lot of these guys bought houses," Ross said.'
    )
    assert [f[1:] for f in organised(text, gazetteer)] == [
        ("Dana Ross", "president", "United Steelworkers Local 4411")
    ] * 2


def test_an_apposition_whose_clause_says_where_the_role_is_held_gives_the_organisation(gazetteer):
    """ "X, a researcher who studies mining towns at Y, said": the role, and Y after the clause's "at"."""
    text = (
        "Li Na, a researcher who studies mining towns at Dalian University of Technology, said the numbers were small."
        '\n\n"Fish ponds are not a plan," Li said.'
    )
    assert [f[1:] for f in organised(text, gazetteer)] == [("Li Na", "researcher", "Dalian University of Technology")]


def test_its_after_a_companys_short_name_is_that_company(gazetteer):
    """ "Qinghe Coal Group … Qinghe itself is shrinking. Its general manager, X, wrote …": Qinghe, the company's
    first word, is the organisation "Its" refers to."""
    text = (
        "The state-owned Qinghe Coal Group employs 3,800 people.\n\n"
        + "The town has moved former miners into fish farming, forestry and food processing since 2021. " * 4
        + "\n\n"
        "Qinghe itself is still shrinking. Its general manager, Wang Lei, wrote that two mines would close "
        'and that no worker would be "pushed out without a place to go."'
    )
    assert [f[1:] for f in organised(text, gazetteer)] == [("Wang Lei", "general manager", "Qinghe")]


@pytest.mark.parametrize(
    "text, organisation",
    [
        (  # "Its chairman" after a name followed by a lower-case organisation noun
            "The Gornyak trade union has said the pace is too fast. Its chairman, Ivan Petrov, spoke on Wednesday."
            '\n\n"A miner with 25 years underground will not climb a turbine," he said.',
            "Gornyak",
        ),
        (  # "who heads the union": the union named before
            "About 2,300 jobs went, according to the Tisa Miners' Union.\n\n"
            "Marko Ilić, who heads the union, said the park would offer fewer jobs.\n\n"
            '"Forty jobs for the whole town?" Ilić said.',
            "Tisa Miners' Union",
        ),
        (  # "who heads the X district of the Y": Y
            "Tom Baxter, who heads the Hunter district of the Mining and Energy Union, said workers face closure."
            '\n\n"A few hundred jobs is welcome," Baxter said.',
            "Mining and Energy Union",
        ),
    ],
)
def test_a_union_named_before_or_after_a_part_is_the_organisation(text, organisation, gazetteer):
    """The organisation a union official speaks for when it is named apart from them."""
    assert {f[3] for f in organised(text, gazetteer)} == {organisation}


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a financial year, then "a year earlier": the financial year before
            "Tarcoola Energy reported a loss of $7.4m in 2024-25, up from $2.9m a year earlier.",
            {"$7.4m": "2024-2025", "$2.9m": "2023-2024"},
        ),
        (
            "The miner lost Rs 412 crore in 2025-26, against Rs 298 crore a year earlier.",
            {"Rs 412 crore": "2025-2026", "Rs 298 crore": "2024-2025"},
        ),
    ],
)
def test_a_year_earlier_than_a_financial_year_is_the_financial_year_before(text, expected, gazetteer):
    assert years(text, gazetteer) == expected


@pytest.mark.parametrize(
    "published, year",
    [(dt.date(2026, 9, 1), "2026"), (dt.date(2026, 3, 1), "2025")],
)
def test_a_year_to_a_month_holds_for_the_year_it_ends_in(published, year, gazetteer):
    """ "In the year to end-June, revenue rose 4% to R23.4bn": the last June by the publication date."""
    text = "In the year to end-June, revenue rose 4% to R23.4bn, the group said."
    assert years(text, gazetteer, published) == {"4%": year, "R23.4bn": year}


def test_a_decade_earlier_opening_a_sentence_is_before_the_year_its_paragraph_gave(gazetteer):
    """ "In fiscal 2025 … $1.9 million. A decade earlier it was getting $8 million": 2015, not ten years before the
    publication; "A year earlier the group had reported …" opening its sentence is a time too."""
    text = (
        "In fiscal 2025 the county received $1.9 million in severance money. A decade earlier it was getting "
        "$8 million.\n\nA year earlier the group had reported earnings of R2.05bn."
    )
    assert years(text, gazetteer, dt.date(2026, 9, 1), None) == {
        "2025": "2025",
        "$1.9 million": "2025",
        "A decade earlier": "2015",
        "$8 million": "2015",
        "A year earlier": "2025",
        "R2.05bn": "2025",
    }


def test_an_organisations_name_before_a_lower_case_role_is_the_organisation(gazetteer):
    """ "Mine Workers Union of Zambia branch chairperson X said" (the text writing "mine" in lower case too): the role,
    and the union it is held in."""
    text = (
        "The mine will close.\n\n"
        'Mine Workers Union of Zambia branch chairperson Mutale Banda said members heard "by rumour".\n\n'
        '"Nobody wrote to us," Ms Banda said.'
    )
    assert [f[1:] for f in organised(text, gazetteer)] == [
        ("Mutale Banda", "branch chairperson", "Mine Workers Union of Zambia")
    ] * 2


def test_who_was_elected_mayor_is_a_mayor(gazetteer):
    """ "X, who was elected mayor of Y in 2025,": the role is "mayor", not "elected mayor"."""
    text = (
        "Drita Krasniqi, who was elected mayor of Vushtrri in the autumn of 2025, has asked for local hiring.\n\n"
        '"The jobs must stay here," Krasniqi said.'
    )
    assert [f[1:3] for f in organised(text, gazetteer)] == [("Drita Krasniqi", "mayor")]


# --- the twenty-eighth round: dates with their modifiers, southern seasons, a story's setting ---------------------


def test_a_relative_year_keeps_the_words_that_narrow_it(gazetteer):
    """ "so far this year", "early next year", "late last year": one date with its modifier, as a reader writes it."""
    text = (
        "So far this year, 140 miners have applied. Building starts early next year. "
        "The mine shed 610 jobs late last year."
    )
    assert years(text, gazetteer, dt.date(2026, 5, 4), kind="CandidateDate") == {
        "So far this year": "2026",
        "early next year": "2027",
        "late last year": "2025",
    }


def test_seasons_in_the_southern_hemisphere(gazetteer):
    """ "next autumn" in an Australian story published in June is the autumn (March) of the year after; "next spring"
    in April is September's; in a northern story they stay as before."""
    text = "The Victorian government said construction would start next autumn. A centre will open next spring."
    assert years(text, gazetteer, dt.date(2026, 6, 2), kind="CandidateDate") == {
        "next autumn": "2027",
        "next spring": "2026",
    }
    text = "The Ohio government said construction would start next autumn. A centre will open next spring."
    assert years(text, gazetteer, dt.date(2026, 6, 2), kind="CandidateDate") == {
        "next autumn": "2026",
        "next spring": "2027",
    }


def test_the_region_of_the_town_a_story_is_set_in_gives_the_country(gazetteer):
    """ "the north Queensland town of Bowen" sets the story in Australia, though Japan is named twice."""
    text = (
        "A plan to turn the north Queensland town of Bowen into a hub has won $180 million. "
        "Ammonia will go to Japan. Japan buys most of it."
    )
    assert unit_of_each(text, gazetteer) == [("$180 million", '"Australian dollar"')]


def test_a_title_of_two_capitalised_halves_before_a_hyphened_name_is_split_off(gazetteer):
    """ "Pike County Judge-Executive Loretta Hatfield-Combs said" … "Hatfield-Combs said": the person is Loretta
    Hatfield-Combs, every time."""
    text = (
        "The plant will open in 2027.\n\n"
        '"People are tired," Pike County Judge-Executive Loretta Hatfield-Combs said.\n\n'
        '"They want a paycheck," Hatfield-Combs said.'
    )
    assert [f[1] for f in organised(text, gazetteer)] == ["Loretta Hatfield-Combs"] * 2


def test_a_companys_post_before_a_person_gives_the_person(gazetteer):
    """ "Y's general director, X, told …" and "KLCL managing director X said": X speaks, with the post, of Y."""
    text = (
        "The station will close.\n\n"
        '"We are rebuilding it," Priokskaya Generatsiya\'s general director, Arkady Zheleznyakov, told reporters.\n\n'
        '"We sell at a loss," KLCL managing director Hitesh Vaghela said.'
    )
    assert [f[1:] for f in organised(text, gazetteer)] == [
        ("Arkady Zheleznyakov", "general director", "Priokskaya Generatsiya"),
        ("Hitesh Vaghela", "managing director", "KLCL"),
    ]


@pytest.mark.parametrize(
    "text, exact, year",
    [
        ("The operator said the first 250MW would feed the grid by the end of 2027, officials said.", "250MW", "2027"),
        ("The first 100MW is due to be connected next March.", "100MW", "2026"),
    ],
)
def test_the_first_stage_of_a_capacity_being_built_holds_from_the_time_it_is_due(text, exact, year, gazetteer):
    assert years(text, gazetteer).get(exact) == year


@pytest.mark.parametrize(
    "text, exact, year",
    [
        (
            "In its 2024 fiscal year, the company shipped 17.8 million tonnes of coal, about 15 per cent less than it "
            "did a year earlier.",
            "about 15 per cent",
            "2024",
        ),
        ("Last year, the mines produced 11.6 million tons of coal, 4% less than a year earlier.", "4%", "2024"),
    ],
)
def test_a_change_than_a_subject_did_a_year_earlier_holds_for_the_later_year(text, exact, year, gazetteer):
    assert years(text, gazetteer).get(exact) == year


def test_a_change_than_in_the_same_period_of_a_year_holds_for_the_year_after(gazetteer):
    text = (
        "Mine output slips in first half of 2026\n\nIn the first half of the year, the company mined 1.9 million "
        "tonnes, 12 percent less than in the same period of 2025, the office reported."
    )
    assert years(text, gazetteer, dt.date(2026, 7, 8)).get("12 percent") == "2026"


def test_a_hyphened_given_name_after_the_family_name_is_one_name(gazetteer):
    """ "Lee Ji-woo, head of planning at the port, said …" then "Lee said": the family name first and a given name
    whose second half is in lower case (Korean, Taiwanese, older Chinese romanisation) are one person, her role
    carried to the quote given by the family name alone."""
    text = (
        "Lee Ji-woo, head of planning at the port authority, said the cranes would stay.\n\n"
        '"We have buyers for the land," Lee said.'
    )
    assert speakers(text, gazetteer) == [("We have buyers for the land", "Lee Ji-woo", "head of planning")]


def test_a_short_name_that_begins_like_a_month_is_still_a_name(gazetteer):
    """ "Sepp" (four letters opening as "Sep") is no month's abbreviation: "Feb", "Sept" are, being a month's
    first letters; so '"…," Sepp said.' gives the person the text introduced."""
    text = 'Anna Sepp, a union organiser, has worked at the plant for 20 years.\n\n"We were not asked," Sepp said.'
    assert speakers(text, gazetteer) == [("We were not asked", "Anna Sepp", "union organiser")]


def test_a_ministry_named_for_a_list_of_portfolios_is_one_name(gazetteer):
    """ "the Ministry of Environment, Forestry and Fisheries": the commas are inside the ministry's name (its
    portfolios listed), so a role "at the ministry" has the whole name as its organisation."""
    text = (
        "The Ministry of Environment, Forestry and Fisheries will pay for the clean-up. Naledi Dube, a director at "
        'the ministry, said: "The land will be farmed again."'
    )
    names = [c.exact for c in candidates_of(text, gazetteer) if c.kind == "CandidateMention"]
    assert "Ministry of Environment, Forestry and Fisheries" in names
    assert [
        c.props.get("candidateOrganisation", ["-"])[0].strip('"')
        for c in candidates_of(text, gazetteer)
        if c.kind == "CandidateQuote"
    ] == ["Ministry of Environment, Forestry and Fisheries"]


def test_a_currencys_short_sign_after_the_number_is_that_currency(gazetteer):
    """Some currencies' signs are written after the amount, as their countries write them: "138 million KM" (the
    convertible mark), "45 billion Ft" (the forint), "12 million kn" (the kuna)."""
    text = "The park would cost 138 million KM, the plant 45 billion Ft and the port 12 million kn."
    assert unit_of_each(text, gazetteer) == [
        ("138 million KM", '"BAM"'),
        ("45 billion Ft", '"HUF"'),
        ("12 million kn", '"HRK"'),
    ]


def test_a_second_figure_joined_by_and_without_its_noun_takes_the_first_ones(gazetteer):
    """ "420 people directly and about 180 more through contractors", "12 million euros, and the city 3 million":
    the second figure leaves out the noun (or currency) the first one gave."""
    text = (
        "The smelter employs 420 people directly and about 180 more through contractors. The region is paying "
        "12 million euros, and the city 3 million."
    )
    assert [(v, unit) for _, v, unit, _ in numbers(text, gazetteer)] == [
        ("420", "count"),
        ("180", "count"),
        ("12000000", "euro"),
        ("3000000", "euro"),
    ]
    assert [c.props.get("candidateCounted") for c in candidates_of(text, gazetteer) if "candidateValue" in c.props][
        :2
    ] == [['"people"'], ['"people"']]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a title the lexicon does not know after a place the text names as one ("in Kovrin")
            "Kovrin Starshina Anya Belova said the town was ready. Few jobs are left in Kovrin.\n\n"
            '"We waited," she said.',
            [("We waited", "Anya Belova", "Kovrin Starshina")],
        ),
        (  # a title of a list of portfolios joined by "and", before a two-word name
            "Deputy Minister of Mines and Transport Pavel Orlik told reporters the fund was ready.\n\n"
            '"It is enough," Orlik said.',
            [("It is enough", "Pavel Orlik", "Deputy Minister of Mines and Transport")],
        ),
        (  # title words before a name and the body the title is held at ("Chief Executive X of Y")
            'Chief Executive Mara Lind of Northgate Storage said the loan "changes the schedule."',
            [("changes the schedule.", "Mara Lind", "Chief Executive")],
        ),
    ],
)
def test_a_title_the_lexicon_does_not_know_before_a_name_is_split_off(text, expected, gazetteer):
    """A title the lexicon does not know stays off the person's name when a general signal marks it: a place the text
    names as one before it, a portfolio list ("of X and Y"), or title words before "X of Y"."""
    assert speakers(text, gazetteer) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a minister's portfolio gives the ministry the article names
            "The Ministry of Mines and Transport will pay. Deputy Minister of Mines and Transport Pavel Orlik told "
            'reporters the fund was ready.\n\n"It is enough," Orlik said.',
            [
                (
                    "It is enough",
                    "Pavel Orlik",
                    "Deputy Minister of Mines and Transport",
                    "Ministry of Mines and Transport",
                )
            ],
        ),
        (  # a role said with "is" after a clause of what the person has done
            "Ivan Petrov has driven trucks at Borsk for 12 years and is chairman of the Borsk Drivers' Union.\n\n"
            '"We need work," Petrov said.',
            [("We need work", "Ivan Petrov", "chairman", "Borsk Drivers' Union")],
        ),
    ],
)
def test_a_role_and_organisation_given_away_from_the_name(text, expected, gazetteer):
    """A minister's organisation is the ministry of the portfolio the article names; "X has … and is chairman of Y"
    gives X's role and organisation past the clause between."""
    assert organised(text, gazetteer) == expected


def test_a_clause_that_names_a_figure_again_gives_its_year(gazetteer):
    """ "about 9pc of the power, a share they held as late as 2012": the clause after the figure names it again (a
    share, a level, a total) and gives its time."""
    text = "The old units supplied about 9pc of the power, a share they held as late as 2012."
    assert [c.props.get("candidateYear") for c in candidates_of(text, gazetteer) if "candidateValue" in c.props] == [
        ['"2012"^^xsd:gYear']
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # an ISO 4217 code glued before the amount
            "TASHKENT, Uzbekistan - The plant will cost UZS120 billion.",
            [("UZS120 billion", "120000000000", '"UZS"')],
        ),
        (  # the capitals of the country's currency's name, with or without the country's adjective: "MK" the
            # Malawi Kwacha, "N$" the Namibia Dollar
            "LILONGWE, Malawi - The mine paid MK4.5 billion in royalties.",
            [("4.5 billion", "4500000000", '"MWK"')],
        ),
        (
            "WINDHOEK, Namibia - The port set aside N$2 billion for the quay.",
            [("2 billion", "2000000000", '"NAD"')],
        ),
    ],
)
def test_letters_glued_before_an_amount_are_the_countrys_currency(text, expected, gazetteer):
    """ "VND6.5 trillion", "P2.3 billion", "NT$3.6 billion": an ISO 4217 code or the initials of the currency's
    name (pycountry) glued before an amount with a scale give the figure and its currency."""
    found = [
        (c.exact, c.props["candidateValue"][0].split("^^")[0].strip('"'), *c.props.get("candidateUnit", [])[:1])
        for c in candidates_of(text, gazetteer)
        if c.kind == "CandidateObservation"
    ]
    assert found == expected


def test_thousands_set_off_by_a_space_are_one_number_where_the_text_does_so_throughout(gazetteer):
    """ "180 000 tonnes": a group of three digits after one to three digits and a space is the same number, in a
    text that never writes thousands with a comma."""
    text = "The mills crush about 180 000 tonnes a year and employ 11 400 workers."
    assert [(n[0], n[1].split("^^")[0].strip('"')) for n in numbers(text, gazetteer)] == [
        ("about 180 000 tonnes", "180000"),
        ("11 400 workers", "11400"),
    ]
    text = "The mills crush about 180,000 tonnes, and in 2025 12 400 tonnes more."
    assert "12" in [n[1].split("^^")[0].strip('"') for n in numbers(text, gazetteer)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a given name of two letters, written last and said again alone
            "The port is deep, said Lê Minh Tú, an engineer at the Hai Phong Port Authority.\n\n"
            '"We can take the ships," Tú said.',
            [("We can take the ships", "Lê Minh Tú", "engineer", "Hai Phong Port Authority")],
        ),
        (  # a form of address the lexicon does not know, before the full name and again before the last word
            'Inkosi Sipho Mthembu, the headman of Ulundi, met the miners.\n\n"We were not asked," Inkosi Mthembu said.',
            [("We were not asked", "Sipho Mthembu", "Inkosi", "-")],
        ),
        (
            "Governor of Midlands Province and Patron Cde Rudo Sibanda toured the mine.\n\n"
            '"The work will come," Cde Sibanda said.',
            [("The work will come", "Rudo Sibanda", "Cde", "-")],
        ),
    ],
)
def test_a_name_said_again_by_its_last_short_word_or_after_a_form_of_address(text, expected, gazetteer):
    """ "Vũ Thanh Hà" … "Hà said": a name's last word said again alone is its speaker, short as it is; "Kgosi
    Oarabile Kgari" … "Kgosi Kgari said", "Cde Tendai Mavhunga" … "Cde Mavhunga": a word the text writes before the
    full name and before its last word alone is a form of address, not part of the name."""
    assert [(q[0][: len(e[0])], *q[1:]) for q, e in zip(organised(text, gazetteer), expected, strict=True)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "heads the X's part at the Y": the head of Y
            "Ivo Marek, who heads the drivers' section at the Trade Union of Transport Workers, spoke first.\n\n"
            '"We will wait," Marek said.',
            [("We will wait", "Ivo Marek", "head", "Trade Union of Transport Workers")],
        ),
        (  # a body, then the person set off by commas before the verb; a tag before a quote that ends its sentence
            'Ana Novak, the union leader, spoke first.\n\n"We wait," Novak said.\n\n'
            'A spokesman for Borsk Energo, Ivan Petrov, wrote in an email: "The plant will keep 300 staff." He did not '
            "say how many would come from the mine.",
            [
                ("We wait", "Ana Novak", "union leader", "-"),
                ("The plant will keep", "Ivan Petrov", "spokesman", "Borsk Energo"),
            ],
        ),
    ],
)
def test_a_part_headed_at_a_body_and_a_person_set_off_after_the_body_they_speak_for(text, expected, gazetteer):
    """ "who heads the miners' federation at the Podkrepa Confederation of Labour": head of the body after "at";
    "A spokeswoman for Y, X, wrote in an email: "…." She did not say …": X, the tag before the quote."""
    assert [(q[0][: len(e[0])], *q[1:]) for q, e in zip(organised(text, gazetteer), expected, strict=True)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "the office" / "the university": the last name with that word
            "The regional Forestry Office said on Monday the quota would fall. The head of the office, Budi Santoso, "
            'said the cut was final.\n\n"It is final," Santoso said.',
            [("It is final", "Budi Santoso", "head", "Forestry Office")],
        ),
        (  # a title's possessive opening the body's name is part of it
            "The Mayor's Office of Housing paid $2 million, said Lena Ortiz, a spokeswoman for the office.\n\n"
            '"It is a start," Ortiz said.',
            [("It is a start", "Lena Ortiz", "spokeswoman", "Mayor's Office of Housing")],
        ),
        (
            "A survey by the University of Kerala found the same. Meena Pillai, an economist at the university, "
            'said so.\n\n"Nobody was asked," Pillai said.',
            [("Nobody was asked", "Meena Pillai", "economist", "University of Kerala")],
        ),
        (  # "Its" after a sentence opening on "The" and a name a "which" clause follows: that body
            "The Tarn Valley Karmachari Sangh, which has 900 members, objects. Its treasurer, Ravi Das, said so.\n\n"
            '"We were not told," Das said.',
            [("We were not told", "Ravi Das", "treasurer", "Tarn Valley Karmachari Sangh")],
        ),
        (  # a role before the name, the organisation in a "who heads" clause after it
            "Policy analyst Ngozi Obi, who heads the Lagos-based Delta Grid Institute, said costs fell.\n\n"
            '"Solar is cheaper," Obi said.',
            [("Solar is cheaper", "Ngozi Obi", "Policy analyst", "Delta Grid Institute")],
        ),
    ],
)
def test_an_organisation_a_role_points_back_or_on_to(text, expected, gazetteer):
    """ "the office", "the university" are the last body named with that word (a title's possessive before it part of
    its name); "Its" after "The Y, which …" is Y; "who
    heads the Y" gives the organisation of a role written before the name."""
    assert organised(text, gazetteer) == expected


def test_a_first_name_said_with_the_surname_is_no_form_of_address(gazetteer):
    """ "Eva Lotte Brandt" … "Eva Brandt said" … "Brandt said": the first word comes with the surname on one mention
    and the surname is said alone on another, so it is her first name, not a form of address ("Cde Mavhunga" keeps
    its address on every mention)."""
    text = (
        "Eva Lotte Brandt, a welder at the Lausitz yard, lost her job in May. Brandt said she had a plan.\n\n"
        '"I will retrain," Eva Brandt said.'
    )
    assert [q[1] for q in organised(text, gazetteer)] == ["Eva Lotte Brandt"]


def test_a_dotted_abbreviation_before_a_lower_case_word_ends_no_sentence(gazetteer):
    """ "Between 2015 and 2022, Severní doly a.s. cut 4,100 jobs": the stop of "a.s." before a word in lower case ends
    no sentence, so the period that opens it governs the figure."""
    text = "Between 2015 and 2022, the operator Severní doly a.s. cut 4,100 jobs."
    found = [
        (c.exact, c.props.get("startYear"), c.props.get("endYear"))
        for c in candidates_of(text, gazetteer)
        if c.kind == "CandidateObservation"
    ]
    assert found == [("4,100 jobs", ['"2015"^^xsd:gYear'], ['"2022"^^xsd:gYear'])]
    assert len(sentence_spans("It runs till 9 p.m. on weekdays. Then it stops.")) == 2


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a local plural of a currency's ISO 4217 name (pycountry): Spanish "-es", Scandinavian "-er"
            "LIMA, Peru, Jan 21 (Reuters) - A family gets twenty thousand soles. The fund holds 40 million soles.",
            [("twenty thousand soles", '"PEN"'), ("40 million soles", '"PEN"')],
        ),
        (
            "OSLO, Norway, Jan 21 (Reuters) - The firm spent 640 million kroner on closing the mine.",
            [("640 million kroner", '"NOK"')],
        ),
        (  # a sign made of the name's first letters and a slash or stop, where the text is set: "S/" the sol, "kr"
            "LIMA, Peru, Jan 21 (Reuters) - Grants of between S/ 5,000 and S/ 20,000 each; a S/ 64 million fund.",
            [("between S/ 5,000", '"PEN"'), ("S/ 20,000", '"PEN"'), ("S/ 64 million", '"PEN"')],
        ),
        (
            "OSLO, Norway, Jan 21 (Reuters) - A ticket costs kr 450. The page is at p. 5.",
            [("kr 450", '"NOK"'), ("5", None)],
        ),
    ],
)
def test_a_currencys_local_plural_and_a_sign_from_its_name(text, expected, gazetteer):
    found = [
        (c.exact, *(c.props.get("candidateUnit") or [None])[:1])
        for c in candidates_of(text, gazetteer)
        if c.kind == "CandidateObservation"
    ]
    assert found == expected, found


def test_a_people_is_a_place_ending_in_a_and_n_not_any_name_ending_in_n(gazetteer):
    """ "Kenyans" is of Kenya; "Oyón" is no people of Nigeria's Oyo: the Peruvian region named twice sets the sol."""
    text = "Oyón, Peru (AP) — Oyón asked Lima for S/ 64 million. Oyón miners met in Oyón and in Lima."
    found = [
        (c.exact, *(c.props.get("candidateUnit") or [None])[:1])
        for c in candidates_of(text, gazetteer)
        if c.kind == "CandidateObservation"
    ]
    assert found == [("S/ 64 million", '"PEN"')], found


def test_a_district_or_division_of_a_union_keeps_its_number(gazetteer):
    """ "who heads Y District 20": the organisation is the numbered district, not "Y District"."""
    text = (
        "Ray Dunmore, who heads United Steelworkers District 7, spoke at the gate.\n\n"
        '"We want the jobs first," Dunmore said.'
    )
    found = organised(text, gazetteer)
    assert [f[3] for f in found] == ["United Steelworkers District 7"], found


def test_a_year_earlier_opening_a_sentence_counts_back_from_a_named_year_before_it(gazetteer):
    """ "Last year … . A year earlier the bill had been …": the year before last year, not before the publication's."""
    text = "Last year the company paid PLN 910m for allowances. A year earlier the bill had been PLN 640m."
    found = years(text, gazetteer, dt.date(2026, 10, 20))
    assert (found.get("PLN 910m"), found.get("PLN 640m")) == ("2025", "2024"), found


def test_a_time_opening_the_sentence_governs_a_later_clause_after_one_with_a_figure(gazetteer):
    """ "Last year the plant generated 9 percent …, while it paid HUF 68 billion": both of last year; a time inside a
    clause with a figure of its own ("lost 9,000 residents in 2020, and its income …") is still its clause's only."""
    text = (
        "The workforce shrank. Last year the plant generated 9 percent of the power, while it paid HUF 68 billion "
        "for allowances. The town lost 9,000 residents in 2020, and its income is $34,000."
    )
    found = years(text, gazetteer, dt.date(2026, 10, 20))
    assert (found.get("HUF 68 billion"), found.get("$34,000")) == ("2025", "2026"), found


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a known thing whose clause says it is still to be made, and one elided after "and"
            "The company said the 560MW gas unit would start running in 2028 and the 200MW battery a year later.",
            {"560MW": "2028", "200MW": "2029"},
        ),
        (  # a new thing, made when the clause right after its own says
            "It foresees a 500MW gas unit and a 300MW solar park on the old fields, both to be completed by 2029.",
            {"500MW": "2029", "300MW": "2029"},
        ),
        (  # a known thing to be closed, not made; a later clause about something else
            "The owner said the 1720MW station would stop generating in June 2028. It would pair a 220MW solar farm "
            "with a battery and employ 350 people during construction, which is set to start next spring.",
            {"1720MW": "-", "220MW": "-"},
        ),
    ],
)
def test_a_capacity_still_to_be_made_holds_from_the_year_it_is_due(text, expected, gazetteer):
    found = years(text, gazetteer, dt.date(2026, 10, 20))
    assert {exact: found.get(exact) for exact in expected} == expected, found


@pytest.mark.parametrize(
    "text, year",
    [
        ("The plant will stop burning coal next year, and the town has been promised EUR 48 million.", "-"),
        ("The plant will stop burning coal next year, and the town will get EUR 48 million.", "2027"),
    ],
)
def test_a_future_time_before_is_not_a_figures_in_the_present_perfect(text, year, gazetteer):
    assert years(text, gazetteer, dt.date(2026, 10, 20)).get("EUR 48 million") == year


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "X of the Y": Y, with no role
            'Tomasz Brill of the Orava Heat Institute said the plan was sound.\n\n"It can work," Brill said.',
            "Orava Heat Institute",
        ),
        (  # "of the miners' union Y": the union's name
            'Lena Kopf, of the miners\' union VZ Horník, said so.\n\n"We wait," Kopf said.',
            "VZ Horník",
        ),
        (  # "who studies … at Y": Y
            'Ines Faro, who studies mining towns at Dunmore University, was blunt.\n\n"It is late," Faro said.',
            "Dunmore University",
        ),
        (  # a place takes no "the": "X of Tychy" is no organisation
            'Jan Wolny of Tychy said the plan was sound.\n\n"It can work," Wolny said.',
            "-",
        ),
        (  # "who worked at Y", "who spoke at Y": a past post, a venue, no organisation
            'Ivo Kranj, who worked at Snibwell for 22 years, was blunt.\n\n"It is late," Kranj said.',
            "-",
        ),
    ],
)
def test_an_organisation_right_after_a_name_with_no_role_between(text, expected, gazetteer):
    """ "X of the Y", "X, of the miners' union Y,", "X, who studies … at Y": Y, the article's only word on X."""
    found = organised(text, gazetteer)
    assert [f[3] for f in found] == [expected], found


def test_an_apposition_opening_on_an_owners_possessive_keeps_the_owner_whole(gazetteer):
    """ "X, the National Union of Y' regional secretary for Z, said:": the union and its post, not cut at "of"."""
    text = 'Dumi Zulu, the Federation of Kilnworkers\' regional secretary for the Vaalrand, said: "We wait."'
    found = organised(text, gazetteer)
    assert [f[1:] for f in found] == [("Dumi Zulu", "regional secretary", "Federation of Kilnworkers")], found


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a title the text names the office of in lower case ("the regency"), before a two-word name
            'Regent Adi Sumarno said the regency would pay for training.\n\n"We knew it would come," Sumarno said.',
            ("Adi Sumarno", "Regent", "-"),
        ),
        (  # a hyphenated surname after title words
            'The plant will cost more, Chief Executive Pavel Novák-Kratochvíl told Reuters.\n\n"It is late,"'
            " Novák-Kratochvíl said.",
            ("Pavel Novák-Kratochvíl", "Chief Executive", "-"),
        ),
        (  # an initial opening the name after a capitalised occupation
            'Dunmore District Collector K. Ramesh said the district had a plan.\n\n"We want them to stay," the'
            " Collector said.",
            ("K. Ramesh", "Collector", "-"),
        ),
        (  # a body's name ending in its noun, then a name the text later calls by one word
            "Vice Chairman of the provincial People's Committee Trần Văn Bình said the plant was first.\n\n"
            '"It is late," Bình told reporters.',
            ("Trần Văn Bình", "-", "-"),
        ),
        (  # the body an acronym ends, before a title: the organisation, the title the role
            '"We cut nothing," said Brandt ISD Superintendent Lena Ortiz-Wale.',
            ("Lena Ortiz-Wale", "Superintendent", "Brandt ISD"),
        ),
        (  # a body's name ending in its noun before a hyphenated title
            'Energy Bureau Deputy Director-General Lin Mei-hua said the port was ready.\n\n"It is ready," Lin said.',
            ("Lin Mei-hua", "Deputy Director-General", "Energy Bureau"),
        ),
        (  # a country's code before a title is no organisation
            '"We cut nothing," said US Senator Lena Ortiz-Wale.',
            ("Lena Ortiz-Wale", "US Senator", "-"),
        ),
    ],
)
def test_a_title_glued_to_a_name_is_no_part_of_it(text, expected, gazetteer):
    """The speaker's name is their words only: the title before it is the role, a body before the title the
    organisation ("Regent X", "Chief Executive X Y-Z", "Collector K. X", "People's Committee X", "Y ISD
    Superintendent X")."""
    found = organised(text, gazetteer)
    assert {f[1:] for f in found} == {expected}, found


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a sign or word of a kind of currency ("Rs", "rupees", "$") is the kind the article's country uses
            "KARACHI, Pakistan - The board paid Rs4.5bn to growers and set aside 300 million rupees for wells.",
            [("Rs4.5bn", '"PKR"'), ("300 million rupees", '"PKR"')],
        ),
        (  # an ISO 4217 code written before a "$"
            "MEDELLÍN, Colombia - Wages run from COP$1.9 million a month; the plan costs US$40 million.",
            [("COP$1.9 million", '"Colombian peso"'), ("US$40 million", '"US dollar"')],
        ),
        (  # the initials of the country's currency set off by a space ("TL": Turkish Lira)
            "IZMIR, Turkey - The port will cost TL 3.2 billion and pays dockers TL 41,000 a month.",
            [("TL 3.2 billion", '"lira"'), ("TL 41,000", '"lira"')],
        ),
        (  # a sign that abbreviates the name's last word, letters in order ("Tk": taka), with Indian scales
            "DHAKA, Bangladesh - Farmers got Tk 36 crore; each family Tk 2.5 lakh, at Tk 11.40 per unit.",
            [("Tk 36 crore", '"BDT"'), ("Tk 2.5 lakh", '"BDT"'), ("Tk 11.40", '"BDT"')],
        ),
    ],
)
def test_a_currency_by_its_kind_its_code_and_a_dollar_its_initials_and_its_abbreviation(text, expected, gazetteer):
    """A currency named only by its kind ("Rs", "rupees", "$") is the country's of that kind; "COP$" is the code's;
    "TL 3.2 billion" and "Tk 36 crore" are the country's currency whose name they write the initials or an
    abbreviation of."""
    found = [
        (c.exact, *(c.props.get("candidateUnit") or [None])[:1])
        for c in candidates_of(text, gazetteer)
        if c.kind == "CandidateObservation"
    ]
    assert found == expected, found


def test_an_organisation_named_for_a_people_votes_for_its_country(gazetteer):
    """ "the Australian Bureau of Statistics" sets a story in Australia, so its "$" is the Australian dollar."""
    text = (
        "Wagon works to shed jobs\n\nThe works' revenue fell to $61.5 million, figures from the Australian Bureau of "
        "Statistics show."
    )
    assert [
        (c.exact, *(c.props.get("candidateUnit") or [None])[:1])
        for c in candidates_of(text, gazetteer)
        if c.kind == "CandidateObservation"
    ] == [("$61.5 million", '"Australian dollar"')]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # the thing the sentence opens on, its verb after an apposition and a figure: due in a later year
            "The successor, a 420MW gas plant on the old site, is priced at $900 million and is due to start up in "
            "late 2031.",
            {"420MW": "2031"},
        ),
        (  # a known thing, a participle clause between it and its verb; "the spring of 2029" is that year's spring
            "The 610-megawatt unit taking over, cooled by river water, is due on line in the spring of 2029.",
            {"610-megawatt": "2029"},
        ),
        (  # a time between the thing and its verb is the thing's own, and a thing closed is not made
            "The 800MW station opened in 1990 and will open a mine in 2030. The 700MW unit, which opened in 1985, "
            "is due to close in 2028.",
            {"800MW": "1990", "700MW": "-"},
        ),
        (  # the thing is no subject: not its time
            "It would pair a 220MW solar farm with a battery, which is set to start next spring.",
            {"220MW": "-"},
        ),
    ],
)
def test_a_capacity_a_sentence_opens_on_holds_from_the_year_it_is_due(text, expected, gazetteer):
    """ "The 550MW unit replacing them, fired by gas, is due on line in 2028": the subject's capacity, its year."""
    found = years(text, gazetteer, dt.date(2026, 10, 20))
    assert {exact: found.get(exact) for exact in expected} == expected, found


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # over a byline and a later sentence of the lead paragraph that states no time
            "Harbour exports slide 9% in 2025 as buyers turn away\n\nBy A Writer in Harbour | Daily | Updated: "
            "2026-09-15\n\nThe cranes still rise over the quay. Coal exports fell to 38.6 million tons, the port "
            "said.\n\nLoadings fell to 4.1 million tons, the port said.",
            {"38.6 million tons": "2025", "4.1 million tons": "-"},
        ),
        (  # a time the lead paragraph states wins
            "Harbour exports slide 9% in 2025 as buyers turn away\n\nThe cranes rose over the quay in 2019. Coal "
            "exports fell to 38.6 million tons, the port said.",
            {"38.6 million tons": "2019"},
        ),
    ],
)
def test_a_headline_time_holds_over_the_lead_paragraph(text, expected, gazetteer):
    """A headline's year ("… slides 9% in 2025") holds for the lead paragraph's figures of a flow that state none,
    past byline and date lines (not prose), until the paragraph states a time."""
    found = years(text, gazetteer, dt.date(2026, 10, 20))
    assert {exact: found.get(exact) for exact in expected} == expected, found


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a sentence that names a dated source and no figure: its year for the next one's, told in the past
            "The 2016 census gave the village its lowest count. The village had 3,140 residents, most of them old.",
            {"3,140 residents": "2016"},
        ),
        (  # not a figure in the present after it
            "At the 2016 census, one in five workers was in farming. The shire, home to about 9,000 people, has grown.",
            {"about 9,000 people": "-"},
        ),
        (  # nor a time that names no source
            "The mill opened in 2016. The village had 3,140 residents.",
            {"3,140 residents": "-"},
        ),
    ],
)
def test_a_dated_source_in_the_sentence_before_gives_its_year(text, expected, gazetteer):
    """ "The 2021 census gave X its highest count. The town had 12,850 residents": the census's year."""
    found = years(text, gazetteer, dt.date(2026, 10, 20))
    assert {exact: found.get(exact) for exact in expected} == expected, found


def test_a_financial_year_opening_the_sentence_governs_a_later_clause(gazetteer):
    """ "In the 2024-25 financial year the mine produced …, and its revenue fell 22pc": the year opens the sentence
    ("In the …" as "In …"), so it holds for the later clause that states none."""
    text = "In the 2023-24 financial year the pit produced 2.2 million tonnes, and its revenue fell 14pc."
    found = years(text, gazetteer, dt.date(2026, 10, 20))
    assert found.get("14pc") == "2023-2024", found


@pytest.mark.parametrize(
    "text, wanted, unwanted",
    [
        (  # an engineer's title abbreviated before a name is no part of it
            '"The seam is wet," Engr Md Kamrul Hasan Talukder, chief engineer of the mine, said.',
            {"Md Kamrul Hasan Talukder"},
            {"Engr Md Kamrul Hasan Talukder"},
        ),
        (  # a people's word made of a country the text names ("Ruritania" + "n") before a lower-case word
            "Most coal leaves Ruritania by rail. The pit employs 900 Ruritanian miners.",
            {"Ruritania"},
            {"Ruritanian"},
        ),
        (  # a lede's first word set in capitals ("THE Rutherford workshop") is no part of the name
            "Wagon works to shut\n\nTHE Brackley workshop will close in June, its owner said.",
            {"Brackley"},
            {"THE Brackley"},
        ),
        (  # a company's form written with dots and letters beyond ASCII ("A.Ş.") closes its name
            "The plant's operator Kestane Enerji A.Ş. said the units would shut.",
            {"Kestane Enerji A.Ş."},
            {"Kestane Enerji A"},
        ),
    ],
)
def test_titles_peoples_capitals_and_company_forms_are_no_part_of_names(text, wanted, unwanted, gazetteer):
    """Names stop short of an abbreviated title ("Engr"), a lede's capitalised first word ("THE"), and a people's word
    made of a country the text names is no name; a company's form with dots ("A.Ş.") is part of its name."""
    names = {c.exact for c in candidates_of(text, gazetteer) if c.kind == "CandidateMention"}
    assert wanted <= names and not unwanted & names, names


@pytest.mark.parametrize(
    "text, speaker",
    [
        (  # a title between the office fronted and the name ("Y's mayor, Cr X"): "the mayor" is X
            "Brackley's mayor, Cr Joanne Pettifer-Lowe, said the council would help.\n\n"
            '"We will find the money," the mayor said.',
            "Joanne Pettifer-Lowe",
        ),
        (  # an office's acronym set in brackets before the name: "the UNO" is the person named after it
            "Kestapur Upazila Nirbahi Officer (UNO) Rashed Karim Mollah said the list was done.\n\n"
            '"Every family is on it," the UNO said.',
            "Rashed Karim Mollah",
        ),
    ],
)
def test_an_office_fronted_or_abbreviated_before_a_name_is_who_it_names_later(text, speaker, gazetteer):
    """ "the mayor said" after "Y's mayor, Cr X", "the UNO said" after "… Officer (UNO) X": X speaks."""
    found = organised(text, gazetteer)
    assert [f[1] for f in found] == [speaker], found


def test_a_list_of_words_ending_in_an_organisations_noun_is_one_name(gazetteer):
    """ "the Road, Ferry and Dock Union": the commas and "and" inside one organisation's name, its speaker's too."""
    text = (
        "Alan Brierley, an organiser at the Road, Ferry and Dock Union, said the talks had failed.\n\n"
        '"We will strike," Brierley said.'
    )
    names = {c.exact for c in candidates_of(text, gazetteer) if c.kind == "CandidateMention"}
    assert "Road, Ferry and Dock Union" in names and "Ferry and Dock Union" not in names, names
    assert [f[1:] for f in organised(text, gazetteer)] == [("Alan Brierley", "organiser", "Road, Ferry and Dock Union")]


@pytest.mark.parametrize(
    "text, wanted",
    [
        (  # a city's name before the kind of body ("the Brackley think tank Y"): the body is Y, not the city
            "Mara Olsson, an energy analyst at the Brackley think tank Kestrel Forum, said the plan was late.\n\n"
            '"It is late," Olsson said.',
            ("Mara Olsson", "energy analyst", "Kestrel Forum"),
        ),
        (  # the same with the kind hyphenated
            "Mara Olsson, an analyst at the Brackley think-tank Instytut Wiatru, said the plan was late.\n\n"
            '"It is late," Olsson said.',
            ("Mara Olsson", "analyst", "Instytut Wiatru"),
        ),
    ],
)
def test_a_place_before_a_bodys_kind_is_not_the_organisation(text, wanted, gazetteer):
    """ "at the <place> think tank <name>": the organisation is the name after the kind, never the place."""
    assert [f[1:] for f in organised(text, gazetteer)] == [wanted]


@pytest.mark.parametrize(
    "text, wanted",
    [
        (  # "who heads the union in <place>": the union named before, not the place
            "The Kestrel Metalworkers Union welcomed the plan. Ana Brun, who heads the union in Brackley, said it was "
            'vague.\n\n"It is vague," Brun said.',
            ("Ana Brun", "head", "Kestrel Metalworkers Union"),
        ),
        (  # "who heads the centre": the centre named before by the word of its name
            "Most residents commute, according to the Centre for Valley Studies. Dr Lena Okafor, who heads the centre, "
            'said wages lag.\n\n"Wages lag," Okafor said.',
            ("Lena Okafor", "head", "Centre for Valley Studies"),
        ),
    ],
)
def test_who_heads_the_kind_of_a_body_named_before(text, wanted, gazetteer):
    """ "X, who heads the union in Y" / "who heads the centre": the body of that kind named last before."""
    assert [f[1:] for f in organised(text, gazetteer)] == [wanted]


@pytest.mark.parametrize(
    "text, wanted",
    [
        (  # "Its" after a sentence whose subject is a body with no word of a company's in its name
            "Brackley council will vote on a plan by Kestrel Digital to build a data centre.\n\n"
            "Kestrel says the project would employ 120 people. Its chief operating officer, Omar Vance, told "
            'reporters the company wanted miners.\n\n"Miners know machines," Vance said.',
            ("Omar Vance", "chief operating officer", "Kestrel"),
        ),
        (  # "its" two sentences on from the body that opens the one before ("The company …, its general manager")
            "Eléctrica del Norte employs 340 people. The company has set aside 14 billion pesos, its general manager, "
            'Rui Campos, told reporters.\n\n"We are not leaving," Campos said.',
            ("Rui Campos", "general manager", "Eléctrica del Norte"),
        ),
        (  # never a place that opens the sentence before (the text writes "in Brackley")
            "Brackley lost 400 jobs in 2024. Its general manager, Rui Campos, told reporters that life in Brackley "
            'was hard.\n\n"We are not leaving," Campos said.',
            ("Rui Campos", "general manager", "-"),
        ),
    ],
)
def test_its_role_is_the_bodys_that_opens_the_sentence_before(text, wanted, gazetteer):
    """ "Its general manager, X": the body (not a person, not a place the text writes "in") that opens this sentence
    or the one before, when no name of an organisation's words is nearer."""
    assert [f[1:] for f in organised(text, gazetteer)] == [wanted]


def test_a_role_said_with_is_after_a_relative_clause(gazetteer):
    """ "X, who runs a shop on Y Street, is president of the Z": the role and organisation "is" gives after the
    clause."""
    text = (
        "Maeve Tolland, who runs a bakery on Fenner Street, is president of the Brackley Chamber of Commerce. She said "
        'trade had fallen.\n\n"Trade is down," Tolland said.'
    )
    assert [f[1:] for f in organised(text, gazetteer)] == [
        ("Maeve Tolland", "president", "Brackley Chamber of Commerce")
    ]


def test_a_companys_dotted_form_closes_the_speakers_organisation(gazetteer):
    """ "general manager of Kestane Enerji A.Ş.": the organisation keeps its dotted form whole."""
    text = 'Nuri Aksoy, general manager of Kestane Enerji A.Ş., said the units were old.\n\n"They are old," Aksoy said.'
    assert [f[1:] for f in organised(text, gazetteer)] == [("Nuri Aksoy", "general manager", "Kestane Enerji A.Ş.")]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        (  # "the same period of YEAR" is that year, not a period from the sentence's first time to now
            "The miner's losses in the first nine months of this year reached 3.1 billion rubles, compared with a "
            "profit of 710 million rubles in the same period of 2023.",
            dt.date(2024, 11, 20),
            {"3.1 billion rubles": "2024", "710 million rubles": "2023"},
        ),
        (  # "over the same period" after this year's time: this year, never a period "2024-2024"
            "Sales rose 7% in the first half of this year, while costs rose 12 percent over the same period.",
            dt.date(2024, 9, 2),
            {"7%": "2024", "12 percent": "2024"},
        ),
        (  # a span of months with no year: the last such months ended before the publication
            "In February-September the port handled 2.3 million tonnes, and freight fell by 6.1% in "
            "February-September, to 95 million tonnes.",
            dt.date(2024, 10, 14),
            {"2.3 million tonnes": "2024", "6.1%": "2024", "95 million tonnes": "2024"},
        ),
        (  # … and last year's when those months have not all passed
            "In January-October the pit produced 640,000 tonnes.",
            dt.date(2024, 3, 5),
            {"640,000 tonnes": "2023"},
        ),
        (  # a financial year opening the sentence before, over a figure whose sentence's only time is the other side
            "In the 2022-23 financial year, the plant lost $31 million. Its mine dug 3.4 million tonnes of coal, down "
            "from 5.2 million in 2017-18.",
            dt.date(2024, 2, 1),
            {"$31 million": "2022-2023", "3.4 million tonnes": "2022-2023", "5.2 million": "2017-2018"},
        ),
    ],
)
def test_years_of_the_same_period_of_a_year_month_spans_and_a_financial_year_before(
    text, published, expected, gazetteer
):
    """ "in the same period of 2023" is 2023; "In February-September" a span of months of the year it last ended;
    a financial year opening the sentence before holds for a flow whose sentence's only time is a "from" side's."""
    found = years(text, gazetteer, published)
    assert {k: found.get(k) for k in expected} == expected, found


@pytest.mark.parametrize(
    "text, wanted",
    [
        (  # a sign written after amounts in its country ("138 million KM"), here before them
            "ZENICA, Bosnia and Herzegovina (Reuters) - The steelworks paid KM 7.2 million in fees last year and "
            "offered severance of up to KM 35,000 each.",
            {("KM 7.2 million", "BAM"), ("up to KM 35,000", "BAM")},
        ),
        (  # a region's code opening an organisation's name ("the NSW Government"): its country's "$"
            "The training centre near the old pit secured $8.5 million from the NSW Government in March.",
            {("$8.5 million", "Australian dollar")},
        ),
    ],
)
def test_a_sign_written_after_amounts_before_one_and_a_regions_code_in_a_name(text, wanted, gazetteer):
    """ "KM 7.2 million" in Bosnia is the convertible mark as "7.2 million KM" is; "the NSW Government" sets a story in
    Australia, whose "$" is the Australian dollar."""
    got = {(c.exact, (c.props.get("candidateUnit") or ['""'])[0].strip('"')) for c in candidates_of(text, gazetteer)}
    assert wanted <= got, got


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # hours a plant ran: a count over the time it is given, not a duration
            "The station ran for fewer than 2,100 hours last year, the operator said.",
            {"fewer than 2,100 hours": "2024"},
        ),
        (  # days lost and days stood idle likewise
            "Last year, the mine lost 37 production days to floods.",
            {"37 production days": "2024"},
        ),
        (  # … and from the sentence before, over a sentence that states no time ("Last year was …")
            "Last year was the worst on record for the smelter. Its furnaces stood idle for 64 days.",
            {"64 days": "2024"},
        ),
        (  # a duration stays without a year
            "The union has fought for 30 years to keep the pits open, it said last year.",
            {"30 years": "-"},
        ),
    ],
)
def test_hours_run_and_days_lost_hold_for_their_time(text, expected, gazetteer):
    """ "ran for fewer than 2,100 hours last year", "lost 37 production days": counts over a time, which they take
    (from the sentence before too), while "for 30 years" stays a duration of no year."""
    found = years(text, gazetteer)
    assert {k: found.get(k) for k in expected} == expected, found


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a headline's past year ("… in 2024"): what "a year earlier" counts back from in a paragraph with no year
            "Harbour coal exports fell by a fifth in 2024\n\nCoal exports through the port fell to 6.2 million tonnes, "
            "down from 7.8 million a year earlier, the port authority said on Monday.",
            {"6.2 million tonnes": "2024", "7.8 million": "2023"},
        ),
        (  # not a year ahead ("to close in 2027"): the publication's
            "Harbour coal terminal to close in 2027\n\nCoal exports through the port fell to 6.2 million tonnes, "
            "down from 7.8 million a year earlier, the port authority said on Monday.",
            {"6.2 million tonnes": "2025", "7.8 million": "2024"},
        ),
    ],
)
def test_a_headlines_past_year_is_what_a_year_earlier_counts_back_from(text, expected, gazetteer):
    """ "… fell by a fifth in 2024" over "fell to 6.2 million tonnes, down from 7.8 million a year earlier": 2024 and
    2023; a headline's year ahead ("to close in 2027") leaves them the publication's."""
    found = years(text, gazetteer, dt.date(2025, 3, 12))
    assert {k: found.get(k) for k in expected} == expected, found


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # the whole a part of which is to go stands now, not at the time of the cut
            "The miner said it would lay off nearly a third of its 840 workers in 2027.",
            {"nearly a third": "2027", "840 workers": "2025"},
        ),
        (  # a place's size in apposition: now
            "The owner will shut the mine in 2028, a decision that threatens 300 jobs in a town of roughly 3,100 "
            "people.",
            {"300 jobs": "2028", "roughly 3,100 people": "2025"},
        ),
        (  # a count said of now, before a plan's year
            "The firm now employs 270 people and expects to add another 400 by 2029.",
            {"270 people": "2025"},
        ),
    ],
)
def test_a_whole_a_towns_size_and_a_count_of_now_are_not_dated_by_a_later_plan(text, expected, gazetteer):
    """ "lay off a third of its 840 workers in 2027": 840 stands now; "a town of roughly 3,100 people" and "now
    employs 270 people" likewise, whatever year the clause plans for."""
    found = years(text, gazetteer)
    assert {k: found.get(k) for k in expected} == expected, found


@pytest.mark.parametrize(
    "text, published, expected",
    [
        (  # Australia's financial year begins in July
            "BENDIGO, Victoria (AAP) - The state will put $25 million into a retraining fund this financial year.",
            dt.date(2025, 5, 20),
            {"this financial year": "2024-2025", "$25 million": "2024-2025"},
        ),
        (  # India's in April
            "KORBA, Chhattisgarh (PTI) - The district will seek Rs 120 crore this financial year for training.",
            dt.date(2025, 6, 2),
            {"this financial year": "2025-2026", "Rs 120 crore": "2025-2026"},
        ),
    ],
)
def test_this_financial_year_by_the_countrys_financial_year(text, published, expected, gazetteer):
    """ "this financial year": the financial year of the publication date, begun in the month the article's country
    begins it (July in Australia, April in India)."""
    found = years(text, gazetteer, published, kind=None)
    assert {k: found.get(k) for k in expected} == expected, found


def test_a_change_on_the_same_period_of_a_year_is_of_the_year_after(gazetteer):
    """ "a fall of 12% on the same period of 2024": the other side's year; the change is of the year after it."""
    text = "So far this year the pit has dug 2.2 million tonnes, a fall of 12% on the same period of 2024."
    found = years(text, gazetteer)
    assert (found.get("2.2 million tonnes"), found.get("12%")) == ("2025", "2025"), found


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a headline's plan and year, told again in the lead with no time of its own
            "Riverbend smelter to close in 2028, owner confirms\n\nTHE town's biggest employer will shut its smelter, "
            "with the loss of 420 jobs, and build a solar farm on the site.",
            {"420 jobs": "2028"},
        ),
        (  # not a count of now beside the plan
            "Riverbend smelter to close in 2028, owner confirms\n\nTHE smelter, which employs 420 people, will shut "
            "and a solar farm will be built on the site.",
            {"420 people": "2025"},
        ),
    ],
)
def test_a_plan_told_again_takes_the_year_it_was_told_with(text, expected, gazetteer):
    """ "… to close in 2028" then "will shut its smelter, with the loss of 420 jobs": the plan's year; "which employs
    420 people" stays of now."""
    found = years(text, gazetteer)
    assert {k: found.get(k) for k in expected} == expected, found


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a capacity a past act put in service holds from that act's time
            "The county switched on a 150MW solar farm last month, built on an old spoil heap.",
            {"150MW": "2025"},
        ),
        (  # a capacity connected in the year the sentence before names
            "Last year was a record for the grid. The region connected 1,700 megawatts of new wind capacity.",
            {"1,700 megawatts": "2024"},
        ),
        (  # a capacity said of a thing stays without a year
            "The 150MW solar farm, built on an old spoil heap, employs 12 people.",
            {"150MW": "-"},
        ),
    ],
)
def test_a_capacity_put_in_service_takes_the_time_of_the_act(text, expected, gazetteer):
    """ "switched on a 150MW solar farm last month", "connected 1,700 megawatts" after "Last year was …": the act's
    year; "The 150MW solar farm …" says of a thing and holds for none."""
    found = years(text, gazetteer)
    assert {k: found.get(k) for k in expected} == expected, found


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a headline's year set before the words of a measure the body's sentence opens on
            "Valley closes its last pit as 2024 wind power output climbs 9%\n\nBy a staff reporter\n\nThe pit shut "
            "on Friday. Wind power output reached 18.3 billion kilowatt-hours, the grid company said.",
            {"18.3 billion kilowatt-hours": "2024"},
        ),
        (  # not a sentence on other words: the time of the sentence before
            "Valley closes its last pit as 2024 wind power output climbs 9%\n\nBy a staff reporter\n\nThe pit shut "
            "on Friday. Coal output reached 18.3 million tonnes, the grid company said.",
            {"18.3 million tonnes": "2025"},
        ),
    ],
)
def test_a_headlines_year_of_a_measure_dates_the_bodys_figure_of_it(text, expected, gazetteer):
    """ "… as 2024 wind power output climbs 9%" over "Wind power output reached 18.3 billion kilowatt-hours": 2024;
    a figure of another measure takes none from it."""
    found = years(text, gazetteer)
    assert {k: found.get(k) for k in expected} == expected, found


@pytest.mark.parametrize(
    "text, absent, present",
    [
        (  # a sign glued to an amount: no name, nor a name's last word
            "Velmora Power said the Rs14bn plan would cost Rs27.3 per unit. Velmora Power paid Dunmark R2.8bn.",
            {"Rs14bn", "Rs27", "Dunmark R2", "R2"},
            {"Velmora Power", "Dunmark"},
        ),
        (  # a name of letters and digits with no amount after it stays one
            "The talks at COP29 in Tarsk drew 300 people, and the A320 landed at Tarsk.",
            set(),
            {"COP29", "Tarsk"},
        ),
        (  # a short sign set after an amount: no name
            "The average wage at Bralica is 1,900 KM a month, the Bralica mine said.",
            {"KM"},
            {"Bralica"},
        ),
        (  # a participle opening a sentence, before a name the text writes alone inside a sentence
            "The plant at Korvath will close. Shutting Korvath is the cheapest option, analysts at Korvath Capital "
            "said of the town of Korvath.",
            {"Shutting Korvath"},
            {"Korvath"},
        ),
    ],
)
def test_signs_glued_to_amounts_and_opening_participles_are_no_names(text, absent, present, gazetteer):
    """ "Rs14bn", "Dunmark R2.8bn" and "1,900 KM" are amounts' signs, no names ("COP29" is);
    "Shutting Korvath …" names Korvath."""
    found = set(names(text, gazetteer))
    assert not (found & absent) and present <= found, found


def test_a_wire_services_abbreviated_scale_multiplies_the_number(gazetteer):
    """ "2.3 bln rubles", "870 mln rubles", "1 trln": the abbreviated scale after a space, as "billion" would."""
    assert numbers("The region will spend 2.3 bln rubles, the city 870 mln rubles.", gazetteer) == [
        ("2.3 bln rubles", "2300000000", "rouble", "-"),
        ("870 mln rubles", "870000000", "rouble", "-"),
    ]


def test_a_currency_word_only_of_its_country_is_that_currency_there(gazetteer):
    """ "marks" is the convertible mark where the article is set in Bosnia and Herzegovina (a dateline's region,
    Republika Srpska); elsewhere it is no currency."""
    text = "TREBINJE, Republika Srpska, May 4 – The plant lost 42 million marks last year."
    assert unit_of_each(text, gazetteer) == [("42 million marks", '"BAM"')]
    text = "The teacher handed back 40 marks out of 50 to each pupil in Ohio."
    assert '"BAM"' not in {unit for _, unit in unit_of_each(text, gazetteer)}


def test_a_currency_word_in_a_contraction_is_no_currency(gazetteer):
    """ "this one won't" is the verb, not a Korean won after "one"; "5,000 won" still is."""
    assert numbers("The last plant closed, and this one won't last either.", gazetteer) == []
    assert [unit for _, _, unit, _ in numbers("A ticket costs 5,000 won in Seoul.", gazetteer)] != ["count"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "since the 2013 census": from then until now, not the census's year
            "The town has shrunk by a fifth since the 2013 census, officials said.",
            {"a fifth": "2013-2025"},
        ),
        (  # two years summed: both
            "In 2023 and 2024 combined, the plant sold power worth 96 million euros.",
            {"96 million euros": "2023-2024"},
        ),
    ],
)
def test_a_period_since_a_dated_event_or_of_two_years_combined(text, expected, gazetteer):
    """ "since the 2013 census" opens a period running until now; "2023 and 2024 combined" is both years."""
    found = years(text, gazetteer)
    assert {k: found.get(k) for k in expected} == expected, found


def test_a_figure_in_the_clause_of_an_event_since_its_year_keeps_the_year(gazetteer):
    """ "since the 2014 fire that killed 41 workers": the figure is the event's, 2014, not a period until now."""
    found = years("The plant cut more jobs than at any time since the 2014 fire that killed 41 workers.", gazetteer)
    assert found.get("41 workers") == "2014", found


def test_a_weekday_its_date_states_and_a_name_or_possessive_today_are_no_relative_dates(gazetteer):
    """ "Friday, 20 November 2025" in a by-line is dated by its own words; "Energy Today" is a name and "today's
    prices" mean now in general; "Today she runs a bakery" and "employ 300 people today" stay dates."""
    text = (
        "Energy Today\nFriday, 20 November 2025\n\nToday she runs a bakery. None of the pits pays at today's prices, "
        "and they employ 300 people today."
    )
    relative = [
        c for c in candidates_of(text, gazetteer) if c.kind == "CandidateDate" and "yearInferredFrom" in c.props
    ]
    assert [(c.exact, c.start) for c in relative] == [
        ("Today", text.index("Today she")),
        ("today", text.rindex("today")),
    ]


def test_last_or_the_previous_fiscal_year_is_one_financial_year(gazetteer):
    """Where financial years start in July (Pakistan), on 3 September 2025 "last fiscal year" is 2024-2025; "the
    previous fiscal year" after "FY25" is the one before it, 2023-2024 — not the twelve months before now."""
    text = (
        "The Lahore plant ran at 9 percent in FY25, against 21 percent in the previous fiscal year. "
        "Its cost rose to Rs41 per unit last fiscal year, Pakistan's regulator said."
    )
    found = years(text, gazetteer, published=dt.date(2025, 9, 3), kind="CandidateDate")
    assert (found.get("the previous fiscal year"), found.get("last fiscal year")) == ("2023-2024", "2024-2025"), found


def test_an_ordinal_word_orders_and_is_no_quantity_unless_a_rank_of_a_superlative(gazetteer):
    """ "the first year" and "whoever arrives first gets" order things: no observation; "the second-largest
    exporter" states a rank and stays one."""
    text = (
        '"Next year is the first year when buyers will feel the levy. Whoever arrives there first gets the cheapest '
        "land,\" she said. The town is the region's second-largest exporter of coke."
    )
    observed = [(c.exact, c.start) for c in candidates_of(text, gazetteer) if c.kind == "CandidateObservation"]
    assert observed == [("second", text.index("second"))], observed


def test_a_part_of_a_counted_whole_takes_its_noun(gazetteer):
    """ "at least 70 of the roughly 260 mines", "12 of the 40 pits": the part counts what the whole counts."""
    text = "At least 70 of the roughly 260 mines have stopped, and 12 of the 40 pits still dig."
    counted = {
        c.exact: (c.props.get("candidateCounted") or ["-"])[0].strip('"')
        for c in candidates_of(text, gazetteer)
        if c.kind == "CandidateObservation"
    }
    assert (counted.get("At least 70"), counted.get("12")) == ("mines", "pits"), counted


def test_a_one_that_is_a_pronoun_is_no_count(gazetteer):
    """ "every one of our staff" and "one of the strongest bids" name no quantity; "one of the four units" does."""
    text = (
        "Every one of our staff will be offered work. It is one of the strongest bids, and one of the four units "
        "will burn gas."
    )
    observed = [(c.exact, c.start) for c in candidates_of(text, gazetteer) if c.kind == "CandidateObservation"]
    assert [start for _, start in observed if text[start : start + 3] == "one"] == [text.index("one of the four")]


def quoted_by(text, gazetteer):
    """(quote's opening words, speaker, role, organisation) of each quote, "-" where none is given."""
    return [
        (
            c.exact[:20],
            *(
                c.props.get(p, ["-"])[0].strip('"')
                for p in ("candidateSpeaker", "candidateRole", "candidateOrganisation")
            ),
        )
        for c in candidates_of(text, gazetteer)
        if c.kind == "CandidateQuote"
    ]


def test_a_long_post_owned_by_a_body_gives_the_person_after_it(gazetteer):
    """ "Veldcor's head of just energy transition, Thandeka Mosia, told …": the person, her post of five words and
    Veldcor — not Veldcor as the speaker."""
    text = (
        '"We are not closing the plant," Veldcor\'s head of just energy transition, Thandeka Mosia, told the Daily '
        "Post."
    )
    assert quoted_by(text, gazetteer) == [
        ("We are not closing t", "Thandeka Mosia", "head of just energy transition", "Veldcor")
    ]


def test_names_joined_by_and_after_the_are_no_people_and_a_part_names_its_whole(gazetteer):
    """ "the Kestrel Energy and Chemical Industry Park" lists no people, so "she" is still Ana Ruiz, whose
    organisation is the one her division is part of ("of the solar division at Baxter Green Power")."""
    text = (
        "Ana Ruiz, general manager of the solar division at Baxter Green Power, said the firm had signed deals with "
        'two plants in the Kestrel Energy and Chemical Industry Park.\n\n"The first buyers are next door," she said.'
    )
    assert quoted_by(text, gazetteer) == [("The first buyers are", "Ana Ruiz", "general manager", "Baxter Green Power")]


def test_she_after_a_sentence_whose_subject_is_unnamed_is_that_one(gazetteer):
    """ "A spokeswoman for the X, …, said …. "…," she said.": the spokeswoman of X, not the last person named
    before; a spokesman is no "she"."""
    text = (
        "The plan came from Tarnwell Energy, part of the city utility Stadtwerke Kolbe. Mayor Jan Kowal backed it.\n\n"
        "A spokeswoman for the Ruhrbund Planning, the regional planning association, said it could be repeated. "
        '"There are dozens of shafts," she said.\n\n'
        'A spokesman for Kolbe Mining said the pits were shut. "We have no coal," she said.'
    )
    assert [q[1:] for q in quoted_by(text, gazetteer)] == [
        ("a spokeswoman", "-", "Ruhrbund Planning"),
        ("Jan Kowal", "Mayor", "-"),
    ]


def test_a_name_after_a_bodys_noun_is_no_person(gazetteer):
    """ "the municipal utility Stadtwerke Kolbe" names a body: "Kolbe" later is no person's surname, so "she" after
    the unnamed spokeswoman's sentence that writes it is still hers."""
    text = (
        "The plan came from the municipal utility Stadtwerke Kolbe.\n\n"
        "A spokeswoman for the Ruhrbund Planning said the Kolbe model could be repeated. "
        '"There are dozens of shafts," she said.'
    )
    assert [q[1:] for q in quoted_by(text, gazetteer)] == [("a spokeswoman", "-", "Ruhrbund Planning")]


@pytest.mark.parametrize(
    "text, organisation",
    [
        (  # ", of Y's campus,": Y, the owner of the part
            "Dr Ana Ruiz, of Baxter Cook University's Mackay campus, said towns had few replacements.\n\n"
            '"Towns will shrink," Dr Ruiz said.',
            "Baxter Cook University",
        ),
        (  # ", who leads … research at the Y in Z,": Y
            "Professor Ulla Brandt, who leads mine-water research at the Fraunhofer IKE in Bochum, said corrosion was "
            'the main risk.\n\n"The risk is real," Brandt said.',
            "Fraunhofer IKE",
        ),
    ],
)
def test_an_organisation_after_a_titled_name_with_no_role_between(text, organisation, gazetteer):
    """A titled speaker's organisation from ", of Y's campus," (no "the") or ", who leads … at the Y"."""
    assert [q[3] for q in quoted_by(text, gazetteer)] == [organisation]


def test_its_after_a_sentence_saying_what_body_its_subject_is_refers_to_that_subject(gazetteer):
    """ "X is a joint venture of the utility and Y AG, a Z company. Its managing director, W, …": W's organisation
    is X, the subject the sentence defines, not Y named last."""
    text = (
        "Kolbetal Heat is a joint venture of the municipal utility and Westfalia Power AG, a Dortmund energy company. "
        'Its managing director, Henning Brock, called the vote "a good day".'
    )
    assert [q[1:] for q in quoted_by(text, gazetteer)] == [("Henning Brock", "managing director", "Kolbetal Heat")]


@pytest.mark.parametrize(
    "text, wanted",
    [
        (  # "Its ROLE is X": the role, and the body the sentence before named
            "The largest employer is now a brickworks run by Tarnow Ceramics Ltd, which employs 800 people. "
            'Its chief executive is Anton Vell.\n\n"We need bricklayers," Vell said.',
            ("Anton Vell", "chief executive", "Tarnow Ceramics Ltd"),
        ),
        (  # "X, 71, who chairs the Y,": chair of Y, past the age
            "Marta Kowal, 71, who chairs the Brenna Association of Retired Miners, said roofs were sagging.\n\n"
            '"Our roofs sag," said Kowal.',
            ("Marta Kowal", "chair", "Brenna Association of Retired Miners"),
        ),
        (  # "Deputy Minister of A and B of the Y Region X": the title, never the region as the role
            "Deputy Minister of Transport and Roads of the Vorsk Region Ivan Petrov told reporters the bridge was "
            'unsafe. "It must close," Mr. Petrov said.',
            ("Ivan Petrov", "Deputy Minister", "Vorsk Region"),
        ),
    ],
)
def test_roles_written_after_its_an_age_or_a_long_title(text, wanted, gazetteer):
    """A role from "Its ROLE is X", from ", AGE, who chairs the Y," and from a long capitalised title whose body
    follows it over "of the"."""
    assert [q[1:] for q in quoted_by(text, gazetteer)] == [wanted]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # an opening "Once … in YEAR," clause sets the main clause's figures, though it holds a figure of its own
            "Once the first 120MW electrolyser is running in 2029, the plant would have 85 permanent staff.",
            {"120MW": "2029", "85 permanent staff": "2029"},
        ),
        (  # a later figure joined by "and" takes the time of its own "once" clause; the first keeps none
            "The rebuild would create 350 jobs during construction and about 90 ongoing roles once the first ship "
            "is loaded in 2030.",
            {"350 jobs": "-", "about 90 ongoing roles": "2030"},
        ),
        (  # a verb of its own after "and": the "once" clause times both
            "The plant will cut emissions by 900,000 tonnes a year and employ 140 people once it opens in 2029.",
            {"900,000 tonnes": "2029", "140 people": "2029"},
        ),
        (  # "would create …" after a sentence saying when the thing is due: that year
            "The two plants are due to be running by 2029. The utility says they would cover about 15 percent of "
            "demand and create 90 permanent jobs.",
            {"about 15 percent": "2029", "90 permanent jobs": "2029"},
        ),
        (  # a year not right after the "due" ("would start next spring and … in 2028") is not the thing's
            "The firm said construction would start next spring and the first cable would leave in 2028. The plant "
            "will employ 380 people when it reaches full production.",
            {"380 people": "-"},
        ),
        (  # a source cited after a comma, of the year after it
            "Nearly 45pc of households live below the poverty line, according to a provincial survey carried out "
            "in 2023.",
            {"Nearly 45pc": "2023"},
        ),
    ],
)
def test_a_figures_year_from_a_due_or_once_clause_or_a_cited_source(text, expected, gazetteer):
    """The forty-seventh round's years: an opening "Once … in YEAR," clause; a later figure's own "once" clause; a
    sentence's "would create …" after one saying when the thing is due; ", according to a survey carried out in
    YEAR"."""
    assert years(text, gazetteer) == expected


@pytest.mark.parametrize(
    "text, wanted",
    [
        (  # "the union's secretary in <place>": the place is where the post is held, not the organisation
            'The Brell mining union welcomed the plan. "It is right," said Petra Holm, the union\'s district '
            "secretary in Marlow.",
            ("Petra Holm", "district secretary", "-"),
        ),
        (  # a common noun's possessive before a body ("the city's miners' union branch") is not the body's name
            "In a letter, the head of the city's miners' union branch, Ivan Gorev, asked for help.\n\n"
            '"We are tired," Gorev wrote.',
            ("Ivan Gorev", "head", "miners' union branch"),
        ),
        (  # a capitalised word before a title whose only "company" is that title itself ("Provincial Energy …")
            "The Tarn government wants a park. Provincial Energy Secretary Rima Qadir said the province was ready."
            '\n\n"It is ready," Qadir said.',
            ("Rima Qadir", "Provincial Energy Secretary", "-"),
        ),
        (  # an unnamed speaker's body named over a list's commas
            '"We will work with them," a spokeswoman for the Department of Roads, Ports, Trade and Regions said.',
            ("a spokeswoman", "-", "Department of Roads, Ports, Trade and Regions"),
        ),
    ],
)
def test_organisations_not_a_place_a_possessor_or_a_title_word(text, wanted, gazetteer):
    """The fiftieth round: no organisation from "the union's X in <place>", a common noun's possessive dropped from
    the body's name, no company from the first word of the title being read, a body's name over a list's commas."""
    assert organised(text, gazetteer)[0][1:] == wanted


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a "since" inside a ", which …," clause tells of the subject, not of the figures the next sentence reports
            "Harrow Fuels, which has owned the Denby pit since 2011, said in its report for 2024 that output fell. "
            "Sales dropped 12% to $4.1bn.",
            {"12%": "2024", "$4.1bn": "2024"},
        ),
        (  # without the relative clause the period still carries
            "Output at the Denby pit has fallen since 2011. Sales dropped 12% to $4.1bn.",
            {"12%": "2011-2025", "$4.1bn": "2011-2025"},
        ),
    ],
)
def test_a_figures_year_not_from_a_relative_clauses_since(text, expected, gazetteer):
    """The forty-ninth round's years: a time in a ", which …," clause describes its subject; figures carried from
    that sentence take its other time."""
    assert years(text, gazetteer) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "between the … of YEAR and YEAR": the period between them
            "Between the surveys of 2004 and 2019, the district's population fell by about 12 percent.",
            {"about 12 percent": "2004-2019"},
        ),
        (  # two years joined by "and" without "between" stay two years
            "The district lost 900 jobs in 2004 and 2019.",
            {"900 jobs": "2004"},
        ),
        (  # "in the N years to YEAR": the N years that end then
            "The town's population grew 14pc in the five years to 2024, to about 31,000 residents.",
            {"14pc": "2019-2024", "about 31,000 residents": "2024"},
        ),
        (  # "over the N years to YEAR" as well
            "Exports rose 8 percent over the three years to 2023.",
            {"8 percent": "2020-2023"},
        ),
    ],
)
def test_a_figures_year_from_a_period_written_round_its_years(text, expected, gazetteer):
    """The forty-ninth round's periods: "between the censuses of YEAR and YEAR" and "in the N years to YEAR"."""
    assert years(text, gazetteer) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a ", when …" clause right after a year tells of that year
            "The port shipped 1.2 million tonnes last year, down from 2.8 million tonnes in 2019, when steelmakers "
            "still paid more than $250 a tonne.",
            {"1.2 million tonnes": "2024", "2.8 million tonnes": "2019", "more than $250": "2019"},
        ),
        (  # a ", when" not right after a year does not take it
            "The port shipped 2.8 million tonnes in 2019 to buyers abroad, when steelmakers paid more than $250 a "
            "tonne.",
            {"2.8 million tonnes": "2019", "more than $250": "-"},
        ),
    ],
)
def test_a_figures_year_from_a_when_clause_after_a_year(text, expected, gazetteer):
    """The forty-ninth round's years: "in 2019, when … paid $250" (as "since 1980, when …" before)."""
    assert years(text, gazetteer) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a plan's closing ", by YEAR" holds for the planned figures before it, across a pause
            "The council also plans to plant 60 hectares of the old tips as woodland, at a cost of €2.1 million, "
            "by 2031.",
            {"60 hectares": "2031", "€2.1 million": "2031"},
        ),
        (  # a figure told before the plan is not the plan's (it is now)
            "The mine employs 300 people, and its owner will close it, by 2031.",
            {"300 people": "2025"},
        ),
    ],
)
def test_a_figures_year_from_a_plans_closing_by_year(text, expected, gazetteer):
    """The forty-ninth round's years: "plans to restore 45 hectares …, at a cost of €3.5 million, by 2030"."""
    assert years(text, gazetteer) == expected


def test_the_extraction_benchmark_scores_a_folder_of_saved_articles(tmp_path, capsys):
    """Published articles cannot live in the repository: a folder named on the command line is scored as a group."""
    from benchmarks.extraction import ARTICLES
    from benchmarks.extraction import main as benchmark

    folder = tmp_path / "saved-pages"
    folder.mkdir()
    for suffix in (".txt", ".expected"):
        (folder / f"rybnik{suffix}").write_bytes((ARTICLES / f"rybnik{suffix}").read_bytes())
    benchmark([str(folder), "fresh"])
    printed = capsys.readouterr().out
    assert f"Articles in {folder}, against the readers' lists:" in printed
    assert re.search(r"^saved-pages +speakers +precision", printed, re.M)
    assert re.search(r"^two fresh +numbers", printed, re.M)
    with pytest.raises(SystemExit, match=r"no such group or folder: .*nowhere"):
        benchmark([str(tmp_path / "nowhere")])
    (folder / "rybnik.txt").unlink()
    with pytest.raises(SystemExit, match=r"saved-pages: no saved text beside rybnik.expected"):
        benchmark([str(folder)])


@pytest.mark.parametrize(
    "text, present, absent",
    [
        (  # a weekday or a dated month after a name is the date's, not the name's
            "Miners met at the union hall in Brelford Thursday morning.\n\nBy Tamsin Vale October 3, 2026\n\n"
            "It rained.",
            ["Brelford", "Tamsin Vale"],
            ["Brelford Thursday", "Tamsin Vale October"],
        ),
        (  # a credit's label and a site's buttons are no name's words
            "Orrin Coal said it would hire.\n\n(Orrin Coal Photo)\n\nA hall in Pellow. - Ida Marsh/Pellow Gazette "
            "Order a Print\n\nThe mine reopened. PHOTO: ORRIN ARCHIVE/THE DAILY ROSE",
            ["Orrin Coal", "Pellow Gazette"],
            ["Orrin Coal Photo", "PHOTO", "Pellow Gazette Order", "Print"],
        ),
        (  # the word after a credit, with no full stop between, opens a sentence
            "Miners marched at the gate. Photo: Ida Marsh/agency Several hundred people came to Pellow.",
            ["Pellow"],
            ["Several"],
        ),
        (  # a Title Case headline's words that the text writes nowhere else, and in lower case, are no names
            "Coal Ends\n\nWhat Will Happen to Tarnby When the Pits Close?\n\nThe pits of Tarnby close in May; no one "
            "knows what will happen when they close.",
            ["Tarnby"],
            ["Will Happen", "Pits Close", "Tarnby When"],
        ),
    ],
)
def test_captions_credits_headlines_and_dates_give_no_names(text, present, absent, gazetteer):
    """The fifty-third round, on published news: photo credits, site buttons, headlines and dates beside names."""
    found = names(text, gazetteer)
    assert all(name in found for name in present), found
    assert not set(absent) & set(found), found


@pytest.mark.parametrize(
    "text, present, absent",
    [
        (  # a policy or an act named for two things is one name, "Act" alone none
            "Families were paid under the Relocation and Welfare Policy, 2011, and the Act itself was never used.",
            ["Relocation and Welfare Policy"],
            ["Relocation", "Welfare Policy", "Act"],
        ),
        (  # a body "for the X and Y" is named whole; "for the X region" is not the body's
            "Marchers from the Brelan Federation for the Forests and Upland Lakes came. The Renewal Fund for the "
            "Tarnby region paid.",
            ["Brelan Federation for the Forests and Upland Lakes", "Renewal Fund"],
            ["Brelan Federation", "Forests", "Upland Lakes", "Renewal Fund for the Tarnby"],
        ),
    ],
)
def test_a_policy_and_a_body_named_for_two_things_are_one_name(text, present, absent, gazetteer):
    """The fifty-third round, on published news: "… and … Policy", "Federation for the … and …" whole."""
    found = names(text, gazetteer)
    assert all(name in found for name in present), found
    assert not set(absent) & set(found), found


def test_a_laws_name_with_words_in_brackets_is_one_name(gazetteer):
    """The fifty-third round: "Coal Bearing (Acquisition and Development) Act" whole; brackets elsewhere split."""
    found = names(
        "The land was taken under the Peat Lands (Survey and Transfer) Act in 1998 by Orrin Coal (Tarnby).", gazetteer
    )
    assert "Peat Lands (Survey and Transfer) Act" in found, found
    assert not {"Peat Lands", "Survey", "Transfer", "Act"} & set(found), found
    assert "Orrin Coal" in found and "Tarnby" in found, found


def test_a_statement_in_single_quotes_over_several_paragraphs(gazetteer):
    """The fifty-second round: British speech in single quotes, opened after "said:" and reopened at each paragraph
    (its last closed after the stop) is one speaker's; a paragraph that is a quoted crosshead is no speech."""
    text = (
        "Marlow Power will shut its plant.\n\n"
        "Site Manager Ruth Keane said: 'We have a loyal workforce and we will support our people here.\n\n"
        "'Today 120 people working at Marlow are in scope.\n\n"
        "'Our aim is to close the station safely and to stay a good neighbour.'\n\n"
        "'Every shop in the town lives off those pay packets'\n\n"
        "The union called the closure 'premature' and a 'huge blow' for the town."
    )
    assert [(words, who) for words, who, *_ in quoted_by(text, gazetteer)] == [
        ("We have a loyal work", "Ruth Keane"),
        ("Today 120 people wor", "Ruth Keane"),
        ("Our aim is to close ", "Ruth Keane"),
    ]


@pytest.mark.parametrize(
    "text, wanted",
    [
        (
            "Tarn Colliery has cut its staff. Another worker, Sam Reyes said pay had stopped.\n\n"
            '"We want to leave," Reyes said.',
            ("Sam Reyes", "worker"),
        ),
        (
            'Neither Ostland Governor Ada Brink nor the mayor has a plan.\n\n"This is no flood," Brink said last week.',
            ("Ada Brink", "Ostland Governor"),
        ),
    ],
)
def test_a_role_without_the_word_that_opens_its_phrase(text, wanted, gazetteer):
    """The fifty-second round: "Another worker, X" gives the role worker; "Neither Ostland Governor X nor …" the
    governor, not "Neither Ostland Governor"."""
    assert quoted_by(text, gazetteer)[0][1:3] == wanted


def test_a_quote_after_a_paragraph_closing_on_a_colon_is_its_subjects(gazetteer):
    """The fifty-second round: "X is Y's General Director in Z:" closing a paragraph gives the next paragraph's quote
    (and the quote after it) to X, with the capitalised title Y owns."""
    text = (
        "Marlow Power runs the plant.\n\n"
        "Ines Varga is Marlow Power’s General Director in the Tarn Region:\n\n"
        "“Everybody would agree on closing the plant, but not on leaving the workers behind.” Varga goes on:\n\n"
        "“It is clearly the end of an era.”"
    )
    assert [q[1:] for q in quoted_by(text, gazetteer)] == [("Ines Varga", "General Director", "Marlow Power")] * 2


def test_a_next_paragraphs_quote_going_on_in_a_participle_is_the_same_speakers(gazetteer):
    """The fifty-second round: a quote opening the paragraph after a speaker's quote, going on only in a participle
    ("“…,” referring to …"), is that speaker's."""
    text = (
        '"It is hard work but good work," said Pavel Dusek, a miner at the shaft.\n'
        '"I will miss the work, I will miss the cutter," referring to the machine that cuts the coal.\n'
    )
    assert [q[1] for q in quoted_by(text, gazetteer)] == ["Pavel Dusek", "Pavel Dusek"]


def test_a_boss_is_a_role(gazetteer):
    """The fifty-second round: "Its boss, X," gives the role boss and the body "Its" points to."""
    text = (
        "At the offices of the Brell mining union, the phone rang all morning. Its boss, Tomas Vrana, sat at his desk."
        '\n\n"This is a scandal," Vrana said.'
    )
    assert quoted_by(text, gazetteer)[0][1:] == ("Tomas Vrana", "boss", "Brell")


def test_a_bodys_post_for_a_place_gives_the_body(gazetteer):
    """The fifty-second round: "X, Sintrasur president for El Molino," is the union's president (its branch's
    place is no organisation)."""
    text = 'The unions want "the revival of the region", Mario Vega, Sintrasur president for El Molino, told Argus.'
    assert quoted_by(text, gazetteer)[0][1:] == ("Mario Vega", "president", "Sintrasur")


@pytest.mark.parametrize(
    "text",
    [
        'On a wet day, Ravi Das, a 42-year-old resident of Kharbani, saw the wall crack.\n\n"It fell," Das said.',
        '"It fell," said Ravi Das, a resident of Kharbani Colony.',
    ],
)
def test_a_resident_is_a_role_and_where_he_lives_no_organisation(text, gazetteer):
    """The fifty-second round: "a (42-year-old) resident of Y" is a role; Y is where one lives, no organisation."""
    assert quoted_by(text, gazetteer)[0][1:] == ("Ravi Das", "resident", "-")


def test_a_company_spokesman_who_confirmed_a_quote(gazetteer):
    """The fifty-second round: "“…,” company spokesman X confirmed" gives the quote to X, and "company" is the
    company named before (a "ULC" is a company)."""
    text = (
        "In a statement, Morven Coal ULC said it was closing the Tarn mine.\n\n"
        "“The mine has been closed,” company spokesman Owen Price confirmed in an interview."
    )
    assert quoted_by(text, gazetteer)[0][1:] == ("Owen Price", "company spokesman", "Morven Coal ULC")


def test_a_statement_it_said_is_the_companys(gazetteer):
    """The fifty-second round: "“…,” it said." after a paragraph naming a company is the company's statement, its
    name as first written in full; "it" with no company named before stays unattributed."""
    text = (
        "Morven Coal ULC closed the Tarn mine on Monday.\n\n"
        "In its statement, Morven Coal thanked its workers.\n\n"
        "“The company wishes to thank its dedicated workforce,” it said."
    )
    assert quoted_by(text, gazetteer)[0][1:] == ("Morven Coal ULC", "-", "Morven Coal ULC")
    alone = "The rain fell all day.\n\n“The road wishes to thank its dedicated crews,” it said."
    assert quoted_by(alone, gazetteer)[0][1:] == ("-", "-", "-")


def test_a_company_said_past_a_fronted_phrase(gazetteer):
    """The fifty-second round: "In a statement released Monday, Y said … “adverse conditions.”": Y's words, a short
    quote kept for its speaker."""
    text = "In a statement released Monday, Morven Coal ULC said it was closing the mine due to “adverse conditions.”"
    assert quoted_by(text, gazetteer) == [("adverse conditions.", "Morven Coal ULC", "-", "-")]


@pytest.mark.parametrize(
    "text",
    [
        "Pit talks stall\n\n  • 14/03/27\n\nMiners in Kestrel Vale met the owner.",  # a dateline in figures
        "date 2027-03-14 The owner of the Kestrel Vale pit said it resumed work.",
        "By Ana Moss / 14 March 2027\n\nMiners in Kestrel Vale met the owner.",  # a day of a date written day first
        "Kestrel Vale pit to shut\n\n09 Mar 2027  by Coal Wire\n\nMiners met the owner.",
    ],
)
def test_dates_written_in_figures_or_day_first_give_no_number(text, gazetteer):
    """The fifty-first round: a date in figures ("14/03/27", "2027-03-14") and the day of "14 March 2027" are no
    numbers (published pages' bylines and datelines)."""
    assert numbers(text, gazetteer) == []


@pytest.mark.parametrize(
    "text, published, exact, year",
    [
        ("Earlier this month, the minister visited the pit.", dt.date(2027, 3, 20), "Earlier this month", "2027"),
        ("The pit will reopen later this month.", dt.date(2027, 3, 20), "later this month", "2027"),
        ("By Friday, 25 September, talks had stalled.", dt.date(2026, 10, 12), "By Friday, 25 September", "2026"),
        (  # a proposal puts its date ahead
            "The firm said it was proposing to close the plant on September 30.",
            dt.date(2027, 2, 7),
            "September 30",
            "2027",
        ),
    ],
)
def test_relative_dates_as_published_news_writes_them(text, published, exact, year, gazetteer):
    """The fifty-first round's dates: "earlier/later this month" read whole, a weekday before its day and month
    read with them, "proposing to" looks ahead."""
    assert years(text, gazetteer, published, "CandidateDate") == {exact: year}


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a progressive passive is of now
            "Mr Dale said about 120 pit staff are being laid off while about six workers are being kept on.",
            {"about 120 pit staff": "2025", "about six workers": "2025"},
        ),
        ("The loss is estimated to be roughly $40 million.", {"roughly $40 million": "2025"}),
        ("Resignations have risen to 85 since the year began.", {"85": "2025"}),
        (  # "that month": the month named before it
            "Kestrel County's jobless rate was 7.4% in May, and 6.2% that month in Orme County.",
            {"7.4%": "2025", "6.2%": "2025"},
        ),
        ("The plant is expected to be employing 300 people.", {"300 people": "-"}),  # a forecast stays undated
    ],
)
def test_years_of_figures_as_published_news_writes_them(text, expected, gazetteer):
    """The fifty-first round's years: "are being laid off" and "is estimated to be" state now; "since the year
    began" is this year; "that month" is the month named before it."""
    assert years(text, gazetteer, dt.date(2025, 8, 26)) == expected


@pytest.mark.parametrize(
    "text, published, exact, year",
    [
        ("The last shaft will shut at the end of January.", dt.date(2026, 1, 18), "at the end of January", "2026"),
        ("The pit shut at the end of November.", dt.date(2026, 1, 18), "at the end of November", "2025"),
        ("Another 40 will move over the coming months.", dt.date(2026, 2, 7), "over the coming months", "2026"),
        ("Sales have slumped in recent months.", dt.date(2026, 7, 30), "in recent months", "2026"),
    ],
)
def test_month_ends_and_months_around_the_publication(text, published, exact, year, gazetteer):
    """The fifty-first round: "at the end of January" is read whole; "over the coming months" and "in recent months"
    are the publication's year when they fall in it."""
    assert years(text, gazetteer, published, "CandidateDate") == {exact: year}


def test_months_around_the_turn_of_the_year_are_a_period_of_both_years(gazetteer):
    """ "over the coming months" written in November may run into the next year: a period of both (the fifty-fourth
    round; before it, no date)."""
    text = "Another 40 will move over the coming months."
    assert years(text, gazetteer, dt.date(2026, 11, 7), "CandidateDate") == {"over the coming months": "2026-2027"}


@pytest.mark.parametrize(
    "text",
    [
        "The mayor, Rosa Lind, one of the officials worst hit, spoke to the crowd.",
        "Kestrel Vale is one of their towns that lost a pit.",
    ],
)
def test_one_of_a_plural_is_a_pronoun_not_a_count(text, gazetteer):
    """The fifty-first round: "one of the regions worst affected" counts nothing."""
    assert numbers(text, gazetteer) == []


def test_a_when_clause_after_a_month_takes_its_time(gazetteer):
    """The fifty-first round: ", when …" right after a month or "that month" takes its time, as after a year."""
    text = "Orme County's jobless rate was 9.2% that month, when the national rate was 3.9%."
    assert years(f"It rose in May. {text}", gazetteer, dt.date(2025, 8, 26))["3.9%"] == "-"  # no month named
    text = "Orme County's jobless rate was 9.2% in May, when the national rate was 3.9%."
    assert years(text, gazetteer, dt.date(2025, 8, 26)) == {"9.2%": "2025", "3.9%": "2025"}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "More than half of the miners who lost their jobs after the closure in March are still out of work.",
            {"More than half": "2025"},
        ),
        ("About 300 workers who joined in 2019 are on the payroll.", {"About 300 workers": "2025"}),
    ],
)
def test_a_relative_clauses_time_is_not_the_figures(text, expected, gazetteer):
    """The fifty-first round: a time inside "… of the miners who …" is the clause's; the main verb after it, in the
    present tense, states the figure of now."""
    assert years(text, gazetteer, dt.date(2025, 8, 26)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # the part takes the whole's noun; the whole stands now, not at the plan's year
            "Only three out of 15 coal plants in the country will remain open by 2029.",
            {"Only three": ("plants", "2029"), "15 coal plants": ("plants", "2025")},
        ),
        ("Orme Valley holds 12 of Kestrel's 15 power stations.", {"12": ("power stations", "2025")}),
        ("Kestrel Vale is one of Orme's poorest towns and one of 14 mining towns.", {}),
    ],
)
def test_a_part_out_of_a_whole(text, expected, gazetteer):
    """The fifty-first round: "three out of 15 plants", "12 of Kestrel's 15 power stations" count the whole's noun;
    "one of Orme's poorest towns" counts nothing."""
    found = {
        c.exact: (c.props["candidateCounted"][0].strip('"'), year_of(c))
        for c in candidates_of(text, gazetteer, dt.date(2025, 8, 26))
        if c.kind == "CandidateObservation" and (c.exact in expected or c.exact.startswith("one"))
    }
    assert found == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ms Hale said there were about 40 contract workers at the hostel.", {"about 40 contract workers": "2025"}),
        ("With 620 people losing their jobs, the town looks to tourism.", {"620 people": "2025"}),
        ("With 620 people at the rally, the march began.", {"620 people": "-"}),  # no participle: no time
        ("Gas powers 61% of the region's homes.", {"61%": "2025"}),
    ],
)
def test_states_of_now_in_reported_speech_and_absolute_clauses(text, expected, gazetteer):
    """The fifty-first round: "said there were about 40 …" (reported speech), "With 620 people losing their jobs, …"
    and "powers 61%" state a figure of now."""
    assert years(text, gazetteer, dt.date(2025, 8, 26)) == expected


def test_a_title_case_headlines_counted_noun(gazetteer):
    """The fifty-first round: "Almost 900 Jobs Announced for …" (a headline in title case) counts jobs; a capitalised
    word after a figure in the body stays no counted noun."""
    text = "Almost 900 Jobs Announced for Kestrel Basin Mine\n\nThe owner said 40 Kestrel Miners would stay."
    assert [(n[0], n[2]) for n in numbers(text, gazetteer)] == [("Almost 900 Jobs", "count"), ("40", "-")]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        (
            "The last boiler, shut down the night before, was cooling.",
            dt.date(2025, 10, 3),
            {"the night before": "2025"},
        ),
        ("The last boiler was shut down the night before.", dt.date(2026, 1, 1), {"the night before": "2025"}),
        ("Miners met the day before the vote.", dt.date(2025, 10, 3), {}),  # the day of an event named: not dated
    ],
)
def test_the_night_before(text, published, expected, gazetteer):
    """The fifty-first round: "the night before" (no event named after it) is the day before the day told of."""
    assert years(text, gazetteer, published, "CandidateDate") == expected


def test_upward_of_is_a_qualifier(gazetteer):
    """The fifty-first round: American "upward of $80,000" hedges as "upwards of" does."""
    assert numbers("Miners could make upward of $81,000 a year.", gazetteer)[0][3] == "upward of"


def test_a_figure_after_an_opening_of_the_whole_counts_its_noun(gazetteer):
    """The fifty-first round: "Of the 64 staff at the depot, nearly 40 are former miners" counts staff."""
    text = "Of the 64 employees at the depot in Kestrel Vale, nearly 40 are former miners."
    assert [(n[0], n[2]) for n in numbers(text, gazetteer)] == [("64 employees", "count"), ("nearly 40", "count")]


def test_a_relative_clauses_time_is_not_carried_to_the_next_sentence(gazetteer):
    """The fifty-first round: the time inside "… of the miners who lost their jobs in November are …" is not the
    time of the figures in the sentence after."""
    text = (
        "More than half of the miners who lost their jobs after the closure in November are still out of work. "
        "Many of those rehired are paid less than half of their old wages."
    )
    assert years(text, gazetteer, dt.date(2025, 2, 26))["less than half"] != "2024"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The utility will invest 2,5 billion Euros in Kestrel.", [("2,5 billion Euros", "2500000000", "euro", "-")]),
        ("It employs 2,500 people.", [("2,500 people", "2500", "count", "-")]),  # a thousands comma stays
    ],
)
def test_a_decimal_comma_before_a_scale_word(text, expected, gazetteer):
    """The fifty-first round: "1,5 billion Euros" (a decimal comma, as much of Europe writes it) is 1.5 billion."""
    assert numbers(text, gazetteer) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The firm paid Rs one lakh in relief.", [("Rs one lakh", "100000", "rupee", "-")]),
        ("The plant boiled two trillion cups of tea.", [("two trillion cups", "2000000000000", "count", "-")]),
    ],
)
def test_number_words_before_lakh_and_trillion(text, expected, gazetteer):
    """The fifty-first round: "one lakh" and "two trillion" (number words before a scale word the numerals read only
    after figures)."""
    assert numbers(text, gazetteer) == expected


def test_a_datelines_weekday_is_not_read_with_its_date(gazetteer):
    """The fifty-first round: a weekday is read with the day and month after it only after a preposition ("By
    Friday, 25 September"); a dateline's "Wednesday, August 26" keeps "August 26" as its date, as readers list it."""
    found = years(
        "Orme Gazette\nWednesday, August 26\nThe pit closed.", gazetteer, dt.date(2026, 8, 26), "CandidateDate"
    )
    assert found["August 26"] == "2026" and "Wednesday, August 26" not in found


def test_the_scorer_finds_a_listed_quote_across_a_line_break(tmp_path, gazetteer):
    """Wire copy wraps its lines: a reader lists "That's as far as I know" as words, and the scorer finds them where
    the page breaks the line between two of them."""
    from benchmarks.extraction import extract, read_article, read_expected, score

    (tmp_path / "wrapped.txt").write_text(
        "Pit shut after slide\n\nMiners in Kestrel Vale stopped work, said Ana Moss, the mayor.\n"
        '"Nine were hurt," she said. "That\'s as\nfar as I know."\n',
        encoding="utf-8",
    )
    (tmp_path / "wrapped.expected").write_text(
        "published 2027-03-14\nquote Nine were hurt | Ana Moss | mayor\n"
        "quote That's as far as I know | Ana Moss | mayor\n",
        encoding="utf-8",
    )
    expected = read_expected(tmp_path / "wrapped.expected")
    article = read_article(tmp_path / "wrapped.txt")
    tally = score(article.text, extract(article, expected.published, gazetteer), expected)
    assert tally.rows["quotes"][:2] == [2, 2]
    assert tally.rows["speakers"][:2] == [2, 2]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        (
            "The panel, which by the end of March is set to report, met.",
            dt.date(2026, 11, 20),
            {"by the end of March": "2027"},
        ),
        ("The walkout has been postponed to June.", dt.date(2026, 11, 20), {"to June": "2027"}),
        ("In April, Orme was hit by news that its pit would be idled.", dt.date(2026, 11, 20), {"In April": "2026"}),
        ("In December, the pit will close.", dt.date(2026, 11, 20), {"In December": "2026"}),
    ],
)
def test_a_months_year_from_the_verb_around_it(text, published, expected, gazetteer):
    """The fifty-fourth round: a month is ahead when the verb just after it is of the future ("by March is set to")
    or something is put off to it ("postponed to June"); a sentence-opening month whose clause is in the past before
    any future ("In April, X was hit by news that … would be idled") is behind."""
    found = years(text, gazetteer, published, "CandidateDate")
    assert {k: found.get(k) for k in expected} == expected


def test_a_figure_with_a_present_relative_clause_is_of_now(gazetteer):
    """The fifty-fourth round: a figure whose noun a relative clause in the present tense follows ("The 450 miners
    who work at the pit will get …") holds now, in the publication's year; not one in the past ("who lost")."""
    found = years("The 450 miners who work at the pit will get severance pay.", gazetteer, dt.date(2026, 3, 2))
    assert found["450 miners"] == "2026"
    assert (
        years("The 450 miners who lost their jobs will get pay.", gazetteer, dt.date(2026, 3, 2))["450 miners"] == "-"
    )


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Sixty years ago, Orme had 64 pits.", dt.date(2006, 1, 8), {"Sixty years ago": "1946"}),
        ("The pit shut twenty-five years ago.", dt.date(2026, 1, 8), {"twenty-five years ago": "2001"}),
        ("The pit shut seven months ago.", dt.date(2026, 11, 18), {"seven months ago": "2026"}),
        ("The pit shut seven months ago.", dt.date(2026, 3, 18), {"seven months ago": "2025"}),
        ("More cuts are expected in the coming weeks.", dt.date(2026, 9, 1), {"in the coming weeks": "2026"}),
        ("The strike was called for the end of March.", dt.date(2026, 5, 13), {"for the end of March": "2026"}),
    ],
)
def test_ago_in_tens_and_months_and_the_coming_weeks(text, published, expected, gazetteer):
    """The fifty-fourth round: "Sixty years ago" and "twenty-five years ago" (tens in words), "seven months ago"
    (the year of the month that many months back), "in the coming weeks" (this year's, when they fall in it) and
    "for the end of March" are relative dates."""
    found = years(text, gazetteer, published, "CandidateDate")
    assert {k: found.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Over the past few months, prices rose.", dt.date(2027, 2, 13), {"Over the past few months": "2026-2027"}),
        ("Over the past few months, prices rose.", dt.date(2027, 8, 13), {"Over the past few months": "2027"}),
        ("Sales this year so far are down.", dt.date(2027, 8, 13), {"this year so far": "2027"}),
    ],
)
def test_recent_months_over_new_year_and_this_year_so_far(text, published, expected, gazetteer):
    """The fifty-fourth round: recent or coming months that run over the turn of the year are a period of both
    years (they were no date); "this year so far" is read whole."""
    found = years(text, gazetteer, published, "CandidateDate")
    assert {k: found.get(k) for k in expected} == expected


def organisations(text, gazetteer):
    """Each quote's speaker and organisation."""
    return [
        (
            c.props.get("candidateSpeaker", ["-"])[0].strip('"'),
            c.props.get("candidateOrganisation", ["-"])[0].strip('"'),
        )
        for c in candidates_of(text, gazetteer)
        if c.kind == "CandidateQuote"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ann Vale lives in Orme. She has been working for the utility giant Kestrel Power for ten years.\n\n"
        '"It is scary," says Ann Vale.',
        '"It is scary," said Ann Vale, who works for the utility Kestrel Power.',
    ],
)
def test_the_employer_a_speaker_works_for(text, gazetteer):
    """The fifty-fifth round: "X, who works for Y" and "… X. She has been working for the Z giant Y" give Y."""
    assert organisations(text, gazetteer) == [("Ann Vale", "Kestrel Power")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("As of 3 pm the bodies of 42 people were found.", [("42 people", "42", "count", "-")]),
        ("After a century-low mark in 2003, output rose.", []),
        ("For more than a century pits like it have fed Orme.", []),
        ("15 January, 2026Miners, 2,000 of them, protested.", [("2,000", "2000", "-", "-")]),
    ],
)
def test_times_of_day_centuries_and_glued_datelines_are_no_numbers(text, expected, gazetteer):
    """The fifty-fourth round: a time of day ("3 pm"), the word "century" on its own ("a century-low", "for more than a
    century pits …") and the day of a dateline whose year a page glued to the next word are no numbers."""
    assert numbers(text, gazetteer) == expected


def test_a_firms_initials_once_are_no_region_code(gazetteer):
    """The fifty-fourth round: an all-capital word that is some country's region code ("SIP", a region of Trinidad
    and Tobago) but a firm's initials, written once and not after "in" in a story that never names that country,
    does not set the story there (its "$" stays the US dollar); "NSW" written twice still sets a story in Australia."""
    found = numbers("Orme cut 54 jobs, and 10 went at SIP. A driver earned $525.", gazetteer)
    assert found[-1][:3] == ("$525", "525", "US dollar")
    found = numbers("Orme in NSW cut 54 jobs, and 10 went at NSW Coal. A driver earned $525.", gazetteer)
    assert found[-1][:3] == ("$525", "525", "Australian dollar")


def test_an_adverb_and_adjective_before_a_counted_noun(gazetteer):
    """The fifty-fourth round: "Some 3,500 increasingly distressed drivers" counts drivers (an adverb in -ly before
    the one word the counted noun may have before it)."""
    found = numbers("Some 3,500 increasingly distressed drivers wait at the border.", gazetteer)
    assert found == [("Some 3,500 increasingly distressed drivers", "3500", "count", "some")]


def test_a_bare_figure_after_while_or_and_counts_the_noun_before(gazetteer):
    """The fifty-fourth round: "Orme laid off 54 workers, while 100 were let go at Kell and 50 at Dunn": the bare
    figures after "while" and "and", followed by their verb or place, count the workers the figure before counts."""
    found = numbers("Orme laid off 54 workers, while 100 were let go at Kell and 50 at Dunn.", gazetteer)
    assert [(f[0], f[2]) for f in found] == [("54 workers", "count"), ("100", "count"), ("50", "count")]


def test_the_amount_of_people_names_what_a_bare_figure_counts(gazetteer):
    """The fifty-fourth round: "the amount of people on benefits has tripled to 190" counts people, as "the number
    of" does."""
    counted = [
        c.props["candidateCounted"][0]
        for c in candidates_of("The amount of people on benefits in Orme has tripled since May to 190.", gazetteer)
        if c.kind == "CandidateObservation"
    ]
    assert counted == ['"people"']


def test_years_after_an_event_are_no_number(gazetteer):
    """The fifty-fourth round: "Two years after the council backed the mine, …" is a time, as "two years later" is,
    not a number of years."""
    assert numbers("Two years after the council backed the mine, 300 people live in Orme.", gazetteer) == [
        ("300 people", "300", "count", "-")
    ]


def test_a_sentences_only_dash_ends_a_clause(gazetteer):
    """The fifty-fourth round: "Last year, Orme exported over 35 million tonnes — this year so far is less" gives the
    tonnes last year's date (the one dash ends their clause); a pair of dashes around an aside ends none."""
    found = years(
        "Last year, Orme exported over 35 million tonnes — this year so far is less than a third of that.",
        gazetteer,
        dt.date(2026, 10, 22),
    )
    assert found["over 35 million tonnes"] == "2025"


def test_a_which_clause_says_when_a_figure_was_done(gazetteer):
    """The fifty-fourth round: "The first payment was seven percent of the sum owed, which was duly paid in July
    2025" gives the figure 2025 (the clause after the pause names no number and says when it was done)."""
    found = years(
        "The first payment was seven percent of the sum owed, which was duly paid in July 2025.",
        gazetteer,
        dt.date(2026, 2, 25),
    )
    assert found["seven percent"] == "2025"


def test_by_a_year_then_a_past_progressive_is_when_the_figure_stood(gazetteer):
    """The fifty-fourth round: "Units shut in 2018 and by 2022, when the last was turned off, Orme was contributing
    only 120MW" gives the 120MW 2022 (as "by 2024 … had fallen to" does), not the 2018 before it."""
    found = years(
        "Units shut in 2018 and by 2022, when the last was turned off, Orme was contributing only 120MW to the grid.",
        gazetteer,
        dt.date(2026, 1, 16),
    )
    assert found["only 120MW"] == "2022"


def test_a_share_of_a_long_of_phrase_before_a_present_verb_is_of_now(gazetteer):
    """The fifty-fourth round: "Around 98 per cent of the coal produced at the mine is sold to power plants"
    holds now (an "of" phrase of up to six words between the figure and its verb in the present tense)."""
    text = "Around 98 per cent of the coal produced at the mine is sold to power plants."
    assert years(text, gazetteer, dt.date(2026, 6, 4))["Around 98 per cent"] == "2026"


def test_by_that_date_names_the_year_again(gazetteer):
    """The fifty-fourth round: "By 2030 Orme was to shut eight plants, and by that date we will have reached 18"
    gives 18 the year 2030 ("that date" names the year before it again, and a future perfect after "by" says the
    figure stands then); "that date" is no date candidate of its own."""
    text = "By 2030 Orme was to shut eight plants, and by that date we will have reached 18 plants."
    found = years(text, gazetteer, dt.date(2026, 7, 7))
    assert found["18 plants"] == "2030"
    assert "that date" not in years(text, gazetteer, dt.date(2026, 7, 7), "CandidateDate")


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"The pit is dying," said the worker, Mr. Tarno, 39.', [("The pit is dying", "Tarno", "worker")]),
        ('"The pit is dying," said the worker, Ann Vale.', [("The pit is dying", "Ann Vale", "worker")]),
    ],
)
def test_a_described_speaker_named_after_a_comma(text, expected, gazetteer):
    """The fifty-fifth round: "said the worker, Mr. X, 39" is X's quote (an honorific opens the name), and the
    description before the name is the role, not the age after it."""
    assert speakers(text, gazetteer) == expected


def test_she_in_a_sentence_that_opens_on_a_person_is_that_person(gazetteer):
    """The fifty-fifth round: "Y stirred fear when she told a rally that the plan means "…"" is Y's quote, not the
    last speaker's before the sentence."""
    text = (
        '"It is bad," said Tom Reed, a former miner.\n\n'
        'Ann Vale stirred fear when she told a rally in March that the plan means "we are going to close the pits."'
    )
    assert [s[1] for s in speakers(text, gazetteer)] == ["Tom Reed", "Ann Vale"]


def test_a_long_apposition_between_the_name_and_said(gazetteer):
    """The fifty-fifth round: "“…,” X, the head of industrial relations at the Y office in Z district, said on
    Friday" (the apposition past 80 characters) is X's quote; a quote mark between is no apposition."""
    text = (
        "“The three firms are small,” Tarno, the head of industrial relations at the Labor Ministry office in "
        "Kestrel district, said on Friday."
    )
    assert speakers(text, gazetteer) == [("The three firms are small", "Tarno", "head of industrial relations")]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a paragraph that is only the quote, after one opening on one person and quoting no one
            "Ann Vale worked as a miner for three decades. Her main worry now is her pension.\n\n"
            "“We kept the lights on, and now they want to put our lights out.”",
            ["Ann Vale"],
        ),
        (
            "Ann Vale feels abandoned by politicians. “We made them millions of dollars. I saw friends die.",
            ["Ann Vale"],
        ),
        (  # two people above: no one
            "Ann Vale and Tom Reed worked as miners.\n\n“We kept the lights on, and now they want them out.”",
            ["-"],
        ),
    ],
)
def test_an_unattributed_quote_after_one_person(text, expected, gazetteer):
    """The fifty-fifth round: a quote that is its whole paragraph, under a paragraph opening on one person who is the
    only one it names, is theirs; so is a quote the text leaves open at its paragraph's end after one person."""
    assert [s[1] for s in speakers(text, gazetteer)] == expected


def test_a_place_before_a_trade_is_no_organisation(gazetteer):
    """The fifty-fifth round: "Former Boone County coal miner X" is a former coal miner, the county no employer."""
    text = "Former Orme County coal miner Ann Vale spoke.\n\n“We kept the lights on for years,” Vale said."
    assert organisations(text, gazetteer) == [("Ann Vale", "-")]
    assert speakers(text, gazetteer)[0][2] == "former coal miner"


@pytest.mark.parametrize(
    "text, present, absent",
    [
        (  # a line's opening date and its dash, and a page's bar, open a sentence
            "Orme Gazette\n\nMay 10, 2017 - A Japanese firm bought Tarnby Colliery.",
            ["Tarnby Colliery"],
            ["A Japanese", "Japanese"],
        ),
        ("date 2020-05-13 As Pellow grows, the pits close.", ["Pellow"], ["As Pellow"]),
        ("January 08, 2006|By Ann Lesk, staff reporter.\n\nThe pits of Pellow close.", ["Ann Lesk"], ["By Ann Lesk"]),
        (  # a credit's label before the credited, with or without its colon
            "The pit closed in 1965. Credit: Oxbury\n\nThe town waits.\nCredit PGTV/ Ann Lesk\n\nThe pits of "
            "Pellow shut.",
            ["Oxbury", "PGTV", "Pellow"],
            ["Credit PGTV", "Credit"],
        ),
        (  # a lone word opening a sentence before a comma and a list or clause is a common word; an apposition not
            "Sickness, dust and debt came to Tarnby. Investors, including Orrin Coal, left. Furthermore, the pits "
            "shut.\n\nBrelford, head of the union, said so.",
            ["Tarnby", "Orrin Coal", "Brelford"],
            ["Sickness", "Investors", "Furthermore"],
        ),
        (  # a plural of people or "Former" opening a sentence before a name the text writes elsewhere
            "Owners Orrin Coal will shut the pit. Former Tarnby County miner Ann Lesk left. Orrin Coal paid. She "
            "lived in Tarnby County.",
            ["Orrin Coal", "Tarnby County", "Ann Lesk"],
            ["Owners Orrin Coal", "Former Tarnby County"],
        ),
        (  # a plural acronym, a state's abbreviation after its town, a byline's date after its name
            "Independent power producers (IPPs) and CEOs met near Tarnby, Wyo.\n\nAnn Lesk 18 Nov\n\nThe pit shut.",
            ["Tarnby", "Ann Lesk"],
            ["IPPs", "CEOs", "Wyo", "Ann Lesk 18 Nov", "Ann Lesk 18"],
        ),
        (  # words all in capitals, one of them a word the text writes in lower case: a line or a credit shouted
            "Orme Gazette\n\nWAITING IN THE PIT TOWN\n\nThe pit shut in May. PHOTO: ORRIN POWER WEBSITE/AGENCY\n\n"
            "The town of Tarnby waits. Its power came from the pit's website.",
            ["Tarnby"],
            ["WAITING IN THE PIT TOWN", "ORRIN POWER WEBSITE"],
        ),
        (  # a page's counter and a managing director's abbreviation
            "Tarnby pit on fire\n\n25 Feb, 2018 - 00:02 0 Views\nThe pit of Tarnby burns, said Ann Lesk, "
            "the firm's MD.",
            ["Tarnby", "Ann Lesk"],
            ["Views", "MD"],
        ),
    ],
)
def test_published_news_openers_credits_and_codes_give_no_names(text, present, absent, gazetteer):
    """The fifty-sixth round, on published news: what opens a line (a date, a bar), credits, all-capital lines,
    plural acronyms and state abbreviations are no names, nor parts of one."""
    found = names(text, gazetteer)
    assert all(name in found for name in present), found
    assert not set(absent) & set(found), found


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "power stations" is one counted noun, after up to two words ("coal-fired", "coal")
            "Orme is one of 12 coal power stations in Tarnby; five coal-fired power stations will close and 10 power "
            "stations lack coal.",
            {
                "12 coal power stations": "power stations",
                "five coal-fired power stations": "power stations",
                "10 power stations": "power stations",
            },
        ),
        (  # "N of which" / "N of whom" counts the noun of the figure before it, as "N of them" does
            "The state runs 35 mines, 24 of which are in the east. It had 80 miners, 30 of whom left.",
            {"35 mines": "mines", "24": "mines", "80 miners": "miners", "30": "miners"},
        ),
    ],
)
def test_power_stations_and_of_which_are_counted(text, expected, gazetteer):
    """The fifty-seventh round, on published news: compound counted nouns and relative "of which"."""
    found = {
        c.exact: (c.props.get("candidateCounted") or ['"-"'])[0].strip('"')
        for c in candidates_of(text, gazetteer)
        if c.kind == "CandidateObservation"
    }
    assert found == expected


@pytest.mark.parametrize(
    "text, published, expected",
    [
        (  # "yesterday" (and its possessive: that day's) and "this morning" are the publication's days
            "Ann Lesk said yesterday the pit would shut. Yesterday’s news hit Tarnby. The strike ended this morning.",
            dt.date(2026, 1, 1),
            {"yesterday": "2025", "Yesterday": "2025", "this morning": "2026"},
        ),
        (  # "in coming days" (no article), "in the coming weeks and months": this year's while they fall in it
            "Talks will resume in coming days. About 50 people will be laid off in the coming weeks and months.",
            dt.date(2014, 4, 24),
            {"in coming days": "2014", "in the coming weeks and months": "2014"},
        ),
        (  # the same a week before the new year and in late autumn: both years
            "Talks will resume in coming days. Layoffs follow in the coming weeks and months.",
            dt.date(2014, 12, 28),
            {"in coming days": "2014-2015", "in the coming weeks and months": "2014-2015"},
        ),
    ],
)
def test_yesterday_this_morning_and_coming_days_are_dates(text, published, expected, gazetteer):
    """The fifty-seventh round, on published news: relative days and "coming days/weeks and months"."""
    found = {c.exact: year_of(c) for c in candidates_of(text, gazetteer, published) if c.kind == "CandidateDate"}
    assert {exact: found.get(exact) for exact in expected} == expected


def test_named_pairs_ages_and_hyphened_durations(gazetteer):
    """The fifty-seventh round, on published news: the second number of a name's pair ("Units 1 and 2") is no
    figure, nor an age written "42-year-old"; "a 2.5-hour flight" and "60-day notices" are durations."""
    found = {
        c.exact: (c.props.get("candidateUnit") or ['"-"'])[0].strip('"')
        for c in candidates_of(
            "The Central Orme 1 and 2 and Tarnby Units 3 and 4 will close. Ann Lesk, a 42-year-old welder, took a "
            "2.5-hour flight after the firm issued 60-day notices. It hired 30 and 40 workers.",
            gazetteer,
        )
        if c.kind == "CandidateObservation"
    }
    assert found == {"2.5-hour": "hour", "60-day": "day", "30": "-", "40 workers": "count"}  # "30 and 40": kept


@pytest.mark.parametrize(
    "text, expected",
    [
        ('Ann Vale toured the pit. "The seam is done," she remarked.', "Ann Vale"),
        ('Orme Power spokesperson Ann Vale tweeted: "The pit is closed for the day."', "Ann Vale"),
        ('Ann Vale spoke in Orme. "The town will survive the closure," she emphasised.', "Ann Vale"),
        ('"The town will not survive the closure," Ann Vale cautioned.', "Ann Vale"),
    ],
)
def test_more_speech_verbs(text, expected, gazetteer):
    """The fifty-eighth round: "tweeted:", "remarked", "emphasised", "cautioned" … tag a quote as "said" does."""
    assert speakers(text, gazetteer)[0][1] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            'Orme Power spokesperson Ann Vale said: "The pit is closed for the day and the crews are home."',
            ("Ann Vale", "Orme Power"),
        ),
        (
            'University of Tarno energy expert Tom Reed said: "Such strikes will hasten the closure of old plants."',
            ("Tom Reed", "University of Tarno"),
        ),
    ],
)
def test_a_body_before_a_post_before_a_name(text, expected, gazetteer):
    """The fifty-eighth round: "Y spokesperson X said", "Y energy expert X said": X, of Y."""
    assert organisations(text, gazetteer) == [expected]


def test_a_hard_wrapped_page_keeps_its_paragraphs(gazetteer):
    """The fifty-eighth round: old wire copy breaks its lines every 60-80 characters inside a paragraph; a quote and
    its tag over such breaks are still one paragraph's, the offsets and the words as the page writes them."""
    text = (
        "ORME, May 3 Two miners were hurt when a pit wall fell in the\n"
        "hills north of Orme on Tuesday after days of rain, an official said.\n"
        "Orme district mayor Ann Vale told a radio station that she had asked\n"
        "the operator Tarno Coal and Power to stop work at the pit until the\n"
        "wall was checked by engineers from the regional mining office.\n"
        '"Two workers were taken to a clinic in the town but they were sent\n'
        'home the same night," Vale said, adding that the road to the pit\n'
        "was closed to traffic for the rest of the week by the police.\n"
        "She said it had rained for four days over the whole of the valley.\n"
    )
    found = [c for c in candidates_of(text, gazetteer) if c.kind == "CandidateQuote"]
    assert [c.props["candidateSpeaker"][0].strip('"') for c in found] == ["Ann Vale"]
    assert all(text[c.start : c.end] == c.exact for c in found)
    assert "\n" in found[0].exact


@pytest.mark.parametrize(
    "text",
    [
        "Tarno Power chief executive Ann Vale spoke on Monday. Tarno Power ran the plant for years.\n\n"
        'During a briefing on Monday, the power utility said the closure was "a matter of deep regret" to it.',
        "The closure was announced by ORP on Monday. ORP ran the plant for years.\n\n"
        'The utility said the closure was "a matter of deep regret" to it.',
    ],
)
def test_the_utility_said_is_the_body_named_most(text, gazetteer):
    """The fifty-eighth round: "the (power) utility said …" is the body the article names most (an acronym, or one
    whose people's posts follow its name), speaking for itself: its speaker and organisation."""
    found = organisations(text, gazetteer)
    body = "Tarno Power" if "Tarno" in text else "ORP"
    assert found == [(body, body)]


def test_a_title_abbreviation_is_no_full_stop_in_a_tag(gazetteer):
    """The fifty-eighth round: "said Sen. X (D-Orme, 7)." names X; the stop after "Sen." ends no sentence."""
    text = "“The layoffs touch everyone in the county,” said Sen. Ann Vale (D-Orme, 7).  “We need more work.”"
    assert [s[1] for s in speakers(text, gazetteer)] == ["Ann Vale", "Ann Vale"]


@pytest.mark.parametrize(
    "text, present, absent",
    [
        (  # a lone word opening a line before a dash, an agency in brackets before it or not: a dateline's place
            "Pit strike\n\nOrmsk (PitNews / Agencies) - More than 60 miners of Tarnby Colliery stayed down.\n\n"
            "Brelford - Orrin Coal Inc. has laid off 90 miners.\n\nUpdated - March 18, 2027\n\nThe pits shut.",
            ["Ormsk", "Brelford", "Tarnby Colliery"],
            ["Updated", "Agencies Brelford"],
        ),
        (  # an all-capitals dateline's place, past a saved page's date stamp, written nowhere else
            " date 2020-01-02 PELLOWAY, Mont. | One of the largest plants will close, Orrin Energy said.",
            ["Pelloway", "Orrin Energy"],
            [],
        ),
        (  # a saved page's date stamp after a space opens a sentence too
            " date 2019-11-08 By Ann Lesk\n\nThe Government met in Tarnby.\n\n"
            " date 2017-01-19 Residents of Tarnby, Alta. have put up a sign.",
            ["Ann Lesk", "Tarnby"],
            ["By Ann Lesk", "Residents of Tarnby"],
        ),
        (  # a page's labels of where and when are no name's words; who they give is named
            "Pit pay unpaid\n\nBy Ann Lesk in Tarnby and Pellow Source:Orme Times Published: 2016-2-2 18:58:01\n\n"
            "The pit in Tarnby shut. "
            "Source: Brelfordia.\n\nPublished: 18th November 2026 06:40 AM\n\nThe town waits.",
            ["Pellow", "Orme Times", "Brelfordia"],
            ["Pellow Source", "Orme Times Published", "Source", "18th"],
        ),
        (  # a credit's agency is no word of the name that opens the sentence glued after it
            "The pit shut.\nImage: Ann Lesk/AFP Tarnby Coal Mine workers marched on Monday.",
            ["Tarnby Coal Mine", "Ann Lesk"],
            ["AFP Tarnby Coal Mine"],
        ),
        (  # a lone demonym is no name
            "Orrin, a unit of Philippine conglomerate Pell Holdings, shut the pit.\n\nBosnian coal miners marched "
            "in Tarnby. Welsh and Scottish rates fell.",
            ["Pell Holdings", "Tarnby"],
            ["Philippine", "Bosnian", "Welsh", "Scottish"],
        ),
    ],
)
def test_published_news_datelines_labels_and_credits(text, present, absent, gazetteer):
    """The fifty-ninth round, on all sixty published openings: a dateline's place (mixed case before a dash, all
    capitals past a page's stamp) is named; a page's labels ("Source:", "Published:"), a stamp after a space, a
    credit's agency and lone demonyms are no names nor parts of one."""
    found = names(text, gazetteer)
    assert all(name in found for name in present), found
    assert not set(absent) & set(found), found


def test_numbered_units_joined_by_and_are_one_name(gazetteer):
    """The fifty-ninth round: "X Units 1 and 2" is one name (the two units), not "X Units 1"; a share is no unit."""
    found = names("Pellow Units 1 and 2 will close. The Tarnby Plant 3 and 40% of its staff stay.", gazetteer)
    assert "Pellow Units 1 and 2" in found and "Pellow Units 1" not in found, found
    assert "Tarnby Plant 3" in found, found


def test_a_titles_portfolio_is_no_name_and_its_holder_is(gazetteer):
    """The fifty-ninth round: a portfolio after "Minister of" that ends its clause names no one ("X, Minister of
    Mining and Energy."); a listed portfolio before a name is the title's ("Minister of Energy, Mining and Industry
    X Y": X Y); the same list with no name after it stays none ("the Minister for Energy, Mining and Industry, a …")."""
    text = (
        "“The plan stands,” said Ann Lesk, Minister of Mining and Energy.\n\nMinister of Energy, Mining and Industry "
        "Brel Tarnović tried to address the miners. Ela Pell, the canton's Minister for Energy, Mining and Industry, "
        "a petroleum engineer, said so."
    )
    found = names(text, gazetteer)
    assert {"Ann Lesk", "Brel Tarnović", "Ela Pell"} <= set(found), found
    assert not {"Mining and Energy", "Industry Brel Tarnović", "Energy, Mining", "Mining"} & set(found), found


def test_a_name_ending_in_a_companys_form_is_not_split_at_and(gazetteer):
    """The fifty-ninth round: "X Coal Transport and Sales Group Co" is one company, as one ending in "Ltd" is."""
    found = names("The Tarnby mine was taken over by Pellow Coal Transport and Sales Group Co in 2009.", gazetteer)
    assert "Pellow Coal Transport and Sales Group Co" in found, found
    assert "Sales Group Co" not in found, found


def test_a_bylines_or_credits_person_is_no_speaker(gazetteer):
    """The sixtieth round: a person named only in a byline ("By X, Y and Z"), a name glued to a date on its own line
    or a picture's credit ("(Outlet: X)", "(X/Outlet)") is no quote's speaker nor whom "he" is; "X Nov 3, 2015"
    makes no name "X Nov"; a short quote going on after "she said." in the same paragraph is still speech."""
    text = (
        "Tarnby braces for the end\n\nBy Ann Lesk, Bo Pell, and Cyril Vane\n\nOla Brel Nov 3, 2015\n\n"
        "Dana Vell | The Tarnby Post\n\nPhoto: Ivo Marsk/Tarnby Agency\n\n"
        "The pits of Tarnby close next year.(Tarnby News: Hugo Marsk)\n\n"
        "\u201cIt is going to hurt a lot of families here,\u201d he said.\n\n"
        "A woman opens her door. \u201cWe do not talk about what happened here,\u201d she said. "
        "\u201cYou talk, they punish.\u201d (Ola Brel/Tarnby Radio)"
    )
    found = speakers(text, gazetteer)
    assert {who for _, who, _ in found} == {"-"}, found
    assert "You talk, they punish." in [words for words, _, _ in found], found
    assert "Ola Brel Nov" not in names(text, gazetteer), names(text, gazetteer)


def test_but_opens_no_role(gazetteer):
    """The sixtieth round: "But coal miner X said …" gives the role "coal miner", not "But coal miner"."""
    text = 'But coal miner Ola Brel said the plan would change Tarnby.\n\n"It will empty the town," he said.'
    assert speakers(text, gazetteer) == [("It will empty the town", "Ola Brel", "coal miner")]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a member's seat and party before "MP" are the role's, no place it is held in, no name's
            'Tarnby Vale Labor MP Ola Brel said it was a "rather grim" day for the town.',
            [("rather grim", "Ola Brel", "Tarnby Vale Labor MP")],
        ),
        (  # "MLA" alike, no name's word; "Local" before it is no part of the role
            'Local MLA Ola Brel Singh said: "The town gave coal for sixty years and wants work back."',
            [("The town gave coal for sixty years and wants work back.", "Ola Brel Singh", "MLA")],
        ),
        (  # "Elder" is an honorific, no name's first word: the role
            'Elder Ola Brel Vane, who worked at the pits, said: "We were never paid what we were owed."',
            [("We were never paid what we were owed.", "Ola Brel Vane", "Elder")],
        ),
    ],
)
def test_a_members_title_or_honorific_is_no_part_of_the_speakers_name(text, expected, gazetteer):
    """The sixtieth round: "MP", "MLA", "MEP" and "Elder" are titles, split off the speaker's name."""
    assert speakers(text, gazetteer) == expected


def test_a_definite_common_noun_is_no_speakers_name(gazetteer):
    """The sixtieth round: "…," said the wife of a miner. — a phrase of a common noun after "the" names no one: the
    quote has no speaker (a named person's quote keeps theirs)."""
    text = (
        "Ola Brel runs the Tarnby pit.\n\n"
        "\u201cWe all knew the end was coming for the pit,\u201d said the wife of a miner who worked there."
    )
    assert speakers(text, gazetteer) == [("We all knew the end was coming for the pit", "-", "-")]
