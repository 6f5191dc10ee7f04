"""Qt user interface. Never calls spaCy directly; consumes core Analysis results."""
