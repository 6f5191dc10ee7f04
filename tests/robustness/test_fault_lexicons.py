"""Fault corpus: lexicon paths that are FIFOs, devices or too large, wherever a lexicon is read
(`lexicon check`, `--lexicon`, `lexicon import`, the lexicons folder, `extra_lexicons`), and
concurrent imports of lexicons that share an id. Never a hang, never a lost import."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, assert_one_clear_line, run_cli

from framereader.core.errors import LexiconError
from framereader.core.lexicons.format import MAX_LEXICON_BYTES
from framereader.core.lexicons.files import import_word_list, load_lexicon, user_lexicon_dir
from framereader.core.lexicons.library import LexiconLibrary
from framereader.core.platform.settings import Settings


@pytest.fixture
def bad_lexicons(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """name -> (path, a word the one-line reason must contain)."""
    fifo = tmp_path / "fifo.frlex"
    os.mkfifo(fifo)
    words_fifo = tmp_path / "words-fifo.txt"
    os.mkfifo(words_fifo)
    zero = tmp_path / "zero.frlex"
    zero.symlink_to("/dev/zero")
    huge = tmp_path / "huge.frlex"
    with huge.open("wb") as handle:
        handle.truncate(MAX_LEXICON_BYTES + 1)
    return {"fifo": (fifo, "pipe"), "word list fifo": (words_fifo, "pipe"), "/dev/zero": (zero, "device"),
            "over 10 MB": (huge, "10 MB"), "/dev/zero itself": (Path("/dev/zero"), "device")}


def test_core_readers_refuse_without_blocking(bad_lexicons, no_hang) -> None:
    no_hang(20)
    for path, reason in bad_lexicons.values():
        for reader in (load_lexicon, import_word_list):
            with pytest.raises(LexiconError) as info:
                reader(path)
            assert str(path) in info.value.message and reason in info.value.message


def test_lexicon_check_refuses_each_in_one_line(bad_lexicons, isolated_user_dirs: Path) -> None:
    cases = list(bad_lexicons.values())
    result = run_cli("lexicon", "check", *(str(path) for path, _ in cases), home=isolated_user_dirs, timeout=60)
    assert result.returncode == 2, result
    lines = result.stderr.strip().splitlines()
    assert "Traceback" not in result.stderr and len(lines) == len(cases), result.stderr
    for (path, reason), line in zip(cases, lines):
        assert line.startswith(f"{path}:") and reason in line, line


def test_lexicon_option_and_import_refuse_a_fifo(bad_lexicons, isolated_user_dirs: Path, tmp_path: Path) -> None:
    fifo, _ = bad_lexicons["fifo"]
    text = tmp_path / "a.txt"
    text.write_text("The regime spoke.", encoding="utf-8")
    result = run_cli("analyze", str(text), "--model", "blank:en", "--lexicon", str(fifo), home=isolated_user_dirs, timeout=60)
    assert result.returncode == 2 and not result.stdout
    assert_one_clear_line(result.stderr, fifo, "pipe")
    for path, reason in (bad_lexicons["word list fifo"], bad_lexicons["/dev/zero"]):
        result = run_cli("lexicon", "import", str(path), home=isolated_user_dirs, timeout=60)
        assert result.returncode == 2
        assert_one_clear_line(result.stderr, path, reason)
    assert not list(user_lexicon_dir().glob("*.frlex"))


def test_library_lists_a_fifo_in_the_folder_or_the_settings_as_unreadable(bad_lexicons, no_hang) -> None:
    in_folder = user_lexicon_dir() / "trap.frlex"
    os.mkfifo(in_folder)
    extra, _ = bad_lexicons["fifo"]
    zero, _ = bad_lexicons["/dev/zero"]
    library = LexiconLibrary(Settings(extra_lexicons=[str(extra), str(zero)]))
    no_hang(20)
    entries = {entry.path: entry for entry in library.entries()}
    for path in (in_folder, extra.resolve(), zero):
        entry = entries[str(path)] if str(path) in entries else entries[str(Path(path))]
        assert entry.lexicon is None and entry.error and ("pipe" in entry.error or "device" in entry.error)
    assert all(Path(p).name != "trap.frlex" for p in library.enabled_paths())
    assert library.entries()  # the bundled lexicons are still there


def test_lexicon_check_exit_status_survives_a_closed_pipe(isolated_user_dirs: Path, tmp_path: Path) -> None:
    bundled = sorted((ROOT / "resources" / "lexicons").glob("*.frlex"))
    bad = tmp_path / "bad.frlex"
    bad.write_text("not a lexicon\n", encoding="utf-8")
    read_end, write_end = os.pipe()
    os.close(read_end)  # `| head -1` that has already gone
    try:
        result = run_cli("lexicon", "check", *map(str, bundled * 3), str(bad), home=isolated_user_dirs,
                         stdout=write_end, capture_output=False, stderr=subprocess.PIPE)
    finally:
        os.close(write_end)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    assert str(bad) in result.stderr


IMPORTER = """
import sys, time
from pathlib import Path
from framereader.cli import main
while not Path(sys.argv[2]).exists():
    time.sleep(0.005)
raise SystemExit(main(["lexicon", "import", sys.argv[1]]))
"""


def test_concurrent_imports_sharing_an_id_all_land(tmp_path: Path, isolated_user_dirs: Path) -> None:
    count = 10
    sources = []
    for n in range(count):
        folder = tmp_path / f"teacher{n}"
        folder.mkdir()
        source = folder / "loaded-words.txt"  # the same name, so the same id, for every import
        source.write_text(f"term{n}word\n", encoding="utf-8")
        sources.append(source)
    go = tmp_path / "go"
    env = {**os.environ, "FRAMEREADER_HOME": str(isolated_user_dirs), "PYTHONPATH": str(ROOT / "src")}
    runs = [subprocess.Popen([sys.executable, "-c", IMPORTER, str(s), str(go)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for s in sources]
    go.touch()
    results = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0] * count, results
    files = sorted(user_lexicon_dir().glob("*.frlex"))
    assert len(files) == count
    terms = sorted(t.text for f in files for c in load_lexicon(f).categories for t in c.terms)
    assert terms == sorted(f"term{n}word" for n in range(count))
    reported = sorted(out.strip().rsplit(" into ", 1)[1] for out, _err in results)
    assert reported == sorted(map(str, files))
