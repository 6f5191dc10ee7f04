"""platform: see docs/architecture.md."""
