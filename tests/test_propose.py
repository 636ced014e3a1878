"""The draft proposes every decision (issue 23, item 1): a reviewer who accepts every candidate
of a short article they have not typed a line for gets a project that validates and answers
cq03, cq05 and cq06 for it, relations included as plain triples beside their rdf:Statement."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from transition_kg.ask.queries import run_named
from transition_kg.cli import run as cli
from transition_kg.core.paths import Project, corpus_dir
from transition_kg.core.store import open_store

from .conftest import ROOT

ARTICLE = Path(__file__).parent / "fixtures" / "fenshui.txt"
PREFIXES = (
    "@prefix tkg: <https://w3id.org/transition-kg/ontology#> .\n@prefix tkr: <https://w3id.org/transition-kg/id/> .\n"
)


@pytest.fixture
def drafted(tmp_path, monkeypatch) -> tuple[Project, Path]:
    """A copy of the project with the Fenshui article registered and its draft extracted."""
    root = tmp_path / "transition-kg"
    for part in ("ontology", "graph", "queries"):
        shutil.copytree(ROOT / part, root / part)
    shutil.copytree(corpus_dir(Project(ROOT)), tmp_path / "seeds")
    monkeypatch.setenv("TKG_CORPUS", str(tmp_path / "seeds"))
    text = tmp_path / "fenshui.txt"
    shutil.copy(ARTICLE, text)
    base = ["--project", str(root)]
    assert cli(base + ["new-article", str(text), "--published", "2025-05-10", "--title", "Fenshui after coal"]) == 0
    draft = tmp_path / "draft.trig"
    assert cli(base + ["extract", str(text), "--published", "2025-05-10", "-o", str(draft)]) == 0
    return Project(root), draft


def proposals(draft: Path, words: str) -> str:
    """The statements of the candidate whose words the draft marks «like this»."""
    body = draft.read_text(encoding="utf-8")
    at = body.index(f"«{words}»")
    return body[at : body.index(" .\n", at)]


def test_the_draft_proposes_entities_indicators_classes_speakers_and_relations(drafted):
    _, draft = drafted
    visitors = proposals(draft, "85,000 visitors")
    assert "tkg:proposedObservedEntity tkr:fenshui-mining-museum" in visitors
    assert "tkg:proposedIndicator tkr:indicator-tourist-visits" in visitors
    assert "tkg:proposedUnit tkr:unit-count" in visitors and "tkg:proposedMeasure tkg:Level" in visitors
    # each proposal with its own confidence, the candidate's the least of them
    assert "[ tkg:proposalOf tkg:proposedObservedEntity ; tkg:confidence 0.6 ]" in visitors
    assert "[ tkg:proposalOf tkg:proposedIndicator ; tkg:confidence 0.8 ]" in visitors
    assert "tkg:confidence 0.6 ;\n" in visitors
    assert "tkg:proposedMeasure tkg:Decrease" in proposals(draft, "4 percent")
    assert "tkg:proposedType tkg:GovernmentBody" in proposals(draft, "Fenshui Tourism Bureau")
    assert "tkg:proposedMentionOf tkr:heilongjiang ;" in proposals(draft, "Heilongjiang Province")
    assert "tkg:proposedType tkg:Person" in proposals(draft, "Wang Lei")
    assert "tkg:proposedSpeaker tkr:zhao-hong" in proposals(draft, "We used to count tonnes, now we count tickets")
    located = proposals(draft, "Fenshui, a coal city in Heilongjiang Province")
    assert "tkg:proposedPredicate tkg:locatedIn" in located and "tkg:confidence 0.8" in located
    operated = proposals(draft, "Xinglong Mine, operated by the Fenshui Coal Group")
    assert "tkg:proposedPredicate tkg:deployedBy" in operated
    assert "the ontology has no tkg:operatedBy; tkg:deployedBy is who runs a thing" in operated
    assert "tkg:proposedPredicate tkg:partOf" in proposals(
        draft, "The bureau is part of the Fenshui Municipal Government"
    )


def test_accepting_every_proposal_gives_facts_that_validate_and_answer(drafted):
    project, draft = drafted
    review = draft.with_name("draft.review.trig")
    numbers = re.findall(r"^    (tkr:candidate-[\w-]+) a tkg:Candidate", draft.read_text(encoding="utf-8"), re.M)
    review.write_text(PREFIXES + "".join(f'{n} tkg:candidateStatus "accepted" .\n' for n in numbers), encoding="utf-8")
    base = ["--project", str(project.root)]
    assert cli(base + ["promote", str(draft), str(review)]) == 0
    assert cli(base + ["validate"]) == 0
    store = open_store(project)
    quotes = [
        (q["speaker"].rsplit("/", 1)[1], q["role"], q["affiliation"])
        for q in run_named(store, "cq03", project).records()
        if "fenshui" in q["article"]
    ]
    assert quotes == [
        ("zhao-hong", "director", "https://w3id.org/transition-kg/id/fenshui-tourism-bureau"),
        ("wang-lei", "former miner", None),
    ]
    series = run_named(store, "cq05", project, place="tkr:fenshui", indicator="tkr:indicator-population").records()
    assert [(r["year"], r["value"]) for r in series] == [("2024", 310000)]
    facts = run_named(store, "cq06", project, entity="tkr:fenshui").records()
    assert sorted((f["value"], f["measure"].rsplit("#", 1)[1]) for f in facts) == [(4, "Decrease"), (310000, "Level")]
    located = store.query(
        "ASK { GRAPH ?g { tkr:fenshui tkg:locatedIn tkr:heilongjiang . ?s a rdf:Statement ; "
        "rdf:subject tkr:fenshui ; tkg:basis tkg:Stated ; tkg:evidence/oa:hasSelector/oa:exact ?words } }"
    )
    assert located.boolean
    heilongjiang = store.query(
        'SELECT ?x WHERE { GRAPH ?g { ?x rdfs:label ?l FILTER(STRSTARTS(?l, "Heilongjiang")) } }'
    )
    assert [r["x"] for r in heilongjiang.records()] == ["https://w3id.org/transition-kg/id/heilongjiang"]


LUMENG = """Lumeng, a mining town in Gansu Province, wants a second life.

