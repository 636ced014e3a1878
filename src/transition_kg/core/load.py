"""The one road from the project's files to a store.

Every command reads the project through :func:`load`, with one set of rules:

- every ``ontology/*.ttl`` (shapes files excepted) goes into the ontology's named graph;
  ``ontology/*shapes*.ttl`` are the SHACL shapes: not data, so parsed only when ``validate``
  or ``docs`` asks for them (:attr:`Loaded.shapes`);
- every ``graph/**/*.trig`` contributes named graphs; a triple outside a named graph is a
  problem, and so is a graph defined in two files;
- every other file under ``ontology/`` or ``graph/`` is a problem that says what to do
  (hidden files such as ``.gitkeep`` are skipped): nothing is silently left unread;
- files are parsed by Oxigraph, with no base IRI (a relative IRI is an error) and blank
  nodes kept apart between files; then :func:`transition_kg.core.infer.infer` adds the inferred graph.

The answer is a :class:`Loaded`: the pyoxigraph store, which file each graph came from, and
the problems, each one line (``FILE:LINE: [check] message``). ``load`` raises
:class:`~transition_kg.core.errors.ProjectInvalid` on the first problem unless ``strict=False``
(``validate`` reports them all). Commands that need rdflib (pySHACL, docs, the view) get an
rdflib ``Dataset`` copied from the store: ``Loaded.dataset``.

With ``store_dir`` the store lives on disk and is reused while the project's files are
unchanged (a folder is a store's from birth: :data:`BIRTH` is written into it before
anything else, and a non-empty folder without it is refused, nothing touched; a marker
written after a complete load records each file's size, time and hash, see
:func:`store_is_complete`;
a command checks sizes and times, and hashes only a file whose stamp changed). The graph
files go in through Oxigraph's bulk loader, so memory stays bounded whatever the graph's
size; the label index (:mod:`transition_kg.core.textindex`) is written beside the store before
the marker.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from .errors import Problem, ProjectInvalid, ReadError, TKGError
from .files import decode, read_bytes, write_atomic
from .infer import infer
from .paths import Project
from .sparql import rdflib_graph, rdflib_term
from .vocab import INFERRED_GRAPH_IRI, ONTOLOGY_GRAPH_IRI, PREFIXES

BIRTH = "transition-kg.store"  # written first into a folder the loader makes a store in: the folder is ours
MARKER = "transition-kg.fingerprint"
GRAPHS = "transition-kg.graphs.json"  # which file each graph came from, beside the marker (read when asked)
_POSITION = re.compile(r"^Parser error (?:at|between) line [\w ]*?: ", re.S)


class Loaded:
    """The loaded project: the pyoxigraph store (with the inferred graph), which files each
    named graph came from, the SHACL shapes files, and the problems found."""

    def __init__(self, project: Project, store=None, store_dir: Path | None = None) -> None:
        self.project = project
        self.store = store
        self.store_dir = store_dir
        self._graph_files: dict[str, list[Path]] = {}
        self._recorded: Path | None = None  # a reused store's list of graphs and their files
        self.shapes_files: list[Path] = []
        self.files_read: list[Path] = []
        self.problems: list[Problem] = []

    @property
    def graph_files(self) -> dict[str, list[Path]]:
        """Which files each named graph came from (made from the marker when first asked, for
        a reused store: a query that never asks pays nothing)."""
        if self._recorded is not None:
            import json

            recorded = json.loads(self._recorded.read_text(encoding="utf-8"))
            self._graph_files = {g: [self.project.root / p for p in ps] for g, ps in recorded.items()}
            self._recorded = None
        return self._graph_files

    def files_for(self, graph: str) -> list[Path]:
        return self.graph_files.get(str(graph), [])

    def stated(self, s=None, p=None, o=None, graph=None):
        """The store's quads matching the pattern (pyoxigraph terms, None for any) as the files
        state them: in named graphs, the inferred graph left out (a literal subject: none)."""
        import pyoxigraph as ox

        if isinstance(s, ox.Literal):
            return
        inferred = ox.NamedNode(INFERRED_GRAPH_IRI)
        for quad in self.store.quads_for_pattern(s, p, o, graph):
            if quad.graph_name != inferred and not isinstance(quad.graph_name, ox.DefaultGraph):
                yield quad

    @functools.cached_property
    def text_index(self):
        """The :class:`~transition_kg.core.textindex.TextIndex` of the store's labels: the file
        beside a store on disk (written by the load), else built now in memory."""
        from .textindex import FILE, TextIndex

        if self.store_dir is None:
            return TextIndex.build(self.store)
        return TextIndex.open(self.store_dir / FILE) or TextIndex.build(self.store, self.store_dir / FILE)

    @functools.cached_property
    def dataset(self):
        """An rdflib ``Dataset`` copy of the project's named graphs (the inferred graph left
        out), for the code that works with rdflib and checks what the files say: pySHACL, docs."""
        return self.copy(inferred=False)

    @functools.cached_property
    def dataset_with_inferred(self):
        """The same copy with the inferred graph (what a store answers from), for the view."""
        return self.copy(inferred=True)

    def copy(self, inferred: bool):
        """An rdflib ``Dataset`` copy of the store's named graphs, the inferred graph only if asked."""
        import pyoxigraph as ox

        dataset = new_dataset()
        skip = None if inferred else ox.NamedNode(INFERRED_GRAPH_IRI)
        graphs: dict = {}
        terms: dict = {}  # each term converted once

        def term(t):
            found = terms.get(t)
            if found is None:
                found = terms[t] = rdflib_term(t)
            return found

        def quads():
            for quad in self.store.quads_for_pattern(None, None, None, None):
                name = quad.graph_name
                if name != skip and not isinstance(name, ox.DefaultGraph):
                    graph = graphs.get(name.value)
                    if graph is None:
                        graph = graphs[name.value] = dataset.graph(term(name))
                    yield term(quad.subject), term(quad.predicate), term(quad.object), graph

        dataset.addN(quads())
        return dataset

    @functools.cached_property
    def shapes(self):
        """The SHACL shapes (``ontology/*shapes*.ttl``) in a pyoxigraph store of their own (its
        default graph), parsed when first asked for: they are not data, so only ``validate`` and
        ``docs`` read them. A broken shapes file raises ProjectInvalid."""
        import pyoxigraph as ox

        store = ox.Store()
        problems: list[Problem] = []
        for path in self.shapes_files:
            shown = self.project.display(path)
            try:
                data = read_bytes(path, shown)
            except ReadError as exc:
                problems.append(Problem("syntax", shown, str(exc).split(": ", 1)[1]))
                continue
            store.extend(_parsed(problems, shown, data, lambda data=data: list(ox.parse(data, ox.RdfFormat.TURTLE))))
        if problems:
            raise ProjectInvalid(problems)
        return store

    def shapes_graph(self):
        """The shapes (:attr:`shapes`) as an rdflib ``Graph``, for pySHACL and docs."""
        return rdflib_graph(self.shapes)


