"""Pronoun links with evidence, or none (core.nlp.references), through the real small pipeline.

The news-style cases in tests/data/references/cases.jsonl were written for FrameReader: two
candidates of one gender, headlines, quotations, names the model cuts; each says which actor a
careful reader links the pronoun to, or null where the text does not decide. A link to the
wrong actor (or any link for a null) counts against precision; no link only lowers coverage.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from framereader.core.model import Analysis, Document, Reference
from framereader.core.nlp.cache import AnalysisCache, cache_key
from framereader.core.nlp.references import quote_ranges
from framereader.core.state.edits import Exclusion, LabelCorrection, TextEdits, apply_edits

CASES = Path(__file__).resolve().parents[2] / "data" / "references" / "cases.jsonl"


def analysed(engine, text: str) -> Analysis:
    engine.forget_recent()
    return engine.analyze(Document(text, source="t.txt"), descriptors=True)


def link_at(analysis: Analysis, pronoun: str, nth: int = 1) -> Reference | None:
    match = list(re.finditer(rf"\b{pronoun}\b", analysis.text))[nth - 1]
    return next((r for r in analysis.references if r.start == match.start()), None)


def same(found: str, expected: str) -> bool:
    return found == expected or found.split()[-1] == expected.split()[-1]


def test_own_cases_are_linked_right_or_not_at_all(engine):
    cases = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]
    made = right = named = 0
    wrong = []
    for case in cases:
        link = link_at(analysed(engine, case["text"]), case["pronoun"], case["nth"])
        named += case["actor"] is not None
        if link is None:
            continue
        made += 1
        if case["actor"] is not None and same(link.actor, case["actor"]):
            right += 1
        else:
            wrong.append((case["text"], link.actor, link.evidence))
    precision, coverage = right / made, right / named
    assert precision >= 0.9 and coverage >= 0.5, (precision, coverage, wrong)


def test_a_link_names_its_pronoun_antecedent_and_evidence(engine):
    text = "Senator Marcus Bell criticised Sheriff Tomas Ortega on Monday. He said the report had been hidden."
    analysis = analysed(engine, text)
    (link,) = analysis.references
    assert (link.text, text[link.start : link.end]) == ("He", "He")
    assert text[link.antecedent_start : link.antecedent_end] == "Marcus Bell"
    assert link.actor == "Marcus Bell" and "Marcus Bell" in link.evidence


@pytest.mark.parametrize("text, pronoun", [
    # Two women, and nothing in the text decides between them.
    ("Ambassador Clara Weiss met Foreign Minister Lena Vogt in Vienna. She is expected to travel to Kyiv.", "She"),
    # The object of the main clause could be meant.
    ("Judge Karen Whitley jailed Monica Reyes after she admitted the fraud.", "she"),
    # Spoken to another candidate.
    ("Monica Reyes told Karen Whitley that she had acted alone.", "she"),
    # Inside a quotation: the speaker's words, not the narrator's.
    ('Samuel Osei praised Kwame Boateng. "He fought for me," Osei said.', "He"),
    # Two coordinated people.
    ("Emma Clarke and Sophie Turner founded the charity in 2010. She left in 2018.", "She"),
    # An unnamed person may be meant.
    ("A lawyer for Grace Nkosi said she would appeal.", "she"),
    # "It" that stands for nothing, and "it" that may be a thing.
    ("Chancellor Hans Weber met President Lukas Brandt in Bonn. It was their first meeting.", "It"),
    ("Vireo Software passed the safety audit. It takes effect in June.", "It"),
    ("Vireo Software bought Lumen Labs on Monday. It paid 40 million euros.", "It"),
])
def test_no_link_when_two_candidates_fit(engine, text, pronoun):
    assert link_at(analysed(engine, text), pronoun) is None


@pytest.mark.parametrize("text, pronoun, actor", [
    ("Pavel Novak, who replaced Tomas Dvorak as coach in May, said he would keep the captain.", "he", "Pavel Novak"),
    ("Sergeant Ali Hamdan arrested Ahmed Saleh. Saleh told him that he had done nothing wrong.", "him", "Ali Hamdan"),
    ("Jonas Berg criticised himself for the defeat.", "himself", "Jonas Berg"),
    ("Grace Nkosi lost the vote, and she called for a recount.", "she", "Grace Nkosi"),
    ("Ms Okafor accused Ms Bello of leaking the memo. Bello denied it, saying she had never seen it.", "she", "Bello"),
    ("Islamic State said on Sunday that its fighters had attacked a checkpoint.", "its", "Islamic State"),
])
def test_one_candidate_left_gives_a_link(engine, text, pronoun, actor):
    link = link_at(analysed(engine, text), pronoun)
    assert link is not None and link.actor == actor, link


def test_gender_comes_from_titles_and_first_names(engine):
    analysis = analysed(engine, "Ms Tan met Mr Lim on Monday. She said the talks went well.")
    link = link_at(analysis, "She")
    assert link is not None and link.actor.endswith("Tan") and "woman" in link.evidence


def test_quotations_are_found_in_straight_and_curly_quotes():
    text = 'He said "it was late" and “they left”. Then "open to the end'
    spans = [text[a:b] for a, b in quote_ranges(text)]
    assert spans == ['"it was late"', "“they left”", '"open to the end']


def test_references_survive_the_cache_and_follow_the_edits(engine, tmp_path):
    text = "Police Chief Daniel Kerr met Teresa Alvarado on Tuesday. He promised more patrols."
    analysis = analysed(engine, text)
    (link,) = analysis.references
    cache = AnalysisCache(tmp_path)
    key = cache_key(text, "m", "1", "h", True)
    cache.put(key, analysis)
    back = cache.get(key, "t.txt", text=text)
    assert back is not None and back.references == analysis.references and back.relabelled == analysis.relabelled
    kept = apply_edits(analysis, TextEdits(exclusions=(Exclusion(link.start, link.end + 5),)))
    assert kept.references == ()
    gone = apply_edits(analysis, TextEdits(corrections=(LabelCorrection(link.antecedent_start, link.antecedent_end, None),)))
    assert gone.references == ()
    assert apply_edits(analysis, TextEdits(exclusions=(Exclusion(0, 1),))).references == analysis.references
    damaged = replace(analysis, references=(replace(link, end=len(text) + 9),))
    cache.put(key, damaged)
    assert cache.get(key, "t.txt", text=text) is None  # a link outside the text is not trusted
