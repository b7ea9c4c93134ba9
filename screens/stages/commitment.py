"""The commitment checklist: partners × the five attitudes, with counts both ways.

j/n answer the cell under the cursor and move on, a commits a partner to all
five at once. The line under the matrix says whether STAP 1 is open; r
records why the group goes on without full commitment.
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.widgets import Static

from regionet_tui.core import commitment as rules
from regionet_tui.i18n import t
from regionet_tui.models.commitment import ATTITUDES, Attitude, CommitmentEntry
from regionet_tui.models.partners import Partner

from ..commitment_reason import ask_reason
from ..dialogs.text_prompt import TextPromptDialog
from ..stage import StageScreen
from ..widgets.line_table import LineTable, Row
from ..widgets.text import show_text

TOTAL_ROW = "__total__"


def when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%d-%m-%Y %H:%M") if moment is not None else ""


def answer_text(entry: CommitmentEntry) -> Text:
    if entry.committed is None:
        text = Text(t("commitment.open"), style="dim")
    else:
        text = Text(t("commitment.yes") if entry.committed else t("commitment.no"),
                    style="bold" if entry.committed else "reverse")
    if entry.note:
        text.append(" " + t("commitment.note_mark"))
    return text


class CommitmentScreen(StageScreen):
    STAGE_ID = "commitment"
    BINDINGS = [
        Binding("j,y", "answer(True)", "commitment.key_yes"),
        Binding("n", "answer(False)", "commitment.key_no"),
        Binding("a", "all_yes", "commitment.key_all"),
        Binding("o", "note", "commitment.key_note"),
        Binding("r", "reason", "commitment.key_reason"),
        Binding("backspace,delete", "answer(None)", "commitment.key_clear", show=False),
    ]

    def compose_stage(self) -> ComposeResult:
        yield Static("", id="commitment-status")
        yield LineTable(id="commitment", cursor_type="cell", zebra_stripes=False)
        yield Static("", id="commitment-detail")

    def on_mount(self) -> None:
        super().on_mount()
        table = self.query_one("#commitment", LineTable)
        table.add_column(Text(t("commitment.col_partner")), key="partner", width=16)
        for attitude in ATTITUDES:
            table.add_column(Text(t(f"commitment.short.{attitude}")), key=attitude)
        table.add_column(Text(t("commitment.col_total")), key="total")
        self.fill()
        table.cursor_coordinate = Coordinate(0, 1)
        table.focus()

    # -- showing --------------------------------------------------------------------------
    def refresh_stage(self) -> None:
        self.fill()

    def fill(self) -> None:
        table = self.query_one("#commitment", LineTable)
        cursor = table.cursor_coordinate
        counts = rules.matrix(self.session)
        rows = []
        for partner in self.session.partners:
            tally = counts.per_partner[partner.id]
            done = t("commitment.all_mark") if tally.yes == tally.total else ""
            rows.append(Row(partner.id, (
                Text(partner.name),
                *(answer_text(rules.entry(self.session, partner.id, a)) for a in ATTITUDES),
                Text(f"{tally.yes}/{tally.total} {done}".strip()),
            )))
        if self.session.partners:
            rows.append(Row(TOTAL_ROW, (
                Text(t("commitment.row_total"), style="italic"),
                *(Text(f"{counts.per_attitude[a].yes}/{counts.per_attitude[a].total}")
                  for a in ATTITUDES),
                Text(""),
            )))
        table.show(rows)
        if rows:
            table.cursor_coordinate = cursor
        self.show_detail()
        self.show_status()

    def show_status(self) -> None:
        commitment = self.session.commitment
        if not self.session.partners:
            message = t("commitment.status_no_partners")
        elif rules.is_complete(self.session):
            message = t("commitment.status_complete")
        elif commitment.override_reason:
            message = t("commitment.status_override", when=when(commitment.override_at),
                        reason=commitment.override_reason)
        else:
            message = t("commitment.status_blocked")
        show_text(self.query_one("#commitment-status", Static), message)

    def show_detail(self) -> None:
        selected = self._selected()
        message = ""
        if selected is not None:
            partner, attitude = selected
            found = rules.entry(self.session, partner.id, attitude)
            parts = [t("commitment.detail", partner=partner.name,
                       attitude=t(f"commitment.attitude.{attitude}"),
                       answer=answer_text(found).plain)]
            if found.at:
                parts.append(t("commitment.detail_when", when=when(found.at)))
            if found.note:
                parts.append(t("commitment.detail_note", note=found.note))
            message = " · ".join(parts)
        show_text(self.query_one("#commitment-detail", Static), message)

    def on_line_table_cell_highlighted(self, event: LineTable.CellHighlighted) -> None:
        self.show_detail()

    def _selected(self) -> tuple[Partner, Attitude] | None:
        table = self.query_one("#commitment", LineTable)
        partners = self.session.partners
        row, column = table.cursor_coordinate
        if not 0 <= row < len(partners) or not 1 <= column <= len(ATTITUDES):
            return None
        return partners[row], ATTITUDES[column - 1]

    def _require_cell(self) -> tuple[Partner, Attitude] | None:
        selected = self._selected()
        if selected is None:
            table = self.query_one("#commitment", LineTable)
            on_total = table.cursor_row >= len(self.session.partners)
            key = "commitment.no_partner_row" if on_total else "commitment.pick_attitude"
            if self.session.partners:
                self.notify(t(key), severity="warning", markup=False)
        return selected

    # -- actions --------------------------------------------------------------------------
    def action_answer(self, committed: bool | None) -> None:
        selected = self._require_cell()
        if selected is None:
            return
        partner, attitude = selected
        if self.change(lambda s: rules.set_answer(s, partner.id, attitude, committed)):
            self.fill()
            if committed is not None:
                self._advance()

    def _advance(self) -> None:
        table = self.query_one("#commitment", LineTable)
        row, column = table.cursor_coordinate
        if column < len(ATTITUDES):
            table.cursor_coordinate = Coordinate(row, column + 1)
        elif row + 1 < len(self.session.partners):
            table.cursor_coordinate = Coordinate(row + 1, 1)

    def action_all_yes(self) -> None:
        table = self.query_one("#commitment", LineTable)
        row = table.cursor_row
        if not 0 <= row < len(self.session.partners):
            if self.session.partners:
                self.notify(t("commitment.no_partner_row"), severity="warning", markup=False)
            return
        partner = self.session.partners[row]
        if self.change(lambda s: rules.commit_all(s, partner.id)):
            self.fill()
            if row + 1 < len(self.session.partners):
                table.cursor_coordinate = Coordinate(row + 1, 1)

    def action_note(self) -> None:
        selected = self._require_cell()
        if selected is None:
            return
        partner, attitude = selected
        current = rules.entry(self.session, partner.id, attitude).note

        def save(note: str | None) -> None:
            if note is not None and self.change(
                lambda s: rules.set_note(s, partner.id, attitude, note)
            ):
                self.fill()

        heading = t("commitment.note_title", partner=partner.name,
                    attitude=t(f"commitment.short.{attitude}"))
        self.app.push_screen(TextPromptDialog(heading, "commitment.note_label", current), save)

    def action_reason(self) -> None:
        ask_reason(self, after=self.fill)


SCREEN = CommitmentScreen
