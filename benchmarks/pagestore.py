"""Benchmark the network page with its own SPARQL store (``view --with-sparql``) in headless
Chromium (Debian's /usr/bin/chromium, every non-file request aborted): the file's size, seconds
from opening to the store ready (``tkg.storeReady``, the median of three openings, with the
worker's steps) and a named query's time in the page (``tkg.named``, the median of five) — each
beside a reference measured in the same run: the same network page without the store (its size,
its first draw) and the embedded store (pyoxigraph) answering the same query.

Then synthetic graphs shaped like the real one (``benchmarks/scale.py``), with an empty network,
to find where a page store stops making sense (``PAGE_STORE_LIMIT`` in see/pagestore.py).

    python benchmarks/pagestore.py                       # the real graph, then 30,000, 100,000, 300,000 triples
    python benchmarks/pagestore.py --sizes 1000000
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import networkx as nx

from benchmarks.scale import PARAMS, generate
from benchmarks.view import CHROMIUM_ARGS, until
from transition_kg.ask.queries import prepare
from transition_kg.ask.workbench import page_store
from transition_kg.core.load import load
from transition_kg.core.named import get
from transition_kg.core.paths import Project, find_project
from transition_kg.core.store import EmbeddedStore
from transition_kg.see import pagestore
from transition_kg.see.view import select, to_pyvis, write_page

RUNS = 3  # openings of each page: their median times are said
TIMED = """async ([name, params]) => {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await tkg.named(name, params);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[2];
}"""


def opened(browser, path: Path, store: bool) -> tuple[float, float | None, object]:
    """Seconds from navigation to the first draw and to the store ready (None: no store), and the page."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://") else route.abort())
    page.goto(path.as_uri(), timeout=600_000)
    until(page, "() => !!(window.tkg && window.tkg.ready)", 0.02)
    ready = None
    if store:
        page.evaluate("() => tkg.storeReady")
        ready = page.evaluate("() => performance.getEntriesByName('tkg-store-ready')[0].startTime / 1000")
    drawn = page.evaluate("() => performance.getEntriesByName('tkg-drawn')[0].startTime / 1000")
    return drawn, ready, page


def closed(run: tuple[float, float | None, object]) -> tuple[float, float | None]:
    """An opening's times, its page closed."""
    run[2].close()  # type: ignore[attr-defined]
    return run[0], run[1]


def embedded_ms(store: EmbeddedStore, text: str) -> float:
    """The embedded store's median time for ``text`` (five runs), in ms."""
    times = []
    for _ in range(5):
        start = time.perf_counter()
        store.query(text)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(browser, project: Project, network: nx.MultiDiGraph, name: str, params: dict, folder: Path) -> None:
    loaded = load(project)
    store = EmbeddedStore(loaded)
    plain, with_store = folder / "plain.html", folder / "store.html"
    write_page(to_pyvis(network), plain)
    start = time.perf_counter()
    write_page(to_pyvis(network), with_store, page_store(project, store))
    written = time.perf_counter() - start
    quads = store.nquads().count(b"\n")
    drawn_plain = statistics.median(closed(opened(browser, plain, store=False))[0] for _ in range(RUNS))
    runs = [opened(browser, with_store, store=True) for _ in range(RUNS)]  # the median opening's page is kept
    runs.sort(key=lambda run: run[1] or 0)
    for _, _, other in runs[: RUNS // 2] + runs[RUNS // 2 + 1 :]:
        other.close()
    drawn, ready, page = statistics.median(run[0] for run in runs), runs[RUNS // 2][1] or 0.0, runs[RUNS // 2][2]
    steps = page.evaluate("() => tkg.storeTimes")  # the worker's steps, in ms
    in_page = page.evaluate(TIMED, [name, params])
    page.close()
    reference = embedded_ms(store, prepare(get(project, name), params, store))
    size, plain_size = with_store.stat().st_size, plain.stat().st_size
    print(
        f"{quads:>9,} quads: file {size / 1e6:.2f} MB ({size / plain_size:.1f}x the page without the store), "
        f"written in {written:.1f} s; first draw {drawn:.2f} s ({drawn / drawn_plain:.2f}x without the store), "
        f"store ready {ready:.2f} s; {name} {in_page:.1f} ms in the page ({in_page / reference:.1f}x pyoxigraph's "
        f"{reference:.1f} ms); in the worker: " + ", ".join(f"{step} {ms:.0f} ms" for step, ms in steps.items())
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[30_000, 100_000, 300_000], help="synthetic triples")
    args = parser.parse_args()
    pagestore.PAGE_STORE_LIMIT = 10**9  # measured past it: this is where the limit comes from
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as tmp:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        project = find_project(None)
        real = Path(tmp) / "real"
        real.mkdir()
        whole = select(load(project).dataset_with_inferred)
        measure(browser, project, whole, "cq05-indicator-time-series", {}, real)
        for size in args.sizes:
            folder = Path(tmp) / f"s{size}"
            generate(size, folder / "project")
            name = "cq05-indicator-time-series"
            measure(browser, Project(folder / "project"), nx.MultiDiGraph(), name, PARAMS[name], folder)
        browser.close()


if __name__ == "__main__":
    main()
