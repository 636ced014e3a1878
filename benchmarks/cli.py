"""Cold-process latency of the command line against a floor measured in the same run.

    python -m benchmarks.cli [--runs 10] [--compare OTHER/transition-kg] [--reuse-triples 1000000]

Each command runs as a user runs it, in a fresh process with Python's bytecode caches
written (a first, uncounted run writes them), median of --runs: ``--help``,
``queries``, ``query cq01-coal-cities``, ``validate`` and ``view``. The floor is a plain
script that imports pyoxigraph, loads the same files, adds the same inferred graph (the
updates of ``transition_kg.core.infer``) and runs the same query. ``--compare`` times another
installation's executable side by side (for example the previous version's checkout).

Then reuse of a store on disk: ``query cq05 --store-dir`` on a synthetic project of
--reuse-triples triples (:func:`benchmarks.scale.generate`; the store loaded first, not
counted), against its own floor: a plain script that imports pyoxigraph, opens the same
store read-only and runs the same query text (parameters bound) as CSV (0: left out), and
the same script importing first the standard library any argparse command line imports
(argparse, json, pathlib), so what is left above that is this project's own.
Last line: ``query_vs_floor=R query_ms=T queries_ms=Q validate_vs_floor=V view_vs_floor=W
reuse_vs_floor=U reuse_vs_cli_floor=C reuse_ms=M``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOOR = r"""
import sys
from pathlib import Path
import pyoxigraph as ox
from transition_kg.core.infer import infer
root = Path(sys.argv[1])
store = ox.Store()
for path in sorted((root / "ontology").glob("*.ttl")):
    if "shapes" not in path.name:
        store.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("https://w3id.org/transition-kg/ontology"))
for path in sorted((root / "graph").rglob("*.trig")):
    store.load(path=str(path), format=ox.RdfFormat.TRIG)
