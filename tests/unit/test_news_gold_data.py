"""The hand-annotated gold sets for voices (tests/data/quotes) and for loaded language in
straight news (tests/data/news): every offset matches its text, every field and kind is valid,
spans sit where their kind says (quotes between their marks, loaded words inside their quote,
no overlapping marks), the minimum counts promised in the READMEs are met, and the committed
files are exactly what the builders make from the marked-up sources.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

# the tests folder, wherever this file sits below it
DATA = next(p for p in Path(__file__).resolve().parents if p.name == "tests") / "data"
QUOTES = DATA / "quotes" / "quotes.jsonl"
NEWS = DATA / "news"

DIRECT_FORMS = {"double_straight", "double_curly", "single_straight", "single_curly", "guillemets",
                "multi_paragraph", "partial", "block"}
INDIRECT_FORMS = {"said_that", "according_to", "reporting_verb", "trailing_attribution", "inverted"}
STYLE_FORMS = ("double_straight", "double_curly", "single_straight", "single_curly", "guillemets")
MARKS = {"double_straight": ('"', '"'), "double_curly": ("\u201c", "\u201d"),
         "single_straight": ("'", "'"), "single_curly": ("\u2018", "\u2019"),
         "guillemets": ("\u00ab", "\u00bb")}
REFS = {"name", "surname", "pronoun", "role", "org", "unnamed"}
PRONOUNS = {"he", "she", "they", "it", "his", "her"}
NOT_QUOTE_WHY = {"scare", "title", "nickname", "mention"}
QUOTE_KEYS = {"start", "end", "text", "kind", "form", "marks", "speaker", "speaker_is_actor",
              "speaker_ref", "speaker_start", "speaker_end", "verb", "verb_start", "verb_end", "loaded"}
NEWS_KINDS = {"loaded", "epithet", "reporting_verb", "sensational", "evaluative", "word_choice",
              "exaggeration", "euphemism", "fear"}
NEUTRAL_WHY = {"official_phrase", "fixed_phrase", "attribution_hedge", "proper_name", "job_title",
               "legal_term", "neutral_usage"}
STYLES = {"wire", "left", "right", "tabloid"}
# quotation characters that never stand for an apostrophe: each must bound an annotated span
DOUBLE_MARKS = set('"\u201c\u201d\u00ab\u00bb')


def load_builder(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"gold_builder_{path.parent.parent.name}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def passages() -> list[dict]:
    return [json.loads(line) for line in QUOTES.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def quotes(passages) -> list[dict]:
    return [q for p in passages for q in p["quotes"]]


@pytest.fixture(scope="module")
def reports() -> dict[str, tuple[str, dict]]:
    found = {}
    for txt in sorted(NEWS.glob("[0-9][0-9][0-9].txt")):
        ann = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        found[txt.stem] = (txt.read_text(encoding="utf-8"), ann)
    return found


def span_ok(text: str, span: dict) -> bool:
    return 0 <= span["start"] < span["end"] <= len(text) and text[span["start"]:span["end"]] == span["text"]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# ---------------------------------------------------------------- quotes


def test_passages_are_well_formed(passages):
    ids = [p["id"] for p in passages]
    assert len(ids) == len(set(ids))
    for p in passages:
        assert re.fullmatch(r"q\d{3}", p["id"]), p["id"]
        assert set(p) == {"id", "text", "quotes", "not_quotes"}
        text = p["text"]
        assert text == text.strip() and "\n\n\n" not in text, p["id"]
        paragraphs = text.split("\n\n")
        assert 1 <= len(paragraphs) <= 6, p["id"]
        assert all("\n" not in para for para in paragraphs), p["id"]


def test_every_quote_span_matches_its_text_and_form(passages):
    for p in passages:
        text = p["text"]
        for q in p["quotes"]:
            where = f"{p['id']} {q['text'][:40]!r}"
            assert set(q) == QUOTE_KEYS, where
            assert span_ok(text, q), where
            assert q["text"] == q["text"].strip(), where
            assert q["kind"] == ("indirect" if q["form"] in INDIRECT_FORMS else "direct"), where
            assert q["form"] in DIRECT_FORMS | INDIRECT_FORMS, where
            s, e = q["start"], q["end"]
            if q["form"] == "multi_paragraph":
                assert "\n\n" in q["text"], where
            else:
                assert "\n\n" not in q["text"], where
            if q["form"] == "block":
                assert q["marks"] is None and text[:s].endswith("> ") and text[s - 3:s] in ("\n> ", "> "), where
            elif q["kind"] == "direct":
                opening, closing = MARKS[q["marks"]]
                assert text[s - 1] == opening and text[e] == closing, where
                if q["form"] in MARKS:
                    assert q["form"] == q["marks"], where
            else:
                assert q["marks"] is None, where
                assert not q["text"].lower().startswith("that "), where
                assert not q["text"].endswith("."), where
                assert not any(ch in q["text"][:1] + q["text"][-1:] for ch in DOUBLE_MARKS), where


def test_multi_paragraph_quotes_reopen_each_paragraph(passages):
    for p in passages:
        for q in p["quotes"]:
            if q["form"] != "multi_paragraph":
                continue
            opening, closing = MARKS[q["marks"]]
            parts = q["text"].split("\n\n")
            assert all(part.startswith(opening) for part in parts[1:]), p["id"]
            assert not any(part.endswith(closing) for part in parts[:-1]), p["id"]


def test_speaker_and_verb_spans(passages):
    for p in passages:
        text = p["text"]
        for q in p["quotes"]:
            where = f"{p['id']} {q['text'][:40]!r}"
            ss, se = q["speaker_start"], q["speaker_end"]
            mention = text[ss:se]
            assert 0 <= ss < se <= len(text) and mention == mention.strip() and mention, where
            assert not overlaps((ss, se), (q["start"], q["end"])), where
            assert q["speaker_ref"] in REFS, where
            assert q["speaker_is_actor"] == (q["speaker_ref"] != "unnamed"), where
            if q["speaker_ref"] in ("name", "unnamed"):
                assert q["speaker"] == mention, where
            if q["speaker_ref"] == "pronoun":
                assert mention.lower() in PRONOUNS, where
            if q["speaker_ref"] in ("surname", "pronoun", "role"):
                # the resolved actor is named elsewhere in the passage (a nickname may split it)
                assert q["speaker"] != mention and all(w in text for w in q["speaker"].split()), where
            if q["speaker_ref"] == "surname":
                assert q["speaker"].endswith(mention), where
            if q["verb"] is None:
                assert q["verb_start"] is None and q["verb_end"] is None, where
            else:
                vs, ve = q["verb_start"], q["verb_end"]
                assert q["verb"] == q["verb"].lower() and re.fullmatch(r"[a-z]+( [a-z]+)?", q["verb"]), where
                assert 0 <= vs < ve <= len(text) and not overlaps((vs, ve), (q["start"], q["end"])), where
                assert not overlaps((vs, ve), (ss, se)), where
            if q["form"] == "according_to":
                assert q["verb"] is None and "according to" in text[max(0, ss - 40):ss].lower(), where
            elif q["kind"] == "indirect":
                assert q["verb"] is not None, where


def test_loaded_words_lie_inside_their_quote(passages):
    for p in passages:
        for q in p["quotes"]:
            spans = []
            for word in q["loaded"]:
                assert set(word) == {"start", "end", "text"}
                assert span_ok(p["text"], word), p["id"]
                assert q["start"] <= word["start"] and word["end"] <= q["end"], p["id"]
                spans.append((word["start"], word["end"]))
            for a, b in zip(sorted(spans), sorted(spans)[1:]):
                assert not overlaps(a, b), p["id"]


def test_quotes_do_not_overlap_and_not_quotes_are_not_voices(passages):
    for p in passages:
        spans = sorted((q["start"], q["end"]) for q in p["quotes"])
        for a, b in zip(spans, spans[1:]):
            assert not overlaps(a, b), p["id"]
        for n in p["not_quotes"]:
            assert set(n) == {"start", "end", "text", "why"} and n["why"] in NOT_QUOTE_WHY, p["id"]
            assert span_ok(p["text"], n), p["id"]
            s, e = n["start"], n["end"]
            assert any(p["text"][s - 1] == o and p["text"][e] == c for o, c in MARKS.values()), p["id"]
            assert not any((q["start"], q["end"]) == (s, e) for q in p["quotes"]), p["id"]
            if n["why"] == "scare":
                assert 1 <= len(n["text"].split()) <= 3, p["id"]


def test_every_double_quotation_mark_belongs_to_an_annotated_span(passages):
    """No unannotated quotation: each double mark or guillemet bounds a quote or a not-quote
    (or reopens a paragraph inside a multi-paragraph quote)."""
    for p in passages:
        text = p["text"]
        bounds: set[int] = set()
        inside: list[tuple[int, int]] = []
        for span in p["not_quotes"] + [q for q in p["quotes"] if q["kind"] == "direct"]:
            bounds |= {span["start"] - 1, span["end"]}
            if span.get("form") == "multi_paragraph":
                inside.append((span["start"], span["end"]))
        for i, ch in enumerate(text):
            if ch in DOUBLE_MARKS:
                assert i in bounds or any(s <= i < e for s, e in inside), f"{p['id']} at {i}: {text[max(0, i - 30):i + 30]!r}"


def test_quote_set_meets_its_minimum_counts(passages, quotes):
    forms = Counter(q["form"] for q in quotes)
    assert len(passages) >= 60 and len(quotes) >= 180
    direct = [q for q in quotes if q["kind"] == "direct" and q["form"] != "partial"]
    assert len(direct) >= 90
    assert all(forms[f] >= 10 for f in STYLE_FORMS), forms
    assert forms["multi_paragraph"] >= 8 and forms["partial"] >= 20 and forms["block"] >= 3
    assert sum(1 for q in quotes if q["kind"] == "indirect") >= 50
    assert all(forms[f] >= 8 for f in INDIRECT_FORMS), forms
    assert sum(1 for q in quotes if q["speaker_ref"] in ("pronoun", "role")) >= 30
    assert sum(len(p["not_quotes"]) for p in passages) >= 25
    assert {n["why"] for p in passages for n in p["not_quotes"]} == NOT_QUOTE_WHY
    share = sum(1 for q in quotes if q["loaded"]) / len(quotes)
    assert 0.4 <= share <= 0.6, share
    assert sum(1 for q in quotes if not q["speaker_is_actor"]) >= 10
    assert len({q["verb"] for q in quotes}) >= 25


def test_quotes_file_is_what_the_builder_makes():
    builder = load_builder(DATA / "quotes" / "build" / "build.py")
    assert builder.render(builder.build_all()) == QUOTES.read_text(encoding="utf-8")


# ---------------------------------------------------------------- news


def test_news_reports_are_well_formed(reports):
    assert len(reports) >= 40
    assert sorted(reports) == [f"{n:03d}" for n in range(1, len(reports) + 1)]
    for num, (raw, ann) in reports.items():
        assert raw.endswith("\n") and not raw.endswith("\n\n"), num
        text = raw[:-1]
        headline, blank, body = text.partition("\n\n")
        assert blank and headline and "\n" not in headline, num
        small = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "as", "by", "or", "but", "into", "with"}
        words = [w.strip('"\u201c\u201d!:,;') for w in headline.split()]
        assert all(not w[:1].isalpha() or w[0].isupper() or w in small for w in words), f"{num}: {headline}"
        assert 200 <= len(body.split()) and len(text.split()) <= 450, num
        assert set(ann) == {"event", "outlet_style", "marks", "neutral"}, num
        assert ann["outlet_style"] in STYLES, num


def test_news_events_come_in_groups_of_two_to_four_styles(reports):
    groups: dict[str, list[str]] = {}
    for ann in (a for _, a in reports.values()):
        groups.setdefault(ann["event"], []).append(ann["outlet_style"])
    assert len(groups) >= 10
    for event, styles in groups.items():
        assert 2 <= len(styles) <= 4 and len(set(styles)) == len(styles), event
    assert Counter(s for styles in groups.values() for s in styles).keys() == STYLES


def quoted_at(text: str, start: int) -> bool:
    para = text.rfind("\n\n", 0, start)
    inside = False
    for ch in text[(para + 2 if para >= 0 else 0):start]:
        inside = {'"': not inside, "\u201c": True, "\u201d": False}.get(ch, inside)
    return inside


def test_news_marks_and_neutral_spans(reports):
    for num, (raw, ann) in reports.items():
        text = raw[:-1]
        spans = []
        for m in ann["marks"]:
            assert set(m) == {"start", "end", "text", "kind", "quoted"}, num
            assert span_ok(text, m) and m["text"] == m["text"].strip(), f"{num} {m}"
            assert m["kind"] in NEWS_KINDS, num
            assert m["quoted"] is quoted_at(text, m["start"]), f"{num} {m}"
            spans.append((m["start"], m["end"]))
        for n in ann["neutral"]:
            assert set(n) == {"start", "end", "text", "why"} and n["why"] in NEUTRAL_WHY, num
            assert span_ok(text, n), f"{num} {n}"
            assert not any(overlaps((n["start"], n["end"]), s) for s in spans), f"{num} {n}"
        spans.sort()
        for a, b in zip(spans, spans[1:]):
            assert not overlaps(a, b), f"{num} {a} {b}"
        # marks start and end on word boundaries
        for s, e in spans:
            assert (s == 0 or not text[s - 1].isalnum()) and (e == len(text) or not text[e].isalnum()), f"{num} {text[s:e]}"


def test_names_that_are_words_open_a_line_and_are_neutral(reports):
    names = {"Shams", "Hope", "Rich", "Young", "Sharp", "Bush"}
    seen = set()
    for raw, ann in reports.values():
        for n in ann["neutral"]:
            if n["why"] == "proper_name" and n["text"] in names:
                if n["start"] == 0 or raw[n["start"] - 2:n["start"]] == "\n\n":
                    seen.add(n["text"])
    assert seen == names


def test_news_set_meets_its_minimum_counts(reports):
    anns = [a for _, a in reports.values()]
    kinds = Counter(m["kind"] for a in anns for m in a["marks"])
    assert all(kinds[k] >= 5 for k in NEWS_KINDS), kinds
    whys = Counter(n["why"] for a in anns for n in a["neutral"])
    assert all(whys[w] >= 3 for w in NEUTRAL_WHY), whys
    assert sum(1 for a in anns for m in a["marks"] if m["quoted"]) >= 40
    by_style: dict[str, list[int]] = {}
    for a in anns:
        by_style.setdefault(a["outlet_style"], []).append(len(a["marks"]))
    mean = {s: sum(v) / len(v) for s, v in by_style.items()}
    # straight wire copy carries the fewest marks, tabloids the most
    assert mean["wire"] < min(mean["left"], mean["right"]) and mean["tabloid"] > mean["wire"] * 3, mean
    neutral_texts = {n["text"].lower() for a in anns for n in a["neutral"]}
    assert {"act of terror", "war on terror", "islamic state", "reportedly", "allegedly", "according to"} <= neutral_texts


def test_news_files_are_what_the_builder_makes(reports):
    builder = load_builder(NEWS / "build" / "build.py")
    built = builder.build_all()
    assert sorted(built) == sorted(reports)
    for num, (text, ann) in built.items():
        raw, committed = reports[num]
        assert raw == text + "\n" and committed == json.loads(builder.render(ann)), num
