"""Loading texts: a file (or pasted text/HTML) → a `Document` with blocks, emphasis and metadata.

Pure Python (never imports Qt). Every offset is a Python code-point offset into `Document.text`.

The format is chosen by content, not only by the file name: PDF, Word (.docx), OpenDocument
(.odt), RTF, single-file web archives (.mhtml) and HTML are recognised by their first bytes
(or, for zip containers, by the parts inside); Markdown by its suffix (.md/.markdown/.mdown);
everything else is plain text. Each format lives in its own module (`text`, `markdown`, `web`,
`mhtml`, `pdf`, `word`, `opendocument`, `rtf`); limits and container safety in `limits`;
language detection in `language`. Every failure is a `DocumentError` naming the file with one
sentence saying what is wrong. Loading can take seconds for big PDFs: call it off the GUI thread.
"""

from __future__ import annotations

import logging
import os
from dataclasses import replace
from pathlib import Path

from ..errors import DocumentError
from ..model import Document, DocumentMeta
from . import limits
from .language import (
    LanguageCheck,
    detect_language,
    language_name,
    language_note,
    with_language,
)
from .language import preload as preload_language_model
from .limits import MAX_CONTAINER_BYTES, human_size
from .markdown import MARKDOWN_SUFFIXES, markdown_document
from .mhtml import looks_like_mhtml, mhtml_document
from .text import (
    SNIFF_BYTES,
    binary_reason,
    decode_bytes,
    normalise_text,
    plain_text_blocks,
    plain_text_with_headline,
)
from .web import HTML_SUFFIXES, decode_html, html_document, looks_like_html
from .web import document_from_html as _document_from_html

log = logging.getLogger(__name__)

MAX_BYTES = limits.MAX_BYTES
MHTML_SUFFIXES = frozenset({".mhtml", ".mht"})
CONTAINER_SUFFIXES = {".pdf": "PDF", ".docx": "Word document", ".odt": "OpenDocument text", ".rtf": "RTF file"}
#: Every suffix the open dialog offers (Markdown and plain text included).
SUPPORTED_SUFFIXES = (
    ".txt", ".text", *sorted(MARKDOWN_SUFFIXES), *sorted(HTML_SUFFIXES), *sorted(MHTML_SUFFIXES),
    ".pdf", ".docx", ".odt", ".rtf",
)
#: A Qt file-dialog filter string for every format (the first entry is the default).
OPEN_DIALOG_FILTER = ";;".join((
    "Documents (" + " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES) + " *.framereader)",
    "Text and Markdown (*.txt *.text *.md *.markdown *.mdown)",
    "Web pages (*.html *.htm *.xhtml *.shtml *.mhtml *.mht)",
    "PDF (*.pdf)",
    "Word, OpenDocument and RTF (*.docx *.odt *.rtf)",
    "All files (*)",
))

__all__ = [
    "CONTAINER_SUFFIXES", "MAX_BYTES", "MAX_CONTAINER_BYTES", "OPEN_DIALOG_FILTER", "SUPPORTED_SUFFIXES",
    "LanguageCheck", "decode_bytes", "detect_language", "document_from_clipboard", "document_from_html",
    "document_from_text", "human_size", "language_name", "language_note", "load_document",
    "normalise_text", "plain_text_blocks", "preload_language_model", "retitled", "sniff_format",
]


def load_document(path: str | Path) -> Document:
    """Read a document of any supported format; raises `DocumentError` with a one-sentence reason."""
    try:
        source = os.fspath(path)
    except TypeError:
        raise DocumentError(str(path), "The file name is not valid.") from None
    if isinstance(source, bytes):
        source = os.fsdecode(source)
    suffix = Path(source).suffix.lower()
    handle = limits.open_file(source, SNIFF_BYTES)
    try:
        kind = sniff_format(handle.head, suffix)
        limit = limits.MAX_BYTES if kind in ("text", "markdown") else MAX_CONTAINER_BYTES
        data = handle.read_all(limit)
    finally:
        handle.close()
    try:
        with limits.gc_paused():
            document = _build(kind, data, source, suffix)
    except DocumentError:
        raise
    except RecursionError:
        raise DocumentError(source, "The file is nested too deeply to read.") from None
    except MemoryError:
        raise DocumentError(source, "The file needs more memory to read than is available.") from None
    except Exception as exc:  # a library failing on a damaged file: one line, never a traceback
        log.warning("reading %s failed", source, exc_info=True)
        raise DocumentError(source, f"The file is damaged and cannot be read ({exc.__class__.__name__}).") from None
    return with_language(document)


