"""The handout builder's HTML: sections, modes, plain-English label names, the glossary,
category numbers, titles from document metadata and agency data when the comparison has it."""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, replace
from types import SimpleNamespace

import pytest

from export_support import STYLES, at, make, pair

from framereader.core.comparison.compare import ActorSide, Comparison, compare
from framereader.core.errors import FrameReaderError
from framereader.core.export import (
    DEFAULT_SECTIONS,
    LABEL_NAMES,
    SECTIONS,
    HandoutOptionError,
    HandoutOptions,
    has_agency,
    label_name,
    render_handout_html,
)
from framereader.core.export.highlight import COLD_LINE_CHARS, cold_lines
from framereader.core.kinds import kind_tooltip

#: Every entity label of en_core_web_sm's named-entity recogniser.
SM_LABELS = {"CARDINAL", "DATE", "EVENT", "FAC", "GPE", "LANGUAGE", "LAW", "LOC", "MONEY", "NORP", "ORDINAL",
             "ORG", "PERCENT", "PERSON", "PRODUCT", "QUANTITY", "TIME", "WORK_OF_ART"}


@pytest.fixture
def handout():
    left, right = pair()
    return left, right, compare(left, right, categories=[s.id for s in STYLES])


def render(handout, **options) -> str:
    left, right, comparison = handout
    return render_handout_html(left, right, comparison, STYLES, options=HandoutOptions(**options))


def section_ids(html: str) -> list[str]:
    return re.findall(r'<h2 id="(\w+)"', html)


def visible_text(html: str) -> str:
    body = html[html.index("<body>") :]
    return re.sub(r"<[^>]+>", "", body)


def test_default_sections_in_print_order(handout) -> None:
    html = render(handout)
    assert section_ids(html) == ["legend", "texts", "actors", "chart", "questions"]  # no agency data here
    assert set(DEFAULT_SECTIONS) == set(SECTIONS) - {"glossary"}


def test_sections_can_be_chosen_and_are_printed_in_order(handout) -> None:
    html = render(handout, sections=("questions", "texts", "glossary"))
    assert section_ids(html) == ["texts", "questions", "glossary"]
    assert "<svg" not in html and 'id="actors"' not in html


def test_label_codes_never_follow_entities_and_plain_names_are_used(handout) -> None:
    html = render(handout, sections=DEFAULT_SECTIONS)
    text = visible_text(html)
    for code in ("PERSON", "ORG", "DATE"):
        assert not re.search(rf"\b{code}\b", text), code
    assert "People" in text and "Organisations" in text
    assert 'data-label="PERSON"' in html  # the code stays machine-readable, not printed


def test_every_small_model_label_has_a_plain_name() -> None:
    assert SM_LABELS <= set(LABEL_NAMES)
    assert label_name("GPE") == "Countries, cities and states"
    assert label_name("NORP") == "Nationalities, religions and political groups"
    assert label_name("PERSON") == "People" and label_name("ORG") == "Organisations"
    assert label_name("LOC") == "Places" and label_name("CARDINAL") == "Numbers"
    assert label_name("MY_CUSTOM") == "My custom"
    for position in (0, 1):  # plural and singular names: one kind each
        names = [kind[position] for kind in LABEL_NAMES.values()]
        assert len(set(names)) == len(names)
    for code, kind in LABEL_NAMES.items():  # the codes stay out of the names, in the tooltip
        assert code not in " ".join(kind) and code in kind_tooltip(code)


def test_glossary_maps_the_codes_found_to_names(handout) -> None:
    html = render(handout, sections=("glossary",))
    glossary = html[html.index('id="glossary"') :]
    assert "<td>PERSON</td><td>People</td>" in glossary and "<td>DATE</td><td>Dates</td>" in glossary
    assert "GPE" not in glossary  # not found in these texts
    assert "Per 1,000 words" in glossary


