"""Bản giao ước thi đua: the key contents, a signature grid for every member unit, and the table
of the units' registrations attached."""

from __future__ import annotations

from data.documents.common import Imprint, iso_date, letterhead
from data.documents.content import Block, Document, Role, Section, Signatures, Signer, para
from data.documents.record import YearRecord
from data.documents.tables import registration_table
from data.vntext import date_phrase, short_date

KIND = "pledge"
LABEL = "Bản giao ước thi đua"


def missing(record: YearRecord) -> list[str]:
    """What the pledge needs and the year does not have yet."""
    pledge, found = record.pledge, []
    if not pledge.signed_on:
        found.append(f"giao ước thi đua năm {record.year} chưa có ngày ký (trang Giao ước)")
    if not pledge.contents:
        found.append(f"giao ước thi đua năm {record.year} chưa có nội dung (trang Giao ước)")
    if not record.order:
        found.append(f"năm {record.year} chưa có đơn vị thành viên (trang Đơn vị)")
    lacking = [record.name(u) for u in record.order if not record.memberships[u].head_name]
    if lacking:
        found.append(f"chưa có họ tên thủ trưởng ký giao ước của: {'; '.join(lacking)} "
                     "(trang Đơn vị)")
    return found


def signing_order(record: YearRecord) -> list[int]:
    """The head unit first, then the deputies, then the other units in Vietnamese order."""
    first = [u for u in (record.officers.head, *record.officers.deputies)
             if u is not None and u in record.units]
    return first + [u for u in record.order if u not in first]


def build(record: YearRecord, imprint: Imprint) -> Document:
    """The pledge with its signature grid, then the registrations."""
    pledge = record.pledge
    signed_on = iso_date(pledge.signed_on)
    place = f", tại {pledge.place}" if pledge.place else ""
    signers = tuple(
        Signer(record.memberships[u].head_title or "Thủ trưởng đơn vị",
               record.memberships[u].head_name, above=record.name(u))
        for u in signing_order(record))
    blocks: list[Block] = [
        para("Bản giao ước thi đua", Role.TITLE),
        para(pledge.title or f"Năm {record.year}", Role.SUBJECT),
        para(f"Thực hiện phong trào thi đua năm {record.year}, hôm nay, {date_phrase(signed_on)}"
             f"{place}, các đơn vị thành viên {record.bloc.name} cùng ký kết giao ước thi đua "
             "với những nội dung chủ yếu sau:", keep_with_next=True),
        *(para(f"{i}. {text}") for i, text in enumerate(pledge.contents, start=1)),
        para("Các đơn vị thành viên cam kết tổ chức thực hiện tốt các nội dung giao ước; Trưởng "
             "khối theo dõi, đôn đốc và tổng hợp kết quả thực hiện làm căn cứ chấm điểm, xếp hạng "
             f"thi đua năm {record.year}./.", keep_with_next=True),
        Signatures(signers, per_row=3 if len(signers) > 2 else len(signers),
                   heading="Đại diện các đơn vị thành viên ký giao ước"),
    ]
    attached: list[Block] = [
        para(f"Bảng tổng hợp đăng ký thi đua năm {record.year}", Role.TITLE),
        para(f"(Kèm theo Bản giao ước thi đua ngày {short_date(signed_on)} của "
             f"{record.bloc.name})", Role.NOTE),
        registration_table(record),
    ]
    return Document(KIND, record.year, f"{LABEL} năm {record.year}", (
        Section(tuple(blocks), letterhead(record, imprint)),
        Section(tuple(attached), restart_numbering=True),
    ), imprint.issued_on, "", imprint.draft, imprint.profile.id)
