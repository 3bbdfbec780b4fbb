"""Content of the demo bloc: the units of seed 002, invented people and consistent 2019 scores."""

from __future__ import annotations

from typing import Any

from data.model import BlocProfile

PROFILE = BlocProfile(
    name="Khối thi đua các cơ quan nội chính tỉnh",
    council="Hội đồng Thi đua - Khen thưởng tỉnh Bắc Ninh",
    place="Bắc Ninh",
    superior="Hội đồng Thi đua - Khen thưởng tỉnh Bắc Ninh",
    code="KTĐNC",
)

# name, short name, code, head's (invented) name, head's title, women >= 70 %
UNITS = (
    ("Cục Thi hành án dân sự tỉnh", "Cục THADS", "CTHADS", "Nguyễn Văn Khải", "Cục trưởng", False),
    ("Tòa án nhân dân tỉnh", "TAND tỉnh", "TAND", "Trần Minh Đức", "Chánh án", False),
    ("Viện Kiểm sát nhân dân tỉnh", "VKSND tỉnh", "VKSND", "Lê Quang Huy", "Viện trưởng", False),
    ("Thanh tra tỉnh", "Thanh tra tỉnh", "TTT", "Phạm Thị Hồng Nhung", "Chánh Thanh tra", False),
    ("Công an tỉnh", "Công an tỉnh", "CAT", "Đỗ Mạnh Cường", "Giám đốc", False),
    ("Bộ Chỉ huy Quân sự tỉnh", "Bộ CHQS tỉnh", "BCHQS", "Vũ Đình Thắng", "Chỉ huy trưởng", False),
    ("Sở Tư pháp", "Sở Tư pháp", "STP", "Ngô Thị Thu Hà", "Giám đốc", True),
    ("Sở Nội vụ", "Sở Nội vụ", "SNV", "Hoàng Văn Ước", "Giám đốc", False),
)
OFFICERS = {
    2019: ("Cục Thi hành án dân sự tỉnh", ("Tòa án nhân dân tỉnh",)),
    2020: ("Sở Nội vụ", ("Công an tỉnh",)),
}
QUOTAS_2019 = {"CO_CP": 1, "CO_TINH": 2, "BK_TTG": 1, "BK_TINH": 3}

PLEDGE_CONTENTS = (
    "Hoàn thành xuất sắc nhiệm vụ chính trị, chuyên môn được giao năm {year}.",
    "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh theo Chỉ thị "
    "05-CT/TW.",
    "Thực hiện Nghị quyết Trung ương 4 khóa XII về tăng cường xây dựng, chỉnh đốn Đảng.",
    "Đẩy mạnh cải cách hành chính, ứng dụng công nghệ thông tin trong hoạt động của cơ quan.",
    "Thực hành tiết kiệm, chống lãng phí; phòng, chống tham nhũng, tiêu cực.",
    "Xây dựng cơ quan trong sạch, vững mạnh, đạt chuẩn văn hóa; giữ vững an ninh trật tự cơ quan.",
    "Phối hợp chặt chẽ giữa các cơ quan nội chính trong đấu tranh phòng, chống tội phạm.",
    "Tham gia đầy đủ các hoạt động chung của Khối; hưởng ứng các phong trào thi đua do tỉnh "
    "phát động.",
    "Làm tốt công tác thi đua, khen thưởng; phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến.",
)
PLEDGES = {
    2019: ("2019-02-20", "Cục Thi hành án dân sự tỉnh Bắc Ninh", "Giao ước thi đua năm 2019"),
    2020: ("2020-02-18", "Sở Nội vụ tỉnh Bắc Ninh", "Giao ước thi đua năm 2020"),
}

# unit -> (award form code, targets); the title aimed at is the same for all units.
TITLE_AIMED = "Tập thể Lao động xuất sắc"
REGISTRATIONS = {
    "Cục Thi hành án dân sự tỉnh": ("CO_TINH", "Thi hành xong 85 % số việc có điều kiện thi hành.\n"
                                    "Thu hồi trên 60 % số tiền có điều kiện thi hành."),
    "Tòa án nhân dân tỉnh": ("CO_TINH", "Giải quyết trên 95 % số vụ án thụ lý.\n"
                             "Không có bản án bị hủy do lỗi chủ quan."),
    "Viện Kiểm sát nhân dân tỉnh": ("BK_TINH", "Kiểm sát 100 % tin báo, tố giác tội phạm.\n"
                                    "Tỷ lệ truy tố đúng thời hạn đạt 100 %."),
    "Thanh tra tỉnh": ("BK_TINH", "Hoàn thành 100 % kế hoạch thanh tra năm.\n"
                       "Giải quyết trên 90 % đơn thư thuộc thẩm quyền."),
    "Công an tỉnh": ("CO_TINH", "Kéo giảm 5 % số vụ phạm pháp hình sự.\n"
                     "Điều tra làm rõ trên 80 % số vụ án hình sự."),
    "Bộ Chỉ huy Quân sự tỉnh": ("BK_TINH", "Hoàn thành 100 % chỉ tiêu tuyển quân.\n"
                                "Huấn luyện dân quân tự vệ đạt khá trở lên."),
    "Sở Tư pháp": ("BK_TINH", "Thẩm định 100 % dự thảo văn bản quy phạm pháp luật đúng hạn.\n"
                   "Trợ giúp pháp lý cho 100 % người có yêu cầu."),
    "Sở Nội vụ": ("BK_TINH", "Tham mưu sắp xếp tổ chức bộ máy đúng tiến độ.\n"
                  "Thẩm định 100 % hồ sơ khen thưởng đúng hạn."),
}
REGISTERED_2020 = ("Sở Nội vụ", "Công an tỉnh", "Cục Thi hành án dân sự tỉnh", "Sở Tư pháp",
                   "Tòa án nhân dân tỉnh")

