"""The agenda and the parking lot of the session, over the stage you came from.

The agenda: order and timebox per stage, and planned against actual time.
The parking lot: side issues parked during the workshop, reviewed at the end;
each is closed or becomes a follow-up action of the reflection.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import DataTable, Footer, Static

from regionet_tui.core import workshop as core
from regionet_tui.i18n import t
from regionet_tui.models import Session
from regionet_tui.models.workshop import ParkingStatus
from regionet_tui.storage import SessionStore

from .base import RegionetScreen
from .dialogs.choice import ChoiceDialog
from .dialogs.confirm import ConfirmDialog
from .dialogs.minutes import MinutesDialog
from .dialogs.prompt import NamePromptDialog
from .stage import StageScreen, apply_change
from .widgets.agenda_table import AgendaTable
from .widgets.parking_table import ParkingTable
from .widgets.stage_timer import StageTimer
from .widgets.title_bar import TitleBar

# From this width the agenda and the parking lot stand side by side.
WIDE = 120


class AgendaScreen(RegionetScreen):
    BINDINGS = [
        Binding("escape", "back", "app.key_back"),
        Binding("question_mark,f1", "app.help", "app.key_help"),
    ]

    def __init__(self, store: SessionStore) -> None:
        super().__init__()
        self.store = store

    @property
    def session(self) -> Session:
        return self.store.session

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="agenda-bar"):
            yield Static(Content(t("workshop.agenda_title")), id="agenda-heading")
            yield StageTimer(None, id="agenda-timer")
        with Horizontal(id="agenda-panes"):
            with Vertical(id="agenda-pane"):
                yield AgendaTable(id="agenda")
                yield Static("", id="agenda-total")
            with Vertical(id="parking-pane"):
                yield Static("", id="parking-heading")
                yield ParkingTable(id="parking")
                yield Static("", id="parking-detail")
                yield Static("", id="parking-empty", classes="empty-hint")
        yield Static(Content(t("workshop.agenda_hint")), classes="edit-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.session.title
        self.sub_title = t("workshop.agenda_title")
        self.fill(self._starting_stage())
        self.query_one(AgendaTable).focus()
        self.set_interval(1, self.tick)

    def on_resize(self) -> None:
        self.set_class(self.size.width >= WIDE, "-wide")

    def help_text(self) -> str:
        return t("workshop.agenda_help")

    def _starting_stage(self) -> str | None:
        """Where the cursor starts: the stage whose timer runs, else the stage on
        screen below the agenda (the keys F3 and F4 act on the selected row)."""
        running = core.running_slot(self.session)
        if running is not None:
            return running.stage
        return next((screen.STAGE_ID for screen in reversed(self.app.screen_stack)
                     if isinstance(screen, StageScreen)), None)

    def _now(self) -> datetime:
        return self.regionet_app.clock()

    def fill(self, stage: str | None = None, item: str | None = None) -> None:
        rows = core.agenda_rows(self.session, self._now())
        self.query_one(AgendaTable).show(rows, select=stage)
        planned = sum(row.planned_minutes for row in rows) * 60
        spent = sum(row.actual_seconds for row in rows)
        self.query_one("#agenda-total", Static).update(Content(
            t("workshop.total", planned=core.format_clock(planned), actual=core.format_clock(spent))
        ))
        parking = self.session.workshop.parking
        self.query_one(ParkingTable).show(parking, select=item)
        self.query_one("#parking-heading", Static).update(Content(
            t("workshop.parking_title", open=len(core.open_parking(self.session)))
        ))
        empty = self.query_one("#parking-empty", Static)
        empty.update(Content(t("workshop.parking_empty")))
        empty.display = not parking
        self._show_detail()
        for timer in self.query(StageTimer):
            timer.tick()

    def tick(self) -> None:
        """Keep the row of the running stage current."""
        rows = core.agenda_rows(self.session, self._now())
        running = next((row for row in rows if row.running), None)
        if running is not None:
            self.query_one(AgendaTable).update_row(running)

    def selected_stage(self) -> str | None:
        return self.query_one(AgendaTable).selected_stage()

    def change(self, apply: Callable[[Session], object]) -> bool:
        return apply_change(self, self.store, apply)

    def action_back(self) -> None:
        self.app.pop_screen()

    # -- the agenda ---------------------------------------------------------------------
    @on(DataTable.RowSelected, "#agenda")
    def _go_to_stage(self, event: DataTable.RowSelected) -> None:
        stage = self.selected_stage()
        if stage is not None:
            self.app.pop_screen()
            self.regionet_app.show_stage(stage)

    def action_edit_minutes(self) -> None:
        stage = self.selected_stage()
        slot = core.slot_for(self.session, stage) if stage else None
        if stage is None or slot is None:
            return

        def chosen(minutes: int | None) -> None:
            if minutes is not None and self.change(lambda s: core.set_minutes(s, stage, minutes)):
                self.fill(stage)

        heading = t("workshop.minutes_title", stage=t(f"stage.name.{stage}"))
        self.app.push_screen(MinutesDialog(heading, slot.minutes), chosen)

    def _add_minutes(self, delta: int) -> None:
        stage = self.selected_stage()
        slot = core.slot_for(self.session, stage) if stage else None
        if stage is None or slot is None:
            return
        minutes = slot.minutes + delta
        if self.change(lambda s: core.set_minutes(s, stage, minutes)):
            self.fill(stage)

    def action_longer(self) -> None:
        self._add_minutes(core.MINUTES_STEP)

    def action_shorter(self) -> None:
        self._add_minutes(-core.MINUTES_STEP)

    def action_move_stage(self, offset: int) -> None:
        stage = self.selected_stage()
        if stage is not None and self.change(lambda s: core.move(s, stage, offset)):
            self.fill(stage)

    def action_add_stage(self) -> None:
        missing = core.missing_stages(self.session)
        if not missing:
            self.notify(t("workshop.all_on_agenda"), markup=False)
            return

        def chosen(stage: str | None) -> None:
            if stage is not None and self.change(lambda s: core.add_stage(s, stage)):
                self.fill(stage)

        choices = [(stage, t(f"stage.title.{stage}")) for stage in missing]
        self.app.push_screen(ChoiceDialog(t("workshop.add_stage_title"),
                                          t("workshop.add_stage_text"), choices), chosen)

    def action_remove_stage(self) -> None:
        stage = self.selected_stage()
        if stage is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes and self.change(lambda s: core.remove_stage(s, stage)):
                self.fill()

        question = t("workshop.remove_stage_question", stage=t(f"stage.name.{stage}"))
        self.app.push_screen(ConfirmDialog(question), confirmed)

    def action_reset_time(self) -> None:
        stage = self.selected_stage()
        if stage is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes and self.change(lambda s: core.reset_time(s, stage)):
                self.fill(stage)

        question = t("workshop.reset_time_question", stage=t(f"stage.name.{stage}"))
        self.app.push_screen(ConfirmDialog(question), confirmed)

    # -- the parking lot --------------------------------------------------------------
    @on(DataTable.RowHighlighted, "#parking")
    def _show_detail(self) -> None:
        """The whole text of the highlighted item: the table cuts long ones off."""
        item = self.query_one(ParkingTable).selected_item()
        detail = self.query_one("#parking-detail", Static)
        detail.update(Content(item.text) if item else Content(""))
        detail.display = item is not None

    @on(DataTable.RowSelected, "#parking")
    def action_edit_item(self) -> None:
        item = self.query_one(ParkingTable).selected_item()
        if item is None:
            return

        def edited(text: str | None) -> None:
            if text is not None and self.change(lambda s: core.edit_parking(s, item.id, text)):
                self.fill(item=item.id)

        self.app.push_screen(NamePromptDialog(t("workshop.edit_item_title"),
                                              "workshop.park_label", item.text), edited)

    def action_close_item(self) -> None:
        item = self.query_one(ParkingTable).selected_item()
        if item is None:
            return
        status: ParkingStatus = "open" if item.status == "closed" else "closed"
        if self.change(lambda s: core.set_parking_status(s, item.id, status)):
            self.fill(item=item.id)
            self.notify(t(f"workshop.item_{status}"), markup=False)

    def action_followup(self) -> None:
        item = self.query_one(ParkingTable).selected_item()
        if item is None:
            return
        if self.change(lambda s: core.parking_to_followup(s, item.id, self._now())):
            self.fill(item=item.id)
            self.notify(t("workshop.became_followup", text=item.text), markup=False)

    def action_remove_item(self) -> None:
        item = self.query_one(ParkingTable).selected_item()
        if item is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes and self.change(lambda s: core.remove_parking(s, item.id)):
                self.fill()

        self.app.push_screen(ConfirmDialog(t("workshop.remove_item_question", text=item.text)),
                             confirmed)
