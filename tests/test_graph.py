"""The curated facts: per-article counts counted by hand from the articles, and the facts
the competency questions rest on, asserted as exact rows asked of the real embedded store
(the store users query: its default graph is empty, so every pattern names its graph)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from transition_kg.core.stats import stats
from transition_kg.core.store import EmbeddedStore
from transition_kg.core.vocab import PREFIXES, sparql_prefixes

TKR = PREFIXES["tkr"]

A = "tkr:article-qitaihe-coal-city"
B = "tkr:article-datong-coal-capital"
C = "tkr:article-new-quality-productive-forces"

# Counted by hand from the article texts (see the comments in graph/articles/*.trig).
HAND_COUNTS = {
    A: {"observations": 5, "quotes": 3, "people": 3, "roles": 3, "events": 1},
    B: {"observations": 12, "quotes": 4, "people": 5, "roles": 6, "events": 4},
    C: {"observations": 19, "quotes": 4, "people": 2, "roles": 2, "events": 11},
}


def rows(loaded, query: str) -> set[tuple]:
    """The rows as plain values: IRIs as strings, years as their text, numbers as numbers."""
    result = EmbeddedStore(loaded).query(sparql_prefixes() + query)
    return {tuple(r[v] for v in result.vars) for r in result.records()}


@pytest.mark.parametrize("article", sorted(HAND_COUNTS))
def test_per_article_counts_match_hand_counts(loaded, article):
    counts = stats(loaded).articles[article]
    assert {k: counts[k] for k in HAND_COUNTS[article]} == HAND_COUNTS[article]


def test_people_quoted_with_their_roles(loaded):
    found = rows(
        loaded,
        """
        SELECT ?name ?title ?where WHERE {
          GRAPH ?g { ?role a tkg:Role ; tkg:heldBy ?p ; tkg:title ?title }
          GRAPH ?h { ?p rdfs:label ?name FILTER(lang(?name) = "en") }
          OPTIONAL { GRAPH ?g { ?role tkg:roleIn ?o } GRAPH ?i { ?o rdfs:label ?where FILTER(lang(?where) = "en") } }
          FILTER EXISTS { GRAPH ?j { ?q a tkg:Quote ; tkg:speaker ?p } }
        }""",
    )
    assert found == {
        ("Zhang Wei", "retired miner", None),  # one rule: a role's place only where its words give it
        ("Li Gang", "former mine engineer", None),
        ("Wang Lin", "trade official", None),
        (
            "Tian Jilin",
            "director of the research and development center",
            "research and development center of the Datong Research Institute for the Clean and Efficient Utilization "
            "of Coal",
        ),
        ("Wen Lili", "head of tourist services", "Yungang Grottoes"),
        ("unnamed tourist in Datong", "tourist", "Datong"),
        ("Liu Chengfang", "head", "Jixiangli Community"),
        ("Liu Chengfang", "leading the craft project", "Yunzhou District community craft team"),
        ("Qu Wan", "researcher", "Innovation-Driven Development Center"),
        ("Neo Gim Huay", "managing director and member of the managing board", "World Economic Forum"),
    }


def test_yan_hongbin_has_a_role_but_no_direct_quote(loaded):
    assert rows(loaded, """SELECT ?t WHERE { GRAPH ?g { ?r tkg:heldBy tkr:yan-hongbin ; tkg:title ?t } }""") == {
        ("head",)
    }
    assert rows(loaded, """SELECT ?q WHERE { GRAPH ?g { ?q a tkg:Quote ; tkg:speaker tkr:yan-hongbin } }""") == set()
    # what he said is reported in the article's words, and the sensors he reported he did not install
    assert rows(
        loaded, """SELECT ?s WHERE { GRAPH ?g { ?s a tkg:ReportedSpeech ; tkg:speaker tkr:yan-hongbin } }"""
    ) == {(TKR + "speech-yan-hongbin-heritage-alive",)}
    assert rows(loaded, """SELECT ?e WHERE { GRAPH ?g { ?e tkg:involves tkr:yan-hongbin } }""") == set()


def test_datong_good_air_days_time_series(loaded):
    found = rows(
        loaded,
        """
        SELECT ?year ?value ?inferred ?g WHERE { GRAPH ?g {
          ?o tkg:observedEntity tkr:datong ; tkg:indicator tkr:indicator-good-air-quality-days ;
             tkg:value ?value ; tkg:year ?year ; tkg:unit tkr:unit-day .
          OPTIONAL { ?o tkg:yearInferredFrom ?inferred } } }""",
    )
    article = TKR + "article-datong-coal-capital"
    assert found == {("2001", 49, None, article), ("2024", 314, "last year", article)}


def test_datong_tourism_revenue(loaded):
    found = rows(
        loaded,
        """
        SELECT ?year ?value ?q WHERE { GRAPH ?g {
          ?o tkg:observedEntity tkr:datong ; tkg:indicator tkr:indicator-tourism-revenue ;
             tkg:unit tkr:unit-yuan ; tkg:value ?value ; tkg:year ?year .
          OPTIONAL { ?o tkg:qualifier ?q } } }""",
    )
    assert found == {("2022", 15000000000, None), ("2024", 61000000000, PREFIXES["tkg"] + "MoreThan")}


def test_qitaihe_quantitative_facts(loaded):
    found = rows(
        loaded,
        """
        SELECT ?indicator ?value ?unit ?q WHERE {
          GRAPH ?g { ?o tkg:observedEntity ?e ; tkg:indicator ?i ; tkg:value ?value ; tkg:unit ?u }
          GRAPH ?onto { ?i rdfs:label ?indicator . ?u rdfs:label ?unit }
          OPTIONAL { GRAPH ?g { ?o tkg:qualifier ?qi } GRAPH ?onto { ?qi rdfs:label ?q } }
          VALUES ?e { tkr:qitaihe tkr:xinxing-korean-autonomous-township } }""",
    )
    assert found == {
        ("population", 700000, "count", None),
        ("annual coal output", 30000000, "tonne", None),
        ("youth unemployment rate", 25, "percent", "more than"),
        ("ethnic Korean population", 40000, "count", None),
    }


def test_values_are_exact_not_rounded(loaded):
    found = rows(
        loaded,
        """SELECT ?o ?v WHERE { GRAPH ?g { ?o tkg:value ?v FILTER(?v IN (174.2, 132.4, 5.3, 1.9, 4.3, 0.125)) } }""",
    )
    assert {Decimal(str(v)) for _, v in found} == {Decimal(x) for x in ("174.2", "132.4", "5.3", "1.9", "4.3", "0.125")}


def test_cities_provinces_countries(loaded):
    found = rows(
        loaded,
        """
        SELECT ?city ?province ?country WHERE { GRAPH ?g {
          ?c tkg:locatedIn ?p . ?p tkg:locatedIn ?k . ?g a tkg:Article }
          GRAPH tkr:graph-shared { ?c a tkg:City ; rdfs:label ?city FILTER(lang(?city) = "en")
          ?p a tkg:Province ; rdfs:label ?province . ?k a tkg:Country ; rdfs:label ?country } }""",
    )
    assert found == {("Qitaihe", "Heilongjiang", "China"), ("Datong", "Shanxi", "China")}


def test_chinese_labels_only_where_the_article_gives_them(loaded):
    found = rows(loaded, """SELECT ?e ?zh WHERE { GRAPH ?g { ?e rdfs:label ?zh FILTER(lang(?zh) = "zh") } }""")
    assert {str(zh) for _, zh in found} == {"七台河", "张伟", "李刚", "王琳"}


def test_policies_with_periods(loaded):
    plan = rows(
        loaded,
        "SELECT ?s ?e ?by WHERE { GRAPH ?g { tkr:fifteenth-five-year-plan tkg:startYear ?s ; "
        "tkg:endYear ?e ; tkg:issuedBy ?by } }",
    )
    assert plan == {("2026", "2030", TKR + "china")}
    assert rows(loaded, "SELECT ?y WHERE { GRAPH ?g { tkr:carbon-neutrality-2060 tkg:targetYear ?y } }") == {("2060",)}
    assert rows(
        loaded, "SELECT ?y WHERE { GRAPH ?g { ?e tkg:involves tkr:new-quality-productive-forces ; tkg:year ?y } }"
    ) == {("2023",)}


def test_examples_of_new_quality_productive_forces(loaded):
    found = rows(
        loaded,
        """
        SELECT ?what ?by WHERE { GRAPH ?g { ?t tkg:citedAsExampleOf tkr:new-quality-productive-forces }
          GRAPH tkr:graph-shared { ?t rdfs:label ?what }
          OPTIONAL { GRAPH ?h { ?t tkg:developedBy|tkg:deployedBy ?d }
                     GRAPH tkr:graph-shared { ?d rdfs:label ?by } } }""",
    )
    assert found == {
        ("DeepSeek large-scale models", "DeepSeek"),
        ("CR450", None),
        ("Tianwen-2", None),
        ("Deep Sea No. 1 Phase II", None),
        ("Experimental Advanced Superconducting Tokamak", None),
        ("world's largest centrifuge by capacity", None),
        ("integrated photonic quantum chips", None),
        ("GAC all-solid-state battery production line", "Guangzhou Automobile Group"),
        ("Ansteel intelligent system for molten steel handling", "Ansteel"),
    }


def test_models_and_parallels(loaded):
    found = rows(
        loaded,
        """SELECT ?a ?b ?k WHERE {
        GRAPH ?g { ?c a tkg:Comparison ; tkg:comparedEntity ?x ; tkg:counterpart ?y ; tkg:comparisonKind ?z }
        GRAPH ?h { ?x rdfs:label ?a FILTER(lang(?a) = "en") } GRAPH ?i { ?y rdfs:label ?b }
        GRAPH ?j { ?z rdfs:label ?k } }""",
    )
    assert found == {
        ("Qitaihe", "Ruhr Valley", "model"),
        ("Qitaihe", "Ruhr Valley", "parallel"),
        ("Qitaihe", "Appalachia", "parallel"),
    }


def test_entities_mentioned_in_more_than_one_article(loaded):
    found = rows(
        loaded,
        """SELECT ?e (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?m tkg:mentionOf ?e } }
                            GROUP BY ?e HAVING (COUNT(DISTINCT ?g) > 1)""",
    )
    tkr = TKR
    assert found == {
        (tkr + "china", 3),
        (tkr + "coal-mining", 2),
        (tkr + "artificial-intelligence", 2),
        (tkr + "power-generation", 2),
        (tkr + "heritage-preservation", 2),
    }


def test_every_article_states_its_assumption(loaded):
    found = rows(
        loaded,
        """SELECT ?a ?y WHERE {
        GRAPH ?g { ?a a tkg:Article ; tkg:assumedPublicationYear ?y ; tkg:publicationAssumption ?why } }""",
    )
    assert {(a.rsplit("/", 1)[1], y) for a, y in found} == {
        ("article-qitaihe-coal-city", "2023"),
        ("article-datong-coal-capital", "2025"),
        ("article-new-quality-productive-forces", "2025"),
    }


def test_inferred_years_match_the_article_assumption(loaded):
    """Every year resolved from "last year" is the assumed year minus one; from "this year", the year itself."""
    found = rows(
        loaded,
        """SELECT ?expr ?year ?pub WHERE { GRAPH ?g { ?f tkg:yearInferredFrom ?expr ; tkg:year ?year .
                            ?g tkg:assumedPublicationYear ?pub } }""",
    )
    assert found
    for expr, year, pub in found:
        offset = 1 if "last year" in expr.lower() else 0
        assert int(year) == int(pub) - offset, (expr, year, pub)
    # and what the present tense states holds as of the article's year, with no year of its own
    as_of = rows(
        loaded,
        """SELECT ?f ?asOf ?pub WHERE { GRAPH ?g { ?f tkg:asOf ?asOf . ?g tkg:assumedPublicationYear ?pub
                            FILTER NOT EXISTS { ?f tkg:year ?y } } }""",
    )
    assert as_of and all(a == p for _, a, p in as_of)


def test_background_graph_holds_only_locations(loaded):
    predicates = {p for (p,) in rows(loaded, "SELECT DISTINCT ?p WHERE { GRAPH tkr:graph-background { ?s ?p ?o } }")}
    assert predicates - {PREFIXES["rdfs"] + "label", PREFIXES["rdfs"] + "comment", PREFIXES["dcterms"] + "source"} == {
        PREFIXES["tkg"] + "locatedIn"
    }


# --- the audit's corrections, asserted through the named queries --------------------------


def named(loaded, name: str, **params) -> list[dict]:
    from transition_kg.ask.queries import run_named

    return run_named(EmbeddedStore(loaded), name, loaded.project, **params).records()


def test_ansteel_and_gac_numbers_hang_on_the_company_the_text_gives(loaded):
    ansteel = {(r["indicator"].rsplit("/", 1)[1], r["value"]) for r in named(loaded, "cq06", entity="tkr:ansteel")}
    assert ansteel == {("indicator-production-costs", 15), ("indicator-wastewater-discharge", 21)}
    gac = named(loaded, "cq06", entity="tkr:gac")
    assert [(r["about"].rsplit("/", 1)[1], r["value"]) for r in gac] == [("new-energy-vehicles", 1000)]


def test_chengzihe_mine_lies_in_qitaihe_read_from_context(loaded):
    assert TKR + "chengzihe-mine" in {r["place"] for r in named(loaded, "cq07", within="tkr:qitaihe")}
    basis = rows(
        loaded,
        """SELECT ?b WHERE { GRAPH ?g { ?s rdf:subject tkr:chengzihe-mine ; rdf:predicate tkg:locatedIn ;
                            rdf:object tkr:qitaihe ; tkg:basis ?b } }""",
    )
    assert basis == {(PREFIXES["tkg"] + "Contextual",)}


def test_visitors_are_a_january_to_august_figure(loaded):
    visits = named(loaded, "cq05", place="tkr:datong", indicator="tkr:indicator-tourist-visits")
    assert [(r["year"], r["period"], r["value"]) for r in visits] == [("2025", "2025-01/2025-08", 15000000)]


def test_idioms_of_age_are_claims_not_measurements(loaded):
    """One rule for idioms of quantity (docs/extending.md): "century-old" and "honed over 1,000
    years" are both claims with their words, and neither is an observation with a number."""
    assert (
        rows(loaded, "SELECT ?o WHERE { GRAPH ?g { ?o tkg:indicator ?i } FILTER(CONTAINS(STR(?i), '-age')) }") == set()
    )
    claims = rows(
        loaded,
        "SELECT ?words WHERE { GRAPH ?g { ?c a tkg:Claim ; tkg:about tkr:datong ; "
        "tkg:evidence/oa:hasSelector/oa:exact ?words } }",
    )
    assert {("its century-old reputation as a coal-producing powerhouse",)} <= claims
    assert {("powered by a cultural soul honed over 1,000 years",)} <= claims


