"""The endpoint under load, next to ``oxigraph serve`` on the same data, in the same run.

    python -m benchmarks.serve [--seconds 5] [--concurrency 1 8 32] [--workers N]

Both servers run in processes of their own on loopback: ``transition-kg serve`` (its
defaults: 4 workers) and ``oxigraph serve-read-only`` over a store loaded by ``oxigraph
load`` from the project's build (the same quads, the inferred graph included). A client
process per server-and-concurrency keeps N keep-alive connections busy for --seconds and
records each request's latency. Printed per query and concurrency: requests/s, p50 and p99
latency for each server, and the ratio of throughputs. Queries: "light" is cq05 with its
defaults (two rows), "heavy" is cq06 for Qitaihe (a few dozen rows, several joins).
Then the memory of each server after the load (RSS and PSS of every process, from
/proc/PID/smaps_rollup: PSS shares a page among the processes that map it) and their ratios.
Last line: ``worst_throughput_ratio=R`` (oxigraph serve's requests/s over ours, the largest).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen) -> None:
    deadline = time.time() + 60
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {process.args}")
        try:
            parts = urllib.parse.urlsplit(url)
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=2)
            connection.request("GET", parts.path + "?query=ASK%7B%7D", headers={"Host": f"localhost:{parts.port}"})
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not start")


def tree(pid: int) -> list[int]:
    """The process and its descendants (Linux's /proc)."""
    found = [pid]
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as children:
            for child in children.read().split():
                found += tree(int(child))
    return found


def memory(pid: int) -> tuple[str, int, int]:
    """A process's name, RSS and PSS in bytes (``/proc/PID/smaps_rollup``)."""
    with open(f"/proc/{pid}/comm") as comm:
        name = comm.read().strip()
    sizes = {}
    with open(f"/proc/{pid}/smaps_rollup") as rollup:
        for line in rollup:
            key, _, value = line.partition(":")
            if key in ("Rss", "Pss"):
                sizes[key] = int(value.split()[0]) * 1024
    return name, sizes["Rss"], sizes["Pss"]


def print_memory(label: str, pid: int) -> tuple[int, int]:
    """Print the RSS and PSS of every process of a server; return their sums."""
    rows = [(p, *memory(p)) for p in tree(pid)]
    rss, pss = sum(r[2] for r in rows), sum(r[3] for r in rows)
    each = ", ".join(f"{name} {r / 2**20:.0f}/{p / 2**20:.0f}" for _, name, r, p in rows)
    total = f"RSS {rss / 2**20:.1f} MB, PSS {pss / 2**20:.1f} MB"
    print(f"memory {label}: {len(rows)} processes, {total}  (each RSS/PSS MB: {each})")
    return rss, pss


def load_client(url: str, query: str, concurrency: int, seconds: float) -> dict:
    """Keep ``concurrency`` keep-alive connections busy for ``seconds``; latencies in seconds."""
    parts = urllib.parse.urlsplit(url)
    path = parts.path + "?" + urllib.parse.urlencode({"query": query})
    latencies: list[float] = []
    errors = [0]
    stop = time.perf_counter() + seconds

    def run() -> None:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        mine = []
        while time.perf_counter() < stop:
            start = time.perf_counter()
            try:
                connection.request(
                    "GET",
                    path,
                    headers={"Accept": "application/sparql-results+json", "Host": f"localhost:{parts.port}"},
                )
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    errors[0] += 1
            except (OSError, http.client.HTTPException):
                errors[0] += 1
                connection.close()
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
                continue
            mine.append(time.perf_counter() - start)
        latencies.extend(mine)

    threads = [threading.Thread(target=run) for _ in range(concurrency)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) if latencies else float("nan"),
        "p99": latencies[int(len(latencies) * 0.99) - 1] if latencies else float("nan"),
        "errors": errors[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--workers", type=int, help="transition-kg serve's --workers (default: serve's own)")
    parser.add_argument("--client", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client:
        url, query, concurrency, seconds = args.client
        print(json.dumps(load_client(url, query, int(concurrency), float(seconds))))
        return

    from transition_kg.ask.queries import prepare
    from transition_kg.core.named import discover
    from transition_kg.core.paths import Project

    project = Project(ROOT)
    named = discover(project)
    queries = {
        "light": prepare(named["cq05-indicator-time-series"]),
        "heavy": prepare(named["cq06-quantitative-facts"], {"entity": "tkr:qitaihe"}),
    }
    work = Path(tempfile.mkdtemp(prefix="tkg-bench-"))
    processes = []
    try:
        subprocess.run(
            [str(BIN / "transition-kg"), "--project", str(ROOT), "build", "--out", str(work / "build")],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [
                str(BIN / "oxigraph"),
                "load",
                "--location",
                str(work / "ox"),
                "--file",
                str(work / "build" / "transition-kg.nq"),
            ],
            check=True,
            capture_output=True,
        )
        ours_port, ox_port = free_port(), free_port()
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        ours = subprocess.Popen(
            [str(BIN / "transition-kg"), "--project", str(ROOT), "serve", "--port", str(ours_port)]
            + (["--workers", str(args.workers)] if args.workers else []),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        theirs = subprocess.Popen(
            [
                str(BIN / "oxigraph"),
                "serve-read-only",
                "--location",
                str(work / "ox"),
                "--bind",
                f"127.0.0.1:{ox_port}",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        processes = [ours, theirs]
        servers = {
            "transition-kg": f"http://127.0.0.1:{ours_port}/sparql",
            "oxigraph serve": f"http://127.0.0.1:{ox_port}/query",
        }
        for name, url in servers.items():
            wait_until_up(url, ours if name == "transition-kg" else theirs)
        print(
            f"{'query':6} {'conc':>4}  {'transition-kg req/s':>19} {'p50 ms':>7} {'p99 ms':>7}   "
            f"{'oxigraph req/s':>14} {'p50 ms':>7} {'p99 ms':>7}   {'ratio':>5}"
        )
        worst = 0.0
        for label, query in queries.items():
            for concurrency in args.concurrency:
                found = {}
                for name, url in servers.items():
                    out = subprocess.run(
                        [
                            sys.executable,
                            "-m",
                            "benchmarks.serve",
                            "--client",
                            url,
                            query,
                            str(concurrency),
                            str(args.seconds),
                        ],
                        capture_output=True,
                        text=True,
                        check=True,
                        cwd=ROOT,
                    )
                    found[name] = json.loads(out.stdout)
                a, b = found["transition-kg"], found["oxigraph serve"]
                ratio = b["rps"] / a["rps"] if a["rps"] else float("inf")
                worst = max(worst, ratio)
                print(
                    f"{label:6} {concurrency:>4}  {a['rps']:>19.0f} {a['p50'] * 1000:>7.2f} {a['p99'] * 1000:>7.2f}   "
                    f"{b['rps']:>14.0f} {b['p50'] * 1000:>7.2f} {b['p99'] * 1000:>7.2f}   {ratio:>5.2f}"
                    + (f"  (errors: {a['errors']} / {b['errors']})" if a["errors"] or b["errors"] else "")
                )
        ours_rss, ours_pss = print_memory("transition-kg", ours.pid)
        ox_rss, ox_pss = print_memory("oxigraph serve", theirs.pid)
        print(f"memory_ratio rss={ours_rss / ox_rss:.2f} pss={ours_pss / ox_pss:.2f}")
        print(f"worst_throughput_ratio={worst:.2f}")
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
