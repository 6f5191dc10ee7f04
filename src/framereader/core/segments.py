"""Text segmentation shared by every feature: paragraphs (non-empty lines), sentences (a light
rule-based splitter that knows abbreviations and initials) and a document's front matter
(headings and byline). Pure Python: the comparison aligns these passages, the parse picks its
sentences from them, quotations run across them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

Range = tuple[int, int]

#: A news dateline opening a paragraph: a place in capitals, perhaps its country and the
#: agency in brackets, then a dash ("SANTIAGO, Chile (Andes Business Wire) - ", "MILLBROOK — ").
DATELINE = re.compile(r"[A-Z][A-Z.'’ -]*[A-Z](?:, [A-Z][\w.'’ -]{0,30})?(?: \([^()\n]{1,60}\))? [-—–] ")


def dateline_end(text: str, start: int) -> int:
    """Where the dateline opening the paragraph at `start` ends (`start` when there is none)."""
    found = DATELINE.match(text, start)
    return found.end() if found is not None else start

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col sen rep gov st jr sr no vs etc capt sgt maj adm cpl rev hon "
    "fig jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp dept est approx".split()
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


def paragraph_ranges(text: str) -> list[Range]:
    """Non-empty lines of `text` as [start, end) ranges without surrounding white space."""
    ranges = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.start(), match.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            ranges.append((start, end))
    return ranges


#: A byline: the text's first paragraph, when it starts "By …" and has at most this many words.
BYLINE_MAX_WORDS = 30
BYLINE = re.compile(r"\s*(?:by|von|par|por|di|door|av)\s+\S", re.IGNORECASE)


def front_matter(text: str, blocks: Sequence[Any]) -> list[Range]:
    """The headings of a document and its byline (the first paragraph, when it is short and
    starts "By …"): every text has its own title and author, so the reader shows them as
    neither matched nor one-sided. `blocks` are `core.model.Block`s (kind, start, end)."""
    found: list[Range] = []
    first_paragraph = True
    for block in blocks:
        if block.kind == "heading":
            found.append((block.start, block.end))
            continue
        if (first_paragraph and block.kind == "paragraph" and BYLINE.match(text, block.start)
                and len(text[block.start:block.end].split()) <= BYLINE_MAX_WORDS):
            found.append((block.start, block.end))
        first_paragraph = False
    return found


def title_case_headline(text: str) -> Range:
    """The first paragraph when it reads as a Title Case headline (at least four words, no full
    stop, question or exclamation mark, colon, semicolon or comma at its end, a closing quote
    mark aside; most words of four letters or more capitalised), else (0, 0). A headline's
    capitals say nothing about names: the model guesses there."""
    paragraphs = paragraph_ranges(text[:2000])
    if len(paragraphs) < 2:
        return 0, 0
    start, end = paragraphs[0]
    line = text[start:end]
    words = re.findall(r"[^\W\d_][\w'’\-]*", line)
    end_mark = line.rstrip().rstrip("\"'”’")  # '… Calling Pensioners "Moaners"' is a headline
    if len(words) < 4 or end_mark.endswith((".", "!", "?", ":", ";", ",")):
        return 0, 0
    long_words = [w for w in words if len(w) > 3]
    capitals = sum(1 for w in long_words if w[:1].isupper())
    return (start, end) if long_words and capitals >= 0.8 * len(long_words) else (0, 0)


def sentence_ranges(text: str, start: int = 0, end: int | None = None) -> list[Range]:
    """Sentences of `text[start:end]` as [start, end) ranges: a line break always ends one; so
    does . ! ? (with closing quotes) before a capital or digit, unless it ends an abbreviation
    ("Mr.", "Gen.") or an initial ("J.")."""
    end = len(text) if end is None else end
    found: list[Range] = []
    for line_start, line_end in paragraph_ranges(text[start:end]):
        a, b = line_start + start, line_end + start
        cursor = a
        for match in _SENTENCE_END.finditer(text, a, b):
            if match.group().startswith(".") and _is_abbreviation(text, cursor, match.start()):
                continue
            found.append((cursor, match.end()))
            cursor = match.end()
            while cursor < b and text[cursor].isspace():
                cursor += 1
        if cursor < b:
            found.append((cursor, b))
    return found


def _is_abbreviation(text: str, floor: int, dot: int) -> bool:
    word_start = dot
    while word_start > floor and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].lower().strip(".")
    return len(word) == 1 or word in _ABBREVIATIONS or "." in word
