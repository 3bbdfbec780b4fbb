"""Plain, frozen records of the bloc's domain, shared by the store, the engine and the documents.

Glossary (code name -> Vietnamese term a user sees):
  bloc -> Khối thi đua; unit -> đơn vị thành viên; membership -> thành viên trong năm;
  officer head/deputy -> Trưởng khối / Phó khối; pledge -> giao ước thi đua;
  registration -> đăng ký thi đua; criterion -> tiêu chí (section = Phần, item = Nội dung);
  layer self/verified/council -> tự chấm / khối chấm (thẩm định) / hội đồng chấm;
  bonus -> điểm thưởng; penalty -> điểm trừ; band -> xếp loại; award form -> hình thức khen thưởng.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction


class Layer(StrEnum):
    """One of the three score layers of a unit's item."""

    SELF = "self"
    VERIFIED = "verified"
    COUNCIL = "council"

    @property
    def label(self) -> str:
        return {"self": "Tự chấm", "verified": "Khối chấm", "council": "Hội đồng chấm"}[self.value]


class NodeKind(StrEnum):
    """What a node of the criteria table is and how its points are computed."""

    GROUP = "group"  # a section or a criterion with children
    QUALITATIVE = "qualitative"  # grade A/B/C/D -> share of the maximum
    QUANTITATIVE = "quantitative"  # actual / plan x maximum (or plan / actual when reducing)
    NUMERIC = "numeric"  # points typed directly
    BONUS = "bonus"  # điểm thưởng: outside the table total, capped by the rule set

    @property
    def label(self) -> str:
        return {
            "group": "Nhóm",
            "qualitative": "Định tính",
            "quantitative": "Định lượng",
            "numeric": "Chấm trực tiếp",
            "bonus": "Điểm thưởng",
        }[self.value]


class YearStatus(StrEnum):
    """Where the bloc's year stands in its cycle."""

    REGISTRATION = "registration"
    PLEDGE = "pledge"
    SCORING = "scoring"
    MEETING = "meeting"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return {
            "registration": "Đăng ký thi đua",
            "pledge": "Giao ước thi đua",
            "scoring": "Chấm điểm",
            "meeting": "Tổng kết, bình xét",
            "closed": "Đã kết thúc",
        }[self.value]


DEFAULT_GRADES: tuple[tuple[str, float], ...] = (("A", 1.0), ("B", 0.8), ("C", 0.6), ("D", 0.0))


@dataclass(frozen=True)
class BlocProfile:
    """The bloc itself: one per file."""

    name: str
    council: str
    place: str
    profile: str = "state"  # a page profile: resources/profiles/<profile>.json
    superior: str = ""
    code: str = ""


@dataclass(frozen=True)
class Unit:
    """A member unit, kept for ever once registered (its past years stay)."""

    id: int
    name: str
    short_name: str = ""
    code: str = ""
    joined_year: int | None = None
    left_year: int | None = None


@dataclass(frozen=True)
class Membership:
    """A unit's facts for one year: its head, the women-share flag and eligibility blocks."""

    year: int
    unit_id: int
    head_name: str = ""
    head_title: str = ""
    women_70: bool = False
    discipline: bool = False
    investigation: bool = False
    complaint: bool = False
    eligibility_note: str = ""

    @property
    def blocked(self) -> bool:
        return self.discipline or self.investigation or self.complaint


@dataclass(frozen=True)
class Year:
    """One emulation year of the bloc."""

    year: int
    status: YearStatus
    note: str = ""


@dataclass(frozen=True)
class Officers:
    """The year's bloc head and up to two deputies (unit ids)."""

    year: int
    head: int | None = None
    deputies: tuple[int, ...] = ()