infer(store)
rows = list(store.query((root / "queries" / "cq01-coal-cities.rq").read_text()))
print(len(rows))
"""
REUSE_FLOOR = (
    "import sys, pyoxigraph as ox; s = ox.Store.read_only(sys.argv[1]); "
    "sys.stdout.buffer.write(s.query(open(sys.argv[2]).read(), use_default_graph_as_union=True)"
    ".serialize(format=ox.QueryResultsFormat.CSV))"
)
# the same floor with the standard library any argparse command line imports (argparse, pathlib,
# json pull in re, enum, gettext, urllib.parse): what is left above it is this project's own
REUSE_FLOOR_CLI = "import argparse, json, pathlib; " + REUSE_FLOOR
REUSED = "cq05-indicator-time-series"


def reuse_runs(exe: str, compare: str | None, triples: int, out: str) -> dict[str, list[str]]:
    """The commands of the reuse measure: a synthetic project in ``out``, the plain floor on a
    store of its own, ``query cq05 --store-dir`` of this version (and the compared one, each
    on its own store, as each version writes its own marker)."""
    from benchmarks.scale import PARAMS, generate, write_plan

    folder = Path(out) / "project"
    generate(triples, folder)
    text = Path(out) / "cq05.rq"
    text.write_text(write_plan(folder)[REUSED], encoding="utf-8")
    params = [w for k, v in PARAMS[REUSED].items() for w in ("-p", f"{k}={v}")]

    def query(executable: str, store: str) -> list[str]:
        return [executable, "--project", str(folder), "query", REUSED, "--store-dir", store, "--no-labels"]

    runs = {
        "reuse floor": [sys.executable, "-c", REUSE_FLOOR, f"{out}/store", str(text)],
        "reuse floor+stdlib": [sys.executable, "-c", REUSE_FLOOR_CLI, f"{out}/store", str(text)],
    }
    runs["reuse"] = query(exe, f"{out}/store") + ["-F", "csv", *params]
    if compare:
        runs["compared reuse"] = query(compare, f"{out}/store-compared") + ["-F", "csv", *params]
    for name in ("reuse", "compared reuse"):  # the first load, not counted
        if name in runs:
            subprocess.run(runs[name], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return runs


def timed(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall-clock seconds of each command in a fresh process; the commands take turns,
    run after run, so a slow moment of the machine falls on all of them alike."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as on a user's machine
    times: dict[str, list[float]] = {name: [] for name in commands}
    for run in range(runs + 1):  # the first run writes the bytecode caches and is not counted
        for name, argv in commands.items():
            start = time.perf_counter()
            subprocess.run(argv, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if run:
                times[name].append(time.perf_counter() - start)
    return {name: statistics.median(found) for name, found in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--compare", metavar="EXE", help="another transition-kg executable to time side by side")
    parser.add_argument("--reuse-triples", type=int, default=1_000_000, help="size of the reused store (0: none)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as out:
        measure(args, out)


def measure(args: argparse.Namespace, out: str) -> None:
    """Run the commands side by side, writing into the folder ``out``, and print the table."""
    exe = str(Path(sys.executable).with_name("transition-kg"))
    commands = {
        "--help": ["--help"],
        "queries": ["--project", str(ROOT), "queries"],
        "query cq01-coal-cities": ["--project", str(ROOT), "query", "cq01-coal-cities"],
        "validate": ["--project", str(ROOT), "validate"],
        "view": ["--project", str(ROOT), "view", "-o", f"{out}/g.html"],
    }
    runs = {"floor": [sys.executable, "-c", FLOOR, str(ROOT)]}
    runs.update({name: [exe, *argv] for name, argv in commands.items()})
    if args.compare:
        runs.update({f"compared {name}": [args.compare, *argv] for name, argv in commands.items()})
    if args.reuse_triples:
        runs.update(reuse_runs(exe, args.compare, args.reuse_triples, out))
    found = timed(runs, args.runs)
    floor = found["floor"]
    print(
        f"cold-process latency, median of {args.runs} (this machine: {sys.platform}, Python {sys.version.split()[0]})"
    )
    header = f"{'command':26} {'this version':>13} {'vs floor':>9}"
    if args.compare:
        header += f" {'compared':>10} {'vs floor':>9}"
    print(header)
    print(f"{'floor (plain pyoxigraph)':26} {floor * 1000:>10.0f} ms {1:>8.2f}x")
    for name in commands:
        mine = found[name]
        line = f"{name:26} {mine * 1000:>10.0f} ms {mine / floor:>8.2f}x"
        if args.compare:
            other = found[f"compared {name}"]
            line += f" {other * 1000:>7.0f} ms {other / floor:>8.2f}x"
        print(line)
    reuse = ""
    if args.reuse_triples:
        base = found["reuse floor"]
        print(f"reuse of a store of {args.reuse_triples:,} triples on disk, query {REUSED} as CSV:")
        print(f"{'floor (plain pyoxigraph)':26} {base * 1000:>10.0f} ms {1:>8.2f}x")
        cli = found["reuse floor+stdlib"]
        print(f"{'floor + argparse, pathlib':26} {cli * 1000:>10.0f} ms {cli / base:>8.2f}x")
        line = f"{'query --store-dir':26} {found['reuse'] * 1000:>10.0f} ms {found['reuse'] / base:>8.2f}x"
        if args.compare:
            other = found["compared reuse"]
            line += f" {other * 1000:>7.0f} ms {other / base:>8.2f}x"
        print(line)
        reuse = (
            f" reuse_vs_floor={found['reuse'] / base:.2f} reuse_vs_cli_floor={found['reuse'] / cli:.2f}"
            f" reuse_ms={found['reuse'] * 1000:.0f}"
        )
    query = found["query cq01-coal-cities"]
    print(
        f"query_vs_floor={query / floor:.2f} query_ms={query * 1000:.0f} queries_ms={found['queries'] * 1000:.0f} "
        f"validate_vs_floor={found['validate'] / floor:.2f} view_vs_floor={found['view'] / floor:.2f}{reuse}"
    )


if __name__ == "__main__":
    main()
