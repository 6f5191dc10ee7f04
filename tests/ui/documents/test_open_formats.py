"""Saved web pages and PDFs open off the GUI thread; their title shows in the pane header."""

from __future__ import annotations

from pathlib import Path

from ui_support import WAIT_MS

PAGE = """<!doctype html><html><head><title>Valley talks stall | The Daily Example</title>
<meta name="author" content="Jo Writer"></head><body>
<nav><a href="/">Home</a><a href="/world">World</a></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies.</div>
<article><h1>Valley talks stall</h1>
<p>Negotiators from both governments left the border town on Tuesday without an agreement on the
future of the valley, officials said, after three days of talks that both sides called difficult.</p>
<p>The ministers will meet again next month in Geneva, according to a statement released late on
Tuesday evening by the foreign ministry, which gave no details of the remaining disagreements.</p>
</article><aside><h3>Most read</h3><ul><li>Celebrity wedding photos</li></ul></aside>
<footer>Copyright The Daily Example. All rights reserved.</footer></body></html>"""


def test_a_saved_page_opens_in_the_background_with_its_title(qtbot, window, tmp_path: Path) -> None:
    page = tmp_path / "talks.html"
    page.write_text(PAGE, encoding="utf-8")
    assert window.open_path(0, str(page))
    pane = window.panes[0]
    qtbot.waitUntil(lambda: pane.document is not None and pane.settled, timeout=WAIT_MS)
    assert "Negotiators from both governments" in pane.document.text
    assert "cookies" not in pane.document.text and "Most read" not in pane.document.text
    assert pane.header.title.text() == "Valley talks stall"
    assert "Jo Writer" in pane.header.meta.text()


def test_a_damaged_pdf_is_refused_in_a_dialog_and_the_pane_keeps_its_text(qtbot, window, tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text("Officials met in Paris on Monday.\n", encoding="utf-8")
    assert window.open_path(0, str(good))
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n")  # no pages, no trailer
    assert window.open_path(0, str(broken))  # read in the background: the answer comes later
    qtbot.waitUntil(lambda: bool(window.errors), timeout=WAIT_MS)
    title, message = window.errors[-1]
    assert title == "Cannot open the file" and "broken.pdf" in message
    assert window.panes[0].document.text.startswith("Officials met in Paris")


def test_a_german_text_says_so_in_the_pane_header(qtbot, window, tmp_path: Path) -> None:
    german = tmp_path / "kommentar.txt"
    german.write_text(
        "Die Regierung hat am Montag neue Pläne für die Grenze vorgestellt. Natürlich wird das nicht "
        "jedem gefallen, doch die Minister wollen die Gespräche mit den Nachbarländern fortsetzen. "
        "Die Opposition kritisiert, dass die Bürger zu wenig über die Kosten erfahren haben.\n",
        encoding="utf-8")
    assert window.open_path(1, str(german))
    qtbot.waitUntil(lambda: window.panes[1].document is not None, timeout=WAIT_MS)
    assert "German" in window.panes[1].header.meta.text()
