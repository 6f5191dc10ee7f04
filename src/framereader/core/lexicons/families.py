"""Word families: every form a lexicon entry is matched in, generated once when it is compiled.

An entry reaches (see `docs/lexicon-format.md`, "Word families"):

* its **declared** derivations, the `also=` forms (`tyrant` → `tyranny`, `tyrannical`); the
  matcher never invents a derivation;
* **generated** inflections of the headword and of each `also=` form (`core.lexicons.inflect`),
  plus `-mongering` for `-monger` nouns;
* **generated** British/American spellings: `-ise`/`-ize`, `-isation`/`-ization`, `-yse`/`-yze`,
  `-our`/`-or` (`-ae-`/`-e-` is not generated);
* **generated** compound variants: a hyphenated word also as one word and as two
  (`fear-monger` → `fearmonger`, `fear monger`), a two-word term also hyphenated and closed
  (`land grab` → `land-grab`, `landgrab`), a closed `-monger` word also split (`warmonger` →
  `war-monger`, `war monger`).

Exact (`=`) entries get none of this: their headword and `also=` forms are matched as written.
Generated forms that are not English words are harmless: they never occur in a text.
Pure Python: no Qt, no spaCy.
"""

from __future__ import annotations

from functools import lru_cache

from .inflect import FUNCTION_WORDS, inflect_word, inflection_positions
from .terms import Term, within_budget

#: Bump when the generation rules change (cached analyses are keyed on it via the lexicon hash).
FAMILIES_VERSION = "1"

#: Words ending in -ise that are not -ize verbs (no "-ize" spelling is generated for them).
_ISE_ONLY = frozenset(
    """
    advise apprise arise bruise chastise circumcise comprise compromise concise cruise demise despise
    devise disguise enterprise excise exercise expertise franchise guise improvise incise merchandise
    noise otherwise paradise poise praise precise premise promise raise reprise revise rise supervise
    surmise surprise televise treatise valise wise
    """.split()
)
#: Words ending in -ize that have no -ise spelling (or whose -ise spelling is another word).
_IZE_ONLY = frozenset("baize capsize downsize maize prize seize size".split())
#: American -or endings that are -our in British spelling (honor, behavior, rumor, savior...).
_OR_ENDINGS = (
    "abor", "alor", "amor", "ancor", "andor", "apor", "ardor", "arbor", "avior", "avor", "endor",
    "ervor", "ighbor", "igor", "olor", "onor", "umor",
)
#: Words ending in -our whose -or spelling does not exist or is another word.
_OUR_ONLY = frozenset("amour contour detour devour flour hour paramour scour sour tour troubadour velour".split())
#: Second elements after which a closed compound is also split (warmonger → war-monger).
_SPLIT_ENDINGS = ("monger",)


def spelling_variants(word: str) -> list[str]:
    """Other spellings of one lower-case word: British ↔ American (-ise/-ize, -isation/-ization,
    -yse/-yze, -our/-or)."""
    w = word.lower()
    out: list[str] = []
    if len(w) < 5 or not w.isalpha():
        return out
    if w.endswith("isation"):
        out.append(w[:-7] + "ization")
    elif w.endswith("ization"):
        out.append(w[:-7] + "isation")
    elif w.endswith("ise") and w not in _ISE_ONLY and not w.endswith("wise"):
        out.append(w[:-3] + "ize")
    elif w.endswith("ize") and w not in _IZE_ONLY:
        out.append(w[:-3] + "ise")
    elif w.endswith("yse"):
        out.append(w[:-3] + "yze")
    elif w.endswith("yze"):
        out.append(w[:-3] + "yse")
    elif w.endswith("ourable"):
        out.append(w[:-7] + "orable")
    elif w.endswith("orable") and w[:-6].endswith(tuple(e[:-2] for e in _OR_ENDINGS)):
        out.append(w[:-6] + "ourable")
    elif w.endswith("our") and w not in _OUR_ONLY:
        out.append(w[:-3] + "or")
    elif w.endswith(_OR_ENDINGS):
        out.append(w[:-2] + "our")
    return out


