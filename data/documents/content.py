"""The content of an official document, phrased and ready for paper, with no layout in it.

A builder turns the bloc file's year into a `Document`; the PDF renderer (and the Word and
workbook writers) lay it out with a page profile. Tables keep raw values (numbers stay numbers,
for the workbook); each column says how its values are shown."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import StrEnum

from data.vntext import format_number, format_percent


class Role(StrEnum):
    """What a paragraph is, which decides its style on paper."""

    TITLE = "title"  # the document type: "BIÊN BẢN", "TỜ TRÌNH" (centred, bold, upper)
    SUBJECT = "subject"  # the line under the title (centred, bold)
    ADDRESSEE = "addressee"  # "Kính gửi: …" (centred)
    HEADING = "heading"  # "I. THỜI GIAN, ĐỊA ĐIỂM" (bold, flush left)
    BODY = "body"  # justified, first-line indent
    NOTE = "note"  # "(Kèm theo Tờ trình số …)" (centred, italic)
    PLACE_DATE = "place_date"  # a place and date line on its own (right, italic)


class ColumnKind(StrEnum):
    """How a column's values are shown."""

    TEXT = "text"
    INTEGER = "integer"
    NUMBER = "number"  # points: "109,6"
    PERCENT = "percent"  # a share of 1 shown "87,5 %"
    VOTES = "votes"  # (votes, share of 1) shown "7 (87,5 %)"


Cell = str | int | float | tuple[int, float] | None


@dataclass(frozen=True)
class Run:
    """A piece of a paragraph's text, possibly bold or italic."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Para:
    """A paragraph: its runs of text and its role."""

    runs: tuple[Run, ...]
    role: Role = Role.BODY
    keep_with_next: bool = False

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


def para(text: str, role: Role = Role.BODY, *, bold: bool = False, italic: bool = False,
         keep_with_next: bool = False) -> Para:
    """A paragraph of one run."""
    return Para((Run(text, bold, italic),), role, keep_with_next)


def labelled(label: str, text: str, role: Role = Role.BODY) -> Para:
    """"Label: text" with the label in bold (e.g. "Chủ trì: …")."""
    return Para((Run(f"{label}: ", bold=True), Run(text)), role)


@dataclass(frozen=True)
class Column:
    """A table column: its stable key, header, kind of values and relative width."""

    key: str
    header: str
    kind: ColumnKind = ColumnKind.TEXT
    width: float = 1.0

    def shown(self, value: Cell) -> str:
        """A cell's value as printed (Vietnamese number format)."""
        if value is None:
            return ""
        if isinstance(value, tuple):
            votes, share = value
            return f"{votes} ({format_percent(share)})"
        if self.kind is ColumnKind.TEXT or isinstance(value, str):
            return str(value)
        if self.kind is ColumnKind.PERCENT:
            return format_percent(float(value))
        if self.kind is ColumnKind.INTEGER:
            return format_number(float(value), 0)
        return format_number(float(value))


@dataclass(frozen=True)
class Table:
    """A table: one header row then data rows of raw values (one per column)."""

    key: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]

    def column(self, key: str) -> list[Cell]:
        """Every value of one column, top to bottom."""
        index = [c.key for c in self.columns].index(key)
        return [row[index] for row in self.rows]

    def shown_rows(self) -> list[list[str]]:
        """Every row as printed."""
        return [[c.shown(v) for c, v in zip(self.columns, row, strict=True)] for row in self.rows]


@dataclass(frozen=True)
class Signer:
    """A signature: capacity ("TM. KHỐI THI ĐUA"), title, the signer's name; `above` names the
    unit in a signature grid."""

    title: str
    name: str
    capacity: str = ""
    above: str = ""


@dataclass(frozen=True)
class Signatures:
    """Signature blocks side by side, `per_row` to a row, under an optional heading; the
    recipients ("Nơi nhận:" and its "- …;" lines) are printed left of a single signature."""

    signers: tuple[Signer, ...]
    per_row: int = 2
    heading: str = ""
    recipients_label: str = ""
    recipients: tuple[str, ...] = ()


@dataclass(frozen=True)
class BallotPaper:
    """One ballot paper: what it decides, how to fill it, the candidates; printed `copies` times."""

    issuer: str
    title: str
    purpose: str
    instruction: str
    candidates: tuple[str, ...]
    copies: int


@dataclass(frozen=True)
class Letterhead:
    """The header blocks: agency above, issuing body, number line, place and date."""

    agency_above: str
    issuer: str
    number: str  # "" for a document that takes no number
    place_date: str


Block = Para | Table | Signatures | BallotPaper


@dataclass(frozen=True)
class Section:
    """A run of pages of one orientation; a section that restarts numbering is an attachment."""

    blocks: tuple[Block, ...]
    letterhead: Letterhead | None = None
    landscape: bool = False
    restart_numbering: bool = False


@dataclass(frozen=True)
class Document:
    """A whole document of a year, as it goes on paper."""

    kind: str
    year: int
    title: str  # what it is, in words: "Biên bản hội nghị tổng kết năm 2019"
    sections: tuple[Section, ...]
    issued_on: datetime.date
    number: str = ""  # the printed number line; "" when unnumbered or a draft
    draft: bool = False
    profile_id: str = ""

    def tables(self) -> list[Table]:
        """Every table of the document, in order."""
        return [b for s in self.sections for b in s.blocks if isinstance(b, Table)]

    def table(self, key: str) -> Table:
        """The table with that key."""
        return next(t for t in self.tables() if t.key == key)

    def paragraphs(self) -> list[Para]:
        """Every paragraph, in order."""
        return [b for s in self.sections for b in s.blocks if isinstance(b, Para)]
