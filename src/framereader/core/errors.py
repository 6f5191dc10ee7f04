"""The small family of typed errors core raises; each carries a sentence for the user."""

from __future__ import annotations


class FrameReaderError(Exception):
    """Base error: `path` names the file (or "" when none), `reason` is a sentence for the user."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = str(path)
        self.reason = reason
        self.line = line
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """One line naming the file (and line) and the problem."""
        where = self.path
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        return f"{where}: {self.reason}" if where else self.reason


class DocumentError(FrameReaderError):
    """A document cannot be opened: missing, unreadable, binary, too large, a directory…"""


class LexiconError(FrameReaderError):
    """A lexicon file is malformed; `line` points at the first problem when known."""


class PipelineError(FrameReaderError):
    """A spaCy pipeline cannot be found or loaded; `path` holds the pipeline name."""


class Cancelled(Exception):
    """Raised by long work (analysis, comparison) when its caller's `cancelled()` turns true."""
