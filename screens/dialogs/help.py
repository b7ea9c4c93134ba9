"""Help for the current screen: what it is for and its keys."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from regionet_tui.i18n import t

from ..base import RegionetModal


class HelpDialog(RegionetModal[None]):
    BINDINGS = [
        Binding("escape,question_mark,f1,q", "close", "form.key_cancel", show=False),
    ]

    def __init__(self, heading: str, about: str, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self._heading = heading
        self._about = about
        self._keys = keys

    def compose(self) -> ComposeResult:
        width = max((len(key) for key, _ in self._keys), default=0)
        lines = "\n".join(f"{key.rjust(width)}  {text}" for key, text in self._keys)
        with VerticalScroll(classes="dialog help-dialog"):
            yield Static(Content(self._heading), classes="dialog-title")
            yield Static(Content(self._about), classes="dialog-text")
            yield Static(Content(t("help.keys")), classes="field-label")
            yield Static(Content(lines), classes="help-keys")
            yield Static(Content(t("help.general")), classes="dialog-text")
            yield Static(Content(t("help.close")), classes="help-close edit-hint")

    def action_close(self) -> None:
        self.dismiss(None)
