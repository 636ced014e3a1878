"""The libraries issue 30 names, measured against `extract`'s rules on the same articles and lists.

For each kind where a library could replace or help a rule, the library runs over the articles of
``tests/articles`` (all groups, and the blind-first-run groups news-held-out-7/-8/-9 as "unseen"),
its output is scored with the matching of ``benchmarks/extraction.py`` (its functions, imported),
and printed beside `extract`'s figure for that kind, with whether the library's spans are exact
offsets into the text and its time:

- relative dates: ``dateparser.search.search_dates`` with the publication date as RELATIVE_BASE;
- numbers with units: ``quantulum3.parser.parse`` (its currencies as their codes, "percentage" as
  "percent", a dimensionless number as having no unit);
- number words: ``text_to_num.alpha2digit`` on each sentence, its new digits against the values of
  `extract`'s candidates written in words;
- currencies: ``price_parser.Price`` on the money phrases `extract` found;
- names: ``rapidfuzz`` token set ratio (≥ 90) between the lists' spellings, and from them to the
  graph's labels.

    python -m benchmarks.libraries          (in a venv where the libraries are installed)

A library that is not installed is named in one line and its part skipped.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from itertools import combinations
from pathlib import Path
from typing import Any

from benchmarks.extraction import GROUPS, Expected, Tally, close, line, read_expected, score, unit_of
from transition_kg.core import turtle
from transition_kg.core.load import load
from transition_kg.core.paths import find_project
from transition_kg.core.texts import read_article
from transition_kg.grow.extract import Candidate, Gazetteer, extract
from transition_kg.grow.extract.text import sentence_spans

#: the groups whose first run was blind, with the rules frozen (written by another person)
UNSEEN = ("news-held-out-7", "news-held-out-8", "news-held-out-9")
#: the currency codes the lists use (the values of extraction.CURRENCIES, "-" aside)
CODES = {"EUR", "USD", "PLN", "CNY", "GBP", "AUD", "INR", "KZT", "CZK", "ZAR", "COP", "IDR", "TRY", "RON", "CAD"}
#: price-parser's currency strings that name one currency plainly ("$" names several: left out)
SYMBOLS = {
    "€": "EUR",
    "zł": "PLN",
    "£": "GBP",
    "¥": "CNY",
    "元": "CNY",
    "₹": "INR",
    "Rs": "INR",
    "Rs.": "INR",
    "A$": "AUD",
    "US$": "USD",
    "C$": "CAD",
    "Kč": "CZK",
    "₸": "KZT",
    "Rp": "IDR",
    "₺": "TRY",
}
_NUMERAL = re.compile(r"\d[\d,]*(?:\.\d+)?")
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


@dataclass
class Article:
    """One written article: its text, its reader's list and `extract`'s candidates."""

    name: str
    text: str
    expected: Expected
    candidates: list[Candidate]


def articles(gazetteer: Gazetteer) -> tuple[dict[str, list[Article]], float]:
    """Every group's articles with `extract` run on them, and the seconds `extract` took."""
    out: dict[str, list[Article]] = {}
    spent = 0.0
    for group, (folder, _, _) in GROUPS.items():
        out[group] = []
        for path in sorted(Path(folder).glob("*.txt")):
            expected = read_expected(path.with_suffix(".expected"))
            article = read_article(path)
            began = time.perf_counter()
            candidates = extract(article, expected.published, gazetteer)
            spent += time.perf_counter() - began
            out[group].append(Article(f"{group}/{path.name}", article.text, expected, candidates))
    return out, spent


def sets(groups: dict[str, list[Article]]) -> dict[str, list[Article]]:
    """The two sets every figure is given on: all groups, and the unseen ones."""
    return {"all": [a for g in groups.values() for a in g], "unseen": [a for g in UNSEEN for a in groups[g]]}


def installed(module: str, package: str) -> bool:
    """Whether a library can be imported; says so in one line when it cannot."""
    if importlib.util.find_spec(module) is None:
        print(f"{package}: not installed, skipped (pip install {package})")
        return False
    return True


