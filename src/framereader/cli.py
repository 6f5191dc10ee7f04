"""Command line: the GUI by default, plus headless subcommands.

    framereader [A] [B] [--screenshot OUT.png [--reveal N] [--theme NAME] [--exercise]
                [--dock-tab actors|agency|voices|wordchoice|chart] [--preset reading|comparing|everything]
                [--size WxH] [--welcome]] [--presenter] [--model NAME]
    framereader analyze FILE [--model NAME] [--lexicon PATH]... [--sets PATH]... [--descriptors | --full]
    framereader compare A B [--json OUT] [--html OUT] [--pdf OUT] [--sections LIST] [--mode MODE]
                        [--paper A4|Letter] [--landscape] [--model NAME] [--lexicon PATH]... [--sets PATH]...
    framereader models
    framereader lexicon check PATH...

Bad input exits with status 2 and one line on stderr naming the file and the problem.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .core.errors import FrameReaderError
from .core.platform.text_safety import replaced_note, safe_counted, safe_text

if TYPE_CHECKING:
    from .core.nlp.engine import Engine

SUBCOMMANDS = ("analyze", "compare", "models", "lexicon")
EXIT_BAD_INPUT = 2


def _add_engine_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", metavar="NAME", help="spaCy pipeline (default: best installed)")
    parser.add_argument(
        "--lexicon", metavar="PATH", action="append", default=[],
        help="lexicon file (.frlex, word list or CSV); repeatable; default: the bundled lexicons",
    )
    parser.add_argument(
        "--sets", metavar="PATH", action="append", default=[],
        help="word-choice sets file (.frsets); repeatable; default: the bundled sets",
    )


def _headless_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="framereader", description="FrameReader headless commands")
    parser.add_argument("--version", action="version", version=f"framereader {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    analyze = sub.add_parser("analyze", help="print the analysis of FILE as JSON")
    analyze.add_argument("file")
    analyze.add_argument("--descriptors", action="store_true", help="also parse and list descriptors")
    analyze.add_argument("--full", action="store_true",
                         help="everything the parse gives: descriptors, roles, passives, pronoun links and quotations")
    _add_engine_options(analyze)

    compare = sub.add_parser("compare", help="compare two texts, or the two of a lesson file with the "
                                             "reader's edits (JSON on stdout by default)")
    compare.add_argument("left", help="the left text, or a .framereader lesson file")
    compare.add_argument("right", nargs="?", help="the right text (not with a lesson file)")
    compare.add_argument("--json", metavar="OUT", help="write the comparison JSON here")
    compare.add_argument("--html", metavar="OUT", help="write the HTML handout here")
    compare.add_argument("--pdf", metavar="OUT", help="write the PDF handout here")
    from .core.export.options import MODES, PAPERS, SECTIONS

    compare.add_argument(
        "--sections", metavar="LIST",
        help="handout sections, comma-separated, in any order: " + ",".join(SECTIONS)
        + " (or 'all'; default: all but glossary, or texts,questions with --mode cold)",
    )
    compare.add_argument("--mode", type=str.lower, choices=list(MODES), default="all",
                         help="handout highlights: " + "; ".join(f"{k} = {v.lower()}" for k, v in MODES.items()))
    compare.add_argument("--paper", choices=list(PAPERS), type=lambda v: v.capitalize() if v.lower() == "letter" else v.upper(),
                         default="A4", help="paper size of the PDF handout (default A4)")
    compare.add_argument("--landscape", action="store_true", help="landscape pages (default portrait)")
    _add_engine_options(compare)

    sub.add_parser("models", help="list installed spaCy pipelines")

    lexicon = sub.add_parser("lexicon", help="lexicon tools")
    lexicon_sub = lexicon.add_subparsers(dest="lexicon_command", required=True)
    check = lexicon_sub.add_parser("check", help="validate lexicon files")
    check.add_argument("paths", nargs="+")
    imp = lexicon_sub.add_parser("import", help="copy a lexicon, word list or CSV into your lexicons (used by the app)")
    imp.add_argument("path")
    return parser


def _size(value: str) -> tuple[int, int]:
    """"1366x768" -> (1366, 768), for --size."""
    width, _x, height = value.lower().partition("x")
    try:
        size = int(width), int(height)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a size like 1366x768") from None
    if not (320 <= size[0] <= 8000 and 240 <= size[1] <= 8000):
        raise argparse.ArgumentTypeError(f"'{value}' is not a window size between 320x240 and 8000x8000")
    return size


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framereader",
        description="Open two texts side by side. Subcommands: " + ", ".join(SUBCOMMANDS) + ".",
    )
    parser.add_argument("--version", action="version", version=f"framereader {__version__}")
    parser.add_argument("left", nargs="?", help="text for the left pane (.txt, .md, .framereader)")
    parser.add_argument("right", nargs="?", help="text for the right pane")
    parser.add_argument("--screenshot", metavar="OUT.png", help="render the window offscreen to a PNG and exit")
    parser.add_argument("--dock-tab", choices=["actors", "agency", "voices", "wordchoice", "chart"], default="actors",
                        help="comparison dock tab to show: actors, who does what to whom, voices, word choice, "
                             "or the loaded words per text (chart)")
    parser.add_argument("--presenter", action="store_true", help="start in presenter mode (F11 or Esc leaves)")
    parser.add_argument("--reveal", metavar="N", type=int, default=None,
                        help="with --screenshot: hide every highlight for reading, then reveal N categories")
    parser.add_argument("--theme", choices=["light", "dark", "high-contrast"], help="with --screenshot: the theme")
    parser.add_argument("--exercise", action="store_true",
                        help="with --screenshot: show Spot the Framing with a few sample marks, checked")
    parser.add_argument("--preset", choices=["reading", "comparing", "everything"],
                        help="with --screenshot: the view preset (default: Reading, as on the first start)")
    parser.add_argument("--size", metavar="WxH", type=_size, default=None,
                        help="with --screenshot: the window size in pixels (default 1440x900)")
    parser.add_argument("--welcome", action="store_true",
                        help="with --screenshot: show the welcome panel (with no texts given, none is opened)")
    parser.add_argument("--model", metavar="NAME", help="spaCy pipeline (default: best installed)")
    parser.add_argument("--smoke", action="store_true", help=argparse.SUPPRESS)  # see _arm_smoke
    return parser


def _arm_smoke() -> None:
    """`--smoke` (the real-window test, packaging/smoke.py): once the window shows both texts
    analysed, highlighted and compared, print `framereader: smoke: model NAME VERSION, N
    entities` and then `framereader: smoke: ready WINDOW-ID` on stdout; the test then presses
    keys in that window and quits it with Ctrl+Q."""
    from PySide6.QtCore import QTimer

    from .ui.app import application

    app = application()
    timer = QTimer(app)
    timer.setInterval(100)

    def check() -> None:
        for widget in app.topLevelWidgets():
            window: Any = widget  # the MainWindow (the app has no other visible top-level window)
            if not (window.isVisible() and hasattr(window, "analysed") and hasattr(window, "service")):
                continue
            if window.service.ready and window.analysed() and window.compare.comparison is not None:
                timer.stop()
                model = window.panes[0].analysis.model  # which pipeline: a bundle may lack the trained one
                print(f"framereader: smoke: model {model.name} {model.version}, "
                      f"{sum(len(p.analysis.entities) for p in window.panes)} entities", flush=True)
                print(f"framereader: smoke: ready {int(window.winId())}", flush=True)
                return

    timer.timeout.connect(check)
    timer.start()


def _engine(args: argparse.Namespace):
    from .core.nlp.engine import Engine

    return Engine.create(model=args.model, lexicon_paths=args.lexicon or None, choice_set_paths=args.sets or None)


def _cmd_analyze(args: argparse.Namespace) -> int:
    from .core.documents import load_document
    from .core.export import analysis_json, full_analysis_json

    document = load_document(args.file)
    engine = _engine(args)
    analysis = engine.analyze(document, descriptors=args.descriptors or args.full)
    if args.full:
        payload = full_analysis_json(analysis, document)
    else:
        payload = analysis_json(analysis, document)  # "meta": the same object as each side of `compare`
        if args.descriptors:
            from dataclasses import asdict

            payload["descriptors"] = [asdict(d) for d in analysis.descriptors]
    _emit_json(payload)
    return 0


def _check_target(path: str) -> None:
    """Refuse an export target that cannot work before spending time on the analysis."""
    from .core.platform.atomic import write_problem

    target = Path(path)
    if target.is_dir():
        raise FrameReaderError(path, write_problem(path, IsADirectoryError(errno.EISDIR, "Is a directory")))
    ancestor = target.parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if ancestor.exists() and not ancestor.is_dir():
        raise FrameReaderError(path, write_problem(path, NotADirectoryError(errno.ENOTDIR, "Not a directory")))


def _export(path: str, write: Callable[[str], object]) -> None:
    """Run one export; a failure is one line naming the target and the reason (exit 2)."""
    from .core.platform.atomic import write_problem

    try:
        replaced = write(path)
    except OSError as exc:
        raise FrameReaderError(path, write_problem(path, exc)) from None
    note = replaced_note(replaced if isinstance(replaced, int) else 0, path)
    if note:
        _err(f"framereader: {note}")


def _cmd_compare(args: argparse.Namespace) -> int:
    from .core.comparison.compare import compare
    from .core.state.edits import NO_EDITS, apply_edits
    from .core.export import HandoutOptions, comparison_json

    for target in (args.json, args.html, args.pdf):
        if target:
            _check_target(target)
    options = HandoutOptions.parse(args.sections, args.mode, args.paper, landscape=args.landscape)
    left_doc, right_doc, edits = _compared_documents(args.left, args.right)
    engine = _engine(args)
    left = apply_edits(engine.analyze(left_doc, descriptors=True), edits.get("left", NO_EDITS))
    right = apply_edits(engine.analyze(right_doc, descriptors=True), edits.get("right", NO_EDITS))
    left, right = agree_labels(left, right, edits.get("left", NO_EDITS), edits.get("right", NO_EDITS))
    comparison = compare(left, right, categories=engine.category_ids(), choice_sets=engine.choice_set_index())
    if args.json:
        from .core.export import export_json

        _export(args.json, lambda path: export_json(path, left, right, comparison, documents=(left_doc, right_doc)))
    if args.html:
        from .core.export import export_html

        _export(args.html, lambda path: export_html(path, left, right, comparison, engine.category_styles(),
                                                    options=options, documents=(left_doc, right_doc)))
    if args.pdf:
        from .ui.handout.pdf import Handout, export_pdf

        handout = Handout(left, right, comparison, engine.category_styles(), options=options,
                          documents=(left_doc, right_doc))
        _export(args.pdf, lambda path: export_pdf(path, handout))
    if not (args.json or args.html or args.pdf):
        _emit_json(comparison_json(left, right, comparison, documents=(left_doc, right_doc)))
    return 0


def agree_labels(left: Any, right: Any, left_edits: Any, right_edits: Any) -> tuple[Any, Any]:
    """The two analyses with one label per name across both (as the window's panes show them,
    `core.comparison.agreement`); the reader's label corrections stay."""
    from .core.comparison.agreement import agreed_entities, with_entities

    left_entities, right_entities = agreed_entities(
        left, right, kept_left={(c.start, c.end) for c in left_edits.corrections},
        kept_right={(c.start, c.end) for c in right_edits.corrections})
    return with_entities(left, left_entities), with_entities(right, right_entities)


