"""Passage alignment: which paragraph (and, inside long paragraphs, which sentence) of one text
reports the same thing as a passage of the other. Pure Python; no spaCy, no downloads.

Each passage becomes a bag of features: content words (lower case, lightly stemmed, stop words
dropped), numbers ("14", "91"), and the comparison's actors (an actor named "President
Holloway" in one text and "Marek Holloway" in the other is one feature). Features are weighted
by TF-IDF over the passages of both texts, and passages are compared by cosine similarity.
A pair is kept only when it is confident: each passage is the other's best match and the score
reaches `MIN_SCORE`. Paragraphs without a counterpart are one-sided ("only in this text").
Sentences of long paragraphs are aligned within their paragraph's counterpart the same way.
"""

from __future__ import annotations

import heapq
import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from ..segments import Range, paragraph_ranges, sentence_ranges

#: Lowest cosine similarity of a kept pair (paragraphs / sentences).
MIN_SCORE = 0.18
MIN_SENTENCE_SCORE = 0.3
#: Paragraphs at least this long (and with three sentences or more) are also aligned by sentence.
LONG_PARAGRAPH = 250
#: Query features used to find candidates, and candidates scored in full, per passage.
QUERY_FEATURES = 12
CANDIDATES = 24
#: Features found in more passages than this only score candidates, never propose them.
MAX_POSTINGS = 400
ACTOR_WEIGHT = 1.0
NUMBER_WEIGHT = 1.5

STOP_WORDS = frozenset(
    """
    a an the and or but nor so yet if then than that this these those there here of to in on at by
    for with from into onto over under about after before between through during without within
    against among as is are was were be been being am do does did done doing have has had having
    will would shall should can could may might must it its it's he him his she her hers they them
    their theirs we us our ours you your yours i me my mine who whom whose which what when where why
    how not no never also only just very more most much many some any all each every both either
    neither other another such own same too s t said says say one two new
    """.split()
)
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English stem: "shelled" → "shell", "villages" → "villag", "killing" → "kill"."""
    w = word.lower().replace("’", "'")
    w = w.removesuffix("'s")
    for suffix, keep in (("ies", 3), ("ing", 4), ("ed", 4), ("es", 4), ("ly", 4), ("s", 3)):
        if w.endswith(suffix) and len(w) - len(suffix) >= keep and not w.endswith("ss"):
            w = w[: -len(suffix)]
            break
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]  # "shell" stays, "stopp" → "stop"
    return w


def features(text: str, start: int, end: int, actors: Sequence[tuple[int, int, str]] = ()) -> Counter[str]:
    """The feature bag of `text[start:end]`: stems, "#number", and "@actor" for each actor
    mention inside (a sorted sequence of (start, end, actor key))."""
    bag: Counter[str] = Counter()
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        if _NUMBER.match(word):
            bag["#" + word.replace(",", "")] += 1
            continue
        lowered = word.lower()
        if lowered in STOP_WORDS or len(lowered) < 2:
            continue
        bag[stem(lowered)] += 1
    for a, b, key in actors:
        if a >= start and b <= end:
            bag["@" + key] += 1
    return bag


# --------------------------------------------------------------------------------------------
# Result


@dataclass(frozen=True)
class PassagePair:
    """A passage of the left text and its counterpart in the right text."""

    left: Range
    right: Range
    score: float
    level: Literal["paragraph", "sentence"] = "paragraph"

    def to_json(self) -> dict[str, Any]:
        return {"left": list(self.left), "right": list(self.right), "score": self.score, "level": self.level}


@dataclass(frozen=True)
class Alignment:
    """Confident pairs (paragraphs first, then sentences, each in left-text order) and the
    paragraphs with no counterpart on each side."""

    pairs: tuple[PassagePair, ...] = ()
    left_only: tuple[Range, ...] = ()
    right_only: tuple[Range, ...] = ()

    def counterpart(self, side: Literal["left", "right"], offset: int) -> tuple[Range, Range] | None:
        """(passage, its counterpart) for the passage of `side` holding `offset`: a sentence
        pair when there is one, else the paragraph pair; None for a one-sided passage."""
        best: tuple[Range, Range] | None = None
        for pair in self.pairs:
            own, other = (pair.left, pair.right) if side == "left" else (pair.right, pair.left)
            if own[0] <= offset < own[1] and (best is None or own[1] - own[0] < best[0][1] - best[0][0]):
                best = (own, other)
        return best

    def sync_points(self) -> list[tuple[int, int]]:
        """(left start, right start) of paragraph pairs that keep both texts in order (the longest
        such chain), for scrolling one pane along with the other like a diff tool's sync points."""
        pairs = sorted((p.left[0], p.right[0]) for p in self.pairs if p.level == "paragraph")
        tails: list[int] = []  # index into pairs of the smallest tail of each chain length
        tail_rights: list[int] = []
        previous = [-1] * len(pairs)
        for i, (_left, right) in enumerate(pairs):
            at = bisect_left(tail_rights, right)
            previous[i] = tails[at - 1] if at else -1
            if at == len(tails):
                tails.append(i)
                tail_rights.append(right)
            else:
                tails[at], tail_rights[at] = i, right
        chain: list[tuple[int, int]] = []
        i = tails[-1] if tails else -1
        while i >= 0:
            chain.append(pairs[i])
            i = previous[i]
        return chain[::-1]

    def to_json(self) -> dict[str, Any]:
        return {
            "alignment": [p.to_json() for p in self.pairs],
            "left_only": [list(r) for r in self.left_only],
            "right_only": [list(r) for r in self.right_only],
        }


