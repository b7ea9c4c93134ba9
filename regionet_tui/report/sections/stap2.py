"""STAP 2: the starting situation of every partner."""

from __future__ import annotations

from ...models import Session
from ...models.stap2 import CAPACITY_AREAS
from ..blocks import Block, Cell, Heading, Paragraph, Section, Table
from ..labels import Labels


def section(session: Session, labels: Labels) -> Section:
    t = labels.t
    title = t("report.stap2.title")
    start = session.start.partners
    filled = [p for p in session.partners if p.id in start]
    if not filled:
        return Section("stap2", title, [Paragraph(t("report.empty"), note=True)])
    blocks: list[Block] = []
    for partner in filled:
        situation = start[partner.id]
        blocks.append(Heading(partner.name))
        rows: list[list[Cell]] = []
        for area in CAPACITY_AREAS:
            item = situation.capacity.get(area)
            if item is None or (item.assessment is None and not item.text):
                continue
            rows.append([t(f"report.capacity.{area}"),
                         labels.choice("assessment", item.assessment), item.text or "–"])
        if rows:
            blocks.append(Table([t("report.stap2.area"), t("report.stap2.assessment"),
                                 t("report.stap2.explanation")], rows))
        if situation.goals:
            blocks.append(Paragraph(t("report.stap2.goals", goals=situation.goals)))
    return Section("stap2", title, blocks)
