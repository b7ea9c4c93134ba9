"""The timeline of the transition plan, laid out as text. No textual in here.

API (used by the STAP 5 screen and by the report):

    layout(milestones, today, scale="month") -> Timeline
        Lays the milestones out over whole months or quarters, from the period
        holding the earliest date (or today) to the one holding the latest.
    Timeline.lines(label_width) -> list[str]
        The whole chart as plain text: two header lines, then one line per
        milestone (label column of `label_width` cells, a space, the bars).
    Timeline.header -> (year line, period line); Timeline.rows -> TimelineRow
        per milestone with its `bar` (one character per chart cell), `late`
        and `marker` ("!" late, "✓" done, "▶" in progress, "·" planned).

Meaning never rests on colour: bars are drawn with a character per status
(`FILL`), a late milestone gets "!" in front of its label and right after
its bar, and today is a column: "▼" in the header and "│" in empty cells.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import MAXYEAR, date, timedelta
from typing import Literal

from rich.cells import cell_len

from ..i18n import t
from ..models.stap5 import Milestone, MilestoneStatus

Scale = Literal["month", "quarter"]

# A quarter is named with its year ("K1'27"), so a chart that spans years reads
# without looking up at the year line.
CELL_WIDTH: dict[Scale, int] = {"month": 4, "quarter": 6}
FILL: dict[MilestoneStatus, str] = {"planned": "░", "in_progress": "▓", "done": "█",
                                    "late": "▓"}
MARKERS = {"late": "!", "done": "✓", "in_progress": "▶", "planned": "·"}
POINT = "◆"  # a milestone with only one date
TODAY_HEAD = "▼"
TODAY_LINE = "│"
LATE_TAIL = "!"


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive
    label: str  # "sep" or "K3'26"
    year: int


@dataclass(frozen=True)
class TimelineRow:
    milestone_id: str
    title: str
    status: MilestoneStatus
    late: bool
    bar: str  # exactly Timeline.width characters
    dated: bool

    @property
    def marker(self) -> str:
        if self.late:
            return MARKERS["late"]
        return MARKERS.get(self.status, MARKERS["planned"])


@dataclass(frozen=True)
class Timeline:
    scale: Scale
    today: date
    periods: tuple[Period, ...]
    cell_width: int
    today_column: int | None  # chart column of today, None when outside the chart
    header: tuple[str, str]
    rows: tuple[TimelineRow, ...]

    @property
    def width(self) -> int:
        return len(self.periods) * self.cell_width

    def lines(self, label_width: int = 24) -> list[str]:
        blank = " " * label_width
        lines = [f"{blank} {self.header[0]}", f"{blank} {self.header[1]}"]
        for row in self.rows:
            lines.append(f"{row_label(row, label_width)} {row.bar}")
        return lines


def is_late(milestone: Milestone, today: date) -> bool:
    """Late: marked late, or its deadline has passed and it is not done."""
    if milestone.status == "late":
        return True
    return (milestone.status != "done" and milestone.deadline is not None
            and milestone.deadline < today)


def row_label(row: TimelineRow, width: int) -> str:
    """Marker, space and title, cut with "…" or padded to exactly `width` cells."""
    text = f"{row.marker} {row.title}"
    if cell_len(text) > width:
        while cell_len(text) > width - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (width - cell_len(text))


def _period_start(day: date, scale: Scale) -> date:
    month = day.month if scale == "month" else 3 * ((day.month - 1) // 3) + 1
    return date(day.year, month, 1)


def _next_period(start: date, scale: Scale) -> date | None:
    """The first day of the period after the one `start` begins; None when the
    calendar ends before it (the models keep dates far from that end)."""
    months = 1 if scale == "month" else 3
    month = start.month - 1 + months
    year = start.year + month // 12
    if year > MAXYEAR:
        return None
    return date(year, month % 12 + 1, 1)


def _periods(first: date, last: date, scale: Scale) -> tuple[Period, ...]:
    periods = []
    start: date | None = _period_start(first, scale)
    while start is not None and start <= last:
        following = _next_period(start, scale)
        if scale == "month":
            label = t(f"stap5_timeline.month.{start.month}")
        else:
            label = t("stap5_timeline.quarter", n=(start.month - 1) // 3 + 1,
                      year=f"{start.year % 100:02d}")
        end = following - timedelta(days=1) if following is not None else date.max
        periods.append(Period(start, end, label, start.year))
        start = following
    return tuple(periods)


def _column(day: date, periods: tuple[Period, ...], cell_width: int) -> int | None:
    for index, period in enumerate(periods):
        if period.start <= day <= period.end:
            length = (period.end - period.start).days + 1
            offset = (day - period.start).days * cell_width // length
            return index * cell_width + offset
    return None


def _header(periods: tuple[Period, ...], cell_width: int,
            today_column: int | None) -> tuple[str, str]:
    """The year line and the line of period labels.

    A year is named where it begins; when "▼" falls on it, the year moves to
    just right of the marker, or is left out if it would then run into the
    next year's name or past the end.
    """
    width = len(periods) * cell_width
    years = [" "] * width
    labels = [" "] * width
    if today_column is not None:
        years[today_column] = TODAY_HEAD
    starts = [i * cell_width for i, p in enumerate(periods)
              if i == 0 or p.year != periods[i - 1].year]
    for number, start in enumerate(starts):
        text = str(periods[start // cell_width].year)
        left = start
        if today_column is not None and left <= today_column < left + len(text):
            left = today_column + 1
        limit = starts[number + 1] if number + 1 < len(starts) else width
        if left + len(text) <= limit:
            years[left: left + len(text)] = list(text)
    for index, period in enumerate(periods):
        for offset, char in enumerate(period.label[: cell_width - 1]):
            labels[index * cell_width + offset] = char
    return "".join(years), "".join(labels)


def _bar(milestone: Milestone, late: bool, periods: tuple[Period, ...], cell_width: int,
         today_column: int | None) -> tuple[str, bool]:
    width = len(periods) * cell_width
    cells = [" "] * width
    begin = milestone.start or milestone.deadline
    end = milestone.deadline or milestone.start
    dated = begin is not None and end is not None
    if begin is not None and end is not None:
        first = _column(begin, periods, cell_width)
        last = _column(end, periods, cell_width)
        if first is not None and last is not None:
            if milestone.start is None or milestone.deadline is None:
                cells[first] = POINT
            else:
                for column in range(first, last + 1):
                    cells[column] = FILL[milestone.status]
            if late and last + 1 < width:
                cells[last + 1] = LATE_TAIL
    if today_column is not None and cells[today_column] == " ":
        cells[today_column] = TODAY_LINE
    return "".join(cells), dated


def _sort_key(milestone: Milestone) -> tuple[int, date]:
    first = milestone.start or milestone.deadline
    return (0, first) if first is not None else (1, date.max)


def layout(milestones: Iterable[Milestone], today: date, scale: Scale = "month") -> Timeline:
    """Lay out the milestones, earliest first; undated ones last, without a bar.

    A milestone whose start lies after its deadline is drawn from deadline to
    start (the models and dialogs refuse such input; a damaged import stays
    readable).
    """
    ordered = sorted(milestones, key=_sort_key)
    dates = [today]
    for milestone in ordered:
        dates.extend(d for d in (milestone.start, milestone.deadline) if d is not None)
    periods = _periods(min(dates), max(dates), scale)
    cell_width = CELL_WIDTH[scale]
    today_column = _column(today, periods, cell_width)
    rows = []
    for milestone in ordered:
        late = is_late(milestone, today)
        fixed = milestone
        if milestone.start and milestone.deadline and milestone.start > milestone.deadline:
            fixed = milestone.model_copy(update={"start": milestone.deadline,
                                                 "deadline": milestone.start})
        bar, dated = _bar(fixed, late, periods, cell_width, today_column)
        rows.append(TimelineRow(milestone.id, milestone.title, milestone.status, late, bar,
                                dated))
    return Timeline(scale, today, periods, cell_width, today_column,
                    _header(periods, cell_width, today_column), tuple(rows))
