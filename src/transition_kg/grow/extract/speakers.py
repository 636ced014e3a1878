"""Quotes and their speakers: the speaker named after, before or around a quote, pronouns and
surnames resolved to the last person named, and the role and organisation the article gives them."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable

from ...core import turtle
from .lexicon import (
    ACRONYM,
    COMPANY_WORDS,
    FUNCTION_WORDS,
    HELD_NOUNS,
    HONORIFICS,
    MEMBER_TITLES,
    NOT_ROLES,
    NUMBERED_UNITS,
    OCCUPATIONS,
    ORG_NOUNS,
    ORG_WORDS,
    PART_NOUNS,
    PARTICLES,
    PLACE_WORDS,
    PORTFOLIO_TITLES,
    PUBLIC_WORDS,
    SITES,
    SPEECH,
    STOP,
    TITLE_MODIFIERS,
    TITLE_WORDS,
    TITLES,
    UPPER,
)
from .names import ABBREVIATED, COMPANY_ABBREVIATIONS, LISTED_NAME, Name, find_names, name_words
from .text import (
    Candidate,
    Gazetteer,
    Occurrences,
    credits,
    end_before,
    quote_segments,
    sentence_spans,
    unwrapped,
    within,
)

#: a role held in a company ("Chief Operating Officer", "President Director", "chief executive")
CORPORATE = re.compile(r"\b(?:Officer|CEO|Managing Director|President Director|[Cc]hief [Ee]xecutive)\b")
#: what a person is called by before their name, which the role the article gives them elsewhere replaces ("Cr
#: Hollis", a councillor's form of address, said by a mayor too)
_ADDRESSES = HONORIFICS | {"Cr", "Cllr"}
_ADDRESS_WORDS = "|".join(sorted(_ADDRESSES))


_ROLE = (  # never from inside a possessive ("The plant's chief executive": not "s chief executive")
    rf"(?<!['’])(?:(?:(?!(?:a|an|the|its|their|his|her|was|is|were|has|had|as|who|and|of|at|in|to|according)\b)[\w-]+"
    rf"(?:['’](?!s\b))?\s+){{0,3}}"
    rf"(?:(?:vice|co|sub|assistant|deputy)-)?(?:{OCCUPATIONS})(?:\s+(?:{OCCUPATIONS})\b)?"
    r"(?:[\s-]general\b)?"  # "secretary-general", "director general"
    r"(?:\s+(?:of|for)(?:\s+(?!(?:the|a|an|at|in|of|for|with|and|who|to|from|since)\b)[a-z][\w-]*){1,3}"
    r"(?=,|\s+at\s))?"
    r"(?:\s+of\s+(?!(?:the|a|an)\b)[a-z][\w-]*)?)"
)
_ORG = (  # a name, and the kind of site it names when it goes on in lower case ("the Bełchatów mine")
    r"(?:[a-z][\w-]*\s+){0,2}?(?:[A-Z][\w-]*-based\s+(?:[a-z][\w-]*\s+){0,2}?)?"  # "at the wind developer Vientos
    # del Nalón", "at the Podgorica-based think tank Eco Balkans Forum"
    rf"(?:[A-Z][\w-]*\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:think[ -]tank|{ORG_NOUNS})\s+(?=[A-Z]))?"  # "at the Sarajevo think
    # tank Energetski Forum": a place before the body's kind, the body named after it
    rf"((?:(?={LISTED_NAME.pattern})(?:[A-Z][a-z]+,\s)+)?"  # "the Rail, Tram and Bus Union"
    r"[A-Z][\w'’&-]*(?:\s+\d{1,5}\b)?(?:\s+(?:(?:of|and|for|de|del|&)(?:\s+the)?|the)?\s*[A-Z][\w'’&-]*"
    + "".join(rf"(?:(?<={unit})\s+\d{{1,5}}\b)?" for unit in sorted(NUMBERED_UNITS))  # "… Workers Local 1271"
    + r")*"
    r"(?:(?<=\s[A-Z])\.(?:[A-Z]\.)+)?"  # a company's dotted form closes it: "Kestane Enerji A.Ş.", "… S.A."
    r"(?:\s+(?:open-pit\s+|opencast\s+|coal\s+|lignite\s+)?(?:mine|power station|power plant|plant|colliery|"
    r"steelworks|smelter)\b)?)"
).replace("[A-Z]", f"[{UPPER}]")  # any capital: "the Šikulje branch", "Ústí nad Labem"


#: a full stop, not one after an initial, "No." or an honorific ("Mr. Jones")
_FULL_STOP = (  # not a title's ("Sen. X", "Gov. X")
    r"(?<!\b[A-Z])(?<!\bNo)(?<!\bMr|\bMs|\bDr|\bSt|\bLt)(?<!\bMrs|\bSen|\bRep|\bGov|\bGen|\bCol|\bRev|\bHon|\bSgt)"
    r"(?<!\bProf|\bCapt|\bEngr)\."
)
#: a word of an apposition before the noun it calls a name ("X, the largest miner"), not a preposition ("X, an engineer
#: at the company": a person)
_NOT_A_PREPOSITION = r"(?!(?:at|of|for|with|in|from|on|by)\s)"
#: words after a speaker's name that are no role ("Its spokesman, Ali Khan, later said")
#: possessive determiners: a capitalised word after one is a word of a role ("Its Vaal regional secretary"), no name
_POSSESSIVES = {"Its", "Their", "His", "Her", "Our", "My", "Your"}
_ADVERBS = {"later", "also", "then", "again", "earlier", "previously", "meanwhile", "however", "too"}
#: a sentence's end inside a phrase (not after an initial or "No.")
_TOLD = re.compile(r"\btold\s+\Z")
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bNo)\.\s+")


def _post_of(text: str, name: Name, found: list[Name]) -> tuple[str, str, str] | None:
    """(person, post, organisation) when a tag's first name is whose post a person after it holds: "PGE GiEK's chief
    executive, X, said", "KLCL managing director X said" (an acronym)."""
    if len(found) < 2:
        return None
    between = text[name.end : found[1].start]
    owned = re.fullmatch(r"['’]s\s+([a-z][\w-]*(?:\s+[a-z][\w-]*){0,5}),\s+", between)  # "head of just energy …"
    if owned and (found[1].person or (not name.person and re.match(r"\s*,", text[found[1].end :]))):
        return found[1].text, owned.group(1), name.text
    post = re.fullmatch(r"\s+([a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})\s+", between)
    if post and found[1].person and name.text.isupper() and len(name.text) >= 2:
        return found[1].text, post.group(1), name.text
    if post and found[1].person and not name.person and _BODY_POST.search(post.group(1)):
        return found[1].text, post.group(1), name.text  # "Y spokesperson X tweeted", "Y energy expert X"
    return None


#: a post a body's name opens ("Y spokesperson X"), not a trade a place opens ("Y coal miner X", "Y resident X")
_BODY_POST = re.compile(r"\b(?:spokes(?:person|man|woman)|expert|analyst|economist|researcher|professor|lecturer)$")


def _speaker_in(phrase: str, offset: int, text: str, names: list[Name], lower_words: set[str]):
    """(speaker, role, organisation) from the words around a speech verb; None when none is given."""
    phrase = re.split(rf"{_FULL_STOP}(?:\s|$)|;|\n", phrase, maxsplit=1)[0]
    titled = _titled_person(phrase, text, names, offset)
    if titled:
        return titled  # "the prime minister wrote": the person the article gave that title
    unnamed = re.match(
        r"\s*((?:a|an|the|one)\s+(?:[\w-]+\s+){0,3}?[a-z][\w-]*?)(?=\s*(?:,|$|\s+(?:of|at|for|from|in|who|with)\b))",
        phrase,
    )
    named_next = (
        unnamed
        and re.match(  # "said the worker, Mr. Guo, 39": Guo
            rf",\s+(?:[{UPPER}][\w'’-]+|(?:{_ADDRESS_WORDS})\.?)\s+[{UPPER}]", phrase[unnamed.end() :]
        )
    )
    if unnamed and not named_next and not re.match(r"\s*the\s+(?:[A-Z])", phrase):  # "the spokesman, Li Wei": Li Wei
        words = unnamed.group(1)
        tail = phrase[unnamed.end() :]
        org = re.match(  # a name over a list's commas: "the Department of Roads, Ports and Regions"
            r"\s*(?:of|at|for|from)\s+(?:the\s+)?([A-Z][^,]*(?:(?:,\s+[A-Z][\w'’-]*)+,?\s+and\s+[A-Z][\w'’-]*\b)?)",
            tail,
        )
        return words, None, (org.group(1).strip() if org else None)
    found = [
        n
        for n in find_names(text, lower_words, offset, offset + len(phrase), starts=set())
        if not n.text.isdigit()
        and n.text not in STOP  # "Its chairman, X, said": X
        and n.text.split()[0] not in _POSSESSIVES  # "Its Hunter district secretary, X, said": X
        and not re.fullmatch(r"[A-Z][a-z]+(?:ed|ing)", n.text)  # "Asked about the plan, X said": X
    ]
    if not found:
        pronoun = re.match(r"\s*(he|she|they|it)\b", phrase, re.I)
        return ("", None, pronoun.group(1).lower()) if pronoun else None  # the pronoun, for _complete
    name, held_at = found[0], None
    if (
        len(found) > 1
        and found[1].person
        and found[1].title
        and (
            (not name.person and not text[name.end : found[1].start].strip())
            or re.fullmatch(rf"['’]s\s+{re.escape(found[1].title)}\s+", text[name.end : found[1].start])
        )
    ):  # "Deputy Mayor of Tychy Jan Nowak", "North Rhine-Westphalia's Economy Minister X": the person, and where
        name, held_at = found[1], found[0].text
    elif (
        len(found) > 1
        and not name.person
        and found[1].person
        and text[name.end : found[1].start] == ", "
        and text[found[1].end : found[1].end + 1] == ","
    ):  # "A spokeswoman for Pernishka Energia, Gergana Petkova, wrote": the person set off after the body
        name = found[1]
    posted = _post_of(text, name, found)
    if posted:
        return posted
    role = organisation = None
    tail = text[name.end : offset + len(phrase)]
    apposition = re.match(r",\s+(.*)", tail)
    lead = text[offset : name.start].strip(" ,")
    lead = re.sub(rf"^{SPEECH}\s*", "", lead).strip()
    speaker = name.text
    if lead and all(word in PARTICLES for word in lead.split()):
        speaker, lead = f"{lead} {name.text}", ""  # "van der Walt told": the particles are the surname's
    described = lead if lead and re.match(r"[a-z]", lead) else ""  # "said the worker, Mr. Guo, 39": worker, not 39
    role_text = (
        apposition.group(1) if apposition and not (described and apposition.group(1)[:1].isdigit()) else described
    )
    if role_text:
        role_text = re.split(r"(?:^|\s+)(?:who|which|whose)\s|,", role_text)[0]
        owning = _OWNER_OPENS.match(role_text)  # "the National Union of Mineworkers' regional secretary for the
        role_text = role_text[owning.end() :] if owning else role_text  # Highveld": the union, not cut at "of"
        parts = re.split(r"\s+at (?:the )?", role_text, maxsplit=1)  # "director of the office at the Bureau"
        if len(parts) == 1:
            parts = re.split(r"\s+(?:of|for|from|with) (?:the )?", role_text, maxsplit=1)
        if len(parts) == 1:
            parts = re.split(r"\s+in (?=[A-Z])", role_text, maxsplit=1)  # "a councillor in Ekibastuz": Ekibastuz
            if re.match(r"(?:the\s+)?[a-z][\w-]*['’]s\s", role_text):  # "the union's secretary in Y": where the
                parts = parts[:1]  # union's post is, not the union
        role = re.sub(r"^(?:a|an|the)\s+", "", parts[0].strip(" ,")) or None
        organisation = parts[1].strip(" ,.") if len(parts) > 1 else None
        body = re.fullmatch(rf"((?:[{UPPER}][\w'’&-]*\s+){{1,3}})([a-z][\w\s-]*)", role or "")
        if body and organisation and re.match(r"\s+for\s", role_text[len(parts[0]) :]):
            role, organisation = body.group(2), body.group(1).strip()  # "Y president for Z": Y's, Z its branch's
        if organisation:  # "a fitter at Matimba for 22 years": Matimba
            organisation = (  # "an analyst at Sahyadri Securities in Mumbai": Sahyadri Securities
                re.split(r"\s+(?:for|since|in|until|from)\s+(?:\d|the past|more)|\s+in\s+(?=[A-Z])", organisation)[0]
                or None
            )
        local = re.match(rf"(?:{'|'.join(NUMBERED_UNITS)}) \d+\b", organisation or "")
        organisation = local.group(0) if local else _whole(_owner(organisation))  # "Local 1197 of the …": the local
        organisation = owning.group(1) if owning else organisation
        if organisation and re.fullmatch(HELD_NOUNS, organisation):  # "the council's finance committee": the council
            organisation = _named_as(text, names, organisation, offset) or organisation
        if role and (role[0].isdigit() or not re.match(r"[a-z]", role) or role in _ADVERBS):
            role = None  # "Piotr Nowak, 54,": an age; "Ali Khan, later said": no role
        role, organisation = _owned_role(text, names, role, offset) or (role, organisation)
        organisation = None if role and _RESIDENT.search(role) else organisation  # "a resident of Y": a place
        owner = re.match(r"[a-z][\w-]*['’]s\s+(?=[a-z])", role or "")
        role = role[owner.end() :] if role and owner else role  # "the union's chairman", no union named: chairman
    if role is None and name.title:
        role = name.title
    noun = re.match(rf"({HELD_NOUNS})\s+[a-z]", role or "")
    if noun and not (organisation or held_at):  # "company spokesman X": the company named before
        organisation = _named_as(text, names, noun.group(1), offset)
    return speaker, role, organisation or held_at


