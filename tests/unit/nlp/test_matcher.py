"""Inflection expansion and the compiled lexicon matcher (blank and trained pipelines)."""

from __future__ import annotations

import random
import string

import pytest
import spacy

from framereader.core.lexicons.inflect import inflect_word, inflection_positions, rule_forms
from framereader.core.lexicons.format import Category, Lexicon, Term, parse_lexicon
from framereader.core.nlp.matcher import LexiconMatcher, Match

LEXICON = parse_lexicon(
    """\
framereader-lexicon 1
id = test
name = Test
language = en

[loaded]
name = Loaded
colour = #C0392B
regime | implies an illegitimate government | government
slaughter | casts killing as butchery | killing
wipe out
=Hawks
so-called
Beijing's
bloody
rig
flee
seize
war criminal

[military]
name = Military
colour = #000000
war
criminal
wipe
""",
    "test.frlex",
)


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.fixture(params=["blank", "trained"])
def nlp(request, blank, trained_pipeline):
    return blank if request.param == "blank" else trained_pipeline.nlp


def found(nlp, text: str, lexicons=(LEXICON,)) -> list[tuple[str, str, str]]:
    """(surface, category, term) of each match, checking offsets on the way."""
    matcher = LexiconMatcher(nlp, lexicons)
    out = []
    for m in matcher.find(nlp(text)):
        assert isinstance(m, Match)
        assert 0 <= m.start_char < m.end_char <= len(text)
        out.append((text[m.start_char : m.end_char], m.category_id, m.term_text))
    return out


# ------------------------------------------------------------------------------ inflection


@pytest.mark.parametrize(
    "word, forms",
    [
        ("regime", {"regimes"}),
        ("slaughter", {"slaughters", "slaughtered", "slaughtering"}),
        ("wipe", {"wipes", "wiped", "wiping"}),
        ("rig", {"rigs", "rigged", "rigging"}),
        ("ban", {"banned", "banning"}),
        ("bully", {"bullies", "bullied", "bullying"}),
        ("bloody", {"bloodier", "bloodiest"}),
        ("crush", {"crushes", "crushed", "crushing"}),
        ("seize", {"seizes", "seized", "seizing"}),
        ("slay", {"slays", "slew", "slain", "slaying"}),
        ("fight", {"fights", "fought", "fighting"}),
        ("flee", {"flees", "fled", "fleeing"}),
        ("strike", {"strikes", "struck", "striking"}),
        ("steal", {"steals", "stole", "stolen", "stealing"}),
        ("die", {"dies", "died", "dying"}),
        ("panic", {"panicked", "panicking"}),
        ("target", {"targeted", "targeting"}),
        ("permit", {"permitted", "permitting"}),
        ("travel", {"travelled", "traveled"}),
        ("crisis", {"crises"}),
        ("thief", {"thieves"}),
        ("policeman", {"policemen"}),
        ("tax", {"taxes", "taxed"}),
        ("veto", {"vetoes", "vetoed"}),
    ],
)
def test_inflect_word(word: str, forms: set[str]) -> None:
    result = inflect_word(word)
    assert result[0] == word
    assert forms <= set(result), set(result)
    assert len(result) == len(set(result))


def test_inflection_avoids_wrong_doubling_and_odd_words() -> None:
    assert "slaughterred" not in inflect_word("slaughter")
    assert "targetted" not in rule_forms("target")  # (lemminflect lists it as a variant spelling)
    assert "visitted" not in inflect_word("visit") and "visitted" not in rule_forms("visit")
    assert "rained" in inflect_word("rain") and "rainned" not in inflect_word("rain")
    assert inflect_word("G7") == ["g7"]
    assert inflect_word("Regime")[0] == "regime"


