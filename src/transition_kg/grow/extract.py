"""Candidate facts from new article text, for a person to review (no model downloads: rules,
and a gazetteer of the graph's own labels in English and Chinese).

- mentions of entities already in the graph, and new capitalised names;
- numbers with their qualifier ("over", "nearly"), scale ("million") and unit as written,
  the entity named nearest before them in the sentence, and the sentence's year;
- years, and relative dates ("last year", "this year", "next spring", "in May") resolved
  against the publication date and marked as inferred;
- direct quotes with the speaker, role and organisation the text gives, and each speaker's
  role as a candidate of its own, on the words that state it.

Every candidate carries evidence (offsets into the file and the exact words) and the
status ``candidate``. The draft is a TriG file of its own; ``graph/`` is never touched.
"""

from __future__ import annotations

import bisect
import collections
import datetime as dt
import functools
import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from ..core import turtle
from ..core.files import write_atomic
from ..core.load import Loaded
from ..core.numerals import CURRENCY, Number, number_spans, ranged, words_value
from ..core.numerals import WORDS as WORD_NUMBERS
from ..core.texts import ArticleError, ArticleText, read_article
from ..core.vocab import ONTOLOGY_GRAPH, TKG, TKR_IRI
from .articles import HEADER, identity, one_line, parse_date, registration

ENTITY_ROOTS = (
    TKG.Place,
    TKG.Organisation,
    TKG.Person,
    TKG.Policy,
    TKG.CreativeWork,
    TKG.Technology,
    TKG.Project,
    TKG.Industry,
)
QUALIFIERS = (
    r"just over|just under|well over|well under|more than|less than|fewer than|up to|close to|as little as|"
    r"as much as|as many as|as few as|at least|at most|upwards of|in excess of|an estimated|estimated|nearly|"
    r"almost|around|about|approximately|roughly|some|barely|only|over|under|below|above|between|exceeds|exceeding|~"
)
CURRENCIES = {
    "€": "euro",
    "euro": "euro",
    "euros": "euro",
    "$": "US dollar",
    "US$": "US dollar",
    "dollar": "US dollar",
    "A$": "Australian dollar",
    "AU$": "Australian dollar",
    "C$": "Canadian dollar",
    "CA$": "Canadian dollar",
    "NZ$": "New Zealand dollar",
    "HK$": "Hong Kong dollar",
    "S$": "Singapore dollar",
    "₹": "rupee",
    "Rs": "rupee",
    "Rs.": "rupee",
    "rupees": "rupee",
    "rupee": "rupee",
    "INR": "rupee",
    "₸": "tenge",
    "tenge": "tenge",
    "Kč": "koruna",
    "koruna": "koruna",
    "korunas": "koruna",
    "crowns": "koruna",
    "₽": "rouble",
    "roubles": "rouble",
    "rubles": "rouble",
    "rouble": "rouble",
    "ruble": "rouble",
    "₴": "hryvnia",
    "hryvnias": "hryvnia",
    "hryvnia": "hryvnia",
    "forints": "forint",
    "forint": "forint",
    "lei": "leu",
    "rand": "rand",
    "R$": "real",
    "reais": "real",
    "pesos": "peso",
    "peso": "peso",
    "lira": "lira",
    "yen": "yen",
    "won": "won",
    "rupiah": "rupiah",
    "dong": "dong",
    "dollars": "US dollar",
    "R": "rand",
    "U.S. dollars": "US dollar",
    "US dollars": "US dollar",
    "U.S. dollar": "US dollar",
    "US dollar": "US dollar",
    "American dollars": "US dollar",
    "Australian dollars": "Australian dollar",
    "Canadian dollars": "Canadian dollar",
    "zlotys": "złoty",
    "£": "pound",
    "pound": "pound",
    "pounds": "pound",
    "¥": "yuan",
    "yuan": "yuan",
    "RMB": "yuan",
    "renminbi": "yuan",
    "złoty": "złoty",
    "zloty": "złoty",
    "zł": "złoty",
}
MEASURES = {
    "%": "percent",
    "pc": "percent",
    "percent": "percent",
    "per cent": "percent",
    "percentage points": "percentage point",
    "tonnes": "tonne",
    "tonne": "tonne",
    "tons": "tonne",
    "ton": "tonne",
    "km/h": "kilometre per hour",
    "kilometres": "kilometre",
    "kilometers": "kilometre",
    "kilometre": "kilometre",
    "kilometer": "kilometre",
    "km": "kilometre",
    "square kilometres": "square kilometre",
    "square kilometers": "square kilometre",
    "hectares": "hectare",
    "metres": "metre",
    "meters": "metre",
    "degrees Celsius": "degree Celsius",
    "megawatt-hours": "megawatt hour",
    "megawatt hours": "megawatt hour",
    "MWh": "megawatt hour",
    "gigawatt-hours": "gigawatt hour",
    "gigawatt hours": "gigawatt hour",
    "GWh": "gigawatt hour",
    "kilowatt-hours": "kilowatt hour",
    "kilowatt hours": "kilowatt hour",
    "GW": "gigawatt",
    "MW": "megawatt",
    "megawatts": "megawatt",
    "megawatt": "megawatt",
    "gigawatts": "gigawatt",
    "gigawatt": "gigawatt",
    "kilowatts": "kilowatt",
    "kilowatt": "kilowatt",
    "kWh": "kilowatt hour",
    "TWh": "terawatt hour",
    "times": "times",
    "years": "year",
    "year": "year",
    "months": "month",
    "weeks": "week",
    "days": "day",
    "hours": "hour",
    "minutes": "minute",
    "seconds": "second",
}
COUNT_NOUNS = {
    "people",
    "residents",
    "inhabitants",
    "visitors",
    "tourists",
    "workers",
    "miners",
    "jobs",
    "employees",
    "staff",
    "students",
    "graduates",
    "enterprises",
    "companies",
    "firms",
    "businesses",
    "factories",
    "plants",
    "mines",
    "households",
    "families",
    "homes",
    "flats",
    "apartments",
    "houses",
    "patents",
    "projects",
    "vehicles",
    "cars",
    "buses",
    "trucks",
    "schools",
    "hospitals",
    "beds",
    "villages",
    "towns",
    "cities",
    "engineers",
    "researchers",
    "scientists",
    "teachers",
    "doctors",
    "nurses",
    "children",
    "pensioners",
    "retirees",
    "members",
    "shops",
    "stores",
    "restaurants",
    "hotels",
    "wells",
    "turbines",
    "panels",
    "startups",
    "start-ups",
    "positions",
    "posts",
    "seats",
    "units",
    "sites",
    "parks",
    "farms",
    "farmers",
}
NOT_COUNTED = {
    "this",
    "these",
    "those",
    "always",
    "perhaps",
    "towards",
    "afterwards",
    "thus",
    "less",
    "unless",
    "across",
    "was",
    "has",
    "does",
    "its",
    "is",
    "his",
    "hers",
    "ours",
    "theirs",
    "yours",
    "as",
    "us",
    "plus",
    "times",
    "ago",
    "sales",
    "news",
    "series",
    "means",
    "levels",
    "rates",
    "prices",
    "costs",
    "terms",
    "lives",
    "years",
}
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
SPEECH = (
    r"(?:said|says|say|told|tells|added|adds|recalled|recalls|noted|notes|explained|explains|asked|asks|insisted|"
    r"insists|argued|argues|warned|warns|admitted|admits|lamented|laments|continued|continues|remembered|remembers|"
    r"wrote|writes|replied|replies|stressed|stresses|acknowledged|acknowledges|conceded|concedes|joked|jokes|"
    r"sighed|sighs|declared|declares|announced|announces|predicted|predicts|complained|complains|agreed|agrees|"
    r"according to)"
)
UPPER = "".join(sorted({c for c in map(chr, range(0x3000)) if c.isupper()}))
_UPPER = set(UPPER)
STOP = {
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "As",
    "But",
    "And",
    "Or",
    "Yet",
    "So",
    "While",
    "With",
    "Without",
    "By",
    "For",
    "From",
    "Since",
    "Until",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "We",
    "Our",
    "Us",
    "He",
    "She",
    "His",
    "Her",
    "They",
    "Their",
    "Them",
    "I",
    "My",
    "You",
    "Your",
    "Now",
    "Once",
    "Then",
    "There",
    "Here",
    "When",
    "Where",
    "What",
    "Who",
    "Why",
    "How",
    "Which",
    "If",
    "Although",
    "Though",
    "Because",
    "After",
    "Before",
    "During",
    "Under",
    "Over",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Last",
    "Next",
    "Every",
    "Each",
    "All",
    "Some",
    "Many",
    "Most",
    "More",
    "Few",
    "Several",
    "Both",
    "Other",
    "Another",
    "No",
    "Not",
    "Nobody",
    "Nothing",
    "Everyone",
    "First",
    "Second",
    "Third",
    "Behind",
    "Beneath",
    "Across",
    "Along",
    "Among",
    "Against",
    "Between",
    "Beyond",
    "Inside",
    "Outside",
    "Additionally",
    "Specifically",
    "However",
    "Meanwhile",
    "Still",
    "Even",
    "Also",
    "Only",
    "Like",
    "Unlike",
    "Whole",
    "To",
    "Of",
    "Known",
    "Home",
    "Numerous",
    "Whether",
    "Despite",
    "Instead",
    "Prices",
    "Housing",
    "Officials",
    "Residents",
    "Workers",
    "Miners",
    "Locals",
    "Experts",
    "Critics",
    "Analysts",
}
TITLES = {
    "Mayor",
    "Governor",
    "President",
    "Minister",
    "Premier",
    "Secretary",
    "Senator",
    "Sen",
    "Rep",
    "Representative",
    "Dr",
    "Mr",
    "Mrs",
    "Ms",
    "Professor",
    "Prof",
    "Chairman",
    "Chairwoman",
    "Chancellor",
    "Director",
    "Deputy",
    "General",
    "Judge",
    "Father",
    "Pastor",
    "Reverend",
    "Rev",
    "Councillor",
    "Commissioner",
    "Chief",
    "Vice",
    "Prime",
    "Party",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Mayor-elect",
    "CEO",
    "Gov",
}
ORG_WORDS = {
    "Commission",
    "Committee",
    "Department",
    "Ministry",
    "Bureau",
    "Institute",
    "University",
    "Company",
    "Group",
    "Corporation",
    "Corp",
    "Council",
    "Agency",
    "Administration",
    "Office",
    "Authority",
    "Association",
    "Union",
    "Society",
    "Fund",
    "Bank",
    "Academy",
    "Centre",
    "Center",
    "School",
    "College",
    "Foundation",
    "Party",
    "Program",
    "Programme",
    "Plan",
    "Government",
    "Court",
    "Parliament",
    "Assembly",
    "Congress",
    "Board",
    "Federation",
    "Trust",
    "Laboratory",
    "Inc",
    "Ltd",
    "AG",
    "GmbH",
    "Holdings",
    "Industries",
    "Energy",
    "Mining",
    "Power",
    "Works",
    "Network",
    "Alliance",
    "Initiative",
    "Project",
    "Organisation",
    "Organization",
    "Services",
    "Station",
    "Plant",
    "Mine",
    "Zone",
    "Park",
    "Museum",
    "Church",
    "Hospital",
    "Railway",
    "Airport",
    "Port",
}
PLACE_WORDS = {
    "County",
    "Province",
    "City",
    "District",
    "Region",
    "Voivodeship",
    "State",
    "Street",
    "Avenue",
    "Road",
    "Route",
    "River",
    "Valley",
    "Mountains",
    "Mountain",
    "Lake",
    "Island",
    "Islands",
    "Basin",
    "Town",
    "Village",
    "Square",
    "Bridge",
    "Prefecture",
    "Municipality",
    "Oblast",
    "Land",
}
DEMONYMS = {
    "Swiss",
    "Colombian",
    "Chilean",
    "Peruvian",
    "Argentine",
    "Venezuelan",
    "German",
    "Polish",
    "Chinese",
    "American",
    "British",
    "French",
    "European",
    "Russian",
    "Japanese",
    "Indian",
    "Australian",
    "Canadian",
    "Spanish",
    "Italian",
    "Dutch",
    "Czech",
    "Ukrainian",
    "African",
    "Asian",
    "English",
    "Silesian",
    "Lusatian",
    "Appalachian",
    "Korean",
    "Swedish",
    "Danish",
    "Norwegian",
    "Turkish",
    "Greek",
    "Mexican",
    "Brazilian",
    "Indonesian",
    "Vietnamese",
    "Mongolian",
    "Kazakh",
    "Western",
    "Eastern",
    "Northern",
    "Southern",
    "Soviet",
    "Communist",
    "Catholic",
    "Christian",
    "Muslim",
    "Buddhist",
}
CONNECTORS = {"of", "and", "for", "de", "von", "van", "der", "del", "la", "du", "des", "am", "upon", "on"}
PREPOSITIONS = {
    "of",
    "in",
    "at",
    "from",
    "to",
    "near",
    "for",
    "on",
    "by",
    "into",
    "across",
    "with",
    "the",
    "through",
    "around",
    "outside",
    "inside",
    "toward",
    "towards",
}
ABBREVIATIONS = {
    "No",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "St",
    "Jr",
    "Sr",
    "Inc",
    "Co",
    "Corp",
    "Ltd",
    "vs",
    "Gov",
    "Sen",
    "Rep",
    "Prof",
    "Gen",
    "Lt",
    "Col",
    "Capt",
    "Mt",
    "Ft",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Aug",
    "Sept",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
    "Va",
    "Ky",
    "Pa",
    "Ala",
    "Calif",
    "Ill",
    "Ind",
    "Mich",
    "Minn",
    "Tenn",
    "Wash",
    "Wis",
    "Wyo",
    "approx",
    "e.g",
    "i.e",
    "etc",
}
DOLLARS = {"USD", "AUD", "CAD", "NZD", "HKD", "SGD", "TWD", "JMD", "BSD", "FJD", "NAD", "LRD", "ZWL", "BND"}
PESOS = {"COP", "MXN", "CLP", "ARS", "UYU", "CUP", "DOP", "PHP", "BOB"}
#: the labels the draft gives currencies a country's "$" or "pesos" resolve to
CURRENCY_LABELS = {
    "USD": "US dollar",
    "AUD": "Australian dollar",
    "CAD": "Canadian dollar",
    "NZD": "New Zealand dollar",
    "HKD": "Hong Kong dollar",
    "SGD": "Singapore dollar",
    "COP": "Colombian peso",
    "MXN": "Mexican peso",
    "CLP": "Chilean peso",
    "ARS": "Argentine peso",
    "PHP": "Philippine peso",
}
OPENERS = {'"': '"', "“": "”", "„": "“”", "«": "»", "»": "«"}
_SIGN = rf"({CURRENCY}|(?<![A-Za-z])R)\s?$"  # "R" glued to the number: the rand
_TOKEN = re.compile(r"[\w\u0300-\u036f]+(?:[-'’][\w\u0300-\u036f]+)*")  # with combining marks: decomposed "Mö"
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,5}\d{0,3}")


