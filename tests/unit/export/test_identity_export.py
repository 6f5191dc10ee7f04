"""Document identity in the exports: the shared `"meta"` object of `analyze` and `compare`,
and the titles and bylines of the handout (edited titles, pasted texts, dates)."""

from __future__ import annotations

import json
from pathlib import Path

from export_support import STYLES, pair

from framereader.core.comparison.compare import compare
from framereader.core.documents import document_from_text, retitled
from framereader.core.export import comparison_json, document_heading, document_meta, export_json, render_handout_html
from framereader.core.model import Document, DocumentMeta


def test_meta_of_a_file_a_paste_and_a_renamed_paste() -> None:
    plain = document_from_text("Some words here.", source="/tmp/notes.txt")
    assert document_meta(plain) == plain.meta_json() and document_meta(plain)["title"] == "notes.txt"
    pasted = document_from_text("Pasted words.")
    assert document_meta(pasted)["title"] is None  # no file name, no title: unknown
    renamed = retitled(pasted, title="My paste", author="Kim")
    assert (document_meta(renamed)["title"], document_meta(renamed)["author"]) == ("My paste", "Kim")
    assert set(document_meta(plain)) == {"title", "author", "date", "site", "format", "language", "language_confidence"}
    assert document_meta(None, "/x/left.md") == dict.fromkeys(document_meta(plain), None) | {"title": "left.md"}
    assert document_meta(None, "clipboard")["title"] is None


def test_compare_json_has_meta_on_both_sides(tmp_path: Path) -> None:
    left, right = pair()
    comparison = compare(left, right, categories=[s.id for s in STYLES])
    left_doc = Document(left.text, source="/x/left.md", format="markdown",
                        meta=DocumentMeta(title="Storm", author="A. Writer", date="2024-03-05", site="The Daily"))
    data = comparison_json(left, right, comparison, documents=(left_doc, None))
    assert data["left"]["meta"] == {"title": "Storm", "author": "A. Writer", "date": "2024-03-05",
                                    "site": "The Daily", "format": "markdown", "language": None,
                                    "language_confidence": None}
    assert data["right"]["meta"]["title"] == Path(right.source).name and data["right"]["meta"]["format"] is None
    assert data["left"]["text"] == left.text and "actors" in data  # the rest is the comparison as before
    out = tmp_path / "c.json"
    export_json(out, left, right, comparison, documents=(left_doc, None))
    assert json.loads(out.read_text(encoding="utf-8"))["left"]["meta"]["author"] == "A. Writer"


def test_handout_titles_bylines_and_pasted_texts() -> None:
    pasted = document_from_text("words")
    assert document_heading(pasted) == ("Pasted text", "")
    dated = Document("x", source="/a/b.html", meta=DocumentMeta(title=" Storm ", author="Kim", site="Daily",
                                                                  date="2024-01-02"))
    assert document_heading(dated) == ("Storm", "Kim · Daily · 2024-01-02")
    assert document_heading(Document("x", source="/a/plain.txt")) == ("plain.txt", "")
    assert document_heading(None, "fallback.md") == ("fallback.md", "")
    left, right = pair()
    comparison = compare(left, right, categories=[s.id for s in STYLES])
    page = render_handout_html(left, right, comparison, STYLES,
                               documents=(retitled(pasted, title="Edited <b>title</b>", author="Kim"), pasted))
    assert "Left: Edited &lt;b&gt;title&lt;/b&gt;" in page and "Right: Pasted text" in page and "clipboard" not in page
