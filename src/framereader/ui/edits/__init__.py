"""edits: see docs/architecture.md."""
