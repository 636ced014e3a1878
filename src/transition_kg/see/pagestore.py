"""The store inside the network page (``view --with-sparql``): Oxigraph's WebAssembly build
answers SPARQL in the page, from the project's quads packed into it.

The WebAssembly and its JavaScript glue come from the npm registry's ``oxigraph`` package,
version :data:`OXIGRAPH_NPM` (the newest 0.5.x there, beside pyoxigraph's 0.5), fetched once by
``npm pack`` into :func:`cache_dir` and checked against :data:`OXIGRAPH_INTEGRITY` (the
registry's ``dist.integrity``, pinned here and compared with the registry's word when fetched)
each time it is read. Nothing of it is in the repository; the page loads nothing from the
network. Past :data:`PAGE_STORE_LIMIT` quads a page store stops making sense (measured by
``benchmarks/pagestore.py``): ``serve`` is the way then.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import tarfile
import zlib
from pathlib import Path
from typing import NamedTuple, TypedDict

from ..core.errors import TKGError

OXIGRAPH_NPM = "0.5.11"
OXIGRAPH_INTEGRITY = "sha512-zKdgmp1tsrutGzC1lCCywwZRPpLJKaJnKSDWoY2hIhMiwiCRRXNN1DU7WUyTInBvgPKT8Y5N+RgwTL8qKXpLng=="
#: quads past which the page's store is too slow to load or too big to send: benchmarks/pagestore.py
#: measured it ready in 3.7 s at 124,000 quads and 7.9 s at 370,000 (about 1 s for the 6,451 of today)
PAGE_STORE_LIMIT = 100_000
#: seconds a query in the page may run before its worker is ended
PAGE_TIMEOUT = 30
_NPM_HELP = "install Node.js and npm (apt-get install npm, or https://nodejs.org)"


class Oxigraph(NamedTuple):
    """The npm package's browser build: its ES module glue (``web.js``) and WebAssembly."""

    version: str
    glue: str
    wasm: bytes


class Template(TypedDict):
    """A named query as the page binds it: its text with each parameter bound to
    ``<urn:tkg:param:NAME>`` by the library (VALUES or in place), the page writing the term there."""

    text: str
    params: list[dict[str, str | None]]  # name, type, default


class StoreData(TypedDict):
    """The page store's JSON island (``#store-data``), as query.js reads it."""

    quads: int
    timeout: int
    prefixes: dict[str, str]
    named: dict[str, Template]
    labelQuery: str  # the one entity a label names: the literal goes at <urn:tkg:param:label>
    languages: list[str]  # the languages the graph's labels are tagged with (core/hints.py)
    ontologyGraph: str  # the ontology's graph, whose tkg: terms are declared
    timeHint: str  # the hint for tkg:year asked alone (core/hints.py)
    times: list[str]  # the tkg: terms of time that, asked, make that hint needless
    patterns: dict[str, list[str]]  # the library's patterns, [source, flags], the page reads text with
    datatypes: dict[str, str]  # a literal parameter's type → its datatype's IRI
    workbench: str  # the workbench's page (see/workbench.py), the Query tab's frame


class PageStore(NamedTuple):
    """Everything the page adds to the network page: the island, the quads (N-Quads) and the
    package's WebAssembly, each :func:`packed`, and the package's glue."""

    data: StoreData
    quads: str
    glue: str
    wasm: str


def cache_dir() -> Path:
    """Where fetched packages are kept: ``$XDG_CACHE_HOME/transition-kg/npm`` (``~/.cache`` by default)."""
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "transition-kg" / "npm"


