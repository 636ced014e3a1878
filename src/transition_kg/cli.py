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


def _store_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--endpoint", metavar="URL", help="query this SPARQL 1.1 endpoint instead of the embedded store")
    parser.add_argument("--timeout", metavar="SECONDS", type=float, default=60.0, help="remote timeout (default 60)")
    parser.add_argument("--engine", choices=("oxigraph", "memory"), default="oxigraph",
                        help="embedded SPARQL engine: oxigraph (default) or rdflib's memory store")
    parser.add_argument("--store-dir", metavar="DIR", type=Path,
                        help="keep the embedded Oxigraph store on disk in DIR, reused while the project is unchanged")


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

    sub.add_parser("validate", help="check syntax, vocabulary, SHACL shapes, evidence spans and quality queries",
                   description="Check syntax, vocabulary, SHACL shapes, evidence spans and the quality-check "
                               "queries; one line per problem.")
    build = sub.add_parser("build", help="validate, then write build/transition-kg.nq and .trig with inferred triples",
                           description="Validate, add inferred triples, write N-Quads and TriG atomically, print counts.")
    build.add_argument("--out", metavar="DIR", type=Path, help="output folder (default: PROJECT/build)")
    sub.add_parser("stats", help="print counts per class and per article",
                   description="Print counts per class and per article.")

    docs = sub.add_parser("docs", help="write browsable HTML documentation of the ontology",
                          description="Write DIR/index.html: every class and property with label, comment, super/sub "
                                      "terms, domain/range, SHACL constraints, instance counts, and a class diagram.")
    docs.add_argument("-o", "--output", metavar="DIR", required=True, type=Path, help="the folder to write into")

    new = sub.add_parser("new-article", help="register an article: identifier, sha256, date, a graph file to fill",
                         description="Write graph/articles/SLUG.trig registering the article, ready to fill with facts.")
    new.add_argument("file", metavar="FILE", type=Path, help="the article's text file (UTF-8)")
    new.add_argument("--published", metavar="YYYY-MM-DD", required=True, help="the publication date")
    new.add_argument("--title", help="the title (default: the file's first line)")
    extract = sub.add_parser("extract", help="propose candidate facts from article text, as a draft to review",
                             description="Write DRAFT.trig with candidate mentions, numbers, dates and quotes, each with "
                                         "offsets and exact words. graph/ is never changed.")
    extract.add_argument("file", metavar="FILE", type=Path, help="the article's text file (UTF-8)")
    extract.add_argument("--published", metavar="YYYY-MM-DD", required=True, help="the date relative dates are resolved against")
    extract.add_argument("-o", "--output", metavar="DRAFT.trig", required=True, type=Path, help="the draft to write")
    extract.add_argument("--title", help="the article's title (default: the file name)")

    sub.add_parser("queries", help="list the named queries with their titles and parameters",
                   description="List the named queries (queries/*.rq) with their titles and parameters.")
    query = sub.add_parser("query", help="run a named query",
                           description="Run a named query; parameters not given take their defaults.")
    query.add_argument("name", metavar="NAME", help="the query's name (see: transition-kg queries)")
    query.add_argument("--param", "-p", metavar="KEY=VALUE", action="append", default=[],
                       help="a parameter; an IRI may be a prefixed name such as tkr:datong")
    query.add_argument("--format", "-F", default="table",
                       help="table (default), csv, tsv, json (W3C SPARQL results); for graph results turtle, trig, nt, jsonld")
    _store_options(query)

    sparql = sub.add_parser("sparql", help="run your own SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE)",
                            description="Run a SPARQL query given as text or in a file (-f FILE, - for stdin).")
    sparql.add_argument("text", metavar="QUERY", nargs="?", help="the query text")
    sparql.add_argument("-f", "--file", metavar="FILE", help="read the query from FILE (- for standard input)")
    sparql.add_argument("--format", "-F", default="table",
                        help="table (default), csv, tsv, json; for graph results turtle (default), trig, nt, jsonld")
    _store_options(sparql)

    def selection(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--class", dest="cls", metavar="CLASS", help="one class (with its neighbours), e.g. City or tkg:Observation")
        parser.add_argument("--article", metavar="ID", help="one article's named graph, e.g. article-qitaihe-coal-city")
        parser.add_argument("--focus", metavar="IRI", help="the neighbourhood of one node, e.g. tkr:datong")
        parser.add_argument("--depth", metavar="N", type=int, default=1, help="hops around --focus, both directions (default 1)")
        parser.add_argument("--query", metavar="FILE.rq", help="a CONSTRUCT query's graph, or a SELECT whose IRI columns become nodes")
        _store_options(parser)

    view = sub.add_parser("view", help="write the interactive network page (offline HTML)",
                          description="Write the network page of the whole graph or a part of it: one HTML file "
                                      "that loads nothing from the network.")
    view.add_argument("-o", "--output", metavar="FILE.html", required=True, type=Path, help="the page to write")
    view.add_argument("--title", default="transition-kg", help="the page's title")
    selection(view)
    export = sub.add_parser("export", help="write the network as GraphML or GEXF (for Gephi, Cytoscape)",
                            description="Write the same graph as the view, as GraphML or GEXF.")
    export.add_argument("-o", "--output", metavar="FILE", required=True, type=Path, help="the file to write")
    export.add_argument("--format", "-F", choices=("graphml", "gexf"), default="graphml")
    selection(export)

    serve = sub.add_parser("serve", help="a read-only SPARQL 1.1 endpoint at /sparql, and a query page at /",
                           description="Serve the graph: SPARQL 1.1 Protocol at /sparql (read-only; queries past "
                                       "--timeout are stopped), a query page at / with 'show as network'.")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    serve.add_argument("--port", type=int, default=7878, help="port (default 7878)")
    serve.add_argument("--timeout", metavar="SECONDS", type=float, default=30.0, help="stop queries running longer (default 30)")
    serve.add_argument("--workers", type=int, default=4, help="query worker processes (default 4)")
    serve.add_argument("--store-dir", metavar="DIR", type=Path, help="keep the store on disk in DIR (default: a temporary folder)")

    push = sub.add_parser("push", help="put the ontology and every named graph into an existing triplestore",
                          description="Validate and build, then replace each named graph on the server in one "
                                      "request (all or nothing per graph), and check the counts there.")
    push.add_argument("--endpoint", metavar="QUERY_URL", required=True, help="the store's SPARQL query endpoint")
    push.add_argument("--update-endpoint", metavar="UPDATE_URL", required=True, help="the store's SPARQL update endpoint")
    push.add_argument("--store", metavar="GSP_URL", help="the store's Graph Store Protocol endpoint (used for PUT when given)")
    push.add_argument("--timeout", metavar="SECONDS", type=float, default=300.0, help="per request (default 300)")
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


def _read_query(args) -> tuple[str, str]:
    """The ad-hoc query text and where it came from."""
    if bool(args.text) == bool(args.file):
        raise TKGError("sparql: give the query as QUERY or with -f FILE (one of them)")
    if args.text:
        return args.text, "query"
    if args.file == "-":
        return sys.stdin.read(), "stdin"
    try:
        return Path(args.file).read_text(encoding="utf-8"), args.file
    except (OSError, UnicodeDecodeError) as exc:
        raise TKGError(f"-f {args.file}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None


def _stopped(failed: ValidationFailed, command: str, consequence: str) -> int:
    """Print the problems that stopped a command, and what was therefore not done."""
    for problem in failed.problems:
        print(problem)
    print(f"{command} stopped: {len(failed.problems)} problem(s); {consequence}", file=sys.stderr)
    return failed.exit_code


def _network(args, project):
    """The networkx graph that ``view`` and ``export`` show."""
    from . import view as views
    from .store import LocalStore, QuerySyntaxError, RemoteStore, local_dataset
    from .load import load_project

    chosen = [name for name in ("cls", "article", "focus", "query") if getattr(args, name)]
    if len(chosen) > 1:
        raise TKGError("choose one of --class, --article, --focus, --query")
    if args.endpoint:
        store = RemoteStore(args.endpoint, args.timeout)
        dataset = views.fetch(store)
    else:
        dataset = local_dataset(load_project(project))
        store = LocalStore(dataset, args.engine)
    if args.query:
        try:
            text = Path(args.query).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise TKGError(f"--query {args.query}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
        try:
            result = store.query(text)
        except QuerySyntaxError as exc:
            raise exc.named(args.query) from None
        return views.from_result(dataset, result)
    return views.select(dataset, cls=args.cls, article=args.article, focus=args.focus, depth=args.depth)


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    from .paths import find_project

    corpus = Path(args.corpus).resolve() if args.corpus else None
    if args.command in ("query", "sparql", "view", "export") and args.endpoint:
        project = find_project(args.project) if args.command == "query" else None
    else:
        project = find_project(args.project)

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
            return _stopped(failed, "build", "nothing written")
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
    if args.command == "new-article":
        from .articles import in_corpus, new_article

        path = new_article(project, args.file, args.published, args.title)
        print(f"wrote {project.display(path)}")
        if not in_corpus(project, args.file):
            from .paths import corpus_dir

            print(f"note: {args.file.name} is not in the corpus folder {corpus_dir(project)}; put it there "
                  f"(or set TKG_CORPUS) so that validate can check the evidence")
        return 0
    if args.command == "extract":
        from collections import Counter

        from .extract import extract_file
        from .load import load_project

        candidates = extract_file(load_project(project), args.file, args.published, args.output, args.title)
        kinds = Counter(c.kind for c in candidates)
        print(f"wrote {args.output}: " + (", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) or "no candidates"))
        return 0
    if args.command == "docs":
        from .docs import write_docs
        from .load import load_project

        print(f"wrote {write_docs(load_project(project), project, args.output)}")
        return 0
    if args.command == "queries":
        from .queries import discover

        for name, q in discover(project).items():
            params = " ".join(f"{p.name}={p.default or '?'}({p.type})" for p in q.params)
            print(f"{name}  {q.title}" + (f"  [{params}]" if params else ""))
        return 0
    if args.command in ("query", "sparql"):
        from .results import render
        from .store import QuerySyntaxError, open_store

        store = open_store(project, args.endpoint, args.timeout, args.engine, args.store_dir)
        if args.command == "query":
            from .queries import get, run as run_query, split_assignments

            result = run_query(store, get(project, args.name), split_assignments(args.param))
        else:
            text, source = _read_query(args)
            try:
                result = store.query(text)
            except QuerySyntaxError as exc:
                raise exc.named(source) from None
        sys.stdout.write(render(result, args.format, store))
        return 0
    if args.command in ("view", "export"):
        from . import view as views

        network = _network(args, project)
        if args.command == "export":
            views.export(network, args.output, args.format)
        else:
            views.write_page(views.to_pyvis(network, args.title), args.output)
        print(f"wrote {args.output} ({network.number_of_nodes()} nodes, {network.number_of_edges()} edges)")
        return 0
    if args.command == "serve":
        from .serve import make_server

        server = make_server(project, args.host, args.port, args.timeout, args.workers, args.store_dir)
        print(f"serving {server.url}/sparql (query page: {server.url}/); Ctrl-C stops", flush=True)
        try:
            server.http.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.close()
        return 0
    if args.command == "push":
        from .build import validated
        from .remote import push

        try:
            _, loaded = validated(project, corpus)
        except ValidationFailed as failed:
            return _stopped(failed, "push", "nothing sent")
        pushed = push(loaded.dataset, args.endpoint, args.update_endpoint, args.store, args.timeout,
                      progress=lambda g, n: print(f"pushing <{g}> ({n} triples)", flush=True))
        print(f"pushed {len(pushed)} graphs, {sum(p.triples for p in pushed)} triples; counts on the server match")
        return 0
    raise AssertionError(args.command)


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point."""
    try:
        code = run(argv)
    except TKGError as error:
        print(f"transition-kg: {error}", file=sys.stderr)
        code = error.exit_code
    except KeyboardInterrupt:
        print("transition-kg: interrupted", file=sys.stderr)
        code = 130
    sys.exit(code)
