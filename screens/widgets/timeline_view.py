"""The transition plan as a Gantt-like chart that scrolls both ways.

The label column and the two header lines stay in place; the bars scroll
horizontally, the rows vertically (arrow keys, page keys, home/end, mouse).
The chart itself comes from `regionet_tui.core.stap5_timeline.layout`.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from regionet_tui.core.stap5_timeline import TODAY_HEAD, TODAY_LINE, Timeline, row_label

HEADER_LINES = 2


class TimelineView(ScrollView, can_focus=True):
    COMPONENT_CLASSES = {"timeline--header", "timeline--late", "timeline--today"}
    DEFAULT_CSS = """
    TimelineView { height: 1fr; background: $surface; }
    TimelineView:focus { background-tint: $foreground 3%; }
    TimelineView > .timeline--header { text-style: bold; color: $accent; }
    TimelineView > .timeline--late { text-style: bold; color: $error; }
    TimelineView > .timeline--today { text-style: bold; color: $warning; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.timeline: Timeline | None = None

    @property
    def label_width(self) -> int:
        return max(12, min(28, self.size.width // 3))

    def show(self, timeline: Timeline) -> None:
        if timeline == self.timeline:
            return  # shown again, nothing changed: no repaint
        self.timeline = timeline
        self._update_size()
        self.refresh()

    def on_resize(self) -> None:
        self._update_size()

    def _update_size(self) -> None:
        if self.timeline is not None:
            self.virtual_size = Size(self.label_width + 1 + self.timeline.width,
                                     HEADER_LINES + len(self.timeline.rows))

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        timeline = self.timeline
        if timeline is None:
            return Strip.blank(width)
        scroll_x, scroll_y = self.scroll_offset
        chart_width = max(0, width - self.label_width - 1)
        today = self.get_component_rich_style("timeline--today")
        if y < HEADER_LINES:
            label = " " * self.label_width
            chart = timeline.header[y]
            style = self.get_component_rich_style("timeline--header")
        else:
            index = scroll_y + y - HEADER_LINES
            if index >= len(timeline.rows):
                return Strip.blank(width)
            row = timeline.rows[index]
            label = row_label(row, self.label_width)
            chart = row.bar
            style = self.get_component_rich_style("timeline--late") if row.late else Style()
        visible = chart[scroll_x: scroll_x + chart_width]
        segments = [Segment(label, style), Segment(" ")]
        segments += [Segment(char, today if char in (TODAY_HEAD, TODAY_LINE) else None)
                     for char in visible]
        return Strip(segments).simplify().extend_cell_length(width)

    def visible_text(self) -> list[str]:
        """What the chart shows right now, line by line (for tests and checks)."""
        return [self.render_line(y).text for y in range(self.size.height)]
