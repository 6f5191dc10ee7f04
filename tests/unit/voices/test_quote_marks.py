"""Direct quotations found by their marks, in every style; scare quotes, titles and nicknames
are no voices (pure Python, no parse)."""

from __future__ import annotations

import pytest

from framereader.core.model import FramingSpan, Quote
from framereader.core.voices.direct import direct_quotes, mark_quoted
from framereader.core.voices.marks import scan_marks


def texts(text: str) -> list[str]:
    return [q.text for q in direct_quotes(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"We will not move," said the mayor.', ["We will not move,"]),
        ("“We will not move,” said the mayor.", ["We will not move,"]),
        ("‘We will not move,’ said the mayor.", ["We will not move,"]),
        ("'We will not move,' said the mayor.", ["We will not move,"]),
        ("«We will not move,» said the mayor.", ["We will not move,"]),
        ("‹We will not move,› said the mayor.", ["We will not move,"]),
    ],
)
def test_every_quotation_mark_style(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_apostrophes_inside_single_quotes_do_not_close_them() -> None:
    text = "'It's a disgrace and it's the workers' money,' she said. 'Nobody cares.'"
    assert texts(text) == ["It's a disgrace and it's the workers' money,", "Nobody cares."]
    curly = "‘It’s the drivers’ union that pays,’ he said."
    assert texts(curly) == ["It’s the drivers’ union that pays,"]


def test_a_plural_possessive_inside_a_single_quote() -> None:
    text = "'We got eleven minutes' warning and then the water came,' she said."
    assert texts(text) == ["We got eleven minutes' warning and then the water came,"]


def test_a_quotation_over_several_paragraphs_is_one_voice() -> None:
    text = ("She said:\n\n“People said we could not hold out. We held out anyway.\n\n"
            "“Nobody here wanted a strike,” she said.\n\nThe talks resume on Monday.")
    quotes = direct_quotes(text)
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote.text.startswith("People said") and quote.text.endswith("wanted a strike,")
    assert "\n\n“Nobody" in quote.text
    assert text[quote.start : quote.end] == quote.text


def test_straight_quotes_over_paragraphs() -> None:
    text = 'He said:\n\n"One paragraph of words here.\n\n"And a second one," he added.'
    (quote,) = direct_quotes(text)
    assert quote.text == 'One paragraph of words here.\n\n"And a second one,'


def test_block_quotation() -> None:
    text = "The council wrote:\n\n> The bridge stays closed until further notice.\n\nTraders were angry."
    (quote,) = direct_quotes(text)
    assert quote.text == "The bridge stays closed until further notice."


def test_partial_quotes_after_a_verb_of_saying_are_voices() -> None:
    text = 'He called the closures "a hard choice" and described the deal as "fair".'
    assert texts(text) == ["a hard choice", "fair"]


def test_scare_quotes_titles_and_nicknames_are_not_voices() -> None:
    text = ('Cuts forced by the so-called "efficiency savings" hit the "woke" schools. '
            'Her book "The Salt Orchard" won. Fans call him "the Rocket Man" and "Big Ruud".')
    assert texts(text) == []
    assert len(scan_marks(text)) == 5  # the marks are found; none of them is a voice


def test_a_short_quote_before_its_attribution_is_a_voice() -> None:
    assert texts('"Twists!" she said.') == ["Twists!"]


def test_a_quote_in_a_headline_is_no_voice_but_not_the_writers_either() -> None:
    text = 'Minister Apologises After Calling Pensioners "Moaners"\n\nThe minister said sorry.'
    assert texts(text) == []  # a headline sums up; it quotes nobody
    start = text.index("Moaners")
    flagged, counts = mark_quoted([FramingSpan(start, start + 7, "name_calling", "moaner", "Moaners")], [], text)
    assert (flagged[0].quoted, flagged[0].scare, flagged[0].speaker) == (True, True, "")
    assert counts == {"name_calling": 1}


def test_elisions_open_no_quote() -> None:
    assert texts("Rock 'n' roll in the '90s was loud, the 'em lot said.") == []


def test_an_unclosed_quote_runs_to_the_end_of_its_paragraph() -> None:
    text = '"This quote never closes but it is clearly speech\n\nNext paragraph.'
    (quote,) = direct_quotes(text)
    assert quote.text == "This quote never closes but it is clearly speech"


def test_framing_inside_a_quotation_is_flagged_with_its_speaker() -> None:
    text = '"This is a power grab," said Holloway. The regime fell.'
    quote = Quote(1, 21, text[1:21], "direct", speaker="Marek Holloway")
    framing = [FramingSpan(11, 20, "loaded_language", "power grab", "power grab"),
               FramingSpan(43, 49, "loaded_language", "regime", "regime")]
    flagged, counts = mark_quoted(framing, [quote])
    assert [(f.quoted, f.speaker) for f in flagged] == [(True, "Marek Holloway"), (False, "")]
    assert counts == {"loaded_language": 1}


def test_reported_speech_stays_the_writers_words() -> None:
    text = "Holloway said the plan was a power grab."
    quote = Quote(14, 39, text[14:39], "indirect", speaker="Marek Holloway")
    flagged, counts = mark_quoted([FramingSpan(29, 39, "loaded_language", "power grab", "power grab")], [quote])
    assert not flagged[0].quoted and counts == {}
