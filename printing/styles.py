"""Paragraph styles from a page profile and the registered fonts, and text turned into
reportlab's paragraph markup (NFC, escaped, upper case and faces as the profile says)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from data.documents.content import Para, Role, Run
from data.documents.profiles import PageProfile, TextStyle
from printing.fonts import RegisteredFonts

SINGLE = 1.15  # a "single" line is 1.15 × the font size (Times New Roman's own line gap)
ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}
# role -> (profile style, alignment, first-line indent?, space after?)
ROLES: dict[Role, tuple[str, str, bool, bool]] = {
    Role.TITLE: ("doc_type", "center", False, False),
    Role.SUBJECT: ("subject", "center", False, False),  # its mark and a space follow
    Role.ADDRESSEE: ("addressee", "center", False, True),
    Role.HEADING: ("heading", "justify", False, True),
    Role.BODY: ("body", "justify", True, True),
    Role.NOTE: ("note", "center", False, True),
    Role.PLACE_DATE: ("place_date", "right", False, True),
}


def nfc(text: str) -> str:
    """reportlab does not place combining marks: every string is drawn precomposed."""
    return unicodedata.normalize("NFC", text)


class Styles:
    """The paragraph styles of one profile with one font family."""

    def __init__(self, profile: PageProfile, fonts: RegisteredFonts) -> None:
        self.profile = profile
        self.fonts = fonts
        self._cache: dict[tuple[str, str, bool, bool, bool], ParagraphStyle] = {}

    def font(self, style: TextStyle, bold: bool = False, italic: bool = False) -> str:
        """The registered face for a style (and a run's own bold or italic)."""
        return self.fonts.name(style.bold or bold, style.italic or italic)

    def style(self, key: str, align: str = "center", *, indent: bool = False,
              space_after: bool = False, keep_with_next: bool = False) -> ParagraphStyle:
        """A paragraph style for one element of the profile."""
        cache_key = (key, align, indent, space_after, keep_with_next)
        if cache_key not in self._cache:
            text = self.profile.style(key)
            self._cache[cache_key] = ParagraphStyle(
                f"{key}-{align}-{int(indent)}{int(space_after)}{int(keep_with_next)}",
                fontName=self.font(text), fontSize=text.size,
                leading=text.size * SINGLE * self.profile.line_spacing,
                alignment=ALIGN[align],
                firstLineIndent=self.profile.body_indent_mm * mm if indent else 0,
                spaceAfter=self.profile.space_after_pt if space_after else 0,
                keepWithNext=int(keep_with_next))
        return self._cache[cache_key]

    def for_para(self, item: Para) -> ParagraphStyle:
        """The style of a content paragraph, by its role."""
        key, align, indent, space_after = ROLES[item.role]
        return self.style(key, align, indent=indent, space_after=space_after,
                          keep_with_next=item.keep_with_next)

    def markup(self, runs: Iterable[Run], key: str) -> str:
        """Runs as paragraph markup in the style `key` (upper case, bold, underline)."""
        text_style = self.profile.style(key)
        parts = []
        for run in runs:
            text = nfc(run.text.upper() if text_style.upper else run.text)
            piece = escape(text).replace("\n", "<br/>")
            if run.bold and not text_style.bold or run.italic and not text_style.italic:
                piece = (f'<font name="{self.font(text_style, run.bold, run.italic)}">{piece}'
                         "</font>")
            parts.append(piece)
        joined = "".join(parts)
        return f"<u>{joined}</u>" if text_style.underline else joined

    def text(self, text: str, key: str) -> str:
        """Plain text as paragraph markup in the style `key`."""
        return self.markup((Run(text),), key)
