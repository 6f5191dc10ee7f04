"""Palettes checked for colour-blind readers (Machado et al. 2009 simulation)."""

from __future__ import annotations

import pytest

from framereader.core import palette
from colour_check import closest_pair, distance, simulate
from framereader.core.lexicons.files import bundled_lexicon_paths, load_lexicon

DEFICIENCIES = [None, "protanopia", "deuteranopia", "tritanopia"]
MAIN_LABELS = ["PERSON", "ORG", "GPE", "NORP", "LOC"]


def test_simulation_merges_red_and_green_for_red_green_deficiencies() -> None:
    red, green = "#d62728", "#2ca02c"
    normal = distance(simulate(red, "tritanopia"), simulate(green, "tritanopia"))
    for deficiency in ("protanopia", "deuteranopia"):
        assert distance(simulate(red, deficiency), simulate(green, deficiency)) < normal / 2


@pytest.mark.parametrize("deficiency", DEFICIENCIES)
def test_framing_categories_with_the_same_underline_stay_apart(deficiency) -> None:
    """Categories are told apart by underline style first; those that share a style must still
    differ in colour for every kind of colour vision."""
    for path in bundled_lexicon_paths():
        categories = load_lexicon(path).categories
        styles = {c.id: palette.underline_style(i) for i, c in enumerate(categories)}
        for style in set(styles.values()):
            group = {c.id: c.colour for c in categories if styles[c.id] == style}
            if len(group) > 1:
                gap, first, second = closest_pair(group, deficiency)
                assert gap >= 40, f"{first} and {second} look alike with {deficiency or 'normal vision'}"


@pytest.mark.parametrize("deficiency", DEFICIENCIES)
def test_main_entity_labels_stay_apart(deficiency) -> None:
    """The closest pair today is PERSON/ORG under deuteranopia (~28); labels are also named in
    tooltips and the legend, so colour is never the only cue."""
    gap, first, second = closest_pair({label: palette.entity_colour(label) for label in MAIN_LABELS}, deficiency)
    assert gap >= 25, f"{first} and {second} look alike with {deficiency or 'normal vision'}"
