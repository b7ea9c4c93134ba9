"""How the workshop went: the agenda with planned and actual time per stage,
and the parking lot with the side issues raised in the room."""

from __future__ import annotations

from datetime import datetime

from ...core.workshop import agenda_rows, agenda_state, format_clock, signed_clock
from ...models import Session
from ...models.workshop import ParkingItem
from ..blocks import Block, Cell, Heading, Items, Paragraph, Section, Table
from ..labels import Labels


def agenda_section(session: Session, labels: Labels) -> Section:
    """Planned, extra and actual minutes per stage; a running timer counts up to
    the moment the report is made."""
    t = labels.t
    rows = agenda_rows(session, labels.moment)
    cells: list[list[Cell]] = []
    for row in rows:
        cells.append([
            t(f"stage.name.{row.stage}"),
            t("workshop.minutes_short", minutes=row.planned_minutes),
            f"+{row.added_minutes}" if row.added_minutes else "–",
            format_clock(row.actual_seconds) if row.started else "–",
            signed_clock(row.difference_seconds) if row.started else "–",
            agenda_state(row),
        ])
    planned = sum(row.planned_minutes for row in rows)
    added = sum(row.added_minutes for row in rows)
    spent = sum(row.actual_seconds for row in rows)
    cells.append([
        t("report.agenda.total"), t("workshop.minutes_short", minutes=planned),
        f"+{added}" if added else "–", format_clock(spent),
        "", "",
    ])
    blocks: list[Block] = [
        Paragraph(t("report.agenda.legend")),
        Table([t("workshop.col_stage"), t("workshop.col_planned"), t("workshop.col_added"),
               t("workshop.col_actual"), t("workshop.col_difference"), t("workshop.col_state")],
              cells, numeric=frozenset({1, 2, 3, 4}), nowrap=frozenset({5})),
    ]
    if not spent:
        blocks.append(Paragraph(t("report.agenda.not_timed"), note=True))
    return Section("agenda", t("report.agenda.title"), blocks)


def _when(moment: datetime | None) -> str:
    return "" if moment is None else moment.astimezone().strftime("%H:%M")


def _item(item: ParkingItem, labels: Labels, followups: dict[str, str]) -> str:
    t = labels.t
    text = item.text
    parked = _when(item.created)
    if parked:
        text += " " + t("report.parking.parked_at", time=parked)
    if item.status == "closed":
        text += " " + t("report.parking.closed")
    elif item.status == "followup":
        what = followups.get(item.followup or "")
        text += " " + (t("report.parking.became", what=what) if what and what != item.text
                       else t("report.parking.became_same"))
    return text


def parking_section(session: Session, labels: Labels) -> Section:
    """Open items first: they are what the network still has to talk about."""
    t = labels.t
    title = t("report.parking.title")
    parking = session.workshop.parking
    if not parking:
        return Section("parking", title, [Paragraph(t("report.parking.empty"), note=True)])
    followups = {f.id: f.what for f in session.reflection.followups}
    still_open = [_item(i, labels, followups) for i in parking if i.status == "open"]
    settled = [_item(i, labels, followups) for i in parking if i.status != "open"]
    blocks: list[Block] = [Heading(t("report.parking.open", count=len(still_open)))]
    blocks.append(Items(still_open) if still_open
                  else Paragraph(t("report.parking.none_open"), note=True))
    if settled:
        blocks += [Heading(t("report.parking.settled", count=len(settled))), Items(settled)]
    return Section("parking", title, blocks)
