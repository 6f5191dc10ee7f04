"""The comparison as JSON, for research and for other tools."""

from __future__ import annotations

import json
from pathlib import Path

from ..atomic import atomic_write_text
from ..compare import Comparison, comparison_to_json
from ..model import Analysis


def export_json(path: str | Path, left: Analysis, right: Analysis, comparison: Comparison) -> None:
    """Write `comparison_to_json(left, right, comparison)` to `path` atomically (UTF-8, indented)."""
    data = comparison_to_json(left, right, comparison)
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
