"""Diagnose event-loop stalls: the gui_probe scenario (two 1 MB documents opened at once) with a
record of what the GUI thread and the worker were doing around every long tick gap.

    QT_QPA_PLATFORM=offscreen FRAMEREADER_HOME=$(mktemp -d) .venv/bin/python bench/stall_trace.py [GAP_MS]

For each gap longer than GAP_MS (default 50) between 5 ms timer ticks it prints the gap, the
CPU time the GUI thread used during it (wall >> CPU means the GUI thread was waiting, e.g. for
the GIL or for a CPU core), and the timed GUI handlers and worker steps that overlap it. With
FRAMEREADER_TRACE_COMPARISON=1 it runs on until the comparison of the two texts is shown; with
FRAMEREADER_TRACE_REOPEN=1 it traces re-opening both documents once their analyses are cached.
With FRAMEREADER_TRACE_SAMPLE=1 a third thread samples the GUI thread's Python stack every
millisecond and prints, for the longest gaps, where it was (the legend's stall was found so: its
layout and paint calls filled the gaps). The sampler needs the GIL too, so it adds some waiting.
"""

from __future__ import annotations

import collections
import functools
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

from probe_support import SAMPLES, run_ticks, write_big_texts

T0 = time.perf_counter()
EVENTS: list[tuple[str, str, float, float, float]] = []  # (thread, name, start, end, cpu)


