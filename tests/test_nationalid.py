"""National code check digit: known codes, normalisation, and generated codes."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from integrity_desktop.errors import UserError
from integrity_desktop.nationalid import (
    check_digit,
    generate_valid_national_code,
    is_valid_national_code,
    normalize_national_code,
)

# Checked by hand: 0·10+4·9+9·8+9·7+3·6+7·5+0·4+8·3+9·2 = 266, 266 mod 11 = 2, check 11−2 = 9.
VALID = ["0499370899", "0084575948", "0013542419"]
INVALID = [
    "0499370898",  # check digit changed
    "0084575949",
    "1111111111",  # one repeated digit
    "0000000000",
    "123456789",  # nine digits
    "12345678901",  # eleven digits
    "12345abcde",
    "",
]


@pytest.mark.parametrize("code", VALID)
def test_known_valid(code: str) -> None:
    assert is_valid_national_code(code)
    assert normalize_national_code(code) == code


@pytest.mark.parametrize("code", INVALID)
def test_known_invalid(code: str) -> None:
    assert not is_valid_national_code(code)
    with pytest.raises(UserError) as e:
        normalize_national_code(code)
    assert "کد ملی" in e.value.fa


def test_persian_and_arabic_digits_normalised() -> None:
    assert normalize_national_code("۰۴۹۹۳۷۰۸۹۹") == "0499370899"
    assert normalize_national_code("٠٠٨٤٥٧٥٩٤٨") == "0084575948"
    assert normalize_national_code(" 049-937089-9 ") == "0499370899"


def test_messages_say_what_is_wrong() -> None:
    with pytest.raises(UserError) as e:
        normalize_national_code("049937089")
    assert "ده رقم" in e.value.fa and e.value.code == "national_code_length"
    with pytest.raises(UserError) as e:
        normalize_national_code("0499370898")
    assert "معتبر نیست" in e.value.fa and e.value.code == "national_code_invalid"


def test_check_digit_needs_nine_digits() -> None:
    with pytest.raises(ValueError):
        check_digit("12345678")


@given(st.integers(min_value=0, max_value=2**32))
def test_generated_codes_validate_and_a_changed_check_digit_fails(seed: int) -> None:
    code = generate_valid_national_code(random.Random(seed))
    assert len(code) == 10 and code.isdigit()
    assert is_valid_national_code(code)
    for other in "0123456789":
        if other != code[9]:
            assert not is_valid_national_code(code[:9] + other)