def new_dataset():
    """An empty rdflib Dataset whose default graph is the union of its named graphs, with
    the house prefixes bound."""
    from rdflib import Dataset

    dataset = Dataset(default_union=True)
    for prefix, ns in PREFIXES.items():
        dataset.bind(prefix, ns)
    return dataset


def load(
    project: Project, store_dir: Path | None = None, *, strict: bool = True, ontology_only: bool = False
) -> Loaded:
    """Load the project into a pyoxigraph store (in memory, or on disk in ``store_dir``) with
    the inferred graph; see the module docstring for the rules. With ``ontology_only``, the
    ontology's graph alone, in memory and without inference (what the ontology's terms need).

    Files are read one at a time and parsed straight into the store (no copy of the whole
    project in memory). A store on disk is reused when every file has the size and time it
    had at the last complete load (files whose stamp changed are hashed: same bytes, still
    reused); otherwise it is loaded again, its marker removed first."""
    import pyoxigraph as ox

    files = project.files()
    if ontology_only:
        files.graphs, store_dir = [], None
    loaded = Loaded(project, None, Path(store_dir) if store_dir else None)
    loaded.files_read = files.read
    loaded.shapes_files = files.shapes
    for path, reason in files.unread:
        loaded.problems.append(Problem("files", project.display(path), reason))
    marker = Path(store_dir) / MARKER if store_dir else None
    if marker is not None:
        recorded = _read_marker(marker)
        stamps = _stamps(project, files.read)
        if not loaded.problems and _unchanged(project, recorded, stamps):
            # opened read-only: it is not written again, and opens in a fraction of the time
            loaded.store = _open_disk_store(marker.parent, read_only=True)
            if loaded.store is not None:
                loaded._recorded = marker.with_name(GRAPHS)
                if recorded["files"] != stamps:
                    _write_marker(marker, stamps)
                return loaded
        loaded.store = _open_disk_store(marker.parent)
        marker.unlink(missing_ok=True)  # from here on the store is not the marker's: never reuse a half load
        store = loaded.store
        if next(store.quads_for_pattern(None, None, None, None), None) or next(store.named_graphs(), None):
            # a reload (a new store is not cleared: the deletions clear() writes slow every read after)
            loaded.store.clear()
    else:
        loaded.store = ox.Store()
    digests: dict[str, list] = {}
    ontology = ox.NamedNode(ONTOLOGY_GRAPH_IRI)
    for path in files.ontology + files.graphs + (files.shapes if marker is not None else []):
        shown = project.display(path)
        try:
            data = read_bytes(path, shown)
        except ReadError as exc:
            loaded.problems.append(Problem("syntax", shown, str(exc).split(": ", 1)[1]))
            continue
        if marker is not None:
            digests[shown] = _stamp(path) + [_sha256(data)]
        if path in files.shapes:
            continue  # not data: parsed when validate or docs ask (Loaded.shapes)
        if path in files.ontology:
            if _parse(loaded, path, data, ox.RdfFormat.TURTLE, into=ontology):
                loaded.graph_files.setdefault(ONTOLOGY_GRAPH_IRI, []).append(path)
        else:
            _add_graph_file(loaded, path, data)
    if marker is not None:
        # the bulk loader writes a file per call: compacted into one sorted run before the
        # inference's many lookups (which then read one file, not one per graph file)
        loaded.store.optimize()
    if not ontology_only:
        infer(loaded.store)
    if strict and loaded.problems:
        raise ProjectInvalid(loaded.problems)
    if marker is not None and not loaded.problems:
        from .textindex import FILE, TextIndex

        loaded.store.flush()
        loaded.text_index = TextIndex.build(loaded.store, marker.parent / FILE)
        import json

        graphs = {g: [project.display(p) for p in ps] for g, ps in loaded.graph_files.items()}
        write_atomic(marker.with_name(GRAPHS), json.dumps(graphs).encode())
        _write_marker(marker, digests)  # last: the load is complete
    return loaded


