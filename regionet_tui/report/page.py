"""How the blocks of a report fit a printed A4 page.

The HTML report prints on A4 in portrait. A table a little too wide for that
prints somewhat smaller; one much too wide (a network of many partners scoring
every service) gets a landscape page of its own, in a smaller font if need
be. A drawing (timeline, flowchart) gets the font size at which its longest
line fits, on a landscape page when portrait would make it too small to read.

Widths are estimated from the text with the average advance of the report's
fonts (measured in Chromium's PDF: DejaVu Sans takes 0.50-0.58 em a
character, digits the most). A table too wide even for landscape is laid out
in fixed columns that may break words, so nothing ever runs off the page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from rich.cells import cell_len

from .blocks import Bar, Cell, Drawing, Table

MARGIN_MM = 12
PT_PER_MM = 72 / 25.4
PAGE_PT = {False: (210 - 2 * MARGIN_MM) * PT_PER_MM, True: (297 - 2 * MARGIN_MM) * PT_PER_MM}

BODY_PT = 10.0  # the print size of text and tables
SMALLEST_PORTRAIT_TABLE_PT = 8.5  # smaller than this, a landscape page reads better
SMALLEST_TABLE_PT = 7.0
TEXT_ADVANCE = 0.56  # em per character of the sans-serif text, on average
BOLD = 1.1  # headers are bold: that much wider
CELL_EXTRA_PT = 10.0  # padding and border of one table cell, left and right together
BAR_PT = 60.0  # a bar cell's bar and the room after it

DRAWING_PT = 7.0  # the print size of a drawing that fits
SMALLEST_PORTRAIT_DRAWING_PT = 5.5  # below this, a landscape page reads better
MONO_ADVANCE = 0.61  # em per character of DejaVu Sans Mono, Menlo, Consolas (~0.6), with room


@dataclass(frozen=True)
class Fit:
    landscape: bool
    font_pt: float
    squeezed: bool = False  # too wide even so: fixed columns that may break words


def _down(size: float) -> float:
    """Rounded down to a tenth of a point: rounding up could make it not fit."""
    return math.floor(size * 10) / 10


def _text_pt(characters: int, size: float) -> float:
    return characters * TEXT_ADVANCE * size


def _cell_chars(cell: Cell, keep_whole: bool) -> int:
    """Characters that must stand on one line in the cell."""
    text = cell.text if isinstance(cell, Bar) else cell
    if keep_whole or isinstance(cell, Bar):
        return max((cell_len(line) for line in text.split("\n")), default=0)
    return max((cell_len(word) for word in text.split()), default=0)


def table_width_pt(table: Table, size: float = BODY_PT) -> float:
    """The narrowest the table can be printed at `size` without breaking a word."""
    width = 0.0
    for column, header in enumerate(table.headers):
        whole = column in table.numeric or column in table.nowrap
        chars = round(_cell_chars(header, False) * BOLD)
        bars = False
        for row in table.rows:
            if column < len(row):
                chars = max(chars, _cell_chars(row[column], whole))
                bars = bars or isinstance(row[column], Bar)
        width += _text_pt(chars, size) + CELL_EXTRA_PT + (BAR_PT if bars else 0.0)
    return width


def table_fit(table: Table) -> Fit:
    """Portrait, in a somewhat smaller font if need be; else landscape, as small as
    it must; else squeezed."""
    needed = table_width_pt(table)
    if needed <= PAGE_PT[False]:
        return Fit(False, BODY_PT)
    # Text shrinks with the font, the cells' padding and bars do not.
    fixed = table_width_pt(table, 0.0)
    for landscape, smallest in ((False, SMALLEST_PORTRAIT_TABLE_PT),
                                (True, SMALLEST_TABLE_PT)):
        size = _down(min(BODY_PT, BODY_PT * (PAGE_PT[landscape] - fixed) / (needed - fixed)))
        if size >= smallest:
            return Fit(landscape, size)
    return Fit(True, SMALLEST_TABLE_PT, squeezed=True)


def drawing_fit(drawing: Drawing) -> Fit:
    columns = max((cell_len(line) for line in drawing.lines), default=0)
    if columns == 0:
        return Fit(False, DRAWING_PT)
    portrait = PAGE_PT[False] / (columns * MONO_ADVANCE)
    if portrait >= SMALLEST_PORTRAIT_DRAWING_PT:
        return Fit(False, min(DRAWING_PT, _down(portrait)))
    landscape = PAGE_PT[True] / (columns * MONO_ADVANCE)
    return Fit(True, min(DRAWING_PT, _down(landscape)))
