"""One name, one label (core.nlp.labels): the pure step on hand-made entities, and through the
real pipeline on texts where the small model labels one name two ways."""

from __future__ import annotations

import re

import pytest

from framereader.core.kinds import is_actor_name
from framereader.core.model import Document, EntitySpan
from framereader.core.nlp.labels import consistent_entities


def ent(text: str, word: str, label: str, nth: int = 1) -> EntitySpan:
    match = list(re.finditer(re.escape(word), text))[nth - 1]
    return EntitySpan(match.start(), match.end(), label, word)


def labels(text: str, entities: list[EntitySpan]) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in consistent_entities(text, entities).entities]


def test_a_surname_follows_its_full_name_and_edges_are_trimmed():
    text = "Rosa Delgado won. Delgado thanked voters. Delgado left. Aisha Khan £ paid."
    found = labels(text, [ent(text, "Rosa Delgado", "PERSON"), ent(text, "Delgado", "ORG", 2),
                          ent(text, "Delgado", "ORG", 3), ent(text, "Aisha Khan £", "FAC")])
    assert found == [("Rosa Delgado", "PERSON"), ("Delgado", "PERSON"), ("Delgado", "PERSON"), ("Aisha Khan", "PERSON")]


def test_fragments_join_and_the_headline_does_not_outvote_the_body():
    text = ("Ruiz Wins Vote In Harlow\n\nPresident Ana Ruiz won the vote. Islamic State attacked a checkpoint. "
            "Ruiz said the result was clear.")
    found = labels(text, [ent(text, "Ruiz", "GPE"), ent(text, "Harlow", "PERSON"), ent(text, "Ana Ruiz", "PERSON"),
                          ent(text, "Islamic", "NORP"), ent(text, "State", "ORG"), ent(text, "Ruiz", "ORG", 3)])
    # "Harlow" is named only in the headline, where the model guesses: dropped.
    assert found == [("Ruiz", "PERSON"), ("Ana Ruiz", "PERSON"), ("Islamic State", "ORG"), ("Ruiz", "PERSON")]


def test_countries_laws_and_languages_by_their_look():
    text = "Jordan welcomed visitors. The Patriot Act passed. She spoke Swahili. Niger closed its border."
    found = labels(text, [ent(text, "Jordan", "PERSON"), ent(text, "Patriot Act", "ORG"), ent(text, "Swahili", "GPE"),
                          ent(text, "Niger", "DATE")])
    assert found == [("Jordan", "GPE"), ("Patriot Act", "LAW"), ("Swahili", "LANGUAGE"), ("Niger", "GPE")]


def test_missed_names_are_found_again_but_not_inside_other_names():
    text = "Syria Talks Stall Again\n\nSyria rejected the plan. Officials in Syria said Ruiz Foods would pay. Pavel Novak agreed."
    found = labels(text, [ent(text, "Syria", "GPE", 2), ent(text, "Novak", "ORG")])
    assert ("Syria", "GPE") in found and len([f for f in found if f[0] == "Syria"]) == 3
    assert ("Pavel Novak", "PERSON") in found
    assert all(name != "Ruiz Foods" for name, _label in found)  # no first name, no guess


def test_a_name_run_on_at_a_spaced_dash_or_a_connector_splits():
    text = "Sarah Lindqvist went. England - Northgate Athletic drew. Dornau waited. Access to Dornau for Lindqvist's team."
    found = labels(text, [ent(text, "Sarah Lindqvist", "PERSON"), ent(text, "England - Northgate Athletic", "ORG"),
                          ent(text, "Dornau", "GPE"), ent(text, "Dornau for Lindqvist's", "ORG")])
    assert found == [("Sarah Lindqvist", "PERSON"), ("England", "GPE"), ("Northgate Athletic", "ORG"),
                     ("Dornau", "GPE"), ("Dornau", "GPE"), ("Lindqvist", "PERSON")]


def test_a_country_the_model_never_found_is_found():
    text = "Talks Stall\n\nOfficials said Syria and New Zealand disagreed. A turkey was served."
    assert labels(text, []) == [("Syria", "GPE"), ("New Zealand", "GPE")]


def test_the_step_counts_what_it_changed():
    text = "Rosa Delgado won. Delgado thanked voters."
    result = consistent_entities(text, [ent(text, "Rosa Delgado", "PERSON"), ent(text, "Delgado", "ORG", 2)])
    assert result.changed == 1
    assert consistent_entities(text, [ent(text, "Rosa Delgado", "PERSON")]).changed == 1  # "Delgado" found


@pytest.mark.parametrize("name, label, before, after, expected", [
    ("Islam", "NORP", "of ", " on", False),
    ("Marxism", "NORP", "of ", ".", False),
    ("Kurds", "NORP", "The ", " voted", True),
    ("Kurdish", "NORP", "", " fighters retook", True),
    ("Hungarian", "NORP", "the ", " justice minister", False),
    ("Republican", "NORP", " a ", " from Kansas", False),
    ("Our Streets Too", "ORG", '"', '"', False),
    ("’", "ORG", "", "", False),
    ("polish", "NORP", "", " floors", False),
    ("Patriot Act", "LAW", "the ", ".", False),
    ("Harlow Bay", "GPE", "", " voted", True),
])
def test_actor_names(name, label, before, after, expected):
    assert is_actor_name(name, label, before, after) is expected


def test_one_label_per_name_through_the_pipeline(engine):
    text = ("Antoine Girard Concedes\n\nHugo Lambert beat Antoine Girard in Sunday's run-off. Girard, who had led "
            "after the first round, said he would not challenge the result. Girard thanked his voters.")
    engine.forget_recent()
    analysis = engine.analyze(Document(text, source="t.txt"))
    girard = {e.label for e in analysis.entities if "Girard" in e.text}
    assert girard == {"PERSON"}
    assert len([e for e in analysis.entities if "Girard" in e.text]) == 4  # the headline's too
