"""Word-choice sets: competing names for the same thing ("invasion" / "special military
operation" / "incursion"), read from a plain `.frsets` file a teacher can edit.

The format is specified in `docs/lexicon-format.md` ("Word-choice sets"); matching lives in
`core.nlp.choices`, which compiles the members with the lexicon matcher's word families and
guards. Every problem names the file and line (`path:line: reason`). Pure Python: no Qt, no
spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import LexiconError
from ..platform.paths import resources_dir
from .files import content_hash, read_lexicon_text
from .syntax import (HEADER_KEYS, HEADER_REQUIRED, ID_RE, KEY_RE, LANG_RE, FileHeader, content_lines,
                     declared_version, parsed_or_raise, version_problem)
from .terms import MAX_TERM_CHARS, MAX_TERM_WORDS, Term, parse_options, term_key, term_problem
from .terms import budget_problem as term_budget_problem

FORMAT_TAG = "framereader-sets"
FORMAT_VERSION = 1
SUFFIX = ".frsets"
SET_KEYS = ("name", "topic", "note")
#: The term budget is a lexicon term's (`terms.MAX_TERM_WORDS`, `terms.MAX_TERM_CHARS`), checked in
#: one place: `terms.budget_problem`.
#: The member flag: the neutral or default name, counted in the comparison but not marked.
REFERENCE = "reference"
#: Topics of the bundled sets, in the order the app lists them; a file may name others.
TOPICS = ("war", "migration", "economy", "crime", "religion", "identity", "health", "environment",
          "politics", "places")

_TOPIC_RE = re.compile(r"[a-z][a-z -]*")


# --------------------------------------------------------------------------------------- model


@dataclass(frozen=True)
class ChoiceMember:
    """One name in a set. `note` says who uses it and why; a `reference` member is the neutral
    or default name: counted in the comparison, not marked in the reader. `exact`, `pos`,
    `also` and `exceptions` work as in a lexicon entry."""

    text: str
    note: str = ""
    reference: bool = False
    exact: bool = False
    pos: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()

    def as_term(self) -> Term:
        """The member as a lexicon entry (what the matcher compiles)."""
        return Term(self.text, self.note, "", self.exact, self.pos, self.also, self.exceptions)


@dataclass(frozen=True)
class ChoiceSet:
    """Competing names for one thing: `note` says who uses which and why."""

    id: str
    name: str
    topic: str
    note: str
    members: tuple[ChoiceMember, ...] = ()

    def member(self, text: str) -> ChoiceMember | None:
        """The member whose text is `text` (ignoring case and spacing), if any."""
        key = term_key(text)
        return next((m for m in self.members if term_key(m.text) == key), None)

    def others(self, text: str) -> tuple[str, ...]:
        """The other members' texts, in file order."""
        key = term_key(text)
        return tuple(m.text for m in self.members if term_key(m.text) != key)


@dataclass(frozen=True)
class ChoiceSets(FileHeader):
    """A parsed `.frsets` file: the header, then the sets. `path` is not part of equality."""

    sets: tuple[ChoiceSet, ...] = ()
    path: str = field(default="", compare=False)

    def get(self, set_id: str) -> ChoiceSet | None:
        """The set with this id, if any."""
        return next((s for s in self.sets if s.id == set_id), None)

    @property
    def member_count(self) -> int:
        return sum(len(s.members) for s in self.sets)


def sets_by_id(files: Iterable[ChoiceSets]) -> dict[str, ChoiceSet]:
    """Every set of `files` by id; the first file naming an id wins."""
    found: dict[str, ChoiceSet] = {}
    for sets in files:
        for item in sets.sets:
            found.setdefault(item.id, item)
    return found


# ------------------------------------------------------------------------------------- parsing


@dataclass
class _Section:
    line: int
    id: str = ""
    values: dict[str, str] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    members: list[ChoiceMember] = field(default_factory=list)


