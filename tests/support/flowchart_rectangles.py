"""Reading a flowchart drawing the way the eye does: every rectangle in it, and
the ASCII drawing a Unicode one should become.

A rectangle is four corners joined by unbroken sides: in ASCII "+" corners
with "-"/"+" across and "|"/"+" down; in Unicode the corner glyphs ┌ ┐ └ ┘ with
sides of line glyphs (a port or a crossing on a side still closes it). A
rectangle that is not a box reads as an extra, empty box.
"""

from __future__ import annotations

from regionet_tui.flowchart import Drawing
from support.flowchart_grid_reader import cells_of

Box = tuple[int, int, int, int]  # x, y, width, height

_ASCII = {"corner": "+", "across": "-+", "down": "|+"}
_UNICODE_CORNERS = {"top_left": "┌", "top_right": "┐", "bottom_left": "└", "bottom_right": "┘"}
_UNICODE_ACROSS = "─┬┴┼┌┐└┘"
_UNICODE_DOWN = "│├┤┼┌┐└┘"


def rectangles(drawing: Drawing, ascii: bool) -> list[Box]:
    grid = cells_of(drawing)
    height = len(grid)
    width = len(grid[0]) if grid else 0

    def corner(x: int, y: int, which: str) -> bool:
        cell = grid[y][x]
        return cell == "+" if ascii else cell == _UNICODE_CORNERS[which]

    def across(x: int, y: int) -> bool:
        return grid[y][x] in (_ASCII["across"] if ascii else _UNICODE_ACROSS)

    def down(x: int, y: int) -> bool:
        return grid[y][x] in (_ASCII["down"] if ascii else _UNICODE_DOWN)

    found = []
    for top in range(height):
        for left in range(width):
            if not corner(left, top, "top_left"):
                continue
            rights = []
            x = left + 1
            while x < width and across(x, top):
                if corner(x, top, "top_right"):
                    rights.append(x)
                x += 1
            bottoms = []
            y = top + 1
            while y < height and down(left, y):
                if corner(left, y, "bottom_left"):
                    bottoms.append(y)
                y += 1
            for right in rights:
                for bottom in bottoms:
                    if (corner(right, bottom, "bottom_right")
                            and all(down(right, row) for row in range(top + 1, bottom))
                            and all(across(col, bottom) for col in range(left + 1, right))):
                        found.append((left, top, right - left + 1, bottom - top + 1))
    return found


def border_cells(box: Box) -> dict[tuple[int, int], str]:
    """The cells of a box's border: "corner", "across" (top, bottom) or "down"."""
    left, top, width, height = box
    right, bottom = left + width - 1, top + height - 1
    cells = {(x, y): "across" for x in range(left, right + 1) for y in (top, bottom)}
    cells.update({(x, y): "down" for x in (left, right) for y in range(top + 1, bottom)})
    cells.update({(x, y): "corner" for x in (left, right) for y in (top, bottom)})
    return cells


_BORDER = {"corner": "+", "across": "-", "down": "|"}
_LINES = {"│": "|", "─": "-", "┌": ".", "┐": ".", "└": "'", "┘": "'",
          "├": "+", "┤": "+", "┬": "+", "┴": "+", "▼": "v", "▲": "^", "►": ">", "◄": "<"}


def ascii_of(unicode: Drawing) -> list[str]:
    """What the ASCII drawing of the same chart must be: box borders whole, line
    turns "." and "'", a crossing as the line along the chart's direction."""
    grid = cells_of(unicode)
    frame = {cell: kind for box in unicode.node_boxes.values()
             for cell, kind in border_cells(box).items()}
    crossing = "-" if unicode.direction == "LR" else "|"
    lines = []
    for y, row in enumerate(grid):
        out = []
        for x, cell in enumerate(row):
            if (x, y) in frame:
                out.append(_BORDER[frame[(x, y)]])
            elif cell == "┼":
                out.append(crossing)
            else:
                out.append(_LINES.get(cell, cell))
        lines.append("".join(out))
    return lines
