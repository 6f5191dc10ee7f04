"""The one place for text that cannot be encoded or should not be shown.

Two kinds of character are not written as they are:

* **lone surrogates** (U+D800–U+DFFF alone): a lesson file may hold "\\ud800" in any string, and a
  file name that is not valid UTF-8 reaches Python as surrogate escapes ("bad\\udcff.txt").
  UTF-8 cannot encode them (JSON, HTML, PDF and the terminal fail) and Qt drops them silently
  (a highlight after one would be off by one);
* **control characters** other than tab and line breaks (NUL, ESC, DEL, the C1 block): they
  corrupt HTML, can drive a terminal ("\\x1b[2J"), and mean nothing to a reader.

Texts that carry offsets (a document's text, a lesson's embedded texts) get a same-length
replacement (`same_length`: U+FFFD for each), so every span stays where it was; texts read from
files lose their control characters before anything is measured (`clean_input`). Everything
written (`atomic_write_text`, the CLI's standard output and messages, the Qt panes' titles, the
PDF) passes `safe_text`, which replaces both kinds with U+FFFD and counts them, so the caller can
say so (`replaced_note`). Pure Python.
"""

from __future__ import annotations

import os
import re
from pathlib import PurePath

REPLACEMENT = "\ufffd"
_SURROGATES = "\ud800-\udfff"
_CONTROLS = "\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f"
#: What output never holds: lone surrogates and control characters but tab, \n and \r.
_UNSAFE = re.compile(f"[{_SURROGATES}{_CONTROLS}]")
_SURROGATE = re.compile(f"[{_SURROGATES}]")
#: Page and line tabulation become line breaks in a text read from a file; other controls go.
_BREAKS = re.compile("[\x0b\x0c\x1c-\x1e\x85]")
_DROPPED = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")


def has_unsafe(text: str) -> bool:
    """Whether `text` holds a lone surrogate or a control character `safe_text` replaces."""
    return _UNSAFE.search(text) is not None


def safe_text(text: str) -> str:
    """`text` with each lone surrogate and control character (but tab, \\n, \\r) replaced by
    U+FFFD: the same length, so offsets into it still hold."""
    return _UNSAFE.sub(REPLACEMENT, text) if _UNSAFE.search(text) else text


def safe_counted(text: str) -> tuple[str, int]:
    """`safe_text(text)` and how many characters it replaced."""
    if not _UNSAFE.search(text):
        return text, 0
    return _UNSAFE.subn(REPLACEMENT, text)


def same_length(text: str) -> str:
    """For a text that carries offsets (a lesson's embedded text): `safe_text`."""
    return safe_text(text)


def without_surrogates(text: str) -> str:
    """`text` with lone surrogates replaced by U+FFFD (control characters kept)."""
    return _SURROGATE.sub(REPLACEMENT, text) if _SURROGATE.search(text) else text


def clean_input(text: str) -> str:
    """A text just read from a file, before anything measures it: page and line tabulation
    become line breaks, other control characters (NUL…) are removed, lone surrogates become
    U+FFFD."""
    if not _UNSAFE.search(text):
        return text
    text = _BREAKS.sub("\n", text)
    text = _DROPPED.sub("", text)
    return without_surrogates(text)


def display_name(path: str | PurePath) -> str:
    """A path as it can be shown (terminal, dialogs, JSON): undecodable bytes of the file name
    and control characters become U+FFFD."""
    name = os.fspath(path)
    if isinstance(name, bytes):
        name = os.fsdecode(name)
    return safe_text(name)


def replaced_note(count: int, where: str) -> str | None:
    """The sentence that says what `safe_text` did (None when it did nothing)."""
    if not count:
        return None
    what = "character" if count == 1 else "characters"
    return (f"{display_name(where)}: {count:,} {what} that cannot be written as text (a file name that is not "
            f"UTF-8, a lone surrogate or a control character) replaced by \ufffd")


__all__ = [
    "REPLACEMENT", "clean_input", "display_name", "has_unsafe", "replaced_note", "safe_counted", "safe_text",
    "same_length", "without_surrogates",
]
