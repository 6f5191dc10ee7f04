"""Hostile lessons and lexicons for the robustness and random-action tests (written fresh)."""

from __future__ import annotations

import json
from pathlib import Path

LONE = "\ud800"
LEXICON_HEAD = ("framereader-lexicon 2\nid = long\nname = Long\nlanguage = en\n\n[loaded]\nname = Loaded\n"
                "colour = #C0392B\n\n")
#: The fault probe's 9 KB term: a thousand hyphenated words (3.6 GB and 27 s to compile before
#: the term budget).
LONG_TERM = "-".join(["realise"] * 1000)


def over_budget_lexicon(path: Path) -> Path:
    """A `.frlex` file whose line 11 holds a term far over the budget."""
    path.write_text(LEXICON_HEAD + "fine word | ok\n" + LONG_TERM + " | why\n", encoding="utf-8")
    return path


def hostile_lesson(path: Path) -> Path:
    """A lesson with an over-budget lexicon, lone surrogates and control characters in its
    strings, and the teacher's absolute paths as sources."""
    text = f"The regime{LONE} is a disgrace\x00, said Holloway.\n\nNATO met in Paris.\n"
    doc = {"text": text, "blocks": [], "emphasis": [], "source": f"/home/teacher/{LONE}a.md", "format": "text",
           "meta": {"title": f"T{LONE}\x1b[2J", "author": f"A{LONE}"}}
    data = {"format": "framereader-session", "version": 1, "left": doc, "right": dict(doc, source="C:\\b.md"),
            "lexicons": ["oped-framing-en", "long"], "hidden_labels": [f"X{LONE}"],
            "embedded_lexicons": [{"id": "long", "name": f"Long{LONE}", "text": LEXICON_HEAD + LONG_TERM + "\n"},
                                  {"id": "mine", "name": "Teacher words",
                                   "text": LEXICON_HEAD.replace("id = long", "id = mine") + "disgrace\nrealiser\n"}]}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path
