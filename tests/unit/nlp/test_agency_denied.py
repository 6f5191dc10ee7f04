"""Acts the text denies are no one's acts, a reported relative clause does not make its noun the
speaker, and verbs show as words: through the real small English pipeline (each sentence was
checked with its parse; the entity labels a test relies on are asserted first)."""

from __future__ import annotations

import pytest

from framereader.core.nlp.agency import extract_agency
from framereader.core.nlp.lemmas import verb_forms


@pytest.fixture(scope="module")
def parse(trained_pipeline):
    def run(text: str):
        with trained_pipeline.parsing() as nlp:
            doc = nlp(text)
            forms = verb_forms(nlp)
        return doc, *extract_agency(doc, forms=forms)

    return run


def acts(text: str, roles) -> set[tuple[str, str, str]]:
    return {(text[r.arg_start : r.arg_end], r.role, r.verb) for r in roles}


@pytest.mark.parametrize(
    ("text", "denied", "kept"),
    [
        ("Sarah Collins did not respond to further questions.", {"respond"}, set()),
        ("Daniel Hart had never visited the church and left early.", {"visit"}, {"leave"}),
        ("Lorraine Whitaker caved to the demands and refused to call in the National Guard.",
         {"call", "call in"}, {"cave", "refuse"}),
        ("Charles Redfern did not answer questions or thank the jury.", {"answer", "thank"}, set()),
        ("Daniel Okoro promised a review but declined to name the officers.", {"name"}, {"promise", "decline"}),
        ("Martin Olsen left the court without answering questions.", {"answer"}, {"leave"}),
        ("Rachel Moore did not try to stop the protest.", {"try", "stop"}, set()),
    ],
)
def test_a_denied_act_gives_no_role(parse, text, denied, kept):
    doc, roles, _passives = parse(text)
    assert any(e.label_ == "PERSON" for e in doc.ents), [(e.text, e.label_) for e in doc.ents]
    verbs = {verb for _arg, _role, verb in acts(text, roles)}
    assert not verbs & denied
    assert kept <= verbs


def test_a_denied_passive_is_still_a_passive_clause_but_no_ones_act(parse):
    text = "A Border Patrol official who was not authorized to speak said the men were arrested."
    _doc, roles, passives = parse(text)
    assert "authorize" in {p.verb for p in passives}
    assert "authorize" not in {r.verb for r in roles}


def test_a_reported_relative_clause_does_not_make_its_noun_the_speaker(parse):
    text = "Police shot Darnell Hayes, who police say had a loaded handgun in his car."
    doc, roles, _passives = parse(text)
    assert ("Darnell Hayes", "PERSON") in [(e.text, e.label_) for e in doc.ents]
    hayes = {(role, verb) for arg, role, verb in acts(text, roles) if arg == "Darnell Hayes"}
    assert ("agent", "say") not in hayes
    assert ("agent", "have") not in hayes
    assert ("patient", "shoot") in hayes


def test_an_ordinary_relative_clause_still_gives_its_noun_the_act(parse):
    text = "Police thanked Darnell Hayes, who had called them."
    _doc, roles, _passives = parse(text)
    assert ("Darnell Hayes", "agent", "call") in acts(text, roles)


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Texas has installed razor wire along the bank.", "install"),
        ("Texas rebranded the crossing.", "rebrand"),
        ("Texas livestreamed the crossing.", "livestream"),
        ("Texas bundled the men into a van.", "bundle"),
        ("Texas doxxed the reporters.", "doxxed"),
    ],
)
def test_verbs_show_as_words(parse, text, verb):
    _doc, roles, _passives = parse(text)
    assert verb in {r.verb for r in roles if text[r.arg_start : r.arg_end] == "Texas"}
