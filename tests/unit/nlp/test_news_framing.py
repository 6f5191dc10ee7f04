"""The bundled lexicon on news reports: the Loaded reporting verbs category, fixed senses and
official phrases left alone, and the density of ordinary op-ed prose (issue 24)."""

from __future__ import annotations

from pathlib import Path

import pytest

from framereader.core.lexicons.files import bundled_lexicon_paths, load_lexicon
from framereader.core.model import Document

DATA = Path(__file__).resolve().parents[2] / "data"
#: Verbs of saying that report without judging: never entries.
NEUTRAL_VERBS = ("said", "says", "told", "added", "wrote", "asked", "stated", "replied", "noted", "announced")


@pytest.fixture(scope="module")
def bundled():
    return [load_lexicon(p) for p in bundled_lexicon_paths()]


def marks(engine, text: str) -> list[tuple[str, str]]:
    analysis = engine.analyze(Document(text, source="test"))
    return [(span.text, span.category) for span in analysis.framing]


def test_reporting_verbs_category_has_one_owner_and_every_entry_explains_itself(bundled) -> None:
    categories = {c.id: c for lex in bundled for c in lex.categories}
    verbs = categories["reporting_verbs"]
    assert verbs.group == "loaded" and verbs.name == "Loaded reporting verbs"
    assert verbs.colour not in {c.colour for c in categories.values() if c.id != "reporting_verbs"}
    texts = {t.text.lstrip("=").casefold() for t in verbs.terms}
    assert {"slam", "blast", "lash out", "claim", "fume", "grumble", "rail against", "rip into", "hammer"} <= texts
    assert all(t.note and t.alternative for t in verbs.terms), [t.text for t in verbs.terms if not t.alternative]
    elsewhere = {t.text.casefold() for c in categories.values() if c.id != "reporting_verbs" for t in c.terms}
    assert not texts & elsewhere


def test_neutral_verbs_of_saying_are_never_marked(engine) -> None:
    text = " ".join(f"The minister {verb} it." for verb in NEUTRAL_VERBS)
    assert marks(engine, text) == []


def test_judgemental_reporting_verbs_are_marked_and_fixed_senses_are_not(engine) -> None:
    text = ("The opposition leader slammed the budget and the mayor fumed. "
            "Negotiators hammered out a deal overnight. Engineers blasted through the rock. "
            "The group claimed responsibility for the bombing. The minister claimed the figures were wrong.")
    found = marks(engine, text)
    assert ("slammed", "reporting_verbs") in found and ("fumed", "reporting_verbs") in found
    assert ("claimed", "reporting_verbs") in found
    assert [t for t, _c in found if t in ("hammered", "blasted")] == []
    claimed = [s for s in engine.analyze(Document(text, source="t")).framing if s.text == "claimed"]
    assert [s.start for s in claimed] == [text.index("claimed the figures")]


def test_a_news_report_on_an_attack_keeps_its_official_phrases_plain(engine) -> None:
    text = ("Police said they were treating the stabbing as an act of terror. The suspect had "
            "reportedly travelled abroad, according to officials, and the Islamic State group claimed "
            "responsibility. Two international terror groups are listed in the annex of the law.\n"
            "Shams Rahman, a stall holder, said he hid two children. Shams said the crowd panicked.\n"
            "Witnesses described the attacker as a maniac who spread terror through the market.")
    found = marks(engine, text)
    assert ("maniac", "name_calling") in found and ("terror", "fear_threat") in found
    texts = [t for t, _c in found]
    assert texts.count("terror") == 1 and not {"reportedly", "according to", "claimed", "Shams"} & set(texts)


def test_ordinary_op_ed_prose_stays_under_one_marked_word_in_fifteen(engine) -> None:
    paths = sorted(DATA.glob("oped-*.txt"))
    assert len(paths) >= 3
    for path in paths:
        analysis = engine.analyze(Document(path.read_text(encoding="utf-8"), source=str(path)))
        marked = sum(len(analysis.text[s.start:s.end].split()) for s in analysis.framing)
        assert marked * 15 <= analysis.words, (path.name, marked, analysis.words)
