"""The voices of one analysis: direct quotations at once (no parse), speakers and reported
speech once the text is parsed, and the framing words inside quotations flagged as quoted."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..model import Analysis, Quote
from .assemble import assemble, mention_names
from .direct import direct_quotes, mark_quoted
from .said import SpeechFound


def with_direct_quotes(analysis: Analysis) -> Analysis:
    """`analysis` with the direct quotations of its text (speakers not yet known) and its
    framing spans flagged: the first pass, which needs no parse."""
    quotes = direct_quotes(analysis.text)
    framing, quoted = mark_quoted(analysis.framing, quotes, analysis.text)
    return replace(analysis, quotes=quotes, framing=framing, quoted_counts=quoted)


def with_quoted_framing(analysis: Analysis) -> Analysis:
    """`analysis` with its framing spans flagged again from its quotations (after the framing
    terms were found anew for other lexicons)."""
    framing, quoted = mark_quoted(analysis.framing, analysis.quotes, analysis.text)
    return replace(analysis, framing=framing, quoted_counts=quoted)


def with_voices(analysis: Analysis, direct: Sequence[Quote], speech: SpeechFound,
                actors: Iterable[object] = ()) -> Analysis:
    """`analysis` with every voice (see `core.voices.assemble`): its `direct` quotations and what
    the parse found (`speech`), and its framing flagged; `actors` are the text's actors
    (`core.comparison.actors.actors_of_one_text(analysis, "left")`), whose names the speakers take."""
    names = mention_names(analysis.entities, actors)
    quotes = assemble(analysis.text, direct, speech, names, analysis.descriptors, analysis.entities,
                      analysis.references)
    framing, quoted = mark_quoted(analysis.framing, quotes, analysis.text)
    return replace(analysis, quotes=quotes, framing=framing, quoted_counts=quoted)
