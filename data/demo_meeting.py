"""The demo bloc's 2019 year-end meeting (seed 002): attendance, ballots, nominations, officers.

"Chiều 3-12, tại Cục Thi hành án dân sự tỉnh, Khối thi đua các cơ quan nội chính tỉnh tổ chức hội
nghị tổng kết công tác thi đua, khen thưởng năm 2019." People are invented. The counts are
consistent: 8 of 8 units present, every count typed twice and matching.
"""

from __future__ import annotations

from collections.abc import Mapping

from data import awards, ballots, meetings, nominations
from data.db import Database
from data.errors import InputError
from data.meeting_model import (
    AgendaItem,
    Attendance,
    CommitteeMember,
    Guest,
    Meeting,
    MeetingKind,
    Purpose,
)
from data.units import members

CTHADS, TAND, VKSND = ("Cục Thi hành án dân sự tỉnh", "Tòa án nhân dân tỉnh",
                       "Viện Kiểm sát nhân dân tỉnh")
CAT, BCHQS, SNV = "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Sở Nội vụ"

MEETING = Meeting(
    0, 2019, MeetingKind.YEAR_END, held_on="2019-12-03", start_time="14:00", end_time="16:30",
    place="Cục Thi hành án dân sự tỉnh Bắc Ninh",
    chair_name="Nguyễn Văn Khải",
    chair_title="Cục trưởng Cục Thi hành án dân sự tỉnh, Trưởng Khối thi đua",
    secretary_name="Lê Thị Thu Trang",
    secretary_title="Chánh Văn phòng Cục Thi hành án dân sự tỉnh",
    guests=(Guest("Đặng Văn Bình", "Phó Trưởng Ban Thi đua - Khen thưởng tỉnh"),
            Guest("Phan Thị Ngọc Anh", "Chuyên viên Ban Thi đua - Khen thưởng tỉnh")),
    agenda=(
        AgendaItem("Báo cáo tổng kết công tác thi đua, khen thưởng năm 2019 và phương hướng, "
                   "nhiệm vụ năm 2020",
                   "Các đơn vị thống nhất với dự thảo báo cáo; đề nghị năm 2020 tăng cường giao "
                   "lưu, trao đổi kinh nghiệm giữa các cơ quan nội chính.",
                   "Hội nghị thông qua báo cáo tổng kết."),
        AgendaItem("Thông qua kết quả chấm điểm, xếp hạng thi đua năm 2019",
                   "Bộ Chỉ huy Quân sự tỉnh đề nghị Khối sớm thẩm định các nội dung còn lại.",
                   "Hội nghị thống nhất kết quả chấm điểm, xếp hạng; Trưởng khối hoàn thành "
                   "thẩm định trước khi gửi hồ sơ."),
        AgendaItem("Bỏ phiếu suy tôn, bình xét khen thưởng năm 2019", "",
                   "Hội nghị thống nhất đề nghị khen thưởng theo kết quả kiểm phiếu."),
        AgendaItem("Bầu Trưởng khối, Phó khối năm 2020", "",
                   "Sở Nội vụ là Trưởng khối, Công an tỉnh là Phó khối năm 2020."),
    ),
    committee=(
        CommitteeMember("Đào Thị Minh Huệ", "Phó Chánh Văn phòng Tòa án nhân dân tỉnh",
                        "Trưởng ban"),
        CommitteeMember("Bùi Văn Long", "Chánh Văn phòng Sở Tư pháp", "Thành viên"),
        CommitteeMember("Trương Thị Hạnh", "Chuyên viên Sở Nội vụ", "Thành viên"),
    ),
)
# Units represented by someone other than their head: unit -> (name, title).
DEPUTISED = {CAT: ("Trịnh Quốc Bảo", "Phó Giám đốc"),
             BCHQS: ("Lương Văn Tùng", "Phó Chỉ huy trưởng")}

# purpose, award form code, choices per ballot, seats, (issued, received, valid, invalid),
# candidates with yes votes. 8 members, all present; base = members (8); pass mark > 50 %.
ROUNDS: tuple[tuple[Purpose, str | None, int, int, tuple[int, int, int, int],
                    tuple[tuple[str, int], ...]], ...] = (
    (Purpose.AWARD, "CO_TINH", 2, 2, (8, 8, 8, 0), ((CTHADS, 8), (CAT, 7))),
    (Purpose.AWARD, "BK_TTG", 1, 1, (8, 8, 8, 0), ((TAND, 7),)),
    (Purpose.AWARD, "BK_TINH", 3, 3, (8, 8, 7, 1), ((SNV, 7), (VKSND, 6), (BCHQS, 5))),
    (Purpose.HEAD, None, 1, 1, (8, 8, 8, 0), ((SNV, 8),)),
    (Purpose.DEPUTY, None, 1, 1, (8, 8, 8, 0), ((CAT, 7),)),
)
ACHIEVEMENTS = {
    CTHADS: "Dẫn đầu Khối năm 2019 (109,6 điểm); thi hành xong 108 % chỉ tiêu về việc, "
            "có mô hình “Thi hành án dân sự thân thiện” được tỉnh công nhận.",
    CAT: "Xếp thứ hai (109 điểm); kéo giảm tội phạm hình sự, điều tra làm rõ trên 80 % số vụ "
         "án; có mô hình phòng, chống tội phạm được tỉnh công nhận.",
    TAND: "Xếp thứ ba (105 điểm); giải quyết trên 95 % số vụ án thụ lý, không có bản án bị "
          "hủy do lỗi chủ quan.",
    SNV: "Xếp thứ tư (105 điểm); tham mưu sắp xếp tổ chức bộ máy đúng tiến độ, thẩm định "
         "100 % hồ sơ khen thưởng đúng hạn.",
    VKSND: "Xếp thứ năm (103,69 điểm); kiểm sát 100 % tin báo, tố giác tội phạm; truy tố "
           "đúng thời hạn 100 % vụ án.",
    BCHQS: "Xếp thứ sáu (100,6 điểm); hoàn thành 100 % chỉ tiêu tuyển quân, huấn luyện dân "
           "quân tự vệ đạt khá trở lên.",
}


def build_demo_meeting(db: Database, ids: Mapping[str, int]) -> Meeting:
    """Record the 2019 year-end meeting of the demo bloc through the repositories."""
    meeting = meetings.save_meeting(db, MEETING)
    meetings.save_attendance(db, meeting.id, [
        Attendance(unit.id, True, *DEPUTISED.get(unit.name, (m.head_name, m.head_title)))
        for unit, m in members(db, 2019)
    ])
    for purpose, code, choices, seats, numbers, votes in ROUNDS:
        form_id = awards.form_by_code(db, code).id if code else None
        ballot = ballots.add_round(db, meeting.id, purpose, [ids[name] for name, _ in votes],
                                   award_form_id=form_id, choices=choices, seats=seats)
        issued, received, valid, invalid = numbers
        for entry, typist in zip((1, 2), meeting.committee, strict=False):
            problems = ballots.save_count(  # each entry typed by a member of the committee
                db, ballot.id, entry, issued=issued, received=received, valid=valid,
                invalid=invalid, votes={ids[name]: count for name, count in votes},
                entered_by=typist.name)
            if problems:  # the demo's numbers are consistent: this would be a bug
                raise InputError("; ".join(p.message for p in problems))
        if purpose is Purpose.AWARD:
            for item in nominations.nominate_from_round(db, ballot.id):
                name = next(n for n, i in ids.items() if i == item.unit_id)
                nominations.update_nomination(db, item.id, achievements=ACHIEVEMENTS[name])
    return meeting
