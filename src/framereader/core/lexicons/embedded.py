"""Lexicons carried inside a lesson file, so a lesson opened on another computer highlights
exactly what the teacher's did.

Saving: every lexicon the analysis used that is not bundled with FrameReader (the teacher's own,
files from elsewhere) goes into the lesson as its `.frlex` text (`embed_lexicons`). Opening
(`restore_lexicons`): a lesson installs nothing. Its lexicons are used for that lesson only: one
this computer already has with the same content is used as it is, any other from a copy in the
cache folder, and the library uses exactly these (`LexiconLibrary.lesson`) without changing
the reader's settings. Keeping them is the reader's choice (`keep_lesson_lexicons`: they become
the reader's own "<name> (from lesson)"). Every lesson lexicon passed the parser, term budget
included, before it gets here (`embedded_from_json`). Pure Python.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import LexiconError
from ..platform.atomic import atomic_write_text
from ..platform.paths import keep_newest
from .format import SUFFIX, Lexicon, parse_lexicon, serialize_lexicon
from .files import bundled_lexicon_paths
from .library import BUNDLED, LexiconEntry, LexiconLibrary

#: One embedded lexicon may hold this many characters (the bundled one is about 200,000).
MAX_EMBEDDED_CHARS = 2 * 1024 * 1024
#: A lesson carries at most this many lexicons.
MAX_EMBEDDED = 32
FROM_LESSON = " (from lesson)"
_ID_SUFFIX = "-lesson"
_SURROGATES = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class EmbeddedLexicon:
    """A lexicon in a lesson file: the id and name the teacher's computer gave it, and its
    canonical `.frlex` text."""

    id: str
    name: str
    text: str

    def lexicon(self, where: str = "") -> Lexicon:
        """The parsed lexicon; a damaged text raises `LexiconError`."""
        return parse_lexicon(self.text, where or f"the lesson's lexicon '{self.name}'")


def _bundled(lexicon: Lexicon) -> bool:
    if not lexicon.path:
        return False
    try:
        where = Path(lexicon.path).resolve()
        return any(where == p.resolve() for p in bundled_lexicon_paths())
    except OSError:
        return False


def embed_lexicons(lexicons: Iterable[Lexicon]) -> tuple[tuple[EmbeddedLexicon, ...], list[str]]:
    """The non-bundled lexicons among `lexicons` (those the analysis used) as lesson entries, and
    a sentence for each one that could not go in (too large, too many)."""
    kept: list[EmbeddedLexicon] = []
    notes: list[str] = []
    for lexicon in lexicons:
        if _bundled(lexicon):
            continue
        try:
            text = serialize_lexicon(lexicon)
        except LexiconError as exc:
            notes.append(f"The lexicon '{lexicon.name}' could not go into the lesson ({exc.reason}).")
            continue
        if len(text) > MAX_EMBEDDED_CHARS:
            notes.append(f"The lexicon '{lexicon.name}' is too large to go into the lesson "
                         f"({len(text):,} characters; the limit is {MAX_EMBEDDED_CHARS:,}).")
        elif len(kept) >= MAX_EMBEDDED:
            notes.append(f"The lexicon '{lexicon.name}' was left out: a lesson carries at most {MAX_EMBEDDED} lexicons.")
        else:
            kept.append(EmbeddedLexicon(lexicon.id, lexicon.name, text))
    return tuple(kept), notes


def embedded_to_json(items: Sequence[EmbeddedLexicon]) -> list[dict[str, str]]:
    """The lesson file's `embedded_lexicons` list."""
    return [{"id": item.id, "name": item.name, "text": item.text} for item in items]


def embedded_from_json(value: Any, path: str, warnings: list[str]) -> tuple[EmbeddedLexicon, ...]:
    """The lesson's lexicons that are well formed and parse; each damaged one is left out with
    a sentence in `warnings` naming it and the problem."""
    if value is None:
        return ()
    if not isinstance(value, list):
        warnings.append(f"{path}: the lexicons carried in this lesson file are damaged and were ignored.")
        return ()
    kept: list[EmbeddedLexicon] = []
    for index, item in enumerate(value[:MAX_EMBEDDED], start=1):
        name = item.get("name") if isinstance(item, dict) else None
        label = f"'{_SURROGATES.sub('?', name[:80])}'" if isinstance(name, str) and name.strip() else f"number {index}"
        if (not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("id", "name", "text"))
                or any(_SURROGATES.search(item[k]) for k in ("id", "name", "text"))):
            warnings.append(f"{path}: the lesson's lexicon {label} is damaged and was left out.")
            continue
        if len(item["text"]) > MAX_EMBEDDED_CHARS:
            warnings.append(f"{path}: the lesson's lexicon {label} is too large and was left out.")
            continue
        embedded = EmbeddedLexicon(item["id"][:200], item["name"][:200], item["text"])
        try:
            embedded.lexicon()
        except LexiconError as exc:
            warnings.append(f"{path}: the lesson's lexicon {label} is damaged and was left out "
                            f"(line {exc.line}: {exc.reason})." if exc.line else
                            f"{path}: the lesson's lexicon {label} is damaged and was left out ({exc.reason}).")
            continue
        kept.append(embedded)
    if len(value) > MAX_EMBEDDED:
        warnings.append(f"{path}: the lesson carries more than {MAX_EMBEDDED} lexicons; the rest were left out.")
    return tuple(kept)


def same_content(a: Lexicon, b: Lexicon) -> bool:
    """Whether two lexicons mark the same words the same way (ids, names and paths aside)."""
    return a.language == b.language and a.categories == b.categories


