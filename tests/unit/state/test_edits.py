"""The reader's edits of an analysis (core.edits): exclusions, suppressions, label corrections,
their JSON, and properties on random edits."""

from __future__ import annotations

import json
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from framereader.core.comparison.compare import compare, comparison_to_json
from framereader.core.state.edits import (
    Exclusion,
    LabelCorrection,
    NO_EDITS,
    Suppression,
    TextEdits,
    apply_edits,
    from_json,
    merge_ranges,
    to_json,
)
from framereader.core.model import Analysis, Descriptor, EntitySpan, FramingSpan, ModelInfo, Passive, Role

MODEL = ModelInfo("en_core_web_sm", "3.8.0")
TEXT = ("Holloway's regime denied the report.\n"
        "Reader comment: the regime of Holloway is a disgrace, says Kim in Paris.\n"
        "NATO met in Berlin.")


def _find(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


def sample() -> Analysis:
    def ent(word: str, label: str, nth: int = 0) -> EntitySpan:
        a, b = _find(TEXT, word, nth)
        return EntitySpan(a, b, label, word)

    def frame(word: str, category: str, nth: int = 0) -> FramingSpan:
        a, b = _find(TEXT, word, nth)
        return FramingSpan(a, b, category, word, word)

    entities = (ent("Holloway", "PERSON"), ent("Holloway", "PERSON", 1), ent("Kim", "PERSON"),
                ent("Paris", "GPE"), ent("NATO", "ORG"), ent("Berlin", "GPE"))
    framing = (frame("regime", "delegitimizing"), frame("regime", "delegitimizing", 1),
               frame("disgrace", "emotive"))
    h2 = _find(TEXT, "Holloway", 1)
    regime2 = _find(TEXT, "regime", 1)
    descriptors = (Descriptor("regime", "compound", *h2, *regime2, 0, len(TEXT)),)
    denied = _find(TEXT, "denied")
    met = _find(TEXT, "met")
    roles = (Role("agent", "deny", "active", 0, 8, 0, 36, *denied),
             Role("agent", "meet", "active", *_find(TEXT, "NATO"), met[0], len(TEXT), *met))
    passives = (Passive(*_find(TEXT, "says"), "say", *_find(TEXT, "says")),)
    return Analysis(source="a.txt", text=TEXT, model=MODEL, entities=entities, framing=framing, words=30,
                    descriptors=descriptors, roles=roles, passives=passives,
                    entity_counts={"GPE": 2, "ORG": 1, "PERSON": 3}, framing_counts={"delegitimizing": 2, "emotive": 1})


def comment() -> Exclusion:
    line = TEXT.split("\n")[1]
    start = TEXT.index(line)
    return Exclusion(start, start + len(line))


def test_no_edits_is_the_analysis_itself() -> None:
    analysis = sample()
    assert apply_edits(analysis, NO_EDITS) is analysis
    assert not NO_EDITS and len(NO_EDITS) == 0


def test_an_excluded_passage_leaves_out_its_entities_framing_descriptors_and_words() -> None:
    analysis = sample()
    edited = apply_edits(analysis, TextEdits().add(comment()))
    assert [e.text for e in edited.entities] == ["Holloway", "NATO", "Berlin"]
    assert [f.start for f in edited.framing] == [analysis.framing[0].start]
    assert edited.descriptors == ()
    assert edited.passives == ()
    assert [r.verb for r in edited.roles] == ["deny", "meet"]
    assert edited.entity_counts == {"GPE": 1, "ORG": 1, "PERSON": 1}
    assert edited.framing_counts == {"delegitimizing": 1}
    assert edited.words == 30 - 13  # the comment line holds 13 words
    assert edited.excluded == ((comment().start, comment().end),)
    assert edited.text == analysis.text


def test_not_loaded_here_suppresses_one_occurrence_only() -> None:
    analysis = sample()
    first = analysis.framing[0]
    edited = apply_edits(analysis, TextEdits().add(Suppression(first.start, first.end, first.category)))
    assert first not in edited.framing and analysis.framing[1] in edited.framing
    assert edited.framing_counts == {"delegitimizing": 1, "emotive": 1}
    wrong_category = TextEdits().add(Suppression(first.start, first.end, "emotive"))
    assert apply_edits(analysis, wrong_category).framing == analysis.framing


def test_label_corrections_relabel_or_remove_an_entity() -> None:
    analysis = sample()
    kim, paris = analysis.entities[2], analysis.entities[3]
    edits = TextEdits().add(LabelCorrection(kim.start, kim.end, "ORG")).add(LabelCorrection(paris.start, paris.end, None))
    edited = apply_edits(analysis, edits)
    assert [e.label for e in edited.entities if e.text == "Kim"] == ["ORG"]
    assert all(e.text != "Paris" for e in edited.entities)
    assert edited.entity_counts == {"GPE": 1, "ORG": 2, "PERSON": 2}
    again = edits.add(LabelCorrection(kim.start, kim.end, "NORP"))  # replaces, does not pile up
    assert len(again.corrections) == 2 and again.correction_at(kim.start, kim.end) == LabelCorrection(kim.start, kim.end, "NORP")


def test_removing_a_mention_drops_its_descriptors_and_roles() -> None:
    analysis = sample()
    holloway2 = analysis.entities[1]
    first = analysis.entities[0]
    edits = TextEdits().add(LabelCorrection(holloway2.start, holloway2.end, None)).add(
        LabelCorrection(first.start, first.end, None))
    edited = apply_edits(analysis, edits)
    assert edited.descriptors == ()
    assert [r.verb for r in edited.roles] == ["meet"]


def test_add_remove_and_lookups() -> None:
    edits = TextEdits().add(Exclusion(5, 9)).add(Exclusion(0, 3)).add(Exclusion(5, 9))
    assert edits.exclusions == (Exclusion(0, 3), Exclusion(5, 9))
    assert edits.exclusions_at(6) == (Exclusion(5, 9),) and edits.exclusions_at(4) == ()
    assert edits.exclusions_at(2, 6) == (Exclusion(0, 3), Exclusion(5, 9))
    assert edits.remove(Exclusion(0, 3)).exclusions == (Exclusion(5, 9),)
    assert edits.remove(Exclusion(1, 2)) == edits
    assert [type(e).__name__ for e in edits.add(Suppression(1, 2, "x")).items()] == ["Exclusion", "Suppression", "Exclusion"]
    assert merge_ranges([(5, 9), (0, 3), (3, 4), (8, 12), (7, 7)]) == ((0, 4), (5, 12))


def test_json_round_trip() -> None:
    edits = TextEdits().add(comment()).add(Suppression(0, 8, "emotive")).add(LabelCorrection(0, 8, None)).add(
        LabelCorrection(9, 15, "ORG"))
    data = json.loads(json.dumps(to_json(edits)))
    back, warnings = from_json(data, TEXT)
    assert back == edits and warnings == []


def test_damaged_edits_are_dropped_with_a_sentence() -> None:
    data = {
        "excluded": [[0, 5], [3, 2], [0, 10_000], "x", [True, 4], [1, 2, 3]],
        "suppressed": [{"start": 0, "end": 4, "category": "emotive"}, {"start": 0, "end": 4}, 7],
        "labels": [{"start": 0, "end": 4, "label": "<script>"}, {"start": 0, "end": 4, "label": None}],
        "bookmarks": [],
    }
    edits, warnings = from_json(data, TEXT, "lesson.framereader")
    assert edits == TextEdits((Exclusion(0, 5),), (Suppression(0, 4, "emotive"),), (LabelCorrection(0, 4, None),))
    assert len(warnings) == 2
    assert warnings[0].startswith("lesson.framereader: 8 of the reader's edits were damaged")
    assert "bookmarks" in warnings[1]
    assert from_json("nonsense", TEXT)[0] == NO_EDITS and from_json("nonsense", TEXT)[1]
    assert from_json(None, TEXT) == (NO_EDITS, [])
    assert from_json({"excluded": 5}, TEXT)[1]


def test_the_comparison_json_says_what_was_excluded() -> None:
    analysis = sample()
    edited = apply_edits(analysis, TextEdits().add(comment()))
    data = comparison_to_json(edited, analysis, compare(edited, analysis))
    assert data["left"]["excluded"] == [[comment().start, comment().end]]
    assert data["right"]["excluded"] == []


def test_a_megabyte_text_with_a_thousand_edits_keeps_exactly_what_lies_outside_them() -> None:
    """Its speed is a row of `make bench`; here: every edit of a large text takes effect."""
    unit = "Holloway's regime met NATO in Paris. "
    text = unit * (1_000_000 // len(unit))
    step = len(unit)
    entities = tuple(EntitySpan(i, i + 8, "PERSON", "Holloway") for i in range(0, len(text), step))
    framing = tuple(FramingSpan(i + 11, i + 17, "delegitimizing", "regime", "regime") for i in range(0, len(text), step))
    analysis = Analysis(source="big", text=text, model=MODEL, entities=entities, framing=framing, words=len(entities) * 7)
    edits = TextEdits(
        tuple(Exclusion(i * step * 20, i * step * 20 + step) for i in range(400)),
        tuple(Suppression(i * step * 7 + 11, i * step * 7 + 17, "delegitimizing") for i in range(300)),
        tuple(LabelCorrection(i * step * 9, i * step * 9 + 8, None if i % 2 else "ORG") for i in range(300)),
    )
    edited = apply_edits(analysis, edits)
    excluded = {i * 20 for i in range(400)}  # unit numbers
    suppressed = {i * 7 for i in range(300)}
    expected_framing = [n for n in range(len(framing)) if n not in excluded and n not in suppressed]
    assert [f.start // step for f in edited.framing] == expected_framing
    removed = {i * 9 for i in range(1, 300, 2)}
    assert [e.start // step for e in edited.entities] == [n for n in range(len(entities))
                                                          if n not in excluded and n not in removed]
    assert {e.label for e in edited.entities if e.start // step in {i * 9 for i in range(0, 300, 2)} - excluded} == {"ORG"}


_TEXTS = st.text(alphabet=st.sampled_from("ab c\n😀é."), min_size=1, max_size=60)


@st.composite
def _case(draw: st.DrawFn) -> tuple[Analysis, TextEdits]:
    text = draw(_TEXTS)
    n = len(text)
    span = st.tuples(st.integers(0, n - 1), st.integers(1, 8)).map(lambda p: (p[0], min(n, p[0] + p[1])))
    ents = [EntitySpan(a, b, draw(st.sampled_from(["PERSON", "GPE"])), text[a:b]) for a, b in draw(st.lists(span, max_size=8))]
    frames = [FramingSpan(a, b, draw(st.sampled_from(["x", "y"])), "t", text[a:b]) for a, b in draw(st.lists(span, max_size=8))]
    analysis = Analysis(source="s", text=text, model=MODEL, entities=tuple(ents), framing=tuple(frames),
                        words=len(text.split()), entity_counts=dict(sorted(Counter(e.label for e in ents).items())),
                        framing_counts=dict(sorted(Counter(f.category for f in frames).items())))
    edits = TextEdits()
    for a, b in draw(st.lists(span, max_size=4)):
        edits = edits.add(Exclusion(a, b))
    for f in draw(st.lists(st.sampled_from(frames), max_size=3)) if frames else []:
        edits = edits.add(Suppression(f.start, f.end, f.category))
    for e in draw(st.lists(st.sampled_from(ents), max_size=3)) if ents else []:
        edits = edits.add(LabelCorrection(e.start, e.end, draw(st.sampled_from([None, "ORG"]))))
    return analysis, edits


@settings(max_examples=150, deadline=None)
@given(_case())
def test_properties_of_random_edits(case: tuple[Analysis, TextEdits]) -> None:
    analysis, edits = case
    edited = apply_edits(analysis, edits)
    ranges = edits.excluded_ranges()
    for span in (*edited.entities, *edited.framing):
        assert span.text == edited.text[span.start:span.end]
        assert not any(a < max(span.end, span.start + 1) and span.start < b for a, b in ranges)
    assert {(s.start, s.end, s.category) for s in edits.suppressions}.isdisjoint(
        (f.start, f.end, f.category) for f in edited.framing)
    assert sum(edited.entity_counts.values()) == len(edited.entities)
    assert sum(edited.framing_counts.values()) == len(edited.framing)
    assert 0 <= edited.words <= analysis.words
    assert from_json(json.loads(json.dumps(to_json(edits))), analysis.text)[0] == edits
    for edit in edits.items():  # removing every edit gives back the analysis
        edits = edits.remove(edit)
    assert apply_edits(analysis, edits) == analysis


def test_the_handout_shows_an_excluded_passage_greyed_and_marked_omitted() -> None:
    from framereader.core.export import render_handout_html

    analysis = sample()
    edited = apply_edits(analysis, TextEdits().add(comment()))
    for for_qt in (False, True):
        page = render_handout_html(edited, analysis, compare(edited, analysis), for_qt=for_qt)
        start = page.index('<span class="omitted"')
        omitted = page[start:page.index("[omitted from analysis]", start)]
        assert "Reader comment: the regime of Holloway is a disgrace" in omitted
        assert "data-label" not in omitted and "data-category" not in omitted
        assert page.count("[omitted from analysis]") == 1


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 200) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["excluded", "suppressed", "labels", "start", "end", "category", "label", "x"]), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(_JSON)
def test_any_json_gives_valid_edits_or_warnings_never_an_error(data: object) -> None:
    edits, warnings = from_json(data, TEXT)
    assert all(isinstance(w, str) and w for w in warnings)
    for edit in edits.items():
        assert 0 <= edit.start < edit.end <= len(TEXT)
    apply_edits(sample(), edits)
