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


# --------------------------------------------------------------------------- hostile text

MAX_SEARCH = 200  # characters: no real name or phrase is longer; SQLite's LIKE has limits
# Direction embeddings, overrides and isolates (U+202A..E, U+2066..9): «x\u202efdp.exe» reads
# as «xexe.pdf» on screen.  Kept: ZWNJ and ZWJ (Persian spelling), LRM/RLM (legitimate marks).
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# C0 and C1 control characters and NUL, but TAB and LINE FEED (multi-line notes).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_stored_text(text: str) -> str:
    """What a text field may hold: no direction overrides or isolates, no control characters
    (NUL included); CR LF and CR become LF.  Used by ``records.add``/``update`` for every text
    of every record, so no screen or service has to remember it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", _BIDI_CONTROLS.sub("", text))


def check_search(query: str) -> str:
    """A search query of reasonable length, or a Persian message (a 30,000-letter search
    ended in SQLite's «LIKE or GLOB pattern too complex»)."""
    if len(query) > MAX_SEARCH:
        from integrity_desktop.digits import to_persian_digits
        from integrity_desktop.errors import UserError

        raise UserError(
            f"عبارت جست‌وجو بیش از اندازه بلند است ({to_persian_digits(str(len(query)))} نویسه). "
            f"آن را کوتاه‌تر کنید (بیشینه {to_persian_digits(str(MAX_SEARCH))} نویسه).",
            f"The search text is too long ({len(query)} characters; at most {MAX_SEARCH}).",
            code="search_too_long",
        )
    return query
