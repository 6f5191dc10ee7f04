"""English inflection, used to expand lexicon terms when they are compiled.

FrameReader never runs a tagger or lemmatizer to match framing terms (that would halve the
throughput of analysis). Instead every term is expanded, once, into the forms it may take in a
text, and the forms are matched literally (ignoring case).

Words that `lemminflect` knows (its tables come from a large dictionary of English) get exactly
the forms it lists for every part of speech it knows them in, plus the irregular tables below
(so "brutal" gets no "brutals" and "panic" gets "panicked"). Words it does not know ("demonise",
"fearmonger", "weaponize") fall back to the rules below. Without `lemminflect` installed the rules
are used for every word.

The rules do not know a word's part of speech, so they give the union of the forms it would
have as a noun and as a verb (plus comparatives for adjectives ending in consonant + "y"):

* plural / third person: ``-s``, ``-es`` (after s, x, z, ch, sh, and both for consonant + o),
  ``-ies`` (consonant + y), ``-sis`` → ``-ses``, ``-man`` → ``-men`` and a small irregular table;
* past / participle: ``-ed`` with e-drop (``seize`` → ``seized``), y → ``-ied``, consonant
  doubling for consonant-vowel-consonant endings (``rig`` → ``rigged``; for words of several
  syllables, where stress decides, both spellings are produced: ``travelled``/``traveled``),
  ``-c`` → ``-cked``, and an irregular table of verbs common in news writing
  (``slay``/``slew``/``slain``, ``flee``/``fled``, ``strike``/``struck``…);
* present participle: ``-ing`` with the same e-drop (except ``-ee``/``-ye``/``-oe``),
  ``-ie`` → ``-ying`` and doubling rules.

Forms that are not words ("regimed") are harmless: they never occur in a text. Lexicon authors
write base forms; a term written in an inflected form ("riots") only matches its own inflections.

`inflection_positions` says which words of a multi-word term are inflected: the first and the
last word, unless they are function words ("wipe out" → "wiped out"; "war criminal" →
"war criminals"; "war on terror" → "wars on terror"). Only one word is inflected at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

#: Bump when the rules change: cached analyses keyed on a lexicon hash must then be redone.
INFLECTOR_VERSION = "2"

VOWELS = frozenset("aeiou")


def _forms_table(table: str) -> dict[str, tuple[str, ...]]:
    """A table of irregular forms, one word a line: the word, then its forms (in order)."""
    rows = (line.split() for line in table.strip().splitlines())
    return {row[0]: tuple(row[1:]) for row in rows}


#: base → past and participle forms (the -s and -ing forms are regular), one verb a line.
IRREGULAR_VERBS: dict[str, tuple[str, ...]] = _forms_table("""
    arise arose arisen
    awake awoke awoken
    be was were been is are am
    bear bore borne born
    beat beat beaten
    become became become
    befall befell befallen
    begin began begun
    bend bent
    beset beset
    bet bet
    bid bid
    bind bound
    bite bit bitten
    bleed bled
    blow blew blown
    break broke broken
    breed bred
    bring brought
    broadcast broadcast
    build built
    burn burnt burned
    burst burst
    buy bought
    cast cast
    catch caught
    choose chose chosen
    cling clung
    come came come
    cost cost
    creep crept
    cut cut
    deal dealt
    dig dug
    do did done does
    draw drew drawn
    dream dreamt dreamed
    drink drank drunk
    drive drove driven
    dwell dwelt dwelled
    eat ate eaten
    fall fell fallen
    feed fed
    feel felt
    fight fought
    find found
    flee fled
    fling flung
    fly flew flown
    forbid forbade forbidden
    forecast forecast
    foresee foresaw foreseen
    forget forgot forgotten
    forgive forgave forgiven
    forsake forsook forsaken
    freeze froze frozen
    get got gotten
    give gave given
    go went gone goes
    grind ground
    grow grew grown
    hang hung hanged
    have had has
    hear heard
    hide hid hidden
    hit hit
    hold held
    hurt hurt
    keep kept
    know knew known
    lay laid
    lead led
    leap leapt leaped
    leave left
    lend lent
    let let
    lie lay lain lied
    light lit lighted
    lose lost
    make made
    mean meant
    meet met
    mislead misled
    mistake mistook mistaken
    outrun outran outrun
    overcome overcame overcome
    override overrode overridden
    overrun overran overrun
    oversee oversaw overseen
    overtake overtook overtaken
    overthrow overthrew overthrown
    pay paid
    put put
    quit quit quitted
    read read
    rebuild rebuilt
    rid rid
    ride rode ridden
    ring rang rung
    rise rose risen
    run ran run
    say said
    see saw seen
    seek sought
    sell sold
    send sent
    set set
    shake shook shaken
    shed shed
    shoot shot
    shrink shrank shrunk
    shut shut
    sink sank sunk
    slay slew slain slayed
    slide slid
    sling slung
    slit slit
    smite smote smitten
    sneak snuck sneaked
    speak spoke spoken
    spend spent
    spin spun
    spit spat
    split split
    spread spread
    stand stood
    steal stole stolen
    stick stuck
    sting stung
    stink stank stunk
    strike struck stricken
    strive strove striven strived
    swear swore sworn
    sweep swept
    swing swung
    take took taken
    teach taught
    tear tore torn
    tell told
    think thought
    throw threw thrown
    tread trod trodden
    undergo underwent undergone
    undermine undermined
    understand understood
    undo undid undone
    uphold upheld
    upset upset
    wage waged
    wake woke woken
    wear wore worn
    weave wove woven
    weep wept
    win won
    wind wound
    withdraw withdrew withdrawn
    withhold withheld
    wring wrung
    write wrote written
