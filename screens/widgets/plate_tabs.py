"""The tab bar over the two plates of the reflection: their names on one line.

It replaces Textual's TabbedContent, whose tabs, underline, switcher and panes
(a dozen widgets, each class with default styles to parse, and more layout
passes) took almost half the CPU time of the reflection's first showing. One
line of text does the same job: it shows the names, marks the plate on view,
and says when a facilitator chooses another one by click or arrow key; the
screen shows that plate and sets `active`. Its styles are in
styles/reflection.tcss, so no new default styles are parsed when it mounts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static


class _Span(NamedTuple):
    plate: str
    start: int
    end: int


class PlateTabs(Static, can_focus=True):
    """" ▸ Praatplaat    Follow-up plaat ": the plate on view is marked by the
    arrow and reverse bold text, never by colour alone. The names are catalogue
    text, drawn as plain text (never markup)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "step(-1)", "reflection.key_prev_plate", show=False),
        Binding("right", "step(1)", "reflection.key_next_plate", show=False),
    ]

    active: reactive[str] = reactive("", init=False)

    class Chosen(Message):
        """The facilitator chose a plate (click or arrow key)."""

        def __init__(self, plate: str) -> None:
            super().__init__()
            self.plate = plate

    def __init__(self, plates: Sequence[tuple[str, str]], active: str, *,
                 id: str | None = None) -> None:
        """`plates`: (id, name) of each plate, in order."""
        self._plates = tuple(plates)
        self._spans: list[_Span] = []
        super().__init__(self._line(active), id=id)
        self.set_reactive(PlateTabs.active, active)

    def _line(self, active: str) -> Content:
        parts: list[tuple[str, str]] = []
        self._spans = []
        position = 0
        for plate, name in self._plates:
            on_view = plate == active
            text = f" {'▸' if on_view else ' '} {name} "
            width = cell_len(text)
            self._spans.append(_Span(plate, position, position + width))
            parts += [(text, "reverse bold" if on_view else ""), (" ", "")]
            position += width + 1
        return Content.assemble(*parts)

    def watch_active(self, active: str) -> None:
        self.update(self._line(active), layout=False)

    def action_step(self, step: int) -> None:
        ids = [plate for plate, _ in self._plates]
        index = ids.index(self.active) if self.active in ids else 0
        self.post_message(self.Chosen(ids[(index + step) % len(ids)]))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for span in self._spans:
            if span.start <= offset.x < span.end:
                self.post_message(self.Chosen(span.plate))
                return
