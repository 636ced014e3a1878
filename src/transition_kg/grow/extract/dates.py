"""Dates in a sentence: years as written, and the dates news writes without a year (weekdays,
"9 November", "last October", "in the past two years", "two years earlier"), resolved against the
publication date."""

from __future__ import annotations

import datetime as dt
import re

from ...core import turtle
from ...core.numerals import words_value
from .lexicon import (
    FINANCIAL_YEAR_START,
    MONTH_NUMBERS,
    MONTHS,
    SEASONS,
    SPEECH,
    seasons_of,
)
from .text import Candidate


def _years_to(sentence: str, published: dt.date) -> list[tuple[int, int, str, str]]:
    """ "In the year to end-June", "the 12 months to August": the year of the last such month by the publication
    date, or the year written after it."""
    out = []
    for m in _YEAR_TO.finditer(sentence):
        month = MONTHS.index(m.group(1).lower()) + 1
        ended = published.year if month <= published.month else published.year - 1
        out.append((m.start(), m.end(), m.group(2) or str(ended), m.group(0)))
    return out


def _paragraph_year(text: str, at: int, published: dt.date) -> str:
    """The last year the paragraph wrote before ``at`` (a financial year's second: "2025-26", 2026), else the
    publication's: what "A decade earlier" opening a sentence with no time of its own counts back from; a year the
    paragraph named by its place from the publication ("Last year … . A year earlier …") counts as written there."""
    opening = text.rfind("\n", 0, at) + 1
    written = list(_WRITTEN_YEAR.finditer(text, opening, at))
    named = list(_NAMED_YEAR.finditer(text, max(opening, written[-1].end() if written else opening), at))
    if named:
        return str(published.year + {"last": -1, "this": 0, "next": 1}[named[-1].group(1).lower()])
    if not written:
        return _headline_year(text, published) or str(published.year)
    first, second = written[-1].groups()
    return first[:2] + second[-2:] if second else first


def _headline_year(text: str, published: dt.date) -> str | None:
    """The one year a headline writes, set after "in" and before the publication's ("Output fell 31% in 2025"; not
    "to close in 2027"): what "a year earlier" counts back from in a paragraph that writes no year; else None."""
    end = text.find("\n", 0, 400)
    if end < 0 or text[:end].rstrip().endswith((".", "!", "?")):
        return None  # no headline: the first line is a paragraph
    written = list(_WRITTEN_YEAR.finditer(text, 0, end))
    if len(written) != 1 or written[0].group(2) or not re.search(r"\bin\s+\Z", text[: written[0].start()]):
        return None
    if int(written[0].group(1)) >= published.year:
        return None
    return written[0].group(1)


#: a year named by its place from the publication's: "last year", "this year"
_NAMED_YEAR = re.compile(r"\b(last|this|next)\s+year\b", re.I)


def financial_year(when: str) -> bool:
    """Whether a span of years ("2024-2025") is a financial year: two years in a row."""
    first, _, last = when.partition("-")
    return first.isdigit() and last.isdigit() and int(last) == int(first) + 1


def _resolve(expression: str, published: dt.date, seasons: dict[str, int] = SEASONS) -> int | str | None:
    """The year a relative expression refers to, seen from the publication date (``seasons``: each
    season's first month where the article is set)."""
    words = expression.lower()
    ago = re.match(r"([\w-]+(?: \w+)?) (year|decade|month|week)s? ago", words)
    if ago:
        written = ago.group(1)
        count = (
            int(written)
            if written.isdigit()
            else (1 if written in ("a", "one") else words_value(written.replace("-", " ")))
        )
        if count is None:
            return None
        if ago.group(2) in ("month", "week"):  # "seven months ago": the year of the month that many months back
            back = published - dt.timedelta(days=int(count) * (7 if ago.group(2) == "week" else 30))
            return back.year
        return published.year - int(count) * (10 if ago.group(2) == "decade" else 1)
    if "last year" in words or "a year earlier" in words or "previous year" in words:
        return published.year - 1
    if "next year" in words:
        return published.year + 1
    if (
        "this year" in words
        or "last month" in words
        or "earlier this" in words
        or words == "today"
        or re.match(r"this (?:morning|afternoon|evening)$", words)
        or re.search(r"of (?:the|this) year$|the year (?:began|started)$", words)  # "by the end of the year"
        or re.match(r"this (?:spring|summer|autumn|fall|winter|month)", words)
    ):
        return published.year
    if words == "yesterday" or re.search(r"\bthe (?:(?:night|day) before|previous (?:night|day))$", words):  # a day
        # before the publication's, or before the day told of
        return (published - dt.timedelta(days=1)).year
    months = re.search(
        r"(recent|coming|past few|next few) (?:weeks and )?(months|weeks|days)$", words
    )  # "over the coming months":
    if months:  # this year's, when they fall in it (three months, three weeks or a week either side of the publication)
        ahead = months.group(1) in ("coming", "next few")
        reach = dt.timedelta(days={"months": 91, "weeks": 21, "days": 7}[months.group(2)])
        other = (published + reach if ahead else published - reach).year
        return (
            published.year if other == published.year else f"{min(other, published.year)}-{max(other, published.year)}"
        )
    for season, month in seasons.items():
        if f"next {season}" in words:
            return published.year if month > published.month else published.year + 1
        if f"last {season}" in words:
            return published.year if month < published.month else published.year - 1
    return None


