"""The status bar's progress: short work shows nothing, long work says what it does (pytest-qt,
with a fake service and panes: no model needed)."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtWidgets import QStatusBar

from framereader.ui.window.progress import SHOW_AFTER_MS, ProgressIndicator


class FakeService:
    def __init__(self) -> None:
        self.ready = True
        self.model_info = SimpleNamespace(name="en_fake", version="1.0")
        self.working: set[str] = set()

    def busy(self, side: str) -> bool:
        return side in self.working


def make(qtbot):
    bar = QStatusBar()
    qtbot.addWidget(bar)
    bar.show()
    service = FakeService()
    panes = [SimpleNamespace(side=s, title=f"{s}.txt", highlighter=SimpleNamespace(busy=False)) for s in ("left", "right")]
    indicator = ProgressIndicator(bar, service, panes)  # type: ignore[arg-type]
    indicator.status_bar = bar  # type: ignore[attr-defined]  # keeps the bar (and its widgets) alive
    indicator.update()
    return indicator, service, panes


def test_work_shorter_than_the_delay_shows_no_progress(qtbot) -> None:
    indicator, service, _panes = make(qtbot)
    assert indicator.label.text() == "Model: en_fake 1.0" and not indicator.bar.isVisible()
    service.working.add("left")
    indicator.update()
    assert not indicator.bar.isVisible() and indicator.label.text() == "Model: en_fake 1.0"
    service.working.clear()
    indicator.update()
    qtbot.wait(SHOW_AFTER_MS + 100)
    assert not indicator.bar.isVisible() and indicator.label.text() == "Model: en_fake 1.0"


def test_longer_work_is_announced_with_its_progress_and_then_put_away(qtbot) -> None:
    indicator, service, panes = make(qtbot)
    service.working.add("left")
    indicator.progress("left", 0.25)
    qtbot.waitUntil(lambda: indicator.bar.isVisible(), timeout=SHOW_AFTER_MS + 2000)
    assert indicator.label.text() == "Analysing left.txt…" and indicator.bar.value() == 25
    indicator.progress("left", 0.5)
    assert indicator.bar.value() == 50  # at once, now that it is announced
    service.working.clear()
    panes[0].highlighter.busy = True
    indicator.update()
    assert indicator.label.text() == "Highlighting…"
    panes[0].highlighter.busy = False
    indicator.update()
    assert not indicator.bar.isVisible() and indicator.label.text() == "Model: en_fake 1.0"
    service.working.add("right")  # the next short job is quiet again
    indicator.update()
    assert not indicator.bar.isVisible()
