"""Right-to-left Persian text for ReportLab, which shapes and orders nothing by itself.

ReportLab draws the characters of a string left to right as they come.  So each paragraph is
broken into lines here, in logical order, measuring the width of the *reshaped* text with the
real font; then every line is reshaped (letters joined via presentation forms) and reordered
to visual order with the Unicode bidi algorithm.  The caller draws the result right-aligned.
The alternatives fail: ReportLab's own shaping (``shaping=1``, uharfbuzz) joins letters but
does not reorder right-to-left text, and ``wordWrap='RTL'`` needs ``rlbidi``, which PyPI does
not have (it is ignored silently without it).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from xml.sax.saxutils import escape

from arabic_reshaper import ArabicReshaper
from bidi.algorithm import get_display  # the pure-Python one: it mirrors brackets
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth

# The pure-Python bidi raises on isolates; the other marks only upset measuring.
ISOLATES = _ISOLATES = re.compile("[\u2066-\u2069]")
SPACES = _SPACES = re.compile(r"[ \t\r\f\v]+")
ZWNJ = "\u200c"
_MARGIN = 0.5  # points kept free so ReportLab never wraps a line again on rounding


@functools.cache
def _reshaper() -> ArabicReshaper:
    """One reshaper for the process; building it parses its configuration each time."""
    return ArabicReshaper(
        configuration={
            "delete_harakat": False,  # keep the hamza of «نیمهٔ» and any diacritics
            "ARABIC LIGATURE ALLAH": False,  # «عبدالله» must not become ﷲ
        }
    )


@functools.cache
def _font_chars(font_name: str) -> frozenset[int] | None:
    """Code points the (TrueType) font has; None when unknown (a standard PDF font)."""
    face = getattr(getFont(font_name), "face", None)
    char_to_glyph = getattr(face, "charToGlyph", None)
    return frozenset(char_to_glyph) if char_to_glyph else None


def _with_font_fallback(text: str, font_name: str) -> str:
    """Replace presentation forms the font lacks (Vazirmatn has no isolated ۀ) by their letter."""
    chars = _font_chars(font_name)
    if chars is None or all(ord(c) in chars for c in text):
        return text
    out = []
    for c in text:
        if ord(c) not in chars:
            plain = unicodedata.normalize("NFKC", c)
            if plain and all(ord(p) in chars for p in plain):
                c = plain
        out.append(c)
    return "".join(out)


@functools.lru_cache(maxsize=16384)
def _reshape_word(word: str, font_name: str | None) -> str:
    """Reshape one space-free chunk; cached because the reshaper is slow and words recur."""
    shaped: str = _reshaper().reshape(word)
    return _with_font_fallback(shaped, font_name) if font_name else shaped


def reshape(text: str, font_name: str | None = None) -> str:
    """Join the letters of ``text`` (still in logical order) into presentation forms.

    Words are reshaped one by one: a space never joins letters, and the ligatures that span
    words (whole sentences) are off, so the result is the same as reshaping the whole text.
    """
    return " ".join(_reshape_word(word, font_name) for word in _ISOLATES.sub("", text).split(" "))


def to_visual(shaped: str, base_dir: str = "R") -> str:
    """Reorder one reshaped line from logical to visual (left-to-right drawing) order."""
    return str(get_display(_ISOLATES.sub("", shaped), base_dir=base_dir))


def visual_line(text: str, font_name: str | None = None, base_dir: str = "R") -> str:
    """One line, no wrapping: for canvas ``drawRightString`` in headers and footers."""
    return to_visual(reshape(" ".join(_SPACES.split(text.strip())), font_name), base_dir)


def _split_long_word(word: str, font_name: str, font_size: float, max_width: float) -> list[str]:
    """Cut a word wider than the line (a long number or address) into pieces that fit."""
    pieces: list[str] = []
    current = ""
    for ch in word:
        if current and stringWidth(reshape(current + ch, font_name), font_name, font_size) > max_width:
            pieces.append(current)
            current = ""
        current += ch
    if current:
        pieces.append(current)
    return pieces


def wrap_logical(text: str, font_name: str, font_size: float, max_width: float) -> list[str]:
    """Break ``text`` into lines in logical order so that each reshaped line fits ``max_width``.

    Newlines start a new line; runs of spaces collapse.  Words are measured reshaped, because
    joined letters are narrower or wider than their isolated forms.
    """
    limit = max(max_width - _MARGIN, 1.0)
    space = stringWidth(" ", font_name, font_size)
    lines: list[str] = []
    for paragraph in _ISOLATES.sub("", text).split("\n"):
        words = [w for w in _SPACES.split(paragraph) if w]
        current: list[str] = []
        width = 0.0
        for word in words:
            word_width = stringWidth(reshape(word, font_name), font_name, font_size)
            if word_width > limit:
                parts = _split_long_word(word, font_name, font_size, limit)
                if current:
                    lines.append(" ".join(current))
                lines.extend(parts[:-1])
                current = [parts[-1]]
                width = stringWidth(reshape(parts[-1], font_name), font_name, font_size)
            elif current and width + space + word_width > limit:
                lines.append(" ".join(current))
                current, width = [word], word_width
            else:
                width += (space if current else 0.0) + word_width
                current.append(word)
        lines.append(" ".join(current))
    # a ZWNJ where a long word was cut has nothing to separate: the line break does that
    return [line.strip(ZWNJ) for line in lines]


def visual_lines(
    text: str, font_name: str, font_size: float, max_width: float, base_dir: str = "R"
) -> list[str]:
    """``text`` wrapped to ``max_width`` points, each line shaped and in visual order."""
    return [
        to_visual(reshape(line, font_name), base_dir)
        for line in wrap_logical(text, font_name, font_size, max_width)
    ]


@functools.lru_cache(maxsize=16384)
def logical_lines(text: str, font_name: str, font_size: float, max_width: float) -> tuple[str, ...]:
    """``wrap_logical`` cached, and ``()`` for blank text (which draws nothing): the lines a
    ``textlayer.draw_text`` call each draws."""
    if not text.strip():
        return ()
    return tuple(wrap_logical(text, font_name, font_size, max_width))


@functools.lru_cache(maxsize=16384)
def shaped_lines(
    text: str, font_name: str, font_size: float, max_width: float, base_dir: str = "R"
) -> tuple[str, ...]:
    """``visual_lines`` cached: the bidi reordering is the slow part, and the same texts
    (indicator titles, legal bases, labels) come back in every checklist and report a
    session prints.  ``()`` for empty or blank text, which draws nothing."""
    if not text.strip():
        return ()
    return tuple(visual_lines(text, font_name, font_size, max_width, base_dir))


@functools.lru_cache(maxsize=8192)
def rtl_markup(text: str, font_name: str, font_size: float, max_width: float, base_dir: str = "R") -> str:
    """Paragraph markup for ``text``: shaped visual lines, XML-escaped, joined with ``<br/>``.

    Use it in a ``Paragraph`` whose style has the same font and size and right alignment.
    (``ReportDocument`` draws ``shaped_lines`` itself; this is for ``ReportDocument.add``.)
    """
    lines = visual_lines(text, font_name, font_size, max_width, base_dir)
    return "<br/>".join(escape(line) for line in lines)
