"""Shared by the GUI probes (`gui_probe.py`, `stall_trace.py`): the two 1 MB texts built from the
samples, and an event loop driven by a 5 ms timer whose ticks measure the gaps."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"
TICK_MS = 5


def write_big_texts(folder: Path) -> tuple[Path, Path]:
    """Two plain texts of about 1 MB each (the sample articles' bodies, repeated) in `folder`."""
    paths = []
    for name in ("a-border-crisis.md", "b-border-crisis.md"):
        text = (SAMPLES / name).read_text(encoding="utf-8").split("\n", 2)[2]  # body only
        big = folder / f"big-{name.replace('.md', '.txt')}"
        big.write_text((text + "\n\n") * (1024 * 1024 // (len(text) + 2) + 1), encoding="utf-8")
        paths.append(big)
    return paths[0], paths[1]


def run_ticks(app, tick: Callable[[], int | None]) -> int:
    """Run the event loop, calling `tick` every TICK_MS, until it returns an exit code.
    (`app.exit`, not `quit`: in Qt 6 quitting closes the window and its worker.)"""
    from PySide6.QtCore import QTimer

    def on_timeout() -> None:
        code = tick()
        if code is not None:
            app.exit(code)

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(on_timeout)
    timer.start()
    code = app.exec()
    timer.stop()
    return code
