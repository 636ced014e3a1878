"""Anchoring by quote: evidence written by its words gets the offsets a person would have
counted, in place; words not found or found twice are named, and the file is left alone."""

from __future__ import annotations

import re

import pytest

from transition_kg.cli import run as cli
from transition_kg.core.errors import COMMAND_LINE, worded
from transition_kg.grow.anchor import AnchorError, anchor, occurrences

from .conftest import line_of

QITAIHE = "graph/articles/qitaihe-coal-city.trig"
POSITION = re.compile(
    r"oa:hasSelector \[ a oa:TextPositionSelector ; oa:start \d+ ; oa:end \d+ \] ,\n\s+"
    r'(\[ a oa:TextQuoteSelector ; oa:exact "((?:[^"\\]|\\.)*)" \])'
)


def test_occurrences_respect_prefix_and_suffix():
    text = "coal to Russia, exports to Russia, and Russia"
    assert occurrences(text, "Russia") == [8, 27, 39]
    assert occurrences(text, "Russia", prefix="exports to ") == [27]
    assert occurrences(text, "Russia", suffix=",") == [8, 27]
    assert occurrences(text, "Ruhr") == []


def test_stripped_offsets_come_back_byte_for_byte(project_copy, corpus):
    """Take away the offsets of every span whose words occur once in the article; anchor writes
    back exactly the file the curators wrote by hand."""
    path = project_copy.root / QITAIHE
    original = path.read_text(encoding="utf-8")
    text = (corpus / "000_677b70f29ffb11ba.txt").read_text(encoding="utf-8")
    stripped, count = POSITION.subn(
        lambda m: ("oa:hasSelector " + m.group(1)) if text.count(m.group(2).replace('\\"', '"')) == 1 else m.group(0),
        original,
    )
    assert count > 50 and stripped != original
    path.write_text(stripped, encoding="utf-8")
    written, problems = anchor(project_copy, corpus)
    assert problems == []
    assert [name for name, _ in written] == [QITAIHE]
    assert path.read_text(encoding="utf-8") == original
    assert cli(["--project", str(project_copy.root), "--corpus", str(corpus), "anchor"]) == 0  # nothing left


def test_words_found_twice_or_not_at_all_are_named_and_nothing_is_written(project_copy, corpus, capsys):
    path = project_copy.root / QITAIHE
    text = path.read_text(encoding="utf-8").replace(
        "    # Claims:",
        """    tkr:claim-twice a tkg:Claim ; tkg:about tkr:russia ; rdfs:label "test"@en ;
        tkg:evidence [ a oa:SpecificResource ; oa:hasSource tkr:article-qitaihe-coal-city ;
            oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "Russia" ] ] .
    tkr:claim-nowhere a tkg:Claim ; tkg:about tkr:russia ; rdfs:label "test"@en ;
        tkg:evidence [ a oa:SpecificResource ; oa:hasSource tkr:article-qitaihe-coal-city ;
            oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "Moscow" ] ] .
    # Claims:""",
        1,
    )
    path.write_text(text, encoding="utf-8")
    assert cli(["--project", str(project_copy.root), "--corpus", str(corpus), "anchor"]) == 1
    twice, nowhere = line_of(path, 'oa:exact "Russia" ]'), line_of(path, 'oa:exact "Moscow"')
    assert capsys.readouterr().out.splitlines() == [
        f"{QITAIHE}:{twice}: [anchor] 'Russia' occurs 3 times in the article (at 613, 1987, 2190): "
        "add oa:prefix or oa:suffix to choose one",
        f"{QITAIHE}:{nowhere}: [anchor] 'Moscow' occurs 0 times in the article",
    ]
    assert path.read_text(encoding="utf-8") == text
    # the words before it choose one occurrence; the other problem still keeps the file as it is
    path.write_text(
        text.replace('oa:exact "Russia" ]', 'oa:exact "Russia" ; oa:prefix "send coal to " ]').replace(
            'oa:exact "Moscow"', 'oa:exact "Vladivostok"'
        ),
        encoding="utf-8",
    )
    written, problems = anchor(project_copy, corpus)
    assert problems == [] and written == [(QITAIHE, 2)]
    assert (
        "oa:start 2190 ; oa:end 2196 ] ,\n                           "
        '[ a oa:TextQuoteSelector ; oa:exact "Russia" ; oa:prefix' in path.read_text(encoding="utf-8")
    )


def test_without_the_corpus_it_says_where_it_looked(project_copy, tmp_path):
    with pytest.raises(AnchorError, match=f"no article corpus at {tmp_path / 'none'}") as refused:
        anchor(project_copy, tmp_path / "none")
    assert worded(refused.value, COMMAND_LINE) == (
        f"no article corpus at {tmp_path / 'none'}: set TKG_CORPUS to the folder of article texts (pass --corpus)"
    )


def test_only_the_projects_graph_files_are_written(project_copy, corpus, tmp_path):
    outside = tmp_path / "elsewhere.trig"
    outside.write_text("x", encoding="utf-8")
    for path in (outside, project_copy.root / "ontology" / "tkg.ttl"):
        with pytest.raises(AnchorError, match="not a graph file of the project"):
            anchor(project_copy, corpus, [path])
    assert outside.read_text(encoding="utf-8") == "x"


