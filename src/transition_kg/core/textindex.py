"""A text index of the store's labels: SQLite FTS5 with the trigram tokenizer (standard library).

Every ``rdfs:label`` (the inferred graph's labels of facts left out) and ``skos:altLabel``
of an IRI, lower-cased as SPARQL's ``LCASE`` does, is a row; a search for any text of three
characters or more, English or Chinese, at any position in the label, is a lookup of the
text's trigrams instead of a walk over every labelled node, and shorter texts are matched
by a scan of the labels alone (SQLite's trigram GLOB misses a two-character CJK text). The
index narrows, it does not decide: the ``search`` query still applies its own FILTER to the
entities found (see ``# text:`` in :mod:`transition_kg.ask.queries`), so its rows are the same
with or without an index.

With ``--store-dir`` the index is a file beside the store (``labels.sqlite``), built at the
end of a complete load and so always in step with the store it sits beside (the store's
marker is written after it); in memory it is built on the first search.

>>> from transition_kg.core.load import load
>>> from transition_kg.core.paths import find_project
>>> index = load(find_project()).text_index
>>> [iri.rsplit("/", 1)[1] for iri in index.search("七台")]
['qitaihe']
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .vocab import INFERRED_GRAPH_IRI, sparql_prefixes

FILE = "labels.sqlite"
_LABELS = sparql_prefixes(("rdfs", "skos")) + (
    "SELECT ?entity ?label WHERE { { GRAPH ?g { ?entity rdfs:label ?label } "
    f"FILTER(?g != <{INFERRED_GRAPH_IRI}>) }} UNION {{ GRAPH ?g {{ ?entity skos:altLabel ?label }} }} }}"
)


def _glob(text: str) -> str:
    """A GLOB pattern matching ``text`` anywhere (its wildcard characters made literal)."""
    return "*" + "".join(f"[{c}]" if c in "*?[" else c for c in text) + "*"


class TextIndex:
    """Labels of the store's IRIs, searchable by any part."""

    def __init__(self, connection: sqlite3.Connection, complete: bool) -> None:
        self.connection = connection
        self.complete = complete  # False when a blank node has a label: it cannot be bound by IRI

    @classmethod
    def build(cls, store, path: Path | None = None) -> TextIndex:
        """Index the labels of a pyoxigraph ``store``: in memory, or written to ``path``
        (replaced whole: a half-built file is never left under that name)."""
        import pyoxigraph as ox

        target = ":memory:" if path is None else str(path) + ".part"
        if path is not None:
            Path(target).unlink(missing_ok=True)
        connection = sqlite3.connect(target, check_same_thread=False)
        connection.execute(
            "CREATE VIRTUAL TABLE labels USING fts5(folded, entity UNINDEXED, tokenize = 'trigram case_sensitive 1')"
        )
        connection.execute("CREATE TABLE meta (complete INTEGER)")
        complete = True
        rows = []
        for entity, label in store.query(_LABELS):
            if isinstance(entity, ox.NamedNode):
                rows.append((label.value.lower(), entity.value))
            else:
                complete = False
        connection.executemany("INSERT INTO labels VALUES (?, ?)", rows)
        connection.execute("INSERT INTO meta VALUES (?)", (int(complete),))
        connection.commit()
        if path is None:
            return cls(connection, complete)
        connection.close()
        Path(target).replace(path)
        made = cls.open(path)
        assert made is not None  # just written, complete
        return made

    @classmethod
    def open(cls, path: Path) -> TextIndex | None:
        """The index written at ``path``, or None when there is none (or it cannot be read)."""
        if not Path(path).is_file():
            return None
        try:
            connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            complete = connection.execute("SELECT complete FROM meta").fetchone()[0]
        except sqlite3.Error:
            return None
        return cls(connection, bool(complete))

    def search(self, text: str) -> list[str]:
        """The IRIs with a label holding ``text`` (ignoring case), sorted."""
        folded = text.lower()
        if len(folded) >= 3:  # the trigrams' lookup
            found = self.connection.execute("SELECT DISTINCT entity FROM labels WHERE folded GLOB ?", (_glob(folded),))
        else:  # a scan of the labels (FTS5 finds no trigram in 1-2 characters; its GLOB then misses CJK)
            found = self.connection.execute("SELECT DISTINCT entity FROM labels WHERE instr(folded, ?) > 0", (folded,))
        return sorted(row[0] for row in found)
