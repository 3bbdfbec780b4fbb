"""The six documents of a year and how one is made: check its data, choose the profile and the
date, take or read back its number, then build its content."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from data.db import Database
from data.documents import (
    ballot_papers,
    minutes,
    pledge,
    register,
    score_summary,
    submission,
    vote_count,
)
from data.documents.common import Imprint, MissingData, bare_number, iso_date
from data.documents.content import Document
from data.documents.profiles import PageProfile, load_profile
from data.documents.record import YearRecord, load_record
from data.errors import InputError
from data.vntext import short_date


@dataclass(frozen=True)
class Kind:
    """A kind of document: its command-line key, name, type code if numbered, and its date."""

    key: str
    label: str
    type_code: str | None  # BB, TTr; None: the document takes no number
    dated_by: str  # "meeting": the meeting day; "pledge": the signing day; "chosen": any day
    build: Callable[[YearRecord, Imprint], Document]
    missing: Callable[[YearRecord], list[str]]


# In the order a year produces them (and a whole set is numbered).
KINDS: dict[str, Kind] = {k.key: k for k in (
    Kind(pledge.KIND, pledge.LABEL, None, "pledge", pledge.build, pledge.missing),
    Kind(ballot_papers.KIND, ballot_papers.LABEL, None, "meeting", ballot_papers.build,
         ballot_papers.missing),
    Kind(vote_count.KIND, vote_count.LABEL, "BB", "meeting", vote_count.build,
         vote_count.missing),
    Kind(minutes.KIND, minutes.LABEL, "BB", "meeting", minutes.build, minutes.missing),
    Kind(submission.KIND, submission.LABEL, "TTr", "chosen", submission.build,
         submission.missing),
    Kind(score_summary.KIND, score_summary.LABEL, None, "chosen", score_summary.build,
         score_summary.missing),
)}


@dataclass(frozen=True)
class Made:
    """A document made, with its register entry (None when unnumbered or a draft) and whether
    the number was taken just now."""

    document: Document
    issued: register.IssuedDocument | None = None
    fresh: bool = False


def kind_of(key: str) -> Kind:
    """The kind for a key, or a refusal listing the valid keys."""
    if key not in KINDS:
        raise InputError(f"Không có loại văn bản “{key}”; các loại: {', '.join(KINDS)}.")
    return KINDS[key]


def missing(record: YearRecord, kind: Kind) -> list[str]:
    """Everything the document needs and the year lacks (empty: it can be made)."""
    found = kind.missing(record)
    if kind.type_code and not record.bloc.code:
        found.append("khối chưa có chữ viết tắt dùng trong số văn bản, ví dụ KTĐNC (thông tin "
                     "khối)")
    return found


def fixed_date(record: YearRecord, kind: Kind) -> datetime.date | None:
    """The day the document must bear (the meeting's, the pledge's), or None when chosen."""
    if kind.dated_by == "pledge":
        return iso_date(record.pledge.signed_on)
    if kind.dated_by == "meeting" and record.meeting is not None:
        return iso_date(record.meeting.held_on)
    return None


def _date(record: YearRecord, kind: Kind, asked: datetime.date | None,
          issued: register.IssuedDocument | None) -> datetime.date:
    fixed = fixed_date(record, kind)
    if issued is not None and asked not in (None, issued.issued_on):
        raise InputError(f"{kind.label} năm {record.year} đã cấp số "
                         f"{bare_number(issued.number_text)} ngày "
                         f"{short_date(issued.issued_on)}; in lại giữ nguyên số và ngày.")
    if fixed is not None and asked not in (None, fixed):
        raise InputError(f"{kind.label} mang ngày {short_date(fixed)} "
                         f"({'ngày ký' if kind.dated_by == 'pledge' else 'ngày họp'}); "
                         "không chọn ngày khác được.")
    if issued is not None:
        return issued.issued_on
    if asked is not None:
        return asked
    if fixed is not None:
        return fixed
    held = record.meeting.held_on if record.meeting is not None else ""
    return iso_date(held) if held else datetime.date.today()


@dataclass(frozen=True)
class _Plan:
    """What a document of the year is made with: its kind and data, profile, date, number."""

    kind: Kind
    record: YearRecord
    profile: PageProfile
    day: datetime.date
    issued: register.IssuedDocument | None


def _plan(db: Database, year: int, key: str, profile_id: str | None, draft: bool,
          issued_on: datetime.date | None, record: YearRecord | None) -> _Plan:
    kind = kind_of(key)
    record = record if record is not None else load_record(db, year)
    gaps = missing(record, kind)
    if gaps:
        raise MissingData(f"{kind.label.lower()} năm {year}", gaps)
    issued = register.issued(db, year, kind.key) if kind.type_code else None
    if issued is not None and profile_id not in (None, issued.profile) and not draft:
        raise InputError(f"{kind.label} năm {year} đã cấp số theo thể thức “{issued.profile}”; "
                         "in lại giữ nguyên thể thức (hoặc in bản nháp).")
    profile = load_profile(profile_id or (issued.profile if issued and not draft
                                          else record.bloc.profile))
    day = _date(record, kind, issued_on, None if draft else issued)
    return _Plan(kind, record, profile, day, None if draft else issued)


@dataclass(frozen=True)
class NextNumber:
    """What issuing a document would give it: the number as printed, the date, the profile."""

    number_text: str
    issued_on: datetime.date
    profile: PageProfile


def next_number(db: Database, year: int, key: str, *, profile_id: str | None = None,
                issued_on: datetime.date | None = None) -> NextNumber:
    """The number, date and profile a document would be issued with now (nothing written)."""
    plan = _plan(db, year, key, profile_id, False, issued_on, None)
    if plan.issued is not None:
        return NextNumber(plan.issued.number_text, plan.issued.issued_on, plan.profile)
    type_code = plan.kind.type_code or ""
    series = plan.profile.numbering.series(type_code, plan.day)
    number = register.next_number(db, series)
    text = plan.profile.numbering.text(number, type_code, plan.record.bloc.code)
    return NextNumber(text if type_code else "", plan.day, plan.profile)


def _issue(db: Database, plan: _Plan) -> register.IssuedDocument:
    kind, year = plan.kind, plan.record.year
    assert kind.type_code is not None
    return register.issue(db, year, kind.key, type_code=kind.type_code, profile=plan.profile,
                          code=plan.record.bloc.code, issued_on=plan.day,
                          title=f"{kind.label} năm {year}")


def issue_number(db: Database, year: int, key: str, *, profile_id: str | None = None,
                 issued_on: datetime.date | None = None) -> register.IssuedDocument:
    """Issue the year's document of that kind (its data checked first): the next number of
    its series, or the number it already has. Refused for a kind that takes no number."""
    plan = _plan(db, year, key, profile_id, False, issued_on, None)
    if plan.kind.type_code is None:
        raise InputError(f"{plan.kind.label} không cấp số văn bản.")
    return _issue(db, plan)


def make(db: Database, year: int, key: str, *, profile_id: str | None = None,
         draft: bool = False, issued_on: datetime.date | None = None,
         record: YearRecord | None = None) -> Made:
    """Make one document of the year. Unless `draft`, a numbered kind is issued: it takes the
    next number of its series, or keeps the number it was given before."""
    plan = _plan(db, year, key, profile_id, draft, issued_on, record)
    kind, profile, issued = plan.kind, plan.profile, plan.issued
    number, fresh = "", False
    if kind.type_code and draft:
        number = profile.numbering.text(None, kind.type_code, plan.record.bloc.code)
    elif kind.type_code:
        fresh = issued is None
        issued = _issue(db, plan)
        number = issued.number_text
    reference = ""
    if kind.key == score_summary.KIND:
        sent = register.issued(db, year, submission.KIND)
        if sent is not None:
            reference = (f"Tờ trình số {bare_number(sent.number_text)} ngày "
                         f"{short_date(sent.issued_on)}")
    imprint = Imprint(profile, plan.day, number, draft, reference)
    return Made(kind.build(plan.record, imprint), issued, fresh)
