"""Every bad-input case through the loader and `framereader analyze`: shown or refused clearly."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from corpus import REFUSED
from framereader.cli import main
from framereader.core.documents import load_document
from framereader.core.errors import DocumentError

LOADABLE = ["empty", "whitespace", "invalid_utf8", "utf16_le", "utf16_be", "cp1252", "latin1",
            "one_mb_line", "deep_lists", "deep_quotes", "hostile_markdown", "huge_table"]


def _simulate_unreadable(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    real_open = Path.open

    def guarded(self, *args, **kwargs):
        if Path(self) == path:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(self, *args, **kwargs)

    real_os_open = os.open

    def guarded_os_open(file, *args, **kwargs):
        if Path(file) == path:
            raise PermissionError(13, "Permission denied", str(path))
        return real_os_open(file, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded)
    monkeypatch.setattr(os, "open", guarded_os_open)
    import builtins

    real_builtin_open = builtins.open

    def guarded_builtin(file, *args, **kwargs):
        if isinstance(file, (str, Path)) and Path(file) == path:
            raise PermissionError(13, "Permission denied", str(path))
        return real_builtin_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_builtin)


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_loader_refuses_with_a_message_naming_the_file(corpus, case, monkeypatch, unreadable_is_enforced) -> None:
    path = corpus[case]
    if case == "unreadable" and not unreadable_is_enforced:
        _simulate_unreadable(monkeypatch, path)
    with pytest.raises(DocumentError) as info:
        load_document(path)
    message = info.value.message
    assert str(path) in message and len(message.splitlines()) == 1 and len(message) < 300


@pytest.mark.parametrize("case", LOADABLE)
def test_loader_shows_the_rest(corpus, case) -> None:
    doc = load_document(corpus[case])
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= len(doc.text)
    assert "\r" not in doc.text


def test_decoded_texts_are_right(corpus) -> None:
    assert "Holloway’s regime" in load_document(corpus["utf16_le"]).text
    assert "Holloway’s regime" in load_document(corpus["utf16_be"]).text
    cp = load_document(corpus["cp1252"])
    assert "“Regime”" in cp.text and cp.note and "1252" in cp.note
    latin = load_document(corpus["latin1"])
    assert "Zürich" in latin.text and latin.note


def test_hostile_markdown_keeps_no_script_or_remote_resource(corpus) -> None:
    doc = load_document(corpus["hostile_markdown"])
    assert "regime" in doc.text
    # Raw HTML is shown as literal text (never interpreted); image URLs are dropped (alt text
    # only) and links keep their text but not their target.
    assert "<script>alert('x')</script>" in doc.text
    assert "pixel.png" not in doc.text and "tracker" in doc.text
    assert "javascript" not in doc.text and "click" in doc.text
    assert not [e for e in doc.emphasis if e.kind == "link" and doc.text[e.start : e.end] == "click"]


@pytest.mark.parametrize("case", ["binary", "fifty_mb", "missing", "directory", "nul_bytes"])
def test_cli_refuses_with_exit_2_and_no_traceback(corpus, case, capsys) -> None:
    assert main(["analyze", str(corpus[case])]) == 2
    err = capsys.readouterr().err
    assert str(corpus[case]) in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("case", ["empty", "whitespace", "cp1252", "utf16_be", "deep_quotes", "hostile_markdown"])
def test_cli_analyses_the_loadable_cases(corpus, case, capsys) -> None:
    assert main(["analyze", str(corpus[case]), "--model", "blank:en"]) == 0
    data = json.loads(capsys.readouterr().out)
    for span in data["entities"] + data["framing"]:
        assert data["text"][span["start"] : span["end"]] == span["text"]
