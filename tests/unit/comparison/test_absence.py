"""Who only one text names is said only when the other text does not name them in other words."""

from __future__ import annotations

import time

from hypothesis import given
from hypothesis import strategies as st

from framereader.core.comparison.absence import TextNames, named_elsewhere, shares_stem
from framereader.core.comparison.actors import Actor, ActorSide
from framereader.core.comparison.compare import Comparison

ONCE = ActorSide(count=1, mentions=((0, 5),))


def actor(name: str, label: str, side: str = "right", aliases: tuple[str, ...] = ()) -> Actor:
    return Actor(name=name, label=label, aliases=aliases or (name,), **{side: ONCE})  # type: ignore[arg-type]


def test_stems_of_peoples_and_places() -> None:
    assert shares_stem("Kestria", "Kestrian") and shares_stem("Britain", "British")
    assert shares_stem("China", "Chinese") and shares_stem("West", "Western")
    assert not shares_stem("Kestria", "Valdoria") and not shares_stem("Oslo", "Ohio")
    assert not shares_stem("Holloway", "Hollande")


def test_an_unrecognised_name_or_a_countrys_people_is_not_absent() -> None:
    left = "Holloway's apologists in Western capitals insist. Kestria protested."
    right = "Western reporters overlooked it. Kestrian units shelled villages. Brussels said nothing."
    actors = (actor("Western", "NORP"), actor("Kestrian", "NORP"), actor("Brussels", "GPE"))
    assert named_elsewhere(actors, left, right) == {"Western", "Kestrian"}
    comparison = Comparison(actors=actors, named_elsewhere=named_elsewhere(actors, left, right))
    assert [a.name for a in comparison.only_right] == ["Brussels"]
    assert comparison.to_json()["named_elsewhere"] == ["Kestrian", "Western"]


def test_whole_words_and_case_only() -> None:
    left = "The ombudsman's report, in the west wing, said Reyesville was quiet."
    actors = (actor("Reyes", "PERSON"), actor("West", "LOC"), actor("Ombudsman", "ORG"))
    assert named_elsewhere(actors, left, "") == frozenset()  # 'Reyesville' is not 'Reyes', 'west' not 'West'
    shared = (Actor(name="Reyes", label="PERSON", left=ONCE, right=ONCE),)
    assert named_elsewhere(shared, "Reyes", "Reyes") == frozenset()  # both name it: not a one-sided actor
    assert named_elsewhere((actor("Tomas Reyes", "PERSON", aliases=("Reyes", "Tomas Reyes")),),
                           "Mr Reyes declined.", "") == {"Tomas Reyes"}


def test_a_state_abbreviation_after_a_town_is_the_state() -> None:
    from framereader.core.comparison.names import state_after_town

    assert state_after_town("Ore", ", ", ".") == "Oregon" and state_after_town("Calif.", ", ", " ") == "California"
    assert state_after_town("N.Y.", ", ", " ") == "New York" and state_after_town("Wash.", ", ", "") == "Washington State"
    assert state_after_town("Ore", "a ", ".") is None  # not after a town
    assert state_after_town("Mass", ", ", " ") is None  # no full stop: the service, not Massachusetts


WORDS = st.text(alphabet="abcdeKLMN", min_size=3, max_size=9).map(lambda w: w[:1].upper() + w[1:].lower())


@given(stem=WORDS, others=st.lists(WORDS, max_size=12))
def test_the_stem_index_agrees_with_shares_stem(stem: str, others: list[str]) -> None:
    index = TextNames(" ".join(others), ())
    capitalised = {w for w in others if len(w) >= 4}
    assert index.has_stem(stem) == (len(stem) >= 4 and any(shares_stem(stem, w) for w in capitalised))


def test_checking_many_one_sided_names_is_linear() -> None:
    def letters(i: int) -> str:  # 0 -> "aaaa", 1 -> "aaab"…: distinct words of letters only
        return "".join("abcdefghijklmnopqrstuvwxyz"[i // 26**k % 26] for k in (3, 2, 1, 0))

    def seconds(n: int) -> float:
        actors = [actor(f"Name{i} Person{i}", "NORP", aliases=(f"Name{i} Person{i}", letters(i).capitalize() + "ian"))
                  for i in range(n)]
        other = " ".join(f"Name{i} {letters(i).capitalize()}ia" for i in range(0, n, 2))
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            found = named_elsewhere(actors, other, "")  # the actors are the right text's
            best = min(best, time.perf_counter() - start)
        assert len(found) == n // 2  # 'Aaacia' shares the stem of 'Aaacian' (even i only)
        return best

    small, large = seconds(2_000), seconds(8_000)
    assert large < small * 4 * 2.5  # four times the names: well under ten times the time