# --------------------------------------------------------------------------------------------
# Matching


class _Space:
    """TF-IDF vectors of two sets of passages, with an inverted index over the right ones."""

    def __init__(self, left: list[Counter[str]], right: list[Counter[str]], idf: Mapping[str, float] | None = None) -> None:
        if idf is None:
            df: Counter[str] = Counter()
            for bag in (*left, *right):
                df.update(bag.keys())
            total = len(left) + len(right)
            idf = {f: math.log((total + 1) / (n + 1)) + 1.0 for f, n in df.items()}
        self.idf = idf
        self.left = [self.vector(b) for b in left]
        self.right = [self.vector(b) for b in right]

    def vector(self, bag: Counter[str]) -> dict[str, float]:
        weights = {}
        for feature, count in bag.items():
            boost = ACTOR_WEIGHT if feature[0] == "@" else NUMBER_WEIGHT if feature[0] == "#" else 1.0
            weights[feature] = (1.0 + math.log(count)) * self.idf[feature] * boost
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {f: w / norm for f, w in weights.items()}


def _index(vectors: list[dict[str, float]]) -> dict[str, list[tuple[int, float]]]:
    index: dict[str, list[tuple[int, float]]] = {}
    for i, vector in enumerate(vectors):
        for feature, weight in vector.items():
            index.setdefault(feature, []).append((i, weight))
    return index


def _best(queries: list[dict[str, float]], targets: list[dict[str, float]]) -> list[tuple[int, float]]:
    """For each query vector, the (index, cosine) of its most similar target (-1 if none)."""
    index = _index(targets)
    best: list[tuple[int, float]] = []
    for query in queries:
        strongest = heapq.nlargest(QUERY_FEATURES, query.items(), key=lambda item: item[1])
        partial: dict[int, float] = {}
        for feature, weight in strongest:
            postings = index.get(feature, ())
            if len(postings) > MAX_POSTINGS:
                continue
            for target, other in postings:
                partial[target] = partial.get(target, 0.0) + weight * other
        if not partial:
            best.append((-1, 0.0))
            continue
        candidates = heapq.nlargest(CANDIDATES, partial, key=partial.__getitem__)
        scored = [(t, _cosine(query, targets[t])) for t in candidates]
        best.append(max(scored, key=lambda item: (item[1], -item[0])))
    return best


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(f, 0.0) for f, w in a.items())


def _mutual(left: list[dict[str, float]], right: list[dict[str, float]], minimum: float) -> list[tuple[int, int, float]]:
    """Pairs (left index, right index, score) that are each other's best match above `minimum`."""
    if not left or not right:
        return []
    forward, backward = _best(left, right), _best(right, left)
    pairs = []
    for i, (j, score) in enumerate(forward):
        if j >= 0 and score >= minimum and backward[j][0] == i:
            pairs.append((i, j, round(score, 3)))
    return pairs


