"""Named queries: expected rows (queries/NAME.srj beside each NAME.rq) on the embedded store,
headers, typed parameters, and binding that no value can break out of."""

from __future__ import annotations

import json
import re
import sys

import pyoxigraph as ox
import pytest

from transition_kg.ask.queries import bind, parse_params, run, run_named, to_term
from transition_kg.core.errors import COMMAND_LINE, QueryError, worded
from transition_kg.core.named import NamedQuery, Param, discover, get, parse_header
from transition_kg.core.paths import Project
from transition_kg.core.sparql import FORMATS, QuerySyntaxError, parse_answer, read, serialize
from transition_kg.core.store import open_store

from .conftest import ROOT

NAMES = sorted(discover(Project(ROOT)))
XSD = "http://www.w3.org/2001/XMLSchema#"
TKG = "https://w3id.org/transition-kg/ontology#"


@pytest.fixture(scope="module")
def store(project):
    return open_store(project)


def expected(name: str):
    body = (ROOT / "queries" / f"{name}.srj").read_bytes()
    return read(parse_answer(body, "application/sparql-results+json", name))


def test_every_named_query_has_expected_rows_and_a_readme_row():
    assert [n for n in NAMES if n.startswith("cq")] == [
        f"cq{i:02d}" + n[4:] for i, n in enumerate(sorted(n for n in NAMES if n.startswith("cq")), 1)
    ]
    assert [n for n in NAMES if not (ROOT / "queries" / f"{n}.srj").is_file()] == []
    assert sorted(p.stem for p in (ROOT / "queries").glob("*.srj")) == NAMES  # no expected rows left over
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = set(re.findall(r"^\| `([\w-]+)`", readme, re.M))
    assert table == set(NAMES)


