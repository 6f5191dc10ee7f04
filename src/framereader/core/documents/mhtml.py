"""Single-file web archives (.mhtml/.mht): unpacked with the standard library's `email` parser.

The first text/html part (the one the root `Content-Location`/`start` names, when given) is
decoded by its declared charset (or, without one, by the page's <meta charset>, then UTF-8 /
Windows-1252) and read like a saved page. Images, styles and scripts in the other parts are
never looked at, and nothing is fetched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import DocumentError
from ..model import Document
from .web import decode_html, html_document

if TYPE_CHECKING:  # the email package is imported when the first web archive is read
    from email.message import Message

MAX_PARTS = 10_000


def looks_like_mhtml(head: bytes) -> bool:
    """True when the file starts with MIME headers of a multipart/related archive."""
    sample = head[:8192].decode("latin-1").lower()
    header_end = min((i for i in (sample.find("\n\n"), sample.find("\r\n\r\n")) if i >= 0), default=len(sample))
    headers = sample[:header_end]
    return "content-type:" in headers and "multipart/related" in headers and (
        "mime-version:" in headers or "snapshot-content-location:" in headers or "from:" in headers
    )


def mhtml_document(data: bytes, source: str) -> Document:
    """The main text of the archive's HTML page."""
    import email
    import email.policy

    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
    except (ValueError, TypeError, IndexError, LookupError, RecursionError) as exc:
        raise DocumentError(source, f"This web archive is damaged ({exc.__class__.__name__}).") from None
    if message.defects and not message.is_multipart():
        raise DocumentError(source, "This web archive is damaged: its MIME structure cannot be read.")
    part = _html_part(message, source)
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        raise DocumentError(source, "This web archive's page is empty or damaged.")
    charset = part.get_content_charset()
    markup, encoding, note = _decode_part(payload, charset)
    return html_document(markup, source, fmt="mhtml", encoding=encoding, note=note)


def _html_part(message: Message, source: str) -> Message:
    """The archive's main text/html part: the root the headers point at, else the first one."""
    if not message.is_multipart():
        if message.get_content_type() == "text/html":
            return message
        raise DocumentError(source, "This web archive holds no web page.")
    wanted = str(message.get_param("start") or "").strip("<>")
    location = str(message.get("Snapshot-Content-Location") or "").strip()
    first: Message | None = None
    for index, part in enumerate(message.walk()):
        if index > MAX_PARTS:
            break
        if part.is_multipart() or part.get_content_type() not in ("text/html", "application/xhtml+xml"):
            continue
        if wanted and str(part.get("Content-ID") or "").strip("<> ") == wanted:
            return part
        if location and str(part.get("Content-Location") or "").strip() == location:
            return part
        if first is None:
            first = part
    if first is None:
        raise DocumentError(source, "This web archive holds no web page.")
    return first


def _decode_part(payload: bytes, charset: str | None) -> tuple[str, str, str | None]:
    """Decode the page by its declared charset, or detect it as for a saved page."""
    if charset:
        try:
            return payload.decode(charset), charset, None
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_html(payload)