_NUMBER_WORDS = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|a few|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)"
)
_RELATIVE = re.compile(
    r"\b(?:(?:since |starting |earlier |later |so far |early |late )?"  # "so far this year", "early next year"
    r"(?:last|this|next) (?:year|spring|summer|autumn|fall|winter)(?: so far)?"
    rf"|{_NUMBER_WORDS} (?:years?|decades?|months?|weeks?) ago|(?-i:today|(?<![A-Za-z] )Today)(?!['’]s)"
    r"|(?-i:yesterday|Yesterday)|this (?:morning|afternoon|evening)"  # "Yesterday’s announcement": that day's
    r"|this month|(?:since )?last month"
    r"|(?:by |before |until |at )?the (?:end|start|middle) of (?:the|this|next) year"
    r"|the (?:night|day) before(?!\s+(?:the|a|an|his|her|its|their|last|this)\b)|the previous (?:night|day)"
    r"|since the year (?:began|started)"
    r"|(?:in|over|during) (?:the )?(?:recent|coming|past few|next few) (?:days|(?:weeks and )?months|weeks))\b",
    re.I,
)
_LATER = re.compile(  # "Thirty years on, …" (not "spent twelve years on platforms")
    r"\b(\d+|[A-Za-z]+(?:-[a-z]+)?) (years?|decades?) (?:later|on(?!\s+(?:the\s+|a\s+)?[a-z])|afterwards)\b"
)
#: a year written, or a financial year's first year and the end of its second ("2025-26")
_WRITTEN_YEAR = re.compile(r"(?<![\w,.])(1[89]\d\d|20\d\d)(?:[-–/](\d\d(?:\d\d)?))?(?!\w|,\d|\.\d)")
#: a year's span to the end of a month: "the year to end-June", "the 12 months to August", "year ended June 2025"
_YEAR_TO = re.compile(
    rf"\b(?:year|12\s+months|twelve\s+months)\s+(?:to|ended|ending|through)\s+(?:end-|the\s+end\s+of\s+)?"
    rf"({'|'.join(MONTHS)})\b(?:\s+(1[89]\d\d|20\d\d)\b)?",
    re.I,
)
_EARLIER = re.compile(
    r"(?<!\bfor )\b(\d+|[A-Za-z]+(?:-[a-z]+)?) (years?|decades?) "
    r"(?:earlier|before(?!\s+(?:he|she|they|it|we|I|the|a|an|his|her|their|its)\b))\b",  # not "… before the closure"
    re.I,
)
_PERIOD = re.compile(
    r"\b(?:(?:in|over|during|for|within|throughout|across)\s+)?the\s+(past|last|previous|next|coming)\s+"
    r"(?:(?!financial|fiscal)(\d+|[a-z]+(?:-[a-z]+)?)\s+)?(?:financial\s+|fiscal\s+)?(years?|decades?)\b",
    re.I,
)
MONTH_NAME = "|".join(m.capitalize() for m in MONTHS)
WEEKDAY_NUMBERS = {
    d: i for i, d in enumerate(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))
}
_DAY_MONTH = re.compile(
    rf"\b(?:(\d{{1,2}})\s+({MONTH_NAME})|(?:({MONTH_NAME})|(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
    r"\s+(\d{1,2}))\b(?!,?\s*(?:1[89]|20)\d\d)(?![.,:]?\d)"
)
#: a weekday after a preposition just before a day and month, which the day and month read whole: "By Friday,
#: 25 September" (not a dateline's "Wednesday, August 26", whose date is the day and month)
_WEEKDAY_BEFORE = re.compile(r"\b(?i:on|by|until|from|since)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+\Z")
#: a year named again, after a preposition: "by that date", "in that year" (not a candidate of its own)
_THAT_DATE = re.compile(r"(?<=\b(?:by|in) )(?:that date|that year)\b", re.I)
_NAMED_AGAIN = re.compile(r"that (?:date|year)", re.I)
#: a month named again: "that month", "the same month"
_THAT_MONTH = re.compile(r"\b(?:that|the same) month\b", re.I)
_MONTH_NAMED = re.compile(rf"\b(?:{MONTH_NAME})\b")
#: a month named without a day: "last October", "in mid-August", "in/for the April–September half", the month alone
#: in "until at least January" and "at the October meeting"; "at the end of January"
_MONTH_WORD = re.compile(
    r"\b(?:((?i:last|next|this))\s+|(?i:in|since|by|until|from|to|as of|before|after|through|during)\s+"
    rf"(?:the\s+(?:{MONTH_NAME})[–-]|the\s+(?:end|start|beginning|middle)\s+of\s+)?"
    r"(?:(?:early|late|mid)[- ])?"
    rf"|(?:early|late|mid)-|for\s+the\s+(?:{MONTH_NAME})[–-]|(?<=until at least )|(?<=by at least )"
    r"|(?i:at|for)\s+the\s+(?:end|start|beginning|middle)\s+of\s+"  # "at the end of January", "for the end of"
    rf"|(?<=\bthe )(?=(?:{MONTH_NAME})\s+(?:meeting|session|vote|election|deadline|hearing|auction|budget)\b))"
    rf"({MONTH_NAME})\b(?! *\d)(?!,\s*(?:1[89]|20)\d\d\b)(?!-)"  # "Since September, 120 trucks": no day
)
#: the year a month is of, written after it ("March last year", "May next year")
_OF_YEAR = re.compile(r"\s+(last|this|next)\s+year\b", re.I)
_WEEKDAY = re.compile(
    r"\b(?:((?i:last|next|this|on|since|by|until|from|before|after|early|late))\s+)?"
    r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    rf"(?!,?\s+(?i:\d{{1,2}}\s+(?:{'|'.join(MONTHS)})|(?:{'|'.join(MONTHS)})\.?\s+\d{{1,2}},?)\s+(?:1[89]|20)\d\d\b)"
)  # not "Friday, 20 November 2026": a day its date states
_SEASON = re.compile(
    r"\b(?:in|by|until|from|during|through|over)\s+the\s+(spring|summer|autumn|fall|winter)\b(?!\s+of\s+(?:1[89]|20)\d\d\b)"
)  # not "in the spring of 2028": that year's
#: a part of this year ("in the first six months of the year")
_PART_OF_YEAR = re.compile(
    r"\b(?:in|during|over|for)\s+the\s+(?:first|last)\s+(?:half|\w+\s+months)\s+of\s+the\s+year\b"
    r"|\b(?:in|during|over|for)\s+the\s+first\s+(?:\w+|\d{1,2})\s+months\b(?![\s-]+(?:of|to|through|ended|ending)\b)"
)  # "in the first nine months" with no year or month after it: this year's ("… of this year": "this year" is read)
_QUARTER = re.compile(  # "in the second quarter", "in the first half" (of no year written)
    r"\b(?:in|during|for)\s+the\s+(?:(first|second|third|fourth)\s+quarter|(first|second)\s+half)\b(?![\s-]+of\b)"
)
#: a verb in the present tense: what "N years later" says of now when the text gave no year before it
_PRESENT = re.compile(r"\b(?:says|say|is|are|has|have|remains|remain)\b")
#: a period said again ("over the same period", "over that time")
SAME_PERIOD = re.compile(
    r"\b(?:[Oo]ver|[Ii]n|[Dd]uring|[Ff]or|[Aa]cross)\s+(?:the\s+same\s+period|the\s+period|that\s+(?:time|period))\b"
    r"(?!\s+(?:of|in|last|a\s+year)\b)"
)  # not "in the same period of 2025" nor "… last year": the year written after it is that period's
#: a span of months without a year: "In January-October", "for the April–September period" (a report's months)
_MONTHS_SPAN = re.compile(
    rf"\b(?i:in|during|for|over|through)\s+(?:the\s+)?({MONTH_NAME})\s*[–-]\s*({MONTH_NAME})\b"
    r"(?! *\d)(?!,?\s*(?:1[89]|20)\d\d\b)(?!\s+(?:last|this|next)\s+year\b)"
)
#: the financial year now: "this financial year", "in the current fiscal year"
_THIS_FINANCIAL = re.compile(
    r"\b(?i:(?:the\s+)?(last|previous|next|this)|the\s+current)\s+(?:financial|fiscal)\s+year\b(?!\s+(?:1[89]|20)\d\d)"
)  # and the one before or after it: "last fiscal year", "the previous financial year" (after one written: before it)
#: "last week", "earlier this month", "in the new year"
_NEAR = re.compile(
    r"\b(?:(?:earlier|later) (?=this))?(last|this|next) (week|month)\b|\b(?:in|by|after) the (new) (year)\b", re.I
)
#: words before a date that put it ahead of the publication date
FUTURE = (
    r"\b(?:will|shall|would|must|scheduled|due|expected|expects|plans?|planned|to be|is to|are to|aims?|"
    r"intends?|proposes|proposing|deadline|set to|going to|until|upcoming|starts|begins|opens|launches)\b"
)
YEAR = re.compile(r"(?<![\w,.])(1[89]\d\d|20\d\d)(?!\w|,\d|\.\d)")


