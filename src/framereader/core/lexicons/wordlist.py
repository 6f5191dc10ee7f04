"""Word lists read as lexicons: plain lists (one term line per line) and CSV tables.

`core.lexicons.files.import_word_list` is the entry point; pure Python.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from ..errors import LexiconError
from .format import Category, DEFAULT_COLOURS, Lexicon, SUFFIX
from .files import load_lexicon, read_lexicon_text, slugify
from .syntax import content_lines
from .terms import Term, parse_term_line, term_key, term_problem


def import_word_list(path: str | Path) -> Lexicon:
    """Read a `.frlex` lexicon, a CSV (`term,category[,note][,alternative]`) or a plain list.

    A plain list has one term per line (same `term | note | alternative` syntax as `.frlex`;
    '#' lines are comments; repeated terms are skipped) and becomes one category named after the
    file. Problems raise `LexiconError` with the line number."""
    p = Path(path)
    if p.suffix.lower() == SUFFIX:
        return load_lexicon(p)
    text = read_lexicon_text(p).removeprefix("\ufeff")
    if _is_csv(p, text):
        return _import_csv(p, text)
    return _import_plain(p, text)


def _is_csv(path: Path, text: str) -> bool:
    if path.suffix.lower() in (".csv", ".tsv"):
        return True
    for line in text.splitlines():
        stripped = line.strip().removeprefix("\ufeff")
        if stripped and not stripped.startswith("#"):
            cells = {c.strip().lower() for c in re.split(r"[,;\t]", stripped)}
            return {"term", "category"} <= cells
    return False


def _import_plain(path: Path, text: str) -> Lexicon:
    slug, stem = slugify(path.stem), path.stem
    terms: list[Term] = []
    seen: set[str] = set()
    for number, line in content_lines(text):
        term, reason = parse_term_line(line)
        if term is None:
            raise LexiconError(str(path), reason or "bad term", number)
        problem = term_problem(term.text, term.exact)
        if problem:
            raise LexiconError(str(path), problem, number)
        if term_key(term.text) not in seen:
            seen.add(term_key(term.text))
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
            key = term_key(term_text)
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


__all__ = ["import_word_list"]
