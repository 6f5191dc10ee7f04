"""One name, one label: the entities of a whole text made consistent after NER.

The small English model labels each sentence on its own, so one surname is a person here and an
organisation there, a president becomes a place in a Title Case headline, and "Islamic State"
falls into "Islamic" + "State". `consistent_entities(text, entities)` fixes that for the text as
a whole, in this order:

1. **Edges and missed names**: punctuation and symbols at either end of a name are left out ("Aisha Khan £" →
   "Aisha Khan"); a name with no letter or digit left is dropped. A known first name right
   before a name joins it ("Pavel" + "Novak"), and a first name with a capitalised surname the
   model missed altogether is a person ("Teresa Alvarado"; not "Grace Church").
2. **Fragments**: two names separated by one space join when the joined name is also named
   whole in the text, or when the second is a word such as State, Party or Front ("Islamic" +
   "State"), or Church, Hospital, School after a possessive ("St. Brendan" + "'s Church"); the
   joined name takes the second one's label. A name followed by capitalised words that make a
   name the text gives elsewhere takes them ("Border" + " Patrol").
3. **Kinds by their look**: a name ending in Act, Treaty, Statute… is a law; a name that is
   only a language ("Swahili") is a language; a name right after a personal title (Mr, Ms, Senator, President…)
   or made of a known first name and a surname ("Ricardo Alves") is a person, whatever the
   model said, unless its last word names a place or body ("Victoria Station", "Ruiz Foods").
4. **One label per name**: mentions group by name (a word alone with the one longer name it
   ends: a surname with its full name, "Delia" with "Hurricane Delia"); the group takes the
   majority label of its full-name mentions, else of all its mentions; a Title Case headline
   counts half, a lone "person" that starts an organisation's name ("Vireo" of "Vireo
   Software") is that organisation, and a name found only in
   such a headline is dropped (the model guesses there: "Calm Heads", "Apologises After"),
   unless its last words are a name the body uses, which it becomes ("Gaffe-Prone Stanbridge"
   → "Stanbridge"). A headline may end in a quote mark. "the Amazon" and "Amazon" are two names.
5. **Missed mentions**: a name the model found once, or the name of a country, is found
   wherever else it occurs with the same capitals, in the headline too (unless the same word
   also occurs in lower case).

Around these steps, `core.nlp.not_names` repairs the edges of names (datelines, brackets, "Age
Concern UK") and leaves out words that name no actor ("Harvard-educated", "Education
Secretary", "Covid", a sentence's first word taken for a person).

Labels outside `core.kinds.ACTOR_LABELS` (dates, numbers, works, laws…) are left as they are.
Pure Python, linear in the text (a dictionary lookup per capitalised word).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..comparison.names import PERSON_TITLES, clean_name
from ..kinds import ACTOR_LABELS, same_name_key
from ..model import EntitySpan
from ..segments import title_case_headline
from .countries import COUNTRIES
from .gender import NOT_SURNAMES, is_given_name, title_before, title_gender
from .not_names import dropped, repaired

#: Second words that make a fragment part of one name with the word before ("Islamic State").
NAME_HEADS = frozenset(
    """
    state party front army movement union council republic brotherhood group force forces guard
    league congress assembly alliance federation coalition brigade brigades command committee
    authority corps jihad liberation front
    """.split()
)
#: Words that end a name after a saint's or founder's possessive ("St. Brendan's Church").
POSSESSIVE_HEADS = frozenset("church cathedral chapel abbey basilica parish hospital school college academy "
                             "hall".split())
#: Last words of the names of laws and treaties ("Patriot Act", "Rome Statute").
LAW_WORDS = frozenset("act acts ordinance statute treaty law laws accord accords charter protocol amendment "
                      "directive regulation regulations constitution bill".split())
#: Names that are only languages (not also a people or a place): "in Swahili".
LANGUAGES = frozenset("hindi urdu swahili kiswahili mandarin cantonese farsi pashto dari amharic tagalog "
                      "esperanto dholuo yiddish sanskrit latin gaelic afrikaans isizulu isixhosa sesotho "
                      "setswana kinyarwanda lingala wolof malayalam telugu kannada marathi".split())
_TITLES_ONE_WORD = frozenset(t for t in PERSON_TITLES if " " not in t) - {"former", "ex", "late", "acting", "interim"}
_GIVEN_BEFORE = re.compile(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?) $")
_FIRST_LAST = re.compile(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?) ([A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?)\b(?![ -][A-Z])")
_EDGE = re.compile(r"^[^\w]+|[^\w.]+$|(?<=\w\w)\.$")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’\-]*(?:[ .][A-Z][\w'’\-]*)*")


@dataclass(frozen=True)
class Consistency:
    """The consistent entities, and how many the step changed (relabelled, trimmed, joined or
    found) against the model's own."""

    entities: tuple[EntitySpan, ...]
    changed: int = 0


