"""Document → Analysis: exact offsets, entities equal to spaCy's, chunking and cancellation."""

from __future__ import annotations

import pytest

from framereader.core.nlp.analysis import CHUNK_CHARS, Cancelled, analyze, chunk_ranges
from framereader.core.model import Document

TEXT = (
    "President Marek Holloway met Anya Petrova in Geneva on Monday.\n\n"
    "The United Nations and NATO said the talks with the European Union would go on."
)


def test_entities_are_exactly_spacys_doc_ents(trained_pipeline) -> None:
    analysis = analyze(Document(TEXT), trained_pipeline, None)
    expected = [(e.start_char, e.end_char, e.label_, e.text) for e in trained_pipeline.nlp(TEXT).ents]
    assert [(e.start, e.end, e.label, e.text) for e in analysis.entities] == expected
    assert len(expected) >= 5


@pytest.mark.parametrize("prefix", ["😀 🇺🇳 ", "Cafe\u0301 ", "e\u0301\u0301 \U0001F30D ", "\xa0\u200f"])
def test_offsets_are_code_points_after_emoji_and_combining_marks(trained_pipeline, prefix: str) -> None:
    text = prefix + TEXT
    analysis = analyze(Document(text), trained_pipeline, None)
    assert analysis.entities, "the pipeline should still find entities"
    for span in analysis.entities:
        assert text[span.start : span.end] == span.text
    assert any(e.text == "Geneva" for e in analysis.entities)


def test_counts_and_words(trained_pipeline) -> None:
    analysis = analyze(Document(TEXT), trained_pipeline, None)
    assert sum(analysis.entity_counts.values()) == len(analysis.entities)
    assert analysis.words == len([w for w in TEXT.replace(".", " ").split() if w])
    assert analysis.framing == () and analysis.framing_counts == {}


def test_chunk_ranges_cover_text_and_cut_at_newlines() -> None:
    text = ("word " * 50 + "\n") * 200
    ranges = chunk_ranges(text, max_chars=1000)
    assert ranges[0][0] == 0 and ranges[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:]))
    assert all(b - a <= 1000 for a, b in ranges)
    assert all(text[b - 1] == "\n" for a, b in ranges[:-1])
    one_line = "x" * 2500
    assert chunk_ranges(one_line, 1000) == [(0, 1000), (1000, 2000), (2000, 2500)]
    assert chunk_ranges("", 1000) == []


def test_long_text_is_analysed_in_chunks_with_exact_offsets(trained_pipeline) -> None:
    paragraph = "Anya Petrova flew to Paris to meet officials from the World Bank.\n"
    text = paragraph * (CHUNK_CHARS // len(paragraph) * 2 + 3)
    seen: list[float] = []
    analysis = analyze(Document(text), trained_pipeline, None, progress=seen.append)
    assert len(seen) >= 3 and seen[-1] == pytest.approx(1.0)
    assert all(text[e.start : e.end] == e.text for e in analysis.entities)
    paris = [e for e in analysis.entities if e.text == "Paris"]
    assert len(paris) == text.count("Paris")


def test_cancellation_raises_between_chunks(trained_pipeline) -> None:
    text = "Holloway spoke in Berlin.\n" * 3000
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 2

    with pytest.raises(Cancelled):
        analyze(Document(text), trained_pipeline, None, cancelled=cancelled)


def _matcher(pipeline, *terms: str):
    from framereader.core.lexicons.format import Category, Lexicon, Term
    from framereader.core.nlp.matcher import LexiconMatcher

    category = Category("lesson", "Lesson", "#D55E00", "", tuple(Term(t) for t in terms))
    return LexiconMatcher(pipeline.nlp, [Lexicon("l", "L", "en", "", (category,))])


def test_rematch_equals_a_full_analysis_with_the_new_lexicon(trained_pipeline) -> None:
    from framereader.core.nlp.analysis import rematch

    text = ("The talks went on. " * 400 + "\n\n") * 4 + TEXT  # several chunks
    document = Document(text)
    before = analyze(document, trained_pipeline, _matcher(trained_pipeline, "talk"))
    after = rematch(before, trained_pipeline, _matcher(trained_pipeline, "go on", "Monday"))
    fresh = analyze(document, trained_pipeline, _matcher(trained_pipeline, "go on", "Monday"))
    assert len(chunk_ranges(text)) > 1 and before.framing and after.framing != before.framing
    assert after.framing == fresh.framing and after.framing_counts == fresh.framing_counts
    assert {f.term for f in after.framing} == {"go on", "Monday"}
    assert after.entities == before.entities == fresh.entities and after.words == fresh.words


def test_engine_rematches_after_a_lexicon_change_without_running_the_pipeline(trained_pipeline, monkeypatch) -> None:
    from framereader.core.nlp import engine as engine_module
    from framereader.core.nlp.engine import Engine
    from framereader.core.lexicons.format import Category, Lexicon, Term

    def lexicon(*terms: str) -> Lexicon:
        return Lexicon("l", "L", "en", "", (Category("lesson", "Lesson", "#D55E00", "", tuple(Term(t) for t in terms)),))

    engine = Engine(trained_pipeline, [lexicon("talks")])
    document = Document(TEXT, source="a.txt")
    described = engine.describe(engine.analyze(document))
    assert described.descriptors
    engine.set_lexicons([lexicon("Monday")])

    def no_pipeline(*_args, **_kwargs):
        raise AssertionError("the pipeline ran again")

    monkeypatch.setattr(engine_module, "analyze", no_pipeline)
    monkeypatch.setattr(engine_module, "add_structure", no_pipeline)
    again = engine.describe(engine.analyze(document))
    assert [f.term for f in again.framing] == ["Monday"] and again.entities == described.entities
    assert again.descriptors == described.descriptors and again.source == "a.txt"


def test_lexicons_of_another_language_are_set_aside_with_a_note(trained_pipeline) -> None:
    from framereader.core.nlp.engine import Engine
    from framereader.core.lexicons.format import Category, Lexicon, Term

    def lexicon(lang: str, term: str) -> Lexicon:
        return Lexicon(f"l-{lang}", f"Lesson {lang}", lang, "",
                       (Category(f"c_{lang}", "C", "#D55E00", "", (Term(term),)),))

    engine = Engine(trained_pipeline, [lexicon("en", "talks"), lexicon("de", "Gespräche")])
    assert [lex.language for lex in engine.lexicons] == ["en"]
    assert engine.note and "Lesson de" in engine.note and "'en'" in engine.note
    engine.set_lexicons([lexicon("de", "talks")])
    assert engine.lexicons == () and "No enabled lexicon is written for language 'en'" in engine.note
    assert engine.analyze(Document(TEXT)).framing == ()
    engine.set_lexicons([lexicon("en", "talks")])
    assert engine.note is None and [f.term for f in engine.analyze(Document(TEXT)).framing] == ["talks"]
