"""The comparison as JSON, for research and for other tools, and the `"meta"` object that
`framereader analyze` and each side of `framereader compare` describe a document with."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..platform.atomic import atomic_write_text
from ..comparison.compare import Comparison, comparison_to_json
from ..model import Analysis, Document

#: Sources that are no file: a text pasted from the clipboard, or made up in a test.
UNNAMED_SOURCES = ("clipboard", "untitled")


def document_meta(document: Document | None, source: str = "untitled") -> dict[str, Any]:
    """The `"meta"` object: `title` (the edited title, else the metadata title or first heading,
    else the file name; null for an untitled paste), `author`, `date`, `site`, `format`,
    `language`, `language_confidence`, each null where unknown. Without `document` (only its
    analysis is at hand), the file name of `source` is the title and the rest is null."""
    if document is None:
        title = None if source in UNNAMED_SOURCES or not source else Path(source).name or source
        return {"title": title, "author": None, "date": None, "site": None, "format": None,
                "language": None, "language_confidence": None}
    data = document.meta_json()
    if not document.meta.title and document.source in UNNAMED_SOURCES:
        data["title"] = None
    return data


def full_analysis_json(analysis: Analysis, document: Document | None = None) -> dict[str, Any]:
    """The `analyze --full` object: the `analyze` JSON with its `meta`, the descriptors, the
    passive clauses and the quotations (`quotes`: direct and reported speech with speaker and
    attribution verb; each framing span says whether it is `quoted`)."""
    from dataclasses import asdict

    from ..comparison.compare import passives_to_json

    data = analysis.to_json()
    data["meta"] = document_meta(document, analysis.source)
    data["descriptors"] = [asdict(d) for d in analysis.descriptors]
    data["passives"] = passives_to_json(analysis.passives)
    data["quotes"] = [q.to_json() for q in analysis.quotes]
    return data


def comparison_json(left: Analysis, right: Analysis, comparison: Comparison,
                    documents: tuple[Document | None, Document | None] | None = None) -> dict[str, Any]:
    """The documented `compare` JSON: `comparison_to_json` with a `"meta"` object on each side
    (from `documents`, the texts as shown, with their edited titles and authors)."""
    data = comparison_to_json(left, right, comparison)
    docs = documents or (None, None)
    for side, document, analysis in zip(("left", "right"), docs, (left, right)):
        data[side]["meta"] = document_meta(document, analysis.source)
    return data


def export_json(path: str | Path, left: Analysis, right: Analysis, comparison: Comparison,
                documents: tuple[Document | None, Document | None] | None = None) -> None:
    """Write `comparison_json(left, right, comparison, documents)` to `path` atomically (UTF-8,
    indented)."""
    data = comparison_json(left, right, comparison, documents)
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
