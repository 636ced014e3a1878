"""SELECT and ASK results as a terminal table: an IRI shown by its label (from
:meth:`transition_kg.core.store.Store.labels`) and its short name, the table fitted to the terminal's width (long
cells cut, and the table says so), wide (CJK) characters counted as two columns."""

from __future__ import annotations

import unicodedata

from ..core.sparql import QueryResult, shown

MIN_CELL = 8


def width(text: str) -> int:
    """Columns the text takes in a terminal (wide CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cut(text: str, limit: int) -> str:
    """The text cut to ``limit`` columns with "…"; of "label  short-name", the label is cut."""
    if width(text) <= limit:
        return text
    label, sep, short = text.rpartition("  ")
    if sep and " " not in short and width(short) + 4 <= limit:
        return _cut(label, limit - width(short) - 2) + "  " + short
    out, used = "", 0
    for char in text:
        if used + width(char) > limit - 1:
            break
        out, used = out + char, used + width(char)
    return out + "…"


def to_table(result: QueryResult, labels: dict[str, str], columns: int = 100) -> str:
    """Rows as an aligned text table at most ``columns`` wide."""
    if result.kind == "ASK":
        return ("yes" if result.boolean else "no") + "\n"
    cells = [[shown(t, labels) for t in row] for row in result.rows]
    widths = [max([width(v)] + [width(r[i]) for r in cells]) for i, v in enumerate(result.vars)]
    room = columns - 2 * (len(widths) - 1)
    cut = False
    floor = min(MIN_CELL, max(3, room // max(1, len(widths))))  # many columns: narrower cells still fit
    while sum(widths) > room and max(widths) > floor:  # shave the widest column first
        widest = widths.index(max(widths))
        widths[widest] = max(floor, widths[widest] - max(1, (sum(widths) - room) // 2))
        cut = True
    line = lambda values: "  ".join(_cut(v, w) + " " * (w - width(_cut(v, w))) for v, w in zip(values, widths)).rstrip()
    out = [line(result.vars), line(["-" * w for w in widths])] + [line(r) for r in cells]
    note = f"; long cells cut to fit {columns} columns: --format csv gives them whole" if cut else ""
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''}{note})")
    return "\n".join(out) + "\n"
