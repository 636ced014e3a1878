"""Numbers as articles write them: ``700,000``, ``30 million``, ``€17.2bn``, ``~60%``,
``one-eighth``, ``a third``, ``two dozen``, ``two hundred``, ``fifteen``, ``second-largest``,
``quadrupled``, ``century-old``, ratios (``three in every 10`` is 0.3), units glued to the number
(``600MW``, ``60pc``: the number is 600, not 60 or 6), a currency letter (``R2.3bn``, ``Rs 1,240
crore``), and ranges (``between 8 and 9 million``: both in millions).

:func:`numbers_in` lists every number a span of text states, with scale words applied, so
that validation can check that an observation's value is written in its evidence.

>>> [str(n) for n in numbers_in("from 15 billion yuan in 2022 to over 61 billion")]
['15000000000', '2022', '61000000000']
>>> [str(n) for n in numbers_in("make up one-eighth of the total")]
['0.125']
>>> [str(n) for n in numbers_in("€17.2bn, two dozen graduates, between 8 and 9 million tonnes")]
['17200000000', '24', '8000000', '9000000']
>>> [str(n) for n in numbers_in("the 1,340MW plant, R2.3bn and three in every 10 jobs")]
['1340', '2300000000', '0.3']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

SCALES = {"thousand": 10**3, "lakh": 10**5, "million": 10**6, "crore": 10**7, "billion": 10**9, "trillion": 10**12}
SUFFIXES = {"k": "thousand", "m": "million", "mn": "million", "bn": "billion", "tn": "trillion"}
#: scales abbreviated after a space, as wire services write them ("2.3 bln rubles", "870 mln")
ABBREVIATED = {"mln": "million", "bln": "billion", "trln": "trillion"}
CURRENCY_SIGNS = "€$£¥₹₸₽₴"
#: capitalised words that are ISO 4217 codes too but stand for other things before a number ("COP 28", "TOP 10")
_NOT_CODES = {"COP", "ALL", "TOP", "CUP", "SOS", "MAD", "BAM"}


def _currency_codes(every: bool = False) -> str:
    """Every ISO 4217 code of a country's currency (pycountry; not metals, funds or "X…" units), and "RMB"; unless
    ``every``, not those that stand for other things too (:data:`_NOT_CODES`)."""
    import pycountry

    codes = {c.alpha_3 for c in pycountry.currencies if not c.alpha_3.startswith("X")} - (
        set() if every else _NOT_CODES
    )
    return "|".join(sorted(codes | {"RMB"}))


#: currencies' ISO 4217 codes as news writes them before an amount ("USD 350 a tonne"; not "COP", a conference too)
CURRENCY_CODES = _currency_codes()
#: a currency written before a number: "€", "US$", "A$", "Rs.", "Rp", South Africa's "R" glued to it ("R2.3bn"), and
#: any ISO 4217 code before a "$" ("COP$1.9 million": Colombia's peso)
CURRENCY = (
    rf"(?<![A-Za-z])(?:(?:US|AU|A|CA|C|NZ|HK|S|R|{_currency_codes(every=True)})\$|[€$£¥₹₸₽₴]|Rs\.?|Rp\.?|R(?=\d)"
    rf"|(?:{CURRENCY_CODES})(?=\s?(?:\d|$)))"
)
#: units written glued to a number ("600MW", "60pc", "2,000MWh"): the number ends where they begin
GLUED_UNITS = ("MWh", "GWh", "TWh", "kWh", "MW", "GW", "kW", "pc", "km", "ha", "kg", "mt", "Mt")
WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "century": 100,
    "dozen": 12,
}
MULTIPLIERS = {"hundred": 100, "dozen": 12, "thousand": 10**3, "million": 10**6, "billion": 10**9}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "quarter": 4,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
MULTIPLES = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "quintupled": 5}

_SCALE = "|".join(SCALES)
_SCALE_WRITTEN = "|".join([*SCALES, *ABBREVIATED])


def _digits(spaced: bool) -> re.Pattern[str]:
    """Digits with their decimals, suffix or scale; ``spaced``: thousands may be set off by a space ("180 000")."""
    group = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.])|" if spaced else ""
    return re.compile(
        rf"(?:(?<![\w.])|(?<=(?<![A-Za-z])R)|(?<=(?<![A-Za-z])Rs)|(?<=(?<![A-Za-z])Rp))(?<![A-Za-z]-)(?<!No\. )(?<!\d,)"
        rf"({group}\d{{1,3}}(?:,\d{{3}})+|\d+)(\.\d+)?"
        rf"(?:(bn|mn|tn|m|k)(?![\w])|(?=(?-i:{'|'.join(GLUED_UNITS)})\b)|(?![A-Za-z0-9])(?:(?:\s+|-)({_SCALE_WRITTEN})\b)?)",
        re.I,
    )


_DIGITS, _DIGITS_SPACED = _digits(False), _digits(True)
#: a text that writes its thousands with a space ("52 000 people") and never with a comma
_SPACED_THOUSANDS = re.compile(r"(?<![\d,.])\d{1,3}[ \u00a0\u202f]\d{3}(?![\d,.])")
_COMMA_THOUSANDS = re.compile(r"\d,\d{3}\b")
#: letters glued before an amount with a scale ("VND6.5 trillion", "P2.3 billion", "ZiG450 million"): a currency
#: code or sign; the number is an amount (which currency, the extractor says)
_LETTERS_MONEY = re.compile(rf"(?<![A-Za-z])(?-i:[A-Z]{{1,3}}|[A-Z][a-z][A-Z])(\d+)(\.\d+)?\s+({_SCALE})\b", re.I)
_FRACTION = re.compile(
    rf"\b(?:({'|'.join(WORDS)})|(a|one))[- ]({'|'.join(DENOMINATORS)})s?\b|\b(half)\b"
    r"(?:(?= of\b| as\b|[,.;]|$)|(?<=by half)|(?<=by almost half)|(?<=by nearly half)|(?<=by more than half))",
    re.I,
)
_ONE_IN = re.compile(
    rf"\b({'|'.join(WORDS)}|\d{{1,2}}) in (?:every |each )?(?:(a|one) )?({'|'.join(WORDS)}|\d{{1,3}})\b(?![.,]\d)", re.I
)  # "one in ten", "one in a hundred", "three in every 10", "2 in every 5"
_NUMBER_WORD = "|".join(sorted(set(WORDS) - {"century"} | set(MULTIPLIERS), key=len, reverse=True))
_COMPOUND = re.compile(
    rf"\b(?:(?:a|an)\s+(?=(?:dozen|hundred|thousand)\b))?(?:{_NUMBER_WORD})(?:(?:[- ]|\s+and\s+)(?:{_NUMBER_WORD}))*\b",
    re.I,
)
_WORD = re.compile(rf"\b({'|'.join(['century'] + list(ORDINALS) + list(MULTIPLES))})\b", re.I)
_RANGE = re.compile(rf"\s*(?:-|–|to|and)\s*{CURRENCY}?\s*")


@dataclass(frozen=True)
class Number:
    """A number found in text: where it is, its value with the scale applied, and the scale word."""

    start: int
    end: int
    value: Decimal
    scale: str | None = None
    ratio: bool = False  # "three in every 10": a share, whatever the words


def words_value(words: str) -> Decimal | None:
    """The value of number words: "two dozen" 24, "two hundred and five" 205, "a thousand" 1000."""
    total, current = 0, 0
    for word in re.findall(r"[a-z]+", words.lower()):
        if word in ("a", "an"):
            current = 1
        elif word == "and":
            continue
        elif word in ("thousand", "million", "billion"):
            total, current = total + max(current, 1) * MULTIPLIERS[word], 0
        elif word in ("hundred", "dozen"):
            current = max(current, 1) * MULTIPLIERS[word]
        elif word in WORDS:
            current += WORDS[word]
        else:
            return None
    return Decimal(total + current)


#: a currency's name after a number ("380m złoty", "5m euros"): its "m" is a million
_MONEY_AFTER = re.compile(
    r"\s+(?:złoty|zloty|zł|euros?|dollars?|yuan|rupees?|rand|pesos?|tenge|korun[ay]|rupiah|liras?)\b"
)


#: a currency's letters right before a number ("R85m", "Rs 5m", "Rp 9m", "KZT 6m"): its "m" is a million
_GLUED_CURRENCY = re.compile(rf"(?<![A-Za-z])(?:R|Rs\.?\s?|Rp\.?\s?|(?:{CURRENCY_CODES})\s?)\Z")
#: a plural noun right after an "m" ("9.6m tonnes", "1.13m people"): a count in millions, not metres ("100m high")
_MILLIONS_OF = re.compile(r"\s+(?:people|(?![a-z]*(?:ss|us)\b)[a-z]{2,}s)\b")


class _Taken:
    """The offsets of a text that numbers found already cover (a look-up, not a search, per new number)."""

    def __init__(self, size: int) -> None:
        self._covered = bytearray(size + 1)

    def add(self, start: int, end: int) -> None:
        self._covered[start:end] = b"\x01" * (end - start)

    def __contains__(self, at: int) -> bool:
        return bool(self._covered[at])


def number_spans(text: str) -> list[Number]:
    """Every number stated in ``text`` with its position, in order of appearance."""
    found: list[Number] = []
    taken = _Taken(len(text))
    for m in _FRACTION.finditer(text):
        if m.group(4):
            value = Decimal(1) / 2
        else:
            top = WORDS[m.group(1).lower()] if m.group(1) else 1
            value = Decimal(top) / DENOMINATORS[m.group(3).lower()]
        found.append(Number(m.start(), m.end(), value))
        taken.add(*m.span())
    for m in _ONE_IN.finditer(text):
        part, whole = (int(g) if g.isdigit() else WORDS[g.lower()] for g in (m.group(1), m.group(3)))
        if m.start() not in taken and 0 < part < whole:
            found.append(Number(m.start(), m.end(), Decimal(part) / whole, ratio=True))
            taken.add(*m.span())
    for m in _LETTERS_MONEY.finditer(text):
        start = m.start(1)
        if start not in taken:
            value = Decimal(m.group(1) + (m.group(2) or "")) * SCALES[m.group(3).lower()]
            value = value.to_integral_value() if value == value.to_integral_value() else value
            found.append(Number(start, m.end(), value, m.group(3).lower()))
            taken.add(start, m.end())
    spaced = bool(_SPACED_THOUSANDS.search(text)) and not _COMMA_THOUSANDS.search(text)
    for m in (_DIGITS_SPACED if spaced else _DIGITS).finditer(text):
        if m.start() in taken:
            continue
        value = Decimal(re.sub(r"[,\s]", "", m.group(1)) + (m.group(2) or ""))
        suffix, end = (m.group(3) or "").lower(), m.end()
        if (
            suffix in ("m", "k")
            and not text[max(0, m.start() - 4) : m.start()].rstrip().endswith(tuple(CURRENCY_SIGNS))
            and not _GLUED_CURRENCY.search(text, max(0, m.start() - 4), m.start())  # "R85m", "Rs 5m", "KZT 6m"
            and not _MONEY_AFTER.match(text, m.end(), m.end() + 12)
            and not (suffix == "m" and _MILLIONS_OF.match(text, m.end(), m.end() + 20))
        ):
            suffix, end = "", m.end() - len(m.group(3))  # "100m high" is metres: only "€10m" is ten million
        scale = (
            SUFFIXES[suffix]
            if suffix
            else ABBREVIATED.get(m.group(4).lower(), m.group(4).lower())
            if m.group(4)
            else None
        )
        if scale:
            value *= SCALES[scale]
            value = value.to_integral_value() if value == value.to_integral_value() else value
        found.append(Number(m.start(), end, value, scale))
    for m in _COMPOUND.finditer(text):
        if (
            m.start() in taken
            or m.group(0).lower() in ("thousand", "million", "billion")
            or re.search(r"\b(?:a few|few|several|many)\s+$", text[max(0, m.start() - 12) : m.start()], re.I)
        ):  # "a few hundred": no number
            continue
        worded = words_value(m.group(0))
        if worded is not None:
            found.append(Number(m.start(), m.end(), worded))
            taken.add(*m.span())
    for m in _WORD.finditer(text):
        if m.start() in taken:
            continue
        word = m.group(1).lower()
        found.append(Number(m.start(), m.end(), Decimal(WORDS.get(word) or ORDINALS.get(word) or MULTIPLES[word])))
    found.sort(key=lambda n: n.start)
    for i in range(len(found) - 2, -1, -1):  # "8 and 9 million", "1.2-1.5 billion": the first takes the scale
        low, high = found[i], found[i + 1]
        if (
            low.scale is None
            and high.scale
            and ranged(text, low, high)
            and not re.fullmatch(r"(?:1[89]|20)\d\d", text[low.start : low.end])
        ):  # "in 2022 to 61 billion": a year
            found[i] = Number(low.start, low.end, low.value * SCALES[high.scale], high.scale)
    return found


def ranged(text: str, low: Number, high: Number) -> bool:
    """Whether two numbers make a range: "1,200 to 1,500", "4,000-6,000", "€2-€3bn"; joined by
    "and" only after "between" ("between 8 and 9")."""
    between = text[low.end : high.start]
    return bool(_RANGE.fullmatch(between)) and (
        "and" not in between
        or bool(re.search(rf"\bbetween\s+{CURRENCY}?\s*$", text[max(0, low.start - 16) : low.start], re.I))
    )


def numbers_in(text: str) -> list[Decimal]:
    """Every number stated in ``text``, in order of appearance."""
    return [n.value for n in number_spans(text)]
