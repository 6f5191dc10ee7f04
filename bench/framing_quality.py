"""`make quality`: how good are the framing highlights? Development figures, not a product part.

1. Word-level precision, recall and F1 against the BABE SG1 sentences (`biased_words`, marked
   by expert annotators; see the data set's README): a word is a run of non-space characters
   with its outer punctuation stripped, lower-cased; it is *marked* when a framing span touches
   it. Counted per sentence (a word twice in one sentence counts once) and summed. Overall, for
   the loaded-words group alone (the gold does not mark hedges or doubt markers), precision per
   category and per rule, and the ten most frequent false-positive and missed words.
2. Density: marked words per 100 words on the project's own samples (resources/samples and
   tests/data), all groups and loaded words only.

    python bench/framing_quality.py [--data DIR] [--without RULE ...] [--ablation] [--entries N]

The data folder is `../shared/data/babe-sg1` beside the repository (or $FRAMEREADER_BABE_DIR).
The product never reads it.
"""

from __future__ import annotations

import argparse
import ast
import csv
import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DATA_NAME = Path("shared") / "data" / "babe-sg1"
CSV_NAME = "final_labels_SG1.csv"
_STRIP = "\"'“”‘’.,;:!?()[]{}…*—–-"


def data_dir(given: str | None) -> Path:
    """The folder holding final_labels_SG1.csv: the argument, the environment, or
    ../shared/data/babe-sg1 beside this repository (or beside its main work tree)."""
    candidates = [Path(p) for p in (given, os.environ.get("FRAMEREADER_BABE_DIR")) if p]
    candidates.append(ROOT.parent / DATA_NAME)
    try:
        common = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--git-common-dir"], capture_output=True,
                                text=True, check=True).stdout.strip()
        candidates.append((ROOT / common).resolve().parent.parent / DATA_NAME)
    except (OSError, subprocess.CalledProcessError):
        pass
    for folder in candidates:
        if (folder / CSV_NAME).is_file():
            return folder
    raise SystemExit(f"{CSV_NAME} not found (tried: {', '.join(map(str, candidates))}); pass --data DIR")