def sri(data: bytes) -> str:
    """The Subresource Integrity string npm gives (``sha512-…``) of ``data``."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def oxigraph(cache: Path | None = None) -> Oxigraph:
    """The browser build of the pinned ``oxigraph`` package: from the cache when its bytes are
    the pinned ones, else fetched with npm (a one-line error saying what to install without npm,
    or what the registry said)."""
    folder = cache or cache_dir()
    tarball = folder / f"oxigraph-{OXIGRAPH_NPM}.tgz"
    if not (tarball.is_file() and sri(tarball.read_bytes()) == OXIGRAPH_INTEGRITY):
        _fetch(folder)
    data = tarball.read_bytes()
    if sri(data) != OXIGRAPH_INTEGRITY:
        tarball.unlink()
        raise TKGError(
            f"{tarball}: the oxigraph package's bytes are not those the registry published ({OXIGRAPH_INTEGRITY})"
        )
    with tarfile.open(tarball) as tar:
        read = lambda name: tar.extractfile(f"package/{name}").read()  # type: ignore[union-attr]
        return Oxigraph(OXIGRAPH_NPM, classic(read("web.js").decode("utf-8")), read("web_bg.wasm"))


def classic(module: str) -> str:
    """wasm-bindgen's ES module glue as a classic script (a page opened from disk cannot start a
    module worker): its exports made plain declarations. It is started by ``initSync`` with the
    compiled WebAssembly, never from a URL."""
    text = re.sub(r"^export \{[^}]*\};?[ \t]*$", "", module, flags=re.M)
    text = re.sub(r"^export (class|function|const|let) ", r"\1 ", text, flags=re.M)
    text = text.replace("import.meta.url", "self.location.href")
    if re.search(r"^\s*(import|export)\b|import\.meta", text, re.M):
        raise TKGError(f"oxigraph@{OXIGRAPH_NPM}'s web.js has an import or export this page cannot run as a worker")
    return text


def _npm(*args: str, cwd: Path) -> str:
    try:
        done = subprocess.run(
            [shutil.which("npm") or "npm", *args], cwd=cwd, capture_output=True, text=True, timeout=300
        )
    except subprocess.TimeoutExpired:
        raise TKGError("npm did not answer within 300 s (is the registry reachable?)") from None
    if done.returncode != 0:
        said = next((line for line in done.stderr.splitlines() if "ERR" in line), done.stderr.strip()[:200])
        raise TKGError(f"npm could not fetch oxigraph@{OXIGRAPH_NPM}: {said}")
    return done.stdout


def _fetch(folder: Path) -> None:
    """``npm pack`` the pinned version into ``folder``, after the registry confirms its integrity."""
    if shutil.which("npm") is None:
        raise TKGError(f"the page's SPARQL store is fetched from the npm registry once: {_NPM_HELP}")
    folder.mkdir(parents=True, exist_ok=True)
    said = json.loads(_npm("view", f"oxigraph@{OXIGRAPH_NPM}", "dist.integrity", "--json", cwd=folder) or "null")
    if said != OXIGRAPH_INTEGRITY:
        raise TKGError(
            f"the registry gives oxigraph@{OXIGRAPH_NPM} the integrity {said}, not the pinned {OXIGRAPH_INTEGRITY}"
        )
    _npm("pack", f"oxigraph@{OXIGRAPH_NPM}", "--pack-destination", str(folder), "--json", cwd=folder)


def canonical(nquads: bytes) -> bytes:
    """N-Quads with their blank nodes named by W3C RDF Dataset Canonicalization (RDFC-1.0,
    Oxigraph's) and their lines sorted: the same graph gives the same bytes, so a page holding
    them is the same page each time (a store names blank nodes afresh at every load)."""
    import pyoxigraph as ox

    dataset = ox.Dataset(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    written = ox.serialize(dataset, format=ox.RdfFormat.N_QUADS) or b""  # (None only when given a file)
    return b"".join(sorted(written.splitlines(keepends=True)))


def packed(data: bytes) -> str:
    """Bytes as the page holds them (the N-Quads, the WebAssembly): deflated (zlib, which the
    page's DecompressionStream reads), in base64."""
    return base64.b64encode(zlib.compress(data, 9)).decode("ascii")