def _owned_role(text: str, names: list[Name], role: str | None, at: int) -> tuple[str, str] | None:
    """A role an organisation's possessive gives ("the union's regional chairman"): the role, and the organisation
    of that kind named last before ``at`` (by a word of its name, "… Union", or an apposition, "X, the union …")."""
    owned = re.fullmatch(rf"({HELD_NOUNS})['’]s\s+(.+)", role or "")
    named = _named_as(text, names, owned.group(1), at) if owned else None
    return (owned.group(2), named) if owned and named else None


def _named_as(text: str, names: list[Name], noun: str, at: int, seen: Occurrences | None = None) -> str | None:
    """The organisation "the union", "the council", "the bureau" or "the company" at ``at`` is: the last one named
    before it (1500 characters back at most) by a word of its name ("… Union", "… Council", a company's word; with
    ``seen``, a company's short name too: "Westbright" of "Westbright Energy"), by the noun written after it
    ("Yangcheng county") or by an apposition ("X, the union that …")."""
    called = re.compile(  # not "X, the company's director": the role's determiner
        rf",\s+(?:the|a|an)\s+(?:{_NOT_A_PREPOSITION}[\w'’-]+\s+){{0,4}}?{noun}\b(?!['’]s)"
    )
    for n in reversed(names[: bisect.bisect_left(names, at, key=lambda n: n.start)]):
        if at - n.end > 1500:
            break
        words = set(n.text.split())
        after = n.end + 1 + len(noun)
        if not n.person and text[n.end : after].casefold() == " " + noun and not text[after : after + 1].isalnum():
            return text[n.start : after]  # "Yangcheng county": "the county"
        if not n.person and (
            noun.capitalize() in words
            or (noun == "company" and words & COMPANY_WORDS and not words & _NOT_COMPANIES)  # not "… Energy Union"
            or (noun == "company" and seen is not None and _short_company(seen, n.text))
            or called.match(text, n.end, n.end + 80)
        ):
            owner = _TITLE_OWNS.search(text, max(0, n.start - 40), n.start)
            return owner.group(0) + n.text if owner else n.text  # "the Governor's Office of …": all of its name
    return None


#: a title's possessive written before a body's name, a part of that name ("Governor's Office of Economic Opportunity")
_TITLE_OWNS = re.compile(rf"(?<![\w'’-])(?:{'|'.join(sorted(TITLES))})['’]s\s\Z")


def _short_company(seen: Occurrences, name: str, title: str = "") -> bool:
    """Whether the text writes ``name`` elsewhere as the first words of a company's ("Westbright Energy"), not where
    ``title`` follows it (the title being read: "Provincial Energy Secretary" is no company "Provincial Energy");
    read once per name and title."""
    own = f" {title}"
    return seen.once(
        ("short company", name, title),
        lambda: any(
            _COMPANY_NEXT.match(seen.text, at + len(name)) and not (title and seen.text.startswith(own, at + len(name)))
            for at in seen.of(name)
        ),
    )


#: the rest of a company's name after its first words ("… Energy", "… Mining Co"), not a union's ("… Energy Union")
_COMPANY_NEXT = re.compile(rf"\s+(?:[{UPPER}][\w'’-]*\s+){{0,2}}(?:{'|'.join(sorted(COMPANY_WORDS))})\b(?!\s+Union)")


#: words of a name that make it no company, though a company's word is in it ("Mining and Energy Union")
_NOT_COMPANIES = PUBLIC_WORDS | {"Union", "Federation", "Confederation", "Association", "Party"}


#: a speech verb right after a quote, where "confirmed" tells who spoke ("“…,” spokesman X confirmed"); before a
#: quote or a figure it is no speech ("X confirmed 300 jobs")
_SAID_AFTER = rf"(?:{SPEECH}|confirmed|confirms)"


#: a name and its apposition, however long, before a speech verb after a quote, no quote mark between ("“…,” X, the
#: head of … at the Y office in Z district, said on Friday")
_NAMED_THEN_SAID = re.compile(rf"\s*,?\s*([^\"“”„«»]{{1,140}}?)\s+{_SAID_AFTER}\b")


def quotes(text: str, names: list[Name], lower_words: set[str], gazetteer: Gazetteer) -> list[Candidate]:
    """Quotes with their speakers, read on the text with a hard-wrapped page's lines joined (the same offsets); each
    candidate's words as the page writes them."""
    joined = unwrapped(text)
    credited = credits(text)  # a byline's or a picture credit's people: none of them is a speaker, nor "he"
    out = _quotes(joined, [n for n in names if not within(credited, n.start)], lower_words, gazetteer)
    for c in out:
        c.exact = text[c.start : c.end] if c.exact == joined[c.start : c.end] else c.exact
    return out


def _quotes(text: str, names: list[Name], lower_words: set[str], gazetteer: Gazetteer) -> list[Candidate]:
    """Quotes with their speakers: after the quote ("…," said Mayor Katrin Möller / she said /
    Blevins said / a local pastor said), before it (Ma Lei said: "…"), in the next sentence,
    a pronoun as the last person named, and the rest of the quote (or its next paragraph) alike."""
    segments = quote_segments(text)
    mentions = _people(text, names)
    for m in _REFERENCE.finditer(text):  # "The reeve said …": a mention of the reeve, whom a "she" after is
        found = _titled_person(m.group(0), text, names, m.start())
        if found:
            mentions.append((m.start(), found[0]))
    mentions.sort()
    bounds = [a for a, _ in sentence_spans(text)]
    sentence_of = lambda at: bounds[bisect.bisect_right(bounds, at) - 1] if bounds else 0
    seen = Occurrences(text)
    written = sorted(mentions + [(n.start, n.text) for n in names if 2 <= len(name_words(n.text)) <= 5])
    holding = _holding(written)
    speakers: dict[int, tuple] = {}  # group → (speaker, role, organisation)
    attributed: list[tuple | None] = []
    for k, (start, end, group, closed) in enumerate(segments):
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        after_start = end + 1 if closed else end
        after = text[after_start:line_end]
        line_start = text.rfind("\n", 0, start) + 1
        last = segments[k - 1][1] if k else -1  # the segments are in order and do not overlap
        previous_end = last + 1 if last >= line_start else line_start
        before = text[previous_end : start - 1]
        who = None
        said = re.match(rf"\s*,?\s*{_SAID_AFTER}\s+", after)
        named_then_said = _NAMED_THEN_SAID.match(after)
        said_before = re.search(rf"(.{{1,120}}?)\s+{SPEECH}(?:\s+\w+){{0,3}}\s*[:,]\s*$", before)
        if said_before and closed and text[end - 1 : end] == ".":  # "X wrote: "…." She did not say …": the tag
            said = named_then_said = None  # before the quote, which ends its sentence, is the one
        if said:
            who = _speaker_in(after[said.end() :], after_start + said.end(), text, names, lower_words)
        if who is None and named_then_said and not re.search(rf"(?:{_FULL_STOP}|[!?])\s", named_then_said.group(1)):
            who = _speaker_in(
                named_then_said.group(1), after_start + named_then_said.start(1), text, names, lower_words
            )
        if who is None and said_before:
            phrase, at = said_before.group(1), previous_end + said_before.start(1)
            ends = list(_SENTENCE_END.finditer(phrase))  # the sentence of the verb: "… a rally. Its chairman, X, said:"
            phrase, at = (phrase[ends[-1].end() :], at + ends[-1].end()) if ends else (phrase, at)
            who = _speaker_in(phrase, at, text, names, lower_words)
        if who is None and closed:  # the next sentence: "…," Krüger said later. / "…." He said…
            nxt = re.match(rf"\s*([^.!?\"“„«]{{1,60}}?)\s+{SPEECH}\b", after)
            if nxt:
                who = _speaker_in(nxt.group(1), after_start + nxt.start(1), text, names, lower_words)
        if who is None:  # "X said the plan offers "…"", "Y called the site "…"": the subject of the verb before
            who = _subject_before(text, names, mentions, sentence_of(start), start)
        if who is None:  # "Jan Kowal, a retired miner, put it bluntly: "…"": the person the sentence opens on
            who = _opening_person(text, mentions, sentence_of(start), start)
        if who is None and not text[line_start:start].strip(" \"“„«‘'"):  # the paragraph before closing on a colon
            who = _colon_above(text, mentions, end_before(text, line_start), sentence_of)
        if who is None and closed:  # "…" That was the verdict of Anna Weber, …
            verdict = re.match(r"\s*(?:That|This|Such) (?:was|is) (?:also )?the \w+ of\s+", after)
            if verdict:
                who = _speaker_in(after[verdict.end() :], after_start + verdict.end(), text, names, lower_words)
        alone = closed or k + 1 == len(segments) or segments[k + 1][2] != group  # (an open one going on nowhere)
        if who is None and alone and last < line_start and not after.strip(' .,!?"”»'):  # paragraph's only quote
            who = _only_person(text, mentions, line_start, start)
        if who is not None:
            who = _complete(who, seen, names, mentions, (written, holding), sentence_of(start), start)
        if who is not None and group not in speakers:
            speakers[group] = who
        attributed.append(who)
    for k, (start, _, group, _) in enumerate(segments):  # a quote with no speech tag at all after reported speech
        if group not in speakers and not (k and segments[k - 1][2] == group):
            reported = _reported_before(text, names, mentions, start)
            found = reported and _complete(
                reported[0], seen, names, mentions, (written, holding), sentence_of(reported[1]), reported[1]
            )
            if found:
                speakers[group] = found
    heard: list[tuple[int, str, tuple | None]] = []  # each quote's start, words and speaker
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
            and (
                (text[previous[1] : start].count("\n") == 0 and len(text[previous[1] : start]) < 200)
                or _paragraph_after(text, previous[1], start, end)
            )
        ):
            who = previous[0]
        if who:
            speakers.setdefault(group, who)  # the quote's next paragraph is the same speaker's
            previous = (who, start + len(words))
        heard.append((start, words, who))
    _headline_speakers(text, heard)
    return _candidates(text, heard, seen, gazetteer)


