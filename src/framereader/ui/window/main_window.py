"""The main window: it lays out two reading panes, the legend and the comparison dock, builds
the menus from the action table and connects signals. The work is done by small objects:

`VisibilityModel` (what is shown; legend, menus, panes and Settings follow it), `MentionNavigator`
and `MentionMarker` (marked mentions, F3), `DocumentsController` (open, paste, drop, recent, swap,
close, lessons), `ComparisonController` (comparison, exports, print), `ViewController` (zoom, sync,
theme, presenter), `ModelController` (pipeline, lexicons), `MessageSink`, `ProgressIndicator`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QUndoStack
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QSplitter

from ...core.lexicons.library import LexiconLibrary
from ...core.model import SIDES, Analysis, ModelInfo, Side
from ...core.platform.settings import Settings, load_settings, save_settings
from ..base import styles
from ..comparison.alignment_layer import AlignmentLayer
from ..base.commands import Declared, Feature, Handler, bind_undo_actions, build_actions, build_menus, collect
from ..base.hooks import WindowHooks
from ..handout.exports import HandoutExports
from .commands import WINDOW_COMMANDS, fill_highlight_menu
from .menus import MENU_LAYOUT
from ..classroom.caption_bar import CaptionController
from ..comparison.panel import ComparisonPanel
from ..base.context import WindowContext
from ..comparison.controller import ComparisonController
from ..documents.identity import DocumentIdentity
from ..documents.controller import DocumentsController
from ..edits.controller import EditsController
from ..classroom.exercise import ExerciseMode
from ..reading.highlighter import StyleBook
from ..legend.panel import Legend
from ..lexicons.lesson_lexicons import LessonLexicons
from ..lexicons.mark_loaded import MarkLoaded
from ..comparison.mentions import MentionMarker, MentionNavigator
from ..base.messages import MessageSink
from ..lexicons.model_controller import ModelController
from ..reading.pane import Pane
from ..comparison.passive_layer import PassiveLayer
from ..comparison.quoted import QuotedCounting
from .about import freeze_long_lived_objects, show_about
from .progress import ProgressIndicator
from ..classroom.reveal import RevealController
from ..reading.sync import ScrollLinker
from ..reading.view_controller import ViewController
from ..base.visibility import VisibilityModel, visibility_from_lists
from .layout import restore_layout, save_layout, scrolling
from ..base.worker import AnalysisService, EngineFactory, EngineLike

class MainWindow(QMainWindow):
    """Two panes side by side, a legend and a comparison dock."""

    COMMANDS: tuple[Declared, ...] = WINDOW_COMMANDS

    def __init__(self, *, model: str | None = None, engine: EngineLike | None = None,
                 engine_factory: EngineFactory | None = None, settings: Settings | None = None,
                 persist: bool = True) -> None:
        super().__init__()
        self.persist = persist  # False: never write the settings file (screenshots, tests)
        settings_warning = None
        if settings is None:
            settings, settings_warning = load_settings()
        self.settings = settings
        self.library = LexiconLibrary(settings)
        self.book = StyleBook()
        self.messages = MessageSink(self, self.statusBar())
        self.visibility = VisibilityModel(
            visibility_from_lists(settings.highlights_on, settings.hidden_labels, settings.hidden_categories), self)
        self.marks = MentionNavigator(self)
        self._closed = False

        self.setWindowTitle("FrameReader")
        styles.apply_theme(settings.theme)
        self.setStyleSheet(styles.APP_STYLESHEET)
        self.pane = {side: Pane(side) for side in SIDES}
        self.panes = (self.pane["left"], self.pane["right"])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(1)
        for pane in self.panes:
            pane.scale = settings.zoom
            self.splitter.addWidget(pane)
        self.linker = ScrollLinker(self.panes[0].view.verticalScrollBar(), self.panes[1].view.verticalScrollBar(), self)

        self.legend = Legend()
        self.legend_dock = self._dock("Legend", "LegendDock", self.legend, Qt.DockWidgetArea.RightDockWidgetArea)
        self.legend_dock.setMinimumWidth(300)
        self.comparison_panel = ComparisonPanel()
        self.comparison_dock = self._dock("Comparison", "ComparisonDock", scrolling(self.comparison_panel),
                                          Qt.DockWidgetArea.BottomDockWidgetArea)  # small on first start, scrolls

        self.service = AnalysisService(engine_factory, engine, self)
        self.undo = QUndoStack(self)  # edits of the highlights (right-click edits, exclusions)
        self.hooks = WindowHooks(self)  # where features meet without importing each other
        self.context = context = WindowContext(self, self.pane, settings, self.messages, self.service,
                                               self.save_settings, self.undo, self.hooks)
        self.view = ViewController(context, self.linker, (self.legend_dock, self.comparison_dock))
        self.documents = DocumentsController(context, self.visibility, self.view)
        self.compare = ComparisonController(context, self.comparison_panel, self.category_order)
        self.exports = HandoutExports(context, self.visibility)  # File ▸ Export…, Print…
        self.models = ModelController(context, self.library, self.view)
        self.lesson_lexicons = LessonLexicons(context, self.models)
        self.mark_loaded = MarkLoaded(context, self.models)  # right-click ▸ Mark as Loaded…
        self.reveal = RevealController(context, self.visibility, lambda: self.book)
        self.identity = DocumentIdentity(context, lambda: self.documents.focused)  # Edit Title and Author
        self.edits = EditsController(context)
        self.comparison_panel.add_tab(self.edits.view, "Edits")
        self.caption = CaptionController(context, self.visibility, self.view, lambda: self.book, self.splitter)
        self.setCentralWidget(self.caption.central)  # the panes, and presenter mode's caption under them
        self.exercise = ExerciseMode(context, self.visibility, lambda: self.book)
        self.marker = MentionMarker(self.marks, self.pane, self.linker, self.messages, lambda: self.compare.comparison,
                                    self._on_focused, self)
        self.passages = AlignmentLayer(context, self.compare, self.visibility, self.view, lambda: self.documents.focused,
                                       self._on_focused)
        self.passives = PassiveLayer(context, self.compare, self.visibility, self.view)
        self.quoted = QuotedCounting(context, self.compare)  # View ▸ Count Quoted Words Too
        self.status = ProgressIndicator(self.statusBar(), self.service, self.panes)
        # every feature declares its commands in its own folder; the window only collects them
        features: tuple[Feature, ...] = (self, self.documents, self.identity, self.exports, self.models, self.view,
                                         self.passages, self.passives, self.quoted, self.marker, self.reveal,
                                         self.exercise)
        declared, handlers, fillers = collect(features)
        self.commands: dict[str, QAction] = build_actions(self, declared, handlers)  # by id
        for layer in (self.passages, self.passives):
            layer.bind_actions(self.commands)  # tick their View entries from the settings
        self.quoted.bind_actions(self.commands)
        self.legend.layers.set_rows([*self.passages.legend_rows(), *self.passives.legend_rows()])
        self.menus = build_menus(self.menuBar(), MENU_LAYOUT, declared, self.commands,
                                 lambda name, menu: fillers[name].fill_submenu(name, menu, self.commands))  # type: ignore[attr-defined]
        self.theme_actions = self.view.theme_actions
        self._legend_later = QTimer(self)  # coalesces legend refreshes after analyses arrive
        self._legend_later.setSingleShot(True)
        self._legend_later.timeout.connect(self._refresh_legend)
        self.quoted.changed.connect(self._refresh_legend)
        self._connect()
        self._show_visibility()
        self._show_view_state()
        self._refresh_legend()

        self.status.busy("Loading the language model…")
        self.models.start(model)
        restore_layout(self, settings, self.splitter, self.comparison_dock)
        if settings_warning:
            self.messages.status(settings_warning, 15000)

    # ------------------------------------------------------------------ building
    def _dock(self, title: str, name: str, widget: object, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)  # type: ignore[arg-type]
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(area, dock)
        return dock

    def handlers(self) -> Mapping[str, Handler]:
        """The window's own commands (`window.commands`)."""
        return {"quit": self.close, "undo": self.undo.undo, "redo": self.undo.redo,
                "highlights": self.visibility.set_all, "clear_marks": self.escape, "legend": self.show_legend,
                "about": lambda: show_about(self)}

    def fill_submenu(self, name: str, menu: QMenu, _actions: Mapping[str, QAction]) -> None:
        if name == "highlights_for":
            menu.aboutToShow.connect(lambda: fill_highlight_menu(menu, self.visibility, self.book))
        elif name == "docks":
            menu.addActions([self.legend_dock.toggleViewAction(), self.comparison_dock.toggleViewAction()])

    def _connect(self) -> None:
        for pane in self.panes:
            pane.open_requested.connect(self.documents.open_dialog)
            pane.files_dropped.connect(self.documents.open_dropped)
            pane.entity_clicked.connect(self.exercise.outside(self.marker.entity_clicked))
            pane.focused.connect(self._on_focused)
            pane.highlighted.connect(lambda _side: self.status.update())
            # the legend counts what the panes show: an analysis that arrived while the text was
            # still being built (a cache hit, a swap) is only shown when the build ends
            pane.analysis_shown.connect(lambda _side: self._legend_later.start())  # its own event-loop turn
        self.legend.label_toggled.connect(self.visibility.set_label_visible)
        self.legend.category_toggled.connect(self.visibility.set_category_visible)
        self.legend.all_toggled.connect(self.visibility.set_all)
        self.visibility.changed.connect(self._show_visibility)
        self.view.changed.connect(self._show_view_state)
        self.view.theme_changed.connect(self._restyle_all)
        self.documents.about_to_change.connect(self.marks.clear)
        self.documents.changed.connect(self._on_document_changed)
        self.identity.renamed.connect(lambda _side: self._update_title())  # a rename: new names, same analysis
        self.identity.renamed.connect(lambda _side: self.compare.show_names())
        self.comparison_panel.actor_activated.connect(self.marker.actor_activated)
        for jump in (self.comparison_panel.evidence_activated, self.comparison_panel.verb_activated,
                     self.comparison_panel.passage_activated):
            jump.connect(lambda side, s, e: self.pane[side].select_span(s, e))
        self.service.pipeline_ready.connect(self._on_pipeline_ready)
        self.service.lexicons_ready.connect(self._on_lexicons_ready)
        self.service.progress.connect(self.status.progress)
        self.service.analysis_ready.connect(self._on_analysis_ready)
        self.service.failed.connect(self._on_failed)
        bind_undo_actions(self.commands, self.undo)

    # ------------------------------------------------------------------ state shown
    def _show_visibility(self) -> None:
        """The visibility model changed: panes, legend, the master action and Settings follow."""
        value = self.visibility.value
        for pane in self.panes:
            pane.set_style(self.book, value)
        self.legend.show_visibility(value, self.visibility.showing_any)
        self.commands["highlights"].setChecked(self.visibility.showing_any)
        self.settings.highlights_on = value.enabled
        if set(self.settings.hidden_labels) != value.hidden_labels:
            self.settings.hidden_labels = sorted(value.hidden_labels)
        if set(self.settings.hidden_categories) != value.hidden_categories:
            self.settings.hidden_categories = sorted(value.hidden_categories)
        self.status.update()

    def _show_view_state(self) -> None:
        self.commands["sync"].setChecked(self.settings.sync_scrolling)
        self.commands["presenter"].setChecked(self.view.presenting)

    def _restyle_all(self) -> None:
        """New theme: styles rebuilt from the stored analyses (nothing analysed again)."""
        self.book = StyleBook.from_lexicons(self.service.lexicons)
        for pane in self.panes:
            pane.book = self.book
            pane.rebuild()
            pane.set_style(self.book, self.visibility.value)
            pane.ruler.update()
        self.comparison_panel.chart.update()
        self._refresh_legend()

    def category_order(self) -> list[str]:
        """Framing category ids in legend (lexicon) order."""
        return [info.id for info in sorted(self.book.categories.values(), key=lambda c: c.index)]

    def _labels(self) -> list[str]:
        totals: Counter[str] = Counter()
        for pane in self.panes:
            if pane.analysis is not None:
                totals.update(pane.analysis.entity_counts)
        return [label for label, _ in sorted(totals.items(), key=lambda item: (-item[1], item[0]))]

    def _refresh_legend(self) -> None:
        self.visibility.set_known(self._labels(), self.category_order())

        def counts(kind: str) -> tuple[dict[str, int], dict[str, int]]:
            left, right = (dict(getattr(p.analysis, kind)) if p.analysis else {} for p in self.panes)
            return left, right

        everything = self.settings.count_quoted  # framing: the writer's own words unless quoted ones count too
        framing = tuple(p.analysis.counts(everything) if p.analysis else {} for p in self.panes)
        quoted = tuple(sum(p.analysis.quoted_counts.values()) if p.analysis else 0 for p in self.panes)
        self.legend.populate(self.book, list(self.visibility.known_labels), counts("entity_counts"),
                             (framing[0], framing[1]), self.visibility.value.hidden_labels,
                             self.visibility.value.hidden_categories)
        self.legend.show_quoted((quoted[0], quoted[1]), everything)
        self.legend.show_visibility(self.visibility.value, self.visibility.showing_any)
        self.commands["highlights"].setChecked(self.visibility.showing_any)

    def _on_focused(self, side: Side) -> None:
        self.documents.focused = side

    def escape(self) -> None:
        """Esc: leave presenter mode, else the exercise, else clear the marked mentions."""
        if self.view.presenting:
            self.view.set_presenting(False)
        elif self.exercise.active:
            self.exercise.set_active(False)
        elif self.marks.clear():
            self.messages.clear_status()

    # ------------------------------------------------------------------ analysis results
    def _on_document_changed(self, side: Side) -> None:
        self.pane[side].set_language_note(self.models.language_note(self.pane[side].document))
        self._update_title()
        self._refresh_legend()
        self.status.update()

    def _on_pipeline_ready(self, info: ModelInfo, lexicons: tuple, note: str | None) -> None:
        freeze_long_lived_objects()
        for pane in self.panes:
            pane.model_name = info.name
        self.models.pipeline_loaded()
        for pane in self.panes:
            pane.set_language_note(self.models.language_note(pane.document))
        self._on_lexicons_ready(lexicons, note, model_note=info.note)

    def _on_lexicons_ready(self, lexicons: tuple, note: str | None, model_note: str | None = None) -> None:
        if self.models.reanalyse_when_ready:
            self.models.reanalyse_when_ready = False
            for pane in self.panes:
                if pane.document is not None:
                    pane.analysis = None
                    self.service.analyze(pane.side, pane.document, want_descriptors=True)
            self.compare.forget_all()
        self.book = StyleBook.from_lexicons(lexicons)
        for pane in self.panes:
            pane.book = self.book
            pane.set_status("analysing…" if pane.document is not None and pane.analysis is None else "")
            if pane.analysis is not None:
                pane.set_style(self.book, self.visibility.value)
        self._refresh_legend()
        self.status.update()
        notes = [n for n in (model_note, note) if n]
        if notes:
            self.messages.status(" ".join(notes), 15000)

    def _on_analysis_ready(self, side: Side, analysis: Analysis) -> None:
        pane = self.pane[side]
        pane.book, pane.visibility = self.book, self.visibility.value
        pane.set_analysis(self.edits.apply(side, analysis))  # with the reader's edits; the legend follows
        self.status.update()

    def _on_failed(self, side: Side | None, message: str) -> None:
        if side is None:
            self.status.busy("")
            # before a model is ready the failure is the model's; afterwards, lexicons or comparison
            title = "The analysis could not be updated" if self.service.ready else "The language model could not be loaded"
            self.messages.error(title, message)
        else:
            self.pane[side].set_status("not analysed")
            self.messages.error("The text could not be analysed", message)
        self.status.update()

    # ------------------------------------------------------------------ small commands
    def open_path(self, side: int | Side, path: str) -> bool:
        """Open `path` in a pane (0 or "left", 1 or "right")."""
        return self.documents.open_path(SIDES[side] if isinstance(side, int) else side, path)

    def show_legend(self) -> None:
        self.legend_dock.show()
        self.legend_dock.raise_()

    # ------------------------------------------------------------------ window state
    def _update_title(self) -> None:
        if not any(p.document for p in self.panes):
            self.setWindowTitle("FrameReader")
            return
        names = [p.title or "—" for p in self.panes]
        self.setWindowTitle(f"{names[0]} ↔ {names[1]} — FrameReader")

    def save_settings(self) -> None:
        if not self.persist:
            return
        try:
            save_settings(self.settings)
        except OSError as exc:
            self.messages.status(f"Settings could not be saved: {exc}", 8000)

    def shutdown(self) -> None:
        """Stop the worker thread and save settings (idempotent)."""
        if self._closed:
            return
        self._closed = True
        self.view.set_presenting(False)  # the docks and the zoom are remembered as they are at the desk
        self.exercise.set_active(False)  # the view as before the exercise is what is remembered
        for pane in self.panes:
            pane.highlighter.stop()
        self.service.shutdown()
        save_layout(self, self.settings, self.splitter)
        self.save_settings()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def analysed(self) -> bool:
        """True when every open text is analysed and fully highlighted."""
        return all(p.settled for p in self.panes if p.document is not None) and not self._legend_later.isActive() and not any(
            self.service.busy(p.side) for p in self.panes)
