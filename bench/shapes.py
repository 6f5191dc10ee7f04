"""Shapes whose cost could grow faster than their size, each against ordinary input of the same
size: time and peak memory (goal: within 3x the time and 2x the memory).

    python bench/shapes.py [--quick]

Rows: a 100,000-entry lexicon and lexicons at the term budget (compiling), Markdown and HTML
tables (reading), 80,000 distinct names (the comparison's actor matching), 200,000 blank lines
around one word (the window, to the first highlight). Every case runs in a child process of its
own, so its peak memory (VmHWM less the resident size before the work) is its own. Printed as a
Markdown table; `bench/pathological.py` prints it after its own.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
TIME_LIMIT, MEMORY_LIMIT = 3.0, 2.0
PROSE = ("The council met on Tuesday to discuss the bridge. Residents said the closure was a disgrace, "
         "and the mayor promised an answer before the summer.")


def _rss_mb(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


# ------------------------------------------------------------------------------ the shapes
def _lexicon_text(count: int, longest: bool) -> str:
    from framereader.core.lexicons.terms import MAX_TERM_WORDS

    rnd = random.Random(count)

    def word(number: int) -> str:  # distinct for distinct numbers: syllables of its base-80 digits
        out = ""
        while True:
            out += "bcdfghklmnprstvz"[number % 16] + "aeiou"[(number // 16) % 5]
            number //= 80
            if not number:
                return out + "ise"

    lines = ["framereader-lexicon 2", "id = shape", "name = Shape", "language = en", "", "[loaded]",
             "name = Loaded", "colour = #C0392B", ""]
    for index in range(count):
        if longest:  # the budget: 8 words, hyphenated and spaced, each with a spelling variant
            half = MAX_TERM_WORDS // 2
            words = [word(index)] + [word(rnd.randrange(400)) for _ in range(MAX_TERM_WORDS - 1)]
            term = "-".join(words[:half]) + " " + " ".join(words[half:])
        else:
            term = word(index)
        lines.append(f"{term} | why")
    return "\n".join(lines) + "\n"


def _compiler(text: str) -> Any:
    """Parsing and compiling `text` against a blank English tokenizer (made beforehand)."""
    import spacy

    from framereader.core.lexicons.format import parse_lexicon
    from framereader.core.nlp.matcher import LexiconMatcher

    blank = spacy.blank("en")
    return lambda: LexiconMatcher(blank, [parse_lexicon(text, "shape.frlex")])


def _markdown(size: int, table: bool) -> str:
    if not table:
        return ((PROSE + "\n\n") * (size // len(PROSE) + 1))[:size]
    rows = ["| name | value | note |", "|---|---|---|"]
    index = 0
    while sum(len(r) + 1 for r in rows) < size:
        rows.append(f"| item {index} | {index * 7} | the council said so {index} |")
        index += 1
    return "\n".join(rows) + "\n"


def _html(size: int, table: bool) -> str:
    if table:
        cells, body, index = [], 0, 0
        while body < size:
            row = f"<tr><td>a{index}</td><td>b</td><td>c</td></tr>"
            cells.append(row)
            body += len(row)
            index += 1
        return "<html><body><table>" + "".join(cells) + "</table></body></html>"
    paragraph = f"<p>{PROSE}</p>\n"
    return "<html><body>" + paragraph * (size // len(paragraph) + 1) + "</body></html>"


def _read(text: str, suffix: str) -> None:
    from framereader.core.documents import load_document

    with tempfile.NamedTemporaryFile("w", suffix=suffix, delete=False, encoding="utf-8") as handle:
        handle.write(text)
    try:
        load_document(handle.name)
    finally:
        os.unlink(handle.name)


def _names_analysis(count: int, seed: int, distinct: bool) -> Any:
    from framereader.core.model import Analysis, EntitySpan, ModelInfo

    rnd = random.Random(seed)

    def word() -> str:
        return rnd.choice(string.ascii_uppercase) + "".join(rnd.choice("aeioulnrst") for _ in range(rnd.randint(3, 8)))

    pool = [f"{word()} {word()}" for _ in range(50)]
    labels = ("PERSON", "PERSON", "ORG", "GPE", "PERSON")
    parts, entities, position = [], [], 0
    for index in range(count):
        if not distinct:
            name = pool[index % len(pool)]
        elif index % 7 == 3:
            name = word()  # a bare surname
        elif index % 11 == 5:
            name = "".join(rnd.choice(string.ascii_uppercase) for _ in range(3))  # an acronym
        else:
            name = f"{word()} {word()}"
        sentence = f"Then {name} spoke. "
        entities.append(EntitySpan(position + 5, position + 5 + len(name), labels[index % len(labels)], name))
        parts.append(sentence)
        position += len(sentence)
    text = "".join(parts)
    return Analysis("bench", text, ModelInfo("bench", "0"), tuple(entities), (), words=len(text.split()))


def _window(text: str) -> float:
    """Seconds from opening `text` in a fresh window to its first complete highlight."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from framereader.cli import engine_factory
    from framereader.core.platform.settings import Settings
    from framereader.ui.app import application
    from framereader.ui.window.main_window import MainWindow

    app = application()
    window = MainWindow(engine_factory=engine_factory, settings=Settings(), persist=False)
    window.resize(1200, 800)
    window.show()
    while not window.service.ready:
        app.processEvents()
        time.sleep(0.005)
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "shape.txt")
    Path(path).write_text(text, encoding="utf-8")
    start = time.perf_counter()
    window.open_path(0, path)
    while not (window.panes[0].settled and window.panes[0].analysis is not None):
        app.processEvents()
        time.sleep(0.001)
    seconds = time.perf_counter() - start
    window.shutdown()
    return seconds