def consistent_entities(text: str, entities: Iterable[EntitySpan], common_nouns: frozenset[str] = frozenset()) -> Consistency:
    """The entities of `text` with one label per name (see the module docstring); words that
    name no actor are left out (`core.nlp.not_names`; `common_nouns`, the lemmatizer's nouns,
    tell a sentence's first word from a name)."""
    original = sorted(entities, key=lambda e: (e.start, e.end))
    headline = _headline(text)
    spans = _trimmed(text, original)
    spans = repaired(text, spans, headline, common_nouns)
    spans = _split_run_ons(text, spans)
    spans = _joined(text, spans)
    spans = _with_heads(text, spans)
    spans = _extended_to_known(text, spans)
    spans = _with_given_names(text, spans)
    spans = _unfound_people(text, spans)
    spans = [_person_by_look(text, e) for e in spans]
    spans = _one_label(text, spans, headline)
    spans = _short_forms_of_bodies(text, spans)
    spans = _missed(text, spans, headline)
    spans = dropped(text, spans, common_nouns)
    before = {(e.start, e.end, e.label) for e in original}
    changed = sum(1 for e in spans if (e.start, e.end, e.label) not in before)
    return Consistency(tuple(spans), changed)


def _span(text: str, start: int, end: int, label: str) -> EntitySpan:
    return EntitySpan(start, end, label, text[start:end])


def _trimmed(text: str, entities: Sequence[EntitySpan]) -> list[EntitySpan]:
    kept = []
    for e in entities:
        if e.label not in ACTOR_LABELS:
            kept.append(e)
            continue
        start, end = e.start, e.end
        while start < end and not (text[start].isalnum()):
            start += 1
        while end > start and not (text[end - 1].isalnum() or (text[end - 1] == "." and _acronym_dot(text, start, end))):
            end -= 1
        if start >= end or not any(ch.isalpha() for ch in text[start:end]):
            continue
        kept.append(e if (start, end) == (e.start, e.end) else _span(text, start, end, e.label))
    return kept


_SPACED_DASH = re.compile(r"\s+[-–—]\s+")
_CONNECTOR = re.compile(r"\s+(?:for|to|with|against|and|from|at|by|than|versus|vs)\s+")


def _split_run_ons(text: str, entities: list[EntitySpan]) -> list[EntitySpan]:
    """"Dornau for Lindqvist's" as one name: split at a lower-case connector when both sides
    are names the text gives on their own elsewhere (a surname counts)."""
    known: set[str] = set()
    for e in entities:
        key = same_name_key(e.text)
        known.add(key)
        if e.label == "PERSON" and " " in key:
            known.add(key.split()[-1])
    out: list[EntitySpan] = []
    for e in entities:
        dash = _SPACED_DASH.search(e.text) if e.label in ACTOR_LABELS else None
        if dash is not None:  # "England - Northgate Athletic": a name never holds a spaced dash
            cursor = 0
            for piece in _SPACED_DASH.split(e.text):
                offset = e.text.find(piece, cursor)
                cursor = offset + len(piece)
                if any(ch.isalpha() for ch in piece):
                    out.append(_span(text, e.start + offset, e.start + cursor, e.label))
            continue
        match = _CONNECTOR.search(e.text) if e.label in ACTOR_LABELS else None
        if match is not None:
            left, right = e.text[: match.start()], e.text[match.end() :]
            if same_name_key(left) in known - {same_name_key(e.text)} and same_name_key(right) in known:
                out.append(_span(text, e.start, e.start + len(left), e.label))
                right_start = e.start + match.end()
                end = e.end - (2 if right.endswith(("'s", "’s")) else 0)
                out.append(_span(text, right_start, end, e.label))
                continue
        out.append(e)
    return out


