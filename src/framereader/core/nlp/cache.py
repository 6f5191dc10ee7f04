"""On-disk cache of analyses, keyed by text hash + pipeline name and version + lexicon hash.

A corrupt or unreadable entry is ignored (and rebuilt by the caller); writes are atomic.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, fields, replace
from pathlib import Path

from ..atomic import atomic_write_text
from ..model import Analysis, Passive, Role
from ..paths import cache_dir

MAX_ENTRIES = 200
ROLE_FIELDS = tuple(f.name for f in fields(Role))
PASSIVE_FIELDS = tuple(f.name for f in fields(Passive))


def cache_key(text: str, model_name: str, model_version: str, lexicon_hash: str, descriptors: bool) -> str:
    """A stable hex key for one analysis request."""
    digest = hashlib.sha256()
    for part in (text, model_name, model_version, lexicon_hash, "d3" if descriptors else "d0"):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


class AnalysisCache:
    """A folder of JSON files, one per analysis, pruned to the newest `MAX_ENTRIES`."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or cache_dir() / "analyses"

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def get(self, key: str, source: str) -> Analysis | None:
        """The cached analysis for `key` (relabelled with `source`), or None if absent or corrupt."""
        path = self._path(key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            analysis = Analysis.from_json(data["analysis"], data.get("descriptors"))
            analysis = replace(
                analysis,
                roles=tuple(Role(*r) for r in data.get("roles", ())),
                passives=tuple(Passive(*p) for p in data.get("passives", ())),
            )
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            try:
                path.unlink()
            except OSError:
                pass
            return None
        return replace(analysis, source=source)

    def put(self, key: str, analysis: Analysis) -> None:
        """Store `analysis`; failures to write are not fatal (the cache is an optimisation)."""
        # Roles and passives are stored as value lists (field order) and every part is encoded
        # on its own: shorter spells holding the GIL while the GUI thread waits.
        parts = {
            "analysis": analysis.to_json(),
            "descriptors": [asdict(d) for d in analysis.descriptors],
            "roles": [[getattr(r, f) for f in ROLE_FIELDS] for r in analysis.roles],
            "passives": [[getattr(p, f) for f in PASSIVE_FIELDS] for p in analysis.passives],
            "components": list(analysis.model.components),
        }
        try:
            text = "{" + ", ".join(f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in parts.items()) + "}"
            atomic_write_text(self._path(key), text)
            self._prune()
        except OSError:
            pass

    def _prune(self) -> None:
        entries = sorted(self.folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in entries[MAX_ENTRIES:]:
            try:
                stale.unlink()
            except OSError:
                pass
