"""printing/styles.py: profile styles to paragraph styles; text to escaped, NFC markup."""

from __future__ import annotations

import unicodedata

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.units import mm

from data.documents.content import Role, Run, para
from data.documents.profiles import load_profile
from printing.fonts import register
from printing.styles import SINGLE, Styles

STATE, PARTY = load_profile("state"), load_profile("party")


def test_body_style_follows_the_profile() -> None:
    styles = Styles(STATE, register())
    body = styles.for_para(para("Nội dung"))
    assert body.fontSize == STATE.style("body").size
    assert body.leading == STATE.style("body").size * SINGLE * STATE.line_spacing
    assert body.alignment == TA_JUSTIFY and body.firstLineIndent == STATE.body_indent_mm * mm
    assert body.spaceAfter == STATE.space_after_pt
    title = styles.for_para(para("Biên bản", Role.TITLE))
    assert title.alignment == TA_CENTER and title.fontName == styles.fonts.bold
    assert styles.for_para(para("x", keep_with_next=True)).keepWithNext


def test_markup_applies_case_faces_and_escapes() -> None:
    styles = Styles(STATE, register())
    assert styles.text("Khối thi đua <Nội chính> & Tư pháp", "issuer") == \
        "KHỐI THI ĐUA &lt;NỘI CHÍNH&gt; &amp; TƯ PHÁP"
    assert styles.text("dòng 1\ndòng 2", "body") == "dòng 1<br/>dòng 2"
    marked = styles.markup((Run("Chủ trì: ", bold=True), Run("Nguyễn Văn Khải")), "body")
    assert marked == f'<font name="{styles.fonts.bold}">Chủ trì: </font>Nguyễn Văn Khải'
    nfd = unicodedata.normalize("NFD", "Tỉnh ủy")
    assert styles.text(nfd, "body") == "Tỉnh ủy"  # composed: reportlab cannot place marks


def test_the_party_recipients_label_is_underlined() -> None:
    styles = Styles(PARTY, register())
    assert styles.text("Nơi nhận:", "recipients_label") == "<u>Nơi nhận:</u>"
