"""Atomic writes keep the old file on failure and give new files normal permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from framereader.core.platform.atomic import atomic_write_text


def test_new_file_gets_umask_permissions_not_0600(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic_write_text(tmp_path / "a.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == 0o644


def test_replacing_keeps_the_existing_mode_and_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    atomic_write_text(path, "new", backup=True)
    assert path.read_text(encoding="utf-8") == "new"
    assert (tmp_path / "b.txt.bak").read_text(encoding="utf-8") == "old"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_failure_leaves_the_old_file_and_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.txt"
    path.write_text("keep", encoding="utf-8")
    monkeypatch.setattr(os, "replace", lambda *_a: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError):
        atomic_write_text(path, "lost")
    assert path.read_text(encoding="utf-8") == "keep"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.txt"]


def test_a_symlink_is_followed_not_replaced(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "lesson.txt"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    atomic_write_text(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


def test_devices_and_fifos_are_written_in_place_never_replaced(tmp_path: Path) -> None:
    atomic_write_text("/dev/null", "gone")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OSError):  # nobody reads it: an error at once, not a wait
        atomic_write_text(fifo, "x")
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        atomic_write_text(fifo, "through the pipe")
        assert os.read(reader, 100) == b"through the pipe"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
