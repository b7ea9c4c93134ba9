"""Fast score entry for one partner: a grid like a spreadsheet, driven by single keys.

Rows are services; the columns are offered, quality, wanted, desired quality,
financing and note. Typing j/y/n or a digit fills the cell under the cursor
and moves on, so a partner's eight services take four keys each. "Not
offered" skips the quality cell and "not wanted" the desired one. A 10 is
typed as 0, or as 1 then 0: a lone 1 waits for the next key, which either
makes it 10 (0), refuses it (another digit: 11..19 is no score) or confirms
it and is then handled as usual. Anything that does not fit the cell is
refused with a hint, and nothing is stored.

The grid is drawn with Textual's line API: each row is one cached `Strip`,
and a key re-renders only the rows it changed (the cell typed into and the
row the cursor went to). A DataTable renders every visible cell again on any
update, which cost most of a key's time in a region-sized session.

The grid changes nothing itself: it posts messages, and the screen saves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from regionet_tui.core.stap1 import ScoreField
from regionet_tui.i18n import t
from regionet_tui.models.stap1 import Score
from regionet_tui.safe_text import printable

SERVICE, OFFERED, QUALITY, WANTED, DESIRED, FINANCING, NOTE = range(7)
COLUMN_KEYS = ("col_service", "col_offered", "col_quality", "col_wanted", "col_desired",
               "col_financing", "col_note")
FIELD_OF: dict[int, ScoreField] = {OFFERED: "offered", QUALITY: "quality", WANTED: "wanted",
                                   DESIRED: "desired"}
YES_KEYS = {"j", "y"}
NO_KEYS = {"n"}
# Keys that always reach the screen (navigation, dialogs), even from the grid.
NAVIGATION = {"up", "down", "left", "right", "pageup", "pagedown", "home", "end", "enter",
              "escape", "tab", "shift+tab", "backspace", "delete", "ctrl+up", "ctrl+down",
              "ctrl+home", "ctrl+end"}
PADDING = 1  # blank cells on each side of a cell's text
# Widths of the text columns (without padding): what they want at most, and
# the steps by which they give way, in turn, before the grid scrolls sideways.
SERVICE_WIDTH, FINANCING_WIDTH, NOTE_MIN = 28, 22, 10
SHRINK_STEPS = ((FINANCING, 16), (SERVICE, 20), (FINANCING, 8), (SERVICE, 12))


@dataclass(frozen=True)
class GridRow:
    service_id: str
    name: str
    score: Score


def column_widths(names: list[str], financing: list[str], available: int) -> list[int]:
    """Widths (padding included) that fit `available` cells where they can.

    The four score columns keep the width of their heading; the financing and
    service columns shrink in turn (SHRINK_STEPS) until the grid fits, and the
    note takes what is left.
    """
    def fit(texts: list[str], heading: int, wanted: int) -> int:
        return min(wanted, max([heading, *(cell_len(text) for text in texts)]))

    headings = [cell_len(t(f"stap1.{key}")) for key in COLUMN_KEYS]
    flags = [cell_len(t("stap1.yes")), cell_len(t("stap1.no")), 2]
    widths = [fit(names, headings[SERVICE], SERVICE_WIDTH),
              *(max(headings[c], *flags) for c in (OFFERED, QUALITY, WANTED, DESIRED)),
              fit(financing, headings[FINANCING], FINANCING_WIDTH), NOTE_MIN]
    room = available - 2 * PADDING * len(widths)
    for column, floor in SHRINK_STEPS:
        over = sum(widths) - room
        if over > 0 and widths[column] > floor:
            widths[column] -= min(over, widths[column] - floor)
    widths[NOTE] = max(NOTE_MIN, room - sum(widths[:NOTE]))
    return [width + 2 * PADDING for width in widths]


class ScoreGrid(ScrollView, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab,greater_than_sign,full_stop", "partner(1)", "stap1.key_next_partner"),
        Binding("shift+tab,less_than_sign,comma", "partner(-1)", "stap1.key_prev_partner",
                show=False),
        Binding("f", "financing", "stap1.key_financing"),
        Binding("o", "note", "stap1.key_note"),
        Binding("backspace,delete", "clear", "stap1.key_clear", show=False),
        Binding("escape", "leave", "stap1.key_leave", show=False),
        # Moving the cursor: plain keys, nothing to list in the help or the palette.
        Binding("enter", "select_cursor", show=False),
        Binding("up", "move(-1, 0)", show=False),
        Binding("down", "move(1, 0)", show=False),
        Binding("left", "move(0, -1)", show=False),
        Binding("right", "move(0, 1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home", "edge_column(0)", show=False),
        Binding("end", "edge_column(1)", show=False),
        Binding("ctrl+home", "edge_row(0)", show=False),
        Binding("ctrl+end", "edge_row(1)", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "score-grid--header", "score-grid--header-cursor", "score-grid--cursor",
        "score-grid--even-row", "score-grid--odd-row", "score-grid--yes", "score-grid--no",
        "score-grid--unscored", "score-grid--pending",
    }

    DEFAULT_CSS = """
    ScoreGrid {
        height: auto;
        background: $surface;
        color: $foreground;
        & > .score-grid--header { text-style: bold; background: $panel; }
        & > .score-grid--header-cursor { text-style: bold underline; color: $accent; }
        & > .score-grid--even-row { background: $surface-lighten-1 50%; }
        & > .score-grid--yes { text-style: bold; color: $success; }
        & > .score-grid--no { color: $warning; }
        & > .score-grid--unscored { color: $text-muted; }
        & > .score-grid--pending { text-style: bold reverse; }
        & > .score-grid--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
        }
        &:focus > .score-grid--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: bold;
        }
    }
    """

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

    class Highlighted(Message):
        """The cursor went to another service."""

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
        super().__init__(**kwargs)
        self._rows: list[GridRow] = []
        self._cursor = Coordinate(0, OFFERED)
        self._pending: Coordinate | None = None  # a lone "1" waiting for the next key
        self._widths: list[int] = []
        self._strips: dict[int, Strip] = {}  # row index (-1: the heading) -> its line
        self._styles: dict[str, Style] = {}

    # -- data in --------------------------------------------------------------------------
    def load(self, rows: list[GridRow], *, keep_cursor: bool = True) -> None:
        """Show these rows; the cursor stays where it was unless told otherwise."""
        old = self._cursor if keep_cursor else Coordinate(0, OFFERED)
        self._pending = None
        self._rows = list(rows)
        self._cursor = Coordinate(min(old.row, max(len(self._rows) - 1, 0)),
                                  max(old.column, OFFERED))
        self._fit_columns()
        self._scroll_to_cursor()

    def update_row(self, service_id: str, score: Score) -> None:
        """Show the saved score of one service."""
        for index, row in enumerate(self._rows):
            if row.service_id == service_id and row.score != score:
                self._rows[index] = GridRow(row.service_id, row.name, score)
                self._redraw_row(index)

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def cursor_row(self) -> int:
        return self._cursor.row

    @property
    def cursor_column(self) -> int:
        return self._cursor.column

    @property
    def cursor_coordinate(self) -> Coordinate:
        return self._cursor

    @cursor_coordinate.setter
    def cursor_coordinate(self, cell: Coordinate) -> None:
        self.move_cursor(row=cell.row, column=cell.column)

    @property
    def current_service_id(self) -> str | None:
        if not self._rows:
            return None
        return self._rows[min(self._cursor.row, len(self._rows) - 1)].service_id

    @property
    def widths(self) -> list[int]:
        """The width of each column, padding included."""
        return list(self._widths)

    def row_text(self, index: int) -> list[str]:
        """The cells of a row as the grid shows them."""
        return [self._cell(index, column)[0] for column in range(len(COLUMN_KEYS))]

    def move_cursor(self, *, row: int | None = None, column: int | None = None) -> None:
        if not self._rows:
            return
        new = Coordinate(
            min(max(self._cursor.row if row is None else row, 0), len(self._rows) - 1),
            min(max(self._cursor.column if column is None else column, 0), NOTE),
        )
        old, self._cursor = self._cursor, new
        if new == old:
            return
        self._redraw_row(old.row)
        self._redraw_row(new.row)
        if new.column != old.column:
            self._redraw_row(-1)
        self._scroll_to_cursor()
        if new.row != old.row:
            self.post_message(self.Highlighted())

    # -- drawing --------------------------------------------------------------------------
    def _cell(self, index: int, column: int) -> tuple[str, str]:
        """The text of a cell and the component class that styles it."""
        if self._pending == (index, column):
            return t("stap1.pending", digit="1"), "score-grid--pending"
        row = self._rows[index]
        score = row.score
        if column == SERVICE:
            return row.name, ""
        if column in (OFFERED, WANTED):
            flag = score.offered if column == OFFERED else score.wanted
            if flag is None:
                return t("stap1.unscored"), "score-grid--unscored"
            return ((t("stap1.yes"), "score-grid--yes") if flag
                    else (t("stap1.no"), "score-grid--no"))
        if column in (QUALITY, DESIRED):
            flag, value = ((score.offered, score.quality) if column == QUALITY
                           else (score.wanted, score.desired))
            if flag is False:
                return "", ""
            return ((t("stap1.unscored"), "score-grid--unscored") if value is None
                    else (str(value), ""))
        if column == FINANCING:
            return (t(f"stap1.financing.{score.financing}") if score.financing else ""), ""
        note = score.note.splitlines()[0] if score.note else ""
        return (f"✎ {note}" if note else ""), ""

    def _style(self, *names: str) -> Style:
        key = " ".join(names)
        style = self._styles.get(key)
        if style is None:
            style = self.rich_style
            for name in names:
                if name:
                    style += self.get_component_rich_style(name, partial=True)
            self._styles[key] = style
        return style

    def _line(self, index: int) -> Strip:
        strip = self._strips.get(index)
        if strip is not None:
            return strip
        cursor_row, cursor_column = self._cursor
        segments = []
        if index < 0:
            for column, width in enumerate(self._widths):
                here = column == cursor_column and bool(self._rows)
                text = t(f"stap1.{COLUMN_KEYS[column]}")
                style = self._style("score-grid--header",
                                    "score-grid--header-cursor" if here else "")
                segments.append(Segment(self._pad(text, width), style))
            row_class = "score-grid--header"
        else:
            row_class = "score-grid--odd-row" if index % 2 else "score-grid--even-row"
            for column, width in enumerate(self._widths):
                text, cell_class = self._cell(index, column)
                here = index == cursor_row and column == cursor_column
                style = self._style(row_class, cell_class, "score-grid--cursor" if here else "")
                segments.append(Segment(self._pad(text, width), style))
        length = sum(self._widths)
        room = max(self.virtual_size.width, self.size.width) - length
        if room > 0:
            segments.append(Segment(" " * room, self._style(row_class)))
        strip = Strip(segments, length + max(room, 0))
        self._strips[index] = strip
        return strip

    @staticmethod
    def _pad(text: str, width: int) -> str:
        text = printable(text)  # a note may hold a tab, which moves a terminal's cursor
        inner = width - 2 * PADDING
        if cell_len(text) > inner:  # cut, and show that it was
            text = set_cell_size(text, inner - 1) + "…"
        return " " * PADDING + set_cell_size(text, inner) + " " * PADDING

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        index = -1 if y == 0 else y - 1 + scroll_y
        if index >= len(self._rows) or not self._widths:
            return Strip.blank(width, self.rich_style)
        return self._line(index).crop(scroll_x, scroll_x + width)

    def _redraw_row(self, index: int) -> None:
        """Forget the line of one row and repaint only that line."""
        self._strips.pop(index, None)
        y = 0 if index < 0 else index + 1 - self.scroll_offset.y
        if y >= 0 and (index < 0 or y > 0):
            self.refresh(Region(0, y, self.size.width, 1))

    def _redraw_all(self) -> None:
        self._strips.clear()
        self._styles.clear()
        self.refresh()

    def _fit_columns(self) -> None:
        names = [row.name for row in self._rows]
        financing = [self._cell(index, FINANCING)[0] for index in range(len(self._rows))]
        region_width = self.scrollable_content_region.width
        self._widths = column_widths(names, financing, region_width)
        self.virtual_size = Size(sum(self._widths), len(self._rows) + 1)
        # The layout that resized the grid decided its scrollbars with the old
        # width; without this a horizontal bar that is no longer needed stays.
        if self.show_horizontal_scrollbar and sum(self._widths) <= region_width:
            self.show_horizontal_scrollbar = False
        self._redraw_all()

    def _scroll_to_cursor(self) -> None:
        """Scroll just enough that the cursor cell is in view (the heading stays put)."""
        region = self.scrollable_content_region
        if region.height <= 1 or not self._rows:
            return
        row, column = self._cursor
        x, y = self.scroll_offset
        rows_shown = region.height - 1
        y = min(max(y, row - rows_shown + 1), row)
        left = sum(self._widths[:column])
        x = min(max(x, left + self._widths[column] - region.width), left)
        if (x, y) != tuple(self.scroll_offset):
            self.scroll_to(x, y, animate=False, force=True)

    def on_resize(self) -> None:
        self._fit_columns()
        self._scroll_to_cursor()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
        self._styles.clear()

    def on_focus(self) -> None:
        self._redraw_all()

    def on_blur(self) -> None:
        self._settle_pending()
        self._redraw_all()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0 or not self._rows:
            return
        index = offset.y - 1 + self.scroll_offset.y
        x, left = offset.x + self.scroll_offset.x, 0
        for column, width in enumerate(self._widths):
            if left <= x < left + width and index < len(self._rows):
                self._settle_pending()
                if Coordinate(index, column) == self._cursor and column in (FINANCING, NOTE):
                    self.action_select_cursor()  # a second click opens the cell's dialog
                    return
                self.move_cursor(row=index, column=column)
                return
            left += width

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
            self._refuse(event, t("stap1.refused_yesno", key=char))
        elif column in (QUALITY, DESIRED):
            if char == "1":
                self._pending = Coordinate(self.cursor_row, column)
                self._redraw_row(self.cursor_row)
                self._consume(event)
                self.post_message(self.Accepted())
                return
            if char.isdigit():
                self._store(Coordinate(self.cursor_row, column), int(char) if char != "0" else 10)
                self._consume(event)
                return
            if lower not in YES_KEYS | NO_KEYS and self._reaches_screen(key):
                return
            self._refuse(event, t("stap1.refused_quality", key=char))
        elif char.isdigit() or lower in YES_KEYS | NO_KEYS:
            self._refuse(event, t("stap1.refused_column"))

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
            self._redraw_row(cell.row)
            return True
        if len(key) == 1 and key.isdigit():
            self._redraw_row(cell.row)
            self.post_message(self.Refused(t("stap1.refused_range", value=f"1{key}")))
            return True
        if key in NAVIGATION and key not in ("enter", "tab", "shift+tab"):
            self._store(cell, 1, advance=False)
            return False
        self._store(cell, 1)
        return key == "enter"

    def _settle_pending(self) -> None:
        """A waiting "1" counts as 1 when the facilitator goes elsewhere."""
        if self._pending is not None:
            cell, self._pending = self._pending, None
            self._store(cell, 1, advance=False)

    def _consume(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()

    def _refuse(self, event: events.Key, hint: str) -> None:
        self._consume(event)
        self.app.bell()
        self.post_message(self.Refused(hint))

    def _store(self, cell: Coordinate, value: bool | int, *, advance: bool = True) -> None:
        """Show the value at once (the screen saves it) and go on to the next cell."""
        row = self._rows[cell.row]
        field = FIELD_OF[cell.column]
        update: dict[str, object] = {field: value}
        if field in ("offered", "wanted") and value is False:
            update["quality" if field == "offered" else "desired"] = None
        if field in ("quality", "desired"):
            update["offered" if field == "quality" else "wanted"] = True
        self._rows[cell.row] = GridRow(row.service_id, row.name,
                                       row.score.model_copy(update=update))
        self._redraw_row(cell.row)
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

    # -- actions --------------------------------------------------------------------------
    def action_move(self, rows: int, columns: int) -> None:
        self.move_cursor(row=self._cursor.row + rows, column=self._cursor.column + columns)

    def action_page(self, direction: int) -> None:
        """Scroll a page of rows; the cursor keeps its place on the screen."""
        page = max(self.scrollable_content_region.height - 1, 1)
        self.scroll_to(y=self.scroll_offset.y + direction * page, animate=False, force=True)
        self.move_cursor(row=self._cursor.row + direction * page)

    def action_edge_column(self, end: int) -> None:
        self.move_cursor(column=NOTE if end else SERVICE)

    def action_edge_row(self, end: int) -> None:
        self.move_cursor(row=len(self._rows) - 1 if end else 0)

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
            self.move_cursor(column=self.cursor_column + 1)
