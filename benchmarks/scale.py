"""Scale: load time, peak memory and query latency for the default store (Oxigraph loaded
from the files, with inference), rdflib's Memory store, and raw pyoxigraph, on the same
synthetic graph of about N triples shaped like the real one (articles with observations,
quotes, roles and mentions, each with evidence; cities in provinces in countries).

    python -m benchmarks.scale --triples 200000

Each engine runs in a child process of its own, so peak memory is that process's maximum
resident size. The Memory store's queries are capped (--cap seconds) and shown as "> cap".
Last line: load_ratio=X query_ratio=Y vs_raw_oxigraph=Z (X: Memory load / default load;
Y: median over queries of Memory latency / default latency; Z: default median latency /
raw pyoxigraph median latency).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from transition_kg.articles import HEADER as PREFIXES

ROOT = Path(__file__).resolve().parents[1]
PARAMS = {  # queries that make sense at scale, with parameters that hit the synthetic hubs
    "cq05-indicator-time-series": {"place": "tkr:city-0", "indicator": "tkr:indicator-population"},
    "cq06-quantitative-facts": {"entity": "tkr:city-1"},
    "cq07-places-within": {"within": "tkr:country-0"},
    "cq09-fact-source": {"fact": "tkr:obs-7-0"},
    "cq12-cross-border-links": {"place": "tkr:city-2"},
    "entity-card": {"entity": "tkr:city-3"},
    "search": {"text": "person 1234"},
}
TRIPLES_PER_ARTICLE = 245  # measured from what article() writes (see --check)


def evidence(article: int, start: int, words: str) -> str:
    return (f"tkg:evidence [ a oa:SpecificResource ; oa:hasSource tkr:article-{article} ; oa:hasSelector "
            f"[ a oa:TextPositionSelector ; oa:start {start} ; oa:end {start + len(words)} ] , "
            f"[ a oa:TextQuoteSelector ; oa:exact \"{words}\" ] ]")


def article(i: int, rng: random.Random, cities: int, people: int) -> str:
    """One article's named graph, shaped like graph/articles/*.trig."""
    out = [f"tkr:article-{i} {{", f"tkr:article-{i} a tkg:Article ; dcterms:title \"Synthetic article {i}\" ; "
           f"tkg:sourceFile \"a{i}.txt\" ; tkg:fileSha256 \"{'0' * 64}\" ; tkg:sha256 \"{'0' * 64}\" ; "
           f"tkg:extent [ a oa:TextPositionSelector ; oa:start 0 ; oa:end 5000 ] ; tkg:published \"2025-01-01\"^^xsd:date ."]
    city = [rng.randrange(cities) for _ in range(3)]
    person = [rng.randrange(people) for _ in range(2)]
    for k in range(6):
        c = city[k % 3]
        out.append(f"tkr:obs-{i}-{k} a tkg:Observation ; tkg:observedEntity tkr:city-{c} ; "
                   f"tkg:indicator tkr:indicator-{'population' if k % 2 else 'tourism-revenue'} ; tkg:value {rng.randint(1, 10**7)} ; "
                   f"tkg:unit tkr:unit-count ; tkg:year \"{2000 + rng.randrange(25)}\"^^xsd:gYear ; {evidence(i, 100 * k, 'number words')} .")
    for k, p in enumerate(person):
        out.append(f"tkr:quote-{i}-{k} a tkg:Quote ; tkg:speaker tkr:person-{p} ; tkg:quoteText \"Words {i} {k}\" ; "
                   f"{evidence(i, 1000 + 100 * k, f'Words {i} {k}')} .")
        out.append(f"tkr:role-{i}-{k} a tkg:Role ; tkg:heldBy tkr:person-{p} ; tkg:title \"official\" ; "
                   f"tkg:roleIn tkr:city-{city[k]} ; {evidence(i, 2000 + 100 * k, 'official')} .")
    for k, entity in enumerate([f"city-{c}" for c in city] + [f"person-{p}" for p in person]):
        out.append(f"tkr:mention-{i}-{k} a tkg:Mention ; tkg:mentionOf tkr:{entity} ; {evidence(i, 3000 + 50 * k, entity)} .")
    out.append(f"tkr:trade-{i} a tkg:TradeLink ; tkg:fromPlace tkr:city-{city[0]} ; tkg:toPlace tkr:city-{city[1]} ; "
               f"tkg:commodity tkr:coal-industry ; tkg:status tkg:Historic ; {evidence(i, 4000, 'coal trade')} .")
    out.append("}")
    return "\n".join(out)


