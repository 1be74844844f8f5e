"""Reading a PDF's text layer back the way people's readers do: poppler (pdftotext) and pdfium.

``check_lines`` compares every line a report drew (``ReportDocument.build(text_log=...)``)
with what both extractors give for it, after NFKC:

* pdfium (pypdfium2): the characters of its text (in its order) that lie in the line's box
  (pdfium joins table cells that share a baseline into one line, so the whole page text
  would not tell lines apart);
* poppler (``pdftotext``, reading order): the line must be one of the page's output lines, or
  part of one where poppler put two cells side by side on one line.

Both normalise the same way: NFKC (poppler gives presentation forms), the bidi embedding
marks poppler wraps lines in removed, runs of white space collapsed.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from integrity_desktop.pdf.document import ReportDocument
from integrity_desktop.pdf.textlayer import DrawnLine

_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACE = re.compile(r"\s+")


def norm(text: str) -> str:
    """NFKC, no bidi marks, single spaces, stripped."""
    return _SPACE.sub(" ", _MARKS.sub("", unicodedata.normalize("NFKC", text))).strip()


def poppler_pages(path: Path) -> list[list[str]]:
    """pdftotext's lines of every page, normalised (empty lines dropped)."""
    raw = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                         text=True).stdout
    return [[norm(line) for line in page.splitlines() if norm(line)] for page in raw.split("\f")]


def pdfium_chars(page: pdfium.PdfPage) -> list[tuple[str, float, float]]:
    """pdfium's characters of a page in its reading order, each with the centre of its box
    (zero-width ones, such as ZWNJ, included: selection and search use this same list)."""
    textpage = page.get_textpage()
    try:
        chars = []
        for index in range(textpage.count_chars()):
            left, bottom, right, top = textpage.get_charbox(index)
            chars.append((chr(pdfium_c.FPDFText_GetUnicode(textpage, index)), (left + right) / 2,
                          (bottom + top) / 2))
        return chars
    finally:
        textpage.close()


def pdfium_line(chars: list[tuple[str, float, float]], line: DrawnLine) -> str:
    """pdfium's text of one drawn line: its characters whose centre lies in the line's box."""
    bottom, top = line.baseline - 0.3 * line.size, line.baseline + 0.8 * line.size
    left, right = line.left - 0.5, line.left + line.width + 0.5
    return norm("".join(ch for ch, x, y in chars if left <= x <= right and bottom <= y <= top))


def check_lines(path: Path, log: Sequence[DrawnLine]) -> list[str]:
    """Every line of ``log`` that a reader gets wrong, as «reader page: expected != got»."""
    failures: list[str] = []
    poppler = poppler_pages(path)
    document = pdfium.PdfDocument(str(path))
    try:
        pages = [pdfium_chars(document[i]) for i in range(len(document))]
        for line in log:
            expected = norm(line.text)
            if not expected:
                continue
            got = pdfium_line(pages[line.page - 1], line)
            if got != expected:
                failures.append(f"pdfium p{line.page}: {expected!r} != {got!r}")
            lines = poppler[line.page - 1]
            if expected not in lines and not any(expected in other for other in lines):
                near = [other for other in lines if expected[:6] in other][:1]
                failures.append(f"poppler p{line.page}: {expected!r} not in page text {near!r}")
    finally:
        document.close()
    return failures


def drawn_lines(build: Callable[[], Any]) -> list[DrawnLine]:
    """The lines ``build`` draws (every ReportDocument.build call it makes)."""
    log: list[DrawnLine] = []
    original = ReportDocument.build

    def build_logged(self: ReportDocument, path: Any, *, text_log: Any = None) -> Path:
        return original(self, path, text_log=log)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ReportDocument, "build", build_logged)
        build()
    return log
