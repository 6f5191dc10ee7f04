"""Presenter mode's caption bar: what the class is looking at, in large type under the texts
("Now showing: Loaded language — 14 left · 3 right"), following every reveal, hide and show."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ...core.kinds import label_name
from ..base import styles
from ..base.context import WindowContext, WindowPart
from ..reading.highlighter import StyleBook
from ..base.visibility import Visibility, VisibilityModel

if TYPE_CHECKING:
    from ..reading.view_controller import ViewController

#: ("category" | "label", id): one kind of highlight
Item = tuple[str, str]


class CaptionBar(QWidget):
    """A strip with the caption in large type and a muted hint at its right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CaptionBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.caption = QLabel("")
        self.caption.setObjectName("CaptionText")
        self.caption.setFont(styles.ui_font(18.0, bold=True))
        self.hint = QLabel("")
        self.hint.setObjectName("CaptionHint")
        self.hint.setFont(styles.ui_font(12.0))
        for label in (self.caption, self.hint):
            label.setTextFormat(Qt.TextFormat.PlainText)  # category names come from lexicon files
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.caption.setWordWrap(True)  # a long caption takes a second line rather than being cut
        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 8, 18, 8)
        layout.addWidget(self.caption, 1)
        layout.addWidget(self.hint, 0, Qt.AlignmentFlag.AlignVCenter)

    def show_text(self, caption: str, hint: str) -> None:
        self.caption.setText(caption)
        self.caption.setToolTip(caption)  # a caption too long for the bar is clipped, not lost
        self.hint.setText(hint)


class CaptionController(WindowPart):
    """Keeps the caption bar up to date and shows it only while presenting. `central` is the
    window's central widget: the reading panes (`content`) with the bar under them."""

    def __init__(self, context: WindowContext, visibility: VisibilityModel, view: ViewController,
                 book: Callable[[], StyleBook], content: QWidget) -> None:
        super().__init__(context)
        self.visibility = visibility
        self.view = view
        self._book = book
        self._previous = visibility.value
        self.last: Item | None = None  # the kind of highlight shown most recently
        self.bar = CaptionBar()
        self.bar.hide()
        self.central = QWidget()
        layout = QVBoxLayout(self.central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(content, 1)
        layout.addWidget(self.bar)
        visibility.changed.connect(self._on_visibility)
        for pane in self.panes.values():
            pane.analysis_shown.connect(lambda _side: self.refresh())
        view.changed.connect(self._on_view)
        self.refresh()

    # ------------------------------------------------------------------ following the state
    def _on_view(self) -> None:
        self.bar.setVisible(self.view.presenting)
        self.refresh()

    def _on_visibility(self) -> None:
        value = self.visibility.value
        shown = [item for item in self._known() if _shows(value, item) and not _shows(self._previous, item)]
        if len(shown) == 1:
            self.last = shown[0]
        elif shown:
            self.last = None  # several at once (Show All, a lesson): the caption names the state
        self._previous = value
        self.refresh()

    def _known(self) -> list[Item]:
        return [("category", c) for c in self.visibility.known_categories] + [
            ("label", label) for label in self.visibility.known_labels]

    # ------------------------------------------------------------------ the words
    def name(self, item: Item) -> str:
        kind, key = item
        if kind == "category":
            return self._book().category(key).name
        return label_name(key).split(":")[0] or key  # "Other places: regions, …" → "Other places"

    def counts(self, item: Item) -> tuple[int, int]:
        """How often the highlight occurs in the left and the right text."""
        kind, key = item
        found = []
        for side in ("left", "right"):
            analysis = self.panes[side].analysis  # type: ignore[index]
            table = ((analysis.counts(self.settings.count_quoted) if kind == "category" else analysis.entity_counts)
                     if analysis else {})
            found.append(int(table.get(key, 0)))
        return found[0], found[1]

    def texts(self) -> tuple[str, str]:
        """(caption, hint) for the current state."""
        value, model = self.visibility.value, self.visibility
        known = self._known()
        if all(pane.analysis is None for pane in self.panes.values()):
            return "No text analysed yet", "Esc leaves presenter mode"
        if not model.showing_any:
            return "Nothing shown yet — read first", "Ctrl+. reveals the first category"
        hidden = model.hidden_count
        if hidden == 0:
            pairs = [self.counts(each) for each in known if each[0] == "category"]
            left, right = sum(p[0] for p in pairs), sum(p[1] for p in pairs)
            return f"Now showing: everything — {_plural(left, 'loaded word', 'loaded words')} left · {right} right", "Esc leaves presenter mode"
        hint = f"{hidden} more hidden · Ctrl+. next · Ctrl+Shift+A all"
        item = self.last if self.last is not None and _shows(value, self.last) else None
        if item is None:  # no single reveal to name: say how much is shown
            visible = [i for i in known if _shows(value, i)]
            categories = [i for i in visible if i[0] == "category"]
            pairs = [self.counts(i) for i in categories]
            kinds = _plural(len(categories), "kind of loaded language", "kinds of loaded language")
            left, right = sum(p[0] for p in pairs), sum(p[1] for p in pairs)
            return f"Now showing: {kinds}, {len(visible) - len(categories)} of names — {left} left · {right} right", hint
        left, right = self.counts(item)
        return f"Now showing: {self.name(item)} — {left} left · {right} right", hint

    def refresh(self) -> None:
        self.bar.show_text(*self.texts())


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _shows(value: Visibility, item: Item) -> bool:
    kind, key = item
    return value.shows_category(key) if kind == "category" else value.shows_label(key)
