"""One label per name across both texts, and short forms of organisations' names joined to the
long ones (core.comparison.mentions), on hand-built analyses."""

from __future__ import annotations

from framereader.core.comparison.compare import align_actors
from framereader.core.model import Analysis, EntitySpan, ModelInfo

MODEL = ModelInfo("en_core_web_sm", "3.8.0")


def analysis(text: str, ents: list[tuple[str, str]]) -> Analysis:
    """Entities as (surface, label), found left to right."""
    spans, pos = [], 0
    for surface, label in ents:
        i = text.index(surface, pos)
        pos = i + len(surface)
        spans.append(EntitySpan(i, i + len(surface), label, surface))
    return Analysis(source="t.txt", text=text, model=MODEL, entities=tuple(spans), framing=(), words=len(text.split()))


def table(actors) -> dict[str, tuple[str, int, int]]:
    return {a.name: (a.label, a.left.count, a.right.count) for a in actors}


def test_a_name_labelled_two_ways_across_the_texts_is_one_actor():
    left = analysis("Looters hit Brookfield. Shops in Brookfield closed.", [("Brookfield", "GPE"), ("Brookfield", "GPE")])
    right = analysis("Rioters loot Brookfield. Brookfield burns.", [("Brookfield", "PERSON"), ("Brookfield", "PERSON")])
    assert table(align_actors(left, right)) == {"Brookfield": ("GPE", 2, 2)}


def test_a_surname_keeps_its_person_across_the_texts():
    left = analysis("Sheriff Tom Bush spoke. Bush said it was calm.", [("Tom Bush", "PERSON"), ("Bush", "PERSON")])
    right = analysis("Bush, the sheriff, called for help.", [("Bush", "ORG")])
    found = table(align_actors(left, right))
    assert found["Tom Bush"][0] == "PERSON"
    assert found["Tom Bush"][1:] == (2, 1)


def test_short_forms_after_the_long_name_join_it():
    left = analysis("Crescent Capital Partners bought the club. Crescent Capital will also take on debts.",
                    [("Crescent Capital Partners", "ORG"), ("Crescent Capital", "ORG")])
    right = analysis("He sold the club to Crescent Capital Partners. Crescent's takeover was a disaster.",
                     [("Crescent Capital Partners", "ORG"), ("Crescent", "ORG")])
    found = table(align_actors(left, right))
    assert found == {"Crescent Capital Partners": ("ORG", 2, 2)}


def test_a_short_form_before_the_long_name_or_of_two_names_stays_apart():
    text = "Northgate fans protested. Northgate Athletic was sold. Northgate Supporters Trust objected. Northgate lost."
    left = analysis(text, [("Northgate", "ORG"), ("Northgate Athletic", "ORG"), ("Northgate Supporters Trust", "ORG"),
                           ("Northgate", "ORG")])
    found = table(align_actors(left, analysis("", [])))
    assert set(found) == {"Northgate", "Northgate Athletic", "Northgate Supporters Trust"}
    text = "The Senate met. The Montana Senate voted."
    found = table(align_actors(analysis(text, [("Senate", "ORG"), ("Montana Senate", "ORG")]), analysis("", [])))
    assert set(found) == {"Senate", "Montana Senate"}


def test_a_last_word_short_form_joins_only_after_a_place():
    text = "Montana Senate Passes Bill\n\nMontana's Senate voted on Tuesday. The Senate adjourned."
    left = analysis(text, [("Montana Senate", "ORG"), ("Montana", "GPE"), ("Senate", "ORG"), ("Senate", "ORG")])
    found = table(align_actors(left, analysis("", [])))
    assert found["Montana Senate"] == ("ORG", 3, 0)
    assert "Senate" not in found
    text = "The White House said no. Later the House voted."
    found = table(align_actors(analysis(text, [("White House", "ORG"), ("House", "ORG")]), analysis("", [])))
    assert set(found) == {"White House", "House"}


def test_two_people_are_never_joined_as_short_forms():
    text = "Paul Nguyen moderated. Nguyen Holdings paid. Nguyen spoke."
    left = analysis(text, [("Paul Nguyen", "PERSON"), ("Nguyen Holdings", "ORG"), ("Nguyen", "PERSON")])
    found = table(align_actors(left, analysis("", [])))
    assert found["Paul Nguyen"] == ("PERSON", 2, 0)
    assert found["Nguyen Holdings"] == ("ORG", 1, 0)


def test_a_place_named_public_body_keeps_its_place_apart():
    text = "Sunita Devi of the Punjab Garment Workers' Union spoke. Punjab's labour minister visited."
    left = analysis(text, [("Sunita Devi", "PERSON"), ("Punjab Garment Workers' Union", "ORG"), ("Punjab", "ORG")])
    found = table(align_actors(left, analysis("", [])))
    assert {"Punjab", "Punjab Garment Workers' Union"} <= set(found)


def test_a_headline_short_form_over_the_long_name_joins_it_in_both_texts():
    left = analysis("House Votes To Double Tax Exemption\n\nThe House of Representatives voted on Thursday.",
                    [("House", "ORG"), ("House of Representatives", "ORG")])
    right = analysis("House Passes Estate Tax Giveaway\n\nHouse Republicans passed the bill. The White House objected.",
                     [("House", "ORG"), ("House", "ORG"), ("White House", "ORG")])
    found = table(align_actors(left, right))
    assert found["House of Representatives"] == ("ORG", 2, 2)
    assert found["White House"] == ("ORG", 0, 1)
