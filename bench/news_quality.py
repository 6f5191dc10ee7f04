"""`make quality` on news reports: the project's news development set (tests/data/news).

Each report is `NNN.txt` with `NNN.json`: `marks` (every phrase a careful reader marks as
lexically loaded: start, end, text, kind, quoted) and `neutral` traps (phrases that look loaded
and are not: official phrases, job titles, names, attribution hedges...; start, end, text, why).
Offsets are code points into the text. A highlight *touches* a phrase when their character
ranges overlap.

Reported, for all highlights and for the loaded-words group alone:
* phrases touched: the fraction of gold phrases that a highlight touches (overall and per kind);
* span precision: the fraction of highlights that touch a gold phrase;
* character precision: the fraction of highlighted characters that lie inside gold phrases;
* precision per category (span level);
* marks in neutral traps (should be about 0), listed;
* the same with quoted material out: gold phrases marked `quoted` left out, and highlights
  inside a quotation (double quotes within a paragraph) not counted either way.

The product never reads these files; they are development data (see tests/data/news/README.md).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
NEWS_DIR = ROOT / "tests" / "data" / "news"
#: A quotation: straight or curly double quotes, within one paragraph.
_QUOTE_RE = re.compile(r"\"[^\"\n]*\"|\u201c[^\u201c\u201d\n]*\u201d")


@dataclass
class Report:
    """One news report of the development set."""

    name: str
    text: str
    marks: list[dict[str, Any]]
    neutral: list[dict[str, Any]]
    style: str = ""
    quotes: list[tuple[int, int]] = field(default_factory=list)


def load_reports(folder: Path = NEWS_DIR) -> list[Report]:
    """Every NNN.txt with its NNN.json, checked (offsets must give the recorded text)."""
    reports = []
    for path in sorted(folder.glob("*.json")):
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        data = json.loads(path.read_text(encoding="utf-8"))
        for item in (*data["marks"], *data["neutral"]):
            if text[item["start"]:item["end"]] != item["text"]:
                raise SystemExit(f"{path}: offsets {item['start']}-{item['end']} do not give {item['text']!r}")
        quotes = [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text)]
        reports.append(Report(path.stem, text, data["marks"], data["neutral"], data.get("outlet_style", ""), quotes))
    return reports


def _overlaps(a: int, b: int, c: int, d: int) -> bool:
    return a < d and c < b


def _inside(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in ranges)


class Tally:
    """Counts for one scope (all highlights or loaded words; quoted material in or out)."""

    def __init__(self) -> None:
        self.gold = self.touched = self.spans = self.good_spans = self.chars = self.good_chars = 0
        self.kind: Counter[tuple[str, bool]] = Counter()
        self.category: Counter[tuple[str, bool]] = Counter()
        self.traps: list[str] = []
        self.missed: Counter[str] = Counter()
        self.wrong: Counter[str] = Counter()

    def add(self, report: Report, spans: list[Any], quoted_out: bool) -> None:
        marks = [m for m in report.marks if not (quoted_out and m["quoted"])]
        if quoted_out:
            spans = [s for s in spans if not _inside(s.start, s.end, report.quotes)]
        for m in marks:
            hit = any(_overlaps(s.start, s.end, m["start"], m["end"]) for s in spans)
            self.gold += 1
            self.touched += hit
            self.kind[(m["kind"], hit)] += 1
            if not hit:
                self.missed[m["text"].lower()] += 1
        gold_ranges = [(m["start"], m["end"]) for m in report.marks]  # any gold phrase makes a span right
        for s in spans:
            good = any(_overlaps(s.start, s.end, a, b) for a, b in gold_ranges)
            self.spans += 1
            self.good_spans += good
            self.category[(s.category, good)] += 1
            self.chars += s.end - s.start
            self.good_chars += sum(1 for i in range(s.start, s.end) if any(a <= i < b for a, b in gold_ranges))
            if not good:
                self.wrong[f"{report.text[s.start:s.end].lower()} [{s.category}]"] += 1
            for trap in report.neutral:
                if _overlaps(s.start, s.end, trap["start"], trap["end"]):
                    self.traps.append(f"{report.name}: {trap['text']!r} ({trap['why']}) marked as "
                                      f"{s.category} by {s.term!r}")

    def row(self, label: str) -> str:
        touched = self.touched / self.gold if self.gold else 0.0
        span_p = self.good_spans / self.spans if self.spans else 0.0
        char_p = self.good_chars / self.chars if self.chars else 0.0
        return (f"| {label} | {touched:.2f} ({self.touched}/{self.gold}) | {span_p:.2f} ({self.good_spans}/"
                f"{self.spans}) | {char_p:.2f} | {len(self.traps)} |")


def score(engine: Any, reports: list[Report]) -> dict[str, Tally]:
    """Tallies for the four scopes: (all | loaded) × (quoted in | quoted out)."""
    from framereader.core.model import Document

    groups = engine.category_groups()
    tallies = {key: Tally() for key in ("all", "loaded", "all, quoted out", "loaded, quoted out")}
    for report in reports:
        analysis = engine.analyze(Document(report.text, source=f"news/{report.name}.txt"))
        spans = list(analysis.framing)
        loaded = [s for s in spans if groups.get(s.category) == "loaded"]
        tallies["all"].add(report, spans, False)
        tallies["loaded"].add(report, loaded, False)
        tallies["all, quoted out"].add(report, spans, True)
        tallies["loaded, quoted out"].add(report, loaded, True)
    return tallies


def _share_rows(tally: Counter[tuple[str, bool]], title: str, what: str, right: str, share: str) -> list[str]:
    keys = sorted({k for k, _ in tally}, key=lambda k: -(tally[(k, True)] + tally[(k, False)]))
    lines = [f"| {title} | {what} | {right} | {share} |", "|---|---|---|---|"]
    for key in keys:
        good, bad = tally[(key, True)], tally[(key, False)]
        lines.append(f"| {key} | {good + bad} | {good} | {good / (good + bad):.2f} |")
    return lines


def report_lines(engine: Any, folder: Path = NEWS_DIR, details: int = 0) -> list[str]:
    """The news section of `make quality`, as Markdown lines."""
    reports = load_reports(folder)
    if not reports:
        return [f"No news reports in {folder}."]
    tallies = score(engine, reports)
    styles = Counter(r.style for r in reports)
    lines = [f"Development set: {len(reports)} reports in {folder.relative_to(ROOT)} "
             f"({', '.join(f'{n} {s}' for s, n in styles.most_common())}), "
             f"{sum(len(r.marks) for r in reports)} gold phrases "
             f"({sum(1 for r in reports for m in r.marks if m['quoted'])} quoted), "
             f"{sum(len(r.neutral) for r in reports)} neutral traps.", "",
             "| scope | phrases touched | span precision | character precision | marks in neutral traps |",
             "|---|---|---|---|---|"]
    lines += [tally.row(label) for label, tally in tallies.items()]
    lines += ["", *_share_rows(tallies["all"].category, "category", "highlights", "touch a gold phrase", "precision")]
    lines += ["", *_share_rows(tallies["all"].kind, "gold kind", "phrases", "touched", "share touched")]
    traps = tallies["all"].traps
    lines += ["", f"Marks in neutral traps ({len(traps)}): " + ("; ".join(traps) if traps else "none")]
    if details:
        full = tallies["all"]
        lines += ["", "Missed phrases: " + ", ".join(f"{w} ({n})" for w, n in full.missed.most_common(details)),
                  "", "Wrong highlights: " + ", ".join(f"{w} ({n})" for w, n in full.wrong.most_common(details))]
    return lines


__all__ = ["NEWS_DIR", "Report", "Tally", "load_reports", "report_lines", "score"]
