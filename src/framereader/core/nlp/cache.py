"""On-disk cache of analyses, keyed by text hash + pipeline name and version + lexicon hash.

The cache is an optimisation and never the reason an analysis fails: an entry that cannot be
read, is damaged (wrong types, spans outside the text, nested too deeply) or belongs to another
request (its stored key differs, e.g. a file swapped with another text's entry) is deleted and
the caller computes the analysis again. A cache folder that cannot be created or written (a file
where the folder should be, a read-only home) switches the cache off; `note` says so once.
Writes are atomic.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import types
import typing
from dataclasses import asdict, fields, replace
from pathlib import Path
from typing import Any

from ..platform.atomic import atomic_write_text
from ..model import Analysis, Passive, Quote, Reference, Role
from ..platform.paths import cache_dir, keep_newest
from ..platform.safe_read import read_limited

log = logging.getLogger(__name__)

MAX_ENTRIES = 200
#: An entry holds the text and its spans; a 20 MB text with every span stays far below this.
MAX_ENTRY_BYTES = 512 * 1024 * 1024
#: Bump when the stored shape of an analysis changes (2: framing spans keep `rule` and
#: `negated`; 3: roles and passives; 4: chunks of 10,000 characters, so entities near a chunk
#: edge may differ from version 3; 5: quotations, framing spans flagged as quoted; 6: word-choice
#: sets, `Analysis.choices`; 7: entities made consistent per text, pronoun references; 10:
#: voices kept within their paragraphs, framing and choices in the writer's scare quotes
#: flagged `scare`; 11: names that name no actor left out, denied acts give no role, verbs as
#: words, descriptors as whole titles; 12: a one-word name after "the regulator", "the company"…
#: is an organisation; 13: only a one-word "place" is, never a "person").
CACHE_VERSION = "13"
ROLE_FIELDS = tuple(f.name for f in fields(Role))
PASSIVE_FIELDS = tuple(f.name for f in fields(Passive))
QUOTE_FIELDS = tuple(f.name for f in fields(Quote))
REFERENCE_FIELDS = tuple(f.name for f in fields(Reference))


def cache_key(text: str, model_name: str, model_version: str, lexicon_hash: str, descriptors: bool) -> str:
    """A stable hex key for one analysis request."""
    digest = hashlib.sha256()
    for part in (f"v{CACHE_VERSION}", text, model_name, model_version, lexicon_hash, "d3" if descriptors else "d0"):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


class AnalysisCache:
    """A folder of JSON files, one per analysis, pruned to the newest `MAX_ENTRIES`."""

    def __init__(self, folder: Path | None = None) -> None:
        #: None while the cache works; else a sentence for the user (the cache is then off)
        self.note: str | None = None
        self.folder = folder if folder is not None else self._default_folder()
        if self.note is None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                self._disable(exc)

    def _default_folder(self) -> Path:
        try:
            return cache_dir() / "analyses"
        except OSError as exc:
            self._disable(exc)
            return Path(getattr(exc, "filename", None) or ".") / "analyses"

    def _disable(self, exc: OSError) -> None:
        where = getattr(exc, "filename", None) or "the cache folder"
        self.note = (f"{where}: the analysis cache cannot be used ({exc.strerror or exc.__class__.__name__}); "
                     "texts are analysed without it.")
        log.warning("%s", self.note)

    @property
    def enabled(self) -> bool:
        return self.note is None

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def get(self, key: str, source: str, text: str | None = None) -> Analysis | None:
        """The cached analysis for `key` (relabelled with `source`), or None when absent or bad
        (a bad entry is deleted). With `text`, the entry must also be an analysis of `text`."""
        if not self.enabled:
            return None
        path = self._path(key)
        try:
            data = json.loads(read_limited(path, MAX_ENTRY_BYTES).decode("utf-8"))
            if not isinstance(data, dict) or data.get("key") != key:
                raise ValueError("the entry belongs to another request")
            analysis = Analysis.from_json(data["analysis"], data.get("descriptors"))
            analysis = replace(
                analysis,
                roles=tuple(Role(*r) for r in data.get("roles", ())),
                passives=tuple(Passive(*p) for p in data.get("passives", ())),
                quotes=tuple(Quote(*q) for q in data.get("quotes", ())),
                references=tuple(Reference(*r) for r in data.get("references", ())),
                relabelled=data.get("relabelled", 0),
            )
            problem = analysis_problem(analysis)
            if problem is None and text is not None and analysis.text != text:
                problem = "the entry holds another text"
            if problem is not None:
                raise ValueError(problem)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            log.warning("dropping cache entry %s: %s", path.name, exc)
            try:
                path.unlink()
            except OSError:
                pass
            return None
        return replace(analysis, source=source)

    def put(self, key: str, analysis: Analysis) -> None:
        """Store `analysis`; failures to write are not fatal (the cache is an optimisation)."""
        if not self.enabled:
            return
        # Roles and passives are stored as value lists (field order) and every part is encoded
        # on its own: shorter spells holding the GIL while the GUI thread waits.
        parts = {
            "key": key,
            "analysis": analysis.to_json(),
            "descriptors": [asdict(d) for d in analysis.descriptors],
            "roles": [[getattr(r, f) for f in ROLE_FIELDS] for r in analysis.roles],
            "passives": [[getattr(p, f) for f in PASSIVE_FIELDS] for p in analysis.passives],
            "quotes": [[getattr(q, f) for f in QUOTE_FIELDS] for q in analysis.quotes],
            "references": [[getattr(r, f) for f in REFERENCE_FIELDS] for r in analysis.references],
            "relabelled": analysis.relabelled,
        }
        try:
            text = "{" + ", ".join(f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in parts.items()) + "}"
            atomic_write_text(self._path(key), text)
        except OSError as exc:
            log.warning("cannot write cache entry %s: %s", key, exc)
            return
        self._prune()

    def _prune(self) -> None:
        keep_newest(self.folder, "*.json", MAX_ENTRIES)


# ------------------------------------------------------------------------------ validation


def analysis_problem(analysis: Analysis) -> str | None:
    """Why `analysis` (rebuilt from JSON) cannot be trusted, or None: every field must have its
    declared type, and every span must lie inside the text (with its `text` equal to the slice)."""
    problem = _type_problem(analysis, "analysis")
    if problem is not None:
        return problem
    size = len(analysis.text)
    for value in _children(analysis):
        for name, item in _fields(value):
            offset = name in ("start", "end") or name.endswith(("_start", "_end"))
            if offset and isinstance(item, int) and not 0 <= item <= size:
                return f"{type(value).__name__}.{name} = {item} lies outside the text"
        start, end = getattr(value, "start", None), getattr(value, "end", None)
        if isinstance(start, int) and isinstance(end, int) and start > end:
            return f"{type(value).__name__} ends before it starts"
        shown = getattr(value, "text", None)
        spans_text = isinstance(start, int) and isinstance(end, int) and isinstance(shown, str)
        if spans_text and analysis.text[start:end] != shown:
            return f"{type(value).__name__} text differs from the text at its offsets"
    return None


def _children(analysis: Analysis) -> list[Any]:
    """Every dataclass held in a tuple field of `analysis` (entities, framing, descriptors…)."""
    found: list[Any] = []
    for _name, value in _fields(analysis):
        if isinstance(value, tuple):
            found.extend(item for item in value if dataclasses.is_dataclass(item))
    return found


def _fields(obj: Any) -> list[tuple[str, Any]]:
    return [(f.name, getattr(obj, f.name)) for f in dataclasses.fields(obj)]


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _type_problem(obj: Any, where: str) -> str | None:
    hints = _hints(type(obj))
    for name, value in _fields(obj):
        if not _fits(value, hints.get(name, Any)):
            return f"{where}.{name} has the wrong type ({type(value).__name__})"
        if dataclasses.is_dataclass(value):
            problem = _type_problem(value, f"{where}.{name}")
            if problem is not None:
                return problem
    return None


def _fits(value: Any, hint: Any) -> bool:
    """Whether `value` matches the type hint (the subset the model uses)."""
    if hint is Any:
        return True
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Literal:
        return value in args
    if origin in (typing.Union, types.UnionType):
        return any(_fits(value, arg) for arg in args)
    if hint is type(None):
        return value is None
    if origin is tuple:
        if not isinstance(value, tuple):
            return False
        if len(args) == 2 and args[1] is Ellipsis:
            return all(_fits(item, args[0]) for item in value)
        return len(args) == len(value) and all(_fits(v, a) for v, a in zip(value, args))
    if origin is dict:
        return isinstance(value, dict) and all(_fits(k, args[0]) and _fits(v, args[1]) for k, v in value.items())
    if origin is list:
        return isinstance(value, list) and all(_fits(item, args[0]) for item in value)
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(hint, type):
        if dataclasses.is_dataclass(hint):
            return isinstance(value, hint) and _type_problem(value, hint.__name__) is None
        return isinstance(value, hint)
    return True
