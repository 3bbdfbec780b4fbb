"""printing/output.py: file names Windows accepts, atomic writes, reasons in Vietnamese."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from data.errors import FileAccessError
from printing import output
from printing.output import document_file_name, safe_file_name, save_bytes


def test_file_names() -> None:
    assert safe_file_name("Biên bản năm 2019 - Số: 02/BB-KTĐNC") == \
        "Biên bản năm 2019 - Số 02-BB-KTĐNC"
    assert safe_file_name('a<b>c:"d"|e?f*g\\h') == "a-b-c-d-e-f-g-h"
    assert safe_file_name("  tên .  ") == "tên" and safe_file_name("...") == "văn bản"
    decomposed = "Bie\u0302\u0301n ba\u0309n"
    assert safe_file_name(decomposed) == "Biến bản"
    assert document_file_name("Tờ trình năm 2019", "Số: 03/TTr-KTĐNC", False) == \
        "Tờ trình năm 2019 - Số 03-TTr-KTĐNC.pdf"
    assert document_file_name("Tờ trình năm 2019", "Số: 03/TTr", True) == \
        "Tờ trình năm 2019 - bản nháp.pdf"
    assert document_file_name("Phiếu bầu năm 2019", "", False, ".docx") == \
        "Phiếu bầu năm 2019.docx"


def test_save_replaces_atomically(tmp_path: Path) -> None:
    target = tmp_path / "văn bản.pdf"
    target.write_bytes(b"old")
    assert save_bytes(target, b"%PDF new") == target
    assert target.read_bytes() == b"%PDF new"
    assert [p.name for p in tmp_path.iterdir()] == ["văn bản.pdf"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "văn bản.pdf"
    target.write_bytes(b"old")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(output.os, "replace", refuse)
    with pytest.raises(FileAccessError) as info:
        save_bytes(target, b"new")
    assert info.value.message == ("Không ghi đè được “văn bản.pdf”: tệp đang mở ở chương trình "
                                  "khác hoặc chỉ cho phép đọc. Hãy đóng tệp đó hoặc chọn tên "
                                  "khác.")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["văn bản.pdf"]


@pytest.mark.parametrize(("error", "exists", "expected"), [
    (OSError(errno.ENOSPC, "No space left"), False,
     "Ổ đĩa đã đầy, không ghi được “x.pdf”. Hãy giải phóng dung lượng."),
    (PermissionError(errno.EACCES, "Permission denied"), False,
     "Không ghi được vào thư mục “{dir}”: thư mục chỉ cho phép đọc."),
    (OSError(errno.EIO, "Input/output error"), False, "Không ghi được “{dir}/x.pdf”: "
                                                      "Input/output error."),
])
def test_reasons(tmp_path: Path, error: OSError, exists: bool, expected: str) -> None:
    reason = output._reason(error, tmp_path / "x.pdf")
    assert reason == expected.format(dir=tmp_path).replace("/", os.sep)


def test_a_missing_folder_or_a_folder_as_target(tmp_path: Path) -> None:
    with pytest.raises(FileAccessError, match=f"Không có thư mục “{tmp_path / 'không có'}”"):
        save_bytes(tmp_path / "không có" / "x.pdf", b"x")
    with pytest.raises(FileAccessError, match="là một thư mục; hãy đặt tên tệp"):
        save_bytes(tmp_path, b"x")
