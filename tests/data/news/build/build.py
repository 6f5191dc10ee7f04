"""Builds tests/data/news/NNN.txt and NNN.json from the hand-written sources in src/*.txt.

Source format (several reports per file, one event per file):

    === 001 event=harbour-stabbing style=wire
    Headline In Title Case

    Body paragraphs with inline marks...

Inline marks are ⟦TAG|text⟧:
    ⟦ld|..⟧ loaded   ⟦ep|..⟧ epithet   ⟦rv|..⟧ reporting_verb   ⟦se|..⟧ sensational
    ⟦ev|..⟧ evaluative   ⟦wc|..⟧ word_choice   ⟦ex|..⟧ exaggeration   ⟦eu|..⟧ euphemism
    ⟦fe|..⟧ fear
    ⟦N:why|..⟧ a neutral trap (looks loaded, is not); why is one of NEUTRAL_WHY
"quoted" is computed: true when the mark lies inside double quotation marks (straight or
curly) in its paragraph. The reports use double quotation marks only.

Run: python tests/data/news/build/build.py   (rewrites ../NNN.txt and ../NNN.json)
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent

KINDS = {"ld": "loaded", "ep": "epithet", "rv": "reporting_verb", "se": "sensational",
         "ev": "evaluative", "wc": "word_choice", "ex": "exaggeration", "eu": "euphemism",
         "fe": "fear"}
NEUTRAL_WHY = {"official_phrase", "fixed_phrase", "attribution_hedge", "proper_name", "job_title",
               "legal_term", "neutral_usage"}
STYLES = {"wire", "left", "right", "tabloid"}
MARK = re.compile(r"⟦([^|⟦⟧]+)\|")


def parse_marks(src: str) -> tuple[str, list[tuple[str, int, int]]]:
    out: list[str] = []
    stack: list[tuple[str, int]] = []
    spans: list[tuple[str, int, int]] = []
    i = pos = 0
    while i < len(src):
        m = MARK.match(src, i)
        if m:
            stack.append((m.group(1), pos))
            i = m.end()
        elif src[i] == "⟧":
            if not stack:
                raise ValueError(f"unbalanced ⟧ near {src[max(0, i - 40):i]!r}")
            tag, start = stack.pop()
            spans.append((tag, start, pos))
            i += 1
        else:
            out.append(src[i])
            pos += 1
            i += 1
    if stack:
        raise ValueError(f"unclosed marks {stack}")
    return "".join(out), spans


def inside_quotes(text: str, start: int) -> bool:
    """True when offset start lies between double quotation marks of its paragraph."""
    para_start = text.rfind("\n\n", 0, start)
    para_start = 0 if para_start < 0 else para_start + 2
    inside = False
    for ch in text[para_start:start]:
        if ch == '"':
            inside = not inside
        elif ch == "\u201c":
            inside = True
        elif ch == "\u201d":
            inside = False
    return inside


def build_report(head: str, body: str) -> tuple[str, str, dict]:
    fields = head.split()
    num = fields[0]
    meta = dict(f.split("=", 1) for f in fields[1:])
    if meta["style"] not in STYLES:
        raise ValueError(f"{num}: bad style")
    text, spans = parse_marks(body)
    marks, neutral = [], []
    for tag, s, e in sorted(spans, key=lambda t: t[1]):
        if tag in KINDS:
            marks.append({"start": s, "end": e, "text": text[s:e], "kind": KINDS[tag],
                          "quoted": inside_quotes(text, s)})
        elif tag.startswith("N:") and tag[2:] in NEUTRAL_WHY:
            neutral.append({"start": s, "end": e, "text": text[s:e], "why": tag[2:]})
        else:
            raise ValueError(f"{num}: unknown tag {tag!r}")
    return num, text, {"event": meta["event"], "outlet_style": meta["style"], "marks": marks,
                       "neutral": neutral}


def build_all() -> dict[str, tuple[str, dict]]:
    reports: dict[str, tuple[str, dict]] = {}
    for path in sorted((HERE / "src").glob("*.txt")):
        chunks = re.split(r"^=== ", path.read_text(encoding="utf-8"), flags=re.M)
        for chunk in chunks[1:]:
            head, _, body = chunk.partition("\n")
            num, text, ann = build_report(head, body.strip("\n"))
            if num in reports:
                raise ValueError(f"report {num} twice")
            reports[num] = (text, ann)
    return reports


def render(ann: dict) -> str:
    return json.dumps(ann, ensure_ascii=False, indent=1) + "\n"


if __name__ == "__main__":
    built = build_all()
    if "--check" in sys.argv:
        ok = all((OUT / f"{n}.txt").read_text(encoding="utf-8") == t + "\n"
                 and (OUT / f"{n}.json").read_text(encoding="utf-8") == render(a)
                 for n, (t, a) in built.items())
        sys.exit(0 if ok else 1)
    for n, (t, a) in built.items():
        (OUT / f"{n}.txt").write_text(t + "\n", encoding="utf-8")
        (OUT / f"{n}.json").write_text(render(a), encoding="utf-8")
    print(f"wrote {len(built)} reports to {OUT}")
