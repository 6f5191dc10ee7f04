"""A student's attempt at "Spot the framing" as one self-contained, printable HTML page: the
paragraphs of both texts that hold a mark or a key item, the marks in context, and (once
checked) found / missed / yours only in styles that differ by border and symbol, not only by
colour, so they survive grey printing; then a numbered list with the key's notes."""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass

from .exercise import AnswerKey, ExerciseResult, StudentMark
from ..model import SIDES, Side

#: kind -> (symbol, legend text); the CSS below gives each a border style of its own
KINDS = {
    "found": ("✓", "found: you marked it and so does the key"),
    "yours": ("?", "yours only: the key does not mark it (you may be right)"),
    "missed": ("○", "missed: the key marks it, you did not"),
    "mark": ("•", "your mark (not checked yet)"),
}
_PRIORITY = {"found": 3, "mark": 2, "yours": 2, "missed": 1}

CSS = """
body { font: 12pt/1.55 Georgia, 'Times New Roman', serif; color: #111; max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 18pt; margin-bottom: .2em; } h2 { font-size: 14pt; margin-top: 1.6em; border-bottom: 1px solid #999; }
.summary { font-size: 14pt; font-weight: bold; } table { border-collapse: collapse; margin: .5em 0; }
td, th { border: 1px solid #999; padding: .15em .6em; text-align: left; } p.gap { color: #666; }
.found { border: 2px solid #1b5e20; background: #e3f4e1; font-weight: bold; padding: 0 .1em; }
.yours { border: 2px dashed #6a1b9a; background: #f3e8f7; font-style: italic; padding: 0 .1em; }
.missed { border-bottom: 3px dotted #b71c1c; background: #fdecea; padding: 0 .1em; }
.mark { border: 2px solid #333; background: #fff4c2; padding: 0 .1em; }
sup { font: bold 8pt sans-serif; } ol li { margin: .25em 0; } .note { color: #333; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
"""


@dataclass(frozen=True)
class Shown:
    """A span of one text as shown: `kind` is found, yours, missed or mark (not checked)."""

    start: int
    end: int
    kind: str


def display_spans(side: Side, marks: list[StudentMark], result: ExerciseResult | None) -> list[Shown]:
    """Non-overlapping display spans of one text: a found mark widened over the items it found."""
    spans: list[Shown] = []
    if result is None:
        spans = [Shown(m.start, m.end, "mark") for m in marks if m.side == side]
    else:
        found = [i for i in result.found if i.side == side]
        for mark in (m for m in result.hits if m.side == side):
            touched = [i for i in found if i.start < mark.end and mark.start < i.end]
            spans.append(Shown(min([mark.start] + [i.start for i in touched]),
                                max([mark.end] + [i.end for i in touched]), "found"))
        spans += [Shown(m.start, m.end, "yours") for m in result.yours_only if m.side == side]
        spans += [Shown(i.start, i.end, "missed") for i in result.missed if i.side == side]
    merged: list[Shown] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            kind = last.kind if _PRIORITY[last.kind] >= _PRIORITY[span.kind] else span.kind
            merged[-1] = Shown(last.start, max(last.end, span.end), kind)
        else:
            merged.append(span)
    return merged


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """The non-blank lines of `text` as spans."""
    spans, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def notes_for(span: Shown, side: Side, key: AnswerKey | None) -> list[str]:
    """"Category: note" for each key item under `span` (none for a yours-only mark)."""
    if key is None or span.kind == "yours":
        return []
    notes = []
    for item in key.items:
        if item.side == side and item.start < span.end and span.start < item.end:
            line = f"{key.category_name(item.category)}" + (f": {item.note}" if item.note else "")
            if line not in notes:
                notes.append(line)
    return notes


def _text_section(side: Side, text: str, title: str, spans: list[Shown], key: AnswerKey | None,
                  number: int) -> tuple[list[str], int]:
    out = [f"<h2>{'Left' if side == 'left' else 'Right'} text: {html.escape(title)}</h2>"]
    if not spans:
        out.append("<p class='gap'>Nothing marked in this text.</p>")
        return out, number
    items: list[str] = []
    last_paragraph = -1
    index = 0
    for p, (p_start, p_end) in enumerate(_paragraphs(text)):
        inside = [s for s in spans if s.start < p_end and p_start < s.end]
        if not inside:
            continue
        if last_paragraph >= 0 and p > last_paragraph + 1:
            out.append("<p class='gap'>…</p>")
        last_paragraph = p
        parts, cursor = [], p_start
        for span in inside:
            start, end = max(span.start, p_start), min(span.end, p_end)
            parts.append(html.escape(text[cursor:start]))
            symbol = KINDS[span.kind][0]
            if span.start >= p_start:  # numbered where it starts
                number += 1
                index = number
                words = html.escape(text[span.start:span.end])
                notes = "".join(f"<br><span class='note'>{html.escape(n)}</span>" for n in notes_for(span, side, key))
                items.append(f"<li value='{index}'>{symbol} <b>“{words}”</b> — {KINDS[span.kind][1]}{notes}</li>")
            parts.append(f"<span class='{span.kind}'>{html.escape(text[start:end])}</span><sup>{symbol}{index}</sup>")
            cursor = end
        parts.append(html.escape(text[cursor:p_end]))
        out.append("<p>" + "".join(parts) + "</p>")
    out.append("<ol>" + "".join(items) + "</ol>")
    return out, number


def attempt_html(marks: list[StudentMark], texts: Mapping[Side, str], titles: Mapping[Side, str],
                 result: ExerciseResult | None = None, key: AnswerKey | None = None,
                 student: str = "") -> str:
    """The whole page (every text from a file escaped); `result` and `key` once checked."""
    head = ["<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
            "<title>Spot the framing — attempt</title>", f"<style>{CSS}</style></head><body>",
            "<h1>Spot the framing</h1>"]
    if student:
        head.append(f"<p>{html.escape(student)}</p>")
    if result is not None:
        head.append(f"<p class='summary'>{html.escape(result.summary())}</p>")
        rows = "".join(f"<tr><td>{'Left' if side == 'left' else 'Right'} text</td><td>{t.found} of {t.key_size}</td>"
                       f"<td>{t.yours_only}</td></tr>" for side, t in result.by_side.items())
        head.append(f"<table><tr><th></th><th>Found</th><th>Yours only</th></tr>{rows}</table>")
        if result.by_category and key is not None:
            cats = "".join(f"<tr><td>{html.escape(key.category_name(c))}</td><td>{t.found} of {t.key_size}</td></tr>"
                           for c, t in result.by_category.items())
            head.append(f"<table><tr><th>Category</th><th>Found</th></tr>{cats}</table>")
        head.append("<p class='gap'>The key is the lexicon's (or the teacher's) marks: a word marked "
                    "“yours only” may still be loaded — say why.</p>")
    else:
        head.append(f"<p class='summary'>{len(marks)} word{'s' * (len(marks) != 1)} or phrases marked (not checked yet)</p>")
    kinds = ("found", "yours", "missed") if result is not None else ("mark",)
    head.append("<p>" + " &nbsp; ".join(f"<span class='{k}'>{KINDS[k][0]} example</span> {KINDS[k][1]}"
                                        for k in kinds) + "</p>")
    body: list[str] = []
    number = 0
    for side in SIDES:
        if side in texts:
            section, number = _text_section(side, texts[side], titles.get(side, ""),
                                            display_spans(side, list(marks), result), key, number)
            body.extend(section)
    return "\n".join(head + body + ["</body></html>"])
