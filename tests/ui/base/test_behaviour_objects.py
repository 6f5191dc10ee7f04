"""The window's small behaviour objects, tested on their own (no trained model needed)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from framereader.ui.base.commands import Command, Submenu, build_actions, build_menus, collect
from framereader.ui.comparison.mentions import MentionNavigator
from framereader.ui.base.visibility import Visibility, VisibilityModel


def test_hide_all_then_reveal_next_then_show_all(qapp) -> None:
    model = VisibilityModel()
    model.set_known(["PERSON", "GPE"], ["loaded_language", "hedges"])
    changes = []
    model.changed.connect(lambda: changes.append(model.value))
    model.hide_all()
    assert not model.showing_any and model.hidden_count == 4
    assert model.reveal_next() == ("category", "loaded_language")
    assert model.showing_any and model.value.shows_category("loaded_language")
    assert not model.value.shows_category("hedges") and not model.value.shows_label("PERSON")
    model.set_all(True)  # the master toggle shows everything in one step
    assert model.value == Visibility() and model.hidden_count == 0
    assert len(changes) == 3


def test_master_toggle_off_keeps_the_hidden_lists_and_a_label_click_turns_it_on(qapp) -> None:
    model = VisibilityModel(Visibility(True, frozenset({"DATE"}), frozenset()))
    model.set_known(["PERSON", "DATE"], ["doubt"])
    model.set_all(False)
    assert not model.showing_any and model.value.hidden_labels == {"DATE"}
    model.set_label_visible("PERSON", True)
    assert model.value.enabled and model.value.shows_label("PERSON") and not model.value.shows_label("DATE")


def test_reveal_next_returns_none_when_everything_shows(qapp) -> None:
    model = VisibilityModel()
    model.set_known(["PERSON"], ["doubt"])
    assert model.reveal_next() is None


def test_mention_navigator_steps_and_wraps_across_sides(qapp) -> None:
    marks = MentionNavigator()
    marks.mark([(30, 35), (10, 15)], [(5, 9)], "Holloway")
    assert marks.mentions == [("left", 10, 15), ("left", 30, 35), ("right", 5, 9)]
    assert marks.step(+1) == ("left", 10, 15)
    assert marks.step(-1) == ("right", 5, 9)  # wraps
    assert marks.spans("right") == ([(5, 9)], 0) and marks.spans("left") == ([(10, 15), (30, 35)], None)
    assert marks.select(("left", 30, 35)) and marks.index == 1
    assert not marks.select(("left", 1, 2))
    assert marks.counts() == (2, 1)
    assert marks.clear() and not marks.clear()
    assert marks.step(+1) is None


class _Feature:
    def __init__(self, declared, handlers) -> None:  # type: ignore[no-untyped-def]
        self.COMMANDS = declared
        self._handlers = handlers
        self.filled: list[str] = []

    def handlers(self):  # type: ignore[no-untyped-def]
        return self._handlers

    def fill_submenu(self, name, menu, _actions) -> None:  # type: ignore[no-untyped-def]
        self.filled.append(name)
        menu.addAction("inside")


def test_features_declare_commands_and_the_window_only_collects_them(qapp) -> None:
    from PySide6.QtWidgets import QMainWindow

    called = []
    zoom = Command("zoom_in", "Zoom &In", ("view/zoom",), ("Ctrl+=",))
    sync = Command("sync", "&Sync", ("view/sync", "file/open"), (), checkable=True)
    theme = Submenu("theme", "&Theme", "view/zoom")
    a = _Feature((zoom, theme), {"zoom_in": lambda: called.append("zoom_in")})
    b = _Feature((sync,), {"sync": lambda on: called.append(("sync", on))})
    declared, handlers, fillers = collect([a, b])
    owner = QMainWindow()
    actions = build_actions(owner, declared, handlers)
    layout = (("file", "&File", ("open",)), ("view", "&View", ("zoom", "sync")))
    submenus = build_menus(owner.menuBar(), layout, declared, actions,
                           lambda name, menu: fillers[name].fill_submenu(name, menu, actions))
    actions["zoom_in"].trigger()
    actions["sync"].trigger()  # checkable: the handler gets the new state
    assert called == ["zoom_in", ("sync", True)] and a.filled == ["theme"] and "theme" in submenus
    view = owner.menuBar().actions()[1].menu()
    texts = [action.text() for action in view.actions()]
    assert texts == ["Zoom &In", "&Theme", "", "&Sync"]  # sections in layout order, a separator between
    file_menu = owner.menuBar().actions()[0].menu()
    assert [action.text() for action in file_menu.actions()] == ["&Sync"]  # one command, two places


def test_a_command_without_handler_or_declared_twice_or_in_no_section_is_refused(qapp) -> None:
    import pytest
    from PySide6.QtWidgets import QMainWindow

    zoom = Command("zoom_in", "Zoom &In", ("view/zoom",))
    with pytest.raises(ValueError, match="no handler"):
        collect([_Feature((zoom,), {})])
    with pytest.raises(ValueError, match="declared twice"):
        collect([_Feature((zoom,), {"zoom_in": print}), _Feature((zoom,), {"zoom_in": print})])
    declared, handlers, _fillers = collect([_Feature((zoom,), {"zoom_in": print})])
    owner = QMainWindow()
    actions = build_actions(owner, declared, handlers)
    with pytest.raises(ValueError, match="view/zoom"):
        build_menus(owner.menuBar(), (("view", "&View", ("sync",)),), declared, actions, lambda _n, _m: None)


def test_long_legend_names_wrap_and_are_never_cut(qtbot) -> None:
    from framereader.core.lexicons.files import bundled_lexicon_paths, load_lexicon
    from framereader.ui.reading.highlighter import StyleBook
    from framereader.ui.legend.panel import Legend

    legend = Legend()
    qtbot.addWidget(legend)
    legend.resize(260, 600)
    legend.show()
    book = StyleBook.from_lexicons([load_lexicon(p) for p in bundled_lexicon_paths()])
    legend.populate(book, ["NORP", "PERSON"], ({}, {}), ({}, {}), frozenset(), frozenset())
    names = legend.row_names
    qtbot.waitUntil(lambda: names["label", "NORP"].height() > names["label", "PERSON"].height(), timeout=2000)
    norp, euphemism = names["label", "NORP"], names["category", "euphemism"]
    assert norp.text() == "Nationalities, religions and political groups"  # the whole name, no "…"
    assert euphemism.text() == "Euphemism and minimisation" and "…" not in norp.text() + euphemism.text()
    assert norp.fontMetrics().horizontalAdvance(norp.text()) > norp.width()  # too long for one line: it wraps
    assert norp.height() >= 2 * norp.fontMetrics().lineSpacing()  # …onto two lines
    assert "NORP" in norp.toolTip() and "NORP" not in norp.text()  # the code only in the tooltip
    box = legend.label_boxes["NORP"]
    assert box.accessibleName() == norp.text() and "NORP" in box.toolTip()
    qtbot.mouseClick(norp, Qt.MouseButton.LeftButton)  # a click on the name toggles its box…
    assert not box.isChecked()
    box.setEnabled(False)
    qtbot.mouseClick(norp, Qt.MouseButton.LeftButton)  # …unless the box is off
    assert not box.isChecked()


def test_the_legend_makes_no_python_size_hints(qtbot) -> None:
    """The legend's rows are Qt's own widgets as far as layout goes: a size hint written in
    Python is called under the GIL on every layout pass, and stalled the window by ~200 ms while
    the worker ran Python (docs/performance.md)."""
    from framereader.core.lexicons.files import bundled_lexicon_paths, load_lexicon
    from framereader.ui.reading.highlighter import StyleBook
    from framereader.ui.legend.panel import Legend

    legend = Legend()
    qtbot.addWidget(legend)
    book = StyleBook.from_lexicons([load_lexicon(p) for p in bundled_lexicon_paths()])
    legend.populate(book, ["NORP", "PERSON"], ({}, {}), ({}, {}), frozenset(), frozenset())
    layout_hooks = ("sizeHint", "minimumSizeHint", "heightForWidth", "hasHeightForWidth", "resizeEvent", "paintEvent")
    for widget in legend._grid_host.findChildren(QWidget):
        for hook in layout_hooks:
            owner = next(k for k in type(widget).__mro__ if hook in vars(k))
            assert owner.__module__.startswith("PySide6"), f"{type(widget).__name__}.{hook} is Python"


def test_the_legend_keeps_rhetorical_devices_apart_from_loaded_words(qtbot) -> None:
    from PySide6.QtWidgets import QLabel

    from framereader.core.lexicons.files import bundled_lexicon_paths, load_lexicon
    from framereader.ui.reading.highlighter import StyleBook
    from framereader.ui.legend.panel import Legend

    legend = Legend()
    qtbot.addWidget(legend)
    book = StyleBook.from_lexicons([load_lexicon(p) for p in bundled_lexicon_paths()])
    legend.populate(book, [], ({}, {}), ({}, {}), frozenset(), frozenset())
    headings = [w.text() for w in legend._grid_host.findChildren(QLabel) if w.objectName() == "LegendHeading" and len(w.text()) > 1]
    assert headings[-2:] == ["LOADED WORDS · UNDERLINED", "RHETORICAL DEVICES"]
    grid = legend._grid
    row_of = {key: grid.getItemPosition(grid.indexOf(box))[0] for key, box in legend.category_boxes.items()}
    assert max(row_of[c] for c in ("loaded_language", "name_calling")) < min(row_of[c] for c in ("doubt", "hedges", "intensifiers"))


def test_the_legend_updates_counts_in_place_and_reuses_its_rows_when_they_change(qtbot) -> None:

    from framereader.core.lexicons.files import bundled_lexicon_paths, load_lexicon
    from framereader.ui.reading.highlighter import StyleBook
    from framereader.ui.legend.panel import Legend

    def counts(legend: Legend, key: str) -> list[str]:
        grid, box = legend._grid, {**legend.label_boxes, **legend.category_boxes}[key]
        row = grid.getItemPosition(grid.indexOf(box))[0]
        return [grid.itemAtPosition(row, column).widget().text() for column in (2, 3)]

    legend = Legend()
    qtbot.addWidget(legend)
    book = StyleBook.from_lexicons([load_lexicon(p) for p in bundled_lexicon_paths()])
    legend.populate(book, ["PERSON", "ORG"], ({"PERSON": 3}, {"ORG": 1}), ({"loaded_language": 5}, {}),
                    frozenset(), frozenset())
    person = legend.label_boxes["PERSON"]
    assert counts(legend, "PERSON") == ["3", "–"] and counts(legend, "loaded_language") == ["5", "–"]
    legend.populate(book, ["PERSON", "ORG"], ({"PERSON": 7}, {"PERSON": 2}), ({}, {"loaded_language": 4}),
                    frozenset({"PERSON"}), frozenset())
    assert legend.label_boxes["PERSON"] is person  # same rows: updated, not built again
    assert counts(legend, "PERSON") == ["7", "2"] and counts(legend, "loaded_language") == ["–", "4"]
    assert not person.isChecked() and legend.label_boxes["ORG"].isChecked()
    organisations = legend.label_boxes["ORG"]
    legend.show()
    legend.populate(book, ["GPE", "PERSON"], ({"GPE": 1}, {}), ({}, {}), frozenset(), frozenset())
    assert set(legend.label_boxes) == {"PERSON", "GPE"} and legend.label_boxes["PERSON"] is person  # reused
    assert counts(legend, "GPE") == ["1", "–"] and counts(legend, "PERSON") == ["–", "–"]
    row_of = {key: legend._grid.getItemPosition(legend._grid.indexOf(box))[0] for key, box in legend.label_boxes.items()}
    assert row_of["GPE"] < row_of["PERSON"]  # in the new order
    assert legend._grid.indexOf(organisations) == -1 and not organisations.isVisible()  # kept, out of sight
    assert person.isVisible() and legend.label_boxes["GPE"].isVisible()
    legend.populate(book, ["ORG"], ({}, {}), ({}, {}), frozenset(), frozenset())
    assert legend.label_boxes["ORG"] is organisations and organisations.isVisible() and not person.isVisible()


def test_undo_actions_follow_the_undo_stack(qapp) -> None:
    from PySide6.QtGui import QUndoCommand, QUndoStack

    from framereader.ui.base.commands import bind_undo_actions

    owner = QWidget()
    from framereader.ui.window.commands import WINDOW_COMMANDS

    actions = build_actions(owner, WINDOW_COMMANDS, {spec.id: (lambda *args: None) for spec in WINDOW_COMMANDS})
    stack = QUndoStack(owner)
    bind_undo_actions(actions, stack)
    assert not actions["undo"].isEnabled() and not actions["redo"].isEnabled()
    stack.push(QUndoCommand("Not Loaded Here"))
    assert actions["undo"].isEnabled() and actions["undo"].text() == "&Undo Not Loaded Here"
    stack.undo()
    assert not actions["undo"].isEnabled() and actions["redo"].text() == "&Redo Not Loaded Here"