def _acronym_dot(text: str, start: int, end: int) -> bool:
    """"U.S." keeps its last full stop; "Putin." does not."""
    return end - start >= 3 and text[end - 3] == "."


def _joined(text: str, entities: list[EntitySpan]) -> list[EntitySpan]:
    whole = {same_name_key(e.text) for e in entities if " " in e.text}
    out: list[EntitySpan] = []
    for e in entities:
        if out:
            last = out[-1]
            gap = text[last.end : e.start]
            both = last.label in ACTOR_LABELS and e.label in ACTOR_LABELS
            possessive = gap in ("'s ", "’s ") or (gap == " " and last.text.endswith(("'s", "’s")))
            if both and possessive and e.text.casefold() in POSSESSIVE_HEADS and last.text[:1].isupper():
                out[-1] = _span(text, last.start, e.end, e.label)  # "St. Brendan" + "'s" + "Church"
                continue
            if both and gap == " " and last.text[:1].isupper() and e.text[:1].isupper():
                joined = text[last.start : e.end]
                head = e.text.split()[0].casefold() if " " not in last.text else ""
                if same_name_key(joined) in whole or (" " not in e.text and head in NAME_HEADS):
                    out[-1] = _span(text, last.start, e.end, e.label)
                    continue
        out.append(e)
    return out


def _extended_to_known(text: str, entities: list[EntitySpan]) -> list[EntitySpan]:
    """"a Border Patrol agent" when the model found only "Border": a name followed by
    capitalised words (in no entity) that make a longer name the text gives elsewhere takes
    them."""
    whole = {same_name_key(e.text): e.label for e in entities if " " in e.text.strip() and e.label in ACTOR_LABELS}
    if not whole:
        return entities
    out: list[EntitySpan] = []
    for i, e in enumerate(entities):
        if e.label in ACTOR_LABELS:
            limit = entities[i + 1].start if i + 1 < len(entities) else len(text)
            match = re.match(r"(?: [A-Z][\w'’\-]*){1,3}", text[e.end : min(limit, e.end + 60)])
            while match is not None:
                key = same_name_key(text[e.start : e.end + match.end()])
                if key in whole:
                    e = _span(text, e.start, e.end + match.end(), whole[key])
                    break
                shorter = match.group().rsplit(" ", 1)[0]
                match = re.match(re.escape(shorter), text[e.end :]) if shorter else None
        out.append(e)
    return out


def _with_heads(text: str, entities: list[EntitySpan]) -> list[EntitySpan]:
    """"St. Brendan's Church" when the model found only "St. Brendan's": a possessive name
    followed by Church, Hospital, School… (capitalised, in no entity) takes that word."""
    out: list[EntitySpan] = []
    for i, e in enumerate(entities):
        if e.label in ACTOR_LABELS and e.text.endswith(("'s", "’s")):
            match = re.match(r" ([A-Z][a-z]+)\b", text[e.end : e.end + 20])
            free = i + 1 >= len(entities) or entities[i + 1].start > e.end + 1
            if match and free and match.group(1).casefold() in POSSESSIVE_HEADS:
                e = _span(text, e.start, e.end + match.end(), e.label)
        out.append(e)
    return out


