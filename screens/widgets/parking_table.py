"""The parking lot as a table: side issues raised in the room, and what became of them.

Its keys act on the selected item; the screen that holds it does the work.
The status is a symbol and a word, never colour alone.
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from regionet_tui.i18n import t
from regionet_tui.models.workshop import ParkingItem

COLUMNS = ("status", "time", "text")


def _local_time(moment: datetime | None) -> str:
    return "" if moment is None else moment.astimezone().strftime("%H:%M")


class ParkingTable(DataTable[Text]):
    BINDINGS = [
        Binding("a", "app.park", "workshop.key_park_add"),
        Binding("c", "screen.close_item", "workshop.key_close"),
        Binding("f", "screen.followup", "workshop.key_followup"),
        Binding("e", "screen.edit_item", "workshop.key_edit_item", show=False),
        Binding("x,delete", "screen.remove_item", "workshop.key_remove_item", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.items: list[ParkingItem] = []

    def on_mount(self) -> None:
        for column in COLUMNS:
            self.add_column(Text(t(f"workshop.col_{column}")), key=column)

    def show(self, items: list[ParkingItem], select: str | None = None) -> None:
        current = self.selected_item()
        keep = select or (current.id if current else None)
        self.clear()
        self.items = list(items)
        for item in self.items:
            self.add_row(Text(t(f"workshop.parking_{item.status}")),
                         Text(_local_time(item.created)), Text(item.text), key=item.id)
        ids = [item.id for item in self.items]
        if keep in ids:
            self.move_cursor(row=ids.index(keep))

    def selected_item(self) -> ParkingItem | None:
        if not self.items or self.cursor_row < 0:
            return None
        return self.items[min(self.cursor_row, len(self.items) - 1)]