def test_dictionary_words_get_only_their_real_forms_and_unknown_words_the_rules() -> None:
    assert inflect_word("brutal") == ["brutal"]  # an adjective: no "brutals", "brutalled"
    assert set(inflect_word("tyrant")) == {"tyrant", "tyrants"}
    assert {"demonises", "demonised", "demonising"} <= set(inflect_word("demonise"))  # not in the dictionary
    assert {"slayed", "slew", "slain"} <= set(inflect_word("slay"))  # the irregular table is kept


def test_inflection_positions() -> None:
    assert inflection_positions(["regime"]) == [0]
    assert inflection_positions(["wipe", "out"]) == [0]
    assert inflection_positions(["war", "criminal"]) == [0, 1]
    assert inflection_positions(["the", "deep", "state"]) == [2]


# -------------------------------------------------------------------------------- matching


def test_matches_inflections_and_ignores_case(nlp) -> None:
    text = "The REGIMES slaughtered them; troops were slaughtering and slaughters. Regime. They wiped out a village."
    got = found(nlp, text)
    assert got == [
        ("REGIMES", "loaded", "regime"),
        ("slaughtered", "loaded", "slaughter"),
        ("slaughtering", "loaded", "slaughter"),
        ("slaughters", "loaded", "slaughter"),
        ("Regime", "loaded", "regime"),
        ("wiped out", "loaded", "wipe out"),
    ]


def test_irregular_and_spelling_rules(nlp) -> None:
    text = "Rigged votes, rigging. Thousands fled; soldiers seized land. The bloodiest year."
    assert [(s, t) for s, _, t in found(nlp, text)] == [
        ("Rigged", "rig"),
        ("rigging", "rig"),
        ("fled", "flee"),
        ("seized", "seize"),
        ("bloodiest", "bloody"),
    ]


def test_exact_terms_are_not_inflected(nlp) -> None:
    text = "Hawks and hawks, but not Hawk or hawkish or hawked."
    assert [s for s, _, _ in found(nlp, text)] == ["Hawks", "hawks"]


def test_longest_match_wins_over_shorter_overlap(nlp) -> None:
    text = "A war criminal. A war. A criminal. War criminals. Wipe out. Wiping."
    assert found(nlp, text) == [
        ("war criminal", "loaded", "war criminal"),
        ("war", "military", "war"),
        ("criminal", "military", "criminal"),
        ("War criminals", "loaded", "war criminal"),
        ("Wipe out", "loaded", "wipe out"),
        ("Wiping", "military", "wipe"),
    ]


def test_overlap_tie_goes_to_the_earliest(blank) -> None:
    lex = Lexicon("t", "T", "en", "", (Category("c", "C", "#000000", "", (Term("big red"), Term("red car"))),))
    text = "a big red car"
    matches = LexiconMatcher(blank, [lex]).find(blank(text))
    assert [(text[m.start_char : m.end_char], m.term_text) for m in matches] == [("big red", "big red")]


def test_hyphen_and_apostrophe_terms(nlp) -> None:
    text = "The so-called deal. Beijing's plan and Beijing’s answer; Beijing alone."
    assert [s for s, _, _ in found(nlp, text)] == ["so-called deal", "Beijing's", "Beijing’s"]  # rule so_called
    plain = LexiconMatcher(nlp, [LEXICON], rules=())
    assert [text[m.start_char:m.end_char] for m in plain.find(nlp(text))] == ["so-called", "Beijing's", "Beijing’s"]


def test_offsets_are_exact_after_emoji_and_combining_marks(nlp) -> None:
    text = "👍🏽 Cafe\u0301 nai\u0308ve 🇺🇳 — the régime? No: the regime\u2019s wiped\nout critics."
    matcher = LexiconMatcher(nlp, [LEXICON])
    matches = matcher.find(nlp(text))
    surfaces = [text[m.start_char : m.end_char] for m in matches]
    assert surfaces == ["regime", "wiped\nout"]
    first = matches[0]
    assert first.start_char == text.index("regime\u2019s")


