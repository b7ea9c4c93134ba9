"""Fast score entry for one partner: a grid like a spreadsheet, driven by single keys.

Rows are services; the columns are offered, quality, wanted, desired quality,
financing and note. Typing j/y/n or a digit fills the cell under the cursor
and moves on, so a partner's eight services take four keys each. "Not
offered" skips the quality cell and "not wanted" the desired one. A 10 is
typed as 0, or as 1 then 0: a lone 1 waits for the next key, which either
makes it 10 (0), refuses it (another digit: 11..19 is no score) or confirms
it and is then handled as usual. Anything that does not fit the cell is
refused with a hint, and nothing is stored.

The grid changes nothing itself: it posts messages, and the screen saves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable

from regionet_tui.core.portfolio import ScoreField
from regionet_tui.i18n import t
from regionet_tui.models.portfolio import Score

SERVICE, OFFERED, QUALITY, WANTED, DESIRED, FINANCING, NOTE = range(7)
FIELD_OF: dict[int, ScoreField] = {OFFERED: "offered", QUALITY: "quality", WANTED: "wanted",
                                   DESIRED: "desired"}
YES_KEYS = {"j", "y"}
NO_KEYS = {"n"}
# Keys that always reach the screen (navigation, dialogs), even from the grid.
NAVIGATION = {"up", "down", "left", "right", "pageup", "pagedown", "home", "end", "enter",
              "escape", "tab", "shift+tab", "backspace", "delete", "ctrl+up", "ctrl+down"}


@dataclass(frozen=True)
class GridRow:
    service_id: str
    name: str
    score: Score


class ScoreGrid(DataTable[Text]):
    BINDINGS = [
        Binding("tab,greater_than_sign,full_stop", "partner(1)", "portfolio.key_next_partner"),
        Binding("shift+tab,less_than_sign,comma", "partner(-1)", "portfolio.key_prev_partner",
                show=False),
        Binding("f", "financing", "portfolio.key_financing"),
        Binding("o", "note", "portfolio.key_note"),
        Binding("backspace,delete", "clear", "portfolio.key_clear", show=False),
        Binding("escape", "leave", "portfolio.key_leave", show=False),
    ]

    class Entered(Message):
        """A value typed into a cell (None: cleared)."""

        def __init__(self, service_id: str, field: ScoreField, value: bool | int | None) -> None:
            super().__init__()
            self.service_id = service_id
            self.field = field
            self.value = value

    class Refused(Message):
        def __init__(self, hint: str) -> None:
            super().__init__()
            self.hint = hint

    class Accepted(Message):
        """A key was taken; any earlier refusal hint can go."""

    class PartnerStep(Message):
        def __init__(self, offset: int) -> None:
            super().__init__()
            self.offset = offset

    class EditFinancing(Message):
        def __init__(self, service_id: str) -> None:
            super().__init__()
            self.service_id = service_id

    class EditNote(Message):
        def __init__(self, service_id: str) -> None:
            super().__init__()
            self.service_id = service_id

    class Left(Message):
        """The facilitator is done typing; focus goes back to the screen."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cursor_type="cell", zebra_stripes=True, **kwargs)
        self._rows: list[GridRow] = []
        self._pending: Coordinate | None = None  # a lone "1" waiting for the next key

    def _ensure_columns(self) -> None:
        if self.columns:
            return
        widths = {SERVICE: 26, FINANCING: 14, NOTE: 14}
        for column, key in enumerate(("col_service", "col_offered", "col_quality", "col_wanted",
                                      "col_desired", "col_financing", "col_note")):
            self.add_column(Text(t(f"portfolio.{key}")), key=key, width=widths.get(column))

    # -- data in --------------------------------------------------------------------------
    def load(self, rows: list[GridRow], *, keep_cursor: bool = True) -> None:
        """Show these rows; the cursor stays where it was unless told otherwise."""
        old = self.cursor_coordinate if keep_cursor else Coordinate(0, OFFERED)
        self._ensure_columns()
        self._pending = None
        self._rows = list(rows)
        self.clear()
        for row in self._rows:
            self.add_row(*self._cells(row), key=row.service_id)
        if self._rows:
            self.cursor_coordinate = Coordinate(min(old.row, len(self._rows) - 1),
                                                max(old.column, OFFERED))

    def update_row(self, service_id: str, score: Score) -> None:
        """Show the saved score of one service.

        Only cells that differ are updated: any update makes the table render
        every visible cell again, and after typing the grid mostly shows the
        saved score already.
        """
        for index, row in enumerate(self._rows):
            if row.service_id == service_id:
                shown = self._cells(row)
                self._rows[index] = GridRow(row.service_id, row.name, score)
                for column, cell in enumerate(self._cells(self._rows[index])):
                    if cell != shown[column]:
                        self.update_cell_at(Coordinate(index, column), cell)

    @property
    def current_service_id(self) -> str | None:
        if not self._rows:
            return None
        return self._rows[min(self.cursor_row, len(self._rows) - 1)].service_id

    # -- rendering ------------------------------------------------------------------------
    @staticmethod
    def _flag(value: bool | None) -> Text:
        if value is None:
            return Text(t("portfolio.unscored"), style="dim")
        return Text(t("portfolio.yes") if value else t("portfolio.no"),
                    style="bold" if value else "")

    @staticmethod
    def _quality(flag: bool | None, value: int | None) -> Text:
        if flag is False:
            return Text("")
        return Text(t("portfolio.unscored"), style="dim") if value is None else Text(str(value))

    def _cells(self, row: GridRow) -> list[Text]:
        score = row.score
        financing = t(f"portfolio.financing.{score.financing}") if score.financing else ""
        note = score.note.splitlines()[0] if score.note else ""
        return [
            Text(row.name), self._flag(score.offered), self._quality(score.offered, score.quality),
            self._flag(score.wanted), self._quality(score.wanted, score.desired),
            Text(financing), Text(f"✎ {note}" if note else ""),
        ]

    # -- keys -----------------------------------------------------------------------------
    async def on_key(self, event: events.Key) -> None:
        if not self._rows:
            return
        key, char = event.key, event.character
        if self._pending is not None and self._resolve_pending(key):
            self._consume(event)
            return
        if key in NAVIGATION or char is None or not char.isprintable() or len(char) != 1:
            return
        column = OFFERED if self.cursor_column == SERVICE else self.cursor_column
        lower = char.lower()
        if column in (OFFERED, WANTED):
            if lower in YES_KEYS | NO_KEYS:
                self._store(Coordinate(self.cursor_row, column), lower in YES_KEYS)
                self._consume(event)
                return
            if not char.isdigit() and self._reaches_screen(key):
                return
            self._refuse(event, t("portfolio.refused_yesno", key=char))
        elif column in (QUALITY, DESIRED):
            if char == "1":
                self._pending = Coordinate(self.cursor_row, column)
                self.update_cell_at(self._pending, Text(t("portfolio.pending", digit="1"),
                                                        style="reverse"))
                self._consume(event)
                self.post_message(self.Accepted())
                return
            if char.isdigit():
                self._store(Coordinate(self.cursor_row, column), int(char) if char != "0" else 10)
                self._consume(event)
                return
            if lower not in YES_KEYS | NO_KEYS and self._reaches_screen(key):
                return
            self._refuse(event, t("portfolio.refused_quality", key=char))
        elif char.isdigit() or lower in YES_KEYS | NO_KEYS:
            self._refuse(event, t("portfolio.refused_column"))

    def _reaches_screen(self, key: str) -> bool:
        """A key some binding answers (p, i, a, r, ...) is not a typing mistake."""
        return key in self.screen.active_bindings

    def _resolve_pending(self, key: str) -> bool:
        """Settle a waiting "1"; True when the key was used up doing so."""
        cell, self._pending = self._pending, None
        assert cell is not None
        if key == "0":
            self._store(cell, 10)
            return True
        if key in ("backspace", "delete"):
            self._restore(cell)
            return True
        if len(key) == 1 and key.isdigit():
            self._restore(cell)
            self.post_message(self.Refused(t("portfolio.refused_range", value=f"1{key}")))
            return True
        if key in NAVIGATION and key not in ("enter", "tab", "shift+tab"):
            self._store(cell, 1, advance=False)
            return False
        self._store(cell, 1)
        return key == "enter"

    def _consume(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()

    def _refuse(self, event: events.Key, hint: str) -> None:
        self._consume(event)
        self.app.bell()
        self.post_message(self.Refused(hint))

    def _restore(self, cell: Coordinate) -> None:
        self.update_cell_at(cell, self._cells(self._rows[cell.row])[cell.column])

    def _store(self, cell: Coordinate, value: bool | int, *, advance: bool = True) -> None:
        row = self._rows[cell.row]
        field = FIELD_OF[cell.column]
        shown = row.score.model_copy(update={field: value})
        if field in ("offered", "wanted") and value is False:
            shown = shown.model_copy(update={"quality" if field == "offered" else "desired": None})
        if field in ("quality", "desired"):
            shown = shown.model_copy(update={"offered" if field == "quality" else "wanted": True})
        self._rows[cell.row] = GridRow(row.service_id, row.name, shown)
        for column, text in enumerate(self._cells(self._rows[cell.row])):
            self.update_cell_at(Coordinate(cell.row, column), text)
        self.post_message(self.Entered(row.service_id, field, value))
        if advance:
            self.cursor_coordinate = self._next(cell, value)

    def _next(self, cell: Coordinate, value: bool | int) -> Coordinate:
        """Where typing goes on: skip a quality that "no" made meaningless."""
        column = cell.column + 1
        if cell.column == OFFERED and value is False:
            column = WANTED
        if column > DESIRED or (cell.column == WANTED and value is False):
            if cell.row + 1 >= len(self._rows):
                return cell
            return Coordinate(cell.row + 1, OFFERED)
        return Coordinate(cell.row, column)

    def on_blur(self) -> None:
        if self._pending is not None:
            cell, self._pending = self._pending, None
            self._store(cell, 1, advance=False)

    # -- actions --------------------------------------------------------------------------
    def action_partner(self, offset: int) -> None:
        self.post_message(self.PartnerStep(offset))

    def action_financing(self) -> None:
        if self.current_service_id:
            self.post_message(self.EditFinancing(self.current_service_id))

    def action_note(self) -> None:
        if self.current_service_id:
            self.post_message(self.EditNote(self.current_service_id))

    def action_clear(self) -> None:
        column = self.cursor_column
        service_id = self.current_service_id
        if service_id is None or column not in FIELD_OF:
            return
        self.post_message(self.Entered(service_id, FIELD_OF[column], None))

    def action_leave(self) -> None:
        self.post_message(self.Left())

    def action_select_cursor(self) -> None:
        if self.cursor_column == FINANCING:
            self.action_financing()
        elif self.cursor_column == NOTE:
            self.action_note()
        elif self.cursor_column in FIELD_OF:
            self.cursor_coordinate = self.cursor_coordinate.right()
