"""The programme catalogue JSON files and their loader (no Qt)."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from integrity_desktop import catalog
from integrity_desktop.catalog import (
    load_offices,
    load_reform,
    load_three_year,
    parse_offices,
    parse_reform,
    parse_three_year,
)
from integrity_desktop.resources import (
    ResourceMissing,
    catalog_dir,
    resource_path,
    resources_dir,
    translation_files,
)

ZW = "\u200c"  # zero-width non-joiner
CATALOG = resources_dir() / "catalog"
OUR_FILES = (catalog.THREE_YEAR_FILE, catalog.REFORM_FILE, catalog.OFFICES_FILE)

EXPECTED_PER_AXIS = {
    1: 7, 2: 3, 3: 5, 4: 4, 5: 3, 6: 11, 7: 3, 8: 2, 9: 12, 10: 10, 11: 3,
    12: 5, 13: 6, 14: 5, 15: 12, 16: 8, 17: 8, 18: 11, 19: 6, 20: 3, 21: 6, 22: 5,
}  # fmt: skip

OCR_TYPOS = (
    "متوالی",
    "ناظارت",
    "اضباط",
    "شاخصه سالاری",
    "تزویج",
    "حسپ",
    "موردن",
    "مصطفویه",
    "بازررسی",
    "تهییه",
    "اینمنی",
    "ملزمومات",
    "مزايده",
    "بازرگانی",
    "تقدیر از",
)

PERSIAN_ALPHABET = "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"


def _raw(filename: str) -> Any:
    return json.loads((CATALOG / filename).read_text(encoding="utf-8"))


def _all_strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in (*_all_strings(k), *_all_strings(v))]
    if isinstance(node, list):
        return [s for item in node for s in _all_strings(item)]
    return []


def _persian_key(text: str) -> list[int]:
    return [PERSIAN_ALPHABET.index(ch) if ch in PERSIAN_ALPHABET else -1 for ch in text]


# --------------------------------------------------------------------------- resources


def test_resources_dir_is_the_repo_folder() -> None:
    assert resources_dir() == Path(__file__).resolve().parent.parent / "resources"


def test_resources_are_found_through_importlib_resources() -> None:
    """The same lookup a wheel and the frozen build use (installer/check-wheel.sh runs it
    from an installed wheel)."""
    import importlib.resources

    found = importlib.resources.files("integrity_desktop.data.resources") / "catalog"
    assert found == catalog_dir() == CATALOG
    fonts = importlib.resources.files("integrity_desktop.data.resources") / "fonts"
    assert (fonts / "OFL.txt").is_file()  # the font's licence travels with it
    assert resource_path("fonts", "Vazirmatn-Regular.ttf") == fonts / "Vazirmatn-Regular.ttf"
    qm = translation_files("fa")
    ts = sorted(Path(__file__).resolve().parent.parent.glob("translations/fa/*.ts"))
    # ours, one per .ts, and Qt's own Persian shipped beside them (i18n build copies it)
    assert [q.stem for q in qm if q.stem != "qtbase_fa"] == [t.stem for t in ts]
    assert "qtbase_fa" in [q.stem for q in qm]


def test_a_missing_resource_is_said_in_persian_and_english() -> None:
    with pytest.raises(ResourceMissing) as caught:
        resource_path("fonts", "Missing-Regular.ttf")
    assert "resources/fonts/Missing-Regular.ttf" in caught.value.fa
    assert "دوباره نصب کنید" in caught.value.fa
    assert "reinstall" in caught.value.en
    with pytest.raises(ResourceMissing):
        translation_files("xx")
    with pytest.raises(ResourceMissing):
        catalog._read_json("missing-programme.json")


def test_an_installation_without_its_data_fails_loudly(tmp_path: Path) -> None:
    """The package alone, without resources/ and translations/ (a wheel built wrongly):
    commands and the self-test end with the Persian and English message, not a traceback."""
    import os
    import shutil
    import subprocess
    import sys

    package = Path(catalog.__file__).resolve().parent
    shutil.copytree(package, tmp_path / package.name, ignore=shutil.ignore_patterns("__pycache__"))
    env = dict(os.environ, PYTHONPATH=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    for args in (["offices"], ["--self-test"]):
        done = subprocess.run([sys.executable, "-m", "integrity_desktop", *args], cwd=tmp_path,
                              env=env, capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        assert "Traceback" not in done.stderr
        assert "خطا: پرونده‌ای که همراه برنامه نصب می‌شود پیدا نشد" in done.stderr
        assert "error: A file that ships with the app is missing" in done.stderr


# --------------------------------------------------------------------------- three-year


def test_three_year_counts() -> None:
    prog = load_three_year()
    assert prog.code == "three-year-1398-1400"
    assert len(prog.axes) == 22
    assert [a.number for a in prog.axes] == list(range(1, 23))
    assert {a.number: len(a.indicators) for a in prog.axes} == EXPECTED_PER_AXIS
    assert len(prog.indicators) == 138


def test_indicator_codes_unique_and_match_axis() -> None:
    prog = load_three_year()
    codes = [ind.code for ind in prog.indicators]
    assert len(set(codes)) == len(codes)
    for axis in prog.axes:
        for m, ind in enumerate(axis.indicators, start=1):
            assert re.fullmatch(r"[0-9]+/[0-9]+", ind.code)
            assert ind.code.split("/")[0] == str(axis.number)
            assert ind.code == f"{axis.number}/{m}"
            assert ind.axis_number == axis.number


def test_raw_json_codes_are_ascii_and_prefix_equals_axis() -> None:
    for axis in _raw(catalog.THREE_YEAR_FILE)["axes"]:
        for ind in axis["indicators"]:
            assert ind["code"].isascii()
            assert ind["code"].split("/")[0] == str(axis["number"])


def test_axis_13_starts_with_13_1() -> None:
    axis = load_three_year().axis(13)
    assert axis.indicators[0].code == "13/1"
    assert axis.title_fa == "ترویج اخلاق، فرهنگ و مبانی اسلامی و صیانت از آن"


def test_22_1_is_about_inspections() -> None:
    title = load_three_year().indicator("22/1").title_fa
    assert f"بازرسی{ZW}های موردی" in title or "بازرسی های موردی" in title
    assert "بازرگانی" not in title


def test_pinned_titles() -> None:
    prog = load_three_year()
    assert prog.axis(1).title_fa == "اجرای دستورالعمل اجرایی مواد ۹۱ و ۹۲ قانون مدیریت خدمات کشوری"
    assert prog.indicator("1/4").title_fa == f"بررسی میزان تحقق بازرسی{ZW}های برنامه{ZW}ریزی شده"
    assert prog.axis(6).title_fa == "اجرای قانون رسیدگی به تخلفات اداری در دستگاه"
    assert prog.indicator("6/4").title_fa == f"پرونده{ZW}های مختومه"
    assert prog.indicator("10/3").title_fa == (
        "میانگین زمان پاسخگویی به شکایات (۳۰ روز - شاخص معکوس)"
    )
    assert prog.axis(17).title_fa == f"شایسته{ZW}سالاری"
    assert prog.axis(18).title_fa == "انضباط اداری و مالی"
    assert prog.axis(22).title_fa == "نظارت و کنترل داخلی"
    assert prog.indicator("22/5").title_fa == f"شرکت در جلسات مناقصات و مزایده{ZW}ها"
    assert prog.indicator("22/5").lead_unit == "دفتر حراست"


def test_subtasks_and_carried_cells() -> None:
    prog = load_three_year()
    assert prog.indicator("9/3").title_fa == "منشور اخلاقی"
    assert len(prog.indicator("9/3").subtasks) == 3
    assert len(prog.indicator("9/4").subtasks) == 4
    assert prog.indicator("1/1").subtasks == ()
    # Merged cells carry down to the rows below them.
    basis = "مواد ۹۱ و ۹۲ قانون مدیریت خدمات کشوری و دستورالعمل اجرایی آن"
    assert {prog.indicator(f"1/{m}").legal_basis for m in range(1, 8)} == {basis}
    assert {prog.indicator(f"6/{m}").lead_unit for m in range(1, 12)} == {
        prog.indicator("6/1").lead_unit
    }
    assert prog.indicator("16/2").partner_units == ("گروه حقوقی",)
    assert "سازمان بازرسی کل کشور" in prog.indicator("16/2").title_fa


def test_counting_indicators() -> None:
    prog = load_three_year()
    assert all(ind.counts for ind in prog.axis(6).indicators)
    for code in ("8/1", "10/2", "10/10", "17/4", "22/1"):
        assert prog.indicator(code).counts, code
    for code in ("2/1", "9/1", "21/1"):
        assert not prog.indicator(code).counts, code


# --------------------------------------------------------------------------- reform


def test_reform_programmes() -> None:
    reform = load_reform()
    assert reform.code == "reform-1397-1399"
    assert reform.approved_on == "1397/05/30"
    assert reform.approved_by == "شورای عالی اداری"
    assert [p.number for p in reform.programmes] == list(range(1, 11))
    assert len(reform.goals) == 3
    assert len(reform.strategies) == 9
    for prog in reform.programmes:
        assert prog.policy_references
        assert prog.joint_actions
        assert prog.outcomes
    assert reform.programme(1).title_fa == "مهندسی نقش و ساختار دولت"
    assert reform.programme(6).title_fa == "توسعه فرهنگ سازمانی"
    assert reform.programme(10).title_fa == "نظارت و ارزیابی"
    assert len(reform.programme(2).joint_actions) == 15


def test_only_programme_6_has_a_quantitative_goal() -> None:
    reform = load_reform()
    with_goal = [p.number for p in reform.programmes if p.quantitative_goal]
    assert with_goal == [6]
    assert "۱۰ درصد" in reform.programme(6).quantitative_goal


# --------------------------------------------------------------------------- offices


def test_offices() -> None:
    offices = load_offices()
    assert len(offices) == 32
    assert offices[0].code == "hq" and offices[0].kind == "hq"
    provinces = offices[1:]
    assert all(o.kind == "province" for o in provinces)
    codes = [o.code for o in offices]
    assert len(set(codes)) == 32
    assert all(re.fullmatch(r"[a-z][a-z0-9-]*", c) for c in codes)
    for code in (
        "tehran",
        "isfahan",
        "fars",
        "khorasan-razavi",
        "khorasan-north",
        "khorasan-south",
        "azarbaijan-east",
        "azarbaijan-west",
        "ardabil",
        "alborz",
        "kohgiluyeh-boyerahmad",
        "chaharmahal-bakhtiari",
        "sistan-baluchestan",
    ):
        assert code in codes, code
    for office in provinces:
        assert office.name_fa == f"اداره کل آموزش فنی و حرفه{ZW}ای استان {office.province_fa}"
        assert office.name_en.endswith("Province Directorate General")
        assert 3 <= len(office.units_fa) <= 6
    names = [o.province_fa for o in provinces]
    assert names == sorted(names, key=_persian_key)
    assert names[0] == "آذربایجان شرقی" and names[-1] == "یزد"


# --------------------------------------------------------------------------- text hygiene


@pytest.mark.parametrize("filename", OUR_FILES)
def test_no_arabic_letters(filename: str) -> None:
    text = (CATALOG / filename).read_text(encoding="utf-8")
    for bad in ("\u064a", "\u0643", "\u0649", "\u0629"):
        assert bad not in text, f"{filename} contains U+{ord(bad):04X}"


@pytest.mark.parametrize("filename", OUR_FILES)
def test_no_ocr_typos(filename: str) -> None:
    strings = _all_strings(_raw(filename))
    for typo in OCR_TYPOS:
        hits = [s for s in strings if typo in s]
        assert not hits, f"{filename}: {typo!r} in {hits[:2]}"


@pytest.mark.parametrize("filename", OUR_FILES)
def test_no_stray_whitespace(filename: str) -> None:
    for s in _all_strings(_raw(filename)):
        assert s == s.strip() and "  " not in s, repr(s)


# --------------------------------------------------------------------------- validation


def test_loaders_are_cached() -> None:
    assert load_three_year() is load_three_year()
    assert load_reform() is load_reform()
    assert load_offices() is load_offices()


def test_broken_three_year_raises() -> None:
    good = _raw(catalog.THREE_YEAR_FILE)
    parse_three_year(good)

    wrong_prefix = copy.deepcopy(good)
    wrong_prefix["axes"][12]["indicators"][0]["code"] = "12/1"
    with pytest.raises(ValueError, match="axis number 13"):
        parse_three_year(wrong_prefix)

    missing = copy.deepcopy(good)
    del missing["axes"][0]["indicators"][-1]
    with pytest.raises(ValueError, match="137 indicators"):
        parse_three_year(missing)

    bad_counts = copy.deepcopy(good)
    bad_counts["axes"][0]["indicators"][0]["counts"] = "yes"
    with pytest.raises(ValueError, match="counts"):
        parse_three_year(bad_counts)


def test_broken_reform_and_offices_raise() -> None:
    reform = _raw(catalog.REFORM_FILE)
    reform["programmes"].pop()
    with pytest.raises(ValueError, match="9 programmes"):
        parse_reform(reform)

    offices = _raw(catalog.OFFICES_FILE)
    offices["offices"].append(dict(offices["offices"][1]))
    with pytest.raises(ValueError, match="duplicate"):
        parse_offices(offices)

    offices = _raw(catalog.OFFICES_FILE)
    offices["offices"].reverse()
    with pytest.raises(ValueError, match=r"headquarters|kind hq"):
        parse_offices(offices)
