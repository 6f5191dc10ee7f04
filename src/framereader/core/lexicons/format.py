"""Lexicons of framing terms: the model, the `.frlex` parser and writer, and word-list import.

The file format is specified in `docs/lexicon-format.md` (term lines: `core.lexicons.terms`);
matching lives in `core.nlp.matcher`. Format 2 is written; format 1 files still load.
Pure Python: no Qt, no spaCy.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from ..platform.atomic import atomic_write_text
from ..platform.safe_read import describe_read_error, read_limited
from ..errors import LexiconError
from ..palette import DEFAULT_CATEGORY_COLOURS
from ..platform.paths import data_dir, resources_dir
from .terms import (
    Term,
    options_problems,
    parse_term_line,
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

HEADER_KEYS = ("id", "name", "language", "description")
HEADER_REQUIRED = ("id", "name", "language")
CATEGORY_KEYS = ("name", "colour", "description", "group")  # "color" is read as "colour"
#: Category groups: loaded words, and rhetorical devices (a different lesson, shown apart).
LOADED = "loaded"
DEVICE = "device"
GROUPS = (LOADED, DEVICE)
#: Categories that are rhetorical devices unless their `group` key says otherwise.
DEVICE_CATEGORY_IDS = frozenset({"doubt", "hedges", "intensifiers"})
CATEGORY_REQUIRED = ("name", "colour")

_ID_RE = re.compile(r"[a-z0-9_-]+")
_LANG_RE = re.compile(r"[a-z]{2,3}")
_COLOUR_RE = re.compile(r"#[0-9A-Fa-f]{6}")
_KEY_RE = re.compile(r"([A-Za-z][A-Za-z_-]*)\s*=(.*)")
_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")


# --------------------------------------------------------------------------------------- model


def default_group(category_id: str) -> str:
    """The group of a category that does not name one: `device` for doubt, hedges and
    intensifiers, else `loaded`."""
    return DEVICE if category_id in DEVICE_CATEGORY_IDS else LOADED


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
class Lexicon:
    """A parsed lexicon. `path` (where it was read from) is not part of equality or hashing."""

    id: str
    name: str
    language: str
    description: str = ""
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
    if lex_id and not _ID_RE.fullmatch(lex_id):
        problems.append(_error(path, f"bad lexicon id '{lex_id}': use only a-z, 0-9, '_' and '-'",
                               section.key_lines["id"]))
    lang = section.values.get("language", "")
    if lang and not _LANG_RE.fullmatch(lang):
        problems.append(_error(path, f"bad language '{lang}': use a lower-case ISO 639-1 code such as 'en'",
                               section.key_lines["language"]))


def _check_category(section: _Section, path: str, problems: list[LexiconError]) -> None:
    for key in CATEGORY_REQUIRED:
        if key not in section.values:
            problems.append(_error(path, f"category [{section.id}] is missing the required key '{key}'", section.line))


def _parse(text: str, path: str) -> tuple[Lexicon | None, list[LexiconError]]:
    """The lexicon (None when the text has problems) and every problem found, by line."""
    problems: list[LexiconError] = []
    lines = _LINE_BREAK_RE.split(text.removeprefix("\ufeff"))
    header: _Section | None = None
    categories: list[_Section] = []
    category_lines: dict[str, int] = {}
    seen_terms: dict[str, tuple[int, str]] = {}  # term key → (line, category id)
    current: _Section | None = None  # the header or the open category
    version = FORMAT_VERSION

    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if header is None:
            words = line.split()
            header = current = _Section(number)
            if words[0] == FORMAT_TAG:
                given = " ".join(words[1:]) or "(none)"
                if given not in [str(v) for v in READ_VERSIONS]:
                    readable = " or ".join(f"'{FORMAT_TAG} {v}'" for v in READ_VERSIONS)
                    problems.append(_error(
                        path, f"unsupported lexicon format version {given}: this FrameReader reads {readable}",
                        number))
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
            if not _ID_RE.fullmatch(inner):
                problems.append(_error(
                    path, f"bad category id '{inner}': use only lower-case a-z, 0-9, '_' and '-'", number))
            elif inner in category_lines:
                problems.append(_error(
                    path, f"duplicate category [{inner}] (first defined on line {category_lines[inner]})", number))
            else:
                category_lines[inner] = number
                categories.append(current)
            continue

        key_match = _KEY_RE.fullmatch(line)
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
    lexicon, problems = _parse(text, str(path))
    if problems:
        raise problems[0]
    assert lexicon is not None
    return lexicon


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

    if not _ID_RE.fullmatch(lexicon.id):
        problems.append(f"bad lexicon id '{lexicon.id}': use only a-z, 0-9, '_' and '-'")
    if not lexicon.name.strip():
        problems.append("the lexicon needs a name")
    if not _LANG_RE.fullmatch(lexicon.language):
        problems.append(f"bad language '{lexicon.language}': use a lower-case ISO 639-1 code such as 'en'")
    for value, what in ((lexicon.name, "name"), (lexicon.description, "description")):
        check(value, what)
    seen_categories: set[str] = set()
    seen_terms: dict[str, str] = {}  # term key → category name
    for cat in lexicon.categories:
        label = f"category '{cat.name or cat.id}'"
        if not _ID_RE.fullmatch(cat.id):
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
                problems.append(f"term '{term.text}' in {label}: {reason}")
            problems.extend(f"term '{term.text}' in {label}: {p}" for p in options_problems(term))
            for value, what in ((term.note, "note"), (term.alternative, "alternative")):
                if "|" in value:
                    problems.append(f"term '{term.text}': its {what} cannot contain '|'")
                check(value, f"term '{term.text}' {what}")
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


# -------------------------------------------------------------------------------- files


def _read_text(path: str | Path) -> str:
    """Read a UTF-8 lexicon or word list, turning every failure into a `LexiconError` (a FIFO,
    a device or a file over the limit is refused without blocking or reading it whole)."""
    p = Path(path)
    try:
        data = read_limited(p, MAX_LEXICON_BYTES)
    except OSError as exc:
        raise LexiconError(str(p), describe_read_error(exc)) from None
    if b"\x00" in data:
        raise LexiconError(str(p), "is a binary file, not a lexicon")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LexiconError(str(p), "is not UTF-8 text; save it as UTF-8", line) from None


def load_lexicon(path: str | Path) -> Lexicon:
    """Read and parse a `.frlex` file; raises `LexiconError` naming the file (and line)."""
    return parse_lexicon(_read_text(path), str(path))


def save_lexicon(lexicon: Lexicon, path: str | Path) -> Lexicon:
    """Write `lexicon` atomically, keeping the previous file as `<path>.bak`.

    Returns the lexicon with its `path` set to where it was saved."""
    text = serialize_lexicon(lexicon)
    try:
        atomic_write_text(path, text, backup=True)
    except OSError as exc:
        raise LexiconError(str(path), f"cannot be saved ({exc.strerror or exc})") from None
    return replace(lexicon, path=str(path))


def slugify(text: str, fallback: str = "words") -> str:
    """A valid id from a file stem or category name: lower case, other characters become '-'."""
    slug = re.sub(r"[^a-z0-9_-]+", "-", text.lower()).strip("-")
    return slug or fallback


def import_word_list(path: str | Path) -> Lexicon:
    """Read a `.frlex` lexicon, a CSV (`term,category[,note][,alternative]`) or a plain list
    (see `core.lexicons.wordlist`). Problems raise `LexiconError` with the line number."""
    from .wordlist import import_word_list as read_word_list

    return read_word_list(path)


# ------------------------------------------------------------------------------ locations


def bundled_lexicon_paths() -> list[Path]:
    """The lexicons shipped with FrameReader (`resources/lexicons/*.frlex`), sorted."""
    folder = resources_dir() / "lexicons"
    return sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []


def user_lexicon_dir() -> Path:
    """Where the user's own lexicons are kept (created when missing)."""
    folder = data_dir() / "lexicons"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def user_lexicon_paths() -> list[Path]:
    """The user's `.frlex` lexicons, sorted."""
    return sorted(user_lexicon_dir().glob(f"*{SUFFIX}"))


