"""The character grid: line cells as direction bits, merged into junction glyphs.

Lines are recorded as the directions a cell connects to (north, east, south,
west), so a port on a border, a corner and a crossing all come out of one
table instead of special cases. Drawing happens in layout space; a
left-to-right chart is the transposed grid.
"""

from __future__ import annotations

import itertools

from rich.cells import cell_len

NORTH, EAST, SOUTH, WEST = 1, 2, 4, 8
VERTICAL = NORTH | SOUTH
HORIZONTAL = EAST | WEST
Point = tuple[int, int]

_STEP_BITS = {
    (0, 1): (SOUTH, NORTH),
    (0, -1): (NORTH, SOUTH),
    (1, 0): (EAST, WEST),
    (-1, 0): (WEST, EAST),
}
_ARROW_OF_STEP = {(0, 1): "down", (0, -1): "up", (1, 0): "right", (-1, 0): "left"}
_TRANSPOSED_ARROW = {"down": "right", "right": "down", "up": "left", "left": "up"}

UNICODE_LINES = {
    NORTH: "│",
    SOUTH: "│",
    VERTICAL: "│",
    EAST: "─",
    WEST: "─",
    HORIZONTAL: "─",
    SOUTH | EAST: "┌",
    SOUTH | WEST: "┐",
    NORTH | EAST: "└",
    NORTH | WEST: "┘",
    VERTICAL | EAST: "├",
    VERTICAL | WEST: "┤",
    HORIZONTAL | SOUTH: "┬",
    HORIZONTAL | NORTH: "┴",
    VERTICAL | HORIZONTAL: "┼",
}
UNICODE_ARROWS = {"down": "▼", "up": "▲", "right": "►", "left": "◄"}
ASCII_ARROWS = {"down": "v", "up": "^", "right": ">", "left": "<"}


def ascii_line(bits: int) -> str:
    if bits in (NORTH, SOUTH, VERTICAL):
        return "|"
    if bits in (EAST, WEST, HORIZONTAL):
        return "-"
    return "+"


class LineGrid:
    """Line cells of one drawing; counts crossings while edges are added."""

    def __init__(self, width: int, height: int) -> None:
        self.width = width
        self.height = height
        self.bits: dict[Point, int] = {}
        self.arrows: dict[Point, str] = {}
        # Which edge first drew each cell horizontally / vertically (-1: a box).
        self._owners: dict[bool, dict[Point, int]] = {True: {}, False: {}}
        self.crossed: set[Point] = set()

    def add_box(self, left: int, top: int, width: int, height: int) -> None:
        right, bottom = left + width - 1, top + height - 1
        for column in range(left, right):
            self._connect((column, top), (column + 1, top), owner=-1)
            self._connect((column, bottom), (column + 1, bottom), owner=-1)
        for row in range(top, bottom):
            self._connect((left, row), (left, row + 1), owner=-1)
            self._connect((right, row), (right, row + 1), owner=-1)

    def add_edge(self, path: list[Point], owner: int) -> None:
        """Draw from the source's border to the cell before the target's border.

        The first point is the port on the source border (it gains a stub, so
        `┬`); the last cell before the target border becomes the arrowhead.
        """
        cells = _cells_along(path)
        for here, there in itertools.pairwise(cells[:-1]):
            self._connect(here, there, owner)
        head, border = cells[-2], cells[-1]
        self.arrows[head] = _ARROW_OF_STEP[(border[0] - head[0], border[1] - head[1])]

    def _connect(self, here: Point, there: Point, owner: int) -> None:
        step = (there[0] - here[0], there[1] - here[1])
        out_bit, in_bit = _STEP_BITS[step]
        horizontal = step[1] == 0
        for cell, bit in ((here, out_bit), (there, in_bit)):
            self.bits[cell] = self.bits.get(cell, 0) | bit
            self._owners[horizontal].setdefault(cell, owner)
            across = self._owners[not horizontal].get(cell, -1)
            if owner >= 0 and across >= 0 and across != owner:
                self.crossed.add(cell)

    def transposed(self) -> LineGrid:
        swapped = LineGrid(self.height, self.width)
        for (column, row), bits in self.bits.items():
            swapped.bits[(row, column)] = _transpose_bits(bits)
        for (column, row), direction in self.arrows.items():
            swapped.arrows[(row, column)] = _TRANSPOSED_ARROW[direction]
        swapped.crossed = {(row, column) for column, row in self.crossed}
        return swapped

    def to_cells(self, ascii: bool) -> list[list[str]]:
        cells = [[" "] * self.width for _ in range(self.height)]
        for (column, row), bits in self.bits.items():
            cells[row][column] = ascii_line(bits) if ascii else UNICODE_LINES[bits]
        arrows = ASCII_ARROWS if ascii else UNICODE_ARROWS
        for (column, row), direction in self.arrows.items():
            cells[row][column] = arrows[direction]
        return cells


def _transpose_bits(bits: int) -> int:
    swapped = 0
    for old, new in ((NORTH, WEST), (WEST, NORTH), (SOUTH, EAST), (EAST, SOUTH)):
        if bits & old:
            swapped |= new
    return swapped


def _cells_along(path: list[Point]) -> list[Point]:
    cells = [path[0]]
    for (x1, y1), (x2, y2) in itertools.pairwise(path):
        step_x = (x2 > x1) - (x2 < x1)
        step_y = (y2 > y1) - (y2 < y1)
        while cells[-1] != (x2, y2):
            last = cells[-1]
            cells.append((last[0] + step_x, last[1] + step_y))
    return cells


def put_text(cells: list[list[str]], column: int, row: int, text: str) -> None:
    """Write text into the grid; a wide character leaves an empty continuation cell."""
    for char in text:
        cells[row][column] = char
        if cell_len(char) == 2:
            cells[row][column + 1] = ""
            column += 2
        else:
            column += 1
