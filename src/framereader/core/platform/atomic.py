"""Atomic file writes: a temp file in the same folder, fsync, then `os.replace`.

Only a regular file is replaced. What the user pointed the output at is written in place, never
renamed over: `-` (standard output), `/dev/stdout` and its kin (`/dev/fd/N`, `/proc/self/fd/N`),
a path that is the file one of this process's standard streams has open (`--json /dev/stdout >>
log`: the shell's redirection, appending when it was opened with O_APPEND), pipes, FIFOs,
sockets and character devices. A temporary file left behind by a write that was killed midway
(`.NAME.XXXX.tmp`) is removed at the next write into the same folder once it is old enough not
to belong to a write still running.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import stat
import sys
import tempfile
import time
from pathlib import Path

from .text_safety import safe_counted

#: The standard output as a file name (`--json -`).
STDOUT_NAME = "-"
#: A temporary file of ours older than this is left over from an interrupted write.
STALE_TEMP_SECONDS = 15 * 60
_TEMP_RE = re.compile(r"\..+\.[A-Za-z0-9_]{8}\.tmp")
_OWN_FD_RE = re.compile(r"/(?:dev/fd|proc/self/fd|proc/\d+/fd)/(\d+)")
_NAMED_FDS = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}


def atomic_write_text(path: str | Path, text: str, *, backup: bool = False) -> int:
    """Write `text` to `path` so that a crash leaves either the old or the new file, never half.

    With `backup`, the previous version (if any) is kept as `path + ".bak"`. What UTF-8 cannot
    encode (lone surrogates) and control characters are replaced by U+FFFD
    (`text_safety.safe_text`); returns how many, for the caller to say so.
    """
    safe, replaced = safe_counted(text)
    atomic_write_bytes(path, safe.encode("utf-8"), backup=backup)
    return replaced


def default_file_mode(existing: Path | None = None) -> int:
    """The mode a new file gets: that of the file it replaces, else 0o666 less the umask
    (mkstemp alone would leave 0o600)."""
    if existing is not None:
        try:
            return existing.stat().st_mode & 0o777
        except OSError:
            pass
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write_bytes(path: str | Path, data: bytes, *, backup: bool = False) -> None:
    """Bytes version of `atomic_write_text`.

    A symbolic link is followed (the file it points to is replaced, the link stays). A device
    or a FIFO (`/dev/stdout`, `/dev/null`, a pipe someone reads) is written to directly, never
    replaced by a file; a FIFO nobody reads is an error, not a wait."""
    fd_number = own_descriptor(path)
    if fd_number is not None:
        _write_descriptor(fd_number, data)
        return
    target = Path(path)
    try:
        mode = target.stat().st_mode  # follows links: /dev/stdout is a link to a pipe or a tty
    except OSError:
        mode = 0
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
        _write_stream(target, data)
        return
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_stale_temps(target.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.chmod(tmp, default_file_mode(target))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if backup and target.exists():
            shutil.copy2(target, target.with_name(target.name + ".bak"))
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def writes_in_place(path: str | Path) -> bool:
    """Whether `path` is written in place (a stream, a device, our own redirected output) rather
    than replaced atomically."""
    if own_descriptor(path) is not None:
        return True
    try:
        mode = Path(path).stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def own_descriptor(path: str | Path) -> int | None:
    """The number of this process's open descriptor that `path` names or is the file of, when
    writing must go through it: `-` (1), `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`,
    `/proc/self/fd/N`, or a path that is the very file our standard output or error has open
    (the shell's `> log` or `>> log`). None for anything else."""
    name = str(path)
    if name == STDOUT_NAME:
        return 1
    number = _NAMED_FDS.get(name)
    if number is None:
        found = _OWN_FD_RE.fullmatch(name)
        if found and (name.startswith(("/dev/fd/", "/proc/self/")) or int(name.split("/")[2]) == os.getpid()):
            number = int(found.group(1))
    if number is not None:
        return number if _writable(number) else None
    try:
        info = os.stat(name)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    for candidate in (1, 2):
        try:
            held = os.fstat(candidate)
        except OSError:
            continue
        if (held.st_dev, held.st_ino) == (info.st_dev, info.st_ino) and _writable(candidate):
            return candidate
    return None


def _writable(fd: int) -> bool:
    try:
        import fcntl

        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
    except (ImportError, OSError):
        return fd in (1, 2) and _fd_open(fd)
    return (flags & os.O_ACCMODE) in (os.O_WRONLY, os.O_RDWR)


def _fd_open(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def appends(fd: int) -> bool:
    """Whether descriptor `fd` was opened for appending (`>> log`)."""
    try:
        import fcntl

        return bool(fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_APPEND)
    except (ImportError, OSError):
        return False


def _write_descriptor(fd: int, data: bytes) -> None:
    """Write through one of our own descriptors, where the shell left it (appending after the
    earlier lines of `>> log`); Python's buffered streams on it are flushed first, so what was
    printed before stays before."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None and stream.fileno() == fd:
                stream.flush()
        except (OSError, ValueError, AttributeError):
            continue
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def clean_stale_temps(folder: Path, older_than: float = STALE_TEMP_SECONDS) -> list[Path]:
    """Remove the hidden temporary files (`.NAME.XXXXXXXX.tmp`) that writes killed midway left in
    `folder`, once they are `older_than` seconds old; the ones removed. Never fails."""
    removed: list[Path] = []
    now = time.time()
    try:
        with os.scandir(folder) as found:
            for item in found:
                if not _TEMP_RE.fullmatch(item.name):
                    continue
                try:
                    info = item.stat(follow_symlinks=False)
                    if stat.S_ISREG(info.st_mode) and now - info.st_mtime >= older_than:
                        os.unlink(item.path)
                        removed.append(Path(item.path))
                except OSError:
                    continue
    except OSError:
        pass
    return removed


def _write_stream(target: Path, data: bytes) -> None:
    """Write to a device or FIFO in place (opened without blocking on a FIFO with no reader)."""
    fd = os.open(target, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)  # a slow reader is waited for once it is there
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def write_problem(path: str | Path, exc: OSError) -> str:
    """Why writing `path` failed, as a short reason for the user (the path is named by the caller)."""
    target = Path(path)
    code = exc.errno
    try:
        if target.is_dir():
            return "is a folder; choose a file name"
    except OSError:
        pass
    if isinstance(exc, (NotADirectoryError, FileExistsError)) or code in (errno.ENOTDIR, errno.EEXIST):
        return "cannot be written: a part of its path is a file, not a folder"
    if code == errno.EROFS:
        return "cannot be written: the folder is on a read-only file system"
    if code in (errno.EACCES, errno.EPERM):
        return "cannot be written (permission denied)"
    if code == errno.ENXIO:
        return "cannot be written: it is a pipe (FIFO) that nobody is reading"
    if code in (errno.ENOSPC, errno.EDQUOT):
        return "cannot be written: the disk is full (any previous file there is unchanged)"
    if code == errno.ENOENT:
        if target.parent.is_dir():
            return f"cannot be written: files cannot be created in {target.parent}"
        return "cannot be written: its folder cannot be created there"
    return f"cannot be written ({exc.strerror or exc.__class__.__name__})"
