"""Words the model takes for names that are no names of actors, and names it cuts wrongly.

Part of one name, one label (`core.nlp.labels.consistent_entities`). Pure Python over the text
and the entity spans; `common_nouns` (the lemmatizer's noun list, `core.nlp.lemmas`) is the one
outside fact.

`repaired` (before the labels are made consistent) fixes the edges of names:

- a **dateline** ("RIVERTON, Westland (State Capitol News) - …"): the news agency in brackets
  is no actor (dropped), a name cut at a bracket keeps the part before it ("Westland (State
  Capitol News" → "Westland"), and its places are places ("KARACHI, Pakistan" → GPE);
- a stray bracket anywhere cuts a name the same way;
- a word before a person's first name that is no title the model knows ("Moderator Paul
  Nguyen", "Nurse Janice Okafor") is left out of the name;
- a country acronym ending a run of capitalised words is the end of an organisation's name
  ("Age Concern UK" is one organisation, not "UK").

`dropped` (after them) leaves out:

- words of a compound: "Harvard-educated", "Laid-off", "pro-Kremlin";
- the portfolio of a minister or secretary ("Education Secretary", "Labour minister");
- names of diseases, rites and scriptures ("Covid", "Mass", "the Gospel");
- a lone word the model calls a person that only starts sentences (or follows "the"), is a
  common noun, is never a part of a longer name, nor after a title, nor followed by what
  follows a person ("Bush, the sheriff,", "Bush said"): "Turnout was 78 per cent", "Mosques
  in the town opened…";

and relabels as a place a lone "person" that the text only ever places someone in or at ("from
Bolton", "in Brookfield"), and a one-word "organisation" or "person" the text shows to be a town
or a country ("the market town of Dornau", "Lentavia" beside "Lentavian"), as an
organisation a one-word "place" named right after what it is ("the regulator Ofwat", "the
campaign group Kinrise"), and an age ("22-year-old", "Hayes, 23,") from a date to a number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..kinds import ACTOR_LABELS, same_name_key
from ..model import EntitySpan
from ..segments import paragraph_ranges
from .gender import is_given_name

#: Government portfolios: "Education" in "Education Secretary" is no organisation.
PORTFOLIOS = frozenset(
    """
    education health labour labor finance treasury home foreign defence defense justice
    transport transportation environment interior energy trade culture housing agriculture
    immigration employment business industry commerce tourism sport sports science technology
    communications security welfare work pensions veterans commerce fisheries mining water
    """.split()
)
_PORTFOLIO_HOLDERS = ("minister", "secretary", "ministers", "secretaries")
#: Names of diseases, rites and scriptures the model takes for people or places.
NEVER_ACTORS = frozenset(
    """
    covid covid-19 coronavirus sars ebola mpox gospel gospels mass bible scripture scriptures
    eucharist communion koran quran torah talmud
    """.split()
)
#: Words for a role or a form of address that may stand before a person's full name.
ROLE_WORDS = frozenset(
    """
    moderator nurse parishioner pensioner mum dad maulana mufti ustad comrade anchor presenter
    host coach activist campaigner resident widow teacher student veteran lawyer councillor
    """.split()
)
#: Country acronyms that end an organisation's name ("Age Concern UK", "Amnesty International USA").
_COUNTRY_ACRONYMS = frozenset({"uk", "u.k.", "us", "u.s.", "usa", "u.s.a."})
_LEAD_STOP = frozenset("the a an in on of for to from and at by with as but or if when while after before "
                       "under over since says said".split())
_DATELINE = re.compile(
    r"(?P<city>[A-Z][A-Z'.\- ]*[A-Z.]),[ \u00a0]+(?P<region>[A-Z][\w.'\- ]{1,40}?)"
    r"(?:[ \u00a0]+\((?P<agency>[^()\n]{2,60})\))?[ \u00a0]+[-–—][ \u00a0]")
_SENTENCE_START = re.compile(r"(?:[.!?…:;][\"'”’)]*\s+|\n\s*)(?:[\"'“‘(]\s*)?(?:the\s+)?$", re.IGNORECASE)
#: What follows a person's name ("Bush, the sheriff, said", "Bush said", "Bush's deputies").
_PERSON_AFTER = re.compile(
    r"(?:,|'s\b|’s\b|\s+(?:said|says|told|tells|added|argued|insisted|claimed|warned|wrote|asked|replied|"
    r"noted|explained|stated|announced|denied|admitted|who|himself|herself)\b)")
_PLACE_BEFORE = re.compile(r"\b(?:from|in|near|outside|across|around)\s+$", re.IGNORECASE)


def _span(text: str, start: int, end: int, label: str) -> EntitySpan:
    return EntitySpan(start, end, label, text[start:end])


def repaired(text: str, entities: Iterable[EntitySpan], headline: tuple[int, int] = (0, 0),
             common_nouns: frozenset[str] = frozenset()) -> list[EntitySpan]:
    """The entities with the edges of names repaired (see the module docstring)."""
    spans = sorted(entities, key=lambda e: (e.start, e.end))
    datelines = _datelines(text)
    out: list[EntitySpan] = []
    for e in spans:
        if e.label not in ACTOR_LABELS:
            out.append(e)
            continue
        agency = next((d for d in datelines if d[2] < d[3] and e.start < d[3] and d[2] < e.end), None)
        if agency is not None and e.start >= agency[2] - 1:
            continue  # the news agency of a dateline
        cut = _cut_at_bracket(text, e)
        if cut is None:
            continue
        e = cut
        if any(a <= e.start and e.end <= b for a, b, _c, _d in datelines) and e.label != "GPE":
            e = _span(text, e.start, e.end, "GPE")  # "KARACHI, Pakistan -": the dateline's places
        e = _without_lead_word(text, e, common_nouns)
        out.append(e)
    return _country_acronym_orgs(text, out, headline)


def _datelines(text: str) -> list[tuple[int, int, int, int]]:
    """(start, end of the places, agency start, agency end) of the datelines opening one of the
    first three paragraphs."""
    found = []
    for start, _end in paragraph_ranges(text[:4000])[:3]:
        match = _DATELINE.match(text, start)
        if match is not None:
            agency = match.span("agency") if match.group("agency") else (match.end(), match.end())
            found.append((match.start(), match.end("region"), *agency))
    return found


def _cut_at_bracket(text: str, e: EntitySpan) -> EntitySpan | None:
    opened, closed = e.text.count("("), e.text.count(")")
    if opened == closed:
        return e
    cut = e.text.find("(") if opened > closed else e.text.rfind(")") + 1
    piece = e.text[:cut] if opened > closed else e.text[cut:]
    start = e.start + (0 if opened > closed else cut)
    start += len(piece) - len(piece.lstrip())
    end = start + len(piece.strip())
    if not any(ch.isalpha() for ch in text[start:end]):
        return None
    return _span(text, start, end, e.label)


def _without_lead_word(text: str, e: EntitySpan, common_nouns: frozenset[str]) -> EntitySpan:
    """"Moderator Paul Nguyen" → "Paul Nguyen": a role word before a known first name (a
    common noun of five letters or more, or a known form of address such as "Maulana"), itself
    no first name. "Tan Wei Ming" keeps its surname first."""
    if e.label != "PERSON":
        return e
    words = list(re.finditer(r"\S+", e.text))
    if len(words) < 3:
        return e
    lead, given = words[0].group(), words[1].group()
    role = lead.casefold() in ROLE_WORDS or (len(lead) >= 5 and lead.casefold() in common_nouns)
    if role and lead[:1].isupper() and not is_given_name(lead) and is_given_name(given) \
            and given[:1].isupper() and lead.isalpha():
        return _span(text, e.start + words[1].start(), e.end, e.label)
    return e


def _country_acronym_orgs(text: str, entities: list[EntitySpan], headline: tuple[int, int]) -> list[EntitySpan]:
    out: list[EntitySpan] = []
    for e in entities:
        start = _organisation_start(text, e) if not headline[0] <= e.start < headline[1] else None
        if start is not None:
            while out and out[-1].start >= start and out[-1].end <= e.start:
                out.pop()  # "Age Concern" found as a name of its own: one name with "UK"
            if not out or out[-1].end <= start:
                out.append(_span(text, start, e.end, "ORG"))
                continue
        out.append(e)
    return out


def _organisation_start(text: str, e: EntitySpan) -> int | None:
    """Where the organisation a country acronym ends starts ("Age Concern UK"), or None."""
    if e.label != "GPE" or same_name_key(e.text) not in _COUNTRY_ACRONYMS:
        return None
    line_start = text.rfind("\n", 0, e.start) + 1
    run = re.search(r"((?:[A-Z][\w&'’\-]*[ \u00a0])+)$", text[max(line_start, e.start - 80) : e.start])
    if run is None:
        return None
    words = run.group(1).split()
    while words and words[0].casefold() in _LEAD_STOP:
        words.pop(0)
    if not words or len(words) > 4 or any(w.casefold() in _LEAD_STOP for w in words):
        return None
    start = e.start - len(" ".join(words)) - 1
    return start if text[start : e.start - 1] == " ".join(words) else None


def dropped(text: str, entities: Iterable[EntitySpan], common_nouns: frozenset[str] = frozenset()) -> list[EntitySpan]:
    """The entities without the words that name no actor, and lone "people" the text only
    places things in relabelled as places (see the module docstring)."""
    spans = list(entities)
    name_parts = {w.casefold() for e in spans if e.label == "PERSON" for w in e.text.split()[:-1] or ()}
    name_parts |= {e.text.split()[-1].casefold() for e in spans if e.label == "PERSON" and " " in e.text}
    lone_people: dict[str, list[EntitySpan]] = {}
    for e in spans:
        if e.label == "PERSON" and " " not in e.text.strip():
            lone_people.setdefault(same_name_key(e.text), []).append(e)
    common = {key for key, found in lone_people.items() if _common_noun_only(text, key, found, name_parts, common_nouns)}
    towns = _places_by_cue(text, spans, name_parts)
    bodies = _organisations_by_cue(text, spans, name_parts)
    placed = {key for key, found in lone_people.items()
              if key not in name_parts and all(_PLACE_BEFORE.search(text, max(0, e.start - 12), e.start) for e in found)}
    out: list[EntitySpan] = []
    for e in spans:
        if e.label == "DATE" and _is_age(text, e):
            e = _span(text, e.start, e.end, "CARDINAL")  # "22-year-old", "John Miller, 71,": an age is no date
        if e.label not in ACTOR_LABELS:
            out.append(e)
            continue
        key = same_name_key(e.text)
        if _in_compound(text, e) or _portfolio(text, e, key) or key in NEVER_ACTORS:
            continue
        if e.label == "PERSON" and key in common:
            continue
        if (e.label == "PERSON" and key in placed) or (e.label in ("ORG", "PERSON") and key in towns):
            e = _span(text, e.start, e.end, "GPE")
        elif e.label in ("GPE", "LOC") and key in bodies:
            e = _span(text, e.start, e.end, "ORG")
        out.append(e)
    return out


_AGE = re.compile(r"(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)[- ]years?[- ]old", re.IGNORECASE)


def _is_age(text: str, e: EntitySpan) -> bool:
    """"22-year-old", "52 years old", "Hayes, 23," or "aged 71": a person's age, not a date."""
    if _AGE.fullmatch(e.text.strip()):
        return True
    if not re.fullmatch(r"\d{1,3}", e.text.strip()):
        return False
    before, after = text[max(0, e.start - 5) : e.start], text[e.end : e.end + 1]
    return (before.endswith(", ") and after in (",", ")", ".", ";")) or before.casefold().endswith("aged ")


