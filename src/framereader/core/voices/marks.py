"""Direct quotations found by their quotation marks: pure Python, no parse.

`scan_marks(text)` finds every outermost quoted stretch in any style — straight and curly
double quotes, straight and curly single quotes, guillemets — and block quotations written as
lines starting with "> ". A quotation that runs over several paragraphs is one stretch when a
paragraph opens a quote without closing it and the next paragraph opens again with the same
mark (the news convention). Quotes nested inside another quote (a speaker quoting someone) are
part of the outer stretch.

`Marked.start`/`end` cover the words between the marks (for a multi-paragraph quotation, from
the first word after the opening mark to the last character before the final closing mark;
for a block, the text after "> "). Whether a stretch is a voice or a scare quote, a title or
a nickname is decided by `core.voices.direct.is_voice`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..segments import paragraph_ranges

#: Quote styles by opening mark: (style, closing marks).
_DOUBLE_STRAIGHT = '"'
_PAIRS = {
    "“": ("double_curly", "”"),
    "„": ("double_curly", "“”"),
    "«": ("guillemets", "»"),
    "‹": ("guillemets", "›"),
    "‘": ("single_curly", "’"),
}
#: Characters after which a mark can open a quote (start of line, space, bracket, dash...).
_OPENING_CONTEXT = frozenset(" \t\n([{—–-:/")
#: Words that start with an apostrophe and are no quote ('em, 'n', 'til, '90s).
_ELISIONS = re.compile(r"(?:em|n|til|tis|twas|cause|bout|round|s|d)\b|\d0s\b", re.IGNORECASE)


@dataclass(frozen=True)
class Marked:
    """A stretch of text between quotation marks (or a block quotation)."""

    start: int  # first character inside the marks
    end: int  # last character inside + 1
    open: int  # the opening mark (for a block, the ">")
    close: int  # the closing mark; == end when the quote is not closed (or a block)
    style: str  # double_straight, double_curly, single_straight, single_curly, guillemets, block
    paragraphs: int = 1  # how many paragraphs it runs over
    closed: bool = True


def scan_marks(text: str) -> list[Marked]:
    """Every outermost quoted stretch of `text`, in text order."""
    found: list[Marked] = []
    paragraphs = paragraph_ranges(text)
    index = 0
    while index < len(paragraphs):
        p_start, p_end = paragraphs[index]
        if text.startswith("> ", p_start) or text.startswith(">\u00a0", p_start):
            start = p_start + 2
            while start < p_end and text[start] == " ":
                start += 1
            if start < p_end:
                found.append(Marked(start, p_end, p_start, p_end, "block"))
            index += 1
            continue
        cursor = p_start
        while cursor < p_end:
            quote = _quote_at(text, paragraphs, index, cursor)
            if quote is None:
                cursor += 1
                continue
            found.append(quote)
            if quote.paragraphs > 1:  # continue after it, in the paragraph where it ended
                index += quote.paragraphs - 1
                p_start, p_end = paragraphs[index]
            cursor = quote.close + 1
        index += 1
    return found


def _quote_at(text: str, paragraphs: list[tuple[int, int]], index: int, i: int) -> Marked | None:
    """The quotation opening at `i` (in paragraph `index`), or None."""
    mark = text[i]
    if mark == _DOUBLE_STRAIGHT:
        style, closers = "double_straight", _DOUBLE_STRAIGHT
    elif mark == "'":
        style, closers = "single_straight", "'"
    elif mark in _PAIRS:
        style, closers = _PAIRS[mark]
    else:
        return None
    p_start, p_end = paragraphs[index]
    if i > p_start and text[i - 1] not in _OPENING_CONTEXT and not (mark in "“«‹„" and not text[i - 1].isalnum()):
        return None
    if i + 1 >= p_end or text[i + 1].isspace():
        return None
    if style.startswith("single") and _ELISIONS.match(text, i + 1):
        return None
    start = i + 1
    count, search = 1, start
    while True:
        close = _closing(text, search, paragraphs[index][1], closers, style)
        if close is not None:
            return Marked(start, close, i, close, style, count)
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        if following is not None and text[following[0]] == mark:
            index += 1
            count += 1
            search = following[0] + 1
            continue
        # never closed: the quotation runs to the end of its paragraph
        end = paragraphs[index][1]
        return Marked(start, end, i, end, style, count, closed=False) if end > start else None


def _closing(text: str, start: int, end: int, closers: str, style: str) -> int | None:
    """The position of the mark that closes a quote of `style` opened before `start`, within
    [start, end), or None. Single quotes skip apostrophes: one between two letters ("it's"),
    and a plural possessive ("the workers' union") while a later closing mark follows."""
    if not style.startswith("single"):
        for j in range(start, end):
            if text[j] in closers and (style != "double_straight" or j > start):
                return j
        return None
    candidates = []
    for j in range(start, end):
        if text[j] not in closers:
            continue
        before = text[j - 1] if j > start else " "
        after = text[j + 1] if j + 1 < end else " "
        if before.isalnum() and after.isalnum():
            continue  # an apostrophe inside a word
        if before.isspace():
            continue  # an opening mark (a nested quote) or a leading elision
        candidates.append(j)
    for n, j in enumerate(candidates):
        after = text[j + 1 : j + 3]
        possessive = text[j - 1] in "sS" and len(after) == 2 and after[0] == " " and after[1].islower()
        if possessive and n + 1 < len(candidates):
            continue
        return j
    return None
