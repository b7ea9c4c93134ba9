"""Reads a unicode flowchart drawing back into edges, checking its invariants on the way.

The reader knows nothing of the engine: it follows lines from every arrowhead
back to a port on some box border, the way a reader's eye would.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len

from regionet_tui.flowchart import Drawing

Box = tuple[int, int, int, int]
N, E, S, W = (0, -1), (1, 0), (0, 1), (-1, 0)
LINKS = {
    "│": {N, S},
    "─": {E, W},
    "┌": {S, E},
    "┐": {S, W},
    "└": {N, E},
    "┘": {N, W},
    "├": {N, S, E},
    "┤": {N, S, W},
    "┬": {E, W, S},
    "┴": {E, W, N},
    "┼": {N, S, E, W},
}
ARROWS = {"▼": S, "▲": N, "►": E, "◄": W}


class DrawingError(AssertionError):
    pass


def cells_of(drawing: Drawing) -> list[list[str]]:
    grid = []
    for line in drawing.lines:
        row: list[str] = []
        for char in line:
            row.append(char)
            if cell_len(char) == 2:
                row.append("")
        grid.append(row)
    return grid


def read_edges(drawing: Drawing) -> list[tuple[str, str, str]]:
    """(source, target, label) of every edge drawn; raises DrawingError on any flaw."""
    grid = cells_of(drawing)
    widths = {len(row) for row in grid}
    if len(widths) > 1:
        raise DrawingError(f"lines differ in width: {widths}")
    boxes = drawing.node_boxes

    def char(x: int, y: int) -> str:
        if 0 <= y < len(grid) and 0 <= x < len(grid[y]):
            return grid[y][x]
        return " "

    def box_at(x: int, y: int) -> str | None:
        for node_id, (left, top, width, height) in boxes.items():
            if left <= x < left + width and top <= y < top + height:
                return node_id
        return None

    def on_border(x: int, y: int) -> str | None:
        node_id = box_at(x, y)
        if node_id is None:
            return None
        left, top, width, height = boxes[node_id]
        inner = left < x < left + width - 1 and top < y < top + height - 1
        return None if inner else node_id

    _check_boxes(boxes, char)
    _check_nothing_runs_along_boxes(boxes, char)
    used: set[tuple[int, int]] = set()
    edges: list[tuple[str, str, list[tuple[int, int]]]] = []
    for y, row in enumerate(grid):
        for x, cell in enumerate(row):
            if cell not in ARROWS:
                continue
            pointing = ARROWS[cell]
            target = on_border(x + pointing[0], y + pointing[1])
            corner = target and _is_corner(boxes[target], x + pointing[0], y + pointing[1])
            if target is None or corner:
                raise DrawingError(f"arrowhead at {(x, y)} does not touch a box side")
            if (-pointing[0], -pointing[1]) in LINKS.get(
                char(x + pointing[0], y + pointing[1]), set()
            ):
                raise DrawingError(f"arrowhead at {(x, y)} meets a port, not a plain border")
            heading = (-pointing[0], -pointing[1])
            path = [(x, y)]
            px, py = x, y
            while True:
                px, py = px + heading[0], py + heading[1]
                here = char(px, py)
                back = (-heading[0], -heading[1])
                source = on_border(px, py)
                if source is not None:
                    if back not in LINKS.get(here, set()) or _is_corner(boxes[source], px, py):
                        raise DrawingError(f"edge into {target} ends at {(px, py)} without a port")
                    if (px, py) in used:
                        raise DrawingError(f"two edges share the port at {(px, py)}")
                    used.add((px, py))
                    break
                if here not in LINKS or back not in LINKS[here]:
                    raise DrawingError(f"line broken at {(px, py)} ({here!r})")
                if (px, py) in used and here != "┼":
                    raise DrawingError(f"two edges share cell {(px, py)}")
                path.append((px, py))
                onward = LINKS[here] - {back}
                if here == "┼":
                    continue
                if len(onward) != 1:
                    raise DrawingError(f"junction outside a box at {(px, py)} ({here!r})")
                heading = onward.pop()
                if len(path) > 100_000:
                    raise DrawingError("endless line")
            used.update(path)
            edges.append((source, target, path))
    stray = [
        (x, y)
        for y, row in enumerate(grid)
        for x, cell in enumerate(row)
        if (cell in LINKS or cell in ARROWS) and (x, y) not in used and on_border(x, y) is None
    ]
    if stray:
        raise DrawingError(f"line cells belonging to no edge: {stray[:5]}")
    crossings = sum(row.count("┼") for row in grid)
    if crossings != drawing.crossings:
        raise DrawingError(f"{crossings} crossings drawn, {drawing.crossings} reported")
    return _attach_labels(grid, edges, drawing.direction, box_at, char)


def _is_corner(box: tuple[int, int, int, int], x: int, y: int) -> bool:
    left, top, width, height = box
    return x in (left, left + width - 1) and y in (top, top + height - 1)


def _check_boxes(boxes: dict[str, Box], char: Callable[[int, int], str]) -> None:
    placed = list(boxes.items())
    for index, (first, (l1, t1, w1, h1)) in enumerate(placed):
        for second, (l2, t2, w2, h2) in placed[index + 1 :]:
            if l1 < l2 + w2 and l2 < l1 + w1 and t1 < t2 + h2 and t2 < t1 + h1:
                raise DrawingError(f"boxes {first} and {second} overlap")
        for y in range(t1 + 1, t1 + h1 - 1):
            for x in range(l1 + 1, l1 + w1 - 1):
                if char(x, y) in LINKS or char(x, y) in ARROWS:
                    raise DrawingError(f"line inside box {first} at {(x, y)}")


def _check_nothing_runs_along_boxes(boxes: dict[str, Box], char: Callable[[int, int], str]) -> None:
    """No line may hug a border: beside a box only arrowheads and lines leaving it are allowed."""
    for node_id, (left, top, width, height) in boxes.items():
        right, bottom = left + width - 1, top + height - 1
        for x in range(left, right + 1):
            for y in (top - 1, bottom + 1):
                if LINKS.get(char(x, y), set()) & {E, W}:
                    raise DrawingError(f"a line runs along box {node_id} at {(x, y)}")
        for y in range(top, bottom + 1):
            for x in (left - 1, right + 1):
                if LINKS.get(char(x, y), set()) & {N, S}:
                    raise DrawingError(f"a line runs along box {node_id} at {(x, y)}")


def _is_text(cell: str) -> bool:
    """Label text; the empty continuation cell of a wide character counts as text too."""
    return cell not in LINKS and cell not in ARROWS and cell != " "


def _attach_labels(
    grid: list[list[str]],
    edges: list[tuple[str, str, list[tuple[int, int]]]],
    direction: str,
    box_at: Callable[[int, int], str | None],
    char: Callable[[int, int], str],
) -> list[tuple[str, str, str]]:
    text_cells = {
        (x, y)
        for y, row in enumerate(grid)
        for x, cell in enumerate(row)
        if _is_text(cell) and box_at(x, y) is None
    }
    result: list[tuple[str, str, str]] = []
    for source, target, path in edges:
        labels: list[str] = []
        starts: list[tuple[int, int]] = []
        for x, y in path:
            links = LINKS.get(char(x, y), set())
            if char(x, y) == "┼":
                continue
            if direction == "TB" and links & {N, S} and char(x + 1, y) == " ":
                starts.append((x + 2, y))
            elif direction == "LR" and links & {E, W}:
                starts.append((x, y + 1))
        # Top-most (TB) or left-most (LR) first, so a label is read from its beginning.
        starts.sort(key=lambda cell: (cell[1], cell[0]) if direction == "TB" else cell)
        for start in starts:
            if start not in text_cells:
                continue
            lines = []
            column, row = start
            while (column, row) in text_cells:
                line = ""
                cursor = column
                while _is_text(char(cursor, row)) or (
                    char(cursor, row) == " " and _is_text(char(cursor + 1, row))
                ):
                    line += char(cursor, row)
                    text_cells.discard((cursor, row))
                    cursor += 1
                lines.append(line)
                row += 1
            labels.append(" ".join(lines))
        if len(labels) > 1:
            raise DrawingError(f"edge {source}->{target} has several labels: {labels}")
        result.append((source, target, labels[0] if labels else ""))
    if text_cells:
        raise DrawingError(f"text outside boxes belonging to no edge: {sorted(text_cells)[:5]}")
    return sorted(result)