Lumeng's tourism industry is still small. Gao Ping, head of the Lumeng Planning Office, keeps the old maps.

Ma Li, a teacher, runs the pit museum. Her brother, Ma Jun, says he moved away years ago.

"We are staying, and the museum stays with us," she said.

The town aims to attract 200,000 visitors by 2030.
"""


def draft_of(tmp_path: Path, monkeypatch, article: str, ontology: str = "") -> tuple[Path, Path]:
    """A copy of the project (``ontology`` added to its tkg.ttl) with ``article`` registered and
    extracted: the project's root and the draft."""
    root = tmp_path / "transition-kg"
    for part in ("ontology", "graph", "queries"):
        shutil.copytree(ROOT / part, root / part)
    with (root / "ontology" / "tkg.ttl").open("a", encoding="utf-8") as tkg:
        tkg.write(ontology)
    shutil.copytree(corpus_dir(Project(ROOT)), tmp_path / "seeds")
    monkeypatch.setenv("TKG_CORPUS", str(tmp_path / "seeds"))
    text = tmp_path / "article.txt"
    text.write_text(article, encoding="utf-8")
    base = ["--project", str(root)]
    assert cli(base + ["new-article", str(text), "--published", "2025-06-01", "--title", "Trial"]) == 0
    draft = tmp_path / "draft.trig"
    assert cli(base + ["extract", str(text), "--published", "2025-06-01", "-o", str(draft)]) == 0
    return root, draft


def test_a_name_with_its_kind_is_the_graphs_place_of_that_kind(tmp_path, monkeypatch):
    article = (
        "Hegang lies in Heilongjiang Province and mines coal.\n\n"
        "Qitaihe City and Qitaihe Province are not the same kind of place.\n"
    )
    _, draft = draft_of(tmp_path, monkeypatch, article)
    assert "tkg:proposedMentionOf tkr:heilongjiang ;" in proposals(draft, "Heilongjiang Province")
    assert "tkg:proposedMentionOf tkr:qitaihe ;" in proposals(draft, "Qitaihe City")
    province = proposals(draft, "Qitaihe Province")  # tkr:qitaihe is a city: a province so named is another place
    assert "tkg:proposedMentionOf" not in province and "tkg:proposedType tkg:Province" in province


