"""Names: runs of capitalised words, with titles split off and sentence openers, datelines,
months, demonyms and abbreviations that are not names dropped; whether a name looks like a person."""

from __future__ import annotations

import bisect
import collections
import functools
import itertools
import re
from dataclasses import dataclass, replace

from ...core.numerals import CURRENCY_CODES, SCALES
from ...core.numerals import WORDS as WORD_NUMBERS
from .lexicon import (
    ACRONYM,
    CAPTION_WORDS,
    COMPANY_WORDS,
    COMPASS,
    CONNECTORS,
    CONTRACTIONS,
    DEMONYMS,
    HONORIFICS,
    MONTH_NUMBERS,
    MONTHS,
    NOT_NAMES,
    NUMBERED_UNITS,
    OCCUPATIONS,
    OPENING_WORDS,
    ORG_WORDS,
    PARTICLES,
    PLACE_WORDS,
    PORTFOLIO_TITLES,
    PREPOSITIONS,
    SITES,
    SPEECH,
    STATE_ABBREVIATIONS,
    STOP,
    TITLE_MODIFIERS,
    TITLE_WORDS,
    TITLES,
    TOKEN,
    UPPER,
    UPPER_SET,
    WEEKDAYS,
    WIDGETS,
)


@dataclass
class Name:
    """A capitalised name in the text: where, its words, a title before it, and whether it looks like a person."""

    start: int
    end: int
    text: str
    title: str | None = None
    person: bool = False


#: a name written after a patronymic's initial glued by a full stop, as Mongolian news writes them ("Ts.Oyunbileg",
#: "S.Bat-Erdene"): one person's name
INITIALLED = re.compile(r"([A-Z][a-z]?)\.([A-Z][a-z]+(?:-[A-Z][a-z]+)*)")


def name_words(name: str) -> list[str]:
    """A name's words, an initial glued to it apart ("Ts.Oyunbileg": "Ts.", "Oyunbileg")."""
    return INITIALLED.sub(r"\1. \2", name).split()


def is_capital(token: str) -> bool:
    return token[0] in UPPER_SET


def _tokens(text: str, begin: int, end: int) -> list[tuple[int, int, str]]:
    """The words between ``begin`` and ``end``, "X-based" split ("Germany-based": Germany), an initial glued to a name
    kept whole ("Ts.Oyunbileg"), a site's buttons made a bar that no run crosses ("Order a Print")."""
    widgets = [(m.start(), m.end()) for m in WIDGETS.finditer(text, begin, end)]
    tokens: list[tuple[int, int, str]] = []
    k = 0
    for m in TOKEN.finditer(text, begin, end):
        while k < len(widgets) and widgets[k][1] <= m.start():
            k += 1
        if k < len(widgets) and widgets[k][0] <= m.start():
            tokens.append((m.start(), m.end(), "|"))  # "Order a Print": a site's button, no name's words
            continue
        based = re.search(r"-(?:based|owned|run|born|headquartered)$", m.group(0))
        if based and is_capital(m.group(0)):  # "Germany-based Heraeus Minerals": Germany is named
            tokens.append((m.start(), m.start() + based.start(), m.group(0)[: based.start()]))
            tokens.append((m.start() + based.start(), m.end(), m.group(0)[based.start() :]))
        elif tokens and text[tokens[-1][1] : m.start()] == "." and INITIALLED.fullmatch(text, tokens[-1][0], m.end()):
            tokens[-1] = (tokens[-1][0], m.end(), text[tokens[-1][0] : m.end()])  # "Ts.Oyunbileg": one name
        else:
            tokens.append((m.start(), m.end(), m.group(0)))
    return tokens


def find_names(
    text: str, lower_words: set[str], begin: int = 0, end: int | None = None, starts: set[int] | None = None
) -> list[Name]:
    """Runs of capitalised words between ``begin`` and ``end``: titles split off ("Mayor Katrin
    Möller"), lists split ("Dresden and Berlin", but not "Development and Reform Commission"),
    possessives cut ("Poland's"), sentence openers dropped ("When", or any word the text also
    writes in lower case), acronyms kept ("LEAG", "COP24"), datelines skipped."""
    end = len(text) if end is None else end
    starts = (starts if starts is not None else {begin}) | _after_credits(text) | _after_stamps(text)
    tokens = _tokens(text, begin, end)
    runs: list[list[tuple[int, int, str]]] = []
    run: list[tuple[int, int, str]] = []
    for i, (s, e, word) in enumerate(tokens):
        glued = (
            (
                (
                    bool(run)
                    and (
                        text[run[-1][1] : s] in (" ", " & ")
                        or (  # "Bakony Miners' and Energy Workers' Union": a plural possessive inside a name
                            text[run[-1][1] : s] in ("' ", "’ ")
                            and run[-1][2].endswith("s")
                            and (is_capital(word) or word == "and")
                        )
                        or (text[run[-1][1] : s] == ", " and LISTED_NAME.match(text, run[0][0]) is not None)
                        or (text[run[-1][1] : s] == ". " and run[-1][2] == "No" and word.isdigit())
                        or (  # "Prof. Sunita Oraon": an honorific's stop inside the run, as "Prof Sunita Oraon"
                            text[run[-1][1] : s] == ". "
                            and run[-1][2] in HONORIFICS
                            and len(run) == 1
                            and is_capital(word)
                        )
                        or (  # "V. Seetharamaiah", "M. Raghavendra Chary": an initial before a name
                            text[run[-1][1] : s] == ". "
                            and re.fullmatch(r"[A-Z]", run[-1][2])
                            and text[run[-1][0] - 1 : run[-1][0]] != "."  # not "U.S. Energy"
                            and is_capital(word)
                            and word.lower() not in lower_words
                        )
                    )
                    and not re.search(r"['’]s$", run[-1][2])
                )
                or (bool(run) and (run[-1][1], s) in _bracketed(text))  # "Coal Bearing (Acquisition …) Act"
            )
            and not _date_word(text, word, e)  # "Nemacolin Thursday morning", "By Ann Lee October 3": no name's word
            and not _credit_ends(text, run, s, word)  # "Image: Ann Lee/AFP Optimum Coal workers"
        )  # "Fenshui No. 3 Mine"
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if _glued_amount(text, e, word):
            if run:
                runs.append(run)
            run = []  # "Rs18bn", "Eskom R1.9bn": a sign glued to an amount, no name nor a name's word
        elif (
            (is_capital(word) and not re.search(r"-[a-z]+$", word) and not _lede_article(text, s, word))
            or _given_after_family(text, run, word, bool(glued))
            or re.fullmatch(r"[a-z]{1,2}[A-Z][a-z]\w*", word)
            or (
                word[0].isdigit()
                and re.fullmatch(r"\d+(?:st|nd|rd|th)", word)
                and following
                and is_capital(following[2])
                and text[e : following[0]] == " "
            )
        ):
            if run and not glued:
                runs.append(run)
                run = []
            run.append((s, e, word))
        elif glued and _of_the(text, run, word, tokens, i) and text[e : tokens[i + 1][0]] == " ":
            run.append((s, e, word))  # "Miners' Union of the Federation": "of the" inside an organisation's name
        elif (
            glued
            and word in CONNECTORS
            and following
            and (
                is_capital(following[2])
                or (  # "Johan van der Merwe"
                    word in PARTICLES
                    and following[2] in PARTICLES
                    and i + 2 < len(tokens)
                    and is_capital(tokens[i + 2][2])
                )
            )
            and text[e : following[0]] == " "
            and following[2] not in WEEKDAYS
            and following[2].lower() not in MONTHS
            and not (
                _MONTH_SHORT.fullmatch(following[2]) and re.match(r"\.?\s*\d", text[following[1] : following[1] + 3])
            )
        ):  # "Ruhr on Monday", "Labour Court on Oct. 23": no
            run.append((s, e, word))
        elif (
            glued
            and word.isdigit()
            and (len(word) <= 3 or (len(word) <= 5 and run[-1][2] in NUMBERED_UNITS))
            and not re.match(r"[.,]\d", text[e : e + 2])
            and run[-1][2] not in ("Rs", "R", "Rp")
            and not re.fullmatch(CURRENCY_CODES, run[-1][2])  # "USD 350": an amount
            and not _SCALE_AFTER.match(text, e)  # "Tk 36 crore": an amount, no "Route 52"
            and not any(_month_word(w) for w in (run[-1][2], following[2] if following else ""))  # "Nov 3", "18 Nov"
            and is_capital(run[-1][2])
            and not re.match(r"\s*(?:%|percent|per cent)", text[e : e + 9])
        ):
            run.append((s, e, word))  # "Route 52", "Sierpień 80"
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    names: list[Name] = []
    for run in _numbered_pairs(text, _portfolios_joined(text, runs)):
        parts = _split_run(run)
        the = len(parts) > 1 and _THE_BEFORE.search(text, max(0, run[0][0] - 6), run[0][0]) is not None
        for part in parts:  # "the Kestrel Energy and Chemical Industry Park": "the" lists no people
            found = [_abbreviated(text, n) for n in _clean(text, part, lower_words, starts)]
            names += [replace(n, person=False) if the and not n.title else n for n in found]
    return _bodies_throughout(_places_throughout(text, _headlined(text, names, lower_words)))


