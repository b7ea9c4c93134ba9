"""A base for dialogs with fields: validate on save, show the problem, change nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    Select,
    SelectionList,
    Static,
    Switch,
    TextArea,
)

from regionet_tui.forms import FormError, describe
from regionet_tui.i18n import t

from ..base import RegionetModal

ResultType = TypeVar("ResultType")
Parsed = TypeVar("Parsed")

_FIELDS = "Input, Select, TextArea, SelectionList, Checkbox, Switch"


class FieldError(FormError):
    """Input that cannot be accepted, about the field with id `field_id`."""

    def __init__(self, message: str, field_id: str) -> None:
        super().__init__(message)
        self.field_id = field_id


def _field_value(field: Widget) -> object:
    if isinstance(field, Input):
        return field.value
    if isinstance(field, TextArea):
        return field.text
    if isinstance(field, SelectionList):
        return tuple(field.selected)
    if isinstance(field, (Select, Checkbox, Switch)):
        return field.value
    return None


class FormDialog(RegionetModal[ResultType], Generic[ResultType]):
    """Subclasses compose their fields in `compose_fields` and build the result
    in `build_result`, raising FormError (FieldError when it is about one
    field) or ValidationError for bad input.

    The fields scroll; the problem with the input and the buttons stay below
    them, so a tall form on a small terminal shows its error at once. Leaving
    a form whose fields were changed asks first.
    """

    BINDINGS = [
        Binding("escape", "cancel", "form.key_cancel"),
        Binding("ctrl+s", "save", "form.key_save"),
    ]
    LABELS: dict[str, str] = {}  # model field -> catalogue key of its label
    SAVE_LABEL = "form.save"  # the catalogue key of the button that saves

    def __init__(self, heading: str) -> None:
        super().__init__()
        self._heading = heading
        self._values_at_start: list[object] = []
        self._asking = False

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog form-dialog"):
            yield Static(Content(self._heading), classes="dialog-title")
            yield from self.compose_fields()
            with Vertical(classes="form-footer"):  # docked: stays in view while the fields scroll
                yield Static("", id="form-error", classes="form-error")
                with Horizontal(classes="dialog-buttons"):
                    yield Button(t(self.SAVE_LABEL), id="save", variant="primary")
                    yield Button(t("form.cancel"), id="cancel")

    def on_mount(self) -> None:
        # The first field, whatever its kind: some dialogs start with a choice or a text area.
        self.query(_FIELDS).first().focus()
        self._values_at_start = self._values()

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

    def parsed(self, field_id: str, parse: Callable[[str], Parsed]) -> Parsed:
        """The text of an input turned into a value; its problem is about that field."""
        try:
            return parse(self.value(field_id))
        except FieldError:
            raise
        except FormError as error:
            raise FieldError(str(error), field_id) from None

    def _values(self) -> list[object]:
        return [_field_value(field) for field in self.query(_FIELDS)]

    def changed(self) -> bool:
        """Whether any field holds something else than when the form opened."""
        return self._values() != self._values_at_start

    def show_error(self, message: str, field_id: str = "") -> None:
        """Show the problem below the fields and put the cursor in the field it is about."""
        error = self.query_one("#form-error", Static)
        error.update(Content(message))
        error.add_class("-shown")
        if field_id:
            try:
                self.query_one(f"#{field_id}").focus()
            except NoMatches:
                pass

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        try:
            result = self.build_result()
        except FieldError as error:
            self.show_error(str(error), error.field_id)
            return
        except FormError as error:
            self.show_error(str(error))
            return
        except ValidationError as error:
            labels = {name: t(key) for name, key in self.LABELS.items()}
            self.show_error(describe(error, labels), self._field_of(error))
            return
        self.dismiss(result)

    @staticmethod
    def _field_of(error: ValidationError) -> str:
        """The id of the field a validation error is about: fields are named as
        the model's fields they fill."""
        location = error.errors()[0]["loc"]
        return next((str(part) for part in reversed(location) if isinstance(part, str)), "")

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.leave(lambda: self.dismiss(None))

    def leave(self, then: Callable[[], object]) -> None:
        """Run `then` (closing the form, quitting) at once if nothing was changed,
        otherwise only once the facilitator agrees to throw the changes away."""
        from .confirm import ConfirmDialog

        if not self.changed():
            then()
            return
        if self._asking:
            return

        def answered(discard: bool | None) -> None:
            self._asking = False
            if discard:
                then()

        self._asking = True
        self.app.push_screen(ConfirmDialog(t("form.discard_question")), answered)
