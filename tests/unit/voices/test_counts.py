"""The writer's own words against quoted words: the profile, the JSON counts, the exercise key,
the voices table and a judgemental verb (a `reporting_verbs` span) — on analyses built by hand."""

from __future__ import annotations

from framereader.core.classroom.exercise import key_from_analyses
from framereader.core.comparison.compare import compare, comparison_to_json
from framereader.core.model import Analysis, EntitySpan, FramingSpan, ModelInfo
from framereader.core.voices.direct import mark_quoted
from framereader.core.voices.voices import with_direct_quotes
from framereader.core.voices.summary import compare_voices, UNATTRIBUTED

LEFT = ('The regime fell. "This is a disgraceful power grab by a regime of thugs," Marek Holloway said. '
        "Holloway slammed the plan.")
RIGHT = "The government changed. Officials said the handover went well."


def _spans(text: str, words: list[tuple[str, str]]) -> list[FramingSpan]:
    spans = []
    for word, category in words:
        start = 0
        while (start := text.find(word, start)) >= 0:
            spans.append(FramingSpan(start, start + len(word), category, word, word))
            start += len(word)
    return spans


def _analysis(text: str, words: list[tuple[str, str]], entities=()) -> Analysis:
    framing = _spans(text, words)
    counts: dict[str, int] = {}
    for f in framing:
        counts[f.category] = counts.get(f.category, 0) + 1
    analysis = Analysis(source="t", text=text, model=ModelInfo("m", "1"), entities=tuple(entities),
                        framing=tuple(framing), words=len(text.split()), framing_counts=counts)
    return with_direct_quotes(analysis)


def _left() -> Analysis:
    start = LEFT.index("Marek Holloway")
    return _analysis(LEFT, [("regime", "loaded_language"), ("power grab", "loaded_language"),
                            ("thugs", "name_calling"), ("slammed", "reporting_verbs")],
                     [EntitySpan(start, start + 14, "PERSON", "Marek Holloway")])


def test_direct_quotes_flag_framing_in_the_first_pass() -> None:
    left = _left()
    assert len(left.quotes) == 1 and left.quotes[0].kind == "direct"
    flagged = {(f.text, f.start): f.quoted for f in left.framing}
    assert flagged[("regime", LEFT.index("regime"))] is False
    assert flagged[("regime", LEFT.rindex("regime"))] is True
    assert left.quoted_counts == {"loaded_language": 2, "name_calling": 1}
    assert left.own_counts() == {"loaded_language": 1, "reporting_verbs": 1}
    assert left.counts(include_quoted=True) == left.framing_counts


def test_profile_counts_the_writers_words_unless_told_otherwise() -> None:
    left, right = _left(), _analysis(RIGHT, [])
    own = compare(left, right, ["loaded_language", "name_calling"], align=False)
    row = own.row("loaded_language")
    assert row is not None and (row.left_count, row.left_quoted) == (1, 2)
    assert own.row("name_calling").left_count == 0  # only inside the quotation
    everything = compare(left, right, ["loaded_language", "name_calling"], align=False, include_quoted=True)
    assert everything.row("loaded_language").left_count == 3
    data = comparison_to_json(left, right, own)
    assert data["profile"]["loaded_language"]["left"] == {"count": 1, "density": row.left_density,
                                                           "top": [["regime", 1]], "quoted": 2}
    assert data["profile_counts"] == "own"
    assert data["left"]["counts"]["quoted"] == {"loaded_language": 2, "name_calling": 1}
    assert any(f["quoted"] for f in data["left"]["framing"])


def test_exercise_key_leaves_quoted_words_out_by_default() -> None:
    class Style:
        def __init__(self, id: str) -> None:
            self.id, self.name, self.group, self.description = id, id, "loaded", ""

    styles = [Style("loaded_language"), Style("name_calling")]
    key = key_from_analyses({"left": _left()}, styles)
    assert [item.term for item in key.items] == ["regime"]
    full = key_from_analyses({"left": _left()}, styles, include_quoted=True)
    assert sorted(item.term for item in full.items) == ["power grab", "regime", "regime", "thugs"]


def test_voices_table_and_judgemental_verbs() -> None:
    left = _left()
    quote = left.quotes[0]
    verb_start = LEFT.index("said")
    start = LEFT.index("Marek Holloway")
    from dataclasses import replace

    said = replace(quote, speaker="Marek Holloway", speaker_start=start, speaker_end=start + 14, verb="say",
                   verb_start=verb_start, verb_end=verb_start + 4, speaker_is_actor=True)
    slam_at = LEFT.index("slammed")
    slammed = replace(said, kind="indirect", start=slam_at + 8, end=len(LEFT) - 1,
                      text=LEFT[slam_at + 8 : len(LEFT) - 1], verb="slam", verb_start=slam_at, verb_end=slam_at + 7)
    left = replace(left, quotes=(said, slammed))
    voices = compare_voices(left, _analysis(RIGHT, []))
    (holloway,) = [v for v in voices.voices if v.speaker == "Marek Holloway"]
    assert holloway.left.count == 2 and holloway.right.count == 0
    assert holloway.left.judgemental == ("slam",)
    assert holloway.left.words == 11
    assert voices.left.judgemental == 1 and voices.left.quoted_words == 11
    assert [v.speaker for v in voices.only_left] == ["Marek Holloway"]
    framing, _ = mark_quoted(left.framing, left.quotes)
    assert {f.speaker for f in framing if f.quoted} == {"Marek Holloway"}


def test_unattributed_quotations_have_their_own_row() -> None:
    text = '"Nobody told us anything at all," one line read.'
    analysis = _analysis(text, [])
    voices = compare_voices(analysis, _analysis(RIGHT, []))
    assert [v.speaker for v in voices.voices] == [UNATTRIBUTED]
    assert voices.only_left == ()
