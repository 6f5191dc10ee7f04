"""Text that cannot be encoded: lone surrogates in every lesson field and file names that are not
UTF-8 in every command never crash and never produce output that is not valid UTF-8; control
characters never reach an output; the smaller things (BOMs, UTF-16 without a BOM, file names
only in lessons)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from framereader.cli import main
from framereader.core.documents import load_document
from framereader.core.model import Document, DocumentMeta
from framereader.core.platform.settings import load_settings
from framereader.core.state.lesson import Session, load_session, save_session
from framereader.core.platform.text_safety import clean_input, has_unsafe, safe_text

SAMPLES = ROOT / "resources" / "samples"
BAD_NAME = os.fsdecode(b"r\xe9sum\xe9 \xff\xfe.md")  # Latin-1 bytes: not UTF-8 (surrogate escapes)
LONE = "\ud800"


def _valid_utf8(path: Path) -> str:
    data = path.read_bytes()
    text = data.decode("utf-8")  # raises on anything that is not UTF-8
    assert "\x00" not in text and "\x1b" not in text
    return text


@pytest.fixture
def bad_names(tmp_path: Path) -> tuple[Path, Path]:
    left = tmp_path / BAD_NAME
    shutil.copy(SAMPLES / "a-border-crisis.md", left)
    right = tmp_path / os.fsdecode(b"b-\x81\x9b\x1b.md")  # a C1 byte and ESC in the name
    shutil.copy(SAMPLES / "b-border-crisis.md", right)
    return left, right


def test_safe_text_keeps_length_and_says_what_it_replaced() -> None:
    text = f"a{LONE}b\x00c\x1b[2Jd\te\nf\u00e9"
    safe = safe_text(text)
    assert len(safe) == len(text) and not has_unsafe(safe)
    assert safe.encode("utf-8") and "\t" in safe and "\n" in safe and "\u00e9" in safe
    assert clean_input("page\x0cbreak\x00!") == "page\nbreak!"


@pytest.mark.parametrize("kind", ["--json", "--html", "--pdf", None])
def test_non_utf8_file_names_in_compare(qapp, bad_names, tmp_path: Path, kind: str | None, capsys) -> None:
    left, right = bad_names
    args = ["compare", str(left), str(right), "--model", "blank:en"]
    target = tmp_path / f"out{kind or ''}".replace("--", ".")
    if kind:
        args += [kind, str(target)]
    assert main(args) == 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    if kind == "--json":
        data = json.loads(_valid_utf8(target))
        assert data["left"]["source"].endswith("r\ufffdsum\ufffd \ufffd\ufffd.md")
        assert "replaced by" in captured.err  # said so
    elif kind == "--html":
        _valid_utf8(target)
    elif kind == "--pdf":
        assert target.read_bytes().startswith(b"%PDF")
    else:
        captured.out.encode("utf-8")
        assert not has_unsafe(captured.out)
        json.loads(captured.out)


def test_non_utf8_file_names_in_analyze_and_lexicon_commands(bad_names, tmp_path: Path, capsys) -> None:
    left, _right = bad_names
    assert main(["analyze", str(left), "--model", "blank:en"]) == 0
    out = capsys.readouterr()
    assert not has_unsafe(out.out) and json.loads(out.out)["meta"]["title"]
    bad_lexicon = tmp_path / os.fsdecode(b"lex\xff\x1b.frlex")
    bad_lexicon.write_text("framereader-lexicon 2\nid = x\nname = X\nlanguage = en\n\n[loaded]\nname = L\n"
                           "colour = #C0392B\n\nword\n" + " ".join(["w"] * 20) + "\n", encoding="utf-8")
    assert main(["lexicon", "check", str(bad_lexicon)]) == 2
    err = capsys.readouterr().err
    assert "too long" in err and not has_unsafe(err) and "\ufffd" in err
    good = tmp_path / os.fsdecode(b"good\xff.txt")
    good.write_text("regime\nthug\n", encoding="utf-8")
    assert main(["lexicon", "import", str(good)]) == 0
    out = capsys.readouterr()
    assert not has_unsafe(out.out + out.err) and "imported" in out.out
    missing = tmp_path / os.fsdecode(b"gone\xff\x1b[2J.md")
    assert main(["analyze", str(missing)]) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and "\x1b" not in err and not has_unsafe(err)


def _hostile_lesson(path: Path) -> None:
    """A lesson with a lone surrogate (and a control character) in every string field."""
    text = f"Holloway{LONE} said the regime\x00 was a disgrace. NATO met in Paris.\n"
    doc = {"text": text, "blocks": [{"kind": "paragraph", "start": 0, "end": len(text), "level": 0}],
           "emphasis": [], "source": f"/home/teacher/secret{LONE}/a{LONE}.md", "encoding": f"utf-8{LONE}",
           "note": f"note{LONE}", "format": "markdown",
           "meta": {"title": f"Title{LONE}\x1b[31m", "author": f"Author{LONE}", "date": f"2024{LONE}",
                    "site": f"Site{LONE}", "language": f"e{LONE}"}}
    data = {"format": "framereader-session", "version": 1, "left": doc, "right": dict(doc, source=f"b{LONE}.md"),
            "pipeline": f"pipe{LONE}", "pipeline_version": f"3{LONE}", "lexicons": [f"lex{LONE}"],
            "hidden_labels": [f"DATE{LONE}"], "hidden_categories": [f"hedges{LONE}"],
            "view": {"theme": f"dark{LONE}", "zoom": 1.5},
            "embedded_lexicons": [{"id": f"x{LONE}", "name": f"My{LONE}", "text": f"framereader-lexicon 2{LONE}"}],
            "edits": {"left": {"excluded": [[0, 3]], "note": f"n{LONE}"}},
            "exercise": {"title": f"Spot{LONE}", "key": [], "instructions": f"Find{LONE}"}}
    path.write_text(json.dumps(data), encoding="utf-8")  # json writes "\ud800" as an escape: a valid file


def test_lone_surrogates_in_every_lesson_field(qapp, tmp_path: Path, capsys) -> None:
    lesson = tmp_path / "hostile.framereader"
    _hostile_lesson(lesson)
    session = load_session(lesson)
    assert session.left is not None and session.right is not None
    strings = [session.left.text, session.left.source, session.left.encoding, session.left.note or "",
               *(v or "" for v in (session.left.meta.title, session.left.meta.author, session.left.meta.site)),
               *session.lexicons, *session.hidden_labels, *session.hidden_categories]
    assert strings and not any(has_unsafe(s) for s in strings)
    assert session.left.source == "a\ufffd.md"  # the teacher's folders are gone
    assert any("lexicon" in w for w in session.warnings)  # the damaged lexicon is left out, said so
    for kind, name in (("--json", "o.json"), ("--html", "o.html")):
        assert main(["compare", str(lesson), "--model", "blank:en", kind, str(tmp_path / name)]) == 0
        _valid_utf8(tmp_path / name)
    assert main(["compare", str(lesson), "--model", "blank:en"]) == 0
    out = capsys.readouterr().out
    assert not has_unsafe(out) and json.loads(out)["left"]["meta"]["title"].startswith("Title\ufffd")
    again = tmp_path / "again.framereader"
    save_session(again, session)
    _valid_utf8(again)


def test_lessons_keep_file_names_only(tmp_path: Path) -> None:
    session = Session(Document("A text.", source="/home/teacher/Documents/class 7/a.md"),
                      Document("B text.", source="C:\\Users\\teacher\\b.txt"))
    path = tmp_path / "l.framereader"
    save_session(path, session)
    saved = path.read_text(encoding="utf-8")
    assert "/home/teacher" not in saved and "Users" not in saved
    loaded = load_session(path)
    assert (loaded.left.source, loaded.right.source) == ("a.md", "b.txt")


def test_a_bom_is_accepted_on_lessons_settings_and_lexicons(tmp_path: Path, isolated_user_dirs: Path) -> None:
    lesson = tmp_path / "bom.framereader"
    save_session(lesson, Session(Document("Text.", source="a.md"), None))
    lesson.write_bytes(b"\xef\xbb\xbf" + lesson.read_bytes())
    assert load_session(lesson).left.text == "Text."
    config = isolated_user_dirs / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_bytes(b"\xef\xbb\xbf" + json.dumps({"zoom": 1.5}).encode())
    settings, warning = load_settings()
    assert settings.zoom == 1.5 and not warning
    lexicon = tmp_path / "bom.frlex"
    lexicon.write_bytes(b"\xef\xbb\xbfframereader-lexicon 2\nid = b\nname = B\nlanguage = en\n\n[l]\nname = L\n"
                        b"colour = #C0392B\n\nword\n")
    assert main(["lexicon", "check", str(lexicon)]) == 0


def test_utf16_without_a_bom_in_chinese_and_a_late_nul(tmp_path: Path) -> None:
    chinese = "中文新闻报道说，政府昨天宣布了新的边境政策。许多居民对此表示担忧。\n" * 30
    for codec in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"zh-{codec}.txt"
        path.write_bytes(chinese.encode(codec))
        document = load_document(path)
        assert document.text == chinese and document.encoding == codec
    late = tmp_path / "late-nul.txt"
    late.write_bytes(b"word " * 4000 + b"after\x00nul \x1b[31mred\x1b[0m end\n")
    document = load_document(late)
    assert "\x00" not in document.text and "\x1b" not in document.text and "afternul" in document.text
    html = tmp_path / "late.html"
    assert main(["compare", str(late), str(late), "--model", "blank:en", "--html", str(html)]) == 0
    assert "\x00" not in _valid_utf8(html)
