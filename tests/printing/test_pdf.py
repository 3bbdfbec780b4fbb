"""printing/pdf.py: the documents read back as a reader would (pdftotext, pdffonts): header
lines, numbers, dates, every unit's name and figure, fonts, margins, page numbers, both
profiles, and a 60-unit cluster whose tables run over several pages."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from data.demo import write_demo
from data.documents.content import Document
from data.documents.profiles import load_profile
from data.vntext import format_number, format_percent
from main import main
from printing.pdf import Rendered
from tests.printing.pdftools import MM, flat, fonts, pages, text

Rendered_ = dict[str, tuple[Document, Rendered]]
STATE = load_profile("state")
DEMO_UNITS = ("Cục Thi hành án dân sự tỉnh", "Tòa án nhân dân tỉnh", "Viện Kiểm sát nhân dân tỉnh",
              "Thanh tra tỉnh", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Sở Tư pháp",
              "Sở Nội vụ")


def cli_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    """What `main.py ranking --json` and `main.py ballot --json` print for the demo's 2019."""
    path = str(write_demo(tmp_path / "khoi.ktd"))
    return {"ranking": cli_json(capsys, "ranking", path, "--year", "2019", "--json"),
            "ballot": cli_json(capsys, "ballot", path, "--year", "2019", "--json")}


@pytest.mark.parametrize("kind", ["pledge", "ballots", "vote-count", "minutes", "submission",
                                  "scores"])
def test_every_font_is_embedded_and_none_is_helvetica(demo_pdfs: Rendered_, kind: str) -> None:
    found = fonts(demo_pdfs[kind][1].pdf)
    assert found and all(embedded == "yes" for _, embedded in found)
    assert not any("Helvetica" in name for name, _ in found)
    assert all("LiberationSerif" in name or "Times" in name for name, _ in found)


