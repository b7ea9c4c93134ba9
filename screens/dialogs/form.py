"""A base for dialogs with fields: validate on save, show the problem, change nothing."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import Generic, TypeVar

from pydantic import ValidationError
from textual import events, on
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
Choice = TypeVar("Choice")

_FIELDS = "Input, Select, TextArea, SelectionList, Checkbox, Switch"


class FieldError(FormError):
    """Input that cannot be accepted, about the field with id `field_id`."""

    def __init__(self, message: str, field_id: str) -> None:
        super().__init__(message)
        self.field_id = field_id


def _label_of(field: Widget) -> Widget | None:
    """The label just above a field, if it has one."""
    parent = field.parent
    if parent is None:
        return None
    siblings = list(parent.children)
    index = siblings.index(field)
    before = siblings[index - 1] if index else None
    return before if isinstance(before, Label) and before.has_class("field-label") else None


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
    CHANGES_SESSION = True  # with a session open; a form of the start screen has none
    AUTO_FOCUS = ""  # on_mount puts the focus in the first field, without gliding to it

    def __init__(self, heading: str) -> None:
        super().__init__()
        self._heading = heading
        self._values_at_start: list[object] = []
        self._asking = False
        self._hinting = False  # the error line says where typing goes

    def compose(self) -> ComposeResult:
        readonly = self.session_readonly
        with Vertical(classes="dialog form-dialog"):
            with Vertical(classes="form-header"):  # docked, like the footer
                yield Static(Content(self._heading), classes="dialog-title")
                if readonly:
                    yield Static(Content(t("form.readonly")), classes="form-readonly")
            with VerticalScroll(classes="form-fields", can_focus=False):
                yield from self.compose_fields()
            # The buttons come after the fields, outside their scrolling: Tab goes
            # through every field first, and a focused field scrolls into view
            # above them. Docked, they stay in view however long the form.
            with Vertical(classes="form-footer"):
                yield Static("", id="form-error", classes="form-error")
                with Horizontal(classes="dialog-buttons"):
                    if not readonly:
                        yield Button(t(self.SAVE_LABEL), id="save", variant="primary")
                    yield Button(t("form.close" if readonly else "form.cancel"), id="cancel")

    def on_mount(self) -> None:
        fields = self.query(_FIELDS)
        if self.session_readonly:
            # Shown to be read, not changed: text can still be scrolled.
            for field in fields:
                if isinstance(field, TextArea):
                    field.read_only = True
                else:
                    field.disabled = True
        # The first field, whatever its kind: some dialogs start with a choice or a text area.
        first = next((field for field in fields if field.focusable), None)
        if first is not None:
            first.focus(scroll_visible=False)
        self._values_at_start = self._values()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """A field that gets the focus shows with its label, when both fit; the
        word on typing onto a button goes once back in a field."""
        field = event.widget
        if self._hinting and not isinstance(field, Button):
            self._hinting = False
            error = self.query_one("#form-error", Static)
            error.update("")
            error.remove_class("-shown")
        label = _label_of(field)
        if label is not None:
            label.scroll_visible(animate=False)
        field.scroll_visible(animate=False)

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

    def chosen(self, field_id: str, choices: tuple[Choice, ...]) -> Choice | None:
        """The option chosen in a dropdown, as the one of `choices` it is (so typed
        as they are); None when none is chosen."""
        value = self.query_one(f"#{field_id}", Select).value
        return next((choice for choice in choices if choice == value), None)

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
        """Whether any field holds something else than when the form opened
        (never, in a read-only session: nothing there could be kept)."""
        return not self.session_readonly and self._values() != self._values_at_start

    def refuse_key(self) -> None:
        self.app.bell()
        self.show_error(t(self.refused_key_hint()))
        self._hinting = True

    def show_error(self, message: str, field_id: str = "") -> None:
        """Show the problem below the fields and put the cursor in the field it is about."""
        self._hinting = False
        error = self.query_one("#form-error", Static)
        error.update(Content(message))
        error.add_class("-shown")
        if field_id:
            with suppress(NoMatches):
                self.query_one(f"#{field_id}").focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        if self.session_readonly:
            self.show_error(t("app.readonly_refused"))
            return
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