#: capitalised words in brackets inside a name that ends in an organisation's or a law's word ("Coal Bearing
#: (Acquisition and Development) Act")
_BRACKETED = re.compile(
    rf"(?<=[A-Za-z])( \()[A-Z][\w-]*(?:(?: and | of | & | )[A-Z][\w-]*){{0,4}}(\) )(?=(?:{'|'.join(ORG_WORDS)})\b)"
)


@functools.lru_cache(maxsize=4)
def _bracketed(text: str) -> frozenset[tuple[int, int]]:
    """The gaps, as (start, end), of the brackets inside a name ("Coal Bearing (Acquisition and Development) Act")."""
    return frozenset(span for m in _BRACKETED.finditer(text) for span in (m.span(1), m.span(2)))


def _month_word(word: str) -> bool:
    """Whether ``word`` is a month's name or its short form ("November", "Nov", "Sept")."""
    return word.lower() in MONTHS or (len(word) <= 4 and word[:3].lower() in MONTH_NUMBERS)


def _date_word(text: str, word: str, end: int) -> bool:
    """Whether ``word`` is a weekday, or a month (or its short form) before a day's number ("October 3", "Nov 3",
    "Nov. 3"): a date's, after a name ("Ann Lee Nov 3, 2015", a byline glued to its date)."""
    month = word.lower() in MONTHS or _MONTH_SHORT.fullmatch(word) is not None
    return word in WEEKDAYS or (month and re.match(r"\.?\s+\d", text[end : end + 5]) is not None)


#: a photograph's credit ("Photo: Ann Lee/dpa"), up to the word after it that opens the next sentence
_CREDIT = re.compile(rf"\b(?:{'|'.join(CAPTION_WORDS)}):\s[^\n/]{{1,60}}(?:/[\w.-]+)+\s+(?=[A-Z])")


@functools.lru_cache(maxsize=4)
def _after_credits(text: str) -> frozenset[int]:
    """Where a sentence opens right after a photograph's credit, with no full stop between ("/dpa Several")."""
    return frozenset(m.end() for m in _CREDIT.finditer(text))


def _credit_ends(text: str, run: list, at: int, word: str) -> bool:
    """Whether a credit's agency ends the run before ``word`` at ``at``, which opens a sentence ("Image: Ann
    Lee/AFP Optimum Coal workers"; not "…/THE JAKARTA POST", an agency in capitals)."""
    return at in _after_credits(text) and not (word.isupper() and run[-1][2].isupper())


#: a line's opening date and its dash ("date 2020-05-13 ", "May 10, 2017 - ", "12 March 2021 — ") or a page's bar
#: before a byline ("2006|By Ann Lee"; not "Ann Lee | The City Paper", an outlet's name): the next word opens a sentence
_STAMP = re.compile(
    r"(?:^[ \t]*(?:date\s+)?(?:\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.?\s\d{1,2},?\s\d{4}"
    r"|\d{1,2}\s[A-Z][a-z]{2,8},?\s\d{4})"
    r"[ \t]*(?:[-–—][ \t]*)?(?=[A-Z])|\|[ \t]*(?=By\s))",
    re.M,
)


@functools.lru_cache(maxsize=4)
def _after_stamps(text: str) -> frozenset[int]:
    """Where a sentence opens right after a line's opening date or a page's bar ("May 10, 2017 - A Japanese firm",
    "date 2020-05-13 As Europe …", "2006|By Ann Lee")."""
    return frozenset(m.end() for m in _STAMP.finditer(text))


