"""The analysis engine: one loaded pipeline plus compiled lexicons, used by the CLI and the GUI
worker alike. Lexicons whose language differs from the pipeline's are set aside (with a note)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from .analysis import add_descriptors, analyze, rematch
from .cache import AnalysisCache, cache_key
from ..categories import CategoryStyle, category_styles
from ..lexicons.format import (
    Lexicon,
    Term,
    bundled_lexicon_paths,
    import_word_list,
    lexicon_hash,
    lexicons_for_language,
    load_lexicon,
)
from .matcher import LexiconMatcher
from ..model import Analysis, Document
from .pipeline import Pipeline, load_pipeline

#: How many texts' analyses the engine keeps for re-matching after a lexicon change (one per pane).
RECENT_TEXTS = 2


def load_lexicon_any(path: str | Path) -> Lexicon:
    """A `.frlex` lexicon, or a plain word list / CSV imported on the fly."""
    return load_lexicon(path) if str(path).endswith(".frlex") else import_word_list(path)


class Engine:
    """Owns a `Pipeline` and a `LexiconMatcher`; not thread-safe (one worker owns it)."""

    def __init__(self, pipeline: Pipeline, lexicons: Sequence[Lexicon], cache: AnalysisCache | None = None) -> None:
        self.pipeline = pipeline
        self.cache = cache
        self.lexicon_hash = ""
        self.all_lexicons: tuple[Lexicon, ...] = ()
        self.lexicons: tuple[Lexicon, ...] = ()
        self.note: str | None = None
        self.matcher: LexiconMatcher | None = None
        #: text → its newest analysis with this pipeline (oldest first; see `_remember`)
        self._recent: dict[str, Analysis] = {}
        self.set_lexicons(lexicons)

    @classmethod
    def create(
        cls, model: str | None = None, lexicon_paths: Sequence[str | Path] | None = None, *, use_cache: bool = False
    ) -> "Engine":
        """Load a pipeline (default: the best installed) and lexicons (default: bundled ones)."""
        paths = list(lexicon_paths) if lexicon_paths else bundled_lexicon_paths()
        lexicons = [load_lexicon_any(p) for p in paths]
        return cls(load_pipeline(model), lexicons, AnalysisCache() if use_cache else None)

    def set_pipeline(self, pipeline: Pipeline) -> None:
        """Switch pipelines; lexicons are recompiled against the new tokenizer and language."""
        self.pipeline = pipeline
        self.forget_recent()  # their entities came from the other pipeline
        self.set_lexicons(self.all_lexicons)

    def set_lexicons(self, lexicons: Sequence[Lexicon]) -> None:
        """Compile the lexicons that match the pipeline's language."""
        self.all_lexicons = tuple(lexicons)
        self.lexicons, self.note = lexicons_for_language(lexicons, self.pipeline.nlp.lang)
        self.matcher = LexiconMatcher(self.pipeline.nlp, self.lexicons) if self.lexicons else None
        self.lexicon_hash = lexicon_hash(self.lexicons)

    def analyze(
        self,
        document: Document,
        *,
        descriptors: bool = False,
        cancelled: Callable[[], bool] = lambda: False,
        progress: Callable[[float], None] = lambda fraction: None,
    ) -> Analysis:
        """Analyse one document with this engine's pipeline and lexicons (cached when enabled)."""

        def compute() -> Analysis:
            previous = self._recent.get(document.text)
            if previous is not None:  # only the lexicons changed: keep entities, find terms again
                found = rematch(previous, self.pipeline, self.matcher, cancelled=cancelled, progress=progress)
                if descriptors and not found.descriptors:
                    found = add_descriptors(found, self.pipeline, cancelled=cancelled)
                return replace(found, source=document.source)
            return analyze(document, self.pipeline, self.matcher, descriptors=descriptors, cancelled=cancelled, progress=progress)

        result = self._remember(self._cached(document.text, document.source, descriptors, compute))
        progress(1.0)
        return result

    def describe(self, analysis: Analysis, *, cancelled: Callable[[], bool] = lambda: False) -> Analysis:
        """`analysis` plus descriptors from the dependency parse (cached when enabled; an
        analysis that kept its descriptors through `rematch` is not parsed again)."""
        return self._remember(self._cached(
            analysis.text, analysis.source, True,
            lambda: analysis if analysis.descriptors else add_descriptors(analysis, self.pipeline, cancelled=cancelled),
        ))

    def forget_recent(self) -> None:
        """Drop the remembered analyses, so the next `analyze` runs the pipeline (benchmarks)."""
        self._recent.clear()

    def _remember(self, analysis: Analysis) -> Analysis:
        """Keep the newest analyses of the last few texts, so a lexicon change re-finds framing
        terms without running the pipeline again (the model and its entities are unchanged)."""
        self._recent.pop(analysis.text, None)
        self._recent[analysis.text] = analysis
        while len(self._recent) > RECENT_TEXTS:
            del self._recent[next(iter(self._recent))]
        return analysis

    def _cached(self, text: str, source: str, descriptors: bool, compute: Callable[[], Analysis]) -> Analysis:
        """`compute()`, or the stored result for the same text, pipeline, lexicons and depth."""
        if self.cache is None:
            return compute()
        info = self.pipeline.info
        key = cache_key(text, info.name, info.version, self.lexicon_hash, descriptors)
        cached = self.cache.get(key, source)
        if cached is not None:
            return cached
        result = compute()
        self.cache.put(key, result)
        return result

    def category_ids(self) -> list[str]:
        """Every framing category id, in lexicon order."""
        return [style.id for style in self.category_styles()]

    def category_styles(self) -> list[CategoryStyle]:
        """How each framing category is shown (name, colour, number…), in lexicon order."""
        return category_styles(self.lexicons)

    def lookup_term(self, category_id: str, term: str) -> Term | None:
        """The lexicon entry behind a framing match (for tooltips)."""
        return self.matcher.lookup(term, category_id) if self.matcher is not None else None
