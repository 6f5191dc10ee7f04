"""Lesson sessions: a `.framereader` JSON file with both texts embedded, so a teacher can send
one file and students see the same view even when the original files are elsewhere."""

from __future__ import annotations

import json
import math
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, cast, get_args, get_type_hints

from ..platform.atomic import atomic_write_text
from .edits import TextEdits
from .edits import from_json as edits_from_json
from .edits import to_json as edits_to_json
from ..errors import DocumentError
from ..classroom.exercise import LessonExercise, exercise_from_json, exercise_to_json
from ..lexicons.embedded import EmbeddedLexicon, embedded_from_json, embedded_to_json
from ..model import SIDES, Block, Document, DocumentMeta, Emphasis, Side
from ..platform.safe_read import (
    NotARegularFile,
    TooLarge,
    describe_read_error,
    human_size,
    read_limited,
)
from ..platform.settings import ZOOM_MAX, ZOOM_MIN

FORMAT = "framereader-session"
VERSION = 1
SUFFIX = ".framereader"
MAX_SESSION_BYTES = 120 * 1024 * 1024  # two texts at the limit, in UTF-8, with their layout
#: The document limit (20 MB, `documents.MAX_BYTES`) holds for embedded texts too, in characters.
MAX_TEXT_CHARS = 20 * 1024 * 1024
MAX_NOTE_CHARS = 2000
_BOOL_VIEW_KEYS = ("sync", "highlights", "presenter")
_SURROGATES = re.compile("[\ud800-\udfff]")


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
    #: the `.frlex` text of every non-bundled lexicon the analysis used (see `core.lexicons.embedded`)
    embedded_lexicons: tuple[EmbeddedLexicon, ...] = ()
    pipeline_version: str | None = None  # the version of `pipeline`
    #: the reader's edits of each text (exclusions, suppressions, label corrections)
    edits: dict[Side, TextEdits] = field(default_factory=dict)
    exercise: LessonExercise | None = None  # Spot the framing: the teacher's key, saved marks
    #: sentences for the user about damaged parts that were left out when loading (not saved)
    warnings: tuple[str, ...] = field(default=(), compare=False)


def _document_to_json(doc: Document | None) -> dict[str, Any] | None:
    return None if doc is None else asdict(doc)


def _plain(value: Any, limit: int = MAX_NOTE_CHARS) -> str | None:
    """A plain string (lone surrogates replaced, length capped), or None for anything else."""
    if not isinstance(value, str):
        return None
    return _SURROGATES.sub("\ufffd", value[:limit])


def _int(value: Any, low: int, high: int) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high else None


def _spans(items: Any, size: int, kinds: tuple[str, ...], with_level: bool) -> tuple[list[dict[str, Any]], int]:
    """The well-formed block or emphasis dicts in `items` (kind known, 0 <= start <= end <= size),
    and how many were dropped."""
    if not isinstance(items, list):
        return [], 0 if items is None else 1
    kept: list[dict[str, Any]] = []
    for item in items:
        if not isinstance(item, dict) or item.get("kind") not in kinds:
            continue
        start, end = _int(item.get("start"), 0, size), _int(item.get("end"), 0, size)
        if start is None or end is None or start > end:
            continue
        span: dict[str, Any] = {"kind": item["kind"], "start": start, "end": end}
        if with_level:
            span["level"] = _int(item.get("level", 0), 0, 1000) or 0
        kept.append(span)
    return kept, len(items) - len(kept)


def _literal_values(cls: type, name: str) -> tuple[str, ...]:
    return tuple(get_args(get_type_hints(cls)[name]))