def test_the_third_audits_over_reaches_are_gone(loaded):
    """What the graph said that the words do not: each asked as the audit found it."""
    said = "ASK { GRAPH ?g { %s } }"
    assert (
        not EmbeddedStore(loaded).query(sparql_prefixes() + said % "tkr:photonic-quantum-chips tkg:country ?c").boolean
    )
    for area in ("flexible-coal-combustion", "graded-coal-conversion", "carbon-fuel-resource-utilization"):
        assert not EmbeddedStore(loaded).query(sparql_prefixes() + said % f"tkr:{area} tkg:developedBy ?who").boolean
        # still found from the director's quote, whose topics they are
        assert (
            EmbeddedStore(loaded).query(sparql_prefixes() + said % f"tkr:quote-tian-jilin tkg:topic tkr:{area}").boolean
        )
    assert (
        not EmbeddedStore(loaded)
        .query(sparql_prefixes() + said % "tkr:ansteel-intelligent-system tkg:developedBy ?w")
        .boolean
    )
    assert rows(loaded, "SELECT ?w WHERE { GRAPH ?g { tkr:ansteel-intelligent-system tkg:deployedBy ?w } }") == {
        (TKR + "ansteel",)
    }
    assert rows(loaded, "SELECT ?s WHERE { GRAPH ?g { tkr:status-datong-clean-coal tkg:status ?s } }") == {
        (PREFIXES["tkg"] + "UnderResearch",)
    }
    assert rows(loaded, "SELECT ?x WHERE { GRAPH ?g { tkr:event-buddha-dolls-hit tkg:involves ?x } }") == set()


