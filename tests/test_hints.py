"""A query that silently finds nothing says why it may have: on the command line (hint: lines),
in Python (result.hints) and in a notebook's table."""

from __future__ import annotations

import pytest

from transition_kg.cli import run
from transition_kg.core.store import EmbeddedStore

SILENT = {
    "a misspelt class": (
        "SELECT ?c WHERE { ?c a tkg:Citty }",
        "tkg:Citty is not a term of the ontology; did you mean tkg:City?",
    ),
    "a label without its language": (
        'SELECT ?i WHERE { ?i rdfs:label "youth unemployment rate" }',
        'the graph\'s "youth unemployment rate" is tagged @en: write "youth unemployment rate"@en',
    ),
    "a year asked alone": (
        "SELECT ?v ?year WHERE { ?o tkg:observedEntity tkr:qitaihe ; tkg:value ?v ; tkg:year ?year }",
        "tkg:year is given only where a figure names its year: a figure in the present tense has tkg:asOf "
        "(its article's year), one over a period tkg:startYear and tkg:endYear; ask them in OPTIONAL and "
        "take COALESCE(?year, ?asOf, ?endYear)",
    ),
    "a resource no graph has": (
        "SELECT ?p ?o WHERE { tkr:datnog ?p ?o }",
        "tkr:datnog is in no graph: the search query finds entities by label",
    ),
}


@pytest.mark.parametrize("name", sorted(SILENT))
def test_a_silent_zero_says_why(loaded, project, capsys, name):
    query, hint = SILENT[name]
    result = EmbeddedStore(loaded).query(query)
    assert result.rows == [] and result.hints == [hint]
    assert "<p>hint: " in result._repr_html_()
    assert run(["--project", str(project.root), "sparql", query, "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    assert err == f"hint: {hint}\n" and out.splitlines()[1:] == []


def test_a_query_that_finds_something_has_no_hints_and_asks_nothing_more(loaded):
    store = EmbeddedStore(loaded)
    result = store.query('SELECT ?c WHERE { ?c a tkg:City ; rdfs:label "Datong"@en }')
    assert len(result.rows) == 1 and result.hints == []
    fixed = store.query('SELECT ?i WHERE { ?i rdfs:label "youth unemployment rate"@en }')
    assert len(fixed.rows) == 1 and fixed.hints == []
    timed = store.query(
        "SELECT ?v (COALESCE(?year, ?asOf, ?endYear) AS ?when) WHERE { ?o tkg:observedEntity tkr:qitaihe ; "
        "tkg:value ?v . OPTIONAL { ?o tkg:year ?year } OPTIONAL { ?o tkg:asOf ?asOf } "
        "OPTIONAL { ?o tkg:endYear ?endYear } }"
    )
    found = sorted((int(v.value), when and when.value) for v, when in timed.rows)
    assert found == [(25, "2023"), (700000, "2023"), (30000000, None)] and timed.hints == []  # the coal output: no year


def test_a_label_of_the_wrong_kind_says_what_it_names_and_what_was_meant(loaded, project, capsys):
    from transition_kg.ask.queries import run_named

    hint = (
        "indicator=tourism is an industry (tkr:tourism), not an indicator; did you mean the indicator labelled "
        "tourism revenue (tkr:indicator-tourism-revenue)?"
    )
    result = run_named(EmbeddedStore(loaded), "cq05", project, indicator="tourism")
    assert result.rows == [] and result.hints == [hint]
    assert run(["--project", str(project.root), "query", "cq05", "-p", "indicator=tourism"]) == 0
    assert capsys.readouterr().err == f"hint: {hint}\n"
    meant = run_named(EmbeddedStore(loaded), "cq05", project, indicator="tourism revenue")
    assert [r["value"] for r in meant.records()] == [15000000000, 61000000000] and meant.hints == []


def test_an_empty_answer_says_which_parameters_took_their_defaults(loaded, project, capsys):
    """Qitaihe has no good-air days: cq05 for Qitaihe alone finds nothing, and says the indicator
    was its default (a newcomer took the empty table for "no numbers about Qitaihe")."""
    from transition_kg.ask.queries import run_named

    hint = (
        "indicator was not given, so it was its default (tkr:indicator-good-air-quality-days): "
        "name the indicator you mean"
    )
    result = run_named(EmbeddedStore(loaded), "cq05", project, place="Qitaihe")
    assert result.rows == [] and result.hints == [hint]
    assert run(["--project", str(project.root), "query", "cq05", "-p", "place=Qitaihe"]) == 0
    assert capsys.readouterr().err == f"hint: {hint}\n"
    assert run_named(EmbeddedStore(loaded), "cq05", project).hints == []  # Datong's good-air days: rows, no hint