def test_framing_terms_carry_their_category_number_in_both_variants(handout) -> None:
    left = handout[0]
    for for_qt in (False, True):
        html = render_handout_html(*handout, STYLES, for_qt=for_qt)
        for span in left.framing:
            number = next(s.number for s in STYLES if s.id == span.category)
            term = re.escape(left.text[span.start : span.end][-3:])
            mark = r'<sup class="tag mark"[^>]*>'
            assert re.search(rf"{term}(</span>|{mark}\d+</sup>)*{mark}{number}</sup>", html), (span, for_qt)
    legend = render(handout, sections=("legend",))
    for style in STYLES[:3]:
        assert f'<td class="num"><b>{style.number}</b></td>' in legend


def test_browser_variant_gives_each_category_its_own_underline_style(handout) -> None:
    html = render(handout)
    styles = dict(re.findall(r"\.fr-(\d+) \{ text-decoration-style: (\w+);", html))
    assert len(set(styles.values())) == len(STYLES)


def test_framing_mode_drops_entities_and_their_legend(handout) -> None:
    html = render(handout, mode="framing")
    assert 'class="ent ' not in html.split('id="texts"')[1].split('id="actors"')[0]
    assert 'class="frame ' in html and "legend-entities" not in html


def test_screen_mode_hides_what_the_screen_hides(handout) -> None:
    html = render(handout, mode="screen", hidden_labels=frozenset({"ORG"}), hidden_categories=frozenset({"loaded"}))
    texts = html.split('id="texts"')[1].split('id="actors"')[0]
    assert 'data-label="ORG"' not in texts and 'data-label="PERSON"' in texts
    assert 'data-category="loaded"' not in texts and 'data-category="conflict"' in texts
    legend = html.split('id="legend"')[1].split('id="texts"')[0]
    assert "Loaded language" not in legend and "Organisations" not in legend
    off = render(handout, mode="screen", screen_highlights=False).split('id="texts"')[1].split('id="actors"')[0]
    assert 'class="ent ' not in off and 'class="frame ' not in off and 'class="line' not in off  # no line numbers
    # The other modes ignore what the screen hides.
    full = render(handout, mode="all", hidden_labels=frozenset({"ORG"}), hidden_categories=frozenset({"loaded"}))
    assert 'data-label="ORG"' in full and 'data-category="loaded"' in full


def test_read_cold_copy_is_clean_and_numbered(handout) -> None:
    left, right, _comparison = handout
    options = HandoutOptions.parse(mode="cold")
    assert options.sections == ("texts", "questions")
    html = render_handout_html(*handout, STYLES, options=options)
    assert 'class="ent ' not in html and 'class="frame ' not in html and "<sup" not in html
    line_re = r'<p class="line[^"]*"><span class="tag ln">([^<]*)</span>&nbsp;&nbsp;&nbsp;([^<]*)</p>'
    left_html, right_html = html.split('data-side="right"')
    for side_html, analysis in ((left_html, left), (right_html, right)):
        lines = re.findall(line_re, side_html)
        expected = cold_lines(analysis.text)
        assert [html_lib.unescape(text) for _n, text in lines] == [line for line, _starts in expected]
        numbers = [n.replace("&nbsp;", "") for n, _text in lines]
        assert numbers == [str(i) if i % 5 == 0 else "" for i in range(1, len(lines) + 1)]  # each text from 1
        assert all(len(line) <= COLD_LINE_CHARS for line, _start in expected)
    long = make("word " * 400)
    numbered = render_handout_html(long, long, compare(long, long), STYLES, options=options)
    assert ">&nbsp;10</span>" in numbered and ">&nbsp;15</span>" in numbered


def test_cold_lines_wrap_and_mark_paragraphs() -> None:
    text = "First paragraph " + "word " * 40 + "\n\nSecond one."
    lines = cold_lines(text, width=30)
    assert all(len(line) <= 30 for line, _ in lines)
    assert [starts for _line, starts in lines].count(True) == 2
    assert lines[-1] == ("Second one.", True)
    assert " ".join(line for line, _ in lines).split() == text.split()


