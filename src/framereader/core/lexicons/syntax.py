"""The line syntax that `.frlex` lexicons, `.frsets` word-choice sets and plain word lists share
(`docs/lexicon-format.md`): any line break ends a line; blank lines and `#` lines are passed
over; a file opens with its format line `TAG VERSION`, then header lines `key = value` (the id,
name, language and description); ids are lower-case words and languages ISO 639 codes.
Pure Python: no Qt, no spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ..errors import LexiconError

P = TypeVar("P")

HEADER_KEYS = ("id", "name", "language", "description")
HEADER_REQUIRED = ("id", "name", "language")


@dataclass(frozen=True)
class FileHeader:
    """What the header of a lexicon or a word-choice file says (`HEADER_KEYS`); the parsed file
    adds its body."""

    id: str
    name: str
    language: str
    description: str = ""


ID_RE = re.compile(r"[a-z0-9_-]+")
LANG_RE = re.compile(r"[a-z]{2,3}")
#: A `key = value` line (the key is read case-insensitively by the parsers).
KEY_RE = re.compile(r"([A-Za-z][A-Za-z_-]*)\s*=(.*)")
LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")


def content_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number from 1, the line stripped) for each line of `text` that is neither blank nor
    a `#` comment; a leading byte-order mark is dropped."""
    for number, raw in enumerate(LINE_BREAK_RE.split(text.removeprefix("\ufeff")), start=1):
        line = raw.strip()
        if line and not line.startswith("#"):
            yield number, line


def declared_version(line: str, tag: str) -> str | None:
    """The version the format line `line` gives for `tag` ("(none)" when it names none); None
    when `line` is not a format line of `tag`."""
    words = line.split()
    if not words or words[0] != tag:
        return None
    return " ".join(words[1:]) or "(none)"


def version_problem(given: str, tag: str, versions: Sequence[int], what: str) -> str | None:
    """Why a file whose format line gives version `given` cannot be read (None when it can);
    `what` names the format ("lexicon", "word-choice")."""
    if given in [str(v) for v in versions]:
        return None
    readable = " or ".join(f"'{tag} {v}'" for v in versions)
    return f"unsupported {what} format version {given}: this FrameReader reads {readable}"


def parsed_or_raise(parsed: P | None, problems: Sequence[LexiconError]) -> P:
    """What a parser read, when it found no problem; else raises the first problem."""
    if problems:
        raise problems[0]
    assert parsed is not None
    return parsed
