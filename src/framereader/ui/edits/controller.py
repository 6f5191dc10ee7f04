"""The reader's own edits of the analysis: Exclude from Analysis / Include Again, Not Loaded
Here, Correct Entity Label and Merge Into / Split (actors), from the panes' context menus, each an undoable command on the
window's one undo stack.

The controller keeps, per shown document (by identity, so edits move with a swap and go when
a pane's text changes), the edits and the analysis core made; the window passes every analysis
through `apply`, the comparison through `edited`. When edits change they are applied again to
the stored analyses (nothing is analysed again), the panes and the comparison follow, the
excluded passages are greyed and the suppressed words struck through (pane layers), the
tooltips say what was corrected, and the Edits tab lists everything.
"""

from __future__ import annotations

import html
import weakref
from collections.abc import Callable
from functools import partial
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QTextCharFormat, QUndoCommand
from PySide6.QtWidgets import QMenu

from ...core.comparison.agreement import agreed_entities, with_entities
from ...core.comparison.compare import actor_for_mention
from ...core.state.edits import (
    NO_EDITS, ActorMerge, ActorSplit, Edit, Exclusion, LabelCorrection, Suppression, TextEdits, apply_edits,
)
from ...core.kinds import LABEL_NAMES, kind_tooltip, label_singular
from ...core.model import SIDES, Analysis, Document, EntitySpan, FramingSpan, Side, other_side
from ...core.state.lesson import Session
from ..base.context import WindowContext, WindowPart
from .view import EditRow, EditsView

if TYPE_CHECKING:
    from ..reading.pane import Pane

EXCLUDED_LAYER = "edits.excluded"
SUPPRESSED_LAYER = "edits.suppressed"
#: Grey that reads as "set aside" on the light and the dark paper alike.
EXCLUDED_INK = "#8a8f98"
WORDS_SHOWN = 60  # characters of an edit's words in menus and the list
MERGE_CHOICES = 15  # actors offered by Merge Into (in the comparison's order: most said about first)


@dataclass
class _Entry:
    """The edits of one shown document and the analysis core made of it (None: not yet)."""

    document: Document
    edits: TextEdits = NO_EDITS
    raw: Analysis | None = None


#: Above this many entities in the two texts together, each keeps its own labels: agreeing
#: them runs on the GUI thread (about 10 µs an entity).
MAX_ENTITIES_TO_AGREE = 5000


def _quote(text: str) -> str:
    words = " ".join(text.split())
    return f"‘{words if len(words) <= WORDS_SHOWN else words[:WORDS_SHOWN - 1] + '…'}’"


def _at(spans: tuple[EntitySpan, ...] | tuple[FramingSpan, ...], offset: int) -> list:
    return [s for s in spans if s.start <= offset < s.end]


#: how the save prompt names the reader's edits
UNSAVED_WHAT = "your edits of the highlights (exclusions, “not loaded here”, corrected kinds)"


class EditCommand(QUndoCommand):
    """Replace the edits of one document (found again by identity, wherever it is now shown);
    undo puts the previous edits back. A command whose document is no longer shown is obsolete."""

    def __init__(self, controller: "EditsController", document: Document, before: TextEdits,
                 after: TextEdits, text: str) -> None:
        super().__init__(text)
        self._controller = controller
        self._document = weakref.ref(document)
        self._before, self._after = before, after

    def redo(self) -> None:
        self._set(self._after)

    def undo(self) -> None:
        self._set(self._before)

    def _set(self, edits: TextEdits) -> None:
        document = self._document()
        if document is None or not self._controller.replace(document, edits):
            self.setObsolete(True)
            return
        side = self._controller.side_of(document)
        self._controller.hooks.modified.emit(UNSAVED_WHAT, side or "")  # kept only by a lesson file


def _same_text(a: Document, b: Document) -> bool:
    """The same opened text: the same document, or one renamed from it (title and author
    changed, the very same text object kept); a text opened again is another one."""
    return a is b or a.text is b.text


