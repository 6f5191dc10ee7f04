"""Lexicons of framing terms: the model and the `.frlex` parser and writer (files and locations:
`core.lexicons.files`).

The file format is specified in `docs/lexicon-format.md` (term lines: `core.lexicons.terms`);
matching lives in `core.nlp.matcher`. Format 2 is written; format 1 files still load.
Pure Python: no Qt, no spaCy.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from ..categories import DEVICE, GROUPS, LOADED, default_group
from ..errors import LexiconError
from ..palette import DEFAULT_CATEGORY_COLOURS
from .syntax import (HEADER_KEYS, HEADER_REQUIRED, ID_RE, KEY_RE, LANG_RE, FileHeader, content_lines,
                     declared_version, parsed_or_raise, version_problem)
from .terms import (
    Term,
    options_problems,
    parse_term_line,
    quoted,
    term_key,
    term_line,
    term_problem,
)

FORMAT_TAG = "framereader-lexicon"
FORMAT_VERSION = 2
#: Versions this FrameReader reads (1: no options field and no category `group`).
READ_VERSIONS = (1, 2)
SUFFIX = ".frlex"
#: Lexicon files larger than this are refused (a lexicon is a few kilobytes).
MAX_LEXICON_BYTES = 10 * 1024 * 1024
#: Colours given to new and imported categories, in order: palette's one list, in the upper-case
#: spelling `.frlex` files use.
DEFAULT_COLOURS = tuple(colour.upper() for colour in DEFAULT_CATEGORY_COLOURS)

CATEGORY_KEYS = ("name", "colour", "description", "group")  # "color" is read as "colour"
CATEGORY_REQUIRED = ("name", "colour")

_COLOUR_RE = re.compile(r"#[0-9A-Fa-f]{6}")


# --------------------------------------------------------------------------------------- model


@dataclass(frozen=True)
class Category:
    """A group of terms shown in one colour. `group` is `loaded` (loaded words) or `device`
    (rhetorical devices: doubt, hedges, intensifiers); left empty it is `default_group(id)`."""

    id: str
    name: str
    colour: str
    description: str = ""
    terms: tuple[Term, ...] = ()
    group: str = ""

    def __post_init__(self) -> None:
        if not self.group:
            object.__setattr__(self, "group", default_group(self.id))

    def term(self, text: str) -> Term | None:
        """The entry whose text is `text` (ignoring case), if any."""
        key = term_key(text)
        return next((t for t in self.terms if term_key(t.text) == key), None)


@dataclass(frozen=True)
class Lexicon(FileHeader):
    """A parsed lexicon: the header, then the categories. `path` (where it was read from) is not
    part of equality or hashing."""

    categories: tuple[Category, ...] = ()
    path: str = field(default="", compare=False)

    @property
    def term_count(self) -> int:
        """How many terms all categories hold together."""
        return sum(len(c.terms) for c in self.categories)

    def category(self, category_id: str) -> Category | None:
        """The category with this id, if any."""
        return next((c for c in self.categories if c.id == category_id), None)

    def find_term(self, text: str) -> tuple[Category, Term] | None:
        """The category and entry for a term text (ignoring case), if the lexicon has it."""
        for cat in self.categories:
            entry = cat.term(text)
            if entry is not None:
                return cat, entry
        return None


# ------------------------------------------------------------------------------------- parsing


@dataclass
class _Section:
    line: int  # where the section starts (format line or "[id]" line)
    values: dict[str, str] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    terms: list[Term] = field(default_factory=list)
    id: str = ""


def _error(path: str, reason: str, line: int | None) -> LexiconError:
    return LexiconError(path, reason, line)


def _check_header(section: _Section, path: str, problems: list[LexiconError]) -> None:
    for key in HEADER_REQUIRED:
        if key not in section.values:
            problems.append(_error(path, f"missing required header key '{key}'", section.line))
    lex_id = section.values.get("id", "")
    if lex_id and not ID_RE.fullmatch(lex_id):
        problems.append(_error(path, f"bad lexicon id '{lex_id}': use only a-z, 0-9, '_' and '-'",
                               section.key_lines["id"]))
    lang = section.values.get("language", "")
    if lang and not LANG_RE.fullmatch(lang):
        problems.append(_error(path, f"bad language '{lang}': use a lower-case ISO 639-1 code such as 'en'",
                               section.key_lines["language"]))


def _check_category(section: _Section, path: str, problems: list[LexiconError]) -> None:
    for key in CATEGORY_REQUIRED:
        if key not in section.values:
            problems.append(_error(path, f"category [{section.id}] is missing the required key '{key}'", section.line))


def _parse(text: str, path: str) -> tuple[Lexicon | None, list[LexiconError]]:
    """The lexicon (None when the text has problems) and every problem found, by line."""
    problems: list[LexiconError] = []
    header: _Section | None = None
    categories: list[_Section] = []
    category_lines: dict[str, int] = {}
    seen_terms: dict[str, tuple[int, str]] = {}  # term key → (line, category id)
    current: _Section | None = None  # the header or the open category
    version = FORMAT_VERSION

    for number, line in content_lines(text):
        if header is None:
            header = current = _Section(number)
            given = declared_version(line, FORMAT_TAG)
            if given is not None:
                unsupported = version_problem(given, FORMAT_TAG, READ_VERSIONS, "lexicon")
                if unsupported:
                    problems.append(_error(path, unsupported, number))
                    return None, problems
                version = int(given)
                continue
            problems.append(_error(
                path, f"missing format line: the first line must be '{FORMAT_TAG} {FORMAT_VERSION}'", number))
            # Go on as if it were there, to report the other problems too.

        if line.startswith("["):
            inner = line[1:-1].strip() if line.endswith("]") else None
            if inner is None:
                problems.append(_error(path, "a category line must look like '[category_id]'", number))
                current = _Section(number, id="")  # keep going; its content is still checked
                continue
            current = _Section(number, id=inner)
            if not ID_RE.fullmatch(inner):
                problems.append(_error(
                    path, f"bad category id '{inner}': use only lower-case a-z, 0-9, '_' and '-'", number))
            elif inner in category_lines:
                problems.append(_error(
                    path, f"duplicate category [{inner}] (first defined on line {category_lines[inner]})", number))
            else:
                category_lines[inner] = number
                categories.append(current)
            continue

        key_match = KEY_RE.fullmatch(line)
        assert current is not None
        if key_match:
            key, value = key_match.group(1).lower(), key_match.group(2).strip()
            in_header = current is header
            if not in_header and key == "color":
                key = "colour"
            allowed = HEADER_KEYS if in_header else CATEGORY_KEYS
            if key == "group" and version < 2:
                problems.append(_error(path, f"the category key 'group' needs '{FORMAT_TAG} 2'", number))
                continue
            if key not in allowed:
                where = "header" if in_header else "category"
                problems.append(_error(
                    path, f"unknown {where} key '{key_match.group(1)}' (known keys: {', '.join(allowed)})", number))
                continue
            if key in current.key_lines:
                problems.append(_error(
                    path, f"key '{key}' is given twice (first on line {current.key_lines[key]})", number))
                continue
            if current.terms:
                problems.append(_error(
                    path, f"key '{key}' must come before the category's terms", number))
                continue
            if not value and key != "description":
                problems.append(_error(path, f"key '{key}' has no value", number))
            if key == "colour" and value and not _COLOUR_RE.fullmatch(value):
                problems.append(_error(path, f"bad colour '{value}': write it as #RRGGBB, e.g. #C0392B", number))
            if key == "group" and value and value.lower() not in GROUPS:
                problems.append(_error(path, f"bad group '{value}': use {' or '.join(GROUPS)}", number))
            value = value.lower() if key == "group" else value
            current.values[key] = value.upper() if key == "colour" else value
            current.key_lines[key] = number
            continue

        # A term line.
        if current is header:
            problems.append(_error(path, "term before any category: open a category with '[category_id]' first",
                                   number))
            continue
        term, reason = parse_term_line(line, version)
        if term is None:
            problems.append(_error(path, reason or "bad term", number))
            continue
        key = term_key(term.text)
        if key in seen_terms:
            first_line, first_cat = seen_terms[key]
            problems.append(_error(
                path, f"duplicate term '{term.text}' (first defined on line {first_line} in [{first_cat}])", number))
            continue
        seen_terms[key] = (number, current.id)
        current.terms.append(term)

    if header is None:
        problems.append(_error(path, f"the file is empty: the first line must be '{FORMAT_TAG} {FORMAT_VERSION}'", 1))
        return None, problems
    _check_header(header, path, problems)
    for section in categories:
        _check_category(section, path, problems)
    problems.sort(key=lambda p: p.line or 0)
    if problems:
        return None, problems
    return Lexicon(
        id=header.values["id"],
        name=header.values["name"],
        language=header.values["language"],
        description=header.values.get("description", ""),
        categories=tuple(
            Category(s.id, s.values["name"], s.values["colour"], s.values.get("description", ""), tuple(s.terms),
                     s.values.get("group", ""))
            for s in categories
        ),
        path=str(path),
    ), problems


def parse_lexicon(text: str, path: str | Path = "") -> Lexicon:
    """Parse `.frlex` text; raises `LexiconError(path, reason, line)` for the first problem."""
    return parsed_or_raise(*_parse(text, str(path)))


def validate_lexicon(text: str, path: str | Path = "") -> list[LexiconError]:
    """Every problem in `.frlex` text, in line order (empty when it is valid)."""
    return _parse(text, str(path))[1]


# ------------------------------------------------------------------------------- serializing


def _value_problem(value: str) -> str | None:
    if value != value.strip() or "\n" in value or "\r" in value:
        return "values cannot have line breaks or leading/trailing spaces"
    return None


def lexicon_problems(lexicon: Lexicon) -> list[str]:
    """Every reason `lexicon` cannot be written as a `.frlex` file, one sentence each naming the
    category or term (empty when it can be saved). The Lexicons dialog shows these inline."""
    problems: list[str] = []

    def check(value: str, what: str) -> None:
        reason = _value_problem(value)
        if reason:
            problems.append(f"{what}: {reason}")

    if not ID_RE.fullmatch(lexicon.id):
        problems.append(f"bad lexicon id '{lexicon.id}': use only a-z, 0-9, '_' and '-'")
    if not lexicon.name.strip():
        problems.append("the lexicon needs a name")
    if not LANG_RE.fullmatch(lexicon.language):
        problems.append(f"bad language '{lexicon.language}': use a lower-case ISO 639-1 code such as 'en'")
    for value, what in ((lexicon.name, "name"), (lexicon.description, "description")):
        check(value, what)
    seen_categories: set[str] = set()
    seen_terms: dict[str, str] = {}  # term key → category name
    for cat in lexicon.categories:
        label = f"category '{cat.name or cat.id}'"
        if not ID_RE.fullmatch(cat.id):
            problems.append(f"{label}: bad id '{cat.id}': use only lower-case a-z, 0-9, '_' and '-'")
        elif cat.id in seen_categories:
            problems.append(f"{label}: the id '{cat.id}' is used twice")
        seen_categories.add(cat.id)
        if not cat.name.strip():
            problems.append(f"category [{cat.id}] needs a name")
        if not _COLOUR_RE.fullmatch(cat.colour):
            problems.append(f"{label}: bad colour '{cat.colour}': write it as #RRGGBB, e.g. #C0392B")
        if cat.group not in GROUPS:
            problems.append(f"{label}: bad group '{cat.group}': use {' or '.join(GROUPS)}")
        check(cat.name, f"{label} name")
        check(cat.description, f"{label} description")
        for term in cat.terms:
            reason = term_problem(term.text, term.exact)
            if reason:
                problems.append(f"term {quoted(term.text)} in {label}: {reason}")
            problems.extend(f"term {quoted(term.text)} in {label}: {p}" for p in options_problems(term))
            for value, what in ((term.note, "note"), (term.alternative, "alternative")):
                if "|" in value:
                    problems.append(f"term {quoted(term.text)}: its {what} cannot contain '|'")
                check(value, f"term {quoted(term.text)} {what}")
            key = term_key(term.text)
            if key and key in seen_terms:
                problems.append(f"duplicate term '{term.text}' (also in category '{seen_terms[key]}'): "
                                "a term may be in only one category")
            elif key:
                seen_terms[key] = cat.name or cat.id
    return problems


def serialize_lexicon(lexicon: Lexicon) -> str:
    """The `.frlex` text of a lexicon; `parse_lexicon` reads it back equal.

    Raises `LexiconError` for values a `.frlex` file cannot hold (e.g. '|' in a note)."""
    problems = lexicon_problems(lexicon)
    out = [f"{FORMAT_TAG} {FORMAT_VERSION}", f"id = {lexicon.id}", f"name = {lexicon.name}",
           f"language = {lexicon.language}"]
    if lexicon.description:
        out.append(f"description = {lexicon.description}")
    for cat in lexicon.categories:
        out += ["", f"[{cat.id}]", f"name = {cat.name}", f"colour = {cat.colour}"]
        if cat.description:
            out.append(f"description = {cat.description}")
        out.append(f"group = {cat.group}")
        if cat.terms:
            out.append("")
        out.extend(term_line(term) for term in cat.terms)
    text = "\n".join(out) + "\n"
    if not problems:  # a last guard: whatever parse_lexicon would still refuse
        problems = [f"line {p.line}: {p.reason}" for p in validate_lexicon(text)]
    if problems:
        raise LexiconError(lexicon.path, f"cannot be saved as a lexicon file: {problems[0]}")
    return text


__all__ = [
    "DEVICE", "GROUPS", "LOADED", "Category", "Lexicon", "Term", "default_group", "lexicon_problems",
    "parse_lexicon", "parse_term_line", "serialize_lexicon", "term_key", "term_problem", "validate_lexicon",
]
