"""Lesson files carry the teacher's own lexicons and the pipeline version; opening one installs
what this computer lacks and enables exactly the lesson's lexicons."""

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


def test_restore_on_a_fresh_library_installs_and_enables_exactly_the_lesson_lexicons() -> None:
    library = LexiconLibrary(Settings())
    restored = restore_lexicons(library, (BUNDLED_ID, MINE.id), (_embedded(),))
    assert restored.installed == (MINE.name + FROM_LESSON,) and restored.missing == () and restored.changed
    enabled = [e for e in library.entries() if e.enabled]
    assert [e.kind for e in enabled] == [BUNDLED, USER]
    assert enabled[1].lexicon.categories == MINE.categories
    # opening the same lesson again finds the copy instead of installing another
    again = restore_lexicons(library, (BUNDLED_ID, MINE.id), (_embedded(),))
    assert again.installed == () and not again.changed
    assert [e.kind for e in library.entries()].count(USER) == 1


def test_restore_reuses_an_identical_local_lexicon_and_replaces_a_different_one() -> None:
    library = LexiconLibrary(Settings())
    mine = library.add_new(MINE)
    assert restore_lexicons(library, (MINE.id,), (_embedded(),)).installed == ()
    assert [e.key for e in library.entries() if e.enabled] == [mine.key]  # the bundled one is off: not in the lesson
    changed = Lexicon(MINE.id, MINE.name, "en", "", (Category("loaded_language", "Loaded language", "#D55E00", "",
                                                              (Term("gambler"),)),))
    restored = restore_lexicons(library, (BUNDLED_ID, MINE.id), (_embedded(changed),))
    assert restored.installed == (MINE.name + FROM_LESSON,)
    enabled = [e for e in library.entries() if e.enabled]
    assert mine.key not in [e.key for e in enabled]  # same id, other words: the lesson's copy is used
    assert any(e.lexicon.find_term("gambler") for e in enabled)


def test_restore_names_missing_lexicons_and_old_lessons_change_nothing() -> None:
    settings = Settings()
    library = LexiconLibrary(settings)
    restored = restore_lexicons(library, (BUNDLED_ID, "teachers-list"), ())
    assert restored.missing == ("teachers-list",) and not restored.changed
    assert "teachers-list" in restored.sentence()
    nothing = restore_lexicons(library, ("gone",), ())
    assert not nothing.changed and library.is_default()  # nothing found: keep what this computer uses
    assert restore_lexicons(library, (), ()) .changed is False and settings.disabled_lexicons == []


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
