"""Scale: load time, peak memory and query latency of the embedded store against references
measured side by side in the same run, on one synthetic graph of about N triples shaped like
the real one (articles with observations, quotes, roles and mentions, each with evidence;
cities in provinces in countries).

    python -m benchmarks.scale --triples 1000000                 # in memory
    python -m benchmarks.scale --triples 5000000 --store-dir     # on disk

Each engine runs in a child process of its own (peak memory is that process's maximum
resident size). The references load and query through pyoxigraph's and the ``oxigraph``
CLI's own APIs, never through the project's code: they are handed the file list, the
inference as SPARQL Update texts (:func:`transition_kg.core.infer.updates`) and each named query's
text with its parameters bound, written to files by this script.

In memory: the project's store, rdflib's Memory store (queries capped at --cap seconds,
left out above --rdflib-max triples) and raw pyoxigraph (``Store.load`` of each file, the
same updates). Last line: ``load_ratio=X query_ratio=Y vs_raw_oxigraph=Z`` (X: Memory load /
project load; Y: median over queries of Memory / project latency; Z: median over queries of
project / raw pyoxigraph latency).

With --store-dir: the project's first load into a store on disk, against pyoxigraph's
``bulk_load`` of the same files into a store of its own plus the same updates; then each
named query, warm in-process (project and raw pyoxigraph each opening the same store again in a
process of its own, as every command after the first does) and cold from a fresh process
(``transition-kg query --store-dir``, against ``oxigraph query --location`` and a plain
pyoxigraph script on the same store). Last line: ``disk_load_vs_bulk=R1 reuse_vs_cli=R2
worst_query_ms=T1 search_ms=T2`` (R1: project first load / bulk load and updates; R2: cold
cq05 reusing the store / ``oxigraph query --location``; T1: the slowest named query, warm;
T2: the search query, warm).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
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

from transition_kg.grow.articles import HEADER as PREFIXES

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
    return (
        f"tkg:evidence [ a oa:SpecificResource ; oa:hasSource tkr:article-{article} ; oa:hasSelector "
        f"[ a oa:TextPositionSelector ; oa:start {start} ; oa:end {start + len(words)} ] , "
        f'[ a oa:TextQuoteSelector ; oa:exact "{words}" ] ]'
    )


def article(i: int, rng: random.Random, cities: int, people: int) -> str:
    """One article's named graph, shaped like graph/articles/*.trig."""
    out = [
        f"tkr:article-{i} {{",
        f'tkr:article-{i} a tkg:Article ; dcterms:title "Synthetic article {i}" ; '
        f'tkg:sourceFile "a{i}.txt" ; tkg:fileSha256 "{"0" * 64}" ; tkg:sha256 "{"0" * 64}" ; '
        f'tkg:extent [ a oa:TextPositionSelector ; oa:start 0 ; oa:end 5000 ] ; tkg:published "2025-01-01"^^xsd:date .',
    ]
    city = [rng.randrange(cities) for _ in range(3)]
    person = [rng.randrange(people) for _ in range(2)]
    for k in range(6):
        c = city[k % 3]
        out.append(
            f"tkr:obs-{i}-{k} a tkg:Observation ; tkg:measure tkg:Level ; tkg:observedEntity tkr:city-{c} ; "
            f"tkg:indicator tkr:indicator-{'population' if k % 2 else 'tourism-revenue'} ; "
            f"tkg:value {rng.randint(1, 10**7)} ; "
            f'tkg:unit tkr:unit-count ; tkg:year "{2000 + rng.randrange(25)}"^^xsd:gYear ; '
            f"{evidence(i, 100 * k, 'number words')} ."
        )
    for k, p in enumerate(person):
        out.append(
            f'tkr:quote-{i}-{k} a tkg:Quote ; tkg:speaker tkr:person-{p} ; tkg:quoteText "Words {i} {k}" ; '
            f"{evidence(i, 1000 + 100 * k, f'Words {i} {k}')} ."
        )
        out.append(
            f'tkr:role-{i}-{k} a tkg:Role ; tkg:heldBy tkr:person-{p} ; tkg:title "official" ; '
            f"tkg:roleIn tkr:city-{city[k]} ; {evidence(i, 2000 + 100 * k, 'official')} ."
        )
    for k, entity in enumerate([f"city-{c}" for c in city] + [f"person-{p}" for p in person]):
        out.append(
            f"tkr:mention-{i}-{k} a tkg:Mention ; tkg:mentionOf tkr:{entity} ; {evidence(i, 3000 + 50 * k, entity)} ."
        )
    out.append(
        f"tkr:trade-{i} a tkg:TradeLink ; tkg:fromPlace tkr:city-{city[0]} ; tkg:toPlace tkr:city-{city[1]} ; "
        f"tkg:commodity tkr:coal ; tkg:status tkg:Historic ; {evidence(i, 4000, 'coal trade')} ."
    )
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
    shared = [PREFIXES, "tkr:graph-shared {", 'tkr:coal a tkg:Commodity ; rdfs:label "coal"@en .']
    shared += [f'tkr:country-{c} a tkg:Country ; rdfs:label "country {c}"@en .' for c in range(countries)]
    shared += [
        f'tkr:province-{p} a tkg:Province ; rdfs:label "province {p}"@en ; tkg:locatedIn tkr:country-{p % countries} .'
        for p in range(provinces)
    ]
    shared += [
        f'tkr:city-{c} a tkg:City ; rdfs:label "city {c}"@en ; tkg:locatedIn tkr:province-{c % provinces} .'
        for c in range(cities)
    ]
    shared += [f'tkr:person-{p} a tkg:Person ; rdfs:label "person {p}"@en .' for p in range(people)]
    shared.append("}")
    (folder / "graph" / "shared.trig").write_text("\n".join(shared), encoding="utf-8")
    for batch in range(0, articles, 200):
        body = [PREFIXES] + [article(i, rng, cities, people) for i in range(batch, min(articles, batch + 200))]
        (graph / f"batch-{batch:06d}.trig").write_text("\n".join(body), encoding="utf-8")


