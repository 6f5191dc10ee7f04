"""Property tests: any JSON in a settings file, a lesson file or a cache entry gives defaults,
a clear `DocumentError`, or a recomputed analysis; never another exception."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framereader.core.errors import DocumentError
from framereader.core.state.lesson import load_session
from framereader.core.platform.settings import ZOOM_MAX, ZOOM_MIN, Settings

SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
JSON = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                    max_leaves=12)
SETTINGS_KEYS = [f for f in Settings().to_dict()]
LESSON_KEYS = ["version", "left", "right", "pipeline", "lexicons", "hidden_labels", "hidden_categories", "view"]
DOCUMENT_KEYS = ["text", "blocks", "emphasis", "source", "encoding", "note", "format"]
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FAST
@given(st.dictionaries(st.sampled_from(SETTINGS_KEYS), JSON))
def test_any_settings_values_give_sane_settings(data: dict) -> None:
    loaded = Settings.from_dict(data)
    assert ZOOM_MIN <= loaded.zoom <= ZOOM_MAX
    assert all(isinstance(v, str) for v in loaded.recent_files + loaded.hidden_labels + loaded.extra_lexicons)
    json.dumps(loaded.to_dict(), allow_nan=False)  # and it can be written back


@FAST
@given(
    st.dictionaries(st.sampled_from(LESSON_KEYS), JSON),
    st.dictionaries(st.sampled_from(DOCUMENT_KEYS), JSON | st.just("Holloway's regime."), min_size=1),
)
def test_any_lesson_file_loads_or_is_refused_clearly(tmp_path: Path, lesson: dict, document: dict) -> None:
    path = tmp_path / "fuzz.framereader"
    data = {"format": "framereader-session", **lesson}
    if "left" not in lesson:
        data["left"] = document
    path.write_text(json.dumps(data), encoding="utf-8")
    try:
        session = load_session(path)
    except DocumentError as exc:
        assert str(path) in exc.message and len(exc.message.splitlines()) == 1
        return
    for doc in (session.left, session.right):
        if doc is not None:
            assert isinstance(doc.text, str) and (doc.note is None or isinstance(doc.note, str))
            assert all(0 <= b.start <= b.end <= len(doc.text) for b in (*doc.blocks, *doc.emphasis))
    zoom = session.view.get("zoom")
    assert zoom is None or ZOOM_MIN <= zoom <= ZOOM_MAX
    assert all(isinstance(v, str) for v in (*session.lexicons, *session.hidden_labels, *session.hidden_categories))


@FAST
@given(JSON)
def test_any_cache_entry_is_dropped_or_trusted(tmp_path: Path, payload: object) -> None:
    from framereader.core.nlp.cache import AnalysisCache

    cache = AnalysisCache(tmp_path / "cache")
    key = "0" * 64
    entry = cache.folder / f"{key}.json"
    entry.write_text(json.dumps({"key": key, "analysis": payload}), encoding="utf-8")
    assert cache.get(key, "x") is None
    assert not entry.exists()
