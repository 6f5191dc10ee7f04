"""Builds tests/data/quotes/quotes.jsonl from the hand-written sources in src/*.txt.

Source format (one passage after another):

    === q001
    @1 double_curly name
    @2 inverted role speaker="Amara Okafor" verb=say
    ...passage text with inline marks...

Inline marks are ⟦TAG|text⟧ and may nest:
    ⟦q1|...⟧     the span of quote 1 (direct: between the marks; indirect: the reported clause)
    ⟦s1|...⟧     speaker mention of quote 1 (⟦s1,2|...⟧ serves quotes 1 and 2)
    ⟦v1|...⟧     the attribution verb of quote 1 (⟦v1,2|...⟧ likewise)
    ⟦L|...⟧      a loaded word or phrase inside the enclosing quote
    ⟦N:why|...⟧  quoted words that are not a voice (why: scare, title, nickname, mention)

Metadata line: "@N FORM REF [speaker=\"...\"] [verb=lemma|-]". REF is how the speaker is given:
name, surname, pronoun, role (a role or title resolvable to a named actor), org, unnamed (a
phrase with no named actor). speaker= is required for surname, pronoun and role; for name,
org and unnamed it defaults to the mention as written. verb= defaults to the lemma of the
verb span (from LEMMAS below); "verb=-" or no verb span gives null.

Run: python tests/data/quotes/build/build.py   (writes ../quotes.jsonl)
"""

from __future__ import annotations

import json
import re
import shlex
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "quotes.jsonl"

INDIRECT = {"said_that", "according_to", "reporting_verb", "trailing_attribution", "inverted"}
DIRECT = {"double_straight", "double_curly", "single_straight", "single_curly", "guillemets",
          "multi_paragraph", "partial", "block"}
REFS = {"name", "surname", "pronoun", "role", "org", "unnamed"}
WHY = {"scare", "title", "nickname", "mention"}
# opening and closing characters of each style of quotation mark
MARKS = {"double_straight": ('"', '"'), "double_curly": ("\u201c", "\u201d"),
         "single_straight": ("'", "'"), "single_curly": ("\u2018", "\u2019"),
         "guillemets": ("\u00ab", "\u00bb")}
LEMMAS = {
    "said": "say", "says": "say", "told": "tell", "tells": "tell", "added": "add", "wrote": "write",
    "writes": "write", "asked": "ask", "admitted": "admit", "conceded": "concede",
    "insisted": "insist", "claimed": "claim", "claims": "claim", "complained": "complain",
    "boasted": "boast", "slammed": "slam", "blasted": "blast", "lashed out": "lash out",
    "ranted": "rant", "fumed": "fume", "railed": "rail", "warned": "warn", "warns": "warn",
    "vowed": "vow", "denied": "deny", "acknowledged": "acknowledge", "argued": "argue",
    "called": "call", "described": "describe", "explained": "explain", "recalled": "recall",
    "replied": "reply", "answered": "answer", "continued": "continue", "declared": "declare",
    "announced": "announce", "stated": "state", "noted": "note", "predicted": "predict",
    "promised": "promise", "urged": "urge", "suggested": "suggest", "maintained": "maintain",
    "alleged": "allege", "shouted": "shout", "snapped": "snap", "scoffed": "scoff",
    "grumbled": "grumble", "hit back": "hit back", "ripped into": "rip into", "hammered": "hammer",
    "sneered": "sneer", "confirmed": "confirm", "estimated": "estimate", "testified": "testify",
    "pleaded": "plead", "cautioned": "caution", "dismissed": "dismiss", "branded": "brand",
    "labelled": "label", "mocked": "mock", "bragged": "brag", "whined": "whine",
    "thundered": "thunder", "wondered": "wonder", "reported": "report", "posted": "post",
    "tweeted": "tweet", "remarked": "remark", "observed": "observe", "conceding": "concede",
    "saying": "say", "adding": "add", "telling": "tell", "joked": "joke", "lamented": "lament",
    "protested": "protest", "objected": "object", "fired back": "fire back", "went on": "go on",
    "blamed": "blame", "accused": "accuse", "demanded": "demand", "wrote back": "write back",
}

MARK = re.compile(r"⟦([^|⟦⟧]+)\|")


def parse_marks(src: str) -> tuple[str, list[tuple[str, int, int]]]:
    """Strip the ⟦TAG|...⟧ marks; return the plain text and (tag, start, end) spans."""
    out: list[str] = []
    pos = 0
    stack: list[tuple[str, int]] = []
    spans: list[tuple[str, int, int]] = []
    i = 0
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


def nums(tag: str) -> list[int]:
    return [int(n) for n in tag[1:].split(",")]


