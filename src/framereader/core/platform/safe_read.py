"""Read a user file without ever blocking or reading without bound.

`read_limited` opens with O_NONBLOCK (so a FIFO does not block the open), checks on the opened
descriptor that it is a regular file (so a path swapped for a FIFO or a device between a check
and the open is still refused), and reads at most `limit + 1` bytes (a file growing while it is
read cannot exhaust memory). Every failure is an `OSError` subclass or `NotARegularFile`; callers
turn them into their own `FrameReaderError` with `describe_read_error`.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class NotARegularFile(OSError):
    """The path is a folder, a FIFO, a device or a socket."""

    def __init__(self, path: str, kind: str) -> None:
        super().__init__(f"{path} is {kind}")
        self.kind = kind


class TooLarge(OSError):
    """The file holds more than the limit; `size` is what was seen (at least limit + 1)."""

    def __init__(self, path: str, size: int, limit: int) -> None:
        super().__init__(f"{path} is larger than {limit} bytes")
        self.size = size
        self.limit = limit


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def open_regular(path: str | Path) -> tuple[int, os.stat_result]:
    """Open `path` for reading without ever blocking (O_NONBLOCK: a FIFO does not block the
    open) and return the descriptor and its `fstat`, refusing anything but a regular file with
    `NotARegularFile` (checked on the opened descriptor, so a path swapped for a FIFO or a device
    between a check and the open is refused too). The caller closes the descriptor."""
    name = str(path)
    flags = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
             | getattr(os, "O_CLOEXEC", 0))
    try:
        fd = os.open(name, flags)
    except IsADirectoryError:
        raise NotARegularFile(name, "a folder") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(name, _kind(info.st_mode))
    except BaseException:
        os.close(fd)
        raise
    return fd, info


def read_limited(path: str | Path, limit: int) -> bytes:
    """The bytes of the regular file `path`, at most `limit` of them (else `TooLarge`)."""
    name = str(path)
    fd, info = open_regular(name)
    try:
        if info.st_size > limit:
            raise TooLarge(name, info.st_size, limit)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise TooLarge(name, max(total, os.fstat(fd).st_size), limit)
        return b"".join(chunks)
    finally:
        os.close(fd)


def describe_read_error(exc: OSError) -> str:
    """A short reason for the user ("does not exist", "is a pipe (FIFO), not a file"…)."""
    if isinstance(exc, NotARegularFile):
        return f"is {exc.kind}, not a file"
    if isinstance(exc, TooLarge):
        return f"is larger than the {limit_label(exc.limit)} limit"
    if isinstance(exc, FileNotFoundError):
        return "does not exist"
    if isinstance(exc, PermissionError):
        return "cannot be read (permission denied)"
    if isinstance(exc, NotADirectoryError):
        return "does not exist (a part of the path is a file, not a folder)"
    return f"cannot be read ({exc.strerror or exc.__class__.__name__})"


def human_size(size: int) -> str:
    """A byte count for messages, precise near limits: '512 bytes', '12.3 KB (12,345 bytes)',
    '20.0 MB (20,971,521 bytes)'."""
    if size < 1024:
        return f"{size:,} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB ({size:,} bytes)"
    return f"{size / (1024 * 1024):.1f} MB ({size:,} bytes)"


def limit_label(limit: int) -> str:
    """A limit for messages: '20 MB'."""
    mb = limit / (1024 * 1024)
    return f"{mb:g} MB" if limit >= 1024 * 1024 else f"{limit:,} bytes"


__all__ = ["NotARegularFile", "TooLarge", "describe_read_error", "human_size", "limit_label", "open_regular", "read_limited"]
