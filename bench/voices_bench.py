"""What finding the voices costs: the analysis of the benchmark text (entities, framing, then
the parse for descriptors, agency and voices) with the voices switched on, against the same
analysis with every part of them switched off (no quote-mark scan, no extra sentences parsed
for speech, no speaker extraction). Best of three each, interleaved, after a warm-up.

    python bench/voices_bench.py        # prints the seconds and the share
"""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


@contextmanager
def voices_off() -> Iterator[None]:
    """Every voices step replaced by a no-op (for the baseline)."""
    import re

    from framereader.core.nlp import agency, analysis, speech

    saved = (analysis.with_direct_quotes, agency.SPEECH_CUE, agency.extract_speech, agency.with_voices,
             agency.direct_quotes)
    analysis.with_direct_quotes = lambda a: a  # type: ignore[assignment]
    agency.SPEECH_CUE = re.compile(r"(?!x)x")  # type: ignore[assignment]
    agency.extract_speech = lambda doc, offset, quotes: speech.SpeechFound()  # type: ignore[assignment]
    agency.with_voices = lambda a, *rest: a  # type: ignore[assignment]
    agency.direct_quotes = lambda text: ()  # type: ignore[assignment]
    try:
        yield
    finally:
        (analysis.with_direct_quotes, agency.SPEECH_CUE, agency.extract_speech, agency.with_voices,
         agency.direct_quotes) = saved


def bench(text: str) -> dict[str, float]:
    """{"with_s", "without_s", "share", "quotes"}: seconds of a full analysis with and without voices."""
    from framereader.core.model import Document
    from framereader.core.nlp.engine import Engine

    engine = Engine.create()
    document = Document(text)

    def run() -> tuple[float, int]:
        engine.forget_recent()
        start = time.perf_counter()
        found = engine.analyze(document, descriptors=True)
        return time.perf_counter() - start, len(found.quotes)

    run()  # warm-up
    with_voices, without = [], []
    for _ in range(3):  # interleaved, so a busy spell on a shared machine hits both sides
        with_voices.append(run())
        with voices_off():
            without.append(run()[0])
    best_with = min(s for s, _ in with_voices)
    best_without = min(without)
    return {"with_s": best_with, "without_s": best_without,
            "share": (best_with - best_without) / best_with, "quotes": with_voices[0][1]}


def main() -> int:
    sys.path.insert(0, str(ROOT / "bench"))
    from run import build_text

    text = build_text()
    result = bench(text)
    print(f"{len(text.split()):,} words, {result['quotes']:,} voices: analysis with voices {result['with_s']:.1f} s, "
          f"without {result['without_s']:.1f} s: voices cost {100 * result['share']:.1f} %")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
