"""Word families, guards and context rules of the framing matcher (lexicon format 2)."""

from __future__ import annotations


import pytest
import spacy

from framereader.core.lexicons.families import (
    compound_variants,
    family_forms,
    headword_and_declared_forms,
    spelling_variants,
)
from framereader.core.lexicons.format import Category, Lexicon, Term, parse_lexicon
from framereader.core.model import Document
from framereader.core.nlp.analysis import analyze, rematch
from framereader.core.nlp.matcher import LexiconMatcher
from framereader.core.nlp.rules import ALL_RULES, DEFAULT_RULES

LEXICON = parse_lexicon(
    """\
framereader-lexicon 2
id = t
name = T
language = en

[loaded_language]
name = Loaded
colour = #D55E00
sham | dismisses a process as fake | flawed
racist | a verdict on a person | -
reckless | a verdict on judgement
outrageous
tyrant | a verdict on a ruler | autocrat | also=tyranny, tyrannical
demonise | casts opponents as devils | criticise
total || complete | pos=adj
smear | calls criticism dirt || pos=verb,noun
honour
lie | an accusation || except=lie down
ignorant | a verdict on a mind || pos=adj; also=ignorantly
gush | mocks praise as a flood || pos=verb

[name_calling]
name = Names
colour = #CC79A7
fear-monger | a label || also=fear-mongering
thug

[doubt]
name = Doubt
colour = #56B4E9
so-called

[intensifiers]
name = Intensifiers
colour = #7E57C2
certainly
utterly

[hedges]
name = Hedges
colour = #9E9D24
if anything
""",
    "t.frlex",
)


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.fixture(scope="module")
def matcher(trained_pipeline):
    return LexiconMatcher(trained_pipeline.nlp, [LEXICON])


def marks(matcher, nlp, text: str) -> list[str]:
    return [text[m.start_char:m.end_char] for m in matcher.find(nlp(text))]


# -------------------------------------------------------------------------------- families


def test_spelling_variants() -> None:
    assert spelling_variants("demonise") == ["demonize"]
    assert spelling_variants("demonization") == ["demonisation"]
    assert spelling_variants("paralyse") == ["paralyze"]
    assert spelling_variants("honour") == ["honor"] and spelling_variants("behavior") == ["behaviour"]
    assert spelling_variants("surprise") == [] and spelling_variants("hour") == [] and spelling_variants("seize") == []


def test_compound_variants() -> None:
    assert set(compound_variants("fear-monger")) == {"fearmonger", "fear monger"}
    assert set(compound_variants("warmonger")) == {"war-monger", "war monger"}
    assert set(compound_variants("land grab")) == {"land-grab", "landgrab"}
    assert compound_variants("so-called") == ["socalled"]  # "so called" would catch "so called a cab"


def test_family_forms_cover_declared_and_generated_forms() -> None:
    forms = set(family_forms(Term("fear-monger", also=("fear-mongering",))))
    assert {"fearmonger", "fear monger", "fear-mongers", "fearmongering", "fear-mongering", "fear mongering"} <= forms
    forms = set(family_forms(Term("tyrant", also=("tyranny", "tyrannical"))))
    assert {"tyrants", "tyranny", "tyrannies", "tyrannical"} <= forms
    forms = set(family_forms(Term("demonise")))
    assert {"demonize", "demonized", "demonizing", "demonised", "demonises"} <= forms
    assert family_forms(Term("Hawks", exact=True, also=("hawkish",))) == ("hawkish",)
    assert "shameful" not in family_forms(Term("shame"))  # derivations are declared, never invented


def test_families_match_in_text(matcher, trained_pipeline) -> None:
    text = "They demonized him; the tyranny of fearmongers and fear-mongering, a tyrannical honor."
    assert marks(matcher, trained_pipeline.nlp, text) == [
        "demonized", "tyranny", "fearmongers", "fear-mongering", "tyrannical", "honor"]


def test_bundled_lexicon_compiles_every_entry_with_its_word_family(blank) -> None:
    """Compiling is timed by `make bench` (lexicon load), not here; here: nothing is lost."""
    from framereader.core.lexicons.files import bundled_lexicon_paths, load_lexicon

    headword_and_declared_forms.cache_clear()
    lexicons = [load_lexicon(p) for p in bundled_lexicon_paths()]
    matcher = LexiconMatcher(blank, lexicons)
    entries = sum(len(c.terms) for lex in lexicons for c in lex.categories)
    assert matcher.term_count == entries > 2000
    assert matcher.pattern_count > entries  # inflections and spelling variants come on top


