"""Fault corpus: damaged, hostile or unreachable settings. The app always starts (defaults and
one warning), never loses the damaged file, and two windows saving at once lose nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, assert_one_clear_line, read_only_folder, run_cli

from framereader.core.platform.settings import (
    MAX_RECENT,
    ZOOM_MAX,
    Settings,
    load_settings,
    save_settings,
    settings_path,
)

DEEP = 100_000
BAD_SETTINGS = {
    "geometry not base64": '{"window_geometry": "abc"}',
    "splitter not base64": '{"splitter_state": "abcde"}',
    "zoom with 400 digits": '{"zoom": 1' + "0" * 400 + "}",
    "zoom NaN": '{"zoom": NaN}',
    "zoom infinite": '{"zoom": -Infinity}',
    "recent files nested deep": '{"recent_files": ' + "[" * DEEP + "]" * DEEP + "}",
    "whole file nested deep": "[" * DEEP + "]" * DEEP,
    "NUL in paths": '{"recent_files": ["/a\\u0000b"], "extra_lexicons": ["x\\u0000.frlex", ""]}',
    "huge list": '{"hidden_labels": [' + ",".join(['"X"'] * 200_000) + "]}",
    "not UTF-8": b"\xff\xfe{\x00",
}


def _write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


@pytest.mark.parametrize("case", sorted(BAD_SETTINGS))
def test_bad_settings_give_sane_values(case: str) -> None:
    _write(settings_path(), BAD_SETTINGS[case])
    settings, _warning = load_settings()
    assert ZOOM_MAX >= settings.zoom >= 0.5
    for blob in (settings.window_geometry, settings.splitter_state):
        assert blob == "" or len(blob) % 4 == 0
    assert all(isinstance(p, str) and p and "\0" not in p for p in settings.recent_files + settings.extra_lexicons)
    assert len(settings.hidden_labels) <= 1000
    save_settings(settings)  # and the file written next is good
    assert load_settings()[1] is None


@pytest.mark.parametrize("case", ["geometry not base64", "splitter not base64", "zoom with 400 digits",
                                  "recent files nested deep", "NUL in paths"])
def test_the_window_starts_with_bad_settings(qtbot, engine, case: str) -> None:
    from framereader.ui.window.main_window import MainWindow

    _write(settings_path(), BAD_SETTINGS[case])
    window = MainWindow(engine=engine)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.service.ready, timeout=60_000)
    assert window.isVisible()
    window.shutdown()


def test_every_damaged_file_is_kept_under_its_own_name() -> None:
    path = settings_path()
    _write(path, "{ first damage")
    assert "damaged" in (load_settings()[1] or "")
    _write(path, "{ second damage")
    warning = load_settings()[1] or ""
    kept = sorted(p.name for p in path.parent.glob("settings.json.damaged*"))
    assert kept == ["settings.json.damaged", "settings.json.damaged-2"] and "settings.json.damaged-2" in warning
    assert {p.read_text() for p in path.parent.glob("settings.json.damaged*")} == {"{ first damage", "{ second damage"}
    load_settings()  # the same damage again makes no third copy
    assert len(list(path.parent.glob("settings.json.damaged*"))) == 2


def test_a_fifo_or_a_device_as_settings_does_not_hang(no_hang) -> None:
    path = settings_path()
    os.mkfifo(path)
    no_hang(10)
    settings, warning = load_settings()
    assert settings == Settings() and warning and "pipe" in warning
    path.unlink()
    path.symlink_to("/dev/zero")
    settings, warning = load_settings()
    assert settings == Settings() and warning and "device" in warning


def test_two_windows_saving_keep_each_others_changes() -> None:
    first, _ = load_settings()
    second, _ = load_settings()
    first.add_recent("/texts/first.md")
    first.theme = "dark"
    save_settings(first)
    second.add_recent("/texts/second.md")
    second.zoom = 1.5
    save_settings(second)  # the last writer does not undo the first window's changes
    merged, _ = load_settings()
    assert merged.recent_files[:2] == ["/texts/second.md", "/texts/first.md"]
    assert merged.theme == "dark" and merged.zoom == 1.5
    assert second.recent_files[:2] == ["/texts/second.md", "/texts/first.md"]  # the window sees both
    first.recent_files = []  # a removal is kept too; the file it never saw stays
    save_settings(first)
    assert load_settings()[0].recent_files == ["/texts/second.md"]


WRITER = """
import sys, time
from pathlib import Path
from framereader.core.platform.settings import load_settings, save_settings
settings, _ = load_settings()
while not Path(sys.argv[2]).exists():
    time.sleep(0.005)
settings.add_recent(sys.argv[1])
save_settings(settings)
"""


def test_concurrent_processes_saving_lose_no_recent_file(tmp_path: Path, isolated_user_dirs: Path) -> None:
    go = tmp_path / "go"
    env = {**os.environ, "FRAMEREADER_HOME": str(isolated_user_dirs), "PYTHONPATH": str(ROOT / "src")}
    names = [f"/texts/{n}.md" for n in range(6)]
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, name, str(go)], env=env) for name in names]
    go.touch()
    assert [w.wait(timeout=60) for w in writers] == [0] * len(writers)
    recent = load_settings()[0].recent_files
    assert sorted(recent) == sorted(names) and len(recent) <= MAX_RECENT


def test_read_only_home_keeps_settings_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from framereader.core.lexicons.library import LexiconLibrary
    from framereader.core.nlp.cache import AnalysisCache

    with read_only_folder(tmp_path / "home") as home:
        monkeypatch.setenv("FRAMEREADER_HOME", str(home))
        settings, warning = load_settings()
        assert settings.memory_only and warning and "in memory" in warning and str(home) in warning
        settings.zoom = 2.0
        save_settings(settings)  # nothing to write, nothing raised
        assert [e.kind for e in LexiconLibrary(settings).entries()] and not any(home.iterdir())
        cache = AnalysisCache()
        assert not cache.enabled and cache.note and str(home) in cache.note
        words = tmp_path / "words.txt"
        words.write_text("regime\n", encoding="utf-8")
        result = run_cli("lexicon", "import", str(words), home=home)
        assert result.returncode == 2
        assert_one_clear_line(result.stderr, home)


def test_read_only_home_window_starts(qtbot, engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from framereader.ui.window.main_window import MainWindow

    with read_only_folder(tmp_path / "home") as home:
        monkeypatch.setenv("FRAMEREADER_HOME", str(home))
        window = MainWindow(engine=engine)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.service.ready, timeout=60_000)
        window.shutdown()
        assert not any(home.iterdir())


def test_damaged_settings_json_round_trip_stays_valid_json() -> None:
    _write(settings_path(), BAD_SETTINGS["zoom with 400 digits"])
    settings, _ = load_settings()
    save_settings(settings)
    assert json.loads(settings_path().read_text(encoding="utf-8"))["zoom"] == 1.0
