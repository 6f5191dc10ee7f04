"""Exports: the comparison as JSON, and a printable, self-contained HTML handout.

The handout has no scripts and no external resources (no `<link>`, `<img>`, `src`/`href`), and
never contains the text "http:"/"https:": URLs inside the articles are shown with their colon
written as the character reference `&#58;`, which reads the same but cannot act as a link.

`render_handout_html(..., for_qt=True)` produces the variant the UI prints to PDF through
`QTextDocument`: a table instead of a CSS grid for the two columns, an HTML-table bar chart
instead of inline SVG, and small category numbers after framing terms (Qt cannot draw dashed or
wavy underlines, so the numbers keep categories apart in greyscale).
"""

from __future__ import annotations

import html
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .atomic import atomic_write_text
from .compare import Actor, Comparison, comparison_to_json, rank_descriptors
from .model import Analysis, Descriptor
from .palette import category_colour, entity_colour, shade, tint, underline_style

CategoriesMeta = Mapping[str, Mapping[str, str]]

_SCHEME_RE = re.compile(r"(?i)(https?|ftp|file|javascript|data|mailto)(:)")


# --------------------------------------------------------------------------------------------
# JSON


def export_json(path: str | Path, left: Analysis, right: Analysis, comparison: Comparison) -> None:
    """Write `comparison_to_json(left, right, comparison)` to `path` atomically (UTF-8, indented)."""
    data = comparison_to_json(left, right, comparison)
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


# --------------------------------------------------------------------------------------------
# Helpers


def _esc(text: Any) -> str:
    """HTML-escape, and defuse URL schemes so no "http:" text reaches the output."""
    return _SCHEME_RE.sub(r"\1&#58;", html.escape(str(text), quote=True))


def _text_html(text: str) -> str:
    return _esc(text).replace("\n", "<br>")


