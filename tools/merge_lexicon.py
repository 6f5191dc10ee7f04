"""Merge lexicon fragments (and a review list) into a bundled `.frlex` lexicon, validating them.

    .venv/bin/python tools/merge_lexicon.py LEXICON.frlex FRAGMENT.txt ... [--review REVIEW.tsv ...] [--out PATH]

(the project's virtualenv, where `framereader` is installed in editable mode)

Fragments are UTF-8 text: `#` comments, `[category_id]` lines opening one of the lexicon's
categories, then format 2 term lines. Every bad line is reported as `file:line: reason` and
skipped; a term already in the lexicon (or earlier in the fragments) is reported as a duplicate
and the first occurrence wins. The lexicon keeps its leading comment block, header and category
metadata; it is written in canonical format 2 (atomically), and parsed back as a last check.

A review file has tab-separated rows `action, category, term, value, reason`:
`remove` (drop the entry), `constrain` / `note` (replace the entry with the term line in
`value`), `move` (to the category named in `value`). Rows naming a missing entry are reported.
"""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import replace
from pathlib import Path

from framereader.core.platform.atomic import atomic_write_text
from framereader.core.lexicons.format import Lexicon, parse_lexicon, serialize_lexicon
from framereader.core.lexicons.terms import Term, parse_term_line, term_key


def leading_comments(text: str) -> str:
    """The comment block before the format line (kept as the file's header)."""
    out = []
    for line in text.splitlines():
        if line.startswith("framereader-lexicon"):
            break
        out.append(line)
    return "\n".join(out).rstrip() + "\n\n" if any(line.strip() for line in out) else ""


class Merge:
    """The categories' term lists being built, with the report of what happened."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.terms: dict[str, list[Term]] = {c.id: list(c.terms) for c in lexicon.categories}
        self.where: dict[str, str] = {term_key(t.text): c.id for c in lexicon.categories for t in c.terms}
        self.problems: list[str] = []
        self.duplicates: list[str] = []
        self.added: Counter[str] = Counter()

    def add(self, category: str, term: Term, origin: str) -> None:
        key = term_key(term.text)
        if key in self.where:
            self.duplicates.append(f"{origin}: '{term.text}' is already in [{self.where[key]}] (first kept)")
            return
        self.where[key] = category
        self.terms[category].append(term)
        self.added[category] += 1

    def fragment(self, path: Path) -> None:
        category = None
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            line = raw.strip()
            origin = f"{path}:{number}"
            if not line or line.startswith("#"):
                continue
            if line.startswith("[") and line.endswith("]"):
                category = line[1:-1].strip()
                if category not in self.terms:
                    self.problems.append(f"{origin}: unknown category [{category}] (its terms are skipped)")
                    category = None
                continue
            if category is None:
                self.problems.append(f"{origin}: term outside a known category: {line[:60]}")
                continue
            term, reason = parse_term_line(line)
            if term is None:
                self.problems.append(f"{origin}: {reason}")
                continue
            self.add(category, term, origin)

    def _take(self, category: str, text: str, origin: str) -> tuple[str, int] | None:
        key = term_key(text.lstrip("="))
        cat = self.where.get(key)
        if cat is None:
            self.problems.append(f"{origin}: no entry '{text}' to review")
            return None
        if cat != category:
            self.problems.append(f"{origin}: '{text}' is in [{cat}], not [{category}] (reviewed there)")
        index = next(i for i, t in enumerate(self.terms[cat]) if term_key(t.text) == key)
        return cat, index

    def review(self, path: Path) -> Counter[str]:
        done: Counter[str] = Counter()
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not raw.strip() or raw.startswith("#"):
                continue
            cells = raw.split("\t")
            origin = f"{path}:{number}"
            if len(cells) < 3:
                self.problems.append(f"{origin}: a review row needs action, category and term")
                continue
            action, category, text = (c.strip() for c in cells[:3])
            value = cells[3].strip() if len(cells) > 3 else ""
            found = self._take(category, text, origin)
            if found is None:
                continue
            cat, index = found
            old = self.terms[cat][index]
            if action == "remove":
                del self.terms[cat][index]
                del self.where[term_key(old.text)]
            elif action in ("constrain", "note"):
                term, reason = parse_term_line(value)
                if term is None:
                    self.problems.append(f"{origin}: {reason}")
                    continue
                new_key = term_key(term.text)
                if new_key != term_key(old.text) and new_key in self.where:
                    self.problems.append(f"{origin}: '{term.text}' is already in [{self.where[new_key]}]")
                    continue
                del self.where[term_key(old.text)]
                self.where[new_key] = cat
                self.terms[cat][index] = term
            elif action == "move":
                if value not in self.terms:
                    self.problems.append(f"{origin}: unknown category [{value}] to move to")
                    continue
                del self.terms[cat][index]
                self.terms[value].append(old)
                self.where[term_key(old.text)] = value
            else:
                self.problems.append(f"{origin}: unknown action '{action}'")
                continue
            done[action] += 1
        return done

    def result(self) -> Lexicon:
        return replace(self.lexicon, categories=tuple(
            replace(c, terms=tuple(self.terms[c.id])) for c in self.lexicon.categories))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lexicon", type=Path)
    parser.add_argument("fragments", type=Path, nargs="*")
    parser.add_argument("--review", type=Path, nargs="*", default=[], help="review files, applied in order")
    parser.add_argument("--out", type=Path, help="where to write (default: the lexicon itself)")
    args = parser.parse_args(argv)

    text = args.lexicon.read_text(encoding="utf-8")
    merge = Merge(parse_lexicon(text, args.lexicon))
    before = merge.lexicon.term_count
    for fragment in args.fragments:
        merge.fragment(fragment)
    reviewed: Counter[str] = Counter()
    for review in args.review:
        reviewed += merge.review(review)
    merged = merge.result()
    output = leading_comments(text) + serialize_lexicon(merged)
    parse_lexicon(output, args.out or args.lexicon)  # a last check: it must load
    atomic_write_text(args.out or args.lexicon, output)

    for line in merge.problems:
        print("problem:", line)
    for line in merge.duplicates:
        print("duplicate:", line)
    print(f"\n{before} entries before, {sum(merge.added.values())} added from fragments, "
          f"{len(merge.duplicates)} duplicates skipped, {len(merge.problems)} problems; review: {dict(reviewed)}; "
          f"{merged.term_count} entries written to {args.out or args.lexicon}")
    for cat in merged.categories:
        print(f"  [{cat.id}] {len(cat.terms)} entries ({merge.added[cat.id]} new), group {cat.group}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
