"""From a new article to reviewed facts with no offset typed: new-article, extract, review,
anchor, promote; what cannot be resolved, or would not validate, is refused and not written."""

from __future__ import annotations

import shutil

import pytest

from transition_kg.ask.queries import run_named
from transition_kg.cli import run as cli
from transition_kg.core.errors import COMMAND_LINE, worded
from transition_kg.core.paths import Project, corpus_dir
from transition_kg.core.store import open_store
from transition_kg.grow.promote import PromoteError, promote

from .conftest import ROOT

TEXT = (
    "Beishan, a small coal town in Shanxi Province, had nearly 52,000 residents last year. "
    '"We have no choice," said Mayor Li Ming.\n'
)
DRAFT_ID = "tkr:candidate-beishan-counts-its-people-"


def registered(project_copy, tmp_path, monkeypatch, text: str = TEXT):
    """The project with the article ``text`` registered and its draft extracted: (project, draft)."""
    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_dir(Project(ROOT)), corpus)
    (corpus / "beishan.txt").write_text(text, encoding="utf-8")
    monkeypatch.setenv("TKG_CORPUS", str(corpus))
    base = ["--project", str(project_copy.root)]
    article = str(corpus / "beishan.txt")
    title = "Beishan counts its people"
    assert cli(base + ["new-article", article, "--published", "2025-03-01", "--title", title]) == 0
    draft = tmp_path / "draft.trig"
    assert cli(base + ["extract", article, "--published", "2025-03-01", "-o", str(draft)]) == 0
    return project_copy, draft


@pytest.fixture
def reviewed(project_copy, tmp_path, monkeypatch):
    """A project with the article registered, its draft extracted and partly reviewed."""
    return registered(project_copy, tmp_path, monkeypatch)


def accept(draft, words: str, extra: str = "") -> int:
    """Accept the candidate whose words the draft marks «like this»; return its number."""
    text = draft.read_text(encoding="utf-8")
    start = text.index(DRAFT_ID, text.index(f"«{words}»"))
    number = int(text[start + len(DRAFT_ID) : text.index(" ", start)])
    line_end = text.index("\n", start)
    line = text[start:line_end].replace('tkg:candidateStatus "candidate"', 'tkg:candidateStatus "accepted"')
    draft.write_text(text[:start] + line + extra + text[line_end:], encoding="utf-8")
    return number


def test_unresolved_candidates_say_what_to_add_and_nothing_is_written(reviewed):
    project, draft = reviewed
    article = project.graph_dir / "articles" / "beishan-counts-its-people.trig"
    before = article.read_bytes()
    lines = draft.read_text(encoding="utf-8").splitlines(keepends=True)  # the number's proposed indicator struck out
    struck = "".join(line for line in lines if not line.lstrip().startswith("tkg:proposedIndicator "))
    draft.write_text(struck, encoding="utf-8")
    accept(draft, "nearly 52,000 residents", " tkg:observedEntity tkr:qitaihe ;")  # the number: no indicator
    accept(draft, "We have no choice")  # the quote: the speaker only as text
    written, problems, _ = promote(project, draft)
    assert written == []
    assert [p.message.split(",")[0] for p in problems] == ["give tkg:indicator", "give tkg:speaker"]
    assert problems[1].message == (
        "give tkg:speaker, the person's IRI (or accept the mention of 'Li Ming' with tkg:candidateType tkg:Person)"
    )
    assert "tkr:indicator-population" in problems[0].message  # the choices there are
    assert article.read_bytes() == before
    with pytest.raises(PromoteError) as refused:
        promote(project, draft, ["tkr:candidate-nothing"])
    assert worded(refused.value, COMMAND_LINE) == f"--only tkr:candidate-nothing: no such candidate in {draft}"


