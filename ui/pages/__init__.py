"""The workspace pages, in navigation order: (object name, title, page class)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ui.pages.awards import AwardsPage
from ui.pages.ballot import BallotPage
from ui.pages.criteria import CriteriaPage
from ui.pages.meeting import MeetingPage
from ui.pages.pledge import PledgePage
from ui.pages.scoring import ScoringPage
from ui.pages.units import UnitsPage
from ui.session import Session

PageFactory = Callable[[Session], QWidget]
PAGES: tuple[tuple[str, str, PageFactory], ...] = (
    ("unitsPage", "Đơn vị", UnitsPage),
    ("pledgePage", "Giao ước & đăng ký", PledgePage),
    ("criteriaPage", "Bảng tiêu chí", CriteriaPage),
    ("scoringPage", "Chấm điểm", ScoringPage),
    ("meetingPage", "Hội nghị", MeetingPage),
    ("ballotPage", "Bỏ phiếu", BallotPage),
    ("awardsPage", "Khen thưởng", AwardsPage),
)
