"""SPARQL results: the result model, the query form, syntax errors, and the one registry of
result formats.

A store answers a query with a *raw* answer, as pyoxigraph gives it: ``QuerySolutions``
(SELECT), ``QueryBoolean`` (ASK) or a list of ``Triple`` (CONSTRUCT, DESCRIBE). Remote
answers are parsed into the same objects by pyoxigraph's own parsers (:func:`parse_answer`),
so every answer is then handled the same way:

- :func:`serialize` writes it in a W3C format with pyoxigraph's serializers: the one writer
  that the CLI and the endpoint share;
- :func:`read` reads it into a :class:`QueryResult` whose cells are pyoxigraph terms.

:data:`FORMATS` is the one registry of output formats: ``--format`` choices and help, the
endpoint's content negotiation and its service description all come from it.

>>> [f.name for f in FORMATS if f.kind == "rows"]
['json', 'xml', 'csv', 'tsv']
>>> query_form("PREFIX ex: <http://e/select#> # ASK\\nDESCRIBE ex:x")
'DESCRIBE'
"""

from __future__ import annotations

import functools
import re
from collections import namedtuple

from .errors import TKGError
from .vocab import GENID_IRI, PREFIXES, curie

TYPE_CHECKING = False  # typing costs a cold start 5 ms; mypy reads this name as typing's
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator


class QuerySyntaxError(TKGError):
    """A query that does not parse; ``str()`` is ``SOURCE:LINE:COLUMN: syntax error: ...``."""

    def __init__(self, line: int, column: int, message: str, source: str = "query") -> None:
        self.message, self.source = message, source
        super().__init__(f"syntax error: {message}", file=source, line=line, column=column)

    def named(self, source: str) -> QuerySyntaxError:
        """The same error, naming the file the query came from."""
        return QuerySyntaxError(self.line or 1, self.column or 1, self.message, source)


class ResultFormat(namedtuple("ResultFormat", "name media_type kind oxigraph w3c also", defaults=((),))):
    """An output format: its ``--format`` name, media type, whether it carries rows (SELECT,
    ASK) or a graph (CONSTRUCT, DESCRIBE), pyoxigraph's name for it, the W3C format IRI the
    service description names, and other media types that ask for it."""

    __slots__ = ()

    @property
    def w3c_iri(self) -> str:
        return f"http://www.w3.org/ns/formats/{self.w3c}"


FORMATS: tuple[ResultFormat, ...] = (
    ResultFormat(
        "json", "application/sparql-results+json", "rows", "JSON", "SPARQL_Results_JSON", ("application/json",)
    ),
    ResultFormat("xml", "application/sparql-results+xml", "rows", "XML", "SPARQL_Results_XML", ("application/xml",)),
    ResultFormat("csv", "text/csv", "rows", "CSV", "SPARQL_Results_CSV"),
    ResultFormat("tsv", "text/tab-separated-values", "rows", "TSV", "SPARQL_Results_TSV"),
    ResultFormat("turtle", "text/turtle", "graph", "TURTLE", "Turtle", ("application/x-turtle",)),
    ResultFormat("nt", "application/n-triples", "graph", "N_TRIPLES", "N-Triples"),
    ResultFormat("jsonld", "application/ld+json", "graph", "JSON_LD", "JSON-LD"),
    ResultFormat("rdfxml", "application/rdf+xml", "graph", "RDF_XML", "RDF_XML"),
    ResultFormat("trig", "application/trig", "graph", "TRIG", "TriG"),
)
DEFAULT = {"rows": "json", "graph": "turtle"}


def result_format(name: str, kind: str) -> ResultFormat:
    """The format called ``name`` for a result of ``kind`` ("rows" or "graph"), or a one-line error."""
    for fmt in FORMATS:
        if fmt.name == name and fmt.kind == kind:
            return fmt
    what = "rows" if kind == "rows" else "a graph result"
    choices = ", ".join(f.name for f in FORMATS if f.kind == kind)
    also = " or table" if kind == "rows" else ""
    raise TKGError(f"{what} can be written as {choices}{also}", option="format", value=name)