def test_reviewed_candidates_become_facts_the_queries_answer(reviewed):
    project, draft = reviewed
    shared = project.graph_dir / "shared.trig"
    text = shared.read_text(encoding="utf-8")
    end = text.rstrip().rfind("}")
    shared.write_text(
        text[:end] + '    tkr:beishan a tkg:City ; rdfs:label "Beishan"@en .\n'
        '    tkr:li-ming a tkg:Person ; rdfs:label "Li Ming"@en .\n' + text[end:],
        encoding="utf-8",
    )
    accept(draft, "Shanxi Province")
    number = accept(
        draft,
        "nearly 52,000 residents",
        "\n        tkg:indicator tkr:indicator-population ; tkg:observedEntity tkr:beishan ;",
    )
    quote = accept(draft, "We have no choice", " tkg:speaker tkr:li-ming ;")
    # the entities the facts use are mentioned where the text first writes their labels
    written, problems, _ = promote(project, draft)
    assert problems == [] and written == [
        "tkr:mention-beishan-counts-its-people--shanxi",
        f"tkr:obs-beishan-counts-its-people-{number}",
        f"tkr:quote-beishan-counts-its-people-{quote}",
    ]
    body = (project.graph_dir / "articles" / "beishan-counts-its-people.trig").read_text(encoding="utf-8")
    for local, words in (("beishan", "Beishan"), ("li-ming", "Li Ming")):
        at = TEXT.index(words)
        assert (
            f"<https://w3id.org/transition-kg/id/mention-beishan-counts-its-people--{local}> a tkg:Mention ; "
            f"tkg:mentionOf <https://w3id.org/transition-kg/id/{local}> ;"
        ) in body
        assert (
            f"oa:start {at} ; oa:end {at + len(words)} ] ,\n                           [ a oa:TextQuoteSelector ; "
            f'oa:exact "{words}" ]' in body
        )
    assert cli(["--project", str(project.root), "validate"]) == 0
    store = open_store(project)
    series = run_named(store, "cq05", project, place="tkr:beishan", indicator="tkr:indicator-population").records()
    assert [(r["year"], r["value"], r["qualifier"].rsplit("#", 1)[1]) for r in series] == [("2024", 52000, "Nearly")]
    quotes = [r for r in run_named(store, "cq03", project).records() if r["speaker"].endswith("li-ming")]
    assert [q["words"] for q in quotes] == ["We have no choice"]
    facts = run_named(store, "cq06", project, entity="tkr:beishan").records()
    assert [(f["value"], f["evidence"]) for f in facts] == [(52000, "nearly 52,000 residents")]
    # the same candidates promoted again: said, and nothing written twice
    again, problems, already = promote(project, draft)
    assert (again, problems, sorted(already)) == ([], [], sorted(written))
    assert (project.graph_dir / "articles" / "beishan-counts-its-people.trig").read_text(encoding="utf-8") == body


def test_a_number_over_a_period_is_promoted_with_the_period(project_copy, tmp_path, monkeypatch):
    """ "In the past three years" (published 2025): the observation holds from 2022 to 2025, as the
    ontology models a period (tkg:startYear, tkg:endYear), and validates; a period out of order
    is refused in one line, and nothing is written."""
    text = "Beishan, a small coal town in Shanxi Province, lost about 9,000 residents in the past three years.\n"
    project, draft = registered(project_copy, tmp_path, monkeypatch, text)
    article = project.graph_dir / "articles" / "beishan-counts-its-people.trig"
    registration = article.read_bytes()
    assert 'tkg:startYear "2022"^^xsd:gYear' in draft.read_text(encoding="utf-8")
    mention = accept(draft, "Shanxi Province")
    number = accept(
        draft,
        "about 9,000 residents",
        "\n        tkg:indicator tkr:indicator-population ; tkg:observedEntity tkr:shanxi ; tkg:measure tkg:Decrease ;",
    )
    chosen = [f"{DRAFT_ID}{mention}", f"{DRAFT_ID}{number}"]
    accepted = draft.read_text(encoding="utf-8")
    draft.write_text(accepted.replace('"2022"^^xsd:gYear', '"2027"^^xsd:gYear'), encoding="utf-8")
    written, problems, _ = promote(project, draft, chosen)
    assert written == [] and [p.message for p in problems] == [
        "its period is not two years: give tkg:startYear and tkg:endYear, each an xsd:gYear, in order"
    ]
    assert article.read_bytes() == registration
    draft.write_text(accepted, encoding="utf-8")
    written, problems, _ = promote(project, draft, chosen)
    assert problems == [] and written[-1] == f"tkr:obs-beishan-counts-its-people-{number}"
    body = article.read_text(encoding="utf-8")
    fact = body[body.index(f"obs-beishan-counts-its-people-{number}>") :]
    assert 'tkg:startYear "2022"^^xsd:gYear' in fact and 'tkg:endYear "2025"^^xsd:gYear' in fact
    assert "tkg:yearNotStated" not in fact and "tkg:year " not in fact
    assert 'tkg:yearInferredFrom "in the past three years"' in fact
    assert cli(["--project", str(project.root), "validate"]) == 0


