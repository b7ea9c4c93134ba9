"""STAP 5: the transition plan: its timeline, and the milestones in order of date."""

from __future__ import annotations

from ...core.stap5_timeline import Timeline, is_late, layout
from ...models import Session
from ..blocks import Block, Cell, Drawing, Paragraph, Section, Table
from ..labels import Labels

# Past this many characters the chart is drawn by quarter instead of by month.
MAX_CHART_WIDTH = 72
LABEL_WIDTH = 28


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
        Drawing(chart.lines(LABEL_WIDTH)),
        Paragraph(t("report.stap5.legend", today=labels.day(labels.today))),
        Table([t("report.stap5.milestone"), t("report.stap5.phase"), t("report.stap5.owner"),
               t("report.stap5.start"), t("report.stap5.deadline"), t("report.stap5.status"),
               t("report.stap5.depends")], rows, nowrap=frozenset({3, 4, 5})),
    ]
    return Section("stap5", title, blocks)