def _compared_documents(left: str, right: str | None) -> tuple[Any, Any, dict[Any, Any]]:
    """The two documents to compare and the reader's edits of each: two files (no edits), or
    one lesson file with both texts and the edits its teacher made."""
    from .core.documents import load_document
    from .core.state.lesson import SUFFIX, load_session

    if right is not None:
        if left.endswith(SUFFIX) or right.endswith(SUFFIX):
            raise FrameReaderError(left if left.endswith(SUFFIX) else right,
                                   "is a lesson file: compare it on its own, without a second text.")
        return load_document(left), load_document(right), {}
    if not left.endswith(SUFFIX):
        raise FrameReaderError(left, "compare needs a second text, or a .framereader lesson file alone.")
    session = load_session(left)
    if session.left is None or session.right is None:
        raise FrameReaderError(left, "holds only one text; a comparison needs two.")
    for warning in session.warnings:
        _err(f"framereader: {warning}")
    return session.left, session.right, dict(session.edits)


def _emit_json(payload: object) -> None:
    """Print `payload` as JSON on stdout (errors writing it are handled by `run_headless`); what
    UTF-8 cannot encode is replaced, and said so on stderr."""
    text, replaced = safe_counted(json.dumps(payload, ensure_ascii=False, indent=1))
    sys.stdout.write(text + "\n")
    sys.stdout.flush()
    note = replaced_note(replaced, "the standard output")
    if note:
        _err(f"framereader: {note}")


