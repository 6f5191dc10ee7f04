"""The printable, self-contained HTML handout, assembled from the sections `HandoutOptions` picks.

The handout has no scripts and no external resources (no `<link>`, `<img>`, `src`/`href`), and
never contains the text "http:"/"https:": URLs inside the articles are shown with their colon
written as the character reference `&#58;`, which reads the same but cannot act as a link.

`for_qt=True` produces the variant the UI prints to PDF through `QTextDocument`: a table instead
of a CSS grid for the two columns, an HTML-table bar chart instead of inline SVG, sizes in points
and inline colours. Tables the reader should see whole carry the class `keep`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Concatenate, ParamSpec

from ..platform.atomic import atomic_write_text
from ... import __version__
from ..categories import CategoryStyle, category_styles, fallback_style, numbered
from ..comparison.compare import Comparison
from ..model import Analysis
from ..palette import entity_colour, entity_pattern, print_tint, shade, tint
from .chart import svg_chart, table_chart
from .glossary import glossary_html
from .highlight import ENTITY_TINT, cold_html, highlighted_html
from .markup import css_ident, defuse, display_name, esc, plural
from .options import MODES, HandoutOptions
from .voices_table import voices_html
from .word_choice_html import word_choice_html
from .sections import (
    actors_html,
    agency_html,
    has_agency,
    legend_html,
    questions_html,
    terms_html,
    visible_rows,
)

_P = ParamSpec("_P")
#: Category styles, or the older {id: {"name", "colour", "description"}} mapping.
Categories = Sequence[CategoryStyle] | Mapping[str, Mapping[str, str]]
#: Body type in print, in points (the issue asks for at least 10).
BODY_PT = 10.0
TABLE_PT = 10.0
SMALL_PT = 9.5


def document_heading(document: Any, fallback: str = "untitled") -> tuple[str, str]:
    """(title, byline) of a document: its (edited) `meta.title`, else its file name ("Pasted
    text" for a paste; `fallback` without a document), and a byline of its author, outlet and
    date ("" when it has none)."""
    meta = getattr(document, "meta", None)
    title = str(getattr(meta, "title", "") or "").strip()
    if not title:
        source = getattr(document, "source", None)
        title = display_name(source) if isinstance(source, str) and source else ""
        title = title or str(getattr(document, "name", "") or "") or fallback
    parts = [str(getattr(meta, key, "") or "").strip() for key in ("author", "site", "date")]
    return title, " · ".join(p for p in parts if p)


def resolve_categories(
    categories: Categories | None, comparison: Comparison, analyses: Sequence[Analysis]
) -> dict[str, CategoryStyle]:
    """Category id → style for every category the comparison or the texts use."""
    extra = [row.category for row in comparison.profile]
    for analysis in analyses:
        extra += sorted({f.category for f in analysis.framing})
    if isinstance(categories, Mapping):  # the older mapping: one lexicon-like object
        lexicon = SimpleNamespace(categories=[SimpleNamespace(id=cid, **dict(info)) for cid, info in categories.items()])
        return {s.id: s for s in category_styles([lexicon], extra)}
    styles = {s.id: s for s in categories or ()}
    index = max((s.index for s in styles.values()), default=-1) + 1
    for cid in extra:
        if cid not in styles:
            styles[cid] = fallback_style(cid, index)
            index += 1
    return styles


def pattern_css(pattern: str, colour: str) -> str:
    """CSS drawing an entity kind's grey-print pattern (`palette.ENTITY_PATTERNS`) in a darker
    tint of `colour` over its light tint; "" for a plain tint."""
    ink = tint(colour, 0.75)
    lines = {
        "horizontal": ("0deg",), "vertical": ("90deg",), "diagonal": ("45deg",), "back-diagonal": ("-45deg",),
        "cross": ("0deg", "90deg"), "diagonal-cross": ("45deg", "-45deg"),
    }
    if pattern in lines:
        layers = ", ".join(f"repeating-linear-gradient({angle}, {ink} 0 1px, transparent 1px 4px)"
                           for angle in lines[pattern])
        return f"background-image: {layers}; "
    if pattern in ("dots", "sparse-dots"):
        size = 4 if pattern == "dots" else 7
        return (f"background-image: radial-gradient(circle, {ink} 1px, transparent 1.3px); "
                f"background-size: {size}px {size}px; ")
    return ""


def colophon_text(left: Analysis, right: Analysis) -> str:
    """The handout's small print: the app, the language model and its version."""
    models = sorted({f"{a.model.name} {a.model.version}".strip() for a in (left, right)})
    return (f"Made with FrameReader {__version__}. Names found by the language model {', '.join(models)}; "
            "framing terms from the lexicons in use.")


def handout_categories(categories: Categories | None, comparison: Comparison, analyses: Sequence[Analysis],
                       options: HandoutOptions) -> dict[str, CategoryStyle]:
    """The category styles of a handout, numbered 1…n in legend order over the categories it
    lists (then the others), so its legend, texts and chart never skip a number."""
    cats = resolve_categories(categories, comparison, analyses)
    return numbered(cats, [row.category for row in visible_rows(comparison, options)])


def _css(cats: Iterable[CategoryStyle], labels: Iterable[str], colours: Mapping[str, str] | None,
         options: HandoutOptions, for_qt: bool) -> str:
    palette = dict(colours) if colours else None
    line = "line-height: 125%;" if for_qt else "line-height: 1.4;"  # Qt reads percentages only
    rules = [
        f"body {{ font-family: Georgia, 'Times New Roman', serif; color: #1a1a1a; margin: 16px; "
        f"font-size: {BODY_PT}pt; }}",
        f"p {{ {line} }} p.para {{ margin-top: 0; margin-bottom: 3px; }}",
        "h1 { font-size: 1.5em; margin: 0 0 4px 0; } h2 { font-size: 1.2em; margin: 14px 0 4px 0; "
        "border-bottom: 1px solid #888; } h3 { font-size: 1.05em; margin: 8px 0 3px 0; }",
        ".meta { color: #333; margin: 0 0 6px 0; }",
        ".columns { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; }",
        "table.columns td { vertical-align: top; width: 50%; padding: 0 6px; }",
        ".text { white-space: pre-wrap; }",
        ".colhead { font-family: Helvetica, Arial, sans-serif; font-weight: bold; "
        "border-bottom: 2px solid #333; margin-bottom: 2px; }",
        ".byline { font-style: italic; }",
        ".ent { padding: 0 1px; border-radius: 3px; }",
        # Qt prints a superscript at 2/3 of its size: 11.5 pt keeps the category numbers legible.
        ".mark { font-family: Helvetica, Arial, sans-serif; font-weight: bold; "
        + ("font-size: 11.5pt; }" if for_qt else "font-size: 0.75em; }"),
        f".omitted {{ color: #777777; }} .omitted-note {{ font-family: Helvetica, Arial, sans-serif; "
        f"font-style: italic; font-size: {SMALL_PT}pt; }}",
        ".frame { text-decoration-line: underline; text-decoration-thickness: 2px; text-decoration-skip-ink: none; }",
        ".frame.quoted { text-decoration-thickness: 1px; opacity: 0.75; }",
        f"table.data {{ border-collapse: collapse; font-family: Helvetica, Arial, sans-serif; font-size: {TABLE_PT}pt; "
        "margin: 4px 0 6px 0; }",
        "table.data th, table.data td { border: 1px solid #999; padding: 2px 5px; text-align: left; vertical-align: top; }",
        "table.data th { background-color: #eeeeee; } td.num { text-align: right; }",
        "table.data table.bar td { border: 0; padding: 0; }",
        ".chart { max-width: 100%; height: auto; font-family: Helvetica, Arial, sans-serif; }",
        f".small {{ font-size: {SMALL_PT}pt; color: #333; }}",
        ".cold p.line { margin: 0; } .cold p.gap { margin-top: 5px; }",
        ".ln { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; color: #555; }",
        "ol.questions li { margin-bottom: 4px; }",
    ]
    for label in sorted(set(labels)):
        colour = entity_colour(label, palette)
        rules.append(
            f".ent-{css_ident(label)} {{ background-color: {print_tint(label, palette)}; "
            f"{pattern_css(entity_pattern(label), colour)}box-shadow: inset 0 -1px 0 {shade(colour, 0.8)}; }}"
        )
    for cat in cats:
        offset = 2 + (cat.index % 3) * 2
        rules.append(
            f".{cat.css} {{ text-decoration-style: {cat.underline}; text-decoration-color: {cat.colour}; "
            f"text-underline-offset: {offset}px; background-color: {tint(cat.colour, 0.18)}; }}"
        )
    orientation = "landscape" if options.landscape else "portrait"
    rules.append(
        f"@page {{ size: {options.paper} {orientation}; margin: 12mm; }}\n"
        "@media print {\n"
        f"  body {{ margin: 0; font-size: {BODY_PT}pt; }}\n"
        "  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
        "  h2, h3 { page-break-after: avoid; break-after: avoid; }\n"
        "  .keep, table.data tr { page-break-inside: avoid; break-inside: avoid; }\n"
        "  .columns { gap: 7mm; }\n"
        "}"
    )
    return "\n".join(rules)


def _column_head(side: str, analysis: Analysis, title: str, byline: str, options: HandoutOptions) -> str:
    framing = len(analysis.framing)
    counts = plural(analysis.words, "word") if options.mode == "cold" else (
        f"{plural(analysis.words, 'word')} · {plural(framing, 'framing term')} · {plural(len(analysis.entities), 'name')}"
    )
    if analysis.excluded:
        counts += f" · {plural(len(analysis.excluded), 'passage')} omitted from the analysis by the reader"
    by = f'<div class="small byline">{esc(byline)}</div>' if byline else ""
    note = f'<div class="small">{esc(analysis.model.note)}</div>' if analysis.model.note else ""
    return f'<div class="colhead">{side}: {esc(title)}</div>{by}<div class="small">{counts}</div>{note}'


def _texts(left: Analysis, right: Analysis, heads: tuple[str, str], cats: Mapping[str, CategoryStyle],
           colours: Mapping[str, str] | None, options: HandoutOptions, for_qt: bool) -> str:
    if options.mode == "cold":
        return (
            '<h2 id="texts">The two texts</h2>'
            '<p class="small">Line numbers are for discussion (“in line 15 the writer says…”).</p>'
            f"{heads[0]}{cold_html(left, 'left')}"
            f'<div class="gap"></div>{heads[1]}{cold_html(right, "right")}'
        )
    left_text = highlighted_html(left, cats, colours, options, for_qt)
    right_text = highlighted_html(right, cats, colours, options, for_qt)
    intro = '<p class="small">Shown as on screen: what was hidden there is not highlighted here.</p>' \
        if options.mode == "screen" else ""
    if for_qt:
        columns = (
            '<table class="columns" width="100%" cellspacing="0" cellpadding="4"><tr>'
            f'<td class="text-col" width="50%" valign="top">{heads[0]}'
            f'<div class="text" data-side="left">{left_text}</div></td>'
            f'<td class="text-col" width="50%" valign="top">{heads[1]}'
            f'<div class="text" data-side="right">{right_text}</div></td>'
            "</tr></table>"
        )
    else:
        columns = (
            '<div class="columns">'
            f'<div class="text-col">{heads[0]}<div class="text" data-side="left">{left_text}</div></div>'
            f'<div class="text-col">{heads[1]}<div class="text" data-side="right">{right_text}</div></div>'
            "</div>"
        )
    return f'<h2 id="texts">The two texts</h2>{intro}{columns}'


def render_handout_html(
    left: Analysis,
    right: Analysis,
    comparison: Comparison,
    categories: Categories | None = None,
    entity_colours: Mapping[str, str] | None = None,
    *,
    options: HandoutOptions | None = None,
    title: str | None = None,
    documents: tuple[Any, Any] | None = None,
    for_qt: bool = False,
    with_colophon: bool = True,
) -> str:
    """A self-contained HTML handout of the sections `options` chooses (default: both texts,
    legend, actors, agency when the comparison has it, framing chart and discussion questions).

    `categories`: the category styles (`category_styles(lexicons)`; the older id → {"name",
    "colour", "description"} mapping is accepted); `entity_colours` maps entity label → #rrggbb
    (default: `palette.ENTITY_COLOURS`); `documents` (left, right) give the titles and bylines
    (`document.meta` when present, else the file names). The model and version are in small
    print at the end (`colophon_text`); `with_colophon=False` leaves them to the caller (the
    PDF prints them in the last page's footer).
    """
    options = options or HandoutOptions()
    cats = handout_categories(categories, comparison, (left, right), options)
    docs = documents or (None, None)
    (left_title, left_by), (right_title, right_by) = (
        document_heading(doc, display_name(a.source)) for doc, a in zip(docs, (left, right))
    )
    heading = title or "How two texts frame the same events"
    labels = {e.label for e in left.entities} | {e.label for e in right.entities}
    colophon = f'<p class="small colophon">{esc(colophon_text(left, right))}</p>' if with_colophon else ""
    heads = (_column_head("Left", left, left_title, left_by, options),
             _column_head("Right", right, right_title, right_by, options))
    rows = sorted(visible_rows(comparison, options), key=lambda r: cats[r.category].number)
    chart = table_chart if for_qt else svg_chart
    builders: dict[str, Callable[[], str]] = {
        "legend": lambda: legend_html(left, right, comparison, cats, entity_colours, options, for_qt),
        "texts": lambda: _texts(left, right, heads, cats, entity_colours, options, for_qt),
        "actors": lambda: actors_html(comparison, options),
        "agency": lambda: agency_html(comparison, options) if has_agency(comparison) else "",
        "chart": lambda: (
            '<h2 id="chart">Framing profile</h2>'
            '<p class="small">How often each text uses each framing category, per 1,000 words (count in '
            f"brackets), for the categories found{', with the most used terms' if for_qt else ''}.</p>"
            + chart(rows, cats, left_title, right_title)
            + (terms_html(rows, cats) if rows and not for_qt else "")
        ),
        "voices": lambda: voices_html(comparison, options),
        "wordchoice": lambda: word_choice_html(comparison),
        "questions": lambda: questions_html(comparison, cats, options),
        "glossary": lambda: glossary_html(labels),
    }
    parts = [builders[section]() for section in options.sections]
    page = (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f"<title>{esc(heading)}</title>\n<style>\n{_css(cats.values(), labels, entity_colours, options, for_qt)}\n</style>"
        "</head>\n<body>\n"
        f"<h1>{esc(heading)}</h1>\n"
        f'<p class="meta">Left: <b>{esc(left_title)}</b> ({plural(left.words, "word")}). Right: <b>{esc(right_title)}</b> '
        f"({plural(right.words, 'word')}). {esc(MODES[options.mode])}.</p>\n"
        + "\n".join(parts)
        + (f"\n{colophon}" if colophon else "")
        + "\n</body></html>\n"
    )
    return defuse(page)


def _written(render: Callable[_P, str]) -> Callable[Concatenate[str | Path, _P], int]:
    """A writer taking a path and then `render`'s arguments: `render(...)` written there
    atomically; returns how many characters that cannot be written were replaced."""

    def write(path: str | Path, /, *args: _P.args, **kwargs: _P.kwargs) -> int:
        return atomic_write_text(path, render(*args, **kwargs))

    return write


#: `export_html(path, <the arguments of render_handout_html>)`: the handout written to `path` atomically.
export_html = _written(render_handout_html)
