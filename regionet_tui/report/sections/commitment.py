"""The commitment checklist: who committed to which attitude, and why the
workshop went on without full commitment, when it did."""

from __future__ import annotations

from ...models import Session
from ...models.commitment import ATTITUDES
from ..blocks import Block, Cell, Items, Paragraph, Section, Table
from ..labels import Labels


def section(session: Session, labels: Labels) -> Section:
    t = labels.t
    title = t("report.commitment.title")
    entries = session.commitment.entries
    if not session.partners or not any(entries.get(p.id) for p in session.partners):
        return Section("commitment", title, [Paragraph(t("report.empty"), note=True)])
    marks = {True: t("report.commitment.yes"), False: t("report.commitment.no"),
             None: t("report.commitment.open")}
    rows: list[list[Cell]] = []
    notes: list[str] = []
    for partner in session.partners:
        mine = entries.get(partner.id, {})
        row: list[Cell] = [partner.name]
        for attitude in ATTITUDES:
            entry = mine.get(attitude)
            row.append(marks[entry.committed if entry else None])
            if entry is not None and entry.note:
                notes.append(t("report.commitment.note", partner=partner.name,
                               attitude=t(f"report.attitude.{attitude}"), note=entry.note))
        rows.append(row)
    blocks: list[Block] = [
        Paragraph(t("report.commitment.legend")),
        Table([t("report.partners.name"), *(t(f"report.attitude.{a}") for a in ATTITUDES)],
              rows),
    ]
    if notes:
        blocks.append(Items(notes))
    if session.commitment.override_reason:
        blocks.append(Paragraph(t("report.commitment.override",
                                  reason=session.commitment.override_reason)))
    return Section("commitment", title, blocks)