def _candidates(
    text: str, heard: list[tuple[int, str, tuple | None]], seen: Occurrences, gazetteer: Gazetteer
) -> list[Candidate]:
    """Each quote heard (its start, words and speaker) that is speech, with its speaker, role and organisation, and
    each speaker's role once."""
    out = []
    roles: set[tuple[str, str]] = set()
    spoken = -1  # where the last quote kept as speech ends
    for start, words, who in heard:
        between = text[spoken:start] if 0 <= spoken <= start else "\n"
        going_on = "\n" not in between and len(between) < 80 and re.search(rf"\b{SPEECH}\b", between) is not None
        if not (len(words.split()) >= 6 or who or going_on):
            continue  # a quoted term ("coal capital"), not speech; but "“…,” she said. “You talk, and …”" is
        spoken = start + len(words)
        c = Candidate("CandidateQuote", start, start + len(words), words)
        if who:
            speaker, role, organisation = who[0], _plain_role(who[1]), who[2]
            if not speaker.startswith("the "):  # "the wife of a miner said": a definite common noun, no one's name
                c.add("candidateSpeaker", turtle.text(speaker))
            entity = gazetteer.labels.get(speaker)
            if entity is not None:
                c.add("candidateAbout", turtle.iri(entity))
            if role:
                c.add("candidateRole", turtle.text(role))
            organisation = _as_written(seen, organisation)
            if organisation:
                c.add("candidateOrganisation", turtle.text(organisation))
            if role and (speaker, role) not in roles:
                roles.add((speaker, role))
                out += _role(seen, speaker, role, organisation)
        out.append(c)
    return out


#: words that open a role's phrase without being part of the role: "Another worker, X", "Neither Wyoming Governor X",
#: "But coal miner X"
_ROLE_LEAD = re.compile(r"(?:another|neither|nor|either|both|even|also|one|but)\s+(?=\S)", re.I)


#: "Local" before a member's title, which the title holds already ("Local MLA X": MLA; not "Local estate agent")
_LOCAL_MEMBER = re.compile(rf"[Ll]ocal\s+(?=(?:{'|'.join(sorted(MEMBER_TITLES))})$)")


def _plain_role(role: str | None) -> str | None:
    """The role without a leading "another"/"neither"/… ("Another worker, X": worker), nor "Local" before a
    member's title."""
    lead = _ROLE_LEAD.match(role or "") or _LOCAL_MEMBER.match(role or "")
    return role[lead.end() :] if role and lead else role


def _full_name(seen: Occurrences, body: str) -> str:
    """A company's name in full where the text wrote it so before: "Morven Coal" of "Morven Coal ULC"."""
    full = _COMPANY_NEXT.match(seen.text, seen.first(body) + len(body)) if seen.first(body) >= 0 else None
    return body + full.group(0) if full else body


def _as_written(seen: Occurrences, organisation: str | None) -> str | None:
    """An organisation as its name is written: where it is based dropped ("Mumbai-based Kavach Securities"), a
    company's abbreviation with its full stop and those after it ("Fuxin Xinfeng Wind Power Co., Ltd.")."""
    if not organisation:
        return organisation
    organisation = re.sub(r"^[\w'’-]+-based\s+(?=\S)", "", organisation)
    organisation = re.sub(r"^[a-z][\w-]*['’]s\s+(?=\S)", "", organisation)  # "city's miners' union": whose it is
    at = seen.first(organisation) if organisation.split()[-1] in COMPANY_ABBREVIATIONS else -1
    found = ABBREVIATED.match(seen.text, at + len(organisation)) if at >= 0 else None
    return organisation + found.group(0) if found else organisation


#: a person referred to by their role before a speech verb ("The reeve said", "the NUM's branch chairman told")
_REFERENCE = re.compile(
    rf"\b[Tt]he\s+(?:[\w-]+['’]s\s+)?[A-Za-z]+(?:-[A-Za-z]+)?(?:\s+[A-Za-z]+(?:-[A-Za-z]+)?)?(?=\s+(?:{SPEECH})\b)"
)


def _headline_speakers(text: str, said: list[tuple[int, str, tuple | None]]) -> None:
    """A quote in the headline (the first line) that no one is said to say, which a quote below holds word for word,
    is that quote's speaker's (``said``: each quote's start, words and speaker, changed in place)."""
    headline_end = text.find("\n")
    for k, (start, words, who) in enumerate(said):
        if headline_end < 0 or start >= headline_end:
            break
        held = words.strip(" ,.").casefold()
        if who is None and held:
            found = next((w for s, body, w in said if s > headline_end and w and held in body.casefold()), None)
            said[k] = (start, words, found)


def _paragraph_after(text: str, previous: int, start: int, end: int) -> bool:
    """Whether the quote at ``start``–``end`` is a paragraph of its own, nothing but the quote (or a participle going
    on from it), right after the paragraph that holds the quote ending at ``previous`` (a speaker's next paragraph,
    quoted anew)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return (
        not text[line_start:start].strip(' "“„«')
        and (not text[end:line_end].strip(' "”».,!?') or bool(_GERUND_NEXT.match(text, end)))
        and "\n" not in text[previous:line_start].strip()
    )


#: a closing quote that a participle goes on from, with no speaker of its own: "“…,” referring to the shearer"
_GERUND_NEXT = re.compile(r"[,.!?]?[\"”»]\s*[a-z]+ing\b")


#: a pronoun as the subject of a speech verb: "she said", "He added that"
_PRONOUN_SAID = re.compile(rf"\b(he|she)\s+(?:\w+\s+)?{SPEECH}\b", re.I)


def _reported_before(
    text: str, names: list[Name], people: list[tuple[int, str]], start: int
) -> tuple[tuple, int] | None:
    """The speaker of a quote with no speech tag in any of its paragraphs after reported speech that quotes no one:
    in its paragraph before it ("He earns …, he said. "But …""), or in the paragraph before when the quote opens its
    own ("Speaking to X on Tuesday, Mr. Murmu said the union would …"): the last person named before a speech verb,
    or the pronoun ("", None, "she") after them, for `_complete`; and where the verb's subject is."""
    line_start = text.rfind("\n", 0, start) + 1
    lead = text[line_start:start].rstrip(' "“„«')
    if lead:  # the quote opens a sentence after reported speech in its own paragraph
        begin, end = line_start, line_start + len(lead)
        if not re.search(r"[.!?]$", lead):
            return None
    else:
        end = end_before(text, line_start)
        begin = text.rfind("\n", 0, end) + 1
    if not end or re.search(r"[\"“”„«»]", text[begin:end]):
        return None
    full = dict(people)
    found = [
        (n.start, full[n.start])
        for n in names[bisect.bisect_left(names, begin, key=lambda n: n.start) :]
        if n.start < end and n.start in full and re.match(rf"\s+{SPEECH}\b", text[n.end : n.end + 20])
    ]
    pronouns = list(_PRONOUN_SAID.finditer(text, begin, end))
    if pronouns and (not found or found[-1][0] < pronouns[-1].start()):
        return ("", None, pronouns[-1].group(1).lower()), pronouns[-1].start()
    return ((found[-1][1], None, None), found[-1][0]) if found else None


def _people(text: str, names: list[Name]) -> list[tuple[int, str]]:
    """Where the text names a person: (offset, full name), a surname alone ("Ospina", "Bai") counted as the
    last person named in full whose name holds it; the first word of a two-word name ("Wu" of "Wu Haiyan",
    the family name first) only before a comma or a speech verb ("Wu said", not "in Borneo" after "Borneo Post")."""
    out: list[tuple[int, str]] = []
    last_with: dict[str, str] = {}  # a word of a full name, not its first → the last such name
    first_of: dict[str, str] = {}  # the first word of a two-word name → the last such name
    for n in names:
        full = n.text if n.person else None
        if " " not in n.text and not n.person:  # a surname, not "Jakarta"
            speaks = re.match(rf"\s*(?:,|{SPEECH}\b)", text[n.end : n.end + 30])
            full = last_with.get(n.text) or (first_of.get(n.text) if speaks else None)
        if (
            full
            and out
            and _TOLD.search(text, max(0, n.start - 6), n.start)
            and not _SENTENCE_END.search(text, out[-1][0], n.start)
        ):
            continue  # "Governor X told Radio Silesia …": the one told (an outlet, mostly) is not who "she" is
        if full:
            out.append((n.start, full))
            words = name_words(full)
            for word in words[1:]:
                last_with[word] = full
            if len(words) == 2:
                first_of[words[0]] = full
    return out


def _holding(written: list[tuple[int, str]]) -> dict[str, list[int]]:
    """Where in ``written`` (in order) are the names of several words that hold a word ("w" + the word) or end in
    some words ("s" + a space and those words, casefolded) or, past two words, open and end on two ("f" + first and
    last, casefolded): a surname's full name is looked up, not searched for."""
    out: dict[str, list[int]] = {}
    for i, (_, name) in enumerate(written):
        words = name_words(name)
        for word in words if len(words) > 1 else ():
            out.setdefault("w" + word, []).append(i)
        folded = " ".join(words).casefold()
        if len(words) > 2:  # "Anna Maria Weber" said "Anna Weber": her first name and surname
            out.setdefault(f"f{words[0]} {words[-1]}".casefold(), []).append(i)
        for k, ch in enumerate(folded):
            if ch == " ":
                out.setdefault("s" + folded[k:], []).append(i)
    return {key: sorted(set(found)) for key, found in out.items()}


def _last_below(ordered: list[int], bound: int) -> int:
    """The largest of ``ordered`` below ``bound``; -1 when there is none."""
    at = bisect.bisect_left(ordered, bound)
    return ordered[at - 1] if at else -1


#: a sentence whose subject is one unnamed ("A spokeswoman for the X, the regional planning body, said …"), right
#: before a quote in the same paragraph: its occupation, the body after "for"/"of"/"at", the speech verb
_UNNAMED_SAID = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=\n))((?:A|An)\s+(?:[a-z][\w-]*\s+){{0,2}}?({OCCUPATIONS}))"
    rf"(?:\s+(?:for|of|at)\s+(?:the\s+)?([{UPPER}][^,.;\n]*?))?(?:,[^,.;\n]{{1,80}},)?\s+{SPEECH}\b[^.!?\n\"“”]*"
    r"[.!?]\s+[\"“„«]?\Z"
)


def _unnamed_before(text: str, people: list[tuple[int, str]], start: int, pronoun: str | None) -> tuple | None:
    """Who "she" is after a sentence whose subject is one the text does not name and that names no person ("A
    spokeswoman for X said …. "…," she said."): that one and their body; not a spokesman for "she"."""
    said = _UNNAMED_SAID.search(text, max(0, start - 400), start)
    if said is None or bisect.bisect_left(people, (said.start(),)) < bisect.bisect_left(people, (start,)):
        return None
    noun = said.group(2)
    if (noun.endswith("woman") and pronoun == "he") or (
        noun.endswith("man") and not noun.endswith("woman") and pronoun == "she"
    ):
        return None
    return said.group(1)[0].lower() + said.group(1)[1:], None, said.group(3)