class EditsController(WindowPart):
    """Holds the edits per text, applies them and offers them in the panes' context menus."""

    def __init__(self, context: WindowContext) -> None:
        super().__init__(context)
        self._entries: list[_Entry] = []
        self.view = view = EditsView()  # the Edits tab of the comparison dock (the window places it)
        view.show_history(context.undo)
        # the comparison (actors, counts, chart, exports) uses edited analyses
        self.hooks.analysis_editors.append(self.edited)
        self.hooks.lesson_parts.append(lambda session: (replace(session, edits=self.lesson_edits()), []))
        self.hooks.lesson_opened.connect(self._on_lesson_opened)
        self.hooks.document_changed.connect(lambda _side: self._sync())
        view.activated.connect(lambda side, start, end: self.panes[side].select_span(start, end))
        view.remove_requested.connect(lambda row: self.remove(row.side, row.edit))
        for pane in self.panes.values():
            pane.add_menu_provider(self._fill_menu)
            pane.analysis_shown.connect(self._draw)  # layers set while a text was building show now
            pane.view.describe = partial(self._describe, pane, pane.describe_position)

    # ------------------------------------------------------------------ state
    def _entry(self, side: Side) -> _Entry | None:
        document = self.panes[side].document
        if document is None:
            return None
        for entry in self._entries:
            if _same_text(entry.document, document):
                entry.document = document  # a renamed text (same text object) keeps its edits
                return entry
        entry = _Entry(document)
        self._entries.append(entry)
        return entry

    def edits(self, side: Side) -> TextEdits:
        """The edits of the text pane `side` shows."""
        entry = self._entry(side)
        return entry.edits if entry is not None else NO_EDITS

    def side_of(self, document: Document) -> Side | None:
        return next((side for side in SIDES if (shown := self.panes[side].document) is not None and _same_text(shown, document)), None)

    def apply(self, side: Side, analysis: Analysis) -> Analysis:
        """An analysis core made for pane `side`: kept, and returned with the reader's edits and
        one label per name across both texts (the other pane follows when its labels change)."""
        entry = self._entry(side)
        if entry is None or analysis.text != entry.document.text:
            return analysis
        entry.raw = analysis
        return self._agreed(side, apply_edits(analysis, entry.edits), show_other=True)

    def edited(self, side: Side, analysis: Analysis) -> Analysis:
        """`analysis` (of the text pane `side` shows) with the reader's edits of that text."""
        entry = self._entry(side)
        if entry is None or analysis.text != entry.document.text:
            return analysis
        return self._agreed(side, apply_edits(analysis, entry.edits), show_other=False)

    def _agreed(self, side: Side, shown: Analysis, show_other: bool) -> Analysis:
        """`shown` with the labels agreed with the other text (`core.comparison.agreement`);
        with `show_other` the other pane shows its side of the agreement too. The reader's
        label corrections stay; texts with more than MAX_ENTITIES_TO_AGREE entities between
        them keep their own labels (the agreement runs on the GUI thread)."""
        other = other_side(side)
        pane = self.panes[other]
        entry = self._entry(other)
        if entry is None or entry.raw is None or entry.raw.text != entry.document.text:
            return shown
        theirs = apply_edits(entry.raw, entry.edits)
        if len(shown.entities) + len(theirs.entities) > MAX_ENTITIES_TO_AGREE:
            return shown
        kept = {side: {(c.start, c.end) for c in self.edits(side).corrections},
                other: {(c.start, c.end) for c in entry.edits.corrections}}
        pair = {side: shown, other: theirs}
        left, right = agreed_entities(pair["left"], pair["right"], kept_left=kept["left"], kept_right=kept["right"])
        entities = {"left": left, "right": right}
        theirs = with_entities(theirs, entities[other])
        latest = pane.latest_analysis  # a text still being built shows its pending analysis next
        if show_other and latest is not None and latest.text == theirs.text and latest.entities != theirs.entities:
            pane.set_analysis(theirs)
        return with_entities(shown, entities[side])

    def replace(self, document: Document, edits: TextEdits) -> bool:
        """Give the shown `document` these edits and show the result; False if it is not shown."""
        side = self.side_of(document)
        entry = self._entry(side) if side is not None else None
        if side is None or entry is None:
            return False
        entry.edits = edits
        if entry.raw is not None:
            self.panes[side].set_analysis(self._agreed(side, apply_edits(entry.raw, edits), show_other=True))
        self.hooks.edits_changed.emit()
        self._draw(side)
        self._show_list()
        return True

    def _sync(self) -> None:
        """A pane's text changed: forget the edits of texts no longer shown, draw the rest."""
        shown = [pane.document for pane in self.panes.values() if pane.document is not None]
        count = len(self._entries)
        self._entries = [e for e in self._entries if any(_same_text(e.document, d) for d in shown)]
        if len(self._entries) < count:  # the same text opened again keeps its analyses, not its edits
            self.hooks.edits_changed.emit()
        for side in SIDES:
            self._agree_again(side)
            self._draw(side)
        self._show_list()

    def _agree_again(self, side: Side) -> None:
        """The other pane's text changed or closed: the labels `side` shows agree with what
        is there now (its own again when the other pane is empty)."""
        pane, entry = self.panes[side], self._entry(side)
        latest = pane.latest_analysis
        if entry is None or entry.raw is None or latest is None or entry.raw.text != latest.text:
            return
        shown = self._agreed(side, apply_edits(entry.raw, entry.edits), show_other=False)
        if shown.entities != latest.entities:
            pane.set_analysis(shown)

    def lesson_edits(self) -> dict[Side, TextEdits]:
        """The edits to save in a lesson file, per side."""
        return {side: self.edits(side) for side in SIDES if self.edits(side)}

    def _on_lesson_opened(self, session: Session) -> None:
        for side, document in zip(SIDES, (session.left, session.right)):
            if document is not None and self.panes[side].document is document:
                self.replace(document, session.edits.get(side, NO_EDITS))

    # ------------------------------------------------------------------ edits (undoable)
    def _push(self, side: Side, after: TextEdits, text: str) -> bool:
        entry = self._entry(side)
        if entry is None or after == entry.edits:
            return False
        self.undo.push(EditCommand(self, entry.document, entry.edits, after, text))
        return True

    def exclude(self, side: Side, start: int, end: int) -> bool:
        """Exclude from Analysis the passage [start, end) (trimmed of white space)."""
        document = self.panes[side].document
        if document is None:
            return False
        text = document.text
        start, end = max(0, start), min(len(text), end)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return False
        return self._push(side, self.edits(side).add(Exclusion(start, end)), "Exclude from Analysis")

    def include_again(self, side: Side, start: int, end: int | None = None) -> bool:
        """Include Again every excluded passage at `start` (or overlapping [start, end))."""
        edits = self.edits(side)
        found = edits.exclusions_at(start, end)
        for exclusion in found:
            edits = edits.remove(exclusion)
        return bool(found) and self._push(side, edits, "Include Again")

    def suppress(self, side: Side, framing: FramingSpan) -> bool:
        """Not Loaded Here: leave out this one occurrence of a framing term."""
        edit = Suppression(framing.start, framing.end, framing.category)
        return self._push(side, self.edits(side).add(edit), f"Not Loaded Here: {_quote(framing.text)}")

    def correct_label(self, side: Side, entity: EntitySpan, label: str | None) -> bool:
        """Correct Entity Label: `label` for this mention (None: not an entity). The model's own
        label removes the correction."""
        edits = self.edits(side)
        existing = edits.correction_at(entity.start, entity.end)
        original = self._original_label(side, entity)
        if existing is not None:
            edits = edits.remove(existing)
        if label != original:
            edits = edits.add(LabelCorrection(entity.start, entity.end, label))
        text = (f"Not an Entity: {_quote(entity.text)}" if label is None
                else f"Correct Entity Label: {_quote(entity.text)} → {label_singular(label)}")
        return self._push(side, edits, text)

    def merge_actor(self, side: Side, start: int, end: int, into: str) -> bool:
        """Merge Actors: the actor of the mention [start, end) joins the actor named `into`."""
        document = self.panes[side].document
        words = document.text[start:end] if document is not None else ""
        return self._push(side, self.edits(side).add(ActorMerge(start, end, into)),
                          f"Merge Actors: {_quote(words)} into {_quote(into)}")

    def split_actor(self, side: Side, start: int, end: int) -> bool:
        """Split Actor: the name of the mention [start, end) leaves its actor (in both texts)."""
        document = self.panes[side].document
        words = document.text[start:end] if document is not None else ""
        return self._push(side, self.edits(side).add(ActorSplit(start, end)), f"Split Actor: {_quote(words)}")

    def remove(self, side: Side, edit: Edit) -> bool:
        """Take one edit back (the Edits tab's Remove Edit)."""
        document = self.panes[side].document
        words = document.text[edit.start:edit.end] if document is not None else ""
        return self._push(side, self.edits(side).remove(edit), f"Remove Edit: {_quote(words)}")

    def _original_label(self, side: Side, entity: EntitySpan) -> str | None:
        entry = self._entry(side)
        raw = entry.raw if entry is not None else None
        found = [e for e in (raw.entities if raw else ()) if (e.start, e.end) == (entity.start, entity.end)]
        return found[0].label if found else entity.label

    # ------------------------------------------------------------------ context menu
    def _fill_menu(self, menu: QMenu, pane: "Pane", offset: int | None, selection: tuple[int, int] | None) -> None:
        side, edits, analysis = pane.side, self.edits(pane.side), pane.analysis
        if pane.document is None:
            return
        menu.addSeparator()
        if selection is not None:
            covered = edits.exclusions_at(*selection)
            whole = any(e.start <= selection[0] and selection[1] <= e.end for e in covered)
            if not whole:
                menu.addAction("Exclude from Analysis", lambda: self.exclude(side, *selection))
        where = selection if selection is not None else (offset, None) if offset is not None else None
        if where is not None and edits.exclusions_at(*where):
            menu.addAction("Include Again", lambda: self.include_again(side, *where))
        if offset is None or analysis is None:
            return
        for framing in _at(analysis.framing, offset)[:3]:
            menu.addAction(f"Not Loaded Here: {_quote(framing.text)}", partial(self.suppress, side, framing))
        for suppression in [s for s in edits.suppressions if s.start <= offset < s.end][:3]:
            words = pane.document.text[suppression.start:suppression.end]
            menu.addAction(f"Loaded Here Again: {_quote(words)}", partial(self.remove, side, suppression))
        entities = _at(analysis.entities, offset)
        removed = [c for c in edits.corrections if c.label is None and c.start <= offset < c.end]
        if entities or removed:
            self._label_menu(menu.addMenu("Correct Entity Label"), side, entities[0] if entities else None, removed)
        if entities:
            self._actor_menu(menu, side, entities[0])

    def _actor_menu(self, menu: QMenu, side: Side, entity: EntitySpan) -> None:
        """Merge this mention's actor into another one, or split its name off its actor."""
        compared = self.hooks.compared
        actors = compared.comparison.actors if compared is not None else ()
        actor = actor_for_mention(actors, side, entity.start, entity.end)
        if actor is None:
            return
        others = [a for a in actors if a is not actor][:MERGE_CHOICES]
        if others:
            merge = menu.addMenu(f"Merge {_quote(actor.name)} Into")
            merge.setToolTip("The same person, group or place named two ways: count them as one actor in both texts.")
            for other in others:
                merge.addAction(other.name, partial(self.merge_actor, side, entity.start, entity.end, other.name))
        if len(actor.aliases) > 1:
            menu.addAction(f"Split {_quote(entity.text)} Off {_quote(actor.name)}",
                           partial(self.split_actor, side, entity.start, entity.end))

    def _label_menu(self, menu: QMenu, side: Side, entity: EntitySpan | None, removed: list[LabelCorrection]) -> None:
        if entity is None:  # a mention the reader said is not an entity: offer it back
            correction = removed[0]
            document = self.panes[side].document
            words = document.text[correction.start:correction.end] if document else ""
            menu.addAction(f"Entity Again: {_quote(words)}", lambda: self.remove(side, correction))
            return
        original = self._original_label(side, entity)
        for label in LABEL_NAMES:
            action = menu.addAction(label_singular(label) + ("  — the model's choice" if label == original else ""),
                                    partial(self.correct_label, side, entity, label))
            action.setStatusTip(kind_tooltip(label))  # the code, for those who want it
            action.setCheckable(True)
            action.setChecked(label == entity.label)
        menu.addSeparator()
        menu.addAction("Not an Entity", lambda: self.correct_label(side, entity, None))

    # ------------------------------------------------------------------ showing the edits
    def _draw(self, side: Side) -> None:
        pane, edits = self.panes[side], self.edits(side)
        grey = QTextCharFormat()
        grey.setForeground(QColor(EXCLUDED_INK))
        grey.setFontItalic(True)
        pane.set_layer(EXCLUDED_LAYER, [(a, b, grey) for a, b in edits.excluded_ranges()], order=5)
        struck = QTextCharFormat()
        struck.setFontStrikeOut(True)
        pane.set_layer(SUPPRESSED_LAYER, [(s.start, s.end, struck) for s in edits.suppressions], order=6)

    def _describe(self, pane: "Pane", plain: Callable[[int], str], position: int) -> str:
        """The pane's tooltip, with what the reader's edits did at this place."""
        parts = [plain(position)]
        if pane.built is not None and pane.document is not None:
            offset = pane.built.offsets.to_core(position)
            edits, text = self.edits(pane.side), pane.document.text
            if edits.exclusions_at(offset):
                parts.append("<i>Excluded from the analysis by you: not highlighted, counted or compared "
                             "(right-click ▸ Include Again).</i>")
            for s in edits.suppressions:
                if s.start <= offset < s.end:
                    parts.append(f"<i>Not loaded here, you said: {html.escape(_quote(text[s.start:s.end]))} "
                                 "is not counted.</i>")
            for c in edits.corrections:
                if c.start <= offset < c.end:
                    was = self._original_label(pane.side, EntitySpan(c.start, c.end, "", text[c.start:c.end]))
                    now = "not an entity" if c.label is None else f"{label_singular(c.label)} ({c.label})"
                    parts.append(f"<i>Label corrected by you: {html.escape(now)}"
                                 + (f"; the model said {html.escape(label_singular(was))} ({html.escape(was)})" if was else "")
                                 + ".</i>")
            for a in edits.actors:
                if a.start <= offset < a.end:
                    parts.append(f"<i>You merged this actor into {html.escape(_quote(a.into))}.</i>"
                                 if isinstance(a, ActorMerge) else
                                 "<i>You split this name off its actor: it is counted on its own.</i>")
        return "<hr>".join(p for p in parts if p)

    def rows(self) -> list[EditRow]:
        """Every edit of both texts, as the Edits tab lists them."""
        rows: list[EditRow] = []
        for side in SIDES:
            document = self.panes[side].document
            if document is None:
                continue
            for edit in self.edits(side).items():
                words = _quote(document.text[edit.start:edit.end])
                if isinstance(edit, Exclusion):
                    kind = "Excluded from analysis"
                elif isinstance(edit, Suppression):
                    kind = "Not loaded here"
                elif isinstance(edit, ActorMerge):
                    kind = f"Actor merged into {edit.into}"
                elif isinstance(edit, ActorSplit):
                    kind = "Name split off its actor"
                else:
                    kind = "Not an entity" if edit.label is None else f"Kind: {label_singular(edit.label)}"
                rows.append(EditRow(side, edit, kind, words))
        return rows

    def _show_list(self) -> None:
        self.view.show_rows(self.rows())
