"""A list of choices that reads ticked or not without colour: ▐X▌ or ▐ ▌."""

from __future__ import annotations

from typing import TypeVar

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets.option_list import OptionDoesNotExist

from .tick_box import TICKED, UNTICKED

T = TypeVar("T")


class TickList(SelectionList[T]):
    """Textual's selection list draws an X before every choice, ticked or not,
    only in another colour. Here an unticked choice shows an empty box."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        if selection.value in self.selected:
            return strip
        segments = list(strip)
        # The box is the first three segments: its left side, the X, its right side.
        if len(segments) > 1 and segments[1].text == TICKED:
            segments[1] = Segment(UNTICKED, segments[1].style)
        return Strip(segments, strip.cell_length)