def test_a_place_called_a_town_city_or_village_is_a_place(tmp_path, monkeypatch):
    article = (
        "The coal town of Fenshui closed its last mine. Near the mining village of Luoping, Baishan, a town in the "
        "hills, keeps a pit. Officials in the county of Yangdi said so.\n"
    )
    _, draft = draft_of(tmp_path, monkeypatch, article)
    fenshui = proposals(draft, "Fenshui")
    assert "tkg:proposedType tkg:City" in fenshui and 'tkg:proposedBecause "called a town"' in fenshui
    assert "tkg:proposedType tkg:Township" in proposals(draft, "Luoping")
    assert "tkg:proposedType tkg:City" in proposals(draft, "Baishan")
    assert "tkg:proposedType tkg:District" in proposals(draft, "Yangdi")


OPERATED_BY = """
tkg:operatedBy a owl:ObjectProperty ;
    rdfs:label "operated by"@en ; rdfs:comment "The organisation that runs a site or facility."@en .
"""


def test_run_by_is_operated_by_where_the_ontology_has_it(tmp_path, monkeypatch):
    article = "The Xinglong Mine, run by the Fenshui Coal Group, closed in 2021.\n"
    _, draft = draft_of(tmp_path, monkeypatch, article, OPERATED_BY)
    run = proposals(draft, "Xinglong Mine, run by the Fenshui Coal Group")
    assert "tkg:proposedPredicate tkg:operatedBy" in run
    assert 'tkg:proposedBecause "the words between the two names"' in run


def test_industries_targets_silent_roles_and_pronoun_speakers_are_proposed_and_promoted(tmp_path, monkeypatch):
    root, draft = draft_of(tmp_path, monkeypatch, LUMENG)
    base = ["--project", str(root)]
    industry = proposals(draft, "Lumeng's tourism industry")
    assert "tkg:proposedPredicate tkg:hasIndustry" in industry and "tkg:proposedObject tkr:tourism" in industry
    role = proposals(draft, "Gao Ping, head of the Lumeng Planning Office")
    assert "a tkg:CandidateRole" in role and "tkg:proposedRoleIn tkr:lumeng-planning-office" in role
    assert "tkg:proposedSpeaker tkr:ma-li" in proposals(draft, "We are staying, and the museum stays with us")
    assert "tkg:proposedMeasure tkg:Target" in proposals(draft, "200,000 visitors")
    review = draft.with_name("draft.review.trig")
    numbers = re.findall(r"^    (tkr:candidate-[\w-]+) a tkg:Candidate", draft.read_text(encoding="utf-8"), re.M)
    review.write_text(PREFIXES + "".join(f'{n} tkg:candidateStatus "accepted" .\n' for n in numbers), encoding="utf-8")
    assert cli(base + ["promote", str(draft), str(review)]) == 0
    assert cli(base + ["validate"]) == 0
    store = open_store(Project(root))
    assert store.query("ASK { GRAPH ?g { tkr:lumeng tkg:hasIndustry tkr:tourism } }").boolean
    industries = run_named(store, "cq02", Project(root), place="tkr:lumeng").records()
    assert [(r["what"], r.get("status"), r["evidence"]) for r in industries] == [
        ("https://w3id.org/transition-kg/id/tourism", None, "Lumeng's tourism industry")
    ]
    roles = store.query("SELECT ?t WHERE { GRAPH ?g { ?r tkg:heldBy tkr:gao-ping ; tkg:title ?t ; tkg:roleIn ?o } }")
    assert [r["t"] for r in roles.records()] == ["head"]
    target = run_named(store, "cq06", Project(root), entity="tkr:lumeng").records()
    assert [(f["value"], f["measure"].rsplit("#", 1)[1]) for f in target] == [(200000, "Target")]
    assert store.query("ASK { GRAPH ?g { ?o a tkg:TargetObservation } GRAPH ?h { ?o tkg:value 200000 } }").boolean
