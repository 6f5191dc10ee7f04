"""Lesson files carry the teacher's own lexicons and the pipeline version; opening one uses
exactly the lesson's lexicons for that lesson, installing nothing without asking."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framereader.core.lexicons.embedded import (
    FROM_LESSON,
    MAX_EMBEDDED_CHARS,
    EmbeddedLexicon,
    embed_lexicons,
    embedded_from_json,
    keep_lesson_lexicons,
    restore_lexicons,
)
from framereader.core.lexicons.format import Category, Lexicon, serialize_lexicon
from framereader.core.lexicons.files import bundled_lexicon_paths, load_lexicon
from framereader.core.lexicons.library import BUNDLED, USER, LexiconLibrary
from framereader.core.lexicons.terms import Term
from framereader.core.model import Document
from framereader.core.state.lesson import Session, load_session, pipeline_difference, save_session
from framereader.core.platform.settings import Settings

BUNDLED_ID = "oped-framing-en"
MINE = Lexicon("my-framing-words", "My framing words", "en", "", (
    Category("loaded_language", "Loaded language", "#D55E00", "", (Term("spin", "a verdict", "account"),)),))


def _embedded(lexicon: Lexicon = MINE) -> EmbeddedLexicon:
    return EmbeddedLexicon(lexicon.id, lexicon.name, serialize_lexicon(lexicon))


def _lesson(**extra: object) -> Session:
    return Session(left=Document(text="A spin doctor."), right=None, pipeline="en_core_web_sm", lexicons=(BUNDLED_ID, MINE.id),
                   embedded_lexicons=(_embedded(),), pipeline_version="3.8.0", **extra)  # type: ignore[arg-type]


def test_lesson_round_trip_keeps_embedded_lexicons_and_pipeline_version(tmp_path: Path) -> None:
    path = tmp_path / "lesson.framereader"
    save_session(path, _lesson())
    restored = load_session(path)
    assert restored == _lesson() and restored.warnings == ()
    assert restored.embedded_lexicons[0].lexicon() == MINE


def test_old_lesson_files_without_the_new_fields_still_open(tmp_path: Path) -> None:
    path = tmp_path / "old.framereader"
    path.write_text(json.dumps({"format": "framereader-session", "version": 1, "left": {"text": "Old text."},
                                "right": None, "pipeline": "en_core_web_sm", "lexicons": [BUNDLED_ID]}), encoding="utf-8")
    session = load_session(path)
    assert session.embedded_lexicons == () and session.pipeline_version is None and session.warnings == ()
    assert session.lexicons == (BUNDLED_ID,)


def test_damaged_embedded_lexicons_are_left_out_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "lesson.framereader"
    save_session(path, _lesson())
    data = json.loads(path.read_text(encoding="utf-8"))
    good = data["embedded_lexicons"][0]
    data["embedded_lexicons"] = [
        good,
        {"id": "broken", "name": "Broken words", "text": "framereader-lexicon 2\nid = broken\n"},
        {"id": 3, "name": "Odd"},
        "not an object",
        {"id": "big", "name": "Big", "text": "x" * (MAX_EMBEDDED_CHARS + 1)},
    ]
    data["pipeline_version"] = ["3.8"]
    path.write_text(json.dumps(data), encoding="utf-8")
    session = load_session(path)
    assert [e.id for e in session.embedded_lexicons] == [MINE.id]
    assert session.pipeline_version is None
    text = " ".join(session.warnings)
    assert "'Broken words' is damaged" in text and "(line 1: missing required header key 'name')" in text
    assert "'Odd' is damaged" in text and "number 4 is damaged" in text and "'Big' is too large" in text
    assert all(str(path) in w for w in session.warnings)


def test_a_damaged_list_of_lexicons_is_ignored_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "lesson.framereader"
    path.write_text(json.dumps({"format": "framereader-session", "left": None, "right": None,
                                "embedded_lexicons": {"id": "x"}}), encoding="utf-8")
    session = load_session(path)
    assert session.embedded_lexicons == () and "damaged" in session.warnings[0]


def test_embed_leaves_out_the_bundled_lexicons() -> None:
    bundled = [load_lexicon(p) for p in bundled_lexicon_paths()]
    embedded, notes = embed_lexicons([*bundled, MINE])
    assert [e.id for e in embedded] == [MINE.id] and notes == []


def test_embed_says_which_lexicon_is_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    import framereader.core.lexicons.embedded as embedded_module

    monkeypatch.setattr(embedded_module, "MAX_EMBEDDED_CHARS", len(serialize_lexicon(MINE)) + 10)
    big = Lexicon("big", "Big list", "en", "", (Category("words", "Words", "#D55E00", "",
                                                          tuple(Term(f"word{i:03d}") for i in range(20))),))
    embedded, notes = embed_lexicons([MINE, big])
    assert [e.id for e in embedded] == [MINE.id]
    assert len(notes) == 1 and "'Big list' is too large" in notes[0]


def test_restore_on_a_fresh_library_installs_nothing_and_uses_the_lesson_lexicons(tmp_path: Path) -> None:
    settings = Settings()
    library = LexiconLibrary(settings)
    restored = restore_lexicons(library, (BUNDLED_ID, MINE.id), (_embedded(),), tmp_path)
    assert [item.id for item in restored.new] == [MINE.id] and restored.missing == () and restored.changed
    assert [e.kind for e in library.entries()] == [BUNDLED]  # nothing installed
    assert settings.disabled_lexicons == [] and settings.extra_lexicons == []
    copy, bundled = restored.paths
    assert Path(copy).parent == tmp_path and library.enabled_paths() == [copy, bundled]
    assert load_lexicon(copy).categories == MINE.categories
    assert "for this lesson only" in restored.sentence()
    # keeping is the reader's choice: their own lexicon, switched off
    assert keep_lesson_lexicons(library, restored.new) == (MINE.name + FROM_LESSON,)
    kept = [e for e in library.entries() if e.kind == USER]
    assert len(kept) == 1 and not kept[0].enabled
    assert keep_lesson_lexicons(library, restored.new) == ()  # already kept
    # opening the same lesson again finds the kept copy
    library.lesson = None
    again = restore_lexicons(library, (BUNDLED_ID, MINE.id), (_embedded(),), tmp_path)
    assert again.new == () and kept[0].path in again.paths


def test_restore_reuses_an_identical_local_lexicon_and_uses_a_copy_of_a_different_one(tmp_path: Path) -> None:
    library = LexiconLibrary(Settings())
    mine = library.add_new(MINE)
    first = restore_lexicons(library, (MINE.id,), (_embedded(),), tmp_path)
    assert first.new == () and first.paths == (mine.path,)  # the bundled one is off: not in the lesson
    changed = Lexicon(MINE.id, MINE.name, "en", "", (Category("loaded_language", "Loaded language", "#D55E00", "",
                                                              (Term("gambler"),)),))
    restored = restore_lexicons(library, (BUNDLED_ID, MINE.id), (_embedded(changed),), tmp_path)
    assert [item.name for item in restored.new] == [MINE.name]
    assert mine.path not in restored.paths  # same id, other words: the lesson's copy is used
    assert any(load_lexicon(p).find_term("gambler") for p in restored.paths)
    assert library.entry(mine.key).enabled  # the reader's settings are untouched


def test_restore_names_missing_lexicons_and_old_lessons_change_nothing(tmp_path: Path) -> None:
    settings = Settings()
    library = LexiconLibrary(settings)
    restored = restore_lexicons(library, (BUNDLED_ID, "teachers-list"), (), tmp_path)
    assert restored.missing == ("teachers-list",) and not restored.changed
    assert "teachers-list" in restored.sentence()
    library.lesson = None
    nothing = restore_lexicons(library, ("gone",), (), tmp_path)
    assert not nothing.changed and library.is_default()  # nothing found: keep what this computer uses
    assert restore_lexicons(library, (), (), tmp_path).changed is False and settings.disabled_lexicons == []


def test_a_lesson_lexicon_over_the_term_budget_is_left_out(tmp_path: Path) -> None:
    long_term = "-".join(["realise"] * 1000)
    text = serialize_lexicon(MINE) + long_term + " | why\n"
    warnings: list[str] = []
    kept = embedded_from_json([{"id": "mine", "name": "Mine", "text": text}], "lesson.framereader", warnings)
    assert kept == () and len(warnings) == 1 and "too long" in warnings[0] and "line" in warnings[0]


@pytest.mark.parametrize("name, version, expected", [
    ("en_core_web_sm", "3.8.0", None),
    ("en_core_web_sm", "3.7.1", "This lesson was made with en_core_web_sm 3.8.0; this computer has "
                                "en_core_web_sm 3.7.1; highlights may differ."),
    ("blank:en", "3.8.0", "This lesson was made with en_core_web_sm 3.8.0; this computer has blank:en 3.8.0; "
                          "highlights may differ."),
])
def test_pipeline_difference_is_one_sentence(name: str, version: str, expected: str | None) -> None:
    assert pipeline_difference(_lesson(), name, version) == expected


def test_pipeline_difference_of_an_old_lesson_compares_the_name_only() -> None:
    old = Session(left=None, right=None, pipeline="en_core_web_sm")
    assert pipeline_difference(old, "en_core_web_sm", "3.7.1") is None
    assert "made with en_core_web_sm;" in (pipeline_difference(old, "blank:en", "3.8.0") or "")
    assert pipeline_difference(Session(left=None, right=None), "blank:en", "3.8.0") is None


def test_an_embedded_lexicon_with_a_lone_surrogate_is_left_out(tmp_path: Path) -> None:
    text = serialize_lexicon(MINE).replace("a verdict", "a \ud800 verdict")
    warnings: list[str] = []
    assert embedded_from_json([{"id": "x", "name": "Odd \udfff", "text": text}], "lesson", warnings) == ()
    assert "is damaged" in warnings[0]
    warnings[0].encode("utf-8")  # the warning itself can be shown and written


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=30),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["id", "name", "text", "x"]),
                                                                               inner, max_size=4), max_leaves=12)


@settings(max_examples=150, deadline=None)
@given(value=JSON)
def test_any_json_as_embedded_lexicons_loads_or_warns(value: object) -> None:
    warnings: list[str] = []
    for item in embedded_from_json(value, "lesson", warnings):
        assert item.lexicon() is not None
    assert all(w.startswith("lesson: ") for w in warnings)


def test_lesson_copies_in_the_cache_are_kept_to_the_most_recently_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every lesson opened leaves a copy of its lexicons in the cache folder: only the most
    recently used stay, so years of lessons do not fill the disk; a copy in use is kept."""
    import os

    from framereader.core.lexicons import embedded

    monkeypatch.setattr(embedded, "MAX_LESSON_COPIES", 3)
    folder = tmp_path / "lesson-lexicons"

    def lexicon(n: int) -> EmbeddedLexicon:
        return _embedded(Lexicon(f"mine-{n}", f"Mine {n}", "en", "", (
            Category("loaded_language", "Loaded language", "#D55E00", "", (Term(f"word{n}", "a verdict", "account"),)),)))

    first = embedded.lesson_copy(lexicon(0), folder)
    for n, path in enumerate(sorted(folder.iterdir())):
        os.utime(path, (1_000_000 + n, 1_000_000 + n))  # long ago
    copies = [embedded.lesson_copy(lexicon(n), folder) for n in (1, 2)]
    assert first.is_file() and all(p.is_file() for p in copies)
    assert embedded.lesson_copy(lexicon(0), folder) == first  # used again: now the most recent
    os.utime(copies[0], (1_000_000, 1_000_000))  # lesson 1 not used for long
    newest = embedded.lesson_copy(lexicon(3), folder)
    assert sorted(folder.iterdir()) == sorted([first, copies[1], newest])  # the least recently used went
    assert not copies[0].exists() and embedded.lesson_copy(lexicon(1), folder).read_text(encoding="utf-8") == lexicon(1).text