def last_year(text: str, end: int) -> int | None:
    """The last year written before ``end`` (read back in widening windows, not from the text's start)."""
    reach = 2000
    while True:
        found = YEAR.findall(text, max(0, end - reach), end)
        if found or end - reach <= 0:
            return int(found[-1]) if found else None
        reach *= 4


#: a time in a sentence: start, end, the year, the relative words it was resolved from, the words before
Time = tuple[int, int, str, "str | None", str]
#: a sentence's date candidates and every time it states
Dated = tuple[list[Candidate], list[Time]]


def dates_in(text: str, s_start: int, s_end: int, published: dt.date, country: str | None = None) -> Dated:
    """The sentence's dates: years as written ("2024", a financial year "2024-25"), "thirty-five
    years later" after the year the text last gave, and the dates news writes without a year
    (weekdays, "9 November", "Feb. 12", "last October", "mid-August", "this week"), periods ("in
    the past two years") and relative dates ("last year", "two years earlier"), resolved against
    the publication date: forward when the words before them speak of the future."""
    sentence = text[s_start:s_end]
    out: list[Candidate] = []
    times: list[Time] = []
    spans = {m.start(): m for m in _YEAR_SPAN.finditer(sentence) if m.group(1) < m.group(2)}  # "for 2021-2027"
    for pattern in (_BETWEEN_YEARS, _COMBINED_YEARS):  # "between 2017 and 2023", "2025 and 2026 combined"
        spans.update({m.start(1): m for m in pattern.finditer(sentence) if m.group(1) < m.group(2)})
    skip = -1
    for m in YEAR.finditer(sentence):
        if m.start() < skip:
            continue  # a span's last year
        span = spans.get(m.start())
        if span:
            skip = span.end()
            c = Candidate("CandidateDate", s_start + m.start(), s_start + span.end(), sentence[m.start() : span.end()])
            c.add("startYear", turtle.typed(span.group(1), "xsd:gYear"))
            c.add("endYear", turtle.typed(span.group(2), "xsd:gYear"))
            out.append(c)
            before = sentence[max(0, m.start() - 8) : m.start()]
            times.append((s_start + m.start(), s_start + span.end(), f"{span.group(1)}-{span.group(2)}", None, before))
            continue
        financial = re.match(r"[-–/](\d\d)\b(?![-–/.,]\d)", sentence[m.end() :])
        end = m.end() + (financial.end() if financial else 0)
        c = Candidate("CandidateDate", s_start + m.start(), s_start + end, sentence[m.start() : end])
        following = str(int(m.group(0)) + 1)
        if financial and financial.group(1) == following[2:]:  # "in 2024-25": a financial year, both its years
            c.add("startYear", turtle.typed(m.group(0), "xsd:gYear"))
            c.add("endYear", turtle.typed(following, "xsd:gYear"))
            out.append(c)
            before = sentence[max(0, m.start() - 8) : m.start()]  # "down 18pc on 2024-25": the words before it too
            times.append((s_start + m.start(), s_start + end, f"{m.group(0)}-{following}", None, before))
            continue
        c.add("candidateYear", turtle.typed(m.group(0), "xsd:gYear"))
        out.append(c)
        before = sentence[max(0, m.start() - 8) : m.start()]
        since = _since(sentence, m, before) and int(m.group(0)) < published.year and not financial
        until = re.search(r"\buntil\s+$", before, re.I) and int(m.group(0)) > published.year and not financial
        when, words = (
            (f"{m.group(0)}-{published.year}", f"since {m.group(0)}")
            if since
            else (f"{published.year}-{m.group(0)}", f"until {m.group(0)}")  # "until 2030": from now until 2030
            if until
            else (m.group(0), None)
        )
        times.append((s_start + m.start(), s_start + end, when, words, before))  # "since 2019": 2019 until now
    for m in _FISCAL.finditer(sentence):  # "FY2025", "FY25": a fiscal year; "FY2024-25": a financial year's two
        first = m.group(1) if len(m.group(1)) == 4 else f"20{m.group(1)}"
        when = f"{first}-{first[:2]}{m.group(2)}" if m.group(2) else first
        c = Candidate("CandidateDate", s_start + m.start(), s_start + m.end(), m.group(0))
        for prop, year in (
            (("startYear", when[:4]), ("endYear", when[-4:])) if m.group(2) else (("candidateYear", when),)
        ):
            c.add(prop, turtle.typed(year, "xsd:gYear"))
        out.append(c)
        times.append((s_start + m.start(), s_start + m.end(), when, None, sentence[max(0, m.start() - 8) : m.start()]))
    found: list[tuple[int, int, str, str]] = []  # start, end, year or "start-end", the words it rests on
    for m in _LATER.finditer(sentence):  # "Thirty-five years later": after the year the text last gave
        count = int(m.group(1)) if m.group(1).isdigit() else words_value(m.group(1).replace("-", " "))
        earlier = last_year(text, s_start + m.start())
        if count is not None and earlier and not _PERIOD.search(sentence, max(0, m.start() - 40), m.end()):
            later = earlier + int(count) * (10 if m.group(2).startswith("decade") else 1)
            found.append((m.start(), m.end(), str(later), f"{m.group(0)} (after {earlier})"))
        elif count is not None and not earlier and _PRESENT.search(sentence, m.end()):
            found.append((m.start(), m.end(), str(published.year), f"{m.group(0)} (now)"))  # "…, the office says"
    found += _calendar(sentence, published, country)
    for m in _RELATIVE.finditer(sentence):
        year = _resolve(m.group(0), published, seasons_of(country))
        if year is not None:
            found.append((m.start(), m.end(), str(year), m.group(0)))
    found += _years_to(sentence, published)
    found += _named_again(text, s_start, sentence, found)
    for m in _EARLIER.finditer(sentence):  # "two years earlier": before the time the sentence gave
        count = 1 if m.group(1).lower() in ("a", "one") else words_value(m.group(1).replace("-", " "))
        if m.group(1).isdigit():
            count = int(m.group(1))
        given = [t for t in times if t[1] <= s_start + m.start() and ("-" not in t[2] or financial_year(t[2]))]
        given += [(s_start + a, 0, y, None, "") for a, _, y, _ in found if a < m.start() and "-" not in y]
        base = (
            str(max(given, key=lambda t: t[0])[2]) if given else _paragraph_year(text, s_start + m.start(), published)
        )
        if count is not None:  # "in 2024-25, up from … a year earlier": the financial year before, 2023-24
            years = int(count) * (10 if m.group(2).lower().startswith("decade") else 1)
            when = "-".join(str(int(y) - years) for y in base.split("-"))
            found.append((m.start(), m.end(), when, m.group(0)))
    for m in SAME_PERIOD.finditer(sentence):  # "over the same period": from the earliest time the sentence gave
        stated = [(s_start + a, y) for a, _, y, _ in found] + [(t[0], t[2]) for t in times]
        firsts = [y.split("-")[0] for at, y in stated if at < s_start + m.start()]
        if firsts:  # from a year before this one: a period; from this year: this year (never "2026-2026")
            when = min(firsts) if int(min(firsts)) >= published.year else f"{min(firsts)}-{published.year}"
            found.append((m.start(), m.end(), when, m.group(0)))
    taken: list[tuple[int, int]] = [(t[0] - s_start, t[1] - s_start) for t in times]
    for a, b, when, words in found:
        if any(x < b and a < y for x, y in taken):
            continue  # the first reading of these words wins
        taken.append((a, b))
        c = Candidate("CandidateDate", s_start + a, s_start + b, sentence[a:b])
        if "-" in when:
            first, last = when.split("-")
            c.add("startYear", turtle.typed(first, "xsd:gYear"))
            c.add("endYear", turtle.typed(last, "xsd:gYear"))
        else:
            c.add("candidateYear", turtle.typed(when, "xsd:gYear"))
        c.add("yearInferredFrom", turtle.text(words))
        if not (
            SAME_PERIOD.fullmatch(words) or _YEAR_TO.fullmatch(words) or _NAMED_AGAIN.fullmatch(words)
        ):  # "over the same period" names a period
            # given before, "the year to end-June" the reporting period of the figures with it: no date of their own
            out.append(c)
        times.append((s_start + a, s_start + b, when, words, sentence[max(0, a - 8) : a]))
    out.sort(key=lambda c: c.start)
    times.sort(key=lambda t: t[0])
    return out, times


