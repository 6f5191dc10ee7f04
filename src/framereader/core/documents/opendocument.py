"""OpenDocument text (.odt): content.xml and meta.xml parsed with defusedxml.

Headings (text:h with their outline level), paragraphs, lists (``"• "`` or numbers when the
list style numbers them), table rows (cells joined by tabs) and bold/italic spans (from the
automatic and common text styles) are read; text:s, text:tab and text:line-break become
spaces, tabs and newlines. Notes, annotations, tracked changes, frames and headers/footers are
left out. Metadata: dc:title, dc:creator (or meta:initial-creator), dc:date.
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element

from ..errors import DocumentError
from ..model import BlockKind, Document, DocumentMeta, EmphasisKind
from .builder import TextBuilder, clean_meta_value
from .limits import SafeZip, open_zip, parse_xml

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
MAX_DEPTH = 200
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"
META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
_SKIP = frozenset({
    f"{TEXT}note", f"{OFFICE}annotation", f"{TEXT}tracked-changes", f"{TEXT}sequence-decls",
    f"{TEXT}table-of-content", f"{OFFICE}forms", "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}frame",
})


def looks_like_odt(archive: SafeZip) -> bool:
    """True for an OpenDocument text package (by its mimetype member, else its content part)."""
    if archive.has("mimetype"):
        return archive.read("mimetype", 200).strip() == ODT_MIMETYPE
    return archive.has("content.xml") and archive.has("META-INF/manifest.xml")


def odt_document(data: bytes, source: str) -> Document:
    """Read an .odt file's body text into a Document."""
    archive = open_zip(source, data)
    if not looks_like_odt(archive):
        raise DocumentError(source, "This is not an OpenDocument text file (.odt).")
    content = parse_xml(source, archive.read("content.xml"), "content.xml")
    styles_root = parse_xml(source, archive.read("styles.xml"), "styles.xml") if archive.has("styles.xml") else None
    emphasis = _text_styles(content, styles_root)
    numbered = _numbered_lists(content, styles_root)
    body = content.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        raise DocumentError(source, "This OpenDocument file has no text body.")
    builder = TextBuilder(source)
    _Walker(builder, emphasis, numbered).blocks(body, 0)
    meta = _metadata(source, archive)
    if not builder.blocks:
        raise DocumentError(source, "This OpenDocument file has no text to read.")
    return builder.document("odt", meta)


class _Walker:
    """Emits the blocks of office:text."""

    def __init__(self, builder: TextBuilder, emphasis: dict[str, EmphasisKind], numbered: set[str]) -> None:
        self.builder = builder
        self.emphasis = emphasis
        self.numbered = numbered

    def blocks(self, parent: Element, depth: int, list_level: int = 0, list_style: str = "") -> None:
        """Walk block-level children (paragraphs, headings, lists, tables, sections)."""
        if depth > MAX_DEPTH:
            return
        for child in parent:
            tag = child.tag
            if tag == f"{TEXT}h":
                level = _int(child.get(f"{TEXT}outline-level"), 1)
                self.paragraph(child, "heading", max(1, min(level, 6)), "")
            elif tag == f"{TEXT}p":
                self.paragraph(child, "paragraph", 0, "")
            elif tag == f"{TEXT}list":
                style = child.get(f"{TEXT}style-name") or list_style
                number = 1
                for item in child:
                    if item.tag not in (f"{TEXT}list-item", f"{TEXT}list-header"):
                        continue
                    marker = f"{number}. " if style in self.numbered else "• "
                    number += 1
                    self.list_item(item, list_level + 1, marker, style, depth + 1)
            elif tag == f"{TABLE}table":
                for row in child.iter(f"{TABLE}table-row"):
                    cells = [" ".join("".join(_plain(c)).split()) for c in row if c.tag == f"{TABLE}table-cell"]
                    self.builder.add_block("\t".join(c for c in cells if c))
            elif tag not in _SKIP:
                self.blocks(child, depth + 1, list_level, list_style)  # sections, soft page breaks…

    def list_item(self, item: Element, level: int, marker: str, style: str, depth: int) -> None:
        """A list item: its first paragraph carries the marker; nested lists go one level deeper."""
        for child in item:
            if child.tag in (f"{TEXT}p", f"{TEXT}h"):
                self.paragraph(child, "list_item", level, marker)
                marker = ""
            elif child.tag == f"{TEXT}list" and depth <= MAX_DEPTH:
                wrapper = Element("wrapper")
                wrapper.append(child)
                self.blocks(wrapper, depth + 1, level, style)

    def paragraph(self, element: Element, kind: BlockKind, level: int, prefix: str) -> None:
        """One paragraph or heading with its inline runs."""
        self.inline(element, self.emphasis.get(element.get(f"{TEXT}style-name") or ""), 0)
        self.builder.end_block(kind, level, prefix)

    def inline(self, element: Element, emphasis: EmphasisKind | None, depth: int) -> None:
        """Add the text of an element and its inline children."""
        if element.text:
            self.builder.add_run(element.text, emphasis)
        for child in element:
            tag = child.tag
            if tag == f"{TEXT}s":
                self.builder.add_run(" " * min(_int(child.get(f"{TEXT}c"), 1), 100), emphasis)
            elif tag == f"{TEXT}tab":
                self.builder.add_run("\t", emphasis)
            elif tag == f"{TEXT}line-break":
                self.builder.add_run("\n", emphasis)
            elif tag not in _SKIP and depth < MAX_DEPTH:
                style = child.get(f"{TEXT}style-name") or ""
                link = "link" if tag == f"{TEXT}a" else None
                self.inline(child, self.emphasis.get(style) or link or emphasis, depth + 1)  # type: ignore[arg-type]
            if child.tail:
                self.builder.add_run(child.tail, emphasis)


