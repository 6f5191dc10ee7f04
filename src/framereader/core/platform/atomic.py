"""Atomic file writes: a temp file in the same folder, fsync, then `os.replace`."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from pathlib import Path


def atomic_write_text(path: str | Path, text: str, *, backup: bool = False) -> None:
    """Write `text` to `path` so that a crash leaves either the old or the new file, never half.

    With `backup`, the previous version (if any) is kept as `path + ".bak"`.
    """
    atomic_write_bytes(path, text.encode("utf-8"), backup=backup)


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
    target = Path(path)
    try:
        mode = target.stat().st_mode  # follows links: /dev/stdout is a link to a pipe or a tty
    except OSError:
        mode = 0
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        _write_stream(target, data)
        return
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    target.parent.mkdir(parents=True, exist_ok=True)
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
