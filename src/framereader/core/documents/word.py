"""Word .docx files via python-docx: headings, paragraphs, lists, quotes, tables and emphasis.

Before python-docx sees the file, every zip member's declared size and compression ratio is
checked (zipfile then never inflates past a declared size) and every XML part is refused if it
declares a DTD or entities. Paragraph styles decide the kind: "Title" and "Heading N" are
headings, "Quote"/"Intense Quote" quotes, numbered paragraphs and "List …" styles list items
(``"• "`` or their number, by the numbering definition). Bold, italic and hyperlinks become
emphasis; tables give one block per row, cells joined by tabs. Comments, footnotes, headers,
footers, text boxes and tracked deletions are not read. Metadata: title, author, created date.
"""

from __future__ import annotations

import io
import re
from typing import Any

from ..errors import DocumentError
from ..model import BlockKind, Document, DocumentMeta, EmphasisKind
from .builder import TextBuilder, clean_meta_value
from .limits import MAX_ZIP_MEMBER_BYTES, SafeZip, check_xml_safe, open_zip

_HEADING = re.compile(r"^(?:heading|überschrift|titre|titolo|título|kop)\s*(\d)$", re.IGNORECASE)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def looks_like_docx(archive: SafeZip) -> bool:
    """True for a zip holding a WordprocessingML main part."""
    return archive.has("word/document.xml")


def screen_zip(archive: SafeZip, xml_suffixes: tuple[str, ...] = (".xml", ".rels")) -> None:
    """Check every member's declared size and ratio, and the XML parts for DTDs/entities."""
    for info in archive.archive.infolist():
        archive.check_declared(info, MAX_ZIP_MEMBER_BYTES)
        if info.filename.lower().endswith(xml_suffixes):
            check_xml_safe(archive.source, archive.read(info.filename), info.filename)


def docx_document(data: bytes, source: str) -> Document:
    """Read a .docx file's body text into a Document."""
    archive = open_zip(source, data)
    if not looks_like_docx(archive):
        raise DocumentError(source, "This is not a Word document: its main part is missing.")
    screen_zip(archive)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        word = docx.Document(io.BytesIO(data))
        builder = TextBuilder(source)
        _Reader(word, builder).read()
        meta = _metadata(word)
    except DocumentError:
        raise
    except (PackageNotFoundError, KeyError, ValueError, TypeError, AttributeError, IndexError, OSError,
            RecursionError, SyntaxError) as exc:
        raise DocumentError(source, f"This Word document is damaged and cannot be read ({exc.__class__.__name__}).") from None
    except Exception as exc:  # lxml and zipfile errors raised from deep inside python-docx
        raise DocumentError(source, f"This Word document is damaged and cannot be read ({exc.__class__.__name__}).") from None
    if not builder.blocks:
        raise DocumentError(source, "This Word document has no text to read.")
    return builder.document("docx", meta)


