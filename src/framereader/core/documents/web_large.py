"""Main text of very large web pages in linear time (trafilatura's time grows faster than the
page: 20,000 paragraphs take 0.7 s, 100,000 take 22 s).

Pages with more than `MAX_TRAFILATURA_BLOCKS` block elements are read here instead: lxml parses
the page (no network, no entities), furniture is dropped by element (script, style, nav, header,
footer, aside, form, …) and by class/id words (cookie, consent, comment, sidebar, related,
share, newsletter, advert…), the text is taken from the <article> (else <main>, else <body>),
and headings, paragraphs, list items, quotes, code and table rows become blocks. Metadata comes
from <title>, og:title, author, og:site_name and article:published_time.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import DocumentError
from ..model import BlockKind, DocumentMeta
from .builder import TextBuilder, clean_meta_value

MAX_TRAFILATURA_BLOCKS = 25_000
#: Table cells cost trafilatura far more memory per byte than prose (a 1 MB table of small cells
#: took 151 MB and 12.5 s against 55 MB and 3.6 s for 1 MB of paragraphs): pages with more cells
#: than this are read here too (the same table: 42 MB, 0.8 s).
MAX_TRAFILATURA_CELLS = 5_000
_BLOCK_TAG = re.compile(r"<(?:p|li|h[1-6]|tr|div|blockquote|pre|section)[\s>]", re.IGNORECASE)
_CELL_TAG = re.compile(r"<t[dh][\s>]", re.IGNORECASE)
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
              "svg", "button", "select", "template", "figure", "menu", "dialog")
_FURNITURE = re.compile(
    r"cookie|consent|comment|sidebar|related|share|social|newsletter|advert|promo|banner|"
    r"subscribe|popup|modal|breadcrumb|footer|masthead|navigation|most-?read|recommend",
    re.IGNORECASE,
)
_KINDS: dict[str, tuple[BlockKind, int]] = {
    "h1": ("heading", 1), "h2": ("heading", 2), "h3": ("heading", 3), "h4": ("heading", 4),
    "h5": ("heading", 5), "h6": ("heading", 6), "p": ("paragraph", 0), "li": ("list_item", 1),
    "blockquote": ("quote", 1), "pre": ("code", 0), "tr": ("paragraph", 0),
}


def block_count(markup: str) -> int:
    """How many block-level start tags the markup has (a cheap C-level scan)."""
    return len(_BLOCK_TAG.findall(markup))


def too_large_for_trafilatura(markup: str) -> bool:
    """Whether the page has more blocks or table cells than trafilatura reads in time and
    memory proportional to its size."""
    return block_count(markup) > MAX_TRAFILATURA_BLOCKS or len(_CELL_TAG.findall(markup)) > MAX_TRAFILATURA_CELLS


def large_page(markup: str, source: str) -> tuple[TextBuilder, DocumentMeta]:
    """Blocks and metadata of a huge page, in time linear in its size."""
    from lxml import etree, html

    try:
        parser = html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True)
        root = html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise DocumentError(source, f"This web page could not be read ({exc.__class__.__name__}).") from None
    meta = _metadata(root)
    for element in list(root.iter(*_DROP_TAGS)):
        _remove(element)
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        words = f"{element.get('class') or ''} {element.get('id') or ''} {element.get('role') or ''}"
        if words.strip() and _FURNITURE.search(words) and element.tag not in ("html", "body", "article", "main"):
            _remove(element)
    container = next(iter(root.iter("article")), None)
    if container is None:
        container = next(iter(root.iter("main")), None)
    if container is None:
        body = root.find("body")
        container = body if body is not None else root
    builder = TextBuilder(source)
    numbers: dict[int, int] = {}  # id of an <ol> → the number of its last item
    for element in container.iter(*_KINDS):
        if any(parent.tag in _KINDS for parent in element.iterancestors()) and element.tag != "li":
            continue  # its text is already in the enclosing block
        kind, level = _KINDS[str(element.tag)]  # iter(*_KINDS) yields only these str tags
        if element.tag == "tr":
            cells = [" ".join(cell.text_content().split()) for cell in element if cell.tag in ("td", "th")]
            builder.add_block("\t".join(c for c in cells if c), "paragraph", 0)
            continue
        if element.tag == "li":
            lists = [a for a in element.iterancestors() if a.tag in ("ul", "ol")]
            level = max(len(lists), 1)
            parent = element.getparent()
            marker = "• "
            if parent is not None and parent.tag == "ol":
                numbers[id(parent)] = numbers.get(id(parent), 0) + 1
                marker = f"{numbers[id(parent)]}. "
            builder.add_run(_own_text(element))
            builder.end_block("list_item", level, marker)
            continue
        if kind == "code":
            builder.add_block(element.text_content().strip("\n"), "code", 0)
            continue
        builder.add_run(element.text_content())
        builder.end_block(kind, level)
    return builder, meta


def _own_text(item: Any) -> str:
    """A list item's text without its nested lists."""
    parts = [item.text or ""]
    for child in item:
        if child.tag not in ("ul", "ol"):
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return "".join(parts)


def _remove(element: Any) -> None:
    """Drop an element but keep the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _metadata(root: Any) -> DocumentMeta:
    """Title, author, date and site from the head."""
    values: dict[str, str | None] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").lower()
        values.setdefault(key, clean_meta_value(meta.get("content")))
    title_element = root.find(".//title")
    page_title = clean_meta_value(title_element.text_content()) if title_element is not None else None
    date = values.get("article:published_time") or values.get("date") or values.get("dc.date")
    return DocumentMeta(
        title=values.get("og:title") or page_title,
        author=values.get("author") or values.get("article:author"),
        date=date[:10] if date else None,
        site=values.get("og:site_name"),
    )