def test_mentions_are_written_where_the_text_first_writes_a_label(project_copy, corpus, capsys):
    """An entity the article's facts use but no mention names gets one at its label's first
    place; an entity whose labels the text never writes is named, and validate passes once
    the mentions are there."""
    path = project_copy.root / QITAIHE
    original = path.read_text(encoding="utf-8")
    block = re.search(r"    tkr:mention-qitaihe-coal-city--russia a tkg:Mention ;.*?\] \] \.\n", original, re.S)
    path.write_text(original.replace(block.group(0), ""), encoding="utf-8")
    base = ["--project", str(project_copy.root), "--corpus", str(corpus)]
    assert cli(base + ["validate"]) == 1
    capsys.readouterr()
    assert cli(base + ["anchor", "--mentions"]) == 0
    assert capsys.readouterr().out == f"mentioned 1 entity in {QITAIHE}\n"
    text = (corpus / "000_677b70f29ffb11ba.txt").read_text(encoding="utf-8")
    at = text.index("Russia")  # the article starts at the file's first character
    written = path.read_text(encoding="utf-8")
    assert (
        "    <https://w3id.org/transition-kg/id/mention-qitaihe-coal-city--russia> a tkg:Mention ; "
        "tkg:mentionOf <https://w3id.org/transition-kg/id/russia> ;\n"
    ) in written
    assert (
        f"oa:start {at} ; oa:end {at + 6} ] ,\n"
        '                           [ a oa:TextQuoteSelector ; oa:exact "Russia" ]' in written
    )
    assert cli(base + ["validate"]) == 0
    # a used entity whose labels the article never writes: named, nothing written
    before = path.read_text(encoding="utf-8")
    path.write_text(
        before.replace("    # Claims:", "    tkr:qitaihe tkg:locatedIn tkr:lusatia-test .\n    # Claims:", 1),
        encoding="utf-8",
    )
    shared = project_copy.graph_dir / "shared.trig"
    body = shared.read_text(encoding="utf-8")
    end = body.rstrip().rfind("}")
    shared.write_text(
        body[:end]
        + '    tkr:lusatia-test a tkg:Region ; rdfs:label "Lusatia"@en ; skos:altLabel "Lausitz"@en .\n'
        + body[end:],
        encoding="utf-8",
    )
    capsys.readouterr()
    assert cli(base + ["anchor", "--mentions"]) == 1
    assert capsys.readouterr().out == (
        "tkr:lusatia-test: [anchor] not mentioned in tkr:article-qitaihe-coal-city and none of its labels ('Lausitz', "
        "'Lusatia') is in the text: write its mention with the words the article uses, and run anchor\n"
    )


def test_a_selector_written_inside_a_string_or_a_comment_is_text_and_left_alone(project_copy, corpus):
    """Only the parsed graph's selectors are anchored: the same words inside a literal (a
    curator's note on how to write evidence) or a comment are text, kept byte for byte."""
    path = project_copy.root / QITAIHE
    note = (
        '"""Write evidence by its words: oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "Vladivostok" ] '
        'and run anchor; a word such as "Russia" in # a note is fine."""@en'
    )
    text = path.read_text(encoding="utf-8").replace(
        "    # Claims:",
        f"""    tkr:claim-corridor a tkg:Claim ; tkg:about tkr:russia ; rdfs:label "test"@en ;
        rdfs:comment {note} ;
        tkg:evidence [ a oa:SpecificResource ; oa:hasSource tkr:article-qitaihe-coal-city ;
            oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "Vladivostok" ] ] .
    # see oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "Moscow" ] for the form
    # Claims:""",
        1,
    )
    path.write_text(text, encoding="utf-8")
    written, problems = anchor(project_copy, corpus)
    assert problems == [] and written == [(QITAIHE, 1)]
    after = path.read_text(encoding="utf-8")
    assert note in after and '# see oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "Moscow" ] for' in after
    start = after.index("tkr:claim-corridor")
    assert after.count("oa:TextPositionSelector", start, after.index("# Claims:", start)) == 1
    assert cli(["--project", str(project_copy.root), "--corpus", str(corpus), "validate"]) == 0


@pytest.mark.parametrize("step", [3, 6])  # killed after the first file is written, and after the second
def test_an_anchor_killed_midway_is_undone_and_finished_by_the_next_run(project_copy, corpus, step):
    """kill -9 while anchor rewrites two files: the next run puts the one written back, then
    anchors both, exactly as a run never interrupted would."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    anchored = {}
    datong = "graph/articles/datong-coal-capital.trig"  # written first (the files in order)
    for name in (datong, QITAIHE):
        path = project_copy.root / name
        anchored[name] = path.read_bytes()
        stripped, count = POSITION.subn(lambda m: "oa:hasSelector " + m.group(1), anchored[name].decode(), count=1)
        assert count == 1  # its first evidence's offsets taken away: anchor writes them back
        path.write_text(stripped, encoding="utf-8")
    exe = str(Path(sys.executable).with_name("transition-kg"))
    command = [exe, "--project", str(project_copy.root), "--corpus", str(corpus), "anchor"]
    killed = subprocess.run(command, env={**os.environ, "TKG_TEST_SIGNAL": f"{step}:KILL"}, capture_output=True)
    assert killed.returncode == -9
    assert [(project_copy.root / n).read_bytes() == data for n, data in anchored.items()] == [True, step == 6]
    again = subprocess.run(command, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert f"{datong} put back as it was before a change that was interrupted" in again.stderr
    assert again.stdout.count("anchored 1 span in") == 2
    assert {n: (project_copy.root / n).read_bytes() for n in anchored} == anchored
    assert not (project_copy.root / ".tkg-journal").exists()
    assert not [p for p in (project_copy.root / "graph").rglob(".*") if p.name != ".gitkeep"]  # no temporary file
