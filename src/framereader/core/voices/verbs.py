"""Verbs of saying: which words introduce a voice.

`NEUTRAL_VERBS` are the attribution verbs that report without passing judgement (said, told,
added...). Whether a verb passes judgement on the speaker (admitted, insisted, slammed...) is
not decided here: it is the lexicon category `reporting_verbs` (a quotation's verb is
judgemental when a `reporting_verbs` framing span covers it, see `core.voices.summary`).

`SPEECH_VERBS` are the lemmas that can introduce reported speech ("X argued that ...") or a
partial quotation ("called the plan "a vanity project""): the neutral ones and the other verbs
of saying, judgemental or not, so that a quotation is found whatever the lexicons say about its
verb. Verbs of thinking (believe, think, feel) are not voices.
"""

from __future__ import annotations

import re

#: Lemmas of attribution verbs that report without judging (each read as "said").
NEUTRAL_VERBS = frozenset(
    """
    say tell add write ask explain note state report announce reply respond answer describe
    call comment confirm continue post tweet testify mention remark observe recall estimate
    predict urge promise propose suggest recommend conclude inform advise caution
    agree disagree deny argue warn acknowledge list cite quote read
    """.split()
)

#: Verbs of saying that judge how or why the speaker said it (the `reporting_verbs` lexicon
#: category decides which count as judgemental; these are recognised as speech either way).
OTHER_SPEECH_VERBS = frozenset(
    """
    admit concede insist claim complain boast allege assert contend maintain declare proclaim
    vow pledge swear threaten demand plead beg lament bemoan fume rant rage rail grumble
    moan whine sneer scoff snap snarl retort quip joke gush brag crow
    protest object charge accuse blame slam blast attack criticise criticize condemn
    denounce brand label dub mock ridicule taunt scold chide praise hail laud
    reveal disclose confess emphasise emphasize stress underline
    shout scream yell cry sob whisper mutter murmur exclaim
    chant sing chorus heckle jeer boo cheer
    """.split()
)

SPEECH_VERBS = NEUTRAL_VERBS | OTHER_SPEECH_VERBS

#: Verbs that take a phrase (not a clause) as their quotation: "called the plan "a vanity
#: project"", "described it as "fair"", "branded them "thugs"".
NAMING_VERBS = frozenset({"call", "describe", "brand", "label", "dub", "term", "characterise",
                          "characterize", "deride", "dismiss", "denounce", "hail", "praise"})

#: Verbs that name or judge their object rather than report a clause: they introduce a
#: partial quotation ("attacked the plan as "a vanity project"") but never reported speech
#: ("attacked markets", "blamed Congress"), nor a trailing "…, X attacked".
OBJECT_VERBS = NAMING_VERBS | frozenset(
    """attack blast slam criticise criticize condemn accuse blame mock ridicule taunt scold chide
    laud rail decry chant sing chorus heckle jeer boo cheer""".split())

#: Verbs that a quotation can follow through "as" ("described it as "fair"", "dismissed the
#: claims as "nonsense""); any other verb with "as" ("complained … as") is not its attribution.
AS_VERBS = OBJECT_VERBS | frozenset("""dismiss portray paint cast refer reject see""".split())

#: Verbs whose complement is an act not done: "refused to say whether", "declined to comment".
REFUSALS = frozenset("refuse decline fail avoid dodge neglect".split())

#: Particles that belong to a verb of saying ("lash out", "hit back", "point out").
PARTICLES: dict[str, tuple[str, ...]] = {
    "lash": ("out",), "hit": ("back", "out"), "fire": ("back",), "rip": ("into",), "lay": ("into",),
    "point": ("out",), "go": ("on",), "speak": ("out",), "cry": ("out",), "shout": ("out",), "bite": ("back",),
    "weigh": ("in",),
}
PARTICLE_VERBS = frozenset(f"{verb} {particle}" for verb, particles in PARTICLES.items() for particle in particles)