#: a span of years written with a dash: "for 2021-2027" (the first year before the second); "between 2010 and 2020"
#: is left two years, as the lists read it
_YEAR_SPAN = re.compile(r"(?<![\w,.])(1[89]\d\d|20\d\d)\s*[-–]\s*(1[89]\d\d|20\d\d)(?!\w|,\d|\.\d)")
#: a period between two years: "lost land between 2017 and 2023" (both ends and the years between)
_BETWEEN_YEARS = re.compile(r"\b[Bb]etween\s+(1[89]\d\d|20\d\d)\s+and\s+(1[89]\d\d|20\d\d)(?!\w|,\d|\.\d)")
#: two years summed as one period: "in 2025 and 2026 combined" (the span ends at the second year)
_COMBINED_YEARS = re.compile(r"\b(1[89]\d\d|20\d\d)\s+and\s+(1[89]\d\d|20\d\d)(?=\s+(?:combined|together)\b)")
#: a fiscal year as companies write it: "FY2025", "FY25", "FY2024-25"
_FISCAL = re.compile(r"\bFY\s?(20\d\d|\d\d)(?:[-–/](\d\d))?\b")
#: a day an event is set for ("called a rally for Sept. 4"): ahead of the publication date
_FOR = re.compile(r"\bfor\s+$")
#: an act done, a few words before a month ("a plan issued by the government in March"): the month is past
_DONE = re.compile(
    r"(?<!\bwill be )(?<!\bto be )\b(?:issued|announced|published|approved|signed|adopted|released|passed|unveiled)"
    r"(?:\s+[\w'’-]+){0,5}\s+$"
)


