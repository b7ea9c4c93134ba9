"""The flowchart drawn in the terminal; scrolls both ways when it is larger.

Drawn with Textual's line API: a line on screen is the drawing's line at
that row, cut to the view, with the boxes of a styled kind in their style.
An 80-node chart is a few hundred cells wide and tall; as one Static it was
measured and rendered through Rich in full every time it was shown, while a
screen shows only a part of it.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from regionet_tui.flowchart import Drawing
from regionet_tui.flowchart.text import text_cells, wrap
from regionet_tui.safe_text import printable

# Text styles only (no colours): the kind is also named in the node list.
KIND_STYLES = {"broker": "bold", "service": "italic"}


class FlowView(ScrollView, can_focus=True):
    DEFAULT_CSS = """
    FlowView { height: 1fr; border: round $primary-background; overflow: scroll scroll; }
    FlowView:focus { border: round $primary; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[Drawing, str] | None = None
        self._lines: list[str] = []
        self._message = ""  # shown, wrapped to the view, when there is no drawing
        self._message_width = -1  # the width `_lines` holds the message wrapped at
        self._styled: dict[int, list[tuple[int, int, Style]]] = {}  # row -> styled cells
        self._strips: dict[int, Strip] = {}  # row -> the whole line, styled
        self._base_style: Style | None = None  # the view's own style, as the strips hold it

    @property
    def text(self) -> str:
        """What the view shows, as plain lines (the drawing or the message)."""
        return "\n".join(self._lines) if self._shown and self._shown[0].lines else self._message

    def show(self, drawing: Drawing, empty_message: str) -> None:
        if self._shown == (drawing, empty_message):
            return  # the same chart again
        self._shown = (drawing, empty_message)
        self._strips.clear()
        self._styled = {}
        if drawing.lines:
            self._message = ""
            self._lines = [printable(line) for line in drawing.lines]
            for node_id, (left, top, width, height) in drawing.node_boxes.items():
                name = KIND_STYLES.get(drawing.node_kinds.get(node_id, "other"))
                if name:
                    style = Style.parse(name)
                    for row in range(top, top + height):
                        self._styled.setdefault(row, []).append((left, left + width, style))
            self.virtual_size = Size(drawing.width, drawing.height)
        else:
            self._message = printable(empty_message)
            self._wrap_message()
        self.refresh()

    def _wrap_message(self) -> None:
        width = self.scrollable_content_region.width
        self._message_width = width
        self._lines = wrap(self._message, width) if width > 1 else [self._message]
        self._strips.clear()
        self.virtual_size = Size(max((text_cells(line) for line in self._lines), default=0),
                                 len(self._lines))

    def on_resize(self) -> None:
        if self._message and self.scrollable_content_region.width != self._message_width:
            self._wrap_message()
            self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
        self._base_style = None
        self.refresh()

    @property
    def _base(self) -> Style:
        """`rich_style`, worked out from the view's ancestors once per style change
        rather than for every line painted."""
        if self._base_style is None:
            self._base_style = self.rich_style
        return self._base_style

    def _strip(self, row: int) -> Strip:
        strip = self._strips.get(row)
        if strip is None:
            base = self._base
            strip = Strip([Segment(self._lines[row], base)])
            styled = sorted(self._styled.get(row, []), key=lambda part: part[0])
            if styled:
                cuts = sorted({cut for start, end, _ in styled for cut in (start, end)})
                pieces = strip.divide([*cuts, strip.cell_length])
                segments: list[Segment] = []
                position = 0
                for piece, end in zip(pieces, [*cuts, strip.cell_length], strict=False):
                    extra = next((style for start, stop, style in styled
                                  if start <= position < stop), None)
                    for segment in piece:
                        segments.append(Segment(segment.text, base + extra)
                                        if extra else segment)
                    position = end
                strip = Strip(segments, strip.cell_length)
            self._strips[row] = strip
        return strip

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        row = y + self.scroll_offset.y
        if row >= len(self._lines):
            return Strip.blank(width, self._base)
        left = self.scroll_offset.x
        return self._strip(row).crop_extend(left, left + width, self._base)