#: What names a town or a country before its name ("the market town of Dornau", "the capital,
#: Varn", "near Dornau", "the residents of Dornau").
_TOWN_BEFORE = re.compile(
    r"\b(?:(?:town|city|village|capital|port|district|province|region|suburbs?|outskirts|residents|streets|"
    r"mayor|people|citizens) of|(?:capital|town|city|village),|near)\s+$", re.IGNORECASE)


def _places_by_cue(text: str, spans: list[EntitySpan], name_parts: set[str]) -> set[str]:
    """One-word names the model calls an organisation or a person that the text shows to be a
    town or a country: a mention after "the town of", "the capital,", "near"…, or a
    nationality word made from the name ("Lentavia" beside "Lentavian", "Kestria" beside
    "Kestrians")."""
    groups = {same_name_key(e.text) for e in spans if e.label == "NORP"}
    found: set[str] = set()
    for e in spans:
        key = same_name_key(e.text)
        if e.label not in ("ORG", "PERSON") or " " in key or key in name_parts or key in found:
            continue
        demonyms = {key + "n", key + "ns", key + "an", key + "ans", key + "ian", key + "ians", key + "ese", key + "i"}
        if demonyms & groups or _TOWN_BEFORE.search(text[max(0, e.start - 30) : e.start]):
            found.add(key)
    return found


