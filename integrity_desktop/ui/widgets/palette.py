"""The interface's colours by what they mean, in one place (stylesheets take them as text, Qt
as ``QColor(palette.X)``).  Values are kept exactly as the screens drew them before they were
gathered here; two names with one value say two meanings that happen to share a colour.  Colours that mean the
same on paper come from the core ``colours`` module the PDF reports use too."""

from __future__ import annotations

from integrity_desktop import colours

# Text
TEXT = "#212121"
BLACK = "#000000"
WHITE = "#ffffff"
ERROR = "#c62828"  # a refusal, a failed check, «انجام نشده», a weekend day
ERROR_STRONG = colours.OVERDUE  # overdue dates, a target not met
OK = "#2e7d32"  # saved, a passed check, «انجام شده», a target met
PARTIAL = "#b26a00"  # «بخشی انجام شده»
CORRECTED = "#ef6c00"  # a corrected case event
INFO = "#1565c0"  # an amendment, the figures' bars
HINT = "#555555"  # hints and notices under a field
SECONDARY = "#455a64"  # a measure, a source, a code beside the main text
FAINT = "#607d8b"  # what an empty list says
NEUTRAL = "#616161"  # «موضوعیت ندارد»
NOT_ASKED = "#757575"  # an indicator this checklist does not ask
DISABLED = "#9e9e9e"  # no figure, an empty bar

# Backgrounds of whole rows and panels
BAD_BG = "#fdecea"  # late, quiet, refused, a national target not met
NOT_MET_BG = "#fbe3e3"  # a target not met (dashboard, HQ console)
OVERDUE_BG = "#fbe3e1"  # an overdue case or complaint
ALERT_BG = "#ffcdd2"  # an overdue corrective action, a missed meeting
MET_BG = "#e3f2e5"  # a target met (dashboard, HQ console)
MET_BG_SOFT = "#e6f4ea"  # a national target met
DONE_BG = "#c8e6c9"  # a done action, a held meeting
PLANNED_BG = "#e3f2fd"  # a planned meeting
CHANGED_BG = "#ffe0b2"  # changed since approval, late
QUIET_BG = "#eeeeee"  # cancelled, inactive, not counted
NATIONAL_BG = "#e8f0fe"  # the country's row among the provinces
NOTICE_BG = "#fff8e1"  # a banner that asks for attention; held or conflicting records
NOTICE_BORDER = "#ffe082"
NOTICE_TEXT = "#5d4037"
DIFF_BG = "#fff3c4"  # a field that differs between two versions
CHOSEN_BG = "#d7f0dc"  # the version chosen
ROW_SHADE = "#f4f7fb"  # a section row in the checklist editor
CARD_SHADE = "#f7f9fc"  # an amendment's card in a case file
CARD_BORDER = "#d0d0d0"

# Drawings
GRID = "#e0e0e0"
OUTLINE = colours.MAP_OUTLINE  # a province's border on the map
WATER_EDGE = colours.MAP_WATER_EDGE
ICON = "#37474f"
ICON_ACCENT = "#1b6fb5"
