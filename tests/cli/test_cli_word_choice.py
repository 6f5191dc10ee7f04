"""Word-choice sets on the command line: `analyze` JSON's "choices", `compare` JSON's
"word_choice" and the handout section, `--sets`, and `lexicon check` of a `.frsets` file."""

from __future__ import annotations

import json
from pathlib import Path

from framereader.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"

SETS = """\
framereader-sets 1
id = mine
name = Mine
language = en

[weather]
name = Bad weather
topic = environment
note = Storm or breeze.
storm | dramatic
breeze | calm
"""


def test_analyze_lists_choices_from_the_sets_given(tmp_path: Path, capsys) -> None:
    text = tmp_path / "t.txt"
    text.write_text("A storm hit the town; the invasion of the storms was only a breeze.\n", encoding="utf-8")
    sets = tmp_path / "mine.frsets"
    sets.write_text(SETS, encoding="utf-8")
    assert main(["analyze", str(text), "--sets", str(sets)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(c["term"], c["text"]) for c in data["choices"]] == [("storm", "storm"), ("storm", "storms"),
                                                                  ("breeze", "breeze")]
    assert all(data["text"][c["start"]:c["end"]] == c["text"] for c in data["choices"])
    assert main(["analyze", str(text)]) == 0  # the bundled sets: "invasion", not the weather
    data = json.loads(capsys.readouterr().out)
    assert [(c["set_id"], c["text"], c["reference"]) for c in data["choices"]] == [("invasion", "invasion", True)]


def test_compare_writes_word_choice_json_and_the_handout_section(tmp_path: Path, capsys) -> None:
    out, page = tmp_path / "c.json", tmp_path / "h.html"
    code = main(["compare", str(SAMPLES / "a-border-crisis.md"), str(SAMPLES / "b-border-crisis.md"),
                 "--json", str(out), "--html", str(page), "--sections", "wordchoice,questions"])
    assert code == 0, capsys.readouterr().err
    data = json.loads(out.read_text(encoding="utf-8"))
    rows = {row["set"]: row for row in data["word_choice"]}
    assert set(rows) == {"regime", "media"}  # both texts say "invasion", the neutral name: not listed
    regime = rows["regime"]
    assert regime["name"] == "A country's rulers" and regime["note"] and "government" in regime["members"]
    for side in ("left", "right"):
        text = data[side]["text"]
        for use in regime[side]:
            assert use["count"] == len(use["spans"])
            assert all(text[a:b].lower().startswith(use["term"].lower()[:5]) for a, b in use["spans"])
    html = page.read_text(encoding="utf-8")
    assert '<h2 id="wordchoice">Word choice</h2>' in html and "A country&#x27;s rulers" in html


def test_lexicon_check_lists_every_problem_of_a_sets_file(tmp_path: Path, capsys) -> None:
    good = tmp_path / "good.frsets"
    good.write_text(SETS, encoding="utf-8")
    bad = tmp_path / "bad.frsets"
    bad.write_text(SETS.replace("topic = environment\n", "").replace("breeze | calm", "breeze | a | b | c"),
                   encoding="utf-8")
    assert main(["lexicon", "check", str(good)]) == 0
    assert "OK (1 word-choice sets, 2 names, language en)" in capsys.readouterr().out
    assert main(["lexicon", "check", str(bad), str(good)]) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert lines == [f"{bad}:6: set [weather] is missing the required key 'topic'",
                     f"{bad}:6: set [weather] needs at least two members (competing names)",
                     f"{bad}:10: too many '|' fields (4): a member line is 'term | who uses it and why | options'"]
    assert "good.frsets: OK" in captured.out


def test_a_bad_sets_file_stops_analyze_with_one_line(tmp_path: Path, capsys) -> None:
    text = tmp_path / "t.txt"
    text.write_text("Words.\n", encoding="utf-8")
    bad = tmp_path / "bad.frsets"
    bad.write_text(SETS.replace("framereader-sets 1", "framereader-sets 9"), encoding="utf-8")
    assert main(["analyze", str(text), "--sets", str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and f"{bad}:1: unsupported word-choice format version 9" in err[0]