def lexicons_for_language(lexicons: Iterable[Lexicon], lang: str) -> tuple[tuple[Lexicon, ...], str | None]:
    """The lexicons written for `lang` (a pipeline's language), and a sentence for the user when
    some or all were set aside (None when every lexicon fits)."""
    lexicons = tuple(lexicons)
    kept = tuple(lex for lex in lexicons if lex.language == lang)
    skipped = [lex.name for lex in lexicons if lex.language != lang]
    if skipped and not kept:
        return kept, f"No enabled lexicon is written for language '{lang}'; framing terms are not shown."
    if skipped:
        return kept, f"Lexicons for other languages are not used with this '{lang}' pipeline: {', '.join(skipped)}."
    return kept, None


def lexicon_hash(lexicons: Iterable[Lexicon], rules: Iterable[str] = ()) -> str:
    """A stable sha256 of the lexicons' content (in order; paths ignored), of the inflection and
    family rules and of the matcher's switched-on rule ids, so cached analyses are redone when
    any of them changes."""
    from .families import FAMILIES_VERSION
    from .inflect import INFLECTOR_VERSION

    digest = hashlib.sha256(f"inflector {INFLECTOR_VERSION}\nfamilies {FAMILIES_VERSION}\n".encode())
    digest.update(("rules " + ",".join(sorted(rules)) + "\n").encode())
    for lex in lexicons:
        data = asdict(lex)
        data.pop("path", None)
        digest.update(json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


def category_groups(lexicons: Iterable[Lexicon]) -> dict[str, str]:
    """Per category id, its group (`loaded` or `device`); the first lexicon naming an id wins."""
    groups: dict[str, str] = {}
    for lex in lexicons:
        for cat in lex.categories:
            groups.setdefault(cat.id, cat.group)
    return groups


def group_of(category_id: str, groups: dict[str, str] | None = None) -> str:
    """Which group a category id is in: from `groups` (see `category_groups`) when it names
    it, else `default_group(category_id)`."""
    return (groups or {}).get(category_id) or default_group(category_id)


__all__ = [
    "DEVICE", "GROUPS", "LOADED", "Category", "Lexicon", "Term", "bundled_lexicon_paths", "category_groups",
    "default_group", "group_of", "import_word_list", "lexicon_hash", "lexicon_problems", "lexicons_for_language",
    "load_lexicon", "parse_lexicon", "parse_term_line", "save_lexicon", "serialize_lexicon", "slugify",
    "term_key", "term_problem", "user_lexicon_dir", "user_lexicon_paths", "validate_lexicon",
]