def _complete(
    who: tuple,
    seen: Occurrences,
    names: list[Name],
    people,
    written: tuple[list[tuple[int, str]], dict[str, list[int]]],
    sentence: int,
    start: int,
) -> tuple | None:
    """A speaker made whole: "he" or "she" as the last person named, a surname ("Ospina", "Van der
    Merwe") as the full name written before it (``written``: the people and the names of two to five
    words, by position, and their `_holding` index), with the role and organisation the article gives
    that person anywhere."""
    text = seen.text
    if who[0] == "" and who[2] == "it":  # "“…,” it said": the company or body named last, as first written in full
        body = _referent(text, names, start, 600, seen)
        return (_full_name(seen, body), None, _full_name(seen, body)) if body else None  # speaking for itself
    if who[0] == "":  # he / she (in its third place): the last person named before the sentence that it can be
        unnamed = _unnamed_before(text, people, start, who[2])
        if unnamed:
            return unnamed
        genders = seen.once(("genders",), lambda: _genders(text, people))
        found = _last_person(people, sentence, start, genders, who[2])
        if found is None:
            return None
        who = found
    named = who[0][:1].isupper() or who[0].split()[0] in PARTICLES  # a name, not "a local pastor"
    called = who[0]  # as the quote names them
    if named:  # "Ospina said": Jaime Andrés Ospina Vélez; "Van der Merwe": Johan van der Merwe
        listed, holding = written
        before = bisect.bisect_left(listed, (start,))
        keys = ["s " + who[0].casefold()] + (["w" + who[0]] if " " not in who[0] else ["f" + who[0].casefold()])
        last = max(_last_below(holding.get(key, []), before) for key in keys)
        full = listed[last][1] if last >= 0 else None
        if full:
            who = (full, who[1], who[2])
    if named:  # the role and organisation the article gives anywhere
        found = seen.once(("profile", who[0]), lambda: _profile(seen, who[0], names))
        for short in (called, who[0].split()[-1]) if found is None and " " in who[0] else ():
            if short != who[0] and _only_one(seen, names, who[0], short):  # "Wróblewska, 71, a retired nurse", "said
                found = seen.once(("profile", short), functools.partial(_profile, seen, short, names))  # Zhao, who
                if found:  # heads a …"
                    break
        split = bool(found and found[1] and who[1] == f"{found[1]} {found[0]}")  # "Y Chairman X": Chairman of Y
        if found and (who[1] is None or who[1] in _ADDRESSES or (found[0] == who[1] and not who[2]) or split):
            who = (who[0], found[0], found[1] or (who[2] if who[1] == found[0] else None))
        if who[1] in HONORIFICS - {"Dr", "Prof"}:
            who = (who[0], None, who[2])
        elif who[1] in HONORIFICS and seen.before(who[0], re.compile(re.escape(who[1]) + r"\.\s+\Z")):
            who = (who[0], who[1] + ".", who[2])  # "Prof. Sunita Oraon": the title as written, with its stop
        if who[1] and re.match(r"\d+-year-old\s", who[1]):  # "a 46-year-old former shearer operator"
            who = (who[0], who[1].split(None, 1)[1], who[2])
        if not who[2] and _of_the_company(seen, who[0], who[1]):
            company = (
                _its_subject(text, names, seen.first(who[0]))
                or next(
                    (
                        n.text
                        for n in reversed(names)
                        if n.end <= start
                        and set(n.text.split()) & COMPANY_WORDS
                        and not set(n.text.split()) & PUBLIC_WORDS  # "Energy Ministry data": not the company
                        and not _PARENT.search(text, max(0, n.start - 40), n.start)
                    ),
                    None,
                )
                or _referent(text, names, start, 1500)
            )  # "Bogatyr Komir, the largest miner in …"
            who = (who[0], who[1], company)
        if who[1] and not who[2]:
            who = (who[0], who[1], _at_the(seen, who[0]) or _ministry_of(names, who[1]) or _headed(seen, who[0]))
        if not who[2]:  # "X of the Y", "X, who studies … at Y": Y, with a role or none
            who = (who[0], who[1], _member_of(seen, who[0]))
        if who[1] and not who[2] and _CIVIC.search(who[1]):  # "Deputy Mayor X": the council the article named
            who = (
                who[0],
                who[1],
                next((n.text for n in reversed(names) if n.end <= start and _COUNCIL.search(n.text)), None),
            )
    return _unowned(who)


#: a minister's title with its portfolio ("Vice Minister of Industry and Construction")
_MINISTER_OF = re.compile(r"\bMinister\s+((?:of|for)\s+.+)")


def _ministry_of(names: list[Name], role: str) -> str | None:
    """The ministry of a minister's portfolio, when the article names it ("Minister of Energy" … "the Ministry of
    Energy")."""
    found = _MINISTER_OF.search(role)
    wanted = f"Ministry {found.group(1)}" if found else None
    return next((n.text for n in names if n.text == wanted), None)


#: a role that opens on its organisation's possessive ("Gippsland Cells' chief executive")
_OWNED_BY = re.compile(rf"((?:[{UPPER}][\w&-]*\s+){{0,4}}[{UPPER}][\w&-]*)(?:['’]s|(?<=s)['’])\s+([a-z].*)")


def _unowned(who: tuple) -> tuple:
    """A speaker's role without the possessive of the organisation it opens on, which is their organisation
    ("Gippsland Cells' chief executive": chief executive, Gippsland Cells), and an organisation without its
    possessive ("IG BCE's": IG BCE)."""
    speaker, role, organisation = who
    owned = _OWNED_BY.fullmatch(role) if role else None
    if owned:
        role, organisation = owned.group(2), organisation or owned.group(1)
    if organisation:
        organisation = re.sub(r"['’]s$", "", organisation)
    return speaker, role, organisation


#: a title held in a local council, and the words of a council's name
_CIVIC = re.compile(r"\b(?:[Mm]ayor|[Cc]ouncillor|[Cc]ouncilor|Cr|[Aa]lderman|[Rr]eeve)\b")
_COUNCIL = re.compile(r"\b(?:Council|Municipality|Shire|City Hall)\b")


def _only_one(seen: Occurrences, names: list[Name], person: str, short: str) -> bool:
    """Whether ``short`` (a surname, or the name a quote gives) is a word of no other person's name than ``person``
    (the people by word indexed once per text)."""

    def index() -> dict[str, set[str]]:
        by_word: dict[str, set[str]] = {}
        for n in names:
            if n.person:
                for word in n.text.split():
                    by_word.setdefault(word, set()).add(n.text)
        return by_word

    return not seen.once(("people by word",), index).get(short, set()) - {person, short}


#: a sentence opening on where it happens: "At the Silesian University of Technology in Gliwice, …"
_AT_ORG = re.compile(rf"At\s+(?:the\s+)?{_ORG}")


def _at_the(seen: Occurrences, person: str) -> str | None:
    """The organisation a sentence opens on when it names a person with a role in it ("At the Silesian
    University of Technology, …, the Vice-Chancellor for Development, Prof X, said"): one by its words."""
    text, at = seen.text, seen.first(person)
    window = max(0, at - 400)
    dot, line = text.rfind(". ", window, at), text.rfind("\n", window, at)
    opening = max(dot + 2 if dot >= 0 else window, line + 1 if line >= 0 else window)
    found = _AT_ORG.match(text, opening, at) if at > 0 else None
    words = set(found.group(1).split()) if found else set()
    return found.group(1) if found and words & (ORG_WORDS | COMPANY_WORDS) else None


#: a company named as the owner of the one the article is about ("a subsidiary of Coal India"), right before its name
_PARENT = re.compile(r"\b(?:subsidiary|unit|arm|division|part)\s+of\s+(?:the\s+)?$|\bowned\s+by\s+(?:the\s+)?$")


def _of_the_company(seen: Occurrences, person: str, role: str | None) -> bool:
    """Whether a person holds a role in the company the article is about: a company's title
    ("President Director X") or "X, an operator at the company's pit"."""
    said = seen.after(person, _THE_COMPANYS)
    return bool((role and CORPORATE.search(role)) or said)


def _titled_person(phrase: str, text: str, names: list[Name], before: int) -> tuple | None:
    """The last person named before ``before`` (5000 characters back at most) with the title a phrase gives ("the
    prime minister (also)": Prime Minister Adam Wrona; "the Starosta": "X, the Starosta of …"), with it as their
    role; or with a role an apposition gives that ends in the same noun ("the union's president", "the NUM's branch
    chairman": "X, chairman of the … branch"), their role then read from the article (an organisation's noun,
    "the miner", is none)."""
    words = re.fullmatch(
        r"\s*(?:(?:Later|Then|Afterwards|Meanwhile|Earlier),?\s+)?[Tt]he\s+(?:[\w-]+['’]s\s+)?([A-Za-z]+(?:-[A-Za-z]+)?(?:\s+[A-Za-z]+(?:-[A-Za-z]+)?)?)"
        r"(?:\s+(?:also|then|later|again))?\s*",
        phrase,
    )
    if not words:
        return None
    title = words.group(1).casefold()
    head = title.split()[-1]
    described = re.fullmatch(OCCUPATIONS, head) and not re.fullmatch(ORG_NOUNS, head)
    for n in reversed(names[: bisect.bisect_left(names, before, key=lambda n: n.start)]):
        if before - n.start > 5000:
            break
        if not n.person:
            continue
        if re.sub(r"\s+(?:of|for)\s.*", "", n.title or "").casefold() == title:
            return (n.text, n.title, None)  # "Minister of Energy X": "the minister said"
        fronted = re.search(
            rf"\b({re.escape(head)}),?\s+(?:(?:{_ADDRESS_WORDS})\.?\s+)?\Z", text[max(0, n.start - 40) : n.start], re.I
        )
        if fronted and len(title.split()) == 1 and (described or head.capitalize() in TITLES):
            return (n.text, fronted.group(1), None)  # "Its mayor, (Cr) X, said …", "Tete Governor X": "the mayor said"
        if words.group(1).isupper() and re.search(
            rf"\(({words.group(1)})\)\s+\Z", text[max(0, n.start - 20) : n.start]
        ):
            return (n.text, words.group(1), None)  # "… Nirbahi Officer (UNO) X": "the UNO said"
        after = _TITLE_AFTER.match(text, n.end, n.end + 200)  # "X, the Starosta of …": "the Starosta wrote"
        if after and after.group(1).casefold() == title:
            return (n.text, after.group(1), None)
        role = (
            (_APPOSITION.match(text, n.end, n.end + 200) or _COPULA.match(text, n.end, n.end + 200))
            if described
            else None
        )
        if role and role.group(1).split()[-1].casefold() == head:
            return (n.text, None, None)
        if (n.title or "").casefold().endswith(" " + title):
            return (n.text, n.title, None)  # "Harlan County Judge-Executive X": "the judge-executive said"
    return None


def _surname(phrase: str, people, before: int) -> tuple | None:
    """The person a short capitalised phrase names by the end of their name ("De Villiers":
    Pieter de Villiers), among those named before ``before``."""
    if not re.fullmatch(r"[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,2}", phrase):
        return None
    end = " " + phrase.casefold()
    found = next((p for at, p in reversed(people) if at < before and p.casefold().endswith(end)), None)
    return (found, None, None) if found else None


def _last_person(
    people: list[tuple[int, str]],
    sentence: int,
    start: int,
    genders: dict[str, str] | None = None,
    pronoun: str | None = None,
) -> tuple | None:
    """Who "he" or "she" is: the last person named before the sentence, else before ``start``; one the text
    calls by the other pronoun (``genders``) is passed over."""
    fits = lambda p: genders is None or pronoun not in ("he", "she") or genders.get(p, pronoun) == pronoun
    found = next((p for at, p in reversed(people) if at < sentence and fits(p)), None) or next(
        (p for at, p in reversed(people) if at < start and fits(p)), None
    )
    return (found, None, None) if found else None


_HE = {"he", "his", "him", "himself"}
_PRONOUN = re.compile(r"\b(he|his|him|himself|she|her|hers|herself)\b", re.I)


