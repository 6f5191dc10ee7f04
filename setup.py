"""Build hook (the rest of the project's metadata is in pyproject.toml): a wheel carries the
repository's resources/ folder (bundled lexicons, sample texts, icon, desktop file) inside the
package as framereader/resources, so an installed copy (pip, pipx) finds them. An editable
install and the PyInstaller build read them from the repository instead."""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithResources(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        source = Path(__file__).resolve().parent / "resources"
        target = Path(self.build_lib) / "framereader" / "resources"
        for path in sorted(source.rglob("*")):
            if path.is_file():
                destination = target / path.relative_to(source)
                self.mkpath(str(destination.parent))
                self.copy_file(str(path), str(destination))


setup(cmdclass={"build_py": BuildWithResources})
