"""The gap table of STAP 1: per service, per partner, or per kind of organisation.

Shortfalls read without colour: a ▲ and a horizontal bar per gap. Sorted with
the largest shortfall first; any column sorts (a key, or a click on its header).
The numbers come from `regionet_tui.core.stap1_gaps`; this widget only shows them.
"""

from __future__ import annotations

from typing import Any, Literal

from rich.text import Text
from textual import on
from textual.widgets import DataTable

from regionet_tui.core import stap1_gaps
from regionet_tui.core.stap1_gaps import GapRow, GroupRow
from regionet_tui.i18n import t
from regionet_tui.models import Session

View = Literal["service", "partner", "group"]
VIEWS: tuple[View, ...] = ("service", "partner", "group")
TEXT_COLUMNS = {"label", "outlier_label", "widest"}


def number(value: float | None) -> str:
    if value is None:
        return t("stap1_gaps.none")
    return f"{value:.1f}".replace("-", "−").replace(".", t("stap1_gaps.decimal"))


def gap_text(value: float | None, shortfall: bool, *, with_bar: bool = True) -> Text:
    if value is None:
        return Text(t("stap1_gaps.none"), style="dim")
    if not shortfall:
        return Text(f"  {number(value)}")
    shown = f"{t('stap1_gaps.shortfall')} +{number(value)}"
    if with_bar:
        shown = f"{shown} {stap1_gaps.bar(value)}"
    return Text(shown, style="bold")


def _signed(value: int) -> str:
    return f"{value:+d}".replace("-", "−") if value else "0"


class GapTable(DataTable[Text]):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.view: View = "service"
        self.sort_column = "gap"
        self.descending = True
        self._session: Session | None = None
        self._shown: dict[str, GapRow | GroupRow] = {}

    # -- attributes down ------------------------------------------------------------------
    def show(self, session: Session) -> None:
        self._session = session
        self._render_rows()

    def next_view(self) -> None:
        self.view = VIEWS[(VIEWS.index(self.view) + 1) % len(VIEWS)]
        self.sort_column, self.descending = ("difference" if self.view == "group" else "gap",
                                             True)
        self._render_rows()

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

    @on(DataTable.HeaderSelected)
    def _header_clicked(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        self._sort_by(str(event.column_key.value))

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
            ("offered", t("stap1_gaps.col_offered")),
            ("wanted", t("stap1_gaps.col_wanted")),
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
        self.clear(columns=True)
        for key, label in columns:
            marker = ""
            if key == self.sort_column:
                marker = " " + self._direction_name()
            width = 20 if key == "label" else (17 if key == "gap" else None)
            self.add_column(Text(label + marker), key=key, width=width)
        self._shown = {}
        if self.view == "group":
            for group_row in stap1_gaps.sort_rows(stap1_gaps.by_group(session), self.sort_column,
                                            self.descending):
                self._shown[group_row.key] = group_row
                self.add_row(*self._group_cells(group_row), key=group_row.key)
        else:
            by = stap1_gaps.by_service if self.view == "service" else stap1_gaps.by_partner
            found = by(session)
            for row in stap1_gaps.sort_rows(found, self.sort_column, self.descending):
                self._shown[row.key] = row
                self.add_row(*self._cells(row), key=row.key)
        self.border_title = self.caption()

    # -- who differs, for the highlighted row (the column may be off screen at 80x24) ------
    def current_description(self) -> str:
        rows = list(self._shown.values())
        if not rows or not 0 <= self.cursor_row < len(rows):
            return ""
        return self.describe(rows[self.cursor_row])

    def describe(self, row: GapRow | GroupRow) -> str:
        if isinstance(row, GroupRow):
            known = {str(g): r.gap for g, r in row.gaps.items() if r.gap is not None}
            if row.widest is None:
                return t("stap1_gaps.nobody_differs", label=row.label)
            return t("stap1_gaps.widest_detail", label=row.label,
                     group=stap1_gaps.group_name(row.widest), gap=number(known[row.widest]),
                     others=number(stap1_gaps.others_mean(known, row.widest)))
        if row.outlier is None:
            return t("stap1_gaps.nobody_differs", label=row.label)
        values = {key: float(gap) for key, gap in row.per_item.items()}
        return t("stap1_gaps.outlier_detail", label=row.label, outlier=row.outlier_label,
                 gap=number(values[row.outlier]),
                 others=number(stap1_gaps.others_mean(values, row.outlier)))

    @staticmethod
    def _cells(row: GapRow) -> list[Text]:
        spread = t("stap1_gaps.none")
        if row.gap_min is not None and row.gap_max is not None:
            spread = f"{_signed(row.gap_min)}…{_signed(row.gap_max)}"
        return [
            Text(row.label), gap_text(row.gap, row.shortfall),
            Text(number(row.mean_current)), Text(number(row.mean_desired)),
            Text(f"{row.offered}/{row.count}"), Text(f"{row.wanted}/{row.count}"),
            Text(spread), Text(number(row.disagreement)), Text(row.outlier_label),
        ]

    def _group_cells(self, row: GroupRow) -> list[Text]:
        cells = [Text(row.label)]
        for group in self._groups():
            found = row.gaps.get(group)
            cells.append(gap_text(found.gap, found.shortfall, with_bar=False) if found
                         else Text(t("stap1_gaps.none")))
        cells.append(Text(number(row.difference)))
        cells.append(Text(stap1_gaps.group_name(row.widest) if row.widest else ""))
        return cells
