"""Start the GUI: `run_gui(left, right, screenshot=None, model=None)` is what the CLI calls."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QtMsgType, QTimer, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ..core.platform.paths import resources_dir
from .base.worker import EngineFactory
from ..core.platform.settings import Settings

SCREENSHOT_SIZE = (1440, 900)
SCREENSHOT_TIMEOUT_S = 240.0
SAMPLES = ("a-border-crisis.md", "b-border-crisis.md")


@dataclass(frozen=True)
class Stage:
    """How the window starts: in presenter mode, and (for a screenshot) with every highlight
    hidden for reading and then `reveal` categories revealed, in a given theme."""

    presenter: bool = False
    reveal: int | None = None
    theme: str | None = None
    exercise: bool = False  # Spot the Framing with a few sample marks, checked
    preset: str | None = None  # View ▸ Reading, Comparing or Everything
    welcome: bool = False  # the welcome panel, as on the first start

    def apply(self, window) -> None:  # the MainWindow
        if self.preset is not None:
            window.presets.apply(self.preset)
        if self.welcome:
            window.welcome.show()
        if self.reveal is not None:
            window.reveal.hide_all_for_reading()
            for _ in range(self.reveal):
                window.reveal.reveal_next()
        if self.presenter:
            window.view.set_presenting(True)
        if self.exercise:
            window.exercise.demo()


def sample_paths() -> tuple[str | None, str | None]:
    """The bundled sample pair (None for a file that is missing)."""
    folder = resources_dir() / "samples"
    paths = [folder / name for name in SAMPLES]
    return tuple(str(p) if p.is_file() else None for p in paths)  # type: ignore[return-value]


_previous_handler = None
_NOISE = ("This plugin does not support propagateSizeHints()",)  # the offscreen platform's chatter


def _message_handler(kind: QtMsgType, context, message: str) -> None:  # Qt signature
    """Drop known harmless platform warnings; pass everything else on."""
    if message in _NOISE:
        return
    if _previous_handler is not None:
        _previous_handler(kind, context, message)
    else:
        print(message, file=sys.stderr)


GUI_SWITCH_INTERVAL_S = 0.0002


def application() -> QApplication:
    """The running QApplication, created (with name and icon) if needed."""
    global _previous_handler
    app = cast("QApplication | None", QApplication.instance())  # the widgets app, when one runs
    if app is None:
        _previous_handler = qInstallMessageHandler(_message_handler)
        app = QApplication(sys.argv[:1])
        # The analysis thread holds the GIL while it runs Python; every event the GUI thread
        # handles in Python (paints, timers, results) then waits for it, up to the switch
        # interval (5 ms by default) each time. 1 ms kept the window responsive (cached re-open
        # 0.11-0.14 s instead of 0.12-0.21 s in bench/gui_probe.py, longest stall 50-76 ms
        # instead of 62-80 ms); 0.2 ms waits less again, at no measurable cost to the analysis
        # (200-226 ms instead of 330-630 ms while the legend was still rebuilt from new widgets
        # on every analysis, the stall's cause: docs/performance.md).
        sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    app.setApplicationName("FrameReader")
    app.setApplicationDisplayName("FrameReader")
    app.setDesktopFileName("framereader")
    icon = resources_dir() / "icons" / "framereader.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


#: The comparison dock's tabs `--dock-tab` can show, in tab order.
DOCK_TABS = ("actors", "agency", "voices", "wordchoice", "chart")


def run_gui(left: str | None, right: str | None, engine_factory: EngineFactory, screenshot: str | None = None,
            model: str | None = None, stage: Stage = Stage(), dock_tab: str = "actors",
            size: tuple[int, int] = SCREENSHOT_SIZE) -> int:
    """Open the window with up to two texts (the bundled samples when none is given); `dock_tab`
    "agency" shows the comparison dock's "Who does what to whom" tab, "wordchoice" its Word
    choice tab.

    With `screenshot`, render the 1440x900 window offscreen once both texts are analysed and
    fully highlighted, save it as PNG and return 0 (1, with a message on stderr, on failure);
    `stage` is applied once the texts are analysed (a screenshot is taken after that); `size`
    is the screenshot's window size. With `stage.welcome` and no texts, none is opened.
    """
    from .window.main_window import MainWindow

    app = application()
    if left is None and right is None and not stage.welcome:
        left, right = sample_paths()
    settings = Settings(theme=stage.theme or "system") if screenshot else None
    window = MainWindow(model=model, engine_factory=engine_factory, settings=settings, persist=not screenshot)
    status = {"code": 0}
    if screenshot:
        def report(title: str, message: str) -> None:
            print(f"framereader: {message}", file=sys.stderr)
            status["code"] = 1

        window.messages.dialogs = False
        window.messages.on_error = report
        window.resize(*size)
        window.fit_docks()  # the comparison dock's opening height for this size
    window.show()
    window.comparison_panel.tabs.setCurrentIndex(DOCK_TABS.index(dock_tab) if dock_tab in DOCK_TABS else 0)
    def open_texts() -> None:
        for side, path in enumerate((left, right)):
            if path:
                window.open_path(side, path)

    window.after_first_frame(open_texts)  # reading a file must not keep the new window black
    if screenshot:
        _take_screenshot_when_ready(app, window, screenshot, status, stage)
    elif stage.presenter:
        window.view.set_presenting(True)
    code = app.exec()
    window.shutdown()
    return status["code"] or code


def _take_screenshot_when_ready(app: QApplication, window, path: str, status: dict, stage: Stage = Stage()) -> None:
    """Poll until every pane is analysed and highlighted, apply `stage`, wait for the panes to
    settle again, then grab the window and quit."""
    deadline = time.monotonic() + SCREENSHOT_TIMEOUT_S
    timer = QTimer(window)
    timer.setInterval(100)
    settle = {"ticks": 0, "staged": 0}

    def check() -> None:
        if status["code"]:
            timer.stop()
            app.exit(1)
            return
        both_open = all(pane.document is not None for pane in window.panes)
        if window.service.ready and window.analysed() and (window.compare.comparison is not None or not both_open):
            settle["ticks"] += 1
            if settle["ticks"] >= 3 and not settle["staged"]:
                settle["staged"], settle["ticks"] = 1, 0
                stage.apply(window)
                return
            if settle["ticks"] >= 3:  # let layout and the rulers catch up
                timer.stop()
                image = window.grab()
                if not image.save(path, "PNG"):
                    print(f"framereader: {path}: the screenshot could not be written.", file=sys.stderr)
                    status["code"] = 1
                app.exit(status["code"])
            return
        settle["ticks"] = 0
        if time.monotonic() > deadline:
            timer.stop()
            print("framereader: the analysis did not finish in time; no screenshot was taken.", file=sys.stderr)
            status["code"] = 1
            app.exit(1)

    timer.timeout.connect(check)
    timer.start()
