"""Lexicon model, `.frlex` parsing and validation, serializing, atomic saving and import."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framereader.core import categories
from framereader.core.lexicons import files as lexfiles
from framereader.core.lexicons import format as lexmod
from framereader.core.errors import LexiconError
from framereader.core.lexicons.format import (
    Category,
    Lexicon,
    Term,
    parse_lexicon,
    serialize_lexicon,
    validate_lexicon,
)
from framereader.core.lexicons.files import (
    bundled_lexicon_paths,
    import_word_list,
    lexicon_hash,
    load_lexicon,
    save_lexicon,
    user_lexicon_dir,
)

GOOD = """\
# Lines starting with '#' are comments; blank lines are ignored.
framereader-lexicon 1
id = oped-framing-en
name = Op-ed framing (English)
language = en
description = Loaded words common in political op-eds.

[loaded_language]
name = Loaded language
colour = #c0392b
description = Words that pass a verdict while pretending to describe.

regime | implies an illegitimate, oppressive government | government
slaughter | casts killing as butchery | killing
wipe   out
=Hawks | exact form only
crackdown || response

[euphemism]
name = Euphemism
color = #2980B9
collateral damage
"""

HEADER = "framereader-lexicon 1\nid = x\nname = X\nlanguage = en\n"
V2 = HEADER.replace("lexicon 1", "lexicon 2")
CATEGORY = "[cat]\nname = C\ncolour = #112233\n"


def first_error(text: str) -> LexiconError:
    with pytest.raises(LexiconError) as info:
        parse_lexicon(text, "test.frlex")
    return info.value


# ------------------------------------------------------------------------------- parsing


def test_parses_the_documented_example() -> None:
    lex = parse_lexicon(GOOD, "oped.frlex")
    assert (lex.id, lex.name, lex.language, lex.path) == ("oped-framing-en", "Op-ed framing (English)", "en", "oped.frlex")
    assert lex.description == "Loaded words common in political op-eds."
    loaded = lex.category("loaded_language")
    assert loaded is not None and loaded.colour == "#C0392B"  # colours are normalised to upper case
    assert loaded.terms[0] == Term("regime", "implies an illegitimate, oppressive government", "government")
    assert loaded.terms[2] == Term("wipe out")  # inner spaces collapse
    assert loaded.terms[3] == Term("Hawks", "exact form only", "", exact=True)
    assert loaded.terms[4] == Term("crackdown", "", "response")
    assert lex.category("euphemism").colour == "#2980B9"  # "color" is accepted
    assert lex.term_count == 6
    assert lex.category("nope") is None
    assert lex.find_term("REGIME")[0].id == "loaded_language"


def test_crlf_bom_and_comments_are_fine() -> None:
    text = "\ufeff" + GOOD.replace("\n", "\r\n")
    assert parse_lexicon(text, "a") == parse_lexicon(GOOD, "b")


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("# only a comment\nid = x\n", 2, ["missing format line", "framereader-lexicon 2"]),
        ("\n# hi\nframereader-lexicon 3\n" + HEADER[22:], 3, ["unsupported", "version 3", "lexicon 1"]),
        ("", 1, ["empty"]),
        (HEADER + "colour = #000000\n", 5, ["unknown header key 'colour'"]),
        (HEADER + CATEGORY + "shade = dark\n", 8, ["unknown category key 'shade'"]),
        ("framereader-lexicon 1\nid = x\nname = X\n" + CATEGORY, 1, ["missing", "'language'"]),
        (HEADER + "\n[cat]\ncolour = #112233\nfoo\n", 6, ["[cat]", "missing", "'name'"]),
        (HEADER + "\n[cat]\nname = C\ncolour = red\n", 8, ["bad colour 'red'", "#RRGGBB"]),
        (HEADER + "\n[cat]\nname = C\ncolour = #12345G\n", 8, ["bad colour"]),
        (HEADER + "[Loaded Language]\nname = C\ncolour = #112233\n", 5, ["bad category id 'Loaded Language'"]),
        (HEADER + "[cat\n", 5, ["[category_id]"]),
        (HEADER + "regime\n" + CATEGORY, 5, ["term before any category"]),
        (HEADER + CATEGORY + "x\n" + CATEGORY, 9, ["duplicate category [cat]", "line 5"]),
        (HEADER + CATEGORY + "regime\n\n[b]\nname = B\ncolour = #000000\nRegimes\nREGIME\n", 14,
         ["duplicate term 'REGIME'", "line 8", "[cat]"]),
        (HEADER + CATEGORY + "= | note\n", 8, ["empty term"]),
        (HEADER + CATEGORY + " | a note\n", 8, ["empty term"]),
        (HEADER + CATEGORY + "a | b | c | d\n", 8, ["too many '|'", "framereader-lexicon 2"]),
        (HEADER + CATEGORY.replace("\n", "\ngroup = device\n", 1), 6, ["'group' needs"]),
        (V2 + CATEGORY + "a | b | c | d | e\n", 8, ["too many '|'"]),
        (V2 + CATEGORY + "a ||| pos=adjective\n", 8, ["unknown part of speech 'adjective'"]),
        (V2 + CATEGORY + "a ||| colour=red\n", 8, ["unknown option 'colour'", "pos, also, except"]),
        (V2 + CATEGORY + "a ||| pos=adj; pos=noun\n", 8, ["'pos' is given twice"]),
        (V2 + CATEGORY + "a ||| also=\n", 8, ["'also' has no value"]),
        (V2 + CATEGORY + "a ||| adj\n", 8, ["must look like 'key=value'"]),
        (V2 + CATEGORY + "a ||| except=b=c\n", 8, ["bad except= form"]),
        (V2 + "[cat]\nname = C\ncolour = #112233\ngroup = rhetoric\n", 8, ["bad group 'rhetoric'", "loaded or device"]),
        (HEADER + CATEGORY + "a\ndescription = late\n", 9, ["before the category's terms"]),
        (HEADER + "name = again\n", 5, ["given twice", "line 3"]),
        ("framereader-lexicon 1\nid = Not Valid\nname = X\nlanguage = en\n", 2, ["bad lexicon id"]),
        ("framereader-lexicon 1\nid = x\nname = X\nlanguage = English\n", 4, ["bad language"]),
        (HEADER.replace("name = X", "name ="), 3, ["'name' has no value"]),
    ],
)
def test_validation_errors_name_the_line(text: str, line: int, words: list[str]) -> None:
    error = first_error(text)
    assert error.line == line, error.message
    assert error.path == "test.frlex"
    for word in words:
        assert word in error.reason, error.reason
    assert error.message.startswith(f"test.frlex:{line}: ")


def test_validate_lexicon_returns_every_problem_in_line_order() -> None:
    text = (
        "framereader-lexicon 1\nid = x\nname = X\n"  # language missing (reported on line 1)
        "oops\n"  # 4: term before category
        "[cat]\nname = C\ncolour = red\n"  # 7: bad colour
        "a | b | c | d\n"  # 8: too many fields
        "war\nwar\n"  # 10: duplicate
        "[Bad]\n"  # 11: bad id
    )
    problems = validate_lexicon(text, "p.frlex")
    assert [p.line for p in problems] == [1, 4, 7, 8, 10, 11]
    assert all(isinstance(p, LexiconError) and p.path == "p.frlex" for p in problems)
    assert "language" in problems[0].reason and "duplicate term 'war'" in problems[4].reason
    assert first_error(text).line == 1
    assert validate_lexicon(GOOD) == []


def test_missing_format_line_still_reports_later_problems() -> None:
    problems = validate_lexicon("id = x\nname = X\nlanguage = en\n[cat]\nname = C\ncolour = nope\n")
    assert [p.line for p in problems] == [1, 6]


# ----------------------------------------------------------------------------- serializing


def test_serialize_round_trips_the_example() -> None:
    lex = parse_lexicon(GOOD, "x.frlex")
    text = serialize_lexicon(lex)
    assert text.startswith("framereader-lexicon 2\n")
    assert "crackdown || response" in text and "=Hawks | exact form only" in text
    assert parse_lexicon(text, "") == lex
    assert serialize_lexicon(parse_lexicon(text, "")) == text  # stable


def test_serialize_refuses_what_the_format_cannot_hold() -> None:
    base = parse_lexicon(GOOD, "x.frlex")
    cat = base.categories[0]
    for bad_term in (Term("a|b"), Term("x", note="one | two"), Term("#tag"), Term("two\nlines"), Term("")):
        lex = replace(base, categories=(replace(cat, terms=(bad_term,)),))
        with pytest.raises(LexiconError):
            serialize_lexicon(lex)
    with pytest.raises(LexiconError, match="colour"):
        serialize_lexicon(replace(base, categories=(replace(cat, colour="red"),)))
    with pytest.raises(LexiconError, match="duplicate term"):
        serialize_lexicon(replace(base, categories=(replace(cat, terms=(Term("a"), Term("A"))),)))


_ids = st.from_regex(r"[a-z0-9_-]{1,12}", fullmatch=True)
_line = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="|\x85"), max_size=30
).map(lambda s: " ".join(s.split()))
_word = st.text(
    st.characters(whitelist_categories=("Ll", "Lu", "Lo", "Nd", "Mn"), whitelist_characters="-'’.=#[]:"),
    min_size=1, max_size=10,
)


_form = st.lists(st.text(st.characters(whitelist_categories=("Ll", "Lu")), min_size=1, max_size=8),
                 min_size=1, max_size=2).map(" ".join)


@st.composite
def lexicons(draw) -> Lexicon:
    categories = []
    used: set[str] = set()
    for cat_id in draw(st.lists(_ids, max_size=4, unique=True)):
        terms = []
        for words in draw(st.lists(st.lists(_word, min_size=1, max_size=3), max_size=6)):
            text, exact = " ".join(words), draw(st.booleans())
            if text.casefold() in used or lexmod.term_problem(text, exact):
                continue
            used.add(text.casefold())
            pos = tuple(draw(st.lists(st.sampled_from(["adj", "noun", "verb", "adv"]), max_size=2, unique=True)))
            also = tuple(draw(st.lists(_form, max_size=2, unique=True)))
            exceptions = tuple(draw(st.lists(_form, max_size=2, unique=True)))
            terms.append(Term(text, draw(_line), draw(_line), exact, pos, also, exceptions))
        colour = draw(st.from_regex(r"#[0-9A-F]{6}", fullmatch=True))
        name = draw(_line.filter(bool))
        group = draw(st.sampled_from(["", "loaded", "device"]))
        categories.append(Category(cat_id, name, colour, draw(_line), tuple(terms), group))
    return Lexicon(draw(_ids), draw(_line.filter(bool)), draw(st.sampled_from(["en", "de", "fr", "grc"])),
                   draw(_line), tuple(categories))


@settings(max_examples=150, deadline=None)
@given(lexicons())
def test_parse_of_serialize_is_identity(lex: Lexicon) -> None:
    assert parse_lexicon(serialize_lexicon(lex), "somewhere.frlex") == lex


# ---------------------------------------------------------------------------------- files


def test_save_and_load(tmp_path: Path) -> None:
    lex = parse_lexicon(GOOD, "")
    target = tmp_path / "sub" / "mine.frlex"
    saved = save_lexicon(lex, target)
    assert saved.path == str(target)
    loaded = load_lexicon(target)
    assert loaded == lex and loaded.path == str(target)
    assert not (tmp_path / "sub" / "mine.frlex.bak").exists()


def test_save_keeps_one_backup(tmp_path: Path) -> None:
    target = tmp_path / "mine.frlex"
    first = parse_lexicon(GOOD, "")
    second = replace(first, name="Second")
    third = replace(first, name="Third")
    save_lexicon(first, target)
    save_lexicon(second, target)
    assert load_lexicon(target.with_name("mine.frlex.bak")).name == first.name
    save_lexicon(third, target)
    assert load_lexicon(target).name == "Third"
    assert load_lexicon(target.with_name("mine.frlex.bak")).name == "Second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.frlex", "mine.frlex.bak"]


def test_crash_during_save_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "mine.frlex"
    old = parse_lexicon(GOOD, "")
    save_lexicon(old, target)
    before = target.read_bytes()

    def crash(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(LexiconError) as info:
        save_lexicon(replace(old, name="New"), target)
    assert str(target) in info.value.message
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize(
    "make, reason",
    [
        (lambda tmp: tmp / "missing.frlex", "does not exist"),
        (lambda tmp: tmp, "folder"),
        (lambda tmp: (tmp / "latin1.frlex").write_bytes(b"framereader-lexicon 1\nname = Caf\xe9\n") and tmp / "latin1.frlex",
         "UTF-8"),
        (lambda tmp: (tmp / "bin.frlex").write_bytes(b"\x00\x01\x02") and tmp / "bin.frlex", "binary"),
    ],
)
def test_load_errors_name_the_file(tmp_path: Path, make, reason: str) -> None:
    path = make(tmp_path)
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    assert info.value.path == str(path)
    assert reason in info.value.reason


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.frlex"
    path.write_bytes(b"framereader-lexicon 1\nname = Caf\xe9\n")
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    assert info.value.line == 2


def test_load_reports_parse_errors_with_path_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.frlex"
    path.write_text(HEADER + "\n[cat]\nname = C\ncolour = red\n", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    assert info.value.message.startswith(f"{path}:8: ")


# --------------------------------------------------------------------------------- import


def test_import_plain_word_list(tmp_path: Path) -> None:
    path = tmp_path / "My Words.txt"
    path.write_text("# my list\nsummit\n\nemission | a note\n  summit  \n=EU\n", encoding="utf-8")
    lex = import_word_list(path)
    assert lex.id == "my-words" and lex.name == "My Words" and lex.language == "en"
    assert len(lex.categories) == 1
    cat = lex.categories[0]
    assert cat.id == "my-words" and cat.name == "My Words" and cat.colour.startswith("#")
    assert cat.terms == (Term("summit"), Term("emission", "a note"), Term("EU", exact=True))
    assert parse_lexicon(serialize_lexicon(lex), "") == lex  # can be saved as .frlex


def test_import_plain_word_list_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    path.write_text("ok\nfine\na | b | c | d\n", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        import_word_list(path)
    assert info.value.line == 3 and info.value.path == str(path)


def test_import_csv(tmp_path: Path) -> None:
    path = tmp_path / "terms.csv"
    path.write_text(
        "Term,Category,Note,alternative\n"
        "regime,Loaded language,\"implies, oppressive\",government\n"
        "slaughter,Loaded language\n"
        "collateral damage,euphemism,hides deaths,\n"
        "=Hawks,Loaded language,,\n",
        encoding="utf-8",
    )
    lex = import_word_list(path)
    assert [c.id for c in lex.categories] == ["loaded-language", "euphemism"]
    loaded = lex.categories[0]
    assert loaded.name == "Loaded language"
    assert loaded.terms == (
        Term("regime", "implies, oppressive", "government"),
        Term("slaughter"),
        Term("Hawks", exact=True),
    )
    assert lex.categories[1].terms == (Term("collateral damage", "hides deaths"),)
    assert len({c.colour for c in lex.categories}) == 2
    assert parse_lexicon(serialize_lexicon(lex), "") == lex


def test_import_csv_with_semicolons_and_no_extension(tmp_path: Path) -> None:
    path = tmp_path / "export"
    path.write_text("term;category\nregime;loaded\n", encoding="utf-8")
    assert import_word_list(path).categories[0].terms == (Term("regime"),)


@pytest.mark.parametrize(
    "body, line, words",
    [
        ("term,category,note\nregime,loaded,ok\n,loaded,no term\n", 3, ["empty term"]),
        ("term,category\nregime,loaded\nslaughter,\n", 3, ["no category"]),
        ("term,category,note\nregime,loaded,a,b\n", 2, ["4 cells", "header has 3"]),
        ("word,group\nregime,loaded\n", 1, ["'term' and 'category'"]),
        ("term,category\nregime,loaded\nwar,x\nRegime,other\n", 4, ["already in category 'loaded'", "line 2"]),
        ("term,category,note\n\nregime,loaded,\"a | b\"\n", 3, ["'|'"]),
        ("term,category\n\"a\nb\",loaded\n", 3, ["line break"]),
    ],
)
def test_bad_csv_rows_name_the_line(tmp_path: Path, body: str, line: int, words: list[str]) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        import_word_list(path)
    assert info.value.line == line, info.value.message
    for word in words:
        assert word in info.value.reason, info.value.reason


def test_import_frlex_goes_through_the_parser(tmp_path: Path) -> None:
    path = tmp_path / "real.frlex"
    path.write_text(GOOD, encoding="utf-8")
    assert import_word_list(path) == parse_lexicon(GOOD, "")
    path.write_text(HEADER + "oops\n", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        import_word_list(path)
    assert info.value.line == 5


# ------------------------------------------------------------------------------ locations


def test_bundled_and_user_locations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_user_dirs) -> None:
    folder = tmp_path / "res" / "lexicons"
    folder.mkdir(parents=True)
    for name in ("b.frlex", "a.frlex", "notes.txt"):
        (folder / name).write_text(GOOD, encoding="utf-8")
    monkeypatch.setenv("FRAMEREADER_RESOURCES", str(tmp_path / "res"))
    assert [p.name for p in bundled_lexicon_paths()] == ["a.frlex", "b.frlex"]
    monkeypatch.setenv("FRAMEREADER_RESOURCES", str(tmp_path / "nowhere"))
    assert bundled_lexicon_paths() == []
    user = user_lexicon_dir()
    assert user.is_dir() and user.name == "lexicons" and Path(isolated_user_dirs) in user.parents
    assert lexfiles.user_lexicon_paths() == []


def test_repository_bundled_lexicons_are_valid() -> None:
    for path in bundled_lexicon_paths():
        assert load_lexicon(path).term_count > 0


def test_lexicon_hash_is_stable_and_content_based() -> None:
    a = parse_lexicon(GOOD, "one.frlex")
    b = parse_lexicon(GOOD, "elsewhere/two.frlex")
    assert lexicon_hash([a]) == lexicon_hash([b])  # the path does not count
    assert len(lexicon_hash([a])) == 64
    changed = replace(a, categories=(replace(a.categories[0], terms=a.categories[0].terms[:-1]), *a.categories[1:]))
    assert lexicon_hash([changed]) != lexicon_hash([a])
    other = replace(a, id="other")
    assert lexicon_hash([a, other]) != lexicon_hash([other, a])  # order decides priority
    assert lexicon_hash([]) == lexicon_hash(())


# ------------------------------------------------------------------------------- format 2

V2_TEXT = """\
framereader-lexicon 2
id = v2
name = V2
language = en

