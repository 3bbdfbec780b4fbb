"""Undoable edits of the year's pledge (header and key contents) and of the units' registrations.

Each function is one step on the undo stack: it captures what it needs to restore, calls
`session.perform`, and lets a refusal (`BlocError`) propagate with nothing recorded.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from data import pledges
from data.db import Database
from data.errors import InputError
from data.model import Pledge, Registration
from data.vntext import clean, clean_multiline, parse_date
from ui.session import PLEDGE, REGISTRATIONS, Session

HEADER_LABELS = {"title": "tên văn bản", "signed_on": "ngày ký", "place": "địa điểm ký"}


def _rewrite(db: Database, year: int, change: Callable[[Pledge], Pledge]) -> Pledge:
    """Load the year's pledge, change it and save it whole (one transaction)."""
    return pledges.save_pledge(db, change(pledges.get_pledge(db, year)))


def _with_contents(change: Callable[[list[str]], None]) -> Callable[[Pledge], Pledge]:
    def apply(pledge: Pledge) -> Pledge:
        contents = list(pledge.contents)
        change(contents)
        return dataclasses.replace(pledge, contents=tuple(contents))

    return apply


def _normalised(field: str, value: str) -> str:
    if field == "signed_on":
        value = clean(value)
        return parse_date(value).isoformat() if value else ""
    return clean(value)


def set_header(session: Session, year: int, field: str, value: str) -> bool:
    """Change the title, the date signed ("20/2/2019") or the place; False when nothing changed."""
    if field not in HEADER_LABELS:
        raise ValueError(field)
    new = _normalised(field, value)  # a bad date is refused here, before anything is recorded
    old = getattr(pledges.get_pledge(session.db, year), field)
    if new == old:
        return False
    db = session.db
    session.perform(
        f"Sửa {HEADER_LABELS[field]} của giao ước năm {year}",
        lambda: _rewrite(db, year, lambda p: dataclasses.replace(p, **{field: new})),
        lambda: _rewrite(db, year, lambda p: dataclasses.replace(p, **{field: old})),
        PLEDGE,
    )
    return True


def add_content(session: Session, year: int, text: str) -> int:
    """Append a key content; returns its index (0-based)."""
    text = clean_multiline(text)
    if not text:
        raise InputError("Nội dung giao ước không được để trống.")
    db = session.db
    index = len(pledges.get_pledge(db, year).contents)
    session.perform(
        f"Thêm nội dung giao ước số {index + 1} (năm {year})",
        lambda: _rewrite(db, year, _with_contents(lambda c: c.insert(index, text))),
        lambda: _rewrite(db, year, _with_contents(lambda c: c.pop(index))),
        PLEDGE,
    )
    return index


def edit_content(session: Session, year: int, index: int, text: str) -> bool:
    """Replace the text of a key content; False when it did not change."""
    db = session.db
    old = pledges.get_pledge(db, year).contents[index]
    new = clean_multiline(text)
    if new == old:
        return False

    def put(value: str) -> Callable[[list[str]], None]:
        return lambda contents: contents.__setitem__(index, value)

    session.perform(
        f"Sửa nội dung giao ước số {index + 1} (năm {year})",
        lambda: _rewrite(db, year, _with_contents(put(new))),
        lambda: _rewrite(db, year, _with_contents(put(old))),
        PLEDGE,
    )
    return True


def remove_content(session: Session, year: int, index: int) -> None:
    """Delete a key content; the following ones move up."""
    db = session.db
    old = pledges.get_pledge(db, year).contents[index]
    session.perform(
        f"Xóa nội dung giao ước số {index + 1} (năm {year})",
        lambda: _rewrite(db, year, _with_contents(lambda c: c.pop(index))),
        lambda: _rewrite(db, year, _with_contents(lambda c: c.insert(index, old))),
        PLEDGE,
    )


def _move(source: int, target: int) -> Callable[[list[str]], None]:
    return lambda contents: contents.insert(target, contents.pop(source))


def move_content(session: Session, year: int, index: int, target: int) -> bool:
    """Move a key content to another place (0-based); False when it cannot move there."""
    db = session.db
    count = len(pledges.get_pledge(db, year).contents)
    if not (0 <= index < count and 0 <= target < count) or index == target:
        return False
    direction = "lên" if target < index else "xuống"
    session.perform(
        f"Chuyển nội dung giao ước số {index + 1} {direction} (năm {year})",
        lambda: _rewrite(db, year, _with_contents(_move(index, target))),
        lambda: _rewrite(db, year, _with_contents(_move(target, index))),
        PLEDGE,
    )
    return True


def save_registration(session: Session, registration: Registration, unit_name: str) -> None:
    """Create or replace a unit's registration for its year."""
    db = session.db
    year, unit_id = registration.year, registration.unit_id
    old = pledges.registrations(db, year).get(unit_id)

    def restore() -> None:
        if old is None:
            pledges.delete_registration(db, year, unit_id)
        else:
            pledges.save_registration(db, old)

    session.perform(
        f"{'Sửa' if old else 'Ghi'} đăng ký thi đua năm {year} của {unit_name}",
        lambda: pledges.save_registration(db, registration),
        restore,
        REGISTRATIONS,
    )


def withdraw_registration(session: Session, year: int, unit_id: int, unit_name: str) -> None:
    """Withdraw a unit's registration (undo puts it back as it was)."""
    db = session.db
    old = pledges.registrations(db, year).get(unit_id)
    if old is None:
        raise InputError(f"{unit_name} chưa đăng ký thi đua năm {year}.")
    session.perform(
        f"Xóa đăng ký thi đua năm {year} của {unit_name}",
        lambda: pledges.delete_registration(db, year, unit_id),
        lambda: pledges.save_registration(db, old),
        REGISTRATIONS,
    )
