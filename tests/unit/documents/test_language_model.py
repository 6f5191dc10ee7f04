"""The language model's tables mapped from the user cache: same answers as py3langid's own
loader, unpacked once, released after use, and a damaged cache falls back instead of failing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framereader.core.documents import mapped_model
from framereader.core.documents.mapped_model import cached_tables, load_identifier

SAMPLES = {
    "en": "The council voted on Tuesday to close the old harbour bridge for repairs, residents said.",
    "de": "Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke für Reparaturen zu schließen.",
    "fr": "Le conseil municipal a voté mardi la fermeture du vieux pont du port pour des travaux.",
    "es": "El ayuntamiento votó el martes cerrar el viejo puente del puerto para hacer reparaciones.",
    "ru": "Городской совет во вторник проголосовал за закрытие старого моста в порту на ремонт.",
}


def _model_source() -> Path:
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    return Path(MODEL_DIR) / MODEL_FILE


@pytest.fixture(scope="module")
def reference():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def test_mapped_tables_give_py3langids_answers(reference) -> None:
    identifier, mapped = load_identifier()
    assert mapped is not None  # the tables really are mapped, not loaded on the heap
    for code, text in SAMPLES.items():
        language, confidence = identifier.classify(text)
        expected = reference.classify(text)
        assert language == expected[0] == code
        assert confidence == pytest.approx(expected[1], abs=1e-6)
        mapped.release()
        assert identifier.classify(text)[0] == code  # pages come back after a release


def test_tables_are_unpacked_once_and_reused(isolated_user_dirs: Path) -> None:
    folder = cached_tables(_model_source())
    assert folder.is_relative_to(isolated_user_dirs)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest) == set(mapped_model.TABLES)
    written = {path.name: path.stat().st_mtime_ns for path in folder.iterdir()}
    assert cached_tables(_model_source()) == folder
    assert {path.name: path.stat().st_mtime_ns for path in folder.iterdir()} == written
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(".unpacking-")]


def test_release_gives_the_mapped_pages_back() -> None:
    identifier, mapped = load_identifier()
    assert mapped is not None
    identifier.classify(SAMPLES["de"] * 20)
    touched = _mapped_rss_kb()
    assert touched > 0
    mapped.release()
    assert _mapped_rss_kb() < touched / 4


def test_a_damaged_cache_falls_back_to_the_packaged_model() -> None:
    folder = cached_tables(_model_source())
    with open(folder / "ptc.bin", "r+b") as table:
        table.truncate(1000)
    identifier, mapped = load_identifier()
    assert mapped is None
    assert identifier.classify(SAMPLES["fr"])[0] == "fr"


def _mapped_rss_kb() -> int:
    """Resident kB of this process's mappings of the cached table files (Linux /proc)."""
    total, inside = 0, False
    with open("/proc/self/smaps", encoding="utf-8", errors="replace") as smaps:
        for line in smaps:
            fields = line.split()
            if fields and "-" in fields[0] and len(fields) >= 5:  # a mapping's header line
                inside = fields[-1].endswith(("ptc.bin", "nextmove.bin"))
            elif inside and fields[:1] == ["Rss:"]:
                total += int(fields[1])
    return total

