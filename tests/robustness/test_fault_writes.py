"""Writes that respect what the user asked for: a regular file is replaced atomically; standard
output, `/dev/stdout` under an appending or truncating redirection, pipes, FIFOs and devices are
written in place, never renamed over; temporary files of an interrupted write are cleaned up."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import ROOT

from framereader.core.platform.atomic import (
    STALE_TEMP_SECONDS,
    atomic_write_text,
    clean_stale_temps,
    own_descriptor,
    writes_in_place,
)

SAMPLES = ROOT / "resources" / "samples"
LEFT, RIGHT = str(SAMPLES / "a-border-crisis.md"), str(SAMPLES / "b-border-crisis.md")
WRITE = ("import sys; from framereader.core.platform.atomic import atomic_write_text; "
         "print('printed first'); atomic_write_text(sys.argv[1], 'written\\n')")


def _child(target: str, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-c", WRITE, target], env=env, timeout=60, **kwargs)


def test_compare_json_to_dev_stdout_appends_to_the_log(tmp_path: Path) -> None:
    """The repro: `compare … --json /dev/stdout >> results.log` keeps the earlier lines."""
    log = tmp_path / "results.log"
    log.write_text("earlier line 1\nearlier line 2\n", encoding="utf-8")
    inode = log.stat().st_ino
    env = {**os.environ, "FRAMEREADER_HOME": str(tmp_path / "home"), "PYTHONPATH": str(ROOT / "src"),
           "QT_QPA_PLATFORM": "offscreen"}
    command = (f'"{sys.executable}" -m framereader compare "{LEFT}" "{RIGHT}" --model blank:en '
               f'--json /dev/stdout >> "{log}"')
    result = subprocess.run(["sh", "-c", command], env=env, timeout=180, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    text = log.read_text(encoding="utf-8")
    assert text.startswith("earlier line 1\nearlier line 2\n{")
    assert '"left"' in text and log.stat().st_ino == inode


@pytest.mark.parametrize("target", ["/dev/stdout", "-", "/proc/self/fd/1", "/dev/fd/1"])
@pytest.mark.parametrize("append", [True, False])
def test_own_stdout_is_written_in_place(tmp_path: Path, target: str, append: bool) -> None:
    log = tmp_path / "log"
    log.write_text("kept\n", encoding="utf-8")
    with open(log, "a" if append else "w", encoding="utf-8") as out:
        result = _child(target, stdout=out, stderr=subprocess.PIPE)
    assert result.returncode == 0, result.stderr
    expected = ("kept\n" if append else "") + "printed first\nwritten\n"
    assert log.read_text(encoding="utf-8") == expected


def test_the_redirected_file_named_by_its_path_is_appended_to(tmp_path: Path) -> None:
    """`--json log >> log`: the path is the file our stdout appends to: written through it."""
    log = tmp_path / "log"
    log.write_text("kept\n", encoding="utf-8")
    with open(log, "a", encoding="utf-8") as out:
        result = _child(str(log), stdout=out, stderr=subprocess.PIPE)
    assert result.returncode == 0, result.stderr
    assert log.read_text(encoding="utf-8") == "kept\nprinted first\nwritten\n"


def test_a_pipe_and_a_fifo_are_written_in_place(tmp_path: Path) -> None:
    result = _child("/dev/stdout", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert result.returncode == 0 and result.stdout == b"printed first\nwritten\n"
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    time.sleep(0.1)
    atomic_write_text(fifo, "through the fifo\n")
    reader.join(10)
    assert got == [b"through the fifo\n"] and stat.S_ISFIFO(fifo.stat().st_mode)
    assert writes_in_place(fifo) and not writes_in_place(tmp_path / "plain.json")


def test_a_regular_file_is_still_replaced_atomically(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    inode = target.stat().st_ino
    assert own_descriptor(target) is None
    atomic_write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "new" and target.stat().st_ino != inode


def test_stale_temporary_files_are_cleaned_at_the_next_write(tmp_path: Path) -> None:
    stale = tmp_path / ".out.json.ab12cd_9.tmp"  # what a write killed midway leaves
    fresh = tmp_path / ".out.json.zz99xy_1.tmp"  # a write still running in another window
    other = tmp_path / ".notes.txt"
    for path in (stale, fresh, other):
        path.write_text("partial", encoding="utf-8")
    old = time.time() - STALE_TEMP_SECONDS - 60
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    atomic_write_text(tmp_path / "another.json", "{}")
    assert not stale.exists() and fresh.exists() and other.exists()
    assert clean_stale_temps(tmp_path, older_than=0) == [fresh]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".notes.txt", "another.json"]


def test_a_killed_write_leaves_the_old_file_and_its_temp_is_cleaned(tmp_path: Path) -> None:
    """kill -9 during a write: the old file is intact; the next write cleans the leftover."""
    target = tmp_path / "lesson.json"
    target.write_text("old", encoding="utf-8")
    script = ("import os, sys, tempfile; from pathlib import Path; "
              "fd, tmp = tempfile.mkstemp(prefix='.lesson.json.', suffix='.tmp', dir=sys.argv[1]); "
              "os.write(fd, b'half'); os.kill(os.getpid(), 9)")
    subprocess.run([sys.executable, "-c", script, str(tmp_path)], timeout=60)
    leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) == 1 and target.read_text(encoding="utf-8") == "old"
    old = time.time() - STALE_TEMP_SECONDS - 1
    os.utime(leftovers[0], (old, old))
    atomic_write_text(target, "new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lesson.json"]