def test_the_minutes_read_as_signed(demo_pdfs: Rendered_, cli: dict[str, Any]) -> None:
    document, rendered = demo_pdfs["minutes"]
    assert rendered.pages == len(text(rendered.pdf)) >= 3
    first = text(rendered.pdf)[0]
    for line in ("HỘI ĐỒNG THI ĐUA - KHEN", "KHỐI THI ĐUA CÁC CƠ QUAN", "NỘI CHÍNH TỈNH",
                 "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 f"{document.number}", "Bắc Ninh, ngày 03 tháng 12 năm 2019", "BIÊN BẢN"):
        assert line in first, line
    whole = flat(" ".join(text(rendered.pdf)))
    assert unicodedata.is_normalized("NFC", whole)
    for name in DEMO_UNITS:
        assert name in whole, name
    rows = [flat(line) for page in text(rendered.pdf) for line in page.splitlines()]
    for unit in cli["ranking"]:  # the approved ranking: total, rank, class of every unit
        assert any(row.startswith(f"{unit['rank']} {unit['unit']} ")
                   and f" {format_number(unit['final_total'])} {unit['rank']} {unit['class']}"
                   in row for row in rows), unit
    for number, shown in enumerate(cli["ballot"]["meetings"][0]["rounds"], start=1):
        assert (f"Số phiếu phát ra: {shown['issued']}; số phiếu thu vào: {shown['received']}; "
                f"số phiếu hợp lệ: {shown['valid']}; số phiếu không hợp lệ: "
                f"{shown['invalid']}.") in whole
        for c in shown["candidates"]:
            assert any(c["unit"] in row and f" {c['votes']} {format_percent(c['percent'] / 100)}"
                       in row for row in rows), (number, c)
    last = flat(text(rendered.pdf)[-1])
    assert "Hội nghị kết thúc vào hồi 16 giờ 30 phút" in last  # the signatures are not alone
    assert "THƯ KÝ" in last and "CHỦ TRÌ" in last and "Nguyễn Văn Khải" in last


def test_the_nomination_list_matches_the_ballot(demo_pdfs: Rendered_,
                                                cli: dict[str, Any]) -> None:
    rendered = demo_pdfs["submission"][1]
    letter, attached = (flat(page) for page in text(rendered.pdf))
    assert "TỜ TRÌNH" in letter and "Kính gửi: Hội đồng Thi đua - Khen thưởng tỉnh Bắc Ninh." \
        in letter and "Số: 03/TTr-KTĐNC" in letter and "Nơi nhận:" in letter
    assert "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2019" in attached
    totals = {u["unit"]: u for u in cli["ranking"]}
    votes = {(r["award_form_name"], c["unit"]): c for m in cli["ballot"]["meetings"]
             for r in m["rounds"] if r["award_form"] for c in r["candidates"]}
    rows = [flat(line) for line in text(rendered.pdf)[1].splitlines()]
    raw = flat(text(rendered.pdf, "-raw")[1])
    for (form, unit), c in votes.items():
        ranked = totals[unit]
        figures = (f"{format_number(ranked['final_total'])} {ranked['rank']} {c['votes']} "
                   f"({format_percent(c['percent'] / 100)})")
        assert any(figures in row for row in rows), (form, unit, figures)
        assert f"{unit} {form}" in raw  # the unit's name, then its award form


def test_the_score_summary_matches_the_ranking(demo_pdfs: Rendered_, cli: dict[str, Any]) -> None:
    rendered = demo_pdfs["scores"][1]
    rows = [flat(line) for page in text(rendered.pdf) for line in page.splitlines()]
    raw = flat(" ".join(text(rendered.pdf, "-raw")))
    for number, u in enumerate(cli["ranking"], start=1):
        figures = " ".join(format_number(u[k]) for k in (
            "self_total", "verified_total", "council_total", "bonus", "penalty",
            "final_total")) + f" {u['rank']} {u['class']}"
        assert any(row.startswith(f"{number} ") and figures in row for row in rows), figures
        assert f"{number} {u['unit']} {format_number(u['self_total'])}" in raw
    assert "TM. KHỐI THI ĐUA" in flat(text(rendered.pdf)[-1])


def _inside(page: Any, margins: Any) -> list[str]:
    """Words outside the text area, but for the page number in the top margin."""
    left, right = margins.left * MM, page.width - margins.right * MM
    top, bottom = margins.top * MM, page.height - margins.bottom * MM
    outside = []
    for w in page.words:
        if w.y1 <= top and w.text.isdigit():
            continue
        if w.x0 < left - 0.5 or w.x1 > right + 0.5 or w.y0 < top - 0.5 or w.y1 > bottom + 0.5:
            outside.append(f"{w.text} ({w.x0:.0f}, {w.y0:.0f})")
    return outside


@pytest.mark.parametrize("kind", ["pledge", "ballots", "vote-count", "minutes", "submission",
                                  "scores"])
def test_text_stays_inside_the_margins(demo_pdfs: Rendered_, big_pdfs: Rendered_,
                                       kind: str) -> None:
    for rendered in (demo_pdfs[kind][1], big_pdfs[kind][1]):
        for number, page in enumerate(pages(rendered.pdf), start=1):
            margins = STATE.landscape_margins if page.width > page.height else STATE.margins
            assert _inside(page, margins) == [], (kind, number)


def _page_number(page: Any, margins: Any) -> list[Any]:
    return [w for w in page.words if w.y1 <= margins.top * MM]


def test_page_numbers_centred_in_the_top_margin_from_page_2(big_pdfs: Rendered_) -> None:
    rendered = big_pdfs["minutes"][1]
    found = pages(rendered.pdf)
    assert len(found) >= 5
    assert _page_number(found[0], STATE.margins) == []
    for number, page in enumerate(found[1:], start=2):
        (word,) = _page_number(page, STATE.margins)
        assert word.text == str(number)
        centre = (STATE.margins.left * MM + page.width - STATE.margins.right * MM) / 2
        assert abs((word.x0 + word.x1) / 2 - centre) < 1


def test_an_attachment_is_numbered_on_its_own(big_pdfs: Rendered_) -> None:
    found = pages(big_pdfs["pledge"][1].pdf)
    titles = [i for i, p in enumerate(found) if any(w.text == "TỔNG" for w in p.words)]
    (start,) = titles  # "BẢNG TỔNG HỢP ĐĂNG KÝ THI ĐUA": the registrations attached
    assert _page_number(found[start], STATE.margins) == []
    assert [w.text for w in _page_number(found[start + 1], STATE.margins)] == ["2"]


def test_long_tables_repeat_their_header_and_keep_rows_whole(big_pdfs: Rendered_) -> None:
    # document, a value of every row of the long table, a word of its header
    for kind, row, header in (("scores", "Đơn vị sự nghiệp số", "Hội đồng chấm"),
                              ("minutes", "Phó Giám đốc", "Chức vụ"),
                              ("pledge", "Không có cán bộ vi phạm kỷ luật", "Chỉ tiêu đăng ký")):
        raw = [flat(page) for page in text(big_pdfs[kind][1].pdf, "-raw")]
        with_rows = [page for page in raw if row in page]
        assert len(with_rows) >= 3, kind
        assert all(header in page for page in with_rows), kind
        for i in range(3, 61, 3):  # every long name wraps in its cell, never across pages
            name = (f"Trung tâm Phát triển quỹ đất và Dịch vụ công số {i} trực thuộc Sở Tài "
                    "nguyên và Môi trường tỉnh Bắc Ninh")
            assert any(name in page for page in raw), (kind, i)


def test_the_signatures_never_stand_alone(big_pdfs: Rendered_) -> None:
    last = flat(text(big_pdfs["scores"][1].pdf)[-1])
    assert "Ghi chú:" in last and "TRƯỞNG KHỐI" in last and "Nguyễn Văn Thủ 1" in last
    pledge = [flat(p) for p in text(big_pdfs["pledge"][1].pdf)]
    grid = next(i for i, p in enumerate(pledge) if "ĐẠI DIỆN CÁC ĐƠN VỊ THÀNH VIÊN" in p)
    assert "Nguyễn Văn Thủ 1" in pledge[grid]  # the heading is with the first signatures


def test_the_party_profile(party_pdfs: Rendered_) -> None:
    first = text(party_pdfs["minutes"][1].pdf)[0]
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in first and "*" in first
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in first
    assert "Độc lập - Tự do - Hạnh phúc" not in first
    assert "Số 02-BB/KTĐNC" in first
    last = flat(text(party_pdfs["minutes"][1].pdf)[-1])
    assert "NGƯỜI GHI BIÊN BẢN" in last and "CHỦ TRÌ HỘI NGHỊ" in last
    assert "T/M KHỐI THI ĐUA" in flat(text(party_pdfs["submission"][1].pdf)[0])
    party = load_profile("party")
    for page in pages(party_pdfs["minutes"][1].pdf):
        assert _inside(page, party.margins) == []


def test_ballot_papers(demo_pdfs: Rendered_) -> None:
    rendered = demo_pdfs["ballots"][1]
    whole = flat(" ".join(text(rendered.pdf)))
    assert whole.count("PHIẾU BẦU") == 5 * 8  # five rounds, eight units present
    assert whole.count("Suy tôn “Cờ thi đua của Ủy ban nhân dân tỉnh” năm 2019") == 8
    assert whole.count("Bầu Phó khối năm 2020") == 8
    assert all(_page_number(p, STATE.margins) == [] for p in pages(rendered.pdf))


def test_a_draft_is_marked_and_unnumbered(bloc: Any) -> None:
    from data.documents.catalog import make
    from printing.pdf import render

    document = make(bloc, 2019, "minutes", draft=True).document
    rendered = render(document, STATE)
    assert all("BẢN NHÁP" in flat(p) for p in text(rendered.pdf, "-raw"))
    first = text(rendered.pdf)[0]
    assert "Số:" in first and "/BB-KTĐNC" in first and "Số: 0" not in first


def test_text_typed_decomposed_prints_composed(bloc: Any) -> None:
    from dataclasses import replace

    from data.documents.catalog import make
    from printing.pdf import render

    document = make(bloc, 2019, "scores", draft=True).document
    section = document.sections[0]
    assert section.letterhead is not None
    nfd = unicodedata.normalize("NFD", "Khối thi đua Tỉnh ủy Bà Rịa - Vũng Tàu")
    changed = replace(document, sections=(replace(section, letterhead=replace(
        section.letterhead, issuer=nfd)),))
    first = text(render(changed, STATE).pdf)[0]
    assert "KHỐI THI ĐUA TỈNH ỦY BÀ RỊA - VŨNG TÀU" in flat(first)
