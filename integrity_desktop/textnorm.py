"""One normal form of Persian text for searching and comparing.

The same word reaches the app typed with Arabic or Persian yeh and kaf, with or without ZWNJ,
kashida or diacritics, with three kinds of digits, or (from PDFs) as presentation-form glyphs.
Text is normalised with ``normalize_for_search`` both before it is indexed and before it is
queried, so all of these find each other.  SQLite FTS5 does none of this by itself.
"""

from __future__ import annotations

import re
import unicodedata

from integrity_desktop.digits import to_ascii_digits

_LETTERS = str.maketrans(
    {
        "\u064a": "\u06cc",  # ي ARABIC YEH -> ی
        "\u0649": "\u06cc",  # ى ALEF MAKSURA -> ی
        "\u0643": "\u06a9",  # ك ARABIC KAF -> ک
        "\u0629": "\u0647",  # ة TEH MARBUTA -> ه
        "\u06c0": "\u0647",  # ۀ HEH WITH YEH ABOVE -> ه
        "\u0623": "\u0627",  # أ -> ا
        "\u0625": "\u0627",  # إ -> ا
        "\u0671": "\u0627",  # ٱ ALEF WASLA -> ا
        "\u200c": " ",  # ZWNJ: «می‌شود» finds «می شود» and the reverse
    }
)
# Diacritics (harakat, tanwin, shadda, sukun, hamza marks), superscript alef, kashida,
# zero-width and direction marks, BOM: none of them change which word it is.
_DROP = re.compile("[\u064b-\u065f\u0670\u0640\u200b\u200d-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_SPACES = re.compile(r"\s+")


def normalize_for_search(text: str) -> str:
    """Fold ``text`` to the form used for indexing and querying (see the module docstring).

    NFKC first (it turns presentation forms such as ﺑﺎﺯﺭﺳﯽ back into letters and keeps ZWNJ),
    then marks are dropped, letters and digits folded, Latin casefolded and spaces collapsed.
    آ, ئ and ؤ stay as they are: they are letters of their own in Persian.
    """
    folded = unicodedata.normalize("NFKC", text)
    folded = _DROP.sub("", folded).translate(_LETTERS)
    folded = to_ascii_digits(folded).casefold()
    return _SPACES.sub(" ", folded).strip()


def matches(haystack: str, needle: str) -> bool:
    """Whether ``needle`` occurs in ``haystack`` once both are normalised (empty matches)."""
    return normalize_for_search(needle) in normalize_for_search(haystack)