def test_titles_and_bylines_come_from_document_meta(handout) -> None:
    meta = SimpleNamespace(title="Storm at the Border", author="A. Writer", site="The Daily")
    documents = (SimpleNamespace(meta=meta, name="left.md"), SimpleNamespace(name="right-file.txt"))
    html = render_handout_html(*handout, STYLES, documents=documents)
    assert "Left: Storm at the Border" in html and "A. Writer · The Daily" in html
    assert "Right: right-file.txt" in html and "left-article.md" not in html
    # Without documents: the file names of the analyses.
    assert "Left: left-article.md" in render(handout)


@dataclass(frozen=True)
class AgentSide(ActorSide):
    """An actor side as the agency work adds it: who acts, who is acted on."""

    agent: tuple[str, ...] = ()
    patient: tuple[str, ...] = ()


def test_agency_section_appears_only_with_agency_data(handout) -> None:
    left, right, comparison = handout
    assert not has_agency(comparison)
    actors = tuple(
        replace(a, left=AgentSide(a.left.count, a.left.mentions, a.left.descriptors, agent=("send", "send", "order"),
                                  patient=("condemn",)))
        if "Holloway" in a.name else a
        for a in comparison.actors
    )
    with_agency = Comparison(actors, comparison.profile, comparison.left_words, comparison.right_words)
    assert has_agency(with_agency)
    html = render_handout_html(left, right, with_agency, STYLES)
    assert section_ids(html) == ["legend", "texts", "actors", "agency", "chart", "questions"]
    agency = html[html.index('id="agency"') :]
    assert "Holloway" in agency and "3 <span" in agency and "send, order" in agency
    assert 'id="agency"' not in render_handout_html(left, right, with_agency, STYLES,
                                                    options=HandoutOptions(sections=("texts",)))


def test_actor_table_is_capped_with_a_note() -> None:
    text = " ".join(f"Person{i} spoke." for i in range(12))
    ents = [(*at(text, f"Person{i} "), "PERSON") for i in range(12)]
    ents = [(s, e - 1, label) for s, e, label in ents]
    analysis = make(text, ents=ents)
    html = render_handout_html(analysis, analysis, compare(analysis, analysis), STYLES,
                               options=HandoutOptions(sections=("actors",), max_actors=5))
    table = html[html.index("<table") : html.index("</table>")]
    assert table.count("<tr>") == 6  # header and five actors
    assert "7 more actors not in the table." in html


def test_actor_table_keeps_both_casts() -> None:
    """When one text names many more actors, the other's still get rows."""
    busy = " ".join(f"Person{i} spoke. Person{i} left." for i in range(8))
    quiet = "Mayor Quill spoke. Then Alma Reyes spoke."
    left = make(busy, ents=[(m.start(), m.end(), "PERSON") for m in re.finditer(r"Person\d", busy)])
    right = make(quiet, ents=[(*at(quiet, "Quill"), "PERSON"), (*at(quiet, "Alma Reyes"), "PERSON")],
                 source="right.md")
    html = render_handout_html(left, right, compare(left, right), STYLES,
                               options=HandoutOptions(sections=("actors",), max_actors=4))
    table = html[html.index("<table") : html.index("</table>")]
    assert "Quill" in table and "Alma Reyes" in table and len(re.findall(r"Person\d", table)) == 2


def test_bad_options_say_what_is_wrong() -> None:
    with pytest.raises(HandoutOptionError, match="unknown handout section 'pictures'"):
        HandoutOptions.parse("texts,pictures")
    with pytest.raises(FrameReaderError, match="unknown handout mode"):
        HandoutOptions(mode="fancy")
    with pytest.raises(FrameReaderError, match="paper size 'A3'"):
        HandoutOptions.parse(paper="A3")
    assert HandoutOptions.parse("all").sections == tuple(SECTIONS)
    assert HandoutOptions.parse(" Texts , legend ", "FRAMING", "letter").paper == "Letter"


