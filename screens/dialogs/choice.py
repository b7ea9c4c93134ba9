"""Pick one of a few actions, each a button."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Button, Static

from regionet_tui.i18n import t

from ..base import RegionetModal


class ChoiceDialog(RegionetModal[str | None]):
    """Tab goes to a choice and Enter takes it (a click too); nothing is chosen
    by a key that was meant for something else."""

    BINDINGS = [Binding("escape", "cancel", "form.key_cancel")]
    AUTO_FOCUS = ""  # Tab goes to the first choice
    CHANGES_SESSION = True

    def __init__(self, heading: str, text: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self._heading = heading
        self._text = text
        self._choices = choices  # (value, label)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self._heading), classes="dialog-title")
            yield Static(Content(self._text), classes="dialog-text")
            if self.session_readonly:
                yield Static(Content(t("app.readonly_refused")), classes="form-readonly")
            for value, label in self._choices:
                yield Button(label, id=f"choice-{value}", classes="choice",
                             disabled=self.session_readonly)
            yield Button(t("start.repair_cancel"), id="cancel", classes="choice")

    @on(Button.Pressed, ".choice")
    def chosen(self, event: Button.Pressed) -> None:
        button_id = event.button.id or ""
        self.dismiss(button_id.removeprefix("choice-") if button_id != "cancel" else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
