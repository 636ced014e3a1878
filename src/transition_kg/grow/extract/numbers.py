"""Numbers as quantities: value, qualifier, scale and unit (currencies by the article's country),
the entity they are about, and their year from their clause, their sentence or a period."""

from __future__ import annotations

import bisect
import collections
import datetime as dt
import functools
import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace

from rdflib import URIRef

from ...core import turtle
from ...core.numerals import CURRENCY, ORDINALS, WORDS, Number, number_spans, ranged, words_value
from .dates import FUTURE, SAME_PERIOD, YEAR, Time, dates_in, financial_year
from .lexicon import (
    COMPASS,
    COUNT_NOUNS,
    CURRENCIES,
    CURRENCY_LABELS,
    CURRENCY_OF_COUNTRY,
    FUNCTION_WORDS,
    HONORIFICS,
    LOCAL_CURRENCY_NAMES,
    MEASURES,
    MONTHS,
    NOT_COUNTED,
    NOW_WORDS,
    PLACE_WORDS,
    PRESENT_TENSE,
    QUALIFIERS,
    SIGN,
    SIGNS_AFTER,
    SPEECH,
    TOKEN,
)
from .names import Name
from .text import Candidate, quote_segments, stamps, within

#: where a clause ends: "to" and "from" only before a number ("from 31pc", not "sent to Congress"), a comma not in
#: a list ("lakes, wetlands and farmland since 2016" is one clause)
_CLAUSE = re.compile(
    r",\s+(?![a-z]+\s+(?:and|or)\s)|[;:]\s+|\s+(?:versus|against|compared with|while|whereas|but|and that)\s+"
    rf"|(?<!\bup)(?<!\bdown)\s+(?:from|to)\s+(?=(?:(?:{QUALIFIERS})\s+)?(?:{CURRENCY}|R|R[sp]\.?\s?)?(?!(?:1[89]|20)\d\d\b)\d)"
)


#: a dash between words: a clause's end when it is the sentence's only one ("exported 35 million tonnes — this year
#: so far is less"), not a pair around an aside ("the land — flat and cleared — and a grant")
_DASH = re.compile(r"\s+(?:[—–]|--)\s+")


def _clauses(sentence: str, offset: int) -> list[tuple[int, int]]:
    """A sentence's clauses, as spans of the text (``offset``: where the sentence starts)."""
    dashes = [m.end() for m in _DASH.finditer(sentence)]
    bounds = sorted([0, *(m.end() for m in _CLAUSE.finditer(sentence)), *dashes[: len(dashes) == 1], len(sentence)])
    return [(offset + a, offset + b) for a, b in itertools.pairwise(bounds) if b > a]


@functools.lru_cache(maxsize=1)
def _measures() -> re.Pattern[str]:
    """The units of measure written after a number, longest first (made once)."""
    names = "|".join(re.escape(m) for m in sorted(MEASURES, key=len, reverse=True) if m != "%")
    return re.compile(rf"(?:\s*|-)(%|{names})(?!\w)")


#: a counted noun after a number, after up to two words ("1,100 small and medium mines"), made once
_COUNTED = re.compile(
    r"\s+((?:[a-z][\w-]*\s+(?:(?:and|or)\s+[a-z][\w-]*\s+)?){0,2}?)("
    + "|".join(sorted(COUNT_NOUNS, key=len, reverse=True))
    + r")\b"
)


#: a number written in words ("two", "twelve", "twenty")
_NUMBER_WORD = "|".join(sorted(w for w in WORDS if w.isalpha()))
#: words between a number and its counted noun that say how many beyond others ("four more units", "30 other mines")
_MORE = {"and", "or", "more", "other", "additional", "further"}


def _unit(text: str, start: int, end: int, stop: int, country: str | None = None) -> tuple[str | None, str | None, int]:
    """The unit of the number at ``start``–``end``: (unit label, counted noun, end of the unit's
    words); a "$" or "pesos" is the currency of the article's ``country`` (ISO 3166 code)."""
    sign = re.search(SIGN, text[max(0, start - 5) : start])
    rest = text[end : min(stop, end + 200)]
    if sign:
        return _currency(sign.group(1), country), None, end
    glued = re.search(r"(?<![A-Za-z])([A-Z][A-Za-z]{0,2}\$?)$", text[max(0, start - 5) : start])
    code = _glued_currency(glued.group(1), country) if glued and country else None
    if code:  # "P2.3 billion" in Botswana, "ZiG450 million" in Zimbabwe, "NT$3.6 billion" in Taiwan
        return CURRENCY_LABELS.get(code) or code, None, end
    signed = _sign_before(text, start, country)
    if signed:  # "S/ 64 million" in Peru (the sol), "kr 450" in Norway (the krone)
        return CURRENCY_LABELS.get(signed[0]) or signed[0], None, end
    word = re.match(
        r"\s*((?:U\.S\.|US|American|Australian|Canadian)\s+dollars?|[Ee]uros?|dollars?|yuan|RMB|renminbi|złoty|zlotys?|"
        r"zł|pounds?|rupees?|tenge|Kč|korunas?|crowns|roubles?|rubles?|hryvnias?|forints?|lei|rand|reais|pesos?|"
        r"liras?|yen|won|rupiah|dong)(?!\w|['’]\w)",  # not "won't"
        rest,
    )
    if word and word.group(1).startswith("pound") and (country == "US" or re.match(r"\s+of\s", rest[word.end() :])):
        return "pound mass", None, end + word.end()  # "500,000 pounds of vegetables": a weight
    if word:
        return _currency(word.group(1), country), None, end + word.end()
    after = re.match(rf"\s?({'|'.join(SIGNS_AFTER)})(?![\w-])", rest)  # "138 million KM": the convertible mark
    if after:
        code = SIGNS_AFTER[after.group(1)]
        return CURRENCY_LABELS.get(code) or code, None, end + after.end()
    named = re.match(r"\s*([a-z]{3,})(?!\w)", rest)  # "1.2 billion dinars", "63.9 meticais": ISO 4217's names
    if named and named.group(1) in _iso_currency_words():
        return _currency(named.group(1), country), None, end + named.end()
    home = _home_currency(named.group(1), country) if named and country else None
    if named and home:  # "42 million marks" in Bosnia and Herzegovina: the convertible mark
        return CURRENCY_LABELS.get(home) or home, None, end + named.end()
    measure = _measures().match(rest)
    if measure:
        return MEASURES[measure.group(1)], None, end + measure.end()
    described = re.match(r"\s+([a-z]{3,})(?=\s)", rest)  # "twenty good years": a duration with a word before it
    if described and described.group(1) not in FUNCTION_WORDS and words_value(described.group(1)) is None:
        measure = _measures().match(rest, described.end())  # not "24,000 five years ago"
    if measure and MEASURES[measure.group(1)] in DURATIONS:
        return MEASURES[measure.group(1)], None, end + measure.end()
    hyphened = re.match(r"-(hour|day|week|month|minute|second)\b(?!-)", rest)  # "a 2.5-hour flight", "60-day notices"
    if hyphened:
        return hyphened.group(1), None, end + hyphened.end()
    rest = rest.lower() if _in_title_case(text, start) else rest  # "Almost 900 Jobs Announced for …"
    counted = _COUNTED.match(rest)  # "1,100 small and medium mines": two words joined by "and" are one; "four more
    if counted and not (set(counted.group(1).split()) - _MORE) & FUNCTION_WORDS:  # units"
        return "count", counted.group(2), end + counted.end()
    # "60 roles", "30 more teachers", and after a figure in digits a word before the noun ("60 permanent roles", with
    # an adverb before it: "3,500 increasingly distressed drivers"; not "three main areas", "the first truck stops")
    plural = re.match(r"\s+(?:[a-z]{3,}ly\s+(?=[a-z]{3,}\s+[a-z]{3,}s\b))?(?:([a-z]{3,})\s+)??([a-z]{3,}s)\b", rest)
    between = plural.group(1) if plural else None
    if (
        plural
        and (
            between is None
            or between in _MORE
            or (
                between not in FUNCTION_WORDS
                and words_value(between) is None
                and any(ch.isdigit() for ch in text[start:end])
            )
        )
        and plural.group(2) not in NOT_COUNTED
        and plural.group(2) not in FUNCTION_WORDS
        and not plural.group(2).endswith(("ss", "us", "ous"))
    ):
        return "count", plural.group(2), end + plural.end()
    owned = _OF_WHOLE.match(rest)
    noun = owned and (_COUNTED.match(rest, owned.end()) or _OWNED_NOUN.match(rest, owned.end()))
    if noun and noun.group(2) not in NOT_COUNTED | FUNCTION_WORDS:
        return "count", noun.group(2), end  # "310 of his members", "11 of the union's shop stewards", "700 of the jobs"
    return None, None, end


def _in_title_case(text: str, at: int) -> bool:
    """Whether offset ``at`` is in a headline written in title case (its first line, short, with no full stop,
    its longer words capitalised: "Almost 900 Jobs Announced for Bowen Basin")."""
    line_end = text.find("\n", 0, 200)
    if not 0 <= at < line_end or text[:line_end].rstrip().endswith("."):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text[:line_end]) if len(w) > 3]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


#: "of the" and a whole before its noun: "310 of his members", "70 of the roughly 260 mines" (the whole's count)
_OF_WHOLE = re.compile(
    r"\s+(?:out\s+)?of\s+(?:(?:his|her|its|their|our|my|the\s+[\w-]+['’]s|[A-Z][\w-]*['’]s|the)"
    r"(?:\s+(?:about|around|roughly|some|nearly|almost|approximately))?(?:\s+\d{1,3}(?:,\d{3})*|\s+\d+)?"
    r"|\d{1,3}(?:,\d{3})*|\d+)(?=\s)"
)  # and "three out of 15 plants", "12 of Eskom's 15 power stations"


#: the plural noun of a whole, after up to two words that are no function words nor numbers ("15 coal-fired power
#: stations"; not "one of its two longwalls")
_OWNED_NOUN = re.compile(
    rf"\s+((?:(?!(?:{'|'.join(sorted(FUNCTION_WORDS))}|{_NUMBER_WORD})\s)[a-z][\w-]*\s+){{0,2}}?)([a-z]{{3,}}s)\b"
)


#: signs and words that name a currency only by its kind, which the article's country settles
_KINDS = {"$": "dollar", "dollar": "dollar", "peso": "peso", "Rs": "rupee", "Rs.": "rupee", "rupee": "rupee"}


def _currency(written: str, country: str | None) -> str:
    """The currency a sign or word means where the article is set: "$" in Australia is the Australian dollar,
    "pesos" in Colombia the Colombian peso, "Rs" in Pakistan the Pakistan rupee (the country's currency of that
    kind, by its ISO 4217 name); a code before "$" ("COP$") that code; else as :data:`CURRENCIES` says."""
    word = written.lower().rstrip("s")
    kind = _KINDS.get(written) or _KINDS.get(word)
    code = _currency_of(country) if country and kind else None
    if code and _currency_name(code).split()[-1].lower() == kind:
        return CURRENCY_LABELS.get(code) or code
    if written.endswith("$") and _currency_name(written[:-1]):
        return CURRENCY_LABELS.get(written[:-1]) or written[:-1]
    codes = _iso_currency_words().get(written, ())
    if codes:  # a dinar in Serbia is the Serbian dinar; a word of one currency only is that one
        home = [c for c in codes if country and (c == _currency_of(country) or c[:2] == country)]
        code = home[0] if home else codes[0] if len(codes) == 1 else None
        return (CURRENCY_LABELS.get(code) or code) if code else word
    return CURRENCIES.get(written) or CURRENCY_LABELS.get(written) or CURRENCIES.get(word) or written


def _home_currency(word: str, country: str) -> str | None:
    """The code of ``country``'s currency whose ISO 4217 name ends in ``word`` or its plural ("marks" in Bosnia and
    Herzegovina: the convertible mark), for the words that name a currency only there (:data:`_NOT_CURRENCY_WORDS`)."""
    singular = word[:-1] if word.endswith("s") else word
    if singular not in _NOT_CURRENCY_WORDS:
        return None
    return next((code for code, name in _currencies_of(country) if name.split()[-1].lower() == singular), None)


#: ISO 4217 names whose last word is no currency word after a number, or one :data:`CURRENCIES` reads already
_NOT_CURRENCY_WORDS = {"mark", "real", "sol", "account", "gold", "silver", "platinum", "palladium", "sterling"}


@functools.cache
def _iso_currency_words() -> dict[str, tuple[str, ...]]:
    """The last word of each currency's ISO 4217 name (pycountry), singular and plural ("dinar", "dinars";
    Portuguese "-al" as "-ais": "meticais"), and :data:`LOCAL_CURRENCY_NAMES` ("levs", "marka") → the codes of
    the currencies so named; metals, funds, codes of several countries ("X…") and the words :data:`CURRENCIES`
    knows are left out."""
    import pycountry

    found: dict[str, list[str]] = collections.defaultdict(list)
    for currency in pycountry.currencies:
        word = currency.name.split()[-1].lower()
        if currency.alpha_3.startswith("X") or not word.isalpha() or word in CURRENCIES or word + "s" in CURRENCIES:
            continue
        for form in _local_plurals(word) | (set() if word in _NOT_CURRENCY_WORDS else {word, word + "s"}):
            found[form].append(currency.alpha_3)
    for form, code in LOCAL_CURRENCY_NAMES.items():
        found[form].append(code)
    return {form: tuple(sorted(codes)) for form, codes in found.items()}


