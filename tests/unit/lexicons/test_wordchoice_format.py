"""The `.frsets` word-choice format: parsing, every validation message naming file and line, the
term budget, and the bundled sets themselves."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from framereader.core.errors import LexiconError
from framereader.core.lexicons.terms import term_key
from framereader.core.lexicons.wordchoice import (
    MAX_TERM_CHARS,
    MAX_TERM_WORDS,
    bundled_choice_set_paths,
    bundled_choice_sets,
    choice_sets_hash,
    load_choice_sets,
    parse_choice_sets,
    parse_member_line,
    validate_choice_sets,
)

GOOD = """\
# a comment
framereader-sets 1
id = test-sets
name = Test sets
language = en

[invasion]
name = Sending an army abroad
topic = war
note = Who calls it what.
invasion | most news agencies | except=invasion of privacy
special military operation | the Russian government
=Incursions | exact form only | pos=noun; also=raid
intervention | interveners | reference

[tax]
name = Tax on estates
topic = economy
note = Legal and polemical names.
estate tax | the legal name | reference
death tax | opponents
"""


def test_a_good_file_parses_with_every_field() -> None:
    sets = parse_choice_sets(GOOD, "good.frsets")
    assert (sets.id, sets.name, sets.language, sets.path) == ("test-sets", "Test sets", "en", "good.frsets")
    assert [s.id for s in sets.sets] == ["invasion", "tax"]
    invasion = sets.get("invasion")
    assert invasion is not None and invasion.topic == "war" and invasion.note == "Who calls it what."
    first, second, third, fourth = invasion.members
    assert first.text == "invasion" and first.note == "most news agencies" and first.exceptions == ("invasion of privacy",)
    assert not first.reference and not first.exact
    assert third.text == "Incursions" and third.exact and third.pos == ("noun",) and third.also == ("raid",)
    assert fourth.reference and not second.reference
    assert invasion.others("Invasion") == ("special military operation", "Incursions", "intervention")
    assert invasion.member("SPECIAL  military operation") is second
    assert sets.member_count == 6
    term = third.as_term()
    assert (term.text, term.exact, term.pos, term.also) == ("Incursions", True, ("noun",), ("raid",))


def _with(replacement: tuple[str, str]) -> str:
    old, new = replacement
    assert old in GOOD
    return GOOD.replace(old, new, 1)


def _line_of(text: str, fragment: str) -> int:
    """The last line that is `fragment`, else the last line containing it."""
    lines = list(enumerate(text.splitlines(), start=1))
    exact = [n for n, line in lines if line.strip() == fragment]
    return (exact or [n for n, line in lines if fragment in line])[-1]


@pytest.mark.parametrize(
    "change, at_line, reason",
    [
        (("framereader-sets 1", "framereader-sets 7"), "framereader-sets 7", "unsupported word-choice format version 7"),
        (("framereader-sets 1", "framereader-lexicon 2"), "framereader-lexicon 2", "missing format line"),
        (("name = Test sets\n", ""), "framereader-sets 1", "missing required header key 'name'"),
        (("language = en", "language = English"), "language = English", "bad language"),
        (("[tax]", "[Tax!]"), "[Tax!]", "bad set id"),
        (("[tax]", "[invasion]"), "[invasion]", "duplicate set [invasion] (first defined on line 7)"),
        (("topic = economy\n", ""), "[tax]", "set [tax] is missing the required key 'topic'"),
        (("topic = war", "topic = War!"), "topic = War!", "bad topic"),
        (("note = Who calls it what.", "note ="), "note =", "key 'note' has no value"),
        (("note = Legal and polemical names.", "colour = #FF0000"), "colour = #FF0000", "unknown set key 'colour'"),
        (("death tax | opponents", "death tax | opponents\nname = late"), "name = late", "given twice"),
        (("death tax | opponents", "Invasion | again"), "Invasion | again", "duplicate term 'Invasion' (first on line 11 in [invasion])"),
        (("death tax | opponents", "death tax | a | b | c"), "death tax | a", "too many '|' fields"),
        (("death tax | opponents", " | opponents"), "| opponents", "empty term"),
        (("death tax | opponents", "death tax | opponents | colour=red"), "colour=red", "unknown option 'colour'"),
        (("death tax | opponents", "death tax | opponents | pos=thing"), "pos=thing", "unknown part of speech"),
        (("death tax | opponents", "death tax | opponents | reference; reference"), "reference; reference", "given twice"),
        (("death tax | opponents", "death tax | opponents | reference"), "[tax]", "only 'reference' members"),
        (("death tax | opponents\n", ""), "[tax]", "needs at least two members"),
        (("# a comment\nframereader-sets 1\nid = test-sets", "# a comment\nframereader-sets 1\ninvasion | x\nid = test-sets"),
         "invasion | x", "member before any set"),
        (("death tax | opponents", "one two three four five six seven eight nine | too long"), "nine | too long",
         f"at most {MAX_TERM_WORDS}"),
        (("death tax | opponents", "death tax | opponents | also=a b c d e f g h i"), "also=a b c", "also= form"),
    ],
)
def test_each_problem_names_file_and_line(change: tuple[str, str], at_line: str, reason: str) -> None:
    text = _with(change)
    expected = _line_of(text, at_line)
    problems = validate_choice_sets(text, "sets.frsets")
    assert problems, "the file should not validate"
    matching = [p for p in problems if reason in p.reason]
    assert matching, [p.message for p in problems]
    assert matching[0].line == expected, [p.message for p in problems]
    assert matching[0].message.startswith(f"sets.frsets:{expected}: ")
    with pytest.raises(LexiconError) as raised:
        parse_choice_sets(text, "sets.frsets")
    assert raised.value.line == min(p.line or 0 for p in problems)


def test_the_character_budget_counts_characters() -> None:
    long_word = "x" * (MAX_TERM_CHARS + 1)
    member, reason = parse_member_line(f"{long_word} | too long")
    assert member is None and reason is not None and f"at most {MAX_TERM_CHARS}" in reason
    member, reason = parse_member_line(f"{'x' * MAX_TERM_CHARS} | fits")
    assert member is not None and reason is None


def test_every_problem_is_listed_in_line_order() -> None:
    text = _with(("language = en", "language = EN")).replace("topic = economy\n", "").replace("death tax | opponents",
                                                                                                 "death tax | a | b | c")
    lines = [p.line for p in validate_choice_sets(text, "x.frsets")]
    assert len(lines) >= 3 and lines == sorted(lines)


def test_an_empty_file_and_a_missing_file_are_errors(tmp_path) -> None:
    problems = validate_choice_sets("# only a comment\n", "empty.frsets")
    assert [(p.line, "empty" in p.reason) for p in problems] == [(1, True)]
    with pytest.raises(LexiconError) as raised:
        load_choice_sets(tmp_path / "missing.frsets")
    assert "missing.frsets" in raised.value.message


def test_line_endings_and_byte_order_mark_are_accepted() -> None:
    text = "\ufeff" + GOOD.replace("\n", "\r\n")
    assert parse_choice_sets(text).sets == parse_choice_sets(GOOD).sets


def test_the_hash_follows_content_not_path() -> None:
    a = parse_choice_sets(GOOD, "a.frsets")
    b = parse_choice_sets(GOOD, "b.frsets")
    c = parse_choice_sets(GOOD.replace("opponents", "its opponents"), "a.frsets")
    assert choice_sets_hash([a]) == choice_sets_hash([b]) != choice_sets_hash([c])


# ------------------------------------------------------------------------- the bundled sets


@pytest.fixture(scope="module")
def bundled():
    files = bundled_choice_sets()
    assert len(files) == 1 and bundled_choice_set_paths()[0].name == "word-choice-en.frsets"
    return files[0]


def test_bundled_sets_cover_the_issue_topics(bundled) -> None:
    topics = Counter(s.topic for s in bundled.sets)
    assert len(bundled.sets) >= 60
    for topic in ("war", "migration", "economy", "crime", "religion", "identity"):
        assert topics[topic] >= 6, topics


def test_bundled_sets_explain_every_name(bundled) -> None:
    for item in bundled.sets:
        assert len(item.note) >= 60, item.id
        assert len(item.members) >= 2 and any(not m.reference for m in item.members), item.id
        for member in item.members:
            assert member.note and len(member.note) <= 160, (item.id, member.text)
            assert len(member.text.split()) <= MAX_TERM_WORDS and len(member.text) <= MAX_TERM_CHARS


def test_bundled_sets_hold_the_issue_examples(bundled) -> None:
    def set_of(term: str) -> str:
        found = [s.id for s in bundled.sets if s.member(term)]
        assert found, term
        return found[0]

    for group in (("invasion", "special military operation", "incursion"),
                  ("undocumented immigrant", "illegal alien", "illegal immigrant", "irregular migrant"),
                  ("estate tax", "death tax"), ("regime", "government", "administration"),
                  ("radical Islam", "Islamist extremism"), ("pro-life", "anti-abortion")):
        assert len({set_of(term) for term in group}) == 1, group


def test_bundled_common_words_are_references_or_limited(bundled) -> None:
    """A bare common word is only marked where it is a choice: as a reference (counted, not
    marked), or limited by a part of speech or exceptions."""
    common = {"government", "administration", "protest", "fighter", "welfare", "immigrant", "refugee", "prisoner"}
    for item in bundled.sets:
        for member in item.members:
            if term_key(member.text) in common:
                assert member.reference or member.pos or member.exceptions, member.text


def test_bundled_file_has_no_private_or_copied_markers() -> None:
    text = bundled_choice_set_paths()[0].read_text(encoding="utf-8")
    assert not re.search(r"https?://|©|copyright", text, re.IGNORECASE)
