"""Compare two analyses: which actors each text names (aligned across texts), what it calls them,
and how much each framing category is used.

Actor alignment rules (applied to both texts together, so the same rules align them):

- Names are normalised with `normalise_name`: possessive 's/’s, surrounding punctuation, a leading
  "the", case, and (for people) titles such as President, Mr, Dr, Prime Minister are dropped.
- PERSON mentions with two or more words group by surname; two full names with the same surname
  but different first names ("Joe Biden", "Hunter Biden") are different people. A bare surname
  ("Biden", "Biden's") joins the full name with that surname that is most frequent in the same
  text, else in both texts; a bare word that is nobody's surname but someone's first name joins
  that person; anything else is its own actor.
- An ORG/GPE/LOC/FAC/PRODUCT/WORK_OF_ART mention whose name is exactly the surname or full name
  of a person that the same text names as PERSON joins that person (the small English model
  often labels a bare surname as ORG or GPE).
- Other labels join on the exact normalised name regardless of label (NER labels drift), and
  acronyms join the multi-word name they abbreviate ("UN" ~ "U.N." ~ "the United Nations",
  "EU" ~ "European Union"). "the Kremlin" stays "Kremlin", its own actor.
- DATE, TIME, PERCENT, MONEY, QUANTITY, ORDINAL and CARDINAL are not actors.

An actor is named by its longest form (most words, then most frequent, then first seen), e.g.
"Vladimir Putin"; its label is the most frequent label of its mentions.

Agency: each actor's side lists the verbs where one of its mentions is the agent or the patient
(`core.model.Role`, from `core.nlp.agency`). A pronoun argument is resolved with the same actor
identity (`core.roles.resolve_roles`: a fitting actor in the same or the previous sentence) and
marked `inferred`. The comparison also aligns the texts' passages (`core.alignment`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .alignment import Alignment, align_passages
from ..model import Analysis, Descriptor, Passive, Side
from .roles import AgencyLink, resolve_roles
from .word_choice import WordChoiceRow, word_choice, word_choice_to_json
from ..lexicons.wordchoice import ChoiceSet

#: Entity labels that are never actors.
NON_ACTOR_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})

#: Labels the small English model often gives to a bare surname ("Holloway's" as ORG).
MISLABELLED_PERSON_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})

#: Titles stripped from the front of person names; multi-word titles are tried first.
PERSON_TITLES: tuple[str, ...] = tuple(
    sorted(
        {
            "president", "vice president", "vice-president", "president-elect", "prime minister",
            "deputy prime minister", "foreign minister", "defence minister", "defense minister",
            "finance minister", "interior minister", "foreign secretary", "home secretary",
            "secretary of state", "secretary", "minister", "chancellor", "premier", "senator",
            "sen", "representative", "rep", "congressman", "congresswoman", "governor", "gov",
            "mayor", "mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor", "sir",
            "dame", "lord", "lady", "general", "gen", "lieutenant general", "major general",
            "colonel", "col", "lt", "captain", "capt", "admiral", "commander", "marshal", "field marshal",
            "king", "queen", "prince", "princess", "pope", "ayatollah", "sheikh", "emir", "sultan",
            "judge", "justice", "chief justice", "ambassador", "speaker", "rev", "reverend",
            "former", "ex", "late", "acting", "interim",
        },
        key=lambda t: (-len(t.split()), -len(t), t),
    )
)
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_ACRONYM_STOP = frozenset({"of", "the", "and", "for", "&", "de", "la", "on", "in", "du", "des"})
_ACRONYM_RE = re.compile(r"^(?:[A-Z]\.){2,6}$|^[A-Z](?:\.?[A-Z]){1,5}\.?$")
_EDGE_PUNCT = "\"'“”‘’«»()[]{}<>,;:!?.-–—*_•·▪ \t\n"


# --------------------------------------------------------------------------------------------
# Names


def _clean_name(text: str, label: str) -> str:
    """`normalise_name` without lower-casing: the display form of a mention."""
    name = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    name = " ".join(name.split())
    for _ in range(3):
        before = name
        name = name.strip(_EDGE_PUNCT.replace(".", "")).strip()
        name = re.sub(r"(?:'s|')$", "", name, flags=re.IGNORECASE).strip()
        if re.match(r"(?i)^the\s+", name):
            name = name[4:].strip()
        if name == before:
            break
    if label == "PERSON":
        while True:
            lowered = name.lower()
            for title in PERSON_TITLES:
                for candidate in (title + ". ", title + " "):
                    if lowered.startswith(candidate) and len(name) > len(candidate):
                        name = name[len(candidate) :].strip()
                        break
                else:
                    continue
                break
            else:
                break
    # A trailing full stop is kept only on acronyms ("U.N."): "Putin." → "Putin".
    if name.endswith(".") and not _ACRONYM_RE.match(name):
        name = name.rstrip(".").strip()
    return name or " ".join(text.split())


def normalise_name(text: str, label: str) -> str:
    """The comparable form of an entity mention: lower case, without possessive, leading "the",
    surrounding punctuation and (for PERSON) titles. "President Putin's" → "putin"."""
    return _clean_name(text, label).lower()


def _acronym_key(display: str, norm: str) -> str | None:
    """The letters of an acronym-shaped name ("U.N." → "un", "NATO" → "nato"), else None."""
    if _ACRONYM_RE.match(display.replace(" ", "")):
        return re.sub(r"[.\s]", "", norm)
    return None


def _initials(norm: str) -> set[str]:
    words = [w for w in re.split(r"[\s\-]+", norm) if w]
    if len(words) < 2:
        return set()
    variants = {
        "".join(w[0] for w in words if w[0].isalnum()),
        "".join(w[0] for w in words if w not in _ACRONYM_STOP and w[0].isalnum()),
    }
    return {v for v in variants if len(v) >= 2}


# --------------------------------------------------------------------------------------------
# Data model


def rank_words(words: Iterable[str]) -> list[tuple[str, int]]:
    """(word, count), most frequent first, ties alphabetical (case-insensitive, then exact):
    the one ranking every view and export uses for descriptors and verbs."""
    counts = Counter(words)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold(), item[0]))


def rank_descriptors(descriptors: Iterable[Descriptor]) -> list[tuple[str, int]]:
    """Descriptor labels ("reckless", "not pragmatist") ranked by `rank_words`."""
    return rank_words(d.label for d in descriptors)


def summary(ranked: Sequence[tuple[str, int]], limit: int | None = None) -> str:
    """"invade ×2, bomb" from ranked (word, count) pairs."""
    shown = ranked if limit is None else ranked[:limit]
    return ", ".join(word if n == 1 else f"{word} ×{n}" for word, n in shown)


@dataclass(frozen=True)
class ActorSide:
    """One actor in one text: how often it is named, where, what the text calls it, and what
    it does (`agent`) and has done to it (`patient`)."""

    count: int = 0
    mentions: tuple[tuple[int, int], ...] = ()
    descriptors: tuple[Descriptor, ...] = ()
    agent: tuple[AgencyLink, ...] = ()
    patient: tuple[AgencyLink, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "descriptors": [
                {
                    "word": d.word,
                    "relation": d.relation,
                    "start": d.start,
                    "end": d.end,
                    "sentence_start": d.sentence_start,
                    "sentence_end": d.sentence_end,
                    **({"negated": True} if d.negated else {}),
                }
                for d in self.descriptors
            ],
            "mentions": [[start, end] for start, end in self.mentions],
            "agent": [link.to_json() for link in self.agent],
            "patient": [link.to_json() for link in self.patient],
        }


@dataclass(frozen=True)
class Actor:
    """A person, organisation, place… aligned across the two texts."""

    name: str
    label: str
    left: ActorSide = ActorSide()
    right: ActorSide = ActorSide()
    aliases: tuple[str, ...] = ()  # the distinct cleaned forms seen, e.g. ("Putin", "Vladimir Putin")

    @property
    def total(self) -> int:
        return self.left.count + self.right.count

    def side(self, side: Side) -> ActorSide:
        return self.left if side == "left" else self.right

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "label": self.label, "left": self.left.to_json(), "right": self.right.to_json()}


@dataclass(frozen=True)
class ProfileRow:
    """One framing category in both texts: counts, density per 1,000 words, most used terms."""

    category: str
    left_count: int = 0
    right_count: int = 0
    left_density: float = 0.0
    right_density: float = 0.0
    left_top: tuple[tuple[str, int], ...] = ()
    right_top: tuple[tuple[str, int], ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "left": {"count": self.left_count, "density": self.left_density, "top": [[t, n] for t, n in self.left_top]},
            "right": {
                "count": self.right_count,
                "density": self.right_density,
                "top": [[t, n] for t, n in self.right_top],
            },
        }


@dataclass(frozen=True)
class Comparison:
    """Aligned actors (most mentioned first) and the framing profile (category order)."""

    actors: tuple[Actor, ...] = ()
    profile: tuple[ProfileRow, ...] = ()
    left_words: int = 0
    right_words: int = 0
    alignment: Alignment = field(default_factory=Alignment)
    left_passives: tuple[Passive, ...] = ()
    right_passives: tuple[Passive, ...] = ()
    #: the word-choice sets either text uses (`core.comparison.word_choice`)
    word_choice: tuple[WordChoiceRow, ...] = ()

    def passives(self, side: Side) -> tuple[Passive, ...]:
        return self.left_passives if side == "left" else self.right_passives

    def agentless(self, side: Side) -> int:
        """How many passive clauses of `side` do not say who did it."""
        return sum(1 for p in self.passives(side) if p.agent is None)

    @property
    def shared(self) -> tuple[Actor, ...]:
        return tuple(a for a in self.actors if a.left.count and a.right.count)

    @property
    def only_left(self) -> tuple[Actor, ...]:
        return tuple(a for a in self.actors if a.left.count and not a.right.count)

    @property
    def only_right(self) -> tuple[Actor, ...]:
        return tuple(a for a in self.actors if a.right.count and not a.left.count)

    def row(self, category: str) -> ProfileRow | None:
        return next((r for r in self.profile if r.category == category), None)

    def to_json(self) -> dict[str, Any]:
        """The "actors", "profile", "alignment", "left_only", "right_only" and "word_choice"
        parts of `comparison_to_json`."""
        return {
            "actors": [a.to_json() for a in self.actors],
            "profile": {row.category: row.to_json() for row in self.profile},
            **self.alignment.to_json(),
            "word_choice": word_choice_to_json(self.word_choice),
        }


# --------------------------------------------------------------------------------------------
# Alignment


@dataclass
class _Mention:
    side: Side
    start: int
    end: int
    label: str
    display: str
    norm: str
    order: int


@dataclass
class _Group:
    mentions: list[_Mention] = field(default_factory=list)
    person: bool = False

    def first(self) -> int:
        return min(m.order for m in self.mentions)


def _mentions(left: Analysis, right: Analysis) -> list[_Mention]:
    found: list[_Mention] = []
    for side, analysis in (("left", left), ("right", right)):
        for ent in sorted(analysis.entities, key=lambda e: (e.start, e.end)):
            if ent.label in NON_ACTOR_LABELS:
                continue
            display = _clean_name(ent.text, ent.label)
            norm = display.lower()
            if not any(ch.isalnum() for ch in norm):
                continue
            found.append(_Mention(side, ent.start, ent.end, ent.label, display, norm, len(found)))  # type: ignore[arg-type]
    return found


def _name_parts(norm: str) -> list[str]:
    parts = norm.split()
    while len(parts) > 1 and parts[-1].strip(".,") in _NAME_SUFFIXES:
        parts.pop()
    return parts


def _compatible_given(a: str, b: str) -> bool:
    a, b = a.strip("."), b.strip(".")
    if a == b:
        return True
    return (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _group_people(people: list[_Mention], others: list[_Mention]) -> tuple[list[_Group], list[_Mention]]:
    """Person groups, and the non-PERSON mentions that were not taken as people."""
    full: list[tuple[str, str, _Group]] = []  # (surname, first given name, group)
    groups: list[_Group] = []
    bare: list[_Mention] = []
    # Per group: multi-word mentions per side, and the first mention's order (kept up to date as
    # mentions join, so choosing among groups stays linear on long texts).
    full_counts: dict[int, Counter[str]] = {}
    first: dict[int, int] = {}

    def join(group: _Group, m: _Mention) -> None:
        group.mentions.append(m)
        if len(_name_parts(m.norm)) > 1:
            full_counts.setdefault(id(group), Counter())[m.side] += 1
        first[id(group)] = min(first.get(id(group), m.order), m.order)

    for m in people:
        parts = _name_parts(m.norm)
        if len(parts) < 2:
            bare.append(m)
            continue
        surname, given = parts[-1], parts[0]
        for s, g, group in full:
            if s == surname and _compatible_given(g, given):
                join(group, m)
                break
        else:
            group = _Group([], person=True)
            join(group, m)
            full.append((surname, given, group))
            groups.append(group)

    def full_count(group: _Group, side: Side | None) -> int:
        counts = full_counts.get(id(group), Counter())
        return counts[side] if side is not None else sum(counts.values())

    def choose(candidates: list[_Group], side: Side) -> _Group:
        return min(candidates, key=lambda g: (-full_count(g, side), -full_count(g, None), first[id(g)]))

    bare_groups: dict[str, _Group] = {}
    by_full_name: dict[str, _Group] = {}  # multi-word names only ever come from `full` groups
    for group in groups:
        for p in group.mentions:
            by_full_name.setdefault(p.norm, group)

    def find(m: _Mention) -> _Group | None:
        parts = _name_parts(m.norm)
        if len(parts) > 1:  # a mislabelled multi-word mention equal to a person's full name
            return by_full_name.get(m.norm)
        word = parts[0] if parts else m.norm
        by_surname = [g for s, _g, g in full if s == word]
        if by_surname:
            return choose(by_surname, m.side)
        by_given = [g for _s, given, g in full if given == word and len(word) > 1]
        if by_given and m.label == "PERSON":
            return choose(by_given, m.side)
        return bare_groups.get(word)

    for m in bare:
        found = find(m)
        if found is None:
            found = bare_groups[_name_parts(m.norm)[0]] = _Group(person=True)
            groups.append(found)
        join(found, m)
    rest = []
    for m in others:
        taker = find(m) if m.label in MISLABELLED_PERSON_LABELS else None
        # Only when the same text also names that person as a PERSON.
        if taker is not None and any(p.side == m.side and p.label == "PERSON" for p in taker.mentions):
            join(taker, m)
        else:
            rest.append(m)
    return groups, rest


def _group_others(mentions: list[_Mention]) -> list[_Group]:
    """Non-person mentions: exact normalised names, with acronyms joined to their expansions."""
    keys: dict[str, _Group] = {}
    order: list[str] = []
    acronyms: set[str] = set()
    for m in mentions:
        acronym = _acronym_key(m.display, m.norm)
        key = acronym or m.norm
        if acronym:
            acronyms.add(key)
        if key not in keys:
            keys[key] = _Group()
            order.append(key)
        keys[key].mentions.append(m)
    # Join each acronym to the most frequent multi-word name it abbreviates.
    merged: dict[str, str] = {}
    for acronym in sorted(acronyms):
        candidates = [k for k in order if k not in acronyms and acronym in _initials(k) and k not in merged]
        if not candidates:
            continue
        target = min(candidates, key=lambda k: (-len(keys[k].mentions), keys[k].first()))
        keys[target].mentions.extend(keys[acronym].mentions)
        merged[acronym] = target
    return [keys[k] for k in order if k not in merged]


def _name_of(group: _Group) -> str:
    counts = Counter(m.display for m in group.mentions)
    first: dict[str, int] = {}
    for m in group.mentions:
        first.setdefault(m.display, m.order)
    return min(counts, key=lambda d: (-len(d.split()), -counts[d], -len(d), first[d]))


def _label_of(group: _Group) -> str:
    if group.person:
        return "PERSON"
    counts = Counter(m.label for m in group.mentions)
    return min(counts, key=lambda label: (-counts[label], label))


def _side(group: _Group, side: Side, by_mention: dict[tuple[int, int], list[Descriptor]],
          links: tuple[list[AgencyLink], list[AgencyLink]] = ([], [])) -> ActorSide:
    spans = sorted({(m.start, m.end) for m in group.mentions if m.side == side})
    descriptors: list[Descriptor] = []
    seen: set[Descriptor] = set()
    for span in spans:
        for d in by_mention.get(span, ()):
            if d not in seen:
                seen.add(d)
                descriptors.append(d)
    descriptors.sort(key=lambda d: (d.start, d.end, d.mention_start, d.relation))
    agent, patient = (tuple(sorted(set(found), key=lambda k: (k.verb_start, k.start, k.inferred))) for found in links)
    return ActorSide(len(spans), tuple(spans), tuple(descriptors), agent, patient)


def _descriptor_index(descriptors: Iterable[Descriptor]) -> dict[tuple[int, int], list[Descriptor]]:
    index: dict[tuple[int, int], list[Descriptor]] = {}
    for d in descriptors:
        index.setdefault((d.mention_start, d.mention_end), []).append(d)
    return index


def align_actors(left: Analysis, right: Analysis) -> tuple[Actor, ...]:
    """The actors named in either text, aligned across both, most mentioned first."""
    mentions = _mentions(left, right)
    people = [m for m in mentions if m.label == "PERSON"]
    others = [m for m in mentions if m.label != "PERSON"]
    groups, others = _group_people(people, others)
    groups = [g for g in groups if g.mentions] + _group_others(others)
    left_index, right_index = _descriptor_index(left.descriptors), _descriptor_index(right.descriptors)
    labels = [_label_of(group) for group in groups]
    agency = {}
    for side, analysis in (("left", left), ("right", right)):
        spans = sorted({(m.start, m.end, index) for index, g in enumerate(groups) for m in g.mentions if m.side == side})
        agency[side] = resolve_roles(analysis.roles, spans, labels)
    actors = []
    for index, group in enumerate(groups):
        aliases = tuple(sorted({m.display for m in group.mentions}, key=lambda s: (s.casefold(), s)))
        actors.append(
            Actor(
                name=_name_of(group),
                label=labels[index],
                left=_side(group, "left", left_index, agency["left"].get(index, ([], []))),
                right=_side(group, "right", right_index, agency["right"].get(index, ([], []))),
                aliases=aliases,
            )
        )
    actors.sort(key=lambda a: (-a.total, a.name.casefold(), a.label))
    return tuple(actors)


def actor_for_mention(actors: Iterable[Actor], side: Side, start: int, end: int) -> Actor | None:
    """The actor that the mention [start, end) of `side` belongs to: the one "same actor" rule
    (a click in a pane and a row of the comparison mark the same mentions)."""
    for actor in actors:
        if (start, end) in actor.side(side).mentions:
            return actor
    return None


def actors_of_one_text(analysis: Analysis, side: Side) -> tuple[Actor, ...]:
    """The actors of a text that has no counterpart yet, grouped by the same rule as
    `align_actors` (the other side is empty)."""
    empty = Analysis(source="", text="", model=analysis.model, entities=(), framing=(), words=0)
    return align_actors(analysis, empty) if side == "left" else align_actors(empty, analysis)


# --------------------------------------------------------------------------------------------
# Framing profile


def _framing_counts(analysis: Analysis) -> dict[str, int]:
    if analysis.framing_counts:
        return dict(analysis.framing_counts)
    return dict(Counter(f.category for f in analysis.framing))


def _density(count: int, words: int) -> float:
    return round(count * 1000.0 / words, 2) if words else 0.0


def _top(analysis: Analysis, category: str, limit: int) -> tuple[tuple[str, int], ...]:
    counts = Counter(f.term for f in analysis.framing if f.category == category)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold(), item[0]))
    return tuple(ranked[:limit])


def framing_profile(
    left: Analysis, right: Analysis, categories: Sequence[str] | None = None, *, top_terms: int = 10
) -> tuple[ProfileRow, ...]:
    """One row per category: the given `categories` in order (zero rows included), then any other
    category either analysis found, alphabetically, so the rows add up to the framing counts."""
    left_counts, right_counts = _framing_counts(left), _framing_counts(right)
    order = list(dict.fromkeys(categories or ()))
    order += sorted((set(left_counts) | set(right_counts)) - set(order))
    rows = []
    for category in order:
        lc, rc = left_counts.get(category, 0), right_counts.get(category, 0)
        rows.append(
            ProfileRow(
                category=category,
                left_count=lc,
                right_count=rc,
                left_density=_density(lc, left.words),
                right_density=_density(rc, right.words),
                left_top=_top(left, category, top_terms),
                right_top=_top(right, category, top_terms),
            )
        )
    return tuple(rows)


def compare(
    left: Analysis, right: Analysis, categories: Sequence[str] | None = None, *, top_terms: int = 10,
    align: bool = True, choice_sets: Mapping[str, ChoiceSet] | None = None,
) -> Comparison:
    """Align the actors of two analyses (with what each does and has done to it), build their
    framing profile and word choice (`choice_sets`: id → set, for the sets' names and notes)
    and, with `align`, pair the passages that report the same thing."""
    actors = align_actors(left, right)
    alignment = Alignment()
    if align:
        mentions: dict[str, list[tuple[int, int, str]]] = {"left": [], "right": []}
        for index, actor in enumerate(actors):
            for side in ("left", "right"):
                mentions[side].extend((a, b, str(index)) for a, b in actor.side(side).mentions)  # type: ignore[arg-type]
        alignment = align_passages(left.text, right.text, mentions["left"], mentions["right"],
                                   left.excluded, right.excluded)
    return Comparison(
        actors=actors,
        profile=framing_profile(left, right, categories, top_terms=top_terms),
        left_words=left.words,
        right_words=right.words,
        alignment=alignment,
        left_passives=left.passives,
        right_passives=right.passives,
        word_choice=word_choice(left, right, choice_sets),
    )


def passives_to_json(passives: Iterable[Passive]) -> list[dict[str, Any]]:
    """The "passives" list of a side's analysis object in the comparison JSON."""
    return [{"start": p.start, "end": p.end, "verb": p.verb, "agent": p.agent} for p in passives]


def comparison_to_json(left: Analysis, right: Analysis, comparison: Comparison) -> dict[str, Any]:
    """The documented comparison JSON: both analyses (with their passive clauses), the aligned
    actors with their agency, the profile and the passage alignment."""
    return {
        "left": {**left.to_json(), "passives": passives_to_json(left.passives)},
        "right": {**right.to_json(), "passives": passives_to_json(right.passives)},
        **comparison.to_json(),
    }
