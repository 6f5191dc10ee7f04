"""Which highlights are shown: one model that the legend, the menus, the panes and the settings
follow. Every change goes through `VisibilityModel`, which emits `changed` once."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class Visibility:
    """Which highlights are on (a plain value the highlighter and panes read)."""

    enabled: bool = True
    hidden_labels: frozenset[str] = frozenset()
    hidden_categories: frozenset[str] = frozenset()

    def shows_label(self, label: str) -> bool:
        return self.enabled and label not in self.hidden_labels

    def shows_category(self, category: str) -> bool:
        return self.enabled and category not in self.hidden_categories


class VisibilityModel(QObject):
    """The single source of truth for what is visible.

    `known_labels` and `known_categories` (in legend order) are what the open texts and
    lexicons offer; they decide what "hide all" hides and what "reveal next" reveals.
    """

    changed = Signal()

    def __init__(self, value: Visibility | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._value = value or Visibility()
        self.known_labels: tuple[str, ...] = ()
        self.known_categories: tuple[str, ...] = ()

    @property
    def value(self) -> Visibility:
        return self._value

    def set_value(self, value: Visibility) -> None:
        """Replace the whole state (a lesson file, a restart)."""
        if value != self._value:
            self._value = value
            self.changed.emit()

    def set_known(self, labels: Sequence[str], categories: Sequence[str]) -> None:
        """What can be shown now (no signal: the visible state itself did not change)."""
        self.known_labels, self.known_categories = tuple(labels), tuple(categories)

    @property
    def showing_any(self) -> bool:
        """True when at least one highlight kind is on: what the master toggle shows."""
        if not self._value.enabled:
            return False
        if not self.known_labels and not self.known_categories:
            return True
        return any(self._value.shows_label(label) for label in self.known_labels) or any(
            self._value.shows_category(category) for category in self.known_categories
        )

    @property
    def hidden_count(self) -> int:
        """How many known labels and categories are hidden (0 when everything is shown)."""
        value = self._value
        if not value.enabled:
            return len(self.known_labels) + len(self.known_categories)
        return sum(label in value.hidden_labels for label in self.known_labels) + sum(
            category in value.hidden_categories for category in self.known_categories
        )

    def set_label_visible(self, label: str, on: bool) -> None:
        hidden = _toggled(self._value.hidden_labels, label, on)
        self.set_value(replace(self._value, enabled=self._value.enabled or on, hidden_labels=hidden))

    def set_category_visible(self, category: str, on: bool) -> None:
        hidden = _toggled(self._value.hidden_categories, category, on)
        self.set_value(replace(self._value, enabled=self._value.enabled or on, hidden_categories=hidden))

    def set_all(self, on: bool) -> None:
        """The master toggle: off hides everything; on shows everything (so one click undoes
        "Hide All for Reading" too)."""
        if on:
            self.show_all()
        else:
            self.set_value(replace(self._value, enabled=False))

    def show_all(self) -> None:
        self.set_value(Visibility(True, frozenset(), frozenset()))

    def hide_all(self) -> None:
        """"Read first": every known label and category hidden, ready to be revealed one by one."""
        self.set_value(Visibility(True, frozenset(self.known_labels), frozenset(self.known_categories)))

    def reveal_next(self) -> tuple[str, str] | None:
        """Show the next hidden framing category, then entity label, in legend order. Returns
        ("category" | "label", id), or None when everything was already visible."""
        value = self._value
        if not value.enabled:
            self.set_value(replace(value, enabled=True))
            value = self._value
        for category in self.known_categories:
            if category in value.hidden_categories:
                self.set_category_visible(category, True)
                return "category", category
        for label in self.known_labels:
            if label in value.hidden_labels:
                self.set_label_visible(label, True)
                return "label", label
        return None


def _toggled(hidden: frozenset[str], key: str, on: bool) -> frozenset[str]:
    return hidden - {key} if on else hidden | {key}


def visibility_from_lists(enabled: bool, labels: Iterable[str], categories: Iterable[str]) -> Visibility:
    """A Visibility from stored lists (settings, lesson files)."""
    return Visibility(bool(enabled), frozenset(labels), frozenset(categories))
