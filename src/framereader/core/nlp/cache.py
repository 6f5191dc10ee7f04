"""On-disk cache of analyses, keyed by text hash + pipeline name and version + lexicon hash.

A corrupt or unreadable entry is ignored (and rebuilt by the caller); writes are atomic.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, replace
from pathlib import Path

from ..atomic import atomic_write_text
from ..model import Analysis, Passive, Role
from ..paths import cache_dir

MAX_ENTRIES = 200


def cache_key(text: str, model_name: str, model_version: str, lexicon_hash: str, descriptors: bool) -> str:
    """A stable hex key for one analysis request."""
    digest = hashlib.sha256()
    for part in (text, model_name, model_version, lexicon_hash, "d2" if descriptors else "d0"):
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
                roles=tuple(Role(**r) for r in data.get("roles", ())),
                passives=tuple(Passive(**p) for p in data.get("passives", ())),
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
        payload = {
            "analysis": analysis.to_json(),
            "descriptors": [asdict(d) for d in analysis.descriptors],
            "roles": [asdict(r) for r in analysis.roles],
            "passives": [asdict(p) for p in analysis.passives],
            "components": list(analysis.model.components),
        }
        try:
            atomic_write_text(self._path(key), json.dumps(payload, ensure_ascii=False))
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
