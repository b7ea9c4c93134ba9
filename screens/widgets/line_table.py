"""The one table base of the app: rows drawn with Textual's line API.

Every list table of the stages (partners, STAP 2-6, the gap table of STAP 1,
follow-ups, themes, the room) is this widget or a subclass that only says what
its cells hold. The base holds what they share: a row or cell cursor, paging,
zebra rows, column widths fitted to the content whenever rows change, text
columns that give way when the table is narrower than its content (cut with
"…", down to their minimum, so the key columns stay on screen), a first column
that stays put when the table scrolls sideways, a click on a header
(`HeaderSelected`), and component classes for its colours.

It is filled with `show(rows)`: a key and cells per row, where a cell is plain
text or a rich `Text` with a style. A stage shows its whole list again each
time it comes back; `show` compares the rows with the ones on view and redraws
only the lines that differ. It behaves like the DataTable it replaced (cursor
keys, page keys, home/end, enter, mouse clicks, zebra rows, a row or cell
cursor, the same kind of messages), but nothing is measured or rendered for
rows off screen. DataTable measured every cell of every row through Rich and
rendered each visible cell through Rich again on any change: with the 400
milestones of a region that was most of the time it took to open STAP 5.
Here a column is as wide as its widest plain text (a string width per cell, no
Rich layout), and a line on screen is built from the cells of its row, cut to
the column with "…", when it is drawn.

User text is data: cells are drawn as plain segments (no markup is parsed),
with control and format characters dropped (`printable`). A cell keeps the
style of its `Text` (bold, dim, reverse, italic), which the stages always pair
with a word or symbol: colour never carries meaning alone. Table colours come
from component classes with theme variables, so the projector theme applies.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, NamedTuple

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from regionet_tui.safe_text import printable

PADDING = 1  # blank cells on each side of a cell's text, as in DataTable
ELLIPSIS = "…"


# A cell: plain text, or a rich Text for a cell with a style or alignment. Plain
# strings are drawn as they are (never parsed as markup) and cost a 400-row
# list thousands fewer objects to build and collect.
Cell = str | Text


class Row(NamedTuple):
    key: str | None
    cells: tuple[Cell, ...]


def same_text(one: Text, other: Text) -> bool:
    """Whether two texts look the same (rich's own == ignores the style of the whole text)."""
    return one is other or (
        one.plain == other.plain and one.spans == other.spans and one.style == other.style
        and (one.no_wrap, one.overflow, one.justify) == (other.no_wrap, other.overflow,
                                                          other.justify))


def _same_cell(one: Cell, other: Cell) -> bool:
    if isinstance(one, str) or isinstance(other, str):
        return one == other
    return same_text(one, other)


def _same_row(one: Row, other: Row) -> bool:
    return one.key == other.key and len(one.cells) == len(other.cells) and all(
        _same_cell(a, b) for a, b in zip(one.cells, other.cells, strict=True))


def _plain(cell: Cell) -> str:
    return cell if isinstance(cell, str) else cell.plain


class Column(NamedTuple):
    key: str
    label: Text
    width: int | None  # the text width; None: as wide as the widest value
    max_width: int | None = None  # with width None: at most this wide, longer text cut
    # With width None: when the table is narrower than its content, this column
    # gives way down to this text width (longer text cut with "…").
    min_width: int | None = None


def _fit(text: str, width: int, justify: str | None) -> str:
    """`text` in exactly `width` cells: cut with an ellipsis, or padded."""
    length = cell_len(text)
    if length > width:
        return set_cell_size(text, width - 1) + ELLIPSIS if width > 0 else ""
    room = width - length
    if justify == "right":
        return " " * room + text
    if justify == "center":
        return " " * (room // 2) + text + " " * (room - room // 2)
    return text + " " * room


def _style_of(text: Text) -> Style | None:
    style = text.style
    if not style:
        return None
    return Style.parse(style) if isinstance(style, str) else style


def _pieces(cell: Cell, width: int, right_padding: int = PADDING
            ) -> list[tuple[str, Style | None]]:
    """A cell in `width` cells (its padding included) as (text, style) pieces."""
    inner = width - PADDING - right_padding
    if isinstance(cell, str):
        return [(" " * PADDING + _fit(printable(cell), inner, None) + " " * right_padding, None)]
    plain = cell.plain
    pad = " " * PADDING
    end_pad = " " * right_padding
    base = _style_of(cell)
    spans = [span for span in cell.spans if span.style]
    if not spans or not plain.isprintable() or cell_len(plain) > inner:
        # One style for the cell (a cut or cleaned text loses its spans' places).
        return [(pad + _fit(printable(plain), inner, cell.justify) + end_pad, base)]
    fitted = _fit(plain, inner, cell.justify)
    start = fitted.index(plain) if plain else 0
    styles: list[Style | None] = [base] * len(plain)
    for span in spans:
        extra = Style.parse(span.style) if isinstance(span.style, str) else span.style
        for index in range(max(span.start, 0), min(span.end, len(plain))):
            current = styles[index]
            styles[index] = extra if current is None else current + extra
    pieces: list[tuple[str, Style | None]] = [(pad + fitted[:start], base)]
    for index, char in enumerate(plain):
        if index and pieces[-1][1] == styles[index]:
            pieces[-1] = (pieces[-1][0] + char, styles[index])
        else:
            pieces.append((char, styles[index]))
    pieces.append((fitted[start + len(plain):] + end_pad, base))
    return pieces


class LineTable(ScrollView, can_focus=True):
    """Rows under a fixed header, with a row or cell cursor."""

    DEFAULT_CSS = """
    LineTable {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 100%;
        scrollbar-size-vertical: 1;
        scrollbar-size-horizontal: 1;
        & > .line-table--header { text-style: bold; background: $panel; color: $foreground; }
        & > .line-table--even-row { background: $surface-lighten-1 50%; }
        &:dark > .line-table--even-row { background: $surface-darken-1 40%; }
        &:focus { background-tint: $foreground 5%; }
        & > .line-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .line-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "line-table--header", "line-table--even-row", "line-table--cursor",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", show=False),
        Binding("up", "move(-1, 0)", show=False),
        Binding("down", "move(1, 0)", show=False),
        Binding("left", "move(0, -1)", show=False),
        Binding("right", "move(0, 1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("ctrl+home", "edge_row(0)", show=False),
        Binding("ctrl+end", "edge_row(1)", show=False),
        Binding("home", "edge_column(0)", show=False),
        Binding("end", "edge_column(1)", show=False),
    ]

    class _Sent(Message):
        def __init__(self, table: LineTable, coordinate: Coordinate) -> None:
            super().__init__()
            self.table = table
            self.coordinate = coordinate
            self.cursor_row = coordinate.row
            self.row_key = table.row_key_at(coordinate.row)

        @property
        def control(self) -> LineTable:
            return self.table

    class RowHighlighted(_Sent):
        """The row cursor moved to another row."""

    class RowSelected(_Sent):
        """Enter or a click on the row under the row cursor."""

    class CellHighlighted(_Sent):
        """The cell cursor moved to another cell."""

    class CellSelected(_Sent):
        """Enter or a click on the cell under the cell cursor."""

    class HeaderSelected(Message):
        """A click on a column's header."""

        def __init__(self, table: LineTable, column_key: str) -> None:
            super().__init__()
            self.table = table
            self.column_key = column_key

        @property
        def control(self) -> LineTable:
            return self.table

    def __init__(self, *, id: str | None = None, cursor_type: str = "row",
                 zebra_stripes: bool = True, fixed_columns: int = 1,
                 right_padding: int = PADDING) -> None:
        super().__init__(id=id)
        self.cursor_type = cursor_type
        self.zebra_stripes = zebra_stripes
        # Columns that stay on the left when the table scrolls sideways.
        self.fixed_columns = fixed_columns
        # Blank cells right of a cell's text (one on the left always): a table
        # that must fit many columns in 80 columns uses 0, one blank between them.
        self.right_padding = right_padding
        self.columns: dict[str, Column] = {}
        self._rows: list[Row] = []
        self._cursor = Coordinate(0, 0)
        self._natural: list[int] | None = None  # per column as the content asks, padding included
        self._widths: list[int] | None = None  # per column as drawn: fitted to the room
        self._widths_for = -1  # the room the drawn widths were fitted to
        self._pieces: dict[int, list[tuple[str, Style | None]]] = {}  # row -> its pieces

    # -- columns and rows -------------------------------------------------------------
    def add_column(self, label: Text | str, *, key: str | None = None,
                   width: int | None = None, max_width: int | None = None,
                   min_width: int | None = None) -> str:
        label = label if isinstance(label, Text) else Text(label)
        key = key if key is not None else f"column-{len(self.columns)}"
        self.columns[key] = Column(key, label, width, max_width, min_width)
        self._changed_widths()
        return key

    def add_columns(self, *labels: Text | str) -> list[str]:
        return [self.add_column(label) for label in labels]

    def set_columns(self, columns: Sequence[Column]) -> None:
        """Replace every column (a table whose columns change with its view); the
        rows go with the old columns, `show` gives the new ones."""
        self.columns = {column.key: column for column in columns}
        self._rows = []
        self._changed_widths()

    def show(self, rows: Sequence[Row]) -> bool:
        """Show these rows; False when the table already showed them."""
        rows = list(rows)
        old = self._rows
        if len(rows) == len(old) and [r.key for r in rows] == [r.key for r in old]:
            changed = [i for i, (a, b) in enumerate(zip(old, rows, strict=True))
                       if not _same_row(a, b)]
            if not changed:
                return False
            self._rows = rows
            natural = self._natural
            self._natural = None
            if self._natural_widths() != natural:
                self._changed_widths()
            else:
                for index in changed:
                    self._pieces.pop(index, None)
                    self.refresh_line(index + 1)
            return True
        self._rows = rows
        self._changed_widths()
        cursor = self._clamped(self._cursor)
        moved, self._cursor = cursor != self._cursor, cursor
        self._cursor_into_view()
        if moved or not old:
            self._post_highlighted()
        return True

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def row_key_at(self, row: int) -> str | None:
        return self._rows[row].key if 0 <= row < len(self._rows) else None

    def get_row_at(self, row: int) -> list[Cell]:
        return list(self._rows[row].cells)

    def get_cell_at(self, coordinate: Coordinate) -> Cell:
        return self._rows[coordinate.row].cells[coordinate.column]

    def column_width(self, index: int) -> int:
        """The width column `index` is drawn in, its padding included."""
        return self._column_widths()[index]

    # -- the cursor --------------------------------------------------------------------
    @property
    def cursor_coordinate(self) -> Coordinate:
        return self._cursor

    @cursor_coordinate.setter
    def cursor_coordinate(self, coordinate: Coordinate) -> None:
        self._move_to(coordinate)

    @property
    def cursor_row(self) -> int:
        return self._cursor.row

    @property
    def cursor_column(self) -> int:
        return self._cursor.column

    def move_cursor(self, *, row: int | None = None, column: int | None = None,
                    animate: bool = False, scroll: bool = True) -> None:
        self._move_to(Coordinate(self._cursor.row if row is None else row,
                                 self._cursor.column if column is None else column))

    def _clamped(self, coordinate: Coordinate) -> Coordinate:
        return Coordinate(max(0, min(coordinate.row, len(self._rows) - 1)),
                          max(0, min(coordinate.column, len(self.columns) - 1)))

    def _move_to(self, coordinate: Coordinate) -> None:
        coordinate = self._clamped(coordinate)
        if coordinate == self._cursor:
            return
        old, self._cursor = self._cursor, coordinate
        self.refresh_line(old.row + 1)
        self.refresh_line(coordinate.row + 1)
        self._cursor_into_view()
        if self._rows and (old.row != coordinate.row or self.cursor_type == "cell"):
            self._post_highlighted()

    def _post_highlighted(self) -> None:
        if not self._rows:
            return
        message = self.CellHighlighted if self.cursor_type == "cell" else self.RowHighlighted
        self.post_message(message(self, self._cursor))

    def _fixed_width(self) -> int:
        return sum(self._column_widths()[:self.fixed_columns])

    def _cursor_into_view(self) -> None:
        # Before the first layout there is nothing to scroll; on_resize comes then.
        if not self._rows or not self.size:
            return
        left = self.scroll_offset.x
        if self.cursor_type == "cell" and self._cursor.column >= self.fixed_columns:
            # The scrolled part of a line starts right of the fixed columns.
            widths = self._column_widths()
            x = sum(widths[:self._cursor.column])
            fixed = self._fixed_width()
            room = self.scrollable_content_region.width
            if x < left + fixed:
                left = x - fixed
            elif x + widths[self._cursor.column] > left + room:
                left = x + widths[self._cursor.column] - room
        self.scroll_to_region(Region(left, self._cursor.row + 1, 1, 1), spacing=Spacing(top=1),
                              animate=False, force=True, immediate=True)
        if left != self.scroll_offset.x:
            self.scroll_to(x=left, animate=False, force=True, immediate=True)

    # -- keys and the mouse ---------------------------------------------------------------
    def action_move(self, rows: int, columns: int) -> None:
        if columns and self.cursor_type != "cell":
            self.scroll_to(x=self.scroll_offset.x + columns * 4, animate=False, immediate=True)
            return
        self.move_cursor(row=self._cursor.row + rows, column=self._cursor.column + columns)

    def action_page(self, direction: int) -> None:
        self.move_cursor(row=self._cursor.row + direction * max(self.size.height - 2, 1))

    def action_edge_row(self, last: int) -> None:
        self.move_cursor(row=len(self._rows) - 1 if last else 0)

    def action_edge_column(self, last: int) -> None:
        if self.cursor_type == "cell":
            self.move_cursor(column=len(self.columns) - 1 if last else 0)
        else:
            self.scroll_to(x=self.max_scroll_x if last else 0, animate=False, immediate=True)

    def action_select_cursor(self) -> None:
        if self._rows:
            message = self.CellSelected if self.cursor_type == "cell" else self.RowSelected
            self.post_message(message(self, self._cursor))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        clicked = self._column_at(offset.x)
        if offset.y == 0:
            if clicked is not None:
                event.stop()
                self.post_message(self.HeaderSelected(self, list(self.columns)[clicked]))
            return
        row = offset.y - 1 + self.scroll_offset.y
        if row >= len(self._rows):
            return
        column = self._cursor.column
        if self.cursor_type == "cell":  # a click right of the last column keeps the column
            column = column if clicked is None else clicked
        target = Coordinate(row, column)
        event.stop()
        if target == self._cursor:
            self.action_select_cursor()
        else:
            self._move_to(target)

    def _column_at(self, x: int) -> int | None:
        """The column under `x` cells from the left edge of the content."""
        if x >= self._fixed_width():
            x += self.scroll_offset.x
        position = 0
        for index, width in enumerate(self._column_widths()):
            if position <= x < position + width:
                return index
            position += width
        return None

    def column_x(self, index: int) -> int:
        """Where column `index` starts on screen, from the left edge of the content."""
        x = sum(self._column_widths()[:index])
        return x if index < self.fixed_columns else x - self.scroll_offset.x

    # -- drawing -------------------------------------------------------------------------
    def on_resize(self) -> None:
        if self._widths_for != self.scrollable_content_region.width:
            self._changed_widths()
        self._cursor_into_view()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.refresh()

    def _natural_widths(self) -> list[int]:
        if self._natural is None:
            natural = []
            for index, column in enumerate(self.columns.values()):
                if column.width is not None:
                    width = column.width
                else:
                    width = cell_len(printable(column.label.plain))
                    for row in self._rows:
                        width = max(width, cell_len(printable(_plain(row.cells[index]))))
                    if column.max_width is not None:
                        width = min(width, column.max_width)
                natural.append(width + PADDING + self.right_padding)
            self._natural = natural
        return self._natural

    def _column_widths(self) -> list[int]:
        room = self.scrollable_content_region.width
        if self._widths is None or self._widths_for != room:
            self._widths = fitted_widths(self._natural_widths(), [
                None if column.min_width is None or column.width is not None
                else column.min_width + PADDING + self.right_padding
                for column in self.columns.values()], room, self.fixed_columns)
            self._widths_for = room
            self._pieces.clear()
        return self._widths

    def _changed_widths(self) -> None:
        self._natural = None
        self._widths = None
        self._pieces.clear()
        self.virtual_size = Size(sum(self._column_widths()), len(self._rows) + 1)
        self.refresh()

    def _row_pieces(self, index: int) -> list[tuple[str, Style | None]]:
        pieces = self._pieces.get(index)
        if pieces is None:
            pieces = []
            for cell, width in zip(self._rows[index].cells, self._column_widths(), strict=False):
                pieces.append(("", None))  # marks the start of a cell
                pieces.extend(_pieces(cell, width, self.right_padding))
            self._pieces[index] = pieces
        return pieces

    def _in_view(self, strip: Strip, style: Style) -> Strip:
        """The part of a whole line on screen: the fixed columns, then the scrolled rest."""
        width = self.scrollable_content_region.width
        left = self.scroll_offset.x
        fixed = self._fixed_width() if left else 0
        if not fixed or fixed >= width:
            return strip.crop_extend(left, left + width, style)
        return Strip.join([strip.crop_extend(0, fixed, style),
                           strip.crop_extend(fixed + left, left + width, style)])

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            style = base + self.get_component_rich_style("line-table--header")
            segments = [Segment(piece, style + (_style_of(column.label) or Style()))
                        for column, piece_width in zip(self.columns.values(),
                                                       self._column_widths(), strict=False)
                        for piece, _ in _pieces(column.label, piece_width, self.right_padding)]
            return self._in_view(Strip(segments), style)
        index = y - 1 + self.scroll_offset.y
        if index >= len(self._rows):
            return Strip.blank(width, base)
        row_style = base
        if self.zebra_stripes and not index % 2:  # as DataTable: rows 0, 2, 4...
            row_style = base + self.get_component_rich_style("line-table--even-row")
        cursor_style = base + self.get_component_rich_style("line-table--cursor")
        on_cursor_row = index == self._cursor.row and self.cursor_type in ("row", "cell")
        segments = []
        column = -1
        for text, piece_style in self._row_pieces(index):
            if not text:
                column += 1
                continue
            under = on_cursor_row and (self.cursor_type == "row"
                                       or column == self._cursor.column)
            background = cursor_style if under else row_style
            segments.append(Segment(text, background + piece_style if piece_style else background))
        return self._in_view(Strip(segments), row_style)


def fitted_widths(natural: Sequence[int], minimum: Sequence[int | None], room: int,
                  last: int = 0) -> list[int]:
    """Column widths within `room` cells: while the columns are wider than the room,
    the widest column that may give way (a minimum, not reached yet) gives a cell.
    Columns without a minimum keep their width: they are the key columns. The
    first `last` columns (the fixed ones, the names) give way only after the rest."""
    widths = list(natural)
    excess = sum(widths) - room
    for tier in (range(last, len(widths)), range(min(last, len(widths)))):
        while excess > 0:
            candidates = [i for i in tier
                          if minimum[i] is not None and widths[i] > (minimum[i] or 0)]
            if not candidates:
                break
            widest = max(candidates, key=lambda i: (widths[i], i))
            floor = minimum[widest] or 0
            others = [widths[i] for i in candidates if i != widest]
            # Down to the next widest candidate at once (or as far as needed).
            target = max(floor, max(others, default=floor), widths[widest] - excess)
            step = max(widths[widest] - target, 1)
            widths[widest] -= step
            excess -= step
    return widths
