"""Plain words everywhere a reader looks: on a real news pair, every text the legend and the
comparison dock show (every tab, every row expanded, the charts' painted words included) is
free of the model's label codes (ORG, GPE, NORP…) and the parser's grammar terms (amod, poss,
copula, nsubj…). Tooltips may name them, for those who want the code. This is what a held-out
OCR check of screenshots reads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QListWidget,
    QTabWidget,
    QTableWidget,
    QTreeWidget,
    QTreeWidgetItemIterator,
    QWidget,
)

from framereader.core.kinds import LABEL_NAMES
from ui_support import WAIT_MS

NEWS = Path(__file__).resolve().parents[2] / "data" / "news"
#: the parser's terms a reader must never see
GRAMMAR = ("amod", "poss", "copula", "compound", "appos", "nsubj", "nsubjpass", "dobj", "pobj", "agent", "patient",
           "auxpass", "acl", "relcl")
CODES = re.compile(r"\b(" + "|".join(sorted(LABEL_NAMES, key=len, reverse=True)) + r")\b")
TERMS = re.compile(r"\b(" + "|".join(GRAMMAR) + r")\b", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]+>")


def _painted_words(widget: QWidget) -> list[str]:
    """The words a widget paints itself (the dock's charts), caught at QPainter.drawText."""
    seen: list[str] = []
    original = QPainter.drawText

    def record(painter: QPainter, *args: object) -> object:
        seen.extend(a for a in args if isinstance(a, str))
        return original(painter, *args)  # type: ignore[arg-type]

    QPainter.drawText = record  # type: ignore[method-assign]
    try:
        image = QImage(max(widget.width(), 400), max(widget.height(), 300), QImage.Format.Format_ARGB32)
        widget.render(image)
    finally:
        QPainter.drawText = original  # type: ignore[method-assign]
    return seen


def visible_texts(root: QWidget) -> list[str]:
    """Every text `root` and its children show: labels, buttons, tab titles, table and tree
    cells and headers, list rows, and the words painted by custom widgets."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel):
            texts.append(_TAGS.sub(" ", widget.text()))
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QTabWidget):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QTableWidget):
            for column in range(widget.columnCount()):
                header = widget.horizontalHeaderItem(column)
                texts.append(header.text() if header is not None else "")
                texts.extend(item.text() for row in range(widget.rowCount()) if (item := widget.item(row, column)))
        elif isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            texts.extend(header.text(c) for c in range(widget.columnCount()))
            for top in range(widget.topLevelItemCount()):
                widget.expandItem(widget.topLevelItem(top))  # the verbs are added on expansion
            iterator = QTreeWidgetItemIterator(widget)
            while iterator.value() is not None:
                item = iterator.value()
                texts.extend(item.text(c) for c in range(widget.columnCount()))
                iterator += 1
        elif isinstance(widget, QListWidget):
            texts.extend(widget.item(i).text() for i in range(widget.count()))
        elif type(widget).paintEvent is not QWidget.paintEvent and type(widget).__module__.startswith("framereader"):
            texts.extend(_painted_words(widget))  # a chart: what it draws is what a reader reads
    return [t for t in texts if t]


def jargon(texts: list[str]) -> list[str]:
    """The texts that show a label code or a grammar term."""
    return [t for t in texts if CODES.search(t) or TERMS.search(t)]


@pytest.mark.parametrize("pair", [("025", "026"), ("002", "003")])
def test_the_legend_and_every_tab_of_the_comparison_dock_speak_plain_english(qtbot, window, pair) -> None:
    for side, name in enumerate(pair):
        assert window.open_path(side, str(NEWS / f"{name}.txt"))
    qtbot.waitUntil(lambda: window.compare.comparison is not None and window.analysed(), timeout=WAIT_MS)
    panel = window.comparison_panel
    comparison = window.compare.comparison
    assert comparison.actors, "the pair names actors"
    # show what a teacher would click: every actor's evidence, every tab, the legend as shown
    texts = visible_texts(window.legend_dock)
    for row in range(panel.table.rowCount()):
        panel.table.selectRow(row)
        texts += visible_texts(panel.evidence)
    for index in range(panel.tabs.count()):
        panel.tabs.setCurrentIndex(index)
        texts += visible_texts(panel.tabs.widget(index))
    texts += visible_texts(panel)
    assert len(texts) > 50
    assert jargon(texts) == []
    # not vacuous: the kinds and descriptors are shown, in plain words
    kinds = {panel.table.item(r, 1).text() for r in range(panel.table.rowCount())}
    assert kinds and kinds <= {kind.singular for kind in LABEL_NAMES.values()}
    assert any(name.plural in texts for name in LABEL_NAMES.values())  # the legend's rows
    described = [a for a in comparison.shared if a.left.descriptors or a.right.descriptors]
    if described:
        panel.table.selectRow(list(comparison.shared).index(described[0]))
        shown = [panel.evidence.item(i).text() for i in range(panel.evidence.count())]
        assert shown and all(" — " in line and "X" in line for line in shown)  # "regime — X's …"
        assert all(panel.evidence.item(i).toolTip() for i in range(panel.evidence.count()))


def test_the_check_finds_codes_and_terms_where_they_would_be_shown(qtbot) -> None:
    """The walk reads what it claims to read: a planted code in each kind of widget is found."""
    from PySide6.QtWidgets import QListWidgetItem, QTableWidgetItem, QTreeWidgetItem, QVBoxLayout

    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    table, tree, listing = QTableWidget(1, 1), QTreeWidget(), QListWidget()
    table.setItem(0, 0, QTableWidgetItem("Kerevo (GPE)"))
    tree.addTopLevelItem(QTreeWidgetItem(["as agent: strike"]))
    listing.addItem(QListWidgetItem("regime (poss)"))
    for widget in (QLabel("<b>NORP</b> groups"), table, tree, listing):
        layout.addWidget(widget)
    found = jargon(visible_texts(host))
    assert sorted(found) == sorted(["Kerevo (GPE)", "as agent: strike", "regime (poss)", " NORP  groups"])
