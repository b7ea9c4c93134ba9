"""The history of the session: every change in its journal, newest first.

Time, who (the facilitator, a partner's device in the room, a merge), stage
and what changed. `s` and `p` filter by stage and by partner; Enter brings
the session back to how it was right after the selected change, as one change
that ctrl+z takes back again.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Footer, Static

from regionet_tui.core import history_rows
from regionet_tui.i18n import t
from regionet_tui.models import Session
from regionet_tui.storage import SessionStore

from .base import RegionetScreen
from .dialogs.confirm import ConfirmDialog
from .widgets.line_table import LineTable, Row
from .widgets.title_bar import TitleBar


class HistoryScreen(RegionetScreen):
    BINDINGS = [
        Binding("escape", "back", "app.key_back"),
        Binding("enter", "go_back", "history.key_go_back"),
        Binding("s", "next_stage", "history.key_stage"),
        Binding("p", "next_partner", "history.key_partner"),
        Binding("ctrl+z", "undo", "stage.key_undo", show=False),
        Binding("ctrl+y", "redo", "stage.key_redo", show=False),
        Binding("question_mark,f1", "app.help", "app.key_help"),
    ]

    def __init__(self, store: SessionStore) -> None:
        super().__init__()
        self.store = store
        self.stage: str | None = None
        self.partner: str | None = None

    @property
    def session(self) -> Session:
        return self.store.session

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("", id="history-filter")
        table = LineTable(id="history")
        table.add_column(t("history.col_time"), key="time")
        table.add_column(t("history.col_who"), key="who")
        table.add_column(t("history.col_stage"), key="stage")
        # What changed gives way (cut with "…") before it runs off the screen; the
        # selected change is read in full below the table.
        table.add_column(t("history.col_what"), key="what", min_width=20)
        yield table
        yield Static("", id="history-empty", classes="empty-hint")
        yield Static("", id="history-detail", classes="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.session.title
        self.sub_title = t("history.title")
        self.fill()
        self.query_one(LineTable).focus()
        self.regionet_app.session_changed_signal.subscribe(self, self._session_changed)

    def on_unmount(self) -> None:
        self.regionet_app.session_changed_signal.unsubscribe(self)

    def help_text(self) -> str:
        return t("history.help")

    def help_title(self) -> str:
        return t("history.title")

    def _session_changed(self, _record: object) -> None:
        self.fill()

    def fill(self) -> None:
        shown = history_rows.rows(self.session, self.store.records, self.stage, self.partner)
        self.query_one(LineTable).show([
            Row(str(row.seq), (row.time, row.who, row.stage, row.what))
            for row in shown])
        stage = t(f"history.stage.{self.stage}") if self.stage else t("history.all")
        partner_of = self.session.partner(self.partner) if self.partner else None
        partner = partner_of.name if partner_of is not None else t("history.all")
        self.query_one("#history-filter", Static).update(
            Content(t("history.filter", stage=stage, partner=partner)))
        self.query_one("#history-empty", Static).update(
            Content(t("history.empty_list") if not shown else ""))
        self._show_detail()

    @on(LineTable.RowHighlighted, "#history")
    def _show_detail(self) -> None:
        """The selected change in full: who, when, where and what."""
        table = self.query_one(LineTable)
        detail = self.query_one("#history-detail", Static)
        if table.row_count == 0:
            detail.update(Content(""))
            detail.display = False
            return
        time, who, stage, what = (str(cell) for cell in table.get_row_at(table.cursor_row))
        detail.update(Content(f"{time} · {who} · {stage}\n{what}"))
        detail.display = True

    # -- filters ---------------------------------------------------------------------
    def action_next_stage(self) -> None:
        self.stage = _next(self.stage, history_rows.stages_in(self.store.records))
        self.fill()

    def action_next_partner(self) -> None:
        self.partner = _next(self.partner,
                             history_rows.partners_in(self.session, self.store.records))
        self.fill()

    # -- going back --------------------------------------------------------------------
    def _selected(self) -> int | None:
        table = self.query_one(LineTable)
        if table.row_count == 0:
            return None
        key = table.row_key_at(table.cursor_row)
        return int(key) if key is not None else None

    @on(LineTable.RowSelected, "#history")
    def _chosen(self) -> None:
        self.action_go_back()

    def action_go_back(self) -> None:
        seq = self._selected()
        if seq is None:
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self.step_history(lambda: self.store.go_back_to(seq), "history.went_back_done",
                                  "history.nothing_changed")

        self.app.push_screen(ConfirmDialog(t("history.go_back_question")), answer)

    def action_undo(self) -> None:
        self.step_history(self.store.undo, "history.undone", "history.nothing_to_undo")

    def action_redo(self) -> None:
        self.step_history(self.store.redo, "history.redone", "history.nothing_to_redo")

    def action_back(self) -> None:
        self.app.pop_screen()


def _next(current: str | None, choices: list[str]) -> str | None:
    """The next of the choices after `current`, and after the last: all (None)."""
    if not choices:
        return None
    if current not in choices:
        return choices[0]
    index = choices.index(current) + 1
    return choices[index] if index < len(choices) else None
