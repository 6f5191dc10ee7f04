"""One lexicon entry and its `.frlex` term line: `term | note | alternative | options`.

Format 1 has the first three fields; format 2 adds `options`, a `;`-separated list of
`key=value`: `pos=adj,noun` (part-of-speech guard), `also=form, form` (declared derivations) and
`except=phrase, phrase` (phrases in which the term is not marked). See `docs/lexicon-format.md`.
Pure Python: no Qt, no spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .syntax import KEY_RE

#: Parts of speech a term may be limited to (`pos=`), and the Universal POS tags they stand for.
POS_TAGS: dict[str, tuple[str, ...]] = {
    "adj": ("ADJ",),
    "noun": ("NOUN",),
    "verb": ("VERB",),
    "adv": ("ADV",),
}
OPTION_KEYS = ("pos", "also", "except")
#: The budget of one user-supplied rule: a term, an `also=` form, an `except=` phrase or a
#: word-choice member has at most this many words (letters or digits between spaces, hyphens and
#: other punctuation: "fear-mongering" is two) and characters. Compiling an entry expands it into
#: spellings, compounds and inflections, which costs more than linearly in its length; the budget
#: keeps every entry's cost a constant, so compiling is linear in the lexicon's size.
MAX_TERM_WORDS = 8
MAX_TERM_CHARS = 80
_WORD_RE = re.compile(r"[^\W_]+")
#: How much of an over-long entry a message quotes.
_QUOTE_CHARS = 40


def word_count(text: str) -> int:
    """How many words `text` has for the term budget (runs of letters and digits)."""
    return sum(1 for _ in _WORD_RE.finditer(text))


def quoted(text: str) -> str:
    """`text` in quotes for a message, shortened to its start when long."""
    text = " ".join(text.split())
    return f"'{text}'" if len(text) <= _QUOTE_CHARS else f"'{text[:_QUOTE_CHARS]}…'"


def budget_problem(text: str, what: str = "term") -> str | None:
    """Why `text` is over the budget of one rule (None when it is within): the one check used by
    `lexicon check`, imports, the Lexicons dialog and lexicons carried in lessons."""
    if len(text) > MAX_TERM_CHARS * 4:  # do not even count the words of a very long text
        return (f"{what} {quoted(text)} is too long ({len(text):,} characters): at most "
                f"{MAX_TERM_WORDS} words and at most {MAX_TERM_CHARS} characters")
    words = word_count(text)
    if words > MAX_TERM_WORDS or len(text) > MAX_TERM_CHARS:
        return (f"{what} {quoted(text)} is too long ({words:,} words, {len(text):,} characters): at most "
                f"{MAX_TERM_WORDS} words and at most {MAX_TERM_CHARS} characters")
    return None


def within_budget(text: str) -> bool:
    """Whether `text` is within the budget of one rule."""
    return budget_problem(text) is None


@dataclass(frozen=True)
class Term:
    """One entry: `text` is one or more words; `exact` terms are matched without inflections.

    `pos` limits the entry to those parts of speech (keys of `POS_TAGS`; empty = any), `also`
    lists derivations marked with the entry's note, `exceptions` phrases in which it is not marked.
    """

    text: str
    note: str = ""
    alternative: str = ""
    exact: bool = False
    pos: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()

    @property
    def has_options(self) -> bool:
        """True when the entry needs format 2 (an options field)."""
        return bool(self.pos or self.also or self.exceptions)


def term_key(text: str) -> str:
    """The key under which terms are compared: spacing collapsed, case folded."""
    return " ".join(text.split()).casefold()


def _split_list(value: str) -> tuple[str, ...]:
    return tuple(" ".join(part.split()) for part in value.split(",") if part.strip())


def parse_options(field_text: str) -> tuple[dict[str, tuple[str, ...]], str | None]:
    """The options of a term line (`pos=adj; also=a, b; except=c d`) by key, or the reason
    they are invalid."""
    options: dict[str, tuple[str, ...]] = {}
    for part in field_text.split(";"):
        part = part.strip()
        if not part:
            continue
        key, sep, value = part.partition("=")
        key = key.strip().lower()
        if not sep:
            return {}, f"option '{part}' must look like 'key=value' (keys: {', '.join(OPTION_KEYS)})"
        if key not in OPTION_KEYS:
            return {}, f"unknown option '{key}' (known options: {', '.join(OPTION_KEYS)})"
        if key in options:
            return {}, f"option '{key}' is given twice"
        values = _split_list(value)
        if not values:
            return {}, f"option '{key}' has no value"
        if key == "pos":
            values = tuple(v.lower() for v in values)
            bad = [v for v in values if v not in POS_TAGS]
            if bad:
                return {}, f"unknown part of speech '{bad[0]}' in pos= (use {', '.join(POS_TAGS)})"
        else:
            for v in values:
                reason = _form_problem(v) or budget_problem(v, "the form" if key == "also" else "the phrase")
                if reason:
                    return {}, f"bad {key}= form '{v}': {reason}"
        options[key] = tuple(dict.fromkeys(values))
    return options, None


def parse_term_line(line: str, version: int = 2) -> tuple[Term | None, str | None]:
    """Parse `term | note | alternative | options` (a leading `=` marks an exact term); format 1
    lines have no options field. Returns the term, or None and the reason it is invalid."""
    fields = line.split("|")
    most = 4 if version >= 2 else 3
    if len(fields) > most:
        shape = "term | note | alternative | options" if version >= 2 else "term | note | alternative"
        hint = "" if version >= 2 else " (options need 'framereader-lexicon 2')"
        return None, f"too many '|' fields ({len(fields)}): a term line is '{shape}'{hint}"
    text = fields[0].strip()
    exact = text.startswith("=")
    if exact:
        text = text[1:].strip()
    text = " ".join(text.split())
    if not text:
        return None, "empty term: write the term before the first '|'" if len(fields) > 1 else "empty term"
    too_long = budget_problem(text)
    if too_long:
        return None, too_long
    note = fields[1].strip() if len(fields) > 1 else ""
    alternative = fields[2].strip() if len(fields) > 2 else ""
    options, reason = parse_options(fields[3]) if len(fields) > 3 else ({}, None)
    if reason:
        return None, reason
    return Term(text, note, alternative, exact, options.get("pos", ()), options.get("also", ()),
                options.get("except", ())), None


def _form_problem(text: str) -> str | None:
    if any(ch in text for ch in "|;,="):
        return "it cannot contain '|', ';', ',' or '='"
    return None


def term_problem(text: str, exact: bool = False) -> str | None:
    """Why a term text cannot be written to a `.frlex` file (None when it can).

    An exact term is written `=text`, so only '|' and spacing matter for it."""
    if not text or text != " ".join(text.split()):
        return "a term must be non-empty, without line breaks or extra spaces"
    if "|" in text:
        return "a term cannot contain '|'"
    too_long = budget_problem(text)
    if too_long:
        return too_long
    if exact:
        return None
    if text.startswith(("#", "[", "=")):
        return "a term cannot start with '#', '[' or '='"
    if KEY_RE.fullmatch(text):
        return "a term cannot look like 'key = value'"
    return None


def options_problems(term: Term) -> list[str]:
    """Why the entry's options cannot be written (empty when they can)."""
    problems = [f"unknown part of speech '{p}' (use {', '.join(POS_TAGS)})" for p in term.pos if p not in POS_TAGS]
    for key, values in (("also", term.also), ("except", term.exceptions)):
        for value in values:
            reason = _form_problem(value) or (None if value == " ".join(value.split()) and value
                                              else "forms must be non-empty, without extra spaces")
            reason = reason or budget_problem(value, "the form" if key == "also" else "the phrase")
            if reason:
                problems.append(f"bad {key}= form '{value}': {reason}")
    return problems


def options_text(term: Term) -> str:
    """The canonical options field: `pos=adj,noun; also=a, b; except=c d` (empty for none)."""
    parts = []
    if term.pos:
        parts.append("pos=" + ",".join(term.pos))
    if term.also:
        parts.append("also=" + ", ".join(term.also))
    if term.exceptions:
        parts.append("except=" + ", ".join(term.exceptions))
    return "; ".join(parts)


def term_line(term: Term) -> str:
    """The canonical term line: `term | note | alternative | options`, trailing empty fields
    left out and empty inner fields written as adjacent bars (`term || alternative`)."""
    fields = [term.note, term.alternative, options_text(term)]
    while fields and not fields[-1]:
        fields.pop()
    out = ("=" if term.exact else "") + term.text
    for value in fields:
        out += ("|" if out.endswith("|") else " |") + (f" {value}" if value else "")
    return out


__all__ = [
    "MAX_TERM_CHARS", "MAX_TERM_WORDS", "OPTION_KEYS", "POS_TAGS", "budget_problem", "quoted", "within_budget",
    "word_count", "Term", "options_problems", "options_text", "parse_options",
    "parse_term_line", "term_key", "term_line", "term_problem",
]
