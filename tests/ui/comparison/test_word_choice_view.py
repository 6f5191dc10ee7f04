"""Word choice in the window: the overlined names in the reading panes with their tooltip, the
View ▸ Word Choice switch, the legend row, and the comparison dock's Word choice table whose
cells go to the uses in the panes (pytest-qt)."""

from __future__ import annotations

import pytest

from framereader.ui.comparison.word_choice_layer import LAYER
from framereader.ui.comparison.word_choice_view import REFERENCE_MARK
from ui_support import WAIT_MS

LEFT = ("# The war\n\nThe invasion began on Monday. Officials said the invasion would end soon, but the regime "
        "sent more troops and blamed illegal aliens.\n\nThe estate tax was not mentioned.\n")
RIGHT = ("# The operation\n\nThe special military operation began on Monday. The government said the special "
         "military operation was a limited incursion.\n\nCritics in the mainstream media disagreed.\n")


@pytest.fixture
def chosen(qtbot, window, tmp_path):
    """The window with two short texts that name the same war differently, compared."""
    for side, (name, text) in enumerate((("left.md", LEFT), ("right.md", RIGHT))):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert window.open_path(side, str(path))
    qtbot.waitUntil(lambda: window.compare.comparison is not None and window.analysed(), timeout=WAIT_MS)
    return window


def _texts(pane) -> list[str]:
    text = pane.document.text
    return [text[a:b] for a, b, _fmt in pane.layer(LAYER)]


def _selected(pane) -> str:
    return pane.view.textCursor().selectedText()


def test_names_are_overlined_with_a_tooltip(chosen) -> None:
    left, right = chosen.pane["left"], chosen.pane["right"]
    # "invasion" and "estate tax" are their sets' neutral names: counted, not marked
    assert _texts(left) == ["regime", "illegal aliens"]
    assert _texts(right) == ["special military operation", "special military operation", "incursion",
                             "mainstream media"]  # "government": neutral, not marked
    assert all(fmt.fontOverline() and not fmt.fontUnderline() for _a, _b, fmt in right.layer(LAYER))
    start = right.document.text.index("incursion")
    tooltip = right.describe_position(right.built.offsets.to_qt(start + 2))
    assert "Word choice: Sending an army into another country" in tooltip
    assert "special military operation" in tooltip and "invasion" in tooltip  # the other names
    assert "brief, limited crossing" in tooltip  # the set's note
    assert chosen.errors == []


def test_the_layer_follows_its_view_command_and_the_master_switch(chosen) -> None:
    pane = chosen.pane["left"]
    command = chosen.commands["word_choice"]
    assert command.isChecked() and pane.layer(LAYER)
    command.trigger()
    assert not chosen.settings.word_choice and pane.layer(LAYER) == []
    start = pane.document.text.index("regime")
    assert "Word choice" not in pane.describe_position(pane.built.offsets.to_qt(start + 1))
    command.trigger()
    assert len(pane.layer(LAYER)) == 2
    chosen.commands["highlights"].trigger()
    assert pane.layer(LAYER) == []
    chosen.commands["highlights"].trigger()
    assert len(pane.layer(LAYER)) == 2
    rows = {row.name: box for row, box in chosen.legend.layers.rows}
    box = rows["Word choice"]
    command.trigger()
    assert not box.isChecked()  # the legend's box follows the command
    box.click()
    assert command.isChecked() and chosen.settings.word_choice and pane.layer(LAYER)


def test_the_word_choice_table_lists_each_side_and_goes_to_the_uses(qtbot, chosen) -> None:
    view = chosen.comparison_panel.word_choice
    table = view.table
    names = [table.item(row, 0).text() for row in range(table.rowCount())]
    assert names[0] == "Sending an army into another country"  # used by both texts: first
    assert set(names) == {"Sending an army into another country", "A country's rulers", "The established news media",
                          "People living in a country without legal status"}
    row = names.index("Sending an army into another country")
    assert table.item(row, 1).text() == f"invasion{REFERENCE_MARK} ×2"
    assert table.item(row, 2).text() == "special military operation ×2, incursion"
    rulers = names.index("A country's rulers")
    assert table.item(rulers, 1).text() == "regime" and table.item(rulers, 2).text() == f"government{REFERENCE_MARK}"
    left, right = chosen.pane["left"], chosen.pane["right"]
    seen = []
    for _ in range(4):  # each click shows the next use in that text, then starts again
        table.cellClicked.emit(row, 2)
        seen.append(_selected(right))
    assert seen == ["special military operation", "special military operation", "incursion",
                    "special military operation"]
    table.cellClicked.emit(row, 0)  # the set's name: the next use in both texts
    assert _selected(left) == "invasion" and _selected(right) == "special military operation"
    assert "brief, limited crossing" in view.note.text() and "Left: invasion ×2" in view.note.text()
    table.cellClicked.emit(names.index("People living in a country without legal status"), 2)
    assert _selected(left) == "invasion"  # the right text does not use the set: nothing moves
    assert chosen.errors == []


def test_a_dock_tab_is_named_word_choice_and_empties_with_a_new_text(qtbot, chosen, tmp_path) -> None:
    tabs = chosen.comparison_panel.tabs
    assert "Word choice" in [tabs.tabText(i) for i in range(tabs.count())]
    other = tmp_path / "weather.txt"
    other.write_text("Rain fell in the valley.\n\nThe harvest was late.\n", encoding="utf-8")
    assert chosen.open_path(1, str(other))
    assert chosen.comparison_panel.word_choice.table.rowCount() == 0
    qtbot.waitUntil(lambda: chosen.compare.comparison is not None, timeout=WAIT_MS)
    table = chosen.comparison_panel.word_choice.table
    assert table.rowCount() == 2 and all(table.item(r, 2).text() == "—" for r in range(2))  # regime, aliens
    assert chosen.pane["right"].layer(LAYER) == []


def test_the_tooltip_says_when_a_name_is_quoted_and_escapes() -> None:
    from framereader.core.lexicons.wordchoice import ChoiceMember, ChoiceSet
    from framereader.core.model import ChoiceSpan
    from framereader.ui.comparison.word_choice_layer import choice_tooltip

    sets = {"s": ChoiceSet("s", "<Rulers>", "politics", "A & B.", (ChoiceMember("regime", "a verdict"),
                                                                  ChoiceMember("government", "plain", reference=True)))}
    quoted = choice_tooltip(ChoiceSpan(0, 6, "s", "regime", "Regime", quoted=True), sets)
    assert "&lt;Rulers&gt;" in quoted and "A &amp; B." in quoted and "government (neutral)" in quoted
    assert "the speaker's choice of name" in quoted and "— a verdict" in quoted
    assert "speaker" not in choice_tooltip(ChoiceSpan(0, 6, "s", "regime", "Regime"), sets)
    assert "unknown-set" in choice_tooltip(ChoiceSpan(0, 6, "unknown-set", "regime", "Regime"), sets)
