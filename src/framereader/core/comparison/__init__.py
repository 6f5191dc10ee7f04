"""comparison: see docs/architecture.md."""