@dataclass(frozen=True)
class Restored:
    """What opening a lesson did: the lexicon files its analysis uses (`paths`, for this lesson
    only: `LexiconLibrary.lesson`), the lesson's lexicons this computer lacks (`new`: offered to
    keep, never installed without asking), and the lesson lexicon ids found nowhere (`missing`);
    `changed` when the lexicons in use changed."""

    paths: tuple[str, ...] = ()
    new: tuple[EmbeddedLexicon, ...] = ()
    missing: tuple[str, ...] = ()
    changed: bool = False

    def sentence(self) -> str:
        """One line for the status bar ("" when there is nothing to say)."""
        parts = []
        if self.new:
            parts.append("This lesson uses its own lexicons (" + ", ".join(item.name for item in self.new)
                         + ") for this lesson only.")
        if self.missing:
            parts.append("This lesson used lexicons this computer does not have: " + ", ".join(self.missing) + ".")
        if self.changed and not self.new:
            parts.append("Using the lexicons the lesson uses, for this lesson.")
        return " ".join(parts)


def _local_match(entries: list[LexiconEntry], lexicon: Lexicon) -> LexiconEntry | None:
    """A readable library lexicon with the same content, the same id and an enabled one first."""
    found = [e for e in entries if e.lexicon is not None and same_content(e.lexicon, lexicon)]
    found.sort(key=lambda e: (e.lexicon is None or e.lexicon.id != lexicon.id, not e.enabled))
    return found[0] if found else None


#: Lesson lexicon copies kept in the cache folder: the most recently used ones (a copy is made
#: again from its lesson when it is needed after being removed).
MAX_LESSON_COPIES = 50


def lesson_copy(item: EmbeddedLexicon, folder: Path) -> Path:
    """The lesson's lexicon as a file in `folder` (FrameReader's cache, not the reader's
    lexicons), named by its content, for the engine to compile while the lesson is open. Using
    a copy marks it as recently used; only the `MAX_LESSON_COPIES` most recently used stay."""
    path = folder / f"lesson-{hashlib.sha256(item.text.encode('utf-8')).hexdigest()[:24]}{SUFFIX}"
    if path.is_file():
        try:
            os.utime(path)
        except OSError:  # a read-only cache: the copy is still there to use
            pass
        return path
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, item.text)
    keep_newest(folder, f"lesson-*{SUFFIX}", MAX_LESSON_COPIES)
    return path


def restore_lexicons(library: LexiconLibrary, enabled_ids: Sequence[str],
                     embedded: Sequence[EmbeddedLexicon], folder: Path) -> Restored:
    """Use the lesson's lexicons for this lesson: the embedded ones (a library lexicon with the
    same content, else a copy in `folder`) and the ids in `enabled_ids` (bundled ones first when
    two share an id). Sets `library.lesson`; the settings (enabled lexicons, the reader's own
    lexicons) are not touched. A lesson naming no lexicons (older files) changes nothing. A
    copy that cannot be written raises `OSError`."""
    if not enabled_ids and not embedded:
        return Restored()
    entries = library.entries()
    before = library.enabled_paths()
    wanted: list[str] = []  # files
    resolved: set[str] = set()  # lesson lexicon ids placed
    new: list[EmbeddedLexicon] = []
    for item in embedded:
        lexicon = item.lexicon()
        match = _local_match(entries, lexicon)
        if match is None:
            wanted.append(str(lesson_copy(item, folder)))
            new.append(item)
        else:
            wanted.append(match.path)
        resolved.add(item.id)
    missing: list[str] = []
    for lexicon_id in enabled_ids:
        if lexicon_id in resolved:
            continue
        candidates = [e for e in entries if e.lexicon is not None and e.lexicon.id == lexicon_id]
        candidates.sort(key=lambda e: (e.kind != BUNDLED, not e.enabled))
        if candidates:
            resolved.add(lexicon_id)
            wanted.append(candidates[0].path)
        else:
            missing.append(lexicon_id)
    if not wanted:  # none of the lesson's lexicons is here: keep what this computer uses
        return Restored(missing=tuple(missing))
    library.lesson = tuple(dict.fromkeys(wanted))
    return Restored(library.lesson, tuple(new), tuple(missing), library.enabled_paths() != before)


def keep_lesson_lexicons(library: LexiconLibrary, items: Sequence[EmbeddedLexicon]) -> tuple[str, ...]:
    """The reader chose to keep a lesson's lexicons: each becomes one of their own lexicons,
    "<name> (from lesson)", switched off until they switch it on (the lesson in use goes on
    using it). Returns the new lexicons' names; `LexiconError` when one cannot be saved."""
    names = []
    entries = library.entries()
    for item in items:
        lexicon = item.lexicon()
        if _local_match(entries, lexicon) is not None:
            continue
        copy = replace(lexicon, id=f"{lexicon.id}{_ID_SUFFIX}", name=f"{lexicon.name}{FROM_LESSON}", path="")
        entry = library.add_new(copy)
        library.set_enabled(entry.key, False)
        entries.append(entry)
        names.append(entry.title)
    return tuple(names)


__all__ = [
    "FROM_LESSON", "MAX_EMBEDDED", "MAX_EMBEDDED_CHARS", "EmbeddedLexicon", "Restored", "embed_lexicons",
    "embedded_from_json", "embedded_to_json", "keep_lesson_lexicons", "lesson_copy", "restore_lexicons",
    "same_content",
]
