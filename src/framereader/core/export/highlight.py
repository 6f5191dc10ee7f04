"""The texts of the handout: highlighted HTML (entities as tints, framing terms underlined and
numbered after each term, so categories stay apart in grey print), or a clean copy with line
numbers for reading cold."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from dataclasses import dataclass

from ..categories import CategoryStyle
from ..model import Analysis
from ..palette import print_tint, shade
from ..kinds import label_singular
from .markup import css_ident, esc
from .options import HandoutOptions

#: Characters per line of the read-cold copy: short enough to fit the printed width in any
#: common serif at 10.5 pt on A4 or Letter, so the printed lines are the numbered lines.
COLD_LINE_CHARS = 78
#: Every how many lines a number is printed in the read-cold copy.
COLD_NUMBER_EVERY = 5

ENTITY_TINT = 0.35  # kept for callers; the print tint is `palette.print_tint`
#: Text colour of body text in print.
INK = "#1a1a1a"
#: Text colour of a passage the reader left out of the analysis, and what follows it.
OMITTED_INK = "#777777"
OMITTED_NOTE = "[omitted from analysis]"


def qt_code(cat: CategoryStyle) -> str:
    """A text colour indistinguishable from ink that names the category of a framing term in
    the Qt variant, where the PDF renderer gives it its underline style and colour (Qt's HTML
    reader ignores `text-decoration-style`); categories past 255 share ink."""
    return f"#1b1a{cat.index:02x}" if cat.index < 256 else INK


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    kind: str  # "ent", "frame" or "omit" (a passage the reader excluded)
    key: str  # entity label or category id
    title: str
    rank: tuple[object, ...]


def _spans(analysis: Analysis, cats: Mapping[str, CategoryStyle], options: HandoutOptions) -> list[_Span]:
    n = len(analysis.text)
    spans: list[_Span] = [_Span(max(0, a), min(n, b), "omit", "", "Omitted from the analysis by the reader",
                                (-1, a, -b)) for a, b in analysis.excluded if max(0, a) < min(n, b)]
    for e in analysis.entities:
        start, end = max(0, e.start), min(n, e.end)
        if start < end and options.shows_label(e.label):
            spans.append(_Span(start, end, "ent", e.label, kind_title(e.label), (0, start, -end, e.label)))
    for f in analysis.framing:
        start, end = max(0, f.start), min(n, f.end)
        if start < end and options.shows_category(f.category):
            cat = cats[f.category]
            title = f"{cat.number}. {cat.name}: {f.term}"
            if f.scare:
                title += " (in the writer's scare quotes: not the writer's own choice)"
            elif f.quoted:
                title += f" (quoted: {f.speaker}'s words)" if f.speaker else " (inside a quotation)"
            spans.append(_Span(start, end, "quoted" if f.quoted else "frame", f.category, title,
                               (1, start, -end, cat.index, f.term)))
    return spans


def kind_title(label: str) -> str:
    """The hover title of a name in the web handout: its kind in plain words."""
    return label_singular(label)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """[start, end) of each non-empty line (the handout prints a line of the text as a paragraph)."""
    out, start = [], 0
    for line in text.split("\n"):
        if line:
            out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def highlighted_html(
    analysis: Analysis,
    cats: Mapping[str, CategoryStyle],
    colours: Mapping[str, str] | None,
    options: HandoutOptions,
    for_qt: bool,
) -> str:
    """One `<p class="para" data-offset=…>` per line of the text, split at every span boundary;
    each segment wrapped in its active spans (a span across lines is reopened in each). A
    framing term is followed by its category number (`<sup class="tag mark">`)."""
    text = analysis.text
    spans = _spans(analysis, cats, options)
    palette = dict(colours) if colours else None
    spans.sort(key=lambda s: s.start)
    out: list[str] = []
    pending, inside = 0, []  # spans[pending:] start later; `inside` may overlap this line
    for p_start, p_end in _paragraphs(text):
        while pending < len(spans) and spans[pending].start < p_end:
            inside.append(spans[pending])
            pending += 1
        inside = [s for s in inside if s.end > p_start]
        bounds = sorted({p_start, p_end, *(max(p_start, s.start) for s in inside), *(min(p_end, s.end) for s in inside)})
        out.append(f'<p class="para" data-offset="{p_start}">')
        for a, b in zip(bounds, bounds[1:]):
            active = sorted((s for s in inside if s.start <= a and s.end >= b), key=lambda s: s.rank)
            segment = esc(text[a:b])
            if not active:
                out.append(segment)
                continue
            opened: list[str] = []
            closing: list[str] = []
            for s in active:
                if s.kind == "omit":
                    style = f' style="color: {OMITTED_INK}"' if for_qt else ""
                    opened.append(f'<span class="omitted" title="{esc(s.title)}"{style}>')
                    closing.append((f' <span class="small omitted-note"{style}>{OMITTED_NOTE}</span>'
                                    if s.end == b else "") + "</span>")
                elif s.kind == "ent":
                    style = f' style="background-color: {print_tint(s.key, palette)}"' if for_qt else ""
                    opened.append(
                        f'<span class="ent ent-{css_ident(s.key)}" data-label="{esc(s.key)}"'
                        f' title="{esc(s.title)}"{style}>'
                    )
                    closing.append("</span>")
                else:
                    cat = cats[s.key]
                    quoted = s.kind == "quoted"
                    style = (f' style="text-decoration: underline {"dotted" if quoted else ""}; color: '
                             f'{shade(cat.colour, 0.45) if quoted else qt_code(cat)}"' if for_qt else "")
                    opened.append(
                        f'<span class="frame {cat.css}{" quoted" if quoted else ""}" data-category="{esc(s.key)}"'
                        f' title="{esc(s.title)}"{style}>'
                    )
                    mark = ""
                    if s.end == b:
                        mark = (
                            f'<sup class="tag mark" style="color: {shade(cat.colour, 0.55)}; '
                            f'text-decoration: none">{cat.number}</sup>'
                        )
                    closing.append(mark + "</span>")
            out.append("".join(opened) + segment + "".join(reversed(closing)))
        out.append("</p>")
    return "".join(out)


def cold_lines(text: str, width: int = COLD_LINE_CHARS) -> list[tuple[str, bool]]:
    """The text wrapped at `width` characters: (line, whether it starts a paragraph)."""
    lines: list[tuple[str, bool]] = []
    for paragraph in text.split("\n"):
        if paragraph.strip():
            wrapped = textwrap.wrap(paragraph, width, break_long_words=True, break_on_hyphens=False)
            lines.extend((line, i == 0) for i, line in enumerate(wrapped))
    return lines


def cold_html(analysis: Analysis, side: str) -> str:
    """A clean copy: no highlights, one paragraph per printed line, a number every fifth line."""
    out: list[str] = [f'<div class="text cold" data-side="{side}">']
    for number, (line, starts) in enumerate(cold_lines(analysis.text), start=1):
        shown = str(number) if number % COLD_NUMBER_EVERY == 0 else ""
        cls = "line gap" if starts and number > 1 else "line"
        out.append(
            f'<p class="{cls}"><span class="tag ln">{shown.rjust(3).replace(" ", "&nbsp;")}</span>'
            f"&nbsp;&nbsp;&nbsp;{esc(line)}</p>"
        )
    out.append("</div>")
    return "".join(out)
