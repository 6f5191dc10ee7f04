"""PDF with a text layer, via pypdf: lines rebuilt into paragraphs, page furniture dropped.

* Text is read page by page in content order with the position and size of every line.
* Tabs (pypdf puts them between the words of justified lines) and odd spaces become one space;
  ligatures (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) are undone.
* Page furniture: a line among the first or last two of a page is dropped when (with digits
  ignored) it recurs at the same height on at least half of the pages and is set apart from
  the body by its size or a larger gap (running headers and footers), or
  when it is only a page number ("12", "Page 3", "3 of 10", "- 4 -", "iv").
* Lines are joined into paragraphs; a new paragraph starts at a larger vertical gap than the
  usual line spacing, a change of font size, an indented first line, or after a short line that
  ends a sentence. A paragraph running over a page break continues unless the page ended a
  sentence. Lines clearly larger than the body text are headings.
* Hyphenation at a line end: a soft hyphen always joins. For "misin-" + "formation", the pieces
  are joined without the hyphen when the joined word appears elsewhere in the text, or when
  not both pieces appear as words elsewhere in the text; otherwise (e.g. "well-" + "known",
  both words) the hyphen is kept. This needs no language model.
* Metadata: /Title, /Author, /CreationDate (as an ISO date) from the document information.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..errors import DocumentError
from ..model import BlockKind, Document, DocumentMeta
from .builder import TextBuilder, clean_meta_value
from .limits import MAX_BYTES

log = logging.getLogger(__name__)

MAX_PAGES = 5_000
MAX_SECONDS = 180.0  # a PDF whose text takes longer than this to read is refused
NO_TEXT = "This PDF has no text to read — it may be a scanned image."
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
_LIGATURE_TABLE = str.maketrans(LIGATURES)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ROMAN = r"(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
_PAGE_NUMBER = re.compile(
    rf"^(?:(?:page|seite|p\.)\s*)?[-–—(\[]?\s*(?:\d{{1,5}}|{_ROMAN})\s*[-–—)\]]?(?:\s*(?:of|/|von)\s*\d{{1,5}})?$",
    re.IGNORECASE,
)
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_SENTENCE_END = ('.', '!', '?', ':', '"', '”', '’', ')', '»', '…')
_HYPHENS = ("-", "\u2010", "\u00ad")


@dataclass
class _Line:
    """One line of a page: its text, left edge, baseline (y grows upwards) and font size."""

    text: str
    x: float
    y: float
    size: float


def pdf_document(data: bytes, source: str) -> Document:
    """Read a PDF's text layer into a Document."""
    reader = _open(data, source)
    pages = _page_lines(reader, source)
    if not any(pages):
        raise DocumentError(source, NO_TEXT)
    pages = _drop_furniture(pages)
    lines = [line for page in pages for line in page]
    if not lines:
        raise DocumentError(source, NO_TEXT)
    body = _body_size(lines)
    builder = TextBuilder(source)
    vocabulary = _vocabulary(lines)
    for kind, level, parts in _paragraphs(pages, body):
        text = _join_lines(parts, vocabulary)
        builder.add_block(text, kind, level)
    if not builder.blocks:
        raise DocumentError(source, NO_TEXT)
    return builder.document("pdf", _metadata(reader))


def _open(data: bytes, source: str) -> Any:
    """A pypdf reader, refusing encrypted and damaged files with a clear sentence."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise DocumentError(source, f"This PDF is encrypted (password-protected). {NO_TEXT}")
            except (PyPdfError, NotImplementedError, ValueError, KeyError, TypeError):
                raise DocumentError(source, f"This PDF is encrypted (password-protected). {NO_TEXT}") from None
        count = len(reader.pages)
    except DocumentError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, EOFError, RecursionError,
            AssertionError, ZeroDivisionError) as exc:
        raise DocumentError(source, f"This PDF is damaged or truncated and cannot be read ({exc.__class__.__name__}).") from None
    if count == 0:
        raise DocumentError(source, "This PDF has no pages (it may be damaged or truncated).")
    if count > MAX_PAGES:
        raise DocumentError(source, f"This PDF has {count:,} pages, more than the {MAX_PAGES:,} FrameReader reads.")
    return reader


def _page_lines(reader: Any, source: str) -> list[list[_Line]]:
    """Every page's lines in content order; damaged pages are skipped, a damaged file refused."""
    pages: list[list[_Line]] = []
    failures = 0
    total = 0
    deadline = time.monotonic() + MAX_SECONDS
    for index in range(len(reader.pages)):
        if time.monotonic() > deadline:
            raise DocumentError(source, f"This PDF takes too long to read (more than {MAX_SECONDS:.0f} s for {index:,} pages).")
        try:
            lines = _lines_of(reader.pages[index])
        except Exception:  # pypdf raises many kinds on damaged content streams
            log.debug("page %d of %s could not be read", index + 1, source, exc_info=True)
            failures += 1
            lines = []
        total += sum(len(line.text) + 1 for line in lines)
        if total > MAX_BYTES:
            raise DocumentError(source, "The text in this PDF is more than the 20 MB limit.")
        pages.append(lines)
    if failures and failures == len(pages):
        raise DocumentError(source, "This PDF is damaged or truncated: none of its pages could be read.")
    return pages


