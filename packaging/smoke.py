"""Start a FrameReader command on a real (virtual) X display and check that it works.

Starts Xvfb, runs the command on Qt's xcb platform (not offscreen) with `--smoke`, waits until
the window shows the sample pair analysed, highlighted and compared, checks that a trained
pipeline found entities, saves a screenshot of the display (with `xwd`, when installed), quits
the app with Ctrl+Q through X (xdotool) and checks that it exits 0 without a traceback.

Usage (standard library only; any Python 3.11+):
    python3 packaging/smoke.py dist/framereader/framereader [FILE ...]
    python3 packaging/smoke.py --desktop-file /usr/share/applications/X.desktop
The second form runs the menu entry's command (its Exec line; %F and the like become the
given files, none by default: the app then opens its bundled sample pair).
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

READY_TIMEOUT_S = 300.0  # a first start unpacks the language detector and loads the pipeline
FIELD_CODES = {"%f", "%F", "%u", "%U"}


def desktop_command(path: Path, files: list[str]) -> list[str]:
    """The Exec line of a .desktop file, with its field codes replaced by `files`."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            command: list[str] = []
            for word in shlex.split(line[len("Exec="):]):
                if word in FIELD_CODES:
                    command += files
                elif not (word.startswith("%") and len(word) == 2):
                    command.append(word)
            return command
    raise SystemExit(f"smoke: {path} has no Exec line")


def start_xvfb(log: Path) -> tuple[subprocess.Popen, str]:
    """A fresh Xvfb on a display number it picks itself."""
    if not shutil.which("Xvfb"):
        raise SystemExit("smoke: Xvfb is missing (apt-get install xvfb; `make dist` installs it)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1440x900x24",
                               "-nolisten", "tcp"], stdout=log.open("wb"), stderr=subprocess.STDOUT,
                              pass_fds=(write_end,))
    os.close(write_end)
    with os.fdopen(read_end) as reader:
        number = reader.readline().strip()
    if not number.isdigit() or server.poll() is not None:
        raise SystemExit(f"smoke: Xvfb did not start: {log.read_text(errors='replace')[-1000:]}")
    return server, f":{number}"


def wait_for(path: Path, prefix: str, app: subprocess.Popen, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith(prefix):
                return line
        if app.poll() is not None:
            break
        time.sleep(0.2)
    return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", nargs="?", help="the app to start (e.g. dist/framereader/framereader)")
    parser.add_argument("files", nargs="*", help="files to open (default: the app's bundled sample pair)")
    parser.add_argument("--desktop-file", type=Path, help="run this menu entry's Exec command instead")
    parser.add_argument("--screenshot", type=Path, default=Path("build/smoke-screen.png"),
                        help="where to save the display once the app is ready (needs xwd; default %(default)s)")
    args = parser.parse_args(argv)
    if args.desktop_file:
        command = desktop_command(args.desktop_file, args.files)
    elif args.command:
        command = [args.command, *args.files]
    else:
        parser.error("give a command or --desktop-file")
    if not shutil.which("xdotool"):
        raise SystemExit("smoke: xdotool is missing (apt-get install xdotool; `make dist` installs it)")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="framereader-smoke-") as temp:
        folder = Path(temp)
        server, display = start_xvfb(folder / "xvfb.log")
        out, err = folder / "stdout.txt", folder / "stderr.txt"
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
               "FRAMEREADER_HOME": str(folder / "home")}  # a first start, as on a new machine
        print(f"smoke: starting {shlex.join(command)} on Xvfb {display} (xcb)", flush=True)
        try:
            with out.open("wb") as stdout, err.open("wb") as stderr:
                app = subprocess.Popen([*command, "--smoke"], env=env, stdout=stdout, stderr=stderr)
                try:
                    ready = wait_for(out, "framereader: smoke: ready", app, READY_TIMEOUT_S)
                    if not ready:
                        errors = err.read_text(errors="replace")[-3000:]
                        print(f"smoke: FAILED: the window never got ready (exit {app.poll()}):\n{errors}",
                              file=sys.stderr)
                        return 1
                    took = time.monotonic() - started
                    model = wait_for(out, "framereader: smoke: model", app, 1)
                    print(f"smoke: ready after {took:.1f} s; {model.removeprefix('framereader: smoke: ')}")
                    if shutil.which("xwd"):
                        shot = args.screenshot.resolve()
                        shot.parent.mkdir(parents=True, exist_ok=True)
                        raw = folder / "screen.xwd"
                        subprocess.run(["xwd", "-root", "-silent", "-display", display, "-out", str(raw)],
                                       check=True, timeout=30)
                        if shutil.which("convert"):
                            subprocess.run(["convert", str(raw), str(shot)], check=True, timeout=60)
                        else:
                            shot = shot.with_suffix(".xwd")
                            shutil.copy(raw, shot)
                        print(f"smoke: screenshot of the display: {shot}")
                    window = ready.split()[-1]
                    xenv = {**os.environ, "DISPLAY": display}
                    subprocess.run(["xdotool", "windowfocus", "--sync", window], env=xenv, check=True, timeout=30)
                    subprocess.run(["xdotool", "key", "ctrl+q"], env=xenv, check=True, timeout=30)
                    code = app.wait(timeout=60)
                finally:
                    if app.poll() is None:
                        app.send_signal(signal.SIGKILL)
                        app.wait()
        finally:
            server.terminate()
            server.wait(timeout=10)
        errors = err.read_text(encoding="utf-8", errors="replace")
    problems = []
    if code != 0:
        problems.append(f"exit status {code}")
    if "Traceback" in errors or "Segmentation" in errors:
        problems.append("a traceback on stderr")
    if " 0 entities" in model or "blank" in model or not model:
        problems.append(f"no trained pipeline found entities ({model or 'no model line'})")
    if problems:
        print(f"smoke: FAILED: {'; '.join(problems)}\n{errors[-3000:]}", file=sys.stderr)
        return 1
    print(f"smoke: OK: {shlex.join(command)} started on xcb, analysed and compared the pair and quit "
          f"cleanly ({time.monotonic() - started:.1f} s in all)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
