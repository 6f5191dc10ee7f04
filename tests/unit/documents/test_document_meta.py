"""Document identity and language: titles, metadata JSON, lesson-file round trips, language notes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import document_fixtures as fx

from framereader.core.documents import (
    detect_language,
    document_from_text,
    language_note,
    load_document,
    retitled,
)
from framereader.core.model import Document, DocumentMeta
from framereader.core.state.lesson import Session, load_session, save_session

GERMAN = (
    "Natürlich ist die Lage schwierig. Doch die Regierung hat am Dienstag beschlossen, die Brücke "
    "über den Hafen zu schließen, weil die Ingenieure seit Jahren vor Rissen in den Pfeilern warnen."
)


@dataclass(frozen=True)
class FakePipeline:
    name: str
    lang: str


def test_title_falls_back_from_metadata_to_heading_to_file_name(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(fx.saved_page(), encoding="utf-8")
    assert load_document(page).title == "Bridge closure splits the city"
    markdown = tmp_path / "notes.md"
    markdown.write_text("Intro line\n\n## The real heading\n\nBody.\n", encoding="utf-8")
    assert load_document(markdown).title == "The real heading"
    plain = tmp_path / "plain.txt"
    plain.write_text("# not a heading in plain text\n", encoding="utf-8")
    doc = load_document(plain)
    assert doc.meta.title is None and doc.title == "plain.txt"
    assert document_from_text("pasted words").title == "clipboard"


def test_meta_json_for_analyze(tmp_path: Path) -> None:
    doc = load_document(fx.make_odt(tmp_path / "n.odt"))
    assert doc.meta_json() == {
        "title": "Ferry Notice", "author": "Ola Berg", "date": "2024-01-15", "site": None, "format": "odt",
        "language": doc.meta.language, "language_confidence": doc.meta.language_confidence,
    }
    plain = document_from_text("x", source="/tmp/a.txt")
    assert plain.meta_json()["title"] == "a.txt" and plain.meta_json()["author"] is None


def test_meta_round_trips_through_json_and_lesson_files(tmp_path: Path) -> None:
    meta = DocumentMeta("T", "A", "2024-01-02", "S", "de", 0.97)
    assert DocumentMeta.from_json(meta.to_json()) == meta
    doc = Document("Hallo Welt", source="/x/a.html", format="html", meta=meta)
    path = tmp_path / "lesson.framereader"
    save_session(path, Session(doc, None))
    loaded = load_session(path).left
    assert loaded == doc


def test_meta_from_bad_json_is_empty_not_an_error() -> None:
    assert DocumentMeta.from_json(None) == DocumentMeta()
    assert DocumentMeta.from_json([1, 2]) == DocumentMeta()
    bad = DocumentMeta.from_json({"title": 5, "author": ["x"], "language_confidence": 10 ** 400, "date": "  "})
    assert bad == DocumentMeta()
    assert DocumentMeta.from_json({"title": "x" * 5000}).title == "x" * 1000


def test_retitle_and_author() -> None:
    doc = retitled(document_from_text("words"), title="  My   title ", author="Kim")
    assert (doc.title, doc.meta.author) == ("My title", "Kim")
    assert retitled(doc, title="").title == "clipboard"


def test_language_detected_offline() -> None:
    assert detect_language(GERMAN)[0] == "de"
    assert detect_language("The council voted on Tuesday to close the old harbour bridge for repairs.")[0] == "en"
    assert detect_language("ok") == (None, None)  # too short to tell
    assert document_from_text(GERMAN).meta.language == "de"


def test_language_note_names_the_language_and_offers_pipelines() -> None:
    doc = document_from_text(GERMAN)
    installed = [FakePipeline("en_core_web_sm", "en"), FakePipeline("de_core_news_sm", "de")]
    note = language_note(doc, "en", installed)
    assert note is not None
    assert (note.language, note.name, note.pipelines) == ("de", "German", ("de_core_news_sm",))
    assert note.message.startswith("This text looks German; the pipeline is English")
    assert "de_core_news_sm" in note.message
    none_installed = language_note(doc, "en", installed[:1])
    assert none_installed is not None and none_installed.pipelines == ()
    assert "No German pipeline is installed" in none_installed.message
    assert language_note(doc, "de", installed) is None


def test_no_language_note_for_matching_or_unsure_text() -> None:
    english = document_from_text("The council voted on Tuesday to close the old harbour bridge for repairs.")
    assert language_note(english, "en") is None
    unsure = replace(english, meta=replace(english.meta, language="de", language_confidence=0.55))
    assert language_note(unsure, "en") is None
    assert language_note(document_from_text("ok"), "en") is None


def test_open_dialog_filter_offers_every_format() -> None:
    import re

    from framereader.core.documents import OPEN_DIALOG_FILTER, SUPPORTED_SUFFIXES

    entries = OPEN_DIALOG_FILTER.split(";;")
    assert all(re.fullmatch(r"[^()]+ \((\*[.\w]* ?)+\)", entry) for entry in entries), entries
    first = entries[0]
    for suffix in (*SUPPORTED_SUFFIXES, ".framereader"):
        assert f"*{suffix}" in first.split("(")[1].rstrip(")").split()
    assert {".pdf", ".docx", ".odt", ".rtf", ".html", ".mhtml", ".md", ".txt"} <= set(SUPPORTED_SUFFIXES)
    assert entries[-1] == "All files (*)"
