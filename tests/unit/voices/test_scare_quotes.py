"""The writer's scare quotes (a teacher's trial, finding 8): one to three words in quotation
marks that give no one's words keep those words at a distance. The framing words and
word-choice names inside them are flagged as quoted, with no speaker and `scare` set, so the
profile, the chart and the handout's word-choice question do not count them as the writer's
own choice; the tooltips say so."""

from __future__ import annotations

from framereader.core.comparison.compare import compare
from framereader.core.documents import document_from_text
from framereader.core.export import render_handout_html
from framereader.core.export.word_choice_html import word_choice_question

SCARE = ('The defence ministry repeated the Orwellian fiction of a "special military operation." '
         'What critics call "the Valdorian regime" has offered talks.')
PLAIN = "The invasion began in March. The regime in Varn sent troops across the border."


def test_framing_and_names_in_scare_quotes_are_not_the_writers(engine) -> None:
    analysis = engine.analyze(document_from_text(SCARE), descriptors=True)
    assert analysis.quotes == ()  # no one speaks here
    inside = {f.text: f for f in analysis.framing if f.text in ("special military operation", "regime")}
    assert set(inside) == {"special military operation", "regime"}
    assert all(f.quoted and f.scare and f.speaker == "" for f in inside.values())
    orwellian = next(f for f in analysis.framing if f.text == "Orwellian")
    assert not orwellian.quoted and not orwellian.scare  # the writer's own word
    assert "euphemism" not in analysis.own_counts()
    assert analysis.own_counts().get("loaded_language") == 1  # "Orwellian" only
    choices = {c.text: c for c in analysis.choices}
    assert choices["special military operation"].quoted and choices["special military operation"].scare


def test_a_quotation_with_a_speaker_is_no_scare_quote(engine) -> None:
    text = 'Marek Holloway called it "a special military operation to protect our people."'
    analysis = engine.analyze(document_from_text(text), descriptors=True)
    span = next(f for f in analysis.framing if f.text == "special military operation")
    assert span.quoted and not span.scare and span.speaker == "Marek Holloway"


def test_the_word_choice_question_skips_names_the_writer_only_scare_quotes(engine) -> None:
    left = engine.analyze(document_from_text(PLAIN), descriptors=True)
    right = engine.analyze(document_from_text(SCARE), descriptors=True)
    comparison = compare(left, right, align=False, choice_sets=engine.choice_set_index())
    invasion = next(r for r in comparison.word_choice if r.set_id == "invasion")
    assert [(u.term, u.quoted) for u in invasion.right] == [("special military operation", 1)]  # said apart
    assert word_choice_question(comparison) is None  # the right writer chose neither name
    own = engine.analyze(document_from_text(SCARE + " The special military operation goes on."), descriptors=True)
    question = word_choice_question(compare(left, own, align=False, choice_sets=engine.choice_set_index()))
    assert question is not None and "special military operation" in question and "invasion" in question


def test_the_handout_marks_scare_quoted_words_as_such(engine) -> None:
    left = engine.analyze(document_from_text(PLAIN), descriptors=True)
    right = engine.analyze(document_from_text(SCARE), descriptors=True)
    html = render_handout_html(left, right, compare(left, right, align=False))
    assert html.count("in the writer&#x27;s scare quotes") == 2  # "special military operation", "regime"
