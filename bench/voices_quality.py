"""`make quality`: how good are the voices (quotations, speakers, attribution verbs)?
Development figures, not a product part.

1. On `tests/data/quotes/quotes.jsonl` (248 quotations in 65 news-style passages, see its README):
   - quotations found: a gold quotation is found when a voice of the same kind (direct or
     indirect) overlaps at least half of it; precision is the share of voices found that
     overlap a gold quotation (or a gold not-quote: a scare quote, title... counted as false);
   - speaker right: among found quotations, the speaker equals the gold speaker (case, a
     leading "the"/"a" and white space ignored; a surname alone is not enough);
   - attribution verb right: among found quotations, the verb lemma equals the gold verb
     (both none for "according to").
   Each per form (double_straight ... inverted) and per way the speaker is given (name,
   surname, pronoun, role, org, unnamed).
2. On `tests/data/news/` (45 reports): the share of the gold loaded-word marks inside
   quotations (`quoted: true`) that are flagged as quoted (inside a voice or the writer's scare
   quotes), and of the others that are not.

    python bench/voices_quality.py [--misses]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
QUOTES = ROOT / "tests" / "data" / "quotes" / "quotes.jsonl"
NEWS = ROOT / "tests" / "data" / "news"
_DET = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def same_speaker(mine: str, gold: str) -> bool:
    """Speakers are the same, ignoring case, white space and a leading article."""
    def norm(s: str) -> str:
        return _DET.sub("", " ".join(s.replace("’", "'").split())).casefold()
    return bool(mine) and norm(mine) == norm(gold)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_passages(rows: list[dict[str, Any]], analyses: list[Any]) -> dict[str, Any]:
    """Counts per form and speaker form, plus the misses (for --misses)."""
    by: dict[str, Counter[str]] = defaultdict(Counter)
    misses: list[str] = []
    predicted = wrong_predicted = 0
    for row, analysis in zip(rows, analyses):
        text = row["text"]
        quotes = list(analysis.quotes)
        gold_spans = [(q["start"], q["end"]) for q in row["quotes"]]
        for q in quotes:
            predicted += 1
            if not any(overlap((q.start, q.end), g) for g in gold_spans):
                wrong_predicted += 1
                misses.append(f"{row['id']} EXTRA {q.kind} {text[q.start:q.end][:70]!r} speaker={q.speaker!r}")
        for gold in row["quotes"]:
            length = gold["end"] - gold["start"]
            found = [q for q in quotes if q.kind == gold["kind"] and overlap((q.start, q.end), (gold["start"], gold["end"])) * 2 >= length]
            keys = ("all", gold["kind"], "form:" + gold["form"], "speaker:" + gold["speaker_ref"])
            for key in keys:
                by[key]["gold"] += 1
            if not found:
                misses.append(f"{row['id']} MISSED {gold['form']} {gold['text'][:70]!r}")
                continue
            mine = max(found, key=lambda q: overlap((q.start, q.end), (gold["start"], gold["end"])))
            speaker_ok = same_speaker(mine.speaker, gold["speaker"])
            verb_ok = (mine.verb or None) == (gold["verb"] or None)
            for key in keys:
                by[key]["found"] += 1
                by[key]["speaker"] += speaker_ok
                by[key]["verb"] += verb_ok
                by[key]["as_actor"] += mine.speaker_is_actor
                by[key]["actor_right"] += mine.speaker_is_actor and speaker_ok
            if not speaker_ok:
                misses.append(f"{row['id']} SPEAKER {gold['form']}/{gold['speaker_ref']}: {mine.speaker!r} "
                              f"(gold {gold['speaker']!r}) via {mine.how!r}")
            if not verb_ok:
                misses.append(f"{row['id']} VERB {gold['form']}: {mine.verb!r} (gold {gold['verb']!r})")
    return {"by": by, "misses": misses, "predicted": predicted, "wrong_predicted": wrong_predicted}


def news_flags(engine: Any) -> tuple[int, int, int, int]:
    """(quoted marks flagged as quoted, quoted marks, other marks flagged, other marks): a mark
    is flagged when it lies inside a voice or inside the writer's scare quotes (both are kept
    apart from the writer's own words, `core.voices.direct.mark_quoted`)."""
    from framereader.core.documents import load_document
    from framereader.core.voices.direct import QuotedRanges

    hit = total = wrong = others = 0
    for path in sorted(NEWS.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        analysis = engine.analyze(load_document(path.with_suffix(".txt")), descriptors=True)
        ranges = QuotedRanges(analysis.quotes, analysis.text)
        for mark in gold["marks"]:
            inside = ranges.holding(mark["start"], mark["end"]) is not None
            if mark["quoted"]:
                total += 1
                hit += inside
            else:
                others += 1
                wrong += inside
    return hit, total, wrong, others


def pct(n: int, d: int) -> str:
    return f"{100.0 * n / d:5.1f}%" if d else "   - "


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", action="store_true", help="list every miss")
    args = parser.parse_args()
    from framereader.core.documents import document_from_text
    from framereader.core.nlp.engine import Engine

    engine = Engine.create()
    rows = [json.loads(line) for line in QUOTES.read_text(encoding="utf-8").splitlines() if line.strip()]
    started = time.perf_counter()
    analyses = [engine.analyze(document_from_text(row["text"]), descriptors=True) for row in rows]
    seconds = time.perf_counter() - started
    result = score_passages(rows, analyses)
    by = result["by"]
    print(f"Voices on tests/data/quotes ({len(rows)} passages, {by['all']['gold']} quotations, {seconds:.1f} s)")
    print(f"{'':28} {'gold':>5} {'found':>7} {'speaker right':>14} {'verb right':>11}")
    order = ["all", "direct", "indirect"] + sorted(k for k in by if k.startswith("form:")) + sorted(
        k for k in by if k.startswith("speaker:"))
    for key in order:
        c = by[key]
        print(f"{key:28} {c['gold']:5} {pct(c['found'], c['gold']):>7} {pct(c['speaker'], c['found']):>14} "
              f"{pct(c['verb'], c['found']):>11}")
    named = by["all"]["found"] - by["speaker:pronoun"]["found"]
    print(f"speaker right leaving aside the {by['speaker:pronoun']['gold']} given only by a pronoun (shown as written, "
          f"not guessed): {pct(by['all']['speaker'] - by['speaker:pronoun']['speaker'], named).strip()}")
    for key in ("all", "speaker:pronoun"):
        c = by[key]
        print(f"speakers shown as an actor ({key}): {c['actor_right']} of {c['as_actor']} right "
              f"({pct(c['actor_right'], c['as_actor']).strip()} precision); the others are shown as written")
    precision = 1 - result["wrong_predicted"] / result["predicted"] if result["predicted"] else 0.0
    print(f"precision: {result['predicted'] - result['wrong_predicted']} of {result['predicted']} voices found "
          f"overlap a gold quotation ({100 * precision:.1f}%)")
    hit, total, wrong, others = news_flags(engine)
    print(f"tests/data/news: {hit} of {total} loaded words inside quotations flagged as quoted ({pct(hit, total).strip()}); "
          f"{wrong} of {others} of the writer's own flagged by mistake ({pct(wrong, others).strip()})")
    if args.misses:
        print("\n".join(result["misses"]))


if __name__ == "__main__":
    main()