#: a past act by a pronoun just before a date ("the $310 million it planned in January"): the date is past
_DONE_BY = re.compile(r"\b(?:it|they|he|she|we|I)\s+(?!need|exceed|proceed|succeed)\w+ed\s+(?:(?:in|on)\s+)?$")


#: what was set for a time that has passed: "Tenders were due in mid-September but have been postponed"
_WAS_DUE = re.compile(
    r"\b(?:was|were|had been)\s+(?:due|scheduled|expected|planned|set)\b(?!.*\b(?:will|next)\b)", re.I
)


#: "since" and a short clause of an event in a year, just before the year ("since it was launched in 2024")
_SINCE_EVENT = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){1,5}?(?:was|were)?\s*[a-z]+ed\s+in\s+\Z", re.I)

#: a future verb right after a date: "by March will", "by the end of February is set to"
_AHEAD_AFTER = re.compile(r",?\s+(?:(?:is|are)\s+(?:set|due|scheduled|expected)\s+to|will|shall)\b")
#: a date something is put off to: "has been postponed to June", "was delayed until March"
_PUT_OFF = re.compile(r"\b(?:postponed|delayed|deferred|put off|pushed back)\s+(?:(?:to|until|till)\s+)?\Z")
#: a finite verb in the past after a sentence-opening date, before any word of the future
_PAST_VERB = re.compile(r"\b(?:was|were|had)\b")