class Capped(Exception):
    pass


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_s() -> float:
    """CPU seconds of this process so far, every thread's (RocksDB compacts in threads of its own)."""
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime


def timed_queries(run, texts: dict[str, str], runs: int, cap: float = 0) -> dict:
    """Median latency of each query (None when one run passed ``cap`` seconds)."""

    def alarm(*_):
        raise Capped()

    signal.signal(signal.SIGALRM, alarm)
    latencies = {}
    for name, text in texts.items():
        times = []
        for _ in range(runs):
            signal.setitimer(signal.ITIMER_REAL, cap)
            start = time.perf_counter()
            try:
                run(name, text)
                times.append(time.perf_counter() - start)
            except Capped:
                times.append(None)
                break
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        latencies[name] = None if None in times else statistics.median(times)
    return latencies


def child_project(folder: Path, store_dir: str | None, runs: int) -> dict:
    """The project's own road: ``open_store`` (load, inference, label index), named queries."""
    from transition_kg.ask.queries import run
    from transition_kg.core.named import discover
    from transition_kg.core.paths import Project
    from transition_kg.core.store import open_store

    project = Project(folder)
    start, cpu = time.perf_counter(), cpu_s()
    store = open_store(project, store_dir=Path(store_dir) if store_dir else None)
    load, load_cpu = time.perf_counter() - start, cpu_s() - cpu
    queries = discover(project)
    latencies = timed_queries(lambda name, _: run(store, queries[name], PARAMS[name]), dict.fromkeys(PARAMS), runs)
    triples = int(store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0][0].value)
    return {"load": load, "load_cpu": load_cpu, "peak_mb": peak_mb(), "latency": latencies, "triples": triples}


def child_memory(folder: Path, runs: int, cap: float) -> dict:
    """rdflib's Memory store (benchmarks/rdflib_engine.py)."""
    from benchmarks.rdflib_engine import RdflibStore
    from transition_kg.core.paths import Project

    start = time.perf_counter()
    store = RdflibStore(Project(folder))
    load = time.perf_counter() - start
    texts = json.loads((folder / "bench-queries.json").read_text())
    return {"load": load, "peak_mb": peak_mb(), "latency": timed_queries(lambda _, t: store.query(t), texts, runs, cap)}


