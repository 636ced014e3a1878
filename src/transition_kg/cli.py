"""The ``transition-kg`` command: argument parsing only; every command calls the library.

Errors meant for the user (:class:`~transition_kg.errors.TKGError`) print as one line on
stderr with a non-zero exit; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from . import __version__
from .errors import TKGError, ValidationFailed


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="transition-kg",
        description="A knowledge graph of how coal cities change, with the source of every fact.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--project", metavar="DIR",
                        help="project directory with ontology/, graph/, queries/ (default: $TKG_PROJECT, "
                             "the current directory, or the checkout the package is installed from)")
    parser.add_argument("--corpus", metavar="DIR",
                        help="folder of article texts for the evidence check (default: $TKG_CORPUS or ../shared/seeds)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    sub.add_parser("validate", help="check syntax, vocabulary, SHACL shapes and evidence spans",
                   description="Check syntax, vocabulary, SHACL shapes and evidence spans; one line per problem.")
    build = sub.add_parser("build", help="validate, then write build/transition-kg.nq and .trig with inferred triples",
                           description="Validate, add inferred triples, write N-Quads and TriG atomically, print counts.")
    build.add_argument("--out", metavar="DIR", type=Path, help="output folder (default: PROJECT/build)")
    sub.add_parser("stats", help="print counts per class and per article",
                   description="Print counts per class and per article.")
    return parser


def _print_stats(stats) -> None:
    print("instances per class:")
    width = max(len(c) for c in stats.classes)
    for cls, n in stats.classes.items():
        print(f"  {cls:<{width}}  {n:>5}")
    print("per article:")
    columns = list(next(iter(stats.articles.values())).keys()) if stats.articles else []
    width = max((len(a) for a in stats.articles), default=7)
    print(f"  {'article':<{width}}  " + "  ".join(f"{c:>12}" for c in columns))
    for article, counts in stats.articles.items():
        print(f"  {article:<{width}}  " + "  ".join(f"{counts[c]:>12}" for c in columns))


def _report(report) -> None:
    for problem in report.problems:
        print(problem)
    for note in report.notes:
        print(f"note: {note}")
    print(report.summary())


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    from .paths import find_project

    project = find_project(args.project)
    corpus = Path(args.corpus).resolve() if args.corpus else None
    if args.command == "validate":
        from .validate import validate

        report, _ = validate(project, corpus)
        _report(report)
        return 0 if report.ok else 1
    if args.command == "build":
        from .build import build

        try:
            report, stats, written = build(project, args.out, corpus)
        except ValidationFailed as failed:
            for problem in failed.problems:
                print(problem)
            print(f"build stopped: {len(failed.problems)} problem(s); nothing written", file=sys.stderr)
            return failed.exit_code
        for note in report.notes:
            print(f"note: {note}")
        _print_stats(stats)
        for path in written:
            print(f"wrote {path}")
        return 0
    if args.command == "stats":
        from .build import stats
        from .load import load_project

        _print_stats(stats(load_project(project)))
        return 0
    raise AssertionError(args.command)


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point."""
    try:
        code = run(argv)
    except TKGError as error:
        print(f"transition-kg: {error}", file=sys.stderr)
        code = error.exit_code
    sys.exit(code)
