"""Plain-text tables for the terminal."""

from __future__ import annotations

from collections.abc import Container, Sequence


def render_table(headers: Sequence[str], rows: Sequence[Sequence[str]],
                 numeric: Container[int] = ()) -> str:
    """Columns padded to their widest cell; numeric columns right-aligned."""
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.rjust(w) if i in numeric else c.ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(r) for r in rows)])