@dataclass
class Candidate:
    """One candidate: its kind, the span it rests on, and its properties (name → RDF terms)."""

    kind: str
    start: int
    end: int
    exact: str
    terms: dict[str, list[turtle.Term]] = field(default_factory=dict)

    def add(self, name: str, term: turtle.Term) -> None:
        self.terms.setdefault(name, []).append(term)

    @property
    def props(self) -> dict[str, list[str]]:
        """Its properties as the draft writes them (name → Turtle terms)."""
        return {name: [turtle.term(t) for t in terms] for name, terms in self.terms.items()}


@dataclass(frozen=True)
class Gazetteer:
    """Labels of the graph's entities: label → IRI, with one regex matching the longest first."""

    labels: dict[str, URIRef]
    pattern: re.Pattern | None

    @classmethod
    def of(cls, loaded: Loaded) -> Gazetteer:
        ds = loaded.dataset
        ontology = ds.graph(ONTOLOGY_GRAPH)
        classes = set(ontology.subjects(RDF.type, None)) | set(ENTITY_ROOTS)
        entity_classes = {
            c for c in classes if set(ontology.transitive_objects(c, RDFS.subClassOf)) & set(ENTITY_ROOTS)
        }
        entities = {s for c in entity_classes for s in ds.subjects(RDF.type, c)}
        labels: dict[str, URIRef] = {}
        for entity in entities:
            for prop in (RDFS.label, SKOS.altLabel):
                for label in ds.objects(entity, prop):
                    text = str(label).strip()
                    if len(text) >= 2 and not text.startswith(("unnamed ", "document ")):
                        labels.setdefault(text, entity)
        if not labels:
            return cls({}, None)
        alternatives = []
        for text in sorted(labels, key=len, reverse=True):
            body = re.escape(text)
            if re.match(r"\w", text, re.ASCII):
                body = r"(?<![\w-])" + body + r"(?![\w-])"
            alternatives.append(body)  # case-sensitive: "mining" must not match inside "Fenshui Mining Bureau"
        return cls(labels, re.compile("|".join(alternatives)))

    def find(self, text: str) -> list[tuple[int, int, URIRef]]:
        if self.pattern is None:
            return []
        return [(m.start(), m.end(), self.labels[m.group(0)]) for m in self.pattern.finditer(text)]


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: ends at . ! ? (and a closing quote) followed by space, or a line break;
    not after an abbreviation ("No. 3", "Dr. Li", "W.Va.") or an initial ("J. Smith")."""
    spans, start = [], 0
    for m in re.finditer(r'[.!?]["”’»“]?(?=\s)|\n', text):
        if m.group(0).startswith("."):
            word = re.search(r"(\w+)$", text[start : m.start()])
            if (
                word
                and (word.group(1) in ABBREVIATIONS or (len(word.group(1)) == 1 and word.group(1).isupper()))
                and not text[m.end() : m.end() + 2].startswith(("\n", " \n"))
                and not (word.group(1) == "Va" and text[m.end() : m.end() + 3].strip()[:1] in ("—", "–", "-"))
            ):
                continue
        end = m.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


@dataclass
class Name:
    """A capitalised name in the text: where, its words, a title before it, and whether it looks like a person."""

    start: int
    end: int
    text: str
    title: str | None = None
    person: bool = False


def _is_capital(token: str) -> bool:
    return token[0] in _UPPER


def _names(
    text: str, lower_words: set[str], begin: int = 0, end: int | None = None, starts: set[int] | None = None
) -> list[Name]:
    """Runs of capitalised words between ``begin`` and ``end``: titles split off ("Mayor Katrin
    Möller"), lists split ("Dresden and Berlin", but not "Development and Reform Commission"),
    possessives cut ("Poland's"), sentence openers dropped ("When", or any word the text also
    writes in lower case), acronyms kept ("LEAG", "COP24"), datelines skipped."""
    end = len(text) if end is None else end
    starts = starts if starts is not None else {begin}
    tokens = []
    for m in _TOKEN.finditer(text, begin, end):
        based = re.search(r"-(?:based|owned|run|born|headquartered)$", m.group(0))
        if based and _is_capital(m.group(0)):  # "Germany-based Heraeus Minerals": Germany is named
            tokens.append((m.start(), m.start() + based.start(), m.group(0)[: based.start()]))
            tokens.append((m.start() + based.start(), m.end(), m.group(0)[based.start() :]))
        else:
            tokens.append((m.start(), m.end(), m.group(0)))
    runs: list[list[tuple[int, int, str]]] = []
    run: list[tuple[int, int, str]] = []
    for i, (s, e, word) in enumerate(tokens):
        glued = (
            bool(run)
            and (
                text[run[-1][1] : s] in (" ", " & ")
                or (text[run[-1][1] : s] == ". " and run[-1][2] == "No" and word.isdigit())
            )
            and not re.search(r"['’]s$", run[-1][2])
        )  # "Fenshui No. 3 Mine"
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if (_is_capital(word) and not re.search(r"-[a-z]+$", word)) or (
            word[0].isdigit()
            and re.fullmatch(r"\d+(?:st|nd|rd|th)", word)
            and following
            and _is_capital(following[2])
            and text[e : following[0]] == " "
        ):
            if run and not glued:
                runs.append(run)
                run = []
            run.append((s, e, word))
        elif (
            glued
            and word in CONNECTORS
            and following
            and _is_capital(following[2])
            and text[e : following[0]] == " "
            and following[2] not in WEEKDAYS
            and following[2].lower() not in MONTHS
        ):  # "Ruhr on Monday": no
            run.append((s, e, word))
        elif (
            glued
            and word.isdigit()
            and len(word) <= 3
            and not re.match(r"[.,]\d", text[e : e + 2])
            and run[-1][2] not in ("Rs", "R")
            and run[-1][2].lower() not in MONTHS
            and _is_capital(run[-1][2])
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
    for run in runs:
        for part in _split_run(run):
            names += _clean(text, part, lower_words, starts)
    return names


def _titled(words: list[str]) -> int | None:
    """Where the person's name begins after a title that ends a run of capitalised words
    ("Mines and Energy Minister Camilo Rojas Arango"), when the title has words before it."""
    for i in range(len(words) - 3, 0, -1):
        rest = words[i + 1 :]
        if (
            words[i] in TITLES
            and 2 <= len(rest) <= 4
            and all(w.isalpha() and _is_capital(w) and not w.isupper() for w in rest)
            and not set(rest) & (ORG_WORDS | PLACE_WORDS | TITLES)
        ):
            return i + 1
    return None


def _split_run(run):
    """A list of names is split at "and" unless the whole ends like an organisation's name."""
    words = [w for _, _, w in run]
    head = words[: words.index("and")] if "and" in words else []
    named = any(w in ORG_WORDS and nxt in ("of", "for") for w, nxt in itertools.pairwise(head))
    if "and" in words and words[-1] not in ORG_WORDS and not named and _titled(words) is None:
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
    for m in _TOKEN.finditer(text):
        out[m.group(0)].append(m.start())
    return out


def _elsewhere(text: str, words: str, starts: set[int]) -> bool:
    """Whether ``words`` are written somewhere that does not open a sentence."""
    first = _TOKEN.match(words)
    return any(
        at not in starts
        and text.startswith(words, at)
        and not re.match(r"[\w-]", text[at + len(words) : at + len(words) + 1])
        for at in _occurrences(text).get(first.group(0) if first else words, ())
    )


def _clean(text: str, run, lower_words: set[str], starts: set[int]) -> list[Name]:
    title = []
    run = list(run)
    at_start = run[0][0] in starts
    cut = _titled([w for _, _, w in run])  # "Mines and Energy Minister Camilo Rojas Arango": the name after the title
    if cut is not None:
        title, run = [w for _, _, w in run[:cut]], run[cut:]
    for i in (1, 2):  # "Industry Minister Lukáš Vlček", "Deputy Prime Minister X": the name after the titles
        if (
            not title
            and len(run) > i + 1
            and run[i][2] in TITLES
            and run[i - 1][2] not in ORG_WORDS | PLACE_WORDS
            and all(_is_capital(w) for _, _, w in run[i + 1 :])
        ):
            title = [w for _, _, w in run[:i]]
            run = run[i:]
            break
    if at_start and len(run) >= 3 and re.fullmatch(OCCUPATIONS, run[0][2].lower()) and not title:
        title, run = [run[0][2]], run[1:]  # "Mechanic Josh Whitlock, 31, has worked…"
    whole = text[run[0][0] : run[-1][1]]
    if at_start and len(run) > 1 and _elsewhere(text, whole, starts):
        at_start = False  # "Coal India employs…": written so mid-sentence too, so a name from its first word
    while run and (
        (
            at_start
            and (
                run[0][2] in STOP
                or run[0][2].lower() in OPENING_WORDS
                or (run[0][2].lower() in lower_words and not _ACRONYM.fullmatch(run[0][2]))
            )
        )
        or run[0][2] in TITLES
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
    while run and (run[-1][2] in CONNECTORS or (run[-1][2] in TITLES and len(run) == 1)):
        run.pop()
    while run and (run[0][2] in CONNECTORS or run[0][2].isdigit()):
        run.pop(0)  # "With 900 people", "Later on Tuesday": no name
    if run and all(part.lower() in WORD_NUMBERS for part in run[0][2].split("-")) and not run[0][2].isdigit():
        run.pop(0)  # "Thirty-five years later"
    if not run:
        return []
    s, e = run[0][0], run[-1][1]
    words = [w for _, _, w in run]
    if re.search(r"['’]s$", words[-1]):
        e -= 2
        words[-1] = words[-1][:-2]
    name = text[s:e]
    if len(words) == 1:
        word = words[0]
        acronym = _ACRONYM.fullmatch(word)
        line_start = text.rfind("\n", 0, s) + 1
        if at_start and (word.endswith("ly") or word.lower() in OPENING_WORDS | {w.lower() for w in STOP}):
            return []  # "Locally", "Nobody's"
        if (
            at_start
            and not acronym
            and "-" not in word
            and text[e : e + 1] not in (",", "’", "'", "-")
            and not re.match(r" (?:and|or) [A-Z]", text[e : e + 8])
            and not re.match(r" (?:hopes|wants|plans|expects|aims|intends|fears|insists|faces)\b", text[e : e + 12])
            and not _elsewhere(text, word, starts)
        ):
            return []  # a lone capitalised word opening a sentence, never capitalised elsewhere: a common word
        if (
            word in PLACE_WORDS | ORG_WORDS | NOT_NAMES
            or re.match(r"[A-Z]{1,2}\d", word)
            or (word[:3].lower() in MONTH_NUMBERS and len(word) <= 4)
        ):
            return []  # "Street", "Commission" alone: a common word, capitalised; "TV"; "R14"; "Feb"
        dateline = word.isupper() and (len(word) > 6 or (text[line_start:s].strip() == "" and text[e : e + 1] == ","))
        if (
            text[e : e + 1] == "$"
            or dateline
            or (len(word) < 3 and not acronym)
            or word.lower() in MONTHS
            or word in WEEKDAYS
            or word in DEMONYMS
            or (word.lower() in lower_words and not acronym)
        ):
            return []
    elif all(w.isupper() for w in words) and text[e : e + 1] == ",":
        return []  # a dateline
    person = (
        2 <= len(words) <= 5
        and all((_is_capital(w) and not w.isupper() and w.isalpha()) or "-" in w for w in words)
        and not set(words) & (ORG_WORDS | PLACE_WORDS)
    )
    before = re.search(r"(\w+)\s+$", text[max(0, s - 30) : s])
    if before and before.group(1).lower() in PREPOSITIONS and not title:
        person = False
    return [Name(s, e, name, " ".join(title) or None, person or (bool(title) and len(words) >= 2))]


NOT_NAMES = {
    "TV",
    "VR",
    "AR",
    "AI",
    "GDP",
    "CEO",
    "CFO",
    "PhD",
    "IT",
    "PR",
    "OK",
    "DIY",
    "SUV",
    "EV",
    "PV",
    "LED",
    "ID",
}
CONTRACTIONS = {"it's", "he's", "she's", "that's", "there's", "what's", "here's", "who's", "let's", "where's"}
OPENING_WORDS = set(re.findall(r"[a-z]+", QUALIFIERS)) | {
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "half",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "overall",
    "indeed",
    "besides",
    "yesterday",
    "recently",
    "currently",
    "already",
    "again",
    "often",
    "sometimes",
    "people",
    "coal",
    "money",
    "jobs",
    "work",
    "life",
    "nobody",
    "everybody",
}


def _resolve(expression: str, published: dt.date) -> int | None:
    """The year a relative expression refers to, seen from the publication date."""
    words = expression.lower()
    ago = re.match(r"(\w+(?: \w+)?) (year|decade)s? ago", words)
    if ago:
        count = (
            int(ago.group(1))
            if ago.group(1).isdigit()
            else (1 if ago.group(1) in ("a", "one") else words_value(ago.group(1)))
        )
        return None if count is None else published.year - int(count) * (10 if ago.group(2) == "decade" else 1)
    if "last year" in words or "a year earlier" in words or "previous year" in words:
        return published.year - 1
    if "next year" in words:
        return published.year + 1
    if (
        "this year" in words
        or "last month" in words
        or "earlier this" in words
        or words == "today"
        or re.match(r"this (?:spring|summer|autumn|fall|winter|month)", words)
    ):
        return published.year
    for season, month in SEASONS.items():
        if f"next {season}" in words:
            return published.year if month > published.month else published.year + 1
        if f"last {season}" in words:
            return published.year if month < published.month else published.year - 1
    return None


_NUMBER_WORDS = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a few)"
)
_RELATIVE = re.compile(
    r"\b(?:(?:since |starting |earlier |later )?(?:last|this|next) (?:year|spring|summer|autumn|fall|winter)"
    rf"|{_NUMBER_WORDS} (?:years?|decades?) ago|[Tt]oday"
    r"|this month|(?:since )?last month)\b",
    re.I,
)
_LATER = re.compile(r"\b(\d+|[A-Za-z]+(?:-[a-z]+)?) (years?|decades?) (?:later|on|afterwards)\b")
_EARLIER = re.compile(
    r"(?<!\bfor )\b(\d+|[A-Za-z]+(?:-[a-z]+)?) (years?|decades?) (?:earlier|before)\b"
    r"(?!\s+(?:he|she|they|it|we|I|the|a|an|his|her|their|its)\b)",
    re.I,
)
_PERIOD = re.compile(
    r"\b(?:(?:in|over|during|for|within|throughout|across)\s+)?the\s+(past|last|previous|next|coming)\s+"
    r"(?:(\d+|[a-z]+(?:-[a-z]+)?)\s+)?(years?|decades?)\b",
    re.I,
)
_MONTH_NAME = "|".join(m.capitalize() for m in MONTHS)
MONTH_NUMBERS = {m[:3]: i for i, m in enumerate(MONTHS, 1)}
WEEKDAY_NUMBERS = {
    d: i for i, d in enumerate(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))
}
_DAY_MONTH = re.compile(
    rf"\b(?:(\d{{1,2}})\s+({_MONTH_NAME})|(?:({_MONTH_NAME})|(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)"
    r"\s+(\d{1,2}))\b(?!,?\s*(?:1[89]|20)\d\d)(?![.,:]?\d)"
)
_MONTH_WORD = re.compile(
    r"\b(?:(last|next|this)\s+|(?:in|since|by|until|from|before|after|through|during)\s+(?:(?:early|late|mid)[- ])?"
    rf"|(?:early|late|mid)-)({_MONTH_NAME})\b(?![ ,]*\d)(?!-)"
)
_WEEKDAY = re.compile(
    r"\b(?:(last|next|this|on|since|by|until|from|before|after|early|late)\s+)?"
    r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_NEAR = re.compile(r"\b(last|this|next) (week|month)\b|\b(?:in|by|after) the (new) (year)\b", re.I)
#: words before a date that put it ahead of the publication date
FUTURE = (
    r"\b(?:will|shall|would|must|scheduled|due|expected|expects|plans?|planned|to be|is to|are to|aims?|"
    r"intends?|deadline|set to|going to|until|upcoming)\b"
)
_YEAR = re.compile(r"(?<![\w,.])(1[89]\d\d|20\d\d)(?!\w|,\d|\.\d)")
_CLAUSE = re.compile(
    r"[,;:]\s+|\s+(?:from|versus|against|compared with|while|whereas|but)\s+|\s+to\s+(?!(?:1[89]|20)\d\d\b)"
)
FUNCTION_WORDS = {
    "and",
    "or",
    "of",
    "in",
    "on",
    "at",
    "to",
    "the",
    "a",
    "an",
    "last",
    "this",
    "next",
    "now",
    "have",
    "has",
    "had",
    "been",
    "is",
    "are",
    "was",
    "were",
    "be",
    "it",
    "its",
    "their",
    "by",
    "from",
    "for",
    "over",
    "under",
    "today",
    "more",
    "than",
    "per",
    "each",
    "with",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "still",
    "already",
    "so",
    "then",
    "ago",
    "who",
    "that",
}


def extract(article: ArticleText, published: dt.date, gazetteer: Gazetteer) -> list[Candidate]:
    """Every candidate in the article's text, in order of position."""
    text = article.text
    sentences = _sentences(text)
    lower_words = {w for w in re.findall(r"\b[^\W\d_A-Z][\w-]*", text) if w == w.lower()}
    starts = set()
    for s_start, _ in sentences:
        first_token = _TOKEN.search(text, s_start)
        if first_token:
            starts.add(first_token.start())
    for m in re.finditer(r"(?:[\"“„«»]|[—–:] |-- |\) - )\s*(\w)", text):
        starts.add(m.start(1))
    names = _names(text, lower_words, starts=starts)
    headline = text[: text.find("\n")] if "\n" in text else ""
    long_words = re.findall(r"\w{4,}", headline)
    if (
        long_words
        and not headline.rstrip().endswith((".", "!", "?"))
        and sum(_is_capital(w) for w in long_words) >= 0.6 * len(long_words)
    ):
        names = [n for n in names if n.start >= len(headline)]  # a Title Case Headline: its names come again below
    for m in re.finditer(r"(?m)^([A-Z][A-Z'’ -]{2,})(?=,\s)", text):  # a dateline: "WILLIAMSON, W.Va. —"
        title = " ".join(w.capitalize() for w in m.group(1).split())
        if not any(n.text.upper() == m.group(1) for n in names):
            names.append(Name(m.start(1), m.end(1), title))
    names.sort(key=lambda n: n.start)
    found = gazetteer.find(text)
    mentions = []
    for start, end, entity in found:  # a longer new name wins: "Harbin Institute of Technology", not "Harbin"
        if not any(n.start <= start and end <= n.end and (n.end - n.start) > (end - start) for n in names):
            mentions.append((start, end, entity))
    candidates: list[Candidate] = []
    seen_entities: set[URIRef] = set()
    for start, end, entity in mentions:
        if entity not in seen_entities:
            seen_entities.add(entity)
            c = Candidate("CandidateMention", start, end, text[start:end])
            c.add("candidateOf", turtle.iri(entity))
            candidates.append(c)
    people = [n for n in names if n.person]
    seen_names: set[str] = set(gazetteer.labels)
    for n in names:
        known = gazetteer.labels.get(n.text)
        if known is not None and known not in seen_entities and text[n.end : n.end + 1] == "-":
            seen_entities.add(known)  # "Germany-based": the graph's Germany
            c = Candidate("CandidateMention", n.start, n.end, n.text)
            c.add("candidateOf", turtle.iri(known))
            candidates.append(c)
        if n.text in seen_names or any(m[0] < n.end and n.start < m[1] for m in mentions):
            continue
        if " " not in n.text and any(p.start < n.start and n.text in p.text.split() for p in people):
            continue  # "Blevins" after "Dwayne Blevins", "Wang" after "Wang Haiyan": the same person
        seen_names.add(n.text)
        c = Candidate("CandidateMention", n.start, n.end, text[n.start : n.end])
        c.add("candidateName", turtle.text(n.text))
        candidates.append(c)
    candidates += _dates_and_numbers(text, sentences, published, mentions, _country(text, names))
    candidates += _quotes(text, names, lower_words, gazetteer)
    return sorted(candidates, key=lambda c: (c.start, c.kind))


def _clauses(sentence: str, offset: int) -> list[tuple[int, int]]:
    bounds = [0] + [m.end() for m in _CLAUSE.finditer(sentence)] + [len(sentence)]
    return [(offset + a, offset + b) for a, b in itertools.pairwise(bounds) if b > a]


@functools.lru_cache(maxsize=1)
def _measures() -> re.Pattern[str]:
    """The units of measure written after a number, longest first (made once)."""
    names = "|".join(re.escape(m) for m in sorted(MEASURES, key=len, reverse=True) if m != "%")
    return re.compile(rf"(?:\s*|-)(%|{names})(?!\w)")


def _unit(text: str, start: int, end: int, stop: int, country: str | None = None) -> tuple[str | None, str | None, int]:
    """The unit of the number at ``start``–``end``: (unit label, counted noun, end of the unit's
    words); a "$" or "pesos" is the currency of the article's ``country`` (ISO 3166 code)."""
    sign = re.search(_SIGN, text[max(0, start - 5) : start])
    rest = text[end : min(stop, end + 200)]
    if sign:
        return _currency(sign.group(1), country), None, end
    word = re.match(
        r"\s*((?:U\.S\.|US|American|Australian|Canadian)\s+dollars?|euros?|dollars?|yuan|RMB|renminbi|złoty|zlotys?|"
        r"zł|pounds?|rupees?|tenge|Kč|korunas?|crowns|roubles?|rubles?|hryvnias?|forints?|lei|rand|reais|pesos?|"
        r"lira|yen|won|rupiah|dong)(?!\w)",
        rest,
    )
    if word and word.group(1).startswith("pound") and (country == "US" or re.match(r"\s+of\s", rest[word.end() :])):
        return "pound mass", None, end + word.end()  # "500,000 pounds of vegetables": a weight
    if word:
        return _currency(word.group(1), country), None, end + word.end()
    measure = _measures().match(rest)
    if measure:
        return MEASURES[measure.group(1)], None, end + measure.end()
    counted = re.match(
        r"\s+((?:[a-z][\w-]*\s+){0,2}?)(" + "|".join(sorted(COUNT_NOUNS, key=len, reverse=True)) + r")\b", rest
    )
    if counted and not set(counted.group(1).split()) & FUNCTION_WORDS:
        return "count", counted.group(2), end + counted.end()
    plural = re.match(r"\s+([a-z]{3,}s)\b", rest)
    if (
        plural
        and plural.group(1) not in NOT_COUNTED
        and plural.group(1) not in FUNCTION_WORDS
        and not plural.group(1).endswith(("ss", "us", "ous"))
    ):
        return "count", plural.group(1), end + plural.end()
    return None, None, end


def _currency(written: str, country: str | None) -> str:
    """The currency a sign or word means where the article is set: "$" in Australia is the
    Australian dollar, "pesos" in Colombia the Colombian peso; else as :data:`CURRENCIES` says."""
    word = written.lower().rstrip("s")
    if country and (written == "$" or word in ("dollar", "peso")):
        code = _currency_of(country)
        if code and (word == "peso") == (code in PESOS) and (word == "peso" or code in DOLLARS):
            return CURRENCY_LABELS.get(code) or code
    return CURRENCIES.get(written) or CURRENCIES.get(word) or written


@functools.cache
def _currency_of(country: str) -> str | None:
    """A country's currency code (pycountry: ISO 4217's number is its country's ISO 3166 number)."""
    import pycountry

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
        if getattr(sub, "parent_code", None):
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


def _plain(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


def _country(text: str, names: list[Name]) -> str | None:
    """The country an article is set in: the one whose name, or a region's, the text names most
    (the dateline's region or country counts twice); None when it names none."""
    places = _places()
    votes: collections.Counter[str] = collections.Counter()
    for n in names:
        words = re.sub(rf"\s+(?:{'|'.join(PLACE_WORDS)})$", "", n.text)
        if _plain(words) in places:
            votes[places[_plain(words)]] += 1
    dateline = re.search(r"(?m)^[A-Z][A-Z'’ -]{2,},\s+([A-Z][\w .'’-]+?)\s*(?:,|—|–|--|\()", text[:2000])
    if dateline and _plain(dateline.group(1)) in places:
        votes[places[_plain(dateline.group(1))]] += 2
    return votes.most_common(1)[0][0] if votes else None


#: units of a duration ("for 31 years"): a number in them holds for no year
DURATIONS = {"year", "month", "week", "day", "hour", "minute", "second"}
#: units of what a plant can do ("the 800MW Callide B power station"): said of a thing, they hold for no year
CAPACITIES = {"megawatt", "gigawatt", "kilowatt", "megawatt hour", "gigawatt hour", "kilowatt hour", "terawatt hour"}

#: a time in a sentence: start, end, the year, the relative words it was resolved from, the words before
Time = tuple[int, int, str, "str | None", str]


@dataclass
class Quantity:
    """A number kept as a quantity: its unit, the noun it counts, and where its unit's words end."""

    number: Number
    unit: str | None
    counted: str | None
    end: int


def _dates_and_numbers(
    text: str, sentences, published: dt.date, mentions, country: str | None = None
) -> list[Candidate]:
    """Sentence by sentence: its dates, then its quantities as observations, each with its
    qualifier, the entity named nearest in its clause and its year."""
    out: list[Candidate] = []
    numbers = number_spans(text)
    starts = [s for s, _, _ in mentions]
    quoted = sorted((a, b) for a, b, _, _ in _quote_segments(text))
    quote_starts = [a for a, _ in quoted]

    def quote_of(at: int) -> tuple[int, int] | None:
        """The quoted passage that holds offset ``at`` (passages do not overlap), by a seek."""
        i = bisect.bisect_right(quote_starts, at) - 1
        return quoted[i] if i >= 0 and quoted[i][0] <= at < quoted[i][1] else None

    number_starts = [n.start for n in numbers]
    for s_start, s_end in sentences:
        clauses = _clauses(text[s_start:s_end], s_start)
        clause_starts = [a for a, _ in clauses]
        clause_of = functools.partial(_clause_at, clauses, clause_starts)
        dates, times = _dates(text, s_start, s_end, published)
        out += dates
        said = re.compile(rf"\b{SPEECH}(?:\s+[\w'’-]+){{0,5}}\s+$")
        times = [t for t in times if not said.search(text[max(s_start, t[0] - 60) : t[0]])]  # "said on Friday"
        inside = numbers[bisect.bisect_left(number_starts, s_start) : bisect.bisect_left(number_starts, s_end)]
        found = [n for n in inside if not any(t[0] <= n.start < t[1] for t in times)]
        kept = _quantities(text, s_start, s_end, found, country)
        time_quotes = [quote_of(t[0]) for t in times]
        numbered = {clause_of(k.number.start) for k in kept}
        for i, quantity in enumerate(kept):
            number, unit, counted, unit_end = quantity.number, quantity.unit, quantity.counted, quantity.end
            before = text[max(s_start, number.start - 8) : number.start]
            partners = [  # a range's other end is next to it: "1,200 to 1,500"
                k
                for k in kept[max(0, i - 1) : i + 2]
                if k is not quantity and ranged(text, *sorted((k.number, number), key=lambda n: n.start))
            ]
            first = min([number] + [k.number for k in partners], key=lambda n: n.start)
            window = max(s_start, first.start - 200)  # the words before it: a window, so that extract stays linear
            lead = re.sub(_SIGN, "", text[window : first.start])
            qualifier = re.search(rf"\b({QUALIFIERS})\s*$|(~)\s*$", lead, re.I)
            start = (
                window + (qualifier.start() if qualifier else len(lead))
                if partners or qualifier
                else number.start - (len(before) - len(re.sub(_SIGN, "", before)))
            )
            end = max([unit_end] + [k.end for k in partners])
            c = Candidate("CandidateObservation", start, end, text[start:end])
            c.add("candidateValue", turtle.number(number.value))
            for name, value in (
                ("candidateScale", number.scale),
                ("candidateUnit", unit),
                ("candidateCounted", counted),
            ):
                if value:
                    c.add(name, turtle.text(value))
            if qualifier:
                c.add(
                    "candidateQualifier",
                    turtle.text((qualifier.group(1) or qualifier.group(2)).lower().removeprefix("an ")),
                )
            clause = clause_of(number.start) or (s_start, s_end)
            before_i, after_i = bisect.bisect_left(starts, number.start) - 1, bisect.bisect_left(starts, number.end)
            about = (
                mentions[before_i][2]
                if before_i >= 0 and starts[before_i] >= clause[0]
                else mentions[after_i][2]
                if after_i < len(starts) and starts[after_i] < clause[1]
                else None
            )
            if about is not None:
                c.add("candidateAbout", turtle.iri(about))
            change = bool(
                re.match(
                    r"(?:down|up|a (?:rise|fall|drop|decline|increase) of|(?:well |far )?(?:above|below)|"
                    r"compared with|against|versus|higher than|lower than)\s",
                    text[clause[0] : number.start],
                )
            )  # "…, down 12 percent"
            continues = text[clause[0] - 2 : clause[0]] == ", " and bool(
                re.match(r"(?:worth|\w+ing)\s", text[clause[0] : number.start])
                or re.fullmatch(rf"(?:(?:{QUALIFIERS})\s+)?", re.sub(_SIGN, "", text[clause[0] : first.start]))
            )  # "…, cutting about 9,000 jobs", "…, nearly 30 percent of the total": the clause before's time
            quote_in = quote_of(number.start)
            usable = [t for t, q in zip(times, time_quotes) if q == quote_in]
            undated = unit in DURATIONS or (
                unit in CAPACITIES
                and re.search(r"\b(?:a|an|the|its|their|first|new)\s+$", lead)
                and re.match(
                    r"\s+(?!(?:of|in|to|by|for|and|or|per|a|an|each|this|last|next|between|from)\b)[A-Za-z]",
                    text[end : end + 40],
                )
            )  # "for 31 years", "the 800MW Callide B power station": no year
            if continues and not any(clause[0] <= t[0] < clause[1] for t in usable):
                at = bisect.bisect_right(clause_starts, clause[0]) - 1  # (a seek, not a walk: extract stays linear)
                previous = clauses[at - 1] if 0 < at < len(clauses) and clauses[at] == clause else clause
                usable = [t for t in usable if previous[0] <= t[0] < previous[1]] or usable
                change = change or any(previous[0] <= t[0] < previous[1] for t in usable)
            when = None if undated else _when(text, usable, clause_of, clause, numbered, number.start, end, change)
            if when and "-" in when[2]:
                c.add("startYear", turtle.typed(when[2].split("-")[0], "xsd:gYear"))
                c.add("endYear", turtle.typed(when[2].split("-")[1], "xsd:gYear"))
            elif when:
                c.add("candidateYear", turtle.typed(when[2], "xsd:gYear"))
            if when and when[3]:
                c.add("yearInferredFrom", turtle.text(when[3]))
            out.append(c)
    return out


def _dates(text: str, s_start: int, s_end: int, published: dt.date) -> tuple[list[Candidate], list[Time]]:
    """The sentence's dates: years as written ("2024", a financial year "2024-25"), "thirty-five
    years later" after the year the text last gave, and the dates news writes without a year
    (weekdays, "9 November", "Feb. 12", "last October", "mid-August", "this week"), periods ("in
    the past two years") and relative dates ("last year", "two years earlier"), resolved against
    the publication date: forward when the words before them speak of the future."""
    sentence = text[s_start:s_end]
    out: list[Candidate] = []
    times: list[Time] = []
    for m in _YEAR.finditer(sentence):
        financial = re.match(r"[-–/](\d\d)\b(?![-–/.,]\d)", sentence[m.end() :])
        end = m.end() + (financial.end() if financial else 0)
        c = Candidate("CandidateDate", s_start + m.start(), s_start + end, sentence[m.start() : end])
        c.add("candidateYear", turtle.typed(m.group(0), "xsd:gYear"))
        out.append(c)
        times.append(
            (s_start + m.start(), s_start + end, m.group(0), None, sentence[max(0, m.start() - 8) : m.start()])
        )
    found: list[tuple[int, int, str, str]] = []  # start, end, year or "start-end", the words it rests on
    for m in _LATER.finditer(sentence):  # "Thirty-five years later": after the year the text last gave
        count = int(m.group(1)) if m.group(1).isdigit() else words_value(m.group(1).replace("-", " "))
        earlier = [int(y.group(0)) for y in _YEAR.finditer(text, 0, s_start + m.start())]
        if count is not None and earlier and not _PERIOD.search(sentence, max(0, m.start() - 40), m.end()):
            later = earlier[-1] + int(count) * (10 if m.group(2).startswith("decade") else 1)
            found.append((m.start(), m.end(), str(later), f"{m.group(0)} (after {earlier[-1]})"))
    found += _calendar(sentence, published)
    for m in _RELATIVE.finditer(sentence):
        year = _resolve(m.group(0), published)
        if year is not None:
            found.append((m.start(), m.end(), str(year), m.group(0)))
    for m in _EARLIER.finditer(sentence):  # "two years earlier": before the time the sentence gave
        count = 1 if m.group(1).lower() in ("a", "one") else words_value(m.group(1).replace("-", " "))
        if m.group(1).isdigit():
            count = int(m.group(1))
        given = [t for t in times if t[1] <= s_start + m.start() and "-" not in t[2]]
        given += [(s_start + a, 0, y, None, "") for a, _, y, _ in found if a < m.start() and "-" not in y]
        base = int(max(given, key=lambda t: t[0])[2]) if given else published.year
        if count is not None:
            years = int(count) * (10 if m.group(2).lower().startswith("decade") else 1)
            found.append((m.start(), m.end(), str(base - years), m.group(0)))
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
        out.append(c)
        times.append((s_start + a, s_start + b, when, words, sentence[max(0, a - 8) : a]))
    out.sort(key=lambda c: c.start)
    times.sort(key=lambda t: t[0])
    return out, times


def _forward(sentence: str, start: int) -> bool:
    """Whether a date at ``start`` is ahead of the publication date: the words since the last
    speech verb before it (or, at the sentence's start, up to the first) speak of the future."""
    before = re.split(rf"\b{SPEECH}\b", sentence[max(0, start - 300) : start])[-1]
    if not before.strip(" ,"):
        before = re.split(rf"\b{SPEECH}\b", sentence[start : start + 300])[0]
    return bool(re.search(FUTURE, before, re.I))


def _calendar(sentence: str, published: dt.date) -> list[tuple[int, int, str, str]]:
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
            if _forward(sentence, m.start()) and (month, day) < (published.month, published.day):
                year += 1
            elif not _forward(sentence, m.start()) and (month, day) > (published.month, published.day):
                year -= 1
            out.append((m.start(), m.end(), str(year), m.group(0)))
    for m in _MONTH_WORD.finditer(sentence):  # "last October", "in mid-August", "by March"
        month, word = MONTH_NUMBERS[m.group(2).lower()[:3]], (m.group(1) or "").lower()
        ahead = word == "next" or (word not in ("last", "this") and _forward(sentence, m.start()))
        year = published.year
        if word == "last" or (not ahead and word != "this"):
            year -= month > published.month or (word == "last" and month == published.month)
        elif ahead:
            year += month < published.month or (word == "next" and month == published.month)
        out.append((m.start(), m.end(), str(year), m.group(0)))
    for m in _WEEKDAY.finditer(sentence):  # "on Friday", "since Monday", "next Tuesday"
        weekday = WEEKDAY_NUMBERS[m.group(2).capitalize()]
        word = (m.group(1) or "").lower()
        if word == "next" or (word != "last" and _forward(sentence, m.start())):
            date = published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)
        else:
            date = published - dt.timedelta(days=(published.weekday() - weekday) % 7 or (7 if word == "last" else 0))
        out.append((m.start(), m.end(), str(date.year), m.group(0)))
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


def _quantities(text: str, s_start: int, s_end: int, found: list[Number], country: str | None = None) -> list[Quantity]:
    """The sentence's numbers that are quantities, each with its unit (not a year, a part of a
    name, a date or an age, or a word like "one of"); the low end of a range takes the unit of
    the high end ("1,200 to 1,500 workers")."""
    sentence = text[s_start:s_end]
    kept = []
    for number in found:
        words = text[number.start : number.end]
        if _YEAR.fullmatch(words) and number.scale is None:
            continue  # a year, recorded as a date
        before = text[max(s_start, number.start - 200) : number.start]
        if number.start - s_start > 200:
            before = "\x00" + before  # a window (extract stays linear) that is not the sentence's start
        if (
            re.search(r"\b[A-Z]\w*[ -]$", before)
            and not re.search(_SIGN, before)
            and not re.search(r"(?:^|[.!?:\"“„«—–]\s*)\w+[ -]$", before.lstrip())
            and not re.search(r"\b(?:" + "|".join(m.capitalize() for m in MONTHS) + r")\s$", before)
        ):
            continue  # part of a name: "Route 52", "Sierpień 80"
        opening = _TOKEN.search(sentence)
        if (
            not words[0].isdigit()
            and words[0].isupper()
            and not (opening and s_start + opening.start() == number.start)
        ):
            continue  # "Five-Year Plan"
        unit, counted, unit_end = _unit(text, number.start, number.end, s_end, country)
        if number.ratio or (not words[0].isdigit() and number.value < 1):
            unit, counted, unit_end = "fraction", None, number.end  # "one in five young people": a share of them
        rest = text[unit_end : min(s_end, unit_end + 200)]
        if (
            unit in ("year", "month", "week", "day") and re.match(r"\s*(?:ago|on|later|earlier|afterwards|old)\b", rest)
        ) or re.match(r"-year-old", rest):
            continue  # a date or an age
        fraction = number.value < 1 and (
            re.match(r"\s+(?:of|as (?:many|much))\b", rest) or re.search(rf"\b(?:{QUALIFIERS}|by)\s+$", before, re.I)
        )
        if (
            not words[0].isdigit()
            and unit in (None, "fraction")
            and not (fraction or number.ratio)
            and not re.match(r"-\w", rest)
        ):
            continue  # "one of", "first", "21st century": a word, not a quantity
        kept.append(Quantity(number, unit, counted, unit_end))
    for low, high in itertools.pairwise(kept):  # "1,200 to 1,500 workers", "between 8 and 9 million tonnes": one unit
        if ranged(text, low.number, high.number) and low.unit is None:
            low.unit, low.counted, low.end = high.unit, high.counted, high.end
    for earlier, later in itertools.pairwise(kept):  # "3,900 people today, down from more than 7,000": people
        if (
            later.unit is None
            and earlier.unit not in (None, "fraction")
            and re.search(
                rf"\b(?:down|up|fell|rose)\s+from\s+(?:(?:{QUALIFIERS})\s+)?$",
                text[max(s_start, later.number.start - 60) : later.number.start],
            )
        ):
            later.unit, later.counted = earlier.unit, earlier.counted
    return kept


_PAUSE = re.compile(r"[,;:]")


def _clause_at(clauses: list[tuple[int, int]], starts: list[int], at: int) -> tuple[int, int] | None:
    """The clause that holds offset ``at``."""
    return clauses[max(0, bisect.bisect_right(starts, at) - 1)] if clauses else None


@functools.lru_cache(maxsize=1024)
def _bounded(words: str | None, before: str) -> bool:
    """Whether a time is a bound ("since 2019", "by March"), not when a number held."""
    return bool(re.search(r"\b(?:since|until|by)\s+$", before) or re.match(r"(?:since|until|by)\b", words or "", re.I))


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
    inside = [t for t in times if clause[0] <= t[0] < clause[1]]
    after = [t for t in inside if t[0] >= end]
    if after:
        return min(after, key=lambda t: t[0])
    inside = [t for t in inside if not re.search(r"\bby\s+$", t[4])]  # "decide by March to build a $1bn plant"
    if inside:
        return max(inside, key=lambda t: t[0])
    if change:  # "fell to 52,000 last year, down 12 percent": the change over that same year
        previous = [t for t in times if t[1] <= clause[0]]
        if previous:
            return max(previous, key=lambda t: t[0])
    free = [t for t in times if not _bounded(t[3], t[4]) and clause_of(t[0]) not in numbered]
    before = [t for t in free if t[1] <= start]
    if before:
        return max(before, key=lambda t: t[0])
    later = [t for t in free if t[0] >= end and not _PAUSE.search(text, end, t[0])]
    return min(later, key=lambda t: t[0]) if later else None  # "took a 20 per cent cut when he moved last year"


def _quote_segments(text: str) -> list[tuple[int, int, int, bool]]:
    """Quoted passages: (start, end, group, closed). A quote left open at a paragraph's end and
    reopened at the start of the next paragraph continues there: both segments share a group."""
    out: list[tuple[int, int, int, bool]] = []
    i, group = 0, 0
    while i < len(text):
        ch = text[i]
        if ch in OPENERS and (ch != '"' or i == 0 or not text[i - 1].isalnum()):
            j = i + 1
            while j < len(text) and text[j] not in OPENERS[ch] and text[j] != "\n":
                j += 1
            closed = j < len(text) and text[j] != "\n"
            continues = bool(out) and not out[-1][3] and not text[out[-1][1] : i].strip(" \t\r\n")
            if not continues:
                group += 1
            if j > i + 1:
                out.append((i + 1, j, group, closed))
            i = j + 1 if closed else j
            continue
        i += 1
    return out


def _speaker_in(phrase: str, offset: int, text: str, names: list[Name], lower_words: set[str]):
    """(speaker, role, organisation) from the words around a speech verb; None when none is given."""
    phrase = re.split(r"(?<!\b[A-Z])(?<!\bNo)\.(?:\s|$)|;|\n", phrase, maxsplit=1)[0]
    unnamed = re.match(
        r"\s*((?:a|an|the|one)\s+(?:[\w-]+\s+){0,3}?[a-z][\w-]*?)(?=\s*(?:,|$|\s+(?:of|at|for|from|in|who|with)\b))",
        phrase,
    )
    if unnamed and not re.match(r"\s*the\s+(?:[A-Z])", phrase):
        words = unnamed.group(1)
        tail = phrase[unnamed.end() :]
        org = re.match(r"\s*(?:of|at|for|from)\s+(?:the\s+)?([A-Z][^,]*)", tail)
        return words, None, (org.group(1).strip() if org else None)
    found = [n for n in _names(text, lower_words, offset, offset + len(phrase), starts=set()) if not n.text.isdigit()]
    if not found:
        pronoun = re.match(r"\s*(he|she|they)\b", phrase, re.I)
        return ("", None, None) if pronoun else None
    name = found[0]
    role = organisation = None
    tail = text[name.end : offset + len(phrase)]
    apposition = re.match(r",\s+(.*)", tail)
    lead = text[offset : name.start].strip(" ,")
    lead = re.sub(rf"^{SPEECH}\s*", "", lead).strip()
    role_text = apposition.group(1) if apposition else (lead if lead and re.match(r"[a-z]", lead) else "")
    if role_text:
        role_text = re.split(r"(?:^|\s+)(?:who|which|whose)\s|,", role_text)[0]
        parts = re.split(r"\s+at (?:the )?", role_text, maxsplit=1)  # "director of the office at the Bureau"
        if len(parts) == 1:
            parts = re.split(r"\s+(?:of|for|from|with) (?:the )?", role_text, maxsplit=1)
        role = re.sub(r"^(?:a|an|the)\s+", "", parts[0].strip(" ,")) or None
        organisation = parts[1].strip(" ,.") if len(parts) > 1 else None
        if role and (role[0].isdigit() or not re.match(r"[a-z]", role)):
            role = None  # "Piotr Nowak, 54,": an age
    if role is None and name.title:
        role = name.title
    return name.text, role, organisation


def _quotes(text: str, names: list[Name], lower_words: set[str], gazetteer: Gazetteer) -> list[Candidate]:
    """Quotes with their speakers: after the quote ("…," said Mayor Katrin Möller / she said /
    Blevins said / a local pastor said), before it (Ma Lei said: "…"), in the next sentence,
    a pronoun as the last person named, and the rest of the quote (or its next paragraph) alike."""
    segments = _quote_segments(text)
    mentions = _people(names)
    bounds = [a for a, _ in _sentences(text)]
    sentence_of = lambda at: bounds[bisect.bisect_right(bounds, at) - 1] if bounds else 0
    speakers: dict[int, tuple] = {}  # group → (speaker, role, organisation)
    attributed: list[tuple | None] = []
    for k, (start, end, group, closed) in enumerate(segments):
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        after_start = end + 1 if closed else end
        after = text[after_start:line_end]
        line_start = text.rfind("\n", 0, start) + 1
        previous_end = max([line_start] + [s[1] + 1 for s in segments[:k] if s[1] < start and s[1] >= line_start])
        before = text[previous_end : start - 1]
        who = None
        said = re.match(rf"\s*,?\s*{SPEECH}\s+", after)
        named_then_said = re.match(rf"\s*,?\s*(.{{1,80}}?)\s+{SPEECH}\b", after)
        said_before = re.search(rf"(.{{1,120}}?)\s+{SPEECH}(?:\s+\w+){{0,3}}\s*[:,]\s*$", before)
        if said:
            who = _speaker_in(after[said.end() :], after_start + said.end(), text, names, lower_words)
        if who is None and named_then_said and not re.search(r"[.!?]\s", named_then_said.group(1)):
            who = _speaker_in(
                named_then_said.group(1), after_start + named_then_said.start(1), text, names, lower_words
            )
        if who is None and said_before:
            phrase = said_before.group(1)
            who = _speaker_in(phrase, previous_end + said_before.start(1), text, names, lower_words)
        if who is None and closed:  # the next sentence: "…," Krüger said later. / "…." He said…
            nxt = re.match(rf"\s*([^.!?\"“„«]{{1,60}}?)\s+{SPEECH}\b", after)
            if nxt:
                who = _speaker_in(nxt.group(1), after_start + nxt.start(1), text, names, lower_words)
        if who is None:  # "X said the plan offers "…"", "Y called the site "…"": the subject of the verb before
            who = _subject_before(text, names, mentions, sentence_of(start), start)
        if who is None and closed:  # "…" That was the verdict of Anna Weber, …
            verdict = re.match(r"\s*(?:That|This|Such) (?:was|is) the \w+ of\s+", after)
            if verdict:
                who = _speaker_in(after[verdict.end() :], after_start + verdict.end(), text, names, lower_words)
        if who is not None and who[0] == "":  # he / she: the last person named before the sentence
            who = _last_person(mentions, sentence_of(start), start)
        if who is not None and " " not in who[0] and who[0][:1].isupper():  # "Ospina said": Jaime Andrés Ospina Vélez
            full = next((p for at, p in reversed(mentions) if at < start and who[0] in p.split()), None)
            if full:
                who = (full, who[1], who[2])
        if who is not None and who[0][:1].isupper():  # the role and organisation the article gives anywhere
            found = _profile(text, who[0], names)
            if found and (who[1] is None or who[1] in HONORIFICS or (found[0] == who[1] and not who[2])):
                who = (who[0], found[0], found[1] or (who[2] if who[1] == found[0] else None))
            if who[1] in HONORIFICS - {"Dr", "Prof"}:
                who = (who[0], None, who[2])
        if who is not None and group not in speakers:
            speakers[group] = who
        attributed.append(who)
    out = []
    roles: set[tuple[str, str]] = set()
    previous: tuple[tuple, int] | None = None
    for (start, end, group, _), who in zip(segments, attributed):
        words = text[start:end].rstrip().rstrip(",").rstrip()
        lead = len(words) - len(words.lstrip())
        words = words.strip()
        start += lead
        if not words:
            continue
        who = who or speakers.get(group)
        if (
            who is None
            and previous
            and text[previous[1] : start].count("\n") == 0
            and len(text[previous[1] : start]) < 200
        ):
            who = previous[0]
        if who:
            speakers.setdefault(group, who)  # the quote's next paragraph is the same speaker's
        if not (len(words.split()) >= 6 or who):
            continue  # a quoted term ("coal capital"), not speech
        c = Candidate("CandidateQuote", start, start + len(words), words)
        if who:
            speaker, role, organisation = who
            c.add("candidateSpeaker", turtle.text(speaker))
            entity = gazetteer.labels.get(speaker)
            if entity is not None:
                c.add("candidateAbout", turtle.iri(entity))
            if role:
                c.add("candidateRole", turtle.text(role))
            if organisation:
                c.add("candidateOrganisation", turtle.text(organisation))
            previous = (who, start + len(words))
            if role and (speaker, role) not in roles:
                roles.add((speaker, role))
                out += _role(text, speaker, role, organisation)
        out.append(c)
    return out


COMPANY_WORDS = {"Minerals", "Resources", "Coal", "Steel", "Metals", "Solar", "Petroleum", "Oil", "Gas", "Electric"}
HONORIFICS = {"Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Sir", "Dame"}
#: nouns a role ends with ("deputy director", "miners' union head", "real estate agent")
OCCUPATIONS = (
    "leader|head|chief|director|manager|secretary|president|chairman|chairwoman|chairperson|chair|spokesman|"
    "spokeswoman|spokesperson|minister|mayor|governor|premier|senator|official|officer|executive|founder|owner|"
    "engineer|mechanic|driver|operator|miner|worker|farmer|teacher|researcher|scientist|economist|analyst|professor|"
    "lecturer|activist|organi[sz]er|coordinator|advi[sz]er|consultant|lawyer|doctor|nurse|pastor|priest|agent|"
    "collector|commissioner|councillor|delegate|representative|electrician|fitter|welder|technician|supervisor|"
    "foreman|geologist|planner|historian|journalist|editor|trader|herder|baker|shopkeeper|vendor|deputy|CEO"
)
_ROLE = (
    rf"(?:(?:(?!(?:a|an|the|was|is|were|has|had|as|who|and|of|at|in)\b)[\w-]+(?:['’](?!s\b))?\s+){{0,3}}?"
    rf"(?:{OCCUPATIONS})(?:\s+of\s+(?!(?:the|a|an)\b)[a-z][\w-]*)?)"
)
_ORG = r"(?:[A-Z][\w-]*-based\s+)?([A-Z][\w'’&-]*(?:\s+(?:of|and|for|de|del|the|&)?\s*[A-Z][\w'’&-]*)*)"


def _people(names: list[Name]) -> list[tuple[int, str]]:
    """Where the text names a person: (offset, full name), a surname alone ("Ospina", "Bai")
    counted as the last person named in full whose name holds it."""
    out: list[tuple[int, str]] = []
    for n in names:
        if n.person:
            out.append((n.start, n.text))
        elif " " not in n.text:
            full = next((p for _, p in reversed(out) if n.text in p.split()), None)
            if full:
                out.append((n.start, full))
    return out


def _last_person(people: list[tuple[int, str]], sentence: int, start: int) -> tuple | None:
    """Who "he" or "she" is: the last person named before the sentence, else before ``start``."""
    found = next((p for at, p in reversed(people) if at < sentence), None) or next(
        (p for at, p in reversed(people) if at < start), None
    )
    return (found, None, None) if found else None


def _subject_before(text: str, names: list[Name], people, sentence: int, start: int) -> tuple | None:
    """The speaker of a quote whose verb comes before it in the sentence ("Tom Feeney, …, said the
    plan offers "…"", "she wrote that "…""): the pronoun right before the verb, else the first
    person named before it."""
    lead = text[sentence : max(sentence, start - 1)]
    verbs = list(re.finditer(rf"\b(?:{SPEECH}|called|calls|described|describes|dubbed)\b", lead))
    if not verbs or re.search(r'["“”„«»]', lead[verbs[-1].end() :]):
        return None
    subject = lead[: verbs[-1].start()]
    if re.search(r"\b(?:he|she|they)\s+(?:\w+\s+)?$", subject, re.I):
        return _last_person(people, sentence, start)
    inside = [p for at, p in people if sentence <= at < sentence + len(subject)]
    return (inside[0], None, None) if inside else None


def _profile(text: str, person: str, names: list[Name]) -> tuple[str, str | None] | None:
    """The role and organisation the article gives a person anywhere: "X, deputy director of the
    Y", "the Opposition's resources spokesman, X", "Its chairperson, X", "X, who heads the Z at
    Y", "Queensland Premier X" (Queensland named elsewhere: the organisation), "Gov. X"."""
    who = re.escape(person)
    after = re.search(
        rf"{who},\s+(?:\d+,\s+)?(?:(?:a|an|the|its|their|his|her)\s+)?(?:[\w-]+['’]s\s+)?({_ROLE})"
        rf"(?:\s+(?:of|at|for|with)\s+(?:the\s+)?{_ORG})?(?=[\s,.;])",
        text,
    )
    if after:
        return after.group(1), after.group(2)
    heads = re.search(
        rf"{who},\s+who\s+(?:heads|leads|runs|directs|chairs)\s+the\s+([\w -]+?)\s+at\s+(?:the\s+)?{_ORG}", text
    )
    if heads:
        return f"head of the {heads.group(1)}", heads.group(2)
    before = re.search(rf"(?:\b([A-Z][\w-]*)['’]s\s+|\b(?:Its|its|The company['’]s)\s+)?\b({_ROLE}),\s+{who}\b", text)
    if before:
        org = before.group(1)
        if org is None and re.match(r"(?:Its|its|The company)", text[before.start() : before.start() + 11]):
            earlier = [
                n for n in names if n.end <= before.start() and set(n.text.split()) & (ORG_WORDS | COMPANY_WORDS)
            ]
            org = earlier[-1].text if earlier and before.start() - earlier[-1].end < 300 else None
        return before.group(2).removeprefix("The ").removeprefix("the "), org
    titled = re.search(
        rf"((?:[A-Z][\w'’-]*\s+|(?:Gov|Sen|Rep|Lt|Gen)\.\s+|and\s+){{0,4}}?(?:{'|'.join(TITLES)}|{OCCUPATIONS.title()})\.?)\s+{who}\b",
        text,
    )
    if titled and titled.group(1).rstrip(".") not in HONORIFICS:
        words = titled.group(1)
        place = re.match(r"([A-Z][\w'’-]+)\s+(?=[A-Z])", words)
        if place and re.search(rf"\b{place.group(1)}\b(?!\s+{re.escape(words[place.end() :])})", text):
            return words[place.end() :], place.group(1)  # "Queensland Premier": Premier of Queensland
        held = re.search(rf"{who}\s+(?:of|at|from)\s+(?:the\s+)?{_ORG}", text)  # "Professor X of the University"
        return words, held.group(1) if held else None
    return None


def _role(text: str, speaker: str, role: str, organisation: str | None) -> list[Candidate]:
    """The role a quote's speaker holds, as a candidate of its own resting on the words that
    state it ("Mayor Katrin Möller", "Liu Jianguo, deputy director of the … Commission")."""
    held = (r"(?:\s+(?:of|at|for|from|with|in)\s+(?:the\s+)?" + re.escape(organisation) + ")?") if organisation else ""
    found = re.search(re.escape(role) + r"\s+" + re.escape(speaker) + held, text) or re.search(
        re.escape(speaker) + r",\s+(?:(?:a|an|the)\s+)?" + re.escape(role) + held, text
    )
    if not found:
        return []
    c = Candidate("CandidateRole", found.start(), found.end(), found.group(0))
    c.add("candidateSpeaker", turtle.text(speaker))
    c.add("candidateRole", turtle.text(role))
    if organisation:
        c.add("candidateOrganisation", turtle.text(organisation))
    return [c]


def in_context(text: str, start: int, end: int, width: int = 160) -> str:
    """The sentence around a span, on one line, the span marked «like this» (cut to ``width``
    characters around it when long)."""
    s_start, s_end = next(((a, b) for a, b in _sentences(text) if a <= start < b), (0, len(text)))
    before, words, after = (
        text[max(s_start, start - width // 2) : start],
        text[start:end],
        text[end : min(s_end, end + width // 2)],
    )
    cut_before, cut_after = start - width // 2 > s_start, end + width // 2 < s_end
    line = f"{'…' if cut_before else ''}{before}«{words}»{after}{'…' if cut_after else ''}"
    return " ".join(line.split())


def render_draft(
    article: ArticleText,
    published: dt.date,
    candidates: list[Candidate],
    title: str | None = None,
    identifier: str | None = None,
) -> str:
    """The draft TriG: the article's registration, then one node per candidate, each after a
    comment with its sentence and the candidate's words marked. ``identifier`` is the article's
    registered one when it has one; else it is made as ``new-article`` makes it."""
    title, made = identity(article, title)
    identifier = identifier or made
    name = identifier.removeprefix("article-")
    source = turtle.name(TKR_IRI + identifier)
    nodes = [registration(article, identifier, published, title)]
    for i, c in enumerate(candidates, 1):
        node = turtle.subject(
            turtle.name(f"{TKR_IRI}candidate-{name}-{i}"),
            [("a", f"tkg:{c.kind}"), ("tkg:candidateStatus", turtle.text("candidate"))],
            *([(f"tkg:{p}", terms)] for p, terms in c.terms.items()),
            [("tkg:evidence", turtle.evidence(source, c.start, c.end, c.exact))],
        )
        nodes.append(turtle.comment(in_context(article.text, c.start, c.end), 4) + "\n" + node + "\n")
    return (
        turtle.comment(
            f"Candidate facts extracted from {one_line(article.path.name)} (published {published.isoformat()})."
        )
        + "\n"
        + turtle.comment("Review each one: rewrite what is right as facts in graph/articles/, drop the rest.")
        + "\n"
        + HEADER
        + "\n"
        + turtle.graph(turtle.name(f"{TKR_IRI}draft-{name}"), "\n" + "\n".join(nodes) + "\n")
    )


def check_output(loaded: Loaded, path: Path, output: Path, force: bool = False) -> None:
    """Refuse a draft that would replace the article, anything under ``graph/`` or ``ontology/``,
    or (without ``force``) any existing file."""
    target = Path(output).resolve()
    if target == Path(path).resolve():
        raise ArticleError(
            "that is the article itself; write the draft to another file", option="output", value=str(output)
        )
    for folder in (loaded.project.graph_dir, loaded.project.ontology_dir):
        if target.is_relative_to(folder.resolve()):
            raise ArticleError(
                f"drafts never go into {loaded.project.display(folder)}/; write it elsewhere "
                f"and move the reviewed facts into graph/articles/",
                option="output",
                value=str(output),
            )
    if target.exists() and not force:
        raise ArticleError("already exists and is not replaced", option="output", value=str(output), fix="force")


def extract_file(
    loaded: Loaded, path: Path, published: str, output: Path, title: str | None = None, force: bool = False
) -> list[Candidate]:
    """Extract candidates from ``path`` and write the draft to ``output`` atomically."""
    check_output(loaded, path, output, force)
    title = one_line(title, "title") if title else None
    article = read_article(path)
    date = parse_date(published)
    from .propose import propose

    gazetteer = Gazetteer.of(loaded)
    candidates = propose(article.text, extract(article, date, gazetteer), loaded, gazetteer.labels, TITLES)
    registered = _registration(loaded, article)
    if registered and title is None:
        title = registered[1]
    draft = render_draft(article, date, candidates, title, registered[0] if registered else None)
    write_atomic(Path(output), draft.encode("utf-8"))
    return candidates


def _registration(loaded: Loaded, article: ArticleText) -> tuple[str, str | None] | None:
    """The identifier and title under which the project registered this file (same name and
    bytes), if it did: the draft's evidence then cites the article the facts will go into."""
    import pyoxigraph as ox

    from ..core.vocab import sparql_prefixes

    found = loaded.store.query(
        sparql_prefixes(("tkg", "dcterms")) + "SELECT ?a ?title ?file ?sha256 WHERE { GRAPH ?g { ?a a tkg:Article ; "
        "tkg:sourceFile ?file ; tkg:fileSha256 ?sha256 . OPTIONAL { ?a dcterms:title ?title } } } ORDER BY ?a",
        substitutions={
            ox.Variable("file"): turtle.text(article.path.name),
            ox.Variable("sha256"): turtle.text(article.file_sha256),
        },
    )
    for iri, title, *_ in found:
        if iri.value.startswith(TKR_IRI):
            return iri.value[len(TKR_IRI) :], title.value if title is not None else None
    return None
