"""The short wizard that creates a new bloc: profile, first year, units, officers, file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from data.model import BlocProfile
from data.vntext import clean, identity_key
from ui.file_actions import safe_file_name
from ui.widgets.bloc_form import BlocForm

NO_UNIT = "(chưa chọn)"


@dataclass(frozen=True)
class NewBloc:
    """Everything the wizard collected."""

    profile: BlocProfile
    year: int
    units: tuple[str, ...]
    head: str | None
    deputies: tuple[str, ...]
    path: Path


def unit_lines(text: str) -> tuple[list[str], list[str]]:
    """Unit names typed one per line, and the problems found in them (in Vietnamese)."""
    names: list[str] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        name = clean(line.split("\t")[0])  # a column pasted from Excel may bring more cells
        if not name:
            continue
        key = identity_key(name)
        if key in seen:
            problems.append(f"Dòng {number}: “{name}” trùng với dòng {seen[key]}.")
            continue
        if len(name) > 300:
            problems.append(f"Dòng {number}: tên quá dài (tối đa 300 ký tự).")
            continue
        seen[key] = number
        names.append(name)
    return names, problems


class ProfilePage(QWizardPage):
    """The bloc's name, council, superior, place, code and document format."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Thông tin khối thi đua")
        self.setSubTitle("Tên khối và các thông tin in trên văn bản của Khối.")
        self.form = BlocForm()
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addStretch(1)
        f = self.form  # its fields, under the names the wizard and scripts use
        self.name, self.council, self.superior = f.name, f.council, f.superior
        self.place, self.code, self.profile = f.place, f.code, f.profile
        self.name.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return bool(clean(self.name.text()))


class UnitsPage(QWizardPage):
    """The first year and the member units, one per line (a column pasted from Excel works)."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Năm đầu tiên và các đơn vị thành viên")
        self.setSubTitle("Gõ hoặc dán tên đầy đủ của mỗi đơn vị trên một dòng.")
        self.year = QSpinBox(objectName="firstYear")
        self.year.setRange(1990, 2100)
        self.year.setValue(date.today().year)
        self.units = QPlainTextEdit(objectName="unitLines")
        self.units.setPlaceholderText("Cục Thi hành án dân sự tỉnh\nTòa án nhân dân tỉnh\n…")
        self.problems = QLabel(objectName="unitProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020;")
        form = QFormLayout(self)
        form.addRow("Năm thi đua đầu tiên:", self.year)
        form.addRow("Đơn vị thành viên:", self.units)
        form.addRow("", self.problems)
        self.units.textChanged.connect(self._check)
        self._check()

    def names(self) -> list[str]:
        return unit_lines(self.units.toPlainText())[0]

    def _check(self) -> None:
        names, problems = unit_lines(self.units.toPlainText())
        self.problems.setText("\n".join(problems) if problems else
                              f"{len(names)} đơn vị. Có thể thêm, sửa đơn vị sau.")
        self.problems.setStyleSheet("color: #b00020;" if problems else "color: palette(text);")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return not unit_lines(self.units.toPlainText())[1]


class OfficersPage(QWizardPage):
    """The first year's head and deputies, and where to save the file."""

    def __init__(self, units_page: UnitsPage, folder: Path) -> None:
        super().__init__()
        self.setTitle("Trưởng khối, Phó khối và nơi lưu tệp")
        self._units_page = units_page
        self._folder = folder
        self.head = QComboBox(objectName="headUnit")
        self.deputy1 = QComboBox(objectName="deputyUnit1")
        self.deputy2 = QComboBox(objectName="deputyUnit2")
        self.path = QLineEdit(objectName="blocPath")
        browse = QPushButton("Chọn…", objectName="browsePath")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        holder = QWidget()
        holder.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout(self)
        form.addRow("Trưởng khối:", self.head)
        form.addRow("Phó khối:", self.deputy1)
        form.addRow("Phó khối:", self.deputy2)
        form.addRow("Lưu tệp khối tại:", holder)
        self.path.textChanged.connect(self.completeChanged)

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        names = [NO_UNIT, *self._units_page.names()]
        for combo in (self.head, self.deputy1, self.deputy2):
            combo.clear()
            combo.addItems(names)
        wizard = self.wizard()
        bloc_name = clean(wizard.field("blocName") or "") if wizard else ""
        if not self.path.text():
            self.path.setText(str(self._folder / f"{safe_file_name(bloc_name)}.ktd"))

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, "Lưu tệp khối thi đua", self.path.text(),
                                                "Tệp khối thi đua (*.ktd)")
        if chosen:
            self.path.setText(chosen)

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return bool(self.path.text().strip())


class NewBlocWizard(QWizard):
    """Collects a NewBloc; the window creates the file."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newBlocWizard")
        self.setWindowTitle("Tạo khối thi đua mới")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.profile_page = ProfilePage()
        self.units_page = UnitsPage()
        self.officers_page = OfficersPage(self.units_page, folder)
        self.profile_page.registerField("blocName*", self.profile_page.name)
        for page in (self.profile_page, self.units_page, self.officers_page):
            self.addPage(page)
        self.resize(640, 520)

    def result_bloc(self) -> NewBloc:
        """What the user entered, normalised."""
        p = self.profile_page
        chosen = [c.currentText() for c in (self.officers_page.head, self.officers_page.deputy1,
                                            self.officers_page.deputy2)]
        path = Path(self.officers_page.path.text().strip())
        return NewBloc(
            profile=p.form.values(),
            year=self.units_page.year.value(),
            units=tuple(self.units_page.names()),
            head=None if chosen[0] == NO_UNIT else chosen[0],
            deputies=tuple(d for d in chosen[1:] if d != NO_UNIT),
            path=path if path.suffix else path.with_suffix(".ktd"),
        )
