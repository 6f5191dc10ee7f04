"""Lesson sessions: a `.framereader` JSON file with both texts embedded, so a teacher can send
one file and students see the same view even when the original files are elsewhere."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .atomic import atomic_write_text
from .errors import DocumentError
from .model import Block, Document, DocumentMeta, Emphasis

FORMAT = "framereader-session"
VERSION = 1
SUFFIX = ".framereader"
MAX_SESSION_BYTES = 120 * 1024 * 1024


@dataclass(frozen=True)
class Session:
    """Everything needed to restore a comparison view."""

    left: Document | None
    right: Document | None
    pipeline: str | None = None
    lexicons: tuple[str, ...] = ()  # enabled lexicon ids
    hidden_labels: tuple[str, ...] = ()
    hidden_categories: tuple[str, ...] = ()
    view: dict[str, Any] = field(default_factory=dict)  # zoom, sync, presenter, theme…


def _document_to_json(doc: Document | None) -> dict[str, Any] | None:
    return None if doc is None else asdict(doc)


def _document_from_json(data: Any, path: str) -> Document | None:
    if data is None:
        return None
    try:
        return Document(
            text=str(data["text"]),
            blocks=tuple(Block(**b) for b in data.get("blocks", ())),
            emphasis=tuple(Emphasis(**e) for e in data.get("emphasis", ())),
            source=str(data.get("source", "untitled")),
            encoding=str(data.get("encoding", "utf-8")),
            note=data.get("note"),
            format=data.get("format", "text"),
            meta=DocumentMeta.from_json(data.get("meta")),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise DocumentError(path, f"holds a text that cannot be read ({exc}).") from exc


def session_to_json(session: Session) -> dict[str, Any]:
    """The JSON object written to a `.framereader` file."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "left": _document_to_json(session.left),
        "right": _document_to_json(session.right),
        "pipeline": session.pipeline,
        "lexicons": list(session.lexicons),
        "hidden_labels": list(session.hidden_labels),
        "hidden_categories": list(session.hidden_categories),
        "view": dict(session.view),
    }


def save_session(path: str | Path, session: Session) -> None:
    """Write atomically; the previous file stays intact if writing fails."""
    atomic_write_text(path, json.dumps(session_to_json(session), ensure_ascii=False, indent=1))


def load_session(path: str | Path) -> Session:
    """Read a session file; any problem is a DocumentError naming the file."""
    name = str(path)
    try:
        if Path(path).stat().st_size > MAX_SESSION_BYTES:
            raise DocumentError(name, "is too large to be a FrameReader session.")
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DocumentError(name, "does not exist.") from exc
    except IsADirectoryError as exc:
        raise DocumentError(name, "is a folder, not a session file.") from exc
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise DocumentError(name, f"is not a readable FrameReader session ({exc.__class__.__name__}).") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DocumentError(name, "is not a FrameReader session file.")
    if int(data.get("version", 0)) > VERSION:
        raise DocumentError(name, "was written by a newer FrameReader; please update.")
    return Session(
        left=_document_from_json(data.get("left"), name),
        right=_document_from_json(data.get("right"), name),
        pipeline=data.get("pipeline"),
        lexicons=tuple(data.get("lexicons") or ()),
        hidden_labels=tuple(data.get("hidden_labels") or ()),
        hidden_categories=tuple(data.get("hidden_categories") or ()),
        view=dict(data.get("view") or {}),
    )
