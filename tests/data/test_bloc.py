"""data/bloc.py: creating and opening bloc files, and the bloc's own profile."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from data.bloc import create_bloc, load_profile, open_bloc, save_profile
from data.db import Database, with_extension
from data.errors import FileAccessError, FileFormatError, InputError
from data.model import BlocProfile

PROFILE = BlocProfile(
    name="Khối thi đua các Ban, Cơ quan của Đảng",
    council="Hội đồng Thi đua - Khen thưởng tỉnh Bà Rịa - Vũng Tàu",
    place="Bà Rịa - Vũng Tàu",
    profile="party",
    superior="Tỉnh ủy Bà Rịa - Vũng Tàu",
    code="KĐ",
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_create_then_open_keeps_the_profile(tmp_path: Path) -> None:
    path = tmp_path / "Khối Đảng.ktd"
    db = create_bloc(path, PROFILE)
    try:
        assert load_profile(db) == PROFILE
    finally:
        db.close()
    reopened = open_bloc(path)
    try:
        assert load_profile(reopened) == PROFILE
    finally:
        reopened.close()


def test_create_in_memory(empty_bloc: Database) -> None:
    profile = load_profile(empty_bloc)
    assert profile == BlocProfile(name="Khối thi đua thử", council="Hội đồng TĐKT tỉnh",
                                  place="Bắc Ninh")
    assert profile.profile == "state"


def test_create_adds_the_extension(tmp_path: Path) -> None:
    create_bloc(tmp_path / "Khối nội chính", PROFILE).close()
    assert listing(tmp_path) == ["Khối nội chính.ktd"]


def test_save_profile_replaces_and_normalises(empty_bloc: Database) -> None:
    typed = BlocProfile(name=nfd("  Khối thi đua   các cơ quan nội chính tỉnh "),
                        council=nfd("Hội đồng Thi đua - Khen thưởng tỉnh Bắc Ninh"),
                        place=nfd("Bắc Ninh"), superior=nfd(" Ủy ban nhân dân tỉnh"),
                        code=nfd("KTĐNC"))
    saved = save_profile(empty_bloc, typed)
    expected = BlocProfile(name="Khối thi đua các cơ quan nội chính tỉnh",
                           council="Hội đồng Thi đua - Khen thưởng tỉnh Bắc Ninh",
                           place="Bắc Ninh", superior="Ủy ban nhân dân tỉnh", code="KTĐNC")
    assert saved == expected
    assert load_profile(empty_bloc) == expected
    stored = empty_bloc.conn.execute("SELECT name, superior FROM bloc").fetchone()
    assert all(unicodedata.is_normalized("NFC", value) for value in stored)
    assert empty_bloc.conn.execute("SELECT count(*) FROM bloc").fetchone()[0] == 1


@pytest.mark.parametrize("name", ["", "   ", "\u200b", "\t\n"])
def test_an_empty_bloc_name_is_refused(empty_bloc: Database, name: str) -> None:
    before = list(empty_bloc.conn.iterdump())
    with pytest.raises(InputError, match="Tên khối thi đua không được để trống"):
        save_profile(empty_bloc, BlocProfile(name=name, council="Hội đồng", place="Hà Nội"))
    assert list(empty_bloc.conn.iterdump()) == before


def test_create_with_an_empty_name_leaves_no_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="không được để trống"):
        create_bloc(tmp_path / "Khối", BlocProfile(name=" ", council="", place=""))
    assert listing(tmp_path) == []


def test_creating_over_an_existing_file_is_refused(bloc_file: Path) -> None:
    before = bloc_file.read_bytes()
    with pytest.raises(FileAccessError, match="“Khối mẫu.ktd” đã có; hãy chọn tên khác"):
        create_bloc(bloc_file, PROFILE)
    with pytest.raises(FileAccessError, match="đã có"):
        create_bloc(bloc_file.with_suffix(""), PROFILE)  # the extension is added first
    assert bloc_file.read_bytes() == before
    assert listing(bloc_file.parent) == [bloc_file.name]
    db = open_bloc(bloc_file)
    try:
        assert load_profile(db).name == "Khối thi đua các cơ quan nội chính tỉnh"
    finally:
        db.close()


def test_opening_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileAccessError, match="Không tìm thấy tệp “Không có.ktd”"):
        open_bloc(tmp_path / "Không có.ktd")
    assert listing(tmp_path) == []


def test_opening_an_empty_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "rỗng.ktd"
    path.write_bytes(b"")
    with pytest.raises(FileFormatError, match="“rỗng.ktd” trống, không phải tệp khối thi đua"):
        open_bloc(path)
    assert path.read_bytes() == b""
    assert listing(tmp_path) == ["rỗng.ktd"]


def test_load_profile_of_a_file_without_one() -> None:
    from data.db import connect
    from data.migrations import migrate

    db = connect(None)
    try:
        migrate(db)
        with pytest.raises(InputError, match="chưa có thông tin khối thi đua"):
            load_profile(db)
    finally:
        db.close()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Khối nội chính", "Khối nội chính.ktd"),
        ("Khối nội chính.ktd", "Khối nội chính.ktd"),
        ("sao lưu.db", "sao lưu.db"),
        ("Khối thi đua Tp. Bắc Ninh", "Khối thi đua Tp. Bắc Ninh.ktd"),
        ("thư mục/Khối", "thư mục/Khối.ktd"),
    ],
)
def test_with_extension(typed: str, expected: str) -> None:
    assert with_extension(typed) == Path(expected)
    assert with_extension(Path(typed)) == Path(expected)
