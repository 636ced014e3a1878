"""Commands as the graph grows by articles: N synthetic articles shaped like the real ones
(each with observations, quotes, roles, mentions and trade links, every fact with its
evidence; about 245 triples), timed in fresh processes as a user runs them.

    python -m benchmarks.articles [--articles 10 100 1000] [--commands validate build view query]

Printed per N: seconds for each command and the time per article. A command linear in the
number of articles keeps its time per article flat as N grows. Last line:
``view_100_s=T worst_growth=G`` (the whole-graph view at 100 articles, and the largest ratio of
time per article between the largest and the smallest N).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.scale import TRIPLES_PER_ARTICLE, generate

EXE = str(Path(sys.executable).with_name("transition-kg"))
COMMANDS = {
    "validate": ["validate"],
    "build": ["build", "--out", "{tmp}/build"],
    "view": ["view", "-o", "{tmp}/graph.html"],
    "query": ["query", "cq06-quantitative-facts", "-p", "entity=tkr:city-1", "--format", "csv"],
    "stats": ["stats"],
    "push": [
        "push",
        "--endpoint",
        "{oxigraph}/query",
        "--update-endpoint",
        "{oxigraph}/update",
        "--store",
        "{oxigraph}/store",
    ],
}


def oxigraph_server(folder: Path) -> tuple[subprocess.Popen, str]:
    """``oxigraph serve`` on a free loopback port (the dev extra installs it), for ``push``."""
    import socket
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("oxigraph")),
            "serve",
            "--location",
            str(folder),
            "--bind",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1).read()
            return process, url
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("oxigraph serve did not start")


def timed(project: Path, argv: list[str], tmp: str, oxigraph: str = "") -> float:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["TKG_CORPUS"] = str(project / "no-corpus")  # the synthetic articles have no texts: evidence check skipped
    start = time.perf_counter()
    result = subprocess.run(
        [EXE, "--project", str(project), *[a.format(tmp=tmp, oxigraph=oxigraph) for a in argv]],
        env=env,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):  # validate (and push, which validates) exit 1 on the synthetic graph's checks
        raise RuntimeError(f"{argv[0]} failed: {result.stderr.strip()[:300]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--commands", nargs="+", default=list(COMMANDS), choices=list(COMMANDS))
    args = parser.parse_args()
    per_article: dict[str, list[float]] = {c: [] for c in args.commands}
    print(f"{'articles':>8} {'triples':>9}  " + "  ".join(f"{c:>14}" for c in args.commands))
    view_100 = None
    for n in args.articles:
        with tempfile.TemporaryDirectory() as tmp:
            project = Path(tmp) / "project"
            generate(n * TRIPLES_PER_ARTICLE, project)
            server, url = oxigraph_server(Path(tmp) / "oxigraph") if "push" in args.commands else (None, "")
            try:
                times = {c: timed(project, COMMANDS[c], tmp, url) for c in args.commands}
            finally:
                if server:
                    server.terminate()
                    server.wait(timeout=30)
        for c, t in times.items():
            per_article[c].append(t / n)
        if n == 100 and "view" in times:
            view_100 = times["view"]
        print(
            f"{n:>8} {n * TRIPLES_PER_ARTICLE:>9,}  "
            + "  ".join(f"{times[c]:>7.2f} s {1000 * times[c] / n:>4.0f}ms" for c in args.commands),
            flush=True,
        )
    growth = max(values[-1] / values[0] for values in per_article.values()) if len(args.articles) > 1 else 1.0
    print(f"view_100_s={view_100 if view_100 is None else round(view_100, 2)} worst_growth={growth:.2f}")


if __name__ == "__main__":
    main()