def compound_variants(text: str) -> list[str]:
    """Other ways of writing the compounds in `text`: hyphenated ↔ closed ↔ spaced."""
    words = text.split(" ")
    out: list[str] = []
    for i, word in enumerate(words):
        parts = word.split("-")
        if len(parts) > 1 and all(p.isalpha() for p in parts):
            out.append(" ".join([*words[:i], "".join(parts), *words[i + 1:]]))
            if not any(p.lower() in FUNCTION_WORDS for p in parts):
                out.append(" ".join([*words[:i], " ".join(parts), *words[i + 1:]]))
        elif word.isalpha():
            low = word.lower()
            for ending in _SPLIT_ENDINGS:
                if low.endswith(ending) and len(low) > len(ending) + 2:
                    head = word[: -len(ending)]
                    tail = word[-len(ending):]
                    out += [" ".join([*words[:i], f"{head}-{tail}", *words[i + 1:]]),
                            " ".join([*words[:i], head, tail, *words[i + 1:]])]
    if len(words) == 2 and all(w.isalpha() and w.lower() not in FUNCTION_WORDS for w in words):
        out += ["-".join(words), "".join(words)]
    return out


def _word_inflections(word: str) -> list[str]:
    """Inflected forms of one word; a hyphenated word inflects its last part (fear-mongering)."""
    if "-" in word:
        head, _, last = word.rpartition("-")
        return [f"{head}-{form}" for form in _word_inflections(last)] if last else []
    forms = inflect_word(word)[1:]
    low = word.lower()
    if low.endswith("monger"):
        forms += [low + "ing"]
    return forms


def inflected_texts(text: str) -> list[str]:
    """`text` with one of its inflectable words inflected (first and last content word)."""
    words = text.split(" ")
    out: list[str] = []
    for pos in inflection_positions(words):
        for form in _word_inflections(words[pos]):
            out.append(" ".join([*words[:pos], form, *words[pos + 1:]]))
    return out


def _spellings(text: str) -> list[str]:
    words = text.split(" ")
    return [" ".join([*words[:i], v, *words[i + 1:]]) for i, w in enumerate(words) for v in spelling_variants(w)]


def _generated(head: str) -> list[str]:
    forms: list[str] = []
    for spelled in [head, *_spellings(head)]:
        for written in dict.fromkeys([spelled, *compound_variants(spelled)]):
            forms.append(written)
            forms.extend(inflected_texts(written))
    return forms


@lru_cache(maxsize=4096)  # the bundled lexicon (2,612 entries) recompiles from it; no more is kept
def headword_and_declared_forms(term: Term) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The texts the entry is matched as apart from its own headword, without duplicates
    (compared ignoring case): those generated from the headword (spellings, compounds,
    inflections), then the declared `also=` forms with theirs. An entry's `pos=` limits only
    the first group (an `also=` adverb of a `pos=adj` entry is an adverb)."""
    head = " ".join(term.text.split())
    seen = {head.casefold()}
    groups: list[tuple[str, ...]] = []
    # Each form's family costs more than linearly in its length (a variant per word, each a
    # copy of the form); lexicon files never hold a form over the budget (`terms.budget_problem`),
    # and one made in code is matched as written, so compiling stays linear whatever the terms.
    for forms in (([] if term.exact or not within_budget(head) else _generated(head)),
                  [f for a in term.also for f in ([a] if term.exact or not within_budget(a) else _generated(a))]):
        group: dict[str, str] = {}
        for form in forms:
            key = form.casefold()
            if key not in seen:
                seen.add(key)
                group.setdefault(key, form)
        groups.append(tuple(group.values()))
    return groups[0], groups[1]


def family_forms(term: Term) -> tuple[str, ...]:
    """Every text the entry is matched as, apart from its own headword, without duplicates
    (compared ignoring case): spellings, compounds, inflections and declared `also=` forms."""
    generated, declared = headword_and_declared_forms(term)
    return generated + declared


__all__ = ["FAMILIES_VERSION", "compound_variants", "family_forms", "headword_and_declared_forms", "inflected_texts",
           "spelling_variants"]
