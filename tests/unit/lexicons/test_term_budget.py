"""The budget of one lexicon rule (8 words, 80 characters) and compiling in linear time."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import spacy

from framereader.core.errors import LexiconError
from framereader.core.lexicons.families import family_forms
from framereader.core.lexicons.format import Category, Lexicon, Term, lexicon_problems, parse_lexicon, validate_lexicon
from framereader.core.lexicons.terms import MAX_TERM_CHARS, MAX_TERM_WORDS, budget_problem, word_count
from framereader.core.lexicons.wordlist import import_word_list
from framereader.core.nlp import matcher as matcher_module
from framereader.core.nlp.matcher import LexiconMatcher

HEAD = "framereader-lexicon 2\nid = t\nname = T\nlanguage = en\n\n[loaded]\nname = Loaded\ncolour = #C0392B\n\n"


def test_word_count_counts_hyphenated_parts() -> None:
    assert word_count("fear-mongering") == 2
    assert word_count("so-called experts") == 3
    assert word_count("don't") == 2
    assert word_count("== --") == 0


@pytest.mark.parametrize("text, ok", [
    (" ".join(["word"] * MAX_TERM_WORDS), True),
    (" ".join(["word"] * (MAX_TERM_WORDS + 1)), False),
    ("-".join(["realise"] * 1000), False),
    ("x" * MAX_TERM_CHARS, True),
    ("x" * (MAX_TERM_CHARS + 1), False),
])
def test_budget(text: str, ok: bool) -> None:
    assert (budget_problem(text) is None) is ok


def test_lexicon_check_names_file_entry_and_line() -> None:
    long_term = "-".join(["realise"] * 1000)
    text = HEAD + "fine word | ok\n" + long_term + " | why\n"
    problems = validate_lexicon(text, "hostile.frlex")
    assert len(problems) == 1
    problem = problems[0]
    assert problem.line == 11 and problem.path == "hostile.frlex"
    assert "realise-realise" in problem.reason and "at most 8 words" in problem.reason
    assert len(problem.message) < 200  # the entry is quoted, not printed whole
    with pytest.raises(LexiconError):
        parse_lexicon(text, "hostile.frlex")


@pytest.mark.parametrize("option", ["also", "except"])
def test_options_have_the_budget_too(option: str) -> None:
    long_form = " ".join(["word"] * 20)
    problems = validate_lexicon(HEAD + f"tyrant | why || {option}=ok form, {long_form}\n", "x.frlex")
    assert problems and problems[0].line == 10 and "too long" in problems[0].reason


def test_word_lists_and_the_dialog_check_it(tmp_path: Path) -> None:
    plain = tmp_path / "list.txt"
    plain.write_text("fine\n" + " ".join(["word"] * 12) + "\n", encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        import_word_list(plain)
    assert caught.value.line == 2 and "too long" in caught.value.reason
    csv_file = tmp_path / "list.csv"
    csv_file.write_text("term,category\nfine,loaded\n" + "a-" * 60 + "b,loaded\n", encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        import_word_list(csv_file)
    assert "too long" in caught.value.reason
    lexicon = Lexicon("t", "T", "en", "", (Category("loaded", "Loaded", "#C0392B", "",
                                                   (Term(" ".join(["w"] * 9)),)),))
    assert any("too long" in p for p in lexicon_problems(lexicon))


def test_a_long_term_made_in_code_gets_no_family() -> None:
    long_term = " ".join(["realise"] * 200)
    assert family_forms(Term(long_term)) == ()
    assert family_forms(Term("realise")) != ()


def _compile_seconds(count: int, width: int) -> float:
    def term(i: int) -> str:
        words = [f"w{i}x{k}ise".replace("0", "o").replace("1", "l") for k in range(width)]
        return "-".join(words[:width // 2]) + " " + " ".join(words[width // 2:]) if width > 1 else words[0]

    lexicon = parse_lexicon(HEAD + "".join(f"{term(i)} | n\n" for i in range(count)), "x.frlex")
    blank = spacy.blank("en")
    start = time.perf_counter()
    LexiconMatcher(blank, [lexicon])
    return time.perf_counter() - start


def test_compiling_grows_linearly_with_entries_and_term_length() -> None:
    small, large = (min(_compile_seconds(n, 2) for _ in range(2)) for n in (300, 1200))
    assert large < small * 4 * 2.5  # 4x the entries: well under 10x the time
    short, longest = (min(_compile_seconds(300, w) for _ in range(2)) for w in (1, MAX_TERM_WORDS))
    assert longest < short * 8 * 3  # the longest allowed term costs a bounded multiple


def test_hyphen_shortcut_matches_the_tokenizer(monkeypatch: pytest.MonkeyPatch) -> None:
    terms = ("fear-mongering", "so-called", "anti-war protester", "land grab", "e-mail", "x-ray-like",
             "Beijing's hard-line stance", "well-to-do elite")
    lexicon = Lexicon("t", "T", "en", "", (Category("loaded", "Loaded", "#C0392B", "", tuple(Term(t) for t in terms)),))
    blank = spacy.blank("en")
    fast = LexiconMatcher(blank, [lexicon])
    assert fast._hyphens_split
    monkeypatch.setattr(matcher_module.LexiconMatcher, "_splits_hyphens", lambda self, special: False)
    slow = LexiconMatcher(blank, [lexicon])
    assert fast._trie == slow._trie and fast.pattern_count == slow.pattern_count
