"""STAP 5: the transition plan, its milestones in order of date."""

from __future__ import annotations

from datetime import date

from ...models import Session
from ...models.stages import Milestone
from ..blocks import Cell, Paragraph, Section, Table
from ..labels import Labels


def _order(milestone: Milestone) -> tuple[int, date]:
    first = milestone.start or milestone.deadline
    return (0, first) if first is not None else (1, date.max)


def section(session: Session, labels: Labels) -> Section:
    t = labels.t
    title = t("report.stap5.title")
    milestones = session.plan.milestones
    if not milestones:
        return Section("stap5", title, [Paragraph(t("report.empty"), note=True)])
    names = {m.id: m.title for m in milestones}
    rows: list[list[Cell]] = []
    for milestone in sorted(milestones, key=_order):
        rows.append([
            milestone.title, milestone.phase or "–", labels.partner(milestone.owner),
            labels.day(milestone.start), labels.day(milestone.deadline),
            labels.choice("milestone", milestone.status),
            ", ".join(names.get(d, d) for d in milestone.depends_on) or "–",
        ])
    return Section("stap5", title, [Table(
        [t("report.stap5.milestone"), t("report.stap5.phase"), t("report.stap5.owner"),
         t("report.stap5.start"), t("report.stap5.deadline"), t("report.stap5.status"),
         t("report.stap5.depends")], rows)])
