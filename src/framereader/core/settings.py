"""User settings: a plain dataclass stored as JSON in `paths.config_dir()/settings.json`.

Pure Python (no Qt). Reading never fails: a missing file gives defaults, a corrupt or unreadable
one gives defaults plus a warning sentence for the user. Unknown keys are ignored and missing
keys take their defaults, so older and newer versions can share the file.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from .atomic import atomic_write_bytes, atomic_write_text
from .paths import config_dir

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"
MAX_RECENT = 10
#: Numeric and time labels add noise to a first reading; they start hidden (one click shows them).
DEFAULT_HIDDEN_LABELS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY")
ZOOM_MIN, ZOOM_MAX = 0.5, 3.0


@dataclass
class Settings:
    """Everything FrameReader remembers between runs."""

    recent_files: list[str] = field(default_factory=list)
    sync_scrolling: bool = True
    zoom: float = 1.0
    highlights_on: bool = True
    hidden_labels: list[str] = field(default_factory=lambda: list(DEFAULT_HIDDEN_LABELS))
    hidden_categories: list[str] = field(default_factory=list)
    window_geometry: str = ""  # base64 of QWidget.saveGeometry()
    splitter_state: str = ""  # base64 of QSplitter.saveState()
    pipeline: str = ""  # chosen spaCy pipeline; "" = the best installed
    theme: str = "system"  # system, light, dark or high-contrast
    extra_lexicons: list[str] = field(default_factory=list)  # lexicon files used from elsewhere
    disabled_lexicons: list[str] = field(default_factory=list)  # LexiconEntry keys switched off

    def add_recent(self, path: str) -> None:
        """Put `path` first in the recent list (no duplicates, at most MAX_RECENT)."""
        path = str(path)
        self.recent_files = [path, *(p for p in self.recent_files if p != path)][:MAX_RECENT]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Any) -> "Settings":
        """Build from a dict, keeping only known keys whose values have the right type."""
        settings = cls()
        if not isinstance(data, dict):
            return settings
        for f in fields(cls):
            if f.name not in data:
                continue
            value = _coerce(data[f.name], getattr(settings, f.name))
            if value is not None:
                setattr(settings, f.name, value)
        settings.recent_files = settings.recent_files[:MAX_RECENT]
        settings.zoom = min(ZOOM_MAX, max(ZOOM_MIN, settings.zoom))
        return settings


def _coerce(value: Any, default: Any) -> Any:
    """`value` if it fits the type of `default` (lists must hold strings), else None."""
    if isinstance(default, bool):
        return value if isinstance(value, bool) else None
    if isinstance(default, float):
        return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    if isinstance(default, str):
        return value if isinstance(value, str) else None
    if isinstance(default, list):
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else None
    return value


def settings_path() -> Path:
    """Where the settings file lives."""
    return config_dir() / SETTINGS_FILE


def load_settings(path: str | Path | None = None) -> tuple[Settings, str | None]:
    """Read settings; returns (settings, warning for the user or None). A damaged file is kept
    beside it as `settings.json.damaged` before defaults replace it on the next save."""
    target = Path(path) if path is not None else settings_path()
    try:
        raw = target.read_bytes()
    except FileNotFoundError:
        return Settings(), None
    except OSError as exc:
        log.warning("cannot read settings %s: %s", target, exc)
        return Settings(), f"{target}: the settings could not be read ({exc.__class__.__name__}); defaults are used."
    try:
        data = json.loads(raw.decode("utf-8"))
    except ValueError:  # includes UnicodeDecodeError
        data = None
    if not isinstance(data, dict):
        kept = target.with_name(target.name + ".damaged")
        try:
            atomic_write_bytes(kept, raw)
            where = f" (the damaged file is kept as {kept.name})"
        except OSError:
            where = ""
        return Settings(), f"{target}: the settings file is damaged; defaults are used{where}."
    return Settings.from_dict(data), None


def save_settings(settings: Settings, path: str | Path | None = None) -> None:
    """Write settings atomically (raises OSError if the folder is not writable)."""
    target = Path(path) if path is not None else settings_path()
    atomic_write_text(target, json.dumps(settings.to_dict(), ensure_ascii=False, indent=1))