def timed(owner: type, name: str, label: str | None = None) -> None:
    """Wrap `owner.name` so each call is recorded with wall and thread CPU time."""
    original = getattr(owner, name)
    tag = label or f"{owner.__name__}.{name}"

    @functools.wraps(original)
    def wrapper(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        start, cpu = time.perf_counter(), time.thread_time()
        try:
            return original(*args, **kwargs)
        finally:
            EVENTS.append((threading.current_thread().name, tag, start, time.perf_counter(), time.thread_time() - cpu))

    setattr(owner, name, wrapper)


_GC_START: dict[int, float] = {}


def _gc_callback(phase: str, info: dict) -> None:
    """Record every cyclic collection (which thread ran it, which generation, how long)."""
    ident = threading.get_ident()
    if phase == "start":
        _GC_START[ident] = time.perf_counter()
    elif ident in _GC_START:
        start = _GC_START.pop(ident)
        EVENTS.append((threading.current_thread().name, f"gc gen{info['generation']}", start, time.perf_counter(), 0.0))


def instrument() -> None:
    import gc

    gc.callbacks.append(_gc_callback)
    from framereader.core.nlp import analysis, engine
    from framereader.ui.reading import highlighter, pane, ruler
    from framereader.ui.window import main_window
    from framereader.ui.base import worker

    timed(highlighter.Highlighter, "_tick")
    timed(pane.Pane, "_build_step")
    timed(pane.Pane, "set_analysis")
    timed(pane.Pane, "restyle")
    timed(pane.Pane, "set_status")
    timed(pane.Pane, "_draw_marks")
    from framereader.ui.comparison import alignment_layer, controller as comparison_controller, passive_layer
    from framereader.ui.classroom import caption_bar
    from framereader.ui.edits import controller as edits_controller

    timed(alignment_layer.AlignmentLayer, "refresh", "AlignmentLayer.refresh")
    timed(passive_layer.PassiveLayer, "refresh", "PassiveLayer.refresh")
    timed(edits_controller.EditsController, "_draw", "EditsController._draw")
    timed(comparison_controller.ComparisonController, "_on_comparison_ready", "Comparison._on_comparison_ready")
    timed(comparison_controller.ComparisonController, "update", "Comparison.update")
    timed(pane.ReaderView, "paintEvent")
    timed(pane.ReaderView, "resizeEvent")
    timed(ruler.OverviewRuler, "paintEvent")
    timed(worker.AnalysisWorker, "describe")
    for name in ("_on_analysis_ready", "_on_progress", "_on_descriptors_ready", "_on_comparison_ready",
                 "_update_comparison", "_refresh_legend", "_update_progress", "_on_pane_highlighted"):
        if hasattr(main_window.MainWindow, name):
            timed(main_window.MainWindow, name)
    timed(engine.Engine, "analyze")
    timed(engine.Engine, "describe")
    timed(worker.AnalysisWorker, "compare")
    timed(worker.AnalysisService, "_on_analysis_ready", "Service._on_analysis_ready")
    # worker: one record per spaCy chunk
    original_chunks = analysis._chunk_docs

    def chunk_docs(pipeline, text, cancelled, progress):  # noqa: ANN001, ANN202
        last = time.perf_counter()
        for item in original_chunks(pipeline, text, cancelled, progress):
            now = time.perf_counter()
            EVENTS.append((threading.current_thread().name, "nlp chunk", last, now, 0.0))
            yield item
            last = time.perf_counter()

    analysis._chunk_docs = chunk_docs


SAMPLES: list[tuple[float, str]] = []  # (time, the GUI thread's innermost Python frames)


def start_sampler(gui_ident: int, on: threading.Event) -> None:
    """Every millisecond while `on` is set, record the GUI thread's four innermost frames."""

    def sample() -> None:
        while True:
            time.sleep(0.001)
            if not on.is_set():
                continue
            frame = sys._current_frames().get(gui_ident)
            names = []
            while frame is not None and len(names) < 4:
                names.append(f"{frame.f_code.co_filename.rsplit('/', 1)[-1]}:{frame.f_code.co_name}")
                frame = frame.f_back
            del frame
            SAMPLES.append((time.perf_counter(), " < ".join(names)))

    threading.Thread(target=sample, daemon=True, name="sampler").start()


def main() -> int:
    gap_ms = float(sys.argv[1]) if len(sys.argv) > 1 else 50.0
    if os.environ.get("FRAMEREADER_SWITCH"):
        sys.setswitchinterval(float(os.environ["FRAMEREADER_SWITCH"]))
    home = os.environ.get("FRAMEREADER_HOME")
    if home:
        shutil.rmtree(home, ignore_errors=True)
    instrument()
    from framereader.core.platform.settings import Settings
    from framereader.ui.app import application
    from framereader.cli import engine_factory  # the entry point injects the spaCy engine
    from framereader.ui.window.main_window import MainWindow

    threading.current_thread().name = "GUI"
    sampling = threading.Event()
    if os.environ.get("FRAMEREADER_TRACE_SAMPLE"):
        start_sampler(threading.get_ident(), sampling)
    app = application()
    window = MainWindow(engine_factory=engine_factory, settings=Settings(), persist=False)
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    ticks: list[tuple[float, float]] = []

    def run(record: bool) -> None:
        def tick() -> int | None:
            if record:
                ticks.append((time.perf_counter(), time.thread_time()))
            done = window.service.ready and window.analysed()
            return 0 if done and (not until_compared or window.compare.comparison is not None) else None

        run_ticks(app, tick)

    until_compared = False
    run(False)
    until_compared = bool(os.environ.get("FRAMEREADER_TRACE_COMPARISON"))  # also wait for the comparison
    big_a, big_b = write_big_texts(Path(tempfile.mkdtemp()))

    def open_both_and_trace() -> float:
        """Open the two big texts at once and record until they are shown; returns the start."""
        EVENTS.clear()
        ticks.clear()
        SAMPLES.clear()
        sampling.set()
        begun = time.perf_counter()
        ticks.append((begun, time.thread_time()))
        window.open_path(0, str(big_a))
        window.open_path(1, str(big_b))
        ticks.append((time.perf_counter(), time.thread_time()))
        run(True)
        return begun

    start = open_both_and_trace()
    if os.environ.get("FRAMEREADER_TRACE_REOPEN"):  # measure re-opening both (cached) instead
        window.open_path(0, str(SAMPLES / "a-border-crisis.md"))
        window.open_path(1, str(SAMPLES / "b-border-crisis.md"))
        run(False)
        start = open_both_and_trace()
    window.shutdown()

    gaps = []
    for (t1, c1), (t2, c2) in zip(ticks[1:], ticks[2:]):
        if (t2 - t1) * 1000 > gap_ms:
            gaps.append((t1, t2, c2 - c1))
    print(f"total {ticks[-1][0] - start:.1f} s, {len(ticks)} ticks, {len(gaps)} gaps > {gap_ms:g} ms, "
          f"longest {max((b - a) * 1000 for (a, _), (b, _) in zip(ticks[1:], ticks[2:])):.0f} ms")
    tops = [(b - a, cpu) for thread, name, a, b, cpu in EVENTS if thread == "GUI" and not name.startswith("gc")
            and name in ("Highlighter._tick", "Pane._build_step", "Service._on_analysis_ready")]
    wall_ms, cpu_ms = sum(w for w, _ in tops) * 1000, sum(c for _, c in tops) * 1000
    print(f"GUI steps (build, highlight, analysis ready): wall {wall_ms:.0f} ms, thread CPU {cpu_ms:.0f} ms "
          f"(waiting {100 * (1 - cpu_ms / max(wall_ms, 1e-9)):.0f} %)")
    by_name: dict[str, list[float]] = {}
    for thread, name, a, b, cpu in EVENTS:
        by_name.setdefault(f"{thread}:{name}", []).append((b - a) * 1000)
    for key, values in sorted(by_name.items()):
        values.sort()
        print(f"  {key:45s} n={len(values):5d} max={values[-1]:7.1f} ms  p50={values[len(values) // 2]:6.1f}  sum={sum(values):8.0f}")
    for a, b, cpu in sorted(gaps, key=lambda g: g[0] - g[1])[:25]:
        print(f"\nGAP {(a - start) * 1000:8.0f} ms +{(b - a) * 1000:5.0f} ms  GUI cpu {cpu * 1000:5.0f} ms")
        for thread, name, s, e, c in sorted(EVENTS, key=lambda ev: ev[2]):
            if e > a and s < b:
                cpu_note = f" cpu {c * 1000:5.1f}" if thread == "GUI" else ""
                print(f"   {thread[:12]:12s} {name:40s} {(s - start) * 1000:8.0f} +{(e - s) * 1000:6.1f}{cpu_note}")
    for a, b, _cpu in sorted(gaps, key=lambda g: g[0] - g[1])[:6] if SAMPLES else ():
        where = collections.Counter(name for t, name in SAMPLES if a <= t <= b)
        print(f"\nSAMPLES in the gap at {(a - start) * 1000:8.0f} ms +{(b - a) * 1000:5.0f} ms")
        for name, count in where.most_common(12):
            print(f"   {count:4d} {name}")
    if os.environ.get("FRAMEREADER_TRACE_JSON"):
        Path(os.environ["FRAMEREADER_TRACE_JSON"]).write_text(json.dumps({"ticks": ticks, "events": EVENTS, "start": start}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
