"""Step through the loaded words a pane shows (View ▸ Next / Previous Loaded Word): the
presenter walks a text word by word on the projector, the status line names each one."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ...core.model import FramingSpan
from .pane import Pane


def shown_framing(pane: Pane) -> list[FramingSpan]:
    """The framing spans the pane draws now (shown categories, highlights on), in text order."""
    if pane.analysis is None or not pane.visibility.enabled:
        return []
    return sorted((f for f in pane.analysis.framing if pane.visibility.shows_category(f.category)),
                  key=lambda f: (f.start, f.end))


def step_framing(pane: Pane, step: int) -> tuple[FramingSpan, int, int] | None:
    """Select the next (`step` > 0) or previous shown loaded word after or before the text
    cursor, wrapping at the ends; (span, its number from 1, how many) or None when none shows."""
    spans = shown_framing(pane)
    if not spans or pane.built is None:
        return None
    cursor = pane.view.textCursor()
    starts = [f.start for f in spans]
    if step > 0:
        here = pane.built.offsets.to_core(cursor.selectionEnd() if cursor.hasSelection() else cursor.position())
        index = bisect_left(starts, here) % len(spans)
    else:
        here = pane.built.offsets.to_core(cursor.selectionStart())
        index = (bisect_right(starts, here - 1) - 1) % len(spans)
    span = spans[index]
    pane.select_span(span.start, span.end)
    return span, index + 1, len(spans)
