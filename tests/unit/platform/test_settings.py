"""Settings: JSON round trip, tolerance of unknown/missing/wrong keys, corrupt-file fallback."""

from __future__ import annotations

import json
from pathlib import Path

from framereader.core.platform.settings import (
    DEFAULT_HIDDEN_LABELS,
    MAX_RECENT,
    Settings,
    load_settings,
    save_settings,
    settings_path,
)


def test_missing_file_gives_defaults_without_warning() -> None:
    settings, warning = load_settings()
    assert warning is None
    assert settings == Settings()
    assert settings.sync_scrolling and settings.zoom == 1.0 and settings.highlights_on
    assert settings.hidden_labels == list(DEFAULT_HIDDEN_LABELS)


def test_round_trip_through_the_config_dir(isolated_user_dirs: Path) -> None:
    settings = Settings(sync_scrolling=False, zoom=1.5, hidden_labels=["DATE"], hidden_categories=["hedges"],
                        window_geometry="AAEC", splitter_state="AAAA")
    settings.add_recent("/texts/a.md")
    save_settings(settings)
    assert settings_path().parent == isolated_user_dirs / "config"
    loaded, warning = load_settings()
    assert warning is None
    assert loaded == settings


def test_recent_files_are_unique_newest_first_and_capped() -> None:
    settings = Settings()
    for index in range(MAX_RECENT + 5):
        settings.add_recent(f"/t/{index}.txt")
    settings.add_recent("/t/3.txt")
    assert settings.recent_files[0] == "/t/3.txt"
    assert len(settings.recent_files) == MAX_RECENT
    assert len(set(settings.recent_files)) == MAX_RECENT


def test_unknown_missing_and_wrongly_typed_keys_are_tolerated() -> None:
    data = {"zoom": "huge", "sync_scrolling": 0, "recent_files": ["/a", 3, None, "/b"], "theme": "dark",
            "hidden_categories": "hedges", "future_option": {"x": 1}}
    settings = Settings.from_dict(data)
    assert settings.zoom == 1.0 and settings.sync_scrolling is True
    assert settings.recent_files == ["/a", "/b"]
    assert settings.hidden_categories == []
    assert Settings.from_dict(["not", "a", "dict"]) == Settings()
    assert Settings.from_dict({"zoom": 99}).zoom == 3.0


def test_corrupt_file_falls_back_to_defaults_with_a_warning() -> None:
    path = settings_path()
    path.write_text("{ this is not json", encoding="utf-8")
    settings, warning = load_settings()
    assert settings == Settings()
    assert warning and str(path) in warning and "defaults" in warning
    damaged = path.with_name("settings.json.damaged")
    assert damaged.read_text(encoding="utf-8") == "{ this is not json" and damaged.name in warning
    path.write_text(json.dumps([1, 2, 3]), encoding="utf-8")
    assert load_settings()[1]
    path.write_bytes(b"\xff\xfe\x00garbage")
    settings, warning = load_settings()
    assert settings == Settings() and warning


def test_unreadable_path_falls_back(tmp_path: Path) -> None:
    folder = tmp_path / "settings.json"
    folder.mkdir()  # a folder where the file should be
    settings, warning = load_settings(folder)
    assert settings == Settings() and warning


def test_save_is_atomic_and_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "s.json"
    save_settings(Settings(zoom=1.2), target)
    save_settings(Settings(zoom=1.3), target)
    assert [p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")] == ["s.json"]
    assert json.loads(target.read_text(encoding="utf-8"))["zoom"] == 1.3
