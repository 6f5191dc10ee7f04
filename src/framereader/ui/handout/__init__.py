"""handout: see docs/architecture.md."""
