"""The comparison panel and handout export in the main window (pytest-qt)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ui_support import WAIT_MS

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"


@pytest.fixture
def compared(qtbot, window):
    assert window.open_path(0, str(SAMPLES / "a-border-crisis.md"))
    assert window.open_path(1, str(SAMPLES / "b-border-crisis.md"))
    qtbot.waitUntil(lambda: window.compare.comparison is not None, timeout=WAIT_MS)
    return window


def test_panel_fills_after_both_panes_are_analysed(compared) -> None:
    panel, comparison = compared.comparison_panel, compared.compare.comparison
    assert comparison.shared and panel.table.rowCount() == len(comparison.shared)
    assert panel.only_left.count() == len(comparison.only_left)
    assert panel.only_right.count() == len(comparison.only_right)
    names = [panel.table.item(row, 0).text() for row in range(panel.table.rowCount())]
    assert "Marek Holloway" in names
    assert len(panel.chart.rows) == len(comparison.profile) >= 10


def test_clicking_an_actor_marks_its_mentions_in_both_panes(qtbot, compared) -> None:
    panel = compared.comparison_panel
    row = next(r for r in range(panel.table.rowCount()) if panel.table.item(r, 0).text() == "Marek Holloway")
    actor = compared.compare.comparison.shared[row]
    with qtbot.waitSignal(panel.actor_activated, timeout=2000):
        panel.table.cellClicked.emit(row, 0)
    sides = {side for side, _s, _e in compared.marks.mentions}
    assert sides == {"left", "right"}
    assert len(compared.marks.mentions) == actor.left.count + actor.right.count
    left_text = compared.panes[0].document.text
    assert all("Holloway" in left_text[s:e] for side, s, e in compared.marks.mentions if side == "left")


def test_descriptor_evidence_selects_its_sentence(qtbot, compared) -> None:
    panel = compared.comparison_panel
    row = next(r for r in range(panel.table.rowCount()) if panel.table.item(r, 0).text() == "Marek Holloway")
    panel.table.selectRow(row)
    items = [panel.evidence.item(i) for i in range(panel.evidence.count())]
    reckless = next(i for i in items if "reckless" in i.text())
    side, descriptor = reckless.data(Qt.ItemDataRole.UserRole)
    panel.evidence.itemActivated.emit(reckless)
    pane = compared.panes[0 if side == "left" else 1]
    selected = pane.view.textCursor().selectedText().replace("\u2029", "\n")
    assert "reckless Holloway" in selected
    assert selected == pane.document.text[descriptor.sentence_start : descriptor.sentence_end]


def test_export_writes_html_pdf_and_json(compared, tmp_path: Path) -> None:
    for suffix in ("html", "pdf", "json"):
        assert compared.exports.write_export(str(tmp_path / f"handout.{suffix}"))
    html = (tmp_path / "handout.html").read_text(encoding="utf-8")
    assert "<script" not in html.lower() and not re.search(r"https?:", html)
    for span in compared.compare.described["left"].framing:
        assert span.text in html
    pdf = (tmp_path / "handout.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) >= 1
    data = json.loads((tmp_path / "handout.json").read_text(encoding="utf-8"))
    assert {"left", "right", "actors", "profile"} <= set(data)
    assert compared.errors == []


def test_export_before_comparison_explains(window) -> None:
    window.exports.export_dialog()
    assert window.errors and "Nothing to export" in window.errors[0][0]


def test_a_click_in_a_pane_marks_the_same_mentions_as_the_comparison_row(qtbot, compared) -> None:
    """One actor identity: the pane click and the comparison panel agree (the bundled pair
    names Marek Holloway in full and by surname)."""
    actor = next(a for a in compared.compare.comparison.shared if a.name == "Marek Holloway")
    compared.marker.actor_activated(actor)
    from_panel = list(compared.marks.mentions)
    compared.marks.clear()
    start, end = actor.left.mentions[0]
    entity = next(e for e in compared.panes[0].analysis.entities if (e.start, e.end) == (start, end))
    compared.marker.entity_clicked("left", entity)
    assert compared.marks.mentions == from_panel
    assert len(from_panel) == actor.left.count + actor.right.count > 2


def test_agency_tab_fills_from_the_worker_comparison(qtbot, compared) -> None:
    agency = compared.comparison_panel.agency
    rows = {agency.tree.topLevelItem(i).text(0): agency.tree.topLevelItem(i) for i in range(agency.tree.topLevelItemCount())}
    assert "Marek Holloway" in rows
    assert "jail" in rows["Marek Holloway"].text(1) and "ignore" in rows["Marek Holloway"].text(2)
    assert "Agentless passives" in agency.passives_label.text()
    assert any("agentless" in agency.one_sided.item(i).text() for i in range(agency.one_sided.count()))
    assert compared.compare.comparison.alignment.left_only and agency.chart.actors


def test_a_swap_compares_the_texts_again_even_while_a_paste_is_still_being_described(qtbot, window) -> None:
    """Found by the random-action test: a swap forgot both texts' descriptors, and those of a
    text still being described were cancelled, so no comparison ever came."""
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    samples = sorted(p for p in (Path(__file__).resolve().parents[3] / "resources" / "samples").glob("*.md")
                     if p.name != "README.md")
    QApplication.clipboard().setText(samples[1].read_text(encoding="utf-8"))
    for side, path in enumerate(samples):
        assert window.open_path(side, str(path))
    qtbot.waitUntil(lambda: window.compare.comparison is not None, timeout=60_000)
    for delay in (0, 5, 50):
        window.commands["paste_left"].trigger()
        qtbot.wait(delay)
        window.commands["swap"].trigger()
        qtbot.waitUntil(lambda: window.compare.comparison is not None, timeout=30_000)
        assert window.compare.comparison is not None
        assert {window.compare.described[s].text for s in ("left", "right")} == {
            p.document.text for p in window.panes}