def by_media_type(media_type: str) -> ResultFormat | None:
    """The format a media type names (its own or one of its other names)."""
    media_type = media_type.split(";")[0].strip().lower()
    return next((f for f in FORMATS if media_type == f.media_type or media_type in f.also), None)


# --- the query form ------------------------------------------------------------------------------

# the patterns that read a query's text, by name: (source, flags), each compiled when first used
# (a command compiles only those it reads: all of them cost a cold start 3 ms)
_SCANNERS: dict[str, tuple[str, int]] = {
    "blanks": (
        r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
        r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>'
        # an escaped character of a prefixed name (PN_LOCAL_ESC, as in ex:a\#) is part of the name,
        # not a comment's start: a comment hid what followed it from the scans (SERVICE, nesting)
        r"|\\[_~.\-!$&'()*+,;=/?#@%]|#[^\n]*",
        re.S,
    ),
    "form": (r"(?<![\w:?$])(SELECT|CONSTRUCT|DESCRIBE|ASK)(?![\w:])", re.I),
    "prefixed": (r"(?<![\w?$:#/.<@-])((?:[A-Za-z][\w.-]*)?):(?=[\w%\\]|\s|[;,.)\]}]|$)", 0),
    "declared": (r"(?<![\w:])PREFIX\s+((?:[A-Za-z][\w.-]*)?):", re.I),
    "dataset": (r"(?<![\w:?$])FROM(?![\w:])", re.I),
    "star": (r"^\s*SELECT\s+(?:(?:DISTINCT|REDUCED)\s+)?(\*)", re.I),
    "prologue": (r"(?:PREFIX\s+[\w.-]*:\s*|BASE\s*)\s*", re.I),
    "variable": (r"[?$]([A-Za-z_0-9\u00B7-\uFFFF]+)", 0),
    "service": (r"(?<![\w:?$])SERVICE(?![\w:])(\s+SILENT(?![\w:]))?", re.I),
}


@functools.cache
def scanner(name: str) -> re.Pattern[str]:
    """The pattern :data:`_SCANNERS` names, compiled (once)."""
    source, flags = _SCANNERS[name]
    return re.compile(source, flags)


@functools.lru_cache(maxsize=16)
def blank_out(text: str) -> str:
    """The query with comments, strings and IRIs blanked out (same length), for scanning.
    (Cached: running one query reads its text several ways.)"""
    return scanner("blanks").sub(lambda m: " " * len(m.group(0)), text)


def query_form(sparql: str) -> str | None:
    """SELECT, CONSTRUCT, DESCRIBE or ASK: the query's first form keyword, read without
    parsing or running anything (None when there is none: not a query)."""
    match = scanner("form").search(blank_out(sparql))
    return match.group(1).upper() if match else None


MAX_NESTING = 200  # groups and brackets: Oxigraph's parser recurses, and overflows its stack near 3,000
_OPENING = "{(["


def check_shape(sparql: str) -> None:
    """Refuse, before any parser sees it, a query nested deeper than :data:`MAX_NESTING`."""
    text = blank_out(sparql)
    if sum(map(text.count, _OPENING)) <= MAX_NESTING:  # never deeper than the brackets it opens: no walk
        return
    depth = 0
    for bracket in re.finditer(r"[{}()\[\]]", text):
        i, char = bracket.start(), bracket.group(0)
        if char in _OPENING:
            depth += 1
            if depth > MAX_NESTING:
                line = sparql.count("\n", 0, i) + 1
                column = i - (sparql.rfind("\n", 0, i) + 1) + 1
                raise QuerySyntaxError(line, column, f"nested more than {MAX_NESTING} levels deep")
        else:
            depth -= 1


def prefixes_used(sparql: str) -> tuple[set[str], set[str]]:
    """The prefixes a query uses and those it declares, read from its text."""
    text = blank_out(sparql)
    declared = set(scanner("declared").findall(text))
    return set(scanner("prefixed").findall(text)) - {""} | (
        {""} if re.search(r"(?<![\w?$:#/.<@-]):\w", text) else set()
    ), declared