def _with_given_names(text: str, entities: list[EntitySpan]) -> list[EntitySpan]:
    """"Pavel Novak" when the model found only "Novak": a known first name right before a name
    (one space, capitalised, in no entity) joins it."""
    out: list[EntitySpan] = []
    for e in entities:
        if e.label in ACTOR_LABELS and e.label != "NORP" and " " not in e.text:
            match = _GIVEN_BEFORE.search(text, max(0, e.start - 30), e.start)
            clear = not out or out[-1].end <= (match.start() if match else e.start)
            if match and match.end() == e.start and clear and is_given_name(match.group(1)):
                e = _span(text, match.start(1), e.end, e.label)
        out.append(e)
    return out


def _unfound_people(text: str, entities: list[EntitySpan]) -> list[EntitySpan]:
    """"Teresa Alvarado" when the model missed it: a known first name and a capitalised word
    after it, in no entity, the second word no common word of the text nor one naming a place
    or a body ("Grace Church"), is a person."""
    lower = set(re.findall(r"\b[a-z][\w\-]*\b", text))
    taken = sorted((e.start, e.end) for e in entities)
    starts = [a for a, _b in taken]
    found: list[EntitySpan] = []
    for match in _FIRST_LAST.finditer(text):
        given, surname = match.group(1), match.group(2)
        if not is_given_name(given) or surname.casefold() in NOT_SURNAMES or surname.casefold() in lower:
            continue
        if title_gender(surname) or surname.casefold() in _TITLES_ONE_WORD:
            continue
        i = bisect_right(starts, match.start()) - 1
        overlaps = (i >= 0 and taken[i][1] > match.start()) or (i + 1 < len(taken) and taken[i + 1][0] < match.end())
        if not overlaps:
            found.append(_span(text, match.start(), match.end(), "PERSON"))
    return sorted([*entities, *found], key=lambda e: (e.start, e.end)) if found else entities


def _looks_like_person(text: str, e: EntitySpan) -> bool:
    words = e.text.split()
    before = title_before(text, e.start).casefold().strip(".")
    if len(words) >= 2 and (words[0].casefold().strip(".") in _TITLES_ONE_WORD or title_gender(words[0])):
        before, words = words[0].casefold().strip("."), words[1:]  # "Ms Wanjiku" as one entity
    if before in _TITLES_ONE_WORD or title_gender(before):
        return len(words) <= 3 and all(w[:1].isupper() for w in words)
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    if words[-1].casefold().strip(".") in NOT_SURNAMES or any(ch.isdigit() for ch in e.text):
        return False
    return is_given_name(words[0]) and words[-1].replace("-", "").isalpha() and not words[-1].isupper()


def _person_by_look(text: str, e: EntitySpan) -> EntitySpan:
    words = e.text.split()
    if e.label in ACTOR_LABELS and len(words) >= 2 and words[-1].casefold().strip(".,") in LAW_WORDS:
        return replace(e, label="LAW")
    if e.label in ACTOR_LABELS and same_name_key(e.text) in LANGUAGES:
        return replace(e, label="LANGUAGE")
    if e.label != "GPE" and _is_country(e.text) and not _looks_like_person(text, e):
        return replace(e, label="GPE")  # "Jordan" after a verb, "Niger" as a date
    if e.label in ACTOR_LABELS and e.label not in ("PERSON", "NORP") and _looks_like_person(text, e):
        return replace(e, label="PERSON")
    return e


def _is_country(name: str) -> bool:
    key = same_name_key(name)
    return key in COUNTRIES and (name[:1].isupper()) and (len(key) > 2 or name.isupper())


def _headline(text: str) -> tuple[int, int]:
    return title_case_headline(text)


def _key(text: str, e: EntitySpan) -> str:
    name = clean_name(e.text, e.label if e.label == "PERSON" else "ORG")
    key = same_name_key(name)
    if " " not in key and text[max(0, e.start - 4) : e.start].casefold() == "the ":
        key = "the " + key  # "the Amazon" (a place) and "Amazon" (a company) are two names
    return key


#: Labels that are names (and so take part in one name, one label): not dates or numbers.
NAME_LABELS = ACTOR_LABELS | {"EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"}


