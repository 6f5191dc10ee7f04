"""Fault corpus: damaged analysis-cache entries and an unusable cache folder. A bad entry is
deleted and the analysis computed again; an unusable folder means analysing without a cache."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from framereader.core.lexicons.files import bundled_lexicon_paths, load_lexicon
from framereader.core.model import Document
from framereader.core.nlp.cache import AnalysisCache, cache_key
from framereader.core.nlp.engine import Engine
from framereader.core.nlp.pipeline import blank_pipeline

TEXT_A = "President Marek Holloway's regime slaughtered the truth, critics said in Geneva."
TEXT_B = "The so-called peace deal was a sham, the envoy said in Paris on Monday."


@pytest.fixture(scope="module")
def lexicons():
    return [load_lexicon(p) for p in bundled_lexicon_paths()]


def _engine(lexicons, folder: Path | None = None) -> Engine:
    return Engine(blank_pipeline(), lexicons, AnalysisCache(folder))


def _entry(engine: Engine, text: str) -> Path:
    info = engine.pipeline.info
    assert engine.cache is not None
    return engine.cache.folder / f"{cache_key(text, info.name, info.version, engine.lexicon_hash, False)}.json"


def _analyse(engine: Engine, text: str):
    engine.forget_recent()  # only the cache may answer
    return engine.analyze(Document(text=text, source="lesson.txt"))


def test_entries_swapped_between_texts_are_detected(lexicons, tmp_path: Path) -> None:
    engine = _engine(lexicons, tmp_path / "cache")
    first, second = _analyse(engine, TEXT_A), _analyse(engine, TEXT_B)
    a, b = _entry(engine, TEXT_A), _entry(engine, TEXT_B)
    swapped = tmp_path / "swap"
    a.rename(swapped)
    b.rename(a)
    swapped.rename(b)
    again = _analyse(engine, TEXT_A)
    assert again.text == TEXT_A and again.framing == first.framing
    assert _analyse(engine, TEXT_B).framing == second.framing
    assert json.loads(a.read_text(encoding="utf-8"))["analysis"]["text"] == TEXT_A  # rewritten


def _damage(entry: Path, case: str) -> None:
    data = json.loads(entry.read_text(encoding="utf-8"))
    if case == "text is a number":
        data["analysis"]["text"] = 12345
    elif case == "span outside the text":
        data["analysis"]["framing"][0]["end"] = 10**6
    elif case == "span text differs":
        data["analysis"]["framing"][0]["text"] = "something else"
    elif case == "words is a string":
        data["analysis"]["words"] = "many"
    elif case == "counts are a list":
        data["analysis"]["counts"] = [1, 2]
    elif case == "label is a number":
        data["analysis"]["framing"][0]["category"] = 7
    elif case == "not an object":
        data = [data]
    if case == "deep JSON":
        entry.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    elif case == "not UTF-8":
        entry.write_bytes(b"\xff\xfe\x00")
    elif case == "a FIFO":
        entry.unlink()
        os.mkfifo(entry)
    else:
        entry.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("case", ["text is a number", "span outside the text", "span text differs", "words is a string",
                                  "counts are a list", "label is a number", "not an object", "deep JSON", "not UTF-8",
                                  "a FIFO"])
def test_a_bad_entry_is_deleted_and_recomputed(lexicons, tmp_path: Path, case: str, no_hang) -> None:
    engine = _engine(lexicons, tmp_path / "cache")
    good = _analyse(engine, TEXT_A)
    assert good.framing  # the damage below needs a span to damage
    entry = _entry(engine, TEXT_A)
    _damage(entry, case)
    no_hang(20)
    again = _analyse(engine, TEXT_A)
    assert again == good
    assert json.loads(entry.read_text(encoding="utf-8"))["analysis"] == good.to_json()  # replaced by a good one


def test_a_file_where_the_cache_folder_should_be(lexicons, isolated_user_dirs: Path) -> None:
    (isolated_user_dirs / "cache").write_text("not a folder", encoding="utf-8")
    cache = AnalysisCache()
    assert not cache.enabled and cache.note and "cache" in cache.note and "without it" in cache.note
    engine = Engine(blank_pipeline(), lexicons, cache)
    assert _analyse(engine, TEXT_A).framing
    assert (isolated_user_dirs / "cache").read_text(encoding="utf-8") == "not a folder"  # left alone


def test_a_cache_folder_that_becomes_a_file_later(lexicons, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    engine = _engine(lexicons, folder)
    _analyse(engine, TEXT_A)
    for entry in folder.iterdir():
        entry.unlink()
    folder.rmdir()
    folder.write_text("replaced", encoding="utf-8")
    assert _analyse(engine, TEXT_B).text == TEXT_B  # get and put fail quietly; the analysis does not
