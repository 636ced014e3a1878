"""Proposed decisions for the candidates ``extract`` found, so that a reviewer accepts or
changes them instead of typing RDF (rules only; no model downloads).

Each proposal is a property of its candidate, named as the house term it proposes with
``proposed`` before it (``tkg:proposedIndicator``, ``tkg:proposedType``…), each with a confidence (0–1, on a
``tkg:proposalConfidence`` node naming it), the least of them as the candidate's
``tkg:confidence``, and why (``tkg:proposedBecause``, words of the article):

- a new name: an entity of the graph whose label it uniquely starts or ends, or the place of
  a fitting class labelled X for "X Province", "X City", "X County" (``proposedMentionOf``),
  else a class (``proposedType``): a person when titled or speaking, an organisation by its
  head word, a place from "X Province", "X, a town in …", "the coal town of X", "in X";
- a number: the entity it is about (``proposedObservedEntity``), an indicator whose label is
  close to the counted noun and its context, else a new one (``proposedIndicatorLabel``), the
  unit and the measure (level, increase, decrease, multiple);
- a quote or role: the speaker (``proposedSpeaker``) and where the role is held (``proposedRoleIn``);
- relations as candidates of their own (``tkg:CandidateRelation``): located in, operated or run
  by (tkg:operatedBy if the ontology has it, else tkg:deployedBy, saying so), owned by or part
  of, each with its words.

New entities are proposed as ``tkr:`` and the name's slug: promote declares them when the
reviewer accepts the name's mention.
"""

from __future__ import annotations

import copy
import itertools
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Generic, Protocol, TypeVar

from ..core import turtle
from ..core.load import Loaded
from ..core.vocab import PREFIXES, TKR_IRI
from .articles import slug


class Found(Protocol):
    """A candidate as ``extract`` makes it (this module reads and extends it; it does not import it)."""

    kind: str
    start: int
    end: int
    exact: str
    terms: dict[str, list[turtle.Term]]

    def add(self, name: str, term: turtle.Term) -> None: ...


Candidate = TypeVar("Candidate", bound=Found)

