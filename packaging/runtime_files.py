"""List the files FrameReader and its libraries read at run time, by running what a user does.

Opens a document of every format (text, Markdown, saved web page, web archive, PDF, Word,
OpenDocument, RTF), detects each one's language, analyses and compares the sample pair with
agency and alignment, writes the JSON, HTML and PDF handouts, and renders the window
offscreen with both texts analysed. Meanwhile an audit hook records every file opened, and
at the end the process's memory map gives every shared library loaded.

Prints JSON: {"data": [...], "metadata": [...], "binaries": [...], "resources": [...]}, where
`data` are non-code files inside site-packages (relative to it: `py3langid/data/model.npz.xz`),
`metadata` the `*.dist-info` files read (importlib.metadata: versions, entry points),
`binaries` the shared libraries loaded from site-packages (relative paths) and `resources`
the files read from the repository's resources/ folder.

Used by packaging/check_bundle.py (every file must be in the PyInstaller build) and by
tests/packaging/test_bundle_spec.py (every package named here must be collected by the spec).
Run it with the virtual environment's python from the repository root:
    .venv/bin/python packaging/runtime_files.py
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import site
import sys
import sysconfig
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODE_SUFFIXES = (".py", ".pyc", ".pyi", ".so", ".pth")


def site_roots() -> list[Path]:
    """Where installed packages live (the venv's site-packages, and the user's)."""
    roots = {Path(p).resolve() for p in (sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"])}
    roots.update(Path(p).resolve() for p in site.getsitepackages())
    return sorted(r for r in roots if r.is_dir())


def make_documents(folder: Path) -> list[Path]:
    """One small document of each format the app reads (made with the test suite's builders:
    what they read, python-docx's template for one, is recorded too, so it is harmless)."""
    sys.path.insert(0, str(ROOT / "tests" / "support"))
    import document_fixtures as fixtures  # the test suite's builders: nothing here is the app

    samples = ROOT / "resources" / "samples"
    paths = [samples / "a-border-crisis.md", samples / "b-border-crisis.md"]
    text = folder / "plain.txt"
    text.write_text("The mayor said the bridge would close. Critics called it a reckless gamble.\n",
                    encoding="utf-8")
    page = folder / "page.html"
    page.write_text(fixtures.saved_page(), encoding="utf-8")
    archive = folder / "page.mhtml"
    archive.write_bytes(fixtures.mhtml(fixtures.saved_page()))
    rtf = folder / "memo.rtf"
    rtf.write_text(r"{\rtf1\ansi{\info{\title Memo}}The council closed the bridge.\par "
                   r"Residents were angry.\par}", encoding="ascii")
    paths += [text, page, archive, rtf,
              fixtures.make_tj_pdf(folder / "report.pdf", pages=2),
              fixtures.make_docx(folder / "memo.docx"),
              fixtures.make_odt(folder / "notice.odt")]
    sys.path.pop(0)
    return paths


def record_opens() -> set[str]:
    """Install an audit hook that collects the path of every file opened from now on."""
    opened: set[str] = set()

    def hook(event: str, args: tuple) -> None:
        if event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
            opened.add(os.fsdecode(args[0]))

    sys.addaudithook(hook)
    return opened


def run_workload(documents: list[Path], out: Path) -> None:
    """What a user does, through the same entry points (headless commands, then the window)."""
    from framereader.cli import main
    from framereader.core.documents import load_document

    for path in documents:
        load_document(str(path))
    left, right = (str(p) for p in documents[:2])
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["analyze", str(documents[2])]) == 0
        assert main(["compare", left, right, "--json", str(out / "c.json"), "--html", str(out / "c.html"),
                     "--pdf", str(out / "c.pdf")]) == 0
        assert main(["models"]) == 0
        assert main(["--screenshot", str(out / "window.png"), left, right]) == 0


def loaded_libraries() -> set[str]:
    """Shared libraries mapped into this process (Linux: /proc/self/maps)."""
    maps = Path("/proc/self/maps")
    if not maps.exists():
        return set()
    return {line.split(maxsplit=5)[5].strip() for line in maps.read_text().splitlines()
            if len(line.split(maxsplit=5)) == 6 and ".so" in line}


def classify(opened: set[str], libraries: set[str]) -> dict[str, list[str]]:
    """Sort the files by where they belong in a bundle."""
    roots = site_roots()
    resources = (ROOT / "resources").resolve()
    found: dict[str, set[str]] = {"data": set(), "metadata": set(), "binaries": set(), "resources": set()}
    for name in opened | libraries:
        path = Path(name)
        if not path.is_absolute() or not path.is_file():
            continue
        path = path.resolve()
        if path.is_relative_to(resources):
            found["resources"].add(path.relative_to(resources).as_posix())
            continue
        root = next((r for r in roots if path.is_relative_to(r)), None)
        if root is None:
            continue
        relative = path.relative_to(root).as_posix()
        if name in libraries or ".so." in path.name or path.suffix == ".so":
            found["binaries"].add(relative)
        elif ".dist-info/" in relative:
            found["metadata"].add(relative)
        elif not path.name.endswith(CODE_SUFFIXES) and "__pycache__" not in relative:
            found["data"].add(relative)
    return {kind: sorted(paths) for kind, paths in found.items()}


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="framereader-runtime-files-") as temp:
        folder = Path(temp)
        os.environ["FRAMEREADER_HOME"] = str(folder / "home")  # a first start: empty cache
        opened = record_opens()
        from framereader.ui.app import application

        application()  # the app's own QApplication (name, icon); the PDF fixture needs one too
        documents = make_documents(folder)
        run_workload(documents, folder)
        report = classify(opened, loaded_libraries())
    json.dump(report, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
