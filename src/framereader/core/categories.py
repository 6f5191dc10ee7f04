"""How each framing category is shown: one typed `CategoryStyle`, built once from the lexicons.

The highlighter, the legend, the comparison view and the exports all read these; the colour list
for categories without a valid colour and the underline styles live in `core.palette`.
Pure Python (no Qt, no spaCy); lexicons are duck-typed (`.categories` with `id`, `name`,
`colour`, `description` and, when the lexicon format has it, `group`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .palette import category_colour, underline_style

#: Category groups (set per category in a lexicon): loaded words, and rhetorical devices (a different lesson, shown apart).
LOADED = "loaded"
DEVICE = "device"
GROUPS = (LOADED, DEVICE)
#: Categories that are rhetorical devices unless their `group` key says otherwise.
DEVICE_CATEGORY_IDS = frozenset({"doubt", "hedges", "intensifiers"})


def default_group(category_id: str) -> str:
    """The group of a category that does not name one: `device` for doubt, hedges and
    intensifiers, else `loaded`."""
    return DEVICE if category_id in DEVICE_CATEGORY_IDS else LOADED


def group_of(category_id: str, groups: dict[str, str] | None = None) -> str:
    """Which group a category id is in: from `groups` (see `category_groups`) when it names
    it, else `default_group(category_id)`."""
    return (groups or {}).get(category_id) or default_group(category_id)


@dataclass(frozen=True)
class CategoryStyle:
    """A framing category as shown: `index` is its place in lexicon order (from 0); `number`
    (index + 1) is what tells categories apart in grey print; `underline` is a CSS
    `text-decoration-style` ("solid", "dashed", "dotted", "double" or "wavy")."""

    id: str
    name: str
    colour: str  # #rrggbb
    index: int
    description: str = ""
    underline: str = ""  # empty: the palette's style for `index`
    group: str = "loaded"

    def __post_init__(self) -> None:
        if not self.underline:
            object.__setattr__(self, "underline", underline_style(self.index))

    @property
    def number(self) -> int:
        """The category's number in legends and after each term in print (1-based)."""
        return self.index + 1

    @property
    def css(self) -> str:
        """A CSS class name unique to this category within one handout."""
        return f"fr-{self.index}"


def _group(category: object) -> str:
    group = getattr(category, "group", "loaded") or "loaded"
    return group if group in GROUPS else "loaded"


def fallback_style(category_id: str, index: int) -> CategoryStyle:
    """The style of a category no lexicon describes (a stale lesson, a removed lexicon)."""
    return CategoryStyle(category_id, category_id.replace("_", " ").capitalize(), category_colour(index), index)


def category_styles(lexicons: Iterable[object], extra_ids: Iterable[str] = ()) -> list[CategoryStyle]:
    """Every category of `lexicons` in lexicon order (the first category of an id wins), then
    any of `extra_ids` no lexicon has (with `fallback_style`), indexed 0, 1, 2… in that order."""
    styles: list[CategoryStyle] = []
    seen: set[str] = set()
    for lexicon in lexicons:
        for category in getattr(lexicon, "categories", ()):
            if category.id in seen:
                continue
            seen.add(category.id)
            index = len(styles)
            styles.append(
                CategoryStyle(
                    id=category.id,
                    name=getattr(category, "name", "") or category.id,
                    colour=category_colour(index, getattr(category, "colour", None)),
                    index=index,
                    description=getattr(category, "description", "") or "",
                    group=_group(category),
                )
            )
    for category_id in extra_ids:
        if category_id not in seen:
            seen.add(category_id)
            styles.append(fallback_style(category_id, len(styles)))
    return styles
