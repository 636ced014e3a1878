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
import datetime as dt
import itertools
import re
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
OPENERS = {'"': '"', "“": "”", "„": "“”", "«": "»", "»": "«"}
_SIGN = rf"({CURRENCY})\s?$"
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
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, begin, end)]
    runs: list[list[tuple[int, int, str]]] = []
    run: list[tuple[int, int, str]] = []
    for i, (s, e, word) in enumerate(tokens):
        glued = (
            bool(run)
            and (
                text[run[-1][1] : s] == " " or (text[run[-1][1] : s] == ". " and run[-1][2] == "No" and word.isdigit())
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
        elif glued and word in CONNECTORS and following and _is_capital(following[2]) and text[e : following[0]] == " ":
            run.append((s, e, word))
        elif (
            glued
            and word.isdigit()
            and len(word) <= 3
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


def _split_run(run):
    """A list of names is split at "and" unless the whole ends like an organisation's name."""
    words = [w for _, _, w in run]
    if "and" in words and words[-1] not in ORG_WORDS:
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


def _clean(text: str, run, lower_words: set[str], starts: set[int]) -> list[Name]:
    title = []
    run = list(run)
    at_start = run[0][0] in starts
    for i in (1, 2):  # "Industry Minister Lukáš Vlček", "Deputy Prime Minister X": the name after the titles
        if (
            len(run) > i + 1
            and run[i][2] in TITLES
            and run[i - 1][2] not in ORG_WORDS | PLACE_WORDS
            and all(_is_capital(w) for _, _, w in run[i + 1 :])
        ):
            title = [w for _, _, w in run[:i]]
            run = run[i:]
            break
    whole = text[run[0][0] : run[-1][1]]
    if (
        at_start
        and len(run) > 1
        and any(m.start() not in starts for m in re.finditer(rf"(?<![\w-]){re.escape(whole)}(?![\w-])", text))
    ):
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
            and text[e : e + 1] not in (",", "’", "'")
            and not re.match(r" (?:and|or) [A-Z]", text[e : e + 8])
            and not any(m.start() not in starts for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text))
        ):
            return []  # a lone capitalised word opening a sentence, never capitalised elsewhere: a common word
        if word in PLACE_WORDS | ORG_WORDS:
            return []  # "Street", "Commission" alone: a common word, capitalised
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
        2 <= len(words) <= 3
        and all((_is_capital(w) and not w.isupper() and w.isalpha()) or "-" in w for w in words)
        and not set(words) & (ORG_WORDS | PLACE_WORDS)
    )
    before = re.search(r"(\w+)\s+$", text[max(0, s - 30) : s])
    if before and before.group(1).lower() in PREPOSITIONS and not title:
        person = False
    return [Name(s, e, name, " ".join(title) or None, person or (bool(title) and len(words) >= 2))]


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
    for number, name in enumerate(MONTHS, 1):
        if re.search(rf"\b{name}\b", words):
            return published.year if number <= published.month else published.year - 1
    return None


_NUMBER_WORDS = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a few)"
)
_RELATIVE = re.compile(
    r"\b(?:(?:since |starting |earlier |later )?(?:last|this|next) (?:year|month|spring|summer|autumn|fall|winter)"
    rf"|a year earlier|{_NUMBER_WORDS} (?:years?|decades?) ago|[Tt]oday"
    r"|(?:in|since|by) (?:" + "|".join(m.capitalize() for m in MONTHS) + r")(?![ ,]*\d))\b",
    re.I,
)
_LATER = re.compile(r"\b(\d+|[A-Za-z]+(?:-[a-z]+)?) (years?|decades?) (?:later|on|afterwards)\b")
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
    "former",
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
    for m in re.finditer(r"(?:[\"“„«»]|[—–:] )\s*(\w)", text):
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
        if n.text in seen_names or any(m[0] < n.end and n.start < m[1] for m in mentions):
            continue
        if " " not in n.text and any(p.start < n.start and p.text.split()[-1] == n.text for p in people):
            continue  # "Blevins" after "Dwayne Blevins": the same person
        seen_names.add(n.text)
        c = Candidate("CandidateMention", n.start, n.end, text[n.start : n.end])
        c.add("candidateName", turtle.text(n.text))
        candidates.append(c)
    candidates += _dates_and_numbers(text, sentences, published, mentions)
    candidates += _quotes(text, names, lower_words, gazetteer)
    return sorted(candidates, key=lambda c: (c.start, c.kind))


def _clauses(sentence: str, offset: int) -> list[tuple[int, int]]:
    bounds = [0] + [m.end() for m in _CLAUSE.finditer(sentence)] + [len(sentence)]
    return [(offset + a, offset + b) for a, b in itertools.pairwise(bounds) if b > a]