def _one_label(text: str, entities: list[EntitySpan], headline: tuple[int, int]) -> list[EntitySpan]:
    names = [e for e in entities if e.label in NAME_LABELS]
    keys = {id(e): _key(text, e) for e in names}
    # A word alone joins the one longer name it ends ("Mudimbi" with "Jean-Baptiste Mudimbi",
    # "Delia" with "Hurricane Delia"), so a surname follows its full name.
    endings: dict[str, set[str]] = {}
    for key in set(keys.values()):
        words = key.split()
        if len(words) >= 2 and words[-1] not in NOT_SURNAMES:
            endings.setdefault(words[-1], set()).add(key)
    group = {key: (next(iter(endings[key])) if len(endings.get(key, ())) == 1 else key) for key in set(keys.values())}
    votes: dict[str, dict[str, float]] = {}
    full_votes: dict[str, dict[str, float]] = {}  # the full-name mentions (the longer name itself)
    for e in names:
        key = keys[id(e)]
        weight = 0.5 if headline[0] <= e.start < headline[1] else 1.0
        counter = votes.setdefault(group[key], {})
        counter[e.label] = counter.get(e.label, 0.0) + weight
        if key == group[key] and " " in key:
            full = full_votes.setdefault(key, {})
            full[e.label] = full.get(e.label, 0.0) + weight

    def best(counter: dict[str, float]) -> str:
        return max(counter.items(), key=lambda item: (item[1], item[0] == "PERSON", item[0] in ACTOR_LABELS))[0]

    chosen = {g: best(full_votes[g] if g in full_votes else c) for g, c in votes.items()}
    in_body = {keys[id(e)]: e.label for e in names if not headline[0] <= e.start < headline[1]}
    surnames_in_body = {k.split()[-1] for k in in_body if " " in k}
    out = []
    for e in entities:
        key = keys.get(id(e), "")
        if key and headline[0] <= e.start < headline[1] and key not in in_body and key not in surnames_in_body:
            # Named only in a Title Case headline, where the model guesses ("Apologises After",
            # "Calm Heads"): kept only as the body's name it ends in ("Gaffe-Prone Stanbridge"
            # → "Stanbridge", "Migrants Cross Rio Grande Near Eagle Pass" → "Eagle Pass").
            tail = _body_name_at_end(text, e, set(in_body) | surnames_in_body)
            if tail is None:
                continue
            e, key = tail, _key(text, tail)
            if key not in group:  # a surname the body gives only with its first name
                key = next((k for k in in_body if k.endswith(" " + key)), key)
            if e.label not in NAME_LABELS:
                out.append(e)
                continue
        label = chosen.get(group.get(key, key), e.label) if e.label in NAME_LABELS else e.label
        if _is_country(e.text) and label != "GPE" and e.label == "GPE":
            label = "GPE"
        out.append(e if label == e.label else replace(e, label=label))
    return out


def _short_forms_of_bodies(text: str, entities: list[EntitySpan]) -> list[EntitySpan]:
    """"Vireo" beside "Vireo Software": a "person" whose name is the first words of an
    organisation's or a facility's name in the same text, with no first name and no title, and
    no part of a person's longer name ("Ruiz" of "Carlos Ruiz" beside "Ruiz Foods"), is that
    body's short form and takes its label."""
    bodies: dict[str, str] = {}
    for e in entities:
        if e.label in ("ORG", "FAC") and " " in e.text.strip():
            bodies.setdefault(same_name_key(e.text), e.label)
    if not bodies:
        return entities
    relabel: dict[str, str] = {}
    people = {w for e in entities if e.label == "PERSON" and " " in e.text.strip() for w in same_name_key(e.text).split()}
    for e in entities:
        key = same_name_key(e.text)
        if (e.label != "PERSON" or key in relabel or len(key.split()) > 2 or is_given_name(key.split()[0])
                or key in people):  # "Ruiz" of "Carlos Ruiz", beside "Ruiz Foods"
            continue
        longer = {label for body, label in bodies.items() if body.startswith(key + " ")}
        if len(longer) == 1:
            relabel[key] = longer.pop()
    for e in entities:  # a title before any mention says person after all ("Mr Vireo")
        key = same_name_key(e.text)
        if key in relabel and (title_gender(title_before(text, e.start)) or title_before(text, e.start).casefold() in _TITLES_ONE_WORD):
            del relabel[key]
    return [replace(e, label=relabel[same_name_key(e.text)]) if e.label == "PERSON" and same_name_key(e.text) in relabel
            else e for e in entities]


