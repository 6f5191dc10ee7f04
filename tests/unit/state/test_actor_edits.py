"""Merge two actors, split one (core.state.edits ActorMerge / ActorSplit): applied by the
comparison to both texts, undone by removing the edit, kept in lesson files."""

from __future__ import annotations

from export_support import at, make

from framereader.core.comparison.compare import compare
from framereader.core.state.edits import ActorMerge, ActorSplit, TextEdits, apply_edits, from_json, to_json

LEFT = "President Holloway spoke. The Valdorian leader Holloway left. Joe Biden met Hunter Biden. Biden smiled."
RIGHT = "Marek Holloway stayed. The President of Valdoria agreed. Hunter Biden waved."


def analyses():
    left = make(LEFT, ents=[(*at(LEFT, "Holloway"), "PERSON"), (*at(LEFT, "Holloway", 1), "PERSON"),
                            (*at(LEFT, "Joe Biden"), "PERSON"), (*at(LEFT, "Hunter Biden"), "PERSON"),
                            (*at(LEFT, "Biden", 2), "PERSON")])
    right = make(RIGHT, ents=[(*at(RIGHT, "Marek Holloway"), "PERSON"), (*at(RIGHT, "Valdoria"), "GPE"),
                              (*at(RIGHT, "Hunter Biden"), "PERSON")], source="right.md")
    return left, right


def names(comparison) -> dict[str, tuple[int, int]]:
    return {a.name: (a.left.count, a.right.count) for a in comparison.actors}


def test_merge_joins_an_actor_into_another_in_both_texts():
    left, right = analyses()
    assert names(compare(left, right))["Valdoria"] == (0, 1)
    merged = apply_edits(right, TextEdits(actors=(ActorMerge(*at(RIGHT, "Valdoria"), "Marek Holloway"),)))
    found = names(compare(left, merged))
    assert "Valdoria" not in found and found["Marek Holloway"] == (2, 2)


def test_split_takes_a_name_out_of_its_actor_and_removing_the_edit_undoes_it():
    left, right = analyses()
    before = names(compare(left, right))
    assert before["Marek Holloway"] == (2, 1)  # "Holloway" joined the full name
    edits = TextEdits(actors=(ActorSplit(*at(LEFT, "Holloway")),))
    split = names(compare(apply_edits(left, edits), right))
    assert split["Marek Holloway"] == (0, 1) and split["Holloway"] == (2, 0)
    assert names(compare(apply_edits(left, edits.remove(edits.actors[0])), right)) == before


def test_actor_edits_round_trip_through_the_lesson_json():
    edits = TextEdits(actors=(ActorMerge(0, 9, "Marek Holloway"), ActorSplit(30, 42)))
    back, warnings = from_json(to_json(edits), LEFT)
    assert back == edits and warnings == []
    damaged, warnings = from_json({"actors": [{"start": 0, "end": 9999, "split": True}, {"start": 0, "end": 5}]}, LEFT)
    assert damaged.actors == () and warnings
