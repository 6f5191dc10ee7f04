"""The bad-input corpus, generated once per session into a temp folder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from corpus import make_corpus  # tests/support


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    cases = make_corpus(tmp_path_factory.mktemp("bad-input"))
    yield cases
    os.chmod(cases["unreadable"], 0o644)


@pytest.fixture
def unreadable_is_enforced(corpus) -> bool:
    """Root can read a chmod-000 file; tests then simulate the PermissionError instead."""
    try:
        corpus["unreadable"].read_bytes()
    except PermissionError:
        return True
    return False


# ---------------------------------------------------------------------- fault-corpus helpers
ROOT = Path(__file__).resolve().parents[2]
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@contextmanager
def mounted_tmpfs(folder: Path, size: str = "512k", read_only: bool = False) -> Iterator[Path]:
    """A small tmpfs at `folder` (root only), unmounted afterwards."""
    folder.mkdir(parents=True, exist_ok=True)
    options = f"size={size},mode=0777" + (",ro" if read_only else "")
    subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@contextmanager
def read_only_folder(folder: Path) -> Iterator[Path]:
    """An empty folder nobody can write to: a read-only tmpfs as root, else chmod 555."""
    if IS_ROOT:
        with mounted_tmpfs(folder, "64k", read_only=True):
            yield folder
        return
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o555)
    try:
        yield folder
    finally:
        os.chmod(folder, 0o755)


@pytest.fixture
def no_hang() -> Iterator[Callable[[float], None]]:
    """`no_hang(seconds)`: fail (instead of hanging the suite) if the test blocks that long."""

    def expire(_signum: int, _frame: object) -> None:
        raise AssertionError("blocked: the call did not return in time")

    previous = signal.signal(signal.SIGALRM, expire)
    yield lambda seconds: signal.setitimer(signal.ITIMER_REAL, seconds)
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, previous)


def run_cli(*args: str, home: Path, timeout: float = 120, **kwargs) -> subprocess.CompletedProcess:
    """`framereader ARGS` in a child process (its own FRAMEREADER_HOME, offscreen Qt)."""
    env = {**os.environ, "FRAMEREADER_HOME": str(home), "PYTHONPATH": str(ROOT / "src"), "QT_QPA_PLATFORM": "offscreen"}
    kwargs.setdefault("capture_output", True)
    return subprocess.run([sys.executable, "-m", "framereader", *args], env=env, timeout=timeout, text=True, **kwargs)


def assert_one_clear_line(stderr: str, *names: str) -> None:
    """One line, naming every `name`, and no traceback."""
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    assert "Traceback" not in stderr, stderr
    assert len(lines) == 1, stderr
    for name in names:
        assert str(name) in lines[0], (name, lines[0])
