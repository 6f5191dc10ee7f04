"""`framereader compare LESSON.framereader`: both texts of a lesson file, with the reader's edits."""

from __future__ import annotations

import json
from pathlib import Path

from framereader.cli import main
from framereader.core.documents import load_document
from framereader.core.state.edits import Exclusion, TextEdits
from framereader.core.state.lesson import Session, save_session

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


def test_compare_a_lesson_uses_its_edits(tmp_path: Path, capsys) -> None:
    left, right = (load_document(str(SAMPLES / name)) for name in ("a-border-crisis.md", "b-border-crisis.md"))
    start = left.text.index("Holloway, a former tank commander")
    end = left.text.index("\n", start)
    lesson = tmp_path / "lesson.framereader"
    save_session(lesson, Session(left=left, right=right, edits={"left": TextEdits((Exclusion(start, end),))}))
    out, html = tmp_path / "c.json", tmp_path / "h.html"
    assert main(["compare", str(lesson), "--json", str(out), "--html", str(html)]) == 0, capsys.readouterr().err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["left"]["excluded"] == [[start, end]] and data["right"]["excluded"] == []
    assert data["left"]["entities"] and not any(start <= e["start"] < end for e in data["left"]["entities"])
    assert not any(start <= f["start"] < end for f in data["left"]["framing"])
    assert "[omitted from analysis]" in html.read_text(encoding="utf-8")


def test_compare_refuses_a_lesson_with_a_second_text_or_one_text_alone(tmp_path: Path, capsys) -> None:
    a = str(SAMPLES / "a-border-crisis.md")
    assert main(["compare", a]) == 2
    assert "needs a second text" in capsys.readouterr().err
    lesson = tmp_path / "one.framereader"
    save_session(lesson, Session(left=load_document(a), right=None))
    assert main(["compare", str(lesson)]) == 2
    assert "holds only one text" in capsys.readouterr().err
    assert main(["compare", str(lesson), a]) == 2
    err = capsys.readouterr().err
    assert "is a lesson file" in err and "Traceback" not in err