def unknown_prefix(sparql: str, known) -> str | None:
    """The first prefix the query uses that it does not declare and ``known`` lacks."""
    used, declared = prefixes_used(sparql)
    missing = sorted(used - declared - set(known))
    return missing[0] if missing else None


def with_prefixes(sparql: str, prefixes: dict[str, str]) -> str:
    """The query with ``PREFIX`` lines for the ``prefixes`` it uses but does not declare (for a
    store that knows none), on its first line so line numbers stay the same."""
    used, declared = prefixes_used(sparql)
    wanted = [p for p in prefixes if p in used and p not in declared]
    return "".join(f"PREFIX {p}: <{prefixes[p]}> " for p in wanted) + sparql


def _keywords(pattern: re.Pattern, sparql: str, word: str) -> Iterator[re.Match]:
    """The matches of ``pattern`` (a keyword, case-insensitive, beginning with ``word`` in lower
    case) in the blanked query. In ASCII text the pattern is tried only where the word begins
    (found by ``str.find``): a case-insensitive pattern searched tries every character, 60 µs
    on a named query, each request."""
    text = blank_out(sparql)
    if not text.isascii():
        yield from pattern.finditer(text)
        return
    lowered = text.lower()
    at = lowered.find(word)
    while at >= 0:
        match = pattern.match(text, at)
        if match:
            yield match
        at = lowered.find(word, match.end() if match else at + 1)


def names_a_dataset(sparql: str) -> bool:
    """Whether the query chooses its own dataset (FROM or FROM NAMED)."""
    return next(_keywords(scanner("dataset"), sparql, "from"), None) is not None


def star_in_order(sparql: str, variables: list[str]) -> str | None:
    """For ``SELECT *``, the query with the star replaced by ``variables`` in the order they
    first appear in the query (None when it is not a SELECT * or the order is already that)."""
    if "*" not in sparql:  # no star, no SELECT *: the common case, read at no cost
        return None
    text = blank_out(sparql)
    prologue_end = 0
    for match in scanner("prologue").finditer(text):
        if text[prologue_end : match.start()].strip():
            break
        prologue_end = match.end()
    star = scanner("star").match(text[prologue_end:])
    if not star:
        return None
    first: dict[str, int] = {}
    for match in scanner("variable").finditer(text):
        first.setdefault(match.group(1), match.start())
    ordered = sorted(variables, key=lambda v: first.get(v, len(text)))
    if ordered == variables:
        return None
    at = prologue_end + star.start(1)
    return sparql[:at] + " ".join(f"?{v}" for v in ordered) + sparql[at + 1 :]


def services(sparql: str) -> list[str | None]:
    """The endpoints a query's SERVICE clauses name: an IRI, or None where it is not written
    as ``<IRI>`` (a variable or a prefixed name)."""
    found: list[str | None] = []
    for match in _keywords(scanner("service"), sparql, "service"):
        rest = sparql[match.end() :].lstrip()
        iri = re.match(r"<([^<>\s]*)>", rest)
        found.append(iri.group(1) if iri else None)
    return found


def scanners() -> dict[str, tuple[str, str]]:
    """The patterns that read a query's text here (blanking, its form, FROM, SERVICE, PREFIX), as
    ``(source, flags)`` for JavaScript, so a page's store reads a query as the library does."""
    names = ("blanks", "form", "dataset", "service", "declared", "star", "prologue", "variable")
    return {
        name: (
            _SCANNERS[name][0],
            ("i" if _SCANNERS[name][1] & re.I else "") + ("s" if _SCANNERS[name][1] & re.S else ""),
        )
        for name in names
    }


def unknown_prefix_message(prefix: str) -> str:
    """``unknown prefix "foo:" (known: tkg, tkr, …)``."""
    return f'unknown prefix "{prefix}:" (known: {", ".join(PREFIXES)}; or declare it: PREFIX {prefix}: <...>)'


