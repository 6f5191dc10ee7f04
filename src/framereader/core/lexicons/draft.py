"""A lexicon being edited: mutable drafts of the frozen `Lexicon` model, with search and the
checks the Lexicons dialog shows inline. Pure Python, so the editing rules are tested without Qt."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .format import Category, DEFAULT_COLOURS, Lexicon, Term, lexicon_problems
from .files import slugify


#: A term row of a draft is the frozen `Term` itself: an edit replaces it (`dataclasses.replace`),
#: so the format 2 options the dialog does not show stay as they are. The old name stays.
TermDraft = Term


def term_matches(term: Term, query: str) -> bool:
    """True when `query` (lower case) is in the term, its note, its alternative or its declared
    derivations."""
    return any(query in value.casefold() for value in (term.text, term.note, term.alternative, *term.also))


@dataclass
class CategoryDraft:
    id: str
    name: str
    colour: str
    description: str = ""
    terms: list[Term] = field(default_factory=list)
    group: str = ""  # "loaded" or "device"; empty = by id (see `format.default_group`)


@dataclass
class LexiconDraft:
    """Everything the editor changes; `to_lexicon()` gives the frozen model to save."""

    id: str
    name: str
    language: str
    description: str = ""
    categories: list[CategoryDraft] = field(default_factory=list)
    path: str = ""

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> "LexiconDraft":
        return cls(
            lexicon.id, lexicon.name, lexicon.language, lexicon.description,
            [CategoryDraft(c.id, c.name, c.colour, c.description, list(c.terms), c.group)
             for c in lexicon.categories],
            lexicon.path,
        )

    def to_lexicon(self) -> Lexicon:
        """The frozen lexicon; surrounding spaces are trimmed, blank term rows left out."""
        return Lexicon(
            self.id, self.name.strip(), self.language.strip(), self.description.strip(),
            tuple(
                Category(c.id, c.name.strip(), c.colour.upper(), c.description.strip(),
                         tuple(replace(t, text=" ".join(t.text.split()), note=t.note.strip(),
                                       alternative=t.alternative.strip())
                               for t in c.terms if t.text.strip()), c.group.strip().lower())
                for c in self.categories
            ),
            self.path,
        )

    def problems(self) -> list[str]:
        """Why this draft cannot be saved, one sentence each (empty when it can)."""
        return lexicon_problems(self.to_lexicon())

    def add_category(self, name: str) -> CategoryDraft:
        """A new empty category with a unique id and the next unused default colour."""
        taken = {c.id for c in self.categories}
        base = slugify(name, "category").replace("-", "_")
        category_id, n = base, 2
        while category_id in taken:
            category_id, n = f"{base}_{n}", n + 1
        used = {c.colour.upper() for c in self.categories}
        colour = next((c for c in DEFAULT_COLOURS if c not in used), DEFAULT_COLOURS[len(self.categories) % len(DEFAULT_COLOURS)])
        category = CategoryDraft(category_id, name, colour)
        self.categories.append(category)
        return category

    def search(self, query: str) -> dict[int, list[int]]:
        """Per category index, the indexes of the terms matching `query` (every term when the
        query is blank)."""
        needle = query.strip().casefold()
        return {
            ci: [ti for ti, term in enumerate(cat.terms) if not needle or term_matches(term, needle)]
            for ci, cat in enumerate(self.categories)
        }


__all__ = ["CategoryDraft", "LexiconDraft", "TermDraft", "term_matches"]
