"""The curated facts: per-article counts counted by hand from the articles, and the facts
the competency questions rest on, asserted as exact rows."""

from __future__ import annotations

from decimal import Decimal

import pytest

from rdflib import Literal

from transition_kg.build import stats
from transition_kg.load import PREFIXES

A = "tkr:article-qitaihe-coal-city"
B = "tkr:article-datong-coal-capital"
C = "tkr:article-new-quality-productive-forces"

# Counted by hand from the article texts (see the comments in graph/articles/*.trig).
HAND_COUNTS = {
    A: {"observations": 5, "quotes": 3, "people": 3, "roles": 3, "events": 1},
    B: {"observations": 14, "quotes": 4, "people": 5, "roles": 6, "events": 3},
    C: {"observations": 19, "quotes": 4, "people": 2, "roles": 2, "events": 11},
}


def plain(term):
    """IRIs as strings, years as their lexical form, other literals as Python values."""
    if term is None:
        return None
    if isinstance(term, Literal):
        return str(term) if term.datatype in (PREFIXES["xsd"].gYear, PREFIXES["xsd"].gYearMonth) else term.toPython()
    return str(term)


def rows(loaded, query: str) -> set[tuple]:
    return {tuple(plain(v) for v in row) for row in loaded.dataset.query(query, initNs=PREFIXES)}


@pytest.mark.parametrize("article", sorted(HAND_COUNTS))
def test_per_article_counts_match_hand_counts(loaded, article):
    counts = stats(loaded).articles[article]
    assert {k: counts[k] for k in HAND_COUNTS[article]} == HAND_COUNTS[article]


def test_people_quoted_with_their_roles(loaded):
    found = rows(loaded, """
        SELECT ?name ?title ?where WHERE {
          ?role a tkg:Role ; tkg:heldBy ?p ; tkg:title ?title .
          ?p rdfs:label ?name FILTER(lang(?name) = "en")
          OPTIONAL { ?role tkg:roleIn ?o . ?o rdfs:label ?where FILTER(lang(?where) = "en") }
          FILTER EXISTS { ?q a tkg:Quote ; tkg:speaker ?p }
        }""")
    assert found == {
        ("Zhang Wei", "retired miner", "Qitaihe"),
        ("Li Gang", "former mine engineer", None),
        ("Wang Lin", "trade official", None),
        ("Tian Jilin", "director of the research and development center",
         "research and development center of the Datong Research Institute for the Clean and Efficient Utilization of Coal"),
        ("Wen Lili", "head of tourist services", "Yungang Grottoes"),
        ("unnamed tourist in Datong", "tourist", "Datong"),
        ("Liu Chengfang", "head", "Jixiangli Community"),
        ("Liu Chengfang", "leading the craft project", "Yunzhou District community craft team"),
        ("Qu Wan", "researcher", "Innovation-Driven Development Center"),
        ("Neo Gim Huay", "managing director and member of the managing board", "World Economic Forum"),
    }


def test_yan_hongbin_has_a_role_but_no_direct_quote(loaded):
    assert rows(loaded, """SELECT ?t WHERE { ?r tkg:heldBy tkr:yan-hongbin ; tkg:title ?t }""") == {("head",)}
    assert rows(loaded, """SELECT ?q WHERE { ?q tkg:speaker tkr:yan-hongbin }""") == set()


def test_datong_good_air_days_time_series(loaded):
    found = rows(loaded, """
        SELECT ?year ?value ?inferred ?g WHERE { GRAPH ?g {
          ?o tkg:observedEntity tkr:datong ; tkg:indicator tkr:indicator-good-air-quality-days ;
             tkg:value ?value ; tkg:year ?year ; tkg:unit tkr:unit-day .
          OPTIONAL { ?o tkg:yearInferredFrom ?inferred } } }""")
    article = str(PREFIXES["tkr"]["article-datong-coal-capital"])
    assert found == {
        ("2001", 49, None, article), ("2024", 314, "last year", article)}


def test_datong_tourism_revenue(loaded):
    found = rows(loaded, """
        SELECT ?year ?value ?q WHERE {
          ?o tkg:observedEntity tkr:datong ; tkg:indicator tkr:indicator-tourism-revenue ;
             tkg:unit tkr:unit-yuan ; tkg:value ?value ; tkg:year ?year .
          OPTIONAL { ?o tkg:qualifier ?q } }""")
    assert found == {("2022", 15000000000, None), ("2024", 61000000000, str(PREFIXES["tkg"].MoreThan))}


def test_qitaihe_quantitative_facts(loaded):
    found = rows(loaded, """
        SELECT ?indicator ?value ?unit ?q WHERE {
          ?o tkg:observedEntity ?e ; tkg:indicator/rdfs:label ?indicator ; tkg:value ?value ; tkg:unit/rdfs:label ?unit .
          OPTIONAL { ?o tkg:qualifier/rdfs:label ?q }
          VALUES ?e { tkr:qitaihe tkr:xinxing-korean-autonomous-township } }""")
    assert found == {
        ("population", 700000, "count", None),
        ("annual coal output", 30000000, "tonne", None),
        ("youth unemployment rate", 25, "percent", "more than"),
        ("ethnic Korean population", 40000, "count", None),
    }


