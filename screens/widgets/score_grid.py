"""Fast score entry for one partner: a grid like a spreadsheet, driven by single keys.

Rows are services; the columns are offered, quality, wanted, desired quality,
financing and note. What each key does (the viewing and the entry mode, how
`1` then `0` makes a 10, what "no" skips) is the core's key grammar,
`regionet_tui.core.stap1_grid`; this widget hands it the keys, draws what it
holds and reports the values typed, each with the partner and service it was
typed for.

The grid is drawn with Textual's line API: each row is one cached `Strip`,
and a key re-renders only the rows it changed (the cell typed into and the
row the cursor went to). A DataTable renders every visible cell again on any
update, which cost most of a key's time in a region-sized session.

The grid changes nothing itself: it posts messages, and the screen saves.
"""

from __future__ import annotations

from collections.abc import Callable
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
from regionet_tui.core.stap1_grid import (
    DESIRED,
    FINANCING,
    NOTE,
    OFFERED,
    QUALITY,
    SERVICE,
    WANTED,
    Cell,
    GridKeys,
    Outcome,
    Row,
)
from regionet_tui.i18n import t
from regionet_tui.models.stap1 import Score
from regionet_tui.safe_text import printable

COLUMN_KEYS = ("col_service", "col_offered", "col_quality", "col_wanted", "col_desired",
               "col_financing", "col_note")
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
        Binding("e,enter", "entry", "stap1.key_entry"),
        Binding("enter", "select_cursor", show=False),
        Binding("escape", "leave", "stap1.key_leave"),
        Binding("f", "financing", "stap1.key_financing"),
        Binding("o", "note", "stap1.key_note"),
        Binding("backspace,delete", "clear", "stap1.key_clear", show=False),
        # Moving the cursor: plain keys, nothing to list in the help or the palette.
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
        """A value typed into a cell (None: cleared), with the partner and the
        service it was typed for: it lands there whatever is on view by then."""

        def __init__(self, partner_id: str, service_id: str, field: ScoreField,
                     value: bool | int | None) -> None:
            super().__init__()
            self.partner_id = partner_id
            self.service_id = service_id
            self.field = field
            self.value = value

    class Refused(Message):
        def __init__(self, hint: str) -> None:
            super().__init__()
            self.hint = hint

    class Accepted(Message):
        """A key was taken; any earlier refusal hint can go."""

    class ModeChanged(Message):
        """The grid went into the entry mode or out of it."""

    class Highlighted(Message):
        """The cursor went to another service."""

    class EditFinancing(Message):
        def __init__(self, service_id: str) -> None:
            super().__init__()
            self.service_id = service_id

    class EditNote(Message):
        def __init__(self, service_id: str) -> None:
            super().__init__()
            self.service_id = service_id

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.keys = GridKeys()
        self.partner_id: str | None = None
        self._names: dict[str, str] = {}  # service id -> the name shown
        self._widths: list[int] = []
        self._strips: dict[int, Strip] = {}  # row index (-1: the heading) -> its line
        self._styles: dict[str, Style] = {}

    # -- data in --------------------------------------------------------------------------
    def load(self, partner_id: str | None, rows: list[GridRow], *,
             keep_cursor: bool = True) -> None:
        """Show these rows of one partner; the cursor stays where it was unless told
        otherwise (another partner starts at the top)."""
        self.partner_id = partner_id
        self._names = {row.service_id: row.name for row in rows}
        self.keys.load([Row(row.service_id, row.score) for row in rows],
                       keep_cursor=keep_cursor)
        self._fit_columns()
        self._scroll_to_cursor()

    def update_row(self, service_id: str, score: Score) -> None:
        """Show the saved score of one service."""
        index = self.keys.set_score(service_id, score)
        if index is not None:
            self._redraw_row(index)

    @property
    def entering(self) -> bool:
        """Whether typed keys are scores now: the entry mode, while the grid has the
        focus (without it, keys go to the screen)."""
        return self.keys.entering and self.has_focus

    @property
    def row_count(self) -> int:
        return len(self.keys.rows)

    @property
    def cursor_row(self) -> int:
        return self.keys.cursor.row

    @property
    def cursor_column(self) -> int:
        return self.keys.cursor.column

    @property
    def cursor_coordinate(self) -> Coordinate:
        return Coordinate(self.keys.cursor.row, self.keys.cursor.column)

    @cursor_coordinate.setter
    def cursor_coordinate(self, cell: Coordinate) -> None:
        self.move_cursor(row=cell.row, column=cell.column)

    @property
    def current_service_id(self) -> str | None:
        rows = self.keys.rows
        if not rows:
            return None
        return rows[min(self.keys.cursor.row, len(rows) - 1)].service_id

    @property
    def widths(self) -> list[int]:
        """The width of each column, padding included."""
        return list(self._widths)

    def row_text(self, index: int) -> list[str]:
        """The cells of a row as the grid shows them."""
        return [self._cell(index, column)[0] for column in range(len(COLUMN_KEYS))]

    def move_cursor(self, *, row: int | None = None, column: int | None = None) -> None:
        """Put the cursor on a cell; moving never changes a score."""
        self._follow(lambda: self.keys.move_to(row, column))

    def _follow(self, change: Callable[[], Outcome | None]) -> Outcome | None:
        """Let the key grammar change its state, then redraw and report what changed."""
        keys = self.keys
        old_cursor, old_pending, old_mode = keys.cursor, keys.pending, keys.entering
        outcome = change()
        touched = {old_cursor.row, keys.cursor.row}
        touched.update(cell.row for cell in (old_pending, keys.pending) if cell is not None)
        if outcome is not None and self.partner_id is not None:
            rows = {row.service_id: index for index, row in enumerate(keys.rows)}
            for entry in outcome.entries:
                touched.add(rows[entry.service_id])
                self.post_message(self.Entered(self.partner_id, entry.service_id,
                                               entry.field, entry.value))
        for index in touched:
            self._redraw_row(index)
        if keys.cursor.column != old_cursor.column:
            self._redraw_row(-1)
        if keys.cursor != old_cursor:
            self._scroll_to_cursor()
        if keys.cursor.row != old_cursor.row:
            self.post_message(self.Highlighted())
        if keys.entering != old_mode:
            self.post_message(self.ModeChanged())
        if outcome is not None and outcome.refusal is not None:
            self.app.bell()
            self.post_message(self.Refused(outcome.refusal))
        elif outcome is not None and outcome.taken:
            self.post_message(self.Accepted())
        return outcome

    # -- drawing --------------------------------------------------------------------------
    def _cell(self, index: int, column: int) -> tuple[str, str]:
        """The text of a cell and the component class that styles it."""
        row = self.keys.rows[index]
        score = row.score
        if self.keys.pending == Cell(index, column):
            return t("stap1.pending", digit="1"), "score-grid--pending"
        if column == SERVICE:
            return self._names.get(row.service_id, row.service_id), ""
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
        cursor_row, cursor_column = self.keys.cursor.row, self.keys.cursor.column
        segments = []
        if index < 0:
            for column, width in enumerate(self._widths):
                here = column == cursor_column and bool(self.keys.rows)
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
        if index >= len(self.keys.rows) or not self._widths:
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
        names = list(self._names.values())
        financing = [self._cell(index, FINANCING)[0] for index in range(self.row_count)]
        region_width = self.scrollable_content_region.width
        self._widths = column_widths(names, financing, region_width)
        self.virtual_size = Size(sum(self._widths), self.row_count + 1)
        # The layout that resized the grid decided its scrollbars with the old
        # width; without this a horizontal bar that is no longer needed stays.
        if self.show_horizontal_scrollbar and sum(self._widths) <= region_width:
            self.show_horizontal_scrollbar = False
        self._redraw_all()

    def _scroll_to_cursor(self) -> None:
        """Scroll just enough that the cursor cell is in view (the heading stays put)."""
        region = self.scrollable_content_region
        if region.height <= 1 or not self.keys.rows:
            return
        row, column = self.keys.cursor.row, self.keys.cursor.column
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
        self.post_message(self.ModeChanged())

    def on_blur(self) -> None:
        self._follow(self.keys.end_pending)
        self._redraw_all()
        self.post_message(self.ModeChanged())

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0 or not self.keys.rows:
            return
        index = offset.y - 1 + self.scroll_offset.y
        x, left = offset.x + self.scroll_offset.x, 0
        for column, width in enumerate(self._widths):
            if left <= x < left + width and index < self.row_count:
                if (Cell(index, column) == self.keys.cursor
                        and column in (FINANCING, NOTE)):
                    self.action_select_cursor()  # a second click opens the cell's dialog
                    return
                self.move_cursor(row=index, column=column)
                return
            left += width

    # -- keys -----------------------------------------------------------------------------
    async def on_key(self, event: events.Key) -> None:
        """A typed character goes to the key grammar; what it does not take (a
        digit while viewing, a letter some binding answers) goes on to the screen."""
        char = event.character
        if char is None or len(char) != 1 or not char.isprintable():
            return
        screen_takes = event.key in self.screen.active_bindings
        outcome = self._follow(lambda: self.keys.type(char, screen_takes=screen_takes))
        if outcome is not None and outcome.taken:
            event.stop()
            event.prevent_default()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "entry":
            return not self.keys.entering
        if action in ("leave", "select_cursor"):
            return self.keys.entering
        return True

    # -- actions --------------------------------------------------------------------------
    def action_entry(self) -> None:
        """e or Enter: into the entry mode (Enter on financing or note opens it)."""
        if self.keys.rows and self.cursor_column in (FINANCING, NOTE):
            self.action_select_cursor()
            return
        self._follow(self.keys.enter)
        self.refresh_bindings()

    def action_leave(self) -> None:
        self._follow(self.keys.leave)
        self.refresh_bindings()

    def action_move(self, rows: int, columns: int) -> None:
        self._follow(lambda: self.keys.move(rows, columns))

    def action_page(self, direction: int) -> None:
        """Scroll a page of rows; the cursor keeps its place on the screen."""
        page = max(self.scrollable_content_region.height - 1, 1)
        self.scroll_to(y=self.scroll_offset.y + direction * page, animate=False, force=True)
        self.move_cursor(row=self.cursor_row + direction * page)

    def action_edge_column(self, end: int) -> None:
        self.move_cursor(column=NOTE if end else SERVICE)

    def action_edge_row(self, end: int) -> None:
        self.move_cursor(row=self.row_count - 1 if end else 0)

    def action_financing(self) -> None:
        self._follow(self.keys.end_pending)
        if self.current_service_id:
            self.post_message(self.EditFinancing(self.current_service_id))

    def action_note(self) -> None:
        self._follow(self.keys.end_pending)
        if self.current_service_id:
            self.post_message(self.EditNote(self.current_service_id))

    def action_clear(self) -> None:
        self._follow(self.keys.clear)

    def action_select_cursor(self) -> None:
        """Enter in the entry mode: a waiting 1 stands, else on to the next cell; on
        financing or note, open it."""
        if self.cursor_column == FINANCING:
            self.action_financing()
        elif self.cursor_column == NOTE:
            self.action_note()
        else:
            self._follow(self.keys.confirm)