def budget_problem(text: str) -> str | None:
    """Why a member or form is over the budget (None when it fits): `terms.budget_problem`, the
    one check for lexicon terms and word-choice members (8 words, 80 characters)."""
    return term_budget_problem(text, "the name")


def parse_member_line(line: str) -> tuple[ChoiceMember | None, str | None]:
    """Parse `term | who uses it and why | options` (a leading `=` marks an exact term; the
    options are `reference`, `pos=`, `also=`, `except=`, separated by `;`)."""
    fields = line.split("|")
    if len(fields) > 3:
        return None, f"too many '|' fields ({len(fields)}): a member line is 'term | who uses it and why | options'"
    text = fields[0].strip()
    exact = text.startswith("=")
    text = " ".join((text[1:] if exact else text).split())
    if not text:
        return None, "empty term: write the term before the first '|'"
    problem = term_problem(text, exact) or budget_problem(text)
    if problem:
        return None, problem
    note = fields[1].strip() if len(fields) > 1 else ""
    reference = False
    rest: list[str] = []
    for part in (fields[2].split(";") if len(fields) > 2 else ()):
        if part.strip().lower() == REFERENCE:
            if reference:
                return None, f"option '{REFERENCE}' is given twice"
            reference = True
        elif part.strip():
            rest.append(part)
    options, reason = parse_options(";".join(rest))
    if reason:
        return None, reason + f" (or '{REFERENCE}')" if reason.startswith("unknown option") else reason
    for form in options.get("also", ()):
        problem = budget_problem(form)
        if problem:
            return None, f"also= form {problem}"
    return ChoiceMember(text, note, reference, exact, options.get("pos", ()), options.get("also", ()),
                        options.get("except", ())), None


def _parse(text: str, path: str) -> tuple[ChoiceSets | None, list[LexiconError]]:
    problems: list[LexiconError] = []

    def error(reason: str, line: int) -> None:
        problems.append(LexiconError(path, reason, line))

    header: _Section | None = None
    current: _Section | None = None
    sections: list[_Section] = []
    set_lines: dict[str, int] = {}
    seen: dict[str, tuple[int, str]] = {}  # member key → (line, set id)
    for number, line in content_lines(text):
        if header is None:
            header = current = _Section(number)
            given = declared_version(line, FORMAT_TAG)
            if given is not None:
                unsupported = version_problem(given, FORMAT_TAG, (FORMAT_VERSION,), "word-choice")
                if unsupported:
                    error(unsupported, number)
                    return None, problems
                continue
            error(f"missing format line: the first line must be '{FORMAT_TAG} {FORMAT_VERSION}'", number)
        if line.startswith("["):
            inner = line[1:-1].strip() if line.endswith("]") else None
            current = _Section(number, id=inner or "")
            if inner is None:
                error("a set line must look like '[set_id]'", number)
            elif not ID_RE.fullmatch(inner):
                error(f"bad set id '{inner}': use only lower-case a-z, 0-9, '_' and '-'", number)
            elif inner in set_lines:
                error(f"duplicate set [{inner}] (first defined on line {set_lines[inner]})", number)
            else:
                set_lines[inner] = number
                sections.append(current)
            continue
        assert current is not None
        key_match = KEY_RE.fullmatch(line)
        if key_match:
            _key_line(current, current is header, key_match, number, error)
            continue
        if current is header:
            error("member before any set: open a set with '[set_id]' first", number)
            continue
        member, reason = parse_member_line(line)
        if member is None:
            error(reason or "bad member", number)
            continue
        key = term_key(member.text)
        if key in seen:
            first_line, first_set = seen[key]
            error(f"duplicate term '{member.text}' (first on line {first_line} in [{first_set}]): "
                  "a term may be in only one set", number)
            continue
        seen[key] = (number, current.id)
        current.members.append(member)

    if header is None:
        error(f"the file is empty: the first line must be '{FORMAT_TAG} {FORMAT_VERSION}'", 1)
        return None, problems
    for key in HEADER_REQUIRED:
        if key not in header.values:
            error(f"missing required header key '{key}'", header.line)
    for section in sections:
        for key in SET_KEYS:
            if key not in section.values:
                error(f"set [{section.id}] is missing the required key '{key}'", section.line)
        if len(section.members) < 2:
            error(f"set [{section.id}] needs at least two members (competing names)", section.line)
        elif all(m.reference for m in section.members):
            error(f"set [{section.id}] has only '{REFERENCE}' members: at least one must be marked", section.line)
    problems.sort(key=lambda p: p.line or 0)
    if problems:
        return None, problems
    return ChoiceSets(
        id=header.values["id"], name=header.values["name"], language=header.values["language"],
        description=header.values.get("description", ""),
        sets=tuple(ChoiceSet(s.id, s.values["name"], s.values["topic"], s.values["note"], tuple(s.members))
                   for s in sections),
        path=path,
    ), problems


