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
    """j/y says yes, n or Esc no; Enter answers only on a button Tab went to.

    In a read-only session the question is not put: the dialog says why, and
    only closes."""

    BINDINGS = [
        Binding("escape", "cancel", "form.key_cancel"),
        Binding("j,y", "confirm", show=False),
        Binding("n", "cancel", show=False),
    ]
    CHANGES_SESSION = True

    def __init__(self, question: str) -> None:
        super().__init__()
        self._question = question

    def compose(self) -> ComposeResult:
        readonly = self.session_readonly
        with Vertical(classes="dialog"):
            yield Static(Content(self._question), classes="dialog-text")
            if readonly:
                yield Static(Content(t("app.readonly_refused")), classes="form-readonly")
            with Horizontal(classes="dialog-buttons"):
                if not readonly:
                    yield Button(t("form.yes"), id="yes", variant="error")
                yield Button(t("form.close") if readonly else t("form.no"), id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def refused_key_hint(self) -> str:
        return "form.confirm_keys"

    @on(Button.Pressed, "#yes")
    def action_confirm(self) -> None:
        if self.session_readonly:
            self.notify(t("app.readonly_refused"), severity="warning", markup=False)
            return
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_cancel(self) -> None:
        self.dismiss(False)
