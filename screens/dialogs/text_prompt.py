"""Ask for a line of free text (a note, a reason), optionally required."""

from __future__ import annotations

from pydantic import TypeAdapter
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from regionet_tui.forms import FormError
from regionet_tui.i18n import t
from regionet_tui.models.text import LONG_MAX, LongText

from .form import FormDialog

_TEXT = TypeAdapter(LongText)


class TextPromptDialog(FormDialog[str | None]):
    """Returns the cleaned text ("" allowed unless `required`), or None on cancel."""

    def __init__(self, heading: str, label_key: str, value: str = "", *,
                 explain: str = "", required: bool = False, required_key: str = "") -> None:
        """`required_key`: the catalogue key of what to say when a required text is
        left empty, where "<label> is verplicht" would not read (a question as label)."""
        super().__init__(heading)
        self._label_key = label_key
        self._value = value
        self._explain = explain
        self._required = required
        self._required_key = required_key
        self.LABELS = {"": label_key}

    def compose_fields(self) -> ComposeResult:
        if self._explain:
            yield Static(Content(self._explain), classes="dialog-text")
        yield from self.labelled_input(self._label_key, "text", self._value, max_length=LONG_MAX)

    def build_result(self) -> str:
        text = _TEXT.validate_python(self.value("text"))
        if self._required and not text:
            if self._required_key:
                raise FormError(t(self._required_key))
            raise FormError(t("form.error.required", field=t(self._label_key)))
        return text
