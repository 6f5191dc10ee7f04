"""Words the model takes for names that name no actor, and names cut at the wrong place
(core.nlp.not_names, through core.nlp.labels.consistent_entities), on hand-made entities."""

from __future__ import annotations

import re

import pytest

from framereader.core.model import EntitySpan
from framereader.core.nlp.labels import consistent_entities

NOUNS = frozenset({"turnout", "mosque", "crescent", "church", "bolton"})


def ent(text: str, word: str, label: str, nth: int = 1) -> EntitySpan:
    match = list(re.finditer(re.escape(word), text))[nth - 1]
    return EntitySpan(match.start(), match.end(), label, word)


def labels(text: str, entities: list[EntitySpan], nouns: frozenset[str] = NOUNS) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in consistent_entities(text, entities, nouns).entities]


def test_a_dateline_keeps_its_places_and_loses_its_news_agency():
    text = ("Brandt And Delgado Clash In Only Debate\n\nRIVERTON, Westland (State Capitol News) - Governor Helen "
            "Brandt defended her record. Jobs came to Westland.")
    found = labels(text, [ent(text, "Westland (State Capitol News", "ORG"), ent(text, "Helen Brandt", "PERSON"),
                          ent(text, "Westland", "GPE", 2)])
    assert [f for f in found if "Westland" in f[0] or "Capitol" in f[0]] == [("Westland", "GPE"), ("Westland", "GPE")]
    assert ("Helen Brandt", "PERSON") in found
    text = "Floods Displace Thousands In Sindh\n\nKARACHI, Pakistan (Andes Wire) - Floods rose in Sindh."
    found = labels(text, [ent(text, "KARACHI", "ORG"), ent(text, "Andes Wire", "ORG"), ent(text, "Sindh", "GPE", 2)])
    assert ("KARACHI", "GPE") in found
    assert not any(name == "Andes Wire" for name, _label in found)


def test_a_stray_bracket_cuts_a_name():
    text = "Officials in Kestria (the northern region said nothing."
    assert labels(text, [ent(text, "Kestria (the northern", "GPE")]) == [("Kestria", "GPE")]


@pytest.mark.parametrize(
    ("text", "word", "label"),
    [
        ("The company's polished, Harvard-educated chief executive spoke.", "Harvard", "ORG"),
        ("Laid-off staff in California gathered outside.", "Laid", "PERSON"),
        ("The pro-Kremlin channels repeated the claim.", "Kremlin", "ORG"),
        ("Education Secretary Rachel Moore said schools could decide.", "Education", "ORG"),
        ("Protests continued. Labour minister Harpreet Sandhu visited.", "Labour", "ORG"),
        ("Nurse Janice Okafor, who treated Covid patients, testified.", "Covid", "PERSON"),
        ("The bishop, speaking at a Mass in Antofagasta, urged calm.", "Mass", "GPE"),
        ('"The Gospel is clear on this," he said.', "Gospel", "PERSON"),
        ("Nine in ten chose reunification. Turnout was 78 per cent.", "Turnout", "PERSON"),
        ("The river rose. Mosques in the town opened their halls.", "Mosques", "PERSON"),
    ],
)
def test_words_that_name_no_actor_are_left_out(text, word, label):
    found = labels(text, [ent(text, word, label)])
    assert not any(word in name for name, _label in found), found


def test_a_surname_that_is_a_common_noun_stays_when_the_text_shows_a_person():
    text = "Tom Bush spoke first. Bush said the crossing was calm."
    found = labels(text, [ent(text, "Tom Bush", "PERSON"), ent(text, "Bush", "PERSON", 2)], frozenset({"bush"}))
    assert found == [("Tom Bush", "PERSON"), ("Bush", "PERSON")]
    text = "The ministers met. Crescent said it would pay."
    assert labels(text, [ent(text, "Crescent", "ORG")]) == [("Crescent", "ORG")]  # only "people" are checked


def test_a_lone_person_the_text_only_places_someone_in_is_a_place():
    text = "Pensioner Doreen Maitland, 81, from Bolton, has lost her payment."
    found = labels(text, [ent(text, "Doreen Maitland", "PERSON"), ent(text, "Bolton", "PERSON")])
    assert found == [("Doreen Maitland", "PERSON"), ("Bolton", "GPE")]
    text = "Sarah Bolton spoke. Later, Bolton said she was from Leeds."
    found = labels(text, [ent(text, "Sarah Bolton", "PERSON"), ent(text, "Bolton", "PERSON", 2)])
    assert ("Bolton", "PERSON") in found


