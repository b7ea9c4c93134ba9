"""Ask for one line of text (a new title, for instance)."""

from __future__ import annotations

from pydantic import TypeAdapter
from textual.app import ComposeResult

from regionet_tui.models.text import Name

from .form import FormDialog

_NAME = TypeAdapter(Name)


class NamePromptDialog(FormDialog[str | None]):
    """A required single line, cleaned and bounded like every name."""

    LABELS = {"": "form.title"}

    def __init__(self, heading: str, label_key: str, value: str = "") -> None:
        super().__init__(heading)
        self._label_key = label_key
        self._value = value
        self.LABELS = {"": label_key}

    def compose_fields(self) -> ComposeResult:
        yield from self.labelled_input(self._label_key, "text", self._value)

    def build_result(self) -> str:
        return _NAME.validate_python(self.value("text"))