@dataclass(frozen=True)
class Criterion:
    """A node of the criteria table: section, criterion or item."""

    id: int
    year: int
    parent_id: int | None
    position: int
    code: str
    title: str
    kind: NodeKind
    max_points: float
    layer: Layer = Layer.VERIFIED
    reduce: bool = False
    grades: tuple[tuple[str, float], ...] = ()
    excess_rate: float = 0.0  # share of the maximum earned per share over plan (1.0 = 1 % per 1 %)
    excess_cap: float = 0.0  # the excess bonus is at most this share of the maximum
    guidance: str = ""

    @property
    def is_leaf(self) -> bool:
        return self.kind is not NodeKind.GROUP


@dataclass(frozen=True)
class Score:
    """One layer's score of one unit on one item, with the inputs it came from."""

    unit_id: int
    criterion_id: int
    layer: Layer
    points: float | None = None
    grade: str | None = None
    plan: float | None = None
    actual: float | None = None
    note: str = ""
    entered_by: str = ""
    entered_at: str = ""


@dataclass(frozen=True)
class PenaltyType:
    """An entry of the year's penalty catalogue (points are deducted, written positive)."""

    id: int
    year: int
    code: str
    title: str
    points: float
    source: str = ""


@dataclass(frozen=True)
class Penalty:
    """A penalty recorded against a unit in a year."""

    id: int
    year: int
    unit_id: int
    type_id: int | None
    title: str
    points: float
    count: int = 1
    note: str = ""
    occurred_on: str = ""

    @property
    def total(self) -> float:
        return self.points * self.count


@dataclass(frozen=True)
class Band:
    """A classification band: a minimum total and a floor for every criterion's share."""

    name: str
    min_total: float
    floor_share: float = 0.0


@dataclass(frozen=True)
class PassMark:
    """A vote threshold: share of the base, strictly above (> 50 %) or at least (>= 2/3)."""

    share: float
    strict: bool = False

    def passed(self, votes: int, base: int) -> bool:
        """Whether `votes` out of `base` reach the mark (exact fractions: 6 of 9 is 2/3)."""
        if base <= 0:
            return False
        ratio = Fraction(votes, base)
        mark = Fraction(self.share).limit_denominator(1000)
        return ratio > mark if self.strict else ratio >= mark


DEFAULT_BANDS: tuple[Band, ...] = (
    Band("Xuất sắc", 90, 0.85),
    Band("Tốt", 80, 0.80),
    Band("Hoàn thành", 70, 0.70),
    Band("Không hoàn thành", 0, 0.0),
)


@dataclass(frozen=True)
class RuleSet:
    """Every number of the year that is a rule, not a constant, with the document it comes from."""

    year: int
    quorum_share: float = 2 / 3
    pass_mark: PassMark = PassMark(0.5, strict=True)
    percent_base: str = "members"  # members | present | valid
    council_flag_share: float = 0.8
    max_rounds: int = 2
    table_total: float = 100.0
    bonus_cap: float = 10.0
    bands: tuple[Band, ...] = DEFAULT_BANDS
    tie_breaks: tuple[str, ...] = ("section:I", "penalty", "women")
    women_priority: bool = True
    sources: tuple[tuple[str, str], ...] = field(default=())

    def source(self, key: str) -> str:
        """The document a rule comes from, or an empty string."""
        return dict(self.sources).get(key, "")


@dataclass(frozen=True)
class AwardForm:
    """An entry of the award-form catalogue."""

    id: int
    code: str
    name: str
    level: str = ""
    leader_only: bool = False  # only the unit that leads the bloc may be proposed
    position: int = 0
    active: bool = True


@dataclass(frozen=True)
class Quota:
    """How many of an award form the bloc may propose in a year."""

    year: int
    award_form_id: int
    count: int
    source: str = ""


@dataclass(frozen=True)
class Pledge:
    """The year's pledge (giao ước thi đua) and its key contents in order."""

    year: int
    signed_on: str = ""
    place: str = ""
    title: str = ""
    contents: tuple[str, ...] = ()


@dataclass(frozen=True)
class Registration:
    """A unit's registration for the year: the award form it aims for and its targets."""

    year: int
    unit_id: int
    award_form_id: int | None = None
    title_aimed: str = ""
    targets: str = ""
    registered_on: str = ""
