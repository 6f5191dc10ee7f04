"""lexicons: see docs/architecture.md."""
