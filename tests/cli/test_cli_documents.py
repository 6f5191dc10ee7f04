"""The command line on real-world formats: `analyze` JSON carries "meta"; bad files exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from framereader.cli import main


import document_fixtures as fx  # tests/support


def test_analyze_saved_page_prints_meta(tmp_path: Path) -> None:
    page = tmp_path / "bridge.html"
    page.write_text(fx.saved_page(), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "framereader", "analyze", str(page)],
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["meta"] == {
        "title": "Bridge closure splits the city", "author": "Tomas Reyes", "date": "2024-03-05",
        "site": "The Harbour Gazette", "format": "html", "language": "en", "language_confidence": 1.0,
    }
    assert "COMMENT-TEXT" not in data["text"] and fx.ARTICLE_PARAGRAPHS[0] in data["text"]
    for span in data["entities"] + data["framing"]:
        assert data["text"][span["start"] : span["end"]] == span["text"]


def _truncated_pdf(tmp: Path) -> Path:
    path = tmp / "cut.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n")
    return path


def _bomb(tmp: Path) -> Path:
    return fx.make_zip_bomb(tmp / "bomb.docx", megabytes=50)


def _broken_docx(tmp: Path) -> Path:
    path = tmp / "broken.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document><unclosed>")
    return path


@pytest.mark.parametrize(
    ("make_input", "reason"),
    [(_truncated_pdf, "truncated"), (_bomb, "zip bomb"), (_broken_docx, "damaged")],
)
def test_bad_documents_exit_2_with_one_line(tmp_path: Path, capsys, make_input, reason: str) -> None:
    path = make_input(tmp_path)
    code = main(["analyze", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert str(path) in err and reason in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