def test_a_number_told_of_now_is_promoted_as_of_its_article_s_year(project_copy, tmp_path, monkeypatch):
    """ "It now employs 900 people" (published 2025): the figure holds as of the article's year
    (tkg:asOf, the curated graph's present tense), which is no year of measurement, so no
    tkg:year is written; the words are its tkg:timeExpression; cq05 shows it with its asOf."""
    text = "Beishan, a small coal town in Shanxi Province, now has about 41,000 residents.\n"
    project, draft = registered(project_copy, tmp_path, monkeypatch, text)
    assert 'tkg:yearInferredFrom "now"' in draft.read_text(encoding="utf-8")
    number = accept(
        draft,
        "about 41,000 residents",
        "\n        tkg:indicator tkr:indicator-population ; tkg:observedEntity tkr:shanxi ;",
    )
    written, problems, _ = promote(project, draft, [f"{DRAFT_ID}{number}"])
    assert problems == [] and written == [f"tkr:obs-beishan-counts-its-people-{number}"]
    body = (project.graph_dir / "articles" / "beishan-counts-its-people.trig").read_text(encoding="utf-8")
    fact = body[body.index(f"obs-beishan-counts-its-people-{number}>") :]
    assert 'tkg:asOf "2025"^^xsd:gYear' in fact and 'tkg:timeExpression "now"' in fact
    assert "tkg:year " not in fact and "tkg:yearInferredFrom" not in fact and "tkg:yearNotStated" not in fact
    assert cli(["--project", str(project.root), "validate"]) == 0
    rows = run_named(open_store(project), "cq05", project, place="tkr:shanxi", indicator="tkr:indicator-population")
    assert [(r["value"], r["asOf"], r["year"]) for r in rows.records()] == [(41000, "2025", None)]


def test_text_in_a_draft_is_never_pasted_into_the_graph(reviewed):
    """A draft is input like any other: a value or offset that is not a number is refused, not
    written into the article's TriG where it could add statements of its own."""
    project, draft = reviewed
    article = project.graph_dir / "articles" / "beishan-counts-its-people.trig"
    before = article.read_bytes()
    text = draft.read_text(encoding="utf-8")
    hostile = text.replace("tkg:candidateValue 52000 ;", 'tkg:candidateValue "1 . tkr:x tkg:pseudonym true" ;')
    draft.write_text(hostile, encoding="utf-8")
    accept(
        draft,
        "nearly 52,000 residents",
        "\n        tkg:indicator tkr:indicator-population ; tkg:observedEntity tkr:qitaihe ;",
    )
    written, problems, _ = promote(project, draft)
    assert written == [] and [p.message for p in problems] == [
        "its value is not a number (tkg:candidateValue, an integer or decimal)"
    ]
    draft.write_text(
        text.replace("oa:start 30 ;", 'oa:start "30 ] ] . tkr:x tkg:pseudonym true . [ " ;', 1), encoding="utf-8"
    )
    accept(draft, "Shanxi Province")
    written, problems, _ = promote(project, draft)
    assert written == [] and [p.message.split(":")[0] for p in problems] == ["its evidence needs its words (oa"]
    assert article.read_bytes() == before


