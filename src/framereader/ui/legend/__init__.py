"""legend: see docs/architecture.md."""