TKG = PREFIXES["tkg"]
#: a name's head word (its last word) → the class of what it names
HEADS = {
    **dict.fromkeys(("Province", "Voivodeship", "Oblast", "State", "Prefecture"), "Province"),
    **dict.fromkeys(("City", "Municipality", "Town"), "City"),
    **dict.fromkeys(("District", "County"), "District"),
    **dict.fromkeys(("Township", "Village"), "Township"),
    **dict.fromkeys(("Region", "Valley", "Basin", "Mountains", "Land", "Belt"), "Region"),
    **dict.fromkeys(("Mine", "Colliery", "Pit", "Plant", "Station", "Museum", "Park", "Grottoes", "Zone"), "Site"),
    **dict.fromkeys(
        (
            "Commission",
            "Committee",
            "Department",
            "Ministry",
            "Bureau",
            "Government",
            "Administration",
            "Office",
            "Agency",
            "Authority",
            "Council",
            "Court",
            "Parliament",
            "Assembly",
        ),
        "GovernmentBody",
    ),
    **dict.fromkeys(
        ("University", "Institute", "Academy", "Laboratory", "College", "Centre", "Center"), "ResearchInstitute"
    ),
    **dict.fromkeys(
        ("Company", "Group", "Corporation", "Corp", "Inc", "Ltd", "GmbH", "AG", "Holdings", "Industries", "Energy"),
        "Company",
    ),
    **dict.fromkeys(("Union", "Association", "Society", "Federation", "Alliance", "Foundation"), "Community"),
}
PLACES = {"Province", "City", "District", "Township", "Region", "Site", "Place"}
#: what a counted noun usually measures, where the indicator's label does not say it
COUNTED = {
    "residents": "population",
    "inhabitants": "population",
    "people": "population",
    "visitors": "tourist visitors",
    "tourists": "tourist visitors",
}
CHANGE = (  # the verb right before the number, "by" or not ("fell 30 percent"; "fell to 30 percent" is a level)
    (
        r"\b(?:down|(?:fell|dropped|declined|decreased|shrank)(?:\s+by)?|cut by|lower by|a drop of|a fall of)\s+$",
        "Decrease",
    ),
    (r"\b(?:up|(?:rose|grew|increased|climbed)(?:\s+by)?|higher by|a rise of|an increase of)\s+$", "Increase"),
)
RELATIONS = (  # words between two names → the relation they state, and how sure the rule is
    (
        r",\s+an?\s+(?:[\w-]+\s+){0,3}?(?:city|town|county|district|village|region|site|mine|museum)\s+in\s+(?:the\s+)?",
        "locatedIn",
        0.8,
    ),
    (r"\s+in\s+(?:the\s+)?(?=[\w ]+(?:Province|Region|County|District|Oblast|Voivodeship|State)\b)", "locatedIn", 0.7),
    (r",?\s+(?:operated|run|managed)\s+by\s+(?:the\s+)?", "operatedBy", 0.8),
    (r"(?:,?\s+(?:is|was)|,)\s+(?:a\s+)?(?:part|unit|subsidiary|branch)\s+of\s+(?:the\s+)?", "partOf", 0.8),
    (r",?\s+owned\s+by\s+(?:the\s+)?", "partOf", 0.6),
)
#: a relation the ontology may lack → the one it offers whose meaning comes closest, and why it is said
FALLBACK = {"operatedBy": ("deployedBy", "the ontology has no tkg:operatedBy; tkg:deployedBy is who runs a thing")}
#: the word a place is called by ("the coal town of X", "X, a mining village in …") → its class
CALLED = {"city": "City", "town": "City", "village": "Township", "township": "Township", "county": "District"}
#: a name's head word that only says what kind of place the rest names ("Heilongjiang Province")
DESIGNATORS = {"Province", "City", "Town", "County", "District", "Township", "Village", "Prefecture", "Oblast"}
#: a role's title in an apposition ("X, director of Y", "X, a professor at Y"): a person's role held in Y
ROLE = (
    r",\s+(?:an?\s+|the\s+)?((?:[a-z-]+\s+){0,2}?(?:director|head|chairman|chairwoman|chair|mayor|secretary|president"
    r"|manager|engineer|professor|researcher|spokesperson|spokesman|spokeswoman|founder|economist|official|governor"
    r"|minister|lecturer|dean|leader|analyst|chief|executive|general\s+manager))\s+(?:of|at)\s+(?:the\s+)?"
)
#: the words after a place's possessive that may name an industry ("coal industry", "tourism sector", "tourism")
INDUSTRY = r"(?:[a-z-]+\s+(?:industry|industries|sector)|[a-z-]+)"
#: words before a number that make it a value aimed for ("aims to raise jobs to 15,000 by 2030")
TARGET = (
    r"\b(?:aims?|aiming|aimed|targets?|targeting|goal|plans?|planning|planned|pledges?|pledged|seeks?|wants?"
    r"|hopes?|intends?|is\s+to|are\s+to)\b[^.;:]{0,60}$"
)
#: a pronoun that says who spoke, after or before the quote ("…," she said / she said: "…")
PRONOUN_AFTER = r"^[,.!?]?[\"”»“]?\s*(he|she)\s+(?:said|says|added|adds|explained|recalled|noted|told|went on)\b"
PRONOUN_BEFORE = r"\b(he|she)\s+(?:said|says|added|adds|explained|recalled|noted|told\s+\w+)[:,]?\s*[\"“„«]?$"
#: words that tell a person's gender, right before the name (Mr, Ms) or after it (he, her)
GENDER = {
    **dict.fromkeys(("mr", "mister", "sir", "he", "his", "him"), "m"),
    **dict.fromkeys(("ms", "mrs", "miss", "madam", "madame", "lady", "she", "her", "hers"), "f"),
}
STOPWORDS = {"of", "the", "in", "a", "an", "and", "from", "to", "by", "for", "on", "at", "per", "share", "number"}