def test_a_new_article_reaches_the_queries_with_new_article_extract_promote_only(tmp_path, monkeypatch):
    """The check the issue describes: an article none of the rules were written on
    (tests/articles/held-out/hunter.txt) added to a copy of the project with new-article,
    extract and promote; the reviewer writes only decisions (accepted, a class for a new
    name, an indicator), never an offset nor a line of graph/. validate passes and the facts
    answer cq03, cq05 and cq06."""
    import re

    from benchmarks.extraction import ARTICLES

    root = tmp_path / "transition-kg"
    for part in ("ontology", "graph", "queries"):
        shutil.copytree(ROOT / part, root / part)
    shutil.copytree(corpus_dir(Project(ROOT)), tmp_path / "shared" / "seeds")
    monkeypatch.delenv("TKG_CORPUS", raising=False)
    text = tmp_path / "hunter.txt"
    shutil.copy(ARTICLES / "held-out" / "hunter.txt", text)
    project, base = Project(root), ["--project", str(root)]
    assert (
        cli(base + ["new-article", str(text), "--published", "2025-06-30", "--title", "Hunter Valley after coal"]) == 0
    )
    draft = tmp_path / "draft.trig"
    assert cli(base + ["extract", str(text), "--published", "2025-06-30", "-o", str(draft)]) == 0
    body = draft.read_text(encoding="utf-8")

    def candidate(words: str) -> str:
        at = body.index(f"«{words}»")
        return re.search(r"tkr:(candidate-\S+)", body[at:]).group(1)

    decisions = {
        "Hunter Valley": "tkg:candidateType tkg:Region",
        "Wendy Tanaka": "tkg:candidateType tkg:Person",
        "University of Newcastle": "tkg:candidateType tkg:ResearchInstitute",
        "Craig Lawson": "tkg:candidateType tkg:Person",
        "about 150 million tonnes": (
            "tkg:observedEntity tkr:hunter-valley ; tkg:indicator tkr:indicator-annual-coal-output"
        ),
        "Our biggest customers have told us, in writing, that they are leaving": "",
        "Nobody's going to pay me that to fix solar panels": "",
        "Professor Wendy Tanaka of the University of Newcastle": "",
    }
    review = tmp_path / "review.trig"
    review.write_text(
        "@prefix tkg: <https://w3id.org/transition-kg/ontology#> .\n"
        "@prefix tkr: <https://w3id.org/transition-kg/id/> .\n"
        + "".join(
            f'tkr:{candidate(words)} tkg:candidateStatus "accepted"{" ; " + more if more else ""} .\n'
            for words, more in decisions.items()
        ),
        encoding="utf-8",
    )
    shared = (root / "graph" / "shared.trig").read_text(encoding="utf-8")
    assert cli(base + ["promote", str(draft), str(review)]) == 0
    assert cli(base + ["validate"]) == 0
    assert (root / "graph" / "shared.trig").read_text(encoding="utf-8").count("rdfs:label") == shared.count(
        "rdfs:label"
    ) + 4
    store = open_store(project)
    quotes = [
        (q["speaker"].rsplit("/", 1)[1], q["role"], q["words"])
        for q in run_named(store, "cq03", project).records()
        if "hunter" in q["article"]
    ]
    assert quotes == [
        ("wendy-tanaka", "Professor", "Our biggest customers have told us, in writing, that they are leaving"),
        ("craig-lawson", None, "Nobody's going to pay me that to fix solar panels"),
    ]
    series = run_named(store, "cq05", project, place="tkr:hunter-valley", indicator="tkr:indicator-annual-coal-output")
    assert [(r["value"], r["unit"].rsplit("/", 1)[1], r["qualifier"].rsplit("#", 1)[1]) for r in series.records()] == [
        (150000000, "unit-tonne", "Approximately")
    ]
    facts = run_named(store, "cq06", project, entity="tkr:hunter-valley").records()
    assert [(f["value"], f["evidence"]) for f in facts] == [(150000000, "about 150 million tonnes")]


@pytest.mark.parametrize(
    "old, new",
    [
        ("tkg:candidateValue 52000", 'tkg:candidateValue "٥٢٠٠٠"'),  # Unicode digits, as text
        ("tkg:candidateValue 52000", 'tkg:candidateValue "NaN"^^xsd:double'),
        ("tkg:candidateValue 52000", 'tkg:candidateValue "52000x"^^xsd:integer'),  # ill-typed
        ("oa:start ", "oa:start 99999999999999999999 ; tkg:x "),  # an offset past any text
    ],
    ids=["unicode-digits", "nan", "ill-typed", "huge-offset"],
)
def test_hostile_values_in_a_draft_are_refused_in_one_line(reviewed, capsys, old, new):
    project, draft = reviewed
    accept(
        draft,
        "nearly 52,000 residents",
        "\n        tkg:indicator tkr:indicator-population ; tkg:observedEntity tkr:beishan ;",
    )
    text = draft.read_text(encoding="utf-8")
    block = text[text.index("«nearly 52,000 residents»") :]
    assert old in block
    at = text.index(old, text.index("«nearly 52,000 residents»"))
    draft.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
    before = {p: p.read_bytes() for p in project.graph_dir.rglob("*.trig")}
    code = cli(["--project", str(project.root), "promote", str(draft)])
    out = capsys.readouterr()
    assert code != 0 and "Traceback" not in out.err
    assert {p: p.read_bytes() for p in project.graph_dir.rglob("*.trig")} == before  # nothing written


