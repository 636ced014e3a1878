"""Numbers as articles write them: ``700,000``, ``30 million``, ``~60%``, ``one-eighth``,
``six``, ``second-largest``, ``quadrupled``, ``century-old``.

:func:`numbers_in` lists every number a span of text states, with scale words applied, so
that validation can check that an observation's value is written in its evidence.

>>> [str(n) for n in numbers_in("from 15 billion yuan in 2022 to over 61 billion")]
['15000000000', '2022', '61000000000']
>>> [str(n) for n in numbers_in("make up one-eighth of the total")]
['0.125']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "hundred": 100, "century": 100, "dozen": 12,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10,
}
DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6,
                "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
MULTIPLES = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "quintupled": 5}

_SCALE = "|".join(SCALES)
_DIGITS = re.compile(rf"(?<![\w.])(?<![A-Za-z]-)(?<!No\. )(\d{{1,3}}(?:,\d{{3}})+|\d+)(\.\d+)?(?![A-Za-z0-9])(?:\s+({_SCALE})\b)?", re.I)
_FRACTION = re.compile(rf"\b({'|'.join(WORDS)})[- ]({'|'.join(DENOMINATORS)})s?\b", re.I)
_WORD = re.compile(rf"\b({'|'.join(list(WORDS) + list(ORDINALS) + list(MULTIPLES))})\b", re.I)


@dataclass(frozen=True)
class Number:
    """A number found in text: where it is, its value with the scale applied, and the scale word."""

    start: int
    end: int
    value: Decimal
    scale: str | None = None


def number_spans(text: str) -> list[Number]:
    """Every number stated in ``text`` with its position, in order of appearance."""
    found: list[Number] = []
    taken: list[tuple[int, int]] = []
    for m in _FRACTION.finditer(text):
        found.append(Number(m.start(), m.end(), Decimal(WORDS[m.group(1).lower()]) / DENOMINATORS[m.group(2).lower()]))
        taken.append(m.span())
    for m in _DIGITS.finditer(text):
        value = Decimal(m.group(1).replace(",", "") + (m.group(2) or ""))
        scale = m.group(3).lower() if m.group(3) else None
        if scale:
            value *= SCALES[scale]
        found.append(Number(m.start(), m.end(), value, scale))
    for m in _WORD.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        word = m.group(1).lower()
        found.append(Number(m.start(), m.end(), Decimal(WORDS.get(word) or ORDINALS.get(word) or MULTIPLES[word])))
    return sorted(found, key=lambda n: n.start)


def numbers_in(text: str) -> list[Decimal]:
    """Every number stated in ``text``, in order of appearance."""
    return [n.value for n in number_spans(text)]