def _named_again(
    text: str, s_start: int, sentence: str, found: list[tuple[int, int, str, str]]
) -> list[tuple[int, int, str, str]]:
    """A month or year named again: "in June …, and 11.1% that month" (the month the sentence named before it), "By
    2025 …, and by that date we will have reached 18" (the year the text wrote last)."""
    out: list[tuple[int, int, str, str]] = []
    for m in _THAT_MONTH.finditer(sentence):
        named = [y for a, _, y, words in found if a < m.start() and "-" not in y and _MONTH_NAMED.search(words)]
        if named:
            out.append((m.start(), m.end(), named[-1], m.group(0)))
    for m in _THAT_DATE.finditer(sentence):
        year = last_year(text, s_start + m.start())
        if year:
            out.append((m.start(), m.end(), str(year), m.group(0)))
    return out


def _since(sentence: str, m: re.Match[str], before: str) -> bool:
    """Whether the year ``m`` opens a period running until now: "since 2019", "since it was launched in 2024",
    "since the 2013 census, …" (not "since the 2014 disaster that killed 301 miners": that figure is the event's)."""
    return bool(
        re.search(r"\bsince\s+$", before, re.I)
        or (
            re.search(r"\bsince\s+(?:the|its|their)\s+$", sentence[max(0, m.start() - 16) : m.start()], re.I)
            and re.match(r"\s+[\w-]+(?:\s+[\w-]+)?\s*(?:[,;.]|$)", sentence[m.end() :])
        )
        or _SINCE_EVENT.search(sentence, max(0, m.start() - 60), m.start())
    )


