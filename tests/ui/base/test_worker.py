"""The analysis worker's own duties (the analyses themselves are tested through the window)."""

from __future__ import annotations

import gc
from types import SimpleNamespace

import pytest

from framereader.ui.base import worker as worker_module
from framereader.ui.base.worker import AnalysisWorker


def _engine(name: str | None) -> SimpleNamespace:
    return SimpleNamespace(pipeline=SimpleNamespace(info=name), lexicons=(), note=None)


def test_a_loaded_pipeline_is_left_out_of_full_garbage_collections(qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full collection holds the GIL throughout: what lives as long as the pipeline is frozen
    out of it, once per process; a pipeline being replaced is unfrozen first so its cycles can be
    collected, and the new one frozen again."""
    gc.unfreeze()
    monkeypatch.setattr(worker_module, "_frozen", False)
    ready: list[object] = []
    long_lived = [[] for _ in range(1000)]  # containers the collector tracks
    try:
        first = AnalysisWorker(engine_factory=_engine)
        first.pipeline_ready.connect(lambda info, *_rest: ready.append(info))
        first.load_pipeline(None)
        frozen = gc.get_freeze_count()
        assert ready == [None] and frozen >= len(long_lived)

        gc.unfreeze()
        second = AnalysisWorker(engine_factory=_engine)  # another window in the same process
        second.load_pipeline(None)
        assert gc.get_freeze_count() == 0  # not frozen again: garbage of the first would stay

        unfrozen: list[int] = []
        gc.freeze()

        def replacement(name: str | None) -> SimpleNamespace:
            unfrozen.append(gc.get_freeze_count())
            return _engine(name)

        first._factory = replacement
        first.load_pipeline("other")  # the reader chose another pipeline
        assert unfrozen == [0] and ready == [None, "other"] and gc.get_freeze_count() >= len(long_lived)
    finally:
        gc.unfreeze()
