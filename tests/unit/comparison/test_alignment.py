"""Passage alignment (pure Python) on a pair made for it: tests/data/alignment/original.txt and
a rewritten copy (paragraphs shuffled, sentences dropped, names paraphrased, three passages from
other texts inserted); key.json says which original paragraph each rewritten one comes from."""

from __future__ import annotations

import json
import random
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from framereader.core.comparison.alignment import (
    Alignment,
    PassagePair,
    align_passages,
    features,
    stem,
)
from framereader.core.segments import front_matter, paragraph_ranges, sentence_ranges

DATA = Path(__file__).resolve().parents[2] / "data"
ORIGINAL = (DATA / "alignment" / "original.txt").read_text(encoding="utf-8")
REWRITTEN = (DATA / "alignment" / "rewritten.txt").read_text(encoding="utf-8")
KEY = json.loads((DATA / "alignment" / "key.json").read_text(encoding="utf-8"))["rewritten_to_original"]


def paragraph_map(alignment: Alignment, left: str, right: str) -> dict[int, int]:
    """right paragraph index → left paragraph index, from the paragraph pairs."""
    lp, rp = paragraph_ranges(left), paragraph_ranges(right)
    return {rp.index(p.right): lp.index(p.left) for p in alignment.pairs if p.level == "paragraph"}


def test_the_rewritten_pair_aligns_and_inserted_passages_are_one_sided():
    alignment = align_passages(ORIGINAL, REWRITTEN)
    found = paragraph_map(alignment, ORIGINAL, REWRITTEN)
    counterparts = [(j, i) for j, i in enumerate(KEY) if i is not None]
    right = sum(found.get(j) == i for j, i in counterparts)
    assert right / len(counterparts) >= 0.9, (right, len(counterparts))
    assert all(found.get(j) in (None, i) for j, i in counterparts)  # no wrong pair at all
    rp = paragraph_ranges(REWRITTEN)
    inserted = {rp[j] for j, i in enumerate(KEY) if i is None}
    assert inserted <= set(alignment.right_only)
    assert set(alignment.right_only) == inserted | {rp[j] for j, i in counterparts if j not in found}


def test_the_same_holds_in_the_other_direction_and_with_the_rewrite_shuffled_again():
    backwards = align_passages(REWRITTEN, ORIGINAL)
    found = paragraph_map(backwards, REWRITTEN, ORIGINAL)
    assert sum(found.get(i) == j for j, i in enumerate(KEY) if i is not None) >= 0.9 * sum(k is not None for k in KEY)
    paragraphs = [REWRITTEN[a:b] for a, b in paragraph_ranges(REWRITTEN)]
    order = list(range(len(paragraphs)))
    random.Random(7).shuffle(order)
    shuffled = "\n".join(paragraphs[k] for k in order)
    again = paragraph_map(align_passages(ORIGINAL, shuffled), ORIGINAL, shuffled)
    pairs = {(KEY[order[j]], i) for j, i in again.items()}
    assert sum(a == b for a, b in pairs) >= 0.9 * sum(k is not None for k in KEY)


def test_sentences_of_long_paragraphs_align_inside_their_counterpart():
    alignment = align_passages(ORIGINAL, REWRITTEN)
    sentences = [p for p in alignment.pairs if p.level == "sentence"]
    assert sentences
    paragraphs = [p for p in alignment.pairs if p.level == "paragraph"]
    for s in sentences:
        assert any(p.left[0] <= s.left[0] and s.left[1] <= p.left[1] and p.right[0] <= s.right[0]
                   and s.right[1] <= p.right[1] for p in paragraphs)
    # The engineer's sentence pairs with its rewrite, not with another sentence of the paragraph.
    left = ORIGINAL.index("Their chief engineer")
    hit = alignment.counterpart("left", left)
    assert hit is not None
    assert REWRITTEN[hit[1][0] : hit[1][1]].startswith("The water board's chief engineer said the breach")


def test_shared_actors_and_numbers_count():
    left = "Holloway ordered the attack on 14 March."
    right = "The president gave the order for the assault in spring."
    plain = align_passages(left, right)
    assert plain.pairs == () and plain.left_only == ((0, len(left)),)
    with_actor = align_passages(left, right, [(0, 8, "7")], [(4, 13, "7")])
    assert [(p.left, p.right) for p in with_actor.pairs] == [((0, len(left)), (0, len(right)))]
    bag = features(left, 0, len(left), [(0, 8, "7")])
    assert bag["#14"] == 1 and bag["@7"] == 1 and bag["holloway"] == 1 and "the" not in bag


def test_unrelated_texts_give_no_pairs():
    climate = (DATA / "oped-climate.txt").read_text(encoding="utf-8")
    alignment = align_passages(ORIGINAL, climate)
    assert alignment.pairs == ()
    assert len(alignment.left_only) == len(paragraph_ranges(ORIGINAL))


