"""Spot the framing: a student marks the words they think are loaded; `score` compares the
marks with an answer key built from the lexicons' marks (or the teacher's, from a lesson).

What the key holds: the framing spans of the two analyses *as shown* (the teacher's edits
applied) in the categories of the `loaded` group (core.lexicons.format): loaded words, not the
rhetorical devices (doubt, hedges, intensifiers), which are a different lesson. Each item
carries its note: the lexicon term's note, else the rule's, else the category's description.

Overlap is word-level: marks are whole words (`snap_span`), and a mark *finds* every key
item it shares a character with, so one phrase mark may find several adjacent items, and a
key item is found once however many marks touch it. A mark that touches no item is *yours
only*: perhaps missed by the lexicon (the lexicon is not the truth).

Pure Python; offsets are code points into the document text (`core.model`).
"""

from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..model import SIDES, Analysis, FramingSpan, Side

ATTEMPT_FORMAT = "framereader-exercise-attempt"
VERSION = 1
#: The category groups a key is made of (see the module docstring).
KEY_GROUPS = ("loaded",)
#: A phrase mark longer than this many words is refused by the UI (marking whole sentences
#: would "find" everything in them).
MAX_MARK_WORDS = 12
MAX_ITEMS = 100_000
MAX_NOTE = 2000
_WORD = re.compile(r"[\w'’-]+")
_WORD_CHAR = re.compile(r"\w")


@dataclass(frozen=True, order=True)
class StudentMark:
    """A word or phrase the student thinks is loaded."""

    side: Side
    start: int
    end: int


@dataclass(frozen=True)
class KeyItem:
    """One loaded span of the answer key, with what the lexicon says about it."""

    side: Side
    start: int
    end: int
    category: str
    term: str
    note: str = ""


def text_fingerprint(text: str) -> str:
    """A short stable id of a text, so a key or attempt is only applied to the text it is for."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True)
class AnswerKey:
    """The key: items sorted by side and offset, category names by id, and the fingerprint
    of each text it was made for (a side without one has no key)."""

    items: tuple[KeyItem, ...] = ()
    categories: dict[str, str] = field(default_factory=dict)  # id -> name
    texts: dict[str, str] = field(default_factory=dict)  # side -> text_fingerprint

    def on(self, side: Side) -> tuple[KeyItem, ...]:
        """The key's items in one text."""
        return tuple(item for item in self.items if item.side == side)

    def fits(self, side: Side, text: str) -> bool:
        """True when the key was made for this text on this side."""
        return self.texts.get(side) == text_fingerprint(text)

    def category_name(self, category: str) -> str:
        return self.categories.get(category) or category.replace("_", " ").capitalize()


def key_from_analyses(analyses: Mapping[Side, Analysis | None], categories: Iterable[Any],
                      notes: Mapping[tuple[str, str], str] | None = None,
                      rule_notes: Mapping[str, str] | None = None,
                      groups: Iterable[str] = KEY_GROUPS, include_quoted: bool = False) -> AnswerKey:
    """The key from the framing spans of `analyses` (as shown) in categories of `groups`: the
    writer's own words, and words inside quotations too with `include_quoted`.
    `categories` are `core.categories.CategoryStyle`s (or anything with id, name, group,
    description); `notes` maps (category, term) to the lexicon's note, `rule_notes` a rule id to
    why it marks. Spans of categories no style describes are left out; duplicates are merged."""
    wanted = set(groups)
    styles = {c.id: c for c in categories if getattr(c, "group", "loaded") in wanted}
    items: dict[tuple[str, int, int], KeyItem] = {}
    fingerprints: dict[str, str] = {}
    for side in SIDES:
        analysis = analyses.get(side)
        if analysis is None:
            continue
        fingerprints[side] = text_fingerprint(analysis.text)
        for span in analysis.framing:
            style = styles.get(span.category)
            if style is None or not span.start < span.end or (span.quoted and not include_quoted):
                continue
            items.setdefault((side, span.start, span.end), KeyItem(
                side, span.start, span.end, span.category, span.term,
                _note(span, style, notes or {}, rule_notes or {})))
    ordered = tuple(sorted(items.values(), key=lambda i: (SIDES.index(i.side), i.start, i.end)))
    used = {item.category for item in ordered}
    return AnswerKey(ordered, {cid: styles[cid].name for cid in styles if cid in used}, fingerprints)


