"""What the handout picks (issue 22): actors by how much both texts say about them, the telling
verbs first, discussion questions worded for the actor's kind, and `analyze --full`."""

from __future__ import annotations

import re

from export_support import STYLES, at, make

from framereader.core.comparison.compare import Actor, ActorSide, Comparison, compare, rank_verbs
from framereader.core.comparison.roles import AgencyLink
from framereader.core.export import HandoutOptions, full_analysis_json, render_handout_html
from framereader.core.export.sections import questions_html, top_actors
from framereader.core.model import Descriptor, Reference, Role


def named(text: str, names: dict[str, str]) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), label) for word, label in names.items() for m in re.finditer(word, text)]


def test_shared_actors_come_in_salience_order_before_one_sided_ones() -> None:
    left_text = "Kerr spoke. " * 6 + "Alvarado spoke. " * 1 + "Lindgren spoke. " * 3 + "Okafor spoke."
    right_text = "Kerr spoke. " * 3 + "Alvarado spoke. " * 8 + "Lindgren spoke. " * 3 + "Price spoke."
    names = {"Kerr": "PERSON", "Alvarado": "PERSON", "Lindgren": "PERSON", "Okafor": "PERSON", "Price": "PERSON"}
    left = make(left_text, ents=named(left_text, names))
    right = make(right_text, ents=named(right_text, names), source="right.md")
    comparison = compare(left, right)
    assert [a.name for a in comparison.actors][:3] == ["Kerr", "Lindgren", "Alvarado"]  # min 3, 3, 1
    chosen = [a.name for a in top_actors(comparison, 3)]
    assert chosen == ["Kerr", "Lindgren", "Alvarado"]
    for kept in top_actors(comparison, 2):
        for dropped in comparison.actors[2:]:
            assert not (dropped.left.count >= kept.left.count and dropped.right.count >= kept.right.count
                        and dropped.total > kept.total)
    assert [a.name for a in top_actors(comparison, 5)][3:] == ["Okafor", "Price"]  # then each side's own


def test_telling_verbs_come_first_and_light_verbs_last() -> None:
    def link(verb: str, loaded: bool = False) -> AgencyLink:
        return AgencyLink(verb, 0, 1, "active", 0, 1, loaded=loaded)

    ranked = rank_verbs([link("deliver"), link("deliver"), link("say"), link("rip up", True), link("visit")])
    assert [verb for verb, _n in ranked] == ["rip up", "visit", "deliver", "say"]


def test_a_lexicon_verb_is_marked_telling_through_the_comparison() -> None:
    text = "Holloway ripped up the deal. Holloway delivered a speech."
    left = make(text, ents=[(*at(text, "Holloway"), "PERSON"), (*at(text, "Holloway", 1), "PERSON")],
                framing=[(*at(text, "ripped"), "loaded_language")])
    roles = tuple(
        Role("agent", verb, "active", *at(text, "Holloway", nth), *clause, *at(text, word))
        for verb, word, nth, clause in (("rip up", "ripped", 0, (0, 27)), ("deliver", "delivered", 1, (29, 56)))
    )
    left = type(left)(**{**left.__dict__, "roles": roles})
    (actor,) = compare(left, make("", source="right.md")).actors
    assert [(l.verb, l.loaded) for l in actor.left.agent] == [("rip up", True), ("deliver", False)]


def _actor(name: str, label: str) -> Actor:
    def words(*found: str) -> tuple[Descriptor, ...]:
        return tuple(Descriptor(w, "amod", 0, 1, 0, 1, 0, 1) for w in found)

    return Actor(name, label, ActorSide(2, ((0, 1),), words("reckless", "bold")), ActorSide(2, ((0, 1),), words("calm")))


def test_questions_fit_the_kind_of_actor() -> None:
    asked = {}
    for label, name in (("PERSON", "Ana Ruiz"), ("ORG", "Vireo Software"), ("GPE", "Syria"), ("NORP", "Kurds"),
                        ("LOC", "Serin Valley")):
        html = questions_html(Comparison(actors=(_actor(name, label),)), {}, HandoutOptions())
        (question,) = [q for q in re.findall(r"<li>(.*?)</li>", html) if "describe" in q]
        asked[label] = question
    assert "Which words would Ana Ruiz object to" in asked["PERSON"]
    assert "spokesperson for Vireo Software" in asked["ORG"]
    assert "people in Syria" in asked["GPE"]
    assert "How might Kurds feel" in asked["NORP"]
    assert "What picture of Serin Valley" in asked["LOC"]
    assert not any("would Syria object" in q or "would Kurds object" in q for q in asked.values())


def test_full_analysis_json_adds_the_parse_in_one_object() -> None:
    text = "Ana Ruiz won. She thanked voters."
    analysis = make(text, ents=[(*at(text, "Ana Ruiz"), "PERSON")])
    link = Reference(*at(text, "She"), "She", *at(text, "Ana Ruiz"), "Ana Ruiz", "the only person named just before")
    role = Role("agent", "thank", "active", *at(text, "She"), 14, 32, *at(text, "thanked"), pronoun="she")
    analysis = type(analysis)(**{**analysis.__dict__, "references": (link,), "roles": (role,), "relabelled": 2})
    data = full_analysis_json(analysis)
    assert {"descriptors", "roles", "passives", "references", "relabelled", "meta"} <= set(data)
    (ref,) = data["references"]
    assert ref == {"start": 14, "end": 17, "text": "She", "actor": "Ana Ruiz", "antecedent_start": 0,
                   "antecedent_end": 8, "evidence": "the only person named just before"}
    assert text[ref["start"]:ref["end"]] == ref["text"] and data["roles"][0]["pronoun"] == "she"
    assert data["relabelled"] == 2 and data["text"] == text


def test_handout_lists_the_shared_actor_named_6_and_3_times() -> None:
    left_text = "Kerr spoke. " * 6 + "Alvarado spoke. Okafor spoke."
    right_text = "Kerr spoke. " * 3 + "Price spoke. Mills spoke."
    names = {"Kerr": "PERSON", "Alvarado": "PERSON", "Okafor": "PERSON", "Price": "PERSON", "Mills": "PERSON"}
    left, right = make(left_text, ents=named(left_text, names)), make(right_text, ents=named(right_text, names), source="r.md")
    html = render_handout_html(left, right, compare(left, right), STYLES,
                               options=HandoutOptions(sections=("actors",), max_actors=2))
    table = html[html.index("<table") : html.index("</table>")]
    assert "Kerr" in table