def _genders(text: str, people: list[tuple[int, str]]) -> dict[str, str]:
    """ "he" or "she" for the people the text gives a pronoun or an honorific: "Mr Osei", "Ms Lowry"; "Anna Nowak
    … all her life" (the first pronoun after their first mention in its sentence, before anyone else is named)."""
    out: dict[str, str] = {}
    for i, (at, person) in enumerate(people):
        if person in out:
            continue
        honorific = re.search(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$", text[max(0, at - 6) : at])
        if honorific:
            out[person] = "he" if honorific.group(1) == "Mr" else "she"
            continue
        end = min(people[i + 1][0] if i + 1 < len(people) else len(text), at + 240)
        stop = re.search(r"[.!?\n\"“”]", text[at:end])
        pronoun = _PRONOUN.search(text, at, at + stop.start() if stop else end)
        if pronoun:
            out[person] = "he" if pronoun.group(1).lower() in _HE else "she"
    return out


def _only_person(text: str, people, line_start: int, start: int) -> tuple | None:
    """The speaker of a quote that ends its paragraph with no verb of saying: the one person the paragraph named
    before it ("For Ana Ruiz, a teacher, the closure is personal. "My father worked there …""), not one of two."""
    if not text[line_start:start].strip(' "“„«'):  # the paragraph is the quote: the paragraph above's one person,
        above = end_before(text, line_start)  # which opens on them and quotes no one ("X worked as a miner. …")
        line_start, start = text.rfind("\n", 0, above) + 1, above
        first = bisect.bisect_left(people, (line_start,))
        if re.search(r"[\"“”„«»]", text[line_start:start]) or first == len(people) or people[first][0] != line_start:
            return None
    elif not re.search(r"[.!?]\s+[\"“„«]?$", text[line_start:start]):
        return None  # the quote opens a sentence after the paragraph's first (not "what locals call the "…"")
    first, last = bisect.bisect_left(people, (line_start,)), bisect.bisect_left(people, (start,))
    named = {p for _, p in people[first:last]}
    return (named.pop(), None, None) if len(named) == 1 else None


def _colon_above(text: str, people, above: int, sentence_of: Callable[[int], int]) -> tuple | None:
    """The speaker of a quote opening the paragraph after one that ends at ``above`` on a colon: the person its last
    sentence opens on ("X is Y's General Director in Z:")."""
    return _opening_person(text, people, sentence_of(above - 1), above) if text[above - 1 : above] == ":" else None


def _opening_person(text: str, people, sentence: int, start: int) -> tuple | None:
    """The speaker of a quote a colon introduces, in a sentence that opens on a person's name ("Jan Kowal, a retired
    miner, put it bluntly: "…""; not "The plan says: "…"")."""
    if not re.search(r":\s*[\"“„«]?$", text[max(sentence, start - 4) : start]):
        return None
    first = bisect.bisect_left(people, (sentence,))
    opens = first < len(people) and people[first][0] == sentence and "\n" not in text[sentence:start]
    return (people[first][1], None, None) if opens else None


def _subject_before(text: str, names: list[Name], people, sentence: int, start: int) -> tuple | None:
    """The speaker of a quote whose verb comes before it in the sentence ("Tom Feeney, …, said the
    plan offers "…"", "she wrote that "…""): the pronoun right before the verb, else the first
    person named before it."""
    lead = text[sentence : max(sentence, start - 1)]
    verbs = list(re.finditer(rf"\b(?:{SPEECH}|called|calls|described|describes|dubbed)\b", lead))
    if not verbs or re.search(r'["“”„«»]', lead[verbs[-1].end() :]):
        return None
    subject = lead[: verbs[-1].start()]
    first = bisect.bisect_left(people, (sentence,))
    if re.search(r"\b(?:he|she|they)\s+(?:\w+\s+)?$", subject, re.I):  # "X stirred fear when she told …": X, the
        opens = first < len(people) and not text[sentence : people[first][0]].strip()  # one the sentence opens on
        return (people[first][1], None, None) if opens else _last_person(people, sentence, start)
    if first < len(people) and people[first][0] < sentence + len(subject):
        return (people[first][1], None, None)
    named = _titled_person(subject, text, names, sentence) or _surname(subject.strip(), people, sentence)
    if named:
        return named
    opening = next((n for n in names if sentence <= n.start < sentence + len(subject)), None)
    if (
        opening
        and re.fullmatch(  # past a fronted phrase: "In a statement released Monday, Y said …"
            r"\s*(?:(?:In|At|On)\s+[^,\"“”]{1,60},\s+)?(?:[Tt]he\s+(?:[\w-]+\s+)?)?", text[sentence : opening.start]
        )
        and re.fullmatch(r"(?:,\s+(?:which|who)\b[^,\"“”]*,)?\s*", subject[opening.end - sentence :])
    ):
        return (opening.text, None, None)  # "The Chinese-owned Yancoal, which runs the mine, said …"
    kind = _BODY_SUBJECT.fullmatch(subject)
    body = kind and (_named_as(text, names, kind.group(1), sentence) or _main_body(text, names, sentence))
    return (body, None, body) if body else None  # "The power utility said …": the body, speaking for itself


#: a body by its kind opening a sentence, past a fronted phrase ("During a briefing on Monday, the power utility")
_BODY_SUBJECT = re.compile(
    rf"\s*(?:(?:In|At|On|During|After)\s+[^,\"“”]{{1,60}},\s+)?[Tt]he\s+(?:[a-z][\w-]*\s+)?({ORG_NOUNS})\s*"
)
#: a body's name before a post its people hold ("Y spokesperson", "Y chief executive"): no place's
_POST_NEXT = re.compile(rf"\s+(?:[a-z][\w-]*\s+)?(?:{OCCUPATIONS})\s+[{UPPER}]")


def _main_body(text: str, names: list[Name], before: int) -> str | None:
    """The body an article names most often in the 3000 characters before ``before`` (twice at least): an acronym
    ("ESB") or a name whose people's posts follow it ("Eskom spokesperson X"); whom "the utility" names when no name
    says so."""
    near = [  # the last 3000 characters: linear over a long text
        n
        for n in names[bisect.bisect_left(names, before - 3000, key=lambda n: n.start) :]
        if n.start < before and not n.person
    ]
    counts: dict[str, int] = {}
    for n in near:
        counts[n.text] = counts.get(n.text, 0) + 1
    posts = {n.text for n in near if _POST_NEXT.match(text, n.end)}
    bodies = [
        (name in posts, count, name)  # a post after it first: "Eskom spokesperson X", not the "OCM" a quote names
        for name, count in counts.items()
        if count >= 2 and (name in posts or re.fullmatch(r"[A-Z]{2,6}", name))
    ]
    return max(bodies)[2] if bodies else None


def _profile(seen: Occurrences, person: str, names: list[Name]) -> tuple[str, str | None] | None:
    """The role and organisation the article gives a person anywhere: "X, deputy director of the
    Y", "the Opposition's resources spokesman, X", "Its chairperson, X", "X, who heads the Z at
    Y", "Queensland Premier X" (Queensland named elsewhere: the organisation), "Gov. X"."""
    text = seen.text
    after = seen.after(person, _APPOSITION) or seen.after(person, _COPULA)
    now = _titled_before(seen, person) if after and after.group(1).startswith("former ") else None
    if now and now.group(1).rstrip(".") not in HONORIFICS:
        after = None  # "Commissioner X is a former dragline operator": the title is what X is now
    owned = _owned_role(text, names, after.group(1), after.start()) if after else None
    if owned:
        return owned  # "X, the union's regional chairman for Y": the union
    if after:
        org = _whole(_owner(after.group(2)))  # "Local 1733 of the Y union": the union
        site = org and re.search(rf"\b(?:{SITES})$", org)
        owner = _OF_ORG.match(text, after.end()) if site else None
        owner_of = re.match(rf"({_OWNER})['’]s\s+", after.group(1))
        role = (
            after.group(1)[owner_of.end() :] if owner_of else after.group(1)
        )  # "the Opposition's resources spokesman"
        if org is None and owner_of and owner_of.group(1)[:1].isupper():
            org = owner_of.group(1)  # "X, the NUM's regional secretary": the NUM
        part = _PART_OF.match(text, after.end()) if org else None  # "the Hendrina branch of the NUM": the NUM
        if part:
            return role, _whole(part.group(1))
        part_at = _PART_AT.match(text, after.end()) if org is None else None
        if part_at:  # "general manager of the hydrogen division at Y": Y, the whole the division is part of
            return role, _whole(part_at.group(1))
        if org is None:  # "deputy director of the bureau": the bureau named before
            noun = _OF_THE_NOUN.match(text, after.end())
            org = _named_as(text, names, noun.group(1), after.start(), seen) if noun else None
        held_at = _WHO_AT.match(text, after.end()) if org is None else None
        org = held_at.group(1) if held_at else org  # "X, a researcher who studies … at Y": Y
        if org is None and _ITS_APPOSITION.match(text, after.start()):  # "X, its district vice-president": the
            org = _referent(text, names, after.start())  # organisation named last before
        if _RESIDENT.search(role):
            return role, None  # "a resident of Y": where X lives, no organisation
        return role, owner.group(1) if owner else org  # "at the Yima mine of Henan Energy Group"
    titled = _TITLE_AFTER.match(text, *_after_name(seen, person))
    if titled and titled.group(1) not in HONORIFICS:
        return titled.group(1), titled.group(2)  # "X, the Deputy Voivode of Silesia": Silesia
    owned_title = _OWNED_TITLE.match(text, *_after_name(seen, person))  # "X, the canton's Minister for …": the canton
    if owned_title:  # the body named before, else none
        body, title = owned_title.group(1), owned_title.group(2)
        return _owned_role(text, names, f"{body}'s {title}", owned_title.start()) or (title, None)
    heads = seen.after(person, _HEADS)
    if heads:
        return f"head of the {heads.group(1)}", heads.group(2)
    before = seen.before(person, _ROLE_COMMA)
    if before and _OBJECT.search(text, max(0, before.start() - 24), before.start()):
        before = None  # "In a letter to the minister, X wrote": the minister is whom X wrote to
    title = None if before else seen.before(person, _TITLE_COMMA)
    if title and title.group(1) not in HONORIFICS:  # "the Dean of the Faculty of Mining, Geology …, Prof X"
        return title.group(1), None if title.group(1) in PORTFOLIO_TITLES else title.group(2)
    several = None if before else seen.before(person, _ROLES_OF_SEVERAL)
    if several:  # "Two councillors, Dale Hutchison and Brenda Fox,": a councillor
        return several.group(1), None
    serving = None if before else seen.before(person, _ROLE_FOR)
    if serving:  # "A spokeswoman for the company, X": the company named before; "for the regional government"
        served = serving.group(2)
        noun = re.search(rf"\b(?:{HELD_NOUNS})$", served)
        named = _named_as(text, names, noun.group(0), serving.start(), seen) if noun and served[:1].islower() else None
        return serving.group(1), named or (served if served[:1].isupper() or " " in served else None)
    if before:
        org = before.group(1) or _determined(seen, names, before.group(0), before.start())
        return before.group(3).removeprefix("The ").removeprefix("the "), org
    titled = _titled_before(seen, person)
    if titled and titled.group(2) and titled.group(1).rstrip(".") not in HONORIFICS:
        held_in = None if titled.group(1) in PORTFOLIO_TITLES else titled.group(2).strip()  # "Minister of Energy": none
        return titled.group(1), held_in  # "Deputy Mayor of Tychy Jan Nowak": Tychy
    if titled and titled.group(1).rstrip(".") not in HONORIFICS:
        words = titled.group(1)
        place = _place_before_title(seen, names, words)
        if place:
            return place  # "Queensland Premier": Premier of Queensland
        whose = re.search(rf"{_ORG},\s+whose\s+$", text[max(0, titled.start() - 120) : titled.start()])
        return words, _held(seen, person) or (whose.group(1) if whose else None)  # "Y, whose Managing Director X"
    kind = seen.after(person, _HEADS_NOUN)
    if kind:  # "X, who heads the union, said": the union named before
        return _HEAD_OF[kind.group(1)], _named_as(text, names, kind.group(2), kind.start(), seen)
    heads = seen.after(person, _HEADS_ORG)  # "X, who heads the Yulin Municipal Bureau of …": its head
    return (
        _role_before(seen, person, names)
        or _described_as(seen, person)
        or ((_HEAD_OF[heads.group(1)], _headed(seen, person)) if heads else None)
        or _fronted(seen, person, names)
        or _heads_a(seen, person)
        or _owned_post(seen, person, names)
        or _is_owned_title(seen, person)
        or _name_title(seen, person, names)
    )


def _name_title(seen: Occurrences, person: str, names: list[Name]) -> tuple[str, None] | None:
    """The title a person's name was first written with, one no pattern here knows ("Harlan County Judge-Executive
    X", the title being the text's own)."""

    def index() -> dict[str, str]:
        out: dict[str, str] = {}
        for n in names:
            if n.title and n.title not in HONORIFICS:
                out.setdefault(n.text, n.title)
        return out

    title = seen.once(("name titles",), index).get(person)
    return (title, None) if title else None


#: a post a place or body owns, in words the lexicon need not know, before a name set off by commas ("Tabalong's
#: regent, Yuliana Rahmah, said")
_OWNED_POST = re.compile(
    rf"(?<![\w'’-])((?:[{UPPER}][\w-]*\s+){{0,3}}[{UPPER}][\w-]*)['’]s\s+((?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*),\s+\Z"
)


def _owned_post(seen: Occurrences, person: str, names: list[Name]) -> tuple[str, str] | None:
    """The post and its owner from "Y's post, X," (not a person's relation: "Anna's son, X"; nor "the town's oldest
    resident")."""
    found = seen.before(person, _OWNED_POST)
    if found is None or seen.text[found.end() + len(person) : found.end() + len(person) + 1] != ",":
        return None
    owner, post = found.group(1), found.group(2)
    words = set(post.split())
    if words & (NOT_ROLES | FUNCTION_WORDS) or any(n.person and n.text.endswith(owner) for n in names):
        return None
    return post, owner


#: a role whose "of" names where one lives, never an organisation ("a 42-year-old resident of Y")
_RESIDENT = re.compile(r"\bresident$")
#: a trade, whose place before it ("Boone County coal miner") is where it is worked, not an employer
_TRADE = re.compile(r"\b(?:miner|worker|farmer|resident|driver|electrician|mechanic|welder|labou?rer)s?$")
#: a capitalised title a company or body owns, said with a verb: "X is Endesa's General Director in the Region"
_IS_OWNED_TITLE = re.compile(
    rf"\s+(?:is|was|has\s+been)\s+(?:the\s+)?([{UPPER}][\w&-]*(?:\s+[{UPPER}][\w&-]*){{0,3}})['’]s\s+"
    rf"((?:[{UPPER}][\w-]*\s+){{0,3}}(?i:{OCCUPATIONS})(?-i:\b)(?=\s|[,.:;]))"
)


def _is_owned_title(seen: Occurrences, person: str) -> tuple[str, str] | None:
    """The title and its owner from "X is Y's General Director" (a title in capitals, not met by the apposition's
    roles in lower case)."""
    found = seen.after(person, _IS_OWNED_TITLE)
    return (found.group(2), found.group(1)) if found and found.group(2)[:1].isupper() else None


#: ", who" before a verb that gives a role, past an age (", 71, who chairs the Y")
_WHO = r"(?:,\s+(?:\d+,\s+)?who)?"
#: "X, who heads a maintenance team of 14": the head of a body the article does not name
_HEADS_A = re.compile(rf"{_WHO}\s+(heads|leads|chairs)\s+(?:a|an)\s+[a-z]")  # not "runs a guesthouse": its owner


def _heads_a(seen: Occurrences, person: str) -> tuple[str, None] | None:
    """The role "who heads a team" gives (head, chair, director), with no organisation."""
    found = seen.after(person, _HEADS_A)
    return (_HEAD_OF[found.group(1)], None) if found else None


#: what the speaker-finders match right after or right before a person's name, made once
#: whose a role is, before it: "the union's", "the NUM's", "the National Union of Metalworkers of South Africa's"
_OWNER = rf"(?:[{UPPER}][\w-]*(?:\s+(?:(?:and|of|for|&)\s+)?[{UPPER}][\w-]*){{1,6}}|[\w-]+)"
#: a capitalised owner's possessive opening an apposition, its name over "of" ("the National Union of Mineworkers'
#: regional secretary")
_OWNER_OPENS = re.compile(rf"(?:the\s+)?(?=[{UPPER}])({_OWNER})(?:['’]s|(?<=s)['’])\s+(?=[a-z])")
_ROLE_HELD = (  # "deputy director of the Y", "a fitter at the Y mine"
    rf"(?:(?:a|an|the|its|their|his|her)\s+)?((?:{_OWNER}['’]s\s+)?{_ROLE})"
    rf"(?:\s+(?:of|at|for|with)\s+(?:the\s+)?{_ORG})?(?=[\s,.;])"
)
#: "X, deputy director of the Y", "X (周丽华), deputy director of …": a name's native spelling or party in brackets
#: may come between
_APPOSITION = re.compile(rf"(?:\s+\([^()\n]{{1,40}}\))?,\s+(?:\d+,\s+)?{_ROLE_HELD}")
#: a role said with a verb: "X is the chairman of the Y", "X, who works as a fitter at the Y mine"
_COPULA = re.compile(  # and after an age, a role still held: "X, 34, has been a winding-engine driver at Y"
    rf"(?:,\s+\d+,\s+(?=is\s|has\s+been\s)|(?:,\s+who)?\s+"
    r"|,\s+who\s+[^,.;:\"“”\n]{1,80},\s+(?=is\s))"  # "X, who runs a shop on Y Street, is president of the Z"
    r"(?:(?:has|had)\s+[^.,;:\"“”\n]{1,60}?\s+and\s+(?=is\s))?"  # "X has worked underground for 23 years and is …"
    r"(?:(?:was|were|has\s+been|had\s+been)\s+(?:re-?)?(?:elected|appointed|named)"  # "who was elected mayor of Y"
    rf"|is|was|has\s+been|had\s+been|became|(?:works|worked|serves|served)\s+as)\s+{_ROLE_HELD}"
)
#: an apposition whose role "its" or "their" gives to an organisation named before ("X, its chairman,")
_ITS_APPOSITION = re.compile(r"(?:\s+\([^()\n]{1,40}\))?,\s+(?:\d+,\s+)?(?:its|their)\s")
_OF_ORG = re.compile(rf"\s+of\s+(?:the\s+)?{_ORG}")
#: a relative clause after a role that says where it is held: "a researcher who studies mining towns at Y"
_WHO_AT = re.compile(rf",?\s+who\s+[a-z][^,.;:\"“”\n]{{0,80}}?\s+at\s+(?:the\s+)?{_ORG}")
#: a part written in lower case and the organisation it is part of ("of the hydrogen division at Y")
_PART_AT = re.compile(
    rf"\s+(?:of|in)\s+(?:the|its)\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{PART_NOUNS})\s+(?:at|of)\s+(?:the\s+)?{_ORG}"
)
_PART_OF = re.compile(rf"\s+(?:{PART_NOUNS})\s+of\s+(?:the\s+)?{_ORG}(?:\s+\([^()]*\))?")
_OF_THE_NOUN = re.compile(rf"\s+(?:of|at|for|in)\s+the\s+({HELD_NOUNS})\b(?!['’])")
#: a role given for a body before the name: "A spokeswoman for the company, X", "the head of Y's board, X"
_ROLE_FOR = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he)\s+({_ROLE})\s+(?:for|of|at|with)\s+(?:the\s+)?"
    r"([^\W\d_][\w'’&-]*(?:\s+[^\W\d_][\w'’&-]*){0,5}),\s+\Z"
)
_HEADS = re.compile(rf"{_WHO}\s+(?:heads|leads|runs|directs|chairs)\s+the\s+([\w -]+?)\s+at\s+(?:the\s+)?{_ORG}")
_HEADS_ORG = re.compile(
    rf"{_WHO}\s+(heads|leads|runs|chairs|directs)\s+(?:the\s+)?"
    rf"(?:(?:[\w'’-]+\s+){{0,2}}(?:{PART_NOUNS})\s+(?:of|at)\s+(?:the\s+)?)?"  # "the local branch of the Y": Y
    rf"{_ORG}(?=[\s,.;])(?!\s+(?:{SITES})\b)"
)


