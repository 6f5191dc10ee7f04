"""Offline language detection (py3langid, whose model ships inside its package) and the note the
UI shows when a text's language differs from the pipeline's.

The model's tables (about 67 MB once unpacked) are kept in the user cache as flat files, mapped
read-only and released after each detection (`mapped_model.py`), so an open document costs no
resident memory for them and a restart does not unpack them again.

Detection looks at up to `SAMPLE_CHARS` characters taken from the start, middle and end of the
text; texts shorter than `MIN_CHARS` letters, or detections below `MIN_CONFIDENCE`, give no
language (None) rather than a guess.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from ..model import Document
from .mapped_model import MappedModel, load_identifier

SAMPLE_CHARS = 6_000
MIN_CHARS = 40  # letters needed before we name a language
MIN_CONFIDENCE = 0.5  # below this, no language is recorded
NOTE_CONFIDENCE = 0.8  # the UI warns only above this
#: English names of the languages people most often open (ISO 639-1 codes).
LANGUAGE_NAMES = {
    "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech", "da": "Danish", "de": "German",
    "el": "Greek", "en": "English", "es": "Spanish", "et": "Estonian", "fa": "Persian", "fi": "Finnish",
    "fr": "French", "ga": "Irish", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian",
    "id": "Indonesian", "is": "Icelandic", "it": "Italian", "ja": "Japanese", "ko": "Korean",
    "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian", "nb": "Norwegian", "nl": "Dutch",
    "no": "Norwegian", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian",
    "sk": "Slovak", "sl": "Slovenian", "sr": "Serbian", "sv": "Swedish", "tr": "Turkish",
    "uk": "Ukrainian", "vi": "Vietnamese", "zh": "Chinese",
}

_lock = threading.Lock()
_identifier: Any = None
_mapped: MappedModel | None = None  # set when the tables are mapped from the cache


@dataclass(frozen=True)
class LanguageCheck:
    """A text whose language differs from the pipeline's, with what to tell the user."""

    language: str  # detected ISO 639-1 code, e.g. "de"
    name: str  # "German"
    confidence: float
    pipeline_language: str
    message: str  # one sentence for the pane header
    pipelines: tuple[str, ...]  # installed pipelines for the detected language, best first


def language_name(code: str) -> str:
    """'German' for 'de'; the code itself for languages without a name here."""
    return LANGUAGE_NAMES.get(code, code)


def detect_language(text: str) -> tuple[str | None, float | None]:
    """(ISO 639-1 code, confidence 0-1) of `text`, or (None, None) when it cannot tell."""
    sample = _sample(text)
    if sum(ch.isalpha() for ch in sample) < MIN_CHARS:
        return None, None
    with _lock:
        identifier = _get_identifier()
        try:
            code, confidence = identifier.classify(sample)
        finally:
            if _mapped is not None:
                _mapped.release()
    if code in ("und", "zxx") or confidence < MIN_CONFIDENCE:
        return None, None
    return str(code), round(float(confidence), 3)


def with_language(document: Document) -> Document:
    """`document` with its detected language recorded in `meta` (unchanged if already set)."""
    if document.meta.language:
        return document
    code, confidence = detect_language(document.text)
    if code is None:
        return document
    return replace(document, meta=replace(document.meta, language=code, language_confidence=confidence))


def language_note(document: Document, pipeline_language: str, pipelines: Iterable[Any] = ()) -> LanguageCheck | None:
    """What to tell the user when `document` looks like another language than the pipeline's.

    `pipelines` are the installed pipelines (`core.nlp.pipeline.list_pipelines()`: objects with
    `.name` and `.lang`); those for the detected language are offered. None when the languages
    agree or the detection is unsure.
    """
    code = document.meta.language
    confidence = document.meta.language_confidence or 0.0
    pipeline_language = (pipeline_language or "").lower()
    if not code or confidence < NOTE_CONFIDENCE or code == pipeline_language or not pipeline_language:
        return None
    if {code, pipeline_language} <= {"nb", "no"}:
        return None
    matching = tuple(p.name for p in pipelines if str(getattr(p, "lang", "")).lower() == code)
    name, expected = language_name(code), language_name(pipeline_language)
    message = f"This text looks {name}; the pipeline is {expected}, so entities and framing words may be wrong."
    if matching:
        message += f" Installed {name} pipeline{'s' if len(matching) > 1 else ''}: {', '.join(matching)}."
    else:
        message += f" No {name} pipeline is installed."
    return LanguageCheck(code, name, confidence, pipeline_language, message, matching)


def preload() -> None:
    """Load the detector's model now (about a second the first time on a machine, while the
    cache is filled; milliseconds after that); call it off the GUI thread."""
    with _lock:
        _get_identifier()


def is_loaded() -> bool:
    """True once the detector's model is loaded (detection then takes milliseconds)."""
    return _identifier is not None


def _sample(text: str) -> str:
    """Up to SAMPLE_CHARS characters from the start, middle and end of `text`."""
    if len(text) <= SAMPLE_CHARS:
        return text
    third = SAMPLE_CHARS // 3
    middle = len(text) // 2
    return " ".join((text[:third], text[middle - third // 2 : middle + third // 2], text[-third:]))


def _get_identifier() -> Any:
    """The py3langid identifier with normalised probabilities, loaded once; call with `_lock` held."""
    global _identifier, _mapped
    if _identifier is None:
        _identifier, _mapped = load_identifier()
    return _identifier