def load_sentences(folder: Path) -> list[tuple[str, set[str]]]:
    """(sentence, gold biased words) for every row of the SG1 file."""
    rows = []
    with open(folder / CSV_NAME, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            gold = {w.strip(_STRIP).lower() for w in ast.literal_eval(row["biased_words"] or "[]")}
            rows.append((row["text"].strip(), {w for w in gold if w}))
    return rows


def marked_words(text: str, spans) -> dict[str, tuple[str, str]]:
    """word → (category, rule) for each word of `text` that a span touches."""
    out: dict[str, tuple[str, str]] = {}
    for m in re.finditer(r"\S+", text):
        word = m.group().strip(_STRIP).lower()
        if not word:
            continue
        for span in spans:
            if span.start_char < m.end() and m.start() < span.end_char:
                out.setdefault(word, (span.category_id, span.rule or "entry"))
                break
    return out


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class Scorer:
    """Runs one matcher over the parsed sentences and tallies the word-level figures."""

    def __init__(self, docs, gold, groups) -> None:
        self.docs, self.gold, self.groups = docs, gold, groups

    def score(self, matcher, loaded_only: bool) -> dict:
        tp = fp = fn = 0
        per_cat: Counter = Counter()
        per_rule: Counter = Counter()
        fp_words: Counter = Counter()
        fn_words: Counter = Counter()
        entry_tally: Counter = Counter()
        for doc, gold in zip(self.docs, self.gold):
            spans = matcher.find(doc)
            if loaded_only:
                spans = [s for s in spans if self.groups.get(s.category_id) == "loaded"]
            marked = marked_words(doc.text, spans)
            for word, (cat, rule) in marked.items():
                hit = word in gold
                tp += hit
                fp += not hit
                per_cat[(cat, hit)] += 1
                per_rule[(rule, hit)] += 1
                if not hit:
                    fp_words[word] += 1
            for span in spans:
                words = {w.strip(_STRIP).lower() for w in doc.text[span.start_char:span.end_char].split()}
                entry_tally[(span.term_text, span.category_id, bool(words & gold))] += 1
            for word in gold - set(marked):
                fn += 1
                fn_words[word] += 1
        return {"prf": prf(tp, fp, fn), "counts": (tp, fp, fn), "cat": per_cat, "rule": per_rule,
                "fp_words": fp_words, "fn_words": fn_words, "entries": entry_tally}


def _precision_table(tally: Counter, title: str) -> list[str]:
    keys = sorted({k for k, _ in tally})
    lines = [f"| {title} | marked words | correct | precision |", "|---|---|---|---|"]
    for key in sorted(keys, key=lambda k: -(tally[(k, True)] + tally[(k, False)])):
        good, bad = tally[(key, True)], tally[(key, False)]
        lines.append(f"| {key} | {good + bad} | {good} | {good / (good + bad):.2f} |")
    return lines


def _per100(analysis, spans) -> float:
    """Marked words (runs of non-space characters inside the spans) per 100 words."""
    words = sum(len(analysis.text[s.start:s.end].split()) for s in spans)
    return 100.0 * words / max(1, analysis.words)


def density(engine) -> list[str]:
    from framereader.core.documents import load_document
    from framereader.core.model import Document

    lines = ["| sample | words | marked / 100 words (all) | loaded words only |", "|---|---|---|---|"]
    groups = engine.category_groups()
    paths = sorted((ROOT / "resources" / "samples").glob("[!R]*.md")) + sorted((ROOT / "tests" / "data").glob("*.txt"))
    for path in paths:
        document = load_document(path)
        analysis = engine.analyze(Document(document.text, source=str(path)))
        loaded = [s for s in analysis.framing if groups.get(s.category) == "loaded"]
        lines.append(f"| {path.relative_to(ROOT)} | {analysis.words} | {_per100(analysis, analysis.framing):.1f} | "
                     f"{_per100(analysis, loaded):.1f} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder holding final_labels_SG1.csv")
    parser.add_argument("--without", nargs="*", default=[], help="rule or guard ids to switch off")
    parser.add_argument("--ablation", action="store_true", help="F1 with each rule and guard switched off")
    parser.add_argument("--entries", type=int, default=0, help="list the N entries with most false positives")
    parser.add_argument("--lexicon", nargs="*", type=Path, help="lexicon files to score (default: the bundled ones)")
    parser.add_argument("--news-details", type=int, default=0, metavar="N",
                        help="list the N most frequent missed phrases and wrong highlights on the news reports")
    args = parser.parse_args(argv)

    from framereader.core.lexicons.files import bundled_lexicon_paths, load_lexicon
    from framereader.core.nlp.engine import Engine
    from framereader.core.nlp.matcher import LexiconMatcher
    from framereader.core.nlp.pipeline import load_pipeline
    from framereader.core.nlp.rules import ALL_RULES, DEFAULT_RULES

    folder = data_dir(args.data)
    rows = load_sentences(folder)
    pipeline = load_pipeline(None)
    lexicons = [load_lexicon(p) for p in (args.lexicon or bundled_lexicon_paths())]
    rules = frozenset(DEFAULT_RULES) - set(args.without)
    started = time.perf_counter()
    matcher = LexiconMatcher(pipeline.nlp, lexicons, rules)
    compile_s = time.perf_counter() - started
    engine = Engine(pipeline, lexicons, rules=rules)
    groups = engine.category_groups()
    docs = list(pipeline.nlp.pipe([text for text, _ in rows], batch_size=64))
    scorer = Scorer(docs, [gold for _, gold in rows], groups)

    terms = sum(lex.term_count for lex in lexicons)
    print(f"# Framing quality ({terms} entries, {matcher.pattern_count} patterns, compiled in {compile_s:.2f} s)\n")
    print(f"Development set: {folder / CSV_NAME} ({len(rows)} sentences, "
          f"{sum(len(g) for _, g in rows)} biased words). Rules on: {', '.join(sorted(rules)) or 'none'}\n")
    print("| scope | precision | recall | F1 | TP | FP | FN |\n|---|---|---|---|---|---|---|")
    results = {}
    for label, loaded_only in (("loaded words only", True), ("all groups", False)):
        res = results[label] = scorer.score(matcher, loaded_only)
        p, r, f = res["prf"]
        print(f"| {label} | {p:.3f} | {r:.3f} | {f:.3f} | " + " | ".join(map(str, res["counts"])) + " |")
    full = results["all groups"]
    print()
    print("\n".join(_precision_table(full["cat"], "category")))
    print()
    print("\n".join(_precision_table(full["rule"], "rule (all groups)")))
    print()
    print("\n".join(_precision_table(results["loaded words only"]["rule"], "rule (loaded words only)")))
    print("\nMost frequent false positives: " + ", ".join(f"{w} ({n})" for w, n in full["fp_words"].most_common(10)))
    print("Most frequent missed words: " + ", ".join(f"{w} ({n})" for w, n in full["fn_words"].most_common(10)))
    print(f"Tokens tagged for the guards: {matcher.stats['tagged_tokens']} of "
          f"{sum(len(d) for d in docs)} ({ {k: v for k, v in matcher.stats.items() if k != 'tagged_tokens'} })")
    if args.entries:
        tally = full["entries"]
        entries = {(t, c) for t, c, _ in tally}
        worst = sorted(entries, key=lambda e: (-tally[(*e, False)], tally[(*e, True)]))[: args.entries]
        print("\nEntries with most false positives (term [category]: wrong / right): " + "; ".join(
            f"{t} [{c}]: {tally[(t, c, False)]}/{tally[(t, c, True)]}" for t, c in worst))
    if args.ablation:
        print("\n| switched off | F1 loaded only | F1 all | precision all |\n|---|---|---|---|")
        for rule in sorted(ALL_RULES & rules):
            m = LexiconMatcher(pipeline.nlp, lexicons, rules - {rule})
            lo, al = scorer.score(m, True)["prf"], scorer.score(m, False)["prf"]
            print(f"| {rule} | {lo[2]:.3f} | {al[2]:.3f} | {al[0]:.3f} |")
    from news_quality import report_lines

    print("\n## News reports\n")
    print("\n".join(report_lines(engine, details=args.news_details)))
    if args.ablation:
        from news_quality import load_reports, score

        reports = load_reports()
        print("\n| switched off (news) | phrases touched | span precision | marks in neutral traps |\n|---|---|---|---|")
        for rule in sorted(ALL_RULES & rules):
            tally = score(Engine(pipeline, lexicons, rules=rules - {rule}), reports)["all"]
            print(f"| {rule} | {tally.touched / max(1, tally.gold):.2f} | {tally.good_spans / max(1, tally.spans):.2f} | "
                  f"{len(tally.traps)} |")
    print("\n## Density on the project's samples\n")
    print("\n".join(density(engine)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
