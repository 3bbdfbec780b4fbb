"""Plain, frozen records of meetings, ballots, nominations and the rule checker's findings.

Glossary: guest = đại biểu; agenda item = nội dung hội nghị; counting committee = ban kiểm phiếu;
round = vòng bỏ phiếu; issued / received / valid / invalid = phiếu phát ra / thu vào / hợp lệ /
không hợp lệ; entry 1/2 = nhập lần 1 / lần 2; nomination = đề nghị khen thưởng.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


def in_sentence(label: str) -> str:
    """A label used inside a sentence: first letter lower case ("Bầu Trưởng khối" -> "bầu…")."""
    return label[:1].lower() + label[1:]


class MeetingKind(StrEnum):
    """Mid-year review (sơ kết) or year-end review (tổng kết)."""

    MID_YEAR = "mid_year"
    YEAR_END = "year_end"

    @property
    def label(self) -> str:
        return {"mid_year": "Hội nghị sơ kết", "year_end": "Hội nghị tổng kết"}[self.value]


class Purpose(StrEnum):
    """What a ballot round decides: an award form, or next year's head or deputies."""

    AWARD = "award"
    HEAD = "head"
    DEPUTY = "deputy"

    @property
    def label(self) -> str:
        return {"award": "Suy tôn, bình xét khen thưởng", "head": "Bầu Trưởng khối",
                "deputy": "Bầu Phó khối"}[self.value]


class EntryStatus(StrEnum):
    """Where the double entry of a round's counts stands."""

    NONE = "none"
    ONE = "one"
    MISMATCH = "mismatch"
    INVALID = "invalid"
    AGREED = "agreed"

    @property
    def label(self) -> str:
        return {"none": "Chưa nhập kết quả kiểm phiếu", "one": "Mới nhập một lần, cần nhập lần 2",
                "mismatch": "Hai lần nhập không khớp", "invalid": "Số liệu kiểm phiếu không hợp lệ",
                "agreed": "Hai lần nhập khớp nhau"}[self.value]


class Outcome(StrEnum):
    """What a round's result means for the seats it had to fill."""

    PENDING = "pending"
    ELECTED = "elected"
    FURTHER_ROUND = "further_round"
    OFFICERS_DECIDE = "officers_decide"

    @property
    def label(self) -> str:
        return {"pending": "Chưa có kết quả", "elected": "Đã bầu đủ số cần bầu",
                "further_round": "Cần bỏ phiếu vòng tiếp theo cho số còn thiếu",
                "officers_decide": "Trưởng khối và các Phó khối quyết định"}[self.value]


class Severity(StrEnum):
    """How serious a rule checker's finding is."""

    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        return {"error": "Lỗi", "warning": "Cảnh báo"}[self.value]


@dataclass(frozen=True)
class Guest:
    """A guest of a meeting (đại biểu dự) with the title printed in the minutes."""

    name: str
    title: str = ""


@dataclass(frozen=True)
class AgendaItem:
    """A point of the meeting's content with the opinions voiced and the conclusion."""

    title: str
    opinions: str = ""
    conclusion: str = ""


@dataclass(frozen=True)
class CommitteeMember:
    """A member of the counting committee (ban kiểm phiếu)."""

    name: str
    title: str = ""
    role: str = ""


@dataclass(frozen=True)
class Meeting:
    """A meeting of the bloc (id 0 before it is saved), with guests, agenda and committee."""

    id: int
    year: int
    kind: MeetingKind
    held_on: str = ""
    start_time: str = ""
    end_time: str = ""
    place: str = ""
    chair_name: str = ""
    chair_title: str = ""
    secretary_name: str = ""
    secretary_title: str = ""
    guests: tuple[Guest, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    committee: tuple[CommitteeMember, ...] = ()


@dataclass(frozen=True)
class Attendance:
    """A member unit at a meeting: present with its representative, or absent with a reason."""

    unit_id: int
    present: bool = True
    rep_name: str = ""
    rep_title: str = ""
    absence_reason: str = ""


@dataclass(frozen=True)
class Quorum:
    """Members of the year, units present, the share needed and the count it means."""

    members: int
    present: int
    needed: int
    met: bool


@dataclass(frozen=True)
class BallotRound:
    """One round of a secret ballot: its purpose, candidates, choices per ballot and seats."""

    id: int
    meeting_id: int
    purpose: Purpose
    award_form_id: int | None
    round_no: int
    choices: int
    seats: int
    candidates: tuple[int, ...]
    note: str = ""


@dataclass(frozen=True)
class BallotCount:
    """One entry of a round's counts: ballots and yes votes per candidate (unit id, votes)."""

    issued: int
    received: int
    valid: int
    invalid: int
    votes: tuple[tuple[int, int], ...] = ()

    def votes_of(self, unit_id: int) -> int | None:
        """The candidate's yes votes in this entry, or None when not entered."""
        return dict(self.votes).get(unit_id)


@dataclass(frozen=True)
class CountEntry:
    """Entry 1 or 2 of a round's counts, with who typed it and when."""

    entry: int
    count: BallotCount
    entered_by: str = ""
    entered_at: str = ""


@dataclass(frozen=True)
class CountProblem:
    """A count that cannot be right: the field (and candidate) and the reason in Vietnamese."""

    field: str
    message: str
    unit_id: int | None = None


@dataclass(frozen=True)
class Mismatch:
    """A value the two entries disagree on, with both values."""

    field: str
    first: int | None
    second: int | None
    message: str
    unit_id: int | None = None


@dataclass(frozen=True)
class CandidateResult:
    """A candidate's yes votes, percentage on the rule set's base, and whether they passed."""

    unit_id: int
    votes: int
    percent: float
    passed: bool
    elected: bool


@dataclass(frozen=True)
class RoundResult:
    """A round's agreed result: the candidates by votes, who is elected and what comes next."""

    base: int
    results: tuple[CandidateResult, ...]
    elected: tuple[int, ...]
    outcome: Outcome
    remaining_seats: int
    next_candidates: tuple[int, ...] = ()
    tied: tuple[int, ...] = ()


@dataclass(frozen=True)
class RoundReport:
    """A round with its two entries, their agreement, problems and (when agreed) the result."""

    round: BallotRound
    entries: tuple[CountEntry, ...]
    status: EntryStatus
    problems: tuple[CountProblem, ...] = ()
    mismatches: tuple[Mismatch, ...] = ()
    result: RoundResult | None = None

    @property
    def agreed(self) -> BallotCount | None:
        """The count both entries agree on (None unless the status is AGREED or INVALID)."""
        if self.status in (EntryStatus.AGREED, EntryStatus.INVALID):
            return self.entries[0].count
        return None


@dataclass(frozen=True)
class Nomination:
    """A unit proposed for an award form (danh sách đề nghị khen thưởng)."""

    id: int
    year: int
    unit_id: int
    award_form_id: int
    round_id: int | None = None
    achievements: str = ""
    note: str = ""
    position: int = 0


@dataclass(frozen=True)
class Finding:
    """A rule checker's finding: severity, message, the rule and the document it comes from."""

    severity: Severity
    rule: str
    message: str
    source: str = ""
    unit_id: int | None = None
    round_id: int | None = None