def _headed(seen: Occurrences, person: str) -> str | None:
    """The organisation a person heads ("Energy analyst X, who heads the Y"; "who heads the Y branch of the Z": Z)."""
    heads = seen.after(person, _HEADS_ORG)
    part = _PART_OF.match(seen.text, heads.end()) if heads else None
    return (_whole(part.group(1)) if part else heads.group(2)) if heads else None


#: "X, who heads the union('s Y district)", "who heads the union in Y", "who heads the centre": the organisation named
#: before by its kind (never Y, where it is held)
_HEADS_NOUN = re.compile(
    rf"{_WHO}\s+(heads|leads|runs|chairs|directs)\s+the\s+"
    rf"({ORG_NOUNS}|centre|center|bureau|department|authority|board|foundation|commission|committee)\b"
    rf"(?=['’]s\s|[,.;]|\s+(?:in|at|for)\s+[{UPPER}])"
)
_HEAD_OF = {"heads": "head", "leads": "head", "runs": "head", "chairs": "chair", "directs": "director"}
_ROLE_COMMA = re.compile(  # "the Opposition's resources spokesman, X", "Its chairperson, X"
    rf"(?:\b(?:The\s+)?((?:[A-Z][\w-]*\s+){{0,3}}[A-Z][\w-]*)(?:['’]s|(?<=s)['’])\s+"  # "Harrow Minerals' …"
    rf"|\b(?:Its|its|(?:The|the)\s+({HELD_NOUNS}|plant|mine|station)['’]s)\s+)?"  # "The plant's chief executive"
    rf"\b({_ROLE})(?:,|\s+(?:is|was))\s+\Z"  # "Its general director is X"
)
#: a preposition and an article before a role: the role is its object, not an apposition to the name after it
_OBJECT = re.compile(r"(?<!according )\b(?:to|from|with|by|about|against|for|of|on|in)\s+(?:the|a|an)\s+\Z", re.I)
#: a capitalised title before the name, with the body it is held in, its name over commas ("the Dean of the Faculty of
#: Mining, Geology and Civil Engineering, Prof X"), made once
_TITLE_COMMA = re.compile(
    rf"\b[Tt]he\s+((?:(?:{'|'.join(TITLE_MODIFIERS)})[\s-])?(?:{'|'.join(TITLES)}))"
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?([{UPPER}][\w'’-]*(?:,?\s+(?:(?:and|of|for|the|&)\s+)*[{UPPER}][\w'’-]*)*))?"
    rf",\s+(?:(?:{'|'.join(HONORIFICS)})\.?\s+)?\Z"
)
#: a role in the plural before the names of those who hold it ("Two councillors, Dale Hutchison and Brenda Fox,")
_ROLES_OF_SEVERAL = re.compile(
    rf"\b(?:(?:[Tt]he|[Bb]oth)\s+)?(?:(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Bb]oth)\s+)((?:[a-z][\w-]*\s+)?(?:{OCCUPATIONS}))s,"
    rf"\s+(?:[{UPPER}][\w'’-]*(?:\s+[{UPPER}][\w'’-]*)*(?:,\s+|,?\s+and\s+))+\Z"
)
_THE_COMPANYS = re.compile(r"[^.\"“”]{0,120}?\bthe company['’]s\b")


def _written_names(seen: Occurrences, names: list[Name]) -> tuple[dict[str, list[int]], dict[str, str]]:
    """Each name's words → where the text writes them, and a first word → the first name that opens on it and "of"
    ("Shire": "Shire of Collie") or a council's ("Whitsunday": "Whitsunday Regional Council"), indexed once per text."""

    def index() -> tuple[dict[str, list[int]], dict[str, str]]:
        found: dict[str, list[int]] = {}
        bodies: dict[str, str] = {}
        for n in names:
            found.setdefault(n.text, []).append(n.start)
            words = n.text.split()
            if (len(words) > 2 and words[1] == "of") or (len(words) > 1 and _COUNCIL.search(words[-1])):
                bodies.setdefault(words[0], n.text)  # "Shire of Collie", "Whitsunday Regional Council"
        return found, bodies

    return seen.once(("written names",), index)


#: the capitalised nouns a public body's name ends with ("Energy Bureau", "People's Committee", "Labour Ministry")
_BODY_ENDS = (PUBLIC_WORDS | {"Bureau", "Union", "Federation", "Association", "Board"}) - {"Council", "Government"}


def _place_before_title(seen: Occurrences, names: list[Name], words: str) -> tuple[str, str] | None:
    """The title and where it is held, from capitalised words before a name: the longest run of its first words that
    the text names on its own ("Western Macedonia Regional Governor": Western Macedonia; "Campbell County
    Commissioner"; "Queensland Premier") or as a company's first words ("Maand Valley Power Chairman" of "Maand
    Valley Power Ltd"), or a name that opens on its first word and "of" ("Shire President": the
    Shire of Collie); none when its first words are only a title's ("Energy Minister", "Regional Governor")."""
    tokens = words.split()
    if tokens[0] in TITLE_WORDS | TITLE_MODIFIERS or tokens[-1] in MEMBER_TITLES:
        return None
    named, bodies = _written_names(seen, names)
    for k in range(len(tokens) - 1, 0, -1):
        first = " ".join(tokens[:k])  # a company's first words end on a name's word (not "Mines and" of "… Energy")
        if (
            first in named
            or (tokens[k - 1][:1].isupper() and _short_company(seen, first, " ".join(tokens[k:])))
            or (k > 1 and ACRONYM.fullmatch(tokens[k - 1]))  # "Brandt ISD Superintendent": the body its acronym ends
            or (k > 1 and tokens[k - 1] in _BODY_ENDS)  # "Energy Bureau Deputy Director": a body by its noun
        ):
            return " ".join(tokens[k:]), first
    body = bodies.get(tokens[0])
    if body and len(tokens) > 1:
        return " ".join(tokens[1:]), body
    k = len(tokens) - 1 - (len(tokens) > 2 and tokens[-2] in TITLE_MODIFIERS)
    if (  # "Latrobe City Mayor": a council's or an area's name (not "Energy", not "County" alone) is where it is held
        tokens[-1] in TITLES
        and k > 1
        and (tokens[k - 1] in PLACE_WORDS or _COUNCIL.fullmatch(tokens[k - 1]))
        and tokens[0] not in ORG_WORDS | PLACE_WORDS
    ):
        return " ".join(tokens[k:]), " ".join(tokens[:k])
    return None


