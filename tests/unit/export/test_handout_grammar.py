"""The handout's counts read as English: one word, one framing term, one more actor is…"""

from __future__ import annotations

from dataclasses import replace

from export_support import STYLES, at, make

from framereader.core.comparison.compare import compare
from framereader.core.comparison.roles import AgencyLink
from framereader.core.export import HandoutOptions, render_handout_html


def test_counts_of_one_are_singular() -> None:
    text = "Holloway spoke."
    left = make(text, ents=[(*at(text, "Holloway"), "PERSON")], framing=[(*at(text, "spoke"), "loaded")])
    right = make("Calm.", source="right.md")
    html = render_handout_html(left, right, compare(left, right, categories=[s.id for s in STYLES]), STYLES)
    assert "1 framing term ·" in html
    assert "1 framing terms" not in html
    assert "(1 word)" in html and "1 words" not in html
    assert "1 names" not in html


def test_one_more_actor_is_not_in_the_agency_table() -> None:
    names = [f"Person{i}" for i in range(4)]
    text = " ".join(f"{name} spoke." for name in names)
    analysis = make(text, ents=[(*at(text, name), "PERSON") for name in names])
    comparison = compare(analysis, analysis)
    link = AgencyLink("speak", 0, 5, "active", 0, 5)
    actors = tuple(type(a)(a.name, a.label, type(a.left)(1, a.left.mentions, (), (link,)), a.right, a.aliases)
                   for a in comparison.actors)
    comparison = replace(comparison, actors=actors)
    html = render_handout_html(analysis, analysis, comparison, STYLES,
                               options=HandoutOptions(sections=("agency",), max_actors=3))
    assert "1 more actor is not in the table." in html
    assert "more actors are" not in html


def test_the_left_out_question_names_actors_not_streets() -> None:
    left_text = "Rosa Delgado spoke on Main Street."
    left = make(left_text, ents=[(*at(left_text, "Rosa Delgado"), "PERSON"), (*at(left_text, "Main Street"), "FAC")])
    right = make("Calm returned.", source="right.md")
    html = render_handout_html(left, right, compare(left, right), STYLES,
                               options=HandoutOptions(sections=("questions",)))
    question = next(line for line in html.split("<li>") if "in only one of the texts" in line)
    assert "Rosa Delgado" in question and "Main Street" not in question
