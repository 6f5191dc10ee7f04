"""The main window: two linked reading panes, the legend, menus, status bar and analysis wiring."""

from __future__ import annotations

import gc

import base64
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
)

from .. import __version__
from ..core.compare import Actor, Comparison
from ..core.documents import document_from_text, load_document
from ..core.errors import FrameReaderError
from ..core.export import categories_meta, export_html, export_json
from ..core.labels import same_name_key
from ..core.model import Analysis, Document, EntitySpan, ModelInfo
from ..core.lexicons.format import lexicons_for_language
from ..core.lexicons.library import BUNDLED, LexiconLibrary
from ..core.settings import ZOOM_MAX, ZOOM_MIN, Settings, load_settings, save_settings
from . import styles
from .compare_view import ComparisonPanel
from .handout_pdf import export_pdf
from .highlighter import StyleBook, Visibility
from .legend import Legend
from .pane import SIDE_NAMES, Pane
from .sync import ScrollLinker
from .worker import NO_PANE, AnalysisService, EngineLike

FILE_FILTER = "Texts (*.txt *.md *.markdown *.text *.framereader);;All files (*)"
ZOOM_STEP = 1.1
Mention = tuple[int, int, int]  # (side, start, end) in core offsets


def _shortcuts(standard: QKeySequence.StandardKey, *extra: str) -> list[QKeySequence]:
    """The platform's bindings for `standard` plus `extra` ones (deduplicated)."""
    keys = list(QKeySequence.keyBindings(standard))
    for text in extra:
        key = QKeySequence(text)
        if key not in keys:
            keys.append(key)
    return keys



PRESENTER_ZOOM = 1.6  # presenter mode's text size, relative to the normal reading size