def _cmd_models(_args: argparse.Namespace) -> int:
    from .core.nlp.pipeline import default_pipeline_name, list_pipelines

    pipelines = list_pipelines()
    if not pipelines:
        print("No trained spaCy pipeline is installed; FrameReader will use a blank English pipeline.")
        return 0
    default = default_pipeline_name(pipelines)
    for info in pipelines:
        mark = "*" if info.name == default else " "
        print(f"{mark} {info.name} {info.version} [{info.lang}] {', '.join(info.components)}")
    return 0


def _cmd_lexicon_check(args: argparse.Namespace) -> int:
    from .core.nlp.engine import load_lexicon_any

    failed = False
    for path in args.paths:
        if path.endswith(".frsets"):
            failed = not _check_choice_sets(path) or failed
            continue
        try:
            lexicon = load_lexicon_any(path)
        except FrameReaderError as exc:
            problems = _all_lexicon_problems(path) or [exc]
            for problem in problems:
                _err(problem.message)
            failed = True
            continue
        terms = sum(len(c.terms) for c in lexicon.categories)
        _say(f"{path}: OK ({len(lexicon.categories)} categories, {terms} terms, language {lexicon.language})")
    return EXIT_BAD_INPUT if failed else 0


def _err(line: str) -> None:
    """One line on stderr, as the terminal can show it (`text_safety.safe_text`: a file name
    that is not UTF-8 or holds control characters cannot break or drive the terminal)."""
    print(safe_text(line), file=sys.stderr)


