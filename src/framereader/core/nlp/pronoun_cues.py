"""Words and clause shapes pronoun resolution (`core.nlp.references`) relies on: verbs of
saying, nouns for people the text does not name, quotations, coordinated subjects and "it"
that stands for nothing. Our own lists."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Token

from ..segments import paragraph_ranges

#: Verbs of saying and thinking whose subject is the source of the clause they introduce.
SPEECH_VERBS = frozenset(
    """
    say tell add claim insist deny argue announce warn admit explain write state confirm believe
    think hope fear promise vow pledge acknowledge agree allege recall note suggest testify
    predict complain reply respond maintain concede boast accept know expect feel declare
    assert report reveal stress emphasise emphasize signal indicate urge threaten plan decide
    """.split()
)
#: Nouns for a person the text does not name: a "he" may well mean them.
PERSON_NOUNS = frozenset(
    """
    man men woman women boy girl child son daughter father mother brother sister husband wife
    uncle aunt cousin nephew niece grandfather grandmother friend neighbour neighbor colleague
    lawyer attorney solicitor barrister client driver passenger witness victim suspect teacher
    doctor nurse patient worker employee resident student pupil owner manager spokesman
    spokeswoman spokesperson official officer policeman policewoman guard soldier prisoner
    inmate defendant plaintiff journalist reporter source aide adviser advisor assistant deputy
    successor predecessor partner boyfriend girlfriend landlord tenant farmer doctor surgeon
    priest pastor judge juror prosecutor detective investigator chairman chairwoman chief boss
    coach player captain pilot engineer inspector agent candidate voter member supporter critic
    rival opponent leader founder director executive secretary minister senator mayor governor
    president councillor councilor
    """.split()
)


def quote_ranges(text: str) -> list[tuple[int, int]]:
    """[start, end) of the quoted passages: “…” and "…" pairs within a paragraph."""
    found: list[tuple[int, int]] = []
    for p_start, p_end in paragraph_ranges(text):
        open_at: int | None = None
        straight: int | None = None
        for i in range(p_start, p_end):
            ch = text[i]
            if ch == "\u201c":
                open_at = i if open_at is None else open_at
            elif ch == "\u201d" and open_at is not None:
                found.append((open_at, i + 1))
                open_at = None
            elif ch == '"':
                if straight is None:
                    straight = i
                else:
                    found.append((straight, i + 1))
                    straight = None
        end = open_at if open_at is not None else straight
        if end is not None:  # a quotation running to the end of its paragraph
            found.append((end, p_end))
    return sorted(found)


def inside(ranges: Sequence[tuple[int, int]], starts: Sequence[int], offset: int) -> bool:
    i = bisect_right(starts, offset) - 1
    return i >= 0 and ranges[i][0] < offset < ranges[i][1]


def coordinated(token: Token) -> bool:
    """"Ana Costa and Tiago Reis": a subject with another one coordinated."""
    return any(c.dep_ == "conj" for c in token.children) or token.dep_ == "conj"


def expletive(token: Token) -> bool:
    """"It was not clear whether…", "it is expected to…": an "it" that stands for nothing."""
    if token.dep_ == "expl":
        return True
    head = token.head
    if token.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in ("be", "seem", "appear", "remain", "become"):
        return any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in head.children) or any(
            c.dep_ == "acomp" and any(g.dep_ in ("ccomp", "xcomp") for g in c.children) for c in head.children)
    return False
