"""Context guards: reasons not to mark a lexicon match that only the words around it give.
Each has an id, so it can be switched off (`core.nlp.rules.DEFAULT_RULES`) and measured
(`make quality`); `core.nlp.matcher` applies them after the guards of `core.nlp.guards`.

* `guard.official`: the match lies inside a fixed or official phrase, where the words name a
  thing, a law, a title or a category of offence rather than pass a verdict: "act of terror",
  "war on terror", "terror groups" (a legal listing), "Patriot missiles", "Homeland Security",
  "People's Liberation Army", "Islamic State", "propaganda department". Plurals and possessives
  of the phrase's words match too.
* `guard.attribution`: the standard hedges of attribution in news ("allegedly", "alleged",
  "reportedly", "purportedly", "according to", "is believed to") are journalism's honest
  caution, not doubt, unless the sentence itself doubts: another doubt marker in it
  ("so-called", "dubious"), or a cue such as "no evidence", "without evidence", "unverified".
* `guard.known_name`: a capitalised word at the start of a sentence or line, matched by a
  lower-case entry, is a name when the text treats the same word as a name elsewhere: inside a
  named entity, or capitalised in the middle of a sentence while its lower-case form never
  occurs ("Shams" at the start of a line, when "Shams" signs the letter below).

Also here: entry exceptions (`except=`) that match the entry's inflected forms, so that
`claim … except=claim responsibility` also leaves "claimed responsibility" alone (part of
`guard.except`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from spacy.tokens import Doc

from .guards import entity_labels, name_candidate, sentence_initial, title_case_context

if TYPE_CHECKING:
    from .rules import Found

OFFICIAL = "guard.official"
ATTRIBUTION = "guard.attribution"
KNOWN_NAME = "guard.known_name"
CONTEXT_GUARDS = frozenset({OFFICIAL, ATTRIBUTION, KNOWN_NAME})

#: Fixed and official phrases: names of things, laws, offices and offences, in which no lexicon
#: word passes a verdict (lower case; tokenized with the pipeline's tokenizer when compiled).
OFFICIAL_PHRASES: tuple[str, ...] = (
    # terrorism as a category of law, policing and intelligence
    "act of terror", "war on terror", "global war on terror", "terror attack", "terror group",
    "terror organisation", "terror organization", "terror network", "terror cell", "terror plot",
    "terror suspect", "terror charge", "terror offence", "terror offense", "terror threat",
    "terror threat level", "terror alert", "terror law", "terror legislation", "terror list",
    "terror watchlist", "terror watch list", "terror designation", "terror financing", "terror finance",
    "terror funding", "terror probe", "terror investigation", "terror inquiry", "terror raid",
    "terror arrest", "terror police", "terror unit", "terror squad", "terror trial", "terror case",
    "terror conviction", "terror incident", "terror-related", "terror related", "counter-terror",
    "counterterror", "anti-terror", "sponsor of terror", "state sponsor of terror", "terror sponsor",
    "terror designation", "terror blacklist", "terror ban",
    # names of weapons, laws, armies, parties, days, places and groups
    "patriot missile", "patriot system", "patriot battery", "patriot air defence", "patriot air defense",
    "patriot interceptor", "patriot launcher", "patriot act", "new england patriots", "great patriotic war",
    "patriotic front", "homeland security", "department of homeland security", "homeland security secretary",
    "homeland security committee", "people's liberation army", "liberation army", "liberation front",
    "liberation organisation", "liberation organization", "palestine liberation organization",
    "liberation tigers", "liberation day", "martyrs' brigade", "martyrs brigade", "martyrs' square",
    "martyrs square", "martyrs' day", "martyrs day", "islamic state", "islamic state group",
    "hero of the soviet union", "hero of ukraine", "hero of russia", "hero of the russian federation",
    "black hawk", "the crusades", "first crusade", "second crusade", "third crusade", "fourth crusade",
    "crusader castle", "crusader state", "reunification day", "fatherland party", "defender of the fatherland",
    "motherland party",
    # offices and titles
    "propaganda minister", "minister of propaganda", "propaganda ministry", "ministry of propaganda",
    "propaganda department", "central propaganda department",
    # findings of a court
    "convicted war criminal",
)

#: Entries that are standard attribution in news (casefolded term texts), not doubt by themselves.
ATTRIBUTION_HEDGES = frozenset({
    "allegedly", "allege", "alleged", "reportedly", "purportedly", "according to", "is believed to",
    "are believed to",
})
#: Words and phrases that show the sentence itself doubts what it attributes.
DOUBT_CUES: tuple[tuple[str, ...], ...] = tuple(tuple(p.split()) for p in (
    "no evidence", "without evidence", "little evidence", "scant evidence", "without proof", "no proof",
    "unfounded", "unproven", "unverified", "unconfirmed", "uncorroborated", "implausible", "doubtful", "dubious",
    "doubt", "doubts", "doubted", "sceptical",
    "skeptical", "far - fetched", "hard to believe", "supposedly", "so - called",
))
#: Entity labels that show the text treats a word as a name.
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})
#: How far (in tokens) the attribution guard looks for the sentence around a match.
SENTENCE_REACH = 60


def same_word(text_word: str, phrase_word: str) -> bool:
    """Is `text_word` the phrase's word, its plural, or the same with another apostrophe?"""
    if text_word == phrase_word:
        return True
    text_word = text_word.translate(_APOSTROPHES)
    p = phrase_word
    return text_word in (p, p + "s", p + "es") or (p.endswith("y") and text_word == p[:-1] + "ies")