# The 100-point table of the demo material: (code, parent code, title, max, kind, layer, extra)
GRADE_KIND = "qualitative"
CRITERIA: tuple[tuple[str, str | None, str, float, str, str, dict[str, Any]], ...] = (
    ("I", None, "THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ, CHUYÊN MÔN", 50, "group", "verified", {}),
    ("1", "I", "Hoàn thành các chỉ tiêu, nhiệm vụ được giao trong năm", 30, "group", "verified",
     {}),
    ("1a", "1", "Các chỉ tiêu chuyên môn chủ yếu (thực hiện / kế hoạch)", 20, "quantitative",
     "verified", {"excess_rate": 1.0, "excess_cap": 0.10,
                  "guidance": "Vượt kế hoạch: thưởng 1 % điểm tối đa cho mỗi 1 % vượt, "
                              "tối đa 10 % điểm tối đa."}),
    ("1b", "1", "Nhiệm vụ đột xuất được cấp trên giao", 10, GRADE_KIND, "verified", {}),
    ("2", "I", "Cải cách hành chính, chuyển đổi số", 10, "group", "verified", {}),
    ("2a", "2", "Chỉ số cải cách hành chính của đơn vị (thực hiện / kế hoạch)", 5,
     "quantitative", "verified", {}),
    ("2b", "2", "Số hồ sơ, vụ việc giải quyết quá hạn (giảm: kế hoạch / thực hiện)", 5,
     "quantitative", "verified", {"reduce": True}),
    ("3", "I", "Thực hành tiết kiệm, phòng, chống tham nhũng, lãng phí", 10, "group", "verified",
     {}),
    ("3a", "3", "Xây dựng và thực hiện chương trình tiết kiệm, chống lãng phí", 5, GRADE_KIND,
     "verified", {}),
    ("3b", "3", "Không có cán bộ, công chức vi phạm pháp luật", 5, GRADE_KIND, "verified", {}),
    ("II", None, "XÂY DỰNG ĐẢNG, ĐOÀN THỂ VÀ HOẠT ĐỘNG CHUNG CỦA KHỐI", 30, "group", "verified",
     {}),
    ("4", "II", "Tổ chức đảng được đánh giá hoàn thành tốt nhiệm vụ trở lên", 10, GRADE_KIND,
     "verified", {}),
    ("5", "II", "Hoạt động của Công đoàn, Đoàn Thanh niên, Hội Cựu chiến binh", 5, GRADE_KIND,
     "verified", {}),
    ("6", "II", "Tham gia hoạt động chung của Khối", 10, "group", "verified", {}),
    ("6a", "6", "Lãnh đạo đơn vị dự đầy đủ các hội nghị của Khối", 5, GRADE_KIND, "verified", {}),
    ("6b", "6", "Tham gia hoạt động văn hóa, thể thao, an sinh xã hội của Khối", 5, GRADE_KIND,
     "verified", {}),
    ("7", "II", "Thực hiện văn hóa công sở, bảo đảm an ninh trật tự cơ quan", 5, GRADE_KIND,
     "verified", {}),
    ("III", None, "CÔNG TÁC THI ĐUA, KHEN THƯỞNG", 20, "group", "council", {}),
    ("8", "III", "Ban hành kế hoạch, phát động, đăng ký thi đua đúng thời hạn", 5, GRADE_KIND,
     "council", {}),
    ("9", "III", "Sơ kết, tổng kết, báo cáo thi đua đầy đủ, đúng hạn", 5, GRADE_KIND, "council",
     {}),
    ("10", "III", "Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến", 5, GRADE_KIND, "council",
     {}),
    ("11", "III", "Hồ sơ đề nghị khen thưởng đúng quy định, không bị trả lại", 5, GRADE_KIND,
     "council", {}),
    ("IV", None, "ĐIỂM THƯỞNG (tối đa 10 điểm)", 10, "group", "verified", {}),
    ("T1", "IV", "Mô hình, cách làm sáng tạo được tỉnh công nhận", 5, "bonus", "verified", {}),
    ("T2", "IV", "Được cấp trên tặng Cờ thi đua hoặc Bằng khen trong năm", 3, "bonus", "verified",
     {}),
)
PENALTY_TYPES = (
    ("V1", "Lãnh đạo đơn vị vắng mặt hoạt động của Khối không có lý do (mỗi lần)", 2),
    ("B1", "Báo cáo chậm từ 5 đến dưới 10 ngày", 5),
    ("B2", "Báo cáo chậm từ 10 đến dưới 15 ngày", 10),
    ("B3", "Báo cáo chậm từ 15 ngày trở lên", 20),
    ("H1", "Hồ sơ đề nghị khen thưởng bị trả lại (mỗi hồ sơ)", 5),
    ("K1", "Cán bộ, công chức bị kỷ luật khiển trách", 10),
    ("K2", "Cán bộ, công chức bị kỷ luật cảnh cáo trở lên (không được đề nghị khen thưởng)", 20),
)
PENALTY_SOURCE = "Quy định chấm điểm thi đua của Khối năm 2019"

