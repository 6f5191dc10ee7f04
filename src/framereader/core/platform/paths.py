"""Where FrameReader finds its bundled resources and keeps user data (platformdirs)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "FrameReader"


def resources_dir() -> Path:
    """The bundled `resources/` folder: in a PyInstaller bundle, in the installed package, or at
    the repository root."""
    override = os.environ.get("FRAMEREADER_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    import framereader  # an installed wheel (pip, pipx) carries them inside the package (setup.py)

    installed = Path(framereader.__file__).resolve().parent / "resources"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[4] / "resources"


def _user_dir(kind: str) -> Path:
    home = os.environ.get("FRAMEREADER_HOME")  # tests and portable installs
    if home:
        path = Path(home) / kind
    else:
        finder = {
            "config": platformdirs.user_config_dir,
            "data": platformdirs.user_data_dir,
            "cache": platformdirs.user_cache_dir,
        }[kind]
        path = Path(finder(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """Settings live here."""
    return _user_dir("config")


def data_dir() -> Path:
    """User lexicons live here."""
    return _user_dir("data")


def cache_dir() -> Path:
    """Cached analyses live here."""
    return _user_dir("cache")


def keep_newest(folder: Path, pattern: str, keep: int) -> int:
    """Remove all but the `keep` most recently modified files matching `pattern` in `folder` (a
    cache: a file another window removes first, or one that cannot be removed, is passed over);
    how many were removed."""
    stamped: list[tuple[float, Path]] = []
    try:
        for entry in folder.glob(pattern):
            try:
                stamped.append((entry.stat().st_mtime, entry))
            except OSError:  # removed by another window meanwhile
                continue
    except OSError:
        return 0
    stamped.sort(reverse=True)
    removed = 0
    for _mtime, stale in stamped[keep:]:
        try:
            stale.unlink()
            removed += 1
        except OSError:
            pass
    return removed