def _stamp(path: Path) -> list:
    info = path.stat()
    return [info.st_size, info.st_mtime_ns]


def _stamps(project: Project, paths: list[Path]) -> dict[str, list]:
    """Size and modification time of each file, by its name in the project."""
    found = {}
    for path in paths:
        try:
            found[project.display(path)] = _stamp(path)
        except OSError:
            found[project.display(path)] = [None, None]
    return found


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _unchanged(project: Project, recorded: dict, stamps: dict[str, list]) -> bool:
    """Whether the files are those of the recorded load: the same names, each with the same
    size and time, or else the same bytes (a touched file is hashed, not reloaded)."""
    before = recorded.get("files", {})
    if set(before) != set(stamps):
        return False
    for name, stamp in stamps.items():
        if before[name][:2] != stamp:
            try:
                if _sha256((project.root / name).read_bytes()) != before[name][2]:
                    return False
            except OSError:
                return False
            stamps[name] = stamp + [before[name][2]]
        else:
            stamps[name] = before[name]
    return True


_MARKER_HEAD = "transition-kg store marker 4\n"  # then a line per file: size, time (ns), sha256, name


def _write_marker(marker: Path, files: dict[str, list]) -> None:
    """The marker: plain lines, read at every reuse without importing a JSON parser."""
    lines = [f"{size} {time} {digest} {name}\n" for name, (size, time, digest) in files.items() if "\n" not in name]
    write_atomic(marker, (_MARKER_HEAD + "".join(lines)).encode("utf-8"))


def _parse(loaded: Loaded, path: Path, data: bytes, fmt, into=None) -> list:
    """The file's quads; with ``into``, its triples go straight into that graph of the store
    instead (parsed by Oxigraph, no Python objects made) and ``[True]`` is returned. A problem
    and ``[]`` when the file is not UTF-8 or does not parse."""
    import pyoxigraph as ox

    def work() -> list:
        if into is not None:
            loaded.store.load(data, fmt, to_graph=into)
            return [True]
        return list(ox.parse(data, fmt, rename_blank_nodes=True))

    return _parsed(loaded.problems, loaded.project.display(path), data, work)


def _parsed(problems: list[Problem], shown: str, data: bytes, work) -> list:
    """``work()``, which parses ``data``; a bad byte or a syntax error becomes one problem."""
    try:
        decode(data, shown)
        return work()
    except ReadError as exc:
        where, _, message = str(exc).partition(": ")
        problems.append(Problem("syntax", where, message))
    except SyntaxError as exc:
        message = " ".join(_POSITION.sub("", exc.msg or str(exc)).split())
        problems.append(Problem("syntax", f"{shown}:{exc.lineno}" if exc.lineno else shown, message[:300]))
    except MemoryError:  # what the parser raises past its buffer: a literal or IRI of many megabytes
        problems.append(Problem("syntax", shown, "a term (a literal or an IRI) longer than the parser's 16 MB"))
    return []