def timed(run: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Any, float]:
    """A call's result and the seconds it took."""
    began = time.perf_counter()
    result = run(*args, **kwargs)
    return result, time.perf_counter() - began


def located(text: str, pieces: list[str]) -> Iterator[tuple[int, str]]:
    """Where each piece a library returned without offsets is in the text (searched in order;
    -1 when it is not there as written)."""
    at = 0
    for piece in pieces:
        found = text.find(piece, at)
        if found < 0:
            found = text.find(piece)
        else:
            at = found + len(piece)
        yield found, piece


def candidate(kind: str, start: int, exact: str, **props: Any) -> Candidate:
    """A library's finding as the candidate `extract` would give, for extraction.score."""
    c = Candidate(kind, start, start + len(exact), exact)
    for name, value in props.items():
        c.add(name, value)
    return c


def scored(kind: str, per_article: Callable[[Article], list[Candidate]], chosen: list[Article]) -> Tally:
    """One kind's tally over a set of articles, from the candidates a function gives each."""
    total = Tally()
    for a in chosen:
        total += score(a.text, per_article(a), a.expected)
    return total


def show(label: str, kind: str, tally: Tally, seconds: float | None = None, spans: str = "") -> None:
    extra = f"   {seconds:6.2f}s" if seconds is not None else ""
    print(line(label, kind, tally) + extra + (f"   spans: {spans}" if spans else ""))


def dates(chosen: dict[str, list[Article]]) -> None:
    """Relative dates: dateparser's search against extract's relative date candidates."""
    print("Relative dates (scored as the 'dates' kind: the words without preposition and the year):")
    if not installed("dateparser", "dateparser"):
        return
    from dateparser.search import search_dates

    for which, group in chosen.items():
        show(f"extract {which}", "dates", scored("dates", lambda a: a.candidates, group))
        for prefer in ("past", "future"):
            found: dict[str, list[Candidate]] = {}
            missing = given = 0
            spent = 0.0
            for a in group:
                base = dt.datetime.combine(a.expected.published, dt.time())
                settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": prefer}
                hits, seconds = timed(search_dates, a.text, languages=["en"], settings=settings)
                spent += seconds
                relative = [(words, when) for words, when in hits or [] if not _YEAR.search(words)]
                found[a.name] = []
                for (at, words), (_, when) in zip(located(a.text, [w for w, _ in relative]), relative):
                    given += 1
                    missing += at < 0
                    found[a.name].append(
                        candidate(
                            "CandidateDate",
                            max(at, 0),
                            words,
                            candidateYear=turtle.typed(str(when.year), "xsd:gYear"),
                            yearInferredFrom=turtle.text(words),
                        )
                    )
            spans = f"none given; {given - missing}/{given} found in the text by searching for the words"
            tally = scored("dates", lambda a, found=found: found[a.name], group)  # type: ignore[misc]
            show(f"dateparser {prefer} {which}", "dates", tally, spent, spans)
    print()


def _unit(quantity: Any) -> str | None:
    """A quantulum unit as the lists write it, where it is plainly the same; None for no unit."""
    unit = quantity.unit
    if unit.entity.name == "currency":
        return getattr(unit, "currency_code", None) or unit.name
    if unit.name in ("percentage", "per cent", "percent"):
        return "percent"
    if unit.entity.name == "dimensionless":
        return None
    return str(unit.name)