def _unit(text: str, start: int, end: int, stop: int) -> tuple[str | None, str | None, int]:
    """The unit of the number at ``start``–``end``: (unit label, counted noun, end of the unit's words)."""
    sign = re.search(_SIGN, text[max(0, start - 5) : start])
    rest = text[end:stop]
    if sign:
        return CURRENCIES[sign.group(1)], None, end
    word = re.match(
        r"\s*(euros?|dollars?|yuan|RMB|renminbi|złoty|zloty|zł|pounds?|rupees?|tenge|Kč|korunas?|crowns|"
        r"roubles?|rubles?|hryvnias?|forints?|lei|rand|reais|pesos?|lira|yen|won|rupiah|dong)(?!\w)",
        rest,
    )
    if word:
        return CURRENCIES[word.group(1)], None, end + word.end()
    measure = re.match(
        r"(?:\s*|-)(%|"
        + "|".join(re.escape(m) for m in sorted(MEASURES, key=len, reverse=True) if m != "%")
        + r")(?!\w)",
        rest,
    )
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


#: a time in a sentence: start, end, the year, the relative words it was resolved from, the words before
Time = tuple[int, int, str, "str | None", str]


@dataclass
class Quantity:
    """A number kept as a quantity: its unit, the noun it counts, and where its unit's words end."""

    number: Number
    unit: str | None
    counted: str | None
    end: int


