"""Errors whose message is meant for the user, always in Vietnamese."""

from __future__ import annotations


class BlocError(Exception):
    """An error a secretariat user can read and act on."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(BlocError, ValueError):
    """Refused input: a value out of range, a duplicate, a non-number, an unknown year."""


class FileFormatError(BlocError):
    """A bloc file that cannot be opened: damaged, not a bloc file, or from a newer version."""


class FileAccessError(BlocError):
    """A bloc file that cannot be read or written: locked, read-only, disk full."""
