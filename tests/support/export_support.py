"""Small hand-made analyses for the export tests: two texts about one raid, with overlapping
entity and framing spans, URLs and markup in the text."""

from __future__ import annotations

from collections import Counter

from framereader.core.categories import CategoryStyle
from framereader.core.model import Analysis, Descriptor, EntitySpan, FramingSpan, ModelInfo

MODEL = ModelInfo("en_core_web_sm", "3.8.0")


def make(text: str, ents=(), framing=(), descriptors=(), source="left.md") -> Analysis:
    spans = tuple(EntitySpan(s, e, label, text[s:e]) for s, e, label in ents)
    frames = tuple(FramingSpan(s, e, cat, text[s:e].lower(), text[s:e]) for s, e, cat in framing)
    return Analysis(
        source=source,
        text=text,
        model=MODEL,
        entities=spans,
        framing=frames,
        words=len(text.split()),
        descriptors=tuple(descriptors),
        entity_counts=dict(sorted(Counter(e.label for e in spans).items())),
        framing_counts=dict(sorted(Counter(f.category for f in frames).items())),
    )


def at(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


LEFT_TEXT = (
    "# Storm at the border\n\n"
    "The reckless President Holloway sent troops across the border, the Kremlin said.\n"
    "Holloway's regime called it a brutal, necessary raid. See https://example.com/report "
    "and <script>alert('x')</script> & more.\n"
    "The United Nations condemned the invasion."
)
RIGHT_TEXT = (
    "Soldiers crossed the border on Monday after Holloway ordered a defensive operation.\n"
    "The UN asked for calm; the Kremlin stayed silent. Visit http://news.example.org."
)

CATEGORIES = {
    "loaded": {"name": "Loaded language", "colour": "#d55e00", "description": "Emotive words"},
    "conflict": {"name": "Conflict", "colour": "#0072b2", "description": "War and fighting"},
    "security": {"name": "Security", "colour": "#009e73", "description": "Defence framing"},
    "victims": {"name": "Victims", "colour": "#cc79a7", "description": "Harm to people"},
}


def pair() -> tuple[Analysis, Analysis]:
    lt, rt = LEFT_TEXT, RIGHT_TEXT
    holloway = at(lt, "Holloway")
    left = make(
        lt,
        ents=[(*holloway, "PERSON"), (*at(lt, "Kremlin"), "ORG"), (*at(lt, "Holloway's"), "PERSON"),
              (*at(lt, "United Nations"), "ORG")],
        framing=[
            (*at(lt, "reckless"), "loaded"),
            # overlaps the entity "Holloway" and crosses its boundary on purpose
            (at(lt, "President")[0], holloway[1] - 3, "security"),
            (*at(lt, "sent troops"), "conflict"),
            (*at(lt, "troops"), "security"),  # nested inside "sent troops"
            (*at(lt, "brutal"), "loaded"),
            (*at(lt, "invasion"), "conflict"),
        ],
        descriptors=[
            Descriptor("reckless", "amod", *holloway, *at(lt, "reckless"), 23, 104),
            Descriptor("president", "title", *holloway, *at(lt, "President"), 23, 104),
        ],
        source="/home/teacher/texts/left-article.md",
    )
    right = make(
        rt,
        ents=[(*at(rt, "Monday"), "DATE"), (*at(rt, "Holloway"), "PERSON"), (*at(rt, "UN"), "ORG"),
              (*at(rt, "Kremlin"), "ORG")],
        framing=[(*at(rt, "defensive operation"), "security"), (*at(rt, "crossed"), "conflict")],
        source="https://example.com/right.txt",
    )
    return left, right


#: The same categories as typed styles, in the same order.
STYLES = [
    CategoryStyle(cid, info["name"], info["colour"], index, info["description"])
    for index, (cid, info) in enumerate(CATEGORIES.items())
]