def _check_choice_sets(path: str) -> bool:
    """`lexicon check` of a word-choice sets file: every problem on stderr, or one OK line."""
    from .core.lexicons.wordchoice import load_choice_sets, validate_choice_sets
    from .core.lexicons.format import MAX_LEXICON_BYTES
    from .core.platform.safe_read import read_limited

    try:
        sets = load_choice_sets(path)
    except FrameReaderError as exc:
        problems: list[FrameReaderError] = [exc]
        try:
            problems = list(validate_choice_sets(read_limited(path, MAX_LEXICON_BYTES).decode("utf-8-sig"), path)) or [exc]
        except (OSError, UnicodeDecodeError):
            problems = [exc]
        for problem in problems:
            _err(problem.message)
        return False
    _say(f"{path}: OK ({len(sets.sets)} word-choice sets, {sets.member_count} names, language {sets.language})")
    return True


def _say(line: str) -> None:
    """Print one line on stdout; once the reader has gone (`| head -1`), the rest is dropped
    quietly so the command still finishes and exits with its own status."""
    try:
        print(safe_text(line), flush=True)
    except BrokenPipeError:
        _silence_stdout()


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so Python's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _cmd_lexicon_import(args: argparse.Namespace) -> int:
    from .core.lexicons.library import LexiconLibrary
    from .core.platform.settings import load_settings

    entry = LexiconLibrary(load_settings()[0]).import_file(args.path)
    assert entry.lexicon is not None
    count = entry.lexicon.term_count
    _say(f"{args.path}: imported as '{entry.lexicon.name}' ({count} term{'s' * (count != 1)}) into {entry.path}")
    return 0


def _all_lexicon_problems(path: str) -> list[FrameReaderError]:
    """Every problem in a readable `.frlex` file (the first error alone for other files)."""
    from .core.lexicons.format import MAX_LEXICON_BYTES, validate_lexicon
    from .core.platform.safe_read import read_limited

    if not path.endswith(".frlex"):
        return []
    try:
        text = read_limited(path, MAX_LEXICON_BYTES).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    return list(validate_lexicon(text, path))


def run_headless(argv: Sequence[str]) -> int:
    """Run a subcommand; typed core errors become one line on stderr and exit status 2, and so
    does a failure to write the output (`> /dev/full`). A closed pipe is not an error."""
    args = _headless_parser().parse_args(list(argv))
    handlers = {"analyze": _cmd_analyze, "compare": _cmd_compare, "models": _cmd_models}
    try:
        if args.command == "lexicon":
            return _cmd_lexicon_import(args) if args.lexicon_command == "import" else _cmd_lexicon_check(args)
        return handlers[args.command](args)
    except FrameReaderError as exc:
        _err(f"framereader: {exc.message}")
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except OSError as exc:
        _silence_stdout()
        reason = exc.strerror or exc.__class__.__name__
        if exc.filename:
            _err(f"framereader: {exc.filename}: {reason}.")
        else:
            _err(f"framereader: the output cannot be written ({reason}).")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


def _flush_stdout() -> int | None:
    """Flush stdout before Python does (its own failure would print 'Exception ignored')."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except OSError as exc:
        _silence_stdout()
        _err(f"framereader: the output cannot be written ({exc.strerror or exc.__class__.__name__}).")
        return EXIT_BAD_INPUT
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Console entry point."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in SUBCOMMANDS:
        code = run_headless(argv)
        return _flush_stdout() or code
    args = _gui_parser().parse_args(argv)
    from .ui.app import Stage, run_gui

    if args.smoke:
        _arm_smoke()
    if args.reveal is not None and (args.reveal < 0 or not args.screenshot):
        _err("framereader: --reveal needs --screenshot and a number of categories (0 or more).")
        return EXIT_BAD_INPUT
    if (args.size or args.preset or args.welcome) and not args.screenshot:
        print("framereader: --size, --preset and --welcome need --screenshot.", file=sys.stderr)
        return EXIT_BAD_INPUT
    stage = Stage(args.presenter, args.reveal, args.theme, args.exercise, args.preset, args.welcome)
    return run_gui(args.left, args.right, engine_factory, screenshot=args.screenshot, model=args.model,
                   stage=stage, dock_tab=args.dock_tab, size=args.size or (1440, 900))


def engine_factory(model: str | None) -> "Engine":
    """The window's analysis engine: `model` (None = best installed) with the bundled lexicons,
    analyses cached on disk so re-opening a text highlights at once. Given to the GUI from
    here, so ui never imports core.nlp (nor spaCy)."""
    from .core.nlp.engine import Engine

    return Engine.create(model=model, use_cache=True)


if __name__ == "__main__":
    raise SystemExit(main())
