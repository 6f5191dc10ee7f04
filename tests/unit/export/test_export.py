"""JSON export and the HTML handout: every highlight present, nothing external, well formed."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from export_support import CATEGORIES, at, make, pair

from framereader.core.comparison.compare import compare
from framereader.core.export import categories_meta, comparison_json, export_html, export_json, render_handout_html
from framereader.core.model import Analysis
from framereader.core.palette import DEFAULT_CATEGORY_COLOURS, DEFAULT_UNDERLINE_STYLES, ENTITY_COLOURS, tint

VOID = {"br", "meta", "hr", "img", "input", "link", "col", "area", "base", "wbr", "source"}
SVG_VOID = {"rect", "line", "path", "circle"}  # self-closing inside the SVG chart


class Highlights(HTMLParser):
    """Rebuilds the text of each column and, per character offset, the highlights around it:
    each line of a text is a `<p class="para" data-offset=N>` (line breaks are not printed)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.side: str | None = None
        self.side_depth = 0
        self.skip_depth = 0
        self.at = 0
        self.chars: dict[str, dict[int, str]] = {"left": {}, "right": {}}
        self.marks: dict[str, dict[int, list[dict[str, str]]]] = {"left": {}, "right": {}}
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        if tag in VOID:
            return
        self.stack.append((tag, attributes))
        classes = attributes.get("class", "").split()
        if "text" in classes and "data-side" in attributes:
            self.side, self.side_depth = attributes["data-side"], len(self.stack)
        if self.side and "para" in classes:
            self.at = int(attributes["data-offset"])
        if "tag" in classes:
            self.skip_depth += 1

    def handle_endtag(self, tag):
        if tag in VOID or (tag in SVG_VOID and (not self.stack or self.stack[-1][0] != tag)):
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"unexpected </{tag}> with stack {[t for t, _ in self.stack]}")
            return
        _tag, attributes = self.stack.pop()
        if "tag" in attributes.get("class", "").split():
            self.skip_depth -= 1
        if self.side and len(self.stack) < self.side_depth:
            self.side = None

    def handle_data(self, data):
        if self.side and not self.skip_depth:
            active = [a for _t, a in self.stack[self.side_depth + 1 :]]  # inside the paragraph
            for ch in data:
                self.chars[self.side][self.at] = ch
                self.marks[self.side][self.at] = active
                self.at += 1


def parse(html: str) -> Highlights:
    parser = Highlights()
    parser.feed(html)
    parser.close()
    assert not parser.errors, parser.errors[:3]
    assert not parser.stack or [t for t, _ in parser.stack] == [], parser.stack
    return parser


def assert_every_highlight(html: str, analyses: dict[str, Analysis]) -> None:
    """Every character of both texts but the line breaks is printed at its offset, inside
    exactly the highlights that cover it."""
    parsed = parse(html)
    for side, analysis in analyses.items():
        expected = {i: ch for i, ch in enumerate(analysis.text) if ch != "\n"}
        assert parsed.chars[side] == expected
        marks = parsed.marks[side]
        for e in analysis.entities:
            for i in range(e.start, e.end):
                if i in expected:
                    assert any(
                        "ent" in m.get("class", "").split() and m.get("data-label") == e.label for m in marks[i]
                    ), (side, e, i)
        for f in analysis.framing:
            for i in range(f.start, f.end):
                if i in expected:
                    assert any(
                        "frame" in m.get("class", "").split() and m.get("data-category") == f.category
                        for m in marks[i]
                    ), (side, f, i)
        # And nothing else is highlighted.
        covered = {i for e in analysis.entities for i in range(e.start, e.end)}
        covered |= {i for f in analysis.framing for i in range(f.start, f.end)}
        for i, m in marks.items():
            if i not in covered:
                assert not any({"ent", "frame"} & set(x.get("class", "").split()) for x in m), (side, i)


@pytest.fixture
def handout():
    left, right = pair()
    comparison = compare(left, right, categories=list(CATEGORIES))
    return left, right, comparison


@pytest.mark.parametrize("for_qt", [False, True])
def test_every_highlight_of_both_texts_is_wrapped(handout, for_qt):
    left, right, comparison = handout
    html = render_handout_html(left, right, comparison, CATEGORIES, ENTITY_COLOURS, for_qt=for_qt)
    assert_every_highlight(html, {"left": left, "right": right})


@pytest.mark.parametrize("for_qt", [False, True])
def test_self_contained_no_scripts_no_urls(handout, for_qt):
    left, right, comparison = handout
    html = render_handout_html(left, right, comparison, CATEGORIES, ENTITY_COLOURS, for_qt=for_qt)
    lowered = html.lower()
    assert "<script" not in lowered
    assert "http:" not in lowered and "https:" not in lowered
    assert "<link" not in lowered and "<img" not in lowered and "<iframe" not in lowered
    assert not re.search(r"\s(src|href|xlink:href)\s*=", lowered)
    assert "@import" not in lowered and "url(http" not in lowered
    # The URLs in the texts are still readable: the colon is a character reference.
    assert "https&#58;//example.com/report" in html
    # The article's markup is escaped, not interpreted.
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more" in html