def numbers(chosen: dict[str, list[Article]]) -> None:
    """Numbers with units: quantulum3 against extract's number candidates."""
    print("Numbers with units (scored as the 'numbers' kind: value and unit):")
    if not installed("quantulum3", "quantulum3"):
        return
    import warnings

    warnings.filterwarnings("ignore")
    from quantulum3 import parser

    for which, group in chosen.items():
        show(f"extract {which}", "numbers", scored("numbers", lambda a: a.candidates, group))
        parsed: dict[str, list[Any]] = {}
        spent = 0.0
        for a in group:
            parsed[a.name], seconds = timed(parser.parse, a.text)
            spent += seconds
        exact = sum(a.text[q.span[0] : q.span[1]] == q.surface for a in group for q in parsed[a.name])
        given = sum(len(parsed[a.name]) for a in group)
        spans = f"{exact}/{given} exact offsets"
        for label, keep in (
            ("as parsed", lambda q: True),
            ("years dropped", lambda q: not (_unit(q) is None and _YEAR.fullmatch(q.surface.strip()))),
        ):

            def found(
                a: Article, keep: Callable[[Any], bool] = keep, parsed: dict[str, list[Any]] = parsed
            ) -> list[Candidate]:
                out = []
                for q in parsed[a.name]:
                    if not keep(q):
                        continue
                    try:
                        value = Decimal(str(q.value))
                    except InvalidOperation:
                        continue
                    unit = _unit(q)
                    props = {"candidateValue": turtle.number(value)}
                    if unit:
                        props["candidateUnit"] = turtle.text(unit)
                    out.append(candidate("CandidateObservation", q.span[0], q.surface, **props))
                return out

            show(f"quantulum3 {label} {which}", "numbers", scored("numbers", found, group), spent, spans)
    print()


def _values(text: str) -> list[Decimal]:
    return [Decimal(n.replace(",", "")) for n in _NUMERAL.findall(text)]


def value_hits(values: list[Decimal], expected: Expected) -> tuple[int, int, set[int]]:
    """How many values are a required listed number's value (each listed number taken once), how
    many are judged (a value only an optional number has is neither right nor wrong), and which
    listed numbers they are."""
    taken: set[int] = set()
    right = judged = 0
    for value in values:
        pick = next(
            (i for i, n in enumerate(expected.numbers) if not n[4] and i not in taken and close(value, n[0])), None
        )
        if pick is not None:
            taken.add(pick)
            right += 1
        if pick is not None or not any(n[4] and close(value, n[0]) for n in expected.numbers):
            judged += 1
    return right, judged, taken


def number_words(chosen: dict[str, list[Article]]) -> None:
    """Number words: text2num's alpha2digit on each sentence against extract's word numbers."""
    print("Number words (values only: each value against the list's required numbers, each taken once;")
    print("recall over the listed numbers either side found in words):")
    if not installed("text_to_num", "text2num"):
        return
    from text_to_num import alpha2digit

    for which, group in chosen.items():
        rows: dict[str, list[int]] = {}
        spent = 0.0
        for a in group:
            ours = [
                Decimal(c.props["candidateValue"][0].split("^^")[0].strip('"'))
                for c in a.candidates
                if c.kind == "CandidateObservation" and not re.search(r"\d", c.exact)
            ]
            theirs: dict[str, list[Decimal]] = {"default": [], "threshold 0": []}
            for start, end in sentence_spans(a.text):
                sentence = a.text[start:end]
                for label, threshold in (("default", 3), ("threshold 0", 0)):
                    converted, seconds = timed(alpha2digit, sentence, "en", threshold=threshold)
                    spent += seconds
                    new = _values(converted)
                    for old in _values(sentence):
                        if old in new:
                            new.remove(old)
                    theirs[label] += new
            hits = {
                "extract": value_hits(ours, a.expected),
                **{k: value_hits(v, a.expected) for k, v in theirs.items()},
            }
            either = set().union(*(taken for _, _, taken in hits.values()))
            for label in ("extract", *theirs):
                row = rows.setdefault(label, [0, 0, 0, 0])
                right, judged, taken = hits[label]
                row[0] += len(taken)
                row[1] += len(either)
                row[2] += right
                row[3] += judged
        for label, row in rows.items():
            tally = Tally()
            tally.add("numbers", *row)
            name = label if label == "extract" else f"text2num {label}"
            shown = None if label == "extract" else spent
            spans = "" if label == "extract" else "none: the sentence is rewritten, offsets change"
            show(f"{name} {which}", "numbers", tally, shown, spans)
    print()


