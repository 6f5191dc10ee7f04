"""Why the window must not make widgets while the worker runs Python.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/widgets_under_load.py

Lays out 50 check boxes and 100 labels (a legend's worth) three ways, with the worker idle and
with a pure-Python loop on a second thread (as the worker is while it analyses), each in a fresh
process: made new, the same widgets laid out again, and deleted and made again. A widget made from Python looks up its
Python overrides under the GIL the first time Qt calls each of its virtual functions, so every
new widget waits for the other thread many times; a widget laid out again does not.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time


def measure(busy: bool) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication, QCheckBox, QGridLayout, QLabel, QWidget

    app = QApplication.instance() or QApplication([])
    stop = threading.Event()

    def spin() -> None:
        count = 0
        while not stop.is_set():
            count += 1

    if busy:
        threading.Thread(target=spin, daemon=True).start()
    host = QWidget()
    grid = QGridLayout(host)
    host.resize(300, 900)
    host.show()
    app.processEvents()

    def build() -> list[QWidget]:
        widgets: list[QWidget] = []
        for row in range(50):
            box = QCheckBox(f"name {row}")
            grid.addWidget(box, row, 0)
            widgets.append(box)
            for column in (1, 2):
                label = QLabel(str(row))
                grid.addWidget(label, row, column)
                widgets.append(label)
        return widgets

    times = {}
    start = time.perf_counter()
    widgets = build()
    app.processEvents()
    times["made new"] = time.perf_counter() - start
    start = time.perf_counter()
    while grid.count():
        grid.takeAt(0)
    for index, widget in enumerate(widgets):
        grid.addWidget(widget, index // 3, index % 3)
    app.processEvents()
    times["laid out again"] = time.perf_counter() - start
    start = time.perf_counter()
    for widget in widgets:
        widget.deleteLater()
    build()
    app.processEvents()
    times["deleted and made again"] = time.perf_counter() - start
    stop.set()
    host.deleteLater()
    app.processEvents()
    return times


def main() -> int:
    if len(sys.argv) > 1:  # the child: one condition
        sys.setswitchinterval(0.0002)  # as the window sets it (ui/app.py)
        print(json.dumps(measure(sys.argv[1] == "busy")))
        return 0
    idle, busy = (json.loads(subprocess.run([sys.executable, __file__, condition], capture_output=True, text=True,
                                            check=True).stdout.strip().splitlines()[-1])
                  for condition in ("idle", "busy"))
    print(f"{'150 widgets':24s} {'worker idle':>12s} {'worker busy':>12s}")
    for key in idle:
        print(f"{key:24s} {idle[key] * 1000:9.0f} ms {busy[key] * 1000:9.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
