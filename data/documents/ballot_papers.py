"""Phiếu bầu: one paper per round of the year-end ballot (what it decides, how many may be
chosen, a box per candidate), as many copies as member units present."""

from __future__ import annotations

from data.documents.common import Imprint, meeting_missing, round_title
from data.documents.content import BallotPaper, Document, Section
from data.documents.record import YearRecord

KIND = "ballots"
LABEL = "Phiếu bầu"


def missing(record: YearRecord) -> list[str]:
    """What the ballot papers need and the year does not have yet."""
    if record.meeting is None:
        return meeting_missing(record)
    found = []
    if record.quorum is None or record.quorum.present == 0:
        found.append("chưa điểm danh các đơn vị dự hội nghị: số phiếu in theo số đơn vị có mặt "
                     "(trang Hội nghị)")
    if not record.reports:
        found.append("chưa có vòng bỏ phiếu nào có danh sách bầu (trang Bỏ phiếu)")
    return found


def choices_phrase(choices: int) -> str:
    """How many a paper may choose: "không quá 3 đơn vị", "01 đơn vị"."""
    return f"không quá {choices} đơn vị" if choices > 1 else "01 đơn vị"


def instruction(choices: int) -> str:
    """How to fill the paper in, and when it is invalid."""
    return (f"Mỗi phiếu chọn {choices_phrase(choices)}: đánh dấu X vào ô “Đồng ý” của đơn vị "
            f"được chọn. Phiếu chọn quá {choices} đơn vị, hoặc ghi thêm tên, là phiếu không hợp "
            "lệ.")


def build(record: YearRecord, imprint: Imprint) -> Document:
    """A paper for every round, each printed once per unit present."""
    assert record.quorum is not None
    papers = tuple(
        BallotPaper(record.bloc.name, "Phiếu bầu",
                    f"{round_title(record, report)}"
                    f"{f' (vòng {report.round.round_no})' if report.round.round_no > 1 else ''}",
                    instruction(report.round.choices),
                    tuple(record.name(u) for u in report.round.candidates),
                    record.quorum.present)
        for report in record.reports)
    return Document(KIND, record.year, f"{LABEL} năm {record.year}", (Section(papers),),
                    imprint.issued_on, "", imprint.draft, imprint.profile.id)
