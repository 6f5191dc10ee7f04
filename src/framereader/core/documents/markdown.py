"""Markdown rendered to plain text by walking the markdown-it token stream (raw HTML disabled, so
it shows as literal text and is never interpreted; nothing is ever fetched):

* blocks are joined by a single ``"\\n"``; a paragraph is one block, soft line breaks inside it
  become a space and hard breaks a ``"\\n"``;
* list items start with ``"• "`` (bullets) or ``"3. "`` (ordered lists, numbered from the list's
  start); the prefix is part of the item's first block, nested items are not indented in the
  text (use `Block.level`);
* table rows are one ``"paragraph"``-like block each, cells joined by a tab;
* images contribute their alt text only, links only their text.

Text nested deeper than `MARKDOWN_MAX_NESTING` (quotes or list markers at the start of a line,
or lines indented that far), or whose estimated container work (`nesting_work`) is above
`MAX_NESTING_WORK`, is shown as plain text without being parsed: markdown-it would drop
the content, and takes minutes over megabytes of it (4.5 MB of quotes 49 deep: 26 s).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ..model import Block, BlockKind, Document, DocumentMeta, Emphasis, EmphasisKind
from .text import plain_text_blocks

if TYPE_CHECKING:  # markdown-it is imported when the first Markdown text is read
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

log = logging.getLogger(__name__)

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown"})
MARKDOWN_MAX_NESTING = 100  # markdown-it drops content nested deeper; we then fall back to text
MAX_INLINE_CHARS = 100_000  # longer paragraphs are shown without inline Markdown (it gets slow)
TOO_DEEP_NOTE = "The Markdown is nested too deeply to lay out, so it is shown as plain text."

_UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:", "file:")
# Characters that start a CommonMark inline rule (breaks, escapes, code, emphasis, links, images,
# autolinks, entities); inline content without any of them is a single text run.
_INLINE_MARKUP = re.compile(r"[\n\\`*_\[\]!<&]")
# The container markers opening a line (quotes, bullets, ordered markers), and one marker.
_LINE_PREFIX = re.compile(r"[ \t]*(?:(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]*)*")
_MARKER = re.compile(r">|[-*+]|\d{1,9}[.)]")
MAX_NESTING_WORK = 1_000_000  # container depth summed over lines nested 2+ deep (see nesting_work)
DEEP_LINE_MARKERS = MARKDOWN_MAX_NESTING // 2  # a line opening this many containers is too deep
DEEP_INDENT = MARKDOWN_MAX_NESTING  # a list or quote marker indented this far is too deep


def markdown_document(text: str, source: str, encoding: str, note: str | None, meta: DocumentMeta) -> Document:
    """Parse `text` as Markdown; Markdown that cannot be rendered falls back to plain text."""
    try:
        if too_deep(text):
            raise _TooDeep()
        plain, blocks, emphasis, md_note = _render_markdown(text)
    except _TooDeep:
        note = join_notes(note, TOO_DEEP_NOTE)
    except (RecursionError, MemoryError, ValueError, IndexError, KeyError, TypeError, AttributeError):
        log.warning("Markdown rendering failed for %s; showing plain text", source, exc_info=True)
        note = join_notes(note, "The Markdown could not be laid out, so it is shown as plain text.")
    else:
        note = join_notes(note, md_note) if md_note else note
        if not meta.title:
            meta = _with_heading_title(meta, plain, blocks)
        return Document(plain, blocks, emphasis, source, encoding, note, "markdown", meta)
    return Document(text, plain_text_blocks(text), (), source, encoding, note, "text", meta)


def too_deep(text: str) -> bool:
    """True when some line nests containers beyond what we lay out, or deep nesting is so common
    that laying it out would take minutes (checked in linear time)."""
    return nesting_work(text) > MAX_NESTING_WORK


def nesting_work(text: str) -> int:
    """An estimate of markdown-it's container work: each line's container depth (its markers plus
    half its indentation; lazy continuation lines keep the depth of the line above until a blank
    line), summed over lines at depth 2 or more. Stops counting past the budget, and returns more
    than it at once for a line opening `DEEP_LINE_MARKERS` containers or a marker indented
    `DEEP_INDENT` columns. A Python loop over lines, so a worker thread never holds the GIL for
    long (one regex over 20 MB would hold it for 100 ms)."""
    work = 0
    depth = 0
    for line in text.split("\n"):
        if not line.strip():
            depth = 0
            continue
        prefix = _LINE_PREFIX.match(line)
        marked = prefix.group() if prefix else ""
        if marked.strip():
            indent = len(marked) - len(marked.lstrip(" \t"))
            markers = len(_MARKER.findall(marked))
            if markers >= DEEP_LINE_MARKERS or indent >= DEEP_INDENT:
                return MAX_NESTING_WORK + 1
            depth = markers + indent // 2
        if depth >= 2:
            work += depth
            if work > MAX_NESTING_WORK:
                return work
    return work


def join_notes(first: str | None, second: str) -> str:
    """Combine two user notes."""
    return f"{first} {second}" if first else second


def _with_heading_title(meta: DocumentMeta, text: str, blocks: Sequence[Block]) -> DocumentMeta:
    """`meta` titled by the first heading, if there is one."""
    from dataclasses import replace

    for block in blocks:
        if block.kind == "heading":
            title = " ".join(text[block.start : block.end].split())[:300]
            return replace(meta, title=title) if title else meta
    return meta


def _render_markdown(
    source_text: str,
) -> tuple[str, tuple[Block, ...], tuple[Emphasis, ...], str | None]:
    """Render Markdown to (plain text, blocks, emphasis, note); raises `_TooDeep` at the nesting limit.

    A long text is parsed in pieces (`_pieces`), each rendered and its tokens dropped before the
    next, so memory follows the largest piece rather than the whole text (markdown-it keeps
    eleven objects per table row: a 1.5 MB table held 114 MB of tokens)."""
    md = _markdown_parser()
    env: dict[str, object] = {}
    renderer = _MarkdownRenderer()
    note = None
    # block structure only: the core "inline" rule is off; "normalize" too, as our text has only
    # "\n" newlines already and NUL is replaced here (one character for one: offsets unchanged)
    for piece in _pieces(source_text.replace("\0", "\ufffd")):
        if isinstance(piece, _TableRows):
            note = _table_rows(md, env, renderer, piece) or note
            continue
        tokens = md.parse(piece, env)
        if any(tok.level >= MARKDOWN_MAX_NESTING - 1 for tok in tokens):
            raise _TooDeep()
        note = _parse_inline(md, env, tokens) or note
        renderer.walk(tokens)
        del tokens
    return (*renderer.result(), note)


def _parse_inline(md: "MarkdownIt", env: dict[str, object], tokens: Sequence[Token]) -> str | None:
    """Fill each inline token's children; a note when a paragraph was too long to format."""
    from markdown_it.token import Token

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
    return note