def _add_graph_file(loaded: Loaded, path: Path, data: bytes) -> None:
    """Load a TriG file into the store: named graphs only, each graph from one file.

    The file is parsed once to check it and name its graphs (nothing is loaded from a file
    that does not parse), then handed whole to Oxigraph's bulk loader, which builds the
    store's index files itself with bounded memory. A file with triples outside a named
    graph has those left out (and a problem said)."""
    import pyoxigraph as ox

    shown = loaded.project.display(path)
    names: set[str] = set()
    outside: list = []

    def work() -> list:
        last = None
        for quad in ox.parse(data, ox.RdfFormat.TRIG):
            graph = quad.graph_name
            if graph != last:
                if isinstance(graph, ox.DefaultGraph):
                    outside.append(quad)
                else:
                    names.add(graph.value)
                last = graph
        if outside:
            loaded.store.bulk_extend(
                q
                for q in ox.parse(data, ox.RdfFormat.TRIG, rename_blank_nodes=True)
                if not isinstance(q.graph_name, ox.DefaultGraph)
            )
        else:
            loaded.store.bulk_load(data, ox.RdfFormat.TRIG, lenient=True)  # checked by the parse above
        return [True]

    _parsed(loaded.problems, shown, data, work)
    if outside:
        loaded.problems.append(
            Problem(
                "files",
                _line_of(path, outside[0].subject, shown),
                "triples outside a named graph (wrap them in GRAPH-NAME { ... })",
            )
        )
    for name in sorted(names):
        if name in loaded.graph_files:
            other = loaded.project.display(loaded.graph_files[name][0])
            loaded.problems.append(Problem("files", shown, f"graph <{name}> is also defined in {other}"))
            return
    for name in names:
        loaded.graph_files[name] = [path]


def _line_of(path: Path, subject, shown: str) -> str:
    """``FILE:LINE`` of the first line that starts with the subject (prefixed or full), else ``FILE``."""
    from .vocab import curie

    needles = [f"<{subject.value}>"] + ([curie(subject.value)] if hasattr(subject, "value") else [])
    text = path.read_text(encoding="utf-8", errors="replace")
    for number, line in enumerate(text.splitlines(), 1):
        if any(line.lstrip().startswith(n) for n in needles):
            return f"{shown}:{number}"
    return shown


def _read_marker(marker: Path) -> dict:
    """``{"files": {name: [size, time, sha256]}}`` from a complete load's marker, else ``{}``
    (none, another version's, or not whole)."""
    try:
        head, *lines = marker.read_text(encoding="utf-8").splitlines(keepends=True)
        if head != _MARKER_HEAD or not marker.with_name(GRAPHS).is_file():
            return {}
        files = {}
        for line in lines:
            size, time, digest, name = line[:-1].split(" ", 3)
            files[name] = [int(size), int(time), digest]
        return {"files": files}
    except (OSError, ValueError):
        return {}


def store_is_complete(folder: Path) -> bool:
    """Whether ``folder`` holds a store of ours whose last load ended (its birth file and its
    marker both there): what a process opening a store another one loads may trust."""
    folder = Path(folder)
    return (folder / BIRTH).is_file() and bool(_read_marker(folder / MARKER))


def _claim(folder: Path) -> None:
    """Make ``folder`` a store's (created, with :data:`BIRTH` in it) unless it is one already;
    a folder that is neither new, nor empty, nor ours is refused and left as it was (a store of
    an earlier version, with a marker but no birth file, is ours)."""
    if (folder / BIRTH).is_file():
        return
    try:
        held = sorted(p.name for p in folder.iterdir()) if folder.exists() else []
    except NotADirectoryError:
        raise TKGError("not a folder; give a new or empty folder", option="store_dir", value=str(folder)) from None
    except OSError as exc:
        raise TKGError(f"cannot read: {exc.strerror}", option="store_dir", value=str(folder)) from None
    if held and MARKER not in held:
        shown = ", ".join(held[:3]) + (", …" if len(held) > 3 else "")
        raise TKGError(
            f"not a store of transition-kg, and not empty (it holds {shown}): give a new or empty folder",
            option="store_dir",
            value=str(folder),
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder / BIRTH, b"a store of transition-kg (this file marks the folder as one)\n")
    except (OSError, TKGError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else str(exc).rsplit(": ", 1)[-1]
        raise TKGError(f"cannot create: {reason}", option="store_dir", value=str(folder)) from None


def _open_disk_store(folder: Path, read_only: bool = False):
    """The store in ``folder``, opened for writing (created if need be, see :func:`_claim`);
    with ``read_only``, opened for reading, or None when it cannot be."""
    import gc

    import pyoxigraph as ox

    if read_only:
        try:
            return ox.Store.read_only(str(folder))
        except OSError:
            return None
    _claim(folder)
    try:
        return ox.Store(str(folder))
    except OSError:
        gc.collect()  # an earlier store on the same folder, in this process, may await collection
        try:
            return ox.Store(str(folder))
        except OSError as exc:
            raise TKGError(
                f"cannot open the store; is another process using it? ({str(exc).splitlines()[0][:200]})",
                option="store_dir",
                value=str(folder),
            ) from None