def currencies(chosen: dict[str, list[Article]]) -> None:
    """Currencies: price-parser on extract's money phrases, against the list's code for that number."""
    print("Currencies of extract's money phrases (a phrase counts where the list has its value with a currency):")
    if not installed("price_parser", "price-parser"):
        return
    from price_parser import Price

    for which, group in chosen.items():
        listed = ours = none = vague = right = wrong = 0
        spent = 0.0
        for a in group:
            for c in a.candidates:
                code = unit_of(c)
                if c.kind != "CandidateObservation" or code not in CODES:
                    continue
                value = Decimal(c.props["candidateValue"][0].split("^^")[0].strip('"'))
                truth = next((n[1] for n in a.expected.numbers if close(value, n[0]) and n[1] in CODES), None)
                if truth is None:
                    continue
                listed += 1
                ours += code == truth
                price, seconds = timed(Price.fromstring, c.exact)
                spent += seconds
                theirs = price.currency and (SYMBOLS.get(price.currency) or price.currency.upper())
                if not price.currency:
                    none += 1
                elif theirs not in CODES:
                    vague += 1
                else:
                    right += theirs == truth
                    wrong += theirs != truth
        print(
            f"{which}: {listed} money phrases; extract's currency right {ours}/{listed}; price-parser right "
            f"{right}, wrong {wrong}, a symbol naming no one currency ('$', 'R') {vague}, none found {none}   "
            f"{spent:.2f}s   spans: the phrase's own (price-parser takes a string, gives no offsets)"
        )
    print()


def names(chosen: dict[str, list[Article]], gazetteer: Gazetteer) -> None:
    """Names: rapidfuzz token set ratio ≥ 90 between the lists' spellings, and to the graph's labels."""
    print("Names (rapidfuzz token_set_ratio >= 90):")
    if not installed("rapidfuzz", "rapidfuzz"):
        return
    from rapidfuzz import fuzz, process

    labels = sorted(gazetteer.labels)
    ratio = fuzz.token_set_ratio
    folded = {label.casefold() for label in labels}
    for which, group in chosen.items():
        same = same_hit = other = other_hit = 0
        in_graph = fuzzy_same = fuzzy_other = fuzzy_new = 0
        new_pairs: list[str] = []
        spent = 0.0
        for a in group:
            lines = [sorted(spellings) for spellings, _ in a.expected.entities]
            began = time.perf_counter()
            for i, j in combinations(range(len(lines)), 2):
                other += 1
                other_hit += any(ratio(x, y) >= 90 for x in lines[i] for y in lines[j])
            for spellings in lines:
                for x, y in combinations(spellings, 2):
                    same += 1
                    same_hit += ratio(x, y) >= 90
                exact = {gazetteer.labels[s] for s in labels if s.casefold() in {x.casefold() for x in spellings}}
                near = sorted(  # every label at 90 or more: ties at 100 are common ("Shanxi" in "Shanxi Province")
                    {
                        m[0]
                        for x in spellings
                        for m in process.extract(x, labels, scorer=ratio, score_cutoff=90, limit=None)
                    }
                )
                fuzzy = {gazetteer.labels[label] for label in near}
                if exact:
                    in_graph += 1
                    fuzzy_same += bool(fuzzy & exact)
                    fuzzy_other += bool(fuzzy - exact)
                elif fuzzy:
                    fuzzy_new += 1
                    new_pairs.append(f"{' / '.join(spellings)!r} -> {' / '.join(map(repr, near))}")
            spent += time.perf_counter() - began
        print(
            f"{which}: spellings of one line matched {same_hit}/{same} pairs; lines of one article matched "
            f"(false) {other_hit}/{other} pairs   {spent:.2f}s"
        )
        print(
            f"{which}: {in_graph} lines have a graph label exactly; a label at 90+ is theirs for {fuzzy_same}, "
            f"another entity's for {fuzzy_other}; {fuzzy_new} lines with no exact label get fuzzy ones"
            f" ({len(folded)} labels)"
        )
        for pair in new_pairs:
            print(f"    {pair}")
    print()


def main() -> None:
    project = find_project()
    gazetteer = Gazetteer.of(load(project))
    groups, spent = articles(gazetteer)
    chosen = sets(groups)
    print(f"{len(chosen['all'])} articles (unseen: {len(chosen['unseen'])}); extract took {spent:.2f}s on all")
    print()
    dates(chosen)
    numbers(chosen)
    number_words(chosen)
    currencies(chosen)
    names(chosen, gazetteer)


if __name__ == "__main__":
    main()
