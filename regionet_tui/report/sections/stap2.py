"""STAP 2: the starting situation of every partner."""

from __future__ import annotations

from ...models import Session
from ...models.stap2 import CAPACITY_AREAS, PartnerStart
from ..blocks import Block, Cell, Heading, Paragraph, Section, Table
from ..labels import Labels


def _rows(situation: PartnerStart, labels: Labels) -> list[list[Cell]]:
    t = labels.t
    rows: list[list[Cell]] = []
    for area in CAPACITY_AREAS:
        item = situation.capacity.get(area)
        if item is None or (item.assessment is None and not item.text):
            continue
        rows.append([t(f"report.capacity.{area}"),
                     labels.choice("assessment", item.assessment), item.text or "–"])
    return rows


def section(session: Session, labels: Labels) -> Section:
    """Every partner under its own heading; one with nothing filled in says so."""
    t = labels.t
    title = t("report.stap2.title")
    start = session.start.partners
    found = {p.id: (_rows(start[p.id], labels), start[p.id].goals)
             for p in session.partners if p.id in start}
    if not any(rows or goals for rows, goals in found.values()):
        return Section("stap2", title, [Paragraph(t("report.empty"), note=True)])
    blocks: list[Block] = []
    for partner in session.partners:
        rows, goals = found.get(partner.id, ([], ""))
        blocks.append(Heading(partner.name))
        if rows:
            blocks.append(Table([t("report.stap2.area"), t("report.stap2.assessment"),
                                 t("report.stap2.explanation")], rows))
        if goals:
            blocks.append(Paragraph(t("report.stap2.goals", goals=goals)))
        if not rows and not goals:
            blocks.append(Paragraph(t("report.stap2.nothing"), note=True))
    return Section("stap2", title, blocks)
