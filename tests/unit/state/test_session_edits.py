"""The reader's edits in lesson files: saved per text, restored, damaged ones dropped with a
warning, lessons from before edits still open."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from framereader.core.state.edits import Exclusion, LabelCorrection, Suppression, TextEdits
from framereader.core.model import Document
from framereader.core.state.lesson import Session, load_session, save_session

LEFT = Document(text="Reader comment: the regime is a disgrace.\nHolloway met Kim.", source="/a/left.txt")
RIGHT = Document(text="NATO met in Paris.", source="/a/right.txt")
EDITS = {
    "left": TextEdits((Exclusion(0, 41),), (Suppression(20, 26, "delegitimizing"),), (LabelCorrection(42, 50, None),)),
    "right": TextEdits(corrections=(LabelCorrection(12, 17, "LOC"),)),
}


def test_edits_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "lesson.framereader"
    session = Session(left=LEFT, right=RIGHT, edits=dict(EDITS))
    save_session(path, session)
    restored = load_session(path)
    assert restored.edits == EDITS and restored.warnings == ()
    assert json.loads(path.read_text(encoding="utf-8"))["edits"]["left"]["excluded"] == [[0, 41]]


def test_a_lesson_without_edits_opens_and_writes_none(tmp_path: Path) -> None:
    path = tmp_path / "old.framereader"
    save_session(path, Session(left=LEFT, right=RIGHT))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "edits" not in data  # older FrameReaders read the file as before
    assert load_session(path).edits == {}


def test_damaged_edits_are_left_out_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "lesson.framereader"
    save_session(path, Session(left=LEFT, right=RIGHT, edits=dict(EDITS)))
    data = json.loads(path.read_text(encoding="utf-8"))
    data["edits"]["left"]["excluded"].append([30, 999])  # past the end of the text
    data["edits"]["right"] = "garbage"
    path.write_text(json.dumps(data), encoding="utf-8")
    restored = load_session(path)
    assert restored.left == LEFT and restored.right == RIGHT
    assert restored.edits == {"left": EDITS["left"]}
    assert len(restored.warnings) == 2 and all(str(path) in w for w in restored.warnings)
    data["edits"] = [1, 2]
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_session(path).edits == {} and load_session(path).warnings


def test_edits_of_a_missing_text_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "lesson.framereader"
    save_session(path, replace(Session(left=LEFT, right=None), edits={"left": EDITS["left"], "right": EDITS["right"]}))
    assert load_session(path).edits == {"left": EDITS["left"]}
