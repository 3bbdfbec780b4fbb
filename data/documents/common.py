"""Pieces every document shares: the letterhead, the head's signature, phrases of dates, times,
rounds and counts, and the refusal that names what is missing."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from data.documents.content import Letterhead, Signatures, Signer
from data.documents.profiles import PageProfile
from data.documents.record import YearRecord
from data.errors import InputError
from data.meeting_model import Purpose, RoundReport, in_sentence
from data.model import AwardForm
from data.vntext import date_phrase, place_date_line


class MissingData(InputError):
    """A document asked for before its data exists, with every missing piece named."""

    def __init__(self, what: str, missing: Sequence[str]) -> None:
        self.missing = tuple(missing)
        super().__init__(f"Chưa lập được {what}: " + "; ".join(self.missing) + ".")


@dataclass(frozen=True)
class Imprint:
    """How this copy is issued: the profile, the date, the printed number, draft or not."""

    profile: PageProfile
    issued_on: datetime.date
    number: str = ""  # the number line ("Số: 01/BB-KTĐNC"), blank-numbered for a draft
    draft: bool = False
    reference: str = ""  # the submission this attachment goes with: "Tờ trình số … ngày …"


def letterhead(record: YearRecord, imprint: Imprint) -> Letterhead:
    """The header blocks on the bloc's paper: superior body, the bloc, number, place and date."""
    return Letterhead(record.bloc.superior, record.bloc.name, imprint.number,
                      place_date_line(record.bloc.place or "", imprint.issued_on)
                      if record.bloc.place else date_phrase(imprint.issued_on).capitalize())


def head_signer(record: YearRecord, imprint: Imprint) -> Signer:
    """The bloc head's signature: "TM. KHỐI THI ĐUA", "TRƯỞNG KHỐI", the head unit's head."""
    head = record.memberships.get(record.officers.head or 0)
    return Signer(imprint.profile.labels["head"], head.head_name if head else "",
                  f"{imprint.profile.capacity['on_behalf']} Khối thi đua")


def head_signature(record: YearRecord, imprint: Imprint, recipients: Sequence[str] = ()
                   ) -> Signatures:
    """The head's signature; with recipients, "Nơi nhận:" and its lines, the archive last."""
    if not recipients:
        return Signatures((head_signer(record, imprint),), per_row=1)
    lines = [f"- {item};" for item in recipients] + [f"- {imprint.profile.labels['archive']}."]
    return Signatures((head_signer(record, imprint),), per_row=1,
                      recipients_label=imprint.profile.labels["recipients"],
                      recipients=tuple(lines))


def head_missing(record: YearRecord) -> list[str]:
    """What the head's signature lacks: the head unit, or its head's name."""
    if record.officers.head is None:
        return [f"chưa có đơn vị Trưởng khối năm {record.year} (trang Đơn vị)"]
    head = record.memberships.get(record.officers.head)
    if head is None or not head.head_name:
        return [f"chưa có họ tên thủ trưởng của đơn vị Trưởng khối "
                f"“{record.name(record.officers.head)}” (trang Đơn vị)"]
    return []


def bare_number(number_line: str) -> str:
    """The number without its "Số:" label, as cited: "03/TTr-KTĐNC"."""
    return number_line.removeprefix("Số:").removeprefix("Số").lstrip(" ")  # a draft's blank stays


def with_title(name: str, title: str) -> str:
    """"Name, title" (just the name when there is no title)."""
    return f"{name}, {title}" if title else name


def with_note(text: str, note: str) -> str:
    """"text (note)" (just the text when there is no note)."""
    return f"{text} ({note})" if note else text


def time_phrase(hhmm: str) -> str:
    """"14:00" -> "14 giờ 00 phút"."""
    hours, minutes = hhmm.split(":")
    return f"{int(hours)} giờ {minutes} phút"


def iso_date(text: str) -> datetime.date:
    """A stored ISO date."""
    return datetime.date.fromisoformat(text)


def round_title(record: YearRecord, report: RoundReport) -> str:
    """What a round decides, in words: "Suy tôn “Cờ thi đua…”", "Bầu Trưởng khối năm 2020"."""
    ballot = report.round
    if ballot.purpose is Purpose.AWARD:
        form: AwardForm | None = record.forms.get(ballot.award_form_id or 0)
        return f"Suy tôn “{form.name if form else 'hình thức khen thưởng'}” năm {record.year}"
    role = "Trưởng khối" if ballot.purpose is Purpose.HEAD else "Phó khối"
    return f"Bầu {role} năm {record.year + 1}"


def names_phrase(names: Sequence[str]) -> str:
    """"A", "A và B", "A, B và C"."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " và " + names[-1]


def unagreed_rounds(record: YearRecord) -> list[str]:
    """Rounds whose counts are not typed twice and matching: the document cannot show them."""
    return [f"vòng {r.round.round_no} {in_sentence(round_title(record, r))} chưa có kết quả "
            f"kiểm phiếu thống nhất ({r.status.label.lower()})"
            for r in record.reports if r.result is None]


def meeting_missing(record: YearRecord) -> list[str]:
    """What the year-end meeting's record lacks for its minutes."""
    meeting = record.meeting
    if meeting is None:
        return [f"năm {record.year} chưa có hội nghị tổng kết (trang Hội nghị)"]
    lacking = [label for label, value in (
        ("ngày họp", meeting.held_on), ("giờ bắt đầu", meeting.start_time),
        ("giờ kết thúc", meeting.end_time), ("địa điểm", meeting.place),
        ("họ tên người chủ trì", meeting.chair_name),
        ("họ tên thư ký", meeting.secretary_name)) if not value]
    found = [f"hội nghị tổng kết chưa ghi {', '.join(lacking)} (trang Hội nghị)"] if lacking else []
    if record.quorum is None or record.quorum.present == 0:
        found.append("chưa điểm danh các đơn vị dự hội nghị (trang Hội nghị)")
    return found
