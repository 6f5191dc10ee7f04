"""One typed CategoryStyle built once from the lexicons, used by core, the exports and the UI."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from types import SimpleNamespace

import pytest

from framereader.core.categories import CategoryStyle, category_styles, fallback_style
from framereader.core.lexicons.format import Category, DEFAULT_COLOURS, Lexicon
from framereader.core.lexicons.files import bundled_lexicon_paths, load_lexicon
from framereader.core.palette import DEFAULT_CATEGORY_COLOURS, DEFAULT_UNDERLINE_STYLES


def lexicon(*categories: object) -> SimpleNamespace:
    return SimpleNamespace(categories=list(categories))


def cat(id: str, name: str = "", colour: str = "", description: str = "", **extra: str) -> SimpleNamespace:
    return SimpleNamespace(id=id, name=name, colour=colour, description=description, **extra)


def test_styles_follow_lexicon_order_and_the_first_category_of_an_id_wins() -> None:
    styles = category_styles([lexicon(cat("a", "A", "#112233", "first")),
                              lexicon(cat("a", "dup", "#000000"), cat("b", "B", "not a colour"))])
    assert [(s.id, s.name, s.index, s.number) for s in styles] == [("a", "A", 0, 1), ("b", "B", 1, 2)]
    assert styles[0].colour == "#112233" and styles[0].description == "first"
    assert styles[1].colour == DEFAULT_CATEGORY_COLOURS[1]  # invalid colour: the default for its index
    assert [s.underline for s in styles] == list(DEFAULT_UNDERLINE_STYLES[:2])
    assert styles[1].css == "fr-1"


def test_group_is_read_when_the_lexicon_has_it() -> None:
    styles = category_styles([lexicon(cat("a", "A"), cat("b", "B", group="device"), cat("c", "C", group="odd"))])
    assert [s.group for s in styles] == ["loaded", "device", "loaded"]


def test_extra_ids_get_fallback_styles_after_the_lexicons() -> None:
    styles = category_styles([lexicon(cat("a", "A"))], ["a", "stale_one"])
    assert [s.id for s in styles] == ["a", "stale_one"]
    assert styles[1] == fallback_style("stale_one", 1)
    assert styles[1].name == "Stale one"


def test_style_is_frozen_and_derives_its_underline() -> None:
    style = CategoryStyle("x", "X", "#123456", 3)
    assert style.underline == DEFAULT_UNDERLINE_STYLES[3]
    assert CategoryStyle("x", "X", "#123456", 3, underline="wavy").underline == "wavy"
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(style, "index", 4)


def test_bundled_lexicon_styles_are_numbered_with_distinct_numbers() -> None:
    lexicons = [load_lexicon(p) for p in bundled_lexicon_paths()]
    styles = category_styles(lexicons)
    assert len(styles) >= 10
    assert [s.number for s in styles] == list(range(1, len(styles) + 1))
    assert styles[0].name == lexicons[0].categories[0].name


def test_one_default_colour_list() -> None:
    """The lexicon format's colours for new categories are palette's list, in .frlex spelling."""
    assert DEFAULT_COLOURS == tuple(c.upper() for c in DEFAULT_CATEGORY_COLOURS)
    empty = Lexicon("l", "L", "en", "", (Category("x", "X", DEFAULT_COLOURS[2], ""),))
    assert category_styles([empty])[0].colour == DEFAULT_CATEGORY_COLOURS[2]


def test_analysis_engine_does_not_import_the_exports() -> None:
    code = "import sys, framereader.core.nlp.engine; print('framereader.core.export' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
