"""Pathological text (one long line of `=`, runs of `*` and `[`, symbol soup, one character per
token...) is analysed within 3x the time of ordinary prose of the same size, with exact offsets.
The cases and the measure are bench/pathological.py's, at 20 KB."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
bench = importlib.import_module("pathological")
CASES, LIMIT_RATIO, analyse_seconds, prose = bench.CASES, bench.LIMIT_RATIO, bench.analyse_seconds, bench.prose

SIZE = 20_000
SLACK_S = 0.05  # timer noise on a busy machine, far below one pathological run before the fix


def test_every_case_within_three_times_prose(engine) -> None:
    base = min(analyse_seconds(engine, prose(SIZE)) for _ in range(2))
    slow = {}
    for name, make in CASES.items():
        seconds = analyse_seconds(engine, make(SIZE, 7))
        if seconds > LIMIT_RATIO * base + SLACK_S:  # measure again before blaming the text
            seconds = min(seconds, analyse_seconds(engine, make(SIZE, 8)))
        if seconds > LIMIT_RATIO * base + SLACK_S:
            slow[name] = round(seconds / base, 2)
    assert not slow, f"slower than {LIMIT_RATIO}x prose ({base:.2f} s): {slow}"


def test_offsets_stay_exact_around_long_runs(engine) -> None:
    from framereader.core.model import Document

    text = ("The regime in Geneva said so. " + "=" * 5000 + " President Marek Holloway's regime spoke.\n"
            + "*[" * 3000 + "so-called\n" + "a\n" * 2000 + "The thugs of Paris.")
    analysis = engine.analyze(Document(text=text, source="x"))
    assert {f.text.lower() for f in analysis.framing} >= {"regime", "thugs"}
    for span in (*analysis.entities, *analysis.framing):
        assert text[span.start : span.end] == span.text


def _describe_seconds(engine, text: str) -> float:
    import time

    from framereader.core.model import Document

    engine.forget_recent()
    analysis = engine.analyze(Document(text=text, source="x"))
    start = time.perf_counter()
    described = engine.describe(analysis)
    seconds = time.perf_counter() - start
    for item in described.descriptors:
        assert 0 <= item.start <= item.end <= len(text)
    return seconds


def test_the_parse_for_descriptors_is_safe_too(engine) -> None:
    """Descriptors parse the chunks that hold entities: a long run of `=` or `*[` inside such a
    chunk must not bring the tokenizer's quadratic time back."""
    base = prose(SIZE)
    lines = base.split("\n")
    half = len(lines) // 2
    slow = {}
    reference = min(_describe_seconds(engine, base) for _ in range(2))
    for name, run in (("=", "=" * 8000), ("*[", "*[" * 4000)):
        text = ("\n".join(lines[:half]) + "\n" + run + "\n" + "\n".join(lines[half:]))[:SIZE]
        seconds = _describe_seconds(engine, text)
        if seconds > LIMIT_RATIO * reference + SLACK_S:
            slow[name] = round(seconds / reference, 2)
    assert not slow, f"descriptors slower than {LIMIT_RATIO}x prose ({reference:.2f} s): {slow}"
