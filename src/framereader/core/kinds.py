"""Entity labels in plain English and name keys: pure helpers, so the UI never imports spaCy."""

from __future__ import annotations

import re

_SPACES = re.compile(r"\s+")

#: Entity labels that are never actors.
NON_ACTOR_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
#: The only entity labels an actor comes from: people, organisations, countries and cities,
#: groups (nationalities, religious and political groups), other places and facilities. Works
#: of art, laws, languages, products and events are named but never act.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
#: Faiths named as a topic ("the teachings of Christianity"): a NORP that never acts (its
#: followers, "Muslims", "Catholics", do). Ideologies are caught by their ending (-ism).
_FAITHS = frozenset({"islam", "christianity", "judaism", "hinduism", "buddhism", "sikhism", "jainism",
                     "catholicism", "protestantism", "orthodoxy", "shinto", "taoism", "zoroastrianism",
                     "mormonism", "evangelicalism", "sufism", "shia islam", "sunni islam", "wahhabism"})
_QUOTES = "\"'“”‘’«»"


#: Every entity label of the English spaCy pipelines (OntoNotes scheme): (plural name for
#: legends, singular name for the actor tables). Our own wording.
LABEL_NAMES: dict[str, tuple[str, str]] = {
    "PERSON": ("People", "Person"),
    "NORP": ("Nationalities, religious or political groups", "Group"),
    "FAC": ("Buildings, airports, roads, bridges", "Building"),
    "ORG": ("Organisations", "Organisation"),
    "GPE": ("Countries, cities, states", "Country or city"),
    "LOC": ("Other places: regions, mountains, rivers, seas", "Place"),
    "PRODUCT": ("Products: objects, vehicles, foods", "Product"),
    "EVENT": ("Named events: wars, storms, summits, matches", "Event"),
    "WORK_OF_ART": ("Titles of books, songs, films and reports", "Title"),
    "LAW": ("Laws, treaties and named documents", "Law or treaty"),
    "LANGUAGE": ("Languages", "Language"),
    "DATE": ("Dates and periods", "Date"),
    "TIME": ("Times of day", "Time"),
    "PERCENT": ("Percentages", "Percentage"),
    "MONEY": ("Sums of money", "Sum of money"),
    "QUANTITY": ("Measurements: weights, distances, volumes", "Measurement"),
    "ORDINAL": ("Ordinal numbers: first, second…", "Ordinal"),
    "CARDINAL": ("Other numbers", "Number"),
}


#: Nouns after a nationality or group word that make it a collective actor: "Kurdish fighters",
#: "Valdorian troops", "Muslim leaders" (but "the Hungarian justice minister" is one person).
GROUP_HEADS = frozenset(
    """
    people peoples fighters troops soldiers forces army armies military militants rebels
    insurgents separatists militias police officials authorities government governments
    administration regime leaders leadership diplomats negotiators ministers lawmakers
    legislators politicians parties voters citizens nationals residents workers farmers
    students activists protesters demonstrators refugees migrants immigrants settlers
    communities community families women men children youth clergy bishops priests imams
    supporters members delegates delegation envoys generals officers guards navy jets
    planes drones warships companies firms banks investors media press newspapers
    """.split()
)
_FOLLOWING_WORD = re.compile(r"[ \u00a0]+([A-Za-z][\w'’\-]*)")


def is_actor_name(text: str, label: str, before: str = "", after: str = "") -> bool:
    """Whether an entity mention can be an actor: an actor label (`ACTOR_LABELS`), a capital
    letter in its name, not a faith or an ideology named as a topic ("Islam", "Marxism"), not a
    phrase quoted on its own (a slogan: “Our Streets Too”), and for a nationality or group
    word, a group that acts: a plural ("Kurds", "Democrats") or one followed by a noun for its
    people ("Kurdish fighters"), not an adjective for someone or something else ("the
    Hungarian justice minister", "a Republican from Kansas", "in Spanish"). `before` and
    `after` are the text around the mention (a few characters; a word or two after it)."""
    if label not in ACTOR_LABELS or not any(ch.isupper() for ch in text):
        return False  # no letters, or all lower case ("polish"): not a name
    key = same_name_key(text)
    if key in _FAITHS or (label == "NORP" and key.endswith("ism")):
        return False
    quoted = before[-1:] in _QUOTES and before[-1:] != "" and after[:1] in _QUOTES and after[:1] != ""
    if quoted and len(key.split()) >= 2:
        return False
    if label == "NORP":
        following = _FOLLOWING_WORD.match(after)
        if following and following.group(1).casefold() in GROUP_HEADS:
            return True
        one = re.search(r"(?:^|\s)(?:a|an|in)\s*$", before, re.IGNORECASE) is not None
        plural = key.endswith("s") and not key.endswith(("ss", "ese", "ish"))
        return plural and not one
    return True


def explain_label(label: str) -> str:
    """A short plain-English description of an entity label ("GPE" → "Countries, cities,
    states"), or "" for a label this table does not know."""
    names = LABEL_NAMES.get(label)
    return names[0] if names else ""


def label_name(label: str) -> str:
    """Plural plain-English name of an entity label ("GPE" → "Countries, cities, states");
    labels of other pipelines read as their code in sentence case."""
    names = LABEL_NAMES.get(label)
    return names[0] if names else label.replace("_", " ").capitalize()


def label_singular(label: str) -> str:
    """Singular name of an entity label, for one actor ("GPE" → "Country or city")."""
    names = LABEL_NAMES.get(label)
    return names[1] if names else label.replace("_", " ").capitalize()


def same_name_key(text: str) -> str:
    """A key under which mentions count as the same name: case-insensitive, white space
    collapsed, a possessive 's and a leading "the" removed ("The UN's" → "un")."""
    key = _SPACES.sub(" ", text).strip().casefold()
    if key.endswith(("'s", "\u2019s")):
        key = key[:-2]
    elif key.endswith(("s'", "s\u2019")):
        key = key[:-1]
    if key.startswith("the "):
        key = key[4:]
    return key.strip()
