"""Loading texts: bytes → decoded, newline-normalised text → a `Document` with blocks and emphasis.

Pure Python (never imports Qt). Every offset is a Python code-point offset into `Document.text`.

Plain text keeps the file's text as it is (only newlines normalised); its blocks are the
paragraphs between blank lines. Markdown is rendered to plain text by walking the markdown-it
token stream (raw HTML disabled, so it shows as literal text and is never interpreted; nothing is
ever fetched):

* blocks are joined by a single ``"\\n"``; a paragraph is one block, soft line breaks inside it
  become a space and hard breaks a ``"\\n"``;
* list items start with ``"• "`` (bullets) or ``"3. "`` (ordered lists, numbered from the list's
  start); the prefix is part of the item's first block, nested items are not indented in the
  text (use `Block.level`);
* table rows are one ``"paragraph"``-like block each, cells joined by a tab;
* images contribute their alt text only, links only their text.
"""

from __future__ import annotations

import logging
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .errors import DocumentError
from .model import Block, BlockKind, Document, Emphasis, EmphasisKind

log = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024
SNIFF_BYTES = 8192  # how much of the start of a file the binary check looks at
CONTROL_SHARE_LIMIT = 0.10  # more control characters than this in the sniffed chunk → binary
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown"})
MARKDOWN_MAX_NESTING = 100  # markdown-it drops content nested deeper; we then fall back to text
MAX_INLINE_CHARS = 100_000  # longer paragraphs are shown without inline Markdown (it gets slow)