def align_passages(
    left_text: str,
    right_text: str,
    left_actors: Iterable[tuple[int, int, str]] = (),
    right_actors: Iterable[tuple[int, int, str]] = (),
    left_excluded: Sequence[Range] = (),
    right_excluded: Sequence[Range] = (),
) -> Alignment:
    """Pair the paragraphs (and sentences of long paragraphs) of `left_text` with those of
    `right_text` that report the same thing; actors are (start, end, actor key) mentions, the
    key being the same for one actor in both texts. Paragraphs the reader excluded from the
    analysis (wholly inside an excluded range) are neither paired nor one-sided."""
    l_actors, r_actors = sorted(left_actors), sorted(right_actors)
    l_paras = _not_excluded(paragraph_ranges(left_text), left_excluded)
    r_paras = _not_excluded(paragraph_ranges(right_text), right_excluded)
    l_bags = [features(left_text, a, b, _within(l_actors, a, b)) for a, b in l_paras]
    r_bags = [features(right_text, a, b, _within(r_actors, a, b)) for a, b in r_paras]
    keep_l = [i for i, bag in enumerate(l_bags) if bag]
    keep_r = [j for j, bag in enumerate(r_bags) if bag]
    space = _Space([l_bags[i] for i in keep_l], [r_bags[j] for j in keep_r])
    pairs = [
        PassagePair(l_paras[keep_l[i]], r_paras[keep_r[j]], score)
        for i, j, score in _mutual(space.left, space.right, MIN_SCORE)
    ]
    sentence_pairs: list[PassagePair] = []
    for pair in pairs:
        sentence_pairs.extend(_sentence_pairs(left_text, right_text, pair, l_actors, r_actors, space.idf))
    paired_l = {p.left for p in pairs}
    paired_r = {p.right for p in pairs}
    return Alignment(
        pairs=tuple(sorted(pairs, key=lambda p: p.left) + sorted(sentence_pairs, key=lambda p: p.left)),
        left_only=tuple(r for r in l_paras if r not in paired_l),
        right_only=tuple(r for r in r_paras if r not in paired_r),
    )


def _not_excluded(ranges: list[Range], excluded: Sequence[Range]) -> list[Range]:
    """The ranges not wholly inside one of the `excluded` ranges."""
    if not excluded:
        return ranges
    return [r for r in ranges if not any(a <= r[0] and r[1] <= b for a, b in excluded)]


def _within(actors: list[tuple[int, int, str]], start: int, end: int) -> list[tuple[int, int, str]]:
    i = bisect_left(actors, (start, -1, ""))
    out = []
    while i < len(actors) and actors[i][0] < end:
        out.append(actors[i])
        i += 1
    return out


def _sentence_pairs(
    left_text: str, right_text: str, pair: PassagePair,
    l_actors: list[tuple[int, int, str]], r_actors: list[tuple[int, int, str]], idf: Mapping[str, float],
) -> list[PassagePair]:
    """Sentence pairs inside a paragraph pair whose left or right paragraph is long."""
    longest = max(pair.left[1] - pair.left[0], pair.right[1] - pair.right[0])
    if longest < LONG_PARAGRAPH:
        return []
    l_sents = sentence_ranges(left_text, *pair.left)
    r_sents = sentence_ranges(right_text, *pair.right)
    if max(len(l_sents), len(r_sents)) < 3:
        return []
    l_bags = [features(left_text, a, b, _within(l_actors, a, b)) for a, b in l_sents]
    r_bags = [features(right_text, a, b, _within(r_actors, a, b)) for a, b in r_sents]
    keep_l = [i for i, bag in enumerate(l_bags) if bag]
    keep_r = [j for j, bag in enumerate(r_bags) if bag]
    space = _Space([l_bags[i] for i in keep_l], [r_bags[j] for j in keep_r], idf)
    return [
        PassagePair(l_sents[keep_l[i]], r_sents[keep_r[j]], score, "sentence")
        for i, j, score in _mutual(space.left, space.right, MIN_SENTENCE_SCORE)
    ]
