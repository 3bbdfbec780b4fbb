"""Tests for printing.fonts: the Vietnamese letters, finding, checking and registering fonts."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata as ud
from pathlib import Path

import pytest
import reportlab
from reportlab.lib.fonts import tt2ps
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from data.errors import BlocError
from printing import fonts
from printing.fonts import (
    BUNDLED_DIR,
    VIETNAMESE_LETTERS,
    FontError,
    FontFamily,
    RegisteredFonts,
    candidates,
    choose_family,
    missing_letters,
    register,
)

LIBERATION = FontFamily(
    "Liberation Serif", BUNDLED_DIR / "LiberationSerif-Regular.ttf",
    BUNDLED_DIR / "LiberationSerif-Bold.ttf", BUNDLED_DIR / "LiberationSerif-Italic.ttf",
    BUNDLED_DIR / "LiberationSerif-BoldItalic.ttf", fonts.BUNDLED_ORIGIN)
REPORTLAB_FONTS = Path(reportlab.__file__).parent / "fonts"
VERA = FontFamily(
    "Bitstream Vera Sans", REPORTLAB_FONTS / "Vera.ttf", REPORTLAB_FONTS / "VeraBd.ttf",
    REPORTLAB_FONTS / "VeraIt.ttf", REPORTLAB_FONTS / "VeraBI.ttf", "kèm theo reportlab")
WINDOWS_NAMES = ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf")
MAC_NAMES = ("Times New Roman.ttf", "Times New Roman Bold.ttf", "Times New Roman Italic.ttf",
             "Times New Roman Bold Italic.ttf")
HEADING = "Cộng hòa xã hội chủ nghĩa Việt Nam"


def fake_fonts(folder: Path, names: tuple[str, ...]) -> Path:
    """Copies of the Liberation faces under the given file names, in that order."""
    folder.mkdir(parents=True, exist_ok=True)
    for source, name in zip((LIBERATION.regular, LIBERATION.bold, LIBERATION.italic,
                             LIBERATION.bold_italic), names, strict=False):
        shutil.copyfile(source, folder / name)
    return folder


# --- The letters ---------------------------------------------------------------------------------

def test_letters_hold_vietnamese() -> None:
    for ch in ("ặ", "Ỹ", "ơ", "Ơ", "ư", "Đ", "đ", "ễ", "Ậ", "ỵ", "f", "Z", "“", "…", "°"):
        assert ch in VIETNAMESE_LETTERS
    assert "№" not in VIETNAMESE_LETTERS


def test_letters_are_nfc_single_code_points_without_duplicates() -> None:
    assert ud.normalize("NFC", VIETNAMESE_LETTERS) == VIETNAMESE_LETTERS
    assert not any(ud.combining(ch) for ch in VIETNAMESE_LETTERS)
    assert len(set(VIETNAMESE_LETTERS)) == len(VIETNAMESE_LETTERS)


def test_letters_count() -> None:
    # Per case: 26 ASCII letters + đ + 12 vowels x 6 tones (none, huyền, sắc, ngã, hỏi, nặng)
    # = 99, minus the 6 untoned vowels a e i o u y already counted among the ASCII letters = 93.
    # Both cases: 186 (the "178 letters" of TECH-NOTES are the 29-letter alphabet with tones,
    # i.e. without f j w z in both cases: 186 - 8). Plus 10 punctuation marks “ ” ‘ ’ – — … · % °.
    assert len(VIETNAMESE_LETTERS) == 186 + 10
    assert sum(ch.isalpha() for ch in VIETNAMESE_LETTERS) == 186
    assert sum(ch.islower() for ch in VIETNAMESE_LETTERS) == 93


# --- The bundled font and a font without Vietnamese ---------------------------------------------

def test_bundled_liberation_covers_vietnamese() -> None:
    for path in (LIBERATION.regular, LIBERATION.bold, LIBERATION.italic, LIBERATION.bold_italic):
        assert path.is_file()
        assert missing_letters(path) == ""
    licence = (BUNDLED_DIR / "LICENSE-OFL.txt").read_text(encoding="utf-8")
    assert "SIL Open Font License" in licence
    assert "Copyright (c) 2012 Red Hat, Inc. with Reserved Font Name Liberation." in licence


def test_bundled_liberation_is_a_candidate_with_its_origin() -> None:
    found = candidates(env={}, home=Path("/nonexistent"), platform="win32")
    assert found[0] == LIBERATION
    assert found[0].label == "Liberation Serif (kèm theo phần mềm)"
    assert found[0].warning == ""


def test_vera_lacks_vietnamese_and_is_refused() -> None:
    missing = missing_letters(VERA.regular)
    assert "ặ" in missing and "ơ" in missing and "Đ" in missing
    assert "a" not in missing and "é" not in missing
    assert choose_family([VERA, LIBERATION]) == LIBERATION


def test_no_usable_family_is_a_readable_error() -> None:
    with pytest.raises(FontError) as caught:
        choose_family([VERA])
    assert isinstance(caught.value, BlocError)
    assert caught.value.message.startswith("Không tìm thấy phông chữ có đủ chữ tiếng Việt")
    assert "thiếu" in caught.value.message


# --- Finding Times New Roman ---------------------------------------------------------------------

def test_windows_system_fonts(tmp_path: Path) -> None:
    fake_fonts(tmp_path / "WINDOWS" / "Fonts", WINDOWS_NAMES)
    found = candidates(env={"WINDIR": str(tmp_path / "WINDOWS")}, home=tmp_path, platform="win32")
    assert found[0].name == "Times New Roman"
    assert found[0].origin == "phông của hệ thống"
    assert found[0].label == "Times New Roman (phông của hệ thống)"
    assert found[0].bold_italic == tmp_path / "WINDOWS" / "Fonts" / "timesbi.ttf"
    assert found[1] == LIBERATION
    assert choose_family(found) == found[0]


def test_windows_per_user_fonts(tmp_path: Path) -> None:
    fonts_dir = fake_fonts(tmp_path / "AppData" / "Local" / "Microsoft" / "Windows" / "Fonts",
                           WINDOWS_NAMES)
    env = {"WINDIR": str(tmp_path / "WINDOWS"), "LOCALAPPDATA": str(tmp_path / "AppData" / "Local")}
    found = candidates(env=env, home=tmp_path, platform="win32")
    assert found[0].name == "Times New Roman"
    assert found[0].origin == "phông của hệ thống"
    assert found[0].regular == fonts_dir / "times.ttf"


def test_three_faces_out_of_four_are_not_a_family(tmp_path: Path) -> None:
    fake_fonts(tmp_path / "WINDOWS" / "Fonts", WINDOWS_NAMES[:3])
    found = candidates(env={"WINDIR": str(tmp_path / "WINDOWS")}, home=tmp_path, platform="win32")
    assert "Times New Roman" not in [family.name for family in found]
    assert found[0] == LIBERATION


def test_macos_user_fonts(tmp_path: Path) -> None:
    fonts_dir = fake_fonts(tmp_path / "Library" / "Fonts", MAC_NAMES)
    found = candidates(env={}, home=tmp_path, platform="darwin")
    assert found[0].name == "Times New Roman"
    assert found[0].italic == fonts_dir / "Times New Roman Italic.ttf"


@pytest.mark.parametrize("names", [
    ("Times_New_Roman.ttf", "Times_New_Roman_Bold.ttf", "Times_New_Roman_Italic.ttf",
     "Times_New_Roman_Bold_Italic.ttf"),
    WINDOWS_NAMES,
])
def test_linux_user_fonts_with_either_naming(tmp_path: Path, names: tuple[str, ...]) -> None:
    fonts_dir = fake_fonts(tmp_path / ".local" / "share" / "fonts", names)
    found = candidates(env={}, home=tmp_path, platform="linux")
    assert found[0].name == "Times New Roman"
    assert found[0].regular == fonts_dir / names[0]


def test_a_damaged_file_skips_its_family(tmp_path: Path) -> None:
    fonts_dir = fake_fonts(tmp_path / "WINDOWS" / "Fonts", WINDOWS_NAMES)
    (fonts_dir / "times.ttf").write_bytes(b"this is not a TrueType font" * 40)
    found = candidates(env={"WINDIR": str(tmp_path / "WINDOWS")}, home=tmp_path, platform="win32")
    assert found[0].name == "Times New Roman"
    with pytest.raises(FontError, match="bị hỏng"):
        missing_letters(fonts_dir / "times.ttf")
    assert choose_family(found) == LIBERATION
    with pytest.raises(FontError) as caught:
        choose_family(found[:1])
    assert "bị hỏng" in caught.value.message


def test_a_repaired_file_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "times.ttf"
    path.write_bytes(b"\0" * 10)
    with pytest.raises(FontError):
        missing_letters(path)
    shutil.copyfile(LIBERATION.regular, path)  # another size: the cached failure no longer holds
    assert missing_letters(path) == ""


def test_missing_file_is_a_font_error(tmp_path: Path) -> None:
    with pytest.raises(FontError, match="Không đọc được"):
        missing_letters(tmp_path / "none.ttf")


# --- Registering with reportlab ------------------------------------------------------------------

def test_default_choice_and_registration_on_this_machine() -> None:
    family = choose_family()
    assert missing_letters(family.regular) == ""
    registered = register()
    assert registered.family == family
    assert register() is registered
    assert register(family) is registered


def test_register_names_faces_and_family() -> None:
    registered = register(LIBERATION)
    assert isinstance(registered, RegisteredFonts)
    names = {registered.regular, registered.bold, registered.italic, registered.bold_italic}
    assert len(names) == 4
    for name in names:
        assert pdfmetrics.getFont(name).fontName == name
    assert registered.name(bold=False, italic=False) == registered.regular
    assert registered.name(bold=True, italic=False) == registered.bold
    assert registered.name(bold=False, italic=True) == registered.italic
    assert registered.name(bold=True, italic=True) == registered.bold_italic
    # <b> and <i> in Paragraph markup map through the family registration
    assert tt2ps(registered.regular, 1, 0) == registered.bold
    assert tt2ps(registered.regular, 0, 1) == registered.italic
    assert tt2ps(registered.regular, 1, 1) == registered.bold_italic


def test_two_families_coexist() -> None:
    liberation = register(LIBERATION)
    vera = register(VERA)
    assert vera.regular != liberation.regular
    assert pdfmetrics.getFont(liberation.bold).face.filename == str(LIBERATION.bold)
    assert pdfmetrics.getFont(vera.bold).face.filename == str(VERA.bold)


def test_pdf_embeds_the_registered_fonts_only(tmp_path: Path) -> None:
    registered = register(LIBERATION)
    path = tmp_path / "heading.pdf"
    canvas = Canvas(str(path), initialFontName=registered.regular)
    canvas.setFont(registered.bold, 13)
    canvas.drawString(72, 720, HEADING)
    canvas.setFont(registered.italic, 13)
    canvas.drawString(72, 700, ud.normalize("NFC", "Độc lập - Tự do - Hạnh phúc"))
    canvas.save()
    lines = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                           text=True).stdout.splitlines()[2:]
    assert len(lines) == 2
    for line in lines:
        assert line.split()[-5] == "yes"  # the "emb" column
        assert "LiberationSerif" in line
    assert "Helvetica" not in "\n".join(lines)
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert HEADING in text