def test_browser_handout_layout_chart_and_print_css(handout):
    left, right, comparison = handout
    html = render_handout_html(left, right, comparison, CATEGORIES, ENTITY_COLOURS)
    assert html.startswith("<!DOCTYPE html>")
    assert "grid-template-columns: 1fr 1fr" in html
    assert "@media print" in html and "size: A4 portrait" in html
    assert html.count("<svg") == 1 and "xmlns" not in html
    assert "Framing terms per 1,000 words (count in brackets)</text>" in html  # value axis label
    for meta in CATEGORIES.values():
        assert meta["name"] in html
    # Hatched right-hand bars read in greyscale; L/R letters label each bar.
    assert 'fill="url(#hatch-' in html and ">L</text>" in html and ">R</text>" in html
    # Each of the first categories gets a different underline style.
    styles = re.findall(r"\.fr-(\d+) \{ text-decoration-style: (\w+);", html)
    assert [s for _i, s in styles[: len(DEFAULT_UNDERLINE_STYLES)]] == list(DEFAULT_UNDERLINE_STYLES)[: len(styles)]
    # Entity tints come from the palette.
    assert tint(ENTITY_COLOURS["PERSON"], 0.35) in html


def test_qt_variant_uses_tables_not_svg(handout):
    left, right, comparison = handout
    html = render_handout_html(left, right, comparison, CATEGORIES, ENTITY_COLOURS, for_qt=True)
    assert "<svg" not in html
    assert '<table class="columns"' in html
    assert "chart-table" in html
    # Category numbers after framing terms keep categories apart without underline styles.
    assert '<sup class="tag mark"' in html


def test_legend_counts_and_actors_table(handout):
    left, right, comparison = handout
    html = render_handout_html(left, right, comparison, CATEGORIES, ENTITY_COLOURS)
    loaded = comparison.row("loaded")
    assert loaded.left_count == 2
    legend = html[html.index(">Legend</h2>") : html.index(">The two texts</h2>")]
    row = legend[legend.index("Loaded language") :]
    assert re.match(r"Loaded language</span></td><td>Emotive words</td><td class=\"num\">2</td>", row)
    assert f"{loaded.left_density:.1f} ({loaded.left_count})</text>" in html  # the chart
    actors = html[html.index(">Actors</h2>") : html.index(">Framing profile</h2>")]
    table = actors[actors.index("<table") : actors.index("</table>")]
    assert "Holloway" in table and "United Nations" in table and "Kremlin" in table
    assert "reckless" in table and "amod" not in table  # descriptor words, not relation codes
    assert "Monday" not in actors  # a DATE is not an actor
    assert "3 actors named in both texts" in actors


def test_categories_without_meta_still_render():
    text = "A brutal raid."
    left = make(text, framing=[(*at(text, "brutal"), "unknown-cat")])
    comparison = compare(left, left)
    html = render_handout_html(left, left, comparison, None, None)
    assert 'data-category="unknown-cat"' in html
    assert_every_highlight(html, {"left": left, "right": left})


def test_empty_texts_render():
    empty = make("")
    html = render_handout_html(empty, empty, compare(empty, empty), {}, {})
    assert "No framing terms found" in html and "No framing terms to chart" in html
    parse(html)


def test_categories_meta_from_lexicon_like_objects():
    class Cat:
        def __init__(self, id, name, colour, description):
            self.id, self.name, self.colour, self.description = id, name, colour, description

    class Lex:
        def __init__(self, cats):
            self.categories = cats

    meta = categories_meta([Lex([Cat("a", "A", "#111111", "first")]), Lex([Cat("a", "dup", "", ""), Cat("b", "B", "", "")])])
    assert meta == {
        "a": {"name": "A", "colour": "#111111", "description": "first"},
        "b": {"name": "B", "colour": DEFAULT_CATEGORY_COLOURS[1], "description": ""},  # the default for index 1
    }


def test_export_json_and_html_write_files(tmp_path, handout):
    left, right, comparison = handout
    json_path = tmp_path / "out" / "comparison.json"
    export_json(json_path, left, right, comparison)
    assert json.loads(json_path.read_text(encoding="utf-8")) == json.loads(
        json.dumps(comparison_json(left, right, comparison))  # with each side's "meta"
    )
    html_path = tmp_path / "handout.html"
    export_html(html_path, left, right, comparison, CATEGORIES, ENTITY_COLOURS)
    assert html_path.read_text(encoding="utf-8") == render_handout_html(
        left, right, comparison, CATEGORIES, ENTITY_COLOURS
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["handout.html", "out"]  # no temp files left


@st.composite
def overlapping(draw):
    text = draw(st.text(alphabet="ab <&\n:https", min_size=1, max_size=40))
    n = len(text)

    def span():
        start = draw(st.integers(0, n - 1))
        return start, draw(st.integers(start + 1, n))

    ents = [(*span(), draw(st.sampled_from(["PERSON", "ORG", "GPE"]))) for _ in range(draw(st.integers(0, 4)))]
    framing = [(*span(), draw(st.sampled_from(list(CATEGORIES)))) for _ in range(draw(st.integers(0, 5)))]
    return make(text, ents=ents, framing=framing)


@settings(max_examples=150, deadline=None)
@given(overlapping(), st.booleans())
def test_any_overlap_is_rendered_completely(analysis, for_qt):
    html = render_handout_html(analysis, analysis, compare(analysis, analysis), CATEGORIES, None, for_qt=for_qt)
    assert_every_highlight(html, {"left": analysis, "right": analysis})
    assert "http:" not in html.lower()


def test_schemes_split_across_segments_or_glued_to_words_are_defused():
    text = "xhttp://a.example and https:// HTTPS://b"
    split = text.index(":")
    analysis = make(text, ents=[(0, split, "ORG")], framing=[(split, split + 3, "loaded")])
    plain = make(text)
    for a in (analysis, plain, make(text, ents=[(0, 3, "ORG"), (split + 1, split + 2, "ORG")])):
        for for_qt in (False, True):
            html = render_handout_html(a, a, compare(a, a), CATEGORIES, None, for_qt=for_qt)
            assert "http:" not in html.lower() and "https:" not in html.lower()
            assert_every_highlight(html, {"left": a, "right": a})
