"""Mark as Loaded in core: finding the word, checking the selection, writing the user's lexicon."""

from __future__ import annotations

from pathlib import Path

import pytest

from framereader.core.errors import LexiconError
from framereader.core.lexicons.format import Category, Lexicon
from framereader.core.lexicons.files import load_lexicon, user_lexicon_dir
from framereader.core.lexicons.library import USER, LexiconLibrary
from framereader.core.lexicons.marking import (
    MAX_TERM_WORDS,
    OWN_LEXICON_NAME,
    add_again,
    add_to_own,
    own_lexicon,
    remove_from,
    term_from_selection,
    with_term,
    without_term,
    word_at,
)
from framereader.core.lexicons.terms import Term
from framereader.core.platform.settings import Settings

LOADED = Category("loaded_language", "Loaded language", "#D55E00", "Words that pass a verdict.", group="loaded")
FEAR = Category("fear_threat", "Fear and threat", "#C62828")


@pytest.mark.parametrize("text, offset, word", [
    ("the so-called vote", 6, "so-called"),
    ("Holloway's regime", 2, "Holloway's"),
    ("Holloway's regime", 10, "Holloway's"),  # just after the word
    ("a 😀 spin, then", 6, "spin"),
    ("end.", 3, "end"),
    ("'quoted'", 1, "quoted"),
])
def test_word_at_finds_the_whole_word(text: str, offset: int, word: str) -> None:
    span = word_at(text, offset)
    assert span is not None and text[span[0]:span[1]] == word


@pytest.mark.parametrize("text, offset", [("a  b", 2), ("", 0), ("word", 9), ("-- x", 0)])
def test_word_at_is_none_off_a_word(text: str, offset: int) -> None:
    assert word_at(text, offset) is None


def test_selection_is_trimmed_to_a_term() -> None:
    assert term_from_selection(" “spin,” ") == ("spin", None)
    assert term_from_selection("land\n  grab") == ("land grab", None)
    assert term_from_selection("so-called")[0] == "so-called"


@pytest.mark.parametrize("text, reason", [
    ("", "Select a word"), ("  ,.;  ", "Select a word"),
    (" ".join(["word"] * (MAX_TERM_WORDS + 1)), "too long"),
    ("x" * 81, "too long"),
    ("one\n\ntwo", "blank line"),
    ("a | b", "cannot be a lexicon term"),
])
def test_selections_that_cannot_be_terms_say_why(text: str, reason: str) -> None:
    _term, problem = term_from_selection(text)
    assert problem is not None and reason in problem


def test_with_and_without_term_keep_the_rest() -> None:
    lexicon = Lexicon("mine", "Mine", "en", "", (FEAR,))
    added = with_term(lexicon, LOADED, Term("spin", "a verdict", "account"))
    assert [c.id for c in added.categories] == ["fear_threat", "loaded_language"]
    assert added.category("loaded_language").colour == "#D55E00"
    assert added.find_term("SPIN")[1].alternative == "account"
    with pytest.raises(LexiconError, match="already has the term"):
        with_term(added, FEAR, Term("Spin"))
    assert without_term(added, "loaded_language", "Spin", drop_empty_category=True) == lexicon
    kept = without_term(added, "loaded_language", "spin")
    assert kept.category("loaded_language") is not None and kept.category("loaded_language").terms == ()


def test_add_to_own_creates_my_framing_words_then_reuses_it_and_undo_removes() -> None:
    library = LexiconLibrary(Settings())
    assert own_lexicon(library, "en") is None
    first = add_to_own(library, LOADED, Term("spin", "a verdict"), "en")
    assert first.created_lexicon and first.created_category and first.lexicon_name == OWN_LEXICON_NAME
    entry = library.entry(first.key)
    assert entry is not None and entry.kind == USER and entry.enabled
    assert Path(entry.path).parent == user_lexicon_dir()
    assert load_lexicon(entry.path).find_term("spin")[1].note == "a verdict"  # written to disk

    second = add_to_own(library, LOADED, Term("gambler"), "en")
    assert second.key == first.key and not second.created_lexicon and not second.created_category
    third = add_to_own(library, FEAR, Term("menace"), "en")
    assert third.created_category
    assert [e.kind for e in library.entries()].count(USER) == 1

    remove_from(library, third, "fear_threat", "menace")  # the category made for it goes too
    lexicon = library.entry(first.key).lexicon
    assert lexicon.category("fear_threat") is None and lexicon.find_term("gambler") is not None
    remove_from(library, second, "loaded_language", "gambler")
    assert library.entry(first.key).lexicon.category("loaded_language") is not None  # it held 'spin' before
    add_again(library, second, LOADED, Term("gambler"))
    assert library.entry(first.key).lexicon.find_term("gambler") is not None


def test_a_disabled_own_lexicon_is_switched_back_on_and_other_languages_get_their_own() -> None:
    library = LexiconLibrary(Settings())
    marked = add_to_own(library, LOADED, Term("spin"), "en")
    library.set_enabled(marked.key, False)
    again = add_to_own(library, LOADED, Term("gambler"), "en")
    assert again.key == marked.key and library.entry(marked.key).enabled
    german = add_to_own(library, LOADED, Term("Lügenpresse"), "de")
    assert german.created_lexicon and german.key != marked.key
    assert library.entry(german.key).lexicon.language == "de"


def test_undo_of_a_deleted_lexicon_says_so() -> None:
    library = LexiconLibrary(Settings())
    marked = add_to_own(library, LOADED, Term("spin"), "en")
    Path(marked.path).unlink()
    with pytest.raises(LexiconError, match="no longer there"):
        remove_from(library, marked, "loaded_language", "spin")


def test_a_term_the_lexicon_cannot_hold_changes_nothing() -> None:
    library = LexiconLibrary(Settings())
    marked = add_to_own(library, LOADED, Term("spin"), "en")
    before = Path(marked.path).read_bytes()
    with pytest.raises(LexiconError):
        add_to_own(library, LOADED, Term("gambler", "a | b"), "en")
    assert Path(marked.path).read_bytes() == before