#: Inflected forms of the speech verbs, for the first pass (no parse): a short quotation right
#: after one of these ("called it "a hard choice"") is a voice, not a scare quote.
_IRREGULAR = {
    "say": ("said", "says", "saying"), "tell": ("told", "tells", "telling"),
    "write": ("wrote", "writes", "writing", "written"), "swear": ("swore", "sworn"),
    "read": ("reads",), "cry": ("cried", "cries"), "quote": ("quoted",),
    "sing": ("sang", "sung", "sings", "singing"),
}


def _forms(lemma: str) -> set[str]:
    if lemma in _IRREGULAR:
        return {lemma, *_IRREGULAR[lemma]}
    forms = {lemma, lemma + "s"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ied", lemma[:-1] + "ies", lemma + "ing"}
    else:
        forms |= {lemma + "ed", lemma + "ing"}
        if len(lemma) <= 4 and lemma[-1] in "bdgmnprt" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    if lemma.endswith(("sh", "ch", "ss", "x")):
        forms.add(lemma + "es")
    return forms


#: Forms that are more often nouns (a verb only after a name, a pronoun or an adverb: "what it
#: calls", "Halloran calls", "activists misleadingly call") ("the state government", "a police report").
NOUN_FORMS = frozenset(
    """state states report reports post posts note notes list lists read quote quotes call calls
    answer answers reply replies charge charges attack attacks protest protests demand demands
    cry cries joke jokes label labels brand brands stress""".split())

SPEECH_FORMS = frozenset(
    form for lemma in SPEECH_VERBS | NAMING_VERBS for form in _forms(lemma)) - NOUN_FORMS | frozenset(
    {"labelled", "labeled", "dubbed"})


_SUBJECT_WORDS = frozenset("he she it they we i you who which that what".split())
_DETERMINERS = frozenset("a an the this that these those his her their its our your my no".split())


def is_speech_form(word: str, previous: str = "") -> bool:
    """Whether `word` (as written) can be a verb of saying, given the word before it."""
    lower = word.casefold()
    if lower in SPEECH_FORMS:
        return True
    if lower not in NOUN_FORMS or not previous:
        return False
    before = previous.casefold()
    if before in _DETERMINERS:
        return False
    return before in _SUBJECT_WORDS or before.endswith("ly") or previous[0].isupper()


_PAST = {"say": "said", "tell": "told", "write": "wrote", "swear": "swore", "read": "read", "hit back": "hit back",
         "hit out": "hit out", "sing": "sang",
         "lay into": "laid into", "bite back": "bit back", "go on": "went on", "speak out": "spoke out",
         "admit": "admitted", "regret": "regretted", "rebut": "rebutted", "submit": "submitted",
         "refer": "referred", "confer": "conferred", "omit": "omitted", "commit": "committed"}


def verb_display(verb: str | None) -> str:
    """How a verb reads in a table: its past tense ("said", "insisted", "lashed out"), and
    "according to" for none."""
    if not verb:
        return "according to"
    if verb in _PAST:
        return _PAST[verb]
    head, _, particle = verb.partition(" ")
    forms = _forms(head)
    doubled = head + head[-1:] + "ed"
    past = next((f for f in (doubled, head + "ed", head + "d", head[:-1] + "ied") if f in forms), head)
    return f"{past} {particle}".strip()


def is_neutral(verb: str | None) -> bool:
    """Whether an attribution verb (lemma, with its particle) reports without judging."""
    return verb is not None and verb in NEUTRAL_VERBS


#: A cheap test that a sentence may hold a voice: a quotation mark, a verb of saying or
#: "according to" (such sentences are parsed, see `core.nlp.agency.iter_runs`).
SPEECH_CUE = re.compile(
    r"[\"“”«»‘]|(?<![\w’'])'(?=\w)|\baccording to\b|\b(?:"
    + "|".join(sorted((re.escape(f) for f in SPEECH_FORMS), key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