def _local_plurals(word: str) -> set[str]:
    """A currency name's plurals in the languages that name it: Portuguese "-al" as "-ais" ("meticais"), Spanish
    "-es" after a consonant ("soles", "colones"), Scandinavian "-er" after an "e" ("kroner") and "-or" after an "a"
    ("kronor"); a word that is no currency after a number alone ("sol") still is in these forms."""
    forms = {re.sub(r"al$", "ais", word)} - {word}
    if word[-1] not in "aeiouy":
        forms.add(word + "es")
    forms |= {word[:-1] + "er"} if word.endswith("e") else {word[:-1] + "or"} if word.endswith("a") else set()
    return forms


def _glued_currency(letters: str, country: str) -> str | None:
    """The code of ``country``'s currency whose name's initials, with or without the first (the country's
    adjective), the capitals glued before an amount begin ("P": Pula; "ZiG": Zimbabwe Gold; "K": Zambian Kwacha;
    "NT$": New Taiwan Dollar, "$" standing for "Dollar"), else None."""
    capitals = "".join(ch for ch in letters if ch.isupper() or ch == "$").replace("$", "D")
    for code, name in _currencies_of(country):
        initials = "".join(word[0] for word in name.split() if word[:1].isupper())
        if (
            capitals
            and capitals in (initials[: len(capitals)], initials[1:][: len(capitals)])
            and (not letters.endswith("$") or name.endswith("Dollar"))
        ):
            return code
    return None


def _sign_before(text: str, start: int, country: str | None) -> tuple[str, int] | None:
    """The code of ``country``'s currency whose sign is written just before the amount at ``start``, and where
    that sign begins: its name's last word's first letters with a slash ("S/", "S/.": the sol), or, of two letters
    or more that are no word nor title, with or without a stop, its first letters ("kr", "Kr.": the krone) or
    letters of it in order from the first ("Tk": the taka, "Hr": the hryvnia), or the capitals of its name ("TL":
    the Turkish lira), or a sign written after amounts there (:data:`SIGNS_AFTER`: "KM 40,000"); else None (not
    "p. 5")."""
    cut = re.search(r"(?<![\w/.])([A-Za-z]{1,3})(/\.?|\.)?\s?$", text[max(0, start - 7) : start])
    if not (country and cut):
        return None
    letters, at = cut.group(1), max(0, start - 7) + cut.start()
    slash = bool(cut.group(2) and "/" in cut.group(2))
    if not (slash or (len(letters) > 1 and letters.lower() not in FUNCTION_WORDS | _TITLE_WORDS)):
        return None
    known = _currencies_of(country)
    if SIGNS_AFTER.get(letters) in {code for code, _ in known}:  # "KM 9.4 million" in Bosnia: a sign written after
        return SIGNS_AFTER[letters], at  # an amount ("138 million KM"), here before it, of the country's currency
    for code, name in known:
        word = name.split()[-1].lower()
        if word.startswith(letters.lower()) or (not slash and _in_order(letters.lower(), word)):
            return code, at
    spaced = not slash and text[start - 1 : start].isspace()  # glued ones ("MK4.5 billion") are read before
    initials = _glued_currency(letters, country) if spaced else None
    return (initials, at) if initials else None


#: abbreviations that stand before a number ("St 5", "No 3", "Rd 12"), not as a currency's sign
_ABBREVIATIONS = {"st", "mt", "no", "nr", "rd", "ave", "ft", "pt", "cr", "gen", "sen", "rep", "gov"}
#: those and the forms of address (:data:`HONORIFICS`: "Dr 5" is no sign)
_TITLE_WORDS = {w.lower() for w in HONORIFICS} | _ABBREVIATIONS


def _in_order(letters: str, word: str) -> bool:
    """Whether ``letters`` are ``word``'s first letter and then others of it in order ("tk" of "taka")."""
    rest = iter(word[1:])
    return word[:1] == letters[:1] and all(ch in rest for ch in letters[1:])


@functools.cache
def _currencies_of(country: str) -> tuple[tuple[str, str], ...]:
    """``country``'s currencies (ISO 4217 code, name; pycountry): the one of its ISO 3166 number or
    :data:`CURRENCY_OF_COUNTRY`'s, and those whose name holds the country's short name ("New Taiwan Dollar")."""
    import pycountry

    place = pycountry.countries.get(alpha_2=country)
    if place is None:
        return ()
    short = getattr(place, "common_name", place.name).split(",")[0]
    return tuple(
        (c.alpha_3, c.name)
        for c in pycountry.currencies
        if not c.alpha_3.startswith("X")
        and (c.numeric == place.numeric or short in c.name or c.alpha_3 == CURRENCY_OF_COUNTRY.get(country))
    )


@functools.cache
def _currency_name(code: str) -> str:
    """A currency's ISO 4217 name (pycountry) from its code, or "" for no currency's code."""
    import pycountry

    found = pycountry.currencies.get(alpha_3=code) if len(code) == 3 and code.isupper() else None
    return found.name if found else ""


@functools.cache
def _currency_of(country: str) -> str | None:
    """A country's currency code: :data:`CURRENCY_OF_COUNTRY`'s, else the one whose ISO 4217 number is the
    country's ISO 3166 number (pycountry)."""
    import pycountry

    if country in CURRENCY_OF_COUNTRY:
        return CURRENCY_OF_COUNTRY[country]
    place = pycountry.countries.get(alpha_2=country)
    found = pycountry.currencies.get(numeric=place.numeric) if place else None
    return found.alpha_3 if found else None


@functools.cache
def _places() -> dict[str, str]:
    """Country and first-level subdivision names (pycountry), without accents or "Sheng"/"Zizhiqu",
    → their country's code; a name that two countries share is left out."""
    import pycountry

    out: dict[str, str] = {}
    shared: set[str] = set()
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) or set(sub.name.split()) <= COMPASS:  # Singapore's "South West"
            continue
        key = _plain(re.sub(r"\s+(?:Sheng|Shi|Zizhiqu|Huizu|Zhuangzu|Uygur)\b.*$", "", sub.name))
        if out.get(key, sub.country_code) != sub.country_code:
            shared.add(key)
        out[key] = sub.country_code
    for key in shared:
        del out[key]
    for place in pycountry.countries:
        for name in {place.name, getattr(place, "common_name", place.name)}:
            out[_plain(name)] = place.alpha_2
    return out


@functools.cache
def _region_codes() -> dict[str, set[str]]:
    """Regions' codes of two letters or more as datelines write them ("NSW", "QLD", "WA": the part
    of the ISO 3166-2 code after the country) → the codes of the countries that have one so named."""
    import pycountry

    found: dict[str, set[str]] = collections.defaultdict(set)
    for sub in pycountry.subdivisions:
        code = sub.code.split("-", 1)[1]
        if not getattr(sub, "parent_code", None) and len(code) >= 2 and code.isalpha():
            found[code].add(sub.country_code)
    return found


def _dateline_country(region: str, text: str) -> str | None:
    """The country a dateline's region code is in ("COLLIE, WA": Western Australia): the only one with
    a region so coded, or of several the only one whose name the text writes ("West Australian")."""
    import pycountry

    countries = _region_codes().get(region, set()) if region.isupper() else set()
    if len(countries) > 1:
        places = [pycountry.countries.get(alpha_2=code) for code in countries]
        countries = {p.alpha_2 for p in places if p is not None and re.search(rf"\b{re.escape(p.name[:-1])}", text)}
    return next(iter(countries)) if len(countries) == 1 else None


def _coded_country(code: str, text: str, at: int) -> str | None:
    """The one country with a region coded ``code`` (written at ``at``; "NSW": Australia), when the text writes it
    after "in", writes it again, or names that country: a firm's initials once ("100 were let go at SIP") are no
    region of a country the story never names."""
    import pycountry

    countries = _region_codes().get(code, set())
    place = pycountry.countries.get(alpha_2=next(iter(countries))) if len(countries) == 1 else None
    if place is None:
        return None
    placed = re.search(r"\bin\s+\Z", text[max(0, at - 4) : at]) or len(re.findall(rf"\b{code}\b", text)) > 1
    return place.alpha_2 if placed or re.search(rf"\b{re.escape(place.name[:-1])}", text) else None


