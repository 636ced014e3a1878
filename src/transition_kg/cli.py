"""The ``transition-kg`` command: a table of commands, one function each, its arguments
declared beside it. :func:`run` parses, and the command finds the project and calls the
library; nothing else happens here.

Errors meant for the user (:class:`~transition_kg.core.errors.TKGError`) print as one line on
stderr, worded in flags (:data:`~transition_kg.core.errors.COMMAND_LINE`), with a non-zero exit;
anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections import namedtuple
from pathlib import Path

from . import __version__
from .core.errors import COMMAND_LINE, TKGError, ValidationFailed, worded
from .core.sparql import FORMATS

TYPE_CHECKING = False  # typing costs a cold start 5 ms; mypy reads this name as typing's
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence


class Command(namedtuple("Command", "name help description arguments run")):
    """A command: its name, one-line help, longer description, arguments (``arg()``) and function."""

    __slots__ = ()


COMMANDS: dict[str, Command] = {}


def arg(*flags: str, **options) -> tuple[tuple[str, ...], dict]:
    """An argument of a command, as ``argparse.add_argument`` takes it."""
    return flags, options


def command(name: str, help: str, *arguments, description: str | None = None):
    """Register the decorated function as the command ``name``."""

    def register(fn: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        COMMANDS[name] = Command(name, help, description or help[0].upper() + help[1:] + ".", tuple(arguments), fn)
        return fn

    return register


def _project(args: argparse.Namespace):
    from .core.paths import find_project

    return find_project(args.project)


def _writable_project(args: argparse.Namespace):
    """The project a command writes into: never the read-only copy the package carries."""
    from .core.files import recover
    from .core.paths import writable

    project = writable(_project(args))
    for name in recover(project.root):  # a change a kill interrupted: undone before anything else
        print(f"note: {name} put back as it was before a change that was interrupted", file=sys.stderr)
    return project


def _cut(text: str, keep: int = 40) -> str:
    """Text on one line, cut to about ``keep`` characters (an error quoting what was typed)."""
    line = " ".join(text.split())
    return line if len(line) <= keep else line[: keep - 1].rstrip() + "…"


def _corpus(args: argparse.Namespace) -> Path | None:
    return Path(args.corpus).resolve() if args.corpus else None


_ROW_FORMATS = ", ".join(f.name for f in FORMATS if f.kind == "rows")
_GRAPH_FORMATS = ", ".join(f.name for f in FORMATS if f.kind == "graph")
FORMAT = arg(
    "--format",
    "-F",
    default="table",
    metavar="FORMAT",
    help=f"table (default), or the W3C results formats {_ROW_FORMATS}; graph results: {_GRAPH_FORMATS} "
    f"(turtle by default)",
)
NO_WRAP = arg(
    "--no-wrap", action="store_true", help="in a table, cut long cells to one line (default: long text wraps)"
)
ENDPOINT = arg("--endpoint", metavar="URL", help="query this SPARQL 1.1 endpoint instead of the embedded store")
USER = arg(
    "--user",
    metavar="NAME",
    help="the endpoint's user; the password from $TKG_ENDPOINT_PASSWORD, ~/.netrc or a "
    "prompt (Basic or Digest, as the server asks)",
)
TIMEOUT = arg(
    "--timeout",
    metavar="SECONDS",
    type=float,
    default=60.0,
    help="stop a query running longer, embedded or remote (default 60)",
)
STORE_DIR = arg(
    "--store-dir",
    metavar="DIR",
    type=Path,
    help="keep the embedded store on disk in DIR (a new or empty folder, or one it made), reused while the "
    "project is unchanged",
)
STORE = (ENDPOINT, USER, TIMEOUT, STORE_DIR)
SELECTION = (
    arg("--class", dest="cls", metavar="CLASS", help="one class (with its neighbours), e.g. City or tkg:Observation"),
    arg(
        "--article",
        metavar="IRI_OR_TITLE",
        help="one article's story (the page opens on it, the others a click away; export writes it alone), "
        "a word of its name or title, e.g. qitaihe",
    ),
    arg("--focus", metavar="IRI", help="the neighbourhood of one node, e.g. tkr:datong"),
    arg("--depth", metavar="N", type=int, default=1, help="hops around --focus, both directions (default 1)"),
    arg("--query", metavar="FILE.rq", help="a CONSTRUCT query's graph, or a SELECT whose IRI columns become nodes"),
    ENDPOINT,
    USER,
    TIMEOUT,
)


# --- checking and building --------------------------------------------------------------------


@command(
    "validate",
    "check syntax, vocabulary, SHACL shapes, evidence spans and quality queries",
    arg(
        "--require-texts",
        action="store_true",
        help="an article whose text is not in the corpus is a problem (default: its evidence is skipped, with a note)",
    ),
    description="Check syntax and file layout, vocabulary, SHACL shapes, evidence spans and the quality-check "
    "queries; one line per problem.",
)
def validate_command(args: argparse.Namespace) -> int:
    from .core.validate import validate

    report, _ = validate(_project(args), _corpus(args), args.require_texts)
    for problem in report.problems:
        print(problem)
    for note in report.notes:
        print(f"note: {note}")
    print(report.summary())
    return 0 if report.ok else 1


@command(
    "anchor",
    "give evidence written by its words (TextQuoteSelector) its offsets",
    arg("files", nargs="*", type=Path, metavar="FILE", help="graph files (default: every file under graph/)"),
    arg(
        "--mentions",
        action="store_true",
        help="also write a mention, found by its labels, for each entity an article uses but does not mention",
    ),
    description="Find the exact words of every quote-only evidence in its article's text and write the "
    "TextPositionSelector in place; words found twice need oa:prefix or oa:suffix. With --mentions, "
    "each entity an article uses without a tkg:Mention gets one where the text first writes its label.",
)
def anchor_command(args: argparse.Namespace) -> int:
    from .grow.anchor import anchor, mention_missing

    written, problems = anchor(_writable_project(args), _corpus(args), args.files or None)
    for problem in problems:
        print(problem)
    for path, count in written:
        print(f"anchored {count} span{'s' if count != 1 else ''} in {path}")
    if args.mentions and not problems:
        added, missing = mention_missing(_writable_project(args), _corpus(args))
        for problem in missing:
            print(problem)
        for path, count in added:
            print(f"mentioned {count} entit{'ies' if count != 1 else 'y'} in {path}")
        written += added
        problems += missing
    if not written and not problems:
        print(
            "nothing to anchor: every evidence has its offsets"
            + (" and every entity used is mentioned" if args.mentions else "")
        )
    return 1 if problems else 0


@command(
    "promote",
    "write the reviewed candidates of a draft into the article's graph, in the house style",
    arg("draft", type=Path, metavar="DRAFT", help="the draft extract wrote, reviewed"),
    arg(
        "reviews",
        type=Path,
        nargs="*",
        metavar="REVIEW",
        help="files of statements about the draft's candidates (accepted status, indicator, speaker, ...)",
    ),
    arg("--only", nargs="+", metavar="ID", default=None, help="promote these candidates (else the accepted ones)"),
    description='Write each accepted candidate (tkg:candidateStatus "accepted", or named by --only) as an '
    "observation, quote or mention with its evidence into its article's graph, resolving units and "
    "qualifiers against the ontology; what cannot be resolved, or would not validate, is refused "
    "with the reason and nothing is written.",
)
def promote_command(args: argparse.Namespace) -> int:
    from .grow.promote import promote

    written, problems, already = promote(_writable_project(args), args.draft, args.only, args.reviews)
    for problem in problems:
        print(problem)
    for name in written:
        print(f"promoted {name}")
    for name in already:
        print(f"{name} is in the graph already: not written again")
    return 1 if problems else 0


@command(
    "build",
    "validate, then write build/transition-kg.nq and .trig with inferred triples",
    arg("--out", metavar="DIR", type=Path, help="output folder (default: PROJECT/build)"),
    description="Validate, add inferred triples, write N-Quads and TriG atomically, print counts.",
)
def build_command(args: argparse.Namespace) -> int:
    from .core.build import build

    try:
        report, stats, written = build(
            _writable_project(args) if args.out is None else _project(args), args.out, _corpus(args)
        )
    except ValidationFailed as failed:
        return _stopped(failed, "build", "nothing written")
    for note in report.notes:
        print(f"note: {note}")
    _print_stats(stats)
    for path in written:
        print(f"wrote {path}")
    return 0


@command("stats", "print counts per class and per article")
def stats_command(args: argparse.Namespace) -> int:
    from .core.load import load
    from .core.stats import stats

    _print_stats(stats(load(_project(args))))
    return 0


@command(
    "docs",
    "write browsable HTML documentation of the ontology",
    arg("-o", "--output", metavar="DIR", required=True, type=Path, help="the folder to write into"),
    description="Write DIR/index.html: every class and property with label, comment, super/sub terms, "
    "domain/range, SHACL constraints, instance counts, and a class diagram.",
)
def docs_command(args: argparse.Namespace) -> int:
    from .core.load import load
    from .see.docs import write_docs

    print(f"wrote {write_docs(load(_project(args)), args.output)}")
    return 0


# --- adding articles ---------------------------------------------------------------------------


@command(
    "init",
    "start a project of your own: copy the ontology, graph and queries into DIR",
    arg("folder", metavar="DIR", type=Path, help="a new or empty folder"),
    description="Copy ontology/, graph/ and queries/ of the current project (or of the graph the package "
    "carries) into DIR, to extend them there, and the registered articles' texts that the corpus holds into "
    "DIR/texts/ (where validate and new-article then find them).",
)
def init_command(args: argparse.Namespace) -> int:
    from .core.load import load
    from .core.paths import TEXTS, corpus_dir, init
    from .core.texts import copy_texts

    source = _project(args)
    for folder in init(args.folder, source):
        print(f"wrote {folder}/")
    corpus = _corpus(args) or corpus_dir(source)
    copied, missing = copy_texts(load(source), corpus, args.folder.resolve() / TEXTS)
    if copied:
        print(f"copied {len(copied)} article text(s) into {args.folder.resolve() / TEXTS}/")
    for name in missing:
        print(f"note: the text {name} is not in {corpus}: its evidence is skipped until you put it in {TEXTS}/")
    print(
        f"a project of your own is ready in {args.folder.resolve()} (copied from {source.root}); run the commands "
        f"there, or give --project {args.folder}"
    )
    return 0


ARTICLE_FILE = arg("file", metavar="FILE", type=Path, help="the article's text file (UTF-8)")


@command(
    "new-article",
    "register an article: identifier, sha256, date, a graph file to fill",
    ARTICLE_FILE,
    arg("--published", metavar="YYYY-MM-DD", required=True, help="the publication date"),
    arg("--title", help="the title (default: the file's first line)"),
    description="Write graph/articles/SLUG.trig registering the article, ready to fill with facts; a file not yet "
    "in the corpus folder is copied there (where validate reads the texts).",
)
def new_article_command(args: argparse.Namespace) -> int:
    from .core.paths import corpus_dir
    from .grow.articles import in_corpus, new_article

    project = _writable_project(args)
    copied = not in_corpus(project, args.file, _corpus(args))
    path = new_article(project, args.file, args.published, args.title, _corpus(args))
    if copied:
        print(f"copied {args.file.name} into the corpus folder {_corpus(args) or corpus_dir(project)}")
    print(f"wrote {project.display(path)} in the project {project.root}")
    return 0


@command(
    "extract",
    "propose candidate facts from article text, as a draft to review",
    ARTICLE_FILE,
    arg(
        "--published",
        metavar="YYYY-MM-DD",
        help="the date relative dates are resolved against (default: the date new-article registered it with)",
    ),
    arg("-o", "--output", metavar="DRAFT.trig", required=True, type=Path, help="the draft to write"),
    arg("--title", help="the article's title (default: the file name)"),
    arg("--force", action="store_true", help="replace DRAFT.trig if it exists"),
    description="Write DRAFT.trig with candidate mentions, numbers, dates and quotes, each with offsets and "
    "exact words. graph/ is never changed.",
)
def extract_command(args: argparse.Namespace) -> int:
    from collections import Counter

    from .core.load import load
    from .grow.extract import extract_file

    candidates = extract_file(load(_project(args)), args.file, args.published, args.output, args.title, args.force)
    kinds = Counter(c.kind for c in candidates)
    print(f"wrote {args.output}: " + (", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) or "no candidates"))
    return 0


# --- asking ------------------------------------------------------------------------------------


@command(
    "queries",
    "list the named queries with their titles and parameters",
    description="List the named queries (queries/*.rq) with their titles and parameters.",
)
def queries_command(args: argparse.Namespace) -> int:
    from .core.named import discover

    for name, q in discover(_project(args)).items():
        params = " ".join(f"{p.name}={p.default or '?'}({p.type})" for p in q.params)
        print(f"{name}  {q.title}" + (f"  [{params}]" if params else ""))
    return 0


@command(
    "prefixes",
    "list the prefixes every query knows without declaring them",
    description="List the built-in prefixes: every query (CLI, Python, the endpoint, and those sent to a remote "
    "store) may use them without a PREFIX line; a query's own PREFIX wins.",
)
def prefixes_command(args: argparse.Namespace) -> int:
    from .core.vocab import PREFIXES

    width = max(len(p) for p in PREFIXES) + 1
    for prefix, iri in PREFIXES.items():
        print(f"{prefix + ':':<{width}}  {iri}")
    return 0


@command(
    "query",
    "run a named query",
    arg("name", metavar="NAME", help="the query's name (see: transition-kg queries)"),
    arg(
        "--param",
        "-p",
        metavar="KEY=VALUE",
        action="append",
        default=[],
        help="a parameter; an IRI may be a prefixed name such as tkr:datong",
    ),
    arg(
        "--no-labels",
        dest="labels",
        action="store_false",
        help="leave out the label column written after each IRI column (?city ?cityLabel)",
    ),
    FORMAT,
    NO_WRAP,
    *STORE,
    description="Run a named query; parameters not given take their defaults. Rows have a label column after "
    "each IRI column, so a spreadsheet reads them.",
)
def query_command(args: argparse.Namespace) -> int:
    from .ask.queries import prepare, split_assignments
    from .core.named import get
    from .core.sparql import QuerySyntaxError
    from .core.store import open_store

    project = _project(args)
    if any(c.isspace() or c in "{}?" for c in args.name):  # a newcomer's own SPARQL, given where a name goes
        from .core.errors import QueryError

        raise QueryError(
            f"{_cut(args.name)!r} is SPARQL, not a query's name: run your own with transition-kg sparql '…' "
            "(no PREFIX or GRAPH needed); transition-kg queries lists the named ones"
        )
    named = get(project, args.name)
    store = open_store(project, args.endpoint, args.timeout, args.store_dir, args.user)
    notes: list[str] = []
    text = prepare(named, split_assignments(args.param), store, notes)
    try:
        return _answer(args, store, text, args.labels, notes)
    except QuerySyntaxError as exc:
        raise exc.named(str(named.path)) from None


@command(
    "sparql",
    "run your own SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE)",
    arg("text", metavar="QUERY", nargs="?", help="the query text"),
    arg("-f", "--file", metavar="FILE", help="read the query from FILE (- for standard input)"),
    arg("--labels", action="store_true", help="add a label column after each IRI column (?city ?cityLabel)"),
    FORMAT,
    NO_WRAP,
    *STORE,
    description="Run a SPARQL query given as text or in a file (-f FILE, - for stdin).",
)
def sparql_command(args: argparse.Namespace) -> int:
    from .core.sparql import QuerySyntaxError

    text, source = _read_query(args)
    try:
        from .core.store import open_store

        store = open_store(args.project, args.endpoint, args.timeout, args.store_dir, args.user)
        return _answer(args, store, text, args.labels)
    except QuerySyntaxError as exc:
        raise exc.named(source) from None


def _answer(args: argparse.Namespace, store, text: str, labels: bool, notes: list[str] | None = None) -> int:
    """Ask the store and print the answer in ``--format`` (SELECT rows with label columns
    when ``labels``); an empty answer is followed by the hints (``notes``, then the store's)."""
    from .core.sparql import answer_kind, as_answer, query_form, read, result_format, serialize, with_labels

    if not args.timeout > 0:
        raise TKGError("give a number of seconds above 0", option="timeout", value=args.timeout)

    empty = []  # set when the answer has no rows: then the hints are said

    def work() -> bytes:
        if args.format == "trig" and query_form(text) == "DESCRIBE":
            raw = store.describe(text, by_graph=True)  # TriG can say which graph states what
        else:
            raw = store.answer(text)
        kind = answer_kind(raw)
        if kind == "GRAPH":
            fmt = result_format("turtle" if args.format == "table" else args.format, "graph")
            return serialize(raw, fmt)
        result = read(raw)  # rows are read once: a SELECT's raw answer is an iterator
        if not result.rows and not result.boolean:
            empty.append(True)
        if args.format == "table":
            import shutil

            from .ask.table import to_table

            # fitted to a terminal (or $COLUMNS); written whole into a pipe or a file
            columns = (
                shutil.get_terminal_size((100, 24)).columns if sys.stdout.isatty() or "COLUMNS" in os.environ else 10**6
            )
            return to_table(result, store.labels(result), columns, wrap=not args.no_wrap).encode("utf-8")
        fmt = result_format(args.format, "rows")
        if kind == "SELECT":
            raw = as_answer(with_labels(result, store.labels(result)) if labels else result)
        return serialize(raw, fmt)

    out = store.within(work, args.timeout)
    sys.stdout.flush()
    sys.stdout.buffer.write(out)
    if empty:
        sys.stdout.flush()
        for hint in (notes or []) + store.within(lambda: store.hints(text), args.timeout):
            print(f"hint: {hint}", file=sys.stderr)
    return 0


def _read_query(args: argparse.Namespace) -> tuple[str, str]:
    """The ad-hoc query text and where it came from."""
    from .core.files import read_text

    if bool(args.text) == bool(args.file):
        raise TKGError("sparql: give the query as QUERY or with -f FILE (one of them)")
    if args.text:
        return args.text, "query"
    if args.file == "-":
        return sys.stdin.read(), "stdin"
    return read_text(Path(args.file), f"-f {args.file}"), args.file


# --- pictures ----------------------------------------------------------------------------------


@command(
    "view",
    "write the interactive network page (offline HTML)",
    arg("-o", "--output", metavar="FILE.html", required=True, type=Path, help="the page to write"),
    arg("--title", default="transition-kg", help="the page's title"),
    arg(
        "--with-sparql",
        action="store_true",
        help="add a Query tab answered by a SPARQL store inside the page (Oxigraph's WebAssembly build, "
        "fetched once from the npm registry: needs npm)",
    ),
    *SELECTION,
    description="Write the network page of the whole graph or a part of it: one HTML file that loads nothing "
    "from the network. With --with-sparql it also holds every quad of the project and answers SPARQL itself.",
)
def view_command(args: argparse.Namespace) -> int:
    _without_collector()
    from .core.paths import corpus_dir
    from .see.view import page_of, write_page

    network, store = _network(args)
    page_store = None
    if args.with_sparql:
        from .ask.workbench import page_store as made

        page_store = made(_project(args), store)
    page = page_of(network, args.title, corpus=_corpus(args) or corpus_dir(_project(args)))
    write_page(page, args.output, page_store)
    asks = f", {page_store.data['quads']:,} quads to query" if page_store else ""
    print(f"wrote {args.output} ({network.number_of_nodes()} nodes, {network.number_of_edges()} edges{asks})")
    return 0


@command(
    "export",
    "write the network as GraphML or GEXF (for Gephi, Cytoscape)",
    arg("-o", "--output", metavar="FILE", required=True, type=Path, help="the file to write"),
    arg("--format", "-F", choices=("graphml", "gexf"), default="graphml"),
    *SELECTION,
    description="Write the same graph as the view, as GraphML or GEXF.",
)
def export_command(args: argparse.Namespace) -> int:
    _without_collector()
    from .see.graph import alone
    from .see.view import export

    network, _ = _network(args)
    network = alone(network)  # a story alone
    export(network, args.output, args.format)
    print(f"wrote {args.output} ({network.number_of_nodes()} nodes, {network.number_of_edges()} edges)")
    return 0


def _without_collector() -> None:
    """Pause Python's cycle collector for the rest of a command that makes a page or a file and
    exits: its passes over the many small objects of the imports, the catalogue and the cards
    (which hold no cycles to free) took nearly a tenth of ``view``'s time."""
    import gc

    gc.disable()


def _network(args: argparse.Namespace):
    """The graph that ``view`` and ``export`` show (the view's own, not networkx's), and the store it is of."""
    from .core.files import read_text
    from .core.sparql import QuerySyntaxError
    from .core.store import open_store
    from .see.view import from_result, select

    chosen = [name for name in ("cls", "article", "focus", "query") if getattr(args, name)]
    if len(chosen) > 1:
        raise TKGError("choose one of --class, --article, --focus, --query")
    store = open_store(args.project, args.endpoint, args.timeout, user=args.user)
    if args.query:
        text = read_text(Path(args.query), f"--query {args.query}")
        try:
            return from_result(store, store.query(text)), store
        except QuerySyntaxError as exc:
            raise exc.named(args.query) from None
    return select(store, cls=args.cls, article=args.article, focus=args.focus, depth=args.depth), store


@command(
    "review",
    "review a draft on a page: its candidates with their proposals, accepted or changed in clicks",
    arg("draft", type=Path, metavar="DRAFT", help="the draft extract wrote"),
    arg("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)"),
    arg("--port", type=int, default=7879, help="port (default 7879)"),
    description="Serve the review page of DRAFT: the article with its candidates marked and the queue "
    "of their proposals; decisions are kept in DRAFT.review.trig beside it, and Save promotes them "
    "(then anchors and validates: nothing is written to graph/ unless the result validates).",
)
def review_command(args: argparse.Namespace) -> int:
    from .ask.serve import make_page_server
    from .grow.review import open_session, routes
    from .see.review import render_review

    session = open_session(_writable_project(args), args.draft, render_review, _corpus(args))  # type: ignore[arg-type]
    server = make_page_server(routes(), {"review": session}, args.host, args.port)
    return _serve(server, f"reviewing {args.draft} at {server.url}/ (decisions in {session.review}); Ctrl-C stops")


def _serve(server, said: str) -> int:
    """Serve until Ctrl-C or SIGTERM (from the moment it says it serves), then close."""
    import signal

    signal.signal(signal.SIGTERM, lambda *_: server.stop())
    print(said, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    return 0


# --- serving and pushing -------------------------------------------------------------------------


@command(
    "serve",
    "a read-only SPARQL 1.1 endpoint at /sparql, and a query page at /",
    arg("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)"),
    arg("--port", type=int, default=7878, help="port (default 7878)"),
    arg("--timeout", metavar="SECONDS", type=float, default=30.0, help="stop queries running longer (default 30)"),
    arg("--workers", type=int, default=4, help="query worker processes (default 4)"),
    arg("--store-dir", metavar="DIR", type=Path, help="keep the store on disk in DIR (default: a temporary folder)"),
    arg(
        "--allow-service",
        metavar="HOST",
        action="append",
        default=[],
        help="let SERVICE clauses call this host (repeatable; default: none, the endpoint sends no request)",
    ),
    arg(
        "--per-client",
        metavar="N",
        type=int,
        help="queries one client may run at once (default: one less than --workers)",
    ),
    arg(
        "--memory",
        metavar="MB",
        type=int,
        default=2048,
        help="memory one query may take in its worker (default 2048); the server takes at most --workers times it",
    ),
    description="Serve the graph: SPARQL 1.1 Protocol at /sparql (read-only; queries past --timeout are "
    "stopped), a query page at / with 'show as network'.",
)
def serve_command(args: argparse.Namespace) -> int:
    from .ask.serve import make_server

    project = _project(args)
    server = make_server(
        project,
        args.host,
        args.port,
        args.timeout,
        args.workers,
        args.store_dir,
        tuple(args.allow_service),
        args.per_client,
        args.memory,
        review_pages(project, _corpus(args)),
    )
    return _serve(server, f"serving {server.url}/sparql (query page: {server.url}/); Ctrl-C stops")


def review_pages(project, corpus: Path | None):
    """The review pages of a project's drafts, for ``serve`` to mount at ``/review`` (none for
    the read-only graph the package carries)."""
    from .ask.serve import Pages
    from .core.errors import ProjectNotFound
    from .core.paths import writable

    try:
        writable(project)
    except ProjectNotFound:
        return None

    def make() -> tuple[list, dict]:  # on the first request for them (Starlette, the templates)
        from .grow.review import Drafts, routes
        from .see.review import render_drafts, render_review

        drafts = Drafts(project, render_review, render_drafts, corpus)  # type: ignore[arg-type]
        return routes("/{draft:path}"), {"drafts": drafts}

    return Pages("/review", make)


@command(
    "push",
    "put the ontology and every named graph into an existing triplestore",
    arg("--endpoint", metavar="QUERY_URL", required=True, help="the store's SPARQL query endpoint"),
    arg("--update-endpoint", metavar="UPDATE_URL", required=True, help="the store's SPARQL update endpoint"),
    arg("--store", metavar="GSP_URL", help="the store's Graph Store Protocol endpoint (used for PUT when given)"),
    arg("--timeout", metavar="SECONDS", type=float, default=300.0, help="per request (default 300)"),
    arg(
        "--prune",
        action="store_true",
        help="also remove the server's graphs of this kind (the ontology's, tkr:…) that the project no longer has",
    ),
    USER,
    description="Validate, then replace each named graph on the server in one request (all or nothing per "
    "graph), and check the counts there.",
)
def push_command(args: argparse.Namespace) -> int:
    from .ask.push import push_to, stale_graphs
    from .core.build import validated
    from .core.store import open_store

    try:
        _, loaded = validated(_project(args), _corpus(args))
    except ValidationFailed as failed:
        return _stopped(failed, "push", "nothing sent")
    store = open_store(
        endpoint=args.endpoint,
        timeout=args.timeout,
        user=args.user,
        update_endpoint=args.update_endpoint,
        graph_store=args.store,
    )

    def said(graph: str, triples: int) -> None:
        print(
            f"removing <{graph}> (the project no longer has it)"
            if triples < 0
            else f"pushing <{graph}> ({triples} triples)",
            flush=True,
        )

    pushed = push_to(store, loaded, progress=said, prune=args.prune)
    print(f"pushed {len(pushed)} graphs, {sum(p.triples for p in pushed)} triples; counts on the server match")
    if not args.prune:
        stale = stale_graphs(store, [p.graph for p in pushed])
        if stale:
            print(
                f"note: the server has {len(stale)} graph(s) the project no longer has (first: <{stale[0]}>); "
                f"--prune removes them"
            )
    return 0


# --- shared printing -----------------------------------------------------------------------------


def _print_stats(stats) -> None:
    print("instances per class:")
    width = max(len(c) for c in stats.classes) if stats.classes else 5
    for cls, n in stats.classes.items():
        print(f"  {cls:<{width}}  {n:>5}")
    print("per article:")
    columns = list(next(iter(stats.articles.values())).keys()) if stats.articles else []
    width = max((len(a) for a in stats.articles), default=7)
    print(f"  {'article':<{width}}  " + "  ".join(f"{c:>12}" for c in columns))
    for article, counts in stats.articles.items():
        print(f"  {article:<{width}}  " + "  ".join(f"{counts[c]:>12}" for c in columns))


def _stopped(failed: ValidationFailed, command: str, consequence: str) -> int:
    """Print the problems that stopped a command, and what was therefore not done."""
    for problem in failed.problems:
        print(problem)
    print(f"{command} stopped: {len(failed.problems)} problem(s); {consequence}", file=sys.stderr)
    return failed.exit_code


class _Formatter(argparse.HelpFormatter):
    """argparse's help, as wide as the terminal: argparse finds the width with ``shutil``,
    whose import (with the compression modules it imports) costs a cold start 2 ms."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width=None) -> None:
        if width is None:
            try:
                columns = int(os.environ["COLUMNS"])
            except (KeyError, ValueError):
                try:
                    columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
                except (AttributeError, ValueError, OSError):
                    columns = 80
            width = (columns if columns > 0 else 80) - 2
        super().__init__(prog, indent_increment, max_help_position, width)


def parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser, made from :data:`COMMANDS` (with ``only``, that command alone:
    building every command's parser costs a cold start about 20 ms)."""
    top = argparse.ArgumentParser(
        prog="transition-kg",
        description="A knowledge graph of how coal cities change, with the source of every fact.",
        formatter_class=_Formatter,
    )
    top.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    top.add_argument(
        "--project",
        metavar="DIR",
        help="project directory with ontology/, graph/, queries/ (default: $TKG_PROJECT, the current "
        "directory, or the checkout the package is installed from)",
    )
    top.add_argument(
        "--corpus",
        metavar="DIR",
        help="folder of article texts for the evidence check (default: $TKG_CORPUS or ../shared/seeds)",
    )
    sub = top.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for cmd in COMMANDS.values() if only is None else [COMMANDS[only]]:
        each = sub.add_parser(cmd.name, help=cmd.help, description=cmd.description, formatter_class=_Formatter)
        for flags, options in cmd.arguments:
            each.add_argument(*flags, **options)
    return top


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parser(_command_named(argv)).parse_args(argv)
    return COMMANDS[args.command].run(args)


def _command_named(argv: list[str]) -> str | None:
    """The command the arguments name (the first word that is not a global option or its
    value), when it is a known one."""
    words = iter(argv)
    for word in words:
        if word in ("--project", "--corpus"):
            next(words, None)
        elif not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point."""
    running = set(threading.enumerate())  # (a caller's own threads are not this run's to end)
    try:
        code = run(argv)
    except TKGError as error:
        print(f"transition-kg: {worded(error, COMMAND_LINE)}", file=sys.stderr)
        code = error.exit_code
    except KeyboardInterrupt:
        print("transition-kg: interrupted", file=sys.stderr)
        code = 130
    except BrokenPipeError:  # the reader (head, less) left: stop quietly, as cat does
        sys.stderr.close()
        code = 141
    store = sys.modules.get(f"{__package__}.core.store")  # imported only by commands that query
    if store and any(t.name == store.QUERY_THREAD and t.is_alive() and t not in running for t in threading.enumerate()):
        # a query stopped by --timeout or Ctrl-C still runs in its thread: end the process now
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)
