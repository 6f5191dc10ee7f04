"""Word-choice sets matched in texts: word families (inflections, spellings, compounds), the
longest match, the lexicon guards, offsets, and `Analysis.choices` through the engine, the
cache, JSON and the reader's edits."""

from __future__ import annotations

import pytest

from framereader.core.lexicons.wordchoice import parse_choice_sets
from framereader.core.model import Analysis, ChoiceSpan, Document
from framereader.core.nlp.cache import AnalysisCache, cache_key
from framereader.core.nlp.choices import ChoiceMatcher
from framereader.core.nlp.rules import GUARDS
from framereader.core.state.edits import Exclusion, TextEdits, apply_edits

SETS = parse_choice_sets(
    """\
framereader-sets 1
id = test
name = Test
language = en

[invasion]
name = Sending an army abroad
topic = war
note = n
invasion | i | except=invasion of privacy
special military operation | s
incursion | c

[undocumented]
name = People without papers
topic = migration
note = n
illegal alien | a
undocumented immigrant | u
earned legalization | e
=illegals | exact
immigrant | plain | reference

[islamism]
name = Violence in the name of Islam
topic = religion
note = n
radical Islam | r
radical Islamic terrorism | t
Islamist extremism | x | also=Islamist extremist

[armed]
name = Armed groups
topic = war
note = n
terrorist | t | pos=noun
militant | m | pos=noun

[wealth]
name = People with money
topic = economy
note = n
rich | r
the wealthy | w | reference

[sham]
name = Fake things
topic = politics
note = n
sham | s
fake | f

[abortion]
name = Opponents of abortion
topic = identity
note = n
pro-life | p
anti-abortion | a
""",
    "test.frsets",
)


@pytest.fixture(scope="module")
def matcher(trained_pipeline) -> ChoiceMatcher:
    return ChoiceMatcher(trained_pipeline.nlp, [SETS])


def found(pipeline, matcher: ChoiceMatcher, text: str) -> list[tuple[str, str, str]]:
    """(surface, set id, member) of each match, checking offsets and order on the way."""
    doc = pipeline.nlp(text)
    out = []
    last_end = 0
    for m in matcher.find(doc):
        assert m.start_char >= last_end, "matches overlap or are out of order"
        last_end = m.end_char
        out.append((text[m.start_char:m.end_char], m.set_id, m.term))
    return out


def test_members_reach_their_word_families(trained_pipeline, matcher) -> None:
    text = ("Two invasions and an incursion. Illegal aliens, undocumented immigrants and "
            "earned legalisation; the Islamist extremists; pro-lifers? No: anti abortion groups.")
    hits = found(trained_pipeline, matcher, text)
    assert ("invasions", "invasion", "invasion") in hits
    assert ("incursion", "invasion", "incursion") in hits
    assert ("Illegal aliens", "undocumented", "illegal alien") in hits
    assert ("undocumented immigrants", "undocumented", "undocumented immigrant") in hits
    assert ("earned legalisation", "undocumented", "earned legalization") in hits  # British spelling
    assert ("Islamist extremists", "islamism", "Islamist extremism") in hits  # an also= form, inflected
    assert ("anti abortion", "abortion", "anti-abortion") in hits  # the spaced compound


def test_the_longest_member_wins(trained_pipeline, matcher) -> None:
    hits = found(trained_pipeline, matcher, "He blamed radical Islamic terrorism, not radical Islam.")
    assert hits == [("radical Islamic terrorism", "islamism", "radical Islamic terrorism"),
                    ("radical Islam", "islamism", "radical Islam")]
    hits = found(trained_pipeline, matcher, "Undocumented immigrants and immigrants.")
    assert [h[2] for h in hits] == ["undocumented immigrant", "immigrant"]


def test_a_member_may_wrap_over_one_line_break(trained_pipeline, matcher) -> None:
    text = "It was a special military\noperation, they said.\n\nA special military\n\noperation is not one."
    hits = found(trained_pipeline, matcher, text)
    assert hits == [("special military\noperation", "invasion", "special military operation")]


