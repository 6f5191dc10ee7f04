"""The framing profile chart: inline SVG for browsers, an HTML table for Qt's rich-text engine.

Both read in grey print: each bar is labelled L or R and carries its value; in the SVG the
right-hand bars are hatched, in the table they are a lighter tint of the same colour.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from ..categories import CategoryStyle
from ..comparison.compare import ProfileRow
from ..palette import tint
from .markup import esc, fmt


def nice_max(value: float) -> tuple[float, float]:
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


def _hatch(pattern_id: str, colour: str) -> str:
    return (
        f'<pattern id="{pattern_id}" patternUnits="userSpaceOnUse" width="6" height="6" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{colour}" stroke-width="3"/></pattern>'
    )


def svg_chart(rows: Sequence[ProfileRow], cats: Mapping[str, CategoryStyle], left_name: str, right_name: str) -> str:
    """Horizontal grouped bar chart: per category a solid left bar and a hatched right bar."""
    if not rows:
        return '<p class="small">No framing terms to chart.</p>'
    peak = max(max(r.left_density, r.right_density) for r in rows)
    top, step = nice_max(peak)
    label_w, plot_w, bar, gap, group_gap, y0 = 230, 330, 13, 2, 10, 34
    group = 2 * bar + gap
    x0 = label_w + 24
    plot_h = len(rows) * (group + group_gap)
    width = x0 + plot_w + 90
    height = y0 + plot_h + 50

    def x(value: float) -> float:
        return x0 + (value / top) * plot_w

    parts = [
        f'<svg class="chart keep" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-label="Framing profile, left and right text"><defs>',
        _hatch("hatch-grey", "#555555"),
        *(_hatch(f"hatch-{cats[r.category].index}", cats[r.category].colour) for r in rows),
        "</defs>",
    ]
    for k, (fill, text) in enumerate((("#555555", f"L (solid): {left_name}"), ("url(#hatch-grey)", f"R (hatched): {right_name}"))):
        ky, kx = 4, 8 + k * (width // 2)
        parts.append(f'<rect x="{kx}" y="{ky}" width="14" height="14" fill="{fill}" stroke="#333333"/>')
        parts.append(f'<text x="{kx + 20}" y="{ky + 11}" font-size="12">{esc(text[:48])}</text>')
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
    for i, row in enumerate(rows):
        cat = cats[row.category]
        gy = y0 + group_gap / 2 + i * (group + group_gap)
        parts.append(
            f'<text x="{label_w}" y="{gy + group / 2 + 4:.1f}" font-size="12" text-anchor="end">'
            f"{cat.number}. {esc(cat.name)}</text>"
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
                    f'stroke="#333333" stroke-width="1"><title>{esc(cat.name)}, '
                    f'{"left" if side == "L" else "right"}: {count} ({fmt(value)} per 1,000 words)'
                    "</title></rect>"
                )
            parts.append(
                f'<text x="{end + 4:.1f}" y="{by + bar - 2:.1f}" font-size="10">{fmt(value)} ({count})</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _table_bar(value: float, count: int, peak: float, colour: str) -> str:
    pct = max(0, min(68, round(value / peak * 68)))
    label = f"{fmt(value)} ({count})"
    if not pct:
        return f"{label}<br>"
    return (
        '<table class="bar" width="100%" cellspacing="0" cellpadding="0" border="0"><tr>'
        f'<td width="{pct}%" bgcolor="{colour}" style="background-color: {colour}">&nbsp;</td>'
        f'<td width="{100 - pct}%">&nbsp;{label}</td></tr></table>'
    )


def top_terms(top: Sequence[tuple[str, int]], limit: int = 3) -> str:
    """"crony ×2, land grab, regime +4" (escaped)."""
    shown = ", ".join(f"{esc(t)}{f' ×{n}' if n > 1 else ''}" for t, n in top[:limit]) or "—"
    return shown + (f" +{len(top) - limit}" if len(top) > limit else "")


def _terms_line(top: Sequence[tuple[str, int]]) -> str:
    return f'<span class="small">{top_terms(top)}</span>' if top else ""


def table_chart(rows: Sequence[ProfileRow], cats: Mapping[str, CategoryStyle], left_name: str, right_name: str) -> str:
    """The bar chart as an HTML table (what Qt's rich-text engine can print): one row per
    category, the left text's bar in full colour, the right text's in a lighter tint, both on
    one scale, each with its value and the text's most used terms under it."""
    if not rows:
        return '<p class="small">No framing terms to chart.</p>'
    peak = max(max(r.left_density, r.right_density) for r in rows) or 1.0
    out = [
        '<table class="data keep chart-table" width="100%" cellspacing="0" cellpadding="2">'
        f'<tr><th width="30%">Framing category</th><th width="35%">Left: {esc(left_name)}</th>'
        f'<th width="35%">Right: {esc(right_name)}</th></tr>'
    ]
    for row in rows:
        cat = cats[row.category]
        out.append(
            f"<tr><td>{cat.number}. {esc(cat.name)}</td>"
            f"<td>{_table_bar(row.left_density, row.left_count, peak, cat.colour)}"
            f'{_terms_line(row.left_top)}</td>'
            f"<td>{_table_bar(row.right_density, row.right_count, peak, tint(cat.colour, 0.45))}"
            f'{_terms_line(row.right_top)}</td></tr>'
        )
    out.append("</table>")
    return "".join(out)