def test_empty_and_one_sided_inputs():
    assert align_passages("", "") == Alignment()
    only = align_passages("A river flooded the town.", "")
    assert only.pairs == () and only.left_only == ((0, 25),) and only.right_only == ()


def test_sentence_ranges_keep_abbreviations_and_initials():
    text = "Mr. Wren was rescued at 3 a.m. by a helicopter. J. K. Rowling wrote. “Why?” she asked.\nNext line"
    got = [text[a:b] for a, b in sentence_ranges(text)]
    assert got == ["Mr. Wren was rescued at 3 a.m. by a helicopter.", "J. K. Rowling wrote.", "“Why?” she asked.", "Next line"]


def test_stem_and_json():
    assert stem("shelled") == stem("shelling") == stem("shells") == "shell"
    assert stem("villages") == stem("village") or stem("villages").startswith("villag")
    pair = PassagePair((0, 5), (3, 9), 0.5)
    alignment = Alignment((pair,), ((6, 9),), ())
    assert alignment.to_json() == {
        "alignment": [{"left": [0, 5], "right": [3, 9], "score": 0.5, "level": "paragraph"}],
        "left_only": [[6, 9]],
        "right_only": [],
    }
    assert alignment.counterpart("right", 4) == ((3, 9), (0, 5)) and alignment.counterpart("left", 7) is None


paragraph = st.lists(st.sampled_from("river town flood mayor bridge army rain 14 91 school".split()), min_size=0, max_size=12)


@settings(max_examples=60, deadline=None)
@given(st.lists(paragraph, max_size=8), st.lists(paragraph, max_size=8))
def test_alignment_invariants(left_paras, right_paras):
    left = "\n".join(" ".join(p) for p in left_paras)
    right = "\n".join(" ".join(p) for p in right_paras)
    alignment = align_passages(left, right)
    paragraphs = [p for p in alignment.pairs if p.level == "paragraph"]
    lp, rp = paragraph_ranges(left), paragraph_ranges(right)
    assert len({p.left for p in paragraphs}) == len({p.right for p in paragraphs}) == len(paragraphs)  # one-to-one
    assert set(alignment.left_only) == set(lp) - {p.left for p in paragraphs}
    assert set(alignment.right_only) == set(rp) - {p.right for p in paragraphs}
    for pair in alignment.pairs:
        assert 0 < pair.score <= 1.0001 and pair.left[0] < pair.left[1] <= len(left) and pair.right[1] <= len(right)


def test_sync_points_keep_both_texts_in_order():
    pairs = tuple(PassagePair((l0, l0 + 5), (r0, r0 + 5), 0.5) for l0, r0 in [(0, 40), (10, 0), (20, 10), (30, 50), (40, 20)])
    points = Alignment(pairs + (PassagePair((1, 2), (99, 100), 0.9, "sentence"),)).sync_points()
    assert points == [(10, 0), (20, 10), (30, 50)] or points == [(10, 0), (20, 10), (40, 20)]
    assert all(a[0] < b[0] and a[1] < b[1] for a, b in zip(points, points[1:]))
    assert Alignment().sync_points() == []
    real = align_passages(ORIGINAL, REWRITTEN).sync_points()
    assert len(real) >= 5 and all(a[1] < b[1] for a, b in zip(real, real[1:]))


def test_a_paragraph_the_reader_excluded_is_neither_paired_nor_one_sided() -> None:
    whole = align_passages(ORIGINAL, REWRITTEN)
    inserted = whole.right_only[0]  # a passage from another text, one-sided on the right
    paired, partner = whole.pairs[0].left, whole.pairs[0].right
    edited = align_passages(ORIGINAL, REWRITTEN, left_excluded=[paired], right_excluded=[inserted])
    assert inserted in whole.right_only and inserted not in edited.right_only
    assert paired not in {p.left for p in edited.pairs} and paired not in edited.left_only
    # its counterpart has nothing left to match in the left text: it is now one-sided
    assert set(edited.right_only) == (set(whole.right_only) - {inserted}) | {partner}


def test_front_matter_is_the_headings_and_a_byline_at_the_top() -> None:
    from framereader.core.documents import document_from_text

    text = ("# A Bridge Too Far\n\nBy Ana Ruiz, our transport correspondent\n\n"
            "By any measure the bridge was late.\n\n## What went wrong\n\nBy March, costs had doubled.")
    doc = document_from_text(text, markdown=True)
    found = [doc.text[a:b] for a, b in front_matter(doc.text, doc.blocks)]
    assert found == ["A Bridge Too Far", "By Ana Ruiz, our transport correspondent", "What went wrong"]
    long_opening = "By " + "word " * 40
    doc = document_from_text("Title\n\n" + long_opening.strip(), markdown=True)
    assert [doc.text[a:b] for a, b in front_matter(doc.text, doc.blocks)] == []  # no heading, no short byline