class _Reader:
    """Walks the body's paragraphs and tables in order."""

    def __init__(self, word: Any, builder: TextBuilder) -> None:
        self.word = word
        self.builder = builder
        self.counters: dict[tuple[str, int], int] = {}
        self.formats = _numbering_formats(word)

    def read(self) -> None:
        """Emit every body block."""
        for item in self.word.iter_inner_content():
            if item.__class__.__name__ == "Table":
                self._table(item)
            else:
                self._paragraph(item)

    def _paragraph(self, paragraph: Any) -> None:
        kind, level, prefix = self._kind(paragraph)
        for piece in paragraph.iter_inner_content():
            if piece.__class__.__name__ == "Hyperlink":
                for run in piece.runs:
                    self.builder.add_run(run.text, "link")
                continue
            emphasis: EmphasisKind | None = None
            if piece.bold:
                emphasis = "strong"
            elif piece.italic:
                emphasis = "em"
            self.builder.add_run(piece.text, emphasis)
        self.builder.end_block(kind, level, prefix)

    def _kind(self, paragraph: Any) -> tuple[BlockKind, int, str]:
        """Block kind, level and list marker of a paragraph."""
        try:
            style = (paragraph.style.name or "") if paragraph.style is not None else ""
        except (KeyError, ValueError, AttributeError):
            style = ""
        lowered = style.lower()
        match = _HEADING.match(style.strip())
        if lowered == "title":
            return "heading", 1, ""
        if match:
            return "heading", max(1, min(int(match.group(1)), 6)), ""
        if lowered in ("subtitle",):
            return "heading", 2, ""
        if "quote" in lowered:
            return "quote", 1, ""
        num_id, ilvl = _numbering(paragraph)
        if num_id is not None and num_id != "0":
            return "list_item", ilvl + 1, self._marker(num_id, ilvl)
        if lowered.startswith("list"):
            digits = re.search(r"(\d)$", lowered)
            depth = int(digits.group(1)) if digits else 1
            return "list_item", depth, self._marker(f"style:{lowered}", depth - 1) if "number" in lowered else "• "
        return "paragraph", 0, ""

    def _marker(self, num_id: str, ilvl: int) -> str:
        """'• ' for bullets, else the next number of this list level."""
        fmt = self.formats.get((num_id, ilvl), "decimal" if num_id.startswith("style:") else "bullet")
        if fmt in ("bullet", "none"):
            return "• "
        key = (num_id, ilvl)
        for other in [k for k in self.counters if k[0] == num_id and k[1] > ilvl]:
            del self.counters[other]  # a deeper level restarts under a new parent item
        self.counters[key] = self.counters.get(key, 0) + 1
        return f"{self.counters[key]}. "

    def _table(self, table: Any) -> None:
        for row in table.rows:
            cells: list[str] = []
            seen: set[int] = set()
            for cell in row.cells:
                if id(cell._tc) in seen:  # merged cells repeat
                    continue
                seen.add(id(cell._tc))
                text = " ".join(cell.text.split())
                if text:
                    cells.append(text)
            self.builder.add_block("\t".join(cells), "paragraph", 0)


def _numbering(paragraph: Any) -> tuple[str | None, int]:
    """(numId, ilvl) from a paragraph's own numbering properties."""
    ppr = paragraph._p.pPr
    if ppr is None or ppr.numPr is None:
        return None, 0
    num_pr = ppr.numPr
    num_id = num_pr.numId.val if num_pr.numId is not None else None
    ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
    return (str(num_id) if num_id is not None else None), max(0, min(int(ilvl or 0), 8))


def _numbering_formats(word: Any) -> dict[tuple[str, int], str]:
    """numFmt ('bullet', 'decimal', …) for each (numId, ilvl) of the numbering part."""
    try:
        root = word.part.numbering_part.element
    except (KeyError, AttributeError, NotImplementedError):
        return {}
    abstract: dict[str, dict[int, str]] = {}
    for node in root.findall(f"{_W}abstractNum"):
        levels: dict[int, str] = {}
        for lvl in node.findall(f"{_W}lvl"):
            fmt = lvl.find(f"{_W}numFmt")
            try:
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal"
            except ValueError:
                continue
        abstract[node.get(f"{_W}abstractNumId", "")] = levels
    formats: dict[tuple[str, int], str] = {}
    for num in root.findall(f"{_W}num"):
        ref = num.find(f"{_W}abstractNumId")
        levels = abstract.get(ref.get(f"{_W}val", "") if ref is not None else "", {})
        for ilvl, fmt in levels.items():
            formats[(num.get(f"{_W}numId", ""), ilvl)] = fmt
    return formats


def _metadata(word: Any) -> DocumentMeta:
    """Title, author and created date from the core properties."""
    try:
        props = word.core_properties
        created = props.created
        return DocumentMeta(
            title=clean_meta_value(props.title),
            author=clean_meta_value(props.author),
            date=created.date().isoformat() if created is not None else None,
        )
    except (ValueError, TypeError, AttributeError, KeyError):
        return DocumentMeta()
