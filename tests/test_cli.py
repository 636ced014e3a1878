"""The command line: exit codes, one-line errors, project discovery, and the README."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from transition_kg.cli import COMMANDS, main, run
from transition_kg.core.paths import Project, find_project
from transition_kg.core.store import open_store

from .conftest import ROOT


def test_validate_exit_zero_and_summary(project, corpus, capsys):
    assert run(["--project", str(project.root), "--corpus", str(corpus), "validate"]) == 0
    spans = int(
        open_store(project).query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?x tkg:evidence ?e } }").rows[0][0].value
    )
    checks = len(list((project.root / "queries" / "checks").glob("*-violation.rq")))
    assert capsys.readouterr().out == f"ok: 10 files, {spans} evidence spans, 3 articles, {checks} quality checks\n"


def test_stats_prints_class_and_article_counts(project, capsys):
    assert run(["--project", str(project.root), "stats"]) == 0
    out = capsys.readouterr().out.splitlines()
    store = open_store(project)
    count = lambda kind: int(
        store.query(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a tkg:{kind} }}").rows[0][0].value
    )
    shown = {line.split()[0]: int(line.split()[1]) for line in out if line.startswith("  tkg:")}
    for kind in ("Observation", "Quote", "Person", "Fact", "Mention"):
        assert shown["tkg:" + kind] == count(kind)
    assert store.query("ASK { ?x a tkg:Mention , tkg:Fact }").boolean is False  # a mention is not a fact
    header = next(line for line in out if line.strip().startswith("article"))
    assert header.split() == [
        "article",
        "facts",
        "observations",
        "quotes",
        "roles",
        "events",
        "mentions",
        "people",
        "triples",
    ]
    row = next(line for line in out if "article-qitaihe-coal-city" in line)
    facts = (
        store.query(
            "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { GRAPH tkr:article-qitaihe-coal-city { ?x tkg:evidence ?e } "
            "?x a tkg:Fact }"
        )
        .rows[0][0]
        .value
    )
    assert row.split()[1:8] == [facts, "5", "3", "3", "1", "33", "3"]


def test_build_prints_counts_and_paths(project_copy, corpus, capsys, tmp_path):
    out = tmp_path / "b"
    assert run(["--project", str(project_copy.root), "--corpus", str(corpus), "build", "--out", str(out)]) == 0
    text = capsys.readouterr().out
    assert (
        f"wrote {out / 'transition-kg.nq'}\nwrote {out / 'transition-kg.trig'}\n"
        f"wrote {out / 'transition-kg.manifest.json'}\n"
    ) in text
    observations = open_store(project_copy).query("SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a tkg:Observation }")
    shown = {line.split()[0]: line.split()[1] for line in text.splitlines() if line.startswith("  tkg:")}
    assert shown["tkg:Observation"] == observations.rows[0][0].value


def test_broken_file_is_one_line_error_with_no_traceback(project_copy, capsys):
    (project_copy.graph_dir / "bad.trig").write_text(
        "@prefix tkr: <https://w3id.org/transition-kg/id/> .\ntkr:g {\n  tkr:a tkr:b tkr:c\n", encoding="utf-8"
    )
    with pytest.raises(SystemExit) as exited:
        main(["--project", str(project_copy.root), "stats"])
    assert exited.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "transition-kg: graph/bad.trig:4: [syntax] Unexpected end\n"


def test_build_with_problems_writes_nothing_and_exits_one(project_copy, corpus, capsys, tmp_path):
    (project_copy.graph_dir / "bad.trig").write_text(
        "@prefix tkr: <https://w3id.org/transition-kg/id/> .\ntkr:g { tkr:a tkr:b }\n", encoding="utf-8"
    )
    out = tmp_path / "b"
    assert run(["--project", str(project_copy.root), "--corpus", str(corpus), "build", "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert captured.out == "graph/bad.trig:2: [syntax] } is not a valid RDF object\n"
    assert captured.err == "build stopped: 1 problem(s); nothing written\n"
    assert not out.exists()


def test_bad_project_is_a_one_line_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--project", str(tmp_path), "validate"])
    assert exited.value.code == 2
    assert (
        capsys.readouterr().err
        == f"transition-kg: --project {tmp_path}: not a project directory (needs ontology, graph, queries/)\n"
    )


def test_project_discovery_order(tmp_path, monkeypatch, project):
    other = tmp_path / "copy"
    for part in ("ontology", "graph", "queries"):
        shutil.copytree(project.root / part, other / part)
    monkeypatch.delenv("TKG_PROJECT", raising=False)
    monkeypatch.chdir(other)
    assert find_project() == Project(other.resolve())  # the current directory
    monkeypatch.setenv("TKG_PROJECT", str(project.root))
    assert find_project() == Project(project.root)  # $TKG_PROJECT beats it
    assert find_project(other) == Project(other.resolve())  # --project beats both
    monkeypatch.delenv("TKG_PROJECT")
    monkeypatch.chdir(tmp_path)
    assert find_project() == Project(ROOT)  # else the installed checkout
    monkeypatch.setenv("TKG_PROJECT", str(tmp_path))
    with pytest.raises(Exception, match=r"^TKG_PROJECT=.*: not a project directory"):
        find_project()


def test_console_script_runs(project):
    """The installed entry point, as a user runs it."""
    exe = Path(sys.executable).with_name("transition-kg")
    result = subprocess.run([str(exe), "--help"], capture_output=True, text=True, check=True)
    for command in ("validate", "build", "stats"):
        assert re.search(rf"^\s+{command}\s", result.stdout, re.M), command


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = list(COMMANDS)
    missing = [c for c in commands if f"transition-kg {c}" not in readme]
    assert missing == []


def test_readme_turtle_example_is_in_the_graph(loaded):
    """The example in README.md is real: every triple of it (blank nodes aside) is in the graph."""
    from rdflib import BNode, Graph

    from transition_kg.core.vocab import OA, PREFIXES

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```turtle\n(.*?)```", readme, re.S).group(1)
    head = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items())
    graph = Graph().parse(data=head + example, format="turtle")
    ground = [(s, p, o) for s, p, o in graph if not isinstance(s, BNode) and not isinstance(o, BNode)]
    assert len(ground) >= 6 and all(t in loaded.dataset for t in ground)
    oa, ds = OA, loaded.dataset
    exact = next(graph.objects(None, oa.exact))
    start = int(next(graph.objects(None, oa.start)))
    spans = {
        (int(ds.value(pos, oa.start)), int(ds.value(pos, oa.end)))
        for sel in ds.subjects(oa.exact, exact)
        for ev in ds.subjects(oa.hasSelector, sel)
        for pos in ds.objects(ev, oa.hasSelector)
        if (pos, oa.start, None) in ds
    }
    assert spans == {(start, start + len(exact))}


def test_query_prints_a_table_with_labels_and_short_names(project, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    assert run(["--project", str(project.root), "query", "cq05-indicator-time-series"]) == 0
    assert capsys.readouterr().out == (
        "year  period  asOf  value  unit               qualifier  yearInferredFrom  article\n"
        "----  ------  ----  -----  -----------------  ---------  ----------------  " + "-" * 97 + "\n"
        "2001                49     day  tkr:unit-day                               "
        'China\'s "coal capital" Datong diversifies into center of culture  tkr:article-datong-coal-capital\n'
        "2024                314    day  tkr:unit-day             last year         "
        'China\'s "coal capital" Datong diversifies into center of culture  tkr:article-datong-coal-capital\n'
        "(2 rows)\n"
    )


def test_long_text_wraps_within_the_terminal_and_a_quote_reads_whole(project, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    assert run(["--project", str(project.root), "query", "cq03-quotes"]) == 0
    lines = capsys.readouterr().out.splitlines()
    from transition_kg.ask.table import width

    assert max(width(line) for line in lines) <= 100
    words = lines[0].index("words")
    column = " ".join(line[words:].split("  ")[0].strip() for line in lines[2:40])
    assert "Our research focuses on three main areas. First, clean, efficient, and flexible coal combustion" in column
    assert "reported speech" in "\n".join(lines) and lines[-1] == "(14 rows)"


def test_a_narrow_terminal_gets_a_cut_table_that_says_so(project, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    assert run(["--project", str(project.root), "query", "cq03-quotes", "--no-wrap"]) == 0
    lines = capsys.readouterr().out.splitlines()
    from transition_kg.ask.table import width

    assert max(width(line) for line in lines[:-1]) <= 60  # the rows; the last line is the note
    assert lines[-1].endswith("; long cells cut to fit 60 columns: --format csv gives them whole)")


def test_csv_of_a_named_query_has_label_columns(project, capsys):
    assert run(["--project", str(project.root), "query", "cq01-coal-cities", "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0] == "city,cityLabel,province,provinceLabel,country,countryLabel,article,articleLabel"
    assert "Qitaihe" in rows[2] and "Heilongjiang" in rows[2] and ",China," in rows[2]
    assert run(["--project", str(project.root), "query", "cq01-coal-cities", "--format", "csv", "--no-labels"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "city,province,country,article"


def test_sparql_given_to_query_says_which_command_runs_it(project, capsys):
    """A newcomer's own SELECT where a query's name goes: one line naming the command for it."""
    typed = "SELECT ?city WHERE { ?city a tkg:City } ORDER BY ?city"
    with pytest.raises(SystemExit) as exited:
        main(["--project", str(project.root), "query", typed])
    assert exited.value.code == 2
    assert capsys.readouterr().err == (
        "transition-kg: 'SELECT ?city WHERE { ?city a tkg:City }…' is SPARQL, not a query's name: run your own "
        "with transition-kg sparql '…' (no PREFIX or GRAPH needed); transition-kg queries lists the named ones\n"
    )
    assert run(["--project", str(project.root), "sparql", typed, "-F", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[:2] == ["city", "https://w3id.org/transition-kg/id/datong"]


def test_queries_lists_names_titles_and_parameters(project, capsys):
    assert run(["--project", str(project.root), "queries"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 15
    assert out[4] == (
        "cq05-indicator-time-series  An indicator over time for a place  "
        "[place=tkr:datong(IRI) indicator=tkr:indicator-good-air-quality-days(IRI)]"
    )


def test_sparql_construct_prints_turtle(project, capsys):
    query = (
        "PREFIX tkg: <https://w3id.org/transition-kg/ontology#> CONSTRUCT { ?c tkg:locatedIn ?p } "
        "WHERE { GRAPH <https://w3id.org/transition-kg/id/article-datong-coal-capital> { ?c tkg:locatedIn ?p } "
        "FILTER(?c = <https://w3id.org/transition-kg/id/datong>) }"
    )
    assert run(["--project", str(project.root), "sparql", query]) == 0
    out = capsys.readouterr().out
    assert "tkr:datong tkg:locatedIn tkr:shanxi ." in out
    assert run(["--project", str(project.root), "sparql", query, "--format", "nt"]) == 0
    assert capsys.readouterr().out.strip() == (
        "<https://w3id.org/transition-kg/id/datong> "
        "<https://w3id.org/transition-kg/ontology#locatedIn> <https://w3id.org/transition-kg/id/shanxi> ."
    )


def test_sparql_ask_and_file_errors(project, tmp_path, capsys):
    assert run(["--project", str(project.root), "sparql", "ASK { GRAPH ?g { ?s ?p ?o } }"]) == 0
    assert capsys.readouterr().out == "yes\n"
    bad = tmp_path / "mine.rq"
    bad.write_text("SELECT ?x\nWHERE { ?x ?y }\n")
    with pytest.raises(SystemExit) as exited:
        main(["--project", str(project.root), "sparql", "-f", str(bad)])
    assert exited.value.code == 2
    assert capsys.readouterr().err == (
        f"transition-kg: {bad}:3:1: syntax error: found the end of the query: a pattern before it is not finished (a "
        "triple needs a subject, a predicate and an object); check the dots and brackets before it\n"
    )


def test_hostile_param_is_a_clean_error(project, capsys):
    with pytest.raises(SystemExit) as exited:
        main(
            [
                "--project",
                str(project.root),
                "query",
                "cq06-quantitative-facts",
                "--param",
                "entity=tkr:qitaihe> } } ; DROP ALL ; #",
            ]
        )
    assert exited.value.code == 2
    assert capsys.readouterr().err == (
        "transition-kg: --param entity=tkr:qitaihe> } } ; DROP ALL ; #: "
        'not an IRI (spaces and <>"{}|^`\\ are not allowed)\n'
    )


def test_an_error_stays_one_line_whatever_its_value():
    from transition_kg.core.errors import COMMAND_LINE, HTTP, TKGError, worded

    error = TKGError("not a title", option="title", value="Two\nlines 七台河")
    assert worded(error, COMMAND_LINE) == "--title Two\\nlines 七台河: not a title"
    assert worded(error, HTTP) == "title=Two\\nlines 七台河: not a title"
    assert "\n" not in str(error)