def _forward(sentence: str, start: int, end: int | None = None) -> bool:
    """Whether a date at ``start`` (ending at ``end``) is ahead of the publication date: the words since the last
    speech verb before it (or, at the sentence's start, up to the first, unless a verb in the past comes before the
    future: "In April, the town was hit by news that the mine would be idled") speak of the future, or the verb
    just after it does ("which by the end of February is set to announce")."""
    if (end is not None and _AHEAD_AFTER.match(sentence, end)) or _PUT_OFF.search(sentence, max(0, start - 40), start):
        return True
    before = re.split(rf"\b{SPEECH}\b", sentence[max(0, start - 300) : start])[-1]
    if _DONE_BY.search(before):  # "the $310 million it planned in January": a past act, whatever the sentence's tense
        return False
    if not before.strip(" ,"):
        before = re.split(rf"\b{SPEECH}\b", sentence[start : start + 300])[0]
        future = re.search(FUTURE, before, re.I)
        past = _PAST_VERB.search(before, 0, future.start() if future else 0)
        return bool(future) and not past and not _WAS_DUE.search(before)
    return bool(re.search(FUTURE, before, re.I)) and not _WAS_DUE.search(before)


def _written_financial(words: str) -> int | None:
    """The first year of the last financial year ``words`` write ("FY26", "FY2025-26", "2025-26"), else None."""
    last = None
    for m in _FISCAL.finditer(words):
        year = int(m.group(1) if len(m.group(1)) == 4 else f"20{m.group(1)}")
        last = (m.start(), year if m.group(2) else year - 1)  # "FY26" ends in 2026: it began in 2025
    for w in _WRITTEN_YEAR.finditer(words):
        if w.group(2) and financial_year(f"{w.group(1)}-{w.group(1)[:2]}{w.group(2)[-2:]}"):
            last = max(last or (-1, 0), (w.start(), int(w.group(1))))
    return last[1] if last else None


