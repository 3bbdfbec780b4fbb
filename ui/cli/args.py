"""An argparse that speaks Vietnamese and exits with code 2 and a Vietnamese reason on bad usage."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

_VI = {
    "usage: ": "Cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "không hiểu tham số: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "lựa chọn không hợp lệ: %(value)r (chọn một trong: %(choices)s)",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "expected one argument": "cần một giá trị",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
}


def _translate(text: str) -> str:
    return _VI.get(text, text)


argparse._ = _translate  # type: ignore[attr-defined]  # argparse looks its texts up at call time


class Parser(argparse.ArgumentParser):
    """ArgumentParser whose errors are Vietnamese and exit with code 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"Lỗi: {message}\n")


def year_arg(text: str) -> int:
    """A year typed on the command line."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” không phải là một năm") from None