def _table_rows(md: "MarkdownIt", env: dict[str, object], renderer: "_MarkdownRenderer", rows: _TableRows) -> str | None:
    """Render the rows of a long table without markdown-it's eleven objects per row: each cell
    as an inline token, exactly as its table rule would have made it."""
    from markdown_it.token import Token

    note = None
    for line in rows.lines:
        if not _INLINE_MARKUP.search(line) and len(line) <= MAX_INLINE_CHARS:  # plain cells: their text as it is
            kind, level = renderer._container_kind()
            renderer._add_block(kind, level, "\t".join(_row_cells(line, rows.columns)), [])
            continue
        cells = [Token("inline", "", 0, content=cell) for cell in _row_cells(line, rows.columns)]
        note = _parse_inline(md, env, cells) or note
        renderer.row = []
        for cell in cells:
            renderer._inline(cell)
        renderer._end_row()
    return note


#: A long Markdown text is parsed in pieces of about this many characters.
PIECE_CHARS = 64 * 1024
#: A long table is parsed this many rows at a time.
TABLE_PIECE_ROWS = 400
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:", re.MULTILINE)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CONTINUES = re.compile(r"^(?:[ \t]|[-+*>|](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))")
_DELIMITER_ROW = re.compile(r"^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")


@dataclass(frozen=True)
class _TableRows:
    """Body rows of a long table, past its first `TABLE_PIECE_ROWS`: each a line starting with
    '|' (every such line continues a table in markdown-it), `columns` cells each."""

    columns: int
    lines: list[str]


