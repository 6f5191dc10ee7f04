"""`python -m framereader` runs the same entry point as the `framereader` command."""

from .cli import main

raise SystemExit(main())