@dataclass(frozen=True)
class Known:
    """What the graph already has: entities by label, indicators and units by lower-cased label."""

    entities: dict[str, str]
    indicators: dict[str, str]
    units: dict[str, str]
    industries: dict[str, str]

    titles: Collection[str]
    #: each entity's classes (local names), and the properties the ontology declares
    classes: Mapping[str, Collection[str]]
    properties: Collection[str]

    @classmethod
    def of(cls, loaded: Loaded, labels: Mapping[str, object], titles: Collection[str]) -> Known:
        def of(klass: str) -> dict[str, str]:
            rows = loaded.store.query(
                f"SELECT ?x ?l WHERE {{ GRAPH ?g {{ ?x a <{TKG}{klass}> }} GRAPH ?h {{ ?x <{PREFIXES['rdfs']}label>"
                f"|<{PREFIXES['skos']}altLabel> ?l }} }} ORDER BY ?x ?l"
            )
            return {row[1].value.lower(): row[0].value for row in rows}

        classes: dict[str, set[str]] = {}
        for row in loaded.store.query("SELECT DISTINCT ?x ?c WHERE { GRAPH ?g { ?x a ?c } }"):
            classes.setdefault(row[0].value, set()).add(row[1].value.removeprefix(TKG))
        owl = "http://www.w3.org/2002/07/owl#"
        properties = {
            row[0].value
            for row in loaded.store.query(f"SELECT ?p WHERE {{ GRAPH ?g {{ ?p a <{owl}ObjectProperty> }} }}")
        }
        return cls(
            {k: str(v) for k, v in labels.items()},
            of("Indicator"),
            of("Unit"),
            of("Industry"),
            titles,
            classes,
            properties,
        )


def _words(text: str) -> set[str]:
    """Content words, cut to five letters ("visitors" and "visits" meet as "visit")."""
    return {w[:5] for w in re.findall(r"[a-z]+", text.lower()) if w not in STOPWORDS and len(w) > 2}


def _sentence(text: str, at: int) -> tuple[int, int]:
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, 0)
    ends = [i for i in (text.find(". ", at), text.find("\n", at)) if i >= 0]
    return start, min(ends) if ends else len(text)


