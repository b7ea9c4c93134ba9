"""The key grammar of the STAP 1 score grid: what each key does to which cell.

The grid shows one partner's scores, a row per service; its columns are the
service, offered, quality, wanted, desired quality, financing and note. It has
two modes, and the screen always says which one is on:

- viewing (the mode it opens in): the arrows move the cursor, and every other
  key belongs to the screen, so a digit goes to that stage. Nothing here ever
  changes a score.
- entry (`e` or Enter; Esc leaves it): typed keys fill the cell under the
  cursor and move on, so a partner's eight services take about four keys
  each. j/y and n answer offered and wanted; a digit 1-9 is a quality and 0
  is a 10. "Not offered" skips the quality cell and "not wanted" the desired
  one. A 1 is stored at once and waits for one more key: 0 makes it 10,
  another digit (11-19) is refused and puts back what the cell held, and
  ⌫ takes it back; anything else leaves the 1 and is handled as usual.

A key that moves the cursor, changes partner or leaves a mode never changes
a score: only a typed value does, and it belongs to the cell, and so to the
partner, it was typed for. A key that does not fit the cell is refused with
a message, and nothing is stored.

`GridKeys` holds the state (rows, cursor, mode, a waiting 1) and answers every
key with an `Outcome`: the values to save and any refusal. It knows no
terminal; the widget draws it and the screen saves what it reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..i18n import t
from ..models.stap1 import Score
from .stap1 import ScoreField, changed_score

SERVICE, OFFERED, QUALITY, WANTED, DESIRED, FINANCING, NOTE = range(7)
FIELD_OF: dict[int, ScoreField] = {OFFERED: "offered", QUALITY: "quality", WANTED: "wanted",
                                   DESIRED: "desired"}
YES_KEYS = frozenset("jy")
NO_KEYS = frozenset("n")


@dataclass(frozen=True)
class Cell:
    row: int
    column: int


@dataclass(frozen=True)
class Row:
    service_id: str
    score: Score


@dataclass(frozen=True)
class Entry:
    """One value typed into one cell of one service (None: cleared)."""

    service_id: str
    field: ScoreField
    value: bool | int | None


@dataclass
class Outcome:
    """What one key did: `taken` when it was the grid's (it goes no further),
    the values to save, in order, and the message of a refused key."""

    taken: bool = False
    entries: list[Entry] = field(default_factory=list)
    refusal: str | None = None


class GridKeys:
    """The cursor, the mode and the scores on view, changed only by keys."""

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.cursor = Cell(0, OFFERED)
        self.entering = False
        self.pending: Cell | None = None  # a 1 just typed, which a 0 makes 10
        self._before_pending = Score()  # the score of that row before the 1

    # -- the rows -----------------------------------------------------------------------
    def load(self, rows: list[Row], *, keep_cursor: bool = True) -> None:
        """Show these rows (another partner, or the same after a change)."""
        old = self.cursor if keep_cursor else Cell(0, OFFERED)
        self.rows = list(rows)
        self.pending = None
        self.cursor = Cell(min(old.row, max(len(self.rows) - 1, 0)), max(old.column, OFFERED))

    def set_score(self, service_id: str, score: Score) -> int | None:
        """The saved score of one service; the index of its row when it changed."""
        for index, row in enumerate(self.rows):
            if row.service_id == service_id and row.score != score:
                self.rows[index] = Row(service_id, score)
                return index
        return None

    def value_at(self, cell: Cell) -> bool | int | None:
        score = self.rows[cell.row].score
        return getattr(score, FIELD_OF[cell.column]) if cell.column in FIELD_OF else None

    # -- modes --------------------------------------------------------------------------
    def enter(self) -> None:
        self.entering = True
        if self.cursor.column not in FIELD_OF:
            self.cursor = Cell(self.cursor.row, OFFERED)

    def leave(self) -> None:
        self.entering = False
        self.pending = None

    def end_pending(self) -> None:
        """The facilitator went elsewhere (a dialog, a click): a waiting 1 stays a 1."""
        self.pending = None

    # -- moving: never a change ----------------------------------------------------------
    def move_to(self, row: int | None = None, column: int | None = None) -> None:
        """Put the cursor on a cell (clamped to the grid); a waiting 1 stays a 1."""
        self.pending = None
        if not self.rows:
            return
        self.cursor = Cell(
            min(max(self.cursor.row if row is None else row, 0), len(self.rows) - 1),
            min(max(self.cursor.column if column is None else column, SERVICE), NOTE),
        )

    def move(self, rows: int, columns: int) -> None:
        self.move_to(self.cursor.row + rows, self.cursor.column + columns)

    # -- typing --------------------------------------------------------------------------
    def type(self, char: str, *, screen_takes: bool = False) -> Outcome:
        """A printable key. In the viewing mode only a refusal: the key is the
        screen's (`screen_takes`) or a hint that scores need the entry mode."""
        if not self.rows:
            return Outcome()
        lower = char.lower()
        scoring = lower in YES_KEYS | NO_KEYS or char.isdigit()
        if not self.entering:
            if screen_takes or not scoring:
                return Outcome()
            return Outcome(True, refusal=t("stap1.refused_viewing", key=char))
        outcome = Outcome(True)
        if self.pending is not None and self._settle_pending(char, outcome):
            return outcome
        column = OFFERED if self.cursor.column == SERVICE else self.cursor.column
        here = Cell(self.cursor.row, column)
        if column in (OFFERED, WANTED):
            if lower in YES_KEYS | NO_KEYS:
                self._store(here, lower in YES_KEYS, outcome)
                self._advance(here, lower in YES_KEYS)
            elif screen_takes and not char.isdigit():
                outcome.taken = False
            else:
                outcome.refusal = t("stap1.refused_yesno", key=char)
        elif column in (QUALITY, DESIRED):
            if char == "1":
                self._before_pending = self.rows[here.row].score
                self._store(here, 1, outcome)
                self.cursor, self.pending = here, here
            elif char.isdigit():
                self._store(here, int(char) or 10, outcome)
                self._advance(here, int(char) or 10)
            elif screen_takes and lower not in YES_KEYS | NO_KEYS:
                outcome.taken = False
            else:
                outcome.refusal = t("stap1.refused_quality", key=char)
        elif scoring:
            outcome.refusal = t("stap1.refused_column")
        else:
            outcome.taken = False
        return outcome

    def _settle_pending(self, char: str, outcome: Outcome) -> bool:
        """The key after a 1; True when it was used up settling it."""
        cell, self.pending = self.pending, None
        assert cell is not None
        if char == "0":
            self._store(cell, 10, outcome)
            self._advance(cell, 10)
            return True
        if char.isdigit():
            self._put_back(cell, outcome)
            outcome.refusal = t("stap1.refused_range", value=f"1{char}")
            return True
        self._advance(cell, 1)  # the 1 stands; the key is for the next cell
        return False

    def confirm(self) -> Outcome:
        """Enter in the entry mode: a waiting 1 stands; else on to the next cell."""
        if not self.rows:
            return Outcome()
        if self.pending is not None:
            cell, self.pending = self.pending, None
            self._advance(cell, 1)
        elif self.cursor.column in FIELD_OF:
            self.move(0, 1)
        return Outcome(True)

    def clear(self) -> Outcome:
        """⌫ in the entry mode: take back a waiting 1, else empty the cell."""
        outcome = Outcome(True)
        if not self.rows:
            return outcome
        if not self.entering:
            outcome.refusal = t("stap1.refused_viewing", key="⌫")
            return outcome
        if self.pending is not None:
            cell, self.pending = self.pending, None
            self._put_back(cell, outcome)
            return outcome
        if self.cursor.column in FIELD_OF and self.value_at(self.cursor) is not None:
            self._store(self.cursor, None, outcome)
        return outcome

    # -- storing -------------------------------------------------------------------------
    def _store(self, cell: Cell, value: bool | int | None, outcome: Outcome) -> None:
        row = self.rows[cell.row]
        name = FIELD_OF[cell.column]
        self.rows[cell.row] = Row(row.service_id, changed_score(row.score, {name: value}))
        outcome.entries.append(Entry(row.service_id, name, value))

    def _put_back(self, cell: Cell, outcome: Outcome) -> None:
        """The cell, and the flag the 1 set with it, as they were before the 1."""
        quality = FIELD_OF[cell.column]
        flag = FIELD_OF[cell.column - 1]
        for name, column in ((quality, cell.column), (flag, cell.column - 1)):
            before = getattr(self._before_pending, name)
            if getattr(self.rows[cell.row].score, name) != before:
                self._store(Cell(cell.row, column), before, outcome)
        self.cursor = cell

    def _advance(self, cell: Cell, value: bool | int) -> None:
        """Go on to the next cell to type in, skipping a quality "no" made meaningless."""
        column = cell.column + 1
        if cell.column == OFFERED and value is False:
            column = WANTED
        if column > DESIRED or (cell.column == WANTED and value is False):
            if cell.row + 1 < len(self.rows):
                self.cursor = Cell(cell.row + 1, OFFERED)
            else:
                self.cursor = cell
            return
        self.cursor = Cell(cell.row, column)
