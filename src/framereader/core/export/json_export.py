"""The comparison as JSON, for research and for other tools, and the `"meta"` object that
`framereader analyze` and each side of `framereader compare` describe a document with."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..platform.atomic import atomic_write_text
from ..comparison.compare import Comparison, comparison_to_json, passives_to_json
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


def analysis_json(analysis: Analysis, document: Document | None = None) -> dict[str, Any]:
    """The `framereader analyze` object: the analysis with the document's `"meta"` (and its
    decoding `"note"` when it has one)."""
    data = analysis.to_json()
    data["meta"] = document_meta(document, analysis.source)
    if document is not None and document.note:
        data["note"] = document.note
    return data


def full_analysis_json(analysis: Analysis, document: Document | None = None) -> dict[str, Any]:
    """`framereader analyze --full`: `analysis_json` plus what the parse gives, one key each:
    `descriptors`, `roles` (who does what: every verb an entity mention or a pronoun is the
    agent or patient of), `passives`, `references` (pronouns linked to a named actor, with the
    evidence), `relabelled` (entities the one-name-one-label step changed) and `quotes`
    (quotations with speaker and attribution verb; each framing span says whether it is
    `quoted`). Other features
    add their keys here (one function, so `analyze --full` stays one object)."""
    data = analysis_json(analysis, document)
    data["descriptors"] = [asdict(d) for d in analysis.descriptors]
    data["roles"] = [
        {"role": r.role, "verb": r.verb, "voice": r.voice, "arg_start": r.arg_start, "arg_end": r.arg_end,
         "start": r.start, "end": r.end, "verb_start": r.verb_start, "verb_end": r.verb_end,
         **({"pronoun": r.pronoun} if r.pronoun else {})}
        for r in analysis.roles
    ]
    data["passives"] = passives_to_json(analysis.passives)
    data["references"] = [
        {"start": r.start, "end": r.end, "text": r.text, "actor": r.actor, "antecedent_start": r.antecedent_start,
         "antecedent_end": r.antecedent_end, "evidence": r.evidence}
        for r in analysis.references
    ]
    data["relabelled"] = analysis.relabelled
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
                documents: tuple[Document | None, Document | None] | None = None) -> int:
    """Write `comparison_json(left, right, comparison, documents)` to `path` atomically (UTF-8,
    indented); returns how many characters that cannot be written were replaced (U+FFFD)."""
    data = comparison_json(left, right, comparison, documents)
    return atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
