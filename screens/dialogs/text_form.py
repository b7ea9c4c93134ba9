"""Edit one block of text (educational goals, the long-term goal statement)."""

from __future__ import annotations

from pydantic import TypeAdapter
from textual.app import ComposeResult
from textual.widgets import Label, TextArea

from regionet_tui.i18n import t
from regionet_tui.models.text import LongText

from .form import FormDialog

_LONG = TypeAdapter(LongText)


class TextFormDialog(FormDialog[str | None]):
    def __init__(self, heading: str, label_key: str, value: str = "") -> None:
        super().__init__(heading)
        self._label_key = label_key
        self._value = value
        self.LABELS = {"": label_key}

    def compose_fields(self) -> ComposeResult:
        yield Label(t(self._label_key), classes="field-label")
        yield TextArea(self._value, id="text", classes="form-text")

    def build_result(self) -> str:
        return _LONG.validate_python(self.query_one("#text", TextArea).text)
