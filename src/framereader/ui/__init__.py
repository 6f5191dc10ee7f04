"""The Qt (PySide6) desktop interface. Only this package imports Qt; it never calls spaCy itself."""