def _plain(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


def _place_named(words: str, places: dict[str, str], person: bool) -> tuple[str, float] | None:
    """The country of the place a name is or points to, with its vote: the whole name or its people
    ("South Australians") 1; not in a person's name, a place or its people that begins it or follows its last "of"
    ("Queensland Government", "Australian Bureau of Statistics", "Electricity Trust of South Australia") ½
    ("Georgia Treloar" may be a person)."""
    whole = _plain(words)
    country = _place_or_people(whole, places)
    if country:
        return country, 1
    parts = [] if person else whole.split()
    after_of = parts[len(parts) - parts[::-1].index("of") :] if "of" in parts else []
    for part in [" ".join(parts[:k]) for k in range(len(parts) - 1, 0, -1)] + [" ".join(after_of)]:
        country = _place_or_people(part, places)
        if country:
            return country, 0.5
    return None


def _place_or_people(words: str, places: dict[str, str]) -> str | None:
    """The country of a place, or of a people after an "-a" ("Kenyans", "Australian"; not "Oyón": Oyo)."""
    return places.get(words) or places.get(re.sub(r"(?<=a)ns?$", "", words))


#: after a region's name, the kind of place the story is set in: "(the north Queensland) town of (Bowen)"
_SETTING = re.compile(
    r"\s+(?:mining\s+|coal\s+|farming\s+|port\s+)?(?:town|city|village|township|community)\s+of\s+[A-Z]"
)


def country_of(text: str, names: list[Name]) -> str | None:
    """The country an article is set in: the one whose name, or a region's, the text names most
    (the dateline's region, its code or its country counts twice, the region of "the X town of Y" thrice;
    "X-based" not at all); None when it names none."""
    places = _places()
    votes: dict[str, float] = collections.defaultdict(float)  # ½ for a place inside a name
    for n in names:
        if text.startswith("-based", n.end):
            continue  # "a Portland-based company": where a firm is based, not where the story is
        words = re.sub(rf"\s+(?:{'|'.join(PLACE_WORDS)})$", "", n.text)
        named = _place_named(words, places, n.person)
        if named:  # "the north Queensland town of Bowen": where the story is set, as a dateline says it
            votes[named[0]] += named[1] * (3 if _SETTING.match(text, n.end) else 1)
        elif len(words) >= 3 and words.isupper() and _coded_country(words, text, n.start):
            votes[_coded_country(words, text, n.start) or ""] += 1  # "NSW": New South Wales, in Australia
        elif not n.person:  # "the NSW Government", "TAFE NSW": a region's code opening or closing a name, ½
            for word in {words.split()[0], words.split()[-1]} if " " in words else ():
                if len(word) >= 3 and word.isupper() and len(_region_codes().get(word, ())) == 1:
                    votes[next(iter(_region_codes()[word]))] += 0.5
    dateline = re.search(r"(?m)^[A-Z][A-Z'’ -]{2,},\s+([A-Z][\w .'’-]+?)\s*(?:,|—|–|--|\()", text[:2000])
    region = dateline.group(1) if dateline else ""
    country = places.get(_plain(region)) or _dateline_country(region, text)
    if country:  # "MUSWELLBROOK, NSW, Aug. 14": New South Wales
        votes[country] += 2
    return max(votes, key=lambda code: votes[code]) if votes else None  # of equals, the first named


#: units of a duration ("for 31 years"): a number in them holds for no year
DURATIONS = {"year", "month", "week", "day", "hour", "minute", "second"}
#: units of what a plant can do ("the 800MW Callide B power station"): said of a thing, they hold for no year
#: extents of a place ("now cover 4,200 hectares"): what it is, not a figure of the year
EXTENTS = {"kilometre", "square kilometre", "hectare", "metre", "square metre", "cubic metre", "degree Celsius"}
CAPACITIES = {"megawatt", "gigawatt", "kilowatt", "megawatt hour", "gigawatt hour", "kilowatt hour", "terawatt hour"}


@dataclass
class Quantity:
    """A number kept as a quantity: its unit, the noun it counts, and where its unit's words end."""

    number: Number
    unit: str | None
    counted: str | None
    end: int
    sign: int  # where a currency's sign written before the number begins that SIGN does not know (else its start)


#: a decimal comma before a scale word, as in much of Europe: "1,5 billion Euros" (not "1,500")
_DECIMAL_COMMA = re.compile(r",\d{1,2}\s+(?:thousand|million|billion)\b")
#: a scale word the numerals read only after figures: "Rs one lakh", "two trillion cups"
_WORD_SCALE = re.compile(r"\s+(?:lakhs?|crores?|trillion)\b")


def _scaled(text: str, number: Number) -> Number:
    """``number``, or the number a decimal comma and a scale word after it make of it ("1,5 billion": 1.5 billion),
    or number words and a scale word read after figures only ("one lakh": 100,000; "two trillion")."""
    written = text[number.start : number.end]
    comma = _DECIMAL_COMMA.match(text, number.end) if written.isdigit() else None
    scale = _WORD_SCALE.match(text, number.end) if number.scale is None and not written[:1].isdigit() else None
    after = comma or scale
    if not after:
        return number
    figures = f"{number.value:f}" + text[number.end : after.end()] if scale else text[number.start : after.end()]
    read = number_spans(figures.replace(",", "."))
    return replace(read[0], start=number.start, end=after.end()) if len(read) == 1 else number


def _rank(text: str, number: Number) -> bool:
    """Whether ``number`` is an ordinal word that only orders ("the first year", "whoever connects first"), not
    a rank a measure states ("the second-largest economy": an ordinal joined to a superlative), or a "one" that is
    a pronoun ("every one of", "one of the best")."""
    word = text[number.start : number.end].lower()
    if word == "one":  # "every one of our people", "one of the strongest sites": a pronoun, no count
        return bool(
            re.search(r"\b(?:every|each|any|no)\s+\Z", text[max(0, number.start - 8) : number.start], re.I)
            or re.match(
                r"\s+of\s+(?:the|its|our|their|his|her|[A-Z][\w-]*['’]s|\d[\d,]*)\s+"
                rf"(?!(?:\d|{_NUMBER_WORD})\b)(?:[\w'’-]+\s+){{0,3}}?"
                r"(?:most\s|[a-z]+est\b|[a-z]+s\b)",
                text[number.end : number.end + 80],
            )
        )
    return word in ORDINALS and not re.match(r"-[a-z]+est\b", text[number.end :])


def _numbers(text: str) -> list[Number]:
    """The text's numbers, not in a date or time stamp, each read whole (:func:`_scaled`), and not a rank or a "one"
    that is a pronoun (:func:`_rank`)."""
    spans = stamps(text)
    scaled = [_scaled(text, n) for n in number_spans(text) if not within(spans, n.start)]
    return [n for n in scaled if not _rank(text, n)]


def dates_and_numbers(
    text: str, sentences, published: dt.date, mentions, country: str | None = None
) -> list[Candidate]:
    """Sentence by sentence: its dates, then its quantities as observations, each with its
    qualifier, the entity named nearest in its clause and its year."""
    out: list[Candidate] = []
    numbers = _numbers(text)
    starts = [s for s, _, _ in mentions]
    quoted = sorted((a, b) for a, b, _, _ in quote_segments(text))
    quote_starts = [a for a, _ in quoted]

    quote_of = functools.partial(_quote_at, quoted, quote_starts)
    number_starts = [n.start for n in numbers]
    periods: list[Time] = []  # the periods the sentence before stated ("since 2015")
    previous_end, year_apart, previous_due = 0, False, None  # the sentence before: its end, a year apart, a due year
    previous_times: list[Time] = []  # and its times
    paragraph, last_time = 0, None  # the paragraph's number, the time its sentences stated last
    last_period: tuple[int, Time] | None = None  # the period stated last in the text, and its paragraph
    headline_end = text.find("\n")  # a headline's times ("… output falls in 2025"), carried to the lead paragraph
    headline_time: Time | None = None  # the headline's time, while the lead paragraph states none of its own
    headline_times: list[Time] | None = (
        [] if headline_end > 0 and not text[:headline_end].rstrip().endswith((".", "!", "?")) else None
    )
    for s_start, s_end in sentences:
        clauses = _clauses(text[s_start:s_end], s_start)
        clause_starts = [a for a, _ in clauses]
        clause_of = functools.partial(_clause_at, clauses, clause_starts)
        dates, every_time = dates_in(text, s_start, s_end, published, country)
        out += dates
        every_time = _joined_periods(text, s_start, every_time)  # "between the censuses of 2002 and 2021"
        opening = "\n" in text[previous_end:s_start]  # the paragraph's first sentence
        opening_period = last_time if opening and last_time and _is_period(text, last_time) else None
        headline_time = headline_time if not opening else None  # the headline's, over a lead paragraph that states none
        if opening and headline_times is not None and s_start > headline_end and _is_paragraph(text, s_start):
            headline_time, headline_times = ([None, *headline_times])[-1], None  # the lead paragraph (not a byline)
            opening_period = opening_period or headline_time
        paragraph, last_time = (paragraph + 1, None) if opening else (paragraph, last_time)
        same = SAME_PERIOD.search(text, s_start, s_end)
        # "… since 2015. … over the same period"; over paragraphs that state no period, two at most
        named = periods[-1] if periods and "\n" not in text[periods[-1][1] : s_start] else None
        named = named or (last_period[1] if last_period and paragraph - last_period[0] <= 2 else None)
        if same and named and not any(t[0] == same.start() for t in every_time):
            every_time = sorted([*every_time, (same.start(), same.end(), named[2], same.group(0), "")])
        periods = [t for t in every_time if "-" in t[2]]
        stated = (  # the sentence before: its times; a paragraph's first sentence: the period the one before ended on
            (previous_end, previous_times or ([headline_time] if headline_time and not last_time else []), year_apart)
            if not opening
            else (s_start, [opening_period] if opening_period else [], year_apart)
        )
        times = [t for t in every_time if not _in_dateline(text, t[0])]  # a dateline's date: when it was filed
        spoken = {t for t in times if _SAID_WHEN.search(text[max(s_start, t[0] - 60) : t[0]])}
        # its times but one that names a period given before again ("during the period")
        own_times = [t for t in times if not SAME_PERIOD.fullmatch(t[3] or "")]
        inside = numbers[bisect.bisect_left(number_starts, s_start) : bisect.bisect_left(number_starts, s_end)]
        found = [n for n in inside if not any(t[0] <= n.start < t[1] for t in every_time)]
        kept = _quantities(text, s_start, s_end, found, country)
        passed_on: Time | None = None  # the time the sentence before carried to this one's figures
        so_far: re.Match[str] | bool | None = None  # the sentence's "first-half" (False: none), read once if needed
        time_quotes = [quote_of(t[0]) for t in times]
        numbered = {  # "In the first five months of this year, …": a duration leaves its clause unnumbered
            clause_of(k.number.start) for k in kept if k.unit not in DURATIONS
        }
        for i, quantity in enumerate(kept):
            number, unit = quantity.number, quantity.unit
            start, end, first, lead, qualifier = _observation_span(text, s_start, kept, i)
            about = _nearest_mention(mentions, starts, number, clause_of(number.start) or (s_start, s_end))
            c = _observation(text, quantity, start, end, qualifier, about)
            quote_in = quote_of(number.start)
            usable = [  # "…, it said on Friday", "said on Friday that …": not the number's time; "wrote … last month
                t  # asking for talks covering 3,100 workers": the time of the act
                for t, q in zip(times, time_quotes)
                if q == quote_in
                and (t not in spoken or (t[1] <= number.start and not _REPORTED.search(text, t[1], number.start)))
            ]
            when = _time_of(text, quantity, first.start, lead, usable, clause_of, numbered, (s_start, s_end))
            if when and quote_in is None and unit not in EXTENTS:
                when = _now_after(text, when, first.start, published)
            if when is None and not _undated(text, quantity, lead):
                when = (
                    _opening_period(text, s_start, usable)
                    or _full_year(text, s_start, first.start, published)
                    or _year_after(text, usable, end, times)
                    or _closing_target(text, usable, (s_start, s_end), first.start)
                    or _headline_measure(text, headline_end, s_start, first.start)  # "2025 green power output"
                )
            if (
                when is None
                and spoken.issuperset(t for t in own_times if not _other_side(text, end, t))
                and quote_in is None
                and not _undated(text, quantity, lead)
            ):
                when = _carried(text, stated, s_start, first.start, lead, None if opening else previous_due)
                passed_on = passed_on or when
            if when is None and not _undated(text, quantity, lead):
                clause = clause_of(number.start) or (s_start, s_end)
                so_far = so_far if so_far is not None else _SO_FAR.search(text, s_start, s_end) or False
                when = _this_year(text, quantity, so_far, clause, start, published, quote_in is None)
            if when:
                _add_when(c, when, lead)
            out.append(c)
        if headline_times is not None and s_start < headline_end:
            headline_times += [t for t in times if not _bounded(t[3], t[4]) and "-" not in t[2]]
        previous_end, year_apart = s_end, bool(_YEAR_APART.search(text, s_start, s_end))
        previous_due = _due_time(text, s_start, [t for t in times if t not in spoken])
        told = [t for t in times if not _described(text, s_start, t)]  # not a ", which … since 2009," clause's
        previous_times = [t for t in told if (t not in spoken and not _bounded(t[3], t[4])) or "-" in t[2]]
        if not previous_times and passed_on and year_apart:  # "Revenue fell 14% year-on-year to …": a results
            previous_times = [passed_on]  # paragraph, whose next sentence holds for the same time ("Output dropped …")
        own = [  # not "… from 2,520 a year earlier", nor "4% more than in the first half of 2025"
            t
            for t in previous_times
            if not _AGO.search(t[3] or "") and not _COMPARED.search(text, max(s_start, t[0] - 60), t[0])
        ]
        last_time = own[-1] if own else last_time
        stated_periods = [t for t in previous_times if _is_period(text, t)]
        last_period = (paragraph, stated_periods[-1]) if stated_periods else last_period
    _headline_times(text, out)
    _converted_times(text, out)
    _range_times(out)
    return out


#: a figure a thing would bring when done: "they would cover about 15 percent …", "it will create 90 jobs"
_WOULD_DO = re.compile(
    r"\b(?:would|will)\s+(?:also\s+|then\s+)?(?:create|employ|cover|supply|provide|have|add|bring|generate|produce|"
    r"power|save|cut|need|use)\b"
)


def _due_time(text: str, s_start: int, times: list[Time]) -> Time | None:
    """The year a sentence says a thing is due ("Both are due to be running by 2029", "The plant will open in 2028"):
    the last time naming a year after a "due" or "to be built" in it, which the next sentence's "would create 90 jobs"
    holds for."""
    due = None
    for t in times:  # the first time right after a "due" ("due to be running by 2029"), with no pause between
        said = _DUE.search(text, s_start, t[0]) or _TO_BE_MADE.search(text, s_start, t[0])
        if (
            said
            and re.fullmatch(r"[^,;:]{0,30}", text[said.end() : t[0]])
            and not re.search(r"\band\b", text[said.end() : t[0]])
        ):
            due = t if "-" not in t[2] and re.search(r"\d{4}", text[t[0] : t[1]]) else None
    return due


def _quote_at(quoted: list[tuple[int, int]], starts: list[int], at: int) -> tuple[int, int] | None:
    """The quoted passage that holds offset ``at`` (passages do not overlap), by a seek."""
    i = bisect.bisect_right(starts, at) - 1
    return quoted[i] if i >= 0 and quoted[i][0] <= at < quoted[i][1] else None


def _is_paragraph(text: str, at: int) -> bool:
    """Whether the line at ``at`` is a paragraph of prose, ending on a sentence's stop (not a byline, a source's
    name or a date: "By A Writer in X | Daily | Updated: …", "Wednesday, August 26")."""
    end = text.find("\n", at)
    return text[at : end if end >= 0 else len(text)].rstrip().endswith((".", "!", "?", '"', "”", "’", "'"))


def _year_after(text: str, times: list[Time], end: int, every: list[Time]) -> Time | None:
    """The year of a figure compared, later in its sentence, with one "from … a year (two years) earlier" ("Output fell
    8% to 4.1 million tonnes, from 4.5 million tonnes a year earlier"): the year that many years after that one; else
    the year of the source that gives it, named later in the sentence (:func:`_source_year`, of ``every`` time)."""
    for t in times:
        apart = re.match(r"(an?|one|\w+|\d+)\s+years?\s", t[3] or "")
        count = (1 if apart.group(1) in ("a", "an", "one") else _count(apart.group(1))) if apart else None
        if apart and count and t[0] >= end and "-" not in t[2] and _AGO.search(t[3] or ""):
            between = text[end : t[0]]
            if re.search(r"\bfrom\b|\bcompared (?:with|to)\b", between) and not re.search(r";|\.(?!\d)", between):
                return (t[0], t[1], str(int(t[2]) + count), f"{apart.group(0)}after {t[3]}", t[4])
    return _source_year(text, every, end)


#: a clause that names a figure again by what it is ("…, a share they held as late as 2012")
_RESTATED = re.compile(
    r"(?:a|the)\s+(?:share|level|figure|total|rate|peak|record|high|low)\b|which\s+(?:was|were)\s+(?:\w+ly\s+)?\w+\s+in\b"
)


def _restated(
    text: str,
    times: list[Time],
    clause_of: Callable[[int], tuple[int, int] | None],
    clause: tuple[int, int],
    numbered: set[tuple[int, int] | None],
) -> Time | None:
    """The one time of the clause right after a figure's that names the figure again by what it is, and gives no
    number of its own ("about 9pc of the power, a share they held as late as 2012": 2012), or says when it was done
    ("seven percent of the sum owed, which was paid in July 2017": 2017)."""
    after = clause_of(clause[1]) if text[clause[1] - 2 : clause[1]] == ", " else None
    if after is None or after in numbered or not _RESTATED.match(text, after[0]):
        return None
    inside = [t for t in times if after[0] <= t[0] < after[1]]
    return inside[0] if len(inside) == 1 else None


#: a source of a figure dated by its year, after it in the sentence ("…, according to a 2023 district survey")
_SOURCE_BEFORE = re.compile(r"\baccording\s+to\s+(?:a|an|the|its|their)\s+\Z")
_SOURCE_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:survey|census|report|study|estimates?|figures|data)\b")


def _source_year(text: str, times: list[Time], end: int) -> Time | None:
    """The year of the source a figure is given by later in its sentence ("Nearly one in three households … depends
    on coal, according to a 2023 district survey"): the year the source was made, which the figure holds for."""
    for t in times:
        if (
            t[0] >= end
            and "-" not in t[2]
            and _SOURCE_BEFORE.search(text, max(end, t[0] - 30), t[0])
            and _SOURCE_AFTER.match(text, t[1])
            and not re.search(r";|\.(?!\d)|[\"“”]", text[end : t[0]])
        ):
            return t
    return None


#: a time inside a ", which …," or ", who …," clause, closed by a pause after it
_RELATIVE_BEFORE = re.compile(r",\s+(?:which|who)\s[^,;:.\"“”]*\Z")
_RELATIVE_AFTER = re.compile(r"[^,;:.\"“”]{0,40}?,")
_WHO_BEFORE = re.compile(r"\b(?:who|that)\s[^,;:.\"“”]*\Z")


