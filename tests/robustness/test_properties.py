"""Property tests on random Unicode (emoji, combining marks, right-to-left, CJK): every span is
exactly `text[start:end]` in core and the same characters in the Qt document."""

from __future__ import annotations

import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framereader.core.nlp.analysis import analyze
from framereader.core.lexicons.format import parse_lexicon
from framereader.core.nlp.matcher import LexiconMatcher
from framereader.core.model import Document
from framereader.core.nlp.pipeline import Pipeline
from framereader.core.model import ModelInfo

LEXICON = parse_lexicon(
    "framereader-lexicon 1\nid = t\nname = T\nlanguage = en\n\n[loaded]\nname = Loaded\ncolour = #D55E00\n\n"
    "regime\nslaughter\nso-called\nwipe out\n",
    "test.frlex",
)
PIECES = st.sampled_from(
    ["regime", "regimes", "slaughtered", "so-called", "wiped out", "Holloway", "😀", "👩\u200d👩\u200d👧", "e\u0301",
     "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "北京", "\xa0", "\u200f", " ", "\n", "\n\n", ".", "🇺🇳"]
)
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=40).map("".join)
_BLANK = spacy.blank("en")
_PIPELINE = Pipeline(_BLANK, ModelInfo(name="blank:en", version="0"))
_MATCHER = LexiconMatcher(_BLANK, [LEXICON])


def _normalised(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_core_spans_are_exact(text: str) -> None:
    text = _normalised(text)
    analysis = analyze(Document(text), _PIPELINE, _MATCHER)
    for span in analysis.framing:
        assert text[span.start : span.end] == span.text
        assert span.text.strip() == span.text and span.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=TEXTS, data=st.data())
def test_qt_document_holds_the_same_characters(qapp, text: str, data) -> None:
    from PySide6.QtGui import QTextCursor, QTextDocument

    from framereader.ui.reading.text_builder import build_document

    text = _normalised(text)
    qdoc = QTextDocument()
    built = build_document(qdoc, Document(text))
    assert qdoc.characterCount() - 1 == built.offsets.qt_length
    spans = [(m.start_char, m.end_char) for m in _MATCHER.find(_BLANK(text))]
    if text:
        start = data.draw(st.integers(0, len(text)))
        spans.append((start, data.draw(st.integers(start, len(text)))))
    for start, end in spans:
        cursor = QTextCursor(qdoc)
        cursor.setPosition(built.offsets.to_qt(start))
        cursor.setPosition(built.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == text[start:end].replace("\n", "\u2029")
