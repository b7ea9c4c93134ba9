"""The timeline layout, checked against charts worked out by hand."""

from __future__ import annotations

from datetime import date

from regionet_tui import i18n
from regionet_tui.core.stap5_timeline import is_late, layout, row_label
from regionet_tui.models.stap5 import Milestone

TODAY = date(2026, 11, 15)
MILESTONES = [
    Milestone(id="d", title="Zonder datum"),
    Milestone(id="c", title="Alleen deadline", deadline=date(2026, 12, 15)),
    Milestone(id="b", title="Werving", start=date(2026, 10, 1), deadline=date(2026, 10, 31),
              status="in_progress"),
    Milestone(id="a", title="Start", start=date(2026, 9, 1), deadline=date(2026, 9, 30),
              status="done"),
]


def test_month_scale_by_hand() -> None:
    chart = layout(MILESTONES, TODAY, "month")
    assert chart.header == ("2026     ▼      ", "sep okt nov dec ")
    assert chart.width == 16
    assert chart.today_column == 9
    assert [r.milestone_id for r in chart.rows] == ["a", "b", "c", "d"]
    assert [r.bar for r in chart.rows] == [
        "████     │      ",
        "    ▓▓▓▓!│      ",
        "         │   ◆  ",
        "         │      ",
    ]
    assert [r.late for r in chart.rows] == [False, True, False, False]
    assert [r.marker for r in chart.rows] == ["✓", "!", "·", "·"]
    assert [r.dated for r in chart.rows] == [True, True, True, False]


def test_quarter_scale_by_hand() -> None:
    chart = layout(MILESTONES, TODAY, "quarter")
    assert chart.header == ("2026    ▼   ", "K3'26 K4'26 ")
    assert [r.bar for r in chart.rows] == [
        "    ██  │   ",
        "      ▓▓!   ",  # the late mark wins over the today line
        "        │ ◆ ",
        "        │   ",
    ]


def test_every_quarter_is_labelled_with_its_year() -> None:
    spanning = [Milestone(id="x", title="Lang", start=date(2026, 11, 1),
                          deadline=date(2028, 2, 1))]
    chart = layout(spanning, TODAY, "quarter")
    assert chart.header[1].split() == ["K4'26", "K1'27", "K2'27", "K3'27", "K4'27", "K1'28"]
    i18n.set_language("en")
    assert layout(spanning, TODAY, "quarter").header[1].split()[:2] == ["Q4'26", "Q1'27"]


def test_years_are_named_where_they_begin_and_english_months() -> None:
    i18n.set_language("en")
    chart = layout([Milestone(id="x", title="X", start=date(2026, 12, 1),
                              deadline=date(2027, 1, 31))], date(2026, 12, 1), "month")
    assert chart.header == ("▼   2027", "Dec Jan ")
    assert chart.rows[0].bar == "░░░░░░░░"


def test_today_outside_the_plan_widens_the_chart() -> None:
    chart = layout([Milestone(id="x", title="X", start=date(2027, 3, 1),
                              deadline=date(2027, 3, 31), status="planned")],
                   date(2027, 1, 1), "month")
    assert [p.label for p in chart.periods] == ["jan", "feb", "mrt"]
    assert chart.rows[0].bar == "│       ░░░░"


def test_late_means_marked_late_or_deadline_passed_and_not_done() -> None:
    passed = date(2026, 10, 1)
    assert is_late(Milestone(id="x", title="X", deadline=passed), TODAY)
    assert not is_late(Milestone(id="x", title="X", deadline=passed, status="done"), TODAY)
    assert is_late(Milestone(id="x", title="X", status="late"), TODAY)
    assert not is_late(Milestone(id="x", title="X", deadline=TODAY), TODAY)


def test_lines_have_a_fixed_label_column() -> None:
    chart = layout(MILESTONES, TODAY, "month")
    lines = chart.lines(label_width=10)
    assert lines[0] == " " * 10 + " " + chart.header[0]
    assert lines[3] == "! Werving  " + chart.rows[1].bar
    row = chart.rows[1]
    assert row_label(row, 6) == "! Wer…"


def test_an_empty_plan_shows_only_today() -> None:
    chart = layout([], TODAY, "month")
    assert chart.rows == ()
    assert chart.header == (" ▼  ", "nov ")
