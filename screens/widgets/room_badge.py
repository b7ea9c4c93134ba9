"""The room in the stage bar: open or not, how many phones are in, how many wait.

Takes no space while the room is closed. Said in words and numbers, never in
colour alone.
"""

from __future__ import annotations

from textual.app import RenderResult
from textual.content import Content
from textual.widget import Widget

from regionet_tui.i18n import t
from regionet_tui.room_mode import RoomMode


class RoomBadge(Widget):
    DEFAULT_CSS = """
    RoomBadge { width: auto; height: 1; padding: 0 1; background: $boost; display: none; }
    RoomBadge.-open { display: block; }
    RoomBadge.-waiting { text-style: bold reverse; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = ""

    def on_mount(self) -> None:
        if isinstance(self.app, RoomMode):
            self.app.room_changed.subscribe(self, self.show_room)
        self.show_room()

    def show_room(self, _: object = None) -> None:
        room = self.app.room if isinstance(self.app, RoomMode) else None
        waiting = len(room.access.waiting()) if room is not None else 0
        if room is None:
            text = ""
        elif waiting:
            text = t("room.badge_waiting", waiting=waiting)
        else:
            text = t("room.badge", phones=len(room.access.admitted()))
        self.set_class(room is not None, "-open")
        self.set_class(bool(waiting), "-waiting")
        if text != self._text:
            self._text = text
            self.refresh(layout=True)

    def render(self) -> RenderResult:
        return Content(self._text)
