"""Benchmark the network page at scale: time to write it, its size, and time until it is
interactive in headless Chromium (Debian's /usr/bin/chromium, network cut), the nodes it draws
at the start (past ``FOLD_THRESHOLD`` the facts wait for their entity), then time for the page
to answer a search and focus a node, and frames per second while it zooms and pans.

Synthetic graphs are shaped like the real one: entities of a dozen classes with facts
(observations, quotes, roles) around them, about two edges per node, tooltips of a few lines.

    python benchmarks/view.py                      # 500, 2,000, 10,000, 50,000 nodes
    python benchmarks/view.py --sizes 500 2000 --physics   # force vis.js physics on (threshold study)
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import networkx as nx

from transition_kg.see.view import LAYOUT_THRESHOLD, to_pyvis, write_page

KINDS = [
    ("city", 0.06),
    ("province", 0.01),
    ("person", 0.08),
    ("company", 0.05),
    ("policy", 0.03),
    ("technology", 0.04),
    ("industry", 0.03),
    ("observation", 0.4),
    ("quote", 0.1),
    ("role", 0.1),
    ("event", 0.06),
    ("industry status", 0.04),
]
FACTS = {"observation", "quote", "role", "event", "industry status"}
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def synthetic(n: int, seed: int = 7) -> nx.MultiDiGraph:
    """A graph of ``n`` nodes shaped like the knowledge graph."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    names, weights = zip(*KINDS)
    kinds = rng.choices(names, weights, k=n)
    entities = [i for i, k in enumerate(kinds) if k not in FACTS] or [0]
    for i, kind in enumerate(kinds):
        label = f"{kind} {i}"
        ev = [
            {
                "words": f"words of the article about {label}",
                "article": f"article {i % 97}",
                "date": "2025",
                "start": i,
                "end": i + 30,
                "context": False,
            }
        ]
        card = {
            "id": f"n{i}",
            "title": label,
            "kind": kind,
            "also": [f"标签{i}"],
            "ev": ev,
            "quotes": [],
            "facts": [],
            "mentions": [{"article": f"article {i % 97}", "words": label}],
            "relations": [],
            "numbers": [
                {
                    "id": None,
                    "what": "indicator",
                    "amount": f"{rng.randint(1, 10**6):,} ({y})",
                    "value": 1.0,
                    "unit": "",
                    "measure": "level",
                    "year": y,
                    "ev": ev,
                }
                for y in (2001, 2024)
            ],
        }
        graph.add_node(
            f"n{i}",
            label=label,
            kind=kind,
            family="",
            labels=[label, f"标签{i}"],
            card=card,
            fact=kind in FACTS,
            year=2001 + i % 24 if kind == "observation" else None,
            tooltip=[
                label,
                f"type: {kind}",
                f"value: {rng.randint(1, 10**6)} — article {i % 97}",
                f"evidence: “words of the article about {label}” — article {i % 97}, characters {i}–{i + 30}",
            ],
        )
    for i, kind in enumerate(kinds):
        targets = 1 if kind in FACTS else 2
        for _ in range(targets):
            j = rng.choice(entities)
            if j != i:
                graph.add_edge(
                    f"n{i}",
                    f"n{j}",
                    label="located in" if kind == "city" else "about",
                    tooltip=[f"{i} → {j}", f"stated in: article {i % 97}"],
                )
    return graph


def until(page, predicate: str, every: float) -> None:
    """Ask the page until ``predicate`` is true (Playwright's own polling compiles it with eval,
    which the page's Content-Security-Policy forbids)."""
    while not page.evaluate(predicate):
        time.sleep(every)


