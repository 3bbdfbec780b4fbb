"""The register of issued documents (sổ đăng ký văn bản đi): issuing takes the next number of
the document's series, reprinting reads the same number back."""

from __future__ import annotations

import datetime
import sqlite3
from dataclasses import dataclass

from data import audit
from data.db import Database, transaction
from data.documents.profiles import PageProfile
from data.errors import InputError


@dataclass(frozen=True)
class IssuedDocument:
    """A numbered document of a year, as registered when it was issued."""

    id: int
    year: int
    kind: str
    type_code: str
    profile: str
    series: str
    number: int
    number_text: str
    issued_on: datetime.date
    title: str = ""
    issued_by: str = ""
    created_at: str = ""


def _issued(row: sqlite3.Row) -> IssuedDocument:
    return IssuedDocument(
        row["id"], row["year"], row["kind"], row["type_code"], row["profile"], row["series"],
        row["number"], row["number_text"], datetime.date.fromisoformat(row["issued_on"]),
        row["title"], row["issued_by"], row["created_at"])


def issued(db: Database, year: int, kind: str) -> IssuedDocument | None:
    """The year's document of that kind if it has been issued, else None."""
    row = db.conn.execute("SELECT * FROM documents WHERE year = :y AND kind = :k",
                          {"y": year, "k": kind}).fetchone()
    return None if row is None else _issued(row)


def register(db: Database, year: int | None = None) -> list[IssuedDocument]:
    """Issued documents (of one year, or all), in the order they were numbered."""
    where, params = ("WHERE year = :y", {"y": year}) if year is not None else ("", {})
    rows = db.conn.execute(f"SELECT * FROM documents {where} ORDER BY series, number", params)
    return [_issued(r) for r in rows.fetchall()]


def next_number(db: Database, series: str) -> int:
    """The number the next document of that series would take."""
    row = db.conn.execute("SELECT coalesce(max(number), 0) + 1 FROM documents"
                          " WHERE series = :s", {"s": series}).fetchone()
    return int(row[0])


def issue(db: Database, year: int, kind: str, *, type_code: str, profile: PageProfile,
          code: str, issued_on: datetime.date, title: str) -> IssuedDocument:
    """Give the year's document of that kind its number (the next of its series), or return
    the number it already has: a reprint keeps its number, date and profile."""
    existing = issued(db, year, kind)
    if existing is not None:
        return existing
    if not code.strip():
        raise InputError("Khối chưa có chữ viết tắt dùng trong số văn bản (ví dụ: KTĐNC): hãy "
                         "nhập ở Tệp › Thông tin khối trước khi cấp số.")
    series = profile.numbering.series(type_code, issued_on)
    with transaction(db):
        number = next_number(db, series)
        text = profile.numbering.text(number, type_code, code)
        cur = db.conn.execute(
            "INSERT INTO documents (year, kind, type_code, profile, series, number, number_text,"
            " issued_on, title, issued_by, created_at) VALUES (:y, :k, :t, :p, :s, :n, :x, :d,"
            " :title, :by, :at)",
            {"y": year, "k": kind, "t": type_code, "p": profile.id, "s": series, "n": number,
             "x": text, "d": issued_on.isoformat(), "title": title, "by": audit.actor(),
             "at": audit.now_iso()})
        audit.record(db, "issue", "document", cur.lastrowid, year=year, kind=kind,
                     number=text, issued_on=issued_on.isoformat())
    found = issued(db, year, kind)
    assert found is not None
    return found


def withdraw(db: Database, year: int, kind: str) -> IssuedDocument:
    """Take back the number of a document issued by mistake (to undo issuing); refused unless
    it is the last number of its series, so that no gap is left in the register."""
    found = issued(db, year, kind)
    if found is None:
        raise InputError(f"Văn bản này của năm {year} chưa được cấp số.")
    if next_number(db, found.series) != found.number + 1:
        raise InputError(f"Không hủy được “{found.number_text}”: đã có văn bản cấp số sau "
                         "nó trong sổ.")
    with transaction(db):
        db.conn.execute("DELETE FROM documents WHERE id = :id", {"id": found.id})
        audit.record(db, "withdraw", "document", found.id, year=year, kind=kind,
                     number=found.number_text)
    return found
