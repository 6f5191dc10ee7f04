"""Pathological text against ordinary prose of the same size: every case must be analysed
within 3x the time of the prose (`Engine.analyze`: tokenizer, NER, lexicon matcher).

    python bench/pathological.py [--size BYTES ...]

Prints a Markdown table. The cases are the ones testers found (one long line of `=`, a run of
`*` and `[`) and their relatives: long runs without spaces, one-character tokens, symbol soup.
`tests/robustness/test_pathological_text.py` runs the same cases at 20 KB.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
LIMIT_RATIO = 3.0


def _random(alphabet: str) -> Callable[[int, int], str]:
    def make(size: int, seed: int) -> str:
        rnd = random.Random(seed)
        return "".join(rnd.choice(alphabet) for _ in range(size))

    return make


def _repeat(unit: str) -> Callable[[int, int], str]:
    return lambda size, seed: (unit * (size // len(unit) + 1))[:size]


#: name -> make(size, seed): the text (fresh per seed, so the tokenizer's cache does not help)
CASES: dict[str, Callable[[int, int], str]] = {
    "one line of =": _repeat("="),
    "* and [": _random("*["),
    "letters, no space": _random("abcdefghij"),
    "a=a=a": _repeat("a="),
    "= and newlines": _repeat("=\n"),
    "one letter per line": _random("ab\n"),
    "three letters per line": _repeat("abc\n"),
    "four letters per line": _random("abcd\n"),
    "symbol soup": _random("abc=*[.,-'\"()"),
    "soup with spaces": _random("ab =\n.*"),
    "a URL-like path": lambda size, seed: ("https://example.invalid/" + "ab/cd-" * size)[:size],
    "digits": _random("0123456789"),
    "spaced symbols": _repeat("= "),
    "emoji": _repeat("\U0001F600"),
    "CJK, no space": _repeat("\u4e2d\u6587"),
    "tabs": _repeat("a\t"),
}


def prose(size: int) -> str:
    """Ordinary prose of about `size` characters (the bundled samples, repeated)."""
    from framereader.core.documents import load_document

    samples = sorted((ROOT / "resources" / "samples").glob("*.md"))
    base = "\n\n".join(load_document(p).text for p in samples)
    return (base * (size // len(base) + 1))[:size]


def analyse_seconds(engine: Any, text: str) -> float:
    """Wall time of one full analysis of `text` (nothing remembered from earlier runs)."""
    from framereader.core.model import Document

    engine.forget_recent()
    start = time.perf_counter()
    analysis = engine.analyze(Document(text=text, source="bench"))
    seconds = time.perf_counter() - start
    for span in (*analysis.entities, *analysis.framing):
        assert text[span.start : span.end] == span.text
    return seconds


def measure(engine: Any, size: int, seed: int = 1) -> tuple[float, dict[str, float]]:
    """(prose seconds, {case: seconds}) at `size` characters."""
    base = min(analyse_seconds(engine, prose(size)) for _ in range(2))
    return base, {name: analyse_seconds(engine, make(size, seed)) for name, make in CASES.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, action="append", help="characters per case (repeatable)")
    args = parser.parse_args()
    from framereader.core.lexicons.files import bundled_lexicon_paths, load_lexicon
    from framereader.core.nlp.engine import Engine
    from framereader.core.nlp.pipeline import load_pipeline

    engine = Engine(load_pipeline(None), [load_lexicon(p) for p in bundled_lexicon_paths()])
    worst = 0.0
    print("| case | size | time | × prose |\n| --- | ---: | ---: | ---: |")
    for size in args.size or [20_000, 40_000, 200_000]:
        base, times = measure(engine, size)
        print(f"| ordinary prose | {size:,} | {base:.2f} s | 1.00× |")
        for name, seconds in times.items():
            worst = max(worst, seconds / base)
            print(f"| {name} | {size:,} | {seconds:.2f} s | {seconds / base:.2f}× |")
    print(f"\nworst: {worst:.2f}× (limit {LIMIT_RATIO:.0f}×)")
    return 0 if worst <= LIMIT_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