def child_raw(folder: Path, store_dir: str | None, runs: int) -> dict:
    """pyoxigraph alone: its loader (``bulk_load`` on disk, ``load`` in memory), the inference
    updates and the query texts from the files this script wrote."""
    import pyoxigraph as ox

    plan = json.loads((folder / "bench-plan.json").read_text())
    texts = json.loads((folder / "bench-queries.json").read_text())
    start, cpu = time.perf_counter(), cpu_s()
    store = ox.Store(store_dir) if store_dir else ox.Store()
    put = store.bulk_load if store_dir else store.load
    for path in plan["ontology"]:
        put(path=path, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(plan["ontology_graph"]))
    for path in plan["graphs"]:
        put(path=path, format=ox.RdfFormat.TRIG)
    loaded = time.perf_counter()
    count = f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{plan['inferred_graph']}> {{ ?s ?p ?o }} }}"
    size = lambda: int(next(iter(store.query(count)))[0].value)
    for update in plan["updates"]["once"]:
        store.update(update)
    before = None
    while before != size():
        before = size()
        for update in plan["updates"]["until_stable"]:
            store.update(update)
    for update in plan["updates"]["after"]:
        store.update(update)
    if store_dir:
        store.flush()
    load, load_cpu = time.perf_counter() - start, cpu_s() - cpu
    run = lambda _, text: list(store.query(text, use_default_graph_as_union=True))
    return {
        "load": load,
        "load_cpu": load_cpu,
        "parse_load": loaded - start,
        "peak_mb": peak_mb(),
        "latency": timed_queries(run, texts, runs),
    }


def child_raw_queries(store_dir: str, folder: Path, runs: int) -> dict:
    """pyoxigraph alone on an existing store (read-only): the same query texts, warm."""
    import pyoxigraph as ox

    store = ox.Store.read_only(store_dir)
    texts = json.loads((folder / "bench-queries.json").read_text())
    run = lambda _, text: list(store.query(text, use_default_graph_as_union=True))
    return {"latency": timed_queries(run, texts, runs)}


def child_reuse(folder: Path, store_dir: str) -> dict:
    """Opening a store on disk again, files unchanged: the check of the files' stamps and
    the store's opening, then the same with one file touched (same bytes, new time)."""
    from transition_kg.core.load import load
    from transition_kg.core.paths import Project

    project = Project(folder)
    start = time.perf_counter()
    loaded = load(project, Path(store_dir))
    first = time.perf_counter() - start
    del loaded
    import gc

    gc.collect()
    files = project.files()
    os.utime(files.graphs[-1])
    start = time.perf_counter()
    load(project, Path(store_dir))
    return {"reuse": first, "reuse_touched": time.perf_counter() - start, "files": len(files.read)}


def child(args) -> dict:
    kind, folder = args.child[0], Path(args.child[1])
    store_dir = args.child[2] if len(args.child) > 2 else None
    if kind == "project":
        return child_project(folder, store_dir, args.runs)
    if kind == "memory":
        return child_memory(folder, args.runs, args.cap)
    if kind == "raw":
        return child_raw(folder, store_dir, args.runs)
    if kind == "raw-queries":
        return child_raw_queries(store_dir, folder, args.runs)
    return child_reuse(folder, store_dir)


