"""The Qt document holds exactly the core text, with block and emphasis formatting."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QTextCursor, QTextDocument

from framereader.core.documents import document_from_text
from framereader.core.model import Block, Document, Emphasis
from framereader.ui.reading.text_builder import apply_ops, build_document, qt_char

from ui_support import EMOJI_TEXT, MARKDOWN_TEXT, utf16_units


def assert_same_text(qdoc: QTextDocument, built, text: str) -> None:
    """Character by character through the offset map (U+2029 where core has a newline)."""
    assert qdoc.characterCount() == built.offsets.qt_length + 1
    for index, char in enumerate(text):
        position = built.offsets.to_qt(index)
        expected = utf16_units(qt_char(char))
        got = [qdoc.characterAt(position + k) for k in range(len(expected))]
        assert got == expected, (index, char)


@pytest.mark.parametrize(
    "document",
    [
        document_from_text(EMOJI_TEXT),
        document_from_text(MARKDOWN_TEXT, markdown=True),
        document_from_text("tabs\tand\x0bcontrols\x0c, 𠀋 astral CJK, \u2028line separator\n\n\n\nend"),
        document_from_text("```\ncode\n\nwith blank line\n```\nhard  \nbreak", markdown=True),
        Document("no blocks at all\nsecond line"),
    ],
    ids=["emoji", "markdown", "controls", "code", "bare"],
)
def test_qt_text_equals_core_text(qapp, document: Document) -> None:
    qdoc = QTextDocument()
    built = build_document(qdoc, document)
    assert_same_text(qdoc, built, document.text)


def char_format_at(qdoc: QTextDocument, position: int):
    cursor = QTextCursor(qdoc)
    cursor.setPosition(position + 1)  # the format of the character before the cursor
    return cursor.charFormat()


def test_markdown_blocks_and_emphasis_are_formatted(qapp) -> None:
    document = document_from_text(MARKDOWN_TEXT, markdown=True)
    qdoc = QTextDocument()
    built = build_document(qdoc, document)
    text = document.text
    heading = char_format_at(qdoc, built.offsets.to_qt(text.index("Holloway regime")))
    body = char_format_at(qdoc, built.offsets.to_qt(text.index("in ")))
    assert heading.fontWeight() == QFont.Weight.Bold
    assert heading.fontPointSize() > body.fontPointSize() > 0
    assert char_format_at(qdoc, built.offsets.to_qt(text.index("By a reporter"))).fontItalic()
    assert char_format_at(qdoc, built.offsets.to_qt(text.index("Berlin"))).fontWeight() == QFont.Weight.Bold
    item = qdoc.findBlock(built.offsets.to_qt(text.index("NATO")))
    quote = qdoc.findBlock(built.offsets.to_qt(text.index("Marek")))
    para = qdoc.findBlock(built.offsets.to_qt(text.index("in ")))
    assert item.blockFormat().leftMargin() > para.blockFormat().leftMargin()
    assert quote.blockFormat().leftMargin() > 0 and quote.blockFormat().background().style() != 0
    assert para.blockFormat().lineHeight() >= 140  # comfortable proportional line height


def test_replaying_base_formats_clears_highlights_but_keeps_emphasis(qapp) -> None:
    text = "Plain *emphasis* here"
    document = Document("Plain emphasis here", (Block("paragraph", 0, 19),), (Emphasis("em", 6, 14),))
    qdoc = QTextDocument()
    built = build_document(qdoc, document)
    cursor = QTextCursor(qdoc)
    cursor.setPosition(0)
    cursor.setPosition(19, QTextCursor.MoveMode.KeepAnchor)
    fmt = cursor.charFormat()
    fmt.setFontUnderline(True)
    cursor.mergeCharFormat(fmt)
    assert char_format_at(qdoc, 2).fontUnderline()
    apply_ops(QTextCursor(qdoc), built.base_ops)
    assert not char_format_at(qdoc, 2).fontUnderline()
    assert char_format_at(qdoc, 7).fontItalic() and not char_format_at(qdoc, 2).fontItalic()
    assert text  # the Markdown the document stands for
