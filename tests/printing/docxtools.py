"""Reading a Word file back as its reader would, with python-docx: the text of every paragraph
and table cell in document order, tables as rows of cell texts, what a content paragraph reads
on paper."""

from __future__ import annotations

import io

import docx
from docx.document import Document as WordDocument
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from data.documents.content import Document, Para, Role
from data.documents.profiles import PageProfile
from printing.styles import ROLES


def open_docx(data: bytes) -> WordDocument:
    """A .docx file's bytes opened with python-docx."""
    return docx.Document(io.BytesIO(data))


def cell_text(cell: _Cell) -> str:
    """A cell's text: its non-empty paragraphs, one a line (a line break inside one too)."""
    return "\n".join(p.text for p in cell.paragraphs if p.text)


def table_rows(table: Table) -> list[list[str]]:
    """Every row's cell texts; a cell spanning several columns counts once."""
    return [[cell_text(_Cell(tc, table)) for tc in row._tr.tc_lst] for row in table.rows]


def docx_text(data: bytes) -> list[str]:
    """Every paragraph's text and every table cell's text, in document order: body paragraphs
    that hold text (empty ones only draw rules or keep tables apart), then each table's cells
    row by row (empty cells included, as "")."""
    found: list[str] = []
    for item in open_docx(data).iter_inner_content():
        if isinstance(item, Paragraph):
            if item.text:
                found.append(item.text)
        else:
            found += [text for row in table_rows(item) for text in row]
    return found


def printed(item: Para, profile: PageProfile) -> str:
    """A content paragraph as it reads on paper: upper case where its role's style says so."""
    style = profile.style(ROLES[item.role][0])
    return item.text.upper() if style.upper else item.text


def printed_paragraphs(document: Document, profile: PageProfile) -> list[str]:
    """The body paragraphs a reader sees, in order: every content paragraph, and "-----" under
    the subject line where the profile marks it so."""
    found = []
    for item in document.paragraphs():
        found.append(printed(item, profile))
        if item.role is Role.SUBJECT and profile.header.subject_mark == "dashes":
            found.append("-----")
    return found
