"""Voices in the window: the Voices tab, quoted framing drawn apart, the legend's quoted line
and View ▸ Count Quoted Words Too (pytest-qt, the real engine)."""

from __future__ import annotations

from pathlib import Path

import pytest

from framereader.ui.base import styles
from framereader.ui.comparison.voices import JUDGING, VoicesView, verbs_text
from framereader.ui.reading.highlighter import StyleBook, highlight_ops
from ui_support import WAIT_MS

NEWS = Path(__file__).resolve().parents[2] / "data" / "news"


@pytest.fixture
def news_pair(qtbot, window):
    assert window.open_path(0, str(NEWS / "012.txt"))
    assert window.open_path(1, str(NEWS / "013.txt"))
    qtbot.waitUntil(lambda: window.compare.comparison is not None, timeout=WAIT_MS)
    return window


def test_voices_tab_lists_speakers_and_a_click_shows_the_quotation(qtbot, news_pair) -> None:
    window = news_pair
    view: VoicesView = window.comparison_panel.voices
    voices = window.compare.comparison.voices
    assert view.table.rowCount() == len(voices.voices) > 0
    names = [view.table.item(row, 0).text() for row in range(view.table.rowCount())]
    assert "Mick Sharp" in names  # quoted in both reports
    row = names.index("Mick Sharp")
    sharp = voices.voices[row]
    assert sharp.left.count and sharp.right.count
    assert view.table.item(row, 2).text() == verbs_text(sharp.left)
    title = news_pair.panes[0].title  # the news file's headline is its title
    assert title.startswith("Rail Workers") and title in view.summary.text() and "quotation" in view.summary.text()
    view.activate(row, 3)  # the right text's cell: its first quotation of Mick Sharp
    quote = sharp.right.quotes[0]
    assert window.panes[1].selected_span() == (quote.start, quote.end)
    if sharp.right.count > 1:
        view.activate(row, 3)
        assert window.panes[1].selected_span() == (sharp.right.quotes[1].start, sharp.right.quotes[1].end)


def test_quoted_framing_is_drawn_apart_and_counted_apart(qtbot, window) -> None:
    path = NEWS / "010.txt"
    assert window.open_path(0, str(path))
    qtbot.waitUntil(lambda: window.panes[0].settled and window.panes[0].analysis is not None, timeout=WAIT_MS)
    analysis = window.panes[0].analysis
    quoted = [f for f in analysis.framing if f.quoted]
    assert quoted, "the report quotes loaded words"
    book, pane = window.book, window.panes[0]
    ops = list(highlight_ops(pane.built, analysis, book, window.visibility.value))
    to_qt = pane.built.offsets.to_qt
    for span in analysis.framing:
        op = next(o for o in ops if o[0] == to_qt(span.start) and o[1] == to_qt(span.end))
        assert bool(op[2].property(styles.FRAMING_QUOTED_PROPERTY)) == span.quoted
    legend = window.legend.quoted
    assert legend.isVisibleTo(window.legend) and f"Quoted: {sum(analysis.quoted_counts.values())} left" in legend.text()
    category = quoted[0].category
    row = window.legend._count_labels[("category", category)][0]
    own = analysis.own_counts().get(category, 0)
    assert row.text() == (str(own) if own else "–")
    window.commands["count_quoted"].trigger()  # View ▸ Count Quoted Words Too
    assert window.settings.count_quoted
    assert row.text() == str(analysis.framing_counts[category])
    assert "counted above too" in legend.text()
    window.commands["count_quoted"].trigger()
    assert not window.settings.count_quoted


def test_tooltip_says_whose_words(window) -> None:
    from framereader.core.model import FramingSpan
    from framereader.ui.reading.tooltips import highlight_tooltip

    span = FramingSpan(0, 6, "loaded_language", "regime", "regime", quoted=True, speaker="Marek Holloway")
    text = highlight_tooltip(None, span, window.book, window.visibility.value)
    assert "Marek Holloway’s words" in text and "not the writer’s" in text


def test_judging_verbs_are_flagged() -> None:
    from framereader.core.voices.summary import VoiceSide

    side = VoiceSide(verbs=(("say", 2), ("slam", 1)), judgemental=("slam",))
    assert verbs_text(side) == f"said ×2, slammed {JUDGING}"
    assert StyleBook  # the style book builds quoted formats on demand


def test_the_columns_say_left_and_right_with_the_titles_in_tooltips(qtbot, news_pair) -> None:
    view: VoicesView = news_pair.comparison_panel.voices
    headers = [view.table.horizontalHeaderItem(c).text() for c in range(view.table.columnCount())]
    assert headers == ["Speaker", "Left", "Left: introduced by", "Right", "Right: introduced by"]
    left_title, right_title = news_pair.panes[0].title, news_pair.panes[1].title
    assert left_title in view.table.horizontalHeaderItem(1).toolTip()
    assert right_title in view.table.horizontalHeaderItem(4).toolTip()
    header = view.table.horizontalHeader()
    assert all(header.sectionSize(c) <= header.maximumSectionSize() for c in range(view.table.columnCount()))


def test_the_chart_prints_rate_then_count_as_the_handout_does() -> None:
    from framereader.core.export.markup import fmt
    from framereader.ui.comparison.panel import lane_label

    assert lane_label(1, 23.8095, 3) == f"R  {fmt(23.8095)} (3)" == "R  23.8 (3)"


def test_unnamed_rows_claim_no_one_and_only_lines_are_sure(qtbot) -> None:
    from framereader.core.model import Quote
    from framereader.core.voices.summary import Voice, Voices, VoiceSide

    def side(speaker: str) -> VoiceSide:
        return VoiceSide(quotes=(Quote(0, 4, "word", "indirect", speaker=speaker),), verbs=(("say", 1),))

    voices = Voices((
        Voice("Daniel Kerr", True, left=side("Daniel Kerr"), named_in=("left",)),
        Voice("Victor Lindgren", True, left=side("Victor Lindgren"), named_in=("left", "right")),
        Voice("not named (he)", False, right=side("he"), unnamed=("he",)),
    ))
    view = VoicesView()
    qtbot.addWidget(view)
    view.set_voices(voices, ("Curfew A", "Curfew B"))
    summary = view.summary.text()
    assert "Only <b>Curfew A</b> lets Daniel Kerr speak." in summary
    assert "lets Daniel Kerr, Victor Lindgren" not in summary and "Only <b>Curfew A</b> lets Victor" not in summary
    assert ("names Victor Lindgren too and may quote Victor Lindgren among its 1 quotation with no named speaker"
            in summary)
    row = [view.table.item(r, 0).text() for r in range(view.table.rowCount())].index("not named (he)")
    item = view.table.item(row, 0)
    assert item.font().italic() and "could not link" in item.toolTip() and "different people" in item.toolTip()


def test_tooltip_says_scare_quotes_are_not_the_writers(window) -> None:
    from framereader.core.model import FramingSpan
    from framereader.ui.reading.tooltips import highlight_tooltip

    span = FramingSpan(0, 6, "loaded_language", "regime", "regime", quoted=True, scare=True)
    text = highlight_tooltip(None, span, window.book, window.visibility.value)
    assert "scare quotes" in text and "not the writer’s own choice" in text and "Quoted</b>" not in text
