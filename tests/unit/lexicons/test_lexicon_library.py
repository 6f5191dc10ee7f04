"""The lexicon library (bundled / user / files, enabling, duplicate, import, save) and drafts."""

from __future__ import annotations

from pathlib import Path

import pytest

from framereader.core.errors import LexiconError
from framereader.core.lexicons.files import bundled_lexicon_paths, load_lexicon, user_lexicon_dir
from framereader.core.lexicons.draft import LexiconDraft, TermDraft
from framereader.core.lexicons.library import BUNDLED, FILE, USER, LexiconLibrary
from framereader.core.platform.settings import Settings, load_settings, save_settings


def test_fresh_library_lists_the_bundled_lexicons_enabled_and_read_only() -> None:
    library = LexiconLibrary(Settings())
    entries = library.entries()
    assert [e.kind for e in entries] == [BUNDLED] * len(bundled_lexicon_paths())
    assert all(e.enabled and not e.editable and e.lexicon is not None for e in entries)
    assert library.is_default()


def test_duplicate_makes_an_editable_enabled_copy_and_switches_the_original_off() -> None:
    settings = Settings()
    library = LexiconLibrary(settings)
    bundled = library.entries()[0]
    copy = library.duplicate(bundled.key)
    assert copy.kind == USER and copy.editable and Path(copy.path).parent == user_lexicon_dir()
    assert copy.lexicon.id != bundled.lexicon.id and copy.lexicon.name.endswith("(copy)")
    assert copy.lexicon.categories == bundled.lexicon.categories
    assert library.enabled_paths() == [copy.path] and not library.is_default()
    assert settings.disabled_lexicons == [bundled.key]
    # a second copy gets another id and file
    second = library.duplicate(bundled.key)
    assert second.path != copy.path and second.lexicon.id != copy.lexicon.id


def test_edit_save_reload_round_trip() -> None:
    library = LexiconLibrary(Settings())
    entry = library.create("Lesson 4")
    draft = LexiconDraft.from_lexicon(entry.lexicon)
    draft.categories[0].terms.append(TermDraft("crackdown", "casts a response as force", "response"))
    draft.categories[0].colour = "#0072b2"
    fear = draft.add_category("Fear words")
    fear.terms.append(TermDraft("menace"))
    assert draft.problems() == []
    library.save(entry.key, draft.to_lexicon())
    reloaded = library.entry(entry.key).lexicon
    assert reloaded == draft.to_lexicon()
    assert reloaded.category("my_terms").colour == "#0072B2"
    assert reloaded.find_term("Crackdown")[1].alternative == "response"
    assert reloaded.category("fear_words").terms[0].text == "menace"
    assert Path(entry.path + ".bak").is_file()  # the previous version is kept