def sniff_format(head: bytes, suffix: str = "") -> str:
    """'pdf', 'zip', 'rtf', 'mhtml', 'html', 'markdown' or 'text', from a file's first bytes."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    from .rtf import looks_like_rtf

    if looks_like_rtf(head):
        return "rtf"
    if looks_like_mhtml(head):
        return "mhtml"
    if looks_like_html(head) or (suffix in HTML_SUFFIXES and b"<" in head and not binary_reason(head)):
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"


def document_from_text(text: str, source: str = "clipboard", markdown: bool = False) -> Document:
    """Make a Document from pasted text (newlines normalised, a leading BOM removed)."""
    with limits.gc_paused():
        document = _text_document(normalise_text(text), source, "utf-8", None, markdown)
    return with_language(document)


def document_from_html(html: str, plain_text: str | None = None, source: str = "clipboard") -> Document:
    """Rich paste: clipboard HTML read like a saved page (main text, blocks, metadata).

    Falls back to `plain_text` when the HTML gives no text; never raises for bad markup.
    """
    try:
        with limits.gc_paused():
            document = _document_from_html(html, plain_text, source)
    except DocumentError:
        document = _text_document(normalise_text(plain_text or ""), source, "utf-8", None, False)
    return with_language(document)


def document_from_clipboard(html: str | None, plain_text: str | None, source: str = "clipboard") -> Document:
    """What a paste gives: HTML when the clipboard has some, plain text otherwise."""
    if html and html.strip():
        return document_from_html(html, plain_text, source)
    return document_from_text(plain_text or "", source)


# --------------------------------------------------------------------------- dispatch


def _build(kind: str, data: bytes, source: str, suffix: str) -> Document:
    """Build a Document of the sniffed kind."""
    if kind == "pdf":
        from .pdf import pdf_document

        return pdf_document(_require_pdf_end(data, source), source)
    if kind == "zip":
        return _zip_document(data, source)
    if kind == "rtf":
        from .rtf import rtf_document

        return rtf_document(data, source)
    if kind == "mhtml":
        return mhtml_document(data, source)
    if kind == "html":
        markup, encoding, note = decode_html(data)
        return html_document(markup, source, encoding=encoding, note=note)
    reason = binary_reason(data)
    if reason:
        if suffix in CONTAINER_SUFFIXES:
            reason = (f"The file is named “{suffix}” but is not a readable {CONTAINER_SUFFIXES[suffix]}; "
                      "it may be damaged or truncated.")
        raise DocumentError(source, reason)
    text, encoding, note = decode_bytes(data)
    return _text_document(normalise_text(text), source, encoding, note, kind == "markdown")


def _zip_document(data: bytes, source: str) -> Document:
    """A Word or OpenDocument file; any other zip is refused."""
    from .opendocument import looks_like_odt, odt_document
    from .word import docx_document, looks_like_docx

    archive = limits.open_zip(source, data)
    if looks_like_docx(archive):
        return docx_document(data, source)
    if looks_like_odt(archive):
        return odt_document(data, source)
    names = " ".join(archive.names()[:50]).lower()
    if "ppt/" in names or "xl/" in names:
        raise DocumentError(source, "This is a PowerPoint or Excel file; FrameReader reads Word (.docx) and OpenDocument (.odt) texts.")
    if "opendocument" in names or archive.has("mimetype"):
        raise DocumentError(source, "This OpenDocument file is not a text document (.odt); FrameReader reads texts only.")
    raise DocumentError(source, "This looks like a ZIP archive, not a document; unpack it and open the text inside.")


def _require_pdf_end(data: bytes, source: str) -> bytes:
    """Refuse a PDF whose end marker is missing (a download cut short)."""
    if b"%%EOF" not in data[-4096:]:
        raise DocumentError(source, "This PDF is truncated (its end is missing); it may not have finished downloading.")
    return data


def _text_document(text: str, source: str, encoding: str, note: str | None, markdown: bool) -> Document:
    """Plain text or Markdown (which may fall back to plain text)."""
    if markdown:
        return markdown_document(text, source, encoding, note, DocumentMeta())
    blocks, headline = plain_text_with_headline(text)  # a first line like a headline is the title
    return Document(text, blocks, (), source, encoding, note, "text", DocumentMeta(title=headline))


def retitled(document: Document, title: str | None = None, author: str | None = None,
             site: str | None = None) -> Document:
    """`document` with a user-edited title, author and/or outlet (`site`); an empty string
    clears one, None leaves it as it is."""
    def tidy(value: str | None, before: str | None) -> str | None:
        return before if value is None else " ".join(value.split())[:300] or None

    meta = document.meta
    meta = replace(meta, title=tidy(title, meta.title), author=tidy(author, meta.author), site=tidy(site, meta.site))
    return replace(document, meta=meta)
