"""STAP 5: the transition plan: its timeline, and the milestones in order of date."""

from __future__ import annotations

from rich.cells import cell_len

from ...core.stap5_timeline import Timeline, is_late, layout
from ...models import Session
from ..blocks import Block, Cell, Drawing, Paragraph, Section, Table
from ..labels import Labels
from .stap6 import MAX_WIDTH

# Past this many characters the chart is drawn by quarter instead of by month.
MAX_CHART_WIDTH = 72
LABEL_WIDTH = 28  # the least room for the names, however wide the chart


def _label_width(chart: Timeline) -> int:
    """Room for every name whole, as long as the lines stay as wide as the
    flowchart may be; past that the names are cut, but never below LABEL_WIDTH."""
    longest = max((cell_len(f"{row.marker} {row.title}") for row in chart.rows), default=0)
    return min(longest, max(LABEL_WIDTH, MAX_WIDTH - 1 - chart.width))


def _timeline(session: Session, labels: Labels) -> Timeline:
    chart = layout(session.plan.milestones, labels.today, "month")
    if chart.width > MAX_CHART_WIDTH:
        chart = layout(session.plan.milestones, labels.today, "quarter")
    return chart


def section(session: Session, labels: Labels) -> Section:
    t = labels.t
    title = t("report.stap5.title")
    milestones = session.plan.milestones
    if not milestones:
        return Section("stap5", title, [Paragraph(t("report.empty"), note=True)])
    chart = _timeline(session, labels)
    by_id = {m.id: m for m in milestones}
    rows: list[list[Cell]] = []
    for row in chart.rows:
        milestone = by_id[row.milestone_id]
        status = labels.choice("milestone", "late" if is_late(milestone, labels.today)
                               else milestone.status)
        rows.append([
            milestone.title, milestone.phase or "–", labels.partner(milestone.owner),
            labels.day(milestone.start), labels.day(milestone.deadline), status,
            ", ".join(by_id[d].title if d in by_id else d for d in milestone.depends_on) or "–",
        ])
    blocks: list[Block] = [
        Drawing(chart.lines(_label_width(chart))),
        Paragraph(t("report.stap5.legend", today=labels.day(labels.today))),
        Table([t("report.stap5.milestone"), t("report.stap5.phase"), t("report.stap5.owner"),
               t("report.stap5.start"), t("report.stap5.deadline"), t("report.stap5.status"),
               t("report.stap5.depends")], rows, nowrap=frozenset({3, 4, 5})),
    ]
    return Section("stap5", title, blocks)