def _freeze_long_lived_objects() -> None:
    """Once the model is loaded, move everything alive (the pipeline's many Python objects) out
    of the cyclic GC's reach, so the full collections that the worker's allocations trigger
    (holding the GIL, so the GUI thread waits) have less to walk. Collect first, and do it only
    here: frozen cyclic garbage would never be freed. Unfreezing first lets a replaced pipeline's
    cycles be collected when the model is switched."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class MainWindow(QMainWindow):
    """Two panes side by side; every user action is a QAction attribute."""

    def __init__(
        self,
        *,
        model: str | None = None,
        engine: EngineLike | None = None,
        engine_factory: Callable[[str | None], EngineLike] | None = None,
        settings: Settings | None = None,
        persist: bool = True,
    ) -> None:
        super().__init__()
        self.persist = persist  # False: never write the settings file (screenshots, tests)
        settings_warning = None
        if settings is None:
            settings, settings_warning = load_settings()
        self.settings = settings
        self.library = LexiconLibrary(settings)
        self.lexicons_dialog = None  # created on first use
        self.book = StyleBook()
        self.visibility = Visibility(
            settings.highlights_on, frozenset(settings.hidden_labels), frozenset(settings.hidden_categories)
        )
        self.mentions: list[Mention] = []
        self.mention_index: int | None = None
        self.mention_title = ""
        self.focused_side = 0
        self._closed = False
        self._fractions: dict[int, float] = {}  # analysis progress per pane

        self.setWindowTitle("FrameReader")
        styles.apply_theme(settings.theme)
        self.setStyleSheet(styles.APP_STYLESHEET)
        self.panes = (Pane(0), Pane(1))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(1)
        for pane in self.panes:
            pane.scale = settings.zoom
            self.splitter.addWidget(pane)
            pane.open_requested.connect(self.open_dialog)
            pane.files_dropped.connect(self._on_files_dropped)
            pane.entity_clicked.connect(self._on_entity_clicked)
            pane.focused.connect(self._on_focused)
            pane.highlighted.connect(self._on_pane_highlighted)
        self.setCentralWidget(self.splitter)
        self.linker = ScrollLinker(self.panes[0].view.verticalScrollBar(), self.panes[1].view.verticalScrollBar(), self)
        self.linker.enabled = settings.sync_scrolling

        self.legend = Legend()
        self.legend.label_toggled.connect(lambda label, on: self.set_label_visible(label, on))
        self.legend.category_toggled.connect(lambda cat, on: self.set_category_visible(cat, on))
        self.legend.all_toggled.connect(self.set_highlights_enabled)
        self.legend_dock = QDockWidget("Legend", self)
        self.legend_dock.setObjectName("LegendDock")
        self.legend_dock.setWidget(self.legend)
        self.legend_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.legend_dock.setMinimumWidth(300)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.legend_dock)

        self.comparison: Comparison | None = None
        self.presenting = False
        self._before_presenting: dict = {}
        self._described: dict[int, Analysis] = {}  # analyses with descriptors, per pane
        self._compare_token = 0  # the newest comparison request; older results are dropped
        self.comparison_panel = ComparisonPanel()
        self.comparison_panel.actor_activated.connect(self._on_actor_activated)
        self.comparison_panel.evidence_activated.connect(self._on_evidence_activated)
        self.comparison_dock = QDockWidget("Comparison", self)
        self.comparison_dock.setObjectName("ComparisonDock")
        self.comparison_dock.setWidget(self.comparison_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.comparison_dock)
        self.resizeDocks([self.comparison_dock], [230], Qt.Orientation.Vertical)  # reading comes first

        self._build_status_bar()
        self._build_actions()
        self._build_menus()
        self._refresh_legend()

        self.service = AnalysisService(engine_factory, engine, self)
        self.service.pipeline_ready.connect(self._on_pipeline_ready)
        self.service.progress.connect(self._on_progress)
        self.service.analysis_ready.connect(self._on_analysis_ready)
        self.service.descriptors_ready.connect(self._on_descriptors_ready)
        self.service.comparison_ready.connect(self._on_comparison_ready)
        self.service.failed.connect(self._on_failed)
        self._set_busy("Loading the language model…")
        self._reanalyse_when_ready = False
        self.service.load_pipeline(model or settings.pipeline or None)
        if not self.library.is_default():
            self.service.set_lexicons(self.library.enabled_paths())

        self._restore_geometry()
        if settings_warning:
            self.statusBar().showMessage(settings_warning, 15000)

    # ------------------------------------------------------------------ building
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setFont(styles.ui_font(9.5))
        self.status_label = QLabel("")
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(180)
        self.progress_bar.setMaximumHeight(14)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.hide()
        bar.addPermanentWidget(self.status_label)
        bar.addPermanentWidget(self.progress_bar)

    def _action(self, text: str, slot: Callable[..., object], shortcuts: list[QKeySequence] | None = None,
                tip: str = "", checkable: bool = False, checked: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts(shortcuts)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        if checkable:
            action.setCheckable(True)
            action.setChecked(checked)
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)  # shortcuts work even while menus are hidden
        return action

    def _build_actions(self) -> None:
        S = QKeySequence.StandardKey  # noqa: N806
        self.open_left_action = self._action("Open &Left…", lambda: self.open_dialog(0),
                                             _shortcuts(S.Open, "Ctrl+O"), "Open a text in the left pane")
        self.open_right_action = self._action("Open &Right…", lambda: self.open_dialog(1),
                                              [QKeySequence("Ctrl+Shift+O")], "Open a text in the right pane")
        self.paste_left_action = self._action("Paste as Left Document", lambda: self.paste(0),
                                              tip="Use the text on the clipboard as the left document")
        self.paste_right_action = self._action("Paste as Right Document", lambda: self.paste(1),
                                               tip="Use the text on the clipboard as the right document")
        self.swap_action = self._action("S&wap Panes", self.swap_panes, [QKeySequence("Ctrl+Shift+S")])
        self.close_action = self._action("&Close", self.close_focused_pane, _shortcuts(S.Close, "Ctrl+W"),
                                         "Close the text in the focused pane")
        self.quit_action = self._action("&Quit", self.close, _shortcuts(S.Quit, "Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.zoom_in_action = self._action("Zoom &In", self.zoom_in, _shortcuts(S.ZoomIn, "Ctrl+="))
        self.zoom_out_action = self._action("Zoom &Out", self.zoom_out, _shortcuts(S.ZoomOut))
        self.zoom_reset_action = self._action("&Reset Zoom", self.zoom_reset, [QKeySequence("Ctrl+0")])
        self.sync_action = self._action("&Sync Scrolling", self.set_sync, tip="Scroll both texts together",
                                        checkable=True, checked=self.settings.sync_scrolling)
        self.highlights_action = self._action("All &Highlights", self.set_highlights_enabled,
                                              [QKeySequence("Ctrl+H")], "Show or hide every highlight",
                                              checkable=True, checked=self.visibility.enabled)
        self.next_mention_action = self._action("Next Mention", self.next_mention, _shortcuts(S.FindNext, "F3"),
                                                "Go to the next mention of the marked name")
        self.previous_mention_action = self._action("Previous Mention", self.previous_mention,
                                                    _shortcuts(S.FindPrevious, "Shift+F3"),
                                                    "Go to the previous mention of the marked name")
        self.clear_marks_action = self._action("Clear Marked Mentions", self.clear_marks, [QKeySequence("Esc")])
        self.about_action = self._action("&About FrameReader", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.legend_action = self._action("&Legend", self.show_legend, tip="Show the colour legend")
        self.save_session_action = self._action("&Save Comparison…", self.save_session_dialog,
                                                _shortcuts(QKeySequence.StandardKey.Save, "Ctrl+S"),
                                                "Save both texts and the view as a .framereader lesson file")
        self.presenter_action = self._action("&Presenter Mode", self.set_presenter_mode, [QKeySequence("F11")],
                                             "Large type, no chrome: for the projector (F11 again to leave)",
                                             checkable=True, checked=False)
        self.hide_for_reading_action = self._action("Hide All for &Reading", self.hide_all_for_reading,
                                                    [QKeySequence("Ctrl+Shift+H")],
                                                    "Read first: hide every highlight, then reveal one at a time")
        self.reveal_next_action = self._action("Reveal &Next Category", self.reveal_next, [QKeySequence("Ctrl+.")],
                                               "Reveal later: show the next framing category (then entity label)")
        self.lexicons_action = self._action("&Lexicons…", self.show_lexicons, [QKeySequence("Ctrl+Shift+L")],
                                            "Choose, edit, import and export framing lexicons")
        self.preferences_action = self._action("&Preferences…", self.show_preferences, _shortcuts(S.Preferences, "Ctrl+,"),
                                               "Language model, theme and scrolling")
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.export_action = self._action("&Export Comparison…", self.export_comparison, [QKeySequence("Ctrl+E")],
                                          "Save a printable HTML or PDF handout, or JSON for research")

    def _build_menus(self) -> None:
        menus = self.menuBar()
        file_menu = menus.addMenu("&File")
        file_menu.addAction(self.open_left_action)
        file_menu.addAction(self.open_right_action)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        file_menu.addSeparator()
        file_menu.addAction(self.paste_left_action)
        file_menu.addAction(self.paste_right_action)
        file_menu.addSeparator()
        file_menu.addAction(self.swap_action)
        file_menu.addAction(self.close_action)
        file_menu.addAction(self.save_session_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.preferences_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        view = menus.addMenu("&View")
        view.addAction(self.zoom_in_action)
        view.addAction(self.zoom_out_action)
        view.addAction(self.zoom_reset_action)
        view.addSeparator()
        view.addAction(self.sync_action)
        view.addSeparator()
        view.addAction(self.highlights_action)
        self.highlight_menu = view.addMenu("Show &Highlights For")
        self.highlight_menu.aboutToShow.connect(self._fill_highlight_menu)
        self._fill_highlight_menu()
        view.addSeparator()
        view.addAction(self.next_mention_action)
        view.addAction(self.previous_mention_action)
        view.addAction(self.clear_marks_action)
        view.addSeparator()
        view.addAction(self.legend_dock.toggleViewAction())
        view.addAction(self.comparison_dock.toggleViewAction())
        view.addAction(self.presenter_action)
        theme_menu = view.addMenu("&Theme")
        self.theme_actions: dict[str, QAction] = {}
        for key, label in styles.THEME_NAMES.items():
            action = theme_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(key == self.settings.theme)
            action.triggered.connect(lambda _checked=False, k=key: self.set_theme(k))
            self.theme_actions[key] = action
        view.addSeparator()
        view.addAction(self.hide_for_reading_action)
        view.addAction(self.reveal_next_action)

        analysis_menu = menus.addMenu("&Analysis")
        self.model_menu = analysis_menu.addMenu("Language &Model")
        self.model_menu.aboutToShow.connect(self._fill_model_menu)  # lazily: listing imports spaCy
        analysis_menu.addAction(self.lexicons_action)
        analysis_menu.addAction(self._action("Use Lexicon &File…", self.add_lexicon_dialog,
                                             tip="Use a lexicon (.frlex, word list or CSV) from where it is"))
        analysis_menu.addAction(self._action("&Bundled Lexicons Only", self.use_bundled_lexicons_only,
                                             tip="Switch off every lexicon but the bundled ones"))
        analysis_menu.addSeparator()
        analysis_menu.addAction(self.preferences_action)

        help_menu = menus.addMenu("&Help")
        help_menu.addAction(self.legend_action)
        help_menu.addAction(self.about_action)

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        for path in self.settings.recent_files:
            action = menu.addAction(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_path(self._recent_target(), p))
        if not self.settings.recent_files:
            menu.addAction("No recent files").setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction("Clear Recent Files", self._clear_recent)
        menu.setEnabled(True)

    def _clear_recent(self) -> None:
        self.settings.recent_files = []
        self._save_settings()

    def _fill_highlight_menu(self) -> None:
        """One checkable action per entity label and framing category."""
        menu = self.highlight_menu
        menu.clear()
        self.label_actions: dict[str, QAction] = {}
        self.category_actions: dict[str, QAction] = {}
        menu.addSection("Named entities")
        for label in self._labels():
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(label not in self.visibility.hidden_labels)
            action.toggled.connect(lambda on, name=label: self.set_label_visible(name, on))
            self.label_actions[label] = action
        menu.addSection("Framing language")
        for info in sorted(self.book.categories.values(), key=lambda c: c.index):
            action = menu.addAction(info.name)
            action.setCheckable(True)
            action.setChecked(info.id not in self.visibility.hidden_categories)
            action.toggled.connect(lambda on, name=info.id: self.set_category_visible(name, on))
            self.category_actions[info.id] = action

    # ------------------------------------------------------------------ opening
    def open_dialog(self, side: int) -> None:
        """Ask for a file and open it in pane `side`."""
        start = str(Path(self.settings.recent_files[0]).parent) if self.settings.recent_files else ""
        path, _ = QFileDialog.getOpenFileName(self, f"Open a text in the {SIDE_NAMES[side].lower()} pane", start, FILE_FILTER)
        if path:
            self.open_path(side, path)

    def open_path(self, side: int, path: str) -> bool:
        """Open `path` in pane `side`; a bad file shows an error and leaves the pane unchanged."""
        try:
            if str(path).endswith(".framereader"):
                return self._open_session(path)
            document = load_document(path)
        except FrameReaderError as exc:
            self.show_error("Cannot open the file", exc.message)
            return False
        self.set_document(side, document)
        self.settings.add_recent(str(Path(path).resolve()))
        self._save_settings()
        if document.note:
            self.statusBar().showMessage(f"{document.name}: {document.note}", 12000)
        return True

    def _open_session(self, path: str) -> bool:
        from ..core.session import load_session

        session = load_session(path)
        for side, document in enumerate((session.left, session.right)):
            if document is not None:
                self.set_document(side, document)
        self.visibility = Visibility(self.visibility.enabled, frozenset(session.hidden_labels),
                                     frozenset(session.hidden_categories))
        self._apply_visibility()
        view = session.view
        if isinstance(view.get("zoom"), (int, float)):
            self.set_zoom(float(view["zoom"]))
        if isinstance(view.get("sync"), bool):
            self.sync_action.setChecked(view["sync"])
        if isinstance(view.get("highlights"), bool):
            self.highlights_action.setChecked(view["highlights"])
        self.settings.add_recent(str(Path(path).resolve()))
        self._save_settings()
        return True

    def save_session_dialog(self) -> None:
        """File → Save Comparison…: a `.framereader` lesson file with both texts embedded."""
        if not any(pane.document for pane in self.panes):
            self.show_error("Nothing to save yet", "Open at least one text first.")
            return
        stem = " vs ".join(Path(p.title).stem for p in self.panes if p.document)
        path, _ = QFileDialog.getSaveFileName(self, "Save comparison", str(Path.home() / f"{stem}.framereader"),
                                              "FrameReader comparison (*.framereader)")
        if path:
            self.save_session(path if path.endswith(".framereader") else path + ".framereader")

    def save_session(self, path: str) -> bool:
        """Write both texts, the pipeline and the view to `path` (atomic)."""
        from ..core.session import Session, save_session

        session = Session(
            left=self.panes[0].document,
            right=self.panes[1].document,
            pipeline=self.service.model_info.name if self.service.model_info else None,
            lexicons=tuple(lex.id for lex in self.service.lexicons),
            hidden_labels=tuple(sorted(self.visibility.hidden_labels)),
            hidden_categories=tuple(sorted(self.visibility.hidden_categories)),
            view={"zoom": self.settings.zoom, "sync": self.sync_action.isChecked(),
                  "highlights": self.highlights_action.isChecked()},
        )
        try:
            save_session(path, session)
        except OSError as exc:
            self.show_error("Cannot save the comparison", f"{path}: {exc.strerror or exc}")
            return False
        self.settings.add_recent(str(Path(path).resolve()))
        self._save_settings()
        self.statusBar().showMessage(f"Saved {path}", 6000)
        return True

    def set_theme(self, choice: str) -> None:
        """Light, dark, high contrast or the system's: restyles the window and every highlight
        from the stored analyses (nothing is analysed again)."""
        self.settings.theme = choice if choice in styles.THEME_NAMES else "system"
        styles.apply_theme(self.settings.theme)
        self.setStyleSheet(styles.APP_STYLESHEET)
        self.book = StyleBook.from_lexicons(self.service.lexicons)
        for pane in self.panes:
            pane.book = self.book
            pane.rebuild()
            pane.set_style(self.book, self.visibility)
            pane.ruler.update()
        self.comparison_panel.chart.update()
        for key, action in self.theme_actions.items():
            action.setChecked(key == self.settings.theme)
        self._refresh_legend()
        self._save_settings()

    def set_presenter_mode(self, on: bool) -> None:
        """Large type and no chrome for the projector; the same shortcut (F11) brings it back."""
        if on == self.presenting:
            return
        self.presenting = on
        if on:
            self._before_presenting = {
                "zoom": self.settings.zoom,
                "docks": [dock.isVisible() for dock in (self.legend_dock, self.comparison_dock)],
                "maximised": self.isMaximized() or self.isFullScreen(),
            }
            for dock in (self.legend_dock, self.comparison_dock):
                dock.hide()
            self.menuBar().hide()
            self.statusBar().hide()
            for pane in self.panes:
                pane.header.setVisible(False)
            self.set_zoom(max(self.settings.zoom * PRESENTER_ZOOM, PRESENTER_ZOOM))
            if self.screen() is not None and self.isVisible() and QGuiApplication.platformName() != "offscreen":
                self.showFullScreen()
        else:
            before = self._before_presenting
            for dock, visible in zip((self.legend_dock, self.comparison_dock), before["docks"]):
                dock.setVisible(visible)
            self.menuBar().show()
            self.statusBar().show()
            for pane in self.panes:
                pane.header.setVisible(True)
            self.set_zoom(before["zoom"])
            if self.isFullScreen() and not before["maximised"]:
                self.showNormal()
        if self.presenter_action.isChecked() != on:
            self.presenter_action.setChecked(on)

    def paste(self, side: int) -> bool:
        """Use the clipboard's text as an untitled document in pane `side`."""
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.show_error("Nothing to paste", "The clipboard holds no text. Copy an article's text first.")
            return False
        self.set_document(side, document_from_text(text, source="clipboard"))
        return True

    def set_document(self, side: int, document: Document) -> None:
        """Show `document` in pane `side` at once and queue its analysis."""
        self.clear_marks()
        pane = self.panes[side]
        pane.set_document(document)
        self.service.analyze(side, document, want_descriptors=True)
        if not self.service.ready:
            pane.set_status("waiting for the language model…")
        self._described.pop(side, None)
        self._update_comparison()
        self._update_title()
        self._refresh_legend()

    def close_focused_pane(self) -> None:
        """Empty the pane that last had focus."""
        side = self.focused_side
        self.clear_marks()
        self.service.cancel(side)
        self.panes[side].clear()
        self._described.pop(side, None)
        self._update_comparison()
        self._update_title()
        self._refresh_legend()
        self._update_progress()

    def swap_panes(self) -> None:
        """Exchange the two texts (analyses move with them; nothing is re-analysed)."""
        self.clear_marks()
        described = {1 - side: analysis for side, analysis in self._described.items()}
        states = [(p.document, p.analysis) for p in self.panes]
        for side, (document, analysis) in enumerate(reversed(states)):
            pane = self.panes[side]
            self.service.cancel(side)
            if document is None:
                pane.clear()
                continue
            pane.set_document(document)
            if analysis is not None:
                pane.set_analysis(analysis)
            else:
                self.service.analyze(side, document, want_descriptors=True)
        self._described = described
        self._update_comparison()
        self._update_title()
        self._refresh_legend()

    def show_error(self, title: str, message: str) -> None:
        """Tell the user about a problem (tests monkeypatch this)."""
        QMessageBox.warning(self, title, message)

    def _on_files_dropped(self, side: int, paths: list) -> None:
        for offset, path in enumerate(paths[:2]):
            self.open_path((side + offset) % 2, path)

    def _recent_target(self) -> int:
        for pane in self.panes:
            if pane.document is None:
                return pane.side
        return self.focused_side

    # ------------------------------------------------------------------ analysis results
    # ------------------------------------------------------------------ model and lexicons
    def choose_pipeline(self, name: str) -> None:
        """Switch the spaCy pipeline ("" = best installed); open texts are analysed again."""
        self.settings.pipeline = name
        self._save_settings()
        self._reanalyse_when_ready = True
        self._set_busy("Loading the language model…")
        self.service.load_pipeline(name or None)
        if not self.library.is_default():
            self.service.set_lexicons(self.library.enabled_paths())

    def apply_lexicons(self) -> None:
        """Use the library's enabled lexicons: recompiled by the worker and the open texts
        highlighted again (the model is not reloaded). Called whenever the library changes."""
        self._save_settings()
        self._reanalyse_when_ready = True
        self.service.set_lexicons(self.library.enabled_paths())
        if self.lexicons_dialog is not None:
            self.lexicons_dialog.refresh_list()  # the change may come from the Analysis menu

    def set_extra_lexicons(self, paths: list[str]) -> None:
        """Use exactly these lexicon files from elsewhere (beside the bundled and your own)."""
        self.settings.extra_lexicons = []
        for path in paths:
            self.library.add_file(path)
        self.apply_lexicons()

    def use_bundled_lexicons_only(self) -> None:
        """Analysis → Bundled Lexicons Only: switch every other lexicon off."""
        for entry in self.library.entries():
            self.library.set_enabled(entry.key, entry.kind == BUNDLED)
        self.apply_lexicons()

    def add_lexicon_dialog(self) -> None:
        """Analysis → Use Lexicon File…: a .frlex lexicon, a word list or a CSV, used from where it is."""
        path, _ = QFileDialog.getOpenFileName(self, "Use a lexicon file", "",
                                              "Lexicons (*.frlex *.txt *.csv *.tsv);;All files (*)")
        if path:
            try:
                self.library.add_file(path)  # read now: a clear message here, not from the worker
            except FrameReaderError as exc:
                self.show_error("Cannot use this lexicon", exc.message)
                return
            self.apply_lexicons()

    def show_lexicons(self) -> None:
        """Analysis → Lexicons…: the lexicon manager and editor (one per window)."""
        from .lexicon_dialog import LexiconsDialog

        if self.lexicons_dialog is None:
            self.lexicons_dialog = LexiconsDialog(self.library, self)
            self.lexicons_dialog.changed.connect(self.apply_lexicons)
        else:
            self.lexicons_dialog.refresh_list()
        self.lexicons_dialog.show()
        self.lexicons_dialog.raise_()
        self.lexicons_dialog.activateWindow()

    def preferences_dialog(self):
        """A Preferences dialog filled from the settings, installed pipelines and enabled lexicons."""
        from ..core.nlp.pipeline import pipeline_choices
        from .preferences import PreferencesDialog

        by_language: dict[str, list[str]] = {}
        for entry in self.library.entries():
            if entry.enabled and entry.lexicon is not None:
                by_language.setdefault(entry.lexicon.language, []).append(entry.lexicon.name)
        info = self.service.model_info
        loaded = f"{info.name} {info.version} ({', '.join(info.components) or 'tokenizer only'} enabled)" if info else ""
        return PreferencesDialog(self.settings, pipeline_choices(), by_language, loaded, self)

    def apply_preferences(self, dialog) -> None:
        """Apply what the Preferences dialog chose (a new pipeline re-analyses in the background)."""
        if dialog.chosen_theme() != self.settings.theme:
            self.set_theme(dialog.chosen_theme())
        self.set_sync(dialog.chosen_sync())
        if dialog.chosen_pipeline() != self.settings.pipeline:
            self.choose_pipeline(dialog.chosen_pipeline())
        self._save_settings()

    def show_preferences(self) -> None:
        """File → Preferences…"""
        dialog = self.preferences_dialog()
        if dialog.exec():
            self.apply_preferences(dialog)

    def _fill_model_menu(self) -> None:
        from ..core.nlp.pipeline import pipeline_choices

        self.model_menu.clear()
        for choice in pipeline_choices():
            action = self.model_menu.addAction(choice.label)
            action.setCheckable(True)
            action.setChecked(choice.name == self.settings.pipeline)
            action.triggered.connect(lambda _checked=False, n=choice.name: self.choose_pipeline(n))
        self.model_menu.addSeparator()
        self.model_menu.addAction(self.preferences_action)

    def _on_pipeline_ready(self, info: ModelInfo, lexicons: tuple) -> None:
        _freeze_long_lived_objects()
        if self._reanalyse_when_ready:
            self._reanalyse_when_ready = False
            self._described.clear()
            for pane in self.panes:
                if pane.document is not None:
                    pane.analysis = None
                    self.service.analyze(pane.side, pane.document, want_descriptors=True)
            self._update_comparison()
        self.book = StyleBook.from_lexicons(lexicons)
        for pane in self.panes:
            pane.model_name = info.name
            pane.book = self.book
            if pane.document is not None and pane.analysis is None:
                pane.set_status("analysing…")
            else:
                pane.set_status("")
            if pane.analysis is not None:
                pane.set_style(self.book, self.visibility)
        self._refresh_legend()
        self._update_progress()
        enabled = [e.lexicon for e in self.library.entries() if e.enabled and e.lexicon is not None]
        notes = [note for note in (info.note, lexicons_for_language(enabled, info.lang)[1]) if note]
        if notes:
            self.statusBar().showMessage(" ".join(notes), 15000)

    def _on_progress(self, side: int, fraction: float) -> None:
        self._fractions[side] = fraction
        self.panes[side].set_status(f"analysing… {round(fraction * 100)} %")
        self._update_progress()

    def _on_analysis_ready(self, side: int, analysis: Analysis) -> None:
        pane = self.panes[side]
        pane.book, pane.visibility = self.book, self.visibility
        if pane.set_analysis(analysis):
            self._refresh_legend()
        self._update_progress()

    def _on_failed(self, side: int, message: str) -> None:
        if side == NO_PANE:
            self._set_busy("")
            # before a model is ready the failure is the model's; afterwards, lexicons or comparison
            title = "The analysis could not be updated" if self.service.ready else "The language model could not be loaded"
            self.show_error(title, message)
        else:
            self.panes[side].set_status("not analysed")
            self.show_error("The text could not be analysed", message)
        self._update_progress()

    def _on_pane_highlighted(self, _side: int) -> None:
        self._update_progress()

    def _set_busy(self, message: str) -> None:
        self.status_label.setText(message)
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setVisible(bool(message))

    def _update_progress(self) -> None:
        if not self.service.ready:
            return
        waiting = [p for p in self.panes if self.service.busy(p.side)]
        styling = [p for p in self.panes if p.highlighter.busy]
        for side in list(self._fractions):
            if not self.service.busy(side):
                del self._fractions[side]
        if waiting:
            self.status_label.setText("Analysing " + " and ".join(p.title for p in waiting) + "…")
            if self._fractions:
                self.progress_bar.setRange(0, 100)
                self.progress_bar.setValue(round(100 * sum(self._fractions.get(p.side, 0.0) for p in waiting) / len(waiting)))
            else:
                self.progress_bar.setRange(0, 0)
            self.progress_bar.show()
        elif styling:
            self.status_label.setText("Highlighting…")
            self.progress_bar.setRange(0, 0)
            self.progress_bar.show()
        else:
            info = self.service.model_info
            self.status_label.setText(f"Model: {info.name} {info.version}" if info else "")
            self.progress_bar.hide()

    # ------------------------------------------------------------------ visibility
    def _labels(self) -> list[str]:
        totals: Counter[str] = Counter()
        for pane in self.panes:
            if pane.analysis is not None:
                totals.update(pane.analysis.entity_counts)
        return [label for label, _ in sorted(totals.items(), key=lambda item: (-item[1], item[0]))]

    def _refresh_legend(self) -> None:
        def counts(kind: str) -> tuple[dict[str, int], dict[str, int]]:
            result = []
            for pane in self.panes:
                analysis = pane.analysis
                result.append(dict(getattr(analysis, kind)) if analysis is not None else {})
            return result[0], result[1]

        self.legend.populate(self.book, self._labels(), counts("entity_counts"), counts("framing_counts"),
                             self.visibility.hidden_labels, self.visibility.hidden_categories)
        self.legend.set_all(self.visibility.enabled)
        self._fill_highlight_menu()

    def set_label_visible(self, label: str, on: bool) -> None:
        """Show or hide one entity label's highlights (re-styles, no re-analysis)."""
        hidden = set(self.visibility.hidden_labels)
        hidden.discard(label) if on else hidden.add(label)
        self.visibility = Visibility(self.visibility.enabled, frozenset(hidden), self.visibility.hidden_categories)
        self.legend.set_checked("label", label, on)
        self._sync_action(getattr(self, "label_actions", {}).get(label), on)
        self._apply_visibility()

    def set_category_visible(self, category: str, on: bool) -> None:
        """Show or hide one framing category's highlights (re-styles, no re-analysis)."""
        hidden = set(self.visibility.hidden_categories)
        hidden.discard(category) if on else hidden.add(category)
        self.visibility = Visibility(self.visibility.enabled, self.visibility.hidden_labels, frozenset(hidden))
        self.legend.set_checked("category", category, on)
        self._sync_action(getattr(self, "category_actions", {}).get(category), on)
        self._apply_visibility()

    def _category_order(self) -> list[str]:
        return list(self._categories_meta())

    def hide_all_for_reading(self) -> None:
        """"Read first": hide every category and label, ready to reveal them one at a time."""
        self.visibility = Visibility(True, frozenset(self._labels()), frozenset(self._category_order()))
        for category in self._category_order():
            self.legend.set_checked("category", category, False)
            self._sync_action(getattr(self, "category_actions", {}).get(category), False)
        for label in self._labels():
            self.legend.set_checked("label", label, False)
            self._sync_action(getattr(self, "label_actions", {}).get(label), False)
        self.legend.set_all(True)
        self._sync_action(self.highlights_action, True)
        self._apply_visibility()
        self.statusBar().showMessage("All highlights hidden — Ctrl+. reveals the next category", 6000)

    def reveal_next(self) -> str | None:
        """"Reveal later": show the next hidden framing category (then entity label) in legend
        order; returns its id, or None when everything is visible."""
        if not self.visibility.enabled:
            self.set_highlights_enabled(True)
        for category in self._category_order():
            if category in self.visibility.hidden_categories:
                self.set_category_visible(category, True)
                name = next((c.name for lex in self.service.lexicons for c in lex.categories if c.id == category), category)
                self.statusBar().showMessage(f"Revealed: {name}", 6000)
                return category
        for label in self._labels():
            if label in self.visibility.hidden_labels:
                self.set_label_visible(label, True)
                self.statusBar().showMessage(f"Revealed: {label}", 6000)
                return label
        self.statusBar().showMessage("Every highlight is visible", 4000)
        return None

    def set_highlights_enabled(self, on: bool) -> None:
        """Turn every highlight on or off."""
        self.visibility = Visibility(on, self.visibility.hidden_labels, self.visibility.hidden_categories)
        self.legend.set_all(on)
        self._sync_action(self.highlights_action, on)
        self._apply_visibility()

    @staticmethod
    def _sync_action(action: QAction | None, on: bool) -> None:
        if action is not None and action.isChecked() != on:
            action.blockSignals(True)
            action.setChecked(on)
            action.blockSignals(False)

    def _apply_visibility(self) -> None:
        for pane in self.panes:
            pane.set_style(self.book, self.visibility)
        self.settings.highlights_on = self.visibility.enabled
        self.settings.hidden_labels = sorted(self.visibility.hidden_labels)
        self.settings.hidden_categories = sorted(self.visibility.hidden_categories)
        self._update_progress()

    # ------------------------------------------------------------------ view
    def set_zoom(self, zoom: float) -> None:
        """Set the text size factor for both panes."""
        zoom = min(ZOOM_MAX, max(ZOOM_MIN, zoom))
        self.settings.zoom = zoom
        for pane in self.panes:
            pane.set_scale(zoom)
        self.statusBar().showMessage(f"Zoom {round(zoom * 100)} %", 2000)

    def zoom_in(self) -> None:
        self.set_zoom(self.settings.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.settings.zoom / ZOOM_STEP)

    def zoom_reset(self) -> None:
        self.set_zoom(1.0)

    def set_sync(self, on: bool) -> None:
        """Turn synchronised scrolling on or off."""
        self.settings.sync_scrolling = on
        self.linker.set_enabled(on)
        self._sync_action(self.sync_action, on)

    def show_legend(self) -> None:
        self.legend_dock.show()
        self.legend_dock.raise_()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About FrameReader",
            f"<h3>FrameReader {__version__}</h3>"
            "<p>Read two articles side by side and see how each one frames the same events: "
            "named entities are tinted by type and loaded framing language is underlined by category.</p>"
            "<p>Everything runs on this computer; no text leaves it.</p>"
            "<p>A highlighted word is worth a second look, not proof of bias.</p>",
        )

    # ------------------------------------------------------------------ mentions
    def _on_focused(self, side: int) -> None:
        self.focused_side = side

    def _on_entity_clicked(self, side: int, entity: EntitySpan) -> None:
        key = same_name_key(entity.text)
        spans = []
        for pane in self.panes:
            analysis = pane.analysis
            found = [(e.start, e.end) for e in analysis.entities if same_name_key(e.text) == key] if analysis else []
            spans.append(sorted(set(found)))
        title = entity.text.strip()
        for suffix in ("'s", "\u2019s"):
            title = title.removesuffix(suffix)
        self.mark_actor(spans[0], spans[1], title)
        if (side, entity.start, entity.end) in self.mentions:
            self.mention_index = self.mentions.index((side, entity.start, entity.end))
            self._show_marks()

    # ------------------------------------------------------------------ comparison
    def _on_descriptors_ready(self, side: int, analysis: Analysis) -> None:
        self._described[side] = analysis
        self._update_comparison()

    def _categories_meta(self) -> dict[str, dict[str, str]]:
        return categories_meta(self.service.lexicons)

    def _update_comparison(self) -> None:
        """Compare the two texts once both carry descriptors (compare itself is quick)."""
        documents = [pane.document for pane in self.panes]
        left, right = self._described.get(0), self._described.get(1)
        self.comparison = None
        self._compare_token = 0
        if (left and right and documents[0] and documents[1]
                and left.text == documents[0].text and right.text == documents[1].text):
            self._compare_token = self.service.compare(left, right, self._category_order())
        waiting = all(documents)
        self.comparison_panel.clear("Comparing the two texts…" if waiting else "Open two texts to compare them.")

    def _on_comparison_ready(self, token: int, comparison: Comparison) -> None:
        if token != self._compare_token:
            return  # a text changed while this comparison was being made
        self.comparison = comparison
        self.comparison_panel.set_comparison(comparison, self._categories_meta(), self.panes[0].title, self.panes[1].title)

    def _on_actor_activated(self, actor: Actor) -> None:
        self.mark_actor(list(actor.left.mentions), list(actor.right.mentions), actor.name)
        self.next_mention()

    def _on_evidence_activated(self, side: str, start: int, end: int) -> None:
        """Select and show the sentence (core offsets) that holds a descriptor."""
        pane = self.panes[0 if side == "left" else 1]
        if pane.built is None:
            return
        qt_start, qt_end = pane.built.offsets.span_to_qt(start, end)
        cursor = QTextCursor(pane.view.document())
        cursor.setPosition(qt_start)
        cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
        pane.view.setTextCursor(cursor)
        pane.scroll_to(qt_start)

    def export_comparison(self) -> None:
        """File → Export Comparison…: choose HTML, PDF or JSON."""
        if self.comparison is None:
            self.show_error("Nothing to export yet", "Open two texts and wait until both are analysed and compared.")
            return
        suggested = f"{Path(self.panes[0].title).stem} vs {Path(self.panes[1].title).stem}.html"
        path, chosen = QFileDialog.getSaveFileName(
            self, "Export comparison", str(Path.home() / suggested),
            "HTML handout (*.html);;PDF handout (*.pdf);;JSON for research (*.json)",
        )
        if path:
            if not Path(path).suffix:
                path += ".pdf" if "PDF" in chosen else ".json" if "JSON" in chosen else ".html"
            self.write_export(path)

    def write_export(self, path: str) -> bool:
        """Write the comparison to `path`; the kind follows the suffix (.html, .pdf, .json)."""
        left, right = self._described.get(0), self._described.get(1)
        if self.comparison is None or left is None or right is None:
            return False
        suffix = Path(path).suffix.lower()
        title = f"{self.panes[0].title} and {self.panes[1].title}"
        try:
            if suffix == ".pdf":
                export_pdf(path, left, right, self.comparison, self._categories_meta(), title=title)
            elif suffix == ".json":
                export_json(path, left, right, self.comparison)
            else:
                export_html(path, left, right, self.comparison, self._categories_meta(), title=title)
        except (OSError, FrameReaderError) as exc:
            self.show_error("Export failed", f"{path}: {getattr(exc, 'message', None) or exc}")
            return False
        self.statusBar().showMessage(f"Exported the comparison to {path}", 8000)
        return True

    def mark_actor(self, left_spans: list[tuple[int, int]], right_spans: list[tuple[int, int]], title: str) -> None:
        """Mark every mention (core offsets) of one actor in both panes; F3 walks through them."""
        self.mentions = [(0, s, e) for s, e in sorted(left_spans)] + [(1, s, e) for s, e in sorted(right_spans)]
        self.mention_index = None
        self.mention_title = title
        self._show_marks()
        self.statusBar().showMessage(
            f"{title}: {len(left_spans)} mention{'s' * (len(left_spans) != 1)} left, "
            f"{len(right_spans)} right — F3 for the next one"
        )

    def clear_marks(self) -> None:
        """Remove marked mentions."""
        if not self.mentions:
            return
        self.mentions, self.mention_index, self.mention_title = [], None, ""
        self._show_marks()
        self.statusBar().clearMessage()

    def next_mention(self) -> None:
        """Go to the next marked mention across both panes (left text first)."""
        self._step_mention(+1)

    def previous_mention(self) -> None:
        """Go to the previous marked mention across both panes."""
        self._step_mention(-1)

    def _step_mention(self, step: int) -> None:
        if not self.mentions:
            self.statusBar().showMessage("Click a highlighted name to mark its mentions in both texts.", 4000)
            return
        if self.mention_index is None:
            self.mention_index = 0 if step > 0 else len(self.mentions) - 1
        else:
            self.mention_index = (self.mention_index + step) % len(self.mentions)
        side, start, end = self.mentions[self.mention_index]
        self._show_marks()
        pane = self.panes[side]
        sync = self.linker.enabled
        self.linker.enabled = False  # jumping in one pane must not drag the other away
        try:
            pane.go_to(start, end)
        finally:
            self.linker.enabled = sync
        pane.view.setFocus()
        self.focused_side = side
        self.statusBar().showMessage(
            f"{self.mention_title}: mention {self.mention_index + 1} of {len(self.mentions)} "
            f"({SIDE_NAMES[side].lower()} text)"
        )

    def _show_marks(self) -> None:
        for pane in self.panes:
            spans = [(s, e) for side, s, e in self.mentions if side == pane.side]
            current = None
            if self.mention_index is not None and self.mentions[self.mention_index][0] == pane.side:
                current = spans.index(self.mentions[self.mention_index][1:])
            pane.set_marks(spans, current)

    # ------------------------------------------------------------------ window state
    def _update_title(self) -> None:
        names = [p.title or "—" for p in self.panes]
        self.setWindowTitle("FrameReader" if not any(p.document for p in self.panes) else f"{names[0]} ↔ {names[1]} — FrameReader")

    def _restore_geometry(self) -> None:
        if self.settings.window_geometry:
            self.restoreGeometry(QByteArray(base64.b64decode(self.settings.window_geometry.encode())))
        else:
            self.resize(1440, 900)
        if self.settings.splitter_state:
            self.splitter.restoreState(QByteArray(base64.b64decode(self.settings.splitter_state.encode())))

    def _save_settings(self) -> None:
        if not self.persist:
            return
        try:
            save_settings(self.settings)
        except OSError as exc:
            self.statusBar().showMessage(f"Settings could not be saved: {exc}", 8000)

    def shutdown(self) -> None:
        """Stop the worker thread and save settings (idempotent)."""
        if self._closed:
            return
        self._closed = True
        for pane in self.panes:
            pane.highlighter.stop()
        self.service.shutdown()
        self.settings.window_geometry = base64.b64encode(bytes(self.saveGeometry())).decode()
        self.settings.splitter_state = base64.b64encode(bytes(self.splitter.saveState())).decode()
        self._save_settings()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.shutdown()
        super().closeEvent(event)

    def analysed(self) -> bool:
        """True when every open text is analysed and fully highlighted."""
        return all(p.settled for p in self.panes if p.document is not None) and not any(
            self.service.busy(p.side) for p in self.panes
        )

