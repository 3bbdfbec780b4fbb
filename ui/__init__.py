"""The user interfaces: the desktop window (PySide6) and the command line."""