def test_a_crash_while_saving_leaves_the_previous_file(monkeypatch: pytest.MonkeyPatch) -> None:
    library = LexiconLibrary(Settings())
    entry = library.create("Kept")
    before = Path(entry.path).read_bytes()
    draft = LexiconDraft.from_lexicon(entry.lexicon)
    draft.name = "Changed"

    def crash(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("framereader.core.platform.atomic.os.replace", crash)
    with pytest.raises(LexiconError, match="cannot be saved.*No space left"):
        library.save(entry.key, draft.to_lexicon())
    assert Path(entry.path).read_bytes() == before
    assert [p.name for p in Path(entry.path).parent.iterdir() if p.name.endswith(".tmp")] == []


def test_bundled_lexicons_cannot_be_saved_over_or_removed() -> None:
    library = LexiconLibrary(Settings())
    bundled = library.entries()[0]
    with pytest.raises(LexiconError, match="duplicate it"):
        library.save(bundled.key, bundled.lexicon)
    with pytest.raises(LexiconError, match="cannot be removed"):
        library.remove(bundled.key)


def test_invalid_import_reports_line_and_reason_and_changes_nothing(tmp_path: Path) -> None:
    settings = Settings()
    library = LexiconLibrary(settings)
    bad = tmp_path / "words.csv"
    bad.write_text("term,category,note\nregime,Loaded,fine\nswarm\n", encoding="utf-8")
    before = [e.key for e in library.entries()]
    with pytest.raises(LexiconError) as caught:
        library.import_file(bad)
    assert caught.value.line == 3 and "no category" in caught.value.reason
    assert str(bad) in caught.value.message
    assert [e.key for e in library.entries()] == before and settings == Settings()
    assert list(user_lexicon_dir().iterdir()) == []


def test_import_copies_a_word_list_into_the_user_folder(tmp_path: Path) -> None:
    words = tmp_path / "lesson words.txt"
    words.write_text("swarm | dehumanising | many people\nflood\n", encoding="utf-8")
    library = LexiconLibrary(Settings())
    entry = library.import_file(words)
    assert entry.editable and entry.enabled
    assert load_lexicon(entry.path).find_term("swarm")[1].note == "dehumanising"


def test_enabling_and_files_from_elsewhere_persist(tmp_path: Path) -> None:
    words = tmp_path / "extra.txt"
    words.write_text("valley\n", encoding="utf-8")
    settings = Settings()
    library = LexiconLibrary(settings)
    added = library.add_file(words)
    assert added.kind == FILE and str(words.resolve()) in library.enabled_paths()
    bundled_key = library.entries()[0].key
    library.set_enabled(bundled_key, False)
    save_settings(settings)
    reloaded, warning = load_settings()
    assert warning is None
    again = LexiconLibrary(reloaded)
    assert [e.enabled for e in again.entries()] == [False, True]
    again.remove(added.key)
    assert [e.kind for e in again.entries()] == [BUNDLED] and words.is_file()  # only forgotten


def test_removing_a_user_lexicon_keeps_a_backup() -> None:
    library = LexiconLibrary(Settings())
    entry = library.create("Temporary")
    library.remove(entry.key)
    assert not Path(entry.path).exists() and Path(entry.path + ".bak").is_file()
    assert all(e.key != entry.key for e in library.entries())


def test_an_unreadable_user_lexicon_is_listed_with_its_error() -> None:
    (user_lexicon_dir() / "broken.frlex").write_text("framereader-lexicon 1\nid = Bad Id\nname = B\nlanguage = en\n", encoding="utf-8")
    entry = LexiconLibrary(Settings()).entries()[-1]
    assert entry.lexicon is None and "broken.frlex:2" in entry.error and "bad lexicon id" in entry.error
    assert entry.path not in LexiconLibrary(Settings()).enabled_paths()


def test_draft_problems_name_the_term_and_category() -> None:
    draft = LexiconDraft.from_lexicon(load_lexicon(bundled_lexicon_paths()[0]))
    assert draft.problems() == []
    first, second = draft.categories[0], draft.categories[1]
    second.terms.append(TermDraft(first.terms[0].text.upper()))
    first.terms.append(TermDraft("a | b"))
    first.colour = "red"
    problems = draft.problems()
    assert any("duplicate term" in p and first.name in p for p in problems)
    assert any("'a | b'" in p and "cannot contain '|'" in p for p in problems)
    assert any("bad colour" in p and "red" in p.lower() for p in problems)


def test_draft_search_and_blank_rows() -> None:
    draft = LexiconDraft("x", "X", "en")
    cat = draft.add_category("Loaded")
    cat.terms += [TermDraft("regime", "oppressive"), TermDraft("  "), TermDraft("swarm", alternative="crowd")]
    other = draft.add_category("Loaded")
    assert other.id == "loaded_2" and other.colour != cat.colour
    assert draft.search("CROWD") == {0: [2], 1: []}
    assert draft.search("") == {0: [0, 1, 2], 1: []}
    assert [t.text for t in draft.to_lexicon().categories[0].terms] == ["regime", "swarm"]


def test_files_are_parsed_again_only_when_they_change(monkeypatch: pytest.MonkeyPatch) -> None:
    from framereader.core.lexicons import library as lexicon_library

    library = LexiconLibrary(Settings())
    entry = library.create("Watched")
    reads: list[str] = []
    real = lexicon_library._load_any
    monkeypatch.setattr(lexicon_library, "_load_any", lambda path: reads.append(path.name) or real(path))
    library.entries()
    library.entries()
    assert reads.count("watched.frlex") == 1
    reads.clear()
    draft = LexiconDraft.from_lexicon(entry.lexicon)
    draft.categories[0].terms.append(TermDraft("menace"))
    library.save(entry.key, draft.to_lexicon())  # same second, maybe the same inode: still re-read
    assert library.entry(entry.key).lexicon.find_term("menace") is not None
    Path(entry.path).write_text(Path(entry.path).read_text(encoding="utf-8") + "horde\n", encoding="utf-8")
    assert library.entry(entry.key).lexicon.find_term("horde") is not None  # changed by another program