#: a capitalised title in an apposition after a name, and where it is held ("X, the Deputy Voivode of Silesia",
#: "X, the Starosta of Tarnowskie Góry county"), made once
_TITLE_AFTER = re.compile(
    rf",\s+(?:the\s+)?((?:(?:{'|'.join(TITLE_MODIFIERS)})[\s-])?(?:{'|'.join(TITLES)}))"
    r"(?:\s+(?:of|for)\s+([A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|county|district|province|region))*))?(?=[\s,.;])"
)


#: a title an area's or a body's possessive gives after a name ("X, the canton's Minister for Energy")
_OWNED_TITLE = re.compile(
    rf",\s+the\s+({HELD_NOUNS})['’]s\s+((?:(?:{'|'.join(TITLE_MODIFIERS)})[\s-])?(?:{'|'.join(TITLES)}))(?=[\s,.;])"
)


def _after_name(seen: Occurrences, person: str) -> tuple[int, int]:
    """Where the words right after the first mention of ``person`` start, and a window's end (the text's
    end when the person is not named)."""
    at = seen.first(person)
    return (at + len(person), at + len(person) + 200) if at >= 0 else (len(seen.text), len(seen.text))


#: a portfolio in capitals between a title and the place it is held in ("… Minister of Housing and Utilities of the Y")
_PORTFOLIO = r"[A-Z][\w'’-]+(?:,?\s+(?:and\s+|&\s+)?[A-Z][\w'’-]+){0,3}"
#: a title just before a name ("Mayor", "Mines and Energy Minister", "Gov.", "Deputy Akim": a title word and a
#: title the lexicon does not know; "Deputy Mayor of Tychy": the title and where it is held), made once
_TITLED = re.compile(
    rf"(?<![\w'’-])((?:[A-Z][\w'’-]*\s+|(?:Gov|Sen|Rep|Lt|Gen)\.\s+|and\s+){{0,6}}?(?:{'|'.join(TITLES)}|{OCCUPATIONS.title()}|"
    rf"(?:{'|'.join(TITLE_MODIFIERS)})\s+[A-Z][\w'’-]+)\.?)"
    rf"(?:(?:\s+(?:of|for)\s+{_PORTFOLIO}(?=\s+of\s+the\s))?\s+of\s+(?:the\s+)?((?:[A-Z][\w'’-]+\s+){{1,2}}?)|\s+)\Z"
)


def _titled_before(seen: Occurrences, person: str) -> re.Match[str] | None:
    """The title written just before the first mention of ``person`` that has one (read in a window
    before each mention, so that the pattern is compiled once, not once per person)."""
    text = seen.text
    for at in seen.of(person):
        after = text[at + len(person) : at + len(person) + 1]
        if not (after and (after[0].isalnum() or after == "_") and (person[-1:].isalnum() or person[-1:] == "_")):
            found = _TITLED.search(text, max(0, at - 200), at)
            if found:
                return found
    return None


_DETERMINER = re.compile(rf"(?:Its|its|(?:The|the)\s+({HELD_NOUNS}|plant|mine|station)['’]s)\s")


def _determined(seen: Occurrences, names: list[Name], phrase: str, at: int) -> str | None:
    """The organisation a role's determiner at ``at`` names ("Its", "The company's", "the union's", "The plant's"):
    the last one named before of the noun's kind, else the last organisation named before; None for no determiner."""
    found = _DETERMINER.match(phrase)
    if found is None:
        return None
    text = seen.text
    noun = found.group(1)
    kind = _named_as(text, names, noun, at, seen) if noun and noun not in ("plant", "mine", "station") else None
    return (
        kind
        or (_defined_subject(text, names, at) if noun is None else None)
        or _referent(text, names, at, seen=seen)
        or _opening_noun(text, names, at, seen)
        or _body_which(text, names, at)
        or _opening_body(text, names, at)
    )


#: a sentence opening on a name the verb "is" makes a body ("X is a joint venture of …", "X is the company that …")
_IS_A_BODY = re.compile(
    rf"\s+(?:is|was)\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?(?:joint venture|subsidiary|{ORG_NOUNS})\b"
    r"[^.!?\n]*[.!?]\s+\Z"
)


def _defined_subject(text: str, names: list[Name], at: int) -> str | None:
    """What "Its" at ``at`` refers to when the sentence before opens on a name it says is a body ("X is a joint
    venture of the utility and Y AG, a Z company. Its managing director, …": X, not Y named last)."""
    stop = text.rfind(". ", 0, max(0, at - 2))
    start = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, at) + 1)
    first = bisect.bisect_left(names, start, key=lambda n: n.start)
    if first == len(names) or names[first].start != start:  # a body's name may look like a person's: the verb says
        return None
    return names[first].text if _IS_A_BODY.match(text, names[first].end, at) else None


#: a capitalised determiner the name-finder may leave as a name of its own ("The company has …")
_DETERMINER_WORD = re.compile(r"(?:The|A|An|This|That|These|Those|It|Its|Their)\b")


def _opening_body(text: str, names: list[Name], at: int) -> str | None:
    """The body "Its" at ``at`` refers to when its sentence, or the one before, opens on a name that a verb follows
    ("Kestrel says …. Its chief operating officer, X,"): not a person, nor a place (a name the text writes after
    "in")."""
    end = at
    for _ in range(2):
        window = max(0, end - 400)
        dot = text.rfind(". ", window, end)
        opening = max(dot + 2 if dot >= 0 else window, text.rfind("\n", window, end) + 1)
        first = names[bisect.bisect_left(names, opening, key=lambda n: n.start) :][:1]
        if first and first[0].start == opening and first[0].end <= at and not _DETERMINER_WORD.match(first[0].text):
            n = first[0]
            verb = re.match(r"\s+[a-z]", text[n.end : n.end + 2])
            place = re.search(rf"\bin\s+{re.escape(n.text)}\b", text)
            return n.text if verb and not n.person and not place else None
        end = opening - 1
    return None


#: a sentence opening on "The" and a name that a "which" clause follows ("The Ib Valley Colliery Mazdoor Sangh, which
#: has …"): a body, not a person or a place
_THE_NAME_WHICH = re.compile(r"(?:^|(?<=[.!?] )|(?<=\n))The\s+$")


def _body_which(text: str, names: list[Name], at: int) -> str | None:
    """The body "Its" at ``at`` refers to when the last name before it (300 characters back at most) opens its
    sentence after "The", a "which" clause after it (an organisation the lexicon has no word for)."""
    before = names[: bisect.bisect_left(names, at, key=lambda n: n.start)]
    n = before[-1] if before else None
    if n is None or n.person or n.end > at or at - n.end > 300 or not text.startswith(", which ", n.end):
        return None
    return n.text if _THE_NAME_WHICH.search(text, max(0, n.start - 6), n.start) else None


def _referent(text: str, names: list[Name], at: int, reach: int = 300, seen: Occurrences | None = None) -> str | None:
    """The organisation "Its" or "The company's" at ``at`` refers to: the last name before it (at
    most ``reach`` characters back) that is one by its words ("Nordkraft AB", "Ministry of Energy"), by
    an apposition ("Sintracarbón, the mine workers' union") or, with ``seen``, as the first words of a company's
    name written elsewhere ("Dongsheng" of "Heilongjiang Dongsheng Coal Group"); never a person."""
    for n in reversed(names[: bisect.bisect_left(names, at, key=lambda n: n.start)]):  # those after: never
        if n.end > at:
            continue
        if at - n.end >= reach:
            return None
        acronym = _ACRONYM_NEXT.match(text, n.end)  # "Ligniti Dytikis Makedonias (LDM)": no person has one
        if n.person and not acronym:
            continue
        if (
            acronym
            or set(n.text.split()) & (ORG_WORDS | COMPANY_WORDS)
            or (seen is not None and _short_company(seen, n.text))
            or _KIND_NEXT.match(text, n.end)  # "The Shakhtyor trade union": a name its kind follows
            or re.match(
                rf",\s+(?:the|a|an|its|their)\s+(?:{_NOT_A_PREPOSITION}[\w'’-]+\s+){{0,4}}?(?:{ORG_NOUNS})\b",
                text[n.end : n.end + 80],
            )
        ):
            listed = _LISTED_BEFORE.search(text, max(0, n.start - 80), n.start)
            return f"{listed.group(1)}{n.text}" if listed else n.text
    return None


_ACRONYM_NEXT = re.compile(r"\s+\([A-Z]{2,}\)")
#: a union's kind in lower case right after its name: "Shakhtyor trade union", "IG BCE mining and energy union"
_KIND_NEXT = re.compile(
    r"\s+(?:(?!(?:the|a|an|to|that|of|in|for|with|at|by|from|is|was|has)\b)[a-z][\w-]*\s+){0,3}?"
    r"(?:union|federation|confederation)\b(?!['’])"
)
#: the words of a name over a list's commas, after "the": "the Chemical, Energy and Allied Workers' Union"
_LISTED_BEFORE = re.compile(r"\b[Tt]he\s+((?:[A-Z][\w'’-]*,\s+)+)\Z")
#: a title after "its", just before a name ("…, its Chief Executive Officer X told PTI")
_ITS_TITLE = re.compile(r"\bits\s+(?:[A-Z][\w-]*\s+){1,5}\Z")


def _its_subject(text: str, names: list[Name], at: int) -> str | None:
    """The organisation the sentence opens on when the person at ``at`` is given a title after "its" ("Angul Syngas
    Ltd, a joint venture of Brahmani Coalfields Ltd …, will …, its Chief Executive Officer X told PTI": Angul
    Syngas Ltd, not the last company named)."""
    if at < 0 or not _ITS_TITLE.search(text, max(0, at - 80), at):
        return None
    window = max(0, at - 600)
    dot = text.rfind(". ", window, at)
    opening = max(dot + 2 if dot >= 0 else window, text.rfind("\n", window, at) + 1)
    first = names[bisect.bisect_left(names, opening, key=lambda n: n.start) :][:1]
    if not first or first[0].start - opening > 4 or first[0].start >= at:
        return None
    words = set(first[0].text.split())
    return first[0].text if words & (ORG_WORDS | COMPANY_WORDS) or _ACRONYM_NEXT.match(text, first[0].end) else None


#: a sentence's subject that is an organisation named before by its kind ("The ministry expects …")
_OPENING_NOUN = re.compile(rf"(?:^|(?<=[.!?] )|(?<=\n))The\s+({HELD_NOUNS})\b(?!['’])")


def _opening_noun(text: str, names: list[Name], at: int, seen: Occurrences) -> str | None:
    """The organisation "its" at ``at`` refers to when its sentence opens on one by its kind ("The ministry expects
    …, according to its spokeswoman, X"): the last one named before of that kind."""
    window = max(0, at - 300)
    opening = max(text.rfind(". ", window, at) + 2, text.rfind("\n", window, at) + 1, window)
    found = _OPENING_NOUN.match(text, opening, at)
    return _named_as(text, names, found.group(1), opening, seen) if found else None


