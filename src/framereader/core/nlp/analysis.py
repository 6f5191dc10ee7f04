"""Document → Analysis: entities from spaCy, framing terms from the lexicon matcher.

Long texts are processed in paragraph-aligned chunks, so analysis can report progress, be
cancelled between chunks and never hits spaCy's `max_length`. Entities are exactly `doc.ents`
of each chunk (a text shorter than `CHUNK_CHARS` is one chunk: exactly `nlp(text).ents`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Protocol

from spacy.tokens import Doc

from ..errors import Cancelled
from ..model import Analysis, ChoiceSpan, Descriptor, Document, EntitySpan, FramingSpan, sorted_counts
from ..voices.voices import with_direct_quotes, with_quoted_framing
from .choices import mark_quoted_choices
from .labels import consistent_entities
from .lemmas import common_nouns
from .pipeline import Pipeline
from .tokens import make_doc

#: Chunk size and chunks per `nlp.pipe` batch. Measured on a 1 MB text (bench/run.py's
#: machine): 20,000 x 4 peaked 134 MB above the text, 10,000 x 2 peaked 62 MB at the same speed.
CHUNK_CHARS = 10_000
PIPE_BATCH = 2
#: Smaller chunks for the (slower) parse, so a superseded request stops within ~0.05 s.
PARSE_CHUNK_CHARS = 5_000


class Matcher(Protocol):
    """What analysis needs from a compiled lexicon (see `core.nlp.matcher.LexiconMatcher`);
    `doc.ents` serve its name guard."""

    def find(self, doc: Doc) -> Sequence: ...


class Choices(Protocol):
    """What analysis needs from compiled word-choice sets (`core.nlp.choices.ChoiceMatcher`)."""

    def find(self, doc: Doc) -> Sequence: ...


def chunk_ranges(text: str, max_chars: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Split `text` into [start, end) ranges of at most `max_chars`, at newlines where possible,
    else at a space, else anywhere. Ranges cover the text without gaps."""
    ranges: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while start < n:
        end = min(start + max_chars, n)
        if end < n:
            cut = text.rfind("\n", start + 1, end)
            if cut <= start:
                cut = text.rfind(" ", start + 1, end)
            if cut > start:
                end = cut + 1
        ranges.append((start, end))
        start = end
    return ranges


def count_words(doc: Doc) -> int:
    """Words are tokens that are neither punctuation nor white space."""
    return sum(1 for token in doc if not (token.is_punct or token.is_space))


def _chunk_docs(
    pipeline: Pipeline,
    text: str,
    cancelled: Callable[[], bool],
    progress: Callable[[float], None],
) -> Iterator[tuple[int, Doc]]:
    ranges = chunk_ranges(text)
    nlp = pipeline.nlp
    docs = nlp.pipe((make_doc(nlp, text[a:b]) for a, b in ranges), batch_size=PIPE_BATCH)
    for index, ((start, _end), doc) in enumerate(zip(ranges, docs)):
        if cancelled():
            raise Cancelled()
        yield start, doc
        progress((index + 1) / len(ranges))


def analyze(
    document: Document,
    pipeline: Pipeline,
    matcher: Matcher | None,
    *,
    descriptors: bool = False,
    choices: Choices | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    progress: Callable[[float], None] = lambda fraction: None,
) -> Analysis:
    """Find entities, framing terms and (with `choices`) the members of word-choice sets in
    `document`; with `descriptors`, also parse it and collect the words attached to each
    entity (see `add_descriptors`)."""
    text = document.text
    entities: list[EntitySpan] = []
    framing: list[FramingSpan] = []
    chosen: list[ChoiceSpan] = []
    words = 0
    if cancelled():
        raise Cancelled()
    for offset, doc in _chunk_docs(pipeline, text, cancelled, progress):
        words += count_words(doc)
        for ent in doc.ents:
            entities.append(EntitySpan(offset + ent.start_char, offset + ent.end_char, ent.label_, ent.text))
        framing.extend(_framing_spans(text, offset, doc, matcher))
        chosen.extend(_choice_spans(text, offset, doc, choices))
    # One name, one label (no names are guessed for a pipeline without a recogniser).
    consistent = consistent_entities(text, entities, common_nouns(pipeline.nlp)) if pipeline.has_ner else None
    entities = list(consistent.entities) if consistent is not None else entities
    analysis = Analysis(
        source=document.source,
        text=text,
        model=pipeline.info,
        entities=tuple(entities),
        relabelled=consistent.changed if consistent is not None else 0,
        framing=tuple(framing),
        words=words,
        entity_counts=sorted_counts(e.label for e in entities),
        framing_counts=_framing_counts(framing),
        choices=tuple(chosen),
    )
    analysis = with_direct_quotes(analysis)
    analysis = replace(analysis, choices=mark_quoted_choices(analysis.choices, analysis.quotes, analysis.text))
    return add_descriptors(analysis, pipeline, cancelled=cancelled) if descriptors else analysis


