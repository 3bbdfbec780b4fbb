"""ui/score_input.py: what is typed in a score cell, how a cell shows and copies its score."""

from __future__ import annotations

import pytest

from data.errors import InputError
from data.model import Criterion, Layer, NodeKind, Score
from ui.score_input import block_text, cell_text, edit_text, parse_block, parse_cell


def node(kind: NodeKind, max_points: float = 10, **extra: object) -> Criterion:
    grades = (("A", 1.0), ("B", 0.8), ("C", 0.6), ("D", 0.0))
    return Criterion(id=1, year=2019, parent_id=None, position=1, code="1b", title="Nhiệm vụ",
                     kind=kind, max_points=max_points,
                     grades=grades if kind is NodeKind.QUALITATIVE else (), **extra)  # type: ignore[arg-type]


QUAL, QUANT, NUM = node(NodeKind.QUALITATIVE), node(NodeKind.QUANTITATIVE, 20), node(
    NodeKind.NUMERIC)


@pytest.mark.parametrize(
    ("criterion", "typed", "fields"),
    [
        (QUAL, "a", {"grade": "a"}),
        (QUAL, " B ", {"grade": "B"}),
        (QUAL, "9,5", {"points": "9,5"}),
        (QUAL, "E", {"grade": "E"}),  # unknown: prepare_score refuses it with the scale
        (QUAL, "A · 10", {"grade": "A"}),  # a cell copied as shown
        (QUANT, "108/100", {"actual": "108", "plan": "100"}),
        (QUANT, " 98,5 / 100 ", {"actual": "98,5", "plan": "100"}),
        (QUANT, "20 (108/100)", {"actual": "108", "plan": "100"}),
        (QUANT, "18", {"points": "18"}),
        (NUM, "9.5", {"points": "9.5"}),
        (NUM, "abc", {"points": "abc"}),  # not a number: prepare_score says so
        (NUM, "-3", {"points": "-3"}),
    ],
)
def test_parse_cell(criterion: Criterion, typed: str, fields: dict[str, str]) -> None:
    assert parse_cell(typed, criterion) == fields


@pytest.mark.parametrize("typed", ["", "   ", "\t"])
def test_blank_text_empties_the_cell(typed: str) -> None:
    assert parse_cell(typed, QUAL) is None


@pytest.mark.parametrize(
    ("criterion", "typed", "message"),
    [
        (QUAL, "108/100", "chỉ nội dung định lượng mới nhập dạng thực hiện/kế hoạch"),
        (NUM, "5/6", "chỉ nội dung định lượng mới nhập dạng thực hiện/kế hoạch"),
        (QUANT, "108/", "hãy nhập dạng thực hiện/kế hoạch, ví dụ 108/100"),
        (QUANT, "1/2/3", "hãy nhập dạng thực hiện/kế hoạch, ví dụ 108/100"),
    ],
)
def test_refused_shapes(criterion: Criterion, typed: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_cell(typed, criterion)


def test_nfd_text_is_read_as_nfc() -> None:
    own = node(NodeKind.QUALITATIVE)
    own = Criterion(**{**own.__dict__, "grades": (("Tốt", 1.0), ("Khá", 0.7))})
    assert parse_cell("Kha\u0301", own) == {"grade": "Khá"}


def score(**fields: object) -> Score:
    return Score(unit_id=1, criterion_id=1, layer=Layer.VERIFIED, **fields)  # type: ignore[arg-type]


def test_cell_and_edit_texts() -> None:
    assert (cell_text(QUAL, score(grade="B")), edit_text(QUAL, score(grade="B"))) == ("B · 8", "B")
    quantity = score(plan=100.0, actual=108.0, points=20.0)
    assert (cell_text(QUANT, quantity), edit_text(QUANT, quantity)) == ("20 (108/100)", "108/100")
    partial = score(plan=100.0, actual=98.5)
    assert (cell_text(QUANT, partial), edit_text(QUANT, partial)) == ("19,7 (98,5/100)",
                                                                      "98,5/100")
    assert (cell_text(NUM, score(points=9.5)), edit_text(NUM, score(points=9.5))) == ("9,5",
                                                                                     "9,5")
    assert cell_text(NUM, None) == edit_text(NUM, None) == ""


def test_blocks_from_excel_and_back() -> None:
    assert parse_block("A\tB\r\n9,5\t108/100\r\n") == [["A", "B"], ["9,5", "108/100"]]
    assert parse_block("A\t\tC\n\nD") == [["A", "", "C"], [""], ["D"]]
    assert parse_block('"hai\tô"\tB\n') == [["hai\tô", "B"]]
    assert parse_block("") == parse_block("\r\n") == []
    rows = [["A", "9,5"], ["", 'có "ngoặc"\nxuống dòng']]
    assert parse_block(block_text(rows)) == rows
    assert block_text([["A", "B"], ["1", "2"]]) == "A\tB\n1\t2\n"
