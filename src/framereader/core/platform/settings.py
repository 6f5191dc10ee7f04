"""User settings: a plain dataclass stored as JSON in `paths.config_dir()/settings.json`.

Pure Python (no Qt). Reading never fails: a missing file gives defaults; a corrupt, unreadable
or hostile one (wrong types, huge numbers, deep nesting, a FIFO) gives defaults plus a warning
sentence for the user, and the damaged file is kept beside it under a name of its own. Unknown
keys are ignored and missing keys take their defaults, so older and newer versions can share
the file. When the settings folder cannot be created or written, settings live in memory for
the session (the warning says so) and saving does nothing.

Two windows may save at once: `save_settings` reads the file again under a lock and writes only
what this window changed since it loaded or last saved, so the other window's changes (and its
recent files) are kept.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from .atomic import atomic_write_text
from .paths import config_dir
from .safe_read import describe_read_error, read_limited

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"
MAX_RECENT = 10
MAX_SETTINGS_BYTES = 1024 * 1024
MAX_LIST_ITEMS = 1000
MAX_STRING = 64 * 1024  # geometry blobs are a few hundred bytes
LOCK_TIMEOUT_S = 5.0
#: Numeric and time labels add noise to a first reading; they start hidden (one click shows them).
DEFAULT_HIDDEN_LABELS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY")
ZOOM_MIN, ZOOM_MAX = 0.5, 3.0
#: the reading type size in points at zoom 100 % (Preferences); a calm, readable default
READING_SIZE_DEFAULT, READING_SIZE_MIN, READING_SIZE_MAX = 12.5, 9.0, 24.0
_BASE64_FIELDS = ("window_geometry", "splitter_state", "window_state")
_PATH_LISTS = ("recent_files", "extra_lexicons")


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
    window_state: str = ""  # base64 of QMainWindow.saveState(): where the docks are and how big
    reading_size: float = READING_SIZE_DEFAULT  # points at zoom 100 %
    pipeline: str = ""  # chosen spaCy pipeline; "" = the best installed
    theme: str = "system"  # system, light, dark or high-contrast
    extra_lexicons: list[str] = field(default_factory=list)  # lexicon files used from elsewhere
    disabled_lexicons: list[str] = field(default_factory=list)  # LexiconEntry keys switched off
    matching_passages: bool = True  # View ▸ Matching Passages: tint aligned passages alike
    sync_by_passages: bool = False  # View ▸ Sync by Matching Passages (else proportional)
    agentless_passives: bool = True  # View ▸ Agentless Passives: mark passives that hide the doer
    count_quoted: bool = False  # View ▸ Count Quoted Words Too: quoted framing words count as the writer's

    def __post_init__(self) -> None:
        #: the values as last loaded or saved (what "changed in this window" is measured from)
        self._baseline: dict[str, Any] | None = None
        #: True when the settings folder is unusable: settings live in memory, saving is a no-op
        self.memory_only = False

    def add_recent(self, path: str) -> None:
        """Put `path` first in the recent list (no duplicates, at most MAX_RECENT)."""
        path = str(path)
        self.recent_files = [path, *(p for p in self.recent_files if p != path)][:MAX_RECENT]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Any) -> Settings:
        """Build from a dict, keeping only known keys whose values have the right type (and
        sane size: finite zoom, valid base64 geometry, no NUL in paths)."""
        settings = cls()
        if not isinstance(data, dict):
            return settings
        for f in fields(cls):
            if f.name not in data:
                continue
            value = _coerce(data[f.name], getattr(settings, f.name))
            if value is not None and f.name in _BASE64_FIELDS and not _is_base64(value):
                value = None
            if isinstance(value, list) and f.name in _PATH_LISTS:
                value = [v for v in value if v and "\0" not in v]
            if value is not None:
                setattr(settings, f.name, value)
        settings.recent_files = settings.recent_files[:MAX_RECENT]
        settings.zoom = min(ZOOM_MAX, max(ZOOM_MIN, settings.zoom))
        settings.reading_size = min(READING_SIZE_MAX, max(READING_SIZE_MIN, settings.reading_size))
        return settings


def _coerce(value: Any, default: Any) -> Any:
    """`value` if it fits the type of `default` (lists must hold strings), else None."""
    if isinstance(default, bool):
        return value if isinstance(value, bool) else None
    if isinstance(default, float):
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            return None
        try:
            number = float(value)
        except OverflowError:  # an int with hundreds of digits
            return None
        return number if math.isfinite(number) else None
    if isinstance(default, str):
        return value if isinstance(value, str) and len(value) <= MAX_STRING else None
    if isinstance(default, list):
        if not isinstance(value, list):
            return None
        return [v for v in value[:MAX_LIST_ITEMS] if isinstance(v, str) and len(v) <= MAX_STRING]
    return value


def _is_base64(value: str) -> bool:
    try:
        base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, ValueError):
        return False
    return True


def settings_path() -> Path:
    """Where the settings file lives (raises OSError when the folder cannot be created)."""
    return config_dir() / SETTINGS_FILE


def _parse(raw: bytes) -> dict[str, Any] | None:
    """The JSON object in `raw`, or None when it is not one (or too deeply nested to read)."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):  # ValueError includes UnicodeDecodeError
        return None
    return data if isinstance(data, dict) else None


