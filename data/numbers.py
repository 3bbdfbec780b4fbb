"""Numbers typed by users: accepted as numbers or Vietnamese-formatted text, refused clearly."""

from __future__ import annotations

import math

from data.errors import InputError
from data.vntext import parse_number


def as_number(value: object, label: str) -> float:
    """A finite float from a number or text such as “95,5”; `label` names the field in errors."""
    if isinstance(value, bool):
        raise InputError(f"{label}: “{value}” không phải là số.")
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = parse_number(value)
        except InputError as exc:
            raise InputError(f"{label}: {exc.message}") from None
    else:
        raise InputError(f"{label}: “{value}” không phải là số.")
    if not math.isfinite(number):
        raise InputError(f"{label}: “{value}” không phải là số.")
    return number


def as_optional_number(value: object, label: str) -> float | None:
    """Like as_number, but None or blank text mean “no value”."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return as_number(value, label)