def spawn(args, *words: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.scale", "--runs", str(args.runs), "--cap", str(args.cap), "--child", *words],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if out.returncode:
        sys.exit(f"child {words[0]} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def write_plan(folder: Path) -> dict[str, str]:
    """The references' inputs: files, graph names, inference updates, query texts."""
    from transition_kg.ask.queries import prepare
    from transition_kg.core.infer import updates
    from transition_kg.core.named import discover
    from transition_kg.core.paths import Project
    from transition_kg.core.vocab import INFERRED_GRAPH_IRI, ONTOLOGY_GRAPH_IRI

    project = Project(folder)
    files = project.files()
    plan = {
        "ontology": [str(p) for p in files.ontology],
        "graphs": [str(p) for p in files.graphs],
        "ontology_graph": ONTOLOGY_GRAPH_IRI,
        "inferred_graph": INFERRED_GRAPH_IRI,
        "updates": updates(),
    }
    (folder / "bench-plan.json").write_text(json.dumps(plan))
    queries = discover(project)
    texts = {name: prepare(queries[name], params) for name, params in PARAMS.items()}
    (folder / "bench-queries.json").write_text(json.dumps(texts))
    return texts


def cold(command: list[str], runs: int) -> tuple[float, bytes]:
    """Median wall time of a command run in a fresh process; its output."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    times, out = [], b""
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
        if done.returncode:
            sys.exit(f"{' '.join(command[:4])} failed: {done.stderr.decode()[-500:]}")
        out = done.stdout
    return statistics.median(times), out


def oxigraph_cli() -> str:
    """The ``oxigraph`` CLI (PyPI's ``oxigraph``, a dev dependency): beside this Python, else on PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.exists() else shutil.which("oxigraph") or "oxigraph"


def machine() -> str:
    import pyoxigraph

    cpu = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor(),
        )
        if Path("/proc/cpuinfo").exists()
        else platform.processor()
    )
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    cli = subprocess.run([oxigraph_cli(), "--version"], capture_output=True, text=True).stdout.strip()
    return (
        f"machine: {cpu}, {os.cpu_count()} cores, {memory:.0f} GiB; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, pyoxigraph {pyoxigraph.__version__}, {cli or 'oxigraph CLI absent'}"
    )


def ms(value: float | None, cap: float = 0) -> str:
    return f"> {cap:g} s" if value is None else f"{value * 1000:.1f} ms"


def in_memory(args, folder: Path) -> None:
    engines = ["project", "raw"] + (["memory"] if args.triples <= args.rdflib_max else [])
    results = {engine: spawn(args, engine, str(folder)) for engine in engines}
    d, r, m = results["project"], results["raw"], results.get("memory")
    print(f"triples (with inferred): {d['triples']:,}")
    print(f"{'':30} {'project (oxigraph)':>20} {'raw pyoxigraph':>16} {'rdflib Memory':>16}")
    print(f"{'load s':30} {d['load']:>20.2f} {r['load']:>16.2f} {m['load'] if m else float('nan'):>16.2f}")
    print(
        f"{'peak memory MB':30} {d['peak_mb']:>20.0f} {r['peak_mb']:>16.0f} "
        f"{m['peak_mb'] if m else float('nan'):>16.0f}"
    )
    ratios, vs_raw = [], []
    for name in PARAMS:
        dl, rl = d["latency"][name], r["latency"][name]
        ml = m["latency"][name] if m else None
        print(f"{name:30} {ms(dl):>20} {ms(rl):>16} {ms(ml, args.cap) if m else '-':>16}")
        vs_raw.append(dl / rl)
        if m:
            ratios.append((args.cap if ml is None else ml) / dl)
    if m:
        print(f"memory: the project's store uses {d['peak_mb'] / m['peak_mb']:.0%} of the Memory store's peak")
    print(
        f"load_ratio={m['load'] / d['load'] if m else float('nan'):.1f} "
        f"query_ratio={statistics.median(ratios) if m else float('nan'):.1f} "
        f"vs_raw_oxigraph={statistics.median(vs_raw):.2f}"
    )


def on_disk(args, folder: Path, texts: dict[str, str]) -> None:
    ours, theirs = folder.parent / "store-project", folder.parent / "store-bulk"
    pairs = []
    for _ in range(args.load_runs):  # interleaved, the median pair reported: inference time varies run to run
        shutil.rmtree(ours, ignore_errors=True)
        d = spawn(args, "project", str(folder), str(ours))
        b = spawn(args, "raw", str(folder), str(theirs))
        shutil.rmtree(theirs)
        pairs.append((d["load"] / b["load"], d, b))
    pairs.sort(key=lambda pair: pair[0])
    _, d, b = pairs[len(pairs) // 2]
    if len(pairs) > 1:
        print("first-load ratios, each run: " + " ".join(f"{r:.2f}" for r, _, _ in pairs))
    again = spawn(args, "reuse", str(folder), str(ours))
    # queries as every command after the first meets the store: reused, in a fresh process
    d["latency"] = spawn(args, "project", str(folder), str(ours))["latency"]
    raw = spawn(args, "raw-queries", str(folder), str(ours))
    size = lambda p: sum(f.stat().st_size for f in p.rglob("*") if f.is_file()) / 2**20
    print(f"triples (with inferred): {d['triples']:,}")
    print(f"{'first load into a store on disk':40} {'project':>12} {'bulk_load+same inference':>26} {'ratio':>7}")
    print(f"{'  time s':40} {d['load']:>12.2f} {b['load']:>26.2f} {d['load'] / b['load']:>6.2f}x")
    print(
        f"{'  CPU time s (every thread)':40} {d['load_cpu']:>12.2f} {b['load_cpu']:>26.2f} "
        f"{d['load_cpu'] / b['load_cpu']:>6.2f}x"
    )
    print(f"{'  peak memory MB':40} {d['peak_mb']:>12.0f} {b['peak_mb']:>26.0f} {d['peak_mb'] / b['peak_mb']:>6.2f}x")
    print(f"{'  of which parsing and indexing s':40} {'':>12} {b['parse_load']:>26.2f}")
    print(f"  size on disk: {size(ours):.0f} MB")
    print(
        f"reuse, files unchanged ({again['files']} files): {again['reuse'] * 1000:.0f} ms "
        f"(stamps checked, store opened); one file touched (hashed): {again['reuse_touched'] * 1000:.0f} ms"
    )
    tkg = str(Path(sys.executable).with_name("transition-kg"))
    oxigraph = oxigraph_cli()
    floor = (
        "import sys, pyoxigraph as ox; s = ox.Store.read_only(sys.argv[1]); "
        "sys.stdout.buffer.write(s.query(open(sys.argv[2]).read(), use_default_graph_as_union=True)"
        ".serialize(format=ox.QueryResultsFormat.CSV))"
    )
    print(
        f"{'named query':30} {'project warm':>13} {'raw warm':>10} {'ratio':>6} {'project cold':>13} "
        f"{'oxigraph query':>15} {'python floor':>13}"
    )
    cold_ratio = None
    for name, params in PARAMS.items():
        text_file = folder.parent / f"{name}.rq"
        text_file.write_text(texts[name], encoding="utf-8")
        mine, _ = cold(
            [tkg, "--project", str(folder), "query", name, "--store-dir", str(ours), "--no-labels", "-F", "csv"]
            + [w for k, v in params.items() for w in ("-p", f"{k}={v}")],
            args.cold_runs,
        )
        cli, _ = cold(
            [
                oxigraph,
                "query",
                "--location",
                str(ours),
                "--query-file",
                str(text_file),
                "--results-format",
                "csv",
                "--union-default-graph",
            ],
            args.cold_runs,
        )
        plain, _ = cold([sys.executable, "-c", floor, str(ours), str(text_file)], args.cold_runs)
        dl, rl = d["latency"][name], raw["latency"][name]
        print(
            f"{name:30} {ms(dl):>13} {ms(rl):>10} {dl / rl:>5.2f}x {mine * 1000:>10.0f} ms {cli * 1000:>12.0f} ms "
            f"{plain * 1000:>10.0f} ms"
        )
        if name == "cq05-indicator-time-series":
            cold_ratio = mine / cli
    worst = max(d["latency"].values())
    print(
        f"disk_load_vs_bulk={d['load'] / b['load']:.2f} reuse_vs_cli={cold_ratio:.2f} "
        f"worst_query_ms={worst * 1000:.1f} search_ms={d['latency']['search'] * 1000:.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=200_000)
    parser.add_argument("--store-dir", action="store_true", help="measure the store on disk (else in memory)")
    parser.add_argument("--runs", type=int, default=5, help="runs per query, warm (median)")
    parser.add_argument("--cold-runs", type=int, default=3, help="runs per command, cold (median)")
    parser.add_argument(
        "--load-runs", type=int, default=1, help="first loads on disk, each with its reference (median)"
    )
    parser.add_argument("--cap", type=float, default=20.0, help="seconds the Memory store may take per query")
    parser.add_argument("--rdflib-max", type=int, default=1_000_000, help="leave rdflib out above this many triples")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args)))
        return
    began = time.perf_counter()
    print(machine())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "project"
        start = time.perf_counter()
        generate(args.triples, folder)
        texts = write_plan(folder)
        print(f"generated a synthetic project of about {args.triples:,} triples in {time.perf_counter() - start:.1f} s")
        if args.store_dir:
            on_disk(args, folder, texts)
        else:
            in_memory(args, folder)
    print(f"whole run: {time.perf_counter() - began:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