def build_passage(pid: str, meta: dict[int, dict[str, str]], body: str) -> dict:
    text, spans = parse_marks(body)
    quotes: dict[int, dict] = {}
    for tag, s, e in spans:
        if tag[0] == "q":
            (n,) = nums(tag)
            if n in quotes:
                raise ValueError(f"{pid}: quote {n} marked twice")
            quotes[n] = {"start": s, "end": e}
    speakers: dict[int, tuple[int, int]] = {}
    verbs: dict[int, tuple[int, int]] = {}
    loaded: dict[int, list[dict]] = {n: [] for n in quotes}
    not_quotes = []
    for tag, s, e in spans:
        if tag[0] in "sv" and re.fullmatch(r"[sv]\d+(,\d+)*", tag):
            for n in nums(tag):
                table = speakers if tag[0] == "s" else verbs
                if n in table:
                    raise ValueError(f"{pid}: {tag[0]}{n} marked twice")
                table[n] = (s, e)
        elif tag == "L":
            owners = [n for n, q in quotes.items() if q["start"] <= s and e <= q["end"]]
            if len(owners) != 1:
                raise ValueError(f"{pid}: loaded {text[s:e]!r} not inside exactly one quote")
            loaded[owners[0]].append({"start": s, "end": e, "text": text[s:e]})
        elif tag.startswith("N:"):
            why = tag[2:]
            if why not in WHY:
                raise ValueError(f"{pid}: bad why {why!r}")
            not_quotes.append({"start": s, "end": e, "text": text[s:e], "why": why})
        elif tag[0] != "q":
            raise ValueError(f"{pid}: unknown tag {tag!r}")
    if set(meta) != set(quotes):
        raise ValueError(f"{pid}: metadata for {sorted(meta)} but quotes {sorted(quotes)}")
    result = []
    for n in sorted(quotes, key=lambda k: quotes[k]["start"]):
        m = meta[n]
        form, ref = m["form"], m["ref"]
        if form not in DIRECT | INDIRECT or ref not in REFS:
            raise ValueError(f"{pid}: quote {n}: bad form/ref {form} {ref}")
        if n not in speakers:
            raise ValueError(f"{pid}: quote {n} has no speaker span")
        ss, se = speakers[n]
        speaker = m.get("speaker", text[ss:se])
        if ref in {"surname", "pronoun", "role"} and "speaker" not in m:
            raise ValueError(f"{pid}: quote {n}: ref {ref} needs speaker=")
        if n in verbs:
            vs, ve = verbs[n]
            vtext = text[vs:ve]
            verb = m.get("verb", LEMMAS.get(vtext.lower()))
            if verb is None:
                raise ValueError(f"{pid}: quote {n}: no lemma for {vtext!r}")
            if verb == "-":
                raise ValueError(f"{pid}: quote {n}: verb=- with a verb span")
        else:
            if m.get("verb", "-") != "-":
                raise ValueError(f"{pid}: quote {n}: verb without span")
            vs = ve = verb = None
        q = quotes[n]
        item = {
            "start": q["start"], "end": q["end"], "text": text[q["start"]:q["end"]],
            "kind": "indirect" if form in INDIRECT else "direct", "form": form,
            "marks": None,
            "speaker": speaker, "speaker_is_actor": ref != "unnamed", "speaker_ref": ref,
            "speaker_start": ss, "speaker_end": se,
            "verb": verb, "verb_start": vs, "verb_end": ve,
            "loaded": sorted(loaded[n], key=lambda x: x["start"]),
        }
        if form not in INDIRECT:
            item["marks"] = detect_marks(pid, text, item)
        result.append(item)
    return {"id": pid, "text": text, "quotes": result,
            "not_quotes": sorted(not_quotes, key=lambda x: x["start"])}


def detect_marks(pid: str, text: str, q: dict) -> str | None:
    s, e = q["start"], q["end"]
    if q["form"] == "block":
        if not (text[:s].endswith("\n> ") or text[:s] == "> "):
            raise ValueError(f"{pid}: block quote not after '> '")
        return None
    for name, (o, c) in MARKS.items():
        if s > 0 and text[s - 1] == o and e < len(text) and text[e] == c:
            if q["form"] in MARKS and q["form"] != name:
                raise ValueError(f"{pid}: form {q['form']} but marks {name}: {q['text']!r}")
            return name
    raise ValueError(f"{pid}: no quotation marks around {q['text']!r}")


def parse_meta(line: str) -> tuple[int, dict[str, str]]:
    parts = shlex.split(line[1:])
    n = int(parts[0])
    d = {"form": parts[1], "ref": parts[2]}
    for p in parts[3:]:
        k, _, v = p.partition("=")
        d[k] = v
    return n, d


def build_all() -> list[dict]:
    items = []
    for path in sorted((HERE / "src").glob("*.txt")):
        chunks = re.split(r"^=== ", path.read_text(encoding="utf-8"), flags=re.M)
        for chunk in chunks[1:]:
            head, _, rest = chunk.partition("\n")
            lines = rest.split("\n")
            meta = {}
            while lines and lines[0].startswith("@"):
                n, d = parse_meta(lines.pop(0))
                meta[n] = d
            body = "\n".join(lines).strip("\n")
            items.append(build_passage(head.strip(), meta, body))
    ids = [it["id"] for it in items]
    if len(ids) != len(set(ids)):
        raise ValueError("duplicate passage ids")
    return items


def render(items: list[dict]) -> str:
    return "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items)


if __name__ == "__main__":
    data = render(build_all())
    if "--check" in sys.argv:
        sys.exit(0 if OUT.read_text(encoding="utf-8") == data else 1)
    OUT.write_text(data, encoding="utf-8")
    print(f"wrote {OUT}")
