"""tools/merge_lexicon.py: fragments and review lists merged into a lexicon, problems reported."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from framereader.core.lexicons.files import load_lexicon

TOOL = Path(__file__).resolve().parents[3] / "tools" / "merge_lexicon.py"
LEXICON = """\
# Header comment, kept.

framereader-lexicon 1
id = t
name = T
language = en

[loaded_language]
name = Loaded
colour = #D55E00
regime | an old note | government
crackdown

[hedges]
name = Hedges
colour = #9E9D24
perhaps
"""


def _tool():
    spec = importlib.util.spec_from_file_location("merge_lexicon", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_merge_validates_reports_duplicates_and_applies_reviews(tmp_path: Path, capsys) -> None:
    lexicon = tmp_path / "t.frlex"
    lexicon.write_text(LEXICON, encoding="utf-8")
    fragment = tmp_path / "adjectives.txt"
    fragment.write_text(
        "# a fragment\n[loaded_language]\nvenal | for sale | open to influence | also=venality\n"
        "regime | a second definition\nbad | x | y | pos=adjective\n[nope]\nlost\n[hedges]\narguably\n",
        encoding="utf-8")
    review = tmp_path / "review.tsv"
    review.write_text(
        "remove\tloaded_language\tcrackdown\t\tneutral in wire copy\n"
        "constrain\tloaded_language\tregime\tregime | a new note || except=tax regime\tnote\n"
        "move\thedges\targuably\tloaded_language\ttest\n"
        "remove\thedges\tmissing\t\t-\n", encoding="utf-8")
    assert _tool().main([str(lexicon), str(fragment), "--review", str(review)]) == 0
    out = capsys.readouterr().out
    merged = load_lexicon(lexicon)
    loaded = merged.category("loaded_language")
    assert [t.text for t in loaded.terms] == ["regime", "venal", "arguably"]
    assert loaded.terms[0].note == "a new note" and loaded.terms[0].exceptions == ("tax regime",)
    assert loaded.terms[1].also == ("venality",)
    assert [t.text for t in merged.category("hedges").terms] == ["perhaps"]
    assert f"{fragment}:4: 'regime' is already in [loaded_language]" in out  # first occurrence wins
    assert f"{fragment}:5: unknown part of speech 'adjective'" in out
    assert f"{fragment}:6: unknown category [nope]" in out
    assert f"{review}:4: no entry 'missing'" in out
    text = lexicon.read_text(encoding="utf-8")
    assert text.startswith("# Header comment, kept.\n\nframereader-lexicon 2\n")