# ---------------------------------------------------------------------------------- guards


def test_name_guard_shams_signature_is_a_name(matcher, trained_pipeline) -> None:
    nlp = trained_pipeline.nlp
    assert marks(matcher, nlp, "The vote was a sham, wrote Ahmed Shams.") == ["sham"]
    assert marks(matcher, nlp, "Letters to the editor were signed by Shams and others.") == []
    assert marks(matcher, nlp, "Shams like this vote fool nobody.") == ["Shams"]  # sentence start: a word
    assert marks(matcher, nlp, "They held SHAM elections.") == ["SHAM"]  # all caps is emphasis, not a name


def test_prefix_guard_anti_racist(matcher, trained_pipeline) -> None:
    nlp = trained_pipeline.nlp
    assert marks(matcher, nlp, "An anti-racist group and a non-racist club met a racist mob.") == ["racist"]
    assert marks(matcher, nlp, "counter-thugs and pro-thug rallies") == []


def test_phrase_exceptions(matcher, trained_pipeline) -> None:
    nlp = trained_pipeline.nlp
    assert marks(matcher, nlp, "It will almost certainly pass, and it certainly should.") == ["certainly"]
    assert marks(matcher, nlp, "Call me if anything happens.") == []
    assert marks(matcher, nlp, "If anything, the new law is worse.") == ["If anything"]
    assert marks(matcher, nlp, "It is, if anything, more reckless.") == ["if anything", "reckless"]
    assert marks(matcher, nlp, "They lie down, then they lie about it.") == ["lie"]


def test_pos_guard_tags_only_the_sentences_it_needs(trained_pipeline) -> None:
    nlp = trained_pipeline.nlp
    matcher = LexiconMatcher(nlp, [LEXICON])
    text = "The total came to ten dollars. It was a total disaster. " + "Nothing to see here at all. " * 50
    assert marks(matcher, nlp, text) == ["total"]
    found = matcher.find(nlp(text))
    assert text[found[0].start_char:found[0].end_char] == "total" and found[0].start_char == text.index("a total") + 2
    tagged = matcher.stats["tagged_tokens"]
    assert 0 < tagged < 30, tagged  # two short sentences, not the 350-word text
    assert marks(matcher, nlp, "They smear critics. The smear failed. Smear tests save lives.")[:2] == ["smear", "smear"]


def test_pos_limits_the_headword_forms_only_and_participles_count_as_verbs(matcher, trained_pipeline) -> None:
    nlp = trained_pipeline.nlp
    assert marks(matcher, nlp, "Critics ignorantly repeat it.") == ["ignorantly"]  # an adverb of a pos=adj entry
    assert marks(matcher, nlp, "Fans gushed. The film drew gushing praise. A gush of water.") == ["gushed", "gushing"]


def test_name_guard_in_headlines_and_signatures(matcher, trained_pipeline) -> None:
    nlp = trained_pipeline.nlp
    assert marks(matcher, nlp, "Oprah Schools Instagram Thug With Receipts After Reckless Attack") == [
        "Thug", "Reckless"]  # Title Case: capitals say nothing about names
    assert marks(matcher, nlp, "A sham.\n\n-- Ahmed Shams, Cairo") == ["sham"]


def test_pos_guard_is_skipped_without_a_tagger(blank) -> None:
    matcher = LexiconMatcher(blank, [LEXICON])
    assert marks(matcher, blank, "The total came to ten.") == ["total"]


def test_guards_can_be_switched_off(trained_pipeline) -> None:
    nlp = trained_pipeline.nlp
    off = LexiconMatcher(nlp, [LEXICON], rules=DEFAULT_RULES - {"guard.prefix", "guard.except"})
    assert marks(off, nlp, "An anti-racist said it will almost certainly pass.") == ["racist", "certainly"]
    with pytest.raises(ValueError, match="unknown framing rules"):
        LexiconMatcher(nlp, [LEXICON], rules={"nope"})


# ----------------------------------------------------------------------------------- rules