def test_legend_groups_loaded_words_and_devices(handout) -> None:
    left, right, comparison = handout
    grouped = [replace(s, group="device") if s.id == "loaded" else s for s in STYLES]
    html = render_handout_html(left, right, comparison, grouped, options=HandoutOptions(sections=("legend",)))
    legend = html[html.index("legend-framing") :]
    loaded, devices = legend.index("<b>Loaded words</b>"), legend.index("<b>Rhetorical devices</b>")
    assert loaded < legend.index("Conflict") < devices < legend.index("Loaded language")
    numbers = [int(n) for n in re.findall(r'<td class="num"><b>(\d+)</b></td>', legend)]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 2  # 1…n in legend order
    assert f"<b>{numbers[-1]}</b>" in legend[devices:]  # the device, listed last, has the last number
    assert "Rhetorical devices" not in render_handout_html(left, right, comparison, STYLES)


def test_handout_numbers_run_without_gaps_and_match_the_terms_in_the_texts(handout) -> None:
    left, right, comparison = handout
    # the lexicon lists categories the texts do not use between those they use
    spread = [replace(s, index=i * 3, shown_number=0) for i, s in enumerate(STYLES)]
    for for_qt in (False, True):
        html = render_handout_html(left, right, comparison, spread, for_qt=for_qt)
        legend = html[html.index("legend-framing"):html.index('id="texts"')]
        numbers = [int(n) for n in re.findall(r'<td class="num"><b>(\d+)</b></td>', legend)]
        assert numbers == list(range(1, len(numbers) + 1)) and numbers
        tags = {int(n) for n in re.findall(r'<sup class="tag mark"[^>]*>(\d+)</sup>', html)}
        assert tags and tags <= set(numbers)


def test_the_header_names_no_package_and_the_model_is_in_small_print_at_the_end(handout) -> None:
    left, right, comparison = handout
    html = render_handout_html(left, right, comparison, STYLES)
    model = left.model.name
    header = html[html.index("<h1>"):html.index("<h2")]
    assert model not in header and "FrameReader" not in header
    colophon = html[html.rindex('<p class="small colophon">'):]
    assert model in colophon and left.model.version in colophon and "</body>" in colophon


def test_entity_kinds_print_with_distinct_patterns(handout) -> None:
    from framereader.core.palette import ENTITY_COLOURS, entity_pattern, print_tint

    left, right, comparison = handout
    html = render_handout_html(left, right, comparison, STYLES)
    rules = dict(re.findall(r"\.ent-([A-Za-z_]+) \{([^}]*)\}", html))
    assert {"PERSON", "ORG"} <= set(rules)
    assert rules["PERSON"] != rules["ORG"] and "background-image" in rules["ORG"]  # told apart in grey
    assert len({print_tint(label) for label in ENTITY_COLOURS}) == len(ENTITY_COLOURS)  # one tint per kind
    assert entity_pattern("GPE") != entity_pattern("NORP") != entity_pattern("PERSON")
    framing_only = render_handout_html(left, right, comparison, STYLES, options=HandoutOptions(mode="framing"))
    assert 'class="ent ' not in framing_only  # framing mode prints no names


def test_the_voices_section_says_only_what_is_sure() -> None:
    from voices_support import unnamed_pair

    left, right = unnamed_pair()
    html = render_handout_html(left, right, compare(left, right, align=False), STYLES,
                               options=HandoutOptions(sections=("voices",)))
    text = visible_text(html)
    assert "Only the left text quotes Daniel Kerr." in text
    assert "Only the left text quotes Victor Lindgren" not in text and "Daniel Kerr and Victor Lindgren" not in text
    assert "may quote Victor Lindgren as well" in text
    assert "not named (she)" in text and "not named (he, she)" in text and "| she |" not in text