def test_exceptions_exact_forms_and_parts_of_speech(trained_pipeline, matcher) -> None:
    hits = found(trained_pipeline, matcher, "An invasion of privacy is no invasion. Illegals and illegal trade.")
    assert [h[0] for h in hits] == ["invasion", "Illegals"]
    hits = found(trained_pipeline, matcher, "The terrorist attack was claimed by terrorists and militants.")
    assert [h[0] for h in hits] == ["terrorists", "militants"]  # "terrorist attack": an adjective, not a name


def test_the_name_guard_keeps_names_out(trained_pipeline, matcher) -> None:
    text = "Rich Lowry, the editor, wrote that the rich should pay.\nThe letter was signed by Shams."
    hits = found(trained_pipeline, matcher, text)
    assert [h[0] for h in hits] == ["rich"]  # not "Rich" (a person) nor "Shams" (a name, not "sham")
    hits = found(trained_pipeline, matcher, "Rich nations and the wealthy. It is a sham.")
    assert [h[0] for h in hits] == ["Rich", "the wealthy", "sham"]


def test_the_prefix_guard_keeps_compounds_whole(trained_pipeline, matcher) -> None:
    hits = found(trained_pipeline, matcher, "Anti-sham rules and a sham.")
    assert [h[0] for h in hits] == ["sham"]


def test_a_name_inside_an_organisation_name_is_not_a_choice(trained_pipeline, matcher) -> None:
    text = "The Pro-Life Action League met pro-life voters.\nPro-Life Action League Wins Vote"
    doc = trained_pipeline.nlp(text)
    first, second = text.index("The Pro-Life"), text.index("Pro-Life Action League Wins")
    doc.ents = [doc.char_span(first + 4, first + 26, label="ORG"), doc.char_span(second, second + 22, label="ORG")]
    hits = [text[m.start_char:m.end_char] for m in matcher.find(doc)]
    assert hits == ["pro-life", "Pro-Life"]  # the organisation's name in prose is skipped, not in a headline
    assert matcher.stats["org_names"] >= 1
    unguarded = ChoiceMatcher(trained_pipeline.nlp, [SETS], org_names=False)
    assert len(unguarded.find(doc)) == 3


def test_guards_can_be_switched_off(trained_pipeline) -> None:
    unguarded = ChoiceMatcher(trained_pipeline.nlp, [SETS], rules=frozenset())
    hits = found(trained_pipeline, unguarded, "The letter was signed by Shams. An invasion of privacy.")
    assert [h[0] for h in hits] == ["Shams", "invasion"]
    assert ChoiceMatcher(trained_pipeline.nlp, [SETS], rules=GUARDS | {"so_called"})  # other rules are ignored


def test_reference_members_are_flagged(trained_pipeline, matcher) -> None:
    doc = trained_pipeline.nlp("The wealthy and the rich.")
    assert [(m.term, m.reference) for m in matcher.find(doc)] == [("the wealthy", True), ("rich", False)]


TEXT = ("The invasion began at dawn. Moscow called it a special military operation.\n\n"
        "Critics spoke of an incursion; illegal aliens were blamed.")


def test_the_engine_fills_analysis_choices(engine) -> None:
    analysis = engine.analyze(Document(TEXT))
    assert analysis.choices, "the bundled sets should find names in the text"
    for span in analysis.choices:
        assert TEXT[span.start:span.end] == span.text
    by_term = {(c.set_id, c.term) for c in analysis.choices}
    assert {("invasion", "invasion"), ("invasion", "special military operation"), ("invasion", "incursion"),
            ("undocumented", "illegal alien")} <= by_term
    assert list(analysis.choices) == sorted(analysis.choices, key=lambda c: c.start)