def _owner(organisation: str | None) -> str | None:
    """The organisation a possessive names ("Solidarity's mining section", "Solidarity's": Solidarity); a part a
    body of two words or more owns is the body's ("University of Sarajevo's School of Economics": the university)."""
    if not organisation:
        return None
    owner = re.sub(r"['’]s(?:\s+[a-z][\w'’-]*)*$", "", organisation)
    return re.sub(r"^((?:\S+\s+)+\S+?)['’]s\s+[A-Z].*$", r"\1", owner)


def _whole(organisation: str | None) -> str | None:
    """The organisation a part of it belongs to ("Hendrina branch of the National Union of Mineworkers (NUM)", "Local
    1733 of the … Union": the union, its acronym in brackets dropped); any other as it is, but for an acronym in
    brackets after it."""
    if not organisation:
        return organisation
    whole = re.sub(rf"^.*\b(?i:{PART_NOUNS})(?:\s+\d+)?\s+of\s+(?:the\s+)?(?=[^\W\d_])", "", organisation)
    return re.sub(r"\s+\([^()]*\)$", "", whole) if whole != organisation else _ACRONYM_AFTER.sub("", organisation)


#: an organisation's acronym in brackets after its name ("Association of Mineworkers and Construction Union (AMCU)")
_ACRONYM_AFTER = re.compile(r"\s+\([A-Z][A-Za-z&.-]*[A-Z]\)$")


def _described_as(seen: Occurrences, person: str) -> tuple[str, str | None] | None:
    """A role with an article and no title: "X, a former lamp-room attendant at Y," or "X, a former picking-belt
    sorter who …" (not "a mother of three")."""
    found = seen.after(person, _DESCRIBED)
    if found is None or found.group(1).split()[-1] in NOT_ROLES or set(found.group(1).split()) & FUNCTION_WORDS:
        return None
    return found.group(1), found.group(2)


_DESCRIBED = re.compile(
    r",\s+(?:\d+,\s+)?(?:a|an)\s+((?:former\s+)?(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)"
    rf"(?:,|\s+who\b|\s+(?:at|of|for|with)\s+(?:the\s+)?{_ORG}(?=[\s,.;]))"
)
_OCCUPATION_BEFORE = re.compile(  # never from inside a word ("said board member X": not "aid board member")
    rf"(?<![\w'’-])((?:[A-Z][\w'’&-]*\s+(?:(?:of|and|for|&)\s+)?){{0,5}})"
    rf"((?:(?!(?:{SPEECH}|a|an|the|and|of|at|in|on|by|to|for|with|from|that|as)\b)[a-z][\w'’-]*\s+){{0,3}}"
    rf"(?:(?:vice|co|deputy|assistant)-)?(?:{OCCUPATIONS}))\s+\Z"
)


#: the sentence after a person's first mention opening on their role, the pronoun after it ("… Radu Ilie still
#: knows every hook. A former shift foreman who spent 31 years underground, he comes back …")
_FRONTED = re.compile(
    rf"[^.!?\n]*[.!?]\s+(?:A|An)\s+((?:former\s+)?(?:[a-z][\w-]*\s+){{0,2}}(?:{OCCUPATIONS}))"
    r"\s+(?:who|whose)\b[^.!?\"“”\n]*?,\s+(?:he|she)\b"
)


#: the sentence after a person's first mention telling, of a pronoun, the trade they took ("Sun Guirong, 49, is one of
#: them. After 22 years at the mine, she retrained as a turbine technician in 2024")
_TOOK_UP = re.compile(
    rf"[^.!?\n]*[.!?]\s+[^.!?\"“”\n]*?\b(?:he|she|the\s+\d+-year-old)\s+(?:(?:now|later)\s+)?(?:retrained|trained|"
    rf"qualified|works|worked|became|has become|is)\s+(?:now\s+)?(?:as\s+)?(?:a|an)\s+((?:[a-z][\w-]*\s+){{0,2}}"
    rf"(?:{OCCUPATIONS}))\b(?:\s+at\s+((?:[{UPPER}][\w'’-]*\s+){{0,3}}[{UPPER}][\w'’-]*))?"
)  # "Today the 49-year-old is a kiln operator at Poor Fork Timberworks": the organisation too


def _fronted(seen: Occurrences, person: str, names: list[Name]) -> tuple[str, str | None] | None:
    """The role a sentence opens on right after a person's first mention, its subject a pronoun for them, or the
    trade the sentence after it says they took ("she retrained as a turbine technician")."""
    at = seen.first(person)
    found = (
        (_FRONTED.match(seen.text, at + len(person)) or _TOOK_UP.match(seen.text, at + len(person)))
        if at >= 0
        else None
    )
    if found is None or any(n.person and at + len(person) <= n.start < found.end() for n in names):
        return None  # another person named between: the pronoun may be theirs
    return found.group(1), found.group(2) if found.re is _TOOK_UP else None


def _role_before(seen: Occurrences, person: str, names: list[Name]) -> tuple[str, str | None] | None:
    """A role in lower case before the name, after the organisation's name when one is written
    ("Exxaro chief executive X", "Mining and Energy Union district president X"), or after an
    adjective ("Local real estate agent X")."""
    found = seen.before(person, _OCCUPATION_BEFORE)
    if not found:
        return None
    head, role = found.group(1).strip(), found.group(2)
    if head.startswith("Former "):  # "Former Boone County coal miner X": a former coal miner
        head, role = head.removeprefix("Former "), f"former {role}"
    if head.split()[-1:] and head.split()[-1] in PLACE_WORDS and _TRADE.search(role):
        return role, None  # "Boone County coal miner X": where the miner lives or works, no organisation
    owned = _possessed(seen, names, head, role, found.start())
    if owned:
        return owned
    opening = found.start() == 0 or re.search(
        r"(?:[.!?][\"”’]?\s+|\n\s*)\Z", seen.text[max(0, found.start() - 4) : found.start()]
    )
    named = bool(set(_written_names(seen, names)[0].get(head, [])) - {found.start()})  # "Exxaro chief executive X"
    if opening and " " not in head and not named and not _IN_A_BODY.match(role):
        head, role = "", found.group(0).strip()  # "Haul truck driver X" opening a sentence: a word of the role

    if head and (
        any(n.text == head for n in names)
        or _proper(seen.text, head)
        or (" " in head and set(head.split()) & ORG_WORDS)  # "Mine Workers Union of Zambia branch chairperson X"
    ):
        return role, head  # "Msukaligwa municipal manager X": a word the text never writes in lower case
    return (f"{head} {role}" if head else role), _held(seen, person)  # "Union leader X of the CFMEU"


def _possessed(seen: Occurrences, names: list[Name], head: str, role: str, at: int) -> tuple[str, str | None] | None:
    """A role after a possessive, which names where it is held and is no word of it: "Gippsland Cells' chief
    executive X" (Gippsland Cells), "The company's management board chairman X" (the company named before)."""
    owner = re.fullmatch(r"(?:The\s+)?(.+?)(?:['’]s|(?<=s)['’])", head)
    if owner and role[:1].islower() and owner.group(1) not in TITLE_WORDS | TITLE_MODIFIERS:
        return role, owner.group(1)
    determiner = re.match(r"([a-z][\w-]*)['’]s\s+", role)
    if determiner and head in ("The", "Its", "its", "the", ""):
        phrase = f"{head} {role}" if head else role
        return role[determiner.end() :], _determined(seen, names, phrase.replace("The ", "the ", 1), at)
    return None


#: a role's first word that says it is held in a body or an area ("municipal manager", "district secretary")
_IN_A_BODY = re.compile(
    r"(?:municipal|district|county|city|town|village|provincial|regional|state|council|party|union|branch|local)\b"
)


def _proper(text: str, head: str) -> bool:
    """Whether capitalised words before a role are a name: each of them a word the text never writes in lower
    case, no title word and no adjective that opens a description ("Local real estate agent X": no name)."""
    return all(
        word[:1].isupper()
        and word not in _DESCRIBING | ORG_WORDS  # "Union leader X of the CFMEU": no name
        and word.lower() not in _STOP_LOWER
        and not re.search(rf"\b{re.escape(word.lower())}\b", text)
        for word in head.split()
        if word not in ("of", "and", "for", "&")
    )


_STOP_LOWER = {w.lower() for w in STOP}
#: capitalised words that open the description of a person, not a name ("Local", "Retired", "Senior")
_DESCRIBING = (
    TITLE_WORDS
    | TITLE_MODIFIERS
    | {
        "Local",
        "Former",
        "Retired",
        "Veteran",
        "Longtime",
        "Long-time",
        "Fellow",
        "Interim",
        "Young",
        "Elderly",
        "Independent",
        "Part-time",
        "Full-time",
    }
)

_HELD = re.compile(rf",?\s+(?:of|at|from)\s+(?:the\s+)?{_ORG}")  # "X, of the University of Y,"


#: an organisation right after a name with no role between: "X of the Y", "X, of the miners' union Y,", "X, who
#: studies … at Y" (never "X of Tychy": a body takes "the", a place rarely does; never "who worked at Y", "who spoke
#: at Y": a past post, a venue)
#: an employer the person works for, in a relative clause or in the next sentence's pronoun ("X, who works for the
#: utility Y", "… said X. She has been working for the energy giant Y for ten years"): Y
_WORKS_FOR = (
    r"(?:,?\s+who|[^.!?\n\"“”]{0,40}?\.\s+(?:She|He))\s+(?:has\s+been\s+working|has\s+worked|had\s+worked|works|worked)"
    rf"\s+for\s+(?:the\s+|an?\s+)?(?:[a-z][\w-]*\s+){{0,2}}?{_ORG}"
)
_MEMBER_OF = re.compile(
    rf"(?:,\s+of\s+(?:the\s+)?|\s+of\s+the\s+)(?:[a-z][\w-]*s['’]\s+)?{_ORG}"  # ", of Y University's campus,"
    rf"|,?\s+who\s+(?:studies|researches|teaches|lectures|works|leads|heads|directs)\s+(?:[^,.;:\"“”\n]{{0,80}}?\s+)?at\s+(?:the\s+)?{_ORG}"
    rf"|{_WORKS_FOR}"
)


def _member_of(seen: Occurrences, person: str) -> str | None:
    """The organisation written right after a person's name, with no role between ("X of the Y")."""
    found = seen.after(person, _MEMBER_OF)
    return _owner(next(group for group in found.groups() if group)) if found else None


def _held(seen: Occurrences, person: str) -> str | None:
    """The organisation written after a titled person's name ("Professor X of the University", "X, of the Y")."""
    held = seen.after(person, _HELD)
    return held.group(1) if held else None


def _role(seen: Occurrences, speaker: str, role: str, organisation: str | None) -> list[Candidate]:
    """The role a quote's speaker holds, as a candidate of its own resting on the words that
    state it ("Mayor Katrin Möller", "Liu Jianguo, deputy director of the … Commission")."""
    text = seen.text
    held = re.compile(
        (r"(?:\s+(?:of|at|for|from|with|in)\s+(?:the\s+)?" + re.escape(organisation) + ")?") if organisation else ""
    )
    span: tuple[int, int] | None = None
    titled = seen.before(speaker, re.compile(re.escape(role) + r"\s+\Z"), bounded=False)
    if titled:  # "Mayor Katrin Möller"
        after = titled.end() + len(speaker)
        span = (titled.start(), held.match(text, after).end())  # type: ignore[union-attr]
    apposition = (
        None if span else seen.after(speaker, re.compile(r",\s+(?:(?:a|an|the)\s+)?" + re.escape(role) + held.pattern))
    )
    if apposition:  # "Liu Jianguo, deputy director of …"
        span = (apposition.start() - len(speaker), apposition.end())
    if span is None and organisation:  # "Deputy Mayor of Tychy Jan Nowak"
        where = re.compile(rf"{re.escape(role)}\s+of\s+{re.escape(organisation)}\s+\Z")
        found = seen.before(speaker, where, bounded=False)
        span = (found.start(), found.end() + len(speaker)) if found else None
    if span is None:
        return []
    c = Candidate("CandidateRole", span[0], span[1], text[span[0] : span[1]])
    c.add("candidateSpeaker", turtle.text(speaker))
    c.add("candidateRole", turtle.text(role))
    if organisation:
        c.add("candidateOrganisation", turtle.text(organisation))
    return [c]