def _singular(word: str) -> set[str]:
    word = word.translate(_APOSTROPHES)
    forms = {word}
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    if word.endswith("es"):
        forms.add(word[:-2])
    if word.endswith("s"):
        forms.add(word[:-1])
    return forms


class OfficialPhrases:
    """The built-in fixed phrases, tokenized once, indexed by their words."""

    def __init__(self, tokenize: Callable[[str], tuple[str, ...]], phrases: Iterable[str] = OFFICIAL_PHRASES) -> None:
        self._by_word: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for text in dict.fromkeys(phrases):
            words = tokenize(text)
            for at, word in enumerate(words):
                self._by_word.setdefault(word, []).append((words, at))

    def covers(self, lowers: Sequence[str], start: int, end: int) -> bool:
        """Do tokens [start, end) lie inside one of the phrases?"""
        for form in _singular(lowers[start]):
            for words, at in self._by_word.get(form, ()):
                first, last = start - at, start - at + len(words)
                if first < 0 or last < end or last > len(lowers):
                    continue
                if all(same_word(lowers[first + k], words[k]) for k in range(len(words))):
                    return True
        return False


class EntryException(NamedTuple):
    """One `except=` phrase of an entry: its words, where the entry's own words start in it
    (-1 when they do not occur in it as written) and how many they are."""

    words: tuple[str, ...]
    at: int
    size: int


def entry_exception(words: tuple[str, ...], term_words: tuple[str, ...]) -> EntryException:
    """Locate the entry's words inside one of its exception phrases."""
    size = len(term_words)
    for at in range(len(words) - size + 1):
        if size and words[at:at + size] == term_words:
            return EntryException(words, at, size)
    return EntryException(words, -1, 0)


def in_entry_exception(lowers: Sequence[str], start: int, end: int, exceptions: Iterable[EntryException]) -> bool:
    """Do tokens [start, end), a match of the entry in any of its forms, lie inside one of its
    exception phrases? The phrase's other words match as written or as plurals; the entry's own
    words match in whatever form was found ("claimed responsibility" for "claim responsibility")."""
    n = len(lowers)
    for ex in exceptions:
        if ex.at < 0:
            k = len(ex.words)
            for first in range(max(0, end - k), start + 1):
                if first + k <= n and all(same_word(lowers[first + j], ex.words[j]) for j in range(k)):
                    return True
            continue
        before, after = ex.words[:ex.at], ex.words[ex.at + ex.size:]
        first, last = start - len(before), end + len(after)
        if first < 0 or last > n:
            continue
        if all(same_word(lowers[first + j], w) for j, w in enumerate(before)) and \
                all(same_word(lowers[end + j], w) for j, w in enumerate(after)):
            return True
    return False


# ------------------------------------------------------------------------------ attribution


_STOPS = frozenset({".", "!", "?"})


def sentence_bounds(doc: Doc, i: int, reach: int = SENTENCE_REACH) -> tuple[int, int]:
    """Token range [start, end) of the sentence around token `i` (no parse: ".", "!", "?" and
    line breaks end sentences), at most `reach` tokens either side."""
    start = i
    while start > 0 and i - start < reach:
        prev = doc[start - 1]
        if prev.text in _STOPS or (prev.is_space and "\n" in prev.text):
            break
        start -= 1
    end = i + 1
    while end < len(doc) and end - i < reach:
        token = doc[end]
        if token.is_space and "\n" in token.text:
            break
        end += 1
        if token.text in _STOPS:
            break
    return start, end


def is_attribution(term_text: str) -> bool:
    """Is this entry one of the standard attribution hedges of news?"""
    return " ".join(term_text.lstrip("=").split()).casefold() in ATTRIBUTION_HEDGES


def sentence_doubts(lowers: Sequence[str], start: int, end: int, doubt_spans: Iterable[tuple[int, int]] = ()) -> bool:
    """Does the sentence [start, end) doubt what it reports: a doubt cue in its words, or another
    doubt marker (token ranges in `doubt_spans`) overlapping it?"""
    if any(a < end and start < b for a, b in doubt_spans):
        return True
    for i in range(start, end):
        for cue in DOUBT_CUES:
            if lowers[i] == cue[0] and tuple(lowers[i:i + len(cue)]) == cue:
                return True
    return False


# ------------------------------------------------------------------------------- known names