def _document_from_json(data: Any, path: str, warnings: list[str]) -> Document | None:
    """A Document from its JSON object; a missing or oversized text is a `DocumentError`,
    damaged structure (blocks, emphasis) is dropped with a warning."""
    if data is None:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise DocumentError(path, "holds a text that cannot be read (no text).")
    raw = data["text"]
    if len(raw) > MAX_TEXT_CHARS:
        raise DocumentError(path, f"holds a text of {len(raw):,} characters, more than the "
                                  f"{MAX_TEXT_CHARS // (1024 * 1024)} MB FrameReader can open.")
    text = _SURROGATES.sub("\ufffd", raw)
    blocks, bad_blocks = _spans(data.get("blocks"), len(text), _literal_values(Block, "kind"), True)
    emphasis, bad_emphasis = _spans(data.get("emphasis"), len(text), _literal_values(Emphasis, "kind"), False)
    source = _plain(data.get("source"), 4096) or "untitled"
    if bad_blocks or bad_emphasis:
        warnings.append(f"{path}: some of the layout of {Path(source).name} was damaged and is not shown.")
    formats = _literal_values(Document, "format")
    return Document(
        text=text,
        blocks=tuple(Block(**b) for b in blocks),
        emphasis=tuple(Emphasis(**e) for e in emphasis),
        source=source,
        encoding=_plain(data.get("encoding"), 64) or "utf-8",
        note=_plain(data.get("note")),
        format=cast(Any, data["format"] if data.get("format") in formats else "text"),  # checked against the Literal
        meta=DocumentMeta.from_json(data.get("meta")),
    )


def _strings(value: Any, what: str, path: str, warnings: list[str]) -> tuple[str, ...]:
    """A list of strings from the file (anything else is ignored, with a warning)."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        warnings.append(f"{path}: the {what} in this lesson file are damaged and were ignored.")
        return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()
    return tuple(value)


def _object_part(value: Any, what: str, path: str, warnings: list[str]) -> dict[str, Any]:
    """An optional JSON object of the lesson: {} when absent, and {} with a warning naming
    `what` when it is not an object."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        warnings.append(f"{path}: the {what} in this lesson file are damaged and were ignored.")
        return {}
    return value


def _view(value: Any, path: str, warnings: list[str]) -> dict[str, Any]:
    """The view settings: known keys with the right types (zoom finite and within the zoom
    range); other plain values are kept for newer versions, anything else dropped."""
    parts = _object_part(value, "view settings", path, warnings)
    view: dict[str, Any] = {}
    for key, item in parts.items():
        if key == "zoom":
            if isinstance(item, (int, float)) and not isinstance(item, bool):
                try:
                    number = float(item)
                except OverflowError:
                    continue
                if math.isfinite(number):
                    view[key] = item if ZOOM_MIN <= number <= ZOOM_MAX else min(ZOOM_MAX, max(ZOOM_MIN, number))
        elif key in _BOOL_VIEW_KEYS:
            if isinstance(item, bool):
                view[key] = item
        elif isinstance(item, bool) or (isinstance(item, str) and len(item) <= 1000) or isinstance(item, (int, float)) and _finite_small(item):
            view[key] = item
    return view


def _finite_small(number: float) -> bool:
    try:
        return math.isfinite(float(number)) and abs(number) < 1e9
    except OverflowError:
        return False


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
        **_lexicons_to_json(session),
        **_edits_to_json(session),
        **_exercise_json(session),
    }


def _exercise_json(session: Session) -> dict[str, Any]:
    """The optional `exercise` part (absent when the lesson has none)."""
    return {} if session.exercise is None else {"exercise": exercise_to_json(session.exercise)}


def _exercise(data: dict[str, Any], left: Document | None, right: Document | None, path: str,
              warnings: list[str]) -> LessonExercise | None:
    """The exercise part, its spans checked against the embedded texts."""
    sizes = {side: len(doc.text) for side, doc in (("left", left), ("right", right)) if doc is not None}
    return exercise_from_json(data.get("exercise"), sizes, lambda text: warnings.append(f"{path}: {text}"))


def _edits_to_json(session: Session) -> dict[str, Any]:
    """The `"edits"` entry: {"left": …, "right": …} for the texts that have edits (none: no entry)."""
    edits = {side: edits_to_json(session.edits[side]) for side in SIDES if session.edits.get(side)}
    return {"edits": edits} if edits else {}