def _dates_and_numbers(text: str, sentences, published: dt.date, mentions) -> list[Candidate]:
    """Sentence by sentence: its dates, then its quantities as observations, each with its
    qualifier, the entity named nearest in its clause and its year."""
    out: list[Candidate] = []
    numbers = number_spans(text)
    starts = [s for s, _, _ in mentions]
    for s_start, s_end in sentences:
        clauses = _clauses(text[s_start:s_end], s_start)
        dates, times = _dates(text, s_start, s_end, published)
        out += dates
        found = [n for n in numbers if s_start <= n.start < s_end and not any(t[0] <= n.start < t[1] for t in times)]
        kept = _quantities(text, s_start, s_end, found)
        for quantity in kept:
            number, unit, counted, unit_end = quantity.number, quantity.unit, quantity.counted, quantity.end
            before = text[s_start : number.start]
            partners = [
                k
                for k in kept
                if k is not quantity and ranged(text, *sorted((k.number, number), key=lambda n: n.start))
            ]
            first = min([number] + [k.number for k in partners], key=lambda n: n.start)
            lead = re.sub(_SIGN, "", text[s_start : first.start])
            qualifier = re.search(rf"\b({QUALIFIERS})\s*$|(~)\s*$", lead, re.I)
            start = (
                s_start + (qualifier.start() if qualifier else len(lead))
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
            clause = next(((a, b) for a, b in clauses if a <= number.start < b), (s_start, s_end))
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
            numbered = {next(((a, b) for a, b in clauses if a <= k.number.start < b), None) for k in kept}
            change = bool(
                re.match(
                    r"(?:down|up|a (?:rise|fall|drop|decline|increase) of|(?:well |far )?(?:above|below)|"
                    r"compared with|against|versus|higher than|lower than)\s",
                    text[clause[0] : number.start],
                )
            )
            when = _when(times, clauses, clause, numbered, number.start, end, change)
            if when:
                c.add("candidateYear", turtle.typed(when[2], "xsd:gYear"))
                if when[3]:
                    c.add("yearInferredFrom", turtle.text(when[3]))
            out.append(c)
    return out


def _dates(text: str, s_start: int, s_end: int, published: dt.date) -> tuple[list[Candidate], list[Time]]:
    """The sentence's dates: years as written, "thirty-five years later" after the year the text
    last gave, and relative dates ("last year") resolved against the publication date."""
    sentence = text[s_start:s_end]
    out: list[Candidate] = []
    times: list[Time] = []
    for m in _YEAR.finditer(sentence):
        c = Candidate("CandidateDate", s_start + m.start(), s_start + m.end(), m.group(0))
        c.add("candidateYear", turtle.typed(m.group(0), "xsd:gYear"))
        out.append(c)
        times.append(
            (s_start + m.start(), s_start + m.end(), m.group(0), None, sentence[max(0, m.start() - 8) : m.start()])
        )
    for m in _LATER.finditer(sentence):  # "Thirty-five years later": after the year the text last gave
        count = int(m.group(1)) if m.group(1).isdigit() else words_value(m.group(1).replace("-", " "))
        earlier = [int(y.group(0)) for y in _YEAR.finditer(text, 0, s_start + m.start())]
        if count is None or not earlier:
            continue
        later = earlier[-1] + int(count) * (10 if m.group(2).startswith("decade") else 1)
        c = Candidate("CandidateDate", s_start + m.start(), s_start + m.end(), m.group(0))
        c.add("candidateYear", turtle.typed(str(later), "xsd:gYear"))
        c.add("yearInferredFrom", turtle.text(f"{m.group(0)} (after {earlier[-1]})"))
        out.append(c)
        times.append((s_start + m.start(), s_start + m.end(), str(later), m.group(0), ""))
    for m in _RELATIVE.finditer(sentence):
        year = _resolve(m.group(0), published)
        if year is None:
            continue
        c = Candidate("CandidateDate", s_start + m.start(), s_start + m.end(), m.group(0))
        c.add("candidateYear", turtle.typed(str(year), "xsd:gYear"))
        c.add("yearInferredFrom", turtle.text(m.group(0)))
        out.append(c)
        times.append((s_start + m.start(), s_start + m.end(), str(year), m.group(0), ""))
    return out, times


def _quantities(text: str, s_start: int, s_end: int, found: list[Number]) -> list[Quantity]:
    """The sentence's numbers that are quantities, each with its unit (not a year, a part of a
    name, a date or an age, or a word like "one of"); the low end of a range takes the unit of
    the high end ("1,200 to 1,500 workers")."""
    sentence = text[s_start:s_end]
    kept = []
    for number in found:
        words = text[number.start : number.end]
        if _YEAR.fullmatch(words) and number.scale is None:
            continue  # a year, recorded as a date
        before = text[s_start : number.start]
        if (
            re.search(r"\b[A-Z]\w*[ -]$", before)
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
        unit, counted, unit_end = _unit(text, number.start, number.end, s_end)
        if not words[0].isdigit() and number.value < 1:
            unit = "fraction"  # "one in five young people": a share of them, not a count
        rest = text[unit_end:s_end]
        if (
            unit in ("year", "month", "week", "day") and re.match(r"\s*(?:ago|on|later|earlier|afterwards|old)\b", rest)
        ) or re.match(r"-year-old", rest):
            continue  # a date or an age
        fraction = number.value < 1 and (
            re.match(r"\s+(?:of|as (?:many|much))\b", rest) or re.search(rf"\b(?:{QUALIFIERS}|by)\s+$", before, re.I)
        )
        if not words[0].isdigit() and unit in (None, "fraction") and not fraction and not re.match(r"-\w", rest):
            continue  # "one of", "first", "21st century": a word, not a quantity
        kept.append(Quantity(number, unit, counted, unit_end))
    for low, high in itertools.pairwise(kept):  # "1,200 to 1,500 workers", "between 8 and 9 million tonnes": one unit
        if ranged(text, low.number, high.number) and low.unit is None:
            low.unit, low.counted, low.end = high.unit, high.counted, high.end
    return kept


def _when(
    times: list[Time],
    clauses: list[tuple[int, int]],
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
    if inside:
        return max(inside, key=lambda t: t[0])
    if change:  # "fell to 52,000 last year, down 12 percent": the change over that same year
        previous = [t for t in times if t[1] <= clause[0]]
        if previous:
            return max(previous, key=lambda t: t[0])
    free = [
        t
        for t in times
        if t[1] <= start
        and not re.search(r"\b(?:since|until|by)\s+$", t[4])
        and next(((a, b) for a, b in clauses if a <= t[0] < b), None) not in numbered
    ]
    return max(free, key=lambda t: t[0]) if free else None


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
    people = [n for n in names if n.person]
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
        if who is not None and who[0] == "":  # he / she: the last person named before the quote
            person = next((p for p in reversed(people) if p.end <= start), None)
            who = (person.text, person.title, None) if person else None
        if who is not None and " " not in who[0] and who[0][:1].isupper():
            full = next((p for p in reversed(people) if p.start < start and p.text.split()[-1] == who[0]), None)
            if full:
                who = (full.text, who[1] or full.title, who[2])
        if who is not None and who[1] is None and who[0][:1].isupper():  # "José Luis Ariza, a former truck driver,"
            apposition = re.search(
                re.escape(who[0]) + r",\s+(?:a|an|the)\s+([a-z][\w -]{2,60}?)"
                r"(?:\s+(?:at|of|for|from|with|in)\s+(?:the\s+)?([A-Z][^,.;]*)|(?=[,.;]))",
                text,
            )
            if apposition:
                who = (who[0], apposition.group(1), apposition.group(2) or who[2])
        if (
            who is not None and who[1] and not who[2] and who[0][:1].isupper()
        ):  # "Professor Wendy Tanaka of the University"
            held = re.search(re.escape(who[0]) + r"\s+(?:of|at|from)\s+(?:the\s+)?([A-Z][^,.;]*)", text)
            if held:
                who = (who[0], who[1], held.group(1))
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
