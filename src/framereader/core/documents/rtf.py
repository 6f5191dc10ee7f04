"""Rich Text Format (.rtf) via striprtf: the text, one block per paragraph.

Only the text is read: emphasis, tables (cells come out separated by "|"), pictures and
embedded objects are not. Metadata: \\title, \\author and \\creatim from the \\info group.
"""

from __future__ import annotations

import re

from ..errors import DocumentError
from ..model import Document, DocumentMeta
from .builder import TextBuilder, clean_meta_value

_INFO = re.compile(r"\{\\(title|author)\s+((?:[^{}\\]|\\[^a-z]|\\[a-z]+-?\d* ?)*)\}", re.IGNORECASE)
_HEX_RUN = re.compile(r"[0-9a-fA-F\r\n]{4096,}")  # picture data: never text, slow for striprtf
_CREATED = re.compile(r"\\creatim\s*\\yr(\d{4})(?:\s*\\mo(\d{1,2}))?(?:\s*\\dy(\d{1,2}))?")


def looks_like_rtf(head: bytes) -> bool:
    """True when the file starts like RTF."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf")


def rtf_document(data: bytes, source: str) -> Document:
    """Read an RTF file's text into a Document."""
    from striprtf.striprtf import rtf_to_text

    markup = data.decode("latin-1")  # RTF is 7-bit; \\'xx escapes are decoded by striprtf
    codepage = re.search(r"\\ansicpg(\d{3,5})", markup[:4096])
    encoding = f"cp{codepage.group(1)}" if codepage else "cp1252"
    try:
        "".encode(encoding)
    except LookupError:
        encoding = "cp1252"
    if len(markup) > 2 * 1024 * 1024:
        markup = _HEX_RUN.sub("", markup)  # 100 MB of pictures took striprtf 26 s
    try:
        text = rtf_to_text(markup, encoding=encoding, errors="replace")
    except (ValueError, IndexError, KeyError, TypeError, LookupError, RecursionError, OverflowError) as exc:
        raise DocumentError(source, f"This RTF file is damaged and cannot be read ({exc.__class__.__name__}).") from None
    builder = TextBuilder(source)
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        builder.add_run(line)
        builder.end_block("paragraph", 0)
    if not builder.blocks:
        raise DocumentError(source, "This RTF file has no text to read.")
    return builder.document("rtf", _metadata(markup[:200_000], encoding), encoding=encoding)


def _metadata(markup: str, encoding: str) -> DocumentMeta:
    """Title, author and creation date from the \\info group."""
    from striprtf.striprtf import rtf_to_text

    values: dict[str, str | None] = {}
    for match in _INFO.finditer(markup):
        key = match.group(1).lower()
        if key not in values:
            try:
                values[key] = clean_meta_value(rtf_to_text("{\\rtf1 " + match.group(2) + "}", encoding=encoding, errors="replace"))
            except (ValueError, IndexError, KeyError, TypeError, LookupError):
                values[key] = None
    date = None
    created = _CREATED.search(markup)
    if created:
        year, month, day = created.groups()
        date = year + (f"-{int(month):02d}" if month else "") + (f"-{int(day):02d}" if month and day else "")
    return DocumentMeta(title=values.get("title"), author=values.get("author"), date=date)
