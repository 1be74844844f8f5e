"""Draw one right-to-left line so that copy, search and screen readers get the logical text.

The page shows shaped glyphs in visual order (``shaping``).  What a reader *extracts* is
another matter: each extractor rebuilds logical order from the glyphs with its own, simplified
bidi, and both common ones get Persian wrong in different ways (measured, see
docs/ARCHITECTURE.md "PDF text layer"):

* poppler (pdftotext, Evince, Okular) sorts the characters of a line by x and, on a
  right-to-left page, reverses runs of letters and neutrals but copies runs of digits, Latin
  letters *and* ``+ , - . / :`` forward, with the neutrals to their left.  So ranges came out
  reversed, colons on the wrong side, numbers glued to the next word, brackets unmirrored.
* pdfium (Chrome, Edge) splits a line into runs of letters, "weak" characters (digits,
  separators, ZWNJ, marks) and neutrals, reverses the order of the runs and the letters inside
  letter runs, and copies weak runs forward.  So ranges and «۱:» / «۹۰٪» came out reversed.

Both honour marked content, differently, and that is what this module uses:

1. The visible glyphs are drawn inside ``/Span <</ActualText ()>> BDC`` (empty).  poppler
   replaces them by the empty text, so it extracts nothing from them; pdfium ignores an empty
   ActualText and reads the glyphs.  For pdfium the glyph layer is therefore made right: ZWNJ
   is drawn as its zero-width glyph (so its U+200C is in the ToUnicode map and in the text),
   and each run that pdfium copies forward but that does not read forward in logical order
   («۱۴۰۰-۱۳۹۸», «:۱», «٪۹۰», «pdf.report») is a text object of its own inside a
   ``/LogicalOrder <</ActualText (...)>> BDC`` sequence giving its logical order (pdfium
   honours ActualText in any marked-content tag; poppler only in ``Span``, so it ignores it).
2. The text poppler extracts comes from a second ``/Span <</ActualText (...)>>`` around two
   zero-width glyphs at the line's two ends: poppler spreads its characters over the line and
   runs its reordering on them, so the string is written in the order that reordering turns
   back into the logical line.  pdfium skips text objects of zero width, so it never sees it.

Every piece is its own span because pdfium treats a text object whose marked content is the
same dictionary as the previous object's as already done (it drops its glyphs).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from bidi import algorithm as _bidi
from bidi.mirror import MIRRORED
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth

from integrity_desktop.pdf.shaping import ISOLATES, SPACES, reshape

Align = Literal["right", "center", "left"]

ZWNJ = "\u200c"
NBSP = "\u00a0"
RLM = "\u200f"

# poppler 22.12 UnicodeTypeTable: characters it treats as numeric ('#') and as right-to-left
# ('R'); everything else is 'L' when its Unicode bidi class is L, and neutral otherwise.
_POPPLER_NUM = (
    (0x23, 0x25), (0x2B, 0x3A), (0xA0, 0xA0), (0xA2, 0xA5), (0xB0, 0xB3), (0xB9, 0xB9),
    (0x604, 0x60C), (0x659, 0x66C), (0x6F0, 0x6F9), (0x2030, 0x2034), (0x2044, 0x2044),
    (0x2070, 0x2070), (0x2072, 0x207B), (0x2080, 0x208B), (0x208F, 0x20B1), (0x212E, 0x212E),
    (0x2212, 0x2213), (0xFE50, 0xFE50), (0xFE52, 0xFE52), (0xFE55, 0xFE55), (0xFE5F, 0xFE5F),
    (0xFE62, 0xFE63), (0xFE69, 0xFE6A), (0xFF03, 0xFF05), (0xFF0B, 0xFF1A),
)  # fmt: skip
_POPPLER_RTL = (
    (0x5BE, 0x5BE), (0x5C0, 0x5C0), (0x5C3, 0x5C3), (0x5C5, 0x603), (0x60D, 0x60D),
    (0x616, 0x64A), (0x66D, 0x66F), (0x671, 0x6D5), (0x6DD, 0x6DD), (0x6E5, 0x6E6),
    (0x6EE, 0x6EF), (0x6FA, 0x70D), (0x200F, 0x200F), (0x202B, 0x202B), (0x202E, 0x202E),
    (0xFB1D, 0xFB1D), (0xFB1F, 0xFB28), (0xFB2A, 0xFD3D), (0xFD40, 0xFDFC), (0xFE6C, 0xFEFC),
)  # fmt: skip


@functools.cache
def poppler_type(ch: str) -> str:
    """'#' numeric, 'R' right-to-left, 'L' left-to-right or 'N' neutral, as poppler sees ``ch``."""
    code = ord(ch)
    if any(a <= code <= b for a, b in _POPPLER_NUM):
        return "#"
    if any(a <= code <= b for a, b in _POPPLER_RTL):
        return "R"
    return "L" if unicodedata.bidirectional(ch) == "L" else "N"


@functools.cache
def pdfium_class(ch: str) -> str:
    """pdfium's CFX_BidiChar direction of ``ch``: 'L', 'W' (left-weak), 'R' or 'N'."""
    kind = unicodedata.bidirectional(ch)
    if kind == "L":
        return "L"
    if kind in ("AN", "EN", "NSM", "CS", "ES", "ET", "BN"):
        return "W"
    if kind in ("R", "AL"):
        return "R"
    return "N"


