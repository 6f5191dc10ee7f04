"""The analysis engine: one loaded pipeline plus compiled lexicons, used by the CLI and the GUI
worker alike. Lexicons whose language differs from the pipeline's are set aside (with a note)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from .agency import add_structure
from .analysis import analyze, rematch
from .cache import AnalysisCache, cache_key
from ..categories import CategoryStyle, category_styles
from ..lexicons.format import Lexicon
from ..lexicons.files import (
    bundled_lexicon_paths,
    category_groups,
    import_word_list,
    lexicon_hash,
    lexicons_for_language,
    load_lexicon,
)
from .matcher import LexiconMatcher
from ..comparison.compare import Comparison, compare
from .rules import DEFAULT_RULES
from ..model import Analysis, Document
from .pipeline import Pipeline, load_pipeline

#: How many texts' analyses the engine keeps for re-matching after a lexicon change (one per pane).
RECENT_TEXTS = 2


def load_lexicon_any(path: str | Path) -> Lexicon:
    """A `.frlex` lexicon, or a plain word list / CSV imported on the fly."""
    return load_lexicon(path) if str(path).endswith(".frlex") else import_word_list(path)


class Engine:
    """Owns a `Pipeline` and a `LexiconMatcher`; not thread-safe (one worker owns it)."""

    def __init__(
        self, pipeline: Pipeline, lexicons: Sequence[Lexicon], cache: AnalysisCache | None = None,
        rules: frozenset[str] = DEFAULT_RULES,
    ) -> None:
        self.pipeline = pipeline
        #: The guard and context-rule ids that are on (`core.nlp.rules.ALL_RULES`).
        self.rules = frozenset(rules)
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

    def set_lexicons(self, lexicons: Sequence[Lexicon]) -> None:
        """Compile the lexicons that match the pipeline's language."""
        self.all_lexicons = tuple(lexicons)
        self.lexicons, self.note = lexicons_for_language(lexicons, self.pipeline.nlp.lang or "")
        self.matcher = LexiconMatcher(self.pipeline.nlp, self.lexicons, self.rules) if self.lexicons else None
        self.lexicon_hash = lexicon_hash(self.lexicons, self.rules)

    def use_lexicon_files(self, paths: Sequence[str | Path] | None) -> None:
        """Load and compile the lexicons in `paths` (None: the bundled ones)."""
        chosen = list(paths) if paths is not None else bundled_lexicon_paths()
        self.set_lexicons([load_lexicon_any(path) for path in chosen])

    def compare(self, left: Analysis, right: Analysis, categories: Sequence[str], *,
                include_quoted: bool = False) -> Comparison:
        """Align the two texts' actors and build their framing profile (the writer's own words
        unless `include_quoted`) and their voices."""
        return compare(left, right, categories=list(categories), include_quoted=include_quoted)

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
                    found = add_structure(found, self.pipeline, cancelled=cancelled)
                return replace(found, source=document.source)
            found = analyze(document, self.pipeline, self.matcher, cancelled=cancelled, progress=progress)
            return add_structure(found, self.pipeline, cancelled=cancelled) if descriptors else found

        result = self._remember(self._cached(document.text, document.source, descriptors, compute))
        progress(1.0)
        return result

    def describe(self, analysis: Analysis, *, cancelled: Callable[[], bool] = lambda: False) -> Analysis:
        """`analysis` plus descriptors, agency roles and passives from one dependency parse of
        the sentences that need it (`core.nlp.agency.add_structure`; cached when enabled; an
        analysis that kept them through `rematch` is not parsed again)."""
        return self._remember(self._cached(
            analysis.text, analysis.source, True,
            lambda: analysis if analysis.descriptors else add_structure(analysis, self.pipeline, cancelled=cancelled),
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
        cached = self.cache.get(key, source, text=text)
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

    def category_groups(self) -> dict[str, str]:
        """Per category id: `loaded` (loaded words) or `device` (rhetorical devices)."""
        return category_groups(self.lexicons)