def _lines_of(page: Any) -> list[_Line]:
    """A page's lines as pypdf lays them out, each with the position of its first text."""
    lines: list[_Line] = []
    current: list[str] = []
    where: list[float] = []

    def flush() -> None:
        text = _clean("".join(current))
        if text and where:
            lines.append(_Line(text, where[0], where[1], where[2]))
        current.clear()
        where.clear()

    def visit(text: str, cm: Any, tm: Any, _font: Any, size: Any) -> None:
        pieces = text.split("\n")
        for number, piece in enumerate(pieces):
            if number:
                flush()
            if piece.strip() and not where:
                where.extend(_position(cm, tm, size))
            current.append(piece)

    page.extract_text(visitor_text=visit)
    flush()
    return lines


def _position(cm: Any, tm: Any, size: Any) -> tuple[float, float, float]:
    """Device x, y and effective font size of text drawn with matrices `tm` then `cm`."""
    try:
        a, b, c, d, e, f = (float(v) for v in cm)
        _, _, tc, td, te, tf = (float(v) for v in tm)
        x = te * a + tf * c + e
        y = te * b + tf * d + f
        scale = ((tc * a + td * c) ** 2 + (tc * b + td * d) ** 2) ** 0.5 or 1.0
        return x, y, float(size or 0) * scale
    except (TypeError, ValueError):
        return 0.0, 0.0, 0.0


def _clean(text: str) -> str:
    """One line's text: ligatures undone, tabs and odd spaces collapsed, ends trimmed."""
    return _SPACES.sub(" ", _CONTROLS.sub("", text.translate(_LIGATURE_TABLE))).strip()


# --------------------------------------------------------------------------- furniture


def _furniture_key(line: _Line) -> tuple[str, int]:
    """A margin line with digits ignored, and where it sits, for spotting running headers/footers."""
    return re.sub(r"\d+", "#", line.text.lower()).strip(), round(line.y / 3)