def test_what_rests_on_context_says_so(loaded):
    """Facts and relations read from the passage's context, not its words, are contextual."""
    facts = rows(loaded, "SELECT ?f WHERE { GRAPH ?g { ?f tkg:basis tkg:Contextual ; tkg:evidence ?e } }")
    for fact in (
        "status-qitaihe-coal-mining-declining",
        "status-datong-coal-pillar",
        "role-liu-chengfang-craft-project",
    ):
        assert (TKR + fact,) in facts
    statements = rows(
        loaded,
        "SELECT ?s ?o WHERE { GRAPH ?g { [] a rdf:Statement ; rdf:subject ?s ; rdf:predicate tkg:partOf ; rdf:object "
        "?o ; "
        "tkg:basis tkg:Contextual } }",
    )
    assert (TKR + "yungang-relics-studio", TKR + "yungang-grottoes-academy") in statements


def test_the_statements_a_reader_looks_up_are_there(loaded):
    """The third audit's missing list: each recorded with its words."""
    words = {
        w
        for (w,) in rows(
            loaded, "SELECT ?w WHERE { GRAPH ?g { ?c a tkg:Claim ; tkg:evidence/oa:hasSelector/oa:exact ?w } }"
        )
    }
    for phrase in (
        "like many resource-dependent cities around the world, Datong",
        "with its reliance on the industry threatening both the environment and its future",
        'Shifting from the "world factory" to a tech innovation hub, China',
        "to shed light on the formation and evolution of asteroids and the early solar system",
        "Across China, traditional industries are undergoing a technology-driven transformation to raise productivity "
        "and open new paths for growth",
        "Qitaihe embodies the tension between climate obligations and economic survival",
        "a unique working-class culture where generations pledged loyalty to state-owned enterprises like the Qitaihe "
        "Mining Bureau",
    ):
        assert phrase in words