def test_so_called_marks_the_next_word_too(matcher, trained_pipeline) -> None:
    text = "The so-called experts disagreed."
    (m,) = matcher.find(trained_pipeline.nlp(text))
    assert text[m.start_char:m.end_char] == "so-called experts" and m.rule == "so_called" and m.category_id == "doubt"


def test_monger_and_phobe_formations(matcher, trained_pipeline) -> None:
    text = "Warmongers and rumour-mongering, a xenophobic homophobe, a hydrophobic coating, the fishmonger."
    found = [(text[m.start_char:m.end_char], m.category_id, m.rule) for m in matcher.find(trained_pipeline.nlp(text))]
    assert found == [
        ("Warmongers", "name_calling", "formations"),
        ("rumour-mongering", "loaded_language", "formations"),
        ("xenophobic", "loaded_language", "formations"),
        ("homophobe", "name_calling", "formations"),
    ]


def test_ist_labels(matcher, trained_pipeline) -> None:
    text = "Stalinist jingoists and ultra-nationalist leftists, but nationalist parties and white supremacist groups."
    found = [(text[m.start_char:m.end_char], m.rule) for m in matcher.find(trained_pipeline.nlp(text))]
    assert found == [("Stalinist", "ist_labels"), ("jingoists", "ist_labels"), ("ultra-nationalist", "ist_labels"),
                     ("leftists", "ist_labels")]


def test_intensifier_and_evaluative_adjective_are_one_span(matcher, trained_pipeline) -> None:
    nlp = trained_pipeline.nlp
    text = "An utterly reckless plan, deeply outrageous, and utterly certain."
    found = [(text[m.start_char:m.end_char], m.category_id, m.rule) for m in matcher.find(nlp(text))]
    assert found == [("utterly reckless", "loaded_language", "intensified"),
                     ("deeply outrageous", "loaded_language", "intensified"),
                     ("utterly", "intensifiers", "")]


def test_negation_stays_marked_and_says_so(matcher, trained_pipeline) -> None:
    text = "It is not outrageous. It is outrageous. Never a thug."
    found = [(text[m.start_char:m.end_char], m.negated) for m in matcher.find(trained_pipeline.nlp(text))]
    assert found == [("outrageous", True), ("outrageous", False), ("thug", True)]


def test_scare_quotes_rule_when_switched_on(trained_pipeline) -> None:
    nlp = trained_pipeline.nlp
    on = LexiconMatcher(nlp, [LEXICON], rules=ALL_RULES)
    text = "They call it 'liberation', and their \u201cpartners\u201d agree. \u201cWe won,\u201d he said."
    found = [(text[m.start_char:m.end_char], m.rule) for m in on.find(nlp(text))]
    assert found == [("liberation", "scare_quotes"), ("partners", "scare_quotes")]
    assert "scare_quotes" not in DEFAULT_RULES
    assert marks(LexiconMatcher(nlp, [LEXICON]), nlp, text) == []


def test_rules_use_only_categories_the_lexicon_has(blank) -> None:
    lex = Lexicon("x", "X", "en", "", (Category("mine", "Mine", "#000000", "", (Term("plan"),)),))
    text = "The warmonger said the so-called plan is utterly bad."
    assert [text[m.start_char:m.end_char] for m in LexiconMatcher(blank, [lex]).find(text)] == ["plan"]


# ------------------------------------------------------------------------- analysis level


def test_spans_keep_rule_and_negation_through_json_and_rematch(trained_pipeline) -> None:
    from framereader.core.model import Analysis

    text = "Ahmed Shams said it was not outrageous. The so-called reform is utterly reckless."
    matcher = LexiconMatcher(trained_pipeline.nlp, [LEXICON])
    analysis = analyze(Document(text), trained_pipeline, matcher)
    got = [(f.text, f.rule, f.negated) for f in analysis.framing]
    assert got == [("outrageous", "", True), ("so-called reform", "so_called", False),
                   ("utterly reckless", "intensified", False)]
    assert Analysis.from_json(analysis.to_json(), []).framing == analysis.framing
    assert rematch(analysis, trained_pipeline, matcher).framing == analysis.framing
    assert analysis.group_counts({"loaded_language": "loaded", "doubt": "device"}) == {"device": 1, "loaded": 2}