@functools.lru_cache(maxsize=4)
def _title_case_lines(text: str) -> tuple[tuple[int, int], ...]:
    """The lines written in Title Case, headlines and subheadings (four or more long words, most capitalised, no
    sentence's full stop)."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group(0).rstrip()
        long_words = re.findall(r"\w{4,}", line)
        if (
            len(long_words) >= 4
            and not line.startswith("By ")  # a byline
            and not re.search(r"[|●•]", line)  # "Radio Prague | Ann Lee | 2 May": a page's line of who and when
            and not line.endswith((".", "!", ":", '"', "”", "’", "'"))
            and ". " not in line
            and sum(is_capital(w) for w in long_words) >= 0.6 * len(long_words)
        ):
            out.append((m.start(), m.end()))
    return tuple(out)


def _headlined(text: str, names: list[Name], lower_words: set[str]) -> list[Name]:
    """The names without those of a Title Case line that the text does not write outside that line, with a word
    of four letters or more it writes in lower case ("Will Happen", "Declining Job Opportunities?": a headline's
    words, capitalised for the headline only; an outlet's "Aachener Zeitung – English edition" stays)."""
    lines = _title_case_lines(text)
    if not lines:
        return names
    ends = [b for _, b in lines]
    out = []
    for n in names:
        i = bisect.bisect_right(ends, n.start)
        if (
            i < len(lines)
            and lines[i][0] <= n.start
            and any(len(w) >= 4 and w.lower() in lower_words for w in re.split(r"[\s-]+", n.text))
        ):
            a, b = lines[i]
            first = TOKEN.match(n.text)
            if not any(
                not a <= at < b and text.startswith(n.text, at) and not re.match(r"\w", text[at + len(n.text) :][:1])
                for at in _occurrences(text).get(first.group(0) if first else n.text, ())
            ):
                continue
        out.append(n)
    return out


def _bodies_throughout(names: list[Name]) -> list[Name]:
    """The names made no person where the text also writes them with a company's word before or after ("JSC Kondoma
    Ugol" … "at Kondoma Ugol's mine"), unless a title marks them."""
    bodies = set()
    for n in names:
        words = n.text.split()
        if len(words) >= 3 and not n.person and not n.title and {words[0], words[-1]} & COMPANY_WORDS:
            bodies.add(" ".join(words[1:] if words[0] in COMPANY_WORDS else words[:-1]))
    return [replace(n, person=False) if n.person and not n.title and n.text in bodies else n for n in names]


#: a preposition of where, before a name: what it names is a place ("the pits around Tanjung Enim")
_WHERE_BEFORE = re.compile(r"\b(?:in|near|around|under|outside|across)\s+\Z")


def _places_throughout(text: str, names: list[Name]) -> list[Name]:
    """The names made no person where the text also writes them as a place, after "in", "near", "around" …
    ("… told reporters that Tanjung Enim was among the first"), unless a title or a description marks them."""
    places = {
        n.text
        for n in names
        if " " in n.text and not n.title and _WHERE_BEFORE.search(text, max(0, n.start - 10), n.start)
    }
    return [
        replace(n, person=False) if n.person and n.text in places and not n.title and not _described(text, n.end) else n
        for n in names
    ]


#: a company's abbreviation's full stop, and the abbreviations after it ("Co., Ltd."), where the sentence goes on
ABBREVIATED = re.compile(r"(?:\.,?\s+(?:Ltd|Inc|Co|Corp|Pty)\b)*\.(?=,|\s+[a-z])")
COMPANY_ABBREVIATIONS = {"Co", "Ltd", "Inc", "Corp", "Pty"}


#: a company's form written as letters with full stops after the name's last letter ("A" of "A.Ş.", "S" of "S.p.A.")
_DOTTED_FORM = re.compile(r"(?:\.[^\W\d_]{1,2})+\.")


#: single words listed with commas and "and" before an organisation's noun: one name ("Rail, Tram and Bus Union")
LISTED_NAME = re.compile(
    rf"(?:[{UPPER}][a-z]+,\s)+[{UPPER}][a-z]+\s+and\s+(?:[{UPPER}][a-z]+\s+){{1,2}}(?:{'|'.join(sorted(ORG_WORDS))})\b"
)


def _lede_article(text: str, at: int, word: str) -> bool:
    """Whether ``word`` is an article set in capitals opening a line ("THE Rutherford workshop …"): no name's."""
    return word in ("THE", "AN") and not text[text.rfind("\n", 0, at) + 1 : at].strip()


def _abbreviated(text: str, name: Name) -> Name:
    """A company's name with its abbreviation's full stop ("Powder Crest Mining Co. said", "Fuxin Xinfeng Wind Power
    Co., Ltd.,"), not a sentence's ("… run by Valleys Media Ltd. Councillor …"); with its form's dotted letters
    ("Kestane Enerji A.Ş.")."""
    last = name.text.rsplit(None, 1)[-1]
    if " " in name.text and len(last) == 1 and last.isupper() and (dotted := _DOTTED_FORM.match(text, name.end)):
        return replace(name, end=dotted.end(), text=text[name.start : dotted.end()], person=False)
    found = ABBREVIATED.match(text, name.end) if last in COMPANY_ABBREVIATIONS else None
    return replace(name, end=found.end(), text=text[name.start : found.end()]) if found else name


def _first_name_word(text: str, word: str, at: int) -> bool:
    """Whether a short word is what a person named before ``at`` is called by, a family name
    written first ("Li" after "Li Ming, deputy director …"), or a given name written last and said again ("Hà"
    after "Vũ Thanh Hà, a researcher …", as Vietnamese names are): looked for in a bounded window."""
    window = text[max(0, at - 3000) : at]
    return word.isalpha() and bool(
        re.search(rf"\b{word} [A-Z][a-z]+(?:-[a-z]+)?,", window)
        or re.search(rf"(?<![\w'’-])[{UPPER}]\w+ [{UPPER}]\w+ {word},", window)
    )


def _held_at(text: str, run, title: list[str], lower_words: set[str]) -> tuple[list, list[Name]]:
    """A titled person's run cut at "of": the name, and the names of where they hold the title."""
    words = [w for _, _, w in run]
    if not (title and "of" in words[2:]):
        return run, []
    k = words.index("of", 2)
    if set(words[:k]) & ORG_WORDS:  # "Prof X Y of Z University": the body after "of" may be an organisation's
        return run, []
    rest = run[k + 2 :] if run[k + 1 :][:1] and run[k + 1][2] == "the" else run[k + 1 :]
    return run[:k], (_clean(text, rest, lower_words, set()) if rest else [])


def _title_word(word: str) -> bool:
    """Whether ``word`` is a title, or title words joined by hyphens ("Director-General", "Vice-Mayor")."""
    return word in TITLES or ("-" in word and all(part in TITLES | TITLE_WORDS for part in word.split("-")))


def _name_words(words: list[str]) -> bool:
    """Whether ``words`` are a person's name written in full: capitalised words, halves joined by a hyphen
    ("Ortiz-Wale"), the first maybe an initial ("K. Ramesh", "Ch. Rao": its full stop apart)."""
    return all(
        (w.replace("-", "").isalpha() and is_capital(w) and not w.isupper() and not ("-" in w and _title_word(w)))
        or (i == 0 and len(words) >= 2 and re.fullmatch(rf"[{UPPER}][a-z]?", w) is not None)
        for i, w in enumerate(words)
    )


def _titled(words: list[str]) -> int | None:
    """Where the person's name begins after a title that ends a run of capitalised words
    ("Mines and Energy Minister Camilo Rojas Arango", "Angul District Collector Priyanka Sahoo": a capitalised
    occupation too, before a name of two or three words), when the title has words before it; a title's word right
    after the title is a first name ("Isaac Regional Council Mayor Dean Hollis")."""
    for i in range(len(words) - 3, 0, -1):
        rest = words[i + 1 :]
        if (
            (_title_word(words[i]) or (re.fullmatch(OCCUPATIONS, words[i].lower()) and len(rest) <= 3))
            and 2 <= len(rest) <= 4
            and _name_words(rest)
            and not set(rest) & (ORG_WORDS | PLACE_WORDS)
            and not set(rest[1:] if words[i] in TITLES else rest) & TITLES
        ):
            return i + 1
    return None


def _title_words(words: list[str]) -> int | None:
    """Where a person's name begins after two or more title words ending in a title or an
    occupation ("Chief Executive Officer Tomáš Hrubý", "Head Coach Bill Ames")."""
    k = 0
    while k < len(words) and (
        words[k] in TITLE_WORDS or words[k] in TITLES or re.fullmatch(OCCUPATIONS, words[k].lower())
    ):
        k += 1
    while k and not (words[k - 1] in TITLES or re.fullmatch(OCCUPATIONS, words[k - 1].lower())):
        k -= 1
    rest = words[k:]
    if k >= 2 and 2 <= len(rest) <= 4 and (all(w.isalpha() and not w.isupper() for w in rest) or _name_words(rest)):
        return k if not set(rest) & (ORG_WORDS | PLACE_WORDS | TITLES | TITLE_WORDS) else None
    return None


@functools.lru_cache(maxsize=4)
def _after_the(text: str) -> frozenset[str]:
    """The words the text writes in lower case after "the" as one who speaks ("the regent said", "the warden also
    told")."""
    return frozenset(re.findall(rf"\b[Tt]he\s+([a-z][\w-]*)\s+(?:[a-z]+\s+)?{SPEECH}\b", text))


def _called_by_title(text: str, words: list[str]) -> int | None:
    """Where a person's name begins after a title the lexicon does not know but the text calls them by, in lower case
    after "the" ("Muara Enim Regent Ahmad Rizal Fauzan" … "the regent said"): the last such word with a full name of
    two or three words after it."""
    for i in range(len(words) - 3, -1, -1):
        rest = words[i + 1 :]
        if (
            2 <= len(rest) <= 3
            and all(w.isalpha() and is_capital(w) and not w.isupper() for w in rest)
            and not set(rest) & (ORG_WORDS | PLACE_WORDS | TITLES | TITLE_WORDS | COMPANY_WORDS)
            and words[i].lower() in _after_the(text)
        ):
            return i + 1
    return None


@functools.lru_cache(maxsize=4)
def _said_alone(text: str) -> frozenset[str]:
    """The capitalised words the text writes alone as one who speaks ("Ngobeni said", "said Ngobeni", "Mr Ngobeni")."""
    return frozenset(
        re.findall(rf"(?<![\w’'-] )\b([{UPPER}][\w’'-]+)\s+{SPEECH}\b", text)
        + re.findall(rf"\b{SPEECH}\s+([{UPPER}][\w’'-]+)[.,]", text)
        + re.findall(rf"\b(?:{'|'.join(sorted(HONORIFICS))})\.?\s+([{UPPER}][\w’'-]+)\b(?!\s+[{UPPER}])", text)
    )


def _given_after_family(text: str, run: list, word: str, glued: bool) -> bool:
    """Whether ``word`` is a given name whose second half is in lower case, written after the family name ("Lee
    Ji-woo", as Korean, Taiwanese and older Chinese romanisation write it): the word before is capitalised and the
    text later writes it alone as one who speaks ("Lee said"), so the name it introduced is the whole."""
    return (
        glued
        and re.fullmatch(rf"[{UPPER}][a-z]+-[a-z]+", word) is not None
        and is_capital(run[-1][2])
        and run[-1][2] in _said_alone(text)
    )


def _office_named(title: str, lower_words: set[str]) -> bool:
    """Whether the text writes, in lower case, the office ``title`` names its holder by ("regent" and "the regency",
    "akim" and "the akimat", "prefect" and "the prefecture"): a title, no given name."""
    stems = {title, title[:-1]} if title.endswith(("t", "e")) and len(title) >= 5 else {title}
    return len(title) >= 4 and any(f"{stem}{end}" in lower_words for stem in stems for end in _OFFICE_ENDS)


#: how the name of an office is made from its holder's title ("regen-cy", "akim-at", "prefect-ure")
_OFFICE_ENDS = ("cy", "at", "ate", "ure", "ship", "alty")


def _body_before(text: str, words: list[str]) -> int | None:
    """Where a person's name of two or three words begins right after a body's name ending in its noun ("… People's
    Committee Trần Văn Bình", "Labour Ministry Ana Ruiz"), when the text later calls them by one of its words alone
    as one who speaks ("Bình told")."""
    for i in range(len(words) - 3, -1, -1):
        rest = words[i + 1 :]
        if (
            words[i] in ORG_WORDS
            and is_capital(words[i])
            and 2 <= len(rest) <= 3
            and _name_words(rest)
            and not set(rest) & (ORG_WORDS | PLACE_WORDS | TITLES | TITLE_WORDS | COMPANY_WORDS)
            and set(rest) & _said_alone(text)
        ):
            return i + 1
    return None


def _called_by_surname(text: str, words: list[str], lower_words: set[str]) -> int | None:
    """Where a two-word name begins after a title the lexicon does not know, ending in an acronym or a word the text
    writes in lower case ("… Development MEC Refilwe Ngobeni") or two capitalised halves ("Judge-Executive"), when the
    text later calls them by the last word alone as one who speaks ("Ngobeni said", "Hatfield-Combs said")."""
    rest = words[-2:]
    if (
        len(words) >= 3
        and (
            (words[-3].isupper() and len(words[-3]) >= 2)
            or words[-3].lower() in lower_words
            or _office_named(words[-3].lower(), lower_words)  # "Regent X Y" … "the regency": the regent
            or re.fullmatch(rf"[{UPPER}][a-z]+-[{UPPER}][a-z]+", words[-3])  # "Judge-Executive": no name part
        )
        and words[-3] not in STOP  # "For Pradeep Behera, …": no title
        and all(
            w.replace("-", "").isalpha() and is_capital(w) and not w.isupper() and w.lower() not in lower_words
            for w in rest
        )  # "Rhonda Jeppson-Ruiz"
        and not set(rest) & (ORG_WORDS | PLACE_WORDS | TITLES | TITLE_WORDS | COMPANY_WORDS)
        and rest[1] in _said_alone(text)
    ):
        return len(words) - 2
    return None


@functools.lru_cache(maxsize=4)
def _addressed(text: str) -> frozenset[tuple[str, str]]:
    """The (word, last word of a name) pairs the text writes both as "word Given Last" (one or two words between) and
    as "word Last" closing a run of capitalised words ("Cde Tendai Mavhunga" … "Cde Mavhunga said"), and never the
    last word alone: a form of address is said with every mention, a first name is not ("Anna Maria Weber" … "Anna
    Weber" … "Weber said": Anna is her first name); indexed once."""
    full: set[tuple[str, str]] = set()
    alone: set[tuple[str, str]] = set()
    single: set[str] = set()
    for m in re.finditer(rf"(?<![\w'’-])[{UPPER}][\w'’-]*(?: [{UPPER}][\w'’-]*)*(?![\w'’-])", text):
        words = m.group(0).split(" ")
        if len(words) == 1:
            single.add(words[0])
            continue
        alone.add((words[-2], words[-1]))
        full.update((words[j], words[-1]) for j in range(max(0, len(words) - 4), len(words) - 2))
    return frozenset(pair for pair in full & alone if pair[1] not in single)


def _called_with_address(text: str, words: list[str], lower_words: set[str]) -> int | None:
    """Where a name begins after a form of address the lexicon does not know, a capitalised word the text writes
    both before the full name and before its last word alone ("Cde Tendai Mavhunga" … "Cde Mavhunga", "Kgosi
    Oarabile Kgari" … "Kgosi Kgari said")."""
    for i in range(len(words) - 2, -1, -1):
        address, rest = words[i], words[i + 1 :]
        if (
            len(rest) <= 3
            and address.isalpha()
            and is_capital(address)
            and address not in STOP
            and all(w.replace("-", "").isalpha() and is_capital(w) and not w.isupper() for w in rest)
            and not {w.lower() for w in rest} & lower_words
            and not set(rest) & (ORG_WORDS | PLACE_WORDS | TITLES | TITLE_WORDS | COMPANY_WORDS)
            and (address, rest[-1]) in _addressed(text)
        ):
            return i + 1
    return None


def _before_of(words: list[str]) -> list[str]:
    """The words of a run before its first "of" after two words ("Chief Executive Dana Whitt of Blue Ridge"): a title
    and name, before the body the title is held at."""
    return words[: words.index("of", 2)] if "of" in words[2:] else words


@functools.lru_cache(maxsize=4)
def _where(text: str) -> frozenset[str]:
    """The one or two capitalised words the text writes as a place, after "in", "near", "around" … ("in Shakhtinsk")."""
    found = re.findall(
        rf"\b(?:in|near|around|under|outside|across|beneath)\s+([{UPPER}][\w-]+(?: [{UPPER}][\w-]+)?)", text
    )
    return frozenset(found + [f.split()[0] for f in found])


def _placed_title(text: str, words: list[str]) -> int | None:
    """Where a two-word name begins after a place the text names as one ("in Shakhtinsk") and one or two capitalised
    words of a title the lexicon does not know ("Shakhtinsk Akim Gulnar Sadvakassova": the akim of Shakhtinsk)."""
    rest = words[-2:]
    for p in (1, 2):
        title = words[p:-2]
        if (
            1 <= len(title) <= 2
            and " ".join(words[:p]) in _where(text)
            and all(w.isalpha() and is_capital(w) and not w.isupper() for w in title + rest)
            and not set(title + rest) & (ORG_WORDS | PLACE_WORDS | COMPANY_WORDS)
            and not set(rest) & (TITLES | TITLE_WORDS)
        ):
            return p + len(title)
    return None


def _portfolio(words: list[str]) -> int | None:
    """Where a two-word name begins after a portfolio title, "for" or "of" and one to three capitalised words of its
    portfolio ("Cabinet Secretary for Economy Ffion Rees-Hughes", "Minister for Mines and Energy Jan Kos")."""
    rest = words[-2:]
    for i in range(len(words) - 4):
        if words[i] in PORTFOLIO_TITLES and words[i + 1] in ("for", "of"):
            held = words[i + 2 : -2]
            if (
                1 <= len(held) <= 4  # "Minister of Energy, Mining and Industry X Y"
                and all(is_capital(w) or w == "and" for w in held)
                and all(is_capital(w) and not w.isupper() and w.replace("-", "").isalpha() for w in rest)
                and not set(rest) & (ORG_WORDS | PLACE_WORDS | TITLES | TITLE_WORDS | COMPANY_WORDS)
            ):
                return len(words) - 2
    return None


def _modified_title(words: list[str]) -> int | None:
    """Where a person's name begins after a title word and a capitalised word the lexicon does not
    know as a title ("Deputy Akim Nurlan Bekov", "Vice Rector Anna Maria Lis"): when the words after
    it form a full name of two or three words."""
    rest = words[2:]
    if (
        words[:1]
        and words[0] in TITLE_MODIFIERS
        and 2 <= len(rest) <= 3
        and all(w.isalpha() and is_capital(w) and not w.isupper() for w in words[1:])
        and not set(words[1:]) & (ORG_WORDS | PLACE_WORDS | TITLES | TITLE_WORDS | COMPANY_WORDS)
    ):
        return 2
    return None


#: a month's short name ("Oct", "Sept")
_MONTH_SHORT = re.compile(r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)")
#: a direction before a demonym ("South African", "West Virginian" is no demonym of the lexicon)


#: a kind of site after a name, in lower case and perhaps after one word ("coal mine", "open-pit mine")
_SITE_AFTER = re.compile(rf"\s+(?:[a-z-]+\s+)?(?:{SITES})\b")


def _site_named(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start``–``end`` names a site: "the Premier coal mine", "the Governor power station"."""
    return text[max(0, start - 4) : start] == "the " and bool(_SITE_AFTER.match(text, end, end + 30))


def _of_the(text: str, run: list, word: str, tokens: list, i: int) -> bool:
    """Whether ``word`` (the ``i``-th token) is the "of" or "the" of "of the" ("for the") after an organisation's word
    and before one capitalised word ("Miners' Union of the Federation", "University of the Witwatersrand", "Federation
    for the Environment and Nature Conservation"; not "Poland of the
    past", nor "… Center of the National Development and Reform Commission", an organisation of its own)."""
    if word in ("of", "for"):
        ahead = tokens[i + 1 : i + 4]
        one = len(ahead) < 3 or not (is_capital(ahead[2][2]) and text[ahead[1][1] : ahead[2][0]] in (" ", " and "))
        listed = word == "of" or (len(ahead) == 3 and ahead[2][2] == "and")  # "for the X and Y", no "for the X region"
        return (
            run[-1][2] in ORG_WORDS
            and len(ahead) >= 2
            and ahead[0][2] == "the"
            and is_capital(ahead[1][2])
            and one
            and listed
        )
    return word == "the" and len(run) >= 2 and run[-1][2] in ("of", "for") and run[-2][2] in ORG_WORDS


def _portfolios_joined(text: str, runs: list[list]) -> list[list]:
    """Runs with a body named for a list of portfolios made one ("Ministry of Trade" + ", Industry and Energy";
    "Ministry of Environment, Forestry and Fisheries"): the list's commas are inside its name."""
    listed = lambda k: k < len(runs) and text[runs[k - 1][-1][1] : runs[k][0][0]] == ", "  # after a comma
    out: list[list] = []
    i = 0
    while i < len(runs):
        run, j = runs[i], i + 1
        if len(run) >= 3 and run[-3][2] in ORG_WORDS | PORTFOLIO_TITLES and run[-2][2] in ("of", "for"):
            while listed(j) and len(runs[j]) == 1:
                j += 1  # "Environment, Forestry, Fisheries and …": one portfolio each
            title = run[-3][2] in PORTFOLIO_TITLES  # "Minister of Energy, Mining and Industry X Y": a holder after
            if listed(j) and runs[j][1][2] == "and" and (len(runs[j]) > 3 if title else len(runs[j]) == 3):
                out.append([token for part in runs[i : j + 1] for token in part])
                i = j + 1
                continue
        out.append(run)
        i += 1
    return out


#: the end of a sentence or clause right after a title's portfolio ("…, Minister of Mining and Energy.")
_PORTFOLIO_ENDS = re.compile(r"[.,;:]|\s*\n|\s*$")
#: a second number after a numbered name's ("Colstrip Units 1 and 2", "Central Angamos 1 and 2"; not "1 and 2%")
_AND_NUMBER = re.compile(r" (and) (\d{1,2})\b(?![.,]\d|\s*(?:%|percent|per cent))")


def _numbered_pairs(text: str, runs: list[list]) -> list[list]:
    """Runs ending in a number with the second number after "and" made one ("Colstrip Units 1 and 2": the two
    units' one name)."""
    out = []
    for run in runs:
        m = _AND_NUMBER.match(text, run[-1][1]) if len(run) >= 2 and run[-1][2].isdigit() else None
        out.append([*run, (m.start(1), m.end(1), "and"), (m.start(2), m.end(2), m.group(2))] if m else run)
    return out


#: a body's noun (never a person's) right before a name: "the municipal utility X", "a logistics firm X"
_BODY_NOUN_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their)\s+(?:[a-z][\w-]*\s+){0,2}(?:union|company|firm|group|utility|association|"
    r"co-?operative|agency|bank|fund|charity|federation|confederation|ministry|party|institute|insurer|lender|"
    r"consultancy|retailer|supplier|operator|producer|manufacturer|exporter|employer|subsidiary|conglomerate)\s+\Z"
)
#: "the" right before a run of capitalised words (no people's names follow it: "the Ningxia Energy and …")
_THE_BEFORE = re.compile(r"\bthe\s+\Z")


def _split_run(run):
    """A list of names is split at "and" (each with its title: "Cr Neville Hartigan and Cr Sue Delaney") unless the
    whole ends like an organisation's name, or one or two words and an organisation's name of a place ("Development
    and Reform Commission of Huaibei") make it."""
    words = [w for _, _, w in run]
    head = words[: words.index("and")] if "and" in words else []
    tail = words[len(head) + 1 :]  # "Development and Reform Commission of Huaibei": named after "and" too
    held = [i for i, w in enumerate(head[:-1]) if w in PORTFOLIO_TITLES and head[i + 1] in ("of", "for")]
    listed = (  # "Minister of Industry and Construction X Y" (not an initialled name: "… Heavy Industry Ch.Bolormaa")
        bool(held) and len(head) - held[0] - 2 <= 2 and len(tail) >= 3 and not INITIALLED.fullmatch(words[-1])
    )
    named = (
        listed
        or any(w in ORG_WORDS and nxt in ("of", "for") for w, nxt in itertools.pairwise(head))
        or (
            len([w for w in head if w not in STOP]) <= 2  # "Human Resources and Social Security Bureau of Jincheng"
            and any(w in ORG_WORDS and nxt in ("of", "for") for w, nxt in itertools.pairwise(tail))
        )
    )
    titled_each = bool(head) and len(tail) >= 2 and head[0] in TITLES and tail[0] in TITLES  # "Cr X and Cr Y"
    last = re.sub(r"['’]s$", "", words[-1])  # "the Mining and Energy Union's district": the union's whole name
    numbered = tail[:1] == [words[-1]] and words[-1].isdigit()  # "Colstrip Units 1 and 2": one name
    if (
        "and" in words
        and last not in ORG_WORDS | COMPANY_ABBREVIATIONS  # "X and Y Group Co": one company
        and not named
        and not numbered
        and (titled_each or _titled(words) is None)
    ):
        parts: list[list] = []
        part: list = []
        for token in run:
            if token[2] == "and":
                parts.append(part)
                part = []
            else:
                part.append(token)
        return [p for p in [*parts, part] if p]
    return [run]


@functools.lru_cache(maxsize=4)
def _occurrences(text: str) -> dict[str, list[int]]:
    """Where each word of the text is written (an index, so that names are checked in linear time)."""
    out: dict[str, list[int]] = collections.defaultdict(list)
    for m in TOKEN.finditer(text):
        out[m.group(0)].append(m.start())
    return out


def _elsewhere(text: str, words: str, starts: set[int]) -> bool:
    """Whether ``words`` are written somewhere that does not open a sentence."""
    first = TOKEN.match(words)
    return any(
        at not in starts
        and text.startswith(words, at)
        and not re.match(r"[\w-]", text[at + len(words) : at + len(words) + 1])
        for at in _occurrences(text).get(first.group(0) if first else words, ())
    )


def _described(text: str, end: int) -> bool:
    """Whether a name is followed by what describes a person: ", who", ", a nurse", ", an analyst", ", the chief
    executive"."""
    return bool(
        re.match(rf",\s+(?:who\s|(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?(?:{OCCUPATIONS})\b)", text[end : end + 80])
    )


def _clean(text: str, run, lower_words: set[str], starts: set[int]) -> list[Name]:
    """The name a run of capitalised tokens holds (and the places and organisations it names beside it),
    its title apart and the words that open a sentence or join names dropped; none when it is no name."""
    title, run, places = _title_apart(text, list(run), lower_words, starts)
    kept = _trimmed(text, run, title, run[0][0] in starts if run else False, lower_words, starts)
    if kept is None:
        return []
    run, title, at_start = kept
    run, held = _held_at(text, run, title, lower_words)  # "Governor Ana Ruiz of Cesar": the person, then Cesar
    s, e, words = run[0][0], run[-1][1], [w for _, _, w in run]
    if re.search(r"['’]s$", words[-1]):
        e -= 2
        words[-1] = words[-1][:-2]
    if _no_name(text, s, e, words, at_start, lower_words, starts):
        return []
    person = _looks_like_a_person(text, s, e, words)
    before = re.search(r"(\w+)\s+$", text[max(0, s - 30) : s])
    possessive = text[e : e + 2] in ("'s", "’s")  # "the wall of Halina Wróblewska's kitchen": a person still
    if before and before.group(1).lower() in PREPOSITIONS and not title and not _described(text, e) and not possessive:
        person = False  # "the town of Ruda Śląska": a place; "the view of Anna Weber, a nurse,": a person
    if not title and re.search(
        r"\b(?:heads|leads|chairs|runs|directs|manages)\s+(?:the\s+)?$", text[max(0, s - 30) : s]
    ):
        person = False  # "X, who heads Středočeská Teplárenská, said": the body X heads, no person
    if not title and _BODY_NOUN_BEFORE.search(text, max(0, s - 50), s):
        person = False  # "the municipal utility Stadtwerke Kolbe": the body the noun says it is, no person
    if not title and re.search(r"\w-based\s+$", text[max(0, s - 30) : s]):
        person = False  # "the Johannesburg-based Transition Economics Lab": a body based somewhere, no person
    return [*places, Name(s, e, text[s:e], " ".join(title) or None, person or (bool(title) and len(words) >= 2)), *held]


#: a title and "of (the)" right before a run of capitalised words, the place it is held and a name
#: a title before "of the" and the name of where it is held, past its portfolio ("Deputy Minister of Housing and
#: Utilities of the Y Region X")
_HELD_TITLE = re.compile(
    r"\b((?:[A-Z][\w-]+\s+)?[A-Z][\w-]+)(?:\s+(?:of|for)\s+[A-Z][\w-]+(?:,?\s+(?:and\s+|&\s+)?[A-Z][\w-]+){0,3})?"
    r"\s+of\s+(?:the\s+)?\Z"
)


def _title_apart(text: str, run: list, lower_words: set[str], starts: set[int]) -> tuple[list[str], list, list[Name]]:
    """The title a run opens with, the rest of the run, and the place a title is held in ("Deputy Mayor of Tychy
    Jan Nowak": Tychy)."""
    title: list[str] = []
    at_start = run[0][0] in starts
    cut = _titled([w for _, _, w in run])  # "Mines and Energy Minister Camilo Rojas Arango": the name after the title
    if cut is None:  # "Chief Executive Officer Tomáš Hrubý": a title of title words ("… of Y": the body held at)
        cut = _title_words([w for _, _, w in run]) or _title_words(_before_of([w for _, _, w in run]))
    if cut is None:  # "Deputy Akim Nurlan Bekov": a title word and a title the lexicon does not know
        cut = _modified_title([w for _, _, w in run])
    if cut is None:  # "Harlan County Judge-Executive Dwayne Hensley" … "the judge-executive said": a title of the text
        cut = _called_by_title(text, [w for _, _, w in run])
    if cut is None:  # "Provincial Economic Development MEC Refilwe Ngobeni" … "Ngobeni said": a title the text names
        cut = _called_by_surname(text, [w for _, _, w in run], lower_words)
    if cut is None:  # "Cde Tendai Mavhunga" … "Cde Mavhunga said": a form of address of the text
        cut = _called_with_address(text, [w for _, _, w in run], lower_words)
        run = run[cut - 1 :] if cut else run  # "… and Devolution Cde Tendai Mavhunga": the address alone its title
        cut = 1 if cut else None
    if cut is None:  # "Shakhtinsk Akim Gulnar Sadvakassova" … "in Shakhtinsk": a place's title before a name
        cut = _placed_title(text, [w for _, _, w in run])
    if cut is None:  # "Cabinet Secretary for Economy Ffion Rees-Hughes": a title with its portfolio
        cut = _portfolio([w for _, _, w in run])
    if cut is None and at_start and len(run) >= 3 and re.fullmatch(OCCUPATIONS, run[0][2].lower()):
        cut = 1  # "Mechanic Josh Whitlock, 31, has worked…", "Governor of Dornod Province B.Tsetseg said"
    if cut is not None:
        title, run = [w for _, _, w in run[:cut]], run[cut:]
    places: list[Name] = []
    the = 1 + (len(run) > 1 and run[1][2] == "the")  # "Deputy Marshal of the Silesian Voivodeship Bożena Kłosińska"
    size = 1 if INITIALLED.fullmatch(run[-1][2]) else 2  # "Governor of Umnugovi Province S.Oyuntsetseg": one word
    if title and run[0][2] == "of" and 3 + the <= len(run) <= 4 + the and all(is_capital(w) for _, _, w in run[the:]):
        if title[-1] not in PORTFOLIO_TITLES:  # "Minister of Electricity Lindiwe Sokhela": a portfolio, not a place
            places = _clean(text, run[the:-size], lower_words, set())  # "Deputy Mayor of Tychy Jan Nowak": where, who
        run = run[-size:]
    held = _HELD_TITLE.search(text, max(0, run[0][0] - 60), run[0][0]) if not title and 3 <= len(run) <= 5 else None
    if (
        held
        and (held.group(1).split()[0] in TITLE_MODIFIERS or held.group(1).split()[-1] in TITLES)
        and run[-size - 1][2] in ORG_WORDS | PLACE_WORDS
        and all(is_capital(w) for _, _, w in run[-size:])
    ):  # "Deputy Marshal of the Silesian Voivodeship Bożena Kłosińska": where, and who holds the title
        places = _clean(text, run[:-size], lower_words, set())
        title, run = held.group(1).split(), run[-size:]
    elif not title and (body := _body_before(text, [w for _, _, w in run])):
        places = [replace(n, person=False) for n in _clean(text, run[:body], lower_words, set())]
        run = run[body:]  # "the People's Committee Trần Văn Bình" … "Bình told": the committee, then who
    elif (
        not title
        and len(run) >= 2
        and INITIALLED.fullmatch(run[-1][2])
        and not {w for _, _, w in run} & (TITLES | TITLE_WORDS | {"of"})
    ):
        places = [replace(n, person=False) for n in _clean(text, run[:-1], lower_words, set())]
        run = run[-1:]  # "… Heavy Industry Ch.Bolormaa": the initialled name is the person, the words before none
    for i in (1, 2, 3):  # "Industry Minister Lukáš Vlček", "Tamil Nadu Electricity Minister S. Thangapandian"
        if (
            not title
            and len(run) > i + 1
            and run[i][2] in TITLES
            and run[i - 1][2] not in ORG_WORDS | PLACE_WORDS
            and all(  # "Waynesburg General Hospital's": no title "General"
                is_capital(w) and re.sub(r"['’]s$", "", w) not in ORG_WORDS | PLACE_WORDS for _, _, w in run[i + 1 :]
            )
        ):
            title = [w for _, _, w in run[:i]]
            run = run[i:]
            break
    return title, run, places


def _participle_before(text: str, run: list, starts: set[int]) -> bool:
    """Whether a run opening a sentence starts with a participle before a name ("Retiring Kessel is …"): a word in
    "-ing" the text never writes capitalised inside a sentence, before words it does write so."""
    rest = text[run[1][0] : run[-1][1]] if len(run) > 1 else ""
    return (
        bool(rest)
        and run[0][2].endswith("ing")
        and len(run[0][2]) > 5
        and not _elsewhere(text, run[0][2], starts)
        and _elsewhere(text, rest, starts)
    )


def _plural_before(text: str, run: list, starts: set[int]) -> bool:
    """Whether a run opening a sentence starts with a plural of people before a name the text writes elsewhere
    ("Owners UK Coal will …", "Investors Orrin Coal …")."""
    return (
        len(run) > 1
        and re.fullmatch(r"[A-Z][a-z]+(?:ers|ors|ents|ants|ials)", run[0][2]) is not None
        and _elsewhere(text, text[run[1][0] : run[-1][1]], starts)
    )


def _trimmed(
    text: str, run: list, title: list[str], at_start: bool, lower_words: set[str], starts: set[int]
) -> tuple[list, list[str], bool] | None:
    """The run without the words that open a sentence, titles, contractions, joining words and numbers at its
    ends (the titles dropped added to ``title``), and whether it still opens a sentence; None for a portfolio
    ("Minister for Resources") or nothing left."""
    whole = text[run[0][0] : run[-1][1]]
    if at_start and len(run) > 1 and _elsewhere(text, whole, starts):
        at_start = False  # "Coal India employs…": written so mid-sentence too, so a name from its first word
    if (
        at_start
        and len(run) >= 3
        and run[1][2] in ("and", "of", "for")
        and run[-1][2] in ORG_WORDS
        and run[0][2].lower() not in OPENING_WORDS  # "Shares of Rand Coal Ltd": no name's first word
    ):
        at_start = False  # "Mining and Energy Union district president …": an organisation's name from its first word
    if at_start and len(run) == 2 and run[0][2] in COMPANY_WORDS:
        at_start = False  # "Coal India's unit": a company's name from its first word
    while run and (
        (len(run) > 1 and run[0][2] in CAPTION_WORDS)  # "Credit Ann Lee/agency": the credit's label
        or (
            at_start
            and (
                run[0][2] in STOP
                or run[0][2].lower() in OPENING_WORDS
                or (run[0][2].lower() in lower_words and not ACRONYM.fullmatch(run[0][2]))
                or _participle_before(text, run, starts)
                or _plural_before(text, run, starts)
            )
        )
        or (
            run[0][2] in TITLES
            and not (len(run) == 1 and _site_named(text, run[0][0], run[0][1]))
            and not (title and title[-1] in TITLES and len(run) == 2)  # "Mayor Dean Hollis": a first name
        )
        or (
            len(run) == 1
            and (
                re.search(r"['’](?:d|re|m|ve|ll)$|n['’]t$", run[0][2])
                or run[0][2].lower().replace("’", "'") in CONTRACTIONS
            )
        )
    ):
        if run[0][2] in TITLES:
            title.append(run[0][2])
        run.pop(0)
        at_start = False
    while run and (
        run[-1][2] in CONNECTORS
        or run[-1][2] in CAPTION_WORDS  # "(Peabody Energy Photo)": the credit's label
        or (run[-1][2] in TITLES and len(run) == 1 and not _site_named(text, run[0][0], run[0][1]))
    ):
        run.pop()
    while run and (run[0][2] in CONNECTORS or run[0][2].isdigit()):
        if title and run[0][2] == "for" and len(run) == 2:
            return None  # "Vice-Chancellor for Development", "Minister for Resources": a portfolio
        if title and run[0][2] == "of" and title[-1] in PORTFOLIO_TITLES and len(run) == 2:
            return None  # "Minister of Electricity": a portfolio
        if (
            title
            and run[0][2] == "of"
            and title[-1] in PORTFOLIO_TITLES
            and 2 <= len(name_words(" ".join(w for _, _, w in run[2:]))) <= 3
            and all(is_capital(w) for _, _, w in run[1:])
        ):
            return run[2:], [*title, "of", run[1][2]], False  # "Minister of Energy Ts.Oyunbileg": its holder
        if (
            title
            and run[0][2] in ("of", "for")
            and title[-1] in PORTFOLIO_TITLES
            and _PORTFOLIO_ENDS.match(text, run[-1][1])
        ):
            return None  # "X, Minister of Mining and Energy.": the portfolio, no one named after it
        if title and run[0][2] in ("of", "for"):
            title = []  # "the Starosta of Tarnowskie Góry": where the title is held, no person
        run.pop(0)  # "With 900 people", "Later on Tuesday": no name
    if run and all(part.lower() in WORD_NUMBERS for part in run[0][2].split("-")) and not run[0][2].isdigit():
        run.pop(0)  # "Thirty-five years later"
    return (run, title, at_start) if run else None


#: a scale after a number ("36 crore", "4 bn"): the number is an amount
_SCALE_AFTER = re.compile(rf"\s+(?:{'|'.join(SCALES)}|bn|mn|m)\b")
#: an amount after a word: a number with a decimal point or thousands, or with a scale
_AMOUNT_AFTER = re.compile(rf"\s?\d+(?:[.,]\d+)+|\s?\d+{_SCALE_AFTER.pattern}")


#: a sign of up to three letters glued to an amount ("Rs18bn", "VND6.5 trillion", "ZiG450 million", "Rs12 per")
_GLUED_SIGN = re.compile(rf"[A-Z][A-Za-z]{{0,2}}\d+(?:{'|'.join(SCALES)}|bn|mn|m|k)?")
_GLUED_REST = re.compile(rf"(?:bn|mn|m|k|{'|'.join(SCALES)})\b|[.,]\d|{_SCALE_AFTER.pattern}|\s+per\b")
#: an amount before a word: a number with decimals or thousands, or with a scale ("2,100 KM", "3 million KM")
_AMOUNT_BEFORE = re.compile(rf"\d(?:[.,]\d+)+\s\Z|\d\s+(?:{'|'.join(SCALES)}|bn|mn|m)\s\Z")


def _glued_amount(text: str, end: int, word: str) -> bool:
    """Whether ``word`` is a currency's sign glued to an amount: letters and digits with a scale glued on, or
    followed by decimals, thousands, a scale or "per" ("COP24", "A380" stay names)."""
    m = _GLUED_SIGN.fullmatch(word)
    return bool(m) and (not word[-1].isdigit() or bool(_GLUED_REST.match(text, end)))


#: a comma and a lower-case word that describes no name before it ("Sickness, pollution and …", "Investors,
#: including …"; not "Tarnby, a town", "Lee, who", "Lee, 45,", "Lee, head of …")
_LIST_AFTER = re.compile(
    r",\s+(?!(?:a|an|the|who|whose|which|where|said|says|told|tells|wrote|writes|however|its|his|her|their|"
    rf"according|now|then|too|also)\b|(?:[\w-]+\s+){{0,2}}?(?:{OCCUPATIONS})\b)[a-z]"
)
#: a caption's label and its colon right before a word ("Credit: Reuters"): the word is the one credited
_CAPTIONED = re.compile(rf"\b(?:{'|'.join(CAPTION_WORDS)}):\s*\Z")


def _no_name(
    text: str, s: int, e: int, words: list[str], at_start: bool, lower_words: set[str], starts: set[int]
) -> bool:
    """Whether the words at ``s``–``e`` are no name: a common word that opens a sentence, a month, a weekday, a
    demonym, a dateline, a code ("R14", "TV")."""
    if len(words) > 1:
        return (
            (all(w.isupper() for w in words) and text[e : e + 1] == ",")  # a dateline
            or _shouted(words, lower_words)
            or (len(words) == 2 and words[0] in COMPASS and words[1] in DEMONYMS)  # "South African coal town"
            or (words[-1] in TITLES and text[e : e + 1] == ".")  # "State Sen. Ruth Oakes": a title
            or (words[-1] in ("Rs", "Rp") and bool(re.match(r"\s?\d", text[e : e + 2])))  # "The Rs 13,277-crore"
        )
    word = words[0]
    acronym = ACRONYM.fullmatch(word)
    line_start = text.rfind("\n", 0, s) + 1
    if at_start and (word.endswith("ly") or word.lower() in OPENING_WORDS | {w.lower() for w in STOP}):
        return True  # "Locally", "Nobody's"
    if (
        at_start
        and not acronym
        and "-" not in word
        and (text[e : e + 1] not in (",", "’", "'", "-") or _LIST_AFTER.match(text, e) is not None)
        and not re.match(r" (?:and|or) [A-Z]", text[e : e + 8])
        and not re.match(r" (?:hopes|wants|plans|expects|aims|intends|fears|insists|faces)\b", text[e : e + 12])
        and not _elsewhere(text, word, starts)
        and not re.search(r"[a-z][A-Z]", word)  # "EnergyAustralia": a capital inside the word
        and not (text[s - 1 : s] == "(" and text[e : e + 1] == ")")  # "(Bloomberg) --": an agency
        and not _CAPTIONED.search(text, line_start, s)  # "Credit: Reuters": the agency credited
        and not (  # "Astana (AsiaNews) - More …": a dateline's place (not "Updated - March 18")
            _line_opener(text, line_start, s)
            and (dash := _DASH_DATELINE.match(text, e)) is not None
            and not _date_word(text, dash.group(1), dash.end())
        )
    ):
        return True  # a lone capitalised word opening a sentence, never capitalised elsewhere: a common word
    if (
        word in PLACE_WORDS | ORG_WORDS | NOT_NAMES | CAPTION_WORDS
        or re.match(r"[A-Z]{1,2}\d", word)
        or re.fullmatch(r"[A-Z]{2,5}s", word)  # "IPPs", "CEOs": a plural, no one body
        or re.fullmatch(r"\d+(?:st|nd|rd|th)", word)  # "Published: 18th November": an ordinal alone
        or (3 <= len(word) <= 4 and any(month.startswith(word.lower()) for month in MONTHS))
    ):
        return True  # "Street", "Commission" alone: a common word, capitalised; "TV"; "R14"; "Feb" (not "Sepp")
    if word in STATE_ABBREVIATIONS and text[e : e + 1] == "." and re.search(r"[A-Za-z],\s+\Z", text[s - 3 : s]):
        return True  # "near Wright, Wyo.": a state's abbreviation after its town
    dateline = word.isupper() and (len(word) > 6 or (text[line_start:s].strip() == "" and text[e : e + 1] == ","))
    dateline = (
        dateline
        or (  # "GILLETTE, Wyo. (AP)": a state's abbreviation after the dateline's place
            text[e : e + 1] == "." and bool(re.fullmatch(r"[A-Z][A-Z'’ -]{2,},\s+", text[line_start:s]))
        )
    )
    return bool(
        text[e : e + 1] == "$"
        or (re.fullmatch(CURRENCY_CODES, word) and re.match(r"\s?\d", text[e : e + 2]))  # "USD 350": an amount
        or (len(word) <= 3 and bool(_AMOUNT_AFTER.match(text, e)))  # "TL 3.2 billion", "Tk 41,000": a currency's sign
        or (len(word) <= 3 and bool(_AMOUNT_BEFORE.search(text[max(0, s - 20) : s])))  # "2,100 KM a month": a sign
        or dateline
        or (len(word) < 3 and not acronym and not _first_name_word(text, word, s))
        or word.lower() in MONTHS
        or all(part.lower() in MONTHS for part in re.split(r"[-–]", word))  # "April-September"
        or word in WEEKDAYS
        or word in DEMONYMS
        or _people_of_a_name(text, word, e)
        or (word.lower() in lower_words and not acronym and not _first_name_word(text, word, s))
    )  # ("Sun said" after "Sun Guoqiang, deputy director": the family name, though "the sun" is a word)


#: a dateline's rest after its place: an agency in brackets, a dash and the sentence's first word ("Astana
#: (AsiaNews / Agencies) - More …", "Louisville - Arch Coal …"; not "Updated - March 18 …", a date)
_DASH_DATELINE = re.compile(r"(?: \([^()\n]{1,40}\))? [-–—] ([A-Z]\w*)")


def _line_opener(text: str, line_start: int, at: int) -> bool:
    """Whether a word at ``at`` opens its line, past a saved page's date stamp (" date 2020-01-02 Astana - …")."""
    return re.fullmatch(r"\s*(?:date\s+\d{4}-\d{2}-\d{2}\s+)?", text[line_start:at]) is not None


def _shouted(words: list[str], lower_words: set[str]) -> bool:
    """Whether words all in capitals are a line or credit shouted, not a name: two or more words of letters, one of
    four letters or more written in lower case elsewhere ("CANARY IN THE COAL BELT", "PHOTO: ORRIN POWER WEBSITE")."""
    return (
        len(words) >= 2
        and all(w.isupper() and w.isalpha() for w in words)
        and any(len(w) >= 4 and w.lower() in lower_words for w in words)
    )


def _people_of_a_name(text: str, word: str, end: int) -> bool:
    """Whether ``word`` is a people's word made of a place the text names, before a lower-case word ("Bangladeshi
    workers" where the text names Bangladesh, "Kenyan tea" where it names Kenya)."""
    stems = {word[:-1]} if word.endswith("i") else {word[:-1], word[:-2]} if word.endswith("an") else set()
    stems |= {word[:-1]} if word.endswith("n") and word[-2:-1] == "a" else set()
    return bool(re.match(r"\s+[a-z]", text[end : end + 2])) and any(
        len(stem) >= 4 and _elsewhere(text, stem, set()) for stem in stems
    )


#: an apposition that makes a name an organisation's ("Genel Maden-İş, the union that represents …", "Severní Lignit,
#: the largest coal miner in …"; not "X, an engineer at the company")
_ORG_APPOSITION = re.compile(
    r",\s+(?:the|a|an)\s+(?:(?!(?:at|of|for|with|in|from|on|by)\s)[\w'’-]+\s+){0,4}?"
    r"(?:union|company|firm|group|association|co-?operative|agency|bank|fund|charity|council|federation|"
    r"confederation|organi[sz]ation|ministry|party|institute|utility|insurer|lender|consultancy|chain|retailer)"
    r"(?=\s+(?:that|which|whose)\b|[,.;])"
    # "Severní Lignit, the largest coal miner in …", "X, the state-owned miner": a miner (a producer, …) a company's
    # word makes a company, not a person ("Jan Kowal, a retired miner")
    r"|,\s+(?:the|a|an|its|their)\s+(?:[\w'’-]+\s+){0,3}?(?:largest|biggest|leading|state-owned|state-run|listed|"
    r"[\w-]+-based|[\w-]+-owned)\s+(?:[\w'’-]+\s+){0,3}?(?:miner|producer|operator|developer|owner|exporter|"
    r"employer|generator|supplier|utility)\b"
)
#: a one-word name's age after it ("Wurigen, 67, who goes by one name")
_AGE = re.compile(r",\s+\d{1,3},")


def _looks_like_a_person(text: str, s: int, e: int, words: list[str]) -> bool:
    """Whether a name at ``s``–``e`` is a person's by its words: two to five capitalised words (particles inside),
    no organisation's or place's word, no site after it; or one name and an age."""
    lead = re.match(r"(?:[A-Z]\.\s+)*", text[s:e])  # the initials with their stops the name opens on
    initials = len(lead.group(0).split()) if lead else 0
    return bool(
        (
            2 <= len(words) <= 5
            and words[0] != "The"  # "told The Age", "The Astana Times": a title's article, no person's name
            and not re.fullmatch(r"(?:North|South|East|West)(?:ern)?", words[0])  # "Western Balkans": a region
            and all(
                (is_capital(w) and not w.isupper() and w.replace("'", "").replace("’", "").isalpha())
                or "-" in w
                or (0 < i < len(words) - 1 and w in PARTICLES)
                or i < initials < len(words)  # an initial with its stop: "K. Padmavathi"
                for i, w in enumerate(words)
            )
            and not set(words) & (ORG_WORDS | PLACE_WORDS | COMPANY_WORDS)  # "owner Umzinyathi Coal": a company
            and not re.match(rf"\s+(?:{SITES})\b", text[e : e + 20])  # "the Loa Janan pit": a place
            and not _ORG_APPOSITION.match(text, e)
            and not (text[s - 1 : s] == "(" and re.match(r"\)\s*(?:-|—|–)", text[e : e + 4]))  # "(Jakarta Globe) -"
        )
        or (len(words) == 1 and bool(INITIALLED.fullmatch(words[0])))  # "Ts.Oyunbileg"
        or (  # one name and an age: "Wurigen, 67, who goes by one name"
            len(words) == 1 and words[0].isalpha() and not words[0].isupper() and _AGE.match(text, e)
        )
    )
