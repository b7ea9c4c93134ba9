"""Ask a yes/no question before something that cannot simply be undone."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from regionet_tui.i18n import t

from ..base import RegionetModal


class ConfirmDialog(RegionetModal[bool]):
    BINDINGS = [
        Binding("escape", "cancel", "form.key_cancel"),
        Binding("j,y", "confirm", show=False),
        Binding("n", "cancel", show=False),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self._question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self._question), classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("form.yes"), id="yes", variant="error")
                yield Button(t("form.no"), id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def action_confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_cancel(self) -> None:
        self.dismiss(False)