def _keep_damaged(target: Path, raw: bytes) -> Path | None:
    """Keep `raw` beside `target` as `<name>.damaged` (or `.damaged-2`, `-3`… so an earlier
    damaged copy is never overwritten; an identical copy is not made twice)."""
    for n in range(1, 100):
        kept = target.with_name(target.name + (".damaged" if n == 1 else f".damaged-{n}"))
        try:
            if kept.read_bytes() == raw:
                return kept
            continue
        except FileNotFoundError:
            pass
        except OSError:
            continue
        try:
            with open(kept, "xb") as handle:  # exclusive: two windows never pick the same name
                handle.write(raw)
            return kept
        except FileExistsError:
            continue
        except OSError:
            return None
    return None


def load_settings(path: str | Path | None = None) -> tuple[Settings, str | None]:
    """Read settings; returns (settings, warning for the user or None)."""
    try:
        target = Path(path) if path is not None else settings_path()
    except OSError as exc:
        settings = Settings()
        settings.memory_only = True
        where = getattr(exc, "filename", None) or "the settings folder"
        reason = exc.strerror or exc.__class__.__name__
        return settings, (f"{where}: the settings folder cannot be created ({reason}); settings are kept "
                          "in memory for this session only and will not be saved.")
    try:
        raw = read_limited(target, MAX_SETTINGS_BYTES)
    except FileNotFoundError:
        return _loaded(Settings()), None
    except OSError as exc:
        log.warning("cannot read settings %s: %s", target, exc)
        return _loaded(Settings()), f"{target}: the settings file {describe_read_error(exc)}; defaults are used."
    data = _parse(raw)
    if data is None:
        kept = _keep_damaged(target, raw)
        where = f" (the damaged file is kept as {kept.name})" if kept is not None else ""
        return _loaded(Settings()), f"{target}: the settings file is damaged; defaults are used{where}."
    return _loaded(Settings.from_dict(data)), None


def _loaded(settings: Settings) -> Settings:
    settings._baseline = settings.to_dict()
    return settings


@contextmanager
def _locked(target: Path) -> Iterator[None]:
    """Hold an inter-process lock beside `target` (best effort: proceed without it if the lock
    cannot be had, the write itself will then report a read-only folder)."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(target.with_name(f".{target.name}.lock")), timeout=LOCK_TIMEOUT_S)
    try:
        lock.acquire()
    except (Timeout, OSError) as exc:
        log.warning("settings written without a lock (%s)", exc)
        yield
        return
    try:
        yield
    finally:
        lock.release()


def _merge_lists(name: str, ours: list[str], base: list[str], disk: list[str]) -> list[str]:
    """Our additions and removals since `base`, applied to the list on disk."""
    removed = set(base) - set(ours)
    if name == "recent_files":  # ours in our order (newest first), then the other window's
        return [*ours, *(p for p in disk if p not in ours and p not in removed)][:MAX_RECENT]
    kept = [p for p in disk if p not in removed]
    return [*kept, *(p for p in ours if p not in kept)]


def merge_settings(ours: Settings, disk: dict[str, Any] | None) -> Settings:
    """What to write: the file's values, overridden by what `ours` changed since its baseline
    (everything, when it has none); list fields are merged item by item."""
    base = ours._baseline
    if disk is None or base is None:
        merged = Settings.from_dict(ours.to_dict())
        if disk is not None:
            theirs = Settings.from_dict(disk)
            merged.recent_files = _merge_lists("recent_files", ours.recent_files, ours.recent_files, theirs.recent_files)
        return merged
    merged = Settings.from_dict(disk)
    for f in fields(Settings):
        mine = getattr(ours, f.name)
        if isinstance(mine, list):
            setattr(merged, f.name, _merge_lists(f.name, mine, list(base.get(f.name, [])), getattr(merged, f.name)))
        elif mine != base.get(f.name):
            setattr(merged, f.name, mine)
    return merged


def save_settings(settings: Settings, path: str | Path | None = None) -> None:
    """Merge with the file on disk and write atomically, under a lock (raises OSError if the
    folder is not writable). Settings kept in memory only are not written."""
    if settings.memory_only:
        return
    target = Path(path) if path is not None else settings_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    with _locked(target):
        try:
            disk = _parse(read_limited(target, MAX_SETTINGS_BYTES))
        except OSError:
            disk = None
        merged = merge_settings(settings, disk)
        atomic_write_text(target, json.dumps(merged.to_dict(), ensure_ascii=False, indent=1))
    # This window now shows the merged lists; scalar values changed elsewhere are not pulled in
    # (the window keeps showing its own), but they are not written back either.
    for f in fields(Settings):
        if isinstance(getattr(settings, f.name), list):
            setattr(settings, f.name, list(getattr(merged, f.name)))
    settings._baseline = settings.to_dict()


__all__ = [
    "DEFAULT_HIDDEN_LABELS",
    "MAX_RECENT",
    "READING_SIZE_DEFAULT",
    "READING_SIZE_MAX",
    "READING_SIZE_MIN",
    "ZOOM_MAX",
    "ZOOM_MIN",
    "Settings",
    "load_settings",
    "merge_settings",
    "save_settings",
    "settings_path",
]

