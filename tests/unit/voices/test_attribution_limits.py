"""Where an attribution stops (a teacher's trial, findings 1-4 and 7): a speaker never reaches
across a paragraph break, a lone quotation inherits its speaker only when nobody else speaks in
between, a trailing "…, X added" never fires inside reported speech, refusals, negations,
questions put to someone and headlines are no voices, and a scare quote leaves reported speech
reported speech. Each passage is written for the test; the parse is the real one."""

from __future__ import annotations

from framereader.core.documents import document_from_text
from framereader.core.model import Quote


def voices(engine, text: str) -> list[Quote]:
    return list(engine.analyze(document_from_text(text), descriptors=True).quotes)


def quote_of(engine, text: str, words: str) -> Quote:
    found = [q for q in voices(engine, text) if words in q.text]
    assert len(found) == 1, voices(engine, text)
    return found[0]


# ---- 1. a paragraph break ends an attribution; a colon introduction beats a link from elsewhere

def test_a_second_quotation_is_not_the_next_paragraphs_speakers(engine) -> None:
    text = ('"They want us cold and poor," said the local MP Simon Talbot. "The fanatics will not stop '
            'until every car is off the road."\n\nThe protesters insist they are sorry for the delays.')
    second = quote_of(engine, text, "The fanatics")
    assert second.speaker == "Simon Talbot"
    assert second.how == "same speaker as the quotation before"
    reported = quote_of(engine, text, "they are sorry")
    assert reported.speaker == "The protesters" and reported.kind == "indirect"


def test_according_to_in_the_next_paragraph_names_nobody_above(engine) -> None:
    text = ('"It was calm until it wasn\'t," Sheriff Tom Bush said. "Most of these folks sat down on the '
            'bank and waited."\n\nMost of the migrants were from Honduras, according to a border official.')
    assert quote_of(engine, text, "Most of these folks").speaker == "Tom Bush"
    according = quote_of(engine, text, "Most of the migrants")
    assert (according.kind, according.speaker, according.verb) == ("indirect", "a border official", None)


def test_a_colon_introduction_beats_a_speaker_in_the_next_paragraph(engine) -> None:
    text = ("Foreign Minister Anya Petrova made the point calmly at the Security Council:\n\n"
            '> "We invited observers from every capital. Those who stayed away cannot tell us what they '
            'did not see."\n\nThe envoy, Sarah Lindqvist, says her team was turned back at checkpoints.')
    block = quote_of(engine, text, "We invited observers")
    assert block.speaker == "Anya Petrova"
    assert "Lindqvist" not in block.how


# ---- 2. a lone quotation inherits only when nothing else speaks in between

def test_a_chant_after_a_quotation_is_not_the_first_speakers(engine) -> None:
    text = ('"This law puts politicians between a woman and her doctor," State Senator Elena Ruiz told '
            'reporters. Outside the Capitol, several hundred protesters chanted "my body, my choice."')
    chant = quote_of(engine, text, "my body")
    assert chant.speaker != "Elena Ruiz"
    assert chant.speaker == "several hundred protesters" and chant.verb == "chant"


def test_another_sentence_between_two_quotations_stops_the_inheritance(engine) -> None:
    text = ('"We will rebuild the hall," Mayor Joan Pike said on Monday. The crowd cheered loudly. '
            '"Nobody will be forgotten."')
    assert quote_of(engine, text, "Nobody will be forgotten").speaker == ""
    text = '"We will rebuild the hall," Mayor Joan Pike said on Monday. "Nobody will be forgotten."'
    assert quote_of(engine, text, "Nobody will be forgotten").speaker == "Joan Pike"


# ---- 3. no clause read backwards; attacks and claims of benefits are no speech

def test_a_verb_inside_reported_speech_is_no_trailing_attribution(engine) -> None:
    text = ("Security experts point out that markets in Germany and France have been attacked before. "
            "Charities have said about 800,000 eligible pensioners do not claim the benefits. "
            "Critics note that the same memo said nothing about the company jet.")
    found = voices(engine, text)
    assert [q.speaker for q in found] == ["Security experts", "Charities", "Critics"]
    assert all(not q.text.startswith(("Security", "Charities", "Critics")) for q in found)


def test_a_complaint_about_something_does_not_speak_a_quotation(engine) -> None:
    text = ('Finance Minister Oliver Stanbridge apologised after he was recorded describing pensioners who '
            'had complained about a cut to fuel payments as "moaners" at a dinner.')
    moaners = quote_of(engine, text, "moaners")
    assert moaners.verb != "complain" and "pensioners" not in moaners.speaker


# ---- 4. refusals, negations, questions put to someone, attribution clauses, headlines

def test_refusals_and_negations_are_no_voices(engine) -> None:
    text = ("Home Secretary Daniel Okoro promised a review but refused to say whether the suspect had been "
            "on a watch list. Western commentators never explain why the villagers would vote otherwise. "
            "The minister did not say that the plan had failed.")
    assert voices(engine, text) == []


def test_a_question_put_to_someone_is_not_their_words(engine) -> None:
    text = 'Asked what she needed most, Rukhsana Bibi said: "Everything."'
    found = voices(engine, text)
    assert [q.text for q in found] == ["Everything."]
    assert found[0].speaker == "Rukhsana Bibi"


def test_the_attribution_clause_is_never_the_quotation(engine) -> None:
    text = ("Mayor Teresa Alvarado, who proposed the curfew in March, said it responded to a rise in "
            "break-ins along the harbour. Labour minister Harpreet Sandhu promised inspections under the "
            "Factories Act, a law that unions say is rarely enforced.")
    found = voices(engine, text)
    assert all("said" not in q.text and "say" not in q.text for q in found), found
    alvarado = quote_of(engine, text, "it responded")
    assert alvarado.speaker == "Teresa Alvarado" and alvarado.text.endswith("along the harbour")


def test_a_headline_is_never_a_voice(engine) -> None:
    text = ("Lentavia Says Missile Strike Leaves 400,000 Without Power\n\n"
            "A missile strike on a power plant cut electricity to about 400,000 homes, officials said.")
    found = voices(engine, text)
    assert [q.speaker for q in found] == ["officials"]
    assert all(q.start > text.index("\n") for q in found)


def test_a_dateline_is_neither_speaker_nor_reported_words(engine) -> None:
    text = ("SAN MARCO (Coast Wire) - Helix Software said on Wednesday it would cut about 4,000 jobs.\n\n"
            "KARACHI, Pakistan - Floods have forced 400,000 people from their homes, the authority said.")
    found = voices(engine, text)
    assert all(not q.text.startswith(("SAN", "KARACHI")) and q.speaker != "SAN MARCO" for q in found), found
    assert any(q.text.startswith("Floods have forced") for q in found)


# ---- 7. a scare quote inside reported speech leaves it reported speech

def test_reported_speech_keeps_its_scare_quote(engine) -> None:
    text = ('Head teacher Sarah Collins said the room was needed for exam preparation and that the school '
            'remained "inclusive". She did not respond to further questions.')
    found = voices(engine, text)
    assert len(found) == 1, found
    q = found[0]
    assert (q.kind, q.speaker, q.verb) == ("indirect", "Sarah Collins", "say")
    assert q.text.startswith("the room was needed") and q.text.endswith('"inclusive"')
    assert text[q.start : q.end] == q.text
