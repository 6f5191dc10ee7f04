"""Tokenize any text in time proportional to its length, with exact character offsets.

spaCy's tokenizer strips prefixes and suffixes one at a time from each space-delimited string,
copying the rest each time: a 20 KB line of `=` takes over a minute (quadratic). And NER costs
the same per token, so a text of one-character tokens (`a=a=a…`, `=\\n=\\n…`) costs five times
prose of the same size. `make_doc` guards against both while leaving ordinary text untouched:

- a run of more than `LONG_RUN` non-space characters is cut into pieces of at most `PIECE`
  characters (after a non-word character when there is one); a piece is tokenized on its own,
  and a piece without letters or digits, or one that falls apart into many tokens, is one token;
- in a stretch where `DENSE_WINDOW` consecutive tokens cover fewer than `MIN_CHARS_PER_TOKEN`
  characters each (symbol soup, one letter per line; prose never comes near), each run of
  tokens of at most `SHORT` characters becomes one token (longer words keep theirs).

The doc's text is always exactly the input, so every offset is the text's own. Text without
such runs gets exactly `nlp.make_doc(text)`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

LONG_RUN = 80
PIECE = 40
#: A piece that splits into more tokens than this is kept as one token.
PIECE_MAX_TOKENS = PIECE // 4
DENSE_WINDOW = 32
#: Prose never averages under ~3.2 characters (with spaces) per token over 32 tokens.
MIN_CHARS_PER_TOKEN = 2.5
#: Only tokens this short are merged, so words next to a dense stretch keep their own tokens.
SHORT = 2
#: Where tokens average fewer characters than this, three-character tokens are merged too.
VERY_DENSE = 2.1

_LONG = re.compile(rf"(?<!\S)\S{{{LONG_RUN + 1},}} ?")
_WORD_CHAR = re.compile(r"\w")
_NON_WORD = re.compile(r"\W")


def make_doc(nlp: Language, text: str) -> Doc:
    """`nlp.make_doc(text)`, safe for pathological text (see the module docstring)."""
    if _LONG.search(text) is None:
        return _merge_dense(nlp.make_doc(text))
    docs: list[Doc] = []
    position = 0
    for match in _LONG.finditer(text):
        if match.start() > position:
            docs.append(nlp.make_doc(text[position : match.start()]))
        docs.extend(_piece_doc(nlp, piece) for piece in _pieces(match.group()))
        position = match.end()
    if position < len(text):
        docs.append(nlp.make_doc(text[position:]))
    return _merge_dense(Doc.from_docs(docs, ensure_whitespace=False))


def _pieces(run: str) -> Iterator[str]:
    """`run` (one long non-space string, maybe with one trailing space) in pieces of at most
    PIECE characters, cut after a non-word character where possible."""
    body = run.rstrip(" ")
    start = 0
    while start < len(body):
        end = min(start + PIECE, len(body))
        if end < len(body):
            cut = max((m.end() for m in _NON_WORD.finditer(body, start + 1, end)), default=0)
            if cut > start + PIECE // 2:
                end = cut
        yield body[start:end] + (run[len(body) :] if end == len(body) else "")
        start = end


def _piece_doc(nlp: Language, piece: str) -> Doc:
    word = piece.rstrip(" ")
    if _WORD_CHAR.search(word):
        doc = nlp.make_doc(piece)
        if len(doc) <= PIECE_MAX_TOKENS:
            return doc
    return Doc(nlp.vocab, words=[word], spaces=[piece != word])


def _dense_cover(starts: list[int], ends: list[int], chars_per_token: float) -> list[bool]:
    """For each token: does some window of DENSE_WINDOW tokens holding it cover fewer than
    DENSE_WINDOW * chars_per_token characters?"""
    n = len(starts)
    limit = DENSE_WINDOW * chars_per_token
    delta = [0] * (n + 1)  # +1 where a dense window starts, -1 after it ends
    for first in range(n - DENSE_WINDOW + 1):
        if ends[first + DENSE_WINDOW - 1] - starts[first] < limit:
            delta[first] += 1
            delta[first + DENSE_WINDOW] -= 1
    covered, depth = [], 0
    for index in range(n):
        depth += delta[index]
        covered.append(depth > 0)
    return covered


def _merge_dense(doc: Doc) -> Doc:
    """Where DENSE_WINDOW consecutive tokens cover fewer than MIN_CHARS_PER_TOKEN characters
    each, merge each run of tokens of at most SHORT characters into one (of at most SHORT + 1
    where they cover fewer than VERY_DENSE characters each: `abc\nabc\n`)."""
    n = len(doc)
    if n < DENSE_WINDOW:
        return doc
    starts = [token.idx for token in doc]
    ends = [token.idx + len(token) for token in doc]
    dense = _dense_cover(starts, ends, MIN_CHARS_PER_TOKEN)
    if not any(dense):
        return doc
    very = _dense_cover(starts, ends, VERY_DENSE)
    runs: list[tuple[int, int]] = []
    begin = -1
    for index in range(n + 1):
        size = ends[index] - starts[index] if index < n else 0
        mergeable = index < n and dense[index] and (size <= SHORT or (very[index] and size <= SHORT + 1))
        if mergeable and begin < 0:
            begin = index
        elif not mergeable and begin >= 0:
            if index - begin > 1:
                runs.append((begin, index))
            begin = -1
    if runs:
        with doc.retokenize() as retokenizer:
            for first, end in runs:
                retokenizer.merge(doc[first:end])
    return doc


__all__ = ["make_doc"]