def _key_line(section: _Section, in_header: bool, match: re.Match[str], number: int,
              error: Callable[[str, int], None]) -> None:
    key, value = match.group(1).lower(), match.group(2).strip()
    allowed = HEADER_KEYS if in_header else SET_KEYS
    if key not in allowed:
        where = "header" if in_header else "set"
        error(f"unknown {where} key '{match.group(1)}' (known keys: {', '.join(allowed)})", number)
        return
    if key in section.key_lines:
        error(f"key '{key}' is given twice (first on line {section.key_lines[key]})", number)
        return
    if section.members:
        error(f"key '{key}' must come before the set's members", number)
        return
    if not value and key != "description":
        error(f"key '{key}' has no value", number)
    elif key == "id" and not ID_RE.fullmatch(value):
        error(f"bad id '{value}': use only a-z, 0-9, '_' and '-'", number)
    elif key == "language" and not LANG_RE.fullmatch(value):
        error(f"bad language '{value}': use a lower-case ISO 639-1 code such as 'en'", number)
    elif key == "topic" and not _TOPIC_RE.fullmatch(value):
        error(f"bad topic '{value}': use lower-case words (such as {', '.join(TOPICS[:4])})", number)
    section.values[key] = value
    section.key_lines[key] = number


def parse_choice_sets(text: str, path: str | Path = "") -> ChoiceSets:
    """Parse `.frsets` text; raises `LexiconError(path, reason, line)` for the first problem."""
    return parsed_or_raise(*_parse(text, str(path)))


def validate_choice_sets(text: str, path: str | Path = "") -> list[LexiconError]:
    """Every problem in `.frsets` text, in line order (empty when it is valid)."""
    return _parse(text, str(path))[1]


def load_choice_sets(path: str | Path) -> ChoiceSets:
    """Read and parse a `.frsets` file; raises `LexiconError` naming the file (and line)."""
    return parse_choice_sets(read_lexicon_text(path), str(path))


def bundled_choice_set_paths() -> list[Path]:
    """The word-choice sets shipped with FrameReader (`resources/lexicons/*.frsets`), sorted."""
    folder = resources_dir() / "lexicons"
    return sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []


def bundled_choice_sets() -> tuple[ChoiceSets, ...]:
    """The bundled set files, parsed (a bundled file with a problem raises `LexiconError`)."""
    return tuple(load_choice_sets(path) for path in bundled_choice_set_paths())


def choice_sets_hash(files: Iterable[ChoiceSets]) -> str:
    """A stable sha256 of the sets' content (in order; paths ignored), so cached analyses are
    redone when a set changes."""
    return content_hash(f"{FORMAT_TAG} {FORMAT_VERSION}\n", files)


__all__ = [
    "FORMAT_TAG", "MAX_TERM_CHARS", "MAX_TERM_WORDS", "REFERENCE", "SUFFIX", "TOPICS", "ChoiceMember", "ChoiceSet",
    "ChoiceSets", "budget_problem", "bundled_choice_set_paths", "bundled_choice_sets", "choice_sets_hash", "load_choice_sets", "parse_choice_sets",
    "parse_member_line", "sets_by_id", "validate_choice_sets",
]