def run_case(case: str, size: int, shaped: bool) -> dict[str, float]:
    """One measurement in this process: seconds and peak memory (MB) of the work alone."""
    if case == "lexicon":
        work = _compiler(_lexicon_text(size, longest=False))
    elif case == "longest":  # against one-word entries filling a lexicon file of the same size
        shaped_text = _lexicon_text(size, longest=True)
        if shaped:
            work = _compiler(shaped_text)
        else:
            count = size
            while len(_lexicon_text(count, longest=False)) < len(shaped_text):
                count = int(count * len(shaped_text) / len(_lexicon_text(count, longest=False))) + 1
            work = _compiler(_lexicon_text(count, longest=False))
    elif case == "markdown":
        text = _markdown(size, shaped)
        _read(_markdown(2000, shaped), ".md")  # warm-up: imports
        work = lambda: _read(text, ".md")  # noqa: E731
    elif case == "html":
        text = _html(size, shaped)
        _read(_html(2000, shaped), ".html")
        work = lambda: _read(text, ".html")  # noqa: E731
    elif case == "names":
        from framereader.core.comparison.compare import compare

        left, right = _names_analysis(size // 2, 1, shaped), _names_analysis(size // 2, 2, shaped)
        work = lambda: compare(left, right, categories=[])  # noqa: E731
    elif case == "blank":
        half = size // 2
        text = "\n" * half + "The regime is a disgrace.\n" + "\n" * half if shaped else _markdown(size, False)
        before = _rss_mb("VmRSS")
        seconds = _window(text)
        return {"seconds": seconds, "peak_mb": max(0.0, _rss_mb("VmHWM") - before)}
    else:
        raise SystemExit(f"unknown case {case}")
    before = _rss_mb("VmRSS")
    start = time.perf_counter()
    work()
    return {"seconds": time.perf_counter() - start, "peak_mb": max(0.0, _rss_mb("VmHWM") - before)}


def _child(case: str, size: int, shaped: bool) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), QT_QPA_PLATFORM="offscreen",
               FRAMEREADER_HOME=tempfile.mkdtemp(prefix="shape-home-"))
    out = subprocess.run([sys.executable, __file__, "--case", case, "--size", str(size), "--shaped", str(int(shaped))],
                         capture_output=True, text=True, env=env, timeout=3600)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


#: (case, what the shape is, what it is measured against, size)
ROWS = (
    ("lexicon", "100,000-entry lexicon compiled", "the bundled-size lexicon, per entry (2,500 entries)", 100_000),
    ("longest", "10,000 entries at the term budget (8 words, hyphenated and spaced)",
     "one-word entries, a lexicon file of the same size", 10_000),
    ("markdown", "Markdown table, 2 MB", "Markdown prose, 2 MB", 2_000_000),
    ("html", "HTML table of small cells, 1 MB", "HTML paragraphs, 1 MB", 1_000_000),
    ("names", "comparison, 80,000 distinct names", "the same sentences naming 50 people", 80_000),
    ("blank", "window to first highlight, 200,000 blank lines around one word", "200 KB of prose", 200_000),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case")
    parser.add_argument("--size", type=int)
    parser.add_argument("--shaped", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="a tenth of each size")
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case, args.size, bool(args.shaped))))
        return 0
    worst_time = worst_memory = 0.0
    print("| shape | against | time | × time | peak memory | × memory |\n|---|---|---:|---:|---:|---:|")
    for case, shape, against, size in ROWS:
        size = size // 10 if args.quick else size
        if case == "lexicon":  # per entry: the shape at its size against a bundled-size lexicon
            small = 2_500
            shaped, plain = _child(case, size, True), _child(case, small, True)
            time_ratio = (shaped["seconds"] / size) / (plain["seconds"] / small)
            memory_ratio = (shaped["peak_mb"] / size) / max(plain["peak_mb"] / small, 1e-9)
        else:
            shaped, plain = _child(case, size, True), _child(case, size, False)
            time_ratio = shaped["seconds"] / plain["seconds"]
            memory_ratio = shaped["peak_mb"] / max(plain["peak_mb"], 1.0)
        worst_time, worst_memory = max(worst_time, time_ratio), max(worst_memory, memory_ratio)
        print(f"| {shape} | {against} | {shaped['seconds']:.2f} s vs {plain['seconds']:.2f} s | {time_ratio:.2f}× "
              f"| {shaped['peak_mb']:.0f} MB vs {plain['peak_mb']:.0f} MB | {memory_ratio:.2f}× |", flush=True)
    print(f"\nworst: {worst_time:.2f}× time (limit {TIME_LIMIT:.0f}×), {worst_memory:.2f}× memory "
          f"(limit {MEMORY_LIMIT:.0f}×)")
    return 0 if worst_time <= TIME_LIMIT and worst_memory <= MEMORY_LIMIT else 1


if __name__ == "__main__":
    raise SystemExit(main())