def generate(triples: int, folder: Path, seed: int = 3) -> None:
    """A project folder of about ``triples`` triples: the real ontology, synthetic graph."""
    rng = random.Random(seed)
    shutil.copytree(ROOT / "ontology", folder / "ontology")
    (folder / "queries").mkdir()
    for name in PARAMS:
        shutil.copy(ROOT / "queries" / f"{name}.rq", folder / "queries")
    articles = max(1, triples // TRIPLES_PER_ARTICLE)
    cities, people, countries = max(10, articles // 4), max(10, articles), 5
    provinces = max(5, cities // 20)
    graph = folder / "graph" / "articles"
    graph.mkdir(parents=True)
    shared = [PREFIXES, "tkr:graph-shared {"]
    shared += [f"tkr:country-{c} a tkg:Country ; rdfs:label \"country {c}\"@en ." for c in range(countries)]
    shared += [f"tkr:province-{p} a tkg:Province ; rdfs:label \"province {p}\"@en ; tkg:locatedIn tkr:country-{p % countries} ."
               for p in range(provinces)]
    shared += [f"tkr:city-{c} a tkg:City ; rdfs:label \"city {c}\"@en ; tkg:locatedIn tkr:province-{c % provinces} ."
               for c in range(cities)]
    shared += [f"tkr:person-{p} a tkg:Person ; rdfs:label \"person {p}\"@en ." for p in range(people)]
    shared.append("}")
    (folder / "graph" / "shared.trig").write_text("\n".join(shared), encoding="utf-8")
    for batch in range(0, articles, 200):
        body = [PREFIXES] + [article(i, rng, cities, people) for i in range(batch, min(articles, batch + 200))]
        (graph / f"batch-{batch:06d}.trig").write_text("\n".join(body), encoding="utf-8")


class Capped(Exception):
    pass


def measure(engine: str, folder: Path, runs: int, cap: float) -> dict:
    """Run in a child process: load, then each query ``runs`` times (median)."""
    from transition_kg.paths import Project
    from transition_kg.queries import discover, prepare

    project = Project(folder)
    start = time.perf_counter()
    if engine == "default":
        from transition_kg.store import open_store

        store = open_store(project)
        run = store.query
    elif engine == "memory":
        from benchmarks.rdflib_engine import RdflibStore

        run = RdflibStore(project).query
    else:  # raw pyoxigraph: the files loaded by pyoxigraph itself, the same inference updates, queried directly
        import pyoxigraph as ox

        from transition_kg.infer import infer
        from transition_kg.vocab import ONTOLOGY_GRAPH_IRI

        raw = ox.Store()
        files = project.files()
        for path in files.ontology:
            raw.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(ONTOLOGY_GRAPH_IRI))
        for path in files.graphs:
            raw.load(path=str(path), format=ox.RdfFormat.TRIG)
        infer(raw)
        run = lambda text: list(raw.query(text)) if not text.lstrip().upper().startswith("ASK") else bool(raw.query(text))
    load = time.perf_counter() - start
    queries = discover(project)
    latencies = {}

    def alarm(*_):
        raise Capped()

    signal.signal(signal.SIGALRM, alarm)
    for name, params in PARAMS.items():
        text = prepare(queries[name], params)
        times = []
        for _ in range(runs):
            signal.setitimer(signal.ITIMER_REAL, cap if engine == "memory" else 0)
            t = time.perf_counter()
            try:
                run(text)
                times.append(time.perf_counter() - t)
            except Capped:
                times.append(None)
                break
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        latencies[name] = None if None in times else statistics.median(times)
    triples = None
    if engine == "default":
        triples = int(store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0][0].value)
    return {"load": load, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "latency": latencies,
            "triples": triples}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=5, help="runs per query (median)")
    parser.add_argument("--cap", type=float, default=20.0, help="seconds the Memory store may take per query")
    parser.add_argument("--child", nargs=2, metavar=("ENGINE", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child[0], Path(args.child[1]), args.runs, args.cap)))
        return
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "project"
        start = time.perf_counter()
        generate(args.triples, folder)
        print(f"generated a synthetic project in {time.perf_counter() - start:.1f} s")
        results = {}
        for engine in ("default", "memory", "raw"):
            out = subprocess.run([sys.executable, "-m", "benchmarks.scale", "--runs", str(args.runs), "--cap", str(args.cap),
                                  "--child", engine, str(folder)], capture_output=True, text=True, check=True, cwd=ROOT)
            results[engine] = json.loads(out.stdout.strip().splitlines()[-1])
    d, m, r = results["default"], results["memory"], results["raw"]
    print(f"triples (with inferred): {d['triples']:,}")
    print(f"{'':30} {'default (oxigraph)':>20} {'rdflib Memory':>16} {'raw pyoxigraph':>16}")
    print(f"{'load s':30} {d['load']:>20.2f} {m['load']:>16.2f} {r['load']:>16.2f}")
    print(f"{'peak memory MB':30} {d['peak_mb']:>20.0f} {m['peak_mb']:>16.0f} {r['peak_mb']:>16.0f}")
    ratios, vs_raw = [], []
    fmt = lambda v: f"> {args.cap:g} s" if v is None else f"{v * 1000:.1f} ms"
    for name in PARAMS:
        dl, ml, rl = d["latency"][name], m["latency"][name], r["latency"][name]
        print(f"{name:30} {fmt(dl):>20} {fmt(ml):>16} {fmt(rl):>16}")
        ratios.append((args.cap if ml is None else ml) / dl)
        vs_raw.append(dl / rl)
    print(f"memory: default uses {d['peak_mb'] / m['peak_mb']:.0%} of the Memory store's peak")
    print(f"whole run: {time.perf_counter() - began:.0f} s")
    print(f"load_ratio={m['load'] / d['load']:.1f} query_ratio={statistics.median(ratios):.1f} "
          f"vs_raw_oxigraph={statistics.median(vs_raw):.2f}")


if __name__ == "__main__":
    main()