#: What names an organisation just before its one-word name ("the regulator Ofwat", "the
#: campaign group Kinrise", "the company Vireo").
_BODY_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?)\s+(?:[a-z]+\s+)?(?:regulator|watchdog|charity|company|firm|agency|group|union|party|bank|"
    r"retailer|airline|broadcaster|newspaper|publisher|ministry|foundation|institute|think[- ]tank|club|"
    r"supermarket|chain|insurer|carmaker|manufacturer|developer|operator|utility|lender|network)\s+$")


def _organisations_by_cue(text: str, spans: list[EntitySpan], name_parts: set[str]) -> set[str]:
    """One-word names the model calls a place that the text shows to be an organisation: a
    mention right after "the regulator", "the charity", "the company"… (never a "person":
    "the company Holloway founded" names a person)."""
    found: set[str] = set()
    for e in spans:
        key = same_name_key(e.text)
        if e.label not in ("GPE", "LOC") or " " in key or key in name_parts:
            continue
        if _BODY_BEFORE.search(text[max(0, e.start - 40) : e.start]):
            found.add(key)
    return found


def _in_compound(text: str, e: EntitySpan) -> bool:
    """"Harvard-educated", "Laid-off", "pro-Kremlin": a name joined by a hyphen to a lower-case word."""
    after = text[e.end : e.end + 2]
    before = text[max(0, e.start - 2) : e.start]
    return (len(after) == 2 and after[0] == "-" and after[1].islower()) or (
        len(before) == 2 and before[1] == "-" and before[0].islower())


def _portfolio(text: str, e: EntitySpan, key: str) -> bool:
    if key not in PORTFOLIOS:
        return False
    following = re.match(r"[ \u00a0]+([A-Za-z]+)", text[e.end : e.end + 20])
    if following is not None and following.group(1).casefold() in _PORTFOLIO_HOLDERS:
        return True
    return re.search(r"\b(?:minister|secretary|ministry|department|spokesman|spokeswoman)\s+(?:of|for)\s+(?:the\s+)?$",
                     text[max(0, e.start - 40) : e.start], re.IGNORECASE) is not None and e.label != "ORG"


def _common_noun_only(text: str, key: str, found: list[EntitySpan], name_parts: set[str],
                      common_nouns: frozenset[str]) -> bool:
    if key in name_parts or not common_nouns:
        return False
    noun = key[:-1] if key.endswith("s") and key[:-1] in common_nouns else key
    if noun not in common_nouns:
        return False
    for e in found:  # at a sentence's start, a title would start it instead
        before = ("\n" if e.start < 12 else "") + text[max(0, e.start - 12) : e.start]
        if _SENTENCE_START.search(before) is None or _PERSON_AFTER.match(text, e.end):
            return False
    return True