def syntax_error(exc: SyntaxError, sparql: str, source: str = "query") -> QuerySyntaxError:
    """A one-line QuerySyntaxError for a query Oxigraph rejected ("error at LINE:COL: …")."""
    match = re.match(r"error at (\d+):(\d+): (.*)", exc.msg or str(exc), re.S)
    if not match:
        return QuerySyntaxError(1, 1, " ".join(str(exc).split())[:200], source)
    message = " ".join(match.group(3).split())
    line, column = int(match.group(1)), int(match.group(2))
    if message.startswith("expected one of Prefix not found"):
        lines = sparql.splitlines()
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        names = [m for m in re.finditer(r"(?<![\w:<#?$/.-])(?:[A-Za-z][\w.-]*)?:(?!/)", text) if m.start() < column]
        if names:
            message, column = unknown_prefix_message(names[-1].group(0)[:-1]), names[-1].start() + 1
    else:
        line, column, message = _for_people(sparql, line, column, message)
    return QuerySyntaxError(line, column, message if len(message) <= 160 else message[:159] + "…", source)


FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
_TERM_STARTS = {'"?"', '"$"', '"<"', '":"'}


def _for_people(sparql: str, line: int, column: int, message: str) -> tuple[int, int, str]:
    r"""A parser's message said in words: what was found where, and what would fit there.

    >>> _for_people("SELEC ?c WHERE { ?c ?p ?o }", 1, 10, "expected CONSTRUCT")[2]
    "found 'SELEC': a query starts with SELECT, ASK, CONSTRUCT or DESCRIBE (did you mean SELECT?)"
    >>> _for_people("SELECT ?c WHERE {\n  ?c a tkg:City ", 2, 17, 'expected one of ",", ".", "}"')
    (2, 17, "found the end of the query: the '{' opened at line 1, column 17 is not closed (add '}')")
    """
    import difflib

    if query_form(sparql) is None:
        first = re.search(r"[A-Za-z]+", blank_out(sparql))
        if first:
            before = sparql[: first.start()]
            line, column = before.count("\n") + 1, first.start() - (before.rfind("\n") + 1) + 1
            guess = difflib.get_close_matches(first.group(0).upper(), FORMS, n=1)
            mean = f" (did you mean {guess[0]}?)" if guess else ""
            return (
                line,
                column,
                f"found '{first.group(0)}': a query starts with SELECT, ASK, CONSTRUCT or DESCRIBE{mean}",
            )
    lines = sparql.split("\n")
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    rest = "\n".join([text[column - 1 :], *lines[line:]]).strip()
    if not rest:
        found = "the end of the query"
    elif not text[column - 1 :].strip():
        found = f"the end of line {line}"
    else:
        found = repr(text[column - 1 :].split()[0][:30])
    expected = set(re.findall(r'"[^"]*"', message))
    if not rest and '"}"' in expected:
        opened = _unclosed(sparql)
        if opened:
            return (
                line,
                column,
                f"found {found}: the '{{' opened at line {opened[0]}, column {opened[1]} is not closed (add '}}')",
            )
    if expected & _TERM_STARTS:
        return line, column, f"found {found}: a term would fit here (a ?variable, an IRI, a prefixed name or a literal)"
    words = message.removeprefix("expected one of ").removeprefix("expected ")
    if '"' not in words:  # the parser's own grammar names: nothing a person would type
        why = "a pattern before it is not finished (a triple needs a subject, a predicate and an object)"
        return line, column, f"found {found}: {why}; check the dots and brackets before it"
    return line, column, f"found {found}: expected {words}"


def _unclosed(sparql: str) -> tuple[int, int] | None:
    """Where the last '{' that no '}' closes was opened (line, column), outside strings and IRIs."""
    text, stack = blank_out(sparql), []
    for i, char in enumerate(text):
        if char == "{":
            stack.append(i)
        elif char == "}" and stack:
            stack.pop()
    if not stack:
        return None
    before = sparql[: stack[-1]]
    return before.count("\n") + 1, stack[-1] - (before.rfind("\n") + 1) + 1


# --- answers --------------------------------------------------------------------------------------