def _body_name_at_end(text: str, e: EntitySpan, body: set[str]) -> EntitySpan | None:
    """The last words of a headline name that make a name of the body ("Eagle Pass" of
    "Migrants Cross Rio Grande Near Eagle Pass"), as a span with the body's label, or None."""
    words = list(re.finditer(r"\S+", e.text))
    for word in words[1:]:
        start = e.start + word.start()
        piece = text[start : e.end]
        for label in ("PERSON", "ORG"):
            key = same_name_key(clean_name(piece, label))
            if key in body:
                end = start + len(piece)
                while end > start and not text[end - 1].isalnum():
                    end -= 1
                if text[start:end].endswith(("'s", "’s")):
                    end -= 2
                return _span(text, start, end, e.label)
    return None


def _missed(text: str, entities: list[EntitySpan], headline: tuple[int, int]) -> list[EntitySpan]:
    """Other occurrences of the names found, with the same capitals, where no entity is."""
    forms: dict[str, str] = {}
    for e in entities:
        if e.label in ACTOR_LABELS and e.text[:1].isupper() and len(e.text) >= 3 and "\n" not in e.text:
            name = e.text
            if name.endswith(("'s", "’s")):
                name = name[:-2]
            forms.setdefault(name, e.label)
            parts = name.split()
            if e.label == "PERSON" and len(parts) >= 2 and parts[-1][:1].isupper() and len(parts[-1]) >= 3:
                forms.setdefault(parts[-1], "PERSON")  # "Asante" after "Kofi Asante"
    for match in re.finditer(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}\b", text):  # countries the model missed
        name = match.group()
        if _is_country(name) and name.count(" ") == 0 or same_name_key(name) in COUNTRIES:
            forms.setdefault(name, "GPE")
    if not forms:
        return entities
    lower = set(re.findall(r"\b[a-z][\w\-]*\b", text))
    forms = {f: label for f, label in forms.items() if f.casefold() not in lower}
    longest = max((len(f.split()) for f in forms), default=0)
    taken = sorted((e.start, e.end) for e in entities)
    found: list[EntitySpan] = []
    cursor = 0
    for match in _CAPITALISED.finditer(text):
        words: list[re.Match[str]] = list(re.finditer(r"\S+", match.group()))
        i = 0
        while i < len(words):
            hit = None
            for n in range(min(longest, len(words) - i), 0, -1):
                start = match.start() + words[i].start()
                end = match.start() + words[i + n - 1].end()
                while end > start and not text[end - 1].isalnum():
                    end -= 1
                candidate = text[start:end]
                if candidate.endswith(("'s", "’s")):
                    candidate, end = candidate[:-2], end - 2
                if candidate in forms:
                    hit = (start, end, forms[candidate], n)
                    break
            if hit is None:
                i += 1
                continue
            start, end, label, n = hit
            whole_run = (i == 0 or words[i - 1].group().strip(".").casefold() in _TITLES_ONE_WORD) and i + n == len(words)
            if not (whole_run or headline[0] <= start < headline[1]):
                i += n
                continue
            while cursor < len(taken) and taken[cursor][1] <= start:
                cursor += 1
            overlaps = cursor < len(taken) and taken[cursor][0] < end
            if not overlaps:
                found.append(_span(text, start, end, label))
            i += n
    return sorted([*entities, *found], key=lambda e: (e.start, e.end)) if found else entities