def _described(text: str, s_start: int, t: Time) -> bool:
    """Whether a time tells of a thing in a ", which has run the mine since 2009," clause, not of the sentence's
    report, or in a "… of the miners who lost their jobs in November are …" clause, so that figures in the sentence
    after do not take it."""
    return bool(
        _RELATIVE_BEFORE.search(text, max(s_start, t[0] - 80), t[0]) and _RELATIVE_AFTER.match(text, t[1])
    ) or bool(_WHO_BEFORE.search(text, max(s_start, t[0] - 80), t[0]) and _MAIN_PRESENT.match(text, t[1], t[1] + 60))


_BETWEEN_OF = re.compile(r"\bbetween\s+(?:the\s+)?(?:[\w-]+\s+){1,2}(?:of|in)\s+\Z", re.I)
_YEARS_TO = re.compile(r"\b(?:in|over|during)\s+the\s+(?:past\s+|last\s+)?([\w-]+)\s+years\s+(?:to|through)\s+\Z", re.I)


def _joined_periods(text: str, s_start: int, times: list[Time]) -> list[Time]:
    """A sentence's times with the periods written round plain years made whole: "between the censuses of 2002 and
    2021" (2002-2021), "in the five years to 2026" (2021-2026)."""
    out: list[Time] = []
    for t in times:
        plain = t[3] is None and t[2].isdigit()
        before = out[-1] if out else None
        if (
            plain
            and before
            and before[3] is None
            and before[2].isdigit()
            and text[before[1] : t[0]] == " and "
            and _BETWEEN_OF.search(text, max(s_start, before[0] - 60), before[0])
        ):
            out[-1] = (before[0], t[1], f"{before[2]}-{t[2]}", None, before[4])
            continue
        m = _YEARS_TO.search(text, max(s_start, t[0] - 60), t[0]) if plain else None
        n = _count(m.group(1)) if m else None
        if m and n and 1 < n <= 50:
            out.append(
                (m.start(), t[1], f"{int(t[2]) - n}-{t[2]}", text[m.start() : t[1]], text[m.start() - 8 : m.start()])
            )
            continue
        out.append(t)
    return out


_PLANS = re.compile(r"\b(?:plans?|aims?|wants?|intends?|expects?|hopes?)\s+to\b|\b(?:will|is\s+to|are\s+to)\s")
_CLOSING_BY = re.compile(r",\s+by\s+\Z")


def _closing_target(text: str, times: list[Time], sentence: tuple[int, int], start: int) -> Time | None:
    """The year of a plan's figure set off from it by a pause, when the sentence ends on ", by YEAR" and that is its
    only time ("plans to restore 45 hectares …, at a cost of €3.5 million, by 2030"); not of a figure told before
    the plan ("employs 300 people, and will close it, by 2031")."""
    if len(times) != 1 or "-" in times[0][2]:
        return None
    t = times[0]
    if (
        t[0] < start
        or text[t[1] : sentence[1]].strip() not in ("", ".")
        or not _CLOSING_BY.search(text, t[0] - 6, t[0])
    ):
        return None
    return t if _PLANS.search(text, sentence[0], start) else None


def _count(word: str) -> int | None:
    """A small count written in figures or words ("3", "three")."""
    value = int(word) if word.isdigit() else words_value(word)
    return int(value) if value is not None else None


def _opening_period(text: str, s_start: int, times: list[Time]) -> Time | None:
    """A period "since" a year, or a time "by" which, that opens the sentence ("Since 2015, she said, the canton had
    lost about 38,000 residents", "By the end of October, its capacity had reached 6.8 million kilowatts"): the time
    of its figures that have none of their own."""
    opening = re.compile(r"[\s\"“'‘]*(?:[Ss]ince\s+|[Bb]y\s+)?")
    return next(
        (
            t
            for t in times
            if (
                (t[3] or "").startswith("since ")
                or (re.match(r"by\s", t[3] or "", re.I) and text[t[1] : t[1] + 1] == ",")
            )
            and opening.fullmatch(text, s_start, t[0])
        ),
        None,
    )


#: a full year's figure ("expects full-year sales of", "a full-year net profit of about")
_FULL_YEAR = re.compile(r"\bfull[- ]year\b(?:\s+[\w-]+){0,5}?\s+(?:of|at|to)\s+(?:[\w-]+\s+)?$")
#: a full year's figure a forecast gives, in any tense ("She cut her full-year profit forecast for the miner to")
_FORECAST = re.compile(r"\b(?:forecasts?|outlook|guidance)\b")


def _full_year(text: str, s_start: int, start: int, published: dt.date) -> Time | None:
    """The year of a full year's figure that a forecast gives ("The miner expects full-year sales of 13 million
    tonnes"): the publication's year, the year the forecast is for."""
    lead = text[max(s_start, start - 80) : start]
    full = _FULL_YEAR.search(lead)
    if full is None or not (re.search(FUTURE, text[s_start:start]) or _FORECAST.search(full.group(0))):
        return None
    at = start - len(lead) + full.start()
    return (at, at + len(full.group(0)), str(published.year), "full-year (forecast)", "")


#: a part of the year so far with no year written ("first-half profit", "in the first three quarters")
_SO_FAR = re.compile(
    r"\b(?:first[- ](?:half|quarter)|first\s+(?:two|three|2|3)\s+quarters|(?:so\s+far|to\s+date)\s+this\s+year|"
    r"year[- ]to[- ]date)\b(?![\s-]+(?:of|to|through|ended|ending)\b)",
    re.I,
)
#: a figure an infinitive aims at ("to cut 1,100 jobs", "wants … to back a 14 billion koruna plant"): a plan
_PLAN = re.compile(
    r"\bto\s+(?!(?:about|around|nearly|almost|some|more|less|over|under|just|roughly|the|a|an|date)\b)[a-z]+\s+"
    r"(?:[\w'’-]+\s+){0,3}$"
)
#: an estimate's "to be" ("is estimated to be roughly $20 million"), which is no plan
_ESTIMATED = re.compile(r"\bestimated\s+to\s+be\b")
#: a state said of now ("now earns", "currently employs", "already stood at")
_NOW = re.compile(rf"\b(?:{'|'.join(NOW_WORDS)})\b", re.I)
#: "now" after a time and "and" (and a subject of up to three words: "and the basin now employs") or a comma (", now
#: employs"), just before the verb of a figure: the figure is of now, not of that time
_NOW_BEFORE = re.compile(
    rf"(?:\band\s+(?:(?!now\b|currently\b)[\w'’-]+\s+){{0,3}}?|,\s+)(now|currently)\s+\w+\s+(?:(?:{QUALIFIERS})\s+)?\Z"
)


#: verbs of a state in the present tense ("employs", "is home to", "work", "depend"): a figure they state holds now
_PRESENT_VERBS = (
    r"employs?|is|are|supplies|supply|holds?|produces?|counts?|provides?|digs?|buys?|earns?|pays?|owns?|powers|"
    r"runs|operates?|generates?|makes? up|accounts? for|remains?|averages?|exceeds?|totals|hosts?|serves?|feeds?|"
    r"works?|lives?|depends?|lacks?|goes|go|gets?|receives?|burns?|stands? at|comes? to|leaves?"
)
#: such a verb before a figure, not after a modal ("could employ"), with up to two words between that are no
#: participle ("employs about", "is home to", "still work in some"; not "has set aside", "is expected to"); "has"
#: and "have" right before it ("has 9,800 residents"; not "has lost about a fifth")
_PRESENT_BEFORE = re.compile(
    r"(?<!\bcould )(?<!\bmay )(?<!\bmight )(?<!\bcan )(?<!\bwould )(?<!\bwill )(?<!\bto )"
    rf"\b(?:(has|have)\s+|({_PRESENT_VERBS})\s+(?:estimated\s+(?:to\s+be|at)\s+)?"
    r"(?:(?!(?:been|being|not|no|the|by)\b)[a-z]+(?<!ed)(?<!en)\s+){0,2}?)"
    rf"(?:(?:{QUALIFIERS})\s+)?(?:{CURRENCY}\s*)?\Z"
)
#: a word that ends a figure's subject before its verb
_NOT_IN_SUBJECT = (
    r"(?!(?:who|which|that|and|or|but|had|has|have|was|were|will|would|once|when|if|as|until|after|before|while|"
    r"because)\b)"
)
#: such a verb after a figure and up to four words ("About 2,300 miners still work", "jobs in Biloela depend on it"),
#: or an "of" phrase of up to six ("98 per cent of the coal produced at the mine is sold to …"),
#: not in a clause of time or condition ("only 14 once it is running") nor passive or progressive ("run by")
_PRESENT_AFTER = re.compile(
    rf"(?:\s+of(?:\s+{_NOT_IN_SUBJECT}[\w'’-]+){{1,6}}?|(?:\s+{_NOT_IN_SUBJECT}[\w'’-]+){{0,4}}?)\s+"
    rf"(?:(?:still|now|also|currently|already|directly|together)\s+)?({_PRESENT_VERBS}|has|have)\b"
    r"(?!\s+(?:been|expected|due|set|likely|going|by|to\b|(?!being\b)[a-z]+(?:ed|ing)\b))"
)  # "are being laid off": a progressive, of now


#: reported speech that puts a state of the time of saying into the past: "She said there were about 30 workers"
_SAID_THERE_WERE = re.compile(
    rf"\b(?:said|told\s+[\w-]+)\s+(?:that\s+)?there\s+(were|was)\s+(?:(?:{QUALIFIERS})\s+)?(?:{CURRENCY}\s*)?\Z"
)
#: a sentence's opening "With" and a figure, and a participle after its noun: "With 750 people losing their jobs, …"
_WITH_BEFORE = re.compile(rf"\bWith\s+(?:(?:{QUALIFIERS})\s+)?\Z")
_ING_AFTER = re.compile(r"\s+([a-z]{2,}ing)\b")
#: a relative clause on a figure's noun ("of the miners who lost their jobs … in November") and the main verb after
#: it in the present tense ("are still unemployed")
_RELATIVE_ON = re.compile(r"(?:\s+of\s+(?:the|its|their|our)(?:\s+[\w'’-]+){1,2})?\s+(?:who|that)\s+[^,;:.\"“”]*\Z")
_RELATIVE_AFTER_FIGURE = re.compile(r"(?:\s+of\s+(?:the|its|their|our)(?:\s+[\w'’-]+){1,2})?\s+(?:who|that)\b")
#: a relative clause in the present tense on a figure's noun: "The 450 miners who work at the pit …" (of now)
_RELATIVE_PRESENT = re.compile(
    rf"\s+(?:who|that)\s+(?:(?:still|now|also|currently)\s+)?({_PRESENT_VERBS})\b"
    r"(?!\s+(?:been|being|expected|due|set|likely|going|to\b|(?!being\b)[a-z]+(?:ed|ing)\b))"
)
_MAIN_VERB = re.compile(r"\s(are|is)\s+(?:still\s+|now\s+)?(?!being|been|expected|due|set|to\b)")
_MAIN_PRESENT = re.compile(r"[^,;:.\"“”]{0,30}?\s+(are|is)\s+(?:still\s+|now\s+)?(?!being|been|expected|due|set|to\b)")


def _in_relative(text: str, end: int, t: Time) -> bool:
    """Whether time ``t`` is inside a relative clause on the noun of a figure ending at ``end``, whose main verb
    after it is in the present tense: the clause's time, not the figure's."""
    return (
        end <= t[0] <= end + 120
        and bool(_RELATIVE_ON.match(text, end, t[0]))
        and bool(_MAIN_PRESENT.match(text, t[1], t[1] + 60))
    )


def _present(text: str, quantity: Quantity, clause: tuple[int, int], start: int) -> tuple[int, int, str] | None:
    """The present-tense verb of a figure's clause and where it is, before the figure ("The mine employs about 300
    people") or after it ("About 15,000 people work in …"); a bare number after "is" or "are" ("Kacper is 17.", "is
    the riskier half") and a distance ("lives two miles from") are not such figures."""
    if re.match(r"\s+from\b", text[quantity.end : quantity.end + 8]):
        return None
    before = _PRESENT_BEFORE.search(text, max(clause[0], start - 60), start) or _SAID_THERE_WERE.search(
        text, max(clause[0], start - 60), start
    )
    if before:
        group = 1 if before.group(1) else 2
        bare = quantity.unit is None and quantity.counted is None
        return None if bare and before.group(group) in ("is", "are") else (*before.span(group), before.group(group))
    after = _PRESENT_AFTER.match(text, quantity.end, clause[1])
    with_ing = _WITH_BEFORE.search(text, max(clause[0], start - 30), start) and _ING_AFTER.match(text, quantity.end)
    after = after or with_ing or _RELATIVE_PRESENT.match(text, quantity.end, clause[1]) or None
    relative = _RELATIVE_AFTER_FIGURE.match(text, quantity.end, clause[1]) if not after else None
    after = after or (_MAIN_VERB.search(text, relative.end(), clause[1]) if relative else None)
    return (*after.span(1), after.group(1)) if after else None


#: a whole a part of which is to change ("two of its three pits", "40% of its 610 workers"), a place's size
#: ("a town of roughly 2,400 people"), a count said of now ("now employs 620 people")
_STANDING = re.compile(
    r"(?:\bof\s+(?:its|their|our|his|her)|\bout\s+of|\d\s+of|\b(?:a|the)\s+(?:town|city|village|community|county|district|region|"
    rf"municipality)\s+of|\bnow\s+(?:{_PRESENT_VERBS}))\s+(?:(?:{QUALIFIERS})\s+)?(?:{CURRENCY}\s*)?\Z",
    re.I,
)


