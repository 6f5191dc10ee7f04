"""Speakers given only by a pronoun FrameReader could not link to a name (a teacher's trial,
findings 5 and 6): they are never one speaker across the texts or between two quotations
("she" on the left is a lawyer, "she" on the right a head teacher), and "Only the left text
quotes X" is said only when the right text cannot be quoting X among such quotations. On
analyses built by hand (the speakers are set as the parse would leave them)."""

from __future__ import annotations

from voices_support import RIGHT, analysis_of, unnamed_pair

from framereader.core.comparison.compare import compare
from framereader.core.export.options import HandoutOptions
from framereader.core.export.voices_table import only_lines, voices_html
from framereader.core.voices.summary import unnamed_label

def test_pronoun_speakers_are_never_one_row_across_the_texts() -> None:
    left, right = unnamed_pair()
    voices = compare(left, right, align=False).voices
    unnamed = [v for v in voices.voices if v.unnamed]
    assert len(unnamed) == 2  # one row per text, none shared
    by_side = {("left" if v.left.count else "right"): v for v in unnamed}
    assert by_side["left"].right.count == 0 and by_side["right"].left.count == 0
    assert by_side["left"].speaker == "not named (she)" and by_side["left"].left.count == 1
    assert by_side["right"].speaker == unnamed_label(["she", "he"]) == "not named (he, she)"
    assert by_side["right"].right.count == 3
    assert all(not v.is_actor and not v.is_someone for v in unnamed)
    assert all(v.speaker not in ("she", "he") for v in voices.voices)  # no row claims to be "she"
    assert voices.not_named("left") == 1 and voices.not_named("right") == 3


def test_only_one_text_quotes_x_only_when_the_other_cannot_be_quoting_x() -> None:
    left, right = unnamed_pair()
    voices = compare(left, right, align=False).voices
    assert [v.speaker for v in voices.only_left] == ["Daniel Kerr"]  # the right text never names him
    assert [v.speaker for v in voices.unsure_left] == ["Victor Lindgren"]  # named on the right, "he" said…
    data = voices.to_json()
    assert data["only_left"] == ["Daniel Kerr"] and data["unsure_left"] == ["Victor Lindgren"]
    lines = only_lines(voices)
    assert "Only the left text quotes Daniel Kerr." in lines
    assert not any(line.startswith("Only") and "Victor Lindgren" in line for line in lines)
    maybe = next(line for line in lines if "Victor Lindgren" in line)
    assert "may quote Victor Lindgren as well" in maybe and "3 quotations" in maybe


def test_the_handout_prints_no_false_only_line() -> None:
    left, right = unnamed_pair()
    html = voices_html(compare(left, right, align=False), HandoutOptions())
    assert "Only the left text quotes Daniel Kerr." in html
    assert "Only the left text quotes Victor Lindgren" not in html and "Daniel Kerr and Victor" not in html
    assert "not named (she)" in html and "not named (he, she)" in html


def test_without_unnamed_quotations_the_only_line_stands() -> None:
    left, _right = unnamed_pair()
    plain = analysis_of(RIGHT, ["Sarah Collins", "Victor Lindgren"], [])
    voices = compare(left, plain, align=False).voices
    assert {v.speaker for v in voices.only_left} >= {"Victor Lindgren", "Daniel Kerr"}
    assert voices.unsure_left == ()
