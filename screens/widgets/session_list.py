"""The sessions of the start screen as a list that draws only the lines in view.

A DataTable renders every visible cell through Rich and measures every cell
of every row; with a folder of 200 sessions that was most of the start-up
time. This list uses Textual's line API: each row becomes one plain string
per width (cut to the columns, cached), and a line on screen is that string
with the style of its state (cursor, even row, damaged). Styles come from
component classes, so every theme, the projector theme too, applies.

User text is data: it is drawn as plain segments (no markup is parsed), and
anything that could drive the terminal or reorder text (control and format
characters) is dropped before drawing, also for names read from a foreign
file's index that never passed the sanitising models.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from regionet_tui.safe_text import printable

CURSOR_MARK = "▶ "
NO_MARK = "  "
ELLIPSIS = "…"
GAP = 1  # blank cells between columns


def fit(text: str, width: int, right: bool = False) -> str:
    """`text` in exactly `width` cells: cut with an ellipsis, or padded."""
    length = cell_len(text)
    if length > width:
        return set_cell_size(text, width - 1) + ELLIPSIS if width > 0 else ""
    padding = " " * (width - length)
    return padding + text if right else text + padding


def _same_start(one: str, other: str) -> int:
    """How many characters `one` and `other` have in common from the start."""
    return next((index for index, (a, b) in enumerate(zip(one, other, strict=False))
                 if a != b), min(len(one), len(other)))


def told_apart(texts: list[str], width: int) -> list[str]:
    """`texts` cut to `width` cells so that different texts never look the same:
    where two would be cut alike (two rounds of one network: "Leernetwerk
    Rivierenland – najaarsronde" and "– voorjaarsronde"), each keeps its start
    and, after "…", the words where it differs from the others."""
    shown = [fit(text, width) for text in texts]
    alike: dict[str, list[int]] = {}
    for index, (text, cut) in enumerate(zip(texts, shown)):
        if cell_len(text) > width:
            alike.setdefault(cut, []).append(index)
    for indices in alike.values():
        if len({texts[i] for i in indices}) < 2:
            continue
        for index in indices:
            text = texts[index]
            common = max(_same_start(text, texts[other]) for other in indices
                         if texts[other] != text)
            differs = text[text.rfind(" ", 0, common) + 1:]  # from the word that differs
            head = width - 1 - cell_len(differs)
            if head >= 4:
                shown[index] = set_cell_size(text, head) + ELLIPSIS + differs
            else:  # no room for both: the start's first letters and the difference
                shown[index] = fit(set_cell_size(text, 3) + ELLIPSIS + differs, width)
    return shown


# NamedTuples rather than dataclasses: defining a dataclass costs start-up
# about 0.4 ms each, a NamedTuple a fifth of that.
class Column(NamedTuple):
    """A column: `share` > 0 makes it take that part of the room left over
    by the fixed columns (which are as wide as their widest value)."""

    key: str
    label: str
    share: int = 0
    right: bool = False
    # Rows whose texts differ never look the same when cut (`told_apart`).
    tell_apart: bool = False


class Row(NamedTuple):
    """One session. A damaged row has two cells, its name and what is wrong;
    the second spans all columns after the first."""

    key: str
    cells: tuple[str, ...]
    damaged: bool = False


class SessionList(ScrollView, can_focus=True):
    """Rows under a fixed header, with a row cursor shown by a mark (▶) and a colour."""

    DEFAULT_CSS = """
    SessionList {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
        & > .session-list--header { text-style: bold; background: $panel; color: $foreground; }
        & > .session-list--even { background: $surface-lighten-1 50%; }
        & > .session-list--damaged { color: $warning; text-style: bold; }
        & > .session-list--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .session-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """

    COMPONENT_CLASSES = {
        "session-list--header", "session-list--even", "session-list--damaged",
        "session-list--cursor",
    }

    BINDINGS = [
        Binding("up", "cursor(-1)", show=False),
        Binding("down", "cursor(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home", "first", show=False),
        Binding("end", "last", show=False),
        Binding("enter", "choose", show=False),
    ]

    class _Sent(Message):
        def __init__(self, sender: SessionList) -> None:
            super().__init__()
            self.sender = sender

        @property
        def control(self) -> SessionList:
            return self.sender

    class Highlighted(_Sent):
        """The cursor moved to another row (or there is none: `key` is None)."""

        def __init__(self, sender: SessionList, key: str | None) -> None:
            super().__init__(sender)
            self.key = key

    class Chosen(_Sent):
        """Enter, or a click on the row under the cursor."""

        def __init__(self, sender: SessionList, key: str) -> None:
            super().__init__(sender)
            self.key = key

    class HeaderClicked(_Sent):
        def __init__(self, sender: SessionList, column: str) -> None:
            super().__init__(sender)
            self.column = column

    def __init__(self, columns: list[Column], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns = columns
        self.rows: list[Row] = []
        self.cursor = 0
        self.sorted_by: tuple[str, bool] | None = None  # column key, descending
        self._natural: list[int] | None = None  # the widest header or value of each column
        self._widths: list[int] = []
        self._widths_for = -1  # the line width the column widths were computed for
        self._texts: dict[int, list[tuple[str, str]]] = {}  # row -> (text, component)
        self._told: dict[tuple[int, int], str] = {}  # (row, column) -> text told apart

    # -- data in --------------------------------------------------------------------
    def set_rows(self, rows: list[Row], select: str | None = None) -> None:
        """Show `rows`; the cursor goes to the row with key `select` if given and
        shown, else stays on the same key, else stays at the same place."""
        keep = select if select is not None else self.selected_key
        self.rows = rows
        self._texts.clear()
        self._natural = None
        self._widths_for = -1
        keys = [row.key for row in rows]
        cursor = keys.index(keep) if keep in keys else min(self.cursor, len(rows) - 1)
        self.cursor = max(cursor, 0)
        self.virtual_size = Size(0, len(rows) + 1)
        self.refresh()
        self._cursor_into_view()
        self.post_message(self.Highlighted(self, self.selected_key))

    def set_sort(self, column: str, descending: bool) -> None:
        self.sorted_by = (column, descending)
        self._natural = None
        self._widths_for = -1
        self.refresh()

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def selected_key(self) -> str | None:
        return self.rows[self.cursor].key if self.rows else None

    # -- moving the cursor ----------------------------------------------------------
    def move_cursor(self, row: int) -> None:
        if not self.rows:
            return
        row = max(0, min(row, len(self.rows) - 1))
        if row == self.cursor:
            return
        old, self.cursor = self.cursor, row
        self.refresh_line(old + 1)
        self.refresh_line(row + 1)
        self._cursor_into_view()
        self.post_message(self.Highlighted(self, self.selected_key))

    def _cursor_into_view(self) -> None:
        # Before the first layout there is nothing to scroll; on_resize comes then.
        if self.rows and self.size:
            region = Region(0, self.cursor + 1, 1, 1)
            self.scroll_to_region(region, spacing=Spacing(top=1), animate=False, force=True,
                                  immediate=True)

    def action_cursor(self, step: int) -> None:
        self.move_cursor(self.cursor + step)

    def action_page(self, direction: int) -> None:
        self.move_cursor(self.cursor + direction * max(self.size.height - 2, 1))

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(len(self.rows) - 1)

    def action_choose(self) -> None:
        if self.rows:
            self.post_message(self.Chosen(self, self.rows[self.cursor].key))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y == 0:
            column = self._column_at(offset.x)
            if column is not None:
                self.post_message(self.HeaderClicked(self, column))
            return
        row = offset.y - 1 + self.scroll_offset.y
        if row < len(self.rows):
            if row == self.cursor:
                self.action_choose()
            else:
                self.move_cursor(row)

    def _column_at(self, x: int) -> str | None:
        position = cell_len(NO_MARK)
        for column, width in zip(self.columns, self._column_widths(self._line_width)):
            if position <= x < position + width + GAP:
                return column.key
            position += width + GAP
        return None

    # -- drawing --------------------------------------------------------------------
    def on_resize(self) -> None:
        self._cursor_into_view()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.refresh()

    def _column_widths(self, width: int) -> list[int]:
        """Fixed columns as wide as their widest value; the shared ones split
        what is left by their shares, but none wider than it needs while
        another still wants room (the first shared column gets the rest)."""
        if width == self._widths_for:
            return self._widths
        natural = self._natural_widths()
        flexible = [i for i, column in enumerate(self.columns) if column.share]
        widths = [0 if i in flexible else natural[i] for i in range(len(self.columns))]
        room = max(width - cell_len(NO_MARK) - sum(widths) - GAP * (len(widths) - 1), 0)
        shares = sum(self.columns[i].share for i in flexible)
        for i in flexible:
            widths[i] = min(natural[i], room * self.columns[i].share // shares)
        for i in flexible:
            widths[i] += min(room - sum(widths[j] for j in flexible), natural[i] - widths[i])
        if flexible:
            widths[flexible[0]] += room - sum(widths[j] for j in flexible)
        self._widths, self._widths_for = widths, width
        self._texts.clear()
        self._told = {}
        for column_index, column in enumerate(self.columns):
            if column.tell_apart:
                rows = [i for i, row in enumerate(self.rows) if not row.damaged]
                cut = told_apart([printable(self.rows[i].cells[column_index]) for i in rows],
                                 widths[column_index])
                self._told.update(((i, column_index), text) for i, text in zip(rows, cut))
        return widths

    def _natural_widths(self) -> list[int]:
        if self._natural is None:
            self._natural = []
            for index, column in enumerate(self.columns):
                values = [row.cells[index] for row in self.rows if not row.damaged or index == 0]
                self._natural.append(max([cell_len(self._header_label(column)),
                                          *(cell_len(printable(v)) for v in values)]))
        return self._natural

    def _header_label(self, column: Column) -> str:
        arrow = ""
        if self.sorted_by is not None and self.sorted_by[0] == column.key:
            arrow = " ▼" if self.sorted_by[1] else " ▲"
        return printable(column.label) + arrow

    def _header(self) -> str:
        widths = self._column_widths(self._line_width)
        gap = " " * GAP
        return gap.join(fit(self._header_label(c), w) for c, w in zip(self.columns, widths))

    def _row_parts(self, index: int) -> list[tuple[str, str]]:
        """The text of row `index` at the current width, with the component
        class of each part ("" for the row's own style)."""
        widths = self._column_widths(self._line_width)
        parts = self._texts.get(index)
        if parts is None:
            row = self.rows[index]
            gap = " " * GAP
            if row.damaged:
                rest = sum(widths[1:]) + GAP * (len(widths) - 2)
                parts = [(fit(printable(row.cells[0]), widths[0]) + gap, "session-list--damaged"),
                         (fit(printable(row.cells[1]), rest), "")]
            else:
                cells = (self._told.get((index, number))
                         or fit(printable(text), width, column.right)
                         for number, (text, width, column) in enumerate(
                             zip(row.cells, widths, self.columns)))
                parts = [(gap.join(cells), "")]
            self._texts[index] = parts
        return parts

    @property
    def _line_width(self) -> int:
        """The width of a line: the widget without its scrollbar."""
        return self.scrollable_content_region.width

    def render_line(self, y: int) -> Strip:
        width = self._line_width
        base = self.rich_style
        if y == 0:
            style = base + self.get_component_rich_style("session-list--header")
            return Strip([Segment(fit(NO_MARK + self._header(), width), style)], width)
        index = y - 1 + self.scroll_offset.y
        if index >= len(self.rows):
            return Strip.blank(width, base)
        if index == self.cursor:
            row_style = base + self.get_component_rich_style("session-list--cursor")
            mark = CURSOR_MARK
        else:
            row_style = base
            if index % 2:
                row_style += self.get_component_rich_style("session-list--even")
            mark = NO_MARK
        segments = [Segment(mark, row_style)]
        for text, component in self._row_parts(index):
            style = row_style
            if component and index != self.cursor:  # the cursor's colours stay readable
                style += self.get_component_rich_style(component, partial=True)
            segments.append(Segment(text, style))
        return Strip(segments).adjust_cell_length(width, row_style)
