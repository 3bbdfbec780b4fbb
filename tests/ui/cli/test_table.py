"""Plain-text tables."""

from __future__ import annotations

from ui.cli.table import render_table


def test_columns_padded_and_numbers_right_aligned() -> None:
    text = render_table(("Đơn vị", "Tổng"), [("Sở Nội vụ", "105"), ("Công an tỉnh", "9,5")],
                        numeric={1})
    assert text.splitlines() == [
        "Đơn vị        Tổng",
        "------------  ----",
        "Sở Nội vụ      105",
        "Công an tỉnh   9,5",
    ]