# ------------------------------------------------------------------------------ poppler


def poppler_reorder(physical: str) -> str:
    """What poppler's TextOutputDev ``reorderText`` makes of a line on a right-to-left page
    (without the LRE/RLE/PDF marks it adds): the model ``for_poppler`` inverts."""
    out: list[str] = []
    i = len(physical) - 1
    while i >= 0:
        j = i
        while j >= 0 and poppler_type(physical[j]) not in "L#":
            j -= 1
        out.extend(physical[k] for k in range(i, j, -1))
        i = j
        while j >= 0 and poppler_type(physical[j]) != "R":
            j -= 1
        out.extend(physical[k] for k in range(j + 1, i + 1))
        i = j
    return "".join(out)


def _split_forward(section: list[str]) -> tuple[list[str], list[str]]:
    """A forward section must end with a digit or Latin letter (poppler's scan stops there).
    Spaces after its last one become no-break spaces (a digit to poppler, a space after
    NFKC); other neutrals there («)», ««») move to the next right-to-left section, returned
    second, behind a RIGHT-TO-LEFT MARK that starts it (poppler's scan stops at a letter)."""
    k = len(section)
    while k and poppler_type(section[k - 1]) not in "L#":
        k -= 1
    tail = section[k:]
    if all(unicodedata.normalize("NFKC", ch) == " " for ch in tail):
        return section[:k] + [NBSP] * len(tail), []
    return section[:k], [RLM, *tail]


def for_poppler(logical: str) -> str:
    """The string that poppler's reordering turns into ``logical`` (up to NFKC and bidi marks).

    poppler reads alternately, from the right, a run of non-digit/non-Latin characters
    (reversed) and a run of non-right-to-left characters (forward).  So ``logical`` is cut
    into such sections, each written the way poppler reads it back, in reverse order.  A
    right-to-left mark appears only where neutrals follow a number or Latin word directly
    («(۱۳۹۸-۱۴۰۰)» at the end of a line, «۱۲، «الف»»): poppler cannot read those otherwise.
    """
    sections: list[tuple[str, list[str]]] = []
    kind, current = "R", list[str]()
    for ch in logical:
        kind_of = poppler_type(ch)
        if kind == "R" and kind_of in "L#":
            sections.append(("R", current))
            kind, current = "F", []
        elif kind == "F" and kind_of == "R":
            forward, carried = _split_forward(current)
            sections.append(("F", forward))
            kind, current = "R", carried
        current.append(ch)
    if kind == "F":
        forward, carried = _split_forward(current)
        sections.append(("F", forward))
        if carried:
            sections.append(("R", carried))
    else:
        sections.append((kind, current))
    physical: list[str] = []
    for kind, section in reversed(sections):
        physical.extend(reversed(section) if kind == "R" else section)
    return "".join(physical)


# ------------------------------------------------------------------------------ pdfium


def _pdfium_runs(text: str) -> list[tuple[str, str]]:
    runs: list[tuple[str, list[str]]] = []
    for ch in text:
        kind = pdfium_class(ch)
        if runs and runs[-1][0] == kind:
            runs[-1][1].append(ch)
        else:
            runs.append((kind, [ch]))
    return [(kind, "".join(chars)) for kind, chars in runs]


def pdfium_reorder(physical: str) -> str:
    """pdfium's CPDF_TextPage::CloseTempLine reordering of a line, the model used here."""
    runs = _pdfium_runs(physical)
    rtl = _pdfium_rtl(runs)
    current = "R" if rtl else "L"
    out: list[str] = []
    for kind, chars in reversed(runs) if rtl else runs:
        if kind == "R" or (kind == "N" and current == "R"):
            current = "R"
            out.extend(MIRRORED.get(c, c) for c in reversed(chars))
        else:
            if kind != "W":
                current = "L"
            out.append(chars)
    return "".join(out)


