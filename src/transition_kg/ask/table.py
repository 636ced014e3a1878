"""SELECT and ASK results as a terminal table: an IRI shown by its label (from
:meth:`transition_kg.core.store.Store.labels`) and its short name, the table fitted to the
terminal's width (long text wrapped within its column, or cut with ``wrap=False``, and the
table says so), wide (CJK) characters counted as two columns."""

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


def _wrap(text: str, limit: int) -> list[str]:
    """The text as lines of at most ``limit`` columns, broken at spaces (a word longer than a
    line is broken where it must)."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if width(candidate) <= limit:
            line = candidate
            continue
        if line:
            lines.append(line)
        while width(word) > limit:
            cut, used = "", 0
            for char in word:
                if used + width(char) > limit:
                    break
                cut, used = cut + char, used + width(char)
            lines.append(cut)
            word = word[len(cut) :]
        line = word
    return [*lines, line] if line or not lines else lines


def _fit(widths: list[int], room: int, floor: int) -> list[int]:
    """Column widths that fit ``room``: the widest shaved first, none below ``floor``."""
    widths = list(widths)
    while sum(widths) > room and max(widths) > floor:
        widest = widths.index(max(widths))
        widths[widest] = max(floor, widths[widest] - max(1, (sum(widths) - room) // 2))
    return widths


SHORT = 24  # columns a cell may take and stay on one line while the long ones wrap
BASE = 16  # columns every long column gets before the longest take the rest


def to_table(result: QueryResult, labels: dict[str, str], columns: int = 100, wrap: bool = True) -> str:
    """Rows as an aligned text table at most ``columns`` wide: long text wraps within its column
    (short columns stay on one line), or, with ``wrap=False``, long cells are cut and the table
    says so."""
    if result.kind == "ASK":
        return ("yes" if result.boolean else "no") + "\n"
    cells = [[shown(t, labels) for t in row] for row in result.rows]
    natural = [max([width(v)] + [width(r[i]) for r in cells]) for i, v in enumerate(result.vars)]
    room = columns - 2 * (len(natural) - 1)
    floor = min(MIN_CELL, max(3, room // max(1, len(natural))))  # many columns: narrower cells still fit
    if wrap and sum(natural) > room:
        # short columns keep their width; each long one gets a narrow base, then the room left
        # goes to the longest text first (a quote reads whole in a wide column)
        longs = sum(1 for w in natural if w > SHORT)
        spare = room - sum(w for w in natural if w <= SHORT)
        base = max(floor, min(BASE, spare // max(1, 2 * longs)))
        widths = [w if w <= SHORT else min(w, base) for w in natural]
        left = room - sum(widths)
        for i in sorted(range(len(natural)), key=lambda i: -natural[i]):
            grow = max(0, min(natural[i] - widths[i], left))
            widths[i] += grow
            left -= grow
        if sum(widths) > room:
            widths = _fit(widths, room, floor)
    else:
        widths = _fit(natural, room, floor)
    cut = not wrap and widths != natural
    pad = lambda v, w: v + " " * (w - width(v))

    def lines(values: list[str]) -> list[str]:
        if not wrap:
            return ["  ".join(pad(_cut(v, w), w) for v, w in zip(values, widths)).rstrip()]
        parts = [_wrap(v, w) for v, w in zip(values, widths)]
        return [
            "  ".join(pad(p[k] if k < len(p) else "", w) for p, w in zip(parts, widths)).rstrip()
            for k in range(max((len(p) for p in parts), default=1))  # a query may select no variable
        ]

    out = [*lines(result.vars), "  ".join("-" * w for w in widths)]
    for row in cells:
        out += lines(row)
    note = f"; long cells cut to fit {columns} columns: --format csv gives them whole" if cut else ""
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''}{note})")
    return "\n".join(out) + "\n"
