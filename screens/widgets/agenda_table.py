"""The agenda as a table: planned, extra and actual time per stage.

Its keys act on the selected stage; the screen that holds it does the work
(the actions are in the screen's namespace). State is written out in words
and symbols, so it reads without colour.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from regionet_tui.core.workshop import AgendaRow, agenda_state, format_clock, signed_clock
from regionet_tui.i18n import t

COLUMNS = ("stage", "planned", "added", "actual", "difference", "state")


class AgendaTable(DataTable[Text]):
    BINDINGS = [
        Binding("e", "screen.edit_minutes", "workshop.key_minutes"),
        Binding("plus,equals_sign", "screen.longer", "workshop.key_longer"),
        Binding("minus", "screen.shorter", "workshop.key_shorter", show=False),
        Binding("shift+up", "screen.move_stage(-1)", "workshop.key_earlier", show=False),
        Binding("shift+down", "screen.move_stage(1)", "workshop.key_later", show=False),
        Binding("a", "screen.add_stage", "workshop.key_add_stage", show=False),
        Binding("x,delete", "screen.remove_stage", "workshop.key_remove_stage", show=False),
        Binding("r", "screen.reset_time", "workshop.key_reset_time", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.stages: list[str] = []

    def on_mount(self) -> None:
        for column in COLUMNS:
            self.add_column(Text(t(f"workshop.col_{column}")), key=column)

    def show(self, rows: list[AgendaRow], select: str | None = None) -> None:
        keep = select or self.selected_stage()
        self.clear()
        self.stages = [row.stage for row in rows]
        for row in rows:
            self.add_row(*self._cells(row), key=row.stage)
        if keep in self.stages:
            self.move_cursor(row=self.stages.index(keep))

    def update_row(self, row: AgendaRow) -> None:
        """Redraw one stage in place (the running one, every second)."""
        if row.stage not in self.stages:
            return
        for column, cell in zip(COLUMNS, self._cells(row), strict=True):
            self.update_cell(row.stage, column, cell)

    @staticmethod
    def _cells(row: AgendaRow) -> tuple[Text, ...]:
        added = f"+{row.added_minutes}" if row.added_minutes else ""
        difference = signed_clock(row.difference_seconds) if row.started else ""
        return (
            Text(t(f"stage.name.{row.stage}")),
            Text(t("workshop.minutes_short", minutes=row.planned_minutes), justify="right"),
            Text(added, justify="right"),
            Text(format_clock(row.actual_seconds) if row.started else "", justify="right"),
            Text(difference, justify="right"),
            Text(agenda_state(row)),
        )

    def selected_stage(self) -> str | None:
        if not self.stages or self.cursor_row < 0:
            return None
        return self.stages[min(self.cursor_row, len(self.stages) - 1)]
