"""Add or edit a shared-agenda item: composed from own-agenda items, with supporters."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Label, SelectionList, TextArea

from regionet_tui.i18n import t
from regionet_tui.models import new_id
from regionet_tui.models.stap3 import SharedItem

from ..widgets.tick_list import TickList
from .form import FormDialog


class SharedFormDialog(FormDialog[SharedItem | None]):
    LABELS = {"title": "stap3.field_title", "explanation": "stap3.field_explanation"}

    def __init__(self, heading: str, item: SharedItem | None,
                 sources: list[tuple[str, str]], partners: list[tuple[str, str]],
                 check: Callable[[SharedItem], None]) -> None:
        super().__init__(heading)
        self._item = item
        self._sources = sources  # (own item id, "partner – title")
        self._partners = partners  # (partner id, name)
        self._check = check

    def compose_fields(self) -> ComposeResult:
        item = self._item
        yield from self.labelled_input("stap3.field_title", "title", item.title if item else "",
                                       max_length=200)
        yield Label(t("stap3.field_explanation"), classes="field-label")
        yield TextArea(item.explanation if item else "", id="explanation", classes="form-text")
        chosen = set(item.sources) if item else set()
        yield Label(t("stap3.field_sources"), classes="field-label")
        yield TickList[str](
            *[(Content(label), value, value in chosen) for value, label in self._sources],
            id="sources", classes="form-choices",
        )
        supporters = set(item.supporters) if item else set()
        yield Label(t("stap3.field_supporters"), classes="field-label")
        yield TickList[str](
            *[(Content(name), pid, pid in supporters) for pid, name in self._partners],
            id="supporters", classes="form-choices",
        )

    def build_result(self) -> SharedItem:
        sources = self.query_one("#sources", SelectionList).selected
        supporters = self.query_one("#supporters", SelectionList).selected
        item = SharedItem(
            id=self._item.id if self._item else new_id(), title=self.value("title"),
            explanation=self.query_one("#explanation", TextArea).text,
            sources=[value for value, _ in self._sources if value in sources],
            supporters=[pid for pid, _ in self._partners if pid in supporters],
        )
        self._check(item)
        return item