_BOMS: tuple[tuple[bytes, str], ...] = (  # UTF-32 first: its LE BOM starts with UTF-16's
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive or a Word/OpenDocument file"),
    (b"\xd0\xcf\x11\xe0", "an old-style Word or Office file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1b")
_UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:", "file:")
# Characters that start a CommonMark inline rule (breaks, escapes, code, emphasis, links, images,
# autolinks, entities); inline content without any of them is a single text run.
_INLINE_MARKUP = re.compile(r"[\n\\`*_\[\]!<&]")


# --------------------------------------------------------------------------- public API


def load_document(path: str | Path) -> Document:
    """Read a text or Markdown file; raises `DocumentError` with a one-sentence reason."""
    source = os.fspath(path)
    data = _read_bytes(source)
    reason = _binary_reason(data)
    if reason:
        raise DocumentError(source, reason)
    text, encoding, note = decode_bytes(data)
    markdown = Path(source).suffix.lower() in MARKDOWN_SUFFIXES
    return _build_document(normalise_text(text), source, encoding, note, markdown)


def document_from_text(text: str, source: str = "clipboard", markdown: bool = False) -> Document:
    """Make a Document from pasted text (newlines normalised, a leading BOM removed)."""
    return _build_document(normalise_text(text), source, "utf-8", None, markdown)


def decode_bytes(data: bytes) -> tuple[str, str, str | None]:
    """Decode file bytes; returns (text, encoding used, note for the user or None).

    A BOM decides UTF-8/16/32; otherwise UTF-8, then Windows-1252, then Latin-1 (which never fails).
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data[len(bom):], codec)
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    try:
        note = (
            "The file was not valid UTF-8 and was read as Windows-1252 (cp1252); "
            "check accented letters."
        )
        return data.decode("cp1252"), "cp1252", note
    except UnicodeDecodeError:
        note = (
            "The file was not valid UTF-8 or Windows-1252 and was read as Latin-1 (ISO-8859-1); "
            "check accented letters."
        )
        return data.decode("latin-1"), "latin-1", note


def normalise_text(text: str) -> str:
    """Turn \\r\\n and \\r into \\n and drop a leading BOM; every other character is kept."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def plain_text_blocks(text: str) -> tuple[Block, ...]:
    """Paragraph blocks of plain text: runs of non-blank lines, without the blank lines around them."""
    blocks: list[Block] = []
    start: int | None = None  # start of the current paragraph
    end = 0  # end of its last non-blank line
    pos = 0
    for line in text.split("\n"):
        line_end = pos + len(line)
        if line.strip():
            if start is None:
                start = pos
            end = line_end
        elif start is not None:
            blocks.append(Block("paragraph", start, end))
            start = None
        pos = line_end + 1
    if start is not None:
        blocks.append(Block("paragraph", start, end))
    return tuple(blocks)


# --------------------------------------------------------------------------- reading files


def _read_bytes(source: str) -> bytes:
    """Check the path is a readable regular file within MAX_BYTES and return its bytes."""
    try:
        info = os.stat(source)
        if stat.S_ISDIR(info.st_mode):
            raise DocumentError(source, "This is a folder, not a file.")
        if not stat.S_ISREG(info.st_mode):
            raise DocumentError(source, "This is not a regular file, so it cannot be opened as text.")
        _check_size(source, info.st_size)
        with open(source, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # the file may have grown since stat()
    except DocumentError:
        raise
    except (FileNotFoundError, NotADirectoryError):
        raise DocumentError(source, "The file does not exist (it may have been moved or deleted).") from None
    except IsADirectoryError:
        raise DocumentError(source, "This is a folder, not a file.") from None
    except PermissionError:
        raise DocumentError(source, "You do not have permission to read this file.") from None
    except OSError as exc:
        raise DocumentError(source, f"The file could not be read ({exc.strerror or exc}).") from None
    except ValueError:  # e.g. a NUL character or unencodable characters in the path
        raise DocumentError(source, "The file name is not valid.") from None
    _check_size(source, len(data))
    return data


def _check_size(source: str, size: int) -> None:
    """Refuse files larger than MAX_BYTES."""
    if size > MAX_BYTES:
        raise DocumentError(
            source,
            f"The file is {_human_size(size)}, more than the {_human_size(MAX_BYTES)} FrameReader can open.",
        )


def _human_size(size: int) -> str:
    """A byte count for messages, e.g. '512 bytes', '12 KB', '20 MB', '20.5 MB'."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size // 1024} KB"
    return f"{size / (1024 * 1024):.1f}".removesuffix(".0") + " MB"


def _binary_reason(data: bytes) -> str | None:
    """A sentence saying why `data` looks binary, or None if it looks like text."""
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            return f"This looks like {what}, not a text file; copy its text and paste it instead."
    sample = _sniff_sample(data)
    if not sample:
        return None
    if "\x00" in sample:
        return "This looks like a binary file (it contains NUL bytes), not a text file."
    controls = sum(1 for ch in sample if (ch < " " or ch == "\x7f") and ch not in _ALLOWED_CONTROLS)
    if controls / len(sample) > CONTROL_SHARE_LIMIT:
        return "This looks like a binary file (it is full of control characters), not a text file."
    return None


def _sniff_sample(data: bytes) -> str:
    """The start of the file as characters: decoded for UTF-16/32 BOM files, byte-per-char otherwise."""
    chunk = data[: SNIFF_BYTES]
    for bom, codec in _BOMS:
        if chunk.startswith(bom) and codec != "utf-8-sig":
            return chunk[len(bom):].decode(codec, errors="replace")
    return chunk.decode("latin-1")


def _decode_with_bom(body: bytes, codec: str) -> tuple[str, str, str | None]:
    """Decode the bytes after a BOM, replacing (and reporting) invalid sequences."""
    plain_codec = codec.removesuffix("-sig")
    try:
        return body.decode(plain_codec), codec, None
    except UnicodeDecodeError:
        note = (
            f"The file is marked as {plain_codec.upper()} but contains invalid bytes; "
            "they are shown as \ufffd."
        )
        return body.decode(plain_codec, errors="replace"), codec, note


# --------------------------------------------------------------------------- building documents


def _build_document(text: str, source: str, encoding: str, note: str | None, markdown: bool) -> Document:
    """Parse `text` as Markdown or plain text; Markdown that cannot be rendered falls back to text."""
    if markdown:
        try:
            plain, blocks, emphasis, md_note = _render_markdown(text)
        except _TooDeep:
            note = _join_notes(note, "The Markdown is nested too deeply to lay out, so it is shown as plain text.")
        except (RecursionError, MemoryError, ValueError, IndexError, KeyError, TypeError, AttributeError):
            log.warning("Markdown rendering failed for %s; showing plain text", source, exc_info=True)
            note = _join_notes(note, "The Markdown could not be laid out, so it is shown as plain text.")
        else:
            note = _join_notes(note, md_note) if md_note else note
            return Document(plain, blocks, emphasis, source, encoding, note, "markdown")
    return Document(text, plain_text_blocks(text), (), source, encoding, note, "text")


def _render_markdown(
    source_text: str,
) -> tuple[str, tuple[Block, ...], tuple[Emphasis, ...], str | None]:
    """Render Markdown to (plain text, blocks, emphasis, note); raises `_TooDeep` at the nesting limit."""
    md = _markdown_parser()
    env: dict[str, object] = {}
    tokens = md.parse(source_text, env)  # block structure only: the core "inline" rule is off
    if any(tok.level >= MARKDOWN_MAX_NESTING - 1 for tok in tokens):
        raise _TooDeep()
    note = None
    for tok in tokens:
        if tok.type != "inline":
            continue
        if len(tok.content) > MAX_INLINE_CHARS:
            tok.children = [Token("text", "", 0, content=tok.content.replace("\n", " "))]
            note = "A very long paragraph is shown without its Markdown formatting."
        elif not _INLINE_MARKUP.search(tok.content):  # fast path: nothing an inline rule would see
            tok.children = [Token("text", "", 0, content=tok.content)]
        else:
            tok.children = []
            md.inline.parse(tok.content, md, env, tok.children)
    renderer = _MarkdownRenderer()
    renderer.walk(tokens)
    return (*renderer.result(), note)


def _join_notes(first: str | None, second: str) -> str:
    """Combine two user notes."""
    return f"{first} {second}" if first else second


class _TooDeep(Exception):
    """The Markdown reached markdown-it's nesting limit, so some of it would be lost."""


def _markdown_parser() -> MarkdownIt:
    """CommonMark with tables and raw HTML off; inline parsing is left to `_render_markdown`.

    Every link is accepted because only its text is used.
    """
    md = MarkdownIt("commonmark", {"html": False, "maxNesting": MARKDOWN_MAX_NESTING})
    md.enable("table").disable("inline")
    # Without this, markdown-it leaves `[text](javascript:…)` as literal Markdown; we never use
    # URLs (they are not even stored), so accepting every link just lets us show the link text.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


# --------------------------------------------------------------------------- Markdown rendering


Spans = list[tuple[EmphasisKind, int, int]]  # emphasis ranges relative to a piece of text


@dataclass
class _Container:
    """An open list, list item or block quote while walking block tokens."""

    kind: Literal["bullet_list", "ordered_list", "list_item", "blockquote"]
    number: int = 1  # ordered lists: the next item's number
    prefix: str = ""  # list items: the marker not yet written before their first block


class _MarkdownRenderer:
    """Walks a flat markdown-it token stream (no recursion) and accumulates text and ranges."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.blocks: list[Block] = []
        self.emphasis: list[Emphasis] = []
        self.containers: list[_Container] = []
        self.heading_level = 0  # inside a heading when > 0
        self.row: list[tuple[str, Spans]] | None = None  # cells of the table row being read

    def walk(self, tokens: Sequence[Token]) -> None:
        """Process every block-level token in order."""
        for tok in tokens:
            self._token(tok)

    def result(self) -> tuple[str, tuple[Block, ...], tuple[Emphasis, ...]]:
        """The rendered text, its blocks and emphasis ranges."""
        return "".join(self.parts), tuple(self.blocks), tuple(self.emphasis)

    def _token(self, tok: Token) -> None:
        """Dispatch one block-level token."""
        kind = tok.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = tok.attrGet("start")
            number = int(start) if isinstance(start, (int, str)) and str(start).isdigit() else 1
            self.containers.append(_Container(kind[: -len("_open")], number))  # type: ignore[arg-type]
        elif kind == "list_item_open":
            self.containers.append(_Container("list_item", prefix=self._next_marker()))
        elif kind == "blockquote_open":
            self.containers.append(_Container("blockquote"))
        elif kind in ("bullet_list_close", "ordered_list_close", "list_item_close", "blockquote_close"):
            if self.containers:
                self.containers.pop()
        elif kind == "heading_open":
            self.heading_level = _heading_level(tok.tag)
        elif kind == "heading_close":
            self.heading_level = 0
        elif kind == "tr_open":
            self.row = []
        elif kind == "tr_close":
            self._end_row()
        elif kind == "inline":
            self._inline(tok)
        elif kind in ("fence", "code_block"):
            self._add_block("code", 0, tok.content.rstrip("\n"), [])
        # hr, html_block, paragraph/table/section open-close tokens: nothing to emit

    def _next_marker(self) -> str:
        """The marker for a new list item: '• ' or the ordered list's next number."""
        parent = self.containers[-1] if self.containers else None
        if parent is not None and parent.kind == "ordered_list":
            marker = f"{parent.number}. "
            parent.number += 1
            return marker
        return "• "

    def _inline(self, tok: Token) -> None:
        """Render an inline token into the current heading, table cell or paragraph."""
        text, spans = _render_inline(tok.children or [])
        if self.row is not None:
            self.row.append((text, spans))
        elif self.heading_level:
            self._add_block("heading", self.heading_level, text, spans)
        else:
            kind, level = self._container_kind()
            self._add_block(kind, level, text, spans)

    def _end_row(self) -> None:
        """Emit a table row as one block with its cells joined by tabs."""
        cells, self.row = self.row or [], None
        text_parts: list[str] = []
        spans: Spans = []
        offset = 0
        for index, (cell, cell_spans) in enumerate(cells):
            if index:
                text_parts.append("\t")
                offset += 1
            text_parts.append(cell)
            spans.extend((k, s + offset, e + offset) for k, s, e in cell_spans)
            offset += len(cell)
        kind, level = self._container_kind()
        self._add_block(kind, level, "".join(text_parts), spans)

    def _container_kind(self) -> tuple[BlockKind, int]:
        """Kind and level for body text: the innermost list item or quote, else a paragraph."""
        for container in reversed(self.containers):
            if container.kind in ("list_item", "blockquote"):
                depth = sum(1 for c in self.containers if c.kind == container.kind)
                return ("list_item" if container.kind == "list_item" else "quote"), depth
        return "paragraph", 0

    def _take_prefix(self) -> str:
        """Collect (and clear) list markers still waiting for their item's first block."""
        markers = [c.prefix for c in self.containers if c.kind == "list_item" and c.prefix]
        for container in self.containers:
            container.prefix = ""
        return "".join(markers)

    def _add_block(self, kind: BlockKind, level: int, text: str, spans: Spans) -> None:
        """Append a non-empty block (with any pending list marker), separated by one newline."""
        if not text.strip():
            return
        prefix = self._take_prefix()
        if self.parts:
            self._append("\n")
        start = self.length
        self._append(prefix + text)
        shift = start + len(prefix)
        self.blocks.append(Block(kind, start, self.length, level))
        self.emphasis.extend(Emphasis(k, s + shift, e + shift) for k, s, e in spans if e > s)

    def _append(self, text: str) -> None:
        """Add text to the output."""
        self.parts.append(text)
        self.length += len(text)


def _heading_level(tag: str) -> int:
    """1-6 from 'h1'…'h6' (1 if the tag is unexpected)."""
    digits = tag[1:]
    return int(digits) if digits.isdigit() and 1 <= int(digits) <= 6 else 1


_INLINE_OPEN: dict[str, EmphasisKind] = {"em_open": "em", "strong_open": "strong", "link_open": "link"}
_INLINE_CLOSE = frozenset({"em_close", "strong_close", "link_close"})


def _render_inline(children: Sequence[Token]) -> tuple[str, Spans]:
    """Plain text of an inline token's children plus em/strong/code/link ranges within it."""
    parts: list[str] = []
    length = 0
    spans: Spans = []
    open_stack: list[tuple[EmphasisKind | None, int]] = []
    for tok in children:
        kind = tok.type
        piece = ""
        if kind in _INLINE_OPEN:
            emphasis: EmphasisKind | None = _INLINE_OPEN[kind]
            if kind == "link_open" and _unsafe_link(tok):
                emphasis = None  # e.g. javascript: links become just their text
            open_stack.append((emphasis, length))
        elif kind in _INLINE_CLOSE:
            if open_stack:
                emphasis, start = open_stack.pop()
                if emphasis is not None and length > start:
                    spans.append((emphasis, start, length))
        elif kind == "code_inline":
            piece = tok.content
            if piece:
                spans.append(("code", length, length + len(piece)))
        elif kind == "softbreak":
            piece = " "
        elif kind == "hardbreak":
            piece = "\n"
        elif kind == "image":
            piece = _alt_text(tok)
        elif kind in ("text", "text_special"):  # text_special: escapes and entities, decoded
            piece = tok.content
        elif kind in ("html_inline", "html_block"):
            piece = ""  # never interpreted (and not produced while html is disabled)
        elif tok.nesting == 0:
            piece = tok.content  # text and anything else textual
        if piece:
            parts.append(piece)
            length += len(piece)
    return "".join(parts), spans


def _unsafe_link(tok: Token) -> bool:
    """True for script-like link targets, which we show as plain text."""
    href = str(tok.attrGet("href") or "").strip().lower()
    return href.startswith(_UNSAFE_SCHEMES)


def _alt_text(image: Token) -> str:
    """An image's alt text as plain text (iterative, so nested images cannot recurse)."""
    parts: list[str] = []
    pending: list[Token] = list(reversed(image.children or []))
    while pending:
        tok = pending.pop()
        if tok.type == "image":
            pending.extend(reversed(tok.children or []))
        elif tok.type in ("text", "code_inline"):
            parts.append(tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)
