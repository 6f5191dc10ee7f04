"""The highlighter's small steps give the same formats as applying every operation at once, and
the ruler's rows follow the marks."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument

from framereader.core.model import Block, Document
from framereader.ui.reading import highlighter as highlighter_module
from framereader.ui.reading.highlighter import Highlighter
from framereader.ui.reading.ruler import OverviewRuler
from framereader.ui.reading.text_builder import FormatOp, apply_ops, build_document


def formats(qdoc: QTextDocument) -> list[tuple[bool, bool, str]]:
    """(underline, bold, background) of every character."""
    result = []
    cursor = QTextCursor(qdoc)
    for position in range(qdoc.characterCount() - 1):
        cursor.setPosition(position + 1)
        fmt = cursor.charFormat()
        result.append((fmt.fontUnderline(), fmt.fontWeight() > 500, fmt.background().color().name()))
    return result


def test_long_operations_are_applied_in_pieces_with_the_same_result(qapp, monkeypatch) -> None:
    text = "\n".join(f"Line {n} holds some words about the border and the crisis." for n in range(60))
    document = Document(text, tuple(Block("paragraph", a, a + 58) for a in range(0, len(text), 60)))
    underline, bold, tint = QTextCharFormat(), QTextCharFormat(), QTextCharFormat()
    underline.setFontUnderline(True)
    bold.setFontWeight(700)
    tint.setBackground(QColor("#ffee88"))
    ops = [FormatOp(0, len(text), underline, True), FormatOp(100, 2000, tint, True)]
    ops += [FormatOp(a, a + 4, bold, True) for a in range(5, len(text), 37)]  # forwards, then back to the start
    ops += [FormatOp(a, a + 2, tint, True) for a in range(3, len(text), 50)]

    expected_doc = QTextDocument()
    build_document(expected_doc, document)
    apply_ops(QTextCursor(expected_doc), ops)

    monkeypatch.setattr(highlighter_module, "MAX_SPAN_PER_TICK", 97)
    qdoc = QTextDocument()
    build_document(qdoc, document)
    stepper = Highlighter(qdoc)
    stepper.start(iter(ops))
    stepper.run_to_end()
    assert stepper.ticks > len(text) // 97  # really in pieces
    assert formats(qdoc) == formats(expected_doc)


def test_ruler_rows_follow_the_marks(qtbot) -> None:
    from PySide6.QtWidgets import QTextEdit

    editor = QTextEdit()
    text = "\n".join(f"Paragraph {n} " + "word " * 40 for n in range(40))
    built = build_document(editor.document(), Document(text))
    ruler = OverviewRuler(editor)
    qtbot.addWidget(editor)
    editor.resize(400, 600)
    ruler.resize(OverviewRuler.WIDTH, 600)
    editor.show()
    qtbot.waitExposed(editor)
    red, blue = QColor("red"), QColor("blue")
    start, end = built.offsets.to_qt(5), built.offsets.to_qt(len(text) - 5)
    ruler.set_marks([(end, blue, 1), (start, red, 0)])
    assert len(ruler.marks()) == 2
    rows = ruler._compute_rows()
    assert sorted(rows.values(), key=QColor.name) == sorted([red, blue], key=QColor.name)
    (entity_row,) = [row for row, lane in rows if lane == 0]
    (framing_row,) = [row for row, lane in rows if lane == 1]
    assert entity_row < 10 and framing_row > ruler.height() - 10
    ruler.set_lanes(([], []), ([], []))
    assert ruler.marks() == [] and ruler._compute_rows() == {}
