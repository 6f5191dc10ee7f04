"""Mark as Loaded: a word chosen in the reader becomes a term of the user's own lexicon.

The reader's right-click "Mark as Loaded…" finds the word or the selected words
(`word_at`, `term_from_selection`), and the chosen category, note and alternative go into the
user lexicon "My framing words" (`add_to_own`), created when the user has none. Undo removes the
term again (`remove_from`). Pure Python: the library does the writing (atomic, one `.bak`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..errors import LexiconError
from .format import Category, Lexicon
from .library import USER, LexiconEntry, LexiconLibrary
from .terms import Term, term_key, term_problem

#: A term is a word or a short phrase; more is a sentence, not a loaded word.
MAX_TERM_WORDS = 6
MAX_TERM_CHARS = 80
OWN_LEXICON_ID = "my-framing-words"
OWN_LEXICON_NAME = "My framing words"
_OWN_ID_RE = re.compile(re.escape(OWN_LEXICON_ID) + r"(-\d+)?")
_INNER = "-'\u2019"  # hyphens and apostrophes belong to a word when letters surround them
_BLANK_LINE_RE = re.compile(r"\n[ \t\f\v\u00a0]*\n|\r\n[ \t\u00a0]*\r\n|\u2029")


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def word_at(text: str, offset: int) -> tuple[int, int] | None:
    """The word around code-point `offset` (letters and digits, with inner hyphens and
    apostrophes: "so-called", "Holloway's"), or None when `offset` is not on a word."""
    if not 0 <= offset <= len(text):
        return None
    if offset == len(text) or not _word_char(text[offset]):
        if offset > 0 and _word_char(text[offset - 1]):
            offset -= 1  # just after a word's last letter
        else:
            return None
    start = end = offset
    while start > 0 and (_word_char(text[start - 1]) or
                         (text[start - 1] in _INNER and start > 1 and _word_char(text[start - 2]))):
        start -= 1
    while end < len(text) and (_word_char(text[end]) or
                               (text[end] in _INNER and end + 1 < len(text) and _word_char(text[end + 1]))):
        end += 1
    return start, end


def term_from_selection(selected: str) -> tuple[str, str | None]:
    """The term for a selected text (spaces collapsed, surrounding punctuation and quotes left
    out) and, when it cannot be a term, a sentence saying why (else None)."""
    if _BLANK_LINE_RE.search(selected):
        return "", "The selection runs over a blank line; select a word or a short phrase within one paragraph."
    words = selected.split()
    term = " ".join(words)
    start, end = 0, len(term)
    while start < end and not _word_char(term[start]):
        start += 1
    while end > start and not _word_char(term[end - 1]):
        end -= 1
    term = term[start:end]
    if not term:
        return "", "Select a word (or a short phrase) to mark as loaded."
    if len(term.split()) > MAX_TERM_WORDS or len(term) > MAX_TERM_CHARS:
        return term, (f"The selection is too long to be a loaded word: select at most {MAX_TERM_WORDS} words "
                      f"({MAX_TERM_CHARS} characters).")
    problem = term_problem(term)
    if problem:
        return term, f"'{term}' cannot be a lexicon term: {problem}."
    return term, None


def with_term(lexicon: Lexicon, category: Category, term: Term) -> Lexicon:
    """`lexicon` with `term` added to the category with `category.id` (a copy of `category`'s
    name, colour, description and group, without its terms, is added when missing)."""
    found = lexicon.find_term(term.text)
    if found is not None:
        raise LexiconError(lexicon.path, f"already has the term '{found[1].text}' (in '{found[0].name}')")
    categories = list(lexicon.categories)
    for index, existing in enumerate(categories):
        if existing.id == category.id:
            categories[index] = replace(existing, terms=(*existing.terms, term))
            break
    else:
        categories.append(replace(category, terms=(term,)))
    return replace(lexicon, categories=tuple(categories))


def without_term(lexicon: Lexicon, category_id: str, text: str, drop_empty_category: bool = False) -> Lexicon:
    """`lexicon` without the term `text` (ignoring case) of category `category_id`; the category
    itself goes too when `drop_empty_category` and nothing is left in it."""
    key = term_key(text)
    categories = []
    for category in lexicon.categories:
        if category.id == category_id:
            category = replace(category, terms=tuple(t for t in category.terms if term_key(t.text) != key))
            if drop_empty_category and not category.terms:
                continue
        categories.append(category)
    return replace(lexicon, categories=tuple(categories))


def own_lexicon(library: LexiconLibrary, language: str) -> LexiconEntry | None:
    """The user's "My framing words" lexicon for `language` (an enabled one first), if any."""
    found = [e for e in library.entries() if e.kind == USER and e.lexicon is not None
             and _OWN_ID_RE.fullmatch(e.lexicon.id) and e.lexicon.language == language]
    found.sort(key=lambda e: not e.enabled)
    return found[0] if found else None


@dataclass(frozen=True)
class Marked:
    """Where a term went: the lexicon's library key and file, and what had to be created."""

    key: str
    path: str
    lexicon_name: str
    created_lexicon: bool
    created_category: bool


def add_to_own(library: LexiconLibrary, category: Category, term: Term, language: str) -> Marked:
    """Add `term` under `category` to the user's own lexicon, creating "My framing words" (a new
    user lexicon) when there is none, and enable it. Raises `LexiconError` when it cannot be
    written or already holds the term; nothing is changed then."""
    entry = own_lexicon(library, language)
    if entry is None:
        lexicon = Lexicon(OWN_LEXICON_ID, OWN_LEXICON_NAME, language,
                          "Words marked as loaded in the reader (right-click ▸ Mark as Loaded…).")
        created = library.add_new(with_term(lexicon, category, term))
        return Marked(created.key, created.path, created.title, True, True)
    assert entry.lexicon is not None
    had_category = entry.lexicon.category(category.id) is not None
    library.save(entry.key, with_term(entry.lexicon, category, term))
    library.set_enabled(entry.key, True)
    return Marked(entry.key, entry.path, entry.title, False, not had_category)


def add_again(library: LexiconLibrary, marked: Marked, category: Category, term: Term) -> None:
    """Redo: put `term` back into the lexicon it was added to (still there, readable)."""
    library.save(marked.key, with_term(_still_there(library, marked), category, term))
    library.set_enabled(marked.key, True)


def remove_from(library: LexiconLibrary, marked: Marked, category_id: str, text: str) -> None:
    """Undo: take `text` out of the lexicon it was added to (and the category, when it was made
    for it and is now empty)."""
    lexicon = _still_there(library, marked)
    library.save(marked.key, without_term(lexicon, category_id, text, drop_empty_category=marked.created_category))


def _still_there(library: LexiconLibrary, marked: Marked) -> Lexicon:
    entry = library.entry(marked.key)
    if entry is None or entry.lexicon is None:
        raise LexiconError(marked.path, "is no longer there or cannot be read"
                           + (f" ({entry.error})" if entry is not None and entry.error else ""))
    return entry.lexicon


__all__ = [
    "MAX_TERM_CHARS", "MAX_TERM_WORDS", "OWN_LEXICON_ID", "OWN_LEXICON_NAME", "Marked", "add_again", "add_to_own",
    "own_lexicon", "remove_from", "term_from_selection", "with_term", "without_term", "word_at",
]
