"""Context guards: official phrases, attribution hedges, names known from elsewhere in the text,
and entry exceptions that reach inflected forms (core.nlp.context_guards)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from framereader.core.lexicons.format import parse_lexicon
from framereader.core.nlp.context_guards import (
    ATTRIBUTION,
    KNOWN_NAME,
    OFFICIAL,
    KnownNames,
    OfficialPhrases,
    entry_exception,
    in_entry_exception,
    same_word,
    sentence_doubts,
    starts_sentence,
)
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
propaganda | dismisses statements as manipulation | statements

[fear_threat]
name = Fear
colour = #C62828
terror | spreads fear | fear
patriot | ties a view to love of country | supporter

[doubt]
name = Doubt
colour = #56B4E9
allegedly | distances the writer | according to
allege | distances the writer from an accusation | said | pos=verb
purportedly | an appearance hiding the truth | reportedly
so-called
dubious

[reporting_verbs]
name = Reporting verbs
colour = #283593
claim | the verb of distance | say | pos=verb; except=claim responsibility, claim the lives
""",
    "t.frlex",
)


@pytest.fixture(scope="module")
def matcher(trained_pipeline):
    return LexiconMatcher(trained_pipeline.nlp, [LEXICON])


def marks(matcher, nlp, text: str) -> list[str]:
    return [text[m.start_char:m.end_char] for m in matcher.find(nlp(text))]


def test_context_guards_are_rules_that_are_on_by_default() -> None:
    assert {OFFICIAL, ATTRIBUTION, KNOWN_NAME} <= DEFAULT_RULES <= ALL_RULES


def test_same_word_takes_plurals_and_apostrophes() -> None:
    assert same_word("groups", "group") and same_word("parties", "party") and same_word("charges", "charge")
    assert same_word("martyrs\u2019", "martyrs'") and not same_word("grouping", "group")


def test_official_phrases_cover_plurals_and_only_their_own_words(trained_pipeline) -> None:
    tokenize = lambda text: tuple(t.lower_ for t in trained_pipeline.nlp.make_doc(text))  # noqa: E731
    phrases = OfficialPhrases(tokenize, ["act of terror", "terror group"])
    words = tokenize("Acts of terror by international terror groups spread terror.")
    assert phrases.covers(words, 2, 3) and phrases.covers(words, 6, 7)
    assert not phrases.covers(words, 9, 10)


def test_official_and_legal_phrases_are_not_loaded_words(matcher, trained_pipeline) -> None:
    nlp = trained_pipeline.nlp
    text = ("The minister called it an act of terror. International terror groups are listed in the annex. "
            "The gunmen wanted to spread terror.")
    assert marks(matcher, nlp, text) == ["terror"]
    assert text.rindex("terror") == next(m.start_char for m in matcher.find(nlp(text)))
    text = "Germany sent two Patriot missile batteries and the propaganda department replied."
    assert marks(matcher, nlp, text) == []
    off = LexiconMatcher(nlp, [LEXICON], rules=DEFAULT_RULES - {OFFICIAL})
    assert marks(off, nlp, "International terror groups are listed in the annex.") == ["terror"]


def test_entry_exceptions_reach_the_entry_s_inflected_forms(matcher, trained_pipeline) -> None:
    nlp = trained_pipeline.nlp
    text = ("A group claimed responsibility. The minister claimed that the vote was fair. "
            "The fire claimed the lives of two.")
    assert marks(matcher, nlp, text) == ["claimed"]
    assert text.index("claimed that") == matcher.find(nlp(text))[0].start_char
    words = ("a", "group", "claiming", "responsibility", ".")
    assert in_entry_exception(words, 2, 3, [entry_exception(("claim", "responsibility"), ("claim",))])
    assert not in_entry_exception(words, 2, 3, [entry_exception(("claim", "credit"), ("claim",))])


def test_attribution_hedges_are_not_doubt_unless_the_sentence_doubts(matcher, trained_pipeline) -> None:
    nlp = trained_pipeline.nlp
    assert marks(matcher, nlp, "The minister allegedly took bribes. A video purportedly shows the attack.") == []
    assert marks(matcher, nlp, "He allegedly took bribes, though no evidence was ever shown.") == ["allegedly"]
    assert marks(matcher, nlp, "The alleged gunman was arrested on Sunday.") == []
    assert marks(matcher, nlp, "The evidence for this alleged crime is a set of unverified videos.") == ["alleged"]
    assert marks(matcher, nlp, "The so-called witness allegedly saw it.") == ["so-called witness", "allegedly"]
    assert marks(matcher, nlp, "He allegedly lied. The dubious report said so.") == ["dubious"]  # another sentence
    off = LexiconMatcher(nlp, [LEXICON], rules=DEFAULT_RULES - {ATTRIBUTION})
    assert marks(off, nlp, "The minister allegedly took bribes.") == ["allegedly"]


def test_sentence_doubts_looks_for_cues_and_other_doubt_markers() -> None:
    words = ["he", "allegedly", "did", "it", "without", "evidence", "."]
    assert sentence_doubts(words, 0, 7) and not sentence_doubts(words, 0, 4)
    assert sentence_doubts(words, 0, 4, [(2, 3)]) and not sentence_doubts(words, 0, 4, [(5, 6)])


def test_a_name_at_the_start_of_a_line_is_a_name_when_the_text_says_so(matcher, trained_pipeline) -> None:
    nlp = trained_pipeline.nlp
    letter = "Shams\nThe vote was held on Sunday. Later we met Shams at the station."
    assert marks(matcher, nlp, letter) == []
    assert marks(matcher, nlp, "Shams like this vote fool nobody.") == ["Shams"]  # no other use: a word
    off = LexiconMatcher(nlp, [LEXICON], rules=DEFAULT_RULES - {KNOWN_NAME})
    assert marks(off, nlp, letter) == ["Shams"]


def test_known_names_come_from_entities_or_capitals_in_mid_sentence() -> None:
    blank = spacy.blank("en")  # no entities: capitals are the only evidence
    names = KnownNames(blank("Shams wrote. Later we met Shams and Hope. Hope is all we have."))
    assert "Shams" in names and "Hope" in names and "Later" not in names
    # the lower-case word in the same text: a capital in mid-sentence proves nothing
    assert "Shams" not in KnownNames(blank("Shams abound. These shams and the Shams we saw."))
    assert "Shams" not in KnownNames(blank("The Sham Shams Of Our Time\nShams abound."))  # a Title Case line
    doc = blank("Eco-Shams rose.\nShams spoke: Shams")
    # a line, a sentence or a quotation starts a sentence; a hyphen does not ("Eco-Zealots")
    assert [starts_sentence(doc, i) for i in (0, 2, 6, 9)] == [True, False, True, True]
    doc = blank("Hope rose. We hope so. Hope Hicks spoke.")
    doc.ents = [Span(doc, 7, 9, label="PERSON")]
    assert "Hope" in KnownNames(doc)  # inside an entity, whatever the lower-case uses
    doc = blank("Shams abound in this vote.")
    doc.ents = [Span(doc, 0, 1, label="PERSON")]  # the recogniser's guess about the word itself
    assert "Shams" in KnownNames(doc) and not KnownNames(doc).elsewhere("Shams", 0)
