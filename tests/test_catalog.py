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
from integrity_desktop.indicators import FREQUENCIES, KINDS, due
from integrity_desktop.jalali import Period
from integrity_desktop.resources import (
    ResourceMissing,
    catalog_dir,
    resource_path,
    resources_dir,
    translation_files,
)
from integrity_desktop.textnorm import normalize_for_search

ZW = "\u200c"  # zero-width non-joiner
CATALOG = resources_dir() / "catalog"
OUR_FILES = (catalog.THREE_YEAR_FILE, catalog.REFORM_FILE, catalog.OFFICES_FILE, catalog.LINKS_FILE)
PROGRAMMES = Path(__file__).parent / "data" / "programmes"
THREE_YEAR_TEXT = PROGRAMMES / "three-year-integrity-program-1398-1400.fa.txt"
REFORM_TEXT = PROGRAMMES / "administrative-reform-program-1397-1399.fa.txt"
# Extraction faults of the source texts (seeds README and a few more found while quoting):
# corrected in the source before a quote is looked for.  Our files never contain the left side.
SOURCE_FIXES = (
    ("بازررسی", "بازرسی"), ("بازرگان", "بازرس"), ("متوالی", "متولی"), ("ناظارت", "نظارت"),
    ("اضباط", "انضباط"), ("شاخصه سالاری", "شایسته سالاری"), ("تزویج", "ترویج"),
    ("حسپ موردن", "حسب مورد"), ("مصطفویه", "مصوبه"), ("تهییه", "تهیه"), ("اینمنی", "ایمنی"),
    ("ملزمومات", "ملزومات"), ("موقوفیت", "موفقیت"), ("متبع", "متبوع"), ("اولیت", "اولویت"),
)

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
    assert prog.indicator("1/4").title_fa == f"بررسی میزان تحقق بازرسی{ZW}های برنامه{ZW}ریزی{ZW}شده"
    # compound words with their ZWNJ (issue 14 found them without; migration 0004 rewrites stores)
    assert prog.title_fa == f"برنامه عملیاتی سه{ZW}ساله سلامت نظام اداری و صیانت از حقوق مردم (۱۳۹۸-۱۴۰۰)"
    assert prog.indicator("1/5").title_fa == f"اخذ گزارش تحلیلی و آسیب{ZW}شناسی در مقاطع شش{ZW}ماهه از بازرسان"
    assert prog.indicator("5/2").title_fa == f"اجرای برنامه{ZW}های تدوین{ZW}شده"
    assert prog.indicator("6/3").title_fa == f"پرونده{ZW}های تشکیل{ZW}شده"
    assert prog.indicator("6/11").title_fa == f"آمار کلی فعالیت{ZW}های انجام{ZW}شده"
    assert prog.indicator("10/5").title_fa == f"نظارت در خصوص موارد ارجاع{ZW}شده به کارتابل دستگاه به صورت روزانه"
    assert prog.indicator("22/4").title_fa == f"بررسی گزارش موردی ارجاع{ZW}شده"
    assert prog.indicator("12/5").title_fa.endswith("دوره‌های آموزشی برگزارشده")
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


def test_counting_indicators_take_a_value() -> None:
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

    bad_kind = copy.deepcopy(good)
    bad_kind["axes"][0]["indicators"][0]["definition"]["kind"] = "yes"
    with pytest.raises(ValueError, match="unknown kind"):
        parse_three_year(bad_kind)

    no_definition = copy.deepcopy(good)
    del no_definition["axes"][2]["indicators"][1]["definition"]
    with pytest.raises(ValueError, match="3/2: definition"):
        parse_three_year(no_definition)

    target_outside = copy.deepcopy(good)
    target_outside["axes"][16]["indicators"][3]["definition"]["target"] = 150
    with pytest.raises(ValueError, match=r"17/4.*target is outside the bounds"):
        parse_three_year(target_outside)


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


# --------------------------------------------------------------------------- definitions


def _folded(text: str) -> str:
    """Normalised for matching a quote: search form, «ئ» as «ی», no spaces or ZWNJ."""
    text = normalize_for_search(text).replace("ئ", "ی").replace("ء", "")
    return re.sub(r"[\s\u200c]+", "", text)


@pytest.fixture(scope="module")
def sources() -> dict[str, str]:
    out = {}
    for name, path in (("three", THREE_YEAR_TEXT), ("reform", REFORM_TEXT)):
        text = path.read_text(encoding="utf-8")
        for wrong, right in SOURCE_FIXES:
            text = text.replace(wrong, right)
        out[name] = _folded(text)
    return out


def test_every_indicator_of_both_programmes_is_defined() -> None:
    prog, reform = load_three_year(), load_reform()
    assert len(prog.indicators) == 138
    for ind in prog.indicators:
        d = ind.definition
        assert d.kind in KINDS and d.frequency in FREQUENCIES and d.direction in ("higher", "lower"), ind.code
        assert not d.problems(), ind.code
        assert ind.spec.quote, ind.code
        if d.takes_value:
            assert d.unit_fa and d.min_value is not None, ind.code
    # 10 programmes: 66 joint actions and programme 6's goal, all defined
    assert len(reform.items) == sum(len(p.joint_actions) for p in reform.programmes) + 1 == 67
    assert all(not i.definition.problems() and i.spec.quote for i in reform.items)


