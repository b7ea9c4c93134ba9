"""The gap table of STAP 1: per service, per partner, or per kind of organisation.

Shortfalls read without colour: a ▲ and a horizontal bar per gap. Sorted with
the largest shortfall first; any column sorts (a key, or a click on its header).
The numbers come from `regionet_tui.core.stap1_gaps`; this widget only shows them.

At 80 columns every column that tells the story stays on screen: name, gap with
its bar, now and desired, min…max, disagreement and who differs most, one blank
apart. Names give way (cut with "…") before any number does, and the detail line
under the table says the highlighted row in full, with how many partners offer
and want it (those counts live there, not in a column). Rows are computed once
per key and drawn only when on screen (the line-API table base), never measured
through Rich.
"""

from __future__ import annotations

from typing import ClassVar, Literal, NamedTuple

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType

from regionet_tui.core import stap1_gaps
from regionet_tui.core.stap1_gaps import GapRow, GroupRow
from regionet_tui.i18n import t
from regionet_tui.models import Session

from .line_table import Column, LineTable, Row

View = Literal["service", "partner", "group"]
VIEWS: tuple[View, ...] = ("service", "partner", "group")
TEXT_COLUMNS = {"label", "outlier_label", "widest"}
# How narrow a name column may get when the table is narrower than its content.
MIN_NAME = {"label": 12, "outlier_label": 12, "widest": 8}


class Numbers(NamedTuple):
    """How numbers read in the current language, looked up once per table: a
    region's table has thousands of them."""

    none: str
    decimal: str
    shortfall: str

    @classmethod
    def now(cls) -> Numbers:
        return cls(t("stap1_gaps.none"), t("stap1_gaps.decimal"), t("stap1_gaps.shortfall"))

    def number(self, value: float | None) -> str:
        if value is None:
            return self.none
        return f"{value:.1f}".replace("-", "−").replace(".", self.decimal)

    def gap_text(self, row: GapRow, *, with_bar: bool = True) -> Text:
        """The gap as the row adds up (shown desired − shown current); the bar
        shows the exact gap, as the sorting uses it."""
        value = row.shown_gap
        if value is None:
            return Text(self.none, style="dim")
        if not row.shortfall:
            return Text(f"  {self.number(value)}")
        shown = f"{self.shortfall} +{self.number(value)}"
        if with_bar:
            shown = f"{shown} {stap1_gaps.bar(row.gap)}"
        return Text(shown, style="bold")


def number(value: float | None) -> str:
    return Numbers.now().number(value)


def _signed(value: int) -> str:
    return f"{value:+d}".replace("-", "−") if value else "0"