def test_a_word_before_a_first_name_is_not_part_of_the_name():
    text = "Moderator Paul Nguyen of KWST-TV kept the exchanges short."
    assert labels(text, [ent(text, "Moderator Paul Nguyen", "PERSON")]) == [("Paul Nguyen", "PERSON")]
    text = "Mary Ann Keller and Jean Paul Sartre met."
    found = labels(text, [ent(text, "Mary Ann Keller", "PERSON"), ent(text, "Jean Paul Sartre", "PERSON")])
    assert found == [("Mary Ann Keller", "PERSON"), ("Jean Paul Sartre", "PERSON")]


def test_a_country_acronym_ending_a_name_is_part_of_an_organisation():
    text = "He wrote to the charity Age Concern UK. The UK has a pension scheme."
    found = labels(text, [ent(text, "UK", "GPE"), ent(text, "UK", "GPE", 2)])
    assert found == [("Age Concern UK", "ORG"), ("UK", "GPE")]
    text = "Age Concern UK accepted it, said Hope Marchetti."
    found = labels(text, [ent(text, "Age Concern", "ORG"), ent(text, "UK", "GPE"), ent(text, "Hope Marchetti", "PERSON")])
    assert found[0] == ("Age Concern UK", "ORG")


def test_a_lone_surname_that_reads_like_a_person_stays():
    text = "Migrants crossed the river. Bush, the Maverick County sheriff, said deputies were called."
    assert labels(text, [ent(text, "Bush", "PERSON")], frozenset({"bush"})) == [("Bush", "PERSON")]
    text = "The crossing was calm. Bush said deputies were called."
    assert labels(text, [ent(text, "Bush", "PERSON")], frozenset({"bush"})) == [("Bush", "PERSON")]


def test_a_name_after_a_dateline_keeps_its_label():
    text = "Club Sold In Big Deal\n\nMANCHESTER, England - Northgate Athletic's owners agreed to sell."
    found = labels(text, [ent(text, "England - Northgate Athletic", "ORG")])
    assert ("England", "GPE") in found and ("Northgate Athletic", "ORG") in found


def test_a_surname_first_name_keeps_its_surname():
    text = "CoinHarbor chief executive Tan Wei Ming said funds were safe."
    assert labels(text, [ent(text, "Tan Wei Ming", "PERSON")], frozenset({"tan"})) == [("Tan Wei Ming", "PERSON")]


def test_an_age_is_a_number_not_a_date():
    text = "Darnell Hayes, 23, was shot. The 22-year-old student and a woman aged 71 watched on 12 May 2024."
    found = labels(text, [ent(text, "Darnell Hayes", "PERSON"), ent(text, "23", "DATE"), ent(text, "22-year-old", "DATE"),
                          ent(text, "71", "DATE"), ent(text, "12 May 2024", "DATE")])
    assert found == [("Darnell Hayes", "PERSON"), ("23", "CARDINAL"), ("22-year-old", "CARDINAL"), ("71", "CARDINAL"),
                     ("12 May 2024", "DATE")]


def test_towns_and_countries_the_text_shows_are_places():
    text = "Shells hit the market town of Dornau. Later Dornau was quiet. Lentavia said Lentavian troops held."
    found = labels(text, [ent(text, "Dornau", "ORG"), ent(text, "Dornau", "ORG", 2), ent(text, "Lentavia", "ORG"),
                          ent(text, "Lentavian", "NORP")])
    assert found == [("Dornau", "GPE"), ("Dornau", "GPE"), ("Lentavia", "GPE"), ("Lentavian", "NORP")]
    text = "Shares in Apple rose. Apple said sales grew."
    assert labels(text, [ent(text, "Apple", "ORG"), ent(text, "Apple", "ORG", 2)]) == [("Apple", "ORG"), ("Apple", "ORG")]


def test_a_name_right_after_what_it_is_is_an_organisation() -> None:
    from framereader.core.model import EntitySpan
    from framereader.core.nlp.not_names import dropped

    text = ("She asked the regulator Ofwat to look again. Ofwat said no. The campaign group Vireo and Kestria agreed. "
            "The company Holloway founded failed.")
    spans = [EntitySpan(text.index("Ofwat"), text.index("Ofwat") + 5, "GPE", "Ofwat"),
             EntitySpan(text.index("Ofwat said"), text.index("Ofwat said") + 5, "GPE", "Ofwat"),
             EntitySpan(text.index("Vireo"), text.index("Vireo") + 5, "PERSON", "Vireo"),
             EntitySpan(text.index("Kestria"), text.index("Kestria") + 7, "GPE", "Kestria"),
             EntitySpan(text.index("Holloway"), text.index("Holloway") + 8, "PERSON", "Holloway")]
    spans[2] = EntitySpan(spans[2].start, spans[2].end, "GPE", "Vireo")
    # a 'place' after what it is becomes an organisation; a 'person' never does (Holloway founded it)
    assert [e.label for e in dropped(text, spans)] == ["ORG", "ORG", "ORG", "GPE", "PERSON"]
