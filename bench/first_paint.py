"""How soon the window paints after it is shown, on the `make run` path (a fresh process, the
real engine, the bundled pair opened at launch): the black frame a user sees is the time between
the window being mapped and its first paint. Prints one JSON line: seconds from launch to
show() and from show() to the first paint. Run under a real display or Xvfb, e.g.
`xvfb-run -a env QT_QPA_PLATFORM=xcb PYTHONPATH=src python bench/first_paint.py`.

Measured 2026-12 (Xvfb, xcb, 2 cores): show → first paint 0.33–0.38 s before the texts were
opened after the first frame (the first open loads the language detector, about a second more
on a machine where it is unpacked for the first time), 0.01 s after.
"""

from __future__ import annotations

import json
import sys
import time

LAUNCH = time.perf_counter()

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402

from framereader.cli import engine_factory  # noqa: E402
from framereader.ui import app as app_module  # noqa: E402

WATCH_MS = 4000


class Marks(QObject):
    """The times of the first Show of a window and of the first paint event anywhere."""

    def __init__(self) -> None:
        super().__init__()
        self.at: dict[str, float] = {}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and watched.isWindowType() and "show" not in self.at:
            self.at["show"] = time.perf_counter()
        elif event.type() == QEvent.Type.Paint and "show" in self.at and "paint" not in self.at:
            self.at["paint"] = time.perf_counter()
        return False


def main() -> int:
    app = app_module.application()
    marks = Marks()
    app.installEventFilter(marks)
    QTimer.singleShot(WATCH_MS, app.quit)
    app_module.run_gui(None, None, engine_factory)
    at = marks.at
    print(json.dumps({"launch_to_show_s": round(at["show"] - LAUNCH, 3),
                      "show_to_first_paint_s": round(at["paint"] - at["show"], 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
