"""Draw the application icon (a shield with a check mark) in every size the installers need.

Run once when the design changes; the PNG/ICO/SVG results are committed under resources/icons/.
    QT_QPA_PLATFORM=offscreen python installer/make_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"


def shield_path(s: float) -> QPainterPath:
    path = QPainterPath()
    path.moveTo(s * 0.50, s * 0.06)
    path.cubicTo(s * 0.66, s * 0.14, s * 0.80, s * 0.16, s * 0.90, s * 0.16)
    path.cubicTo(s * 0.90, s * 0.52, s * 0.78, s * 0.78, s * 0.50, s * 0.95)
    path.cubicTo(s * 0.22, s * 0.78, s * 0.10, s * 0.52, s * 0.10, s * 0.16)
    path.cubicTo(s * 0.20, s * 0.16, s * 0.34, s * 0.14, s * 0.50, s * 0.06)
    return path


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    grad = QLinearGradient(QPointF(0, 0), QPointF(0, size))
    grad.setColorAt(0, QColor("#1b6fb5"))
    grad.setColorAt(1, QColor("#0d3d66"))
    p.setBrush(QBrush(grad))
    p.setPen(QPen(QColor("#f2c14e"), max(1.0, size / 32)))
    p.drawPath(shield_path(size))
    check = QPainterPath()
    check.moveTo(size * 0.30, size * 0.50)
    check.lineTo(size * 0.45, size * 0.66)
    check.lineTo(size * 0.72, size * 0.36)
    p.setBrush(Qt.BrushStyle.NoBrush)
    pen = QPen(QColor("white"), max(1.5, size / 10), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
               Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.drawPath(check)
    p.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        draw(size).save(str(OUT / f"integrity-desktop-{size}.png"))
    # Windows wants one .ico holding several sizes; Qt's ICO writer takes the largest ≤ 256.
    draw(256).save(str(OUT / "integrity-desktop.ico"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