class Proposer(Generic[Candidate]):
    """Proposals for one article's candidates."""

    def __init__(self, text: str, candidates: list[Candidate], known: Known) -> None:
        self.text, self.candidates, self.known = text, candidates, known
        self.names = {_name(c): c for c in candidates if c.kind == "CandidateMention"}
        self.speakers = {
            _text(t) for c in candidates for t in c.terms.get("candidateSpeaker", []) if c.kind != "CandidateMention"
        }
        self.classes: dict[str, str] = {}

    def entity(self, name: str) -> str:
        """The IRI a name is, or will be when its mention is accepted."""
        mention = self.names.get(name)
        if mention is not None:
            for key in ("candidateOf", "proposedMentionOf"):
                if key in mention.terms:
                    return _iri(mention.terms[key][0])
        return self.known.entities.get(name) or TKR_IRI + slug(name)

    def propose(self) -> list[Candidate]:
        for c in self.candidates:
            if c.kind == "CandidateMention" and "candidateName" in c.terms:
                self.mention(c)
        for c in self.candidates:
            if c.kind == "CandidateObservation":
                self.observation(c)
            elif c.kind in ("CandidateQuote", "CandidateRole"):
                self.speech(c)
        return self.candidates + self.relations()

    def mention(self, c: Candidate) -> None:
        name = _name(c)
        partial = {
            iri
            for label, iri in self.known.entities.items()
            if label.startswith(name + " ") or label.endswith(" " + name)
        }
        if len(partial) == 1:
            _add(c, 0.6, f"the graph's {next(iter(partial)).rsplit('/', 1)[-1]} has this name", mentionOf=partial.pop())
            return
        place = self.designated(name)
        if place is not None:
            _add(
                c,
                0.8,
                f"the graph's {place[1]} {place[0].rsplit('/', 1)[-1]} is labelled {place[2]!r}",
                mentionOf=place[0],
            )
            return
        klass, confidence, because = self.klass(name, c.start)
        self.classes[name] = klass
        _add(c, confidence, because, type=TKG + klass)

    def designated(self, name: str) -> tuple[str, str, str] | None:
        """The graph's place a name designates with its kind ("Heilongjiang Province" → the
        province labelled "Heilongjiang"), if it is of the kind's class: its IRI, class and label."""
        *rest, head = name.split()
        if head not in DESIGNATORS or not rest:
            return None
        bare, kind = " ".join(rest), HEADS[head]
        iri = self.known.entities.get(bare)
        return (iri, kind.lower(), bare) if iri and kind in self.known.classes.get(iri, ()) else None

    def klass(self, name: str, at: int) -> tuple[str, float, str]:
        """The class of a new name, how sure, and why."""
        before, after = self.text[max(0, at - 40) : at], self.text[at + len(name) : at + len(name) + 60]
        head = name.split()[-1]
        title = re.search(r"(\w+)\.?\s+$", before)
        if (title and title.group(1) in self.known.titles) or name in self.speakers:
            return "Person", 0.9, "titled or speaking"
        called = re.match(r",\s+an?\s+(?:[\w-]+\s+){0,3}?(city|town|village|township|county)\b", after) or re.search(
            r"\b(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(city|town|village|township|county)\s+of\s+$", before, re.I
        )
        if called:
            return CALLED[called.group(1).lower()], 0.8, f"called a {called.group(1).lower()}"
        if head in HEADS:
            return HEADS[head], 0.8, f"head word {head}"
        if re.match(r",\s+(?:a|an|the)\s+(?:former\s+|retired\s+)?[a-z]+(?:\s+[a-z]+)?,", after) or re.match(
            r",\s+\d{2},", after
        ):
            return "Person", 0.7, "described as a person"
        if re.search(r"\b(?:in|near|from)\s+$", before):
            return "City", 0.5, "after 'in'"
        if len(name.split()) in (2, 3) and all(w[:1].isupper() for w in name.split()):
            return "Person", 0.4, "a name of two or three words"
        return "Organisation", 0.3, "no clue"

    def observation(self, c: Candidate) -> None:
        s_start, s_end = _sentence(self.text, c.start)
        sentence, before = self.text[s_start:s_end], self.text[s_start : c.start]
        # the entity: "in X" in the sentence, else the nearest name before the number, else the article's first place
        names = [(m.start() + s_start, n) for n in self.names for m in re.finditer(rf"\b{re.escape(n)}\b", sentence)]
        named_in = [
            (at, n) for at, n in names if re.search(r"\b(?:in|at)\s+(?:the\s+)?$", self.text[max(0, at - 8) : at], re.I)
        ]
        nearest = [  # not an agent set off in an apposition (", operated by the X,")
            (at, n)
            for at, n in names
            if at < c.start and not re.search(r"\bby\s+(?:the\s+)?$", self.text[max(0, at - 8) : at])
        ]
        about: str | None = None
        if named_in:
            about, why, sure = named_in[0][1], "the place named in its sentence", 0.7
        elif nearest:
            about, why, sure = max(nearest)[1], "the name nearest before it", 0.6
        elif "candidateAbout" in c.terms:
            about, why, sure = None, "the entity nearest before it", 0.5
        else:
            places = [n for n, k in self.classes.items() if k in PLACES]
            about, why, sure = (places[0] if places else None), "the article's first place", 0.3
        props: dict[str, str] = {}
        if about is not None:
            props["observedEntity"] = self.entity(about)
        elif "candidateAbout" in c.terms:
            props["observedEntity"] = _iri(c.terms["candidateAbout"][0])
        measure = next((m for pattern, m in CHANGE if re.search(pattern, before)), None)
        if measure is None and re.search(r"\b(?:times|fold)\b", self.text[c.start : c.end + 12]):
            measure = "Multiple"
        if measure is None and re.search(TARGET, before):
            measure = "Target"
        props["measure"] = TKG + (measure or "Level")
        unit = _text(c.terms["candidateUnit"][0]) if "candidateUnit" in c.terms else "count"
        if unit.lower() in self.known.units:
            props["unit"] = self.known.units[unit.lower()]
        indicator, label, fit = self.indicator(c, sentence, measure not in (None, "Target"))
        if indicator:
            props["indicator"] = indicator
        else:
            props["indicator"], props["indicatorLabel"] = TKR_IRI + "indicator-" + slug(label), label
        scores = {
            "observedEntity": sure,
            "indicator": fit,
            "unit": 0.9 if "candidateUnit" in c.terms else 0.7,  # written, or a count of what is counted
            "measure": {None: 0.7, "Target": 0.7}.get(measure, 0.8),
        }
        _add(c, min(sure, fit), f"{why}; indicator {label!r}", scores, **props)

    def indicator(self, c: Candidate, sentence: str, change: bool) -> tuple[str | None, str, float]:
        """An existing indicator close to the counted noun and the sentence (or, for a change,
        the one of the number before it in the sentence), else a new one's label."""
        counted = _text(c.terms["candidateCounted"][0]) if "candidateCounted" in c.terms else ""
        if change:
            earlier = [o for o in self.candidates if o.kind == "CandidateObservation" and o.start < c.start]
            if earlier and _sentence(self.text, earlier[-1].start) == _sentence(self.text, c.start):
                found = _proposal(earlier[-1], "indicator")
                if found:
                    return found, _proposal(earlier[-1], "indicatorLabel") or found.rsplit("-", 1)[-1], 0.6
        wanted = COUNTED.get(counted, counted)
        if wanted in self.known.indicators:
            return self.known.indicators[wanted], wanted, 0.8
        near = _words(wanted) | _words(sentence)
        scored = sorted(
            ((len(_words(label) & near) / len(_words(label) or {""}), label) for label in self.known.indicators),
            reverse=True,
        )
        if scored and scored[0][0] > 0.5 and _words(scored[0][1]) & (_words(wanted) or near):
            return self.known.indicators[scored[0][1]], scored[0][1], 0.5
        subject = re.search(  # "the jobless rate fell to 6 percent": what the clause's verb says of its subject
            r"(?:the|its|their)\s+((?:[a-z-]+\s+){0,2}[a-z-]+)\s+(?:fell|rose|dropped|climbed|grew|reached|stood|was|is|hit)\b"
            r"[^.;]*$",
            sentence[: c.start - _sentence(self.text, c.start)[0]],
        )
        aimed = re.search(  # "raise jobs in battery making to 15,000": what is raised or cut
            r"\b(?:raise|cut|increase|lift|bring|reduce|grow|boost|expand|double|lower)\s+(?:the\s+|its\s+|their\s+)?"
            r"((?:[a-z-]+\s+){0,4}?[a-z-]+)\s+to\s+$",
            sentence[: c.start - _sentence(self.text, c.start)[0]],
        )
        after = re.match(r"\s*(?:of\s+|in\s+)?((?:[a-z-]+\s*){1,2})", self.text[c.end : c.end + 40])
        written = after.group(1).strip() if after and after.group(1).split()[0] not in STOPWORDS else "value"
        label = wanted or (aimed.group(1) if aimed else subject.group(1) if subject else written)
        return None, label, 0.3

    def speech(self, c: Candidate) -> None:
        speaker = _text(c.terms["candidateSpeaker"][0]) if "candidateSpeaker" in c.terms else ""
        pronoun = re.match(PRONOUN_AFTER, self.text[c.end : c.end + 30]) or re.search(
            PRONOUN_BEFORE, self.text[max(0, c.start - 30) : c.start]
        )
        if pronoun and c.kind == "CandidateQuote":  # "she said": the last person named she can be
            person = self.last_person(c.start, GENDER[pronoun.group(1).lower()])
            if person:
                why = f"{pronoun.group(1)!r}: the last person named before who can be"
                _add(c, 0.6, why, speaker=self.entity(person))
                return
        if not speaker[:1].isupper():
            _add(c, 0.2, "no speaker named")
            return
        props = {"speaker": self.entity(speaker)}
        organisation = c.terms.get("candidateOrganisation")
        if organisation and c.kind == "CandidateRole":
            props["roleIn"] = self.entity(_text(organisation[0]))
        _add(c, 0.8, "the speaker the sentence names", {"roleIn": 0.7}, **props)

    def people(self) -> set[str]:
        """The names of persons: new ones proposed as persons, and the speakers named."""
        return {n for n, k in self.classes.items() if k == "Person"} | {n for n in self.speakers if n in self.names}

    def gender(self, name: str) -> str | None:
        """A person's gender as the text tells it: a title before the name (Mr, Ms), else the
        first pronoun after it (he, her) before any other person is named."""
        others = [n for n in self.people() if n != name]
        for m in re.finditer(rf"\b{re.escape(name)}\b", self.text):
            title = re.search(r"\b(\w+)\.?\s+$", self.text[max(0, m.start() - 10) : m.start()])
            if title and title.group(1).lower() in GENDER:
                return GENDER[title.group(1).lower()]
            after = self.text[m.end() : m.end() + 200]
            cut = min([after.find(o) for o in others if o in after] + [len(after)])
            said = re.search(r"\b(he|his|him|she|her|hers)\b", after[:cut], re.I)
            if said:
                return GENDER[said.group(1).lower()]
        return None

    def last_person(self, before: int, gender: str) -> str | None:
        """The last person named before ``before`` whose gender the text does not contradict."""
        named = sorted(
            (m.start(), n) for n in self.people() for m in re.finditer(rf"\b{re.escape(n)}\b", self.text[:before])
        )
        return next((n for _, n in reversed(named) if self.gender(n) in (None, gender)), None)

    def made(self, kind: str, start: int, end: int, **found: str) -> Candidate:
        """A candidate of extract's kind, made anew, with what it found as written."""
        c = copy.copy(self.candidates[0])
        c.kind, c.start, c.end, c.exact, c.terms = kind, start, end, self.text[start:end], {}
        for name, value in found.items():
            c.add("candidate" + name, turtle.text(value))
        return c

    def roles(self, spans: list[tuple[int, int, str]]) -> list[Candidate]:
        """Roles of people named with their title and where they hold it, who need not speak
        ("Zhou Bin, director of the Hengling Energy Bureau, …")."""
        roles = [c for c in self.candidates if c.kind == "CandidateRole"]
        held = {_text(t) for c in roles for t in c.terms.get("candidateSpeaker", [])}
        out = []
        for (a, a_end, person), (b, b_end, where) in itertools.pairwise(spans):
            m = re.fullmatch(ROLE, self.text[a_end:b])
            if not m or person in held or person not in self.people():
                continue
            held.add(person)
            c = self.made("CandidateRole", a, b_end, Speaker=person, Role=m.group(1), Organisation=where)
            why = "the title and place the apposition gives"
            _add(c, 0.7, why, {"speaker": 0.8}, speaker=self.entity(person), roleIn=self.entity(where))
            out.append(c)
        return out

    def industries(self) -> list[Candidate]:
        """A place's industry in "Y's coal industry" (an industry of the ontology's, by label)."""
        out, seen = [], set()
        for name in self.names:
            if self.classes.get(name, "Place") not in PLACES or not name[:1].isupper():
                continue
            pattern = rf"\b{re.escape(name)}['’]s\s+((?:[a-z-]+\s+){{0,3}}?{INDUSTRY})\b"
            for m in re.finditer(pattern, self.text):
                words = m.group(1)
                bare = re.sub(r"\s+(?:industry|industries|sector)$", "", words)
                industry = self.known.industries.get(words) or self.known.industries.get(bare)
                if industry is None or (name, industry) in seen:
                    continue
                seen.add((name, industry))
                c = self.made("CandidateRelation", m.start(), m.end(), SubjectName=name, ObjectName=words)
                _add(
                    c,
                    0.7,
                    "a place's industry, named with it",
                    {"subject": 0.9, "object": 0.8, "basis": 0.9},
                    subject=self.entity(name),
                    predicate=TKG + "hasIndustry",
                    object=industry,
                    basis=TKG + "Stated",
                )
                out.append(c)
        return out

    def predicate(self, wanted: str) -> tuple[str, str]:
        """The ontology's property for a relation (or the closest it offers), and why it is proposed."""
        because = "the words between the two names"
        if TKG + wanted in self.known.properties or wanted not in FALLBACK:
            return wanted, because
        closest, note = FALLBACK[wanted]
        return closest, f"{because}; {note}"

    def relations(self) -> list[Candidate]:
        """Relations between two names that the words between them state."""
        found = {
            (m.start(), m.end(), n)
            for n in self.names
            if n[:1].isupper()  # names, not an industry's label found in the text ("mining")
            for m in re.finditer(rf"\b{re.escape(n)}\b", self.text)
        }
        for m in re.finditer(r"\b[Tt]he ([a-z]+)\b", self.text):  # "the bureau": the last name with that head word
            named = [(a, n) for a, _, n in found if a < m.start() and n.split()[-1].lower() == m.group(1)]
            if named:
                found.add((m.start(), m.end(), max(named)[1]))
        spans = sorted(s for s in found if not any(o[0] <= s[0] and s[1] <= o[1] and o != s for o in found))
        out: list[Candidate] = []
        seen: set[tuple[str, str, str]] = set()
        for (a, a_end, subject), (b, b_end, obj) in itertools.pairwise(spans):
            between = self.text[a_end:b]
            for pattern, wanted, sure in RELATIONS:
                predicate, because = self.predicate(wanted)
                if not re.fullmatch(pattern, between) or (subject, predicate, obj) in seen:
                    continue
                if predicate == "locatedIn" and self.classes.get(obj, "Place") not in PLACES:
                    continue
                seen.add((subject, predicate, obj))
                c = self.made("CandidateRelation", a, b_end, SubjectName=subject, ObjectName=obj)
                _add(
                    c,
                    sure,
                    because,
                    {"subject": 0.9, "object": 0.9, "basis": 0.9},
                    subject=self.entity(subject),
                    predicate=TKG + predicate,
                    object=self.entity(obj),
                    basis=TKG + "Stated",
                )
                out.append(c)
                break
        return out + self.roles(spans) + self.industries()