class GapTable(LineTable):
    # Esc goes back to the score grid (the STAP 1 screen's action): the table's own
    # key, so the footer says where it goes rather than "Sessions".
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "screen.back_to_grid", "stap1.key_to_grid"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True, right_padding=0)
        self.view: View = "service"
        self.sort_column = "gap"
        self.descending = True
        self._session: Session | None = None
        self._shown: dict[str, GapRow | GroupRow] = {}

    # -- attributes down ------------------------------------------------------------------
    def show_session(self, session: Session) -> None:
        """Compute the rows of the current view from `session` and show them."""
        self._session = session
        self._render_rows()

    def next_view(self) -> None:
        """The next view, sorted by its main column; the caller shows the session
        again (once: `show` computes and draws the rows)."""
        self.view = VIEWS[(VIEWS.index(self.view) + 1) % len(VIEWS)]
        self.sort_column, self.descending = ("difference" if self.view == "group" else "gap",
                                             True)

    def next_sort(self) -> None:
        keys = [key for key, _ in self._columns()]
        column = keys[(keys.index(self.sort_column) + 1) % len(keys)]
        self._sort_by(column)

    def flip_direction(self) -> None:
        self.descending = not self.descending
        self._render_rows()

    def _sort_by(self, column: str) -> None:
        if column == self.sort_column:
            self.descending = not self.descending
        else:
            self.sort_column, self.descending = column, column not in TEXT_COLUMNS
        self._render_rows()

    @on(LineTable.HeaderSelected)
    def _header_clicked(self, event: LineTable.HeaderSelected) -> None:
        event.stop()
        self._sort_by(event.column_key)

    # -- columns and rows -----------------------------------------------------------------
    def _columns(self) -> list[tuple[str, str]]:
        if self.view == "group":
            present = self._groups()
            return [("label", t("stap1_gaps.col_service")),
                    *((f"gap:{g}", stap1_gaps.group_name(g)) for g in present),
                    ("difference", t("stap1_gaps.col_difference")),
                    ("widest", t("stap1_gaps.col_widest"))]
        per_service = self.view == "service"
        return [
            ("label", t("stap1_gaps.col_service") if per_service else t("stap1_gaps.col_partner")),
            ("gap", t("stap1_gaps.col_gap")),
            ("mean_current", t("stap1_gaps.col_current")),
            ("mean_desired", t("stap1_gaps.col_desired")),
            ("spread", t("stap1_gaps.col_spread")),
            ("disagreement", t("stap1_gaps.col_disagreement")),
            ("outlier_label", t("stap1_gaps.col_outlier_partner") if per_service
             else t("stap1_gaps.col_outlier_service")),
        ]

    def _groups(self) -> list[stap1_gaps.Group]:
        session = self._session
        kinds = {stap1_gaps.group_of(p.kind) for p in session.partners} if session else set()
        return [g for g in stap1_gaps.GROUPS if g in kinds]

    def _direction_name(self) -> str:
        return t("stap1_gaps.descending") if self.descending else t("stap1_gaps.ascending")

    def caption(self) -> str:
        names = dict(self._columns())
        return t("stap1_gaps.sorted", view=t(f"stap1_gaps.view_{self.view}"),
                 column=names.get(self.sort_column, ""),
                 direction=self._direction_name())

    def _render_rows(self) -> None:
        session = self._session
        if session is None:
            return
        columns = self._columns()
        if self.sort_column not in dict(columns):
            self.sort_column, self.descending = columns[1][0], True
        numbers = Numbers.now()
        shown: list[Column] = []
        for key, label in columns:
            marker = ""
            if key == self.sort_column:
                marker = " " + self._direction_name()
            shown.append(Column(key, Text(label + marker), None, min_width=MIN_NAME.get(key)))
        if [(c.key, c.label.plain) for c in shown] != [
                (c.key, c.label.plain) for c in self.columns.values()]:
            self.set_columns(shown)
        self._shown = {}
        rows: list[Row] = []
        if self.view == "group":
            groups = self._groups()
            for group_row in stap1_gaps.sort_rows(stap1_gaps.by_group(session), self.sort_column,
                                            self.descending):
                self._shown[group_row.key] = group_row
                rows.append(Row(group_row.key, self._group_cells(group_row, groups, numbers)))
        else:
            by = stap1_gaps.by_service if self.view == "service" else stap1_gaps.by_partner
            found = by(session)
            for row in stap1_gaps.sort_rows(found, self.sort_column, self.descending):
                self._shown[row.key] = row
                rows.append(Row(row.key, self._cells(row, numbers)))
        self.show(rows)
        self.border_title = self.caption()

    # -- the highlighted row in full: who differs, who offers and wants it ----------------
    def current_description(self) -> str:
        rows = list(self._shown.values())
        if not rows or not 0 <= self.cursor_row < len(rows):
            return ""
        return self.describe(rows[self.cursor_row])

    def describe(self, row: GapRow | GroupRow) -> str:
        if isinstance(row, GroupRow):
            return self._describe_group(row)
        counts = t("stap1_gaps.counts", offered=f"{row.offered}/{row.count}",
                   wanted=f"{row.wanted}/{row.count}")
        return f"{self._describe_outlier(row)} · {counts}"

    @staticmethod
    def _describe_group(row: GroupRow) -> str:
        known = {str(g): r.gap for g, r in row.gaps.items() if r.gap is not None}
        if row.widest is None:
            return t("stap1_gaps.nobody_differs", label=row.label)
        return t("stap1_gaps.widest_detail", label=row.label,
                 group=stap1_gaps.group_name(row.widest), gap=number(known[row.widest]),
                 others=number(stap1_gaps.others_mean(known, row.widest)))

    @staticmethod
    def _describe_outlier(row: GapRow) -> str:
        if row.outlier is None:
            return t("stap1_gaps.nobody_differs", label=row.label)
        values = {key: float(gap) for key, gap in row.per_item.items()}
        return t("stap1_gaps.outlier_detail", label=row.label, outlier=row.outlier_label,
                 gap=number(values[row.outlier]),
                 others=number(stap1_gaps.others_mean(values, row.outlier)))

    @staticmethod
    def _cells(row: GapRow, numbers: Numbers) -> tuple[str | Text, ...]:
        spread = numbers.none
        if row.gap_min is not None and row.gap_max is not None:
            spread = f"{_signed(row.gap_min)}…{_signed(row.gap_max)}"
        return (
            row.label, numbers.gap_text(row),
            numbers.number(row.shown_current), numbers.number(row.shown_desired),
            spread, numbers.number(row.disagreement), row.outlier_label,
        )

    @staticmethod
    def _group_cells(row: GroupRow, groups: list[stap1_gaps.Group], numbers: Numbers
                     ) -> tuple[str | Text, ...]:
        cells: list[str | Text] = [row.label]
        for group in groups:
            found = row.gaps.get(group)
            cells.append(numbers.gap_text(found, with_bar=False) if found
                         else numbers.none)
        cells.append(numbers.number(row.difference))
        cells.append(stap1_gaps.group_name(row.widest) if row.widest else "")
        return tuple(cells)
