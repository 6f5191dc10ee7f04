"""Lexicons of framing terms: the model, the `.frlex` parser and writer, and word-list import.

The file format is specified in `docs/lexicon-format.md`; matching lives in `core.matcher`.
Pure Python: no Qt, no spaCy.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from ..atomic import atomic_write_text
from ..errors import LexiconError
from ..palette import DEFAULT_CATEGORY_COLOURS
from ..paths import data_dir, resources_dir

FORMAT_TAG = "framereader-lexicon"
FORMAT_VERSION = 1
SUFFIX = ".frlex"
#: Lexicon files larger than this are refused (a lexicon is a few kilobytes).
MAX_LEXICON_BYTES = 10 * 1024 * 1024
#: Colours given to new and imported categories, in order: palette's one list, in the upper-case
#: spelling `.frlex` files use.
DEFAULT_COLOURS = tuple(colour.upper() for colour in DEFAULT_CATEGORY_COLOURS)

HEADER_KEYS = ("id", "name", "language", "description")
HEADER_REQUIRED = ("id", "name", "language")
CATEGORY_KEYS = ("name", "colour", "description")  # "color" is read as "colour"
CATEGORY_REQUIRED = ("name", "colour")

_ID_RE = re.compile(r"[a-z0-9_-]+")
_LANG_RE = re.compile(r"[a-z]{2,3}")
_COLOUR_RE = re.compile(r"#[0-9A-Fa-f]{6}")
_KEY_RE = re.compile(r"([A-Za-z][A-Za-z_-]*)\s*=(.*)")
_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")


# --------------------------------------------------------------------------------------- model


@dataclass(frozen=True)
class Term:
    """One entry: `text` is one or more words; `exact` terms are matched without inflections."""

    text: str
    note: str = ""
    alternative: str = ""
    exact: bool = False


@dataclass(frozen=True)
class Category:
    """A group of terms shown in one colour."""

    id: str
    name: str
    colour: str
    description: str = ""
    terms: tuple[Term, ...] = ()

    def term(self, text: str) -> Term | None:
        """The entry whose text is `text` (ignoring case), if any."""
        key = _term_key(text)
        return next((t for t in self.terms if _term_key(t.text) == key), None)


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


def _term_key(text: str) -> str:
    return " ".join(text.split()).casefold()


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


def parse_term_line(line: str) -> tuple[Term | None, str | None]:
    """Parse `term | note | alternative` (a leading `=` marks an exact term).

    Returns the term, or None and the reason it is invalid."""
    fields = line.split("|")
    if len(fields) > 3:
        return None, (
            f"too many '|' fields ({len(fields)}): a term line is 'term | note | alternative'"
        )
    text = fields[0].strip()
    exact = text.startswith("=")
    if exact:
        text = text[1:].strip()
    text = " ".join(text.split())
    if not text:
        return None, "empty term: write the term before the first '|'" if len(fields) > 1 else "empty term"
    note = fields[1].strip() if len(fields) > 1 else ""
    alternative = fields[2].strip() if len(fields) > 2 else ""
    return Term(text, note, alternative, exact), None


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

    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if header is None:
            words = line.split()
            header = current = _Section(number)
            if words[0] == FORMAT_TAG:
                if words[1:] != [str(FORMAT_VERSION)]:
                    version = " ".join(words[1:]) or "(none)"
                    problems.append(_error(
                        path, f"unsupported lexicon format version {version}: this FrameReader reads "
                        f"'{FORMAT_TAG} {FORMAT_VERSION}'", number))
                    return None, problems
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
            current.values[key] = value.upper() if key == "colour" else value
            current.key_lines[key] = number
            continue

        # A term line.
        if current is header:
            problems.append(_error(path, "term before any category: open a category with '[category_id]' first",
                                   number))
            continue
        term, reason = parse_term_line(line)
        if term is None:
            problems.append(_error(path, reason or "bad term", number))
            continue
        key = _term_key(term.text)
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
            Category(s.id, s.values["name"], s.values["colour"], s.values.get("description", ""), tuple(s.terms))
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


def term_problem(text: str, exact: bool = False) -> str | None:
    """Why a term text cannot be written to a `.frlex` file (None when it can).

    An exact term is written `=text`, so only '|' and spacing matter for it."""
    if not text or text != " ".join(text.split()):
        return "a term must be non-empty, without line breaks or extra spaces"
    if "|" in text:
        return "a term cannot contain '|'"
    if exact:
        return None
    if text.startswith(("#", "[", "=")):
        return "a term cannot start with '#', '[' or '='"
    if _KEY_RE.fullmatch(text):
        return "a term cannot look like 'key = value'"
    return None


def _value_problem(value: str) -> str | None:
    if value != value.strip() or "\n" in value or "\r" in value:
        return "values cannot have line breaks or leading/trailing spaces"
    return None


def _term_line(term: Term) -> str:
    text = ("=" if term.exact else "") + term.text
    if term.alternative:
        return f"{text} | {term.note} | {term.alternative}" if term.note else f"{text} || {term.alternative}"
    return f"{text} | {term.note}" if term.note else text


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
        check(cat.name, f"{label} name")
        check(cat.description, f"{label} description")
        for term in cat.terms:
            reason = term_problem(term.text, term.exact)
            if reason:
                problems.append(f"term '{term.text}' in {label}: {reason}")
            for value, what in ((term.note, "note"), (term.alternative, "alternative")):
                if "|" in value:
                    problems.append(f"term '{term.text}': its {what} cannot contain '|'")
                check(value, f"term '{term.text}' {what}")
            key = _term_key(term.text)
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
        out.extend(_term_line(term) for term in cat.terms)
    text = "\n".join(out) + "\n"
    if not problems:  # a last guard: whatever parse_lexicon would still refuse
        problems = [f"line {p.line}: {p.reason}" for p in validate_lexicon(text)]
    if problems:
        raise LexiconError(lexicon.path, f"cannot be saved as a lexicon file: {problems[0]}")
    return text


# -------------------------------------------------------------------------------- files


def _read_text(path: str | Path) -> str:
    """Read a UTF-8 lexicon or word list, turning every failure into a `LexiconError`."""
    p = Path(path)
    try:
        if p.is_dir():
            raise LexiconError(str(p), "is a folder, not a lexicon file")
        if p.stat().st_size > MAX_LEXICON_BYTES:
            raise LexiconError(str(p), f"is too large for a lexicon (over {MAX_LEXICON_BYTES // (1024 * 1024)} MB)")
        data = p.read_bytes()
    except FileNotFoundError:
        raise LexiconError(str(p), "does not exist") from None
    except PermissionError:
        raise LexiconError(str(p), "cannot be read (permission denied)") from None
    except LexiconError:
        raise
    except OSError as exc:
        raise LexiconError(str(p), f"cannot be read ({exc.strerror or exc})") from None
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


def _is_csv(path: Path, text: str) -> bool:
    if path.suffix.lower() in (".csv", ".tsv"):
        return True
    for line in text.splitlines():
        stripped = line.strip().removeprefix("\ufeff")
        if stripped and not stripped.startswith("#"):
            cells = {c.strip().lower() for c in re.split(r"[,;\t]", stripped)}
            return {"term", "category"} <= cells
    return False


def import_word_list(path: str | Path) -> Lexicon:
    """Read a `.frlex` lexicon, a CSV (`term,category[,note][,alternative]`) or a plain list.

    A plain list has one term per line (same `term | note | alternative` syntax as `.frlex`;
    '#' lines are comments; repeated terms are skipped) and becomes one category named after the
    file. Problems raise `LexiconError` with the line number."""
    p = Path(path)
    if p.suffix.lower() == SUFFIX:
        return load_lexicon(p)
    text = _read_text(p).removeprefix("\ufeff")
    if _is_csv(p, text):
        return _import_csv(p, text)
    return _import_plain(p, text)


def _import_plain(path: Path, text: str) -> Lexicon:
    slug, stem = slugify(path.stem), path.stem
    terms: list[Term] = []
    seen: set[str] = set()
    for number, raw in enumerate(_LINE_BREAK_RE.split(text), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        term, reason = parse_term_line(line)
        if term is None:
            raise LexiconError(str(path), reason or "bad term", number)
        problem = term_problem(term.text, term.exact)
        if problem:
            raise LexiconError(str(path), problem, number)
        if _term_key(term.text) not in seen:
            seen.add(_term_key(term.text))
            terms.append(term)
    category = Category(slug, stem, DEFAULT_COLOURS[0], f"Imported from {path.name}", tuple(terms))
    return Lexicon(slug, stem, "en", f"Word list imported from {path.name}", (category,), str(path))


def _import_csv(path: Path, text: str) -> Lexicon:
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    delimiter = max(",;\t", key=first.count) if path.suffix.lower() != ".tsv" else "\t"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    columns: dict[str, int] = {}
    categories: dict[str, tuple[str, list[Term]]] = {}  # id → (name, terms)
    seen: dict[str, tuple[int, str]] = {}
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row) or row[0].strip().startswith("#"):
                continue
            if header is None:
                header = [cell.strip().lower() for cell in row]
                columns = {name: i for i, name in enumerate(header) if name}
                missing = [c for c in ("term", "category") if c not in columns]
                if missing:
                    raise LexiconError(
                        str(path), f"the CSV header must name the columns 'term' and 'category' "
                        f"(missing: {', '.join(missing)}; found: {', '.join(header)})", line)
                continue
            if len(row) > len(header):
                raise LexiconError(str(path), f"the row has {len(row)} cells but the header has {len(header)}", line)

            def cell(name: str) -> str:
                i = columns.get(name)
                return row[i].strip() if i is not None and i < len(row) else ""

            values = {name: cell(name) for name in ("term", "category", "note", "alternative")}
            for name, value in values.items():
                if "\n" in value or "\r" in value:
                    raise LexiconError(str(path), f"the {name} cell has a line break", line)
                if name != "term" and "|" in value:
                    raise LexiconError(str(path), f"the {name} cell cannot contain '|'", line)
            raw_term = " ".join(values["term"].split())
            if not raw_term:
                raise LexiconError(str(path), "empty term", line)
            if not values["category"]:
                raise LexiconError(str(path), f"term '{raw_term}' has no category", line)
            exact = raw_term.startswith("=")
            term_text = raw_term[1:].strip() if exact else raw_term
            problem = term_problem(term_text, exact)
            if problem:
                raise LexiconError(str(path), f"bad term '{raw_term}': {problem}", line)
            cat_name = values["category"]
            cat_id = slugify(cat_name, "category")
            key = _term_key(term_text)
            if key in seen:
                first_line, first_cat = seen[key]
                if first_cat == cat_id:
                    continue  # the same entry twice: keep the first
                raise LexiconError(
                    str(path), f"term '{term_text}' is already in category '{first_cat}' (line {first_line}); "
                    "a term may be in only one category", line)
            seen[key] = (line, cat_id)
            categories.setdefault(cat_id, (cat_name, []))[1].append(
                Term(term_text, values["note"], values["alternative"], exact))
    except csv.Error as exc:
        raise LexiconError(str(path), f"is not valid CSV ({exc})", reader.line_num) from None
    if header is None:
        raise LexiconError(str(path), "the CSV file has no header row ('term,category,note')", 1)
    slug = slugify(path.stem)
    return Lexicon(
        id=slug,
        name=path.stem,
        language="en",
        description=f"Imported from {path.name}",
        categories=tuple(
            Category(cid, name, DEFAULT_COLOURS[i % len(DEFAULT_COLOURS)], "", tuple(terms))
            for i, (cid, (name, terms)) in enumerate(categories.items())
        ),
        path=str(path),
    )


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


def lexicon_hash(lexicons: Iterable[Lexicon]) -> str:
    """A stable sha256 of the lexicons' content (in order; paths ignored) and of the
    inflection rules, so cached analyses are redone when either changes."""
    from .inflect import INFLECTOR_VERSION

    digest = hashlib.sha256(f"inflector {INFLECTOR_VERSION}\n".encode())
    for lex in lexicons:
        data = asdict(lex)
        data.pop("path", None)
        digest.update(json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


__all__ = [
    "Category", "Lexicon", "Term", "bundled_lexicon_paths", "import_word_list", "lexicon_hash",
    "lexicon_problems", "lexicons_for_language", "load_lexicon", "parse_lexicon", "parse_term_line", "save_lexicon", "serialize_lexicon", "slugify",
    "term_problem", "user_lexicon_dir", "user_lexicon_paths", "validate_lexicon",
]
