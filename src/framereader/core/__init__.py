"""Pure-Python analysis core. Never imports Qt."""