def _plain(element: Element) -> list[str]:
    """All text under an element, without notes and annotations."""
    parts: list[str] = []
    stack: list[tuple[Element, bool]] = [(element, False)]
    while stack:
        node, is_tail = stack.pop()
        if is_tail:
            parts.append(node.tail or "")
            continue
        if node.tag in _SKIP:
            continue
        parts.append(node.text or "")
        if node is not element:
            stack.append((node, True))
        for child in reversed(list(node)):
            stack.append((child, False))
    return parts


def _text_styles(content: Element, styles: Element | None) -> dict[str, EmphasisKind]:
    """Style names whose text properties are bold or italic."""
    found: dict[str, EmphasisKind] = {}
    for root in (styles, content):
        if root is None:
            continue
        for style in root.iter(f"{STYLE}style"):
            props = style.find(f"{STYLE}text-properties")
            if props is None:
                continue
            name = style.get(f"{STYLE}name") or ""
            if (props.get(f"{FO}font-weight") or "") in ("bold", "700", "800", "900"):
                found[name] = "strong"
            elif (props.get(f"{FO}font-style") or "") in ("italic", "oblique"):
                found[name] = "em"
    return found


def _numbered_lists(content: Element, styles: Element | None) -> set[str]:
    """List style names whose first level is numbered (not bulleted)."""
    names: set[str] = set()
    for root in (styles, content):
        if root is None:
            continue
        for style in root.iter(f"{TEXT}list-style"):
            first = next(iter(style), None)
            if first is not None and first.tag == f"{TEXT}list-level-style-number":
                names.add(style.get(f"{STYLE}name") or "")
    return names


def _metadata(source: str, archive: SafeZip) -> DocumentMeta:
    """dc:title, dc:creator and dc:date from meta.xml (when present)."""
    if not archive.has("meta.xml"):
        return DocumentMeta()
    root = parse_xml(source, archive.read("meta.xml"), "meta.xml")
    meta = root.find(f"{OFFICE}meta")
    if meta is None:
        return DocumentMeta()

    def value(*tags: str) -> str | None:
        for tag in tags:
            node = meta.find(tag)
            if node is not None and clean_meta_value(node.text):
                return clean_meta_value(node.text)
        return None

    date = value(f"{DC}date", f"{META}creation-date")
    return DocumentMeta(
        title=value(f"{DC}title"),
        author=value(f"{DC}creator", f"{META}initial-creator"),
        date=date[:10] if date else None,
    )


def _int(value: Any, default: int) -> int:
    """An integer attribute, or `default`."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