def _now_after(text: str, when: Time, start: int, published: dt.date) -> Time:
    """The publication's year instead of a year or period a figure's clause gave before "and now" ("retrained in 2024
    and now earns 6,200 yuan", "has lost a fifth of its people since 1990 and now has fewer than 160,000"), or instead
    of a later year for a figure of what stands now (:data:`_STANDING`: "will lay off 40% of its 610 workers in
    January"); else ``when``."""
    now = _NOW_BEFORE.search(text, max(when[1], start - 60), start)
    if now:
        return (now.start(), now.end(), str(published.year), now.group(1), "")
    standing = _STANDING.search(text, max(0, start - 60), start) if int(when[2][:4]) > published.year else None
    return (standing.start(), standing.end(), str(published.year), None, "") if standing else when


def _observation(
    text: str, quantity: Quantity, start: int, end: int, qualifier: re.Match[str] | None, about: URIRef | None
) -> Candidate:
    """An observation candidate on ``start``–``end``: the quantity's value, scale, unit or counted noun, its
    qualifier and the entity it is about (its time is added after)."""
    number = quantity.number
    c = Candidate("CandidateObservation", start, end, text[start:end])
    c.add("candidateValue", turtle.number(number.value))
    for name, value in (
        ("candidateScale", number.scale),
        ("candidateUnit", quantity.unit),
        ("candidateCounted", quantity.counted),
    ):
        if value:
            c.add(name, turtle.text(value))
    if qualifier:
        c.add("candidateQualifier", turtle.text((qualifier.group(1) or qualifier.group(2)).lower().removeprefix("an ")))
    if about is not None:
        c.add("candidateAbout", turtle.iri(about))
    return c


def _this_year(
    text: str,
    quantity: Quantity,
    so_far: re.Match[str] | bool,
    clause: tuple[int, int],
    start: int,
    published: dt.date,
    of_now: bool,
) -> Time | None:
    """The publication's year for a figure with no time of its own whose sentence speaks of the year so far
    (``so_far``: "said first-half profit slumped 38%") or, when ``of_now`` (told, not quoted) and not an extent (such
    as hectares), whose clause states it of now ("She now earns 7,800 yuan a month", "unemployment already
    stood at 31.5 per cent") or whose clause's verb is in the present tense ("employs about 2,800 people"); never a
    plan ("will now hire 300", "to cut 1,100 jobs as first-half …")."""
    lead = _ESTIMATED.sub(" ", text[clause[0] : start])  # "is estimated to be": a state now, not a plan
    if re.search(FUTURE, lead, re.I) or _PLAN.search(lead):
        return None
    if isinstance(so_far, re.Match):
        return (so_far.start(), so_far.end(), str(published.year), so_far.group(0), "")
    of_now = of_now and quantity.unit not in EXTENTS
    now = _NOW.search(text, clause[0], start) if of_now else None
    if now:
        return (now.start(), now.end(), str(published.year), now.group(0), "")
    verb = _present(text, quantity, clause, start) if of_now else None
    if verb:
        return (verb[0], verb[1], str(published.year), f"{verb[2]}{PRESENT_TENSE}", "")
    return None


def _observation_span(
    text: str, s_start: int, kept: list[Quantity], i: int
) -> tuple[int, int, Number, str, re.Match[str] | None]:
    """Where the ``i``-th quantity's observation starts and ends (a range's other end and a qualifier
    before it included), its first number, the words before that number, and its qualifier."""
    quantity = kept[i]
    number = quantity.number
    before = text[max(s_start, quantity.sign - 8) : quantity.sign]
    partners = [  # a range's other end is next to it: "1,200 to 1,500"
        k
        for k in kept[max(0, i - 1) : i + 2]
        if k is not quantity and ranged(text, *sorted((k.number, number), key=lambda n: n.start))
    ]
    head = min([quantity, *partners], key=lambda k: k.number.start)
    first = head.number
    window = max(s_start, head.sign - 200)  # the words before it: a window, so that extract stays linear
    lead = re.sub(SIGN, "", text[window : head.sign])
    qualifier = re.search(rf"\b({QUALIFIERS})\s*$|(~)\s*$", lead, re.I)
    start = (
        window + (qualifier.start() if qualifier else len(lead))
        if partners or qualifier
        else quantity.sign - (len(before) - len(re.sub(SIGN, "", before)))
    )
    return start, max([quantity.end] + [k.end for k in partners]), first, lead, qualifier


def _nearest_mention(mentions, starts: list[int], number: Number, clause: tuple[int, int]) -> URIRef | None:
    """The entity named nearest before a number in its clause, else the first after it there."""
    before_i, after_i = bisect.bisect_left(starts, number.start) - 1, bisect.bisect_left(starts, number.end)
    if before_i >= 0 and starts[before_i] >= clause[0]:
        return mentions[before_i][2]
    return mentions[after_i][2] if after_i < len(starts) and starts[after_i] < clause[1] else None


def _add_when(c: Candidate, when: Time, lead: str) -> None:
    """An observation's year, or the start and end years of its period, and the words they were inferred from."""
    if (
        when[3]
        and "-" in when[2]
        and (when[3].startswith("since ") or SAME_PERIOD.fullmatch(when[3]))
        and re.search(r"\bfrom\s+$", lead)
    ):  # "to 2,300 from 4,150 since 2019", "to 2,150 from 3,400 over the same period": its start
        when = (when[0], when[1], when[2].split("-")[0], None, when[4])
    if "-" in when[2]:
        c.add("startYear", turtle.typed(when[2].split("-")[0], "xsd:gYear"))
        c.add("endYear", turtle.typed(when[2].split("-")[1], "xsd:gYear"))
    else:
        c.add("candidateYear", turtle.typed(when[2], "xsd:gYear"))
    if when[3]:
        c.add("yearInferredFrom", turtle.text(when[3]))


def _converted_times(text: str, out: list[Candidate]) -> None:
    """An amount converted in parentheses right after another ("1,840 crore rupees ($219 million)", "6.8 billion
    yuan (about 950 million U.S. dollars)") holds for the time of the amount it converts, or for none as it does."""
    before: Candidate | None = None
    for c in out:
        if c.kind != "CandidateObservation":
            continue
        if before is not None and re.fullmatch(r"\s*\(\s*", text[before.end : c.start]):
            for p in _TIME_PROPS:  # its own, if any, was read from inside the parentheses: the other's wins
                c.terms.pop(p, None)
            c.terms.update({p: list(before.terms[p]) for p in _TIME_PROPS if p in before.terms})
        before = c


def _range_times(out: list[Candidate]) -> None:
    """The two ends of a range ("44 million to 46 million tons in 2026", one span) hold for one time: an end
    that has none takes the other's."""
    observations = [c for c in out if c.kind == "CandidateObservation"]
    for a, b in itertools.pairwise(observations):
        if (a.start, a.end) == (b.start, b.end):
            timed = [c for c in (a, b) if any(p in c.terms for p in _TIME_PROPS)]
            if len(timed) == 1:
                other = b if timed[0] is a else a
                other.terms.update({p: list(timed[0].terms[p]) for p in _TIME_PROPS if p in timed[0].terms})


def _is_period(text: str, t: Time) -> bool:
    """Whether a time is a stretch of time rather than a point: "since 2019", "2020-2025", "in the
    first half of 2025", "in the first six months of the year", "in the second quarter", "the April–September
    half"."""
    return (
        "-" in t[2]
        or bool(SAME_PERIOD.fullmatch(t[3] or ""))  # "in the period": the one given before
        or bool(re.search(r"\b(?:half|quarter|months|weeks)\b", t[3] or ""))
        or bool(re.search(r"\b(?:half|quarter|months|weeks)\s+(?:of|to)\s+$", text[max(0, t[0] - 30) : t[0]]))
        or bool(  # "in the six months through June"
            (t[3] or "").startswith("through ")
            and re.search(r"\b(?:half|quarter|months|weeks)\s+$", text[max(0, t[0] - 30) : t[0]])
        )
        or bool(re.match(r"\s+(?:half|quarter)\b", text[t[1] : t[1] + 10]))  # "for the April–September half"
    )


_TIME_PROPS = ("candidateYear", "startYear", "endYear", "yearInferredFrom")


def _headline_times(text: str, out: list[Candidate]) -> None:
    """A headline's figures with no time of their own take the time the body gives the same
    number (same value, scale and unit): "… falls 6% in first half" as "fell 6% … in the first half of 2025"."""
    end = text.find("\n")
    if end < 0 or text[:end].rstrip().endswith((".", "!", "?")):
        return  # no headline: the first line is a paragraph
    key = lambda c: tuple(
        tuple(map(turtle.term, c.terms.get(p, ()))) for p in ("candidateValue", "candidateScale", "candidateUnit")
    )
    timed = lambda c: "candidateYear" in c.terms or "startYear" in c.terms
    undated = [c for c in out if c.kind == "CandidateObservation" and c.end <= end and not timed(c)]
    wanted = {key(c) for c in undated}
    dated: dict[tuple, Candidate] = {}
    for c in out:  # the body's first figure of each value and unit that has a time
        if c.kind == "CandidateObservation" and c.start > end and timed(c) and key(c) in wanted:
            dated.setdefault(key(c), c)
    for c in undated:
        body = dated.get(key(c))
        if body is not None:
            c.terms.update({p: list(body.terms[p]) for p in _TIME_PROPS if p in body.terms})


#: a plan's verb ("will shut", "is to close"); a count of now beside it ("which employs")
_WILL = re.compile(r"\b(?:will|is\s+to|are\s+to)\s+(?:\w+\s+)?(?:shut|close|cut|end|stop|axe|lay\s+off|shed|retire)\b")
_PRESENT_OF = re.compile(r"\b(?:employs|has|have|is|are)\b(?!\s+to\b)")


#: a year a headline sets before the words of what it measures: "as 2025 green power output climbs"
_YEAR_OF_MEASURE = re.compile(
    r"(?<![\w,.])((?:1[89]|20)\d\d)\s+([a-z]+(?:\s+[a-z]+){1,3}?)\s+(?=[a-z]+s\b|rose|fell|grew)"
)


def _headline_measure(text: str, headline_end: int, s_start: int, start: int) -> Time | None:
    """The year a headline sets before the words of a measure ("… as 2025 green power output climbs 14%") for a
    figure of the body whose sentence opens on those words ("Green power output reached 52.6 billion kWh"); else
    None."""
    if not 0 < headline_end < s_start or text[:headline_end].rstrip().endswith((".", "!", "?")):
        return None  # no headline (the first line is a paragraph), or the headline itself
    for m in _YEAR_OF_MEASURE.finditer(text, 0, headline_end):
        words = m.group(2)
        opening = text[s_start:start].lstrip(' \n"“')
        if opening.lower().startswith(words + " ") and len(opening) < len(words) + 40:
            return (m.start(1), m.end(1), m.group(1), None, "")
    return None


def _carried(
    text: str, stated: tuple[int, list[Time], bool], at: int, start: int, lead: str, due: Time | None = None
) -> Time | None:
    """The time of a number in a sentence that gives none, from the sentence before it in the same
    paragraph: the time that sentence's figures hold for ("… in the first half of 2025. Net income
    dropped to 48.2 billion"), or for what follows "from" the time it compared with ("… compared
    with 10.2 million tons a year earlier. Revenue dropped to Rp 9.1 trillion from Rp 12.4 trillion");
    only a figure of a past flow or change ("dropped", "sold"), not a state ("employs 45 people"), but for the year
    of a source the sentence before names ("The 2021 census … . The town had 12,850 residents"); or what a thing
    would bring when done, in the year the sentence before said it is ``due`` ("… are due to be running by 2029. They
    would create 90 jobs"). Called only for a sentence that states no time of its own ("…, it said on Thursday")."""
    if due and _WOULD_DO.search(text, at, start):
        return due
    end, times, year_apart = stated
    sourced = (  # a figure told in the past after it ("had", not "The city, home to 95,000 people, has grown")
        len(times) == 1
        and "-" not in times[0][2]
        and bool(_SOURCE_AFTER.match(text, times[0][1]) and re.search(r"\b(?:had|was|were|\w{3,}ed)\b", text[at:start]))
    )
    ahead = (  # a plan told again ("… to close in 2029" then "… will shut its station, with the loss of 310 jobs")
        len(times) == 1
        and "-" not in times[0][2]
        and bool(_WILL.search(text, at, start))
        and not _PRESENT_OF.search(text, at, start)
    )
    if not times or "\n" in text[end:at] or not (sourced or ahead or _FLOW.search(text, at, start)):
        return None
    other = [t for t in times if _COMPARED.search(text, max(end - 400, t[0] - 60), t[0]) or _AGO.search(t[3] or "")]
    main = [t for t in times if t not in other]
    if not main:
        return None
    t = main[0]
    if "-" in t[2] and not (t[3] or "").startswith("since ") and not financial_year(t[2]):
        return None  # "fell 18 percent in the past two years. Shares rose 2.3% after the announcement": not its time
    if not re.search(r"\bfrom\s+\S{0,4}\s*$", lead):
        return t
    if other:
        return other[0]
    if year_apart and "-" not in t[2]:
        return (t[0], t[1], str(int(t[2]) - 1), f"a year before {t[3] or text[t[0] : t[1]]}", t[4])
    return None


