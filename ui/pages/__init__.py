"""The workspace pages, in navigation order. A page's module is imported when the page is first
shown, so opening a bloc does not pay for pages nobody looks at."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from PySide6.QtWidgets import QWidget

from ui.session import Session

PageFactory = Callable[[Session], QWidget]
# (object name, title, "module:class")
PAGES: tuple[tuple[str, str, str], ...] = (
    ("unitsPage", "Đơn vị", "ui.pages.units:UnitsPage"),
    ("pledgePage", "Giao ước & đăng ký", "ui.pages.pledge:PledgePage"),
    ("criteriaPage", "Bảng tiêu chí", "ui.pages.criteria:CriteriaPage"),
    ("scoringPage", "Chấm điểm", "ui.pages.scoring:ScoringPage"),
    ("meetingPage", "Hội nghị", "ui.pages.meeting:MeetingPage"),
    ("ballotPage", "Bỏ phiếu", "ui.pages.ballot:BallotPage"),
    ("awardsPage", "Khen thưởng", "ui.pages.awards:AwardsPage"),
    ("documentsPage", "Tài liệu", "ui.pages.documents:DocumentsPage"),
)


def page_factory(target: str) -> PageFactory:
    """The page class named by "module:class", imported now."""
    module, name = target.split(":")
    factory: PageFactory = getattr(import_module(module), name)
    return factory
