"""A plain-text file's first line is its title and heading when it reads like a headline: short,
no final full stop, a blank line after it, text below. Tricky first lines must stay paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from framereader.core.documents import document_from_text, load_document, retitled
from framereader.core.documents.text import headline_span

DATA = Path(__file__).resolve().parents[2] / "data"

BODY = "\n\nThe council voted on Tuesday to close the bridge for repairs.\n"


@pytest.mark.parametrize("first", [
    "Bridge Closure Splits the City",
    "Is This the End of the High Street?",
    "Stop the Cuts Now!",
    "\"Cowardly attack\": PM condemns stabbing in Aldbury",
    "Kerevo In The Dark: Families Face Winter Without Power After Strike On Plant",
    "2,000 Jobs at Risk as Plant Closes",
    "   Indented Headline With Spaces   ",
])
def test_a_headline_is_the_title_and_a_level_one_heading(first: str) -> None:
    document = document_from_text(first + BODY)
    assert document.meta.title == " ".join(first.split())
    heading = document.blocks[0]
    assert heading.kind == "heading" and heading.level == 1
    assert document.text[heading.start:heading.end].strip() == first.strip()
    assert [b.kind for b in document.blocks[1:]] == ["paragraph"]


@pytest.mark.parametrize("text", [
    "The council voted on Tuesday.\n\nIt closed the bridge.\n",  # a sentence: full stop
    "Wait for it...\n\nIt closed the bridge.\n",  # an ellipsis
    "Dear Sir,\n\nI write about the bridge.\n",  # a letter's greeting
    "In summary:\n\nthe bridge is closed.\n",  # a colon introduces what follows
    "By Jane Doe\n\nThe bridge is closed.\n",  # a byline
    "Tuesday 5 March 2024\n\nThe bridge is closed.\n",  # a date
    "- first point\n\n- second point\n",  # a list
    "# not markdown here\n\nThe bridge is closed.\n",
    "lower case start of a note\n\nThe bridge is closed.\n",  # no capital
    "Bridge Closure Splits the City\nThe council voted on Tuesday.\n",  # no blank line after it
    "Bridge Closure Splits the City\n\n\n",  # nothing below it
    "Bridge Closure Splits the City",  # one line only
    "Closure\n\nThe bridge is closed.\n",  # one word
    "1,200\n\nThe bridge is closed.\n",  # no letters
    " ".join(["Word"] * 30) + "\n\nThe bridge is closed.\n",  # too many words for a headline
    "\"We are not soldiers,\" she said.\n\nThe bridge is closed.\n",  # a quotation ending a sentence
])
def test_first_lines_that_are_not_headlines_stay_paragraphs(text: str) -> None:
    document = document_from_text(text)
    assert headline_span(text) is None
    assert document.meta.title is None
    assert all(block.kind == "paragraph" for block in document.blocks)


def test_a_news_file_takes_its_headline_and_its_spans_keep_their_offsets() -> None:
    document = load_document(DATA / "news" / "001.txt")
    assert document.meta.title == "Two Killed In Knife Attack At Aldbury Christmas Market, Police Say"
    assert document.title == document.meta.title  # shown in the header instead of "001.txt"
    start, end = document.blocks[0].start, document.blocks[0].end
    assert document.text[start:end] == document.meta.title and start == 0
    assert document.text == (DATA / "news" / "001.txt").read_text(encoding="utf-8")  # the text is unchanged


def test_the_headline_comes_after_leading_blank_lines_and_crlf() -> None:
    text = "\r\n\r\nBridge Closure Splits the City\r\n\r\nThe council voted.\r\n"
    document = document_from_text(text)
    assert document.meta.title == "Bridge Closure Splits the City"
    heading = document.blocks[0]
    assert document.text[heading.start:heading.end] == "Bridge Closure Splits the City"


def test_markdown_keeps_its_own_headings() -> None:
    document = document_from_text("Bridge Closure Splits the City\n\nBody text.\n", markdown=True)
    assert all(block.kind == "paragraph" for block in document.blocks)  # markdown has "# " for that


def test_an_outlet_is_set_and_cleared_like_the_title() -> None:
    document = document_from_text("Bridge Closure Splits the City" + BODY)
    named = retitled(document, site="  The Harbour   Gazette ")
    assert named.meta.site == "The Harbour Gazette" and named.meta.title == document.meta.title
    assert named.meta_json()["site"] == "The Harbour Gazette"
    assert retitled(named, site="").meta.site is None
    assert retitled(named, title="Other").meta.site == "The Harbour Gazette"  # None leaves it
