"""One label per name across the two texts, in what the panes show."""

from __future__ import annotations

from test_compare import analysis

from framereader.core.comparison.agreement import agreed_entities, with_entities


def test_a_lone_name_a_city_on_one_side_and_a_person_on_the_other_is_a_city_in_both() -> None:
    left = analysis("Protests in Brookfield, Ohio, went on. Brookfield was calm.", [("Brookfield", "GPE"), ("Ohio", "GPE"), ("Brookfield", "GPE")])
    right = analysis("Brookfield's downtown was left in ruins. Darnell Hayes died.", [("Brookfield", "PERSON"), ("Darnell Hayes", "PERSON")])
    got_left, got_right = agreed_entities(left, right)
    assert got_left == left.entities
    assert [(e.text, e.label) for e in got_right] == [("Brookfield", "GPE"), ("Darnell Hayes", "PERSON")]
    shown = with_entities(right, got_right)
    assert shown.entity_counts == {"GPE": 1, "PERSON": 1} and shown.text == right.text
    assert with_entities(left, got_left) is left  # nothing changed: the same analysis


def test_the_readers_correction_is_kept_and_a_surname_of_a_person_stays_a_person() -> None:
    left = analysis("Tom Bush spoke. Bush left Bush.", [("Tom Bush", "PERSON"), ("Bush", "PERSON"), ("Bush", "GPE")])
    right = analysis("Bush said no. Brookfield voted.", [("Bush", "GPE"), ("Brookfield", "PERSON")])
    other = analysis("Brookfield voted.", [("Brookfield", "GPE")])
    _left, got_right = agreed_entities(left, right)
    assert got_right[0].label == "PERSON"  # "Bush" of "Tom Bush"
    corrected = (right.entities[0].start, right.entities[0].end)
    _left, got_right = agreed_entities(left, right, kept_right={corrected})
    assert got_right[0].label == "GPE"  # the reader said so
    _other, got_right = agreed_entities(other, right)
    assert got_right[1].label == "GPE"