def _pdfium_rtl(runs: list[tuple[str, str]]) -> bool:
    right = sum(1 for kind, _ in runs if kind == "R")
    return right > 0 and right >= sum(1 for kind, _ in runs if kind == "L")


def _for_pdfium_run(logical: str) -> str:
    """How to write a run of digits, separators and Latin text in a right-to-left line so
    that pdfium's reordering gives ``logical``: its runs in reverse order, neutrals mirrored."""
    current = "R"
    parts: list[str] = []
    for kind, chars in _pdfium_runs(logical):
        if kind == "R" or (kind == "N" and current == "R"):
            current = "R"
            parts.append("".join(MIRRORED.get(c, c) for c in reversed(chars)))
        else:
            if kind != "W":
                current = "L"
            parts.append(chars)
    return "".join(reversed(parts))


# ------------------------------------------------------------------------------ layout


@dataclass(frozen=True)
class LineLayout:
    """One line ready to draw: visual pieces left to right, each with the ActualText pdfium
    must read instead of its glyphs (or None), and the text for poppler."""

    pieces: tuple[tuple[str, str | None], ...]
    poppler: str
    rtl: bool  # False for a line pdfium reads left to right (more Latin than Persian runs)

    @property
    def visual(self) -> str:
        return "".join(piece for piece, _ in self.pieces)


def _visual_with_index(shaped: str) -> list[tuple[str, int, int]]:
    """python-bidi's display order of ``shaped`` (base direction right to left, brackets
    mirrored) as (character, logical index, level), with each ZWNJ put back between the two
    letters it separates (the algorithm drops it, rule X9)."""
    storage = _bidi.get_empty_storage()
    storage["base_level"] = 1
    storage["base_dir"] = "R"
    _bidi.get_embedding_levels(shaped, storage)
    for index, item in enumerate(storage["chars"]):
        item["index"] = index
    _bidi.explicit_embed_and_overrides(storage, False)
    _bidi.resolve_weak_types(storage, False)
    _bidi.resolve_neutral_types(storage, False)
    _bidi.resolve_implicit_levels(storage, False)
    _bidi.reorder_resolved_levels(storage, False)
    _bidi.apply_mirroring(storage, False)
    chars = [(item["ch"], item["index"], item["level"]) for item in storage["chars"]]
    where = {index: position for position, (_, index, _) in enumerate(chars)}
    inserts = []
    for index, ch in enumerate(shaped):
        if ch == ZWNJ and index - 1 in where and index + 1 in where:
            left, right = where[index - 1], where[index + 1]
            if abs(left - right) == 1:
                inserts.append((max(left, right), index, chars[min(left, right)][2]))
    for position, index, level in sorted(inserts, reverse=True):
        chars.insert(position, (ZWNJ, index, level))
    return chars


def _in_run(item: tuple[str, int, int]) -> bool:
    """Part of a left-to-right island or of a run pdfium copies forward."""
    return item[2] >= 2 or pdfium_class(item[0]) in "LW"


@functools.lru_cache(maxsize=16384)
def layout(text: str, font_name: str) -> LineLayout:
    """The drawing plan of one line of logical text (no newline) in ``font_name``."""
    logical = " ".join(SPACES.split(ISOLATES.sub("", text).strip()))
    visual = _visual_with_index(reshape(logical, font_name))
    rtl = _pdfium_rtl(_pdfium_runs(logical))
    pieces: list[tuple[str, str | None]] = []
    i = 0
    while i < len(visual):
        j = i
        inside = _in_run(visual[i])
        while j < len(visual) and _in_run(visual[j]) == inside:
            j += 1
        shown = "".join(ch for ch, _, _ in visual[i:j])
        actual = None
        if inside and rtl:
            ordered = "".join(ch for ch, _, _ in sorted(visual[i:j], key=lambda item: item[1]))
            wanted = _for_pdfium_run(ordered)
            actual = wanted if wanted != shown else None
        if pieces and actual is None and pieces[-1][1] is None:
            pieces[-1] = (pieces[-1][0] + shown, None)
        else:
            pieces.append((shown, actual))
        i = j
    if not rtl and not any(pdfium_class(ch) == "R" for ch in logical):
        # pdfium reads a line without Persian letters left to right as drawn, but the line is
        # laid out right to left («@tehran» shows as «tehran@»): it gets its logical text whole
        shown = "".join(piece for piece, _ in pieces)
        if shown != logical:
            pieces = [(shown, logical)]
    return LineLayout(tuple(pieces), for_poppler(logical), rtl)


