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

from ..documents.text import HEADLINE_MAX_WORDS, headline_span
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
_LEADING_SPACE = re.compile(r"\s*")


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


def _all_quoted(line: str) -> bool:
    """Whether the whole line is one quotation (its first closing mark, if any, ends it)."""
    closers = {"\"": "\"", "“": "”", "‘": "’", "«": "»", "‹": "›", "„": "“”"}.get(line[:1])
    if closers is None:
        return False
    close = next((i for i in range(1, len(line)) if line[i] in closers), -1)
    return close < 0 or not words_of(line[close + 1 :])


def in_heading_line(text: str, at: int) -> bool:
    """Whether offset `at` lies in a headline: the text's first line when it reads as one
    (`core.documents.text.headline_span`), or a short Title Case line that does not end like a
    sentence and does not open with a quotation mark (a subheading: "Anger Rises: "Where Is The
    Relief?""). Nothing there is a voice: a headline sums up, it does not quote."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    if not line:
        return False
    if _all_quoted(line):
        return False  # a paragraph that is one quotation
    if line_start <= _LEADING_SPACE.match(text).end():  # type: ignore[union-attr]  # the first line
        span = headline_span(text)
        if span is not None and span[0] <= at < span[1] + 2:
            return True
    words = words_of(line)
    if not 3 <= len(words) <= HEADLINE_MAX_WORDS or line[:1] in "\"'“‘«‹„>" or not _title_like(words):
        return False
    return not line.rstrip("\"'”’»›)").endswith((".", ",", ";", ":", "…"))


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
    if in_heading_line(text, marked.open):
        return False
    if _title_like(words) and text[marked.end - 1 : marked.end] not in (".", ",", "!", "?", "…"):
        return False
    if len(words) > SHORT_QUOTE_WORDS:
        return True
    if re.search(r"so-called\s*$", text[max(0, marked.open - 12) : marked.open], re.IGNORECASE):
        return False
    if _whole_sentence(text, marked):
        return True
    return _verb_before(text, marked) or _attribution_after(text, marked)


#: The last text scanned and its quoted stretches (the passes of one analysis scan it once).
_scanned: tuple[str, list[Marked]] = ("", [])


def _marks(text: str) -> list[Marked]:
    global _scanned
    last = _scanned
    if last[0] is not text:
        last = (text, scan_marks(text))
        _scanned = last
    return last[1]


def direct_quotes(text: str) -> tuple[Quote, ...]:
    """The direct quotations of `text` that are voices, speakers not yet known."""
    return tuple(
        Quote(m.start, m.end, text[m.start : m.end], "direct")
        for m in _marks(text)
        if is_voice(text, m)
    )


def scare_quotes(text: str, quotes: Sequence[Quote]) -> list[tuple[int, int]]:
    """[start, end) of the quoted stretches of `text` that give no one's words (none of the
    direct `quotes`): the writer's scare quotes ("the Orwellian fiction of a "special military
    operation"", what critics call "the Valdorian regime"), titles, a headline's quotation."""
    voices = {(q.start, q.end) for q in quotes if q.kind == "direct"}
    return [(m.start, m.end) for m in _marks(text) if m.style != "block" and (m.start, m.end) not in voices]


class QuotedRanges:
    """Where `text` is in quotation marks: the voices (`quotes` in quotation marks, with their
    speakers) and the writer's scare quotes (`scare_quotes`)."""

    def __init__(self, quotes: Sequence[Quote], text: str | None = None) -> None:
        ranges = [(q.start, q.end, q.speaker, False) for q in quotes if q.kind == "direct"]
        if text is not None:
            ranges += [(a, b, "", True) for a, b in scare_quotes(text, quotes)]
        self.ranges = sorted(ranges)
        self.starts = [r[0] for r in self.ranges]

    def holding(self, start: int, end: int) -> tuple[int, int, str, bool] | None:
        """(start, end, speaker, scare) of the stretch holding [start, end), or None."""
        index = bisect_right(self.starts, start) - 1
        if index >= 0 and end <= self.ranges[index][1]:
            return self.ranges[index]
        return None


def mark_quoted(
    framing: Iterable[FramingSpan], quotes: Sequence[Quote], text: str | None = None
) -> tuple[tuple[FramingSpan, ...], dict[str, int]]:
    """`framing` with `quoted` (and `speaker`) set on the spans inside a direct quotation, and
    with `text`, `quoted` and `scare` on those inside the writer's scare quotes (no speaker);
    and how many spans per category that makes."""
    ranges = QuotedRanges(quotes, text)
    marked: list[FramingSpan] = []
    counts: Counter[str] = Counter()
    for span in framing:
        holder = ranges.holding(span.start, span.end)
        inside, speaker, scare = holder is not None, holder[2] if holder else "", holder[3] if holder else False
        if inside:
            counts[span.category] += 1
        if span.quoted != inside or span.speaker != speaker or span.scare != scare:
            span = replace(span, quoted=inside, speaker=speaker, scare=scare)
        marked.append(span)
    return tuple(marked), dict(sorted(counts.items()))
