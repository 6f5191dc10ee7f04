"""Lexicons carried inside a lesson file, so a lesson opened on another computer highlights
exactly what the teacher's did.

Saving: every lexicon the analysis used that is not bundled with FrameReader (the teacher's own,
files from elsewhere) goes into the lesson as its `.frlex` text (`embed_lexicons`). Opening
(`restore_lexicons`): a lesson lexicon this computer already has with the same content is
used as it is; any other is installed as a new user lexicon "<name> (from lesson)". They are
installed rather than used from a temporary file so they survive a restart, show in the Lexicons
dialog (to switch off, edit or delete) and are found again when the same lesson is reopened.
Then exactly the lesson's lexicons are enabled (bundled ones too). Pure Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import LexiconError
from .format import Lexicon, parse_lexicon, serialize_lexicon
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
    """What opening a lesson did to the library: lexicons installed (their new names) and lesson
    lexicon ids this computer does not have; `changed` when the enabled lexicons changed."""

    installed: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    changed: bool = False

    def sentence(self) -> str:
        """One line for the status bar ("" when there is nothing to say)."""
        parts = []
        if self.installed:
            parts.append("Added the lesson's lexicons to your lexicons: " + ", ".join(self.installed) + ".")
        if self.missing:
            parts.append("This lesson used lexicons this computer does not have: " + ", ".join(self.missing) + ".")
        if self.changed and not self.installed:
            parts.append("Switched to the lexicons the lesson uses.")
        return " ".join(parts)


def _local_match(entries: list[LexiconEntry], lexicon: Lexicon) -> LexiconEntry | None:
    """A readable library lexicon with the same content, the same id and an enabled one first."""
    found = [e for e in entries if e.lexicon is not None and same_content(e.lexicon, lexicon)]
    found.sort(key=lambda e: (e.lexicon is None or e.lexicon.id != lexicon.id, not e.enabled))
    return found[0] if found else None


def restore_lexicons(library: LexiconLibrary, enabled_ids: Sequence[str],
                     embedded: Sequence[EmbeddedLexicon]) -> Restored:
    """Make the library use the lesson's lexicons: the embedded ones (found locally, else
    installed) and the ids in `enabled_ids` (bundled ones first when two share an id); every
    other lexicon is switched off. A lesson naming no lexicons (older files) changes nothing.
    The caller saves the settings and applies the lexicons. A lexicon that cannot be installed
    raises `LexiconError`; those installed before it stay."""
    if not enabled_ids and not embedded:
        return Restored()
    entries = library.entries()
    before = library.enabled_paths()
    wanted: list[str] = []  # library keys
    resolved: dict[str, str] = {}  # lesson lexicon id -> library key
    installed: list[str] = []
    for item in embedded:
        lexicon = item.lexicon()
        match = _local_match(entries, lexicon)
        if match is None:
            copy = replace(lexicon, id=f"{lexicon.id}{_ID_SUFFIX}", name=f"{lexicon.name}{FROM_LESSON}", path="")
            match = library.add_new(copy)
            entries.append(match)
            installed.append(match.title)
        resolved.setdefault(item.id, match.key)
        wanted.append(match.key)
    missing: list[str] = []
    for lexicon_id in enabled_ids:
        if lexicon_id in resolved:
            continue
        candidates = [e for e in entries if e.lexicon is not None and e.lexicon.id == lexicon_id]
        candidates.sort(key=lambda e: (e.kind != BUNDLED, not e.enabled))
        if candidates:
            resolved[lexicon_id] = candidates[0].key
            wanted.append(candidates[0].key)
        else:
            missing.append(lexicon_id)
    if not wanted:  # none of the lesson's lexicons is here: keep what this computer uses
        return Restored(missing=tuple(missing))
    for entry in library.entries():
        library.set_enabled(entry.key, entry.key in wanted)
    return Restored(tuple(installed), tuple(missing), library.enabled_paths() != before)


__all__ = [
    "FROM_LESSON", "MAX_EMBEDDED", "MAX_EMBEDDED_CHARS", "EmbeddedLexicon", "Restored", "embed_lexicons",
    "embedded_from_json", "embedded_to_json", "restore_lexicons", "same_content",
]
