"""Fault corpus: export targets that cannot be written, and a full disk. The CLI says so in one
line naming the path (exit 2), the GUI in a dialog; an existing file is never damaged."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest
from conftest import (
    IS_ROOT,
    ROOT,
    assert_one_clear_line,
    mounted_tmpfs,
    read_only_folder,
    run_cli,
)

from framereader.cli import main
from framereader.core.model import Document
from framereader.core.state.lesson import Session, load_session, save_session
from framereader.core.platform.settings import Settings, save_settings

SAMPLES = ROOT / "resources" / "samples"
LEFT, RIGHT = str(SAMPLES / "a-border-crisis.md"), str(SAMPLES / "b-border-crisis.md")
KINDS = ("--json", "--html", "--pdf")


def _compare(kind: str, target: Path | str) -> int:
    return main(["compare", LEFT, RIGHT, "--model", "blank:en", kind, str(target)])


@pytest.fixture
def targets(tmp_path: Path) -> dict[str, Path]:
    a_file = tmp_path / "a-file"
    a_file.write_text("I am a file", encoding="utf-8")
    folder = tmp_path / "a-folder"
    folder.mkdir()
    return {"/proc/version": Path("/proc/version"), "under a file": a_file / "out", "a folder": folder}


@pytest.mark.parametrize("kind", KINDS)
def test_unwritable_targets_give_one_line_and_exit_2(qapp, targets, kind: str, capsys) -> None:
    for name, target in targets.items():
        assert _compare(kind, target) == 2, name
        captured = capsys.readouterr()
        assert not captured.out
        assert_one_clear_line(captured.err, target)
    assert (targets["under a file"].parent).read_text(encoding="utf-8") == "I am a file"


@pytest.mark.parametrize("kind", KINDS)
def test_a_read_only_folder(qapp, tmp_path: Path, kind: str, capsys) -> None:
    with read_only_folder(tmp_path / "ro") as folder:
        target = folder / f"out.{kind[2:]}"
        assert _compare(kind, target) == 2
        assert_one_clear_line(capsys.readouterr().err, target)


@pytest.mark.parametrize("kind", KINDS)
def test_a_missing_folder_is_created_for_every_kind(qapp, tmp_path: Path, kind: str) -> None:
    target = tmp_path / "new" / "folder" / f"out.{kind[2:]}"
    assert _compare(kind, target) == 0
    assert target.stat().st_size > 100


@pytest.fixture
def full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """(folder, fill): as root a 2 MB tmpfs that `fill()` fills up; otherwise a folder where
    `fill()` makes every fsync fail with ENOSPC (what a full disk does to a write)."""
    folder = tmp_path / "disk"
    if IS_ROOT:
        with mounted_tmpfs(folder, "2m"):
            def fill() -> None:
                with (folder / "filler").open("wb") as handle:
                    try:
                        while True:
                            handle.write(b"\0" * 65536)
                            handle.flush()
                    except OSError as exc:
                        assert exc.errno == errno.ENOSPC

            yield folder, fill
        return
    folder.mkdir()

    def fail(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    yield folder, lambda: monkeypatch.setattr(os, "fsync", fail)


def test_a_full_disk_keeps_every_previous_file(qapp, full_disk, capsys) -> None:
    folder, fill = full_disk
    targets = {kind: folder / f"handout.{kind[2:]}" for kind in KINDS}
    for kind, target in targets.items():
        assert _compare(kind, target) == 0
    lesson = folder / "lesson.framereader"
    save_session(lesson, Session(left=Document(text="The regime spoke."), right=None))
    settings = folder / "settings.json"
    save_settings(Settings(zoom=2.0), settings)
    before = {path: path.read_bytes() for path in (*targets.values(), lesson, settings)}
    capsys.readouterr()
    fill()
    for kind, target in targets.items():
        assert _compare(kind, target) == 2, kind
        err = capsys.readouterr().err
        assert_one_clear_line(err, target)
        assert "full" in err
    with pytest.raises(OSError):
        save_session(lesson, Session(left=Document(text="A different lesson " * 50_000), right=None))
    with pytest.raises(OSError):
        save_settings(Settings(recent_files=["/x" * 30_000], zoom=1.5), settings)
    assert {path: path.read_bytes() for path in before} == before
    assert load_session(lesson).left is not None
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_analyze_into_a_full_output_has_no_traceback(isolated_user_dirs: Path) -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        result = run_cli("analyze", LEFT, "--model", "blank:en", home=isolated_user_dirs, stdout=full,
                         capture_output=False, stderr=-1)
    assert result.returncode == 2
    assert_one_clear_line(result.stderr, "cannot be written")
    assert "Exception ignored" not in result.stderr


def test_the_window_reports_failed_exports_in_a_dialog(qtbot, window, targets, tmp_path: Path) -> None:
    for side, path in enumerate((LEFT, RIGHT)):
        assert window.open_path(side, path)
    qtbot.waitUntil(lambda: window.compare.comparison is not None and window.analysed(), timeout=120_000)
    good = tmp_path / "handout.html"
    assert window.exports.write_export(str(good))
    before = good.read_bytes()
    (targets["a folder"] / "x").write_text("file", encoding="utf-8")
    under = targets["under a file"]
    bad = [targets["/proc/version"], targets["a folder"], targets["a folder"] / "x" / "y.pdf",
           *(under.with_suffix(suffix) for suffix in (".html", ".json", ".pdf"))]
    for target in bad:
        assert not window.exports.write_export(str(target)), target
        assert str(target) in window.errors[-1][1]
    assert len(window.errors) == len(bad)
    assert good.read_bytes() == before


def test_device_and_pipe_targets_are_written_in_place(qapp, tmp_path: Path, capsys) -> None:
    """`--json /dev/stdout` prints; a device is never replaced by a file (as root that would
    replace /dev/null itself, so a private copy of it is used)."""
    fifo = tmp_path / "nobody-reads"
    os.mkfifo(fifo)
    assert _compare("--json", fifo) == 2
    assert_one_clear_line(capsys.readouterr().err, fifo, "nobody is reading")
    if IS_ROOT:
        device = tmp_path / "null"
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        for kind in KINDS:
            assert _compare(kind, device) == 0
            assert stat.S_ISCHR(device.stat().st_mode)
    result = run_cli("compare", LEFT, RIGHT, "--model", "blank:en", "--json", "/dev/stdout", home=tmp_path / "home")
    assert result.returncode == 0 and '"left"' in result.stdout and not result.stderr