def test_a_named_query_in_process_leaves_rdflib_unloaded(project):
    """The query path (load, bind, run, read) needs no rdflib: a fresh interpreter proves it."""
    import subprocess

    code = (
        "import sys; from transition_kg.core.store import open_store; from transition_kg.ask.queries import run_named; "
        "rows = run_named(open_store(), 'cq01-coal-cities').records(); "
        "print(len(rows), sorted(m for m in sys.modules if m.split('.')[0] in ('rdflib', 'pyparsing', 'pyshacl')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "2 []"


@pytest.mark.parametrize("name", NAMES)
def test_named_query_gives_its_expected_rows(store, project, name):
    query = get(project, name)
    result, want = run(store, query), expected(name)
    assert result.vars == want.vars
    if query.ordered:
        assert result.rows == want.rows
    else:
        assert sorted(map(repr, result.rows)) == sorted(map(repr, want.rows))


def test_bare_cq05_answers_datong_good_air_days(store):
    rows = run_named(store, "cq05-indicator-time-series", ROOT).records()
    assert [(r["year"], r["value"], r["unit"]) for r in rows] == [
        ("2001", 49, "https://w3id.org/transition-kg/id/unit-day"),
        ("2024", 314, "https://w3id.org/transition-kg/id/unit-day"),
    ]


def test_parameters_change_the_answer(store):
    rows = run_named(store, "cq05-indicator-time-series", ROOT, indicator="tkr:indicator-tourism-revenue").records()
    assert [(r["year"], r["value"], r["qualifier"]) for r in rows] == [
        ("2022", 15000000000, None),
        ("2024", 61000000000, "https://w3id.org/transition-kg/ontology#MoreThan"),
    ]
    places = {
        r["place"].rsplit("/", 1)[1]
        for r in run_named(store, "cq07-places-within", ROOT, within="tkr:heilongjiang").records()
    }
    assert places == {"qitaihe", "harbin", "heihe", "xinxing-korean-autonomous-township", "chengzihe-mine"}


def test_search_finds_chinese_labels(store):
    rows = run_named(store, "search", ROOT, text="七台河").records()
    assert rows == [
        {
            "entity": "https://w3id.org/transition-kg/id/qitaihe",
            "label": "七台河",
            "kind": "https://w3id.org/transition-kg/ontology#City",
        }
    ]


def test_headers_have_title_description_and_typed_defaults(project):
    for name, query in discover(project).items():
        assert query.title and query.description, name
        for param in query.params:
            assert param.default is not None, (name, param.name)
            to_term(param, param.default)
    cq05 = get(project, "cq05-indicator-time-series")
    assert cq05.params == [
        Param("place", "IRI", "tkr:datong", "the place or organisation"),
        Param("indicator", "IRI", "tkr:indicator-good-air-quality-days", "what is measured"),
    ]


def test_bad_header_is_named_with_its_line(tmp_path):
    path = tmp_path / "bad.rq"
    path.write_text("# title: x\n# param: place  URI  tkr:x\nSELECT * WHERE { ?s ?p ?o }\n")
    with pytest.raises(QueryError, match=r"bad\.rq:2: param must be 'NAME TYPE"):
        parse_header(path)


@pytest.mark.parametrize(
    "type_, raw, term",
    [
        ("IRI", "tkr:datong", ox.NamedNode("https://w3id.org/transition-kg/id/datong")),
        ("IRI", "https://example.org/a#b", ox.NamedNode("https://example.org/a#b")),
        ("IRI", "<https://example.org/a>", ox.NamedNode("https://example.org/a")),
        ("string", 'x" } DROP ALL #', ox.Literal('x" } DROP ALL #')),
        ("integer", "-12", ox.Literal("-12", datatype=ox.NamedNode(XSD + "integer"))),
        ("decimal", "5.3", ox.Literal("5.3", datatype=ox.NamedNode(XSD + "decimal"))),
        ("year", "2024", ox.Literal("2024", datatype=ox.NamedNode(XSD + "gYear"))),
    ],
)
def test_values_become_rdf_terms(type_, raw, term):
    assert to_term(Param("p", type_, None), raw) == term


@pytest.mark.parametrize(
    "type_, raw, message",
    [
        ("IRI", "datong", "--param p=datong: not an IRI (give a full IRI or a prefixed name such as tkr:datong)"),
        (
            "IRI",
            "tkr:datong> } ; DROP ALL ; #",
            '--param p=tkr:datong> } ; DROP ALL ; #: not an IRI (spaces and <>"{}|^`\\ are not allowed)',
        ),
        (
            "IRI",
            "evil:x",
            "--param p=evil:x: unknown prefix 'evil'; "
            "known: tkg, tkr, rdf, rdfs, owl, xsd, skos, dcterms, prov, oa, schema, wd, sh, tkgsh",
        ),
        ("integer", "1; DROP", "--param p=1; DROP: not an integer"),
        ("year", "last year", "--param p=last year: not a year"),
    ],
)
def test_bad_values_are_one_line_errors(type_, raw, message):
    """One line, worded for the command line here (``--param``); Python says ``params=``."""
    with pytest.raises(QueryError) as error:
        to_term(Param("p", type_, None), raw)
    assert worded(error.value, COMMAND_LINE) == message
    assert str(error.value) == message.replace(f"--param p={raw}", f"params={{'p': {raw!r}}}")


def test_missing_and_unknown_parameters(project):
    query = NamedQuery("q", ROOT / "q.rq", "t", "d", [Param("place", "IRI", None)], "SELECT * WHERE { ?s ?p ?place }")
    with pytest.raises(QueryError) as error:
        parse_params(query, {})
    assert worded(error.value, COMMAND_LINE) == "--param place: required by q (IRI)"
    assert str(error.value) == "params['place']: required by q (IRI)"
    with pytest.raises(QueryError) as error:
        parse_params(query, {"place": "tkr:x", "city": "tkr:y"})
    assert worded(error.value, COMMAND_LINE) == "--param city: q has no such parameter (its parameters: place)"
    with pytest.raises(QueryError, match=r"^unknown query 'nope'; known: cq01-coal-cities, "):
        get(project, "nope")


def test_hostile_string_is_bound_as_one_literal(store):
    hostile = 'x" } } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o } #'
    text = bind("SELECT ?e WHERE { GRAPH ?g { ?e ?p ?text } }", {"text": ox.Literal(hostile)})
    assert text == (
        'SELECT ?e WHERE { VALUES (?text) { ("x\\" } } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o } #") }'
        "  GRAPH ?g { ?e ?p ?text } }"
    )
    assert run_named(store, "search", ROOT, text=hostile).rows == []


def test_bind_skips_comments_strings_and_iris(store):
    query = '# WHERE { in a comment\nPREFIX ex: <http://e/WHERE>\nSELECT ?x ("WHERE {" AS ?y) WHERE { BIND(?v AS ?x) }'
    bound = bind(query, {"v": ox.Literal(7)})
    assert bound.endswith('WHERE { VALUES (?v) { ("7"^^<http://www.w3.org/2001/XMLSchema#integer>) }  BIND(?v AS ?x) }')
    assert store.query(bound).rows == [(ox.Literal(7), ox.Literal("WHERE {"))]


def test_syntax_error_names_file_line_and_column(tmp_path, store):
    path = tmp_path / "broken.rq"
    path.write_text("# title: broken\nSELECT ?x WHERE {\n  ?x ?p\n}\n")
    with pytest.raises(QuerySyntaxError) as error:
        run(store, parse_header(path))
    assert str(error.value).startswith(f"{path}:5:1: syntax error: found the end of the query: a pattern before it")


def test_results_are_w3c_json(store, project):
    json_format = next(f for f in FORMATS if f.name == "json")
    document = json.loads(serialize(store.answer(bind(get(project, "cq01-coal-cities").text, {})), json_format))
    assert document["head"] == {"vars": ["city", "province", "country", "article"]}
    first = document["results"]["bindings"][0]
    assert first["city"] == {"type": "uri", "value": "https://w3id.org/transition-kg/id/datong"}


def test_a_describe_without_where_takes_parameters(project_copy):
    (project_copy.queries_dir / "describe-entity.rq").write_text(
        "# title: Describe an entity\n# description: Its statements.\n# param: entity  IRI  tkr:datong  the entity\n"
        "DESCRIBE ?entity\n",
        encoding="utf-8",
    )
    query = get(project_copy, "describe-entity")
    text = bind(query.text, parse_params(query, {"entity": "tkr:shanxi"}))
    assert text.endswith("DESCRIBE ?entity\nVALUES (?entity) { (<https://w3id.org/transition-kg/id/shanxi>) }")
    assert open_store(project_copy).query(text).kind == "GRAPH"


def test_an_iri_parameter_may_be_a_label(store, project):
    rows = run_named(store, "cq05-indicator-time-series", ROOT, place="Datong", indicator="tourism revenue").records()
    assert [(r["year"], r["value"]) for r in rows] == [("2022", 15000000000), ("2024", 61000000000)]
    within = {
        r["place"].rsplit("/", 1)[1] for r in run_named(store, "cq07-places-within", ROOT, within="七台河").records()
    }
    assert within == {"xinxing-korean-autonomous-township", "chengzihe-mine"}
    with pytest.raises(QueryError, match=r"^params=\{'entity': 'Atlantis'\}: not an IRI, and no entity has that label"):
        run_named(store, "cq06-quantitative-facts", ROOT, entity="Atlantis")


@pytest.mark.parametrize("name", NAMES)
def test_inline_and_values_binding_give_the_same_rows(store, project, name):
    """``# bind: inline`` is a choice of speed, never of answer: both ways, the same rows."""
    query = get(project, name)
    values = parse_params(query, {})
    rows = [sorted(map(str, store.query(bind(query.text, values, inline=way)).rows)) for way in (False, True)]
    assert rows[0] == rows[1]


def test_inline_binding_writes_terms_that_cannot_break_out():
    hostile = '") } } ; DROP ALL ; SELECT * { ?s ?p ?o # \\'
    text = bind("SELECT ?v WHERE { ?s ?p ?v FILTER(?v = ?t) } ORDER BY ?t", {"t": ox.Literal(hostile)}, inline=True)
    parsed = ox.Store().query(text)  # parses: one query, one literal
    assert [v.value for v in parsed.variables] == ["v"]
    from transition_kg.core.sparql import blank_out

    assert "DROP" not in blank_out(text) and f"BIND({ox.Literal(hostile)} AS ?t)" in text
    # a variable that only starts like the parameter is left alone; SELECT * keeps the column
    assert (
        bind("SELECT * WHERE { ?place ?placeName ?o }", {"place": ox.NamedNode("https://e.org/p")}, inline=True)
        == "SELECT * WHERE { <https://e.org/p> ?placeName ?o  BIND(<https://e.org/p> AS ?place) }"
    )


@pytest.mark.parametrize("text", ["da", "DATONG", "七台", "七台河", "coal", "a", "x*y", "[", "%", "_", "'", "ß", "Ö"])
def test_search_through_the_label_index_gives_the_rows_of_a_scan(store, project, text):
    """The index narrows the entities; the query's FILTER decides: same rows as without it."""
    query = get(project, "search")
    indexed = store.query(queries_prepare(query, {"text": text}, store))
    scanned = store.query(queries_prepare(query, {"text": text}))
    assert "VALUES ?entity" in queries_prepare(query, {"text": text}, store)
    assert sorted(map(str, indexed.rows)) == sorted(map(str, scanned.rows))


def queries_prepare(query, params, store=None):
    from transition_kg.ask.queries import prepare

    return prepare(query, params, store)


def test_a_query_may_be_named_by_its_number_or_a_unique_start(project):
    assert get(project, "cq05").name == "cq05-indicator-time-series"
    assert get(project, "cq05-ind").name == "cq05-indicator-time-series"
    assert get(project, "entity").name == "entity-card"
    with pytest.raises(QueryError, match="unknown query 'cq'"):
        get(project, "cq")  # every cq query starts so: not one


def test_an_industry_named_as_a_places_own_answers_cq01_and_cq02(project_copy):
    """``tkg:hasIndustry`` with its statement, as promote writes it from "Heihe's coal industry":
    Heihe becomes a coal city (cq01) and its industry a row of cq02 with its words and no status."""
    (project_copy.graph_dir / "articles" / "heihe-test.trig").write_text(
        "@prefix tkg: <https://w3id.org/transition-kg/ontology#> .\n"
        "@prefix tkr: <https://w3id.org/transition-kg/id/> .\n"
        "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
        "@prefix oa: <http://www.w3.org/ns/oa#> .\n"
        "tkr:article-heihe-test { tkr:heihe tkg:hasIndustry tkr:coal-industry .\n"
        "  [] a rdf:Statement ; rdf:subject tkr:heihe ; rdf:predicate tkg:hasIndustry ;\n"
        "    rdf:object tkr:coal-industry ;\n"
        '    tkg:basis tkg:Stated ; tkg:evidence [ oa:hasSelector [ oa:exact "Heihe\'s coal industry" ] ] . }\n',
        encoding="utf-8",
    )
    store = open_store(project_copy)
    cities = run_named(store, "cq01-coal-cities", project_copy).records()
    assert [(r["city"].rsplit("/", 1)[1], r["article"].rsplit("/", 1)[1]) for r in cities] == [
        ("datong", "article-datong-coal-capital"),
        ("heihe", "article-heihe-test"),
        ("qitaihe", "article-qitaihe-coal-city"),
    ]
    rows = run_named(store, "cq02-industry-change", project_copy, place="tkr:heihe").records()
    assert [(r["what"].rsplit("/", 1)[1], r.get("status"), r["evidence"]) for r in rows] == [
        ("coal-industry", None, "Heihe's coal industry"),
        ("qitaihe-heihe-vladivostok-corridor", TKG + "Proposed", "Qitaihe-Heihe-Vladivostok economic corridor"),
    ]
    within = run_named(store, "cq02-industry-change", project_copy, place="tkr:heilongjiang").records()
    assert ("coal-industry", "Heihe's coal industry") in [(r["what"].rsplit("/", 1)[1], r["evidence"]) for r in within]
