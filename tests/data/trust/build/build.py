"""Build the trust gold data from hand-written sources with inline markup.

Run from anywhere: ``python tests/data/trust/build/build.py``. It rewrites
``pronouns.jsonl``, ``names.jsonl`` and ``pairs/NN-a.txt``, ``NN-b.txt``, ``NN.json`` next to
this folder, and stops with an error on any markup it cannot read.

Sources (all in this folder):

``pronouns.src``
    Passages, each starting with a header line
    ``== p001 <default_kind> | Full Name; Other Name`` (the people list may be empty), followed
    by the passage lines (blank lines around it are dropped, inner line breaks kept).
    A pronoun is written ``{He=Maria Keller}`` (antecedent, default kind), ``{it=-}``
    (antecedent null), or with a kind of its own: ``{he=-/ambiguous}``.

``names.src``
    Texts, each starting with ``== n001``; a mention is ``[Ruiz|per|Ana Ruiz]`` or
    ``[Red Cross|org]`` (canonical = the surface). Kind codes are in ``KIND_CODES``;
    ``no`` (not_actor) always gets actor null.

``pairs/NN.src``
    Sections ``== a``, ``== b`` and ``== meta``. In a and b a mention is
    ``[Ruiz|Ana Ruiz]`` or ``[Ana Ruiz]``; meta is JSON with ``kinds`` (canonical -> kind),
    ``not_actors``, ``descriptors`` and ``not_descriptors``. Counts are computed from the marked
    mentions.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE.parent

PRONOUN_KINDS = {
    "two_same_gender", "one_person", "mixed_gender", "organisation", "plural_people",
    "ambiguous", "cataphora", "quote", "no_referent",
}
KIND_CODES = {
    "per": "person", "org": "organisation", "gpe": "country_city_state", "grp": "group",
    "plc": "place", "fac": "facility", "evt": "event", "no": "not_actor",
}
PRONOUN_MARK = re.compile(r"\{([^{}=]+)=([^{}/]*)(?:/([a-z_]+))?\}")
PRONOUN_WORD = re.compile(
    r"\b(?:he|him|his|himself|she|her|hers|herself|it|its|itself|they|them|their|theirs|themselves)\b",
    re.IGNORECASE,
)
NAME_MARK = re.compile(r"\[([^\[\]|]+)\|([a-z]+)(?:\|([^\[\]|]+))?\]")
PAIR_MARK = re.compile(r"\[([^\[\]|]+)(?:\|([^\[\]|]+))?\]")


def fail(where: str, message: str) -> None:
    sys.exit(f"{where}: {message}")


def blocks(path: Path) -> list[tuple[str, list[str]]]:
    """Split a source file into (header, body lines) at lines starting with '== '."""
    out: list[tuple[str, list[str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("== "):
            out.append((line[3:].strip(), []))
        elif line.startswith("#") and not out:
            continue
        elif out:
            out[-1][1].append(line.rstrip())
        elif line.strip():
            fail(str(path), f"text before the first header: {line!r}")
    return out


def body_text(lines: list[str]) -> str:
    while lines and not lines[0].strip():
        lines = lines[1:]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return "\n".join(lines)


def build_pronouns() -> list[dict[str, Any]]:
    records = []
    for header, lines in blocks(HERE / "pronouns.src"):
        head, _, people_part = header.partition("|")
        pid, default_kind = head.split()
        people = [p.strip() for p in people_part.split(";") if p.strip()]
        marked = body_text(lines)
        text_parts: list[str] = []
        pronouns: list[dict[str, Any]] = []
        pos = 0
        for match in PRONOUN_MARK.finditer(marked):
            text_parts.append(marked[pos : match.start()])
            start = sum(len(p) for p in text_parts)
            surface, antecedent, kind = match.group(1), match.group(2).strip(), match.group(3)
            kind = kind or default_kind
            if kind not in PRONOUN_KINDS:
                fail(pid, f"unknown kind {kind!r}")
            text_parts.append(surface)
            pronouns.append({
                "start": start, "end": start + len(surface), "text": surface,
                "antecedent": None if antecedent == "-" else antecedent, "kind": kind,
            })
            pos = match.end()
        text_parts.append(marked[pos:])
        text = "".join(text_parts)
        if "{" in text or "}" in text:
            fail(pid, "unread pronoun markup")
        covered = {(p["start"], p["end"]) for p in pronouns}
        for word in PRONOUN_WORD.finditer(text):
            if word.span() not in covered:
                context = text[max(0, word.start() - 40) : word.end() + 10]
                fail(pid, f"unmarked pronoun {word.group(0)!r} at {word.start()}: ...{context!r}")
        for p in pronouns:
            if not PRONOUN_WORD.fullmatch(str(p["text"])):
                fail(pid, f"marked {p['text']!r} is not a third-person pronoun")
        records.append({"id": pid, "text": text, "pronouns": pronouns, "people": people})
    return records


NUMBER_WORD = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty"
    r"|hundreds?|thousands?|millions?|billions?|dozens?)\b",
    re.IGNORECASE,
)
DATE_WORD = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March"
    r"|April|May|June|July|August|September|October|November|December)\b"
)


def check_coverage(where: str, text: str, names: list[dict[str, Any]]) -> None:
    """Digits, number words, weekdays and months must sit inside a listed span."""
    spans = sorted((n["start"], n["end"]) for n in names)
    for (s1, e1), (s2, _) in zip(spans, spans[1:]):
        if s2 < e1:
            fail(where, f"overlapping spans at {s1} and {s2}")
    def covered(a: int, b: int) -> bool:
        return any(s <= a and b <= e for s, e in spans)
    for match in list(re.finditer(r"\d+", text)) + list(NUMBER_WORD.finditer(text)) + list(
            DATE_WORD.finditer(text)):
        if not covered(*match.span()):
            fail(where, f"unlisted {match.group(0)!r}: ...{text[max(0, match.start() - 30):match.end() + 10]!r}")


def build_names() -> list[dict[str, Any]]:
    records = []
    for header, lines in blocks(HERE / "names.src"):
        nid = header.split()[0]
        marked = body_text(lines)
        text_parts: list[str] = []
        names = []
        pos = 0
        for match in NAME_MARK.finditer(marked):
            text_parts.append(marked[pos : match.start()])
            start = sum(len(p) for p in text_parts)
            surface, code, canonical = match.group(1), match.group(2), match.group(3)
            if code not in KIND_CODES:
                fail(nid, f"unknown kind code {code!r} in {match.group(0)!r}")
            kind = KIND_CODES[code]
            actor = None if kind == "not_actor" else (canonical or surface)
            if kind == "not_actor" and canonical:
                fail(nid, f"not_actor with a canonical name: {match.group(0)!r}")
            text_parts.append(surface)
            names.append({"start": start, "end": start + len(surface), "text": surface,
                          "kind": kind, "actor": actor})
            pos = match.end()
        text_parts.append(marked[pos:])
        text = "".join(text_parts)
        if "[" in text or "]" in text:
            fail(nid, "unread name markup")
        check_coverage(nid, text, names)
        records.append({"id": nid, "text": text, "names": names})
    return records


def strip_pair(marked: str, where: str) -> tuple[str, list[dict[str, Any]]]:
    parts: list[str] = []
    mentions = []
    pos = 0
    for match in PAIR_MARK.finditer(marked):
        parts.append(marked[pos : match.start()])
        start = sum(len(p) for p in parts)
        surface = match.group(1)
        parts.append(surface)
        mentions.append({"start": start, "end": start + len(surface), "text": surface,
                         "actor": match.group(2) or surface})
        pos = match.end()
    parts.append(marked[pos:])
    text = "".join(parts)
    if "[" in text or "]" in text:
        fail(where, "unread mention markup")
    return text + "\n", mentions


def make_pair(src: Path) -> tuple[dict[str, str], dict[str, Any]]:
    """The two texts (by side) and the JSON record of one pair source."""
    sections = dict(blocks(src))
    texts: dict[str, str] = {}
    mentions: dict[str, list[dict[str, Any]]] = {}
    for side in ("a", "b"):
        texts[side], mentions[side] = strip_pair(body_text(sections[side]), f"{src.name} {side}")
    meta = json.loads(body_text(sections["meta"]))
    kinds: dict[str, str] = meta["kinds"]
    shared: list[dict[str, Any]] = []
    one_sided: list[dict[str, Any]] = []
    for name in sorted({m["actor"] for side in ("a", "b") for m in mentions[side]}):
        if name not in kinds:
            fail(src.name, f"no kind for {name!r}")
        row = {"name": name, "kind": kinds[name],
               "a": sum(m["actor"] == name for m in mentions["a"]),
               "b": sum(m["actor"] == name for m in mentions["b"])}
        (shared if row["a"] and row["b"] else one_sided).append(row)
    for phrase in meta["not_actors"]:
        if phrase not in texts["a"] and phrase not in texts["b"]:
            fail(src.name, f"not_actor {phrase!r} is in neither text")
    for key in ("descriptors", "not_descriptors"):
        for name, sides in meta[key].items():
            if name not in kinds:
                fail(src.name, f"{key} for unknown actor {name!r}")
            for side, words in sides.items():
                for word in words:
                    if word.lower() not in texts[side].lower():
                        fail(src.name, f"{key} word {word!r} not in text {side}")
    result = {"shared_actors": shared, "one_sided_actors": one_sided,
              "not_actors": meta["not_actors"], "descriptors": meta["descriptors"],
              "not_descriptors": meta["not_descriptors"], "mentions": mentions}
    return texts, result


def pair_json(result: dict[str, Any]) -> str:
    return json.dumps(result, ensure_ascii=False, indent=1) + "\n"


def jsonl(records: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def main() -> None:
    (OUT / "pronouns.jsonl").write_text(jsonl(build_pronouns()), encoding="utf-8")
    (OUT / "names.jsonl").write_text(jsonl(build_names()), encoding="utf-8")
    (OUT / "pairs").mkdir(exist_ok=True)
    for src in sorted((HERE / "pairs").glob("*.src")):
        texts, result = make_pair(src)
        for side, text in texts.items():
            (OUT / "pairs" / f"{src.stem}-{side}.txt").write_text(text, encoding="utf-8")
        (OUT / "pairs" / f"{src.stem}.json").write_text(pair_json(result), encoding="utf-8")


if __name__ == "__main__":
    main()
