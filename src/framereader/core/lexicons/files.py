"""Lexicon files: loading and atomic saving, word-list import, where bundled and user lexicons live,
which lexicons fit a pipeline's language, and the hash that keys cached analyses."""

from __future__ import annotations

import hashlib
import re
import json
from collections.abc import Iterable
from dataclasses import asdict, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import LexiconError
from ..platform.atomic import atomic_write_text
from ..platform.paths import data_dir, resources_dir
from ..platform.safe_read import describe_read_error, read_limited
from .format import MAX_LEXICON_BYTES, SUFFIX, Lexicon, parse_lexicon, serialize_lexicon

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


def read_lexicon_text(path: str | Path) -> str:
    """Read a UTF-8 lexicon or word list, turning every failure into a `LexiconError` (a FIFO,
    a device or a file over the limit is refused without blocking or reading it whole)."""
    p = Path(path)
    try:
        data = read_limited(p, MAX_LEXICON_BYTES)
    except OSError as exc:
        raise LexiconError(str(p), describe_read_error(exc)) from None
    if b"\x00" in data:
        raise LexiconError(str(p), "is a binary file, not a lexicon")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LexiconError(str(p), "is not UTF-8 text; save it as UTF-8", line) from None


def load_lexicon(path: str | Path) -> Lexicon:
    """Read and parse a `.frlex` file; raises `LexiconError` naming the file (and line)."""
    return parse_lexicon(read_lexicon_text(path), str(path))


def save_lexicon(lexicon: Lexicon, path: str | Path) -> Lexicon:
    """Write `lexicon` atomically, keeping the previous file as `<path>.bak`.

    Returns the lexicon with its `path` set to where it was saved."""
    text = serialize_lexicon(lexicon)
    try:
        atomic_write_text(path, text, backup=True)
    except OSError as exc:
        raise LexiconError(str(path), f"cannot be saved ({exc.strerror or exc})") from None
    return replace(lexicon, path=str(path))


def slugify(text: str, fallback: str = "words") -> str:
    """A valid id from a file stem or category name: lower case, other characters become '-'."""
    slug = re.sub(r"[^a-z0-9_-]+", "-", text.lower()).strip("-")
    return slug or fallback


def import_word_list(path: str | Path) -> Lexicon:
    """Read a `.frlex` lexicon, a CSV (`term,category[,note][,alternative]`) or a plain list
    (see `core.lexicons.wordlist`). Problems raise `LexiconError` with the line number."""
    from .wordlist import import_word_list as read_word_list

    return read_word_list(path)


# ------------------------------------------------------------------------------ locations


def bundled_lexicon_paths() -> list[Path]:
    """The lexicons shipped with FrameReader (`resources/lexicons/*.frlex`), sorted."""
    folder = resources_dir() / "lexicons"
    return sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []


def user_lexicon_dir() -> Path:
    """Where the user's own lexicons are kept (created when missing)."""
    folder = data_dir() / "lexicons"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def user_lexicon_paths() -> list[Path]:
    """The user's `.frlex` lexicons, sorted."""
    return sorted(user_lexicon_dir().glob(f"*{SUFFIX}"))


def lexicons_for_language(lexicons: Iterable[Lexicon], lang: str) -> tuple[tuple[Lexicon, ...], str | None]:
    """The lexicons written for `lang` (a pipeline's language), and a sentence for the user when
    some or all were set aside (None when every lexicon fits)."""
    lexicons = tuple(lexicons)
    kept = tuple(lex for lex in lexicons if lex.language == lang)
    skipped = [lex.name for lex in lexicons if lex.language != lang]
    if skipped and not kept:
        return kept, f"No enabled lexicon is written for language '{lang}'; framing terms are not shown."
    if skipped:
        return kept, f"Lexicons for other languages are not used with this '{lang}' pipeline: {', '.join(skipped)}."
    return kept, None


def lexicon_hash(lexicons: Iterable[Lexicon], rules: Iterable[str] = ()) -> str:
    """A stable sha256 of the lexicons' content (in order; paths ignored), of the inflection and
    family rules and of the matcher's switched-on rule ids, so cached analyses are redone when
    any of them changes."""
    from .families import FAMILIES_VERSION
    from .inflect import INFLECTOR_VERSION

    preamble = f"inflector {INFLECTOR_VERSION}\nfamilies {FAMILIES_VERSION}\nrules {','.join(sorted(rules))}\n"
    return content_hash(preamble, lexicons)


def content_hash(preamble: str, files: Iterable[DataclassInstance]) -> str:
    """A stable sha256 of `preamble` and of the parsed files' content, in order (a file's `path`
    is not content): the key of cached analyses, for lexicons and word-choice sets alike."""
    digest = hashlib.sha256(preamble.encode())
    for parsed in files:
        data = asdict(parsed)
        data.pop("path", None)
        digest.update(json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


def category_groups(lexicons: Iterable[Lexicon]) -> dict[str, str]:
    """Per category id, its group (`loaded` or `device`); the first lexicon naming an id wins."""
    groups: dict[str, str] = {}
    for lex in lexicons:
        for cat in lex.categories:
            groups.setdefault(cat.id, cat.group)
    return groups


