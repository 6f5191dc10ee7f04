"""Command line: the GUI by default, plus headless subcommands.

    framereader [A] [B] [--screenshot OUT.png] [--model NAME]
    framereader analyze FILE [--model NAME] [--lexicon PATH]... [--descriptors]
    framereader compare A B [--json OUT] [--html OUT] [--pdf OUT] [--sections LIST] [--mode MODE]
                        [--paper A4|Letter] [--landscape] [--model NAME] [--lexicon PATH]...
    framereader models
    framereader lexicon check PATH...

Bad input exits with status 2 and one line on stderr naming the file and the problem.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from . import __version__
from .core.errors import FrameReaderError

SUBCOMMANDS = ("analyze", "compare", "models", "lexicon")
EXIT_BAD_INPUT = 2


def _add_engine_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", metavar="NAME", help="spaCy pipeline (default: best installed)")
    parser.add_argument(
        "--lexicon", metavar="PATH", action="append", default=[],
        help="lexicon file (.frlex, word list or CSV); repeatable; default: the bundled lexicons",
    )


def _headless_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="framereader", description="FrameReader headless commands")
    parser.add_argument("--version", action="version", version=f"framereader {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    analyze = sub.add_parser("analyze", help="print the analysis of FILE as JSON")
    analyze.add_argument("file")
    analyze.add_argument("--descriptors", action="store_true", help="also parse and list descriptors")
    _add_engine_options(analyze)

    compare = sub.add_parser("compare", help="compare two texts (JSON on stdout by default)")
    compare.add_argument("left")
    compare.add_argument("right")
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


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framereader",
        description="Open two texts side by side. Subcommands: " + ", ".join(SUBCOMMANDS) + ".",
    )
    parser.add_argument("--version", action="version", version=f"framereader {__version__}")
    parser.add_argument("left", nargs="?", help="text for the left pane (.txt, .md, .framereader)")
    parser.add_argument("right", nargs="?", help="text for the right pane")
    parser.add_argument("--screenshot", metavar="OUT.png", help="render the window offscreen to a PNG and exit")
    parser.add_argument("--model", metavar="NAME", help="spaCy pipeline (default: best installed)")
    return parser


def _engine(args: argparse.Namespace):
    from .core.nlp.engine import Engine

    return Engine.create(model=args.model, lexicon_paths=args.lexicon or None)


def _cmd_analyze(args: argparse.Namespace) -> int:
    from .core.documents import load_document

    document = load_document(args.file)
    engine = _engine(args)
    analysis = engine.analyze(document, descriptors=args.descriptors)
    payload = analysis.to_json()
    if args.descriptors:
        from dataclasses import asdict

        payload["descriptors"] = [asdict(d) for d in analysis.descriptors]
    if document.note:
        payload["note"] = document.note
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def _cmd_compare(args: argparse.Namespace) -> int:
    from .core.compare import compare, comparison_to_json
    from .core.documents import load_document
    from .core.export import HandoutOptions

    options = HandoutOptions.parse(args.sections, args.mode, args.paper, landscape=args.landscape)
    left_doc, right_doc = load_document(args.left), load_document(args.right)
    engine = _engine(args)
    left = engine.analyze(left_doc, descriptors=True)
    right = engine.analyze(right_doc, descriptors=True)
    comparison = compare(left, right, categories=engine.category_ids())
    if args.json:
        from .core.export import export_json

        export_json(args.json, left, right, comparison)
    if args.html:
        from .core.export import export_html

        export_html(args.html, left, right, comparison, engine.category_styles(), options=options,
                    documents=(left_doc, right_doc))
    if args.pdf:
        from .ui.handout_pdf import export_pdf

        export_pdf(args.pdf, left, right, comparison, engine.category_styles(), options=options,
                   documents=(left_doc, right_doc))
    if not (args.json or args.html or args.pdf):
        json.dump(comparison_to_json(left, right, comparison), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    return 0


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
        try:
            lexicon = load_lexicon_any(path)
        except FrameReaderError as exc:
            problems = _all_lexicon_problems(path) or [exc]
            for problem in problems:
                print(problem.message, file=sys.stderr)
            failed = True
            continue
        terms = sum(len(c.terms) for c in lexicon.categories)
        print(f"{path}: OK ({len(lexicon.categories)} categories, {terms} terms, language {lexicon.language})")
    return EXIT_BAD_INPUT if failed else 0


def _cmd_lexicon_import(args: argparse.Namespace) -> int:
    from .core.lexicons.library import LexiconLibrary
    from .core.settings import load_settings

    entry = LexiconLibrary(load_settings()[0]).import_file(args.path)
    assert entry.lexicon is not None
    count = entry.lexicon.term_count
    print(f"{args.path}: imported as '{entry.lexicon.name}' ({count} term{'s' * (count != 1)}) into {entry.path}")
    return 0


def _all_lexicon_problems(path: str) -> list[FrameReaderError]:
    """Every problem in a readable `.frlex` file (the first error alone for other files)."""
    from .core.lexicons.format import validate_lexicon

    if not path.endswith(".frlex"):
        return []
    try:
        text = open(path, encoding="utf-8").read()
    except (OSError, UnicodeDecodeError):
        return []
    return list(validate_lexicon(text, path))


def run_headless(argv: Sequence[str]) -> int:
    """Run a subcommand; typed core errors become one line on stderr and exit status 2."""
    args = _headless_parser().parse_args(list(argv))
    handlers = {"analyze": _cmd_analyze, "compare": _cmd_compare, "models": _cmd_models}
    try:
        if args.command == "lexicon":
            return _cmd_lexicon_import(args) if args.lexicon_command == "import" else _cmd_lexicon_check(args)
        return handlers[args.command](args)
    except FrameReaderError as exc:
        print(f"framereader: {exc.message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Console entry point."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in SUBCOMMANDS:
        return run_headless(argv)
    args = _gui_parser().parse_args(argv)
    from .ui.app import run_gui

    return run_gui(args.left, args.right, screenshot=args.screenshot, model=args.model)


if __name__ == "__main__":
    raise SystemExit(main())
