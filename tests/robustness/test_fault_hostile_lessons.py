"""Hostile lessons and lexicons: a small file never costs without bound, and nothing it carries
is installed or paid for again at the next start without the reader's say."""

from __future__ import annotations

import json
import time
from pathlib import Path

from conftest import ROOT

from framereader.cli import main
from framereader.core.lexicons.embedded import EmbeddedLexicon
from framereader.core.lexicons.format import Category, Lexicon, Term, serialize_lexicon
from framereader.core.lexicons.library import USER, LexiconLibrary
from framereader.core.model import Document
from framereader.core.platform.settings import Settings
from framereader.core.state.lesson import Session, load_session, save_session

SAMPLES = ROOT / "resources" / "samples"
HEAD = "framereader-lexicon 2\nid = long\nname = Long\nlanguage = en\n\n[loaded]\nname = Loaded\ncolour = #C0392B\n\n"
LONG_TERM = "-".join(["realise"] * 1000)  # the probe's 9 KB term: 3.6 GB and 27 s to compile before



def _next_start(qtbot, window, engine):
    """The window closed, and a new one started with its settings on the shared engine (ready)."""
    from framereader.ui.window.main_window import MainWindow

    window.shutdown()
    engine.use_lexicon_files(None)
    later = MainWindow(engine=engine, settings=Settings.from_dict(window.settings.to_dict()), persist=False)
    later.messages.dialogs = False
    qtbot.addWidget(later)
    qtbot.waitUntil(lambda: later.service.ready, timeout=60_000)
    return later

def test_the_9kb_lexicon_is_refused_by_lexicon_check_at_once(tmp_path: Path, capsys) -> None:
    path = tmp_path / "long.frlex"
    path.write_text(HEAD + "fine word | ok\n" + LONG_TERM + " | why\n", encoding="utf-8")
    start = time.perf_counter()
    assert main(["lexicon", "check", str(path)]) == 2
    assert time.perf_counter() - start < 5
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and f"{path}:11:" in err[0] and "realise-realise" in err[0] and len(err[0]) < 300
    assert main(["lexicon", "import", str(path)]) == 2
    assert "too long" in capsys.readouterr().err
    assert LexiconLibrary(Settings()).entries()[-1].kind != USER  # nothing imported


def _lesson_with(path: Path, lexicon_text: str) -> None:
    left = Document("The regime is a disgrace, said the realiser.\n", source="/home/teacher/a.md")
    right = Document("The council met.\n", source="/home/teacher/b.md")
    save_session(path, Session(left, right, lexicons=("oped-framing-en", "long"),
                               embedded_lexicons=(EmbeddedLexicon("long", "Long", lexicon_text),)))


def test_the_same_lexicon_inside_a_20kb_lesson_is_left_out_and_costs_nothing(qapp, tmp_path: Path, capsys) -> None:
    lesson = tmp_path / "hostile.framereader"
    _lesson_with(lesson, HEAD + (LONG_TERM + " | why\n") * 2)
    assert 15_000 < lesson.stat().st_size < 40_000
    start = time.perf_counter()
    session = load_session(lesson)
    assert session.embedded_lexicons == ()
    assert len(session.warnings) == 1 and "too long" in session.warnings[0] and "line 10" in session.warnings[0]
    assert main(["compare", str(lesson), "--model", "blank:en", "--json", str(tmp_path / "o.json")]) == 0
    assert time.perf_counter() - start < 60
    assert "too long" in capsys.readouterr().err
    assert "/home/teacher" not in lesson.read_text(encoding="utf-8")


def test_a_lesson_installs_nothing_and_the_next_start_pays_nothing(qtbot, window, engine, tmp_path: Path) -> None:
    """Opening a lesson with its own lexicon: used for the lesson, a question (default No),
    nothing in the reader's lexicons or settings; a window started afterwards compiles only the
    bundled lexicons."""
    from framereader.ui.lexicons.lesson_lexicons import KEEP_TITLE

    mine = Lexicon("mine", "Teacher words", "en", "", (Category("loaded", "Loaded", "#C0392B", "",
                                                                (Term("disgrace"), Term("realiser"))),))
    lesson = tmp_path / "lesson.framereader"
    _lesson_with(lesson, serialize_lexicon(mine))
    before = json.dumps(window.settings.to_dict(), sort_keys=True)
    assert window.open_path(0, str(lesson))
    qtbot.waitUntil(lambda: window.panes[0].settled and window.panes[0].analysis is not None
                    and any(f.term == "realiser" for f in window.panes[0].analysis.framing), timeout=60_000)
    assert [title for title, _question in window.messages.questions] == [KEEP_TITLE]
    assert all(e.kind != USER for e in window.library.entries())
    settings = window.settings.to_dict()
    settings["recent_files"] = json.loads(before)["recent_files"]  # the lesson is a recent file, nothing else
    assert json.dumps(settings, sort_keys=True) == before
    later = _next_start(qtbot, window, engine)
    try:
        assert later.library.is_default() and later.library.lesson is None
        assert [lex.id for lex in later.service.lexicons] == ["oped-framing-en"]
    finally:
        later.shutdown()


def test_a_slow_or_failed_lexicon_is_held_back_at_the_next_start(qtbot, window, engine, tmp_path: Path) -> None:

    big = Lexicon("big", "Big list", "en", "", (Category("loaded", "Loaded", "#C0392B", "",
                                                         tuple(Term(f"word{i}") for i in range(40))),))
    entry = window.library.add_new(big)
    window.models.apply_lexicons()
    qtbot.waitUntil(lambda: any(lex.id == "big" for lex in window.service.lexicons), timeout=60_000)
    window.service.lexicons_timed.emit([str(p) for p in window.library.enabled_paths()], 95.0, "")
    assert entry.key in window.settings.disabled_lexicons
    assert any(h.startswith(entry.key) and "95 s" in h for h in window.settings.held_lexicons)
    assert "will not be loaded at the next start" in window.statusBar().currentMessage()
    later = _next_start(qtbot, window, engine)
    try:
        message = later.statusBar().currentMessage()
        assert "Not loaded at start" in message and "Big list" in message and "Lexicons" in message
        assert later.library.is_default()
        later.library.set_enabled(entry.key, True)  # the Lexicons dialog's check box
        assert later.settings.held_lexicons == [] and later.library.held() == []
    finally:
        later.shutdown()