def test_what_the_text_does_not_say_is_not_recorded(loaded):
    # no trade with Russia in hydrogen or soybeans, no handicraft industry for a whole district
    assert rows(loaded, "SELECT ?l WHERE { GRAPH ?g { ?l a tkg:TradeLink ; tkg:connects tkr:russia } }") == set()
    assert rows(loaded, "SELECT ?s WHERE { GRAPH ?g { ?s tkg:place tkr:yunzhou-district ; tkg:industry ?i } }") == set()
    # goods are commodities, not industries; a conference is not a policy; the concept is defined
    assert rows(loaded, "SELECT ?c WHERE { GRAPH ?g { ?l tkg:commodity ?c } }") == {(TKR + "coal",)}
    cop28 = {t for (t,) in rows(loaded, "SELECT ?t WHERE { tkr:cop28 a ?t }")}
    assert PREFIXES["tkg"] + "Conference" in cop28 and PREFIXES["tkg"] + "Policy" not in cop28
    assert rows(loaded, "SELECT ?d WHERE { GRAPH ?g { tkr:new-quality-productive-forces skos:definition ?d } }")


def test_every_relation_in_an_article_graph_has_its_words(loaded, project_copy):
    """The quality check finds nothing in the real graph, and finds a relation whose statement is taken away."""
    from transition_kg.core.load import load
    from transition_kg.core.validate import Report, check_queries

    assert check_queries(loaded, loaded.project, Report()) == []
    path = project_copy.graph_dir / "articles" / "qitaihe-coal-city.trig"
    text = path.read_text(encoding="utf-8")
    start = text.index("    [] a rdf:Statement ; rdf:subject tkr:ruhr-valley")
    path.write_text(text[:start] + text[text.index(" .\n", text.index("oa:exact", start)) + 3 :], encoding="utf-8")
    found = check_queries(load(project_copy), project_copy, Report())
    assert [p.message.split(": ", 1)[1] for p in found] == [
        "graph=tkr:article-qitaihe-coal-city subject=tkr:ruhr-valley predicate=tkg:locatedIn object=tkr:germany"
    ]


