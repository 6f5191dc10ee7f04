"""Two small things the window does once: the About box, and freezing the loaded model's
objects out of the garbage collector's reach."""

from __future__ import annotations

import gc

from PySide6.QtWidgets import QMessageBox, QWidget

from ... import __version__


def freeze_long_lived_objects() -> None:
    """Once a model is loaded, move everything alive (the pipeline's many objects) out of the
    cyclic GC's reach, so the worker's collections (holding the GIL) walk less. Collect first:
    frozen cyclic garbage would never be freed; unfreezing first frees a replaced pipeline."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


ABOUT_HTML = (
    "<h3>FrameReader {version}</h3><p>Read two articles side by side and see how each one frames the same "
    "events: named entities are tinted by type and loaded framing language is underlined by category.</p>"
    "<p>Everything runs on this computer; no text leaves it.</p>"
    "<p>A highlighted word is worth a second look, not proof of bias.</p>"
)


def show_about(parent: QWidget) -> None:
    """Help ▸ About FrameReader."""
    QMessageBox.about(parent, "About FrameReader", ABOUT_HTML.format(version=__version__))