def test_terms_do_not_run_over_a_blank_line(blank) -> None:
    assert found(blank, "They will wipe\n\nout everything.") == [("wipe", "military", "wipe")]
    assert found(blank, "They will wipe  out everything.") == [("wipe  out", "loaded", "wipe out")]


def test_own_form_beats_another_terms_inflection(blank) -> None:
    lex = Lexicon("t", "T", "en", "", (
        Category("a", "A", "#000000", "", (Term("attack"),)),
        Category("b", "B", "#000000", "", (Term("attacks", note="plural on purpose"),)),
    ))
    text = "attack attacks attacked"
    got = [(text[m.start_char : m.end_char], m.category_id) for m in LexiconMatcher(blank, [lex]).find(text)]
    assert got == [("attack", "a"), ("attacks", "b"), ("attacked", "a")]


def test_several_lexicons_and_lookup(blank) -> None:
    other = parse_lexicon(
        "framereader-lexicon 1\nid = o\nname = O\nlanguage = en\n\n[euphemism]\nname = E\ncolour = #123456\n"
        "collateral damage | hides civilian deaths | civilian deaths\nregime\n",
        "",
    )
    matcher = LexiconMatcher(blank, [LEXICON, other])
    text = "Collateral damage, said the regime."
    got = [(text[m.start_char : m.end_char], m.category_id, m.term_text) for m in matcher.find(blank(text))]
    assert got == [("Collateral damage", "euphemism", "collateral damage"), ("regime", "loaded", "regime")]
    entry = matcher.lookup("collateral damage", "euphemism")
    assert entry == Term("collateral damage", "hides civilian deaths", "civilian deaths")
    assert matcher.lookup("regime", "loaded").alternative == "government"
    assert matcher.lookup("nope", "loaded") is None
    assert matcher.category("euphemism").colour == "#123456"
    assert matcher.term_count == LEXICON.term_count + other.term_count


def test_accepts_vocab_or_tokenizer_and_plain_strings(blank) -> None:
    text = "Regimes fall."
    for source in (blank, blank.tokenizer, blank.vocab):
        matcher = LexiconMatcher(source, [LEXICON])
        assert [(m.start_char, m.end_char) for m in matcher.find(text)] == [(0, 7)]
    with pytest.raises(TypeError):
        LexiconMatcher(object(), [LEXICON])


def test_empty_lexicons_and_empty_docs(blank) -> None:
    assert LexiconMatcher(blank, []).find(blank("regime")) == []
    assert LexiconMatcher(blank, [LEXICON]).find(blank("")) == []


def test_tuples_unpack_as_documented(blank) -> None:
    ((start, end, category, term, rule, negated),) = LexiconMatcher(blank, [LEXICON]).find(blank("the regime"))
    assert (start, end, category, term, rule, negated) == (4, 10, "loaded", "regime", "", False)


def test_a_thousand_terms_compile_with_their_forms(blank) -> None:
    rnd = random.Random(7)
    words = {"".join(rnd.choice(string.ascii_lowercase) for _ in range(rnd.randint(4, 9))) for _ in range(1200)}
    terms = tuple(Term(w + (" out" if i % 4 == 0 else "")) for i, w in enumerate(sorted(words)[:1000]))
    lex = Lexicon("big", "Big", "en", "", (Category("c", "C", "#000000", "", terms),))
    matcher = LexiconMatcher(blank, [lex])  # how long it takes: `make bench` (lexicon load)
    assert matcher.term_count == 1000 and matcher.pattern_count > 3000


def test_matching_does_not_need_tagger_or_lemmatizer(trained_pipeline) -> None:
    """Docs made only by the tokenizer match exactly as fully processed ones do."""
    nlp = trained_pipeline.nlp
    matcher = LexiconMatcher(nlp, [LEXICON])
    text = "The regimes slaughtered and wiped out villages; hawks fled."
    assert matcher.find(nlp.make_doc(text)) == matcher.find(nlp(text))
