"""Headline fragments are never names (core.nlp.labels): a name found only in a Title Case
headline is kept only as a name the body uses, as a whole or as the last words of the fragment."""

from __future__ import annotations

import re

from framereader.core.model import EntitySpan
from framereader.core.nlp.labels import _headline, consistent_entities


def ent(text: str, word: str, label: str, nth: int = 1) -> EntitySpan:
    match = list(re.finditer(re.escape(word), text))[nth - 1]
    return EntitySpan(match.start(), match.end(), label, word)


def labels(text: str, entities: list[EntitySpan]) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in consistent_entities(text, entities).entities]


def test_a_headline_fragment_that_is_no_body_name_is_dropped():
    text = ('Finance Minister Apologises After Being Recorded Calling Pensioners "Moaners"\n\n'
            "Finance Minister Oliver Stanbridge apologised on Tuesday. Stanbridge said he was sorry.")
    found = labels(text, [ent(text, "Apologises After", "PERSON"), ent(text, "Oliver Stanbridge", "PERSON"),
                          ent(text, "Stanbridge", "PERSON", 2)])
    assert ("Apologises After", "PERSON") not in found
    assert ("Oliver Stanbridge", "PERSON") in found


def test_a_headline_ending_in_a_quote_mark_is_a_headline_and_a_sentence_is_not():
    assert _headline('Minister Apologises After Calling Pensioners "Moaners"\n\nBody text here.') != (0, 0)
    assert _headline("Minister Apologises After Calling Pensioners ‘Moaners’\n\nBody text here.") != (0, 0)
    assert _headline('The Minister Said Pensioners Were "Moaners."\n\nBody text here.') == (0, 0)


def test_a_headline_fragment_becomes_the_body_name_it_ends_in():
    text = ("About 300 Migrants Cross Rio Grande Near Eagle Pass; Agent Injured\n\n"
            "About 300 migrants waded across the river near Eagle Pass, Texas, on Tuesday.")
    found = labels(text, [ent(text, "Migrants Cross Rio Grande Near Eagle Pass", "ORG"), ent(text, "Eagle Pass", "LOC", 2),
                          ent(text, "Texas", "GPE")])
    assert found[0] == ("Eagle Pass", "LOC")
    assert not any("Migrants" in name for name, _label in found)


def test_a_surname_inside_a_headline_fragment_is_the_person():
    text = ('"Moaners!" Gaffe-Prone Stanbridge\'s Sneering Tirade At Pensioners Sparks Fury\n\n'
            "Finance Minister Oliver Stanbridge was fighting for his job last night.")
    found = labels(text, [ent(text, "Gaffe-Prone Stanbridge", "ORG"), ent(text, "Oliver Stanbridge", "PERSON")])
    assert found[0] == ("Stanbridge", "PERSON")
    assert not any(name.startswith("Gaffe") for name, _label in found)


def test_a_headline_name_the_body_uses_whole_stays():
    text = "Rioters Loot Brookfield As Mayor Caves To Mob\n\nLooters ransacked shops in Brookfield overnight."
    found = labels(text, [ent(text, "Brookfield", "PERSON"), ent(text, "Brookfield", "GPE", 2)])
    assert [name for name, _label in found] == ["Brookfield", "Brookfield"]
    assert len({label for _name, label in found}) == 1


def test_a_lone_person_starting_an_organisations_name_is_that_organisation_unless_a_surname():
    text = "Vireo Software will cut jobs. Brooks co-founded Vireo in 2009."
    found = labels(text, [ent(text, "Vireo Software", "ORG"), ent(text, "Brooks", "PERSON"), ent(text, "Vireo", "PERSON", 2)])
    assert ("Vireo", "ORG") in found
    text = "Carlos Ruiz founded Ruiz Foods. The elder Ruiz will remain chairman."
    found = labels(text, [ent(text, "Carlos Ruiz", "PERSON"), ent(text, "Ruiz Foods", "ORG"), ent(text, "Ruiz", "PERSON", 3)])
    assert found[-1] == ("Ruiz", "PERSON")


def test_a_name_cut_short_takes_the_words_of_a_longer_name_the_text_gives():
    text = "A Border Patrol agent was hurt. A Border Patrol official said so."
    found = labels(text, [ent(text, "Border", "ORG"), ent(text, "Border Patrol", "ORG", 2)])
    assert found == [("Border Patrol", "ORG"), ("Border Patrol", "ORG")]
