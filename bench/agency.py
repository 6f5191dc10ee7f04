"""Agency and alignment cost: comparing two ~1 MB texts the way the GUI worker does (analyse,
describe = descriptors + agency + passives from one parse of the needed sentences, compare =
actors + agency + profile + passage alignment) against a raw full-pipeline parse of the same
texts (`nlp.pipe` with every component FrameReader loads: NER, tagger, parser, lemmatizer).

    python bench/agency.py          # prints one JSON line; bench/run.py adds it to its table
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
TARGET_CHARS = 1_000_000


def build_pair(target_chars: int = TARGET_CHARS) -> tuple[str, str]:
    """Two texts of about `target_chars` each: the left built from the first bundled sample's
    paragraphs, the right from the second's, each copy in a different (seeded) order."""
    from framereader.core.documents import load_document

    samples = sorted((ROOT / "resources" / "samples").glob("*-border-crisis.md"))
    texts = []
    for index, path in enumerate(samples[:2]):
        paragraphs = [p for p in load_document(path).text.split("\n") if p.strip()]
        rng = random.Random(index)
        out: list[str] = []
        size = 0
        while size < target_chars:
            copy = paragraphs[:]
            rng.shuffle(copy)
            out.extend(copy)
            size += sum(len(p) + 1 for p in copy)
        texts.append("\n".join(out))
    return texts[0], texts[1]


def bench(left: str, right: str) -> dict[str, float]:
    import spacy

    from framereader.core.comparison.compare import compare
    from framereader.core.model import Document
    from framereader.core.nlp.analysis import chunk_ranges
    from framereader.core.nlp.engine import Engine
    from framereader.core.nlp.pipeline import default_pipeline_name

    name = default_pipeline_name()
    engine = Engine.create(name)
    components = set(engine.pipeline.nlp.component_names)

    def raw() -> None:
        probe = spacy.load(name)
        nlp = spacy.load(name, exclude=[c for c in probe.component_names if c not in components])
        for text in (left, right):
            for _doc in nlp.pipe((text[a:b] for a, b in chunk_ranges(text)), batch_size=4):
                pass

    timings: dict[str, float] = {}

    def project() -> None:
        analyses = []
        for side, text in (("analyze", left), ("analyze", right)):
            engine.forget_recent()
            start = time.perf_counter()
            analysis = engine.analyze(Document(text))
            timings["ner_s"] = timings.get("ner_s", 0.0) + time.perf_counter() - start
            start = time.perf_counter()
            analyses.append(engine.describe(analysis))
            timings["describe_s"] = timings.get("describe_s", 0.0) + time.perf_counter() - start
        start = time.perf_counter()
        result = compare(analyses[0], analyses[1], engine.category_ids())
        timings["compare_s"] = time.perf_counter() - start
        timings["pairs"] = float(len(result.alignment.pairs))
        timings["links"] = float(sum(len(a.left.agent) + len(a.left.patient) + len(a.right.agent) + len(a.right.patient)
                                     for a in result.actors))

    engine.analyze(Document(left[:20_000]))  # warm-up
    start = time.perf_counter()
    raw()
    raw_s = time.perf_counter() - start
    start = time.perf_counter()
    project()
    project_s = time.perf_counter() - start
    return {"raw_s": raw_s, "project_s": project_s, "ratio": project_s / raw_s, **timings}


def main() -> int:
    left, right = build_pair()
    print(f"Agency bench: two texts of {len(left):,} and {len(right):,} characters", file=sys.stderr)
    print(json.dumps(bench(left, right)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
