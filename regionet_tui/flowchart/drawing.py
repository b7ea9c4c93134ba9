"""The finished drawing: plain lines plus where each box ended up."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from .text import char_cells

if TYPE_CHECKING:
    from rich.text import Text

Box = tuple[int, int, int, int]  # x, y, width, height in cells


class Drawing(NamedTuple):
    lines: list[str]
    direction: str
    crossings: int
    node_boxes: dict[str, Box]
    node_kinds: dict[str, str]

    @property
    def width(self) -> int:
        return sum(char_cells(char) for char in self.lines[0]) if self.lines else 0

    @property
    def height(self) -> int:
        return len(self.lines)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def to_rich(self, styles: dict[str, str] | None = None) -> Text:
        """The drawing as rich Text, each box (border and label) styled by its node kind.

        Labels are user text, so they are appended as plain text, never parsed
        as markup.
        """
        from rich.text import Text  # the screens' need: the command line prints plain text

        result = Text(self.text, no_wrap=True, end="")
        if not styles:
            return result
        line_starts = [0]
        for line in self.lines:
            line_starts.append(line_starts[-1] + len(line) + 1)
        for node_id, (left, top, width, height) in self.node_boxes.items():
            style = styles.get(self.node_kinds.get(node_id, "other"))
            if not style:
                continue
            for row in range(top, top + height):
                start = _index_of_cell(self.lines[row], left)
                end = _index_of_cell(self.lines[row], left + width)
                result.stylize(style, line_starts[row] + start, line_starts[row] + end)
        return result


def _index_of_cell(line: str, column: int) -> int:
    """String index of the character drawn at a cell column (wide characters take two)."""
    cells = 0
    for index, char in enumerate(line):
        if cells >= column:
            return index
        cells += char_cells(char)
    return len(line)
