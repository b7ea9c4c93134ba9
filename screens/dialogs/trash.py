"""The trash folder: sessions moved there can be put back."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Static

from regionet_tui.i18n import t
from regionet_tui.storage import SessionEntry

from ..base import RegionetModal


class TrashDialog(RegionetModal[SessionEntry | None]):
    BINDINGS = [Binding("escape", "cancel", "form.key_cancel")]

    def __init__(self, entries: list[SessionEntry]) -> None:
        super().__init__()
        self._entries = [e for e in entries if not e.damaged]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog trash-dialog"):
            yield Static(Content(t("start.trash_title")), classes="dialog-title")
            if not self._entries:
                yield Static(Content(t("start.trash_empty")), classes="dialog-text")
                return
            yield Static(Content(t("start.trash_hint")), classes="dialog-text edit-hint")
            table: DataTable[Text] = DataTable(id="trash", cursor_type="row")
            yield table

    def on_mount(self) -> None:
        if not self._entries:
            return
        table = self.query_one("#trash", DataTable)
        table.add_column(Text(t("start.col_title")))
        table.add_column(Text(t("start.col_region")))
        for entry in self._entries:
            table.add_row(Text(entry.title), Text(entry.region))
        table.focus()

    @on(DataTable.RowSelected, "#trash")
    def _restore(self, event: DataTable.RowSelected) -> None:
        self.dismiss(self._entries[event.cursor_row])

    def action_cancel(self) -> None:
        self.dismiss(None)
