"""Undoable edits: each performs a repository change through the session and knows its undo."""
