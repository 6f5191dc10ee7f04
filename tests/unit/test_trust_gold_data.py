"""Invariants of the trust gold data in tests/data/trust (pronoun links, name mentions, pairs).

The data is what pronoun resolution and label consistency are measured on, so a broken offset or
a kind outside the agreed lists here would mislead every score computed from it.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "trust"

PRONOUN_KINDS = {
    "two_same_gender", "one_person", "mixed_gender", "organisation", "plural_people",
    "ambiguous", "cataphora", "quote", "no_referent",
}
NAME_KINDS = {
    "person", "organisation", "country_city_state", "group", "place", "facility", "event",
    "not_actor",
}
PRONOUN = re.compile(
    r"\b(?:he|him|his|himself|she|her|hers|herself|it|its|itself|they|them|their|theirs|themselves)\b",
    re.IGNORECASE,
)
NUMBER_OR_DATE = re.compile(
    r"\d+|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty"
    r"|fifty|hundreds?|thousands?|millions?|billions?|dozens?)\b"
    r"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March"
    r"|April|June|July|August|September|October|November|December)\b",
)


def read_jsonl(name: str) -> list[dict[str, Any]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def pronouns() -> list[dict[str, Any]]:
    return read_jsonl("pronouns.jsonl")


@pytest.fixture(scope="module")
def names() -> list[dict[str, Any]]:
    return read_jsonl("names.jsonl")


def pair_numbers() -> list[str]:
    return sorted(p.stem for p in (DATA / "pairs").glob("*.json"))


def load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("trust_build", DATA / "build" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def check_span(text: str, span: dict[str, Any]) -> None:
    assert isinstance(span["start"], int) and isinstance(span["end"], int)
    assert 0 <= span["start"] < span["end"] <= len(text)
    assert text[span["start"] : span["end"]] == span["text"], span


def check_sorted_disjoint(spans: list[dict[str, Any]]) -> None:
    for first, second in zip(spans, spans[1:]):
        assert first["end"] <= second["start"], (first, second)


def is_title_case(line: str) -> bool:
    words = re.findall(r"[A-Za-zÀ-ÿ][\w'-]*", line)
    long_words = [w for w in words if len(w) >= 4]
    return bool(long_words) and all(w[0].isupper() for w in long_words)


# --- pronouns.jsonl ---------------------------------------------------------------------------


def test_pronoun_records_are_well_formed(pronouns):
    assert len(pronouns) >= 150
    ids = [r["id"] for r in pronouns]
    assert len(set(ids)) == len(ids)
    for record in pronouns:
        assert set(record) == {"id", "text", "pronouns", "people"}, record["id"]
        assert re.fullmatch(r"p\d{3}", record["id"])
        assert isinstance(record["text"], str) and record["text"].strip()
        assert isinstance(record["people"], list)
        assert len(set(record["people"])) == len(record["people"])
        for person in record["people"]:
            assert isinstance(person, str) and person in record["text"], (record["id"], person)
        for item in record["pronouns"]:
            assert set(item) == {"start", "end", "text", "antecedent", "kind"}, record["id"]
            check_span(record["text"], item)
            assert item["kind"] in PRONOUN_KINDS, (record["id"], item)
            assert item["antecedent"] is None or isinstance(item["antecedent"], str)
        check_sorted_disjoint(record["pronouns"])
        body = record["text"].split("\n\n", 1)[-1]
        sentences = len(re.findall(r"[.!?][\"”]?(?=\s|$)", body))
        assert 1 <= sentences <= 4, (record["id"], sentences)


def test_every_third_person_pronoun_is_annotated_and_nothing_else(pronouns):
    for record in pronouns:
        found = {m.span() for m in PRONOUN.finditer(record["text"])}
        marked = {(p["start"], p["end"]) for p in record["pronouns"]}
        assert found == marked, record["id"]


def test_antecedents_agree_with_kinds(pronouns):
    for record in pronouns:
        text, people = record["text"], record["people"]
        for item in record["pronouns"]:
            where = (record["id"], item["text"], item["start"])
            antecedent, kind = item["antecedent"], item["kind"]
            if kind in {"ambiguous", "no_referent"}:
                assert antecedent is None, where
                continue
            assert antecedent, where
            for part in antecedent.split(" and "):
                assert part in text, where
            if kind in {"two_same_gender", "one_person", "mixed_gender"}:
                assert antecedent in people, where
            if kind in {"two_same_gender", "mixed_gender"}:
                assert len(people) >= 2, where
            if kind == "organisation":
                assert antecedent not in people, where
            if kind == "cataphora":
                assert text.find(antecedent) > item["start"], where
            if kind == "plural_people" and " and " in antecedent:
                assert all(part in people for part in antecedent.split(" and ")), where


def test_pronoun_mix_meets_the_brief(pronouns):
    kinds = Counter(p["kind"] for r in pronouns for p in r["pronouns"])
    assert set(kinds) == PRONOUN_KINDS
    assert all(count >= 2 for count in kinds.values()), kinds
    same_gender = [r for r in pronouns if any(p["kind"] == "two_same_gender" for p in r["pronouns"])]
    assert len(same_gender) >= 70
    ambiguous = [r for r in pronouns if any(p["kind"] == "ambiguous" for p in r["pronouns"])]
    assert len(ambiguous) >= 10
    assert sum("\n" in r["text"] for r in pronouns) >= 3  # some passages open with a headline
    reflexive = {p["text"].lower() for r in pronouns for p in r["pronouns"]}
    assert {"himself", "herself", "itself", "themselves", "hers", "theirs"} <= reflexive


# --- names.jsonl ------------------------------------------------------------------------------


def test_name_records_are_well_formed(names):
    assert len(names) >= 60
    ids = [r["id"] for r in names]
    assert len(set(ids)) == len(ids)
    for record in names:
        assert set(record) == {"id", "text", "names"}, record["id"]
        assert re.fullmatch(r"n\d{3}", record["id"])
        text = record["text"]
        for item in record["names"]:
            assert set(item) == {"start", "end", "text", "kind", "actor"}, record["id"]
            check_span(text, item)
            assert item["kind"] in NAME_KINDS, (record["id"], item)
            if item["kind"] == "not_actor":
                assert item["actor"] is None, (record["id"], item)
            else:
                assert isinstance(item["actor"], str) and item["actor"].strip(), (record["id"], item)
        check_sorted_disjoint(record["names"])
        body = text.split("\n\n", 1)[-1]
        sentences = len(re.findall(r"[.!?][\"”]?(?=\s|$)", body))
        assert 3 <= sentences <= 10, (record["id"], sentences)


def test_numbers_and_dates_are_listed_as_not_actors(names):
    for record in names:
        spans = [(n["start"], n["end"]) for n in record["names"]]
        for match in NUMBER_OR_DATE.finditer(record["text"]):
            assert any(s <= match.start() and match.end() <= e for s, e in spans), (
                record["id"], match.group(0))


def test_one_actor_keeps_one_kind_within_a_text(names):
    for record in names:
        kinds: dict[str, set[str]] = {}
        for item in record["names"]:
            if item["actor"] is not None:
                kinds.setdefault(item["actor"], set()).add(item["kind"])
        mixed = {actor: k for actor, k in kinds.items() if len(k) > 1}
        assert not mixed, (record["id"], mixed)


def test_person_mentions_point_at_the_full_name_in_the_text(names):
    for record in names:
        for item in record["names"]:
            if item["kind"] != "person":
                continue
            assert item["actor"] in record["text"], (record["id"], item)
            full = item["actor"].lower().split()
            assert all(word in full for word in item["text"].lower().split()), (record["id"], item)


def test_name_mix_meets_the_brief(names):
    kinds = Counter(n["kind"] for r in names for n in r["names"])
    assert set(kinds) == NAME_KINDS
    assert all(count >= 5 for count in kinds.values()), kinds
    headlined = [r for r in names if "\n\n" in r["text"] and is_title_case(r["text"].split("\n")[0])]
    assert len(headlined) >= 30
    surname_only = sum(
        1 for r in names for n in r["names"] if n["kind"] == "person" and n["text"] != n["actor"])
    assert surname_only >= 60


# --- pairs/ -----------------------------------------------------------------------------------


def test_there_are_enough_complete_pairs():
    numbers = pair_numbers()
    assert len(numbers) >= 8
    for number in numbers:
        for side in ("a", "b"):
            assert (DATA / "pairs" / f"{number}-{side}.txt").is_file(), (number, side)


@pytest.mark.parametrize("number", pair_numbers())
def test_pair_texts_and_key_agree(number: str):
    record = json.loads((DATA / "pairs" / f"{number}.json").read_text(encoding="utf-8"))
    texts = {side: (DATA / "pairs" / f"{number}-{side}.txt").read_text(encoding="utf-8")
             for side in ("a", "b")}
    for side, text in texts.items():
        lines = text.split("\n")
        assert is_title_case(lines[0]) and lines[1] == "", (number, side, lines[0])
        assert 250 <= len(text.split()) <= 500, (number, side, len(text.split()))
    rows = record["shared_actors"] + record["one_sided_actors"]
    assert record["shared_actors"], number
    for row in rows:
        assert set(row) == {"name", "kind", "a", "b"}
        assert row["kind"] in NAME_KINDS - {"not_actor"}
        assert isinstance(row["a"], int) and isinstance(row["b"], int)
    for row in record["shared_actors"]:
        assert row["a"] >= 1 and row["b"] >= 1, row
    for row in record["one_sided_actors"]:
        assert (row["a"] == 0) != (row["b"] == 0), row
    for side, text in texts.items():
        mentions = record["mentions"][side]
        for mention in mentions:
            check_span(text, mention)
        check_sorted_disjoint(mentions)
        counted = Counter(m["actor"] for m in mentions)
        assert counted == Counter({row["name"]: row[side] for row in rows if row[side]}), (number, side)
    names = {row["name"] for row in rows}
    assert record["not_actors"] and all(isinstance(s, str) for s in record["not_actors"])
    for phrase in record["not_actors"]:
        assert phrase in texts["a"] or phrase in texts["b"], (number, phrase)
        assert phrase not in names
    for key in ("descriptors", "not_descriptors"):
        for name, sides in record[key].items():
            assert name in names, (number, key, name)
            for side, words in sides.items():
                for word in words:
                    assert word.lower() in texts[side].lower(), (number, key, name, word)
    for name, sides in record["not_descriptors"].items():
        for side, words in sides.items():
            attached = {w.lower() for w in record["descriptors"].get(name, {}).get(side, [])}
            assert not attached & {w.lower() for w in words}, (number, name)


# --- the committed files are what the builder makes from its sources ---------------------------


def test_generated_files_match_their_sources():
    build = load_builder()
    assert (DATA / "pronouns.jsonl").read_text(encoding="utf-8") == build.jsonl(build.build_pronouns())
    assert (DATA / "names.jsonl").read_text(encoding="utf-8") == build.jsonl(build.build_names())
    sources = sorted((DATA / "build" / "pairs").glob("*.src"))
    assert [s.stem for s in sources] == pair_numbers()
    for src in sources:
        texts, result = build.make_pair(src)
        for side, text in texts.items():
            assert (DATA / "pairs" / f"{src.stem}-{side}.txt").read_text(encoding="utf-8") == text
        assert (DATA / "pairs" / f"{src.stem}.json").read_text(encoding="utf-8") == build.pair_json(result)
