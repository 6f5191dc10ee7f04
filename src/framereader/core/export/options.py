"""What goes into a handout: sections, highlight mode, paper and orientation."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..errors import FrameReaderError

#: Every section, in the order the handout prints them; id → name for dialogs and messages.
SECTIONS: dict[str, str] = {
    "legend": "Legend",
    "texts": "Both texts",
    "actors": "Actors",
    "agency": "Who acts, who is acted on",
    "chart": "Framing chart",
    "voices": "Voices: who is quoted",
    "questions": "Discussion questions",
    "glossary": "Glossary of terms and label codes",
}
#: The sections of a default handout ("agency" is printed only when the comparison has it).
DEFAULT_SECTIONS: tuple[str, ...] = ("legend", "texts", "actors", "agency", "chart", "voices", "questions")

#: The sections of a default read-cold handout (the legend and counts would give the game away).
COLD_SECTIONS: tuple[str, ...] = ("texts", "questions")

#: Highlight modes: id → what it prints.
MODES: dict[str, str] = {
    "all": "All highlights",
    "framing": "Framing terms only",
    "screen": "As on screen",
    "cold": "Read cold: clean texts with line numbers",
}
PAPERS: tuple[str, ...] = ("A4", "Letter")


class HandoutOptionError(FrameReaderError):
    """A handout option that is not one of the known values."""


@dataclass(frozen=True)
class HandoutOptions:
    """The choices of the handout builder.

    `hidden_labels`, `hidden_categories` and `screen_highlights` (False when the screen shows
    no highlights at all) are what the screen shows; only the "screen" mode reads them. "cold" prints the texts without highlights, one after the other, with line
    numbers (other chosen sections are still printed)."""

    sections: tuple[str, ...] = DEFAULT_SECTIONS
    mode: str = "all"
    paper: str = "A4"
    landscape: bool = False
    hidden_labels: frozenset[str] = field(default_factory=frozenset)
    hidden_categories: frozenset[str] = field(default_factory=frozenset)
    screen_highlights: bool = True
    max_actors: int = 6  # rows of the actor tables; a note says how many more there are

    def __post_init__(self) -> None:
        unknown = [s for s in self.sections if s not in SECTIONS]
        if unknown:
            raise HandoutOptionError("", f"unknown handout section '{unknown[0]}' (choose from {', '.join(SECTIONS)})")
        if self.mode not in MODES:
            raise HandoutOptionError("", f"unknown handout mode '{self.mode}' (choose from {', '.join(MODES)})")
        if self.paper not in PAPERS:
            raise HandoutOptionError("", f"unknown paper size '{self.paper}' (choose A4 or Letter)")
        ordered = tuple(s for s in SECTIONS if s in self.sections)
        object.__setattr__(self, "sections", ordered)
        object.__setattr__(self, "hidden_labels", frozenset(self.hidden_labels))
        object.__setattr__(self, "hidden_categories", frozenset(self.hidden_categories))

    def has(self, section: str) -> bool:
        """True when `section` is chosen."""
        return section in self.sections

    def shows_label(self, label: str) -> bool:
        """Whether entities of `label` are highlighted in this mode."""
        if self.mode in ("framing", "cold"):
            return False
        return self.mode != "screen" or (self.screen_highlights and label not in self.hidden_labels)

    def shows_category(self, category: str) -> bool:
        """Whether framing terms of `category` are highlighted in this mode."""
        if self.mode == "cold":
            return False
        return self.mode != "screen" or (self.screen_highlights and category not in self.hidden_categories)

    def lists_label(self, label: str) -> bool:
        """Whether the legend lists entities of `label` (all but those hidden on screen, in the
        "screen" mode; none in the "framing" mode, which prints no entity highlights)."""
        if self.mode == "framing":
            return False
        return self.mode != "screen" or label not in self.hidden_labels

    def lists_category(self, category: str) -> bool:
        """Whether the legend and chart list `category` (all but those hidden in "screen" mode)."""
        return self.mode != "screen" or category not in self.hidden_categories

    @classmethod
    def parse(cls, sections: str | Iterable[str] | None = None, mode: str | None = None,
              paper: str | None = None, *, landscape: bool = False) -> "HandoutOptions":
        """Options from command-line words: `sections` comma-separated ("texts,legend" or
        "default" or "all"; by default `DEFAULT_SECTIONS`, or `COLD_SECTIONS` in the "cold"
        mode), `mode` and `paper` case-insensitive."""
        mode = (mode or "all").strip().lower()
        chosen: tuple[str, ...] = COLD_SECTIONS if mode == "cold" else DEFAULT_SECTIONS
        if sections is not None:
            words = sections.split(",") if isinstance(sections, str) else list(sections)
            names = [w.strip().lower() for w in words if w.strip()]
            if names == ["all"]:
                names = list(SECTIONS)
            elif names == ["default"]:
                names = list(DEFAULT_SECTIONS)
            if not names:
                raise HandoutOptionError("", "no handout section chosen (for example --sections texts,legend)")
            chosen = tuple(names)
        papers = {p.lower(): p for p in PAPERS}
        return cls(
            sections=chosen,
            mode=mode,
            paper=papers.get((paper or "A4").strip().lower(), (paper or "").strip()),
            landscape=landscape,
        )