def _text(term: turtle.Term) -> str:
    """The text of a literal (or of any term)."""
    return str(getattr(term, "value", term))


def _iri(term: turtle.Term) -> str:
    """The IRI of a term: a pyoxigraph IRI, or a name as :func:`~transition_kg.core.turtle.name` writes it."""
    value = _text(term)
    prefix, _, local = value.partition(":")
    return value.strip("<>") if value.startswith("<") else PREFIXES[prefix] + local if prefix in PREFIXES else value


def _name(c: Found) -> str:
    return _text(c.terms["candidateName"][0]) if "candidateName" in c.terms else c.exact


def _proposal(c: Found, name: str) -> str | None:
    terms = c.terms.get("proposed" + name[0].upper() + name[1:])
    return (_text(terms[0]) if name == "indicatorLabel" else _iri(terms[0])) if terms else None


def _add(c: Found, confidence: float, because: str, sure: Mapping[str, float] | None = None, **props: str) -> None:
    """Add proposals (IRIs, the label of a new indicator as text), each with how sure it is
    (``sure`` by field, else ``confidence``: a ``tkg:proposalConfidence`` node), the least of
    them as the candidate's confidence, and why."""
    scores = []
    for name, value in props.items():
        key = "proposed" + name[0].upper() + name[1:]
        c.add(key, turtle.text(value) if name == "indicatorLabel" else turtle.name(value))
        if name == "indicatorLabel":  # sure as its indicator is
            continue
        score = (sure or {}).get(name, confidence)
        scores.append(score)
        c.add(
            "proposalConfidence",
            turtle.Blank([("tkg:proposalOf", f"tkg:{key}"), ("tkg:confidence", turtle.number(Decimal(str(score))))]),
        )
    c.add("confidence", turtle.number(Decimal(str(min(scores, default=confidence)))))
    c.add("proposedBecause", turtle.text(because))


def propose(
    text: str, candidates: list[Candidate], loaded: Loaded, labels: Mapping[str, object], titles: Collection[str]
) -> list[Candidate]:
    """The candidates with their proposals, and the relations found, appended: ``labels`` are the
    graph's entities by label (the gazetteer's), ``titles`` the words that title a person."""
    return Proposer(text, candidates, Known.of(loaded, labels, titles)).propose()
