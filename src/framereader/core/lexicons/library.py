"""The lexicon library: every lexicon the app knows and which of them are enabled.

Three kinds of lexicon:
- **bundled**: shipped in `resources/lexicons`, read-only; "duplicate" makes an editable copy;
- **user**: `.frlex` files in the user data folder (`user_lexicon_dir()`), editable;
- **file**: a lexicon, word list or CSV used from elsewhere (listed in `Settings.extra_lexicons`).

Entries are identified by a `key` that survives moving the app ("bundled:NAME", "user:NAME",
or the file's absolute path); `Settings.disabled_lexicons` holds the keys switched off.
Pure Python: the Lexicons dialog and the main window call it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import LexiconError
from ..platform.settings import Settings
from .format import Category, Lexicon, SUFFIX
from .files import (
    bundled_lexicon_paths,
    import_word_list,
    load_lexicon,
    save_lexicon,
    slugify,
    user_lexicon_dir,
    user_lexicon_paths,
)

BUNDLED, USER, FILE = "bundled", "user", "file"


@dataclass(frozen=True)
class LexiconEntry:
    """One lexicon in the library. `lexicon` is None when the file cannot be read (`error` says why)."""

    key: str
    kind: str  # BUNDLED, USER or FILE
    path: str
    lexicon: Lexicon | None
    enabled: bool
    error: str | None = None

    @property
    def editable(self) -> bool:
        """Only the user's own lexicons are edited in place."""
        return self.kind == USER and self.lexicon is not None

    @property
    def title(self) -> str:
        return self.lexicon.name if self.lexicon is not None else Path(self.path).name


#: How long an import waits for another one writing into the user folder.
LOCK_TIMEOUT_S = 30.0


def _user_paths() -> list[Path]:
    """The user's lexicon files; none when the user folder cannot be created (read-only home)."""
    try:
        return user_lexicon_paths()
    except OSError:
        return []


def _user_dir_or_none() -> Path | None:
    try:
        return user_lexicon_dir().resolve()
    except OSError:
        return None


def _exists(lexicon_id: str) -> bool:
    """Whether any file (even an unreadable one, a link or a FIFO) already has this id's name."""
    try:
        return os.path.lexists(user_lexicon_dir() / f"{lexicon_id}{SUFFIX}")
    except OSError:
        return False


@contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """An inter-process lock over the user lexicons folder (a hidden `.lock` file in it)."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(folder / ".lock"), timeout=LOCK_TIMEOUT_S)
    try:
        lock.acquire()
    except Timeout:
        raise LexiconError(str(folder), "is busy: another FrameReader is saving a lexicon there; try again") from None
    except OSError as exc:
        raise LexiconError(str(folder), f"cannot be written ({exc.strerror or exc})") from None
    try:
        yield
    finally:
        lock.release()


def _load_any(path: Path) -> Lexicon:
    return load_lexicon(path) if path.suffix == SUFFIX else import_word_list(path)


class LexiconLibrary:
    """Reads the three lexicon locations and edits `settings` (the caller saves the settings)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        #: path → (inode, mtime, size) when read, and what was read: files are parsed again only
        #: when they change on disk (the library forgets the files it writes itself)
        self._read_cache: dict[str, tuple[tuple[int, int, int], Lexicon | None, str | None]] = {}

    def _read(self, path: Path) -> tuple[Lexicon | None, str | None]:
        """The lexicon in `path`, or None and why it cannot be read."""
        try:
            info = path.stat()
            stamp: tuple[int, int, int] | None = (info.st_ino, info.st_mtime_ns, info.st_size)
        except OSError:
            stamp = None
        known = self._read_cache.get(str(path))
        if stamp is not None and known is not None and known[0] == stamp:
            return known[1], known[2]
        try:
            lexicon, error = _load_any(path), None
        except LexiconError as exc:
            lexicon, error = None, exc.message
        if stamp is not None:
            self._read_cache[str(path)] = (stamp, lexicon, error)
        return lexicon, error

    # ------------------------------------------------------------------ reading
    def _found(self) -> list[tuple[str, str, Path]]:
        """(key, kind, path) of every lexicon: bundled, then the user's, then files from elsewhere."""
        found: list[tuple[str, str, Path]] = [(f"{BUNDLED}:{p.name}", BUNDLED, p) for p in bundled_lexicon_paths()]
        found += [(f"{USER}:{p.name}", USER, p) for p in _user_paths()]
        user_dir = _user_dir_or_none()
        for raw in self.settings.extra_lexicons:
            path = Path(raw)
            if user_dir is not None and path.resolve().parent == user_dir and path.suffix == SUFFIX:
                continue  # already listed as the user's own
            found.append((str(path), FILE, path))
        return found

    def entries(self) -> list[LexiconEntry]:
        """Bundled lexicons, then the user's, then files from elsewhere (read afresh each call)."""
        disabled = set(self.settings.disabled_lexicons)
        entries = []
        for key, kind, path in self._found():
            lexicon, error = self._read(path)
            entries.append(LexiconEntry(key, kind, str(path), lexicon, key not in disabled, error))
        return entries

    def entry(self, key: str) -> LexiconEntry | None:
        """The entry with this key, if it is still there."""
        return next((e for e in self.entries() if e.key == key), None)

    def enabled_paths(self) -> list[str]:
        """The files of every enabled, readable lexicon, in library order (what the engine loads).
        Bundled lexicons are not parsed here (the engine parses them; at launch that would cost
        the GUI thread ~40 ms): they ship with the app, and a damaged one is reported by the engine."""
        disabled = set(self.settings.disabled_lexicons)
        return [str(path) for key, kind, path in self._found()
                if key not in disabled and (kind == BUNDLED or self._read(path)[0] is not None)]

    def is_default(self) -> bool:
        """True when exactly the bundled lexicons are enabled (what a fresh engine already has)."""
        return self.enabled_paths() == [str(p) for p in bundled_lexicon_paths()]

    # ------------------------------------------------------------------ choosing
    def set_enabled(self, key: str, on: bool) -> None:
        """Switch one lexicon on or off."""
        disabled = [k for k in self.settings.disabled_lexicons if k != key]
        self.settings.disabled_lexicons = disabled if on else [*disabled, key]

    def add_file(self, path: str | Path) -> LexiconEntry:
        """Use a lexicon, word list or CSV from elsewhere (read now, so problems show at once)."""
        path = Path(path).resolve()
        lexicon = _load_any(path)
        if str(path) not in self.settings.extra_lexicons:
            self.settings.extra_lexicons = [*self.settings.extra_lexicons, str(path)]
        self.set_enabled(str(path), True)
        return LexiconEntry(str(path), FILE, str(path), lexicon, True)

    def remove(self, key: str) -> None:
        """Forget a file from elsewhere, or delete one of the user's own lexicons. A deleted
        lexicon is kept as `<file>.bak` beside where it was, so nothing written is lost."""
        entry = self.entry(key)
        if entry is None or entry.kind == BUNDLED:
            raise LexiconError(entry.path if entry else key, "is bundled with FrameReader and cannot be removed")
        if entry.kind == FILE:
            self.settings.extra_lexicons = [p for p in self.settings.extra_lexicons if str(Path(p)) != entry.path]
        else:
            path = Path(entry.path)
            self._read_cache.pop(entry.path, None)
            try:
                path.replace(path.with_name(path.name + ".bak"))
            except OSError as exc:
                raise LexiconError(entry.path, f"cannot be removed ({exc.strerror or exc})") from None
        self.settings.disabled_lexicons = [k for k in self.settings.disabled_lexicons if k != key]

    # ------------------------------------------------------------------ writing
    def _unused_id(self, wanted: str) -> str:
        taken = {e.lexicon.id for e in self.entries() if e.lexicon is not None}
        taken |= {p.stem for p in _user_paths()}
        base = slugify(wanted, "lexicon")
        candidate, n = base, 2
        while candidate in taken or _exists(candidate):
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    def _write_new(self, lexicon: Lexicon) -> LexiconEntry:
        """Save `lexicon` under an id no other lexicon has. The id is chosen and the file written
        under a lock over the user folder, so concurrent imports never pick the same file."""
        try:
            folder = user_lexicon_dir()
        except OSError as exc:
            raise LexiconError(str(exc.filename or "your lexicons folder"),
                               f"cannot be created ({exc.strerror or exc}), so the lexicon cannot be saved") from None
        with _folder_lock(folder):
            lexicon_id = self._unused_id(lexicon.id)
            path = folder / f"{lexicon_id}{SUFFIX}"
            self._read_cache.pop(str(path), None)
            saved = save_lexicon(replace(lexicon, id=lexicon_id, path=str(path)), path)
        key = f"{USER}:{path.name}"
        self.set_enabled(key, True)
        return LexiconEntry(key, USER, str(path), saved, True)

    def add_new(self, lexicon: Lexicon) -> LexiconEntry:
        """Save `lexicon` as a new, enabled user lexicon (its id made unique if it is taken)."""
        return self._write_new(lexicon)

    def duplicate(self, key: str) -> LexiconEntry:
        """An editable copy of any readable lexicon in the user folder. The copy is enabled and
        the original switched off, so the same terms are not counted twice."""
        entry = self.entry(key)
        if entry is None or entry.lexicon is None:
            raise LexiconError(entry.path if entry else key, "cannot be read, so it cannot be duplicated")
        original = entry.lexicon
        copy = self._write_new(replace(original, id=f"{original.id}-copy", name=f"{original.name} (copy)"))
        self.set_enabled(key, False)
        return copy

    def create(self, name: str, language: str = "en") -> LexiconEntry:
        """A new, empty user lexicon with one category to start from."""
        name = " ".join(name.split()) or "My lexicon"
        starter = Category("my_terms", "My terms", "#D55E00", "Terms chosen for this lesson.")
        return self._write_new(Lexicon(slugify(name, "lexicon"), name, language, "", (starter,)))

    def import_file(self, path: str | Path) -> LexiconEntry:
        """Copy a lexicon, word list or CSV into the user folder as a new editable lexicon.
        A bad file raises `LexiconError` naming the line and changes nothing."""
        return self._write_new(_load_any(Path(path)))

    def save(self, key: str, lexicon: Lexicon) -> Lexicon:
        """Save an edited user lexicon over its file (atomic, keeping one `.bak`). A failure
        raises `LexiconError` and leaves the previous file as it was."""
        entry = self.entry(key)
        if entry is None or entry.kind != USER:
            raise LexiconError(entry.path if entry else key, "is not one of your lexicons; duplicate it to edit it")
        self._read_cache.pop(entry.path, None)
        return save_lexicon(lexicon, entry.path)

    @staticmethod
    def export(lexicon: Lexicon, path: str | Path) -> None:
        """Write `lexicon` as a `.frlex` file anywhere (atomic)."""
        save_lexicon(lexicon, path)


__all__ = ["BUNDLED", "FILE", "USER", "LexiconEntry", "LexiconLibrary"]
