"""A base for dialogs with fields: validate on save, show the problem, change nothing."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, Static

from regionet_tui.forms import FormError, describe
from regionet_tui.i18n import t

from ..base import RegionetModal

ResultType = TypeVar("ResultType")


class FormDialog(RegionetModal[ResultType], Generic[ResultType]):
    """Subclasses compose their fields in `compose_fields` and build the result
    in `build_result`, raising FormError or ValidationError for bad input."""

    BINDINGS = [
        Binding("escape", "cancel", "form.key_cancel"),
        Binding("ctrl+s", "save", "form.key_save"),
    ]
    LABELS: dict[str, str] = {}  # model field -> catalogue key of its label

    def __init__(self, heading: str) -> None:
        super().__init__()
        self._heading = heading

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog form-dialog"):
            yield Static(Content(self._heading), classes="dialog-title")
            yield from self.compose_fields()
            yield Static("", id="form-error", classes="form-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("form.save"), id="save", variant="primary")
                yield Button(t("form.cancel"), id="cancel")

    def on_mount(self) -> None:
        # The first field, whatever its kind: some dialogs start with a choice or a text area.
        self.query("Input, Select, TextArea, SelectionList").first().focus()

    def compose_fields(self) -> ComposeResult:
        raise NotImplementedError

    def build_result(self) -> ResultType:
        raise NotImplementedError

    @staticmethod
    def labelled_input(label_key: str, field_id: str, value: str = "",
                       placeholder: str = "", max_length: int = 0) -> ComposeResult:
        """A label and an input. `max_length` suits short codes and numbers only:
        over-long text fields are better refused with a message on save."""
        yield Label(t(label_key), classes="field-label")
        yield Input(value, placeholder=placeholder, id=field_id, max_length=max_length)

    def value(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value

    def show_error(self, message: str) -> None:
        self.query_one("#form-error", Static).update(Content(message))

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        try:
            result = self.build_result()
        except FormError as error:
            self.show_error(str(error))
            return
        except ValidationError as error:
            labels = {name: t(key) for name, key in self.LABELS.items()}
            self.show_error(describe(error, labels))
            return
        self.dismiss(result)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