def test_definitions_the_programme_states() -> None:
    prog = load_three_year()
    d = {code: prog.indicator(code).definition for code in ("17/4", "10/3", "10/2", "1/6", "1/5", "1/7",
                                                             "5/3", "9/11", "10/5", "6/4", "8/1", "2/1")}
    assert (d["17/4"].kind, d["17/4"].target, d["17/4"].direction, d["17/4"].max_value) == ("percent", 15, "higher", 100)
    assert (d["10/3"].kind, d["10/3"].target, d["10/3"].direction, d["10/3"].unit_fa) == (
        "average_days", 30, "lower", "روز")
    assert (d["10/2"].kind, d["10/2"].min_value, d["10/2"].max_value) == ("ratio", 0, 1)
    assert (d["1/6"].frequency, d["1/5"].frequency, d["1/7"].frequency, d["5/3"].frequency) == (
        "monthly", "six_monthly", "annual", "annual")
    assert d["9/11"].frequency == "quarterly" and d["10/5"].frequency == "monthly"
    assert (d["6/4"].kind, d["6/4"].target, d["6/4"].whole) == ("count", None, True)
    assert "ملاک عمل" in d["6/4"].measurement_fa and d["8/1"].kind == "score"
    assert (d["2/1"].kind, d["2/1"].unit_fa, d["2/1"].target) == ("status", "", None)
    targets = {i.code for i in prog.indicators if i.definition.target is not None}
    assert targets == {"17/4", "10/3"}  # the only numbers the programme states
    goal = load_reform().item("R6/5")
    assert (goal.definition.kind, goal.definition.target, goal.definition.frequency, goal.is_goal) == (
        "percent", 10, "annual", True)


def test_every_quote_is_found_in_the_programme_text(sources: dict[str, str]) -> None:
    prog, reform = load_three_year(), load_reform()
    quotes = [("three", f"{i.code} definition", i.spec.quote) for i in prog.indicators]
    quotes += [("three", f"decision {d.subject}", d.quote) for d in prog.decisions]
    quotes += [("reform", f"{i.code} definition", i.spec.quote) for i in reform.items]
    quotes += [("reform", f"decision {d.subject}", d.quote) for d in reform.decisions]
    for link in catalog.load_links():
        quotes += [("reform", f"link {link.reform}", link.reform_quote),
                   ("three", f"link {link.reform}", link.three_year_quote)]
    missing = [(where, q) for src, where, q in quotes if _folded(q) not in sources[src]]
    assert not missing, missing[:5]


def test_doubtful_carry_downs_are_decided_and_recorded() -> None:
    prog = load_three_year()
    subjects = " ".join(d.subject for d in prog.decisions)
    for subject in ("1/3-1/7", "16/1", "15/6-15/12", "axis 6", "8/1-8/2"):
        assert subject in subjects, subject
    assert prog.indicator("16/1").legal_basis == ""
    assert prog.indicator("1/3").partner_units == (f"کلیه حوزه{ZW}های ستادی و استانی",)
    assert {prog.indicator(f"15/{n}").lead_unit for n in range(6, 11)} == {
        f"اداره کل منابع انسانی و پشتیبانی ستاد و امور عمومی استان{ZW}ها"}
    assert "فناوری" not in prog.indicator("15/12").lead_unit
    assert {prog.indicator(f"6/{n}").legal_basis for n in range(1, 12)} == {"آیین رسیدگی به تخلفات کارمندان"}
    assert "امتیاز" not in prog.indicator("8/1").legal_basis
    assert "امتیاز" in prog.indicator("8/2").definition.measurement_fa
    for key in ("kind", "frequency", "direction", "bounds", "target", "due"):
        assert prog.definition_rules[key], key


def test_reform_codes_cannot_collide_with_the_three_year_codes() -> None:
    three = {i.code for i in load_three_year().indicators}
    reform = [i.code for i in load_reform().items]
    assert len(set(reform)) == len(reform)
    assert not three & set(reform)
    assert all(code.startswith("R") and re.fullmatch(r"R[0-9]+/[0-9]+", code) for code in reform)
    assert not any(code.startswith("6/") for code in reform)  # a query on «6/%» finds only 6/x
    assert load_reform().item("R6/1").legacy_code == "6/1"


def test_programme_links_name_real_axes_and_programmes() -> None:
    links = catalog.load_links()
    assert sorted(link.reform for link in links) == list(range(1, 11))
    axes = {a.number for a in load_three_year().axes}
    assert all(set(link.axes) <= axes and link.theme_fa for link in links)
    assert {10} <= {a for link in links if link.reform == 7 for a in link.axes}  # complaints


@pytest.mark.parametrize(
    ("frequency", "asked_in", "not_asked_in"),
    [
        ("monthly", ["1403-M01", "1403-Q1", "1403"], []),
        ("quarterly", ["1403-Q1", "1403-H1", "1403", "1403-M03"], ["1403-M01", "1403-M11"]),
        ("six_monthly", ["1403-H1", "1403-Q2", "1403-Q4", "1403-M06", "1403"], ["1403-Q1", "1403-Q3", "1403-M05"]),
        ("annual", ["1403", "1403-Q4", "1403-H2", "1403-M12"], ["1403-Q1", "1403-Q2", "1403-Q3", "1403-H1", "1403-M06"]),
        ("once", ["1403-Q1", "1403-M02"], []),
    ],
)
def test_due_rule(frequency: str, asked_in: list[str], not_asked_in: list[str]) -> None:
    assert all(due(frequency, Period.parse(p)) for p in asked_in)
    assert not any(due(frequency, Period.parse(p)) for p in not_asked_in)