def test_web_annotation_resolution_gives_the_quoted_words(loaded, corpus):
    """As a Web Annotation client resolves a span: the source (the article), its text (the file's
    characters from the article's extent), then the position selector: the quote selector's words."""
    spans = rows(
        loaded,
        """SELECT ?file ?from ?to ?start ?end ?exact WHERE { GRAPH ?g {
        ?x tkg:evidence [ oa:hasSource ?article ;
                          oa:hasSelector [ a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end ] ,
                                         [ a oa:TextQuoteSelector ; oa:exact ?exact ] ] .
        ?article tkg:sourceFile ?file ; tkg:extent [ oa:start ?from ; oa:end ?to ] } }""",
    )
    assert len(spans) > 200
    texts = {}
    for file, begin, finish, start, end, exact in spans:
        text = texts.setdefault(file, (corpus / file).read_text(encoding="utf-8"))[begin:finish]
        assert text[start:end] == exact, (file, start, end, exact)


def test_an_inferred_place_keeps_the_basis_of_its_links(loaded):
    """Chengzihe Mine lies in Qitaihe only by context, so that it lies in Heilongjiang and China
    is contextual too, derived from that statement; Yunzhou District lies in China by words."""
    derivations = rows(
        loaded,
        """SELECT ?s ?o ?basis WHERE { GRAPH tkr:graph-inferred {
             ?d a rdf:Statement ; rdf:subject ?s ; rdf:predicate tkg:locatedIn ; rdf:object ?o ;
                tkg:basis ?basis } }""",
    )
    contextual, stated = PREFIXES["tkg"] + "Contextual", PREFIXES["tkg"] + "Stated"
    assert (TKR + "chengzihe-mine", TKR + "heilongjiang", contextual) in derivations
    assert (TKR + "chengzihe-mine", TKR + "china", contextual) in derivations
    assert (TKR + "yunzhou-district", TKR + "china", stated) in derivations
    inferred = rows(loaded, "SELECT ?s ?o WHERE { GRAPH tkr:graph-inferred { ?s tkg:locatedIn ?o } }")
    assert {(s, o) for s, o, _ in derivations} == inferred  # every inferred place says what it rests on
    premises = rows(
        loaded,
        """SELECT ?basis ?words WHERE { GRAPH tkr:graph-inferred { ?d rdf:subject tkr:chengzihe-mine ;
             rdf:object tkr:heilongjiang ; prov:wasDerivedFrom ?p }
           GRAPH ?g { ?p tkg:basis ?basis ; tkg:evidence/oa:hasSelector/oa:exact ?words } }""",
    )
    assert {basis for basis, _ in premises} == {contextual, stated}