def _calendar(sentence: str, published: dt.date, country: str | None = None) -> list[tuple[int, int, str, str]]:
    """Dates without a year in a sentence: (start, end, year or period "start-end", words)."""
    out = []
    for m in _PERIOD.finditer(sentence):  # "in the past two years", "over the next decade"
        count = 1 if not m.group(2) else int(m.group(2)) if m.group(2).isdigit() else words_value(m.group(2))
        if count is not None:
            span = int(count) * (10 if m.group(3).lower().startswith("decade") else 1)
            ahead = m.group(1).lower() in ("next", "coming")
            first, last = (published.year, published.year + span) if ahead else (published.year - span, published.year)
            out.append((m.start(), m.end(), f"{first}-{last}", m.group(0)))
    for m in _DAY_MONTH.finditer(sentence):  # "9 November", "August 15", "Feb. 12"
        month = MONTH_NUMBERS[(m.group(2) or m.group(3) or m.group(4)).lower()[:3]]
        day = int(m.group(1) or m.group(5))
        if 1 <= day <= 31:
            year = published.year
            ahead = _forward(sentence, m.start()) or bool(_FOR.search(sentence, 0, m.start()))
            if ahead and (month, day) < (published.month, published.day):
                year += 1
            elif not ahead and (month, day) > (published.month, published.day):
                year -= 1
            day_of = _WEEKDAY_BEFORE.search(sentence, max(0, m.start() - 24), m.start())  # "Friday, 25 September"
            start = day_of.start() if day_of else m.start()
            out.append((start, m.end(), str(year), sentence[start : m.end()]))
    for m in _MONTH_WORD.finditer(sentence):  # "last October", "in mid-August", "by March"
        month, word = MONTH_NUMBERS[m.group(2).lower()[:3]], (m.group(1) or "").lower()
        ahead = word == "next" or (
            word not in ("last", "this")
            and _forward(sentence, m.start(), m.end())
            and not _DONE.search(sentence, 0, m.start())
        )
        year = published.year
        if word == "last" or (not ahead and word != "this"):
            year -= month > published.month or (word == "last" and month == published.month)
        elif ahead:
            year += month < published.month or (word == "next" and month == published.month)
        of_year = _OF_YEAR.match(sentence, m.end()) if not word else None
        if of_year:  # "in March last year": that year's March, whatever month it is now
            year = published.year + {"last": -1, "this": 0, "next": 1}[of_year.group(1).lower()]
        end = of_year.end() if of_year else m.end()
        out.append((m.start(), end, str(year), sentence[m.start() : end]))
    for m in _WEEKDAY.finditer(sentence):  # "on Friday", "since Monday", "next Tuesday"
        weekday = WEEKDAY_NUMBERS[m.group(2).capitalize()]
        word = (m.group(1) or "").lower()
        if word == "next" or (word != "last" and _forward(sentence, m.start())):
            date = published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)
        else:
            date = published - dt.timedelta(days=(published.weekday() - weekday) % 7 or (7 if word == "last" else 0))
        out.append((m.start(), m.end(), str(date.year), m.group(0)))
    for m in _SEASON.finditer(sentence):  # "in the spring": the next one ahead, else the last one
        month = seasons_of(country)[m.group(1).lower()]
        if _forward(sentence, m.start()):
            year = published.year + (month < published.month)
        else:
            year = published.year - (month > published.month)
        out.append((m.start(), m.end(), str(year), m.group(0)))
    for m in _PART_OF_YEAR.finditer(sentence):  # "in the first six months of the year": this year (last year's
        part = re.search(r"first\s+(\w+)\s+months", m.group(0))  # when more months than have passed)
        count = (int(part.group(1)) if part.group(1).isdigit() else words_value(part.group(1))) if part else None
        out.append((m.start(), m.end(), str(published.year - bool(count and count > published.month)), m.group(0)))
    for m in _QUARTER.finditer(sentence):  # "in the fourth quarter": the last one ended, or the next one ahead
        months = 3 if m.group(1) else 6
        last = months * ("first", "second", "third", "fourth").index((m.group(1) or m.group(2)).lower()) + months
        if _forward(sentence, m.start()):
            year = published.year + (last - months + 1 < published.month)
        else:
            year = published.year - (last > published.month)
        out.append((m.start(), m.end(), str(year), m.group(0)))
    for m in _MONTHS_SPAN.finditer(sentence):  # "in January-October": the last such months ended, or the next ahead
        first, last = (MONTH_NUMBERS[m.group(i).lower()[:3]] for i in (1, 2))
        if _forward(sentence, m.start()):
            year = published.year + (first < published.month)
        else:
            year = published.year - (last >= published.month)
        out.append((m.start(), m.end(), str(year), m.group(0)))
    start = FINANCIAL_YEAR_START.get(country or "", 0)
    for m in _THIS_FINANCIAL.finditer(sentence) if start else ():  # "this financial year" in Australia: 2025-2026
        word = (m.group(1) or "this").lower()
        first = published.year - (published.month < start) + {"last": -1, "previous": -1, "next": 1}.get(word, 0)
        written = _written_financial(sentence[: m.start()]) if word == "previous" else None
        first = written - 1 if written else first  # "in FY26, against 21pc in the previous fiscal year": 2024-2025
        out.insert(0, (m.start(), m.end(), f"{first}-{first + 1}", m.group(0)))  # before "in the last year"
    for m in _NEAR.finditer(sentence):  # "last week", "next month", "in the new year"
        step = {"last": -1, "this": 0, "next": 1}.get((m.group(1) or "").lower(), 1)
        if (m.group(2) or "").lower() == "week":
            year = (published + dt.timedelta(days=7 * step)).year
        elif (m.group(2) or "").lower() == "month":
            year = published.year + (published.month + step - 1) // 12
        else:
            year = published.year + 1
        out.append((m.start(), m.end(), str(year), m.group(0)))
    return out
