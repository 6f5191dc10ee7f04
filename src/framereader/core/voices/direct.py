"""Direct quotations as voices, and the framing words inside them (pure Python, no parse).

The first pass (`direct_quotes`) keeps the quoted stretches (`core.voices.marks`) that are
someone's words: four words or more (a title in Title Case aside), or a shorter one right after
a verb of saying ("called the plan "a vanity project"") or right before its attribution
(""Twists!" she said"). Scare quotes (one to three words and no speaker: the so-called
"efficiency savings"), titles and nicknames ("the Rocket Man") stay what they are: no voice.
Speakers come later, from the parse (`core.nlp.speech`).

`mark_quoted` flags the framing spans that lie inside a direct quotation: those are the
speaker's words, not the writer's. Reported speech ("she said the plan was a power grab") is
the writer's paraphrase, so its words stay the writer's own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..model import FramingSpan, Quote
from .marks import Marked, scan_marks
from .verbs import SPEECH_FORMS, is_speech_form

#: A quotation this short (in words) is a voice only with a verb of saying next to it.
SHORT_QUOTE_WORDS = 3
#: How many words before a short quotation may hold its verb ("described the deal as "fair"").
VERB_WINDOW = 8
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_SMALL_WORDS = frozenset("a an the of in on at to for from and or but by with into over as is vs".split())
_SENTENCE_STOP = re.compile(r"[.!?…]\s|\n")


def words_of(text: str) -> list[str]:
    """The words of `text` (letters and digits, with inner apostrophes and hyphens)."""
    return _WORD.findall(text)


def _title_like(words: Sequence[str]) -> bool:
    """Every word that is not a small word starts with a capital: a title or a nickname."""
    big = [w for w in words if w.casefold() not in _SMALL_WORDS]
    return bool(big) and all(w[0].isupper() or w[0].isdigit() for w in big)


def _verb_before(text: str, marked: Marked) -> bool:
    """A verb of saying in the few words before the opening mark, in the same sentence."""
    floor = max(0, marked.open - 200)
    head = text[floor : marked.open]
    stops = list(_SENTENCE_STOP.finditer(head))
    if stops:
        head = head[stops[-1].end():]
    words = words_of(head)
    window = VERB_WINDOW * 2 if words and words[-1].casefold() == "as" else VERB_WINDOW
    first = max(0, len(words) - window)
    return any(is_speech_form(words[i], words[i - 1] if i else "") for i in range(first, len(words)))


def _attribution_after(text: str, marked: Marked) -> bool:
    """A verb of saying among the few words after the closing mark ("Twists!" she said)."""
    if not marked.closed or text[marked.close - 1 : marked.close] not in (",", "!", "?", "…"):
        return False
    tail = text[marked.close + 1 : marked.close + 80]
    cut = _SENTENCE_STOP.search(tail)
    return any(w.casefold() in SPEECH_FORMS for w in words_of(tail[: cut.start() if cut else None])[:5])


def _in_heading(text: str, marked: Marked) -> bool:
    """The quotation sits in a Title Case line (a headline: every word there is capitalised)."""
    line_start = text.rfind("\n", 0, marked.open) + 1
    line_end = text.find("\n", marked.end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    outside = words_of(line[: marked.open - line_start]) + words_of(line[marked.end - line_start + 1 :])
    return len(outside) >= 3 and _title_like(outside)


def _whole_sentence(text: str, marked: Marked) -> bool:
    """A quoted sentence of its own: it starts a sentence with a capital and ends with its stop
    inside the marks ("'Nobody cares.'")."""
    before = text[max(0, marked.open - 3) : marked.open].rstrip(" ")
    starts = not before or before[-1] in ".!?…\n\"”’»"
    inner = text[marked.start : marked.end]
    return starts and inner[:1].isupper() and inner.rstrip()[-1:] in (".", "!", "?", "…")


def is_voice(text: str, marked: Marked) -> bool:
    """Whether the quoted stretch gives someone's words (see the module's doc)."""
    if marked.style == "block":
        return True
    words = words_of(text[marked.start : marked.end])
    if not words:
        return False
    if (_title_like(words) and text[marked.end - 1 : marked.end] not in (".", ",", "!", "?", "…")
            and not _in_heading(text, marked)):
        return False
    if len(words) > SHORT_QUOTE_WORDS:
        return True
    if re.search(r"so-called\s*$", text[max(0, marked.open - 12) : marked.open], re.IGNORECASE):
        return False
    if _whole_sentence(text, marked):
        return True
    return _verb_before(text, marked) or _attribution_after(text, marked)


def direct_quotes(text: str) -> tuple[Quote, ...]:
    """The direct quotations of `text` that are voices, speakers not yet known."""
    return tuple(
        Quote(m.start, m.end, text[m.start : m.end], "direct")
        for m in scan_marks(text)
        if is_voice(text, m)
    )


def mark_quoted(
    framing: Iterable[FramingSpan], quotes: Sequence[Quote]
) -> tuple[tuple[FramingSpan, ...], dict[str, int]]:
    """`framing` with `quoted` (and `speaker`) set on the spans inside a direct quotation, and
    how many spans per category that makes."""
    direct = sorted((q for q in quotes if q.kind == "direct"), key=lambda q: q.start)
    starts = [q.start for q in direct]
    marked: list[FramingSpan] = []
    counts: Counter[str] = Counter()
    for span in framing:
        index = bisect_right(starts, span.start) - 1
        inside = index >= 0 and span.end <= direct[index].end
        speaker = direct[index].speaker if inside else ""
        if inside:
            counts[span.category] += 1
        if span.quoted != inside or span.speaker != speaker:
            span = replace(span, quoted=inside, speaker=speaker)
        marked.append(span)
    return tuple(marked), dict(sorted(counts.items()))