def test_rematch_finds_the_same_choices(engine) -> None:
    first = engine.analyze(Document(TEXT))
    engine.set_lexicons(engine.all_lexicons)  # a lexicon change: the engine re-matches its remembered text
    again = engine.analyze(Document(TEXT))
    assert again.choices == first.choices


def test_choices_survive_json_and_the_cache(tmp_path, engine) -> None:
    analysis = engine.analyze(Document(TEXT))
    assert Analysis.from_json(analysis.to_json()).choices == analysis.choices
    keys = {"start", "end", "set_id", "term", "text", "reference", "quoted", "scare"}
    assert analysis.to_json()["choices"][0].keys() == keys
    cache = AnalysisCache(tmp_path / "cache")
    key = cache_key(TEXT, "m", "1", "h", False)
    cache.put(key, analysis)
    restored = cache.get(key, "x.txt", text=TEXT)
    assert restored is not None and restored.choices == analysis.choices


def test_a_damaged_cached_choice_is_refused(tmp_path, engine) -> None:
    analysis = engine.analyze(Document(TEXT))
    cache = AnalysisCache(tmp_path / "cache")
    key = cache_key(TEXT, "m", "1", "h", False)
    first = analysis.choices[0]
    bad = ChoiceSpan(first.start, first.end + 1, first.set_id, first.term, first.text)
    cache.put(key, Analysis(**{**analysis.__dict__, "choices": (bad,)}))
    assert cache.get(key, "x.txt", text=TEXT) is None


def test_excluded_passages_drop_their_choices(engine) -> None:
    analysis = engine.analyze(Document(TEXT))
    cut = TEXT.index("\n\n")
    edited = apply_edits(analysis, TextEdits(exclusions=(Exclusion(0, cut),)))
    assert edited.choices and all(c.start >= cut for c in edited.choices)
    assert len(edited.choices) < len(analysis.choices)


def test_the_sets_change_the_engine_hash(trained_pipeline) -> None:
    from framereader.core.nlp.engine import Engine

    with_sets = Engine(trained_pipeline, [], choice_sets=[SETS])
    without = Engine(trained_pipeline, [], choice_sets=[])
    assert with_sets.lexicon_hash != without.lexicon_hash
    assert without.choices is None and without.analyze(Document(TEXT)).choices == ()
    assert {c.set_id for c in with_sets.analyze(Document(TEXT)).choices} == {"invasion", "undocumented"}
    other_language = parse_choice_sets(SETS_TEXT_DE, "de.frsets")
    assert Engine(trained_pipeline, [], choice_sets=[other_language]).choices is None


SETS_TEXT_DE = """\
framereader-sets 1
id = de
name = German
language = de
[a]
name = A
topic = war
note = n
Einmarsch | e
Invasion | i
"""


def test_official_phrases_are_names_a_set_is_about(engine) -> None:
    """`guard.official` keeps "war on terror" from being marked as fear; as a word choice it is
    exactly the name the set is about (and the framing lexicon's guard is still on)."""
    text = "Two decades of the war on terror have changed how we speak. Others say forever wars."
    analysis = engine.analyze(Document(text))
    assert [(c.set_id, c.text) for c in analysis.choices] == [("war_on_terror", "war on terror"),
                                                             ("war_on_terror", "forever wars")]
    assert "guard.official" in engine.rules and not any(f.text == "terror" for f in analysis.framing)


def test_a_name_inside_a_quotation_is_the_speakers(engine) -> None:
    text = ('The Kremlin said the "special military operation" was going to plan. The invasion of '
            "Lentavia is in its third week, and critics call it an incursion.")
    analysis = engine.analyze(Document(text))
    flagged = {(c.text, c.quoted) for c in analysis.choices}
    assert ("special military operation", True) in flagged and ("incursion", False) in flagged
    assert engine.analyze(Document(text)).choices == analysis.choices
    assert Analysis.from_json(analysis.to_json()).choices == analysis.choices