_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_MD_TRIM = " \t\n\r\f\v"


def _row_cells(line: str, columns: int) -> list[str]:
    """The cells of a table row as markdown-it's table rule reads them (`escapedSplit`: an
    escaped pipe is part of the cell, its backslash dropped; outer pipes removed; missing cells
    empty, extra ones dropped)."""
    cells = [part.replace("\\|", "|") for part in _UNESCAPED_PIPE.split(line.strip(_MD_TRIM))]
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return [cells[i].strip(_MD_TRIM) if i < len(cells) else "" for i in range(columns)]


def _pieces(text: str) -> Iterator["str | _TableRows"]:
    """`text` cut where cutting changes nothing CommonMark sees: before a line at the margin that
    no list, quote, table or code block can continue onto, after a blank line, outside fenced
    code; and a long table every `TABLE_PIECE_ROWS` rows, each later piece starting with an empty
    header row (not shown: an empty block is skipped) and the table's delimiter row. Texts with
    link reference definitions (used anywhere in the text) stay whole."""
    if len(text) <= PIECE_CHARS or _REFERENCE_DEFINITION.search(text):
        yield text
        return
    lines = text.split("\n")
    piece: list[str] = []
    size = 0
    fence = ""
    index = 0
    while index < len(lines):
        line = lines[index]
        found = _FENCE.match(line)
        if found and (not fence or (found.group(1)[0] == fence[0] and len(found.group(1)) >= len(fence))):
            fence = "" if fence else found.group(1)
        elif (not fence and size >= PIECE_CHARS and line and piece and not piece[-1].strip()
              and not _CONTINUES.match(line)):
            yield "\n".join(piece)
            piece, size = [], 0
        if (not fence and line.startswith("|") and index + 1 < len(lines)
                and _DELIMITER_ROW.match(lines[index + 1]) and "-" in lines[index + 1]):
            delimiter = lines[index + 1]
            empty_header = "|" + " |" * len(delimiter.strip().strip("|").split("|"))
            piece += [line, delimiter]
            index += 2
            rows = 0
            while index < len(lines) and lines[index].startswith("|") and rows < TABLE_PIECE_ROWS:
                piece.append(lines[index])
                size += len(lines[index]) + 1
                rows += 1
                index += 1
            end = index
            while end < len(lines) and lines[end].startswith("|"):
                end += 1
            if end > index:  # the rest of a long table: read row by row, as markdown-it would
                yield "\n".join(piece)
                yield _TableRows(len(delimiter.strip().strip("|").split("|")), lines[index:end])
                piece, size, index = [empty_header, delimiter], 0, end
            continue
        piece.append(line)
        size += len(line) + 1
        index += 1
    if piece:
        yield "\n".join(piece)


class _TooDeep(Exception):
    """The Markdown reached markdown-it's nesting limit, so some of it would be lost."""


def _markdown_parser() -> MarkdownIt:
    """CommonMark with tables and raw HTML off; inline parsing is left to `_render_markdown`.

    Every link is accepted because only its text is used.
    """
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "maxNesting": MARKDOWN_MAX_NESTING})
    md.enable("table").disable(["inline", "normalize"])
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