def answer_kind(raw) -> str:
    """ "SELECT", "ASK" or "GRAPH" for a raw answer."""
    import pyoxigraph as ox

    if isinstance(raw, ox.QuerySolutions):
        return "SELECT"
    if isinstance(raw, ox.QueryBoolean):
        return "ASK"
    return "GRAPH"


def serialize(raw, fmt: ResultFormat) -> bytes:
    """A raw answer written in ``fmt`` by pyoxigraph; graph results with the house prefixes."""
    import pyoxigraph as ox

    kind = answer_kind(raw)
    if (kind == "GRAPH") != (fmt.kind == "graph"):
        fmt = result_format(fmt.name, "graph" if kind == "GRAPH" else "rows")
    if kind != "GRAPH":
        return raw.serialize(format=getattr(ox.QueryResultsFormat, fmt.oxigraph))
    rdf_format = getattr(ox.RdfFormat, fmt.oxigraph)
    items: Iterable  # quads keep their graph (see store.describe_by_graph); triples go in the default graph
    if rdf_format.supports_datasets:
        items = (t if isinstance(t, ox.Quad) else ox.Quad(t.subject, t.predicate, t.object) for t in raw)
    else:
        items = (t.triple if isinstance(t, ox.Quad) else t for t in raw)
    prefixes = PREFIXES if fmt.name in ("turtle", "trig") else None
    return ox.serialize(items, format=rdf_format, prefixes=prefixes) or b""


def parse_answer(body: bytes, media_type: str, source: str):
    """A remote answer, parsed by pyoxigraph into the raw form a local store gives."""
    import pyoxigraph as ox

    fmt = by_media_type(media_type)
    if fmt is None:
        raise TKGError(f"{source}: answered with {media_type or 'no content type'}, not SPARQL results or RDF")
    try:
        if fmt.kind == "rows":
            if fmt.name == "json" and (b"nodeID://" in body or GENID_IRI.encode() in body):
                body = _plain_blank_nodes(body)  # (before parsing: the parser reads lazily)
            return ox.parse_query_results(body, getattr(ox.QueryResultsFormat, fmt.oxigraph))
        unskolem = lambda t: ox.BlankNode(t.value[len(GENID_IRI) :]) if t.value.startswith(GENID_IRI) else t
        return [
            ox.Triple(unskolem(q.subject), q.predicate, unskolem(q.object))
            for q in ox.parse(body, getattr(ox.RdfFormat, fmt.oxigraph))
        ]
    except (SyntaxError, ValueError) as exc:
        raise TKGError(
            f"{source}: the answer is not valid {fmt.media_type}: {' '.join(str(exc).split())[:200]}"
        ) from None


def _plain_blank_nodes(body: bytes) -> bytes:
    """SPARQL JSON with its blank nodes made plain: skolem IRIs (see ``push``) back to blank
    nodes, and labels that are no N-Triples labels (Virtuoso writes ``nodeID://b1234``) made
    ones; the same label gives the same node."""
    import json

    doc = json.loads(body)
    for binding in doc.get("results", {}).get("bindings", []):
        for term in binding.values():
            if term.get("type") == "uri" and term["value"].startswith(GENID_IRI):
                term["type"], term["value"] = "bnode", term["value"][len(GENID_IRI) :]
            if term.get("type") == "bnode":
                term["value"] = re.sub(r"[^A-Za-z0-9]", "_", term["value"])
    return json.dumps(doc).encode()


