"""Child process of bench/run.py: GUI numbers measured in a fresh interpreter.

Prints one JSON line: window_s (launch to visible window), stall_ms (longest event-loop gap
while two 1 MB documents are analysed and highlighted), rss_mb (peak RSS with both open),
cached_s (re-opening an analysed article until it is highlighted).
"""

from __future__ import annotations

import faulthandler
import os
import shutil
import time

if os.environ.get("FRAMEREADER_PROBE_DUMP"):
    faulthandler.dump_traceback_later(int(os.environ["FRAMEREADER_PROBE_DUMP"]), exit=True)
if os.environ.get("FRAMEREADER_HOME"):  # no settings, lexicons or cached analyses from an earlier
    # run, removed before the clock starts; the unpacked language model stays, as it does for a
    # user after the first start (it is unpacked once per machine, about a second)
    home = os.environ["FRAMEREADER_HOME"]
    for kind in ("config", "data", os.path.join("cache", "analyses")):
        shutil.rmtree(os.path.join(home, kind), ignore_errors=True)

LAUNCH = time.perf_counter()

import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

from probe_support import SAMPLES, run_ticks, write_big_texts  # noqa: E402

TIMEOUT_S = 1200


def peak_rss_mb() -> float:
    """This process's peak resident set size. On Linux, VmHWM: ru_maxrss of a child started by
    subprocess also counts the parent's peak (bench/run.py reached 3.9 GB in its naive pass)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    from PySide6.QtCore import QElapsedTimer

    from framereader.core.platform.settings import Settings
    from framereader.ui.app import application
    from framereader.cli import engine_factory  # the entry point injects the spaCy engine
    from framereader.ui.window.main_window import MainWindow

    app = application()
    window = MainWindow(engine_factory=engine_factory, settings=Settings(), persist=False)
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    window_s = time.perf_counter() - LAUNCH

    def wait_until_analysed(record_stalls: bool) -> tuple[float, float]:
        """Run the event loop until both panes are analysed; return (seconds, longest gap ms)."""
        clock, gap = QElapsedTimer(), {"max": 0.0, "last": time.perf_counter()}
        clock.start()

        def tick() -> int | None:
            now = time.perf_counter()
            gap["max"] = max(gap["max"], (now - gap["last"]) * 1000)
            gap["last"] = now
            if window.service.ready and window.analysed():
                return 0
            return 1 if clock.elapsed() > TIMEOUT_S * 1000 else None

        run_ticks(app, tick)
        return clock.elapsed() / 1000, gap["max"] if record_stalls else 0.0

    wait_until_analysed(False)  # the model is loaded before we measure

    big_a, big_b = write_big_texts(Path(tempfile.mkdtemp()))
    window.open_path(0, str(big_a))
    window.open_path(1, str(big_b))
    big_s, stall_ms = wait_until_analysed(True)
    rss_mb = peak_rss_mb()

    window.open_path(0, str(SAMPLES / "a-border-crisis.md"))
    window.open_path(1, str(SAMPLES / "b-border-crisis.md"))
    wait_until_analysed(False)  # first open: analysed and cached
    window.open_path(0, str(big_a))  # open something else…
    wait_until_analysed(False)
    start = time.perf_counter()
    window.open_path(0, str(SAMPLES / "a-border-crisis.md"))  # …and re-open the article
    wait_until_analysed(False)
    cached_s = time.perf_counter() - start

    window.shutdown()
    print(json.dumps({"window_s": window_s, "stall_ms": stall_ms, "rss_mb": rss_mb, "cached_s": cached_s, "big_s": big_s}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