def _drop_furniture(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Drop page numbers, and running headers/footers: the same line at the same height in the
    margins of at least half the pages, set apart from the body (another size, or a larger gap)."""
    zone = 2
    lines_all = [line for page in pages for line in page]
    body = _body_size(lines_all)
    spacing = _line_spacing(pages, body)
    counts: Counter[tuple[str, int]] = Counter()
    for lines in pages:
        counts.update({_furniture_key(line) for line in (*lines[:zone], *lines[-zone:])})
    threshold = max(2, (len(pages) + 1) // 2)
    repeated = {key for key, n in counts.items() if n >= threshold and len(pages) >= 2}
    kept: list[list[_Line]] = []
    for lines in pages:
        drop: set[int] = set()
        for i in (*range(min(zone, len(lines))), *range(max(len(lines) - zone, 0), len(lines))):
            line = lines[i]
            if _PAGE_NUMBER.match(line.text) or _furniture_key(line) in repeated and _set_apart(lines, i, body, spacing):
                drop.add(i)
        kept.append([line for i, line in enumerate(lines) if i not in drop])
    return kept


def _set_apart(lines: list[_Line], index: int, body: float, spacing: float) -> bool:
    """True when a margin line differs in size from the body or stands off from its neighbour."""
    line = lines[index]
    if abs(line.size - body) > max(0.5, 0.1 * body):
        return True
    other = index + 1 if index < len(lines) / 2 else index - 1  # towards the body
    if not 0 <= other < len(lines):
        return True
    return abs(line.y - lines[other].y) > 1.6 * spacing


def _line_spacing(pages: list[list[_Line]], body: float) -> float:
    """The usual distance between consecutive body lines."""
    gaps = [
        round(a.y - b.y, 1) for page in pages for a, b in zip(page, page[1:])
        if abs(a.size - body) < 0.5 and abs(b.size - body) < 0.5 and a.y > b.y
    ]
    return statistics.median(gaps) if gaps else (body or 10) * 1.2


# --------------------------------------------------------------------------- paragraphs


def _body_size(lines: list[_Line]) -> float:
    """The font size of most of the text (weighted by characters)."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _paragraphs(pages: list[list[_Line]], body: float) -> list[tuple[BlockKind, int, list[str]]]:
    """(kind, level, lines) for each paragraph or heading, in reading order."""
    all_lines = [line for page in pages for line in page]
    spacing = _line_spacing(pages, body)
    lefts = Counter(round(line.x) for line in all_lines if abs(line.size - body) < 0.5)
    left = lefts.most_common(1)[0][0] if lefts else 0.0
    lengths = [len(line.text) for line in all_lines if abs(line.size - body) < 0.5]
    full = statistics.median(lengths) if lengths else 60
    heading_sizes = sorted({round(line.size) for line in all_lines if line.size > body * 1.15}, reverse=True)
    result: list[tuple[BlockKind, int, list[str]]] = []
    current: list[str] = []
    kind: BlockKind = "paragraph"
    level = 0
    previous: _Line | None = None
    for page_number, page in enumerate(pages):
        for index, line in enumerate(page):
            heading = body > 0 and line.size > body * 1.15
            this_kind: BlockKind = "heading" if heading else "paragraph"
            this_level = min(heading_sizes.index(round(line.size)) + 1, 6) if heading else 0
            if previous is None:
                new = True
            elif index == 0:  # first line of a page: continue unless the last page ended a sentence
                new = this_kind != kind or previous.text.endswith(_SENTENCE_END) and not line.text[:1].islower()
            else:
                new = _breaks(previous, line, body, spacing, left, full) or this_kind != kind
            if new and current:
                result.append((kind, level, current))
                current = []
            if new:
                kind, level = this_kind, this_level
            current.append(line.text)
            previous = line
        del page_number
    if current:
        result.append((kind, level, current))
    return result


def _breaks(a: _Line, b: _Line, body: float, spacing: float, left: float, full: float) -> bool:
    """True when line `b` starts a new paragraph after line `a`."""
    if abs(a.size - b.size) > max(0.5, 0.1 * body):
        return True
    gap = a.y - b.y
    if gap > spacing * 1.35 or gap < -spacing * 0.5:  # a larger gap, or a new column
        return gap > 0 or a.text.endswith(_SENTENCE_END)
    em = b.size or body or 10
    if 0.8 * em < b.x - left < 6 * em and abs(a.x - left) < 0.5 * em:  # an indented first line
        return True
    return a.text.endswith(_SENTENCE_END) and len(a.text) < 0.75 * full


def _vocabulary(lines: list[_Line]) -> Counter[str]:
    """Word counts of the text, leaving out the pieces of words split at line ends."""
    counts: Counter[str] = Counter()
    split_before = False
    for line in lines:
        words = _WORD.findall(line.text)
        split_after = line.text.endswith(_HYPHENS)
        start = 1 if split_before else 0
        end = len(words) - 1 if split_after else len(words)
        counts.update(w.lower() for w in words[start:end])
        for word in words[start:end]:
            if "-" in word:
                counts.update(piece.lower() for piece in word.split("-"))
        split_before = split_after
    return counts


def _join_lines(lines: list[str], vocabulary: Counter[str]) -> str:
    """Join a paragraph's lines with spaces, undoing hyphenation at line ends."""
    text = lines[0]
    for line in lines[1:]:
        if text.endswith(_HYPHENS) and len(text) > 1 and text[-2].isalpha() and line[:1].isalpha():
            if text.endswith("\u00ad") or _unhyphenate(text, line, vocabulary):
                text = text[:-1] + line
            else:
                text = text[:-1] + "-" + line
        elif text.endswith(("—", "–")) and line[:1].isalpha() and not text.endswith((" —", " –")):
            text += line  # "this—" + "that": a dash between words, not a gap
        else:
            text = f"{text} {line}"
    return text


def _unhyphenate(text: str, line: str, vocabulary: Counter[str]) -> bool:
    """True when "left-" + "right" is one word split at the line end (see the module docstring)."""
    left_match = re.search(r"[^\W\d_]+$", text[:-1])
    right_match = re.match(r"[^\W\d_]+", line)
    if not left_match or not right_match:
        return False
    left, right = left_match.group().lower(), right_match.group().lower()
    if vocabulary[left + right] > 0:
        return True
    if vocabulary[f"{left}-{right}"] > 0:
        return False
    return not (vocabulary[left] > 0 and vocabulary[right] > 0)


def _metadata(reader: Any) -> DocumentMeta:
    """Title, author and creation date from the document information dictionary."""
    try:
        info = reader.metadata or {}
        title = clean_meta_value(info.get("/Title"))
        author = clean_meta_value(info.get("/Author"))
        raw_date = str(info.get("/CreationDate") or "")
    except Exception:  # damaged information dictionaries are simply ignored
        return DocumentMeta()
    match = re.match(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?", raw_date)
    date = None
    if match:
        year, month, day = match.group(1), match.group(2), match.group(3)
        date = year + (f"-{month}" if month else "") + (f"-{day}" if month and day else "")
    if title and title.lower() in ("untitled", "microsoft word", "document"):
        title = None
    return DocumentMeta(title=title, author=author, date=date)