class QueryResult:
    """What a query returns, read: rows (SELECT), a boolean (ASK) or triples (CONSTRUCT,
    DESCRIBE). Cells and triples are pyoxigraph terms (``.value`` is the IRI or the text)."""

    def __init__(
        self,
        kind: str,
        vars: list[str] | None = None,
        rows: list[tuple] | None = None,
        boolean: bool | None = None,
        triples: list | None = None,
    ) -> None:
        self.kind = kind  # "SELECT", "ASK" or "GRAPH"
        self.vars = vars or []
        self.rows = rows or []
        self.boolean = boolean
        self.triples = triples or []
        self.why_empty: Callable[[], list[str]] | None = None  # the store's hints, asked when empty

    def __repr__(self) -> str:
        size = {"SELECT": f"{len(self.rows)} rows", "ASK": str(self.boolean), "GRAPH": f"{len(self.triples)} triples"}
        return f"<QueryResult {self.kind} {size.get(self.kind, '')}>"

    def to_dataframe(self, short: bool = False):
        """SELECT rows as a pandas DataFrame of :meth:`records`, IRIs by their prefixed names
        (``tkr:datong``) when ``short`` (pandas: ``pip install 'transition-kg[notebook]'``)."""
        try:
            import pandas
        except ImportError:
            raise TKGError("to_dataframe needs pandas: pip install 'transition-kg[notebook]'") from None
        if self.kind != "SELECT":
            raise TKGError(f"to_dataframe: a {self.kind} result has no rows")
        records = self.records()
        if short:
            import pyoxigraph as ox

            iris = [{v for v, t in zip(self.vars, row) if isinstance(t, ox.NamedNode)} for row in self.rows]
            records = [{k: curie(str(v)) if k in named else v for k, v in r.items()} for r, named in zip(records, iris)]
        return pandas.DataFrame(records, columns=self.vars)

    @functools.cached_property
    def hints(self) -> list[str]:
        """When the answer is empty (no rows, no triples, ``no``), the likely reasons, one line
        each: a term the ontology does not declare, a plain literal where the graph's are tagged
        (:mod:`transition_kg.core.hints`); else none."""
        if self.rows or self.triples or self.boolean or self.why_empty is None:
            return []
        return self.why_empty()

    def _repr_html_(self, limit: int = 50) -> str:
        """How a notebook shows the result: a table (IRIs by short name), yes/no, or the size of
        a graph and its first triples. Text is escaped."""
        import html

        if self.kind == "ASK":
            return f"<p><strong>{'yes' if self.boolean else 'no'}</strong></p>"
        if self.kind == "GRAPH":
            head, rows = ["subject", "predicate", "object"], [(t.subject, t.predicate, t.object) for t in self.triples]
            caption = f"{len(self.triples)} triples"
        else:
            head, rows, caption = self.vars, self.rows, f"{len(self.rows)} rows"
        cells = "".join(
            "<tr>" + "".join(f"<td>{html.escape(shown(t))}</td>" for t in row) + "</tr>" for row in rows[:limit]
        )
        more = f", the first {limit} shown" if len(rows) > limit else ""
        return (
            f"<table><caption>{caption}{more}</caption><thead><tr>"
            + "".join(f"<th>{html.escape(h)}</th>" for h in head)
            + f"</tr></thead><tbody>{cells}</tbody></table>"
            + "".join(f"<p>hint: {html.escape(hint)}</p>" for hint in self.hints)
        )

    def dicts(self) -> list[dict]:
        """SELECT rows as dicts from variable name to pyoxigraph term (unbound variables left out)."""
        return [{v: t for v, t in zip(self.vars, row) if t is not None} for row in self.rows]

    def records(self) -> list[dict[str, object]]:
        """SELECT rows as dicts of plain Python values: IRIs as str, integers as int, decimals
        as Decimal, doubles as float, booleans as bool, other literals (years too) as their
        text; unbound variables as None."""
        return [{v: plain(t) for v, t in zip(self.vars, row)} for row in self.rows]

    @property
    def graph(self):
        """CONSTRUCT / DESCRIBE triples as an rdflib ``Graph`` (imports rdflib)."""
        return rdflib_graph(self.triples)