def _files(project) -> dict[str, bytes]:
    """Every file of the project's graph and ontology (hidden ones too: a temporary file a
    kill left is a difference), by path."""
    return {
        str(p.relative_to(project.root)): p.read_bytes()
        for folder in (project.graph_dir, project.ontology_dir)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _transition_kg(project, *args: str, **env: str):
    import os
    import subprocess
    import sys
    from pathlib import Path

    exe = str(Path(sys.executable).with_name("transition-kg"))
    return subprocess.Popen(
        [exe, "--project", str(project.root), *args],
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("step", [2, 3, 4, 6])  # 6 steps: save, list, write; twice
def test_a_promotion_killed_at_any_step_is_undone_by_the_next_command_that_writes(reviewed, step):
    """kill -9 while promote writes two files (the new city's declaration, its mention): the
    next writing command puts both back as they were, and the promotion can be run again."""
    project, draft = reviewed
    accept(draft, "Beishan")  # a new city: declared in graph/shared.trig, mentioned in the article's file
    before = _files(project)
    killed = _transition_kg(project, "promote", str(draft), TKG_TEST_SIGNAL=f"{step}:KILL")
    assert killed.wait(120) == -9
    assert (project.root / ".tkg-journal").stat().st_mode & 0o777 == 0o700  # the old bytes, kept private
    changed = [name for name, data in _files(project).items() if before.get(name) != data]
    assert bool(changed) == (step >= 3)  # from the first file written on, the project is half changed
    after = _transition_kg(project, "anchor")
    _, err = after.communicate(timeout=120)
    assert after.returncode == 0, err
    assert ("graph/shared.trig put back as it was before a change that was interrupted" in err) == (step >= 2)
    assert _files(project) == before and not (project.root / ".tkg-journal").exists()
    assert cli(["--project", str(project.root), "validate"]) == 0
    written, problems, _ = promote(project, draft)
    assert problems == [] and written == ["tkr:beishan", "tkr:mention-beishan-counts-its-people--beishan"]


def test_ctrl_c_while_promote_validates_a_refused_promotion_leaves_the_graph_unchanged(reviewed):
    import signal
    import time

    project, draft = reviewed
    accept(  # about a city the article never names: validate refuses it (entity not mentioned)
        draft,
        "nearly 52,000 residents",
        "\n        tkg:indicator tkr:indicator-population ; tkg:observedEntity tkr:qitaihe ;",
    )
    before = _files(project)
    article = project.graph_dir / "articles" / "beishan-counts-its-people.trig"
    running = _transition_kg(project, "promote", str(draft))
    while article.read_bytes() == before[str(article.relative_to(project.root))]:  # written: now it validates
        assert running.poll() is None, running.communicate()
        time.sleep(0.005)
    running.send_signal(signal.SIGINT)
    _, err = running.communicate(timeout=120)
    assert (running.returncode, err) == (130, "transition-kg: interrupted\n")
    assert _files(project) == before and not (project.root / ".tkg-journal").exists()


def test_a_second_writer_waits_for_a_change_under_way_and_never_undoes_it(reviewed):
    """While one promote is stopped halfway (SIGSTOP after its first file), another writing
    command is refused in one line and touches nothing; the first then finishes whole."""
    import os
    import signal
    import time
    from pathlib import Path

    project, draft = reviewed
    accept(draft, "Beishan")
    paused = _transition_kg(project, "promote", str(draft), TKG_TEST_SIGNAL="3:STOP")
    journal = project.root / ".tkg-journal"
    stat = Path(f"/proc/{paused.pid}/stat")
    try:
        while stat.read_text().rsplit(") ", 1)[1][0] != "T":  # stopped by its own SIGSTOP, its first file written
            assert paused.poll() is None
            time.sleep(0.01)
        half = _files(project)
        other = _transition_kg(project, "anchor")
        _, err = other.communicate(timeout=120)
        assert other.returncode == 2 and err == (
            f"transition-kg: {os.path.abspath(project.root)}: another command (process {paused.pid}) "
            "is changing the project; wait for it to end\n"
        )
        assert _files(project) == half
    finally:
        paused.send_signal(signal.SIGCONT)
    out, err = paused.communicate(timeout=120)
    assert paused.returncode == 0, err
    assert out.splitlines() == ["promoted tkr:beishan", "promoted tkr:mention-beishan-counts-its-people--beishan"]
    assert not journal.exists() and cli(["--project", str(project.root), "validate"]) == 0
