"""How an indicator's figure goes into an Excel cell (docs/ARCHITECTURE.md "Excel exports").

A column of figures mixes kinds row by row (a count, then a percent, then a ratio), so each
value cell takes the kind of its indicator: counts are whole numbers, percents percent cells,
every other value a number rounded by the one rule.
"""

from __future__ import annotations

from integrity_desktop.excel.workbook import Kind
from integrity_desktop.indicators import COUNT, PERCENT, Definition


def value_kind(definition: Definition, *, read_back: bool = False) -> Kind:
    """The cell kind of ``definition``'s values; ``read_back`` for a sheet that is imported
    again, where a percent stays on the 0–100 scale the import reads (``progress``)."""
    if definition.kind == COUNT:
        return "count"
    if definition.kind == PERCENT:
        return "progress" if read_back else "percent"
    return "number"