def _time_of(
    text: str,
    quantity: Quantity,
    first: int,
    lead: str,
    times: list[Time],
    clause_of: Callable[[int], tuple[int, int] | None],
    numbered: set[tuple[int, int] | None],
    sentence: tuple[int, int],
) -> Time | None:
    """The time a quantity holds for (None for a duration, or a capacity said of a thing): a
    change ("…, down 12 percent") and a clause that goes on from the one before ("…, cutting
    about 9,000 jobs", "…, and earned about $9.5 billion from it") take the time before them."""
    number, end = quantity.number, quantity.end
    times = [t for t in times if not _in_relative(text, end, t)]  # "half of the miners who lost … in November are"
    clause = clause_of(number.start) or (0, len(text))
    due = _due_when(text, quantity, times, sentence)  # "The 550MW unit …, fired by gas, is due on line in 2028"
    if due or _undated(text, quantity, lead):
        return due or _made_when(text, quantity, lead, times, clause, clause_of, numbered)
    change = bool(
        re.match(
            r"(?:down|up|a (?:rise|fall|drop|decline|increase) of|(?:well |far )?(?:above|below)|"
            r"compared with|against|versus|higher than|lower than)\s",
            text[clause[0] : number.start],
        )
        or re.search(r"\b(?:compared (?:with|to)|versus|against)\s+$", text[max(0, clause[0] - 16) : clause[0]])
    )  # "…, down 12 percent", "5.8% in September compared with a national average of 3.6%"
    opening = text[clause[0] : number.start]
    since = [  # "since YEAR" or a plain year not a bound ("by 2030")
        t
        for t in times
        if t[1] <= clause[0] and ((t[3] or "").startswith("since ") or (t[2].isdigit() and not _bounded(t[3], t[4])))
    ]  # or a month, a weekday, "that month" ("… in June, when the national rate was 3.7%")
    if opening.startswith("when ") and since and re.fullmatch(r",\s*", text[since[-1][1] : clause[0]]):
        t = since[-1]  # "since 1980, when about 58,000 people lived there": 1980; "in 2021, when … paid $300": 2021
        return (t[0], t[1], t[2].split("-")[0], None, t[4])
    went_on = text[clause[0] - 2 : clause[0]] == ", " and bool(_WENT_ON.match(opening))
    to_level = text[clause[0] - 4 : clause[0]] == " to " and not re.sub(SIGN, "", text[clause[0] : first])  # "fell
    # 27% … to 1,840", "fell 14% last year to $3.9 billion"
    continues = to_level or (
        text[clause[0] - 2 : clause[0]] == ", "
        and bool(
            re.match(r"(?:worth|from|\w+ing|with\s+(?:[\w'’-]+\s+){1,6}?\w+ing|\w+ed\s+(?:by|with|through))\s", opening)
            or re.fullmatch(rf"(?:to\s+|or\s+)?(?:(?:{QUALIFIERS})\s+)?", re.sub(SIGN, "", text[clause[0] : first]))
        )
    )  # "…, cutting about 9,000 jobs", "…, with gas contributing a third", "fell 7pc in 2024, to 148 million", "… since
    # 2021, or about 26%", "…, funded by a 9 million euro grant": the time before
    compared = lambda t: t[0] >= end and _compared(text, end, t)  # "4% more than in … 2025": not its own
    if (continues or went_on) and not any(clause[0] <= t[0] < clause[1] and not compared(t) for t in times):
        previous = clause_of(clause[0] - 1) or clause  # (a seek, not a walk: extract stays linear)
        bound = opening.startswith("to ")  # "…since 1981, to about 67,000": not 1981's
        known = [t for t in times if not (bound and _bounded(t[3], t[4]))]
        if to_level and text.startswith("from ", previous[0]):  # "…, from $212 million to $109 million": the
            previous = clause_of(previous[0] - 1) or previous  # clause before the "from"
        in_previous = [t for t in known if previous[0] <= t[0] < previous[1]]
        if not in_previous and previous not in numbered:  # the last time before it, over a clause with no number
            in_previous = [t for t in known if t[1] <= clause[0]][-1:]  # "fell 7pc in the year to June, to 148m"
        change = change or bool(in_previous) or (went_on and any(t[1] <= clause[0] for t in times))
        times = in_previous or times
    when = _when(text, times, clause_of, clause, numbered, number.start, end, change)
    when = when or _restated(text, times, clause_of, clause, numbered)  # "…, a share they held in 2012"
    level = text[clause[0] - 2 : clause[0]] == ", " and opening.startswith("to ")
    if when and "-" in when[2] and level and when[1] <= number.start and not _bounded(when[3], when[4]):
        # "fell 6 percent in the past five years, to 54,000 residents": the level a change went to, set off after it,
        # stood at the period's end (not "rose to 6.4% over the same period", nor "In that time, … rose to 6.8pc")
        return (when[0], when[1], when[2].split("-")[1], f"the end of {when[3] or text[when[0] : when[1]]}", when[4])
    if when and "-" in when[2] and when[1] <= number.start and not _bounded(when[3], when[4]):
        # "Between 2020 and 2025, the share fell from 70pc to about 62pc": "from" its start, "to" its end
        side = _from_to_side(text, clause, clause_of)
        if side is not None:
            year, which = when[2].split("-")[side], ("start", "end")[side]
            return (when[0], when[1], year, f"the {which} of {when[3] or text[when[0] : when[1]]}", when[4])
    return when


def _from_to_side(text: str, clause: tuple[int, int], clause_of: Callable[[int], tuple[int, int] | None]) -> int | None:
    """0 for a figure after "from" that a "to" and a figure follow, 1 for the figure after that "to"; else None
    ("fell from 70pc to 62pc", "fell between 2021 and 2025, from $212 million to $109 million")."""
    opens_from = lambda c: text[c[0] - 6 : c[0]] == " from " or text.startswith("from ", c[0])
    if opens_from(clause) and text[clause[1] - 4 : clause[1]] == " to ":
        return 0
    previous = clause_of(clause[0] - 1)
    if text[clause[0] - 4 : clause[0]] == " to " and previous and opens_from(previous):
        return 1
    return None


#: a thing still to be made: "would start running", "will be completed", "is due to open", "to be built"
_TO_BE_MADE = re.compile(
    r"\b(?:will|would|shall|(?:is|are)\s+(?:due|set|expected|scheduled)\s+to|to)\s+(?:start|begin|open|enter|"
    r"come\s+online|be\s+(?:built|completed|finished|connected|commissioned|running|operational|online))\b"
)
#: a clause after a thing's that says when it is made: ", both to be completed by 2029", ", due in 2030"
_MADE_AFTER = re.compile(r"(?:both|all|each)?\s*(?:to\s+be\s+\w+ed|due)\b")


def _made_when(
    text: str,
    quantity: Quantity,
    lead: str,
    times: list[Time],
    clause: tuple[int, int],
    clause_of: Callable[[int], tuple[int, int] | None],
    numbered: set[tuple[int, int] | None],
) -> Time | None:
    """The time a thing of a capacity is made, when the text brings it in as new ("a 90MW data centre by 2030", "an
    858MW block opened in 2011", "a 300MW solar farm the company plans to finish in 2028"), or its first stage
    ("the first 250MW would feed the grid by the end of 2027", "… next March"): the first time after it in its
    clause that names a year (not a day or month of the news: "plans for an 800MW project … voted on
    Tuesday"), not a bound that opens from it ("since") nor one compared; a thing known ("the 560MW unit") only
    when its clause says it is still to be made ("would start running in 2028", "and the 200MW battery a year
    later"); a new one also in the clause after its own, with no figure, that says so (", both to be completed by
    2029"); never
    for a thing already known ("the 800MW station … stopped burning coal in 2023")."""
    new = re.search(r"\b(?:an?|the first)\s+$", lead, re.I)
    if quantity.unit not in CAPACITIES or not (
        new or (re.search(r"\bthe\s+$", lead, re.I) and _TO_BE_MADE.search(text, clause[0], clause[1]))
    ):
        return None
    after = [
        t
        for t in times
        if quantity.end <= t[0]
        and (
            t[0] < clause[1]
            or (new and clause_of(t[0]) == clause_of(clause[1]) not in numbered and _MADE_AFTER.match(text, clause[1]))
        )
        and not re.search(r"\b(?:since|until)\s+$", t[4])
        and not _compared(text, quantity.end, t)
        and re.search(r"\byear\b|\d{4}|\bnext\b", t[3] or text[t[0] : t[1]])
    ]
    return after[0] if after else None


#: a subject's thing said to be due later: "is due on line in …", "is expected to start up in …", "will open in …"
_DUE = re.compile(
    r"\b(?:(?:is|are)\s+(?:due|expected|scheduled|set)\s+(?:on\s*line|online|in|by|to\s+(?:start|begin|open|enter|"
    r"come\s+(?:on\s*line|online)|be\s+(?:built|completed|finished|connected|commissioned|running|operational|"
    r"online)))|(?:will|would)\s+(?:start|begin|open|enter|come\s+(?:on\s*line|online)))\b"
)
#: a subject noun phrase up to a capacity: "The ", "The replacement, a ", "Its new "
_SUBJECT_LEAD = re.compile(r"\s*(?:The|An?|Its|Their)(?:\s+[\w-]+){0,3}?(?:,\s+(?:an?|the))?\s+(?:new\s+)?")
#: the subject's verb: the first finite one after it
_FINITE = re.compile(r"\b(?:is|are|was|were|will|would|has|have|had)\b")


def _due_when(text: str, quantity: Quantity, times: list[Time], sentence: tuple[int, int]) -> Time | None:
    """The year a thing of a capacity that its sentence opens on is due ("The 550MW unit replacing them, fired by
    gas, is due on line in 2028", "The replacement, a 370MW plant, is budgeted at $1.1 billion and is due to start
    up in late 2030"): the first time naming a year after the sentence says so, where the subject's verb comes
    after the capacity (not "It would pair a 220MW farm with …, which is set to start next spring")."""
    if quantity.unit not in CAPACITIES or not _SUBJECT_LEAD.fullmatch(text, sentence[0], quantity.sign):
        return None
    verb = _FINITE.search(text, quantity.end, sentence[1])
    due = _DUE.search(text, verb.start(), sentence[1]) if verb else None
    if due is None or any(quantity.end <= t[0] < due.start() for t in times):  # "opened in 1990 and will open …"
        return None
    after = [
        t
        for t in times
        if due.start() <= t[0] < sentence[1]
        and not re.search(r"\b(?:since|until)\s+$", t[4])
        and re.search(r"\byear\b|\d{4}|\bnext\b", t[3] or text[t[0] : t[1]])
    ]
    return after[0] if after else None


#: a clause that goes on from the one before in the past: "and earned", "and that those projects had created"
_WENT_ON = re.compile(r"(?:and|but)\s+(?:that\s+(?:[\w'’-]+\s+){1,3}?(?:had\s+|has\s+|have\s+)?)?\w+ed\s")


#: days counted, not a duration: "limits were exceeded on 96 days", "on more than 60 days a year"
_ON_DAYS = re.compile(rf"\bon\s+(?:(?:{QUALIFIERS})\s+)?$")


#: hours or days a plant ran, stood idle or lost, a count over a time: "ran for fewer than 3,000 hours", "lost 41"
_RUN_FOR = re.compile(
    r"\b(?:ran|run|runs|running|operated|operating|stood\s+idle|idle|offline|out\s+of\s+service|lost|losing)\s+"
    rf"(?:for\s+)?(?:(?:{QUALIFIERS})\s+)?\Z"
)


#: a past act that puts a capacity in service: "switched on a", "commissioned its first"
_PUT_IN = re.compile(
    r"\b(?:switched\s+on|connected|commissioned|opened|completed|installed|added|inaugurated|brought\s+online)\s+"
    r"(?:a|an|the|its|their)\s+(?:first\s+|new\s+)?\Z"
)


def _undated(text: str, quantity: Quantity, lead: str) -> bool:
    """Whether a quantity holds for no year: a duration, or a capacity said of a thing ("for 31
    years", "the 800MW Callide B power station", "9 miles away")."""
    unit, end = quantity.unit, quantity.end
    return bool(
        (unit in DURATIONS and not _ON_DAYS.search(lead) and not _RUN_FOR.search(lead))  # "exceeded on 96 days",
        # "ran for 2,300 hours", "lost 41 production days": a count of days or hours, not a duration
        or quantity.counted in ("decades", "centuries")
        or (
            unit in CAPACITIES
            and re.search(r"\b(?:a|an|the|its|their|first|new)\s+$", lead)
            and not _PUT_IN.search(lead)  # "switched on a 200MW battery last month": capacity added then
            and re.match(
                r"\s+(?!(?:of|in|to|by|for|and|or|per|a|an|each|this|last|next|between|from)\b)[A-Za-z]",
                text[end : end + 40],
            )
        )
        or re.match(r"\s+(?:away|north|south|east|west|outside|upstream|downstream)\b", text[end : end + 12])
    )


