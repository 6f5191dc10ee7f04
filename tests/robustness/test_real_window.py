"""A real window: `framereader` on Qt's xcb platform under Xvfb, driven by real X key events.

Proves that the xcb plugin's system libraries are installed (`make sysdeps`) and that the app
opens the bundled pair, analyses it, takes key presses and quits cleanly with Ctrl+Q.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
READY_TIMEOUT_S = 180.0


@pytest.fixture
def xvfb_display(tmp_path: Path) -> Iterator[str]:
    """A fresh Xvfb server on a display it picks itself (`-displayfd`); `make sysdeps` installs it."""
    assert shutil.which("Xvfb"), "Xvfb is missing: run `make sysdeps` (packaging/install-sysdeps.sh)"
    read_end, write_end = os.pipe()
    log = (tmp_path / "xvfb.log").open("wb")
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1440x900x24", "-nolisten", "tcp"],
                              stdout=log, stderr=subprocess.STDOUT, pass_fds=(write_end,))
    os.close(write_end)
    with os.fdopen(read_end) as reader:
        number = reader.readline().strip()  # written once the server accepts connections
    assert number.isdigit() and server.poll() is None, "Xvfb did not start"
    yield f":{number}"
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
    log.close()


def _xdotool(display: str, *args: str) -> None:
    assert shutil.which("xdotool"), "xdotool is missing: run `make sysdeps` (packaging/install-sysdeps.sh)"
    subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": display}, check=True, timeout=20)


def _wait_for_line(path: Path, prefix: str, process: subprocess.Popen, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith(prefix):
                return line
        if process.poll() is not None:
            break
        time.sleep(0.1)
    raise AssertionError(f"no '{prefix}' line (exit {process.poll()})")


def test_real_window_opens_analyses_takes_keys_and_quits_cleanly(xvfb_display: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    out, err = tmp_path / "stdout.txt", tmp_path / "stderr.txt"
    samples = ROOT / "resources" / "samples"
    env = {**os.environ, "DISPLAY": xvfb_display, "QT_QPA_PLATFORM": "xcb", "FRAMEREADER_HOME": str(home),
           "PYTHONPATH": str(ROOT / "src")}
    with out.open("wb") as stdout, err.open("wb") as stderr:
        app = subprocess.Popen(
            [sys.executable, "-m", "framereader", "--smoke",
             str(samples / "a-border-crisis.md"), str(samples / "b-border-crisis.md")],
            env=env, stdout=stdout, stderr=stderr,
        )
        try:
            ready = _wait_for_line(out, "framereader: smoke: ready", app, READY_TIMEOUT_S)
            window = ready.split()[-1]
            _xdotool(xvfb_display, "windowfocus", "--sync", window)
            for key in ("ctrl+equal", "ctrl+equal", "F11", "F11", "ctrl+h", "ctrl+h", "ctrl+Tab"):
                _xdotool(xvfb_display, "key", "--delay", "150", key)
                time.sleep(0.2)
            _xdotool(xvfb_display, "key", "ctrl+q")
            code = app.wait(timeout=60)
        finally:
            if app.poll() is None:
                app.send_signal(signal.SIGKILL)
                app.wait()
    errors = err.read_text(encoding="utf-8", errors="replace")
    assert code == 0, f"exit {code}: {errors[-2000:]}"
    assert "Traceback" not in errors and "Segmentation" not in errors, errors[-2000:]
    # The zoom keys went through X and xcb to the window: the saved settings show it.
    settings = json.loads((home / "config" / "settings.json").read_text(encoding="utf-8"))
    assert settings["zoom"] > 1.0
    assert any(path.endswith("b-border-crisis.md") for path in settings["recent_files"])
