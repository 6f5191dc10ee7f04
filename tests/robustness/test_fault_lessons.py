"""Fault corpus: damaged or hostile `.framereader` lesson files. Each is refused with one line
naming the file, or opened with the damaged parts left out; never an abort, never a hang."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from framereader.core.errors import DocumentError
from framereader.core.state.lesson import MAX_TEXT_CHARS, load_session
from framereader.core.platform.settings import ZOOM_MAX, ZOOM_MIN

GOOD_TEXT = {"text": "Holloway's regime spoke in Geneva.", "blocks": [{"kind": "paragraph", "start": 0, "end": 34}],
             "source": "/lessons/a.md"}
DEEP = 100_000


def _lesson(**fields: object) -> dict:
    return {"format": "framereader-session", "version": 1, "left": GOOD_TEXT, "right": None, **fields}


OPENED = {  # damaged parts are dropped; the texts open
    "lexicons is a number": _lesson(lexicons=5),
    "hidden labels nested": _lesson(hidden_labels=[[1, 2]]),
    "view is a string": _lesson(view="abc"),
    "view is a list": _lesson(view=[1, 2]),
    "zoom with 400 digits": _lesson(view={"zoom": 10**400}),
    "zoom far too large": _lesson(view={"zoom": 1e300, "sync": "yes"}),
    "note with markup": _lesson(left={**GOOD_TEXT, "note": "<img src=x><a href=y>z</a>"}),
    "note is a dict": _lesson(left={**GOOD_TEXT, "note": {"html": 1}}),
    "blocks outside the text": _lesson(left={**GOOD_TEXT, "blocks": [{"kind": "paragraph", "start": 5, "end": 10**9}]}),
    "blocks of the wrong kind": _lesson(left={**GOOD_TEXT, "blocks": [{"kind": "script", "start": 0, "end": 1}, 7]}),
    "emphasis not a list": _lesson(left={**GOOD_TEXT, "emphasis": {"kind": "em"}}),
    "format unknown": _lesson(left={**GOOD_TEXT, "format": ["markdown"]}),
    "lone surrogate": _lesson(left={**GOOD_TEXT, "text": "Bad \ud800 text"}),
}
REFUSED = {
    "version is a word": _lesson(version="abc"),
    "version is a list": _lesson(version=[1]),
    "version is null": _lesson(version=None),
    "text is a number": _lesson(left={"text": 12345}),
    "left is a list": _lesson(left=[1, 2]),
}


def _write(folder: Path, name: str, data: object) -> Path:
    path = folder / (name.replace(" ", "-") + ".framereader")
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")  # \ud800 escaped
    return path


@pytest.mark.parametrize("case", sorted(OPENED))
def test_damaged_parts_are_left_out(tmp_path: Path, case: str) -> None:
    session = load_session(_write(tmp_path, case, OPENED[case]))
    assert session.left is not None and isinstance(session.left.text, str)
    text = session.left.text
    text.encode("utf-8")  # no lone surrogates reach Qt
    for block in session.left.blocks:
        assert 0 <= block.start <= block.end <= len(text)
    assert session.left.note is None or isinstance(session.left.note, str)
    assert all(isinstance(v, str) for v in (*session.lexicons, *session.hidden_labels, *session.hidden_categories))
    zoom = session.view.get("zoom")
    assert zoom is None or ZOOM_MIN <= zoom <= ZOOM_MAX
    assert "sync" not in session.view or isinstance(session.view["sync"], bool)


def test_damage_is_reported_in_warnings(tmp_path: Path) -> None:
    session = load_session(_write(tmp_path, "labels", OPENED["hidden labels nested"]))
    assert session.warnings and "hidden labels" in session.warnings[0]
    assert load_session(_write(tmp_path, "clean", _lesson())).warnings == ()


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_unusable_lessons_are_refused_in_one_line(tmp_path: Path, case: str) -> None:
    path = _write(tmp_path, case, REFUSED[case])
    with pytest.raises(DocumentError) as info:
        load_session(path)
    assert str(path) in info.value.message and len(info.value.message.splitlines()) == 1


def test_deep_json_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "deep", '{"format": "framereader-session", "left": ' + "[" * DEEP + "]" * DEEP + "}")
    with pytest.raises(DocumentError, match="nested too deeply"):
        load_session(path)


def test_the_document_limit_holds_inside_lesson_files(tmp_path: Path) -> None:
    path = tmp_path / "huge.framereader"
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"format": "framereader-session", "version": 1, "right": null, "left": {"text": "')
        handle.write("a" * (MAX_TEXT_CHARS + 1))
        handle.write('"}}')
    with pytest.raises(DocumentError) as info:
        load_session(path)
    assert str(path) in info.value.message and "20 MB" in info.value.message


def test_fifo_and_device_lessons_do_not_hang(tmp_path: Path, no_hang) -> None:
    fifo = tmp_path / "fifo.framereader"
    os.mkfifo(fifo)
    device = tmp_path / "zero.framereader"
    device.symlink_to("/dev/zero")
    no_hang(10)
    for path, kind in ((fifo, "pipe"), (device, "device")):
        with pytest.raises(DocumentError) as info:
            load_session(path)
        assert str(path) in info.value.message and kind in info.value.message


CASES_IN_THE_WINDOW = ["version is a word", "version is null", "lexicons is a number", "hidden labels nested",
                       "view is a list", "zoom with 400 digits", "text is a number"]


def test_the_window_survives_every_damaged_lesson(qtbot, window, tmp_path: Path) -> None:
    for case in CASES_IN_THE_WINDOW:
        data = REFUSED.get(case) or OPENED[case]
        path = _write(tmp_path, case, data)
        opened = window.open_path(0, str(path))
        assert opened == (case in OPENED), case
        qtbot.wait(20)
    refused = [case for case in CASES_IN_THE_WINDOW if case in REFUSED]
    assert len(window.errors) == len(refused)
    assert all(".framereader" in message for _title, message in window.errors)
    qtbot.waitUntil(lambda: window.panes[0].settled, timeout=60_000)
    assert window.panes[0].document is not None
    assert ZOOM_MIN <= window.settings.zoom <= ZOOM_MAX