def _quantities(text: str, s_start: int, s_end: int, found: list[Number], country: str | None = None) -> list[Quantity]:
    """The sentence's numbers that are quantities, each with its unit (not a year, a part of a
    name, a date or an age, or a word like "one of"); the low end of a range takes the unit of
    the high end ("1,200 to 1,500 workers")."""
    sentence = text[s_start:s_end]
    scores = [(s_start + m.start(), s_start + m.end()) for m in _SCORE.finditer(sentence)]
    scores += [(s_start + m.start(), s_start + m.end()) for m in _CLOCK.finditer(sentence)]
    scores += [(s_start + m.start(), s_start + m.end()) for m in _FIGURE_DATE.finditer(sentence)]
    kept: list[Quantity] = []
    for number in found:
        words = text[number.start : number.end]
        if any(a <= number.start < b for a, b in scores):
            continue  # "voted 4-1": a vote, not a quantity; "09:41 PM IST", "2:14 PM GMT+1": a time of day
        if YEAR.fullmatch(words) and number.scale is None:
            continue  # a year, recorded as a date
        if _DATED_DAY.match(text, number.end) and _MONTH_BEFORE.search(text, max(0, number.start - 12), number.start):
            continue  # "March 6, 2026": a day of a date its year makes whole
        if _DAY_OF_DATED_MONTH.match(text, number.end) and number.scale is None:
            continue  # "11 December 2022", "05 Feb 2020": the day of a whole date
        before = text[max(s_start, number.start - 200) : number.start]
        if number.start - s_start > 200:
            before = "\x00" + before  # a window (extract stays linear) that is not the sentence's start
        if (
            re.search(r"\b[A-Z]\w*[ -]$", before)
            and not re.search(SIGN, before)
            and not _sign_before(text, number.start, country)
            and not re.search(r"(?:^|[.!?:\"“„«—–]\s*)\w+[ -]$", before.lstrip())
            and not re.search(r"\b(?:" + "|".join(m.capitalize() for m in MONTHS) + r")\s$", before)
        ):
            continue  # part of a name: "Route 52", "Sierpień 80"
        opening = TOKEN.search(sentence)
        if (
            not words[0].isdigit()
            and words[0].isupper()
            and not (opening and s_start + opening.start() == number.start)
            and not re.search(r"(?:[—–]|--?)\s+$", text[max(0, number.start - 4) : number.start])
        ):
            continue  # "Five-Year Plan" (not "(AP) — Four of the nine shafts")
        unit, counted, unit_end = _unit(text, number.start, number.end, s_end, country)
        if (
            unit is None
            and kept
            and kept[-1].counted
            and re.match(r"\s+of\s+(?:them|which|whom)\b", text[number.end : number.end + 10])
        ):
            unit, counted = kept[-1].unit, kept[-1].counted  # "its 1,400 workers … eight hundred of them": workers;
            # "runs 35 mines, 24 of which are in …": mines
        named_pair = re.search(r"\b[A-Z]\w*[ -]\d{1,3}\s+(?:and|&)\s+$", before)
        if (
            named_pair
            and unit is None
            and words.isdigit()
            and not re.search(r"(?:^|[.!?:\"“„«—–])\s*$", before[: named_pair.start()])
        ):
            continue  # "Colstrip Units 1 and 2", "the Central Angamos 1 and 2": the second of two names' numbers
        if number.ratio or (not words[0].isdigit() and number.value < 1):
            unit, counted, unit_end = "fraction", None, number.end  # "one in five young people": a share of them
        rest = text[unit_end : min(s_end, unit_end + 200)]
        if (
            not words[0].isdigit()
            and number.value == int(number.value)
            and not number.ratio
            and unit not in DURATIONS
            and re.search(r"\b(?:the|those|these)\s+(?:first\s+)?$", before, re.I)
        ):
            continue  # "the two mines", "those two dates": things counted before, named again
        if (
            (
                unit in ("year", "month", "week", "day")
                and re.match(r"\s*(?:ago|on|later|earlier|afterwards|after|old)\b", rest)
            )
            or re.match(r"-year-old", rest)
            or re.match(r"-(?:year|month|week|day)-old\b", text[number.end : number.end + 12])  # "a 42-year-old"
            or (unit is None and re.match(r"\s*(?:GMT|UTC|CET|CEST|BST|EST|EDT|PST|local time)\b", rest))  # "1100 GMT"
            or (unit is None and re.match(r"\s*(?:[ap]\.m\.|[ap]m\b)", rest, re.I))  # "As of 3 pm": a time of day
            or (words.lower() == "century" and not re.match(r"-(?:old|long)\b", rest))  # "a century-low", "for more
            # than a century caverns like it have …": no count of a hundred
            or (
                unit in ("month", "week")
                and re.search(r"\bthe\s+$", before)
                and re.match(rf"\s+(?:to|ending|ended)\s+(?:{'|'.join(m.capitalize() for m in MONTHS)})\b", rest)
            )
        ):
            continue  # a date, an age, a time of day, or a period ("in the three months to June")
        if (
            re.fullmatch(r"half|quarter", words.lower()) and re.search(r"\b(?:first|second|third|fourth)[ -]$", before)
        ) or (re.fullmatch(r"first|second|third|fourth", words.lower()) and re.match(r"-(?:half|quarter)\b", rest)):
            continue  # "in the first half of 2025", "first-half profit": a part of the year
        fraction = number.value < 1 and (
            re.match(r"\s+(?:of|as (?:many|much))\b", rest) or re.search(rf"\b(?:{QUALIFIERS}|by)\s+$", before, re.I)
        )
        if (
            not words[0].isdigit()
            and unit in (None, "fraction")
            and not (fraction or number.ratio)
            and not re.match(r"-\w", rest)
            and not (number.value > 1 and _PART_OF.match(rest))
        ):
            continue  # "one of", "first", "21st century": a word, not a quantity
        named = _sign_before(text, number.start, country)
        signed = named and unit == (CURRENCY_LABELS.get(named[0]) or named[0])
        kept.append(Quantity(number, unit, counted, unit_end, named[1] if named and signed else number.start))
    _carry_units(text, s_start, kept)
    return kept


def _carry_units(text: str, s_start: int, kept: list[Quantity]) -> None:
    """Give figures without a unit the one the sentence gives them elsewhere: a range's high end, the whole of
    a part, a figure before "but only", the subject's "number of X", the other side of a change."""
    for low, high in itertools.pairwise(kept):  # "1,200 to 1,500 workers", "between 8 and 9 million tonnes": one unit
        if ranged(text, low.number, high.number) and low.unit is None:
            low.unit, low.counted, low.end = high.unit, high.counted, high.end
    for part, whole in itertools.pairwise(kept):  # "40 of his 55 students": students
        if (
            part.unit is None
            and whole.counted
            and re.fullmatch(r"\s+of\s+(?:the|his|her|its|their|our|my)\s+", text[part.end : whole.number.start])
        ):
            part.unit, part.counted = whole.unit, whole.counted
    for whole, part in itertools.pairwise(kept):  # "Of the 81 employees at the firm, almost 50 are …": employees
        if (
            part.unit is None
            and whole.counted
            and re.fullmatch(r"\s*Of\s+(?:the|its|their|his|her|our)\s+", text[s_start : whole.number.start])
            and "," in text[whole.end : part.number.start]
            and not re.match(r"\s+[a-z]+s\b", text[part.end : part.end + 20])
        ):
            part.unit, part.counted = whole.unit, whole.counted
    for earlier, later in itertools.pairwise(kept):  # "up to 260 workers …, but only 14 once it is running": workers
        if (
            later.unit is None
            and earlier.counted
            and text[later.number.start : later.number.end].isdigit()
            and re.search(r"\b(?:but|only|just)\s+$", text[max(s_start, later.number.start - 12) : later.number.start])
            and not re.match(r"\s+[a-z]+s\b", text[later.end : later.end + 20])
        ):
            later.unit, later.counted = earlier.unit, earlier.counted
    for earlier, later in itertools.pairwise(kept):  # "laid off 54 workers, while 100 were … at SIP and 50 at X"
        if (
            later.unit is None
            and earlier.counted
            and text[later.number.start : later.number.end].replace(",", "").isdigit()
            and re.search(r"(?:,\s*(?:while|whereas)|\band)\s+$", text[earlier.end : later.number.start])
            and re.match(r"\s+(?:were|are|was|at|in)\b", text[later.end : later.end + 8])
        ):
            later.unit, later.counted = earlier.unit, earlier.counted
    subject = (
        _NUMBER_OF.search(text, s_start, kept[-1].number.start) if kept else None
    )  # "The number of coal miners fell to about 61,000": miners
    for q in kept:
        if subject and q.unit is None and subject.end() < q.number.start and text[q.number.start].isdigit():
            q.unit, q.counted = "count", subject.group(1)
    for earlier, later in itertools.pairwise(kept):  # "3,900 people today, down from more than 7,000": people
        if (
            later.unit is None
            and earlier.unit not in (None, "fraction")
            and (
                re.search(
                    rf"\b(?:down|up|fell|rose)\s+from\s+(?:(?:{QUALIFIERS})\s+)?$",
                    text[max(s_start, later.number.start - 60) : later.number.start],
                )
                or _OTHER_SIDE.fullmatch(text, earlier.end, later.number.start)
                or (  # "fell to about 1.59 million residents at the end of last year from 1.82 million"
                    _TO_LEVEL_BEFORE.search(text, max(s_start, earlier.number.start - 24), earlier.number.start)
                    and _FROM_AFTER.fullmatch(text, earlier.end, later.number.start)
                )
            )
        ):
            later.unit, later.counted = earlier.unit, earlier.counted
    for earlier, later in itertools.pairwise(kept):  # "410 people directly and about 250 more through contractors"
        if (
            later.unit is None
            and earlier.unit not in (None, "fraction", "percent")
            and _AND_ELIDED.fullmatch(text, earlier.end, later.number.start)
            and not re.match(r"\s+(?!more\b)[a-z]+s\b|\s*[-–%]", text[later.end : later.end + 20])
        ):
            later.unit, later.counted = earlier.unit, earlier.counted


#: what goes from one figure to a second joined to it by "and" that leaves out its noun: "410 people directly and
#: about 250 more", "18 million euros, and the government 35 million" (not "and another 500" at once, which readers
#: leave bare)
_AND_ELIDED = re.compile(
    rf"[^.;:\"“”\d]{{0,80}}?,?\s+and\s+(?!another\b)(?:[a-z][\w'’-]*\s+){{0,8}}?(?:(?:{QUALIFIERS})\s+)?"
)


#: what goes from a figure to the other side of its comparison, which takes its unit: "to 85 people from 260",
#: "11 students enrolled last autumn, she said, against 95"
_OTHER_SIDE = re.compile(
    rf",?\s+from\s+(?:(?:{QUALIFIERS})\s+)?"
    rf"|[^.;:\"“”\d]{{0,80}}?\b(?:against|versus|compared (?:with|to))\s+(?:(?:{QUALIFIERS})\s+)?"
)


#: a level a change went to ("fell to about"), and the "from" of its other side after words of its time
_TO_LEVEL_BEFORE = re.compile(rf"\bto\s+(?:(?:{QUALIFIERS})\s+)?\Z")
_FROM_AFTER = re.compile(rf"[^.;:,\"“”\d]{{0,60}}?,?\s+from\s+(?:(?:{QUALIFIERS})\s+)?")  # "… this fall, from 198"
#: a sentence's subject that names what its bare figures count: "the number of manufacturing jobs"
_NUMBER_OF = re.compile(
    r"\b[Tt]he\s+(?:number|amount)\s+of\s+(?:[a-z][\w-]*\s+){0,2}?("
    + "|".join(sorted(COUNT_NOUNS, key=len, reverse=True))
    + r"|[a-z]{3,}(?<!ss)s)\b"
)


#: a part of a counted whole after a number word: "Four of the nine shafts"
_PART_OF = re.compile(
    r"\s+of\s+(?:the|his|her|its|their|our|my)\s+(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten)\b)"
)
_PAUSE = re.compile(r"[,;:]")
#: a time that is when something was said ("said on Friday", "told reporters in Warsaw on Monday"),
#: not one of a number said ("said 40 of his 55 students this year", "said on Thursday its profit for the half"),
#: nor an act ("agreed in 2018 to")
_SAID_WHEN = re.compile(
    rf"\b{SPEECH.replace('agreed|agrees|', '')}(?:\s+(?!\d)(?!(?:its|their|our)\b)[\w'’-]+){{0,5}}\s+$"
)
#: what opens reported speech or a new clause after a time of saying ("said on Friday that …", ", but")
_REPORTED = re.compile(r"\bthat\b|[\"“„«,;:]")
#: a comparison: what follows it is the other side's, its time too; so is an event a figure comes "ahead of"
_COMPARED = re.compile(
    r"\b(?:compared (?:with|to)|versus|against|ahead of|"
    r"(?:more|less|higher|lower|fewer|greater|bigger|smaller)\s+than\s+(?:in|during|over|at)\b)"
)
#: a year a change is reckoned "on" ("up 9.2 per cent on the previous year", "4% on 2024"; not "on Nov. 30")
_ON_A_YEAR = re.compile(r"(?:the\s+)?(?:previous|preceding|prior|last)\s+year|a\s+year\s+(?:earlier|before|ago)")


#: the other side of a change, before its time: "down from 4.1 million in"
_FROM_SIDE = re.compile(r"\bfrom\s+(?:[^,;:.\"“”]|[.,](?=\d)){0,40}\Z")


def _other_side(text: str, end: int, t: Time) -> bool:
    """Whether the time ``t`` after a figure ending at ``end`` is the other side's: a comparison's, or the time of
    a "from" figure ("dug 2.8 million tonnes, down from 4.1 million in 2019-20"): not the figure's own."""
    return t[0] >= end and (_compared(text, end, t) or bool(_FROM_SIDE.search(text, end, t[0])))


