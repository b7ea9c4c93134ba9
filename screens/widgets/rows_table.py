"""A DataTable shown from its whole list of rows, changing only what differs.

Stage screens are kept between visits and show the session again each time
they come back, usually unchanged or changed in a cell or two (a partner
renamed on another stage). Refilling a DataTable measures and renders every
cell again (a hundred milliseconds for 400 rows); `show` compares the rows
with the ones on view and updates only the cells that differ, or refills
when rows came, went or moved.

A refill adds a screenful of rows at once and the rest right after the table
is painted, so a stage with 400 milestones appears without waiting for all of
them to be measured. Moving the cursor past the rows added so far adds them.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import NamedTuple

from rich.text import Text
from textual.coordinate import Coordinate
from textual.widgets import DataTable

# Rows added before the first paint of a refill: more than a screen holds.
FIRST_ROWS = 60


class Row(NamedTuple):
    key: str | None
    cells: tuple[Text, ...]


def _shown_as(text: Text) -> Hashable:
    """What decides how a cell looks (rich's own == ignores the style of the whole text)."""
    return (text.plain, str(text.style), tuple(text.spans), text.no_wrap, text.overflow,
            text.justify)


def same_text(one: Text, other: Text) -> bool:
    return one is other or (
        one.plain == other.plain and one.spans == other.spans and one.style == other.style
        and (one.no_wrap, one.overflow, one.justify) == (other.no_wrap, other.overflow,
                                                          other.justify))


def _same_row(one: Row, other: Row) -> bool:
    return one.key == other.key and len(one.cells) == len(other.cells) and all(
        same_text(a, b) for a, b in zip(one.cells, other.cells, strict=True))


class RowsTable(DataTable[Text]):
    def __init__(self, *, id: str | None = None, cursor_type: str = "row",
                 zebra_stripes: bool = True) -> None:
        super().__init__(id=id, cursor_type=cursor_type,  # type: ignore[arg-type]
                         zebra_stripes=zebra_stripes)
        self._shown: list[Row] = []
        self._added = 0  # how many of the rows shown are in the DataTable yet

    def show(self, rows: Sequence[Row]) -> bool:
        """Show these rows; False when the table already showed them."""
        self._add_rest()
        rows = list(rows)
        if len(rows) == len(self._shown) and [r.key for r in rows] == [r.key for r in self._shown]:
            changed = False
            for index, (old, new) in enumerate(zip(self._shown, rows, strict=True)):
                if _same_row(old, new):
                    continue  # keeps the cells on view: the new, equal ones are let go
                cells = list(old.cells)
                for column, (was, now) in enumerate(zip(old.cells, new.cells, strict=True)):
                    if not same_text(was, now):
                        self.update_cell_at(Coordinate(index, column), now)
                        cells[column] = now
                self._shown[index] = Row(old.key, tuple(cells))
                changed = True
            return changed
        cursor = self.cursor_coordinate
        self.clear()
        # Equal cells share one Text: a 400-row plan repeats its statuses, dates
        # and owners, and a kept screen holds its rows for as long as the session
        # is open. Neither DataTable nor this table ever changes a cell in place.
        shared: dict[Hashable, Text] = {}
        self._shown = [Row(row.key, tuple(shared.setdefault(_shown_as(cell), cell)
                                          for cell in row.cells)) for row in rows]
        self._added = 0
        self._add_rows(max(FIRST_ROWS, cursor.row + 1))
        if self._added < len(self._shown):
            self.call_after_refresh(self._add_rest)
        if self._shown:
            self.cursor_coordinate = Coordinate(min(cursor.row, len(rows) - 1), cursor.column)
        return True

    def _add_rows(self, count: int) -> None:
        for row in self._shown[self._added:count]:
            self.add_row(*row.cells, key=row.key)
        self._added = max(self._added, min(count, len(self._shown)))

    def _add_rest(self) -> None:
        self._add_rows(len(self._shown))

    def move_cursor(self, *, row: int | None = None, column: int | None = None,
                    animate: bool = False, scroll: bool = True) -> None:
        if row is not None and row >= self._added:
            self._add_rest()
        super().move_cursor(row=row, column=column, animate=animate, scroll=scroll)
