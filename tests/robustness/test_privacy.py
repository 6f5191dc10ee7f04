"""Privacy: no socket is created while the app starts, loads a pipeline, analyses, renders and
exports. The guard replaces socket creation and name look-ups for the duration of each test."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Fail on any socket creation or DNS look-up; also record the attempt."""
    attempts: list[str] = []

    def refuse(name: str):
        def _refuse(*args, **kwargs):
            attempts.append(f"{name}{args[:2]}")
            raise NetworkUsed(f"network use attempted: {name}{args[:2]}")

        return _refuse

    class GuardedSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            family = args[0] if args else kwargs.get("family", socket.AF_INET)
            if family in (socket.AF_INET, socket.AF_INET6):
                attempts.append(f"socket({family})")
                raise NetworkUsed("an internet socket was created")
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


def test_guard_itself_catches_a_connection(no_network) -> None:
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(NetworkUsed):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    assert len(no_network) == 2


def test_core_pipeline_analysis_and_export_use_no_network(no_network, tmp_path: Path) -> None:
    from framereader.core.comparison.compare import compare
    from framereader.core.documents import load_document
    from framereader.core.nlp.engine import Engine
    from framereader.core.export import export_html, export_json

    engine = Engine.create(use_cache=True)
    left = engine.analyze(load_document(SAMPLES / "a-border-crisis.md"), descriptors=True)
    right = engine.analyze(load_document(SAMPLES / "b-border-crisis.md"), descriptors=True)
    comparison = compare(left, right, categories=engine.category_ids())
    export_json(tmp_path / "c.json", left, right, comparison)
    export_html(tmp_path / "c.html", left, right, comparison, engine.category_styles())
    assert (tmp_path / "c.html").stat().st_size > 1000
    assert no_network == []


def test_gui_start_load_analyse_render_use_no_network(no_network, qtbot, tmp_path: Path) -> None:
    from framereader.core.platform.settings import Settings
    from framereader.ui.window.main_window import MainWindow

    from framereader.cli import engine_factory

    window = MainWindow(engine_factory=engine_factory, settings=Settings(), persist=False)  # loads the pipeline itself
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(lambda: window.service.ready, timeout=60_000)
    assert window.open_path(0, str(SAMPLES / "a-border-crisis.md"))
    assert window.open_path(1, str(SAMPLES / "b-border-crisis.md"))
    qtbot.waitUntil(window.analysed, timeout=60_000)
    assert window.grab().save(str(tmp_path / "shot.png"))
    window.shutdown()
    assert no_network == []


GUARDED_RUN = """
import socket, sys
class Refused(socket.socket):
    def __init__(self, *args, **kwargs):
        sys.stderr.write("SOCKET CREATED\\n"); raise OSError("network use")
socket.socket = Refused
for name in ("create_connection", "getaddrinfo", "gethostbyname"):
    setattr(socket, name, lambda *a, **k: (sys.stderr.write("NETWORK LOOKUP\\n"), (_ for _ in ()).throw(OSError())))
from framereader.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("mode", ["compare", "screenshot"])
def test_fresh_process_creates_no_socket(mode: str, tmp_path: Path) -> None:
    """From interpreter start: imports, model load, analysis, export or rendering."""
    import os
    import subprocess
    import sys

    a, b = str(SAMPLES / "a-border-crisis.md"), str(SAMPLES / "b-border-crisis.md")
    args = ["compare", a, b, "--html", str(tmp_path / "c.html"), "--json", str(tmp_path / "c.json")]
    if mode == "screenshot":
        args = ["--screenshot", str(tmp_path / "s.png"), a, b]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FRAMEREADER_HOME=str(tmp_path / "home"))
    result = subprocess.run([sys.executable, "-c", GUARDED_RUN, *args], capture_output=True, text=True,
                            env=env, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "SOCKET CREATED" not in result.stderr and "NETWORK LOOKUP" not in result.stderr
    assert any(tmp_path.glob("*.png")) or (tmp_path / "c.html").is_file()