_OPENERS = frozenset({".", "!", "?", ":", ";", "\"", "\u201c", "\u201d", "\u2018", "\u2019", "'", "(", "[", "\u2014",
                      "\u2013", "*", "#", "\u2022", "|"})


def starts_sentence(doc: Doc, i: int) -> bool:
    """Is token `i` the first word of a line, a sentence or a quotation? Unlike
    `guards.sentence_initial`, a hyphen does not start one ("Eco-Zealots")."""
    j = i - 1
    while j >= 0 and doc[j].is_space and "\n" not in doc[j].text:
        j -= 1
    return j < 0 or doc[j].is_space or doc[j].text in _OPENERS


class KnownNames:
    """Where a text treats a capitalised word as a name: inside a named entity (not on a Title
    Case line, where the recogniser guesses), or capitalised in the middle of a sentence (not on
    a Title Case line) while its lower-case form never occurs in the text. Only the tokens with
    the asked word's letters are looked at (the doc's lower-case token texts are indexed once)."""

    def __init__(self, doc: Doc, lowers: Sequence[str] | None = None) -> None:
        self.doc = doc
        self._lowers = lowers if lowers is not None else [t.lower_ for t in doc]
        self._where: dict[str, list[int]] | None = None
        self._labels: dict[int, str] | None = None
        self._seen: dict[str, list[int]] = {}

    def _evidence(self, word: str) -> list[int]:
        """Token indexes where `word` (exactly as written) is treated as a name."""
        if word not in self._seen:
            self._seen[word] = self._find(word)
        return self._seen[word]

    def _find(self, word: str) -> list[int]:
        if self._where is None:
            self._where = {}
            for j, low in enumerate(self._lowers):
                self._where.setdefault(low, []).append(j)
        doc = self.doc
        places = self._where.get(word.lower(), [])
        texts = [doc[j].text for j in places]
        lower_used = any(text.islower() for text in texts)
        found = []
        for j, text in zip(places, texts):
            if text != word or title_case_context(doc, j):
                continue
            if self._labels is None:
                self._labels = entity_labels(doc)
            if self._labels.get(j) in _NAME_LABELS or (not lower_used and not sentence_initial(doc, j)):
                found.append(j)
        return found

    def elsewhere(self, word: str, i: int) -> bool:
        """Is `word` treated as a name at some token other than `i`?"""
        return any(j != i for j in self._evidence(word))

    def __contains__(self, word: str) -> bool:
        return bool(self._evidence(word))


class DocContext:
    """The context guards for one doc, as the matcher applies them: each check counts what it
    drops in `stats` under its id."""

    def __init__(self, doc: Doc, lowers: Sequence[str], rules: frozenset[str], official: OfficialPhrases | None,
                 stats: Counter[str]) -> None:
        self.doc, self.lowers, self.rules, self.stats = doc, lowers, rules, stats
        self._official = official
        self._names: KnownNames | None = None

    def official(self, found: Found) -> bool:
        """Is the candidate inside a fixed or official phrase (and the guard on)?"""
        if OFFICIAL in self.rules and self._official is not None \
                and self._official.covers(self.lowers, found.start, found.end):
            self.stats[OFFICIAL] += 1
            return True
        return False

    def known_name(self, found: Found, headword: str) -> bool:
        """Is the candidate a capitalised word at the start of a sentence or line that the text
        treats as a name elsewhere (and the guard on)?"""
        token = self.doc[found.start]
        if KNOWN_NAME not in self.rules or not name_candidate(token, headword) \
                or not starts_sentence(self.doc, found.start):
            return False
        if self._names is None:
            self._names = KnownNames(self.doc, self.lowers)
        if self._names.elsewhere(token.text, found.start):
            self.stats[KNOWN_NAME] += 1
            return True
        return False

    def attribution(self, kept: list[tuple[int, Found]]) -> list[tuple[int, Found]]:
        """`kept` without the attribution hedges whose sentence does not itself doubt."""
        if ATTRIBUTION not in self.rules:
            return kept
        hedges = [is_attribution(f.term_text) for _length, f in kept]
        if not any(hedges):
            return kept
        doubt = [(f.start, f.end) for (_length, f), hedge in zip(kept, hedges)
                 if f.category_id == "doubt" and not hedge]
        out: list[tuple[int, Found]] = []
        for (length, f), hedge in zip(kept, hedges):
            if hedge:
                start, end = sentence_bounds(self.doc, f.start)
                if not sentence_doubts(self.lowers, start, end, doubt):
                    self.stats[ATTRIBUTION] += 1
                    continue
            out.append((length, f))
        return out


__all__ = [
    "ATTRIBUTION", "ATTRIBUTION_HEDGES", "CONTEXT_GUARDS", "DOUBT_CUES", "DocContext", "EntryException", "KNOWN_NAME",
    "KnownNames", "OFFICIAL", "OFFICIAL_PHRASES", "OfficialPhrases", "entry_exception", "in_entry_exception",
    "is_attribution", "same_word", "sentence_bounds", "sentence_doubts", "starts_sentence",
]
