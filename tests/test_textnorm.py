"""Search normalisation: every spelling of a Persian word folds to one form (no Qt)."""

from __future__ import annotations

import pytest

from integrity_desktop.textnorm import matches, normalize_for_search

PAIRS = [
    ("علي", "علی"),  # Arabic yeh
    ("مصطفى", "مصطفی"),  # alef maksura
    ("كارمند", "کارمند"),  # Arabic kaf
    ("می\u200cشود", "می شود"),  # ZWNJ vs space
    ("نرم\u200cافزار", "نرم افزار"),
    ("بـــازرســی", "بازرسی"),  # kashida
    ("مُحَمَّد", "محمد"),  # diacritics
    ("قرآنٌ", "قرآن"),  # tanwin
    ("۱۴۰۳/۰۷/۱۵", "1403/07/15"),  # Persian digits
    ("١٤٠٣", "1403"),  # Arabic-Indic digits
    ("ﺑﺎﺯﺭﺳﯽ", "بازرسی"),  # presentation forms (what pdftotext gives)
    ("ﻻ", "لا"),  # lam-alef ligature
    ("خانۀ فرهنگ", "خانه فرهنگ"),  # heh with yeh above
    ("مدرسة", "مدرسه"),  # teh marbuta
    ("إدارة", "اداره"),
    ("\u200fتهران\u200e", "تهران"),  # direction marks
    ("\u2067تهران\u2069", "تهران"),  # isolates
    ("Excel  REPORT", "excel report"),  # Latin casefold, spaces collapse
    ("  بازرسی \n\t سالانه  ", "بازرسی سالانه"),
]


@pytest.mark.parametrize(("variant", "plain"), PAIRS)
def test_variants_fold_to_the_same_form(variant: str, plain: str) -> None:
    assert normalize_for_search(variant) == normalize_for_search(plain)


def test_exact_output() -> None:
    assert normalize_for_search("كتاب‌هاي  علي ۱۲") == "کتاب های علی 12"
    assert normalize_for_search("ﺑﺎﺯﺭﺳﯽ") == "بازرسی"


def test_distinct_letters_stay_distinct() -> None:
    assert normalize_for_search("آب") != normalize_for_search("اب")
    assert normalize_for_search("مسئول") == "مسئول"
    assert normalize_for_search("پ") != normalize_for_search("ب")


def test_without_space_is_a_different_word() -> None:
    # «میشود» written without ZWNJ or space is not folded: people search with a gap.
    assert normalize_for_search("میشود") != normalize_for_search("می\u200cشود")


def test_matches() -> None:
    assert matches("گزارش بازرسي واحد كرج", "بازرسی واحد کرج")
    assert matches("نرم‌افزار حسابداری", "نرم افزار")
    assert matches("پرونده ۱۴۰۳/۰۷", "1403/07")
    assert matches("anything", "")
    assert not matches("بازرسی", "حسابرسی")