# ------------------------------------------------------------------------------ drawing


def _pdf_text_string(text: str) -> str:
    """A PDF text string (UTF-16BE with its byte-order mark) as a hex literal."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


_PERSIAN_LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقلمنهوپچژکگیۀ"
_COMMON = " \u200c۰۱۲۳۴۵۶۷۸۹٫٬٪،؛؟«»()[]:-/.+—–"


@functools.cache
def _primer(font_name: str) -> str:
    """The font's Persian glyphs (letters, their joined forms, digits, punctuation, ZWNJ).

    ReportLab gives each new character the next code of a 256-code subset and starts a new
    subset (a new font object, so a new text object for pdfium) when one is full.  A ZWNJ
    alone in its subset would be a zero-width text object, which pdfium skips, losing the
    ZWNJ; so these characters take the first subset together, before anything is drawn.
    """
    face = getattr(getFont(font_name), "face", None)
    chars = set(getattr(face, "charToGlyph", {}) or {})
    forms = [
        chr(code) for code in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)]
        if code in chars and any(c in _PERSIAN_LETTERS for c in unicodedata.normalize("NFKC", chr(code)))
    ]
    return "".join(c for c in _COMMON + _PERSIAN_LETTERS if ord(c) in chars) + "".join(forms)


def _prime(canv: Any, font_name: str) -> None:
    doc = canv._doc
    primed = doc.__dict__.setdefault("_integrity_primed_fonts", set())
    if font_name in primed:
        return
    primed.add(font_name)
    split = getattr(getFont(font_name), "splitString", None)
    if split is not None:
        split(_primer(font_name), doc)


def _subset_runs(canv: Any, text: str, font_name: str) -> Iterable[str]:
    """``text`` cut where ReportLab would switch font subsets (each switch is a new text
    object for pdfium, which must get a marked-content dictionary of its own)."""
    font = getFont(font_name)
    split = getattr(font, "splitString", None)
    if split is None:
        yield text
        return
    start = 0
    for _subset, chunk in split(text, canv._doc):
        yield text[start : start + len(chunk)]
        start += len(chunk)


def text_width(text: str, font_name: str, size: float) -> float:
    """Width of the drawn line (ZWNJ has no width)."""
    return float(stringWidth(layout(text, font_name).visual, font_name, size))


def draw_text(
    canv: Any, x: float, y: float, text: str, font_name: str, size: float, align: Align = "right"
) -> None:
    """Draw one line of logical ``text`` anchored at ``x`` (its right end, centre or left end)
    with the canvas's current fill colour; sets the font."""
    plan = layout(text, font_name)
    if not plan.pieces:
        return
    width = stringWidth(plan.visual, font_name, size)
    left = {"right": x - width, "center": x - width / 2, "left": x}[align]
    _prime(canv, font_name)
    canv.setFont(font_name, size)
    code = canv._code
    position = left
    for shown, actual in plan.pieces:
        if actual is not None:
            code.append(f"/Span <</ActualText ()>> BDC /LogicalOrder <</ActualText {_pdf_text_string(actual)}>> BDC")
            canv.drawString(position, y, shown)
            code.append("EMC EMC")
        else:
            x_run = position
            for run in _subset_runs(canv, shown, font_name):
                code.append("/Span <</ActualText ()>> BDC")
                canv.drawString(x_run, y, run)
                code.append("EMC")
                x_run += stringWidth(run, font_name, size)
        position += stringWidth(shown, font_name, size)
    code.append(f"/Span <</ActualText {_pdf_text_string(plan.poppler)}>> BDC")
    canv.drawString(left, y, ZWNJ)
    canv.drawString(left + width, y, ZWNJ)
    code.append("EMC")
    log = getattr(canv, "text_log", None)
    if log is not None:
        a, b, c, d, e, f = canv._currentMatrix
        log.append(DrawnLine(canv.getPageNumber(), text, a * left + c * y + e, b * left + d * y + f,
                             width * a, size))


@dataclass(frozen=True)
class DrawnLine:
    """A line as drawn, for tests that read the text layer back line by line (set a list as
    ``canvas.text_log``; ``ReportDocument.build(..., text_log=...)`` does)."""

    page: int  # 1-based
    text: str
    left: float
    baseline: float
    width: float
    size: float
