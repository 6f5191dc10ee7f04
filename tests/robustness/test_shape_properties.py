"""Shapes whose cost could grow faster than their size, as properties: reading Markdown in
pieces gives exactly what reading it whole gives; actor matching puts every mention in exactly
one actor and stays linear in the names; the viewport's first block found by binary search is
the one Qt's hit test finds."""

from __future__ import annotations

import random
import string
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framereader.core.comparison.actors import align_actors
from framereader.core.documents import markdown as markdown_module
from framereader.core.model import Analysis, EntitySpan, ModelInfo

CELL = st.sampled_from(["a", "b c", "*em*", "`co|de`", "x\\|y", "**b**", "", " pad ", "[l](u)", "1", "é"])
ROW = st.lists(CELL, min_size=1, max_size=4).map(lambda cells: "| " + " | ".join(cells) + " |")
TABLE = st.tuples(st.integers(1, 4), st.lists(ROW, max_size=60)).map(
    lambda t: "\n".join(["| " + " | ".join(f"h{i}" for i in range(t[0])) + " |",
                         "|" + "---|" * t[0], *t[1]]))
BLOCK = st.one_of(
    TABLE,
    st.sampled_from(["Plain words here.", "# A heading", "- one\n- two", "1. a\n2. b", "> quoted\nlazy",
                     "```\ncode\n\nmore\n```", "Setext\n---", "    indented code", "| not a table", "---",
                     "*emphasis* and **strong**", "~~~\n| a |\n|---|\n~~~"]),
)
MARKDOWN = st.lists(BLOCK, max_size=30).map("\n\n".join)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MARKDOWN, st.integers(8, 200), st.integers(1, 7))
def test_markdown_read_in_pieces_equals_markdown_read_whole(text: str, piece_chars: int, rows: int) -> None:
    whole_limit = 10 ** 12
    original = (markdown_module.PIECE_CHARS, markdown_module.TABLE_PIECE_ROWS)
    try:
        markdown_module.PIECE_CHARS, markdown_module.TABLE_PIECE_ROWS = whole_limit, rows
        whole = markdown_module._render_markdown(text)
        markdown_module.PIECE_CHARS = piece_chars
        pieces = markdown_module._render_markdown(text)
    finally:
        markdown_module.PIECE_CHARS, markdown_module.TABLE_PIECE_ROWS = original
    assert pieces == whole


def _names(count: int, seed: int, distinct: bool = True) -> Analysis:
    rnd = random.Random(seed)

    def word() -> str:
        return rnd.choice(string.ascii_uppercase) + "".join(rnd.choice("aeioulnrst") for _ in range(rnd.randint(2, 6)))

    pool = [f"{word()} {word()}" for _ in range(20)]
    parts, entities, position = [], [], 0
    for index in range(count):
        name = (pool[index % 20] if not distinct else word() if index % 5 == 2
                else "".join(rnd.choice("ABCDE") for _ in range(2)) if index % 9 == 4 else f"{word()} {word()}")
        label = ("PERSON", "ORG", "PERSON", "GPE")[index % 4]
        sentence = f"So {name} said. "
        entities.append(EntitySpan(position + 3, position + 3 + len(name), label, name))
        parts.append(sentence)
        position += len(sentence)
    text = "".join(parts)
    return Analysis("t", text, ModelInfo("m", "0"), tuple(entities), (), words=len(text.split()))


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 300), st.integers(0, 300), st.integers(0, 10_000))
def test_every_mention_is_in_exactly_one_actor(left_count: int, right_count: int, seed: int) -> None:
    left, right = _names(left_count, seed), _names(right_count, seed + 1)
    actors = align_actors(left, right)
    for side, analysis in (("left", left), ("right", right)):
        spans = [span for actor in actors for span in actor.side(side).mentions]
        assert len(spans) == len(set(spans))
        assert set(spans) == {(e.start, e.end) for e in analysis.entities}


def _seconds(count: int) -> float:
    left, right = _names(count, 1), _names(count, 2)
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        align_actors(left, right)
        best = min(best, time.perf_counter() - start)
    return best


def test_actor_matching_grows_linearly_with_distinct_names() -> None:
    small, large = _seconds(1_500), _seconds(6_000)
    assert large < small * 4 * 2.5  # four times the names: well under ten times the time (was 16×)


def test_first_visible_block_is_the_one_qt_hit_tests(qapp) -> None:
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QTextDocument

    from framereader.ui.reading.visible import block_at_y, position_at_y

    document = QTextDocument()
    document.setTextWidth(300)
    document.setPlainText("\n" * 300 + "A word.\n" + "\n".join(f"Line {i} with some words to wrap around the edge."
                                                               for i in range(200)) + "\n" * 300)
    layout = document.documentLayout()
    height = layout.documentSize().height()  # lays the document out
    assert height > 1000
    for step in range(60):
        y = height * step / 59
        for x in (0.0, 40.0, 150.0):
            expected = layout.hitTest(QPointF(x, y), Qt.HitTestAccuracy.FuzzyHit)
            assert block_at_y(document, y).blockNumber() == document.findBlock(expected).blockNumber() or y >= height - 1
            assert position_at_y(document, y, x) == expected or y >= height - 1
