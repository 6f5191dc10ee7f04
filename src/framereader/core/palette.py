"""Colours and underline styles shared by the reader UI and the exported handout.

Entity colours keep displaCy's hue conventions (PERSON purple, ORG blue-cyan, GPE orange…) but are
taken from the Okabe–Ito colour-blind-safe set where the hues collide; they are used as light
tints behind text, so `tint()` is the usual way to apply them. Framing categories are told apart
by underline style as well as colour, so they survive greyscale printing and colour blindness.
"""

from __future__ import annotations

#: Entity label → base colour (#rrggbb).
ENTITY_COLOURS: dict[str, str] = {
    "PERSON": "#a48cf4",  # purple (displaCy #aa9cfc)
    "ORG": "#56b4e9",  # sky blue (Okabe–Ito; displaCy cyan)
    "GPE": "#e69f00",  # orange (Okabe–Ito; displaCy #feca74)
    "NORP": "#cc79a7",  # reddish purple (Okabe–Ito; displaCy #c887fb)
    "LOC": "#d55e00",  # vermillion (Okabe–Ito; displaCy #ff9561)
    "FAC": "#009e73",  # bluish green (Okabe–Ito; displaCy #9cc9cc)
    "EVENT": "#f0e442",  # yellow (Okabe–Ito; displaCy #ffeb80)
    "PRODUCT": "#7fc97f",  # green (displaCy #bfeeb7)
    "WORK_OF_ART": "#e7a6f0",  # pink-lilac (displaCy #f0d0ff)
    "LAW": "#f08080",  # salmon (displaCy #ff8197)
    "LANGUAGE": "#c9a26b",  # tan
    "DATE": "#8fbcb0",  # grey-teal (displaCy #bfe1d9)
    "TIME": "#8fbcb0",
    "MONEY": "#b5b89a",  # olive grey (displaCy #e4e7d2)
    "PERCENT": "#b5b89a",
    "QUANTITY": "#b5b89a",
    "ORDINAL": "#b5b89a",
    "CARDINAL": "#b5b89a",
}
#: Colour for labels not listed above (custom pipelines).
DEFAULT_ENTITY_COLOUR = "#bbbbbb"

#: Underline styles cycled per framing category index (CSS `text-decoration-style` values).
DEFAULT_UNDERLINE_STYLES: tuple[str, ...] = ("solid", "dashed", "dotted", "double", "wavy")

#: The one list of default category colours: categories without a valid colour get these by
#: index, and new or imported lexicon categories are given them in this order (Okabe–Ito, then
#: two darker Tableau extras; no yellow or black, which would not read as an underline).
DEFAULT_CATEGORY_COLOURS: tuple[str, ...] = (
    "#d55e00",
    "#0072b2",
    "#009e73",
    "#cc79a7",
    "#e69f00",
    "#56b4e9",
    "#8c564b",
    "#7f7f7f",
)


def entity_colour(label: str, colours: dict[str, str] | None = None) -> str:
    """The base colour for an entity label (`colours` overrides the defaults)."""
    if colours and label in colours:
        return colours[label]
    return ENTITY_COLOURS.get(label, DEFAULT_ENTITY_COLOUR)


def underline_style(index: int) -> str:
    """The underline style of the category at `index` in lexicon order."""
    return DEFAULT_UNDERLINE_STYLES[index % len(DEFAULT_UNDERLINE_STYLES)]


def category_colour(index: int, colour: str | None = None) -> str:
    """`colour` when it is a valid #rrggbb, else a default by category index."""
    if colour and _parse(colour) is not None:
        return _normalise(colour)
    return DEFAULT_CATEGORY_COLOURS[index % len(DEFAULT_CATEGORY_COLOURS)]


def _parse(colour: str) -> tuple[int, int, int] | None:
    value = colour.strip().lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    if len(value) != 6:
        return None
    try:
        return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
    except ValueError:
        return None


def _normalise(colour: str) -> str:
    rgb = _parse(colour)
    if rgb is None:
        return DEFAULT_ENTITY_COLOUR
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def tint(colour: str, amount: float = 0.3) -> str:
    """`colour` mixed with white: `amount` 1.0 is the colour itself, 0.0 is white.

    Returns #rrggbb (not rgba) so Qt's rich-text engine and print renderers agree."""
    rgb = _parse(colour) or _parse(DEFAULT_ENTITY_COLOUR)
    assert rgb is not None
    amount = min(1.0, max(0.0, amount))
    mixed = (round(255 - (255 - c) * amount) for c in rgb)
    return "#{:02x}{:02x}{:02x}".format(*mixed)


def shade(colour: str, amount: float = 0.6) -> str:
    """`colour` mixed with black (for text and borders on a tint): 1.0 keeps the colour."""
    rgb = _parse(colour) or _parse(DEFAULT_ENTITY_COLOUR)
    assert rgb is not None
    amount = min(1.0, max(0.0, amount))
    return "#{:02x}{:02x}{:02x}".format(*(round(c * amount) for c in rgb))


#: How each entity kind is told apart in grey print: a pattern over a light tint (CSS in the web
#: handout, a brush in the PDF). Kinds that share a colour share a pattern only when they are
#: much alike (dates and times; the kinds of number).
ENTITY_PATTERNS: dict[str, str] = {
    "PERSON": "solid",
    "ORG": "dots",
    "GPE": "horizontal",
    "NORP": "diagonal",
    "LOC": "vertical",
    "FAC": "cross",
    "EVENT": "back-diagonal",
    "PRODUCT": "diagonal-cross",
    "WORK_OF_ART": "diagonal-cross",
    "LAW": "diagonal-cross",
    "LANGUAGE": "diagonal-cross",
    "DATE": "sparse-dots",
    "TIME": "sparse-dots",
    "MONEY": "sparse-dots",
    "PERCENT": "sparse-dots",
    "QUANTITY": "sparse-dots",
    "ORDINAL": "sparse-dots",
    "CARDINAL": "sparse-dots",
}
#: The print tint of entity kinds behind text (as on screen, a little lighter under patterns).
PRINT_TINT = 0.35


def entity_pattern(label: str) -> str:
    """The grey-print pattern of an entity kind ("solid" for kinds not listed)."""
    return ENTITY_PATTERNS.get(label, "solid")


def print_tint(label: str, colours: dict[str, str] | None = None) -> str:
    """The tint an entity kind prints with: its colour's tint, nudged by a step of blue that no
    eye sees so that every listed kind has its own value (the PDF renderer finds each kind's
    spans by it and draws the kind's pattern)."""
    base = entity_colour(label, colours)
    same = [other for other in ENTITY_COLOURS if entity_colour(other, colours) == base]
    step = same.index(label) if label in same else 0
    rgb = _parse(tint(base, PRINT_TINT))
    assert rgb is not None
    blue = rgb[2] - step if rgb[2] >= step else rgb[2] + step
    return "#{:02x}{:02x}{:02x}".format(rgb[0], rgb[1], blue)
