"""Actor alignment, the framing profile and the comparison JSON, on hand-built analyses."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framereader.core.comparison.compare import (
    Comparison,
    align_actors,
    compare,
    comparison_to_json,
    normalise_name,
)
from framereader.core.model import Analysis, Descriptor, EntitySpan, FramingSpan, ModelInfo

MODEL = ModelInfo("en_core_web_sm", "3.8.0")


def analysis(
    text: str,
    ents: list[tuple[str, str]] = (),
    framing: list[tuple[str, str, str]] = (),
    descriptors: list[tuple[str, str, str]] = (),
    source: str = "a.txt",
) -> Analysis:
    """Entities as (surface, label) and framing as (surface, category, term), found left to right;
    descriptors as (mention surface, descriptor surface, relation) searched from the start."""
    spans, pos = [], 0
    for surface, label in ents:
        i = text.index(surface, pos)
        pos = i + len(surface)
        spans.append(EntitySpan(i, i + len(surface), label, surface))
    frames, pos = [], 0
    for surface, category, term in framing:
        i = text.index(surface, pos)
        pos = i + len(surface)
        frames.append(FramingSpan(i, i + len(surface), category, term, surface))
    descs = []
    for mention, word, relation in descriptors:
        m = text.index(mention)
        w = text.index(word)
        descs.append(Descriptor(word.lower(), relation, m, m + len(mention), w, w + len(word), 0, len(text)))
    return Analysis(
        source=source,
        text=text,
        model=MODEL,
        entities=tuple(spans),
        framing=tuple(frames),
        words=len(text.split()),
        descriptors=tuple(descs),
        entity_counts=dict(sorted(Counter(e.label for e in spans).items())),
        framing_counts=dict(sorted(Counter(f.category for f in frames).items())),
    )


EMPTY = analysis("Nothing here.")


def by_name(actors) -> dict[str, object]:
    return {a.name: a for a in actors}


# ---------------------------------------------------------------------------------------------
# normalise_name


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("Vladimir Putin", "PERSON", "vladimir putin"),
        ("President Putin", "PERSON", "putin"),
        ("Putin's", "PERSON", "putin"),
        ("Putin’s", "PERSON", "putin"),
        ("President Putin's", "PERSON", "putin"),
        ("Prime Minister Boris Johnson", "PERSON", "boris johnson"),
        ("Foreign Minister Sergei Lavrov", "PERSON", "sergei lavrov"),
        ("Dr. Anthony Fauci", "PERSON", "anthony fauci"),
        ("Mr Putin", "PERSON", "putin"),
        ("Ms. Harris", "PERSON", "harris"),
        ("General Mark Milley", "PERSON", "mark milley"),
        ("Senator Bernie Sanders", "PERSON", "bernie sanders"),
        ("“Putin,”", "PERSON", "putin"),
        ("Jones'", "PERSON", "jones"),
        ("the Kremlin", "ORG", "kremlin"),
        ("The United Nations", "ORG", "united nations"),
        ("the UN's", "ORG", "un"),
        ("U.N.", "ORG", "u.n."),
        ("General Motors", "ORG", "general motors"),  # titles are only stripped from people
        ("  European   Union ", "ORG", "european union"),
    ],
)
def test_normalise_name(text, label, expected):
    assert normalise_name(text, label) == expected


def test_normalise_name_never_empties_a_name():
    assert normalise_name("President", "PERSON") == "president"


# ---------------------------------------------------------------------------------------------
# Alignment


def test_putin_forms_merge_into_one_actor_named_by_the_full_form():
    left = analysis(
        "Vladimir Putin spoke. Later Putin left. President Putin returned. Putin's war goes on.",
        [("Vladimir Putin", "PERSON"), ("Putin", "PERSON"), ("President Putin", "PERSON"), ("Putin's", "PERSON")],
    )
    actors = align_actors(left, EMPTY)
    assert len(actors) == 1
    (putin,) = actors
    assert (putin.name, putin.label, putin.left.count, putin.right.count) == ("Vladimir Putin", "PERSON", 4, 0)
    assert putin.left.mentions == tuple((e.start, e.end) for e in left.entities)


def test_different_people_stay_apart():
    left = analysis(
        "Joe Biden met Hunter Biden. Joe Biden spoke. Biden smiled. Putin frowned.",
        [("Joe Biden", "PERSON"), ("Hunter Biden", "PERSON"), ("Joe Biden", "PERSON"), ("Biden", "PERSON"),
         ("Putin", "PERSON")],
    )
    actors = by_name(align_actors(left, EMPTY))
    assert set(actors) == {"Joe Biden", "Hunter Biden", "Putin"}
    assert actors["Joe Biden"].left.count == 3  # the bare "Biden" joins the more frequent Biden
    assert actors["Hunter Biden"].left.count == 1
    assert actors["Putin"].left.count == 1


def test_bare_surname_prefers_the_person_named_in_the_same_text():
    left = analysis("Joe Biden spoke. Joe Biden left.", [("Joe Biden", "PERSON"), ("Joe Biden", "PERSON")])
    right = analysis("Hunter Biden spoke. Biden left.", [("Hunter Biden", "PERSON"), ("Biden", "PERSON")])
    actors = by_name(align_actors(left, right))
    assert actors["Hunter Biden"].right.count == 2
    assert actors["Joe Biden"].right.count == 0


def test_kremlin_is_its_own_actor_and_un_merges_across_texts():
    left = analysis(
        "The Kremlin said the United Nations and Russia must act. Putin agreed.",
        [("The Kremlin", "ORG"), ("the United Nations", "ORG"), ("Russia", "GPE"), ("Putin", "PERSON")],
    )
    right = analysis(
        "The UN and the U.N. Security Council met. Vladimir Putin refused. Russia's envoy left.",
        [("UN", "ORG"), ("U.N.", "ORG"), ("Vladimir Putin", "PERSON"), ("Russia's", "GPE")],
    )
    comparison = compare(left, right)
    actors = by_name(comparison.actors)
    assert set(actors) == {"Kremlin", "United Nations", "Russia", "Vladimir Putin"}
    un = actors["United Nations"]
    assert (un.left.count, un.right.count, un.label) == (1, 2, "ORG")
    assert (actors["Kremlin"].left.count, actors["Kremlin"].right.count) == (1, 0)
    assert (actors["Vladimir Putin"].left.count, actors["Vladimir Putin"].right.count) == (1, 1)
    assert {a.name for a in comparison.shared} == {"United Nations", "Russia", "Vladimir Putin"}
    assert [a.name for a in comparison.only_left] == ["Kremlin"]
    assert comparison.only_right == ()


def test_eu_and_european_union_merge():
    left = analysis("The European Union acted.", [("The European Union", "ORG")])
    right = analysis("The EU acted.", [("EU", "ORG")])
    (eu,) = align_actors(left, right)
    assert (eu.name, eu.left.count, eu.right.count) == ("European Union", 1, 1)


def test_non_actor_labels_are_skipped():
    left = analysis(
        "On Monday 40 percent of $5 went to Putin.",
        [("Monday", "DATE"), ("40 percent", "PERCENT"), ("$5", "MONEY"), ("Putin", "PERSON")],
    )
    assert [a.name for a in align_actors(left, EMPTY)] == ["Putin"]


def test_org_label_on_a_surname_joins_the_person():
    left = analysis(
        "President Holloway spoke. Holloway's regime fell.",
        [("Holloway", "PERSON"), ("Holloway's", "ORG")],
    )
    (holloway,) = align_actors(left, EMPTY)
    assert (holloway.name, holloway.label, holloway.left.count) == ("Holloway", "PERSON", 2)


def test_actors_sorted_by_total_mentions_and_descriptors_attached_per_side():
    left = analysis(
        "The reckless Putin met Biden. Putin's regime. Putin again.",
        [("Putin", "PERSON"), ("Biden", "PERSON"), ("Putin's", "PERSON"), ("Putin", "PERSON")],
        descriptors=[("Putin", "reckless", "amod")],
    )
    right = analysis(
        "Biden, a veteran, met Putin. Biden again. Biden once more.",
        [("Biden", "PERSON"), ("Putin", "PERSON"), ("Biden", "PERSON"), ("Biden", "PERSON")],
        descriptors=[("Biden", "veteran", "appos")],
    )
    actors = align_actors(left, right)
    # Equal totals fall back to the name, so the order is stable.
    assert [(a.name, a.total) for a in actors] == [("Biden", 4), ("Putin", 4)]
    named = by_name(actors)
    assert [d.word for d in named["Putin"].left.descriptors] == ["reckless"]
    assert named["Putin"].right.descriptors == ()
    assert [d.word for d in named["Biden"].right.descriptors] == ["veteran"]

    more = analysis("Putin. Putin. Putin. Biden.", [("Putin", "PERSON")] * 3 + [("Biden", "PERSON")])
    assert [a.name for a in align_actors(more, EMPTY)] == ["Putin", "Biden"]


def test_alignment_is_deterministic_and_symmetric_in_membership():
    left = analysis("Joe Biden and the UN. Biden.", [("Joe Biden", "PERSON"), ("the UN", "ORG"), ("Biden", "PERSON")])
    right = analysis("The United Nations and Biden.", [("The United Nations", "ORG"), ("Biden", "PERSON")])
    a = compare(left, right)
    assert a == compare(left, right)
    swapped = by_name(compare(right, left).actors)
    for actor in a.actors:
        other = swapped[actor.name]
        assert (other.left.count, other.right.count) == (actor.right.count, actor.left.count)


# ---------------------------------------------------------------------------------------------
# Profile


def framed_pair():
    left = analysis(
        "Reckless troops stormed the border in a brutal raid. A reckless move.",
        framing=[("Reckless", "loaded", "reckless"), ("stormed", "conflict", "storm"),
                 ("brutal", "loaded", "brutal"), ("reckless", "loaded", "reckless")],
    )
    right = analysis(
        "Soldiers crossed the border. Officials called it a defensive step.",
        framing=[("defensive", "security", "defensive")],
    )
    return left, right


def test_profile_counts_add_up_to_the_framing_counts():
    left, right = framed_pair()
    comparison = compare(left, right, categories=["security", "loaded", "victims", "conflict"])
    assert [r.category for r in comparison.profile] == ["security", "loaded", "victims", "conflict"]
    assert sum(r.left_count for r in comparison.profile) == sum(left.framing_counts.values()) == 4
    assert sum(r.right_count for r in comparison.profile) == sum(right.framing_counts.values()) == 1
    for row in comparison.profile:
        assert row.left_count == left.framing_counts.get(row.category, 0)
        assert row.right_count == right.framing_counts.get(row.category, 0)
        assert row.left_density == left.density().get(row.category, 0.0)
    loaded = comparison.row("loaded")
    assert loaded.left_top == (("reckless", 2), ("brutal", 1))
    assert loaded.left_density == round(3 * 1000 / left.words, 2)
    assert comparison.row("victims") == comparison.row("victims").__class__("victims")


def test_profile_keeps_categories_missing_from_the_given_list():
    left, right = framed_pair()
    comparison = compare(left, right, categories=["loaded"])
    assert [r.category for r in comparison.profile] == ["loaded", "conflict", "security"]
    assert sum(r.left_count for r in comparison.profile) == 4


def test_zero_words_give_zero_density():
    empty = Analysis("e", "", MODEL, (), (), 0)
    (row,) = compare(empty, empty, categories=["loaded"]).profile
    assert (row.left_count, row.left_density, row.right_density) == (0, 0.0, 0.0)


words = st.sampled_from(["alpha", "beta", "gamma", "delta"])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(words, st.sampled_from(["a", "b", "c"])), max_size=12),
       st.lists(st.tuples(words, st.sampled_from(["a", "c", "d"])), max_size=12))
def test_profile_totals_property(left_terms, right_terms):
    def build(terms):
        text = " ".join(w for w, _c in terms) or "empty"
        return analysis(text, framing=[(w, c, w) for w, c in terms])

    left, right = build(left_terms), build(right_terms)
    comparison = compare(left, right, categories=["c", "b"])
    assert sum(r.left_count for r in comparison.profile) == len(left_terms)
    assert sum(r.right_count for r in comparison.profile) == len(right_terms)
    for row in comparison.profile:
        assert sum(n for _t, n in row.left_top) == row.left_count


# ---------------------------------------------------------------------------------------------
# JSON


def test_comparison_json_shape():
    left = analysis(
        "The reckless Putin met the UN. Putin left.",
        [("Putin", "PERSON"), ("the UN", "ORG"), ("Putin", "PERSON")],
        framing=[("reckless", "loaded", "reckless")],
        descriptors=[("Putin", "reckless", "amod")],
        source="left.md",
    )
    right = analysis(
        "Vladimir Putin met the United Nations.",
        [("Vladimir Putin", "PERSON"), ("the United Nations", "ORG")],
        source="right.md",
    )
    comparison = compare(left, right, categories=["loaded", "security"])
    data = comparison_to_json(left, right, comparison)
    assert json.loads(json.dumps(data)) == data
    assert set(data) == {"left", "right", "actors", "profile", "profile_counts", "voices", "alignment", "left_only",
                         "right_only", "word_choice", "named_elsewhere"}
    assert data["left"] == {**left.to_json(), "passives": []} and data["right"] == {**right.to_json(), "passives": []}
    putin = data["actors"][0]
    assert set(putin) == {"name", "label", "left", "right"}
    assert (putin["name"], putin["label"]) == ("Vladimir Putin", "PERSON")
    assert set(putin["left"]) == {"count", "descriptors", "mentions", "agent", "patient"}
    assert putin["left"]["count"] == 2
    assert putin["left"]["mentions"] == [[13, 18], [31, 36]]
    assert putin["left"]["descriptors"] == [
        {"word": "reckless", "relation": "amod", "start": 4, "end": 12, "sentence_start": 0,
         "sentence_end": len(left.text)}
    ]
    assert putin["right"] == {"count": 1, "descriptors": [], "mentions": [[0, 14]], "agent": [], "patient": []}
    assert list(data["profile"]) == ["loaded", "security"]
    assert data["profile"]["loaded"] == {
        "left": {"count": 1, "density": round(1000 / left.words, 2), "top": [["reckless", 1]], "quoted": 0},
        "right": {"count": 0, "density": 0.0, "top": [], "quoted": 0},
    }
    assert isinstance(comparison, Comparison)


def test_gpe_label_on_a_surname_joins_the_person_only_when_that_text_names_them():
    left = analysis(
        "Foreign Minister Anya Petrova spoke. Petrova is a skilled performer.",
        [("Anya Petrova", "PERSON"), ("Petrova", "GPE")],
    )
    right = analysis("Petrova lies on the coast.", [("Petrova", "GPE")])
    actors = by_name(align_actors(left, right))
    assert set(actors) == {"Anya Petrova", "Petrova"}
    assert (actors["Anya Petrova"].left.count, actors["Anya Petrova"].right.count) == (2, 0)
    assert (actors["Petrova"].label, actors["Petrova"].right.count) == ("GPE", 1)