def _edits_from_json(value: Any, documents: dict[Side, Document | None], path: str,
                     warnings: list[str]) -> dict[Side, TextEdits]:
    """The reader's edits of each text; damaged ones are dropped with a warning (a lesson from
    before edits has none)."""
    value = _object_part(value, "reader's edits", path, warnings)
    edits: dict[Side, TextEdits] = {}
    for side in SIDES:
        document = documents[side]
        if side not in value or document is None:
            continue
        found, problems = edits_from_json(value[side], document.text, f"{path} ({side} text)")
        warnings.extend(problems)
        if found:
            edits[side] = found
    return edits


def save_session(path: str | Path, session: Session) -> None:
    """Write atomically; the previous file stays intact if writing fails."""
    atomic_write_text(path, json.dumps(session_to_json(session), ensure_ascii=False, indent=1))


def load_session(path: str | Path) -> Session:
    """Read a session file; any problem with the file or its texts is a `DocumentError` naming
    the file. Damaged optional parts (view, labels, layout) are dropped and listed in
    `Session.warnings`."""
    name = str(path)
    try:
        raw = read_limited(path, MAX_SESSION_BYTES)
    except TooLarge as exc:
        raise DocumentError(name, f"is {human_size(exc.size)}, too large to be a FrameReader session "
                                  f"(the limit is {human_size(MAX_SESSION_BYTES)}).") from None
    except NotARegularFile as exc:
        raise DocumentError(name, f"is {exc.kind}, not a session file.") from None
    except OSError as exc:
        raise DocumentError(name, f"{describe_read_error(exc)}.") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise DocumentError(name, "is not a readable FrameReader session (nested too deeply).") from None
    except ValueError as exc:  # includes UnicodeDecodeError
        raise DocumentError(name, f"is not a readable FrameReader session ({exc.__class__.__name__}).") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DocumentError(name, "is not a FrameReader session file.")
    version = data.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DocumentError(name, "is not a readable FrameReader session (its version is not a number).")
    if version > VERSION:
        raise DocumentError(name, "was written by a newer FrameReader; please update.")
    warnings: list[str] = []
    left = _document_from_json(data.get("left"), name, warnings)
    right = _document_from_json(data.get("right"), name, warnings)
    pipeline = data.get("pipeline")
    return Session(
        left=left,
        right=right,
        pipeline=pipeline if isinstance(pipeline, str) and len(pipeline) < 1000 else None,
        lexicons=_strings(data.get("lexicons"), "lexicons", name, warnings),
        hidden_labels=_strings(data.get("hidden_labels"), "hidden labels", name, warnings),
        hidden_categories=_strings(data.get("hidden_categories"), "hidden categories", name, warnings),
        view=_view(data.get("view"), name, warnings),
        **_lexicons_from_json(data, name, warnings),
        edits=_edits_from_json(data.get("edits"), {"left": left, "right": right}, name, warnings),
        exercise=_exercise(data, left, right, name, warnings),
        warnings=tuple(warnings),
    )


# ------------------------------------------------------------------ lexicons and pipeline version
def _lexicons_to_json(session: Session) -> dict[str, Any]:
    return {"pipeline_version": session.pipeline_version,
            "embedded_lexicons": embedded_to_json(session.embedded_lexicons)}


def _lexicons_from_json(data: dict[str, Any], path: str, warnings: list[str]) -> dict[str, Any]:
    """The embedded lexicons (damaged ones left out, with a warning) and the pipeline version;
    files written before they existed have neither."""
    version = data.get("pipeline_version")
    return {"embedded_lexicons": embedded_from_json(data.get("embedded_lexicons"), path, warnings),
            "pipeline_version": version if isinstance(version, str) and 0 < len(version) < 200 else None}


def pipeline_difference(session: Session, name: str, version: str) -> str | None:
    """One sentence when the lesson was made with another pipeline (name or version) than
    `name` `version`, the one this computer uses; None when they agree or the lesson does not say."""
    if not session.pipeline:
        return None
    if session.pipeline == name and (session.pipeline_version in (None, version)):
        return None
    made = f"{session.pipeline} {session.pipeline_version}" if session.pipeline_version else session.pipeline
    return f"This lesson was made with {made}; this computer has {name} {version}; highlights may differ."