def test_values_are_exact_not_rounded(loaded):
    found = rows(loaded, """SELECT ?o ?v WHERE { ?o tkg:value ?v FILTER(?v IN (174.2, 132.4, 5.3, 1.9, 4.3, 0.125)) }""")
    assert {Decimal(str(v)) for _, v in found} == {Decimal(x) for x in ("174.2", "132.4", "5.3", "1.9", "4.3", "0.125")}


def test_cities_provinces_countries(loaded):
    found = rows(loaded, """
        SELECT ?city ?province ?country WHERE { GRAPH ?g {
          ?c tkg:locatedIn ?p . ?p tkg:locatedIn ?k } ?g a tkg:Article .
          ?c a tkg:City ; rdfs:label ?city FILTER(lang(?city) = "en")
          ?p a tkg:Province ; rdfs:label ?province . ?k a tkg:Country ; rdfs:label ?country }""")
    assert found == {("Qitaihe", "Heilongjiang", "China"), ("Datong", "Shanxi", "China")}


def test_chinese_labels_only_where_the_article_gives_them(loaded):
    found = rows(loaded, """SELECT ?e ?zh WHERE { ?e rdfs:label ?zh FILTER(lang(?zh) = "zh") }""")
    assert {str(zh) for _, zh in found} == {"七台河", "张伟", "李刚", "王琳"}


def test_policies_with_periods(loaded):
    plan = rows(loaded, "SELECT ?s ?e ?by WHERE { tkr:fifteenth-five-year-plan tkg:startYear ?s ; tkg:endYear ?e ; tkg:issuedBy ?by }")
    assert plan == {("2026", "2030", str(PREFIXES["tkr"].china))}
    assert rows(loaded, "SELECT ?y WHERE { tkr:carbon-neutrality-2060 tkg:targetYear ?y }") == {("2060",)}
    assert rows(loaded, "SELECT ?y WHERE { ?e tkg:involves tkr:new-quality-productive-forces ; tkg:year ?y }") == {("2023",)}


def test_examples_of_new_quality_productive_forces(loaded):
    found = rows(loaded, """
        SELECT ?what ?by WHERE { ?t tkg:citedAsExampleOf tkr:new-quality-productive-forces ; rdfs:label ?what
          OPTIONAL { ?t tkg:developedBy/rdfs:label ?by } }""")
    assert found == {
        ("DeepSeek large-scale models", "DeepSeek"), ("CR450", None), ("Tianwen-2", None),
        ("Deep Sea No. 1 Phase II", None), ("Experimental Advanced Superconducting Tokamak", None),
        ("world's largest centrifuge by capacity", None), ("integrated photonic quantum chips", None),
        ("GAC all-solid-state battery production line", "Guangzhou Automobile Group"),
        ("Ansteel intelligent system for molten steel handling", "Ansteel"),
    }


def test_models_and_parallels(loaded):
    found = rows(loaded, """SELECT ?a ?b ?k WHERE { ?c a tkg:Comparison ; tkg:comparedEntity/rdfs:label ?a ;
        tkg:counterpart/rdfs:label ?b ; tkg:comparisonKind/rdfs:label ?k FILTER(lang(?a) = "en") }""")
    assert found == {("Qitaihe", "Ruhr Valley", "model"), ("Qitaihe", "Ruhr Valley", "parallel"),
                     ("Qitaihe", "Appalachia", "parallel")}


def test_entities_mentioned_in_more_than_one_article(loaded):
    found = rows(loaded, """SELECT ?e (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?m tkg:mentionOf ?e } }
                            GROUP BY ?e HAVING (COUNT(DISTINCT ?g) > 1)""")
    tkr = str(PREFIXES["tkr"])
    assert found == {(tkr + "china", 3), (tkr + "coal-mining", 2), (tkr + "coal-industry", 2),
                     (tkr + "artificial-intelligence", 2), (tkr + "power-generation", 2), (tkr + "heritage-preservation", 2)}


def test_every_article_states_its_assumption(loaded):
    found = rows(loaded, """SELECT ?a ?y WHERE { ?a a tkg:Article ; tkg:assumedPublicationYear ?y ; tkg:publicationAssumption ?why }""")
    assert {(str(a).rsplit("/", 1)[1], str(y)) for a, y in found} == {
        ("article-qitaihe-coal-city", "2024"), ("article-datong-coal-capital", "2025"),
        ("article-new-quality-productive-forces", "2025")}


def test_inferred_years_match_the_article_assumption(loaded):
    """Every year resolved from "last year" is the assumed year minus one; from "this year", the year itself."""
    found = rows(loaded, """SELECT ?expr ?year ?pub WHERE { GRAPH ?g { ?f tkg:yearInferredFrom ?expr ; tkg:year ?year }
                            ?g tkg:assumedPublicationYear ?pub }""")
    assert found
    for expr, year, pub in found:
        offset = 1 if expr.lower().startswith(("last year", "since last year")) else 0
        assert int(year) == int(pub) - offset, (expr, year, pub)


def test_background_graph_holds_only_locations(loaded):
    graph = loaded.dataset.graph(PREFIXES["tkr"]["graph-background"])
    predicates = {p for _, p, _ in graph} - {PREFIXES["rdfs"].label, PREFIXES["rdfs"].comment, PREFIXES["dcterms"].source}
    assert predicates == {PREFIXES["tkg"].locatedIn}
