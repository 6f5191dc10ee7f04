"""Assembling extracted text into a `Document`: blocks joined by one newline, emphasis ranges.

Every structured format (web pages, PDF, Word, OpenDocument, RTF) produces text through
`TextBuilder`, so they all follow the Markdown convention: blocks are separated by a single
``"\\n"``, a list item starts with ``"• "`` or its number, emphasis ranges are code-point offsets.
"""

from __future__ import annotations

import re

from ..model import (
    Block,
    BlockKind,
    Document,
    DocumentFormat,
    DocumentMeta,
    Emphasis,
    EmphasisKind,
)
from .limits import MAX_BYTES, check_text_size

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_inline(text: str) -> str:
    """Collapse runs of spaces/tabs (and odd Unicode spaces) to one space; drop zero-width marks,
    soft hyphens and control characters."""
    text = _ZERO_WIDTH.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _SPACES.sub(" ", text)


class TextBuilder:
    """Accumulates blocks of text with their kinds, levels and emphasis ranges."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.parts: list[str] = []
        self.length = 0
        self.blocks: list[Block] = []
        self.emphasis: list[Emphasis] = []
        self._pending: list[tuple[str, EmphasisKind | None]] = []

    # -- inline runs of the block being built

    def add_run(self, text: str, emphasis: EmphasisKind | None = None) -> None:
        """Add a run of inline text (with an optional emphasis) to the current block."""
        if text:
            self._pending.append((text, emphasis))

    def end_block(self, kind: BlockKind = "paragraph", level: int = 0, prefix: str = "") -> None:
        """Close the current block: whitespace collapsed and trimmed, empty blocks dropped."""
        runs, self._pending = self._pending, []
        out: list[str] = []
        length = 0
        last = ""  # the last character written
        spans: list[tuple[EmphasisKind, int, int]] = []
        for raw, emphasis in runs:
            text = clean_inline(raw).replace(" \n", "\n").replace("\n ", "\n")
            if last in ("", " ", "\n"):
                text = text.lstrip(" \n" if last == "" else " ")
            if not text:
                continue
            if emphasis is not None:
                core = text.strip(" \n")
                if core:
                    lead = len(text) - len(text.lstrip(" \n"))
                    spans.append((emphasis, length + lead, length + lead + len(core)))
            out.append(text)
            length += len(text)
            last = text[-1]
        body = "".join(out).rstrip(" \n")
        if not body:
            return
        shift = len(prefix)
        kept = [(k, s + shift, min(e, len(body)) + shift) for k, s, e in spans if min(e, len(body)) > s]
        self.add_block(prefix + body, kind, level, kept)

    # -- whole blocks

    def add_block(
        self, text: str, kind: BlockKind = "paragraph", level: int = 0,
        spans: list[tuple[EmphasisKind, int, int]] | None = None,
    ) -> None:
        """Append a finished block of text (no surrounding whitespace expected)."""
        if not text.strip():
            return
        if self.parts:
            self.parts.append("\n")
            self.length += 1
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        self.blocks.append(Block(kind, start, self.length, level))
        self.emphasis.extend(Emphasis(k, s + start, e + start) for k, s, e in spans or () if e > s)
        if self.length > MAX_BYTES:  # more characters than the limit's bytes: stop extracting now
            check_text_size(self.source, "".join(self.parts))

    def first_heading(self) -> str | None:
        """The text of the first heading block, if any."""
        text = "".join(self.parts)
        for block in self.blocks:
            if block.kind == "heading":
                return text[block.start : block.end].strip()[:300] or None
        return None

    def document(
        self, fmt: DocumentFormat, meta: DocumentMeta, *, encoding: str = "utf-8", note: str | None = None,
    ) -> Document:
        """The finished Document (the title falls back to the first heading)."""
        text = "".join(self.parts)
        check_text_size(self.source, text)
        if not meta.title:
            heading = self.first_heading()
            if heading:
                meta = _replace_title(meta, heading)
        return Document(text, tuple(self.blocks), tuple(self.emphasis), self.source, encoding, note, fmt, meta)


def _replace_title(meta: DocumentMeta, title: str) -> DocumentMeta:
    """`meta` with another title."""
    from dataclasses import replace

    return replace(meta, title=title)


def clean_meta_value(value: object, limit: int = 300) -> str | None:
    """A metadata string trimmed and collapsed, or None when empty or not a string."""
    if not isinstance(value, str):
        return None
    value = " ".join(_ZERO_WIDTH.sub("", value).split())
    return value[:limit] or None
