"""Exports: the comparison as JSON, and the printable, self-contained HTML handout.

Modules: `options` (HandoutOptions: sections, mode, paper), `handout` (assembly, CSS, the
document titles), `highlight` (the texts), `sections` (legend, actors, agency, terms, questions),
`chart` (SVG and table charts), `glossary` (plain-English label names), `json_export`.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..categories import CategoryStyle, category_styles
from ..kinds import LABEL_NAMES, label_name, label_singular
from .handout import Categories, document_heading, export_html, render_handout_html, resolve_categories
from .sections import has_agency
from .json_export import comparison_json, document_meta, export_json, full_analysis_json
from .options import DEFAULT_SECTIONS, MODES, PAPERS, SECTIONS, HandoutOptionError, HandoutOptions

__all__ = [
    "DEFAULT_SECTIONS", "LABEL_NAMES", "MODES", "PAPERS", "SECTIONS", "Categories", "CategoryStyle",
    "HandoutOptionError", "HandoutOptions", "categories_meta", "category_styles", "comparison_json", "document_heading",
    "document_meta", "full_analysis_json",
    "export_html", "export_json", "has_agency", "label_name", "label_singular", "render_handout_html", "resolve_categories",
]


def categories_meta(lexicons: Iterable[object]) -> dict[str, dict[str, str]]:
    """The older id → {"name", "colour", "description"} mapping, from `category_styles`
    (kept for callers not yet passing `CategoryStyle`s; colours are the resolved ones)."""
    return {
        s.id: {"name": s.name, "colour": s.colour, "description": s.description}
        for s in category_styles(lexicons)
    }