def with_labels(result: QueryResult, labels: dict[str, str]) -> QueryResult:
    """The SELECT rows with a label column after each column that holds IRIs (``?city
    ?cityLabel``, the Wikidata convention), from ``labels`` (IRI → English label)."""
    import pyoxigraph as ox

    if result.kind != "SELECT":
        return result
    has_iris = [any(isinstance(row[i], ox.NamedNode) for row in result.rows) for i in range(len(result.vars))]
    names = []
    for name, iris in zip(result.vars, has_iris):
        names += [name, f"{name}Label"] if iris and f"{name}Label" not in result.vars else [name]
    rows = []
    for row in result.rows:
        out: list = []
        for term, iris, name in zip(row, has_iris, result.vars):
            out.append(term)
            if iris and f"{name}Label" not in result.vars:
                text = labels.get(term.value) if isinstance(term, ox.NamedNode) else None
                out.append(ox.Literal(text, language="en") if text else None)
        rows.append(tuple(out))
    return QueryResult("SELECT", names, rows)


def as_answer(result: QueryResult):
    """A read SELECT result as a raw answer again, so :func:`serialize` writes it (by way of
    SPARQL JSON, which pyoxigraph parses)."""
    import json

    import pyoxigraph as ox

    def term(t) -> dict:
        if isinstance(t, ox.NamedNode):
            return {"type": "uri", "value": t.value}
        if isinstance(t, ox.BlankNode):
            return {"type": "bnode", "value": t.value}
        out = {"type": "literal", "value": t.value}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype.value != _XSD + "string":
            out["datatype"] = t.datatype.value
        return out

    doc = {
        "head": {"vars": result.vars},
        "results": {
            "bindings": [{v: term(t) for v, t in zip(result.vars, row) if t is not None} for row in result.rows]
        },
    }
    return ox.parse_query_results(json.dumps(doc).encode(), ox.QueryResultsFormat.JSON)


def read(raw) -> QueryResult:
    """A raw answer read into a :class:`QueryResult`."""
    kind = answer_kind(raw)
    if kind == "ASK":
        return QueryResult("ASK", boolean=bool(raw))
    if kind == "GRAPH":
        import pyoxigraph as ox

        return QueryResult("GRAPH", triples=[t.triple if isinstance(t, ox.Quad) else t for t in raw])
    names = [v.value for v in raw.variables]
    return QueryResult("SELECT", names, [tuple(row) for row in raw])  # values in the order of the variables


def shown(term, labels: dict[str, str] | None = None) -> str:
    """A term as a reader sees it: an IRI by its label (when ``labels`` has one) and short
    name, a blank node as ``_:id``, a literal as its text on one line."""
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        short = curie(term.value)
        return f"{labels[term.value]}  {short}" if labels and term.value in labels else short
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return " ".join(term.value.split())


_XSD = PREFIXES["xsd"]
_INTEGERS = {
    _XSD + t
    for t in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "negativeInteger",
        "nonPositiveInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
}


def plain(term) -> object:
    """A pyoxigraph term as a plain Python value (see :meth:`QueryResult.records`)."""
    import pyoxigraph as ox

    if term is None:
        return None
    if not isinstance(term, ox.Literal):
        return term.value
    return python_value(term.value, term.datatype.value)


def python_value(lexical: str, datatype: str) -> object:
    """A literal's value in Python from its lexical form and datatype IRI: an int, Decimal,
    float or bool for those types, else (an ill-typed one too) its text."""
    try:
        if datatype in _INTEGERS:
            return int(lexical)
        if datatype == _XSD + "decimal":
            from decimal import Decimal

            return Decimal(lexical)
        if datatype in (_XSD + "double", _XSD + "float"):
            return float(lexical)
    except ValueError:
        return lexical
    if datatype == _XSD + "boolean":
        return lexical in ("true", "1")
    return lexical


def rdflib_graph(triples):
    """pyoxigraph triples (or quads, their graph left out) as an rdflib ``Graph`` with the
    project's prefixes bound (imports rdflib)."""
    from rdflib import Graph

    graph = Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    for t in triples:
        graph.add((rdflib_term(t.subject), rdflib_term(t.predicate), rdflib_term(t.object)))
    return graph


def rdflib_term(term):
    """The rdflib form of a pyoxigraph term (None stays None)."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return (
        Literal(term.value)
        if datatype == PREFIXES["xsd"] + "string"
        else Literal(term.value, datatype=URIRef(datatype))
    )