# 2019 scores. Quantitative items as (plan, actual); grades in the order of the item codes listed;
# "-" = not scored in that layer (the final score then falls back to the self-score).
QUANT = ("1a", "2a", "2b")
SELF_GRADES = ("1b", "3a", "3b", "4", "5", "6a", "6b", "7", "8", "9", "10", "11")
VERIFIED_GRADES = ("1b", "3a", "3b", "4", "5", "6a", "6b", "7")
COUNCIL_GRADES = ("8", "9", "10", "11")
SCORES_2019: dict[str, dict[str, Any]] = {
    "Cục Thi hành án dân sự tỉnh": {
        "self": ((100, 110), (90, 92), (10, 6), "AAAAAAAAAAAA", {"T1": 5, "T2": 3}),
        "verified": ((100, 108), (90, 92), (10, 6), "AAAAAAAA", {"T1": 5, "T2": 3}),
        "council": "AAAA",
    },
    "Tòa án nhân dân tỉnh": {
        "self": ((100, 105), (90, 90), (8, 8), "AAAAAAAAAAAA", {"T1": 5}),
        "verified": ((100, 105), (90, 90), (8, 8), "AAAABAAA", {"T1": 5}),
        "council": "AAAA",
    },
    "Viện Kiểm sát nhân dân tỉnh": {
        "self": ((100, 104), (90, 88), (10, 10), "AAAAAAAAAAAA", {"T2": 3}),
        "verified": ((100, 104), (90, 88), (10, 10), "AAAAAAAA", {"T2": 3}),
        "council": "AAAA",
    },
    "Thanh tra tỉnh": {
        "self": ((100, 102), (90, 90), (5, 6), "AAAAAAAAAAAA", {}),
        "verified": ((100, 100), (90, 90), (5, 6), "BAAAAAAA", {}),
        "council": "ABAA",
    },
    "Công an tỉnh": {
        "self": ((100, 112), (90, 95), (20, 15), "AAAAAAAAAAAA", {"T1": 5, "T2": 3}),
        "verified": ((100, 112), (90, 95), (20, 15), "AAAAABAA", {"T1": 5, "T2": 3}),
        "council": "AAAA",
    },
    "Bộ Chỉ huy Quân sự tỉnh": {
        "self": ((100, 103), (90, 90), (6, 5), "AAAAAAAAAAAA", {}),
        "verified": ((100, 103), (90, 90), None, "A--AAAAA", {}),
        "council": "AAAA",
    },
    "Sở Tư pháp": {
        "self": ((100, 100), (90, 85), (12, 12), "AAAAAABAAAAA", {}),
        "verified": ((100, 98), (90, 85), (12, 12), "BAAAAABA", {}),
        "council": "AABA",
    },
    "Sở Nội vụ": {
        "self": ((100, 105), (90, 91), (4, 3), "AAAAAAAAAAAA", {"T1": 5}),
        "verified": ((100, 105), (90, 91), (4, 3), "AABAAAAA", {}),
        "council": "AAAA",
    },
}
# unit -> [(penalty type code, count, note)]
PENALTIES_2019 = {
    "Thanh tra tỉnh": (("B1", 1, "Báo cáo sơ kết 6 tháng gửi chậm 7 ngày."),),
    "Sở Tư pháp": (("V1", 1, "Vắng hội nghị giao ban quý III không báo lý do."),),
}
