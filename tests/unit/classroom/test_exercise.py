"""Spot the framing in core: the answer key, word snapping, scoring, JSON, lessons, HTML."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from framereader.core.categories import CategoryStyle
from framereader.core.classroom.exercise import (
    AnswerKey,
    KeyItem,
    LessonExercise,
    StudentMark,
    add_mark,
    attempt_dumps,
    attempt_from_json,
    key_from_analyses,
    key_from_json,
    key_to_json,
    score,
    snap_span,
    text_fingerprint,
    toggle_word,
    word_at,
)
from framereader.core.classroom.exercise_html import attempt_html
from framereader.core.model import Analysis, Document, FramingSpan, ModelInfo
from framereader.core.state.lesson import Session, load_session, save_session

LEFT = "The regime unleashed a brutal crackdown on protesters. Officials arguably overreacted."
RIGHT = "The government restored order after riots. Critics call it a crackdown."
STYLES = [CategoryStyle("violence", "Violence", "#aa0000", 0, "Words of force."),
          CategoryStyle("othering", "Othering", "#0000aa", 1),
          CategoryStyle("hedges", "Hedges", "#00aa00", 2, group="device")]


def span(text: str, words: str, category: str, term: str = "", rule: str = "") -> FramingSpan:
    start = text.index(words)
    return FramingSpan(start, start + len(words), category, term or words, words, rule)


def analysis(text: str, framing: list[FramingSpan]) -> Analysis:
    return Analysis("t", text, ModelInfo("m", "1"), (), tuple(framing), len(text.split()))


def sample_key() -> AnswerKey:
    left = analysis(LEFT, [span(LEFT, "regime", "othering"), span(LEFT, "unleashed", "violence", "unleash"),
                           span(LEFT, "brutal", "violence"), span(LEFT, "crackdown", "violence"),
                           span(LEFT, "arguably", "hedges")])
    right = analysis(RIGHT, [span(RIGHT, "riots", "violence", "riot", rule="so_called"),
                             span(RIGHT, "crackdown", "violence")])
    return key_from_analyses({"left": left, "right": right}, STYLES, {("violence", "brutal"): "Judges the force."},
                             {"so_called": "Rule note."})


def word_mark(side: str, text: str, word: str) -> StudentMark:
    start = text.index(word)
    return StudentMark(side, start, start + len(word))  # type: ignore[arg-type]


def test_key_holds_loaded_categories_with_their_notes() -> None:
    key = sample_key()
    assert [(i.side, LEFT[i.start:i.end] if i.side == "left" else RIGHT[i.start:i.end]) for i in key.items] == [
        ("left", "regime"), ("left", "unleashed"), ("left", "brutal"), ("left", "crackdown"),
        ("right", "riots"), ("right", "crackdown")]  # "arguably" is a device (hedges), not loaded
    notes = {i.term: i.note for i in key.items}
    assert notes["brutal"] == "Judges the force."  # the term's note
    assert notes["riot"] == "Rule note."  # else the rule's
    assert notes["crackdown"] == "Words of force."  # else the category's description
    assert key.categories == {"violence": "Violence", "othering": "Othering"}
    assert key.fits("left", LEFT) and not key.fits("left", RIGHT)


def test_words_snap_to_whole_words() -> None:
    assert word_at(LEFT, LEFT.index("brutal") + 2) == (LEFT.index("brutal"), LEFT.index("brutal") + 6)
    assert word_at(LEFT, LEFT.index(" a ")) is None
    start = LEFT.index("utal")
    assert snap_span(LEFT, start, start + 10) == (LEFT.index("brutal"), LEFT.index("crackdown") + 9)
    assert snap_span(LEFT, LEFT.index("protesters") + 10, LEFT.index("protesters") + 12) is None  # ". "
    assert word_at("don't", 1) == (0, 5)


def test_clicks_toggle_and_phrases_merge() -> None:
    marks = toggle_word([], "left", LEFT, LEFT.index("brutal") + 1)
    assert marks == [word_mark("left", LEFT, "brutal")]
    assert toggle_word(marks, "left", LEFT, LEFT.index("brutal") + 3) == []
    phrase = add_mark(marks, StudentMark("left", LEFT.index("a brutal"), LEFT.index("brutal") + 3))
    assert phrase == [StudentMark("left", LEFT.index("a brutal"), LEFT.index("brutal") + 6)]


def test_score_found_missed_and_yours_only() -> None:
    key = sample_key()
    marks = [word_mark("left", LEFT, "brutal"), word_mark("left", LEFT, "protesters"),
             word_mark("right", RIGHT, "crackdown")]
    result = score(marks, key)
    assert [i.term for i in result.found] == ["brutal", "crackdown"]
    assert len(result.missed) == 4 and result.yours_only == (word_mark("left", LEFT, "protesters"),)
    assert result.summary() == "Found 2 of 6 · 1 yours only"
    assert result.by_side["left"].found == 1 and result.by_side["left"].missed == 3
    assert result.by_side["left"].yours_only == 1 and result.by_side["right"].found == 1
    assert result.by_category["violence"].found == 2 and result.by_category["othering"].missed == 1


def test_one_phrase_finds_adjacent_items_once() -> None:
    key = sample_key()
    phrase = StudentMark("left", LEFT.index("unleashed"), LEFT.index("crackdown") + 9)
    again = word_mark("left", LEFT, "brutal")
    result = score([phrase, again], key)
    assert [i.term for i in result.found] == ["unleash", "brutal", "crackdown"]  # never twice
    assert result.key_size == len(key.items) and not result.yours_only
    assert score([phrase], key, sides=("right",)).key_size == 2  # only the asked-for sides


marks_st = st.lists(st.builds(lambda side, a, n: StudentMark(side, a, a + n), st.sampled_from(["left", "right"]),
                              st.integers(0, 90), st.integers(1, 15)), max_size=12)
items_st = st.lists(st.builds(lambda side, a, n, c: KeyItem(side, a, a + n, c, "t"),
                              st.sampled_from(["left", "right"]), st.integers(0, 90), st.integers(1, 10),
                              st.sampled_from(["a", "b"])), max_size=15, unique_by=lambda i: (i.side, i.start, i.end))


@given(marks_st, items_st)
def test_score_properties(marks: list[StudentMark], items: list[KeyItem]) -> None:
    key = AnswerKey(tuple(items), {}, {"left": "x", "right": "y"})
    result = score(marks, key)
    assert len(result.found) + len(result.missed) == len(items)
    assert set(result.found).isdisjoint(result.missed)
    for mark in result.yours_only:
        assert not any(i.side == mark.side and i.start < mark.end and mark.start < i.end for i in items)
    for item in result.found:
        assert any(m.side == item.side and m.start < item.end and item.start < m.end for m in marks)
    assert len(result.hits) + len(result.yours_only) == len(set(marks))
    assert sum(t.found for t in result.by_category.values()) == len(result.found)
    assert sum(t.yours_only for t in result.by_side.values()) == len(result.yours_only)


def test_key_json_round_trip_and_damage() -> None:
    key = sample_key()
    sizes = {"left": len(LEFT), "right": len(RIGHT)}
    assert key_from_json(json.loads(json.dumps(key_to_json(key))), sizes, print) == key
    data = key_to_json(key)
    data["items"] += [{"side": "up", "start": 0, "end": 1, "category": "x", "term": "x"},
                      {"side": "left", "start": 5, "end": 10_000, "category": "x", "term": "x"}, "junk"]
    warnings: list[str] = []
    assert key_from_json(data, sizes, warnings.append) == key
    assert len(warnings) == 1 and "damaged" in warnings[0]
    assert key_from_json([1, 2], sizes, warnings.append) is None and len(warnings) == 2


def test_attempt_round_trip_drops_damaged_marks() -> None:
    marks = [word_mark("left", LEFT, "brutal"), word_mark("right", RIGHT, "riots")]
    texts, titles = {"left": LEFT, "right": RIGHT}, {"left": "A", "right": "B"}
    data = json.loads(attempt_dumps(marks, texts, titles, score(marks, sample_key())))
    assert data["marks"][0]["text"] == "brutal" and data["result"]["found"] == 2
    attempt = attempt_from_json(data)
    assert list(attempt.marks) == marks and attempt.texts["left"] == text_fingerprint(LEFT)
    assert attempt.titles == titles and not attempt.warnings
    data["marks"].append({"side": "left", "start": 3, "end": 2})
    assert attempt_from_json(data, "a.json").warnings == ("a.json: some of the marks were damaged and were left out.",)
    for bad in ({"format": "other"}, [], {"format": "framereader-exercise-attempt", "version": 99}):
        try:
            attempt_from_json(bad, "a.json")
        except ValueError as exc:
            assert "a.json" in str(exc)
        else:
            raise AssertionError(bad)


def test_lesson_carries_the_key_and_saved_marks(tmp_path) -> None:
    key = sample_key()
    marks = (word_mark("left", LEFT, "brutal"),)
    session = Session(Document(LEFT), Document(RIGHT), exercise=LessonExercise(key, marks))
    path = tmp_path / "lesson.framereader"
    save_session(path, session)
    loaded = load_session(path)
    assert loaded.exercise == LessonExercise(key, marks) and not loaded.warnings
    assert load_session(_write(tmp_path, Session(Document(LEFT), None))).exercise is None
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["exercise"]["key"]["items"][0]["end"] = 10**6
    raw["exercise"]["attempt"] = "oops"
    path.write_text(json.dumps(raw), encoding="utf-8")
    damaged = load_session(path)
    assert damaged.exercise is not None and len(damaged.exercise.key.items) == len(key.items) - 1
    assert damaged.exercise.attempt == () and len(damaged.warnings) == 2
    raw["exercise"] = 7
    path.write_text(json.dumps(raw), encoding="utf-8")
    assert load_session(path).exercise is None and "exercise" in load_session(path).warnings[0]


def _write(tmp_path, session: Session):
    path = tmp_path / "plain.framereader"
    save_session(path, session)
    return path


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.classes: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):  # HTMLParser API
        self.classes += [v for k, v in attrs if k == "class" and v]

    def handle_data(self, data):  # HTMLParser API
        self.text.append(data)


def test_html_export_is_escaped_and_shows_each_kind() -> None:
    evil = "<script>alert(1)</script> " + LEFT
    key = key_from_analyses({"left": analysis(evil, [span(evil, "brutal", "violence"), span(evil, "regime", "othering")])},
                            STYLES, {("violence", "brutal"): "Judges <b>force</b>."})
    marks = [word_mark("left", evil, "brutal"), word_mark("left", evil, "protesters")]
    page = attempt_html(marks, {"left": evil}, {"left": "A <title>"}, score(marks, key, ("left",)), key)
    assert "<script>" not in page and "&lt;script&gt;" in page and "<b>force</b>" not in page
    parsed = _Collect()
    parsed.feed(page)
    assert {"found", "yours", "missed"} <= set(parsed.classes)
    text = "".join(parsed.text)
    assert "Found 1 of 2 · 1 yours only" in text and "Judges <b>force</b>." in text
    assert re.search(r"✓\s*“brutal”", text) and re.search(r"\?\s*“protesters”", text) and "○ “regime”" in text
    unchecked = attempt_html(marks, {"left": evil}, {"left": "A"})
    assert "not checked yet" in unchecked and "class='mark'" in unchecked and "missed" not in unchecked.split("</style>")[1]


def test_html_shows_only_the_paragraphs_with_marks_and_gaps_between_them() -> None:
    text = "Title\n\nA calm first paragraph.\n\nThe brutal second one.\n\nA third.\n\nThe regime at last.\n"
    key = key_from_analyses({"left": analysis(text, [span(text, "brutal", "violence"), span(text, "regime", "othering")])},
                            STYLES)
    marks = [word_mark("left", text, "brutal")]
    page = attempt_html(marks, {"left": text}, {"left": "T"}, score(marks, key, ("left",)), key)
    body = page.split("<h2>")[1]
    assert "calm first" not in body and "A third" not in body
    assert body.count("class='gap'") == 1  # between the second and the fourth paragraph, not before
    assert body.index("brutal") < body.index("…") < body.index("regime")
