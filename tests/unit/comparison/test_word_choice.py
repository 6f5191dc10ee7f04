"""The comparison's word choice (counts, spans, order, which sets are listed), its JSON and the
handout's Word choice section. Hand-made analyses: no pipeline needed."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from export_support import MODEL

from framereader.core.comparison.compare import compare, comparison_to_json
from framereader.core.comparison.word_choice import word_choice
from framereader.core.export import HandoutOptions, render_handout_html
from framereader.core.export.word_choice_html import MAX_ROWS, REFERENCE_MARK
from framereader.core.lexicons.wordchoice import parse_choice_sets, sets_by_id
from framereader.core.model import Analysis, ChoiceSpan

SETS = sets_by_id([parse_choice_sets(
    """\
framereader-sets 1
id = t
name = T
language = en
[invasion]
name = Sending an army abroad
topic = war
note = Who calls it what.
invasion | agencies
special military operation | the Kremlin
incursion | small
[regime]
name = A country's rulers
topic = politics
note = Regime is a verdict.
regime | verdict
government | neutral | reference
[tax]
name = Tax on estates
topic = economy
note = Legal and polemical.
estate tax | legal | reference
death tax | opponents
[media]
name = The news media
topic = politics
note = Who says mainstream.
mainstream media | critics
news media | plain | reference
""", "t.frsets")])

REFERENCE = {"government", "estate tax", "news media"}


def analysis(text: str, uses: list[tuple[str, str, str]], source: str = "x.txt") -> Analysis:
    """An analysis of `text` whose choices are the listed (surface, set id, member) in order."""
    spans, at = [], 0
    for surface, set_id, term in uses:
        start = text.index(surface, at)
        at = start + len(surface)
        spans.append(ChoiceSpan(start, at, set_id, term, surface, term in REFERENCE))
    return Analysis(source, text, MODEL, (), (), len(text.split()), choices=tuple(spans))


LEFT = analysis(
    "The invasion went on. Another invasion, and invasions elsewhere. The regime lied. The estate tax stays.",
    [("invasion", "invasion", "invasion"), ("invasion", "invasion", "invasion"),
     ("invasions", "invasion", "invasion"), ("regime", "regime", "regime"), ("estate tax", "tax", "estate tax")],
    "left.txt",
)
RIGHT = analysis(
    "A special military operation began. The government said the special military operation and an incursion "
    "were needed. The mainstream media disagreed. The estate tax stays.",
    [("special military operation", "invasion", "special military operation"),
     ("government", "regime", "government"),
     ("special military operation", "invasion", "special military operation"), ("incursion", "invasion", "incursion"),
     ("mainstream media", "media", "mainstream media"), ("estate tax", "tax", "estate tax")],
    "right.txt",
)


def test_each_side_counts_the_members_it_uses() -> None:
    rows = {r.set_id: r for r in word_choice(LEFT, RIGHT, SETS)}
    invasion = rows["invasion"]
    assert [(u.term, u.count) for u in invasion.left] == [("invasion", 3)]
    assert [(u.term, u.count) for u in invasion.right] == [("special military operation", 2), ("incursion", 1)]
    assert invasion.sentence() == "Left: invasion ×3 · Right: special military operation ×2, incursion"
    assert invasion.count("left") == 3 and invasion.count("right") == 3 and invasion.differs
    for side, source in (("left", LEFT), ("right", RIGHT)):
        for start, end in invasion.spans(side):  # type: ignore[arg-type]
            assert source.text[start:end].lower().startswith(("invasion", "special", "incursion"))
    assert (invasion.name, invasion.topic, invasion.note) == ("Sending an army abroad", "war", "Who calls it what.")
    assert invasion.members == ("invasion", "special military operation", "incursion")


def test_reference_names_count_only_beside_a_marked_one() -> None:
    rows = {r.set_id: r for r in word_choice(LEFT, RIGHT, SETS)}
    regime = rows["regime"]  # left "regime", right only the reference "government": listed
    assert [u.term for u in regime.left] == ["regime"] and [(u.term, u.reference) for u in regime.right] == [
        ("government", True)]
    assert "tax" not in rows  # both texts use only the reference "estate tax": no choice to discuss
    media = rows["media"]  # used by one side only: listed, the other side empty
    assert media.left == () and [u.term for u in media.right] == ["mainstream media"]
    assert media.sentence() == "Left: — · Right: mainstream media"


def test_quoted_uses_are_counted_and_said_apart() -> None:
    text = 'He spoke of an invasion. "A special military operation," the ministry said; "a special military operation".'
    spans = []
    for surface, at in (("invasion", text.index("invasion")), ("special military operation", text.index("special")),
                        ("special military operation", text.rindex("special"))):
        spans.append(ChoiceSpan(at, at + len(surface), "invasion", surface, surface, False, surface != "invasion"))
    left = Analysis("l", text, MODEL, (), (), 20, choices=tuple(spans))
    row = word_choice(left, analysis("Nothing.", []), SETS)[0]
    assert [(u.term, u.count, u.quoted) for u in row.left] == [("special military operation", 2, 2), ("invasion", 1, 0)]
    assert row.summary("left") == "special military operation ×2 (quoted), invasion"
    mixed = replace(row.left[0], quoted=1)
    assert mixed.label() == "special military operation ×2 (1 quoted)"
    assert row.to_json()["left"][0]["quoted"] == 2


def test_rows_list_shared_sets_first_then_by_uses() -> None:
    order = [r.set_id for r in word_choice(LEFT, RIGHT, SETS)]
    assert order == ["invasion", "regime", "media"]


def test_without_set_metadata_rows_are_named_by_id() -> None:
    rows = word_choice(LEFT, RIGHT)
    invasion = next(r for r in rows if r.set_id == "invasion")
    assert invasion.name == "invasion" and invasion.note == ""
    assert set(invasion.members) == {"invasion", "special military operation", "incursion"}


def test_compare_json_lists_word_choice_with_spans() -> None:
    comparison = compare(LEFT, RIGHT, choice_sets=SETS, align=False)
    data = comparison_to_json(LEFT, RIGHT, comparison)
    assert [row["set"] for row in data["word_choice"]] == ["invasion", "regime", "media"]
    first = data["word_choice"][0]
    assert first.keys() == {"set", "name", "topic", "note", "members", "left", "right"}
    use = first["right"][0]
    assert use["term"] == "special military operation" and use["count"] == 2 and use["reference"] is False
    assert [RIGHT.text[a:b] for a, b in use["spans"]] == ["special military operation"] * 2
    assert data["left"]["choices"][0] == {"start": 4, "end": 12, "set_id": "invasion", "term": "invasion",
                                          "text": "invasion", "reference": False, "quoted": False,
                                          "scare": False}


def html_for(left: Analysis, right: Analysis, **options) -> str:
    comparison = compare(left, right, choice_sets=SETS, align=False)
    return render_handout_html(left, right, comparison, options=HandoutOptions(**options))


def section(html: str) -> str:
    start = html.index('<h2 id="wordchoice">')
    return html[start:html.index("<h2", start + 5)]


def test_handout_word_choice_section_is_on_by_default() -> None:
    html = html_for(LEFT, RIGHT)
    ids = re.findall(r'<h2 id="(\w+)"', html)
    assert ids.index("agency" if "agency" in ids else "actors") < ids.index("wordchoice") < ids.index("chart")
    part = section(html)
    assert part.count("<tr>") == 1 + 3  # header and three sets
    assert "<td>Sending an army abroad</td><td>invasion ×3</td><td>special military operation ×2, incursion</td>" in part
    assert f"<td>government{REFERENCE_MARK}</td>" in part and "<td>—</td><td>mainstream media</td>" in part
    assert "<li>“invasion” on the left, “special military operation” on the right: who uses each name" in html


def test_handout_leaves_the_section_out_without_uses_or_when_not_chosen() -> None:
    plain = analysis("Nothing to see here.", [])
    assert 'id="wordchoice"' not in html_for(plain, plain)
    assert 'id="wordchoice"' not in html_for(LEFT, RIGHT, sections=("texts", "questions"))
    assert "on the left, “" not in html_for(LEFT, RIGHT, sections=("texts", "questions"))
    assert HandoutOptions.parse("wordchoice").sections == ("wordchoice",)


def test_handout_table_is_capped_with_a_note() -> None:
    many_sets = {f"s{i}": SETS["invasion"] for i in range(MAX_ROWS + 3)}
    spans = tuple(ChoiceSpan(4, 12, f"s{i}", "invasion", "invasion") for i in range(MAX_ROWS + 3))
    left = Analysis("l", LEFT.text, MODEL, (), (), 10, choices=spans)
    right = analysis("Nothing to see.", [])
    comparison = compare(left, right, choice_sets=many_sets, align=False)
    part = section(render_handout_html(left, right, comparison))
    assert part.count("<tr>") == 1 + MAX_ROWS
    assert "3 more sets in the app and the JSON export" in part


@pytest.mark.parametrize("for_qt", [False, True])
def test_handout_section_escapes_and_never_links(for_qt: bool) -> None:
    sets = dict(SETS)
    sets["media"] = sets["media"].__class__("media", "<b>News</b> & co", "politics", "note", sets["media"].members)
    comparison = compare(LEFT, RIGHT, choice_sets=sets, align=False)
    part = section(render_handout_html(LEFT, RIGHT, comparison, for_qt=for_qt))
    assert "&lt;b&gt;News&lt;/b&gt; &amp; co" in part and "<b>News" not in part
