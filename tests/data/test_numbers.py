"""data/numbers.py: numbers typed by users, accepted or refused in Vietnamese."""

from __future__ import annotations

import math
import re
from decimal import Decimal
from fractions import Fraction

import pytest

from data.errors import InputError
from data.numbers import as_number, as_optional_number


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (95, 95.0),
        (0, 0.0),
        (-3, -3.0),
        (95.5, 95.5),
        ("95,5", 95.5),
        ("95.5", 95.5),
        ("  7,5 ", 7.5),
        ("2.340.000", 2_340_000.0),
        ("2.340.000,5", 2_340_000.5),
        ("1,234.5", 1234.5),
        ("-3", -3.0),
        ("\u22123", -3.0),  # the minus sign pasted from Word
        ("１０", 10.0),  # full-width digits
        ("100", 100.0),
    ],
)
def test_as_number_accepts(value: object, expected: float) -> None:
    result = as_number(value, "Điểm")
    assert result == expected
    assert type(result) is float


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "Điểm: “True” không phải là số."),
        (False, "Điểm: “False” không phải là số."),
        (None, "Điểm: “None” không phải là số."),
        (float("nan"), "Điểm: “nan” không phải là số."),
        (float("inf"), "Điểm: “inf” không phải là số."),
        (-math.inf, "Điểm: “-inf” không phải là số."),
        ("inf", "Điểm: “inf” không phải là số."),
        ("nan", "Điểm: “nan” không phải là số."),
        ("abc", "Điểm: “abc” không phải là số."),
        ("9,5 điểm", "Điểm: “9,5 điểm” không phải là số."),
        ("1,2,3", "Điểm: “1,2,3” không phải là số."),
        ("12.34.5", "Điểm: “12.34.5” không phải là số."),
        ("5,", "Điểm: “5,” không phải là số."),
        ("", "Điểm: Chưa nhập số."),
        ("   ", "Điểm: Chưa nhập số."),
        ([9.5], "Điểm: “[9.5]” không phải là số."),
        (object, "không phải là số."),
        (Decimal("9.5"), "Điểm: “9.5” không phải là số."),
        (Fraction(1, 2), "Điểm: “1/2” không phải là số."),
        ("1e999", "Điểm: “1e999” không phải là số."),
    ],
)
def test_as_number_refuses(value: object, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        as_number(value, "Điểm")


def test_the_label_names_the_field() -> None:
    with pytest.raises(InputError, match="^Số lần: “hai” không phải là số.$"):
        as_number("hai", "Số lần")


@pytest.mark.parametrize(("value", "expected"),
                         [(None, None), ("", None), ("  \t", None), ("9,5", 9.5), (0, 0.0)])
def test_as_optional_number(value: object, expected: float | None) -> None:
    assert as_optional_number(value, "Kế hoạch") == expected


@pytest.mark.parametrize("value", [True, "abc", float("nan"), "inf", object()])
def test_as_optional_number_refuses(value: object) -> None:
    with pytest.raises(InputError, match="^Kế hoạch: .*không phải là số"):
        as_optional_number(value, "Kế hoạch")
