"""The analysis worker: a QObject on its own QThread owning the pipeline and compiled lexicons.

The GUI thread never runs spaCy. `AnalysisService` (GUI thread) sends requests through queued
signals; the worker calls core (`Engine`, which wraps `core.analysis.analyze`) and reports back.
A newer request for a pane supersedes an older one: the running analysis sees
`cancelled() == True` between chunks and stops with `core.analysis.Cancelled`.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from ...core.errors import Cancelled, FrameReaderError
from ...core.comparison.compare import Comparison
from ...core.model import Analysis, Document, ModelInfo, Side

log = logging.getLogger(__name__)

NO_PANE = None  # the 'side' of failures that concern no pane (pipeline, lexicons)


class EngineLike(Protocol):
    """What the worker needs from `core.engine.Engine`."""

    pipeline: Any
    lexicons: tuple[Any, ...]
    note: str | None

    def analyze(self, document: Document, *, descriptors: bool = ..., cancelled: Callable[[], bool] = ...,
                progress: Callable[[float], None] = ...) -> Analysis: ...

    def describe(self, analysis: Analysis, *, cancelled: Callable[[], bool] = ...) -> Analysis: ...

    def use_lexicon_files(self, paths: Sequence[str] | None) -> None: ...

    def compare(self, left: Analysis, right: Analysis, categories: Sequence[str], *,
                include_quoted: bool = False) -> Comparison: ...


#: Makes the engine for a pipeline name (None = best installed); injected by the entry point,
#: so ui never imports core.nlp (and so never spaCy).
EngineFactory = Callable[[str | None], EngineLike]


class AnalysisWorker(QObject):
    """Lives on the worker thread. Slots are called through queued signals only."""

    pipeline_ready = Signal(object, object, object)  # ModelInfo, tuple of core Lexicon objects, note or None
    lexicons_ready = Signal(object, object)  # tuple of core Lexicon objects, note or None
    #: paths, seconds spent loading and compiling them, why it failed ("" when it did not)
    lexicons_timed = Signal(object, float, str)
    progress = Signal(object, float)  # pane, fraction
    analysis_ready = Signal(object, int, object)  # pane, request id, Analysis
    descriptors_ready = Signal(object, int, object)  # pane, request id, Analysis with descriptors
    comparison_ready = Signal(int, object)  # token, core Comparison
    failed = Signal(object, str)  # pane (NO_PANE for pipeline/lexicon problems), message
    _describe_later = Signal(object, int, object)  # queued to itself: runs after pending analyses

    def __init__(self, engine_factory: EngineFactory | None = None,
                 engine: EngineLike | None = None) -> None:
        super().__init__()
        self._factory = engine_factory
        self.engine: EngineLike | None = engine
        self._latest: dict[Side | None, int] = {}
        self._lock = threading.Lock()
        self._describe_later.connect(self.describe, Qt.ConnectionType.QueuedConnection)

    # -- called from the GUI thread (plain method, guarded by a lock)
    def supersede(self, pane: Side | None, request_id: int) -> None:
        """Record `request_id` as the newest request for `pane` (older ones will cancel)."""
        with self._lock:
            self._latest[pane] = request_id

    def is_current(self, pane: Side | None, request_id: int) -> bool:
        with self._lock:
            return self._latest.get(pane) == request_id

    # -- slots, run on the worker thread
    @Slot(object)
    def load_pipeline(self, name: str | None) -> None:
        """Load a pipeline (None = default); an injected engine is reused the first time."""
        try:
            if self.engine is None or name is not None:
                if self._factory is None:
                    raise FrameReaderError("", "No analysis engine was given to the window.")
                self.engine = self._factory(name)
        except FrameReaderError as exc:
            self.failed.emit(NO_PANE, exc.message)
            return
        except Exception as exc:  # never let the worker thread die
            log.exception("pipeline load failed")
            self.failed.emit(NO_PANE, f"The language model could not be loaded: {exc}")
            return
        self.pipeline_ready.emit(self._info(), tuple(self.engine.lexicons), self.engine.note)

    @Slot(object)
    def set_lexicons(self, paths: Sequence[str] | None) -> None:
        """Load and compile lexicons from `paths` (None = the bundled ones)."""
        if self.engine is None:
            self.failed.emit(NO_PANE, "The language model is not loaded yet.")
            return
        start = time.perf_counter()
        try:
            self.engine.use_lexicon_files(paths)
        except (FrameReaderError, MemoryError, RecursionError) as exc:
            message = getattr(exc, "message", None) or f"The lexicons could not be prepared ({exc.__class__.__name__})."
            self.lexicons_timed.emit(paths, time.perf_counter() - start, message)
            self.failed.emit(NO_PANE, message)
            return
        self.lexicons_timed.emit(paths, time.perf_counter() - start, "")
        self.lexicons_ready.emit(tuple(self.engine.lexicons), self.engine.note)

    @Slot(object, int, object, bool)
    def analyze(self, pane: Side | None, request_id: int, document: Document, want_descriptors: bool) -> None:
        """Analyse `document` for `pane` unless a newer request has arrived."""
        if not self.is_current(pane, request_id):
            return
        if self.engine is None:
            self.failed.emit(pane, "The language model is not loaded, so the text cannot be analysed.")
            return
        engine = self.engine
        analysis = self._run(pane, request_id, lambda cancelled: engine.analyze(
            document,
            descriptors=False,
            cancelled=cancelled,
            progress=lambda fraction: self.progress.emit(pane, float(fraction)),
        ), f"{document.name}: the analysis failed")
        if analysis is None:
            return
        if self.is_current(pane, request_id):
            self.analysis_ready.emit(pane, request_id, analysis)
            if want_descriptors and hasattr(self.engine, "describe"):
                # The parse is slower than NER: queue it behind any analysis already waiting.
                self._describe_later.emit(pane, request_id, analysis)

    @Slot(object, int, object)
    def describe(self, pane: Side | None, request_id: int, analysis: Analysis) -> None:
        """Second stage: add descriptors (dependency parse) for the comparison view."""
        if not self.is_current(pane, request_id) or self.engine is None:
            return
        engine = self.engine
        described = self._run(pane, request_id, lambda cancelled: engine.describe(analysis, cancelled=cancelled),
                              "The comparison could not parse the text")
        if described is None:
            return
        if self.is_current(pane, request_id):
            self.descriptors_ready.emit(pane, request_id, described)

    def _run(self, pane: Side | None, request_id: int, job: Callable[[Callable[[], bool]], Any], failure: str) -> Any | None:
        """Run `job(cancelled)` for a pane's request: None when it was cancelled or failed (a
        failure of the newest request is reported; the worker thread never dies)."""

        try:
            return job(lambda: not self.is_current(pane, request_id))
        except Cancelled:
            return None
        except FrameReaderError as exc:
            if self.is_current(pane, request_id):
                self.failed.emit(pane, exc.message)
            return None
        except Exception as exc:  # never let the worker thread die
            log.exception("worker job failed")
            if self.is_current(pane, request_id):
                self.failed.emit(pane, f"{failure} ({exc.__class__.__name__}: {exc}).")
            return None

    @Slot(int, object, object, object, bool)
    def compare(self, token: int, left: Analysis, right: Analysis, categories: list[str], include_quoted: bool) -> None:
        """Align actors and build the profile (pure Python, but 1 s on long texts: not on the GUI thread)."""
        if self.engine is None:
            return
        try:
            result = self.engine.compare(left, right, categories, include_quoted=include_quoted)
        except Exception as exc:  # never let the worker thread die
            log.exception("comparison failed")
            self.failed.emit(NO_PANE, f"The comparison failed ({exc.__class__.__name__}: {exc}).")
            return
        self.comparison_ready.emit(token, result)

    def _info(self) -> ModelInfo:
        assert self.engine is not None
        info: ModelInfo = self.engine.pipeline.info
        return info


class AnalysisService(QObject):
    """GUI-thread front of the worker: owns the thread, numbers requests, drops stale results."""

    pipeline_ready = Signal(object, object, object)  # ModelInfo, tuple of Lexicon, language note or None
    lexicons_ready = Signal(object, object)  # tuple of Lexicon, language note or None (no model change)
    lexicons_timed = Signal(object, float, str)  # paths, seconds to load and compile, failure or ""
    progress = Signal(object, float)
    analysis_ready = Signal(object, object)  # pane, Analysis (only the newest request's)
    descriptors_ready = Signal(object, object)  # pane, the same Analysis with descriptors
    comparison_ready = Signal(int, object)  # token from compare(), Comparison
    failed = Signal(object, str)

    _request_pipeline = Signal(object)
    _request_lexicons = Signal(object)
    _request_analysis = Signal(object, int, object, bool)
    _request_compare = Signal(int, object, object, object, bool)

    def __init__(self, engine_factory: EngineFactory | None = None,
                 engine: EngineLike | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model_info: ModelInfo | None = None
        self.lexicons: tuple[Any, ...] = ()
        self.note: str | None = None  # why some lexicons are set aside (language), if they are
        #: the word-choice sets of the engine, by id (`core.lexicons.wordchoice.ChoiceSet`)
        self.choice_sets: dict[str, Any] = {}
        self._next_id = 0
        self._pending: dict[Side | None, int] = {}  # pane -> request id still running
        self._latest: dict[Side | None, int] = {}  # pane -> newest request id (descriptors follow it)
        #: analyses asked for before any pipeline was asked for (texts opened at launch, before the
        #: window's first frame): sent once the pipeline is, so the worker loads it first
        self._held: list[tuple[Side | None, int, Document, bool]] | None = []
        self._thread = QThread()
        self._thread.setObjectName("framereader-analysis")
        self.worker = AnalysisWorker(engine_factory, engine)
        self.worker.moveToThread(self._thread)
        self._request_pipeline.connect(self.worker.load_pipeline)
        self._request_lexicons.connect(self.worker.set_lexicons)
        self._request_analysis.connect(self.worker.analyze)
        self._request_compare.connect(self.worker.compare)
        self.worker.comparison_ready.connect(self.comparison_ready)
        self.worker.pipeline_ready.connect(self._on_pipeline_ready)
        self.worker.lexicons_ready.connect(self._on_lexicons_ready)
        self.worker.lexicons_timed.connect(self.lexicons_timed)
        self.worker.progress.connect(self._on_progress)
        self.worker.analysis_ready.connect(self._on_analysis_ready)
        self.worker.descriptors_ready.connect(self._on_descriptors_ready)
        self.worker.failed.connect(self._on_failed)
        self._thread.start()

    @property
    def ready(self) -> bool:
        """True once a pipeline is loaded."""
        return self.model_info is not None

    def load_pipeline(self, name: str | None = None) -> None:
        """Ask the worker to load a pipeline; `pipeline_ready` follows (then the analyses asked
        for before, still wanted, are run)."""
        self._request_pipeline.emit(name)
        held, self._held = self._held or [], None
        for pane, request_id, document, descriptors in held:
            if self._latest.get(pane) == request_id:
                self._request_analysis.emit(pane, request_id, document, descriptors)

    def set_lexicons(self, paths: Sequence[str] | None) -> None:
        """Ask the worker to compile other lexicons; `lexicons_ready` follows."""
        self._request_lexicons.emit(None if paths is None else list(paths))

    def analyze(self, pane: Side | None, document: Document, want_descriptors: bool = False) -> int:
        """Queue an analysis; any older request for `pane` is cancelled. Returns the request id."""
        self._next_id += 1
        request_id = self._next_id
        self._pending[pane] = request_id
        self._latest[pane] = request_id
        self.worker.supersede(pane, request_id)
        if self._held is not None:  # no pipeline asked for yet: it must load first
            self._held.append((pane, request_id, document, want_descriptors))
            return request_id
        self._request_analysis.emit(pane, request_id, document, want_descriptors)
        return request_id

    def compare(self, left: Analysis, right: Analysis, categories: list[str], include_quoted: bool = False) -> int:
        """Queue a comparison on the worker thread (the profile counts quoted framing words too
        with `include_quoted`); `comparison_ready(token, …)` follows."""
        self._next_id += 1
        self._request_compare.emit(self._next_id, left, right, list(categories), include_quoted)
        return self._next_id

    def cancel(self, pane: Side | None) -> None:
        """Forget any request for `pane` (e.g. the pane was closed)."""
        self._pending.pop(pane, None)
        self._latest.pop(pane, None)
        self.worker.supersede(pane, -1)

    def busy(self, pane: Side | None) -> bool:
        """True while an analysis for `pane` is queued or running."""
        return pane in self._pending

    def shutdown(self) -> None:
        """Cancel everything, stop the thread and wait for it (call before quitting)."""
        for pane in list(self._pending):
            self.cancel(pane)
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()

    @Slot(object, object, object)
    def _on_pipeline_ready(self, info: ModelInfo, lexicons: tuple[Any, ...], note: str | None) -> None:
        self.model_info = info
        self.lexicons, self.note = tuple(lexicons), note
        # the engine's word-choice sets (frozen data, read once it is built): names and notes
        index = getattr(self.worker.engine, "choice_set_index", None)
        self.choice_sets = dict(index()) if callable(index) else {}
        self.pipeline_ready.emit(info, self.lexicons, note)

    @Slot(object, object)
    def _on_lexicons_ready(self, lexicons: tuple[Any, ...], note: str | None) -> None:
        self.lexicons, self.note = tuple(lexicons), note
        self.lexicons_ready.emit(self.lexicons, note)

    @Slot(object, float)
    def _on_progress(self, pane: Side | None, fraction: float) -> None:
        if pane in self._pending:
            self.progress.emit(pane, fraction)

    @Slot(object, int, object)
    def _on_analysis_ready(self, pane: Side | None, request_id: int, analysis: Analysis) -> None:
        if self._pending.get(pane) != request_id:
            return  # superseded while the result was on its way
        del self._pending[pane]
        self.analysis_ready.emit(pane, analysis)

    @Slot(object, int, object)
    def _on_descriptors_ready(self, pane: Side | None, request_id: int, analysis: Analysis) -> None:
        if self._latest.get(pane) == request_id:
            self.descriptors_ready.emit(pane, analysis)

    @Slot(object, str)
    def _on_failed(self, pane: Side | None, message: str) -> None:
        self._pending.pop(pane, None)
        self.failed.emit(pane, message)
