"""The character grid: line cells as direction bits, merged into junction glyphs.

Lines are recorded as the directions a cell connects to (north, east, south,
west), so a port on a border, a corner and a crossing all come out of one
table instead of special cases. Drawing happens in layout space; a
left-to-right chart is the transposed grid.

Cells are numbered `row * width + column`, and lines are drawn a straight
run at a time: an 80-node chart paints some ten thousand cells, and a tuple
and several dictionary updates for every cell were most of its cost.
"""

from __future__ import annotations

import itertools
import operator

from rich.cells import cell_len

NORTH, EAST, SOUTH, WEST = 1, 2, 4, 8
VERTICAL = NORTH | SOUTH
HORIZONTAL = EAST | WEST
Point = tuple[int, int]

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

_BOX = -1  # the owner of box borders; edges are numbered from 0

# The frame of a box, cell by cell (bits shifted past the four line bits), so
# ASCII drawings keep a box's border whole where connections leave it.
FRAME_ACROSS, FRAME_DOWN = 16, 32  # a cell of the top or bottom side / a left or right side
FRAME_CORNER = FRAME_ACROSS | FRAME_DOWN
ASCII_FRAME = {FRAME_ACROSS: "-", FRAME_DOWN: "|", FRAME_CORNER: "+"}


def ascii_line(bits: int) -> str:
    """A connection line in plain characters. Box corners alone are "+": a line
    turns with "." (down from there) or "'" (up from there), and where lines
    join they meet in "+", so lines never outline something that reads as an
    extra, empty box. Crossings are drawn by `to_cells` (one line goes on)."""
    if bits in (NORTH, SOUTH, VERTICAL):
        return "|"
    if bits in (EAST, WEST, HORIZONTAL):
        return "-"
    if bits in (SOUTH | EAST, SOUTH | WEST):
        return "."
    if bits in (NORTH | EAST, NORTH | WEST):
        return "'"
    return "+"


def _transpose_bits(bits: int) -> int:
    swapped = 0
    for old, new in ((NORTH, WEST), (WEST, NORTH), (SOUTH, EAST), (EAST, SOUTH)):
        if bits & old:
            swapped |= new
    return swapped


# Glyph of every bit combination (0: an empty cell), and the bits transposed.
_UNICODE_GLYPHS = [" ", *(UNICODE_LINES[bits] for bits in range(1, 16))]
_TRANSPOSED_BITS = bytes(_transpose_bits(bits) for bits in range(16)).ljust(256, b"\0")
# Transposed, the top side of a box becomes its left side.
_TRANSPOSED_FRAME = bytes(
    {FRAME_ACROSS: FRAME_DOWN, FRAME_DOWN: FRAME_ACROSS}.get(cell, cell) for cell in range(256))


def _ascii_glyphs(crossing: str) -> list[str]:
    """The plain glyph of every cell value: line bits, or a box's frame (which wins)."""
    glyphs = [" ", *(ascii_line(bits) for bits in range(1, 16))]
    glyphs[VERTICAL | HORIZONTAL] = crossing
    return [ASCII_FRAME.get(value & FRAME_CORNER) or glyphs[value & 15] for value in range(64)]
# Tables for bytes.translate: a cell with these bits added, and whether a cell
# already holds a vertical / horizontal line.
_WITH_BITS = {bits: bytes(cell | bits for cell in range(256)) for bits in (VERTICAL, HORIZONTAL)}
_HAS_VERTICAL = bytes(int(bool(cell & VERTICAL)) for cell in range(256))
_HAS_HORIZONTAL = bytes(int(bool(cell & HORIZONTAL)) for cell in range(256))

Run = tuple[int, int, int]  # first and last cell along its row or column, owner


