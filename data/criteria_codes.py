"""Codes suggested for a new node of the criteria table: I, II… for sections; 1, 2… and
1a, 1b… below them; T1, T2… among bonus items."""

from __future__ import annotations

import re
from collections.abc import Iterable

from data.model import Criterion

_ROMAN = (("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))


def _roman(number: int) -> str:
    text = ""
    for letters, value in _ROMAN:
        count, number = divmod(number, value)
        text += letters * count
    return text


def _next_code(code: str) -> str:
    numerals = {_roman(n): n for n in range(1, 50)}
    if code in numerals:
        return _roman(numerals[code] + 1)
    if m := re.fullmatch(r"(.*?)(\d+)", code):
        return f"{m[1]}{int(m[2]) + 1}"
    if (m := re.fullmatch(r"(.*?)([a-yA-Y])", code)) and m[2].isascii():
        return m[1] + chr(ord(m[2]) + 1)
    return ""


def suggest_code(nodes: Iterable[Criterion], parent_id: int | None) -> str:
    """The code a new node under `parent_id` most likely takes: I, II… / 1, 2… / 1a, 1b…."""
    table = list(nodes)
    siblings = sorted((n for n in table if n.parent_id == parent_id),
                      key=lambda n: (n.position, n.id))
    if siblings:
        return _next_code(siblings[-1].code)
    parent = next((n for n in table if n.id == parent_id), None)
    if parent is None:
        return "I"
    if parent.parent_id is None:  # criteria are often numbered through the whole table
        roots = {n.id for n in table if n.parent_id is None}
        used = [int(n.code) for n in table if n.parent_id in roots and n.code.isdigit()]
        return str(max(used, default=0) + 1)
    return f"{parent.code}a"
