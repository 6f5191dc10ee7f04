"""The lesson guide (Help ▸ Lesson Guide) and the keyboard shortcuts (Help ▸ Keyboard Shortcuts)."""
