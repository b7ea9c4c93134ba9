"""Add or rename a theme of one's own: its name and whether it is about content or process."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Label

from regionet_tui.i18n import t
from regionet_tui.models.reflection import THEME_GROUPS, ThemeGroup
from regionet_tui.models.text import clean_line

from ..widgets.search_select import SearchSelect
from .form import FieldError, FormDialog


@dataclass(frozen=True)
class ThemeDetails:
    name: str
    group: ThemeGroup


class ThemeFormDialog(FormDialog[ThemeDetails | None]):
    LABELS = {"name": "reflection.theme_name"}

    def __init__(self, heading: str, taken_names: set[str],
                 current: ThemeDetails | None = None) -> None:
        super().__init__(heading)
        self._taken = {name.casefold() for name in taken_names}
        self._current = current

    def compose_fields(self) -> ComposeResult:
        current = self._current
        yield from self.labelled_input("reflection.theme_name", "name",
                                       current.name if current else "")
        yield Label(t("reflection.theme_group"), classes="field-label")
        yield SearchSelect([(t(f"reflection.group.{g}"), g) for g in THEME_GROUPS], id="group",
                     value=current.group if current else "content", allow_blank=False)

    def build_result(self) -> ThemeDetails:
        name = clean_line(self.value("name"))
        if not name:
            raise FieldError(t("form.error.required", field=t("reflection.theme_name")), "name")
        if name.casefold() in self._taken:
            raise FieldError(t("reflection.error.theme_exists", name=name), "name")
        group = self.chosen("group", THEME_GROUPS)
        assert group is not None, "the dropdown has no blank"
        return ThemeDetails(name, group)
