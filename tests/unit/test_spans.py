"""core.spans.SpanIndex: which span holds an offset."""

from framereader.core.model import EntitySpan, FramingSpan
from framereader.core.spans import SpanIndex


def test_span_index_finds_the_span_holding_an_offset() -> None:
    spans = [EntitySpan(10, 15, "GPE", "Kyiv"), EntitySpan(0, 4, "PERSON", "Anna"), EntitySpan(15, 20, "ORG", "NATO")]
    index = SpanIndex(spans)
    assert [s.start for s in index] == [0, 10, 15] and len(index) == 3
    assert index.at(0) is spans[1] and index.at(3) is spans[1]
    assert index.at(4) is None and index.at(9) is None  # end is exclusive; a gap holds nothing
    assert index.at(14) is spans[0] and index.at(15) is spans[2]  # adjacent spans: the later one starts
    assert index.at(20) is None and index.at(-1) is None


def test_empty_index_holds_nothing() -> None:
    index: SpanIndex[FramingSpan] = SpanIndex()
    assert len(index) == 0 and not index and index.at(0) is None
