"""Pick one of a list with the arrows and Enter, or with the digit in front."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from regionet_tui.i18n import t

from ..base import RegionetModal


class PickDialog(RegionetModal[str | None]):
    """In a read-only session the list is shown, and says that nothing can be picked."""

    CHANGES_SESSION = True
    BINDINGS = [
        Binding("escape", "cancel", "form.key_cancel"),
        *(Binding(str(n), f"pick({n - 1})", show=False) for n in range(1, 10)),
    ]

    def __init__(self, heading: str, choices: list[tuple[str, str]],
                 current: str | None = None) -> None:
        super().__init__()
        self._heading = heading
        self._choices = choices  # (value, label)
        self._current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog pick-dialog"):
            yield Static(Content(self._heading), classes="dialog-title")
            if self.session_readonly:
                yield Static(Content(t("app.readonly_refused")), classes="form-readonly")
            yield OptionList(*(Option(Content(f"{n}  {label}"), id=value)
                               for n, (value, label) in enumerate(self._choices, start=1)),
                             id="pick")
            yield Static(Content(t("stap1.pick_hint")), classes="help-close edit-hint")

    def on_mount(self) -> None:
        options = self.query_one("#pick", OptionList)
        values = [value for value, _ in self._choices]
        if self._current in values:
            options.highlighted = values.index(self._current)
        options.focus()

    @on(OptionList.OptionSelected, "#pick")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self._pick(event.option.id)

    def action_pick(self, index: int) -> None:
        if 0 <= index < len(self._choices):
            self._pick(self._choices[index][0])

    def _pick(self, value: str | None) -> None:
        if self.session_readonly:
            self.app.bell()
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)
