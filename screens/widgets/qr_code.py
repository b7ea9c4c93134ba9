"""A QR code drawn with half-block characters: two modules per terminal cell.

Each cell is "▀" with the upper module as its foreground and the lower one as
its background, so a module is about square on a terminal's 1:2 cells and
the code stays as small as it can be: the room's address (version 4, 33
modules and a border of 2) takes 37 columns and 19 lines, which fits 80x24
with the address beside it.

The colours are fixed, black on white, whatever the theme: a scanner reads
dark modules on a light ground, and many read nothing else.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

from regionet_tui.room.qr import matrix

DARK, LIGHT = "#000000", "#ffffff"
HALF_BLOCK = "▀"
_STYLES = {(top, bottom): Style(color=DARK if top else LIGHT, bgcolor=DARK if bottom else LIGHT)
           for top in (False, True) for bottom in (False, True)}


def half_block_rows(modules: list[list[bool]]) -> list[list[tuple[bool, bool]]]:
    """Pairs of module rows as cells: (upper dark, lower dark); an odd last row
    gets a light row under it."""
    rows = []
    for top in range(0, len(modules), 2):
        upper = modules[top]
        lower = modules[top + 1] if top + 1 < len(modules) else [False] * len(upper)
        rows.append(list(zip(upper, lower, strict=True)))
    return rows


class QrCode(Widget):
    DEFAULT_CSS = """
    QrCode { width: auto; height: auto; }
    """

    def __init__(self, data: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.data = ""
        self._cells: list[list[tuple[bool, bool]]] = []
        self.show(data)

    def show(self, data: str) -> None:
        """Draw `data` as a QR code (nothing for an empty string)."""
        if data == self.data:
            return
        self.data = data
        self._cells = half_block_rows(matrix(data)) if data else []
        self.refresh(layout=True)

    @property
    def cells(self) -> list[list[tuple[bool, bool]]]:
        """What is drawn: per line, per column, (upper dark, lower dark)."""
        return self._cells

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return len(self._cells[0]) if self._cells else 0

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._cells)

    def render_line(self, y: int) -> Strip:
        if not 0 <= y < len(self._cells):
            return Strip.blank(self.size.width)
        return Strip([Segment(HALF_BLOCK, _STYLES[cell]) for cell in self._cells[y]])
