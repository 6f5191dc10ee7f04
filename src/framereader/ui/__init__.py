"""The Qt (PySide6) desktop interface. Only this package imports Qt; it never calls spaCy itself."""

from ._pyside_fix import immortalise_singletons

immortalise_singletons()  # must run before heavy Qt use; see _pyside_fix