def _note(span: FramingSpan, style: Any, notes: Mapping[tuple[str, str], str], rule_notes: Mapping[str, str]) -> str:
    return (notes.get((span.category, span.term)) or (rule_notes.get(span.rule) if span.rule else "")
            or getattr(style, "description", "") or "")[:MAX_NOTE]


# ------------------------------------------------------------------------------- words

def word_at(text: str, offset: int) -> tuple[int, int] | None:
    """The word holding the character at `offset` (letters, digits, inner apostrophes and
    hyphens), or None on a space or punctuation."""
    if not 0 <= offset < len(text) or not _WORD.match(text[offset]):
        return None
    start = offset
    while start > 0 and _WORD.match(text[start - 1]):
        start -= 1
    end = offset + 1
    while end < len(text) and _WORD.match(text[end]):
        end += 1
    return _trim(text, start, end)


def snap_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """[start, end) widened to whole words and trimmed of spaces and punctuation at its ends;
    None when it holds no word."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    if start >= end:
        return None
    first = word_at(text, start)
    if first is not None:
        start = first[0]
    last = word_at(text, end - 1)
    if last is not None:
        end = last[1]
    return _trim(text, start, end)


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and not _WORD_CHAR.match(text[start]):
        start += 1
    while end > start and not _WORD_CHAR.match(text[end - 1]):
        end -= 1
    return (start, end) if start < end else None


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def toggle_word(marks: Iterable[StudentMark], side: Side, text: str, offset: int) -> list[StudentMark]:
    """A click on `offset`: remove the mark holding it, else mark the word there."""
    marks = list(marks)
    hit = [m for m in marks if m.side == side and m.start <= offset < m.end]
    if hit:
        return [m for m in marks if m not in hit]
    word = word_at(text, offset)
    return marks if word is None else add_mark(marks, StudentMark(side, *word))


def add_mark(marks: Iterable[StudentMark], mark: StudentMark) -> list[StudentMark]:
    """`marks` with `mark` added; marks it overlaps or touches are merged into it, so the
    marks of a side never overlap."""
    start, end = mark.start, mark.end
    kept = []
    for other in marks:
        if other.side == mark.side and other.start <= end and start <= other.end:
            start, end = min(start, other.start), max(end, other.end)
        else:
            kept.append(other)
    return sorted(kept + [StudentMark(mark.side, start, end)])


# ------------------------------------------------------------------------------- scoring

@dataclass(frozen=True)
class Tally:
    """Counts of one side or category."""

    found: int = 0
    missed: int = 0
    yours_only: int = 0

    @property
    def key_size(self) -> int:
        return self.found + self.missed


@dataclass(frozen=True)
class ExerciseResult:
    """What a check shows: key items found and missed, and the marks that found nothing."""

    found: tuple[KeyItem, ...]
    missed: tuple[KeyItem, ...]
    yours_only: tuple[StudentMark, ...]
    hits: tuple[StudentMark, ...]  # marks that found at least one key item
    by_side: dict[str, Tally]
    by_category: dict[str, Tally]  # key categories (yours-only marks have none)

    @property
    def key_size(self) -> int:
        return len(self.found) + len(self.missed)

    def summary(self) -> str:
        """"Found 7 of 12 · 3 yours only"."""
        return f"Found {len(self.found)} of {self.key_size} · {len(self.yours_only)} yours only"

    def to_json(self) -> dict[str, Any]:
        """Counts per side and per category (what a teacher reads in a handed-in attempt)."""
        def tally(t: Tally) -> dict[str, int]:
            return {"found": t.found, "missed": t.missed, "yours_only": t.yours_only}
        return {"found": len(self.found), "missed": len(self.missed), "yours_only": len(self.yours_only),
                "by_side": {k: tally(v) for k, v in self.by_side.items()},
                "by_category": {k: tally(v) for k, v in self.by_category.items()}}


def score(marks: Iterable[StudentMark], key: AnswerKey, sides: Iterable[Side] = SIDES) -> ExerciseResult:
    """Compare the student's marks with the key's items on `sides` (see the module docstring)."""
    sides = tuple(sides)
    marks = sorted(set(m for m in marks if m.side in sides and m.start < m.end))
    found_ids: set[int] = set()
    hits: list[StudentMark] = []
    yours: list[StudentMark] = []
    items = [item for item in key.items if item.side in sides]
    for side in sides:
        indexed = sorted((i for i, item in enumerate(items) if item.side == side), key=lambda i: items[i].start)
        starts = [items[i].start for i in indexed]
        longest = max((items[i].end - items[i].start for i in indexed), default=0)
        for mark in (m for m in marks if m.side == side):
            first = bisect_left(starts, mark.start - longest)
            touched = [i for i in indexed[first:bisect_left(starts, mark.end)] if items[i].end > mark.start]
            (hits if touched else yours).append(mark)
            found_ids.update(touched)
    found = tuple(item for i, item in enumerate(items) if i in found_ids)
    missed = tuple(item for i, item in enumerate(items) if i not in found_ids)
    by_side: dict[str, Tally] = {side: Tally(sum(i.side == side for i in found), sum(i.side == side for i in missed),
                           sum(m.side == side for m in yours)) for side in sides}
    by_category: dict[str, Tally] = {}
    for category in dict.fromkeys(item.category for item in items):
        by_category[category] = Tally(sum(i.category == category for i in found),
                                      sum(i.category == category for i in missed))
    return ExerciseResult(found, missed, tuple(yours), tuple(hits), by_side, by_category)


# ------------------------------------------------------------------------------- JSON

def marks_to_json(marks: Iterable[StudentMark], texts: Mapping[Side, str] | None = None) -> list[dict[str, Any]]:
    """Marks as plain dicts (with the marked words when `texts` are given, for people reading)."""
    out = []
    for m in sorted(marks):
        entry: dict[str, Any] = {"side": m.side, "start": m.start, "end": m.end}
        if texts and m.side in texts:
            entry["text"] = texts[m.side][m.start:m.end]
        out.append(entry)
    return out


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 1 << 40 else None


def _span(data: Any, sizes: Mapping[str, int] | None) -> tuple[Side, int, int] | None:
    if not isinstance(data, dict) or data.get("side") not in SIDES:
        return None
    side: Side = "left" if data["side"] == "left" else "right"
    start, end = _int(data.get("start")), _int(data.get("end"))
    if start is None or end is None or start >= end:
        return None
    if sizes is not None and (side not in sizes or end > sizes[side]):
        return None
    return side, start, end


def marks_from_json(data: Any, sizes: Mapping[str, int] | None, warn: Callable[[str], None],
                    what: str = "marks") -> tuple[StudentMark, ...]:
    """Marks from `marks_to_json` output; damaged ones (or ones past the end of `sizes[side]`)
    are dropped with one warning."""
    if data is None:
        return ()
    if not isinstance(data, list):
        warn(f"the {what} are damaged and were left out.")
        return ()
    spans = [_span(entry, sizes) for entry in data[:MAX_ITEMS]]
    if len(data) > MAX_ITEMS or None in spans:
        warn(f"some of the {what} were damaged and were left out.")
    return tuple(sorted(set(StudentMark(*s) for s in spans if s is not None)))


def key_to_json(key: AnswerKey) -> dict[str, Any]:
    """The key as a plain dict (the `exercise.key` part of a lesson file)."""
    return {"texts": dict(key.texts), "categories": dict(key.categories),
            "items": [{"side": i.side, "start": i.start, "end": i.end, "category": i.category,
                       "term": i.term, "note": i.note} for i in key.items]}


def _short(value: Any, limit: int) -> str | None:
    return value[:limit] if isinstance(value, str) else None


def key_from_json(data: Any, sizes: Mapping[str, int] | None, warn: Callable[[str], None]) -> AnswerKey | None:
    """A key from `key_to_json` output; None (with a warning) when it is unusable, damaged
    items dropped with a warning."""
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        warn("the answer key is damaged and was left out.")
        return None
    texts_raw, names_raw = data.get("texts"), data.get("categories")
    texts = {k: v for k, v in texts_raw.items() if k in SIDES and isinstance(v, str) and len(v) <= 64} \
        if isinstance(texts_raw, dict) else {}
    names = {k[:200]: v[:200] for k, v in names_raw.items() if isinstance(k, str) and isinstance(v, str)} \
        if isinstance(names_raw, dict) else {}
    items: dict[tuple[str, int, int], KeyItem] = {}
    damaged = len(data["items"]) > MAX_ITEMS
    for entry in data["items"][:MAX_ITEMS]:
        span = _span(entry, sizes)
        category, term = (_short(entry.get(k), 200) if isinstance(entry, dict) else None for k in ("category", "term"))
        if span is None or not category or term is None or span[0] not in texts:
            damaged = True
            continue
        note = _short(entry.get("note"), MAX_NOTE) or ""
        items.setdefault(span, KeyItem(*span, category, term, note))
    if damaged:
        warn("some items of the answer key were damaged and were left out.")
    ordered = tuple(sorted(items.values(), key=lambda i: (SIDES.index(i.side), i.start, i.end)))
    return AnswerKey(ordered, names, texts)


@dataclass(frozen=True)
class Attempt:
    """A student's saved attempt: their marks and which texts they were made on."""

    marks: tuple[StudentMark, ...]
    texts: dict[str, str] = field(default_factory=dict)  # side -> text_fingerprint
    titles: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = field(default=(), compare=False)


