"""Context rules: framing that a word list alone does not catch. Each rule is one small function
with an id; `LexiconMatcher(rules=...)` takes the set of ids that are on (`DEFAULT_RULES`), and
`make quality` measures each one (bench/framing_quality.py). A rule marks words only in a
category that the loaded lexicons define, so a lexicon without that category gets no marks.

Finding rules (they add candidates; lexicon entries win ties):
* `scare_quotes`: one to three lower-case words in quotation marks inside a sentence
  ('liberation', “partners”) → `doubt`. Off by default (poor precision: quotes in news are
  mostly reported speech).
* `formations`: -monger / -mongering and -phobe / -phobic words (warmonger, scaremongering,
  Islamophobic), trades and medical or chemical senses left out → `name_calling` for the person
  nouns, `loaded_language` for the rest.
* `ist_labels`: a hand-picked set of ideological labels and their neo-/ultra-/crypto- compounds
  (Stalinist, jingoist, ultra-nationalist) → `name_calling`.
Rules over what was found:
* `so_called`: "so-called X" marks X too (one span).
* `intensified`: a degree adverb just before a loaded-word match joins it ("utterly reckless").
* `negation`: a match after "not", "never", "no"... stays marked with `negated=True`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from spacy.tokens import Doc

from .context_guards import CONTEXT_GUARDS

GUARDS = frozenset({"guard.except", "guard.prefix", "guard.name", "guard.pos", *CONTEXT_GUARDS})
FINDING_RULES = ("scare_quotes", "formations", "ist_labels")
POST_RULES = ("so_called", "intensified", "negation")
ALL_RULES = frozenset({*GUARDS, *FINDING_RULES, *POST_RULES})
#: What is on unless the caller says otherwise. `scare_quotes` is off: on the development
#: sentences 1 of 221 words it marked was marked by the annotators (quotes in news are mostly
#: reported speech); see docs/lexicon-format.md.
DEFAULT_RULES = frozenset(ALL_RULES - {"scare_quotes"})


class Found(NamedTuple):
    """A candidate span in token indexes of the doc: [start, end)."""

    start: int
    end: int
    category_id: str
    term_text: str
    rule: str = ""  # "" for a lexicon entry, else the rule id
    negated: bool = False


CategoryPicker = Callable[[str], "str | None"]

# ------------------------------------------------------------------------------ scare quotes

_QUOTE_PAIRS = {"'": "'", "\u2018": "\u2019", '"': '"', "\u201c": "\u201d"}
_SCARE_RE = re.compile(
    r"(?<![\w'\u2019])(['\u2018\"\u201c])([a-z][a-z\-]*(?: [a-z][a-z\-]*){0,2})(['\u2019\"\u201d])(?![\w])"
)
#: Quoted words that are usually mentioned, not doubted ("the word 'the'").
_MENTION_BEFORE = frozenset({"word", "words", "term", "terms", "phrase", "called", "titled", "entitled", "dubbed",
                             "named", "slogan", "hashtag", "label", "nicknamed", "read", "reads", "says", "said"})


def scare_quotes(doc: Doc, lowers: Sequence[str], pick: CategoryPicker) -> list[Found]:
    """One to three lower-case words between matching quotes, after a word of the sentence."""
    category = pick("doubt")
    if category is None:
        return []
    out: list[Found] = []
    text = doc.text
    for m in _SCARE_RE.finditer(text):
        if _QUOTE_PAIRS[m.group(1)] != m.group(3):
            continue
        before = text[: m.start()].rstrip()
        if not before or before[-1] in ".!?:\n" or before.split()[-1].lower().strip(",") in _MENTION_BEFORE:
            continue
        span = doc.char_span(m.start(2), m.end(2), alignment_mode="contract")
        if span is not None and len(span):
            out.append(Found(span.start, span.end, category, m.group(2).lower(), "scare_quotes"))
    return out


# -------------------------------------------------------------------------------- formations

_MONGER_RE = re.compile(r"([a-z]+)(monger|mongers|mongering)")
_PHOBE_RE = re.compile(r"([a-z]+?)o?(phobe|phobes|phobic|phobics)")
#: Trades, and medical, chemical or harmless senses.
_MONGER_NEUTRAL = frozenset({"fish", "iron", "coster", "cheese"})
_PHOBE_NEUTRAL = frozenset({"hydr", "phot", "claustr", "agora", "arachn", "acr", "aqua", "lip", "ole", "hem", "aer",
                            "techn", "germ", "ne"})
_FUNCTION = frozenset({"the", "a", "an", "and", "or", "of", "to", "in", "for", "with", "by", "on", "at", "as"})


def _formation(word: str) -> tuple[str, str] | None:
    """(kind, stem) for a -monger or -phobe word, or None."""
    m = _MONGER_RE.fullmatch(word)
    if m and m.group(1) not in _MONGER_NEUTRAL and len(m.group(1)) > 2:
        return ("person" if m.group(2) != "mongering" else "act"), m.group(1)
    m = _PHOBE_RE.fullmatch(word)
    if m and m.group(1) not in _PHOBE_NEUTRAL and len(m.group(1)) > 2:
        return ("person" if m.group(2) in ("phobe", "phobes") else "act"), m.group(1)
    return None


def formations(doc: Doc, lowers: Sequence[str], pick: CategoryPicker) -> list[Found]:
    """-monger/-mongering and -phobe/-phobic words, closed or hyphenated (rumour-mongering)."""
    out: list[Found] = []
    for i, low in enumerate(lowers):
        if "monger" not in low and "phob" not in low:
            continue
        token = doc[i]
        start = token.i
        if low in ("monger", "mongers", "mongering", "phobe", "phobes", "phobic") and token.i >= 2:
            hyphen, head = doc[token.i - 1], doc[token.i - 2]
            if hyphen.text == "-" and not hyphen.whitespace_ and not head.whitespace_ and head.is_alpha:
                low, start = head.lower_ + low, head.i
        if low in ("monger", "mongers", "mongering") and token.i >= 1:
            head = doc[token.i - 1]
            if head.is_alpha and head.whitespace_ and head.lower_ not in _FUNCTION:
                low, start = head.lower_ + low, head.i
        found = _formation(low) if token.is_alpha else None
        if found is None:
            continue
        category = pick("name_calling" if found[0] == "person" else "loaded_language")
        if category is not None:
            out.append(Found(start, token.i + 1, category, low, "formations"))
    return out


# ------------------------------------------------------------------------------- -ist labels

#: Ideological labels used as verdicts on people more than as self-descriptions (hand-picked).
IST_LABELS = frozenset(
    """
    stalinist maoist trotskyist trotskyite bolshevik jingoist chauvinist globalist leftist statist
    collectivist alarmist denialist defeatist obstructionist rejectionist revanchist warmonger
    islamofascist ideologue elitist
    """.split()
)
#: Ideologies that become verdicts with a neo-/ultra-/crypto-/arch- prefix ("ultra-nationalist").
IST_PREFIXED = frozenset("nationalist conservative liberal leftist rightist socialist communist fascist marxist "
                         "stalinist royalist orthodox".split())
_IST_PREFIXES = frozenset({"neo", "ultra", "crypto", "arch", "hyper"})


def _plain(word: str) -> str:
    return word[:-1] if word.endswith("s") and word[:-1] in IST_LABELS | IST_PREFIXED else word


_IST_WORDS = frozenset({*IST_LABELS, *IST_PREFIXED, *(w + "s" for w in IST_LABELS | IST_PREFIXED)})


def ist_labels(doc: Doc, lowers: Sequence[str], pick: CategoryPicker) -> list[Found]:
    """Hand-picked ideological labels, and prefixed compounds of ideologies."""
    category = pick("name_calling")
    if category is None:
        return []
    out: list[Found] = []
    for i, word in enumerate(lowers):
        if word not in _IST_WORDS:
            continue
        token = doc[i]
        low = _plain(word)
        if low in IST_PREFIXED and token.i >= 2:
            hyphen, prefix = doc[token.i - 1], doc[token.i - 2]
            if hyphen.text == "-" and not hyphen.whitespace_ and prefix.lower_ in _IST_PREFIXES:
                out.append(Found(prefix.i, token.i + 1, category, f"{prefix.lower_}-{low}", "ist_labels"))
                continue
        if low in IST_LABELS:
            out.append(Found(token.i, token.i + 1, category, low, "ist_labels"))
    return out


FINDERS: dict[str, Callable[[Doc, Sequence[str], CategoryPicker], list[Found]]] = {
    "scare_quotes": scare_quotes, "formations": formations, "ist_labels": ist_labels,
}

# --------------------------------------------------------------------------- post-processing

_DEGREE = frozenset(
    """
    utterly totally completely absolutely truly deeply wholly thoroughly extremely incredibly insanely wildly
    hugely staggeringly breathtakingly shockingly appallingly profoundly downright outright criminally
    grossly woefully hopelessly astonishingly spectacularly monumentally unbelievably so very
    """.split()
)
_NEGATORS = frozenset({"not", "n't", "never", "no", "hardly", "nor", "neither", "without", "barely", "scarcely"})


def so_called(doc: Doc, kept: list[Found], taken: set[int]) -> list[Found]:
    """Extend a "so-called" match over the next word (skipping an opening quote)."""
    out: list[Found] = []
    for f in kept:
        words = [t.lower_ for t in doc[f.start:f.end] if t.text != "-"]
        if words in (["so", "called"], ["socalled"]) :
            j = f.end
            while j < len(doc) and (doc[j].is_space or doc[j].text in _QUOTE_PAIRS):
                j += 1
            if j < len(doc) and doc[j].is_alpha and j not in taken:
                taken.add(j)
                f = f._replace(end=j + 1, rule="so_called")
        out.append(f)
    return out


def intensified(doc: Doc, kept: list[Found], taken: set[int], loaded: Callable[[str], bool]) -> list[Found]:
    """Join a degree adverb (marked or not) to the loaded-word match right after it."""
    out: list[Found] = []
    for f in kept:
        if out and out[-1].end == f.start and loaded(f.category_id) and doc[out[-1].start].lower_ in _DEGREE \
                and out[-1].end - out[-1].start == 1:
            prev = out.pop()
            f = f._replace(start=prev.start, rule="intensified")
        elif loaded(f.category_id) and f.start > 0 and doc[f.start - 1].lower_ in _DEGREE \
                and (f.start - 1) not in taken and doc[f.start - 1].whitespace_:
            taken.add(f.start - 1)
            f = f._replace(start=f.start - 1, rule="intensified")
        out.append(f)
    return out


def negation(doc: Doc, kept: list[Found]) -> list[Found]:
    """Flag matches within three words after a negator (no punctuation between)."""
    out: list[Found] = []
    for f in kept:
        i, steps = f.start - 1, 0
        while i >= 0 and steps < 3 and not doc[i].is_punct:
            if doc[i].lower_ in _NEGATORS:
                f = f._replace(negated=True)
                break
            if not doc[i].is_space:
                steps += 1
            i -= 1
        out.append(f)
    return out


def post_process(doc: Doc, kept: list[Found], rules: Iterable[str], loaded: Callable[[str], bool]) -> list[Found]:
    """Apply the switched-on post rules, in order, to the sorted, non-overlapping matches."""
    on = set(rules)
    taken = {i for f in kept for i in range(f.start, f.end)}
    if "so_called" in on:
        kept = so_called(doc, kept, taken)
    if "intensified" in on:
        kept = intensified(doc, kept, taken, loaded)
    if "negation" in on:
        kept = negation(doc, kept)
    return kept


__all__ = [
    "ALL_RULES",
    "DEFAULT_RULES",
    "FINDERS",
    "FINDING_RULES",
    "GUARDS",
    "IST_LABELS",
    "POST_RULES",
    "Found",
    "post_process",
]