[loaded_language]
name = Loaded
colour = #D55E00
tyrant | a verdict on a ruler | autocrat | also=tyranny, tyrannical, tyrannically
total || complete | pos = adj
smear | calls criticism dirt || pos=verb , noun
certainly ||| except=almost certainly;  pos=adv
=Hawks | exact | | also=hawkish

[hedges]
name = Hedges
colour = #9E9D24
perhaps

[mine]
name = Mine
colour = #000000
group = Device
maybe
"""


def test_v2_options_and_groups_are_parsed() -> None:
    lex = parse_lexicon(V2_TEXT, "v2.frlex")
    cat = lex.category("loaded_language")
    assert cat.terms[0] == Term("tyrant", "a verdict on a ruler", "autocrat", also=("tyranny", "tyrannical", "tyrannically"))
    assert cat.terms[1] == Term("total", "", "complete", pos=("adj",))
    assert cat.terms[2].pos == ("verb", "noun") and cat.terms[2].alternative == ""
    assert cat.terms[3] == Term("certainly", pos=("adv",), exceptions=("almost certainly",))
    assert cat.terms[4] == Term("Hawks", "exact", "", True, also=("hawkish",))
    # groups: loaded by default, device for doubt/hedges/intensifiers, or as declared
    assert [c.group for c in lex.categories] == ["loaded", "device", "device"]
    assert lexfiles.category_groups([lex]) == {"loaded_language": "loaded", "hedges": "device", "mine": "device"}
    assert categories.group_of("intensifiers") == "device" and categories.group_of("fear_threat") == "loaded"
    assert categories.group_of("hedges", {"hedges": "loaded"}) == "loaded"


def test_v2_serializes_canonically_and_round_trips() -> None:
    lex = parse_lexicon(V2_TEXT, "v2.frlex")
    text = serialize_lexicon(lex)
    assert text.startswith("framereader-lexicon 2\n")
    assert "tyrant | a verdict on a ruler | autocrat | also=tyranny, tyrannical, tyrannically\n" in text
    assert "total || complete | pos=adj\n" in text
    assert "smear | calls criticism dirt || pos=verb,noun\n" in text
    assert "certainly ||| pos=adv; except=almost certainly\n" in text
    assert "=Hawks | exact || also=hawkish\n" in text
    assert "group = device" in text and "group = loaded" in text
    assert parse_lexicon(text, "") == lex
    assert serialize_lexicon(parse_lexicon(text, "")) == text


def test_v1_files_still_load_and_are_written_as_v2() -> None:
    v1 = parse_lexicon(GOOD, "old.frlex")
    text = serialize_lexicon(v1)
    assert text.startswith("framereader-lexicon 2\n") and parse_lexicon(text, "") == v1
    hedges = parse_lexicon(HEADER + "[hedges]\nname = H\ncolour = #112233\nperhaps\n", "")
    assert hedges.categories[0].group == "device"


def test_serializer_refuses_bad_options() -> None:
    base = parse_lexicon(V2_TEXT, "")
    cat = base.categories[0]
    for bad in (Term("a", pos=("adjective",)), Term("a", also=("b;c",)), Term("a", exceptions=("x, y",))):
        with pytest.raises(LexiconError):
            serialize_lexicon(replace(base, categories=(replace(cat, terms=(bad,)),)))
    with pytest.raises(LexiconError, match="group"):
        serialize_lexicon(replace(base, categories=(replace(cat, group="other"),)))


def test_lexicon_hash_changes_with_options() -> None:
    lex = parse_lexicon(V2_TEXT, "")
    cat = lex.categories[0]
    changed = replace(lex, categories=(replace(cat, terms=(replace(cat.terms[0], pos=("noun",)),)),))
    assert lexicon_hash([lex]) != lexicon_hash([changed])


def test_editor_drafts_keep_v2_options_and_groups() -> None:
    from framereader.core.lexicons.draft import LexiconDraft

    lex = parse_lexicon(V2_TEXT, "v2.frlex")
    draft = LexiconDraft.from_lexicon(lex)
    assert draft.categories[2].group == "device" and draft.categories[0].terms[0].also[0] == "tyranny"
    assert draft.to_lexicon() == lex
    assert draft.search("tyrannical") == {0: [0], 1: [], 2: []}  # declared derivations are searched


def test_a_draft_term_edited_by_replace_keeps_its_options_and_is_trimmed_on_save() -> None:
    from framereader.core.lexicons.draft import LexiconDraft

    lex = parse_lexicon(V2_TEXT, "v2.frlex")
    draft = LexiconDraft.from_lexicon(lex)
    terms = draft.categories[0].terms
    original = terms[0]
    terms[0] = replace(original, text=f"  {original.text.upper()}  ", note=" a new note ")
    saved = draft.to_lexicon().categories[0].terms[0]
    assert saved.text == original.text.upper() and saved.note == "a new note"
    assert (saved.pos, saved.also, saved.exceptions) == (original.pos, original.also, original.exceptions)
    assert lex.categories[0].terms[0] is original  # the loaded lexicon is not changed by the edit
