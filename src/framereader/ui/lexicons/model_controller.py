"""Which spaCy pipeline and which lexicons the analysis uses: the Language Model menu, the
Lexicons dialog, Use Lexicon File…, Bundled Lexicons Only and Preferences."""

from __future__ import annotations

from typing import TYPE_CHECKING
from collections.abc import Mapping

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ..base.commands import Declared, Handler
from .commands import COMMANDS

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu

from ..base.context import WindowContext, WindowPart
from ...core.errors import FrameReaderError
from ...core.lexicons.library import BUNDLED, LexiconLibrary
from ...core.documents.language import language_note
from ...core.model import Document

if TYPE_CHECKING:
    from ...core.nlp.discovery import PipelineInfo
    from .dialog import LexiconsDialog
    from .preferences import PreferencesDialog
    from ..reading.view_controller import ViewController


class ModelController(WindowPart):
    """Switches pipelines and lexicons; open texts are analysed again in the background."""

    COMMANDS: tuple[Declared, ...] = COMMANDS

    def __init__(self, context: WindowContext, library: LexiconLibrary, view: "ViewController") -> None:
        super().__init__(context)
        self.library = library
        self.view = view
        self.lexicons_dialog: LexiconsDialog | None = None  # created on first use
        self.reanalyse_when_ready = False
        self._pipelines: list[PipelineInfo] = []  # installed pipelines, read when a model is ready

    def handlers(self) -> Mapping[str, Handler]:
        return {"lexicons": self.show_lexicons, "add_lexicon": self.add_lexicon_dialog,
                "bundled_only": self.use_bundled_only, "preferences": self.show_preferences}

    def fill_submenu(self, name: str, menu: QMenu, actions: Mapping[str, QAction]) -> None:
        menu.aboutToShow.connect(lambda: self.fill_model_menu(menu, actions["preferences"]))

    def pipeline_loaded(self) -> None:
        """A model is ready: note which pipelines are installed (for the language check)."""
        from ...core.nlp.discovery import list_pipelines  # importing core.nlp costs ~40 ms: not before the window shows

        self._pipelines = list_pipelines()

    def language_note(self, document: Document | None) -> str | None:
        """Never silently analyse German as English: what the pane header should say when the
        text looks like another language, with the installed pipelines for it."""
        info = self.service.model_info
        check = language_note(document, info.lang, self._pipelines) if document is not None and info else None
        if check is None:
            return None
        installed = f" Installed for it: {', '.join(check.pipelines)} (File ▸ Preferences)." if check.pipelines else ""
        return check.message + installed

    def start(self, model: str | None) -> None:
        """Load the chosen (or best installed) pipeline and the enabled lexicons."""
        self.service.load_pipeline(model or self.settings.pipeline or None)
        if not self.library.is_default():
            self.service.set_lexicons(self.library.enabled_paths())

    def choose_pipeline(self, name: str) -> None:
        """Switch the spaCy pipeline ("" = best installed); open texts are analysed again."""
        self.settings.pipeline = name
        self._save_settings()
        self.reanalyse_when_ready = True
        self.service.load_pipeline(name or None)
        if not self.library.is_default():
            self.service.set_lexicons(self.library.enabled_paths())

    def apply_lexicons(self, reanalyse: bool = True) -> None:
        """Use the library's enabled lexicons: recompiled by the worker and the open texts
        highlighted again (the model is not reloaded). Called whenever the library changes.
        `reanalyse=False`: the panes are about to get new texts, analysed with these anyway."""
        self._save_settings()
        self.reanalyse_when_ready = self.reanalyse_when_ready or reanalyse
        self.service.set_lexicons(self.library.enabled_paths())
        if self.lexicons_dialog is not None:
            self.lexicons_dialog.refresh_list()  # the change may come from the Analysis menu

    def set_extra_lexicons(self, paths: list[str]) -> None:
        """Use exactly these lexicon files from elsewhere (beside the bundled and your own)."""
        self.settings.extra_lexicons = []
        for path in paths:
            self.library.add_file(path)
        self.apply_lexicons()

    def use_bundled_only(self) -> None:
        """Analysis → Bundled Lexicons Only: switch every other lexicon off."""
        for entry in self.library.entries():
            self.library.set_enabled(entry.key, entry.kind == BUNDLED)
        self.apply_lexicons()

    def add_lexicon_dialog(self) -> None:
        """Analysis → Use Lexicon File…: a .frlex lexicon, a word list or a CSV, used from where it is."""
        path, _ = QFileDialog.getOpenFileName(self._parent, "Use a lexicon file", "",
                                              "Lexicons (*.frlex *.txt *.csv *.tsv);;All files (*)")
        if path:
            try:
                self.library.add_file(path)  # read now: a clear message here, not from the worker
            except FrameReaderError as exc:
                self.messages.error("Cannot use this lexicon", exc.message)
                return
            self.apply_lexicons()

    def show_lexicons(self) -> None:
        """Analysis → Lexicons…: the lexicon manager and editor (one per window)."""
        from .dialog import LexiconsDialog

        if self.lexicons_dialog is None:
            self.lexicons_dialog = LexiconsDialog(self.library, self._parent)
            self.lexicons_dialog.changed.connect(self.apply_lexicons)
        else:
            self.lexicons_dialog.refresh_list()
        self.lexicons_dialog.show()
        self.lexicons_dialog.raise_()
        self.lexicons_dialog.activateWindow()

    def preferences_dialog(self) -> "PreferencesDialog":
        """A Preferences dialog filled from the settings, installed pipelines and enabled lexicons."""
        from ...core.nlp.discovery import pipeline_choices
        from .preferences import PreferencesDialog

        by_language: dict[str, list[str]] = {}
        for entry in self.library.entries():
            if entry.enabled and entry.lexicon is not None:
                by_language.setdefault(entry.lexicon.language, []).append(entry.lexicon.name)
        info = self.service.model_info
        loaded = f"{info.name} {info.version} ({', '.join(info.components) or 'tokenizer only'} enabled)" if info else ""
        return PreferencesDialog(self.settings, pipeline_choices(), by_language, loaded, self._parent)

    def apply_preferences(self, dialog: "PreferencesDialog") -> None:
        """Apply what the Preferences dialog chose (a new pipeline re-analyses in the background)."""
        if dialog.chosen_theme() != self.settings.theme:
            self.view.set_theme(dialog.chosen_theme())
        self.view.set_sync(dialog.chosen_sync())
        self.view.set_reading_size(dialog.chosen_reading_size())
        if dialog.chosen_pipeline() != self.settings.pipeline:
            self.choose_pipeline(dialog.chosen_pipeline())
        self._save_settings()

    def show_preferences(self) -> None:
        """File → Preferences…"""
        dialog = self.preferences_dialog()
        if dialog.exec():
            self.apply_preferences(dialog)

    def fill_model_menu(self, menu: QMenu, preferences_action: QAction) -> None:
        """Language Model: every choice, the current one checked, then Preferences."""
        from ...core.nlp.discovery import pipeline_choices

        menu.clear()
        for choice in pipeline_choices():
            action = menu.addAction(choice.label)
            action.setCheckable(True)
            action.setChecked(choice.name == self.settings.pipeline)
            action.triggered.connect(lambda _checked=False, n=choice.name: self.choose_pipeline(n))
        menu.addSeparator()
        menu.addAction(preferences_action)
