"""What the model finds, in plain English: entity kinds (one table of names), grammar as examples
(a descriptor's relation to its actor: "X's …", "X is a …"; an actor's part in a clause: "acts",
"acted on") and name keys. Readers see these words, never the parser's codes (ORG, amod, nsubj…),
which stay in the data export and, for the curious, in tooltips. Pure helpers: the UI never
imports spaCy."""

from __future__ import annotations

import re
from typing import NamedTuple

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


class KindName(NamedTuple):
    """How one entity kind reads: `plural` for legends and captions ("Countries, cities and
    states"), `singular` for one actor ("Country, city or state"), `about` for a tooltip."""

    plural: str
    singular: str
    about: str


#: The one table of plain-English names for the entity labels of the English spaCy pipelines
#: (OntoNotes scheme). Our own wording. Readers see these names; the codes appear only in
#: tooltips (`kind_tooltip`) and in the data export.
LABEL_NAMES: dict[str, KindName] = {
    "PERSON": KindName("People", "Person", "People, real or fictional"),
    "NORP": KindName("Nationalities, religions and political groups", "Nationality or group",
                     "Nationalities, religious and political groups (“French”, “Catholics”, “Labour”)"),
    "FAC": KindName("Buildings and facilities", "Building or facility",
                    "Buildings, airports, bridges, roads and other structures"),
    "ORG": KindName("Organisations", "Organisation", "Companies, agencies, parties, courts and other institutions"),
    "GPE": KindName("Countries, cities and states", "Country, city or state",
                    "Places with a government: countries, cities, states and regions"),
    "LOC": KindName("Places", "Place", "Other places: regions, mountains, rivers and seas"),
    "PRODUCT": KindName("Products", "Product", "Objects, vehicles, foods and other products"),
    "EVENT": KindName("Events", "Event", "Named events: wars, storms, summits, matches"),
    "WORK_OF_ART": KindName("Titles of works", "Title", "Titles of books, songs, films and reports"),
    "LAW": KindName("Laws and treaties", "Law or treaty", "Laws, treaties and other named documents"),
    "LANGUAGE": KindName("Languages", "Language", "Named languages"),
    "DATE": KindName("Dates", "Date", "Dates and periods (“Thursday”, “20 months”)"),
    "TIME": KindName("Times of day", "Time", "Times shorter than a day (“the early hours”)"),
    "PERCENT": KindName("Percentages", "Percentage", "Percentages (“31 %”)"),
    "MONEY": KindName("Sums of money", "Sum of money", "Sums of money (“£1.2m”)"),
    "QUANTITY": KindName("Measurements", "Measurement", "Weights, distances and volumes"),
    "ORDINAL": KindName("Order words", "Order word", "First, second, third…"),
    "CARDINAL": KindName("Numbers", "Number", "Other numbers (“400,000”, “two”)"),
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
    """A short plain-English description of an entity label ("LOC" → "Other places: regions,
    mountains, rivers and seas"), or "" for a label this table does not know."""
    names = LABEL_NAMES.get(label)
    return names.about if names else ""


def label_name(label: str) -> str:
    """Plural plain-English name of an entity label ("GPE" → "Countries, cities and states");
    labels of other pipelines read as their code in sentence case."""
    names = LABEL_NAMES.get(label)
    return names.plural if names else label.replace("_", " ").capitalize()


def label_singular(label: str) -> str:
    """Singular name of an entity label, for one actor ("GPE" → "Country, city or state")."""
    names = LABEL_NAMES.get(label)
    return names.singular if names else label.replace("_", " ").capitalize()


def kind_tooltip(label: str) -> str:
    """Plain text for a tooltip: what the kind holds, then the model's code for those who want
    it ("Other places: regions, mountains, rivers and seas (the model's code: LOC)")."""
    about = explain_label(label) or label_name(label)
    return f"{about} (the model's code: {label})"


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


#: Each descriptor relation as an example with the actor as X (`relation_example`).
RELATION_EXAMPLES: dict[str, str] = {
    "amod": "the … X",
    "compound": "called ‘… X’",
    "title": "called ‘… X’",
    "appos": "X, the …",
    "poss": "X's …",
    "copula": "X is a …",
}

#: Each descriptor relation in a sentence, for glossaries and tooltips.
RELATION_NAMES: dict[str, str] = {
    "amod": "a word before the name (“the reckless minister”)",
    "compound": "a word the name is called by (“opposition leader Smith”)",
    "title": "a title or role (“President Smith”)",
    "appos": "a description after the name (“Smith, a former banker,”)",
    "poss": "something the name is said to have (“Smith's regime”)",
    "copula": "what the name is said to be (“Smith is a gambler”)",
}

#: An actor's part in a clause: the one who acts, or the one acted on.
ROLE_WORDS: dict[str, str] = {"agent": "acts", "patient": "acted on"}


def relation_example(relation: str) -> str:
    """The example pattern of a descriptor relation ("poss" → "X's …"); "about X" for a
    relation this table does not know, so no parser term is ever shown."""
    return RELATION_EXAMPLES.get(relation, "about X")


def relation_sentence(relation: str) -> str:
    """A relation explained in a sentence ("copula" → "what the name is said to be (…)")."""
    return RELATION_NAMES.get(relation, "a word the text attaches to the name")


def role_word(role: str) -> str:
    """"agent" → "acts", "patient" → "acted on" (anything else as it is)."""
    return ROLE_WORDS.get(role, role)
