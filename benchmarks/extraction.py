"""Precision and recall of `extract` against the curated graph, on the three seed articles,
separately for numbers, quotes and entity mentions.

- numbers: a curated observation is found when a candidate observation overlaps its
  evidence and carries its value (or its previous value);
- quotes: a curated quote segment is found when a candidate quote overlaps it by half or more;
- mentions: a curated (article, entity) mention is found when the candidate names the same
  entity in that article. The gazetteer is built from the graph itself, so mention recall
  on these seeds is optimistic; new names (not in the graph) count against precision only
  when no curated mention covers them.

    python benchmarks/extraction.py
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from rdflib import URIRef
from rdflib.namespace import RDF

from transition_kg.articles import ArticleText
from transition_kg.extract import Candidate, Gazetteer, extract
from transition_kg.load import load
from transition_kg.paths import corpus_dir, find_project
from transition_kg.vocab import OA, TKG


def spans(ds, graph, fact) -> list[tuple[int, int]]:
    out = []
    for evidence in ds.graph(graph).objects(fact, TKG.evidence):
        for selector in ds.graph(graph).objects(evidence, OA.hasSelector):
            start = ds.graph(graph).value(selector, OA.start)
            if start is not None:
                out.append((int(start), int(ds.graph(graph).value(selector, OA.end))))
    return out


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score(found: int, relevant: int, proposed: int, correct: int) -> str:
    precision = correct / proposed if proposed else 0.0
    recall = found / relevant if relevant else 0.0
    return f"precision {precision:5.1%} ({correct}/{proposed})   recall {recall:5.1%} ({found}/{relevant})"


def main() -> None:
    project = find_project()
    loaded = load(project)
    ds = loaded.dataset
    gazetteer = Gazetteer.of(loaded)
    totals = {k: [0, 0, 0, 0] for k in ("numbers", "quotes", "mentions")}  # found, relevant, proposed, correct
    print(f"{'article':45} {'kind':9} result")
    for article in sorted(ds.subjects(RDF.type, TKG.Article)):
        name = str(ds.value(article, TKG.sourceFile))
        text = (corpus_dir(project) / name).read_text(encoding="utf-8")
        extent = ds.value(article, TKG.extent)
        start, end = int(ds.value(extent, OA.start)), int(ds.value(extent, OA.end))
        year = int(str(ds.value(article, TKG.assumedPublicationYear)))
        published = dt.date(year, 12, 31)  # the assumed year; relative dates resolve against it
        cut = ArticleText(Path(name), text[start:end], "")
        candidates = [Candidate(c.kind, c.start + start, c.end + start, c.exact, c.props)
                      for c in extract(cut, published, gazetteer)]
        rows = {}

        observations = list(ds.graph(article).subjects(RDF.type, TKG.Observation))
        numbers = [c for c in candidates if c.kind == "CandidateObservation"]
        def values(obs):
            return {Decimal(str(v)) for p in (TKG.value, TKG.previousValue) for v in ds.graph(article).objects(obs, p)}
        hit = lambda c, o: any(overlap((c.start, c.end), s) for s in spans(ds, article, o)) and \
            Decimal(c.props.get("candidateValue", ["nan"])[0]) in values(o)
        found = sum(1 for o in observations if any(hit(c, o) for c in numbers))
        correct = sum(1 for c in numbers if any(hit(c, o) for o in observations))
        rows["numbers"] = (found, len(observations), len(numbers), correct)

        segments = [s for q in ds.graph(article).subjects(RDF.type, TKG.Quote) for s in spans(ds, article, q)]
        quotes = [c for c in candidates if c.kind == "CandidateQuote"]
        hit = lambda c, s: overlap((c.start, c.end), s) >= (s[1] - s[0]) / 2
        rows["quotes"] = (sum(1 for s in segments if any(hit(c, s) for c in quotes)), len(segments), len(quotes),
                          sum(1 for c in quotes if any(hit(c, s) for s in segments)))

        curated = {URIRef(e) for e in ds.graph(article).objects(None, TKG.mentionOf)}
        mention_spans = [s for m in ds.graph(article).subjects(TKG.mentionOf, None) for s in spans(ds, article, m)]
        named = [c for c in candidates if c.kind == "CandidateMention"]
        known = {URIRef(c.props["candidateOf"][0].strip("<>")) for c in named if "candidateOf" in c.props}
        new = [c for c in named if "candidateName" in c.props]
        new_correct = sum(1 for c in new if any(overlap((c.start, c.end), s) for s in mention_spans))
        rows["mentions"] = (len(curated & known), len(curated), len(known) + len(new), len(curated & known) + new_correct)

        for kind, row in rows.items():
            print(f"{str(article).rsplit('/', 1)[1]:45} {kind:9} {score(*row)}")
            totals[kind] = [a + b for a, b in zip(totals[kind], row)]
    for kind, row in totals.items():
        print(f"{'all three articles':45} {kind:9} {score(*row)}")


if __name__ == "__main__":
    main()