def _framing_spans(text: str, offset: int, doc: Doc, matcher: Matcher | None) -> Iterator[FramingSpan]:
    for match in matcher.find(doc) if matcher is not None else ():
        start, end = offset + match.start_char, offset + match.end_char
        yield FramingSpan(start, end, match.category_id, match.term_text, text[start:end],
                          getattr(match, "rule", ""), getattr(match, "negated", False))


def _choice_spans(text: str, offset: int, doc: Doc, choices: Choices | None) -> Iterator[ChoiceSpan]:
    for match in choices.find(doc) if choices is not None else ():
        start, end = offset + match.start_char, offset + match.end_char
        yield ChoiceSpan(start, end, match.set_id, match.term, text[start:end], match.reference)


def _framing_counts(framing: Sequence[FramingSpan]) -> dict[str, int]:
    return sorted_counts(f.category for f in framing)


def rematch(
    analysis: Analysis,
    pipeline: Pipeline,
    matcher: Matcher | None,
    *,
    choices: Choices | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    progress: Callable[[float], None] = lambda fraction: None,
) -> Analysis:
    """`analysis` with its framing terms (and word-choice sets, with `choices`) found again by
    another `matcher` (lexicons changed): the text is only tokenized, in the same chunks as
    `analyze`, so entities, words and descriptors are kept and the result equals a full
    analysis with the new lexicons."""
    text = analysis.text
    framing: list[FramingSpan] = []
    chosen: list[ChoiceSpan] = []
    ranges = chunk_ranges(text)
    entities = sorted(analysis.entities, key=lambda e: e.start)
    starts = [e.start for e in entities]
    for index, (start, end) in enumerate(ranges):
        if cancelled():
            raise Cancelled()
        doc = make_doc(pipeline.nlp, text[start:end])
        if matcher is not None or choices is not None:  # the name guard sees the entities `analyze` saw
            chunk = entities[bisect_left(starts, start):bisect_left(starts, end)]
            spans = [doc.char_span(e.start - start, e.end - start, label=e.label) for e in chunk if e.end <= end]
            doc.ents = [s for s in spans if s is not None]
        framing.extend(_framing_spans(text, start, doc, matcher))
        chosen.extend(_choice_spans(text, start, doc, choices))
        progress((index + 1) / len(ranges))
    return with_quoted_framing(replace(analysis, framing=tuple(framing), framing_counts=_framing_counts(framing),
                                       choices=mark_quoted_choices(chosen, analysis.quotes, text)))


def add_descriptors(
    analysis: Analysis, pipeline: Pipeline, *, cancelled: Callable[[], bool] = lambda: False
) -> Analysis:
    """Parse the chunks that hold entities and attach descriptors, reusing the known entities
    (NER is not run again). A pipeline without a parser returns `analysis` unchanged."""
    from .descriptors import extract_descriptors

    if not pipeline.can_parse or not analysis.entities:
        return analysis
    text = analysis.text
    found: list[Descriptor] = []
    with pipeline.parsing() as nlp:
        components = [name for name in nlp.pipe_names if name != "ner"]
        entities = sorted(analysis.entities, key=lambda e: e.start)
        starts = [e.start for e in entities]
        for start, end in chunk_ranges(text, PARSE_CHUNK_CHARS):
            chunk = entities[bisect_left(starts, start) : bisect_left(starts, end)]
            ents = [e for e in chunk if e.end <= end]
            if not ents:
                continue
            if cancelled():
                raise Cancelled()
            doc = make_doc(nlp, text[start:end])
            for name in components:
                doc = nlp.get_pipe(name)(doc)
            spans = [doc.char_span(e.start - start, e.end - start, label=e.label) for e in ents]
            doc.ents = [s for s in spans if s is not None]
            found.extend(extract_descriptors(doc, offset=start))
    return replace(analysis, descriptors=tuple(found))
