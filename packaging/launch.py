"""PyInstaller entry script: the same entry point as the `framereader` command."""

from framereader.cli import main

raise SystemExit(main())