class LineGrid:
    """Line cells of one drawing; counts crossings while edges are added.

    Two edges cross in a cell where one draws across and the other, the first
    to draw down that cell, drew down. Only cells that already hold a line of
    the other direction can be such a crossing, so whole runs are painted at
    once (bytes.translate) and owners are looked up only for those cells.
    """

    def __init__(self, width: int, height: int) -> None:
        self.width = width
        self.height = height
        self._bits = bytearray(width * height)
        self._frame = bytearray(width * height)  # FRAME_* of every box border cell
        self._arrows: dict[int, str] = {}
        # The runs drawn across each row and down each column, in drawing order.
        self._across: dict[int, list[Run]] = {}
        self._down: dict[int, list[Run]] = {}
        self._crossed: set[int] = set()

    @property
    def crossings(self) -> int:
        """Cells where two different edges cross at right angles."""
        return len(self._crossed)

    def add_box(self, left: int, top: int, width: int, height: int) -> None:
        right, bottom = left + width - 1, top + height - 1
        if width > 1:
            self._run_across(top, left, right, _BOX)
            self._run_across(bottom, left, right, _BOX)
        if height > 1:
            self._run_down(left, top, bottom, _BOX)
            self._run_down(right, top, bottom, _BOX)
        frame, stride = self._frame, self.width
        for row in (top, bottom):
            frame[row * stride + left:row * stride + right + 1] = bytes([FRAME_ACROSS]) * width
        for column in (left, right):
            frame[top * stride + column:bottom * stride + column + 1:stride] = (
                bytes([FRAME_DOWN]) * height)
            for row in (top, bottom):
                frame[row * stride + column] = FRAME_CORNER

    def add_edge(self, path: list[Point], owner: int) -> None:
        """Draw from the source's border to the cell before the target's border.

        The first point is the port on the source border (it gains a stub, so
        `┬`); the last cell before the target border becomes the arrowhead.
        """
        corners = [path[0]]
        for point in path[1:]:
            if point == corners[-1]:
                continue
            if len(corners) > 1 and _straight_on(corners[-2], corners[-1], point):
                corners[-1] = point  # one run instead of two that meet end to end
            else:
                corners.append(point)
        (x1, y1), (x2, y2) = corners[-2], corners[-1]
        step = ((x2 > x1) - (x2 < x1), (y2 > y1) - (y2 < y1))
        head = (x2 - step[0], y2 - step[1])
        corners[-1] = head  # the target's border cell itself is not drawn
        for (x1, y1), (x2, y2) in itertools.pairwise(corners):
            if y1 == y2:
                if x1 != x2:
                    self._run_across(y1, min(x1, x2), max(x1, x2), owner)
            else:
                self._run_down(x1, min(y1, y2), max(y1, y2), owner)
        self._arrows[head[1] * self.width + head[0]] = _ARROW_OF_STEP[step]

    def _run_across(self, row: int, first: int, last: int, owner: int) -> None:
        """A horizontal line from column `first` to column `last` (first < last)."""
        start = row * self.width
        for offset in self._paint(start + first, start + last, 1, EAST, WEST, _HAS_VERTICAL):
            column = first + offset
            if owner >= 0 and _crosses(self._down.get(column, ()), row, owner):
                self._crossed.add(start + column)
        self._across.setdefault(row, []).append((first, last, owner))

    def _run_down(self, column: int, first: int, last: int, owner: int) -> None:
        """A vertical line from row `first` to row `last` (first < last)."""
        width = self.width
        for offset in self._paint(first * width + column, last * width + column, width,
                                  SOUTH, NORTH, _HAS_HORIZONTAL):
            row = first + offset
            if owner >= 0 and _crosses(self._across.get(row, ()), column, owner):
                self._crossed.add(row * width + column)
        self._down.setdefault(column, []).append((first, last, owner))

    def _paint(self, begin: int, end: int, stride: int, forward: int, backward: int,
               other_direction: bytes) -> list[int]:
        """Add a run's bits to its cells; returns the offsets of the cells that
        held a line of the other direction before."""
        bits = self._bits
        cells = bits[begin:end + 1:stride]
        marks = cells.translate(other_direction)
        offsets = []
        offset = marks.find(1)
        while offset >= 0:
            offsets.append(offset)
            offset = marks.find(1, offset + 1)
        painted = cells.translate(_WITH_BITS[forward | backward])
        painted[0] = cells[0] | forward
        painted[-1] = cells[-1] | backward
        bits[begin:end + 1:stride] = painted
        return offsets

    def transposed(self) -> LineGrid:
        width, height = self.width, self.height
        swapped = LineGrid(height, width)
        swapped._bits = bytearray(b"".join(
            self._bits[column::width] for column in range(width)).translate(_TRANSPOSED_BITS))
        swapped._frame = bytearray(b"".join(
            self._frame[column::width] for column in range(width)).translate(_TRANSPOSED_FRAME))
        swapped._arrows = {
            (index % width) * height + index // width: _TRANSPOSED_ARROW[direction]
            for index, direction in self._arrows.items()
        }
        swapped._crossed = {(index % width) * height + index // width for index in self._crossed}
        return swapped

    def to_cells(self, ascii: bool, crossing: str = "|") -> list[list[str]]:
        """The grid as characters. In ASCII a box's border stays whole where a
        connection leaves it, and a crossing is drawn as `crossing` (the line
        that goes on: "|" when the chart runs down, "-" when it runs across)."""
        width, bits = self.width, self._bits
        if ascii:
            glyphs = _ascii_glyphs(crossing)
            bits = bytearray(map(operator.or_, bits, self._frame))
        else:
            glyphs = _UNICODE_GLYPHS
        cells = [[glyphs[cell] for cell in bits[start:start + width]]
                 for start in range(0, width * self.height, width)]
        arrows = ASCII_ARROWS if ascii else UNICODE_ARROWS
        for index, direction in self._arrows.items():
            cells[index // width][index % width] = arrows[direction]
        return cells


def _straight_on(first: Point, middle: Point, last: Point) -> bool:
    """Whether the path goes on in the same direction at `middle`."""
    if first[0] == middle[0] == last[0]:
        return (middle[1] > first[1]) == (last[1] > middle[1])
    if first[1] == middle[1] == last[1]:
        return (middle[0] > first[0]) == (last[0] > middle[0])
    return False


def _crosses(runs: list[Run] | tuple[()], place: int, owner: int) -> bool:
    """Whether the first of these runs through `place` is another edge's (not a box's)."""
    for first, last, drawn_by in runs:
        if first <= place <= last:
            return drawn_by >= 0 and drawn_by != owner
    return False


def put_text(cells: list[list[str]], column: int, row: int, text: str) -> None:
    """Write text into the grid; a wide character leaves an empty continuation cell."""
    line = cells[row]
    if text.isascii() and 0 <= column and column + len(text) <= len(line):
        line[column:column + len(text)] = text
        return
    for char in text:
        cells[row][column] = char
        if cell_len(char) == 2:
            cells[row][column + 1] = ""
            column += 2
        else:
            column += 1