""")

#: singular → plural, where the rules get it wrong, one noun a line.
IRREGULAR_NOUNS: dict[str, tuple[str, ...]] = _forms_table("""
    child children
    person people persons
    man men
    woman women
    foot feet
    tooth teeth
    mouse mice
    goose geese
    ox oxen
    criterion criteria
    phenomenon phenomena
    medium media mediums
    datum data
    thief thieves
    knife knives
    wife wives
    life lives
    wolf wolves
    half halves
    self selves
    leaf leaves
    shelf shelves
    loaf loaves
    calf calves
""")

#: Words ending in "man" whose plural is "-mans".
_MANS = frozenset({"human", "german", "roman", "shaman", "talisman", "caiman", "ottoman"})

#: Words that are not inflected inside a multi-word term.
FUNCTION_WORDS = frozenset(
    """
    a an the this that these those my your his her its our their some any no every each all
    of in on at by for with from to into onto upon out up down off over under about against
    across after before behind below beneath beside between beyond during except inside near
    outside since through throughout toward towards until within without via per than as
    and or but nor so yet if then else when while because although though whether
    i me you he him she it we us they them who whom whose which what
    not is are was were be been am do does did has have had will would shall should can could
    may might must
    """.split()
)


def _is_vowel(word: str, i: int) -> bool:
    """Is `word[i]` a vowel? 'u' after 'q' is not; 'y' is one after a consonant."""
    ch = word[i]
    if ch in VOWELS:
        return not (ch == "u" and i > 0 and word[i - 1] == "q")
    return ch == "y" and i > 0 and not _is_vowel(word, i - 1)


def _syllables(word: str) -> int:
    """A rough count of vowel groups."""
    groups, previous = 0, False
    for i in range(len(word)):
        vowel = _is_vowel(word, i)
        if vowel and not previous:
            groups += 1
        previous = vowel
    return groups


def _ends_cvc(word: str) -> bool:
    """Consonant, single vowel, consonant (not w, x or y): the ending that may double."""
    n = len(word)
    if n < 3 or word[-1] in "wxy":
        return False
    return not _is_vowel(word, n - 1) and word[-2] in VOWELS and _is_vowel(word, n - 2) and not _is_vowel(word, n - 3)


#: Unstressed final syllables that do not double in American or British spelling
#: (target → targeted, visit → visited, happen → happened)...
_UNSTRESSED_ENDINGS = ("er", "en", "on", "om", "et", "it", "ar", "or", "ot", "ut", "ip", "ap", "op")
#: ...except in these words, stressed on the last syllable.
_STRESSED_LAST = frozenset(
    """
    admit commit emit omit permit submit transmit acquit outwit regret abet beset upset forget
    prefer refer confer defer deter infer transfer occur incur recur concur abhor
    equip kidnap handicap worship unwrap
    """.split()
)


def _double_options(word: str) -> list[str]:
    """Stems used before -ed/-ing: the word itself and/or with its final consonant doubled."""
    if not _ends_cvc(word):
        return [word]
    if _syllables(word) == 1 or word in _STRESSED_LAST:
        return [word + word[-1]]
    if word.endswith(_UNSTRESSED_ENDINGS):
        return [word]
    return [word, word + word[-1]]  # travelled / traveled, controlled: offer both


def plural_forms(word: str) -> list[str]:
    """Plural / third-person singular forms of a lower-case word."""
    forms: list[str] = list(IRREGULAR_NOUNS.get(word, ()))
    if word.endswith("man") and word not in _MANS and len(word) > 3:
        forms.append(word[:-3] + "men")
    if word.endswith("sis") and len(word) > 4:
        forms.append(word[:-2] + "es")  # crisis → crises
    elif word.endswith(("s", "x", "z", "ch", "sh")):
        forms.append(word + "es")
        if word.endswith(("s", "z")) and _ends_cvc(word) and _syllables(word) == 1:
            forms.append(word + word[-1] + "es")  # quiz → quizzes, gas → gasses
    elif word.endswith("y") and len(word) > 1 and word[-2] not in VOWELS:
        forms.append(word[:-1] + "ies")
    elif word.endswith("o") and len(word) > 1 and word[-2] not in VOWELS:
        forms += [word + "s", word + "es"]
    else:
        forms.append(word + "s")
    return forms


def past_forms(word: str) -> list[str]:
    """Past tense and past participle forms of a lower-case word."""
    if word in IRREGULAR_VERBS:
        return list(IRREGULAR_VERBS[word])
    if word.endswith("e"):
        return [word + "d"]
    if word.endswith("y") and len(word) > 1 and word[-2] not in VOWELS:
        return [word[:-1] + "ied"]
    if word.endswith("c") and len(word) > 1 and word[-2] in VOWELS:
        return [word + "ked", word + "ed"]  # panicked; also "synced"-like spellings
    return [stem + "ed" for stem in _double_options(word)]


def ing_forms(word: str) -> list[str]:
    """Present participle forms of a lower-case word."""
    if word.endswith("ie") and len(word) > 2:
        return [word[:-2] + "ying"]
    if word.endswith(("ee", "ye", "oe")) or word == "be":
        return [word + "ing"]
    if word.endswith("e") and len(word) > 2:
        return [word[:-1] + "ing"]
    if word.endswith("c") and len(word) > 1 and word[-2] in VOWELS:
        return [word + "king", word + "ing"]
    return [stem + "ing" for stem in _double_options(word)]


def comparative_forms(word: str) -> list[str]:
    """-ier/-iest for adjectives ending in consonant + y (bloody → bloodier, bloodiest)."""
    if len(word) > 3 and word.endswith("y") and word[-2] not in VOWELS:
        return [word[:-1] + "ier", word[:-1] + "iest"]
    return []


#: Endings of words that take no inflection (adverbs, adjectives, participles)...
_UNINFLECTED_ENDINGS = ("ly", "ous", "ful", "less", "ive", "ic", "ical", "able", "ible", "ish", "ary", "esque",
                        "ed", "ing", "ist", "ian")
#: ...and of nouns that take only a plural.
_NOUN_ENDINGS = ("ism", "ity", "ness", "tion", "sion", "ment", "ance", "ence", "ship", "hood", "dom", "cy", "ery",
                 "ist", "ian", "ite", "er", "or", "ee", "ard")


def rule_forms(word: str) -> list[str]:
    """The hand-written rules' forms of a lower-case word (noun, verb and -y adjective). Long
    words with an adjective, adverb or noun ending get only the forms that class takes."""
    if len(word) >= 6 and word.endswith(_NOUN_ENDINGS):
        return plural_forms(word)
    if len(word) >= 6 and word.endswith(_UNINFLECTED_ENDINGS):
        return []
    return [*plural_forms(word), *past_forms(word), *ing_forms(word), *comparative_forms(word)]


_LOOKUP: list[Callable[[str], dict[str, tuple[str, ...]]] | None] = []


def _dictionary() -> Callable[[str], dict[str, tuple[str, ...]]] | None:
    """lemminflect's `getAllInflections`, imported on first use (None when not installed)."""
    if not _LOOKUP:
        try:
            from lemminflect import getAllInflections
        except ImportError:  # the rules alone still work
            _LOOKUP.append(None)
        else:
            _LOOKUP.append(getAllInflections)
    return _LOOKUP[0]


def inflect_word(word: str) -> list[str]:
    """The word (lower-cased) followed by its possible inflected forms, without duplicates.

    Words that are not purely alphabetic (numbers, abbreviations) are returned alone.
    """
    return list(_inflect(word.lower()))


@lru_cache(maxsize=50_000)
def _inflect(base: str) -> tuple[str, ...]:
    if not base.isalpha() or len(base) < 2:
        return (base,)
    lookup = _dictionary()
    known = lookup(base) if lookup is not None else {}
    if known:
        forms = [base, *(f.lower() for tag in sorted(known) for f in known[tag])]
        forms += [*IRREGULAR_VERBS.get(base, ()), *IRREGULAR_NOUNS.get(base, ())]
    else:
        forms = [base, *rule_forms(base)]
    return tuple(dict.fromkeys(forms))


def inflection_positions(words: Sequence[str]) -> list[int]:
    """Indexes of the words of a term to inflect: the first and last word of a multi-word term
    unless they are function words (a one-word term is always inflected)."""
    if len(words) == 1:
        return [0]
    candidates = dict.fromkeys([0, len(words) - 1])
    return [i for i in candidates if words[i].lower() not in FUNCTION_WORDS]