def _css_ident(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", value) or "_"


def _display_name(source: str) -> str:
    if source in ("clipboard", "untitled") or not source:
        return source or "untitled"
    return Path(source).name or source


def _fmt(value: float) -> str:
    return f"{value:.1f}" if value < 100 else f"{value:.0f}"


def categories_meta(lexicons: Iterable[Any]) -> dict[str, dict[str, str]]:
    """`categories_meta` for the handout from loaded lexicons (duck-typed: `.categories` with
    `id`, `name`, `colour`, `description`), in lexicon order; the first category of an id wins."""
    meta: dict[str, dict[str, str]] = {}
    for lexicon in lexicons:
        for category in getattr(lexicon, "categories", ()):
            meta.setdefault(
                category.id,
                {
                    "name": getattr(category, "name", category.id) or category.id,
                    "colour": getattr(category, "colour", "") or "",
                    "description": getattr(category, "description", "") or "",
                },
            )
    return meta


@dataclass(frozen=True)
class _Cat:
    id: str
    index: int
    name: str
    colour: str
    description: str
    style: str

    @property
    def css(self) -> str:
        return f"fr-{self.index}"


def _categories(
    meta: CategoriesMeta | None, comparison: Comparison, analyses: Sequence[Analysis]
) -> dict[str, _Cat]:
    ids = list(meta or {})
    ids += [row.category for row in comparison.profile if row.category not in ids]
    for analysis in analyses:
        ids += sorted({f.category for f in analysis.framing} - set(ids))
    cats: dict[str, _Cat] = {}
    for index, cid in enumerate(ids):
        info = (meta or {}).get(cid, {})
        cats[cid] = _Cat(
            id=cid,
            index=index,
            name=str(info.get("name") or cid),
            colour=category_colour(index, info.get("colour")),
            description=str(info.get("description") or ""),
            style=underline_style(index),
        )
    return cats


# --------------------------------------------------------------------------------------------
# Highlighted text


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    kind: str  # "ent" or "frame"
    key: str  # entity label or category id
    title: str
    rank: tuple


def _spans(analysis: Analysis, cats: Mapping[str, _Cat]) -> list[_Span]:
    n = len(analysis.text)
    spans: list[_Span] = []
    for e in analysis.entities:
        start, end = max(0, e.start), min(n, e.end)
        if start < end:
            spans.append(_Span(start, end, "ent", e.label, e.label, (0, start, -end, e.label)))
    for f in analysis.framing:
        start, end = max(0, f.start), min(n, f.end)
        if start < end:
            cat = cats[f.category]
            title = f"{cat.name}: {f.term}"
            spans.append(_Span(start, end, "frame", f.category, title, (1, start, -end, cat.index, f.term)))
    return spans


def _highlighted(
    analysis: Analysis, cats: Mapping[str, _Cat], colours: Mapping[str, str] | None, for_qt: bool
) -> str:
    """The text split at every span boundary; each segment wrapped in its active spans."""
    text = analysis.text
    spans = _spans(analysis, cats)
    bounds = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    starting: dict[int, list[_Span]] = {}
    for s in spans:
        starting.setdefault(s.start, []).append(s)
    active: list[_Span] = []
    out: list[str] = []
    for a, b in zip(bounds, bounds[1:]):
        active = [s for s in active if s.end > a] + starting.get(a, [])
        active.sort(key=lambda s: s.rank)
        segment = _text_html(text[a:b])
        if not active:
            out.append(segment)
            continue
        opened: list[str] = []
        closing: list[str] = []
        for s in active:
            if s.kind == "ent":
                colour = entity_colour(s.key, dict(colours) if colours else None)
                style = f' style="background-color: {tint(colour, 0.35)}"' if for_qt else ""
                opened.append(
                    f'<span class="ent ent-{_css_ident(s.key)}" data-label="{_esc(s.key)}"'
                    f' title="{_esc(s.title)}"{style}>'
                )
                tag = ""
                if s.end == b:
                    space = "\u2009" if for_qt else ""  # Qt ignores margins on inline elements
                    tag = f'<span class="tag" style="color: {shade(colour, 0.45)}">{space}{_esc(s.key)}</span>'
                closing.append(tag + "</span>")
            else:
                cat = cats[s.key]
                style = (
                    f' style="text-decoration: underline; background-color: {tint(cat.colour, 0.2)}"'
                    if for_qt
                    else ""
                )
                opened.append(
                    f'<span class="frame {cat.css}" data-category="{_esc(s.key)}"'
                    f' title="{_esc(s.title)}"{style}>'
                )
                mark = ""
                if for_qt and s.end == b:
                    mark = f'<sup class="tag mark" style="color: {shade(cat.colour, 0.6)}">{cat.index + 1}</sup>'
                closing.append(mark + "</span>")
        out.append("".join(opened) + segment + "".join(reversed(closing)))
    return "".join(out)


# --------------------------------------------------------------------------------------------
# Sections


def _css(cats: Mapping[str, _Cat], labels: Iterable[str], colours: Mapping[str, str] | None) -> str:
    rules = [
        "body { font-family: Georgia, 'Times New Roman', serif; color: #1a1a1a; margin: 16px; "
        "line-height: 1.5; }",
        "h1 { font-size: 1.5em; margin: 0 0 4px 0; } h2 { font-size: 1.15em; margin: 18px 0 6px 0; "
        "border-bottom: 1px solid #888; } h3 { font-size: 1em; margin: 10px 0 4px 0; }",
        ".meta { color: #444; font-size: 0.85em; margin: 0 0 8px 0; }",
        ".columns { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; }",
        "table.columns { display: table; width: 100%; border-collapse: collapse; }",
        "table.columns td { vertical-align: top; width: 50%; padding: 0 8px; }",
        ".text { white-space: pre-wrap; font-size: 0.95em; }",
        ".colhead { font-family: Helvetica, Arial, sans-serif; font-weight: bold; font-size: 0.95em; "
        "border-bottom: 2px solid #333; margin-bottom: 4px; }",
        ".ent { padding: 0 1px; border-radius: 3px; -webkit-box-decoration-break: clone; "
        "box-decoration-break: clone; }",
        ".tag { font-family: Helvetica, Arial, sans-serif; font-size: 0.6em; font-weight: bold; "
        "letter-spacing: 0.03em; margin-left: 2px; vertical-align: 0.15em; }",
        ".frame { text-decoration-line: underline; text-decoration-thickness: 2px; "
        "text-decoration-skip-ink: none; }",
        "table.data { border-collapse: collapse; font-family: Helvetica, Arial, sans-serif; "
        "font-size: 0.85em; margin: 4px 0 8px 0; }",
        "table.data th, table.data td { border: 1px solid #999; padding: 2px 6px; text-align: left; "
        "vertical-align: top; }",
        "table.data th { background-color: #eeeeee; } td.num { text-align: right; }",
        "table.data table.bar td { border: 0; padding: 0; }",
        ".chart { max-width: 100%; height: auto; font-family: Helvetica, Arial, sans-serif; }",
        ".small { font-size: 0.85em; color: #444; }",
    ]
    for label in sorted(set(labels)):
        colour = entity_colour(label, dict(colours) if colours else None)
        rules.append(
            f".ent-{_css_ident(label)} {{ background-color: {tint(colour, 0.35)}; "
            f"box-shadow: inset 0 -1px 0 {shade(colour, 0.8)}; }}"
        )
    for cat in cats.values():
        offset = 2 + (cat.index % 3) * 2
        rules.append(
            f".{cat.css} {{ text-decoration-style: {cat.style}; text-decoration-color: {cat.colour}; "
            f"text-underline-offset: {offset}px; background-color: {tint(cat.colour, 0.18)}; }}"
        )
    rules.append(
        "@page { size: A4 landscape; margin: 12mm; }\n"
        "@media print {\n"
        "  body { margin: 0; font-size: 9pt; line-height: 1.4; }\n"
        "  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
        "  h2, h3 { page-break-after: avoid; break-after: avoid; }\n"
        "  table.data tr, .chart, .legend { page-break-inside: avoid; break-inside: avoid; }\n"
        "  .columns { gap: 8mm; }\n"
        "  .section { page-break-before: always; break-before: page; }\n"
        "}"
    )
    return "\n".join(rules)


def _column_head(analysis: Analysis) -> str:
    framing = sum(analysis.framing_counts.values()) if analysis.framing_counts else len(analysis.framing)
    note = f'<div class="small">{_esc(analysis.model.note)}</div>' if analysis.model.note else ""
    return (
        f'<div class="colhead">{_esc(_display_name(analysis.source))}</div>'
        f'<div class="small">{analysis.words} words · {len(analysis.entities)} entities · '
        f"{framing} framing terms</div>{note}"
    )


def _legend(
    left: Analysis, right: Analysis, comparison: Comparison, cats: Mapping[str, _Cat],
    colours: Mapping[str, str] | None, for_qt: bool,
) -> str:
    lc, rc = Counter(e.label for e in left.entities), Counter(e.label for e in right.entities)
    rows = []
    for label in sorted(set(lc) | set(rc), key=lambda l: (-(lc[l] + rc[l]), l)):
        colour = entity_colour(label, dict(colours) if colours else None)
        style = f' style="background-color: {tint(colour, 0.35)}"' if for_qt else ""
        sample = (
            f'<span class="ent ent-{_css_ident(label)}"{style}>Name'
            f'<span class="tag" style="color: {shade(colour, 0.45)}">{_esc(label)}</span></span>'
        )
        rows.append(f'<tr><td>{sample}</td><td class="num">{lc[label]}</td><td class="num">{rc[label]}</td></tr>')
    entities = (
        '<table class="data legend"><tr><th>Entity type</th><th>Left</th><th>Right</th></tr>'
        + ("".join(rows) or '<tr><td colspan="3">No named entities.</td></tr>')
        + "</table>"
    )
    rows = []
    for row in comparison.profile:
        cat = cats[row.category]
        style = f' style="text-decoration: underline; background-color: {tint(cat.colour, 0.2)}"' if for_qt else ""
        mark = f"<sup>{cat.index + 1}</sup>" if for_qt else ""
        sample = f'<span class="frame {cat.css}" data-category="{_esc(cat.id)}"{style}>{_esc(cat.name)}</span>{mark}'
        underline = "" if for_qt else f"<td>{_esc(cat.style)}</td>"
        rows.append(
            f"<tr><td>{sample}</td>{underline}<td>{_esc(cat.description)}</td>"
            f'<td class="num">{row.left_count} ({_fmt(row.left_density)})</td>'
            f'<td class="num">{row.right_count} ({_fmt(row.right_density)})</td></tr>'
        )
    underline_head = "" if for_qt else "<th>Underline</th>"
    framing = (
        f'<table class="data legend"><tr><th>Framing category</th>{underline_head}<th>Description</th>'
        "<th>Left: n (per 1,000 words)</th><th>Right: n (per 1,000 words)</th></tr>"
        + ("".join(rows) or '<tr><td colspan="5">No framing categories.</td></tr>')
        + "</table>"
    )
    return f"<h2>Legend</h2>{entities}{framing}"


def _descriptor_summary(descriptors: Sequence[Descriptor], limit: int = 10) -> str:
    if not descriptors:
        return '<span class="small">—</span>'
    relations: dict[str, str] = {}
    for d in descriptors:
        relations.setdefault(d.label, d.relation)
    ranked = rank_descriptors(descriptors)
    parts = [
        f'{_esc(word)}{f" ×{n}" if n > 1 else ""} <span class="small">({_esc(relations[word])})</span>'
        for word, n in ranked[:limit]
    ]
    if len(ranked) > limit:
        parts.append(f'<span class="small">+{len(ranked) - limit} more</span>')
    return ", ".join(parts)


def _actors_table(comparison: Comparison, left_name: str, right_name: str) -> str:
    def table(actors: Sequence[Actor], empty: str) -> str:
        if not actors:
            return f'<p class="small">{_esc(empty)}</p>'
        rows = "".join(
            f"<tr><td>{_esc(a.name)}</td><td>{_esc(a.label)}</td><td class=\"num\">{a.left.count}</td>"
            f'<td class="num">{a.right.count}</td><td>{_descriptor_summary(a.left.descriptors)}</td>'
            f"<td>{_descriptor_summary(a.right.descriptors)}</td></tr>"
            for a in actors
        )
        return (
            '<table class="data actors"><tr><th>Actor</th><th>Type</th><th>Left mentions</th>'
            "<th>Right mentions</th><th>Left calls them</th><th>Right calls them</th></tr>"
            f"{rows}</table>"
        )

    return (
        '<h2 class="section">Actors</h2>'
        f'<p class="small">Left: {_esc(left_name)}. Right: {_esc(right_name)}. Descriptors are the '
        "words each text attaches to the actor (relation in brackets).</p>"
        f"<h3>Named in both texts ({len(comparison.shared)})</h3>"
        + table(comparison.shared, "No actor is named in both texts.")
        + f"<h3>Only in the left text ({len(comparison.only_left)})</h3>"
        + table(comparison.only_left, "None.")
        + f"<h3>Only in the right text ({len(comparison.only_right)})</h3>"
        + table(comparison.only_right, "None.")
    )


def _nice_max(value: float) -> tuple[float, float]:
    """An axis maximum >= `value` and a tick step of 1, 2, 2.5 or 5 x 10^k giving about 4 ticks."""
    if value <= 0:
        return 1.0, 0.25
    raw = value / 4
    magnitude = 10.0 ** math.floor(math.log10(raw))
    step = 10 * magnitude
    for factor in (1, 2, 2.5, 5, 10):
        if factor * magnitude >= raw:
            step = factor * magnitude
            break
    top = step * math.ceil(value / step - 1e-9)
    return max(top, step), step


def _svg_chart(comparison: Comparison, cats: Mapping[str, _Cat], left_name: str, right_name: str) -> str:
    """Horizontal grouped bar chart: per category a solid left bar and a hatched right bar."""
    rows = comparison.profile
    if not rows:
        return '<p class="small">No framing categories to chart.</p>'
    peak = max(max(r.left_density, r.right_density) for r in rows)
    top, step = _nice_max(peak)
    label_w, plot_w, bar, gap, group_gap, y0 = 230, 560, 13, 2, 12, 34
    group = 2 * bar + gap
    x0 = label_w + 24
    plot_h = len(rows) * (group + group_gap)
    width = x0 + plot_w + 110
    height = y0 + plot_h + 50

    def x(value: float) -> float:
        return x0 + (value / top) * plot_w

    parts = [
        f'<svg class="chart" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-label="Framing profile, left and right text">',
        "<defs>",
    ]
    for cat in cats.values():
        parts.append(
            f'<pattern id="hatch-{cat.index}" patternUnits="userSpaceOnUse" width="6" height="6" '
            f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
            f'<line x1="0" y1="0" x2="0" y2="6" stroke="{cat.colour}" stroke-width="3"/></pattern>'
        )
    parts.append("</defs>")
    # Key.
    for k, (fill, text) in enumerate(
        (("#555555", f"L (solid): {left_name}"), ("url(#hatch-grey)", f"R (hatched): {right_name}"))
    ):
        kx = x0 + k * 300
        parts.append(f'<rect x="{kx}" y="6" width="14" height="14" fill="{fill}" stroke="#333333"/>')
        parts.append(f'<text x="{kx + 20}" y="17" font-size="12">{_esc(text)}</text>')
    parts.insert(
        parts.index("</defs>"),
        '<pattern id="hatch-grey" patternUnits="userSpaceOnUse" width="6" height="6" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#555555" stroke-width="3"/></pattern>',
    )
    # Grid, ticks and axes.
    bottom = y0 + plot_h
    for k in range(int(round(top / step)) + 1):
        tick = k * step
        tx = x(tick)
        parts.append(f'<line x1="{tx:.1f}" y1="{y0}" x2="{tx:.1f}" y2="{bottom}" stroke="#dddddd"/>')
        parts.append(
            f'<text x="{tx:.1f}" y="{bottom + 14}" font-size="11" text-anchor="middle">{round(tick, 3):g}</text>'
        )
    parts.append(f'<line x1="{x0}" y1="{y0}" x2="{x0}" y2="{bottom}" stroke="#333333"/>')
    parts.append(f'<line x1="{x0}" y1="{bottom}" x2="{x0 + plot_w}" y2="{bottom}" stroke="#333333"/>')
    parts.append(
        f'<text x="{x0 + plot_w / 2:.0f}" y="{bottom + 34}" font-size="12" text-anchor="middle">'
        "Framing terms per 1,000 words (count in brackets)</text>"
    )
    parts.append(
        f'<text x="{label_w}" y="{y0 - 4}" font-size="12" text-anchor="end" font-weight="bold">'
        "Framing category</text>"
    )
    for i, row in enumerate(rows):
        cat = cats[row.category]
        gy = y0 + group_gap / 2 + i * (group + group_gap)
        parts.append(
            f'<text x="{label_w}" y="{gy + group / 2 + 4:.1f}" font-size="12" text-anchor="end">'
            f"{_esc(cat.name)}</text>"
        )
        for j, (value, count, side) in enumerate(
            ((row.left_density, row.left_count, "L"), (row.right_density, row.right_count, "R"))
        ):
            by = gy + j * (bar + gap)
            end = x(value)
            fill = cat.colour if side == "L" else f"url(#hatch-{cat.index})"
            parts.append(
                f'<text x="{x0 - 4}" y="{by + bar - 2:.1f}" font-size="10" text-anchor="end" '
                f'font-weight="bold">{side}</text>'
            )
            if value > 0:
                parts.append(
                    f'<rect x="{x0}" y="{by:.1f}" width="{end - x0:.1f}" height="{bar}" fill="{fill}" '
                    f'stroke="#333333" stroke-width="1"><title>{_esc(cat.name)}, '
                    f'{"left" if side == "L" else "right"}: {count} ({_fmt(value)} per 1,000 words)'
                    "</title></rect>"
                )
            parts.append(
                f'<text x="{end + 4:.1f}" y="{by + bar - 2:.1f}" font-size="10">{_fmt(value)} ({count})</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _table_chart(comparison: Comparison, cats: Mapping[str, _Cat], left_name: str, right_name: str) -> str:
    """Bar chart as an HTML table (what Qt's rich-text engine can print)."""
    rows = comparison.profile
    if not rows:
        return '<p class="small">No framing categories to chart.</p>'
    peak = max(max(r.left_density, r.right_density) for r in rows) or 1.0
    out = [
        '<table class="data chart-table" width="100%" cellspacing="0" cellpadding="2">'
        '<tr><th width="24%">Framing category</th><th width="6%">Text</th>'
        '<th width="70%">Framing terms per 1,000 words (count)</th></tr>'
    ]
    for row in rows:
        cat = cats[row.category]
        for k, (side, value, count, colour) in enumerate(
            (
                ("L", row.left_density, row.left_count, cat.colour),
                ("R", row.right_density, row.right_count, tint(cat.colour, 0.4)),
            )
        ):
            pct = max(0, min(85, round(value / peak * 85)))
            label = f"{_fmt(value)} ({count})"
            if pct:
                bar = (
                    '<table class="bar" width="100%" cellspacing="0" cellpadding="0" border="0"><tr>'
                    f'<td width="{pct}%" bgcolor="{colour}" style="background-color: {colour}">&nbsp;</td>'
                    f'<td width="{100 - pct}%">&nbsp;{label}</td></tr></table>'
                )
            else:
                bar = label
            head = f'<td rowspan="2">{_esc(cat.name)} <sup>{cat.index + 1}</sup></td>' if k == 0 else ""
            out.append(f"<tr>{head}<td><b>{side}</b></td><td>{bar}</td></tr>")
    out.append("</table>")
    out.append(
        f'<p class="small">L = {_esc(left_name)} (full colour); R = {_esc(right_name)} (lighter tint).</p>'
    )
    return "".join(out)


def _terms_table(comparison: Comparison, cats: Mapping[str, _Cat]) -> str:
    def terms(top: Sequence[tuple[str, int]]) -> str:
        return ", ".join(f"{_esc(t)}{f' ×{n}' if n > 1 else ''}" for t, n in top) or "—"

    rows = "".join(
        f"<tr><td>{_esc(cats[r.category].name)}</td><td>{terms(r.left_top)}</td><td>{terms(r.right_top)}</td></tr>"
        for r in comparison.profile
    )
    return (
        '<h3>Most used terms</h3><table class="data terms"><tr><th>Category</th><th>Left</th><th>Right</th></tr>'
        f"{rows}</table>"
    )


# --------------------------------------------------------------------------------------------
# Handout


def render_handout_html(
    left: Analysis,
    right: Analysis,
    comparison: Comparison,
    categories_meta: CategoriesMeta | None = None,
    entity_colours: Mapping[str, str] | None = None,
    *,
    title: str | None = None,
    for_qt: bool = False,
) -> str:
    """A self-contained HTML handout: both texts side by side with every entity and framing
    highlight, a legend with counts per side, the actors table and the framing profile chart.

    `categories_meta` maps category id → {"name", "colour", "description"} (lexicon order);
    `entity_colours` maps entity label → #rrggbb (defaults: `palette.ENTITY_COLOURS`).
    """
    cats = _categories(categories_meta, comparison, (left, right))
    left_name, right_name = _display_name(left.source), _display_name(right.source)
    heading = title or f"How two texts frame the same events: {left_name} and {right_name}"
    labels = {e.label for e in left.entities} | {e.label for e in right.entities}
    models = sorted({f"{a.model.name} {a.model.version}".strip() for a in (left, right)})
    left_text = _highlighted(left, cats, entity_colours, for_qt)
    right_text = _highlighted(right, cats, entity_colours, for_qt)
    if for_qt:
        columns = (
            '<table class="columns" width="100%" cellspacing="0" cellpadding="6"><tr>'
            f'<td class="text-col" width="50%" valign="top">{_column_head(left)}'
            f'<div class="text" data-side="left">{left_text}</div></td>'
            f'<td class="text-col" width="50%" valign="top">{_column_head(right)}'
            f'<div class="text" data-side="right">{right_text}</div></td>'
            "</tr></table>"
        )
        chart = _table_chart(comparison, cats, left_name, right_name)
    else:
        columns = (
            '<div class="columns">'
            f'<div class="text-col">{_column_head(left)}<div class="text" data-side="left">{left_text}</div></div>'
            f'<div class="text-col">{_column_head(right)}<div class="text" data-side="right">{right_text}</div></div>'
            "</div>"
        )
        chart = _svg_chart(comparison, cats, left_name, right_name)
    page = (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f"<title>{_esc(heading)}</title>\n<style>\n{_css(cats, labels, entity_colours)}\n</style></head>\n"
        "<body>\n"
        f"<h1>{_esc(heading)}</h1>\n"
        f'<p class="meta">Left: {_esc(left_name)} ({left.words} words). Right: {_esc(right_name)} '
        f"({right.words} words). Named entities found by the spaCy pipeline {_esc(', '.join(models))}; "
        "framing terms from the lexicons listed in the legend. Made with FrameReader.</p>\n"
        f"{_legend(left, right, comparison, cats, entity_colours, for_qt)}\n"
        f"<h2>The two texts</h2>\n{columns}\n"
        f"{_actors_table(comparison, left_name, right_name)}\n"
        '<h2 class="section">Framing profile</h2>\n'
        f'<p class="small">How often each text uses each framing category, per 1,000 words '
        f"(counts in brackets or below).</p>\n{chart}\n{_terms_table(comparison, cats)}\n"
        "</body></html>\n"
    )
    # Adjacent plain segments may join into a scheme ("...http" + ":..."): defuse the whole page.
    return _SCHEME_RE.sub(r"\1&#58;", page)


def export_html(
    path: str | Path,
    left: Analysis,
    right: Analysis,
    comparison: Comparison,
    categories_meta: CategoriesMeta | None = None,
    entity_colours: Mapping[str, str] | None = None,
    *,
    title: str | None = None,
    for_qt: bool = False,
) -> None:
    """Write `render_handout_html(...)` to `path` atomically."""
    atomic_write_text(
        path,
        render_handout_html(
            left, right, comparison, categories_meta, entity_colours, title=title, for_qt=for_qt
        ),
    )