def interactive_seconds(page_path: Path, browser) -> tuple[float, float, float, int, int, int]:
    """Seconds from navigation to the first draw (the page answers from then on) and to every
    card unpacked (``tkg.ready``), seconds for a search + focus round trip, the nodes drawn at the
    start, and frames per second while zooming and while panning."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://") else route.abort())
    page.goto(page_path.as_uri(), timeout=600_000)
    until(page, "() => !!(window.tkg && window.tkg.ready)", 0.05)
    drawn_at, ready = page.evaluate(
        "() => ['tkg-drawn', 'tkg-cards'].map(name => performance.getEntriesByName(name)"
        ".map(m => m.startTime / 1000)[0] ?? null)"
    )
    ready = ready or drawn_at  # a page before the cards were packed: ready when drawn
    drawn = page.evaluate("() => tkg.nodes.length")
    start = time.perf_counter()
    page.fill("#search", "city 1")
    page.press("#search", "Enter")
    until(page, "() => document.getElementById('details').textContent.length > 0", 0.02)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    respond = time.perf_counter() - start
    page.evaluate("() => tkg.clear()")
    zoom, pan = motion_fps(page, "zoom"), motion_fps(page, "pan")
    page.close()
    return drawn_at, ready, respond, drawn, zoom, pan


MOTION = """async kind => {
  // a person zooming with the wheel (in and out) or dragging the view, one event each frame
  const net = tkg.network, canvas = document.querySelector('#graph canvas'), r = canvas.getBoundingClientRect();
  net.fit();
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  let drawn = 0;
  const count = () => { drawn++; };
  net.on('afterDrawing', count);
  const cx = r.left + r.width / 2, cy = r.top + r.height / 2, start = performance.now();
  const pointer = (x, y) => ({clientX: x, clientY: y, bubbles: true, cancelable: true, pointerId: 1,
                              pointerType: 'mouse', isPrimary: true, buttons: 1, button: 0});
  if (kind === 'pan') canvas.dispatchEvent(new PointerEvent('pointerdown', pointer(cx, cy)));
  let step = 0;
  await new Promise(done => {
    const tick = () => {
      if (performance.now() - start > 2000) return done();
      if (kind === 'zoom') {
        const deltaY = Math.floor(step / 10) % 2 ? 100 : -100;
        const wheel = {deltaY, clientX: cx, clientY: cy, bubbles: true, cancelable: true};
        canvas.dispatchEvent(new WheelEvent('wheel', wheel));
      } else {
        const dx = 200 * Math.sin(step / 10);
        canvas.dispatchEvent(new PointerEvent('pointermove', pointer(cx + dx, cy + dx / 2)));
      }
      step++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  if (kind === 'pan') canvas.dispatchEvent(new PointerEvent('pointerup', pointer(cx, cy)));
  net.off('afterDrawing', count);
  return Math.round(drawn / ((performance.now() - start) / 1000));
}"""


def motion_fps(page, kind: str) -> int:
    """Frames drawn per second while the view zooms (``zoom``) or pans (``pan``) from the fitted
    view, the events sent from inside the page each animation frame: sent one by one over the
    DevTools protocol they cap the count near 20 here even with every node hidden."""
    return page.evaluate(MOTION, kind)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 10000, 50000])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--physics", action="store_true", help="keep vis.js physics on at every size (no precomputed layout)"
    )
    mode.add_argument("--precomputed", action="store_true", help="precompute the layout in Python at every size")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    threshold = 10**9 if args.physics else 0 if args.precomputed else LAYOUT_THRESHOLD
    print(
        f"precomputed layout above {threshold:,} nodes"
        + (" (default)" if threshold == LAYOUT_THRESHOLD else " (overridden)")
    )
    print(
        f"{'nodes':>7} {'edges':>7} {'drawn':>7} {'layout':>8} {'write s':>8} {'size MB':>8} {'interactive s':>14} "
        f"{'all cards s':>12} {'search+focus s':>15} {'zoom fps':>9} {'pan fps':>8}"
    )
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for n in args.sizes:
            graph = synthetic(n)
            path = Path(tmp) / f"g{n}.html"
            start = time.perf_counter()
            net = to_pyvis(graph, f"synthetic {n}", threshold=threshold)
            write_page(net, path)
            write = time.perf_counter() - start
            drawn_at, ready, respond, drawn, zoom, pan = interactive_seconds(path, browser)
            mode = "physics" if n <= threshold else "python"
            print(
                f"{n:>7,} {graph.number_of_edges():>7,} {drawn:>7,} {mode:>8} {write:>8.2f} "
                f"{path.stat().st_size / 1e6:>8.1f} "
                f"{drawn_at:>14.2f} {ready:>12.2f} {respond:>15.2f} {zoom:>9} {pan:>8}",
                flush=True,
            )
        browser.close()


if __name__ == "__main__":
    main()
