"""Add or edit an item of a partner's own agenda: a title and an explanation."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Label, TextArea

from regionet_tui.i18n import t
from regionet_tui.models import new_id
from regionet_tui.models.stap3 import AgendaItem

from .form import FormDialog


class AgendaFormDialog(FormDialog[AgendaItem | None]):
    LABELS = {"title": "stap3.field_title", "explanation": "stap3.field_explanation"}

    def __init__(self, heading: str, item: AgendaItem | None) -> None:
        super().__init__(heading)
        self._item = item

    def compose_fields(self) -> ComposeResult:
        item = self._item
        yield from self.labelled_input("stap3.field_title", "title", item.title if item else "",
                                       max_length=200)
        yield Label(t("stap3.field_explanation"), classes="field-label")
        yield TextArea(item.explanation if item else "", id="explanation", classes="form-text")

    def build_result(self) -> AgendaItem:
        return AgendaItem(id=self._item.id if self._item else new_id(),
                          title=self.value("title"),
                          explanation=self.query_one("#explanation", TextArea).text)
