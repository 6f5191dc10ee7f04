"""Names of actors: the comparable form of an entity mention (titles, possessives, leading "the"
and surrounding punctuation dropped) and the shapes of acronyms. Pure functions shared by the
actor grouping of the comparison and by the pronoun and speaker rules."""

from __future__ import annotations

import re
import unicodedata

#: Titles stripped from the front of person names; multi-word titles are tried first.
PERSON_TITLES: tuple[str, ...] = tuple(
    sorted(
        {
            "president", "vice president", "vice-president", "president-elect", "prime minister",
            "deputy prime minister", "foreign minister", "defence minister", "defense minister",
            "finance minister", "interior minister", "foreign secretary", "home secretary",
            "secretary of state", "secretary", "minister", "chancellor", "premier", "senator",
            "sen", "representative", "rep", "congressman", "congresswoman", "governor", "gov",
            "mayor", "mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor", "sir",
            "dame", "lord", "lady", "general", "gen", "lieutenant general", "major general",
            "colonel", "col", "lt", "captain", "capt", "admiral", "commander", "marshal", "field marshal",
            "king", "queen", "prince", "princess", "pope", "ayatollah", "sheikh", "emir", "sultan",
            "judge", "justice", "chief justice", "ambassador", "speaker", "rev", "reverend",
            "former", "ex", "late", "acting", "interim", "councilwoman", "councilman", "councillor",
            "councilor", "alderman", "sheriff", "sergeant", "sgt", "inspector", "constable", "detective",
            "coach", "pastor", "bishop", "archbishop", "rabbi", "imam", "chief", "commissioner",
            "lieutenant", "corporal", "congressman", "congresswoman", "chairman", "chairwoman",
        },
        key=lambda t: (-len(t.split()), -len(t), t),
    )
)
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_ACRONYM_STOP = frozenset({"of", "the", "and", "for", "&", "de", "la", "on", "in", "du", "des"})
_ACRONYM_RE = re.compile(r"^(?:[A-Z]\.){2,6}$|^[A-Z](?:\.?[A-Z]){1,5}\.?$")
#: The abbreviations news agencies write after a town ("Harlow Bay, Ore.") and the states they
#: stand for (facts of the AP style; "Wash." is the state, never the capital).
US_STATE_ABBREVIATIONS: dict[str, str] = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
    "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi",
    "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire",
    "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina",
    "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee",
    "Tex.": "Texas", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington State",
    "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}
_EDGE_PUNCT = "\"'“”‘’«»()[]{}<>,;:!?.-–—*_•·▪ \t\n"


def clean_name(text: str, label: str) -> str:
    """`normalise_name` without lower-casing: the display form of a mention."""
    name = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    name = " ".join(name.split())
    for _ in range(3):
        before = name
        name = name.strip(_EDGE_PUNCT.replace(".", "")).strip()
        name = re.sub(r"(?:'s|')$", "", name, flags=re.IGNORECASE).strip()
        if re.match(r"(?i)^the\s+", name):
            name = name[4:].strip()
        if name == before:
            break
    if label == "PERSON":
        while True:
            lowered = name.lower()
            for title in PERSON_TITLES:
                for candidate in (title + ". ", title + " "):
                    if lowered.startswith(candidate) and len(name) > len(candidate):
                        name = name[len(candidate) :].strip()
                        break
                else:
                    continue
                break
            else:
                break
    # A trailing full stop is kept only on acronyms ("U.N."): "Putin." → "Putin".
    if name.endswith(".") and not _ACRONYM_RE.match(name):
        name = name.rstrip(".").strip()
    return name or " ".join(text.split())


def state_after_town(text: str, before: str, after: str) -> str | None:
    """The state a news abbreviation after a town stands for ("Harlow Bay, Ore." → "Oregon"):
    only after a comma, with its full stop (in the mention or just after it)."""
    written = text.strip()
    if not written.endswith("."):
        written += "." if after.startswith(".") else ""
    if not before.endswith(", "):
        return None
    return US_STATE_ABBREVIATIONS.get(written)


def normalise_name(text: str, label: str) -> str:
    """The comparable form of an entity mention: lower case, without possessive, leading "the",
    surrounding punctuation and (for PERSON) titles. "President Putin's" → "putin"."""
    return clean_name(text, label).lower()


def acronym_key(display: str, norm: str) -> str | None:
    """The letters of an acronym-shaped name ("U.N." → "un", "NATO" → "nato"), else None."""
    if _ACRONYM_RE.match(display.replace(" ", "")):
        return re.sub(r"[.\s]", "", norm)
    return None


def initials(norm: str) -> set[str]:
    words = [w for w in re.split(r"[\s\-]+", norm) if w]
    if len(words) < 2:
        return set()
    variants = {
        "".join(w[0] for w in words if w[0].isalnum()),
        "".join(w[0] for w in words if w not in _ACRONYM_STOP and w[0].isalnum()),
    }
    return {v for v in variants if len(v) >= 2}
