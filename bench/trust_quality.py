"""`make quality`, part two: are the actors, pronoun links, labels and verbs right? Development
figures on the hand-annotated gold sets in tests/data/trust (see its README), not a product part.

1. **Pronoun links** (`pronouns.jsonl`): per kind of pronoun, how many the analysis links, how
   many of those go to the annotated actor (precision) and the share of all pronouns of the kind
   linked right (coverage). A link to anyone for a pronoun annotated `null` is wrong. The bar:
   precision >= 0.90 with coverage >= 0.35 on `two_same_gender` (two named people of one gender).
2. **Labels** (`names.jsonl`): names (gold actors per text) whose found mentions carry two labels,
   per 100 names; mentions whose label fits the gold kind; actor mentions found; `not_actor`
   strings (laws, works, numbers…) that would be shown as actors.
3. **Pairs** (`pairs/`): the comparison of each pair: junk actors (an actor whose name is one of
   the pair's `not_actors`, or has no letter), non-word verbs, gold shared actors found as shared,
   descriptors shown that the gold lists as not describing the actor, gold descriptors shown as
   one descriptor ("chief financial officer", not "chief", "financial", "officer"), and forms of
   address shown as descriptors.

    python bench/trust_quality.py [--verbose]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT / "tests" / "data" / "trust"
#: Forms of address, which describe no one ("Mr", "Dr", "Rev."): never counted as descriptors.
ADDRESS_FORMS = frozenset("mr mrs ms miss mx mister madam dr sir dame lady lord rev reverend fr father".split())
KIND_LABELS = {"person": {"PERSON"}, "organisation": {"ORG"}, "country_city_state": {"GPE"}, "group": {"NORP"},
               "place": {"LOC", "GPE"}, "facility": {"FAC", "ORG"}, "event": {"EVENT"}}
WORD = re.compile(r"[^\W\d_]+(?:[-'’ ][^\W\d_]+)*")


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def _same_actor(found: str, gold: str | None) -> bool:
    """A link names the annotated actor when the names are equal or share the surname."""
    if gold is None:
        return False
    return found == gold or found.split()[-1].casefold() == gold.split()[-1].casefold()


def pronoun_scores(engine, verbose: bool = False) -> dict[str, tuple[int, int, int]]:
    """Per kind: (linked, linked right, pronouns)."""
    from framereader.core.documents import document_from_text

    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for row in _rows("pronouns.jsonl"):
        analysis = engine.analyze(document_from_text(row["text"]), descriptors=True)
        links = {(r.start, r.end): r for r in analysis.references}
        for pronoun in row["pronouns"]:
            entry = stats[pronoun["kind"]]
            entry[2] += 1
            link = links.get((pronoun["start"], pronoun["end"]))
            if link is None:
                continue
            entry[0] += 1
            if _same_actor(link.actor, pronoun["antecedent"]):
                entry[1] += 1
            elif verbose:
                print(f"  wrong link {row['id']}: ‘{link.text}’ -> {link.actor} ({link.evidence}); "
                      f"annotated {pronoun['antecedent']}")
    return {kind: (a, b, c) for kind, (a, b, c) in sorted(stats.items())}


def own_case_scores(engine) -> tuple[int, int, int, int]:
    """(cases, cases with a named antecedent, links made, links right) on the project's own
    hard cases (tests/data/references/cases.jsonl)."""
    from framereader.core.model import Document

    path = ROOT / "tests" / "data" / "references" / "cases.jsonl"
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    named = made = right = 0
    for case in cases:
        engine.forget_recent()
        analysis = engine.analyze(Document(case["text"], source="case.txt"), descriptors=True)
        at = [m.start() for m in re.finditer(rf"\b{case['pronoun']}\b", case["text"])][case["nth"] - 1]
        link = next((r for r in analysis.references if r.start == at), None)
        named += case["actor"] is not None
        if link is not None:
            made += 1
            right += _same_actor(link.actor, case["actor"])
    return len(cases), named, made, right


def label_scores(engine, verbose: bool = False) -> dict[str, float]:
    from framereader.core.documents import document_from_text
    from framereader.core.kinds import is_actor_name

    names = two = mentions = fitting = found = junk = 0
    for row in _rows("names.jsonl"):
        text = row["text"]
        analysis = engine.analyze(document_from_text(text))
        spans = {(e.start, e.end): e.label for e in analysis.entities}
        by_actor: dict[str, set[str]] = defaultdict(set)
        for name in row["names"]:
            if name["kind"] == "not_actor":
                for e in analysis.entities:
                    if e.start < name["end"] and name["start"] < e.end and is_actor_name(
                            e.text, e.label, text[max(0, e.start - 4):e.start], text[e.end:e.end + 30]):
                        junk += 1
                        if verbose:
                            print(f"  junk actor {row['id']}: {e.text!r} {e.label} (gold: {name['text']!r} not an actor)")
                        break
                continue
            mentions += 1
            label = spans.get((name["start"], name["end"]))
            if label is None:
                continue
            found += 1
            by_actor[name["actor"]].add(label)
            fitting += label in KIND_LABELS[name["kind"]]
        for actor, labels in by_actor.items():
            names += 1
            if len(labels) > 1:
                two += 1
                if verbose:
                    print(f"  two labels {row['id']}: {actor} {sorted(labels)}")
    return {"names": names, "two_labels_per_100": 100.0 * two / max(1, names), "mentions": mentions,
            "found": found, "fitting_kind": fitting / max(1, found), "junk": junk}


def pair_scores(engine, verbose: bool = False) -> dict[str, float]:
    from framereader.core.comparison.compare import compare
    from framereader.core.documents import load_document
    from framereader.core.kinds import same_name_key

    junk = verbs = bad_descriptors = shared_gold = shared_found = actors_shown = 0
    gold_phrases = whole_phrases = shown_descriptors = address_only = 0
    for gold_path in sorted((DATA / "pairs").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        stem = gold_path.stem
        left = engine.analyze(load_document(gold_path.with_name(f"{stem}-a.txt")), descriptors=True)
        right = engine.analyze(load_document(gold_path.with_name(f"{stem}-b.txt")), descriptors=True)
        comparison = compare(left, right)
        not_actors = {same_name_key(n) for n in gold["not_actors"]}
        actors_shown += len(comparison.actors)
        for actor in comparison.actors:
            keys = {same_name_key(actor.name), *(same_name_key(a) for a in actor.aliases)}
            if keys & not_actors or not any(ch.isalpha() for ch in actor.name):
                junk += 1
                if verbose:
                    print(f"  junk actor pair {stem}: {actor.name} ({actor.label})")
            for side in (actor.left, actor.right):
                for link in side.agent + side.patient:
                    if not WORD.fullmatch(link.verb):
                        verbs += 1
                        if verbose:
                            print(f"  non-word verb pair {stem}: {actor.name}: {link.verb!r}")
        for entry in gold["shared_actors"]:
            shared_gold += 1
            key = same_name_key(entry["name"])
            surname = key.split()[-1]
            hit = any(a.left.count and a.right.count and (
                key in {same_name_key(a.name), *(same_name_key(x) for x in a.aliases)}
                or (entry["kind"] == "person" and same_name_key(a.name).split()[-1] == surname))
                for a in comparison.actors)
            shared_found += hit
            if verbose and not hit:
                print(f"  shared actor missed pair {stem}: {entry['name']}")
        for actor in comparison.actors:
            for side in (actor.left, actor.right):
                shown_descriptors += len(side.descriptors)
                address_only += sum(1 for d in side.descriptors if d.word.casefold().strip(".") in ADDRESS_FORMS)
        for name, sides in gold.get("descriptors", {}).items():
            surname = same_name_key(name).split()[-1]
            actor = next((a for a in comparison.actors if same_name_key(a.name).split()[-1] == surname), None)
            for side_name in ("a", "b"):
                wanted = {w.casefold() for w in sides.get(side_name, []) if w.casefold().strip(".") not in ADDRESS_FORMS
                          and not any(ch.isdigit() for ch in w)}
                gold_phrases += len(wanted)
                if actor is None:
                    continue
                side = actor.left if side_name == "a" else actor.right
                found = wanted & {d.word.casefold() for d in side.descriptors}
                whole_phrases += len(found)
                if verbose and wanted - found:
                    print(f"  gold descriptor not shown whole pair {stem} {name} ({side_name}): {sorted(wanted - found)}")
        for name, sides in gold.get("not_descriptors", {}).items():
            surname = same_name_key(name).split()[-1]
            actor = next((a for a in comparison.actors if same_name_key(a.name).split()[-1] == surname), None)
            if actor is None:
                continue
            for side_name, side in (("a", actor.left), ("b", actor.right)):
                shown = {d.word.casefold() for d in side.descriptors}
                wrong = shown & {w.casefold() for w in sides.get(side_name, [])}
                bad_descriptors += len(wrong)
                if verbose and wrong:
                    print(f"  wrong descriptor pair {stem} {name} ({side_name}): {sorted(wrong)}")
    return {"actors": actors_shown, "junk_actors": junk, "non_word_verbs": verbs, "shared_gold": shared_gold,
            "shared_found": shared_found, "wrong_descriptors": bad_descriptors, "gold_phrases": gold_phrases,
            "whole_phrases": whole_phrases, "descriptors_shown": shown_descriptors, "address_only": address_only}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every wrong link, label and actor")
    args = parser.parse_args()
    from framereader.core.nlp.engine import Engine

    engine = Engine.create()
    print(f"Trust quality on tests/data/trust ({engine.pipeline.info.name} {engine.pipeline.info.version})")
    print("\n1. Pronoun links (precision = right / linked; coverage = right / pronouns of the kind)")
    print(f"   {'kind':<16} {'pronouns':>8} {'linked':>7} {'right':>6} {'precision':>9} {'coverage':>9}")
    totals = Counter()
    for kind, (linked, right, count) in pronoun_scores(engine, args.verbose).items():
        precision = f"{right / linked:.2f}" if linked else "—"
        print(f"   {kind:<16} {count:>8} {linked:>7} {right:>6} {precision:>9} {right / count:>9.2f}")
        totals.update(linked=linked, right=right, count=count)
    print(f"   {'all':<16} {totals['count']:>8} {totals['linked']:>7} {totals['right']:>6} "
          f"{totals['right'] / max(1, totals['linked']):>9.2f} {totals['right'] / max(1, totals['count']):>9.2f}")
    cases, named, made, right = own_case_scores(engine)
    print(f"   own hard cases (tests/data/references): {cases} pronouns, {named} with a named antecedent; "
          f"{made} linked, {right} right: precision {right / max(1, made):.2f}, coverage {right / max(1, named):.2f}")
    labels = label_scores(engine, args.verbose)
    print("\n2. Labels (names.jsonl)")
    print(f"   names with two labels in a text: {labels['two_labels_per_100']:.1f} per 100 ({labels['names']} names)")
    print(f"   actor mentions found with their exact span: {labels['found']} of {labels['mentions']}; "
          f"label fits the kind: {labels['fitting_kind']:.2f}")
    print(f"   not-actor strings that would be actors: {labels['junk']}")
    pairs = pair_scores(engine, args.verbose)
    print("\n3. Pairs (pairs/, 8 pairs)")
    print(f"   actors shown: {pairs['actors']}; junk actors: {pairs['junk_actors']}; non-word verbs: {pairs['non_word_verbs']}")
    print(f"   gold shared actors found in both texts: {pairs['shared_found']} of {pairs['shared_gold']}")
    print(f"   descriptors the gold says do not describe the actor: {pairs['wrong_descriptors']}")
    print(f"   gold descriptors shown whole (\"police chief\", \"chief financial officer\"; forms of address and ages "
          f"left aside): {pairs['whole_phrases']} of {pairs['gold_phrases']}")
    print(f"   descriptors shown: {pairs['descriptors_shown']}; of them forms of address (Mr, Dr, Lady, Father…): "
          f"{pairs['address_only']}")


if __name__ == "__main__":
    main()
