"""Saved web pages and clipboard HTML: the article's main text via trafilatura, offline.

trafilatura is only ever given the page's markup (never a URL): nothing is fetched, no remote
resource is loaded. It drops navigation, cookie banners, sidebars, reader comments, footers,
scripts and styles; we turn its XML (head/p/list/item/quote/table/code/hi) into blocks:
headings, paragraphs, list items (``"• "``/``"3. "`` prefixes), quotes, table rows (cells joined
by tabs) and code, with bold/italic/code emphasis. Links contribute their text only.
Metadata: title (the headline), author, date (ISO), site name. Pages with more block elements
than trafilatura handles quickly are read by `web_large` instead (linear time, no emphasis).
"""

from __future__ import annotations

import logging
import re
from typing import Any

from ..errors import DocumentError
from ..model import BlockKind, Document, DocumentFormat, DocumentMeta, EmphasisKind
from .builder import TextBuilder, clean_meta_value
from .limits import MAX_CONTAINER_BYTES
from .text import decode_bytes, normalise_text, plain_text_blocks
from .web_large import MAX_TRAFILATURA_BLOCKS, block_count, large_page

log = logging.getLogger(__name__)

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
MAX_MARKUP_CHARS = 30 * 1024 * 1024  # markup left after dropping inline images (≈ 20 s to read)
MAX_DEPTH = 200  # deeper markup in the extracted tree is read as plain text runs
_BLOCK_TAGS = frozenset({"head", "p", "list", "item", "quote", "table", "row", "cell", "code", "div", "main", "body"})
_EMPHASIS: dict[str, EmphasisKind] = {"#b": "strong", "#i": "em", "#t": "code", "#u": "em"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_DATA_URI = re.compile(r"""(["'(])data:[^"')]{2048,}""")
_config: Any = None


def looks_like_html(head: bytes) -> bool:
    """True when the start of a file is HTML markup (doctype, <html>, <head> or <body>)."""
    sample = head[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if sample.startswith((b"<!doctype html", b"<html")):
        return True
    if sample.startswith(b"<?xml") or sample.startswith(b"<!--") or sample.startswith(b"<!doctype"):
        return b"<html" in sample
    return sample.startswith(b"<") and any(tag in sample for tag in (b"<head", b"<body", b"<html"))


def decode_html(data: bytes) -> tuple[str, str, str | None]:
    """Decode HTML bytes by BOM, then the declared <meta charset>, then UTF-8 / Windows-1252."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_bytes(data)
    match = _META_CHARSET.search(data[:8192])
    if match:
        charset = match.group(1).decode("ascii", "replace").lower()
        try:
            return data.decode(charset), charset, None
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data)


def html_document(
    markup: str, source: str, *, fmt: DocumentFormat = "html", encoding: str = "utf-8", note: str | None = None,
) -> Document:
    """A Document of a web page's main text; DocumentError when it holds no readable text."""
    builder, meta = extract_main_text(markup, source)
    if not builder.blocks:
        raise DocumentError(source, "This web page has no article text that FrameReader could find.")
    return builder.document(fmt, meta, encoding=encoding, note=note)


def document_from_html(html: str, plain_text: str | None = None, source: str = "clipboard") -> Document:
    """Rich paste: the main text of clipboard HTML, like a saved page; plain text otherwise.

    When the HTML yields no text (or much less than the clipboard's plain text, as happens with a
    short selection that an article extractor judges to be boilerplate), the plain text is used.
    """
    plain = normalise_text(plain_text or "")
    try:
        builder, meta = extract_main_text(html, source, fragment=True)
    except DocumentError:
        builder, meta = TextBuilder(source), DocumentMeta()
    extracted = "".join(builder.parts)
    if builder.blocks and len(extracted) >= 0.5 * len(plain.strip()):
        return builder.document("html", meta)
    return Document(plain, plain_text_blocks(plain), (), source, "utf-8", None, "text")


def extract_main_text(markup: str, source: str, *, fragment: bool = False) -> tuple[TextBuilder, DocumentMeta]:
    """Run trafilatura on markup (never fetching anything) and build blocks and metadata."""
    from ..platform.offline import import_without_sockets

    import_without_sockets()  # before trafilatura imports urllib3 (see core/offline.py)
    import trafilatura

    markup = _XML_DECL.sub("", markup.lstrip("\ufeff"), count=1)
    markup = _DATA_URI.sub(r"\1data:,", markup)  # inline images: megabytes of base64 we never show
    if not markup.strip():
        return TextBuilder(source), DocumentMeta()
    if len(markup) > MAX_MARKUP_CHARS:
        raise DocumentError(
            source, f"This web page has {len(markup):,} characters of markup (inline images left out), "
            f"more than the {MAX_MARKUP_CHARS // (1024 * 1024)} MB FrameReader reads.")
    if fragment and "<body" not in markup[:4096].lower():
        markup = f"<html><body><article>{markup}</article></body></html>"
    if block_count(markup) > MAX_TRAFILATURA_BLOCKS:
        return large_page(markup, source)
    try:
        result = trafilatura.bare_extraction(
            markup,
            url=None,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=True,
            with_metadata=True,
            favor_recall=fragment,
            config=_trafilatura_config(),
        )
    except (RecursionError, MemoryError):
        raise DocumentError(source, "This web page is nested too deeply to read.") from None
    except Exception as exc:  # lxml/trafilatura failures on broken markup
        log.warning("trafilatura failed on %s", source, exc_info=True)
        raise DocumentError(source, f"This web page could not be read ({exc.__class__.__name__}).") from None
    builder = TextBuilder(source)
    body = getattr(result, "body", None)  # None when nothing was extracted
    if body is None:
        return builder, DocumentMeta()
    _Walker(builder).block(body, "paragraph", 0, 0)
    meta = DocumentMeta(
        title=clean_meta_value(getattr(result, "title", None)),
        author=clean_meta_value(getattr(result, "author", None)),
        date=clean_meta_value(getattr(result, "date", None), 40),
        site=clean_meta_value(getattr(result, "sitename", None)) or clean_meta_value(getattr(result, "hostname", None)),
    )
    return builder, meta


def _trafilatura_config() -> Any:
    """trafilatura's defaults, with the file size limit raised to ours."""
    global _config
    if _config is None:
        from trafilatura.settings import use_config

        config = use_config()
        config.set("DEFAULT", "MAX_FILE_SIZE", str(MAX_CONTAINER_BYTES))
        config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
        _config = config
    return _config


class _Walker:
    """Turns trafilatura's output tree into TextBuilder blocks."""

    def __init__(self, builder: TextBuilder) -> None:
        self.builder = builder
        self.prefix = ""  # list marker waiting for its item's first block

    def block(self, el: Any, kind: BlockKind, level: int, depth: int) -> None:
        """Emit one block-level element (and whatever blocks it contains)."""
        tag = el.tag if isinstance(el.tag, str) else ""
        if depth > MAX_DEPTH:
            self.builder.add_run(" ".join(el.itertext()))
            self.flush(kind, level)
            return
        if tag == "head":
            self.inline_children(el, None, "heading", _heading_level(el.get("rend")), depth)
            self.flush("heading", _heading_level(el.get("rend")))
        elif tag == "list":
            ordered = (el.get("rend") or "").lower() == "ol"
            number = 1
            for child in el:
                if not isinstance(child.tag, str):
                    continue
                self.prefix = f"{number}. " if ordered else "• "
                number += 1
                item_level = level + 1 if kind == "list_item" else 1
                self.block(child, "list_item", item_level, depth + 1)
                self.prefix = ""
        elif tag == "quote":
            self.inline_children(el, None, "quote", level + 1 if kind == "quote" else 1, depth)
            self.flush("quote", level + 1 if kind == "quote" else 1)
        elif tag == "table":
            for row in el.iter("row"):
                cells = [" ".join(" ".join(cell.itertext()).split()) for cell in row if cell.tag == "cell"]
                row_kind: BlockKind = "paragraph" if kind == "heading" else kind
                self.builder.add_block("\t".join(c for c in cells if c), row_kind, level if row_kind != "paragraph" else 0)
        elif tag == "code":
            text = "".join(el.itertext()).strip("\n")
            self.builder.add_block(text, "code", 0)
        elif tag == "graphic":
            return
        else:  # p, item, body, div and anything unexpected
            self.inline_children(el, None, kind, level, depth)
            self.flush(kind, level)

    def inline_children(self, el: Any, emphasis: EmphasisKind | None, kind: BlockKind, level: int, depth: int) -> None:
        """Add an element's text and inline children; nested blocks close the current block."""
        if el.text:
            self.builder.add_run(el.text, emphasis)
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in _BLOCK_TAGS or tag == "graphic":
                self.flush(kind, level)
                if tag != "graphic":
                    self.block(child, kind if tag in ("p", "div") else "paragraph" if kind == "heading" else kind, level, depth + 1)
            elif tag == "lb":
                self.builder.add_run("\n")
            elif tag and depth <= MAX_DEPTH:
                child_emphasis = _EMPHASIS.get(child.get("rend") or "", None) if tag == "hi" else None
                self.inline_children(child, child_emphasis or emphasis, kind, level, depth + 1)
            elif tag:
                self.builder.add_run(" ".join(child.itertext()), emphasis)
            if child.tail:
                self.builder.add_run(child.tail, emphasis)

    def flush(self, kind: BlockKind, level: int) -> None:
        """Close the block being collected, with any pending list marker."""
        before = len(self.builder.blocks)
        self.builder.end_block(kind, level if kind != "paragraph" else 0, self.prefix)
        if len(self.builder.blocks) > before:
            self.prefix = ""


def _heading_level(rend: str | None) -> int:
    """1-6 from 'h1'…'h6' (2 when unknown)."""
    if rend and len(rend) == 2 and rend[0].lower() == "h" and rend[1] in "123456":
        return int(rend[1])
    return 2
