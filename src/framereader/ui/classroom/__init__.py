"""classroom: see docs/architecture.md."""
