"""The single code-point ↔ UTF-16 conversion (ui/offsets.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from framereader.ui.reading.offsets import OffsetMap, utf16_length


def utf16_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le", "surrogatepass")) // 2


SAMPLES = [
    "plain ASCII text",
    "Emoji 😀 before Paris and 👩\u200d👩\u200d👧 a family",
    "Combining: Cafe\u0301 and n\u0303o and e\u0301\u0301\u0301",
    "CJK 北京市 and an astral ideograph 𠀋 then 𠀌𠀍",
    "non-breaking\xa0space and\u202fnarrow one",
    "😀😀😀",
    "",
]


def test_bmp_only_text_is_the_identity() -> None:
    text = "Cafe\u0301 北京 \xa0 done"
    offsets = OffsetMap(text)
    assert offsets.qt_length == len(text)
    assert [offsets.to_qt(i) for i in range(len(text) + 1)] == list(range(len(text) + 1))
    assert [offsets.to_core(i) for i in range(len(text) + 1)] == list(range(len(text) + 1))


def test_each_sample_matches_utf16_encoding() -> None:
    for text in SAMPLES:
        offsets = OffsetMap(text)
        assert offsets.qt_length == utf16_length(text) == utf16_offset(text, len(text))
        for index in range(len(text) + 1):
            position = offsets.to_qt(index)
            assert position == utf16_offset(text, index), (text, index)
            assert offsets.to_core(position) == index


def test_emoji_shifts_later_offsets_by_one_each() -> None:
    text = "a😀b😀c"
    offsets = OffsetMap(text)
    assert [offsets.to_qt(i) for i in range(6)] == [0, 1, 3, 4, 6, 7]
    assert offsets.span_to_qt(4, 5) == (6, 7)  # "c"
    assert offsets.span_to_core(6, 7) == (4, 5)


def test_position_inside_a_surrogate_pair_maps_to_the_character_start() -> None:
    offsets = OffsetMap("a😀b")
    assert offsets.to_core(2) == 1  # the low surrogate of 😀
    assert offsets.to_core(3) == 2


def test_entity_after_emoji_and_combining_mark() -> None:
    text = "😀 e\u0301 Marek Holloway"
    start = text.index("Marek")
    offsets = OffsetMap(text)
    qt_start, qt_end = offsets.span_to_qt(start, start + len("Marek Holloway"))
    utf16 = text.encode("utf-16-le")
    assert utf16[qt_start * 2 : qt_end * 2].decode("utf-16-le") == "Marek Holloway"


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_round_trip_for_any_text(text: str) -> None:
    offsets = OffsetMap(text)
    for index in range(len(text) + 1):
        position = offsets.to_qt(index)
        assert position == utf16_offset(text, index)
        assert offsets.to_core(position) == index
