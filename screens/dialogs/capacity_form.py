"""Assess one capacity area of one partner: sufficient, limited or lacking, and why."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Label, Select, TextArea

from regionet_tui.i18n import t
from regionet_tui.models.stap2 import ASSESSMENTS, CapacityItem

from ..widgets.search_select import SearchSelect
from .form import FormDialog


class CapacityFormDialog(FormDialog[CapacityItem | None]):
    LABELS = {"assessment": "stap2.field_assessment", "text": "stap2.field_text"}

    def __init__(self, heading: str, item: CapacityItem | None) -> None:
        super().__init__(heading)
        self._item = item or CapacityItem()

    def compose_fields(self) -> ComposeResult:
        yield Label(t("stap2.field_assessment"), classes="field-label")
        yield SearchSelect([(t(f"stages.assessment.{a}"), a) for a in ASSESSMENTS], id="assessment",
                     value=self._item.assessment or Select.NULL,
                     prompt=t("stages.assessment.none"))
        yield Label(t("stap2.field_text"), classes="field-label")
        yield TextArea(self._item.text, id="text", classes="form-text")

    def build_result(self) -> CapacityItem:
        return CapacityItem(assessment=self.chosen("assessment", ASSESSMENTS),
                            text=self.query_one("#text", TextArea).text)