def _compared(text: str, end: int, t: Time) -> bool:
    """Whether the time ``t`` after a figure ending at ``end`` is the other side of a comparison."""
    on = (t[4].endswith(" on ") and (t[3] is None or _ON_A_YEAR.fullmatch(t[3]))) or (
        t[4].endswith(" from ") and bool(t[3]) and bool(_ON_A_YEAR.fullmatch(t[3] or ""))
    )  # "down 9% from the previous year": the other side
    than = bool(
        re.search(
            r"\bthan\s+(?!(?:expected|planned|forecast|hoped|anticipated)\b)(?:[\w'’]+\s+){0,3}$",
            text[max(end, t[0] - 40) : t[0]],
        )
    )  # "4 percent less
    # than a year earlier", "15 per cent less than it did a year earlier"
    same = bool(  # "a fall of 18% on the same period of 2025", "up 4% from the same months of 2024"
        _SAME_AS.search(text, max(end, t[0] - 40), t[0])
        and re.search(
            r"\b(?:on|from|over|against|versus)\s+the\s+same\s+\w+\s+\w+\s+\Z", text[max(end, t[0] - 50) : t[0]]
        )
    )
    return bool(on or than or same or _COMPARED.search(text, end, t[0]))


#: the other side of a comparison a year apart: "compared with the same period of 2024"
_SAME_AS = re.compile(r"\bsame\s+(?:period|time|months?|quarter|half|season)\s+(?:of|in|last)\s+$")
#: a comparison a year apart stated in a sentence ("year-on-year", "a year earlier")
_YEAR_APART = re.compile(r"\byear[- ]on[- ]year\b|\by/y\b|\bfrom a year (?:earlier|ago|before)\b", re.I)
#: a past flow or change, whose figure holds for a period ("Revenue dropped to", "it sold"), not "has risen"
_FLOW = re.compile(
    r"(?<!\bhas )(?<!\bhave )\b(?:rose|fell|dropped|declined|increased|decreased|grew|climbed|slid|slipped|jumped|"
    r"surged|plunged|shrank|totall?ed|reached|earned|sold|produced|posted|reported|exported|imported|mined|shipped|"
    r"amounted|employed|paid|spent|lost|shed|hired|invested|received|collected|generated|burned|burnt|consumed|"
    r"supplied|provided|delivered|widened|narrowed|recorded|accounted|dug|extracted|hauled|ran|stood|connected|installed|added|commissioned)\b"
)
#: a change, then the level it went to and that level's time: "6% year-on-year to 19.4 million tonnes in"
_TO_LEVEL = re.compile(r"\s+(?:(?:year[- ]on[- ]year|on the year|y/y)\s+)?to\s+[^,;:\"“”]*$")
#: a time that is the other side of a comparison
_AGO = re.compile(r"\b(?:earlier|ago|before)$", re.I)
#: a vote or a score ("voted 3-0", "won 2-1"): no quantity
_SCORE = re.compile(
    r"\b(?:vot(?:ed|es?)|won|lost|beat|defeated|drew|tied|passed|approved|rejected)\s+(?:\w+\s+)?\d{1,2}[-–]\d{1,2}\b"
)


#: a time of day, with its zone ("09:41 PM IST", "2:14 PM GMT+1", "14:05 CET")
_CLOCK = re.compile(
    r"(?<![\d:.,])\d{1,2}:\d\d(?::\d\d)?(?![\d:])(?:\s*[AaPp]\.?[Mm]\b\.?)?(?:\s+[A-Z]{2,5}(?:\s*[+-]\d{1,2}(?::\d\d)?)?)?"
    r"|(?<![\d:.,])\d{1,2}\s?[ap]\.m\."  # "at 3 a.m."
)
#: a month's name just before a day, and a year just after it: the day of a whole date ("March 6, 2026")
_MONTH_BEFORE = re.compile(
    rf"\b(?:{'|'.join(m.capitalize() for m in MONTHS)}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)\s+\Z"
)
_DATED_DAY = re.compile(r",?\s+(?:1[89]|20)\d\d\b")
#: a month's name and a year just after a day: the day of a whole date written day first ("11 December 2022")
_DAY_OF_DATED_MONTH = re.compile(
    rf"\s+(?:{'|'.join(m.capitalize() for m in MONTHS)}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?),?\s+"
    r"(?:1[89]|20)\d\d(?!\d)"
)  # a year glued to the next word in a page's text ("15 January, 2015Approximately") still ends the date
#: a date written in figures, its three parts joined by one sign ("20/10/26", "2019-10-30", "30.10.2019"): no number
_FIGURE_DATE = re.compile(
    r"(?<![\w.,/:-])(?:(?:1[89]|20)\d\d([/.-])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])"
    r"|(?:0?[1-9]|[12]\d|3[01])([/.])(?:0?[1-9]|1[0-2])\2(?:\d\d){1,2})(?![\w/:-]|[.,]\d)"
)


def _clause_at(clauses: list[tuple[int, int]], starts: list[int], at: int) -> tuple[int, int] | None:
    """The clause that holds offset ``at``."""
    return clauses[max(0, bisect.bisect_right(starts, at) - 1)] if clauses else None


def _in_dateline(text: str, at: int) -> bool:
    """Whether offset ``at`` follows a dateline's place at a line's start ("ORDOS, Inner Mongolia, ")."""
    line = text[max(text.rfind("\n", 0, at) + 1, at - 80) : at].split(",")
    return 2 <= len(line) <= 3 and line[0].isupper() and not line[-1].strip()


#: a clause that goes on describing what came before it: ", set last December", ", signed in 2019"
_PARTICIPLE = re.compile(r"[,;]\s+(?:\w+ed|set|paid|made|built|held|won|cut|sold|bought|given|taken)\s")


def _following(
    text: str, times: list[Time], clause_of: Callable[[int], tuple[int, int] | None], numbered, end: int
) -> Time | None:
    """A time after a number whose own clause gave none: the first one reached without a pause
    ("40 percent of its output from new energy by 2030"), or across one into a clause that
    describes it ("180,000 yuan per household, set last December"), in a clause with no number
    of its own; never a bound that opens from it ("since", "until")."""
    for t in times:
        to_level = _TO_LEVEL.match(text, end, t[0]) is not None  # "fell 6% to 19.4 million tonnes in 2025"
        if t[0] < end or (clause_of(t[0]) in numbered and not to_level) or re.search(r"\b(?:since|until)\s+$", t[4]):
            continue
        between = text[end : t[0]]
        if _WHEN_OF_NEXT.search(between):  # the time of a later figure
            return None
        if _compared(text, end, t):
            if "-" not in t[2] and _SAME_AS.search(text, max(0, t[0] - 40), t[0]):  # "the same period of 2024"
                return (t[0], t[1], str(int(t[2]) + 1), f"a year after {t[3] or text[t[0] : t[1]]}", t[4])
            return None  # "fell 41 percent compared with … 2024": the other side's time
        pauses = len(_PAUSE.findall(between))
        if len(between) <= 120 and (
            pauses == 0
            or (
                pauses == 1
                and (_PARTICIPLE.search(between) or _SOURCE_OF.match(text, t[1]) or _SOURCE_IN.search(between))
            )
        ):
            return t
        return None
    return None


#: a source after its year that the sentence cites ("…, a 2023 state survey found"): its figures are of that year
_SOURCE_OF = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}(?:survey|study|report|census|poll|analysis|audit|assessment)\s+"
    r"(?:found|finds|showed|shows|said|says|estimated|estimates|suggested|suggests)\b"
)


#: a source the sentence cites, of a year after it: ", according to a provincial survey carried out in 2023"
_SOURCE_IN = re.compile(
    r",\s+according\s+to\s+(?:a|an|the|its)\s+(?:[\w-]+\s+){0,3}?(?:survey|study|report|census|poll|analysis|audit|"
    r"assessment)\s+(?:carried\s+out|conducted|published|done|taken|released|made)\s+in\s+\Z"
)


#: a past perfect or progressive: what a time "by" which had come about ("by 2024 the figure had fallen to 7,500",
#: "and by 2022, …, Komati was contributing only 120MW")
_HAD_DONE = re.compile(
    r"\b(?:had|will\s+have)\s+(?:\w+\s+)?\w+(?:ed|en|t|n)\b|\b(?:was|were)\s+(?:\w+ly\s+)?\w{3,}ing\b"
)


def _reached_by(text: str, t: Time, start: int) -> bool:
    """Whether a "by" time is when a figure after it stood: a past perfect or progressive between ("by 2024 … had
    fallen to", "by 2022 … was contributing")."""
    return bool(re.search(r"\bby\s+$", t[4])) and bool(_HAD_DONE.search(text, t[1], start))


@functools.lru_cache(maxsize=1024)
def _bounded(words: str | None, before: str) -> bool:
    """Whether a time is a bound ("since 2019", "by March"), not when a number held."""
    return bool(re.search(r"\b(?:since|until|by)\s+$", before) or re.match(r"(?:since|until|by)\b", words or "", re.I))


def _year_after_same(text: str, times: list[Time], clause: tuple[int, int], end: int) -> Time | None:
    """The year after the other side "the same period of 2025" a figure's clause compares it with, when the clause
    gives no time of its own ("12 percent less than in the same period of 2025": 2026)."""
    for t in times:
        if end <= t[0] < clause[1] and "-" not in t[2] and _SAME_AS.search(text, max(0, t[0] - 40), t[0]):
            return (t[0], t[1], str(int(t[2]) + 1), f"a year after {t[3] or text[t[0] : t[1]]}", t[4])
    return None


#: what may come before a time that opens its sentence: "In the ", or an opening clause of when the rest holds ("Once
#: the first unit is running in ", "When the plant opens in "), with no pause in it
_OPENING_LEAD = re.compile(
    r"(\s*)(?:[Ii]n\s+(?:the\s+)?|(?:Once|When|After|As\s+soon\s+as)\s+[^,;:.!?\"“”]{1,80}?\s(?:in|by)\s+(?:the\s+)?)?"
)


def _opens_sentence(text: str, t: Time, clause_of: Callable[[int], tuple[int, int] | None]) -> bool:
    """Whether a time opens its sentence ("Last year the plant …", "In 2019 the unit …", "In the 2024-25 financial
    year the mine …", "Once the first 120MW unit is running in 2029, …"): it sets the time of every clause of the
    sentence that states none, even after a clause with a figure of its own."""
    clause = clause_of(t[0])
    lead = re.fullmatch(_OPENING_LEAD, text[clause[0] : t[0]]) if clause else None
    at = clause[0] + len(lead.group(1)) if clause and lead else 0
    return lead is not None and re.search(r"(?:\A|[.!?][\"”’]?\s+|\n\s*)\Z", text[max(0, at - 4) : at]) is not None


def _other_tense(
    text: str, t: Time, clause_of: Callable[[int], tuple[int, int] | None], clause: tuple[int, int], start: int
) -> bool:
    """Whether a time before a figure's clause is of a future ("will stop burning coal next year") the figure's own
    clause, in the present perfect or the past, does not share ("…, and the town has been promised EUR 48 million")."""
    own = clause_of(t[0])
    return (
        own is not None
        and own != clause
        and re.search(r"\b(?:will|would|shall)\b", text[own[0] : own[1]]) is not None
        and re.search(r"\b(?:has|have|had|was|were)\b", text[clause[0] : start]) is not None
    )


#: a later figure joined by "and" (no verb of its own) and a "once"/"when" clause that times it: "350 jobs during
#: construction and about 90 ongoing roles once the first ship is loaded in 2030" (2030 is the roles', not the jobs';
#: but "cut 900,000 tonnes a year and employ 140 people once it opens in 2029": both)
_WHEN_OF_NEXT = re.compile(rf"\band\s+(?:(?:{QUALIFIERS})\s+)?\d[^.;]*\b(?:once|when|after|as\s+soon\s+as)\s[^\d]*\Z")


def _when(
    text: str,
    times: list[Time],
    clause_of: Callable[[int], tuple[int, int] | None],
    clause: tuple[int, int],
    numbered: set[tuple[int, int] | None],
    start: int,
    end: int,
    change: bool = False,
) -> Time | None:
    """The time of a number: one in its own clause (after it first), else the nearest before it
    in the sentence whose clause holds no number of its own ("When the station shuts in 2028,
    about 1,800 jobs will go"; but not "lost 9,000 residents in 2020, and its income is $34,000")."""
    inside = [  # not a time after a comparison: "4% more than in the first half of 2025", nor a later figure's
        t
        for t in times
        if clause[0] <= t[0] < clause[1]
        and not (t[0] >= end and (_compared(text, end, t) or _WHEN_OF_NEXT.search(text, end, t[0])))
    ]
    after = [t for t in inside if t[0] >= end]
    if after:
        return min(after, key=lambda t: t[0])
    same = None if inside else _year_after_same(text, times, clause, end)
    if same:
        return same
    inside = [  # "decide by March to build a $1bn plant": not the plant's time (but "by then we will have reached 18")
        t
        for t in inside
        if not (re.search(r"\bby\s+$", t[4]) or re.match(r"by\b", t[3] or "", re.I)) or _reached_by(text, t, start)
    ]
    if inside:
        return max(inside, key=lambda t: t[0])
    if change:  # "fell to 52,000 last year, down 12 percent": the change over that same year
        previous = [t for t in times if t[1] <= clause[0]]
        if previous:
            return max(previous, key=lambda t: t[0])
    following = _following(text, times, clause_of, numbered, end)
    if following:
        return following
    free = [
        t
        for t in times
        if (not _bounded(t[3], t[4]) or _reached_by(text, t, start))
        and (clause_of(t[0]) not in numbered or _opens_sentence(text, t, clause_of))
    ]
    before = [t for t in free if t[1] <= start and not _other_tense(text, t, clause_of, clause, start)]
    if before:
        return max(before, key=lambda t: t[0])
    later = [
        t
        for t in free
        if t[0] >= end
        and not _PAUSE.search(text, end, t[0])
        and not _compared(text, end, t)
        and not _WHEN_OF_NEXT.search(text, end, t[0])
    ]
    return min(later, key=lambda t: t[0]) if later else None  # "took a 20 per cent cut when he moved last year"