def attempt_to_json(marks: Iterable[StudentMark], texts: Mapping[Side, str], titles: Mapping[Side, str],
                    result: ExerciseResult | None = None) -> dict[str, Any]:
    """An attempt file's object: the marks (with their words), the texts' fingerprints and
    titles, and the result when the attempt was checked."""
    return {"format": ATTEMPT_FORMAT, "version": VERSION,
            "texts": {side: {"title": titles.get(side, ""), "fingerprint": text_fingerprint(text),
                             "characters": len(text)} for side, text in texts.items()},
            "marks": marks_to_json(marks, texts),
            "result": result.to_json() if result is not None else None}


def attempt_dumps(marks: Iterable[StudentMark], texts: Mapping[Side, str], titles: Mapping[Side, str],
                  result: ExerciseResult | None = None) -> str:
    return json.dumps(attempt_to_json(marks, texts, titles, result), ensure_ascii=False, indent=1)


def attempt_from_json(data: Any, name: str = "the attempt") -> Attempt:
    """An `Attempt` from `attempt_to_json` output. Raises ValueError (a sentence) when it is
    not an attempt at all; damaged marks are dropped and listed in `warnings`."""
    if not isinstance(data, dict) or data.get("format") != ATTEMPT_FORMAT:
        raise ValueError(f"{name} is not a FrameReader exercise attempt.")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version > VERSION:
        raise ValueError(f"{name} was written by a newer FrameReader; please update.")
    warnings: list[str] = []
    texts_raw = data["texts"] if isinstance(data.get("texts"), dict) else {}
    fingerprints: dict[str, str] = {}
    titles: dict[str, str] = {}
    sizes: dict[str, int] = {}
    for side in SIDES:
        info = texts_raw.get(side)
        if isinstance(info, dict) and isinstance(info.get("fingerprint"), str):
            fingerprints[side] = info["fingerprint"][:64]
            titles[side] = _short(info.get("title"), 500) or ""
            size = _int(info.get("characters"))
            if size is not None:
                sizes[side] = size
    marks = marks_from_json(data.get("marks"), sizes if sizes else None,
                            lambda text: warnings.append(f"{name}: {text}"))
    return Attempt(marks, fingerprints, titles, tuple(warnings))


# ------------------------------------------------------------------------------- lessons

@dataclass(frozen=True)
class LessonExercise:
    """The `exercise` part of a lesson file: the teacher's key, and a student's saved marks."""

    key: AnswerKey | None = None
    attempt: tuple[StudentMark, ...] = ()


def exercise_to_json(part: LessonExercise) -> dict[str, Any]:
    return {"key": key_to_json(part.key) if part.key is not None else None,
            "attempt": marks_to_json(part.attempt)}


def exercise_from_json(data: Any, sizes: Mapping[str, int], warn: Callable[[str], None]) -> LessonExercise | None:
    """The lesson's exercise part; None when there is none or it is unusable (with a warning)."""
    if data is None:
        return None
    if not isinstance(data, dict):
        warn("the exercise in this lesson file is damaged and was left out.")
        return None
    key = key_from_json(data["key"], sizes, warn) if data.get("key") is not None else None
    attempt = marks_from_json(data.get("attempt"), sizes, warn, "saved marks")
    return LessonExercise(key, attempt) if key is not None or attempt else None
