"""FrameReader: an offline reader that shows how two texts frame the same events."""

__version__ = "0.1.0"
