"""Document extraction times: 100-page PDFs, a 2 MB saved web page, Word/ODT, pathological Markdown.

Two PDFs: one typeset by Qt (as in the tests; Qt writes every glyph with its own text operator,
pypdf's worst case) and one written the way most producers write text (a TJ array per line).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/documents_bench.py

The fixtures are built first (the PDF is typeset with Qt, as in the tests); each file is then
loaded with `load_document` in this process, best of three runs, the first run also timed on its
own (it includes imports and loading the language model), then once more in a worker thread
while this thread ticks every 5 ms, to measure the longest stall a GUI thread would see.
Prints a Markdown table.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "unit"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _worst_gap(path: Path) -> float:
    """Longest gap (s) in a 5 ms tick loop on this thread while a worker thread loads `path`:
    how long a GUI thread would be blocked (by the GIL or a garbage collection) meanwhile."""
    import threading

    from framereader.core.documents import load_document

    done = threading.Event()

    def work() -> None:
        try:
            load_document(path)
        finally:
            done.set()

    threading.Thread(target=work, daemon=True).start()
    last = time.perf_counter()
    worst = 0.0
    garbage = []
    while not done.is_set():
        time.sleep(0.005)
        garbage.append([{} for _ in range(50)])  # a GUI thread allocates too
        now = time.perf_counter()
        worst, last = max(worst, now - last), now
    return worst


def _time(path: Path, runs: int = 3) -> tuple[float, float, int]:
    """(first run s, best run s, characters of text) for loading `path`."""
    from framereader.core.documents import load_document

    times = []
    chars = 0
    for _ in range(runs):
        started = time.perf_counter()
        chars = len(load_document(path).text)
        times.append(time.perf_counter() - started)
    return times[0], min(times), chars


def main() -> int:
    """Build the fixtures, time them, print the table."""
    import document_fixtures as fx
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="fr-docbench-"))
    started = time.perf_counter()
    pdf = fx.make_pdf(folder / "report-100.pdf", pages=100)
    made_pdf = time.perf_counter() - started
    tj_pdf = fx.make_tj_pdf(folder / "plain-100.pdf", pages=100)
    page = folder / "page-2mb.html"
    page.write_text(fx.saved_page(repeat=4000), encoding="utf-8")
    mhtml = folder / "page-2mb.mhtml"
    mhtml.write_bytes(fx.mhtml(fx.saved_page(repeat=4000), charset="utf-8"))
    docx = fx.make_docx(folder / "memo.docx")
    odt = fx.make_odt(folder / "notice.odt")
    deep = folder / "deep-quotes.md"
    deep.write_text((">" * 3000 + " deep quote\n") * 1500, encoding="utf-8")
    deep49 = folder / "quotes-49.md"
    deep49.write_text((">" * 49 + " quote text here\n") * 80_000, encoding="utf-8")
    prose = folder / "prose.md"
    prose.write_text(("The minister said on Tuesday that the reforms would go ahead. " * 12 + "\n\n") * 6000,
                     encoding="utf-8")
    rows = [("100-page PDF, Qt (one text operator per glyph)", pdf),
            ("100-page PDF, one TJ array per line", tj_pdf), ("2 MB saved web page (.html)", page),
            ("2 MB web archive (.mhtml)", mhtml), ("Word .docx (small)", docx), ("OpenDocument .odt (small)", odt),
            ("4.5 MB Markdown, quotes 3,000 deep", deep), ("5.3 MB Markdown, quotes 49 deep", deep49),
            ("4.5 MB Markdown prose", prose)]
    print(f"PDF fixture typeset in {made_pdf:.1f} s ({pdf.stat().st_size / 1e6:.1f} MB)\n")
    print("| File | Size | Text | First load | Best of 3 | Longest stall of another thread |")
    print("|---|---|---|---|---|---|")
    for label, path in rows:
        first, best, chars = _time(path)
        stall = _worst_gap(path)
        print(f"| {label} | {path.stat().st_size / 1e6:.2f} MB | {chars:,} chars | {first:.2f} s | {best:.2f} s "
              f"| {stall * 1000:.0f} ms |")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
